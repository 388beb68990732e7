"""Ghost runs: a change that restarts training keeps the old run's test loss on the plot,
faded and labelled with what changed; the last three stay; a button clears them."""

from __future__ import annotations

import numpy as np
from PySide6.QtWidgets import QComboBox, QToolButton

from nnsim.testing import choose, train_until
from nnsim.training.changes import describe_reset
from nnsim.training.experiment import Experiment
from nnsim.ui.plots.ghosts import MAX_GHOSTS


def ghost_button(window) -> QToolButton:
    button = window.findChild(QToolButton, "clearGhostsButton")
    assert button is not None
    return button


def test_a_restart_keeps_the_old_runs_test_loss_as_a_labelled_ghost(qtbot, window):
    snapshot = train_until(window, 40)
    old_steps, old_loss = snapshot.evaluations["step"], snapshot.evaluations["test_loss"]
    assert len(old_steps) >= 2
    assert not ghost_button(window).isVisibleTo(window)
    choose(window.findChild(QComboBox, "activationCombo_1"), "relu")  # restarts
    qtbot.waitUntil(lambda: window.last_snapshot is not None and window.last_snapshot.step == 0)
    ghosts = window.loss_panel.ghosts
    assert ghosts.labels() == ["activation tanh → relu/tanh"]
    steps, loss = ghosts.curves()[0].xData, ghosts.curves()[0].yData  # getData: what is in view
    assert np.array_equal(steps, old_steps) and np.array_equal(loss, old_loss)
    assert snapshot.step >= 40 and ghost_button(window).isVisibleTo(window)
    legend_names = [label.text for _, label in window.loss_panel.legend.items]
    assert "earlier: activation tanh → relu/tanh" in legend_names


def test_only_the_last_three_are_kept_and_the_button_clears_them(qtbot, window):
    for seed in range(1, MAX_GHOSTS + 2):
        train_until(window, 20 * seed)
        window.model.update(seed=seed)
        qtbot.waitUntil(lambda: window.last_snapshot.step == 0)
    labels = window.loss_panel.ghosts.labels()
    assert labels == [f"seed {s - 1} → {s}" for s in range(MAX_GHOSTS + 1, 1, -1)]
    ghost_button(window).click()
    assert window.loss_panel.ghosts.labels() == []
    assert not ghost_button(window).isVisibleTo(window)
    legend_names = [label.text for _, label in window.loss_panel.legend.items]
    assert not any(name.startswith("earlier:") for name in legend_names)


def test_a_change_that_goes_on_training_makes_no_ghost(qtbot, window):
    train_until(window, 30)
    window.model.set_optimizer_param("lr", 0.1)
    train_until(window, 60)
    assert window.loss_panel.ghosts.labels() == []


def test_describe_reset_names_what_changed():
    old = Experiment()
    new = Experiment.from_dict({"network": {"hidden_layers": [{"units": 8}, {"units": 8}]}})
    assert describe_reset(old, new, "the network changed") == "hidden layers 4-2 → 8-8"
    assert describe_reset(old, old, "the network changed") == "the network changed"
