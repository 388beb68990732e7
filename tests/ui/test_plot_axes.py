"""Plot axes a learner can read: tick labels apart, log ranges that fit, a fresh range per run,
one colour per layer."""

from __future__ import annotations

import dataclasses
import itertools

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtGui import QColor, QImage, QPainter

from nnsim.training.experiment import Experiment, LayerSpec
from nnsim.training.grid import GridPredictor
from nnsim.training.snapshot import Snapshot, take_snapshot
from nnsim.training.trainer import Trainer
from nnsim.ui.plots import GradientPanel, LossPanel, LrPanel
from nnsim.ui.plots.axes import LogAxis
from nnsim.ui.style import layer_color


def deep(layers: int = 10, dataset: str = "circle") -> Experiment:
    exp = Experiment.default()
    hidden = tuple(LayerSpec(4, "sigmoid") for _ in range(layers))
    return dataclasses.replace(
        exp,
        data=dataclasses.replace(exp.data, dataset=dataset),
        network=dataclasses.replace(exp.network, hidden_layers=hidden),
    )


def snapshots(experiment: Experiment, steps: list[int]) -> list[Snapshot]:
    """Snapshots of one run after each of ``steps`` (increasing)."""
    trainer, out, done = Trainer(experiment), [], 0
    for step in steps:
        trainer.run(step - done)
        done = step
        out.append(take_snapshot(trainer, GridPredictor(trainer.data.features, 12)))
    return out


@pytest.fixture(scope="module")
def deep_run() -> list[Snapshot]:
    return snapshots(deep(), [0, 1, 2, 5, 300])


