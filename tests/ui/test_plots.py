"""The loss, gradient and learning-rate panels, fed with snapshots of real training runs."""

from __future__ import annotations

import dataclasses
import math

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QImage

from nnsim.training.experiment import Experiment, LayerSpec
from nnsim.training.gradient_summary import magnitude_summary
from nnsim.training.grid import GridPredictor
from nnsim.training.snapshot import Snapshot, take_snapshot
from nnsim.training.trainer import Trainer
from nnsim.ui.plots import GradientPanel, LossPanel, LrPanel
from nnsim.ui.style import layer_color

SIGMOID_LAYERS = 10


def train(experiment: Experiment, steps: int, markers=()) -> Snapshot:
    trainer = Trainer(experiment)
    trainer.run(steps)
    return take_snapshot(trainer, GridPredictor(trainer.data.features, 20), markers=markers)


def deep_sigmoid() -> Experiment:
    exp = Experiment.default()
    layers = tuple(LayerSpec(8, "sigmoid") for _ in range(SIGMOID_LAYERS))
    return dataclasses.replace(exp, network=dataclasses.replace(exp.network, hidden_layers=layers))


def regression(lr: float = 0.03) -> Experiment:
    exp = Experiment.default()
    return dataclasses.replace(exp, data=dataclasses.replace(exp.data, dataset="plane")).with_lr(lr)


@pytest.fixture(scope="module")
def snap() -> Snapshot:
    return train(Experiment.default(), 50)


@pytest.fixture(scope="module")
def deep_snap() -> Snapshot:
    return train(deep_sigmoid(), 200)


def panel(qtbot, cls, width=520, height=300):
    widget = cls()
    qtbot.addWidget(widget)
    widget.resize(width, height)
    return widget


def data(curve) -> tuple[np.ndarray, np.ndarray]:
    x, y = curve.getData()
    return np.asarray(x, float), np.asarray(y, float)


def with_history(snapshot: Snapshot, **columns) -> Snapshot:
    return dataclasses.replace(snapshot, history={**snapshot.history, **columns})


# -- every panel ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("cls", "name"), [(LossPanel, "lossPlot"), (GradientPanel, "gradientPlot"), (LrPanel, "lrPlot")]
)
def test_panels_have_their_names_a_usable_size_and_explain_themselves(qtbot, cls, name):
    widget = panel(qtbot, cls)
    assert widget.objectName() == name
    assert widget.minimumWidth() >= 300 and widget.minimumHeight() >= 200
    assert len(widget.toolTip()) > 40
    assert widget.graphics.backgroundBrush().color() == QColor("white")


@pytest.mark.parametrize("cls", [LossPanel, GradientPanel, LrPanel])
def test_show_snapshot_feeds_the_same_items_and_clear_empties_them(qtbot, snap, cls):
    widget = panel(qtbot, cls)
    widget.show_snapshot(snap)
    plots = widget._plots
    before = [list(p.items) for p in plots]
    widget.show_snapshot(snap)
    widget.show_snapshot(snap)
    assert [list(p.items) for p in plots] == before  # no item made or dropped per snapshot
    widget.clear()
    for plot in plots:
        for item in plot.listDataItems():
            x, _ = item.getData()
            if item is not getattr(widget, "planned_curve", None):
                assert x is None or len(x) == 0


@pytest.mark.parametrize("cls", [LossPanel, GradientPanel, LrPanel])
def test_a_fresh_run_with_no_step_yet_draws_empty(qtbot, cls):
    trainer = Trainer(Experiment.default())
    widget = panel(qtbot, cls)
    widget.show()
    widget.show_snapshot(take_snapshot(trainer))
    widget.grab()
    for plot in widget._plots:
        for item in plot.listDataItems():
            x, _ = item.getData()
            assert x is None or len(x) <= 1  # at most the evaluation at step 0
    if cls is GradientPanel:
        assert len(widget.curves) == 3
        assert not any(label.isVisible() for label in widget._zero_labels)
        assert len(widget.boxes.opts["x"]) == 0


