"""Hovering and editing the network diagram: what a neuron, a weight or a bias says under the
pointer, and setting a weight or a bias by clicking it.

The items of :mod:`nnsim.ui.diagram_items` report hovers and clicks to their view; this
mixin answers them. A click asks for the new value in a small dialog
(``QInputDialog.getDouble``, which tests replace); passing the value skips the dialog.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import SignalInstance
from PySide6.QtWidgets import QGraphicsView, QInputDialog

from nnsim.ui.diagram_items import EdgeItem
from nnsim.ui.diagram_overlays import format_value
from nnsim.ui.i18n import tr

if TYPE_CHECKING:
    _View = QGraphicsView
else:
    _View = object

EDIT_LIMIT = 1000.0  # the dialog accepts values in [−EDIT_LIMIT, EDIT_LIMIT]


class DiagramEditing(_View):
    """Hover and edit for :class:`~nnsim.ui.network_view.NetworkView` (a mixin).

    The view calls :meth:`_init_editing` once, and :meth:`_forget_hover` before it removes
    the items of an architecture.
    """

    # Provided by the view: its signals, what the items show, and how they are restyled.
    neuronHovered: SignalInstance
    weightEdited: SignalInstance
    biasEdited: SignalInstance
    _weights: dict[str, np.ndarray]  # the latest snapshot's W1, b1, …
    _gradients: dict[str, np.ndarray]  # and its dW1, db1, …
    _edge_values: dict[int, np.ndarray]  # layers drawn by a lecture matrix
    if TYPE_CHECKING:

        def _restyle_layer(self, layer: int) -> None: ...
        def _style_biases(self, layer: int, b: np.ndarray | None) -> None: ...

    # Held here.
    _hovered_node: tuple[int, int] | None
    _hovered_edge: EdgeItem | None

    def _init_editing(self) -> None:
        self._hovered_node = None
        self._hovered_edge = None

    def _forget_hover(self) -> None:
        """The items are about to go: a hovered neuron is left (the signal says so)."""
        if self._hovered_node is not None:
            self.node_hovered_at(-1, -1)
        self._hovered_edge = None

    # -- hover ---------------------------------------------------------------------------------
    def node_hovered_at(self, layer: int, unit: int) -> None:
        self._hovered_node = None if layer < 0 else (layer, unit)
        self.neuronHovered.emit(layer, unit)

    def edge_hovered(self, edge: EdgeItem, inside: bool) -> None:
        if inside:
            self._hovered_edge = edge
            edge.setToolTip(self.edge_tooltip(edge.layer, edge.row, edge.col))
        elif self._hovered_edge is edge:
            self._hovered_edge = None

    def _refresh_hovered_tooltip(self) -> None:
        """New values arrived: the tooltip under the pointer follows them."""
        edge = self._hovered_edge
        if edge is not None:
            edge.setToolTip(self.edge_tooltip(edge.layer, edge.row, edge.col))

    def edge_tooltip(self, layer: int, row: int, col: int) -> str:
        """``W2[3,1] = 0.4213 · ∂J/∂W = -0.0123`` for the edge's current weight and gradient."""
        name = f"W{layer}"
        text = f"{name}[{row},{col}]"
        w = self._weights.get(name)
        if w is not None:
            text += f" = {format_value(w[row, col])}"
        g = self._gradients.get(name)
        if g is not None:
            text += f" · ∂J/∂W = {format_value(g[row, col])}"
        shown = self._edge_values.get(layer)
        if shown is not None:
            text += "\n" + tr("shown: {value}").format(value=format_value(shown[row, col]))
        return text + "\n" + tr("click to edit")

    def bias_tooltip(self, layer: int, unit: int) -> str:
        """``b2[1] = 0.1 · ∂J/∂b = 0.002`` for a bias."""
        name = f"b{layer}"
        text = f"{name}[{unit}]"
        b, g = self._weights.get(name), self._gradients.get(name)
        if b is not None:
            text += f" = {format_value(b[unit])}"
        if g is not None:
            text += f" · ∂J/∂b = {format_value(g[unit])}"
        return text + "\n" + tr("click to edit")

    # -- editing -------------------------------------------------------------------------------
    def edit_weight(self, layer: int, row: int, col: int, value: float | None = None) -> bool:
        """Set W_layer[row, col]: asks the user when ``value`` is None. True if a value was set.

        Non-finite values are refused. Emits :attr:`weightEdited` and redraws the edge at
        once (the next snapshot confirms it).
        """
        name = f"W{layer}"
        current = self._weights.get(name)
        old = float(current[row, col]) if current is not None else 0.0
        value = self._new_value(value, tr("Edit weight"), f"{name}[{row},{col}]", old)
        if value is None:
            return False
        if current is not None:
            current = current.copy()
            current[row, col] = value
            self._weights = {**self._weights, name: current}
            self._restyle_layer(layer)
        self.weightEdited.emit(layer, row, col, value)
        return True

    def edit_bias(self, layer: int, unit: int, value: float | None = None) -> bool:
        """Set b_layer[unit]; like :meth:`edit_weight`. Emits :attr:`biasEdited`."""
        name = f"b{layer}"
        current = self._weights.get(name)
        old = float(current[unit]) if current is not None else 0.0
        value = self._new_value(value, tr("Edit bias"), f"{name}[{unit}]", old)
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
            prompt = tr("{what} (now {value}):").format(what=what, value=format_value(old))
            value, ok = QInputDialog.getDouble(self, title, prompt, old, -EDIT_LIMIT, EDIT_LIMIT, 4)
            if not ok:
                return None
        value = float(value)
        return value if math.isfinite(value) else None
