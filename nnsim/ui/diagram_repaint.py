"""How often the network diagram repaints while training sends it snapshots.

A diagram of a few hundred edges takes long to repaint, and snapshots come up to ~30 times a
second: drawn each, they would take the whole GUI thread. :class:`RepaintThrottle` measures
each repaint and shows a snapshot at most every ``repaint time / PAINT_SHARE`` seconds,
keeping the newest one back until then; and while training runs, it lets the edges (the
costly part) be restyled only every ``EDGE_PERIOD`` seconds.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Generic, TypeVar

from PySide6.QtCore import QObject, QTimer

PAINT_SHARE = 0.5  # a costly diagram repaints at most this fraction of the time
EDGE_PERIOD = 0.2  # seconds between edge restyles while training: 300+ strokes redrawn

T = TypeVar("T")


class RepaintThrottle(Generic[T]):
    """Shows values (snapshots) through ``show``, no faster than the view can repaint them.

    Parameters
    ----------
    parent
        Owns the timer that shows a held value when its time comes.
    show
        Draws one value (it makes the view repaint).
    clock
        Seconds, rising (``time.perf_counter``; tests pass their own).
    """

    def __init__(
        self,
        parent: QObject,
        show: Callable[[T], None],
        *,
        clock: Callable[[], float] = time.perf_counter,
    ) -> None:
        self._show = show
        self._clock = clock
        self._pending: list[T] = []  # the held value, if any
        self._last_shown = -math.inf
        self._paint_cost = 0.0  # moving average of a repaint's duration, seconds
        self._edges_styled = -math.inf
        self._timer = QTimer(parent)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.flush)

    @property
    def holding(self) -> bool:
        """True while a value waits to be shown."""
        return bool(self._pending)

    @property
    def paint_cost(self) -> float:
        """The moving average of a repaint's duration, in seconds (0 before the first)."""
        return self._paint_cost

    def offer(self, value: T) -> None:
        """Show ``value`` now, or, if the last one was shown too recently for the repaint
        cost, hold it (replacing any held one: the newest wins) until its time comes."""
        self._pending = [value]
        wait = self._last_shown + self._paint_cost / PAINT_SHARE - self._clock()
        if wait > 0.001:
            if not self._timer.isActive():
                self._timer.start(math.ceil(wait * 1000))
            return
        self.flush()

    def flush(self) -> None:
        """Show the held value at once, if any."""
        self._timer.stop()
        if not self._pending:
            return
        value = self._pending.pop()
        self._last_shown = self._clock()
        self._show(value)

    @contextmanager
    def painting(self) -> Iterator[None]:
        """Measure one repaint (wrap the view's ``paintEvent`` in it)."""
        start = self._clock()
        yield
        cost = self._clock() - start
        self._paint_cost = cost if self._paint_cost == 0.0 else 0.8 * self._paint_cost + 0.2 * cost

    def edges_due(self, running: bool) -> bool:
        """Should the edges be restyled now? Always when training is idle; while it runs, at
        most every ``EDGE_PERIOD`` seconds (the thumbnails follow every frame)."""
        now = self._clock()
        if running and now - self._edges_styled < EDGE_PERIOD:
            return False
        self._edges_styled = now
        return True
