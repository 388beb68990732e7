"""The Compare, Surfaces and Loss landscape windows in Simplified Chinese (issue 13): no
English left in any state a learner sees, and a switch of language while they are open.

Left English here on purpose, and so passed to ``english_texts`` as ``ignore``: the values
a run is made from (``sgd+momentum``, ``xavier_uniform``: what the learner types, as the
legend and the table show them), and a cited author and journal. Nothing else: a run's
divergence, the presets, the racers' labels and regimes and why a path stopped are the
training layer's Sentences, shown translated.
"""

from __future__ import annotations

from nnsim.engine.surfaces import SURFACES
from nnsim.testing import choose, type_into
from nnsim.testing.untranslated import english_texts, english_words
from nnsim.training.experiment import Experiment
from nnsim.training.landscape import TrajectoryRecorder
from nnsim.training.snapshot import take_snapshot
from nnsim.training.surface_race import PRESETS, RacerSpec, preset
from nnsim.training.trainer import Trainer
from nnsim.training.variations import with_setting
from nnsim.ui.compare import CompareWindow
from nnsim.ui.compare.runs import SETTINGS
from nnsim.ui.compare.table import CompareTable
from nnsim.ui.compare.vary import VaryRows
from nnsim.ui.i18n import switch_language, tr
from nnsim.ui.landscape import LandscapeWindow
from nnsim.ui.surfaces import SurfacesWindow
from nnsim.ui.surfaces.choosers import SURFACE_TEXTS


def plane() -> Experiment:
    return with_setting(Experiment.default(), "data.dataset", "plane")


def compare_window(qtbot) -> CompareWindow:
    compare = CompareWindow(plane, lambda _e, _s: None)
    qtbot.addWidget(compare)
    compare.show_beside()
    return compare


def run_values(compare: CompareWindow) -> list[str]:
    """What the runs are made from (values typed or offered, their legend labels), longest
    first."""
    values = [t for r in compare.runs for t in r.texts] + [r.label for r in compare.runs]
    values += [v for s, _ in compare.vary.varied() for v in s.defaults]
    return sorted(set(values), key=len, reverse=True)


def compare_english(compare: CompareWindow) -> list[tuple[str, str]]:
    found = []
    for tab in range(compare.plot.count()):  # every tab of the curves on screen once
        if compare.plot.isTabEnabled(tab):
            compare.plot.setCurrentIndex(tab)
            found += english_texts(compare, run_values(compare))
    compare.plot.setCurrentIndex(0)
    return found


def test_the_compare_window_reads_in_chinese_in_every_state(qtbot, nnsim_language):
    nnsim_language("zh_CN")
    compare = compare_window(qtbot)
    assert compare.windowTitle() == tr("Compare runs") != "Compare runs"
    assert compare_english(compare) == []  # built, not trained

    while compare.group.results[3].diverged is None:  # lr 10 on the plane blows up
        compare.group.step()
    compare.step()  # and the view shows it
    assert compare.table.item(0, 1).text()  # the table is filled
    assert compare.plot.loss.mark_texts[3].isVisible()  # the diverged run's cross, named
    assert compare_english(compare) == []
    compare.play()
    assert compare.play_button.text() == tr("Pause") != "Pause"
    assert english_texts(compare, run_values(compare)) == []
    compare.pause()

    choose(compare.setting_combo, "Optimizer")  # the optimizer: seven named runs
    assert len(compare.runs) == len(SETTINGS[1].defaults)
    compare.step()
    assert compare_english(compare) == []
    type_into(compare.values_edit, "sgd+momentum, adam")
    choose(compare.second_combo, "Learning rate")  # and the learning rate: a grid
    assert len(compare.runs) == 4
    compare.step()
    assert compare_english(compare) == []

    type_into(compare.values_edit, "sgd, sgd")  # refused: a message, the runs kept
    assert compare.message.text() and compare_english(compare) == []
    compare.threshold_edit.setText("-1")
    compare.threshold_edit.editingFinished.emit()
    assert compare_english(compare) == []
    compare.table.selectRow(0)
    compare.use_run(0)
    assert compare_english(compare) == []


def test_every_compare_setting_its_hints_and_its_column_are_chinese(qtbot, nnsim_language):
    nnsim_language("zh_CN")
    vary, table = VaryRows(), CompareTable()
    qtbot.addWidget(vary)
    qtbot.addWidget(table)
    vary.show()
    table.show()
    for setting in SETTINGS:
        choose(vary.setting_combo, setting.title)
        vary.second_combo.setCurrentIndex(0 if setting is SETTINGS[0] else 1)
        table.set_runs([s for s, _ in vary.varied()], [])
        values = sorted((v for s, _ in vary.varied() for v in s.defaults), key=len, reverse=True)
        assert english_texts(vary, values) == [] and english_texts(table) == [], setting.title
        assert table.horizontalHeaderItem(0).text() == tr(setting.name) != setting.name
    vary.show_own("cure for dead_relu")  # a diagnosis's cure beside the run as it is
    assert english_texts(vary, ["cure for dead_relu"]) == []


