"""The experiment: the one source of truth of a training run's configuration.

An :class:`Experiment` is a tree of frozen dataclasses (data, network, loss,
training, view) that the window, the CLI, the lessons and the save file are all
views of. On disk it is a versioned, human-readable JSON file::

    {
      "format": "nnsim.experiment",
      "version": 1,
      "name": "",
      "description": "",
      "seed": 0,
      "data": {"dataset": "circle", "samples": 500, "noise": 0.1, "train_fraction": 0.5,
               "features": ["x1", "x2"]},
      "network": {"hidden_layers": [{"units": 4, "activation": "tanh"},
                                    {"units": 2, "activation": "tanh"}],
                  "output_activation": "auto", "init": "xavier_uniform",
                  "batch_norm": false, "dropout": 0.0},
      "loss": "auto",
      "training": {"batch_size": 10, "optimizer": {"name": "sgd", "lr": 0.03},
                   "schedule": {"name": "constant", "unit": "step"},
                   "regularization": {"kind": "none", "rate": 0.0},
                   "grad_clip": null, "eval_every": 10},
      "view": {"hidden_controls": []}
    }

Every key may be left out and then takes the value shown above (so ``{}`` is the
default experiment, :meth:`Experiment.default`). Besides the keys fixed by the
file format, nnsim adds ``name`` and ``description`` (free text), ``data.points``
(the user's own data, for ``"dataset": "custom"``), per-layer ``batch_norm`` and
``dropout`` overrides, ``training.eval_every`` (full train/test evaluation every
N steps) and ``view.hidden_controls`` (controls a classroom hides).

Loading (:meth:`Experiment.from_dict`, :func:`load_experiment`) checks every
value and raises one :class:`ExperimentError` listing every problem with its
JSON path and what is allowed::

    training.optimizer.lr: must be > 0, got -1
    data.dataset: must be one of circle, xor, ..., custom, got 'cirle' (did you mean 'circle'?)

Values
------
- ``seed``: integer 0..2³²−1.
- ``data.dataset``: a built-in data set (:data:`nnsim.engine.datasets.DATASETS`) or
  ``"custom"``, which needs ``data.points``, a list of ``[x1, x2, label]`` rows
  (2..100 000, points in [−6, 6]²). Labels follow the CSV import's rule: if any
  label is not an integer they are regression targets in [−1, 1]; otherwise they
  are classes 0..K−1, every class present, 2 ≤ K ≤ 10 (K = 2 is binary).
  ``samples`` and ``noise`` do not apply to custom data.
- ``data.samples`` 2..100 000; ``data.noise`` 0..0.5; ``data.train_fraction``
  0.1..0.9; ``data.features`` a non-empty list of distinct names from
  :data:`nnsim.engine.features.FEATURES`.
- ``network.hidden_layers``: 0..32 layers of 1..256 units, each with an activation
  from :data:`nnsim.engine.activations.ACTIVATIONS` and optional ``batch_norm``
  (true/false) and ``dropout`` (0 ≤ p < 1) overriding the network's. ``init``
  from :data:`nnsim.engine.initializers.INITIALIZERS`.
- ``loss``: ``auto`` (sigmoid + ``bce`` for binary data, softmax + ``cross_entropy``
  for multi-class, linear + ``mse`` for regression), ``bce`` (binary data only,
  sigmoid output), ``cross_entropy`` (class data, softmax output, one output per
  class), ``mse`` (any data: one output fitted to the label value).
- ``network.output_activation``: ``auto`` (the loss's natural one, above),
  ``softmax`` (cross-entropy only) or any activation (``mse`` only; ``bce`` and
  ``cross_entropy`` accept only their own).
- ``training.batch_size``: integer 1..100 000 or ``"all"`` (full batch).
- ``training.optimizer``: ``name`` from :data:`nnsim.engine.optimizers.OPTIMIZERS`,
  ``lr`` in (0, 100], and any other keyword of that optimizer under PyTorch's
  name (``momentum``, ``betas``, ...), checked by the engine itself.
- ``training.schedule``: ``name`` from :data:`nnsim.engine.schedules.SCHEDULES`,
  ``unit`` ``"step"`` or ``"epoch"``, and that schedule's keywords (``step_size``,
  ``gamma``, ``T_max``, ``warmup_steps``, ...). Its initial rate is the
  optimizer's ``lr``.
- ``training.regularization``: ``kind`` none/l1/l2, ``rate`` 0..10 (ignored for none).
- ``training.grad_clip``: ``null``, ``{"mode": "norm", "max_norm": x}`` or
  ``{"mode": "value", "clip_value": x}`` with x > 0.
- ``training.eval_every``: integer >= 1.
- ``view.hidden_controls``: identifiers (``[A-Za-z_][A-Za-z0-9_]*``), no repeats.

The dataclasses are immutable: change one with :func:`dataclasses.replace`
(``replace(exp, seed=3)``, ``replace(exp, data=replace(exp.data, noise=0.2))``)
and check the result with :meth:`Experiment.validate`; :meth:`Experiment.with_lr`
is the shortcut for the most-used knob. Files are never unpickled or evaluated.
"""

