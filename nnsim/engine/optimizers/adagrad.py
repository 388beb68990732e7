"""Adagrad, as ``torch.optim.Adagrad``."""

from __future__ import annotations

import numpy as np

from nnsim.engine.hyperparameters import NON_NEGATIVE, HyperParameter
from nnsim.engine.optimizers.base import WEIGHT_DECAY, Array, Optimizer, State, eps, learning_rate
from nnsim.engine.text import QT_TR_NOOP

__all__ = ["Adagrad"]


class Adagrad(Optimizer):
    """Adagrad, as ``torch.optim.Adagrad``.

    The sum s starts at ``initial_accumulator_value``. Step t = 1, 2, ..., with η = ``lr_decay``::

        g ← ∇f(θ)
        γ̃ ← γ / (1 + (t − 1) η)
        if λ ≠ 0:  g ← g + λ θ
        s ← s + g²
        θ ← θ − γ̃ g / (√s + ε)

    Hyper-parameters as in :attr:`HYPERPARAMETERS` (PyTorch's names and defaults).
    """

    name = "adagrad"
    title = "Adagrad"
    summary = QT_TR_NOOP(
        "Divides the rate by the root of the sum of all past g², per weight: "
        "rarely-updated "
        "weights keep larger steps; the rate only ever shrinks."
    )
    formula = "s ← s + g²;  θ ← θ − η·g / (√s + ε)"
    HYPERPARAMETERS = (
        learning_rate(0.01),
        HyperParameter(
            "lr_decay", 0.0, "float",
                QT_TR_NOOP("The rate is η / (1 + (t − 1)·lr_decay) at step t."),
            NON_NEGATIVE, label=QT_TR_NOOP("lr_decay"),
        ),
        WEIGHT_DECAY,
        HyperParameter(
            "initial_accumulator_value", 0.0, "float",
                QT_TR_NOOP("Start value of the sum of g² (read at "
            "the first step)."), NON_NEGATIVE, label=QT_TR_NOOP("initial acc."),
        ),
        eps(1e-10),
    )  # fmt: skip
    _BUFFERS = ("sum",)

    def _init_state(self, theta: Array) -> State:
        return {"sum": np.full_like(theta, self._hp["initial_accumulator_value"])}

    def _update(self, theta: Array, g: Array, state: State, tmp: Array, tmp2: Array) -> None:
        hp = self._hp
        clr = hp["lr"] / (1 + (state["step"] - 1) * hp["lr_decay"])  # γ̃ ← γ / (1 + (t − 1) η)
        if self._is_on(hp["weight_decay"]):
            g = self._plus_weight_decay(g, theta, hp["weight_decay"], out=tmp)  # g ← g + λθ
        state["sum"] += np.multiply(g, g, out=tmp2)  # s ← s + g²
        denom = np.add(np.sqrt(state["sum"], out=tmp2), hp["eps"], out=tmp2)  # √s + ε
        theta -= np.multiply(np.divide(g, denom, out=tmp2), clr, out=tmp2)  # θ ← θ − γ̃ g/(√s+ε)
