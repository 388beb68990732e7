"""The lecture mode and the lessons in Simplified Chinese: no English left (issue 13).

Each test checks the widgets of the lecture and of the lessons only (their own texts, by
objectName): the window's other panels are checked by their own tests.
"""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMenu, QWidget

from nnsim.testing.untranslated import english_texts, english_words
from nnsim.training.lessons import lesson_names, lesson_plan, load_lesson
from nnsim.ui.i18n import tr

# Code names and file words the lesson texts quote from the article (they stay as written).
LESSON_CODE = ("grads[key]", "key = ", "randn")


def enter_lecture(qtbot, window):
    window.findChild(QAction, "lectureModeAction").trigger()
    qtbot.waitUntil(lambda: window.lecture_mode.active, timeout=10_000)
    return window.lecture_mode.view


def lecture_english(view, ignore=()) -> list[tuple[str, str]]:
    """English left in the lecture's own widgets (the data view and the step-line plot are
    other views', checked by their own tests)."""
    found = []
    for name in ("phaseBar", "numbersPanel", "sourceChooser", "lessonPanel"):
        widget = view.findChild(QWidget, name)
        if widget is not None and widget.isVisible():
            found += english_texts(widget, ignore)
    for widget in (view.phase_label, view.message, view.previous_button, view.next_button,
                   view.run_button):  # fmt: skip
        found += [(w, t) for w, t in english_texts(widget) if widget.isVisible()]
    tabs = view.tabs
    found += [(f"tab {i}", tabs.tabText(i)) for i in range(tabs.count())
              if english_words(tabs.tabText(i))]  # fmt: skip
    tip = view.boundary_view.plot.toolTip()
    found += [("lecture boundary tooltip", tip)] if english_words(tip) else []
    return found


def menu_english(menu: QMenu) -> list[tuple[str, str]]:
    found = []
    for action in menu.actions():
        if action.isSeparator():
            continue
        for text in (action.text(), action.toolTip()):
            if english_words(text):
                found.append((action.objectName() or menu.objectName(), text))
        if action.menu() is not None:
            found += menu_english(action.menu())
    return found


def test_the_lecture_reads_in_chinese_in_every_phase_forward_and_back(
    qtbot, nnsim_language, make_window
):
    nnsim_language("zh_CN")
    window = make_window()
    view = enter_lecture(qtbot, window)
    assert lecture_english(view) == []  # ready, before the first phase
    phases = len(view.session.titles)
    for _ in range(phases):  # forward … loss … backward … update
        view.next_phase()
        assert lecture_english(view) == [], view.session.current.title
    view.show_lesson_text(False)
    for _ in range(phases):  # and back again, to before the step
        view.previous_phase()
        assert lecture_english(view) == []
    view.tabs.setCurrentIndex(1)  # the step along the gradient
    view.run_to_end_of_step()
    assert lecture_english(view) == []
    view.sources.choose("sample", index=3)
    assert lecture_english(view) == []
    view.sources.choose("custom", x=(1.0, 2.0), y=1.0)
    assert lecture_english(view) == []
    assert view.phase_label.text().startswith("第")


def test_the_lecture_menus_dialog_and_leave_prompt_are_chinese(qtbot, nnsim_language, make_window):
    nnsim_language("zh_CN")
    window = make_window()
    lecture = window.findChild(QAction, "lectureModeAction")
    assert not english_words(lecture.text()) and not english_words(lecture.toolTip())
    for name in ("presentationMenu", "leaveLectureMenu", "lessonsMenu"):
        menu = window.findChild(QMenu, name)
        assert menu is not None and not english_words(menu.title()), name
        assert menu_english(menu) == [], name
    dialog = window.lecture_mode.hide_controls_dialog()
    dialog.show()
    assert [e for e in english_texts(dialog) if e[0] != "hideControlsList"] == []
    dialog.close()
    enter_lecture(qtbot, window)
    box = window.lecture_mode.leave_prompt(12, 10)
    assert english_texts(box) == []
    assert "12" in box.text() and "10" in box.text()
    box.deleteLater()


