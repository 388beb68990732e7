"""Losses: the number J that gradient descent pushes down, and its gradient.

Every loss is the mean over the batch. ``value(z, a, y)`` gives J from the
output layer's pre-activation ``z`` and activation ``a``;
``grad_z(z, a, y)`` gives dJ/dz, the δ of the output layer where backprop starts. Both take
an optional ``out`` (an array shaped like ``z``) that they may compute in, as activations do.

Cross-entropy losses are computed from logits (``z``), never from ``log(a)``:
``log(σ(z))`` rounds to ``log(0)`` once σ saturates, the logit form never does.
"""

from __future__ import annotations

import numpy as np

from nnsim.engine.activations import F64, ZERO, Activation, Out


class Loss:
    """Base class. ``output_activation`` is the activation the loss is fused with, if any."""

    name: str = ""
    formula: str = ""
    output_activation: str | None = None

    def value(self, z: np.ndarray, a: np.ndarray, y: np.ndarray, out: Out = None) -> float:
        raise NotImplementedError

    def grad_z(
        self, z: np.ndarray, a: np.ndarray, y: np.ndarray, activation: Activation, out: Out = None
    ) -> np.ndarray:
        raise NotImplementedError

    def grad_a(self, a: np.ndarray, y: np.ndarray) -> np.ndarray | None:
        """dJ/dA of the output, for display: backprop itself uses the fused :meth:`grad_z`.
        None where J is only defined through z (softmax cross-entropy)."""
        return None


class BinaryCrossEntropy(Loss):
    """J = −mean(y·log σ(z) + (1 − y)·log(1 − σ(z))), on a sigmoid output.

    Stable form (as ``torch.nn.BCEWithLogitsLoss``): ``J = mean(softplus(z) − z·y)``, with
    ``softplus(z) = log(1 + e^z) = max(z, 0) + log(1 + e^{−|z|})``; the fused gradient is
    ``dJ/dz = (σ(z) − y) / n``.
    """

    name = "bce"
    formula = "J = −(1/n)·Σ [y·log(a) + (1 − y)·log(1 − a)]"
    output_activation = "sigmoid"

    def value(self, z: np.ndarray, a: np.ndarray, y: np.ndarray, out: Out = None) -> float:
        zero = ZERO if z.dtype is F64 else 0.0  # (see activations.ONE)
        softplus = np.logaddexp(zero, z, out)  # max(z, 0) + log1p(e^{−|z|}), never overflows
        return (float(np.add.reduce(softplus, None)) - float(np.vdot(y, z))) / z.size

    def grad_z(
        self, z: np.ndarray, a: np.ndarray, y: np.ndarray, activation: Activation, out: Out = None
    ) -> np.ndarray:
        g = np.subtract(a, y.reshape(a.shape), out)
        g *= 1.0 / z.shape[0]
        return g

    def grad_a(self, a: np.ndarray, y: np.ndarray) -> np.ndarray:
        y = y.reshape(a.shape)  # the article's dA = −(Y/A − (1−Y)/(1−A)), averaged
        return (-(y / a) + (1.0 - y) / (1.0 - a)) / a.shape[0]


class CrossEntropy(Loss):
    """Softmax cross-entropy with integer labels, as ``torch.nn.CrossEntropyLoss``.

    ``J = mean(logsumexp(z) − z[y])``; fused gradient ``dJ/dz = (softmax(z) − onehot(y)) / n``.
    """

    name = "cross_entropy"
    formula = "J = −(1/n)·Σ log(softmax(z)[y])"
    output_activation = "softmax"

    def value(self, z: np.ndarray, a: np.ndarray, y: np.ndarray, out: Out = None) -> float:
        y = y.astype(np.intp, copy=False)  # binary data may come as 0.0/1.0
        m = z.max(axis=1, keepdims=True)
        lse = np.log(np.exp(z - m).sum(axis=1)) + m[:, 0]
        return float(np.mean(lse - z[np.arange(z.shape[0]), y]))

    def grad_z(
        self, z: np.ndarray, a: np.ndarray, y: np.ndarray, activation: Activation, out: Out = None
    ) -> np.ndarray:
        g = a.copy()
        g[np.arange(z.shape[0]), y.astype(np.intp, copy=False)] -= 1.0
        g *= 1.0 / z.shape[0]
        return g


class MeanSquaredError(Loss):
    """J = mean((ŷ − y)²) over every output of every sample, as ``torch.nn.MSELoss``.

    ``dJ/da = 2(a − y) / (n·k)``, then through the output activation's derivative.
    """

    name = "mse"
    formula = "J = (1/n)·Σ (a − y)²"

    def value(self, z: np.ndarray, a: np.ndarray, y: np.ndarray, out: Out = None) -> float:
        d = a - y.reshape(a.shape)
        return float(np.mean(d * d))

    def grad_z(
        self, z: np.ndarray, a: np.ndarray, y: np.ndarray, activation: Activation, out: Out = None
    ) -> np.ndarray:
        return activation.backward(z, a, self.grad_a(a, y), out)

    def grad_a(self, a: np.ndarray, y: np.ndarray) -> np.ndarray:
        return (a - y.reshape(a.shape)) * (2.0 / a.size)


LOSSES: dict[str, Loss] = {
    loss.name: loss for loss in (BinaryCrossEntropy(), CrossEntropy(), MeanSquaredError())
}


def get_loss(name: str) -> Loss:
    """The loss called ``name``; ``ValueError`` listing the allowed names otherwise."""
    try:
        return LOSSES[name]
    except KeyError:
        raise ValueError(f"unknown loss {name!r}; allowed: {', '.join(LOSSES)}") from None
