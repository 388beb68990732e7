"""Gradient-descent optimizers with the exact update rules of ``torch.optim``, one per module.

Every optimizer updates NumPy ``float64`` parameter arrays *in place*. The network hands over one
flat contiguous vector holding all of its parameters, so each update is a handful of vectorised
NumPy calls on the whole array, writing into preallocated scratch buffers.

Notation in the docstrings is PyTorch's: θ parameters, g gradient, γ learning rate (``lr``),
λ weight decay, μ momentum, t the step number (1 for the first step); the window and the README
write the learning rate η, as the course does. Each optimizer declares its hyper-parameters
once (``HYPERPARAMETERS``, see :mod:`nnsim.engine.hyperparameters`), with PyTorch's names and
defaults (SGD additionally gets the default ``lr=0.01``).

Examples
--------
>>> import numpy as np
>>> theta = np.array([1.0, -2.0])
>>> opt = make_optimizer("adam", [theta], lr=0.1)
>>> opt.step([2.0 * theta])  # gradient of |θ|²; theta is updated in place
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from nnsim.engine.optimizers.adagrad import Adagrad
from nnsim.engine.optimizers.adam import Adam
from nnsim.engine.optimizers.adamw import AdamW
from nnsim.engine.optimizers.base import Optimizer
from nnsim.engine.optimizers.rmsprop import RMSprop
from nnsim.engine.optimizers.sgd import SGD
from nnsim.engine.registry import look_up

__all__ = [
    "OPTIMIZERS",
    "SGD",
    "Adagrad",
    "Adam",
    "AdamW",
    "Optimizer",
    "RMSprop",
    "make_optimizer",
    "optimizer_class",
]

OPTIMIZERS: dict[str, type[Optimizer]] = {
    cls.name: cls for cls in (SGD, Adagrad, RMSprop, Adam, AdamW)
}


def optimizer_class(name: str) -> type[Optimizer]:
    """The optimizer registered as ``name``, or a ``ValueError`` listing the allowed names."""
    return look_up(OPTIMIZERS, "optimizer", name.lower() if isinstance(name, str) else name)


def make_optimizer(name: str, params: Sequence[np.ndarray], **hyperparams: Any) -> Optimizer:
    """Create the optimizer registered as ``name`` (see :data:`OPTIMIZERS`).

    Raises
    ------
    ValueError
        For an unknown optimizer name or hyper-parameter name (the allowed ones are listed), or
        an invalid hyper-parameter value.
    """
    return optimizer_class(name)(params, **hyperparams)
