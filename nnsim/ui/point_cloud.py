"""Many data points drawn as one picture (the boundary view, beyond :data:`MANY_POINTS`).

A pyqtgraph scatter item does per-point work in every paint: 100 000 points cost ~1 s to
set and ~200 ms per frame (issue 15). :class:`PointCloud` paints them once into an image
of the view's pixel size (a pre-drawn symbol per colour, stamped with NumPy), then draws
only that image;
it paints them again only when the points, their size or the view's size change.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
import pyqtgraph.functions as fn
from PySide6.QtCore import QPointF, QRectF, Qt, QTimer
from PySide6.QtGui import QColor, QImage, QPainter, QPen

from nnsim.ui.colormap import signed_to_rgba
from nnsim.ui.style import CLASS_COLORS

MANY_POINTS = 10_000
"""More points than this in one set are drawn by a :class:`PointCloud`, not a scatter item."""


RESIZE_SETTLE_MS = 150


class PointCloud(pg.GraphicsObject):
    """Points in [−extent, extent]², each a disc of ``size`` px with an ``edge`` outline."""

    def __init__(self, view_box: pg.ViewBox, extent: float) -> None:
        super().__init__()
        self._view_box = view_box
        self._extent = extent
        self._points: tuple[np.ndarray, list[tuple[QColor, np.ndarray]], float, QPen] | None = None
        self._image: QImage | None = None
        self._pixels: np.ndarray | None = None  # the image's memory
        self.renders = 0  # how many times the points were painted into the image
        # a resize scales the picture at once and paints the points again once it settles
        self._resized = QTimer(singleShot=True, interval=RESIZE_SETTLE_MS)
        self._resized.timeout.connect(self._render)
        view_box.sigResized.connect(self._resized.start)

    def set_points(self, x: np.ndarray, y: np.ndarray, kind: str, size: float, edge: QPen) -> None:
        """Draw the (n, 2) points ``x`` coloured by their labels (or values) ``y``."""
        self._points = (x, _colour_groups(y, kind), size, edge)
        self._resized.stop()
        self._render()

    def clear_points(self) -> None:
        self._points, self._image = None, None
        self.update()

    def point_count(self) -> int:
        return 0 if self._points is None else len(self._points[0])

    def image(self) -> QImage | None:
        """The points as last painted (row 0 at the bottom of the square), or None."""
        return self._image

    def boundingRect(self) -> QRectF:
        e = self._extent
        return QRectF(-e, -e, 2 * e, 2 * e)

    def paint(self, painter: QPainter, *args: object) -> None:
        if self._image is not None:
            painter.drawImage(self.boundingRect(), self._image)

    def _render(self) -> None:
        if self._points is None:
            return
        x, groups, size, edge = self._points
        widget = self._view_box.getViewWidget()
        ratio = widget.devicePixelRatioF() if widget is not None else 1.0
        side = max(64, round(self._view_box.width() * ratio))
        xy = np.rint((x + self._extent) * (side / (2 * self._extent))).astype(np.intp)
        sprites = [_sprite(colour, edge, size, ratio) for colour, _ in groups]
        pad = len(sprites[0]) // 2 + 1
        width = side + 2 * pad
        canvas = np.zeros((width * width, 4), np.uint8)  # premultiplied BGRA
        packed = canvas.view(np.uint32).reshape(-1)
        centres = (xy[:, 1] + pad) * width + xy[:, 0] + pad  # row 0 is y = −extent
        # Whole symbols first, then every symbol's inside again: where points crowd, their
        # colours show, not a tangle of outlines (as if all outlines were drawn first).
        inside = _inside(len(sprites[0]), size * ratio / 2 - edge.widthF() * ratio)
        for only_inside in (False, True):
            for (_, members), sprite in zip(groups, sprites, strict=True):
                half, at = len(sprite) // 2, np.unique(centres[members])  # one per pixel
                opaque = sprite.view(np.uint32)[..., 0]
                drawn = inside if only_inside else sprite[..., 3] > 0
                for dy, dx in zip(*np.nonzero(drawn), strict=True):
                    flat = at + ((dy - half) * width + dx - half)
                    alpha = int(sprite[dy, dx, 3])
                    if alpha == 255:  # most of a symbol: the pixel is the symbol's
                        packed[flat] = opaque[dy, dx]
                    else:  # its antialiased rim, over what is there ("source over")
                        under = canvas[flat].astype(np.uint16)
                        blend = sprite[dy, dx] + (under * (255 - alpha) + 127) // 255
                        canvas[flat] = np.minimum(blend, 255).astype(np.uint8)
        pixels = canvas.reshape(width, width, 4)[pad : pad + side, pad : pad + side]
        self._pixels = np.ascontiguousarray(pixels)
        self._image = QImage(
            self._pixels.data, side, side, 4 * side, QImage.Format.Format_ARGB32_Premultiplied
        )
        self.renders += 1
        self.update()


def _inside(k: int, radius: float) -> np.ndarray:
    """The pixels of a (k, k) sprite whose centres lie within ``radius`` of its centre."""
    centres = np.arange(k) + 0.5 - k / 2
    return np.hypot(centres[:, None], centres[None, :]) <= radius


def _sprite(fill: QColor, edge: QPen, size: float, ratio: float) -> np.ndarray:
    """One point as a scatter item draws it (a disc of ``size`` px, ``edge`` round it), as
    (k, k, 4) premultiplied BGRA bytes, at ``ratio`` device pixels per pixel."""
    pen = QPen(edge)
    pen.setWidthF(edge.widthF() * ratio)
    diameter = size * ratio
    k = int(np.ceil(diameter + 2 * pen.widthF())) | 1
    image = QImage(k, k, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setPen(pen)
    painter.setBrush(fill)
    painter.drawEllipse(QPointF(k / 2, k / 2), diameter / 2, diameter / 2)
    painter.end()
    return fn.ndarray_from_qimage(image).copy()  # a copy: the image goes with this frame


def _colour_groups(y: np.ndarray, kind: str) -> list[tuple[QColor, np.ndarray]]:
    """The points' fill colours (as :func:`~nnsim.ui.colormap.label_colors` gives them),
    each with the indices of its points; values are coloured in 32 steps per channel."""
    y = np.asarray(y)
    if kind == "regression":
        rgba = (signed_to_rgba(y).astype(np.uint32) // 8 * 8) | 4  # 32 levels, centred
        keys = (rgba[:, 0] << 24) | (rgba[:, 1] << 16) | (rgba[:, 2] << 8) | 255
    else:
        keys = y.astype(np.int64) % len(CLASS_COLORS)
    values, inverse = np.unique(keys, return_inverse=True)
    order = np.argsort(inverse, kind="stable")
    bounds = np.cumsum(np.bincount(inverse, minlength=len(values)))[:-1]
    groups = []
    for value, members in zip(values, np.split(order, bounds), strict=True):
        if kind == "regression":
            v = int(value)
            colour = QColor((v >> 24) & 255, (v >> 16) & 255, (v >> 8) & 255)
        else:
            colour = QColor(CLASS_COLORS[int(value)])
        groups.append((colour, members))
    return groups
