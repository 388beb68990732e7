"""The Architecture editor: hidden layers, their units and activations, initialiser, output head."""

from __future__ import annotations

import dataclasses
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from nnsim.engine.activations import ACTIVATIONS
from nnsim.engine.initializers import INITIALIZERS
from nnsim.training.experiment import LOSSES, LayerSpec
from nnsim.training.text import QT_TR_NOOP
from nnsim.ui.controls.base import ExperimentPanel
from nnsim.ui.controls.layer_row import MAX_DROPOUT, MAX_UNITS, LayerRow
from nnsim.ui.i18n import tr
from nnsim.ui.style import MUTED

__all__ = ["MAX_LAYERS", "MAX_UNITS", "ArchitecturePanel"]

MAX_LAYERS = 8
"""Hidden layers the editor adds up to (a loaded file may hold more; they are shown)."""
OUTPUT_ACTIVATIONS = ("auto", "softmax", *ACTIVATIONS)

_INIT_TITLES = {  # English: the initialiser's name
    "zeros": QT_TR_NOOP("zeros"),
    "article": QT_TR_NOOP("article"),
    "uniform": QT_TR_NOOP("uniform"),
    "xavier_normal": QT_TR_NOOP("xavier_normal"),
    "xavier_uniform": QT_TR_NOOP("xavier_uniform"),
    "he_normal": QT_TR_NOOP("he_normal"),
    "he_uniform": QT_TR_NOOP("he_uniform"),
    "lecun_normal": QT_TR_NOOP("lecun_normal"),
}
_INIT_TIPS = {
    "zeros": QT_TR_NOOP("W = 0: every neuron of a layer stays identical (the symmetry problem)."),
    "article": QT_TR_NOOP(
        "W = randn · 0.01: tiny weights; deep nets start with vanishing signals."
    ),
    "uniform": QT_TR_NOOP("W ~ U(−0.5, 0.5), TensorFlow Playground's choice."),
    "xavier_normal": QT_TR_NOOP(
        "Glorot: N(0, 2/(fan_in+fan_out)), keeps the variance for tanh/sigmoid."
    ),
    "xavier_uniform": QT_TR_NOOP(
        "Glorot: U(±√(6/(fan_in+fan_out))), keeps the variance for tanh/sigmoid."
    ),
    "he_normal": QT_TR_NOOP("He: N(0, 2/fan_in), keeps the variance for ReLU."),
    "he_uniform": QT_TR_NOOP("He: U(±√(6/fan_in)), keeps the variance for ReLU."),
    "lecun_normal": QT_TR_NOOP("LeCun: N(0, 1/fan_in)."),
}
_LOSS_NAMES = {  # the combo's items (English: the loss's name)
    "bce": QT_TR_NOOP("bce"),
    "cross_entropy": QT_TR_NOOP("cross_entropy"),
    "mse": QT_TR_NOOP("mse"),
}
_LOSS_TITLES = {
    "bce": QT_TR_NOOP("binary cross-entropy"),
    "cross_entropy": QT_TR_NOOP("cross-entropy"),
    "mse": "MSE",
}
_LOSS_TIP = QT_TR_NOOP(
    "What the network minimises. 'auto' picks it from the data: binary cross-entropy for two "
    "classes, (softmax) cross-entropy for more, mean squared error for regression."
)
_OUTPUT_TIP = QT_TR_NOOP(
    "Activation of the output layer. 'auto' is the loss's natural one: sigmoid for binary "
    "cross-entropy, softmax for cross-entropy, linear for MSE. Other choices need loss MSE."
)


def _loss_title(loss: str) -> str:
    return tr(_LOSS_TITLES.get(loss, loss))


