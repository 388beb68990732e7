"""Several curves on one x axis drawn by a single item: the gradient panel's line per layer.

pyqtgraph draws each curve through a ``PlotDataItem`` and its ``PlotCurveItem``: per curve
and per frame, a data pipeline (log mapping, clipping, down-sampling checks), bounds
computed again for the auto-range, and several Python ``boundingRect`` calls from the
scene. For eleven layers that was the gradient panel's largest cost (4–5 ms of a frame).
:class:`LayerLines` maps all the curves at once, builds one path per curve and paints
them in one call, in order (the last curve on top), each in its pen, as pyqtgraph would.

Each curve keeps a :class:`LayerCurve` in the plot: a ``PlotDataItem`` that draws nothing
but stands for it in the legend (its name and pen; a click on its sample hides and shows
it), in ``PlotItem.listDataItems()`` and in the CSV export (:meth:`LayerCurve.getData`
is what is drawn, :meth:`LayerCurve.getOriginalDataset` what was given), and takes the
plot's options: its opacity ("Alpha") is the line's; when one of the plot's transforms
(power spectrum, dy/dx, phase map, subtract mean) is on, the curves get their data and
draw themselves, as plain ``PlotDataItem`` do, until it is off again.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainter, QPainterPath, QPen

_EMPTY = np.empty(0)
TRANSFORMS = ("fftMode", "subtractMeanMode", "derivativeMode", "phasemapMode")
"""The plot options a curve applies to its own data: with one on, the curves draw themselves."""


class LayerCurve(pg.PlotDataItem):
    """One curve of a :class:`LayerLines`, as the plot, its legend and exporters see it."""

    _lines: LayerLines | None = None  # None while PlotDataItem sets itself up (or is fed)

    def __init__(self, lines: LayerLines, index: int, name: str, pen: QPen) -> None:
        super().__init__(name=name, pen=pen)
        self._lines = lines
        self._index = index
        self.visibleChanged.connect(lines.curve_visibility_changed)
        self.opacityChanged.connect(lines.update)

    def feed(self, x: np.ndarray, y: np.ndarray, standalone: bool) -> None:
        """Give the curve its data to draw itself (``standalone``), or none: its lines draw it."""
        lines, self._lines = self._lines, None  # its own drawing, not the lines'
        try:
            if standalone:
                pg.PlotDataItem.setData(self, x, y)
            else:
                pg.PlotDataItem.clear(self)
        finally:
            self._lines = lines

    def transformed(self) -> bool:
        """Whether one of the plot's transforms is on for this curve."""
        return any(self.opts[mode] for mode in TRANSFORMS)

    def updateItems(self, styleUpdate: bool = True) -> None:  # pyqtgraph's hook: opts changed
        super().updateItems(styleUpdate)
        if self._lines is not None:
            self._lines.curve_modes_changed()

    def getData(self):  # pyqtgraph's name: what is drawn (log10 on a log axis)
        if self._lines is None or self._lines.standalone:
            return super().getData()
        return self._lines.shown_data(self._index)

    def getOriginalDataset(self):  # pyqtgraph's name: what was given (the CSV export)
        if self._lines is None:
            return super().getOriginalDataset()
        return self._lines.original_data(self._index)

    @property
    def xData(self):  # pyqtgraph's names, as getOriginalDataset
        return self.getOriginalDataset()[0]

    @property
    def yData(self):
        return self.getOriginalDataset()[1]


