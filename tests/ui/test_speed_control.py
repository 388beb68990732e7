"""The speed control: a slider from 1 step/s to max, bound to view.speed and the pace."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSlider

from nnsim.testing import train_until
from nnsim.training.experiment import Experiment
from nnsim.training.experiment.schema import SPEEDS
from nnsim.ui.training_bar import speed_text

EXPECTED_SPEEDS = (1, 2, 5, 10, 30, 100, 1000, "max")


def slider_of(window) -> QSlider:
    slider = window.findChild(QSlider, "speedSlider")
    assert slider is not None
    return slider


def value_label(window) -> str:
    return window.findChild(QLabel, "speedValueLabel").text()


def shown_steps(window, qtbot, count: int, timeout: int = 10_000) -> list[int]:
    """Play and collect the steps of the snapshots the window draws, ``count`` of them after
    the step it started from (Play's own snapshot shows that one)."""
    steps: list[int] = []
    start = window.last_snapshot.step

    def on_shown(snapshot) -> None:
        if snapshot.step > start and (not steps or steps[-1] != snapshot.step):
            steps.append(snapshot.step)

    window.snapshotShown.connect(on_shown)
    try:
        window.play()
        qtbot.waitUntil(lambda: len(steps) >= count, timeout=timeout)
        window.pause()
    finally:
        window.snapshotShown.disconnect(on_shown)
    return steps


def test_the_speeds_are_the_issues():
    assert SPEEDS == EXPECTED_SPEEDS


def test_the_slider_starts_at_max_and_training_is_flat_out(window):
    slider = slider_of(window)
    assert slider.minimum() == 0 and slider.maximum() == len(EXPECTED_SPEEDS) - 1
    assert slider.value() == slider.maximum() and value_label(window) == "max"
    assert window.experiment().view.speed == "max" and window.worker.speed is None
    assert slider.focusPolicy() & Qt.FocusPolicy.TabFocus and slider.toolTip()


@pytest.mark.parametrize("index", range(len(EXPECTED_SPEEDS)))
def test_each_detent_sets_the_experiment_the_worker_and_the_label(window, index):
    slider = slider_of(window)
    slider.setValue((index + 1) % len(EXPECTED_SPEEDS))  # from elsewhere, so it moves
    slider.setValue(index)
    speed = EXPECTED_SPEEDS[index]
    assert window.experiment().view.speed == speed
    assert window.worker.speed == (None if speed == "max" else float(speed))
    assert value_label(window) == speed_text(speed)
    assert value_label(window) in ("1 step/s", "2 steps/s", "5 steps/s", "10 steps/s",
                                   "30 steps/s", "100 steps/s", "1,000 steps/s", "max")  # fmt: skip


def test_playing_at_1_step_per_second_shows_every_step(window, qtbot):
    slider_of(window).setValue(EXPECTED_SPEEDS.index(1))
    steps = shown_steps(window, qtbot, 3)
    assert steps[:3] == [1, 2, 3]  # the first at once, then one a second, each drawn


def test_playing_at_30_steps_per_second_shows_consecutive_steps(window, qtbot):
    train_until(window, 5)  # from a run already going: n, n + 1, …
    start = window.last_snapshot.step
    slider_of(window).setValue(EXPECTED_SPEEDS.index(30))
    steps = shown_steps(window, qtbot, 10)
    assert steps == list(range(start + 1, start + 1 + len(steps)))


def test_a_new_speed_while_playing_goes_on_with_the_same_run(window, qtbot):
    slider_of(window).setValue(EXPECTED_SPEEDS.index(30))
    window.play()
    qtbot.waitUntil(lambda: window.last_snapshot.step >= 3)
    slider_of(window).setValue(EXPECTED_SPEEDS.index("max"))  # flat out at once
    assert window.is_playing
    step = window.last_snapshot.step
    qtbot.waitUntil(lambda: window.last_snapshot.step > step + 100)  # no reset to 0, fast
    window.pause()
    assert "New weights" not in window.status_text()
    assert window.windowTitle().startswith("Untitled experiment •")  # saved with the view


def test_step_trains_one_step_at_a_slow_speed(window, qtbot):
    slider_of(window).setValue(EXPECTED_SPEEDS.index(1))
    step = window.last_snapshot.step
    window.step()
    qtbot.waitUntil(lambda: window.last_snapshot.step == step + 1)
    window.step()
    qtbot.waitUntil(lambda: window.last_snapshot.step == step + 2)
    assert not window.is_playing


def test_the_keys_go_slower_and_faster(window, qtbot):
    slider = slider_of(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_BracketLeft, Qt.KeyboardModifier.ControlModifier)
    assert window.experiment().view.speed == 1000
    qtbot.keyClick(window, Qt.Key.Key_BracketLeft, Qt.KeyboardModifier.ControlModifier)
    assert window.experiment().view.speed == 100
    qtbot.keyClick(window, Qt.Key.Key_BracketRight, Qt.KeyboardModifier.ControlModifier)
    assert window.experiment().view.speed == 1000 and slider.value() == 6


def test_the_speed_is_saved_and_opened_with_the_file(window, make_window, tmp_path):
    slider_of(window).setValue(EXPECTED_SPEEDS.index(10))
    path = tmp_path / "slow.json"
    assert window.save_to(str(path))
    assert json.loads(path.read_text())["view"]["speed"] == 10
    other = make_window()
    assert other.open_file(str(path))
    assert slider_of(other).value() == EXPECTED_SPEEDS.index(10)
    assert value_label(other) == "10 steps/s" and other.worker.speed == 10.0
    assert not other.windowTitle().startswith("slow.json •")  # as opened: nothing to save


def test_a_window_opened_on_a_slow_experiment_starts_slow(make_window):
    experiment = Experiment.from_dict({"view": {"speed": 2}})
    window = make_window(experiment)
    assert slider_of(window).value() == EXPECTED_SPEEDS.index(2)
    assert window.worker.speed == 2.0


def test_a_file_with_a_bad_speed_is_refused_and_the_speed_kept(window, tmp_path):
    slider_of(window).setValue(EXPECTED_SPEEDS.index(5))
    path = tmp_path / "bad.json"
    path.write_text('{"view": {"speed": 3}}')
    assert not window.open_file(str(path))
    assert "view.speed: must be one of 1, 2, 5, 10, 30, 100, 1000" in window.status_text()
    assert window.experiment().view.speed == 5 and window.worker.speed == 5.0


def test_a_restarted_training_process_keeps_the_speed(window, qtbot):
    slider_of(window).setValue(EXPECTED_SPEEDS.index(30))
    window.worker.restart(window.experiment())
    qtbot.waitUntil(lambda: window.last_snapshot is not None and window.last_snapshot.step == 0)
    steps = shown_steps(window, qtbot, 5)
    assert steps == list(range(1, len(steps) + 1))  # paced: every step, not hundreds at once


def test_hiding_the_slider_hides_its_caption_and_value(window):
    window.set_hidden_controls(["speedSlider"])
    assert window.findChild(QLabel, "speedValueLabel").isHidden()
    assert window.findChild(QLabel, "speedCaption").isHidden()
    window.set_hidden_controls([])
    assert not window.findChild(QLabel, "speedValueLabel").isHidden()
    assert window.experiment().view.hidden_controls == ()
