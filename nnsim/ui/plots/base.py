"""What every plot panel shares: a one-line header over a white pyqtgraph canvas.

A panel is a plain ``QWidget``: controls and a read-out in a header row, then a
``GraphicsLayoutWidget`` holding one or more ``PlotItem``. Items are made once;
``show_snapshot`` only feeds them with ``setData``. ``set_font_scale`` resizes
every text at once (axis ticks and labels, legends, marker labels, the header)
for the lecture mode.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics
from PySide6.QtWidgets import (
    QCheckBox,
    QGraphicsItem,
    QHBoxLayout,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from nnsim.ui.i18n import shown, tr
from nnsim.ui.plots.axes import LogAxis
from nnsim.ui.plots.export import install_export_dialog
from nnsim.ui.plots.layer_lines import clear_lines
from nnsim.ui.plots.lazy_menu import LazyMenuViewBox
from nnsim.ui.plots.ranges import RangeAnchor
from nnsim.ui.style import MUTED, TEXT

TICK_POINT_SIZE = 9.0
LABEL_POINT_SIZE = 10.0
LEGEND_POINT_SIZE = 9.0
LEGEND_SPACING = 10
LEGEND_ENTRY_EXTRA = 20 + 8 + 2 * LEGEND_SPACING + 4  # sample, label margins, spacings, slack
MIN_WIDTH, MIN_HEIGHT = 320, 200
SIDES = ("left", "bottom", "right")


def finite(values: np.ndarray) -> np.ndarray:
    """``values`` with ±inf and NaN all made NaN: a gap in the curve, never a broken range.

    (In log mode pyqtgraph itself turns the log of zero or a negative value into NaN.)
    """
    ok = np.isfinite(values)
    return values if ok.all() else np.where(ok, values, np.nan)


def step_axis(steps: np.ndarray) -> np.ndarray:
    """Steps as integers: pyqtgraph then knows x is finite and skips a scan per curve."""
    return steps.astype(np.int64)


def peak_envelope(
    steps: np.ndarray, columns: list[np.ndarray], buckets: int
) -> tuple[np.ndarray, list[np.ndarray]]:
    """Decimate several curves at once for drawing: each run of rows becomes its (min, max).

    The same picture as pyqtgraph's "peak" downsampling (spikes stay visible), done in one
    NumPy pass for all ``columns`` instead of once per curve. Rows that do not fill a whole
    bucket (the newest ones) are kept as they are. Returns them unchanged when short.
    """
    n = len(steps)
    size = n // max(buckets, 1)
    if size < 2 or not columns:
        return steps, columns
    m = n // size * size
    table = np.stack([c[:m] for c in columns], axis=1).reshape(m // size, size, len(columns))
    out = np.empty((2 * (m // size), len(columns)))
    out[0::2] = table.min(axis=1)
    out[1::2] = table.max(axis=1)
    x = np.repeat(steps[:m:size], 2)
    if m < n:
        x = np.concatenate([x, steps[m:]])
        out = np.concatenate([out, np.stack([c[m:] for c in columns], axis=1)])
    return x, [out[:, j] for j in range(len(columns))]


def format_value(value: float) -> str:
    """A metric for a read-out: 3 significant digits, or ``NaN`` / ``inf`` as such."""
    return f"{value:.3g}" if math.isfinite(value) else str(value)


def nearest_index(sorted_steps: np.ndarray, step: float) -> int:
    """Index of the entry of ``sorted_steps`` (non-empty, increasing) closest to ``step``."""
    i = int(np.searchsorted(sorted_steps, step))
    if i == 0:
        return 0
    if i >= len(sorted_steps):
        return len(sorted_steps) - 1
    return i if sorted_steps[i] - step < step - sorted_steps[i - 1] else i - 1


class PlotPanel(QWidget):
    """Base of the plot panels: header row, white canvas, font scaling.

    Parameters
    ----------
    object_name
        The panel's stable objectName (tests and style sheets find it by it).
    tooltip
        What the learner is looking at, in a sentence or two (English, marked with
        ``QT_TR_NOOP``: shown through :func:`tr`).

    Signals
    -------
    exportFailed(message)
        Right-click ▸ Export… failed (an error, or a file that could not be written):
        ``message`` says which format and why, for the window's status bar.
    """

    exportFailed = Signal(str)

    def __init__(self, object_name: str, tooltip: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setToolTip(tr(tooltip))
        self.setMinimumSize(MIN_WIDTH, MIN_HEIGHT)
        self._font_scale = 1.0
        self._base_font = QFont(self.font())
        self._plots: list[pg.PlotItem] = []
        self._axis_labels: dict[tuple[int, str], str] = {}
        self._legends: list[pg.LegendItem] = []
        self._anchors: list[RangeAnchor] = []
        self._last_step = 0

        self.header = QHBoxLayout()
        self.header.setContentsMargins(4, 2, 4, 0)
        self.header.setSpacing(8)
        self.graphics = pg.GraphicsLayoutWidget()
        self.graphics.setBackground("w")
        self.graphics.ci.setContentsMargins(2, 2, 6, 2)
        self.graphics.setToolTip(tr(tooltip))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(self.header)
        layout.addWidget(self.graphics, 1)
        install_export_dialog(self.graphics.scene(), self.exportFailed.emit, self)

    # -- building ------------------------------------------------------------------------------
    def _add_plot(
        self, row: int, col: int, x_label: str, y_label: str, *, right_axis: bool = False
    ) -> pg.PlotItem:
        """A styled PlotItem at (row, col) of the canvas, its axes labelled (English labels,
        shown translated: see :meth:`_set_axis_label`)."""
        axes = {side: LogAxis(side) for side in SIDES}
        plot = self.graphics.addPlot(row=row, col=col, axisItems=axes, viewBox=LazyMenuViewBox())
        plot.showGrid(x=True, y=True, alpha=0.12)
        plot.showAxis("right", right_axis)
        for side in SIDES:
            axis = plot.getAxis(side)
            axis.setPen(pg.mkPen(MUTED))
            axis.setTextPen(pg.mkPen(TEXT))
            axis.enableAutoSIPrefix(False)  # "(x0.001)" in a label confuses more than it helps
            # Painted once into a pixmap and blitted until its range changes: replaying the
            # tick labels' text on every frame was most of a live plot's drawing time.
            axis.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self._plots.append(plot)
        self._set_axis_label(plot, "bottom", x_label)
        self._set_axis_label(plot, "left", y_label)
        self._apply_plot_fonts(plot)
        return plot

    def _add_anchor(self, plot: pg.PlotItem) -> RangeAnchor:
        """The coarse auto-range of ``plot`` (see :class:`RangeAnchor`), reset with the run."""
        anchor = RangeAnchor(plot)
        self._anchors.append(anchor)
        return anchor

    # -- runs ----------------------------------------------------------------------------------
    def _follow_run(self, step: int) -> None:
        """Call first in ``show_snapshot``: a step lower than the last one shown is another
        run (a reset, another data set or experiment), whose axes start afresh."""
        if step < self._last_step:
            self.reset_ranges()
        self._last_step = step

    def reset_ranges(self) -> None:
        """Drop the axes' ranges (even ones the user zoomed to) and the old run's lines: the
        axes fit the next data alone; with no data yet, the range of a new panel."""
        self._last_step = 0
        for anchor in self._anchors:
            clear_lines(anchor.plot)  # else the auto-range, switched on, fits the old run
            anchor.clear()
            anchor.plot.vb.setRange(xRange=(0.0, 1.0), yRange=(0.0, 1.0), padding=0)
            anchor.plot.enableAutoRange()
        self._on_ranges_reset()

    def _on_ranges_reset(self) -> None:
        """Hook: forget ranges a subclass sets by hand."""

    def _add_legend(self, plot: pg.PlotItem, row: int, col: int, colspan: int = 1) -> pg.LegendItem:
        """A legend in its own row of the canvas (above the plot, never over the data).

        Named curves of ``plot`` join it by themselves; its columns follow the panel's width.
        """
        legend = pg.LegendItem(
            colCount=1,
            labelTextColor=TEXT,
            labelTextSize=f"{LEGEND_POINT_SIZE * self._font_scale:g}pt",
            verSpacing=-6,
            horSpacing=LEGEND_SPACING,
        )
        legend.setAcceptedMouseButtons(Qt.MouseButton.NoButton)  # not draggable out of its row
        self.graphics.addItem(legend, row=row, col=col, colspan=colspan)
        legend.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Maximum)
        self.graphics.ci.layout.setAlignment(legend, Qt.AlignmentFlag.AlignLeft)
        plot.legend = legend  # so plot.plot(name=…) and plot.removeItem(…) keep it up to date
        self._legends.append(legend)
        return legend

    def _fit_legends(self) -> None:
        """As many legend columns as fit the width (one row when there is room)."""
        metrics = QFontMetrics(self.scaled_font(LEGEND_POINT_SIZE))
        for legend in self._legends:
            names = [label.text for _, label in legend.items]
            if not names:
                continue
            # an entry is its sample (20 px), its label (text + margins) and two spacings
            widths = [metrics.horizontalAdvance(name) + LEGEND_ENTRY_EXTRA for name in names]
            room = self.width() - 24
            if sum(widths) <= room:
                columns = len(names)
            else:  # as few rows as fit, filled evenly
                rows = math.ceil(len(names) / max(1, room // max(widths)))
                columns = math.ceil(len(names) / rows)
            if columns != legend.columnCount:
                legend.setColumnCount(columns)
            legend.updateGeometry()
        self.graphics.ci.layout.activate()  # now, not at the next event: the next paint is right

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_legends()

    def changeEvent(self, event) -> None:
        """On a language switch, the texts pyqtgraph draws and those made from values are
        made again (static widget texts are converted in place: ``nnsim.ui.retranslate``)."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            for plot in self._plots:
                self._apply_plot_fonts(plot)  # the axis labels, from their English
            self._retranslate()
            self._fit_legends()

    def _retranslate(self) -> None:
        """Hook: set again, in the language now installed, the texts a subclass makes."""

    def _add_log_toggle(self, object_name: str, tooltip: str, checked: bool) -> QCheckBox:
        """The panel's "log scale" check box (``log_toggle``): its y axis, log or linear."""
        toggle = QCheckBox(tr("log scale"))
        toggle.setObjectName(object_name)
        toggle.setToolTip(tr(tooltip))
        toggle.setChecked(checked)
        self.log_toggle = toggle
        return toggle

    def set_log_scale(self, on: bool) -> None:
        """Log (True) or linear y axis; the same as clicking the toggle."""
        self.log_toggle.setChecked(on)

    def is_log_scale(self) -> bool:
        return self.log_toggle.isChecked()

    def _set_axis_label(self, plot: pg.PlotItem, side: str, text: str) -> None:
        """Label an axis with ``text`` (English, shown translated; kept, so a font-scale or
        language change can redraw it)."""
        self._axis_labels[(id(plot), side)] = text
        size = LABEL_POINT_SIZE * self._font_scale
        shown = tr(text) if text else ""
        plot.setLabel(side, shown, **{"color": TEXT, "font-size": f"{size:g}pt"})

    # -- fonts ---------------------------------------------------------------------------------
    def font_scale(self) -> float:
        """The current text scale (1 = normal)."""
        return self._font_scale

    def set_font_scale(self, scale: float) -> None:
        """Scale every text of the panel: ticks, axis labels, legends, header (lecture mode)."""
        scale = float(scale)
        if not (math.isfinite(scale) and scale > 0):
            raise ValueError(f"font scale must be > 0, got {scale}")
        self._font_scale = scale
        header_font = QFont(self._base_font)
        header_font.setPointSizeF(self._base_font.pointSizeF() * scale)
        self.setFont(header_font)
        for plot in self._plots:
            self._apply_plot_fonts(plot)
        for legend in self._legends:
            size = f"{LEGEND_POINT_SIZE * scale:g}pt"
            legend.setLabelTextSize(size)
            for _, label in legend.items:
                label.setText(label.text, size=size)  # setLabelTextSize alone does not redraw
            legend.updateSize()
        self._fit_legends()
        self._on_font_scale_changed()

    def scaled_font(self, point_size: float) -> QFont:
        """A font of ``point_size`` (at scale 1) at the current scale."""
        font = QFont(self._base_font)
        font.setPointSizeF(point_size * self._font_scale)
        return font

    def _apply_plot_fonts(self, plot: pg.PlotItem) -> None:
        tick_font = self.scaled_font(TICK_POINT_SIZE)
        for side in SIDES:
            axis = plot.getAxis(side)
            axis.setStyle(tickFont=tick_font)
            text = self._axis_labels.get((id(plot), side))
            if text is not None:
                self._set_axis_label(plot, side, text)

    def _on_font_scale_changed(self) -> None:
        """Hook: resize texts a subclass owns (marker labels, …)."""


