"""The experiment file: defaults, round trips, validation messages, atomic saving."""

from __future__ import annotations

import copy
import dataclasses
import json
import os
import stat
from typing import Any

import pytest

from nnsim.engine.datasets import DATASET_KINDS, DATASETS
from nnsim.training.experiment import (
    DataSpec,
    Experiment,
    ExperimentError,
    GradClipSpec,
    LayerSpec,
    NetworkSpec,
    OptimizerSpec,
    RegularizationSpec,
    ScheduleSpec,
    TrainingSpec,
    ViewSpec,
    load_experiment,
    save_experiment,
    with_optimizer_param,
)
from nnsim.training.experiment import experiment as experiment_module

ISSUE_EXAMPLE = """
{
  "format": "nnsim.experiment", "version": 1, "seed": 0,
  "data": {"dataset": "circle", "samples": 500, "noise": 0.1,
           "train_fraction": 0.5, "features": ["x1", "x2"]},
  "network": {"hidden_layers": [{"units": 4, "activation": "tanh"},
                                {"units": 2, "activation": "tanh"}],
              "output_activation": "auto", "init": "xavier_uniform",
              "batch_norm": false, "dropout": 0.0},
  "loss": "auto",
  "training": {"batch_size": 10,
               "optimizer": {"name": "sgd", "lr": 0.03},
               "schedule": {"name": "constant", "unit": "step"},
               "regularization": {"kind": "none", "rate": 0.0},
               "grad_clip": null}
}
"""

# A point of each class in each corner region, so every class is present.
BINARY_POINTS = [[-1.0, -1.0, 0], [1.0, 1.0, 1], [2.0, -2.0, 0], [-2.0, 2.0, 1]]


def rich_experiment() -> Experiment:
    """An experiment that sets every knob away from its default."""
    return Experiment(
        seed=12345,
        data=DataSpec("spiral3", 800, 0.25, 0.7, ("x1", "x2", "sin_x1", "x1_x2")),
        network=NetworkSpec(
            hidden_layers=(
                LayerSpec(8, "relu", batch_norm=True, dropout=0.2),
                LayerSpec(6, "gelu"),
                LayerSpec(3, "sine", dropout=0.0),
            ),
            output_activation="softmax",
            init="he_uniform",
            batch_norm=False,
            dropout=0.1,
        ),
        loss="cross_entropy",
        training=TrainingSpec(
            batch_size="all",
            optimizer=OptimizerSpec("adam", {"lr": 0.01, "betas": (0.8, 0.99), "amsgrad": True}),
            schedule=ScheduleSpec("step", "epoch", {"step_size": 5, "gamma": 0.5}),
            regularization=RegularizationSpec("l2", 0.001),
            grad_clip=GradClipSpec("value", 0.5),
            eval_every=25,
        ),
        view=ViewSpec(("learning_rate", "optimizer")),
        name="Spiral, three arms",
        description="Adam on the 3-arm spiral.\n学习率 (learning rate) demo.",
    )


def custom_experiment(points: list[list[float]], **data: Any) -> dict[str, Any]:
    return {"data": {"dataset": "custom", "points": points, **data}}


