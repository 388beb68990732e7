"""Hiding controls for a class: only what is being taught stays on screen.

:func:`set_controls_hidden` hides a window's widgets by objectName (the experiment's
``view.hidden_controls``, saved with it); :class:`HideControlsDialog` lets the lecturer
choose them from :func:`named_controls`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import cast

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from nnsim.ui.i18n import tr

_IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")  # what view.hidden_controls accepts
_HIDDEN = "nnsimHiddenByPresentation"
_WAS_HIDDEN = "nnsimHiddenBefore"
_NAMED = "nnsimHiddenByName"  # hidden as named (not as the label of a named control)
_CONTROL_TYPES = (QAbstractButton, QComboBox, QAbstractSlider, QAbstractSpinBox, QLineEdit)
_PANEL_SUFFIXES = ("Section", "Panel", "Plot", "View")


def named_controls(window: QWidget) -> list[tuple[str, str]]:
    """``(objectName, description)`` of every control of ``window`` a classroom may hide.

    Buttons, fields, sliders, combo boxes and named sections / panels / plots / views whose
    names are identifiers (what ``view.hidden_controls`` stores), in the window's order,
    leaving out the lecture view's own controls.
    """
    controls, seen = [], set()
    for widget in window.findChildren(QWidget):
        name = widget.objectName()
        if name in seen or not _IDENTIFIER.match(name) or name.startswith("qt_"):
            continue
        if not (isinstance(widget, _CONTROL_TYPES) or name.endswith(_PANEL_SUFFIXES)):
            continue
        if _inside_lecture_view(widget):
            continue
        seen.add(name)
        controls.append((name, _describe(widget)))
    return controls


def _inside_lecture_view(widget: QWidget) -> bool:
    parent: QWidget | None = widget
    while parent is not None:
        if parent.objectName() == "lectureView":
            return True
        parent = parent.parentWidget()
    return False


def _describe(widget: QWidget) -> str:
    text = widget.text() if isinstance(widget, QAbstractButton | QLabel) else ""
    text = text.replace("&&", "&").strip()
    tip = re.split(r"\. |。", widget.toolTip().split("\n")[0])[0].strip()  # its first sentence
    if text and tip and len(text) < 12:
        return f"{text}: {tip}"
    return text or tip or widget.accessibleName()


def set_controls_hidden(window: QWidget, names: Iterable[str]) -> list[str]:
    """Hide the widgets of ``window`` named in ``names`` (and the label of their form row);
    show again those hidden before and no longer named. Returns the names found (unknown
    names are ignored: a control may exist only for some settings)."""
    wanted = set(names)
    found: list[str] = []
    hide: list[QWidget] = []
    for widget in window.findChildren(QWidget):
        name = widget.objectName()
        if name and name in wanted:
            if name not in found:
                found.append(name)
            hide += [widget, *row_companions(widget)]
    ids = {id(w) for w in hide}
    for widget in window.findChildren(QWidget):
        ours = bool(widget.property(_HIDDEN))
        if id(widget) in ids:
            if not ours:
                widget.setProperty(_WAS_HIDDEN, widget.isHidden())
                widget.setProperty(_HIDDEN, True)
            widget.setProperty(_NAMED, widget.objectName() in wanted)
            widget.hide()
        elif ours:
            widget.setProperty(_HIDDEN, False)
            widget.setProperty(_NAMED, False)
            widget.setVisible(not widget.property(_WAS_HIDDEN))
    return found


def row_companions(widget: QWidget) -> list[QWidget]:
    """What goes with ``widget`` when it is hidden: the label of its form row, and the row's
    field if that is ``widget`` plus read-outs only (a slider beside its value)."""
    field = widget
    parent = widget.parentWidget()
    if parent is not None and not isinstance(parent.layout(), QFormLayout):
        others = [w for w in parent.children() if isinstance(w, QWidget) and w is not widget]
        if all(isinstance(w, QLabel) for w in others):
            field = parent
    form = _form_of(field)
    if form is None:
        return []
    label = form.labelForField(field)
    return [w for w in (field if field is not widget else None, label) if w is not None]


def _form_of(field: QWidget) -> QFormLayout | None:
    parent = field.parentWidget()
    if parent is None:
        return None
    forms = [parent.layout(), *parent.findChildren(QFormLayout)]
    for form in forms:
        if not isinstance(form, QFormLayout):
            continue
        # PySide6's stub says getWidgetPosition returns object; it is (row, role), row -1: absent
        position = cast("tuple[int, QFormLayout.ItemRole]", form.getWidgetPosition(field))
        if position[0] >= 0:
            return form
    return None


def hidden_controls(window: QWidget) -> list[str]:
    """The names :func:`set_controls_hidden` is keeping hidden."""
    names = []
    for widget in window.findChildren(QWidget):
        if widget.property(_NAMED) and widget.objectName() not in names:
            names.append(widget.objectName())
    return names


class HideControlsDialog(QDialog):
    """A checklist of the window's named controls: the checked ones are hidden.

    Parameters
    ----------
    window
        The window whose controls are listed (:func:`named_controls`).
    hidden
        The names checked at first (the experiment's ``view.hidden_controls``).
    """

    def __init__(self, window: QWidget, hidden: Iterable[str] = ()) -> None:
        super().__init__(window)
        self.setObjectName("hideControlsDialog")
        self.setWindowTitle(tr("Hide controls"))
        hidden = set(hidden)
        intro = QLabel(
            tr(
                "Checked controls are hidden, so only what is being taught is on screen. "
                "The choice is saved with the experiment."
            )
        )
        intro.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setObjectName("hideControlsList")
        for name, description in named_controls(window):
            item = QListWidgetItem(f"{description}  ({name})" if description else name)
            item.setData(Qt.ItemDataRole.UserRole, name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = name in hidden
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            self.list.addItem(item)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        show_all = QPushButton(tr("Show all"))
        show_all.setObjectName("showAllControlsButton")
        show_all.clicked.connect(self.show_all)
        buttons.addButton(show_all, QDialogButtonBox.ButtonRole.ResetRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        self.resize(560, 640)

    def _items(self) -> Iterator[QListWidgetItem]:
        for row in range(self.list.count()):
            yield self.list.item(row)

    def names(self) -> list[str]:
        """Every control listed."""
        return [item.data(Qt.ItemDataRole.UserRole) for item in self._items()]

    def hidden_controls(self) -> tuple[str, ...]:
        """The checked names, in the window's order."""
        return tuple(
            item.data(Qt.ItemDataRole.UserRole)
            for item in self._items()
            if item.checkState() == Qt.CheckState.Checked
        )

    def set_hidden(self, name: str, hidden: bool = True) -> None:
        """Check (or uncheck) control ``name``."""
        for item in self._items():
            if item.data(Qt.ItemDataRole.UserRole) == name:
                state = Qt.CheckState.Checked if hidden else Qt.CheckState.Unchecked
                item.setCheckState(state)
                return
        raise KeyError(name)

    def show_all(self) -> None:
        for item in self._items():
            item.setCheckState(Qt.CheckState.Unchecked)
