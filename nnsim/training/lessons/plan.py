"""A lesson's plan (``resources/lessons/NAME.lesson.json``): what to set up, where to look,
how many steps the observation needs, and the question whose answer the run decides.

The file (``"format": "nnsim.lesson"``, ``"version": 1``)::

    {"window": "main" | "compare" | "surfaces" | "lecture",
     "look_at": "gradientPlot",              # the objectName of the panel to watch
     "steps": 200,                           # steps of the run the observation needs
     "compare": [{"label": "SGD", "settings": {"training.optimizer.name": "sgd"}}, …],
     "surface_preset": "too high: diverges", # a preset of nnsim.training.surface_race
     "question": {"check": "first_below", "params": {"threshold": 0.2},
                  "text": {"en": "…", "zh": "…"},
                  "choices": [{"key": "adam", "en": "Adam", "zh": "Adam"}, …],
                  "answer": "adam"}}

``answer`` is what the lesson's text says the run will show; the app never grades against
it: :func:`nnsim.training.lessons.checks.observe` computes the answer from the run, and the
tests check that the two agree.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any

from nnsim.training.experiment import Experiment
from nnsim.training.variations import with_settings

WINDOWS = ("main", "compare", "surfaces", "lecture")
"""Where a lesson runs: the main window, View ▸ Compare, View ▸ Surfaces, lecture mode."""
MAX_LESSON_STEPS = 5000  # an observation a learner waits for at most a few seconds for


class LessonPlanError(ValueError):
    """A lesson plan that cannot be read; ``problems`` holds one sentence per problem."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class Choice:
    """One answer the learner may pick: its ``key`` (what a check returns) and its text
    per language."""

    key: str
    texts: Mapping[str, str]

    def text(self, language: str = "en") -> str:
        return self.texts.get(language) or self.texts.get("en") or self.key


@dataclass(frozen=True)
class Question:
    """The question, its choices, the check that answers it from the run (a name of
    :data:`nnsim.training.lessons.checks.CHECKS` and its parameters), and the answer the
    lesson's text expects."""

    check: str
    params: Mapping[str, Any]
    texts: Mapping[str, str]
    choices: tuple[Choice, ...]
    answer: str

    def text(self, language: str = "en") -> str:
        return self.texts.get(language) or self.texts.get("en", "")

    def choice(self, key: str) -> Choice | None:
        return next((c for c in self.choices if c.key == key), None)


@dataclass(frozen=True)
class CompareRunSpec:
    """One run of a lesson's comparison: its legend label and the settings (dotted paths,
    as ``nnsim compare --vary`` takes them) that make it from the lesson's experiment."""

    label: str
    settings: Mapping[str, Any]

    def experiment(self, base: Experiment) -> Experiment:
        return with_settings(base, dict(self.settings))


@dataclass(frozen=True)
class LessonPlan:
    """What a lesson sets up and asks (see the module docstring)."""

    window: str
    look_at: str
    steps: int
    question: Question
    compare: tuple[CompareRunSpec, ...] = ()
    surface_preset: str | None = None

    def compare_experiments(self, base: Experiment) -> list[tuple[str, Experiment]]:
        """The comparison's runs, each checked as a file would be (``ExperimentError``)."""
        return [(run.label, run.experiment(base)) for run in self.compare]


def load_plan(path: str | Path) -> LessonPlan:
    """Read a lesson plan file (``LessonPlanError`` naming every problem)."""
    try:
        raw = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise LessonPlanError([f"{Path(path).name}: {err}"]) from None
    return parse_plan(raw)


def parse_plan(raw: Any) -> LessonPlan:
    """A :class:`LessonPlan` from the file's JSON object (``LessonPlanError``)."""
    from nnsim.training.lessons.checks import CHECKS  # the checks name the plan's kinds

    problems: list[str] = []
    if not isinstance(raw, dict):
        raise LessonPlanError(["a lesson plan must be a JSON object"])
    if raw.get("format") != "nnsim.lesson" or raw.get("version") != 1:
        problems.append("format/version: must be 'nnsim.lesson', 1")
    window = raw.get("window")
    if window not in WINDOWS:
        problems.append(f"window: must be one of {', '.join(WINDOWS)}, got {window!r}")
    steps = raw.get("steps")
    if not (isinstance(steps, int) and 0 <= steps <= MAX_LESSON_STEPS):
        problems.append(f"steps: must be an integer in [0, {MAX_LESSON_STEPS}], got {steps!r}")
    q = raw.get("question")
    question = None
    if not isinstance(q, dict):
        problems.append("question: must be an object")
    else:
        if q.get("check") not in CHECKS:
            problems.append(f"question.check: must be one of {', '.join(CHECKS)}")
        choices = tuple(
            Choice(str(c["key"]), MappingProxyType({k: str(v) for k, v in c.items() if k != "key"}))
            for c in q.get("choices", ())
            if isinstance(c, dict) and "key" in c
        )
        if len(choices) < 2:
            problems.append("question.choices: give at least two")
        if q.get("answer") not in {c.key for c in choices}:
            problems.append(f"question.answer: must be one of the choices, got {q.get('answer')!r}")
        question = Question(
            str(q.get("check")),
            MappingProxyType(dict(q.get("params", {}))),
            MappingProxyType(dict(q.get("text", {}))),
            choices,
            str(q.get("answer")),
        )
    runs = tuple(
        CompareRunSpec(str(r["label"]), MappingProxyType(dict(r.get("settings", {}))))
        for r in raw.get("compare", ())
        if isinstance(r, dict) and "label" in r
    )
    if window == "compare" and len(runs) < 2:
        problems.append("compare: a compare lesson needs at least two runs")
    preset = raw.get("surface_preset")
    if window == "surfaces" and not isinstance(preset, str):
        problems.append("surface_preset: a surfaces lesson needs a preset's title")
    if problems or question is None:
        raise LessonPlanError(problems)
    assert isinstance(steps, int), "checked above"
    return LessonPlan(str(window), str(raw.get("look_at", "")), steps, question, runs, preset)
