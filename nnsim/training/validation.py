"""Readers that check JSON-like data and collect every problem with its JSON path.

The experiment loader (:mod:`nnsim.training.experiment`) reads a whole file with
these helpers. A reader never raises on bad input: it records a problem such as
``data.noise: must be between 0 and 0.5, got 0.7`` in a :class:`Problems` list
and returns :data:`INVALID`, so that one pass reports everything that is wrong.

Types are strict, as in JSON: ``true`` is not a number, ``"10"`` is not 10, and
``NaN`` / ``Infinity`` are refused wherever a number is expected, as are integers
beyond ±2⁵³ (:class:`HugeInteger` when read from a file). At most
:data:`MAX_PROBLEMS` problems are listed, then how many more there are.
"""

from __future__ import annotations

import difflib
import math
from collections.abc import Iterable, Mapping
from typing import Any, Final

from nnsim.training.text import QT_TR_NOOP, Sentence

__all__ = [
    "INVALID",
    "MAX_PROBLEMS",
    "MAX_SAFE_INTEGER",
    "MAX_SHOWN",
    "MISSING",
    "HugeInteger",
    "Problems",
    "as_float",
    "child",
    "describe",
    "format_number",
    "item",
    "one_of",
    "printable",
    "read_bool",
    "read_choice",
    "read_int",
    "read_number",
    "read_object",
    "read_str",
]


class _Marker:
    """A named singleton used as a sentinel value."""

    def __init__(self, name: str) -> None:
        self._name = name

    def __repr__(self) -> str:
        return self._name


INVALID: Final = _Marker("INVALID")
"""Returned by a reader whose value had a problem (the problem is already recorded)."""

MISSING: Final = _Marker("MISSING")
"""Stands for a key that is absent from its JSON object."""

MUST_BE: Final = QT_TR_NOOP("must be {wanted}, got {got}")
"""The commonest problem (a value outside what is allowed), a Sentence's template."""
MAX_SHOWN: Final = 40  # characters of a bad value quoted back in a message
MAX_PROBLEMS: Final = 50
MAX_SAFE_INTEGER: Final = 2**53
"""Integers beyond ±2⁵³ are refused: no setting needs them, and floats would round them."""
_MAX_KEYS_REPORTED = 10  # unknown or repeated keys of one object, then a count


class HugeInteger:
    """An integer of a JSON file beyond ±2⁵³, kept as its digits (never converted)."""

    def __init__(self, text: str) -> None:
        self.text = text

    def __repr__(self) -> str:
        digits = len(self.text.lstrip("-"))
        return self.text if len(self.text) <= MAX_SHOWN else f"a {digits}-digit integer"


class Problems:
    """Problems found so far, each as ``"<json path>: <message>"``; :attr:`messages` lists
    the first :data:`MAX_PROBLEMS`, then how many more there are."""

    def __init__(self) -> None:
        self._messages: list[str] = []
        self._count = 0

    def add(self, path: str, message: str) -> None:
        """Record ``message`` about the value at ``path`` (``""`` is the top level)."""
        self._count += 1
        if self._count <= MAX_PROBLEMS:
            where = path or Sentence(QT_TR_NOOP("top level"))
            self._messages.append(
                Sentence("{where}: {message}", {"where": where, "message": message})
            )

    @property
    def messages(self) -> list[str]:
        """Each problem (a :class:`~nnsim.training.text.Sentence`: English as ``str``)."""
        more = self._count - len(self._messages)
        rest = Sentence(QT_TR_NOOP("… and {count} more problems"), {"count": more})
        return self._messages + ([rest] if more else [])

    def __bool__(self) -> bool:
        return self._count > 0

    def __len__(self) -> int:
        return self._count


# --- paths and wording -------------------------------------------------------------------


def child(path: str, key: str) -> str:
    """The path of ``key`` inside the object at ``path``: ``child("data", "noise")``; an odd
    key (long, empty, with control characters) is quoted and cut short."""
    if not key or len(key) > MAX_SHOWN or not key.isprintable():
        key = repr(key if len(key) <= MAX_SHOWN else key[:MAX_SHOWN] + "…")
    return f"{path}.{key}" if path else key