def merged(patch: dict[str, Any]) -> dict[str, Any]:
    """The default experiment's dict with ``patch`` merged in (nested dicts merge)."""

    def merge(base: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
        out = dict(base)
        for key, value in extra.items():
            if isinstance(value, dict) and isinstance(out.get(key), dict):
                out[key] = merge(out[key], value)
            else:
                out[key] = value
        return out

    return merge(Experiment.default().to_dict(), patch)


def problems_of(d: Any) -> list[str]:
    with pytest.raises(ExperimentError) as info:
        Experiment.from_dict(d)
    assert str(info.value) == "\n".join(info.value.problems)
    return info.value.problems


# --- defaults and round trips ------------------------------------------------------------------


def test_default_is_the_issue_example_plus_nnsim_keys():
    resolved = Experiment.default().to_dict()
    extras = {
        "name": resolved.pop("name"),
        "description": resolved.pop("description"),
        "view": resolved.pop("view"),
        "eval_every": resolved["training"].pop("eval_every"),
    }
    assert resolved == json.loads(ISSUE_EXAMPLE)
    assert extras == {
        "name": "",
        "description": "",
        "view": {"hidden_controls": [], "speed": "max"},
        "eval_every": 10,
    }


def test_empty_object_and_issue_example_load_as_the_default():
    assert Experiment.from_dict({}) == Experiment.default()
    assert Experiment.from_json(ISSUE_EXAMPLE) == Experiment.default()
    assert Experiment.default() == Experiment()


@pytest.mark.parametrize(
    "experiment",
    [
        Experiment.default(),
        rich_experiment(),
        Experiment.from_dict(custom_experiment(BINARY_POINTS)),
        Experiment.from_dict({"network": {"hidden_layers": []}, "training": {"grad_clip": {}}}),
    ],
    ids=["default", "rich", "custom", "no-hidden-layers"],
)
def test_dict_and_json_round_trip(experiment: Experiment):
    d = experiment.to_dict()
    assert json.loads(json.dumps(d)) == d  # JSON-ready: only dicts, lists and scalars
    assert Experiment.from_dict(d) == experiment
    assert Experiment.from_json(experiment.to_json()) == experiment
    assert json.loads(experiment.to_json()) == d


def test_file_round_trip(tmp_path):
    path = tmp_path / "exp.json"
    for experiment in (rich_experiment(), Experiment.default()):  # the second overwrites
        save_experiment(experiment, path)
        assert load_experiment(path) == experiment
    assert sorted(os.listdir(tmp_path)) == ["exp.json"]  # no temporary file left behind


def test_saved_file_is_pretty_json_in_a_stable_order(tmp_path):
    path = tmp_path / "exp.json"
    save_experiment(rich_experiment(), path)
    text = path.read_text(encoding="utf-8")
    assert text.endswith("}\n") and not text.endswith("\n\n")
    assert text.startswith('{\n  "format": "nnsim.experiment",\n  "version": 1,\n')
    assert '\n    "features": ["x1", "x2", "sin_x1", "x1_x2"]\n' in text
    assert (
        '"optimizer": {"name": "adam", "lr": 0.01, "amsgrad": true, "betas": [0.8, 0.99]}' in text
    )
    assert "学习率" in text  # readable, not \u-escaped
    top = list(json.loads(text))
    assert top == [
        "format", "version", "name", "description", "seed",
        "data", "network", "loss", "training", "view",
    ]  # fmt: skip
    save_experiment(rich_experiment(), tmp_path / "again.json")
    assert (tmp_path / "again.json").read_text(encoding="utf-8") == text


def test_custom_points_are_one_row_per_line(tmp_path):
    experiment = Experiment.from_dict(custom_experiment([[0.5, -1.25, 0], [1, 2, 1]]))
    text = experiment.to_json()
    assert "\n      [0.5, -1.25, 0],\n      [1.0, 2.0, 1]\n" in text
    assert experiment.data.points == ((0.5, -1.25, 0.0), (1.0, 2.0, 1.0))


def test_to_dict_fills_every_default():
    d = Experiment.from_dict({"training": {"grad_clip": {"mode": "value"}}}).to_dict()
    assert d["training"]["grad_clip"] == {"mode": "value", "clip_value": 1.0}
    assert d["training"]["optimizer"] == {"name": "sgd", "lr": 0.03}
    assert d["data"]["noise"] == 0.1
    assert "points" not in d["data"]


# --- the dataclasses ---------------------------------------------------------------------------


def test_experiments_are_immutable_and_hashable():
    experiment = rich_experiment()
    with pytest.raises(dataclasses.FrozenInstanceError):
        experiment.seed = 1  # type: ignore[misc]
    assert hash(experiment) == hash(copy.deepcopy(experiment))
    assert len({experiment, rich_experiment(), Experiment.default()}) == 2


def test_specs_normalise_sequences_and_copy_params():
    params = {"lr": 0.1, "betas": [0.9, 0.99]}
    spec = OptimizerSpec("adam", params)
    params["lr"] = 5.0
    assert spec.params == {"lr": 0.1, "betas": (0.9, 0.99)}
    assert OptimizerSpec("sgd", {}).lr == 0.03  # lr always present
    assert DataSpec(features=["x1"]).features == ("x1",)
    assert DataSpec("custom", points=[[1, 2, 1]]).points == ((1.0, 2.0, 1.0),)
    assert NetworkSpec(hidden_layers=[LayerSpec(3)]).hidden_layers == (LayerSpec(3),)
    assert ViewSpec(["a"]).hidden_controls == ("a",)


def test_resolved_layers_fill_in_the_network_defaults():
    network = NetworkSpec(
        hidden_layers=(LayerSpec(3), LayerSpec(4, batch_norm=False, dropout=0.5)),
        batch_norm=True,
        dropout=0.1,
    )
    assert network.resolved_layers() == (
        LayerSpec(3, "tanh", True, 0.1),
        LayerSpec(4, "tanh", False, 0.5),
    )


def test_grad_clip_exposes_the_pytorch_names():
    assert (GradClipSpec("norm", 2.0).max_norm, GradClipSpec("norm", 2.0).clip_value) == (2.0, None)
    assert (GradClipSpec("value", 0.1).max_norm, GradClipSpec("value", 0.1).clip_value) == (
        None,
        0.1,
    )
    clip = Experiment.from_dict({"training": {"grad_clip": {"mode": "norm", "max_norm": 5}}})
    assert clip.training.grad_clip == GradClipSpec("norm", 5.0)


def test_with_lr_and_with_optimizer_param():
    experiment = Experiment.default()
    faster = experiment.with_lr(0.3)
    assert faster.training.optimizer.lr == 0.3
    assert experiment.training.optimizer.lr == 0.03  # unchanged
    momentum = with_optimizer_param(faster, "momentum", 0.9)
    assert momentum.training.optimizer.params == {"lr": 0.3, "momentum": 0.9}
    for bad_lr in (0, -1, 1000, float("nan"), True, "0.1"):
        with pytest.raises(ExperimentError, match=r"^training\.optimizer\.lr: "):
            experiment.with_lr(bad_lr)  # type: ignore[arg-type]
    with pytest.raises(ExperimentError, match=r"^training\.optimizer\.momentum: "):
        with_optimizer_param(experiment, "momentum", -0.5)
    with pytest.raises(ExperimentError, match=r"^training\.optimizer\.momentun: unknown key"):
        with_optimizer_param(experiment, "momentun", 0.5)


def test_validate_catches_a_bad_replace():
    experiment = Experiment.default()
    experiment.validate()
    bad = dataclasses.replace(experiment, data=dataclasses.replace(experiment.data, noise=0.9))
    with pytest.raises(ExperimentError, match=r"^data\.noise: must be between 0 and 0\.5"):
        bad.validate()


# --- what "auto" resolves to --------------------------------------------------------------------

EXPECTED_HEAD = {
    "binary": ("bce", "sigmoid", 1),
    "multiclass": ("cross_entropy", "softmax", None),
    "regression": ("mse", "linear", 1),
}


@pytest.mark.parametrize("dataset", DATASETS)
def test_auto_loss_and_output_for_every_dataset(dataset: str):
    experiment = Experiment.from_dict({"data": {"dataset": dataset}})
    kind = DATASET_KINDS[dataset]
    loss, output, outputs = EXPECTED_HEAD[kind]
    assert experiment.task_kind == kind
    assert experiment.resolved_loss() == loss
    assert experiment.resolved_output_activation() == output
    expected_outputs = {"spiral3": 3, "blobs4": 4}.get(dataset, outputs)
    assert experiment.num_outputs == expected_outputs


@pytest.mark.parametrize(
    ("dataset", "loss", "output", "resolved", "outputs"),
    [
        ("circle", "cross_entropy", "auto", "softmax", 2),
        ("circle", "mse", "auto", "linear", 1),
        ("circle", "mse", "sigmoid", "sigmoid", 1),
        ("circle", "bce", "sigmoid", "sigmoid", 1),
        ("spiral3", "mse", "tanh", "tanh", 1),
        ("plane", "auto", "tanh", "tanh", 1),
        ("blobs4", "auto", "softmax", "softmax", 4),
    ],
)
def test_explicit_loss_and_output(dataset, loss, output, resolved, outputs):
    experiment = Experiment.from_dict(
        {"data": {"dataset": dataset}, "loss": loss, "network": {"output_activation": output}}
    )
    auto = {"plane": "mse", "blobs4": "cross_entropy"}.get(dataset)
    assert experiment.resolved_loss() == (auto if loss == "auto" else loss)
    assert experiment.resolved_output_activation() == resolved
    assert experiment.num_outputs == outputs


@pytest.mark.parametrize(
    ("patch", "expected"),
    [
        ({"data": {"dataset": "spiral3"}, "loss": "bce"}, "loss: 'bce' needs binary labels"),
        ({"data": {"dataset": "plane"}, "loss": "bce"}, "loss: 'bce' needs binary labels"),
        ({"data": {"dataset": "plane"}, "loss": "cross_entropy"}, "loss: 'cross_entropy' needs"),
        (
            {"network": {"output_activation": "tanh"}},
            "network.output_activation: must be 'auto' or 'sigmoid' with loss 'auto' (= 'bce'",
        ),
        (
            {"loss": "cross_entropy", "network": {"output_activation": "sigmoid"}},
            "network.output_activation: must be 'auto' or 'softmax' with loss 'cross_entropy'",
        ),
        (
            {"loss": "mse", "network": {"output_activation": "softmax"}},
            "network.output_activation: 'softmax' needs loss 'cross_entropy'",
        ),
        (
            {"network": {"output_activation": "softmax"}},
            "network.output_activation: must be 'auto' or 'sigmoid'",
        ),
    ],
)
def test_loss_must_fit_the_data_and_output(patch, expected):
    problems = problems_of(merged(patch))
    assert len(problems) == 1
    assert problems[0].startswith(expected)


def test_resolving_an_inconsistent_experiment_raises():
    experiment = Experiment(data=DataSpec("plane"), loss="bce")
    with pytest.raises(ExperimentError, match="needs binary labels"):
        experiment.resolved_loss()


# --- custom points -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("labels", "kind", "classes"),
    [
        ([0, 1, 0, 1], "binary", 2),
        ([0, 1, 2, 2], "multiclass", 3),
        ([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], "multiclass", 10),
        ([0.5, -1, 1, 0], "regression", 1),
        ([0.25, 0.25, 0.25, 0.25], "regression", 1),
    ],
)
def test_custom_points_task_kind(labels, kind, classes):
    points = [[i * 0.5, -i * 0.5, label] for i, label in enumerate(labels)]
    experiment = Experiment.from_dict(custom_experiment(points))
    assert experiment.task_kind == kind
    assert experiment.data.num_classes == classes
    assert experiment.resolved_loss() == EXPECTED_HEAD[kind][0]
    assert experiment.num_outputs == (classes if kind == "multiclass" else 1)


