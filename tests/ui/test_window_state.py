"""The window's state under a learner's edits: multi-class views, edits while playing,
clicked points, optimizer switches, overflow, bounded numbers, stale messages, keys."""

from __future__ import annotations

import dataclasses
import multiprocessing
import sys

import numpy as np
import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QWidget

from nnsim.training.data import build_data
from nnsim.training.experiment import Experiment, LayerSpec, with_optimizer_param
from nnsim.training.grid import GridPredictor
from nnsim.training.snapshot import take_snapshot
from nnsim.training.trainer import Evaluation, Trainer
from nnsim.ui import errors


def data(exp: Experiment, **changes) -> Experiment:
    return dataclasses.replace(exp, data=dataclasses.replace(exp.data, **changes))


def status(window) -> QLabel:
    return window.findChild(QLabel, "statusMessage")


def snap_step(window) -> int:
    return window.last_snapshot.step


# -- 1. multi-class data draws every view ---------------------------------------------------
STEPS = 5


@pytest.mark.parametrize("dataset", ["spiral3", "blobs4"])
def test_multiclass_training_updates_every_view(qtbot, make_window, dataset):
    window = make_window(data(Experiment.default(), dataset=dataset))
    qtbot.waitUntil(lambda: window.boundary_view.displayed_rgba() is not None, timeout=5000)
    before = window.boundary_view.displayed_rgba().copy()
    drawn = []
    window.snapshotShown.connect(drawn.append)
    for _ in range(STEPS):  # a few are enough to move it: each step is a snapshot drawn
        window.step()
    qtbot.waitUntil(lambda: bool(drawn) and drawn[-1].step == STEPS, timeout=10000)
    after = window.boundary_view.displayed_rgba()
    assert after.shape == before.shape == (100, 100, 4)
    assert not np.array_equal(after, before)  # the boundary moved
    x, _ = window.loss_panel.batch_curve.getData()
    assert x is not None and x[-1] == STEPS  # the loss plot follows the steps
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


# -- 2. edits while playing ------------------------------------------------------------------
def play_until(qtbot, window, step: int) -> None:
    window.play()
    qtbot.waitUntil(lambda: snap_step(window) >= step, timeout=10000)


def test_an_edit_that_keeps_the_weights_keeps_training(qtbot, window):
    play_until(qtbot, window, 20)
    window.boundary_view.pointAdded.emit(1.0, 1.0, False)
    assert window.is_playing and window.training_bar.play_button.text() == "Pause"
    reached = snap_step(window)
    qtbot.waitUntil(lambda: snap_step(window) > reached + 20, timeout=10000)  # no reset
    assert window.last_snapshot.running
    window.pause()


def test_an_edit_that_needs_new_weights_stops_and_says_so(qtbot, window):
    play_until(qtbot, window, 20)
    window.architecture_panel.add_layer_button.click()
    assert not window.is_playing and window.training_bar.play_button.text() == "Play"
    qtbot.waitUntil(lambda: snap_step(window) == 0 and not window.last_snapshot.running)
    assert "New weights" in status(window).text()
    assert len(window.last_snapshot.grad_norms or [None] * 4) == 4  # 3 hidden + output


def test_switching_data_set_while_playing_returns_the_button_to_play(qtbot, window):
    play_until(qtbot, window, 10)
    combo = window.findChild(QComboBox, "datasetCombo")
    combo.setCurrentIndex(combo.findData("xor"))
    assert not window.is_playing and window.training_bar.play_button.text() == "Play"
    qtbot.waitUntil(lambda: snap_step(window) == 0)
    assert window.last_snapshot.experiment.data.dataset == "xor"


def test_replacing_the_experiment_while_playing_returns_the_button_to_play(qtbot, window):
    play_until(qtbot, window, 10)
    window.new_experiment()
    assert not window.is_playing and window.training_bar.play_button.text() == "Play"


# -- 3. clicked points -----------------------------------------------------------------------
def train_points(window) -> set[tuple[float, float]]:
    x, y = window.boundary_view.train_scatter.getData()
    return set(zip(x.tolist(), y.tolist(), strict=True))


def test_a_clicked_point_goes_to_the_training_set_and_keeps_the_split(qtbot, window):
    for _ in range(5):
        window.step()
    qtbot.waitUntil(lambda: snap_step(window) == 5)
    before = build_data(window.experiment())
    window.boundary_view.pointAdded.emit(1.25, -2.5, False)
    after = build_data(window.experiment())
    assert len(after.train) == len(before.train) + 1
    np.testing.assert_array_equal(after.train.x[:-1], before.train.x)  # nobody moved
    np.testing.assert_array_equal(after.test.x, before.test.x)
    assert tuple(after.train.x[-1]) == (1.25, -2.5)
    qtbot.waitUntil(lambda: (1.25, -2.5) in train_points(window), timeout=5000)  # shown
    window.step()
    qtbot.waitUntil(lambda: snap_step(window) == 6)  # the weights were kept: no reset


