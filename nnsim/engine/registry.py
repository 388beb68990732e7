"""Looking a name up in one of the engine's registries (activations, initialisers,
optimizers, schedules), with one message for a name that is not there."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TypeVar

__all__ = ["look_up"]

T = TypeVar("T")


def look_up(registry: Mapping[str, T], kind: str, name: str) -> T:
    """``registry[name]``, or ``ValueError("unknown <kind> 'x'; allowed: a, b, c")``."""
    try:
        return registry[name]
    except (KeyError, TypeError):
        allowed = ", ".join(registry)
        raise ValueError(f"unknown {kind} {name!r}; allowed: {allowed}") from None
