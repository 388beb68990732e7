r"""PyTorch ``CosineAnnealingLR`` and ``CosineAnnealingWarmRestarts``."""

from __future__ import annotations

import numpy as np

from nnsim.engine.hyperparameters import NON_NEGATIVE, HyperParameter, Interval
from nnsim.engine.schedules.base import LR0, FloatArray, IntArray, Schedule, at_most
from nnsim.engine.text import QT_TR_NOOP

__all__ = ["CosineAnnealingLR"]

_COUNT = Interval(1.0)


class CosineAnnealingLR(Schedule):
    r"""PyTorch ``CosineAnnealingLR`` (closed form), or ``CosineAnnealingWarmRestarts``.

    .. math::

        \mathrm{lr}(t) = \eta_{min} + (\mathrm{lr}_0 - \eta_{min})
        \frac{1 + \cos(\pi T_{cur} / T_i)}{2}

    Without restarts :math:`T_{cur} = t`, :math:`T_i = T_{max}`; like torch, the curve is not
    clamped after :math:`T_{max}` (it rises again, period :math:`2 T_{max}`). With
    ``restarts=True`` the cycles have lengths :math:`T_0, T_0 T_{mult}, T_0 T_{mult}^2, \dots`,
    :math:`T_i` is the length of the cycle containing ``t`` and :math:`T_{cur}` the units since
    its start (so the rate jumps back to lr0 at each restart). ``T_max`` is required unless
    ``restarts`` and ``T_0`` are given; ``T_0`` and ``T_mult`` need ``restarts``; ``eta_min``
    is at most ``lr0``.
    """

    name = "cosine"
    title = QT_TR_NOOP("cosine")
    summary = QT_TR_NOOP(
        "η falls from η₀ to eta_min along a half cosine over T_max (with restarts: "
        "jumps back "
        "to η₀ every T_max)."
    )
    formula = "η_t = η_min + (η₀ − η_min)·(1 + cos(π·t / T_max)) / 2"
    torch_name = "CosineAnnealingLR"
    HYPERPARAMETERS = (
        LR0,
        HyperParameter(
            "T_max", None, "int",
                QT_TR_NOOP("Units from η₀ down to eta_min (half a cosine period)."),
            _COUNT, nullable=True, suggested=2000, label=QT_TR_NOOP("T_max"),
        ),
        HyperParameter(
            "eta_min", 0.0, "float", QT_TR_NOOP("The lowest rate, at most the learning rate."),
            NON_NEGATIVE, symbol="η_min", label=QT_TR_NOOP("eta_min"),
        ),
        HyperParameter(
            "restarts", False, "bool", QT_TR_NOOP("Warm restarts: jump back to η₀ every T_max "
            "(CosineAnnealingWarmRestarts)."), label=QT_TR_NOOP("restarts"),
        ),
        HyperParameter(
            "T_0", None, "int",
                QT_TR_NOOP("Length of the first cycle with restarts (default T_max)."),
            _COUNT, nullable=True, advanced=True,
        ),
        HyperParameter(
            "T_mult", 1, "int",
                QT_TR_NOOP("Each cycle is T_mult times longer than the one before."),
            _COUNT, advanced=True,
        ),
    )  # fmt: skip
    lr0: float
    T_max: int | None
    eta_min: float
    restarts: bool
    T_0: int | None
    T_mult: int

    def _validate(self) -> None:
        at_most("eta_min", self.eta_min, Interval(0.0, self.lr0))
        if self.T_max is None and not (self.restarts and self.T_0 is not None):
            raise ValueError("T_max must be a positive integer, got None")
        if not self.restarts:
            if self.T_0 is not None or self.T_mult != 1:
                raise ValueError("T_0 and T_mult require restarts=True")
            return
        if self.T_0 is None:
            self.T_0 = self.T_max

    def _lr(self, t: IntArray) -> FloatArray:
        t_0 = self.T_0 if self.restarts else self.T_max
        assert t_0 is not None  # _validate made sure
        t_cur: IntArray
        t_i: int | IntArray
        if not self.restarts:
            t_cur, t_i = t, t_0
        elif self.T_mult == 1:
            t_cur, t_i = t % t_0, t_0
        else:  # cycle k starts at T_0 (T_mult^k - 1) / (T_mult - 1); exact integer arithmetic
            starts, lengths = [0], [t_0]
            while t.size and starts[-1] + lengths[-1] <= t.max():
                starts.append(starts[-1] + lengths[-1])
                lengths.append(lengths[-1] * self.T_mult)
            k = np.searchsorted(np.array(starts, dtype=np.int64), t, side="right") - 1
            # the last cycle may be longer than int64 holds (T_mult 2**40): t_i as a float
            t_cur, t_i = t - np.array(starts, dtype=np.int64)[k], np.array(lengths, float)[k]
        return self.eta_min + (self.lr0 - self.eta_min) * (1 + np.cos(np.pi * t_cur / t_i)) / 2
