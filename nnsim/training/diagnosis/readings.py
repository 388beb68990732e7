"""What one check reads off a trainer: the recent history rows, the evaluations and the
hidden layers' activations on the training set (the engine's own forward, eval mode)."""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

import numpy as np

from nnsim.training.diagnosis.thresholds import (
    ACTIVATION_SAMPLES,
    GRADIENT_WINDOW,
    PLATEAU_WINDOW,
)

if TYPE_CHECKING:
    from nnsim.training.trainer import Trainer

LONGEST_WINDOW = PLATEAU_WINDOW  # no rule looks further back than this
EVALUATION_COLUMNS = ("step", "train_loss", "test_loss", "train_accuracy", "test_accuracy")


@dataclass(frozen=True, eq=False)
class HiddenLayer:
    """One hidden layer on the sampled training points: its activation's name, its input
    ``pre`` (z, or BN(z)) and output ``a``, each (samples, units), and its parameters."""

    index: int
    activation: str
    pre: np.ndarray
    a: np.ndarray
    weights: np.ndarray  # (units, inputs + 1): each unit's weights and bias, one row a unit


@dataclass(frozen=True, eq=False)
class Readings:
    """The numbers a check decides on.

    ``rows`` are the history's rows of the last :data:`LONGEST_WINDOW` steps (columns by
    ``columns``); ``evaluations`` the evaluation rows (step, train_loss, test_loss, …);
    ``hidden`` the hidden layers; ``depth`` the number of weight layers L. Rows are
    sorted by step.
    """

    step: int
    depth: int
    rows: np.ndarray
    columns: dict[str, int]
    evaluations: np.ndarray
    hidden: tuple[HiddenLayer, ...]
    lr: float
    first_loss: float  # the training loss at the run's first evaluation (NaN before one)

    def _start(self, table: np.ndarray, since: int | None) -> int:
        """The first row of ``table`` (sorted by step, column 0) whose step is > ``since``."""
        return 0 if since is None else int(np.searchsorted(table[:, 0], since, side="right"))

    def column(self, name: str, since: int | None = None) -> np.ndarray:
        """A history column over the rows of steps > ``since`` (all kept rows: None)."""
        return self.rows[self._start(self.rows, since) :, self.columns[name]]

    def steps(self, since: int | None = None) -> np.ndarray:
        return self.column("step", since)

    def evaluation(self, name: str, since: int) -> tuple[np.ndarray, np.ndarray]:
        """(steps, values) of an evaluation column over steps > ``since``."""
        ev = self.evaluations[self._start(self.evaluations, since) :]
        return ev[:, 0], ev[:, EVALUATION_COLUMNS.index(name)]

    @cached_property
    def gradient_medians(self) -> dict[str, float]:
        """``grad_norm_k``: each layer's median gradient norm over the last
        :data:`GRADIENT_WINDOW` steps (a NaN in a layer's window, a run blowing up, makes
        its median NaN, and no rule fires on it)."""
        norms = self.per_layer("grad_norm", self.step - GRADIENT_WINDOW)
        medians = column_medians(norms) if len(norms) else np.full(self.depth, np.nan)
        return {f"grad_norm_{k}": float(medians[k - 1]) for k in range(1, self.depth + 1)}

    def per_layer(self, metric: str, since: int) -> np.ndarray:
        """(rows, L) of ``grad_norm``/``update_ratio`` over steps > ``since`` (a view: the
        trainer keeps a metric's layers side by side)."""
        first = self.columns[f"{metric}_1"]
        assert self.columns[f"{metric}_{self.depth}"] == first + self.depth - 1
        return self.rows[self._start(self.rows, since) :, first : first + self.depth]


def column_medians(values: np.ndarray) -> np.ndarray:
    """``np.median(values, axis=0)``, the same numbers (NaN where a column holds one), by one
    sort: np.median's general path took ~140 µs a call here, a sixth of a check."""
    s = np.sort(values, axis=0)  # NaNs last
    n = len(s)
    middle = s[n // 2] if n % 2 else (s[n // 2 - 1] + s[n // 2]) / 2
    return np.where(np.isnan(s[-1]), np.nan, middle)


def read(trainer: Trainer) -> Readings:
    """Everything a check needs, taken now (copies: the trainer goes on)."""
    history, evaluations = trainer.history, trainer.evaluations
    step = trainer.steps_done
    assert history.columns[0] == "step" and evaluations.columns == EVALUATION_COLUMNS
    first = evaluations.first()
    return Readings(
        step=step,
        depth=trainer.network.depth,
        rows=history.table(since=step - LONGEST_WINDOW),
        columns=dict(history.index),
        evaluations=evaluations.table(since=step - LONGEST_WINDOW),
        hidden=hidden_layers(trainer),
        lr=trainer.optimizer.lr,
        first_loss=float("nan") if first is None else float(first[1]),
    )


def hidden_layers(trainer: Trainer) -> tuple[HiddenLayer, ...]:
    """The hidden layers' activations on at most :data:`ACTIVATION_SAMPLES` training points."""
    net = trainer.network
    x = trainer.data.x_train
    if not len(x):
        return ()
    a = np.ascontiguousarray(x[:: math.ceil(len(x) / ACTIVATION_SAMPLES)], dtype=np.float64)
    out = []
    with np.errstate(all="ignore"):
        for layer in net.layers[:-1]:
            cache = net.forward_layer(layer, a, train=False)
            weights = np.column_stack([layer.W, layer.b])
            out.append(HiddenLayer(layer.index, layer.activation.name, cache.pre, cache.g, weights))
            a = cache.a
    return tuple(out)
