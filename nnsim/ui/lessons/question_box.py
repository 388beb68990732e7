"""A lesson's question: its choices, "Set up" and "Check my answer", and the feedback."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from nnsim.training.lessons import Question
from nnsim.ui.i18n import tr
from nnsim.ui.style import HIGHLIGHT, MUTED

RIGHT_COLOR = "#1b7f3b"


class QuestionBox(QWidget):
    """The question (objectName ``lessonQuestion``; in the lesson's language, its buttons in
    the window's) with one radio button per choice
    (``lessonChoice_<i>``, i from 1), ``lessonSetUpButton``, ``lessonShowButton``,
    ``lessonCheckButton`` and the feedback line ``lessonFeedback``.

    Signals
    -------
    setUpRequested()
        "Set up" was pressed.
    showRequested()
        "Show me" was pressed.
    checkRequested(key)
        "Check my answer" was pressed with the choice ``key`` ("" if none is chosen).
    """

    setUpRequested = Signal()
    showRequested = Signal()
    checkRequested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lessonQuestion")
        self._question: Question | None = None
        self._language = "en"
        self.heading = QLabel(self)
        self.text = QLabel(self)
        self.text.setObjectName("lessonQuestionText")
        self.text.setWordWrap(True)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.choices: list[QRadioButton] = []
        self._choices_layout = QVBoxLayout()
        self._choices_layout.setContentsMargins(8, 0, 0, 0)
        self.heading.setText(tr("<b>Question</b>"))
        self.set_up_button = QPushButton(tr("Set up"), self)
        self.set_up_button.setObjectName("lessonSetUpButton")
        self.set_up_button.setToolTip(
            tr("Set the lesson's experiment up again (and open the window it uses), from step 0.")
        )
        self.show_button = QPushButton(tr("Show me"), self)
        self.show_button.setObjectName("lessonShowButton")
        self.show_button.setToolTip(
            tr("Frame the panel the lesson asks you to watch, for a moment.")
        )
        self.check_button = QPushButton(tr("Check my answer"), self)
        self.check_button.setObjectName("lessonCheckButton")
        self.check_button.setToolTip(tr("Compare your answer with what the run on screen shows."))
        self.check_button.setDefault(True)
        self.feedback = QLabel(self)
        self.feedback.setObjectName("lessonFeedback")
        self.feedback.setWordWrap(True)
        self.feedback.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QHBoxLayout()
        buttons.addWidget(self.set_up_button)
        buttons.addWidget(self.show_button)
        buttons.addStretch(1)
        buttons.addWidget(self.check_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.text)
        layout.addLayout(self._choices_layout)
        layout.addLayout(buttons)
        layout.addWidget(self.feedback)
        self.set_up_button.clicked.connect(self.setUpRequested)
        self.show_button.clicked.connect(self.showRequested)
        self.check_button.clicked.connect(lambda: self.checkRequested.emit(self.chosen()))
        self._render()

    def set_question(self, question: Question | None) -> None:
        """Show ``question`` (None: none), nothing chosen, no feedback."""
        self._question = question
        for button in self.choices:
            self.group.removeButton(button)
            button.hide()
            button.deleteLater()
        self.choices = []
        for i, choice in enumerate(question.choices if question else (), 1):
            button = QRadioButton(self)
            button.setObjectName(f"lessonChoice_{i}")
            button.setProperty("choiceKey", choice.key)
            self.group.addButton(button)
            self._choices_layout.addWidget(button)
            self.choices.append(button)
        self.say("")
        self._render()

    def set_language(self, language: str) -> None:
        self._language = language
        self._render()

    def chosen(self) -> str:
        """The key of the chosen answer, or "" if none is."""
        button = self.group.checkedButton()
        return "" if button is None else str(button.property("choiceKey"))

    def choose(self, key: str) -> None:
        """Pick the answer ``key`` (as a click does); ``KeyError`` if it is not a choice."""
        for button in self.choices:
            if button.property("choiceKey") == key:
                button.setChecked(True)
                return
        raise KeyError(key)

    def say(self, text: str, verdict: bool | None = None) -> None:
        """Feedback: right (green), wrong (red), or neither (grey) when ``verdict`` is None."""
        color = MUTED if verdict is None else RIGHT_COLOR if verdict else HIGHLIGHT
        self.feedback.setStyleSheet(f"color: {color};")
        self.feedback.setText(text)

    def _render(self) -> None:
        question = self._question
        self.text.setText("" if question is None else question.text(self._language))
        if question is not None:
            for button, choice in zip(self.choices, question.choices, strict=True):
                button.setText(choice.text(self._language))
