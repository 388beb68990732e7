"""Every control is bound to the experiment both ways: a change from code (``setCurrentIndex``,
``setValue``, ``setChecked``, ``setText`` + ``editingFinished``, ``click``) edits it exactly as
the learner's keyboard does, an invalid one is refused the same way, and showing an
experiment (``set_experiment``, what the window does after every edit) never echoes back."""

from __future__ import annotations

import random
from collections.abc import Callable

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QSlider,
    QWidget,
)

from nnsim.engine.features import FEATURES
from nnsim.training.experiment import Experiment
from nnsim.training.experiment_model import ExperimentModel
from nnsim.ui.controls import ArchitecturePanel, DataPanel, OptimizerPanel, Section
from nnsim.ui.controls.optimizer_panel import LR_PRESETS

CONTROL_TYPES = (QAbstractButton, QComboBox, QAbstractSpinBox, QLineEdit, QSlider)
PANELS = {"data": DataPanel, "architecture": ArchitecturePanel, "optimizer": OptimizerPanel}


def controls(panel: QWidget) -> dict[str, QWidget]:
    """Every control of ``panel`` by objectName (not the parts of spin and combo boxes)."""
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # removed layer rows
    found = {}
    for widget in panel.findChildren(QWidget):
        if isinstance(widget, CONTROL_TYPES) and not isinstance(
            widget.parentWidget(), QAbstractSpinBox | QComboBox
        ):
            assert widget.objectName(), f"a {type(widget).__name__} without objectName"
            found[widget.objectName()] = widget
    return found


def state(widget: QWidget) -> object:
    """What a control shows."""
    if isinstance(widget, QComboBox):
        return widget.currentIndex(), widget.currentText()
    if isinstance(widget, QAbstractSpinBox | QSlider):
        return widget.value()
    if isinstance(widget, QAbstractButton):
        return widget.isChecked(), widget.isEnabled()
    return widget.text(), widget.isEnabled()


def shown(panel: QWidget, *, experiment_only: bool = False) -> dict[str, object]:
    """What every control of ``panel`` on show shows, by objectName (``experiment_only``:
    only the controls of the experiment, not e.g. the sections' fold buttons)."""
    return {
        name: state(widget)
        for name, widget in controls(panel).items()
        if widget.isVisibleTo(panel) and not (experiment_only and name in NOT_IN_THE_EXPERIMENT)
    }


# --- the cases: every control, the experiment it starts from and what is typed into it -------

DATA_CONTROLS = [
    "datasetCombo", "noiseSlider", "trainFractionSlider", "samplesSpin", "batchSizeSpin",
    *(f"feature_{name}" for name in FEATURES),
    "regenerateButton", "importCsvButton", "pointClassCombo",
]  # fmt: skip
ARCHITECTURE_CONTROLS = [
    "addLayerButton", "removeLayerButton",
    *(f"{name}_{k}" for k in (1, 2) for name in ("unitsMinus", "unitsSpin", "unitsPlus",
      "activationCombo", "batchNormCheck", "dropoutSpin")),
    "batchNormAllCheck", "dropoutAllSpin", "initCombo", "outputActivationCombo", "lossCombo",
]  # fmt: skip
OPTIMIZER_CONTROLS = [
    "learningRateSectionHeader", "learningRateEdit", "learningRateSlider",
    *(f"learningRatePreset_{value:g}" for value in LR_PRESETS),
    "optimizerSectionHeader", "optimizerCombo",
    *(f"hp_{name}" for name in (
        "momentum", "dampening", "nesterov", "beta1", "beta2", "alpha", "lr_decay",
        "initial_accumulator_value", "eps", "weight_decay", "centered", "amsgrad",
    )),
    "scheduleSectionHeader", "scheduleCombo", "scheduleUnitCombo",
    *(f"schedule_{name}" for name in (
        "decay_rate", "decay_steps", "staircase", "step_size", "gamma", "T_max", "eta_min",
        "restarts", "max_lr", "total_steps", "pct_start", "factor", "patience", "warmup_steps",
    )),
    "penaltySectionHeader", "regularizationCombo", "regularizationRateEdit", "gradClipCombo",
    "gradClipThresholdEdit",
]  # fmt: skip
CONTROLS = {
    **dict.fromkeys(DATA_CONTROLS, "data"),
    **dict.fromkeys(ARCHITECTURE_CONTROLS, "architecture"),
    **dict.fromkeys(OPTIMIZER_CONTROLS, "optimizer"),
}
NOT_IN_THE_EXPERIMENT = {
    "importCsvButton",  # asks the window for a file
    "pointClassCombo",  # the class of the points a click adds
    "learningRateSectionHeader", "optimizerSectionHeader", "scheduleSectionHeader",
    "penaltySectionHeader",  # fold a section
}  # fmt: skip

