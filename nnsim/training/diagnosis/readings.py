"""What one check reads off a trainer: the recent history rows, the evaluations and the
hidden layers' activations on the training set (the engine's own forward, eval mode)."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from nnsim.training.diagnosis.thresholds import ACTIVATION_SAMPLES, PLATEAU_WINDOW

if TYPE_CHECKING:
    from nnsim.training.trainer import Trainer

LONGEST_WINDOW = PLATEAU_WINDOW  # no rule looks further back than this


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
    ``hidden`` the hidden layers; ``depth`` the number of weight layers L.
    """

    step: int
    depth: int
    rows: np.ndarray
    columns: dict[str, int]
    evaluations: np.ndarray
    hidden: tuple[HiddenLayer, ...]
    lr: float

    def column(self, name: str, since: int | None = None) -> np.ndarray:
        """A history column over the rows of steps > ``since`` (all kept rows: None)."""
        values = self.rows[:, self.columns[name]]
        if since is None:
            return values
        return values[self.rows[:, 0] > since]

    def steps(self, since: int | None = None) -> np.ndarray:
        return self.column("step", since)

    def evaluation(self, name: str, since: int) -> tuple[np.ndarray, np.ndarray]:
        """(steps, values) of an evaluation column over steps > ``since``."""
        ev = self.evaluations
        keep = ev[:, 0] > since
        j = {"train_loss": 1, "test_loss": 2, "train_accuracy": 3}[name]
        return ev[keep, 0], ev[keep, j]

    def per_layer(self, metric: str, since: int) -> np.ndarray:
        """(rows, L) of ``grad_norm``/``update_ratio`` over steps > ``since``."""
        keep = self.rows[:, 0] > since
        cols = np.array([self.columns[f"{metric}_{k}"] for k in range(1, self.depth + 1)])
        return self.rows[np.ix_(np.flatnonzero(keep), cols)]


def read(trainer: Trainer) -> Readings:
    """Everything a check needs, taken now (copies: the trainer goes on)."""
    history = trainer.history
    table = history.table()
    step = trainer.steps_done
    table = table[table[:, 0] > step - LONGEST_WINDOW] if len(table) else table
    return Readings(
        step=step,
        depth=trainer.network.depth,
        rows=table,
        columns=dict(history.index),
        evaluations=trainer.evaluations.table(),
        hidden=hidden_layers(trainer),
        lr=trainer.optimizer.lr,
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
