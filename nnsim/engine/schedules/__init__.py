"""Learning-rate schedules, named as in ``torch.optim.lr_scheduler`` (and Keras).

Each schedule declares its hyper-parameters once (``HYPERPARAMETERS``, see
:mod:`nnsim.engine.hyperparameters`) and computes the rate as a pure function of ``t``
(:mod:`nnsim.engine.schedules.base` explains ``t`` and the warm-up shared by all).

Examples
--------
>>> s = make_schedule("step", 0.1, step_size=10, gamma=0.5)
>>> s.lr(0), s.lr(10), s.lr(25)
(0.1, 0.05, 0.025)
"""

from __future__ import annotations

from typing import Any

from nnsim.engine.registry import look_up
from nnsim.engine.schedules.base import Schedule
from nnsim.engine.schedules.cosine import CosineAnnealingLR
from nnsim.engine.schedules.curves import lr_curve, momentum_curve
from nnsim.engine.schedules.decay import Constant, ExponentialLR, InverseTimeDecay, StepLR
from nnsim.engine.schedules.one_cycle import OneCycleLR
from nnsim.engine.schedules.plateau import ReduceLROnPlateau

__all__ = [
    "SCHEDULES",
    "Constant",
    "CosineAnnealingLR",
    "ExponentialLR",
    "InverseTimeDecay",
    "OneCycleLR",
    "ReduceLROnPlateau",
    "Schedule",
    "StepLR",
    "lr_curve",
    "make_schedule",
    "momentum_curve",
    "schedule_class",
]

SCHEDULES: dict[str, type[Schedule]] = {
    cls.name: cls
    for cls in (
        Constant,
        InverseTimeDecay,
        StepLR,
        ExponentialLR,
        CosineAnnealingLR,
        OneCycleLR,
        ReduceLROnPlateau,
    )
}


def schedule_class(name: str) -> type[Schedule]:
    """The schedule registered as ``name``, or a ``ValueError`` listing the allowed names."""
    return look_up(SCHEDULES, "schedule", name)


def make_schedule(name: str, lr0: float, **params: Any) -> Schedule:
    """Build a schedule by registry name.

    Parameters
    ----------
    name : str
        One of ``SCHEDULES``: constant, inverse_time, step, exponential, cosine, one_cycle, plateau.
    lr0 : float
        Initial learning rate; for one_cycle it is ``max_lr`` unless ``max_lr`` is given, in which
        case ``lr0`` is ignored (as torch ignores the optimiser's lr).
    **params
        The schedule's keyword arguments (see its class), plus ``warmup_steps``.

    Raises
    ------
    ValueError
        Unknown name, unknown or missing parameter, invalid or non-finite value.
    """
    cls = schedule_class(name)
    return cls(**{cls.lr0_field: lr0, **params})
