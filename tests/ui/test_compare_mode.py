"""View ▸ Compare: the experiment as runs that differ in one setting, trained together from
one Play beside the main window, overlaid in one plot and side by side in a table."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPushButton, QTableWidget

from nnsim.training.grid import GridPredictor
from nnsim.training.trainer import Trainer
from nnsim.training.variations import with_setting
from nnsim.ui.colormap import output_to_rgba
from nnsim.ui.compare import CompareWindow
from nnsim.ui.compare.window import TABLE_COLUMNS

LEGEND_LR = ["lr 0.0001", "lr 0.01", "lr 0.1", "lr 10"]
OPTIMIZERS = ["sgd", "sgd+momentum", "sgd+nesterov", "adagrad", "rmsprop", "adam", "adamw"]


def open_compare(qtbot, window) -> CompareWindow:
    action = window.findChild(QAction, "compareAction")
    assert action is not None and action.shortcut().toString() == "Ctrl+K"
    assert action in window.view_menu.actions()
    action.trigger()
    compare = window.findChild(CompareWindow, "compareWindow")
    assert compare is not None and compare.isVisible() and not compare.isModal()
    return compare


def legend_names(compare: CompareWindow) -> list[str]:
    return [label.text for _, label in compare.plot.legend.items]


def column(compare: CompareWindow, name: str) -> list[str]:
    table = compare.findChild(QTableWidget, "compareTable")
    c = TABLE_COLUMNS.index(name)
    return [table.item(r, c).text() for r in range(table.rowCount())]


def test_ctrl_k_opens_compare_beside_the_window_with_four_learning_rates(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    compare = window.findChild(CompareWindow, "compareWindow")
    assert compare is not None and compare.isVisible() and not compare.isModal()
    lrs = [r.experiment.training.optimizer.lr for r in compare.runs]
    assert lrs == [0.0001, 0.01, 0.1, 10]
    assert legend_names(compare) == LEGEND_LR
    assert column(compare, "value") == ["0.0001", "0.01", "0.1", "10"]
    assert open_compare(qtbot, window) is compare  # the action shows the same window again
    assert window.experiment().training.optimizer.lr == 0.03  # the main one is untouched


def test_play_trains_every_run_to_the_same_step(qtbot, window):
    compare = open_compare(qtbot, window)
    play = compare.findChild(QPushButton, "comparePlayButton")
    play.click()
    assert compare.running and play.text() == "Pause"
    qtbot.waitUntil(lambda: compare.steps_done >= 60, timeout=20_000)
    play.click()
    assert not compare.running and play.text() == "Play"
    done = compare.steps_done
    assert [r.last.step for r in compare.group.results] == [done] * 4
    label = compare.findChild(QLabel, "compareStepLabel")
    assert label.text() == f"step {done}"
    compare.findChild(QPushButton, "compareStepButton").click()
    assert [r.last.step for r in compare.group.results] == [done + 1] * 4
    assert all(curve.getData()[0] is not None and len(curve.getData()[0]) >= 6
               for curve in compare.plot.test_curves)  # fmt: skip
    assert all(cell for cell in column(compare, "final test"))


def test_the_lr_10_run_diverges_alone_and_the_table_says_when(qtbot, window):
    window.model.replace(with_setting(window.experiment(), "data.dataset", "plane"))
    compare = open_compare(qtbot, window)
    compare.play()
    qtbot.waitUntil(lambda: compare.group.results[3].diverged is not None, timeout=30_000)
    qtbot.waitUntil(lambda: compare.steps_done >= compare.group.results[3].last.step + 20,
                    timeout=30_000)  # fmt: skip
    compare.pause()
    diverged_at = compare.group.results[3].last.step
    assert [r.diverged for r in compare.group.results[:3]] == [None] * 3
    assert [r.last.step for r in compare.group.results[:3]] == [compare.steps_done] * 3
    assert column(compare, "diverged at") == ["", "", "", str(diverged_at)]
    assert "learning rate 10 is too high" in column(compare, "what happened")[3]
    x, _ = compare.plot.marks[3].getData()
    assert list(x) == [diverged_at]  # the cross at its last step
    assert all(m.getData()[0] is None or len(m.getData()[0]) == 0 for m in compare.plot.marks[:3])


def test_the_threshold_column_gives_the_first_step_below_it(qtbot, window):
    compare = open_compare(qtbot, window)
    for _ in range(300):
        compare.step()
    threshold = compare.findChild(QLineEdit, "compareThresholdEdit")
    assert threshold.text() == "0.2"
    results = compare.group.results

    def expected(level: float) -> list[str]:
        cells = []
        for r in results:
            steps, test = r.evaluations.column("step"), r.evaluations.column("test_loss")
            below = [int(s) for s, t in zip(steps, test, strict=True) if t < level]
            cells.append(str(below[0]) if below else "")
        return cells

    assert column(compare, "test < threshold at") == expected(0.2)
    level = float(results[2].evaluations.column("test_loss")[5])  # lr 0.1 gets there
    threshold.setText(f"{level * 1.0001:.6g}")
    threshold.editingFinished.emit()
    cells = column(compare, "test < threshold at")
    assert cells == expected(float(f"{level * 1.0001:.6g}")) and cells[2] != ""
    threshold.setText("minus one")
    threshold.editingFinished.emit()
    assert "threshold" in compare.findChild(QLabel, "compareMessage").text()
    assert column(compare, "test < threshold at") == cells and threshold.text() != "minus one"


def test_choosing_the_optimizer_gives_seven_named_runs(qtbot, window):
    compare = open_compare(qtbot, window)
    combo = compare.findChild(QComboBox, "compareSettingCombo")
    combo.setCurrentText("Optimizer")
    assert compare.findChild(QLineEdit, "compareValuesEdit").text() == ", ".join(OPTIMIZERS)
    assert legend_names(compare) == OPTIMIZERS
    optimizers = [r.experiment.training.optimizer for r in compare.runs]
    assert [o.name for o in optimizers] == ["sgd"] * 3 + OPTIMIZERS[3:]
    assert optimizers[1].params["momentum"] == 0.9 and not optimizers[1].params.get("nesterov")
    assert optimizers[2].params["nesterov"] is True
    assert all(o.lr == 0.03 for o in optimizers)  # the learning rate is kept
    compare.step()
    assert [r.last.step for r in compare.group.results] == [1] * 7


def test_a_bad_value_is_explained_and_the_runs_are_kept(qtbot, window):
    compare = open_compare(qtbot, window)
    compare.step()
    runs, group = compare.runs, compare.group
    edit = compare.findChild(QLineEdit, "compareValuesEdit")
    message = compare.findChild(QLabel, "compareMessage")
    bad_values = [
        ("0.01, fast", "fast: must be a number"),
        ("0.1", "give 2 to 8"),
        ("0.1, 0.1", "0.1 is given twice"),
        (",".join(["0.1"] * 9), "give 2 to 8"),
    ]
    for bad, said in bad_values:
        edit.setText(bad)
        qtbot.keyClick(edit, Qt.Key.Key_Return)
        assert said in message.text() and "previous runs are kept" in message.text()
        assert compare.runs is runs and compare.group is group
        assert legend_names(compare) == LEGEND_LR
    edit.setText("0.01, 0.3")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert legend_names(compare) == ["lr 0.01", "lr 0.3"] and compare.steps_done == 0


def test_use_this_run_makes_it_the_main_experiment(qtbot, window):
    compare = open_compare(qtbot, window)
    table = compare.findChild(QTableWidget, "compareTable")
    use = compare.findChild(QPushButton, "compareUseButton")
    assert not use.isEnabled()
    table.selectRow(2)
    assert use.isEnabled()
    use.click()
    assert window.experiment().training.optimizer.lr == 0.1
    assert "lr 0.1" in compare.findChild(QLabel, "compareMessage").text()
    table.cellDoubleClicked.emit(1, 0)
    assert window.experiment().training.optimizer.lr == 0.01
    assert window.experiment() == compare.runs[1].experiment


def test_each_run_shows_its_own_decision_boundary(qtbot, window):
    compare = open_compare(qtbot, window)
    for _ in range(40):
        compare.step()
    thumbnails = compare.boundaries.images
    assert [t.objectName() for t in thumbnails] == [f"compareBoundary_{i}" for i in range(4)]
    assert all(not t.pixmap().isNull() for t in thumbnails)
    predictor = GridPredictor(window.experiment().data.features, 40)
    for run, rgba in zip(compare.runs, compare.boundaries.rgba, strict=True):
        alone = Trainer(run.experiment)  # the same run trained on its own
        alone.run(40)
        data = alone.data
        expected = output_to_rgba(predictor.output(alone.network), data.kind, data.num_classes)
        assert np.abs(rgba.astype(int) - expected.astype(int)).max() <= 1
    assert not np.array_equal(compare.boundaries.rgba[0], compare.boundaries.rgba[2])


def test_every_setting_builds_its_runs_from_the_experiment(qtbot, window):
    compare = open_compare(qtbot, window)
    combo = compare.findChild(QComboBox, "compareSettingCombo")
    built = {}
    for title in ["Batch size", "Initialiser", "Activation (all hidden layers)", "Seed"]:
        combo.setCurrentText(title)
        built[title] = [r.experiment for r in compare.runs]
        assert legend_names(compare) == [r.label for r in compare.runs]
    assert [e.training.batch_size for e in built["Batch size"]] == [1, 10, 50, "all"]
    assert [e.network.init for e in built["Initialiser"]] == [
        "zeros", "article", "xavier_uniform", "he_normal"
    ]  # fmt: skip
    activations = [e.layer_activations()[:-1] for e in built["Activation (all hidden layers)"]]
    assert activations == [(a, a) for a in ("tanh", "relu", "sigmoid", "linear")]
    assert [e.seed for e in built["Seed"]] == [0, 1, 2, 3]
    assert legend_names(compare) == ["seed 0", "seed 1", "seed 2", "seed 3"]


def test_reopening_keeps_the_runs_unless_the_experiment_changed(qtbot, window):
    compare = open_compare(qtbot, window)
    compare.step()
    group = compare.group
    compare.close()
    assert open_compare(qtbot, window).group is group and compare.steps_done == 1
    compare.close()
    window.model.set_optimizer_param("lr", 0.5)  # lr is varied: the others follow the main
    window.model.replace(with_setting(window.experiment(), "data.noise", 0.3))
    assert open_compare(qtbot, window).group is not group and compare.steps_done == 0
    assert all(r.experiment.data.noise == 0.3 for r in compare.runs)
