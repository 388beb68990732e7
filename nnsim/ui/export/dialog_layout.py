"""What the export dialogs (script, figure, report) share: a wrapped sentence saying what
the file will hold, the dialog's own choices, and *Export…* / *Cancel*."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLayout, QVBoxLayout, QWidget

from nnsim.ui.i18n import tr


def lay_out_export_dialog(
    dialog: QDialog, intro: str, body: list[QWidget | QLayout], width: int
) -> None:
    """Fill ``dialog``: ``intro`` (wrapped), then ``body`` top to bottom, then the buttons
    (*Export…* accepts, *Cancel* rejects); ``width`` pixels wide, as tall as it needs."""
    label = QLabel(intro)
    label.setWordWrap(True)
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
    )
    buttons.button(QDialogButtonBox.StandardButton.Save).setText(tr("Export…"))
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(label)
    for part in body:
        if isinstance(part, QLayout):
            layout.addLayout(part)
        else:
            layout.addWidget(part)
    layout.addWidget(buttons)
    dialog.resize(width, dialog.sizeHint().height())
