"""View ▸ Surfaces: optimizers racing on a 2-D surface, beside the main window (not modal).

A contour plot of the surface (log-spaced levels, known minima marked) with each racer's
path in its colour, the start draggable; the loss of each against the step; the regime of
SGD (Distill's (η, μ) picture, with 2/λ_max) and a sentence per racer; one folding section
per racer with its optimizer, rate, hyper-parameters and schedule; Play / Step / Reset, the
speed and the step counter; a preset combo with the article's stories.

The race runs in this (the GUI) thread from a timer: each tick takes the steps the speed
asks for, at most :data:`SLICE_SECONDS` of them; every :data:`DRAW_SECONDS` a tick redraws
instead. A redraw sets the labels at once and the plots one per event-loop turn (paths,
loss, regime picture; each then paints in a turn of its own), so the event loop is never
kept long. Changing any setting restarts the race from the start.

objectNames: ``surfacesWindow``, ``surfacesPresetCombo``, ``surfacesStory``,
``surfaceCombo``, ``surfaceConditionEdit``, ``surfaceAngleEdit``, ``surfacesPlot``
(its start: ``surfacesStart``), ``surfacesLossPlot``, ``surfacesRegimePlot``,
``surfacesRegimeText``, ``surfacesPlayButton``, ``surfacesStepButton``,
``surfacesResetButton``, ``surfacesSpeedCombo``, ``surfacesStepLabel``,
``surfacesMessage``, ``surfacesAddButton``; each racer's section as in
:mod:`nnsim.ui.surfaces.racer_rows`.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from nnsim.engine.surfaces import Bowl, make_surface
from nnsim.training.surface_race import PRESETS, Preset, Race, RacerSpec
from nnsim.ui.compare.loss_plot import run_color
from nnsim.ui.i18n import shown, tr
from nnsim.ui.style import HIGHLIGHT, MUTED
from nnsim.ui.surfaces.choosers import bowl_edits, preset_combo, surface_combo
from nnsim.ui.surfaces.loss_plot import SurfaceLossPlot
from nnsim.ui.surfaces.race_drawing import RaceDrawer
from nnsim.ui.surfaces.racer_rows import RacerSection, RacerSections
from nnsim.ui.surfaces.regime_view import RegimePlot, RegimeText
from nnsim.ui.surfaces.surface_plot import SurfacePlot

__all__ = ["MAX_RACERS", "SLICE_SECONDS", "SPEEDS", "SurfacesWindow"]

SLICE_SECONDS = 0.012  # stepping per timer tick: the event loop is never kept longer
DRAW_SECONDS = 0.1  # while playing, the plots are redrawn this often (a tick of its own)
TICK_MS = 16
MAX_RACERS = 4
SPEEDS = (1, 3, 10, 30, 100, 300, 1000)  # steps per second
_NEW_RACERS = (RacerSpec("sgd", {"lr": 0.01}), RacerSpec("sgd", {"lr": 0.01, "momentum": 0.9}),
               RacerSpec("adam", {"lr": 0.05}), RacerSpec("rmsprop", {"lr": 0.01}))  # fmt: skip


def _speed_for(preset: Preset) -> int:
    """The speed that tells the preset's story in about ten seconds."""
    return min(SPEEDS, key=lambda s: abs(s - preset.steps / 8))


