"""The data an experiment trains on: generated or user points, split, turned into features."""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

import numpy as np

from nnsim.engine.datasets import (
    Dataset,
    add_point,
    make_dataset,
    remove_nearest,
    split,
    train_size,
)
from nnsim.engine.features import feature_matrix

if TYPE_CHECKING:
    from nnsim.training.experiment import Experiment

GRID_EXTENT = 6.0
"""The views show the square [−6, 6]², where every data set lives."""


@dataclass(frozen=True, eq=False)
class TrainingData:
    """Train and test sets, their feature matrices and the targets in the loss's shape."""

    train: Dataset
    test: Dataset
    features: tuple[str, ...]

    @property
    def kind(self) -> str:
        return self.train.kind

    @property
    def num_classes(self) -> int:
        return self.train.num_classes

    @cached_property
    def x_train(self) -> np.ndarray:
        return feature_matrix(self.train.x, self.features)

    @cached_property
    def x_test(self) -> np.ndarray:
        return feature_matrix(self.test.x, self.features)

    @cached_property
    def y_train(self) -> np.ndarray:
        return loss_targets(self.train)

    @cached_property
    def y_test(self) -> np.ndarray:
        return loss_targets(self.test)


def loss_targets(dataset: Dataset) -> np.ndarray:
    """Targets as the losses take them: float 0/1 (binary), int labels, float (n, 1) values."""
    if dataset.kind == "binary":
        return dataset.y.astype(np.float64)
    if dataset.kind == "regression":
        return dataset.y.astype(np.float64).reshape(-1, 1)
    return dataset.y


def source_dataset(experiment: Experiment) -> Dataset:
    """The full data set an experiment describes, before the train/test split (with a
    fixed split, the training points then the test points)."""
    spec = experiment.data
    if spec.dataset != "custom":
        return make_dataset(spec.dataset, spec.samples, spec.noise, experiment.seed)
    return _custom_dataset(experiment, (*(spec.points or ()), *(spec.test_points or ())))


def _custom_dataset(
    experiment: Experiment, rows: tuple[tuple[float, float, float], ...]
) -> Dataset:
    points = np.asarray(rows, dtype=np.float64).reshape(-1, 3)
    kind = experiment.task_kind
    if kind == "regression":
        return Dataset(points[:, :2], points[:, 2], "regression", 1, "custom")
    labels = points[:, 2].astype(np.int64)
    rows_all = (*(experiment.data.points or ()), *(experiment.data.test_points or ()))
    k = max(2, int(max(p[2] for p in rows_all)) + 1)  # classes of both sets
    return Dataset(points[:, :2], labels, kind, k, "custom")


def _rows(dataset: Dataset) -> tuple[tuple[float, float, float], ...]:
    """The points as (x1, x2, label) rows of floats (one table made in NumPy: 100,000
    points in a few ms, not a Python loop over them)."""
    table = np.column_stack([dataset.x, np.asarray(dataset.y, dtype=np.float64)])
    return tuple(map(tuple, table.tolist()))


def with_custom_points(experiment: Experiment, dataset: Dataset) -> Experiment:
    """A copy of ``experiment`` whose data are exactly ``dataset``'s points (``custom``),
    split at random by ``train_fraction``."""
    data = dataclasses.replace(
        experiment.data, dataset="custom", points=_rows(dataset), test_points=None
    )
    return dataclasses.replace(experiment, data=data)


def with_split(experiment: Experiment, train: Dataset, test: Dataset) -> Experiment:
    """A copy of ``experiment`` training on exactly ``train`` and testing on ``test``."""
    data = dataclasses.replace(
        experiment.data, dataset="custom", points=_rows(train), test_points=_rows(test)
    )
    return dataclasses.replace(experiment, data=data)


def with_point_added(experiment: Experiment, x1: float, x2: float, label: float) -> Experiment:
    """``experiment`` with the point (x1, x2, label) added to the training set; every
    other point stays in the set it was in. ValueError for a bad point or label."""
    data = build_data(experiment)
    return with_split(experiment, add_point(data.train, x1, x2, label), data.test)


def with_point_removed(
    experiment: Experiment, x1: float, x2: float, max_distance: float
) -> Experiment:
    """``experiment`` without the point (train or test) nearest to (x1, x2), or
    ``experiment`` itself if none is within ``max_distance``. ValueError if that point
    is the last of its set."""
    data = build_data(experiment)
    d2 = [_nearest(part, x1, x2) for part in (data.train, data.test)]
    part = 0 if d2[0] <= d2[1] else 1
    if d2[part] > max_distance * max_distance:
        return experiment
    sets = [data.train, data.test]
    if len(sets[part]) <= 1:
        raise ValueError(f"cannot remove the last {('training', 'test')[part]} point")
    sets[part] = remove_nearest(sets[part], x1, x2)
    return with_split(experiment, *sets)


def _nearest(dataset: Dataset, x1: float, x2: float) -> float:
    if not len(dataset):
        return math.inf
    return float(np.min((dataset.x[:, 0] - x1) ** 2 + (dataset.x[:, 1] - x2) ** 2))


def build_data(experiment: Experiment) -> TrainingData:
    """Generate (or take) the points, split them with the experiment's seed, pick features.

    Custom data with ``test_points`` keep their split as it is."""
    spec = experiment.data
    if spec.dataset == "custom" and spec.test_points is not None:
        train = _custom_dataset(experiment, spec.points or ())
        test = _custom_dataset(experiment, spec.test_points)
    else:
        train, test = split(source_dataset(experiment), spec.train_fraction, experiment.seed)
    return TrainingData(train, test, tuple(spec.features))


def grid_points(resolution: int, extent: float = GRID_EXTENT) -> np.ndarray:
    """(resolution², 2) points of a square grid over [−extent, extent]², row-major from the top.

    Row i holds x2 = extent − i·step (top of the view first), column j holds x1.
    """
    ticks = np.linspace(-extent, extent, resolution)
    x1, x2 = np.meshgrid(ticks, ticks[::-1])
    return np.column_stack([x1.ravel(), x2.ravel()])


def batch_bounds(n_train: int, batch_size: int | str) -> list[tuple[int, int]]:
    """The (start, end) of each mini-batch of an epoch over ``n_train`` shuffled points.

    ``batch_size`` is an int or ``"all"``. A last batch of one point is merged into the one
    before it (batch-norm needs two), so 21 points at batch 10 make 2 steps, not 3."""
    size = n_train if batch_size == "all" else min(int(batch_size), n_train)
    bounds = [(s, min(s + size, n_train)) for s in range(0, n_train, size)]
    if len(bounds) > 1 and bounds[-1][1] - bounds[-1][0] == 1:
        bounds[-2:] = [(bounds[-2][0], n_train)]
    return bounds


def training_points(experiment: Experiment) -> int:
    """How many training points ``experiment`` has, without generating them."""
    spec = experiment.data
    if spec.dataset == "custom" and spec.test_points is not None:
        return len(spec.points or ())
    n = len(spec.points or ()) if spec.dataset == "custom" else spec.samples
    return train_size(n, spec.train_fraction) if n >= 2 else n


def steps_per_epoch(experiment: Experiment) -> int:
    """Optimizer steps in one pass over the training set: what the Trainer does."""
    return len(batch_bounds(training_points(experiment), experiment.training.batch_size))