TYPED = {
    "learningRateEdit": "0.1", "hp_momentum": "0.5", "hp_dampening": "0.1", "hp_beta1": "0.8",
    "hp_beta2": "0.99", "hp_alpha": "0.9", "hp_lr_decay": "0.01",
    "hp_initial_accumulator_value": "0.1", "hp_eps": "1e-6", "hp_weight_decay": "0.001",
    "schedule_decay_rate": "0.01", "schedule_decay_steps": "10", "schedule_step_size": "100",
    "schedule_gamma": "0.9", "schedule_T_max": "500", "schedule_eta_min": "0.001",
    "schedule_max_lr": "0.1", "schedule_total_steps": "1000", "schedule_pct_start": "0.4",
    "schedule_factor": "0.5", "schedule_patience": "5", "schedule_warmup_steps": "20",
    "regularizationRateEdit": "0.01", "gradClipThresholdEdit": "2",
}  # fmt: skip
"""What is typed into each number entry (a valid new value)."""

_OPTIMIZER_OF = (  # (controls, the optimizer showing them)
    (("hp_nesterov",), {"name": "sgd", "lr": 0.03, "momentum": 0.9}),
    (("hp_alpha", "hp_centered"), {"name": "rmsprop", "lr": 0.03}),
    (("hp_lr_decay", "hp_initial_accumulator_value"), {"name": "adagrad", "lr": 0.03}),
    (("hp_beta1", "hp_beta2", "hp_eps", "hp_amsgrad"), {"name": "adam", "lr": 0.03}),
)
_SCHEDULE_OF = (  # (controls, the schedule showing them)
    (("decay_rate", "decay_steps", "staircase"), {"name": "inverse_time", "decay_rate": 0.001}),
    (("step_size", "gamma"), {"name": "step", "step_size": 500, "gamma": 0.5}),
    (("T_max", "eta_min", "restarts"), {"name": "cosine", "T_max": 2000}),
    (("max_lr", "total_steps", "pct_start"), {"name": "one_cycle", "total_steps": 2000}),
    (("factor", "patience"), {"name": "plateau"}),
)


def _showing(name: str, groups: tuple) -> dict | None:
    return next((spec for names, spec in groups if name in names), None)


def start_for(name: str) -> Experiment:
    """An experiment in which ``name`` is shown, enabled, and its next value is valid."""
    training: dict = {}
    spec: dict = {}
    if name == "outputActivationCombo":  # auto → softmax needs cross-entropy: start elsewhere
        spec = {"loss": "mse", "network": {"output_activation": "linear"}}
    elif name == "learningRatePreset_0.03":  # the preset of the default rate: start elsewhere
        training = {"optimizer": {"name": "sgd", "lr": 0.1}}
    elif optimizer := _showing(name, _OPTIMIZER_OF):
        training = {"optimizer": optimizer}
    elif schedule := _showing(name.removeprefix("schedule_"), _SCHEDULE_OF):
        training = {"schedule": schedule}
    elif name == "regularizationRateEdit":
        training = {"regularization": {"kind": "l2", "rate": 0.001}}
    elif name == "gradClipThresholdEdit":
        training = {"grad_clip": {"mode": "norm", "max_norm": 1.0}}
    return Experiment.from_dict({**spec, "training": training})


