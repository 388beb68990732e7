"""Plots made just after the window's first frame, so that the window is on screen sooner.

The four plot panels (loss, step along the gradient, gradients, learning rate) are most of
what building the window costs (~0.25 s with their first paint, of a ~1.5 s launch). At
launch (:func:`nnsim.ui.app.open_window`) the window is laid out with a blank place for each,
painted, and each panel is then made and put in its place, drawing the newest snapshot: a
moment later, the same window as one built at once (the same widgets, parents and tab
order). Anything that asks for a panel earlier gets it made there and then.
:class:`PlotsMixin` is that part of MainWindow; :func:`put_in_place` and :class:`PlotPlace`
the layout's side; :class:`AfterFirstFrame` the moment.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QEvent, QObject, QSize, QTimer
from PySide6.QtWidgets import QSplitter, QTabWidget, QWidget

from nnsim.ui.lecture import set_controls_hidden
from nnsim.ui.plots import GradientPanel, LossPanel, LrPanel
from nnsim.ui.plots.base import MIN_HEIGHT, MIN_WIDTH
from nnsim.ui.plots.step_line import StepLinePanel
from nnsim.ui.window_base import MainWindowParts

if TYPE_CHECKING:
    from nnsim.training.experiment import Experiment
    from nnsim.training.snapshot import Snapshot

Plot = LossPanel | StepLinePanel | GradientPanel | LrPanel  # each draws a snapshot
PLOTS: dict[str, Callable[[], Plot]] = {
    "loss_panel": LossPanel,
    "step_line_panel": StepLinePanel,  # a tab beside the loss (window_layout)
    "gradient_panel": GradientPanel,
    "lr_panel": LrPanel,
}
"""The plot panels, by attribute: made with the window, or just after its first frame."""

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


class PlotsMixin(MainWindowParts):
    """MainWindow's plots (for MainWindow, which provides what is declared here): made by
    :meth:`make_plots` (or the first time one is asked for), each into its place."""

    last_snapshot: Snapshot | None
    experiment: Callable[[], Experiment]
    show_error: Callable[[str], None]

    def _init_plots(self, after_first_frame: bool) -> None:
        self._plots: dict[str, Plot] = {}  # made (PLOTS' names)
        self._places: dict[str, QWidget] = {}  # blank places of plots not made yet
        self._defer_plots = after_first_frame

    @property
    def loss_panel(self) -> LossPanel:
        return cast(LossPanel, self._plot("loss_panel"))

    @property
    def step_line_panel(self) -> StepLinePanel:
        return cast(StepLinePanel, self._plot("step_line_panel"))

    @property
    def gradient_panel(self) -> GradientPanel:
        return cast(GradientPanel, self._plot("gradient_panel"))

    @property
    def lr_panel(self) -> LrPanel:
        return cast(LrPanel, self._plot("lr_panel"))

    def place_of(self, name: str) -> QWidget:
        """What the layout puts where plot ``name`` goes: the plot, or a blank place for it."""
        if self._defer_plots and name not in self._plots:
            return self._places.setdefault(name, PlotPlace(self))
        return self._plot(name)

    @property
    def plots_ready(self) -> bool:
        """Whether every plot is made and in its place (at once, unless made after the
        first frame)."""
        return len(self._plots) == len(PLOTS)

    def make_plots(self) -> None:
        """Every plot not made yet, made and put in its place (drawing the newest snapshot)."""
        for name in PLOTS:
            self._plot(name)

    def _plot(self, name: str) -> Plot:
        panel = self._plots.get(name)
        if panel is not None:
            return panel
        panel = self._plots[name] = PLOTS[name]()
        panel.exportFailed.connect(self.show_error)
        if isinstance(panel, StepLinePanel):
            panel.watchedChanged.connect(self._watch_step_line)
        place = self._places.pop(name, None)
        if place is not None:  # made after the layout: into its place, up to date
            put_in_place(place, panel)
            if self.last_snapshot is not None:
                panel.show_snapshot(self.last_snapshot)
            set_controls_hidden(self, self.experiment().view.hidden_controls)
        return panel

    def _watch_step_line(self, on: bool) -> None:
        worker = vars(self).get("worker")  # none yet while the layout is made: nothing to tell
        if worker is not None:
            worker.watch_step_line(on)

    def made_plots(self) -> list[Plot]:
        """The plots made so far."""
        return list(self._plots.values())
