r"""PyTorch ``OneCycleLR``: learning rate and momentum over one cycle of steps."""

from __future__ import annotations

import numpy as np

from nnsim.engine.hyperparameters import (
    POSITIVE,
    REQUIRED,
    UNIT,
    UNIT_OPEN,
    HyperParameter,
    Interval,
)
from nnsim.engine.schedules.base import FloatArray, IntArray, Schedule
from nnsim.engine.text import QT_TR_NOOP

__all__ = ["OneCycleLR"]


class OneCycleLR(Schedule):
    r"""PyTorch ``OneCycleLR`` (``t`` counts optimiser steps), learning rate and momentum.

    With :math:`T` = ``total_steps``, :math:`p` = ``pct_start``, the phase end steps are exactly
    torch's :math:`e_1 = \mathrm{float}(pT) - 1` and :math:`e_2 = T - 1` (three-phase:
    :math:`e_1`, :math:`\mathrm{float}(2pT) - 2`, :math:`T - 1`). Step :math:`t` lies in the first
    phase with :math:`t \le e_k` (else the last); with :math:`e_0 = 0` and
    :math:`x = (t - e_{k-1}) / (e_k - e_{k-1})`, the value anneals from :math:`a` to :math:`b`:

    .. math::

        \text{cos: } b + \frac{a - b}{2} (1 + \cos \pi x), \qquad \text{linear: } a + (b - a) x.

    Learning rate: initial → max_lr → min (three-phase: initial → max_lr → initial → min), with
    initial = max_lr / div_factor and min = initial / final_div_factor. Momentum (SGD momentum or
    Adam β1), if ``cycle_momentum``: max → base → max (three-phase: max → base → max → max).
    For :math:`t \ge T` the final values (at :math:`T - 1`) are held; torch extrapolates at
    :math:`t = T` and raises beyond. One-cycle already warms up, so ``warmup_steps`` (allowed)
    only prepends an extra linear ramp. ``pct_start * total_steps = 1`` is rejected (a
    zero-length first phase; torch divides by zero).
    """

    name = "one_cycle"
    title = QT_TR_NOOP("one-cycle")
    summary = QT_TR_NOOP(
        "η rises to max_lr, then anneals far below the start, over total_steps "
        "(momentum "
        "cycles the other way)."
    )
    formula = "η: max_lr/div_factor → max_lr → max_lr/(div_factor·final_div_factor)"
    torch_name = "OneCycleLR"
    lr0_field = "max_lr"
    HYPERPARAMETERS = (
        HyperParameter(
            "max_lr", REQUIRED, "float", QT_TR_NOOP("Peak rate of the cycle (default: the learning "
            "rate)."), POSITIVE, symbol="η_max", label=QT_TR_NOOP("max_lr"),
        ),
        HyperParameter(
            "total_steps", REQUIRED, "int", QT_TR_NOOP("Length of the whole cycle, in steps."),
            Interval(1.0), suggested=2000, label=QT_TR_NOOP("total_steps"),
        ),
        HyperParameter("pct_start", 0.3, "float",
            QT_TR_NOOP("Share of the cycle spent raising η."), UNIT, label=QT_TR_NOOP("pct_start")),
        HyperParameter(
            "anneal_strategy", "cos", "choice", QT_TR_NOOP("How η moves between its values."),
            choices=("cos", "linear"), advanced=True,
        ),
        HyperParameter(
            "div_factor", 25.0, "float",
                QT_TR_NOOP("The cycle starts at max_lr / div_factor."), POSITIVE,
            advanced=True,
        ),
        HyperParameter(
            "final_div_factor", 1e4, "float", QT_TR_NOOP("The cycle ends at the start rate / "
            "final_div_factor."), POSITIVE, advanced=True,
        ),
        HyperParameter(
            "three_phase", False, "bool",
                QT_TR_NOOP("Come back down to the start rate before the final "
            "annealing."), advanced=True,
        ),
        HyperParameter(
            "cycle_momentum", True, "bool",
                QT_TR_NOOP("Cycle the momentum (SGD momentum or Adam's β₁) "
            "against η."), advanced=True,
        ),
        HyperParameter(
            "base_momentum", 0.85, "float",
                QT_TR_NOOP("The momentum at the rate's peak."), UNIT_OPEN,
            advanced=True,
        ),
        HyperParameter(
            "max_momentum", 0.95, "float",
                QT_TR_NOOP("The momentum at the start and the end."), UNIT_OPEN,
            advanced=True,
        ),
    )  # fmt: skip
    max_lr: float
    total_steps: int
    pct_start: float
    anneal_strategy: str
    div_factor: float
    final_div_factor: float
    three_phase: bool
    cycle_momentum: bool
    base_momentum: float
    max_momentum: float

    def _validate(self) -> None:
        p, T = self.pct_start, self.total_steps
        if float(p * T) - 1 == 0:
            raise ValueError(f"pct_start * total_steps must not be 1, got {p} * {T}")
        ini, top, low = self.initial_lr, self.max_lr, self.min_lr
        m_hi, m_lo = self.max_momentum, self.base_momentum
        # (end_step, start_lr, end_lr, start_momentum, end_momentum), as torch builds them
        self._phases: list[tuple[float, float, float, float, float]] = (
            [
                (float(p * T) - 1, ini, top, m_hi, m_lo),
                (float(2 * p * T) - 2, top, ini, m_lo, m_hi),
                (T - 1, ini, low, m_hi, m_hi),
            ]
            if self.three_phase
            else [(float(p * T) - 1, ini, top, m_hi, m_lo), (T - 1, top, low, m_lo, m_hi)]
        )

    @property
    def initial_lr(self) -> float:
        """``max_lr / div_factor``, the rate at step 0."""
        return self.max_lr / self.div_factor

    @property
    def min_lr(self) -> float:
        """``initial_lr / final_div_factor``, the rate at step ``total_steps - 1``."""
        return self.initial_lr / self.final_div_factor

    def _anneal(self, start: float, end: float, pct: FloatArray) -> FloatArray:
        if self.anneal_strategy == "cos":
            return end + (start - end) / 2.0 * (np.cos(np.pi * pct) + 1)
        return (end - start) * pct + start

    def _cycle(self, t: IntArray) -> tuple[FloatArray, FloatArray]:
        s = np.minimum(t, self.total_steps - 1).astype(np.float64)
        lr, mom = np.empty(s.shape), np.empty(s.shape)
        todo = np.ones(s.shape, dtype=bool)
        start = 0.0
        for i, (end, lr_a, lr_b, m_a, m_b) in enumerate(self._phases):
            mask = todo & (s <= end) if i < len(self._phases) - 1 else todo
            if mask.any():
                pct = (s[mask] - start) / (end - start)
                lr[mask], mom[mask] = self._anneal(lr_a, lr_b, pct), self._anneal(m_a, m_b, pct)
                todo &= ~mask
            start = end
        return lr, mom

    def _lr(self, t: IntArray) -> FloatArray:
        return self._cycle(t)[0]

    def _momentum(self, t: IntArray) -> FloatArray | None:
        return self._cycle(t)[1] if self.cycle_momentum else None
