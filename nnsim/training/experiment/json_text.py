"""JSON text of experiment files: reading that notes repeated keys, and the layout written.

Written files are indented by 2, with short rows kept on one line (a layer, the
optimizer, a point of ``data.points``) so that people can read and edit them.
"""

from __future__ import annotations

import json
import math
from typing import Any

__all__ = ["JsonObject", "format_json"]


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
