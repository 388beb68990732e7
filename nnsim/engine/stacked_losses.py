"""The losses of :mod:`nnsim.engine.losses`, reduced per run for K stacked runs.

Arrays are ``(K, B, outputs)``; each loss is the mean over run k's own batch, exactly as the
single-run :class:`~nnsim.engine.losses.Loss` computes it on ``z[k]``. The formulas are the
originals' (each function names the one it restates); ``tests/engine/test_stacked.py`` checks
every one against the original, run by run.
"""

from __future__ import annotations

import numpy as np

from nnsim.engine.activations import Activation
from nnsim.engine.losses import BinaryCrossEntropy, CrossEntropy, Loss, MeanSquaredError

__all__ = ["StackedLoss", "stacked_loss"]


class StackedLoss:
    """Base: ``value`` gives (K,) losses, ``grad_z`` the (K, B, outputs) δ of the output layer.

    Each loss is the mean of its per-element ``terms``; :meth:`values` takes the means of
    consecutive parts of the points (train, then test) from one computation of the terms."""

    name: str = ""

    def terms(self, z: np.ndarray, a: np.ndarray, y: np.ndarray) -> np.ndarray:
        """(K, B, m): the terms whose mean over a run's batch is its loss."""
        raise NotImplementedError

    def value(self, z: np.ndarray, a: np.ndarray, y: np.ndarray) -> np.ndarray:
        return _means(self.terms(z, a, y))

    def values(self, z: np.ndarray, a: np.ndarray, y: np.ndarray, split: int) -> list[np.ndarray]:
        """(K,) losses of points ``[:split]`` and of points ``[split:]``."""
        t = self.terms(z, a, y)
        return [_means(t[:, :split]), _means(t[:, split:])]

    def grad_z(
        self, z: np.ndarray, a: np.ndarray, y: np.ndarray, activation: Activation
    ) -> np.ndarray:
        raise NotImplementedError


class StackedBinaryCrossEntropy(StackedLoss):
    """:class:`~nnsim.engine.losses.BinaryCrossEntropy` per run: ``y`` is (K, B) of 0/1."""

    name = BinaryCrossEntropy.name

    def terms(self, z: np.ndarray, a: np.ndarray, y: np.ndarray) -> np.ndarray:
        t = np.maximum(z, 0.0)  # max(z, 0) − z·y + log(1 + e^{−|z|}), as the original
        t -= z * y.reshape(z.shape)
        t += np.log1p(np.exp(-np.abs(z)))
        return t

    def grad_z(
        self, z: np.ndarray, a: np.ndarray, y: np.ndarray, activation: Activation
    ) -> np.ndarray:
        return (a - y.reshape(a.shape)) * (1.0 / z.shape[1])  # (σ(z) − y) / n


class StackedCrossEntropy(StackedLoss):
    """:class:`~nnsim.engine.losses.CrossEntropy` per run: ``y`` is (K, B) of class labels."""

    name = CrossEntropy.name

    def terms(self, z: np.ndarray, a: np.ndarray, y: np.ndarray) -> np.ndarray:
        labels = y.astype(np.intp, copy=False)[:, :, None]
        m = z.max(axis=2, keepdims=True)  # logsumexp(z) − z[y], as the original
        lse = np.log(np.exp(z - m).sum(axis=2, keepdims=True)) + m
        return lse - np.take_along_axis(z, labels, axis=2)

    def grad_z(
        self, z: np.ndarray, a: np.ndarray, y: np.ndarray, activation: Activation
    ) -> np.ndarray:
        g = a.copy()  # (softmax(z) − onehot(y)) / n
        labels = y.astype(np.intp, copy=False)[:, :, None]
        np.put_along_axis(g, labels, np.take_along_axis(g, labels, axis=2) - 1.0, axis=2)
        g *= 1.0 / z.shape[1]
        return g


class StackedMeanSquaredError(StackedLoss):
    """:class:`~nnsim.engine.losses.MeanSquaredError` per run: ``y`` is (K, B, outputs)."""

    name = MeanSquaredError.name

    def terms(self, z: np.ndarray, a: np.ndarray, y: np.ndarray) -> np.ndarray:
        d = a - y.reshape(a.shape)
        return d * d

    def grad_z(
        self, z: np.ndarray, a: np.ndarray, y: np.ndarray, activation: Activation
    ) -> np.ndarray:
        grad_a = (a - y.reshape(a.shape)) * (2.0 / (a.shape[1] * a.shape[2]))  # 2(a − y)/(n·k)
        return activation.backward(z, a, grad_a)


def _means(t: np.ndarray) -> np.ndarray:
    """(K,): each run's mean of its terms (K, B, m), as ``np.mean`` of the run's (B, m)."""
    return t.sum(axis=(1, 2)) / (t.shape[1] * t.shape[2])


_STACKED: dict[str, StackedLoss] = {
    loss.name: loss
    for loss in (StackedBinaryCrossEntropy(), StackedCrossEntropy(), StackedMeanSquaredError())
}


def stacked_loss(loss: Loss) -> StackedLoss:
    """The per-run form of ``loss``; ``ValueError`` for a loss without one."""
    try:
        return _STACKED[loss.name]
    except KeyError:
        raise ValueError(f"loss {loss.name!r} has no stacked form") from None