INVALID_STARTS = {
    "datasetCombo": {"loss": "bce", "data": {"dataset": "checkerboard"}},  # → spiral3
    "lossCombo": {"data": {"dataset": "blobs4"}},  # auto → bce on four classes
    "outputActivationCombo": {},  # auto → softmax with binary cross-entropy
    "feature_x1": {"data": {"features": ["x1"]}},  # the last feature off
    "hp_nesterov": {},  # Nesterov without momentum
    "learningRatePreset_0.003": {  # below the cosine schedule's eta_min
        "training": {"schedule": {"name": "cosine", "T_max": 100, "eta_min": 0.01}}
    },
    "learningRateEdit": {},
    "schedule_eta_min": {"training": {"schedule": {"name": "cosine", "T_max": 100}}},
}
INVALID_TYPED = {"learningRateEdit": "abc", "schedule_eta_min": "0.5"}


# --- acting on a control: as the learner does, and from code ----------------------------------


def _step(widget: QComboBox | QAbstractSpinBox) -> tuple[float, Qt.Key]:
    """The next index of a combo (value of a spin box), or the previous at the end, and the
    key that goes there."""
    if isinstance(widget, QComboBox):
        value, step, top, up = widget.currentIndex(), 1, widget.count() - 1, Qt.Key.Key_Down
    else:
        value, step, top, up = widget.value(), widget.singleStep(), widget.maximum(), Qt.Key.Key_Up
    if value + step <= top:
        return value + step, up
    return value - step, Qt.Key.Key_Up if up == Qt.Key.Key_Down else Qt.Key.Key_Down


def by_the_learner(qtbot, widget: QWidget, text: str | None) -> None:
    """The next value, by keyboard (Space on buttons, arrows, typing and Enter)."""
    if isinstance(widget, QComboBox | QAbstractSpinBox):
        qtbot.keyClick(widget, _step(widget)[1])
    elif isinstance(widget, QSlider):
        qtbot.keyClick(widget, Qt.Key.Key_Right)
    elif isinstance(widget, QAbstractButton):
        qtbot.keyClick(widget, Qt.Key.Key_Space)
    else:
        widget.setFocus()
        widget.selectAll()
        qtbot.keyClick(widget, Qt.Key.Key_Backspace)
        qtbot.keyClicks(widget, text)
        qtbot.keyClick(widget, Qt.Key.Key_Return)


def by_code(widget: QWidget, text: str | None) -> None:
    """The same value, set programmatically."""
    if isinstance(widget, QComboBox):
        widget.setCurrentIndex(_step(widget)[0])
    elif isinstance(widget, QAbstractSpinBox):
        widget.setValue(_step(widget)[0])
    elif isinstance(widget, QSlider):
        widget.setValue(widget.value() + widget.singleStep())
    elif isinstance(widget, QAbstractButton):
        if widget.isCheckable():
            widget.setChecked(not widget.isChecked())
        else:
            widget.click()
    else:
        widget.setText(text)
        widget.editingFinished.emit()


class Recorder:
    """Everything a panel emits, in order."""

    def __init__(self, panel: QWidget) -> None:
        self.calls: list[tuple] = []
        names = ["experimentEdited", "messageRaised", "learningRateChanged",
                 "hyperparameterChanged", "importCsvRequested"]  # fmt: skip
        for name in names:
            signal = getattr(panel, name, None)
            if signal is not None:
                signal.connect(lambda *args, name=name: self.calls.append((name, *args)))


def make_panel(qtbot, cls, experiment: Experiment):
    panel = cls(experiment)
    qtbot.addWidget(panel)
    panel.show()
    return panel


def act_both_ways(qtbot, name: str, start: Experiment, text: str | None):
    """The learner's panel and the programmatic panel after the change, and their records."""
    cls = PANELS[CONTROLS[name]]
    by_hand, by_program = make_panel(qtbot, cls, start), make_panel(qtbot, cls, start)
    hand, program = Recorder(by_hand), Recorder(by_program)
    widget = controls(by_program)[name]
    assert widget.isVisibleTo(by_program) and widget.isEnabled(), f"{name} cannot be used"
    by_the_learner(qtbot, controls(by_hand)[name], text)
    by_code(widget, text)
    assert program.calls == hand.calls
    assert by_program.experiment() == by_hand.experiment()
    assert shown(by_program) == shown(by_hand)
    assert by_program.message() == by_hand.message()
    return by_program, program


