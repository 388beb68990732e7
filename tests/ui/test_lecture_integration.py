"""The lecture mode and the presentation view in the main window, and ``nnsim --lesson``."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractButton, QComboBox, QLabel, QSlider, QWidget

from nnsim.__main__ import main
from nnsim.training.experiment import Experiment, ViewSpec
from nnsim.training.lecture import ARTICLE_LESSON, numbers_in
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


def test_f5_switches_to_the_lecture_and_back(qtbot, window):
    for _ in range(3):
        window.step()
    qtbot.waitUntil(lambda: window.last_snapshot.step == 3)
    window.play()
    lecture_action = action(window, "lectureModeAction")
    assert lecture_action.shortcut().toString() == "F5" and lecture_action.isCheckable()
    lecture_action.trigger()
    view = lecture(window)
    assert not window.is_playing and lecture_action.isChecked()
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
    assert window.findChild(QLabel, "phaseLabel").text() == "Step 4 · Forward L2 (2 of 8)"
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
    action(window, "lectureModeAction").trigger()  # made now: it gets the zoom too
    assert lecture(window).font_scale() > 1.3
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
    action(window, "lectureModeAction").trigger()
    view = lecture(window)
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

    action(window, "lectureModeAction").trigger()  # the next lecture goes on from step 4
    view = lecture(window)
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
    action(window, "lectureModeAction").trigger()
    lecture(window).previous_phase()  # nothing walked: leaving asks nothing
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
    action(window, "lectureModeAction").trigger()
    lecture(window).run_to_end_of_step()
    action(window, "lectureModeAction").trigger()
    assert asked == [(3, 2)]
    qtbot.waitUntil(lambda: window.last_snapshot.step == 3)
