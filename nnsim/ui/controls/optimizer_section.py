"""The Optimizer section: which optimizer, and its hyper-parameters under PyTorch's names."""

from __future__ import annotations

from functools import cache
from typing import Any

import numpy as np
from PySide6.QtCore import Signal

from nnsim.engine.optimizers import OPTIMIZERS, make_optimizer
from nnsim.training.experiment import OptimizerSpec
from nnsim.ui.controls.fields import MessageLabel
from nnsim.ui.controls.training_section import Param, ParamRows, TrainingSection, choice_combo

__all__ = ["OptimizerSection"]

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
_OPTIMIZER_PARAMS = (
    Param("momentum", "momentum", "float", "μ ≥ 0: b ← μ·b + g, θ ← θ − η·b. The step keeps "
          "going in the direction it was going; 0.9 is typical.", low=0),
    Param("dampening", "dampening", "float", "τ in [0, 1]: b ← μ·b + (1 − τ)·g, scales down "
          "the new gradient's share in the momentum.", low=0, high=1),
    Param("nesterov", "Nesterov", "bool", "Nesterov momentum: step with g + μ·b, a look "
          "ahead. Needs momentum > 0 and dampening 0."),
    Param("beta1", "β₁", "float", "β₁ in [0, 1): decay of the running mean of g (the "
          "momentum part), PyTorch's betas[0]; 0.9 is typical.", low=0, high=1, high_open=True),
    Param("beta2", "β₂", "float", "β₂ in [0, 1): decay of the running mean of g² (the "
          "per-weight scale), PyTorch's betas[1]; 0.999 is typical.", low=0, high=1,
          high_open=True),
    Param("alpha", "alpha", "float", "α in [0, 1]: v ← α·v + (1 − α)·g², the smoothing of the "
          "running mean of g².", low=0, high=1),
    Param("lr_decay", "lr_decay", "float", "η ≥ 0: the rate is η / (1 + (t − 1)·lr_decay) at "
          "step t.", low=0),
    Param("initial_accumulator_value", "initial acc.", "float", "Start value ≥ 0 of the sum "
          "of g² (PyTorch's initial_accumulator_value); read at the first step.", low=0),
    Param("eps", "eps", "float", "ε ≥ 0, added to the denominator so it is never 0.", low=0),
    Param("weight_decay", "weight_decay", "float", "λ ≥ 0: pulls every weight towards 0 (adds "
          "λ·θ to g; AdamW instead shrinks θ by η·λ·θ).", low=0),
    Param("centered", "centered", "bool", "Divide by an estimate of the gradient's standard "
          "deviation instead of its RMS."),
    Param("amsgrad", "AMSGrad", "bool", "Use the running maximum of v (the AMSGrad variant): "
          "the per-weight step can only shrink."),
)  # fmt: skip


@cache
def _optimizer_defaults(name: str) -> dict[str, Any]:
    return make_optimizer(name, [np.zeros(1)]).hyperparameters


def _widget_keys(optimizer: str) -> list[str]:
    keys: list[str] = []
    for key in _optimizer_defaults(optimizer):
        keys += ["beta1", "beta2"] if key == "betas" else [] if key == "lr" else [key]
    return keys


class OptimizerSection(TrainingSection):
    """``optimizerCombo`` and one ``hp_<name>`` row per hyper-parameter of the optimizer shown
    (β₁ and β₂ are two rows), with ``message`` (``optimizerMessage``) below them.

    Signals
    -------
    edited(dict)
        Another optimizer was chosen: ``{"optimizer": OptimizerSpec}`` with its defaults
        and the same learning rate.
    hyperparameterEdited(str, object)
        Live: a hyper-parameter under its PyTorch name (``betas`` as a tuple) and value.
    """

    hyperparameterEdited = Signal(str, object)

    def __init__(self, message: MessageLabel) -> None:
        super().__init__("Optimizer", "optimizerSection", message)
        self._optimizer = OptimizerSpec()
        self.combo = choice_combo(
            self.body, "optimizerCombo", _OPTIMIZER_TITLES, _OPTIMIZER_TIPS, OPTIMIZERS
        )
        self.combo.setToolTip(
            "How a gradient becomes a step. Changing the optimizer restarts training; its "
            "hyper-parameters below can be changed while it runs."
        )
        self.add_row("Optimizer", self.combo, self.combo.toolTip())
        self.rows = ParamRows(self, _OPTIMIZER_PARAMS, "hp", self._on_hyperparameter_edited)
        self.form.addRow(message)
        self.combo.currentIndexChanged.connect(self._on_optimizer_chosen)

    def show(self, optimizer: OptimizerSpec) -> None:
        """Show ``optimizer`` and only its hyper-parameters (only from the panel's ``_show``,
        which ignores what the section emits meanwhile)."""
        self._optimizer = optimizer
        values = {**_optimizer_defaults(optimizer.name), **optimizer.params}
        values["beta1"], values["beta2"] = values.get("betas", (0.9, 0.999))
        self.combo.setCurrentIndex(self.combo.findData(optimizer.name))
        self.rows.show(values, set(_widget_keys(optimizer.name)))

    def _on_optimizer_chosen(self, index: int) -> None:
        name = self.combo.itemData(index)
        if name != self._optimizer.name:
            self.edited.emit({"optimizer": OptimizerSpec(name, {"lr": self._optimizer.lr})})

    def _on_hyperparameter_edited(self, key: str, value: Any) -> None:
        optimizer = self._optimizer
        if key in ("beta1", "beta2"):
            betas = list(
                optimizer.params.get("betas", _optimizer_defaults(optimizer.name)["betas"])
            )
            betas[key == "beta2"] = value
            key, value = "betas", tuple(betas)
        self.hyperparameterEdited.emit(key, value)
