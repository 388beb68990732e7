"""The numbers panel: a phase's formula with the engine's values, and its matrices as tables.

Above, the formula of the phase for one neuron j and one weight W[j, i], chosen with the
spin boxes (or by clicking an edge of the diagram); below, every matrix of the phase with
4 significant digits (:meth:`LectureSession.tables`), the entries the formula uses marked.
"""

from __future__ import annotations

import html

import numpy as np
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QResizeEvent, QTextOption
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from nnsim.training.lecture import Table
from nnsim.training.phases import Phase
from nnsim.ui.i18n import tr

MAX_ROWS = MAX_COLS = 8  # the tables' size limit (larger matrices are shown with ⋮ and …)
CELL_SAMPLE = "−0.0001234"  # a wide cell: how many columns fit the panel's width
MARK = "#ffe680"  # background of the entries the formula uses
FORMULA_SCALE = 1.35  # the formula's text, relative to the window's
TABLE_SCALE = 1.15  # the tables' text


def _kept(n: int, limit: int) -> list[int | None]:
    """Rows (columns) of ``n`` a table shows, as :func:`format_matrix` keeps them."""
    if n <= limit:
        return list(range(n))
    head = max(limit - 2, 1)
    return [*range(head), None, *range(n - (limit - 1 - head), n)]


def used_entries(
    phase: Phase, key: str, neuron: int, weight: tuple[int, int], sample: int = 0
) -> set[tuple[int, int]]:
    """The (row, col) entries of ``phase.arrays[key]`` (as a table: 1-D is a column) that the
    formula of :func:`~nnsim.training.lecture.explain` uses, indices clamped as it does."""
    value = np.asarray(phase.arrays[key])
    shape = value.shape if value.ndim == 2 else (value.size, 1)
    rows, cols = shape

    def clamp(i: int, n: int) -> int:
        return min(max(int(i), 0), max(n - 1, 0))

    s = clamp(sample, rows)
    if phase.kind == "update":
        stem = key.rsplit("_", 1)[0].rstrip("0123456789")
        if stem == "W":
            return {(clamp(weight[0], rows), clamp(weight[1], cols))}
        if stem == "b":
            return {(clamp(neuron, rows), 0)}
        return set()
    if phase.kind == "forward":
        j = clamp(neuron, phase.arrays["W"].shape[0])  # of the layer's units
        if key == "A_prev":
            return {(s, c) for c in range(cols)}
        if key == "W":
            return {(j, c) for c in range(cols)}
        if key == "b":
            return {(j, 0)}
        return {(s, j)} if cols > j else set()
    if phase.kind == "loss":
        return {(s, clamp(neuron, cols))} if key == "A" else {(s, 0)}
    if phase.kind == "backward":
        if key == "dW":
            return {(clamp(weight[0], rows), clamp(weight[1], cols))}
        if key == "db":
            return {(clamp(neuron, rows), 0)}
        return {(s, clamp(neuron, cols))}
    return set()


def _groups(keys: list[str], tables: list[Table], kind: str, room: int) -> list[list[int]]:
    """Which tables sit side by side: a parameter's before/step/after, or a phase's inputs
    and outputs, as long as their columns add up to at most ``room``."""
    breaks = {"forward": {"Z"}, "backward": {"dW"}}.get(kind, set())
    groups: list[list[int]] = []
    width = 0
    for i, (key, table) in enumerate(zip(keys, tables, strict=True)):
        cols = len(table.cells[0]) if table.cells else 1
        new_parameter = kind == "update" and key.endswith("_old")
        if not groups or key in breaks or new_parameter or width + cols > room:
            groups.append([])
            width = 0
        groups[-1].append(i)
        width += cols
    return groups


