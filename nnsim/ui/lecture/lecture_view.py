"""The lecture mode's step-through layout: one training step, phase by phase, with its numbers.

Across the top the phase bar and the navigation; in the middle the network diagram (its own
:class:`~nnsim.ui.network_view.NetworkView`) with the active layer marked: a forward phase
writes each neuron's activation beside it and draws the layer's weights (scaled to the
largest, so small initial weights show), a backward phase writes each neuron's δ (dZ) and
draws the layer's edges by their gradient dW, the Update draws every edge by its step −η·dW.
On the right the numbers panel (and a lesson's text in a second tab); on the left the data
(click a point to send it through) and the source chooser.

The view drives a :class:`~nnsim.training.lecture.LectureSession` on a trainer of its own in
the GUI thread (a class network computes a phase in microseconds); the window's training
process only hands over its trainer's state on entering and may take the lecture's back on
leaving (see :mod:`.window_mode`). Keys: →, Space, PageDown next phase; ←, PageUp previous; End runs
to the end of the step.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from nnsim.training.grid import GridPredictor
from nnsim.training.lecture import LectureSession, make_source
from nnsim.training.snapshot import Snapshot, take_snapshot
from nnsim.training.trainer import DivergedError
from nnsim.ui.i18n import shown, tr
from nnsim.ui.lecture.data_column import DataColumn
from nnsim.ui.lecture.diagram import LectureNetworkView, phase_overlays, show_overlays
from nnsim.ui.lecture.lesson_panel import LessonPanel
from nnsim.ui.lecture.lessons import LessonText
from nnsim.ui.lecture.numbers_panel import NumbersPanel
from nnsim.ui.lecture.phase_bar import PhaseBar, phase_title, step_text
from nnsim.ui.plots.step_line import LectureStepLine, StepLinePanel

GRID_RESOLUTION = 60  # of the thumbnails and the decision boundary
# What the class reads is larger than the window's text (the controls keep its size).
TEXT_SCALE = 1.15  # the lesson's text
TITLE_SCALE = 1.6  # the phase label
BAR_SCALE = 1.25  # the phase bar
DIAGRAM_SCALE = 1.1  # the numbers in the diagram (larger ones run into the next column)
NEXT_KEYS = (Qt.Key.Key_Right, Qt.Key.Key_Space, Qt.Key.Key_PageDown)
PREVIOUS_KEYS = (Qt.Key.Key_Left, Qt.Key.Key_PageUp)


class LectureView(QWidget):
    """Walks a :class:`LectureSession` phase by phase; see the module docstring.

    Signals
    -------
    phaseChanged(position)
        The view moved to another phase (−1: before the first of a step).
    """

    phaseChanged = Signal(int)

    def __init__(
        self,
        session: LectureSession | None = None,
        parent: QWidget | None = None,
        *,
        lesson: LessonText | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("lectureView")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._session: LectureSession | None = None
        self._grid: GridPredictor | None = None
        self._shown: tuple[int, bytes] | None = None  # (steps, weights) the diagram shows
        self._font_scale = 1.0
        self.snapshot: Snapshot | None = None  # what the diagram and the boundary show
        self._build()
        self.set_font_scale(1.0)
        if session is not None:
            self.set_session(session, lesson)

    # -- construction ----------------------------------------------------------------------------
    def _build(self) -> None:
        self.phase_bar = PhaseBar(self)
        self.phase_bar.phaseClicked.connect(self.go_to)
        self.phase_label = QLabel(self)
        self.phase_label.setObjectName("phaseLabel")
        self.phase_label.setWordWrap(True)  # at a large zoom, onto two lines rather than cut
        self.message = QLabel(self)
        self.message.setObjectName("lectureMessage")
        self.message.setStyleSheet("color: #b00020;")
        self.message.setWordWrap(True)

        def button(name: str, text: str, tip: str, slot) -> QPushButton:
            b = QPushButton(text, self)
            b.setObjectName(name)
            b.setToolTip(tip)
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            b.clicked.connect(slot)
            return b

        self.previous_button = button(
            "previousPhaseButton", tr("◀ Previous"), tr("Previous phase (← or PageUp)"),
            self.previous_phase,
        )  # fmt: skip
        self.next_button = button(
            "nextPhaseButton", tr("Next ▶"), tr("Next phase (→, Space or PageDown)"),
            self.next_phase,
        )  # fmt: skip
        self.run_button = button(
            "runToEndButton", tr("Run to end of step"), tr("Apply the whole step (End)"),
            self.run_to_end_of_step,
        )  # fmt: skip

        self.network_view = LectureNetworkView(self)
        self.network_view.setObjectName("lectureNetworkView")
        self.network_view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.network_view.weightChosen.connect(self._on_weight_chosen)
        self.network_view.biasChosen.connect(self._on_bias_chosen)
        self.data_column = DataColumn(self)
        self.boundary_view, self.sources = self.data_column.boundary_view, self.data_column.sources
        self.boundary_view.pointAdded.connect(self._on_point_clicked)
        self.network_view.neuronHovered.connect(self.boundary_view.show_neuron)
        self.sources.sourceChosen.connect(self._on_source_chosen)
        for box in (self.sources.x1_spin, self.sources.x2_spin, self.sources.target_spin):
            box.lineEdit().returnPressed.connect(self.setFocus)  # back to walking the phases
        self.numbers = NumbersPanel(self)
        self.numbers.choiceChanged.connect(self._show_numbers)
        self.lesson_panel = LessonPanel(self)
        self.lesson_panel.hide()  # until a lesson puts it in a tab
        self.tabs = QTabWidget(self)  # the numbers and, for a lesson, its text
        self.tabs.setObjectName("lectureTabs")
        self.tabs.tabBar().setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.tabs.addTab(self.numbers, tr("Numbers"))
        panel = StepLinePanel(self, "lectureStepLinePanel", "lectureStepLinePlot")
        self.step_line = LectureStepLine(panel)  # at each Update: the step along the gradient
        self.tabs.addTab(panel, tr("Step along the gradient"))

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("lectureSplitter")
        for widget in (self.data_column, self.network_view, self.tabs):
            self.splitter.addWidget(widget)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 5)
        self.splitter.setStretchFactor(2, 5)
        self.splitter.setSizes([270, 730, 600])

        navigation = QHBoxLayout()
        navigation.addWidget(self.phase_label, 1)
        for b in (self.previous_button, self.next_button, self.run_button):
            navigation.addWidget(b)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addWidget(self.phase_bar)
        layout.addLayout(navigation)
        layout.addWidget(self.message)
        layout.addWidget(self.splitter, 1)
        self.message.hide()

        # Window-wide while the view is shown (a clicker's PageDown must work whatever has the
        # focus); a hidden view's shortcuts are off. Fields keep their own arrows and Space.
        # The window's own keys for the same presses must be off meanwhile (LectureMode does).
        keys = [(k, self.next_phase) for k in NEXT_KEYS]
        keys += [(k, self.previous_phase) for k in PREVIOUS_KEYS]
        keys.append((Qt.Key.Key_End, self.run_to_end_of_step))
        for key, slot in keys:
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(slot)

    # -- the session -------------------------------------------------------------------------------
    @property
    def session(self) -> LectureSession | None:
        return self._session

    def set_session(self, session: LectureSession, lesson: LessonText | None = None) -> None:
        """Walk ``session`` (and show ``lesson``'s text, or none)."""
        self._session = session
        trainer = session.trainer
        data = trainer.data
        self.network_view.set_structure_from_experiment(trainer.experiment)
        self._grid = GridPredictor(data.features, GRID_RESOLUTION)
        self.data_column.set_data(data, trainer.network.loss.name)
        sizes = trainer.network.sizes
        self.numbers.set_limits(max(sizes[1:]), max(sizes[:-1]))
        self.phase_bar.set_titles(session.titles)
        self._shown = None
        self.set_lesson(lesson)
        self.refresh()

    def set_lesson(self, lesson: LessonText | None) -> None:
        """Show a lesson's text in a tab beside the numbers (None: no such tab)."""
        self.lesson_panel.set_lesson(lesson)
        index = self.tabs.indexOf(self.lesson_panel)
        if lesson is not None and index < 0:
            self.tabs.addTab(self.lesson_panel, tr("Lesson"))
        elif lesson is None and index >= 0:
            self.tabs.removeTab(index)
            self.lesson_panel.hide()

    def show_lesson_text(self, shown: bool = True) -> None:
        """Bring the lesson's tab (or the numbers') to the front."""
        page = self.lesson_panel if shown else self.numbers
        if self.tabs.indexOf(page) >= 0:
            self.tabs.setCurrentWidget(page)

    # -- moving ----------------------------------------------------------------------------------
    def next_phase(self) -> None:
        self._move(lambda s: s.next_phase())

    def previous_phase(self) -> None:
        self._move(lambda s: s.previous_phase())

    def run_to_end_of_step(self) -> None:
        self._move(lambda s: s.run_to_end_of_step())

    def go_to(self, position: int) -> None:
        """Go to phase ``position`` of the current step (applying or undoing its Update)."""
        self._move(lambda s: s.go_to(position))

    def _move(self, action) -> None:
        if self._session is None:
            return
        try:
            action(self._session)
        except DivergedError as err:
            self._say(
                tr("Training diverged: {reason}. Go back (←), or lower the learning rate.").format(
                    reason=str(err)  # the trainer's words (translated where it makes them)
                )
            )
        except RuntimeError as err:  # e.g. the trainer was changed behind the session's back
            self._say(str(err))
        else:
            self._say("")
        self.refresh()

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    # -- choosing what flows through -----------------------------------------------------------
    def choose_sample(self, index: int) -> None:
        """Send training sample ``index`` through the network (from Forward L1 of this step if
        its Update has not been applied yet, else from the next step)."""
        self.sources.choose("sample", index=index)

    def choose_batch(self) -> None:
        """Send the trainer's mini-batches through again."""
        self.sources.choose("batch")

    def choose_custom(self, x1: float, x2: float, y: float) -> None:
        """Send a sample typed in by hand through the network."""
        self.sources.choose("custom", x=(x1, x2), y=y)

    def _on_source_chosen(self, kind: str, values: dict) -> None:
        session = self._session
        if session is None:
            return
        try:
            make_source(session.trainer, kind, **values)  # check before moving
        except ValueError as err:
            self._say(shown(getattr(err, "text", str(err))))
            self.sources.show_source(session.source)
            return
        restart = session.position >= 0 and not session.at_update
        if restart:  # the new sample replaces this step's batch: back to before the step
            while session.position > 0:
                session.previous_phase()
            session.previous_phase()
        session.set_source(kind, **values)
        self._say("")
        if restart:
            self._move(lambda s: s.next_phase())
        else:
            self.refresh()

    def _on_point_clicked(self, x1: float, x2: float, shift: bool = False) -> None:
        if self._session is None:
            return
        if self.sources.kind() == "custom":
            self.choose_custom(x1, x2, self.sources.target_spin.value())
            return
        nearest = self.data_column.nearest_sample(x1, x2)
        if nearest is not None:
            self.choose_sample(nearest)

    def _on_weight_chosen(self, layer: int, row: int, col: int) -> None:
        self.numbers.set_choice(neuron=row, weight=(row, col))

    def _on_bias_chosen(self, layer: int, unit: int) -> None:
        self.numbers.set_choice(neuron=unit)

    # -- drawing ---------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Draw the session's current phase everywhere."""
        session = self._session
        if session is None:
            return
        position = session.position
        self.phase_bar.set_current(position)
        self.phase_label.setText(step_text(session))
        self.previous_button.setEnabled(session.can_go_back)
        self._draw_trainer(session)
        self._draw_phase(session)
        self._show_numbers()
        self.step_line.show(session)
        self.data_column.mark(session.step_source or session.source, session.batch)
        self.sources.show_source(session.source)
        self.phaseChanged.emit(position)

    def changeEvent(self, event: QEvent) -> None:
        """The texts made from values again in the new language (View ▸ Language)."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange and self._session is not None:
            self.phase_label.setText(step_text(self._session))
            self._show_numbers()
            self.sources.show_source(self._session.source)

    def _draw_trainer(self, session: LectureSession) -> None:
        """Redraw thumbnails, weights and the boundary when the trainer's weights changed."""
        trainer = session.trainer
        key = (trainer.steps_done, trainer.network.theta.tobytes())
        if key == self._shown:
            return
        self._shown = key
        snapshot = take_snapshot(trainer, self._grid, evaluate=False)
        self.snapshot = snapshot
        self.network_view.show_snapshot(snapshot)
        self.network_view.flush()
        self.boundary_view.show_snapshot(snapshot)

    def _draw_phase(self, session: LectureSession) -> None:
        """The active layer, the numbers beside the nodes and what the edges show."""
        depth = session.trainer.network.depth
        show_overlays(
            self.network_view, phase_overlays(session.current, session.phases, depth), depth
        )

    def _show_numbers(self) -> None:
        session = self._session
        if session is None:
            return
        phase = session.current
        if phase is None:
            self.numbers.show_message(
                tr(
                    "<b>Step {step}</b> is ready. Press → (or Space, PageDown) for <b>{phase}</b>: "
                    "the input goes through the first layer.<br><br>Choose what flows through on "
                    "the left; click an edge of the diagram to write out its weight."
                ).format(step=session.step_index + 1, phase=phase_title(session.titles[0]))
            )
            return
        tables = session.tables(translate=tr)
        lines = session.explain(self.numbers.neuron(), self.numbers.weight(), translate=tr)
        self.numbers.show_phase(phase, tables, lines)

    # -- keys and fonts ----------------------------------------------------------------------------
    def keyPressEvent(self, event) -> None:
        key = event.key()
        if key in NEXT_KEYS:
            self.next_phase()
        elif key in PREVIOUS_KEYS:
            self.previous_phase()
        elif key == Qt.Key.Key_End:
            self.run_to_end_of_step()
        else:
            super().keyPressEvent(event)

    def font_scale(self) -> float:
        return self._font_scale

    def set_font_scale(self, scale: float) -> None:
        """Scale every text of the lecture (on top of its own larger sizes)."""
        self._font_scale = float(scale)
        base = QApplication.font().pointSizeF()
        base = base if base > 0 else 9.0

        def font(factor: float, bold: bool = False) -> QFont:
            f = QFont(QApplication.font())
            f.setPointSizeF(base * factor * self._font_scale)
            f.setBold(bold)
            return f

        self.setFont(font(1.0))
        self.phase_label.setFont(font(TITLE_SCALE, bold=True))
        self.phase_bar.setFont(font(BAR_SCALE))
        self.lesson_panel.setFont(font(TEXT_SCALE))
        self.numbers.set_font_scale(self._font_scale)
        self.step_line.panel.set_font_scale(self._font_scale)
        self.network_view.set_font_scale(self._font_scale * DIAGRAM_SCALE)
        self.boundary_view.set_font_scale(self._font_scale)
