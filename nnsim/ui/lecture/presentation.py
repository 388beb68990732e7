"""Presentation view: text size for the back row, a projector theme, and hiding controls.

Helpers the main window calls (they work on any top-level widget):

- :func:`apply_font_scale` scales the window's font and calls ``set_font_scale`` on every
  view that draws its own text (plots, diagrams, the lecture view); :func:`zoom_in`,
  :func:`zoom_out`, :func:`reset_zoom` step through :data:`ZOOM_STEPS`.
- :func:`apply_high_contrast` puts on :data:`HIGH_CONTRAST_STYLE`: black on white, thicker
  lines and axes, a little larger text.
- :func:`set_controls_hidden` hides controls by objectName (the experiment's
  ``view.hidden_controls``); :class:`HideControlsDialog` lets the lecturer choose them.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QPen
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

ZOOM_STEPS = (0.75, 0.9, 1.0, 1.15, 1.3, 1.5, 1.75, 2.0, 2.5, 3.0)
"""The font scales Zoom in / Zoom out step through (Ctrl+= / Ctrl+−; Ctrl+0 is 1)."""

_IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")  # what view.hidden_controls accepts
_HIDDEN = "nnsimHiddenByPresentation"
_WAS_HIDDEN = "nnsimHiddenBefore"
_CONTROL_TYPES = (QAbstractButton, QComboBox, QAbstractSlider, QAbstractSpinBox, QLineEdit)
_PANEL_SUFFIXES = ("Section", "Panel", "Plot", "View")


@dataclass(frozen=True)
class HighContrastTheme:
    """A theme for projectors: a style sheet plus what pyqtgraph items get.

    Attributes
    ----------
    stylesheet
        Black text on white, 2 px black borders on every control.
    foreground
        Axis lines and tick labels of every plot.
    axis_width, curve_width
        Pen widths (px) of plot axes and of plotted curves (at least).
    font_boost
        Text is this much larger than the zoom alone makes it.
    """

    stylesheet: str
    foreground: str = "#000000"
    background: str = "#ffffff"
    axis_width: float = 2.0
    curve_width: float = 3.0
    font_boost: float = 1.15


HIGH_CONTRAST_STYLE = HighContrastTheme(
    stylesheet="""
