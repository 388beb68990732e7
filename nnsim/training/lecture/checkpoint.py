"""Full checkpoints of a :class:`~nnsim.training.trainer.Trainer`, to undo a training step.

``checkpoint(trainer)`` records everything a step changes; ``restore(trainer, cp)`` puts it
back in place (the engine objects keep their identity, so views holding them stay valid),
after which training continues bit-identically. What a checkpoint holds:

- the experiment (a learning-rate change made later is undone too);
- the network: every parameter and batch-norm running statistic (``Network.state()``),
  the gradient vector and the dropout generator's state;
- the optimizer's ``state_dict()`` (hyper-parameters, step counts, moment buffers), its
  base momentum and whether the schedule cycles it;
- the schedule's ``state_dict()`` (plateau counters) and the trainer's learning-rate cache;
- the counters ``steps_done``, ``epochs_done``, the position in the epoch (batch index,
  the epoch's shuffled arrays, the epoch's losses) and the shuffling generator's state;
- ``diverged``, ``last_result``, ``last_evaluation``;
- a mark in ``history`` and ``evaluations``: a step appends at most one row to each, so
  the mark is the row count, plus a copy of the table when it is full (the next row makes
  it downsample). Restoring therefore works one step back at a time (the lecture session's
  way); jumping back over a downsampling without that copy raises ``ValueError``.

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

from nnsim.engine.schedules import SCHEDULES
from nnsim.training.history import MetricHistory


@dataclass(frozen=True, eq=False)
class HistoryMark:
    """Where a :class:`MetricHistory` stood (its rows, plus a copy of a full table)."""

    size: int
    stride: int
    count: int
    pending: np.ndarray | None
    table: np.ndarray | None


@dataclass(frozen=True, eq=False)
class TrainerCheckpoint:
    """Everything a training step changes; see the module docstring."""

    experiment: Any
    network: dict[str, np.ndarray]
    grad: np.ndarray
    dropout_rng: dict[str, Any]
    optimizer: dict[str, Any]
    base_momentum: float | None
    cycles_momentum: bool
    schedule: dict[str, Any]
    lr_cache: tuple[int, np.ndarray]
    steps_done: int
    epochs_done: int
    batch_index: int
    epoch_arrays: tuple[np.ndarray | None, np.ndarray | None]
    epoch_losses: tuple[float, ...]
    shuffle_rng: dict[str, Any]
    diverged: str | None
    last_result: Any
    last_evaluation: Any
    history: HistoryMark
    evaluations: HistoryMark


def _mark(history: MetricHistory) -> HistoryMark:
    pending = history._pending
    full = history._size == history.capacity
    return HistoryMark(
        history._size,
        history._stride,
        history._count,
        None if pending is None else pending.copy(),
        history._data.copy() if full else None,
    )


def _rewind(history: MetricHistory, mark: HistoryMark) -> None:
    if mark.table is not None:
        history._data[...] = mark.table
    elif history._stride != mark.stride or history._count < mark.count:
        raise ValueError(
            "cannot rewind the metric history over a downsampling or a clear(); "
            "restore checkpoints one step back at a time"
        )
    else:
        history._data[mark.size :] = np.nan
    history._size, history._stride, history._count = mark.size, mark.stride, mark.count
    history._pending = None if mark.pending is None else mark.pending.copy()


def checkpoint(trainer) -> TrainerCheckpoint:
    """A checkpoint of ``trainer`` as it is now (arrays copied)."""
    net = trainer.network
    return TrainerCheckpoint(
        experiment=trainer.experiment,
        network=net.state(),
        grad=net.grad.copy(),
        dropout_rng=net._dropout_rng.bit_generator.state,
        optimizer=trainer.optimizer.state_dict(),
        base_momentum=trainer._base_momentum,
        cycles_momentum=trainer._cycles_momentum,
        schedule=trainer.schedule.state_dict(),
        lr_cache=(trainer._lr_cache_start, trainer._lr_cache),  # replaced, never written
        steps_done=trainer.steps_done,
        epochs_done=trainer.epochs_done,
        batch_index=trainer._batch_index,
        epoch_arrays=(getattr(trainer, "_epoch_x", None), getattr(trainer, "_epoch_y", None)),
        epoch_losses=tuple(trainer._epoch_losses),
        shuffle_rng=trainer._shuffle_rng.bit_generator.state,
        diverged=trainer.diverged,
        last_result=trainer.last_result,
        last_evaluation=trainer.last_evaluation,
        history=_mark(trainer.history),
        evaluations=_mark(trainer.evaluations),
    )


def restore(trainer, cp: TrainerCheckpoint) -> None:
    """Put ``trainer`` back to ``cp``, in place; training then continues bit-identically.

    Raises ``ValueError`` if the metric history cannot be rewound (see the module docstring);
    the rest is restored first.
    """
    net = trainer.network
    trainer.experiment = cp.experiment
    net.load_state(cp.network)
    net.grad[...] = cp.grad
    net._dropout_rng.bit_generator.state = cp.dropout_rng
    trainer.optimizer.load_state_dict(cp.optimizer)
    trainer._base_momentum = cp.base_momentum
    trainer._cycles_momentum = cp.cycles_momentum
    if trainer.schedule.name == cp.schedule["name"]:
        trainer.schedule.load_state_dict(cp.schedule)
    else:
        schedule = SCHEDULES[cp.schedule["name"]](**cp.schedule["params"])
        schedule.load_state_dict(cp.schedule)
        trainer.schedule = schedule
    trainer._lr_cache_start, trainer._lr_cache = cp.lr_cache
    trainer.steps_done = cp.steps_done
    trainer.epochs_done = cp.epochs_done
    trainer._batch_index = cp.batch_index
    trainer._epoch_x, trainer._epoch_y = cp.epoch_arrays
    trainer._epoch_losses = list(cp.epoch_losses)
    trainer._shuffle_rng.bit_generator.state = cp.shuffle_rng
    trainer.diverged = cp.diverged
    trainer.last_result = cp.last_result
    trainer.last_evaluation = cp.last_evaluation
    _rewind(trainer.history, cp.history)
    _rewind(trainer.evaluations, cp.evaluations)


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


_COMPARED = tuple(
    f.name for f in dataclasses.fields(TrainerCheckpoint) if f.name not in ("lr_cache",)
)


def checkpoints_equal(a: TrainerCheckpoint, b: TrainerCheckpoint) -> bool:
    """Do two checkpoints describe the same trainer state, bit for bit?

    The learning-rate cache (derived from the schedule) and the copies of full metric
    tables are not compared; everything else is.
    """
    for name in _COMPARED:
        x, y = getattr(a, name), getattr(b, name)
        if isinstance(x, HistoryMark):
            x = (x.size, x.stride, x.count, x.pending)
            y = (y.size, y.stride, y.count, y.pending)
        if not same(x, y):
            return False
    return True
