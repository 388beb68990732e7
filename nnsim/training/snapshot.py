"""Snapshots: immutable copies of a trainer's state, for views that must never touch live arrays.

The window's worker thread makes one at most ~30 times a second and hands it to
the GUI thread; every array in it is a fresh copy, so the trainer can go on.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from nnsim.training.diagnosis import Diagnosis
from nnsim.training.divergence import Divergence
from nnsim.training.experiment import Experiment
from nnsim.training.experiment.schema import CUSTOM
from nnsim.training.grid import GridPredictor
from nnsim.training.trainer import Evaluation, StepResult, Trainer


@dataclass(frozen=True, eq=False)
class Snapshot:
    """What the panels draw. Arrays are copies; per-layer lists are indexed k − 1.

    Attributes
    ----------
    step, epoch
        Completed steps and epochs.
    lr
        The learning rate the next step will use.
    last
        The last step's result (batch loss, per-layer norms), or None before the first step.
    evaluation
        The latest full train/test evaluation (made when the snapshot was taken).
    history, evaluations
        Columns of the bounded metric histories (``step``, ``batch_loss``, ``lr``,
        ``grad_norm_1``…; ``step``, ``train_loss``, ``test_loss``…).
    weights, gradients
        Per-parameter copies by name (``W1``, ``b1``…); gradients of the last step.
    output
        (res, res) network output over [−6, 6]² (row 0 at the top), or None.
    confidence
        For multi-class, the (res, res) probability of the predicted class on the same
        grid as ``output`` (the neuron thumbnails are coarser); otherwise None.
    neurons
        Per layer (0 = input features), a (units, res, res) stack of outputs, or None.
    markers
        (step, text) hyper-parameter changes made during the run, for the loss plot.
    step_line
        The loss along the next step's gradient (a :class:`~nnsim.training.step_line.StepLine`)
        while a view asked for it (``protocol.WatchStepLine``), else None.
    diverged, divergence
        Why training stopped, if it diverged: the trainer's sentence, and the same as data
        (a :class:`~nnsim.training.divergence.Divergence`: the cause and the setting at
        fault, from which the window's banner offers its cure).
    diagnoses
        What the coach has found so far (:class:`~nnsim.training.diagnosis.Diagnosis`).
    experiment
        The trainer's :class:`~nnsim.training.experiment.Experiment`. Across the pipe it is
        sent only when it changed, and its points only when they changed
        (:func:`for_the_pipe`, :func:`from_the_pipe`): 100 000 points are 3 MB.
    """

    step: int
    epoch: int
    lr: float
    running: bool
    last: StepResult | None
    evaluation: Evaluation | None
    history: dict[str, np.ndarray]
    evaluations: dict[str, np.ndarray]
    weights: dict[str, np.ndarray]
    gradients: dict[str, np.ndarray]
    output: np.ndarray | None
    neurons: list[np.ndarray] | None
    diverged: str | None = None
    confidence: np.ndarray | None = None
    markers: tuple[tuple[int, str], ...] = ()
    experiment: object = field(default=None, repr=False)
    step_line: object = field(default=None, repr=False)
    diagnoses: tuple[Diagnosis, ...] = ()
    divergence: Divergence | None = None

    @property
    def batch_loss(self) -> float | None:
        return None if self.last is None else self.last.loss

    @property
    def train_loss(self) -> float | None:
        return None if self.evaluation is None else self.evaluation.train_loss

    @property
    def test_loss(self) -> float | None:
        return None if self.evaluation is None else self.evaluation.test_loss

    @property
    def grad_norms(self) -> np.ndarray | None:
        return None if self.last is None else self.last.grad_norms


def take_snapshot(
    trainer: Trainer,
    grid: GridPredictor | None = None,
    *,
    running: bool = False,
    markers: tuple[tuple[int, str], ...] = (),
    evaluate: bool = True,
    neuron_grid: GridPredictor | None = None,
    max_rows: int | None = None,
    diagnoses: tuple[Diagnosis, ...] = (),
) -> Snapshot:
    """Copy everything the views need out of ``trainer`` (and evaluate it on ``grid``).

    ``neuron_grid`` (coarser, for the diagram's thumbnails) gives the per-neuron images
    instead of ``grid``; ``max_rows`` thins the histories evenly (the newest row kept), so
    a snapshot stays small enough to send 30 times a second.
    """
    net = trainer.network
    evaluation = trainer.last_evaluation
    if (
        evaluate
        and trainer.diverged is None
        and (evaluation is None or evaluation.step != trainer.steps_done)
    ):
        evaluation = trainer.evaluate()
    history = _thin(trainer.history.table(), trainer.history.columns, max_rows)
    evals = _thin(trainer.evaluations.table(), trainer.evaluations.columns, max_rows)
    gradients = {n: g.copy() for n, g in zip(net.parameter_names(), net.gradients(), strict=True)}
    output = neurons = confidence = None
    if grid is not None and neuron_grid is not None:
        # thumbnails: float32 halves what crosses the pipe 30 times a second (clipped to its
        # range first: a huge but finite output is drawn saturated, not as an overflow)
        neurons = [_float32(n) for n in neuron_grid.neurons(net)]
        output, confidence = grid.output_and_confidence(net)
    elif grid is not None:
        neurons = grid.neurons(net)
        output, confidence = grid.output_from_last(neurons[-1])
    return Snapshot(
        step=trainer.steps_done,
        epoch=trainer.epochs_done,
        lr=trainer.current_lr(),
        running=running,
        last=trainer.last_result,
        evaluation=evaluation,
        history=history,
        evaluations=evals,
        weights=net.state(),
        gradients=gradients,
        output=output,
        neurons=neurons,
        diverged=trainer.diverged,
        confidence=None if confidence is None else _float32(confidence),
        markers=markers,
        experiment=trainer.experiment,
        diagnoses=diagnoses,
        divergence=trainer.divergence,
    )


def for_the_pipe(snapshot: Snapshot, sent: Experiment | None) -> Snapshot:
    """``snapshot`` as the training process sends it after one whose experiment was ``sent``:
    the experiment None if it is ``sent``, without its custom points (``points`` None) if
    only they are the same, else whole. :func:`from_the_pipe` undoes it."""
    experiment = snapshot.experiment
    if not isinstance(experiment, Experiment) or sent is None:
        return snapshot
    if experiment is sent:
        return dataclasses.replace(snapshot, experiment=None)
    data, before = experiment.data, sent.data
    same = (data.points, data.test_points) == (before.points, before.test_points)
    if data.points is None or not same:
        return snapshot
    data = dataclasses.replace(data, points=None, test_points=None)
    return dataclasses.replace(snapshot, experiment=dataclasses.replace(experiment, data=data))


def from_the_pipe(snapshot: Snapshot, last: Experiment | None) -> Snapshot:
    """The whole snapshot from what :func:`for_the_pipe` sent, ``last`` being the experiment
    of the snapshot before (None for the first of a training process)."""
    experiment = snapshot.experiment
    if experiment is None:
        return dataclasses.replace(snapshot, experiment=last)
    if (
        last is None
        or not isinstance(experiment, Experiment)
        or experiment.data.dataset != CUSTOM
        or experiment.data.points is not None
    ):
        return snapshot
    points, test_points = last.data.points, last.data.test_points
    data = dataclasses.replace(experiment.data, points=points, test_points=test_points)
    return dataclasses.replace(snapshot, experiment=dataclasses.replace(experiment, data=data))


def _thin(table: np.ndarray, columns: Sequence[str], max_rows: int | None) -> dict[str, np.ndarray]:
    """Columns of ``table``, evenly thinned to at most ``max_rows`` rows (first and last kept).

    The values stay float64: a float32 copy overflows to inf near 3.4e38, long before the
    trainer's own loss does, and the plot would end where the trainer goes on."""
    if max_rows is not None and len(table) > max_rows:
        table = table[np.linspace(0, len(table) - 1, max_rows).round().astype(np.intp)]
    return {name: np.ascontiguousarray(table[:, j]) for j, name in enumerate(columns)}


_F32_MAX = float(np.finfo(np.float32).max)


def _float32(values: np.ndarray) -> np.ndarray:
    """A float32 copy for display; values beyond float32's range are clipped, NaN kept."""
    return np.clip(values, -_F32_MAX, _F32_MAX).astype(np.float32)
