"""Auto-range in coarse steps, so a live plot's axes (costly to redraw) rarely move."""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QGraphicsItem

_NICE = np.array([1.0, 1.5, 2.0, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0])
LOG_TOP_STEP = 0.1  # decades


def nice_ceil(value: float) -> float:
    """The smallest of 1, 1.5, 2, 3, 4, 5, 6, 8 × 10^k that is ≥ ``value`` (> 0)."""
    if not value > 0:
        return 1.0
    scale = 10.0 ** math.floor(math.log10(value))
    return float(_NICE[np.searchsorted(_NICE, value / scale * (1 - 1e-12))] * scale)


class RangeAnchor:
    """An invisible item that makes a plot's auto-range move in coarse steps.

    Auto-range follows the union of the data and this box: the x extent rounded up to a
    nice number and the y extent rounded outwards to a quarter of its order of magnitude
    (a quarter decade on a log axis, a tenth of one at the top). The range then changes a
    few times per decade of growth instead of on every frame, so the axes (whose tick
    labels are costly to draw) are redrawn from cache almost always.
    """

    def __init__(self, plot: pg.PlotItem) -> None:
        self.plot = plot
        self.item = pg.PlotCurveItem([], [], pen=pg.mkPen(0, 0, 0, 0))  # bounds, no ink
        # Never painted (it would stroke an invisible line on every frame of the plot): the
        # auto-range reads its dataBounds, which do not depend on this flag.
        self.item.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents, True)
        plot.vb.addItem(self.item)  # in the view (auto-range sees it), not a data curve
        self._box: tuple[float, ...] | None = None
        self._loose_frames = 0
        self._last_x = 0.0
        self._followed: tuple[float, list[np.ndarray]] | None = None

    def clear(self) -> None:
        self.item.setData([], [])
        self._box = None
        self._last_x = 0.0
        self._followed = None

    def refit(self) -> None:
        """Follow the last data again (after the axis went log or linear: the box is in view
        coordinates, log10 on a log axis, and would otherwise be read in the wrong ones)."""
        if self._followed is not None:
            self.follow(*self._followed)

    def follow(self, x_max: float, ys: list[np.ndarray]) -> None:
        """Cover [0, x_max] and the finite values of ``ys`` (positive ones on a log axis)."""
        self._followed = (x_max, ys)
        values = np.concatenate([np.ravel(y) for y in ys]) if ys else np.empty(0)
        values = values[np.isfinite(values)]
        log = self.plot.getAxis("left").logMode
        if log:
            values = np.log10(values[values > 0])
        if not len(values):
            return
        lo, hi = float(values.min()), float(values.max())
        step = 0.25 if log else 10.0 ** math.floor(math.log10(max(hi - lo, 1e-300))) / 4
        # On a log axis the top rounds up by a tenth of a decade only (1.2 → 1.26, not 1.78):
        # it is set early (the largest loss comes first) and rarely moves after.
        top = LOG_TOP_STEP if log else step
        lo, hi = math.floor(lo / step) * step, math.ceil(hi / top - 1e-9) * top
        x_max = max(float(x_max), 0.0)
        kept, fresh_run = self._box, x_max < self._last_x
        self._last_x = x_max
        if kept is not None and kept[3] == log and not fresh_run:
            # Grow at once, shrink only after ~2 s of a range twice too tall: thinned and
            # noisy data must not move the axis (costly to redraw) on every frame.
            grown = (min(kept[1], lo), max(kept[2], hi))
            loose = grown[1] - grown[0] > 2 * (hi - lo) + 1e-12
            self._loose_frames = self._loose_frames + 1 if loose else 0
            if self._loose_frames <= 60:
                lo, hi = grown
            else:
                self._loose_frames = 0
        box = (nice_ceil(x_max), lo, hi, log)  # step 0 (first evaluation only): x in [0, 1]
        if box == self._box:
            return
        self._box = box
        self.item.setData([0.0, box[0]], [lo, hi])  # in view coordinates (log10 on a log axis)
