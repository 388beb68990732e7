"""SGD, as ``torch.optim.SGD``."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np

from nnsim.engine.hyperparameters import NON_NEGATIVE, UNIT, HyperParameter
from nnsim.engine.optimizers.base import WEIGHT_DECAY, Array, Optimizer, State, learning_rate
from nnsim.engine.text import QT_TR_NOOP

__all__ = ["SGD"]


class SGD(Optimizer):
    """Stochastic gradient descent with optional (Nesterov) momentum, as ``torch.optim.SGD``.

    One step, with γ = ``lr``, μ = ``momentum``, τ = ``dampening``, λ = ``weight_decay``::

        g ← ∇f(θ)
        if λ ≠ 0:  g ← g + λ θ
        if μ ≠ 0:
            b ← g                   on the first step with momentum
            b ← μ b + (1 − τ) g     on later steps
            g ← g + μ b  if nesterov,  else  g ← b
        θ ← θ − γ g

    Hyper-parameters as in :attr:`HYPERPARAMETERS` (PyTorch's; ``lr`` defaults to 0.01, where
    PyTorch has no default). ``nesterov`` requires ``momentum > 0`` and ``dampening == 0``.
    """

    name = "sgd"
    title = "SGD"
    summary = QT_TR_NOOP(
        "Stochastic gradient descent: a step against the gradient, optionally with momentum."
    )
    formula = "b ← μ·b + (1 − τ)·g;  θ ← θ − η·b  (μ = 0: θ ← θ − η·g)"
    has_momentum = True
    HYPERPARAMETERS = (
        learning_rate(0.01),
        HyperParameter(
            "momentum", 0.0, "float",
                QT_TR_NOOP("Keeps the step going the way it was going; 0.9 is typical."),
            NON_NEGATIVE, symbol="μ", label=QT_TR_NOOP("momentum"),
        ),
        HyperParameter(
            "dampening", 0.0, "float",
                QT_TR_NOOP("Scales down the new gradient's share in the momentum."),
            UNIT, symbol="τ", label=QT_TR_NOOP("dampening"),
        ),
        HyperParameter(
            "nesterov", False, "bool",
                QT_TR_NOOP("Nesterov momentum: step with g + μ·b, a look ahead "
            "(needs momentum > 0 and dampening 0)."), label="Nesterov",
        ),
        WEIGHT_DECAY,
    )  # fmt: skip
    _BUFFERS = ("momentum_buffer",)

    @classmethod
    def _check_combination(cls, hp: Mapping[str, Any]) -> None:
        if hp["nesterov"] and (hp["momentum"] <= 0 or hp["dampening"] != 0):
            raise ValueError(
                "nesterov=True requires momentum > 0 and dampening == 0, "
                f"got momentum={hp['momentum']}, dampening={hp['dampening']}"
            )

    def _update(self, theta: Array, g: Array, state: State, tmp: Array, tmp2: Array) -> None:
        hp = self._hp
        lr, momentum, weight_decay = hp["lr"], hp["momentum"], hp["weight_decay"]
        if self._is_on(weight_decay):
            g = self._plus_weight_decay(g, theta, weight_decay, out=tmp)  # g ← g + λθ
        if self._is_on(momentum):
            b = state.get("momentum_buffer")
            if b is None:
                b = state["momentum_buffer"] = g.copy()  # b ← g
            else:
                b *= momentum  # b ← μ b + (1 − τ) g
                b += np.multiply(g, 1 - hp["dampening"], out=tmp2)
            # g ← g + μ b  if nesterov,  else  g ← b
            g = np.add(g, np.multiply(b, momentum, out=tmp2), out=tmp2) if hp["nesterov"] else b
        theta -= np.multiply(g, lr, tmp2)  # θ ← θ − γ g
