"""Presentation view: text size for the back row and a theme for projectors.

Helpers the main window calls (they work on any top-level widget):

- :func:`apply_font_scale` scales the window's font and calls ``set_font_scale`` on every
  view that draws its own text (plots, diagrams, the lecture view); :func:`zoom_in`,
  :func:`zoom_out`, :func:`reset_zoom` step through :data:`ZOOM_STEPS`.
- :func:`apply_high_contrast` puts on :data:`HIGH_CONTRAST_STYLE`: black on white, thicker
  lines and axes, a little larger text.
- Hiding controls (:func:`set_controls_hidden`, :class:`HideControlsDialog`) is in
  :mod:`.hide_controls`.
"""

from __future__ import annotations

import math
import weakref
from dataclasses import dataclass

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QPalette, QPen
from PySide6.QtWidgets import QApplication, QWidget

ZOOM_STEPS = (0.75, 0.9, 1.0, 1.15, 1.3, 1.5, 1.75, 2.0, 2.5, 3.0)
"""The font scales Zoom in / Zoom out step through (Ctrl+= / Ctrl+−; Ctrl+0 is 1)."""


@dataclass(frozen=True)
class HighContrastTheme:
    """A theme for projectors: a style sheet plus what pyqtgraph items get.

    Attributes
    ----------
    stylesheet
        2 px black borders on buttons and fields (the colours come from a palette:
        :func:`high_contrast_palette`).
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
    font_boost: float = 1.1


HIGH_CONTRAST_STYLE = HighContrastTheme(
    stylesheet="""