CITED = ["Goh", "Distill"]  # the regime picture's source: an author and a journal


def surfaces_english(window: SurfacesWindow) -> list[tuple[str, str]]:
    return english_texts(window, CITED)


def test_every_surface_title_and_formula_with_words_is_marked_for_translation():
    for cls in SURFACES.values():
        for text in (cls.title, cls.formula):
            assert text in SURFACE_TEXTS or not english_words(text), text


def test_the_surfaces_window_reads_in_chinese_with_every_preset(qtbot, nnsim_language):
    nnsim_language("zh_CN")
    window = SurfacesWindow()
    qtbot.addWidget(window)
    window.show()
    assert window.windowTitle() != "Optimizers on 2-D surfaces"
    for told in PRESETS:
        window.apply_preset(told)
        window.redraw()
        assert surfaces_english(window) == [], told.title  # the story, before the race
        window.race.step(400)
        window.redraw()
        assert surfaces_english(window) == [], told.title
    assert window.message.text()  # a path stopped (too high: diverges), said in Chinese
    window.racer_panel.pool[0].display(RacerSpec("sgd", {"lr": 0.1, "momentum": 0.9}, "step"))
    assert surfaces_english(window) == []
    window.play()
    assert surfaces_english(window) == []
    window.pause()


def spiral() -> Experiment:
    d = Experiment.default().to_dict()
    d["data"]["dataset"] = "spiral"
    d["network"]["hidden_layers"] = [{"units": 6, "activation": "tanh"}]
    return Experiment.from_dict(d)


def landscape_window(qtbot) -> LandscapeWindow:
    trainer = Trainer(spiral())
    recorder = TrajectoryRecorder()
    for _ in range(3):
        trainer.run(10)
        recorder.record_snapshot(take_snapshot(trainer))
    snapshot = take_snapshot(trainer)
    dialog = LandscapeWindow(lambda: snapshot, recorder)
    qtbot.addWidget(dialog)
    dialog.follow.setChecked(False)
    dialog.show()
    return dialog


def test_the_landscape_window_reads_in_chinese_computed(qtbot, nnsim_language):
    nnsim_language("zh_CN")
    dialog = landscape_window(qtbot)
    assert english_texts(dialog) == []
    assert dialog.compute()
    qtbot.waitUntil(lambda: not dialog.running and dialog.shown is not None, timeout=20_000)
    assert english_texts(dialog) == []
    choose(dialog.directions, "pca")
    assert dialog.compute()
    qtbot.waitUntil(lambda: not dialog.running and dialog.shown.settings[0] == "pca")
    assert english_texts(dialog) == []
    dialog.compute()
    dialog.cancel()  # the message of a cancelled grid
    assert english_texts(dialog) == []


def test_the_three_windows_switch_to_chinese_while_open(qtbot):
    dialog = landscape_window(qtbot)
    assert dialog.compute()
    qtbot.waitUntil(lambda: not dialog.running and dialog.shown is not None, timeout=20_000)
    compare = compare_window(qtbot)
    compare.step()
    surfaces = SurfacesWindow()
    qtbot.addWidget(surfaces)
    surfaces.show()
    surfaces.apply_preset(preset("decay: fast then fine"))  # a schedule in a racer's label
    surfaces.race.step(400)
    surfaces.redraw()
    header = surfaces.sections[2].header
    assert header.text() == "3. SGD η=0.0995, exponential decay"
    english = {
        "message": dialog.message.text(),
        "axis": dialog.view.plot.getAxis("bottom").labelText,
        "tip": compare.values_edit.toolTip(),
        "compare": compare.message.text(),
    }
    try:
        switch_language("zh_CN")
        # the texts made from values are made again on Qt's LanguageChange, posted to each
        qtbot.waitUntil(lambda: dialog.message.text() != english["message"])
        surfaces.redraw()
        assert compare_english(compare) == []
        assert surfaces_english(surfaces) == []
        assert english_texts(dialog) == []
        assert compare.table.horizontalHeaderItem(1).text() == tr("final train")
        assert dialog.view.plot.getAxis("bottom").labelText != english["axis"]
    finally:
        switch_language("en")
    qtbot.waitUntil(lambda: dialog.message.text() == english["message"])
    assert compare.windowTitle() == "Compare runs"
    surfaces.redraw()
    assert header.text() == "3. SGD η=0.0995, exponential decay"
    assert surfaces.story.text() == preset("decay: fast then fine").story
    assert compare.table.horizontalHeaderItem(1).text() == "final train"
    assert compare.values_edit.toolTip() == english["tip"]
    assert compare.message.text() == english["compare"]
    assert dialog.view.plot.getAxis("bottom").labelText == english["axis"]
