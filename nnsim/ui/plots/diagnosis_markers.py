"""The coach's diagnoses as markers on the loss and gradient plots: one amber line at the
step each was first seen, labelled with its code (and layers), as the panel lists them."""

from __future__ import annotations

import pyqtgraph as pg

from nnsim.training.snapshot import Snapshot
from nnsim.ui.plots.base import MarkerLines

DIAGNOSIS_MARKER_COLOR = "#b26a00"  # the panel's amber (nnsim.ui.diagnosis_panel)
LABEL_HEIGHTS = (0.6, 0.43, 0.26)
"""Where the labels sit (share of the plot's height): low, where the hyper-parameter change
labels (at the top) are not, staggered so that markers a few steps apart stay readable."""


def diagnosis_markers(snapshot: Snapshot) -> list[tuple[int, str]]:
    """(step, label) per step with diagnoses, named as the coach's panel names them:
    ``dead_relu L2``, ``saturated L1 L2`` in English, the names in a translated window."""
    from nnsim.ui.diagnosis_panel import diagnosis_title  # it imports this module's colour

    layers: dict[int, dict[str, list[int]]] = {}  # step → code → layers (in order seen)
    for d in snapshot.diagnoses:
        codes = layers.setdefault(d.step, {})
        seen = codes.setdefault(d.code, [])
        if d.layer is not None:
            seen.append(d.layer)
    return [
        (step, ", ".join(diagnosis_title(code) + "".join(f" L{k}" for k in ks)
                         for code, ks in codes.items()))
        for step, codes in layers.items()
    ]  # fmt: skip


class DiagnosisMarkers(MarkerLines):
    """:class:`MarkerLines` in the coach's amber, labelled low on the plot."""

    def __init__(self, plot: pg.PlotItem) -> None:
        super().__init__(plot, DIAGNOSIS_MARKER_COLOR)

    def show_snapshot(self, snapshot: Snapshot) -> None:
        self.update(diagnosis_markers(snapshot), snapshot.step)

    def _set_markers(self, markers: tuple[tuple[int, str], ...]) -> None:
        super()._set_markers(markers)
        for i, line in enumerate(self.lines):
            line.label.setPosition(LABEL_HEIGHTS[i % len(LABEL_HEIGHTS)])
