"""The matrices of a phase as labelled tables for the numbers panel."""

from __future__ import annotations

import numpy as np

from nnsim.training.lecture.context import StepContext, layer_of
from nnsim.training.lecture.formatting import (
    Table,
    Translate,
    format_matrix,
    input_symbol,
    symbol,
)
from nnsim.training.phases import Phase
from nnsim.training.text import QT_TR_NOOP, Text

_PARAMETER_SYMBOLS = {"W": "W", "b": "b", "gamma": "γ", "beta": "β"}


def _parameter_symbol(name: str) -> str:
    """``W1`` → ``W¹``, ``gamma2`` → ``γ²``."""
    stem = name.rstrip("0123456789")
    return symbol(_PARAMETER_SYMBOLS.get(stem, stem), int(name[len(stem) :]))


def phase_tables(
    phase: Phase,
    context: StepContext | None = None,
    digits: int = 4,
    max_rows: int = 8,
    max_cols: int = 8,
    translate: Translate = str,
) -> list[Table]:
    """The matrices of a phase for the numbers panel, labelled in the article's notation.

    Forward: X (or A^(k−1)), W, b, Z, [Ẑ], A; loss: A^L, Y; backward: dA, dZ, dW, db;
    update: for every parameter its value before, the step (``−η·dW`` for plain SGD) and
    after (``translate``: those words in the reader's language).
    """
    ctx = context if context is not None else StepContext()
    a = phase.arrays
    labelled: list[tuple[str, np.ndarray]] = []
    if phase.kind == "forward":
        k = layer_of(phase)
        names = {"A_prev": input_symbol(k), "Z_bn": symbol("Ẑ", k)}
        labelled = [(names.get(key, symbol(key, k)), value) for key, value in a.items()]
    elif phase.kind == "loss":
        L = ctx.depth
        labelled = [(symbol("A", L) if L else "A", a["A"]), ("Y", a["Y"])]
    elif phase.kind == "backward":
        k = layer_of(phase)
        dz = "dẐ" if ctx.has_batch_norm(k) else "dZ"
        labelled = [(symbol(dz if key == "dZ" else key, k), value) for key, value in a.items()]
    elif phase.kind == "update":
        for key, value in a.items():
            name, part = key.rsplit("_", 1)
            p = _parameter_symbol(name)
            template = {
                "old": QT_TR_NOOP("{p} before"),
                "step": "−η·d{p}" if ctx.plain_sgd else QT_TR_NOOP("step of {p}"),
                "new": QT_TR_NOOP("{p} after"),
            }[part]
            labelled.append((Text(template, {"p": p}).render(translate), value))
    return [
        Table(label, format_matrix(value, digits, max_rows, max_cols), np.shape(value))
        for label, value in labelled
    ]
