"""The plots' read-outs end in "…" when their line does not fit, never mid-number."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QLabel, QToolTip

from nnsim.ui.plots.readout import Readout

LINE = "step 11863 · batch 0.702 · train 0.692 · test 0.692 · acc 0.531 / 0.532"


def test_a_narrow_readout_paints_the_start_of_its_line_and_an_ellipsis(qtbot):
    readout = Readout("someReadout", "What the values are.")
    qtbot.addWidget(readout)
    readout.setText(LINE)
    readout.resize(readout.fontMetrics().horizontalAdvance(LINE) // 2, 30)
    readout.show()
    shown = readout.shown_text()  # whole values, then "…": never "acc 0."
    assert shown.endswith(" · …") and LINE.startswith(shown[:-1])
    assert shown[: -len(" · …")] in [LINE.rsplit(" · ", k)[0] for k in range(1, 5)]
    assert readout.text() == LINE  # what tests and the window read is the whole line
    assert readout.tooltip_text() == f"{LINE}\n\nWhat the values are."
    label = QLabel(shown)  # what a label of the elided line paints, pixel for pixel
    qtbot.addWidget(label)
    label.resize(readout.size())
    label.show()
    assert readout.grab().toImage() == label.grab().toImage()


def test_a_wide_readout_paints_its_whole_line_and_its_own_tooltip(qtbot):
    readout = Readout("someReadout", "What the values are.")
    qtbot.addWidget(readout)
    readout.setText(LINE)
    readout.resize(readout.fontMetrics().horizontalAdvance(LINE) + 20, 30)
    readout.show()
    assert readout.shown_text() == LINE and not readout.is_elided()
    assert readout.tooltip_text() == "What the values are."


def test_a_line_without_parts_is_cut_at_a_character(qtbot):
    readout = Readout("someReadout")
    qtbot.addWidget(readout)
    readout.setText("L1 1.1e-07 ... L11 0.17")
    readout.resize(60, 30)
    readout.show()
    shown = readout.shown_text()
    assert shown.endswith("…") and readout.text().startswith(shown[:-1])


def test_hovering_an_elided_readout_shows_the_whole_line(qtbot):
    readout = Readout("someReadout", "What the values are.")
    qtbot.addWidget(readout)
    readout.setText(LINE)
    readout.resize(80, 30)
    readout.show()
    event = QHelpEvent(QEvent.Type.ToolTip, QPoint(5, 5), readout.mapToGlobal(QPoint(5, 5)))
    assert readout.event(event)
    qtbot.waitUntil(lambda: QToolTip.isVisible(), timeout=2000)
    assert QToolTip.text() == f"{LINE}\n\nWhat the values are."
    QToolTip.hideText()
    QApplication.processEvents()


def test_the_window_s_plot_readouts_are_readouts(nnsim_window):
    names = ["lossReadout", "gradientReadout", "lrReadout", "stepLineReadout"]
    for name in names:
        assert isinstance(nnsim_window.findChild(Readout, name), Readout), name
