"""The training host: a Trainer driven by commands, streaming snapshots. No Qt.

The window runs it in a child process (see :mod:`nnsim.ui.worker`) so that
training and drawing each get a core: in one process they share the GIL and
every frame the window draws is time the trainer cannot train.

:class:`TrainingHost` holds the behaviour (commands in, snapshots out) and is
tested directly; :func:`serve` is the loop around a pipe: it trains in slices of
a few milliseconds while playing, reads commands between slices, and sends a
snapshot at most ``max_fps`` times a second (and after every command). At a set speed
(:class:`~nnsim.training.protocol.SetSpeed`) it trains one step at a time when each
falls due, waiting for commands in between, and sends a snapshot of every step while
the speed is no faster than the snapshots.
"""

from __future__ import annotations

import dataclasses
import queue
import threading
import time
import traceback
from collections import deque
from collections.abc import Callable, Mapping
from multiprocessing.connection import Connection
from typing import TYPE_CHECKING, Any

from nnsim.training import protocol
from nnsim.training.changes import describe_change
from nnsim.training.data import TrainingData
from nnsim.training.diagnosis import Diagnoser
from nnsim.training.grid import GridPredictor
from nnsim.training.metrics_log import MetricsLog, export_metrics
from nnsim.training.snapshot import Snapshot, for_the_pipe, take_snapshot
from nnsim.training.step_line import StepLineProbe
from nnsim.training.text import Sentence, Text
from nnsim.training.trainer import Trainer

if TYPE_CHECKING:
    from nnsim.training.experiment import Experiment
SLICE_SECONDS = 0.008
CATCH_UP_SECONDS = 0.05  # a paced step this late is still on the beat; later, the beat moves
BEAT_SLACK = 1e-6  # seconds: a beat due this soon is due (sums of beats are not exact)
PACE_WINDOW = 32  # paced steps the measured steps/s is averaged over
TAKEN_WAIT = 0.05  # at most this long between looks while a paced step waits for the window
GRID_RESOLUTION = 100  # the decision boundary
NEURON_RESOLUTION = 40  # each neuron's thumbnail (and its view on hover)
MAX_UNTAKEN = 2  # one being drawn, one on its way: the window neither waits nor falls behind
MAX_HISTORY_ROWS = 1200  # rows sent per snapshot: a plot is a few hundred pixels wide
STEP_LINE_INTERVAL = 0.25  # seconds between two step lines while playing, at least …
STEP_LINE_BUDGET = 0.05  # … and long enough that they take at most this share of the time


