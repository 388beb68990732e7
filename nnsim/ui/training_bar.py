"""The top bar: Reset, Play/Pause, Step, and what the learner watches tick (step, epoch, η)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QStyle, QToolBar, QToolButton, QWidget

from nnsim.training.lecture.formatting import format_number
from nnsim.training.snapshot import Snapshot


class TrainingBar(QToolBar):
    """Training buttons and counters (objectNames ``resetButton``, ``playButton``,
    ``stepButton``, ``stepLabel``, ``epochLabel``, ``lrLabel``, ``lossLabel``, ``speedLabel``)."""

    resetClicked = Signal()
    playClicked = Signal()
    stepClicked = Signal()

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
        self.addSeparator()
        self.step_label = self._label("stepLabel", "Step 0")
        self.epoch_label = self._label("epochLabel", "Epoch 0")
        self.lr_label = self._label("lrLabel", "η")
        self.lr_label.setToolTip("The learning rate the next step uses (after the schedule)")
        self.loss_label = self._label("lossLabel", "")
        self.speed_label = self._label("speedLabel", "")

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