def test_custom_points_ignore_samples_and_noise():
    experiment = Experiment.from_dict(custom_experiment(BINARY_POINTS, samples=3, noise=0.0))
    assert len(experiment.data.points) == 4


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ({"dataset": "custom"}, ["data.points: required with \"dataset\": 'custom'"]),
        ({"dataset": "circle", "points": BINARY_POINTS}, ["data.points: only allowed with"]),
        (
            {"dataset": "custom", "points": [[0, 0, 0]]},
            ["data.points: must hold 2..100000 points, got 1"],
        ),
        (
            {"dataset": "custom", "points": {"x": 1}},
            ["data.points: must be a list of [x1, x2, label] rows"],
        ),
        (
            {"dataset": "custom", "points": [[0, 0, 0], [1, 1]]},
            ["data.points[1]: must be [x1, x2, label], three numbers"],
        ),
        (
            {"dataset": "custom", "points": [[0, 0, 0], [1, "1", 1]]},
            ["data.points[1]: must be [x1, x2, label]"],
        ),
        (
            {"dataset": "custom", "points": [[0, 0, 0], [1, True, 1]]},
            ["data.points[1]: must be [x1, x2, label]"],
        ),
        (
            {"dataset": "custom", "points": [[0, 0, 0], [1, float("nan"), 1]]},
            ["data.points[1]: must hold finite numbers"],
        ),
        (
            {"dataset": "custom", "points": [[0, 0, 0], [7, 1, 1]]},
            ["data.points[1]: is outside the area [-6, 6]²"],
        ),
        (
            {"dataset": "custom", "points": [[0, 0, 0], [1, 1, 0]]},
            ["data.points: every point has label 0"],
        ),
        (
            {"dataset": "custom", "points": [[0, 0, 0], [1, 1, 2]]},
            ["data.points: no point has label 1"],
        ),
        (
            {"dataset": "custom", "points": [[0, 0, 0], [1, 1, -1]]},
            ["data.points[1]: invalid class label -1"],
        ),
        (
            {"dataset": "custom", "points": [[0, 0, 0], [1, 1, 10]]},
            ["data.points[1]: invalid class label 10"],
        ),
        (
            {"dataset": "custom", "points": [[0, 0, 0.5], [1, 1, 2]]},
            ["data.points[1]: regression target 2 is outside [-1, 1]"],
        ),
    ],
)
def test_custom_points_rules(data, expected):
    problems = problems_of({"data": data})
    assert len(problems) == len(expected)
    for problem, start in zip(problems, expected, strict=True):
        assert problem.startswith(start), problem


