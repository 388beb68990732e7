"""RMSprop, as ``torch.optim.RMSprop``."""

from __future__ import annotations

import numpy as np

from nnsim.engine.hyperparameters import NON_NEGATIVE, UNIT, HyperParameter
from nnsim.engine.optimizers.base import WEIGHT_DECAY, Array, Optimizer, State, eps, learning_rate
from nnsim.engine.text import QT_TR_NOOP

__all__ = ["RMSprop"]


class RMSprop(Optimizer):
    """RMSprop, as ``torch.optim.RMSprop``.

    v, ḡ and b start at 0. One step, with α = ``alpha``, μ = ``momentum``::

        g ← ∇f(θ)
        if λ ≠ 0:  g ← g + λ θ
        v ← α v + (1 − α) g²
        ṽ ← v
        if centered:
            ḡ ← α ḡ + (1 − α) g
            ṽ ← ṽ − ḡ²
        if μ > 0:
            b ← μ b + g / (√ṽ + ε)
            θ ← θ − γ b
        else:
            θ ← θ − γ g / (√ṽ + ε)

    ε is added after the square root. Exactly, v − ḡ² >= 0; should rounding make it negative it
    is clipped to 0 before the square root (where torch would produce NaN).

    Hyper-parameters as in :attr:`HYPERPARAMETERS` (PyTorch's names and defaults).
    """

    name = "rmsprop"
    title = "RMSprop"
    summary = QT_TR_NOOP("Divides the rate by a running RMS of recent gradients, per weight.")
    formula = "v ← α·v + (1 − α)·g²;  θ ← θ − η·g / (√v + ε)"
    has_momentum = True
    HYPERPARAMETERS = (
        learning_rate(0.01),
        HyperParameter(
            "alpha", 0.99, "float",
                QT_TR_NOOP("Smoothing of the running mean of g²: v ← α·v + (1 − α)·g²."),
            UNIT, symbol="α",
        ),
        eps(1e-8),
        WEIGHT_DECAY,
        HyperParameter(
            "momentum", 0.0, "float",
                QT_TR_NOOP("b ← μ·b + g/(√v + ε), θ ← θ − η·b."), NON_NEGATIVE,
            symbol="μ", label=QT_TR_NOOP("momentum"),
        ),
        HyperParameter(
            "centered", False, "bool",
                QT_TR_NOOP("Divide by an estimate of the gradient's standard "
            "deviation instead of its RMS."), label=QT_TR_NOOP("centered"),
        ),
    )  # fmt: skip
    _BUFFERS = ("square_avg", "momentum_buffer", "grad_avg")

    def _init_state(self, theta: Array) -> State:
        return {"square_avg": np.zeros_like(theta)}

    def _update(self, theta: Array, g: Array, state: State, tmp: Array, tmp2: Array) -> None:
        hp = self._hp
        alpha, momentum = hp["alpha"], hp["momentum"]
        if self._is_on(hp["weight_decay"]):
            g = self._plus_weight_decay(g, theta, hp["weight_decay"], out=tmp)  # g ← g + λθ
        v = state["square_avg"]
        v *= alpha  # v ← α v + (1 − α) g²
        v += np.multiply(np.multiply(g, g, out=tmp2), 1 - alpha, out=tmp2)
        v_tilde = v  # ṽ ← v
        if hp["centered"]:
            g_avg = self._buffer(state, "grad_avg", theta)
            g_avg *= alpha  # ḡ ← α ḡ + (1 − α) g
            g_avg += np.multiply(g, 1 - alpha, out=tmp2)
            v_tilde = np.subtract(v, np.multiply(g_avg, g_avg, out=tmp2), out=tmp2)  # ṽ ← v − ḡ²
            np.maximum(v_tilde, 0.0, out=v_tilde)
        denom = np.add(np.sqrt(v_tilde, out=tmp2), hp["eps"], out=tmp2)  # √ṽ + ε
        step = np.divide(g, denom, out=tmp2)  # g / (√ṽ + ε)
        if self._is_on(momentum):  # μ >= 0, so μ ≠ 0 is μ > 0
            b = self._buffer(state, "momentum_buffer", theta)
            b *= momentum  # b ← μ b + g / (√ṽ + ε)
            b += step
            step = b
        theta -= np.multiply(step, hp["lr"], out=tmp2)  # θ ← θ − γ b  or  θ ← θ − γ g/(√ṽ + ε)
