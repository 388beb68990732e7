"""The learning-rate range test of L. Smith (2015, "Cyclical Learning Rates for Training
Neural Networks", §3.3), as fastai's ``lr_find`` and ``pytorch-lr-finder`` run it.

On a copy of the network, train one mini-batch per step while the learning rate grows
geometrically from ``start`` to ``end`` (``lr_i = start·(end/start)^(i/(N−1))``, i = 0..N−1);
after each step record the loss on the training set and its bias-corrected moving average

    avg_k = β·avg_{k−1} + (1 − β)·loss_k,   smoothed_k = avg_k / (1 − β^k)   (β = 0.98, k = 1..),

and stop early once the smoothed loss exceeds 4× its minimum or is no longer finite (the
rate has become too high: the loss blows up). Where the smoothed loss falls fastest (per
decade of rate) and a tenth of where it is lowest are the two suggestions.

fastai and pytorch-lr-finder record the loss of each step's mini-batch. nnsim's data sets
are small and its batches too (10 of 250 points by default): one batch's loss differs from the
next by ±30 %, far more than 100 steps of training change it, and the steepest descent of
that curve lands on noise (7e-6 on the default experiment, a rate that does not train).
So the loss recorded is that of the whole training set (at most :data:`EVAL_POINTS` of it,
always the same points) with the weights after step i: what rate i did, measured without
batch noise (pytorch-lr-finder's ``val_loader`` option measures the same way).

``LRFinder`` goes one step at a time (``step()``, or iterate it) so a window can show
progress and cancel; ``run()`` goes to the end. Nothing here imports Qt.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np

from nnsim.training.data import TrainingData
from nnsim.training.experiment import Experiment, ScheduleSpec
from nnsim.training.text import QT_TR_NOOP, Sentence
from nnsim.training.trainer import Trainer

START_LR, END_LR, STEPS = 1e-7, 10.0, 100
BETA = 0.98  # smoothing of the loss (fastai's and pytorch-lr-finder's)
STOP_FACTOR = 4.0  # stop once the smoothed loss exceeds this many times its minimum (fastai)
MAX_LR = 100.0  # the largest learning rate an experiment allows
SKIP_END = 5  # suggestions ignore the last points (fastai): the blow-up
EVAL_POINTS = 2000  # the loss is measured on at most this many training points


class RangePoint(NamedTuple):
    """One step of the test: the rate it used, the training loss after it, smoothed so far."""

    step: int
    lr: float
    loss: float
    smoothed_loss: float


@dataclass(frozen=True)
class Suggestion:
    """A suggested learning rate and where to mark it on the (rate, smoothed loss) curve."""

    name: str  # "steepest" or "minimum"
    title: str
    lr: float  # the suggested rate
    at_lr: float  # the rate the mark is drawn at (for "minimum": where the loss is lowest)
    loss: float  # the smoothed loss at ``at_lr``
    explanation: str  # one sentence a learner understands


@dataclass(frozen=True, eq=False)
class RangeTestResult:
    """What the test recorded so far (arrays of equal length, one entry per step done)."""

    lrs: np.ndarray
    losses: np.ndarray
    smoothed: np.ndarray
    planned_steps: int
    stopped_early: bool  # the loss blew up before the last planned step
    cancelled: bool
    message: str  # how the test ended (or how far it is)
    suggestions: tuple[Suggestion, ...]

    @property
    def complete(self) -> bool:
        """Every planned step was done."""
        return len(self.lrs) == self.planned_steps

    def rows(self) -> list[tuple[int, float, float, float]]:
        """``(step, lr, loss, smoothed_loss)`` per step, step from 1."""
        columns = zip(self.lrs, self.losses, self.smoothed, strict=True)
        return [(i + 1, float(a), float(b), float(c)) for i, (a, b, c) in enumerate(columns)]


def range_problems(start: float, end: float, steps: int) -> list[tuple[str, str]]:
    """What is wrong with a range, as ``(argument, message)`` pairs; empty if it is fine."""
    problems = []
    if not (math.isfinite(start) and start > 0):
        problems.append(("start", f"must be a number > 0, got {start:g}"))
    if not (math.isfinite(end) and 0 < end <= MAX_LR):
        problems.append(("end", f"must be a number in (0, {MAX_LR:g}], got {end:g}"))
    elif not problems and end <= start:
        problems.append(("end", f"must be greater than start ({start:g}), got {end:g}"))
    if isinstance(steps, bool) or not isinstance(steps, int) or steps < 2:
        problems.append(("steps", f"must be an integer >= 2, got {steps}"))
    return problems


def _check_range(start: float, end: float, steps: int) -> None:
    problems = range_problems(start, end, steps)
    if problems:
        raise ValueError("; ".join(f"{name}: {message}" for name, message in problems))


def lr_sequence(start: float = START_LR, end: float = END_LR, steps: int = STEPS) -> np.ndarray:
    """The ``steps`` rates of the test: geometric, exactly ``start`` first and ``end`` last."""
    _check_range(start, end, steps)
    return np.geomspace(start, end, steps)


def smooth(losses: np.ndarray | list[float], beta: float = BETA) -> np.ndarray:
    """The bias-corrected exponential moving average of ``losses`` (see the module)."""
    out = np.empty(len(losses))
    avg = 0.0
    for i, loss in enumerate(losses):
        avg = beta * avg + (1.0 - beta) * float(loss)
        out[i] = avg / (1.0 - beta ** (i + 1))
    return out


def suggest(lrs: np.ndarray, smoothed: np.ndarray, planned_steps: int) -> tuple[Suggestion, ...]:
    """The steepest-descent and minimum ÷ 10 suggestions from a recorded curve.

    As fastai: the first tenth of the planned steps and the last :data:`SKIP_END` recorded
    points are left out (noise at the start, the blow-up at the end), and so is everything
    from the first non-finite loss on. If that leaves fewer than 3 points, every finite point
    is used. The steepest descent is the most negative slope of the smoothed loss per decade
    of rate (none if the loss never falls).
    """
    lrs, smoothed = np.asarray(lrs, dtype=float), np.asarray(smoothed, dtype=float)
    window = _finite_prefix(slice(planned_steps // 10, len(lrs) - SKIP_END), lrs, smoothed)
    if len(window[0]) < 3:
        window = _finite_prefix(slice(0, len(lrs)), lrs, smoothed)
    x, y = window
    if len(x) < 2:
        return ()
    found = []
    slope = np.gradient(y, np.log10(x))
    i = int(np.argmin(slope))
    if slope[i] < 0:
        lr = float(x[i])
        found.append(
            Suggestion(
                "steepest",
                Sentence(QT_TR_NOOP("Steepest descent")),
                lr,
                lr,
                float(y[i]),
                Sentence(
                    QT_TR_NOOP(
                        "At {lr:.3g} the loss fell fastest as the rate grew, so this rate learns "
                        "quickest: a bold but sound choice."
                    ),
                    {"lr": lr},
                ),
            )
        )
    j = int(np.argmin(y))
    lowest = float(x[j])
    lr = lowest / 10
    found.append(
        Suggestion(
            "minimum",
            Sentence(QT_TR_NOOP("Minimum ÷ 10")),
            lr,
            lowest,
            float(y[j]),
            Sentence(
                QT_TR_NOOP(
                    "The loss was lowest at {lowest:.3g}, a rate close to unstable, so a tenth "
                    "of it, {lr:.3g}, is a safe choice that still learns well."
                ),
                {"lowest": lowest, "lr": lr},
            ),
        )
    )
    return tuple(found)


def _finite_prefix(
    part: slice, lrs: np.ndarray, smoothed: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    x, y = lrs[part], smoothed[part]
    bad = np.flatnonzero(~np.isfinite(y))
    end = int(bad[0]) if len(bad) else len(y)
    return x[:end], y[:end]


def range_test_experiment(experiment: Experiment, start: float, steps: int) -> Experiment:
    """The experiment the test trains: the same, with a constant rate (the test sets it each
    step; no schedule, warm-up or momentum cycling bends it) and no evaluations."""
    training = dataclasses.replace(
        experiment.with_lr(start).training, schedule=ScheduleSpec(), eval_every=steps + 1
    )
    return dataclasses.replace(experiment, training=training)


class LRFinder:
    """The range test on a copy: the caller's experiment, trainer and network are untouched.

    Parameters
    ----------
    experiment
        What to train: network, data, optimizer (with its other hyper-parameters), batch
        size, penalties, clipping. Its learning rate and schedule are replaced by the test's.
    start, end, steps
        The rates go geometrically from ``start`` to ``end`` over ``steps`` steps.
    weights
        Start from these weights (a ``Network.state()``) instead of the experiment's
        initial ones; ``data``: reuse these data instead of building them anew.

    ``ValueError`` if the range is bad (see :func:`range_problems`).
    """

    def __init__(
        self,
        experiment: Experiment,
        *,
        start: float = START_LR,
        end: float = END_LR,
        steps: int = STEPS,
        weights: Mapping[str, np.ndarray] | None = None,
        data: TrainingData | None = None,
    ) -> None:
        self.planned_lrs = lr_sequence(start, end, steps)
        self.trainer = Trainer(range_test_experiment(experiment, start, steps), data)
        if weights is not None:
            self.trainer.network.load_state(dict(weights))
        data = self.trainer.data
        n = len(data.train)
        keep = np.arange(n)
        if n > EVAL_POINTS:  # the same points at every step, spread over the training set
            keep = np.sort(np.random.default_rng(0).choice(n, EVAL_POINTS, replace=False))
        self._eval_x, self._eval_y = data.x_train[keep], data.y_train[keep]
        self._lrs: list[float] = []
        self._losses: list[float] = []
        self._smoothed: list[float] = []
        self._average = 0.0
        self._best = math.inf
        self.stop_reason: str | None = None  # why it stopped early
        self.cancelled = False

    @classmethod
    def from_trainer(
        cls,
        trainer: Trainer,
        *,
        start: float = START_LR,
        end: float = END_LR,
        steps: int = STEPS,
    ) -> LRFinder:
        """A test from where ``trainer`` is now (its weights and data), leaving it as it is."""
        return cls(
            trainer.experiment,
            start=start,
            end=end,
            steps=steps,
            weights=trainer.network.state(),
            data=trainer.data,
        )

    @property
    def planned_steps(self) -> int:
        return len(self.planned_lrs)

    @property
    def steps_done(self) -> int:
        return len(self._lrs)

    @property
    def done(self) -> bool:
        """All steps done, stopped early, or cancelled."""
        return (
            self.cancelled or self.stop_reason is not None or self.steps_done == self.planned_steps
        )

    def cancel(self) -> None:
        """Stop here; :meth:`result` keeps what was recorded."""
        if not self.done:
            self.cancelled = True

    def step(self) -> RangePoint | None:
        """Train the next step at its rate and record it; None once the test is done."""
        if self.done:
            return None
        lr = float(self.planned_lrs[self.steps_done])
        trainer = self.trainer
        trainer.set_learning_rate(lr)
        result = trainer.step()
        if result.diverged and not math.isfinite(result.loss):
            loss = result.loss  # the batch loss blew up: no update was made
        else:
            loss = trainer.loss_and_accuracy(self._eval_x, self._eval_y)[0]
        n = self.steps_done + 1
        self._average = BETA * self._average + (1.0 - BETA) * loss
        smoothed = self._average / (1.0 - BETA**n)
        self._lrs.append(lr)
        self._losses.append(loss)
        self._smoothed.append(smoothed)
        if math.isfinite(smoothed):
            self._best = min(self._best, smoothed)
        if not math.isfinite(smoothed):
            self.stop_reason = Sentence(
                QT_TR_NOOP("the loss became {loss:g} at step {step} (rate {lr:.3g})"),
                {"loss": loss, "step": n, "lr": lr},
            )
        elif smoothed > STOP_FACTOR * self._best:
            self.stop_reason = Sentence(
                QT_TR_NOOP(
                    "the smoothed loss rose above {factor:g}× its minimum at step {step} "
                    "(rate {lr:.3g})"
                ),
                {"factor": STOP_FACTOR, "step": n, "lr": lr},
            )
        elif result.diverged:
            self.stop_reason = Sentence(
                QT_TR_NOOP("a weight became non-finite at step {step} (rate {lr:.3g})"),
                {"step": n, "lr": lr},
            )
        return RangePoint(n, lr, loss, smoothed)

    def __iter__(self) -> Iterator[RangePoint]:
        while (point := self.step()) is not None:
            yield point

    def run(self, progress: Callable[[RangePoint], None] | None = None) -> RangeTestResult:
        """Every remaining step (``progress`` is called after each), then the result."""
        for point in self:
            if progress is not None:
                progress(point)
        return self.result()

    def result(self) -> RangeTestResult:
        """What was recorded so far, with the suggestions it supports."""
        lrs, smoothed = np.array(self._lrs), np.array(self._smoothed)
        counts = {"done": self.steps_done, "planned": self.planned_steps}
        if self.stop_reason is not None:
            message = Sentence(QT_TR_NOOP("stopped early: {reason}"), {"reason": self.stop_reason})
        elif self.cancelled:
            message = Sentence(QT_TR_NOOP("cancelled after {done} of {planned} steps"), counts)
        elif self.done:
            message = Sentence(QT_TR_NOOP("all {planned} steps done"), counts)
        else:
            message = Sentence(QT_TR_NOOP("{done} of {planned} steps done"), counts)
        return RangeTestResult(
            lrs,
            np.array(self._losses),
            smoothed,
            self.planned_steps,
            self.stop_reason is not None,
            self.cancelled,
            message,
            suggest(lrs, smoothed, self.planned_steps),
        )
