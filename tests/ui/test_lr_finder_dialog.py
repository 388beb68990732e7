"""Training ▸ Find learning rate…: the range test beside the window, with progress, cancel,
suggestions that explain themselves, and one click to use one; the run on screen is kept."""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QPushButton

from nnsim.testing import train_until
from nnsim.ui.lr_finder_dialog import LRFinderDialog


def open_finder(window) -> LRFinderDialog:
    action = window.findChild(QAction, "lrFinderAction")
    assert action is not None and action.shortcut().toString() == "Ctrl+L"
    action.trigger()
    dialog = window.findChild(LRFinderDialog, "lrFinderDialog")
    assert dialog is not None and dialog.isVisible() and not dialog.isModal()
    return dialog


def test_the_range_test_runs_beside_the_window_and_its_suggestion_is_applied(qtbot, window):
    snapshot = train_until(window, 20)
    weights = {k: v.copy() for k, v in snapshot.weights.items()}
    dialog = open_finder(window)
    qtbot.waitUntil(lambda: not dialog.running, timeout=60_000)
    result = dialog.finder.result()
    assert len(result.lrs) >= 30 and result.lrs[0] == 1e-7
    assert dialog.progress.value() == dialog.finder.steps_done
    x, _ = dialog.curve.getData()  # the plot's x axis is log10 of the rate
    assert np.allclose(10**x, result.lrs[np.isfinite(result.smoothed)])
    steepest = dialog.findChild(QPushButton, "lrFinderUse_steepest")
    explanation = dialog.findChild(QLabel, "lrFinderExplain_steepest").text()
    assert steepest.isEnabled() and "steep" in explanation.lower()
    # the run on screen was not touched by the test
    assert window.last_snapshot.step == snapshot.step
    for name, value in weights.items():
        assert np.array_equal(window.last_snapshot.weights[name], value)
    steepest.click()
    chosen = {s.name: s for s in result.suggestions}["steepest"].lr
    assert math.isclose(window.experiment().training.optimizer.lr, float(f"{chosen:.3g}"))
    assert "learning rate is now" in dialog.message.text()


def test_the_range_test_can_be_cancelled_and_keeps_what_it_measured(qtbot, window):
    dialog = open_finder(window)
    assert dialog.running and dialog.findChild(QPushButton, "lrFinderCancel").isEnabled()
    for _ in range(3):  # as the timer's slices would (no event is processed meanwhile)
        dialog.finder.step()
    dialog.findChild(QPushButton, "lrFinderCancel").click()
    assert not dialog.running and dialog.finder.cancelled
    done = dialog.finder.steps_done
    assert "cancelled" in dialog.message.text() and dialog.progress.value() == done
    assert len(dialog.curve.getData()[0]) == done
    before = window.experiment()
    dialog.close()
    assert window.experiment() == before
