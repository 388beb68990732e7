"""The network diagram: every neuron as a small heatmap, every weight as an edge.

Columns left to right are the input features (layer 0), the hidden layers and the output
layer. Each node shows what that neuron computes over the [−6, 6]² square (same colours as
the decision-boundary view); each edge W_k[row, col] joins unit ``col`` of layer k − 1 to
unit ``row`` of layer k, blue for a positive weight and orange for a negative one, thicker
and more opaque the larger |w|. Biases are the small squares at each node's lower left.

Hover a node → :attr:`NetworkView.neuronHovered`; hover an edge → its value and gradient;
click an edge or a bias → edit it (:attr:`NetworkView.weightEdited`,
:attr:`NetworkView.biasEdited`).

Items are built once per architecture (:meth:`NetworkView.set_structure`);
:meth:`NetworkView.show_snapshot` only changes colours, widths and thumbnails. The lecture
mode draws on the same items through :meth:`~NetworkView.set_highlight_layer`,
:meth:`~NetworkView.set_node_values` and :meth:`~NetworkView.set_edge_values`.

The items themselves are in :mod:`nnsim.ui.diagram_items`, where they sit in
:mod:`nnsim.ui.diagram_layout`, and how a value looks in :mod:`nnsim.ui.diagram_style`.
"""

from __future__ import annotations

import math
import time
from collections.abc import Sequence

import numpy as np
from PySide6.QtCore import QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPen, QTransform
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsView,
    QInputDialog,
    QWidget,
)

from nnsim.engine.features import FEATURE_LABELS
from nnsim.ui.diagram_items import BiasItem, EdgeItem, NodeItem, TextItem
from nnsim.ui.diagram_layout import (
    CAPTION_GAP,
    COLUMN_PITCH,
    NODE,
    band_rect,
    build_items,
    column_texts,
    content_rect,
    shown_captions,
)
from nnsim.ui.diagram_style import (
    WEIGHT_FULL_SCALE,
    bias_colors,
    edge_colors,
    edge_style,
    thumbnails,
)
from nnsim.ui.style import HIGHLIGHT

MAX_SCALE = 2.0  # the view never magnifies the scene more than this
EDIT_LIMIT = 1000.0
EDGE_PERIOD = 0.2  # seconds between edge restyles while training: 300+ strokes redrawn
PAINT_SHARE = 0.5  # a costly diagram repaints at most this fraction of the time (see show_snapshot)


def _fmt(value: float) -> str:
    return f"{value:.4g}"


