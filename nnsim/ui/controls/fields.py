"""Small widgets shared by the control panels: a checked number entry, a message line, sections.

:class:`NumberEdit` is a ``QLineEdit`` that accepts whatever the learner types but only
*commits* a finite number inside its bounds: on Enter or focus-out it either emits
:attr:`NumberEdit.valueEdited` or puts the previous value back and emits
:attr:`NumberEdit.refused` with a sentence saying what is allowed. :class:`MessageLabel` is
the red line a panel shows such a sentence in; it takes no space while empty.
"""

from __future__ import annotations

import math
import re

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from nnsim.engine.hyperparameters import Interval
from nnsim.training.validation import MAX_SAFE_INTEGER
from nnsim.ui.i18n import tr
from nnsim.ui.style import HIGHLIGHT, MUTED, POSITIVE

__all__ = [
    "TOGGLE_STYLE",
    "MessageLabel",
    "NumberEdit",
    "Section",
    "allowed_text",
    "format_number",
    "parse_number",
]

TOGGLE_STYLE = f"""
QToolButton, QPushButton {{
    border: 1px solid #b8b8b8; border-radius: 3px; background: white; padding: 2px 3px;
}}
QToolButton:hover, QPushButton:hover {{ border-color: {POSITIVE}; }}
QToolButton:checked, QPushButton:checked {{
    background: {POSITIVE}; color: white; border-color: {POSITIVE};
}}
QToolButton:disabled, QPushButton:disabled {{ color: #aaaaaa; }}
"""
"""Style of on/off buttons (features, presets): clearly blue when on."""
ANY = Interval()
_INVALID_STYLE = f"QLineEdit {{ border: 1px solid {HIGHLIGHT}; }}"


_EXPONENT = re.compile(r"e([+-])0*(\d)")


def format_number(value: float | None) -> str:
    """How a number is written back into an entry: ``0.03``, ``1e-5``, ``500``; None as ''."""
    if value is None:
        return ""
    if isinstance(value, int):
        return str(value)
    return _EXPONENT.sub(lambda m: f"e{'-' if m[1] == '-' else ''}{m[2]}", f"{value:.6g}")


def allowed_text(interval: Interval) -> str:
    """What ``interval`` allows, in the window's language: ``≥ 0``, ``in [0, 1)``, ``finite``."""
    text = interval.text(at_least="≥")
    if text == "finite":
        return tr("finite")
    if text.startswith("in "):
        return tr("in {interval}").format(interval=text.removeprefix("in "))
    return text


def parse_number(
    text: str, *, name: str = "value", interval: Interval = ANY, integer: bool = False
) -> float | int:
    """Read ``text`` as a finite number in ``interval``, or raise ``ValueError`` saying why.

    ``integer=True`` accepts whole numbers only (``"500"``, ``"5e2"``), at most 2⁵³ in size
    (as an experiment file), and returns an ``int``. The message is in the window's
    language (``name``, a marked English string, too).
    """
    stripped = text.strip().replace("−", "-").replace(",", ".")
    allowed = allowed_text(interval)
    name = tr(name)
    try:
        value = float(stripped)
    except ValueError:
        shown = stripped if len(stripped) <= 20 else stripped[:20] + "…"
        template = (
            tr("{name}: '{text}' is not a number; type a whole number {allowed}")
            if integer
            else tr("{name}: '{text}' is not a number; type a number {allowed}")
        )
        raise ValueError(template.format(name=name, text=shown, allowed=allowed)) from None
    if not math.isfinite(value):
        template = tr("{name}: must be a finite number {allowed}, got {text}")
        raise ValueError(template.format(name=name, allowed=allowed, text=stripped))
    if integer:
        if not value.is_integer():
            template = tr("{name}: must be a whole number {allowed}, got {text}")
            raise ValueError(template.format(name=name, allowed=allowed, text=stripped))
        if abs(value) > MAX_SAFE_INTEGER:
            template = tr("{name}: must be a whole number within ±2**53, got {text}")
            raise ValueError(template.format(name=name, text=stripped))
        value = int(value)
    if value not in interval:
        template = tr("{name}: must be {allowed}, got {value}")
        raise ValueError(template.format(name=name, allowed=allowed, value=format_number(value)))
    return value