def test_lessons_in_a_chinese_window_show_their_chinese_text(qtbot, nnsim_language, make_window):
    nnsim_language("zh_CN")
    window = make_window()
    menu = window.findChild(QMenu, "lessonsMenu")
    assert menu_english(menu) == []
    dock = window.findChild(QWidget, "lessonDock")
    for name in ("symmetry", "adaptive", "lr-too-high", "article-backprop"):
        assert window.open_lesson(name)
        _, text, _ = load_lesson(name)
        assert dock.language() == "zh" and dock.text_panel.buttons["zh"].isChecked()
        assert text.title("zh") in dock.text_panel.title.text()
        assert english_texts(dock, LESSON_CODE) == [], name
        box = dock.question
        box.check_button.click()  # nothing chosen
        assert english_texts(dock, LESSON_CODE) == [], name
        if lesson_plan(name).window == "lecture":
            view = window.lecture_mode.view
            view.show_lesson_text(True)
            assert lecture_english(view, LESSON_CODE) == []
            assert text.title("zh") in view.lesson_panel.title.text()
    names = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert len(names) == len(lesson_names())


def test_an_english_window_shows_the_lessons_in_english(qtbot, window):
    assert window.open_lesson("symmetry")
    dock = window.findChild(QWidget, "lessonDock")
    assert dock.language() == "en" and "Symmetry" in dock.text_panel.title.text()
    assert dock.question.check_button.text() == "Check my answer"


def test_switching_the_language_live_translates_the_lecture_and_the_lesson(qtbot, window):
    window.open_lesson("article-backprop")
    view = window.lecture_mode.view
    view.next_phase()
    assert "Forward" in view.phase_label.text()
    dock = window.findChild(QWidget, "lessonDock")
    window.set_language("zh_CN")
    qtbot.waitUntil(lambda: lecture_english(view, LESSON_CODE) == [])
    assert view.phase_bar.shown_texts()[0] != "Forward L1"
    assert english_texts(dock, LESSON_CODE) == []
    assert view.tabs.tabText(0) == tr("Numbers") != "Numbers"
    assert window.findChild(QMenu, "presentationMenu").title() == tr("&Presentation")
    window.set_language("en")
    qtbot.waitUntil(lambda: "Forward" in view.phase_label.text())
    assert view.tabs.tabText(0) == "Numbers"
    assert view.phase_bar.shown_texts()[0] in ("Forward L1", "Fwd L1", "F1")
    assert QApplication.instance() is not None


FORMULA_SET_UPS = [
    {"training": {"optimizer": {"name": "sgd", "lr": 0.1, "momentum": 0.9, "nesterov": True,
                                "weight_decay": 0.01},
                  "regularization": {"kind": "l2", "rate": 0.001},
                  "grad_clip": {"mode": "norm", "max_norm": 1.0}}},
    {"training": {"optimizer": {"name": "adam", "lr": 0.01},
                  "grad_clip": {"mode": "value", "clip_value": 0.5}}},
    {"training": {"optimizer": {"name": "adamw", "lr": 0.01}}},
    {"training": {"optimizer": {"name": "rmsprop", "lr": 0.01},
                  "regularization": {"kind": "l1", "rate": 0.001}}},
    {"training": {"optimizer": {"name": "adagrad", "lr": 0.01}}},
    {"network": {"hidden_layers": [{"units": 4, "activation": "relu", "batch_norm": True},
                                   {"units": 3, "activation": "sigmoid", "dropout": 0.2}]}},
    {"data": {"dataset": "spiral3"}},  # softmax and cross-entropy
    {"data": {"dataset": "plane"}},  # regression: mean squared error
]  # fmt: skip


def test_every_formula_and_table_label_of_a_step_reads_in_chinese(nnsim_language):
    """The formulas' prose for each optimizer, loss, penalty, clipping, batch norm and
    dropout (the symbols and numbers stay as they are)."""
    from nnsim.training.experiment import Experiment
    from nnsim.training.lecture import LectureSession
    from nnsim.training.trainer import Trainer

    nnsim_language("zh_CN")
    for set_up in FORMULA_SET_UPS:
        session = LectureSession(Trainer(Experiment.from_dict(set_up)))
        for _ in session.titles:
            session.next_phase()
            for neuron, weight in ((0, (0, 0)), (1, (1, 1))):
                lines = session.explain(neuron, weight, translate=tr)
                assert lines and [x for x in lines if english_words(x)] == [], set_up
            labels = [table.label for table in session.tables(translate=tr)]
            assert [x for x in labels if english_words(x)] == [], set_up
        assert session.at_update