@pytest.mark.parametrize("cls", [LossPanel, GradientPanel, LrPanel])
def test_font_scale_changes_axis_legend_and_header_fonts(qtbot, snap, cls):
    widget = panel(qtbot, cls)
    widget.show_snapshot(snap)
    axis = widget._plots[0].getAxis("bottom")
    tick = axis.style["tickFont"].pointSizeF()
    legend_label = widget._legends[0].items[0][1]
    header = widget.font().pointSizeF()
    widget.set_font_scale(2.0)
    assert axis.style["tickFont"].pointSizeF() == pytest.approx(2 * tick)
    assert "20pt" in axis.label.toHtml()  # the axis title: 10 → 20 pt
    assert legend_label.opts["size"] == "18pt"
    assert widget.font().pointSizeF() == pytest.approx(2 * header)
    assert widget.font_scale() == 2.0
    with pytest.raises(ValueError, match="font scale"):
        widget.set_font_scale(0)


# -- loss ----------------------------------------------------------------------------------------
def test_loss_curves_hold_the_history_and_the_evaluations(qtbot, snap):
    widget = panel(qtbot, LossPanel)
    widget.show_snapshot(snap)
    x, y = data(widget.batch_curve)
    np.testing.assert_array_equal(x, snap.history["step"])
    np.testing.assert_allclose(y, snap.history["batch_loss"])
    for curve, column in [
        (widget.train_curve, "train_loss"),
        (widget.test_curve, "test_loss"),
        (widget.train_accuracy_curve, "train_accuracy"),
        (widget.test_accuracy_curve, "test_accuracy"),
    ]:
        x, y = data(curve)
        np.testing.assert_array_equal(x, snap.evaluations["step"])
        np.testing.assert_allclose(y, snap.evaluations[column])
    assert widget.has_accuracy() and widget.plot.getAxis("right").isVisible()
    assert widget.plot.getAxis("bottom").labelText == "step"
    assert widget.plot.getAxis("left").labelText == "loss"
    names = [label.text for _, label in widget.legend.items]
    assert names[:3] == ["batch loss", "train loss", "test loss"]


def test_log_toggle_puts_the_loss_axis_on_a_log_scale(qtbot, snap):
    widget = panel(qtbot, LossPanel)
    widget.show()
    widget.show_snapshot(snap)
    toggle = widget.findChild(type(widget.log_toggle), "lossLogToggle")
    assert toggle is widget.log_toggle and not toggle.isChecked()
    assert not widget.plot.getAxis("left").logMode
    qtbot.mouseClick(toggle, Qt.MouseButton.LeftButton)
    assert widget.is_log_scale()
    assert widget.plot.getAxis("left").logMode
    _, y = data(widget.train_curve)  # drawn as log10 of the loss
    np.testing.assert_allclose(y, np.log10(snap.evaluations["train_loss"]))
    assert not widget.plot.getAxis("right").logMode  # accuracy stays on its 0–1 axis
    qtbot.mouseClick(toggle, Qt.MouseButton.LeftButton)
    assert not widget.plot.getAxis("left").logMode


def test_markers_show_hyper_parameter_changes(qtbot, snap):
    widget = panel(qtbot, LossPanel)
    widget.show_snapshot(dataclasses.replace(snap, markers=((20, "lr 0.03 → 0.3"),)))
    (line,) = widget.markers.lines
    assert line.value() == 20
    assert widget.markers.texts() == ["lr 0.03 → 0.3"]
    assert line in widget.plot.items
    two = ((20, "lr 0.03 → 0.3"), (40, "momentum 0.9 → 0.5"))
    widget.show_snapshot(dataclasses.replace(snap, markers=two))
    assert widget.markers.lines[0] is line  # kept, not rebuilt
    assert [m.value() for m in widget.markers.lines] == [20, 40]
    assert widget.markers.texts() == ["lr 0.03 → 0.3", "momentum 0.9 → 0.5"]
    widget.show_snapshot(snap)
    assert widget.markers.lines == []


