"""The property of issue 15: for any JSON built like the hostile corpus (the valid experiment
of ``generate_corpus.DEFAULT`` with a few values replaced by hostile ones), ``load_experiment``
either raises :class:`ExperimentError` with one printable line per problem, or returns an
experiment that saves, loads back equal, and trains 3 steps without an exception."""

from __future__ import annotations

import copy
import importlib.util
import json
import os
import sys
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from nnsim.training.experiment import ExperimentError, load_experiment, save_experiment
from nnsim.training.trainer import Trainer


def _helper(name: str):
    """``tests/hostile/<name>.py``, loaded once (the folder is not a package)."""
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, Path(__file__).with_name(f"{name}.py"))
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module  # dataclasses look their module up
        spec.loader.exec_module(module)
    return sys.modules[name]


corpus = _helper("generate_corpus")

NUMBERS = [
    0, 1, 2, -1, 3, 7, 100, 10**5, 10**5 + 1, 2**31, 2**53, 2**53 + 1, 2**63, 2**64, 10**400,
    0.0, 0.5, 0.999, 1.0, 1e-8, 5e-324, -0.0, 1e30, 1e300, 1.7e308, float("nan"), float("inf"),
    -float("inf"),
]  # fmt: skip
OTHERS = [
    None,
    True,
    False,
    "",
    "10",
    "all",
    "\ud800",
    "a\nb",
    "\x1b[31m",
    [],
    [1, 2],
    {},
    {"a": 1},
]
SCHEDULES = [
    {"name": "one_cycle", "total_steps": 100, "div_factor": 5e-324},
    {"name": "one_cycle", "total_steps": 1},
    {"name": "one_cycle", "total_steps": 100, "max_lr": 1e300},
    {"name": "cosine", "T_max": 10, "restarts": True, "T_mult": 2**40},
    {"name": "cosine", "T_max": 2**53},
    {"name": "step", "step_size": 2**53, "warmup_steps": 2**53},
    {"name": "exponential", "gamma": 5e-324},
    {"name": "inverse_time", "decay_rate": 1e300},
    {"name": "plateau", "patience": 2**53, "factor": 0.5},
]
OPTIMIZERS = [
    {"name": "sgd", "lr": 0.01, "momentum": 1e308},
    {"name": "sgd", "lr": 100, "momentum": 0.99, "nesterov": True},
    {"name": "adam", "lr": 1e-300, "betas": [0.0, 0.0], "eps": 0.0},
    {"name": "rmsprop", "lr": 0.01, "alpha": 0.0, "eps": 5e-324},
    {"name": "adagrad", "lr": 100, "lr_decay": 1e300},
    {"name": "adamw", "lr": 1.0, "weight_decay": 1e300},
]
PATHS: list[tuple[str | int, ...]] = [
    *corpus.NUMBER_PATHS,
    ("name",),
    ("loss",),
    ("data", "dataset"),
    ("network", "hidden_layers", 0, "activation"),
    ("network", "batch_norm"),
    ("training", "batch_size"),
]

values = st.sampled_from(NUMBERS) | st.sampled_from(OTHERS)
changes = st.one_of(
    st.tuples(st.sampled_from(PATHS), values),
    st.tuples(st.just(("training", "schedule")), st.sampled_from(SCHEDULES)),
    st.tuples(st.just(("training", "optimizer")), st.sampled_from(OPTIMIZERS)),
)


def _holds(target: Any, key: str | int) -> bool:
    """Whether ``target[key] = ...`` edits a JSON object or an existing list item."""
    if isinstance(target, dict):
        return isinstance(key, str)
    return isinstance(target, list) and isinstance(key, int) and key < len(target)


def build(edits: list[tuple[tuple[str | int, ...], Any]]) -> str:
    d = copy.deepcopy(corpus.DEFAULT)
    for path, value in edits:
        target: Any = d
        for key in path[:-1]:  # an earlier edit may have replaced what this one edits
            target = (
                (target.get(key) if isinstance(target, dict) else target[key])
                if _holds(target, key)
                else None
            )
        if _holds(target, path[-1]):
            target[path[-1]] = copy.deepcopy(value)
    return json.dumps(d)  # NaN and Infinity are written as such, surrogates escaped


@settings(
    max_examples=int(os.environ.get("NNSIM_PROPERTY_EXAMPLES", "60")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(st.lists(changes, min_size=1, max_size=3))
def test_a_hostile_file_is_refused_or_saves_loads_back_and_trains(tmp_path, edits):
    path = tmp_path / "hostile.json"
    path.write_text(build(edits), encoding="utf-8")
    try:
        experiment = load_experiment(path)
    except ExperimentError as err:
        assert err.problems and all(p and p.isprintable() for p in err.problems), err.problems
        event("refused")
        return
    event("accepted")
    again = tmp_path / "again.json"
    save_experiment(experiment, again)
    assert load_experiment(again) == experiment
    Trainer(experiment).run(3)
