"""What flows through the network in the next step: the mini-batch, one sample, or a sample
typed in by hand (:meth:`LectureSession.set_source`)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from nnsim.training.lecture import Source, format_number
from nnsim.training.text import QT_TR_NOOP
from nnsim.ui.i18n import tr

KINDS = (
    (QT_TR_NOOP("Mini-batch"), "batch"),
    (QT_TR_NOOP("One sample"), "sample"),
    (QT_TR_NOOP("Typed in"), "custom"),
)
EXTENT = 6.0  # points live in [−6, 6]²


class SourceChooser(QWidget):
    """A combo box (mini-batch / one sample / typed in) and the fields of the chosen kind.

    Signals
    -------
    sourceChosen(kind, values)
        The user chose a source: ``values`` holds ``index`` (sample) or ``x`` and ``y``
        (typed in), as :meth:`LectureSession.set_source` takes them.
    """

    sourceChosen = Signal(str, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sourceChooser")
        self._blocked = False
        self.combo = QComboBox(self)
        self.combo.setObjectName("sourceCombo")
        self.combo.setToolTip(tr("What flows through the network in the next step"))
        for text, kind in KINDS:
            self.combo.addItem(tr(text), kind)
        self.combo.activated.connect(self._emit)

        self.index_spin = QSpinBox(self)
        self.index_spin.setObjectName("sampleIndexSpin")
        self.index_spin.setToolTip(tr("The training sample (row of the training set)"))
        self.index_spin.valueChanged.connect(self._emit)
        self.x1_spin = self._number("customX1Spin", tr("x₁ of the sample typed in"), EXTENT)
        self.x2_spin = self._number("customX2Spin", tr("x₂ of the sample typed in"), EXTENT)
        self.target_spin = self._number("customTargetSpin", tr("Its target Y"), 1.0)

        self.sample_row = self._row(
            QLabel(tr("Sample #")), self.index_spin, QLabel(tr("or click a point"))
        )
        self.custom_row = QWidget(self)
        custom = QVBoxLayout(self.custom_row)
        custom.setContentsMargins(0, 0, 0, 0)
        custom.addWidget(self._row(QLabel("x₁"), self.x1_spin, QLabel("x₂"), self.x2_spin))
        custom.addWidget(self._row(QLabel(tr("target Y")), self.target_spin))
        self.summary = QLabel(self)
        self.summary.setObjectName("sourceSummary")
        self.summary.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(tr("What flows through:")))
        layout.addWidget(self._row(self.combo))
        layout.addWidget(self.sample_row)
        layout.addWidget(self.custom_row)
        layout.addWidget(self.summary)
        self._show_rows("batch")

    def _number(self, name: str, tip: str, limit: float) -> QDoubleSpinBox:
        box = QDoubleSpinBox(self)
        box.setObjectName(name)
        box.setToolTip(tip)
        box.setRange(-limit, limit)
        box.setDecimals(2)
        box.setSingleStep(0.1)
        box.valueChanged.connect(self._emit)
        return box

    def _row(self, *widgets: QWidget) -> QWidget:
        row = QWidget(self)
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in widgets:
            layout.addWidget(widget)
        layout.addStretch(1)
        return row

    # -- configuration --------------------------------------------------------------------------
    def configure(self, samples: int, loss: str, classes: int) -> None:
        """Ranges for a training set of ``samples`` points and the loss's targets."""
        self._blocked = True
        self.index_spin.setRange(0, max(samples - 1, 0))
        if loss == "bce":
            self.target_spin.setRange(0.0, 1.0)
            self.target_spin.setDecimals(2)
        elif loss == "cross_entropy":
            self.target_spin.setRange(0, max(classes - 1, 0))
            self.target_spin.setDecimals(0)
        else:
            self.target_spin.setRange(-10.0, 10.0)
            self.target_spin.setDecimals(2)
        self._blocked = False

    def kind(self) -> str:
        return self.combo.currentData()

    def values(self) -> dict:
        """The chosen kind's values, as ``set_source`` takes them."""
        kind = self.kind()
        if kind == "sample":
            return {"index": self.index_spin.value()}
        if kind == "custom":
            x = (self.x1_spin.value(), self.x2_spin.value())
            return {"x": x, "y": self.target_spin.value()}
        return {}

    def show_source(self, source: Source, note: str = "") -> None:
        """Show ``source`` in the fields (no signal) and describe it in the summary."""
        self._blocked = True
        self.combo.setCurrentIndex(max(self.combo.findData(source.kind), 0))
        if source.kind == "sample" and source.index is not None:
            self.index_spin.setValue(source.index)
        if source.kind == "custom" and source.point is not None:
            self.x1_spin.setValue(source.point[0])
            self.x2_spin.setValue(source.point[1])
            if source.target is not None:
                self.target_spin.setValue(source.target)
        self._blocked = False
        self._show_rows(source.kind)
        self.summary.setText(describe_source(source) + (f" {note}" if note else ""))

    def choose(self, kind: str, **values) -> None:
        """Set the fields as a user would (emits :attr:`sourceChosen`)."""
        self._blocked = True
        self.combo.setCurrentIndex(self.combo.findData(kind))
        if "index" in values:
            self.index_spin.setValue(int(values["index"]))
        if "x" in values:
            self.x1_spin.setValue(values["x"][0])
            self.x2_spin.setValue(values["x"][1])
        if "y" in values:
            self.target_spin.setValue(values["y"])
        self._blocked = False
        self._emit()

    def _emit(self, *_) -> None:
        if self._blocked:
            return
        self._show_rows(self.kind())
        self.sourceChosen.emit(self.kind(), self.values())

    def _show_rows(self, kind: str) -> None:
        self.sample_row.setVisible(kind == "sample")
        self.custom_row.setVisible(kind == "custom")


def describe_source(source: Source) -> str:
    """``"Sample 3: x = (1.2, −0.4), Y = 1"`` and the like, in the window's language."""
    if source.kind == "batch":
        return tr("The trainer's next mini-batch.")
    assert source.point is not None and source.target is not None, "a sample's or a typed one's"
    x1, x2 = (format_number(v) for v in source.point)
    values = {"x1": x1, "x2": x2, "y": format_number(source.target)}
    if source.kind == "sample":
        return tr("Sample {index}: x = ({x1}, {x2}), Y = {y}.").format(index=source.index, **values)
    return tr("Typed in: x = ({x1}, {x2}), Y = {y}.").format(**values)
