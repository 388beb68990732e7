"""Modal dialogs in tests: every one shown is answered as the test said, or fails it."""

from __future__ import annotations

import html
import os
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QDialog

WATCH_MS = 10  # how often ModalDialogs looks for a modal dialog


@dataclass(frozen=True)
class DialogSeen:
    """A modal dialog shown during a test: its title, its text, and whether it was answered."""

    title: str
    text: str
    answered: bool


Reply = Any  # a StandardButton, a DialogCode, a file name / number / text, None, or a callable


class ModalDialogs:
    """Answers the modal dialogs shown during a test (the ``nnsim_dialogs`` fixture).

    Each dialog is matched, when it is shown, against the answers given with :meth:`answer`
    (the latest first) by a piece of its title or text. An unmatched dialog is closed at
    once (rejected), recorded in :attr:`unexpected`, and fails the test.
    """

    def __init__(self) -> None:
        self._answers: list[tuple[str, Reply]] = []
        self._defaults: list[tuple[str, Reply]] = []
        self.seen: list[DialogSeen] = []
        self.reported = 0
        self._timer: QTimer | None = None
        self._app: QApplication | None = None

    def answer(self, match: str, reply: Reply) -> None:
        """Answer every later dialog whose title or text contains ``match`` with ``reply``:

        - a ``QMessageBox.StandardButton``: that button is clicked;
        - a ``QDialog.DialogCode``: the dialog is accepted or rejected;
        - for a ``QFileDialog``, a path: it is chosen (as if typed, then *Open* / *Save*);
        - for a ``QInputDialog``, a number or text: it is entered, then *OK*;
        - ``None``: the dialog is cancelled;
        - a callable: called with the dialog, which it must close.
        """
        self._answers.insert(0, (match, reply))

    def default(self, match: str, reply: Reply) -> None:
        """Like :meth:`answer`, but any answer the test gives takes precedence."""
        self._defaults.insert(0, (match, reply))

    @property
    def unexpected(self) -> list[DialogSeen]:
        return [seen for seen in self.seen if not seen.answered]

    def describe_unexpected(self) -> str:
        return "\n".join(
            f"a modal dialog nobody answered appeared (answer it with "
            f"nnsim_dialogs.answer(...)): {seen.title!r}: {seen.text}"
            for seen in self.unexpected
        )

    # -- watching --
    def install(self, app: QApplication) -> None:
        """Watch ``app`` for modal dialogs (and make every dialog a Qt one, never native)."""
        from PySide6.QtCore import Qt, QTimer

        app.setAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs, True)
        self._app = app
        # A dialog's exec() runs its own event loop, in which this timer keeps firing; a
        # look every few milliseconds costs nothing, unlike filtering every event in Python.
        self._timer = timer = QTimer()
        timer.setInterval(WATCH_MS)
        timer.timeout.connect(self._look)
        timer.start()

    def uninstall(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None

    def _look(self) -> None:
        from PySide6.QtWidgets import QDialog

        if self._app is None:
            return
        dialog = self._app.activeModalWidget()
        if isinstance(dialog, QDialog) and dialog.isVisible():
            self._handle(dialog)

    def _handle(self, dialog: QDialog) -> None:
        title, text = dialog.windowTitle(), _dialog_text(dialog)
        reply = self._reply_for(title, text)
        self.seen.append(DialogSeen(title, text, reply is not _NO_ANSWER))
        if reply is _NO_ANSWER:
            dialog.reject()
            return
        _apply(dialog, reply)
        if dialog.isVisible():  # an answer that left it open would block the test
            left_open = f"{text} (the answer {reply!r} left it open)"
            self.seen.append(DialogSeen(title, left_open, False))
            dialog.reject()

    def ask(self, title: str, text: str, cancel: Any) -> Any:
        """Answer a prompt a window asks through a hook instead of a dialog (the window's
        ``ask_unsaved_changes``) as if the dialog ``title`` / ``text`` had been shown;
        unanswered, it is recorded as unexpected and ``cancel`` is returned."""
        reply = self._reply_for(title, text)
        self.seen.append(DialogSeen(title, text, reply is not _NO_ANSWER))
        if reply is _NO_ANSWER or reply is None:
            return cancel
        return reply

    def _reply_for(self, title: str, text: str) -> Reply:
        for match, reply in (*self._answers, *self._defaults):
            if match in title or match in text:
                return reply
        return _NO_ANSWER


_NO_ANSWER = object()


def _dialog_text(dialog: QDialog) -> str:
    from PySide6.QtWidgets import QFileDialog, QInputDialog, QLabel, QMessageBox

    if isinstance(dialog, QMessageBox):
        parts = [dialog.text(), dialog.informativeText()]
    elif isinstance(dialog, QInputDialog):
        parts = [dialog.labelText()]
    elif isinstance(dialog, QFileDialog):
        parts = [f"in {dialog.directory().path()}", ", ".join(dialog.nameFilters())]
    else:
        parts = [label.text() for label in dialog.findChildren(QLabel)]
    plain = html.unescape(re.sub(r"<[^>]+>", " ", " ".join(p for p in parts if p)))
    return " ".join(plain.split())


def _apply(dialog: QDialog, reply: Reply) -> None:
    from PySide6.QtWidgets import QDialog, QFileDialog, QInputDialog, QLineEdit, QMessageBox

    if reply is None:
        dialog.reject()
    elif callable(reply) and not isinstance(reply, QMessageBox.StandardButton | QDialog.DialogCode):
        reply(dialog)
    elif isinstance(reply, QMessageBox.StandardButton):
        button = dialog.button(reply) if isinstance(dialog, QMessageBox) else None
        if button is None:
            raise AssertionError(f"dialog {dialog.windowTitle()!r} has no {reply.name} button")
        button.click()
    elif isinstance(reply, QDialog.DialogCode):
        dialog.done(reply.value)
    elif isinstance(dialog, QFileDialog):
        dialog.setOption(QFileDialog.Option.DontConfirmOverwrite, True)
        typed = dialog.findChild(QLineEdit, "fileNameEdit")  # selectFile() is asynchronous
        if typed is not None:
            typed.setText(os.path.abspath(os.fspath(reply)))
        else:
            dialog.selectFile(os.fspath(reply))
        dialog.accept()
    elif isinstance(dialog, QInputDialog):
        mode = dialog.inputMode()
        if mode == QInputDialog.InputMode.DoubleInput:
            dialog.setDoubleValue(float(reply))
        elif mode == QInputDialog.InputMode.IntInput:
            dialog.setIntValue(int(reply))
        else:
            dialog.setTextValue(str(reply))
        dialog.accept()
    else:
        raise AssertionError(f"cannot answer dialog {dialog.windowTitle()!r} with {reply!r}")
