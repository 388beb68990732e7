"""The window's files: CSV import messages, Open Recent with missing files, files given on
the command line, and hostile experiment files (issue 8, items 12 and 18)."""

from __future__ import annotations

import json

from PySide6.QtWidgets import QMessageBox

from nnsim.__main__ import main
from nnsim.engine.csv_data import save_csv
from nnsim.engine.datasets import make_dataset
from nnsim.training.experiment import Experiment, save_experiment
from nnsim.ui import app as app_module
from nnsim.ui.window_files import recent_files


def status(window) -> str:
    return window.status_text()


def recent_entries(window) -> list[str]:
    return [a.text() for a in window.recent_menu.actions() if a.objectName() == "recentFileAction"]


def test_a_successful_csv_import_says_what_was_read(qtbot, window, tmp_path):
    path = tmp_path / "data.csv"
    save_csv(path, make_dataset("xor", 240, 0.1, 3))
    assert window.import_csv(str(path))
    assert status(window) == "Imported 240 points (2 classes) from data.csv"
    assert window.experiment().data.dataset == "custom"


def test_a_bad_csv_names_the_file_once_and_lists_its_bad_lines(qtbot, window, tmp_path):
    path = tmp_path / "bad.csv"
    rows = ["x1,x2,label", "0,0,0", "1,1,1", *(f"0.5,0.{i},x" for i in range(12))]
    path.write_text("\n".join(rows) + "\n")
    before = window.experiment()
    assert not window.import_csv(str(path))
    lines = status(window).splitlines()
    assert lines[0] == f"Could not import {path}:"
    assert lines[1] == "line 4: label must be a finite number, got 'x'"
    assert lines[10] == "line 13: label must be a finite number, got 'x'"
    assert lines[11:] == ["… and 2 more"]
    assert status(window).count(str(path)) == 1
    assert window.experiment() == before


def test_open_recent_offers_to_remove_a_missing_file(qtbot, window, tmp_path):
    kept, gone = tmp_path / "kept.json", tmp_path / "gone.json"
    for path in (gone, kept):
        save_experiment(Experiment.default(), path)
        assert window.open_file(str(path))
    assert recent_entries(window) == [str(kept.resolve()), str(gone.resolve())]
    gone.unlink()
    window.recent_menu.aboutToShow.emit()  # the menu is refreshed each time it opens
    assert recent_entries(window) == [str(kept.resolve()), f"{gone.resolve()}  (missing)"]
    asked = []
    window.ask_remove_missing = lambda path: asked.append(path) or False
    assert not window.open_recent(str(gone.resolve()))
    assert asked == [str(gone.resolve())] and len(recent_files()) == 2
    assert "no longer exists" in status(window)
    window.ask_remove_missing = lambda path: True
    window.open_recent(str(gone.resolve()))
    assert recent_files() == [str(kept.resolve())]


def test_remove_missing_files_and_clear_the_list(qtbot, window, tmp_path):
    paths = [tmp_path / f"e{i}.json" for i in range(3)]
    for path in paths:
        save_experiment(Experiment.default(), path)
        window.open_file(str(path))
    paths[1].unlink()
    window.recent_menu.aboutToShow.emit()
    actions = {a.objectName(): a for a in window.recent_menu.actions()}
    assert actions["removeMissingRecentAction"].isEnabled()
    actions["removeMissingRecentAction"].trigger()
    assert recent_files() == [str(paths[2].resolve()), str(paths[0].resolve())]
    window.recent_menu.aboutToShow.emit()
    next(a for a in window.recent_menu.actions() if a.objectName() == "clearRecentAction").trigger()
    assert recent_files() == [] and not window.recent_menu.isEnabled()


def test_a_file_from_the_command_line_reaches_open_recent(qtbot, tmp_path):
    path = tmp_path / "mine.json"
    exp = Experiment.default().with_lr(0.5)
    save_experiment(exp, path)
    window = app_module.open_window(str(path))
    qtbot.addWidget(window)
    try:
        assert window.experiment() == exp
        assert recent_files() == [str(path.resolve())]
    finally:
        window.close()


def test_a_bad_file_from_the_command_line_opens_the_default_experiment(
    qtbot, tmp_path, nnsim_dialogs
):
    path = tmp_path / "bad.json"
    path.write_text('{"seed": ' + "9" * 5000 + "}")
    nnsim_dialogs.answer("Could not open experiment", QMessageBox.StandardButton.Ok)
    window = app_module.open_window(str(path))
    qtbot.addWidget(window)
    try:
        assert window.isVisible() and window.experiment() == Experiment.default()
        assert "seed: must be an integer in 0..4294967295, got a 5000-digit" in status(window)
        assert recent_files() == []
    finally:
        window.close()


def test_nnsim_file_hands_even_a_bad_file_to_the_window(monkeypatch, tmp_path):
    opened = []
    monkeypatch.setattr(
        app_module, "run_app", lambda path=None, language=None: opened.append(path) or 0
    )
    bad = tmp_path / "bad.json"
    bad.write_text("{not json")
    assert main([str(bad)]) == 0
    assert opened == [str(bad)]


HOSTILE_FILES = [  # (content, what the status bar says): each refused by another check
    ('{"seed": ' + "9" * 4301 + "}", "seed: must be an integer"),
    ("[" * 100_000 + "]" * 100_000, "nested 100000 levels deep"),
    ("[" + "{}," * 100_000 + "{}]", "too large: 100001 objects"),
    (
        json.dumps(
            {
                "training": {
                    "schedule": {"name": "one_cycle", "total_steps": 100, "div_factor": 5e-324}
                }
            }
        ),
        "training.schedule: with these values the learning rate is inf",
    ),
    (b'{"name": "caf\xe9"}', "is not UTF-8 text"),
]


def test_file_open_of_a_hostile_file_keeps_the_experiment(qtbot, window, tmp_path):
    """One window opens each hostile file in turn (a window per file cost a second each and
    tested nothing more): each is refused with its own message and the experiment kept."""
    before = window.experiment()
    for number, (content, expected) in enumerate(HOSTILE_FILES):
        path = tmp_path / f"hostile-{number}.json"
        path.write_bytes(content if isinstance(content, bytes) else content.encode())
        assert not window.open_file(str(path)), expected
        assert window.experiment() == before, expected
        assert expected in status(window)
        assert str(path.resolve()) not in recent_files(), expected


def test_file_open_of_a_pipe_does_not_block(qtbot, window, tmp_path):
    import os

    pipe = tmp_path / "pipe.json"
    os.mkfifo(pipe)
    assert not window.open_file(str(pipe))
    assert status(window) == f"{pipe} is a named pipe, not a regular file"  # the path once


def test_the_ask_hook_default_is_a_question_box(monkeypatch, qtbot, window):
    asked = []
    monkeypatch.setattr(
        QMessageBox,
        "question",
        lambda *args: asked.append(args[2]) or QMessageBox.StandardButton.No,
    )
    assert window.ask_remove_missing("/nowhere/x.json") is False
    assert asked == ["/nowhere/x.json no longer exists. Remove it from the recent files?"]
