r"""Learning-rate schedules following the PyTorch / Keras conventions.

A schedule maps ``t`` -- the number of completed units (optimiser steps or epochs, chosen by the
caller) -- to the learning rate used for the next unit: ``lr(0)`` is the rate of the very first
unit. All schedules except :class:`PlateauSchedule` are pure functions of ``t``.

Linear warm-up (every schedule): with ``warmup_steps`` :math:`W \ge 0` (default 0) and the
un-warmed schedule :math:`b`,

.. math::

    \mathrm{lr}(t) = b(0)\,\frac{t + 1}{W + 1} \quad (t < W), \qquad
    \mathrm{lr}(t) = b(t - W) \quad (t \ge W),

i.e. the base schedule starts after the warm-up (equivalently
:math:`\mathrm{lr}(t) = b(\max(t - W, 0)) \cdot \min(1, (t + 1)/(W + 1))`). During the warm-up the
momentum of :class:`OneCycleSchedule` is held at :math:`b_m(0)` (``max_momentum``).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import MISSING, dataclass, field, fields
from numbers import Integral, Real
from typing import Any, ClassVar

import numpy as np
from numpy.typing import ArrayLike, NDArray

__all__ = [
    "SCHEDULES",
    "ConstantSchedule",
    "CosineSchedule",
    "ExponentialSchedule",
    "InverseTimeSchedule",
    "OneCycleSchedule",
    "PlateauSchedule",
    "Schedule",
    "StepSchedule",
    "lr_curve",
    "make_schedule",
    "momentum_curve",
]

FloatArray = NDArray[np.float64]
IntArray = NDArray[np.int64]


# ----------------------------------------------------------------------------- validation helpers
def _finite(name: str, value: Any) -> float:
    if isinstance(value, bool | np.bool_) or not isinstance(value, Real):
        raise ValueError(f"{name} must be a real number, got {value!r}")
    if not math.isfinite(float(value)):
        raise ValueError(f"{name} must be finite, got {value!r}")
    return float(value)


def _interval(
    name: str, value: Any, lo: float, hi: float, lo_closed: bool = False, hi_closed: bool = False
) -> float:
    v = _finite(name, value)
    if not ((v >= lo if lo_closed else v > lo) and (v <= hi if hi_closed else v < hi)):
        bounds = f"{'[' if lo_closed else '('}{lo:g}, {hi:g}{']' if hi_closed else ')'}"
        raise ValueError(f"{name} must be in {bounds}, got {value!r}")
    return v


def _integer(name: str, value: Any, minimum: int) -> int:
    is_int = isinstance(value, Integral) and not isinstance(value, bool | np.bool_)
    if not is_int or value < minimum:
        kind = {0: "a non-negative integer", 1: "a positive integer"}.get(
            minimum, f"an integer >= {minimum}"
        )
        raise ValueError(f"{name} must be {kind}, got {value!r}")
    return int(value)


def _flag(name: str, value: Any) -> bool:
    if not isinstance(value, bool | np.bool_):
        raise ValueError(f"{name} must be a bool, got {value!r}")
    return bool(value)


def _choice(name: str, value: Any, options: tuple[str, ...]) -> str:
    if not isinstance(value, str) or value not in options:
        raise ValueError(f"{name} must be one of {', '.join(map(repr, options))}, got {value!r}")
    return value


def _as_steps(t: ArrayLike) -> IntArray:
    arr = np.asarray(t)
    if not np.issubdtype(arr.dtype, np.integer) or (arr.size and arr.min() < 0):
        raise ValueError(f"t must be a non-negative integer (array), got {t!r}")
    return arr.astype(np.int64, copy=False)


# ----------------------------------------------------------------------------------- base class
@dataclass(kw_only=True)
class Schedule:
    """Base class: a learning rate (and optionally a momentum) as a function of ``t``.

    Subclasses implement :meth:`_lr` (and :meth:`_momentum`) vectorised over an integer array of
    base-schedule times; warm-up and validation of ``t`` are handled here.

    Parameters
    ----------
    warmup_steps : int, default 0
        Length :math:`W` of the linear warm-up (see the module docstring).
    """

    name: ClassVar[str] = ""
    lr0_field: ClassVar[str] = "lr0"  # the field that ``make_schedule``'s ``lr0`` fills in
    warmup_steps: int = 0

    def __post_init__(self) -> None:
        self.warmup_steps = _integer("warmup_steps", self.warmup_steps, 0)
        self._validate()

    def _validate(self) -> None:
        """Check and normalise the hyper-parameters (raise ``ValueError``)."""

    def _lr(self, t: IntArray) -> FloatArray:
        raise NotImplementedError

    def _momentum(self, t: IntArray) -> FloatArray | None:
        return None

    def _warm(self, t: ArrayLike) -> tuple[IntArray, IntArray]:
        steps = _as_steps(t)
        return steps, np.maximum(steps - self.warmup_steps, 0)

    def lr_array(self, t: ArrayLike) -> FloatArray:
        """Vectorised :meth:`lr` over an integer array ``t >= 0``."""
        steps, shifted = self._warm(t)
        lr = self._lr(shifted)
        if self.warmup_steps == 0:
            return lr
        return lr * np.minimum(1.0, (steps + 1) / (self.warmup_steps + 1))

    def momentum_array(self, t: ArrayLike) -> FloatArray | None:
        """Vectorised :meth:`momentum`; ``None`` if the schedule does not drive momentum."""
        return self._momentum(self._warm(t)[1])

    def lr(self, t: int) -> float:
        """Learning rate after ``t`` completed units (``t`` a non-negative integer)."""
        if np.ndim(t) != 0:
            raise ValueError(f"t must be a non-negative integer, got {t!r}")
        return float(self.lr_array(t))

    def momentum(self, t: int) -> float | None:
        """Momentum / Adam β1 after ``t`` units, or ``None`` (only one-cycle returns a value)."""
        if np.ndim(t) != 0:
            raise ValueError(f"t must be a non-negative integer, got {t!r}")
        m = self.momentum_array(t)
        return None if m is None else float(m)

    def params(self) -> dict[str, Any]:
        """The constructor keyword arguments of this schedule."""
        return {f.name: getattr(self, f.name) for f in fields(self) if f.init}

    def state_dict(self) -> dict[str, Any]:
        """``{"name", "params", "state"}``; ``state`` is empty except for plateau."""
        return {"name": self.name, "params": self.params(), "state": self._get_state()}

    def load_state_dict(self, state_dict: Mapping[str, Any]) -> None:
        """Restore hyper-parameters and state saved by :meth:`state_dict`."""
        if state_dict.get("name") != self.name:
            raise ValueError(f"state_dict is for {state_dict.get('name')!r}, not {self.name!r}")
        fresh = type(self)(**state_dict["params"])
        self.__dict__.update(fresh.__dict__)
        self._set_state(dict(state_dict.get("state", {})))

    def _get_state(self) -> dict[str, Any]:
        return {}

    def _set_state(self, state: dict[str, Any]) -> None:
        if state:
            raise ValueError(f"schedule {self.name!r} has no state, got keys {sorted(state)}")


# ------------------------------------------------------------------------------- the schedules
@dataclass(kw_only=True)
class ConstantSchedule(Schedule):
    r""":math:`\mathrm{lr}(t) = \mathrm{lr}_0`.

    Parameters
    ----------
    lr0 : float
        Learning rate, in (0, inf).
    """

    name = "constant"
    lr0: float

    def _validate(self) -> None:
        self.lr0 = _interval("lr0", self.lr0, 0, math.inf)

    def _lr(self, t: IntArray) -> FloatArray:
        return np.full(t.shape, self.lr0)


@dataclass(kw_only=True)
class InverseTimeSchedule(Schedule):
    r"""Keras ``InverseTimeDecay``.

    .. math::

        \mathrm{lr}(t) = \frac{\mathrm{lr}_0}{1 + \mathrm{decay\_rate} \cdot p}, \qquad
        p = t / \mathrm{decay\_steps} \quad
        (p = \lfloor t / \mathrm{decay\_steps} \rfloor \text{ if staircase}).

    With the default ``decay_steps=1`` this is :math:`\mathrm{lr}_0 / (1 + \mathrm{decay\_rate}
    \cdot t)`; e.g. lr0=0.1, decay_rate=0.01 gives 0.1/1.1 ≈ 0.0909 at t=10.

    Parameters
    ----------
    lr0 : float
        Initial learning rate, in (0, inf).
    decay_rate : float
        In [0, inf).
    decay_steps : float, default 1
        In (0, inf).
    staircase : bool, default False
        Decay in discrete jumps every ``decay_steps``.
    """

    name = "inverse_time"
    lr0: float
    decay_rate: float
    decay_steps: float = 1.0
    staircase: bool = False

    def _validate(self) -> None:
        self.lr0 = _interval("lr0", self.lr0, 0, math.inf)
        self.decay_rate = _interval("decay_rate", self.decay_rate, 0, math.inf, lo_closed=True)
        self.decay_steps = _interval("decay_steps", self.decay_steps, 0, math.inf)
        self.staircase = _flag("staircase", self.staircase)

    def _lr(self, t: IntArray) -> FloatArray:
        p = t / self.decay_steps
        if self.staircase:
            p = np.floor(p)
        return self.lr0 / (1.0 + self.decay_rate * p)


@dataclass(kw_only=True)
class StepSchedule(Schedule):
    r"""PyTorch ``StepLR``: :math:`\mathrm{lr}(t) = \mathrm{lr}_0 \cdot
    \gamma^{\lfloor t / \mathrm{step\_size} \rfloor}`.

    Parameters
    ----------
    lr0 : float
        Initial learning rate, in (0, inf).
    step_size : int
        Period of the decay, a positive integer.
    gamma : float, default 0.1
        Multiplicative decay, in (0, 1].
    """

    name = "step"
    lr0: float
    step_size: int
    gamma: float = 0.1

    def _validate(self) -> None:
        self.lr0 = _interval("lr0", self.lr0, 0, math.inf)
        self.step_size = _integer("step_size", self.step_size, 1)
        self.gamma = _interval("gamma", self.gamma, 0, 1, hi_closed=True)

    def _lr(self, t: IntArray) -> FloatArray:
        return self.lr0 * self.gamma ** (t // self.step_size)


@dataclass(kw_only=True)
class ExponentialSchedule(Schedule):
    r"""PyTorch ``ExponentialLR``: :math:`\mathrm{lr}(t) = \mathrm{lr}_0 \cdot \gamma^t`.

    Parameters
    ----------
    lr0 : float
        Initial learning rate, in (0, inf).
    gamma : float
        Multiplicative decay per unit, in (0, 1].
    """

    name = "exponential"
    lr0: float
    gamma: float

    def _validate(self) -> None:
        self.lr0 = _interval("lr0", self.lr0, 0, math.inf)
        self.gamma = _interval("gamma", self.gamma, 0, 1, hi_closed=True)

    def _lr(self, t: IntArray) -> FloatArray:
        return self.lr0 * self.gamma ** t.astype(np.float64)


@dataclass(kw_only=True)
class CosineSchedule(Schedule):
    r"""PyTorch ``CosineAnnealingLR`` (closed form), or ``CosineAnnealingWarmRestarts``.

    .. math::

        \mathrm{lr}(t) = \eta_{min} + (\mathrm{lr}_0 - \eta_{min})
        \frac{1 + \cos(\pi T_{cur} / T_i)}{2}

    Without restarts :math:`T_{cur} = t`, :math:`T_i = T_{max}`; like torch, the curve is not
    clamped after :math:`T_{max}` (it rises again, period :math:`2 T_{max}`). With
    ``restarts=True`` the cycles have lengths :math:`T_0, T_0 T_{mult}, T_0 T_{mult}^2, \dots`,
    :math:`T_i` is the length of the cycle containing ``t`` and :math:`T_{cur}` the units since
    its start (so the rate jumps back to lr0 at each restart).

    Parameters
    ----------
    lr0 : float
        Initial (maximum) learning rate, in (0, inf).
    T_max : int, optional
        Half-period, a positive integer; required unless ``restarts`` and ``T_0`` are given.
    eta_min : float, default 0
        Minimum learning rate, in [0, lr0].
    restarts : bool, default False
        Use warm restarts (``CosineAnnealingWarmRestarts``).
    T_0 : int, optional
        First cycle length (only with ``restarts``; default ``T_max``), a positive integer.
    T_mult : int, default 1
        Cycle-length growth factor (only with ``restarts``), an integer >= 1.
    """

    name = "cosine"
    lr0: float
    T_max: int | None = None
    eta_min: float = 0.0
    restarts: bool = False
    T_0: int | None = None
    T_mult: int = 1

    def _validate(self) -> None:
        self.lr0 = _interval("lr0", self.lr0, 0, math.inf)
        self.eta_min = _interval("eta_min", self.eta_min, 0, self.lr0, True, True)
        self.restarts = _flag("restarts", self.restarts)
        if self.T_max is not None or not (self.restarts and self.T_0 is not None):
            self.T_max = _integer("T_max", self.T_max, 1)
        if not self.restarts:
            if self.T_0 is not None or self.T_mult != 1:
                raise ValueError("T_0 and T_mult require restarts=True")
            return
        self.T_0 = _integer("T_0", self.T_max if self.T_0 is None else self.T_0, 1)
        self.T_mult = _integer("T_mult", self.T_mult, 1)

    def _lr(self, t: IntArray) -> FloatArray:
        if not self.restarts:
            t_cur, t_i = t, self.T_max
        elif self.T_mult == 1:
            t_cur, t_i = t % self.T_0, self.T_0
        else:  # cycle k starts at T_0 (T_mult^k - 1) / (T_mult - 1); exact integer arithmetic
            starts, lengths = [0], [self.T_0]
            while t.size and starts[-1] + lengths[-1] <= t.max():
                starts.append(starts[-1] + lengths[-1])
                lengths.append(lengths[-1] * self.T_mult)
            k = np.searchsorted(np.array(starts, dtype=np.int64), t, side="right") - 1
            t_cur, t_i = t - np.array(starts, dtype=np.int64)[k], np.array(lengths)[k]
        return self.eta_min + (self.lr0 - self.eta_min) * (1 + np.cos(np.pi * t_cur / t_i)) / 2


@dataclass(kw_only=True)
class OneCycleSchedule(Schedule):
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
    only prepends an extra linear ramp.

    Parameters
    ----------
    max_lr : float
        Peak learning rate, in (0, inf) (``make_schedule``'s ``lr0`` unless given explicitly).
    total_steps : int
        Number of steps in the cycle, a positive integer.
    pct_start : float, default 0.3
        Fraction of the cycle spent increasing the rate, in [0, 1]; pct_start * total_steps = 1 is
        rejected (zero-length first phase; torch divides by zero).
    anneal_strategy : {'cos', 'linear'}, default 'cos'
    div_factor, final_div_factor : float, default 25 and 1e4
        In (0, inf).
    three_phase : bool, default False
    cycle_momentum : bool, default True
        If False, :meth:`momentum` returns ``None``.
    base_momentum, max_momentum : float, default 0.85 and 0.95
        In [0, 1).
    """

    name = "one_cycle"
    lr0_field = "max_lr"
    max_lr: float
    total_steps: int
    pct_start: float = 0.3
    anneal_strategy: str = "cos"
    div_factor: float = 25.0
    final_div_factor: float = 1e4
    three_phase: bool = False
    cycle_momentum: bool = True
    base_momentum: float = 0.85
    max_momentum: float = 0.95

    def _validate(self) -> None:
        self.max_lr = _interval("max_lr", self.max_lr, 0, math.inf)
        T = self.total_steps = _integer("total_steps", self.total_steps, 1)
        p = self.pct_start = _interval("pct_start", self.pct_start, 0, 1, True, True)
        self.anneal_strategy = _choice("anneal_strategy", self.anneal_strategy, ("cos", "linear"))
        self.div_factor = _interval("div_factor", self.div_factor, 0, math.inf)
        self.final_div_factor = _interval("final_div_factor", self.final_div_factor, 0, math.inf)
        self.three_phase = _flag("three_phase", self.three_phase)
        self.cycle_momentum = _flag("cycle_momentum", self.cycle_momentum)
        self.base_momentum = _interval("base_momentum", self.base_momentum, 0, 1, lo_closed=True)
        self.max_momentum = _interval("max_momentum", self.max_momentum, 0, 1, lo_closed=True)
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


