"""What Compare mode varies and measures (no Qt): the settings a learner can vary, the runs
built from typed values (one setting, or a grid of two), and one run's row of the table.

The runs are :func:`~nnsim.training.variations.variation_grid`'s, as ``nnsim compare``
builds them: every value checked as a file would be, a bad one reported by
:class:`CompareError` naming it.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from nnsim.engine.optimizers import OPTIMIZERS
from nnsim.engine.schedules import SCHEDULES
from nnsim.training.experiment import Experiment, ExperimentError
from nnsim.training.run_group import RunResults
from nnsim.training.text import QT_TR_NOOP, Text
from nnsim.training.variations import (
    MAX_RUNS,
    OPTIMIZER_NAME,
    SCHEDULE_NAME,
    Variation,
    VariationError,
    parse_value,
    variation_grid,
)

__all__ = [
    "MAX_COMPARE_RUNS",
    "MAX_GRID_RUNS",
    "MIN_COMPARE_RUNS",
    "SETTINGS",
    "CompareError",
    "CompareRun",
    "CompareSetting",
    "RunRow",
    "build_runs",
    "run_row",
]

MIN_COMPARE_RUNS, MAX_COMPARE_RUNS = 2, 8  # values of one setting
MAX_GRID_RUNS = MAX_RUNS  # runs of two settings' grid
_OPTIMIZER_ALIASES: dict[str, dict[str, Any]] = {
    "sgd+momentum": {"training.optimizer.momentum": 0.9},
    "sgd+nesterov": {"training.optimizer.momentum": 0.9, "training.optimizer.nesterov": True},
}


class CompareError(ValueError):
    """Values that do not make runs; ``problems`` holds one sentence per problem (a
    :class:`Text` where Compare made it, for the window to show in its language; ``str()``
    of each is the English)."""

    def __init__(self, problems: Sequence[str | Text]) -> None:
        super().__init__("; ".join(map(str, problems)))
        self.problems = list(problems)


def _lr(_experiment: Experiment, value: Any) -> dict[str, Any]:
    return {"training.optimizer.lr": value}


def _optimizer(_experiment: Experiment, value: Any) -> dict[str, Any]:
    extra = _OPTIMIZER_ALIASES.get(str(value).lower())
    if extra is not None:
        return {OPTIMIZER_NAME: "sgd", **extra}
    if value not in OPTIMIZERS:  # the allowed names include Compare's own two
        allowed = ", ".join([*OPTIMIZERS, *_OPTIMIZER_ALIASES])
        raise ExperimentError([f"{OPTIMIZER_NAME}: must be one of {allowed}, got {value!r}"])
    return {OPTIMIZER_NAME: value}


def _schedule(_experiment: Experiment, value: Any) -> dict[str, Any]:
    return {SCHEDULE_NAME: value}  # with its suggested values: variations.switched_schedule


def _batch(_experiment: Experiment, value: Any) -> dict[str, Any]:
    return {"training.batch_size": value}


def _init(_experiment: Experiment, value: Any) -> dict[str, Any]:
    return {"network.init": value}


def _activation(experiment: Experiment, value: Any) -> dict[str, Any]:
    layers = len(experiment.network.hidden_layers)
    if not layers:
        raise ExperimentError(["the network has no hidden layer to change"])
    return {f"network.hidden_layers.{i}.activation": value for i in range(layers)}


def _seed(_experiment: Experiment, value: Any) -> dict[str, Any]:
    return {"seed": value}


@dataclass(frozen=True)
class CompareSetting:
    """A setting Compare mode varies: its title in the combo, the short name the legend
    puts before a value (``lr 0.1``), the values offered when it is the first setting and
    when it is the second (a grid: fewer), what a value sets (dotted path → value), and its
    name in a sentence or a column header (``learning rate``; by default the title).

    ``title`` and ``name`` are English (marked for translation): the window shows them
    through ``tr``; ``title`` also tells the settings apart."""

    title: str
    short: str
    defaults: tuple[str, ...]
    second_defaults: tuple[str, ...]
    settings: Callable[[Experiment, Any], dict[str, Any]]
    noun: str = ""

    @property
    def name(self) -> str:
        """The setting in a sentence or a column header: ``learning rate``, ``activation``."""
        return self.noun or self.title

    def label(self, text: str) -> str:
        """How the legend names a value of this setting: ``lr 0.1``, ``adam``."""
        return f"{self.short} {text}".strip()


def own_setting(title: str) -> CompareSetting:
    """The setting of runs that each carry their own changes (a lesson's runs, a cure beside
    the run as it is): nothing to type, one table column headed ``title``."""
    return CompareSetting(title, "", (), (), lambda _experiment, _value: {})


SETTINGS: tuple[CompareSetting, ...] = (
    CompareSetting(
        QT_TR_NOOP("Learning rate"), "lr", ("0.0001", "0.01", "0.1", "10"), ("0.01", "0.1"),
        _lr, QT_TR_NOOP("learning rate"),
    ),
    CompareSetting(
        QT_TR_NOOP("Optimizer"), "",
        ("sgd", "sgd+momentum", "sgd+nesterov", "adagrad", "rmsprop", "adam", "adamw"),
        ("sgd", "adam"), _optimizer, QT_TR_NOOP("optimizer"),
    ),
    CompareSetting(
        QT_TR_NOOP("Schedule"), "", tuple(SCHEDULES), ("constant", "cosine"), _schedule,
        QT_TR_NOOP("schedule"),
    ),
    CompareSetting(
        QT_TR_NOOP("Batch size"), "batch", ("1", "10", "50", "all"), ("10", "all"), _batch,
        QT_TR_NOOP("batch size"),
    ),
    CompareSetting(
        QT_TR_NOOP("Initialiser"), "init",
        ("zeros", "article", "xavier_uniform", "he_normal"), ("xavier_uniform", "he_normal"),
        _init, QT_TR_NOOP("initialiser"),
    ),
    CompareSetting(
        QT_TR_NOOP("Activation (all hidden layers)"), "", ("tanh", "relu", "sigmoid", "linear"),
        ("tanh", "relu"), _activation, QT_TR_NOOP("activation"),
    ),
    CompareSetting(
        QT_TR_NOOP("Seed"), "seed", ("0", "1", "2", "3"), ("0", "1"), _seed, QT_TR_NOOP("seed")
    ),
)  # fmt: skip
"""The settings offered, in the combo's order (the first is the default)."""