class NumberEdit(QLineEdit):
    """A line edit for one number that refuses bad input and keeps its previous value.

    Parameters
    ----------
    name : str
        How the value is called in messages ("learning rate"; English, shown translated).
    interval : Interval
        The numbers allowed (:class:`nnsim.engine.hyperparameters.Interval`; default: any).
    integer : bool
        Whole numbers only; :meth:`value` is then an ``int``.
    optional : bool
        An empty entry is allowed and means "not set" (``None``).

    Signals
    -------
    valueEdited(object)
        The learner committed a new valid value (a float, an int, or None when optional).
    refused(str)
        The learner committed text that is not allowed; the previous value is back in the
        entry and the message says what is allowed.
    """

    valueEdited = Signal(object)
    refused = Signal(str)

    def __init__(
        self,
        name: str = "value",
        interval: Interval = ANY,
        *,
        integer: bool = False,
        optional: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._name = name
        self.interval = interval
        self._integer = integer
        self._optional = optional
        self._value: float | int | None = None
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.editingFinished.connect(self._on_editing_finished)
        self.textEdited.connect(self._on_text_edited)

    # -- the committed value --

    def value(self) -> float | int | None:
        """The last committed (or programmatically set) value."""
        return self._value

    def set_value(self, value: float | int | None) -> None:
        """Show ``value`` (no signal) and make it the value to fall back to.

        Text the learner is typing right now (focus in the entry, not yet committed) is left
        alone; Enter then commits it against the new value.
        """
        self._value = value
        if self.hasFocus() and self.isModified():
            return
        self.setText(format_number(value))
        self.setCursorPosition(0)
        self._set_invalid(False)

    def restore(self) -> None:
        """Put the last committed value back into the entry."""
        self.setModified(False)
        self.set_value(self._value)

    def parse(self, text: str) -> float | int | None:
        """``text`` as this entry's value, or ``ValueError`` with a message."""
        if self._optional and not text.strip():
            return None
        return parse_number(text, name=self._name, interval=self.interval, integer=self._integer)

    # -- handlers --

    def _on_text_edited(self, _text: str) -> None:
        self._set_invalid(False)

    def _on_editing_finished(self) -> None:
        if self.text() == format_number(self._value):
            return  # nothing typed (Enter twice, or focus left an untouched entry)
        self.setModified(False)
        try:
            value = self.parse(self.text())
        except ValueError as err:
            self.restore()
            self._set_invalid(True)
            self.refused.emit(str(err))
            return
        if value == self._value and type(value) is type(self._value):
            self.restore()  # same number, maybe written differently: show it our way
            return
        self._value = value
        self.setText(format_number(value))
        self.setCursorPosition(0)
        self.valueEdited.emit(value)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self.text() != format_number(self._value):
            self.restore()
            return
        super().keyPressEvent(event)

    def _set_invalid(self, invalid: bool) -> None:
        if bool(self.property("invalid")) != invalid:
            self.setProperty("invalid", invalid)
            self.setStyleSheet(_INVALID_STYLE if invalid else "")


class MessageLabel(QLabel):
    """A red, word-wrapped line telling why an edit was refused; hidden while empty."""

    def __init__(self, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setStyleSheet(f"color: {HIGHLIGHT};")
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.hide()

    def show_message(self, text: str) -> None:
        """Show ``text`` (and make the label visible)."""
        self.setText(text)
        self.setToolTip(text)
        self.setVisible(bool(text))

    def clear_message(self) -> None:
        """Hide the label."""
        self.setText("")
        self.setToolTip("")
        self.hide()


class Section(QWidget):
    """A titled block whose body folds away under its header (a compact, collapsible group).

    Put the section's controls into :attr:`body` (a plain ``QWidget``) with any layout.
    ``title`` is English, marked with ``QT_TR_NOOP``: the header shows it translated, again
    after a language switch.
    """

    def __init__(
        self, title: str, object_name: str, expanded: bool = True, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.header = QToolButton(self)
        self.header.setObjectName(f"{object_name}Header")
        self._title = title
        self.header.setCheckable(True)
        self.header.setChecked(expanded)
        self.header.setAutoRaise(True)
        self.header.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.header.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.header.setStyleSheet("QToolButton { font-weight: bold; border: none; }")
        self._set_title()
        rule = QFrame(self)
        rule.setFrameShape(QFrame.Shape.HLine)
        rule.setStyleSheet(f"color: {MUTED};")
        self.body = QWidget(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.header)
        layout.addWidget(rule)
        layout.addWidget(self.body)
        self.header.toggled.connect(self._on_expanded_changed)
        self._on_expanded_changed(expanded)

    def _set_title(self) -> None:
        title = tr(self._title)
        self.header.setText(title.replace("&", "&&"))
        self.header.setToolTip(
            tr("Show or hide the {section} settings.").format(section=title.lower())
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._set_title()
        super().changeEvent(event)

    def is_expanded(self) -> bool:
        """Whether the body is shown."""
        return self.header.isChecked()

    def set_expanded(self, expanded: bool) -> None:
        """Unfold (True) or fold (False) the body."""
        self.header.setChecked(expanded)

    def _on_expanded_changed(self, expanded: bool) -> None:
        arrow = Qt.ArrowType.DownArrow if expanded else Qt.ArrowType.RightArrow
        self.header.setArrowType(arrow)
        self.body.setVisible(expanded)
