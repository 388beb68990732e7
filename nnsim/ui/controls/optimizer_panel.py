"""Learning rate & optimizer: rate (log scale, presets), optimizer, schedule, penalties, clipping.

Live (no reset, no rebuild): the learning rate (:attr:`OptimizerPanel.learningRateChanged`)
and the optimizer's hyper-parameters (:attr:`OptimizerPanel.hyperparameterChanged`, under
PyTorch's names: ``momentum``, ``betas``, ``eps`` …). Everything else — the optimizer itself,
the schedule, regularisation and gradient clipping — is emitted as
:attr:`~nnsim.ui.controls.base.ExperimentPanel.experimentEdited` (rebuild).
"""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass
from functools import cache
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QPushButton,
    QSizePolicy,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from nnsim.engine.optimizers import OPTIMIZERS, make_optimizer
from nnsim.engine.schedules import SCHEDULES, lr_curve, make_schedule
from nnsim.training.experiment import (
    Experiment,
    ExperimentError,
    GradClipSpec,
    OptimizerSpec,
    RegularizationSpec,
    ScheduleSpec,
    with_optimizer_param,
)
from nnsim.ui.controls.base import ExperimentPanel
from nnsim.ui.controls.fields import (
    TOGGLE_STYLE,
    MessageLabel,
    NumberEdit,
    Section,
    format_number,
    signals_blocked,
)
from nnsim.ui.style import MUTED, POSITIVE, TEXT

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
PREVIEW_STEPS = 2000
"""Steps shown by the schedule preview (one-cycle: its ``total_steps`` plus warm-up)."""
MAX_RATE = 10.0  # regularisation rate

_LR_TIP = (
    "Learning rate η in θ ← θ − η·∇J(θ): how far each step moves the weights along the "
    "negative gradient. Too small: training crawls. Too large: the loss oscillates or "
    "explodes.\nType any value from 0.00001 to 10 and press Enter, drag the slider (log scale) "
    "or click a preset. Changes apply at once, even while training."
)
_OPTIMIZER_TITLES = {
    "sgd": "SGD",
    "adagrad": "Adagrad",
    "rmsprop": "RMSprop",
    "adam": "Adam",
    "adamw": "AdamW",
}
_OPTIMIZER_TIPS = {
    "sgd": "Stochastic gradient descent: θ ← θ − η·g, optionally with momentum.",
    "adagrad": "Adagrad: divides η by the root of the sum of all past g², per weight — "
    "rarely-updated weights keep larger steps; the rate only ever shrinks.",
    "rmsprop": "RMSprop: divides η by a running RMS of recent gradients, per weight.",
    "adam": "Adam: momentum (running mean of g) divided by a running RMS of g, bias-corrected.",
    "adamw": "AdamW: Adam with decoupled weight decay (θ shrinks by η·λ·θ each step).",
}
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
_REGULARIZATION_TITLES = {"none": "none", "l1": "L1", "l2": "L2"}
_CLIP_TITLES = {None: "off", "norm": "by norm", "value": "by value"}


@dataclass(frozen=True)
class _Param:
    """A hyper-parameter widget: its key, label, kind and bounds, and what it means."""

    key: str
    label: str
    kind: str  # "float", "int" or "bool"
    tip: str
    low: float | None = None
    high: float | None = None
    low_open: bool = False
    high_open: bool = False
    optional: bool = False


