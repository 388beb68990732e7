"""One file written at a time in a worker thread, watched from the GUI thread.

Building an exported script or encoding a 4× PNG can take longer than a frame, so the
exports write in a worker thread; a timer on the GUI thread looks every :data:`POLL_MS` ms
whether the write has finished and then says so through ``finished`` (a message for the
status bar, and whether it is an error). Widgets are touched only from that timer's slot.

Work that goes through Qt's signals and slots (``QTextDocument`` connects its layout's) is
:meth:`~BackgroundWriter.run_here`, on the GUI thread: PySide runs a Qt call with the GIL
held, so a worker thread waiting there for Qt's connection lock while the GUI thread holds it
and waits for the GIL (a Python override called from ``QObject::disconnect``) is a deadlock;
one froze a CI run in the report's test, with the PDF written in the worker.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

POLL_MS = 30  # how often the window looks whether the file has been written


class BackgroundWriter(QObject):
    """Subclasses start a write with :meth:`submit` and turn its outcome (the finished
    future) into a message in :meth:`report`."""

    finished = Signal(str, bool)  # the status-bar message, whether it is an error

    def __init__(self, thread_name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix=thread_name)
        self._future: Future[Any] | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._check)

    @property
    def busy(self) -> bool:
        """Whether a write is under way (another is refused until it ends)."""
        return self._future is not None

    def submit(self, write: Callable[..., Any], *args: Any) -> bool:
        """Run ``write(*args)`` in the worker thread; False (nothing started) while busy."""
        if self._future is not None:
            return False
        self._future = self._pool.submit(write, *args)
        self._timer.start()
        return True

    def run_here(self, write: Callable[..., Any], *args: Any) -> None:
        """Run ``write(*args)`` now, on this (the GUI) thread, and say how it went as
        :meth:`submit`'s writes do: for Qt work a worker thread must not do (see above)."""
        future: Future[Any] = Future()
        try:
            future.set_result(write(*args))
        except Exception as err:  # said through report(), as a worker's would be
            future.set_exception(err)
        self.report(future)

    def report(self, future: Future[Any]) -> None:
        """Say how the finished ``future`` went (emit ``finished``)."""
        raise NotImplementedError

    def _check(self) -> None:
        future = self._future
        if future is None or not future.done():
            return
        self._timer.stop()
        self._future = None
        self.report(future)

    def shutdown(self) -> None:
        """Stop watching and wait for a write under way."""
        self._timer.stop()
        self._pool.shutdown(wait=True)
