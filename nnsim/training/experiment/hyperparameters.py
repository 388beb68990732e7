"""Optimizer and schedule hyper-parameters read from an experiment file: each value's JSON
type is checked here, whether it suits its parameter is the engine's call (the engine
object is built with it, and its complaints are reported under the right key)."""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from nnsim.training.text import QT_TR_NOOP, Sentence
from nnsim.training.validation import (
    INVALID,
    MAX_SHOWN,
    MUST_BE,
    HugeInteger,
    Problems,
    as_float,
    child,
    describe,
)

__all__ = ["check_hyperparameters", "read_hyperparameter_value"]

_MAX_LIST_PARAMETER = 10  # numbers in a list-valued hyper-parameter (betas has 2)


def read_hyperparameter_value(problems: Problems, value: Any, path: str) -> Any:
    """A hyper-parameter value as the engine takes it: a list becomes a tuple.

    Allowed: a finite number, a boolean, a string, null, or a list of finite
    numbers (``betas``). Whether the value suits that parameter is the engine's
    call (:func:`check_hyperparameters`).
    """
    wanted = "a number, true/false, a string, null or a list of numbers"
    if value is None or isinstance(value, bool | str):
        return value
    if isinstance(value, HugeInteger):
        problems.add(path, f"must be a number within ±2**53, got {describe(value)}")
        return INVALID
    if isinstance(value, int | float):
        if not math.isfinite(as_float(value)):
            problems.add(path, f"must be a finite number within ±2**53, got {describe(value)}")
            return INVALID
        return value
    if isinstance(value, list | tuple):
        if len(value) > _MAX_LIST_PARAMETER:
            problems.add(path, f"must be a list of at most {_MAX_LIST_PARAMETER} numbers")
            return INVALID
        numbers = all(
            isinstance(x, int | float) and not isinstance(x, bool) and math.isfinite(as_float(x))
            for x in value
        )
        if not numbers:
            problems.add(path, "must be a list of finite numbers")
            return INVALID
        return tuple(value)
    problems.add(path, f"must be {wanted}, got {describe(value, with_type=True)}")
    return INVALID


def _error_text(build: Callable[..., object], kwargs: dict[str, Any]) -> str | None:
    """The engine's complaint about ``build(**kwargs)``, or None if it accepts them."""
    try:
        build(**kwargs)
    except (ValueError, TypeError, OverflowError) as exc:
        text = " ".join(str(exc).split()) or type(exc).__name__  # one line
        return text if len(text) <= 4 * MAX_SHOWN else text[: 4 * MAX_SHOWN] + "…"
    return None


_ENGINE_WORDS = (  # the engine's commonest complaints (plain English there), as Sentences
    (re.compile(r"must be in ([\[(].*[\])]), got (.*)", re.DOTALL), QT_TR_NOOP("in {interval}")),
    (re.compile(r"must be ([<>≤≥]=? ?\S+), got (.*)", re.DOTALL), None),
)


def _translatable(message: str) -> str:
    """``message`` as a :class:`~nnsim.training.text.Sentence` where its form is known
    (``must be in [0, 1), got 2``), else as it is; the English stays the same."""
    for pattern, wanted in _ENGINE_WORDS:
        match = pattern.fullmatch(message)
        if match is not None:
            allowed, got = match.groups()
            if wanted is not None:
                allowed = Sentence(wanted, {"interval": allowed})
            return Sentence(MUST_BE, {"wanted": allowed, "got": got})
    if message.startswith("must be a finite number, got "):
        got = message.removeprefix("must be a finite number, got ")
        return Sentence(MUST_BE, {"wanted": Sentence(QT_TR_NOOP("a finite number")), "got": got})
    return message


def _pin(path: str, key: str, message: str) -> tuple[str, str] | None:
    """Where an engine message about ``key`` belongs, and the message without the name.

    ``"momentum must be >= 0, got -1"`` → ``(path.momentum, "must be >= 0, got -1")``;
    ``"betas[1] must be in [0, 1)"`` → ``(path.betas[1], "must be in [0, 1)")``; None if
    the message does not start with ``key``.
    """
    match = re.match(rf"{re.escape(key)}((?:\[\d+\])*)(?::\s*|\s+)(.*)", message, re.DOTALL)
    if match is None:
        return None
    return child(path, key) + match.group(1), _translatable(match.group(2))


def check_hyperparameters(
    problems: Problems,
    path: str,
    build: Callable[..., object],
    params: Mapping[str, Any],
    known_keys: Iterable[str] = (),
) -> None:
    """Let the engine judge ``params`` and record its complaints, one per bad key.

    ``build(**kwargs)`` constructs the engine object (an optimizer or a schedule) and
    raises ``ValueError`` when a value is out of range. To report every bad key
    under its own path (``training.optimizer.momentum: must be >= 0, got -1``), each
    key is tried together with the keys that are acceptable on their own (so a
    parameter that needs another one, like a schedule's ``gamma`` next to its
    required ``step_size``, is judged in context). A complaint that does not depend
    on the key (a missing required parameter) is not pinned on it, nor is one that
    names another key already at fault (``nesterov`` when ``momentum`` is bad). If
    no single key is at fault, the whole set is tried to catch rules across keys;
    that complaint goes under the key it starts with (one of ``params`` or
    ``known_keys``), or under ``path``. A set the engine takes whole is never faulted (a
    key may be fine only with another: cosine's ``T_mult`` needs ``restarts``).
    """
    cache: dict[frozenset[str], str | None] = {}

    def complaint(keys: Iterable[str]) -> str | None:
        chosen = frozenset(keys)
        if chosen not in cache:
            cache[chosen] = _error_text(build, {k: params[k] for k in params if k in chosen})
        return cache[chosen]

    if complaint(params) is None:  # the engine takes the whole set: nothing to pin anywhere
        return
    baseline = complaint(())
    fine_alone = [key for key in params if complaint((key,)) is None]
    found: dict[str, str] = {}
    for key in params:
        context = [other for other in fine_alone if other != key]
        message = complaint([*context, key])
        if message is not None and message not in (baseline, complaint(context)):
            found[key] = message
    for key, message in found.items():
        others = [other for other in found if other != key]
        if not any(re.search(rf"\b{re.escape(other)}\b", message) for other in others):
            problems.add(*(_pin(path, key, message) or (child(path, key), message)))
    if found:
        return
    message = complaint(params)
    if message is not None:
        pinned = [_pin(path, key, message) for key in (*params, *known_keys)]
        problems.add(*next((p for p in pinned if p is not None), (path, message)))
