"""The gradient panel's lines: one item draws every layer's curve; each curve still stands in
the legend, the plot's data items and the exports, and follows the log axis and the data."""

from __future__ import annotations

import dataclasses

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtGui import QColor, QImage, QPainterPath

from nnsim.training.experiment import Experiment
from nnsim.training.grid import GridPredictor
from nnsim.training.snapshot import take_snapshot
from nnsim.training.trainer import Trainer
from nnsim.ui.plots import GradientPanel
from nnsim.ui.plots.layer_lines import LayerCurve, LayerLines
from nnsim.ui.style import layer_color


@pytest.fixture(scope="module")
def run():
    """The default experiment (three layers), a snapshot after 40 steps and after 80."""
    trainer = Trainer(Experiment.default())
    grid = GridPredictor(trainer.data.features, 12)
    trainer.run(40)
    first = take_snapshot(trainer, grid)
    trainer.run(40)
    return first, take_snapshot(trainer, grid)


@pytest.fixture
def panel(qtbot):
    widget = GradientPanel()
    qtbot.addWidget(widget)
    widget.resize(560, 320)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


@pytest.fixture
def lines(qtbot):
    """Three lines in a plot of their own."""
    plot = pg.PlotWidget()
    qtbot.addWidget(plot)
    plot.resize(300, 200)
    plot.getPlotItem().addLegend()
    item = LayerLines(["a", "b", "c"], [pg.mkPen(c) for c in ("#ff0000", "#00aa00", "#0000ff")])
    item.add_to(plot.getPlotItem())
    plot.show()
    qtbot.waitExposed(plot)
    return plot, item


def colours_drawn(widget) -> set[str]:
    image = widget.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    pixels = np.frombuffer(image.constBits(), np.uint32)
    return {QColor(int(p)).name() for p in np.unique(pixels)}


def colours_drawn_in(panel, plot) -> set[str]:
    """The colours inside ``plot``'s data area (not its legend)."""
    rect = panel.graphics.mapFromScene(plot.vb.sceneBoundingRect()).boundingRect()
    image = panel.graphics.grab(rect).toImage().convertToFormat(QImage.Format.Format_RGB32)
    pixels = np.frombuffer(image.constBits(), np.uint32)
    return {QColor(int(p)).name() for p in np.unique(pixels)}


def subpaths(path: QPainterPath) -> int:
    return sum(path.elementAt(i).isMoveTo() for i in range(path.elementCount()))


def test_one_item_draws_every_layer_and_each_curve_stands_for_its_layer(panel, run):
    _, snap = run
    panel.show_snapshot(snap)
    plot = panel.norm_plot
    drawers = [item for item in plot.items if isinstance(item, LayerLines)]
    assert drawers == [panel.lines]
    assert plot.listDataItems() == panel.curves == panel.lines.curves
    assert [label.text for _, label in panel.legend.items] == ["L1", "L2", "L3"]
    for k, curve in enumerate(panel.curves, start=1):
        assert isinstance(curve, LayerCurve)
        assert curve.curve.xData is None or not len(curve.curve.xData)  # draws nothing itself
        assert curve.opts["pen"].color() == QColor(layer_color(k))
        x, y = curve.getData()  # as drawn: log10 on the log axis
        np.testing.assert_array_equal(x, snap.history["step"])
        np.testing.assert_allclose(y, np.log10(snap.history[f"grad_norm_{k}"]))
        ox, oy = curve.getOriginalDataset()  # as given: what the CSV export writes
        np.testing.assert_array_equal(ox, curve.xData)
        np.testing.assert_array_equal(oy, snap.history[f"grad_norm_{k}"])
    assert {layer_color(k) for k in (1, 2, 3)} <= colours_drawn(panel.graphics)


def test_the_lines_follow_each_new_snapshot_and_clear(panel, run):
    first, second = run
    panel.show_snapshot(first)
    before = panel.curves[1].getData()[1].copy()
    panel.show_snapshot(second)
    x, y = panel.curves[1].getData()
    assert len(x) == len(second.history["step"]) > len(before)
    np.testing.assert_allclose(y, np.log10(second.history["grad_norm_2"]))
    panel.set_metric("weight norm")
    np.testing.assert_allclose(
        panel.curves[1].getData()[1], np.log10(second.history["weight_norm_2"])
    )
    panel.clear()
    assert all(curve.getData() == (None, None) for curve in panel.curves)
    assert panel.lines.dataBounds(1) == (None, None)


