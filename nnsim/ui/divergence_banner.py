"""The red banner that says why training stopped and offers the cure for what made it."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from nnsim.training.diagnosis import Cure
from nnsim.training.divergence import Cause, Divergence, show_value
from nnsim.ui.i18n import shown, tr


class DivergenceBanner(QWidget):
    """Hidden until a run diverges (objectNames ``divergenceBanner``, ``divergenceLabel``,
    ``lowerLrButton``); the window connects the button, whose text and tooltip name the cure
    (:attr:`cure`): the learning rate lowered unless something else is to blame."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("divergenceBanner")
        self.setStyleSheet("#divergenceBanner { background: #fde2e1; }")
        layout = QHBoxLayout(self)
        self.label = QLabel(self)
        self.label.setObjectName("divergenceLabel")
        self.label.setWordWrap(True)
        self.lower_lr_button = QPushButton(self)  # its objectName kept for every cause
        self.lower_lr_button.setObjectName("lowerLrButton")
        layout.addWidget(self.label, 1)
        layout.addWidget(self.lower_lr_button)
        self._explanation = ""
        self.divergence: Divergence | None = None
        self.cure: Cure | None = None
        """The cure the button offers; None: lower the learning rate ÷ 10."""
        self._set_button()
        self.hide()

    def show_divergence(
        self, explanation: str, divergence: Divergence | None = None, cure: Cure | None = None
    ) -> None:
        """Say why training stopped: ``explanation`` is the trainer's (a
        :class:`~nnsim.training.text.Sentence`, shown in the window's language); the button
        offers ``cure``, the cure for ``divergence``'s cause (lowering the learning rate if
        either is None or the rate is to blame)."""
        self._explanation = explanation
        learning_rate = divergence is None or divergence.cause is Cause.LEARNING_RATE
        self.divergence = divergence
        self.cure = None if learning_rate else cure
        self._set_text()
        self._set_button()
        self.show()

    def _set_text(self) -> None:
        self.label.setText(
            tr("<b>Training stopped.</b> {explanation}.").format(
                explanation=shown(self._explanation)
            )
        )

    def _set_button(self) -> None:
        text, tip = self._button_text()
        self.lower_lr_button.setText(text)
        self.lower_lr_button.setToolTip(tip)

    def _button_text(self) -> tuple[str, str]:
        """The button's text and tooltip for :attr:`cure`."""
        divergence, cure = self.divergence, self.cure
        if divergence is None or cure is None:
            return (
                tr("Lower the learning rate ×10 and reset"),
                tr("Divide the learning rate by 10 and start again from step 0"),
            )
        name, value = divergence.name, show_value(divergence.safe)
        if divergence.cause is Cause.SCHEDULE:
            return (
                tr("Lower {name} ×10 and reset").format(name=name),
                tr(
                    "Set the schedule's {name} to {value}, a tenth of it, and start again "
                    "from step 0"
                ).format(name=name, value=value),
            )
        if divergence.cause is Cause.HYPERPARAMETER:
            return (
                tr("Set {name} to {value} and reset").format(name=name, value=value),
                tr(
                    "Set the optimizer's {name} back to {value}, its default, and start again "
                    "from step 0"
                ).format(name=name, value=value),
            )
        if divergence.cause is Cause.INITIAL_WEIGHTS:
            if divergence.safe == divergence.value:
                return (
                    tr("New initial weights and reset"),
                    tr(
                        "Start again from step 0 from the weights the initialiser draws (the "
                        "weights that overflowed are dropped)"
                    ),
                )
            return (
                tr("Smaller initial weights and reset"),
                tr("Draw the starting weights with {init} and start again from step 0").format(
                    init=shown(cure.label)
                ),
            )
        return (
            tr("Clip the gradient norm at 1 and reset"),
            tr(
                "Rescale the gradient so that its norm is at most 1 at every step, and start "
                "again from step 0"
            ),
        )

    def changeEvent(self, event: QEvent) -> None:
        """View ▸ Language: the sentence and the button are made from values, so they are
        made again."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            if self._explanation:
                self._set_text()
            self._set_button()