def assert_no_echo(qtbot, panel, experiment: Experiment) -> None:
    """Showing ``experiment`` emits nothing and shows what a fresh panel would."""
    record = Recorder(panel)
    panel.set_experiment(experiment)
    assert record.calls == []
    assert panel.experiment() == experiment
    for section in panel.findChildren(Section):  # a folded section hides its controls
        section.set_expanded(True)
    fresh = make_panel(qtbot, type(panel), experiment)
    assert shown(panel, experiment_only=True) == shown(fresh, experiment_only=True)


# --- the tests ----------------------------------------------------------------------------------


@pytest.mark.parametrize("name", list(PANELS))
def test_every_named_control_is_covered(qtbot, name):
    panel = make_panel(qtbot, PANELS[name], Experiment.default())
    assert sorted(controls(panel)) == sorted(n for n, p in CONTROLS.items() if p == name)


@pytest.mark.parametrize("name", list(CONTROLS))
def test_a_programmatic_change_edits_the_experiment_as_the_learners_does(qtbot, name):
    start = start_for(name)
    panel, record = act_both_ways(qtbot, name, start, TYPED.get(name))
    if name in NOT_IN_THE_EXPERIMENT:
        assert panel.experiment() == start
        assert record.calls or shown(panel) != shown(make_panel(qtbot, type(panel), start))
    else:
        assert panel.experiment() != start
        assert record.calls and record.calls[-1][0] != "messageRaised"
        assert panel.message() == ""
    edited = panel.experiment()
    assert_no_echo(qtbot, panel, start)  # the window showing another experiment
    assert_no_echo(qtbot, panel, edited)  # … and the edited one again


@pytest.mark.parametrize("name", list(INVALID_STARTS))
def test_an_invalid_programmatic_change_is_refused_as_the_learners_is(qtbot, name):
    start = Experiment.from_dict(INVALID_STARTS[name])
    panel, record = act_both_ways(qtbot, name, start, INVALID_TYPED.get(name))
    assert panel.experiment() == start
    assert [call[0] for call in record.calls] == ["messageRaised"]
    assert panel.message().startswith("Not applied")
    assert shown(panel) == shown(make_panel(qtbot, type(panel), start))


# --- end to end, in the window ------------------------------------------------------------------

COMBO_VALUES: dict[str, Callable[[Experiment], object]] = {
    "datasetCombo": lambda e: e.data.dataset,
    "initCombo": lambda e: e.network.init,
    "outputActivationCombo": lambda e: e.network.output_activation,
    "lossCombo": lambda e: e.loss,
    "optimizerCombo": lambda e: e.training.optimizer.name,
    "scheduleCombo": lambda e: e.training.schedule.name,
    "scheduleUnitCombo": lambda e: e.training.schedule.unit,
    "regularizationCombo": lambda e: e.training.regularization.kind,
    "gradClipCombo": lambda e: None if e.training.grad_clip is None else e.training.grad_clip.mode,
}


def combo_value(name: str, e: Experiment) -> object:
    kind, _, k = name.partition("_")  # activationCombo_<k>
    return e.network.hidden_layers[int(k) - 1].activation if k else COMBO_VALUES[kind](e)


def window_panels(window):
    return window.data_panel, window.architecture_panel, window.optimizer_panel


def window_combos(window) -> dict[str, QComboBox]:
    return {
        name: widget
        for panel in window_panels(window)
        for name, widget in controls(panel).items()
        if isinstance(widget, QComboBox) and name != "pointClassCombo"
    }


def assert_combos_agree(window) -> None:
    experiment = window.experiment()
    for name, combo in window_combos(window).items():
        value = combo_value(name, experiment)
        assert combo.currentData() == value, name
        assert combo.currentText() == combo.itemText(combo.findData(value)), name
    for panel in window_panels(window):
        assert panel.experiment() == experiment


