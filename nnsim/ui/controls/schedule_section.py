"""The Schedule section: how the learning rate changes during training, with a preview."""

from __future__ import annotations

import dataclasses
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QComboBox, QHBoxLayout

from nnsim.engine.hyperparameters import HyperParameter
from nnsim.engine.schedules import SCHEDULES, Schedule, lr_curve, make_schedule
from nnsim.training.data import steps_per_epoch
from nnsim.training.experiment import Experiment, ScheduleSpec
from nnsim.training.text import QT_TR_NOOP
from nnsim.training.variations import STEP_ONLY_SCHEDULES, switched_schedule
from nnsim.ui.controls.fields import MessageLabel
from nnsim.ui.controls.training_section import (
    ParamRows,
    TrainingSection,
    choice_combo,
    set_choice_texts,
)
from nnsim.ui.i18n import tr
from nnsim.ui.style import MUTED, POSITIVE, TEXT

__all__ = ["PREVIEW_STEPS", "ScheduleSection", "planned_steps"]

PREVIEW_STEPS = 2000
"""Steps shown by the schedule preview (one-cycle: its ``total_steps`` plus warm-up)."""


def _declared(schedule: type[Schedule]) -> list[HyperParameter]:
    """The hyper-parameters the section shows: all but the advanced ones and ``lr0`` (the
    learning rate, in its own section), in the declared order (warm-up last)."""
    return [p for p in schedule.hyperparameters() if not p.advanced and p.name != "lr0"]


def _tip(schedule: type[Schedule]) -> str:
    return f"{tr(schedule.torch_name)}: {tr(schedule.summary)}\n{tr(schedule.formula)}"


def planned_steps(schedule: ScheduleSpec) -> int:
    """Steps the preview covers: 2000, or one-cycle's ``total_steps`` plus warm-up."""
    if schedule.name == "one_cycle":
        return int(schedule.params["total_steps"]) + int(schedule.params.get("warmup_steps", 0))
    return PREVIEW_STEPS


class ScheduleSection(TrainingSection):
    """``scheduleCombo``, ``scheduleUnitCombo``, one ``schedule_<name>`` row per parameter of
    the schedule shown (and ``schedule_warmup_steps``), ``message`` (``scheduleMessage``)
    and the ``schedulePreview`` plot of the rates to come.

    :attr:`edited` carries ``{"schedule": ScheduleSpec}``.
    """

    def __init__(self, message: MessageLabel) -> None:
        super().__init__(QT_TR_NOOP("Schedule"), "scheduleSection", message)
        self._schedule = ScheduleSpec()
        self.combo = choice_combo(
            self.body, "scheduleCombo", {name: cls.title for name, cls in SCHEDULES.items()}
        )
        self.combo.setToolTip(
            tr(
                "How the learning rate changes during training, starting from the learning rate "
                "above. Decaying it lets training settle into a minimum. (Restarts training.)"
            )
        )
        self.unit_combo = QComboBox(self.body)
        self.unit_combo.setObjectName("scheduleUnitCombo")
        self.unit_combo.addItem(tr("per step"), "step")
        self.unit_combo.addItem(tr("per epoch"), "epoch")
        self.unit_combo.setToolTip(
            tr(
                "What t counts: optimizer steps (mini-batches) or epochs (passes over the "
                "training set)."
            )
        )
        head = QHBoxLayout()
        head.setContentsMargins(0, 0, 0, 0)
        head.addWidget(self.combo, 3)
        head.addWidget(self.unit_combo, 2)
        self.add_row(tr("Schedule"), head, self.combo.toolTip())
        every = [p for cls in SCHEDULES.values() for p in _declared(cls)]
        optional = {cls.lr0_field for cls in SCHEDULES.values()} - {"lr0"}
        self.rows = ParamRows(self, every, "schedule", self._on_parameter_edited, optional)
        self.form.addRow(message)

        self.preview = pg.PlotWidget(self.body, background="w")
        self.preview.setObjectName("schedulePreview")
        self.preview.setFixedHeight(100)
        self.preview.setMenuEnabled(False)
        self.preview.setMouseEnabled(x=False, y=False)
        self.preview.hideButtons()
        plot = self.preview.getPlotItem()
        for side in ("left", "bottom"):
            axis = plot.getAxis(side)
            axis.setPen(pg.mkPen(MUTED))
            axis.setTextPen(pg.mkPen(TEXT))
            axis.setStyle(tickTextOffset=2)
        plot.getAxis("left").setWidth(38)
        self.preview_item = plot.plot(pen=pg.mkPen(POSITIVE, width=2))
        self.form.addRow(self.preview)
        self.combo.currentIndexChanged.connect(self._on_schedule_chosen)
        self.unit_combo.currentIndexChanged.connect(self._on_unit_chosen)

    def set_texts(self) -> None:
        titles = {name: cls.title for name, cls in SCHEDULES.items()}
        # "step" is the plots' step (步) too; one source string has one translation
        titles["step"] = tr("step decay")
        set_choice_texts(self.combo, titles, {name: _tip(cls) for name, cls in SCHEDULES.items()})
        self.preview.setToolTip(
            tr(
                "The learning rate the schedule will use at each step of the next {steps} "
                "steps (one-cycle: its whole cycle)."
            ).format(steps=PREVIEW_STEPS)
        )

    def display(self, experiment: Experiment) -> None:
        """Show the experiment's schedule, only its parameters, and its preview (only from the
        panel's ``_show``)."""
        schedule = self._schedule = experiment.training.schedule
        cls = SCHEDULES[schedule.name]
        values = {**cls.defaults(), **schedule.params}
        self.combo.setCurrentIndex(self.combo.findData(schedule.name))
        self.unit_combo.setCurrentIndex(self.unit_combo.findData(schedule.unit))
        self.rows.show(values, _declared(cls))
        self.unit_combo.setEnabled(schedule.name not in STEP_ONLY_SCHEDULES)
        self._show_preview(experiment)

    def preview_curve(self) -> np.ndarray:
        """The learning rates plotted in the preview, one per planned step."""
        y = self.preview_item.getData()[1]
        return np.array([]) if y is None else np.asarray(y)

    def _show_preview(self, experiment: Experiment) -> None:
        training = experiment.training
        schedule = training.schedule
        try:
            curve = lr_curve(
                make_schedule(schedule.name, training.optimizer.lr, **schedule.params),
                planned_steps(schedule),
                steps_per_epoch(experiment),
                schedule.unit,
            )
        except ValueError:
            curve = np.array([])
        self.preview_item.setData(np.arange(len(curve)), curve)
        if len(curve):
            top = float(np.max(curve))
            self.preview.setYRange(0.0, top * 1.05 if top > 0 else 1.0, padding=0)
            self.preview.setXRange(0, max(len(curve) - 1, 1), padding=0.02)

    def _on_schedule_chosen(self, index: int) -> None:
        name = self.combo.itemData(index)
        old = self._schedule
        if name == old.name:
            return
        self.edited.emit({"schedule": switched_schedule(old, name)})

    def _on_unit_chosen(self, index: int) -> None:
        unit = self.unit_combo.itemData(index)
        if unit != self._schedule.unit:
            self.edited.emit({"schedule": dataclasses.replace(self._schedule, unit=unit)})

    def _on_parameter_edited(self, key: str, value: Any) -> None:
        schedule = self._schedule
        params = {k: v for k, v in schedule.params.items() if k != key}
        if value is not None:
            params[key] = value
        if params != schedule.params:
            self.edited.emit({"schedule": dataclasses.replace(schedule, params=params)})