def test_nan_and_inf_losses_leave_gaps_and_do_not_raise(qtbot, snap):
    batch = snap.history["batch_loss"].copy()
    batch[[3, 7, 11]] = [np.nan, np.inf, -np.inf]
    test_loss = snap.evaluations["test_loss"].copy()
    test_loss[1] = np.nan
    broken = dataclasses.replace(
        with_history(snap, batch_loss=batch),
        evaluations={**snap.evaluations, "test_loss": test_loss},
    )
    widget = panel(qtbot, LossPanel)
    widget.show()
    for log in (False, True):
        widget.set_log_scale(log)
        widget.show_snapshot(broken)
        widget.grab()  # paint it
        _, y = data(widget.batch_curve)
        assert np.isnan(y[[3, 7, 11]]).all() and np.isfinite(np.delete(y, [3, 7, 11])).all()
    assert "nan" not in widget.readout_text()  # the latest step is fine
    assert "batch nan" in widget.readout_text(4)  # step 4 is row 3


def test_a_diverging_regression_run_draws_without_accuracy(qtbot):
    snapshot = train(regression(lr=10.0), 200)
    assert snapshot.diverged
    for cls in (LossPanel, GradientPanel, LrPanel):
        widget = panel(qtbot, cls)
        widget.show()
        for log in (False, True):
            widget.set_log_scale(log)
            widget.show_snapshot(snapshot)
            widget.grab()
    loss = panel(qtbot, LossPanel)
    loss.show_snapshot(snapshot)
    assert not loss.has_accuracy()
    assert not loss.plot.getAxis("right").isVisible()
    assert not loss.train_accuracy_curve.isVisible()
    assert "acc" not in loss.readout_text()
    assert [label.text for _, label in loss.legend.items] == [
        "batch loss",
        "train loss",
        "test loss",
    ]


def test_hovering_reads_out_the_values_at_the_step_under_the_mouse(qtbot, snap):
    widget = panel(qtbot, LossPanel)
    widget.show()
    qtbot.waitExposed(widget)
    widget.show_snapshot(snap)
    widget.plot.vb.setXRange(0, 50, padding=0)
    assert widget.readout.text().startswith("step 50 ·")  # the latest step
    view = widget.graphics
    middle = view.mapFromScene(widget.plot.vb.mapViewToScene(widget.plot.vb.viewRect().center()))
    qtbot.mouseMove(view.viewport(), middle)
    qtbot.waitUntil(lambda: widget.readout.text().startswith("step 2"))  # steps 20…30
    step = int(widget.readout.text().split()[1])
    i = int(np.flatnonzero(snap.history["step"] == step)[0])
    assert f"batch {snap.history['batch_loss'][i]:.3g}" in widget.readout.text()
    assert "train " in widget.readout.text() and "test " in widget.readout.text()
    assert widget.hover_line.isVisible()
    widget.show_readout_at(None)
    assert widget.readout.text().startswith("step 50 ·")
    assert not widget.hover_line.isVisible()
    qtbot.mouseMove(view.viewport(), QPoint(1, 1))  # outside the plot: nothing breaks


# -- gradients -----------------------------------------------------------------------------------
def test_one_gradient_curve_per_layer_holding_its_norms(qtbot, snap, deep_snap):
    widget = panel(qtbot, GradientPanel)
    widget.show_snapshot(snap)
    assert len(widget.curves) == 3  # two hidden layers and the output layer
    for k, curve in enumerate(widget.curves, start=1):
        x, y = data(curve)
        np.testing.assert_array_equal(x, snap.history["step"])
        np.testing.assert_allclose(y, np.log10(snap.history[f"grad_norm_{k}"]))  # log axis
        assert curve.opts["pen"].color() == QColor(layer_color(k))
    assert [label.text for _, label in widget.legend.items] == ["L1", "L2", "L3"]
    widget.show_snapshot(deep_snap)  # a deeper net: the curves follow
    assert len(widget.curves) == SIGMOID_LAYERS + 1
    assert [label.text for _, label in widget.legend.items][-1] == f"L{SIGMOID_LAYERS + 1}"
    assert len(widget.norm_plot.listDataItems()) == SIGMOID_LAYERS + 1
    widget.show_snapshot(snap)
    assert len(widget.norm_plot.listDataItems()) == 3


