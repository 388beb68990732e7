"""View ▸ Compare: the current experiment as 2–8 runs that differ in one setting, trained
together from one Play and shown side by side (overlaid losses, a table), beside the main
window.

The runs train in this (the GUI) thread as one :class:`~nnsim.training.run_group.RunGroup`,
in slices of at most :data:`SLICE_SECONDS` from a zero-delay timer, so the window stays
responsive. The main window's experiment and its training are untouched until the learner
picks a run ("Use this run" or a double-click on its row).

objectNames: ``compareWindow``, ``compareSettingCombo``, ``compareValuesEdit``,
``compareMessage``, ``comparePlayButton``, ``compareStepButton``, ``compareStepLabel``,
``compareLossPlot``, ``compareBoundaries`` (``compareBoundary_<i>``), ``compareThresholdEdit``,
``compareTable``, ``compareUseButton``.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from nnsim.training.experiment import Experiment, ExperimentError
from nnsim.training.run_group import RunGroup
from nnsim.ui.compare.boundaries import BoundaryMultiples
from nnsim.ui.compare.curves import CompareCurves
from nnsim.ui.compare.loss_plot import run_color
from nnsim.ui.compare.runs import (
    SETTINGS,
    CompareError,
    CompareRun,
    CompareSetting,
    build_runs,
    run_row,
)
from nnsim.ui.style import HIGHLIGHT, MUTED

__all__ = ["DEFAULT_THRESHOLD", "DRAW_SECONDS", "SLICE_SECONDS", "TABLE_COLUMNS", "CompareWindow"]

SLICE_SECONDS = 0.015  # training per timer tick: the event loop is never kept longer
DRAW_SECONDS = 0.1  # while playing, the plot and table are redrawn this often
DEFAULT_THRESHOLD = 0.2
TABLE_COLUMNS = (
    "value", "final train", "best train", "final test", "best test", "test acc",
    "test < threshold at", "diverged at", "what happened",
)  # fmt: skip


def _number(x: float) -> str:
    return "" if math.isnan(x) else f"{x:.4g}"


class CompareWindow(QDialog):
    """Runs built from ``experiment()`` (read when the runs are (re)built); ``apply(e)``
    makes a chosen run's experiment the main one (it may raise ``ExperimentError``, shown)."""

    def __init__(
        self,
        experiment: Callable[[], Experiment],
        apply: Callable[[Experiment], object],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("compareWindow")
        self.setWindowTitle("Compare runs")
        self._experiment, self._apply = experiment, apply
        self.runs: list[CompareRun] = []
        self.base: Experiment | None = None  # the experiment the runs were built from
        self.group: RunGroup | None = None
        self.threshold = DEFAULT_THRESHOLD
        self._drawn = 0.0  # perf_counter of the last redraw
        self._timer = QTimer(self)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._run_slice)

        self.setting_combo = QComboBox(self)
        self.setting_combo.setObjectName("compareSettingCombo")
        for setting in SETTINGS:
            self.setting_combo.addItem(setting.title)
        self.setting_combo.setToolTip("The one setting in which the runs differ.")
        self.values_edit = QLineEdit(", ".join(SETTINGS[0].defaults), self)
        self.values_edit.setObjectName("compareValuesEdit")
        self.values_edit.setToolTip("2 to 8 values, separated by commas; Enter builds the runs.")
        self.message = QLabel("", self)
        self.message.setObjectName("compareMessage")
        self.message.setWordWrap(True)
        self.play_button = QPushButton("Play", self)
        self.play_button.setObjectName("comparePlayButton")
        self.play_button.setToolTip("Train every run together, one step each at a time.")
        self.step_button = QPushButton("Step", self)
        self.step_button.setObjectName("compareStepButton")
        self.step_button.setToolTip("One mini-batch step of every run.")
        self.step_label = QLabel("step 0", self)
        self.step_label.setObjectName("compareStepLabel")
        self.threshold_edit = QLineEdit(f"{DEFAULT_THRESHOLD:g}", self)
        self.threshold_edit.setObjectName("compareThresholdEdit")
        self.threshold_edit.setMaximumWidth(80)
        self.threshold_edit.setToolTip(
            "The table says when each run's test loss first fell below this."
        )
        self.plot = CompareCurves(self)
        self.boundaries = BoundaryMultiples(self)
        self.table = QTableWidget(0, len(TABLE_COLUMNS), self)
        self.table.setObjectName("compareTable")
        self.table.setHorizontalHeaderLabels(list(TABLE_COLUMNS))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.use_button = QPushButton("Use this run", self)
        self.use_button.setObjectName("compareUseButton")
        self.use_button.setToolTip("Make the selected run's experiment the main window's.")
        self.use_button.setEnabled(False)

        top = QHBoxLayout()
        top.addWidget(QLabel("Vary", self))
        top.addWidget(self.setting_combo)
        top.addWidget(self.values_edit, 1)
        controls = QHBoxLayout()
        controls.addWidget(self.play_button)
        controls.addWidget(self.step_button)
        controls.addWidget(self.step_label)
        controls.addStretch(1)
        controls.addWidget(QLabel("test loss threshold", self))
        controls.addWidget(self.threshold_edit)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.use_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addLayout(controls)
        layout.addWidget(self.plot, 3)
        layout.addWidget(self.boundaries)
        layout.addWidget(self.table, 2)
        layout.addLayout(bottom)
        self.resize(920, 840)

        self.setting_combo.currentIndexChanged.connect(self._on_setting_chosen)
        self.values_edit.returnPressed.connect(self.rebuild)
        self.play_button.clicked.connect(self.toggle_play)
        self.step_button.clicked.connect(self.step)
        self.threshold_edit.editingFinished.connect(self._on_threshold)
        self.table.itemSelectionChanged.connect(self._on_selection)
        self.table.cellDoubleClicked.connect(lambda row, _column: self.use_run(row))
        self.use_button.clicked.connect(lambda: self.use_run(self.table.currentRow()))

    # -- the runs --

    @property
    def setting(self) -> CompareSetting:
        return SETTINGS[self.setting_combo.currentIndex()]

    def _on_setting_chosen(self) -> None:
        self.values_edit.setText(", ".join(self.setting.defaults))
        self.rebuild()

    def show_beside(self) -> None:
        """Show the window; the runs are (re)built if there are none or the experiment has
        changed since they were (else they go on where they were)."""
        self.show()
        self.raise_()
        if not self.runs or self.base != self._experiment():
            self.rebuild()

    def rebuild(self) -> bool:
        """New runs from the experiment as it is now and the values typed; on bad values a
        message says why and the previous runs stay. Returns whether the runs were built."""
        base = self._experiment()
        try:
            runs = build_runs(base, self.setting, self.values_edit.text())
            group = RunGroup([r.experiment for r in runs])
        except (CompareError, ExperimentError, ValueError) as err:
            problems = err.problems if isinstance(err, CompareError | ExperimentError) else [err]
            kept = " The previous runs are kept." if self.runs else ""
            self._say(f"Not changed: {'; '.join(map(str, problems))}.{kept}", error=True)
            return False
        self.pause()
        self.runs, self.group = runs, group
        self.base = base
        self.plot.set_runs([r.label for r in runs])
        self.boundaries.set_runs([r.label for r in runs], self.group.results)
        self.table.setRowCount(len(runs))
        self._show()
        self._say(f"{len(runs)} runs differing in {self.setting.title.lower()}: press Play.")
        return True

    # -- training --

    @property
    def running(self) -> bool:
        return self._timer.isActive()

    @property
    def steps_done(self) -> int:
        return 0 if self.group is None else self.group.steps_done

    def toggle_play(self) -> None:
        self.pause() if self.running else self.play()

    def play(self) -> None:
        if self.group is None or not self.group.any_alive:
            return
        self.play_button.setText("Pause")
        self._timer.start()

    def pause(self) -> None:
        """Stop training (the plot and table show where every run got to)."""
        self._timer.stop()
        self.play_button.setText("Play")
        self._show()

    def step(self) -> None:
        """One step of every live run."""
        if self.group is not None and self.group.any_alive:
            self.group.step()
            self._show()

    def _run_slice(self) -> None:
        """One timer tick: either a training slice or, every :data:`DRAW_SECONDS`, a
        redraw (never both: each keeps the event loop for about a slice at most)."""
        group = self.group
        assert group is not None, "the timer runs only while there are runs"
        now = time.perf_counter()
        if now - self._drawn >= DRAW_SECONDS:
            self._show()
            return
        end = now + SLICE_SECONDS
        while group.any_alive and time.perf_counter() < end:
            group.step()
        if not group.any_alive:
            self.pause()
            self._say("Every run has diverged.", error=True)

    # -- showing --

    def _say(self, text: str, *, error: bool = False) -> None:
        self.message.setStyleSheet(f"color: {HIGHLIGHT if error else MUTED};")
        self.message.setText(text)

    def _on_threshold(self) -> None:
        text = self.threshold_edit.text().strip()
        try:
            value = float(text)
        except ValueError:
            value = math.nan
        if not (math.isfinite(value) and value > 0):
            self._say(f"Not changed: the threshold must be a number > 0, got {text!r}.", error=True)
            self.threshold_edit.setText(f"{self.threshold:g}")
            return
        self.threshold = value
        self._show()

    def _show(self) -> None:
        self._drawn = time.perf_counter()
        if self.group is None:
            return
        self.step_label.setText(f"step {self.group.steps_done}")
        results = self.group.results
        self.plot.show_results(results)
        self.boundaries.show_results(results)
        for i, (run, result) in enumerate(zip(self.runs, results, strict=True)):
            row = run_row(result, self.threshold)
            cells = (
                run.text, _number(row.final_train), _number(row.best_train),
                _number(row.final_test), _number(row.best_test),
                "" if math.isnan(row.test_accuracy) else f"{row.test_accuracy:.1%}",
                "" if row.below_at is None else str(row.below_at),
                "" if row.diverged_at is None else str(row.diverged_at),
                row.diverged or "",
            )  # fmt: skip
            for column, text in enumerate(cells):
                item = self.table.item(i, column)
                if item is None:
                    item = QTableWidgetItem()
                    self.table.setItem(i, column, item)
                if item.text() != text:
                    item.setText(text)
                    item.setToolTip(text)
                    if column == len(cells) - 1:  # the explanation wraps onto more lines
                        self.table.resizeRowToContents(i)
            first = self.table.item(i, 0)
            if first is not None:
                first.setForeground(QBrush(QColor(run_color(i))))

    # -- choosing a run --

    def _on_selection(self) -> None:
        self.use_button.setEnabled(self.table.currentRow() >= 0 and bool(self.runs))

    def use_run(self, row: int) -> None:
        """Make run ``row``'s experiment the main one, saying so."""
        if not 0 <= row < len(self.runs):
            return
        run = self.runs[row]
        try:
            self._apply(run.experiment)
        except ExperimentError as err:
            self._say(f"Not applied: {err}", error=True)
            return
        self._say(f"The main experiment is now the run {run.label}.")

    def closeEvent(self, event) -> None:
        self.pause()
        super().closeEvent(event)