from __future__ import annotations

import dataclasses
import inspect
import json
import math
import os
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache, cached_property
from typing import Any, Final

import numpy as np

from nnsim.engine.activations import ACTIVATIONS
from nnsim.engine.atomic import write_text_atomic
from nnsim.engine.datasets import (
    BOUND,
    DATASET_KINDS,
    DATASETS,
    MAX_CLASSES,
    MAX_NOISE,
    MAX_SAMPLES,
    MAX_TRAIN_FRACTION,
    MIN_TRAIN_FRACTION,
    make_dataset,
)
from nnsim.engine.features import FEATURES
from nnsim.engine.initializers import INITIALIZERS
from nnsim.engine.optimizers import OPTIMIZERS, make_optimizer
from nnsim.engine.schedules import SCHEDULES, make_schedule
from nnsim.training.validation import (
    INVALID,
    MISSING,
    Problems,
    check_hyperparameters,
    child,
    describe,
    item,
    read_bool,
    read_choice,
    read_hyperparameter_value,
    read_int,
    read_number,
    read_object,
    read_str,
)

__all__ = [
    "FORMAT",
    "LOSSES",
    "VERSION",
    "DataSpec",
    "Experiment",
    "ExperimentError",
    "GradClipSpec",
    "LayerSpec",
    "NetworkSpec",
    "OptimizerSpec",
    "RegularizationSpec",
    "ScheduleSpec",
    "TrainingSpec",
    "ViewSpec",
    "load_experiment",
    "save_experiment",
    "with_optimizer_param",
]

FORMAT: Final = "nnsim.experiment"
VERSION: Final = 1
CUSTOM: Final = "custom"
"""The ``data.dataset`` value for the user's own points (``data.points``)."""
LOSSES: Final = ("auto", "bce", "cross_entropy", "mse")
TASK_KINDS: Final = ("binary", "multiclass", "regression")
REGULARIZATIONS: Final = ("none", "l1", "l2")
SCHEDULE_UNITS: Final = ("step", "epoch")
CLIP_MODES: Final = ("norm", "value")
OUTPUT_ACTIVATION_CHOICES: Final = ("auto", "softmax", *ACTIVATIONS)

MIN_SAMPLES: Final = 2  # the train/test split needs a point on each side
MAX_HIDDEN_LAYERS: Final = 32
MAX_UNITS: Final = 256
MAX_LR: Final = 100.0
MAX_REGULARIZATION_RATE: Final = 10.0
MAX_SEED: Final = 2**32 - 1
DEFAULT_LR: Final = 0.03
MAX_FILE_BYTES: Final = 64 * 2**20

_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_AUTO_LOSS = {"binary": "bce", "multiclass": "cross_entropy", "regression": "mse"}
_LOSS_OUTPUT = {"bce": "sigmoid", "cross_entropy": "softmax", "mse": "linear"}
_MAX_ROW_PROBLEMS = 5  # bad rows of data.points reported one by one, then summarised


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


