"""One hidden layer's row in the Architecture editor: units, activation, batch norm, dropout."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QLabel,
    QSpinBox,
    QToolButton,
    QWidget,
)

from nnsim.engine.activations import ACTIVATIONS
from nnsim.training.experiment import LayerSpec
from nnsim.training.text import QT_TR_NOOP
from nnsim.ui.i18n import tr

__all__ = ["MAX_DROPOUT", "MAX_UNITS", "LayerRow"]

MAX_UNITS = 16
"""Units per layer the editor offers (a loaded file may hold more; they are kept)."""
MAX_DROPOUT = 0.9

_ACTIVATION_TIPS = {
    "linear": QT_TR_NOOP(
        "a = z: no bend at all; a stack of linear layers is still one linear map."
    ),
    "sigmoid": QT_TR_NOOP(
        "a = 1/(1+e^−z), output in (0, 1); its slope is at most 1/4, so gradients "
        "shrink layer after layer (vanishing gradients)."
    ),
    "tanh": QT_TR_NOOP("a = tanh z, output in (−1, 1), centred on 0; saturates for large |z|."),
    "relu": QT_TR_NOOP(
        "a = max(0, z): cheap, does not saturate for z > 0; a neuron stuck at z < 0 "
        "stops learning ('dead ReLU')."
    ),
    "leaky_relu": QT_TR_NOOP("a = z for z > 0, 0.01·z otherwise: a ReLU that never quite dies."),
    "elu": QT_TR_NOOP("a = z for z > 0, e^z − 1 otherwise: smooth, negative outputs allowed."),
    "gelu": QT_TR_NOOP("a = z·Φ(z): a smooth ReLU used by transformers."),
    "silu": QT_TR_NOOP("a = z·sigmoid(z) (swish): smooth, slightly non-monotonic."),
    "sine": QT_TR_NOOP("a = sin z: periodic; good at periodic patterns, tricky to train."),
}


class LayerRow:
    """The widgets of hidden layer k (1-based) in the editor's grid, parented to ``panel``.

    Every change of a widget's value, by the learner or by code, calls its ``on_…`` callback
    with k and the new value (``on_units`` with the count asked for, which the − and +
    buttons may take out of range); the panel passes callbacks that ignore its own writes
    (:meth:`~nnsim.ui.controls.base.ExperimentPanel._guarded`).
    """

    def __init__(
        self,
        panel: QWidget,
        k: int,
        *,
        on_units: Callable[[int, int], None],
        on_activation: Callable[[int, str], None],
        on_batch_norm: Callable[[int, bool], None],
        on_dropout: Callable[[int, float], None],
    ) -> None:
        self.k = k
        self.label = QLabel(str(k), panel)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.minus = QToolButton(panel)
        self.minus.setObjectName(f"unitsMinus_{k}")
        self.minus.setText("−")
        self.units = QSpinBox(panel)
        self.units.setObjectName(f"unitsSpin_{k}")
        self.units.setRange(1, MAX_UNITS)
        self.units.setButtonSymbols(QAbstractSpinBox.ButtonSymbols.NoButtons)
        self.units.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.units.setKeyboardTracking(False)
        self.plus = QToolButton(panel)
        self.plus.setObjectName(f"unitsPlus_{k}")
        self.plus.setText("+")
        self.activation = QComboBox(panel)
        self.activation.setObjectName(f"activationCombo_{k}")
        for name in ACTIVATIONS:
            self.activation.addItem(name, name)  # an activation's name is not translated
        self.batch_norm = QCheckBox(panel)
        self.batch_norm.setObjectName(f"batchNormCheck_{k}")
        self.dropout = QDoubleSpinBox(panel)
        self.dropout.setObjectName(f"dropoutSpin_{k}")
        self.dropout.setRange(0.0, MAX_DROPOUT)
        self.dropout.setSingleStep(0.05)
        self.dropout.setDecimals(2)
        self.dropout.setKeyboardTracking(False)
        self.dropout.setButtonSymbols(QAbstractSpinBox.ButtonSymbols.NoButtons)
        self.dropout.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.set_texts()
        self.widgets: tuple[QWidget, ...] = (
            self.label, self.minus, self.units, self.plus,
            self.activation, self.batch_norm, self.dropout,
        )  # fmt: skip
        self.minus.clicked.connect(lambda: on_units(k, self.units.value() - 1))
        self.plus.clicked.connect(lambda: on_units(k, self.units.value() + 1))
        self.units.valueChanged.connect(lambda v: on_units(k, v))
        self.activation.currentIndexChanged.connect(
            lambda i: on_activation(k, self.activation.itemData(i))
        )
        self.batch_norm.toggled.connect(lambda on: on_batch_norm(k, on))
        self.dropout.valueChanged.connect(lambda p: on_dropout(k, p))

    def set_texts(self) -> None:
        """The tooltips, in the window's language (again after a language switch)."""
        k = self.k
        self.label.setToolTip(tr("Hidden layer {k} (1 is next to the inputs).").format(k=k))
        self.minus.setToolTip(tr("One neuron fewer in layer {k}.").format(k=k))
        self.units.setToolTip(
            tr(
                "Neurons in layer {k} (1–{max}). More neurons can draw more complicated "
                "boundaries, and can also memorise the noise."
            ).format(k=k, max=MAX_UNITS)
        )
        self.plus.setToolTip(tr("One neuron more in layer {k}.").format(k=k))
        for index in range(self.activation.count()):
            tip = _ACTIVATION_TIPS.get(self.activation.itemData(index), "")
            self.activation.setItemData(index, tr(tip) if tip else "", Qt.ItemDataRole.ToolTipRole)
        self.activation.setToolTip(
            tr("Activation of layer {k}: the non-linearity applied to each neuron's sum z.").format(
                k=k
            )
        )
        self.batch_norm.setToolTip(
            tr(
                "Batch normalisation in layer {k}: standardise z over the mini-batch (then scale "
                "and shift, learned) before the activation. Keeps deep nets trainable."
            ).format(k=k)
        )
        self.dropout.setToolTip(
            tr(
                "Dropout in layer {k}: during training each output is zeroed with this "
                "probability (the rest scaled by 1/(1−p)), so no neuron can rely on another. "
                "Fights overfitting; 0 = off."
            ).format(k=k)
        )

    def show(self, layer: LayerSpec) -> None:
        """Write ``layer`` (batch_norm/dropout resolved) into the row.

        Only while the panel shows its experiment: its guarded callbacks are then not called.
        """
        self.units.setMaximum(max(MAX_UNITS, layer.units))
        self.units.setValue(layer.units)
        self.activation.setCurrentIndex(self.activation.findData(layer.activation))
        self.batch_norm.setChecked(bool(layer.batch_norm))
        self.dropout.setMaximum(max(MAX_DROPOUT, layer.dropout or 0.0))
        self.dropout.setValue(layer.dropout or 0.0)
        self.minus.setEnabled(layer.units > 1)
        self.plus.setEnabled(layer.units < self.units.maximum())

    def delete(self) -> None:
        for widget in self.widgets:
            widget.hide()
            widget.deleteLater()
