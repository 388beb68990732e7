"""The :class:`Experiment`, root of the configuration tree: building, checking, writing,
and what its ``"auto"`` settings resolve to."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from nnsim.engine.datasets import DatasetKind
from nnsim.training.experiment.json_text import JsonLimitError, format_json, parse_json
from nnsim.training.experiment.parsing import parse_experiment_fields
from nnsim.training.experiment.schema import CLIP_KEYS, FORMAT, VERSION
from nnsim.training.experiment.specs import (
    DataSpec,
    ExperimentError,
    NetworkSpec,
    TrainingSpec,
    ViewSpec,
)
from nnsim.training.experiment.tasks import AUTO_LOSS, LOSS_OUTPUT, head_problems
from nnsim.training.experiment.training_parsing import parse_optimizer
from nnsim.training.validation import Problems, describe

__all__ = ["Experiment", "with_optimizer_param"]


@dataclass(frozen=True)
class Experiment:
    """The whole configuration of an experiment; see the package docstring for the file.

    Build one with :meth:`default`, :meth:`from_dict`, :meth:`from_json` or
    :func:`~nnsim.training.experiment.load_experiment` (all validated), or directly and then
    :meth:`validate`.
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
        return cls(**parse_experiment_fields(d))

    @classmethod
    def from_json(cls, text: str, source: str | None = None) -> Experiment:
        """Parse and check JSON text; ``source`` (a file name) is quoted in syntax errors."""
        where = f" in {source}" if source else ""
        try:
            d = parse_json(text)
        except json.JSONDecodeError as exc:
            message = f"invalid JSON{where} at line {exc.lineno}, column {exc.colno}: {exc.msg}"
            raise ExperimentError([message], source) from None
        except JsonLimitError as exc:
            raise ExperimentError([f"{source or 'the JSON text'}: {exc}"], source) from None
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
        for name in ("points", "test_points"):
            rows = getattr(data, name)
            if rows is not None:
                data_dict[name] = [  # _compact inlined (y % 1 == 0 iff whole): 100,000 rows
                    [x1, x2, int(y) if y % 1 == 0 else y] for x1, x2, y in rows
                ]
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
                else {"mode": clip.mode, CLIP_KEYS.get(clip.mode, "max_norm"): clip.threshold},
                "eval_every": training.eval_every,
            },
            "view": {"hidden_controls": list(self.view.hidden_controls), "speed": self.view.speed},
        }

    def to_json(self) -> str:
        """Pretty JSON (indent 2, short lists on one line, a trailing newline)."""
        return format_json(self.to_dict()) + "\n"

    def validate(self) -> None:
        """Check an experiment built in code; raise :class:`ExperimentError` if invalid."""
        Experiment.from_dict(self.to_dict())

    def with_lr(self, lr: float) -> Experiment:
        """A copy with the optimizer's learning rate set to ``lr`` (checked: 0 < lr <= 100)."""
        return with_optimizer_param(self, "lr", lr)

    # --- what "auto" means --------------------------------------------------------------------

    @property
    def task_kind(self) -> DatasetKind:
        """``"binary"``, ``"multiclass"`` or ``"regression"``, from the data."""
        return self.data.task_kind

    def resolved_loss(self) -> str:
        """``bce``, ``cross_entropy`` or ``mse``: the loss, with ``auto`` decided by the data."""
        self._check_head()
        return AUTO_LOSS[self.task_kind] if self.loss == "auto" else self.loss

    def resolved_output_activation(self) -> str:
        """The output layer's activation, with ``auto`` decided by the loss."""
        loss = self.resolved_loss()
        chosen = self.network.output_activation
        return LOSS_OUTPUT[loss] if chosen == "auto" else chosen

    @property
    def num_outputs(self) -> int:
        """Output neurons: K for cross-entropy (2 for binary data), else 1."""
        return self.data.num_classes if self.resolved_loss() == "cross_entropy" else 1

    def layer_sizes(self) -> tuple[int, ...]:
        """Neurons per layer, inputs first: one per feature, each hidden layer's units, the
        outputs; what the trainer's network will have, read off the spec (nothing built)."""
        hidden = (layer.units for layer in self.network.hidden_layers)
        return (len(self.data.features), *hidden, self.num_outputs)

    def layer_activations(self) -> tuple[str, ...]:
        """The activation of layers 1..L: each hidden layer's, then the output's."""
        hidden = (layer.activation for layer in self.network.hidden_layers)
        return (*hidden, self.resolved_output_activation())

    def _check_head(self) -> None:
        problems = head_problems(self.loss, self.network.output_activation, self.data)
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
    new = parse_optimizer(problems, fields, "training.optimizer")
    if problems:
        raise ExperimentError(problems.messages)
    training = dataclasses.replace(experiment.training, optimizer=new)
    return dataclasses.replace(experiment, training=training)


def _lists(params: Mapping[str, Any]) -> dict[str, Any]:
    return {k: list(v) if isinstance(v, tuple) else v for k, v in params.items()}


def _compact(x: float) -> float | int:
    """A label written as ``1`` rather than ``1.0`` when it is a whole number."""
    return int(x) if float(x).is_integer() else x
