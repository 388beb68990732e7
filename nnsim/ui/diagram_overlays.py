"""What the lecture draws over the network diagram, and how each layer's edges are styled.

Three marks, each cleared by ``None``: a highlighted column (its band, with every other
layer's edges dimmed), a number beside each node of a column (activations, δ…), and a
layer's edges drawn by another matrix than the weights (dW, the step −η·dW), scaled to its
largest magnitude. The marks outlive a rebuild of the diagram wherever they still fit.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtGui import QBrush, QColor, QFont, QPen
from PySide6.QtWidgets import QGraphicsRectItem, QGraphicsScene, QGraphicsView

from nnsim.ui.diagram_items import EdgeItem, NodeItem, TextItem
from nnsim.ui.diagram_layout import band_rect
from nnsim.ui.diagram_style import WEIGHT_FULL_SCALE, edge_colors, edge_style
from nnsim.ui.style import HIGHLIGHT

if TYPE_CHECKING:
    _View = QGraphicsView
else:
    _View = object

VALUE_GAP = 3.0  # px between a node and the number beside it
DIMMED = 0.25  # opacity factor of the edges outside the highlighted layer


def format_value(value: float) -> str:
    """A number as the diagram writes it: 4 significant digits."""
    return f"{value:.4g}"


class DiagramOverlays(_View):
    """The lecture-mode marks of :class:`~nnsim.ui.network_view.NetworkView` (a mixin).

    The view calls :meth:`_init_overlays` once, and :meth:`_redraw_overlays` after it has
    built the items of a new architecture.
    """

    # Provided by the view: the items of the current architecture, and what they show.
    _scene: QGraphicsScene
    nodes: list[list[NodeItem]]  # [layer][unit], layer 0 = inputs
    edges: list[list[list[EdgeItem]]]  # [layer][row][col], layer ≥ 1
    _flat_edges: list[list[EdgeItem]]  # [layer], row after row
    _weights: dict[str, np.ndarray]  # the latest snapshot's W1, b1, …
    _font: QFont  # the labels' font
    if TYPE_CHECKING:

        @property
        def layer_sizes(self) -> tuple[int, ...]: ...

    # Held here.
    _highlight: int | None
    _highlight_band: QGraphicsRectItem | None
    _node_values: dict[int, np.ndarray]
    _value_labels: dict[int, list[TextItem]]
    _edge_values: dict[int, np.ndarray]
    _edge_styles: dict[int, tuple[np.ndarray, np.ndarray]]  # by layer: the colours and widths set

    def _init_overlays(self) -> None:
        self._highlight = None
        self._highlight_band = None
        self._node_values = {}
        self._value_labels = {}
        self._edge_values = {}
        self._edge_styles = {}

    # -- the highlighted column ----------------------------------------------------------------
    def set_highlight_layer(self, layer: int | None) -> None:
        """Mark column ``layer`` (0 = inputs) and its incoming edges; None clears."""
        if layer is not None and not 0 <= layer < len(self.nodes):
            raise ValueError(f"layer must be in 0..{len(self.nodes) - 1}, got {layer}")
        self._highlight = layer
        if self._highlight_band is not None:
            self._scene.removeItem(self._highlight_band)
            self._highlight_band = None
        if layer is not None:
            color = QColor(HIGHLIGHT)
            color.setAlpha(36)
            pen = QPen(QColor(HIGHLIGHT), 2.0)
            pen.setCosmetic(True)
            self._highlight_band = self._scene.addRect(
                band_rect(self.nodes[layer]), pen, QBrush(color)
            )
            self._highlight_band.setZValue(-1)
        for k in range(1, len(self.nodes)):
            self._restyle_layer(k)

    @property
    def highlight_layer(self) -> int | None:
        return self._highlight

    # -- numbers beside the nodes --------------------------------------------------------------
    def set_node_values(self, layer: int, values: Sequence[float] | np.ndarray | None) -> None:
        """Write one number beside each node of column ``layer`` (activations, δ…); None clears."""
        if values is None:
            self._node_values.pop(layer, None)
            for item in self._value_labels.pop(layer, []):
                self._scene.removeItem(item)
            return
        values = np.asarray(values, dtype=np.float64).reshape(-1)
        if not 0 <= layer < len(self.nodes) or len(values) != len(self.nodes[layer]):
            raise ValueError(f"layer {layer} needs {len(self.nodes[layer])} values")
        self._node_values[layer] = values
        self._show_node_values(layer, values)

    def node_value_texts(self, layer: int) -> list[str]:
        """The numbers currently written beside the nodes of ``layer`` (empty if none)."""
        return [item.text for item in self._value_labels.get(layer, [])]

    def _show_node_values(self, layer: int, values: np.ndarray) -> None:
        """Numbers sit just right of their node, over the start of its outgoing edges."""
        items = self._value_labels.get(layer)
        if items is None:
            items = []
            for node in self.nodes[layer]:
                item = TextItem("", anchor="left", boxed=True, gap=VALUE_GAP)
                item.set_font(self._font)
                item.setZValue(5)
                item.setPos(node.rect.right(), node.rect.center().y())
                self._scene.addItem(item)
                items.append(item)
            self._value_labels[layer] = items
        for item, v in zip(items, values, strict=True):
            item.set_text(format_value(v))

    # -- what the edges are drawn by -----------------------------------------------------------
    def set_edge_values(self, layer: int, matrix: np.ndarray | None) -> None:
        """Draw W_layer's edges by ``matrix`` (same shape) instead of the weights; None: weights.

        Colour follows the sign, width and opacity |value| relative to the largest one.
        """
        if matrix is None:
            self._edge_values.pop(layer, None)
        else:
            matrix = np.asarray(matrix, dtype=np.float64)
            if not self._edge_shape_ok(layer, matrix):
                raise ValueError(f"layer {layer} needs a matrix of shape {self._edge_shape(layer)}")
            self._edge_values[layer] = matrix
        self._restyle_layer(layer)

    def _edge_shape(self, layer: int) -> tuple[int, int]:
        sizes = self.layer_sizes
        return (sizes[layer], sizes[layer - 1])

    def _edge_shape_ok(self, layer: int, matrix: np.ndarray) -> bool:
        return 1 <= layer < len(self.layer_sizes) and matrix.shape == self._edge_shape(layer)

    def _restyle_layer(self, layer: int) -> None:
        """Style W_layer's edges by what they show: a lecture matrix, else the weights."""
        if not 1 <= layer < len(self.edges):
            return
        shown = self._edge_values.get(layer)
        if shown is not None:
            finite = np.abs(shown[np.isfinite(shown)])
            peak = float(finite.max()) if finite.size else 0.0
            self._style_edges(layer, shown, peak if peak > 0 else 1.0)
        elif f"W{layer}" in self._weights:
            self._style_edges(layer, self._weights[f"W{layer}"], WEIGHT_FULL_SCALE)
        else:
            self._style_edges(layer, np.zeros(self._edge_shape(layer)), WEIGHT_FULL_SCALE)

    def _style_edges(self, layer: int, values: np.ndarray, full_scale: float) -> None:
        widths, alphas = edge_style(values, full_scale)
        if self._highlight is not None and self._highlight != layer:
            alphas = alphas * DIMMED
        colors = edge_colors(np.nan_to_num(values), alphas).ravel()
        steps = (np.rint(widths * 4.0) / 4.0).ravel()  # quarter pixels: fewer repaints
        kept = self._edge_styles.get(layer)
        if kept is not None and kept[0].shape == colors.shape:
            # Only the edges whose style changed (a few dozen of hundreds, while training).
            changed = np.flatnonzero((colors != kept[0]) | (steps != kept[1]))
        else:
            changed = np.arange(len(colors))
        self._edge_styles[layer] = (colors, steps)
        edges = self._flat_edges[layer]
        for i, rgb, width in zip(
            changed.tolist(), colors[changed].tolist(), steps[changed].tolist(), strict=True
        ):
            edges[i].set_style(rgb, width)

    # -- after a rebuild -----------------------------------------------------------------------
    def _redraw_overlays(self) -> None:
        """Draw the marks again on new items (the scene was cleared), those that still fit."""
        sizes = self.layer_sizes
        self._highlight_band = None
        self._value_labels = {}
        self._edge_styles = {}  # new edges: styled afresh
        self._edge_values = {
            k: v for k, v in self._edge_values.items() if self._edge_shape_ok(k, v)
        }
        self._node_values = {
            k: v for k, v in self._node_values.items() if k < len(sizes) and len(v) == sizes[k]
        }
        for layer, values in self._node_values.items():
            self._show_node_values(layer, values)
        if self._highlight is not None:  # a column the new structure no longer has goes
            self.set_highlight_layer(self._highlight if self._highlight < len(sizes) else None)
        for layer in self._edge_values:
            self._restyle_layer(layer)
