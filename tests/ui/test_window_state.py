"""The window's state under a learner's edits: multi-class views, edits while playing,
clicked points, optimizer switches, overflow, bounded numbers, stale messages, keys."""

from __future__ import annotations

import dataclasses
import sys

import numpy as np
import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QComboBox, QLabel

from nnsim.training.data import build_data
from nnsim.training.experiment import Experiment, LayerSpec, with_optimizer_param
from nnsim.ui import errors


def data(exp: Experiment, **changes) -> Experiment:
    return dataclasses.replace(exp, data=dataclasses.replace(exp.data, **changes))


def status(window) -> QLabel:
    return window.findChild(QLabel, "statusMessage")


def snap_step(window) -> int:
    return window.last_snapshot.step


# -- 1. multi-class data draws every view ---------------------------------------------------
@pytest.mark.parametrize("dataset", ["spiral3", "blobs4"])
def test_multiclass_training_updates_every_view(qtbot, make_window, dataset):
    window = make_window(data(Experiment.default(), dataset=dataset))
    qtbot.waitUntil(lambda: window.boundary_view.displayed_rgba() is not None, timeout=5000)
    before = window.boundary_view.displayed_rgba().copy()
    drawn = []
    window.snapshotShown.connect(drawn.append)
    for _ in range(30):
        window.step()
    qtbot.waitUntil(lambda: bool(drawn) and drawn[-1].step == 30, timeout=10000)
    after = window.boundary_view.displayed_rgba()
    assert after.shape == before.shape == (100, 100, 4)
    assert not np.array_equal(after, before)  # the boundary moved
    x, _ = window.loss_panel.batch_curve.getData()
    assert x is not None and x[-1] == 30  # the loss plot follows the steps
    assert window.last_snapshot.confidence.shape == window.last_snapshot.output.shape


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_slot_is_shown_in_the_status_bar_and_logged(qtbot, window, caplog):
    seen = []
    saved = sys.excepthook
    sys.excepthook = lambda *args: seen.append(args)  # stands for the runner's own hook
    try:
        errors.install_exception_hook(log_to_file=False)

        def broken() -> None:
            raise ValueError("operands could not be broadcast together")

        QTimer.singleShot(0, broken)
        qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    finally:
        sys.excepthook = saved
    assert seen[0][0] is ValueError  # the hook it replaced still sees it (pytest-qt fails)
    text = status(window).text()
    assert "ValueError: operands could not be broadcast together" in text
    assert "b00020" in status(window).styleSheet()  # shown as an error
    assert "operands could not be broadcast" in caplog.text  # and logged with its traceback
    assert "Traceback" in caplog.text


def test_pytest_qt_exception_capture_is_not_disabled(pytestconfig):
    assert not pytestconfig.getini("qt_no_exception_capture")
