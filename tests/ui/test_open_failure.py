"""A file nnsim cannot open at start-up (a file manager's double-click on a JSON file that is
not an experiment) is explained in a message box over the window, not only on a status line
or stderr; File ▸ Open / Save offer the experiments' own extension, ``.nnsim.json``
(issue 13, packaging)."""

from __future__ import annotations

import json

from PySide6.QtWidgets import QFileDialog, QLineEdit, QMessageBox

from nnsim.training.experiment import Experiment, load_experiment
from nnsim.ui import app as app_module
from nnsim.ui.window_files import recent_files

TITLE = "Could not open experiment"


def test_a_non_experiment_json_given_at_start_up_is_explained_in_a_message_box(
    qtbot, nnsim_dialogs, tmp_path
):
    path = tmp_path / "package.json"
    path.write_text(json.dumps({"name": "web-app", "version": "1.0.0", "dependencies": {}}))
    nnsim_dialogs.answer(TITLE, QMessageBox.StandardButton.Ok)
    window = app_module.open_window(str(path))
    qtbot.addWidget(window)
    try:
        qtbot.waitUntil(lambda: any(seen.title == TITLE for seen in nnsim_dialogs.seen))
        (seen,) = [seen for seen in nnsim_dialogs.seen if seen.title == TITLE]
        assert seen.answered
        assert seen.text.startswith("nnsim could not open package.json")
        assert "not an nnsim experiment" in seen.text
        assert "dependencies: unknown key" in seen.text and "version: must be 1" in seen.text
        assert window.isVisible() and window.experiment() == Experiment.default()
        assert "dependencies: unknown key" in window.status_text()
        assert recent_files() == []
    finally:
        window.close()


def test_a_long_list_of_problems_shows_the_first_ones_and_the_rest_under_details(
    qtbot, nnsim_dialogs, tmp_path
):
    path = tmp_path / "many.json"
    path.write_text(json.dumps({"network": {"hidden_layers": [{"units": 0}] * 30}}))
    boxes = []

    def read_and_close(box):
        boxes.append((box.informativeText(), box.detailedText()))
        box.accept()

    nnsim_dialogs.answer(TITLE, read_and_close)
    window = app_module.open_window(str(path))
    qtbot.addWidget(window)
    try:
        qtbot.waitUntil(lambda: bool(boxes))
        informative, detailed = boxes[0]
        first, last = "network.hidden_layers[0].units", "network.hidden_layers[29].units"
        assert first in informative and last not in informative
        assert informative.endswith("\n… and 22 more (Show Details…)")
        assert f"{last}: must be an integer in 1..256, got 0" in detailed
    finally:
        window.close()


def test_a_file_that_cannot_be_read_is_explained_too(qtbot, nnsim_dialogs, tmp_path):
    nnsim_dialogs.answer(TITLE, QMessageBox.StandardButton.Ok)
    window = app_module.open_window(str(tmp_path / "gone.nnsim.json"))
    qtbot.addWidget(window)
    try:
        qtbot.waitUntil(lambda: any(seen.title == TITLE for seen in nnsim_dialogs.seen))
        (seen,) = [seen for seen in nnsim_dialogs.seen if seen.title == TITLE]
        assert "gone.nnsim.json" in seen.text
    finally:
        window.close()


def test_open_offers_nnsim_experiments_with_both_extensions(window, nnsim_dialogs):
    filters = []

    def look(dialog: QFileDialog):
        filters.extend(dialog.nameFilters())
        dialog.reject()

    nnsim_dialogs.answer("Open experiment", look)
    window.open_dialog()
    assert filters == ["nnsim experiments (*.nnsim.json *.json)"]


def test_save_as_suggests_the_nnsim_json_extension_and_the_file_opens_again(
    window, nnsim_dialogs, tmp_path
):
    seen = []

    def save_here(dialog: QFileDialog):
        name = dialog.findChild(QLineEdit, "fileNameEdit")
        seen.append((name.text(), dialog.nameFilters()))
        name.setText(str(tmp_path / name.text()))
        dialog.accept()

    nnsim_dialogs.answer("Save experiment", save_here)
    window.set_experiment(Experiment.default().with_lr(0.25))
    assert window.save_as()
    assert seen == [("experiment.nnsim.json", ["nnsim experiments (*.nnsim.json *.json)"])]
    saved = tmp_path / "experiment.nnsim.json"
    assert load_experiment(saved).training.optimizer.lr == 0.25
    window.new_experiment()
    assert window.open_file(str(saved)) and window.experiment().training.optimizer.lr == 0.25