# --- the configuration ------------------------------------------------------------------------


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
    """

    dataset: str = "circle"
    samples: int = 500
    noise: float = 0.1
    train_fraction: float = 0.5
    features: tuple[str, ...] = ("x1", "x2")
    points: tuple[tuple[float, float, float], ...] | None = None

    def __post_init__(self) -> None:
        _freeze(self, "features", tuple(self.features))
        points = self.points
        if points is not None and not (
            isinstance(points, tuple) and all(type(p) is tuple for p in points)
        ):
            _freeze(self, "points", tuple(tuple(float(v) for v in p) for p in points))

    @cached_property
    def _task(self) -> tuple[str, int]:
        if self.dataset != CUSTOM:
            kind = DATASET_KINDS.get(self.dataset)
            if kind is None:
                raise ExperimentError([f"data.dataset: unknown data set {self.dataset!r}"])
            return kind, _builtin_num_classes(self.dataset)
        if not self.points:
            raise ExperimentError([f'data.points: required with "dataset": {CUSTOM!r}'])
        labels = np.array([p[2] for p in self.points or ()], dtype=np.float64)
        problems = _label_problems(labels)
        if problems:
            raise ExperimentError([f"data.points: {message}" for _, message in problems])
        return _label_task(labels)

    @property
    def task_kind(self) -> str:
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
    """Presentation settings: ``hidden_controls`` names controls a classroom mode hides."""

    hidden_controls: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        _freeze(self, "hidden_controls", tuple(self.hidden_controls))


@dataclass(frozen=True)
class Experiment:
    """The whole configuration of an experiment; see the module docstring for the file.

    Build one with :meth:`default`, :meth:`from_dict`, :meth:`from_json` or
    :func:`load_experiment` (all validated), or directly and then :meth:`validate`.
    """

    format: str = FORMAT
    version: int = VERSION
    seed: int = 0
    data: DataSpec = field(default_factory=DataSpec)
    network: NetworkSpec = field(default_factory=NetworkSpec)
    loss: str = "auto"
    training: TrainingSpec = field(default_factory=TrainingSpec)
    view: ViewSpec = field(default_factory=ViewSpec)
    name: str = ""
    description: str = ""

    # --- construction -----------------------------------------------------------------------

    @classmethod
    def default(cls) -> Experiment:
        """The default experiment: the file format's example (circle, 2-4-2-1 tanh, SGD 0.03)."""
        return cls()

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Experiment:
        """Build an experiment from parsed JSON, checking everything.

        Raises
        ------
        ExperimentError
            Listing every problem found, each with its JSON path.
        """
        return _parse_experiment(d)

    @classmethod
    def from_json(cls, text: str, source: str | None = None) -> Experiment:
        """Parse and check JSON text; ``source`` (a file name) is quoted in syntax errors."""
        where = f" in {source}" if source else ""
        try:
            d = json.loads(text, object_pairs_hook=_JsonObject.from_pairs)
        except json.JSONDecodeError as exc:
            message = f"invalid JSON{where} at line {exc.lineno}, column {exc.colno}: {exc.msg}"
            raise ExperimentError([message], source) from None
        except RecursionError:
            raise ExperimentError([f"invalid JSON{where}: nested too deeply"], source) from None
        if not isinstance(d, Mapping):
            message = f"expected a JSON object ({{...}}) at the top level{where}, got "
            raise ExperimentError([message + describe(d, with_type=True)], source)
        try:
            return cls.from_dict(d)
        except ExperimentError as exc:
            raise ExperimentError(exc.problems, source) from None

    def to_dict(self) -> dict[str, Any]:
        """The whole experiment as JSON-ready data, every default filled in.

        Keys come in a stable, human order; tuples become lists. Layer-level
        ``batch_norm``/``dropout`` appear only when set, ``data.points`` only for
        custom data. ``Experiment.from_dict(e.to_dict()) == e``.
        """
        data, net, training = self.data, self.network, self.training
        data_dict: dict[str, Any] = {
            "dataset": data.dataset,
            "samples": data.samples,
            "noise": data.noise,
            "train_fraction": data.train_fraction,
            "features": list(data.features),
        }
        if data.points is not None:
            data_dict["points"] = [[x1, x2, _compact(label)] for x1, x2, label in data.points]
        layers = []
        for layer in net.hidden_layers:
            layer_dict: dict[str, Any] = {"units": layer.units, "activation": layer.activation}
            if layer.batch_norm is not None:
                layer_dict["batch_norm"] = layer.batch_norm
            if layer.dropout is not None:
                layer_dict["dropout"] = layer.dropout
            layers.append(layer_dict)
        optimizer, schedule = training.optimizer, training.schedule
        clip = training.grad_clip
        return {
            "format": self.format,
            "version": self.version,
            "name": self.name,
            "description": self.description,
            "seed": self.seed,
            "data": data_dict,
            "network": {
                "hidden_layers": layers,
                "output_activation": net.output_activation,
                "init": net.init,
                "batch_norm": net.batch_norm,
                "dropout": net.dropout,
            },
            "loss": self.loss,
            "training": {
                "batch_size": training.batch_size,
                "optimizer": {
                    "name": optimizer.name,
                    "lr": optimizer.lr,
                    **_lists({k: v for k, v in sorted(optimizer.params.items()) if k != "lr"}),
                },
                "schedule": {
                    "name": schedule.name,
                    "unit": schedule.unit,
                    **_lists(dict(sorted(schedule.params.items()))),
                },
                "regularization": {
                    "kind": training.regularization.kind,
                    "rate": training.regularization.rate,
                },
                "grad_clip": None
                if clip is None
                else {"mode": clip.mode, _CLIP_KEYS.get(clip.mode, "max_norm"): clip.threshold},
                "eval_every": training.eval_every,
            },
            "view": {"hidden_controls": list(self.view.hidden_controls)},
        }

    def to_json(self) -> str:
        """Pretty JSON (indent 2, short lists on one line, a trailing newline)."""
        return _format_json(self.to_dict()) + "\n"

    def validate(self) -> None:
        """Check an experiment built in code; raise :class:`ExperimentError` if invalid."""
        Experiment.from_dict(self.to_dict())

    def with_lr(self, lr: float) -> Experiment:
        """A copy with the optimizer's learning rate set to ``lr`` (checked: 0 < lr <= 100)."""
        return with_optimizer_param(self, "lr", lr)

    # --- what "auto" means --------------------------------------------------------------------

    @property
    def task_kind(self) -> str:
        """``"binary"``, ``"multiclass"`` or ``"regression"``, from the data."""
        return self.data.task_kind

    def resolved_loss(self) -> str:
        """``bce``, ``cross_entropy`` or ``mse``: the loss, with ``auto`` decided by the data."""
        self._check_head()
        return _AUTO_LOSS[self.task_kind] if self.loss == "auto" else self.loss

    def resolved_output_activation(self) -> str:
        """The output layer's activation, with ``auto`` decided by the loss."""
        loss = self.resolved_loss()
        chosen = self.network.output_activation
        return _LOSS_OUTPUT[loss] if chosen == "auto" else chosen

    @property
    def num_outputs(self) -> int:
        """Output neurons: K for cross-entropy (2 for binary data), else 1."""
        return self.data.num_classes if self.resolved_loss() == "cross_entropy" else 1

    def _check_head(self) -> None:
        problems = _head_problems(self.loss, self.network.output_activation, self.data)
        if problems:
            raise ExperimentError([f"{path}: {message}" for path, message in problems])