def printable(text: str) -> str:
    """``text`` with every character that is not printable (line breaks, escape sequences,
    lone surrogates) written as its escape, so one message stays one harmless line:
    ``printable("a\\nb")`` is ``a\\nb`` (a backslash and an n)."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else ascii(c)[1:-1] for c in text)


def item(path: str, index: int) -> str:
    """The path of list element ``index``: ``item("network.hidden_layers", 2)``."""
    return f"{path}[{index}]"


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return Sentence(QT_TR_NOOP("a boolean"))
    if isinstance(value, int | float | HugeInteger):
        return Sentence(QT_TR_NOOP("a number"))
    if isinstance(value, str):
        return Sentence(QT_TR_NOOP("a string"))
    if isinstance(value, list | tuple):
        return Sentence(QT_TR_NOOP("a list"))
    if isinstance(value, Mapping):
        return Sentence(QT_TR_NOOP("an object"))
    return type(value).__name__


def format_number(x: float) -> str:
    """``100.0`` as ``100``, ``0.5`` as ``0.5``: bounds read the way people write them."""
    if isinstance(x, float) and x.is_integer() and abs(x) < 1e15:
        return str(int(x))
    return repr(x)


def describe(value: Any, *, with_type: bool = False) -> str:
    """A bad value quoted back to the user, JSON-style (``true``, ``null``, ``'cirle'``)."""
    if value is None:
        text = "null"
    elif isinstance(value, bool):
        text = "true" if value else "false"
    elif isinstance(value, int | float | HugeInteger):
        text = (
            repr(value)
            if not isinstance(value, int) or abs(value) < 10**MAX_SHOWN
            else "a huge integer"
        )
    elif isinstance(value, str):
        text = repr(value if len(value) <= MAX_SHOWN else value[:MAX_SHOWN] + "…")
    else:
        return _json_type(value)
    is_number = isinstance(value, int | float | HugeInteger) and not isinstance(value, bool)
    if with_type and value is not None and not is_number:
        return Sentence("{value} ({type})", {"value": text, "type": _json_type(value)})
    return text


def one_of(allowed: Iterable[str]) -> str:
    """``"one of a, b, c"``."""
    return Sentence(QT_TR_NOOP("one of {names}"), {"names": ", ".join(allowed)})


def _did_you_mean(value: str, allowed: Iterable[str]) -> str:
    if len(value) > MAX_SHOWN:
        return ""
    close = difflib.get_close_matches(value, list(allowed), n=1, cutoff=0.6)
    return (
        Sentence(QT_TR_NOOP(" (did you mean {name}?)"), {"name": repr(close[0])}) if close else ""
    )


# --- readers -------------------------------------------------------------------------------


def read_object(
    problems: Problems, value: Any, path: str, allowed: Iterable[str]
) -> Mapping[str, Any] | None:
    """Check that ``value`` is an object holding only ``allowed`` keys.

    Unknown and duplicated keys are recorded; the object is returned all the same
    (its known keys can still be checked) or ``None`` if it is not an object.
    """
    if not isinstance(value, Mapping):
        got = describe(value, with_type=True)
        problems.add(
            path, Sentence(QT_TR_NOOP("must be an object ({{...}}), got {got}"), {"got": got})
        )
        return None
    allowed = tuple(allowed)
    repeated = getattr(value, "duplicate_keys", ())
    for key in repeated[:_MAX_KEYS_REPORTED]:
        problems.add(
            child(path, key), Sentence(QT_TR_NOOP("appears more than once in this object"))
        )
    if len(repeated) > _MAX_KEYS_REPORTED:
        more = len(repeated) - _MAX_KEYS_REPORTED
        problems.add(
            path,
            Sentence(QT_TR_NOOP("… and {count} more keys appear more than once"), {"count": more}),
        )
    unknown = [key for key in value if key not in allowed]
    for key in unknown[:_MAX_KEYS_REPORTED]:
        hint = _did_you_mean(key, allowed) if isinstance(key, str) else ""
        message = QT_TR_NOOP("unknown key; allowed: {names}{hint}")
        values = {"names": ", ".join(allowed), "hint": hint}
        problems.add(child(path, str(key)), Sentence(message, values))
    if len(unknown) > _MAX_KEYS_REPORTED:
        more = len(unknown) - _MAX_KEYS_REPORTED
        problems.add(path, Sentence(QT_TR_NOOP("… and {count} more unknown keys"), {"count": more}))
    return value


def read_int(
    problems: Problems,
    obj: Mapping[str, Any],
    key: str,
    path: str,
    default: int,
    low: int,
    high: int | None = None,
) -> Any:
    """An integer in ``low..high`` (no upper bound when ``high`` is None)."""
    value = obj.get(key, MISSING)
    if value is MISSING:
        return default
    if high is not None:
        wanted = Sentence(QT_TR_NOOP("an integer in {low}..{high}"), {"low": low, "high": high})
    else:
        wanted = Sentence(QT_TR_NOOP("an integer >= {low}"), {"low": low})
    top = MAX_SAFE_INTEGER if high is None else high
    if type(value) is not int or value < low or value > top:
        _must_be(problems, child(path, key), wanted, describe(value, with_type=True))
        return INVALID
    return value


def read_number(
    problems: Problems,
    obj: Mapping[str, Any],
    key: str,
    path: str,
    default: float,
    *,
    low: float | None = None,
    high: float | None = None,
    low_inclusive: bool = True,
    high_inclusive: bool = True,
) -> Any:
    """A finite number (int or float, not bool) within the bounds, returned as float.

    A closed range is described as ``between low and high``; otherwise the
    message names the bound that was broken (``must be > 0, got -1``).
    """
    value = obj.get(key, MISSING)
    if value is MISSING:
        return default
    where = child(path, key)
    lo_op = ">=" if low_inclusive else ">"
    hi_op = "<=" if high_inclusive else "<"
    bounds = []
    if low is not None:
        bounds.append(f"{lo_op} {format_number(low)}")
    if high is not None:
        bounds.append(f"{hi_op} {format_number(high)}")
    closed = low is not None and high is not None and low_inclusive and high_inclusive
    range_text: str
    if closed:
        ends = {"low": format_number(low), "high": format_number(high)}  # type: ignore[arg-type]
        range_text = Sentence(QT_TR_NOOP("between {low} and {high}"), ends)
    elif len(bounds) == 2:
        pair = {"low": bounds[0], "high": bounds[1]}
        range_text = Sentence(QT_TR_NOOP("{low} and {high}"), pair)
    else:
        range_text = "".join(bounds)
    if isinstance(value, bool) or not isinstance(value, int | float):
        wanted = Sentence(QT_TR_NOOP("a number {range}"), {"range": range_text})
        _must_be(problems, where, wanted if range_text else Sentence(QT_TR_NOOP("a number")),
                 describe(value, with_type=True))  # fmt: skip
        return INVALID
    number = as_float(value)
    if not math.isfinite(number):
        _must_be(problems, where, Sentence(QT_TR_NOOP("a finite number")), describe(value))
        return INVALID
    too_low = low is not None and (number < low or (not low_inclusive and number == low))
    too_high = high is not None and (number > high or (not high_inclusive and number == high))
    if too_low or too_high:
        if closed:
            _must_be(problems, where, range_text, describe(value))
        else:
            broken = bounds[0] if too_low else bounds[-1]
            _must_be(problems, where, broken, describe(value))
        return INVALID
    return number


def _must_be(problems: Problems, where: str, wanted: str, got: str) -> None:
    """``must be WANTED, got GOT`` (:data:`MUST_BE`), said in the window's language."""
    problems.add(where, Sentence(MUST_BE, {"wanted": wanted, "got": got}))