QWidget { color: #000000; background-color: #ffffff; }
QLabel:disabled, QAbstractButton:disabled { color: #555555; }
QPushButton, QToolButton {
    border: 2px solid #000000; border-radius: 4px; padding: 3px 10px; font-weight: bold;
}
QPushButton:pressed, QToolButton:pressed, QToolButton:checked, QPushButton:checked {
    background-color: #000000; color: #ffffff;
}
QPushButton:disabled, QToolButton:disabled { border-color: #888888; }
QLineEdit, QAbstractSpinBox, QComboBox, QTextBrowser, QListWidget {
    border: 2px solid #000000; padding: 2px;
}
QGroupBox { border: 2px solid #000000; margin-top: 1.2em; font-weight: bold; }
QGroupBox::title { subcontrol-origin: margin; left: 8px; }
QMenuBar, QMenu, QToolBar, QStatusBar { background-color: #ffffff; color: #000000; }
QMenu::item:selected, QMenuBar::item:selected { background-color: #000000; color: #ffffff; }
QSplitter::handle { background-color: #000000; }
QToolTip { color: #000000; background-color: #ffffe8; border: 2px solid #000000; }
""".strip()
)
"""The high-contrast theme :func:`apply_high_contrast` applies."""


class _Presentation:
    """What a window's presentation settings are, and what to restore."""

    def __init__(self, window: QWidget) -> None:
        self.base_font = QFont(window.font())
        self.scale = 1.0
        self.high_contrast = False
        self.stylesheet = window.styleSheet()


def _state(window: QWidget) -> _Presentation:
    state = getattr(window, "_nnsim_presentation", None)
    if state is None:
        state = _Presentation(window)
        window._nnsim_presentation = state
    return state


# -- font scale ---------------------------------------------------------------------------------
def font_scale(window: QWidget) -> float:
    """The zoom of ``window`` (1 = normal), as last set by :func:`apply_font_scale`."""
    return _state(window).scale


def apply_font_scale(window: QWidget, scale: float) -> None:
    """Scale every text of ``window`` by ``scale`` (1 = normal; times the high-contrast boost).

    The window's font sets the size of every label, button and field; widgets that draw
    their own text (plots, the network diagram, the decision boundary, the lecture view)
    get ``set_font_scale``; other pyqtgraph plots get their tick fonts scaled.
    """
    scale = float(scale)
    if not (math.isfinite(scale) and scale > 0):
        raise ValueError(f"font scale must be > 0, got {scale}")
    state = _state(window)
    state.scale = scale
    _apply_fonts(window, state)


def zoom_in(window: QWidget) -> float:
    """The next larger step of :data:`ZOOM_STEPS`; returns the new scale."""
    current = font_scale(window)
    scale = next((s for s in ZOOM_STEPS if s > current + 1e-9), ZOOM_STEPS[-1])
    apply_font_scale(window, scale)
    return scale


def zoom_out(window: QWidget) -> float:
    """The next smaller step of :data:`ZOOM_STEPS`; returns the new scale."""
    current = font_scale(window)
    scale = next((s for s in reversed(ZOOM_STEPS) if s < current - 1e-9), ZOOM_STEPS[0])
    apply_font_scale(window, scale)
    return scale


def reset_zoom(window: QWidget) -> float:
    apply_font_scale(window, 1.0)
    return 1.0


def _apply_fonts(window: QWidget, state: _Presentation) -> None:
    effective = state.scale * (HIGH_CONTRAST_STYLE.font_boost if state.high_contrast else 1.0)
    font = QFont(state.base_font)
    base = font.pointSizeF() if font.pointSizeF() > 0 else 9.0
    font.setPointSizeF(base * effective)
    window.setFont(font)
    for widget in _font_scalers(window):
        if isinstance(widget, pg.GraphicsView) and not hasattr(widget, "set_font_scale"):
            _scale_plot_ticks(widget, font)
        else:
            widget.set_font_scale(effective)


def _font_scalers(widget: QWidget) -> Iterator[QWidget]:
    """``widget`` or its top-most descendants that scale their own text (each owns its subtree)."""
    if callable(getattr(widget, "set_font_scale", None)) or isinstance(widget, pg.GraphicsView):
        yield widget
        return
    for child in widget.children():
        if isinstance(child, QWidget):
            yield from _font_scalers(child)


def _scale_plot_ticks(view: pg.GraphicsView, font: QFont) -> None:
    for item in view.scene().items():
        if isinstance(item, pg.AxisItem):
            item.setStyle(tickFont=font)


# -- high contrast ------------------------------------------------------------------------------
def is_high_contrast(window: QWidget) -> bool:
    return _state(window).high_contrast


def apply_high_contrast(window: QWidget, on: bool) -> None:
    """Put :data:`HIGH_CONTRAST_STYLE` on ``window`` (``on``) or take it off again.

    Plots get black, thicker axes and curves at least ``curve_width`` wide (their colours
    stay: they mean something). Calling it again with ``on`` also styles plot items made
    since (e.g. the curve of a new layer).
    """
    state = _state(window)
    theme = HIGH_CONTRAST_STYLE
    if on and not state.high_contrast:
        state.stylesheet = window.styleSheet()
        window.setStyleSheet(f"{state.stylesheet}\n{theme.stylesheet}".strip())
    elif not on and state.high_contrast:
        window.setStyleSheet(state.stylesheet)
    state.high_contrast = bool(on)
    for view in window.findChildren(pg.GraphicsView):
        for item in view.scene().items():
            if isinstance(item, pg.AxisItem):
                _style_axis(item, theme, on)
            elif isinstance(item, pg.PlotDataItem):
                _style_curve(item, theme, on)
    _apply_fonts(window, state)


def _style_axis(axis: pg.AxisItem, theme: HighContrastTheme, on: bool) -> None:
    saved = getattr(axis, "_nnsim_pens", None)
    if on:
        if saved is None:
            axis._nnsim_pens = (QPen(axis.pen()), QPen(axis.textPen()))
        axis.setPen(pg.mkPen(theme.foreground, width=theme.axis_width))
        axis.setTextPen(pg.mkPen(theme.foreground))
    elif saved is not None:
        axis.setPen(saved[0])
        axis.setTextPen(saved[1])
        del axis._nnsim_pens


def _style_curve(curve: pg.PlotDataItem, theme: HighContrastTheme, on: bool) -> None:
    spec = curve.opts.get("pen")
    if spec is None:
        return
    saved = getattr(curve, "_nnsim_pen", None)
    if on:
        pen = QPen(pg.mkPen(spec)) if saved is None else QPen(saved)
        if saved is None:
            curve._nnsim_pen = QPen(pen)
        if pen.style() != Qt.PenStyle.NoPen:
            pen.setWidthF(max(pen.widthF(), theme.curve_width))
            pen.setCosmetic(True)
            curve.setPen(pen)
    elif saved is not None:
        curve.setPen(saved)
        del curve._nnsim_pen


# -- hiding controls ----------------------------------------------------------------------------
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
    parent = widget
    while parent is not None:
        if parent.objectName() == "lectureView":
            return True
        parent = parent.parentWidget()
    return False


def _describe(widget: QWidget) -> str:
    text = widget.text() if isinstance(widget, QAbstractButton | QLabel) else ""
    text = text.replace("&&", "&").strip()
    tip = widget.toolTip().split("\n")[0].split(". ")[0].strip()
    if text and tip and len(text) < 12:
        return f"{text}: {tip}"
    return text or tip or widget.accessibleName()


def set_controls_hidden(window: QWidget, names: Iterable[str]) -> list[str]:
    """Hide the widgets of ``window`` named in ``names``; show again those hidden before and
    no longer named. Returns the names found (unknown names are ignored: a control may
    exist only for some settings)."""
    wanted = set(names)
    found = []
    for widget in window.findChildren(QWidget):
        name = widget.objectName()
        ours = bool(widget.property(_HIDDEN))
        if name and name in wanted:
            if name not in found:
                found.append(name)
            if not ours:
                widget.setProperty(_WAS_HIDDEN, widget.isHidden())
                widget.setProperty(_HIDDEN, True)
            widget.hide()
        elif ours:
            widget.setProperty(_HIDDEN, False)
            widget.setVisible(not widget.property(_WAS_HIDDEN))
    return found


def hidden_controls(window: QWidget) -> list[str]:
    """The names :func:`set_controls_hidden` is keeping hidden."""
    names = []
    for widget in window.findChildren(QWidget):
        if widget.property(_HIDDEN) and widget.objectName() not in names:
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
        self.setWindowTitle("Hide controls")
        hidden = set(hidden)
        intro = QLabel(
            "Checked controls are hidden, so only what is being taught is on screen. "
            "The choice is saved with the experiment."
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
        show_all = QPushButton("Show all")
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
