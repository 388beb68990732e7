"""The main window's File menu: new, open, save, recent files, the unsaved-changes prompt."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox

from nnsim.training.experiment import (
    Experiment,
    ExperimentError,
    load_experiment,
    save_experiment,
)
from nnsim.training.experiment.files import EXPERIMENT_SUFFIX
from nnsim.ui.window_base import MainWindowParts

MAX_RECENT = 8
EXPERIMENT_FILTER = f"nnsim experiments (*{EXPERIMENT_SUFFIX} *.json)"
"""File ▸ Open / Save's filter: saved experiments are ``*.nnsim.json`` (their MIME type,
packaging/nnsim-experiment.xml); a plain ``.json`` experiment opens too."""
NEW_FILE_NAME = f"experiment{EXPERIMENT_SUFFIX}"  # what Save As suggests


class ExperimentFilesMixin(MainWindowParts):
    """Reading and writing the window's experiment (for MainWindow, which provides what is
    declared here)."""

    _path: Path | None  # the file the experiment was read from or saved to
    _dirty: bool  # changed since then
    _recent_menu_follows_disk: bool = False
    recent_menu: QMenu
    experiment: Callable[[], Experiment]
    set_experiment: Callable[..., None]
    show_message: Callable[..., None]
    _set_dirty: Callable[[bool], None]

    def new_experiment(self) -> None:
        if not self._confirm_discard():
            return
        self._path = None
        self.set_experiment(Experiment.default(), dirty=False)

    def open_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Open experiment", "", EXPERIMENT_FILTER)
        if path:
            self.open_file(path)

    def open_file(self, path: str) -> bool:
        """Load an experiment; a bad file is reported and the current one kept."""
        if not self._confirm_discard():
            return False
        try:
            experiment = load_experiment(path)
        except ExperimentError as err:
            named = any(path in problem for problem in err.problems)  # say the path once
            text = "\n".join(err.problems)
            self.show_message(text if named else f"Could not open {path}:\n{text}", error=True)
            return False
        except OSError as err:
            self.show_message(f"Could not open {path}: {err.strerror or err}", error=True)
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
            self, "Save experiment", NEW_FILE_NAME, EXPERIMENT_FILTER
        )
        return bool(path) and self.save_to(path)

    def save_to(self, path: str) -> bool:
        try:
            save_experiment(self.experiment(), path)
        except OSError as err:
            self.show_message(f"Could not save {path}: {err.strerror or err}", error=True)
            return False
        except (ExperimentError, ValueError) as err:  # never silent: say why nothing was saved
            self.show_message(f"Could not save {path}: {err}", error=True)
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

    def ask_remove_missing(self, path: str) -> bool:
        """Whether to drop ``path``, which no longer exists, from Open Recent (tests may
        replace this)."""
        answer = QMessageBox.question(
            self,
            "File not found",
            f"{path} no longer exists. Remove it from the recent files?",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes,
        )
        return answer == QMessageBox.StandardButton.Yes

    def open_recent(self, path: str) -> bool:
        """Open a file of Open Recent; a file that is gone is offered for removal."""
        if Path(path).exists():
            return self.open_file(path)
        self.show_message(f"Could not open {path}: the file no longer exists", error=True)
        if self.ask_remove_missing(path):
            self._set_recent([p for p in recent_files() if p != path])
        return False

    def remove_missing_recent(self) -> None:
        """Drop the files that no longer exist from Open Recent."""
        self._set_recent([p for p in recent_files() if Path(p).exists()])

    def clear_recent(self) -> None:
        self._set_recent([])

    def _add_recent(self, path: str) -> None:
        first = str(Path(path).resolve())
        self._set_recent([first, *(p for p in recent_files() if p != first)])

    def _set_recent(self, paths: list[str]) -> None:
        QSettings().setValue("recentFiles", paths[:MAX_RECENT])
        self._fill_recent_menu()

    def _fill_recent_menu(self) -> None:
        menu = self.recent_menu
        if not self._recent_menu_follows_disk:
            menu.aboutToShow.connect(self._fill_recent_menu)  # files come and go meanwhile
            self._recent_menu_follows_disk = True
        menu.clear()
        recent = recent_files()
        missing = [p for p in recent if not Path(p).exists()]
        for path in recent:
            a = menu.addAction(f"{path}  (missing)" if path in missing else path)
            a.setObjectName("recentFileAction")
            a.setToolTip("The file no longer exists" if path in missing else path)
            a.triggered.connect(lambda _=False, p=path: self.open_recent(p))
        if recent:
            menu.addSeparator()
            remove = menu.addAction("Remove missing files", self.remove_missing_recent)
            remove.setObjectName("removeMissingRecentAction")
            remove.setEnabled(bool(missing))
            menu.addAction("Clear list", self.clear_recent).setObjectName("clearRecentAction")
        menu.setEnabled(bool(recent))


def recent_files() -> list[str]:
    """The paths of Open Recent, newest first (kept in QSettings)."""
    value = QSettings().value("recentFiles", [], list)
    return [str(p) for p in value] if isinstance(value, list) else []