def test_many_bad_rows_are_summarised():
    points = [[0, 0, 0], [1, 1, 1]] + [[9, 9, 1]] * 20
    problems = problems_of(custom_experiment(points))
    assert problems[:5] == [f"data.points[{i}]: is outside the area [-6, 6]²" for i in range(2, 7)]
    assert problems[5:] == ["data.points: … and 15 more bad rows"]


# --- validation: each rule family --------------------------------------------------------------

RULES = [
    # top level
    ({"format": "nnsim.lesson"}, "format: must be 'nnsim.experiment'"),
    ({"version": 0}, "version: must be 1, got 0"),
    ({"version": "1"}, "version: must be 1, got '1' (a string)"),
    ({"seed": -1}, "seed: must be an integer in 0..4294967295, got -1"),
    ({"seed": 2**32}, "seed: must be an integer in 0..4294967295, got 4294967296"),
    ({"name": 5}, "name: must be a string, got 5"),
    ({"description": None}, "description: must be a string, got null"),
    (
        {"loss": "mae"},
        "loss: must be one of auto, bce, cross_entropy, mse, got 'mae' (did you mean 'mse'?)",
    ),
    # data
    (
        {"data": {"dataset": "cirle"}},
        "data.dataset: must be one of circle, xor, gauss, spiral, moons, checkerboard, spiral3, "
        "blobs4, plane, gaussians, custom, got 'cirle' (did you mean 'circle'?)",
    ),
    ({"data": {"samples": 1}}, "data.samples: must be an integer in 2..100000, got 1"),
    ({"data": {"samples": 100001}}, "data.samples: must be an integer in 2..100000, got 100001"),
    ({"data": {"noise": -0.1}}, "data.noise: must be between 0 and 0.5, got -0.1"),
    ({"data": {"noise": 0.51}}, "data.noise: must be between 0 and 0.5, got 0.51"),
    (
        {"data": {"train_fraction": 0.05}},
        "data.train_fraction: must be between 0.1 and 0.9, got 0.05",
    ),
    ({"data": {"train_fraction": 1}}, "data.train_fraction: must be between 0.1 and 0.9, got 1"),
    (
        {"data": {"features": []}},
        "data.features: must be a non-empty list of feature names, got an empty list",
    ),
    (
        {"data": {"features": "x1"}},
        "data.features: must be a non-empty list of feature names, got 'x1' (a string)",
    ),
    (
        {"data": {"features": ["x1", "x3"]}},
        "data.features[1]: must be one of x1, x2, x1_sq, x2_sq, x1_x2, sin_x1, sin_x2, cos_x1, "
        "cos_x2, got 'x3'",
    ),
    ({"data": {"features": ["x1", "x1"]}}, "data.features[1]: 'x1' is listed twice"),
    # network
    (
        {"network": {"hidden_layers": [{"units": 0}]}},
        "network.hidden_layers[0].units: must be an integer in 1..256, got 0",
    ),
    (
        {"network": {"hidden_layers": [{"units": 257}]}},
        "network.hidden_layers[0].units: must be an integer in 1..256, got 257",
    ),
    (
        {"network": {"hidden_layers": [{"activation": "relu"}]}},
        "network.hidden_layers[0].units: is required: an integer in 1..256",
    ),
    (
        {"network": {"hidden_layers": [{"units": 2, "activation": "softmax"}]}},
        "network.hidden_layers[0].activation: must be one of linear, sigmoid, tanh, relu, "
        "leaky_relu, elu, gelu, silu, sine, got 'softmax'",
    ),
    (
        {"network": {"hidden_layers": [{"units": 2, "dropout": 1.0}]}},
        "network.hidden_layers[0].dropout: must be < 1, got 1.0",
    ),
    (
        {"network": {"hidden_layers": [{"units": 2, "batch_norm": 1}]}},
        "network.hidden_layers[0].batch_norm: must be true, false or null, got 1",
    ),
    (
        {"network": {"hidden_layers": [{"units": 1}] * 33}},
        "network.hidden_layers: must be a list of 0..32 layers, got 33 layers",
    ),
    (
        {"network": {"hidden_layers": [3]}},
        "network.hidden_layers[0]: must be an object ({...}), got 3",
    ),
    (
        {"network": {"output_activation": "soft_max"}},
        "network.output_activation: must be one of auto, softmax, linear, sigmoid",
    ),
    (
        {"network": {"init": "he"}},
        "network.init: must be one of zeros, article, uniform, xavier_normal, xavier_uniform, "
        "he_normal, he_uniform, lecun_normal, got 'he'",
    ),
    (
        {"network": {"batch_norm": "yes"}},
        "network.batch_norm: must be true or false, got 'yes' (a string)",
    ),
    ({"network": {"dropout": -0.1}}, "network.dropout: must be >= 0, got -0.1"),
    # training
    (
        {"training": {"batch_size": 0}},
        "training.batch_size: must be an integer in 1..100000 or 'all', got 0",
    ),
    (
        {"training": {"batch_size": "full"}},
        "training.batch_size: must be an integer in 1..100000 or 'all', got 'full' (a string)",
    ),
    ({"training": {"eval_every": 0}}, "training.eval_every: must be an integer >= 1, got 0"),
    ({"training": {"optimizer": {"lr": -1}}}, "training.optimizer.lr: must be > 0, got -1"),
    ({"training": {"optimizer": {"lr": 0}}}, "training.optimizer.lr: must be > 0, got 0"),
    ({"training": {"optimizer": {"lr": 101}}}, "training.optimizer.lr: must be <= 100, got 101"),
    (
        {"training": {"optimizer": {"name": "lbfgs"}}},
        "training.optimizer.name: must be one of sgd, adagrad, rmsprop, adam, adamw, got 'lbfgs'",
    ),
    (
        {"training": {"optimizer": {"momentun": 0.9}}},
        "training.optimizer.momentun: unknown key; allowed: name, lr, momentum, dampening, "
        "nesterov, weight_decay (did you mean 'momentum'?)",
    ),
    ({"training": {"optimizer": {"momentum": -1}}}, "training.optimizer.momentum: "),
    (
        {"training": {"optimizer": {"name": "adam", "betas": [0.9, 1.5]}}},
        "training.optimizer.betas[1]: ",
    ),
    (
        {"training": {"optimizer": {"name": "adam", "betas": {"b1": 0.9}}}},
        "training.optimizer.betas: must be a number, true/false, a string, null or a list of "
        "numbers, got an object",
    ),
    (
        {"training": {"optimizer": {"name": "sgd", "nesterov": True}}},
        "training.optimizer.nesterov: ",
    ),
    (
        {"training": {"schedule": {"name": "cosinus"}}},
        "training.schedule.name: must be one of constant, inverse_time, step, exponential, "
        "cosine, one_cycle, plateau, got 'cosinus' (did you mean 'cosine'?)",
    ),
    (
        {"training": {"schedule": {"unit": "batch"}}},
        "training.schedule.unit: must be one of step, epoch, got 'batch'",
    ),
    ({"training": {"schedule": {"name": "step"}}}, "training.schedule: "),
    ({"training": {"schedule": {"name": "step", "step_size": 0}}}, "training.schedule.step_size: "),
    (
        {"training": {"schedule": {"name": "step", "step_size": 10, "gamma": 5}}},
        "training.schedule.gamma: ",
    ),
    ({"training": {"schedule": {"warmup_steps": -3}}}, "training.schedule.warmup_steps: "),
    (
        {"training": {"schedule": {"step_size": 3}}},
        "training.schedule.step_size: unknown key; allowed: name, unit, warmup_steps",
    ),
    (
        {"training": {"regularization": {"kind": "l3"}}},
        "training.regularization.kind: must be one of none, l1, l2, got 'l3'",
    ),
    (
        {"training": {"regularization": {"rate": -0.1}}},
        "training.regularization.rate: must be between 0 and 10, got -0.1",
    ),
    (
        {"training": {"grad_clip": {"mode": "global"}}},
        "training.grad_clip.mode: must be one of norm, value, got 'global'",
    ),
    (
        {"training": {"grad_clip": {"mode": "norm", "max_norm": 0}}},
        "training.grad_clip.max_norm: must be > 0, got 0",
    ),
    (
        {"training": {"grad_clip": {"mode": "value", "clip_value": -1}}},
        "training.grad_clip.clip_value: must be > 0, got -1",
    ),
    (
        {"training": {"grad_clip": {"mode": "value", "max_norm": 1}}},
        "training.grad_clip.max_norm: unknown key; allowed: mode, clip_value",
    ),
    ({"training": {"grad_clip": 1.0}}, "training.grad_clip: must be an object ({...}), got 1.0"),
    # view
    (
        {"view": {"hidden_controls": ["ok", "not ok"]}},
        "view.hidden_controls[1]: must be an identifier",
    ),
    ({"view": {"hidden_controls": ["a", "a"]}}, "view.hidden_controls[1]: 'a' is listed twice"),
    (
        {"view": {"hidden_controls": "a"}},
        "view.hidden_controls: must be a list of 0..200 control names, got 'a' (a string)",
    ),
]


