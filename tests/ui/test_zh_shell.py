"""The main window's shell in Simplified Chinese (issue 13): the title, the training bar in
every state, the status bar, every menu, the LR finder dialog (before, running, done,
cancelled), Help's dialogs, the unsaved-changes prompt, Qt's own file dialog and the
open-failure box; and all of it after switching live from English."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QToolBar,
)

from nnsim.testing import train_until
from nnsim.testing.untranslated import english_texts, english_words, visible_texts
from nnsim.ui.i18n import tr
from nnsim.ui.lr_finder_dialog import LRFinderDialog


def test_the_checker_allows_nnsims_commands_and_a_cited_authors_name():
    assert english_words("格式与 nnsim run 的 metrics.csv 相同（L. Smith，2015）") == []
    assert english_words("run the test") == ["run", "the", "test"]


def menu_english(window) -> list[tuple[str, str]]:
    return [(where, text) for where, text in visible_texts(window)
            if "▸" in where and english_words(text)]  # fmt: skip


def shell_english(window) -> list[tuple[str, str]]:
    """English left in the training bar, the status bar, the title and the menus."""
    bar = window.findChild(QToolBar, "trainingToolbar")
    found = english_texts(bar) + english_texts(window.statusBar())
    if english_words(window.windowTitle()):
        found.append(("title", window.windowTitle()))
    if english_words(bar.windowTitle()):
        found.append(("toolbar title", bar.windowTitle()))
    return found + menu_english(window)


def test_the_title_training_bar_status_bar_and_menus_read_in_chinese(
    qtbot, make_window, nnsim_language, tmp_path
):
    nnsim_language("zh_CN")
    assert tr("Play") != "Play"
    window = make_window()
    assert window.windowTitle() == f"{tr('Untitled experiment')} — nnsim"
    assert shell_english(window) == []
    train_until(window, 3)
    qtbot.waitUntil(lambda: window.findChild(QLabel, "lossLabel").text() != "")
    assert shell_english(window) == []
    window.toggle_play()
    play = window.findChild(type(window.training_bar.play_button), "playButton")
    assert play.text() == tr("Pause")
    qtbot.waitUntil(lambda: window.findChild(QLabel, "speedLabel").text() != "")
    assert shell_english(window) == []
    window.toggle_play()
    assert play.text() == tr("Play")
    path = tmp_path / "mine.nnsim.json"
    assert window.save_to(str(path))
    assert english_texts(window.statusBar(), ignore=[str(path)]) == []
    assert window.windowTitle() == "mine.nnsim.json — nnsim"
    bad = tmp_path / "bad.nnsim.json"
    bad.write_text('{"bogus": 1}')
    assert not window.open_file(str(bad))
    first, *problems = window.status_text().splitlines()  # the problems: the training layer's
    assert first == tr("Could not open {path}:").format(path=bad) and problems
    assert english_texts(window.statusBar(), ignore=[str(bad), *problems]) == []
    window.show_message("第一行\n第二行\n第三行")
    assert english_texts(window.statusBar()) == []
    window.model.set_optimizer_param("lr", 0.05)  # unsaved: the title's mark
    assert window.windowTitle() == "mine.nnsim.json • — nnsim"
    window.worker.died.emit(tr("exit code {code}").format(code=1))
    assert english_texts(window.statusBar()) == []


def test_the_lr_finder_dialog_reads_in_chinese_before_running_done_and_cancelled(
    qtbot, window, nnsim_language
):
    nnsim_language("zh_CN")
    dialog = LRFinderDialog(window.experiment, lambda lr: None, window)
    qtbot.addWidget(dialog)
    dialog.show()
    assert english_texts(dialog) == []  # before
    dialog.start()
    assert dialog.running
    assert english_texts(dialog) == []  # running
    for _ in range(3):
        dialog.finder.step()
    dialog.cancel()
    assert english_texts(dialog) == []  # cancelled
    dialog.start()
    qtbot.waitUntil(lambda: not dialog.running, timeout=60_000)
    assert dialog.findChild(QPushButton, "lrFinderUse_steepest").isEnabled()
    assert english_texts(dialog) == []  # done
    dialog.findChild(QPushButton, "lrFinderUse_steepest").click()
    assert english_texts(dialog) == []  # used


def read_and_close(seen: list, ignore=(), button=None):
    def answer(dialog) -> None:
        seen.append((dialog.windowTitle(), english_texts(dialog, ignore)))
        if button is not None:
            dialog.button(button).click()
        else:
            dialog.reject()

    return answer


def test_the_shortcuts_and_about_dialogs_read_in_chinese(window, nnsim_language, nnsim_dialogs):
    nnsim_language("zh_CN")
    seen: list = []
    nnsim_dialogs.answer(tr("Keyboard shortcuts"), read_and_close(seen))
    nnsim_dialogs.answer(tr("About nnsim"), read_and_close(seen))
    window.show_shortcuts()
    window.show_about()
    assert seen == [(tr("Keyboard shortcuts"), []), (tr("About nnsim"), [])]
    assert tr("Keyboard shortcuts") != "Keyboard shortcuts"


def test_the_unsaved_changes_prompt_and_qts_own_file_dialogs_read_in_chinese(
    window, nnsim_language, nnsim_dialogs, tmp_path
):
    nnsim_language("zh_CN")
    seen: list = []
    discard = QMessageBox.StandardButton.Discard
    nnsim_dialogs.answer(tr("Unsaved changes"), read_and_close(seen, button=discard))
    # the real prompt, not the tests' hook that stands in for it at every close
    assert type(window).ask_unsaved_changes(window) == discard
    assert seen == [(tr("Unsaved changes"), [])]

    def file_dialog(dialog: QFileDialog) -> None:
        look_in = dialog.findChild(QComboBox, "lookInCombo")
        paths = [look_in.itemText(i) for i in range(look_in.count())]
        places = [dialog.directory().absolutePath(), str(tmp_path), *paths]
        seen.append((dialog.windowTitle(), english_texts(dialog, sorted(places, key=len)[::-1])))
        buttons = [b.text() for b in dialog.findChildren(QPushButton) if b.isVisible()]
        seen.append(("buttons", [b for b in buttons if english_words(b)]))
        dialog.reject()

    seen.clear()
    for title in ("Open experiment", "Save experiment", "Import CSV data"):
        nnsim_dialogs.answer(tr(title), file_dialog)
    window.open_dialog()
    window.save_as()
    window.import_csv()
    assert seen == [
        (tr("Open experiment"), []),
        ("buttons", []),
        (tr("Save experiment"), []),
        ("buttons", []),
        (tr("Import CSV data"), []),
        ("buttons", []),
    ]


def test_a_file_that_fails_at_start_up_is_explained_in_chinese(
    qtbot, nnsim_language, nnsim_dialogs, tmp_path
):
    from nnsim.ui import app as app_module

    nnsim_language("zh_CN")
    path = tmp_path / "broken.json"
    path.write_text("{")
    seen: list = []
    ok = QMessageBox.StandardButton.Ok
    nnsim_dialogs.answer(tr("Could not open experiment"), read_and_close(seen, button=ok))
    window = app_module.open_window(str(path))
    qtbot.addWidget(window)
    try:
        qtbot.waitUntil(lambda: bool(seen))
        box_title, english = seen[0]
        assert box_title == tr("Could not open experiment") != "Could not open experiment"
        # the problems themselves are the training layer's (its helper translates them)
        problems = window.status_text().splitlines()
        assert [t for _, t in english if english_words(t, [*problems, path.name])] == []
        assert english_words(window.status_text(), problems) == []
    finally:
        window.close()


def test_switching_live_turns_the_shell_chinese(qtbot, window, nnsim_language, nnsim_dialogs):
    nnsim_language("en")
    train_until(window, 3)
    qtbot.waitUntil(lambda: window.findChild(QLabel, "lossLabel").text() != "")
    dialog = window.find_learning_rate()
    qtbot.waitUntil(lambda: not dialog.running, timeout=60_000)
    dialog.findChild(QPushButton, "lrFinderUse_steepest").click()
    assert window.windowTitle().startswith("Untitled experiment")
    assert shell_english(window) != []
    window.set_language("zh_CN")
    assert window.windowTitle().startswith(tr("Untitled experiment"))
    assert tr("Untitled experiment") != "Untitled experiment"
    assert shell_english(window) == []
    assert english_texts(dialog) == []
    play = window.training_bar.play_button
    window.toggle_play()
    assert play.text() == tr("Pause") != "Pause"
    window.toggle_play()
    assert play.text() == tr("Play") != "Play"
    assert shell_english(window) == []
    window.set_language("en")
    assert window.windowTitle().startswith("Untitled experiment")
    assert window.findChild(QLabel, "stepLabel").text().startswith("Step ")
    assert play.text() == "Play"
