"""The main window driven as a learner would: buttons, keys, fields, files."""

from __future__ import annotations

import dataclasses
import os

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QComboBox, QLabel, QLineEdit, QSlider, QSpinBox

from nnsim.training.experiment import Experiment, LayerSpec, load_experiment
from nnsim.ui.training_process import BLAS_THREADS, starting_a_training_process


def child(window, cls, name):
    widget = window.findChild(cls, name)
    assert widget is not None, f"no {cls.__name__} named {name!r}"
    return widget


def choose(combo: QComboBox, text: str) -> None:
    """Pick an entry as a user would (the click's ``activated`` after the index change)."""
    index = combo.findText(text, Qt.MatchFlag.MatchContains)
    assert index >= 0, f"{text!r} not in {combo.objectName()}"
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


def steps(window) -> int:
    return window.last_snapshot.step


def test_play_trains_and_pause_stops(qtbot, window):
    qtbot.mouseClick(child(window, QAbstractButton, "playButton"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: steps(window) > 50, timeout=10000)
    qtbot.mouseClick(child(window, QAbstractButton, "playButton"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.last_snapshot.running, timeout=5000)
    frozen = steps(window)
    qtbot.wait(200)
    assert steps(window) == frozen
    qtbot.waitUntil(lambda: child(window, QLabel, "stepLabel").text() == f"Step {frozen:,}")


def test_space_key_toggles_training(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: steps(window) > 10, timeout=10000)
    qtbot.keyClick(window, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: not window.last_snapshot.running, timeout=5000)
    assert not window.is_playing


def test_step_trains_exactly_one_batch(qtbot, window):
    qtbot.mouseClick(child(window, QAbstractButton, "stepButton"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: steps(window) == 1)
    qtbot.keyClick(window, Qt.Key.Key_Right)
    qtbot.waitUntil(lambda: steps(window) == 2)
    qtbot.wait(100)
    assert steps(window) == 2


def test_reset_goes_back_to_step_zero_and_initial_weights(qtbot, window):
    initial = window.last_snapshot.weights
    for _ in range(5):
        window.step()
    qtbot.waitUntil(lambda: steps(window) == 5)
    assert not np.array_equal(window.last_snapshot.weights["W1"], initial["W1"])
    qtbot.mouseClick(child(window, QAbstractButton, "resetButton"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: steps(window) == 0)
    for name, value in initial.items():
        assert np.array_equal(window.last_snapshot.weights[name], value)


def test_learning_rate_change_mid_run_takes_effect_on_the_next_step(qtbot, window):
    window.play()
    qtbot.waitUntil(lambda: steps(window) > 20, timeout=10000)
    edit = child(window, QLineEdit, "learningRateEdit")
    edit.selectAll()
    qtbot.keyClicks(edit, "0.3")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert window.experiment().training.optimizer.params["lr"] == 0.3
    qtbot.waitUntil(lambda: window.last_snapshot.last.lr == 0.3, timeout=10000)
    assert steps(window) > 20  # no reset
    assert any("0.3" in text for _, text in window.last_snapshot.markers)
    window.pause()


def test_bad_learning_rate_is_refused_with_a_visible_message(qtbot, window):
    edit = child(window, QLineEdit, "learningRateEdit")
    for junk in ("abc", "-1", "1e9", "nan"):
        edit.selectAll()
        qtbot.keyClicks(edit, junk)
        qtbot.keyClick(edit, Qt.Key.Key_Return)
        assert window.experiment().training.optimizer.params["lr"] == 0.03
        assert float(edit.text()) == 0.03


def test_controls_change_the_experiment(qtbot, window):
    choose(child(window, QComboBox, "datasetCombo"), "Spiral")
    qtbot.waitUntil(lambda: window.experiment().data.dataset == "spiral")
    choose(child(window, QComboBox, "optimizerCombo"), "Adam")
    qtbot.waitUntil(lambda: window.experiment().training.optimizer.name == "adam")
    spin = child(window, QSpinBox, "batchSizeSpin")
    spin.setValue(25)
    qtbot.waitUntil(lambda: window.experiment().training.batch_size == 25)
    slider = child(window, QSlider, "noiseSlider")
    slider.setValue(30)
    slider.sliderReleased.emit()
    qtbot.waitUntil(lambda: abs(window.experiment().data.noise - 0.3) < 1e-9)
    choose(child(window, QComboBox, "activationCombo_1"), "relu")
    qtbot.waitUntil(lambda: window.experiment().network.hidden_layers[0].activation == "relu")
    choose(child(window, QComboBox, "scheduleCombo"), "xponential")
    qtbot.waitUntil(lambda: window.experiment().training.schedule.name == "exponential")


def test_architecture_edits_rebuild_the_network_and_diagram(qtbot, window):
    add = child(window, QAbstractButton, "addLayerButton")
    qtbot.mouseClick(add, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(window.experiment().network.hidden_layers) == 3)
    child(window, QSpinBox, "unitsSpin_1").setValue(6)
    qtbot.waitUntil(lambda: window.experiment().network.hidden_layers[0].units == 6)
    qtbot.waitUntil(lambda: window.last_snapshot.weights["W1"].shape == (6, 2), timeout=5000)
    assert (
        window.network_view.node_count()
        == 2 + 6 + 2 + window.experiment().network.hidden_layers[2].units + 1
    )
    qtbot.mouseClick(child(window, QAbstractButton, "removeLayerButton"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(window.experiment().network.hidden_layers) == 2)


def test_diverging_run_explains_and_offers_a_lower_learning_rate(qtbot, make_window):
    d = Experiment.default().to_dict()
    d["data"]["dataset"] = "plane"
    d["network"]["hidden_layers"] = [{"units": 8, "activation": "relu"}] * 3
    d["training"]["optimizer"]["lr"] = 50.0
    window = make_window(Experiment.from_dict(d))
    window.play()
    qtbot.waitUntil(lambda: window.last_snapshot.diverged is not None, timeout=10000)
    qtbot.waitUntil(lambda: window.banner.isVisible())
    assert "too high" in child(window, QLabel, "statusMessage").text()
    assert "learning rate 50" in child(window, QLabel, "divergenceLabel").text()
    qtbot.mouseClick(child(window, QAbstractButton, "lowerLrButton"), Qt.MouseButton.LeftButton)
    assert window.experiment().training.optimizer.params["lr"] == 5.0
    qtbot.waitUntil(lambda: steps(window) == 0 and window.last_snapshot.diverged is None)
    assert not window.banner.isVisible()


def test_closing_while_training_stops_the_thread_cleanly(qtbot, make_window):
    window = make_window()
    window.play()
    qtbot.waitUntil(lambda: steps(window) > 10, timeout=10000)
    window.close()
    assert not window.worker.is_running()
    assert window.worker._process is None


def test_save_and_open_round_trip(qtbot, window, tmp_path):
    window.architecture_panel.findChild(QAbstractButton, "addLayerButton").click()
    qtbot.waitUntil(lambda: len(window.experiment().network.hidden_layers) == 3)
    path = tmp_path / "mine.json"
    assert window.save_to(str(path))
    assert load_experiment(path) == window.experiment()
    assert "•" not in window.windowTitle()
    window.set_experiment(Experiment.default())
    assert window.open_file(str(path))
    assert window.experiment() == load_experiment(path)


def test_opening_a_bad_file_keeps_the_current_experiment(qtbot, window, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"data": {"dataset": "nope"}}')
    before = window.experiment()
    assert not window.open_file(str(bad))
    assert window.experiment() == before
    assert "data.dataset" in window.status_text()


def test_clicking_the_boundary_view_adds_and_removes_points(qtbot, window):
    n = len(window.last_snapshot.experiment.data.features)
    assert n == 2
    window.boundary_view.pointAdded.emit(1.0, 1.0, False)
    exp = window.experiment()
    assert exp.data.dataset == "custom"
    assert (len(exp.data.points), len(exp.data.test_points)) == (251, 250)
    assert exp.data.points[-1][:2] == (1.0, 1.0)
    window.boundary_view.pointRemoveRequested.emit(1.0, 1.0)
    data = window.experiment().data
    assert (len(data.points), len(data.test_points)) == (250, 250)


def test_experiment_from_constructor(qtbot, make_window):
    exp = dataclasses.replace(
        Experiment.default(),
        network=dataclasses.replace(
            Experiment.default().network, hidden_layers=(LayerSpec(8, "sigmoid"),) * 10
        ),
    )
    window = make_window(exp)
    assert window.experiment() == exp
    window.step()
    qtbot.waitUntil(lambda: steps(window) == 1)
    norms = window.last_snapshot.grad_norms
    assert len(norms) == 11 and norms[0] < norms[-1] / 100


@pytest.mark.skipif(not os.path.exists("/proc/self/maps"), reason="reads /proc/<pid>/maps")
def test_the_training_process_loads_no_qt(window):
    """The child needs NumPy and the training code only: Qt's libraries in it would mean it
    imported the window's package first (70 ms before every window's first snapshot)."""
    with open(f"/proc/{window.worker.pid}/maps", encoding="utf-8") as maps:
        mapped = maps.read()
    assert "numpy" in mapped  # the maps of the right process, read while it trains
    assert "shiboken6" not in mapped.lower()  # PySide6's first import loads it


@pytest.mark.skipif(not os.path.exists("/proc/self/environ"), reason="reads /proc/<pid>/environ")
def test_the_training_process_runs_blas_on_one_thread(window):
    """On two cores the other one draws the window: a second BLAS thread in the training
    process would wait for it at every product (bench_ui's deep row: 4-8x slower)."""
    if any(name in os.environ for name in (*BLAS_THREADS, "OMP_NUM_THREADS")):
        pytest.skip("this session chose its own BLAS threads, which the child keeps")
    with open(f"/proc/{window.worker.pid}/environ", "rb") as environ:
        variables = dict(v.split(b"=", 1) for v in environ.read().split(b"\0") if b"=" in v)
    assert variables[b"OPENBLAS_NUM_THREADS"] == b"1"
    assert "OPENBLAS_NUM_THREADS" not in os.environ  # the window's own is left as it was


def test_a_users_blas_threads_are_kept_for_the_training_process(monkeypatch):
    monkeypatch.delenv("OPENBLAS_NUM_THREADS", raising=False)
    monkeypatch.delenv("MKL_NUM_THREADS", raising=False)
    monkeypatch.delenv("OMP_NUM_THREADS", raising=False)
    with starting_a_training_process():
        assert {n: os.environ.get(n) for n in BLAS_THREADS} == BLAS_THREADS
    assert not any(name in os.environ for name in BLAS_THREADS)
    monkeypatch.setenv("OMP_NUM_THREADS", "2")
    with starting_a_training_process():
        assert not any(name in os.environ for name in BLAS_THREADS)
    assert os.environ["OMP_NUM_THREADS"] == "2"
