"""Guided lessons in the window: :class:`LessonController` (File ▸ Lessons, ``nnsim
--lesson``), :class:`LessonDock` (objectName ``lessonDock``: the text and the question) and
its :class:`QuestionBox`. What a lesson is and how its answer is computed from the run is
:mod:`nnsim.training.lessons` (no Qt)."""

from nnsim.ui.lessons.controller import LessonController
from nnsim.ui.lessons.dock import LessonDock
from nnsim.ui.lessons.question_box import QuestionBox

__all__ = ["LessonController", "LessonDock", "QuestionBox"]