@dataclass(kw_only=True)
class PlateauSchedule(Schedule):
    r"""PyTorch ``ReduceLROnPlateau``: stateful, call :meth:`observe` after each epoch/eval.

    For each observed metric :math:`m` (shown for mode 'min', threshold_mode 'rel'; 'max'/'rel',
    'min'/'abs', 'max'/'abs' test :math:`m > best(1 + \theta)`, :math:`m < best - \theta`,
    :math:`m > best + \theta`):

    1. if :math:`m < best \cdot (1 - \theta)`: best ← m, bad ← 0; else bad ← bad + 1
       (best starts at +inf, or -inf in 'max' mode; NaN never improves);
    2. if cooldown_counter > 0: cooldown_counter ← cooldown_counter - 1, bad ← 0;
    3. if bad > patience: new = max(lr · factor, min_lr); lr ← new only if lr - new > eps;
       cooldown_counter ← cooldown, bad ← 0.

    :meth:`lr` ignores ``t`` (apart from warm-up) and returns the current rate.

    Parameters
    ----------
    lr0 : float
        Initial learning rate, in (0, inf).
    mode : {'min', 'max'}, default 'min'
    factor : float, default 0.1
        In (0, 1).
    patience, cooldown : int, default 10 and 0
        Non-negative integers.
    threshold : float, default 1e-4
        In [0, inf) ('abs') or [0, 1) ('rel').
    threshold_mode : {'rel', 'abs'}, default 'rel'
    min_lr, eps : float, default 0 and 1e-8
        In [0, inf).
    """

    name = "plateau"
    lr0: float
    mode: str = "min"
    factor: float = 0.1
    patience: int = 10
    threshold: float = 1e-4
    threshold_mode: str = "rel"
    cooldown: int = 0
    min_lr: float = 0.0
    eps: float = 1e-8
    current_lr: float = field(init=False, default=math.nan)
    best: float = field(init=False, default=math.inf)
    num_bad_epochs: int = field(init=False, default=0)
    cooldown_counter: int = field(init=False, default=0)
    last_epoch: int = field(init=False, default=0)

    _STATE: ClassVar[tuple[str, ...]] = (
        "current_lr",
        "best",
        "num_bad_epochs",
        "cooldown_counter",
        "last_epoch",
    )

    def _validate(self) -> None:
        self.lr0 = _interval("lr0", self.lr0, 0, math.inf)
        self.mode = _choice("mode", self.mode, ("min", "max"))
        self.factor = _interval("factor", self.factor, 0, 1)
        self.patience = _integer("patience", self.patience, 0)
        self.threshold_mode = _choice("threshold_mode", self.threshold_mode, ("rel", "abs"))
        hi = 1.0 if self.threshold_mode == "rel" else math.inf
        self.threshold = _interval("threshold", self.threshold, 0, hi, lo_closed=True)
        self.cooldown = _integer("cooldown", self.cooldown, 0)
        self.min_lr = _interval("min_lr", self.min_lr, 0, math.inf, lo_closed=True)
        self.eps = _interval("eps", self.eps, 0, math.inf, lo_closed=True)
        self.current_lr = self.lr0
        self.best = math.inf if self.mode == "min" else -math.inf

    def _is_better(self, a: float, best: float) -> bool:
        rel = self.threshold_mode == "rel"
        if self.mode == "min":
            return a < (best * (1.0 - self.threshold) if rel else best - self.threshold)
        return a > (best * (self.threshold + 1.0) if rel else best + self.threshold)

    def observe(self, metric: float) -> float:
        """Record one epoch's metric; return the (possibly reduced) learning rate."""
        current = float(metric)
        self.last_epoch += 1
        if self._is_better(current, self.best):
            self.best, self.num_bad_epochs = current, 0
        else:
            self.num_bad_epochs += 1
        if self.cooldown_counter > 0:
            self.cooldown_counter -= 1
            self.num_bad_epochs = 0  # bad epochs during cooldown are ignored
        if self.num_bad_epochs > self.patience:
            new_lr = max(self.current_lr * self.factor, self.min_lr)
            if self.current_lr - new_lr > self.eps:
                self.current_lr = new_lr
            self.cooldown_counter, self.num_bad_epochs = self.cooldown, 0
        return self.current_lr

    def _lr(self, t: IntArray) -> FloatArray:
        return np.full(t.shape, self.current_lr)

    def _get_state(self) -> dict[str, Any]:
        return {key: getattr(self, key) for key in self._STATE}

    def _set_state(self, state: dict[str, Any]) -> None:
        if set(state) != set(self._STATE):
            raise ValueError(f"plateau state needs keys {sorted(self._STATE)}, got {sorted(state)}")
        self.current_lr = _interval("current_lr", state["current_lr"], 0, math.inf)
        self.best = float(state["best"])
        for key in ("num_bad_epochs", "cooldown_counter", "last_epoch"):
            setattr(self, key, _integer(key, state[key], 0))


