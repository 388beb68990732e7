"""Gradient clipping, as ``torch.nn.utils.clip_grad_norm_`` and ``clip_grad_value_``."""

from __future__ import annotations

import math

import numpy as np


def clip_grad_norm(grad: np.ndarray, max_norm: float) -> float:
    """Scale ``grad`` in place so its global L2 norm is at most ``max_norm``.

    As PyTorch: ``coef = max_norm / (‖g‖ + 1e-6)``; ``g ← g·min(coef, 1)``.
    Returns the norm before clipping.
    """
    if not (max_norm > 0.0 and math.isfinite(max_norm)):
        raise ValueError(f"max_norm must be a finite number > 0, got {max_norm}")
    total = float(np.sqrt(np.dot(grad, grad)))
    coef = max_norm / (total + 1e-6)
    if coef < 1.0:
        grad *= coef
    return total


def clip_grad_value(grad: np.ndarray, clip_value: float) -> None:
    """Clamp every gradient component to [−clip_value, clip_value] in place."""
    if not (clip_value > 0.0 and math.isfinite(clip_value)):
        raise ValueError(f"clip_value must be a finite number > 0, got {clip_value}")
    np.clip(grad, -clip_value, clip_value, out=grad)


def clip_grad(grad: np.ndarray, mode: str, threshold: float) -> None:
    """Clip ``grad`` in place: by its norm (``mode`` "norm", ``threshold`` the max_norm) or
    each value (``mode`` "value", ``threshold`` the clip_value)."""
    if mode == "norm":
        clip_grad_norm(grad, threshold)
    else:
        clip_grad_value(grad, threshold)
