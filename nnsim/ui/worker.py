"""The training worker: the one seam between Qt and the engine.

A :class:`TrainingWorker` lives in its own ``QThread`` and owns the
:class:`~nnsim.training.trainer.Trainer`. Commands arrive as queued slot calls
(``play``, ``pause``, ``step_once``, ``reset``, ``set_experiment``, ``set_lr`` …),
so they run between training slices, never in the middle of a step. While
playing, it trains in slices of a few milliseconds and emits an immutable
:class:`~nnsim.training.snapshot.Snapshot` at most ``max_fps`` times a second.
The GUI never waits on it; it stops by a flag, never by ``terminate()``.
"""

from __future__ import annotations

import threading
import time

from PySide6.QtCore import QObject, QThread, QTimer, Signal, Slot

from nnsim.training.grid import GridPredictor
from nnsim.training.snapshot import Snapshot, take_snapshot
from nnsim.training.trainer import Trainer

SLICE_SECONDS = 0.008
DRAW_WAIT_SECONDS = 0.05  # never wait longer than this for the window to draw a snapshot
GRID_RESOLUTION = 100


class TrainingWorker(QObject):
    """Trains an experiment in the background. Create it, then call :meth:`start`."""

    snapshotReady = Signal(object)  # Snapshot
    failed = Signal(str)  # a command that could not be carried out, in plain words
    _stopRequested = Signal()

    def __init__(self, experiment, max_fps: float = 30.0) -> None:
        super().__init__()
        self._experiment = experiment
        self._min_interval = 1.0 / max_fps
        self._trainer: Trainer | None = None
        self._grid: GridPredictor | None = None
        self._playing = False
        self._markers: list[tuple[int, str]] = []
        self._last_emit = 0.0
        # Set by the GUI once it has drawn the last snapshot. While the window draws, the
        # worker waits (releasing the GIL) instead of training: otherwise every Python call
        # of the GUI thread queues behind the training loop for the GIL and frames crawl.
        self._drawn = threading.Event()
        self._drawn.set()
        self._dirty = False
        self.steps_per_second = 0.0
        self._thread = QThread()
        self._thread.setObjectName("nnsim-training")
        self.moveToThread(self._thread)
        self._thread.started.connect(self._on_started)
        self._stopRequested.connect(self._finish)

    # -- lifetime ------------------------------------------------------------------------------
    def start(self) -> None:
        self._thread.start()

    def shutdown(self, timeout_ms: int = 5000) -> bool:
        """Stop training and the thread (call from the GUI thread). True if it ended in time."""
        if not self._thread.isRunning():
            return True
        self._playing = False  # read by the worker between slices
        self._stopRequested.emit()  # queued: runs in the worker thread after the current slice
        return self._thread.wait(timeout_ms)

    @Slot()
    def _finish(self) -> None:
        self._timer.stop()  # timers must be stopped from their own thread
        self._thread.quit()

    @Slot()
    def _on_started(self) -> None:
        self._timer = QTimer(self)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._train_slice)
        self._build(self._experiment)
        self._emit(force=True)

    def _build(self, experiment) -> None:
        self._trainer = Trainer(experiment)
        self._experiment = experiment
        features = self._trainer.data.features
        if self._grid is None or self._grid.features != features:
            self._grid = GridPredictor(features, GRID_RESOLUTION)
        self._markers = []

    def snapshot_drawn(self) -> None:
        """Called from the GUI thread once a snapshot is on screen (thread-safe)."""
        self._drawn.set()

    # -- commands (queued from the GUI thread) -------------------------------------------------
    @Slot()
    def play(self) -> None:
        if self._trainer is None or self._trainer.diverged:
            self._emit(force=True)
            return
        self._playing = True
        self._timer.start()
        self._emit(force=True)

    @Slot()
    def pause(self) -> None:
        self._playing = False
        self._timer.stop()
        self._emit(force=True)

    @Slot()
    def step_once(self) -> None:
        if self._trainer is None or self._trainer.diverged:
            self._emit(force=True)
            return
        self._trainer.step()
        self._emit(force=True)

    @Slot()
    def reset(self) -> None:
        self._trainer.reset()
        self._markers = []
        self._emit(force=True)

    @Slot(object)
    def set_experiment(self, experiment) -> None:
        """Rebuild everything from a new experiment (architecture, data, …), step 0."""
        try:
            self._build(experiment)
        except ValueError as err:
            self.failed.emit(str(err))
        self._emit(force=True)

    @Slot(float)
    def set_lr(self, lr: float) -> None:
        """Change the learning rate mid-run, keeping weights and optimizer state."""
        old = self._trainer.experiment.training.optimizer.params["lr"]
        try:
            self._trainer.set_learning_rate(lr)
        except ValueError as err:
            self.failed.emit(str(err))
            return
        self._markers.append((self._trainer.steps_done, f"lr {old:g} → {lr:g}"))
        self._emit(force=True)

    @Slot(str, object)
    def set_hyperparameter(self, name: str, value) -> None:
        """Change one optimizer hyper-parameter mid-run (momentum, betas, eps …)."""
        try:
            self._trainer.set_optimizer_hyperparameter(name, value)
        except ValueError as err:
            self.failed.emit(str(err))
            return
        self._markers.append((self._trainer.steps_done, f"{name} → {value}"))
        self._emit(force=True)

    @Slot(int, int, int, float)
    def set_weight(self, layer: int, row: int, col: int, value: float) -> None:
        """Edit one weight W[layer][row, col] by hand (the diagram's click-to-edit)."""
        self._trainer.network.layers[layer - 1].W[row, col] = value
        self._emit(force=True)

    # -- training ------------------------------------------------------------------------------
    @Slot()
    def _train_slice(self) -> None:
        trainer = self._trainer
        if not self._playing or trainer is None:
            self._timer.stop()
            return
        self._drawn.wait(DRAW_WAIT_SECONDS)
        start = time.perf_counter()
        done = 0
        deadline = start + SLICE_SECONDS
        while time.perf_counter() < deadline:
            result = trainer.step()
            done += 1
            if result.diverged:
                self._playing = False
                self._timer.stop()
                break
        elapsed = time.perf_counter() - start
        if elapsed > 0:
            rate = done / elapsed
            self.steps_per_second = (
                rate if not self.steps_per_second else (0.8 * self.steps_per_second + 0.2 * rate)
            )
        self._emit(force=not self._playing)

    def _emit(self, force: bool = False) -> None:
        now = time.perf_counter()
        if not force and now - self._last_emit < self._min_interval:
            return
        self._last_emit = now
        if self._playing:
            self._drawn.clear()
        snapshot: Snapshot = take_snapshot(
            self._trainer, self._grid, running=self._playing, markers=tuple(self._markers)
        )
        self.snapshotReady.emit(snapshot)