# --- the view -----------------------------------------------------------------------------------
class NetworkView(QGraphicsView):
    """The network as a diagram of neuron thumbnails and weight edges.

    Signals
    -------
    neuronHovered(layer, unit)
        The pointer entered a node (layer 0 = inputs); ``(-1, -1)`` when it left.
    weightEdited(layer, row, col, value)
        The user set W_layer[row, col] (layer 1-based, as in ``snapshot.weights``).
    biasEdited(layer, unit, value)
        The user set b_layer[unit].

    Lecture-mode hooks
    ------------------
    ``set_highlight_layer(k)`` marks column k and its incoming edges W_k (others dimmed);
    ``set_node_values(k, values)`` writes a number beside each node of column k;
    ``set_edge_values(k, matrix)`` draws W_k's edges by ``matrix`` (e.g. dW) instead of
    the weights, scaled to its largest magnitude. ``None`` clears each.
    """

    neuronHovered = Signal(int, int)
    weightEdited = Signal(int, int, int, float)
    biasEdited = Signal(int, int, float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("networkView")
        self._scene = QGraphicsScene(self)
        self.setScene(self._scene)
        self.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setBackgroundBrush(QBrush(QColor("white")))
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.MinimalViewportUpdate)
        self.setMinimumSize(160, 120)

        self._features: tuple[str, ...] = ()
        self._sizes: tuple[int, ...] = ()  # layers 1..L (hidden and output)
        self._activations: tuple[str, ...] = ()
        self.nodes: list[list[NodeItem]] = []  # [layer][unit], layer 0 = inputs
        self.edges: list[list[list[EdgeItem]]] = [[]]  # [layer][row][col], layer ≥ 1
        self._flat_edges: list[list[EdgeItem]] = [[]]
        self.biases: list[list[BiasItem]] = [[]]  # [layer][unit], layer ≥ 1
        self._column_labels: list[TextItem] = []
        self._input_labels: list[TextItem] = []
        self._value_labels: dict[int, list[TextItem]] = {}
        self._highlight_band: QGraphicsRectItem | None = None
        self._highlight: int | None = None
        self._edge_values: dict[int, np.ndarray] = {}
        self._node_values: dict[int, np.ndarray] = {}
        self._weights: dict[str, np.ndarray] = {}
        self._gradients: dict[str, np.ndarray] = {}
        self._hovered_node: tuple[int, int] | None = None
        self._hovered_edge: EdgeItem | None = None
        self._content = QRectF()
        self._font_scale = 1.0
        self._font = QFont(QApplication.font())
        self._pending = None
        self._last_applied = -math.inf
        self._paint_cost = 0.0  # moving average of a repaint's duration, seconds
        self._edges_styled = -math.inf
        self._throttle = QTimer(self)
        self._throttle.setSingleShot(True)
        self._throttle.timeout.connect(self.flush)

    # -- structure ---------------------------------------------------------------------------------
    @property
    def layer_sizes(self) -> tuple[int, ...]:
        """Units per column: inputs, hidden layers, output."""
        return (len(self._features), *self._sizes)

    def node_count(self) -> int:
        """Nodes drawn: one per input feature and per unit of every layer."""
        return sum(len(column) for column in self.nodes)

    def edge_count(self) -> int:
        """Edges drawn: one per weight."""
        return sum(len(edges) for edges in self._flat_edges)

    def set_structure(
        self, features: Sequence[str], layer_sizes: Sequence[int], activations: Sequence[str]
    ) -> bool:
        """Build the diagram for an architecture; returns False (nothing done) if unchanged.

        Parameters
        ----------
        features
            Input feature names (``"x1"``…), one input node each.
        layer_sizes, activations
            Units and activation name of layers 1..L: the hidden layers, then the output.
        """
        features, sizes = tuple(features), tuple(int(n) for n in layer_sizes)
        activations = tuple(activations)
        if len(sizes) != len(activations):
            raise ValueError(f"{len(sizes)} layer sizes but {len(activations)} activations")
        if not features or not sizes or min(sizes) < 1:
            raise ValueError("need at least one input feature and one layer of ≥ 1 unit")
        if (features, sizes, activations) == (self._features, self._sizes, self._activations):
            return False
        if self._hovered_node is not None:
            self._on_node_hovered(-1, -1)
        self._features, self._sizes, self._activations = features, sizes, activations
        self._rebuild()
        return True

    def set_structure_from_experiment(self, experiment) -> bool:
        """:meth:`set_structure` for an :class:`~nnsim.training.experiment.Experiment`."""
        hidden = experiment.network.hidden_layers
        return self.set_structure(
            experiment.data.features,
            [*(layer.units for layer in hidden), experiment.num_outputs],
            [*(layer.activation for layer in hidden), experiment.resolved_output_activation()],
        )

    def _rebuild(self) -> None:
        self._scene.clear()
        self._hovered_edge = None
        self._highlight_band = None
        self._value_labels = {}
        self._weights, self._gradients = {}, {}
        self._edge_values = {
            k: v for k, v in self._edge_values.items() if self._edge_shape_ok(k, v)
        }
        sizes = self.layer_sizes
        self.nodes, self.edges, self._flat_edges, self.biases = build_items(
            self, self._scene, sizes
        )
        self._content = content_rect(sizes)
        self._column_labels = [
            TextItem(*column_texts(k, len(self._features), self._sizes, self._activations))
            for k in range(len(sizes))
        ]
        self._input_labels = [
            TextItem(FEATURE_LABELS.get(name, name), anchor="right") for name in self._features
        ]
        for item in (*self._column_labels, *self._input_labels):
            item.set_font(self._font)
            self._scene.addItem(item)
        self._node_values = {
            k: v for k, v in self._node_values.items() if k < len(sizes) and len(v) == sizes[k]
        }
        for layer, values in self._node_values.items():
            self._show_node_values(layer, values)
        if self._highlight is not None:  # a column the new structure no longer has goes
            self.set_highlight_layer(self._highlight if self._highlight < len(sizes) else None)
        self._apply_edge_values()
        self._fit()

    # -- snapshots ---------------------------------------------------------------------------------
    def show_snapshot(self, snapshot) -> None:
        """Update thumbnails, edges and biases from a snapshot (no item is rebuilt).

        If the snapshot's weights do not fit the current structure (the architecture
        changed), the diagram is first rebuilt from ``snapshot.experiment``.

        A diagram so large that repainting it is slow (hundreds of edges) is updated at most
        every ``repaint time / PAINT_SHARE`` seconds, so it never takes more than half of the
        GUI thread: a snapshot arriving sooner is kept and shown when that time comes (the
        newest wins). :meth:`flush` shows it at once.
        """
        self._pending = snapshot
        wait = self._last_applied + self._paint_cost / PAINT_SHARE - time.perf_counter()
        if wait > 0.001:
            if not self._throttle.isActive():
                self._throttle.start(math.ceil(wait * 1000))
            return
        self.flush()

    def flush(self) -> None:
        """Show the snapshot held back by :meth:`show_snapshot`'s rate limit, if any."""
        self._throttle.stop()
        snapshot, self._pending = self._pending, None
        if snapshot is None:
            return
        self._last_applied = time.perf_counter()
        self._apply_snapshot(snapshot)

    def paintEvent(self, event) -> None:
        start = time.perf_counter()
        super().paintEvent(event)
        cost = time.perf_counter() - start
        self._paint_cost = cost if self._paint_cost == 0.0 else 0.8 * self._paint_cost + 0.2 * cost

    def _apply_snapshot(self, snapshot) -> None:
        if not self._fits(snapshot.weights):
            experiment = getattr(snapshot, "experiment", None)
            if experiment is None:
                return
            self.set_structure_from_experiment(experiment)
            if not self._fits(snapshot.weights):
                return
        self._weights = snapshot.weights
        self._gradients = snapshot.gradients
        if snapshot.neurons is not None:
            self._update_thumbnails(snapshot.neurons)
        now = time.perf_counter()
        if getattr(snapshot, "running", False) and now - self._edges_styled < EDGE_PERIOD:
            return  # while training, thumbnails follow every frame, edges a few times a second
        self._edges_styled = now
        for layer in range(1, len(self.nodes)):
            if layer not in self._edge_values:
                self._style_edges(layer, self._weights[f"W{layer}"], WEIGHT_FULL_SCALE)
            self._style_biases(layer, self._weights.get(f"b{layer}"))
        edge = self._hovered_edge
        if edge is not None:
            edge.setToolTip(self.edge_tooltip(edge.layer, edge.row, edge.col))

    def _fits(self, weights: dict[str, np.ndarray]) -> bool:
        sizes = self.layer_sizes
        if len(self.nodes) != len(sizes) or not self._sizes:
            return False
        for k in range(1, len(sizes)):
            w = weights.get(f"W{k}")
            if w is None or w.shape != (sizes[k], sizes[k - 1]):
                return False
        return f"W{len(sizes)}" not in weights

    def _update_thumbnails(self, neurons: Sequence[np.ndarray]) -> None:
        for layer, stack in enumerate(neurons[: len(self.nodes)]):
            if stack.shape[0] != len(self.nodes[layer]):
                continue
            activation = self._activations[layer - 1] if layer > 0 else None
            for node, pixels in zip(self.nodes[layer], thumbnails(stack, activation), strict=True):
                node.set_pixels(pixels)

    def _style_edges(self, layer: int, values: np.ndarray, full_scale: float) -> None:
        widths, alphas = edge_style(values, full_scale)
        if self._highlight is not None and self._highlight != layer:
            alphas = alphas * 0.25
        colors = edge_colors(np.nan_to_num(values), alphas).ravel().tolist()
        widths = (np.rint(widths * 4.0) / 4.0).ravel().tolist()  # quarter pixels: fewer repaints
        for edge, rgb, width in zip(self._flat_edges[layer], colors, widths, strict=True):
            edge.set_style(rgb, width)

    def _style_biases(self, layer: int, b: np.ndarray | None) -> None:
        if b is None:
            return
        for item, c in zip(self.biases[layer], bias_colors(b), strict=True):
            item.setBrush(QColor(int(c[0]), int(c[1]), int(c[2])))

    # -- hover and editing -------------------------------------------------------------------------
    def _on_node_hovered(self, layer: int, unit: int) -> None:
        self._hovered_node = None if layer < 0 else (layer, unit)
        self.neuronHovered.emit(layer, unit)

    def edge_tooltip(self, layer: int, row: int, col: int) -> str:
        """``W2[3,1] = 0.4213 · ∂J/∂W = -0.0123`` for the edge's current weight and gradient."""
        name = f"W{layer}"
        text = f"{name}[{row},{col}]"
        w = self._weights.get(name)
        if w is not None:
            text += f" = {_fmt(w[row, col])}"
        g = self._gradients.get(name)
        if g is not None:
            text += f" · ∂J/∂W = {_fmt(g[row, col])}"
        shown = self._edge_values.get(layer)
        if shown is not None:
            text += f"\nshown: {_fmt(shown[row, col])}"
        return text + "\nclick to edit"

    def bias_tooltip(self, layer: int, unit: int) -> str:
        """``b2[1] = 0.1 · ∂J/∂b = 0.002`` for a bias."""
        name = f"b{layer}"
        text = f"{name}[{unit}]"
        b, g = self._weights.get(name), self._gradients.get(name)
        if b is not None:
            text += f" = {_fmt(b[unit])}"
        if g is not None:
            text += f" · ∂J/∂b = {_fmt(g[unit])}"
        return text + "\nclick to edit"

    def edit_weight(self, layer: int, row: int, col: int, value: float | None = None) -> bool:
        """Set W_layer[row, col]: asks the user when ``value`` is None. True if a value was set.

        Non-finite values are refused. Emits :attr:`weightEdited` and redraws the edge at
        once (the next snapshot confirms it).
        """
        name = f"W{layer}"
        current = self._weights.get(name)
        old = float(current[row, col]) if current is not None else 0.0
        value = self._new_value(value, "Edit weight", f"{name}[{row},{col}]", old)
        if value is None:
            return False
        if current is not None:
            current = current.copy()
            current[row, col] = value
            self._weights = {**self._weights, name: current}
            if layer not in self._edge_values:
                self._style_edges(layer, current, WEIGHT_FULL_SCALE)
        self.weightEdited.emit(layer, row, col, value)
        return True

    def edit_bias(self, layer: int, unit: int, value: float | None = None) -> bool:
        """Set b_layer[unit]; like :meth:`edit_weight`. Emits :attr:`biasEdited`."""
        name = f"b{layer}"
        current = self._weights.get(name)
        old = float(current[unit]) if current is not None else 0.0
        value = self._new_value(value, "Edit bias", f"{name}[{unit}]", old)
        if value is None:
            return False
        if current is not None:
            current = current.copy()
            current[unit] = value
            self._weights = {**self._weights, name: current}
            self._style_biases(layer, current)
        self.biasEdited.emit(layer, unit, value)
        return True

    def _new_value(self, value: float | None, title: str, what: str, old: float) -> float | None:
        """``value``, or the user's answer when it is None; None if cancelled or not finite."""
        if value is None:
            value, ok = QInputDialog.getDouble(
                self, title, f"{what} (now {_fmt(old)}):", old, -EDIT_LIMIT, EDIT_LIMIT, 4
            )
            if not ok:
                return None
        value = float(value)
        return value if math.isfinite(value) else None

    # -- lecture-mode hooks ------------------------------------------------------------------------
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
        items = self._value_labels.get(layer)
        if items is None:
            items = []
            for _ in self.nodes[layer]:
                item = TextItem("", anchor="left", boxed=True)
                item.set_font(self._font)
                item.setZValue(5)
                self._scene.addItem(item)
                items.append(item)
            self._value_labels[layer] = items
        for item, v in zip(items, values, strict=True):
            item.set_text(_fmt(v))
        self._place_value_labels()

    def _place_value_labels(self) -> None:
        """Numbers sit just right of their node, over the start of its outgoing edges."""
        s = self.transform().m11() or 1.0
        for layer, items in self._value_labels.items():
            for item, node in zip(items, self.nodes[layer], strict=True):
                item.setPos(node.rect.right() + 3 / s, node.rect.center().y())

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

    def _apply_edge_values(self) -> None:
        for layer in self._edge_values:
            self._restyle_layer(layer)

    def _restyle_layer(self, layer: int) -> None:
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

    # -- presentation ------------------------------------------------------------------------------
    def set_font_scale(self, scale: float) -> None:
        """Scale the labels' font (they keep their screen size whatever the zoom)."""
        self._font_scale = float(scale)
        font = QFont(QApplication.font())
        base = font.pointSizeF() if font.pointSizeF() > 0 else 9.0
        font.setPointSizeF(base * self._font_scale)
        self._font = font
        for items in (self._column_labels, self._input_labels, *self._value_labels.values()):
            for item in items:
                item.set_font(font)
        self._fit()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._fit()

    def _fit(self) -> None:
        """Scale the diagram to the widget, leaving screen-size room for the labels."""
        if not self.nodes:
            return
        metrics = QFontMetricsF(self._font)
        line = metrics.lineSpacing()
        # Column labels are centred under their nodes: the first and last may overhang.
        overhang = [
            min(metrics.horizontalAdvance(item.full_text), COLUMN_PITCH * MAX_SCALE) / 2 + 4
            for item in (self._column_labels[0], self._column_labels[-1])
        ]
        inputs = max(metrics.horizontalAdvance(i.text) for i in self._input_labels) + 10
        left = max(inputs, overhang[0] - 10)
        right, top = max(10.0, overhang[1] - 10), 10.0
        bottom = 3 * line + 12  # column labels (up to 3 lines)
        last = self._value_labels.get(len(self.nodes) - 1)
        if last:  # numbers right of the output nodes
            right = max(right, max(item.boundingRect().width() for item in last) + 8)
        width = max(1.0, self.viewport().width() - left - right)
        height = max(1.0, self.viewport().height() - top - bottom)
        content = self._content
        s = min(width / content.width(), height / content.height(), MAX_SCALE)
        s = max(s, 1e-3)
        self.setTransform(QTransform.fromScale(s, s))
        view_w, view_h = self.viewport().width() / s, self.viewport().height() / s
        # Centre the content plus its margins in the viewport.
        extra_w = view_w - content.width() - (left + right) / s
        extra_h = view_h - content.height() - (top + bottom) / s
        x0 = content.left() - left / s - extra_w / 2
        y0 = content.top() - top / s - extra_h / 2
        self._scene.setSceneRect(QRectF(x0, y0, view_w, view_h))
        self.centerOn(x0 + view_w / 2, y0 + view_h / 2)
        label_y = content.bottom() + 6 / s
        for k, item in enumerate(self._column_labels):
            item.set_max_width(COLUMN_PITCH * s - CAPTION_GAP)
            item.setPos(k * COLUMN_PITCH + NODE / 2, label_y)
        centers = [k * COLUMN_PITCH * s for k in range(len(self._column_labels))]
        widths = [item.boundingRect().width() for item in self._column_labels]
        for item, shown in zip(
            self._column_labels, shown_captions(centers, widths, CAPTION_GAP), strict=True
        ):
            item.setVisible(shown)  # too narrow for all: every other one (the output always)
        for item, node in zip(self._input_labels, self.nodes[0], strict=True):
            item.setPos(node.rect.left() - 6 / s, node.rect.center().y())
        self._place_value_labels()