_OPTIMIZER_PARAMS = (
    _Param("momentum", "momentum", "float", "μ ≥ 0: b ← μ·b + g, θ ← θ − η·b. The step keeps "
           "going in the direction it was going; 0.9 is typical.", low=0),
    _Param("dampening", "dampening", "float", "τ in [0, 1]: b ← μ·b + (1 − τ)·g, scales down "
           "the new gradient's share in the momentum.", low=0, high=1),
    _Param("nesterov", "Nesterov", "bool", "Nesterov momentum: step with g + μ·b, a look "
           "ahead. Needs momentum > 0 and dampening 0."),
    _Param("beta1", "β₁", "float", "β₁ in [0, 1): decay of the running mean of g (the "
           "momentum part), PyTorch's betas[0]; 0.9 is typical.", low=0, high=1, high_open=True),
    _Param("beta2", "β₂", "float", "β₂ in [0, 1): decay of the running mean of g² (the "
           "per-weight scale), PyTorch's betas[1]; 0.999 is typical.", low=0, high=1,
           high_open=True),
    _Param("alpha", "alpha", "float", "α in [0, 1]: v ← α·v + (1 − α)·g², the smoothing of the "
           "running mean of g².", low=0, high=1),
    _Param("lr_decay", "lr_decay", "float", "η ≥ 0: the rate is η / (1 + (t − 1)·lr_decay) at "
           "step t.", low=0),
    _Param("initial_accumulator_value", "initial acc.", "float", "Start value ≥ 0 of the sum "
           "of g² (PyTorch's initial_accumulator_value); read at the first step.", low=0),
    _Param("eps", "eps", "float", "ε ≥ 0, added to the denominator so it is never 0.", low=0),
    _Param("weight_decay", "weight_decay", "float", "λ ≥ 0: pulls every weight towards 0 (adds "
           "λ·θ to g; AdamW instead shrinks θ by η·λ·θ).", low=0),
    _Param("centered", "centered", "bool", "Divide by an estimate of the gradient's standard "
           "deviation instead of its RMS."),
    _Param("amsgrad", "AMSGrad", "bool", "Use the running maximum of v (the AMSGrad variant): "
           "the per-weight step can only shrink."),
)  # fmt: skip
_SCHEDULE_PARAMS = (
    _Param("decay_rate", "decay_rate", "float", "How fast η decays (≥ 0).", low=0),
    _Param("decay_steps", "decay_steps", "float", "t is counted in units of decay_steps (> 0).",
           low=0, low_open=True),
    _Param("staircase", "staircase", "bool", "Decay in jumps every decay_steps instead of "
           "smoothly."),
    _Param("step_size", "step_size", "int", "Multiply η by gamma every step_size units.",
           low=1),
    _Param("gamma", "gamma", "float", "Multiplicative decay in (0, 1].", low=0, high=1,
           low_open=True),
    _Param("T_max", "T_max", "int", "Units from η₀ down to eta_min (half a cosine period).",
           low=1),
    _Param("eta_min", "eta_min", "float", "The lowest rate, in [0, learning rate].", low=0),
    _Param("restarts", "restarts", "bool", "Warm restarts: jump back to η₀ every T_max "
           "(CosineAnnealingWarmRestarts)."),
    _Param("max_lr", "max_lr", "float", "Peak rate of the cycle. Empty: the learning rate.",
           low=0, low_open=True, optional=True),
    _Param("total_steps", "total_steps", "int", "Length of the whole cycle, in steps.", low=1),
    _Param("pct_start", "pct_start", "float", "Share of the cycle spent raising η, in [0, 1].",
           low=0, high=1),
    _Param("factor", "factor", "float", "η ← η·factor when the loss stalls, in (0, 1).",
           low=0, high=1, low_open=True, high_open=True),
    _Param("patience", "patience", "int", "Evaluations without improvement before η drops.",
           low=0),
    _Param("warmup_steps", "warmup", "int", "Linear warm-up: η ramps up from η₀/(W+1) over the "
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


def slider_from_lr(lr: float) -> int:
    """Position of ``lr`` on the log slider (100 positions per decade, 0 = 1e-5), clamped."""
    position = (math.log10(lr) - math.log10(LR_MIN)) * SLIDER_STEPS_PER_DECADE
    top = round((math.log10(LR_MAX) - math.log10(LR_MIN)) * SLIDER_STEPS_PER_DECADE)
    return min(max(round(position), 0), top)


def lr_from_slider(position: int) -> float:
    """The learning rate at a slider position, rounded to 2 significant digits."""
    lr = 10 ** (math.log10(LR_MIN) + position / SLIDER_STEPS_PER_DECADE)
    return float(f"{lr:.2g}")


@cache
def _optimizer_defaults(name: str) -> dict[str, Any]:
    return make_optimizer(name, [np.zeros(1)]).hyperparameters


@cache
def _schedule_defaults(name: str) -> dict[str, Any]:
    fields = dataclasses.fields(SCHEDULES[name])
    return {f.name: f.default for f in fields if f.init and f.default is not dataclasses.MISSING}


def _widget_keys(optimizer: str) -> list[str]:
    keys: list[str] = []
    for key in _optimizer_defaults(optimizer):
        keys += ["beta1", "beta2"] if key == "betas" else [] if key == "lr" else [key]
    return keys


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

    def __init__(self, experiment: Experiment | None = None, parent: QWidget | None = None):
        super().__init__(experiment, parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(6)
        layout.addWidget(self._build_learning_rate())
        layout.addWidget(self._build_optimizer())
        layout.addWidget(self._build_schedule())
        layout.addWidget(self._build_penalties())
        layout.addStretch(1)
        self._show_experiment()

    # -- public API --

    def learning_rate(self) -> float:
        """The learning rate shown (the optimizer's ``lr``)."""
        return self._experiment.training.optimizer.lr

    def preview_curve(self) -> np.ndarray:
        """The learning rates plotted in the schedule preview, one per planned step."""
        y = self.preview_item.getData()[1]
        return np.array([]) if y is None else np.asarray(y)

    def planned_steps(self) -> int:
        """Steps the preview covers: 2000, or one-cycle's ``total_steps`` plus warm-up."""
        schedule = self._experiment.training.schedule
        if schedule.name == "one_cycle":
            return int(schedule.params["total_steps"]) + int(schedule.params.get("warmup_steps", 0))
        return PREVIEW_STEPS

    def steps_per_epoch(self) -> int:
        """Optimizer steps per epoch of the experiment (training points / batch size)."""
        data, batch = self._experiment.data, self._experiment.training.batch_size
        n = len(data.points) if data.points else data.samples
        n_train = min(max(math.floor(n * data.train_fraction + 0.5), 1), max(n - 1, 1))
        return 1 if batch == "all" else math.ceil(n_train / min(int(batch), n_train))

    # -- building the sections --

    def _form(self, parent: QWidget) -> QFormLayout:
        form = QFormLayout(parent)
        form.setContentsMargins(2, 2, 2, 2)
        form.setVerticalSpacing(3)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        return form

    def _build_learning_rate(self) -> Section:
        section = Section("Learning rate", "learningRateSection")
        self.learning_rate_edit = NumberEdit(
            "learning rate", low=LR_MIN, high=LR_MAX, parent=section.body
        )
        self.learning_rate_edit.setObjectName("learningRateEdit")
        self.learning_rate_edit.setToolTip(_LR_TIP)
        self.learning_rate_edit.setMaximumWidth(90)
        self.learning_rate_slider = QSlider(Qt.Orientation.Horizontal, section.body)
        self.learning_rate_slider.setObjectName("learningRateSlider")
        self.learning_rate_slider.setRange(0, slider_from_lr(LR_MAX))
        self.learning_rate_slider.setPageStep(SLIDER_STEPS_PER_DECADE // 2)
        self.learning_rate_slider.setToolTip(
            "Learning rate on a log scale: each tenth of the slider is ten times larger "
            "(0.00001 … 10). Applied when you let go."
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
            button.setToolTip(f"Set the learning rate to {format_number(value)}.")
            button.clicked.connect(lambda _=False, v=value: self._on_learning_rate_preset(v))
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

        self.learning_rate_edit.valueEdited.connect(self._on_learning_rate_typed)
        self.learning_rate_edit.refused.connect(
            lambda message: self._refuse(message, self.learning_rate_message)
        )
        self.learning_rate_slider.valueChanged.connect(self._on_learning_rate_slider_moved)
        self.learning_rate_slider.sliderReleased.connect(self._on_learning_rate_slider_released)
        return section

    def _param_widget(self, param: _Param, prefix: str, parent: QWidget) -> QWidget:
        if param.kind == "bool":
            widget: QWidget = QCheckBox(parent)
        else:
            widget = NumberEdit(
                param.key, low=param.low, high=param.high, low_open=param.low_open,
                high_open=param.high_open, integer=param.kind == "int",
                optional=param.optional, parent=parent,
            )  # fmt: skip
            if param.optional:
                widget.setPlaceholderText("= learning rate")
        widget.setObjectName(f"{prefix}_{param.key}")
        widget.setToolTip(param.tip)
        return widget

    def _build_optimizer(self) -> Section:
        section = Section("Optimizer", "optimizerSection")
        form = self._form(section.body)
        self._optimizer_form = form
        self.optimizer_combo = QComboBox(section.body)
        self.optimizer_combo.setObjectName("optimizerCombo")
        for name in OPTIMIZERS:
            self.optimizer_combo.addItem(_OPTIMIZER_TITLES.get(name, name), name)
            self.optimizer_combo.setItemData(
                self.optimizer_combo.count() - 1, _OPTIMIZER_TIPS.get(name, ""), Qt.ToolTipRole
            )
        self.optimizer_combo.setToolTip(
            "How a gradient becomes a step. Changing the optimizer restarts training; its "
            "hyper-parameters below can be changed while it runs."
        )
        form.addRow("Optimizer", self.optimizer_combo)
        form.labelForField(self.optimizer_combo).setToolTip(self.optimizer_combo.toolTip())
        self.optimizer_widgets: dict[str, QWidget] = {}
        for param in _OPTIMIZER_PARAMS:
            widget = self._param_widget(param, "hp", section.body)
            form.addRow(param.label, widget)
            form.labelForField(widget).setToolTip(param.tip)
            self.optimizer_widgets[param.key] = widget
            self._connect_param(widget, param, self._on_hyperparameter_edited,
                                lambda m: self._refuse(m, self.optimizer_message))  # fmt: skip
        self.optimizer_message = self._message_label("optimizerMessage")
        form.addRow(self.optimizer_message)
        self.optimizer_combo.activated.connect(self._on_optimizer_chosen)
        return section

    def _build_schedule(self) -> Section:
        section = Section("Schedule", "scheduleSection")
        form = self._form(section.body)
        self._schedule_form = form
        self.schedule_combo = QComboBox(section.body)
        self.schedule_combo.setObjectName("scheduleCombo")
        for name in SCHEDULES:
            self.schedule_combo.addItem(_SCHEDULE_TITLES.get(name, name), name)
            self.schedule_combo.setItemData(
                self.schedule_combo.count() - 1, _SCHEDULE_TIPS.get(name, ""), Qt.ToolTipRole
            )
        self.schedule_combo.setToolTip(
            "How the learning rate changes during training, starting from the learning rate "
            "above. Decaying it lets training settle into a minimum. (Restarts training.)"
        )
        self.schedule_unit_combo = QComboBox(section.body)
        self.schedule_unit_combo.setObjectName("scheduleUnitCombo")
        self.schedule_unit_combo.addItem("per step", "step")
        self.schedule_unit_combo.addItem("per epoch", "epoch")
        self.schedule_unit_combo.setToolTip(
            "What t counts: optimizer steps (mini-batches) or epochs (passes over the "
            "training set)."
        )
        head = QHBoxLayout()
        head.setContentsMargins(0, 0, 0, 0)
        head.addWidget(self.schedule_combo, 3)
        head.addWidget(self.schedule_unit_combo, 2)
        form.addRow("Schedule", head)
        form.labelForField(head).setToolTip(self.schedule_combo.toolTip())
        self.schedule_widgets: dict[str, QWidget] = {}
        for param in _SCHEDULE_PARAMS:
            widget = self._param_widget(param, "schedule", section.body)
            form.addRow(param.label, widget)
            form.labelForField(widget).setToolTip(param.tip)
            self.schedule_widgets[param.key] = widget
            self._connect_param(widget, param, self._on_schedule_parameter_edited,
                                lambda m: self._refuse(m, self.schedule_message))  # fmt: skip
        self.schedule_message = self._message_label("scheduleMessage")
        form.addRow(self.schedule_message)

        self.preview = pg.PlotWidget(section.body, background="w")
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
        form.addRow(self.preview)
        self.schedule_combo.activated.connect(self._on_schedule_chosen)
        self.schedule_unit_combo.activated.connect(self._on_schedule_unit_chosen)
        return section

    def _build_penalties(self) -> Section:
        section = Section("Regularisation & clipping", "penaltySection")
        form = self._form(section.body)
        self.regularization_combo = QComboBox(section.body)
        self.regularization_combo.setObjectName("regularizationCombo")
        for kind, title in _REGULARIZATION_TITLES.items():
            self.regularization_combo.addItem(title, kind)
        self.regularization_combo.setToolTip(
            "A penalty on large weights added to the loss: L2 (rate·Σw²/2) shrinks all weights "
            "smoothly, L1 (rate·Σ|w|) pushes useless ones to exactly 0. Both fight overfitting."
        )
        self.regularization_rate_edit = NumberEdit(
            "regularisation rate", low=0, high=MAX_RATE, parent=section.body
        )
        self.regularization_rate_edit.setObjectName("regularizationRateEdit")
        self.regularization_rate_edit.setToolTip(
            "Regularisation rate λ (0 … 10): how much the weight penalty counts against the "
            "data loss. Too large and the network cannot fit anything."
        )
        self.grad_clip_combo = QComboBox(section.body)
        self.grad_clip_combo.setObjectName("gradClipCombo")
        for mode, title in _CLIP_TITLES.items():
            self.grad_clip_combo.addItem(title, mode)
        self.grad_clip_combo.setToolTip(
            "Gradient clipping caps the gradient before the step. By norm: rescale all "
            "gradients together so their L2 norm is at most the threshold (direction kept). "
            "By value: clamp each entry to ±threshold. Tames exploding gradients."
        )
        self.grad_clip_threshold_edit = NumberEdit(
            "clipping threshold", low=0, low_open=True, parent=section.body
        )
        self.grad_clip_threshold_edit.setObjectName("gradClipThresholdEdit")
        self.grad_clip_threshold_edit.setToolTip(
            "The threshold (> 0): max_norm when clipping by norm, clip_value by value."
        )
        for combo, edit, title in (
            (self.regularization_combo, self.regularization_rate_edit, "Penalty"),
            (self.grad_clip_combo, self.grad_clip_threshold_edit, "Clip grads"),
        ):
            edit.setMaximumWidth(80)
            row = QHBoxLayout()
            row.setContentsMargins(0, 0, 0, 0)
            row.addWidget(combo, 1)
            row.addWidget(edit)
            form.addRow(title, row)
            form.labelForField(row).setToolTip(combo.toolTip())
        self.penalty_message = self._message_label("penaltyMessage")
        form.addRow(self.penalty_message)
        self.regularization_combo.activated.connect(self._on_regularization_kind_chosen)
        self.regularization_rate_edit.valueEdited.connect(self._on_regularization_rate_edited)
        self.grad_clip_combo.activated.connect(self._on_grad_clip_mode_chosen)
        self.grad_clip_threshold_edit.valueEdited.connect(self._on_grad_clip_threshold_edited)
        for edit in (self.regularization_rate_edit, self.grad_clip_threshold_edit):
            edit.refused.connect(lambda m: self._refuse(m, self.penalty_message))
        return section

    @staticmethod
    def _connect_param(widget: QWidget, param: _Param, edited: Any, refused: Any) -> None:
        if isinstance(widget, QCheckBox):
            widget.toggled.connect(lambda on, key=param.key: edited(key, on))
        else:
            widget.valueEdited.connect(lambda v, key=param.key: edited(key, v))
            widget.refused.connect(refused)

    # -- experiment → widgets --

    def _show_experiment(self) -> None:
        training = self._experiment.training
        self._show_learning_rate(training.optimizer.lr)
        self._show_optimizer(training.optimizer)
        self._show_schedule(training.schedule)
        self._show_penalties()
        self._update_preview()

    def _show_learning_rate(self, lr: float) -> None:
        with signals_blocked(self.learning_rate_slider):
            self.learning_rate_slider.setValue(slider_from_lr(lr))
        self.learning_rate_edit.set_value(lr)
        for value, button in self.preset_buttons.items():
            button.setChecked(math.isclose(value, lr, rel_tol=1e-9))

    def _show_optimizer(self, optimizer: OptimizerSpec) -> None:
        values = {**_optimizer_defaults(optimizer.name), **optimizer.params}
        values["beta1"], values["beta2"] = values.get("betas", (0.9, 0.999))
        shown = set(_widget_keys(optimizer.name))
        with signals_blocked(self.optimizer_combo, *self.optimizer_widgets.values()):
            self.optimizer_combo.setCurrentIndex(self.optimizer_combo.findData(optimizer.name))
            for key, widget in self.optimizer_widgets.items():
                self._optimizer_form.setRowVisible(widget, key in shown)
                if key in shown:
                    self._write(widget, values[key])

    def _show_schedule(self, schedule: ScheduleSpec) -> None:
        values = {**_schedule_defaults(schedule.name), **schedule.params}
        shown = {*_SCHEDULE_KEYS.get(schedule.name, ()), "warmup_steps"}
        widgets = (self.schedule_combo, self.schedule_unit_combo, *self.schedule_widgets.values())
        with signals_blocked(*widgets):
            self.schedule_combo.setCurrentIndex(self.schedule_combo.findData(schedule.name))
            unit = self.schedule_unit_combo.findData(schedule.unit)
            self.schedule_unit_combo.setCurrentIndex(unit)
            for key, widget in self.schedule_widgets.items():
                self._schedule_form.setRowVisible(widget, key in shown)
                if key in shown:
                    self._write(widget, values.get(key))
        self.schedule_unit_combo.setEnabled(schedule.name not in ("one_cycle", "plateau"))

    def _show_penalties(self) -> None:
        training = self._experiment.training
        regularization, clip = training.regularization, training.grad_clip
        with signals_blocked(self.regularization_combo, self.grad_clip_combo):
            self.regularization_combo.setCurrentIndex(
                self.regularization_combo.findData(regularization.kind)
            )
            self.grad_clip_combo.setCurrentIndex(
                self.grad_clip_combo.findData(None if clip is None else clip.mode)
            )
        self.regularization_rate_edit.set_value(regularization.rate)
        self.regularization_rate_edit.setEnabled(regularization.kind != "none")
        self.grad_clip_threshold_edit.set_value(1.0 if clip is None else clip.threshold)
        self.grad_clip_threshold_edit.setEnabled(clip is not None)

    @staticmethod
    def _write(widget: QWidget, value: Any) -> None:
        if isinstance(widget, QCheckBox):
            widget.setChecked(bool(value))
        else:
            widget.set_value(value)

    def _update_preview(self) -> None:
        training = self._experiment.training
        schedule = training.schedule
        try:
            curve = lr_curve(
                make_schedule(schedule.name, training.optimizer.lr, **schedule.params),
                self.planned_steps(),
                self.steps_per_epoch(),
                schedule.unit,
            )
        except ValueError:
            curve = np.array([])
        self.preview_item.setData(np.arange(len(curve)), curve)
        if len(curve):
            top = float(np.max(curve))
            self.preview.setYRange(0.0, top * 1.05 if top > 0 else 1.0, padding=0)
            self.preview.setXRange(0, max(len(curve) - 1, 1), padding=0.02)

    # -- live edits: learning rate and hyper-parameters --

    def _on_learning_rate_typed(self, lr: float) -> None:
        self._set_learning_rate(lr)

    def _on_learning_rate_preset(self, lr: float) -> None:
        self._set_learning_rate(lr)

    def _on_learning_rate_slider_moved(self, position: int) -> None:
        lr = lr_from_slider(position)
        if self.learning_rate_slider.isSliderDown():
            self.learning_rate_edit.setText(format_number(lr))  # shown while dragging
        else:  # keyboard, wheel, a click on the groove
            self._set_learning_rate(lr)

    def _on_learning_rate_slider_released(self) -> None:
        self._set_learning_rate(lr_from_slider(self.learning_rate_slider.value()))

    def _set_learning_rate(self, lr: float) -> None:
        if lr == self.learning_rate():
            self._show_learning_rate(lr)
            return
        schedule = self._experiment.training.schedule
        try:  # only the optimizer and the schedule depend on the rate: check just those (fast)
            new = self._experiment.with_lr(lr)
            try:
                make_schedule(schedule.name, lr, **schedule.params)
            except ValueError as err:
                raise ValueError(f"training.schedule: {err}") from None
        except ValueError as err:
            self._refuse(str(err), self.learning_rate_message)
            return
        self._accept(new)
        self.learningRateChanged.emit(lr)

    def _on_hyperparameter_edited(self, key: str, value: Any) -> None:
        optimizer = self._experiment.training.optimizer
        if key in ("beta1", "beta2"):
            betas = list(
                optimizer.params.get("betas", _optimizer_defaults(optimizer.name)["betas"])
            )
            betas[key == "beta2"] = value
            name, value = "betas", tuple(betas)
        else:
            name = key
        try:
            new = with_optimizer_param(self._experiment, name, value)
        except ExperimentError as err:
            self._refuse(str(err), self.optimizer_message)
            return
        self._accept(new)
        self.hyperparameterChanged.emit(name, value)

    # -- rebuilds: optimizer, schedule, regularisation, clipping --

    def _edit_training(self, where: MessageLabel, **changes: Any) -> None:
        training = dataclasses.replace(self._experiment.training, **changes)
        self._commit(dataclasses.replace(self._experiment, training=training), where)

    def _on_optimizer_chosen(self, index: int) -> None:
        name = self.optimizer_combo.itemData(index)
        if name != self._experiment.training.optimizer.name:
            optimizer = OptimizerSpec(name, {"lr": self.learning_rate()})
            self._edit_training(self.optimizer_message, optimizer=optimizer)

    def _on_schedule_chosen(self, index: int) -> None:
        name = self.schedule_combo.itemData(index)
        old = self._experiment.training.schedule
        if name == old.name:
            return
        params = dict(_SCHEDULE_STARTERS.get(name, {}))
        if "warmup_steps" in old.params:
            params["warmup_steps"] = old.params["warmup_steps"]
        unit = "step" if name in ("one_cycle", "plateau") else old.unit
        self._edit_training(self.schedule_message, schedule=ScheduleSpec(name, unit, params))

    def _on_schedule_unit_chosen(self, index: int) -> None:
        schedule = self._experiment.training.schedule
        unit = self.schedule_unit_combo.itemData(index)
        if unit != schedule.unit:
            new = dataclasses.replace(schedule, unit=unit)
            self._edit_training(self.schedule_message, schedule=new)

    def _on_schedule_parameter_edited(self, key: str, value: Any) -> None:
        schedule = self._experiment.training.schedule
        params = {k: v for k, v in schedule.params.items() if k != key}
        if value is not None:
            params[key] = value
        if params != schedule.params:
            new = dataclasses.replace(schedule, params=params)
            self._edit_training(self.schedule_message, schedule=new)

    def _on_regularization_kind_chosen(self, index: int) -> None:
        kind = self.regularization_combo.itemData(index)
        old = self._experiment.training.regularization
        if kind != old.kind:
            rate = 0.001 if kind != "none" and old.rate == 0 else old.rate
            new = RegularizationSpec(kind, rate)
            self._edit_training(self.penalty_message, regularization=new)

    def _on_regularization_rate_edited(self, rate: float) -> None:
        old = self._experiment.training.regularization
        new = RegularizationSpec(old.kind, rate)
        self._edit_training(self.penalty_message, regularization=new)

    def _on_grad_clip_mode_chosen(self, index: int) -> None:
        mode = self.grad_clip_combo.itemData(index)
        old = self._experiment.training.grad_clip
        if mode == (None if old is None else old.mode):
            return
        threshold = self.grad_clip_threshold_edit.value() or 1.0
        new = None if mode is None else GradClipSpec(mode, threshold)
        self._edit_training(self.penalty_message, grad_clip=new)

    def _on_grad_clip_threshold_edited(self, threshold: float) -> None:
        old = self._experiment.training.grad_clip
        if old is not None:
            new = GradClipSpec(old.mode, threshold)
            self._edit_training(self.penalty_message, grad_clip=new)
