"""Built-in lessons: an experiment, its text in English and Chinese, its plan (what to
set up, where to look, the question) and, for a lecture, how the lecture starts.

A lesson ``NAME`` lives in ``resources/lessons/NAME.json`` (an ``nnsim.experiment`` file),
``resources/lessons/NAME.md`` (its text: one section per language, each opened by a
``<!-- lang: xx -->`` line, its title the first ``# `` heading) and
``resources/lessons/NAME.lesson.json`` (its plan: :mod:`nnsim.training.lessons.plan`).
:func:`load_lesson` reads the first two and :func:`lesson_plan` the third; when the
resources are not installed, the article's lesson is rebuilt from
:mod:`nnsim.training.lecture.article`, so it always opens.

This module does not import Qt: the command line checks lesson names with it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

from nnsim.training.experiment import Experiment, ExperimentError, load_experiment
from nnsim.training.lecture import (
    ARTICLE_LESSON,
    ARTICLE_NOTES,
    LectureSession,
    article_experiment,
)
from nnsim.training.lessons.plan import LessonPlan, LessonPlanError, load_plan
from nnsim.training.text import QT_TR_NOOP
from nnsim.training.trainer import Trainer

_NNSIM = Path(__file__).resolve().parents[2]
_INSTALLED = _NNSIM / "resources" / "lessons"  # a wheel's, as nnsim.paths finds resources
LESSONS_DIR = _INSTALLED if _INSTALLED.is_dir() else _NNSIM.parent / "resources" / "lessons"
"""Where the lesson files are: ``nnsim.paths.resource("lessons")`` (which the training layer
may not import; a test keeps the two equal)."""

LANGUAGES: Mapping[str, str] = MappingProxyType({"en": "EN", "zh": "中文"})
"""The languages a lesson text comes in, with the label of each one's toggle."""

_LANG_MARK = re.compile(r"^<!--\s*lang:\s*([A-Za-z-]+)\s*-->\s*$", re.MULTILINE)


class LessonError(ValueError):
    """An unknown lesson name, or lesson files that cannot be read."""


@dataclass(frozen=True)
class LessonText:
    """A lesson's title and body (Markdown) per language code (``"en"``, ``"zh"``)."""

    titles: Mapping[str, str]
    bodies: Mapping[str, str]

    def title(self, language: str = "en") -> str:
        return self.titles.get(language) or self.titles.get("en", "")

    def markdown(self, language: str = "en") -> str:
        """The whole text (title heading included) in ``language``, English if missing."""
        return self.bodies.get(language) or self.bodies.get("en", "")

    @property
    def languages(self) -> tuple[str, ...]:
        return tuple(self.bodies)


@dataclass(frozen=True)
class LessonSetup:
    """How a lesson's lecture starts: what flows through the network (see
    :meth:`~nnsim.training.lecture.LectureSession.set_source`)."""

    source: str = "batch"
    index: int | None = None
    x: tuple[float, float] | None = None
    y: float | None = None

    def apply(self, session: LectureSession) -> None:
        """Set the session's source to the lesson's."""
        if self.source != "batch":
            session.set_source(self.source, index=self.index, x=self.x, y=self.y)

    def __call__(self, session: LectureSession) -> None:
        self.apply(session)

    def session(self, experiment: Experiment) -> LectureSession:
        """A fresh lecture session on ``experiment`` (initial weights), set up."""
        session = LectureSession(Trainer(experiment))
        self.apply(session)
        return session


@dataclass(frozen=True)
class _Lesson:
    title: str
    build: Callable[[], Experiment] = Experiment.default
    notes: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    setup: LessonSetup = field(default_factory=LessonSetup)