class TrainingHost:
    """A Trainer with play/pause/step/reset and live edits; ``send`` receives its messages.

    Replies (:mod:`nnsim.training.protocol`) are ``SnapshotReady``, ``Refused`` and
    ``DataReady`` (before the first snapshot and the first after the points changed); a
    snapshot's experiment comes only when it changed (see ``snapshot.for_the_pipe``);
    :func:`serve` adds ``Crashed`` before it ends on an unexpected exception. A snapshot's
    ``generation`` counts the commands that replaced the run's state
    (:data:`~nnsim.training.protocol.NEW_STATE`), so the window can drop a snapshot of a
    state it has already left (a late "diverged" must not come back after a reset).
    """

    def __init__(
        self,
        experiment: Experiment,
        send: Callable[[tuple], None],
        max_fps: float = 30.0,
        clock: Callable[[], float] = time.perf_counter,
    ) -> None:
        self._send = send
        self._clock = clock  # seconds; tests give one that they advance themselves
        self._min_interval = 1.0 / max_fps
        self._max_fps = max_fps
        self._grid: GridPredictor | None = None
        self._neuron_grid: GridPredictor | None = None
        self.playing = False
        self.generation = 0
        self.steps_per_second = 0.0  # measured while playing
        self.speed: float | None = None  # steps per second while playing; None: flat out
        self._next_step_at = 0.0  # when the next paced step falls due (clock seconds)
        self._last_step_at: float | None = None  # the last paced or single step, if any
        self._step_times: deque[float] = deque(maxlen=PACE_WINDOW)  # the last paced steps
        self._last_emit = 0.0
        self._untaken = 0  # timed snapshots sent and not yet taken by the window
        self._data_sent: TrainingData | None = None  # the trainer's points the window has
        self._experiment_sent: Experiment | None = None  # in the last snapshot (for_the_pipe)
        self._step_line: StepLineProbe | None = None  # set while a view shows the step line
        self._step_line_at = -float("inf")
        self._step_line_wait = STEP_LINE_INTERVAL
        self.metrics = MetricsLog()  # every step's row (on disk), for ExportMetrics
        self._build(experiment)

    def _build(self, experiment: Experiment) -> None:
        trainer = Trainer(experiment)  # may raise ValueError: the old trainer is kept
        self.trainer = trainer
        features = trainer.data.features
        if self._grid is None or self._grid.features != features:
            self._grid = GridPredictor(features, GRID_RESOLUTION)
            self._neuron_grid = GridPredictor(features, NEURON_RESOLUTION)
        self._markers: list[tuple[int, str]] = []
        self.diagnoser = Diagnoser()  # checks every CHECK_EVERY steps, as `nnsim run` does
        self.metrics.clear()

    # -- commands ------------------------------------------------------------------------------
    def handle(self, command: protocol.Command) -> bool:
        """Carry out one command; False for :class:`~nnsim.training.protocol.Quit`."""
        if isinstance(command, protocol.Quit):
            return False
        if isinstance(command, protocol.Taken):  # the window took a snapshot: another may go
            self._untaken = max(0, self._untaken - 1)
            return True
        if isinstance(command, protocol.NEW_STATE):
            self.generation += 1
        handler = self._handlers.get(type(command))
        if handler is None:
            raise TypeError(f"not a training command: {command!r}")
        try:
            handler(*command)
        except ValueError as err:
            self._send(protocol.Refused(str(err)))
        self.emit(force=True)
        return True

    @property
    def _handlers(self) -> dict[type, Callable[..., None]]:
        return {
            protocol.Play: self._play,
            protocol.Pause: self._pause,
            protocol.Step: self._step,
            protocol.Reset: self._reset,
            protocol.SetExperiment: self._set_experiment,
            protocol.UpdateExperiment: self._update_experiment,
            protocol.LoadState: self._load_state,
            protocol.SetLearningRate: self._set_lr,
            protocol.SetHyperparameter: self._set_hyperparameter,
            protocol.SetWeight: self._set_weight,
            protocol.SetBias: self._set_bias,
            protocol.RequestState: self._send_state,
            protocol.WatchStepLine: self._watch_step_line,
            protocol.SetSpeed: self._set_speed,
            protocol.ExportMetrics: self._export_metrics,
        }

    def _play(self) -> None:
        self.playing = self.trainer.diverged is None
        self._start_pace()

    def _pause(self) -> None:
        self.playing = False

    def _step(self) -> None:
        self.playing = False
        if self.trainer.diverged is None:
            self.metrics.record(self.trainer.step())
            self.diagnoser.update(self.trainer)
            self._last_step_at = self._clock()

    def _reset(self) -> None:
        self.playing = False
        self.trainer.reset()
        self._markers = []
        self.diagnoser.clear()  # at once: the next snapshot says nothing of the old run
        self.metrics.clear()

    def _set_experiment(self, experiment: Experiment) -> None:
        self.playing = False
        self._build(experiment)

    def _update_experiment(self, experiment: Experiment) -> None:
        """Go on from the current weights under an edited experiment (playing or not)."""
        old = self.trainer.experiment
        self.trainer.continue_with(experiment)
        self._markers.append((self.trainer.steps_done, describe_change(old, experiment)))

    def _load_state(self, state: Mapping[str, Any]) -> None:
        """Continue from a ``Trainer.state_dict()`` (the lecture's: it walked real steps)."""
        self.playing = False
        self.trainer.load_state_dict(state)
        self._markers = []  # another run's history (a compare run's, the lecture's steps)
        self.diagnoser.clear()  # checked afresh at the next step
        self.metrics.clear()  # the steps that led here were not trained here

    def _set_lr(self, lr: float) -> None:
        old = self.trainer.experiment.training.optimizer.params["lr"]
        self.trainer.set_learning_rate(lr)
        self._markers.append((self.trainer.steps_done, f"lr {old:g} → {lr:g}"))

    def _set_hyperparameter(self, name: str, value: Any) -> None:
        self.trainer.set_optimizer_hyperparameter(name, value)
        change = Sentence("{name} → {value}", {"name": Text(name), "value": value})  # words
        self._markers.append((self.trainer.steps_done, change))

    def _set_weight(self, layer: int, row: int, col: int, value: float) -> None:
        self.trainer.network.layers[layer - 1].W[row, col] = value

    def _set_bias(self, layer: int, unit: int, value: float) -> None:
        self.trainer.network.layers[layer - 1].b[unit] = value

    def _send_state(self) -> None:
        """The trainer's state as it is now, for the window (a lecture starts from it)."""
        state = self.trainer.state_dict(histories=False)
        self._send(protocol.StateReady(state, self.generation))

    def _set_speed(self, steps_per_second: float | None) -> None:
        if steps_per_second is not None and not 0 < steps_per_second < float("inf"):
            raise ValueError(f"a speed is a number of steps per second > 0, got {steps_per_second}")
        self.speed = steps_per_second
        self.steps_per_second = 0.0  # measured afresh at the new speed
        self._start_pace()

    def _start_pace(self) -> None:
        """The next paced step: one interval after the last step, or now if that has passed
        (so a new speed or a Play takes effect at once, and never with a burst)."""
        now = self._clock()
        last = self._last_step_at
        self._next_step_at = (
            now if self.speed is None or last is None else max(now, last + 1 / self.speed)
        )
        self._step_times.clear()  # the gap since a step before is not a measure of the pace

    def seconds_to_wait(self) -> float | None:
        """How long :func:`serve` may wait for a command before training again: 0 flat out,
        until the next paced step falls due, None (until a command) while paused."""
        if not self.playing:
            return None
        if self.speed is None:
            return 0.0
        if protocol.shows_every_step(self.speed, self._max_fps) and self._untaken:
            return TAKEN_WAIT  # the window's Taken wakes the wait; this is only a safeguard
        return max(0.0, self._next_step_at - self._clock())

    def _watch_step_line(self, on: bool) -> None:
        self._step_line = StepLineProbe() if on else None

    def _with_step_line(self, snapshot: Snapshot, now: float) -> Snapshot:
        """The snapshot with the next step's line, when watched and due (always when paused)."""
        probe = self._step_line
        due = not self.playing or now - self._step_line_at >= self._step_line_wait
        if probe is None or not due or self.trainer.diverged is not None:
            return snapshot
        start = self._clock()
        line = probe.next_step(self.trainer)
        self._step_line_at = end = self._clock()
        self._step_line_wait = max(STEP_LINE_INTERVAL, (end - start) / STEP_LINE_BUDGET)
        return dataclasses.replace(snapshot, step_line=line)

    def _export_metrics(self, path: str) -> None:
        """Every step recorded so far to ``path``, as ``nnsim run``'s metrics.csv."""
        self._send(export_metrics(self.metrics, path))

    # -- training ------------------------------------------------------------------------------
    def train_slice(self, seconds: float = SLICE_SECONDS) -> None:
        """Train for about ``seconds`` (while playing), ending early when a snapshot falls
        due so the window gets them on time; stop on divergence. At a set speed: the steps
        now due (see :meth:`paced_step`)."""
        if self.speed is not None:
            self.paced_step()
            return
        trainer, clock = self.trainer, self._clock
        start = clock()
        deadline, done = start + seconds, 0
        if self._untaken < MAX_UNTAKEN:
            deadline = min(deadline, max(self._last_emit + self._min_interval, start + 0.001))
        diagnoser, record = self.diagnoser, self.metrics.record
        with trainer.quiet_steps():  # one np.errstate for the slice, not one per step
            while clock() < deadline:
                done += 1
                result = trainer.step()
                record(result)
                diagnoser.update(trainer)
                if result.diverged:
                    self.playing = False
                    break
        rate = done / max(clock() - start, 1e-9)
        sps = self.steps_per_second
        self.steps_per_second = rate if not sps else 0.8 * sps + 0.2 * rate
        self.emit(force=not self.playing)

    def paced_step(self) -> None:
        """At a set speed: the steps now due, one per beat of ``1 / speed`` seconds. A beat
        missed by up to ``CATCH_UP_SECONDS`` is still taken (a wake-up or a frame late); one
        missed by more starts the beat again from now (after a pause, a slow moment): no
        bursts. While the speed is no faster than the snapshots, each step is sent and the
        next waits until the window has taken it."""
        assert self.speed is not None, "paced steps need a speed"
        clock, trainer = self._clock, self.trainer
        now = clock()
        every_step = protocol.shows_every_step(self.speed, self._max_fps)
        if now < self._next_step_at - BEAT_SLACK or (every_step and self._untaken):
            return
        if now - self._next_step_at > CATCH_UP_SECONDS:
            self._next_step_at = now
        beat, deadline = 1.0 / self.speed, now + SLICE_SECONDS
        while True:
            result = trainer.step()
            self.metrics.record(result)
            diverged = result.diverged
            self.diagnoser.update(trainer)
            self._next_step_at += beat
            self._step_times.append(now)
            if diverged or every_step:
                break
            now = clock()
            if now < self._next_step_at - BEAT_SLACK or now >= deadline:
                break
        self._last_step_at = now
        times = self._step_times
        if len(times) > 1:
            self.steps_per_second = (len(times) - 1) / max(times[-1] - times[0], 1e-9)
        if diverged:
            self.playing = False
        self.emit(force=every_step or not self.playing)

    def emit(self, force: bool = False) -> None:
        now = self._clock()
        busy = self._untaken >= MAX_UNTAKEN
        if not force and (busy or now - self._last_emit < self._min_interval):
            return  # never faster than the window draws: a slow frame must not block training
        self._last_emit = now
        self._untaken = self._untaken + 1 if self.playing else 0
        self._send_data()
        self.diagnoser.update(self.trainer)  # a reset or new state starts it afresh
        # flat out, the trainer's own evaluation, as headless (one a snapshot cost the deep nets
        # ~15 % of it, and put rows where the window drew); paused or step by step, a fresh one
        fresh = not self.playing or self.trainer.last_evaluation is None
        fresh |= protocol.shows_every_step(self.speed, self._max_fps)
        snapshot: Snapshot = take_snapshot(
            self.trainer, self._grid, evaluate=fresh,
            running=self.playing, markers=tuple(self._markers), neuron_grid=self._neuron_grid,
            max_rows=MAX_HISTORY_ROWS, diagnoses=self.diagnoser.diagnoses,
        )  # fmt: skip
        snapshot = self._with_step_line(snapshot, now)
        snapshot, self._experiment_sent = (
            for_the_pipe(snapshot, self._experiment_sent),
            self.trainer.experiment,
        )
        speed = self.steps_per_second if self.playing else 0.0
        self._send(protocol.SnapshotReady(snapshot, speed, self.generation))

    def _send_data(self) -> None:
        """The trainer's points, if the window does not have them yet (raw sets only: the
        feature matrices stay here)."""
        data = self.trainer.data
        if data is not self._data_sent:
            self._data_sent = data
            points = TrainingData(data.train, data.test, data.features)
            self._send(protocol.DataReady(points, self.generation))


