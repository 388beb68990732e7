"""The main window: data on the left, the network in the middle, output and plots on the right.

The window's state is an :class:`~nnsim.training.experiment_model.ExperimentModel`: the
panels are bound to it both ways, the window listens to its changes to tell the
:class:`~nnsim.ui.worker.TrainingWorker` (which trains in a child process), and the views
draw the snapshots it sends back (at most ~30 a second).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QSettings, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QMainWindow

from nnsim.training.changes import describe_reset, resets_weights
from nnsim.training.experiment import Experiment, ExperimentError
from nnsim.training.experiment_model import ExperimentChange, ExperimentModel
from nnsim.training.landscape import TrajectoryRecorder
from nnsim.training.snapshot import Snapshot
from nnsim.ui.boundary_view import BoundaryView
from nnsim.ui.controls import ArchitecturePanel, DataPanel, OptimizerPanel
from nnsim.ui.deferred_plots import AfterFirstFrame, PlotsMixin
from nnsim.ui.diagnosis_panel import DiagnosisPanel
from nnsim.ui.divergence_banner import DivergenceBanner
from nnsim.ui.errors import log_file, reporter
from nnsim.ui.frame_stages import FrameStages, View
from nnsim.ui.i18n import shown, tr
from nnsim.ui.lecture import LectureMode, enable_style_sheet_font_propagation, set_controls_hidden
from nnsim.ui.lessons import LessonController
from nnsim.ui.network_view import NetworkView
from nnsim.ui.training_bar import TrainingBar, bind_speed
from nnsim.ui.training_keys import TrainingKeys
from nnsim.ui.window_cure import CureMixin
from nnsim.ui.window_data import UserDataMixin
from nnsim.ui.window_files import ExperimentFilesMixin
from nnsim.ui.window_layout import StatusLine, central_widget
from nnsim.ui.window_menus import WindowMenusMixin
from nnsim.ui.worker import TrainingWorker

NEW_RUN = "new run"
"""The ``origin`` of a change that replaces the whole experiment and starts at step 0."""
TRAINED = ("seed", "data", "network", "loss", "training")
"""What the training process is told about (``view`` is the window's alone)."""


class MainWindow(
    PlotsMixin, WindowMenusMixin, CureMixin, UserDataMixin, ExperimentFilesMixin, QMainWindow
):
    """nnsim's window. ``experiment()`` is its state; ``last_snapshot`` the newest training data."""

    snapshotShown = Signal(object)  # GUI-side relay: a snapshot has been drawn

    def __init__(
        self,
        experiment: Experiment | None = None,
        path: str | None = None,
        *,
        plots_after_first_frame: bool = False,
    ) -> None:
        """``plots_after_first_frame``: the plots are made just after the first paint (at
        launch, :mod:`nnsim.ui.deferred_plots`); otherwise here, as everything else."""
        super().__init__()
        self.model = ExperimentModel(experiment)  # the one experiment: panels bind to it
        self._path: Path | None = Path(path) if path else None
        self._dirty = False
        self.last_snapshot: Snapshot | None = None
        self._pending: Snapshot | None = None
        self._run_diverged = False  # the run the training process has now diverged
        self.landscape_recorder = TrajectoryRecorder()  # the weights' path, for the landscape
        self._playing = False
        self._init_plots(plots_after_first_frame)
        self.setObjectName("mainWindow")
        self.setMinimumSize(1100, 700)
        enable_style_sheet_font_propagation()  # so that zooming reaches styled labels too
        self._build_panels()
        self._build_toolbar()
        self._build_menus()
        self._build_layout()
        self.lecture_mode = LectureMode(self)  # View ▸ Lecture mode, Presentation; Lessons
        self.lessons = LessonController(self, self._confirm_discard)  # the Lesson panel
        self._update_structure(self.experiment())
        set_controls_hidden(self, self.experiment().view.hidden_controls)
        self.model.subscribe(self._on_experiment_changed)
        self._start_worker()
        bind_speed(self.training_bar, self.model, self.worker)  # view.speed ⇄ slider, pace
        # Drawing follows arrivals (the training process sends at most ~30 a second and
        # never more than one ahead of the window); a zero-delay timer coalesces bursts.
        self._refresh = QTimer(self)
        self._refresh.setSingleShot(True)
        self._refresh.setInterval(0)
        self._refresh.timeout.connect(self._draw_pending)
        self._frames = FrameStages(self, self._views, self._frame_shown)
        self._restore_settings()
        self._update_title()
        reporter().errorRaised.connect(self._on_unexpected_error)
        if plots_after_first_frame:
            AfterFirstFrame(self, self.make_plots)

    # -- construction --------------------------------------------------------------------------
    def _build_panels(self) -> None:
        self.data_panel = DataPanel(model=self.model)
        self.architecture_panel = ArchitecturePanel(model=self.model)
        self.optimizer_panel = OptimizerPanel(model=self.model)
        self.boundary_view = BoundaryView()
        self.network_view = NetworkView()
        self.diagnosis_panel = DiagnosisPanel()
        self.diagnosis_panel.cureRequested.connect(self.apply_cure)
        for panel in (self.data_panel, self.architecture_panel, self.optimizer_panel):
            panel.messageRaised.connect(self.show_error)
        self.data_panel.importCsvRequested.connect(self.import_csv)
        self.boundary_view.pointAdded.connect(self._on_point_added)
        self.boundary_view.pointRemoveRequested.connect(self._on_point_removed)
        self.network_view.neuronHovered.connect(self._on_neuron_hovered)

    def _build_toolbar(self) -> None:
        self.training_bar = bar = TrainingBar(self)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
        bar.resetClicked.connect(self.reset)
        bar.playClicked.connect(self.toggle_play)
        bar.stepClicked.connect(self.step)
        self.training_keys = TrainingKeys(
            self,
            {
                Qt.Key.Key_Space: self.toggle_play,
                Qt.Key.Key_Right: self.step,
                Qt.Key.Key_S: self.step,
                Qt.Key.Key_R: self.reset,
            },
        )

    def _build_layout(self) -> None:
        self.banner = DivergenceBanner(self)
        self.banner_label, self.lower_lr_button = self.banner.label, self.banner.lower_lr_button
        self.lower_lr_button.clicked.connect(self.cure_divergence)
        central, self.main_splitter = central_widget(self, self.banner)
        self.setCentralWidget(central)
        self.status_message = StatusLine(self)
        self.statusBar().addWidget(self.status_message, 1)

    def _start_worker(self) -> None:
        self.worker = TrainingWorker(self.experiment())
        self.worker.snapshotReady.connect(self._on_snapshot)
        self.worker.dataReady.connect(self.boundary_view.show_data)  # the process's points
        self.worker.failed.connect(self.show_error)
        self.worker.died.connect(self._on_training_died)
        self.network_view.weightEdited.connect(self.worker.set_weight)
        self.network_view.biasEdited.connect(self.worker.set_bias)
        self.worker.start()

    # -- state ---------------------------------------------------------------------------------
    def experiment(self) -> Experiment:
        """The experiment the window shows and trains (File ▸ Save writes exactly this)."""
        return self.model.experiment

    @property
    def is_playing(self) -> bool:
        return self._playing

    def _update_structure(self, experiment: Experiment) -> None:
        """The diagram's layers, read off the experiment (no network is built here)."""
        sizes = experiment.layer_sizes()[1:]
        activations = experiment.layer_activations()
        self.network_view.set_structure(experiment.data.features, sizes, activations)

    def set_experiment(self, experiment: Experiment, *, dirty: bool = True) -> None:
        """Replace the whole experiment (ExperimentError, and nothing changes, if it is
        invalid): a rebuilt trainer at step 0, paused; what was said about the old one goes."""
        self.model.replace(experiment, origin=NEW_RUN)  # panels and diagram follow the model
        self._start_again()
        self._set_dirty(dirty)

    def _start_again(self) -> None:
        """A new run of the current experiment: step 0, paused, messages and lecture reset."""
        self._set_playing(False)
        self.worker.set_experiment(self.experiment())
        self._forget_run_state()
        self.lecture_mode.on_experiment_replaced(self.experiment())

    def _on_experiment_changed(self, change: ExperimentChange) -> None:
        """Whoever changed the experiment, the diagram and the training follow. Training
        goes on from the current weights where the network stays the same (still playing if
        it was, the change marked on the loss plot); otherwise it starts again from new
        weights, paused, and says why."""
        self._update_structure(change.new)
        if change.touches("view.hidden_controls"):
            set_controls_hidden(self, change.new.view.hidden_controls)
        self._set_dirty(True)
        if change.origin == NEW_RUN or not change.touches(*TRAINED):
            return
        live = change.optimizer_values()
        reason = None if live is not None else resets_weights(change.old, change.new)
        if reason is not None:
            self.loss_panel.keep_as_ghost(
                self.last_snapshot, shown(describe_reset(change.old, change.new, reason))
            )
            self._start_again()
            self.show_message(
                tr("New weights, back to step 0: {reason}.").format(reason=shown(reason))
            )
            return
        self.show_message("")  # an edit that took clears the last refusal
        if live is None:
            self.worker.update_experiment(change.new)
        for name, value in (live or {}).items():
            if name == "lr":
                self.worker.set_lr(value)
            else:
                self.worker.set_hyperparameter(name, value)

    def set_hidden_controls(self, names) -> None:
        """Hide these controls (by objectName) and keep the choice in the experiment's
        ``view.hidden_controls``, saved with it (training is not touched)."""
        try:
            self.model.update("view", hidden_controls=tuple(names))
        except ExperimentError as err:
            self.show_error(shown(err))

    def open_lesson(self, name: str) -> bool:
        """Open built-in lesson ``name`` (File ▸ Lessons, ``nnsim --lesson``): its experiment
        set up in the window it uses, its text and question in the Lesson panel
        (:class:`~nnsim.ui.lessons.LessonController`). False if it is unknown or the user
        keeps unsaved changes."""
        return self.lessons.open(name)

    def start_untitled(self, experiment: Experiment) -> None:
        """``experiment`` (a lesson's) as a new, untitled, unchanged one, from step 0."""
        self._path = None
        self.set_experiment(experiment, dirty=False)

    def _set_dirty(self, dirty: bool) -> None:
        self._dirty = dirty
        self._update_title()

    def _update_title(self) -> None:
        name = self._path.name if self._path else tr("Untitled experiment")
        self.setWindowTitle(f"{name}{' •' if self._dirty else ''} — nnsim")

    # -- training commands ---------------------------------------------------------------------
    def play(self) -> None:
        if self._run_diverged:
            self.show_error(tr("Training diverged: reset (R) or lower the learning rate first."))
            return
        self._set_playing(True)

    def pause(self) -> None:
        self._set_playing(False)

    def _set_playing(self, playing: bool) -> None:
        """The one place the play state changes: the flag, the button and the process."""
        self._playing = playing
        self.training_bar.set_playing(playing)
        self.worker.play() if playing else self.worker.pause()

    def _forget_run_state(self) -> None:
        """The run the banner and messages spoke of is gone (reset, new experiment)."""
        self.banner.hide()
        self.show_message("")
        self._run_diverged = False  # Play is not refused on the word of an old snapshot

    def toggle_play(self) -> None:
        self.pause() if self._playing else self.play()

    def step(self) -> None:
        if self._playing:
            self.pause()
        self.worker.step_once()

    def reset(self) -> None:
        self.pause()
        self.worker.reset()
        self._forget_run_state()

    @Slot(str)
    def _on_training_died(self, reason: str) -> None:
        """The training process ended on its own: start another on the user's experiment."""
        self.worker.restart(self.experiment())
        self._playing = False
        self.training_bar.set_playing(False)
        self.banner.hide()
        self.show_error(
            tr(
                "The training process stopped ({reason}); a new one was started with your "
                "experiment, at step 0."
            ).format(reason=reason)
        )

    # -- snapshots -----------------------------------------------------------------------------
    @Slot(object)
    def _on_snapshot(self, snapshot: Snapshot) -> None:
        if self._pending is not None and self.worker.shows_every_step():
            self._draw_pending()  # at a slow speed the learner sees every step: none skipped
        self.last_snapshot = snapshot
        self._run_diverged = bool(snapshot.diverged)
        self.landscape_recorder.record_snapshot(snapshot)
        self._pending = snapshot
        self._refresh.start()
        if not snapshot.diverged:
            self.banner.hide()
        elif self.banner.isHidden():  # said once: later messages are not overwritten
            self._playing = False
            self.training_bar.set_playing(False)
            self.banner.show_divergence(
                snapshot.diverged, snapshot.divergence, self.divergence_cure(snapshot)
            )
            self.show_error(shown(snapshot.diverged))

    @Slot()
    def _draw_pending(self) -> None:
        """Draw the newest snapshot: while training runs, view by view over the next
        event-loop turns (:mod:`nnsim.ui.frame_stages`; a frame in progress ends first),
        else at once."""
        snapshot = self._pending
        if snapshot is None:
            return
        staged = snapshot.running and not self.worker.shows_every_step()
        if staged and self._frames.drawing:
            return  # drawn when the frame in progress ends (_frame_shown)
        self._pending = None
        self._frames.finish()  # a frame in progress ends with its own step on the bar
        self.training_bar.show_snapshot(snapshot, self.worker.steps_per_second)
        self._frames.draw(snapshot, staged=staged)

    def _views(self) -> list[View]:
        """What a frame draws, in turn (the plots made so far: the others draw the newest
        when made)."""
        return [self.boundary_view, self.network_view, *self.made_plots(), self.diagnosis_panel]

    def _frame_shown(self, snapshot: Snapshot) -> None:
        self.snapshotShown.emit(snapshot)
        if self._pending is not None:
            self._refresh.start()  # one arrived while the frame was drawn

    # -- diagram -------------------------------------------------------------------------------
    @Slot(int, int)
    def _on_neuron_hovered(self, layer: int, unit: int) -> None:
        if layer < 0:
            self.boundary_view.show_output()
        else:
            self.boundary_view.show_neuron(layer, unit)

    # -- window --------------------------------------------------------------------------------
    def show_message(self, text: str, error: bool = False) -> None:
        """Say something in the status bar (errors in red). It stays until the state it
        speaks of goes: the next successful edit, reset or experiment clears it.

        The status bar holds one line: a longer message shows its first line and how many
        follow, and the whole of it in the tooltip (:meth:`status_text`)."""
        self.status_message.say(text, error)

    def status_text(self) -> str:
        """The whole of the status bar's current message (all its lines)."""
        return self.status_message.full_text()

    @Slot(str)
    def show_error(self, text: str) -> None:
        """:meth:`show_message` in red: something was refused or went wrong."""
        self.show_message(text, error=True)

    @Slot(str)
    def _on_unexpected_error(self, text: str) -> None:
        self.show_error(
            tr("Internal error: {error} (details in {log})").format(error=text, log=log_file())
        )

    def _restore_settings(self) -> None:
        settings = QSettings()
        geometry = settings.value("geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1500, 920)
        self._fill_recent_menu()

    def changeEvent(self, event: QEvent) -> None:
        """View ▸ Language: the texts made from values (the title, the languages' tooltips)
        are made again."""
        if event.type() == QEvent.Type.LanguageChange:
            self._update_title()
            self._tell_languages()
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._confirm_discard():
            event.ignore()
            return
        QSettings().setValue("geometry", self.saveGeometry())
        self._refresh.stop()
        self.worker.shutdown()
        self.training_keys.detach()
        event.accept()