def test_the_window_draws_the_points_the_training_process_sends(qtbot, make_window, monkeypatch):
    from nnsim.training import data as data_module

    built = []
    monkeypatch.setattr(data_module, "build_data", lambda e: built.append(e) or build_data(e))
    window = make_window()
    shown = build_data(window.experiment()).train.x
    assert train_points(window) == set(map(tuple, shown.tolist()))  # with the first frame
    window.model.update("data", noise=0.3)
    noisy = build_data(window.experiment()).train.x
    qtbot.waitUntil(lambda: train_points(window) == set(map(tuple, noisy.tolist())))
    assert built == []  # the GUI process generated no data set


def test_removing_a_point_keeps_the_split_of_the_others(qtbot, window):
    before = build_data(window.experiment())
    x1, x2 = before.test.x[3]
    window.boundary_view.pointRemoveRequested.emit(float(x1), float(x2))
    after = build_data(window.experiment())
    np.testing.assert_array_equal(after.train.x, before.train.x)
    np.testing.assert_array_equal(after.test.x, np.delete(before.test.x, 3, axis=0))


# -- 4. switching optimizer ------------------------------------------------------------------
def test_switching_optimizer_keeps_the_weights_and_marks_the_plot(qtbot, window):
    for _ in range(20):
        window.step()
    qtbot.waitUntil(lambda: snap_step(window) == 20)
    weights = {k: v.copy() for k, v in window.last_snapshot.weights.items()}
    combo = window.findChild(QComboBox, "optimizerCombo")
    combo.setCurrentIndex(combo.findData("adam"))
    qtbot.waitUntil(lambda: window.last_snapshot.experiment.training.optimizer.name == "adam")
    snap = window.last_snapshot
    assert snap.step == 20
    for name, w in weights.items():
        np.testing.assert_array_equal(snap.weights[name], w)
    assert (20, "optimizer sgd → adam") in snap.markers
    assert "New weights" not in status(window).text()
    window.step()
    qtbot.waitUntil(lambda: snap_step(window) == 21)


# -- 7. messages belong to the state that caused them ----------------------------------------
def test_an_error_goes_when_its_state_goes(qtbot, window, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"data": {"dataset": "nope"}}')
    assert not window.open_file(str(bad))
    assert status(window).text() and "b00020" in status(window).styleSheet()
    window.new_experiment()
    assert status(window).text() == ""


def test_a_refused_learning_rate_message_goes_after_a_good_one(qtbot, window):
    window.optimizer_panel.messageRaised.emit("learning rate must be > 0")
    assert "must be > 0" in status(window).text()
    edit = window.findChild(QLineEdit, "learningRateEdit")
    edit.setText("0.1")
    edit.editingFinished.emit()
    assert status(window).text() == ""


def test_lower_the_learning_rate_clears_the_divergence_for_good(qtbot, make_window):
    exp = with_optimizer_param(Experiment.default(), "lr", 50.0)
    exp = dataclasses.replace(
        exp, network=dataclasses.replace(exp.network, hidden_layers=(LayerSpec(8, "relu"),) * 3)
    )
    window = make_window(data(exp, dataset="plane"))
    window.play()
    qtbot.waitUntil(lambda: window.last_snapshot.diverged is not None, timeout=10000)
    qtbot.waitUntil(lambda: not window.banner.isHidden())
    assert "b00020" in status(window).styleSheet()
    window.lower_lr_button.click()
    assert window.banner.isHidden()
    assert "lowered" in status(window).text() and "b00020" not in status(window).styleSheet()
    for _ in range(3):
        window.step()
    qtbot.waitUntil(lambda: snap_step(window) == 3)
    assert window.banner.isHidden() and window.last_snapshot.diverged is None


# -- 5. what the window stores cannot overflow before the trainer ----------------------------
def test_the_plotted_history_keeps_every_loss_the_trainer_keeps():
    trainer = Trainer(Experiment.default())
    trainer.run(3)
    row = trainer.history.table()[-1].copy()
    row[0], row[3] = 4, 1e300  # a loss far past float32's 3.4e38, still finite in float64
    trainer.history.append(row)
    snap = take_snapshot(trainer, max_rows=1200)
    assert snap.history["batch_loss"][-1] == 1e300
    assert np.isfinite(snap.history["batch_loss"]).all()


