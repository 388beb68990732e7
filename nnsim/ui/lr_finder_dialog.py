"""Training ▸ Find learning rate…: the LR range test (:mod:`nnsim.training.lr_finder`) in a
window of its own, beside the main one.

The test trains a copy built from the experiment (its initial weights and data): the network
on screen and its training are untouched. It runs in slices of at most :data:`SLICE_SECONDS`
from a zero-delay timer, so the window stays responsive, shows its progress, and can be
cancelled. The plot shows the smoothed loss against the learning rate on a log axis, with
the suggestions marked; each suggestion has a sentence saying what it means and a button
that makes it the experiment's learning rate.

objectNames: ``lrFinderDialog``, ``lrFinderPlot``, ``lrFinderProgress``, ``lrFinderStart``,
``lrFinderCancel``, ``lrFinderMessage``, ``lrFinderUse_<steepest|minimum>`` (with
``lrFinderExplain_<…>``).
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QSize, Qt, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from nnsim.training.experiment import Experiment, ExperimentError
from nnsim.training.lr_finder import LRFinder, RangeTestResult, Suggestion
from nnsim.ui.i18n import shown, tr
from nnsim.ui.style import HIGHLIGHT, MUTED, POSITIVE

__all__ = ["SLICE_SECONDS", "LRFinderDialog"]

SLICE_SECONDS = 0.015  # training per timer tick: the event loop is never kept longer
DEFAULT_SIZE = (640, 600)  # the dialog's first size, in logical pixels
_MARK_COLORS = {"steepest": POSITIVE, "minimum": HIGHLIGHT}
_SUGGESTIONS = ("steepest", "minimum")


class LRFinderDialog(QDialog):
    """The range test of ``experiment()`` (read when Start is pressed); ``apply(lr)`` is
    called with the rate a "Use" button chose (it may raise ``ExperimentError``, shown)."""

    def __init__(
        self,
        experiment: Callable[[], Experiment],
        apply: Callable[[float], object],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("lrFinderDialog")
        self.setWindowTitle(tr("Find a learning rate"))
        self._experiment, self._apply = experiment, apply
        self.finder: LRFinder | None = None
        self._message: Callable[[], str] = str  # makes the message (again, in a new language)
        self._timer = QTimer(self)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._run_slice)

        intro = QLabel(
            tr(
                "The range test (L. Smith, 2015): a copy of the network trains one mini-batch "
                "per step while the learning rate grows ten-fold every few steps, from 1e-7 to "
                "10. Where the loss falls fastest is a good rate; where it blows up is too much. "
                "Your network and its training are not touched."
            )
        )
        intro.setWordWrap(True)
        self.plot = pg.PlotWidget(self, background="w")
        self.plot.setObjectName("lrFinderPlot")
        self.plot.setLogMode(x=True, y=False)
        self.plot.setLabel("bottom", tr("learning rate"))
        self.plot.setLabel("left", tr("smoothed loss"))
        self.plot.setMinimumSize(420, 260)
        self.plot.setMenuEnabled(False)
        self.raw_curve = self.plot.plot(pen=pg.mkPen("#c8c8c8", width=1))
        self.curve = self.plot.plot(pen=pg.mkPen(POSITIVE, width=2))
        self.marks = pg.ScatterPlotItem(size=11, pen=pg.mkPen("k"))
        self.plot.addItem(self.marks)

        self.progress = QProgressBar(self)
        self.progress.setObjectName("lrFinderProgress")
        self.start_button = QPushButton(tr("Start"), self)
        self.start_button.setObjectName("lrFinderStart")
        self.start_button.setToolTip(tr("Run the range test on the experiment as it is now."))
        self.cancel_button = QPushButton(tr("Cancel"), self)
        self.cancel_button.setObjectName("lrFinderCancel")
        self.cancel_button.setToolTip(tr("Stop the test; what it measured so far stays."))
        self.cancel_button.setEnabled(False)
        self.message = QLabel("", self)
        self.message.setObjectName("lrFinderMessage")
        self.message.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.progress, 1)
        row.addWidget(self.start_button)
        row.addWidget(self.cancel_button)

        grid = QGridLayout()
        self.use_buttons: dict[str, QPushButton] = {}
        self.explanations: dict[str, QLabel] = {}
        for i, name in enumerate(_SUGGESTIONS):
            button = QPushButton("—", self)
            button.setObjectName(f"lrFinderUse_{name}")
            button.setEnabled(False)
            button.clicked.connect(lambda _=False, name=name: self._use(name))
            label = QLabel("", self)
            label.setObjectName(f"lrFinderExplain_{name}")
            label.setWordWrap(True)
            label.setStyleSheet(f"color: {_MARK_COLORS[name]};")
            grid.addWidget(button, i, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(label, i, 1)
            self.use_buttons[name], self.explanations[name] = button, label
        grid.setColumnStretch(1, 1)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.plot, 1)
        layout.addLayout(row)
        layout.addWidget(self.message)
        layout.addLayout(grid)
        self.start_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.cancel)
        # room for the suggestions' sentences once they come (a top-level window does not
        # grow for wrapped labels that fill later): two lines each, in English or Chinese
        self.resize(self.sizeHint().expandedTo(QSize(*DEFAULT_SIZE)))

    # -- running --

    @property
    def running(self) -> bool:
        return self._timer.isActive()

    def start(self) -> None:
        """Start a new test of the experiment as it is now."""
        self.cancel()
        self.finder = LRFinder(self._experiment())
        self.progress.setRange(0, self.finder.planned_steps)
        self.progress.setValue(0)
        self._say(lambda: tr("Training the copy…"))
        self._show(self.finder.result())
        self.start_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self._timer.start()

    def cancel(self) -> None:
        """Stop a running test, keeping what it measured."""
        if self.finder is not None and self.running:
            self.finder.cancel()
            self._finish()

    def _run_slice(self) -> None:
        finder = self.finder
        assert finder is not None, "the timer runs only while a test is under way"
        end = time.perf_counter() + SLICE_SECONDS
        while not finder.done and time.perf_counter() < end:
            finder.step()
        self.progress.setValue(finder.steps_done)
        if finder.done:
            self._finish()
        else:
            self._show(finder.result())

    def _finish(self) -> None:
        self._timer.stop()
        self.start_button.setEnabled(True)
        self.start_button.setText(tr("Run again"))
        self.cancel_button.setEnabled(False)
        assert self.finder is not None
        result = self.finder.result()
        self.progress.setValue(self.finder.steps_done)
        self._show(result)

        def ended() -> str:
            if result.suggestions:
                text = tr("Range test: {result}.")
            else:
                text = tr(
                    "Range test: {result}. Too few steps to suggest a rate: run it again to the "
                    "end."
                )
            return text.format(result=shown(result.message))

        self._say(ended)

    # -- showing --

    def _show(self, result: RangeTestResult) -> None:
        finite = np.isfinite(result.smoothed)
        self.raw_curve.setData(result.lrs[finite], result.losses[finite])
        self.curve.setData(result.lrs[finite], result.smoothed[finite])
        if finite.any():  # the blow-up at the end would squash the curve: cap the y range
            low, first = float(np.min(result.smoothed[finite])), float(result.smoothed[0])
            top = max(first, low) * 1.6 if math.isfinite(first) else low * 4
            self.plot.setYRange(max(0.0, low * 0.9), top, padding=0.02)
        spots = [
            {"pos": (math.log10(s.at_lr), s.loss), "brush": pg.mkBrush(_MARK_COLORS[s.name])}
            for s in result.suggestions
        ]
        self.marks.setData(spots)
        by_name = {s.name: s for s in result.suggestions}
        for name in _SUGGESTIONS:
            suggestion: Suggestion | None = by_name.get(name)
            button, label = self.use_buttons[name], self.explanations[name]
            button.setEnabled(suggestion is not None and not self.running)
            if suggestion is None:
                button.setText("—")
                label.setText("")
            else:
                button.setText(tr("Use {lr:.3g}").format(lr=suggestion.lr))
                label.setText(
                    tr("{title}: {explanation}").format(
                        title=shown(suggestion.title), explanation=shown(suggestion.explanation)
                    )
                )

    def _use(self, name: str) -> None:
        assert self.finder is not None
        chosen = {s.name: s for s in self.finder.result().suggestions}[name]
        lr = float(f"{chosen.lr:.3g}")  # the rate as the button shows it
        try:
            self._apply(lr)
        except ExperimentError as err:
            problem = str(err)
            self._say(lambda: tr("Not applied: {problem}").format(problem=problem), HIGHLIGHT)
            return
        self._say(lambda: tr("The learning rate is now {lr:g}.").format(lr=lr))

    def _say(self, make: Callable[[], str], color: str = MUTED) -> None:
        """The message under the progress bar, made by ``make`` (again on a new language)."""
        self._message = make
        self.message.setStyleSheet(f"color: {color};")
        self.message.setText(make())

    def changeEvent(self, event: QEvent) -> None:
        """View ▸ Language: the message, the buttons' rates and the suggestions' sentences
        are made again (fixed texts are converted in place by :mod:`nnsim.ui.retranslate`)."""
        if event.type() == QEvent.Type.LanguageChange:
            self.message.setText(self._message())
            if self.finder is not None:
                self._show(self.finder.result())
        super().changeEvent(event)

    def closeEvent(self, event) -> None:
        self.cancel()
        super().closeEvent(event)
