"""What the lecture's network diagram shows in each phase.

- Forward L k: layer k marked; the input and the activations A¹ … Aᵏ of the first sample
  beside the nodes; layer k's edges drawn by its weights W (scaled to the largest, so that
  small initial weights show).
- Loss: the output layer marked, every activation beside its node.
- Backward L k: layer k marked; δ = dZ of layers L … k beside their nodes; layer k's edges
  drawn by its gradient dW.
- Update: nothing marked; every layer's edges drawn by its step −η·dW.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
from PySide6.QtCore import Signal

from nnsim.training.phases import Phase
from nnsim.ui.network_view import NetworkView


class LectureNetworkView(NetworkView):
    """The diagram of the lecture: clicking an edge or a bias chooses it for the formula
    (:attr:`weightChosen`, :attr:`biasChosen`) instead of editing it."""

    weightChosen = Signal(int, int, int)
    biasChosen = Signal(int, int)

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
    if phase.kind in ("forward", "loss"):
        shown.highlight = phase.layer if phase.kind == "forward" else depth
        shown.nodes[0] = phases[0].arrays["A_prev"][sample]
        for p in phases:
            if p.kind == "forward" and p.layer <= shown.highlight:
                shown.nodes[p.layer] = p.arrays["A"][sample]
        if phase.kind == "forward":
            shown.edges[phase.layer] = phase.arrays["W"]
    elif phase.kind == "backward":
        shown.highlight = phase.layer
        for p in phases:
            if p.kind == "backward" and p.layer >= phase.layer:
                shown.nodes[p.layer] = p.arrays["dZ"][sample]
        shown.edges[phase.layer] = phase.arrays["dW"]
    elif phase.kind == "update":
        shown.edges = {k: phase.arrays[f"W{k}_step"] for k in range(1, depth + 1)}
    return shown


def show_overlays(view: NetworkView, shown: Overlays, depth: int) -> None:
    """Draw ``shown`` on ``view`` (clearing what another phase drew)."""
    view.set_highlight_layer(shown.highlight)
    for k in range(depth + 1):
        view.set_node_values(k, shown.nodes.get(k))
        if k:
            view.set_edge_values(k, shown.edges.get(k))