def as_float(value: int | float) -> float:
    """``float(value)``, or inf for an integer too large for a float (never OverflowError)."""
    if isinstance(value, int) and abs(value) > MAX_SAFE_INTEGER:
        return math.inf
    return float(value)


def read_bool(problems: Problems, obj: Mapping[str, Any], key: str, path: str, default: Any) -> Any:
    """``true`` or ``false`` (``null`` too when ``default`` is None)."""
    value = obj.get(key, MISSING)
    if value is MISSING:
        return default
    if isinstance(value, bool) or (value is None and default is None):
        return value
    wanted = Sentence(
        QT_TR_NOOP("true, false or null") if default is None else QT_TR_NOOP("true or false")
    )
    _must_be(problems, child(path, key), wanted, describe(value, with_type=True))
    return INVALID


def read_str(problems: Problems, obj: Mapping[str, Any], key: str, path: str, default: str) -> Any:
    """Any string."""
    value = obj.get(key, MISSING)
    if value is MISSING:
        return default
    if not isinstance(value, str):
        _must_be(
            problems,
            child(path, key),
            Sentence(QT_TR_NOOP("a string")),
            describe(value, with_type=True),
        )
        return INVALID
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        bad = value[exc.start]
        message = QT_TR_NOOP("holds an invalid character (a lone surrogate {bad})")
        problems.add(child(path, key), Sentence(message, {"bad": ascii(bad)}))
        return INVALID
    return value


def read_choice(
    problems: Problems,
    obj: Mapping[str, Any],
    key: str,
    path: str,
    default: str,
    allowed: Iterable[str],
) -> Any:
    """One of the ``allowed`` names (exact spelling), with a "did you mean" hint."""
    value = obj.get(key, MISSING)
    if value is MISSING:
        return default
    allowed = tuple(allowed)
    if isinstance(value, str) and value in allowed:
        return value
    hint = _did_you_mean(value, allowed) if isinstance(value, str) else ""
    got = describe(value, with_type=not isinstance(value, str))
    message = QT_TR_NOOP("must be {wanted}, got {got}{hint}")
    problems.add(
        child(path, key), Sentence(message, {"wanted": one_of(allowed), "got": got, "hint": hint})
    )
    return INVALID
