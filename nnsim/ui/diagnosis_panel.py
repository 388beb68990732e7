"""The coach's panel: what training is doing, in the learner's words, with a cure to try.

One row per :class:`~nnsim.training.diagnosis.Diagnosis` of the newest snapshot (found by
the training process every few steps, see :mod:`nnsim.training.diagnosis`), the latest on
top (a run that diverged says so first): the code and the step it was first seen, the
sentence with its numbers, and a button that applies the cure as a new run (the window
keeps the old run's test loss as a faded ghost to compare with).
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from nnsim.training.diagnosis import Diagnosis
from nnsim.training.diagnosis.messages import TITLES
from nnsim.training.snapshot import Snapshot
from nnsim.training.text import QT_TR_NOOP
from nnsim.ui.i18n import shown, tr
from nnsim.ui.plots.diagnosis_markers import DIAGNOSIS_MARKER_COLOR
from nnsim.ui.style import HIGHLIGHT, MUTED

WARNING_COLOR = DIAGNOSIS_MARKER_COLOR  # amber: something to look at; red when it stopped
CURE_TOOLTIP = QT_TR_NOOP(
    "Try this change beside the run as it is: Compare opens with the two, both from step 0\n"
    "on the same data and initial weights, playing. “Use this run” there makes it the main\n"
    "experiment; the run in this window is paused and kept."
)
PANEL_TOOLTIP = QT_TR_NOOP(
    "The coach watches the loss, the gradients and the hidden units every 100 steps and says\n"
    "what it sees: each problem once, with the step it was first seen and its numbers\n"
    "(the latest on top; hover a row for every number).\n"
    "The same list is on the loss and gradient plots as dashed amber lines (nnsim run writes it\n"
    "to diagnosis.json)."
)
EVIDENCE = {  # each number of a diagnosis's evidence, as its row's tooltip names it
    "activation": QT_TR_NOOP("activation = {value}"),
    "bad": QT_TR_NOOP("bad = {value}"),
    "dead": QT_TR_NOOP("dead = {value}"),
    "explanation": QT_TR_NOOP("explanation = {value}"),
    "fall": QT_TR_NOOP("fall = {value}"),
    "first": QT_TR_NOOP("first = {value}"),
    "first_loss": QT_TR_NOOP("first_loss = {value}"),
    "fraction": QT_TR_NOOP("fraction = {value}"),
    "from": QT_TR_NOOP("from = {value}"),
    "growth": QT_TR_NOOP("growth = {value}"),
    "last": QT_TR_NOOP("last = {value}"),
    "loss": QT_TR_NOOP("loss = {value}"),
    "lr": QT_TR_NOOP("lr = {value}"),
    "mean": QT_TR_NOOP("mean = {value}"),
    "norm": QT_TR_NOOP("norm = {value}"),
    "ratio": QT_TR_NOOP("ratio = {value}"),
    "relu": QT_TR_NOOP("relu = {value}"),
    "rise": QT_TR_NOOP("rise = {value}"),
    "saturated": QT_TR_NOOP("saturated = {value}"),
    "spread": QT_TR_NOOP("spread = {value}"),
    "test_from": QT_TR_NOOP("test_from = {value}"),
    "test_to": QT_TR_NOOP("test_to = {value}"),
    "train_from": QT_TR_NOOP("train_from = {value}"),
    "train_to": QT_TR_NOOP("train_to = {value}"),
    "trend": QT_TR_NOOP("trend = {value}"),
    "turns": QT_TR_NOOP("turns = {value}"),
    "units": QT_TR_NOOP("units = {value}"),
    "value": QT_TR_NOOP("value = {value}"),
    "window": QT_TR_NOOP("window = {value}"),
    "z": QT_TR_NOOP("z = {value}"),
}
EVIDENCE_WORDS = {"loss": QT_TR_NOOP("loss"), "weight": QT_TR_NOOP("weight")}  # what went bad
ROWS_SHOWN = 2  # rows the panel makes room for; more scroll
EMPTY_TEXT = QT_TR_NOOP("Nothing wrong seen so far: the coach checks every 100 steps.")


def diagnosis_color(code: str) -> str:
    return HIGHLIGHT if code == "diverged" else WARNING_COLOR


class DiagnosisRow(QFrame):
    """One diagnosis: a coloured code and step, the message, and the cure's button
    (objectName ``cureButton``; absent when no cure fits)."""

    cureClicked = Signal(object)

    def __init__(self, diagnosis: Diagnosis, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.diagnosis = diagnosis
        name = f"diagnosis_{diagnosis.code}"
        self.setObjectName(name)
        color = diagnosis_color(diagnosis.code)
        self.setStyleSheet(f"#{name} {{ border-left: 3px solid {color}; background: #fafafa; }}")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 3, 4, 3)
        if diagnosis.layer is None:
            where = tr("step {step}").format(step=diagnosis.step)
        else:
            where = tr("step {step} · layer {layer}").format(
                step=diagnosis.step, layer=diagnosis.layer
            )
        self.label = QLabel(
            f"<b style='color:{color}'>{escape(diagnosis_title(diagnosis.code))}</b>"
            f" <span style='color:{MUTED}'>{escape(where)}</span>"
            f" — {escape(shown(diagnosis.text))}"
        )
        self.label.setObjectName("diagnosisText")
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.label.setToolTip(_evidence_text(diagnosis))
        layout.addWidget(self.label, 1)
        self.cure_button: QPushButton | None = None
        if diagnosis.cure is not None:
            label = shown(diagnosis.cure.label)
            button = self.cure_button = QPushButton(tr("Try: {cure}").format(cure=label))
            button.setObjectName("cureButton")
            button.setToolTip(tr(CURE_TOOLTIP))
            button.clicked.connect(lambda: self.cureClicked.emit(self.diagnosis))
            layout.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)


def diagnosis_title(code: str) -> str:
    """A diagnosis's name in the panel: its code in English, its name in a translation."""
    return tr(TITLES[code]) if code in TITLES else code


