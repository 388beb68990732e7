"""The sections of an experiment as frozen dataclasses, and the error a bad one raises.

:class:`DataSpec`, :class:`NetworkSpec` (of :class:`LayerSpec`), :class:`TrainingSpec`
(of :class:`OptimizerSpec`, :class:`ScheduleSpec`, :class:`RegularizationSpec`,
:class:`GradClipSpec`) and :class:`ViewSpec`; :class:`~nnsim.training.experiment.Experiment`
holds one of each.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import numpy as np

from nnsim.engine.datasets import DATASET_KINDS, DatasetKind
from nnsim.training.experiment.schema import CUSTOM, DEFAULT_LR, SPEED_MAX
from nnsim.training.experiment.tasks import builtin_num_classes, label_problems, label_task

__all__ = [
    "DataSpec",
    "ExperimentError",
    "GradClipSpec",
    "LayerSpec",
    "NetworkSpec",
    "OptimizerSpec",
    "RegularizationSpec",
    "ScheduleSpec",
    "TrainingSpec",
    "ViewSpec",
]


class ExperimentError(ValueError):
    """An experiment that cannot be loaded or used.

    Attributes
    ----------
    problems : list of str
        Every problem, one sentence each, most starting with the JSON path of the
        value at fault (``"data.noise: must be between 0 and 0.5, got 0.7"``).
        ``str(error)`` is these lines joined by newlines.
    source : str or None
        The file the experiment came from, if any.
    """

    def __init__(self, problems: Sequence[str], source: str | None = None) -> None:
        self.problems = list(problems)
        self.source = source
        super().__init__("\n".join(self.problems))


@dataclass(frozen=True)
class LayerSpec:
    """One hidden layer.

    Parameters
    ----------
    units : int
        Number of neurons, 1..256.
    activation : str
        A name from :data:`nnsim.engine.activations.ACTIVATIONS`.
    batch_norm, dropout : bool or float, optional
        Override the network-level setting for this layer; ``None`` uses it.
    """

    units: int
    activation: str = "tanh"
    batch_norm: bool | None = None
    dropout: float | None = None


@dataclass(frozen=True)
class DataSpec:
    """Where the points come from and which input features the network sees.

    Parameters
    ----------
    dataset : str
        A built-in data set name, or ``"custom"`` for ``points``.
    samples, noise : int, float
        Size and noise of a built-in data set (unused for custom data).
    train_fraction : float
        Share of the points used for training, 0.1..0.9; the rest is the test set.
    features : tuple of str
        Input features, from :data:`nnsim.engine.features.FEATURES`.
    points : tuple of (x1, x2, label), optional
        The user's own data; required for (and only allowed with) ``"custom"``.
    test_points : tuple of (x1, x2, label), optional
        With custom data, a fixed test set: ``points`` are then the training set as
        they are and no random split is made (``train_fraction`` does not apply). The
        window keeps the split this way when a learner clicks points in.
    """

    dataset: str = "circle"
    samples: int = 500
    noise: float = 0.1
    train_fraction: float = 0.5
    features: tuple[str, ...] = ("x1", "x2")
    points: tuple[tuple[float, float, float], ...] | None = None
    test_points: tuple[tuple[float, float, float], ...] | None = None

    def __post_init__(self) -> None:
        _freeze(self, "features", tuple(self.features))
        for name in ("points", "test_points"):
            points = getattr(self, name)
            if points is not None and not (
                isinstance(points, tuple) and all(type(p) is tuple for p in points)
            ):
                _freeze(self, name, tuple(tuple(float(v) for v in p) for p in points))

    @cached_property
    def _task(self) -> tuple[DatasetKind, int]:
        if self.dataset != CUSTOM:
            kind = DATASET_KINDS.get(self.dataset)
            if kind is None:
                raise ExperimentError([f"data.dataset: unknown data set {self.dataset!r}"])
            return kind, builtin_num_classes(self.dataset)
        if not self.points:
            raise ExperimentError([f'data.points: required with "dataset": {CUSTOM!r}'])
        rows = (*self.points, *(self.test_points or ()))
        labels = np.array([p[2] for p in rows], dtype=np.float64)
        problems = label_problems(labels)
        if problems:
            raise ExperimentError([f"data.points: {message}" for _, message in problems])
        return label_task(labels)

    @property
    def task_kind(self) -> DatasetKind:
        """``"binary"``, ``"multiclass"`` or ``"regression"``."""
        return self._task[0]

    @property
    def num_classes(self) -> int:
        """K for class data (2 for binary), 1 for regression."""
        return self._task[1]


@dataclass(frozen=True)
class NetworkSpec:
    """The architecture between the input features and the output.

    Parameters
    ----------
    hidden_layers : tuple of LayerSpec
        0..32 hidden layers, input side first (none: a linear/logistic model).
    output_activation : str
        ``"auto"`` (chosen by the loss), ``"softmax"`` or an activation name.
    init : str
        Weight initialiser, from :data:`nnsim.engine.initializers.INITIALIZERS`.
    batch_norm : bool
        Batch normalisation after each hidden dense layer (before its activation).
    dropout : float
        Inverted-dropout probability of the hidden layers' outputs, 0 <= p < 1.
    """

    hidden_layers: tuple[LayerSpec, ...] = (LayerSpec(4, "tanh"), LayerSpec(2, "tanh"))
    output_activation: str = "auto"
    init: str = "xavier_uniform"
    batch_norm: bool = False
    dropout: float = 0.0

    def __post_init__(self) -> None:
        _freeze(self, "hidden_layers", tuple(self.hidden_layers))

    def resolved_layers(self) -> tuple[LayerSpec, ...]:
        """The hidden layers with ``batch_norm`` and ``dropout`` always filled in."""
        return tuple(
            dataclasses.replace(
                layer,
                batch_norm=self.batch_norm if layer.batch_norm is None else layer.batch_norm,
                dropout=self.dropout if layer.dropout is None else layer.dropout,
            )
            for layer in self.hidden_layers
        )


@dataclass(frozen=True)
class OptimizerSpec:
    """An optimizer and its hyper-parameters under PyTorch's keyword names.

    Parameters
    ----------
    name : str
        From :data:`nnsim.engine.optimizers.OPTIMIZERS`.
    params : dict
        Keyword arguments of :func:`nnsim.engine.optimizers.make_optimizer`; always
        holds ``lr`` (0.03 if not given). Lists become tuples (``betas``). Treat it
        as read-only: the spec keeps its own copy.
    """

    name: str = "sgd"
    params: dict[str, Any] = field(default_factory=lambda: {"lr": DEFAULT_LR})

    def __post_init__(self) -> None:
        _freeze(self, "params", {"lr": DEFAULT_LR, **_tuples(self.params)})

    def __hash__(self) -> int:
        return hash((self.name, tuple(sorted(self.params.items()))))

    @property
    def lr(self) -> float:
        """The (initial) learning rate."""
        return self.params["lr"]


@dataclass(frozen=True)
class ScheduleSpec:
    """A learning-rate schedule.

    Parameters
    ----------
    name : str
        From :data:`nnsim.engine.schedules.SCHEDULES`.
    unit : str
        ``"step"`` (t counts optimizer steps) or ``"epoch"``.
    params : dict
        Keyword arguments of :func:`nnsim.engine.schedules.make_schedule` (its
        ``lr0`` is the optimizer's ``lr``). Treat as read-only.
    """

    name: str = "constant"
    unit: str = "step"
    params: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        _freeze(self, "params", _tuples(self.params))

    def __hash__(self) -> int:
        return hash((self.name, self.unit, tuple(sorted(self.params.items()))))


@dataclass(frozen=True)
class RegularizationSpec:
    """Weight penalty added to the loss: ``"none"``, ``"l1"`` or ``"l2"`` with its ``rate``."""

    kind: str = "none"
    rate: float = 0.0


@dataclass(frozen=True)
class GradClipSpec:
    """Gradient clipping, as ``torch.nn.utils.clip_grad_norm_`` / ``clip_grad_value_``.

    Parameters
    ----------
    mode : str
        ``"norm"`` (rescale all gradients so their global L2 norm is at most
        ``threshold``) or ``"value"`` (clamp each entry to ±``threshold``).
    threshold : float
        > 0. In JSON it is written under PyTorch's name: ``max_norm`` or ``clip_value``.
    """

    mode: str = "norm"
    threshold: float = 1.0

    @property
    def max_norm(self) -> float | None:
        """``threshold`` when clipping by norm, else None."""
        return self.threshold if self.mode == "norm" else None

    @property
    def clip_value(self) -> float | None:
        """``threshold`` when clipping by value, else None."""
        return self.threshold if self.mode == "value" else None


@dataclass(frozen=True)
class TrainingSpec:
    """How the network is trained.

    Parameters
    ----------
    batch_size : int or "all"
        Mini-batch size, or ``"all"`` for full-batch gradient descent.
    optimizer, schedule, regularization : specs
        See the classes.
    grad_clip : GradClipSpec, optional
        None: no clipping.
    eval_every : int
        Full train/test loss and accuracy every this many steps.
    """

    batch_size: int | str = 10
    optimizer: OptimizerSpec = field(default_factory=OptimizerSpec)
    schedule: ScheduleSpec = field(default_factory=ScheduleSpec)
    regularization: RegularizationSpec = field(default_factory=RegularizationSpec)
    grad_clip: GradClipSpec | None = None
    eval_every: int = 10


@dataclass(frozen=True)
class ViewSpec:
    """Presentation settings: ``hidden_controls`` names controls a classroom mode hides;
    ``speed`` is the window's training pace, one of
    :data:`~nnsim.training.experiment.schema.SPEEDS` (steps per second, or ``"max"``)."""

    hidden_controls: tuple[str, ...] = ()
    speed: int | str = SPEED_MAX

    @property
    def steps_per_second(self) -> float | None:
        """The pace as a number of steps per second; None for ``"max"`` (flat out)."""
        return None if self.speed == SPEED_MAX else float(self.speed)

    def __post_init__(self) -> None:
        _freeze(self, "hidden_controls", tuple(self.hidden_controls))


def _freeze(obj: object, name: str, value: Any) -> None:
    object.__setattr__(obj, name, value)  # normalising a field of a frozen dataclass


def _tuples(params: Mapping[str, Any]) -> dict[str, Any]:
    return {k: tuple(v) if isinstance(v, list) else v for k, v in params.items()}
