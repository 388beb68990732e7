"""Weight penalties: added to the loss and reported apart from it. Biases are never penalised.

L2:  R = (rate/2)·ΣW²,   dR/dW = rate·W
L1:  R = rate·Σ|W|,      dR/dW = rate·sign(W)
"""

from __future__ import annotations

import numpy as np

KINDS = ("none", "l1", "l2")


def penalty(weights: np.ndarray, kind: str, rate: float) -> float:
    """The regularisation term R for the flat weight vector ``weights``."""
    if kind == "none" or rate == 0.0:
        return 0.0
    if kind == "l2":
        return 0.5 * rate * float(np.dot(weights, weights))
    if kind == "l1":
        return rate * float(np.abs(weights).sum())
    raise ValueError(f"unknown regularization {kind!r}; allowed: {', '.join(KINDS)}")


def add_gradient(grad_weights: np.ndarray, weights: np.ndarray, kind: str, rate: float) -> None:
    """Add dR/dW to ``grad_weights`` in place."""
    if kind == "none" or rate == 0.0:
        return
    if kind == "l2":
        grad_weights += rate * weights
    elif kind == "l1":
        grad_weights += rate * np.sign(weights)
    else:
        raise ValueError(f"unknown regularization {kind!r}; allowed: {', '.join(KINDS)}")
