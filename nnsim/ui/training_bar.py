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
from nnsim.ui.i18n import tr

if TYPE_CHECKING:
    from nnsim.training.experiment_model import ExperimentChange, ExperimentModel
    from nnsim.ui.worker import TrainingWorker

SLOWER_KEY, FASTER_KEY = "Ctrl+[", "Ctrl+]"


def speed_tip() -> str:
    """The speed slider's tooltip, in the UI's language."""
    return tr(
        "How fast Play trains, in steps per second. At 30 or fewer every step is drawn: watch\n"
        "the boundary move and the loss fall step by step. “max” trains as fast as it can.\n"
        "{slower} slower, {faster} faster. Saved with the experiment (not used by nnsim run)."
    ).format(slower=SLOWER_KEY, faster=FASTER_KEY)


def speed_text(speed: int | str) -> str:
    """``"max"``, ``"1 step/s"``, ``"1,000 steps/s"`` (in the UI's language)."""
    if speed == SPEED_MAX:
        return tr("max", "the speed slider: as fast as it can")
    return tr("1 step/s") if speed == 1 else tr("{speed:,} steps/s").format(speed=speed)


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
        super().__init__(tr("Training"), parent)
        self.setObjectName("trainingToolbar")
        self.setMovable(False)
        style = self.style()
        icon = style.standardIcon
        self._play_icon = icon(QStyle.StandardPixmap.SP_MediaPlay)
        self._pause_icon = icon(QStyle.StandardPixmap.SP_MediaPause)
        self._shown: tuple[Snapshot, float] | None = None  # made again in a new language
        self.reset_button = self._button(
            "resetButton", tr("Reset"), tr("Back to the initial weights (R)")
        )
        self.play_button = self._button("playButton", tr("Play"), tr("Train continuously (Space)"))
        self.step_button = self._button(
            "stepButton", tr("Step", "the button"), tr("Train one mini-batch (→ or S)")
        )
        self.reset_button.setIcon(icon(QStyle.StandardPixmap.SP_BrowserReload))
        self.play_button.setIcon(self._play_icon)
        self.step_button.setIcon(icon(QStyle.StandardPixmap.SP_MediaSkipForward))
        self.reset_button.clicked.connect(self.resetClicked)
        self.play_button.clicked.connect(self.playClicked)
        self.step_button.clicked.connect(self.stepClicked)
        self._build_speed()
        self.addSeparator()
        self.step_label = self._label("stepLabel", "")
        self.epoch_label = self._label("epochLabel", "")
        self.lr_label = self._label("lrLabel", "η")
        self.lr_label.setToolTip(tr("The learning rate the next step uses (after the schedule)"))
        self.loss_label = self._label("lossLabel", "")
        self.speed_label = self._label("speedLabel", "")
        self._show_counters()

    def _build_speed(self) -> None:
        self.speed_caption = self._label("speedCaption", tr("Speed"))
        self.speed_caption.setContentsMargins(14, 0, 4, 0)
        self.speed_slider = slider = QSlider(Qt.Orientation.Horizontal, self)
        slider.setObjectName("speedSlider")
        slider.setRange(0, len(SPEEDS) - 1)
        slider.setPageStep(1)
        slider.setTickPosition(QSlider.TickPosition.TicksBelow)
        slider.setTickInterval(1)
        slider.setFixedWidth(120)
        slider.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        slider.setToolTip(speed_tip())
        slider.setAccessibleName(tr("Training speed"))
        self.addWidget(slider)
        self.speed_value_label = label = self._label("speedValueLabel", "")
        label.setContentsMargins(6, 0, 10, 0)
        label.setToolTip(speed_tip())
        self._fit_speed_value()
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

    def _fit_speed_value(self) -> None:
        """The widest speed's room, so that the bar does not shift as the speed changes."""
        label = self.speed_value_label
        widest = max(label.fontMetrics().horizontalAdvance(speed_text(s)) for s in SPEEDS)
        label.setMinimumWidth(widest + 16)

    def changeEvent(self, event: QEvent) -> None:
        """View ▸ Language: the texts made from values are made again in the new language
        (the fixed ones are converted in place, see :mod:`nnsim.ui.retranslate`)."""
        if event.type() == QEvent.Type.LanguageChange:
            self.speed_value_label.setText(speed_text(self.speed()))
            self._fit_speed_value()
            for widget in (self.speed_slider, self.speed_value_label):
                widget.setToolTip(speed_tip())
            self._show_counters()
        super().changeEvent(event)

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
        self.play_button.setText(tr("Pause") if playing else tr("Play"))
        self.play_button.setIcon(self._pause_icon if playing else self._play_icon)

    def show_snapshot(self, snapshot: Snapshot, steps_per_second: float) -> None:
        self._shown = (snapshot, steps_per_second)
        self._show_counters()

    def _show_counters(self) -> None:
        """Step, epoch, η, the losses and the measured speed of the snapshot shown last."""
        if self._shown is None:
            self.step_label.setText(tr("Step {step:,}").format(step=0))
            self.epoch_label.setText(tr("Epoch {epoch:,}").format(epoch=0))
            return
        snapshot, steps_per_second = self._shown
        self.step_label.setText(tr("Step {step:,}").format(step=snapshot.step))
        self.epoch_label.setText(tr("Epoch {epoch:,}").format(epoch=snapshot.epoch))
        self.lr_label.setText(f"η = {snapshot.lr:.4g}")
        ev = snapshot.evaluation
        if ev is not None:
            train, test = format_number(ev.train_loss), format_number(ev.test_loss)
            text = tr("Train loss {train} · Test loss {test}").format(train=train, test=test)
            if ev.test_accuracy == ev.test_accuracy:  # not NaN
                text += tr(" · Test acc. {accuracy:.1%}").format(accuracy=ev.test_accuracy)
            self.loss_label.setText(text)  # bounded: 1.489e+299
        running = snapshot.running and steps_per_second
        speed = tr("{speed:,.0f} steps/s").format(speed=steps_per_second) if running else ""
        self.speed_label.setText(speed)


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
