"""Ghost runs: when a change starts training again from new weights, the loss curve of the
run it ended stays on the loss plot, faded and labelled with what changed, so the new run
is seen against the old one (TensorFlow Playground throws every old curve away).

The last :data:`MAX_GHOSTS` are kept, the newest darkest; the loss panel's "clear" button
(objectName ``clearGhostsButton``) removes them. They never set the axes' ranges: the new
run does, and a ghost shows where it was at the same steps.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QToolButton

from nnsim.ui.i18n import shown, tr
from nnsim.ui.plots.base import pale

__all__ = ["MAX_GHOSTS", "GhostRuns"]

MAX_GHOSTS = 3
_FADE = (0.35, 0.55, 0.7)  # white mixed into the colour: newest first


class GhostRuns:
    """The faded curves of earlier runs on ``plot``, named in ``legend``, cleared by
    ``button`` (shown only while there are some)."""

    def __init__(
        self, plot: pg.PlotItem, legend: pg.LegendItem, button: QToolButton, color: str
    ) -> None:
        self._plot, self._legend, self._button, self._color = plot, legend, button, color
        self._ghosts: list[tuple[pg.PlotDataItem, str]] = []  # newest first
        button.setObjectName("clearGhostsButton")
        button.setVisible(False)
        button.clicked.connect(self.clear)
        self.retranslate()

    def keep(self, steps: np.ndarray, loss: np.ndarray, label: str) -> bool:
        """Keep the curve ``loss`` over ``steps`` as the newest ghost, named ``label``;
        False (nothing kept) if it has fewer than two finite points."""
        steps, loss = np.asarray(steps, dtype=float), np.asarray(loss, dtype=float)
        finite = np.isfinite(steps) & np.isfinite(loss)
        if finite.sum() < 2:
            return False
        curve = pg.PlotDataItem(steps[finite], loss[finite])
        self._plot.addItem(curve, ignoreBounds=True)
        curve.setZValue(-10)  # under the live curves
        self._ghosts.insert(0, (curve, label))
        for old, _ in self._ghosts[MAX_GHOSTS:]:
            self._remove(old)
        del self._ghosts[MAX_GHOSTS:]
        self._restyle()
        return True

    def clear(self) -> None:
        """Remove every ghost."""
        for curve, _ in self._ghosts:
            self._remove(curve)
        self._ghosts = []
        self._restyle()

    def labels(self) -> list[str]:
        """The ghosts' labels, newest first."""
        return [label for _, label in self._ghosts]

    def curves(self) -> list[pg.PlotDataItem]:
        """The ghosts' curves, newest first."""
        return [curve for curve, _ in self._ghosts]

    def retranslate(self) -> None:
        """The button's and the legend's texts in the language now installed."""
        self._button.setText(tr("clear earlier runs"))
        self._button.setToolTip(
            tr(
                "Remove the faded curves of earlier runs (the last {count} runs a change "
                "restarted from new weights)."
            ).format(count=MAX_GHOSTS)
        )
        self._restyle()

    def _remove(self, curve: pg.PlotDataItem) -> None:
        self._legend.removeItem(curve)
        self._plot.removeItem(curve)

    def _restyle(self) -> None:
        for (curve, label), fade in zip(self._ghosts, _FADE, strict=False):
            curve.setPen(pg.mkPen(pale(self._color, fade), width=1))
            self._legend.removeItem(curve)
            self._legend.addItem(curve, tr("earlier: {change}").format(change=shown(label)))
        self._button.setVisible(bool(self._ghosts))
