"""Where a lecture step's batch comes from: the next mini-batch, one training sample, or a
sample typed in by hand."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from nnsim.engine.features import feature_matrix
from nnsim.training.text import QT_TR_NOOP, Text
from nnsim.training.trainer import Trainer

SOURCES = ("batch", "sample", "custom")


class SourceError(ValueError):
    """A source the trainer cannot take; :attr:`text` is the message as a :class:`Text`
    (``str(error)`` its English), for the window to show in its language."""

    def __init__(self, template: str, **args: object) -> None:
        self.text = Text(template, args)
        super().__init__(str(self.text))


@dataclass(frozen=True, eq=False)
class Source:
    """What flows through the network in a step.

    ``kind`` is ``"batch"`` (the trainer's next mini-batch), ``"sample"`` (training sample
    ``index``) or ``"custom"`` (a point typed in). For the last two, ``point`` is the raw
    2-D point, ``target`` the label as given, and ``x``, ``y`` the (1, n_features) features
    and the target in the loss's shape.
    """

    kind: str = "batch"
    index: int | None = None
    point: tuple[float, float] | None = None
    target: float | None = None
    x: np.ndarray | None = None
    y: np.ndarray | None = None


def custom_target(trainer: Trainer, label: float) -> np.ndarray:
    """A target typed in by hand, as the trainer's loss takes it (one sample).

    ``bce``: a probability in [0, 1] (soft targets like 0.6 allowed), float ``(1,)``;
    ``cross_entropy``: a class 0..K−1, int ``(1,)``; ``mse``: a number, shaped like the
    training targets (``(1, 1)`` for regression data, ``(1,)`` otherwise).
    """
    loss = trainer.network.loss.name
    value = float(label)
    if not np.isfinite(value):
        raise SourceError(QT_TR_NOOP("the target must be a finite number, got {label}"),
                          label=repr(label))  # fmt: skip
    if loss == "cross_entropy":
        classes = trainer.network.sizes[-1]
        if value != int(value) or not 0 <= value < classes:
            raise SourceError(QT_TR_NOOP("the target must be a class 0..{last}, got {label}"),
                              last=classes - 1, label=repr(label))  # fmt: skip
        return np.array([int(value)], dtype=np.int64)
    if loss == "bce":
        if not 0.0 <= value <= 1.0:
            raise SourceError(
                QT_TR_NOOP("the target of cross-entropy must be in [0, 1], got {label}"),
                label=repr(label),
            )
        return np.array([value])
    return np.full((1, *trainer.data.y_train.shape[1:]), value)


def make_source(
    trainer: Trainer,
    kind: str,
    *,
    index: int | None = None,
    x: tuple[float, float] | None = None,
    y: float | None = None,
) -> Source:
    """The source ``kind`` for ``trainer`` (see :meth:`LectureSession.set_source`).

    Raises ``ValueError`` for an unknown kind, a sample index out of range, a custom point
    without its target or with a target the loss cannot take, or a one-sample source on a
    network with batch normalisation (which needs at least 2 samples).
    """
    if kind not in SOURCES:
        raise ValueError(f"source must be one of {', '.join(SOURCES)}, got {kind!r}")
    if kind == "batch":
        return Source()
    if any(layer.bn is not None for layer in trainer.network.layers):
        raise SourceError(
            QT_TR_NOOP("batch normalisation needs at least 2 samples: use the mini-batch source")
        )
    data = trainer.data
    if kind == "sample":
        n = len(data.train)
        if index is None or not 0 <= int(index) < n:
            raise SourceError(QT_TR_NOOP("index must be a training sample 0..{last}, got {index}"),
                              last=n - 1, index=index)  # fmt: skip
        i = int(index)
        point = (float(data.train.x[i, 0]), float(data.train.x[i, 1]))
        label: Any = data.train.y[i]
        features, target = data.x_train[i : i + 1].copy(), data.y_train[i : i + 1].copy()
        return Source(kind, i, point, float(label), features, target)
    if x is None or y is None or len(x) != 2:
        raise SourceError(QT_TR_NOOP("a custom sample needs x=(x1, x2) and y=its target"))
    point = (float(x[0]), float(x[1]))
    if not np.all(np.isfinite(point)):
        raise SourceError(QT_TR_NOOP("x must be finite, got {x}"), x=repr(x))
    features = feature_matrix(np.array([point]), data.features)
    return Source(kind, None, point, float(y), features, custom_target(trainer, y))
