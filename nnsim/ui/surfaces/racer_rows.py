"""One folding section per racer: its optimizer, learning rate and hyper-parameters, and its
schedule, as the engine declares them (the rows, bounds and tooltips come from the
``HYPERPARAMETERS`` declarations, through the optimizer panel's :class:`ParamRows`).

objectNames, with i the racer's index from 0: ``surfaceRacer_<i>`` (the section),
``surfaceOptimizerCombo_<i>``, ``surfaceHp<i>_<name>`` (``surfaceHp0_lr``,
``surfaceHp0_momentum``, ``surfaceHp0_beta1``…), ``surfaceScheduleCombo_<i>``,
``surfaceSchedule<i>_<name>``, ``surfaceRemoveButton_<i>``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import Any

import numpy as np
from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QPushButton, QScrollArea, QVBoxLayout, QWidget

from nnsim.engine.hyperparameters import HyperParameter
from nnsim.engine.optimizers import OPTIMIZERS
from nnsim.engine.schedules import SCHEDULES, Schedule
from nnsim.training.surface_race import RACE_SCHEDULES, RacerSpec
from nnsim.ui.compare.loss_plot import run_color
from nnsim.ui.controls.fields import MessageLabel
from nnsim.ui.controls.training_section import (
    ParamRows,
    TrainingSection,
    choice_combo,
    set_choice_texts,
)
from nnsim.ui.i18n import shown, tr

__all__ = ["RacerSection", "RacerSections"]


def _schedule_rows(schedule: type[Schedule]) -> list[HyperParameter]:
    return [p for p in schedule.hyperparameters() if not p.advanced and p.name != "lr0"]


class RacerSection(TrainingSection):
    """The settings of racer ``index``. ``changed(index, spec)`` carries a spec the engine
    accepted; a refused edit shows why (``message``) and the section shows the old spec
    again. ``removeRequested(index)`` from its remove button."""

    changed = Signal(int, object)
    removeRequested = Signal(int)

    def __init__(self, index: int, spec: RacerSpec, color: str) -> None:
        message = MessageLabel(f"surfaceRacerMessage_{index}")
        super().__init__(f"{index + 1}", f"surfaceRacer_{index}", message)
        self.index, self.spec, self.color = index, spec, color
        self._showing = False
        self.header.setStyleSheet(
            f"QToolButton {{ font-weight: bold; border: none; color: {color}; }}"
        )
        self.optimizer_combo = choice_combo(
            self.body, f"surfaceOptimizerCombo_{index}", {n: n for n in OPTIMIZERS}
        )
        self.optimizer_combo.setToolTip(tr("The engine's optimizer, on the 2 numbers (x, y)."))
        self.add_row(tr("Optimizer"), self.optimizer_combo, self.optimizer_combo.toolTip())
        every = [p for cls in OPTIMIZERS.values() for p in cls.HYPERPARAMETERS]
        self.rows = ParamRows(self, every, f"surfaceHp{index}", self._on_hyperparameter)
        self.schedule_combo = choice_combo(
            self.body, f"surfaceScheduleCombo_{index}", {n: n for n in RACE_SCHEDULES}
        )
        self._name_choices()
        self.schedule_combo.setToolTip(tr("How the learning rate changes from step to step."))
        self.add_row(tr("Schedule"), self.schedule_combo, self.schedule_combo.toolTip())
        every_schedule = [p for name in RACE_SCHEDULES for p in _schedule_rows(SCHEDULES[name])]
        optional = {SCHEDULES[name].lr0_field for name in RACE_SCHEDULES} - {"lr0"}
        self.schedule_rows = ParamRows(
            self, every_schedule, f"surfaceSchedule{index}", self._on_schedule_param, optional
        )
        self.remove_button = QPushButton(tr("Remove"), self.body)
        self.remove_button.setObjectName(f"surfaceRemoveButton_{index}")
        self.remove_button.setToolTip(tr("Take this optimizer out of the race."))
        self.form.addRow(message)
        self.form.addRow(self.remove_button)
        self.refused.connect(message.show_message)
        self.remove_button.clicked.connect(lambda: self.removeRequested.emit(self.index))
        self.optimizer_combo.currentIndexChanged.connect(self._on_optimizer_chosen)
        self.schedule_combo.currentIndexChanged.connect(self._on_schedule_chosen)
        self.display(spec)

    def _name_choices(self) -> None:
        """The optimizers' and schedules' titles, and their summaries and formulas as the
        items' tooltips, in the UI's language."""
        for combo, classes in ((self.optimizer_combo, OPTIMIZERS), (self.schedule_combo,
                               {name: SCHEDULES[name] for name in RACE_SCHEDULES})):  # fmt: skip
            set_choice_texts(
                combo,
                {name: cls.title for name, cls in classes.items()},
                {name: f"{tr(cls.summary)}\n{tr(cls.formula)}" for name, cls in classes.items()},
            )

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:  # the texts made from values, again
            self._name_choices()
            self.display(self.spec)  # (the rows' tooltips hold their values)

    def display(self, spec: RacerSpec) -> None:
        """Show ``spec``: its optimizer's and schedule's rows only."""
        self.spec = spec
        self._showing = True
        try:
            cls = OPTIMIZERS[spec.optimizer]
            values = {**cls.defaults(), **spec.params}
            values["beta1"], values["beta2"] = values.get("betas", (None, None))
            self.optimizer_combo.setCurrentIndex(self.optimizer_combo.findData(spec.optimizer))
            self.rows.show(values, cls.HYPERPARAMETERS)
            schedule = SCHEDULES[spec.schedule]
            self.schedule_combo.setCurrentIndex(self.schedule_combo.findData(spec.schedule))
            self.schedule_rows.show(
                {**schedule.defaults(), **spec.schedule_params}, _schedule_rows(schedule)
            )
        finally:
            self._showing = False
        self.name_header()

    def name_header(self) -> None:
        """The header: the racer's number and label, in the UI's language."""
        self.header.setText(f"{self.index + 1}. {shown(self.spec.label())}")

    # -- edits --

    def _offer(self, spec: RacerSpec) -> None:
        """Take ``spec`` if the engine accepts it, else say why and show the old one."""
        try:
            spec.build(np.zeros(2))
        except ValueError as err:
            self.message.show_message(tr("Not changed: {problem}.").format(problem=err))
            self.display(self.spec)
            return
        self.message.clear_message()
        self.display(spec)
        self.changed.emit(self.index, spec)

    def _on_optimizer_chosen(self, index: int) -> None:
        name = self.optimizer_combo.itemData(index)
        if not self._showing and name != self.spec.optimizer:
            self._offer(dataclasses.replace(self.spec, optimizer=name, params={"lr": self.spec.lr}))

    def _on_hyperparameter(self, key: str, value: Any) -> None:
        if self._showing:
            return
        params = dict(self.spec.params)
        if key in ("beta1", "beta2"):
            betas = list(params.get("betas", OPTIMIZERS[self.spec.optimizer].defaults()["betas"]))
            betas[key == "beta2"] = value
            key, value = "betas", tuple(betas)
        params[key] = value
        self._offer(dataclasses.replace(self.spec, params=params))

    def _on_schedule_chosen(self, index: int) -> None:
        name = self.schedule_combo.itemData(index)
        if self._showing or name == self.spec.schedule:
            return
        suggested = {
            p.name: p.suggested for p in SCHEDULES[name].hyperparameters()
            if p.suggested is not None
        }  # fmt: skip
        self._offer(dataclasses.replace(self.spec, schedule=name, schedule_params=suggested))

    def _on_schedule_param(self, key: str, value: Any) -> None:
        if self._showing:
            return
        params = {k: v for k, v in self.spec.schedule_params.items() if k != key}
        if value is not None:
            params[key] = value
        self._offer(dataclasses.replace(self.spec, schedule_params=params))


class RacerSections(QScrollArea):
    """Up to ``count`` racer sections in a scroll area, all made at once (hidden until
    used, then reused: building one takes ~20 ms, too long for a preset to wait on);
    ``changed`` and ``removeRequested`` as each section's."""

    changed = Signal(int, object)
    removeRequested = Signal(int)

    def __init__(
        self, count: int, specs: Sequence[RacerSpec], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        box = QWidget(self)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(2, 2, 2, 2)
        self.pool: list[RacerSection] = []
        for i in range(count):
            section = RacerSection(i, specs[i % len(specs)], run_color(i))
            section.changed.connect(self.changed)
            section.removeRequested.connect(self.removeRequested)
            section.setVisible(False)
            layout.addWidget(section)
            self.pool.append(section)
        layout.addStretch(1)
        self.setWidgetResizable(True)
        self.setWidget(box)
        self.setMinimumWidth(270)

    def retranslate(self) -> None:
        """Every section's header again, in the UI's language."""
        for section in self.pool:
            section.name_header()

    def display(self, specs: list[RacerSpec]) -> list[RacerSection]:
        """Show ``specs``, one section each (the rest hidden); the sections shown."""
        for section, spec in zip(self.pool, specs, strict=False):
            section.message.clear_message()
            section.display(spec)
        for i, section in enumerate(self.pool):
            section.setVisible(i < len(specs))
            section.remove_button.setEnabled(len(specs) > 1)
        return self.pool[: len(specs)]
