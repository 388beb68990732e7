"""The data an experiment trains on: generated or user points, split, turned into features."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from functools import cached_property

import numpy as np

from nnsim.engine.datasets import Dataset, make_dataset, split
from nnsim.engine.features import feature_matrix

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


def source_dataset(experiment) -> Dataset:
    """The full data set an experiment describes, before the train/test split."""
    spec = experiment.data
    if spec.dataset != "custom":
        return make_dataset(spec.dataset, spec.samples, spec.noise, experiment.seed)
    points = np.asarray(spec.points, dtype=np.float64).reshape(-1, 3)
    kind = experiment.task_kind
    if kind == "regression":
        return Dataset(points[:, :2], points[:, 2], "regression", 1, "custom")
    labels = points[:, 2].astype(np.int64)
    k = max(2, int(labels.max()) + 1)
    return Dataset(points[:, :2], labels, kind, k, "custom")


def with_custom_points(experiment, dataset: Dataset):
    """A copy of ``experiment`` whose data are exactly ``dataset``'s points (``custom``)."""
    points = tuple(
        (float(x1), float(x2), float(y)) for (x1, x2), y in zip(dataset.x, dataset.y, strict=True)
    )
    data = dataclasses.replace(experiment.data, dataset="custom", points=points)
    return dataclasses.replace(experiment, data=data)


def build_data(experiment) -> TrainingData:
    """Generate (or take) the points, split them with the experiment's seed, pick features."""
    full = source_dataset(experiment)
    train, test = split(full, experiment.data.train_fraction, experiment.seed)
    return TrainingData(train, test, tuple(experiment.data.features))


def grid_points(resolution: int, extent: float = GRID_EXTENT) -> np.ndarray:
    """(resolution², 2) points of a square grid over [−extent, extent]², row-major from the top.

    Row i holds x2 = extent − i·step (top of the view first), column j holds x1.
    """
    ticks = np.linspace(-extent, extent, resolution)
    x1, x2 = np.meshgrid(ticks, ticks[::-1])
    return np.column_stack([x1.ravel(), x2.ravel()])
