"""Adam, as ``torch.optim.Adam``."""

from __future__ import annotations

from typing import ClassVar

import numpy as np

from nnsim.engine.hyperparameters import UNIT_OPEN, HyperParameter
from nnsim.engine.optimizers.base import WEIGHT_DECAY, Array, Optimizer, State, eps, learning_rate
from nnsim.engine.text import QT_TR_NOOP

__all__ = ["BETAS", "Adam"]

BETAS = HyperParameter(
    "betas", (0.9, 0.999), "pair",
        QT_TR_NOOP("Decay rates of the running means of g and g²."), UNIT_OPEN,
    symbol="β₁, β₂",
    parts=(
        ("beta1", "β₁", QT_TR_NOOP("Decay of the running mean of g (the momentum part), PyTorch's "
         "betas[0]; 0.9 is typical.")),
        ("beta2", "β₂",
            QT_TR_NOOP("Decay of the running mean of g² (the per-weight scale), PyTorch's "
         "betas[1]; 0.999 is typical.")),
    ),
)  # fmt: skip
AMSGRAD = HyperParameter(
    "amsgrad", False, "bool", QT_TR_NOOP("Use the running maximum of v (the AMSGrad variant): the "
    "per-weight step can only shrink."), label="AMSGrad",
)  # fmt: skip


class Adam(Optimizer):
    """Adam, as ``torch.optim.Adam`` (weight decay as an L2 term added to the gradient).

    m, v and v_max start at 0. Step t = 1, 2, ..., with (β₁, β₂) = ``betas``::

        g ← ∇f(θ)
        if λ ≠ 0:  g ← g + λ θ              (AdamW instead: θ ← θ − γ λ θ)
        m ← β₁ m + (1 − β₁) g
        v ← β₂ v + (1 − β₂) g²
        m̂ ← m / (1 − β₁ᵗ)
        if amsgrad:
            v_max ← max(v_max, v)
            v̂ ← v_max / (1 − β₂ᵗ)
        else:
            v̂ ← v / (1 − β₂ᵗ)
        θ ← θ − γ m̂ / (√v̂ + ε)

    ε is added after the bias correction. Like torch, the last line is evaluated in the
    algebraically identical form θ ← θ − (γ / (1 − β₁ᵗ)) · m / (√v / √(1 − β₂ᵗ) + ε).

    Hyper-parameters as in :attr:`HYPERPARAMETERS` (PyTorch's names and defaults).
    """

    name = "adam"
    title = "Adam"
    summary = QT_TR_NOOP(
        "Momentum (a running mean of g) divided by a running RMS of g, bias-corrected."
    )
    # bias corrections written out: Qt draws a combining circumflex (m̂) over the line above
    formula = (
        "m ← β₁·m + (1 − β₁)·g;  v ← β₂·v + (1 − β₂)·g²;  "
        "θ ← θ − η·(m/(1 − β₁ᵗ)) / (√(v/(1 − β₂ᵗ)) + ε)"
    )
    has_momentum = True
    HYPERPARAMETERS = (learning_rate(0.001), BETAS, eps(1e-8), WEIGHT_DECAY, AMSGRAD)
    _BUFFERS = ("exp_avg", "exp_avg_sq", "max_exp_avg_sq")
    _decoupled_weight_decay: ClassVar[bool] = False

    def get_momentum(self) -> float:
        """β₁ (``betas[0]``), the momentum-like hyper-parameter cycled by one-cycle."""
        return float(self._hp["betas"][0])

    def set_momentum(self, value: float) -> None:
        """Set β₁ (``betas[0]``), keeping β₂."""
        self.set_hyperparameter("betas", (value, self._hp["betas"][1]))

    def _init_state(self, theta: Array) -> State:
        return {"exp_avg": np.zeros_like(theta), "exp_avg_sq": np.zeros_like(theta)}

    def _update(self, theta: Array, g: Array, state: State, tmp: Array, tmp2: Array) -> None:
        hp = self._hp
        lr, weight_decay, t = hp["lr"], hp["weight_decay"], state["step"]
        beta1, beta2 = hp["betas"]
        if self._is_on(weight_decay) and self._decoupled_weight_decay:
            theta *= 1 - lr * weight_decay  # AdamW: θ ← θ − γλθ
        elif self._is_on(weight_decay):
            g = self._plus_weight_decay(g, theta, weight_decay, out=tmp)  # g ← g + λθ
        m, v = state["exp_avg"], state["exp_avg_sq"]
        m *= beta1  # m ← β₁ m + (1 − β₁) g
        m += np.multiply(g, 1 - beta1, out=tmp2)
        v *= beta2  # v ← β₂ v + (1 − β₂) g²
        v += np.multiply(np.multiply(g, g, out=tmp2), 1 - beta2, out=tmp2)
        if hp["amsgrad"]:
            v_max = self._buffer(state, "max_exp_avg_sq", theta)
            v = np.maximum(v_max, v, out=v_max)  # v_max ← max(v_max, v)
        bias_correction1 = 1 - beta1**t
        bias_correction2 = 1 - beta2**t
        denom = np.sqrt(v, out=tmp2)  # √v̂ + ε = √v / √(1 − β₂ᵗ) + ε
        denom /= self._square_root(bias_correction2)
        denom += hp["eps"]
        step = np.divide(m, denom, out=tmp2)  # θ ← θ − γ m̂ / (√v̂ + ε)
        theta -= np.multiply(step, lr / bias_correction1, out=tmp2)
