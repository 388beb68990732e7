"""Hyper-parameters of the optimizers and schedules, each declared once.

Every optimizer (:mod:`nnsim.engine.optimizers`) and schedule (:mod:`nnsim.engine.schedules`)
lists its hyper-parameters as :class:`HyperParameter` objects: PyTorch's keyword, its default,
the values it may take, the symbol of the formula and a one-line meaning. Everything else is
derived from that declaration: the engine's checks (:meth:`HyperParameter.check`), the
experiment file's messages (the parser asks the engine), the rows and tooltips of the
window's Optimizer and Schedule sections, and the README's table
(:mod:`nnsim.engine.hyperparameter_table`).

Examples
--------
>>> momentum = HyperParameter("momentum", 0.0, "float", "keeps the step going", Interval(0))
>>> momentum.check(0.9)
0.9
>>> momentum.check(-1)
Traceback (most recent call last):
...
ValueError: momentum must be >= 0, got -1
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Final, Literal

import numpy as np

__all__ = [
    "REQUIRED",
    "HyperParameter",
    "Interval",
    "Kind",
    "check_values",
]

Kind = Literal["float", "int", "bool", "choice", "pair"]


class _Required:
    def __repr__(self) -> str:
        return "REQUIRED"


REQUIRED: Final = _Required()
"""The default of a hyper-parameter the caller must give (e.g. StepLR's ``step_size``)."""


def _number_text(x: float) -> str:
    if math.isinf(x):
        return "inf" if x > 0 else "-inf"
    return str(int(x)) if float(x).is_integer() and abs(x) < 1e15 else repr(float(x))


@dataclass(frozen=True)
class Interval:
    """The numbers from ``low`` to ``high`` (infinite ends allowed), each end open or closed."""

    low: float = -math.inf
    high: float = math.inf
    low_open: bool = False
    high_open: bool = False

    def __contains__(self, value: float) -> bool:
        above = value > self.low if self.low_open else value >= self.low
        below = value < self.high if self.high_open else value <= self.high
        return above and below

    def text(self, at_least: str = ">=") -> str:
        """``in [0, 1)``, ``>= 0`` or ``> 0``: how a message says what is allowed
        (``at_least="≥"`` for the window); ``finite`` for the whole line."""
        if math.isinf(self.low) and math.isinf(self.high):
            return "finite"
        if math.isinf(self.low):
            at_most = at_least.replace(">", "<").replace("≥", "≤")
            return f"{'<' if self.high_open else at_most} {_number_text(self.high)}"
        if math.isinf(self.high):
            return f"{'>' if self.low_open else at_least} {_number_text(self.low)}"
        left, right = "(" if self.low_open else "[", ")" if self.high_open else "]"
        return f"in {left}{_number_text(self.low)}, {_number_text(self.high)}{right}"

    def symbol(self) -> str:
        """``[0, 1)`` or ``[0, ∞)``: the interval as a table or a tooltip writes it."""
        left = "(" if self.low_open or math.isinf(self.low) else "["
        right = ")" if self.high_open or math.isinf(self.high) else "]"
        low = "−∞" if math.isinf(self.low) else _number_text(self.low)
        high = "∞" if math.isinf(self.high) else _number_text(self.high)
        return f"{left}{low}, {high}{right}"


NON_NEGATIVE: Final = Interval(0.0)
POSITIVE: Final = Interval(0.0, low_open=True)
UNIT: Final = Interval(0.0, 1.0)
UNIT_OPEN: Final = Interval(0.0, 1.0, high_open=True)


def _show(value: Any) -> str:
    return repr(value) if isinstance(value, str) else str(value)


@dataclass(frozen=True)
class HyperParameter:
    """One hyper-parameter of an optimizer or a schedule.

    Parameters
    ----------
    name : str
        The keyword, as PyTorch (or Keras) spells it.
    default : Any
        The value when omitted, or :data:`REQUIRED`.
    kind : {"float", "int", "bool", "choice", "pair"}
        What values it takes; a ``pair`` is two floats (Adam's ``betas``).
    help : str
        What it does, in one line (the tooltip and the README say it).
    interval : Interval, optional
        The numbers allowed (``float``, ``int`` and each element of a ``pair``).
    symbol : str
        The letter the formula uses (``μ``), if any.
    choices : tuple of str
        The allowed values of a ``choice``.
    label : str
        How the window labels it (default: ``name``).
    advanced : bool
        Kept out of the window's compact rows (it can still be set in a file).
    suggested : Any
        What the window fills in for a required hyper-parameter when the schedule is chosen.
    nullable : bool
        ``None`` is allowed (and means what ``help`` says).
    parts : tuple of (name, label, help)
        For a ``pair``: how the window shows each element (``beta1`` labelled ``β₁``).
    """

    name: str
    default: Any
    kind: Kind
    help: str
    interval: Interval | None = None
    symbol: str = ""
    choices: tuple[str, ...] = ()
    label: str = ""
    advanced: bool = False
    suggested: Any = None
    nullable: bool = False
    parts: tuple[tuple[str, str, str], ...] = ()

    @property
    def required(self) -> bool:
        return self.default is REQUIRED

    @property
    def shown_label(self) -> str:
        return self.label or self.name

    def allowed(self) -> str:
        """What the values may be, in a few words: ``[0, 1)``, ``integer ≥ 1``, ``True/False``."""
        if self.kind == "bool":
            return "True or False"
        if self.kind == "choice":
            return " or ".join(map(repr, self.choices))
        span = (self.interval or Interval()).symbol()
        if self.kind == "int":
            return f"integer in {span}"
        return f"pair in {span}" if self.kind == "pair" else span

    def tooltip(self) -> str:
        """The window's tooltip: meaning, allowed values and default."""
        symbol = f"{self.symbol}: " if self.symbol else ""
        default = (
            "" if self.required or self.default is None else f"; default {_show(self.default)}"
        )
        return f"{symbol}{self.help} Allowed: {self.allowed()}{default}."

    def check(self, value: Any, name: str | None = None) -> Any:
        """``value`` normalised (``float``, ``int``, ``bool``, ``str`` or a pair of floats), or a
        ``ValueError`` naming ``name`` (default: this hyper-parameter's) and what is allowed."""
        name = name or self.name
        if value is None and self.nullable:
            return None
        if self.kind == "bool":
            if not isinstance(value, bool | np.bool_):
                raise ValueError(f"{name} must be True or False, got {_show(value)}")
            return bool(value)
        if self.kind == "choice":
            if not isinstance(value, str) or value not in self.choices:
                allowed = ", ".join(map(repr, self.choices))
                raise ValueError(f"{name} must be one of {allowed}, got {_show(value)}")
            return value
        if self.kind == "pair":
            if not isinstance(value, tuple | list) or len(value) != 2:
                parts = ", ".join(part for part, _, _ in self.parts) or "a, b"
                raise ValueError(f"{name} must be a pair ({parts}), got {_show(value)}")
            return tuple(self._number(v, f"{name}[{i}]") for i, v in enumerate(value))
        if self.kind == "int":
            return self._integer(value, name)
        return self._number(value, name)

    def _number(self, value: Any, name: str) -> float:
        if isinstance(value, bool | np.bool_) or not isinstance(value, numbers.Real):
            raise ValueError(
                f"{name} must be a number, got {_show(value)} ({type(value).__name__})"
            )
        if not math.isfinite(value):
            raise ValueError(f"{name} must be a finite number, got {_show(value)}")
        if self.interval is not None and float(value) not in self.interval:
            raise ValueError(f"{name} must be {self.interval.text()}, got {_show(value)}")
        return float(value)

    def _integer(self, value: Any, name: str) -> int:
        low = self.interval.low if self.interval else -math.inf
        is_int = isinstance(value, numbers.Integral) and not isinstance(value, bool | np.bool_)
        if not is_int or value < low:
            kind = (
                "a non-negative integer" if low == 0
                else "a positive integer" if low == 1
                else f"an integer >= {_number_text(low)}"
            )  # fmt: skip
            raise ValueError(f"{name} must be {kind}, got {_show(value)}")
        return int(value)


def check_values(
    owner: str, declared: Iterable[HyperParameter], values: Mapping[str, Any]
) -> dict[str, Any]:
    """Every declared hyper-parameter's value, checked: ``values`` where given, else the default.

    Raises ``ValueError`` for a name that is not declared (the allowed ones are listed), a
    required one missing, or a value :meth:`HyperParameter.check` refuses.
    """
    declared = tuple(declared)
    names = [p.name for p in declared]
    unknown = [n for n in values if n not in names]
    if unknown:
        raise ValueError(
            f"unknown hyper-parameter(s) for {owner}: {', '.join(map(repr, unknown))}; "
            f"allowed: {', '.join(names)}"
        )
    missing = [p.name for p in declared if p.required and p.name not in values]
    if missing:
        raise ValueError(f"{owner} requires: {', '.join(missing)}")
    return {p.name: p.check(values.get(p.name, p.default)) for p in declared}
