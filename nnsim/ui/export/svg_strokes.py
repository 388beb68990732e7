"""Make the strokes of a ``QSvgGenerator`` file look the same in every SVG viewer.

Qt writes a plot's curve in the plot's own units inside ``<g transform="matrix(…)">`` with
``vector-effect="non-scaling-stroke"`` so that its 1-pixel pen stays 1 pixel. Browsers
honour that; viewers that do not (librsvg, hence GNOME's viewers and many converters,
and older Inkscape) scale the pen with the plot: a loss curve with a y-scale of 80 becomes
a band 80 pixels high. :func:`bake_stroke_transforms` moves such a group's transform into
its coordinates, so the pen is 1 pixel whatever the viewer does with ``vector-effect``.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
_MATRIX = re.compile(r"^\s*matrix\(([^)]*)\)\s*$")
_PAIR = re.compile(r"(-?[0-9.]+(?:[eE][-+]?[0-9]+)?),(-?[0-9.]+(?:[eE][-+]?[0-9]+)?)")
_SHAPES = {f"{{{SVG_NS}}}{tag}": attr for tag, attr in
           (("path", "d"), ("polyline", "points"), ("polygon", "points"))}  # fmt: skip
_RECT = f"{{{SVG_NS}}}rect"
Matrix = tuple[float, float, float, float, float, float]


def _matrix(text: str) -> Matrix | None:
    match = _MATRIX.match(text)
    if match is None:
        return None
    try:
        values = [float(v) for v in re.split(r"[\s,]+", match.group(1).strip())]
    except ValueError:
        return None
    if len(values) != 6:
        return None
    a, b, c, d, e, f = values
    return a, b, c, d, e, f


def _apply(m: Matrix, coordinates: str) -> str:
    """Every ``x,y`` pair of Qt's absolute path data (M, L, C; Z has none) mapped by ``m``."""
    a, b, c, d, e, f = m

    def mapped(match: re.Match[str]) -> str:
        x, y = float(match.group(1)), float(match.group(2))
        return f"{a * x + c * y + e:.6g},{b * x + d * y + f:.6g}"

    return _PAIR.sub(mapped, coordinates)


def _bake_rect(m: Matrix, rect: ET.Element) -> None:
    """A rectangle under a matrix without rotation or shear, in device pixels."""
    a, _, _, d, e, f = m
    x, y = float(rect.get("x", "0")), float(rect.get("y", "0"))
    w, h = float(rect.get("width", "0")) * a, float(rect.get("height", "0")) * d
    x, y = a * x + e, d * y + f
    x, w = (x + w, -w) if w < 0 else (x, w)
    y, h = (y + h, -h) if h < 0 else (y, h)
    for name, value in (("x", x), ("y", y), ("width", w), ("height", h)):
        rect.set(name, f"{value:.6g}")


def _bakeable(group: ET.Element, m: Matrix) -> bool:
    """Only groups of non-scaling strokes (curves, lines, rectangles if not rotated): text
    and images keep their transform (their size is meant to scale)."""
    children = list(group)
    upright = m[1] == 0 and m[2] == 0
    return bool(children) and all(
        (child.tag in _SHAPES or (child.tag == _RECT and upright))
        and child.get("vector-effect") == "non-scaling-stroke"
        and len(child) == 0
        for child in children
    )


def bake_stroke_transforms(svg: str) -> str:
    """``svg`` (as ``QSvgGenerator`` writes it) with the transforms of its groups of
    non-scaling strokes moved into their coordinates; unchanged if it does not parse."""
    ET.register_namespace("", SVG_NS)
    ET.register_namespace("xlink", XLINK_NS)
    try:
        root = ET.fromstring(svg)
    except ET.ParseError:
        return svg
    for group in root.iter(f"{{{SVG_NS}}}g"):
        matrix = _matrix(group.get("transform", ""))
        if matrix is None or not _bakeable(group, matrix):
            continue
        for child in group:
            if child.tag == _RECT:
                _bake_rect(matrix, child)
            else:
                attr = _SHAPES[child.tag]
                child.set(attr, _apply(matrix, child.get(attr, "")))
        del group.attrib["transform"]
    return '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n' + ET.tostring(
        root, encoding="unicode"
    )