def with_optimizer_param(experiment: Experiment, name: str, value: Any) -> Experiment:
    """A copy of ``experiment`` with one optimizer hyper-parameter set, checked.

    ``value`` is checked as ``training.optimizer.<name>`` would be in a file (``lr``
    in (0, 100]; the others by the engine, together with the optimizer's other
    hyper-parameters).

    Raises
    ------
    ExperimentError
        If the value (or the resulting set of hyper-parameters) is invalid.
    """
    if name == "name":
        raise ExperimentError(["training.optimizer.name: change the optimizer with replace()"])
    optimizer = experiment.training.optimizer
    problems = Problems()
    fields = {"name": optimizer.name, **_lists(optimizer.params), name: value}
    new = _parse_optimizer(problems, fields, "training.optimizer")
    if problems:
        raise ExperimentError(problems.messages)
    training = dataclasses.replace(experiment.training, optimizer=new)
    return dataclasses.replace(experiment, training=training)


def _freeze(obj: object, name: str, value: Any) -> None:
    object.__setattr__(obj, name, value)  # normalising a field of a frozen dataclass


def _tuples(params: Mapping[str, Any]) -> dict[str, Any]:
    return {k: tuple(v) if isinstance(v, list) else v for k, v in params.items()}


def _lists(params: Mapping[str, Any]) -> dict[str, Any]:
    return {k: list(v) if isinstance(v, tuple) else v for k, v in params.items()}


def _compact(x: float) -> float | int:
    """A label written as ``1`` rather than ``1.0`` when it is a whole number."""
    return int(x) if float(x).is_integer() else x


_CLIP_KEYS = {"norm": "max_norm", "value": "clip_value"}


# --- task kind and the output head ----------------------------------------------------------


@cache
def _builtin_num_classes(name: str) -> int:
    return make_dataset(name, samples=MIN_SAMPLES * MAX_CLASSES).num_classes


def _label_task(labels: np.ndarray) -> tuple[str, int]:
    """Kind and class count of valid labels (see :func:`_label_problems`)."""
    if np.any(labels != np.floor(labels)):
        return "regression", 1
    k = int(labels.max()) + 1
    return ("binary" if k == 2 else "multiclass"), k


def _label_problems(labels: np.ndarray) -> list[tuple[int | None, str]]:
    """The CSV import's label rule, as ``(row or None, message)`` problems.

    Any non-integer label makes all of them regression targets, which must lie in
    [-1, 1]; otherwise they are classes 0..K-1 with every class present, 2 <= K <= 10.
    """
    if labels.size == 0:
        return []
    if np.any(labels != np.floor(labels)):
        bad = np.flatnonzero(np.abs(labels) > 1.0)
        why = "(the labels are regression targets because some are not integers)"
        return [(int(i), f"regression target {labels[i]:g} is outside [-1, 1] {why}") for i in bad]
    rule = f"class labels must be integers 0..K-1, every class present, 2 <= K <= {MAX_CLASSES}"
    bad = np.flatnonzero((labels < 0) | (labels >= MAX_CLASSES))
    if bad.size:
        return [(int(i), f"invalid class label {labels[i]:g}: {rule}") for i in bad]
    counts = np.bincount(labels.astype(np.int64))
    if counts.size < 2:
        return [(None, f"every point has label 0: {rule}")]
    missing = np.flatnonzero(counts == 0)
    if missing.size:
        return [
            (None, f"no point has label {missing[0]} (labels go up to {counts.size - 1}): {rule}")
        ]
    return []


def _head_problems(loss: str, output_activation: str, data: DataSpec) -> list[tuple[str, str]]:
    """Does the loss fit the data, and the output activation the loss?"""
    kind = data.task_kind
    resolved = _AUTO_LOSS[kind] if loss == "auto" else loss
    which = f"data set {data.dataset!r}" if data.dataset != CUSTOM else "custom data"
    problems = []
    if resolved == "bce" and kind != "binary":
        problems.append(("loss", f"'bce' needs binary labels 0/1, but the {which} is {kind}"))
    if resolved == "cross_entropy" and kind == "regression":
        problems.append(("loss", f"'cross_entropy' needs class labels, but the {which} is {kind}"))
    natural = _LOSS_OUTPUT[resolved]
    if resolved != "mse" and output_activation not in ("auto", natural):
        how = f"'auto' (= {resolved!r} for the {which})" if loss == "auto" else repr(loss)
        message = (
            f"must be 'auto' or {natural!r} with loss {how}, got {output_activation!r}; "
            "other output activations need loss 'mse'"
        )
        problems.append(("network.output_activation", message))
    if resolved == "mse" and output_activation == "softmax":
        message = "'softmax' needs loss 'cross_entropy' (with 'mse' there is a single output)"
        problems.append(("network.output_activation", message))
    return problems