class ArchitecturePanel(ExperimentPanel):
    """Hidden layers (0–8, 1–16 units, per-layer activation, batch-norm, dropout) and the head.

    Widgets (objectName): ``addLayerButton``, ``removeLayerButton``, ``layerCountLabel``;
    per hidden layer k = 1, 2, … ``unitsSpin_<k>`` (with ``unitsMinus_<k>`` /
    ``unitsPlus_<k>``), ``activationCombo_<k>``, ``batchNormCheck_<k>``, ``dropoutSpin_<k>``;
    network-wide ``batchNormAllCheck``, ``dropoutAllSpin``, ``initCombo``,
    ``outputActivationCombo``, ``lossCombo``; ``architectureSummary``; the red
    ``architectureMessage`` line.

    A layer's batch-norm / dropout widgets show the value in force; changing one sets that
    layer's override (cleared when it equals the network-wide value). The "all layers"
    controls set the network-wide value and clear every override. Every change emits
    :attr:`experimentEdited` (rebuild, same seed).
    """

    SHOWS = ("network", "loss", "data")  # the data decide the inputs and the "auto" head

    def _build(self) -> None:
        self._rows: list[LayerRow] = []

        self.add_layer_button = QPushButton(tr("+ layer"), self)
        self.add_layer_button.setObjectName("addLayerButton")
        self.remove_layer_button = QPushButton(tr("− layer"), self)
        self.remove_layer_button.setObjectName("removeLayerButton")
        self.remove_layer_button.setToolTip(
            tr(
                "Remove the last hidden layer. With none left the network is a linear (logistic) "
                "model: it can only draw a straight boundary."
            )
        )
        self.layer_count_label = QLabel(self)
        self.layer_count_label.setObjectName("layerCountLabel")
        self.layer_count_label.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self._grid_box = QWidget(self)
        self._grid = QGridLayout(self._grid_box)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setHorizontalSpacing(3)
        self._grid.setVerticalSpacing(2)
        headers = ("", "", tr("units"), "", tr("activation"), "BN", tr("dropout"))
        for column, text in enumerate(headers):
            header = QLabel(text, self._grid_box)
            header.setStyleSheet(f"color: {MUTED};")
            header.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self._grid.addWidget(header, 0, column)
        self._grid.setColumnStretch(4, 1)
        self._no_layers_label = QLabel(
            tr("No hidden layer: a linear model (one straight boundary)."), self._grid_box
        )
        self._no_layers_label.setStyleSheet(f"color: {MUTED};")
        self._no_layers_label.setWordWrap(True)
        self._grid.addWidget(self._no_layers_label, 1, 0, 1, len(headers))

        self.batch_norm_all = QCheckBox(tr("batch norm"), self)
        self.batch_norm_all.setObjectName("batchNormAllCheck")
        self.batch_norm_all.setToolTip(
            tr("Batch normalisation in every hidden layer (clears the per-layer choices).")
        )
        self.dropout_all = QDoubleSpinBox(self)
        self.dropout_all.setObjectName("dropoutAllSpin")
        self.dropout_all.setRange(0.0, MAX_DROPOUT)
        self.dropout_all.setSingleStep(0.05)
        self.dropout_all.setDecimals(2)
        self.dropout_all.setKeyboardTracking(False)
        self.dropout_all.setToolTip(
            tr("Dropout probability of every hidden layer (clears the per-layer choices).")
        )
        self.init_combo = self._combo("initCombo", list(INITIALIZERS))
        self.init_combo.setToolTip(
            tr(
                "How the weights start. Biases start at 0. A good start keeps the signal (and "
                "the gradient) the same size from layer to layer."
            )
        )
        self.output_combo = self._combo("outputActivationCombo", list(OUTPUT_ACTIVATIONS))
        self.output_combo.setToolTip(tr(_OUTPUT_TIP))
        self.loss_combo = self._combo("lossCombo", list(LOSSES))
        self.loss_combo.setToolTip(tr(_LOSS_TIP))
        self.summary_label = QLabel(self)
        self.summary_label.setObjectName("architectureSummary")
        self.summary_label.setWordWrap(True)
        self.summary_label.setStyleSheet(f"color: {MUTED};")
        self.summary_label.setToolTip(tr("Neurons per layer, inputs first, and the output head."))
        self.message_label = self._message_label("architectureMessage")

        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.remove_layer_button)
        buttons.addWidget(self.layer_count_label, 1)
        buttons.addWidget(self.add_layer_button)
        all_layers = QHBoxLayout()
        all_layers.setContentsMargins(0, 0, 0, 0)
        all_layers.addWidget(self.batch_norm_all)
        all_layers.addWidget(self.dropout_all, 1)
        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        form.setVerticalSpacing(4)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(tr("All layers"), all_layers)
        form.addRow(tr("Initialiser"), self.init_combo)
        form.addRow(tr("Output"), self.output_combo)
        form.addRow(tr("Loss"), self.loss_combo)
        for field in (self.init_combo, self.output_combo, self.loss_combo):
            form.labelForField(field).setToolTip(field.toolTip())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)
        layout.addLayout(buttons)
        layout.addWidget(self._grid_box)
        layout.addLayout(form)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.message_label)
        layout.addStretch(1)

        self.add_layer_button.clicked.connect(self._on_add_layer_clicked)
        self.remove_layer_button.clicked.connect(self._on_remove_layer_clicked)
        self._bind(self.batch_norm_all.toggled, self._on_network_batch_norm_changed)
        self._bind(self.dropout_all.valueChanged, self._on_network_dropout_changed)
        self._bind(self.init_combo.currentIndexChanged, self._on_init_changed)
        self._bind(self.output_combo.currentIndexChanged, self._on_output_activation_changed)
        self._bind(self.loss_combo.currentIndexChanged, self._on_loss_changed)
        self._set_texts()
        self._show()

    # -- public API --

    def layer_count(self) -> int:
        """Hidden layers shown (equal to the experiment's)."""
        return len(self._rows)

    # -- building blocks --

    def _combo(self, object_name: str, names: list[str]) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(object_name)
        for name in names:
            combo.addItem(name, name)  # the value is the data; the text is set in _set_texts
        return combo

    def _set_texts(self) -> None:
        self.add_layer_button.setToolTip(
            tr(
                "Add a hidden layer at the output end (up to {max}). Depth lets the network "
                "compose simple boundaries into complicated ones — and makes gradients harder "
                "to pass back."
            ).format(max=MAX_LAYERS)
        )
        self.dropout_all.setPrefix(tr("dropout") + " ")
        for combo, titles, tips in (
            (self.init_combo, _INIT_TITLES, _INIT_TIPS),
            (self.loss_combo, _LOSS_NAMES, {}),
        ):
            for i in range(combo.count()):
                name = combo.itemData(i)
                combo.setItemText(i, tr(titles.get(name, name)))
                if name in tips:
                    combo.setItemData(i, tr(tips[name]), Qt.ItemDataRole.ToolTipRole)
        for row in self._rows:
            row.set_texts()

    def _rebuild_rows(self, count: int) -> None:
        while len(self._rows) > count:
            self._rows.pop().delete()
        while len(self._rows) < count:
            row = LayerRow(
                self,
                len(self._rows) + 1,
                on_units=self._guarded(self._on_units_changed),
                on_activation=self._guarded(self._on_activation_changed),
                on_batch_norm=self._guarded(self._on_layer_batch_norm_changed),
                on_dropout=self._guarded(self._on_layer_dropout_changed),
            )
            for column, widget in enumerate(row.widgets):
                widget.setParent(self._grid_box)
                self._grid.addWidget(widget, row.k + 1, column)
                widget.show()
            self._rows.append(row)
        self._no_layers_label.setVisible(count == 0)

    # -- experiment → widgets --

    def _show_experiment(self) -> None:
        experiment = self.experiment()
        network = experiment.network
        layers = network.resolved_layers()
        self._rebuild_rows(len(layers))
        for row, layer in zip(self._rows, layers, strict=True):
            row.show(layer)
        n = len(layers)
        count = tr("{n} hidden layer") if n == 1 else tr("{n} hidden layers")
        self.layer_count_label.setText(count.format(n=n))
        self.add_layer_button.setEnabled(n < MAX_LAYERS)
        self.remove_layer_button.setEnabled(n > 0)
        try:
            loss = experiment.resolved_loss()
            output = experiment.resolved_output_activation()
            sizes = experiment.layer_sizes()
        except ValueError:
            loss = output = "?"
            sizes = (len(experiment.data.features), *(layer.units for layer in layers), 1)
        self.batch_norm_all.setChecked(network.batch_norm)
        self.dropout_all.setValue(network.dropout)
        self.init_combo.setCurrentIndex(self.init_combo.findData(network.init))
        auto_output = self.output_combo.findData("auto")
        self.output_combo.setItemText(auto_output, tr("auto ({choice})").format(choice=output))
        self.output_combo.setCurrentIndex(self.output_combo.findData(network.output_activation))
        auto_loss = self.loss_combo.findData("auto")
        self.loss_combo.setItemText(
            auto_loss, tr("auto ({choice})").format(choice=_loss_title(loss))
        )
        self.loss_combo.setCurrentIndex(self.loss_combo.findData(experiment.loss))
        self.summary_label.setText(
            " → ".join(map(str, sizes))
            + tr("  ·  output {output}, loss {loss}").format(output=output, loss=_loss_title(loss))
        )

    # -- widgets → experiment --

    def _edit_network(self, **changes: object) -> None:
        self._edit(self.message_label, "network", **changes)

    def _edit_layer(self, k: int, **changes: Any) -> None:
        layers = list(self.experiment().network.hidden_layers)
        layers[k - 1] = dataclasses.replace(layers[k - 1], **changes)
        self._edit_network(hidden_layers=tuple(layers))

    def _on_add_layer_clicked(self) -> None:
        layers = self.experiment().network.hidden_layers
        if len(layers) >= MAX_LAYERS:
            return
        last = layers[-1] if layers else LayerSpec(4, "tanh")
        new = LayerSpec(min(last.units, MAX_UNITS), last.activation)
        self._edit_network(hidden_layers=(*layers, new))

    def _on_remove_layer_clicked(self) -> None:
        layers = self.experiment().network.hidden_layers
        if layers:
            self._edit_network(hidden_layers=layers[:-1])

    def _on_units_changed(self, k: int, units: int) -> None:
        if units < 1 or units > self._rows[k - 1].units.maximum():
            return
        if units != self.experiment().network.hidden_layers[k - 1].units:
            self._edit_layer(k, units=units)

    def _on_activation_changed(self, k: int, activation: str) -> None:
        if activation != self.experiment().network.hidden_layers[k - 1].activation:
            self._edit_layer(k, activation=activation)

    def _on_layer_batch_norm_changed(self, k: int, on: bool) -> None:
        network_default = self.experiment().network.batch_norm
        self._edit_layer(k, batch_norm=None if on == network_default else on)

    def _on_layer_dropout_changed(self, k: int, p: float) -> None:
        p = round(p, 2)
        network_default = self.experiment().network.dropout
        self._edit_layer(k, dropout=None if p == network_default else p)

    def _cleared_overrides(self, field: str) -> tuple[LayerSpec, ...]:
        cleared: dict[str, Any] = {field: None}
        return tuple(
            dataclasses.replace(layer, **cleared)
            for layer in self.experiment().network.hidden_layers
        )

    def _on_network_batch_norm_changed(self, on: bool) -> None:
        self._edit_network(batch_norm=on, hidden_layers=self._cleared_overrides("batch_norm"))

    def _on_network_dropout_changed(self, p: float) -> None:
        self._edit_network(dropout=round(p, 2), hidden_layers=self._cleared_overrides("dropout"))

    def _on_init_changed(self, index: int) -> None:
        self._edit_network(init=self.init_combo.itemData(index))

    def _on_output_activation_changed(self, index: int) -> None:
        self._edit_network(output_activation=self.output_combo.itemData(index))

    def _on_loss_changed(self, index: int) -> None:
        self._edit(self.message_label, loss=self.loss_combo.itemData(index))
