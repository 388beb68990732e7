"""Compare mode's curves: the runs overlaid, one tab each for loss, accuracy and the
per-layer gradient norm (objectNames ``compareCurves``, ``compareLossPlot``,
``compareAccuracyPlot``, ``compareGradientPlot``, ``compareGradientLayerCombo``).

Only the tab on screen is redrawn by :meth:`CompareCurves.show_results`; a hidden tab
catches up when it is shown, so 16 runs cost one plot's drawing per redraw."""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QTabWidget, QVBoxLayout, QWidget

from nnsim.training.run_group import RunResults
from nnsim.training.text import QT_TR_NOOP
from nnsim.ui.compare.loss_plot import CompareLossPlot, RunPlot
from nnsim.ui.i18n import tr

__all__ = [
    "EXPLODED",
    "NO_ACCURACY",
    "CompareAccuracyPlot",
    "CompareCurves",
    "CompareGradientPlot",
    "GradientNormTab",
]

EXPLODED = 1e4  # the gradient axis's headroom above the runs that did not diverge
NO_ACCURACY = QT_TR_NOOP(
    "Regression has no accuracy: its output is a number, not a class. See the loss."
)
ACCURACY_TIP = QT_TR_NOOP("Test (solid) and train (dashed) accuracy, in %.")


class CompareAccuracyPlot(RunPlot):
    """Every run's test (solid) and train (dashed) accuracy in %, 0–100, against the step;
    a diverged run's cross on its last test accuracy."""

    SERIES = ("test_accuracy", "train_accuracy")
    LEGEND_OFFSET = (-10, -40)  # accuracy climbs to the top right: the legend sits low

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(tr("accuracy % (test solid, train dashed)"), parent)
        self.setObjectName("compareAccuracyPlot")
        self.set_y_range()

    def draw_run(self, i: int, result: RunResults, end: int) -> None:
        history = result.evaluations
        steps = history.column("step")
        for j, name in enumerate(self.SERIES):
            self.set_curve(i, j, steps, 100.0 * history.column(name))
        _, y = self.curves[0][i].getOriginalDataset()
        self.set_mark(i, result, float(y[-1]) if y is not None and len(y) else 97.0, end)

    def set_y_range(self) -> None:
        self.setYRange(0.0, 100.0, padding=0.02)


class CompareGradientPlot(RunPlot):
    """Every run's gradient norm ‖∂J/∂W‖ of one layer against the step, on a log axis
    (vanishing and exploding span decades); a diverged run's cross on its last norm. The
    axis reaches :data:`EXPLODED` × the highest norm of the runs that did not diverge: a
    run blowing up leaves the plot upwards instead of flattening the others into a line."""

    LOG_Y = True

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("", parent)
        self.setObjectName("compareGradientPlot")
        self.getAxis("left").enableAutoSIPrefix(False)
        self.layer = 1
        self.set_axis_label()
        self.cap = math.inf
        self._norms: list[np.ndarray | None] = []

    def set_axis_label(self) -> None:
        """The y axis names the layer drawn (in the language installed now)."""
        label = tr("gradient norm of layer {layer} (log)").format(layer=self.layer)
        if self.getAxis("left").labelText != label:
            self.setLabel("left", label)

    def prepare(self, results: Sequence[RunResults]) -> None:
        self.set_axis_label()
        name = f"grad_norm_{self.layer}"
        self._norms = [  # a shallower run has no such layer
            r.column(name) if self.layer <= r.trainer.network.depth else None for r in results
        ]
        calm = [n[np.isfinite(n)] for n, r in zip(self._norms, results, strict=True)
                if n is not None and not r.diverged]  # fmt: skip
        highest = max((float(n.max()) for n in calm if len(n)), default=math.inf)
        self.cap = EXPLODED * highest

    def draw_run(self, i: int, result: RunResults, end: int) -> None:
        norms = self._norms[i]
        if norms is None:
            self.set_curve(i, 0, np.empty(0), np.empty(0))
            self.set_mark(i, result, None, end)
            return
        self.set_curve(i, 0, result.column("step"), np.minimum(norms, self.cap * 1.5))
        _, y = self.curves[0][i].getOriginalDataset()
        last = result.last
        at_stop = math.nan if last is None else float(last.grad_norms[self.layer - 1])
        if not (math.isfinite(at_stop) and at_stop > 0):  # the cross ends the curve
            at_stop = float(y[-1]) if y is not None and len(y) else math.nan
        at_stop = min(at_stop, self.cap)
        self.set_mark(i, result, at_stop if math.isfinite(at_stop) else None, end)


