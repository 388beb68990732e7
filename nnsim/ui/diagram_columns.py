"""One column of the network diagram drawn by two items: its thumbnails, and over them
its nodes' borders and its layer's biases.

While training runs, every neuron's thumbnail changes on every frame; the borders and the
biases hardly ever. Painted as an item each (a node and its bias square), a deep network's
~160 items were repainted on every frame, each with a Python ``paint`` and
``boundingRect`` call and its painter set up, and the antialiased outlines stroked again
(the costliest part of the diagram's frame). :class:`NodeColumn` draws a column's
thumbnails from one atlas image, filled in one copy, in one ``paint``; its
:class:`ColumnFrames` draws the borders and the biases once into a cached pixmap,
drawn again only when a node is hovered or a bias changes colour. The
:class:`~nnsim.ui.diagram_items.NodeItem` and :class:`~nnsim.ui.diagram_items.BiasItem`
objects still take hovers, tooltips and clicks, and draw nothing themselves.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem

from nnsim.ui.style import MUTED, NEUTRAL, TEXT

if TYPE_CHECKING:
    from nnsim.ui.diagram_items import BiasItem, NodeItem


def _border(color: str, width: float) -> QPen:
    pen = QPen(QColor(color), width)
    pen.setCosmetic(True)
    return pen


def _bounds(nodes: list[NodeItem], biases: list[BiasItem]) -> QRectF:
    bounds = QRectF()
    for item in (*nodes, *biases):
        bounds = bounds.united(item.boundingRect())
    return bounds


class NodeColumn(QGraphicsItem):
    """Draws the thumbnails of one column's nodes in a single pass (``frames`` draws their
    borders and the layer's biases over them).

    The thumbnails are one RGBA image, the units' images stacked top to bottom; each is
    drawn into its node's square as it was on its own (Qt samples only the unit's part).
    """

    def __init__(self, nodes: list[NodeItem], biases: list[BiasItem]) -> None:
        super().__init__()
        self.nodes = nodes
        self.biases = biases
        for node in nodes:
            node.column = self
        self._bounds = _bounds(nodes, biases)
        self.atlas: QImage | None = None  # (units · h, w) RGBA, or None before a snapshot
        self._sources: list[QRectF] = []  # each unit's part of the atlas
        self._empty = QColor(NEUTRAL)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setZValue(2)  # over the edges, under the labels
        self.frames = ColumnFrames(self)

    def boundingRect(self) -> QRectF:
        return self._bounds

    def shape(self) -> QPainterPath:
        return QPainterPath()  # never the item under the mouse: the nodes and biases are

    def set_pixels(self, rgba: np.ndarray) -> None:
        """Show a (units, h, w, 4) uint8 stack: one thumbnail per node, in order."""
        units, h, w = rgba.shape[:3]
        if units != len(self.nodes):
            raise ValueError(f"{units} thumbnails for a column of {len(self.nodes)} nodes")
        image = self.atlas
        if image is None or image.width() != w or image.height() != units * h:
            image = self.atlas = QImage(w, units * h, QImage.Format.Format_RGBA8888)
            self._sources = [QRectF(0, i * h, w, h) for i in range(units)]
        # Copy into Qt's own buffer: QImage over a NumPy buffer mis-counts references in
        # PySide6 (it ends in "deallocating None").
        pixels = np.frombuffer(image.bits(), np.uint8, count=image.sizeInBytes())
        rows = pixels.reshape(units * h, image.bytesPerLine())
        rows[:, : 4 * w] = np.ascontiguousarray(rgba).reshape(units * h, 4 * w)
        self.update()

    def pixels(self, unit: int) -> np.ndarray | None:
        """A copy of node ``unit``'s (h, w, 4) RGBA thumbnail, or None before the first."""
        image = self.atlas
        if image is None:
            return None
        w, h = image.width(), image.height() // len(self.nodes)
        data = np.frombuffer(image.constBits(), np.uint8, count=image.sizeInBytes())
        rows = data.reshape(image.height(), image.bytesPerLine())[unit * h : (unit + 1) * h]
        return rows[:, : 4 * w].reshape(h, w, 4).copy()

    def paint(self, painter: QPainter, option, widget=None) -> None:
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
        if self.atlas is not None:
            for node, source in zip(self.nodes, self._sources, strict=True):
                painter.drawImage(node.rect, self.atlas, source)
        else:
            for node in self.nodes:
                painter.fillRect(node.rect, self._empty)


class ColumnFrames(QGraphicsItem):
    """The borders of a column's nodes (thicker and darker while hovered) and its layer's
    biases, over the thumbnails: painted into a cached pixmap, drawn again only on
    :meth:`update` (a hover, a bias restyled), blitted from the cache on other frames."""

    def __init__(self, column: NodeColumn) -> None:
        super().__init__(column)
        self.nodes = column.nodes
        self.biases = column.biases
        self._bounds = _bounds(self.nodes, self.biases)
        self._pens = {False: _border(MUTED, 1.0), True: _border(TEXT, 2.0)}  # by hovered
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)

    def boundingRect(self) -> QRectF:
        return self._bounds

    def shape(self) -> QPainterPath:
        return QPainterPath()  # never the item under the mouse: the nodes and biases are

    def paint(self, painter: QPainter, option, widget=None) -> None:
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for hovered in (False, True):
            rects = [node.rect for node in self.nodes if node.hovered == hovered]
            if rects:
                painter.setPen(self._pens[hovered])
                painter.drawRects(rects)
        for bias in self.biases:  # as a QGraphicsRectItem paints itself, over its node
            painter.setPen(bias.pen())
            painter.setBrush(bias.brush())
            painter.drawRect(bias.rect())