@pytest.mark.parametrize(("patch", "expected"), RULES, ids=[r[1].split(":")[0] for r in RULES])
def test_validation_rule(patch, expected):
    problems = problems_of(merged(patch))
    assert len(problems) == 1, problems
    assert problems[0].startswith(expected), problems[0]


@pytest.mark.parametrize(
    "patch",
    [
        {"seed": 2**32 - 1, "data": {"samples": 2, "noise": 0.5, "train_fraction": 0.9}},
        {"data": {"samples": 100_000, "noise": 0, "train_fraction": 0.1, "features": ["cos_x2"]}},
        {"network": {"hidden_layers": [{"units": 256, "activation": "sigmoid"}] * 32}},
        {"network": {"hidden_layers": [], "dropout": 0.99, "batch_norm": True}},
        {"training": {"batch_size": 100_000, "eval_every": 1, "optimizer": {"lr": 100}}},
        {"training": {"optimizer": {"lr": 1e-9}, "regularization": {"kind": "l1", "rate": 10}}},
        {"training": {"optimizer": {"name": "sgd", "momentum": 0.9, "nesterov": True}}},
        {"training": {"optimizer": {"name": "rmsprop", "alpha": 0.9, "centered": True}}},
        {"training": {"optimizer": {"name": "adamw", "betas": [0.9, 0.95], "weight_decay": 0.1}}},
        {"training": {"schedule": {"name": "cosine", "T_max": 100, "warmup_steps": 10}}},
        {"training": {"schedule": {"name": "one_cycle", "total_steps": 1000, "max_lr": 0.5}}},
        {"training": {"schedule": {"name": "plateau", "unit": "epoch", "patience": 3}}},
        {"training": {"regularization": {"kind": "none", "rate": 0.5}}},
        {"view": {"hidden_controls": ["learning_rate", "_x9"]}, "name": "n", "description": ""},
    ],
)
def test_values_at_the_limits_are_accepted(patch):
    experiment = Experiment.from_dict(merged(patch))
    assert Experiment.from_dict(experiment.to_dict()) == experiment


