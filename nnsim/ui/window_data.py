"""The main window's handling of the user's own data: clicked points and imported CSV."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QFileDialog

from nnsim.engine.csv_data import DataError, describe_dataset, load_csv
from nnsim.training.data import with_custom_points, with_point_added, with_point_removed
from nnsim.training.experiment import Experiment, ExperimentError
from nnsim.training.experiment_model import ExperimentModel
from nnsim.ui.controls import DataPanel
from nnsim.ui.errors import os_reason
from nnsim.ui.i18n import shown, tr
from nnsim.ui.window_base import MainWindowParts
from nnsim.ui.window_files import csv_filter


class UserDataMixin(MainWindowParts):
    """Points added by a click (Shift: the other class), removed by a right click, or read
    from a CSV file; each turns the experiment's data into ``custom`` points (for MainWindow,
    which provides what is declared here)."""

    model: ExperimentModel
    data_panel: DataPanel
    experiment: Callable[[], Experiment]
    set_experiment: Callable[..., None]
    show_message: Callable[..., None]

    @Slot(float, float, bool)
    def _on_point_added(self, x1: float, x2: float, shift: bool) -> None:
        """A click adds a training point: the split of the others and the weights stay, and
        training goes on if it was playing."""
        panel = self.data_panel
        label = panel.alternate_point_label() if shift else panel.current_point_label()
        if self.experiment().task_kind != "regression":
            label = int(label)
        try:
            self.model.replace(with_point_added(self.experiment(), x1, x2, label))
        except (ValueError, ExperimentError) as err:
            self.show_message(shown(err), error=True)

    @Slot(float, float)
    def _on_point_removed(self, x1: float, x2: float) -> None:
        try:
            self.model.replace(with_point_removed(self.experiment(), x1, x2, max_distance=0.5))
        except (ValueError, ExperimentError) as err:
            self.show_message(shown(err), error=True)

    def import_csv(self, path: str | None = None) -> bool:
        """Read ``path`` (or a chosen file) as the experiment's data; say what was read, or
        list the bad lines (the experiment is kept)."""
        if not path:
            path, _ = QFileDialog.getOpenFileName(self, tr("Import CSV data"), "", csv_filter())
            if not path:
                return False
        try:
            dataset = load_csv(path)
            self.set_experiment(with_custom_points(self.experiment(), dataset))
        except DataError as err:
            first = tr("Could not import {path}:").format(path=path)
            self.show_message("\n".join([first, *map(shown, err.lines())]), error=True)
            return False
        except OSError as err:
            self.show_message(could_not_import(path, os_reason(err)), error=True)
            return False
        except (ExperimentError, ValueError) as err:
            self.show_message(could_not_import(path, shown(err)), error=True)
            return False
        self.show_message(
            tr("Imported {data} from {file}").format(
                data=describe_dataset(dataset), file=Path(path).name
            )
        )
        return True


def could_not_import(path: str, reason: str) -> str:
    return tr("Could not import {path}: {reason}").format(path=path, reason=reason)
