"""The top bar: Reset, Play/Pause, Step, the speed, and what the learner watches tick
(step, epoch, η). :func:`bind_speed` ties the speed slider to the experiment's
``view.speed`` and the training process's pace."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QSlider, QStyle, QToolBar, QToolButton, QWidget

from nnsim.training.experiment.schema import SPEED_MAX, SPEEDS
from nnsim.training.lecture.formatting import format_number
from nnsim.training.snapshot import Snapshot

if TYPE_CHECKING:
    from nnsim.training.experiment_model import ExperimentChange, ExperimentModel
    from nnsim.ui.worker import TrainingWorker

SLOWER_KEY, FASTER_KEY = "Ctrl+[", "Ctrl+]"
SPEED_TIP = (
    "How fast Play trains, in steps per second. At 30 or fewer every step is drawn: watch\n"
    "the boundary move and the loss fall step by step. “max” trains as fast as it can.\n"
    f"{SLOWER_KEY} slower, {FASTER_KEY} faster. Saved with the experiment (not used by nnsim run)."
)


def speed_text(speed: int | str) -> str:
    """``"max"``, ``"1 step/s"``, ``"1,000 steps/s"``."""
    if speed == SPEED_MAX:
        return SPEED_MAX
    return "1 step/s" if speed == 1 else f"{speed:,} steps/s"


class TrainingBar(QToolBar):
    """Training buttons, the speed and counters (objectNames ``resetButton``, ``playButton``,
    ``stepButton``, ``speedSlider`` and its ``speedValueLabel``, ``stepLabel``, ``epochLabel``,
    ``lrLabel``, ``lossLabel``, ``speedLabel`` (the measured steps/s)).

    ``speedChosen(speed)`` says the user moved the slider to one of
    :data:`~nnsim.training.experiment.schema.SPEEDS`; :meth:`show_speed` sets it silently."""

    resetClicked = Signal()
    playClicked = Signal()
    stepClicked = Signal()
    speedChosen = Signal(object)  # int (steps per second) or "max"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Training", parent)
        self.setObjectName("trainingToolbar")
        self.setMovable(False)
        style = self.style()
        icon = style.standardIcon
        self._play_icon = icon(QStyle.StandardPixmap.SP_MediaPlay)
        self._pause_icon = icon(QStyle.StandardPixmap.SP_MediaPause)
        self.reset_button = self._button("resetButton", "Reset", "Back to the initial weights (R)")
        self.play_button = self._button("playButton", "Play", "Train continuously (Space)")
        self.step_button = self._button("stepButton", "Step", "Train one mini-batch (→ or S)")
        self.reset_button.setIcon(icon(QStyle.StandardPixmap.SP_BrowserReload))
        self.play_button.setIcon(self._play_icon)
        self.step_button.setIcon(icon(QStyle.StandardPixmap.SP_MediaSkipForward))
        self.reset_button.clicked.connect(self.resetClicked)
        self.play_button.clicked.connect(self.playClicked)
        self.step_button.clicked.connect(self.stepClicked)
        self._build_speed()
        self.addSeparator()
        self.step_label = self._label("stepLabel", "Step 0")
        self.epoch_label = self._label("epochLabel", "Epoch 0")
        self.lr_label = self._label("lrLabel", "η")
        self.lr_label.setToolTip("The learning rate the next step uses (after the schedule)")
        self.loss_label = self._label("lossLabel", "")
        self.speed_label = self._label("speedLabel", "")

    def _build_speed(self) -> None:
        self.speed_caption = self._label("speedCaption", "Speed")
        self.speed_caption.setContentsMargins(14, 0, 4, 0)
        self.speed_slider = slider = QSlider(Qt.Orientation.Horizontal, self)
        slider.setObjectName("speedSlider")
        slider.setRange(0, len(SPEEDS) - 1)
        slider.setPageStep(1)
        slider.setTickPosition(QSlider.TickPosition.TicksBelow)
        slider.setTickInterval(1)
        slider.setFixedWidth(120)
        slider.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        slider.setToolTip(SPEED_TIP)
        slider.setAccessibleName("Training speed")
        self.addWidget(slider)
        self.speed_value_label = label = self._label("speedValueLabel", "")
        label.setContentsMargins(6, 0, 10, 0)
        label.setToolTip(SPEED_TIP)
        widest = max(label.fontMetrics().horizontalAdvance(speed_text(s)) for s in SPEEDS)
        label.setMinimumWidth(widest + 16)  # the bar does not shift as the speed changes
        for key, delta in ((SLOWER_KEY, -1), (FASTER_KEY, 1)):
            shortcut = QShortcut(QKeySequence(key), slider)  # off while the slider is hidden
            shortcut.activated.connect(lambda d=delta: slider.setValue(slider.value() + d))
        slider.installEventFilter(self)
        self.show_speed(SPEED_MAX)
        slider.valueChanged.connect(self._on_speed_slider_moved)

    def _on_speed_slider_moved(self, index: int) -> None:
        self.speed_value_label.setText(speed_text(SPEEDS[index]))
        self.speedChosen.emit(SPEEDS[index])

    def show_speed(self, speed: int | str) -> None:
        """Show ``speed`` (one of SPEEDS) without announcing it (``speedChosen`` is not sent)."""
        blocked = self.speed_slider.blockSignals(True)
        self.speed_slider.setValue(SPEEDS.index(speed))
        self.speed_slider.blockSignals(blocked)
        self.speed_value_label.setText(speed_text(speed))

    def speed(self) -> int | str:
        """The speed the slider shows."""
        return SPEEDS[self.speed_slider.value()]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The slider's caption and value go where the slider goes (a class may hide it)."""
        if watched is self.speed_slider and event.type() in (
            QEvent.Type.HideToParent,
            QEvent.Type.ShowToParent,
        ):
            hidden = self.speed_slider.isHidden()
            self.speed_caption.setHidden(hidden)
            self.speed_value_label.setHidden(hidden)
        return super().eventFilter(watched, event)

    def _button(self, name: str, text: str, tip: str) -> QToolButton:
        button = QToolButton(self)
        button.setObjectName(name)
        button.setText(text)
        button.setToolTip(tip)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.addWidget(button)
        return button

    def _label(self, name: str, text: str) -> QLabel:
        label = QLabel(text, self)
        label.setObjectName(name)
        label.setContentsMargins(10, 0, 10, 0)
        self.addWidget(label)
        return label

    def set_playing(self, playing: bool) -> None:
        self.play_button.setText("Pause" if playing else "Play")
        self.play_button.setIcon(self._pause_icon if playing else self._play_icon)

    def show_snapshot(self, snapshot: Snapshot, steps_per_second: float) -> None:
        self.step_label.setText(f"Step {snapshot.step:,}")
        self.epoch_label.setText(f"Epoch {snapshot.epoch:,}")
        self.lr_label.setText(f"η = {snapshot.lr:.4g}")
        ev = snapshot.evaluation
        if ev is not None:
            train, test = format_number(ev.train_loss), format_number(ev.test_loss)
            text = f"Train loss {train} · Test loss {test}"  # bounded: 1.489e+299
            if ev.test_accuracy == ev.test_accuracy:  # not NaN
                text += f" · Test acc. {ev.test_accuracy:.1%}"
            self.loss_label.setText(text)
        running = snapshot.running and steps_per_second
        self.speed_label.setText(f"{steps_per_second:,.0f} steps/s" if running else "")


def bind_speed(bar: TrainingBar, model: ExperimentModel, worker: TrainingWorker) -> None:
    """Keep ``bar``'s speed slider, ``model``'s ``view.speed`` and ``worker``'s pace together,
    both ways: a moved slider writes the experiment (a view change: training goes on); a new
    experiment (a file opened) moves the slider silently; either way the worker follows."""

    def on_changed(change: ExperimentChange) -> None:
        if change.touches("view.speed"):
            bar.show_speed(change.new.view.speed)
            worker.set_speed(change.new.view.steps_per_second)

    bar.speedChosen.connect(lambda speed: model.update("view", speed=speed))
    model.subscribe(on_changed)
    bar.show_speed(model.experiment.view.speed)
    worker.set_speed(model.experiment.view.steps_per_second)
