"""The network diagram's repaint throttle, on a clock the test moves by hand."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QObject

from nnsim.ui.diagram_repaint import EDGE_PERIOD, PAINT_SHARE, RepaintThrottle


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def shown() -> list[int]:
    return []


@pytest.fixture
def throttle(qapp, clock, shown):
    owner = QObject()
    throttle = RepaintThrottle(owner, shown.append, clock=clock)
    yield throttle
    throttle.flush()
    owner.deleteLater()


def paint(throttle: RepaintThrottle, clock: Clock, seconds: float) -> None:
    with throttle.painting():
        clock.now += seconds


def test_a_cheap_view_shows_every_value_at_once(throttle, shown):
    for value in range(5):
        throttle.offer(value)
    assert shown == [0, 1, 2, 3, 4]
    assert not throttle.holding


def test_a_costly_view_holds_values_back_and_shows_the_newest(qtbot, throttle, clock, shown):
    throttle.offer(1)
    paint(throttle, clock, 0.1)  # a repaint of 0.1 s: at most one every 0.1 / PAINT_SHARE s
    assert throttle.paint_cost == pytest.approx(0.1)
    clock.now += 0.02
    throttle.offer(2)
    throttle.offer(3)
    assert shown == [1] and throttle.holding
    throttle.flush()
    assert shown == [1, 3] and not throttle.holding
    throttle.flush()  # nothing held: nothing shown again
    assert shown == [1, 3]


def test_a_held_value_is_shown_when_its_time_comes(qtbot, throttle, clock, shown):
    throttle.offer(1)
    paint(throttle, clock, 0.05)
    throttle.offer(2)
    assert shown == [1]
    qtbot.waitUntil(lambda: shown == [1, 2], timeout=2000)  # the timer fires by itself
    assert not throttle.holding


def test_once_the_wait_is_over_a_value_is_shown_at_once(throttle, clock, shown):
    throttle.offer(1)
    paint(throttle, clock, 0.1)
    clock.now += 0.1 / PAINT_SHARE
    throttle.offer(2)
    assert shown == [1, 2]


def test_the_paint_cost_is_a_moving_average(throttle, clock):
    paint(throttle, clock, 0.1)
    paint(throttle, clock, 0.2)
    assert throttle.paint_cost == pytest.approx(0.8 * 0.1 + 0.2 * 0.2)


def test_edges_restyle_every_time_when_idle_and_every_edge_period_while_running(throttle, clock):
    assert throttle.edges_due(running=True)  # the first restyle is always due
    assert not throttle.edges_due(running=True)
    clock.now += 1.01 * EDGE_PERIOD
    assert throttle.edges_due(running=True)
    clock.now += EDGE_PERIOD / 2
    assert not throttle.edges_due(running=True)
    assert throttle.edges_due(running=False)  # idle: the newest weights always show
    assert throttle.edges_due(running=False)
    clock.now += EDGE_PERIOD / 2
    assert not throttle.edges_due(running=True)  # counted from the last restyle
    clock.now += EDGE_PERIOD
    assert throttle.edges_due(running=True)