def tables_html(
    tables: list[Table],
    keys: list[str],
    kind: str,
    marks: list[set[tuple[int, int]]],
    room: int = 9,
) -> str:
    """The tables as rich text; ``marks[i]`` are the array entries of table i to mark, and
    tables sit side by side while their columns add up to at most ``room``."""
    rows_html = []
    for group in _groups(keys, tables, kind, room):
        cells = [_table_html(tables[i], marks[i]) for i in group]
        rows_html.append(
            '<table cellspacing="0" cellpadding="0"><tr>'
            + "".join(f'<td valign="top" style="padding: 0 18px 12px 0">{c}</td>' for c in cells)
            + "</tr></table>"
        )
    return "".join(rows_html)


def _table_html(table: Table, marks: set[tuple[int, int]]) -> str:
    shape = "×".join(str(n) for n in table.shape) if table.shape else "1"
    if len(table.shape) == 1:
        shape += "×1"
    rows = _kept(table.shape[0] if table.shape else 1, MAX_ROWS)
    cols = _kept(table.shape[1] if len(table.shape) == 2 else 1, MAX_COLS)
    body = []
    for r, row in zip(rows, table.cells, strict=True):
        tds = []
        for c, text in zip(cols, row, strict=True):
            marked = r is not None and c is not None and (r, c) in marks
            # marked by colour only: Qt sizes table columns for the regular weight
            colour = f' bgcolor="{MARK}"' if marked else ""
            tds.append(f'<td align="right"{colour}><nobr>{html.escape(text)}</nobr></td>')
        body.append("<tr>" + "".join(tds) + "</tr>")
    return (
        f'<p style="margin: 0 0 2px 0"><b>{html.escape(table.label)}</b>'
        f' <span style="color: #666666">{shape}</span></p>'
        '<table border="1" cellspacing="0" cellpadding="4" '
        'style="border-collapse: collapse; border-color: #999999">' + "".join(body) + "</table>"
    )


def formula_html(lines: list[str]) -> str:
    """The lines of :func:`explain` as paragraphs (they are already simple rich text)."""
    return "".join(f'<p style="margin: 0 0 8px 0">{line}</p>' for line in lines)


