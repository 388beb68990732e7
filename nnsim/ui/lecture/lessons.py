"""The built-in lessons, as the lecture mode reads them: they live in
:mod:`nnsim.training.lessons` (no Qt), re-exported here for the lecture's widgets."""

from nnsim.training.lessons.catalog import (
    LANGUAGES,
    LESSONS,
    LESSONS_DIR,
    LessonError,
    LessonSetup,
    LessonText,
    lesson_names,
    lesson_title,
    load_lesson,
    parse_lesson_text,
)

__all__ = [
    "LANGUAGES",
    "LESSONS",
    "LESSONS_DIR",
    "LessonError",
    "LessonSetup",
    "LessonText",
    "lesson_names",
    "lesson_title",
    "load_lesson",
    "parse_lesson_text",
]
