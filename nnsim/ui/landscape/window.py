"""View ▸ Loss landscape: the training loss on a 2-D slice of weight space through the current
weights (:mod:`nnsim.training.landscape`), beside the main window.

The slice goes along two filter-normalised random directions (a seed picks them) or the first
two principal components of the weights training went through; the trajectory is projected
onto it and the current weights are its centre. The grid is computed in this (the GUI)
thread, in slices of at most :data:`SLICE_SECONDS` from a zero-delay timer, with progress and
Cancel, and then drawn from the same timer a piece per turn (heatmap, contours, trajectory,
1-D slice: :meth:`LandscapePlot.draw_steps`), so that no turn of the event loop is long;
while "Follow training" is on it is recomputed from the newest snapshot every
:data:`REFRESH_SECONDS` at most (the training process is not touched). The data are built
from the snapshot's experiment, as the training process builds them.

objectNames: ``landscapeWindow``, ``landscapeDirections``, ``landscapeSeed``,
``landscapeRange``, ``landscapeFit``, ``landscapeResolution``, ``landscapeFollow``,
``landscapeSlice``, ``landscapeCompute``, ``landscapeCancel``, ``landscapeProgress``,
``landscapeMessage`` (and the plots' ``landscapePlot``, ``landscapeSlicePlot``).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from nnsim.training.data import TrainingData, build_data
from nnsim.training.experiment import Experiment
from nnsim.training.landscape import (
    LandscapeError,
    LandscapeGrid,
    TrajectoryRecorder,
    network_at,
    plan_grid,
)
from nnsim.training.snapshot import Snapshot
from nnsim.training.text import QT_TR_NOOP, Text
from nnsim.ui.i18n import shown, tr
from nnsim.ui.landscape.plot import LandscapePlot
from nnsim.ui.landscape.texts import axis_labels, summary
from nnsim.ui.style import HIGHLIGHT, MUTED

__all__ = ["REFRESH_SECONDS", "SLICE_SECONDS", "LandscapeWindow"]

SLICE_SECONDS = 0.010  # computing per timer tick: the event loop is never kept longer
REFRESH_SECONDS = 0.5  # while following training, a new grid at most this often


@dataclass
class _Job:
    """One grid under way, with what it is drawn with."""

    grid: LandscapeGrid
    coords: np.ndarray
    seed: int
    step: int
    snapshot: Snapshot
    settings: tuple
    drawing: list[Callable[[], None]] | None = None  # the pieces still to draw, once computed


class LandscapeWindow(QDialog):
    """The landscape of ``snapshot()`` (the newest one the window drew), with the weights
    ``recorder`` holds as its trajectory; :meth:`on_snapshot` follows training."""

    def __init__(
        self,
        snapshot: Callable[[], Snapshot | None],
        recorder: TrajectoryRecorder,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("landscapeWindow")
        self.setWindowTitle(tr("Loss landscape"))
        self._snapshot, self.recorder = snapshot, recorder
        self.job: _Job | None = None
        self.shown: _Job | None = None  # the grid on screen
        self._data: tuple[tuple, TrainingData] | None = None
        self._started = -1e9  # perf_counter of the last start
        self._timer = QTimer(self)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._run_slice)
        self._later = QTimer(self)  # a follow-up refresh, no sooner than REFRESH_SECONDS
        self._later.setSingleShot(True)
        self._later.timeout.connect(self._refresh)
        self._message: Callable[[], str] = str  # makes the message (again, in a new language)
        self._build()

    def _build(self) -> None:
        intro = QLabel(
            tr("The training loss J(θ + α·d₁ + β·d₂) on a plane through the current weights θ "
               "(Li et al., 2018). Random directions are filter-normalised: each unit's "
               "incoming weights move as far as they are long, biases stay. PCA directions "
               "follow the trajectory training took."),
            self,
        )  # fmt: skip
        intro.setWordWrap(True)
        self.directions = QComboBox(self)
        self.directions.setObjectName("landscapeDirections")
        self.directions.addItem(tr("Random (filter-normalised)"), "random")
        self.directions.addItem(tr("PCA of the trajectory"), "pca")
        self.directions.setToolTip(
            tr("Random: two Gaussian directions, each filter scaled to the weights' own norm.\n"
               "PCA: the two directions the weights moved along most so far.")
        )  # fmt: skip
        self.seed = QSpinBox(self)
        self.seed.setObjectName("landscapeSeed")
        self.seed.setRange(0, 2**31 - 1)
        self.seed.setToolTip(tr("Picks the random directions (the same seed, the same plane)."))
        self.range = QDoubleSpinBox(self)
        self.range.setObjectName("landscapeRange")
        self.range.setRange(0.001, 100.0)
        self.range.setDecimals(3)
        self.range.setValue(1.0)
        self.range.setSingleStep(0.25)
        self.range.setPrefix("± ")
        self.range.setToolTip(tr("α and β run from −range to +range (1 = one filter's length)."))
        self.fit = QCheckBox(tr("Fit to the trajectory"), self)
        self.fit.setObjectName("landscapeFit")
        self.fit.setToolTip(tr("Choose the range so that the whole trajectory is on the plot."))
        self.resolution = QSpinBox(self)
        self.resolution.setObjectName("landscapeResolution")
        self.resolution.setRange(41, 151)
        self.resolution.setSingleStep(2)
        self.resolution.setValue(41)
        self.resolution.setSuffix(tr(" × grid"))
        self.resolution.setToolTip(tr("Grid points along each axis (odd: the centre is a point)."))
        self.follow = QCheckBox(tr("Follow training"), self)
        self.follow.setObjectName("landscapeFollow")
        self.follow.setChecked(True)
        self.follow.setToolTip(tr("Recompute from the newest weights while training runs."))
        self.slice = QCheckBox(tr("1-D slice"), self)
        self.slice.setObjectName("landscapeSlice")
        self.slice.setChecked(True)
        self.slice.setToolTip(tr("The loss along d₁ through the current weights (β = 0)."))
        self.compute_button = QPushButton(tr("Compute"), self)
        self.compute_button.setObjectName("landscapeCompute")
        self.compute_button.setToolTip(tr("Compute the landscape of the weights on screen now."))
        self.cancel_button = QPushButton(tr("Cancel"), self)
        self.cancel_button.setObjectName("landscapeCancel")
        self.cancel_button.setToolTip(tr("Stop computing; the last finished grid stays."))
        self.cancel_button.setEnabled(False)
        self.progress = QProgressBar(self)
        self.progress.setObjectName("landscapeProgress")
        self.message = QLabel("", self)
        self.message.setObjectName("landscapeMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.view = LandscapePlot(self)

        form = QFormLayout()
        form.addRow(tr("Directions"), self.directions)
        form.addRow(tr("Seed"), self.seed)
        range_row = QHBoxLayout()
        range_row.addWidget(self.range, 1)
        range_row.addWidget(self.fit)
        form.addRow(tr("Range"), range_row)
        form.addRow(tr("Resolution"), self.resolution)
        checks = QHBoxLayout()
        checks.addWidget(self.follow)
        checks.addWidget(self.slice)
        checks.addStretch(1)
        form.addRow(checks)
        row = QHBoxLayout()
        row.addWidget(self.progress, 1)
        row.addWidget(self.compute_button)
        row.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.view, 1)
        layout.addLayout(row)
        layout.addWidget(self.message)
        self.resize(620, 820)

        self.directions.currentIndexChanged.connect(self._on_directions_changed)
        for signal in (
            self.seed.valueChanged,
            self.range.valueChanged,
            self.resolution.valueChanged,
            self.fit.toggled,
        ):
            signal.connect(self._on_setting_changed)
        self.slice.toggled.connect(self.view.slice_plot.setVisible)
        self.compute_button.clicked.connect(self.compute)
        self.cancel_button.clicked.connect(self.cancel)

    # -- settings --

    def settings(self) -> tuple:
        """What a grid depends on besides the weights."""
        resolution = self.resolution.value() | 1  # odd: the current weights are a grid point
        fit = self.fit.isChecked()
        half = None if fit else round(self.range.value(), 6)  # a fitted range is shown only
        return (self.directions.currentData(), self.seed.value(), half, fit, resolution)

    def _on_directions_changed(self) -> None:
        pca = self.directions.currentData() == "pca"
        self.seed.setEnabled(not pca)
        self.fit.blockSignals(True)
        self.fit.setChecked(pca)  # a PCA plane is measured in weights: fit it to the path
        self.fit.blockSignals(False)
        self.range.setEnabled(not self.fit.isChecked())
        self._on_setting_changed()

    def _on_setting_changed(self) -> None:
        self.range.setEnabled(not self.fit.isChecked())
        if self.isVisible():
            self._later.start(0)

    # -- computing --

    @property
    def running(self) -> bool:
        return self._timer.isActive()

    def on_snapshot(self, snapshot: Snapshot) -> None:
        """A snapshot was drawn: while following, recompute (no sooner than REFRESH_SECONDS
        after the last start, and never two at once)."""
        if not (self.isVisible() and self.follow.isChecked()):
            return
        if not self._later.isActive():
            wait = REFRESH_SECONDS - (time.perf_counter() - self._started)
            self._later.start(max(0, int(wait * 1000)))

    def _refresh(self) -> None:
        if self.running:  # after this one: again
            return
        snapshot = self._snapshot()
        shown = self.shown
        if shown is not None and snapshot is shown.snapshot and shown.settings == self.settings():
            return  # already on screen
        self.compute()

    def compute(self) -> bool:
        """Start a grid for the newest snapshot with the settings shown; False (and the
        reason shown, the last grid kept) if it cannot be drawn."""
        self.cancel()
        try:
            job = self._new_job()
        except LandscapeError as err:
            problem = err.args[0] if err.args else str(err)  # (err goes with the clause)
            self._say(lambda: shown(problem) if isinstance(problem, str | Text) else "", error=True)
            return False
        self.job = job
        self._started = time.perf_counter()
        self.progress.setRange(0, job.grid.total)
        self.progress.setValue(0)
        self.compute_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self._timer.start()
        return True

    def _new_job(self) -> _Job:
        snapshot = self._snapshot()
        if snapshot is None or not isinstance(snapshot.experiment, Experiment):
            raise LandscapeError(
                Text(QT_TR_NOOP("Nothing to show yet: the training process has not started."))
            )
        if snapshot.diverged:
            raise LandscapeError(Text(
                QT_TR_NOOP("Training diverged ({why}): the loss around these weights is not "
                           "finite. Reset (R) or lower the learning rate, then train again."),
                {"why": snapshot.diverged},
            ))  # fmt: skip
        experiment = snapshot.experiment
        data = self._data_for(experiment)
        try:
            net = network_at(experiment, snapshot.weights, len(data.features))
        except ValueError as err:
            raise LandscapeError(
                Text(QT_TR_NOOP("The weights do not fit the network: {problem}"), {"problem": err})
            ) from None
        kind, seed, half, fit, resolution = settings = self.settings()
        grid, coords = plan_grid(
            net,
            data,
            self.recorder.thetas(),
            kind,
            seed=seed,
            half=self.range.value() if half is None else half,
            fit=fit,
            resolution=resolution,
        )
        if fit:
            self.range.blockSignals(True)  # shown, not a new setting
            self.range.setValue(float(grid.alphas[-1]))
            self.range.blockSignals(False)
        return _Job(grid, coords, seed, snapshot.step, snapshot, settings)

    def _data_for(self, experiment: Experiment) -> TrainingData:
        key = (experiment.data, experiment.seed)
        if self._data is None or self._data[0] != key:
            self._data = (key, build_data(experiment))
        return self._data[1]

    def cancel(self) -> None:
        """Stop the grid under way; the last finished one stays on screen."""
        if self.job is None:
            return
        if self.job.drawing is not None:  # computed: drawn whole (the screen stays true)
            self._finish(self.job)
            return
        self._timer.stop()
        done, total = self.job.grid.done_points, self.job.grid.total
        self.job = None
        self.compute_button.setEnabled(True)
        self.cancel_button.setEnabled(False)
        if done < total:
            self._say(
                lambda: tr("Cancelled after {done} of {total} points; the last finished grid "
                           "stays.").format(done=done, total=total)
            )  # fmt: skip

    def _run_slice(self) -> None:
        """One turn's work: a slice of the grid, or (once computed) a piece of drawing."""
        job = self.job
        assert job is not None, "the timer runs only while a grid is under way"
        if job.drawing is not None:
            job.drawing.pop(0)()
            if not job.drawing:
                self._finish(job)
            return
        if job.grid.run_for(SLICE_SECONDS):
            grid = job.grid
            job.drawing = self.view.draw_steps(
                grid.alphas,
                grid.betas,
                grid.loss,
                job.coords,
                axis_labels(grid.directions, job.seed),
            )
        self.progress.setValue(job.grid.done_points)

    def _finish(self, job: _Job) -> None:
        """The job's grid is computed: draw what is left of it, and say what it shows."""
        for piece in job.drawing or []:
            piece()
        job.drawing = []
        self._timer.stop()
        self.job = None
        self.compute_button.setEnabled(True)
        self.cancel_button.setEnabled(False)
        self.shown = job
        newest = self._snapshot()
        if newest is not None and newest is not job.snapshot:
            self.on_snapshot(newest)  # snapshots came meanwhile: the newest is drawn next
        elif job.settings != self.settings() and self.isVisible():
            self._later.start(0)  # a setting changed meanwhile: its grid next
        self._say(lambda: summary(job.grid, job.coords, job.step))

    def _say(self, text: Callable[[], str], error: bool = False) -> None:
        """Show the message ``text()`` makes (made again if the language changes)."""
        self._message = text
        self.message.setStyleSheet(f"color: {HIGHLIGHT if error else MUTED};")
        self.message.setText(text())

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:  # the texts made from values, again
            self.message.setText(self._message())
            if self.shown is not None:
                self.view.set_axis_labels(axis_labels(self.shown.grid.directions, self.shown.seed))

    def show_beside(self) -> None:
        """Show (or raise) the window and compute the landscape if none is on screen."""
        self.show()
        self.raise_()
        if self.shown is None and not self.running:
            self.compute()

    def closeEvent(self, event) -> None:
        self._later.stop()
        self.cancel()
        super().closeEvent(event)
