"""The step along the gradient: the loss on the line θ − η·g, with where the chosen η lands.

The article's "a learning rate that is too high skips over the minimum", made literal: the
loss of the step's mini-batch (grey) and of the whole training set (blue) along the gradient
line, the quadratic model from the gradient and the curvature (green, dashed), the chosen
learning rate (a red line, its landing points marked) and the best step along the line
(diamonds), with a sentence saying where the step lands. An optimizer that does not step
along the gradient also gets the training loss along its actual update (pink, dotted).
The numbers come from :mod:`nnsim.training.step_line` (in the training process while the
panel is shown; for the lecture, at its Update phase).
"""

from __future__ import annotations

import html

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtWidgets import QCheckBox, QLabel, QWidget

from nnsim.training.lecture import LectureSession
from nnsim.training.snapshot import Snapshot
from nnsim.training.step_line import StepLine, StepLineProbe
from nnsim.training.text import QT_TR_NOOP
from nnsim.ui.i18n import shown, tr
from nnsim.ui.plots.base import PlotPanel, finite, format_value, nearest_index
from nnsim.ui.plots.readout import SEPARATOR, Readout
from nnsim.ui.style import HIGHLIGHT, MUTED

BATCH_COLOR = "#7f8a96"  # darker than the loss plot's batch grey: here it is a main curve
TRAIN_COLOR = "#0072b2"  # as the loss plot's train loss
MODEL_COLOR = "#009e73"
UPDATE_COLOR = "#cc79a7"
CHOSEN_COLOR = HIGHLIGHT

TOOLTIP = QT_TR_NOOP(
    "The step along the gradient: the loss at θ − η·g for step sizes η around the chosen\n"
    "learning rate, g the gradient of the next step's mini-batch (with the penalty).\n"
    "grey: that mini-batch's loss; blue: the whole training set's loss;\n"
    "green dashed: the quadratic model J − η·‖g‖² + ½η²·gᵀHg from the gradient and the\n"
    "curvature along the line; red line: the chosen learning rate, dots where it lands;\n"
    "diamonds: the best step along the line. A rate past the minimum skips over it.\n"
    "Pink dotted (other optimizers): the training loss along the optimizer's actual update.\n"
    "Measured only while this tab is shown (a few times a second while training)."
)
WAITING = QT_TR_NOOP(
    "Press Step (→) or Play: the loss along the next step's gradient is drawn here."
)


