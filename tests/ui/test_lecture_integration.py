"""The lecture mode and the presentation view in the main window, and ``nnsim --lesson``."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractButton, QComboBox, QLabel, QMessageBox, QSlider, QWidget

from nnsim.__main__ import main
from nnsim.testing import LEAVING_LECTURE, UNSAVED_CHANGES
from nnsim.training.experiment import Experiment, ViewSpec
from nnsim.training.lecture import ARTICLE_LESSON, numbers_in
from nnsim.training.lecture.checkpoint import same
from nnsim.training.trainer import Trainer
from nnsim.ui.lecture import LectureView


def action(window, name: str) -> QAction:
    found = window.findChild(QAction, name)
    assert found is not None, name
    return found


def lecture(window) -> LectureView:
    view = window.findChild(QWidget, "lectureView")
    assert view is not None and view.isVisible()
    return view


def enter_lecture(qtbot, window) -> LectureView:
    """F5, then wait for the training process's state: the lecture starts from it."""
    assert not window.lecture_mode.active
    action(window, "lectureModeAction").trigger()
    qtbot.waitUntil(lambda: window.lecture_mode.active)
    return lecture(window)


def test_f5_switches_to_the_lecture_and_back(qtbot, window):
    for _ in range(3):
        window.step()
    qtbot.waitUntil(lambda: window.last_snapshot.step == 3)
    window.play()
    lecture_action = action(window, "lectureModeAction")
    assert lecture_action.shortcut().toString() == "F5" and lecture_action.isCheckable()
    lecture_action.trigger()
    assert window.lecture_mode.waiting and lecture_action.isChecked()  # asked for the state
    assert "fetching" in window.status_text()
    qtbot.waitUntil(lambda: window.lecture_mode.active)
    view = lecture(window)
    assert not window.is_playing and lecture_action.isChecked()
    assert "fetching" not in window.status_text()
    assert window.centralWidget().currentWidget() is view
    assert not window.findChild(QAbstractButton, "playButton").isEnabled()
    snapshot = window.last_snapshot
    trainer = view.session.trainer
    for name in ("W1", "b1", "W3"):  # the lecture continues from the weights on screen
        assert np.array_equal(trainer.network.state()[name], snapshot.weights[name])
    assert view.session.step_index == snapshot.step
    for key in (Qt.Key.Key_Right, Qt.Key.Key_Space, Qt.Key.Key_PageDown):
        qtbot.keyClick(window, key)  # window-wide: a clicker works whatever has the focus
    assert view.session.position == 2 and not window.is_playing  # Space walked, not played
    qtbot.keyClick(view.numbers, Qt.Key.Key_PageUp)
    assert view.session.position == 1
    step = snapshot.step + 1  # Play ran on until F5 paused it: how far depends on the machine
    assert window.findChild(QLabel, "phaseLabel").text() == f"Step {step} · Forward L2 (2 of 8)"
    lecture_action.trigger()
    assert not view.isVisible() and window.findChild(QAbstractButton, "playButton").isEnabled()
    qtbot.keyClick(window, Qt.Key.Key_Space)  # the window's own keys are back
    assert window.is_playing
    window.pause()


def test_file_lessons_opens_the_article_in_lecture_mode(qtbot, window):
    action(window, "lessonAction_article_backprop").trigger()
    view = lecture(window)
    assert window.experiment().name == "article-backprop"
    assert action(window, "lectureModeAction").isChecked()
    assert view.tabs.indexOf(view.lesson_panel) >= 0
    view.next_phase()
    W1 = np.array(ARTICLE_LESSON.initial_weights["W1"]).ravel().tolist()
    text = view.numbers.tables_text()  # "X 1×2 1 2 W¹ 4×2 −0.006403 …"
    assert numbers_in(text)[:14] == [1, 2, 1.0, 2.0, 4, 2, *W1]
    assert view.session.source.point == (1.0, 2.0)


def test_zoom_and_high_contrast_reach_labels_and_plots(qtbot, window):
    label = window.findChild(QLabel, "stepLabel")
    axis = next(i for i in window.loss_panel.graphics.scene().items() if isinstance(i, pg.AxisItem))
    size, tick = label.font().pointSizeF(), axis.style["tickFont"].pointSizeF()
    assert action(window, "zoomInAction").shortcuts()[0].toString() == "Ctrl+="
    action(window, "zoomInAction").trigger()
    action(window, "zoomInAction").trigger()
    assert label.font().pointSizeF() == pytest.approx(1.3 * size)
    assert axis.style["tickFont"].pointSizeF() == pytest.approx(1.3 * tick)
    action(window, "highContrastAction").trigger()
    assert axis.pen().color().name() == "#000000"
    assert enter_lecture(qtbot, window).font_scale() > 1.3  # made now: it gets the zoom too
    action(window, "resetZoomAction").trigger()
    action(window, "highContrastAction").trigger()
    assert label.font().pointSizeF() == pytest.approx(size)


