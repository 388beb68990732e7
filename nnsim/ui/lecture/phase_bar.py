"""The phase bar: ``Forward L1 → … → Loss → Backward L… → Update``, the current phase marked.

Phases already walked in the step are dark, the current one is filled in the diagram's
highlight colour, the ones to come are grey. Each phase is a flat button: clicking it goes
there (:attr:`PhaseBar.phaseClicked`). When the full titles do not fit the width, the bar
switches to shorter ones (``Fwd L1``, then ``F1``), and when even those do not fit, to a
smaller font: a title is never cut. The titles come from the session in English
(``Forward L1``) and are shown in the window's language (:func:`phase_title`).
"""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QFontMetricsF
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QToolButton, QWidget

from nnsim.training.lecture import LectureSession
from nnsim.training.text import QT_TR_NOOP
from nnsim.ui.i18n import tr
from nnsim.ui.style import HIGHLIGHT, MUTED

ARROW = "→"
PHASE_BUTTON_PADDING = 18  # px around a button's text (its style sheet's padding and border)
SMALLEST_FONT = 0.5  # the bar's font shrinks to no less than this when even "F1 → J" is too wide


def _bold(font: QFont) -> QFont:
    bold = QFont(font)
    bold.setBold(True)
    return bold


TITLES = {  # a phase's kind → its title from longest to most compact
    "Forward": (QT_TR_NOOP("Forward L{layer}"), QT_TR_NOOP("Fwd L{layer}"), QT_TR_NOOP("F{layer}")),
    "Backward": (
        QT_TR_NOOP("Backward L{layer}"), QT_TR_NOOP("Bwd L{layer}"), QT_TR_NOOP("B{layer}"),
    ),
    "Loss": (QT_TR_NOOP("Loss"), QT_TR_NOOP("Loss"), "J"),
    "Update": (QT_TR_NOOP("Update"), QT_TR_NOOP("Update"), QT_TR_NOOP("Upd")),
}  # fmt: skip


def short_titles(title: str) -> tuple[str, str, str]:
    """A phase title (``session.titles``' English) from longest to most compact, in the
    window's language: ``Backward L2`` → ``Bwd L2``, ``B2``."""
    kind, _, layer = title.partition(" L")
    if kind not in TITLES:  # not a phase of step_phases: as it is
        return (title, title, title[:3])
    return tuple(tr(t).format(layer=layer) for t in TITLES[kind])  # type: ignore[return-value]


def phase_title(title: str) -> str:
    """The full title of a phase in the window's language (``Forward L1`` → 前向 L1)."""
    return short_titles(title)[0]


def step_text(session: LectureSession) -> str:
    """Where the lecture is: ``Step 3 · Backward L2 (4 of 6)``, or ready before a step."""
    position, titles = session.position, session.titles
    if position < 0:
        return tr("Step {step} · ready: press → to begin").format(step=session.step_index + 1)
    return tr("Step {step} · {phase} ({position} of {count})").format(
        step=session.step_index,
        phase=phase_title(titles[position]),
        position=position + 1,
        count=len(titles),
    )


class PhaseBar(QWidget):
    """A row of phase buttons with arrows between them.

    Signals
    -------
    phaseClicked(position)
        The user clicked phase ``position`` (an index into the titles).
    """

    phaseClicked = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("phaseBar")
        self._titles: list[str] = []
        self._current = -1
        self._variant = 0
        self.buttons: list[QToolButton] = []
        self._arrows: list[QLabel] = []
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(4)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)

    @property
    def titles(self) -> list[str]:
        return list(self._titles)

    @property
    def current(self) -> int:
        """The marked phase, −1 for none."""
        return self._current

    def shown_texts(self) -> list[str]:
        """The texts on the buttons (full or shortened titles)."""
        return [button.text() for button in self.buttons]

    def set_titles(self, titles: list[str]) -> None:
        """Show the phases ``titles`` (rebuilds the buttons if they changed)."""
        if list(titles) == self._titles:
            return
        self._titles = list(titles)
        while (item := self._layout.takeAt(0)) is not None:  # None once it is empty
            widget = item.widget()
            if widget is not None:
                widget.deleteLater()
        self.buttons, self._arrows = [], []
        self._layout.addStretch(1)
        for position, title in enumerate(self._titles):
            if position:
                arrow = QLabel(ARROW, self)
                arrow.setStyleSheet(f"color: {MUTED};")
                self._layout.addWidget(arrow)
                self._arrows.append(arrow)
            button = QToolButton(self)
            button.setObjectName(f"phaseButton_{position}")
            button.setToolTip(tr("Go to {phase}").format(phase=phase_title(title)))
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setAutoRaise(True)
            button.clicked.connect(lambda _=False, p=position: self.phaseClicked.emit(p))
            self._layout.addWidget(button)
            self.buttons.append(button)
        self._layout.addStretch(1)
        self._relayout()

    def set_current(self, position: int) -> None:
        """Mark phase ``position`` (−1: none yet)."""
        self._current = position
        self._restyle()

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            for button, title in zip(self.buttons, self._titles, strict=True):
                button.setToolTip(tr("Go to {phase}").format(phase=phase_title(title)))
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.LanguageChange):
            self._relayout()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._relayout()

    def _relayout(self) -> None:
        """The longest titles that fit the width; if not even the shortest do, a smaller font.
        Each button is kept wide enough for its text in bold (the current phase's)."""
        width, font = self.width(), QFont(self.font())
        variant = next((v for v in range(3) if self._needed(font, v) <= width), 2)
        smallest = font.pointSizeF() * SMALLEST_FONT
        while self._needed(font, variant) > width and font.pointSizeF() * 0.95 >= smallest:
            font.setPointSizeF(font.pointSizeF() * 0.95)
        self._variant = variant
        bold = QFontMetricsF(_bold(font))
        for widget in (*self.buttons, *self._arrows):
            widget.setFont(font)  # a style sheet stops the font's propagation
        for button, title in zip(self.buttons, self._titles, strict=True):
            text = short_titles(title)[variant]
            button.setText(text)
            button.setMinimumWidth(math.ceil(bold.horizontalAdvance(text)) + PHASE_BUTTON_PADDING)
        self.setFixedHeight(QFontMetrics(font).height() + 16)
        self._restyle()

    def _needed(self, font: QFont, variant: int) -> float:
        """The width the bar needs with ``font`` and titles ``variant`` (0 full … 2 shortest)."""
        bold = QFontMetricsF(_bold(font))
        buttons = sum(
            math.ceil(bold.horizontalAdvance(short_titles(t)[variant])) + PHASE_BUTTON_PADDING
            for t in self._titles
        )
        arrows = len(self._arrows) * math.ceil(QFontMetricsF(font).horizontalAdvance(ARROW))
        items = len(self.buttons) + len(self._arrows) + 2  # and the two stretches
        return buttons + arrows + self._layout.spacing() * (items - 1)

    def _restyle(self) -> None:
        for position, button in enumerate(self.buttons):
            if position == self._current:
                style = (
                    f"background: {HIGHLIGHT}; color: white; font-weight: bold;"
                    f"border: 2px solid {HIGHLIGHT}; border-radius: 5px; padding: 2px 7px;"
                )
            elif position < self._current:
                style = (
                    "color: #000000; border: 2px solid #777777; border-radius: 5px;"
                    "padding: 2px 7px;"
                )
            else:
                style = (
                    f"color: {MUTED}; border: 2px dashed #bbbbbb; border-radius: 5px;"
                    "padding: 2px 7px;"
                )
            button.setStyleSheet(f"QToolButton {{ {style} }}")
