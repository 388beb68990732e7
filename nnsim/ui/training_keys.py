"""The window's training keys: Space plays/pauses, → or S steps, R resets.

They work wherever focus is in the window, except while typing in a text field. A
QShortcut alone does not: a focused widget that takes a key (a spin box takes Space,
S and R for its text) is asked first, through a ShortcutOverride event, and wins. An
application event filter answers that question for the window's widgets.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)


class TrainingKeys(QObject):
    """Window shortcuts for ``keys`` (Qt key → slot), reachable from any focused widget.

    The shortcuts are children of ``window`` (lecture mode turns them off and on)."""

    def __init__(self, window: QWidget, keys: dict[Qt.Key, Callable[[], None]]) -> None:
        super().__init__(window)
        self._window = window
        self._shortcuts: dict[int, QShortcut] = {}
        for key, slot in keys.items():
            shortcut = QShortcut(QKeySequence(key), window)
            shortcut.activated.connect(slot)
            self._shortcuts[key] = shortcut
        _application().installEventFilter(self)

    def detach(self) -> None:
        """Stop filtering the application's events (the window is closing)."""
        _application().removeEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Every event of the application passes here: the isinstance test is the cheap one.
        if (
            isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.ShortcutOverride
            and isinstance(watched, QWidget)
        ):
            shortcut = self._shortcuts.get(event.key())
            if (
                shortcut is not None
                and shortcut.isEnabled()
                and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
                and watched.window() is self._window
                and not typing(watched, event.key())
            ):
                event.ignore()  # not taken by the widget: the shortcut map goes on
                return True
        return super().eventFilter(watched, event)


def _application() -> QCoreApplication:
    app = QApplication.instance()
    if app is None:
        raise RuntimeError("TrainingKeys needs a running QApplication")
    return app


def typing(widget: QWidget, key: int) -> bool:
    """Whether ``key`` on ``widget`` is typing: any key in a free text field; in a spin box
    (digits only) just the arrow that moves its cursor."""
    spin = widget if isinstance(widget, QAbstractSpinBox) else widget.parent()
    if isinstance(spin, QAbstractSpinBox):
        return key == Qt.Key.Key_Right
    return isinstance(widget, QLineEdit | QTextEdit | QPlainTextEdit)