def test_every_problem_is_reported_at_once_with_its_path():
    d = merged(
        {
            "seed": -5,
            "data": {"dataset": "cirle", "noise": 0.9, "features": ["x1", "x9"]},
            "network": {"hidden_layers": [{"units": 4}, {"units": 2}, {"units": 0}]},
            "training": {
                "batch_size": "10",
                "optimiser": {},
                "optimizer": {"name": "sgd", "lr": -1, "momentum": -2, "weight_decay": -3},
                "regularization": {"kind": "l2", "rate": float("inf")},
            },
        }
    )
    problems = problems_of(d)
    paths = [p.split(":")[0] for p in problems]
    assert sorted(paths) == sorted(
        [
            "seed",
            "data.dataset",
            "data.noise",
            "data.features[1]",
            "network.hidden_layers[2].units",
            "training.batch_size",
            "training.optimiser",
            "training.optimizer.lr",
            "training.optimizer.momentum",
            "training.optimizer.weight_decay",
            "training.regularization.rate",
        ]
    )
    assert "training.optimizer.lr: must be > 0, got -1" in problems
    assert "network.hidden_layers[2].units: must be an integer in 1..256, got 0" in problems


@pytest.mark.parametrize(
    ("d", "path", "allowed"),
    [
        ({"optimiser": {}}, "optimiser", "format, version, name, description, seed, data"),
        ({"data": {"sample": 5}}, "data.sample", "dataset, samples, noise"),
        ({"network": {"layers": []}}, "network.layers", "hidden_layers, output_activation"),
        (
            {"network": {"hidden_layers": [{"units": 2, "size": 3}]}},
            "network.hidden_layers[0].size",
            "units, activation, batch_norm, dropout",
        ),
        ({"training": {"optimiser": {}}}, "training.optimiser", "batch_size, optimizer, schedule"),
        (
            {"training": {"regularization": {"lambda": 1}}},
            "training.regularization.lambda",
            "kind, rate",
        ),
        (
            {"training": {"schedule": {"name": "step", "step_size": 2, "gama": 0.5}}},
            "training.schedule.gama",
            "name, unit, step_size, gamma, warmup_steps",
        ),
        ({"view": {"hide": []}}, "view.hide", "hidden_controls"),
    ],
)
def test_unknown_keys_are_errors(d, path, allowed):
    problems = problems_of(d)
    assert len(problems) == 1
    assert problems[0].startswith(f"{path}: unknown key; allowed: {allowed}")


@pytest.mark.parametrize(
    ("patch", "expected"),
    [
        ({"seed": True}, "seed: must be an integer in 0..4294967295, got true (a boolean)"),
        ({"seed": 1.0}, "seed: must be an integer in 0..4294967295, got 1.0"),
        (
            {"data": {"samples": "10"}},
            "data.samples: must be an integer in 2..100000, got '10' (a string)",
        ),
        ({"data": {"samples": 10.0}}, "data.samples: must be an integer in 2..100000, got 10.0"),
        (
            {"data": {"noise": "0.1"}},
            "data.noise: must be a number between 0 and 0.5, got '0.1' (a string)",
        ),
        (
            {"data": {"noise": False}},
            "data.noise: must be a number between 0 and 0.5, got false (a boolean)",
        ),
        ({"data": {"noise": None}}, "data.noise: must be a number between 0 and 0.5, got null"),
        ({"data": {"dataset": 3}}, "data.dataset: must be one of circle"),
        ({"data": []}, "data: must be an object ({...}), got a list"),
        ({"network": {"batch_norm": 0}}, "network.batch_norm: must be true or false, got 0"),
        (
            {"network": {"hidden_layers": {"units": 3}}},
            "network.hidden_layers: must be a list of 0..32 layers, got an object",
        ),
        (
            {"training": {"batch_size": True}},
            "training.batch_size: must be an integer in 1..100000 or 'all', got true (a boolean)",
        ),
        (
            {"training": {"batch_size": 10.5}},
            "training.batch_size: must be an integer in 1..100000 or 'all', got 10.5",
        ),
        (
            {"training": {"optimizer": {"lr": "0.1"}}},
            "training.optimizer.lr: must be a number > 0 and <= 100, got '0.1' (a string)",
        ),
        (
            {"training": {"optimizer": {"lr": True}}},
            "training.optimizer.lr: must be a number > 0 and <= 100, got true (a boolean)",
        ),
        (
            {"training": {"optimizer": {"name": "sgd", "nesterov": 1}}},
            "training.optimizer.nesterov: ",
        ),
        (
            {"training": {"optimizer": {"name": "sgd", "momentum": True}}},
            "training.optimizer.momentum: ",
        ),
        (
            {"training": {"optimizer": "adam"}},
            "training.optimizer: must be an object ({...}), got 'adam' (a string)",
        ),
        (
            {"training": {"eval_every": "10"}},
            "training.eval_every: must be an integer >= 1, got '10' (a string)",
        ),
    ],
)
def test_types_are_strict(patch, expected):
    problems = problems_of(merged(patch))
    assert len(problems) == 1, problems
    assert problems[0].startswith(expected), problems[0]