# -- 6. every number the toolbar shows has a bounded width -----------------------------------
def test_a_huge_loss_is_written_in_a_bounded_width(qtbot, window):
    snap = window.last_snapshot
    huge = Evaluation(snap.step, 1.4891673734532317e299, -2.5e300, 0.5, 0.5)
    window.training_bar.show_snapshot(dataclasses.replace(snap, evaluation=huge), 0.0)
    text = window.training_bar.loss_label.text()
    assert "1.489e+299" in text and "−2.5e+300" in text
    assert len(text) < 80


# -- 11. training keys work wherever focus is, except while typing ---------------------------
def test_space_plays_wherever_focus_is(qtbot, window):
    for name in ["optimizerCombo", "datasetCombo", "batchSizeSpin", "playButton"]:  # one window
        widget = window.findChild(QWidget, name)
        widget.setFocus()
        qtbot.waitUntil(widget.hasFocus)
        qtbot.keyClick(widget, Qt.Key.Key_Space)
        assert window.is_playing, name
        if isinstance(widget, QComboBox):
            assert not widget.view().isVisible(), name  # the combo did not open
        qtbot.keyClick(widget, Qt.Key.Key_Space)
        assert not window.is_playing, name


def test_step_and_reset_keys_work_on_a_combo(qtbot, window):
    combo = window.findChild(QComboBox, "optimizerCombo")
    combo.setFocus()
    text = combo.currentText()
    qtbot.keyClick(combo, Qt.Key.Key_Right)
    qtbot.keyClick(combo, Qt.Key.Key_S)
    qtbot.waitUntil(lambda: snap_step(window) == 2)
    assert combo.currentText() == text  # the keys did not pick another optimizer
    qtbot.keyClick(combo, Qt.Key.Key_R)
    qtbot.waitUntil(lambda: snap_step(window) == 0)


def test_keys_type_into_a_text_field(qtbot, window):
    edit = window.findChild(QLineEdit, "learningRateEdit")
    edit.setFocus()
    edit.clear()
    qtbot.keyClicks(edit, "0.3 ")
    assert edit.text() == "0.3 " and not window.is_playing


# -- a training process that dies is replaced, the experiment kept (issue 15) ----------------
def training_processes() -> list:
    return [p for p in multiprocessing.active_children() if p.name == "nnsim-training"]


def test_a_killed_training_process_is_restarted_with_the_users_experiment(qtbot, window):
    window.architecture_panel.add_layer_button.click()
    edited = window.experiment()
    for _ in range(5):
        window.step()
    qtbot.waitUntil(lambda: snap_step(window) == 5)
    (process,) = training_processes()
    process.kill()
    qtbot.waitUntil(lambda: "training process stopped" in status(window).text(), timeout=10000)
    assert "killed by signal" in status(window).text()
    qtbot.waitUntil(lambda: snap_step(window) == 0)
    assert window.experiment() == edited and window.last_snapshot.experiment == edited
    window.step()
    qtbot.waitUntil(lambda: snap_step(window) == 1)
    assert [p.pid for p in training_processes()] != [process.pid]


def test_a_failed_plot_export_is_shown_in_the_status_bar(qtbot, window):
    window.loss_panel.exportFailed.emit("Export as SVG failed: disk full")
    assert status(window).text() == "Export as SVG failed: disk full"
    assert "b00020" in status(window).styleSheet()


def test_a_long_message_shows_its_first_line_and_keeps_the_rest(qtbot, window):
    text = "Could not import data.csv:\n" + "\n".join(f"line {i}: bad" for i in range(2, 12))
    window.show_error(text)
    assert (
        status(window).text() == "Could not import data.csv:  (+10 more lines: hover to read them)"
    )
    assert status(window).toolTip() == text == window.status_text()
    window.show_message("Saved")
    assert status(window).text() == "Saved" and status(window).toolTip() == ""


def test_huge_neuron_outputs_are_clipped_for_display_not_overflowed():
    exp = Experiment.default()
    relu = dataclasses.replace(exp.network, hidden_layers=(LayerSpec(4, "relu"),))
    trainer = Trainer(dataclasses.replace(exp, network=relu))
    trainer.network.layers[0].W[...] = 1e300  # finite in float64, far past float32
    trainer.network.layers[0].b[...] = 0.0
    snap = take_snapshot(
        trainer, GridPredictor(("x1", "x2"), 8), neuron_grid=GridPredictor(("x1", "x2"), 4)
    )
    hidden = snap.neurons[1]
    assert hidden.dtype == np.float32 and np.isfinite(hidden).all() and hidden.max() > 1e38