# --- reading (validation) -------------------------------------------------------------------

_TOP_KEYS = (
    "format", "version", "name", "description", "seed",
    "data", "network", "loss", "training", "view",
)  # fmt: skip
_DATA_KEYS = ("dataset", "samples", "noise", "train_fraction", "features", "points")
_NETWORK_KEYS = ("hidden_layers", "output_activation", "init", "batch_norm", "dropout")
_LAYER_KEYS = ("units", "activation", "batch_norm", "dropout")
_TRAINING_KEYS = (
    "batch_size", "optimizer", "schedule", "regularization", "grad_clip", "eval_every",
)  # fmt: skip
_REGULARIZATION_KEYS = ("kind", "rate")
_VIEW_KEYS = ("hidden_controls",)


def _parse_experiment(d: Any) -> Experiment:
    problems = Problems()
    version = d.get("version", VERSION) if isinstance(d, Mapping) else VERSION
    if type(version) is int and version > VERSION:
        problems.add(
            "version",
            f"this file was made by a newer nnsim (experiment version {version}); this nnsim "
            f"reads version {VERSION}: please update nnsim",
        )
        raise ExperimentError(problems.messages)  # its other keys would be guesswork
    root = read_object(problems, d, "", _TOP_KEYS)
    if root is None:
        raise ExperimentError(problems.messages)
    fmt = root.get("format", FORMAT)
    if fmt != FORMAT:
        got = describe(fmt, with_type=True)
        problems.add("format", f"must be {FORMAT!r} (this is not an nnsim experiment?), got {got}")
    if version != VERSION or type(version) is not int:
        problems.add("version", f"must be {VERSION}, got {describe(version, with_type=True)}")
    name = read_str(problems, root, "name", "", "")
    description = read_str(problems, root, "description", "", "")
    seed = read_int(problems, root, "seed", "", 0, 0, MAX_SEED)
    data = _parse_data(problems, root.get("data", {}), "data")
    network = _parse_network(problems, root.get("network", {}), "network")
    loss = read_choice(problems, root, "loss", "", "auto", LOSSES)
    training = _parse_training(problems, root.get("training", {}), "training")
    view = _parse_view(problems, root.get("view", {}), "view")
    if INVALID not in (data, network, loss):
        for path, message in _head_problems(loss, network.output_activation, data):
            problems.add(path, message)
    if problems:
        raise ExperimentError(problems.messages)
    return Experiment(
        seed=seed,
        data=data,
        network=network,
        loss=loss,
        training=training,
        view=view,
        name=name,
        description=description,
    )


def _parse_data(problems: Problems, value: Any, path: str) -> Any:
    d = read_object(problems, value, path, _DATA_KEYS)
    if d is None:
        return INVALID
    before = len(problems)
    dataset = read_choice(problems, d, "dataset", path, "circle", (*DATASETS, CUSTOM))
    samples = read_int(problems, d, "samples", path, 500, MIN_SAMPLES, MAX_SAMPLES)
    noise = read_number(problems, d, "noise", path, 0.1, low=0.0, high=MAX_NOISE)
    fraction = read_number(
        problems, d, "train_fraction", path, 0.5, low=MIN_TRAIN_FRACTION, high=MAX_TRAIN_FRACTION
    )
    features = _parse_features(problems, d.get("features", MISSING), child(path, "features"))
    points = None
    if d.get("points") is not None:
        points = _parse_points(problems, d["points"], child(path, "points"))
        if dataset not in (CUSTOM, INVALID):
            problems.add(child(path, "points"), f'only allowed with "dataset": {CUSTOM!r}')
    elif dataset == CUSTOM:
        problems.add(
            child(path, "points"),
            f'required with "dataset": {CUSTOM!r}: a list of [x1, x2, label] rows',
        )
    if len(problems) > before:
        return INVALID
    return DataSpec(dataset, samples, noise, fraction, features, points)


def _parse_features(problems: Problems, value: Any, path: str) -> Any:
    if value is MISSING:
        return ("x1", "x2")
    if not isinstance(value, list) or not value:
        got = describe(value, with_type=True) if not isinstance(value, list) else "an empty list"
        problems.add(path, f"must be a non-empty list of feature names, got {got}")
        return INVALID
    ok = True
    for i, name in enumerate(value):
        if not isinstance(name, str) or name not in FEATURES:
            problems.add(
                item(path, i), f"must be one of {', '.join(FEATURES)}, got {describe(name)}"
            )
            ok = False
        elif name in value[:i]:
            problems.add(item(path, i), f"{name!r} is listed twice")
            ok = False
    return tuple(value) if ok else INVALID


