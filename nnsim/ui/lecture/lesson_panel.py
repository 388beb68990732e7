"""The lesson's text beside the lecture, in English or Chinese (a toggle switches; it starts
in the window's language and follows View ▸ Language)."""

from __future__ import annotations

import re

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from nnsim.training.text import QT_TR_NOOP
from nnsim.ui.i18n import current_language, tr
from nnsim.ui.lecture.lessons import LANGUAGES, LessonText

_TITLE = re.compile(r"^#\s+.*\n?", re.MULTILINE)
TIPS = {"en": QT_TR_NOOP("The lesson in English"), "zh": QT_TR_NOOP("The lesson in Chinese (中文)")}


def window_language() -> str:
    """The lesson language of the window's language (``zh_CN`` → ``zh``), else English."""
    code = current_language().split("_")[0]
    return code if code in LANGUAGES else "en"


class LessonPanel(QWidget):
    """A lesson's title and text (Markdown) with an EN / 中文 toggle.

    Signals
    -------
    languageChanged(code)
        The language shown changed (``"en"``, ``"zh"``).
    """

    languageChanged = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lessonPanel")
        self._lesson: LessonText | None = None
        self._language = window_language()
        self.title = QLabel(self)
        self.title.setObjectName("lessonTitle")
        self.title.setWordWrap(True)
        self.buttons: dict[str, QToolButton] = {}
        group = QButtonGroup(self)
        group.setExclusive(True)
        header = QHBoxLayout()
        header.setContentsMargins(0, 0, 0, 0)
        header.addWidget(self.title, 1)
        names = {"en": "lessonEnglishButton", "zh": "lessonChineseButton"}
        for code, label in LANGUAGES.items():
            button = QToolButton(self)
            button.setObjectName(names.get(code, f"lessonButton_{code}"))
            button.setText(label)
            button.setToolTip(tr(TIPS[code]) if code in TIPS else label)
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _=False, c=code: self.set_language(c))
            group.addButton(button)
            header.addWidget(button)
            self.buttons[code] = button
        self.buttons[self._language].setChecked(True)
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("lessonText")
        self.browser.setOpenExternalLinks(True)
        self.browser.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the arrow keys walk the phases
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(header)
        layout.addWidget(self.browser, 1)

    @property
    def lesson(self) -> LessonText | None:
        return self._lesson

    def language(self) -> str:
        return self._language

    def set_lesson(self, lesson: LessonText | None) -> None:
        """Show ``lesson`` (None: empty) in the current language."""
        self._lesson = lesson
        self._render()

    def set_language(self, code: str) -> None:
        """Show the text in ``code`` (``"en"`` or ``"zh"``)."""
        if code not in LANGUAGES:
            raise ValueError(f"language must be one of {', '.join(LANGUAGES)}, got {code!r}")
        changed = code != self._language
        self._language = code
        self.buttons[code].setChecked(True)
        self._render()
        if changed:
            self.languageChanged.emit(code)

    def changeEvent(self, event: QEvent) -> None:
        """View ▸ Language: the lesson in the window's new language too."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange and window_language() != self._language:
            self.set_language(window_language())

    def text(self) -> str:
        """The text shown, as plain text."""
        return self.browser.toPlainText()

    def _render(self) -> None:
        lesson = self._lesson
        if lesson is None:
            self.title.clear()
            self.browser.clear()
            return
        self.title.setText(f"<b>{lesson.title(self._language)}</b>")
        body = _TITLE.sub("", lesson.markdown(self._language), count=1).strip()
        self.browser.setMarkdown(body)
