"""Compare mode's table (objectName ``compareTable``): one row per run, one column per varied
setting (its values, in the run's colour), then what the run has done (:data:`TABLE_COLUMNS`)."""

from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from nnsim.training.run_group import RunResults
from nnsim.training.text import QT_TR_NOOP
from nnsim.ui.compare.loss_plot import run_color
from nnsim.ui.compare.runs import CompareRun, CompareSetting, run_row
from nnsim.ui.i18n import shown, tr

__all__ = ["TABLE_COLUMNS", "TABLE_TIPS", "CompareTable"]

TABLE_COLUMNS = (
    QT_TR_NOOP("final train"), QT_TR_NOOP("best train"), QT_TR_NOOP("final test"),
    QT_TR_NOOP("best test"), QT_TR_NOOP("test acc"), QT_TR_NOOP("test < threshold at"),
    QT_TR_NOOP("diverged at"), QT_TR_NOOP("what happened"),
)  # fmt: skip
"""The measured columns, after one column per varied setting (headed by its name); the
headers show them translated."""

TABLE_TIPS = (
    QT_TR_NOOP("The train loss at the last evaluation."),
    QT_TR_NOOP("The lowest train loss evaluated so far."),
    QT_TR_NOOP("The test loss at the last evaluation."),
    QT_TR_NOOP("The lowest test loss evaluated so far."),
    QT_TR_NOOP("The test accuracy at the last evaluation (none for regression)."),
    QT_TR_NOOP("The first evaluated step at which the test loss fell below the threshold."),
    QT_TR_NOOP("The step at which the run diverged (its loss was no longer finite)."),
    QT_TR_NOOP("Why the run stopped, if it diverged."),
)
"""Each measured column's header tooltip."""
SETTING_TIP = QT_TR_NOOP("The {setting} of each run, in its colour in the plots.")


def _number(x: float) -> str:
    return "" if math.isnan(x) else f"{x:.4g}"


class CompareTable(QTableWidget):
    """The runs' table: :meth:`set_runs` then :meth:`show_results` after training."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, len(TABLE_COLUMNS), parent)
        self.setObjectName("compareTable")
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.verticalHeader().setVisible(False)
        self.setWordWrap(True)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.horizontalHeader()
        # Sized to the headers and values when the runs are set, not on every change:
        # ResizeToContents re-measures a column at each setText (~14 ms a redraw of 8 runs).
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self._runs: list[CompareRun] = []

    def set_runs(self, varied: Sequence[CompareSetting], runs: Sequence[CompareRun]) -> None:
        """New runs that differ in ``varied``: their rows, with the varied values filled."""
        self._runs = list(runs)
        self.clearContents()
        self.setRowCount(len(runs))
        self.setColumnCount(len(varied) + len(TABLE_COLUMNS))
        for i, run in enumerate(runs):
            for column, text in enumerate(run.texts):
                item = QTableWidgetItem(text)
                item.setForeground(QBrush(QColor(run_color(i))))
                self.setItem(i, column, item)
        self.retranslate(varied)

    def retranslate(self, varied: Sequence[CompareSetting]) -> None:
        """The headers and their tooltips in the language installed now, and the columns
        sized to them and the values."""
        names = [tr(s.name) for s in varied]
        self.setHorizontalHeaderLabels(names + [tr(c) for c in TABLE_COLUMNS])
        tips = [tr(SETTING_TIP).format(setting=n) for n in names] + [tr(t) for t in TABLE_TIPS]
        for column, tip in enumerate(tips):
            header = self.horizontalHeaderItem(column)
            if header is not None:
                header.setToolTip(tip)
        for column in range(self.columnCount() - 1):  # the last stretches to the edge
            self.resizeColumnToContents(column)

    def show_results(self, results: Sequence[RunResults], threshold: float) -> None:
        """What every run has done so far; "test < threshold at" against ``threshold``."""
        for i, (run, result) in enumerate(zip(self._runs, results, strict=True)):
            row = run_row(result, threshold)
            cells = (
                _number(row.final_train), _number(row.best_train),
                _number(row.final_test), _number(row.best_test),
                "" if math.isnan(row.test_accuracy) else f"{row.test_accuracy:.1%}",
                "" if row.below_at is None else str(row.below_at),
                "" if row.diverged_at is None else str(row.diverged_at),
                shown(row.diverged) if row.diverged else "",
            )  # fmt: skip
            for column, text in enumerate(cells, start=len(run.texts)):
                item = self.item(i, column)
                if item is None:
                    item = QTableWidgetItem()
                    self.setItem(i, column, item)
                if item.text() != text:
                    item.setText(text)
                    item.setToolTip(text)
                    if column == self.columnCount() - 1:  # the explanation wraps
                        self.resizeRowToContents(i)
