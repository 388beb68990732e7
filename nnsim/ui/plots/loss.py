"""The loss panel: batch, train and test loss vs step, accuracy on a second axis."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QToolButton, QWidget

from nnsim.training.snapshot import Snapshot
from nnsim.training.text import QT_TR_NOOP
from nnsim.ui.i18n import tr
from nnsim.ui.plots.base import (
    LABEL_POINT_SIZE,
    MarkerLines,
    PlotPanel,
    finite,
    format_value,
    nearest_index,
    pale,
    step_axis,
)
from nnsim.ui.plots.diagnosis_markers import DiagnosisMarkers
from nnsim.ui.plots.ghosts import GhostRuns
from nnsim.ui.plots.layer_lines import LayerLines
from nnsim.ui.plots.readout import SEPARATOR, Readout
from nnsim.ui.style import MUTED

BATCH_COLOR = "#b4bcc4"  # thin and light: the noisy per-batch loss stays in the background
TRAIN_COLOR = "#0072b2"
TEST_COLOR = "#d55e00"

LOSS_TOOLTIP = QT_TR_NOOP(
    "Loss vs training step.\n"
    "grey: the loss of each mini-batch (noisy: every batch is different);\n"
    "blue: loss on the whole training set; orange: loss on the held-out test set.\n"
    "Test loss rising while train loss falls = over-fitting.\n"
    "Pale lines (right axis): accuracy, the share of points classified right.\n"
    "Vertical dashed lines mark hyper-parameter changes made during the run;\n"
    "amber ones what the coach found (its panel says more)."
)


class LossPanel(PlotPanel):
    """Batch / train / test loss and train / test accuracy vs step.

    Attributes
    ----------
    plot
        The loss ``PlotItem`` (left axis: loss; right axis: accuracy, classification only).
    batch_curve, train_curve, test_curve
        Loss curves (``curve.getData()`` gives what is drawn), drawn by one
        :class:`~nnsim.ui.plots.layer_lines.LayerLines` per x axis (the steps, the
        evaluations' steps).
    train_accuracy_curve, test_accuracy_curve
        Accuracy curves, in their own 0–1 view linked to the plot's x axis.
    log_toggle
        The "log scale" check box (objectName ``lossLogToggle``).
    readout
        The header label with the values at the hovered step (the latest one otherwise).
    markers, diagnosis_markers
        The hyper-parameter change markers; the coach's diagnoses (code at the step first seen).
    ghosts
        The faded test-loss curves of earlier runs (:class:`~nnsim.ui.plots.ghosts.GhostRuns`).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("lossPlot", LOSS_TOOLTIP, parent)
        self._snapshot: Snapshot | None = None
        self._hover_step: float | None = None
        self._has_accuracy = True

        self.readout = Readout(
            "lossReadout", tr("Values at the step under the mouse (the latest step otherwise).")
        )
        self.log_toggle = self._add_log_toggle(
            "lossLogToggle",
            QT_TR_NOOP(
                "Log y axis: equal heights are equal ratios, so the slow late progress\n"
                "(0.1 → 0.01) is as visible as the fast early one (1 → 0.1)."
            ),
            checked=False,
        )
        clear_ghosts = QToolButton()
        self.header.addWidget(self.readout, 1)
        self.header.addWidget(clear_ghosts)
        self.header.addWidget(self.log_toggle)

        plot = self.plot = self._add_plot(
            1, 0, QT_TR_NOOP("step"), QT_TR_NOOP("loss"), right_axis=True
        )
        plot.setDownsampling(auto=True, mode="peak")
        plot.setClipToView(True)
        legend = self.legend = self._add_legend(plot, 0, 0)
        self._batch_lines = LayerLines([tr("batch loss")], [pg.mkPen(BATCH_COLOR, width=1)])
        self._batch_lines.add_to(plot)
        (self.batch_curve,) = self._batch_lines.curves
        self._loss_lines = LayerLines(
            [tr("train loss"), tr("test loss")], [pg.mkPen(TRAIN_COLOR), pg.mkPen(TEST_COLOR)]
        )
        self._loss_lines.add_to(plot)
        self.train_curve, self.test_curve = self._loss_lines.curves

        # Accuracy: its own 0–1 view behind the loss view, x linked, drawn on the right axis.
        self.accuracy_view = pg.ViewBox(enableMouse=False)
        self.accuracy_view.setZValue(-100)  # under the loss view, so the mouse reaches the latter
        plot.scene().addItem(self.accuracy_view)
        plot.getAxis("right").linkToView(self.accuracy_view)
        self.accuracy_view.setXLink(plot.vb)
        self.accuracy_view.setYRange(0.0, 1.0, padding=0.02)
        self.accuracy_view.enableAutoRange(axis=pg.ViewBox.YAxis, enable=False)
        self._set_axis_label(plot, "right", QT_TR_NOOP("accuracy"))
        # Solid, thin and paler than the loss curves: dashed pens cost 5 ms a frame to stroke.
        self._accuracy_lines = LayerLines(
            [tr("train acc."), tr("test acc.")],
            [pg.mkPen(pale(TRAIN_COLOR)), pg.mkPen(pale(TEST_COLOR))],
        )
        self.accuracy_view.addItem(self._accuracy_lines)
        self.train_accuracy_curve, self.test_accuracy_curve = self._accuracy_lines.curves
        legend.addItem(self.train_accuracy_curve, tr("train acc."))
        legend.addItem(self.test_accuracy_curve, tr("test acc."))
        plot.vb.sigResized.connect(self._on_view_resized)

        self.markers = MarkerLines(plot)
        self.diagnosis_markers = DiagnosisMarkers(plot)  # the coach's
        self.ghosts = GhostRuns(plot, legend, clear_ghosts, TEST_COLOR)
        self.anchor = self._add_anchor(plot)
        self.hover_line = pg.InfiniteLine(
            angle=90, movable=False, pen=pg.mkPen(MUTED, width=1, style=Qt.PenStyle.DotLine)
        )
        self.hover_line.setVisible(False)
        plot.addItem(self.hover_line, ignoreBounds=True)
        self.graphics.scene().sigMouseMoved.connect(self._on_mouse_moved)
        self.log_toggle.toggled.connect(self._on_log_toggled)
        self._on_font_scale_changed()

    # -- feeding -------------------------------------------------------------------------------
    def show_snapshot(self, snapshot: Snapshot) -> None:
        """Draw the snapshot's histories (only ``setData`` on existing curves)."""
        self._follow_run(snapshot.step)
        self._snapshot = snapshot
        history, evaluations = snapshot.history, snapshot.evaluations
        self._batch_lines.set_data(step_axis(history["step"]), [finite(history["batch_loss"])])
        eval_steps = step_axis(evaluations["step"])
        losses = [finite(evaluations["train_loss"]), finite(evaluations["test_loss"])]
        self._loss_lines.set_data(eval_steps, losses)
        train_acc = evaluations["train_accuracy"]
        test_acc = evaluations["test_accuracy"]
        # Accuracy is NaN for regression: then the right axis and its curves go away.
        if len(eval_steps):
            self._show_accuracy(bool(np.isfinite(train_acc).any() or np.isfinite(test_acc).any()))
        self._accuracy_lines.set_data(eval_steps, [finite(train_acc), finite(test_acc)])
        self.markers.update(snapshot.markers, snapshot.step)
        self.diagnosis_markers.show_snapshot(snapshot)
        self.anchor.follow(
            snapshot.step,
            [history["batch_loss"], evaluations["train_loss"], evaluations["test_loss"]],
        )
        self.readout.setText(self.readout_text(self._hover_step))

    def clear(self) -> None:
        """Empty every curve, marker and read-out (a new run)."""
        self.reset_ranges()
        self._snapshot = None
        for lines in (self._batch_lines, self._loss_lines, self._accuracy_lines):
            lines.clear()
        self.markers.clear()
        self.diagnosis_markers.clear()
        self.readout.setText("")

    def keep_as_ghost(self, snapshot: Snapshot | None, label: str) -> bool:
        """Keep the test loss of ``snapshot`` (the run's latest, which may be newer than the
        one drawn: drawing is throttled) as a faded curve of an earlier run named ``label``
        (see :mod:`nnsim.ui.plots.ghosts`); False if there is too little to keep."""
        if snapshot is None:
            return False
        evaluations = snapshot.evaluations  # all of it: the curve holds only what is in view
        return self.ghosts.keep(evaluations["step"], evaluations["test_loss"], label)

    # -- log scale -----------------------------------------------------------------------------
    def _on_log_toggled(self, on: bool) -> None:
        self.plot.setLogMode(y=on)
        self.plot.getAxis("right").setLogMode(False)  # PlotItem sets every axis; accuracy stays 0–1
        self.anchor.refit()

    # -- accuracy ------------------------------------------------------------------------------
    def has_accuracy(self) -> bool:
        """Whether the accuracy axis and curves are shown (not for regression)."""
        return self._has_accuracy

    def _show_accuracy(self, show: bool) -> None:
        if show == self._has_accuracy:
            return
        self._has_accuracy = show
        self.plot.showAxis("right", show)
        for curve, name in (
            (self.train_accuracy_curve, QT_TR_NOOP("train acc.")),
            (self.test_accuracy_curve, QT_TR_NOOP("test acc.")),
        ):
            curve.setVisible(show)
            if show:
                self.legend.addItem(curve, tr(name))
            else:
                self.legend.removeItem(curve)
        self._fit_legends()

    def _on_view_resized(self) -> None:
        self.accuracy_view.setGeometry(self.plot.vb.sceneBoundingRect())
        self.accuracy_view.linkedViewChanged(self.plot.vb, self.accuracy_view.XAxis)

    # -- hover read-out ------------------------------------------------------------------------
    def readout_text(self, step: float | None = None) -> str:
        """The values at the recorded step nearest ``step`` (None: the latest step)."""
        snap = self._snapshot
        if snap is None:
            return ""
        steps = snap.history["step"]
        if not len(steps):
            return tr("step 0 — press Play or Step to train")
        i = len(steps) - 1 if step is None else nearest_index(steps, step)
        parts = [
            tr("step {step}").format(step=int(steps[i])),
            tr("batch {loss}").format(loss=format_value(snap.history["batch_loss"][i])),
        ]
        eval_steps = snap.evaluations["step"]
        if len(eval_steps):
            j = len(eval_steps) - 1 if step is None else nearest_index(eval_steps, steps[i])
            ev = snap.evaluations
            parts.append(tr("train {loss}").format(loss=format_value(ev["train_loss"][j])))
            parts.append(tr("test {loss}").format(loss=format_value(ev["test_loss"][j])))
            if self._has_accuracy:
                train_acc, test_acc = ev["train_accuracy"][j], ev["test_accuracy"][j]
                parts.append(
                    tr("acc {train} / {test}").format(
                        train=format_value(train_acc), test=format_value(test_acc)
                    )
                )
            if eval_steps[j] != steps[i]:  # train/test are evaluated every few steps only
                parts[-1] += tr(" (step {step})").format(step=int(eval_steps[j]))
        return SEPARATOR.join(parts)

    def show_readout_at(self, step: float | None) -> None:
        """Show the read-out (and the cursor line) at ``step``; None goes back to the latest."""
        self._hover_step = step
        self.hover_line.setVisible(step is not None)
        if step is not None:
            self.hover_line.setValue(step)
        self.readout.setText(self.readout_text(step))

    def _on_mouse_moved(self, scene_pos: QPointF) -> None:
        if self.plot.vb.sceneBoundingRect().contains(scene_pos):
            self.show_readout_at(self.plot.vb.mapSceneToView(scene_pos).x())
        elif self._hover_step is not None:
            self.show_readout_at(None)

    def leaveEvent(self, event) -> None:
        self.show_readout_at(None)
        super().leaveEvent(event)

    def _retranslate(self) -> None:
        self.ghosts.retranslate()
        self.readout.setText(self.readout_text(self._hover_step))

    def _on_font_scale_changed(self) -> None:
        self.markers.set_font(self.scaled_font(LABEL_POINT_SIZE - 1))
        self.diagnosis_markers.set_font(self.scaled_font(LABEL_POINT_SIZE - 1))
