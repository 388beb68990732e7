"""Guided lessons in the window: File ▸ Lessons, the Lesson panel's Set up / Check my answer,
the windows a lesson opens, ``nnsim --lesson``."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFrame, QMenu, QWidget

from nnsim.__main__ import main
from nnsim.testing import train_until
from nnsim.training.lessons import lesson_names, lesson_plan, lesson_title, load_lesson
from nnsim.ui.surfaces.window import SPEEDS


def open_lesson(window, name: str):
    """Open lesson ``name`` from File ▸ Lessons, as a learner does; the dock's question box."""
    action = window.findChild(QAction, f"lessonAction_{name.replace('-', '_')}")
    assert action is not None, name
    action.trigger()
    dock = window.findChild(QWidget, "lessonDock")
    assert dock is not None and dock.isVisible()
    return dock.question


def check(qtbot, box, key: str) -> str:
    box.choose(key)
    qtbot.mouseClick(box.check_button, Qt.MouseButton.LeftButton)
    return box.feedback.text()


def test_file_lessons_lists_the_ten_lessons_with_their_titles(window):
    menu = window.findChild(QMenu, "lessonsMenu")
    actions = [a for a in menu.actions() if not a.isSeparator()]
    assert len(actions) == 10
    assert [a.text() for a in actions] == [lesson_title(n) for n in lesson_names()]
    names = [a.objectName() for a in actions]
    assert names == [f"lessonAction_{n.replace('-', '_')}" for n in lesson_names()]


def test_an_unknown_lesson_on_the_command_line_fails_with_the_list(capsys):
    assert main(["--lesson", "no-such-lesson"]) == 2
    err = capsys.readouterr().err
    assert "no such lesson" in err
    for name in lesson_names():
        assert name in err


@pytest.mark.parametrize("name", lesson_names())
def test_each_lesson_opens_its_experiment_window_and_question(qtbot, window, name):
    box = open_lesson(window, name)
    experiment, _, _ = load_lesson(name)
    plan = lesson_plan(name)
    assert window.experiment() == experiment and window.last_snapshot is not None
    assert len(box.choices) == len(plan.question.choices) and box.text.text()
    where = {
        "main": window,
        "lecture": window,
        "compare": window.compare_window,
        "surfaces": window.surfaces_window,
    }[plan.window]
    assert where is not None and where.isVisible()
    watched = where.findChild(QWidget, plan.look_at)
    assert watched is not None and watched.isVisible(), plan.look_at
    frame = watched.findChild(QFrame, "lessonHighlight")  # set up shows where to look
    assert frame is not None and frame.geometry() == watched.rect()
    if plan.window == "compare":
        assert [r.label for r in where.runs] == [r.label for r in plan.compare]
    elif plan.window == "surfaces":
        assert where.preset_combo.currentData() == plan.surface_preset
    assert window.lecture_mode.active == (plan.window == "lecture")


def test_a_main_window_lesson_checks_the_answer_against_the_run(qtbot, window):
    box = open_lesson(window, "symmetry")
    assert window.experiment().network.init == "zeros"
    qtbot.mouseClick(box.check_button, Qt.MouseButton.LeftButton)  # nothing chosen yet
    assert box.feedback.text() == "Pick an answer first."
    assert "Not yet" in check(qtbot, box, "yes")  # not trained far enough
    train_until(window, 200)
    wrong = check(qtbot, box, "no")
    assert wrong.startswith("Not quite") and "layer 1" in wrong
    right = check(qtbot, box, "yes")
    assert right.startswith("Right") and ": 0" in right
    window.findChild(QWidget, "lessonDock").text_panel.set_language("zh")
    assert "完全相同" in box.choices[0].text()  # the question follows the lesson's language,
    assert box.check_button.text() == "Check my answer"  # the buttons the window's
    assert check(qtbot, box, "yes").startswith("正确")


def test_an_edited_experiment_is_no_longer_the_lessons_run_until_set_up(qtbot, window):
    box = open_lesson(window, "lr-decay")
    window.model.set_optimizer_param("lr", 0.5)
    train_until(window, 260)
    assert "Set up" in check(qtbot, box, "0.0909")
    qtbot.mouseClick(box.set_up_button, Qt.MouseButton.LeftButton)
    assert window.experiment() == load_lesson("lr-decay")[0]
    qtbot.waitUntil(lambda: window.last_snapshot.experiment == window.experiment())
    assert window.last_snapshot.step == 0  # a new run
    train_until(window, 260)
    assert check(qtbot, box, "0.1").startswith("Not quite")
    assert check(qtbot, box, "0.0909").startswith("Right")


def test_a_compare_lesson_checks_the_runs_in_the_compare_window(qtbot, window):
    box = open_lesson(window, "adaptive")
    compare = window.compare_window
    assert [r.label for r in compare.runs] == ["SGD", "RMSprop", "Adam"]
    assert [r.experiment.training.optimizer.name for r in compare.runs] == [
        "sgd",
        "rmsprop",
        "adam",
    ]
    compare.play()
    qtbot.waitUntil(lambda: compare.steps_done >= 400, timeout=30_000)
    compare.pause()
    assert check(qtbot, box, "Adam").startswith("Not quite")
    assert check(qtbot, box, "SGD").startswith("Right")


def test_a_surfaces_lesson_checks_the_race(qtbot, window):
    box = open_lesson(window, "lr-too-high")
    surfaces = window.surfaces_window
    surfaces.speed_combo.setCurrentIndex(len(SPEEDS) - 1)
    surfaces.play()
    qtbot.waitUntil(lambda: surfaces.race.steps_done >= 60, timeout=20_000)
    surfaces.pause()
    assert check(qtbot, box, "SGD η=0.11").startswith("Right")
    assert check(qtbot, box, "none").startswith("Not quite")


def test_the_lecture_lesson_asks_about_its_first_step(qtbot, window):
    box = open_lesson(window, "article-backprop")
    dock = window.findChild(QWidget, "lessonDock")
    assert window.lecture_mode.active and not dock.text_panel.browser.isVisible()
    assert check(qtbot, box, "0.5002").startswith("Right")
    assert "0.5002" in check(qtbot, box, "0.6931")
    open_lesson(window, "vanishing-gradients")  # another lesson leaves the lecture
    assert not window.lecture_mode.active and dock.text_panel.browser.isVisible()
