"""Learning rate & optimizer: rate (log scale, presets), optimizer, schedule, penalties, clipping.

Live (no reset, no rebuild): the learning rate (:attr:`OptimizerPanel.learningRateChanged`)
and the optimizer's hyper-parameters (:attr:`OptimizerPanel.hyperparameterChanged`, under
PyTorch's names: ``momentum``, ``betas``, ``eps`` …). Everything else — the optimizer itself,
the schedule, regularisation and gradient clipping — is emitted as
:attr:`~nnsim.ui.controls.base.ExperimentPanel.experimentEdited` (rebuild).

The learning rate section is built here; the other three are their own widgets
(:class:`~nnsim.ui.controls.optimizer_section.OptimizerSection`,
:class:`~nnsim.ui.controls.schedule_section.ScheduleSection`,
:class:`~nnsim.ui.controls.penalty_section.PenaltySection`), which show the experiment and
report edits; this panel writes them to the experiment model, which checks them.
"""

from __future__ import annotations

import math
from functools import partial
from typing import Any

import numpy as np
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QPushButton,
    QSizePolicy,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from nnsim.engine.hyperparameters import Interval
from nnsim.training.data import steps_per_epoch
from nnsim.training.text import QT_TR_NOOP
from nnsim.ui.controls.base import ExperimentPanel
from nnsim.ui.controls.fields import (
    TOGGLE_STYLE,
    MessageLabel,
    NumberEdit,
    Section,
    format_number,
)
from nnsim.ui.controls.optimizer_section import OptimizerSection
from nnsim.ui.controls.penalty_section import PenaltySection
from nnsim.ui.controls.schedule_section import PREVIEW_STEPS, ScheduleSection, planned_steps
from nnsim.ui.i18n import tr

__all__ = [
    "LR_MAX",
    "LR_MIN",
    "LR_PRESETS",
    "PREVIEW_STEPS",
    "OptimizerPanel",
    "lr_from_slider",
    "slider_from_lr",
]

LR_MIN, LR_MAX = 1e-5, 10.0
LR_PRESETS = (0.00001, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0)
"""TensorFlow Playground's learning rates, one click away."""
SLIDER_STEPS_PER_DECADE = 100

_LR_TIP = QT_TR_NOOP(
    "Learning rate η in θ ← θ − η·∇J(θ): how far each step moves the weights along the "
    "negative gradient. Too small: training crawls. Too large: the loss oscillates or "
    "explodes.\nType any value from 0.00001 to 10 and press Enter, drag the slider (log scale) "
    "or click a preset. Changes apply at once, even while training."
)


def slider_from_lr(lr: float) -> int:
    """Position of ``lr`` on the log slider (100 positions per decade, 0 = 1e-5), clamped."""
    position = (math.log10(lr) - math.log10(LR_MIN)) * SLIDER_STEPS_PER_DECADE
    top = round((math.log10(LR_MAX) - math.log10(LR_MIN)) * SLIDER_STEPS_PER_DECADE)
    return min(max(round(position), 0), top)


def lr_from_slider(position: int) -> float:
    """The learning rate at a slider position, rounded to 2 significant digits."""
    lr = 10 ** (math.log10(LR_MIN) + position / SLIDER_STEPS_PER_DECADE)
    return float(f"{lr:.2g}")


