"""The plots made just after the window's first frame (nnsim.ui.deferred_plots): blank places
of the plots' size first, then the same window as one built at once, up to date."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtWidgets import QSplitter, QTabWidget

from nnsim.training.experiment import Experiment, ViewSpec
from nnsim.ui.deferred_plots import PLOTS, PlotPlace
from nnsim.ui.main_window import MainWindow
from nnsim.ui.plots.base import PlotPanel


def where(window: MainWindow, panel) -> tuple:
    """(kind and objectName of the container, index, tab text) of a plot in the layout."""
    parent = panel.parentWidget()
    if isinstance(parent, QSplitter):
        return ("splitter", parent.indexOf(panel), parent.count())
    tabs = parent.parentWidget()
    assert isinstance(tabs, QTabWidget)
    index = tabs.indexOf(panel)
    return (tabs.objectName(), index, tabs.tabText(index), tabs.tabToolTip(index))


@pytest.fixture
def deferred(qtbot, nnsim_settings):
    made = []

    def make(experiment=None, show=True) -> MainWindow:
        window = MainWindow(experiment, plots_after_first_frame=True)
        qtbot.addWidget(window)
        made.append(window)
        if show:
            window.show()
        return window

    yield make
    for window in made:
        window.ask_unsaved_changes = lambda: None
        window.close()


def test_the_first_frame_has_blank_places_then_the_plots_take_them(qtbot, deferred):
    window = deferred(show=False)
    assert not window.plots_ready and window.findChildren(PlotPanel) == []
    places = window.findChildren(PlotPlace)
    assert len(places) == len(PLOTS)
    window.show()
    qtbot.waitUntil(lambda: window.plots_ready and window.last_snapshot is not None)
    qtbot.waitUntil(lambda: window.findChildren(PlotPlace) == [])  # deleted later
    assert len(window.findChildren(PlotPanel)) == len(PLOTS)
    tabs = window.loss_tabs
    assert tabs.currentWidget() is window.loss_panel  # the loss tab stays the one shown
    assert window.step_line_panel.isHidden()


def test_the_layout_equals_a_window_built_at_once(qtbot, deferred, nnsim_settings):
    at_once = MainWindow()
    qtbot.addWidget(at_once)
    at_once.show()
    window = deferred()
    qtbot.waitUntil(lambda: window.plots_ready)
    for name in PLOTS:
        assert where(window, getattr(window, name)) == where(at_once, getattr(at_once, name))
    qtbot.waitUntil(lambda: at_once.last_snapshot is not None)
    sizes = np.array([s.sizes() for s in window.findChildren(QSplitter)], dtype=object)
    expected = [s.sizes() for s in at_once.findChildren(QSplitter)]
    for got, want in zip(sizes, expected, strict=True):  # the places' size hint is one for
        assert np.abs(np.subtract(got, want)).max() <= 4  # all four plots: a pixel or two off
    at_once.ask_unsaved_changes = lambda: None
    at_once.close()


def test_plots_made_after_a_snapshot_draw_it(qtbot, deferred):
    window = deferred()
    qtbot.waitUntil(lambda: window.plots_ready and window.last_snapshot is not None)
    window.step()
    qtbot.waitUntil(lambda: window.last_snapshot.step == 1)
    _, y = window.loss_panel.batch_curve.getData()
    history = window.last_snapshot.history
    assert np.array_equal(y, history["batch_loss"])


def test_asking_for_a_plot_before_the_first_frame_makes_it_in_its_place(qtbot, deferred):
    window = deferred(show=False)
    lr = window.lr_panel  # made now, before any paint
    assert isinstance(lr, PlotPanel) and len(window.findChildren(PlotPanel)) == 1
    assert isinstance(lr.parentWidget(), QSplitter) and not window.plots_ready
    window.show()
    qtbot.waitUntil(lambda: window.plots_ready)
    assert window.lr_panel is lr


def test_a_hidden_plot_stays_hidden_when_made(qtbot, deferred):
    window = deferred(Experiment(view=ViewSpec(hidden_controls=("lrPlot",))))
    qtbot.waitUntil(lambda: window.plots_ready)
    assert window.lr_panel.isHidden() and not window.loss_panel.isHidden()
