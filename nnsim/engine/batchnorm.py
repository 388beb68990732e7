"""Batch normalisation of a dense layer's output, as ``torch.nn.BatchNorm1d``.

Training (batch statistics, biased variance)::

    μ = mean(z),  σ² = mean((z − μ)²),  ẑ = (z − μ) / √(σ² + ε),  y = γ·ẑ + β
    running_mean ← (1 − m)·running_mean + m·μ
    running_var  ← (1 − m)·running_var  + m·σ²·n/(n − 1)     (unbiased, as PyTorch)

Evaluation uses the running statistics instead of the batch's. ε = 1e-5, m = 0.1.
"""

from __future__ import annotations

import numpy as np

EPS = 1e-5
MOMENTUM = 0.1


class BatchNormState:
    """The parameter views (γ, β and their gradients) and running buffers of one layer."""

    __slots__ = ("beta", "gamma", "grad_beta", "grad_gamma", "running_mean", "running_var")

    def __init__(
        self,
        gamma: np.ndarray,
        beta: np.ndarray,
        grad_gamma: np.ndarray,
        grad_beta: np.ndarray,
        units: int,
    ) -> None:
        self.gamma, self.beta = gamma, beta
        self.grad_gamma, self.grad_beta = grad_gamma, grad_beta
        self.running_mean = np.zeros(units)
        self.running_var = np.ones(units)


def forward_train(bn: BatchNormState, z: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Normalise with batch statistics and update the running ones; returns (y, ẑ, 1/√(σ²+ε))."""
    n = z.shape[0]
    if n < 2:
        raise ValueError("batch normalisation needs at least 2 samples per batch in training")
    mu = z.mean(axis=0)
    centred = z - mu
    var = np.mean(centred * centred, axis=0)
    inv_std = 1.0 / np.sqrt(var + EPS)
    z_hat = centred * inv_std
    bn.running_mean *= 1.0 - MOMENTUM
    bn.running_mean += MOMENTUM * mu
    bn.running_var *= 1.0 - MOMENTUM
    bn.running_var += (MOMENTUM * n / (n - 1)) * var
    return z_hat * bn.gamma + bn.beta, z_hat, inv_std


def forward_eval(bn: BatchNormState, z: np.ndarray) -> np.ndarray:
    """Normalise with the running statistics (evaluation mode)."""
    return (z - bn.running_mean) * (bn.gamma / np.sqrt(bn.running_var + EPS)) + bn.beta


def folded(bn: BatchNormState, W: np.ndarray, b: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The weights and biases of one affine map equal to :func:`forward_eval` after the
    layer's ``z = W·a + b`` (evaluation mode): with s = γ/√(σ²_run+ε),
    W′ = diag(s)·W and b′ = (b − μ_run)·s + β."""
    s = bn.gamma / np.sqrt(bn.running_var + EPS)
    return W * s[:, None], (b - bn.running_mean) * s + bn.beta


def backward(
    bn: BatchNormState, grad_y: np.ndarray, z_hat: np.ndarray, inv_std: np.ndarray
) -> np.ndarray:
    """Write dJ/dγ, dJ/dβ; return dJ/dz.

    With g = dJ/dẑ = γ·dJ/dy:  dJ/dz = (1/√(σ²+ε))·(g − mean(g) − ẑ·mean(g·ẑ)).
    """
    np.sum(grad_y * z_hat, axis=0, out=bn.grad_gamma)
    np.sum(grad_y, axis=0, out=bn.grad_beta)
    g = grad_y * bn.gamma
    return (g - g.mean(axis=0) - z_hat * np.mean(g * z_hat, axis=0)) * inv_std
