"""The control panels, the boundary view and the network diagram in Simplified Chinese (issue 13).

Every text a user can see or hover there is Chinese (names, symbols and numbers aside) in
every state a user reaches: every optimizer, schedule and task chosen once, a refusal shown,
a neuron shown in the boundary view. Combos keep their values in the items' data, so a
choice in a Chinese window still edits the experiment; switching the language live leaves
the values alone.
"""

from __future__ import annotations

import pytest

from nnsim.engine.datasets import DATASETS
from nnsim.engine.optimizers import OPTIMIZERS
from nnsim.engine.schedules import SCHEDULES
from nnsim.testing.untranslated import english_texts, english_words
from nnsim.ui.i18n import tr


def _choose(combo, value) -> None:
    index = combo.findData(value)
    assert index >= 0, value
    combo.setCurrentIndex(index)


def _panels(window):
    return (window.data_panel, window.architecture_panel, window.optimizer_panel)


def _english(window) -> list[tuple[str, str]]:
    found = []
    for widget in (*_panels(window), window.boundary_view, window.network_view):
        found += english_texts(widget)
    return found


@pytest.fixture
def zh_window(nnsim_language, make_window):
    nnsim_language("zh_CN")
    window = make_window()
    window.resize(1600, 1000)
    window.show()
    return window


def test_every_optimizer_and_schedule_reads_in_chinese(zh_window, qtbot):
    window = zh_window
    panel = window.optimizer_panel
    assert tr("Learning rate") != "Learning rate"
    found = _english(window)
    for name in OPTIMIZERS:
        _choose(panel.findChild(type(panel.optimizer_section.combo), "optimizerCombo"), name)
        assert window.model.experiment.training.optimizer.name == name
        found += english_texts(panel)
    for name in SCHEDULES:
        _choose(panel.schedule_section.combo, name)
        assert window.model.experiment.training.schedule.name == name
        found += english_texts(panel)
    _choose(panel.schedule_section.unit_combo, "epoch")
    assert window.model.experiment.training.schedule.unit == "epoch"
    _choose(panel.penalty_section.kind_combo, "l2")
    _choose(panel.penalty_section.clip_combo, "norm")
    assert window.model.experiment.training.regularization.kind == "l2"
    assert window.model.experiment.training.grad_clip.mode == "norm"
    panel.learning_rate_edit.setText("abc")
    panel.learning_rate_edit.editingFinished.emit()
    assert "abc" in panel.message()  # the refusal, written by the panel
    found += english_texts(panel, ignore=["abc"])  # what the learner typed
    assert found == []


def test_every_task_and_the_architecture_read_in_chinese(zh_window):
    window = zh_window
    data, arch = window.data_panel, window.architecture_panel
    found = []
    for name in DATASETS:
        _choose(data.dataset_combo, name)
        assert window.model.experiment.data.dataset == name
        found += english_texts(data) + english_texts(arch)
        found += english_texts(window.boundary_view) + english_texts(window.network_view)
    _choose(arch.findChild(type(arch.init_combo), "activationCombo_1"), "relu")
    assert window.model.experiment.network.hidden_layers[0].activation == "relu"
    _choose(arch.init_combo, "he_normal")
    _choose(arch.loss_combo, "mse")
    _choose(arch.output_combo, "linear")
    assert window.model.experiment.network.init == "he_normal"
    assert window.model.experiment.loss == "mse"
    found += english_texts(arch)
    while arch.layer_count():
        arch.remove_layer_button.click()
    found += english_texts(arch) + english_texts(window.network_view)
    arch.add_layer_button.click()
    window.boundary_view.pointAdded.emit(1.0, 1.0, False)  # own points: the 'Custom' set
    assert window.model.experiment.data.dataset == "custom"
    assert data.dataset_combo.currentData() == "custom"
    found += english_texts(data)
    data.feature_buttons["x1"].setChecked(False)
    data.feature_buttons["x2"].setChecked(False)  # the last one: refused, a message
    assert data.message() or data.features_message.text()
    found += english_texts(data)
    assert found == []


def test_the_boundary_and_network_views_read_in_chinese_with_a_neuron_shown(zh_window, qtbot):
    window = zh_window
    window.step()
    qtbot.waitUntil(lambda: window.boundary_view.displayed_rgba() is not None, timeout=10000)
    view = window.boundary_view
    for layer in (0, 1, len(window.network_view.layer_sizes) - 1):
        view.show_neuron(layer, 0)
        assert english_texts(view) == []
    network = window.network_view
    assert english_texts(network) == []
    assert english_words(network.edge_tooltip(1, 0, 0)) == []  # shown on hover
    assert english_words(network.bias_tooltip(1, 0)) == []
    assert english_texts(view.show_test_toggle.parentWidget()) == []


def test_switching_to_chinese_live_translates_the_panels_and_keeps_the_values(window, qtbot):
    window.show()
    before = window.model.experiment
    opt = window.optimizer_panel
    assert opt.learning_rate_edit.toolTip().startswith("Learning rate")
    window.set_language("zh_CN")
    try:
        assert window.model.experiment == before
        # Qt posts LanguageChange: the texts made from values follow when it is delivered
        qtbot.waitUntil(lambda: _english(window) == [], timeout=5000)
        assert opt.optimizer_section.combo.currentData() == before.training.optimizer.name
        assert window.data_panel.dataset_combo.currentData() == before.data.dataset
        _choose(opt.optimizer_section.combo, "adam")
        assert window.model.experiment.training.optimizer.name == "adam"
        assert english_texts(opt) == []
    finally:
        window.set_language("en")
    label = window.architecture_panel.layer_count_label
    qtbot.waitUntil(lambda: label.text().endswith("hidden layers"), timeout=5000)
    assert opt.learning_rate_edit.toolTip().startswith("Learning rate")
    assert window.model.experiment.training.optimizer.name == "adam"
