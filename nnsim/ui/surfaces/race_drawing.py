"""The surfaces window's plots redrawn a piece per turn of the event loop.

One zero-delay timer draws one piece per turn: the racers' paths, the loss plot (with its
curves and legend for a new race), the regime picture, and, alternating with those, the
surface plot's own work (a new surface's shade, its contours, then the presets' contours
ahead: :meth:`SurfacePlot.work`). One timer, not one per plot: zero-delay timers due
together fire in the same turn, before any paint, so each piece and its paint get a turn of
their own only if they are drawn by one.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QObject, QTimer

from nnsim.training.surface_race import Race
from nnsim.ui.compare.loss_plot import run_color
from nnsim.ui.i18n import shown
from nnsim.ui.surfaces.loss_plot import SurfaceLossPlot
from nnsim.ui.surfaces.regime_view import RegimePlot
from nnsim.ui.surfaces.surface_plot import SurfacePlot

__all__ = ["PARTS", "RaceDrawer"]

PARTS = ("paths", "loss", "regime")


class RaceDrawer(QObject):
    """Draws ``race`` (:meth:`new_race`) on the three plots as :meth:`request` asks."""

    def __init__(
        self,
        plot: SurfacePlot,
        loss_plot: SurfaceLossPlot,
        regime_plot: RegimePlot,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.plot, self.loss_plot, self.regime_plot = plot, loss_plot, regime_plot
        self.race: Race | None = None
        self._stale: list[str] = []  # the parts still to draw, in order
        self._new_racers = True  # the race was replaced since the loss plot was drawn
        self._plot_turn = False  # the surface plot's turn next (it and the parts alternate)
        self.timer = QTimer(self)
        self.timer.setInterval(0)
        self.timer.timeout.connect(self._draw_a_piece)

    def new_race(self, race: Race) -> None:
        self.race = race
        self._new_racers = True

    def relabel(self) -> None:
        """The racers' legend again (their labels in the UI's language, after a switch)."""
        self._new_racers = True
        self.request(["loss"])

    def request(self, parts: Iterable[str]) -> None:
        """Draw ``parts`` (of :data:`PARTS`) over the next turns."""
        self._stale += [p for p in parts if p not in self._stale]
        self.wake()

    def wake(self) -> None:
        """There is drawing to do (the surface plot's, too)."""
        self.timer.start()

    @property
    def drawn(self) -> bool:
        """The plots show the race and the surface as they are."""
        return not self._stale and not self.plot.busy

    def draw_all(self) -> None:
        """Everything requested, now (a picture, a test)."""
        while self.plot.busy:
            self.plot.work()
        while self._stale:
            self._draw_part(self._stale.pop(0))

    def _draw_a_piece(self) -> None:
        self._plot_turn = not self._plot_turn
        if self._stale and not (self._plot_turn and self.plot.busy):
            self._draw_part(self._stale.pop(0))
        elif not self.plot.work():
            self.timer.stop()

    def _draw_part(self, part: str) -> None:
        race = self.race
        assert race is not None, "parts are requested only once a race is drawn"
        colors = [run_color(i) for i in range(len(race.racers))]
        if part == "paths":
            self.plot.show_racers(race.racers, colors)
        elif part == "loss":
            if self._new_racers:
                self._new_racers = False
                self.loss_plot.set_racers([shown(s.label()) for s in race.specs], race.surface)
            self.loss_plot.show_racers(race.racers)
        else:
            self.regime_plot.show_regimes(race.surface, race.racers, colors)