@pytest.mark.parametrize("bad", [float("nan"), float("inf"), float("-inf")])
@pytest.mark.parametrize(
    "where",
    [
        ("data", "noise"),
        ("network", "dropout"),
        ("training", "optimizer", "lr"),
        ("training", "optimizer", "momentum"),
        ("training", "regularization", "rate"),
    ],
)
def test_non_finite_numbers_are_refused(where, bad):
    patch: dict[str, Any] = {}
    node = patch
    for key in where[:-1]:
        node = node.setdefault(key, {})
    node[where[-1]] = bad
    problems = problems_of(merged(patch))
    assert len(problems) == 1
    assert problems[0].startswith(".".join(where) + ": ")


def test_nan_and_infinity_in_json_text_are_refused():
    with pytest.raises(ExperimentError) as info:
        Experiment.from_json(
            '{"data": {"noise": NaN}, "training": {"optimizer": {"lr": Infinity}}}'
        )
    assert info.value.problems == [
        "data.noise: must be a finite number, got nan",
        "training.optimizer.lr: must be a finite number, got inf",
    ]


def test_a_newer_version_says_so_and_nothing_else():
    problems = problems_of({"version": 2, "a_new_key": {}, "data": {"new": 1}})
    assert problems == [
        "version: this file was made by a newer nnsim (experiment version 2); "
        "this nnsim reads version 1: please update nnsim"
    ]


def test_duplicate_keys_in_json_are_errors():
    text = '{\n  "seed": 1,\n  "data": {"noise": 0.1, "noise": 0.2},\n  "seed": 2\n}'
    with pytest.raises(ExperimentError) as info:
        Experiment.from_json(text)
    assert info.value.problems == [
        "seed: appears more than once in this object",
        "data.noise: appears more than once in this object",
    ]


def test_top_level_must_be_an_object():
    assert problems_of([1, 2]) == ["top level: must be an object ({...}), got a list"]


def test_strings_are_data_not_code():
    experiment = Experiment.from_dict({"name": "__import__('os').system('rm -rf /')"})
    assert experiment.name == "__import__('os').system('rm -rf /')"


# --- files -------------------------------------------------------------------------------------


def test_load_reports_bad_json_with_line_and_column(tmp_path):
    path = tmp_path / "bad.json"
    path.write_text('{\n  "seed": 1,\n  "data": {"noise": 0.1,}\n}\n', encoding="utf-8")
    with pytest.raises(ExperimentError) as info:
        load_experiment(path)
    (problem,) = info.value.problems
    assert problem.startswith(f"invalid JSON in {path} at line 3, column 25: ")
    assert info.value.source == str(path)


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("[1, 2]", "expected a JSON object ({...}) at the top level in {path}, got a list"),
        (
            '"hello"',
            "expected a JSON object ({...}) at the top level in {path}, got 'hello' (a string)",
        ),
        ("null", "expected a JSON object ({...}) at the top level in {path}, got null"),
        ("", "invalid JSON in {path} at line 1, column 1: Expecting value"),
    ],
)
def test_load_refuses_non_object_json(tmp_path, content, expected):
    path = tmp_path / "exp.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ExperimentError) as info:
        load_experiment(path)
    assert info.value.problems == [expected.replace("{path}", str(path))]


def test_load_validation_problems_carry_the_source(tmp_path):
    path = tmp_path / "exp.json"
    path.write_text('{"data": {"noise": 2}}', encoding="utf-8")
    with pytest.raises(ExperimentError) as info:
        load_experiment(path)
    assert info.value.problems == ["data.noise: must be between 0 and 0.5, got 2"]
    assert info.value.source == str(path)


def test_load_unreadable_files(tmp_path):
    with pytest.raises(ExperimentError, match=r"^no such file: "):
        load_experiment(tmp_path / "missing.json")
    with pytest.raises(ExperimentError, match="is a directory"):
        load_experiment(tmp_path)
    latin1 = tmp_path / "latin1.json"
    latin1.write_bytes('{"name": "café"}'.encode("latin-1"))
    with pytest.raises(ExperimentError, match="is not UTF-8 text"):
        load_experiment(latin1)


def test_load_accepts_a_byte_order_mark(tmp_path):
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + b'{"seed": 7}')
    assert load_experiment(path).seed == 7


def test_save_refuses_an_invalid_experiment(tmp_path):
    path = tmp_path / "exp.json"
    bad = Experiment(data=DataSpec(noise=3.0))
    with pytest.raises(ExperimentError, match=r"^data\.noise: "):
        save_experiment(bad, path)
    assert not path.exists()


