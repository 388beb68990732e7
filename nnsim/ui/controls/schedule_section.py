"""The Schedule section: how the learning rate changes during training, with a preview."""

from __future__ import annotations

import dataclasses
from functools import cache
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QComboBox, QHBoxLayout

from nnsim.engine.schedules import SCHEDULES, lr_curve, make_schedule
from nnsim.training.data import steps_per_epoch
from nnsim.training.experiment import Experiment, ScheduleSpec
from nnsim.ui.controls.fields import MessageLabel
from nnsim.ui.controls.training_section import Param, ParamRows, TrainingSection, choice_combo
from nnsim.ui.style import MUTED, POSITIVE, TEXT

__all__ = ["PREVIEW_STEPS", "ScheduleSection", "planned_steps"]

PREVIEW_STEPS = 2000
"""Steps shown by the schedule preview (one-cycle: its ``total_steps`` plus warm-up)."""

_SCHEDULE_TITLES = {
    "constant": "constant",
    "inverse_time": "inverse time",
    "step": "step",
    "exponential": "exponential",
    "cosine": "cosine",
    "one_cycle": "one-cycle",
    "plateau": "on plateau",
}
_SCHEDULE_TIPS = {
    "constant": "η stays at the learning rate.",
    "inverse_time": "Keras InverseTimeDecay: η = η₀ / (1 + decay_rate · t / decay_steps).",
    "step": "PyTorch StepLR: η = η₀ · gamma^⌊t / step_size⌋.",
    "exponential": "PyTorch ExponentialLR: η = η₀ · gamma^t.",
    "cosine": "PyTorch CosineAnnealingLR: η falls from η₀ to eta_min along a half cosine "
    "over T_max (with restarts: jumps back to η₀ every T_max).",
    "one_cycle": "PyTorch OneCycleLR: η rises to max_lr, then anneals far below the start, "
    "over total_steps (momentum cycles the other way).",
    "plateau": "PyTorch ReduceLROnPlateau: η × factor when the test loss has not improved "
    "for 'patience' evaluations. The preview cannot know when that happens.",
}
# Values a schedule starts with when chosen (its required keywords and visible choices).
_SCHEDULE_STARTERS: dict[str, dict[str, Any]] = {
    "constant": {},
    "inverse_time": {"decay_rate": 0.001},
    "step": {"step_size": 500, "gamma": 0.5},
    "exponential": {"gamma": 0.999},
    "cosine": {"T_max": PREVIEW_STEPS},
    "one_cycle": {"total_steps": PREVIEW_STEPS},
    "plateau": {},
}
_SCHEDULE_PARAMS = (
    Param("decay_rate", "decay_rate", "float", "How fast η decays (≥ 0).", low=0),
    Param("decay_steps", "decay_steps", "float", "t is counted in units of decay_steps (> 0).",
          low=0, low_open=True),
    Param("staircase", "staircase", "bool", "Decay in jumps every decay_steps instead of "
          "smoothly."),
    Param("step_size", "step_size", "int", "Multiply η by gamma every step_size units.",
          low=1),
    Param("gamma", "gamma", "float", "Multiplicative decay in (0, 1].", low=0, high=1,
          low_open=True),
    Param("T_max", "T_max", "int", "Units from η₀ down to eta_min (half a cosine period).",
          low=1),
    Param("eta_min", "eta_min", "float", "The lowest rate, in [0, learning rate].", low=0),
    Param("restarts", "restarts", "bool", "Warm restarts: jump back to η₀ every T_max "
          "(CosineAnnealingWarmRestarts)."),
    Param("max_lr", "max_lr", "float", "Peak rate of the cycle. Empty: the learning rate.",
          low=0, low_open=True, optional=True),
    Param("total_steps", "total_steps", "int", "Length of the whole cycle, in steps.", low=1),
    Param("pct_start", "pct_start", "float", "Share of the cycle spent raising η, in [0, 1].",
          low=0, high=1),
    Param("factor", "factor", "float", "η ← η·factor when the loss stalls, in (0, 1).",
          low=0, high=1, low_open=True, high_open=True),
    Param("patience", "patience", "int", "Evaluations without improvement before η drops.",
          low=0),
    Param("warmup_steps", "warmup", "int", "Linear warm-up: η ramps up from η₀/(W+1) over the "
          "first W units (steps or epochs), then the schedule starts.", low=0),
)  # fmt: skip
_SCHEDULE_KEYS = {
    "constant": (),
    "inverse_time": ("decay_rate", "decay_steps", "staircase"),
    "step": ("step_size", "gamma"),
    "exponential": ("gamma",),
    "cosine": ("T_max", "eta_min", "restarts"),
    "one_cycle": ("max_lr", "total_steps", "pct_start"),
    "plateau": ("factor", "patience"),
}


@cache
def _schedule_defaults(name: str) -> dict[str, Any]:
    fields = dataclasses.fields(SCHEDULES[name])
    return {f.name: f.default for f in fields if f.init and f.default is not dataclasses.MISSING}


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
        super().__init__("Schedule", "scheduleSection", message)
        self._schedule = ScheduleSpec()
        self.combo = choice_combo(
            self.body, "scheduleCombo", _SCHEDULE_TITLES, _SCHEDULE_TIPS, SCHEDULES
        )
        self.combo.setToolTip(
            "How the learning rate changes during training, starting from the learning rate "
            "above. Decaying it lets training settle into a minimum. (Restarts training.)"
        )
        self.unit_combo = QComboBox(self.body)
        self.unit_combo.setObjectName("scheduleUnitCombo")
        self.unit_combo.addItem("per step", "step")
        self.unit_combo.addItem("per epoch", "epoch")
        self.unit_combo.setToolTip(
            "What t counts: optimizer steps (mini-batches) or epochs (passes over the "
            "training set)."
        )
        head = QHBoxLayout()
        head.setContentsMargins(0, 0, 0, 0)
        head.addWidget(self.combo, 3)
        head.addWidget(self.unit_combo, 2)
        self.add_row("Schedule", head, self.combo.toolTip())
        self.rows = ParamRows(self, _SCHEDULE_PARAMS, "schedule", self._on_parameter_edited)
        self.form.addRow(message)

        self.preview = pg.PlotWidget(self.body, background="w")
        self.preview.setObjectName("schedulePreview")
        self.preview.setFixedHeight(100)
        self.preview.setMenuEnabled(False)
        self.preview.setMouseEnabled(x=False, y=False)
        self.preview.hideButtons()
        self.preview.setToolTip(
            "The learning rate the schedule will use at each step of the next "
            f"{PREVIEW_STEPS} steps (one-cycle: its whole cycle)."
        )
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

    def show(self, experiment: Experiment) -> None:
        """Show the experiment's schedule, only its parameters, and its preview (only from the
        panel's ``_show``)."""
        schedule = self._schedule = experiment.training.schedule
        values = {**_schedule_defaults(schedule.name), **schedule.params}
        self.combo.setCurrentIndex(self.combo.findData(schedule.name))
        self.unit_combo.setCurrentIndex(self.unit_combo.findData(schedule.unit))
        self.rows.show(values, {*_SCHEDULE_KEYS.get(schedule.name, ()), "warmup_steps"})
        self.unit_combo.setEnabled(schedule.name not in ("one_cycle", "plateau"))
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
        params = dict(_SCHEDULE_STARTERS.get(name, {}))
        if "warmup_steps" in old.params:
            params["warmup_steps"] = old.params["warmup_steps"]
        unit = "step" if name in ("one_cycle", "plateau") else old.unit
        self.edited.emit({"schedule": ScheduleSpec(name, unit, params)})

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
