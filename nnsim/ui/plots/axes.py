"""Log-axis ticks chosen for the pixels available, so their labels never overlap.

pyqtgraph labels every power of ten of a log axis whatever its height (ten decades in
80 px pile up), labels all the 2…9 ticks of a decade, and can label a decade twice.
Here the labelled ticks are picked from their pixel positions and the tick font:
powers of ten (every k-th decade when they are crowded), else plain values such as
0.4, 0.6, 0.8 within a decade, each at least one label pitch from the next.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QFontMetricsF

_SUPERSCRIPT = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")
_DECADE_STEPS = (1, 2, 3, 5, 10, 20, 50, 100)
_NICE = (1.0, 2.0, 2.5, 5.0)
LABEL_PITCH = 1.3  # labels stand at least this many text lines apart
MIN_MINOR_PIXELS = 3.0  # unlabelled ticks closer than this are not drawn


def log_ticks(lo: float, hi: float, size: float, pitch: float) -> tuple[list[float], list[float]]:
    """(labelled, unlabelled) tick positions (log10 of the values) for an axis of ``size`` px.

    ``lo``, ``hi`` are the axis range in log10 units; labelled ticks stand at least
    ``pitch`` px apart. Powers of ten come first; when fewer than two fit in the range
    (less than a decade shown), evenly spaced plain values take their place.
    """
    lo, hi = min(lo, hi), max(lo, hi)
    if not (math.isfinite(lo) and math.isfinite(hi)) or hi - lo <= 0 or size <= 0:
        return [], []
    per_decade = size / (hi - lo)
    step = next((k for k in _DECADE_STEPS if k * per_decade >= pitch), _DECADE_STEPS[-1])
    decades = range(math.ceil(lo), math.floor(hi) + 1)
    if len(decades) >= 2:
        major = [float(n) for n in decades if n % step == 0]  # round decades: 10⁻⁹, 10⁻⁶…
        if len(major) < 2:
            major = [float(n) for n in decades[::-1][::step]][::-1]
        if step > 1:
            minor = [float(n) for n in decades if n not in major]
            return major, minor if per_decade >= MIN_MINOR_PIXELS else []
        mantissas = np.log10(np.arange(2, 10))
        inner = [n + m for n in range(math.floor(lo), math.ceil(hi)) for m in mantissas]
        inner = [v for v in inner if lo <= v <= hi]
        plain = math.floor(lo) >= -2 and hi <= 3  # 0.02, 50: short enough to add
        if plain and math.log10(2) * per_decade >= pitch:  # room for 2 and 5 as well
            labelled = [v for v in inner if _mantissa(v) in (2, 5)]
            major = sorted(major + labelled)
            inner = [v for v in inner if v not in labelled]
        return major, inner if (1 - math.log10(9)) * per_decade >= MIN_MINOR_PIXELS else []
    return _dense_ticks(lo, hi, per_decade, pitch), []


def _mantissa(v: float) -> int:
    return round(10.0 ** (v - math.floor(v + 1e-9)))


def _dense_ticks(lo: float, hi: float, per_decade: float, pitch: float) -> list[float]:
    """Less than two powers of ten in view: the richest set of plain values that fits.

    Candidates are evenly spaced values (0.4, 0.5, 0.6…) and the 1-2-5 or 1-3 series; the
    one with the most labels all ``pitch`` px apart wins. If none has two labels that fit
    (a tiny axis), the series that keeps the most once thinned out.
    """
    a, b = 10.0**lo, 10.0**hi
    scale = 10.0 ** math.floor(math.log10(b - a))
    linear, series = [], []
    for spacing in (f * scale * 10.0**e for e in (-1, 0) for f in _NICE):
        first, last = math.ceil(a / spacing - 1e-9), math.floor(b / spacing + 1e-9)
        if 0 < last - first < 100:
            linear.append(np.round(np.arange(first, last + 1) * spacing, 12))
    for mantissas in ((1, 2, 5), (1, 3), (1,)):
        values = [m * 10.0**n for n in range(math.floor(lo), math.ceil(hi) + 1) for m in mantissas]
        series.append(np.array([v for v in values if a * (1 - 1e-9) <= v <= b * (1 + 1e-9)]))
    positions = [np.log10(v[v > 0]) for v in (*linear, *series)]
    fitting = [p for p in positions if len(p) >= 2 and np.diff(p).min() * per_decade >= pitch]
    if fitting:
        return max(fitting, key=len).tolist()
    roundest = [np.log10(v) for v in (*series[::-1], *linear[-1:]) if len(v)]  # 1, 1-3, 1-2-5…
    thinned = [_thin(p.tolist(), per_decade, pitch) for p in roundest]
    return max(thinned, key=len, default=[])  # the first (roundest) of the longest


def _thin(positions: list[float], per_decade: float, pitch: float) -> list[float]:
    """Keep positions from the top down, each ``pitch`` px from the last one kept."""
    kept: list[float] = []
    for v in sorted(positions, reverse=True):
        if not kept or (kept[-1] - v) * per_decade >= pitch:
            kept.append(v)
    return sorted(kept)


def tick_label(v: float) -> str:
    """The label of the tick at log10 value ``v``: ``10⁻⁶``, ``0.01``, ``0.4``, ``2``…"""
    n = round(v)
    if abs(v - n) < 1e-6:
        return f"{10.0**n:g}" if -2 <= n <= 3 else "10" + str(n).translate(_SUPERSCRIPT)
    return f"{10.0**v:.3g}"


class LogAxis(pg.AxisItem):
    """An axis whose log-mode ticks read ``10⁻⁶`` instead of ``1e-06`` and never overlap.

    See :func:`log_ticks`; the labels are :func:`tick_label`, and only the first level of
    ticks carries them.
    """

    def __init__(self, orientation: str, **kwargs) -> None:
        super().__init__(orientation, **kwargs)
        self._labelled: set[float] = set()

    def label_pitch(self) -> float:
        """Pixels a tick label needs along the axis (its height, or its width if horizontal)."""
        metrics = QFontMetricsF(self.style.get("tickFont") or self.font())
        if self.orientation in ("left", "right"):
            return LABEL_PITCH * metrics.height()
        return metrics.horizontalAdvance("10⁻¹⁰") + metrics.height()

    def logTickValues(self, minVal, maxVal, size, stdTicks):  # pyqtgraph hook
        labelled, minor = log_ticks(minVal, maxVal, size, self.label_pitch())
        self._labelled = {round(v, 9) for v in labelled}
        return [(None, labelled), (None, minor)]

    def logTickStrings(self, values, scale, spacing):  # pyqtgraph hook
        return [tick_label(v) if round(v, 9) in self._labelled else "" for v in values]
