"""Python's cyclic collector runs from the GUI thread's timer while windows are open."""

from __future__ import annotations

import gc
import weakref

from nnsim.ui.garbage import GuiThreadCollector


class Node:
    def __init__(self) -> None:
        self.me = self  # a cycle: only the cyclic collector frees it


def test_cycles_are_freed_by_the_gui_thread_timer_and_never_automatically(qtbot):
    collector = GuiThreadCollector()
    was = gc.isenabled()
    collector.start(interval_ms=10)
    try:
        assert not gc.isenabled()
        node = Node()
        gone = weakref.ref(node)
        del node
        gc.collect()  # empty the generations so that the counts start low
        junk = [Node() for _ in range(gc.get_threshold()[0] + 10)]  # past the threshold
        gone = weakref.ref(junk[0])
        del junk
        assert gone() is not None  # not freed by an automatic collection
        qtbot.waitUntil(lambda: gone() is None, timeout=2000)  # freed from the timer
    finally:
        collector.stop()
    assert gc.isenabled() == was


def test_the_window_fixture_runs_with_the_collector(window):
    assert not gc.isenabled()
