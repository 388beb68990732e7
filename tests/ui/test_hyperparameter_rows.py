"""The Optimizer and Schedule sections show exactly what the engine declares: one row per
hyper-parameter of the optimizer (schedule) shown, in its declared order, with the declared
label, bounds and tooltip."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QCheckBox, QFormLayout, QLabel

from nnsim.engine.optimizers import OPTIMIZERS
from nnsim.engine.schedules import SCHEDULES
from nnsim.training.experiment import Experiment, OptimizerSpec, ScheduleSpec
from nnsim.ui.controls.fields import MessageLabel
from nnsim.ui.controls.optimizer_section import OptimizerSection
from nnsim.ui.controls.schedule_section import ScheduleSection
from nnsim.ui.controls.training_section import _rows_of


def shown_rows(form: QFormLayout, widgets: dict) -> list[tuple[str, str, str]]:
    """(key, label, tooltip) of the visible rows, top to bottom."""
    by_widget = {id(w): key for key, w in widgets.items()}
    rows = []
    for row in range(form.rowCount()):
        item = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
        widget = item.widget() if item else None
        if widget is None or id(widget) not in by_widget or not form.isRowVisible(row):
            continue
        label = form.itemAt(row, QFormLayout.ItemRole.LabelRole).widget()
        assert isinstance(label, QLabel) and label.toolTip() == widget.toolTip()
        rows.append((by_widget[id(widget)], label.text(), widget.toolTip()))
    return rows


@pytest.mark.parametrize("name", list(OPTIMIZERS))
def test_optimizer_rows_are_the_declared_hyperparameters(qtbot, name):
    section = OptimizerSection(MessageLabel("message"))
    qtbot.addWidget(section)
    section.display(OptimizerSpec("adam" if name == "sgd" else "sgd", {"lr": 0.01}))  # reorders
    section.display(OptimizerSpec(name, {"lr": 0.01}))
    declared = [p for p in OPTIMIZERS[name].HYPERPARAMETERS if p.name != "lr"]
    expected = [row for p in declared for row in _rows_of(p)]
    assert shown_rows(section.form, section.rows.widgets) == expected
    for p in declared:
        if p.kind in ("float", "int"):
            widget = section.rows.widgets[p.name]
            assert widget.value() == p.default
            assert p.help in widget.toolTip() and p.interval.symbol() in widget.toolTip()
        elif p.kind == "bool":
            assert isinstance(section.rows.widgets[p.name], QCheckBox)


@pytest.mark.parametrize("name", list(SCHEDULES))
def test_schedule_rows_are_the_declared_hyperparameters(qtbot, name):
    section = ScheduleSection(MessageLabel("message"))
    qtbot.addWidget(section)
    cls = SCHEDULES[name]
    params = {p.name: p.suggested for p in cls.hyperparameters() if p.suggested is not None}
    experiment = Experiment.from_dict({"training": {"schedule": {"name": name, **params}}})
    section.display(experiment)
    declared = [p for p in cls.hyperparameters() if not p.advanced and p.name != "lr0"]
    assert [key for key, _, _ in shown_rows(section.form, section.rows.widgets)] == [
        p.name for p in declared
    ]
    assert shown_rows(section.form, section.rows.widgets)[-1][0] == "warmup_steps"
    for key, label, tip in shown_rows(section.form, section.rows.widgets):
        p = next(p for p in declared if p.name == key)
        assert (label, tip) == (p.shown_label, p.tooltip())


def test_choosing_a_schedule_starts_from_its_suggested_values(qtbot):
    section = ScheduleSection(MessageLabel("message"))
    qtbot.addWidget(section)
    section.display(Experiment())
    with qtbot.waitSignal(section.edited) as blocker:
        section.combo.setCurrentIndex(section.combo.findData("step"))
    assert blocker.args[0]["schedule"] == ScheduleSpec("step", "step", {"step_size": 500})
