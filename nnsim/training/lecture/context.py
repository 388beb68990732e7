"""What the formulas of a phase need besides the phase: the network's set-up (activations,
loss, optimizer) and the step's other phases."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from nnsim.training.lecture.formatting import Translate, format_number
from nnsim.training.phases import Phase
from nnsim.training.text import QT_TR_NOOP, Text
from nnsim.training.trainer import Trainer

ACTIVATION_SYMBOLS: Mapping[str, str] = MappingProxyType(
    {"sigmoid": "σ", "tanh": "tanh", "relu": "ReLU", "leaky_relu": "LeakyReLU", "elu": "ELU",
     "gelu": "GELU", "silu": "SiLU", "sine": "sin", "linear": "id", "softmax": "softmax"}
)  # fmt: skip
LOSS_TITLES: Mapping[str, str] = MappingProxyType(
    {"bce": QT_TR_NOOP("binary cross-entropy"),
     "cross_entropy": QT_TR_NOOP("softmax cross-entropy"),
     "mse": QT_TR_NOOP("mean squared error")}
)  # fmt: skip
THE_LOSS = QT_TR_NOOP("the loss")  # the title of a loss the formulas do not know
OPTIMIZER_TITLES: Mapping[str, str] = MappingProxyType(
    {"sgd": "SGD", "adam": "Adam", "adamw": "AdamW", "rmsprop": "RMSprop", "adagrad": "Adagrad"}
)


def layer_of(phase: Phase) -> int:
    """The layer k of a forward or backward phase (``step_phases`` gives each one its layer;
    only the loss and the update have none)."""
    if phase.layer is None:
        raise ValueError(f"a {phase.kind} phase needs its layer, got None")
    return phase.layer


@dataclass(frozen=True, eq=False)
class StepContext:
    """What the formulas need beyond one phase: the network's set-up and the step's phases.

    Build it with :meth:`from_trainer` right after a step's phases were computed (the
    optimizer then holds the step's learning rate and momentum). A bare ``StepContext()``
    works too; formulas it cannot fill in show only their result.
    """

    activations: tuple[str, ...] = ()
    loss: str | None = None
    optimizer: str | None = None
    hyperparameters: Mapping[str, Any] = field(default_factory=dict)
    batch_norm: tuple[bool, ...] = ()
    dropout: tuple[float, ...] = ()
    regularization: str = "none"
    regularization_rate: float = 0.0
    grad_clip: str | None = None
    phases: tuple[Phase, ...] = ()

    @classmethod
    def from_trainer(cls, trainer: Trainer, phases: Sequence[Phase] = ()) -> StepContext:
        net, training = trainer.network, trainer.experiment.training
        clip = training.grad_clip
        return cls(
            activations=tuple(layer.activation.name for layer in net.layers),
            loss=net.loss.name,
            optimizer=trainer.optimizer.name,
            hyperparameters=MappingProxyType(trainer.optimizer.hyperparameters),
            batch_norm=tuple(layer.bn is not None for layer in net.layers),
            dropout=tuple(float(layer.dropout) for layer in net.layers),
            regularization=training.regularization.kind,
            regularization_rate=float(training.regularization.rate),
            grad_clip=None if clip is None else clip.mode,
            phases=tuple(phases),
        )

    @property
    def depth(self) -> int | None:
        return len(self.activations) or None

    def activation(self, k: int) -> str | None:
        return self.activations[k - 1] if 0 < k <= len(self.activations) else None

    def has_batch_norm(self, k: int) -> bool:
        return 0 < k <= len(self.batch_norm) and self.batch_norm[k - 1]

    def dropout_of(self, k: int) -> float:
        return self.dropout[k - 1] if 0 < k <= len(self.dropout) else 0.0

    def find(self, kind: str, layer: int | None = None) -> Phase | None:
        """The step's phase of this kind (and layer), if the context holds it."""
        for phase in self.phases:
            if phase.kind == kind and phase.layer == layer:
                return phase
        return None

    @property
    def plain_sgd(self) -> bool:
        """Is the update exactly W ← W − η·dW with the backward pass's dW?"""
        hp = self.hyperparameters
        return (
            self.optimizer == "sgd"
            and hp.get("momentum", 0.0) == 0.0
            and hp.get("weight_decay", 0.0) == 0.0
            and self.regularization == "none"
            and self.grad_clip is None
        )

    def optimizer_title(self, translate: Translate = str) -> str:
        """``"SGD (momentum μ = 0.9, Nesterov)"``, its words in the reader's language."""
        name = self.optimizer
        if name is None:
            return translate(QT_TR_NOOP("the optimizer"))
        hp = self.hyperparameters
        title = OPTIMIZER_TITLES.get(name, name)
        extras = []
        if name == "sgd" and hp.get("momentum", 0.0):
            momentum = Text(QT_TR_NOOP("momentum μ = {mu}"), {"mu": format_number(hp["momentum"])})
            extras.append(momentum.render(translate))
            if hp.get("nesterov"):
                extras.append("Nesterov")
        if name in ("adam", "adamw") and "betas" in hp:
            b1, b2 = hp["betas"]
            extras.append(f"β₁ = {format_number(b1)}, β₂ = {format_number(b2)}")
        if hp.get("weight_decay", 0.0):
            decay = format_number(hp["weight_decay"])
            extras.append(
                Text(QT_TR_NOOP("weight decay λ = {decay}"), {"decay": decay}).render(translate)
            )
        return title + (f" ({', '.join(extras)})" if extras else "")
