"""View ▸ Compare: the current experiment as 2–8 runs that differ in one setting (or a grid
of two settings, at most 16 runs), trained together from one Play and shown side by side
(overlaid losses, boundaries, a table), beside the main window.

The runs train in this (the GUI) thread as one :class:`~nnsim.training.run_group.RunGroup`,
in slices of about :data:`SLICE_SECONDS` from a zero-delay timer. While playing, one part
of the view (the plot, the boundaries, the table, in turns) is redrawn every
:data:`DRAW_SECONDS` ÷ 3 in a tick of its own (less often if redrawing would take more than
:data:`DRAW_SHARE` of the time), and none while the window is hidden or minimised: no tick,
with the paint it causes, holds the event loop for all the parts at once. The main
window's experiment and its training are untouched until the learner picks a run ("Use
this run" or a double-click on its row).

objectNames: ``compareWindow``, ``compareSettingCombo``, ``compareValuesEdit``,
``compareSecondSettingCombo``, ``compareSecondValuesEdit``, ``compareMessage``,
``comparePlayButton``, ``compareStepButton``, ``compareStepLabel``, ``compareLossPlot``,
``compareBoundaries`` (``compareBoundary_<i>``), ``compareThresholdEdit``, ``compareTable``,
``compareUseButton``.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QEvent, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from nnsim.training.experiment import Experiment, ExperimentError
from nnsim.training.run_group import RunGroup
from nnsim.training.text import Text
from nnsim.ui.compare.boundaries import BoundaryMultiples
from nnsim.ui.compare.curves import CompareCurves
from nnsim.ui.compare.runs import SETTINGS, CompareError, CompareRun, CompareSetting, build_runs
from nnsim.ui.compare.table import TABLE_COLUMNS, CompareTable
from nnsim.ui.compare.vary import VaryRows
from nnsim.ui.i18n import shown, tr
from nnsim.ui.style import HIGHLIGHT, MUTED

__all__ = ["DEFAULT_THRESHOLD", "DRAW_SECONDS", "SLICE_SECONDS", "TABLE_COLUMNS", "CompareWindow"]

SLICE_SECONDS = 0.006  # training per tick; Qt may run two zero-delay ticks back to back
DRAW_SECONDS = 0.15  # while playing, each part of the view is redrawn this often, in turns
DRAW_SHARE = 1 / 3  # at most this share of the time goes to redrawing (many runs: less often)
DEFAULT_THRESHOLD = 0.2


class CompareWindow(QDialog):
    """Runs built from ``experiment()`` (read when the runs are (re)built); ``apply(e, state)``
    makes a chosen run's experiment the main one and goes on from its trained ``state``
    (``Trainer.state_dict()``, None before the first step); it may raise
    ``ExperimentError``, shown."""

    def __init__(
        self,
        experiment: Callable[[], Experiment],
        apply: Callable[[Experiment, dict[str, Any] | None], object],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("compareWindow")
        self.setWindowTitle(tr("Compare runs"))
        self._experiment, self._apply = experiment, apply
        self.runs: list[CompareRun] = []
        self.varied: list[CompareSetting] = []  # the settings the runs differ in
        self.base: Experiment | None = None  # the experiment the runs were built from
        self.group: RunGroup | None = None
        self.threshold = DEFAULT_THRESHOLD
        self._next_draw = 0.0  # perf_counter at which the next part of the view is redrawn
        self._part = 0  # which part that is: an index into self._parts
        self._parts: tuple[Callable[[], None], ...] = (
            self._show_plot, self._show_boundaries, self._show_table
        )  # fmt: skip
        self._hidden: QWidget | None = None  # a redrawn part whose paint waits for a tick
        self._reveal_at = 0.0  # perf_counter at which that part may paint
        self._revealed = False  # whether the last tick let it paint
        # CPU time of this thread (not wall time, which a busy machine stretches):
        self._draw_cpu = 0.0  # that the redraw of the last part took, before its paint
        self._tick_ended = 0.0  # at the end of the last tick
        self._timer = QTimer(self)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.tick)
        self._message: Callable[[], str] = str  # makes the message (again, in a new language)

        self.vary = VaryRows(self)
        # the rows' fields, by the names scripts and benchmarks use
        self.setting_combo, self.values_edit = self.vary.setting_combo, self.vary.values_edit
        self.second_combo = self.vary.second_combo
        self.second_values_edit = self.vary.second_values_edit
        self.message = QLabel("", self)
        self.message.setObjectName("compareMessage")
        self.message.setWordWrap(True)
        self.play_button = QPushButton(tr("Play"), self)
        self.play_button.setObjectName("comparePlayButton")
        self.play_button.setToolTip(tr("Train every run together, one step each at a time."))
        self.step_button = QPushButton(tr("Step"), self)
        self.step_button.setObjectName("compareStepButton")
        self.step_button.setToolTip(tr("One mini-batch step of every run."))
        self.step_label = QLabel(self)
        self.step_label.setObjectName("compareStepLabel")
        self._show_step()
        self.threshold_edit = QLineEdit(f"{DEFAULT_THRESHOLD:g}", self)
        self.threshold_edit.setObjectName("compareThresholdEdit")
        self.threshold_edit.setMaximumWidth(80)
        self.threshold_edit.setToolTip(
            tr("The table says when each run's test loss first fell below this.")
        )
        self.plot = CompareCurves(self)
        self.boundaries = BoundaryMultiples(self)
        self.table = CompareTable(self)
        self.use_button = QPushButton(tr("Use this run"), self)
        self.use_button.setObjectName("compareUseButton")
        self.use_button.setToolTip(tr("Make the selected run's experiment the main window's."))
        self.use_button.setEnabled(False)

        controls = QHBoxLayout()
        controls.addWidget(self.play_button)
        controls.addWidget(self.step_button)
        controls.addWidget(self.step_label)
        controls.addStretch(1)
        threshold_label = QLabel(tr("test loss threshold"), self)
        threshold_label.setToolTip(self.threshold_edit.toolTip())
        threshold_label.setBuddy(self.threshold_edit)
        controls.addWidget(threshold_label)
        controls.addWidget(self.threshold_edit)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.use_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.vary)
        layout.addWidget(self.message)
        layout.addLayout(controls)
        layout.addWidget(self.plot, 3)
        layout.addWidget(self.boundaries)
        layout.addWidget(self.table, 2)
        layout.addLayout(bottom)
        self.resize(920, 840)
        for button in (self.play_button, self.step_button, self.use_button):
            button.setAutoDefault(False)  # Enter in a values field builds; it does not Play

        self.vary.changed.connect(self.rebuild)
        self.vary.entered.connect(self.rebuild)
        self.play_button.clicked.connect(self.toggle_play)
        self.step_button.clicked.connect(self.step)
        self.threshold_edit.editingFinished.connect(self._on_threshold)
        self.table.itemSelectionChanged.connect(self._on_selection)
        self.table.cellDoubleClicked.connect(lambda row, _column: self.use_run(row))
        self.use_button.clicked.connect(lambda: self.use_run(self.table.currentRow()))

    # -- the runs --

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
        varied = self.vary.varied()
        try:
            runs = build_runs(base, varied)
            group = RunGroup([r.experiment for r in runs])
        except (CompareError, ExperimentError, ValueError) as err:
            problems = err.problems if isinstance(err, CompareError | ExperimentError) else [err]
            kept = bool(self.runs)

            def refused() -> str:
                said = tr("; ", "between problems").join(
                    shown(p) if isinstance(p, str | Text) else str(p) for p in problems
                )
                if kept:
                    return tr("Not changed: {problems}. The previous runs are kept.").format(
                        problems=said
                    )
                return tr("Not changed: {problems}.").format(problems=said)

            self._say(refused, error=True)
            return False
        self.show_runs(runs, [s for s, _ in varied], base, group)
        return True

    def show_runs(self, runs: Sequence[CompareRun], varied: Sequence[CompareSetting],
                  base: Experiment, group: RunGroup | None = None) -> None:  # fmt: skip
        """Train ``runs`` (e.g. a lesson's, each with its own settings) differing in
        ``varied`` (a table column each, from ``CompareRun.texts``), made from ``base``;
        ``ValueError`` if they cannot train together."""
        group = RunGroup([r.experiment for r in runs]) if group is None else group
        self.pause()
        self.runs, self.group, self.base = list(runs), group, base
        self.varied = list(varied)
        self.plot.set_runs([r.label for r in runs])
        self.boundaries.set_runs([r.label for r in runs], self.group.results)
        self.table.set_runs(self.varied, runs)
        own = [s for s in self.varied if s not in SETTINGS]
        if own:
            self.vary.show_own(own[0].title)
        self._show()
        self._say(lambda: tr("{runs}: press Play.").format(runs=self._differing()))

    def _differing(self) -> str:
        names = " × ".join(tr(s.name) for s in self.varied)
        return tr("{count} runs differing in {settings}").format(
            count=len(self.runs), settings=names
        )

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
        self.play_button.setText(tr("Pause"))
        self._say(lambda: tr("{runs}, training together.").format(runs=self._differing()))
        self._timer.start()

    def pause(self) -> None:
        """Stop training (the plot and table show where every run got to)."""
        self._timer.stop()
        self.play_button.setText(tr("Play"))
        self._show()

    def step(self) -> None:
        """One step of every live run."""
        if self.group is not None and self.group.any_alive:
            self.group.step()
            self._show()

    def tick(self) -> None:
        """One timer tick: a training slice; or, when one is due, the redraw of one part of
        the view with its painting held back; or, a slice later, letting that part paint.
        Each keeps the event loop for about a slice or one part's paint, never more."""
        group = self.group
        assert group is not None, "the timer runs only while there are runs"
        now, cpu = time.perf_counter(), time.thread_time()
        away = cpu - self._tick_ended  # this thread's work since the last tick: a paint
        if self._revealed:  # the last tick let a part paint, which took `away`
            spent = self._draw_cpu + away
            pause = max(DRAW_SECONDS / len(self._parts), spent * (1 / DRAW_SHARE - 1))
            self._next_draw, self._revealed = now + pause, False
        if self._hidden is not None:
            if now >= self._reveal_at:
                self._reveal()  # its paint follows this tick, on its own
                self._revealed = True
        elif now >= self._next_draw and self._drawable():
            widget = (self.plot, self.boundaries, self.table)[self._part]
            widget.setUpdatesEnabled(False)  # painted a tick later: not in one block with this
            self._show_step()
            self._parts[self._part]()
            self._part = (self._part + 1) % len(self._parts)
            self._hidden, self._reveal_at = widget, time.perf_counter() + SLICE_SECONDS
            self._draw_cpu = time.thread_time() - cpu
            self._tick_ended = time.thread_time()
            return
        if not self._revealed and away < SLICE_SECONDS / 2:
            end = now + SLICE_SECONDS
            while group.any_alive and time.perf_counter() < end:
                group.step()
            if not group.any_alive:
                self.pause()
                self._say(lambda: tr("Every run has diverged."), error=True)
        # else: something held the event loop since the last tick (a part's paint), or
        # this tick lets one paint: no training now, so that other timers and input come first
        self._tick_ended = time.thread_time()

    def _reveal(self) -> None:
        """Let the part whose painting was held back paint (it is updated as a whole)."""
        if self._hidden is not None:
            self._hidden.setUpdatesEnabled(True)
            self._hidden = None

    def _drawable(self) -> bool:
        """Whether anything of the view can be seen (a hidden or minimised window's is not
        redrawn while it trains; it is when it is shown again)."""
        return self.isVisible() and not self.isMinimized()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.WindowStateChange and self._drawable():
            self._show()  # restored: show where the runs got to while minimised
        elif event.type() == QEvent.Type.LanguageChange:  # the texts made from values, again
            self.play_button.setText(tr("Pause") if self.running else tr("Play"))
            self.message.setText(self._message())
            self.vary.retranslate()
            self.table.retranslate(self.varied)
            self._show()

    # -- showing --

    def _say(self, text: Callable[[], str], *, error: bool = False) -> None:
        """Show the message ``text()`` makes (made again if the language changes)."""
        self._message = text
        self.message.setStyleSheet(f"color: {HIGHLIGHT if error else MUTED};")
        self.message.setText(text())

    def _show_step(self) -> None:
        self.step_label.setText(tr("step {step}").format(step=self.steps_done))
        # wide enough for long runs: a new step number does not lay the window out again
        width = self.fontMetrics().horizontalAdvance(tr("step {step}").format(step="00000000"))
        if self.step_label.minimumWidth() != width:
            self.step_label.setMinimumWidth(width)

    def _on_threshold(self) -> None:
        text = self.threshold_edit.text().strip()
        try:
            value = float(text)
        except ValueError:
            value = math.nan
        if not (math.isfinite(value) and value > 0):
            self._say(
                lambda: tr("Not changed: the threshold must be a number > 0, got {text!r}.").format(
                    text=text
                ),
                error=True,
            )
            self.threshold_edit.setText(f"{self.threshold:g}")
            return
        self.threshold = value
        self._show_table()

    def _show(self) -> None:
        """Every part of the view at once (after a step, a pause, new runs)."""
        self._reveal()
        self._revealed = False
        if self.group is None:
            return
        self._show_step()
        for part in self._parts:
            part()

    def _show_plot(self) -> None:
        assert self.group is not None
        self.plot.show_results(self.group.results)

    def _show_boundaries(self) -> None:
        assert self.group is not None
        self.boundaries.show_results(self.group.results)

    def _show_table(self) -> None:
        if self.group is not None:
            self.table.show_results(self.group.results, self.threshold)

    # -- choosing a run --

    def _on_selection(self) -> None:
        self.use_button.setEnabled(self.table.currentRow() >= 0 and bool(self.runs))

    def use_run(self, row: int) -> None:
        """Make run ``row`` the main experiment, going on from where it got to (its weights,
        optimizer state and history), saying so."""
        if not 0 <= row < len(self.runs) or self.group is None:
            return
        run, result = self.runs[row], self.group.results[row]
        self.pause()
        steps = result.last.step if result.last is not None else 0
        try:
            self._apply(run.experiment, result.state_dict() if steps else None)
        except ExperimentError as err:
            problem = shown(err)  # (err is gone after the except clause)
            self._say(lambda: tr("Not applied: {problem}").format(problem=problem), error=True)
            return
        if steps:
            self._say(
                lambda: tr("The main experiment is now the run {run} at step {step}.").format(
                    run=run.label, step=steps
                )
            )
        else:
            self._say(lambda: tr("The main experiment is now the run {run}.").format(run=run.label))

    def closeEvent(self, event) -> None:
        self.pause()
        super().closeEvent(event)
