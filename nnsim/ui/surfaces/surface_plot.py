"""The contour plot of a surface with the racers' paths, the known minima and the start.

The filled background shows log(f − f_min); the contour lines are log-spaced
(:func:`~nnsim.ui.surfaces.contours.log_levels`), computed a few levels per call of
:meth:`SurfacePlot.work` (:data:`CONTOUR_SECONDS`; the window calls it from its one
zero-delay timer, a turn of the event loop each) and shown together once all are there,
so a new surface never keeps the event loop busy. A surface's drawing (shade, levels,
contour segments) does not change while racing: it is kept per surface
(:attr:`Surface.key`, the bowl's condition number and angle included) for the whole
session, and the preset surfaces are computed in idle turns after the first one, so
choosing a preset shows its contours at once. The start is a draggable cross
(``startMoved`` while dragged); each racer is a line in its colour with a dot where it is
now, and a large ✕ where it overflowed.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QPointF, Signal
from PySide6.QtWidgets import QGraphicsItem, QWidget

from nnsim.engine.surfaces import Surface
from nnsim.training.surface_race import Racer
from nnsim.training.text import QT_TR_NOOP
from nnsim.ui.i18n import tr
from nnsim.ui.style import TEXT
from nnsim.ui.surfaces.contours import contour_segments, log_levels, surface_grid

__all__ = ["CONTOUR_SECONDS", "SurfaceDrawing", "SurfacePlot", "drawing_for"]

CONTOUR_SECONDS = 0.010  # contour lines computed per timer tick
KEPT_SURFACES = 24  # drawings kept (least recently used dropped first)
_KEEP_ALL = 500  # paths up to this long are drawn point by point
_MARKS = {QT_TR_NOOP("global minimum"): ("star", "#ffd700"),
          QT_TR_NOOP("local minimum"): ("star", "#ffffff"),
          QT_TR_NOOP("saddle"): ("d", "#ffffff")}  # fmt: skip
"""The marks of the engine's critical points, by their kind (shown translated)."""


@dataclass
class SurfaceDrawing:
    """What a surface is drawn with: the grid, the shade, the contour levels, and the
    segments of the levels computed so far (:meth:`compute_for` adds more)."""

    grid: tuple[np.ndarray, np.ndarray, np.ndarray]
    shade: np.ndarray
    levels: list[float]
    segments: list[np.ndarray] = field(default_factory=list)
    _points: np.ndarray | None = None

    @property
    def complete(self) -> bool:
        return len(self.segments) == len(self.levels)

    def compute_for(self, seconds: float) -> None:
        """Trace the next levels for about ``seconds`` (at least one)."""
        end = time.perf_counter() + seconds
        while not self.complete:
            self.segments.append(contour_segments(*self.grid, self.levels[len(self.segments)]))
            if time.perf_counter() >= end:
                break

    @property
    def points(self) -> np.ndarray:
        """Every level's segments, end points in pairs (once :attr:`complete`)."""
        if self._points is None:
            self._points = np.concatenate(self.segments) if self.segments else np.empty((0, 2))
        return self._points


_DRAWINGS: OrderedDict[tuple[object, ...], SurfaceDrawing] = OrderedDict()


def drawing_for(surface: Surface) -> SurfaceDrawing:
    """The drawing of ``surface``, kept (by :attr:`Surface.key`) from an earlier call or
    started now (its contours not yet traced)."""
    key = surface.key
    drawing = _DRAWINGS.get(key)
    if drawing is None:
        grid = surface_grid(surface)
        values = grid[2]
        finite = values[np.isfinite(values)]
        floor = min([p.value for p in surface.minima] + [float(finite.min())])
        levels = log_levels(values, floor)
        shade = np.log10(np.clip(values - floor, 0, None) + (levels[0] - floor))
        drawing = SurfaceDrawing(grid, shade, [float(v) for v in levels])
        _DRAWINGS[key] = drawing
        while len(_DRAWINGS) > KEPT_SURFACES:
            _DRAWINGS.popitem(last=False)
    _DRAWINGS.move_to_end(key)
    return drawing


