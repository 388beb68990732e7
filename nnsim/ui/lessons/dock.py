"""The lesson beside the main window: its text (EN / 中文) and its question, in a dock."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QVBoxLayout, QWidget

from nnsim.training.lessons import LessonText, Question
from nnsim.ui.i18n import tr
from nnsim.ui.lecture.lesson_panel import LessonPanel
from nnsim.ui.lessons.question_box import QuestionBox

DOCK_WIDTH = 380  # wide enough for a formula line of the text


class LessonDock(QDockWidget):
    """objectName ``lessonDock``: a :class:`LessonPanel` (the text, with the language
    toggle, which the question and its feedback follow; the buttons and the dock's title
    are in the window's language) over a :class:`QuestionBox`. A lecture lesson
    shows its text in the lecture view instead: :meth:`show_lesson` with ``text_shown``
    False shows only the toggle and the question."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(tr("Lesson"), parent)
        self.setObjectName("lessonDock")
        areas = Qt.DockWidgetArea
        self.setAllowedAreas(areas.LeftDockWidgetArea | areas.RightDockWidgetArea)
        inner = QWidget(self)
        self.text_panel = LessonPanel(inner)
        self.question = QuestionBox(inner)
        layout = QVBoxLayout(inner)
        layout.setContentsMargins(6, 4, 6, 6)
        layout.addWidget(self.text_panel, 1)
        layout.addWidget(self.question)
        layout.addStretch(0)  # takes the text's room when the lecture shows the text
        self._layout = layout
        self.setWidget(inner)
        self.setMinimumWidth(DOCK_WIDTH)
        self.text_panel.languageChanged.connect(self.question.set_language)

    def show_lesson(self, text: LessonText, question: Question, text_shown: bool = True) -> None:
        self.text_panel.set_lesson(text)
        self.text_panel.browser.setVisible(text_shown)
        self._layout.setStretch(0, 1 if text_shown else 0)  # the title on top, not centred
        self._layout.setStretch(2, 0 if text_shown else 1)
        self.question.set_question(question)
        self.question.set_language(self.text_panel.language())
        self.show()
        self.raise_()

    def language(self) -> str:
        """The language of the lesson's text and question (``"en"``, ``"zh"``)."""
        return self.text_panel.language()
