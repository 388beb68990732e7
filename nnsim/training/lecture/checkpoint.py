"""Full checkpoints of a :class:`~nnsim.training.trainer.Trainer`, to undo a training step.

``checkpoint(trainer)`` records everything a step changes; ``restore(trainer, cp)`` puts it
back in place (the engine objects keep their identity, so views holding them stay valid),
after which training continues bit-identically. A checkpoint holds:

- ``trainer.state_dict(histories=False)``: the experiment, weights and batch-norm
  statistics, gradient, optimizer and schedule state, counters, data order and generators,
  divergence, last result and evaluation (see :mod:`nnsim.training.trainer_state`);
- a :meth:`~nnsim.training.history.MetricHistory.mark` of ``history`` and ``evaluations``
  instead of copies of them: a step appends at most one row to each, so restoring works one
  step back at a time (the lecture session's way); jumping back over a downsampling raises
  ``ValueError``.

Not held: the forward pass's caches (``Network.cached``), which the next forward pass
overwrites before anything reads them.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np

from nnsim.training.history import HistoryMark
from nnsim.training.trainer import Trainer


@dataclass(frozen=True, eq=False)
class TrainerCheckpoint:
    """Everything a training step changes; see the module docstring."""

    state: dict[str, Any]
    history: HistoryMark
    evaluations: HistoryMark

    @property
    def steps_done(self) -> int:
        return self.state["steps_done"]


def checkpoint(trainer: Trainer) -> TrainerCheckpoint:
    """A checkpoint of ``trainer`` as it is now (arrays copied)."""
    return TrainerCheckpoint(
        trainer.state_dict(histories=False), trainer.history.mark(), trainer.evaluations.mark()
    )


def restore(trainer: Trainer, cp: TrainerCheckpoint) -> None:
    """Put ``trainer`` back to ``cp``, in place; training then continues bit-identically.

    Raises ``ValueError`` if the metric history cannot be rewound (see the module docstring);
    the rest is restored first.
    """
    trainer.load_state_dict(cp.state)
    trainer.history.rewind(cp.history)
    trainer.evaluations.rewind(cp.evaluations)


def same(a: Any, b: Any) -> bool:
    """Exact equality of nested values: arrays bit for bit (NaN equals NaN), dataclasses by
    field, mappings and sequences item by item."""
    if isinstance(a, np.ndarray) or isinstance(b, np.ndarray):
        a, b = np.asarray(a), np.asarray(b)
        if a.shape != b.shape or a.dtype != b.dtype:
            return False
        if a.dtype.kind == "f":
            return bool(np.array_equal(a, b, equal_nan=True))
        return bool(np.array_equal(a, b))
    if isinstance(a, float) and isinstance(b, float):
        return a == b or (math.isnan(a) and math.isnan(b))
    if type(a) is not type(b):
        return False
    if isinstance(a, Mapping):
        return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list | tuple):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    if dataclasses.is_dataclass(a) and not isinstance(a, type):
        return all(same(getattr(a, f.name), getattr(b, f.name)) for f in dataclasses.fields(a))
    return a == b


def checkpoints_equal(a: TrainerCheckpoint, b: TrainerCheckpoint) -> bool:
    """Do two checkpoints describe the same trainer state, bit for bit? (The copies of full
    metric tables in the marks are not compared; everything else is.)"""

    def where(mark: HistoryMark) -> tuple:
        return (mark.size, mark.stride, mark.count, mark.pending)

    return (
        same(a.state, b.state)
        and same(where(a.history), where(b.history))
        and same(where(a.evaluations), where(b.evaluations))
    )
