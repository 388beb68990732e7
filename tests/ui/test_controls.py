"""The Data, Architecture and Learning-rate & optimizer panels: controls edit the experiment."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QSlider,
    QSpinBox,
    QToolButton,
    QWidget,
)

from nnsim.engine.hyperparameters import NON_NEGATIVE, POSITIVE, Interval
from nnsim.training.experiment import Experiment, GradClipSpec, LayerSpec
from nnsim.ui.controls import ArchitecturePanel, DataPanel, NumberEdit, OptimizerPanel
from nnsim.ui.controls.fields import format_number

SIGNAL_TIMEOUT = 1000


def make_panel(qtbot, cls, experiment=None):
    panel = cls(experiment)
    qtbot.addWidget(panel)
    panel.resize(300, panel.sizeHint().height())
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def child(panel, cls, name):
    widget = panel.findChild(cls, name)
    assert widget is not None, f"no {cls.__name__} named {name!r}"
    return widget


def with_data(experiment: Experiment, **changes) -> Experiment:
    return dataclasses.replace(experiment, data=dataclasses.replace(experiment.data, **changes))


def type_into(qtbot, edit: QLineEdit, text: str) -> None:
    """Select all, type ``text`` and press Enter, as a learner would."""
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Backspace)
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)


def edited(qtbot, panel, action):
    """Run ``action`` and return the experiment emitted by ``panel.experimentEdited``."""
    with qtbot.waitSignal(panel.experimentEdited, timeout=SIGNAL_TIMEOUT) as blocker:
        action()
    return blocker.args[0]


def typed(qtbot, panel, name: str, text: str):
    """Type ``text`` into the line edit ``name`` and return the experiment emitted."""
    return edited(qtbot, panel, lambda: type_into(qtbot, child(panel, QLineEdit, name), text))


def flush_deletes() -> None:
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


CUSTOM_POINTS = ((-1.0, -1.0, 0.0), (1.0, 1.0, 1.0), (1.0, -1.0, 0.0), (-1.0, 1.0, 1.0))


# --- the shared number entry -----------------------------------------------------------------


@pytest.mark.parametrize("text", ["abc", "-1", "1e9", "nan", "inf", ""])
def test_number_edit_refuses_bad_text_and_keeps_its_value(qtbot, text):
    edit = NumberEdit("learning rate", Interval(1e-5, 10))
    qtbot.addWidget(edit)
    edit.set_value(0.03)
    with (
        qtbot.assertNotEmitted(edit.valueEdited),
        qtbot.waitSignal(edit.refused, timeout=SIGNAL_TIMEOUT) as refused,
    ):
        type_into(qtbot, edit, text)
    assert edit.text() == "0.03"
    assert edit.value() == 0.03
    assert "learning rate" in refused.args[0]


def test_number_edit_integer_and_optional(qtbot):
    edit = NumberEdit("step_size", Interval(1), integer=True)
    qtbot.addWidget(edit)
    edit.set_value(500)
    with qtbot.waitSignal(edit.refused, timeout=SIGNAL_TIMEOUT):
        type_into(qtbot, edit, "2.5")
    with qtbot.waitSignal(edit.valueEdited, timeout=SIGNAL_TIMEOUT) as blocker:
        type_into(qtbot, edit, "1e3")
    assert blocker.args == [1000] and type(blocker.args[0]) is int
    optional = NumberEdit("max_lr", POSITIVE, optional=True)
    qtbot.addWidget(optional)
    optional.set_value(0.5)
    with qtbot.waitSignal(optional.valueEdited, timeout=SIGNAL_TIMEOUT) as blocker:
        type_into(qtbot, optional, "")
    assert blocker.args == [None]


def test_number_edit_refuses_a_whole_number_too_large_for_an_experiment(qtbot):
    """1e30 is a whole number, but beyond the ±2⁵³ an experiment file can hold."""
    edit = NumberEdit("step_size", Interval(1), integer=True)
    qtbot.addWidget(edit)
    edit.set_value(500)
    with qtbot.waitSignal(edit.refused, timeout=SIGNAL_TIMEOUT) as refused:
        type_into(qtbot, edit, "1e30")
    assert edit.value() == 500 and "within ±2**53" in refused.args[0]


def test_number_edit_keeps_what_the_learner_is_typing(qtbot):
    edit = NumberEdit("momentum", NON_NEGATIVE)
    qtbot.addWidget(edit)
    edit.show()
    qtbot.waitExposed(edit)
    edit.set_value(0.0)
    edit.setFocus()
    qtbot.waitUntil(edit.hasFocus)
    edit.selectAll()
    qtbot.keyClicks(edit, "0.95")
    edit.set_value(0.5)  # e.g. the window re-shows the experiment meanwhile
    assert edit.text() == "0.95"
    with qtbot.waitSignal(edit.valueEdited, timeout=SIGNAL_TIMEOUT) as blocker:
        qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert blocker.args == [0.95]


def test_numbers_are_written_the_way_people_write_them():
    assert [format_number(x) for x in (1e-5, 0.03, 1e9, 500, 1.0, None)] == [
        "1e-5", "0.03", "1e9", "500", "1", "",
    ]  # fmt: skip


# --- Data panel ----------------------------------------------------------------------------------


def test_set_experiment_shows_values_and_emits_nothing(qtbot):
    panel = make_panel(qtbot, DataPanel)
    experiment = with_data(Experiment.default(), dataset="xor", noise=0.25, train_fraction=0.7)
    with qtbot.assertNotEmitted(panel.experimentEdited):
        panel.set_experiment(experiment)
    assert child(panel, QComboBox, "datasetCombo").currentData() == "xor"
    assert child(panel, QSlider, "noiseSlider").value() == 25
    assert child(panel, QLabel, "noiseValue").text() == "25%"
    assert child(panel, QSlider, "trainFractionSlider").value() == 70
    assert panel.experiment() is experiment


def test_dataset_combo_changes_the_dataset(qtbot):
    panel = make_panel(qtbot, DataPanel)
    combo = child(panel, QComboBox, "datasetCombo")
    assert combo.itemText(combo.findData("xor")) == "Exclusive or"
    new = edited(qtbot, panel, lambda: combo.setCurrentIndex(combo.findData("spiral")))
    assert new.data.dataset == "spiral"
    assert panel.experiment() == new


def test_noise_slider_emits_on_release_not_while_dragging(qtbot):
    panel = make_panel(qtbot, DataPanel)
    slider = child(panel, QSlider, "noiseSlider")
    assert (slider.minimum(), slider.maximum()) == (0, 50)
    slider.setSliderDown(True)
    with qtbot.assertNotEmitted(panel.experimentEdited):
        for value in range(11, 31):
            slider.setValue(value)
    assert child(panel, QLabel, "noiseValue").text() == "30%"  # shown while dragging
    new = edited(qtbot, panel, lambda: slider.setSliderDown(False))
    assert new.data.noise == pytest.approx(0.3)


def test_noise_slider_keyboard_step_emits(qtbot):
    panel = make_panel(qtbot, DataPanel)
    slider = child(panel, QSlider, "noiseSlider")
    new = edited(qtbot, panel, lambda: qtbot.keyClick(slider, Qt.Key.Key_Right))
    assert new.data.noise == pytest.approx(0.11)


def test_train_fraction_slider(qtbot):
    panel = make_panel(qtbot, DataPanel)
    slider = child(panel, QSlider, "trainFractionSlider")
    assert (slider.minimum(), slider.maximum()) == (10, 90)
    new = edited(qtbot, panel, lambda: slider.setValue(80))
    assert new.data.train_fraction == pytest.approx(0.8)


def test_samples_spin(qtbot):
    panel = make_panel(qtbot, DataPanel)
    new = edited(qtbot, panel, lambda: child(panel, QSpinBox, "samplesSpin").setValue(300))
    assert new.data.samples == 300


def test_batch_size_spin_with_all(qtbot):
    panel = make_panel(qtbot, DataPanel)
    spin = child(panel, QSpinBox, "batchSizeSpin")
    new = edited(qtbot, panel, lambda: spin.setValue(25))
    assert new.training.batch_size == 25
    new = edited(qtbot, panel, lambda: spin.setValue(spin.minimum()))
    assert new.training.batch_size == "all"
    assert spin.text() == "all"
    panel.set_experiment(Experiment.default())
    assert spin.value() == 10
    new = edited(qtbot, panel, lambda: type_into(qtbot, spin.lineEdit(), "all"))
    assert new.training.batch_size == "all"


def test_feature_toggles(qtbot):
    panel = make_panel(qtbot, DataPanel)
    button = child(panel, QToolButton, "feature_x1_sq")
    assert not button.isChecked()
    new = edited(qtbot, panel, button.click)
    assert new.data.features == ("x1", "x2", "x1_sq")
    new = edited(qtbot, panel, child(panel, QToolButton, "feature_x1").click)
    assert new.data.features == ("x2", "x1_sq")


def test_last_feature_cannot_be_unchecked(qtbot):
    panel = make_panel(qtbot, DataPanel, with_data(Experiment.default(), features=("x1_x2",)))
    button = child(panel, QToolButton, "feature_x1_x2")
    with (
        qtbot.assertNotEmitted(panel.experimentEdited),
        qtbot.waitSignal(panel.messageRaised, timeout=SIGNAL_TIMEOUT),
    ):
        button.click()
    assert button.isChecked()
    assert panel.experiment().data.features == ("x1_x2",)
    message = child(panel, QLabel, "featuresMessage")
    assert message.isVisible() and "at least one" in message.text()


def test_regenerate_increments_the_seed(qtbot):
    panel = make_panel(qtbot, DataPanel)
    new = edited(qtbot, panel, child(panel, QPushButton, "regenerateButton").click)
    assert new.seed == 1
    new = edited(qtbot, panel, child(panel, QPushButton, "regenerateButton").click)
    assert new.seed == 2


def test_import_csv_button(qtbot):
    panel = make_panel(qtbot, DataPanel)
    with qtbot.waitSignal(panel.importCsvRequested, timeout=SIGNAL_TIMEOUT):
        child(panel, QPushButton, "importCsvButton").click()


def test_point_class_chooser_follows_the_task(qtbot):
    panel = make_panel(qtbot, DataPanel)
    combo = child(panel, QComboBox, "pointClassCombo")
    assert combo.count() == 2 and panel.current_point_label() == 0.0
    assert panel.alternate_point_label() == 1.0
    combo.setCurrentIndex(1)
    assert panel.current_point_label() == 1.0
    panel.set_experiment(with_data(Experiment.default(), dataset="spiral3"))
    assert combo.count() == 3
    assert [combo.itemData(i) for i in range(3)] == [0.0, 1.0, 2.0]
    panel.set_experiment(with_data(Experiment.default(), dataset="plane"))
    assert -1.0 <= panel.current_point_label() <= 1.0
    assert combo.count() == 5


def test_custom_data_is_offered_and_remembered(qtbot):
    custom = with_data(Experiment.default(), dataset="custom", points=CUSTOM_POINTS)
    panel = make_panel(qtbot, DataPanel, custom)
    combo = child(panel, QComboBox, "datasetCombo")
    assert combo.currentData() == "custom"
    assert not child(panel, QSlider, "noiseSlider").isEnabled()
    assert not child(panel, QSpinBox, "samplesSpin").isEnabled()
    new = edited(qtbot, panel, lambda: combo.setCurrentIndex(combo.findData("circle")))
    assert new.data.dataset == "circle" and new.data.points is None
    assert combo.findData("custom") >= 0  # still one click away
    new = edited(qtbot, panel, lambda: combo.setCurrentIndex(combo.findData("custom")))
    assert new.data.points == CUSTOM_POINTS
    fresh = make_panel(qtbot, DataPanel)
    assert child(fresh, QComboBox, "datasetCombo").findData("custom") == -1


def test_incompatible_dataset_is_refused(qtbot):
    bce = dataclasses.replace(Experiment.default(), loss="bce")
    panel = make_panel(qtbot, DataPanel, bce)
    combo = child(panel, QComboBox, "datasetCombo")
    with qtbot.assertNotEmitted(panel.experimentEdited):
        combo.setCurrentIndex(combo.findData("plane"))
    assert combo.currentData() == "circle"
    assert panel.experiment() is bce
    message = child(panel, QLabel, "dataMessage")
    assert message.isVisible() and "bce" in message.text()
    assert panel.message() == message.text()


# --- Architecture panel ----------------------------------------------------------------------


def test_add_and_remove_layers_within_limits(qtbot):
    panel = make_panel(qtbot, ArchitecturePanel)
    add = child(panel, QPushButton, "addLayerButton")
    remove = child(panel, QPushButton, "removeLayerButton")
    new = edited(qtbot, panel, add.click)
    assert [layer.units for layer in new.network.hidden_layers] == [4, 2, 2]
    assert panel.findChild(QSpinBox, "unitsSpin_3") is not None
    for _ in range(5):
        edited(qtbot, panel, add.click)
    assert len(panel.experiment().network.hidden_layers) == 8
    assert not add.isEnabled() and remove.isEnabled()
    for _ in range(8):
        edited(qtbot, panel, remove.click)
    assert panel.experiment().network.hidden_layers == ()
    assert not remove.isEnabled() and add.isEnabled()
    flush_deletes()
    assert panel.findChild(QSpinBox, "unitsSpin_1") is None
    new = edited(qtbot, panel, add.click)
    assert new.network.hidden_layers == (LayerSpec(4, "tanh"),)


def test_layer_rows_follow_set_experiment(qtbot):
    panel = make_panel(qtbot, ArchitecturePanel)
    network = dataclasses.replace(
        Experiment.default().network, hidden_layers=(LayerSpec(8, "relu"),) * 5
    )
    panel.set_experiment(dataclasses.replace(Experiment.default(), network=network))
    flush_deletes()
    assert panel.layer_count() == 5
    for k in range(1, 6):
        assert child(panel, QSpinBox, f"unitsSpin_{k}").value() == 8
        assert child(panel, QComboBox, f"activationCombo_{k}").currentData() == "relu"
    panel.set_experiment(Experiment.default())
    flush_deletes()
    assert panel.findChild(QSpinBox, "unitsSpin_3") is None


def test_units_plus_minus_and_limits(qtbot):
    panel = make_panel(qtbot, ArchitecturePanel)
    spin = child(panel, QSpinBox, "unitsSpin_1")
    assert (spin.minimum(), spin.maximum()) == (1, 16)
    new = edited(qtbot, panel, child(panel, QToolButton, "unitsPlus_1").click)
    assert new.network.hidden_layers[0].units == 5
    new = edited(qtbot, panel, lambda: spin.setValue(16))
    assert new.network.hidden_layers[0].units == 16
    assert not child(panel, QToolButton, "unitsPlus_1").isEnabled()
    minus = child(panel, QToolButton, "unitsMinus_2")
    new = edited(qtbot, panel, minus.click)
    assert new.network.hidden_layers[1].units == 1
    assert not minus.isEnabled()
    with qtbot.assertNotEmitted(panel.experimentEdited):
        spin.setValue(17)  # clamped by the spin box to 16: no change
    assert panel.experiment().network.hidden_layers[0].units == 16


def test_activation_combo(qtbot):
    panel = make_panel(qtbot, ArchitecturePanel)
    combo = child(panel, QComboBox, "activationCombo_2")
    new = edited(qtbot, panel, lambda: combo.setCurrentIndex(combo.findData("relu")))
    assert [layer.activation for layer in new.network.hidden_layers] == ["tanh", "relu"]


def test_per_layer_batch_norm_and_dropout_override_the_network(qtbot):
    panel = make_panel(qtbot, ArchitecturePanel)
    new = edited(qtbot, panel, child(panel, QCheckBox, "batchNormCheck_1").click)
    assert new.network.hidden_layers[0].batch_norm is True
    assert new.network.hidden_layers[1].batch_norm is None
    spin = child(panel, QDoubleSpinBox, "dropoutSpin_2")
    new = edited(qtbot, panel, lambda: spin.setValue(0.2))
    assert new.network.hidden_layers[1].dropout == pytest.approx(0.2)
    assert new.network.resolved_layers()[0].dropout == 0.0
    new = edited(qtbot, panel, child(panel, QCheckBox, "batchNormAllCheck").click)
    assert new.network.batch_norm is True
    assert all(layer.batch_norm is None for layer in new.network.hidden_layers)
    assert child(panel, QCheckBox, "batchNormCheck_2").isChecked()
    new = edited(qtbot, panel, lambda: child(panel, QDoubleSpinBox, "dropoutAllSpin").setValue(0.1))
    assert new.network.dropout == pytest.approx(0.1)
    assert child(panel, QDoubleSpinBox, "dropoutSpin_2").value() == pytest.approx(0.1)


def test_init_output_and_loss_combos(qtbot):
    panel = make_panel(qtbot, ArchitecturePanel)
    init = child(panel, QComboBox, "initCombo")
    new = edited(qtbot, panel, lambda: init.setCurrentIndex(init.findData("he_normal")))
    assert new.network.init == "he_normal"
    loss = child(panel, QComboBox, "lossCombo")
    assert loss.itemText(loss.findData("auto")) == "auto (binary cross-entropy)"
    new = edited(qtbot, panel, lambda: loss.setCurrentIndex(loss.findData("mse")))
    assert new.loss == "mse"
    output = child(panel, QComboBox, "outputActivationCombo")
    new = edited(qtbot, panel, lambda: output.setCurrentIndex(output.findData("tanh")))
    assert new.network.output_activation == "tanh"


def test_incompatible_output_activation_is_refused(qtbot):
    panel = make_panel(qtbot, ArchitecturePanel)
    output = child(panel, QComboBox, "outputActivationCombo")
    with (
        qtbot.assertNotEmitted(panel.experimentEdited),
        qtbot.waitSignal(panel.messageRaised, timeout=SIGNAL_TIMEOUT),
    ):
        output.setCurrentIndex(output.findData("relu"))
    assert output.currentData() == "auto"
    label = child(panel, QLabel, "architectureMessage")
    assert label.isVisible() and "mse" in label.text()


# --- Learning rate & optimizer panel ---------------------------------------------------------


@pytest.mark.parametrize("text", ["abc", "-1", "1e9", "nan", "0", "11"])
def test_bad_learning_rate_is_refused_with_a_visible_message(qtbot, text):
    panel = make_panel(qtbot, OptimizerPanel)
    edit = child(panel, QLineEdit, "learningRateEdit")
    with (
        qtbot.assertNotEmitted(panel.learningRateChanged),
        qtbot.assertNotEmitted(panel.experimentEdited),
        qtbot.waitSignal(panel.messageRaised, timeout=SIGNAL_TIMEOUT),
    ):
        type_into(qtbot, edit, text)
    assert edit.text() == "0.03"
    assert panel.experiment().training.optimizer.lr == 0.03
    message = child(panel, QLabel, "learningRateMessage")
    assert message.isVisible()
    assert "learning rate" in message.text() and "10" in message.text()


def test_typed_learning_rate_is_live(qtbot):
    panel = make_panel(qtbot, OptimizerPanel)
    edit = child(panel, QLineEdit, "learningRateEdit")
    with (
        qtbot.assertNotEmitted(panel.experimentEdited),
        qtbot.waitSignal(panel.learningRateChanged, timeout=SIGNAL_TIMEOUT) as blocker,
    ):
        type_into(qtbot, edit, "0.0123")
    assert blocker.args == [0.0123]
    assert panel.experiment().training.optimizer.lr == 0.0123
    assert panel.learning_rate() == 0.0123


def test_learning_rate_below_the_schedules_floor_is_refused(qtbot):
    cosine = Experiment.from_dict(
        {"training": {"schedule": {"name": "cosine", "T_max": 100, "eta_min": 0.01}}}
    )
    panel = make_panel(qtbot, OptimizerPanel, cosine)
    with qtbot.assertNotEmitted(panel.learningRateChanged):
        child(panel, QPushButton, "learningRatePreset_0.003").click()
    assert panel.experiment() is cosine
    assert child(panel, QLineEdit, "learningRateEdit").text() == "0.03"
    message = child(panel, QLabel, "learningRateMessage")
    assert message.isVisible() and "eta_min" in message.text()
    assert not child(panel, QPushButton, "learningRatePreset_0.003").isChecked()


def test_a_good_value_clears_the_message(qtbot):
    panel = make_panel(qtbot, OptimizerPanel)
    edit = child(panel, QLineEdit, "learningRateEdit")
    type_into(qtbot, edit, "abc")
    assert child(panel, QLabel, "learningRateMessage").isVisible()
    type_into(qtbot, edit, "0.1")
    assert not child(panel, QLabel, "learningRateMessage").isVisible()
    assert panel.message() == ""


@pytest.mark.parametrize("value", [0.00001, 0.003, 0.3, 10.0])
def test_learning_rate_preset_click(qtbot, value):
    panel = make_panel(qtbot, OptimizerPanel)
    button = child(panel, QPushButton, f"learningRatePreset_{value:g}")
    with qtbot.waitSignal(panel.learningRateChanged, timeout=SIGNAL_TIMEOUT) as blocker:
        button.click()
    assert blocker.args == [value]
    assert button.isChecked()
    assert not child(panel, QPushButton, "learningRatePreset_0.03").isChecked()
    assert float(child(panel, QLineEdit, "learningRateEdit").text()) == value


def test_learning_rate_slider_is_logarithmic_and_emits_on_release(qtbot):
    panel = make_panel(qtbot, OptimizerPanel)
    slider = child(panel, QSlider, "learningRateSlider")
    assert slider.value() == round((np.log10(0.03) + 5) * 100)
    slider.setSliderDown(True)
    with qtbot.assertNotEmitted(panel.learningRateChanged):
        slider.setValue(500)  # 10^(5 - 5) = 1
    assert child(panel, QLineEdit, "learningRateEdit").text() == "1"
    with qtbot.waitSignal(panel.learningRateChanged, timeout=SIGNAL_TIMEOUT) as blocker:
        slider.setSliderDown(False)
    assert blocker.args == [1.0]
    with qtbot.waitSignal(panel.learningRateChanged, timeout=SIGNAL_TIMEOUT) as blocker:
        slider.setValue(slider.minimum())
    assert blocker.args == [1e-5]


VISIBLE_HYPERPARAMETERS = {
    "sgd": {"momentum", "dampening", "nesterov", "weight_decay"},
    "adam": {"beta1", "beta2", "eps", "weight_decay", "amsgrad"},
    "adamw": {"beta1", "beta2", "eps", "weight_decay", "amsgrad"},
    "rmsprop": {"alpha", "eps", "momentum", "centered", "weight_decay"},
    "adagrad": {"lr_decay", "initial_accumulator_value", "eps", "weight_decay"},
}


@pytest.mark.parametrize("name", ["adam", "adamw", "rmsprop", "adagrad", "sgd"])
def test_optimizer_change_shows_only_its_hyperparameters(qtbot, name):
    start = Experiment.default() if name != "sgd" else Experiment.from_dict(
        {"training": {"optimizer": {"name": "adam", "lr": 0.03}}}
    )  # fmt: skip
    panel = make_panel(qtbot, OptimizerPanel, start)
    combo = child(panel, QComboBox, "optimizerCombo")
    new = edited(qtbot, panel, lambda: combo.setCurrentIndex(combo.findData(name)))
    assert new.training.optimizer.name == name
    assert new.training.optimizer.lr == 0.03  # the learning rate is kept
    shown = {
        widget.objectName().removeprefix("hp_")
        for widget in panel.findChildren(QWidget)
        if widget.objectName().startswith("hp_") and widget.isVisibleTo(panel)
    }
    assert shown == VISIBLE_HYPERPARAMETERS[name]


def test_adamw_shows_its_own_weight_decay_default(qtbot):
    panel = make_panel(qtbot, OptimizerPanel)
    combo = child(panel, QComboBox, "optimizerCombo")
    edited(qtbot, panel, lambda: combo.setCurrentIndex(combo.findData("adamw")))
    assert child(panel, QLineEdit, "hp_weight_decay").text() == "0.01"
    assert child(panel, QLineEdit, "hp_beta2").text() == "0.999"


def test_hyperparameter_edit_is_live(qtbot):
    panel = make_panel(qtbot, OptimizerPanel)
    with (
        qtbot.assertNotEmitted(panel.experimentEdited),
        qtbot.waitSignal(panel.hyperparameterChanged, timeout=SIGNAL_TIMEOUT) as blocker,
    ):
        type_into(qtbot, child(panel, QLineEdit, "hp_momentum"), "0.9")
    assert blocker.args == ["momentum", 0.9]
    assert panel.experiment().training.optimizer.params["momentum"] == 0.9
    with qtbot.waitSignal(panel.hyperparameterChanged, timeout=SIGNAL_TIMEOUT) as blocker:
        child(panel, QCheckBox, "hp_nesterov").click()
    assert blocker.args == ["nesterov", True]


def test_adam_betas_are_emitted_as_a_pair(qtbot):
    adam = Experiment.from_dict({"training": {"optimizer": {"name": "adam", "lr": 0.01}}})
    panel = make_panel(qtbot, OptimizerPanel, adam)
    with qtbot.waitSignal(panel.hyperparameterChanged, timeout=SIGNAL_TIMEOUT) as blocker:
        type_into(qtbot, child(panel, QLineEdit, "hp_beta1"), "0.8")
    assert blocker.args == ["betas", (0.8, 0.999)]
    assert panel.experiment().training.optimizer.params["betas"] == (0.8, 0.999)


def test_invalid_hyperparameter_combination_is_refused(qtbot):
    panel = make_panel(qtbot, OptimizerPanel)
    nesterov = child(panel, QCheckBox, "hp_nesterov")
    with (
        qtbot.assertNotEmitted(panel.hyperparameterChanged),
        qtbot.waitSignal(panel.messageRaised, timeout=SIGNAL_TIMEOUT),
    ):
        nesterov.click()  # needs momentum > 0
    assert not nesterov.isChecked()
    label = child(panel, QLabel, "optimizerMessage")
    assert label.isVisible() and "momentum" in label.text()
    with qtbot.assertNotEmitted(panel.hyperparameterChanged):
        type_into(qtbot, child(panel, QLineEdit, "hp_dampening"), "2")
    assert child(panel, QLineEdit, "hp_dampening").text() == "0"


def test_schedule_preview_has_planned_steps_and_starts_at_the_learning_rate(qtbot):
    panel = make_panel(qtbot, OptimizerPanel)
    curve = panel.preview_curve()
    assert len(curve) == 2000 and curve[0] == 0.03
    combo = child(panel, QComboBox, "scheduleCombo")
    new = edited(qtbot, panel, lambda: combo.setCurrentIndex(combo.findData("step")))
    assert new.training.schedule.name == "step"
    curve = panel.preview_curve()
    assert len(curve) == 2000 and curve[0] == 0.03 and curve[-1] < 0.03
    with qtbot.waitSignal(panel.learningRateChanged, timeout=SIGNAL_TIMEOUT):
        child(panel, QPushButton, "learningRatePreset_0.1").click()
    assert panel.preview_curve()[0] == 0.1


def test_schedule_parameters_show_and_edit(qtbot):
    panel = make_panel(qtbot, OptimizerPanel)
    combo = child(panel, QComboBox, "scheduleCombo")

    def shown():
        return {
            w.objectName().removeprefix("schedule_")
            for w in panel.findChildren(QWidget)
            if w.objectName().startswith("schedule_") and w.isVisibleTo(panel)
        }

    assert shown() == {"warmup_steps"}
    edited(qtbot, panel, lambda: combo.setCurrentIndex(combo.findData("exponential")))
    assert shown() == {"gamma", "warmup_steps"}
    new = typed(qtbot, panel, "schedule_gamma", "0.99")
    assert new.training.schedule.params["gamma"] == 0.99
    assert panel.preview_curve()[1] == pytest.approx(0.03 * 0.99)
    edited(qtbot, panel, lambda: combo.setCurrentIndex(combo.findData("cosine")))
    assert shown() == {"T_max", "eta_min", "restarts", "warmup_steps"}
    new = edited(qtbot, panel, child(panel, QCheckBox, "schedule_restarts").click)
    assert new.training.schedule.params["restarts"] is True
    edited(qtbot, panel, lambda: combo.setCurrentIndex(combo.findData("inverse_time")))
    assert shown() == {"decay_rate", "decay_steps", "staircase", "warmup_steps"}
    edited(qtbot, panel, lambda: combo.setCurrentIndex(combo.findData("plateau")))
    assert shown() == {"factor", "patience", "warmup_steps"}
    new = typed(qtbot, panel, "schedule_warmup_steps", "100")
    assert new.training.schedule.params["warmup_steps"] == 100
    assert panel.preview_curve()[0] == pytest.approx(0.03 / 101)


def test_one_cycle_preview_covers_total_steps(qtbot):
    panel = make_panel(qtbot, OptimizerPanel)
    combo = child(panel, QComboBox, "scheduleCombo")
    edited(qtbot, panel, lambda: combo.setCurrentIndex(combo.findData("one_cycle")))
    total = child(panel, QLineEdit, "schedule_total_steps")
    new = edited(qtbot, panel, lambda: type_into(qtbot, total, "500"))
    assert new.training.schedule.params["total_steps"] == 500
    curve = panel.preview_curve()
    assert len(curve) == 500
    assert curve.max() == pytest.approx(0.03)  # max_lr follows the learning rate
    new = typed(qtbot, panel, "schedule_max_lr", "0.5")
    assert new.training.schedule.params["max_lr"] == 0.5
    assert panel.preview_curve().max() == pytest.approx(0.5)


def test_schedule_unit_and_bad_parameter(qtbot):
    panel = make_panel(qtbot, OptimizerPanel)
    combo = child(panel, QComboBox, "scheduleCombo")
    edited(qtbot, panel, lambda: combo.setCurrentIndex(combo.findData("step")))
    unit = child(panel, QComboBox, "scheduleUnitCombo")
    new = edited(qtbot, panel, lambda: unit.setCurrentIndex(unit.findData("epoch")))
    assert new.training.schedule.unit == "epoch"
    assert panel.steps_per_epoch() == 25  # 250 training points / batch 10
    step_size = child(panel, QLineEdit, "schedule_step_size")
    with qtbot.assertNotEmitted(panel.experimentEdited):
        type_into(qtbot, step_size, "0")
    assert step_size.text() == "500"
    assert child(panel, QLabel, "scheduleMessage").isVisible()
    cosine = edited(qtbot, panel, lambda: combo.setCurrentIndex(combo.findData("cosine")))
    with qtbot.assertNotEmitted(panel.experimentEdited):  # eta_min above the learning rate
        type_into(qtbot, child(panel, QLineEdit, "schedule_eta_min"), "0.5")
    assert panel.experiment() == cosine


def test_regularization_controls(qtbot):
    panel = make_panel(qtbot, OptimizerPanel)
    rate = child(panel, QLineEdit, "regularizationRateEdit")
    assert not rate.isEnabled()
    combo = child(panel, QComboBox, "regularizationCombo")
    new = edited(qtbot, panel, lambda: combo.setCurrentIndex(combo.findData("l2")))
    assert (new.training.regularization.kind, new.training.regularization.rate) == ("l2", 0.001)
    assert rate.isEnabled()
    new = edited(qtbot, panel, lambda: type_into(qtbot, rate, "0.03"))
    assert new.training.regularization.rate == 0.03
    with qtbot.assertNotEmitted(panel.experimentEdited):
        type_into(qtbot, rate, "20")
    assert rate.text() == "0.03"
    assert child(panel, QLabel, "penaltyMessage").isVisible()


def test_gradient_clipping_controls(qtbot):
    panel = make_panel(qtbot, OptimizerPanel)
    combo = child(panel, QComboBox, "gradClipCombo")
    threshold = child(panel, QLineEdit, "gradClipThresholdEdit")
    assert not threshold.isEnabled()
    new = edited(qtbot, panel, lambda: combo.setCurrentIndex(combo.findData("norm")))
    assert new.training.grad_clip == GradClipSpec("norm", 1.0)
    new = edited(qtbot, panel, lambda: type_into(qtbot, threshold, "5"))
    assert new.training.grad_clip == GradClipSpec("norm", 5.0)
    new = edited(qtbot, panel, lambda: combo.setCurrentIndex(combo.findData("value")))
    assert new.training.grad_clip == GradClipSpec("value", 5.0)
    with qtbot.assertNotEmitted(panel.experimentEdited):
        type_into(qtbot, threshold, "0")
    assert threshold.text() == "5"
    new = edited(qtbot, panel, lambda: combo.setCurrentIndex(combo.findData(None)))
    assert new.training.grad_clip is None


def test_sections_fold(qtbot):
    panel = make_panel(qtbot, OptimizerPanel)
    header = child(panel, QToolButton, "scheduleSectionHeader")
    preview = panel.findChild(QWidget, "schedulePreview")
    assert preview.isVisibleTo(panel)
    header.click()
    assert not preview.isVisibleTo(panel)


# --- all panels --------------------------------------------------------------------------------

PANELS = {"data": DataPanel, "architecture": ArchitecturePanel, "optimizer": OptimizerPanel}
INTERACTIVE = (QAbstractButton, QComboBox, QAbstractSpinBox, QLineEdit, QSlider)


@pytest.mark.parametrize("name", list(PANELS))
def test_every_control_has_a_tooltip_and_the_panel_fits_a_side_column(qtbot, name):
    panel = make_panel(qtbot, PANELS[name])
    missing = [
        widget.objectName() or type(widget).__name__
        for widget in panel.findChildren(QWidget)
        if isinstance(widget, INTERACTIVE)
        and widget.isVisibleTo(panel)
        and not widget.toolTip()
        and not isinstance(widget.parentWidget(), QAbstractSpinBox | QComboBox)
    ]
    assert missing == []
    assert panel.minimumSizeHint().width() <= 300
    panel.grab().save(f"/tmp/controls_{name}.png")


@pytest.mark.parametrize("name", list(PANELS))
def test_set_experiment_round_trips_without_signals(qtbot, name):
    experiment = Experiment.from_dict(
        {
            "seed": 7,
            "data": {"dataset": "spiral3", "noise": 0.2, "features": ["x1", "sin_x2"]},
            "network": {"hidden_layers": [{"units": 3, "activation": "relu", "dropout": 0.1}]},
            "training": {
                "batch_size": "all",
                "optimizer": {"name": "rmsprop", "lr": 0.003, "centered": True},
                "schedule": {"name": "cosine", "T_max": 300},
                "regularization": {"kind": "l1", "rate": 0.01},
                "grad_clip": {"mode": "value", "clip_value": 0.5},
            },
        }
    )
    panel = make_panel(qtbot, PANELS[name])
    with qtbot.assertNotEmitted(panel.experimentEdited):
        panel.set_experiment(experiment)
    assert panel.experiment() == experiment
    if name == "optimizer":
        assert child(panel, QCheckBox, "hp_centered").isChecked()
        assert child(panel, QLineEdit, "gradClipThresholdEdit").text() == "0.5"
        assert len(panel.preview_curve()) == 2000