class LayerLines(pg.GraphicsObject):
    """Curves sharing x, drawn by one item: ``curves[i]`` (a :class:`LayerCurve`) is curve i.

    Add it to a ``PlotItem`` with :meth:`add_to`; feed it with :meth:`set_data`. Like a
    ``PlotDataItem`` it follows the plot's log axes (``setLogMode``, which the plot calls),
    leaves gaps at NaN (and at values ≤ 0 on a log axis), and gives the view its data
    bounds for the auto-range (of the curves shown).
    """

    def __init__(self, names: Sequence[str], pens: Sequence[QPen]) -> None:
        super().__init__()
        self._pens = list(pens)
        self.curves = [
            LayerCurve(self, i, name, pen)
            for i, (name, pen) in enumerate(zip(names, pens, strict=True))
        ]
        self._x: np.ndarray = _EMPTY
        self._ys = np.empty((len(self._pens), 0))  # row i: curve i, as given
        self._log = (False, False)
        self._shown_x: np.ndarray = _EMPTY
        self._shown_ys = self._ys  # as drawn: log10 on a log axis
        self._paths: list[QPainterPath] | None = None
        self._bounds: list[tuple[float, float] | None] = [None, None]  # x, y of the curves shown
        self._bounding_rect: QRectF | None = None
        self.standalone = False  # True while a transform is on: the curves draw themselves

    def add_to(self, plot: pg.PlotItem) -> None:
        """Put the lines into ``plot``, and their curves into its data items and legend."""
        plot.addItem(self)
        for curve in self.curves:
            plot.addItem(curve)

    def remove_from(self, plot: pg.PlotItem) -> None:
        for curve in self.curves:
            plot.removeItem(curve)
        plot.removeItem(self)

    # -- data ----------------------------------------------------------------------------------
    def set_data(self, x: np.ndarray, ys: Sequence[np.ndarray]) -> None:
        """Curve i through (``x``, ``ys[i]``); every ``ys[i]`` as long as ``x``."""
        if len(ys) != len(self._pens):
            raise ValueError(f"{len(ys)} curves for {len(self._pens)} lines")
        x = np.asarray(x)
        if any(np.shape(y) != x.shape for y in ys):
            raise ValueError("every curve needs one value per x")
        self._x = x
        self._ys = np.array(ys).reshape(len(self._pens), len(x))  # one table: mapped at once
        self._remap()
        if self.standalone:
            self._feed_curves()

    def clear(self) -> None:
        self.set_data(_EMPTY, [_EMPTY] * len(self._pens))

    def shown_data(self, index: int) -> tuple[np.ndarray | None, np.ndarray | None]:
        """Curve ``index`` as drawn (log10 on a log axis); (None, None) when empty."""
        if not len(self._shown_x):
            return None, None
        return self._shown_x, self._shown_ys[index]

    def original_data(self, index: int) -> tuple[np.ndarray | None, np.ndarray | None]:
        """Curve ``index`` as given to :meth:`set_data`; (None, None) when empty."""
        if not len(self._x):
            return None, None
        return self._x, self._ys[index]

    def setLogMode(self, x_log: bool, y_log: bool) -> None:  # pyqtgraph's name
        """Draw log10 of x and/or y (the plot calls it when its axes change)."""
        if (bool(x_log), bool(y_log)) != self._log:
            self._log = (bool(x_log), bool(y_log))
            self._remap()

    def _remap(self) -> None:
        x_log, y_log = self._log
        self._shown_x = _log10(self._x) if x_log else self._x
        self._shown_ys = _log10(self._ys) if y_log else self._ys
        self._paths = None
        self._fit_bounds()

    def curve_visibility_changed(self) -> None:
        """A curve was hidden or shown (its legend sample clicked): bounds and drawing follow."""
        self._fit_bounds()

    def curve_modes_changed(self) -> None:
        """A curve's options changed: with a transform on, the curves draw themselves."""
        standalone = any(curve.transformed() for curve in self.curves)
        if standalone != self.standalone:
            self.standalone = standalone
            self._feed_curves()
            self._fit_bounds()

    def _feed_curves(self) -> None:
        for curve, y in zip(self.curves, self._ys, strict=True):
            curve.feed(self._x, y, self.standalone)

    def _visible(self) -> list[int]:
        return [i for i, curve in enumerate(self.curves) if curve.isVisible()]

    def _fit_bounds(self) -> None:
        shown = [] if self.standalone else self._visible()
        if len(self._shown_x) and shown:
            ys = self._shown_ys if len(shown) == len(self.curves) else self._shown_ys[shown]
            self._bounds = [_finite_range(self._shown_x), _finite_range(ys)]
        else:
            self._bounds = [None, None]
        self._bounding_rect = None
        self.prepareGeometryChange()
        self.informViewBoundsChanged()
        self.update()

    # -- pyqtgraph's item interface ------------------------------------------------------------
    def dataBounds(self, ax: int, frac: float = 1.0, orthoRange=None):  # pyqtgraph's name
        """(min, max) of the shown curves along ``ax`` (0: x, 1: y), as a curve gives it."""
        if frac >= 1.0 and orthoRange is None:
            bounds = self._bounds[ax]
            return (None, None) if bounds is None else bounds
        shown = [] if self.standalone else self._visible()
        if not len(self._shown_x) or not shown:
            return (None, None)
        xs = np.tile(self._shown_x, len(shown)).astype(float)
        ys = self._shown_ys[shown].ravel().astype(float)
        d, other = (xs, ys) if ax == 0 else (ys, xs)
        if orthoRange is not None:
            d = d[(other >= orthoRange[0]) & (other <= orthoRange[1])]
        d = d[np.isfinite(d)]
        if not len(d):
            return (None, None)
        if frac >= 1.0:
            return float(d.min()), float(d.max())
        lo, hi = np.percentile(d, [50 * (1 - frac), 50 * (1 + frac)])
        return float(lo), float(hi)

    def pixelPadding(self) -> float:  # pyqtgraph's name: the pens' half width, in pixels
        return max((pen.widthF() * 0.7072 for pen in self._pens if pen.isCosmetic()), default=0.0)

    def boundingRect(self) -> QRectF:
        if self._bounding_rect is None:
            x_range, y_range = self._bounds
            if x_range is None or y_range is None:
                self._bounding_rect = QRectF()
                return self._bounding_rect
            (x0, x1), (y0, y1) = x_range, y_range
            px = py = 0.0
            pad = self.pixelPadding()
            if pad > 0:
                vx, vy = self.pixelVectors()
                px = 0.0 if vx is None else vx.length() * pad
                py = 0.0 if vy is None else vy.length() * pad
            self._bounding_rect = QRectF(x0 - px, y0 - py, x1 - x0 + 2 * px, y1 - y0 + 2 * py)
        return self._bounding_rect

    def viewTransformChanged(self) -> None:  # pyqtgraph's hook: a pixel's size changed
        super().viewTransformChanged()
        self._bounding_rect = None
        self.prepareGeometryChange()

    def paint(self, painter: QPainter, option, widget=None) -> None:
        if not len(self._shown_x) or self.standalone:
            return
        export = self._exportOpts
        antialias = export.get("antialias", True) if export is not False else False
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, antialias)
        if self._paths is None:
            self._paths = [_path(self._shown_x, y) for y in self._shown_ys]
        opacity = painter.opacity()
        for path, pen, curve in zip(self._paths, self._pens, self.curves, strict=True):
            if curve.isVisible():
                painter.setOpacity(opacity * curve.opacity())  # the plot's "Alpha" option
                painter.setPen(pen)
                painter.drawPath(path)
        painter.setOpacity(opacity)