SCHEDULES: dict[str, type[Schedule]] = {
    cls.name: cls
    for cls in (
        ConstantSchedule,
        InverseTimeSchedule,
        StepSchedule,
        ExponentialSchedule,
        CosineSchedule,
        OneCycleSchedule,
        PlateauSchedule,
    )
}


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
    if name not in SCHEDULES:
        raise ValueError(f"unknown schedule {name!r}; expected one of: {', '.join(SCHEDULES)}")
    cls = SCHEDULES[name]
    init_fields = {f.name: f for f in fields(cls) if f.init}
    allowed = [n for n in init_fields if n != "lr0"]
    unknown = sorted(set(params) - set(allowed))
    if unknown:
        raise ValueError(
            f"unknown parameter(s) {', '.join(unknown)} for schedule {name!r}; "
            f"allowed: {', '.join(allowed)}"
        )
    params.setdefault(cls.lr0_field, lr0)
    missing = [n for n, f in init_fields.items() if f.default is MISSING and n not in params]
    if missing:
        raise ValueError(f"schedule {name!r} requires parameter(s): {', '.join(missing)}")
    return cls(**params)


def _curve_steps(n_steps: int, steps_per_epoch: int, unit: str) -> IntArray:
    n = _integer("n_steps", n_steps, 0)
    per_epoch = _integer("steps_per_epoch", steps_per_epoch, 1)
    steps = np.arange(n, dtype=np.int64)
    return steps if _choice("unit", unit, ("step", "epoch")) == "step" else steps // per_epoch


def lr_curve(
    schedule: Schedule, n_steps: int, steps_per_epoch: int = 1, unit: str = "step"
) -> FloatArray:
    """Learning rate used at each training step ``s = 0 .. n_steps - 1``.

    Step ``s`` uses ``t = s`` when ``unit == "step"`` and ``t = s // steps_per_epoch`` when
    ``unit == "epoch"``. A plateau schedule gives its warm-up, then is flat at its current rate
    (future metrics are unknown).
    """
    return schedule.lr_array(_curve_steps(n_steps, steps_per_epoch, unit))


def momentum_curve(
    schedule: Schedule, n_steps: int, steps_per_epoch: int = 1, unit: str = "step"
) -> FloatArray | None:
    """Momentum at each training step like :func:`lr_curve`; ``None`` if not driven."""
    return schedule.momentum_array(_curve_steps(n_steps, steps_per_epoch, unit))