class StepLinePanel(PlotPanel):
    """The loss along the gradient line (objectName ``stepLinePanel``, its canvas
    ``stepLinePlot``).

    Signals
    -------
    watchedChanged(on)
        The panel became visible (True) or hidden (False): measure the line only meanwhile.

    Attributes
    ----------
    batch_curve, train_curve, model_curve, update_curve
        The curves (``getData()`` gives what is drawn).
    chosen_line, chosen_points, best_points
        The chosen η's line, its landing points on both curves, the curves' minima.
    verdict
        The sentence under the plot (objectName ``stepLineVerdict``).
    line
        The :class:`~nnsim.training.step_line.StepLine` shown, or None.
    """

    watchedChanged = Signal(bool)

    def __init__(
        self,
        parent: QWidget | None = None,
        object_name: str = "stepLinePanel",
        plot_name: str = "stepLinePlot",
    ) -> None:
        super().__init__(object_name, TOOLTIP, parent)
        self.graphics.setObjectName(plot_name)
        self.line: StepLine | None = None
        self._hover: float | None = None
        self._message = WAITING
        self.readout = Readout(
            "stepLineReadout", tr("From η = 0 to the chosen η; under the mouse, the values there.")
        )
        self.log_toggle = QCheckBox(tr("log η"))
        self.log_toggle.setObjectName("stepLineLogToggle")
        self.log_toggle.setToolTip(
            tr(
                "Log x axis: small steps get as much room as large ones, so a minimum far below\n"
                "the chosen learning rate (a rate much too high) is as easy to see "
                "(η = 0 is left out)."
            )
        )
        self.log_toggle.toggled.connect(self._on_log_toggled)
        self.header.addWidget(self.readout, 1)
        self.header.addWidget(self.log_toggle)

        plot = self.plot = self._add_plot(1, 0, QT_TR_NOOP("step size η"), QT_TR_NOOP("loss"))
        self._add_legend(plot, 0, 0)
        plot.setMouseEnabled(x=False, y=False)
        plot.hideButtons()
        smooth = {"antialias": True}  # ~50 points, redrawn a few times a second: no stairs
        self.batch_curve = plot.plot(name=tr("batch"), pen=pg.mkPen(BATCH_COLOR, width=2), **smooth)
        self.train_curve = plot.plot(
            name=tr("training set"), pen=pg.mkPen(TRAIN_COLOR, width=2), **smooth
        )
        dash = Qt.PenStyle.DashLine
        self.model_curve = plot.plot(
            name=tr("quadratic model"), pen=pg.mkPen(MODEL_COLOR, width=2, style=dash), **smooth
        )
        self.update_curve = pg.PlotDataItem(
            antialias=True, pen=pg.mkPen(UPDATE_COLOR, width=2, style=Qt.PenStyle.DotLine)
        )
        plot.addItem(self.update_curve)
        self.chosen_line = pg.InfiniteLine(
            angle=90,
            movable=False,
            pen=pg.mkPen(CHOSEN_COLOR, width=1.5),
            label="",
            labelOpts={"position": 0.93, "color": CHOSEN_COLOR, "anchors": [(0, 0), (0, 0)],
                       "fill": pg.mkBrush(255, 255, 255, 210)},
        )  # fmt: skip
        plot.addItem(self.chosen_line, ignoreBounds=True)
        self.chosen_points = pg.PlotDataItem(
            pen=None, symbol="o", symbolSize=10, symbolPen=pg.mkPen("w", width=1.5)
        )
        self.best_points = pg.PlotDataItem(
            pen=None, symbol="d", symbolSize=13, symbolPen=pg.mkPen("w", width=1.5)
        )
        for item in (self.chosen_points, self.best_points):
            item.setZValue(10)
            plot.addItem(item)
        self.hover_line = pg.InfiniteLine(
            angle=90, movable=False, pen=pg.mkPen(MUTED, width=1, style=Qt.PenStyle.DotLine)
        )
        self.hover_line.setVisible(False)
        plot.addItem(self.hover_line, ignoreBounds=True)

        self.verdict = QLabel(tr(WAITING), self)
        self.verdict.setObjectName("stepLineVerdict")
        self.verdict.setWordWrap(True)
        self.verdict.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.verdict.setContentsMargins(6, 2, 6, 4)
        layout = self.layout()
        assert layout is not None, "PlotPanel lays out its header and canvas"
        layout.addWidget(self.verdict)
        self.graphics.scene().sigMouseMoved.connect(self._on_mouse_moved)

    # -- watching ------------------------------------------------------------------------------
    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.watchedChanged.emit(True)

    def hideEvent(self, event) -> None:
        super().hideEvent(event)
        self.watchedChanged.emit(False)

    # -- feeding -------------------------------------------------------------------------------
    def show_snapshot(self, snapshot: Snapshot) -> None:
        """Draw the snapshot's line if it brings one (most do not: a few a second do)."""
        if isinstance(snapshot.step_line, StepLine):
            self.show_line(snapshot.step_line)

    def show_line(self, line: StepLine | None, message: str = WAITING) -> None:
        """Draw ``line``; None empties the plot and says ``message`` instead (English, shown
        translated)."""
        self.line = line
        self._message = message
        if line is None:
            for curve in (self.batch_curve, self.train_curve, self.model_curve, self.update_curve):
                curve.setData([], [])
            for points in (self.chosen_points, self.best_points):
                points.setData([], [])
            self.chosen_line.setVisible(False)
            self.verdict.setText(tr(message))
            self.verdict.setToolTip("")
            self.readout.setText("")
            return
        etas = line.etas
        self.batch_curve.setData(etas, finite(line.batch_loss))
        self.train_curve.setData(etas, finite(line.train_loss))
        self.model_curve.setData(etas, finite(line.quadratic))
        update = line.update_train_loss
        self.update_curve.setVisible(update is not None)
        self.update_curve.setData(etas, finite(update) if update is not None else etas * np.nan)
        self._sync_update_legend(update is not None, line.optimizer)
        i = line.chosen_index
        self.chosen_line.setVisible(True)
        self.chosen_line.setValue(self._x(line.lr))
        self.chosen_line.label.setFormat(f"η = {line.lr:.3g}")
        xs, ys = [line.lr, line.lr], [line.batch_loss[i], line.train_loss[i]]
        brushes = [pg.mkBrush(BATCH_COLOR), pg.mkBrush(TRAIN_COLOR)]
        if update is not None:
            xs.append(line.lr)
            ys.append(update[i])
            brushes.append(pg.mkBrush(UPDATE_COLOR))
        self._scatter(self.chosen_points, xs, ys, brushes)
        best_x, best_y, best_brushes = [], [], []
        for losses, color in ((line.batch_loss, BATCH_COLOR), (line.train_loss, TRAIN_COLOR)):
            best = line.best(losses)
            if best is not None:
                best_x.append(best[1])
                best_y.append(losses[best[0]])
                best_brushes.append(pg.mkBrush(color))
        self._scatter(self.best_points, best_x, best_y, best_brushes)
        self._fit_range(line)
        text = f"<b>{html.escape(shown(line.verdict()))}</b>"
        update_text = line.update_text()
        if update_text:
            text += f"<br><span style='color:{MUTED}'>{html.escape(shown(update_text))}</span>"
        self.verdict.setText(text)
        self.verdict.setToolTip(shown(line.details()))
        self.readout.setText(self.readout_text(self._hover))

    @staticmethod
    def _scatter(item: pg.PlotDataItem, xs, ys, brushes) -> None:
        ok = [bool(np.isfinite(y)) for y in ys]
        item.setData(
            [x for x, k in zip(xs, ok, strict=True) if k],
            [y for y, k in zip(ys, ok, strict=True) if k],
            symbolBrush=[b for b, k in zip(brushes, ok, strict=True) if k],
        )

    def _sync_update_legend(self, visible: bool, optimizer: str) -> None:
        legend = self.plot.legend
        legend.removeItem(self.update_curve)
        if visible:
            legend.addItem(
                self.update_curve, tr("{optimizer}'s update").format(optimizer=optimizer)
            )
        self._fit_legends()

    def _fit_range(self, line: StepLine) -> None:
        """x: up to twice where the step lands (or the best step, if further); y: the curves
        up to there, so a loss that explodes further out does not flatten the valley."""
        bests = (line.best(line.batch_loss), line.best())
        reach = max([line.lr, *(b[1] for b in bests if b is not None)])
        near = line.etas <= 1.05 * reach
        curves = [line.batch_loss, line.train_loss]
        if line.update_train_loss is not None:
            curves.append(line.update_train_loss)
        values = np.concatenate([c[near] for c in curves])
        values = values[np.isfinite(values)]
        if not len(values):
            return
        lo, hi = float(values.min()), float(values.max())
        pad = 0.08 * (hi - lo) if hi > lo else 0.05 * max(abs(hi), 1e-3)
        first = float(line.etas[1]) if self.log_toggle.isChecked() else 0.0
        right = min(float(line.etas[-1]), 2.0 * reach)  # the landing, the best, what follows
        self.plot.setXRange(self._x(first), self._x(right), padding=0.02)
        self.plot.setYRange(lo - pad, hi + pad, padding=0)

    def _x(self, eta: float) -> float:
        """η in view coordinates (log10 η on the log axis)."""
        return float(np.log10(eta)) if self.log_toggle.isChecked() else eta

    def _on_log_toggled(self, on: bool) -> None:
        self.plot.setLogMode(x=on)
        if self.line is not None:
            self.show_line(self.line)

    # -- hover read-out ------------------------------------------------------------------------
    def readout_text(self, eta: float | None = None) -> str:
        """From η = 0 to the chosen η on both curves; under the mouse, the values there."""
        line = self.line
        if line is None:
            return ""
        if eta is None:
            i = line.chosen_index
            return tr(
                "step {step} · η = 0 → {lr}: batch {batch_from} → {batch_to} · "
                "training set {train_from} → {train_to}"
            ).format(
                step=line.step,
                lr=format_value(line.lr),
                batch_from=format_value(float(line.batch_loss[0])),
                batch_to=format_value(float(line.batch_loss[i])),
                train_from=format_value(float(line.train_loss[0])),
                train_to=format_value(float(line.train_loss[i])),
            )
        i = nearest_index(line.etas, eta)
        parts = [
            f"η {format_value(float(line.etas[i]))}",
            tr("batch {loss}").format(loss=format_value(float(line.batch_loss[i]))),
            tr("training set {loss}").format(loss=format_value(float(line.train_loss[i]))),
            tr("model {loss}").format(loss=format_value(float(line.quadratic[i]))),
        ]
        if line.update_train_loss is not None:
            parts.append(f"{line.optimizer} {format_value(float(line.update_train_loss[i]))}")
        return SEPARATOR.join(parts)

    def _on_mouse_moved(self, scene_pos: QPointF) -> None:
        inside = self.plot.vb.sceneBoundingRect().contains(scene_pos)
        x = self.plot.vb.mapSceneToView(scene_pos).x()
        self._hover = (10.0**x if self.log_toggle.isChecked() else x) if inside else None
        self.hover_line.setVisible(self._hover is not None and self.line is not None)
        if self._hover is not None:
            self.hover_line.setValue(self._x(max(self._hover, 1e-300)))
        self.readout.setText(self.readout_text(self._hover))

    def _retranslate(self) -> None:
        self.show_line(self.line, self._message)

    def leaveEvent(self, event) -> None:
        self._hover = None
        self.hover_line.setVisible(False)
        self.readout.setText(self.readout_text())
        super().leaveEvent(event)


LECTURE_WAITING = QT_TR_NOOP(
    "At this step's Update phase (End runs to it) the loss along its gradient is drawn here: "
    "where the learning rate lands, and the best step along the line."
)


class LectureStepLine:
    """The lecture's step line: a panel drawing, at each Update phase, the line of the step
    the lecture just applied (its own weights, batch and learning rate); elsewhere it says
    when it comes. A step is computed once (going back and forth over it redraws nothing)."""

    def __init__(self, panel: StepLinePanel) -> None:
        self.panel = panel
        self.probe = StepLineProbe()
        self._phase: object | None = None  # the Update phase drawn

    def show(self, session: LectureSession) -> None:
        phase = session.current
        if not session.at_update or phase is None:
            self._phase = None
            self.panel.show_line(None, LECTURE_WAITING)
            return
        if phase is self._phase and self.panel.line is not None:
            return
        try:
            line = self.probe.for_lecture(session)
        except ValueError as err:  # e.g. batch-norm on a single sample
            self.panel.show_line(None, tr("No step line for this step: {error}").format(error=err))
            return
        self._phase = phase
        self.panel.show_line(line, LECTURE_WAITING)