@dataclass(frozen=True)
class CompareRun:
    """One run of a comparison: its values as typed (one per varied setting), its legend
    label (``lr 0.1 · adam``), its experiment."""

    texts: tuple[str, ...]
    label: str
    experiment: Experiment


def _problem(setting: CompareSetting | None, template: str, **args: object) -> Text:
    """A problem with typed values, in ``setting``'s name when two settings vary."""
    problem = Text(template, args)
    if setting is None:
        return problem
    return Text(QT_TR_NOOP("{setting}: {problem}"), {"setting": Text(setting.name),
                                                     "problem": problem})  # fmt: skip


def _values(setting: CompareSetting, text: str, grid: bool) -> Variation:
    """``text``'s comma-separated values of ``setting`` (named in each problem if ``grid``)."""
    named = setting if grid else None
    texts = tuple(t.strip() for t in text.split(","))
    if any(not t for t in texts):
        raise CompareError(
            [_problem(named, QT_TR_NOOP("a value is empty (separate values with commas: 0.01, "
                                        "0.1)"))]
        )  # fmt: skip
    if not MIN_COMPARE_RUNS <= len(texts) <= MAX_COMPARE_RUNS:
        raise CompareError([_problem(
            named, QT_TR_NOOP("{count} value(s): give {low} to {high}, separated by commas"),
            count=len(texts), low=MIN_COMPARE_RUNS, high=MAX_COMPARE_RUNS,
        )])  # fmt: skip
    repeated = sorted({t for t in texts if texts.count(t) > 1})
    if repeated:
        raise CompareError(
            [_problem(named, QT_TR_NOOP("{value} is given twice"), value=t) for t in repeated]
        )
    return Variation(setting.title, texts, tuple(map(parse_value, texts)), setting.settings)


def build_runs(
    experiment: Experiment, varied: Sequence[tuple[CompareSetting, str]]
) -> list[CompareRun]:
    """The runs for each ``(setting, text)`` of ``varied`` (one, or two for a grid whose
    first setting varies slowest), ``text`` its comma-separated values.

    Raises
    ------
    CompareError
        Every problem, each naming its value: a bad, empty or repeated value, fewer than
        :data:`MIN_COMPARE_RUNS` or more than :data:`MAX_COMPARE_RUNS` values of a setting,
        the same setting twice, more than :data:`MAX_GRID_RUNS` runs in all.
    """
    titles = [s.title for s, _ in varied]
    if len(set(titles)) < len(titles):
        raise CompareError([Text(
            QT_TR_NOOP("{setting} is both settings: choose another second one, or (nothing)"),
            {"setting": Text(varied[0][0].name)},
        )])  # fmt: skip
    grid = len(varied) > 1
    variations = [_values(s, text, grid) for s, text in varied]
    by_title = {s.title: s for s, _ in varied}

    def describe(texts: Mapping[str, str | None]) -> str:
        if not texts:  # the whole grid
            return " × ".join(s.name for s in by_title.values())
        return " · ".join(
            by_title[title].name if t is None else by_title[title].label(t)
            for title, t in texts.items()
        )

    try:
        runs = variation_grid(experiment, variations, describe)
    except VariationError as err:
        raise CompareError(err.problems) from None
    return [
        CompareRun(
            tuple(r.settings.values()),
            " · ".join(by_title[title].label(t) for title, t in r.settings.items()),
            r.experiment,
        )
        for r in runs
    ]


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