@pytest.mark.parametrize("failing", ["fsync", "replace"])
def test_save_is_atomic(tmp_path, monkeypatch, failing):
    path = tmp_path / "exp.json"
    save_experiment(Experiment.default(), path)
    before = path.read_bytes()

    def boom(*args: object, **kwargs: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, failing, boom)
    with pytest.raises(OSError, match="disk full"):
        save_experiment(rich_experiment(), path)
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert os.listdir(tmp_path) == ["exp.json"]  # the temporary file was removed
    assert load_experiment(path) == Experiment.default()


def test_save_failing_while_formatting_leaves_the_old_file(tmp_path, monkeypatch):
    path = tmp_path / "exp.json"
    save_experiment(Experiment.default(), path)
    before = path.read_bytes()

    def boom(*args: object, **kwargs: object) -> str:
        raise RuntimeError("interrupted")

    monkeypatch.setattr(experiment_module, "format_json", boom)
    with pytest.raises(RuntimeError):
        save_experiment(rich_experiment(), path)
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert os.listdir(tmp_path) == ["exp.json"]


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_save_keeps_the_permissions_of_an_existing_file(tmp_path):
    path = tmp_path / "exp.json"
    save_experiment(Experiment.default(), path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o644
    path.chmod(0o600)
    save_experiment(rich_experiment(), path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


# --- hostile values (issue 8 item 18; the corpus is in tests/hostile) -------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('{"seed": ' + "9" * 4301 + "}", "seed: must be an integer in 0..4294967295, got a 4301"),
        (
            '{"data": {"noise": ' + "9" * 400 + "}}",
            "data.noise: must be a number between 0 and 0.5, got a 400-digit integer",
        ),
        ('{"training": {"eval_every": ' + str(2**63) + "}}", "training.eval_every: must be"),
        (
            '{"training": {"schedule": {"name": "step", "step_size": ' + str(2**63) + "}}}",
            "training.schedule.step_size: must be a number within ±2**53",
        ),
        (
            '{"data": {"features": ' + json.dumps(["x1"] * 10) + "}}",
            "data.features: must list at most 9 features",
        ),
    ],
)
def test_huge_numbers_and_lists_are_refused_with_their_path(text, expected):
    with pytest.raises(ExperimentError) as info:
        Experiment.from_json(text)
    assert len(info.value.problems) == 1, info.value.problems
    assert info.value.problems[0].startswith(expected)


@pytest.mark.parametrize(
    ("schedule", "step"),
    [
        ({"name": "one_cycle", "total_steps": 100, "div_factor": 5e-324}, 0),
        ({"name": "one_cycle", "total_steps": 100, "final_div_factor": 5e-324}, 30),
        ({"name": "one_cycle", "total_steps": 100, "max_lr": 1000}, 5),
    ],
)
def test_a_schedule_must_give_a_usable_learning_rate(schedule, step):
    """What validates, runs: the lr curve is checked, not only each value on its own."""
    with pytest.raises(ExperimentError) as info:
        Experiment.from_dict({"training": {"schedule": schedule}})
    (problem,) = info.value.problems
    assert problem.startswith("training.schedule: with these values the learning rate is")
    assert f"at step {step};" in problem


def test_problems_are_capped_and_odd_keys_quoted_on_one_line():
    d = {f"k{i}": 1 for i in range(1000)} | {"a\nb": 1, "x" * 1000: 2}
    messages = problems_of(d)
    assert len(messages) <= 12 and messages[-1] == "top level: … and 992 more unknown keys"
    many = {"data": {"points": [[0, 0, 0]] * 2 + [["x"] * 3] * 10}, "network": [1] * 100}
    assert all("\n" not in m for m in problems_of(many))
    text = '{"a\\nb": 1, "name": "\\ud800"}'
    with pytest.raises(ExperimentError) as info:
        Experiment.from_json(text)
    assert info.value.problems == [
        "'a\\nb': unknown key; allowed: format, version, name, description, seed, data, "
        "network, loss, training, view",
        "name: holds an invalid character (a lone surrogate '\\ud800')",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("[" * 25 + "]" * 25, "nested 25 levels deep, at most 20"),
        (
            "[" + "{}," * 2000 + "{}]",
            "too large: 2001 objects ({...}), an experiment has at most 1000",
        ),
    ],
)
def test_json_beyond_the_limits_is_refused_before_parsing(text, expected):
    with pytest.raises(ExperimentError) as info:
        Experiment.from_json(text, "f.json")
    assert info.value.problems == [f"f.json: {expected}"]


def test_brackets_inside_strings_do_not_count_towards_the_limits():
    name = '[{\\"' * 1000 + "[{" * 10**5
    assert Experiment.from_json(json.dumps({"name": name})).name == name


def test_load_refuses_pipes_devices_and_files_over_the_limit(tmp_path):
    pipe = tmp_path / "pipe.json"
    os.mkfifo(pipe)  # opening it for reading would block until a writer came
    with pytest.raises(ExperimentError, match="is a named pipe, not a regular file"):
        load_experiment(pipe)
    with pytest.raises(ExperimentError, match="is a device, not a regular file"):
        load_experiment("/dev/zero")
    big = tmp_path / "big.json"
    with open(big, "wb") as f:
        f.truncate(16 * 2**20 + 1)
    with pytest.raises(ExperimentError, match=r"is too large \(16777217 bytes; at most 16 MB\)"):
        load_experiment(big)


@pytest.mark.parametrize(
    "text", ['{"name": "' + '\\"' * 3000 + "a" * 2**18, "[" * 30 + '"\\' * 3000 + "\\"]
)
def test_unterminated_strings_of_escaped_quotes_are_refused_in_linear_time(text):
    with pytest.raises(ExperimentError) as info:
        Experiment.from_json(text)
    assert len(info.value.problems) == 1