def test_the_window_trains_the_optimizer_its_combo_shows(qtbot, window):
    combo = controls(window.optimizer_panel)["optimizerCombo"]
    edits = []
    for panel in window_panels(window):
        panel.experimentEdited.connect(edits.append)
    combo.setCurrentIndex(combo.findData("adam"))
    assert combo.currentText() == "Adam"
    assert window.experiment().training.optimizer.name == "adam"
    assert len(edits) == 1  # no panel echoed the window's write-back
    combo.setCurrentIndex(combo.findData("sgd"))
    assert window.experiment().training.optimizer.name == "sgd"
    assert len(edits) == 2
    assert_combos_agree(window)


@pytest.mark.parametrize("seed", [1, 2])
def test_combo_text_and_experiment_never_disagree(qtbot, window, seed):
    rng = random.Random(seed)
    edits, messages = [], []
    for panel in window_panels(window):
        panel.experimentEdited.connect(edits.append)
        panel.messageRaised.connect(messages.append)
    for _ in range(40):
        combos = window_combos(window)  # the layer rows come and go
        name = rng.choice(sorted(combos))
        combo = combos[name]
        before = window.experiment()
        index = rng.choice([i for i in range(combo.count()) if i != combo.currentIndex()])
        edits.clear()
        messages.clear()
        combo.setCurrentIndex(index)
        if window.experiment() == before:  # refused: said so, and the combo went back
            assert len(messages) == 1 and edits == [], name
        else:  # applied: exactly one edit, no echo from the panels the window wrote to
            assert len(edits) == 1 and messages == [], name
            assert combo_value(name, window.experiment()) == combo.itemData(index)
        assert_combos_agree(window)


def test_a_data_edit_after_a_live_learning_rate_change_keeps_the_rate(qtbot, window):
    edit = controls(window.optimizer_panel)["learningRateEdit"]
    edit.setText("0.1")
    edit.editingFinished.emit()
    controls(window.data_panel)["noiseSlider"].setValue(20)
    assert window.experiment().data.noise == 0.2
    assert window.experiment().training.optimizer.lr == 0.1
    for panel in window_panels(window):
        assert panel.experiment() == window.experiment()


# --- one model: the panels and the window bind to it ------------------------------------------


def test_panels_show_every_write_to_their_model_without_echoing_it(qtbot):
    model = ExperimentModel()
    data, optimizer = DataPanel(model=model), OptimizerPanel(model=model)
    for panel in (data, optimizer):
        qtbot.addWidget(panel)
    records = [Recorder(data), Recorder(optimizer)]
    model.update("data", noise=0.3)
    model.set_optimizer_param("lr", 0.1)
    assert controls(data)["noiseSlider"].value() == 30
    assert controls(optimizer)["learningRateEdit"].text() == "0.1"
    assert [r.calls for r in records] == [[], []]  # a write from outside is not an edit
    controls(data)["samplesSpin"].setValue(300)  # an edit in one panel is the model's
    assert model.experiment.data.samples == 300 == optimizer.experiment().data.samples
    assert records[0].calls == [("experimentEdited", model.experiment)]


def test_a_panel_takes_a_model_or_an_experiment_not_both(qtbot):
    with pytest.raises(ValueError, match="not both"):
        DataPanel(Experiment.default(), model=ExperimentModel())


def test_the_windows_panels_share_its_model(qtbot, window):
    assert all(panel.model is window.model for panel in window_panels(window))


def test_a_write_to_the_windows_model_is_shown_and_trained(qtbot, window):
    window.model.update("data", noise=0.3)
    assert controls(window.data_panel)["noiseSlider"].value() == 30
    assert "•" in window.windowTitle()
    qtbot.waitUntil(lambda: window.last_snapshot.experiment.data.noise == 0.3)
    window.model.set_optimizer_param("lr", 0.3)  # live: the same run goes on at the new rate
    assert controls(window.optimizer_panel)["learningRateEdit"].text() == "0.3"
    qtbot.waitUntil(lambda: window.last_snapshot.experiment.training.optimizer.lr == 0.3)
    assert "lr 0.03 → 0.3" in [text for _, text in window.last_snapshot.markers]
    window.model.update("network", init="he_normal")  # new weights: step 0, and said why
    assert "New weights" in window.status_text()
    qtbot.waitUntil(lambda: window.last_snapshot.experiment.network.init == "he_normal")