class GradientNormTab(QWidget):
    """The gradient tab: a layer chooser (layer 1 first, where vanishing shows) over the
    :class:`CompareGradientPlot`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plot = CompareGradientPlot(self)
        self.layer_combo = QComboBox(self)
        self.layer_combo.setObjectName("compareGradientLayerCombo")
        self.layer_combo.setToolTip(
            tr("The layer whose gradient norm is drawn. Vanishing gradients show first in "
               "layer 1 (farthest from the loss); exploding ones in every layer.")
        )  # fmt: skip
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(QLabel(tr("Layer"), self))
        row.addWidget(self.layer_combo)
        row.addStretch(1)
        box = QVBoxLayout(self)
        box.setContentsMargins(4, 4, 4, 0)
        box.setSpacing(2)
        box.addLayout(row)
        box.addWidget(self.plot, 1)

    def set_depth(self, depth: int) -> None:
        """Offer layers 1…``depth`` (the current choice kept where it still exists)."""
        if self.layer_combo.count() == depth:
            return
        self._fill_layers(depth)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange and self.layer_combo.count():
            self._fill_layers(self.layer_combo.count())  # the items name their layer
            self.plot.set_axis_label()

    def _fill_layers(self, depth: int) -> None:
        keep = min(self.layer_combo.currentIndex(), depth - 1)
        self.layer_combo.blockSignals(True)
        self.layer_combo.clear()
        for k in range(1, depth + 1):
            if k == depth:
                text = tr("layer {layer} (output)").format(layer=k)
            elif k == 1:
                text = tr("layer {layer} (first hidden)").format(layer=k)
            else:
                text = tr("layer {layer}").format(layer=k)
            self.layer_combo.addItem(text, k)
        self.layer_combo.setCurrentIndex(max(keep, 0))
        self.layer_combo.blockSignals(False)
        self.plot.layer = self.layer_combo.currentData() or 1


class CompareCurves(QTabWidget):
    """The runs' curves in tabs Loss / Accuracy / Gradient norm (objectName
    ``compareCurves``); the window calls :meth:`set_runs` then :meth:`show_results`."""

    LOSS, ACCURACY, GRADIENT = range(3)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("compareCurves")
        self.setDocumentMode(True)
        self.loss = CompareLossPlot(self)
        self.accuracy = CompareAccuracyPlot(self)
        self.gradient_tab = GradientNormTab(self)
        self.gradient = self.gradient_tab.plot
        self.layer_combo = self.gradient_tab.layer_combo
        self.addTab(self.loss, tr("Loss"))
        self.addTab(self.accuracy, tr("Accuracy"))
        self.addTab(self.gradient_tab, tr("Gradient norm"))
        self.setTabToolTip(self.LOSS, tr("Test loss (solid) and train loss (dashed) of every run."))
        self.setTabToolTip(self.ACCURACY, tr(ACCURACY_TIP))
        self.setTabToolTip(self.GRADIENT, tr("One layer's gradient norm per step, on a log axis."))
        self._results: Sequence[RunResults] = ()
        self._stale: set[int] = set()
        self.currentChanged.connect(self._on_tab_shown)
        self.layer_combo.currentIndexChanged.connect(self._on_layer_chosen)

    # The loss plot's parts, as the window and its tests knew them before the tabs.
    @property
    def legend(self) -> pg.LegendItem:
        return self.loss.legend

    @property
    def test_curves(self) -> list[pg.PlotDataItem]:
        return self.loss.test_curves

    @property
    def marks(self) -> list[pg.PlotDataItem]:
        return self.loss.marks

    def plots(self) -> tuple[RunPlot, RunPlot, RunPlot]:
        """The plots in tab order."""
        return self.loss, self.accuracy, self.gradient

    def set_runs(self, labels: Sequence[str]) -> None:
        """New runs: every tab's curves and legend."""
        for plot in self.plots():
            plot.set_runs(labels)
        self._results, self._stale = (), set()

    def show_results(self, results: Sequence[RunResults]) -> None:
        """Draw the tab on screen from ``results``; the others when they are shown."""
        self._results = results
        self._stale = {self.LOSS, self.ACCURACY, self.GRADIENT}
        if results:
            has_accuracy = results[0].trainer.data.kind != "regression"
            if not has_accuracy and self.currentIndex() == self.ACCURACY:
                self.setCurrentIndex(self.LOSS)  # draws the loss (it is stale)
            self.setTabEnabled(self.ACCURACY, has_accuracy)
            self.setTabToolTip(self.ACCURACY, tr(ACCURACY_TIP if has_accuracy else NO_ACCURACY))
            self.gradient_tab.set_depth(max(r.trainer.network.depth for r in results))
        self._draw(self.currentIndex())

    def _draw(self, tab: int) -> None:
        if tab in self._stale:
            self._stale.discard(tab)
            self.plots()[tab].show_results(self._results)

    def _on_tab_shown(self, tab: int) -> None:
        self._draw(tab)

    def _on_layer_chosen(self) -> None:
        self.gradient.layer = self.layer_combo.currentData() or 1
        self._stale.add(self.GRADIENT)
        if self.currentIndex() == self.GRADIENT:
            self._draw(self.GRADIENT)
