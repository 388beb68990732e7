"""What the lecture's network diagram shows in each phase.

- Forward L k: layer k marked; the input and the activations A¹ … Aᵏ of the first sample
  beside the nodes; layer k's edges drawn by its weights W (scaled to the largest, so that
  small initial weights show).
- Loss: the output layer marked, every activation beside its node.
- Backward L k: layer k marked; δ = dZ of layers L … k beside their nodes; layer k's edges
  drawn by its gradient dW.
- Update: nothing marked; every layer's edges drawn by its step −η·dW.

The labels keep their size on screen while the diagram scales to its room, so at a large zoom
they would run into each other: :class:`LectureNetworkView` writes them as large as the zoom
asks, but never larger than fits between the nodes (see :meth:`LectureNetworkView.refit`);
when a very deep network leaves no room even for small numbers, only the marked layer's are
written (the numbers panel has them all).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
from PySide6.QtCore import QRectF, Signal
from PySide6.QtGui import QFont, QFontMetricsF
from PySide6.QtWidgets import QApplication

from nnsim.training.phases import Phase
from nnsim.ui.diagram_items import TextItem
from nnsim.ui.diagram_layout import COLUMN_PITCH, NODE, ROW_PITCH
from nnsim.ui.network_view import NetworkView

SMALLEST_POINTS = 6.0  # the labels shrink to fit, but not below this size
TYPICAL_NUMBER = "-0.0000"  # room kept beside every column, so the size holds phase to phase
GAP = 2.0  # px between a label and its neighbours
MINIMUM = (160, 120)  # px: the diagram's smallest size, however small its labels
SCREEN_SHARE = 0.45  # the room asked for is at most this share of the screen (then: smaller text)


class LectureNetworkView(NetworkView):
    """The diagram of the lecture: clicking an edge or a bias chooses it for the formula
    (:attr:`weightChosen`, :attr:`biasChosen`) instead of editing it; its labels never
    overlap (see the module docstring)."""

    weightChosen = Signal(int, int, int)
    biasChosen = Signal(int, int)

    def __init__(self, parent=None) -> None:
        self._label_scale = 1.0
        self._fitting = False
        super().__init__(parent)

    def label_font_scale(self) -> float:
        """The labels' font scale in use: the zoom's (``set_font_scale``), or less to fit."""
        return self._label_scale

    def refit(self, *, keep: bool = False) -> None:
        """Fit the diagram to the widget with the largest labels (up to the zoom's size) that
        overlap neither each other nor a neuron and stay inside the widget.

        ``keep``: keep the labels' size if they still fit (a new phase: the numbers should not
        change size as the lecturer walks), else search again.
        """
        if self._fitting or not self.nodes:
            super()._fit()
            return
        self._fitting = True
        try:
            wanted = self._font_scale
            self._ask_for_room(min(wanted, 1.0))
            if keep and self._label_scale <= wanted and self._fits_at(self._label_scale):
                return
            if self._fits_at(wanted):
                return
            base = QApplication.font().pointSizeF()
            low = min(wanted, SMALLEST_POINTS / (base if base > 0 else 9.0))
            high = wanted  # bisect for the largest size that fits, to 1 %
            while high - low > 0.01 * wanted:
                middle = (low + high) / 2
                low, high = (middle, high) if self._fits_at(middle) else (low, middle)
            if not self._fits_at(low):  # too many columns for the room: the marked one's only
                self._show_values_of(self._highlight)
                if not self._labels_fit():
                    self._show_values_of(None)
        finally:
            self._fitting = False

    def _ask_for_room(self, scale: float) -> None:
        """A minimum size in which typical numbers fit at ``scale`` (the splitter keeps it)."""
        font = QFont(QApplication.font())
        base = font.pointSizeF() if font.pointSizeF() > 0 else 9.0
        font.setPointSizeF(base * scale)
        metrics = QFontMetricsF(font)
        number = metrics.horizontalAdvance(TYPICAL_NUMBER) + 8
        line = metrics.lineSpacing()
        s = max((number + 3 + 2 * GAP) / (COLUMN_PITCH - NODE), (line + 2 + 2 * GAP) / ROW_PITCH)
        inputs = max(metrics.horizontalAdvance(item.text) for item in self._input_labels)
        content = self._content
        width = content.width() * s + inputs + 10 + number + 8 + 2 * GAP
        height = content.height() * s + 10 + 3 * line + 12 + 2 * GAP
        screen = self.screen().availableGeometry()  # a deep network must not widen the window
        width, height = (
            min(width, SCREEN_SHARE * screen.width()),
            min(height, SCREEN_SHARE * screen.height()),
        )
        size = (max(MINIMUM[0], math.ceil(width)), max(MINIMUM[1], math.ceil(height)))
        if (self.minimumWidth(), self.minimumHeight()) != size:
            self.setMinimumSize(*size)

    def _fit(self) -> None:  # NetworkView fits on resizes and font changes: fit the labels too
        self.refit()

    def _show_values_of(self, layer) -> None:
        """Show the numbers beside the nodes of ``layer`` only (None: of none; ...: of all)."""
        for k, items in self._value_labels.items():
            for item in items:
                item.setVisible(layer is ... or k == layer)

    def _fits_at(self, scale: float) -> bool:
        """Lay out with the labels at ``scale`` (all shown); do they fit?"""
        self._show_values_of(...)
        font = QFont(QApplication.font())
        base = font.pointSizeF() if font.pointSizeF() > 0 else 9.0
        font.setPointSizeF(base * scale)
        self._font, self._label_scale = font, scale
        for items in (self._column_labels, self._input_labels, *self._value_labels.values()):
            for item in items:
                item.set_font(font)
        super()._fit()
        return self._labels_fit()

    def _labels_fit(self) -> bool:
        s = self.transform().m11()
        metrics = QFontMetricsF(self._font)
        number = metrics.horizontalAdvance(TYPICAL_NUMBER) + 8  # a boxed label's padding
        if number + 3 + GAP > (COLUMN_PITCH - NODE) * s:  # beside a node, before the next one
            return False
        if metrics.lineSpacing() + 2 + GAP > ROW_PITCH * s:  # one above the other
            return False
        transform = self.viewportTransform()
        texts = [
            item.deviceTransform(transform).mapRect(item.boundingRect())
            for item in self.scene().items()
            if isinstance(item, TextItem) and item.isVisible() and item.text
        ]
        nodes = [transform.mapRect(node.rect) for column in self.nodes for node in column]
        inside = QRectF(self.viewport().rect())
        for i, a in enumerate(texts):
            if not inside.contains(a):
                return False
            if any(a.intersects(b) for b in texts[i + 1 :]):
                return False
            if any(a.intersects(n) for n in nodes):
                return False
        return True

    def edit_weight(self, layer: int, row: int, col: int, value: float | None = None) -> bool:
        self.weightChosen.emit(layer, row, col)
        return False

    def edit_bias(self, layer: int, unit: int, value: float | None = None) -> bool:
        self.biasChosen.emit(layer, unit)
        return False


@dataclass
class Overlays:
    """The marked column (None: none), numbers beside nodes and edge values, by layer."""

    highlight: int | None = None
    nodes: dict[int, np.ndarray] = field(default_factory=dict)
    edges: dict[int, np.ndarray] = field(default_factory=dict)


def phase_overlays(
    phase: Phase | None, phases: Sequence[Phase], depth: int, sample: int = 0
) -> Overlays:
    """What to draw over the diagram for ``phase`` of a step (see the module docstring)."""
    shown = Overlays()
    if phase is None:
        return shown
    layer = phase.layer  # None for the loss and the update, which are of no one layer
    if phase.kind in ("forward", "loss"):
        top = shown.highlight = depth if layer is None else layer  # the loss marks the output
        shown.nodes[0] = phases[0].arrays["A_prev"][sample]
        for p in phases:
            if p.kind == "forward" and p.layer is not None and p.layer <= top:
                shown.nodes[p.layer] = p.arrays["A"][sample]
        if layer is not None:  # a forward phase
            shown.edges[layer] = phase.arrays["W"]
    elif phase.kind == "backward":
        assert layer is not None, "a backward phase is of one layer"
        shown.highlight = layer
        for p in phases:
            if p.kind == "backward" and p.layer is not None and p.layer >= layer:
                shown.nodes[p.layer] = p.arrays["dZ"][sample]
        shown.edges[layer] = phase.arrays["dW"]
    elif phase.kind == "update":
        shown.edges = {k: phase.arrays[f"W{k}_step"] for k in range(1, depth + 1)}
    return shown


def show_overlays(view: LectureNetworkView, shown: Overlays, depth: int) -> None:
    """Draw ``shown`` on ``view`` (clearing what another phase drew), its labels fitted."""
    view.set_highlight_layer(shown.highlight)
    for k in range(depth + 1):
        view.set_node_values(k, shown.nodes.get(k))
        if k:
            view.set_edge_values(k, shown.edges.get(k))
    view.refit(keep=True)
