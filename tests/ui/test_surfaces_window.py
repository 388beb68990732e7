"""View ▸ Surfaces: optimizers racing on 2-D surfaces beside the main window, with the
regime of SGD against 2/λ_max, presets, editable racers, a draggable start."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPointF
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPushButton

from nnsim.testing import choose, type_into
from nnsim.training.surface_race import PRESETS
from nnsim.ui.surfaces import SurfacesWindow
from nnsim.ui.surfaces.contours import contour_segments, log_levels
from nnsim.ui.surfaces.window import MAX_RACERS


@pytest.fixture
def surfaces(qtbot):
    window = SurfacesWindow()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.plot.contours_ready)
    return window


def _label(window, name):
    return window.findChild(QLabel, name).text()


def _play_until(qtbot, window, step, speed="1000 steps/s"):
    choose(window.findChild(QComboBox, "surfacesSpeedCombo"), speed)
    window.findChild(QPushButton, "surfacesPlayButton").click()
    qtbot.waitUntil(lambda: window.race.steps_done >= step or not window.running, timeout=20_000)
    window.pause()
    qtbot.waitUntil(lambda: window.drawn)  # the plots, one per event-loop turn


def test_the_view_menu_opens_the_surfaces_beside_the_window(nnsim_window):
    action = nnsim_window.findChild(QAction, "surfacesAction")
    assert action is not None and action.text() == "&Surfaces…"
    assert action.shortcut().toString() == "Ctrl+Shift+F"
    action.trigger()
    window = nnsim_window.findChild(SurfacesWindow, "surfacesWindow")
    assert window is not None and window.isVisible() and not window.isModal()
    action.trigger()  # the same window again
    assert nnsim_window.findChildren(SurfacesWindow) == [window]
    window.close()


def test_too_high_oscillates_zig_zags_with_the_2_over_lambda_max_line(qtbot, surfaces):
    choose(surfaces.findChild(QComboBox, "surfacesPresetCombo"), "too high: oscillates")
    assert "between 1/λ_max and 2/λ_max" in _label(surfaces, "surfacesStory")
    _play_until(qtbot, surfaces, 60)
    racer = surfaces.race.racers[0]
    drawn = np.column_stack(surfaces.plot.paths[0].getData())
    np.testing.assert_allclose(drawn[:40], racer.path[:40])  # every step while they are long
    np.testing.assert_allclose(drawn[-1], racer.path[-1])
    steep = surfaces.surface.directions[1]
    signs = np.sign(racer.path[:40] @ steep)
    assert np.all(signs[1:] != signs[:-1])  # the zig-zag is what is drawn
    text = _label(surfaces, "surfacesRegimeText")
    assert "η = 0.09: oscillating" in text and "2/λ_max = 2/20 = 0.1" in text
    assert "η = 0.04: monotone" in text
    regime = surfaces.regime_plot
    assert regime.limit.value() == pytest.approx(0.1) and regime.half.value() == pytest.approx(0.05)
    dot_x, dot_y = regime.dots.getData()
    assert list(dot_x) == pytest.approx([0.09, 0.04]) and list(dot_y) == pytest.approx([-0.08] * 2)
    assert regime.half.value() < dot_x[0] < regime.limit.value()  # past 1/λ_max, before 2/λ_max
    assert _label(surfaces, "surfacesStepLabel") == f"step {surfaces.race.steps_done}"


def test_step_and_reset_and_the_step_counter(qtbot, surfaces):
    step = surfaces.findChild(QPushButton, "surfacesStepButton")
    step.click()
    step.click()
    assert _label(surfaces, "surfacesStepLabel") == "step 2"
    assert all(len(r.path) == 3 for r in surfaces.race.racers)
    surfaces.findChild(QPushButton, "surfacesResetButton").click()
    assert _label(surfaces, "surfacesStepLabel") == "step 0"
    _play_until(qtbot, surfaces, 30, "300 steps/s")
    assert surfaces.race.steps_done >= 30 and not surfaces.running
    losses = surfaces.loss_plot.curves[0].getData()[1]
    assert len(losses) == surfaces.race.steps_done + 1


def test_a_diverging_path_stops_with_a_marker_and_a_message(qtbot, surfaces):
    choose(surfaces.findChild(QComboBox, "surfacesPresetCombo"), "too high: diverges")
    assert "divergent" in _label(surfaces, "surfacesRegimeText")
    _play_until(qtbot, surfaces, 400)
    blown, calm = surfaces.race.racers
    assert blown.stopped is not None and calm.stopped is None
    stop_x, stop_y = surfaces.plot.stops.getData()
    assert (list(stop_x), list(stop_y)) == ([blown.path[-1, 0]], [blown.path[-1, 1]])
    assert "diverged at step" in _label(surfaces, "surfacesMessage")
    assert surfaces.loss_plot.getAxis("left").logMode  # f − f_min over decades
    log_losses = surfaces.loss_plot.curves[0].getData()[1]  # (log10: the axis is logarithmic)
    assert log_losses[-1] > log_losses[0] + 6


def test_a_learning_rate_typed_in_restarts_the_race_and_bad_input_is_refused(qtbot, surfaces):
    surfaces.step()
    edit = surfaces.findChild(QLineEdit, "surfaceHp0_lr")
    type_into(edit, "0.2")
    assert surfaces.race.steps_done == 0 and surfaces.specs[0].params["lr"] == 0.2
    assert "η = 0.2: divergent" in _label(surfaces, "surfacesRegimeText")
    type_into(edit, "-1")
    assert surfaces.specs[0].params["lr"] == 0.2 and edit.text() == "0.2"
    message = surfaces.findChild(QLabel, "surfaceRacerMessage_0")
    assert message.isVisible() and "≥ 0" in message.text()


def test_the_bowls_condition_number_and_angle(qtbot, surfaces):
    condition = surfaces.findChild(QLineEdit, "surfaceConditionEdit")
    type_into(condition, "500")
    assert surfaces.surface.condition == 20 and "in [1, 100]" in _label(surfaces, "surfacesMessage")
    type_into(condition, "50")
    type_into(surfaces.findChild(QLineEdit, "surfaceAngleEdit"), "-60")
    assert surfaces.surface.condition == 50 and surfaces.surface.angle == -60
    qtbot.waitUntil(lambda: surfaces.drawn)
    assert surfaces.regime_plot.limit.value() == pytest.approx(2 / 50)
    assert _label(surfaces, "surfacesStory") == ""  # no longer the preset's story


def test_a_surface_with_four_minima_marks_them_and_draws_log_spaced_contours(qtbot, surfaces):
    choose(surfaces.findChild(QComboBox, "surfaceCombo"), "Himmelblau")
    assert surfaces.surface.name == "himmelblau"
    assert not surfaces.findChild(QLineEdit, "surfaceConditionEdit").isVisible()
    qtbot.waitUntil(lambda: surfaces.drawn)
    assert len(surfaces.plot.minima.data) == 4
    assert surfaces.loss_plot.getAxis("left").logMode
    choose(surfaces.findChild(QComboBox, "surfaceCombo"), "Saddle")  # unbounded below: f itself
    qtbot.waitUntil(lambda: surfaces.drawn)
    assert not surfaces.loss_plot.getAxis("left").logMode
    choose(surfaces.findChild(QComboBox, "surfaceCombo"), "Himmelblau")
    qtbot.waitUntil(lambda: surfaces.plot.contours_ready)
    assert surfaces.plot.contour_levels_drawn == 18
    assert len(surfaces.plot.lines.getData()[0]) > 1000
    start = surfaces.race.racers[0].path[0]
    assert tuple(start) == surfaces.surface.start


def test_log_levels_are_geometric_above_the_floor_and_contours_lie_on_them():
    xs = ys = np.linspace(-2, 2, 101)
    values = xs[None, :] ** 2 + ys[:, None] ** 2
    levels = log_levels(values, 0.0)
    ratios = levels[1:] / levels[:-1]
    np.testing.assert_allclose(ratios, ratios[0])
    points = contour_segments(xs, ys, values, 1.0)
    np.testing.assert_allclose(np.hypot(points[:, 0], points[:, 1]), 1.0, atol=1e-3)


def test_dragging_the_start_restarts_every_racer_from_there(qtbot, surfaces):
    surfaces.step()
    surfaces.plot.start.setPos(QPointF(0.5, -1.25))  # what a drag does
    assert surfaces.race.steps_done == 0
    for racer in surfaces.race.racers:
        np.testing.assert_allclose(racer.path[0], (0.5, -1.25))
    surfaces.plot.start.setPos(QPointF(9.0, 0.0))  # outside the box: kept at its edge
    assert surfaces.start == (2.0, 0.0)


def test_racers_can_be_added_removed_and_changed(qtbot, surfaces):
    add = surfaces.findChild(QPushButton, "surfacesAddButton")
    while add.isEnabled():
        add.click()
    qtbot.waitUntil(lambda: surfaces.drawn)
    assert len(surfaces.race.racers) == MAX_RACERS == len(surfaces.plot.paths)
    choose(surfaces.findChild(QComboBox, "surfaceOptimizerCombo_0"), "Adam")
    assert surfaces.specs[0].optimizer == "adam"
    assert surfaces.findChild(QLineEdit, "surfaceHp0_beta1").isVisible()
    assert not surfaces.findChild(QLineEdit, "surfaceHp0_momentum").isVisible()
    type_into(surfaces.findChild(QLineEdit, "surfaceHp0_beta2"), "0.9")
    assert surfaces.specs[0].params["betas"] == (0.9, 0.9)
    choose(surfaces.findChild(QComboBox, "surfaceScheduleCombo_1"), "step")
    assert surfaces.specs[1].schedule == "step"
    assert surfaces.findChild(QLineEdit, "surfaceSchedule1_step_size").text() == "500"
    surfaces.findChild(QPushButton, "surfaceRemoveButton_0").click()
    assert len(surfaces.race.racers) == MAX_RACERS - 1 and add.isEnabled()
    assert surfaces.specs[0].schedule == "step"
    assert "no fixed limit" in _label(surfaces, "surfacesRegimeText")


@pytest.mark.parametrize("title", [p.title for p in PRESETS])
def test_every_preset_plays_without_error(qtbot, surfaces, title):
    choose(surfaces.findChild(QComboBox, "surfacesPresetCombo"), title)
    assert len(surfaces.race.racers) == len(surfaces.specs) == len(surfaces.sections)
    _play_until(qtbot, surfaces, 40)
    assert surfaces.race.steps_done >= 40 or surfaces.race.finished


def test_a_long_converged_path_is_drawn_with_fewer_points_but_every_long_step(surfaces):
    """Thousands of steps on one spot are not painted one by one (the event loop)."""
    surfaces.race.step(5000)
    surfaces.redraw()
    racer = surfaces.race.racers[0]
    drawn = np.column_stack(surfaces.plot.paths[0].getData())
    assert len(drawn) < len(racer.path) / 10
    steps = np.hypot(*np.diff(racer.path, axis=0).T)
    long = racer.path[1:][steps > 4 / 1500]  # (the box is 4 wide)
    assert all(np.any(np.all(drawn == point, axis=1)) for point in long)
    np.testing.assert_allclose(drawn[[0, -1]], racer.path[[0, -1]])


def test_before_the_first_steps_the_loss_axis_starts_at_step_0(qtbot, surfaces):
    surfaces.findChild(QPushButton, "surfacesResetButton").click()
    qtbot.waitUntil(lambda: surfaces.drawn)
    low, high = surfaces.loss_plot.viewRange()[0]
    assert (low, high) == (0, 10)  # not a ±500 range around the lone start point


def test_contours_are_kept_per_surface_and_a_new_condition_number_gets_its_own(qtbot, surfaces):
    """A surface's contours do not change while racing: they are traced once per surface
    (the bowl's condition number and angle included) and shown again from the cache."""
    from nnsim.engine.surfaces import Bowl
    from nnsim.ui.surfaces.surface_plot import drawing_for

    assert drawing_for(Bowl(20, 30)) is drawing_for(Bowl(20.0, 30.0))
    assert drawing_for(Bowl(50, 30)) is not drawing_for(Bowl(20, 30))
    assert drawing_for(Bowl(20, 31)) is not drawing_for(Bowl(20, 30))
    type_into(surfaces.findChild(QLineEdit, "surfaceConditionEdit"), "37")
    qtbot.waitUntil(lambda: surfaces.drawn, timeout=10_000)
    drawing = drawing_for(surfaces.surface)
    assert surfaces.surface.condition == 37 and drawing.complete
    x, y = surfaces.plot.lines.getData()
    f = surfaces.surface.value(x, y)  # every drawn point lies on one of this bowl's levels
    nearest = np.min(np.abs(f[:, None] / np.array(drawing.levels)[None, :] - 1), axis=1)
    assert len(x) > 1000 and nearest.max() < 0.05  # (linear along a cell edge)
    before = len(x)
    type_into(surfaces.findChild(QLineEdit, "surfaceConditionEdit"), "20")
    qtbot.waitUntil(lambda: surfaces.drawn, timeout=10_000)
    assert len(surfaces.plot.lines.getData()[0]) != before  # the 20 bowl's, not the 37's


def test_the_presets_contours_are_traced_ahead_so_a_preset_shows_them_at_once(qtbot, surfaces):
    from nnsim.ui.surfaces.surface_plot import drawing_for

    qtbot.waitUntil(lambda: all(drawing_for(p.make_surface()).complete for p in PRESETS),
                    timeout=20_000)  # fmt: skip
    choose(surfaces.findChild(QComboBox, "surfacesPresetCombo"), "Adam on Rosenbrock")
    assert not surfaces.plot.contours_ready
    surfaces.plot.work()  # its shade, in a turn of its own
    surfaces.plot.work()  # its (kept) contour lines
    assert surfaces.plot.contours_ready and surfaces.plot.contour_levels_drawn == 18


def test_a_preset_shows_every_racers_settings_and_an_edit_keeps_the_others(qtbot, surfaces):
    decay = next(p for p in PRESETS if p.title == "decay: fast then fine")
    choose(surfaces.findChild(QComboBox, "surfacesPresetCombo"), decay.title)
    assert surfaces.specs == list(decay.racers) and surfaces.race.specs == decay.racers
    assert surfaces.findChild(QComboBox, "surfaceScheduleCombo_2").currentData() == "exponential"
    assert surfaces.findChild(QLineEdit, "surfaceSchedule2_gamma").text() == "0.98"
    assert surfaces.findChild(QLineEdit, "surfaceHp1_lr").text() == "0.01"
    type_into(surfaces.findChild(QLineEdit, "surfaceHp0_lr"), "0.05")
    assert surfaces.specs[0].lr == 0.05 and surfaces.specs[1:] == list(decay.racers[1:])
    qtbot.waitUntil(lambda: surfaces.drawn)
    assert len(surfaces.loss_plot.curves) == 3 and len(surfaces.plot.paths) == 3