class SurfacePlot(pg.PlotWidget):
    """objectName ``surfacesPlot``; :meth:`set_surface`, :meth:`set_start`,
    :meth:`show_racers`. ``startMoved(x, y)`` while the start is dragged."""

    startMoved = Signal(float, float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, background="w")
        self.setObjectName("surfacesPlot")
        self.setMenuEnabled(False)
        self.setMouseEnabled(x=False, y=False)
        self.hideButtons()
        self.setAspectLocked(True)
        self.setMinimumSize(380, 360)
        self.setLabel("bottom", "x")
        self.setLabel("left", "y")
        self.image = pg.ImageItem(axisOrder="row-major")
        cmap = pg.ColorMap([0.0, 0.5, 1.0], ["#f7fbff", "#c6dbef", "#6baed6"])
        self.image.setLookupTable(cmap.getLookupTable(nPts=256))
        self.addItem(self.image)
        self.lines = pg.PlotCurveItem(pen=pg.mkPen("#6f7f8f", width=1), connect="pairs")
        self.addItem(self.lines)
        for still in (self.image, self.lines):  # painted once per surface, not every frame
            still.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.minima = pg.ScatterPlotItem(size=15, pen=pg.mkPen(TEXT, width=1), hoverable=True)
        self.minima.setZValue(5)
        self.addItem(self.minima)
        self.start = pg.TargetItem(
            pos=(0, 0), size=16, symbol="crosshair", pen=pg.mkPen(TEXT, width=2), movable=True
        )
        self.start.setObjectName("surfacesStart")
        self.start.setZValue(10)
        self.addItem(self.start)
        self.start.sigPositionChanged.connect(self._on_start_dragged)
        self.paths: list[pg.PlotDataItem] = []
        self.heads = pg.ScatterPlotItem(size=9, pen=pg.mkPen("w", width=1))
        self.heads.setZValue(8)
        self.addItem(self.heads)
        self.stops = pg.ScatterPlotItem(size=18, symbol="x", pen=None)
        self.stops.setZValue(9)
        self.addItem(self.stops)
        self._surface: Surface | None = None
        self._drawing: SurfaceDrawing | None = None
        self._lines_shown = False  # the lines item holds the drawing's complete contours
        self._ahead: list[Surface] = []  # surfaces to draw in idle ticks (see precompute)
        self._moving = False
        self._path_colors: list[str] = []
        self._name_marks()

    # -- the surface --

    def set_surface(self, surface: Surface) -> None:
        """Show ``surface`` over its box: the shade, the minima, then the contour lines, in
        the next calls of :meth:`work` (a turn of the event loop each, so that each paints
        in a turn of its own)."""
        self._surface = surface
        self._drawing = None  # not on screen yet
        self._lines_shown = False

    def precompute(self, surfaces: Iterable[Surface]) -> None:
        """Trace the contours of ``surfaces`` in idle calls of :meth:`work`, after the
        surface on screen."""
        self._ahead = list(surfaces)

    @property
    def contours_ready(self) -> bool:
        """The surface set last is on screen with every contour level."""
        return self._lines_shown

    @property
    def contour_levels_drawn(self) -> int:
        return len(self._drawing.segments) if self._lines_shown and self._drawing else 0

    @property
    def busy(self) -> bool:
        """The surface set last is not wholly on screen yet."""
        return self._surface is not None and not self._lines_shown

    def work(self) -> bool:
        """One piece of drawing (at most about :data:`CONTOUR_SECONDS`): the new surface's
        shade, its contour levels, its lines; else one of the surfaces ahead. False once
        there is nothing left to do."""
        if self._surface is None:
            return False
        if self._drawing is None:
            self._show_surface(self._surface)
        elif not self._lines_shown:
            if self._drawing.complete:
                self._show_lines()
            else:
                self._drawing.compute_for(CONTOUR_SECONDS)
        elif self._ahead:
            key = self._ahead[0].key
            if key not in _DRAWINGS:
                drawing_for(self._ahead[0])  # its grid and shade: a piece of their own
            else:
                _DRAWINGS[key].compute_for(CONTOUR_SECONDS)
                if _DRAWINGS[key].complete:
                    self._ahead.pop(0)
        else:
            return False
        return True

    def _show_surface(self, surface: Surface) -> None:
        self._drawing = drawing = drawing_for(surface)
        x0, x1, y0, y1 = surface.box
        self.image.setImage(drawing.shade, autoLevels=True)
        self.image.setRect(pg.QtCore.QRectF(x0, y0, x1 - x0, y1 - y0))
        # both at once: with the aspect locked the view grows to hold the whole box
        self.getViewBox().setRange(xRange=(x0, x1), yRange=(y0, y1), padding=0.01)
        self.lines.setData([], [])
        self._mark_points(surface)

    def _name_marks(self) -> None:
        """The start's and the marked points' tooltips, in the UI's language."""
        self.start.setToolTip(tr("The start: drag it and every optimizer starts again from here."))
        if self._surface is not None:
            self._mark_points(self._surface)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self._name_marks()

    def _mark_points(self, surface: Surface) -> None:
        """The surface's minima and saddles, each named in its tooltip."""
        spots = []
        for p in surface.critical_points:
            symbol, color = _MARKS[p.kind]
            tip = f"{tr(p.kind)} ({p.x:.4g}, {p.y:.4g}): f = {p.value:.4g}"
            spots.append({"pos": (p.x, p.y), "symbol": symbol, "brush": pg.mkBrush(color),
                          "data": tip})  # fmt: skip
        self.minima.setData(spots)
        self.minima.setToolTip("\n".join(s["data"] for s in spots))

    def _show_lines(self) -> None:
        assert self._drawing is not None
        points = self._drawing.points
        self.lines.setData(points[:, 0], points[:, 1], connect="pairs", skipFiniteCheck=True)
        self._lines_shown = True

    # -- the start --

    def set_start(self, x: float, y: float) -> None:
        """Put the start cross at (x, y) (no signal)."""
        self._moving = True
        try:
            self.start.setPos(QPointF(x, y))
        finally:
            self._moving = False

    def _on_start_dragged(self) -> None:
        if self._moving or self._surface is None:
            return
        pos = self.start.pos()
        x0, x1, y0, y1 = self._surface.box
        x, y = min(max(pos.x(), x0), x1), min(max(pos.y(), y0), y1)
        if (x, y) != (pos.x(), pos.y()):
            self.set_start(x, y)  # kept inside the box
        self.startMoved.emit(x, y)

    # -- the racers --

    def _thinned(self, path: np.ndarray) -> np.ndarray:
        """``path`` with the points closer than about a pixel along it to the one kept
        before dropped (a converged path piles thousands onto one spot: painting them all
        would cost far more than a frame); every step longer than that is kept."""
        if len(path) <= _KEEP_ALL or self._surface is None:
            return path
        x0, x1, y0, y1 = self._surface.box
        tolerance = max(x1 - x0, y1 - y0) / 1500
        along = np.concatenate([[0.0], np.cumsum(np.hypot(*np.diff(path, axis=0).T))])
        bucket = np.floor(along / tolerance)
        keep = np.concatenate([[True], bucket[1:] != bucket[:-1]])
        keep[-1] = True
        return path[keep]

    def show_racers(self, racers: Sequence[Racer], colors: Sequence[str]) -> None:
        """Draw each racer's path so far, its current point, and ✕ where it stopped."""
        while len(self.paths) < len(racers):
            item = pg.PlotDataItem()
            item.setZValue(7)
            self.addItem(item)
            self.paths.append(item)
        while len(self.paths) > len(racers):
            self.removeItem(self.paths.pop())
        del self._path_colors[len(racers) :]
        heads: list[tuple[np.ndarray, str]] = []
        stops: list[tuple[np.ndarray, str]] = []
        for k, (item, racer, color) in enumerate(zip(self.paths, racers, colors, strict=True)):
            path = self._thinned(racer.path)  # (finite: a path stops at its last finite point)
            if k >= len(self._path_colors) or self._path_colors[k] != color:
                item.setZValue(7 - 0.1 * k)  # the first racer on top
                item.setPen(pg.mkPen(color, width=2))
                self._path_colors[k:] = [color]
            item.setData(path[:, 0], path[:, 1], skipFiniteCheck=True)
            (stops if racer.stopped else heads).append((path[-1], color))
        self.heads.setData(
            pos=np.array([p for p, _ in heads]).reshape(-1, 2),
            brush=[pg.mkBrush(c) for _, c in heads],
        )
        self.stops.setData(
            pos=np.array([p for p, _ in stops]).reshape(-1, 2),
            brush=[pg.mkBrush(c) for _, c in stops],
            pen=[pg.mkPen(c, width=3) for _, c in stops],
        )