def drawn_labels(axis: pg.AxisItem) -> list[tuple[object, str]]:
    """(rect, text) of every tick label the axis draws, as pyqtgraph lays them out."""
    image = QImage(8, 8, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    try:
        specs = axis.generateDrawSpecs(painter)
    finally:
        painter.end()
    return [] if specs is None else [(rect, text) for rect, _, text in specs[2] if text]


def assert_apart(axis: pg.AxisItem) -> list[str]:
    labels = drawn_labels(axis)
    for (a, ta), (b, tb) in itertools.combinations(labels, 2):
        assert not a.intersects(b), f"{ta!r} and {tb!r} overlap"
    texts = [t for _, t in labels]
    assert len(texts) == len(set(texts)), texts  # no value labelled twice
    return texts


def settle(qtbot, widget) -> None:
    """Show, then paint twice: an axis widens to its labels when painted, then lays out."""
    widget.show()
    qtbot.waitExposed(widget)
    for _ in range(2):
        qtbot.wait(1)
        widget.grab()
    qtbot.wait(1)


# -- tick labels ---------------------------------------------------------------------------------
@pytest.mark.parametrize("size", [(400, 200), (560, 170), (520, 300)])
@pytest.mark.parametrize("cls", [GradientPanel, LossPanel, LrPanel])
def test_tick_labels_never_overlap_from_the_first_steps_on(qtbot, deep_run, cls, size):
    panel = cls()
    qtbot.addWidget(panel)
    panel.resize(*size)
    settle(qtbot, panel)
    for snap in deep_run:
        panel.show_snapshot(snap)
        settle(qtbot, panel)
        for plot in panel._plots:
            for side in ("left", "bottom"):
                assert_apart(plot.getAxis(side))


@pytest.mark.parametrize("height", [70, 110, 200, 320])
@pytest.mark.parametrize(
    "decades", [(-1.9, -0.1), (-2.3, -0.5), (-3, 0), (-8.3, -0.7), (-0.5, 0.3), (-9.2, 0.4),
                (-4.1, -1.2), (-20, 2), (-0.27, 0.02), (-0.54, 0.04), (-12, -11.8)],
)  # fmt: skip
def test_log_axis_labels_fit_any_range_and_height(qtbot, decades, height):
    widget = pg.PlotWidget(axisItems={"left": LogAxis("left")})
    qtbot.addWidget(widget)
    widget.resize(300, height)
    widget.getPlotItem().setLogMode(y=True)
    settle(qtbot, widget)
    widget.getPlotItem().vb.setYRange(*decades, padding=0)
    settle(qtbot, widget)
    texts = assert_apart(widget.getPlotItem().getAxis("left"))
    assert texts  # at least one value is named
    for text in texts:  # plain numbers or powers of ten, never "1e-06"
        assert "e" not in text


# -- log range -----------------------------------------------------------------------------------
def test_log_loss_axis_fits_losses_below_one_point_two(qtbot):
    (snap,) = snapshots(Experiment.default(), [300])
    losses = np.concatenate([snap.history["batch_loss"], snap.evaluations["train_loss"]])
    assert losses.max() <= 1.2
    panel = LossPanel()
    qtbot.addWidget(panel)
    panel.resize(520, 300)
    settle(qtbot, panel)
    panel.show_snapshot(snap)
    qtbot.wait(1)
    panel.set_log_scale(True)  # paused: no snapshot follows the click
    qtbot.wait(1)
    top = 10 ** panel.plot.vb.viewRange()[1][1]
    assert losses.max() <= top <= 2.0
    panel.show_snapshot(snap)
    qtbot.wait(1)
    top = 10 ** panel.plot.vb.viewRange()[1][1]
    assert losses.max() <= top <= 2.0
    panel.set_log_scale(False)
    qtbot.wait(1)
    low, high = panel.plot.vb.viewRange()[1]
    assert low >= 0.0 and losses.max() <= high <= 1.5


# -- a new run -----------------------------------------------------------------------------------
@pytest.mark.parametrize("cls", [LossPanel, GradientPanel, LrPanel])
def test_another_data_set_drops_the_old_runs_x_range(qtbot, cls):
    (old,) = snapshots(deep(3), [400])
    fresh = snapshots(deep(3, dataset="xor"), [0, 3])
    panel = cls()
    qtbot.addWidget(panel)
    panel.resize(520, 300)
    settle(qtbot, panel)
    panel.show_snapshot(old)
    qtbot.wait(1)
    plot = panel._plots[0]
    assert plot.vb.viewRange()[0][1] >= 400
    plot.vb.setXRange(100, 200)  # the user zoomed in: auto-range is off
    panel.show_snapshot(fresh[0])  # step 0 of the new run
    qtbot.wait(1)
    assert plot.vb.viewRange()[0][1] <= 1.5
    panel.show_snapshot(fresh[1])
    qtbot.wait(1)
    assert 3 <= plot.vb.viewRange()[0][1] <= 5


# -- colours -------------------------------------------------------------------------------------
def lab(color: str) -> np.ndarray:
    """CIE L*a*b* (D65) of an sRGB colour."""
    c = QColor(color)
    rgb = np.array([c.redF(), c.greenF(), c.blueF()])
    linear = np.where(rgb <= 0.04045, rgb / 12.92, ((rgb + 0.055) / 1.055) ** 2.4)
    m = np.array([[0.4124, 0.3576, 0.1805], [0.2126, 0.7152, 0.0722], [0.0193, 0.1192, 0.9505]])
    xyz = m @ linear / np.array([0.95047, 1.0, 1.08883])
    f = np.where(xyz > 0.008856, np.cbrt(xyz), 7.787 * xyz + 16 / 116)
    return np.array([116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])])


def test_sixteen_layers_get_sixteen_clearly_different_colours(qtbot):
    colors = [layer_color(k) for k in range(1, 17)]
    for (i, a), (j, b) in itertools.combinations(enumerate(colors, 1), 2):
        distance = np.linalg.norm(lab(a) - lab(b))
        assert distance >= 20, f"layers {i} and {j}: {a} vs {b} (ΔE {distance:.0f})"
    for color in colors:
        assert lab(color)[0] <= 75  # dark enough to see on the white canvas
    (snap,) = snapshots(deep(15), [1])  # 15 hidden layers + output
    panel = GradientPanel()
    qtbot.addWidget(panel)
    panel.show_snapshot(snap)
    pens = {curve.opts["pen"].color().name() for curve in panel.curves}
    assert len(panel.curves) == 16 and len(pens) == 16