def _evidence_text(diagnosis: Diagnosis) -> str:
    """The evidence, one number a line, for the row's tooltip (a translated window names
    the code and leaves out the explanation: the row says it)."""
    lines = [
        tr("{code}, first seen at step {step}. Evidence:").format(
            code=diagnosis_title(diagnosis.code), step=diagnosis.step
        )
    ]
    for name, value in diagnosis.evidence.items():
        if isinstance(value, float):
            text = f"{value:.4g}"
        elif isinstance(value, str):
            text = shown(EVIDENCE_WORDS.get(value, value))  # the explanation, loss or weight
        else:
            text = str(value)
        line = tr(EVIDENCE[name]) if name in EVIDENCE else "{name} = {value}"
        lines.append("  " + line.format(name=name, value=text))
    return "\n".join(lines)


class DiagnosisPanel(QFrame):
    """The coach (objectName ``diagnosisPanel``): the diagnoses of the run on screen.

    ``cureRequested(diagnosis)`` asks the window to apply ``diagnosis.cure`` as a new run.
    Rows are rebuilt only when the list changes, so feeding it every snapshot is cheap.
    """

    cureRequested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("diagnosisPanel")
        self.setToolTip(tr(PANEL_TOOLTIP))
        self._shown: tuple[tuple[str, int, int | None], ...] = ()
        self.rows: list[DiagnosisRow] = []
        outer = QVBoxLayout(self)
        outer.setContentsMargins(4, 2, 4, 2)
        outer.setSpacing(2)
        self.title = QLabel(tr("<b>Coach</b>"))
        self.title.setObjectName("diagnosisTitle")
        self.empty_label = QLabel(tr(EMPTY_TEXT))
        self.empty_label.setObjectName("diagnosisEmpty")
        self.empty_label.setStyleSheet(f"color: {MUTED};")
        self.empty_label.setWordWrap(True)
        header = QHBoxLayout()
        header.addWidget(self.title)
        header.addWidget(self.empty_label, 1)
        outer.addLayout(header)
        body = QWidget()
        self._rows_layout = QVBoxLayout(body)
        self._rows_layout.setContentsMargins(0, 0, 0, 0)
        self._rows_layout.setSpacing(3)
        self._rows_layout.addStretch(1)
        self.rows_area = QScrollArea(self)
        self.rows_area.setObjectName("diagnosisScroll")
        self.rows_area.setWidget(body)
        self.rows_area.setWidgetResizable(True)
        self.rows_area.setFrameShape(QFrame.Shape.NoFrame)
        self.rows_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.rows_area.hide()
        outer.addWidget(self.rows_area, 1)

    def changeEvent(self, event: QEvent) -> None:
        """View ▸ Language: the rows are made from values, so they are made again (the
        panel's fixed texts are converted in place, see :mod:`nnsim.ui.retranslate`)."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange and self.rows:
            diagnoses = tuple(reversed([row.diagnosis for row in self.rows]))
            self._shown = ()
            self.show_diagnoses(diagnoses)

    def show_snapshot(self, snapshot: Snapshot) -> None:
        self.show_diagnoses(snapshot.diagnoses)

    def show_diagnoses(self, diagnoses: tuple[Diagnosis, ...]) -> None:
        """Show ``diagnoses`` (first seen first); nothing is rebuilt if they are the same."""
        keys = tuple((d.code, d.step, d.layer) for d in diagnoses)
        if keys == self._shown:
            return
        self._shown = keys
        for row in self.rows:
            self._rows_layout.removeWidget(row)
            row.hide()  # gone now, not only when the event loop gets to the deletion
            row.deleteLater()
        self.rows = []
        for i, diagnosis in enumerate(reversed(diagnoses)):  # the latest on top
            row = DiagnosisRow(diagnosis)
            row.cureClicked.connect(self.cureRequested)
            self._rows_layout.insertWidget(i, row)
            self.rows.append(row)
        self.empty_label.setVisible(not diagnoses)
        self.rows_area.setVisible(bool(diagnoses))
        # room for two rows of three lines before it scrolls: the splitter gives it that much
        line = self.fontMetrics().lineSpacing()
        self.rows_area.setMinimumHeight(min(len(diagnoses), ROWS_SHOWN) * (3 * line + 12))
        self.rows_area.verticalScrollBar().setValue(0)

    def clear(self) -> None:
        self.show_diagnoses(())

    def codes(self) -> list[str]:
        """The codes shown, top to bottom (the latest first)."""
        return [row.diagnosis.code for row in self.rows]
