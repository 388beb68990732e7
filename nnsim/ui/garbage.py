"""Python's cyclic garbage collector, run only between events of the GUI thread.

Left automatic, the collector runs wherever an allocation crosses its threshold: inside a
paint, or in the snapshot reader or a file-writing thread. Freeing a closed window's Qt
graphics items there crashes the interpreter (a SIGSEGV seen in CI: pyqtgraph's
``prepareForPaint`` allocating, the collector freeing another scene's items). So the window
turns the automatic collector off and collects from a timer in the GUI thread, generation by
generation as the thresholds say, as pyqtgraph's ``GarbageCollector`` does. Reference counting
still frees everything that is not in a cycle at once.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 500


class GuiThreadCollector(QObject):
    """Collects on a GUI-thread timer while started; :meth:`stop` gives collection back to
    Python (and collects once)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.collect)
        self._was_enabled = gc.isenabled()

    def start(self, interval_ms: int = INTERVAL_MS) -> None:
        self._was_enabled = gc.isenabled()
        gc.disable()
        self._timer.start(interval_ms)

    def stop(self) -> None:
        self._timer.stop()
        if self._was_enabled:
            gc.enable()
        gc.collect()

    def collect(self) -> int:
        """Collect the generations whose counts passed their thresholds; the number freed."""
        thresholds, counts = gc.get_threshold(), gc.get_count()
        freed = 0
        for generation in range(3):
            if counts[generation] <= thresholds[generation]:
                break
            freed += gc.collect(generation)
        return freed