def test_gradient_axis_is_log_by_default_so_vanishing_gradients_show(qtbot, deep_snap):
    widget = panel(qtbot, GradientPanel)
    assert widget.is_log_scale()
    assert widget.findChild(type(widget.log_toggle), "gradientLogToggle").isChecked()
    assert widget.norm_plot.getAxis("left").logMode
    widget.show_snapshot(deep_snap)
    first = np.median(data(widget.curves[0])[1])
    last = np.median(data(widget.curves[-1])[1])
    assert last - first > 3  # over three decades between the output layer and the first
    # the distribution view agrees: the first layer's box sits decades under the last one's
    medians = widget.medians.getData()[1][::2]
    assert medians[-1] - medians[0] > 3
    assert "L1" in widget.readout.text() and f"L{SIGMOID_LAYERS + 1}" in widget.readout.text()
    widget.set_log_scale(False)
    assert not widget.norm_plot.getAxis("left").logMode


def test_distribution_view_has_one_box_per_layer_from_the_current_gradients(qtbot, snap):
    widget = panel(qtbot, GradientPanel)
    widget.show_snapshot(snap)
    boxes = widget.boxes.opts
    np.testing.assert_array_equal(boxes["x"], [1, 2, 3])
    for k, (bottom, height) in enumerate(zip(boxes["y0"], boxes["height"], strict=True), 1):
        g = np.abs(snap.gradients[f"W{k}"]).ravel()
        g = np.log10(g[g > 0])
        assert g.min() - 1e-9 <= bottom <= bottom + height <= g.max() + 1e-9
    np.testing.assert_allclose(
        widget.maxima.getData()[1],
        [np.log10(np.abs(snap.gradients[f"W{k}"]).max()) for k in (1, 2, 3)],
    )
    assert "|∂J/∂w|" in widget.distribution_plot.getAxis("left").labelText
    # each box draws the training layer's summary: whiskers p5–p95, box p25–p75, median tick
    summaries = np.log10([magnitude_summary(snap.gradients[f"W{k}"]).magnitudes for k in (1, 2, 3)])
    np.testing.assert_allclose(widget.whiskers.getData()[1], summaries[:, [0, 4]].ravel())
    np.testing.assert_allclose(boxes["y0"], summaries[:, 1])
    np.testing.assert_allclose(widget.medians.getData()[1][::2], summaries[:, 2])


def test_dead_units_show_as_a_share_of_zero_gradients(qtbot, snap):
    gradients = dict(snap.gradients)
    w1 = gradients["W1"].copy()
    w1[:2] = 0.0  # half of layer 1's weights get no gradient at all
    gradients["W1"] = w1
    widget = panel(qtbot, GradientPanel)
    widget.show_snapshot(dataclasses.replace(snap, gradients=gradients))
    label = widget._zero_labels[0]
    assert label.isVisible() and label.toPlainText() == "50% zero"
    assert not widget._zero_labels[1].isVisible()


def test_metric_combo_switches_to_weight_norms_and_update_ratios(qtbot, snap):
    widget = panel(qtbot, GradientPanel)
    widget.show_snapshot(snap)
    combo = widget.findChild(type(widget.metric_combo), "gradientMetricCombo")
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "gradient norm",
        "weight norm",
        "update / weight ratio",
    ]
    assert not widget.reference_line.isVisible()
    combo.setCurrentText("weight norm")
    _, y = data(widget.curves[1])
    np.testing.assert_allclose(y, np.log10(snap.history["weight_norm_2"]))
    assert widget.norm_plot.getAxis("left").labelText == "‖Wₖ‖"
    np.testing.assert_allclose(
        widget.maxima.getData()[1][0], np.log10(np.abs(snap.weights["W1"]).max())
    )
    combo.setCurrentText("update / weight ratio")
    _, y = data(widget.curves[0])
    np.testing.assert_allclose(y, np.log10(snap.history["update_ratio_1"]))
    assert widget.reference_line.isVisible()
    assert widget.reference_line.value() == pytest.approx(-3)  # 10⁻³ on the log axis
    widget.set_log_scale(False)
    assert widget.reference_line.value() == pytest.approx(1e-3)
    with pytest.raises(ValueError, match="metric"):
        widget.set_metric("loss")


