"""The landscape's drawing: the loss grid as a heatmap on a log colour scale with log-spaced
contour lines, the trajectory projected onto the slice, the current weights marked, and the
1-D slice through them along d₁.

Each new grid is drawn in pieces (:meth:`LandscapePlot.draw_steps`: the heatmap, the
contours, the trajectory, the slice), one per turn of the event loop, so that each piece
and its paint stay well within a frame; the heatmap is interpolated to about
:data:`IMAGE_POINTS` pixels a side whatever the grid's resolution, and the axes' labels are
set only when they change (laying out a label is a good part of a paint).

objectNames: ``landscapePlot``, ``landscapeSlicePlot``.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF
from PySide6.QtWidgets import QVBoxLayout, QWidget

from nnsim.ui.i18n import tr
from nnsim.ui.style import HIGHLIGHT

__all__ = [
    "CONTOUR_LEVELS",
    "CONTOUR_POINTS",
    "IMAGE_POINTS",
    "UPSAMPLE",
    "LandscapePlot",
    "contour_segments",
    "log_loss",
    "log_ticks",
    "upsample",
    "upsample_factor",
]

CONTOUR_LEVELS = 12  # contour lines, evenly spaced in log₁₀(loss)
CONTOUR_POINTS = 61  # the contours are traced on at most this many grid points a side
UPSAMPLE = 4  # the heatmap is drawn bilinearly interpolated, this many pixels a grid step
IMAGE_POINTS = 161  # ... at most: a finer grid is interpolated less (151 × 151: not at all)
_FLOOR = 1e-12  # a loss of 0 is drawn as this on the log scale


def log_loss(loss: np.ndarray) -> np.ndarray:
    """log₁₀ of the loss grid, for the colours: non-finite values (a blown-up corner) are
    drawn as the largest finite one, zero as :data:`_FLOOR`."""
    with np.errstate(all="ignore"):
        out = np.log10(np.maximum(loss, _FLOOR))
    finite = np.isfinite(out)
    top = float(out[finite].max()) if finite.any() else 0.0
    return np.where(finite, out, top)


def upsample(image: np.ndarray, factor: int = UPSAMPLE) -> np.ndarray:
    """Bilinear interpolation of ``image`` onto a grid ``factor`` times finer (the corners
    kept): what is drawn, so that the 41×41 values do not show as blocks."""
    out = image
    for axis in (0, 1):
        n = out.shape[axis]
        fine = np.linspace(0, n - 1, (n - 1) * factor + 1)
        lo = np.minimum(fine.astype(np.intp), n - 2)
        t = (fine - lo).reshape((-1, 1) if axis == 0 else (1, -1))
        a, b = np.take(out, lo, axis=axis), np.take(out, lo + 1, axis=axis)
        out = a + (b - a) * t
    return out


def upsample_factor(n: int) -> int:
    """How many pixels a grid step of an ``n``-point side is drawn with: :data:`UPSAMPLE`,
    fewer on fine grids, so the image stays near :data:`IMAGE_POINTS` a side."""
    return max(1, min(UPSAMPLE, (IMAGE_POINTS - 1) // max(n - 1, 1)))


def contour_segments(
    z: np.ndarray, levels: np.ndarray, xs: np.ndarray, ys: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """The contour lines of ``z`` (rows at ``ys``, columns at ``xs``) at ``levels`` as line
    segments, marching squares vectorised: x, y with the two ends of segment k at 2k, 2k + 1
    (for ``connect="pairs"``). pyqtgraph's isocurve, a Python loop, took ~40 ms a level on
    the interpolated image; this takes ~10 ms for 12 levels on a 41×41 grid."""
    a, b = z[:-1, :-1], z[:-1, 1:]  # each cell's corners: a b at its bottom, d c at its top
    d, c = z[1:, :-1], z[1:, 1:]
    x0, x1 = np.meshgrid(xs[:-1], ys[:-1])[0], np.meshgrid(xs[1:], ys[:-1])[0]
    y0, y1 = np.meshgrid(xs[:-1], ys[:-1])[1], np.meshgrid(xs[:-1], ys[1:])[1]
    out_x, out_y = [], []
    with np.errstate(all="ignore"):
        for level in levels:
            ex, ey, crossed = [], [], []
            for p, q, horizontal, fixed in ((a, b, True, y0), (b, c, False, x1),
                                            (d, c, True, y1), (a, d, False, x0)):  # fmt: skip
                t = (level - p) / (q - p)
                crossed.append((p > level) != (q > level))
                if horizontal:
                    ex.append(x0 + t * (x1 - x0))
                    ey.append(fixed)
                else:
                    ex.append(fixed)
                    ey.append(y0 + t * (y1 - y0))
            mask = np.stack(crossed, axis=-1).reshape(-1, 4)
            px = np.stack(ex, axis=-1).reshape(-1, 4)
            py = np.stack(ey, axis=-1).reshape(-1, 4)
            count = mask.sum(axis=1)
            two = count == 2  # one segment between the two crossed edges
            order = np.argsort(~mask[two], axis=1, kind="stable")[:, :2]
            out_x.append(np.take_along_axis(px[two], order, axis=1).ravel())
            out_y.append(np.take_along_axis(py[two], order, axis=1).ravel())
            four = count == 4  # a saddle: two segments
            out_x.append(px[four].ravel())
            out_y.append(py[four].ravel())
    if not out_x:
        return np.zeros(0), np.zeros(0)
    return np.concatenate(out_x), np.concatenate(out_y)


def log_ticks(lo: float, hi: float) -> list[tuple[float, str]]:
    """Ticks for a log₁₀ axis from ``lo`` to ``hi`` labelled with the loss itself: 1, 2, 5
    × 10ᵏ (every value of the decade when the range is under one decade, and evenly spaced
    round losses when even those give fewer than three ticks, as on a flat landscape)."""
    steps = (1, 2, 5) if hi - lo > 1 else (1, 2, 3, 4, 5, 6, 7, 8, 9)
    ticks = []
    for k in range(int(np.floor(lo)) - 1, int(np.ceil(hi)) + 1):
        for m in steps:
            v = np.log10(m) + k
            if lo <= v <= hi:
                ticks.append((float(v), f"{m * 10.0**k:.3g}"))
    if len(ticks) >= 3 or not hi > lo:
        return ticks
    a, b = 10.0**lo, 10.0**hi
    raw = (b - a) / 4
    unit = 10.0 ** np.floor(np.log10(raw))
    step = min((m * unit for m in (1, 2, 5, 10) if m * unit >= raw), default=10 * unit)
    values = np.arange(np.ceil(a / step) * step, b + step * 1e-9, step)
    return [(float(np.log10(v)), f"{v:.4g}") for v in values if v > 0]


class LandscapePlot(QWidget):
    """The heatmap with its colour bar, contours and trajectory, and the 1-D slice below."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plot = pg.PlotWidget(self, background="w")
        self.plot.setObjectName("landscapePlot")
        self.plot.setMenuEnabled(False)
        self.plot.setAspectLocked(False)
        self.plot.setMinimumSize(380, 320)
        item = self.plot.getPlotItem()
        item.showGrid(False, False)
        for axis in ("left", "bottom"):
            item.getAxis(axis).enableAutoSIPrefix(False)
            item.getAxis(axis).setStyle(hideOverlappingLabels=True)  # no label cut at an end
        # dark and opaque: the white trajectory and start show on it, and an opaque box is
        # cheaper to paint over the heatmap than a translucent one
        self.legend = item.addLegend(offset=(8, 8), labelTextColor="w", brush="#3c4048")
        self.image = pg.ImageItem()
        self.plot.addItem(self.image)
        self.colormap = pg.colormap.get("viridis")
        self.color_bar = pg.ColorBarItem(
            values=(0.0, 1.0),
            colorMap=self.colormap,
            label=tr("loss (log scale)"),
            interactive=False,
        )
        self.color_bar.setImageItem(self.image, insert_in=item)
        self.color_bar.axis.enableAutoSIPrefix(False)
        self.contours = pg.PlotDataItem(pen=pg.mkPen(255, 255, 255, 110, width=1), connect="pairs")
        self.plot.addItem(self.contours)
        self.path = pg.PlotDataItem(
            pen=pg.mkPen("w", width=2),
            symbol="o",
            symbolSize=4,
            symbolBrush="w",
            symbolPen=None,
            name=tr("trajectory"),
        )
        self.start = pg.ScatterPlotItem(
            size=10, symbol="s", brush=pg.mkBrush("#ffffff"), pen=pg.mkPen("k"), name=tr("start")
        )
        self.current = pg.ScatterPlotItem(
            size=18, symbol="star", brush=pg.mkBrush(HIGHLIGHT), pen=pg.mkPen("w"),
            name=tr("current weights"),
        )  # fmt: skip
        for it in (self.path, self.start, self.current):
            self.plot.addItem(it)

        self.slice_plot = pg.PlotWidget(self, background="w")
        self.slice_plot.setObjectName("landscapeSlicePlot")
        self.slice_plot.setMenuEnabled(False)
        for axis in ("left", "bottom"):
            self.slice_plot.getAxis(axis).enableAutoSIPrefix(False)
        self.slice_plot.setMinimumHeight(120)
        self.slice_plot.setLabel("left", tr("loss"))
        self.slice_curve = self.slice_plot.plot(pen=pg.mkPen("#0877bd", width=2))
        self.slice_mark = pg.ScatterPlotItem(size=14, symbol="star", brush=pg.mkBrush(HIGHLIGHT))
        self.slice_plot.addItem(self.slice_mark)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot, 4)
        layout.addWidget(self.slice_plot, 1)
        self.levels = np.zeros(0)
        self._labels: dict[str, str] = {}  # what each axis label says now

    def show_grid(
        self,
        alphas: np.ndarray,
        betas: np.ndarray,
        loss: np.ndarray,
        coords: np.ndarray,
        labels: tuple[str, str],
    ) -> None:
        """Draw ``loss`` (rows: β, columns: α), the trajectory ``coords`` (m, 2) and the
        current weights at the centre, all at once."""
        for step in self.draw_steps(alphas, betas, loss, coords, labels):
            step()

    def draw_steps(
        self,
        alphas: np.ndarray,
        betas: np.ndarray,
        loss: np.ndarray,
        coords: np.ndarray,
        labels: tuple[str, str],
    ) -> list[Callable[[], None]]:
        """:meth:`show_grid` as pieces to call in order, one per turn of the event loop."""
        shown = log_loss(loss)

        def heatmap() -> None:
            lo, hi = float(shown.min()), float(shown.max())
            if hi - lo < 1e-9:
                hi = lo + 1e-9
            image = np.ascontiguousarray(shown.T)  # pyqtgraph's images are indexed [x, y]
            fine = upsample(image, upsample_factor(len(alphas)))
            self.image.setImage(fine, levels=(lo, hi), autoLevels=False)
            nx, ny = fine.shape  # pixel centres on the (finer) grid's points
            da = (alphas[-1] - alphas[0]) / max(nx - 1, 1)
            db = (betas[-1] - betas[0]) / max(ny - 1, 1)
            self.image.setRect(QRectF(float(alphas[0] - da / 2), float(betas[0] - db / 2),
                                      float(da * nx), float(db * ny)))  # fmt: skip
            self.color_bar.setLevels((lo, hi))
            self.color_bar.axis.setTicks([log_ticks(lo, hi), []])
            self.levels = np.linspace(lo, hi, CONTOUR_LEVELS + 2)[1:-1]
            half = float(alphas[-1])
            self.plot.setRange(xRange=(-half, half), yRange=(float(betas[0]), float(betas[-1])),
                               padding=0)  # fmt: skip
            self._set_label(self.plot, "bottom", labels[0])
            self._set_label(self.plot, "left", labels[1])

        def contours() -> None:
            # on the grid itself (along a cell's edges the interpolated image is linear
            # too), at most CONTOUR_POINTS a side
            k = -(-(len(alphas) - 1) // (CONTOUR_POINTS - 1))
            x, y = contour_segments(shown[::k, ::k], self.levels, alphas[::k], betas[::k])
            self.contours.setData(x, y, skipFiniteCheck=True)

        def trajectory() -> None:
            if len(coords):  # beyond the range, the view clips it
                self.path.setData(coords[:, 0], coords[:, 1], skipFiniteCheck=True)
                self.start.setData(pos=coords[:1])
            else:
                self.path.setData([], [])
                self.start.setData([])
            self.current.setData(pos=np.zeros((1, 2)))

        def one_d_slice() -> None:
            row = loss[len(betas) // 2]  # β = 0: the grid has an odd number of rows
            finite = np.isfinite(row)
            self.slice_curve.setData(alphas[finite], row[finite], skipFiniteCheck=True)
            centre = row[len(alphas) // 2]
            self.slice_mark.setData(pos=np.array([[0.0, float(centre)]]))
            self._set_label(self.slice_plot, "bottom", f"{labels[0]}   (β = 0)")

        return [heatmap, contours, trajectory, one_d_slice]

    def set_axis_labels(self, labels: tuple[str, str]) -> None:
        """Name the plane's axes ``labels`` (α's, β's) and the slice's α axis (a drawn grid's
        labels, again in a new language)."""
        self._set_label(self.plot, "bottom", labels[0])
        self._set_label(self.plot, "left", labels[1])
        self._set_label(self.slice_plot, "bottom", f"{labels[0]}   (β = 0)")

    def _set_label(self, plot: pg.PlotWidget, axis: str, text: str) -> None:
        key = f"{plot.objectName()}.{axis}"
        if self._labels.get(key) != text:
            self._labels[key] = text
            plot.setLabel(axis, text)

    def clear(self) -> None:
        self.image.clear()
        for it in (self.path, self.slice_curve, self.contours):
            it.setData([], [])
        for scatter in (self.start, self.current, self.slice_mark):
            scatter.setData([])
