"""What an exported script needs to know about an experiment, resolved once: every default
filled in, the layers as the Trainer builds them, and the arrays it starts from.

Both generators (:mod:`.numpy_script`, :mod:`.pytorch_script`) read an :class:`ExportPlan`;
neither looks at the experiment file itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from nnsim.engine.schedules import OneCycleLR

if TYPE_CHECKING:
    from nnsim.training.experiment import Experiment
    from nnsim.training.trainer import Trainer

DEFAULT_STEPS = 1000  # as ``nnsim run``


@dataclass(frozen=True)
class LayerPlan:
    """One dense layer as the Trainer builds it: width, activation, batch-norm, dropout."""

    index: int  # 1-based: W1, b1, …
    fan_in: int
    units: int
    activation: str
    batch_norm: bool
    dropout: float


@dataclass(frozen=True)
class ExportPlan:
    """An experiment resolved for export, and how many steps the script trains."""

    name: str
    steps: int
    seed: int
    kind: str  # binary, multiclass or regression
    features: tuple[str, ...]
    layers: tuple[LayerPlan, ...]
    loss: str
    init: str
    batch_size: int | str
    optimizer: str
    optimizer_params: dict[str, Any]  # every keyword, defaults filled in
    schedule: str
    schedule_unit: str
    schedule_params: dict[str, Any]  # every keyword, defaults filled in
    cycles_momentum: bool  # one-cycle drives the optimizer's momentum (or Adam's β1)
    regularization: str
    regularization_rate: float
    clip_mode: str | None
    clip_threshold: float
    arrays: dict[str, np.ndarray]  # X_train, Y_train, X_test, Y_test, W1, b1, …

    @property
    def depth(self) -> int:
        return len(self.layers)

    @property
    def uses_batch_norm(self) -> bool:
        return any(layer.batch_norm for layer in self.layers)

    @property
    def uses_dropout(self) -> bool:
        return any(layer.dropout > 0.0 for layer in self.layers)

    @property
    def activations(self) -> list[str]:
        """The distinct activations of the layers, in order of first use."""
        return list(dict.fromkeys(layer.activation for layer in self.layers))

    @property
    def parameter_names(self) -> list[str]:
        """``W1, b1, [gamma1, beta1], W2, …``: nnsim's names, as ``weights_final.npz`` has them."""
        names = []
        for layer in self.layers:
            names += [f"W{layer.index}", f"b{layer.index}"]
            if layer.batch_norm:
                names += [f"gamma{layer.index}", f"beta{layer.index}"]
        return names

    @property
    def buffer_names(self) -> list[str]:
        """The batch-norm running statistics, ``running_mean k``, ``running_var k``."""
        names = []
        for layer in self.layers:
            if layer.batch_norm:
                names += [f"running_mean{layer.index}", f"running_var{layer.index}"]
        return names

    @property
    def warmup_steps(self) -> int:
        return int(self.schedule_params.get("warmup_steps", 0))


def total_steps(experiment: Experiment, steps: int | None, epochs: int | None) -> int:
    """Steps to train: ``steps``, or ``epochs`` passes over the training set, or 1000 (the
    rule of ``nnsim run``)."""
    from nnsim.training.data import steps_per_epoch

    if steps:
        return steps
    return (epochs or 0) * steps_per_epoch(experiment) or DEFAULT_STEPS


def plan_export(experiment: Experiment, steps: int, name: str = "experiment") -> ExportPlan:
    """Resolve ``experiment`` for a script that trains ``steps`` steps."""
    from nnsim.training.trainer import Trainer

    trainer = Trainer(experiment)
    net = trainer.network
    layers = tuple(
        LayerPlan(
            layer.index,
            net.sizes[layer.index - 1],
            layer.units,
            layer.activation.name,
            layer.bn is not None,
            float(layer.dropout),
        )
        for layer in net.layers
    )
    training = experiment.training
    clip = training.grad_clip
    schedule = trainer.schedule
    return ExportPlan(
        name=name,
        steps=steps,
        seed=experiment.seed,
        kind=trainer.data.kind,
        features=tuple(trainer.data.features),
        layers=layers,
        loss=experiment.resolved_loss(),
        init=experiment.network.init,
        batch_size=training.batch_size,
        optimizer=training.optimizer.name,
        optimizer_params=trainer.optimizer.hyperparameters,
        schedule=training.schedule.name,
        schedule_unit=training.schedule.unit,
        schedule_params=schedule.params(),
        cycles_momentum=(
            isinstance(schedule, OneCycleLR)
            and schedule.cycle_momentum
            and trainer.optimizer.get_momentum() is not None
        ),
        regularization=training.regularization.kind,
        regularization_rate=float(training.regularization.rate),
        clip_mode=None if clip is None else clip.mode,
        clip_threshold=0.0 if clip is None else float(clip.threshold),
        arrays=start_arrays(trainer),
    )


def start_arrays(trainer: Trainer) -> dict[str, np.ndarray]:
    """The data (features and the loss's targets) and the initial weights a script starts
    from: ``X_train, Y_train, X_test, Y_test`` (one sample per row; binary and regression
    targets as an (n, 1) column, class labels as integers) and ``W1, b1, …``."""
    d = trainer.data

    def targets(y: np.ndarray) -> np.ndarray:
        return y if d.kind == "multiclass" else y.astype(np.float64).reshape(-1, 1)

    arrays = {
        "X_train": d.x_train,
        "Y_train": targets(d.y_train),
        "X_test": d.x_test,
        "Y_test": targets(d.y_test),
    }
    return {**arrays, **trainer.initial_state}
