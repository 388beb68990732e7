"""Issue 15 in the window: a refused value, file or save leaves every panel and the trainer as
they were, with a message; the lecture reopens on a network that lost a layer."""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QComboBox, QLineEdit

from nnsim.testing import choose, type_into
from nnsim.training.experiment import Experiment, load_experiment, save_experiment


def test_a_refused_step_size_leaves_later_edits_working(qtbot, window):
    choose(window.findChild(QComboBox, "scheduleCombo"), "step")
    qtbot.waitUntil(lambda: window.experiment().training.schedule.name == "step")
    schedule = window.experiment().training.schedule
    type_into(window.findChild(QLineEdit, "schedule_step_size"), "1e30")
    assert "within ±2**53" in window.status_text()
    assert window.experiment().training.schedule == schedule
    type_into(window.findChild(QLineEdit, "learningRateEdit"), "0.2")
    assert window.experiment().training.optimizer.lr == 0.2
    window.step()
    qtbot.waitUntil(lambda: window.last_snapshot.step == 1)
    assert window.last_snapshot.history["lr"][-1] == 0.2  # the trainer took it too


def test_one_point_data_and_read_only_saves_are_refused_and_said(qtbot, window, tmp_path):
    csv = tmp_path / "one.csv"
    csv.write_text("x1,x2,label\n0.5,0.5,0.3\n")
    before = window.experiment()
    assert not window.import_csv(str(csv))
    assert "data.points: must hold 2..100000 points, got 1" in window.status_text()
    assert window.experiment() == before
    two = Experiment.from_dict(
        {"data": {"dataset": "custom", "points": [[0, 0, 0.5], [1, 1, 0.2]]}}
    )
    window.set_experiment(two)
    window.boundary_view.pointRemoveRequested.emit(0.0, 0.0)  # a right click on a point
    assert window.status_text() == "cannot remove the last training point"
    assert window.experiment() == two
    path = tmp_path / "exp.json"
    save_experiment(Experiment(seed=3), path)
    path.chmod(0o444)
    assert not window.save_to(str(path))
    assert window.status_text() == f"Could not save {path}: the file is read-only"
    assert load_experiment(path).seed == 3


def test_the_lecture_reopens_after_a_layer_is_removed(qtbot, window):
    lecture = window.findChild(QAction, "lectureModeAction")
    lecture.trigger()
    qtbot.waitUntil(lambda: window.lecture_mode.active)
    for _ in range(3):  # Forward L3: the output column of the 2-hidden-layer network
        window.lecture_mode.view.next_phase()
    lecture.trigger()
    qtbot.waitUntil(lambda: not window.lecture_mode.active)
    window.architecture_panel.remove_layer_button.click()
    assert len(window.experiment().network.hidden_layers) == 1
    lecture.trigger()
    qtbot.waitUntil(lambda: window.lecture_mode.active)
    assert lecture.isChecked()
    assert len(window.lecture_mode.view.network_view.nodes) == 3
    lecture.trigger()
    qtbot.waitUntil(lambda: not window.lecture_mode.active)
    assert not lecture.isChecked()


def test_many_points_share_one_brush_per_colour(qtbot):
    """Points of two classes: two symbols rendered, not one per point (100 000 took 80 s)."""
    import numpy as np

    from nnsim.ui.boundary_view import BoundaryView

    view = BoundaryView()
    qtbot.addWidget(view)
    x = np.random.default_rng(0).uniform(-5, 5, (5000, 2))
    view.set_data(x[:3000], (x[:3000, 0] > 0).astype(int), x[3000:], np.zeros(2000, int))
    assert len({id(b) for b in view.train_scatter.data["brush"]}) == 2
    assert len({id(b) for b in view.test_scatter.data["brush"]}) == 1