class MarkerLines:
    """Vertical lines labelled with a text at given steps (hyper-parameter changes).

    Lines are made only when the markers change, so ``update`` is cheap to call on every
    snapshot. A label sits left of its line in the right half of the run and right of it
    in the left half, so it is never cut off by the plot's edge; successive labels are
    staggered in height so that close markers stay readable.
    """

    LEFT, RIGHT = [(1, 0), (1, 0)], [(0, 0), (0, 0)]  # label anchors (its top corner)

    def __init__(self, plot: pg.PlotItem, color: str = MUTED) -> None:
        self._plot = plot
        self._pen = pg.mkPen(color, width=1, style=Qt.PenStyle.DashLine)
        self._markers: tuple[tuple[int, str], ...] = ()
        self._sides: list[bool] = []  # True: label left of the line
        self.lines: list[pg.InfiniteLine] = []
        self._font = QFont()

    def update(
        self, markers: tuple[tuple[int, str], ...] | list[tuple[int, str]], last_step: float = 0.0
    ) -> None:
        """Show ``markers`` ((step, text) pairs) on a run whose latest step is ``last_step``."""
        markers = tuple((int(step), shown(text)) for step, text in markers)
        if markers != self._markers:
            self._set_markers(markers)
        middle = 0.5 * last_step
        for i, (line, (step, _)) in enumerate(zip(self.lines, markers, strict=True)):
            left = step > middle
            if left != self._sides[i]:
                self._sides[i] = left
                line.label.anchors = self.LEFT if left else self.RIGHT
                line.label.updatePosition()

    def _set_markers(self, markers: tuple[tuple[int, str], ...]) -> None:
        self._markers = markers
        while len(self.lines) > len(markers):
            self._plot.removeItem(self.lines.pop())
            self._sides.pop()
        while len(self.lines) < len(markers):
            line = pg.InfiniteLine(
                angle=90,
                pen=self._pen,
                movable=False,
                label="",
                labelOpts={
                    "position": 0.97 - 0.1 * (len(self.lines) % 4),
                    "color": TEXT,
                    "fill": pg.mkBrush(255, 255, 255, 210),
                    "anchors": self.RIGHT,
                },
            )
            line.label.setFont(self._font)
            self._plot.addItem(line, ignoreBounds=True)
            self.lines.append(line)
            self._sides.append(False)
        for line, (step, text) in zip(self.lines, markers, strict=True):
            line.setValue(step)
            line.label.setFormat(text.replace("{", "{{").replace("}", "}}"))
            line.setToolTip(tr("step {step}: {change}").format(step=step, change=text))

    def texts(self) -> list[str]:
        """The marker texts as shown."""
        return [line.label.toPlainText() for line in self.lines]

    def set_font(self, font: QFont) -> None:
        self._font = font
        for line in self.lines:
            line.label.setFont(font)

    def clear(self) -> None:
        self.update(())


def pale(color: str, amount: float = 0.45) -> str:
    """``color`` mixed with white (``amount`` of white), as #rrggbb."""
    c = QColor(color)
    mix = [round(v + (255 - v) * amount) for v in (c.red(), c.green(), c.blue())]
    return "#{:02x}{:02x}{:02x}".format(*mix)
