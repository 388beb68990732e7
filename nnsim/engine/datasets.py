"""Built-in 2-D data sets, CSV import/export and point editing.

All points lie in the square [-6, 6]² shown by the views (generated points are clipped after
noise). Class labels are int64 ``0..K-1``; regression targets are float64 in [-1, 1].

The four TensorFlow Playground sets (``circle``, ``xor``, ``gauss``, ``spiral``) and its two
regression sets (``plane``, ``gaussians``) reproduce its generators (``dataset.ts``), with TFP's
label -1 mapped to 0. Like TFP, ``circle``, ``xor``, ``plane`` and ``gaussians`` (and our
``checkerboard``) keep each point where it was drawn and compute its label at a randomly
*displaced* position, so noise blurs the class boundary; ``spiral``, ``moons`` and ``spiral3``
displace the points; ``gauss`` and ``blobs4`` widen the clusters.

Determinism: the same ``(name, samples, noise, seed)`` gives the same data on every machine
(``np.random.default_rng``/PCG64 plus basic arithmetic, ``sqrt``, ``sin``/``cos``; the last
two may differ by an ulp between platforms). Random draws do not depend on ``noise``, so
moving the noise slider perturbs the same points instead of drawing new ones. Changing the
order of the draws below changes every data set: keep the checksums in the tests in sync.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from types import MappingProxyType
from typing import Literal

import numpy as np

from nnsim.engine.text import QT_TR_NOOP

DatasetKind = Literal["binary", "multiclass", "regression"]

BOUND = 6.0
"""Half-width of the square [-BOUND, BOUND]² that holds every point."""
MAX_SAMPLES = 100_000
MAX_NOISE = 0.5
MAX_CLASSES = 10
"""Largest number of classes a data set (an imported one included) may have."""
MIN_TRAIN_FRACTION, MAX_TRAIN_FRACTION = 0.1, 0.9

DATASETS: tuple[str, ...] = (
    "circle", "xor", "gauss", "spiral", "moons", "checkerboard",
    "spiral3", "blobs4", "plane", "gaussians",
)  # fmt: skip
DATASET_KINDS: MappingProxyType[str, DatasetKind] = MappingProxyType(
    {
        **dict.fromkeys(DATASETS[:6], "binary"),
        **dict.fromkeys(DATASETS[6:8], "multiclass"),
        **dict.fromkeys(DATASETS[8:], "regression"),
    }
)
DATASET_TITLES: MappingProxyType[str, str] = MappingProxyType(dict(zip(DATASETS, (
    QT_TR_NOOP("Circle"), QT_TR_NOOP("Exclusive or"), QT_TR_NOOP("Two Gaussians"),
    QT_TR_NOOP("Spiral"), QT_TR_NOOP("Two moons"), QT_TR_NOOP("Checkerboard"),
    QT_TR_NOOP("Three-arm spiral"), QT_TR_NOOP("Four blobs"), QT_TR_NOOP("Plane (regression)"),
    QT_TR_NOOP("Gaussians (regression)"),
), strict=True)))  # fmt: skip
_NUM_CLASSES = {"binary": 2, "spiral3": 3, "blobs4": 4, "regression": 1}


@dataclass(frozen=True, eq=False, repr=False)
class Dataset:
    """An immutable 2-D data set (arrays are copied and made read-only on construction).

    Attributes
    ----------
    x : np.ndarray
        ``(n, 2)`` float64 points in [-6, 6]², 1 <= n <= 100 000.
    y : np.ndarray
        ``(n,)`` int64 labels in ``0..num_classes-1``, or float64 targets in [-1, 1].
    kind : {"binary", "multiclass", "regression"}
    num_classes : int
        2 for binary, 3..10 for multiclass, 1 for regression.
    name : str
    """

    x: np.ndarray
    y: np.ndarray
    kind: DatasetKind
    num_classes: int
    name: str

    def __post_init__(self) -> None:
        x = np.array(self.x, dtype=np.float64, order="C")
        y, k = np.asarray(self.y), self.num_classes
        if x.ndim != 2 or x.shape[1] != 2 or not 1 <= x.shape[0] <= MAX_SAMPLES:
            raise ValueError(f"x must have shape (n, 2), 1 <= n <= {MAX_SAMPLES}, got {x.shape}")
        if not np.isfinite(x).all() or np.abs(x).max() > BOUND:
            raise ValueError(f"points must be finite and within [-{BOUND:g}, {BOUND:g}]²")
        if y.shape != (x.shape[0],):
            raise ValueError(f"y must have shape ({x.shape[0]},), got {y.shape}")
        limits = {"binary": (2, 2), "multiclass": (3, MAX_CLASSES), "regression": (1, 1)}
        if self.kind not in limits:
            raise ValueError(f"kind must be one of {', '.join(limits)}, got {self.kind!r}")
        if not _is_int(k) or not limits[self.kind][0] <= k <= limits[self.kind][1]:
            raise ValueError(f"num_classes {k!r} does not fit kind {self.kind!r}")
        if self.kind == "regression":
            if not (np.issubdtype(y.dtype, np.integer) or np.issubdtype(y.dtype, np.floating)):
                raise ValueError(f"regression targets must be real numbers, got dtype {y.dtype}")
            y = y.astype(np.float64)
            if not np.isfinite(y).all() or np.abs(y).max() > 1.0:
                raise ValueError("regression targets must be finite and within [-1, 1]")
        else:
            if not np.issubdtype(y.dtype, np.integer):
                raise ValueError(f"class labels must be integers, got dtype {y.dtype}")
            y = y.astype(np.int64)
            if y.min() < 0 or y.max() >= k:
                raise ValueError(f"class labels must be in 0..{k - 1}")
        x.flags.writeable = y.flags.writeable = False
        object.__setattr__(self, "x", x)
        object.__setattr__(self, "y", y)
        object.__setattr__(self, "num_classes", int(k))

    def __len__(self) -> int:
        return self.x.shape[0]

    def __repr__(self) -> str:
        return f"Dataset({self.name!r}, {self.kind}, n={len(self)}, classes={self.num_classes})"

    @property
    def is_classification(self) -> bool:
        """True for binary and multiclass data sets."""
        return self.kind != "regression"


# ---------------------------------------------------------------------------- generators
# Each takes (rng, n, noise) and returns (x (n, 2), y (n,)); make_dataset clips and shuffles.
_Rng = np.random.Generator
_XY = tuple[np.ndarray, np.ndarray]


def _counts(n: int, k: int) -> list[int]:
    """Split ``n`` samples into ``k`` classes as evenly as possible (earlier ones get extra)."""
    return [n // k + (1 if c < n % k else 0) for c in range(k)]


def _circle(rng: _Rng, n: int, noise: float) -> _XY:
    radius = 5.0
    n_in, n_out = _counts(n, 2)
    r_in = rng.uniform(0.0, radius * 0.5, n_in)
    r = np.concatenate([r_in, rng.uniform(radius * 0.7, radius, n_out)])
    angle = rng.uniform(0.0, 2 * np.pi, n)
    x = np.column_stack([r * np.sin(angle), r * np.cos(angle)])
    p = x + rng.uniform(-radius, radius, (n, 2)) * noise
    return x, (np.sqrt(p[:, 0] * p[:, 0] + p[:, 1] * p[:, 1]) < radius * 0.5).astype(np.int64)


def _xor(rng: _Rng, n: int, noise: float) -> _XY:
    x = rng.uniform(-5.0, 5.0, (n, 2))
    x += np.where(x > 0, 0.3, -0.3)  # TFP's padding keeps points off the axes
    p = x + rng.uniform(-5.0, 5.0, (n, 2)) * noise
    return x, (p[:, 0] * p[:, 1] >= 0).astype(np.int64)


def _blobs(rng: _Rng, n: int, noise: float, centres: list[tuple[float, float]]) -> _XY:
    counts = _counts(n, len(centres))
    mean = np.repeat(np.array(centres, dtype=np.float64), counts, axis=0)
    std = math.sqrt(0.5 + (4.0 - 0.5) * (noise / MAX_NOISE))  # TFP: variance 0.5 .. 4
    return mean + std * rng.standard_normal((n, 2)), np.repeat(np.arange(len(centres)), counts)


def _spirals(rng: _Rng, n: int, noise: float, deltas: list[float]) -> _XY:
    counts = _counts(n, len(deltas))
    parts = []
    for m, delta in zip(counts, deltas, strict=True):
        i = np.arange(m, dtype=np.float64)
        r = i / m * 5
        t = 1.75 * i / m * 2 * np.pi + delta
        parts.append(np.column_stack([r * np.sin(t), r * np.cos(t)]))
    x = np.concatenate(parts) + rng.uniform(-1.0, 1.0, (n, 2)) * noise
    return x, np.repeat(np.arange(len(deltas)), counts)


def _moons(rng: _Rng, n: int, noise: float) -> _XY:
    n_outer, n_inner = _counts(n, 2)
    t = rng.uniform(0.0, np.pi, n)
    c, s = np.cos(t), np.sin(t)
    outer = np.column_stack([c[:n_outer], s[:n_outer]])
    inner = np.column_stack([1.0 - c[n_outer:], 0.5 - s[n_outer:]])
    x = (np.concatenate([outer, inner]) - (0.5, 0.25)) * 4.0  # [-1, 2]×[-.5, 1] -> [-6, 6]×[-3, 3]
    x += rng.standard_normal((n, 2)) * (2.0 * noise)  # std up to 1 board unit
    return x, np.repeat([0, 1], [n_outer, n_inner])


def _checkerboard(rng: _Rng, n: int, noise: float) -> _XY:
    x = rng.uniform(-BOUND, BOUND, (n, 2))
    p = x + rng.uniform(-3.0, 3.0, (n, 2)) * noise  # up to half a 3×3 cell
    cells = np.floor((p + BOUND) / 3.0).astype(np.int64)
    return x, cells.sum(axis=1) % 2


def _plane(rng: _Rng, n: int, noise: float) -> _XY:
    x = rng.uniform(-BOUND, BOUND, (n, 2))
    p = x + rng.uniform(-BOUND, BOUND, (n, 2)) * noise
    return x, np.clip((p[:, 0] + p[:, 1]) / 10.0, -1.0, 1.0)


_BUMPS = np.array(  # centre x, centre y, sign
    [[-4, 2.5, 1], [0, 2.5, -1], [4, 2.5, 1], [-4, -2.5, -1], [0, -2.5, 1], [4, -2.5, -1]],
    dtype=np.float64,
)


def _gaussians(rng: _Rng, n: int, noise: float) -> _XY:
    x = rng.uniform(-BOUND, BOUND, (n, 2))
    p = x + rng.uniform(-BOUND, BOUND, (n, 2)) * noise
    dx, dy = p[:, :1] - _BUMPS[:, 0], p[:, 1:] - _BUMPS[:, 1]
    values = _BUMPS[:, 2] * np.clip(1.0 - np.sqrt(dx * dx + dy * dy) / 2.0, 0.0, 1.0)
    pick = np.argmax(np.abs(values), axis=1)  # TFP keeps the bump largest in absolute value
    return x, values[np.arange(n), pick]


_GENERATORS: dict[str, Callable[[_Rng, int, float], _XY]] = {
    "circle": _circle,
    "xor": _xor,
    "gauss": partial(_blobs, centres=[(-2.0, -2.0), (2.0, 2.0)]),  # label 1 at (2, 2)
    "spiral": partial(_spirals, deltas=[np.pi, 0.0]),  # label 1: TFP's positive arm
    "moons": _moons,
    "checkerboard": _checkerboard,
    "spiral3": partial(_spirals, deltas=[0.0, 2 * np.pi / 3, 4 * np.pi / 3]),
    "blobs4": partial(_blobs, centres=[(3.0, 3.0), (-3.0, 3.0), (-3.0, -3.0), (3.0, -3.0)]),
    "plane": _plane,
    "gaussians": _gaussians,
}


def _is_int(value: object) -> bool:
    return isinstance(value, int | np.integer) and not isinstance(value, bool)


def _is_real(value: object) -> bool:
    return isinstance(value, int | float | np.integer | np.floating) and not isinstance(value, bool)


def _check_seed(seed: int) -> int:
    if not _is_int(seed) or seed < 0:
        raise ValueError(f"seed must be a non-negative integer, got {seed!r}")
    return int(seed)


def make_dataset(name: str, samples: int = 500, noise: float = 0.0, seed: int = 0) -> Dataset:
    """Generate a built-in data set.

    Parameters
    ----------
    name : str
        One of :data:`DATASETS`.
    samples : int
        Number of points, 1..100 000; classes get ``samples // K`` points each (the first
        ``samples % K`` classes one more). The points come out shuffled.
    noise : float
        0..0.5 (TFP's 0-50 %).
    seed : int
        Non-negative seed of ``np.random.default_rng``.

    Raises
    ------
    ValueError
        For an unknown name (the message lists the allowed ones) or an out-of-range argument.
    """
    if not isinstance(name, str) or name not in _GENERATORS:
        raise ValueError(f"unknown data set {name!r}; choose one of: {', '.join(DATASETS)}")
    if not _is_int(samples) or not 1 <= samples <= MAX_SAMPLES:
        raise ValueError(f"samples must be an integer from 1 to {MAX_SAMPLES}, got {samples!r}")
    if not _is_real(noise) or not 0.0 <= noise <= MAX_NOISE:
        raise ValueError(f"noise must be a number from 0 to {MAX_NOISE}, got {noise!r}")
    rng = np.random.default_rng(_check_seed(seed))
    x, y = _GENERATORS[name](rng, int(samples), float(noise))
    order = rng.permutation(int(samples))
    kind = DATASET_KINDS[name]
    k = _NUM_CLASSES.get(name, _NUM_CLASSES.get(kind, 0))
    return Dataset(np.clip(x, -BOUND, BOUND)[order], y[order], kind, k, name)


def split(dataset: Dataset, train_fraction: float, seed: int = 0) -> tuple[Dataset, Dataset]:
    """Shuffle deterministically with ``seed`` and split into ``(train, test)``.

    The train part gets ``round(n * train_fraction)`` points, kept within ``1..n-1`` so that
    neither part is empty; ``train_fraction`` must be in [0.1, 0.9] and ``n >= 2``.
    """
    lo, hi = MIN_TRAIN_FRACTION, MAX_TRAIN_FRACTION
    if not _is_real(train_fraction) or not lo <= train_fraction <= hi:
        raise ValueError(f"train_fraction must be from {lo} to {hi}, got {train_fraction!r}")
    order = np.random.default_rng(_check_seed(seed)).permutation(n := len(dataset))
    if n < 2:
        raise ValueError("splitting needs a data set with at least 2 points")
    n_train = train_size(n, train_fraction)
    parts = order[:n_train], order[n_train:]
    train, test = (with_points(dataset, dataset.x[i], dataset.y[i]) for i in parts)
    return train, test


def train_size(n: int, train_fraction: float) -> int:
    """How many of ``n >= 2`` points :func:`split` puts in the training part."""
    return min(max(math.floor(n * train_fraction + 0.5), 1), n - 1)


# ---------------------------------------------------------------------------- point editing


def with_points(dataset: Dataset, x: np.ndarray, y: np.ndarray) -> Dataset:
    """A new data set of points ``x``, labels ``y`` and ``dataset``'s kind, classes and name."""
    return Dataset(x, y, dataset.kind, dataset.num_classes, dataset.name)


def add_point(dataset: Dataset, x1: float, x2: float, label: float) -> Dataset:
    """A new data set with the point ``(x1, x2)`` appended.

    ``label`` is an int in ``0..num_classes-1`` for classification, a number in [-1, 1] for
    regression. ValueError if the point is outside [-6, 6]² or the set has 100 000 points.
    """
    if not (_is_real(x1) and _is_real(x2)) or not (abs(x1) <= BOUND and abs(x2) <= BOUND):
        raise ValueError(f"point ({x1!r}, {x2!r}) is not within [-{BOUND:g}, {BOUND:g}]²")
    if len(dataset) >= MAX_SAMPLES:
        raise ValueError(f"a data set holds at most {MAX_SAMPLES} points")
    k = dataset.num_classes
    if dataset.is_classification and not (_is_int(label) and 0 <= label < k):
        raise ValueError(f"label must be an int in 0..{k - 1}, got {label!r}")
    if not dataset.is_classification and not (_is_real(label) and -1.0 <= label <= 1.0):
        raise ValueError(f"regression target must be a number in [-1, 1], got {label!r}")
    x = np.concatenate([dataset.x, [[float(x1), float(x2)]]])
    y = np.concatenate([dataset.y, np.array([label], dtype=dataset.y.dtype)])
    return with_points(dataset, x, y)


def remove_nearest(
    dataset: Dataset, x1: float, x2: float, *, max_distance: float | None = None
) -> Dataset:
    """A new data set without the point nearest to ``(x1, x2)`` (the first one on ties).

    If ``max_distance`` is given and no point is that close, ``dataset`` itself is returned.
    ValueError if the data set has only one point.
    """
    if not (_is_real(x1) and _is_real(x2) and math.isfinite(x1) and math.isfinite(x2)):
        raise ValueError(f"point ({x1!r}, {x2!r}) must have finite coordinates")
    if len(dataset) <= 1:
        raise ValueError("cannot remove the last point of a data set")
    d2 = (dataset.x[:, 0] - x1) ** 2 + (dataset.x[:, 1] - x2) ** 2
    i = int(np.argmin(d2))
    if max_distance is not None and d2[i] > max_distance * max_distance:
        return dataset
    keep = np.arange(len(dataset)) != i
    return with_points(dataset, dataset.x[keep], dataset.y[keep])
