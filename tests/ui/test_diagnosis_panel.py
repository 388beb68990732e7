"""The coach's panel (``diagnosisPanel``) lists what the training process found, the markers
on the loss and gradient plots agree with it, and a cure's button opens Compare with the run as
it is beside the cured one (a new run with a ghost where they cannot train together)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton

from nnsim.testing import train_until
from nnsim.training.diagnosis import Cure, Diagnoser, Diagnosis
from nnsim.training.experiment import Experiment
from nnsim.training.trainer import Trainer
from nnsim.training.variations import with_settings
from nnsim.ui.diagnosis_panel import EMPTY_TEXT, DiagnosisPanel

DEAD_RELU = {
    "training.optimizer.lr": 10,
    "network.hidden_layers.0.activation": "relu",
    "network.hidden_layers.1.activation": "relu",
}


def found(settings, steps) -> tuple[Diagnosis, ...]:
    trainer, diagnoser = Trainer(with_settings(Experiment.default(), settings)), Diagnoser()
    for _ in range(steps):
        trainer.step()
        diagnoser.update(trainer)
    return diagnoser.diagnoses


def test_the_panel_lists_the_latest_first_and_a_cure_button_asks_for_the_cure(qtbot):
    panel = DiagnosisPanel()
    qtbot.addWidget(panel)
    panel.show()
    assert panel.objectName() == "diagnosisPanel"
    empty = panel.findChild(QLabel, "diagnosisEmpty")
    assert empty.isVisible() and empty.text() == EMPTY_TEXT
    diagnoses = found({"network.init": "zeros"}, 100) + found(DEAD_RELU, 100)
    panel.show_diagnoses(diagnoses)
    assert not empty.isVisible()
    assert panel.codes() == ["dead_relu", "symmetric_units", "symmetric_units"]
    first = panel.rows[0]
    text = first.findChild(QLabel, "diagnosisText").text()
    assert "dead_relu" in text and "step 100 · layer 2" in text
    assert "2 of 2 units in layer 2 are dead" in text
    assert "dead = 2" in first.label.toolTip()  # every number of the evidence
    button = first.findChild(QPushButton, "cureButton")
    assert button.text() == "Try: leaky ReLU, η 10 → 0.1"
    assert "Compare opens with the two" in button.toolTip()
    with qtbot.waitSignal(panel.cureRequested) as signal:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert signal.args == [diagnoses[-1]]
    rows = list(panel.rows)
    panel.show_diagnoses(diagnoses)  # the same list again: nothing rebuilt
    assert panel.rows == rows
    panel.clear()
    assert panel.codes() == [] and empty.isVisibleTo(panel)


def test_the_window_shows_dead_relus_in_the_panel_and_as_markers_and_cures_them(qtbot, window):
    window.set_experiment(with_settings(Experiment.default(), DEAD_RELU))
    train_until(window, 150)
    qtbot.waitUntil(lambda: window.diagnosis_panel.codes() == ["dead_relu"])
    snapshot = window.last_snapshot
    assert [d.to_dict()["code"] for d in snapshot.diagnoses] == ["dead_relu"]
    for plot in (window.loss_panel, window.gradient_panel):
        lines = plot.diagnosis_markers.lines
        assert [line.value() for line in lines] == [100]
        assert lines[0].label.format == "dead_relu L2"
    before = window.experiment()
    button = window.diagnosis_panel.rows[0].cure_button
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    compare = window.compare_window
    assert compare is not None and compare.isVisible() and compare.running
    assert window.experiment() == before and not window.is_playing  # kept, paused
    assert [run.label for run in compare.runs] == ["as it is", "leaky ReLU, η 10 → 0.1"]
    as_is, cured = (run.experiment for run in compare.runs)
    assert as_is == before
    assert [h.activation for h in cured.network.hidden_layers] == ["leaky_relu"] * 2
    assert cured.training.optimizer.params["lr"] == 0.1
    assert "beside the run as it is" in window.status_text()
    compare.pause()
    while compare.steps_done < 300:
        compare.step()
    steps = compare.steps_done
    dead, healthy = compare.group.results
    assert healthy.last_evaluation.train_loss < 0.8 * dead.last_evaluation.train_loss  # it cures
    compare.use_run(1)  # "Use this run": the cured run becomes the main experiment
    assert [h.activation for h in window.experiment().network.hidden_layers] == ["leaky_relu"] * 2
    qtbot.waitUntil(lambda: window.last_snapshot.step == steps)  # the run's state
    assert window.last_snapshot.diagnoses == ()  # the old run's findings are gone
    train_until(window, steps + 300)  # and it goes on healthy: the coach says nothing
    assert window.last_snapshot.diagnoses == ()


def test_a_cure_that_cannot_train_beside_the_run_becomes_a_new_run_with_a_ghost(
    qtbot, window, monkeypatch
):
    window.set_experiment(with_settings(Experiment.default(), DEAD_RELU))
    train_until(window, 150)
    qtbot.waitUntil(lambda: window.diagnosis_panel.codes() == ["dead_relu"])
    compare = window.open_compare()

    def cannot(*_args, **_kwargs):
        raise ValueError("these runs cannot train together")

    monkeypatch.setattr(compare, "show_runs", cannot)
    window.apply_cure(window.last_snapshot.diagnoses[0])
    assert [h.activation for h in window.experiment().network.hidden_layers] == ["leaky_relu"] * 2
    assert window.loss_panel.ghosts.labels() == ["dead_relu, before leaky ReLU, η 10 → 0.1"]
    assert "old run's test loss stays" in window.status_text()
    qtbot.waitUntil(lambda: window.last_snapshot.step == 0)
    qtbot.waitUntil(lambda: window.diagnosis_panel.codes() == [])
    assert window.loss_panel.diagnosis_markers.lines == []


def test_a_cure_that_no_longer_fits_is_refused_and_nothing_changes(qtbot, window):
    before = window.experiment()
    bad = Cure("η × 1000", (("training.optimizer.lr", 1000.0),))
    window.apply_cure(Diagnosis("too_slow", 1000, None, {"ratio": 1e-6}, bad))
    assert window.experiment() == before
    assert window.status_text().startswith("Cannot apply “η × 1000” to this experiment")
    assert window.loss_panel.ghosts.labels() == []
