"""View ▸ Loss landscape: the loss on a plane through the weights on screen, beside the
window, with the trajectory on it, following training; bad states say why."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QPushButton

from nnsim.testing import choose, train_until
from nnsim.training.experiment import Experiment
from nnsim.training.landscape import TrajectoryRecorder, flatten_state, project
from nnsim.training.snapshot import take_snapshot
from nnsim.training.trainer import Trainer
from nnsim.ui.landscape import LandscapeWindow


def spiral(**training) -> Experiment:
    d = Experiment.default().to_dict()
    d["data"]["dataset"] = "spiral"
    d["network"]["hidden_layers"] = [{"units": 8, "activation": "tanh"}] * 2
    d["training"].update(training)
    return Experiment.from_dict(d)


def open_landscape(window) -> LandscapeWindow:
    action = window.findChild(QAction, "landscapeAction")
    assert action is not None and action in window.view_menu.actions()
    assert action.text() == "Loss &landscape…" and action.shortcut().toString() == "Ctrl+Shift+L"
    action.trigger()
    dialog = window.findChild(LandscapeWindow, "landscapeWindow")
    assert dialog is not None and dialog.isVisible() and not dialog.isModal()
    return dialog


def finished(qtbot, dialog: LandscapeWindow) -> None:
    qtbot.waitUntil(lambda: not dialog.running and dialog.shown is not None, timeout=30_000)


def test_the_landscape_of_the_weights_on_screen_with_the_trajectory_on_it(qtbot, make_window):
    window = make_window(spiral())
    snapshot = train_until(window, 60)
    recorder = window.landscape_recorder
    assert len(recorder) >= 3 and recorder.steps()[-1] == snapshot.step
    np.testing.assert_array_equal(recorder.thetas()[-1], flatten_state(snapshot.weights))
    dialog = open_landscape(window)
    dialog.follow.setChecked(False)
    finished(qtbot, dialog)
    grid = dialog.shown.grid
    assert grid.loss.shape == (41, 41) and np.isfinite(grid.loss).all()
    # the centre is the training loss the training process measured at these weights
    assert abs(grid.loss[20, 20] - window.last_snapshot.train_loss) <= 1e-12
    drawn = dialog.view.image.image  # log₁₀ loss, bilinearly interpolated ×4 (corners kept)
    assert drawn.shape == (161, 161)
    np.testing.assert_allclose(drawn[::4, ::4], np.log10(grid.loss).T, rtol=1e-12)
    path = project(recorder.thetas(), grid.theta, grid.directions)
    x, y = dialog.view.path.getData()
    np.testing.assert_allclose(np.column_stack([x, y]), path)
    cx, cy = dialog.view.current.getData()
    assert list(cx) == [0.0] and list(cy) == [0.0]  # the current weights: the centre
    assert "training loss" in dialog.message.text() and f"Step {snapshot.step}" in (
        dialog.message.text()
    )
    sx, sy = dialog.view.slice_curve.getData()  # the 1-D slice is the β = 0 row
    np.testing.assert_allclose(sy, grid.loss[20]) and np.testing.assert_allclose(sx, grid.alphas)

    choose(dialog.directions, "pca")  # the plane of the trajectory, fitted to it
    qtbot.waitUntil(lambda: dialog.shown.grid.directions.kind == "pca", timeout=30_000)
    finished(qtbot, dialog)
    grid = dialog.shown.grid
    coords = dialog.shown.coords
    assert dialog.fit.isChecked() and np.abs(coords).max() < grid.alphas[-1]
    assert abs(grid.loss[20, 20] - window.last_snapshot.train_loss) <= 1e-12
    assert (
        "PC 1" in dialog.message.text()
        and "%" in dialog.view.plot.getPlotItem().getAxis("bottom").labelText
    )


def test_the_grid_is_computed_over_many_timer_ticks_with_progress_and_cancel(qtbot, make_window):
    window = make_window(spiral())
    train_until(window, 10)
    dialog = open_landscape(window)
    dialog.follow.setChecked(False)
    finished(qtbot, dialog)
    before = dialog.shown
    dialog.resolution.setValue(151)  # 22 801 points: far more than one slice's worth
    qtbot.waitUntil(lambda: dialog.running and dialog.progress.value() > 0, timeout=10_000)
    assert dialog.progress.maximum() == 151 * 151
    assert dialog.job.grid.done_points < dialog.job.grid.total  # the loop was given back
    cancel = dialog.findChild(QPushButton, "landscapeCancel")
    assert cancel.isEnabled()
    cancel.click()
    assert not dialog.running and dialog.shown is before  # the last finished grid stays
    assert "Cancelled" in dialog.message.text()
    assert dialog.findChild(QPushButton, "landscapeCompute").isEnabled()


def test_following_training_recomputes_from_the_newest_weights(qtbot, make_window):
    window = make_window(spiral())
    dialog = open_landscape(window)
    finished(qtbot, dialog)
    first = dialog.shown.step
    window.play()
    qtbot.waitUntil(lambda: dialog.shown.step > first, timeout=60_000)  # a newer grid
    window.pause()
    qtbot.waitUntil(lambda: not window.last_snapshot.running, timeout=10_000)
    final = window.last_snapshot  # the snapshot that says training has stopped
    qtbot.waitUntil(lambda: dialog.shown.snapshot is final, timeout=60_000)  # drawn last
    dialog.close()  # closed, it stops following
    assert not dialog.running


def test_pca_without_a_trajectory_says_so_and_keeps_the_last_grid(qtbot, make_window):
    window = make_window(spiral())
    dialog = open_landscape(window)  # step 0: one point of trajectory
    dialog.follow.setChecked(False)
    finished(qtbot, dialog)
    before = dialog.shown
    choose(dialog.directions, "pca")
    qtbot.waitUntil(lambda: "PCA directions need a trajectory" in dialog.message.text())
    assert dialog.shown is before and not dialog.running
    assert dialog.view.image.image is not None


@pytest.fixture
def diverged_snapshot():
    d = Experiment.default().to_dict()  # as test_main_window's diverging run
    d["data"]["dataset"] = "plane"
    d["network"]["hidden_layers"] = [{"units": 8, "activation": "relu"}] * 3
    d["training"]["optimizer"]["lr"] = 50.0
    trainer = Trainer(Experiment.from_dict(d))
    trainer.run(500)
    assert trainer.diverged
    return take_snapshot(trainer)


def test_diverged_weights_give_a_clear_message(qtbot, diverged_snapshot):
    recorder = TrajectoryRecorder()
    recorder.record_snapshot(diverged_snapshot)
    dialog = LandscapeWindow(lambda: diverged_snapshot, recorder)
    qtbot.addWidget(dialog)
    assert not dialog.compute()
    assert "diverged" in dialog.message.text() and "Reset" in dialog.message.text()
    assert not dialog.running and dialog.shown is None
    nothing = LandscapeWindow(lambda: None, recorder)
    qtbot.addWidget(nothing)
    assert not nothing.compute() and "Nothing to show yet" in nothing.message.text()


def test_contour_segments_lie_on_their_levels_and_cover_every_crossed_cell():
    from nnsim.ui.landscape.plot import contour_segments

    xs, ys = np.linspace(-1, 1, 33), np.linspace(-2, 2, 17)
    z = xs[None, :] * 2.0 + ys[:, None] ** 2  # rows at ys, columns at xs
    levels = np.array([0.537, 1.4629])  # between grid values: no corner on a level
    x, y = contour_segments(z, levels, xs, ys)
    assert len(x) == len(y) > 0 and len(x) % 2 == 0
    # ends lie on the level within the grid's linear interpolation (exact along the edges
    # in x, where z is linear; the y² edges bend by at most h²/4)
    on = np.minimum(*(np.abs(2 * x + y**2 - lv) for lv in levels))
    assert on.max() <= (ys[1] - ys[0]) ** 2 / 4 + 1e-12
    # one segment per cell the level crosses (no saddles in this surface)
    cells = sum(
        int(np.sum((np.minimum.reduce(corners) < lv) & (np.maximum.reduce(corners) > lv)))
        for lv in levels
        for corners in [[z[:-1, :-1], z[:-1, 1:], z[1:, :-1], z[1:, 1:]]]
    )
    assert len(x) == 2 * cells


def test_a_setting_changed_while_a_grid_is_computed_gets_its_grid_next(qtbot, make_window):
    """Paused (no newer snapshot to follow), a resolution typed in while the first grid
    is still being computed is not lost: its grid follows."""
    window = make_window(spiral())
    train_until(window, 10)
    dialog = open_landscape(window)
    dialog.follow.setChecked(False)
    assert dialog.running  # the first grid is under way
    dialog.resolution.setValue(45)
    qtbot.waitUntil(
        lambda: dialog.shown is not None and dialog.shown.grid.loss.shape == (45, 45),
        timeout=30_000,
    )


def test_a_grid_is_drawn_a_piece_per_turn_and_a_fine_grid_is_not_interpolated(qtbot):
    """After the last slice of the grid, the heatmap, contours, trajectory and slice are
    drawn in turns of their own; a 151 × 151 grid is drawn as it is (four times finer,
    601 × 601 pixels, took longer to interpolate and paint than a frame)."""
    trainer = Trainer(spiral())
    trainer.run(20)
    snapshot = take_snapshot(trainer)
    recorder = TrajectoryRecorder()
    recorder.record_snapshot(snapshot)
    dialog = LandscapeWindow(lambda: snapshot, recorder)
    qtbot.addWidget(dialog)
    dialog.resolution.setValue(151)
    assert dialog.compute()
    dialog._timer.stop()  # turn by turn, by hand
    while dialog.job.drawing is None:
        dialog._run_slice()
    assert dialog.view.image.image is None  # computed, nothing drawn yet
    pieces = len(dialog.job.drawing)
    assert pieces >= 3
    dialog._run_slice()
    assert dialog.view.image.image.shape == (151, 151)  # the heatmap, in a turn of its own
    assert len(dialog.view.contours.getData()[0] or []) == 0 and dialog.shown is None
    for _ in range(pieces - 1):
        dialog._run_slice()
    assert dialog.shown is not None and not dialog.running
    assert len(dialog.view.contours.getData()[0]) > 0
    assert "151×151 losses" in dialog.message.text()


def test_the_colour_bar_has_readable_ticks_on_a_flat_landscape():
    """A loss from 0.641 to 0.765 (under a decade, one 1–9 × 10ᵏ value in it) still gets
    several ticks, each labelled with the loss at its height."""
    from nnsim.ui.landscape.plot import log_ticks

    lo, hi = np.log10(0.641), np.log10(0.765)
    ticks = log_ticks(lo, hi)
    assert len(ticks) >= 3
    for position, label in ticks:
        assert lo <= position <= hi and float(label) == pytest.approx(10**position)
    assert [label for _, label in log_ticks(0.0, 2.0)] == ["1", "2", "5", "10", "20", "50", "100"]
