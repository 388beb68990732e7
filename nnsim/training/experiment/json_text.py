"""JSON text of experiment files: reading within limits, and the layout written.

Reading (:func:`parse_json`) notes repeated keys and refuses, before parsing, text
that would take far more memory or nesting than any experiment: more than
:data:`MAX_OBJECTS` objects, :data:`MAX_LISTS` lists, :data:`MAX_ITEMS` items,
:data:`MAX_STRINGS` strings or :data:`MAX_DEPTH` levels. Integers beyond ±2⁵³ are read
as :class:`HugeInteger` (refused by every reader, with their path), never as Python's
unbounded ints.

Written files are indented by 2, with short rows kept on one line (a layer, the
optimizer, a point of ``data.points``) so that people can read and edit them.
"""

from __future__ import annotations

import json
import math
import re
from typing import Any, Final

import numpy as np

from nnsim.engine.datasets import MAX_SAMPLES
from nnsim.training.validation import MAX_SAFE_INTEGER, HugeInteger

__all__ = [
    "MAX_DEPTH",
    "MAX_ITEMS",
    "MAX_LISTS",
    "MAX_OBJECTS",
    "MAX_STRINGS",
    "JsonLimitError",
    "JsonObject",
    "format_json",
    "parse_json",
]

MAX_DEPTH: Final = 20  # an experiment nests 4 deep (data.points[i][j])
MAX_OBJECTS: Final = 1000  # an experiment has a few dozen
MAX_LISTS: Final = 2 * MAX_SAMPLES  # data.points: one list per point
MAX_ITEMS: Final = 8 * MAX_SAMPLES  # data.points: three numbers per point
MAX_STRINGS: Final = 10_000  # keys and names: a few hundred
# A string, or an unterminated one up to the end: always a match, never backtracking, so
# that stripping strings stays linear even in text made of escaped quotes.
_STRING = re.compile(r'"(?:[^"\\]++|\\.)*+(?:"|\\?\Z)', re.DOTALL)


class JsonLimitError(ValueError):
    """JSON text beyond the limits of an experiment (the message says which)."""


class JsonObject(dict):
    """A parsed JSON object that remembers keys it saw more than once."""

    duplicate_keys: list[str]

    @classmethod
    def from_pairs(cls, pairs: list[tuple[str, Any]]) -> JsonObject:
        obj = cls()
        obj.duplicate_keys = []
        for key, value in pairs:
            if key in obj and key not in obj.duplicate_keys:
                obj.duplicate_keys.append(key)
            obj[key] = value
        return obj


def _check_structure(text: str) -> None:
    """Count the brackets and commas outside strings; refuse what no experiment needs."""
    strings = text.count('"') // 2  # escaped quotes count too: a generous upper bound
    if strings > MAX_STRINGS:
        raise JsonLimitError(
            f"too large: {strings} strings, an experiment has at most {MAX_STRINGS}"
        )
    bare = _STRING.sub('""', text)
    counts = {c: bare.count(c) for c in "{[,"}
    for char, limit, what in (
        ("{", MAX_OBJECTS, "objects ({...})"),
        ("[", MAX_LISTS, "lists ([...])"),
        (",", MAX_ITEMS, "items"),
    ):
        if counts[char] > limit:
            raise JsonLimitError(
                f"too large: {counts[char]} {what}, an experiment has at most {limit}"
            )
    codes = np.frombuffer(bare.encode("utf-8", "surrogatepass"), dtype=np.uint8)
    brackets = codes[np.isin(codes, (ord("{"), ord("["), ord("}"), ord("]")))]
    if brackets.size:
        steps = np.where((brackets == ord("{")) | (brackets == ord("[")), 1, -1).astype(np.int8)
        depth = int(np.cumsum(steps, dtype=np.int32).max())
        if depth > MAX_DEPTH:
            raise JsonLimitError(f"nested {depth} levels deep, at most {MAX_DEPTH}")


def _parse_int(text: str) -> int | HugeInteger:
    if len(text) > 17:  # more digits than 2**53 has
        return HugeInteger(text)
    value = int(text)
    return value if abs(value) <= MAX_SAFE_INTEGER else HugeInteger(text)


def parse_json(text: str) -> Any:
    """Parse JSON text within the limits above (objects are :class:`JsonObject`).

    Raises
    ------
    json.JSONDecodeError
        For a syntax error.
    JsonLimitError
        For text beyond the limits (checked before parsing, so memory stays bounded).
    """
    _check_structure(text)
    try:
        return json.loads(text, object_pairs_hook=JsonObject.from_pairs, parse_int=_parse_int)
    except RecursionError:  # cannot happen within MAX_DEPTH; kept as a last guard
        raise JsonLimitError(f"nested more than {MAX_DEPTH} levels deep") from None


_ENCODER = json.JSONEncoder(ensure_ascii=False, allow_nan=False)  # one encoder: fast per row


def _is_plain(value: Any) -> bool:
    return not isinstance(value, dict | list) or not value


def format_json(value: Any, indent: int = 0, width: int = 100) -> str:
    """JSON with indent 2 where, below the sections, short lists of plain values and short
    objects of plain values and such lists stay on one line (a layer, the optimizer)."""
    if _is_plain(value):
        return _ENCODER.encode(value)
    items = value.values() if isinstance(value, dict) else value
    inline = all(
        _is_plain(v) or (isinstance(value, dict) and isinstance(v, list) and all(map(_is_plain, v)))
        for v in items
    )
    if inline and indent >= 4:  # the top level and its sections always open up
        text = _ENCODER.encode(value)
        if indent + len(text) <= width - 20:  # room for the key in front of it
            return text
    pad = " " * (indent + 2)
    if isinstance(value, dict):
        body = [
            f"{pad}{_ENCODER.encode(k)}: {format_json(v, indent + 2, width)}"
            for k, v in value.items()
        ]
        return "{\n" + ",\n".join(body) + "\n" + " " * indent + "}"
    if all(type(row) is list and all(map(_is_finite_number, row)) for row in value):
        body = [f"{pad}[{', '.join(map(repr, row))}]" for row in value]  # data.points, fast
    else:
        body = [pad + format_json(v, indent + 2, width) for v in value]
    return "[\n" + ",\n".join(body) + "\n" + " " * indent + "]"


def _is_finite_number(x: Any) -> bool:
    return type(x) is int or (type(x) is float and math.isfinite(x))
