"""What the window benchmarks measure (``bench_landscape.py``, ``bench_surfaces.py``): how late
a 5 ms timer fires while a window is live, and how long each part of the window's work takes.

- :class:`Lateness`: a 5 ms ``PreciseTimer``; each firing records how much later than 5 ms
  after the previous one it came (wall ms), and the CPU time this thread spent in between
  (``busy``: what the lateness would be on an idle machine; the machine may be shared).
- :class:`Parts`: named buckets of calls timed with ``perf_counter_ns`` (wall) and
  ``thread_time_ns`` (this thread's CPU); :meth:`Parts.wrap` times a method of one object,
  :meth:`Parts.wrap_paints` every paint of the given pyqtgraph widgets (by objectName).
  Make the :class:`Parts` before the windows: PySide resolves a widget's Python
  ``paintEvent`` once, at its first paint, so the timing wrapper must be in place by then.
- :func:`table`: the rows, p50 / p99 / max.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable
from typing import Any

import numpy as np

TIMER_MS = 5
TARGET_MS = 30.0


def wait(seconds: float, until: Callable[[], bool] = lambda: False) -> None:
    """Run the real event loop (not a busy processEvents loop) for ``seconds`` at most."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    check = QTimer()
    check.setInterval(20)
    check.timeout.connect(lambda: until() and loop.quit())
    check.start()
    loop.exec()
    check.stop()


def load_line() -> str:
    load = os.getloadavg()
    return f"load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} on {os.cpu_count()} cores"


class Lateness:
    """A 5 ms timer's lateness (ms) while it runs: :meth:`start`, :meth:`stop`, ``late``."""

    def __init__(self) -> None:
        from PySide6.QtCore import Qt, QTimer

        self.late: list[float] = []
        self.busy: list[float] = []
        self._last = (0, 0)
        self._timer = QTimer()
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(TIMER_MS)
        self._timer.timeout.connect(self._fired)

    def start(self) -> None:
        self.late.clear()
        self.busy.clear()
        self._last = (time.perf_counter_ns(), time.thread_time_ns())
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def _fired(self) -> None:
        now, cpu = time.perf_counter_ns(), time.thread_time_ns()
        self.late.append(max(0.0, (now - self._last[0]) / 1e6 - TIMER_MS))
        self.busy.append((cpu - self._last[1]) / 1e6)
        self._last = (now, cpu)


class Parts:
    """Named buckets of (wall ms, CPU ms), one pair per call."""

    def __init__(self, paints: bool = True) -> None:
        self.calls: dict[str, list[tuple[float, float]]] = {}
        self._paints: dict[str, str] = {}
        self._unpatch: list[Callable[[], None]] = []
        if paints:
            self._patch_paints()

    def clear(self) -> None:
        for calls in self.calls.values():
            calls.clear()

    def timed(self, part: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        calls = self.calls.setdefault(part, [])

        def wrapper(*args: Any, **kwargs: Any) -> Any:
            w, c = time.perf_counter_ns(), time.thread_time_ns()
            try:
                return fn(*args, **kwargs)
            finally:
                wall, cpu = time.perf_counter_ns() - w, time.thread_time_ns() - c
                calls.append((wall / 1e6, cpu / 1e6))

        return wrapper

    def wrap(self, obj: object, name: str, part: str) -> None:
        """Time ``obj.name(...)`` as ``part`` (calls through the attribute: a Qt connection
        made before keeps the untimed method; reconnect it)."""
        setattr(obj, name, self.timed(part, getattr(obj, name)))

    def wrap_paints(self, widgets: Iterable[Any], prefix: str = "paint ") -> None:
        """Time each paint of these pyqtgraph views (GraphicsView.paintEvent is Python)."""
        for w in widgets:
            self._paints[w.objectName()] = prefix + w.objectName()
            self.calls.setdefault(prefix + w.objectName(), [])

    def _patch_paints(self) -> None:
        import pyqtgraph as pg

        original = pg.GraphicsView.paintEvent
        parts = self

        def paint(view: Any, event: Any) -> Any:
            part = parts._paints.get(view.objectName())
            if part is None:
                return original(view, event)
            return parts.timed(part, original)(view, event)

        pg.GraphicsView.paintEvent = paint
        self._unpatch.append(lambda: setattr(pg.GraphicsView, "paintEvent", original))

    def restore(self) -> None:
        for undo in self._unpatch:
            undo()
        self._unpatch.clear()


def stats(values: list[float]) -> tuple[float, float, float]:
    if not values:
        return (float("nan"),) * 3
    a = np.asarray(values)
    return float(np.percentile(a, 50)), float(np.percentile(a, 99)), float(a.max())


HEADER = (
    f"{'':<40}{'n':>6}{'wall p50':>9}{'p99':>7}{'max':>7}{'cpu p50':>9}{'p99':>7}{'max':>7}   (ms)"
)


def row(label: str, wall: list[float], cpu: list[float] | None = None) -> str:
    """p50, p99 and max of the wall times, then of the CPU times (flagged when over 30)."""
    p50, p99, top = stats(wall)
    c50, c99, ctop = stats(cpu or [])
    flag = "  > 30 (cpu)" if ctop > TARGET_MS else "  > 30 (wall)" if top > TARGET_MS else ""
    return (
        f"{label[:40]:<40}{len(wall):>6}{p50:>9.1f}{p99:>7.1f}{top:>7.1f}"
        f"{c50:>9.1f}{c99:>7.1f}{ctop:>7.1f}{flag}"
    )


def lateness_rows(label: str, probe: Lateness) -> list[str]:
    """The timer's lateness (wall) and this thread's CPU between two firings."""
    return [row(f"{label}: 5 ms timer late", probe.late, probe.busy)]


def part_rows(parts: Parts, indent: str = "  ") -> list[str]:
    out = []
    for name, calls in parts.calls.items():
        if calls:
            out.append(row(indent + name, [w for w, _ in calls], [c for _, c in calls]))
    return out
