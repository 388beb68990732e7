"""Each racer's loss against the step, one colour each, a ✕ where a path stopped.

Where the surface has a known minimum the plot shows f − f_min on a log axis (how far above
the minimum, over decades); on the saddle, unbounded below, it shows f itself.

Redrawn several times a second while racing, so it is kept cheap to paint: the axes move in
steps (the step axis to the next 1, 2 or 5 × 10ᵏ, the log axis by whole decades), so their
ticks are laid out again only when a step is crossed; no grid (translucent lines across the
plot were most of a paint) and no SI prefixes (each range change re-set the axis labels).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QWidget

from nnsim.engine.surfaces import Surface
from nnsim.training.surface_race import Racer
from nnsim.ui.compare.loss_plot import run_color
from nnsim.ui.i18n import tr
from nnsim.ui.style import TEXT

__all__ = ["SurfaceLossPlot"]

_TINY = 1e-16  # f − f_min is drawn at least this high on the log axis


_FEW_STEPS = 10  # fewer steps than this: the x axis shows 0…10


def nice_ceiling(value: float) -> float:
    """The smallest 1, 2 or 5 × 10ᵏ at or above ``value`` (≥ 1)."""
    if value <= 1:
        return 1.0
    k = math.floor(math.log10(value))
    for m in (1, 2, 5, 10):
        if m * 10.0**k >= value * (1 - 1e-12):
            return float(m * 10.0**k)
    return float(10.0 ** (k + 1))  # (not reached)


class SurfaceLossPlot(pg.PlotWidget):
    """objectName ``surfacesLossPlot``: :meth:`set_racers`, then :meth:`show_racers`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, background="w")
        self.setObjectName("surfacesLossPlot")
        self.setMenuEnabled(False)
        self.setMinimumSize(300, 200)
        self.setLabel("bottom", tr("step"))
        for axis in ("left", "bottom"):
            self.getAxis(axis).enableAutoSIPrefix(False)
        self.setDownsampling(auto=True, mode="peak")
        self.setClipToView(True)
        self.disableAutoRange()
        self.legend = self.addLegend(offset=(8, -8), labelTextSize="8pt",
                                     brush=pg.mkBrush("w"), pen=pg.mkPen("#c8c8c8"),
                                     labelTextColor=TEXT)  # fmt: skip
        self.curves: list[pg.PlotDataItem] = []
        self.marks: list[pg.PlotDataItem] = []
        self.floor: float | None = 0.0
        self._labels: list[str] | None = None
        self._log: bool | None = None  # whether the y axis is logarithmic
        self._pool: list[tuple[pg.PlotDataItem, pg.PlotDataItem]] = []
        self._range: tuple[float, float, float, float] | None = None  # the view's, as set

    def set_racers(self, labels: Sequence[str], surface: Surface) -> None:
        """New racers on ``surface``: a curve and a (hidden) stop mark each. The items are
        made once and reused (a restart, e.g. while the start is dragged, must be cheap)."""
        floor = min((p.value for p in surface.minima), default=None)
        if self._log is not (floor is not None):
            self._log = floor is not None
            self.setLogMode(x=False, y=self._log)
            self.setLabel("left", tr("loss") if floor is None else tr("loss − minimum (log)"))
        self.floor = floor
        self._range = None
        while len(self._pool) < len(labels):
            color = run_color(len(self._pool))
            # (a 1-pixel pen: wider ones cost several times more to paint, every frame)
            curve = self.plot(pen=pg.mkPen(color, width=1))
            mark = self.plot(
                pen=None, symbol="x", symbolSize=16, symbolPen=pg.mkPen(color, width=3)
            )
            self._pool.append((curve, mark))
        for i, (curve, mark) in enumerate(self._pool):
            curve.setData([], [])
            mark.setData([], [])
            curve.setVisible(i < len(labels))
        self.curves = [c for c, _ in self._pool[: len(labels)]]
        self.marks = [m for _, m in self._pool[: len(labels)]]
        if list(labels) != self._labels:
            self._labels = list(labels)
            while len(self.legend.items) > len(labels):  # the rows kept are relabelled
                self.legend.removeItem(self.legend.items[-1][0].item)
            for (_, text), label in zip(self.legend.items, labels, strict=False):
                if text.text != label:
                    text.setText(label)
            kept = len(self.legend.items)
            for curve, label in zip(self.curves[kept:], labels[kept:], strict=True):
                self.legend.addItem(curve, label)

    def heights(self, racer: Racer) -> np.ndarray:
        """What the plot draws for ``racer``: f − f_min (at least 1e-16), or f."""
        if self.floor is None:
            return racer.losses
        return np.maximum(racer.losses - self.floor, _TINY)

    def show_racers(self, racers: Sequence[Racer]) -> None:
        low, high = math.inf, -math.inf
        for curve, mark, racer in zip(self.curves, self.marks, racers, strict=True):
            y = self.heights(racer)  # (finite: a path stops at its last finite point)
            curve.setData(np.arange(len(y)), y, skipFiniteCheck=True)
            if racer.stopped:
                mark.setData([len(y) - 1], [y[-1]])
            else:
                mark.setData([], [])
            if len(y):
                low, high = min(low, float(y.min())), max(high, float(y.max()))
        steps = max((len(r.losses) - 1 for r in racers), default=0)
        x1 = max(float(_FEW_STEPS), nice_ceiling(steps))  # from step 0, not ±500 around it
        if self.floor is None:  # unbounded below: keep the start in view
            top = max((abs(float(r.losses[0])) for r in racers), default=1.0)
            y0, y1 = min(-4.0, -top), top * 1.2 + 0.5
        elif math.isfinite(low):  # whole decades of f − f_min
            y0, y1 = math.floor(math.log10(low)), math.ceil(math.log10(high))
            y1 = max(y1, y0 + 1)
        else:
            y0, y1 = -1.0, 1.0
        if (0.0, x1, y0, y1) != self._range:
            self._range = (0.0, x1, y0, y1)
            self.setXRange(0.0, x1, padding=0)
            self.setYRange(y0, y1, padding=0.03)  # (the top tick's label whole)
