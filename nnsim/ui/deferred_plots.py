"""Plots made just after the window's first frame, so that the window is on screen sooner.

The four plot panels (loss, step along the gradient, gradients, learning rate) are most of
what building the window costs (~0.25 s with their first paint, of a ~1.5 s launch). At
launch (:func:`nnsim.ui.app.open_window`) the window is laid out with a blank place for each,
painted, and each panel is then made and put in its place, drawing the newest snapshot: a
moment later, the same window as one built at once (the same widgets, parents and tab
order). Anything that asks for a panel earlier gets it made there and then.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QSize, QTimer
from PySide6.QtWidgets import QSplitter, QTabWidget, QWidget

from nnsim.ui.plots.base import MIN_HEIGHT, MIN_WIDTH

PLOT_SIZE_HINT = QSize(640, 500)  # a plot panel's (pyqtgraph's view, 640 × 480, and its header)


class PlotPlace(QWidget):
    """A blank place, sized as the plot panel it stands for, so the layout does not move
    when the panel takes it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumSize(MIN_WIDTH, MIN_HEIGHT)

    def sizeHint(self) -> QSize:
        return PLOT_SIZE_HINT


def put_in_place(place: QWidget, panel: QWidget) -> None:
    """``panel`` where ``place`` is, in a splitter or a tab widget (its tab's text and
    tooltip, still current if it was, no other tab shown meanwhile); ``place`` goes."""
    parent = place.parentWidget()
    tabs = parent.parentWidget() if parent is not None else None
    if isinstance(parent, QSplitter):
        sizes = parent.sizes()
        parent.replaceWidget(parent.indexOf(place), panel)
        parent.setSizes(sizes)  # as laid out for the first frame
    elif isinstance(tabs, QTabWidget):
        index, current = tabs.indexOf(place), tabs.currentWidget() is place
        tabs.insertTab(index + 1, panel, tabs.tabText(index))
        tabs.setTabToolTip(index + 1, tabs.tabToolTip(index))
        if current:
            tabs.setCurrentIndex(index + 1)
        tabs.removeTab(index)
    else:
        raise TypeError(f"a place in a {type(parent).__name__}: expected a splitter or tabs")
    place.hide()
    place.deleteLater()


class AfterFirstFrame(QObject):
    """Calls ``then`` once, right after ``window``'s first paint (the whole pass)."""

    def __init__(self, window: QWidget, then: Callable[[], None]) -> None:
        super().__init__(window)
        self._window, self._then = window, then
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() == QEvent.Type.Paint:
            self._window.removeEventFilter(self)
            QTimer.singleShot(0, self._then)  # the top level paints first: after the pass
        return False
