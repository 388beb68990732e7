"""The network diagram's graphics items: neuron thumbnails, weight edges, biases, labels.

Each item draws one thing and reports hovers and clicks to its :class:`NetworkView`.
:mod:`nnsim.ui.diagram_layout` places them (one per neuron, weight and bias); the view
restyles them from snapshots.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QLineF, QPointF, QRectF, Qt, QTimer
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPainterPathStroker,
    QPen,
)
from PySide6.QtWidgets import QGraphicsItem, QGraphicsRectItem

from nnsim.ui.style import MUTED, NEUTRAL, TEXT

if TYPE_CHECKING:
    from nnsim.ui.diagram_columns import NodeColumn
    from nnsim.ui.network_view import NetworkView


class NodeItem(QGraphicsItem):
    """One neuron: a square heatmap thumbnail with a border, drawn by its column.

    The item takes the hovers; its :class:`~nnsim.ui.diagram_columns.NodeColumn` draws
    the thumbnail, and the column's frames the border (thicker and darker while hovered).
    """

    def __init__(self, view: NetworkView, layer: int, unit: int, rect: QRectF) -> None:
        super().__init__()
        self.view = view
        self.layer = layer
        self.unit = unit
        self.rect = rect
        self.hovered = False
        self.column: NodeColumn | None = None  # draws this node (the item only interacts)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents, True)
        self.setAcceptHoverEvents(True)
        self.setZValue(2)

    def boundingRect(self) -> QRectF:
        return self.rect.adjusted(-2, -2, 2, 2)

    def pixels(self) -> np.ndarray | None:
        """A copy of the thumbnail's (h, w, 4) RGBA pixels, or None before the first snapshot."""
        return None if self.column is None else self.column.pixels(self.unit)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        pass  # drawn by its NodeColumn

    def _redraw(self) -> None:
        if self.column is not None:
            self.column.frames.update(self.boundingRect())  # the border

    def hoverEnterEvent(self, event) -> None:
        self.hovered = True
        self._redraw()
        self.view.node_hovered_at(self.layer, self.unit)

    def hoverLeaveEvent(self, event) -> None:
        self.hovered = False
        self._redraw()
        self.view.node_hovered_at(-1, -1)


class EdgeItem(QGraphicsItem):
    """One weight W_layer[row, col]: a curve from unit col of layer − 1 to unit row of layer."""

    def __init__(
        self,
        view: NetworkView,
        layer: int,
        row: int,
        col: int,
        start: QPointF,
        end: QPointF,
        curved: bool,
    ) -> None:
        super().__init__()
        self.view = view
        self.layer = layer
        self.row = row
        self.col = col
        self.line = QLineF(start, end)
        path = QPainterPath(start)
        if curved:
            mid = (start.x() + end.x()) / 2
            path.cubicTo(QPointF(mid, start.y()), QPointF(mid, end.y()), end)
        else:
            path.lineTo(end)
        self.path = path
        self.curved = curved
        self._key: tuple[int, float] | None = None
        stroker = QPainterPathStroker()
        stroker.setWidth(6.0)
        self._shape = stroker.createStroke(path)
        self._bounds = path.boundingRect().adjusted(-8, -8, 8, 8)
        self.pen = QPen(QColor(NEUTRAL), 1.0)
        self.pen.setCosmetic(True)
        self.hovered = False
        self.layer_item: EdgeLayer | None = None  # draws this edge (the item only interacts)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents, True)
        self.setAcceptHoverEvents(True)
        self.setAcceptedMouseButtons(Qt.MouseButton.LeftButton)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def boundingRect(self) -> QRectF:
        return self._bounds

    def shape(self) -> QPainterPath:
        return self._shape

    def set_style(self, rgb: int, width: float) -> None:
        """Stroke in the opaque colour 0xRRGGBB, ``width`` px wide (no-op if unchanged)."""
        key = (rgb, width)
        if key == self._key:
            return
        self._key = key
        self.pen = QPen(QColor.fromRgb(rgb), width)
        self.pen.setCosmetic(True)
        self._redraw()

    def _redraw(self) -> None:
        if self.layer_item is not None:
            self.layer_item.update()

    @property
    def color(self) -> QColor:
        return self.pen.color()

    @property
    def width(self) -> float:
        return self.pen.widthF()

    def paint(self, painter: QPainter, option, widget=None) -> None:
        pass  # drawn by its EdgeLayer

    def draw(self, painter: QPainter) -> None:
        pen = self.pen
        if self.hovered:
            pen = QPen(pen)
            pen.setWidthF(pen.widthF() + 2.0)
            pen.setColor(QColor(TEXT))
        painter.setPen(pen)
        if self.curved:
            painter.drawPath(self.path)
        else:
            painter.drawLine(self.line)

    def hoverEnterEvent(self, event) -> None:
        self.hovered = True
        self.setZValue(1)
        self.view.edge_hovered(self, True)
        self._redraw()

    def hoverLeaveEvent(self, event) -> None:
        self.hovered = False
        self.setZValue(0)
        self.view.edge_hovered(self, False)
        self._redraw()

    def mousePressEvent(self, event) -> None:
        event.accept()

    def mouseReleaseEvent(self, event) -> None:
        if self.shape().contains(event.pos()):
            # Open the editor after this event returns, not in a nested loop inside it.
            QTimer.singleShot(0, lambda: self.view.edit_weight(self.layer, self.row, self.col))


