"""Drawing a snapshot into the window's views while training runs: one view per event-loop
turn, each painting on a turn of its own.

Drawn in one go, a snapshot of a deep network held the GUI thread for its whole frame (the
views' updates, then one paint of all of them: 27 ms of CPU for six layers of 8, longer on a
busy machine), and a click or a key waited that long. :class:`FrameStages` draws view after
view from zero-delay timer turns; a view's painting is held back (``setUpdatesEnabled``)
while it is updated and let go on the next turn, so each block of the event loop is one
view's update or one view's paint. A snapshot that arrives meanwhile waits for the frame to
end (the window keeps only the newest), so every view of a frame shows the same step.

Paused, stepped, or at a speed that shows every step, a snapshot is drawn at once, whole.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QWidget

from nnsim.training.snapshot import Snapshot


class View(Protocol):
    """What the window draws a snapshot into."""

    def show_snapshot(self, snapshot: Snapshot) -> None: ...


class FrameStages(QObject):
    """Draws snapshots into ``views()`` (widgets with ``show_snapshot``), then calls
    ``shown(snapshot)``.

    :meth:`draw` ``(snapshot, staged=True)`` spreads the frame over event-loop turns;
    ``staged=False`` (and :meth:`finish`) draws what is left at once."""

    def __init__(
        self,
        parent: QObject,
        views: Callable[[], Sequence[View]],
        shown: Callable[[Snapshot], None],
    ) -> None:
        super().__init__(parent)
        self._views = views
        self._shown = shown
        self._snapshot: Snapshot | None = None  # the frame being drawn
        self._due: list[View] = []  # its views not drawn yet, next first
        self._held: QWidget | None = None  # the view drawn last turn, its paint held back
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._next)

    @property
    def drawing(self) -> bool:
        """True while a frame is part drawn."""
        return self._snapshot is not None

    def draw(self, snapshot: Snapshot, *, staged: bool) -> None:
        """Start drawing ``snapshot``: over the next turns if ``staged``, else now (with
        what is left of a frame in progress drawn first, so it ends before this one)."""
        self.finish()
        self._snapshot, self._due = snapshot, list(self._views())
        if staged:
            self._next()
        else:
            self.finish()

    def finish(self) -> None:
        """Draw what is left of the frame in progress now, and let every view paint."""
        self._timer.stop()
        self._release()
        snapshot, self._snapshot = self._snapshot, None
        due, self._due = self._due, []
        if snapshot is None:
            return
        for view in due:
            view.show_snapshot(snapshot)
        self._shown(snapshot)

    def _next(self) -> None:
        """One turn: let last turn's view paint; update the next view with its paint held."""
        self._release()
        snapshot = self._snapshot
        if snapshot is None:
            return
        if not self._due:
            self._snapshot = None
            self._shown(snapshot)
            return
        view = self._due.pop(0)
        if isinstance(view, QWidget) and view.updatesEnabled():
            view.setUpdatesEnabled(False)
            self._held = view
        view.show_snapshot(snapshot)
        self._timer.start()

    def _release(self) -> None:
        held, self._held = self._held, None
        if held is not None:
            held.setUpdatesEnabled(True)  # repaints it whole, after this turn
