"""The main window's File menu: new, open, save, recent files, the unsaved-changes prompt."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QMessageBox

from nnsim.training.experiment import (
    Experiment,
    ExperimentError,
    load_experiment,
    save_experiment,
)

MAX_RECENT = 8


class ExperimentFilesMixin:
    """Reading and writing the window's experiment (for MainWindow: uses ``_experiment``,
    ``_path``, ``_dirty``, ``set_experiment``, ``show_message`` and ``recent_menu``)."""

    def new_experiment(self) -> None:
        if not self._confirm_discard():
            return
        self._path = None
        self.set_experiment(Experiment.default(), dirty=False)

    def open_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Open experiment", "", "nnsim (*.json)")
        if path:
            self.open_file(path)

    def open_file(self, path: str) -> bool:
        """Load an experiment; a bad file is reported and the current one kept."""
        if not self._confirm_discard():
            return False
        try:
            experiment = load_experiment(path)
        except (ExperimentError, OSError) as err:
            self.show_message(f"Could not open {path}:\n{err}", error=True)
            return False
        self._path = Path(path)
        self.set_experiment(experiment, dirty=False)
        self._add_recent(path)
        return True

    def save(self) -> bool:
        if self._path is None:
            return self.save_as()
        return self.save_to(str(self._path))

    def save_as(self) -> bool:
        path, _ = QFileDialog.getSaveFileName(
            self, "Save experiment", "experiment.json", "nnsim (*.json)"
        )
        return bool(path) and self.save_to(path)

    def save_to(self, path: str) -> bool:
        try:
            save_experiment(self._experiment, path)
        except OSError as err:
            self.show_message(f"Could not save {path}: {err.strerror or err}", error=True)
            return False
        self._path = Path(path)
        self._set_dirty(False)
        self._add_recent(path)
        self.show_message(f"Saved {path}")
        return True

    def ask_unsaved_changes(self) -> QMessageBox.StandardButton:
        """Save / Discard / Cancel for unsaved changes (tests may replace this)."""
        return QMessageBox.question(
            self,
            "Unsaved changes",
            "This experiment has unsaved changes. Save them first?",
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )

    def _confirm_discard(self) -> bool:
        if not self._dirty:
            return True
        answer = self.ask_unsaved_changes()
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def _add_recent(self, path: str) -> None:
        settings = QSettings()
        recent = [str(Path(path).resolve())]
        recent += [p for p in settings.value("recentFiles", [], list) or [] if p != recent[0]]
        settings.setValue("recentFiles", recent[:MAX_RECENT])
        self._fill_recent_menu()

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        recent = QSettings().value("recentFiles", [], list) or []
        for path in recent:
            a = self.recent_menu.addAction(path)
            a.triggered.connect(lambda _=False, p=path: self.open_file(p))
        self.recent_menu.setEnabled(bool(recent))