def test_the_lines_follow_the_log_axis(panel, run):
    _, snap = run
    panel.show_snapshot(snap)
    panel.set_log_scale(False)
    np.testing.assert_allclose(panel.curves[0].getData()[1], snap.history["grad_norm_1"])
    low, high = panel.lines.dataBounds(1)
    values = np.concatenate([snap.history[f"grad_norm_{k}"] for k in (1, 2, 3)])
    assert (low, high) == (values.min(), values.max())
    panel.set_log_scale(True)
    assert panel.lines.dataBounds(1) == pytest.approx((np.log10(low), np.log10(high)))


def test_nan_zero_and_negative_values_are_gaps_on_a_log_axis(lines):
    plot, item = lines
    x = np.arange(8)
    ys = [np.array([1, 2, np.nan, 4, 5, 6, 7, 8.0]), np.array([1, 2, 0, 4, -5, 6, 7, 8.0]), x + 1.0]
    item.set_data(x, ys)
    item.setLogMode(False, True)
    shown = [item.shown_data(i)[1] for i in range(3)]
    assert np.isnan(shown[1][[2, 4]]).all() and np.isfinite(np.delete(shown[1], [2, 4])).all()
    plot.grab()  # painted: the paths made
    assert [subpaths(path) for path in item._paths] == [2, 3, 1]
    assert item.dataBounds(1) == pytest.approx((0.0, np.log10(8)))
    item.setLogMode(False, False)  # linear again: the negative value is drawn
    assert item.dataBounds(1) == (-5.0, 8.0)


def test_a_curve_hidden_from_its_legend_is_neither_drawn_nor_in_the_range(lines):
    plot, item = lines
    x = np.arange(50.0)
    item.set_data(x, [np.sin(x), np.sin(x) + 10.0, np.cos(x)])
    assert "#00aa00" in colours_drawn(plot)
    assert item.dataBounds(1)[1] == pytest.approx(11.0, abs=0.01)
    item.curves[1].setVisible(False)  # what a click on its legend sample does
    assert item.dataBounds(1)[1] == pytest.approx(1.0, abs=0.01)
    plot.getPlotItem().vb.autoRange()
    assert "#00aa00" not in colours_drawn(plot)
    assert {"#ff0000", "#0000ff"} <= colours_drawn(plot)
    item.curves[1].setVisible(True)
    assert item.dataBounds(1)[1] == pytest.approx(11.0, abs=0.01)


def test_bounds_of_part_of_the_data_as_a_curve_gives_them(lines):
    _, item = lines
    x = np.arange(100.0)
    item.set_data(x, [x, 2 * x, np.full(100, np.nan)])
    assert item.dataBounds(0) == (0.0, 99.0)
    assert item.dataBounds(1) == (0.0, 198.0)
    assert item.dataBounds(1, orthoRange=(10, 20)) == (10.0, 40.0)  # y where x is in [10, 20]
    assert item.dataBounds(0, orthoRange=(150, 300)) == (75.0, 99.0)  # x where y is in range
    low, high = item.dataBounds(1, frac=0.5)  # the middle half of the values
    assert 20 < low < high < 150
    item.set_data(np.empty(0), [np.empty(0)] * 3)
    assert item.dataBounds(0) == (None, None) and item.boundingRect().isNull()


def test_lines_refuse_data_that_does_not_fit(lines):
    _, item = lines
    with pytest.raises(ValueError, match="3 lines"):
        item.set_data(np.arange(3), [np.ones(3)] * 2)
    with pytest.raises(ValueError, match="one value per x"):
        item.set_data(np.arange(3), [np.ones(3), np.ones(3), np.ones(4)])


