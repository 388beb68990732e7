"""View ▸ Compare: the experiment as runs that differ in one setting, trained together from
one Play beside the main window, overlaid in one plot and side by side in a table."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPushButton, QTableWidget

from nnsim.training.grid import GridPredictor
from nnsim.training.trainer import Trainer
from nnsim.training.variations import switched_schedule, with_setting, with_settings
from nnsim.ui.colormap import output_to_rgba
from nnsim.ui.compare import CompareWindow
from nnsim.ui.compare import window as compare_window
from nnsim.ui.compare.window import TABLE_COLUMNS

LEGEND_LR = ["lr 0.0001", "lr 0.01", "lr 0.1", "lr 10"]
OPTIMIZERS = ["sgd", "sgd+momentum", "sgd+nesterov", "adagrad", "rmsprop", "adam", "adamw"]
SCHEDULES = ["constant", "inverse_time", "step", "exponential", "cosine", "one_cycle", "plateau"]
GRID = ["lr 0.01 · sgd", "lr 0.01 · sgd+momentum", "lr 0.01 · adam",
        "lr 0.1 · sgd", "lr 0.1 · sgd+momentum", "lr 0.1 · adam"]  # fmt: skip


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


def headers(compare: CompareWindow) -> list[str]:
    table = compare.findChild(QTableWidget, "compareTable")
    return [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]


def column(compare: CompareWindow, name: str) -> list[str]:
    table = compare.findChild(QTableWidget, "compareTable")
    c = headers(compare).index(name)
    return [table.item(r, c).text() for r in range(table.rowCount())]


def test_ctrl_k_opens_compare_beside_the_window_with_four_learning_rates(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    compare = window.findChild(CompareWindow, "compareWindow")
    assert compare is not None and compare.isVisible() and not compare.isModal()
    lrs = [r.experiment.training.optimizer.lr for r in compare.runs]
    assert lrs == [0.0001, 0.01, 0.1, 10]
    assert legend_names(compare) == LEGEND_LR
    assert column(compare, "learning rate") == ["0.0001", "0.01", "0.1", "10"]
    assert headers(compare) == ["learning rate", *TABLE_COLUMNS]
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
    assert not compare.running  # Enter builds the runs; it does not press Play


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


def test_a_trained_run_goes_on_in_the_main_window_from_where_it_got_to(qtbot, window):
    compare = open_compare(qtbot, window)
    for _ in range(30):
        compare.step()
    expected = compare.group.results[2].weights()
    compare.use_run(2)
    assert "at step 30" in compare.findChild(QLabel, "compareMessage").text()
    qtbot.waitUntil(
        lambda: window.last_snapshot is not None and window.last_snapshot.step == 30, timeout=10000
    )
    snapshot = window.last_snapshot
    assert window.experiment() == compare.runs[2].experiment
    for name, value in expected.items():
        np.testing.assert_allclose(snapshot.weights[name], value, rtol=0, atol=0)
    assert len(snapshot.history["step"]) == 30  # its loss curve came along


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


def make_grid(qtbot, compare: CompareWindow) -> None:
    """Learning rate 0.01, 0.1 × optimizer sgd, sgd+momentum, adam (typed, then Enter)."""
    compare.findChild(QLineEdit, "compareValuesEdit").setText("0.01, 0.1")
    second = compare.findChild(QComboBox, "compareSecondSettingCombo")
    assert second.itemText(0) == "(nothing)" and second.currentIndex() == 0
    second.setCurrentText("Optimizer")
    second_values = compare.findChild(QLineEdit, "compareSecondValuesEdit")
    assert second_values.isEnabled() and second_values.text() == "sgd, adam"  # the default
    second_values.setText("sgd, sgd+momentum, adam")
    qtbot.keyClick(second_values, Qt.Key.Key_Return)


def test_a_second_setting_makes_a_grid_of_every_combination(qtbot, window):
    compare = open_compare(qtbot, window)
    assert not compare.findChild(QLineEdit, "compareSecondValuesEdit").isEnabled()
    make_grid(qtbot, compare)
    assert legend_names(compare) == GRID
    assert [r.label for r in compare.runs] == GRID
    cells = compare.boundaries.layout()
    captions = [cells.itemAt(i).widget().findChildren(QLabel)[-1].text()
                for i in range(cells.count())]  # fmt: skip
    assert captions == GRID
    assert headers(compare) == ["learning rate", "optimizer", *TABLE_COLUMNS]
    assert column(compare, "learning rate") == ["0.01"] * 3 + ["0.1"] * 3
    assert column(compare, "optimizer") == ["sgd", "sgd+momentum", "adam"] * 2
    base = window.experiment()
    expected = [
        with_settings(base, {"training.optimizer.lr": lr, "training.optimizer.name": name, **extra})
        for lr in (0.01, 0.1)
        for name, extra in (("sgd", {}), ("sgd", {"training.optimizer.momentum": 0.9}),
                            ("adam", {}))
    ]  # fmt: skip
    assert [r.experiment for r in compare.runs] == expected
    assert "6 runs differing in learning rate × optimizer" in compare.message.text()
    for _ in range(10):
        compare.step()
    assert [r.last.step for r in compare.group.results] == [10] * 6
    assert all(column(compare, "final test"))
    second = compare.findChild(QComboBox, "compareSecondSettingCombo")
    second.setCurrentText("(nothing)")  # back to one setting
    assert legend_names(compare) == ["lr 0.01", "lr 0.1"]
    assert headers(compare) == ["learning rate", *TABLE_COLUMNS]
    assert not compare.findChild(QLineEdit, "compareSecondValuesEdit").isEnabled()


def test_a_bad_grid_is_explained_and_the_runs_are_kept(qtbot, window):
    compare = open_compare(qtbot, window)
    make_grid(qtbot, compare)
    compare.step()
    runs, group = compare.runs, compare.group
    first = compare.findChild(QLineEdit, "compareValuesEdit")
    second = compare.findChild(QLineEdit, "compareSecondValuesEdit")
    message = compare.findChild(QLabel, "compareMessage")

    def refused(said: str) -> None:
        assert said in message.text() and "previous runs are kept" in message.text()
        assert compare.runs is runs and compare.group is group and compare.steps_done == 1
        assert legend_names(compare) == GRID
        assert headers(compare) == ["learning rate", "optimizer", *TABLE_COLUMNS]

    first.setText("0.0001, 0.001, 0.003, 0.01, 0.03, 0.1")
    qtbot.keyClick(first, Qt.Key.Key_Return)
    refused("learning rate × optimizer: 6 × 3 = 18 runs; at most 16")
    first.setText("0.01, 0.1")
    named = "nope: must be one of sgd, adagrad, rmsprop, adam, adamw, sgd+momentum, sgd+nesterov"
    for bad, said in [("sgd, nope", named), ("adam", "optimizer: 1 value(s)"),
                      ("adam, adam", "optimizer: adam is given twice")]:  # fmt: skip
        second.setText(bad)
        qtbot.keyClick(second, Qt.Key.Key_Return)
        refused(said)
    compare.findChild(QComboBox, "compareSecondSettingCombo").setCurrentText("Learning rate")
    refused("learning rate is both settings")
    compare.findChild(QComboBox, "compareSecondSettingCombo").setCurrentText("Seed")
    assert legend_names(compare) == ["lr 0.01 · seed 0", "lr 0.01 · seed 1",
                                     "lr 0.1 · seed 0", "lr 0.1 · seed 1"]  # fmt: skip
    assert [r.experiment.seed for r in compare.runs] == [0, 1, 0, 1]


def test_sixteen_runs_train_together(qtbot, window):
    compare = open_compare(qtbot, window)
    compare.findChild(QLineEdit, "compareValuesEdit").setText("0.001, 0.01, 0.1, 1")
    compare.findChild(QComboBox, "compareSecondSettingCombo").setCurrentText("Seed")
    second = compare.findChild(QLineEdit, "compareSecondValuesEdit")
    second.setText("0, 1, 2, 3")
    qtbot.keyClick(second, Qt.Key.Key_Return)
    assert len(compare.runs) == 16 and len(compare.boundaries.images) == 16
    for _ in range(10):
        compare.step()
    assert [r.last.step for r in compare.group.results] == [10] * 16
    assert len(set(column(compare, "final train"))) == 16


def test_the_schedule_varies_each_from_its_suggested_values(qtbot, window):
    compare = open_compare(qtbot, window)
    combo = compare.findChild(QComboBox, "compareSettingCombo")
    combo.setCurrentText("Schedule")
    assert compare.findChild(QLineEdit, "compareValuesEdit").text() == ", ".join(SCHEDULES)
    assert legend_names(compare) == SCHEDULES
    assert headers(compare)[0] == "schedule"
    old = window.experiment().training.schedule
    schedules = [r.experiment.training.schedule for r in compare.runs]
    assert schedules == [switched_schedule(old, name) for name in SCHEDULES]
    assert schedules[4].params["T_max"] > 0 and schedules[5].unit == "step"
    assert all(r.experiment.training.optimizer.lr == 0.03 for r in compare.runs)
    for _ in range(12):
        compare.step()
    lrs = [r.last.lr for r in compare.group.results]
    assert lrs[0] == 0.03 and lrs[1] < 0.03  # inverse_time has begun to decay
    runs = compare.runs
    edit = compare.findChild(QLineEdit, "compareValuesEdit")
    edit.setText("constant, warp")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    said = compare.findChild(QLabel, "compareMessage").text()
    assert "warp: must be one of " + ", ".join(SCHEDULES) in said
    assert compare.runs is runs


def test_a_tick_redraws_one_part_of_the_view_in_turn_and_none_while_hidden(
    qtbot, window, monkeypatch
):
    compare = open_compare(qtbot, window)
    drawn: list[str] = []
    for name, part in (("plot", compare.plot), ("boundaries", compare.boundaries)):
        monkeypatch.setattr(part, "show_results", lambda *a, name=name: drawn.append(name))
    table_results = compare.table.show_results
    monkeypatch.setattr(compare.table, "show_results",
                        lambda *a: (drawn.append("table"), table_results(*a)))  # fmt: skip
    monkeypatch.setattr(compare_window, "DRAW_SECONDS", 0.0)  # a redraw is always due
    monkeypatch.setattr(compare_window, "DRAW_SHARE", 1.0)
    slice_seconds = compare_window.SLICE_SECONDS
    monkeypatch.setattr(compare_window, "SLICE_SECONDS", 0.0)  # a part paints a tick later
    compare.tick()
    assert drawn == ["plot"] and not compare.plot.updatesEnabled()  # not painted yet
    compare.tick()
    assert drawn == ["plot"] and compare.plot.updatesEnabled()  # now it paints, alone
    for _ in range(5):
        compare.tick()
    assert drawn == ["plot", "boundaries", "table", "plot"]  # one part a tick, in turns
    assert compare.steps_done == 0  # a tick that draws or lets a part paint does not train
    monkeypatch.setattr(compare_window, "SLICE_SECONDS", slice_seconds)
    compare.pause()  # a pause draws every part, all painted
    assert all(w.updatesEnabled() for w in (compare.plot, compare.boundaries, compare.table))
    compare.showMinimized()
    qtbot.waitUntil(compare.isMinimized)
    drawn.clear()
    for _ in range(50):  # a tick right after other work (a paint, here) leaves it to others
        compare.tick()
        if compare.steps_done > 0:
            break
    assert drawn == [] and compare.steps_done > 0  # minimised: it trains, draws nothing
    compare.showNormal()
    qtbot.waitUntil(lambda: not compare.isMinimized())
    assert drawn[-3:] == ["plot", "boundaries", "table"]  # restored: where the runs got to
    compare.hide()
    drawn.clear()
    compare.tick()
    assert drawn == []


def test_rebuilt_runs_leave_no_old_thumbnail_on_screen(qtbot, window):
    compare = open_compare(qtbot, window)  # four runs
    compare.values_edit.setText("0.01, 0.3")
    assert compare.rebuild()

    def shown() -> list[str]:
        labels = compare.boundaries.findChildren(QLabel)
        return [label.text() for label in labels if label.isVisibleTo(compare) and label.text()]

    qtbot.waitUntil(lambda: "lr 0.3" in shown())  # the new cells appear with the event loop
    assert shown() == ["lr 0.01", "lr 0.3"]  # not the four old captions under the new ones
