"""The Optimizer section: which optimizer, and its hyper-parameters under PyTorch's names,
as the engine declares them (labels, bounds, tooltips)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal

from nnsim.engine.hyperparameters import HyperParameter
from nnsim.engine.optimizers import OPTIMIZERS, Optimizer
from nnsim.training.experiment import OptimizerSpec
from nnsim.training.text import QT_TR_NOOP
from nnsim.ui.controls.fields import MessageLabel
from nnsim.ui.controls.training_section import (
    ParamRows,
    TrainingSection,
    choice_combo,
    set_choice_texts,
)
from nnsim.ui.i18n import tr

__all__ = ["OptimizerSection"]


def _tip(optimizer: type[Optimizer]) -> str:
    return f"{optimizer.title}: {tr(optimizer.summary)}\n{tr(optimizer.formula)}"


def _declared(optimizer: type[Optimizer]) -> list[HyperParameter]:
    """The hyper-parameters the section shows (the learning rate has its own section)."""
    return [p for p in optimizer.HYPERPARAMETERS if p.name != "lr"]


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
        super().__init__(QT_TR_NOOP("Optimizer"), "optimizerSection", message)
        self._optimizer = OptimizerSpec()
        self.combo = choice_combo(
            self.body, "optimizerCombo", {name: cls.title for name, cls in OPTIMIZERS.items()}
        )
        self.combo.setToolTip(
            tr(
                "How a gradient becomes a step. Changing the optimizer restarts training; its "
                "hyper-parameters below can be changed while it runs."
            )
        )
        self.add_row(tr("Optimizer"), self.combo, self.combo.toolTip())
        every = [p for cls in OPTIMIZERS.values() for p in _declared(cls)]
        self.rows = ParamRows(self, every, "hp", self._on_hyperparameter_edited)
        self.form.addRow(message)
        self.combo.currentIndexChanged.connect(self._on_optimizer_chosen)

    def set_texts(self) -> None:
        titles = {name: cls.title for name, cls in OPTIMIZERS.items()}
        set_choice_texts(self.combo, titles, {name: _tip(cls) for name, cls in OPTIMIZERS.items()})

    def display(self, optimizer: OptimizerSpec) -> None:
        """Show ``optimizer`` and only its hyper-parameters (only from the panel's ``_show``,
        which ignores what the section emits meanwhile)."""
        self._optimizer = optimizer
        cls = OPTIMIZERS[optimizer.name]
        values = {**cls.defaults(), **optimizer.params}
        if "betas" in values:
            values["beta1"], values["beta2"] = values["betas"]
        self.combo.setCurrentIndex(self.combo.findData(optimizer.name))
        self.rows.show(values, _declared(cls))

    def _on_optimizer_chosen(self, index: int) -> None:
        name = self.combo.itemData(index)
        if name != self._optimizer.name:
            self.edited.emit({"optimizer": OptimizerSpec(name, {"lr": self._optimizer.lr})})

    def _on_hyperparameter_edited(self, key: str, value: Any) -> None:
        optimizer = self._optimizer
        if key in ("beta1", "beta2"):
            defaults = OPTIMIZERS[optimizer.name].defaults()
            betas = list(optimizer.params.get("betas", defaults["betas"]))
            betas[key == "beta2"] = value
            key, value = "betas", tuple(betas)
        self.hyperparameterEdited.emit(key, value)