def test_hidden_controls_are_kept_in_the_experiment(qtbot, window):
    window.set_hidden_controls(["optimizerCombo", "noiseSlider"])
    assert window.experiment().view.hidden_controls == ("optimizerCombo", "noiseSlider")
    assert window.findChild(QComboBox, "optimizerCombo").isHidden()
    assert window.findChild(QSlider, "noiseSlider").isHidden()
    window.set_experiment(Experiment.default())
    assert not window.findChild(QComboBox, "optimizerCombo").isHidden()
    window.set_experiment(Experiment(view=ViewSpec(hidden_controls=("noiseSlider",))))
    assert window.findChild(QSlider, "noiseSlider").isHidden()
    dialog = window.lecture_mode.hide_controls_dialog()
    qtbot.addWidget(dialog)
    assert dialog.hidden_controls() == ("noiseSlider",)


def test_cli_lesson_names(capsys):
    assert main(["--lesson", "nope"]) == 2
    err = capsys.readouterr().err
    assert "no such lesson" in err and "article-backprop" in err
    assert main(["exp.json", "--lesson", "article-backprop"]) == 2


# -- leaving the lecture -------------------------------------------------------------------------
def walk_step_3_into_step_4(qtbot, window) -> LectureView:
    """From the window at step 2: the lecture, all of step 3, on to step 4's first phase."""
    view = enter_lecture(qtbot, window)
    assert view.session.step_index == 2
    for _ in view.session.titles:
        view.next_phase()
    view.next_phase()
    assert window.findChild(QLabel, "phaseLabel").text().startswith("Step 4 · Forward L1")
    return view


def window_at_step_2(qtbot, window, asked: list) -> None:
    def ask(lecture_steps: int, window_steps: int) -> tuple[str, bool]:
        asked.append((lecture_steps, window_steps))
        return "continue", True

    window.lecture_mode.ask_on_leave = ask
    window.step()
    window.step()
    qtbot.waitUntil(lambda: window.last_snapshot.step == 2)


def same_weights(snapshot, trainer: Trainer) -> bool:
    return all(np.array_equal(snapshot.weights[k], v) for k, v in trainer.network.state().items())


def test_leaving_the_lecture_continues_from_the_steps_it_walked(qtbot, window):
    asked = []
    window_at_step_2(qtbot, window, asked)
    trainer = walk_step_3_into_step_4(qtbot, window).session.trainer
    reference = Trainer(window.experiment())  # where the lecture is: the next Step must match
    reference.load_state_dict(trainer.state_dict())
    action(window, "lectureModeAction").trigger()  # leave
    assert asked == [(3, 2)]  # asked once: the lecture's step 3, the window's step 2
    qtbot.waitUntil(lambda: window.last_snapshot.step == 3)
    assert same_weights(window.last_snapshot, trainer)
    window.step()
    qtbot.waitUntil(lambda: window.last_snapshot.step == 4)
    result = reference.step()
    assert same_weights(window.last_snapshot, reference)
    history = window.last_snapshot.history
    assert history["step"].tolist() == [1, 2, 3, 4]  # the window's steps 1, 2 are kept
    assert history["batch_loss"][-1] == result.loss
    assert QSettings().value("lecture/onLeave") == "continue"
    assert action(window, "leaveContinueAction").isChecked()

    view = enter_lecture(qtbot, window)  # the next lecture goes on from step 4
    assert view.session.step_index == 4
    view.run_to_end_of_step()
    action(window, "lectureModeAction").trigger()
    assert len(asked) == 1  # remembered: not asked again
    qtbot.waitUntil(lambda: window.last_snapshot.step == 5)
    assert same_weights(window.last_snapshot, view.session.trainer)


def test_discarding_the_lectures_steps_keeps_the_window_where_it_was(qtbot, window):
    asked = []
    window_at_step_2(qtbot, window, asked)
    window.lecture_mode.ask_on_leave = lambda *steps: asked.append(steps) or ("discard", False)
    walk_step_3_into_step_4(qtbot, window)
    action(window, "lectureModeAction").trigger()
    assert asked == [(3, 2)] and QSettings().value("lecture/onLeave") is None  # not remembered
    window.step()
    qtbot.waitUntil(lambda: window.last_snapshot.step == 3)
    reference = Trainer(window.experiment())
    reference.run(3)
    assert same_weights(window.last_snapshot, reference)  # as if there had been no lecture
    enter_lecture(qtbot, window).previous_phase()  # nothing walked: leaving asks nothing
    action(window, "lectureModeAction").trigger()
    assert len(asked) == 1


