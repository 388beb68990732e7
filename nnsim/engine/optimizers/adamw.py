"""AdamW, as ``torch.optim.AdamW``."""

from __future__ import annotations

import dataclasses

from nnsim.engine.optimizers.adam import AMSGRAD, BETAS, Adam
from nnsim.engine.optimizers.base import WEIGHT_DECAY, eps, learning_rate
from nnsim.engine.text import QT_TR_NOOP

__all__ = ["AdamW"]


class AdamW(Adam):
    """AdamW, as ``torch.optim.AdamW``: Adam with decoupled weight decay.

    Identical to :class:`Adam` except that the weight decay is not added to the gradient: it
    shrinks the parameters before the Adam step::

        θ ← θ − γ λ θ        (computed as θ ← (1 − γλ) θ, like torch)
        then the Adam step, with g = ∇f(θ) unchanged

    Hyper-parameters as :class:`Adam`, but ``weight_decay`` defaults to 0.01 (PyTorch's).
    """

    name = "adamw"
    title = "AdamW"
    summary = QT_TR_NOOP("Adam with decoupled weight decay (θ shrinks by η·λ·θ each step).")
    formula = QT_TR_NOOP("θ ← θ − η·λ·θ, then the Adam step")
    HYPERPARAMETERS = (
        learning_rate(0.001),
        BETAS,
        eps(1e-8),
        dataclasses.replace(
            WEIGHT_DECAY, default=0.01, help=QT_TR_NOOP("Shrinks every weight by η·λ·θ each step, "
            "apart from the Adam step (decoupled).")
        ),
        AMSGRAD,
    )  # fmt: skip
    _decoupled_weight_decay = True