class OptimizerPanel(ExperimentPanel):
    """Learning rate, optimizer and its hyper-parameters, schedule, regularisation, clipping.

    Widgets (objectName): ``learningRateEdit`` (any value in [1e-5, 10], Enter to apply),
    ``learningRateSlider`` (log scale), ``learningRatePreset_<value>`` (e.g.
    ``learningRatePreset_0.03``), ``learningRateMessage``; ``optimizerCombo`` and
    ``hp_<name>`` per hyper-parameter (``hp_momentum``, ``hp_beta1``, ``hp_nesterov`` …; only
    the current optimizer's are shown), ``optimizerMessage``; ``scheduleCombo``,
    ``scheduleUnitCombo``, ``schedule_<name>`` per parameter (``schedule_gamma`` …,
    ``schedule_warmup_steps``), ``schedulePreview`` (pyqtgraph), ``scheduleMessage``;
    ``regularizationCombo``, ``regularizationRateEdit``, ``gradClipCombo``,
    ``gradClipThresholdEdit``, ``penaltyMessage``.

    Signals
    -------
    learningRateChanged(float)
        Live: the new learning rate (the schedule restarts from it). No rebuild.
    hyperparameterChanged(str, object)
        Live: one optimizer hyper-parameter under its PyTorch name and value (``betas`` as a
        ``(beta1, beta2)`` tuple). No rebuild.
    experimentEdited(object)
        Optimizer, schedule, regularisation or clipping changed: rebuild.
    messageRaised(str)
        A refused edit.

    After a live signal the panel's :meth:`experiment` already holds the new value.
    """

    learningRateChanged = Signal(float)
    hyperparameterChanged = Signal(str, object)

    SHOWS = ("training", "data")  # the data decide the steps per epoch of the preview

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(6)
        layout.addWidget(self._build_learning_rate())
        self.optimizer_section = OptimizerSection(self._message_label("optimizerMessage"))
        self.schedule_section = ScheduleSection(self._message_label("scheduleMessage"))
        self.penalty_section = PenaltySection(self._message_label("penaltyMessage"))
        for section in (self.optimizer_section, self.schedule_section, self.penalty_section):
            layout.addWidget(section)
            where = section.message
            self._bind(section.edited, lambda changes, w=where: self._edit_training(w, changes))
            self._bind(section.refused, lambda message, w=where: self._refuse(message, w))
        self._bind(self.optimizer_section.hyperparameterEdited, self._on_hyperparameter_edited)
        layout.addStretch(1)
        self._set_texts()
        self._show()

    def _set_texts(self) -> None:
        for value, button in self.preset_buttons.items():
            button.setToolTip(
                tr("Set the learning rate to {rate}.").format(rate=format_number(value))
            )
        for section in (self.optimizer_section, self.schedule_section):
            section.set_texts()

    # -- public API --

    def learning_rate(self) -> float:
        """The learning rate shown (the optimizer's ``lr``)."""
        return self.experiment().training.optimizer.lr

    def preview_curve(self) -> np.ndarray:
        """The learning rates plotted in the schedule preview, one per planned step."""
        return self.schedule_section.preview_curve()

    def planned_steps(self) -> int:
        """Steps the preview covers: 2000, or one-cycle's ``total_steps`` plus warm-up."""
        return planned_steps(self.experiment().training.schedule)

    def steps_per_epoch(self) -> int:
        """Optimizer steps per epoch of the experiment (training points / batch size)."""
        return steps_per_epoch(self.experiment())

    # -- the learning rate section --

    def _build_learning_rate(self) -> Section:
        section = Section(QT_TR_NOOP("Learning rate"), "learningRateSection")
        self.learning_rate_edit = NumberEdit(
            QT_TR_NOOP("learning rate"), Interval(LR_MIN, LR_MAX), parent=section.body
        )
        self.learning_rate_edit.setObjectName("learningRateEdit")
        self.learning_rate_edit.setToolTip(tr(_LR_TIP))
        self.learning_rate_edit.setMaximumWidth(90)
        self.learning_rate_slider = QSlider(Qt.Orientation.Horizontal, section.body)
        self.learning_rate_slider.setObjectName("learningRateSlider")
        self.learning_rate_slider.setRange(0, slider_from_lr(LR_MAX))
        self.learning_rate_slider.setPageStep(SLIDER_STEPS_PER_DECADE // 2)
        self.learning_rate_slider.setToolTip(
            tr(
                "Learning rate on a log scale: each tenth of the slider is ten times larger "
                "(0.00001 … 10). Applied when you let go."
            )
        )
        presets = QWidget(section.body)
        presets.setStyleSheet(TOGGLE_STYLE)
        grid = QGridLayout(presets)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(2)
        self.preset_buttons: dict[float, QPushButton] = {}
        for i, value in enumerate(LR_PRESETS):
            text = "1e-5" if value == 1e-5 else "1e-4" if value == 1e-4 else f"{value:g}"
            button = QPushButton(text, presets)
            button.setObjectName(f"learningRatePreset_{value:g}")
            button.setCheckable(True)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            self._bind(button.toggled, lambda _on, v=value: self._on_learning_rate_preset(v))
            grid.addWidget(button, i // 6, i % 6)
            self.preset_buttons[value] = button
        self.learning_rate_message = self._message_label("learningRateMessage")

        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.learning_rate_edit)
        top.addWidget(self.learning_rate_slider, 1)
        body = QVBoxLayout(section.body)
        body.setContentsMargins(2, 2, 2, 2)
        body.setSpacing(3)
        body.addLayout(top)
        body.addWidget(self.learning_rate_message)
        body.addWidget(presets)

        self._bind(self.learning_rate_edit.valueEdited, self._on_learning_rate_typed)
        self._bind(
            self.learning_rate_edit.refused,
            lambda message: self._refuse(message, self.learning_rate_message),
        )
        self._bind(self.learning_rate_slider.valueChanged, self._on_learning_rate_slider_moved)
        self.learning_rate_slider.sliderReleased.connect(self._on_learning_rate_slider_released)
        return section

    # -- experiment → widgets --

    def _show_experiment(self) -> None:
        training = self.experiment().training
        self._show_learning_rate(training.optimizer.lr)
        self.optimizer_section.display(training.optimizer)
        self.schedule_section.display(self.experiment())
        self.penalty_section.display(training)

    def _show_learning_rate(self, lr: float) -> None:
        self.learning_rate_slider.setValue(slider_from_lr(lr))
        self.learning_rate_edit.set_value(lr)
        for value, button in self.preset_buttons.items():
            button.setChecked(math.isclose(value, lr, rel_tol=1e-9))

    # -- live edits: learning rate and hyper-parameters --

    def _on_learning_rate_typed(self, lr: float) -> None:
        self._set_learning_rate(lr)

    def _on_learning_rate_preset(self, lr: float) -> None:
        self._set_learning_rate(lr)  # unchecking the current rate's preset checks it again

    def _on_learning_rate_slider_moved(self, position: int) -> None:
        lr = lr_from_slider(position)
        if self.learning_rate_slider.isSliderDown():
            self.learning_rate_edit.setText(format_number(lr))  # shown while dragging
        else:  # keyboard, wheel, a click on the groove
            self._set_learning_rate(lr)

    def _on_learning_rate_slider_released(self) -> None:
        self._set_learning_rate(lr_from_slider(self.learning_rate_slider.value()))

    def _set_learning_rate(self, lr: float) -> None:
        write = partial(self.model.set_optimizer_param, "lr", lr)
        if self._write(write, self.learning_rate_message) is not None:
            self.learningRateChanged.emit(lr)

    def _on_hyperparameter_edited(self, name: str, value: Any) -> None:
        write = partial(self.model.set_optimizer_param, name, value)
        if self._write(write, self.optimizer_section.message) is not None:
            self.hyperparameterChanged.emit(name, value)

    # -- rebuilds: optimizer, schedule, regularisation, clipping --

    def _edit_training(self, where: MessageLabel, changes: dict[str, Any]) -> None:
        self._edit(where, "training", **changes)
