r"""What every schedule shares: declared hyper-parameters, the linear warm-up, ``t`` checks and
(de)serialisation.

A schedule maps ``t`` -- the number of completed units (optimiser steps or epochs, chosen by the
caller) -- to the learning rate used for the next unit: ``lr(0)`` is the rate of the very first
unit. Each schedule implements the pure function ``_lr(t)`` (vectorised over an integer array);
only :class:`~nnsim.engine.schedules.plateau.ReduceLROnPlateau` also keeps state.

Linear warm-up (every schedule): with ``warmup_steps`` :math:`W \ge 0` (default 0) and the
un-warmed schedule :math:`b`,

.. math::

    \mathrm{lr}(t) = b(0)\,\frac{t + 1}{W + 1} \quad (t < W), \qquad
    \mathrm{lr}(t) = b(t - W) \quad (t \ge W),

which is torch's ``SequentialLR([LinearLR(start_factor=1/(W+1), total_iters=W), b],
milestones=[W])``. During the warm-up the momentum of one-cycle is held at :math:`b_m(0)`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

import numpy as np
from numpy.typing import ArrayLike, NDArray

from nnsim.engine.hyperparameters import (
    NON_NEGATIVE,
    POSITIVE,
    HyperParameter,
    Interval,
    check_values,
)
from nnsim.engine.text import QT_TR_NOOP

__all__ = [
    "LR0",
    "WARMUP",
    "FloatArray",
    "IntArray",
    "Schedule",
    "as_steps",
    "at_most",
    "linear_warmup",
]

FloatArray = NDArray[np.float64]
IntArray = NDArray[np.int64]

LR0 = HyperParameter(
    "lr0", 0.01, "float", QT_TR_NOOP("The starting learning rate (the optimizer's lr)."), POSITIVE,
    symbol="η₀",
)  # fmt: skip
WARMUP = HyperParameter(
    "warmup_steps", 0, "int",
        QT_TR_NOOP("Linear warm-up: η ramps up from η₀/(W+1) over the first W "
    "units (steps or epochs), then the schedule starts (torch's LinearLR)."), NON_NEGATIVE,
    symbol="W", label=QT_TR_NOOP("warmup"),
)  # fmt: skip


def as_steps(t: ArrayLike) -> IntArray:
    """``t`` as an int64 array of non-negative integers, or a ``ValueError``."""
    arr = np.asarray(t)
    if not np.issubdtype(arr.dtype, np.integer) or (arr.size and arr.min() < 0):
        raise ValueError(f"t must be a non-negative integer (array), got {t!r}")
    return arr.astype(np.int64, copy=False)


def linear_warmup(t: IntArray, warmup_steps: int) -> FloatArray:
    """torch's ``LinearLR(start_factor=1/(W+1), end_factor=1, total_iters=W)`` factor at ``t``:
    ``min(1, (t + 1)/(W + 1))``."""
    return np.minimum(1.0, (t + 1) / (warmup_steps + 1))


class Schedule:
    """Base class: a learning rate (and optionally a momentum) as a function of ``t``.

    Subclasses declare ``HYPERPARAMETERS`` (the warm-up is added to every schedule), what the
    window and the README say (``title``, ``summary``, ``formula``, ``torch_name``) and
    implement :meth:`_lr` (and :meth:`_momentum`) vectorised over an integer array of
    base-schedule times; warm-up and validation of ``t`` are handled here. Keyword arguments
    are the declared hyper-parameters; they become attributes.
    """

    name: ClassVar[str] = ""
    title: ClassVar[str] = ""
    summary: ClassVar[str] = ""
    formula: ClassVar[str] = ""
    torch_name: ClassVar[str] = ""  #: The PyTorch (or Keras) class it follows.
    lr0_field: ClassVar[str] = "lr0"  #: The hyper-parameter ``make_schedule``'s ``lr0`` fills in.
    HYPERPARAMETERS: ClassVar[tuple[HyperParameter, ...]] = (LR0,)
    warmup_steps: int

    def __init__(self, **params: Any) -> None:
        declared = self.hyperparameters()
        values = check_values(f"schedule {self.name!r}", declared, params)
        self.__dict__.update(values)
        self._validate()

    @classmethod
    def hyperparameters(cls) -> tuple[HyperParameter, ...]:
        """The declared hyper-parameters, the warm-up last."""
        return (*cls.HYPERPARAMETERS, WARMUP)

    @classmethod
    def defaults(cls) -> dict[str, Any]:
        """The default of every hyper-parameter that has one."""
        return {p.name: p.default for p in cls.hyperparameters() if not p.required}

    def __repr__(self) -> str:
        return f"{type(self).__name__}({', '.join(f'{k}={v!r}' for k, v in self.params().items())})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, type(self)) and other.state_dict() == self.state_dict()

    __hash__ = None  # type: ignore[assignment]

    def _validate(self) -> None:
        """Check rules linking several hyper-parameters (raise ``ValueError``)."""

    def _lr(self, t: IntArray) -> FloatArray:
        raise NotImplementedError

    def _momentum(self, t: IntArray) -> FloatArray | None:
        return None

    def _warm(self, t: ArrayLike) -> tuple[IntArray, IntArray]:
        steps = as_steps(t)
        return steps, np.maximum(steps - self.warmup_steps, 0)

    def lr_array(self, t: ArrayLike) -> FloatArray:
        """Vectorised :meth:`lr` over an integer array ``t >= 0``.

        An intermediate may overflow on the way to a finite rate (inverse-time decay's
        ``decay_rate·t`` reaching inf gives η = 0): that is the limit, not worth a warning
        (the experiment's check refuses a curve that is not finite)."""
        steps, shifted = self._warm(t)
        with np.errstate(over="ignore", under="ignore"):
            lr = self._lr(shifted)
            if self.warmup_steps == 0:
                return lr
            return lr * linear_warmup(steps, self.warmup_steps)

    def momentum_array(self, t: ArrayLike) -> FloatArray | None:
        """Vectorised :meth:`momentum`; ``None`` if the schedule does not drive momentum."""
        with np.errstate(over="ignore", under="ignore"):
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
        return {p.name: getattr(self, p.name) for p in self.hyperparameters()}

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


def at_most(name: str, value: float, interval: Interval) -> None:
    """Raise ``ValueError`` if ``value`` is outside ``interval`` (a bound that depends on
    another hyper-parameter, e.g. cosine's ``eta_min <= lr0``)."""
    if value not in interval:
        raise ValueError(f"{name} must be {interval.text()}, got {value!r}")