def test_the_choice_on_leaving_is_changed_in_the_view_menu(qtbot, window):
    asked = []
    window_at_step_2(qtbot, window, asked)
    action(window, "leaveDiscardAction").trigger()
    assert QSettings().value("lecture/onLeave") == "discard"
    walk_step_3_into_step_4(qtbot, window)
    action(window, "lectureModeAction").trigger()
    assert asked == []
    action(window, "leaveAskAction").trigger()
    assert QSettings().value("lecture/onLeave") is None
    enter_lecture(qtbot, window).run_to_end_of_step()
    action(window, "lectureModeAction").trigger()
    assert asked == [(3, 2)]
    qtbot.waitUntil(lambda: window.last_snapshot.step == 3)


# -- entering: the training process's state; closing in the lecture -------------------------------
ADAM = {"training": {"optimizer": {"name": "adam", "lr": 0.01}, "batch_size": 7}}


def without_origin(trainer: Trainer, *, evaluation: bool = True) -> dict:
    """What the lecture's trainer and the process's share (the lecture's history begins at
    its first step: ``history_origin``); without the last evaluation, what a trainer that
    was never drawn shares with them too (every snapshot of the process evaluates)."""
    state = trainer.state_dict(histories=False)
    del state["history_origin"]
    if not evaluation:
        del state["last_evaluation"]
    return state


def test_the_lecture_starts_from_the_training_processs_adam_state(qtbot, make_window):
    window = make_window(Experiment.from_dict(ADAM))
    window.play()
    qtbot.waitUntil(lambda: window.last_snapshot.step >= 40, timeout=20_000)  # passes of 6
    trainer = enter_lecture(qtbot, window).session.trainer  # pauses, then asks for the state
    steps = trainer.steps_done
    assert steps >= 40 and steps == window.last_snapshot.step == lecture(window).session.step_index
    with qtbot.waitSignal(window.worker.stateReady) as process:  # the process, asked again
        window.worker.request_state()
    process_state = dict(process.args[0])
    del process_state["history_origin"]
    assert same(without_origin(trainer), process_state)  # weights, Adam moments, data order …
    adam = trainer.optimizer.state_dict()["state"][0]
    assert adam["step"] == steps and np.any(adam["exp_avg"]) and np.any(adam["exp_avg_sq"])
    real = Trainer(window.experiment())  # the process's run, step for step
    real.run(steps)
    assert same(without_origin(trainer, evaluation=False), without_origin(real, evaluation=False))
    lecture(window).run_to_end_of_step()  # one lecture step ≡ one more step() of the real one
    real.step()
    assert same(without_origin(trainer, evaluation=False), without_origin(real, evaluation=False))
    assert np.array_equal(trainer.network.theta, real.network.theta)


def test_f5_again_while_the_state_is_on_its_way_cancels(qtbot, window):
    lecture_action = action(window, "lectureModeAction")
    lecture_action.trigger()
    lecture_action.trigger()  # before the answer came
    assert not window.lecture_mode.waiting and not lecture_action.isChecked()
    with qtbot.waitSignal(window.worker.stateReady):
        pass  # the answer comes, and is not taken
    assert not window.lecture_mode.active
    assert window.findChild(QAbstractButton, "playButton").isEnabled()


def test_closing_in_the_lecture_hands_its_steps_back_before_the_unsaved_question(
    qtbot, window, nnsim_dialogs
):
    window.step()
    window.step()
    qtbot.waitUntil(lambda: window.last_snapshot.step == 2)
    view = enter_lecture(qtbot, window)
    view.run_to_end_of_step()  # the lecture trained step 3
    window.set_hidden_controls(["noiseSlider"])  # an unsaved change
    nnsim_dialogs.answer(LEAVING_LECTURE, "continue")
    nnsim_dialogs.answer(UNSAVED_CHANGES, QMessageBox.StandardButton.Cancel)
    window.close()
    assert window.isVisible()  # cancelled ...
    assert [seen.title for seen in nnsim_dialogs.seen] == [LEAVING_LECTURE, UNSAVED_CHANGES]
    qtbot.waitUntil(lambda: window.last_snapshot.step == 3)  # ... and the steps are the window's
    assert same_weights(window.last_snapshot, view.session.trainer)
    window.close()  # again: nothing more walked, so only the unsaved question (Cancel)
    assert [seen.title for seen in nnsim_dialogs.seen][2:] == [UNSAVED_CHANGES]


def test_a_state_asked_for_before_a_reset_is_asked_for_again(qtbot, window):
    window.step()
    window.step()
    qtbot.waitUntil(lambda: window.last_snapshot.step == 2)
    with qtbot.waitSignal(window.worker.stateReady) as got:
        window.worker.request_state()
        window.reset()  # the answer on its way is of a state the window has left
    assert got.args[0]["steps_done"] == 0
