"""The training worker: the one seam between Qt and the engine.

Training runs in a child process (:func:`nnsim.training.host.serve`), so that
it and the window each get a core instead of taking turns on the GIL. A
:class:`TrainingWorker` starts that process, sends it the typed commands of
:mod:`nnsim.training.protocol` (``Play``, ``Step``, ``SetExperiment`` …; they are
read between training slices, never in the middle of a step), and owns a
``QThread`` that waits on the pipe and hands every immutable
:class:`~nnsim.training.snapshot.Snapshot` (at most ~30 a second) to the GUI
thread through ``snapshotReady``. The GUI never waits on it; it stops by a
``Quit`` command, never by ``terminate()``.
"""

from __future__ import annotations

import contextlib
import logging
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import QObject, QThread, Signal, Slot

from nnsim.training import protocol
from nnsim.training.background import serve_below_the_window
from nnsim.training.snapshot import from_the_pipe
from nnsim.ui.i18n import tr
from nnsim.ui.training_process import starting_a_training_process, training_context

if TYPE_CHECKING:
    from nnsim.training.experiment import Experiment

JOIN_SECONDS = 5.0
log = logging.getLogger("nnsim")


class _PipeReader(QThread):
    """Blocks on the pipe (without the GIL) and re-emits what the training process sends."""

    received = Signal(object)

    def __init__(self, conn: Connection) -> None:
        super().__init__()
        self.setObjectName("nnsim-snapshots")
        self._conn = conn

    def run(self) -> None:
        while True:
            try:
                message = self._conn.recv()
            except (EOFError, OSError):
                break
            self.received.emit(message)


