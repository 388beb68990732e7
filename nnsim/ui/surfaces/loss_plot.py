"""Each racer's loss against the step, one colour each, a ✕ where a path stopped.

Where the surface has a known minimum the plot shows f − f_min on a log axis (how far above
the minimum, over decades); on the saddle, unbounded below, it shows f itself.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QWidget

from nnsim.engine.surfaces import Surface
from nnsim.training.surface_race import Racer
from nnsim.ui.compare.loss_plot import run_color
from nnsim.ui.style import TEXT

__all__ = ["SurfaceLossPlot"]

_TINY = 1e-16  # f − f_min is drawn at least this high on the log axis


_FEW_STEPS = 10  # fewer steps than this: the x axis shows 0…10


class SurfaceLossPlot(pg.PlotWidget):
    """objectName ``surfacesLossPlot``: :meth:`set_racers`, then :meth:`show_racers`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, background="w")
        self.setObjectName("surfacesLossPlot")
        self.setMenuEnabled(False)
        self.setMinimumSize(300, 200)
        self.setLabel("bottom", "step")
        self.setDownsampling(auto=True, mode="peak")
        self.setClipToView(True)
        self.showGrid(x=False, y=True, alpha=0.15)
        self.legend = self.addLegend(offset=(8, -8), labelTextSize="8pt",
                                     brush=pg.mkBrush(255, 255, 255, 225),
                                     pen=pg.mkPen("#c8c8c8"), labelTextColor=TEXT)  # fmt: skip
        self.curves: list[pg.PlotDataItem] = []
        self.marks: list[pg.PlotDataItem] = []
        self.floor: float | None = 0.0
        self._labels: list[str] | None = None
        self._log: bool | None = None  # whether the y axis is logarithmic
        self._pool: list[tuple[pg.PlotDataItem, pg.PlotDataItem]] = []

    def set_racers(self, labels: Sequence[str], surface: Surface) -> None:
        """New racers on ``surface``: a curve and a (hidden) stop mark each. The items are
        made once and reused (a restart, e.g. while the start is dragged, must be cheap)."""
        floor = min((p.value for p in surface.minima), default=None)
        if self._log is not (floor is not None):
            self._log = floor is not None
            self.setLogMode(x=False, y=self._log)
            self.setLabel("left", "loss" if floor is None else "loss − minimum (log)")
        self.floor = floor
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
            if len(self.legend.items) == len(labels):
                for (_, text), label in zip(self.legend.items, labels, strict=True):
                    text.setText(label)
            else:
                self.legend.clear()
                for curve, label in zip(self.curves, labels, strict=True):
                    self.legend.addItem(curve, label)
        self.enableAutoRange()

    def heights(self, racer: Racer) -> np.ndarray:
        """What the plot draws for ``racer``: f − f_min (at least 1e-16), or f."""
        if self.floor is None:
            return racer.losses
        return np.maximum(racer.losses - self.floor, _TINY)

    def show_racers(self, racers: Sequence[Racer]) -> None:
        if self.floor is None and racers:  # unbounded below: keep the start in view
            top = max(float(r.losses[0]) for r in racers)
            self.setYRange(min(-4.0, -abs(top)), abs(top) * 1.2 + 0.5, padding=0)
        for curve, mark, racer in zip(self.curves, self.marks, racers, strict=True):
            y = self.heights(racer)
            curve.setData(np.arange(len(y)), y)
            if racer.stopped:
                mark.setData([len(y) - 1], [y[-1]])
            else:
                mark.setData([], [])
        steps = max((len(r.losses) - 1 for r in racers), default=0)
        if steps < _FEW_STEPS:  # only the start: an axis from step 0, not ±500 around it
            self.setXRange(0, _FEW_STEPS, padding=0)
        else:
            self.enableAutoRange(axis="x")