def test_a_deeper_net_gets_new_lines_and_the_old_ones_leave_the_plot(panel, run):
    _, snap = run
    panel.show_snapshot(snap)
    old = panel.lines
    deeper = {**snap.history, "grad_norm_4": snap.history["grad_norm_3"]}
    for prefix in ("weight_norm", "update_ratio"):
        deeper[f"{prefix}_4"] = snap.history[f"{prefix}_3"]
    panel.show_snapshot(dataclasses.replace(snap, history=deeper))
    assert panel.lines is not old and old.scene() is None
    assert len(panel.norm_plot.listDataItems()) == 4
    assert [label.text for _, label in panel.legend.items] == ["L1", "L2", "L3", "L4"]


def test_with_a_transform_of_the_plot_on_the_curves_draw_themselves_until_it_is_off(panel, run):
    _, snap = run
    panel.show_snapshot(snap)
    plot = panel.norm_plot
    plot.ctrl.derivativeCheck.setChecked(True)  # Plot Options ▸ Transforms ▸ dy/dx
    assert panel.lines.standalone
    x, y = panel.curves[0].getData()  # as a plain PlotDataItem draws it
    steps, norms = snap.history["step"], snap.history["grad_norm_1"]
    plain = pg.PlotDataItem(steps.astype(np.int64), norms)
    plain.setLogMode(False, True)
    plain.setDerivativeMode(True)
    np.testing.assert_array_equal(x, plain.getData()[0])
    np.testing.assert_array_equal(y, plain.getData()[1])
    assert panel.lines.dataBounds(1) == (None, None)  # the lines draw nothing meanwhile
    assert layer_color(1) in colours_drawn_in(panel, plot)
    panel.show_snapshot(snap)  # and the curves keep following the snapshots
    assert len(panel.curves[0].getData()[0]) == len(steps) - 1
    plot.ctrl.derivativeCheck.setChecked(False)
    assert not panel.lines.standalone
    assert panel.curves[0].curve.xData is None or not len(panel.curves[0].curve.xData)
    np.testing.assert_allclose(panel.curves[0].getData()[1], np.log10(norms))


def test_the_plots_alpha_option_fades_the_lines(panel, run):
    _, snap = run
    panel.show_snapshot(snap)
    assert layer_color(2) in colours_drawn_in(panel, panel.norm_plot)
    for curve in panel.curves:
        curve.setAlpha(0.3, False)  # what Plot Options ▸ Alpha does
    assert layer_color(2) not in colours_drawn_in(panel, panel.norm_plot)  # mixed with white


def test_the_loss_panel_draws_its_five_curves_with_three_items(qtbot, run):
    from nnsim.ui.plots import LossPanel

    _, snap = run
    widget = LossPanel()
    qtbot.addWidget(widget)
    widget.resize(560, 320)
    widget.show()
    widget.show_snapshot(snap)
    in_plot = [item for item in widget.plot.items if isinstance(item, LayerLines)]
    in_accuracy = [i for i in widget.accuracy_view.addedItems if isinstance(i, LayerLines)]
    assert [len(lines.curves) for lines in in_plot] == [1, 2] and len(in_accuracy) == 1
    assert in_plot[1].curves == [widget.train_curve, widget.test_curve]
    assert in_accuracy[0].curves == [widget.train_accuracy_curve, widget.test_accuracy_curve]
    assert in_accuracy[0].getViewBox() is widget.accuracy_view  # the 0–1 view, not the loss's
    assert widget.accuracy_view.viewRange()[1] == pytest.approx([-0.02, 1.02])
    colours = colours_drawn_in(widget, widget.plot)
    assert {"#0072b2", "#d55e00"} <= colours  # train and test loss


def test_the_rate_used_is_drawn_by_lines_the_plan_by_its_own_dashed_curve(qtbot, run):
    from nnsim.ui.plots import LrPanel

    _, snap = run
    widget = LrPanel()
    qtbot.addWidget(widget)
    widget.resize(560, 320)
    widget.show()
    widget.show_snapshot(snap)
    (lines,) = [item for item in widget.plot.items if isinstance(item, LayerLines)]
    assert lines.curves == [widget.used_curve]
    assert not isinstance(widget.planned_curve, LayerCurve)
    assert widget.plot.items.index(widget.planned_curve) < widget.plot.items.index(lines)
    np.testing.assert_allclose(widget.used_curve.getData()[1], snap.history["lr"])
    widget.clear()
    assert widget.used_curve.getData() == (None, None)