def test_long_histories_are_decimated_keeping_spikes(qtbot, snap):
    n = 8192
    steps = np.arange(1, n + 1, dtype=float)
    spike = np.full(n, 1e-3)
    spike[5000] = 10.0
    columns = {"step": steps}
    for k in (1, 2, 3):
        columns |= {f"{m}_{k}": spike for m in ("grad_norm", "weight_norm", "update_ratio")}
    widget = panel(qtbot, GradientPanel)
    widget.show()
    widget.show_snapshot(with_history(snap, **columns))
    x, y = data(widget.curves[0])
    assert len(x) < n / 4  # far fewer points than rows…
    assert y.max() == pytest.approx(1.0)  # …and the spike (log10 10 = 1) is still drawn
    assert x[0] == 1 and x[-1] == n


# -- learning rate -------------------------------------------------------------------------------
def test_lr_curve_shows_the_rates_used_and_the_planned_schedule(qtbot, snap):
    widget = panel(qtbot, LrPanel)
    widget.show()
    widget.show_snapshot(snap)
    x, y = data(widget.used_curve)
    np.testing.assert_array_equal(x, snap.history["step"])
    np.testing.assert_allclose(y, snap.history["lr"])
    low, high = widget.plot.vb.viewRange()[1]
    assert low == 0 and high > 0.03  # a constant rate is drawn from 0 up, not centred on 0
    assert [label.text for _, label in widget.legend.items] == ["used"]
    planned = np.linspace(0.03, 0.003, 100)
    widget.set_preview(np.arange(1, 101), planned)
    assert sorted(label.text for _, label in widget.legend.items) == ["planned", "used"]
    x, y = data(widget.planned_curve)
    np.testing.assert_allclose(y, planned)
    assert widget.planned_curve.opts["pen"].style() == Qt.PenStyle.DashLine
    qtbot.mouseClick(widget.findChild(type(widget.log_toggle), "lrLogToggle"), Qt.LeftButton)
    assert widget.plot.getAxis("left").logMode
    assert widget.plot.vb.viewRange()[1][0] < math.log10(0.003)
    with pytest.raises(ValueError, match="shape"):
        widget.set_preview(np.arange(3), np.ones(4))
    widget.set_preview(np.empty(0), np.empty(0))
    assert widget.planned_curve.getData()[0] is None
    assert [label.text for _, label in widget.legend.items] == ["used"]
    assert widget.readout.text() == f"η = 0.03 for step {snap.step + 1}"


# -- screenshots ---------------------------------------------------------------------------------
def test_screenshots_of_a_trained_default_and_a_deep_sigmoid_net(qtbot, deep_snap):
    runs = {
        "": train(Experiment.default(), 300, markers=((150, "lr 0.03 → 0.1"),)),
        "_sigmoid10": deep_snap,
    }
    for suffix, snapshot in runs.items():
        for cls, name in ((LossPanel, "loss"), (GradientPanel, "gradient"), (LrPanel, "lr")):
            widget = panel(qtbot, cls, 560, 320)
            widget.show()
            widget.show_snapshot(snapshot)
            if cls is LrPanel:  # what the schedule controls would preview: step decay
                steps = np.arange(1, 401)
                widget.set_preview(steps, 0.03 * 0.5 ** (steps // 100))
            image = widget.grab().toImage()
            assert image.save(f"/tmp/plots_{name}{suffix}.png")
            assert inked_fraction(image) > 0.02, f"{name}{suffix} looks empty"


def inked_fraction(image: QImage) -> float:
    """Share of pixels that are not (near) white."""
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    pixels = np.frombuffer(image.constBits(), np.uint8)
    pixels = pixels.reshape(image.height(), image.bytesPerLine() // 4, 4)[:, : image.width(), :3]
    return float(np.mean(pixels.min(axis=2) < 200))
