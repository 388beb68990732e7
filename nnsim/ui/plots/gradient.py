"""The gradient panel: per-layer norms vs step, and the current gradients of every layer.

Left, one line per layer (``layer_color(k)``) of the chosen metric over the run, on
a log axis: vanishing gradients are lines fanning out by decades from the output
layer down to the first. Right, one box per layer summarising the magnitudes of
*all* the layer's weight gradients at the latest step (log scale), so the learner
sees that a small norm is not one odd weight but the whole layer (the numbers of a box:
:func:`nnsim.training.gradient_summary.magnitude_summary`).
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QComboBox, QWidget

from nnsim.training.gradient_summary import magnitude_summary
from nnsim.training.snapshot import Snapshot
from nnsim.training.text import QT_TR_NOOP
from nnsim.ui.i18n import tr
from nnsim.ui.plots.base import (
    LABEL_POINT_SIZE,
    TICK_POINT_SIZE,
    PlotPanel,
    finite,
    peak_envelope,
    step_axis,
)
from nnsim.ui.plots.diagnosis_markers import DiagnosisMarkers
from nnsim.ui.plots.layer_lines import LayerCurve, LayerLines
from nnsim.ui.plots.readout import SEPARATOR, Readout
from nnsim.ui.style import HIGHLIGHT, MUTED, TEXT, layer_color

ZERO_LABEL_POINT_SIZE = TICK_POINT_SIZE - 1
UPDATE_RATIO_RULE = 1e-3  # the classic rule of thumb for ‖ΔW‖ / ‖W‖ per step
RULE_LABEL = QT_TR_NOOP("10⁻³ rule of thumb")

# metric (the combo's item data; its English text) → (history column prefix, y label,
# distribution source, distribution label, help); texts shown through tr()
METRICS: dict[str, tuple[str, str, str, str, str]] = {
    QT_TR_NOOP("gradient norm"): (
        "grad_norm",
        "‖∂J/∂Wₖ‖",
        "gradients",
        QT_TR_NOOP("|∂J/∂w| now"),
        QT_TR_NOOP(
            "Each line is one layer's ‖∂J/∂W‖, the size of its weight gradient, at each step.\n"
            "Lines falling apart by orders of magnitude from the last layer to the first =\n"
            "vanishing gradients: the first layers barely learn. Lines shooting up = exploding."
        ),
    ),
    QT_TR_NOOP("weight norm"): (
        "weight_norm",
        "‖Wₖ‖",
        "weights",
        QT_TR_NOOP("|w| now"),
        QT_TR_NOOP(
            "Each line is one layer's ‖W‖, the size of its weights, at each step.\n"
            "Steady growth means the weights keep getting bigger (regularisation holds them back)."
        ),
    ),
    QT_TR_NOOP("update / weight ratio"): (
        "update_ratio",
        "‖ΔWₖ‖ / ‖Wₖ‖",
        "gradients",
        QT_TR_NOOP("|∂J/∂w| now"),
        QT_TR_NOOP(
            "Each line is how much one step changes a layer's weights, relative to their size.\n"
            "Rule of thumb (dashed red line): about 10⁻³. Far below: that layer hardly learns\n"
            "(learning rate too low); far above: updates are too violent (learning rate too high)."
        ),
    ),
}

DISTRIBUTION_TOOLTIP = QT_TR_NOOP(
    "Right: one box per layer summarising the magnitude of every single weight's\n"
    "gradient |∂J/∂w| at the latest step (log scale; weights |w| for 'weight norm').\n"
    "Box: the middle half of the values (25th–75th percentile); dark tick: the median;\n"
    "whisker: 5th–95th percentile; dot: the largest.\n"
    "Boxes sliding down decade by decade from the output layer (right) to the first\n"
    "layer (left) = vanishing gradients, in every weight, not just on average.\n"
    "'n% zero' (or 'n%') at the bottom: that share of the layer's gradients is exactly 0\n"
    "(e.g. dead ReLUs, which no longer learn); a layer with no box has only zeros."
)


class GradientPanel(PlotPanel):
    """Per-layer gradient norms (or weight norms, or update ratios) and gradient distributions.

    Attributes
    ----------
    norm_plot
        Metric vs step, one curve per layer (``curves[k - 1]`` is layer k), log y by default:
        all drawn by ``lines`` (:class:`~nnsim.ui.plots.layer_lines.LayerLines`).
    distribution_plot
        One box per layer: the current |∂J/∂w| (or |w|) of all the layer's weights.
    metric_combo
        "gradient norm" / "weight norm" / "update / weight ratio" (``gradientMetricCombo``).
    log_toggle
        Log y axis of the norm plot (``gradientLogToggle``), on by default.
    reference_line
        The 10⁻³ rule-of-thumb line, shown for the update / weight ratio.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("gradientPlot", METRICS["gradient norm"][4], parent)  # set per metric
        self._snapshot: Snapshot | None = None
        self._layers = 0
        self.lines: LayerLines | None = None
        self.curves: list[LayerCurve] = []
        self._zero_labels: list[pg.TextItem] = []
        self._distribution_range: tuple[float, float] | None = None
        self._distribution_bounds: tuple[float, float] | None = None
        self._loose_frames = 0
        self._box_brushes: list = []
        self._box_pens: list = []
        self._zero_rows: list[float] = [0.0]  # y of the one or two rows of "% zero" labels

        self.readout = Readout(
            "gradientReadout", tr("The latest value in the first and in the last layer.")
        )
        self.metric_combo = QComboBox()
        self.metric_combo.setObjectName("gradientMetricCombo")
        for metric in METRICS:
            self.metric_combo.addItem(tr(metric), metric)
        self.metric_combo.setToolTip(
            tr(
                "What the lines show per layer: the gradient's size, the weights' size,\n"
                "or how much one step changes the weights relative to their size."
            )
        )
        self.log_toggle = self._add_log_toggle(
            "gradientLogToggle",
            QT_TR_NOOP(
                "Log y axis: layers whose gradients differ by factors of 1000 all stay visible."
            ),
            checked=True,
        )
        self.header.addWidget(self.readout, 1)
        self.header.addWidget(self.metric_combo)
        self.header.addWidget(self.log_toggle)

        plot = self.norm_plot = self._add_plot(1, 0, QT_TR_NOOP("step"), "")
        self.anchor = self._add_anchor(plot)
        plot.setDownsampling(auto=True, mode="peak")
        plot.setClipToView(True)
        plot.setLogMode(y=True)
        self.legend = self._add_legend(plot, 0, 0, colspan=2)
        self.reference_line = pg.InfiniteLine(
            angle=0,
            movable=False,
            pen=pg.mkPen(HIGHLIGHT, width=1, style=Qt.PenStyle.DashLine),
            label=tr(RULE_LABEL),
            labelOpts={
                "position": 0.98,
                "color": HIGHLIGHT,
                "anchors": [(1, 1), (1, 1)],
                "fill": pg.mkBrush(255, 255, 255, 220),
            },
        )
        self.reference_line.setZValue(10)  # over the curves, so its label stays readable
        self.reference_line.setVisible(False)
        plot.addItem(self.reference_line)
        self.diagnosis_markers = DiagnosisMarkers(plot)  # the coach's

        dist = self.distribution_plot = self._add_plot(1, 1, QT_TR_NOOP("layer"), "")
        dist.getAxis("left").setLogMode(True)  # the items are drawn at log10 of the values
        dist.setMouseEnabled(x=False, y=False)
        dist.showGrid(x=False, y=True, alpha=0.12)
        self.graphics.ci.layout.setColumnStretchFactor(0, 3)
        self.graphics.ci.layout.setColumnStretchFactor(1, 2)
        self.boxes = pg.BarGraphItem(x=[], height=[], width=0.6, y0=[])
        self.whiskers = pg.PlotCurveItem(connect="pairs", pen=pg.mkPen(MUTED, width=1.5))
        self.medians = pg.PlotCurveItem(connect="pairs", pen=pg.mkPen(TEXT, width=2.5))
        self.maxima = pg.ScatterPlotItem(
            size=6, symbol="o", pen=pg.mkPen(TEXT, width=1.2), brush=pg.mkBrush("w")
        )
        for item in (self.whiskers, self.boxes, self.medians, self.maxima):
            dist.addItem(item)

        self.metric_combo.currentIndexChanged.connect(self._on_metric_changed)
        self.log_toggle.toggled.connect(self._on_log_toggled)
        self._on_metric_changed()
        self._on_log_toggled(self.log_toggle.isChecked())

    # -- feeding -------------------------------------------------------------------------------
    def show_snapshot(self, snapshot: Snapshot) -> None:
        """Draw the snapshot (curves are rebuilt only when the number of layers changes)."""
        self._follow_run(snapshot.step)
        self._snapshot = snapshot
        history = snapshot.history
        layers = sum(1 for name in history if name.startswith("grad_norm_"))
        if layers != self._layers:
            self._build_layers(layers)
        prefix, _, source, _, _ = METRICS[self.metric_name()]
        steps = step_axis(history["step"])
        columns = [finite(history[f"{prefix}_{k}"]) for k in range(1, self._layers + 1)]
        if self.norm_plot.vb.autoRangeEnabled()[0]:
            # The whole run is in view: decimate every layer in one pass (zoomed in, the
            # lines get every row, at most the few thousand a snapshot holds).
            buckets = max(int(self.norm_plot.vb.width()), 200)
            steps, columns = peak_envelope(steps, columns, buckets)
        if self.lines is not None:
            self.lines.set_data(steps, columns)
        self.anchor.follow(snapshot.step, columns)
        self.diagnosis_markers.show_snapshot(snapshot)
        arrays = snapshot.gradients if source == "gradients" else snapshot.weights
        if source == "gradients" and snapshot.last is None:
            arrays = {}  # no step yet: the gradients are zeros that mean nothing
        self._show_distribution(arrays, show_zeros=source == "gradients")
        self.readout.setText(self.readout_text())

    def readout_text(self) -> str:
        """The latest value of the shown metric in the first and the last layer."""
        snap = self._snapshot
        if snap is None or not len(snap.history["step"]) or not self._layers:
            return ""
        prefix = METRICS[self.metric_name()][0]
        shown = range(1, self._layers + 1) if self._layers <= 3 else (1, self._layers)
        parts = [f"L{k} {snap.history[f'{prefix}_{k}'][-1]:.2g}" for k in shown]
        return (SEPARATOR if self._layers <= 3 else " … ").join(parts)

    def clear(self) -> None:
        """Empty every curve and box (the layers stay)."""
        self.reset_ranges()
        self._snapshot = None
        if self.lines is not None:
            self.lines.clear()
        self.diagnosis_markers.clear()
        self._show_distribution({}, show_zeros=False)
        self.readout.setText("")

    def metric_name(self) -> str:
        """The metric shown: a key of :data:`METRICS` (English, in every language)."""
        return str(self.metric_combo.currentData())

    def set_metric(self, metric: str) -> None:
        if metric not in METRICS:
            raise ValueError(f"metric must be one of {', '.join(METRICS)}, got {metric!r}")
        self.metric_combo.setCurrentIndex(self.metric_combo.findData(metric))

    # -- building ------------------------------------------------------------------------------
    def _build_layers(self, layers: int) -> None:
        if self.lines is not None:
            self.lines.remove_from(self.norm_plot)
        for label in self._zero_labels:
            self.distribution_plot.removeItem(label)
        names = [f"L{k}" for k in range(1, layers + 1)]
        self.lines = LayerLines(names, [pg.mkPen(layer_color(k)) for k in range(1, layers + 1)])
        self.lines.add_to(self.norm_plot)
        self.curves = self.lines.curves
        self._fit_legends()
        colors = [pg.mkColor(layer_color(k)) for k in range(1, layers + 1)]
        self._box_brushes = [pg.mkBrush(c.lighter(160)) for c in colors]
        self._box_pens = [pg.mkPen(c, width=1.5) for c in colors]
        self._zero_labels = []
        for _ in range(layers):
            label = pg.TextItem("", color=MUTED, anchor=(0.5, 1))  # sits on the band's floor
            label.setFont(self.scaled_font(ZERO_LABEL_POINT_SIZE))
            self.distribution_plot.addItem(label, ignoreBounds=True)
            self._zero_labels.append(label)
        every = max(1, math.ceil(layers / 8))  # at most ~8 labels: they must stay apart
        ticks = [(k, str(k)) for k in range(1, layers + 1) if (k - 1) % every == 0]
        self.distribution_plot.getAxis("bottom").setTicks([ticks, []])
        self.distribution_plot.setXRange(0.4, layers + 0.6, padding=0)
        self._layers = layers

    def _show_distribution(self, arrays: dict[str, np.ndarray], show_zeros: bool) -> None:
        xs, rows, zeros = [], [], {}
        for k in range(1, self._layers + 1):
            values = arrays.get(f"W{k}")
            if values is None:
                continue
            summary = magnitude_summary(values)
            zeros[k] = summary.zero_share
            if summary.magnitudes is not None:
                xs.append(k)
                rows.append(np.log10(summary.magnitudes))  # drawn on a log axis
        for label in self._zero_labels:
            label.setVisible(False)
        if not xs:
            self.boxes.setOpts(x=[], height=[], y0=[], brushes=None, pens=None)
            self.whiskers.setData([], [])
            self.medians.setData([], [])
            self.maxima.setData([], [])
            return
        x = np.asarray(xs, float)
        q = np.asarray(rows)  # (n, 6): log10 of p5, p25, p50, p75, p95, max
        self.boxes.setOpts(
            x=x,
            y0=q[:, 1],
            height=np.maximum(q[:, 3] - q[:, 1], 0.02),
            width=0.6,
            brushes=[self._box_brushes[k - 1] for k in xs],
            pens=[self._box_pens[k - 1] for k in xs],
        )
        self.whiskers.setData(np.repeat(x, 2), q[:, [0, 4]].ravel())
        self.medians.setData(np.column_stack([x - 0.3, x + 0.3]).ravel(), np.repeat(q[:, 2], 2))
        self.maxima.setData(x, q[:, 5])
        zero_layers = [k for k, share in zeros.items() if share >= 0.01] if show_zeros else []
        self._fit_distribution_range(float(q[:, 0].min()), float(q[:, 5].max()), zero_layers)
        for k in zero_layers:
            label = self._zero_labels[k - 1]
            share = f"{zeros[k]:.0%}"
            label.setText(tr("{share} zero").format(share=share) if self._layers <= 3 else share)
            label.setPos(k, self._zero_rows[(k + 1) % len(self._zero_rows)])
            label.setVisible(True)

    def _fit_distribution_range(self, lo: float, hi: float, zero_layers: list[int]) -> None:
        """y range: the whiskers and dots, plus a band at the bottom for the "% zero" labels.

        The band is sized in pixels (one line of text, or two staggered lines when the
        layers are too close for the labels to sit side by side).
        """
        # Half decades that only grow while the gradients jitter from step to step (often by
        # a decade), and shrink back after ~2 s of unused room: the axis, costly to redraw,
        # then stays put.
        fitted = (math.floor(lo * 2) / 2, math.ceil(hi * 2) / 2)
        kept = self._distribution_bounds
        if kept is None:
            lo, hi = fitted
        else:
            lo, hi = min(kept[0], fitted[0]), max(kept[1], fitted[1])
            loose = (hi - lo) > (fitted[1] - fitted[0]) + 1.5
            self._loose_frames = self._loose_frames + 1 if loose else 0
            if self._loose_frames > 60:
                (lo, hi), self._loose_frames = fitted, 0
        self._distribution_bounds = (lo, hi)
        view = self.distribution_plot.vb
        width, height = view.width() or 200.0, view.height() or 150.0
        metrics = QFontMetrics(self.scaled_font(ZERO_LABEL_POINT_SIZE))
        line = metrics.height()
        rows = 1 if width / (self._layers + 0.2) >= metrics.horizontalAdvance("100% ") else 2
        band = rows * line + 4 if zero_layers else 0
        room = 0.08 * max(hi - lo, 1.0)
        per_pixel = (hi - lo + 2 * room) / max(height - band, 40.0)
        bottom = lo - room - band * per_pixel
        self._zero_rows = [bottom + (2 + line * (r + 1)) * per_pixel for r in range(rows)]
        wanted = (bottom, hi + room)
        if wanted != self._distribution_range:
            self._distribution_range = wanted
            self.distribution_plot.setYRange(*wanted, padding=0)

    # -- reacting ------------------------------------------------------------------------------
    def _on_metric_changed(self, _index: int = -1) -> None:
        metric = self.metric_name()
        _, y_label, _, dist_label, _ = METRICS[metric]
        self._set_axis_label(self.norm_plot, "left", y_label)
        self._set_axis_label(self.distribution_plot, "left", dist_label)
        self.reference_line.setVisible(metric == "update / weight ratio")
        self._set_tooltips()
        self._distribution_range = None
        self._distribution_bounds = None
        if self._snapshot is not None:
            self.show_snapshot(self._snapshot)

    def _set_tooltips(self) -> None:
        help_text = tr(METRICS[self.metric_name()][4])
        self.graphics.setToolTip(f"{help_text}\n\n{tr(DISTRIBUTION_TOOLTIP)}")
        self.setToolTip(help_text)

    def _retranslate(self) -> None:
        for i in range(self.metric_combo.count()):
            self.metric_combo.setItemText(i, tr(self.metric_combo.itemData(i)))
        self._set_tooltips()
        self.reference_line.label.setFormat(tr(RULE_LABEL))
        if self._snapshot is not None:
            self.show_snapshot(self._snapshot)  # the "% zero" labels

    def _on_log_toggled(self, on: bool) -> None:
        self.norm_plot.setLogMode(y=on)
        self.anchor.refit()
        self.reference_line.setValue(math.log10(UPDATE_RATIO_RULE) if on else UPDATE_RATIO_RULE)

    def _on_ranges_reset(self) -> None:
        self._distribution_range = None
        self._distribution_bounds = None

    def _on_font_scale_changed(self) -> None:
        self.diagnosis_markers.set_font(self.scaled_font(LABEL_POINT_SIZE - 1))
        font = self.scaled_font(ZERO_LABEL_POINT_SIZE)
        for label in self._zero_labels:
            label.setFont(font)
        self.reference_line.label.setFont(self.scaled_font(LABEL_POINT_SIZE - 1))
