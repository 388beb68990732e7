"""How much memory training an experiment needs, and whether this machine can give it.

A step keeps, for each layer, a few (batch, units) float64 arrays for backpropagation
(more with batch-norm and dropout), and the coach and the full evaluations run the whole
training set through every layer. :func:`memory_estimate` adds these up, calibrated on
the peak RSS of ``nnsim run`` (10 layers of 256 tanh units, 50,000 rows a step: 4.64 GB
measured, 4.62 estimated; 30,000 rows: 2.84 and 2.77 GB). :func:`memory_problem` refuses an
experiment that needs more than :func:`memory_limit`: half of the machine's memory, and at
most :data:`MAX_TRAINING_BYTES` (the documented maxima, 100 000 samples through 32 layers
of 256 units in one full batch, need about 15 GB and seconds per step: never a lesson).
Runs trained together (Compare, ``nnsim compare``: each has its own trainer, data and
arrays) are refused as a group by :func:`group_memory_problem`: each may fit alone and the
sixteen of a grid not. (The loss landscape needs no such check: its grid is evaluated a
bounded chunk at a time, never more at once than one evaluation of the run.)
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import Any, Final

from nnsim.engine.datasets import train_size
from nnsim.training.experiment.specs import DataSpec, NetworkSpec, TrainingSpec
from nnsim.training.text import QT_TR_NOOP, Sentence

__all__ = ["MAX_TRAINING_BYTES", "group_memory_problem", "machine_memory", "memory_estimate",
           "memory_limit", "memory_problem"]  # fmt: skip

MAX_TRAINING_BYTES: Final = 4 * 10**9
_FLOAT = 8  # bytes of a float64
_STEP_ARRAYS = 3.3  # (batch, units) arrays a step keeps per layer: z, the activation, δ, dA
_EXTRA_ARRAYS = 2.5  # more for a layer with batch-norm (ẑ, the output) or dropout (mask)
_EVAL_ARRAYS = 1.2  # the whole training set through every layer (the coach, evaluations)
_DATA_ARRAYS = 4  # points, features, targets and the shuffled order, per sample


def machine_memory() -> int | None:
    """The machine's physical memory in bytes, or None where it cannot be asked."""
    try:
        return int(os.sysconf("SC_PHYS_PAGES")) * int(os.sysconf("SC_PAGE_SIZE"))
    except (AttributeError, OSError, ValueError):
        return None


def memory_limit() -> int:
    """The most memory an experiment may need: half the machine's, at most 4 GB."""
    machine = machine_memory()
    return MAX_TRAINING_BYTES if machine is None else min(MAX_TRAINING_BYTES, machine // 2)


def _rows(data: DataSpec, batch_size: int | str) -> tuple[int, int, int]:
    """(samples, training rows, rows a step takes) of ``data`` with ``batch_size``."""
    if data.points is not None and data.test_points is not None:
        n_train, total = len(data.points), len(data.points) + len(data.test_points)
    else:
        total = len(data.points) if data.points is not None else data.samples
        n_train = train_size(total, data.train_fraction) if total >= 2 else total
    batch = n_train if batch_size == "all" else min(int(batch_size), n_train)
    return total, n_train, batch


def memory_estimate(data: DataSpec, network: NetworkSpec, training: TrainingSpec) -> int:
    """Bytes that training (a step, an evaluation, the data) takes at its peak, roughly."""
    total, n_train, batch = _rows(data, training.batch_size)
    per_row_step = per_row_eval = 0.0
    for layer in network.hidden_layers:
        batch_norm = network.batch_norm if layer.batch_norm is None else layer.batch_norm
        dropout = network.dropout if layer.dropout is None else layer.dropout
        arrays = _STEP_ARRAYS + _EXTRA_ARRAYS * (bool(batch_norm) + (dropout > 0))
        per_row_step += arrays * layer.units
        per_row_eval += _EVAL_ARRAYS * layer.units
    outputs = 10  # at most one per class
    per_row_step += _STEP_ARRAYS * outputs
    per_row_eval += _EVAL_ARRAYS * outputs
    columns = len(data.features) + 3
    return int(_FLOAT * (batch * per_row_step + n_train * per_row_eval
                         + total * columns * _DATA_ARRAYS))  # fmt: skip


def _gb(n: float) -> str:
    return f"{n / 1e9:.1f} GB"


def memory_problem(data: DataSpec, network: NetworkSpec, training: TrainingSpec) -> Sentence | None:
    """Why this experiment needs more memory than :func:`memory_limit`, or None."""
    need, limit = memory_estimate(data, network, training), memory_limit()
    if need <= limit:
        return None
    _, n_train, batch = _rows(data, training.batch_size)
    template = QT_TR_NOOP(
        "training needs about {need} of memory ({train} training samples, {batch} a step, "
        "{layers} hidden layers of {units} units in all); {allowed}: use a smaller batch, "
        "fewer or narrower layers, or fewer samples"
    )
    return Sentence(template, {
        "need": _gb(need), "train": n_train, "batch": batch,
        "layers": len(network.hidden_layers),
        "units": sum(layer.units for layer in network.hidden_layers),
        "allowed": _allowed(limit),
    })  # fmt: skip


def group_memory_problem(experiments: Sequence[Any]) -> Sentence | None:
    """Why these experiments, trained together, need more memory than :func:`memory_limit`
    (the sum of their estimates), or None."""
    needs = [memory_estimate(e.data, e.network, e.training) for e in experiments]
    need, limit = sum(needs), memory_limit()
    if need <= limit:
        return None
    template = QT_TR_NOOP(
        "the {runs} runs together need about {need} of memory (the largest {largest}); "
        "{allowed}: compare fewer runs, or smaller ones (a smaller batch, fewer or narrower "
        "layers, or fewer samples)"
    )
    return Sentence(template, {
        "runs": len(needs), "need": _gb(need), "largest": _gb(max(needs)),
        "allowed": _allowed(limit),
    })  # fmt: skip


def _allowed(limit: int) -> Sentence:
    machine = machine_memory()
    if machine is None:
        return Sentence(QT_TR_NOOP("nnsim allows {limit}"), {"limit": _gb(limit)})
    return Sentence(
        QT_TR_NOOP("nnsim allows {limit} (half this machine's {machine}, at most {most})"),
        {"limit": _gb(limit), "machine": _gb(machine), "most": _gb(MAX_TRAINING_BYTES)},
    )