def _parse_points(problems: Problems, value: Any, path: str) -> Any:
    limit = f"{MIN_SAMPLES}..{MAX_SAMPLES}"
    if not isinstance(value, list):
        problems.add(path, f"must be a list of [x1, x2, label] rows, got {describe(value)}")
        return INVALID
    if not MIN_SAMPLES <= len(value) <= MAX_SAMPLES:
        problems.add(path, f"must hold {limit} points, got {len(value)}")
        return INVALID
    bad_rows: list[tuple[int | None, str]] = []
    rows = []
    for i, row in enumerate(value):
        if (
            type(row) is list
            and len(row) == 3
            and all(type(v) is float or type(v) is int for v in row)
        ):
            rows.append(row)
        else:
            bad_rows.append((i, f"must be [x1, x2, label], three numbers, got {describe(row)}"))
            rows.append([0.0, 0.0, 0.0])
    table = np.array(rows, dtype=np.float64)
    finite = np.isfinite(table).all(axis=1)
    bad_rows += [(int(i), "must hold finite numbers") for i in np.flatnonzero(~finite)]
    outside = finite & (np.abs(table[:, :2]).max(axis=1) > BOUND)
    area = f"[-{BOUND:g}, {BOUND:g}]²"
    bad_rows += [(int(i), f"is outside the area {area}") for i in np.flatnonzero(outside)]
    if not bad_rows:
        bad_rows = _label_problems(table[:, 2])
    for row_index, message in bad_rows[:_MAX_ROW_PROBLEMS]:
        problems.add(path if row_index is None else item(path, row_index), message)
    if len(bad_rows) > _MAX_ROW_PROBLEMS:
        problems.add(path, f"… and {len(bad_rows) - _MAX_ROW_PROBLEMS} more bad rows")
    if bad_rows:
        return INVALID
    return tuple(map(tuple, table.tolist()))


def _parse_network(problems: Problems, value: Any, path: str) -> Any:
    d = read_object(problems, value, path, _NETWORK_KEYS)
    if d is None:
        return INVALID
    before = len(problems)
    layers = _parse_layers(problems, d.get("hidden_layers", MISSING), child(path, "hidden_layers"))
    output = read_choice(problems, d, "output_activation", path, "auto", OUTPUT_ACTIVATION_CHOICES)
    init = read_choice(problems, d, "init", path, "xavier_uniform", INITIALIZERS)
    batch_norm = read_bool(problems, d, "batch_norm", path, False)
    dropout = read_number(
        problems, d, "dropout", path, 0.0, low=0.0, high=1.0, high_inclusive=False
    )
    if len(problems) > before:
        return INVALID
    return NetworkSpec(layers, output, init, batch_norm, dropout)


def _parse_layers(problems: Problems, value: Any, path: str) -> Any:
    if value is MISSING:
        return NetworkSpec().hidden_layers
    if not isinstance(value, list) or len(value) > MAX_HIDDEN_LAYERS:
        got = f"{len(value)} layers" if isinstance(value, list) else describe(value, with_type=True)
        problems.add(path, f"must be a list of 0..{MAX_HIDDEN_LAYERS} layers, got {got}")
        return INVALID
    before = len(problems)
    layers = []
    for i, layer_value in enumerate(value):
        where = item(path, i)
        d = read_object(problems, layer_value, where, _LAYER_KEYS)
        if d is None:
            continue
        if "units" not in d:
            problems.add(child(where, "units"), f"is required: an integer in 1..{MAX_UNITS}")
        units = read_int(problems, d, "units", where, 1, 1, MAX_UNITS)
        activation = read_choice(problems, d, "activation", where, "tanh", ACTIVATIONS)
        batch_norm = read_bool(problems, d, "batch_norm", where, None)
        dropout = d.get("dropout")
        if dropout is not None:
            dropout = read_number(problems, d, "dropout", where, 0.0, low=0.0, high=1.0,
                                  high_inclusive=False)  # fmt: skip
        layers.append(LayerSpec(units, activation, batch_norm, dropout))
    return INVALID if len(problems) > before else tuple(layers)


def _parse_training(problems: Problems, value: Any, path: str) -> Any:
    d = read_object(problems, value, path, _TRAINING_KEYS)
    if d is None:
        return INVALID
    before = len(problems)
    batch_size = d.get("batch_size", 10)
    if batch_size != "all" and (type(batch_size) is not int or not 1 <= batch_size <= MAX_SAMPLES):
        got = describe(batch_size, with_type=True)
        problems.add(
            child(path, "batch_size"), f"must be an integer in 1..{MAX_SAMPLES} or 'all', got {got}"
        )
    optimizer = _parse_optimizer(problems, d.get("optimizer", {}), child(path, "optimizer"))
    lr = optimizer.lr if optimizer is not INVALID else DEFAULT_LR
    schedule = _parse_schedule(problems, d.get("schedule", {}), child(path, "schedule"), lr)
    regularization = _parse_regularization(
        problems, d.get("regularization", {}), child(path, "regularization")
    )
    grad_clip = _parse_grad_clip(problems, d.get("grad_clip"), child(path, "grad_clip"))
    eval_every = read_int(problems, d, "eval_every", path, 10, 1)
    if len(problems) > before:
        return INVALID
    return TrainingSpec(batch_size, optimizer, schedule, regularization, grad_clip, eval_every)


