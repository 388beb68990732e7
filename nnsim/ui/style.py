"""Colours and sizes shared by every view, so the whole window speaks one visual language.

As in TensorFlow Playground: orange is negative / class 0, blue is positive / class 1,
white is zero. Multi-class labels and per-layer curves use a qualitative palette
that stays distinguishable for colour-blind viewers (Okabe–Ito).
"""

from __future__ import annotations

import numpy as np
from PySide6.QtGui import QColor, QIcon, QPixmap

NEGATIVE = "#f59322"  # orange: negative values, class 0
POSITIVE = "#0877bd"  # blue: positive values, class 1
NEUTRAL = "#e8eaeb"
TEXT = "#333333"
MUTED = "#777777"
HIGHLIGHT = "#d62728"

CLASS_COLORS = [
    "#f59322",
    "#0877bd",
    "#009e73",
    "#cc79a7",
    "#56b4e9",
    "#d55e00",
    "#e69f00",
    "#000000",
    "#999999",
    "#f0e442",
]
"""Class k's colour (binary sets use the first two: orange, blue)."""

LAYER_COLORS = [
    "#0072b2",  # blue
    "#e69f00",  # orange
    "#009e73",  # green
    "#cc79a7",  # pink
    "#d55e00",  # vermillion
    "#56b4e9",  # sky blue
    "#000000",  # black
    "#b8a000",  # mustard
    "#6a3d9a",  # purple
    "#8c564b",  # brown
    "#999999",  # grey
    "#17becf",  # cyan
    "#7fbf3f",  # light green
    "#e31a1c",  # red
    "#ff69b4",  # hot pink
    "#00008b",  # navy
    "#556b2f",  # olive
    "#800000",  # maroon
]
"""Layer k's colour in per-layer plots (index k − 1): Okabe–Ito first, then colours chosen
so that any two of the 18 differ by ΔE*ab ≥ 20 (no two greys, no pale yellow on white);
cycled beyond 18 layers."""


def layer_color(k: int) -> str:
    """The colour of layer k (1-based)."""
    return LAYER_COLORS[(k - 1) % len(LAYER_COLORS)]


def diverging_lut(n: int = 256) -> np.ndarray:
    """(n, 4) uint8 lookup table orange → white → blue for values in [−1, 1]."""
    neg = np.array([0xF5, 0x93, 0x22], float)
    pos = np.array([0x08, 0x77, 0xBD], float)
    white = np.array([0xFF, 0xFF, 0xFF], float)
    t = np.linspace(-1.0, 1.0, n)[:, None]
    rgb = np.where(t < 0, white + (neg - white) * -t, white + (pos - white) * t)
    lut = np.empty((n, 4), np.uint8)
    lut[:, :3] = np.round(rgb)
    lut[:, 3] = 255
    return lut


def swatch(color: str) -> QIcon:
    """A 12-pixel square of ``color``, for a combo item."""
    pixmap = QPixmap(12, 12)
    pixmap.fill(QColor(color))
    return QIcon(pixmap)


def target_color(value: float) -> str:
    """The boundary's colour of a regression target in [-1, 1]."""
    lut = diverging_lut(256)
    r, g, b, _ = lut[round((value + 1.0) / 2.0 * 255)]
    return f"#{r:02x}{g:02x}{b:02x}"