class NumbersPanel(QWidget):
    """The formula of the current phase and its matrices.

    Signals
    -------
    choiceChanged()
        The neuron or the weight to write out was changed.
    """

    choiceChanged = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("numbersPanel")
        self._font_scale = 1.0
        self._blocked = False
        self._shown: tuple[Phase, list[Table]] | None = None  # to lay it out again on resize

        def spin(name: str, tip: str) -> QSpinBox:
            box = QSpinBox(self)
            box.setObjectName(name)
            box.setToolTip(tip)
            box.setRange(0, 0)
            box.valueChanged.connect(self._on_choice_changed)
            return box

        self.neuron_spin = spin(
            "neuronSpin", tr("Neuron j of the layer whose formula is written out")
        )
        self.weight_row_spin = spin(
            "weightRowSpin", tr("j of the weight W[j, i]: the neuron it feeds")
        )
        self.weight_col_spin = spin(
            "weightColSpin", tr("i of the weight W[j, i]: where it comes from")
        )
        choice = QHBoxLayout()
        choice.setContentsMargins(0, 0, 0, 0)
        choice.addWidget(QLabel(tr("Neuron j"), self))
        choice.addWidget(self.neuron_spin)
        choice.addSpacing(12)
        choice.addWidget(QLabel(tr("Weight W[j, i]"), self))
        choice.addWidget(self.weight_row_spin)
        choice.addWidget(self.weight_col_spin)
        choice.addStretch(1)

        self.formula = self._browser("formulaText")
        self.matrices = self._browser("matricesText")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(choice)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(self.formula)
        self.splitter.addWidget(self.matrices)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        layout.addWidget(self.splitter, 1)
        self.set_font_scale(1.0)

    def _browser(self, name: str) -> QTextBrowser:
        browser = QTextBrowser(self)
        browser.setObjectName(name)
        browser.setOpenLinks(False)
        browser.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the arrow keys walk the phases
        browser.setWordWrapMode(QTextOption.WrapMode.WordWrap)  # never inside a number
        return browser

    # -- the choice of neuron and weight ------------------------------------------------------
    def neuron(self) -> int:
        return self.neuron_spin.value()

    def weight(self) -> tuple[int, int]:
        return (self.weight_row_spin.value(), self.weight_col_spin.value())

    def set_limits(self, units: int, fan_in: int) -> None:
        """Spin box ranges: the widest layer's units and inputs (formulas clamp per layer)."""
        self._blocked = True
        self.neuron_spin.setMaximum(max(units - 1, 0))
        self.weight_row_spin.setMaximum(max(units - 1, 0))
        self.weight_col_spin.setMaximum(max(fan_in - 1, 0))
        self._blocked = False

    def set_choice(self, neuron: int | None = None, weight: tuple[int, int] | None = None) -> None:
        """Choose the neuron and/or the weight to write out (one :attr:`choiceChanged`)."""
        self._blocked = True
        if neuron is not None:
            self.neuron_spin.setValue(neuron)
        if weight is not None:
            self.weight_row_spin.setValue(weight[0])
            self.weight_col_spin.setValue(weight[1])
        self._blocked = False
        self.choiceChanged.emit()

    def _on_choice_changed(self) -> None:
        if not self._blocked:
            self.choiceChanged.emit()

    # -- what is shown ------------------------------------------------------------------------
    def show_phase(self, phase: Phase, tables: list[Table], lines: list[str]) -> None:
        """Show ``phase``: its formula ``lines`` and its ``tables`` (in the order of its arrays)."""
        self._shown = (phase, tables)
        self.formula.setHtml(formula_html(lines))
        self._show_tables(phase, tables)
        self._fit_formula()

    def _fit_formula(self) -> None:
        """Give the formula the height it needs (up to 65 %), the tables the rest."""
        total = sum(self.splitter.sizes())
        if total <= 0:
            return
        document = self.formula.document()
        document.setTextWidth(self.formula.viewport().width())
        needed = int(document.size().height()) + 2 * self.formula.frameWidth() + 4
        formula = min(max(needed, total // 5), int(total * 0.65))
        self.splitter.setSizes([formula, total - formula])

    def _show_tables(self, phase: Phase, tables: list[Table]) -> None:
        keys = list(phase.arrays)[: len(tables)]
        marks = [used_entries(phase, key, self.neuron(), self.weight()) for key in keys]
        cell = QFontMetrics(self.matrices.font()).horizontalAdvance(CELL_SAMPLE) + 12
        room = max(2, (self.matrices.viewport().width() - 40) // cell)
        self.matrices.setHtml(tables_html(tables, keys, phase.kind, marks, room))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._shown is not None:
            self._show_tables(*self._shown)
            self._fit_formula()

    def show_message(self, text: str) -> None:
        """Show a note instead of a phase (before the first one)."""
        self._shown = None
        self.formula.setHtml(f"<p>{text}</p>")
        self.matrices.clear()

    def formula_text(self) -> str:
        """The formula as plain text (what is on screen)."""
        return self.formula.toPlainText()

    def tables_text(self) -> str:
        """The matrices as plain text (labels, shapes and values)."""
        return self.matrices.toPlainText()

    def text(self) -> str:
        return f"{self.formula_text()}\n{self.tables_text()}"

    # -- presentation -------------------------------------------------------------------------
    def set_font_scale(self, scale: float) -> None:
        self._font_scale = float(scale)
        base = QApplication.font().pointSizeF()
        base = base if base > 0 else 9.0
        for widget, factor in ((self.formula, FORMULA_SCALE), (self.matrices, TABLE_SCALE)):
            font = QFont(self.font())
            font.setPointSizeF(base * factor * self._font_scale)
            widget.setFont(font)
        if self._shown is not None:
            self._show_tables(*self._shown)
            self._fit_formula()
