"""The red banner that says why training stopped and offers the cure."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget


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
        self.lower_lr_button = QPushButton("Lower the learning rate ×10 and reset", self)
        self.lower_lr_button.setObjectName("lowerLrButton")
        layout.addWidget(self.label, 1)
        layout.addWidget(self.lower_lr_button)
        self.hide()

    def show_divergence(self, explanation: str) -> None:
        self.label.setText(f"<b>Training stopped.</b> {explanation}.")
        self.show()