class EdgeLayer(QGraphicsItem):
    """Draws all the edges into one layer in a single pass, cached as a pixmap.

    The nodes' thumbnails change on every frame, the edges' colours and widths far less
    often: cached, the 300+ strokes are redrawn only when one of them changes, not for
    every thumbnail update. The :class:`EdgeItem` objects keep hover, tooltips and clicks.
    """

    def __init__(self, edges: list[EdgeItem]) -> None:
        super().__init__()
        self.edges = edges
        bounds = QRectF()
        for edge in edges:
            bounds = bounds.united(edge.boundingRect())
            edge.layer_item = self
        self._bounds = bounds
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setZValue(-1)  # under the nodes and the (invisible, hoverable) edge items

    def boundingRect(self) -> QRectF:
        return self._bounds

    def shape(self) -> QPainterPath:
        return QPainterPath()  # never the item under the mouse: the edges are

    def paint(self, painter: QPainter, option, widget=None) -> None:
        painter.setBrush(Qt.BrushStyle.NoBrush)
        hovered = []
        for edge in self.edges:
            if edge.hovered:
                hovered.append(edge)
            else:
                edge.draw(painter)
        for edge in hovered:  # on top of the others
            edge.draw(painter)


class BiasItem(QGraphicsRectItem):
    """The bias b_layer[unit]: a small square at the node's lower-left corner.

    Drawn with the item's pen and brush by its column's
    :class:`~nnsim.ui.diagram_columns.ColumnFrames`: after :meth:`setBrush`, update those.
    """

    def __init__(self, view: NetworkView, layer: int, unit: int, rect: QRectF) -> None:
        super().__init__(rect)
        self.view = view
        self.layer = layer
        self.unit = unit
        pen = QPen(QColor(MUTED), 1.0)
        pen.setCosmetic(True)
        self.setPen(pen)
        self.setBrush(QColor(NEUTRAL))
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents, True)
        self.setZValue(3)
        self.setAcceptHoverEvents(True)
        self.setAcceptedMouseButtons(Qt.MouseButton.LeftButton)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def hoverEnterEvent(self, event) -> None:
        self.setToolTip(self.view.bias_tooltip(self.layer, self.unit))

    def mousePressEvent(self, event) -> None:
        event.accept()

    def mouseReleaseEvent(self, event) -> None:
        QTimer.singleShot(0, lambda: self.view.edit_bias(self.layer, self.unit))


class TextItem(QGraphicsItem):
    """Text drawn at screen size (it ignores the view's zoom), anchored at its position.

    ``variants`` are the same text from longest to most compact (lines split by ``\\n``);
    the first whose widest line fits ``max_width`` pixels is shown. ``anchor`` is ``"top"``
    (centred below the point), ``"right"`` / ``"left"`` (ending / starting at the point,
    vertically centred) or ``"center"``; ``gap`` pixels lie between the point and the text.
    """

    def __init__(
        self, *variants: str, anchor: str = "top", boxed: bool = False, gap: float = 0.0
    ) -> None:
        super().__init__()
        self.variants = variants or ("",)
        self.text = self.variants[0]
        self.anchor = anchor
        self.boxed = boxed
        self.gap = gap
        self.font = QFont()
        self.max_width = math.inf
        self._rect = QRectF()
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations, True)
        self.setZValue(4)
        self._relayout()

    @property
    def full_text(self) -> str:
        """The longest form of the text, on one line."""
        return self.variants[0]

    def set_text(self, text: str) -> None:
        self.set_variants(text)

    def set_variants(self, *variants: str) -> None:
        """Show other ``variants`` (longest first), e.g. in another language."""
        if variants != self.variants:
            self.variants = variants or ("",)
            self._relayout()

    def set_font(self, font: QFont) -> None:
        self.font = QFont(font)
        self._relayout()

    def set_max_width(self, width: float) -> None:
        self.max_width = width
        self._relayout()

    def _relayout(self) -> None:
        metrics = QFontMetricsF(self.font)

        def width(text: str) -> float:
            return max(metrics.horizontalAdvance(line) for line in text.split("\n"))

        self.text = next(
            (v for v in self.variants if width(v) <= self.max_width), self.variants[-1]
        )
        lines = self.text.count("\n") + 1
        pad_w, pad_h = (8, 2) if self.boxed else (0, 0)
        # Chinese comes from a fallback font with taller lines than the font's own
        tall = metrics.boundingRect(QRectF(0, 0, 1e6, 1e6), 0, self.text).height()
        w, h = width(self.text) + pad_w, max(lines * metrics.lineSpacing(), tall) + pad_h
        gap = self.gap
        if self.anchor == "right":
            rect = QRectF(-w - gap, -h / 2, w, h)
        elif self.anchor == "left":
            rect = QRectF(gap, -h / 2, w, h)
        elif self.anchor == "center":
            rect = QRectF(-w / 2, -h / 2, w, h)
        else:
            rect = QRectF(-w / 2, gap, w, h)
        self.prepareGeometryChange()
        self._rect = rect
        self.update()

    def boundingRect(self) -> QRectF:
        return self._rect

    def paint(self, painter: QPainter, option, widget=None) -> None:
        if self.boxed:
            painter.setPen(QPen(QColor(MUTED), 0))
            painter.setBrush(QColor(255, 255, 255, 225))
            painter.drawRoundedRect(self._rect, 3, 3)
        painter.setFont(self.font)
        painter.setPen(QColor(TEXT))
        align = (
            Qt.AlignmentFlag.AlignRight if self.anchor == "right" else Qt.AlignmentFlag.AlignHCenter
        )
        painter.drawText(self._rect, int(align | Qt.AlignmentFlag.AlignVCenter), self.text)
