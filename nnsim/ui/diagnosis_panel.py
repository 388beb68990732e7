"""The coach's panel: what training is doing, in the learner's words, with a cure to try.

One row per :class:`~nnsim.training.diagnosis.Diagnosis` of the newest snapshot (found by
the training process every few steps, see :mod:`nnsim.training.diagnosis`), the latest on
top (a run that diverged says so first): the code and the step it was first seen, the
sentence with its numbers, and a button that applies the cure as a new run (the window
keeps the old run's test loss as a faded ghost to compare with).
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
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
from nnsim.training.snapshot import Snapshot
from nnsim.ui.plots.diagnosis_markers import DIAGNOSIS_MARKER_COLOR
from nnsim.ui.style import HIGHLIGHT, MUTED

WARNING_COLOR = DIAGNOSIS_MARKER_COLOR  # amber: something to look at; red when it stopped
CURE_TOOLTIP = (
    "Try this change beside the run as it is: Compare opens with the two, both from step 0\n"
    "on the same data and initial weights, playing. “Use this run” there makes it the main\n"
    "experiment; the run in this window is paused and kept."
)
PANEL_TOOLTIP = (
    "The coach watches the loss, the gradients and the hidden units every 100 steps and says\n"
    "what it sees: each problem once, with the step it was first seen and its numbers\n"
    "(the latest on top; hover a row for every number).\n"
    "The same list is on the loss and gradient plots as dashed amber lines (nnsim run writes it\n"
    "to diagnosis.json)."
)
ROWS_SHOWN = 2  # rows the panel makes room for; more scroll
EMPTY_TEXT = "Nothing wrong seen so far: the coach checks every 100 steps."


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
        where = f"step {diagnosis.step}"
        if diagnosis.layer is not None:
            where += f" · layer {diagnosis.layer}"
        self.label = QLabel(
            f"<b style='color:{color}'>{escape(diagnosis.code)}</b>"
            f" <span style='color:{MUTED}'>{escape(where)}</span> — {escape(diagnosis.message)}"
        )
        self.label.setObjectName("diagnosisText")
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.label.setToolTip(_evidence_text(diagnosis))
        layout.addWidget(self.label, 1)
        self.cure_button: QPushButton | None = None
        if diagnosis.cure is not None:
            button = self.cure_button = QPushButton(f"Try: {diagnosis.cure.label}")
            button.setObjectName("cureButton")
            button.setToolTip(CURE_TOOLTIP)
            button.clicked.connect(lambda: self.cureClicked.emit(self.diagnosis))
            layout.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)


def _evidence_text(diagnosis: Diagnosis) -> str:
    """The evidence, one number a line, for the row's tooltip."""
    lines = [f"{diagnosis.code}, first seen at step {diagnosis.step}. Evidence:"]
    for name, value in diagnosis.evidence.items():
        shown = f"{value:.4g}" if isinstance(value, float) else str(value)
        lines.append(f"  {name} = {shown}")
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
        self.setToolTip(PANEL_TOOLTIP)
        self._shown: tuple[tuple[str, int, int | None], ...] = ()
        self.rows: list[DiagnosisRow] = []
        outer = QVBoxLayout(self)
        outer.setContentsMargins(4, 2, 4, 2)
        outer.setSpacing(2)
        self.title = QLabel("<b>Coach</b>")
        self.title.setObjectName("diagnosisTitle")
        self.empty_label = QLabel(EMPTY_TEXT)
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
