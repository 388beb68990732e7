"""Guided lessons (no Qt): the built-in lessons (:mod:`.catalog`), each one's plan — what
to set up, where to look, how many steps, the question (:mod:`.plan`) — the checks that
answer the question from the run (:mod:`.checks`), and the lesson trained headless
(:mod:`.headless`)."""

from nnsim.training.lessons.catalog import (
    LANGUAGES,
    LESSONS,
    LESSONS_DIR,
    LessonError,
    LessonSetup,
    LessonText,
    lesson_names,
    lesson_plan,
    lesson_title,
    load_lesson,
    parse_lesson_text,
)
from nnsim.training.lessons.checks import CHECKS, NONE, LessonRun, Observation, observe
from nnsim.training.lessons.plan import (
    Choice,
    CompareRunSpec,
    LessonPlan,
    LessonPlanError,
    Question,
    load_plan,
    parse_plan,
)

__all__ = [
    "CHECKS",
    "LANGUAGES",
    "LESSONS",
    "LESSONS_DIR",
    "NONE",
    "Choice",
    "CompareRunSpec",
    "LessonError",
    "LessonPlan",
    "LessonPlanError",
    "LessonRun",
    "LessonSetup",
    "LessonText",
    "Observation",
    "Question",
    "lesson_names",
    "lesson_plan",
    "lesson_title",
    "load_lesson",
    "load_plan",
    "observe",
    "parse_lesson_text",
    "parse_plan",
]
