"""Show the learner where to look: a coloured frame over a panel for a moment."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QFrame, QWidget

HIGHLIGHT_MS = 2500  # long enough to find it, short enough not to be in the way
HIGHLIGHT_COLOR = "#e69f00"  # the coach's amber: "look here"


def flash(widget: QWidget, ms: int = HIGHLIGHT_MS) -> QFrame:
    """A frame (objectName ``lessonHighlight``) over ``widget`` for ``ms`` milliseconds;
    clicks go through it. Returns the frame (it deletes itself)."""
    frame = QFrame(widget)
    frame.setObjectName("lessonHighlight")
    frame.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
    frame.setStyleSheet(
        f"#lessonHighlight {{ border: 3px solid {HIGHLIGHT_COLOR}; background: transparent; }}"
    )
    frame.setGeometry(widget.rect())
    frame.show()
    frame.raise_()
    QTimer.singleShot(ms, frame, frame.deleteLater)
    return frame
