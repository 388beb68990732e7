"""The step along the gradient: a tab beside the loss, fed only while shown; the lecture's."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtWidgets import QTabWidget, QWidget

from nnsim.testing.helpers import wait_for
from nnsim.training.experiment import Experiment
from nnsim.training.lecture import LectureSession
from nnsim.training.step_line import StepLineProbe
from nnsim.training.trainer import Trainer
from nnsim.ui.lecture import LectureView
from nnsim.ui.plots.step_line import LECTURE_WAITING, WAITING, StepLinePanel
from tests.training.test_step_line import RICH, experiment, trained


def too_high_line():
    trainer = trained(100, training__optimizer={"name": "sgd", "lr": 0.3})
    trainer.set_learning_rate(3.0)
    return StepLineProbe().next_step(trainer)


@pytest.fixture
def panel(qtbot):
    panel = StepLinePanel()
    qtbot.addWidget(panel)
    panel.resize(600, 380)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def test_the_panel_marks_where_the_rate_lands_the_best_step_and_the_model(panel):
    assert panel.objectName() == "stepLinePanel"
    assert panel.findChild(QWidget, "stepLinePlot") is panel.graphics
    assert panel.verdict.text() == WAITING
    line = too_high_line()
    panel.show_line(line)
    x, y = panel.batch_curve.getData()
    assert np.array_equal(x, line.etas) and np.array_equal(y, line.batch_loss)
    assert np.array_equal(panel.train_curve.getData()[1], line.train_loss)
    assert np.allclose(panel.model_curve.getData()[1], line.quadratic)
    assert panel.chosen_line.isVisible() and panel.chosen_line.value() == 3.0
    assert panel.chosen_line.label.toPlainText() == "η = 3"
    i = line.chosen_index
    xs, ys = panel.chosen_points.getData()
    assert list(xs) == [3.0, 3.0] and list(ys) == [line.batch_loss[i], line.train_loss[i]]
    bx, _ = panel.best_points.getData()
    assert list(bx) == [line.best(line.batch_loss)[1], line.best()[1]]
    text = panel.verdict.text()
    assert "η = 3 lands past the minimum along the gradient (best η ≈" in text
    assert "the step skips over it" in text
    assert f"batch {line.batch_loss[0]:.3g} → {line.batch_loss[i]:.3g}" in panel.readout.text()
    assert not panel.update_curve.isVisible()  # plain SGD: the update is the gradient line


def test_the_y_range_keeps_the_valley_and_the_landing_in_view(panel):
    line = too_high_line()
    panel.show_line(line)
    (x0, x1), (y0, y1) = panel.plot.vb.viewRange()
    i = line.chosen_index
    assert x0 <= 0 and x1 >= line.lr
    for value in (line.batch_loss[i], line.train_loss[i], line.batch_loss.min()):
        assert y0 <= value <= y1


def test_a_blown_up_line_is_drawn_without_an_error_and_says_so(panel):
    from nnsim.training.step_line import StepLine, line_etas

    etas = line_etas(10.0)
    losses = np.full(len(etas), np.inf)
    panel.show_line(StepLine(3, 10.0, etas, losses, losses, np.inf, np.nan, np.inf))
    assert "not finite" in panel.verdict.text()
    assert not np.isfinite(panel.batch_curve.getData()[1]).any()


def test_another_optimizer_also_shows_its_actual_update(panel):
    line = StepLineProbe().next_step(trained(**RICH))
    panel.show_line(line)
    assert panel.update_curve.isVisible()
    assert np.array_equal(panel.update_curve.getData()[1], line.update_train_loss)
    names = [label.text for _, label in panel.plot.legend.items]
    assert "Adam's update" in names
    assert "Adam steps" in panel.verdict.text()
    panel.show_line(StepLineProbe().next_step(trained()))
    assert not panel.update_curve.isVisible()
    assert "Adam's update" not in [label.text for _, label in panel.plot.legend.items]


def test_log_eta_puts_the_marks_on_the_log_axis(panel):
    line = too_high_line()
    panel.show_line(line)
    panel.log_toggle.setChecked(True)
    assert panel.chosen_line.value() == pytest.approx(np.log10(3.0))
    x0, x1 = panel.plot.vb.viewRange()[0]
    assert x0 < np.log10(line.etas[1]) + 0.1 and x1 >= np.log10(3.0)
    panel.log_toggle.setChecked(False)
    assert panel.chosen_line.value() == 3.0


def test_hovering_reads_the_values_at_that_step_size(panel, qtbot):
    line = too_high_line()
    panel.show_line(line)
    assert panel.readout_text(line.etas[5]).startswith(f"η {line.etas[5]:.3g} · batch ")


# -- in the window -------------------------------------------------------------------------------
def test_the_tab_sits_beside_the_loss_which_stays_the_default(window):
    tabs = window.findChild(QTabWidget, "lossTabs")
    assert tabs is not None and tabs.count() == 2
    assert tabs.currentWidget() is window.loss_panel
    assert tabs.widget(1) is window.findChild(QWidget, "stepLinePanel")
    assert window.findChild(QWidget, "stepLinePlot") is not None


def test_the_line_is_measured_only_while_its_tab_is_shown(window, qtbot):
    tabs = window.findChild(QTabWidget, "lossTabs")
    window.step()
    wait_for(lambda: window.last_snapshot.step == 1, 10, lambda: "no step")
    assert window.last_snapshot.step_line is None  # hidden: nothing computed
    tabs.setCurrentIndex(1)
    panel = window.step_line_panel
    qtbot.waitUntil(lambda: panel.line is not None and panel.line.step == 2, timeout=10000)
    assert "η = 0.03" in panel.verdict.text() and len(panel.batch_curve.getData()[0]) > 40
    line = panel.line
    window.step()  # the step the line was of: its loss is where the line starts
    qtbot.waitUntil(lambda: window.last_snapshot.step == 2, timeout=10000)
    assert window.last_snapshot.batch_loss == pytest.approx(line.batch_loss[0], abs=1e-12)
    qtbot.waitUntil(lambda: panel.line.step == 3, timeout=10000)  # and the next one's line
    tabs.setCurrentIndex(0)
    window.step()
    qtbot.waitUntil(lambda: window.last_snapshot.step == 3, timeout=10000)
    assert window.last_snapshot.step_line is None


def test_while_training_the_tab_follows_a_few_times_a_second(window, qtbot):
    window.findChild(QTabWidget, "lossTabs").setCurrentIndex(1)
    panel = window.step_line_panel
    window.play()
    seen: set[int] = set()

    def several() -> bool:
        if panel.line is not None:
            seen.add(panel.line.step)
        return len(seen) >= 3

    qtbot.waitUntil(several, timeout=20000)
    window.pause()


# -- in the lecture --------------------------------------------------------------------------------
def test_the_lecture_draws_the_line_exactly_at_each_update(qtbot):
    session = LectureSession(Trainer(Experiment.default()))
    view = LectureView(session)
    qtbot.addWidget(view)
    view.resize(1400, 900)
    view.show()
    panel = view.findChild(StepLinePanel, "lectureStepLinePanel")
    assert panel is view.step_line.panel and view.tabs.indexOf(panel) >= 0
    view.next_phase()
    assert panel.line is None and panel.verdict.text() == LECTURE_WAITING
    for step in (1, 2):
        view.run_to_end_of_step()
        assert session.at_update and panel.line is not None and panel.line.step == step
        result = session.current.result
        assert panel.line.batch_loss[0] == pytest.approx(result.loss + result.reg_loss, abs=1e-12)
        after = session.trainer.evaluate().train_loss
        assert panel.line.train_loss[panel.line.chosen_index] == pytest.approx(after, abs=1e-12)
    view.previous_phase()  # back before the Update: the step is undone, so is its line
    assert panel.line is None


def test_the_lecture_line_of_a_batch_norm_dropout_adam_step(qtbot):
    session = LectureSession(Trainer(experiment(**RICH)))
    view = LectureView(session)
    qtbot.addWidget(view)
    view.run_to_end_of_step()
    line = view.step_line.panel.line
    assert line is not None and line.update_train_loss is not None
    after = session.trainer.evaluate().train_loss
    from nnsim.engine import regularization

    reg = session.trainer.experiment.training.regularization
    after += regularization.penalty(session.trainer.network.weights, reg.kind, reg.rate)
    assert line.update_train_loss[line.chosen_index] == pytest.approx(after, abs=1e-12)
