"""What the window and its training process say to each other, as types.

Commands go from :class:`nnsim.ui.worker.TrainingWorker` to
:class:`nnsim.training.host.TrainingHost`; replies come back. Every message is a small
NamedTuple (picklable, cheap, spelled once), so a typo is an error where it is written
and a reader sees each message's fields by name, not ``message[1]``.
"""

from __future__ import annotations

from typing import Any, NamedTuple

# -- commands (window → training process) ----------------------------------------------------


class Play(NamedTuple):
    """Train continuously (refused quietly by a run that has diverged)."""


class Pause(NamedTuple):
    """Stop training after the current slice."""


class Step(NamedTuple):
    """Pause and train exactly one mini-batch."""


class Reset(NamedTuple):
    """Back to the initial weights, step 0."""


class SetExperiment(NamedTuple):
    """A new experiment: everything rebuilt, step 0, paused."""

    experiment: Any


class UpdateExperiment(NamedTuple):
    """An edited experiment: go on from the current weights (see ``Trainer.continue_with``)."""

    experiment: Any


class LoadState(NamedTuple):
    """Go on from a ``Trainer.state_dict()`` (the steps a lecture walked), paused."""

    state: dict


class SetLearningRate(NamedTuple):
    """A new base learning rate, mid-run."""

    lr: float


class SetHyperparameter(NamedTuple):
    """One optimizer hyper-parameter, mid-run (momentum, betas, eps …)."""

    name: str
    value: Any


class SetWeight(NamedTuple):
    """W[layer][row, col] = value (the diagram's click-to-edit; layer from 1)."""

    layer: int
    row: int
    col: int
    value: float


class SetBias(NamedTuple):
    """b[layer][unit] = value (layer from 1)."""

    layer: int
    unit: int
    value: float


class SetSpeed(NamedTuple):
    """Play at this many steps per second, one step at a time at a steady pace (a snapshot
    after each while that is no faster than the snapshots go), or flat out for None. Kept
    across new experiments and resets; it does not touch the run."""

    steps_per_second: float | None


def shows_every_step(steps_per_second: float | None, max_fps: float) -> bool:
    """Whether Play at this speed sends (and the window draws) a snapshot of every step:
    a set speed no faster than the snapshots go."""
    return steps_per_second is not None and steps_per_second <= max_fps


class Taken(NamedTuple):
    """The window has taken a running snapshot: another may be sent."""


class Quit(NamedTuple):
    """End the training process."""


class RequestState(NamedTuple):
    """Send the trainer's whole state back (:class:`StateReady`): a lecture starts from it."""


class WatchStepLine(NamedTuple):
    """Measure the step along the gradient (:mod:`nnsim.training.step_line`) into the
    snapshots (a few times a second while playing, every one otherwise), or stop: it costs
    training time, so only while a view shows it."""

    on: bool


class ExportMetrics(NamedTuple):
    """Write every step trained since the run began (each column ``nnsim run`` writes to
    metrics.csv, in its format) to the file ``path``; :class:`MetricsExported` answers."""

    path: str


Command = (
    Play
    | Pause
    | Step
    | Reset
    | SetExperiment
    | UpdateExperiment
    | LoadState
    | SetLearningRate
    | SetHyperparameter
    | SetWeight
    | SetBias
    | SetSpeed
    | Taken
    | Quit
    | RequestState
    | WatchStepLine
    | ExportMetrics
)

NEW_STATE: tuple[type, ...] = (Reset, SetExperiment, UpdateExperiment, LoadState)
"""Commands after which earlier snapshots describe a state the window has left."""


# -- replies (training process → window) -----------------------------------------------------


class SnapshotReady(NamedTuple):
    """A snapshot to draw; ``generation`` counts the :data:`NEW_STATE` commands carried out."""

    snapshot: Any
    steps_per_second: float
    generation: int


class DataReady(NamedTuple):
    """The points the run trains and tests on (a ``TrainingData`` of the raw train and test
    sets, no feature matrices), sent before the first snapshot and again whenever they
    change, never with every snapshot. ``generation`` is the state they were sent in; they
    are never stale: a later state that keeps its points sends none."""

    data: Any
    generation: int


class Refused(NamedTuple):
    """A command that could not be carried out, in the learner's words; nothing changed."""

    text: str


class Crashed(NamedTuple):
    """The training process is ending on an unexpected exception (its traceback)."""

    traceback: str


class StateReady(NamedTuple):
    """The answer to :class:`RequestState`: ``Trainer.state_dict(histories=False)`` (weights,
    optimizer and schedule state, counters, data order) when the request was read;
    ``generation`` as in :class:`SnapshotReady`."""

    state: dict
    generation: int


class MetricsExported(NamedTuple):
    """The answer to :class:`ExportMetrics`: ``rows`` steps written to ``path``, or why
    nothing was (``error``, in the learner's words; empty when written)."""

    path: str
    rows: int
    error: str


Reply = MetricsExported | SnapshotReady | DataReady | Refused | Crashed | StateReady