class SurfacesWindow(QDialog):
    """The surfaces window (see the module docstring); starts on the first preset."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("surfacesWindow")
        self.setWindowTitle(tr("Optimizers on 2-D surfaces"))
        self.surface = make_surface("bowl")
        self.start = self.surface.start
        self.specs: list[RacerSpec] = []
        self.race = Race(self.surface, self.start, [])
        self.sections: list[RacerSection] = []  # the shown ones, one per racer
        self._drawn = 0.0  # perf_counter of the last redraw
        self._drew_last = False  # the last tick drew (the next one steps)
        self._regime_key: object = None  # what the regime text was drawn for
        self._story = ""  # the preset's story shown (a Sentence: shown in the UI language)
        self._due = 0.0  # steps owed to the speed, carried between ticks
        self._last_tick = 0.0
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._tick)
        self._build()
        self.racer_panel.changed.connect(self._on_racer_changed)
        self.racer_panel.removeRequested.connect(self.remove_racer)
        self.apply_preset(PRESETS[0])
        self.plot.precompute(p.make_surface() for p in PRESETS)  # in idle turns
        self.drawer.wake()

    # -- building --

    def _build(self) -> None:
        self.preset_combo = preset_combo(self)
        self.surface_combo = surface_combo(self)
        self.condition_edit, self.angle_edit = bowl_edits(self)
        for edit in (self.condition_edit, self.angle_edit):
            edit.refused.connect(lambda text: self._say(text, error=True))
        self.story = QLabel("", self)
        self.story.setObjectName("surfacesStory")
        self.story.setWordWrap(True)
        self.plot = SurfacePlot(self)
        self.loss_plot = SurfaceLossPlot(self)
        self.regime_plot = RegimePlot(self)
        self.drawer = RaceDrawer(self.plot, self.loss_plot, self.regime_plot, self)
        self.regime_text = RegimeText(self)

        self.play_button = self._button(
            tr("Play"), "surfacesPlayButton", tr("Run the race; press again to pause.")
        )
        self.step_button = self._button(
            tr("Step"), "surfacesStepButton", tr("One step of every racer.")
        )
        self.reset_button = self._button(
            tr("Reset"), "surfacesResetButton", tr("Back to the start.")
        )
        self.speed_combo = QComboBox(self)
        self.speed_combo.setObjectName("surfacesSpeedCombo")
        for s in SPEEDS:
            self.speed_combo.addItem("", s)
        self._name_speeds()
        self.speed_combo.setToolTip(tr("How many steps each racer takes per second while playing."))
        self.step_label = QLabel(tr("step {step}").format(step=0), self)
        self.step_label.setObjectName("surfacesStepLabel")
        self.step_label.setMinimumWidth(90)
        self.message = QLabel("", self)
        self.message.setObjectName("surfacesMessage")
        self.message.setWordWrap(True)
        self.add_button = self._button("", "surfacesAddButton", "")
        self._name_add_button()
        self.racer_panel = RacerSections(MAX_RACERS, _NEW_RACERS, self)

        top = QHBoxLayout()
        top.addWidget(QLabel(tr("Preset"), self))
        top.addWidget(self.preset_combo, 2)
        top.addSpacing(12)
        top.addWidget(QLabel(tr("Surface"), self))
        top.addWidget(self.surface_combo, 1)
        self.condition_label = QLabel(tr("condition C"), self)
        self.angle_label = QLabel(tr("angle°"), self)
        for field in (self.condition_label, self.condition_edit, self.angle_label,
                      self.angle_edit):  # fmt: skip
            top.addWidget(field)
        controls = QHBoxLayout()
        for control in (self.play_button, self.step_button, self.reset_button, self.speed_combo,
                        self.step_label):  # fmt: skip
            controls.addWidget(control)
        controls.addWidget(self.message, 1)
        # the texts that change with a preset or a race keep their room (two lines; the
        # regime's below a plot of fixed height): a new text must not move the plots, or
        # the whole window is laid out and painted again
        lines = self.fontMetrics().lineSpacing()
        for label in (self.story, self.message):
            label.setMinimumHeight(2 * lines + 4)
        self.regime_plot.setFixedHeight(max(190, 11 * lines))
        right = QVBoxLayout()
        right.addWidget(self.racer_panel, 1)
        right.addWidget(self.add_button)
        grid = QGridLayout()
        grid.addWidget(self.plot, 0, 0, 2, 1)
        grid.addWidget(self.loss_plot, 0, 1)
        middle = QVBoxLayout()
        middle.addWidget(self.regime_plot)
        middle.addWidget(self.regime_text, 1)
        grid.addLayout(middle, 1, 1)
        grid.setRowStretch(0, 5)
        grid.setRowStretch(1, 6)
        grid.addLayout(right, 0, 2, 2, 1)
        grid.setColumnStretch(0, 5)
        grid.setColumnStretch(1, 4)
        grid.setColumnStretch(2, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.story)
        layout.addLayout(grid, 1)
        layout.addLayout(controls)
        self.resize(1280, 760)

        self.preset_combo.activated.connect(self._on_preset_chosen)
        self.surface_combo.activated.connect(self._on_surface_chosen)
        self.condition_edit.valueEdited.connect(lambda _v: self._on_bowl_edited())
        self.angle_edit.valueEdited.connect(lambda _v: self._on_bowl_edited())
        self.plot.startMoved.connect(self._on_start_moved)
        self.play_button.clicked.connect(self.toggle_play)
        self.step_button.clicked.connect(self.step)
        self.reset_button.clicked.connect(self.restart)
        self.add_button.clicked.connect(self.add_racer)

    def _button(self, text: str, name: str, tip: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setToolTip(tip)
        return button

    def _name_speeds(self) -> None:
        for i, speed in enumerate(SPEEDS):
            self.speed_combo.setItemText(i, tr("{speed} steps/s").format(speed=speed))

    def _name_add_button(self) -> None:
        self.add_button.setText(tr("Add optimizer"))
        self.add_button.setToolTip(tr("Race up to {count} optimizers.").format(count=MAX_RACERS))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:  # the texts made from values, again
            self._name_speeds()
            self._name_add_button()
            self._regime_key = None  # the regime's sentences are made again
            self.story.setText(shown(self._story) if self._story else "")
            self.racer_panel.retranslate()
            self.drawer.relabel()
            self._show()

    # -- what races --

    def apply_preset(self, preset: Preset) -> None:
        """Race ``preset``: its surface, start and racers, at a speed that tells it."""
        self.preset_combo.setCurrentIndex(self.preset_combo.findData(preset.title))
        self._story = preset.story
        self.story.setText(shown(preset.story))
        self.speed_combo.setCurrentIndex(SPEEDS.index(_speed_for(preset)))
        self._set_surface(preset.make_surface(), preset.start)
        self._set_specs(list(preset.racers))

    def _on_preset_chosen(self, index: int) -> None:
        title = self.preset_combo.itemData(index)
        if title is not None:
            self.apply_preset(next(p for p in PRESETS if p.title == title))

    def _custom(self) -> None:
        """A setting was changed by hand: the preset no longer describes the race."""
        self.preset_combo.setCurrentIndex(0)
        self._story = ""
        self.story.setText("")

    def _on_surface_chosen(self, index: int) -> None:
        name = self.surface_combo.itemData(index)
        if name == self.surface.name:
            return
        surface = make_surface(name)
        self._custom()
        self._set_surface(surface, surface.start)
        self.restart()

    def _on_bowl_edited(self) -> None:
        try:
            bowl = Bowl(
                float(self.condition_edit.value() or 1), float(self.angle_edit.value() or 0)
            )
        except ValueError as err:  # (the entries already keep to their intervals)
            self._say(tr("Not changed: {problem}.").format(problem=err), error=True)
            return
        self._custom()
        self._set_surface(bowl, self.start)
        self.restart()

    def _set_surface(self, surface, start) -> None:
        self.surface = surface
        self.surface_combo.setCurrentIndex(self.surface_combo.findData(surface.name))
        is_bowl = isinstance(surface, Bowl)
        for w in (self.condition_label, self.condition_edit, self.angle_label, self.angle_edit):
            w.setVisible(is_bowl)
        if is_bowl:
            self.condition_edit.set_value(surface.condition)
            self.angle_edit.set_value(surface.angle)
        x0, x1, y0, y1 = surface.box
        self.start = (min(max(start[0], x0), x1), min(max(start[1], y0), y1))
        self.plot.set_surface(surface)
        self.plot.set_start(*self.start)
        self.drawer.wake()

    def _on_start_moved(self, x: float, y: float) -> None:
        self.start = (x, y)
        self.restart()

    def _set_specs(self, specs: list[RacerSpec]) -> None:
        """Show ``specs`` in the racer sections and restart."""
        self.specs = specs
        self.sections = self.racer_panel.display(specs)
        self.add_button.setEnabled(len(specs) < MAX_RACERS)
        self.restart()

    def _on_racer_changed(self, index: int, spec: RacerSpec) -> None:
        self.specs[index] = spec
        self._custom()
        self.restart()

    def add_racer(self) -> None:
        """Another optimizer in the race (at most :data:`MAX_RACERS`)."""
        if len(self.specs) < MAX_RACERS:
            self._custom()
            self._set_specs([*self.specs, _NEW_RACERS[len(self.specs) % len(_NEW_RACERS)]])

    def remove_racer(self, index: int) -> None:
        if len(self.specs) > 1:
            self._custom()
            self._set_specs([s for i, s in enumerate(self.specs) if i != index])

    # -- running --

    @property
    def running(self) -> bool:
        return self._timer.isActive()

    @property
    def speed(self) -> int:
        return int(self.speed_combo.currentData())

    def restart(self) -> None:
        """Every racer back at the start, step 0 (playing goes on)."""
        self.race = Race(self.surface, self.start, self.specs)
        self.drawer.new_race(self.race)  # the loss plot's curves and legend, in its turn
        self._say("")
        self._show()

    def toggle_play(self) -> None:
        self.pause() if self.running else self.play()

    def play(self) -> None:
        if self.race.finished:
            self.restart()
        self._due, self._last_tick = 0.0, time.perf_counter()
        self.play_button.setText(tr("Pause"))
        self._timer.start()

    def pause(self) -> None:
        """Stop the race; the plots show where every racer got to."""
        self._timer.stop()
        self.play_button.setText(tr("Play"))
        self._show()

    def step(self) -> None:
        """One step of every racer still going."""
        self.race.step()
        self._show()

    def _tick(self) -> None:
        now = time.perf_counter()
        self._due = min(self._due + (now - self._last_tick) * self.speed, self.speed * 0.25 + 1)
        self._last_tick = now
        drawing = not self._drew_last and now - self._drawn >= DRAW_SECONDS
        self._drew_last = drawing or self.race.finished
        if drawing or self.race.finished:
            self._show()  # a drawing tick (never two in a row): no stepping in it
            if self.race.finished:
                self.pause()
            return
        end = now + SLICE_SECONDS
        while self._due >= 1 and not self.race.finished and time.perf_counter() < end:
            self.race.step()
            self._due -= 1

    # -- showing --

    def _say(self, text: str, *, error: bool = False) -> None:
        self.message.setStyleSheet(f"color: {HIGHLIGHT if error else MUTED};")
        self.message.setText(text)

    def _show(self) -> None:
        """Redraw: the labels now, the plots over the next turns (:meth:`redraw` at once)."""
        self._drawn = time.perf_counter()
        race = self.race
        self.step_label.setText(tr("step {step}").format(step=race.steps_done))
        key = (self.surface, tuple(self.specs), [r.lr for r in race.racers])
        parts = ["paths", "loss"]
        if key != self._regime_key:  # (a schedule changes the rates as it goes)
            self._regime_key = key
            colors = [run_color(i) for i in range(len(race.racers))]
            self.regime_text.show_regimes(self.surface, race.racers, colors)
            parts.append("regime")
        self.drawer.request(parts)
        stopped = [
            tr("{racer} {stopped}.").format(racer=shown(r.spec.label()), stopped=shown(r.stopped))
            for r in race.racers
            if r.stopped
        ]
        if stopped:
            self._say(" ".join(stopped), error=True)

    @property
    def drawn(self) -> bool:
        """The plots show the race and the surface as they are (no redraw under way)."""
        return self.drawer.drawn

    def redraw(self) -> None:
        """Redraw everything now (a picture, a test)."""
        self._show()
        self.drawer.draw_all()

    def closeEvent(self, event) -> None:
        self.pause()
        super().closeEvent(event)
