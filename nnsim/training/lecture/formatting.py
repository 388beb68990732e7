"""Numbers and symbols for the lecture mode: 4 significant digits, a true minus sign,
layer numbers as superscripts (A², W¹) and indices as subscripts (W¹₀₁), as the article
writes them.

Indices are written with Unicode sub/superscript characters, never with ASCII digits, so
the ASCII digits of an explanation are exactly its values (and a few integer constants such
as the 1 of ``1 − A``); :func:`numbers_in` reads them back.
"""

from __future__ import annotations

import html
import math
import re
from collections.abc import Callable
from typing import NamedTuple

import numpy as np

from nnsim.training.text import QT_TR_NOOP, Text

Translate = Callable[[str], str]
"""English template → the reader's language (``str``: English; the window passes ``tr``)."""

MINUS = "\u2212"  # "−", the typographic minus sign
_SUP = str.maketrans("0123456789-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻")
_SUB = str.maketrans("0123456789-", "₀₁₂₃₄₅₆₇₈₉₋")
_TAG = re.compile(r"<[^>]*>")
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?(?:e[-+]\d+)?")


def format_number(x: float, digits: int = 4) -> str:
    """``x`` with ``digits`` significant digits, trailing zeros dropped, a proper minus sign.

    >>> format_number(0.13109), format_number(-1.23449e-05), format_number(0.6)
    ('0.1311', '−1.234e-05', '0.6')

    Zero (either sign) is ``0``; non-finite values are ``NaN``, ``∞``, ``−∞``.
    """
    if digits < 1:
        raise ValueError(f"digits must be >= 1, got {digits}")
    x = float(x)
    if math.isnan(x):
        return "NaN"
    if math.isinf(x):
        return "∞" if x > 0 else MINUS + "∞"
    if x == 0.0:
        return "0"
    text = f"{x:.{digits}g}"
    return MINUS + text[1:] if text.startswith("-") else text


def operand(x: float, digits: int = 4) -> str:
    """:func:`format_number`, in parentheses when negative (a factor inside a formula)."""
    text = format_number(x, digits)
    return f"({text})" if text.startswith(MINUS) else text


def sup(n: int | str) -> str:
    """``n`` in superscript characters: ``sup(2) == "²"``."""
    return str(n).translate(_SUP)


def sub(*indices: int | str) -> str:
    """Indices in subscript characters, comma-separated only when one has several digits."""
    parts = [str(i).translate(_SUB) for i in indices]
    joiner = "," if any(len(p) > 1 for p in parts) else ""
    return joiner.join(parts)


def symbol(name: str, layer: int | None = None, *indices: int | str | None) -> str:
    """``symbol("W", 1, 0, 1) == "W¹₀₁"``; ``None`` indices are left out, and an index may
    be a subscript letter already (``symbol("W", 2, "ₘ", 0) == "W²ₘ₀"``)."""
    text = name + ("" if layer is None else sup(layer))
    shown = [i for i in indices if i is not None]
    return text + (sub(*shown) if shown else "")


def numbers_in(text: str) -> list[float]:
    """Every number written in an explanation line, in order (tags dropped, − read as minus).

    >>> numbers_in("dZ² = A² − Y = 0.7311 − 0.6 = <b>0.1311</b>")
    [0.7311, 0.6, 0.1311]
    """
    plain = html.unescape(_TAG.sub("", text)).replace(MINUS, "-")
    return [float(m) for m in _NUMBER.findall(plain)]


def format_matrix(
    array: np.ndarray | float, digits: int = 4, max_rows: int = 8, max_cols: int = 8
) -> list[list[str]]:
    """The cells of a table showing ``array`` (0-D, 1-D or 2-D) with ``digits`` digits.

    A 1-D array (a bias ``b``, one value per neuron) is shown as a column, as the article
    writes ``b``. When there are more than ``max_rows`` rows (``max_cols`` columns), the
    first ``max_rows − 2`` rows, a ``⋮`` row and the last row are shown (likewise ``…`` for
    columns, ``⋱`` where both meet), so the table never exceeds ``max_rows × max_cols``.
    """
    if max_rows < 2 or max_cols < 2:
        raise ValueError(f"max_rows and max_cols must be >= 2, got {max_rows}, {max_cols}")
    a = np.asarray(array, dtype=np.float64)
    if a.ndim == 0:
        a = a.reshape(1, 1)
    elif a.ndim == 1:
        a = a.reshape(-1, 1)
    elif a.ndim != 2:
        raise ValueError(f"format_matrix takes 0-, 1- or 2-D arrays, got shape {a.shape}")
    rows = _kept(a.shape[0], max_rows)
    cols = _kept(a.shape[1], max_cols)
    table = []
    for r in rows:
        if r is None:
            table.append(["⋱" if c is None else "⋮" for c in cols])
        else:
            table.append(["…" if c is None else format_number(a[r, c], digits) for c in cols])
    return table


def _kept(n: int, limit: int) -> list[int | None]:
    """Indices shown out of ``n`` (``None`` marks the ellipsis)."""
    if n <= limit:
        return list(range(n))
    head = max(limit - 2, 1)
    tail = limit - 1 - head
    return [*range(head), None, *range(n - tail, n)]


class Table(NamedTuple):
    """One matrix of a phase for the numbers panel: its label, cells and full shape."""

    label: str
    cells: list[list[str]]
    shape: tuple[int, ...]


MAX_TERMS = 8
"""Terms of a sum written out before ``+ …``."""


class Writer:
    """Formats values with a fixed number of digits, and the prose around them in the
    reader's language (:meth:`t`: a ``QT_TR_NOOP`` template, translated, then filled)."""

    def __init__(self, digits: int, translate: Translate = str) -> None:
        format_number(0.0, digits)  # validates
        self.digits = digits
        self.translate = translate

    def t(self, template: str, **args: object) -> str:
        """``template`` (marked with ``QT_TR_NOOP``) in the reader's language, filled in."""
        return Text(template, args).render(self.translate)

    def sample_note(self, s: int, n: int) -> str:
        """``", sample 2 of 5"`` (nothing for a batch of one)."""
        return self.t(QT_TR_NOOP(", sample {s} of {n}"), s=s + 1, n=n) if n > 1 else ""

    def v(self, x: float) -> str:
        return format_number(x, self.digits)

    def o(self, x: float) -> str:
        return operand(x, self.digits)

    def r(self, x: float) -> str:
        return f"<b>{self.v(x)}</b>"

    def products(self, left: np.ndarray, right: np.ndarray) -> str:
        count = len(left)
        text = " + ".join(
            f"{self.o(a)}·{self.o(b)}"
            for a, b in zip(left[:MAX_TERMS], right[:MAX_TERMS], strict=True)
        )
        return text + (" + …" if count > MAX_TERMS else "")

    def total(self, values: np.ndarray) -> str:
        text = " + ".join(self.o(x) for x in values[:MAX_TERMS])
        return text + (" + …" if len(values) > MAX_TERMS else "")


def clamp_index(i: int, size: int) -> int:
    return min(max(int(i), 0), max(size - 1, 0))


def shown_index(i: int | str, size: int) -> int | str | None:
    """An index is written only if its dimension has more than one entry."""
    return i if size > 1 else None


def input_symbol(k: int, i: int | str | None = None, s: int | str | None = None) -> str:
    """X (layer 1's input, the article's A0) or A^(k−1), with optional sample/feature index."""
    return symbol("X", None, s, i) if k == 1 else symbol("A", k - 1, s, i)
