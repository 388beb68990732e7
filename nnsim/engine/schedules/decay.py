r"""The rate as a closed-form function of ``t``: constant, Keras ``InverseTimeDecay``, torch's
``StepLR`` and ``ExponentialLR``."""

from __future__ import annotations

from typing import Any

import numpy as np

from nnsim.engine.hyperparameters import (
    NON_NEGATIVE,
    POSITIVE,
    REQUIRED,
    HyperParameter,
    Interval,
)
from nnsim.engine.schedules.base import LR0, FloatArray, IntArray, Schedule
from nnsim.engine.text import QT_TR_NOOP

__all__ = ["Constant", "ExponentialLR", "InverseTimeDecay", "StepLR"]

DECAY_FACTOR = Interval(0.0, 1.0, low_open=True)  # gamma: (0, 1]


def _gamma(default: Any, help: str, suggested: Any = None) -> HyperParameter:
    return HyperParameter(
        "gamma", default, "float", help, DECAY_FACTOR, symbol="γ", suggested=suggested
    )


class Constant(Schedule):
    r""":math:`\mathrm{lr}(t) = \mathrm{lr}_0` (torch: no scheduler)."""

    name = "constant"
    title = QT_TR_NOOP("constant")
    summary = QT_TR_NOOP("η stays at the learning rate.")
    formula = "η_t = η₀"
    torch_name = QT_TR_NOOP("(no scheduler)")
    lr0: float

    def _lr(self, t: IntArray) -> FloatArray:
        return np.full(t.shape, self.lr0)


class InverseTimeDecay(Schedule):
    r"""Keras ``InverseTimeDecay``.

    .. math::

        \mathrm{lr}(t) = \frac{\mathrm{lr}_0}{1 + \mathrm{decay\_rate} \cdot p}, \qquad
        p = t / \mathrm{decay\_steps} \quad
        (p = \lfloor t / \mathrm{decay\_steps} \rfloor \text{ if staircase}).

    With the default ``decay_steps=1`` this is :math:`\mathrm{lr}_0 / (1 + \mathrm{decay\_rate}
    \cdot t)`; e.g. lr0=0.1, decay_rate=0.01 gives 0.1/1.1 ≈ 0.0909 at t=10.
    """

    name = "inverse_time"
    title = QT_TR_NOOP("inverse time")
    summary = QT_TR_NOOP("η falls as 1/t: η₀ / (1 + decay_rate · t / decay_steps).")
    formula = "η_t = η₀ / (1 + decay_rate · t / decay_steps)"
    torch_name = "keras InverseTimeDecay"
    HYPERPARAMETERS = (
        LR0,
        HyperParameter(
            "decay_rate",
            REQUIRED,
            "float",
            QT_TR_NOOP("How fast η decays."),
            NON_NEGATIVE,
            suggested=0.001,
            label=QT_TR_NOOP("decay_rate"),
        ),
        HyperParameter(
            "decay_steps",
            1.0,
            "float",
            QT_TR_NOOP("t is counted in units of decay_steps."),
            POSITIVE,
            label=QT_TR_NOOP("decay_steps"),
        ),
        HyperParameter(
            "staircase",
            False,
            "bool",
            QT_TR_NOOP("Decay in jumps every decay_steps instead of smoothly."),
            label=QT_TR_NOOP("staircase"),
        ),
    )
    lr0: float
    decay_rate: float
    decay_steps: float
    staircase: bool

    def _lr(self, t: IntArray) -> FloatArray:
        p = t / self.decay_steps
        if self.staircase:
            p = np.floor(p)
        return self.lr0 / (1.0 + self.decay_rate * p)


class StepLR(Schedule):
    r"""PyTorch ``StepLR``: :math:`\mathrm{lr}(t) = \mathrm{lr}_0 \cdot
    \gamma^{\lfloor t / \mathrm{step\_size} \rfloor}`."""

    name = "step"
    title = QT_TR_NOOP("step")
    summary = QT_TR_NOOP("η is multiplied by gamma every step_size units.")
    formula = "η_t = η₀ · γ^⌊t / step_size⌋"
    torch_name = "StepLR"
    HYPERPARAMETERS = (
        LR0,
        HyperParameter(
            "step_size", REQUIRED, "int", QT_TR_NOOP("Multiply η by gamma every step_size units."),
            Interval(1.0), suggested=500, label=QT_TR_NOOP("step_size"),
        ),
        _gamma(0.1, QT_TR_NOOP("Multiplicative decay of η at each step_size.")),
    )  # fmt: skip
    lr0: float
    step_size: int
    gamma: float

    def _lr(self, t: IntArray) -> FloatArray:
        return self.lr0 * self.gamma ** (t // self.step_size).astype(np.float64)


class ExponentialLR(Schedule):
    r"""PyTorch ``ExponentialLR``: :math:`\mathrm{lr}(t) = \mathrm{lr}_0 \cdot \gamma^t`."""

    name = "exponential"
    title = QT_TR_NOOP("exponential")
    summary = QT_TR_NOOP("η is multiplied by gamma every unit.")
    formula = "η_t = η₀ · γ^t"
    torch_name = "ExponentialLR"
    HYPERPARAMETERS = (
        LR0,
        _gamma(REQUIRED, QT_TR_NOOP("Multiplicative decay of η per unit."), 0.999),
    )
    lr0: float
    gamma: float

    def _lr(self, t: IntArray) -> FloatArray:
        return self.lr0 * self.gamma ** t.astype(np.float64)
