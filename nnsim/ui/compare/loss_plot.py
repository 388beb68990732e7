"""Compare mode's run styles and its loss plot.

Every run has one style, from :func:`run_color`, :func:`run_symbol` and :func:`run_pen`:
runs 1–8 the eight colours below as plain lines, runs 9–16 the same colours again with a
hollow circle every twelfth of the curve (and a dotted thumbnail frame), so a grid of 16 runs
stays readable, also for colour-blind viewers. :class:`RunPlot` draws runs in those styles,
one legend entry each, and ends a diverged run with a cross that explains itself (its
tooltip is the run's message, a label says at which step). :class:`CompareLossPlot` is the
loss tab: test loss (solid) and train loss (dashed), the y axis from 0 to 1.5 × the highest
first evaluated loss, so a run that oscillates far above where the runs started does not
squash the others (the table has its numbers)."""

from __future__ import annotations

import functools
import math
from collections.abc import Sequence

import numpy as np
import pyqtgraph as pg
from pyqtgraph.graphicsItems.LegendItem import ItemSample
from pyqtgraph.graphicsItems.ScatterPlotItem import drawSymbol
from PySide6.QtCore import Qt
from PySide6.QtGui import QPen
from PySide6.QtWidgets import QWidget

from nnsim.training.run_group import RunResults
from nnsim.ui.i18n import shown, tr
from nnsim.ui.style import LAYER_COLORS, TEXT

__all__ = [
    "RUN_COLORS",
    "CompareLossPlot",
    "RunPlot",
    "last_step",
    "run_color",
    "run_glyph",
    "run_pen",
    "run_symbol",
]

_TOP = 1e4  # a run whose first loss is above this does not set the y range
RUN_COLORS = [*LAYER_COLORS[:7], LAYER_COLORS[8]]
"""Run i's colour: the per-layer plots' Okabe–Ito seven (colour-blind safe), then purple
(their mustard is too near the orange on a thin line)."""
_SYMBOLS = (None, "o", "t1", "s")  # runs 1–8, 9–16, (17–24, 25–32: more than Compare makes)
_GLYPHS = {"o": "○", "t1": "△", "s": "□"}
_MARKS_PER_CURVE = 12
_SAMPLES_PER_PIXEL = 0.5  # peak: a min and a max per 2 px, what the eye can see of 16 runs


def run_color(i: int) -> str:
    """The colour of run i (0-based)."""
    return RUN_COLORS[i % len(RUN_COLORS)]


