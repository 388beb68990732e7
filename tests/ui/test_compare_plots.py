"""Compare mode's curves: loss, accuracy and gradient-norm tabs, divergence marks that
explain themselves, and one style per run for up to 16 runs."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QComboBox, QLabel, QTabWidget, QWidget

from nnsim.training.experiment import Experiment
from nnsim.training.run_group import RunGroup
from nnsim.training.variations import with_setting, with_settings
from nnsim.ui.compare import CompareWindow
from nnsim.ui.compare.boundaries import BoundaryMultiples
from nnsim.ui.compare.curves import EXPLODED, NO_ACCURACY, CompareCurves
from nnsim.ui.compare.loss_plot import run_color, run_pen, run_symbol

LRS = (0.0001, 0.01, 0.1, 10.0)


def experiments(dataset: str = "spiral", activation: str = "tanh") -> list[Experiment]:
    base = with_settings(
        Experiment.default(),
        {"data.dataset": dataset, "network.hidden_layers.0.activation": activation,
         "network.hidden_layers.1.activation": activation},
    )  # fmt: skip
    return [with_setting(base, "training.optimizer.lr", lr) for lr in LRS]


def shown_curves(qtbot, group: RunGroup, labels: list[str]) -> CompareCurves:
    curves = CompareCurves()
    qtbot.addWidget(curves)
    curves.resize(800, 360)
    curves.show()
    curves.set_runs(labels)
    curves.show_results(group.results)
    return curves


def data(item) -> tuple[list[float], list[float]]:
    x, y = item.getOriginalDataset()
    return ([] if x is None else list(x)), ([] if y is None else list(y))


def legend_names(plot) -> list[str]:
    return [label.text for _, label in plot.legend.items]


def test_the_compare_window_shows_loss_accuracy_and_gradient_tabs(qtbot, window):
    window.findChild(QAction, "compareAction").trigger()
    compare = window.findChild(CompareWindow, "compareWindow")
    tabs = compare.findChild(QTabWidget, "compareCurves")
    assert tabs is compare.plot
    assert [tabs.tabText(i) for i in range(tabs.count())] == ["Loss", "Accuracy", "Gradient norm"]
    for name in ("compareLossPlot", "compareAccuracyPlot", "compareGradientPlot"):
        plot = compare.findChild(QWidget, name)
        assert plot is not None and legend_names(plot) == [r.label for r in compare.runs]
    combo = compare.findChild(QComboBox, "compareGradientLayerCombo")
    assert combo.currentIndex() == 0 and combo.currentData() == 1
    assert combo.count() == 3  # 2-4-2-1: two hidden layers and the output


def test_accuracy_curves_are_the_runs_evaluations_in_percent(qtbot):
    group = RunGroup(experiments())
    group.run(60)
    curves = shown_curves(qtbot, group, [f"lr {lr:g}" for lr in LRS])
    assert all(data(c) == ([], []) for c in curves.accuracy.curves[0])  # hidden: not drawn
    curves.setCurrentIndex(CompareCurves.ACCURACY)
    for i, result in enumerate(group.results):
        steps = list(result.evaluations.column("step"))
        test = list(100 * result.evaluations.column("test_accuracy"))
        train = list(100 * result.evaluations.column("train_accuracy"))
        assert len(steps) >= 6
        assert data(curves.accuracy.curves[0][i]) == (steps, test)
        assert data(curves.accuracy.curves[1][i]) == (steps, train)
    _, top = curves.accuracy.getViewBox().viewRange()
    assert top[0] <= 0 and 100 <= top[1] <= 105


def test_gradient_curves_are_the_chosen_layers_norms_on_a_log_axis(qtbot):
    group = RunGroup(experiments())
    group.run(50)
    curves = shown_curves(qtbot, group, [f"lr {lr:g}" for lr in LRS])
    curves.setCurrentIndex(CompareCurves.GRADIENT)
    assert curves.gradient.getPlotItem().getAxis("left").logMode
    combo = curves.layer_combo
    assert [combo.itemData(i) for i in range(combo.count())] == [1, 2, 3]
    for layer in (1, 3):
        combo.setCurrentIndex(layer - 1)
        for i, result in enumerate(group.results):
            norms = result.column(f"grad_norm_{layer}")
            assert len(norms) == 50 and (norms > 0).all()
            assert data(curves.gradient.curves[0][i]) == (list(result.column("step")), list(norms))


def test_regression_has_no_accuracy_tab(qtbot):
    classified = RunGroup(experiments("circle"))
    curves = shown_curves(qtbot, classified, ["a", "b", "c", "d"])
    assert curves.isTabEnabled(CompareCurves.ACCURACY)
    curves.setCurrentIndex(CompareCurves.ACCURACY)
    group = RunGroup(experiments("plane"))
    group.run(10)  # one evaluation
    curves.set_runs([f"lr {lr:g}" for lr in LRS])
    curves.show_results(group.results)
    assert not curves.isTabEnabled(CompareCurves.ACCURACY)
    assert curves.tabToolTip(CompareCurves.ACCURACY) == NO_ACCURACY
    assert curves.currentIndex() == CompareCurves.LOSS  # the loss is shown instead
    assert len(data(curves.loss.test_curves[0])[0]) == 1  # and drawn


@pytest.mark.parametrize(
    "tab", [CompareCurves.LOSS, CompareCurves.ACCURACY, CompareCurves.GRADIENT]
)
def test_a_diverged_run_ends_with_a_cross_that_explains_itself(qtbot, tab):
    group = RunGroup(experiments("spiral", activation="linear"))
    group.run(40)
    diverged = group.results[3]
    assert diverged.diverged and [r.diverged for r in group.results[:3]] == [None] * 3
    at = diverged.last.step
    curves = shown_curves(qtbot, group, [f"lr {lr:g}" for lr in LRS])
    curves.setCurrentIndex(tab)
    plot = curves.plots()[tab]
    x, _ = plot.marks[3].getData()
    assert list(x) == [at] and plot.marks[3].isVisible()
    scatter = plot.marks[3].scatter
    point = scatter.points()[0]
    tip = scatter.opts["tip"](x=point.pos().x(), y=point.pos().y(), data=point.data())
    assert diverged.diverged in tip and tip.startswith("lr 10")
    text = plot.mark_texts[3]
    assert text.isVisible() and text.textItem.toPlainText() == f"lr 10 diverged at step {at}"
    if tab == CompareCurves.GRADIENT:  # the blow-up leaves the plot: the others stay readable
        calm = max(r.column("grad_norm_1").max() for r in group.results[:3])
        _, (low, high) = plot.getViewBox().viewRange()
        assert high <= np.log10(EXPLODED * calm) + 1.1 and low <= np.log10(calm) - 1
    assert not any(m.isVisible() or t.isVisible()
                   for m, t in zip(plot.marks[:3], plot.mark_texts[:3], strict=True))  # fmt: skip


def test_sixteen_runs_get_sixteen_styles_everywhere(qtbot):
    base = with_setting(Experiment.default(), "data.dataset", "circle")
    group = RunGroup([with_setting(base, "seed", s) for s in range(16)])
    group.run(20)
    labels = [f"seed {s}" for s in range(16)]
    styles = [(run_color(i), run_symbol(i)) for i in range(16)]
    assert len(set(styles)) == 16 and all(s is None for _, s in styles[:8])
    curves = shown_curves(qtbot, group, labels)
    boundaries = BoundaryMultiples()
    qtbot.addWidget(boundaries)
    boundaries.set_runs(labels, group.results)
    for plot in curves.plots():
        assert legend_names(plot) == labels
        assert [c.opts["pen"].color().name() for c in plot.curves[0]] == [
            run_pen(i).color().name() for i in range(16)
        ]
    loss = curves.loss
    points = loss.symbols.points()
    by_run = {(p.pen().color().name(), p.symbol()) for p in points}
    assert by_run == {(run_color(i), run_symbol(i)) for i in range(8, 16)}
    assert len(points) == 8 * 2 * 12  # 12 symbols on each of runs 9–16's two curves
    loss.curves[0][9].setVisible(False)  # a legend click: the run's symbols go too
    assert len(loss.symbols.points()) == 7 * 2 * 12 and not loss.curves[1][9].isVisible()
    frames = [image.styleSheet() for image in boundaries.images]
    assert len(set(frames)) == 16
    assert all(run_color(i) in frames[i] for i in range(16))
    assert all("solid" in f for f in frames[:8]) and all("dotted" in f for f in frames[8:])
    captions = [label.text() for label in boundaries.findChildren(QLabel) if not label.objectName()]
    assert captions[:8] == labels[:8] and captions[8:] == [f"○ {x}" for x in labels[8:]]
