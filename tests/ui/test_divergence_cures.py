"""Issue 15 item 8: the divergence banner's button cures what the explanation blames, one
test per cause, each through the real window (the learning rate's own test is in
test_main_window.py)."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton

from nnsim.training.experiment import Experiment

RELU = {"hidden_layers": [{"units": 8, "activation": "relu"}] * 3}
ONE_UNIT = {"hidden_layers": [{"units": 1, "activation": "relu"}] * 2}


def diverge(qtbot, window, play=True):
    if play:
        window.play()
    qtbot.waitUntil(lambda: window.last_snapshot.diverged is not None, timeout=10000)
    qtbot.waitUntil(lambda: window.banner.isVisible())
    return window.findChild(QAbstractButton, "lowerLrButton")


def click_and_restart(qtbot, window, button):
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.last_snapshot.step == 0 and not window.last_snapshot.diverged)
    assert not window.banner.isVisible()
    window.step()
    qtbot.waitUntil(lambda: window.last_snapshot.step == 1)
    assert window.last_snapshot.diverged is None  # the cure took


def test_a_huge_momentum_is_set_back_to_its_default(qtbot, make_window):
    d = {"training": {"optimizer": {"name": "sgd", "lr": 0.01, "momentum": 1e308}}}
    window = make_window(Experiment.from_dict(d))
    button = diverge(qtbot, window)
    assert button.text() == "Set momentum to 0 and reset"
    assert "momentum back to 0, its default" in button.toolTip()
    click_and_restart(qtbot, window, button)
    params = window.experiment().training.optimizer.params
    assert params["momentum"] == 0.0 and params["lr"] == 0.01  # the rate was not to blame
    assert "momentum 1e+308 → 0" in window.status_message.text()


def test_one_cycle_is_cured_through_its_max_lr(qtbot, make_window):
    schedule = {"name": "one_cycle", "total_steps": 1000, "max_lr": 100, "pct_start": 0.1}
    d = {"network": RELU, "loss": "mse", "training": {"schedule": schedule}}
    window = make_window(Experiment.from_dict(d))
    button = diverge(qtbot, window)
    assert button.text() == "Lower max_lr ×10 and reset"
    assert "max_lr to 10" in button.toolTip()
    lr = window.experiment().training.optimizer.params["lr"]
    click_and_restart(qtbot, window, button)
    experiment = window.experiment()
    assert experiment.training.schedule.params["max_lr"] == 10.0
    assert experiment.training.optimizer.params["lr"] == lr


def test_weights_that_overflow_before_any_update_are_drawn_again(qtbot, make_window):
    window = make_window(Experiment.from_dict({"network": RELU, "loss": "mse"}))
    initial = window.last_snapshot.weights["W1"].copy()
    assert window.network_view.edit_weight(1, 0, 0, 1e300)  # the diagram's click-to-edit
    window.step()
    button = diverge(qtbot, window, play=False)
    assert "before any update" in window.banner.label.text()
    assert button.text() == "New initial weights and reset"
    before = window.experiment()
    click_and_restart(qtbot, window, button)
    assert window.experiment() == before  # the experiment was not to blame: its weights
    window.reset()
    qtbot.waitUntil(lambda: window.last_snapshot.step == 0)
    assert (window.last_snapshot.weights["W1"] == initial).all()


def test_an_exploding_gradient_is_clipped(qtbot, make_window):
    d = {"network": ONE_UNIT, "loss": "mse", "data": {"dataset": "plane"}}
    window = make_window(Experiment.from_dict(d))
    view = window.network_view
    for col in (0, 1):
        view.edit_weight(1, 0, col, 1e-150)
    view.edit_weight(2, 0, 0, 1e250)  # a finite loss, but ∂J/∂W¹ = W²·W³·δ·x overflows
    window.step()
    button = diverge(qtbot, window, play=False)
    assert "exploding gradients" in window.banner.label.text()
    assert button.text() == "Clip the gradient norm at 1 and reset"
    click_and_restart(qtbot, window, button)
    clip = window.experiment().training.grad_clip
    assert (clip.mode, clip.threshold) == ("norm", 1.0)


def test_a_cure_that_no_longer_fits_leaves_everything_as_it_was(qtbot, make_window):
    d = {"training": {"optimizer": {"name": "sgd", "lr": 0.01, "momentum": 1e308}}}
    window = make_window(Experiment.from_dict(d))
    button = diverge(qtbot, window)
    bad = (("training.optimizer.momentum", -1.0),)  # e.g. a cure made for another experiment
    window.banner.cure = dataclasses.replace(window.banner.cure, settings=bad)
    before, step = window.experiment(), window.last_snapshot.step
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert window.experiment() == before and window.banner.isVisible()
    assert "Cannot apply" in window.status_message.text()
    qtbot.wait(100)
    assert window.last_snapshot.step == step and window.last_snapshot.diverged


def test_play_right_after_opening_a_good_experiment_on_a_diverged_run_plays(qtbot, make_window):
    """Play used to be refused on the word of the old run's last snapshot ("Training
    diverged: reset…") until the new run's first snapshot came."""
    d = {"training": {"optimizer": {"name": "sgd", "lr": 0.01, "momentum": 1e308}}}
    window = make_window(Experiment.from_dict(d))
    diverge(qtbot, window)
    window.set_experiment(Experiment())
    window.play()  # before any snapshot of the new run has arrived
    assert window.is_playing
    qtbot.waitUntil(lambda: not window.last_snapshot.diverged and window.last_snapshot.step > 0)
    assert "diverged" not in window.status_text()
