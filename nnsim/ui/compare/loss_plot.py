"""Compare mode's loss plot: every run's test loss (solid) and train loss (dashed) against
the step, one colour per run; a run that diverged ends with a cross. The y axis runs from 0
to 1.5 × the highest first evaluated loss, so a run that oscillates far above where the
runs started does not squash the others (the table has its numbers)."""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from nnsim.training.run_group import RunResults
from nnsim.ui.style import LAYER_COLORS, TEXT

__all__ = ["RUN_COLORS", "CompareLossPlot", "run_color"]

_TOP = 1e4  # a run whose first loss is above this does not set the y range
RUN_COLORS = [*LAYER_COLORS[:7], LAYER_COLORS[8]]
"""Run i's colour: the per-layer plots' Okabe–Ito seven (colour-blind safe), then purple
(their mustard is too near the orange on a thin line)."""


def run_color(i: int) -> str:
    """The colour of run i (0-based)."""
    return RUN_COLORS[i % len(RUN_COLORS)]


class CompareLossPlot(pg.PlotWidget):
    """The overlaid losses (objectName ``compareLossPlot``); :meth:`set_runs` then
    :meth:`show_results` after training."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, background="w")
        self.setObjectName("compareLossPlot")
        self.setLabel("bottom", "step")
        self.setLabel("left", "loss (test solid, train dashed)")
        self.setMinimumSize(420, 260)
        self.setMenuEnabled(False)
        self.setDownsampling(auto=True, mode="peak")  # long runs: a point or two per pixel
        self.setClipToView(True)
        self.showGrid(x=False, y=True, alpha=0.15)
        self.legend = self.addLegend(
            offset=(-10, 10),
            labelTextSize="9pt",
            brush=pg.mkBrush(255, 255, 255, 225),
            pen=pg.mkPen("#c8c8c8"),
            labelTextColor=TEXT,
        )
        self.test_curves: list[pg.PlotDataItem] = []
        self.train_curves: list[pg.PlotDataItem] = []
        self.marks: list[pg.PlotDataItem] = []

    def set_runs(self, labels: Sequence[str]) -> None:
        """New runs: one curve pair and a (hidden) divergence mark each, named in the legend."""
        for item in [*self.test_curves, *self.train_curves, *self.marks]:
            self.removeItem(item)
        self.legend.clear()
        self.test_curves, self.train_curves, self.marks = [], [], []
        for i, label in enumerate(labels):
            color = run_color(i)
            pen = pg.mkPen(color, width=1)  # a wider pen costs ~6× more to paint (Qt raster)
            self.test_curves.append(self.plot(pen=pen, name=label))
            dashed = pg.mkPen(color, width=1, style=Qt.PenStyle.DashLine)
            self.train_curves.append(self.plot(pen=dashed))
            mark = self.plot(
                pen=None, symbol="x", symbolSize=16, symbolPen=pg.mkPen(color, width=3)
            )
            self.marks.append(mark)
        self.enableAutoRange()
        self.setYRange(0.0, 1.0, padding=0)

    def show_results(self, results: Sequence[RunResults]) -> None:
        """Every run's evaluations so far. A loss above the y range (a run blowing up) is
        drawn just above it, so its curve leaves the plot upwards; a diverged run's cross
        sits at its last step, on its last test loss (at the top edge if that is above)."""
        firsts = [_first_finite(r.evaluations.column("test_loss")) for r in results]
        usable = [f for f in firsts if f < _TOP]
        top = 1.5 * max(usable) if usable else 1.0
        for i, result in enumerate(results):
            history = result.evaluations
            steps = history.column("step")
            for curve, name in ((self.test_curves[i], "test_loss"),
                                (self.train_curves[i], "train_loss")):  # fmt: skip
                values = history.column(name)
                finite = np.isfinite(values)
                curve.setData(steps[finite], np.minimum(values[finite], top * 1.05))
            last = result.last
            if result.diverged and last is not None:
                _, y = self.test_curves[i].getOriginalDataset()
                y_last = float(y[-1]) if y is not None and len(y) else top
                self.marks[i].setData([last.step], [min(y_last, top * 0.98)])
            else:
                self.marks[i].setData([], [])
        self.setYRange(0.0, top, padding=0)
        self.enableAutoRange(axis="x")


def _first_finite(values: np.ndarray) -> float:
    finite = values[np.isfinite(values)]
    return float(finite[0]) if len(finite) else math.inf