def _read_lr(problems: Problems, d: Mapping[str, Any], path: str) -> Any:
    return read_number(
        problems, d, "lr", path, DEFAULT_LR, low=0.0, high=MAX_LR, low_inclusive=False
    )


@cache
def _optimizer_keywords(name: str) -> tuple[str, ...]:
    """The hyper-parameter names of optimizer ``name`` besides ``lr`` (empty if unknown)."""
    try:
        names = make_optimizer(name, [np.zeros(1)], lr=DEFAULT_LR).hyperparameters
    except (AttributeError, TypeError, ValueError):
        return ()
    return tuple(key for key in names if key != "lr")


@cache
def _schedule_keywords(name: str) -> tuple[str, ...]:
    """The keyword names of schedule ``name`` besides ``lr0`` (empty if unknown)."""
    parameters = inspect.signature(SCHEDULES[name]).parameters.values()
    if any(p.kind is inspect.Parameter.VAR_KEYWORD for p in parameters):
        return ()
    return tuple(p.name for p in parameters if p.name not in ("self", "lr0"))


def _read_hyperparameters(
    problems: Problems,
    d: Mapping[str, Any],
    path: str,
    own_keys: tuple[str, ...],
    engine_keys: tuple[str, ...],
) -> dict[str, Any]:
    """The engine keywords of an optimizer or schedule object (its keys not in ``own_keys``).

    Unknown keys and values of a wrong type are recorded and left out, so that the
    engine can still judge the rest. With ``engine_keys`` empty (the engine did not
    say which it takes) every key is passed on and the engine decides.
    """
    allowed = (*own_keys, *(engine_keys or d.keys()))
    read_object(problems, d, path, allowed)  # unknown and repeated keys
    params = {
        key: read_hyperparameter_value(problems, value, child(path, key))
        for key, value in d.items()
        if key in allowed and key not in own_keys
    }
    return {key: value for key, value in params.items() if value is not INVALID}


def _parse_optimizer(problems: Problems, value: Any, path: str) -> Any:
    if not isinstance(value, Mapping):
        read_object(problems, value, path, ())
        return INVALID
    before = len(problems)
    name = read_choice(problems, value, "name", path, "sgd", OPTIMIZERS)
    lr = _read_lr(problems, value, path)
    if name is INVALID:
        return INVALID
    engine_keys = _optimizer_keywords(name)
    params = _read_hyperparameters(problems, value, path, ("name", "lr"), engine_keys)
    usable_lr = DEFAULT_LR if lr is INVALID else lr

    def build(**kwargs: Any) -> object:
        return make_optimizer(name, [np.zeros(1)], lr=usable_lr, **kwargs)

    check_hyperparameters(problems, path, build, params, engine_keys)
    if len(problems) > before:
        return INVALID
    return OptimizerSpec(name, {"lr": lr, **params})


def _parse_schedule(problems: Problems, value: Any, path: str, lr: float) -> Any:
    if not isinstance(value, Mapping):
        read_object(problems, value, path, ())
        return INVALID
    before = len(problems)
    name = read_choice(problems, value, "name", path, "constant", SCHEDULES)
    unit = read_choice(problems, value, "unit", path, "step", SCHEDULE_UNITS)
    if name is INVALID:
        return INVALID
    engine_keys = _schedule_keywords(name)
    params = _read_hyperparameters(problems, value, path, ("name", "unit"), engine_keys)

    def build(**kwargs: Any) -> object:
        return make_schedule(name, lr, **kwargs)

    check_hyperparameters(problems, path, build, params, engine_keys)
    if len(problems) > before:
        return INVALID
    return ScheduleSpec(name, unit, params)


def _parse_regularization(problems: Problems, value: Any, path: str) -> Any:
    d = read_object(problems, value, path, _REGULARIZATION_KEYS)
    if d is None:
        return INVALID
    kind = read_choice(problems, d, "kind", path, "none", REGULARIZATIONS)
    rate = read_number(problems, d, "rate", path, 0.0, low=0.0, high=MAX_REGULARIZATION_RATE)
    if INVALID in (kind, rate):
        return INVALID
    return RegularizationSpec(kind, rate)


def _parse_grad_clip(problems: Problems, value: Any, path: str) -> Any:
    if value is None:
        return None
    mode = value.get("mode", "norm") if isinstance(value, Mapping) else None
    threshold_key = _CLIP_KEYS.get(mode) if isinstance(mode, str) else None
    keys = ("mode", threshold_key) if threshold_key else ("mode", *_CLIP_KEYS.values())
    d = read_object(problems, value, path, keys)
    if d is None:
        return INVALID
    before = len(problems)
    mode = read_choice(problems, d, "mode", path, "norm", CLIP_MODES)
    threshold = 1.0
    if threshold_key:
        threshold = read_number(problems, d, threshold_key, path, 1.0, low=0.0,
                                low_inclusive=False)  # fmt: skip
    if len(problems) > before:
        return INVALID
    return GradClipSpec(mode, threshold)