class TrainingWorker(QObject):
    """Trains an experiment in the background. Create it, then call :meth:`start`."""

    snapshotReady = Signal(object)  # Snapshot
    dataReady = Signal(object)  # TrainingData: the run's points, each time they change
    failed = Signal(str)  # a command that could not be carried out, in plain words
    died = Signal(str)  # the training process ended on its own (why, in one line)
    stateReady = Signal(object)  # the trainer's state_dict(histories=False): request_state()
    metricsExported = Signal(object)  # protocol.MetricsExported: export_metrics()'s answer

    def __init__(self, experiment: Experiment, max_fps: float = 30.0) -> None:
        super().__init__()
        self._experiment = experiment
        self._max_fps = max_fps
        self.steps_per_second = 0.0
        self._process: BaseProcess | None = None  # these three are set by start()
        self._conn: Connection | None = None
        self._reader: _PipeReader | None = None
        self._generation = 0  # NEW_STATE_COMMANDS sent: older snapshots are dropped
        self._received: Experiment | None = None  # of the last snapshot (from_the_pipe)
        self._crash = ""  # the last line of the training process's own report, if any
        self._watching_step_line = False  # told again to a restarted process
        self.speed: float | None = experiment.view.steps_per_second  # None: flat out; kept too

    # -- lifetime ------------------------------------------------------------------------------
    def start(self) -> None:
        self._generation, self._crash, self._received = 0, "", None
        ctx = training_context()
        ours, theirs = ctx.Pipe()
        process = ctx.Process(
            target=serve_below_the_window,
            args=(theirs, self._experiment, self._max_fps),
            name="nnsim-training",
            daemon=True,  # never outlives the window, even if it crashes
        )
        self._process = process
        with starting_a_training_process():
            process.start()
        theirs.close()
        self._conn = ours
        self._reader = reader = _PipeReader(ours)
        reader.received.connect(self._on_message)  # queued: runs in the GUI thread
        reader.finished.connect(self._on_reader_finished)  # after every message
        reader.start()
        if self._watching_step_line:
            self._send(protocol.WatchStepLine(True))
        if self.speed is not None:
            self._send(protocol.SetSpeed(self.speed))

    @property
    def pid(self) -> int | None:
        """The training process's id (None when there is none)."""
        return None if self._process is None else self._process.pid

    def restart(self, experiment: Experiment) -> None:
        """A new training process for ``experiment`` (after the old one died), at step 0."""
        self.shutdown(timeout_ms=1000)
        self._experiment = experiment
        self.start()

    @Slot()
    def _on_reader_finished(self) -> None:
        if self._process is None or self.sender() is not self._reader:
            return  # shut down on purpose, or an old reader of a restarted worker
        self._process.join(1.0)
        code = self._process.exitcode
        if self._crash:
            reason = self._crash
        elif code is None:
            reason = tr("it stopped answering")
        elif code < 0:
            reason = tr("killed by signal {signal}").format(signal=-code)
        else:
            reason = tr("exit code {code}").format(code=code)
        self.died.emit(reason)

    def is_running(self) -> bool:
        return self._reader is not None and self._reader.isRunning()

    def shutdown(self, timeout_ms: int = 5000) -> bool:
        """Stop training, the process and the thread. True if all ended in time."""
        process, reader, conn = self._process, self._reader, self._conn
        if process is None:
            return True
        assert reader is not None and conn is not None, "start() sets all three"
        self._send(protocol.Quit())
        process.join(timeout_ms / 1000)
        if process.is_alive():  # hung in a step: last resort, the window is closing
            process.kill()
            process.join(1.0)
        ended = reader.wait(timeout_ms)
        conn.close()
        self._process = None
        return ended

    @Slot(object)
    def _on_message(self, message: protocol.Reply) -> None:
        if self.sender() is not self._reader:
            return  # queued by the process before a restart: of a run the window has left
        if isinstance(message, protocol.SnapshotReady):
            snapshot = from_the_pipe(message.snapshot, self._received)  # dropped ones too
            self._received = cast("Experiment | None", snapshot.experiment)
            if snapshot.running:  # acknowledged on arrival: a dropped one counts too
                self._send(protocol.Taken())
            if message.generation < self._generation:
                return  # from before a reset or a new experiment
            self.steps_per_second = message.steps_per_second
            self.snapshotReady.emit(snapshot)
        elif isinstance(message, protocol.DataReady):  # never stale (see DataReady)
            self.dataReady.emit(message.data)
        elif isinstance(message, protocol.Refused):
            self.failed.emit(message.text)
        elif isinstance(message, protocol.StateReady):
            if message.generation < self._generation:  # of a state since left: ask again
                self._send(protocol.RequestState())
                return
            self.stateReady.emit(message.state)
        elif isinstance(message, protocol.MetricsExported):
            self.metricsExported.emit(message)
        elif isinstance(message, protocol.Crashed):  # the traceback to the log, a line to us
            log.error("the training process stopped:\n%s", message.traceback)
            self._crash = message.traceback.strip().splitlines()[-1]

    def _send(self, command: protocol.Command) -> None:
        if isinstance(command, protocol.NEW_STATE):
            self._generation += 1
        assert self._conn is not None, "commands go to a started worker: start() first"
        with contextlib.suppress(OSError, ValueError):  # gone: the reader's end says so (died)
            self._conn.send(command)

    # -- commands ------------------------------------------------------------------------------
    @Slot()
    def play(self) -> None:
        self._send(protocol.Play())

    @Slot()
    def pause(self) -> None:
        self._send(protocol.Pause())

    @Slot()
    def step_once(self) -> None:
        self._send(protocol.Step())

    @Slot()
    def reset(self) -> None:
        self._send(protocol.Reset())

    @Slot(object)
    def set_experiment(self, experiment: Experiment) -> None:
        """Rebuild everything from a new experiment (architecture, data, …), step 0."""
        self._send(protocol.SetExperiment(experiment))

    @Slot(object)
    def update_experiment(self, experiment: Experiment) -> None:
        """Go on from the current weights under an edited experiment (points, optimizer,
        batch size …: see :func:`nnsim.training.changes.resets_weights`)."""
        self._send(protocol.UpdateExperiment(experiment))

    @Slot(float)
    def set_lr(self, lr: float) -> None:
        """Change the learning rate mid-run, keeping weights and optimizer state."""
        self._send(protocol.SetLearningRate(lr))

    @Slot(str, object)
    def set_hyperparameter(self, name: str, value: Any) -> None:
        """Change one optimizer hyper-parameter mid-run (momentum, betas, eps …)."""
        self._send(protocol.SetHyperparameter(name, value))

    @Slot(int, int, int, float)
    def set_weight(self, layer: int, row: int, col: int, value: float) -> None:
        """Edit one weight W[layer][row, col] by hand (the diagram's click-to-edit)."""
        self._send(protocol.SetWeight(layer, row, col, value))

    @Slot(int, int, float)
    def set_bias(self, layer: int, unit: int, value: float) -> None:
        self._send(protocol.SetBias(layer, unit, value))

    @Slot(object)
    def load_state(self, state: dict[str, Any]) -> None:
        """Continue training from a ``Trainer.state_dict()`` (e.g. the steps a lecture walked)."""
        self._send(protocol.LoadState(state))

    @Slot(bool)
    def watch_step_line(self, on: bool) -> None:
        """Measure the step along the gradient into the snapshots (while a view shows it)."""
        if on != self._watching_step_line:
            self._watching_step_line = on
            self._send(protocol.WatchStepLine(on))

    def set_speed(self, steps_per_second: float | None) -> None:
        """Play at this many steps per second (one at a time, each shown while no faster than
        the snapshots), or flat out for None; at once, playing or not, the run untouched."""
        if steps_per_second != self.speed:
            self.speed = steps_per_second
            self._send(protocol.SetSpeed(steps_per_second))

    def shows_every_step(self) -> bool:
        """Whether Play sends a snapshot of every step (a speed no faster than the snapshots):
        the window then draws each one, skipping none."""
        return protocol.shows_every_step(self.speed, self._max_fps)

    @Slot()
    def request_state(self) -> None:
        """Ask the training process for its trainer's whole state: ``stateReady`` brings it,
        of the state the window is in (a reply from before a reset or a new experiment is
        asked for again)."""
        self._send(protocol.RequestState())

    @Slot(str)
    def export_metrics(self, path: str) -> None:
        """Have the training process write every step of the run so far to ``path`` as
        ``nnsim run``'s metrics.csv; ``metricsExported`` says how it went."""
        self._send(protocol.ExportMetrics(path))
