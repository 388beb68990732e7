"""The learning-rate panel: the rate each step actually used, and the planned schedule."""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from nnsim.training.snapshot import Snapshot
from nnsim.training.text import QT_TR_NOOP
from nnsim.ui.i18n import tr
from nnsim.ui.plots.base import (
    LABEL_POINT_SIZE,
    MarkerLines,
    PlotPanel,
    finite,
    format_value,
    step_axis,
)
from nnsim.ui.plots.layer_lines import LayerLines
from nnsim.ui.plots.readout import Readout
from nnsim.ui.style import MUTED, POSITIVE

USED_COLOR = POSITIVE
PLANNED_COLOR = MUTED

LR_TOOLTIP = QT_TR_NOOP(
    "The learning rate η each step used (solid), and the schedule planned for the run\n"
    "(dashed). η scales every update: W ← W − η·∂J/∂W. Too high and the loss jumps\n"
    "or explodes; too low and it crawls. Schedules lower η as training settles."
)


class LrPanel(PlotPanel):
    """Learning rate used vs step, with an optional dashed preview of the planned schedule.

    Attributes
    ----------
    plot
        The ``PlotItem``.
    used_curve, planned_curve
        The rate actually used (history column ``lr``; new on every frame, drawn by a
        :class:`~nnsim.ui.plots.layer_lines.LayerLines`) and the planned schedule.
    log_toggle
        Log y axis (objectName ``lrLogToggle``).
    readout
        The current learning rate in the header.
    markers
        Hyper-parameter changes made during the run.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("lrPlot", LR_TOOLTIP, parent)
        self.readout = Readout("lrReadout")
        self.log_toggle = self._add_log_toggle(
            "lrLogToggle",
            QT_TR_NOOP("Log y axis: a schedule dividing η by 10 twice shows as two equal steps."),
            checked=False,
        )
        self.header.addWidget(self.readout, 1)
        self.header.addWidget(self.log_toggle)

        plot = self.plot = self._add_plot(1, 0, QT_TR_NOOP("step"), QT_TR_NOOP("learning rate η"))
        plot.setDownsampling(auto=True, mode="peak")
        plot.setClipToView(True)
        self.legend = self._add_legend(plot, 0, 0)
        self.planned_curve = plot.plot(
            name=tr("planned"), pen=pg.mkPen(PLANNED_COLOR, width=1.5, style=Qt.PenStyle.DashLine)
        )
        self._used_lines = LayerLines([tr("used")], [pg.mkPen(USED_COLOR)])  # on every frame
        self._used_lines.add_to(plot)
        (self.used_curve,) = self._used_lines.curves
        self.legend.removeItem(self.planned_curve)  # until there is a plan (set_preview)
        self.markers = MarkerLines(plot)
        self.anchor = self._add_anchor(plot)
        self._used = self._planned = np.empty(0)
        self._y_range: tuple[float, float] | None = None
        self._snapshot: Snapshot | None = None
        self.log_toggle.toggled.connect(self._on_log_toggled)
        self._on_font_scale_changed()

    def show_snapshot(self, snapshot: Snapshot) -> None:
        """Draw the learning rates used so far (only ``setData``)."""
        self._follow_run(snapshot.step)
        self._snapshot = snapshot
        history = snapshot.history
        self._used = finite(history["lr"])
        self._used_lines.set_data(step_axis(history["step"]), [self._used])
        self._fit_y_range()
        self.anchor.follow(snapshot.step, [self._used])
        self.markers.update(snapshot.markers, snapshot.step)
        self._show_readout()

    def _show_readout(self) -> None:
        snapshot = self._snapshot
        if snapshot is None:
            self.readout.setText("")
            return
        self.readout.setText(
            tr("η = {lr} for step {step}").format(
                lr=format_value(snapshot.lr), step=snapshot.step + 1
            )
        )

    def set_preview(self, steps: np.ndarray, lrs: np.ndarray) -> None:
        """Show the planned schedule (``lrs[i]`` used at ``steps[i]``) dashed; empty arrays hide it.

        The controls compute it with :func:`nnsim.engine.schedules.lr_curve`, whose step s
        (from 0) is the history's step s + 1, so pass ``np.arange(1, n + 1)`` as ``steps``.
        """
        steps = np.asarray(steps, dtype=float)
        lrs = np.asarray(lrs, dtype=float)
        if steps.shape != lrs.shape:
            raise ValueError(f"steps and lrs differ in shape: {steps.shape} vs {lrs.shape}")
        self._planned = finite(lrs)
        self.planned_curve.setData(steps, self._planned)
        has_plan = any(sample.item is self.planned_curve for sample, _ in self.legend.items)
        if bool(len(steps)) != has_plan:  # "planned" is in the legend only while there is one
            if has_plan:
                self.legend.removeItem(self.planned_curve)
            else:
                self.legend.addItem(self.planned_curve, tr("planned"))
            self._fit_legends()
        self._fit_y_range()

    def clear(self) -> None:
        """Empty the used-rate curve and the markers (the preview stays: it is the plan)."""
        self.reset_ranges()
        self._used = np.empty(0)
        self._used_lines.clear()
        self.markers.clear()
        self._snapshot = None
        self._show_readout()

    def _on_log_toggled(self, on: bool) -> None:
        self.plot.setLogMode(y=on)
        self._y_range = None
        self._fit_y_range()
        self.anchor.refit()

    def _on_ranges_reset(self) -> None:
        self._y_range = None
        self._fit_y_range()

    def _fit_y_range(self) -> None:
        """From 0 (or a bit under the lowest rate, in log) to a bit over the highest.

        Set by hand: a constant rate has no extent, and autorange would centre it on 0.
        """
        positive = [a[a > 0] for a in (self._used, self._planned)]  # NaN > 0 is False
        positive = [a for a in positive if a.size]
        if not positive:
            return
        lo = min(float(a.min()) for a in positive)
        hi = max(float(a.max()) for a in positive)
        if self.is_log_scale():
            wanted = (math.log10(lo) - 0.3, math.log10(hi) + 0.3)
        else:
            wanted = (0.0, 1.2 * hi)  # head-room for the marker labels
        if wanted != self._y_range:
            self._y_range = wanted
            self.plot.setYRange(*wanted, padding=0)

    def _retranslate(self) -> None:
        self._show_readout()

    def _on_font_scale_changed(self) -> None:
        self.markers.set_font(self.scaled_font(LABEL_POINT_SIZE - 1))
