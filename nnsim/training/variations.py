"""Experiments that differ from one in a setting or two: what ``nnsim compare --vary`` runs.

A setting is a dotted path into the experiment file (``training.optimizer.lr``,
``training.batch_size``, ``network.init``, ``seed``, ``network.hidden_layers.0.units``) and a
value. Each varied experiment is checked as a file would be. Choosing another optimizer or
schedule starts it from its own defaults, as the window does (the learning rate is kept;
a schedule keeps its warm-up). Two or more settings make a grid of at most
:data:`MAX_RUNS` runs (:func:`variation_grid`, used by ``nnsim compare`` and by the
window's Compare mode, whose settings may stand for several paths at once).
"""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from nnsim.engine.schedules import SCHEDULES
from nnsim.training.experiment import Experiment, ExperimentError, ScheduleSpec

MAX_RUNS = 16
OPTIMIZER_NAME, SCHEDULE_NAME = "training.optimizer.name", "training.schedule.name"
STEP_ONLY_SCHEDULES = ("one_cycle", "plateau")  # counted in steps whatever the unit was
_PATH = re.compile(r"^[A-Za-z_]\w*(\.\w+)+: ")  # "training.optimizer.name: " before a problem


class VariationError(ValueError):
    """Bad ``--vary`` settings; ``problems`` holds one message per problem."""

    def __init__(self, problems: Sequence[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = list(problems)


@dataclass(frozen=True)
class Variation:
    """One setting and the values it takes: ``texts`` as typed, ``values`` as parsed.

    ``settings`` says what a value sets (dotted path → value), for a setting that is more
    than one path (Compare's ``sgd+momentum``, every hidden layer's activation); None:
    the value sets the path ``key``. It may raise :class:`ExperimentError`."""

    key: str
    texts: tuple[str, ...]
    values: tuple[Any, ...]
    settings: Callable[[Experiment, Any], dict[str, Any]] | None = None

    def settings_for(self, experiment: Experiment, value: Any) -> dict[str, Any]:
        """The paths ``value`` sets in ``experiment`` and what it sets them to."""
        return {self.key: value} if self.settings is None else self.settings(experiment, value)


@dataclass(frozen=True)
class VariedRun:
    """One run of a comparison: its settings (key → text as typed) and its experiment."""

    settings: dict[str, str]
    experiment: Experiment


def parse_value(text: str) -> Any:
    """A JSON scalar where ``text`` is one (``0.1``, ``3``, ``true``, ``null``, ``"x"``),
    else the text itself (``adam``). ``NaN`` and ``Infinity`` stay text (and are refused)."""

    def refuse(constant: str) -> Any:
        raise ValueError(constant)

    try:
        value = json.loads(text, parse_constant=refuse)
    except ValueError:
        return text
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return text


def parse_variation(text: str) -> Variation:
    """``KEY=V1,V2,...`` → :class:`Variation`; :class:`VariationError` if malformed."""
    key, sep, values = text.partition("=")
    key = key.strip()
    texts = tuple(v.strip() for v in values.split(","))
    if not sep or not key:
        example = "training.optimizer.lr=0.01,0.1"
        raise VariationError([f"--vary {text}: expected KEY=V1,V2,... (e.g. {example})"])
    if any(not t for t in texts):
        raise VariationError([f"--vary {text}: a value is empty"])
    return Variation(key, texts, tuple(parse_value(t) for t in texts))


def with_setting(experiment: Experiment, key: str, value: Any) -> Experiment:
    """A copy of ``experiment`` with the setting ``key`` (a dotted path) set to ``value``,
    checked as a file would be (:class:`ExperimentError`); :class:`KeyError` (its message
    says why) if ``key`` is not a path into the experiment."""
    return with_settings(experiment, {key: value})


def with_settings(experiment: Experiment, settings: dict[str, Any]) -> Experiment:
    """:func:`with_setting` for several settings at once (another optimizer or schedule is
    chosen first, so that a keyword varied with it applies to the new one)."""
    d = experiment.to_dict()
    first = [k for k in (OPTIMIZER_NAME, SCHEDULE_NAME) if k in settings]
    for key in [*first, *(k for k in settings if k not in first)]:
        _set(d, key, settings[key])
    return Experiment.from_dict(d)


def _set(d: dict[str, Any], key: str, value: Any) -> None:
    *parents, last = key.split(".")
    node: Any = d
    for depth, part in enumerate(parents):
        child = _child(node, part)
        if not isinstance(child, dict | list):
            where = ".".join(parents[: depth + 1])
            raise KeyError(f"{key}: no such setting ({where} is not a section of the experiment)")
        node = child
    if key == OPTIMIZER_NAME and value != node.get("name"):
        lr = node.get("lr")
        node.clear()
        node.update({"name": value, "lr": lr})
    elif key == SCHEDULE_NAME and value != node.get("name"):
        new = _switched_schedule(node, value)
        node.clear()
        node.update(new)
    elif isinstance(node, list):
        if not (last.isdigit() and int(last) < len(node)):
            raise KeyError(f"{key}: no such setting ({last} is not an index 0..{len(node) - 1})")
        node[int(last)] = value
    else:
        node[last] = value  # an unknown key is the experiment parser's to name


def _child(node: Any, part: str) -> Any:
    if isinstance(node, dict):
        return node.get(part)
    if isinstance(node, list) and part.isdigit() and int(part) < len(node):
        return node[int(part)]
    return None


def switched_schedule(old: ScheduleSpec, name: str) -> ScheduleSpec:
    """The schedule a learner gets by choosing ``name`` (the window and ``nnsim compare``):
    its suggested values (those it requires), the old warm-up, and the old unit unless
    ``name`` counts only steps."""
    cls = SCHEDULES.get(name)
    params = {} if cls is None else {
        p.name: p.suggested for p in cls.hyperparameters() if p.suggested is not None
    }  # fmt: skip
    if "warmup_steps" in old.params:
        params["warmup_steps"] = old.params["warmup_steps"]
    return ScheduleSpec(name, "step" if name in STEP_ONLY_SCHEDULES else old.unit, params)


def _switched_schedule(old: dict[str, Any], name: Any) -> dict[str, Any]:
    """:func:`switched_schedule` on a schedule object of an experiment file."""
    if not isinstance(name, str):
        return {**old, "name": name}  # refused when the experiment is checked
    unit = old.get("unit", "step")
    spec = ScheduleSpec("constant", unit if isinstance(unit, str) else "step", dict(old))
    new = switched_schedule(spec, name)
    return {"name": new.name, "unit": new.unit, **new.params}


def describe_vary(texts: Mapping[str, str | None]) -> str:
    """How ``nnsim compare`` names the values a problem is about: ``--vary seed=1 k=v``
    (a key alone where the text is None; ``--vary`` for the whole grid)."""
    return " ".join(["--vary", *(k if t is None else f"{k}={t}" for k, t in texts.items())])


def variation_grid(
    experiment: Experiment,
    variations: Sequence[Variation],
    describe: Callable[[Mapping[str, str | None]], str] = describe_vary,
) -> list[VariedRun]:
    """Every combination of the values (the first setting varies slowest), each checked.

    ``describe`` names the values (key → text) a problem is about, for the messages.

    Raises
    ------
    VariationError
        A key given twice, more than :data:`MAX_RUNS` runs, a key that is not a setting,
        or values the experiment refuses: every problem, each naming the key and value.
    """
    keys = [v.key for v in variations]
    repeated = sorted({k for k in keys if keys.count(k) > 1})
    if repeated:
        raise VariationError([f"{describe({k: None})}: given more than once" for k in repeated])
    count = 1
    for v in variations:
        count *= len(v.values)
    if count > MAX_RUNS:
        sizes = " × ".join(str(len(v.values)) for v in variations)
        many = f"{sizes} = {count} runs" if len(variations) > 1 else f"{count} runs"
        raise VariationError([f"{describe({})}: {many}; at most {MAX_RUNS}"])
    problems: list[str] = []
    for v in variations:  # each value alone first: the clearest message
        for text, value in zip(v.texts, v.values, strict=True):
            problems += _problems(experiment, [(v, value)], {v.key: text}, describe)
    if problems:
        raise VariationError(list(dict.fromkeys(problems)))
    runs = []
    for combo in itertools.product(*(zip(v.texts, v.values, strict=True) for v in variations)):
        texts = {key: text for key, (text, _) in zip(keys, combo, strict=True)}
        chosen = [(v, value) for v, (_, value) in zip(variations, combo, strict=True)]
        problems += _problems(experiment, chosen, texts, describe)
        if not problems:
            runs.append(VariedRun(texts, with_settings(experiment, _merged(experiment, chosen))))
    if problems:
        raise VariationError(problems)
    return runs


def _merged(experiment: Experiment, chosen: list[tuple[Variation, Any]]) -> dict[str, Any]:
    settings: dict[str, Any] = {}
    for variation, value in chosen:
        settings.update(variation.settings_for(experiment, value))
    return settings


def _problems(
    experiment: Experiment,
    chosen: list[tuple[Variation, Any]],
    texts: dict[str, str],
    describe: Callable[[Mapping[str, str | None]], str],
) -> list[str]:
    given = describe(texts)
    settings: dict[str, Any] = {}
    try:
        settings = _merged(experiment, chosen)
        with_settings(experiment, settings)
    except KeyError as err:
        return [f"{describe({})} {err.args[0]}"]
    except ExperimentError as err:
        if len(chosen) > 1:
            return [f"{given}: {p}" for p in err.problems]
        return [f"{given}: {_without_path(p, settings)}" for p in err.problems]
    return []


def _without_path(problem: str, settings: dict[str, Any]) -> str:
    """A problem about one varied value, without the path it is about (the value says it):
    one of ``settings``' paths, or any dotted path if the value's settings were refused."""
    for key in settings:
        if problem.startswith(f"{key}: "):
            return problem.removeprefix(f"{key}: ")
    if not settings:
        return _PATH.sub("", problem, count=1)
    return problem
