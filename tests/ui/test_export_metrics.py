"""File ▸ Export ▸ Metrics CSV…: the hook, the file the training process writes, the status
bar (issue 13, "Exports")."""

from __future__ import annotations

import csv

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractButton

from nnsim.__main__ import main
from nnsim.training.experiment import save_experiment
from nnsim.training.metrics_log import metrics_header


def trigger_export(window, path) -> None:
    window.ask_export_metrics = lambda: path
    action = window.findChild(QAction, "exportMetricsAction")
    assert action is not None and action.text() == "&Metrics CSV…"
    assert action in window.export_menu.actions()
    action.trigger()


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.reader(f))


def click(qtbot, window, name) -> None:
    button = window.findChild(QAbstractButton, name)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_a_paused_run_exports_what_nnsim_run_writes(qtbot, window, tmp_path):
    click(qtbot, window, "playButton")
    qtbot.waitUntil(lambda: window.last_snapshot.step > 300, timeout=20000)
    click(qtbot, window, "playButton")
    qtbot.waitUntil(lambda: not window.last_snapshot.running, timeout=5000)
    steps = window.last_snapshot.step
    trigger_export(window, tmp_path / "w.csv")
    qtbot.waitUntil(lambda: window.status_text().startswith("Exported"), timeout=20000)
    assert window.status_text() == f"Exported the metrics of {steps} steps to {tmp_path / 'w.csv'}"
    save_experiment(window.experiment(), tmp_path / "e.json")
    out = tmp_path / "run"
    assert main(["run", str(tmp_path / "e.json"), "--steps", str(steps), "--out", str(out)]) == 0
    assert read_csv(tmp_path / "w.csv") == read_csv(out / "metrics.csv")


def test_a_playing_run_exports_every_step_so_far(qtbot, window, tmp_path):
    click(qtbot, window, "playButton")
    qtbot.waitUntil(lambda: window.last_snapshot.step > 50, timeout=20000)
    seen = window.last_snapshot.step
    trigger_export(window, tmp_path / "live.csv")
    qtbot.waitUntil(lambda: window.status_text().startswith("Exported"), timeout=20000)
    click(qtbot, window, "playButton")
    header, *rows = read_csv(tmp_path / "live.csv")
    assert header == metrics_header(len(window.experiment().network.hidden_layers) + 1)
    assert len(rows) >= seen and [int(r[0]) for r in rows] == list(range(1, len(rows) + 1))


def test_before_any_step_there_is_nothing_to_export(qtbot, window, tmp_path):
    trigger_export(window, tmp_path / "empty.csv")
    qtbot.waitUntil(lambda: window.status_text().startswith("Nothing"), timeout=10000)
    assert window.status_text() == "Nothing to export yet: train a step first"
    assert list(tmp_path.iterdir()) == []


def test_a_folder_that_cannot_be_written_is_said(qtbot, window, tmp_path):
    click(qtbot, window, "stepButton")
    qtbot.waitUntil(lambda: window.last_snapshot.step == 1)
    path = tmp_path / "missing" / "m.csv"
    trigger_export(window, path)
    qtbot.waitUntil(lambda: window.status_text().startswith("Could not"), timeout=10000)
    assert window.status_text() == f"Could not write {path}: No such file or directory"


def test_cancel_sends_nothing(window, tmp_path):
    window.ask_export_metrics = lambda: None
    assert window.export_metrics() is False
    assert list(tmp_path.iterdir()) == []


def test_a_restarted_training_process_starts_the_history_again(qtbot, window, tmp_path):
    click(qtbot, window, "stepButton")
    qtbot.waitUntil(lambda: window.last_snapshot.step == 1)
    window.worker.restart(window.experiment())  # as after the process died
    trigger_export(window, tmp_path / "m.csv")
    qtbot.waitUntil(lambda: window.status_text().startswith("Nothing"), timeout=20000)