LESSONS: Mapping[str, _Lesson] = MappingProxyType(
    {
        ARTICLE_LESSON.id: _Lesson(
            QT_TR_NOOP("The article's worked example"),
            article_experiment,
            ARTICLE_NOTES,
            LessonSetup("custom", x=ARTICLE_LESSON.x, y=ARTICLE_LESSON.y),
        ),
        "fixed-lr": _Lesson(QT_TR_NOOP("A fixed learning rate: 0.0001, 0.01, 0.1")),
        "lr-too-high": _Lesson(QT_TR_NOOP("Too high a learning rate: oscillate, then diverge")),
        "lr-too-low": _Lesson(QT_TR_NOOP("Too low a learning rate: crawling, and stuck")),
        "lr-decay": _Lesson(QT_TR_NOOP("Learning-rate decay: 0.1 / (1 + 0.01·10)")),
        "adaptive": _Lesson(QT_TR_NOOP("Adaptive learning rates: SGD, RMSprop, Adam")),
        "vanishing-gradients": _Lesson(QT_TR_NOOP("Vanishing gradients: ten sigmoid layers")),
        "cures": _Lesson(QT_TR_NOOP("Cures: ReLU, He init, BatchNorm")),
        "exploding-gradients": _Lesson(QT_TR_NOOP("Exploding gradients, and clipping")),
        "symmetry": _Lesson(QT_TR_NOOP("Symmetry: why weights start random")),
    }
)
"""Every built-in lesson by name, in the article's order, with the title the File ▸
Lessons menu shows (marked for translation: the menu shows it with ``tr``)."""


def lesson_names() -> list[str]:
    """The names ``load_lesson`` and ``nnsim --lesson`` accept, in the article's order."""
    return list(LESSONS)


def lesson_title(name: str) -> str:
    """The menu title of lesson ``name``."""
    return _lesson(name).title


def lesson_plan(name: str, folder: str | Path | None = None) -> LessonPlan:
    """The plan of built-in lesson ``name`` (``LessonError`` if unknown or unreadable)."""
    _lesson(name)
    path = (Path(folder) if folder is not None else LESSONS_DIR) / f"{name}.lesson.json"
    try:
        return load_plan(path)
    except LessonPlanError as err:
        raise LessonError(f"lesson {name}: {err}") from None


def load_lesson(
    name: str, folder: str | Path | None = None
) -> tuple[Experiment, LessonText, LessonSetup]:
    """The experiment, text and set-up of built-in lesson ``name``.

    Raises
    ------
    LessonError
        For an unknown name (the message lists the known ones), or when the lesson's
        experiment file exists but is invalid.
    """
    lesson = _lesson(name)
    folder = Path(folder) if folder is not None else LESSONS_DIR
    json_path, md_path = folder / f"{name}.json", folder / f"{name}.md"
    if json_path.is_file():
        try:
            experiment = load_experiment(json_path)
        except ExperimentError as err:
            raise LessonError(f"lesson {name}: {'; '.join(err.problems)}") from None
    else:
        experiment = lesson.build()
    if md_path.is_file():
        text = parse_lesson_text(md_path.read_text(encoding="utf-8"))
    else:
        text = _text_from_notes(lesson.title, lesson.notes, experiment.description)
    return experiment, text, lesson.setup


def parse_lesson_text(markdown: str) -> LessonText:
    """Split a lesson's Markdown into its languages (see the module docstring)."""
    marks = list(_LANG_MARK.finditer(markdown))
    if not marks:
        sections = {"en": markdown.strip()}
    else:
        sections = {}
        for mark, following in zip(marks, [*marks[1:], None], strict=True):
            end = following.start() if following is not None else len(markdown)
            sections[mark.group(1)] = markdown[mark.end() : end].strip()
    titles = {}
    for language, body in sections.items():
        heading = re.search(r"^#\s+(.+?)\s*$", body, re.MULTILINE)
        titles[language] = heading.group(1) if heading else ""
    return LessonText(MappingProxyType(titles), MappingProxyType(sections))


def _lesson(name: str) -> _Lesson:
    lesson = LESSONS.get(name)
    if lesson is None:
        known = ", ".join(lesson_names())
        raise LessonError(f"no lesson named {name!r}; the lessons are: {known}")
    return lesson


def _text_from_notes(
    title: str, notes: Mapping[str, tuple[str, ...]], description: str
) -> LessonText:
    """A plain lesson text when the .md file is not installed: the description and notes."""
    bodies = {}
    for language, items in notes.items():
        intro = description if language == "en" else ""
        listed = "\n\n".join(f"{i}. {note}" for i, note in enumerate(items, 1))
        bodies[language] = f"# {title}\n\n{intro}\n\n{listed}".replace("\n\n\n\n", "\n\n")
    return LessonText(MappingProxyType(dict.fromkeys(bodies, title)), MappingProxyType(bodies))