def run_symbol(i: int) -> str | None:
    """The pyqtgraph symbol that marks run i's curves (None: a plain line, runs 0–7)."""
    return _SYMBOLS[(i // len(RUN_COLORS)) % len(_SYMBOLS)]


def run_glyph(i: int) -> str:
    """Run i's symbol as text for a caption ("○ "), or "" for a plain line."""
    symbol = run_symbol(i)
    return "" if symbol is None else f"{_GLYPHS[symbol]} "


@functools.cache
def _symbol_pen(i: int) -> QPen:
    return pg.mkPen(run_color(i))  # one object per run: the scatter renders each symbol once


def run_pen(i: int, *, dashed: bool = False) -> QPen:
    """Run i's line: its colour, 1 px (a wider pen costs ~6× more to paint on Qt's raster
    engine); ``dashed`` for a run's second curve (train loss, train accuracy)."""
    style = Qt.PenStyle.DashLine if dashed else Qt.PenStyle.SolidLine
    return pg.mkPen(run_color(i), width=1, style=style)


class RunSample(ItemSample):
    """A legend entry's sample: the run's line, and its symbol for runs 9–16."""

    def __init__(self, item: pg.PlotDataItem, run: int) -> None:
        super().__init__(item)
        self.run = run

    def paint(self, p, *args) -> None:
        super().paint(p, *args)
        symbol = run_symbol(self.run)
        if symbol is not None and self.item.isVisible():
            p.translate(10, 11)
            drawSymbol(p, symbol, 7, pg.mkPen(run_color(self.run)), pg.mkBrush("w"))


class RunPlot(pg.PlotWidget):
    """Runs' curves in their styles: :attr:`SERIES` curves per run (the first solid, the
    others dashed; the first is the run's legend entry), and a divergence cross per run.

    :meth:`show_results` draws every run through a subclass's :meth:`draw_run` (which calls
    :meth:`set_curve` and :meth:`set_mark`), then sets the axes' ranges itself: no autorange
    pass over the items, and the symbols of runs 9–16 are one scatter item, so a redraw of
    16 runs stays cheap. Clicking a legend entry hides or shows everything of that run.
    """

    SERIES: tuple[str, ...] = ("value",)
    LEGEND_OFFSET: tuple[int, int] = (-10, 10)  # from the top right
    LOG_Y = False  # a log y axis (set_curve then drops values <= 0)

    def __init__(self, y_label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent, background="w")
        self.setLogMode(y=self.LOG_Y)
        self.setLabel("bottom", tr("step"))
        self.setLabel("left", y_label)
        self.setMinimumSize(420, 260)
        self.setMenuEnabled(False)
        self.setClipToView(True)
        self.disableAutoRange()
        # no grid: its translucent lines were most of a redraw (23 of 28 ms offscreen, 6 of
        # 10 under X11, 8 runs), enough to keep the event loop > 30 ms while runs train
        self.legend = self.addLegend(
            offset=self.LEGEND_OFFSET,
            labelTextSize="9pt",
            brush=pg.mkBrush(255, 255, 255, 225),
            pen=pg.mkPen("#c8c8c8"),
            labelTextColor=TEXT,
        )
        self.labels: list[str] = []
        self.curves: list[list[pg.PlotDataItem]] = [[] for _ in self.SERIES]
        self.marks: list[pg.PlotDataItem] = []
        self.mark_texts: list[pg.TextItem] = []
        self.symbols = pg.ScatterPlotItem(size=7)  # runs 9–16's symbols, in view coordinates
        self._symbol_points: dict[tuple[int, int], tuple[np.ndarray, np.ndarray]] = {}
        self._y_seen = [math.inf, -math.inf]  # the lowest and highest value drawn

    def set_runs(self, labels: Sequence[str]) -> None:
        """New runs: their curves and (hidden) divergence marks, named in the legend."""
        self.clear()  # every item of the previous runs
        self.legend.clear()
        many = len(labels) > len(RUN_COLORS)  # a grid: 4 rows of 4, in a smaller font
        self.legend.setColumnCount(4 if many else 1 if len(labels) <= 4 else 2)
        self.legend.opts["labelTextSize"] = "8pt" if many else "9pt"
        self.labels = list(labels)
        self.curves = [[] for _ in self.SERIES]
        self.marks, self.mark_texts = [], []
        self._symbol_points = {}
        for i, label in enumerate(labels):
            color = run_color(i)
            for j in range(len(self.SERIES)):
                curve = self.plot(pen=run_pen(i, dashed=j > 0), skipFiniteCheck=True)
                curve.setDownsampling(auto=True, method="peak")  # every spike stays visible
                curve.opts["autoDownsampleFactor"] = _SAMPLES_PER_PIXEL
                self.curves[j].append(curve)
            mark = self.plot(
                pen=None, symbol="x", symbolSize=16, symbolPen=pg.mkPen(color, width=3)
            )
            mark.scatter.opts.update(hoverable=True, tip=lambda x, y, data: str(data))
            mark.setVisible(False)
            text = pg.TextItem("", color=color, anchor=(0, 0))
            text.setVisible(False)
            self.addItem(text, ignoreBounds=True)
            self.marks.append(mark)
            self.mark_texts.append(text)
            first = self.curves[0][i]
            self.legend.addItem(RunSample(first, i), label)
            first.visibleChanged.connect(lambda i=i: self._on_run_toggled(i))
        self.addItem(self.symbols, ignoreBounds=True)

    def _visible(self, i: int) -> bool:
        return bool(self.curves[0][i].isVisible())

    def _on_run_toggled(self, i: int) -> None:
        """A legend click hid or showed run i's first curve: the rest of the run follows."""
        visible = self._visible(i)
        for series in self.curves[1:]:
            series[i].setVisible(visible)
        has_mark = self.marks[i].getData()[0] is not None and len(self.marks[i].getData()[0])
        self.marks[i].setVisible(visible and bool(has_mark))
        self.mark_texts[i].setVisible(visible and bool(has_mark))
        self._show_symbols()

    def set_curve(self, i: int, series: int, x: np.ndarray, y: np.ndarray) -> None:
        """Run i's curve ``series`` (finite points only), and its symbols if it has them."""
        keep = np.isfinite(y) & (y > 0) if self.LOG_Y else np.isfinite(y)
        x, y = x[keep], y[keep]
        self.curves[series][i].setData(x, y)
        if len(y):
            self._y_seen = [min(self._y_seen[0], y.min()), max(self._y_seen[1], y.max())]
        if run_symbol(i) is not None:
            n = len(x)
            phase = (i % len(RUN_COLORS) + 0.5) / len(RUN_COLORS)  # runs' symbols interleave
            at = ((np.arange(_MARKS_PER_CURVE) + phase) * n / _MARKS_PER_CURVE).astype(int)
            at = at[at < n]
            self._symbol_points[i, series] = x[at], np.log10(y[at]) if self.LOG_Y else y[at]

    def _show_symbols(self) -> None:
        xs, ys, pens, symbols = [], [], [], []
        for (i, _), (x, y) in self._symbol_points.items():
            if self._visible(i):
                xs.append(x)
                ys.append(y)
                pens += [_symbol_pen(i)] * len(x)
                symbols += [run_symbol(i)] * len(x)
        if not xs:
            self.symbols.setData([], [])
            return
        self.symbols.setData(
            np.concatenate(xs), np.concatenate(ys), pen=pens, brush=pg.mkBrush("w"), symbol=symbols
        )

    def set_mark(self, i: int, result: RunResults, y: float | None, end: int) -> None:
        """Run i's cross at its last step, on the value ``y``, if it diverged: hovering it
        shows the run's message, a label beside it says at which step (to its left if the
        step is in the right part of the plot, which ends at step ``end``)."""
        mark, text = self.marks[i], self.mark_texts[i]
        last = result.last
        if not result.diverged or last is None or y is None:
            if mark.isVisible():
                mark.setData([], [])
                mark.setVisible(False)
                text.setVisible(False)
            return
        message = f"{self.labels[i]}: {shown(result.diverged)}"
        mark.setData([last.step], [y], data=[message])
        text.setText(tr("{run} diverged at step {step}").format(run=self.labels[i], step=last.step))
        text.setToolTip(message)
        text.setAnchor((1.05, -0.3) if last.step > 0.6 * end else (-0.05, -0.3))  # off the ✕
        text.setPos(last.step, math.log10(y) if self.LOG_Y else y)
        mark.setVisible(self._visible(i))
        text.setVisible(self._visible(i))

    def show_results(self, results: Sequence[RunResults]) -> None:
        """Every run's data so far, the x axis from step 0 to the latest step."""
        self._symbol_points.clear()
        self._y_seen = [math.inf, -math.inf]
        end = last_step(results)
        self.prepare(results)
        for i, result in enumerate(results):
            self.draw_run(i, result, end)
        self._show_symbols()
        self.setXRange(0, max(end, 1), padding=0.02)
        self.set_y_range()

    def prepare(self, results: Sequence[RunResults]) -> None:
        """Before the runs are drawn (a subclass's: what every run's drawing shares)."""

    def draw_run(self, i: int, result: RunResults, end: int) -> None:
        """Run i's curves and mark (a subclass's drawing)."""
        raise NotImplementedError

    def set_y_range(self) -> None:
        """The y axis after every run is drawn: here, the values seen (a log axis: decades)."""
        low, high = self._y_seen
        if not low <= high:
            low, high = (1e-3, 1.0) if self.LOG_Y else (0.0, 1.0)
        if self.LOG_Y:
            low, high = math.floor(math.log10(low)), math.ceil(math.log10(high))
            high = max(high, low + 1)
        self.setYRange(low, high, padding=0.02)


class CompareLossPlot(RunPlot):
    """The overlaid losses (objectName ``compareLossPlot``); :meth:`set_runs` then
    :meth:`show_results` after training. A loss above the y range (a run blowing up) is
    drawn just above it, so its curve leaves the plot upwards; a diverged run's cross sits
    at its last step, on its last test loss (at the top edge if that is above)."""

    SERIES = ("test_loss", "train_loss")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(tr("loss (test solid, train dashed)"), parent)
        self.setObjectName("compareLossPlot")
        self.top = 1.0
        self.setYRange(0.0, 1.0, padding=0)

    @property
    def test_curves(self) -> list[pg.PlotDataItem]:
        return self.curves[0]

    @property
    def train_curves(self) -> list[pg.PlotDataItem]:
        return self.curves[1]

    def prepare(self, results: Sequence[RunResults]) -> None:
        firsts = [_first_finite(r.evaluations.column("test_loss")) for r in results]
        usable = [f for f in firsts if f < _TOP]
        self.top = 1.5 * max(usable) if usable else 1.0

    def draw_run(self, i: int, result: RunResults, end: int) -> None:
        history = result.evaluations
        steps = history.column("step")
        for j, name in enumerate(self.SERIES):
            self.set_curve(i, j, steps, np.minimum(history.column(name), self.top * 1.05))
        _, y = self.test_curves[i].getOriginalDataset()
        y_last = float(y[-1]) if y is not None and len(y) else self.top
        self.set_mark(i, result, min(y_last, self.top * 0.96), end)

    def set_y_range(self) -> None:
        self.setYRange(0.0, self.top, padding=0)


def last_step(results: Sequence[RunResults]) -> int:
    """The latest step any run has reached (where the plots' x axis ends)."""
    return max((r.last.step for r in results if r.last is not None), default=0)


def _first_finite(values: np.ndarray) -> float:
    finite = values[np.isfinite(values)]
    return float(finite[0]) if len(finite) else math.inf
