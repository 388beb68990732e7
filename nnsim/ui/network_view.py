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

This module builds the diagram and fits it to the widget. The rest is one concept a module:
the items themselves in :mod:`nnsim.ui.diagram_items` (a column's thumbnails, borders and
biases drawn together by :mod:`nnsim.ui.diagram_columns`), where they sit in
:mod:`nnsim.ui.diagram_layout`, how a value looks in :mod:`nnsim.ui.diagram_style`, how often
a snapshot is drawn in :mod:`nnsim.ui.diagram_repaint`, hover and editing in
:mod:`nnsim.ui.diagram_editing`, the lecture's marks in :mod:`nnsim.ui.diagram_overlays`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
from PySide6.QtCore import QEvent, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QTransform
from PySide6.QtWidgets import QApplication, QFrame, QGraphicsScene, QGraphicsView, QWidget

from nnsim.engine.features import FEATURE_LABELS
from nnsim.ui.diagram_columns import NodeColumn
from nnsim.ui.diagram_editing import DiagramEditing
from nnsim.ui.diagram_items import BiasItem, EdgeItem, NodeItem, TextItem
from nnsim.ui.diagram_layout import (
    CAPTION_GAP,
    COLUMN_PITCH,
    NODE,
    build_items,
    column_texts,
    content_rect,
    shown_captions,
)
from nnsim.ui.diagram_overlays import DiagramOverlays
from nnsim.ui.diagram_repaint import RepaintThrottle
from nnsim.ui.diagram_style import bias_colors, thumbnails

MAX_SCALE = 2.0  # the view never magnifies the scene more than this
LABEL_GAP = 6.0  # px between a node and its input label, between the nodes and the captions


class NetworkView(DiagramEditing, DiagramOverlays, QGraphicsView):
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
    From :class:`~nnsim.ui.diagram_overlays.DiagramOverlays`: ``set_highlight_layer(k)``
    marks column k and its incoming edges W_k (others dimmed); ``set_node_values(k,
    values)`` writes a number beside each node of column k; ``set_edge_values(k, matrix)``
    draws W_k's edges by ``matrix`` (e.g. dW) instead of the weights, scaled to its largest
    magnitude. ``None`` clears each.
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
        self._columns: list[NodeColumn] = []  # [layer]: draws its nodes and biases
        self._bias_colors: dict[int, np.ndarray] = {}  # by layer: the (units, 4) colours shown
        self._column_labels: list[TextItem] = []
        self._input_labels: list[TextItem] = []
        self._weights: dict[str, np.ndarray] = {}
        self._gradients: dict[str, np.ndarray] = {}
        self._content = QRectF()
        self._font_scale = 1.0
        self._font = QFont(QApplication.font())
        self._repaint: RepaintThrottle[Any] = RepaintThrottle(self, self._apply_snapshot)
        self._init_editing()
        self._init_overlays()

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
        self._forget_hover()
        self._features, self._sizes, self._activations = features, sizes, activations
        self._rebuild()
        return True

    def set_structure_from_experiment(self, experiment) -> bool:
        """:meth:`set_structure` for an :class:`~nnsim.training.experiment.Experiment`."""
        sizes = experiment.layer_sizes()
        return self.set_structure(
            experiment.data.features, list(sizes[1:]), list(experiment.layer_activations())
        )

    def _rebuild(self) -> None:
        self._scene.clear()
        self._weights, self._gradients = {}, {}
        self._bias_colors = {}
        sizes = self.layer_sizes
        self.nodes, self.edges, self._flat_edges, self.biases, self._columns = build_items(
            self, self._scene, sizes
        )
        self._content = content_rect(sizes)
        self._column_labels = [
            TextItem(
                *column_texts(k, len(self._features), self._sizes, self._activations),
                gap=LABEL_GAP,
            )
            for k in range(len(sizes))
        ]
        for k, item in enumerate(self._column_labels):
            item.setPos(k * COLUMN_PITCH + NODE / 2, self._content.bottom())
        self._input_labels = [
            TextItem(FEATURE_LABELS.get(name, name), anchor="right", gap=LABEL_GAP)
            for name in self._features
        ]
        for item, node in zip(self._input_labels, self.nodes[0], strict=True):
            item.setPos(node.rect.left(), node.rect.center().y())
        for item in (*self._column_labels, *self._input_labels):
            item.set_font(self._font)
            self._scene.addItem(item)
        self._redraw_overlays()
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
        self._repaint.offer(snapshot)

    def flush(self) -> None:
        """Show the snapshot held back by :meth:`show_snapshot`'s rate limit, if any."""
        self._repaint.flush()

    def paintEvent(self, event) -> None:
        with self._repaint.painting():
            super().paintEvent(event)

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
        if not self._repaint.edges_due(getattr(snapshot, "running", False)):
            return  # while training, thumbnails follow every frame, edges a few times a second
        for layer in range(1, len(self.nodes)):
            if layer not in self._edge_values:  # a lecture matrix stays until it is cleared
                self._restyle_layer(layer)
            self._style_biases(layer, self._weights.get(f"b{layer}"))
        self._refresh_hovered_tooltip()

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
        layers = [
            k for k, stack in enumerate(neurons[: len(self.nodes)])
            if stack.shape[0] == len(self.nodes[k])
        ]  # fmt: skip
        activations = [self._activations[k - 1] if k > 0 else None for k in layers]
        images = thumbnails([neurons[k] for k in layers], activations)
        for k, rgba in zip(layers, images, strict=True):
            self._columns[k].set_pixels(rgba)

    def _style_biases(self, layer: int, b: np.ndarray | None) -> None:
        if b is None:
            return
        colors = bias_colors(b)
        kept = self._bias_colors.get(layer)
        changed = range(len(colors)) if kept is None else np.flatnonzero((colors != kept).any(1))
        if not len(changed):
            return
        self._bias_colors[layer] = colors
        for unit in changed:
            r, g, b_, _ = colors[unit].tolist()
            self.biases[layer][unit].setBrush(QColor(r, g, b_))
        self._columns[layer].frames.update()  # which draw them

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

    def changeEvent(self, event: QEvent) -> None:
        """A language switch: the column captions are made again in the new language."""
        if event.type() == QEvent.Type.LanguageChange and self._column_labels:
            for k, item in enumerate(self._column_labels):
                item.set_variants(
                    *column_texts(k, len(self._features), self._sizes, self._activations)
                )
            self._fit()
        super().changeEvent(event)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._fit()

    def _fit(self) -> None:
        """Scale the diagram to the widget, leaving screen-size room for the labels."""
        if not self.nodes:
            return
        metrics = QFontMetricsF(self._font)
        # the labels' line height, with the fallback font of Chinese text if they hold any
        one_line = "".join(item.full_text for item in self._column_labels).replace("\n", "")
        any_text = QRectF(0, 0, 1e6, 1e6)
        line = max(metrics.lineSpacing(), metrics.boundingRect(any_text, 0, one_line).height())
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
        for item in self._column_labels:
            item.set_max_width(COLUMN_PITCH * s - CAPTION_GAP)
        centers = [k * COLUMN_PITCH * s for k in range(len(self._column_labels))]
        widths = [item.boundingRect().width() for item in self._column_labels]
        for item, shown in zip(
            self._column_labels, shown_captions(centers, widths, CAPTION_GAP), strict=True
        ):
            item.setVisible(shown)  # too narrow for all: every other one (the output always)
