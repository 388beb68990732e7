"""The main window: data on the left, the network in the middle, output and plots on the right.

The window's state is an :class:`~nnsim.training.experiment.Experiment`; panels
edit it, a :class:`~nnsim.ui.worker.TrainingWorker` trains it in a child process,
and the views draw the snapshots it sends back (at most ~30 a second).
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QMainWindow

from nnsim.training.changes import resets_weights
from nnsim.training.experiment import Experiment, ExperimentError, with_optimizer_param
from nnsim.training.snapshot import Snapshot
from nnsim.ui.boundary_view import BoundaryView
from nnsim.ui.controls import ArchitecturePanel, DataPanel, OptimizerPanel
from nnsim.ui.divergence_banner import DivergenceBanner
from nnsim.ui.errors import log_file, reporter
from nnsim.ui.lecture import (
    LectureMode,
    LessonError,
    enable_style_sheet_font_propagation,
    load_lesson,
    set_controls_hidden,
)
from nnsim.ui.network_view import NetworkView
from nnsim.ui.plots import GradientPanel, LossPanel, LrPanel
from nnsim.ui.training_bar import TrainingBar
from nnsim.ui.training_keys import TrainingKeys
from nnsim.ui.window_data import UserDataMixin
from nnsim.ui.window_files import ExperimentFilesMixin
from nnsim.ui.window_layout import StatusLine, central_widget
from nnsim.ui.window_menus import WindowMenusMixin
from nnsim.ui.worker import TrainingWorker


class MainWindow(WindowMenusMixin, UserDataMixin, ExperimentFilesMixin, QMainWindow):
    """nnsim's window. ``experiment()`` is its state; ``last_snapshot`` the newest training data."""

    snapshotShown = Signal(object)  # GUI-side relay: a snapshot has been drawn

    def __init__(self, experiment: Experiment | None = None, path: str | None = None) -> None:
        super().__init__()
        self._experiment = experiment if experiment is not None else Experiment.default()
        self._path: Path | None = Path(path) if path else None
        self._dirty = False
        self.last_snapshot: Snapshot | None = None
        self._pending: Snapshot | None = None
        self._playing = False
        self.setObjectName("mainWindow")
        self.setMinimumSize(1100, 700)
        enable_style_sheet_font_propagation()  # so that zooming reaches styled labels too
        self._build_panels()
        self._build_toolbar()
        self._build_menus()
        self._build_layout()
        self.lecture_mode = LectureMode(self)  # View ▸ Lecture mode, Presentation; Lessons
        self._bind_panels(self._experiment)
        self._start_worker()
        # Drawing follows arrivals (the training process sends at most ~30 a second and
        # never more than one ahead of the window); a zero-delay timer coalesces bursts.
        self._refresh = QTimer(self)
        self._refresh.setSingleShot(True)
        self._refresh.setInterval(0)
        self._refresh.timeout.connect(self._draw_pending)
        self._restore_settings()
        self._update_title()
        reporter().errorRaised.connect(self._on_unexpected_error)

    # -- construction --------------------------------------------------------------------------
    def _build_panels(self) -> None:
        self.data_panel = DataPanel()
        self.architecture_panel = ArchitecturePanel()
        self.optimizer_panel = OptimizerPanel()
        self.boundary_view = BoundaryView()
        self.network_view = NetworkView()
        self.loss_panel = LossPanel()
        self.gradient_panel = GradientPanel()
        self.lr_panel = LrPanel()
        for panel in (self.data_panel, self.architecture_panel, self.optimizer_panel):
            panel.experimentEdited.connect(self._on_experiment_edited)
            panel.messageRaised.connect(self.show_error)
        self.optimizer_panel.learningRateChanged.connect(self._on_learning_rate_changed)
        self.optimizer_panel.hyperparameterChanged.connect(self._on_hyperparameter_changed)
        self.data_panel.importCsvRequested.connect(self.import_csv)
        self.boundary_view.pointAdded.connect(self._on_point_added)
        self.boundary_view.pointRemoveRequested.connect(self._on_point_removed)
        self.network_view.neuronHovered.connect(self._on_neuron_hovered)
        for plot in (self.loss_panel, self.gradient_panel, self.lr_panel):
            plot.exportFailed.connect(self.show_error)

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
        self.lower_lr_button.clicked.connect(self.lower_learning_rate_and_reset)
        central, self.main_splitter = central_widget(self, self.banner)
        self.setCentralWidget(central)
        self.status_message = StatusLine(self)
        self.statusBar().addWidget(self.status_message, 1)

    def _start_worker(self) -> None:
        self.worker = TrainingWorker(self._experiment)
        self.worker.snapshotReady.connect(self._on_snapshot)
        self.worker.failed.connect(self.show_error)
        self.worker.died.connect(self._on_training_died)
        self.network_view.weightEdited.connect(self.worker.set_weight)
        self.network_view.biasEdited.connect(self.worker.set_bias)
        self.worker.start()

    # -- state ---------------------------------------------------------------------------------
    def experiment(self) -> Experiment:
        """The experiment the window shows and trains (File ▸ Save writes exactly this)."""
        return self._experiment

    @property
    def is_playing(self) -> bool:
        return self._playing

    def _bind_panels(self, experiment: Experiment) -> None:
        for panel in (self.data_panel, self.architecture_panel, self.optimizer_panel):
            panel.set_experiment(experiment)
        self._update_structure(experiment)
        set_controls_hidden(self, experiment.view.hidden_controls)

    def _update_structure(self, experiment: Experiment) -> None:
        """The diagram's layers, read off the experiment (no network is built here)."""
        hidden = experiment.network.hidden_layers
        sizes = [layer.units for layer in hidden] + [experiment.num_outputs]
        activations = [layer.activation for layer in hidden]
        activations.append(experiment.resolved_output_activation())
        self.network_view.set_structure(list(experiment.data.features), sizes, activations)

    def set_experiment(self, experiment: Experiment, *, dirty: bool = True) -> None:
        """Replace the whole experiment: panels, diagram and a rebuilt trainer (step 0,
        paused); what was said about the old one goes with it."""
        self._set_playing(False)
        self._experiment = experiment
        self._bind_panels(experiment)
        self.worker.set_experiment(experiment)
        self._set_dirty(dirty)
        self._forget_run_state()
        self.lecture_mode.on_experiment_replaced(experiment)

    def continue_with(self, experiment: Experiment, *, source=None) -> None:
        """Take an edited experiment. Training goes on from the current weights where the
        network stays the same (still playing if it was, the change marked on the loss
        plot); otherwise it starts again from new weights, paused, and says why."""
        old = self._experiment
        if experiment == old:
            return
        reason = resets_weights(old, experiment)
        self._experiment = experiment
        for panel in (self.data_panel, self.architecture_panel, self.optimizer_panel):
            if panel is not source:
                panel.set_experiment(experiment)
        self._update_structure(experiment)
        set_controls_hidden(self, experiment.view.hidden_controls)
        self._set_dirty(True)
        if reason is None:
            self.show_message("")  # an edit that took clears the last refusal
            self.worker.update_experiment(experiment)
            return
        self._set_playing(False)
        self.worker.set_experiment(experiment)
        self._forget_run_state()
        self.show_message(f"New weights, back to step 0: {reason}.")
        self.lecture_mode.on_experiment_replaced(experiment)

    def set_hidden_controls(self, names) -> None:
        """Hide these controls (by objectName) and keep the choice in the experiment's
        ``view.hidden_controls``, saved with it (training is not touched)."""
        view = dataclasses.replace(self._experiment.view, hidden_controls=tuple(names))
        self._experiment = dataclasses.replace(self._experiment, view=view)
        set_controls_hidden(self, view.hidden_controls)
        self._set_dirty(True)

    def open_lesson(self, name: str) -> bool:
        """Open built-in lesson ``name`` (File ▸ Lessons, ``nnsim --lesson``) in lecture mode.
        False if it is unknown or the user keeps unsaved changes."""
        try:
            experiment, text, setup = load_lesson(name)
        except LessonError as err:
            self.show_message(str(err), error=True)
            return False
        if not self._confirm_discard():
            return False
        self._path = None
        self.set_experiment(experiment, dirty=False)
        self.lecture_mode.start_lesson(experiment, text, setup)
        self.show_message(f"Lesson: {experiment.name}. → / Space / PageDown walk the phases.")
        return True

    @Slot(object)
    def _on_experiment_edited(self, experiment: Experiment) -> None:
        self.continue_with(experiment, source=self.sender())

    @Slot(float)
    def _on_learning_rate_changed(self, lr: float) -> None:
        try:
            self._experiment = with_optimizer_param(self._experiment, "lr", lr)
        except ExperimentError as err:
            self.show_error(str(err))
            return
        self._live_edit_taken()
        self.worker.set_lr(lr)

    @Slot(str, object)
    def _on_hyperparameter_changed(self, name: str, value) -> None:
        try:
            self._experiment = with_optimizer_param(self._experiment, name, value)
        except ExperimentError as err:
            self.show_error(str(err))
            return
        self._live_edit_taken()
        self.worker.set_hyperparameter(name, value)

    def _live_edit_taken(self) -> None:
        """An optimizer value changed live: the other panels edit from the new experiment
        (or their next edit would carry the old value back), and the last refusal goes."""
        for panel in (self.data_panel, self.architecture_panel):
            panel.set_experiment(self._experiment)
        self.show_message("")
        self._set_dirty(True)

    def _set_dirty(self, dirty: bool) -> None:
        self._dirty = dirty
        self._update_title()

    def _update_title(self) -> None:
        name = self._path.name if self._path else "Untitled experiment"
        self.setWindowTitle(f"{name}{' •' if self._dirty else ''} — nnsim")

    # -- training commands ---------------------------------------------------------------------
    def play(self) -> None:
        if self.last_snapshot is not None and self.last_snapshot.diverged:
            self.show_error("Training diverged: reset (R) or lower the learning rate first.")
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

    def lower_learning_rate_and_reset(self) -> None:
        lr = self._experiment.training.optimizer.params["lr"] / 10.0
        try:
            experiment = with_optimizer_param(self._experiment, "lr", lr)
        except ExperimentError as err:
            self.show_error(str(err))
            return
        self.set_experiment(experiment)
        self.show_message(f"Learning rate lowered to {lr:g}; weights reset.")

    @Slot(str)
    def _on_training_died(self, reason: str) -> None:
        """The training process ended on its own: start another on the user's experiment."""
        self.worker.restart(self._experiment)
        self._playing = False
        self.training_bar.set_playing(False)
        self.banner.hide()
        self.show_error(
            f"The training process stopped ({reason}); a new one was started with your "
            "experiment, at step 0."
        )

    # -- snapshots -----------------------------------------------------------------------------
    @Slot(object)
    def _on_snapshot(self, snapshot: Snapshot) -> None:
        self.last_snapshot = snapshot
        self._pending = snapshot
        self._refresh.start()
        if not snapshot.diverged:
            self.banner.hide()
        elif self.banner.isHidden():  # said once: later messages are not overwritten
            self._playing = False
            self.training_bar.set_playing(False)
            self.banner.show_divergence(snapshot.diverged)
            self.show_error(snapshot.diverged)

    @Slot()
    def _draw_pending(self) -> None:
        snapshot, self._pending = self._pending, None
        if snapshot is None:
            return
        self.training_bar.show_snapshot(snapshot, self.worker.steps_per_second)
        self.boundary_view.show_snapshot(snapshot)
        self.network_view.show_snapshot(snapshot)
        self.loss_panel.show_snapshot(snapshot)
        self.gradient_panel.show_snapshot(snapshot)
        self.lr_panel.show_snapshot(snapshot)
        if snapshot.experiment is not None:
            self._show_points(snapshot)
        self.snapshotShown.emit(snapshot)

    def _show_points(self, snapshot: Snapshot) -> None:
        key = (snapshot.experiment.seed, snapshot.experiment.data)
        if getattr(self, "_points_key", None) == key:  # snapshots are copies: compare values
            return
        self._points_key = key
        from nnsim.training.data import build_data

        data = build_data(snapshot.experiment)
        self.boundary_view.set_data(
            data.train.x, data.train.y, data.test.x, data.test.y, data.kind, data.num_classes
        )

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
        self.show_error(f"Internal error: {text} (details in {log_file()})")

    def _restore_settings(self) -> None:
        settings = QSettings()
        geometry = settings.value("geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1500, 920)
        self._fill_recent_menu()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._confirm_discard():
            event.ignore()
            return
        QSettings().setValue("geometry", self.saveGeometry())
        self._refresh.stop()
        self.worker.shutdown()
        self.training_keys.detach()
        event.accept()