def _parse_view(problems: Problems, value: Any, path: str) -> Any:
    d = read_object(problems, value, path, _VIEW_KEYS)
    if d is None:
        return INVALID
    where = child(path, "hidden_controls")
    names = d.get("hidden_controls", [])
    if not isinstance(names, list):
        got = describe(names, with_type=True)
        problems.add(where, f"must be a list of control names, got {got}")
        return INVALID
    before = len(problems)
    for i, name in enumerate(names):
        if not isinstance(name, str) or not _IDENTIFIER.fullmatch(name):
            problems.add(
                item(where, i),
                f"must be an identifier like 'learning_rate' ([A-Za-z_][A-Za-z0-9_]*), "
                f"got {describe(name, with_type=True)}",
            )
        elif name in names[:i]:
            problems.add(item(where, i), f"{name!r} is listed twice")
    return INVALID if len(problems) > before else ViewSpec(tuple(names))


# --- files ----------------------------------------------------------------------------------


class _JsonObject(dict):
    """A parsed JSON object that remembers keys it saw more than once."""

    duplicate_keys: list[str]

    @classmethod
    def from_pairs(cls, pairs: list[tuple[str, Any]]) -> _JsonObject:
        obj = cls()
        obj.duplicate_keys = []
        for key, value in pairs:
            if key in obj and key not in obj.duplicate_keys:
                obj.duplicate_keys.append(key)
            obj[key] = value
        return obj


_ENCODER = json.JSONEncoder(ensure_ascii=False, allow_nan=False)  # one encoder: fast per row


def _is_plain(value: Any) -> bool:
    return not isinstance(value, dict | list) or not value


def _format_json(value: Any, indent: int = 0, width: int = 100) -> str:
    """JSON with indent 2 where, below the sections, short lists of plain values and short
    objects of plain values and such lists stay on one line (a layer, the optimizer)."""
    if _is_plain(value):
        return _ENCODER.encode(value)
    items = value.values() if isinstance(value, dict) else value
    inline = all(
        _is_plain(v) or (isinstance(value, dict) and isinstance(v, list) and all(map(_is_plain, v)))
        for v in items
    )
    if inline and indent >= 4:  # the top level and its sections always open up
        text = _ENCODER.encode(value)
        if indent + len(text) <= width - 20:  # room for the key in front of it
            return text
    pad = " " * (indent + 2)
    if isinstance(value, dict):
        body = [
            f"{pad}{_ENCODER.encode(k)}: {_format_json(v, indent + 2, width)}"
            for k, v in value.items()
        ]
        return "{\n" + ",\n".join(body) + "\n" + " " * indent + "}"
    if all(type(row) is list and all(map(_is_finite_number, row)) for row in value):
        body = [f"{pad}[{', '.join(map(repr, row))}]" for row in value]  # data.points, fast
    else:
        body = [pad + _format_json(v, indent + 2, width) for v in value]
    return "[\n" + ",\n".join(body) + "\n" + " " * indent + "]"


def _is_finite_number(x: Any) -> bool:
    return type(x) is int or (type(x) is float and math.isfinite(x))


def load_experiment(path: str | os.PathLike[str]) -> Experiment:
    """Read and check an experiment file.

    Raises
    ------
    ExperimentError
        If the file cannot be read, is not UTF-8 JSON holding an object, or any
        value is invalid (every problem is listed; ``error.source`` is the path).
    """
    source = os.fspath(path)
    try:
        with open(source, "rb") as f:
            size = os.fstat(f.fileno()).st_size
            if size > MAX_FILE_BYTES:
                limit = MAX_FILE_BYTES // 2**20
                message = (
                    f"{source} is too large for an experiment file ({size} bytes, max {limit} MB)"
                )
                raise ExperimentError([message], source)
            raw = f.read()
    except FileNotFoundError:
        raise ExperimentError([f"no such file: {source}"], source) from None
    except IsADirectoryError:
        raise ExperimentError(
            [f"{source} is a directory, not an experiment file"], source
        ) from None
    except OSError as exc:
        raise ExperimentError([f"cannot read {source}: {exc.strerror or exc}"], source) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        message = f"{source} is not UTF-8 text (byte {exc.start} cannot be decoded)"
        raise ExperimentError([message], source) from None
    return Experiment.from_json(text, source)


def save_experiment(experiment: Experiment, path: str | os.PathLike[str]) -> None:
    """Check ``experiment`` and write it to ``path`` atomically.

    The JSON is written to a temporary file in the same directory, flushed to
    disk, then renamed over ``path``: a crash or error never leaves a half-written
    file, and an existing file keeps its permissions.

    Raises
    ------
    ExperimentError
        If the experiment is invalid (nothing is written).
    OSError
        If the file cannot be written (an existing file is left untouched).
    """
    experiment.validate()
    text = experiment.to_json()
    write_text_atomic(path, text)
