"""The nnsim pytest plugin (``nnsim.testing``): its fixtures and helpers do what they say."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QComboBox, QFileDialog, QInputDialog, QLineEdit, QMessageBox

from nnsim.testing import choose, train_until, training_processes, type_into

pytest_plugins = ["pytester"]


def child(window, cls, name):
    widget = window.findChild(cls, name)
    assert widget is not None, name
    return widget


def test_the_plugin_is_registered_with_pytest(pytestconfig):
    plugin = pytestconfig.pluginmanager.get_plugin("nnsim")
    assert plugin is not None and plugin.__name__ == "nnsim.testing"


def test_nnsim_window_is_shown_with_a_first_snapshot(nnsim_window):
    assert nnsim_window.isVisible()
    assert nnsim_window.last_snapshot is not None and nnsim_window.last_snapshot.step == 0


def test_settings_go_to_a_temporary_folder(nnsim_settings, nnsim_window):
    QSettings().setValue("probe", 1)
    QSettings().sync()
    assert any(nnsim_settings.rglob("*.ini"))


def test_train_until_plays_to_the_step_then_pauses(nnsim_window):
    snapshot = train_until(nnsim_window, 30)
    assert snapshot.step >= 30 and not snapshot.running
    assert not nnsim_window.is_playing and nnsim_window.last_snapshot is snapshot


def test_train_until_fails_clearly_on_divergence(nnsim_make_window):
    from nnsim.training.experiment import Experiment

    d = Experiment.default().to_dict()
    d["data"]["dataset"] = "plane"
    d["network"]["hidden_layers"] = [{"units": 8, "activation": "relu"}] * 3
    d["training"]["optimizer"]["lr"] = 50.0
    window = nnsim_make_window(Experiment.from_dict(d))
    with pytest.raises(AssertionError, match=r"training diverged at step \d+, before step 100000"):
        train_until(window, 100_000)


def test_train_until_times_out_with_the_step_reached(nnsim_window):
    with pytest.raises(AssertionError, match=r"did not reach step 10000000 within 0.2 s"):
        train_until(nnsim_window, 10_000_000, timeout=0.2)
    nnsim_window.pause()


def test_choose_by_text_or_data_reacts_like_a_user_pick(qtbot, nnsim_window):
    combo = child(nnsim_window, QComboBox, "optimizerCombo")
    with qtbot.waitSignal(combo.activated):
        choose(combo, "adam")
    assert nnsim_window.experiment().training.optimizer.name == "adam"
    data = next(combo.itemData(i) for i in range(combo.count()) if combo.itemData(i))
    choose(combo, data)
    assert combo.currentData() == data
    with pytest.raises(AssertionError, match="has no single entry 'no such thing'"):
        choose(combo, "no such thing")


def test_choose_refuses_a_hidden_combo(nnsim_window):
    combo = child(nnsim_window, QComboBox, "optimizerCombo")
    combo.hide()
    with pytest.raises(AssertionError, match="not shown"):
        choose(combo, "adam")


def test_type_into_commits_like_enter(nnsim_window):
    edit = child(nnsim_window, QLineEdit, "learningRateEdit")
    type_into(edit, "0.1")
    assert nnsim_window.experiment().training.optimizer.params["lr"] == 0.1
    type_into(edit, "abc")
    assert nnsim_window.experiment().training.optimizer.params["lr"] == 0.1


def test_closing_a_modified_window_never_blocks(nnsim_window, nnsim_dialogs):
    type_into(child(nnsim_window, QLineEdit, "learningRateEdit"), "0.1")  # now unsaved
    assert nnsim_window.close()
    assert [seen.title for seen in nnsim_dialogs.seen] == ["Unsaved changes"]


def test_a_dialog_can_be_answered_with_a_button(nnsim_window, nnsim_dialogs):
    type_into(child(nnsim_window, QLineEdit, "learningRateEdit"), "0.1")
    nnsim_dialogs.answer("Unsaved changes", QMessageBox.StandardButton.Cancel)
    assert not nnsim_window.close() and nnsim_window.isVisible()
    assert "unsaved changes" in nnsim_dialogs.seen[-1].text
    # the fixture still closes it after the test, discarding the changes


def test_file_and_input_dialogs_are_answered_with_values(nnsim_window, nnsim_dialogs, tmp_path):
    path = tmp_path / "saved.json"
    nnsim_dialogs.answer("Save experiment", path)
    assert nnsim_window.save_as() and path.is_file()
    nnsim_dialogs.answer("Open experiment", path)
    nnsim_window.open_dialog()
    assert nnsim_window.windowTitle().startswith("saved.json")
    nnsim_dialogs.answer("Number", 2.5)
    value, ok = QInputDialog.getDouble(nnsim_window, "Number", "a value", 0.0, -10, 10, 2)
    assert ok and value == 2.5
    nnsim_dialogs.answer("Pick", None)
    assert QFileDialog.getOpenFileName(nnsim_window, "Pick")[0] == ""


def test_an_unanswered_dialog_is_closed_and_recorded(nnsim_dialogs):
    QMessageBox.information(None, "Surprise", "<b>nobody</b> expected this")  # returns
    assert [(s.title, s.text, s.answered) for s in nnsim_dialogs.unexpected] == [
        ("Surprise", "nobody expected this", False)
    ]
    assert "'Surprise': nobody expected this" in nnsim_dialogs.describe_unexpected()
    nnsim_dialogs.seen.clear()  # seen and checked: it must not fail this test


def test_an_unanswered_dialog_fails_the_test_with_its_text(pytester):
    pytester.makepyfile(
        textwrap.dedent(
            """
            from PySide6.QtWidgets import QMessageBox

            def test_shortcuts(nnsim_window):
                nnsim_window.show_shortcuts()
            """
        )
    )
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*modal dialog nobody answered*'Keyboard shortcuts'*Space*"])


def test_every_training_process_is_reaped(nnsim_make_window):
    windows = [nnsim_make_window() for _ in range(2)]
    assert len(training_processes()) >= 2
    windows[0].play()
    windows[0].close()  # mid-training
    assert len(training_processes()) >= 1


def test_the_plugin_loads_without_qt_or_a_display():
    code = (
        "import sys, nnsim.testing\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6')))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_a_suite_ending_on_a_closed_panel_exits_cleanly(pytester):
    """qtbot closes a test's widgets with deleteLater, which only an event loop carries out:
    a suite whose last Qt test shows a plot used to end in a segfault at exit, when PySide
    deleted the panel and pyqtgraph's Python overrides ran during finalisation."""
    pytester.makepyfile(
        textwrap.dedent(
            """
            from nnsim.ui.plots import LossPanel
            from nnsim.ui.plots.export import SvgExporter

            def test_a_panel(qtbot, tmp_path):
                panel = LossPanel()
                qtbot.addWidget(panel)
                panel.show()
                qtbot.waitExposed(panel)
                SvgExporter(panel.graphics.scene()).export(fileName=str(tmp_path / "a.svg"))

            def test_no_qt():
                pass
            """
        )
    )
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider")
    result.assert_outcomes(passed=2)
    assert result.ret == 0  # not -11 (SIGSEGV) after the tests passed