def clear_lines(plot: pg.PlotItem) -> None:
    """Empty every :class:`LayerLines` of ``plot`` (a new run: the old one's data go)."""
    for item in plot.items:
        if isinstance(item, LayerLines):
            item.clear()


def _log10(values: np.ndarray) -> np.ndarray:
    """log10, with the logs of zero and negative values (and NaN) as NaN: gaps."""
    with np.errstate(divide="ignore", invalid="ignore"):
        out = np.log10(values)
    out[~np.isfinite(out)] = np.nan
    return out


def _finite_range(values: np.ndarray) -> tuple[float, float] | None:
    if not values.size:
        return None
    lo, hi = float(np.min(values)), float(np.max(values))  # NaN if any is NaN
    if not (math.isfinite(lo) and math.isfinite(hi)):
        finite = values[np.isfinite(values)]
        if not len(finite):
            return None
        lo, hi = float(finite.min()), float(finite.max())
    return lo, hi


def _path(x: np.ndarray, y: np.ndarray) -> QPainterPath:
    """The curve's path as pyqtgraph makes it: one polyline, broken where a value is NaN."""
    if not len(x):
        return QPainterPath()
    if np.isfinite(y).all() and np.isfinite(x).all():
        return pg.arrayToQPath(x, y, connect="all", finiteCheck=False)
    return pg.arrayToQPath(x, y, connect="finite", finiteCheck=True)
