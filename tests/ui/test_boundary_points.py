"""Many points in the boundary view (issue 15 item 5): drawn as one picture beyond
MANY_POINTS, drawn again only when they change, and the window keeps the right points and
experiment while the snapshots no longer carry them."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtGui import QColor

from nnsim.engine.datasets import make_dataset
from nnsim.training.data import build_data, with_custom_points
from nnsim.training.experiment import Experiment
from nnsim.training.grid import GridPredictor
from nnsim.training.snapshot import take_snapshot
from nnsim.training.trainer import Trainer
from nnsim.ui.boundary_view import BoundaryView
from nnsim.ui.point_cloud import MANY_POINTS
from nnsim.ui.style import CLASS_COLORS


def halves(n: int, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """n points: class 0 fills the left half of the square, class 1 the right."""
    x = np.random.default_rng(seed).uniform(-5.9, 5.9, (n, 2))
    return x, (x[:, 0] > 0).astype(int)


@pytest.fixture(scope="module")
def trained_snapshot():
    trainer = Trainer(Experiment.default())
    trainer.step()
    return take_snapshot(trainer, GridPredictor(trainer.data.features, 20))


def shown_view(qtbot) -> BoundaryView:
    view = BoundaryView()
    qtbot.addWidget(view)
    view.resize(420, 440)
    view.show()
    qtbot.waitExposed(view)
    return view


def test_the_same_points_again_are_not_set_again(qtbot, monkeypatch):
    view = shown_view(qtbot)
    calls = []
    set_data = view.train_scatter.setData
    monkeypatch.setattr(
        view.train_scatter, "setData", lambda *a, **k: calls.append(set_data(*a, **k))
    )
    x, y = halves(3000)
    view.set_data(x, y)
    view.set_data(x.copy(), y.copy())  # what a second DataReady of the same points brings
    assert len(calls) == 1
    view.set_data(x[:2000], y[:2000])
    assert len(calls) == 2 and len(view.train_scatter.data) == 2000


def test_many_points_are_one_picture_in_their_class_colours_painted_once(qtbot, trained_snapshot):
    view = shown_view(qtbot)
    x, y = halves(4 * MANY_POINTS)
    view.set_data(x, y, x[: MANY_POINTS + 1], y[: MANY_POINTS + 1])
    assert len(view.train_scatter.data) == 0 and view.train_cloud.point_count() == len(x)
    renders = view.train_cloud.renders
    for _ in range(3):  # snapshots redraw the background, never the points
        view.show_snapshot(trained_snapshot)
    view.set_data(x.copy(), y.copy(), x[: MANY_POINTS + 1], y[: MANY_POINTS + 1])
    assert view.train_cloud.renders == renders
    picture = view.plot.grab().toImage()
    for x1, label in ((-3.0, 0), (3.0, 1)):  # crowded: each half shows its class colour
        pixel = picture.pixelColor(view.data_to_widget(x1, 0.5))
        expected = QColor(CLASS_COLORS[label])
        assert (
            max(abs(a - b) for a, b in zip(pixel.getRgb()[:3], expected.getRgb()[:3], strict=True))
            < 40
        )
    assert not view.test_cloud.isVisible()
    view.show_test_toggle.setChecked(True)
    assert view.test_cloud.isVisible() and view.test_cloud.point_count() == MANY_POINTS + 1
    view.set_data(x[:100], y[:100])  # few again: a scatter item, the picture gone
    assert view.train_cloud.point_count() == 0 and len(view.train_scatter.data) == 100


def test_the_window_keeps_the_experiment_and_points_the_snapshots_no_longer_carry(qtbot, window):
    def shown_points() -> set:
        x, _ = window.boundary_view.train_scatter.getData()
        return {round(v, 9) for v in x.tolist()}

    def settled(experiment: Experiment) -> bool:
        snapshot = window.last_snapshot
        return snapshot is not None and snapshot.experiment == experiment

    for seed in (1, 2):
        experiment = with_custom_points(
            Experiment.default(), make_dataset("circle", 400, 0.1, seed=seed)
        )
        window.set_experiment(experiment)
        qtbot.waitUntil(lambda e=experiment: settled(e))
        step = window.last_snapshot.step
        window.step()  # a later snapshot: the worker puts the experiment back
        qtbot.waitUntil(lambda s=step: window.last_snapshot.step == s + 1)
        assert window.last_snapshot.experiment == experiment
        train = build_data(experiment).train
        qtbot.waitUntil(lambda t=train: shown_points() == {round(v, 9) for v in t.x[:, 0]})
    window.worker.set_lr(0.5)  # an edit: the experiment sent again, its points not
    qtbot.waitUntil(lambda: window.last_snapshot.experiment.training.optimizer.lr == 0.5)
    assert window.last_snapshot.experiment.data == experiment.data
    window.worker.restart(window.experiment())  # a new process: whole again
    qtbot.waitUntil(lambda: settled(window.experiment()) and window.last_snapshot.step == 0)


def test_a_resize_paints_the_many_points_again_once_it_settles(qtbot):
    view = shown_view(qtbot)
    x, y = halves(2 * MANY_POINTS)
    view.set_data(x, y)
    renders, before = view.train_cloud.renders, view.train_cloud.image().width()
    for width in (500, 560, 620):  # a drag: one paint at the end, not one per step
        view.resize(width, width + 20)
    qtbot.waitUntil(lambda: view.train_cloud.renders == renders + 1)
    assert view.train_cloud.image().width() > before
