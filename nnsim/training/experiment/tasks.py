"""The task the data poses and the output head that fits it.

The task kind (binary, multi-class or regression) comes from a built-in data set's
kind or from the labels of custom points (the CSV import's rule). It decides what
``"loss": "auto"`` means, and which output activations go with which loss.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Final

import numpy as np

from nnsim.engine.datasets import MAX_CLASSES, DatasetKind, make_dataset
from nnsim.training.experiment.schema import CUSTOM, MIN_SAMPLES

if TYPE_CHECKING:
    from nnsim.training.experiment.specs import DataSpec

__all__ = [
    "AUTO_LOSS",
    "LOSS_OUTPUT",
    "TASK_KINDS",
    "builtin_num_classes",
    "head_problems",
    "label_problems",
    "label_task",
]

TASK_KINDS: Final = ("binary", "multiclass", "regression")
AUTO_LOSS: Final = {"binary": "bce", "multiclass": "cross_entropy", "regression": "mse"}
"""What ``"loss": "auto"`` means for each task kind."""
LOSS_OUTPUT: Final = {"bce": "sigmoid", "cross_entropy": "softmax", "mse": "linear"}
"""What ``"output_activation": "auto"`` means for each loss."""


@cache
def builtin_num_classes(name: str) -> int:
    """K of built-in data set ``name`` (2 for binary, 1 for regression)."""
    return make_dataset(name, samples=MIN_SAMPLES * MAX_CLASSES).num_classes


def label_task(labels: np.ndarray) -> tuple[DatasetKind, int]:
    """Kind and class count of valid labels (see :func:`label_problems`)."""
    if np.any(labels != np.floor(labels)):
        return "regression", 1
    k = int(labels.max()) + 1
    return ("binary" if k == 2 else "multiclass"), k


def label_problems(labels: np.ndarray) -> list[tuple[int | None, str]]:
    """The CSV import's label rule, as ``(row or None, message)`` problems.

    Any non-integer label makes all of them regression targets, which must lie in
    [-1, 1]; otherwise they are classes 0..K-1 with every class present, 2 <= K <= 10.
    """
    if labels.size == 0:
        return []
    if np.any(labels != np.floor(labels)):
        bad = np.flatnonzero(np.abs(labels) > 1.0)
        why = "(the labels are regression targets because some are not integers)"
        return [(int(i), f"regression target {labels[i]:g} is outside [-1, 1] {why}") for i in bad]
    rule = f"class labels must be integers 0..K-1, every class present, 2 <= K <= {MAX_CLASSES}"
    bad = np.flatnonzero((labels < 0) | (labels >= MAX_CLASSES))
    if bad.size:
        return [(int(i), f"invalid class label {labels[i]:g}: {rule}") for i in bad]
    counts = np.bincount(labels.astype(np.int64))
    if counts.size < 2:
        return [(None, f"every point has label 0: {rule}")]
    missing = np.flatnonzero(counts == 0)
    if missing.size:
        return [
            (None, f"no point has label {missing[0]} (labels go up to {counts.size - 1}): {rule}")
        ]
    return []


def head_problems(loss: str, output_activation: str, data: DataSpec) -> list[tuple[str, str]]:
    """Does the loss fit the data, and the output activation the loss?"""
    kind = data.task_kind
    resolved = AUTO_LOSS[kind] if loss == "auto" else loss
    which = f"data set {data.dataset!r}" if data.dataset != CUSTOM else "custom data"
    problems = []
    if resolved == "bce" and kind != "binary":
        problems.append(("loss", f"'bce' needs binary labels 0/1, but the {which} is {kind}"))
    if resolved == "cross_entropy" and kind == "regression":
        problems.append(("loss", f"'cross_entropy' needs class labels, but the {which} is {kind}"))
    natural = LOSS_OUTPUT[resolved]
    if resolved != "mse" and output_activation not in ("auto", natural):
        how = f"'auto' (= {resolved!r} for the {which})" if loss == "auto" else repr(loss)
        message = (
            f"must be 'auto' or {natural!r} with loss {how}, got {output_activation!r}; "
            "other output activations need loss 'mse'"
        )
        problems.append(("network.output_activation", message))
    if resolved == "mse" and output_activation == "softmax":
        message = "'softmax' needs loss 'cross_entropy' (with 'mse' there is a single output)"
        problems.append(("network.output_activation", message))
    return problems