QPushButton, QToolButton { border: 2px solid #000000; border-radius: 4px; padding: 3px 10px; }
QPushButton:pressed, QToolButton:pressed, QToolButton:checked, QPushButton:checked {
    background-color: #000000; color: #ffffff;
}
QPushButton:disabled, QToolButton:disabled { border-color: #888888; color: #666666; }
QLineEdit, QTextBrowser, QListWidget { border: 2px solid #000000; }
QSplitter::handle { background-color: #000000; }
QToolTip { color: #000000; background-color: #ffffe8; border: 2px solid #000000; }
""".strip()
)
"""The high-contrast theme :func:`apply_high_contrast` applies (no font rules: a style sheet
that sets fonts would stop the zoom from reaching the widgets it styles)."""


class _Presentation:
    """What a window's presentation settings are, and what to restore."""

    def __init__(self, window: QWidget) -> None:
        self.base_font = QFont(window.font())
        self.point_size = _point_size(self.base_font)  # the window's text size now
        self.scale = 1.0
        self.high_contrast = False
        self.stylesheet = window.styleSheet()
        self.palette: QPalette | None = None  # the window's own palette, if it had one


def _point_size(font: QFont) -> float:
    return font.pointSizeF() if font.pointSizeF() > 0 else 9.0


def enable_style_sheet_font_propagation() -> None:
    """Let fonts reach widgets that have a style sheet (Qt stops them by default).

    Call it before building a window whose text is to be zoomed: a widget styled (e.g.
    ``color: grey``) without it keeps the font size it had when its style sheet was set.
    """
    QApplication.setAttribute(Qt.ApplicationAttribute.AA_UseStyleSheetPropagationInWidgetStyles)


# Kept beside the objects, not on them (they are Qt's and pyqtgraph's): each goes with its key.
_PRESENTATIONS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()  # window → _Presentation
_SAVED_PENS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()  # axis, curve → its pens


def _state(window: QWidget) -> _Presentation:
    state = _PRESENTATIONS.get(window)
    if state is None:
        state = _PRESENTATIONS[window] = _Presentation(window)
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
    enable_style_sheet_font_propagation()
    effective = state.scale * (HIGH_CONTRAST_STYLE.font_boost if state.high_contrast else 1.0)
    font = QFont(state.base_font)
    size = _point_size(font) * effective
    font.setPointSizeF(size)
    old, state.point_size = state.point_size, size
    window.setFont(font)
    scalers, others = [], []
    _split(window, scalers, others)
    for widget in others:  # fonts a style sheet pinned at the old size (see above)
        current = widget.font()
        if abs(current.pointSizeF() - old) < 1e-6 and abs(old - size) > 1e-6:
            current.setPointSizeF(size)
            widget.setFont(current)
    for widget in scalers:
        if hasattr(widget, "set_font_scale"):
            widget.set_font_scale(effective)
        else:
            _scale_plot_ticks(widget, font)


def _split(widget: QWidget, scalers: list[QWidget], others: list[QWidget]) -> None:
    """Sort ``widget``'s subtree: the top-most widgets that scale their own text (each owns
    its subtree: plots, views) and every other widget."""
    if callable(getattr(widget, "set_font_scale", None)) or isinstance(widget, pg.GraphicsView):
        scalers.append(widget)
        return
    others.append(widget)
    for child in widget.children():
        if isinstance(child, QWidget):
            _split(child, scalers, others)


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
    enable_style_sheet_font_propagation()
    state = _state(window)
    theme = HIGH_CONTRAST_STYLE
    if on and not state.high_contrast:
        state.stylesheet = window.styleSheet()
        own = window.testAttribute(Qt.WidgetAttribute.WA_SetPalette)
        state.palette = QPalette(window.palette()) if own else None
        window.setPalette(high_contrast_palette(theme))
        window.setStyleSheet(f"{state.stylesheet}\n{theme.stylesheet}".strip())
    elif not on and state.high_contrast:
        window.setStyleSheet(state.stylesheet)
        window.setPalette(state.palette if state.palette is not None else QPalette())
    state.high_contrast = bool(on)
    for view in window.findChildren(pg.GraphicsView):
        for item in view.scene().items():
            if isinstance(item, pg.AxisItem):
                _style_axis(item, theme, on)
            elif isinstance(item, pg.PlotDataItem):
                _style_curve(item, theme, on)
    _apply_fonts(window, state)


def high_contrast_palette(theme: HighContrastTheme = HIGH_CONTRAST_STYLE) -> QPalette:
    """Black text, frames and selections on white."""
    fg, bg = QColor(theme.foreground), QColor(theme.background)
    palette = QPalette(QApplication.palette())
    role = QPalette.ColorRole
    for r in (role.WindowText, role.Text, role.ButtonText, role.ToolTipText, role.BrightText):
        palette.setColor(r, fg)
    for r in (role.Window, role.Base, role.AlternateBase, role.Button, role.ToolTipBase):
        palette.setColor(r, bg)
    for r in (role.Mid, role.Dark, role.Shadow, role.Highlight):
        palette.setColor(r, fg)
    palette.setColor(role.HighlightedText, bg)
    palette.setColor(role.PlaceholderText, QColor("#555555"))
    return palette


def _style_axis(axis: pg.AxisItem, theme: HighContrastTheme, on: bool) -> None:
    saved = _SAVED_PENS.get(axis)
    if on:
        if saved is None:
            _SAVED_PENS[axis] = (QPen(axis.pen()), QPen(axis.textPen()))
        axis.setPen(pg.mkPen(theme.foreground, width=theme.axis_width))
        axis.setTextPen(pg.mkPen(theme.foreground))
    elif saved is not None:
        axis.setPen(saved[0])
        axis.setTextPen(saved[1])
        del _SAVED_PENS[axis]


def _style_curve(curve: pg.PlotDataItem, theme: HighContrastTheme, on: bool) -> None:
    spec = curve.opts.get("pen")
    if spec is None:
        return
    saved = _SAVED_PENS.get(curve)
    if on:
        pen = QPen(pg.mkPen(spec)) if saved is None else QPen(saved)
        if saved is None:
            _SAVED_PENS[curve] = QPen(pen)
        if pen.style() != Qt.PenStyle.NoPen:
            pen.setWidthF(max(pen.widthF(), theme.curve_width))
            pen.setCosmetic(True)
            curve.setPen(pen)
    elif saved is not None:
        curve.setPen(saved)
        del _SAVED_PENS[curve]
