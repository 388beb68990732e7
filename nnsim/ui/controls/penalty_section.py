"""The Regularisation & clipping section: a weight penalty and gradient clipping."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout

from nnsim.engine.hyperparameters import POSITIVE, Interval
from nnsim.training.experiment import GradClipSpec, RegularizationSpec, TrainingSpec
from nnsim.training.text import QT_TR_NOOP
from nnsim.ui.controls.fields import MessageLabel, NumberEdit
from nnsim.ui.controls.training_section import TrainingSection, choice_combo
from nnsim.ui.i18n import tr

__all__ = ["PenaltySection"]

MAX_RATE = 10.0  # regularisation rate
_REGULARIZATION_TITLES = {"none": QT_TR_NOOP("none"), "l1": "L1", "l2": "L2"}
_CLIP_TITLES = {
    None: QT_TR_NOOP("off"),
    "norm": QT_TR_NOOP("by norm"),
    "value": QT_TR_NOOP("by value"),
}


class PenaltySection(TrainingSection):
    """``regularizationCombo`` with ``regularizationRateEdit``, ``gradClipCombo`` with
    ``gradClipThresholdEdit``, and ``message`` (``penaltyMessage``) below them.

    :attr:`edited` carries ``{"regularization": RegularizationSpec}`` or
    ``{"grad_clip": GradClipSpec | None}``.
    """

    def __init__(self, message: MessageLabel) -> None:
        super().__init__(QT_TR_NOOP("Regularisation & clipping"), "penaltySection", message)
        self._training = TrainingSpec()
        self.kind_combo = choice_combo(self.body, "regularizationCombo", _REGULARIZATION_TITLES)
        self.kind_combo.setToolTip(
            tr(
                "A penalty on large weights added to the loss: L2 (rate·Σw²/2) shrinks all "
                "weights smoothly, L1 (rate·Σ|w|) pushes useless ones to exactly 0. Both fight "
                "overfitting."
            )
        )
        self.rate_edit = NumberEdit(
            QT_TR_NOOP("regularisation rate"), Interval(0, MAX_RATE), parent=self.body
        )
        self.rate_edit.setObjectName("regularizationRateEdit")
        self.rate_edit.setToolTip(
            tr(
                "Regularisation rate λ (0 … 10): how much the weight penalty counts against the "
                "data loss. Too large and the network cannot fit anything."
            )
        )
        self.clip_combo = choice_combo(self.body, "gradClipCombo", _CLIP_TITLES)
        self.clip_combo.setToolTip(
            tr(
                "Gradient clipping caps the gradient before the step. By norm: rescale all "
                "gradients together so their L2 norm is at most the threshold (direction kept). "
                "By value: clamp each entry to ±threshold. Tames exploding gradients."
            )
        )
        self.threshold_edit = NumberEdit(
            QT_TR_NOOP("clipping threshold"), POSITIVE, parent=self.body
        )
        self.threshold_edit.setObjectName("gradClipThresholdEdit")
        self.threshold_edit.setToolTip(
            tr("The threshold (> 0): max_norm when clipping by norm, clip_value by value.")
        )
        for combo, edit, title in (
            (self.kind_combo, self.rate_edit, tr("Penalty")),
            (self.clip_combo, self.threshold_edit, tr("Clip grads")),
        ):
            edit.setMaximumWidth(80)
            row = QHBoxLayout()
            row.setContentsMargins(0, 0, 0, 0)
            row.addWidget(combo, 1)
            row.addWidget(edit)
            self.add_row(title, row, combo.toolTip())
        self.form.addRow(message)
        self.kind_combo.currentIndexChanged.connect(self._on_regularization_kind_chosen)
        self.rate_edit.valueEdited.connect(self._on_regularization_rate_edited)
        self.clip_combo.currentIndexChanged.connect(self._on_grad_clip_mode_chosen)
        self.threshold_edit.valueEdited.connect(self._on_grad_clip_threshold_edited)
        for edit in (self.rate_edit, self.threshold_edit):
            edit.refused.connect(self.refused)

    def display(self, training: TrainingSpec) -> None:
        """Show the penalty and the clipping of ``training`` (only from the panel's ``_show``)."""
        self._training = training
        regularization, clip = training.regularization, training.grad_clip
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(regularization.kind))
        clip_mode = None if clip is None else clip.mode
        self.clip_combo.setCurrentIndex(self.clip_combo.findData(clip_mode))
        self.rate_edit.set_value(regularization.rate)
        self.rate_edit.setEnabled(regularization.kind != "none")
        self.threshold_edit.set_value(1.0 if clip is None else clip.threshold)
        self.threshold_edit.setEnabled(clip is not None)

    def _on_regularization_kind_chosen(self, index: int) -> None:
        kind = self.kind_combo.itemData(index)
        old = self._training.regularization
        if kind != old.kind:
            rate = 0.001 if kind != "none" and old.rate == 0 else old.rate
            self.edited.emit({"regularization": RegularizationSpec(kind, rate)})

    def _on_regularization_rate_edited(self, rate: float) -> None:
        kind = self._training.regularization.kind
        self.edited.emit({"regularization": RegularizationSpec(kind, rate)})

    def _on_grad_clip_mode_chosen(self, index: int) -> None:
        mode = self.clip_combo.itemData(index)
        old = self._training.grad_clip
        if mode == (None if old is None else old.mode):
            return
        threshold = self.threshold_edit.value() or 1.0
        self.edited.emit({"grad_clip": None if mode is None else GradClipSpec(mode, threshold)})

    def _on_grad_clip_threshold_edited(self, threshold: float) -> None:
        old = self._training.grad_clip
        if old is not None:
            self.edited.emit({"grad_clip": GradClipSpec(old.mode, threshold)})
