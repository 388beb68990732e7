"""The question asked on leaving a lecture that walked training steps: go on from them, or
discard them (:meth:`~nnsim.ui.lecture.window_mode.LectureMode.ask_on_leave` shows it)."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QMessageBox, QWidget

from nnsim.ui.i18n import tr


def leave_prompt(parent: QWidget, lecture_steps: int, window_steps: int) -> QMessageBox:
    """The prompt, not shown yet: its default button continues from the lecture's step
    ``lecture_steps`` (the window is at ``window_steps``), its check box remembers."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(tr("Leaving the lecture"))
    box.setText(
        tr(
            "The lecture trained the network to step {lecture}; the window is at step "
            "{window}. Continue training from the lecture's weights, optimizer state and "
            "data order, or discard the lecture's steps?"
        ).format(lecture=lecture_steps, window=window_steps)
    )
    go_on = box.addButton(tr("Continue from the lecture"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(tr("Discard the lecture's steps"), QMessageBox.ButtonRole.DestructiveRole)
    box.setDefaultButton(go_on)
    remember = QCheckBox(tr("Remember my choice (View ▸ When leaving the lecture)"), box)
    remember.setChecked(True)
    box.setCheckBox(remember)
    return box
