"""What MainWindow's mixins (``window_files``, ``window_data``, ``window_menus``) use of the
window, declared for the type checker: each mixin derives from :class:`MainWindowParts`,
which at run time is ``object`` (MainWindow itself derives from QMainWindow)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

    from PySide6.QtWidgets import QMainWindow, QMenu

    from nnsim.training.experiment import Experiment
    from nnsim.ui.controls.data_panel import DataPanel

    class MainWindowParts(QMainWindow):
        _experiment: Experiment
        _path: Path | None
        _dirty: bool
        data_panel: DataPanel
        recent_menu: QMenu

        def set_experiment(self, experiment: Experiment, *, dirty: bool = True) -> None: ...
        def continue_with(self, experiment: Experiment) -> None: ...
        def show_message(self, text: str, error: bool = False) -> None: ...
        def _set_dirty(self, dirty: bool) -> None: ...

        # the File menu's slots (window_files, window_data)
        def new_experiment(self) -> None: ...
        def open_dialog(self) -> None: ...
        def save(self) -> bool: ...
        def save_as(self) -> bool: ...
        def import_csv(self, path: str | None = None) -> bool: ...

else:
    MainWindowParts = object
