"""The red banner that says why training stopped and offers the cure."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from nnsim.ui.i18n import shown, tr


class DivergenceBanner(QWidget):
    """Hidden until a run diverges (objectNames ``divergenceBanner``, ``divergenceLabel``,
    ``lowerLrButton``); the window connects the button."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("divergenceBanner")
        self.setStyleSheet("#divergenceBanner { background: #fde2e1; }")
        layout = QHBoxLayout(self)
        self.label = QLabel(self)
        self.label.setObjectName("divergenceLabel")
        self.label.setWordWrap(True)
        self.lower_lr_button = QPushButton(tr("Lower the learning rate ×10 and reset"), self)
        self.lower_lr_button.setObjectName("lowerLrButton")
        self.lower_lr_button.setToolTip(
            tr("Divide the learning rate by 10 and start again from step 0")
        )
        layout.addWidget(self.label, 1)
        layout.addWidget(self.lower_lr_button)
        self._explanation = ""
        self.hide()

    def show_divergence(self, explanation: str) -> None:
        """Say why training stopped: ``explanation`` is the trainer's (a
        :class:`~nnsim.training.text.Sentence`, shown in the window's language)."""
        self._explanation = explanation
        self._set_text()
        self.show()

    def _set_text(self) -> None:
        self.label.setText(
            tr("<b>Training stopped.</b> {explanation}.").format(
                explanation=shown(self._explanation)
            )
        )

    def changeEvent(self, event: QEvent) -> None:
        """View ▸ Language: the sentence is made from values, so it is made again."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange and self._explanation:
            self._set_text()
