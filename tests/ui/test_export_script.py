"""File ▸ Export ▸ Python script…: the dialogs, the files, the status bar (issue 13)."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog

from nnsim.training.experiment import Experiment
from nnsim.training.trainer import Trainer
from nnsim.training.variations import with_settings
from nnsim.ui.export import ExportScriptDialog, ScriptChoice, default_script_path


def trigger_export(window) -> None:
    action = window.findChild(QAction, "exportScriptAction")
    assert action is not None and action.text() == "&Python script…"
    assert action in window.export_menu.actions()
    action.trigger()


def test_the_exported_script_trains_as_the_window_would(qtbot, window, tmp_path):
    window.ask_export_script = lambda: ScriptChoice("numpy", 5, tmp_path / "w.py")
    trigger_export(window)
    qtbot.waitUntil(lambda: window.status_text().startswith("Exported"), timeout=20000)
    assert "w.py and w.data.npz (5 steps)" in window.status_text()
    run = subprocess.run([sys.executable, "w.py"], cwd=tmp_path, capture_output=True)
    assert run.returncode == 0, run.stderr
    trainer = Trainer(window.experiment())
    trainer.run(5)
    got = np.load(tmp_path / "weights_final.npz")
    assert all(np.max(np.abs(got[k] - v)) <= 1e-12 for k, v in trainer.network.state().items())


def test_the_real_dialogs_choose_library_steps_and_file(qtbot, window, tmp_path, nnsim_dialogs):
    def choose(dialog):
        assert isinstance(dialog, ExportScriptDialog)
        dialog.set_choice("pytorch", 7)
        dialog.accept()

    nnsim_dialogs.answer("Export Python script", choose)
    nnsim_dialogs.answer("Save the Python script", str(tmp_path / "torch_run"))
    trigger_export(window)
    qtbot.waitUntil(lambda: window.status_text().startswith("Exported"), timeout=20000)
    text = (tmp_path / "torch_run.py").read_text()  # .py added to the name typed
    assert "import torch" in text and "STEPS = 7" in text
    assert (tmp_path / "torch_run.data.npz").is_file()


def test_cancel_writes_nothing(qtbot, window, tmp_path, nnsim_dialogs):
    nnsim_dialogs.answer("Export Python script", QDialog.DialogCode.Rejected)
    assert window.export_script() is False
    window.ask_export_script = lambda: None
    assert window.export_script() is False
    assert list(tmp_path.iterdir()) == []


def test_an_experiment_the_script_cannot_reproduce_is_explained(qtbot, make_window, tmp_path):
    warm = {"training.schedule": {"name": "plateau", "unit": "epoch", "warmup_steps": 2}}
    window = make_window(with_settings(Experiment(), warm))
    window.ask_export_script = lambda: ScriptChoice("pytorch", 5, tmp_path / "p.py")
    trigger_export(window)
    qtbot.waitUntil(lambda: window.status_text().startswith("Could not"), timeout=20000)
    assert "cannot warm up a plateau schedule" in window.status_text()
    assert not (tmp_path / "p.py").exists()


def test_a_folder_that_cannot_be_written_is_explained(qtbot, window, tmp_path):
    window.ask_export_script = lambda: ScriptChoice("numpy", 5, tmp_path / "no" / "p.py")
    trigger_export(window)
    qtbot.waitUntil(lambda: window.status_text().startswith("Could not"), timeout=20000)
    assert "p.py" in window.status_text()


def test_the_dialog_says_how_many_passes_and_defaults_to_nnsim_run(qtbot, tmp_path):
    dialog = ExportScriptDialog(Experiment())  # 250 training points, batches of 10
    qtbot.addWidget(dialog)
    assert dialog.steps_spin.value() == 1000 and dialog.target == "numpy"
    assert dialog.epochs_label.text() == "= 40 passes over the training set"
    dialog.set_choice("pytorch", 50)
    assert dialog.target == "pytorch" and dialog.epochs_label.text().startswith("= 2 passes")
    assert default_script_path(tmp_path / "my-spiral.json", "numpy") == (
        tmp_path / "my_spiral_numpy.py"
    )