class _Outbox:
    """Sends messages from a thread of its own, in order: a snapshot is larger than the
    pipe's buffer, and training goes on while the window reads it."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn
        self._queue: queue.SimpleQueue[tuple | None] = queue.SimpleQueue()
        self._thread = threading.Thread(target=self._run, name="nnsim-outbox", daemon=True)
        self._thread.start()

    def put(self, message: tuple) -> None:
        self._queue.put(message)

    def _run(self) -> None:
        while (message := self._queue.get()) is not None:
            try:
                self._conn.send(message)
            except OSError:  # the window is gone
                return

    def close(self) -> None:
        """Send what is queued, then stop."""
        self._queue.put(None)
        self._thread.join(5.0)


def serve(conn: Connection, experiment: Experiment, max_fps: float = 30.0) -> None:
    """Run a :class:`TrainingHost` over the pipe ``conn`` until ``quit`` or the pipe closes.

    Commands (:mod:`nnsim.training.protocol`) are read between training slices.
    """
    outbox = _Outbox(conn)
    try:
        host = TrainingHost(experiment, outbox.put, max_fps)
        host.emit(force=True)
        running = True
        while running:
            if conn.poll(host.seconds_to_wait()):
                running = host.handle(conn.recv())
            elif host.playing:
                host.train_slice()
    except (EOFError, BrokenPipeError, KeyboardInterrupt):
        pass
    except Exception:  # report, never die silently: the window says what happened
        outbox.put(protocol.Crashed(traceback.format_exc()))
    finally:
        outbox.close()
        conn.close()
