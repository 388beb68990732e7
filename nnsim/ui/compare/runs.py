"""What Compare mode varies and measures (no Qt): the settings a learner can vary, the runs
built from typed values, and one run's row of the table.

Each value is turned into an experiment with :func:`~nnsim.training.variations.with_setting`,
checked as a file would be; a bad value is reported by :class:`CompareError` naming it.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from nnsim.training.experiment import Experiment, ExperimentError
from nnsim.training.run_group import RunResults
from nnsim.training.variations import OPTIMIZER_NAME, parse_value, with_setting, with_settings

__all__ = [
    "MAX_COMPARE_RUNS",
    "MIN_COMPARE_RUNS",
    "SETTINGS",
    "CompareError",
    "CompareRun",
    "CompareSetting",
    "RunRow",
    "build_runs",
    "run_row",
]

MIN_COMPARE_RUNS, MAX_COMPARE_RUNS = 2, 8
_OPTIMIZER_ALIASES: dict[str, dict[str, Any]] = {
    "sgd+momentum": {"training.optimizer.momentum": 0.9},
    "sgd+nesterov": {"training.optimizer.momentum": 0.9, "training.optimizer.nesterov": True},
}


class CompareError(ValueError):
    """Values that do not make runs; ``problems`` holds one sentence per problem."""

    def __init__(self, problems: Sequence[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = list(problems)


def _lr(experiment: Experiment, value: Any) -> Experiment:
    return with_setting(experiment, "training.optimizer.lr", value)


def _optimizer(experiment: Experiment, value: Any) -> Experiment:
    extra = _OPTIMIZER_ALIASES.get(str(value).lower())
    if extra is None:
        return with_setting(experiment, OPTIMIZER_NAME, value)
    return with_settings(experiment, {OPTIMIZER_NAME: "sgd", **extra})


def _batch(experiment: Experiment, value: Any) -> Experiment:
    return with_setting(experiment, "training.batch_size", value)


def _init(experiment: Experiment, value: Any) -> Experiment:
    return with_setting(experiment, "network.init", value)


def _activation(experiment: Experiment, value: Any) -> Experiment:
    layers = len(experiment.network.hidden_layers)
    if not layers:
        raise ExperimentError(["the network has no hidden layer to change"])
    keys = [f"network.hidden_layers.{i}.activation" for i in range(layers)]
    return with_settings(experiment, dict.fromkeys(keys, value))


def _seed(experiment: Experiment, value: Any) -> Experiment:
    return with_setting(experiment, "seed", value)


@dataclass(frozen=True)
class CompareSetting:
    """A setting Compare mode varies: its title in the combo, the short name the legend
    puts before a value (``lr 0.1``), the values offered, and how a value makes a run."""

    title: str
    short: str
    defaults: tuple[str, ...]
    apply: Callable[[Experiment, Any], Experiment]


SETTINGS: tuple[CompareSetting, ...] = (
    CompareSetting("Learning rate", "lr", ("0.0001", "0.01", "0.1", "10"), _lr),
    CompareSetting(
        "Optimizer",
        "",
        ("sgd", "sgd+momentum", "sgd+nesterov", "adagrad", "rmsprop", "adam", "adamw"),
        _optimizer,
    ),
    CompareSetting("Batch size", "batch", ("1", "10", "50", "all"), _batch),
    CompareSetting(
        "Initialiser", "init", ("zeros", "article", "xavier_uniform", "he_normal"), _init
    ),
    CompareSetting(
        "Activation (all hidden layers)", "", ("tanh", "relu", "sigmoid", "linear"), _activation
    ),
    CompareSetting("Seed", "seed", ("0", "1", "2", "3"), _seed),
)
"""The settings offered, in the combo's order (the first is the default)."""


@dataclass(frozen=True)
class CompareRun:
    """One run of a comparison: its value as typed, its legend label, its experiment."""

    text: str
    label: str
    experiment: Experiment


def build_runs(experiment: Experiment, setting: CompareSetting, text: str) -> list[CompareRun]:
    """The runs for ``text``, comma-separated values of ``setting``; :class:`CompareError`
    (every problem, each naming its value) if a value is bad, repeated, or there are fewer
    than :data:`MIN_COMPARE_RUNS` or more than :data:`MAX_COMPARE_RUNS`."""
    texts = [t.strip() for t in text.split(",")]
    if any(not t for t in texts):
        raise CompareError(["a value is empty (separate values with commas: 0.01, 0.1)"])
    if not MIN_COMPARE_RUNS <= len(texts) <= MAX_COMPARE_RUNS:
        raise CompareError(
            [f"{len(texts)} value(s): give {MIN_COMPARE_RUNS} to {MAX_COMPARE_RUNS}, "
             "separated by commas"]
        )  # fmt: skip
    repeated = sorted({t for t in texts if texts.count(t) > 1})
    if repeated:
        raise CompareError([f"{t} is given twice" for t in repeated])
    runs, problems = [], []
    for t in texts:
        try:
            varied = setting.apply(experiment, parse_value(t))
        except ExperimentError as err:
            problems += [f"{t}: {p.split(': ', 1)[-1]}" for p in err.problems]
            continue
        except KeyError as err:
            problems.append(f"{t}: {err.args[0]}")
            continue
        runs.append(CompareRun(t, f"{setting.short} {t}".strip(), varied))
    if problems:
        raise CompareError(problems)
    return runs


@dataclass(frozen=True)
class RunRow:
    """One run's row of the table (NaN where not measured; accuracy NaN for regression)."""

    final_train: float
    best_train: float
    final_test: float
    best_test: float
    test_accuracy: float
    below_at: int | None  # the first evaluated step with test loss < the threshold
    diverged_at: int | None
    diverged: str | None


def _finite_min(values: np.ndarray) -> float:
    values = values[np.isfinite(values)]
    return float(values.min()) if len(values) else math.nan


def run_row(result: RunResults, threshold: float) -> RunRow:
    """What ``result`` has done so far, as the table shows it."""
    evaluations = result.evaluations
    steps, test = evaluations.column("step"), evaluations.column("test_loss")
    last = result.last_evaluation
    below = np.flatnonzero(test < threshold)
    step = result.last
    return RunRow(
        last.train_loss if last else math.nan,
        _finite_min(evaluations.column("train_loss")),
        last.test_loss if last else math.nan,
        _finite_min(test),
        last.test_accuracy if last else math.nan,
        int(steps[below[0]]) if len(below) else None,
        step.step if result.diverged and step is not None else None,
        result.diverged,
    )
