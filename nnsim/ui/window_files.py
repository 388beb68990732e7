"""The main window's File menu: new, open, save, recent files, the unsaved-changes prompt."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QSettings
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox

from nnsim.training.experiment import (
    Experiment,
    ExperimentError,
    load_experiment,
    save_experiment,
)
from nnsim.training.experiment.files import EXPERIMENT_SUFFIX
from nnsim.ui.errors import os_reason
from nnsim.ui.i18n import shown, tr
from nnsim.ui.window_base import MainWindowParts

MAX_RECENT = 8
EXPERIMENT_PATTERNS = f"*{EXPERIMENT_SUFFIX} *.json"
"""File ▸ Open / Save's filter: saved experiments are ``*.nnsim.json`` (their MIME type,
packaging/nnsim-experiment.xml); a plain ``.json`` experiment opens too."""
NEW_FILE_NAME = f"experiment{EXPERIMENT_SUFFIX}"  # what Save As suggests
QT_FILE_DIALOG_GAPS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
)
"""Two labels of Qt's own file dialog that Qt 6.11's ``qtbase_zh_CN.qm`` lacks (it has them
without the mnemonic): nnsim's catalogue holds them in Qt's context, ``QFileDialog``, where
the dialog looks them up."""


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
        path, _ = QFileDialog.getOpenFileName(self, tr("Open experiment"), "", experiment_filter())
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
            text = "\n".join(shown(problem) for problem in err.problems)
            self.show_message(text if named else f"{could_not_open(path)}\n{text}", error=True)
            return False
        except OSError as err:
            reason = tr("Could not open {path}: {reason}").format(path=path, reason=os_reason(err))
            self.show_message(reason, error=True)
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
            self, tr("Save experiment"), NEW_FILE_NAME, experiment_filter()
        )
        return bool(path) and self.save_to(path)

    def save_to(self, path: str) -> bool:
        try:
            save_experiment(self.experiment(), path)
        except OSError as err:
            self.show_message(could_not_save(path, os_reason(err)), error=True)
            return False
        except (ExperimentError, ValueError) as err:  # never silent: say why nothing was saved
            self.show_message(could_not_save(path, str(err)), error=True)
            return False
        self._path = Path(path)
        self._set_dirty(False)
        self._add_recent(path)
        self.show_message(tr("Saved {path}").format(path=path))
        return True

    def ask_unsaved_changes(self) -> QMessageBox.StandardButton:
        """Save / Discard / Cancel for unsaved changes (tests may replace this)."""
        return QMessageBox.question(
            self,
            tr("Unsaved changes"),
            tr("This experiment has unsaved changes. Save them first?"),
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
            tr("File not found"),
            tr("{path} no longer exists. Remove it from the recent files?").format(path=path),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes,
        )
        return answer == QMessageBox.StandardButton.Yes

    def open_recent(self, path: str) -> bool:
        """Open a file of Open Recent; a file that is gone is offered for removal."""
        if Path(path).exists():
            return self.open_file(path)
        gone = tr("Could not open {path}: the file no longer exists").format(path=path)
        self.show_message(gone, error=True)
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
            gone = path in missing
            a = menu.addAction(tr("{path}  (missing)").format(path=path) if gone else path)
            a.setObjectName("recentFileAction")
            a.setToolTip(tr("The file no longer exists") if gone else path)
            a.triggered.connect(lambda _=False, p=path: self.open_recent(p))
        if recent:
            menu.addSeparator()
            remove = menu.addAction(tr("Remove missing files"), self.remove_missing_recent)
            remove.setObjectName("removeMissingRecentAction")
            remove.setEnabled(bool(missing))
            clear = menu.addAction(tr("Clear list"), self.clear_recent)
            clear.setObjectName("clearRecentAction")
        menu.setEnabled(bool(recent))


def experiment_filter() -> str:
    """File ▸ Open / Save's filter, described in the UI's language."""
    return tr("nnsim experiments ({patterns})").format(patterns=EXPERIMENT_PATTERNS)


def csv_filter() -> str:
    """The file dialogs' filter of CSV files (Import CSV data, Export ▸ Metrics CSV)."""
    return tr("CSV files ({patterns})").format(patterns="*.csv")


def could_not_open(path: str) -> str:
    """The first line of a file's problems (``Could not open PATH:``), the others below."""
    return tr("Could not open {path}:").format(path=path)


def could_not_save(path: str, reason: str) -> str:
    return tr("Could not save {path}: {reason}").format(path=path, reason=reason)


def recent_files() -> list[str]:
    """The paths of Open Recent, newest first (kept in QSettings)."""
    value = QSettings().value("recentFiles", [], list)
    return [str(p) for p in value] if isinstance(value, list) else []
