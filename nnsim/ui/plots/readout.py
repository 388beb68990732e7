"""A plot's one-line read-out: the values at a step, in the panel's header.

The header gives the read-out what room is left beside its buttons (its width is ignored by
the layout, so a long line never widens the panel). A line that does not fit shows the
values that fit whole and then "…", never a number cut short ("acc 0.53" read as "acc 0."):
it drops the last " · "-separated parts, or cuts a line without parts at a character.
Hovering it shows the whole line above the read-out's explanation. ``text()`` is always the
whole line.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRect, Qt
from PySide6.QtGui import QHelpEvent, QPainter
from PySide6.QtWidgets import QLabel, QSizePolicy, QStyle, QToolTip, QWidget

SEPARATOR = " · "  # between the values of a read-out's line


class Readout(QLabel):
    """A plain-text, one-line label that elides on the right when it is too narrow."""

    def __init__(self, object_name: str, tooltip: str = "", parent: QWidget | None = None) -> None:
        super().__init__("", parent)
        self.setObjectName(object_name)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        if tooltip:
            self.setToolTip(tooltip)

    def _text_rect(self) -> QRect:
        m = self.margin()
        return self.contentsRect().adjusted(m, m, -m, -m)

    def shown_text(self) -> str:
        """The line as painted: the whole text, or the parts that fit and "…"."""
        text, width, metrics = self.text(), self._text_rect().width(), self.fontMetrics()
        if metrics.horizontalAdvance(text) <= width:
            return text
        parts = text.split(SEPARATOR)
        for k in range(len(parts) - 1, 0, -1):
            shown = SEPARATOR.join(parts[:k]) + SEPARATOR + "…"
            if metrics.horizontalAdvance(shown) <= width:
                return shown
        return metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)

    def is_elided(self) -> bool:
        return self.shown_text() != self.text()

    def tooltip_text(self) -> str:
        """The hover text: the whole line first when it is elided, then the explanation."""
        if not self.is_elided():
            return self.toolTip()
        return "\n\n".join(part for part in (self.text(), self.toolTip()) if part)

    def paintEvent(self, event) -> None:
        shown = self.shown_text()
        if shown == self.text():
            super().paintEvent(event)
            return
        painter = QPainter(self)
        self.style().drawItemText(
            painter,
            self._text_rect(),
            int(QStyle.visualAlignment(self.layoutDirection(), self.alignment())),
            self.palette(),
            self.isEnabled(),
            shown,
            self.foregroundRole(),
        )
        painter.end()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            text = self.tooltip_text()
            if text:
                QToolTip.showText(event.globalPos(), text, self, QRect(), self.toolTipDuration())
            else:
                QToolTip.hideText()
            return True
        return super().event(event)
