"""Distill's picture of SGD's regimes: the (η, μ) plane coloured by what momentum SGD does
along the steepest curvature λ_max (monotone, oscillating, ripples, divergent), with the
lines η = 1/λ_max and η = 2/λ_max and a dot for each SGD racer; and the sentence per racer
(:func:`regime_lines`) that says which regime its η is in, against 2/λ_max.

On the bowl the Hessian is the same everywhere, so the picture is exact; on the other
surfaces it is the local picture at the global minimum (at the saddle of ``x² − y²``).
"""

from __future__ import annotations

import html
import math
from collections.abc import Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QWidget

from nnsim.engine.surfaces import Bowl, CriticalPoint, Surface
from nnsim.training.surface_race import Racer
from nnsim.training.surface_regime import KINDS, regime_map, sgd_regime
from nnsim.ui.i18n import shown, tr
from nnsim.ui.style import MUTED, TEXT

__all__ = ["KIND_COLORS", "RegimePlot", "RegimeText", "local_curvatures", "regime_lines"]

KIND_COLORS = {"monotone": "#d9f0d3", "oscillating": "#fde0c5", "ripples": "#d4e4f7",
               "divergent": "#f7c6c7"}  # fmt: skip
_MOMENTA = np.linspace(0.0, 0.99, 100)


def local_curvatures(surface: Surface) -> tuple[CriticalPoint | None, tuple[float, ...]]:
    """The point whose Hessian the regime is read from (None on the bowl: everywhere) and
    its eigenvalues, largest first."""
    if isinstance(surface, Bowl):
        return None, tuple(sorted(surface.eigenvalues, reverse=True))
    point = surface.critical_points[0]
    eig = np.linalg.eigvalsh(surface.hessian([point.x, point.y]))
    return point, tuple(float(v) for v in sorted(eig, reverse=True))


def regime_lines(surface: Surface, racers: Sequence[Racer]) -> tuple[list[str], list[str]]:
    """One sentence per racer (SGD's regime at its current η, or why there is none), and
    the conditions they come from (each once)."""
    point, curvatures = local_curvatures(surface)
    lines: list[str] = []
    rules: list[str] = []
    said: set[str] = set()  # the rules given, by their English
    if point is not None:
        rules.append(
            tr("Near the {point} ({x:.3g}, {y:.3g}), curvatures {curvatures}.").format(
                point=tr(point.kind), x=point.x, y=point.y,
                curvatures=", ".join(f"{c:.4g}" for c in curvatures),
            )
        )  # fmt: skip
    for racer in racers:
        spec = racer.spec
        if spec.optimizer != "sgd":
            lines.append(
                tr("{racer}: no fixed limit — it divides each coordinate's step by a running "
                   "size of its gradients, so its steps stay about η long.").format(
                    racer=shown(spec.label()))
            )  # fmt: skip
            continue
        params = {**spec.params, "lr": racer.lr}
        positive = [c for c in curvatures if c > 0]
        if len(positive) < len(curvatures):
            regime = sgd_regime(params, [c for c in curvatures if c < 0])
            lines.append(
                tr("{racer}: along the downhill direction each step multiplies the distance "
                   "from the saddle by {rate:.4g}.").format(
                    racer=shown(spec.label()), rate=max(regime.rates))
            )  # fmt: skip
            continue
        regime = sgd_regime(params, positive)
        lines.append(
            tr("{racer}: {regime}").format(racer=shown(spec.label()), regime=shown(regime.text))
        )
        if regime.rule not in said:
            said.add(regime.rule)
            rules.append(shown(regime.rule))
    return lines, rules


def _dot_height(momentum: float) -> float:
    """Where a racer's dot sits: plain gradient descent on the GD strip below the plane."""
    return -0.08 if momentum == 0 else momentum


class RegimePlot(pg.PlotWidget):
    """objectName ``surfacesRegimePlot``: :meth:`show_regimes` after every change."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, background="w")
        self.setObjectName("surfacesRegimePlot")
        self.setMenuEnabled(False)
        self.setMouseEnabled(x=False, y=False)
        self.hideButtons()
        self.setMinimumHeight(170)
        self.setLabel("bottom", tr("learning rate η"))
        for axis in ("left", "bottom"):  # (a prefix would re-set the label at each range)
            self.getAxis(axis).enableAutoSIPrefix(False)
        self.getAxis("left").setTicks([[(0.3, "0.3"), (0.6, "0.6"), (0.9, "0.9"), (-0.08, "GD")]])
        self.setLabel("left", tr("momentum μ"))
        self.setToolTip(
            tr("What SGD with momentum μ and rate η does along the steepest direction "
               "(Goh, “Why Momentum Really Works”, Distill 2017): green monotone, orange "
               "oscillating (jumps across the valley), blue ripples (spirals in), red "
               "divergent. Plain gradient descent is the bottom edge, μ = 0: it diverges past "
               "2/λ_max.")
        )  # fmt: skip
        self.image = pg.ImageItem(axisOrder="row-major")
        colors = [pg.mkColor(KIND_COLORS[k]) for k in KINDS]
        self.image.setLookupTable(np.array([c.getRgb() for c in colors], dtype=np.ubyte))
        self.addItem(self.image)
        self.strip = pg.ImageItem(axisOrder="row-major")  # μ = 0, plain GD, drawn thick
        self.strip.setLookupTable(self.image.lut)
        self.addItem(self.strip)
        pen = pg.mkPen(TEXT, width=1, style=pg.QtCore.Qt.PenStyle.DashLine)
        self.half = pg.InfiniteLine(angle=90, pen=pen, label="1/λ_max",
                                    labelOpts={"position": 0.9, "color": TEXT})  # fmt: skip
        self.limit = pg.InfiniteLine(angle=90, pen=pg.mkPen(TEXT, width=2), label="2/λ_max",
                                     labelOpts={"position": 0.75, "color": TEXT})  # fmt: skip
        self.addItem(self.half)
        self.addItem(self.limit)
        self.dots = pg.ScatterPlotItem(size=12, pen=pg.mkPen(TEXT, width=1.5))
        self.dots.setZValue(5)
        self.addItem(self.dots)
        self.lambda_max = math.nan
        self._title = ""

    def show_regimes(
        self, surface: Surface, racers: Sequence[Racer], colors: Sequence[str]
    ) -> None:
        _, curvatures = local_curvatures(surface)
        lam = max(abs(c) for c in curvatures)
        sgd = [(r, c) for r, c in zip(racers, colors, strict=True) if r.spec.optimizer == "sgd"]
        top = max([4.2 / lam] + [1.1 * r.lr for r, _ in sgd])
        if lam != self.lambda_max or not math.isclose(top, self._top()):
            self.lambda_max = lam
            lrs = np.linspace(0.0, top, 240)
            self.image.setImage(regime_map(lrs, _MOMENTA, lam), levels=(0, len(KINDS) - 1))
            self.image.setRect(pg.QtCore.QRectF(0.0, 0.0, top, 1.0))
            self.strip.setImage(regime_map(lrs, np.zeros(1), lam), levels=(0, len(KINDS) - 1))
            self.strip.setRect(pg.QtCore.QRectF(0.0, -0.14, top, 0.12))
            self.setXRange(0, top, padding=0)
            self.setYRange(-0.14, 1.0, padding=0)
        self.half.setValue(1 / lam)
        self.limit.setValue(2 / lam)
        title = tr("SGD along the steepest curvature λ_max = {curvature:.4g}").format(curvature=lam)
        if title != self._title:  # (laying out a title is a good part of a redraw)
            self._title = title
            self.setTitle(title, color=TEXT, size="9pt")
        self.dots.setData([
            {"pos": (r.lr, _dot_height(float(r.spec.params.get("momentum", 0.0)))),
             "brush": pg.mkBrush(c)}
            for r, c in sgd
        ])  # fmt: skip

    def _top(self) -> float:
        rect = self.image.boundingRect()
        return float(self.image.mapRectToParent(rect).width()) if rect.width() else math.nan


class RegimeText(QScrollArea):
    """The sentences of :func:`regime_lines`, each racer's in its colour, in a frameless
    scroll area (objectName ``surfacesRegimeScroll``; the label ``surfacesRegimeText``): a
    longer text scrolls in its own room rather than take height from the plots (a resized
    plot is repainted whole)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("surfacesRegimeScroll")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.label = QLabel("", self)
        self.label.setObjectName("surfacesRegimeText")
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.setWidget(self.label)

    def show_regimes(
        self, surface: Surface, racers: Sequence[Racer], colors: Sequence[str]
    ) -> None:
        lines, rules = regime_lines(surface, racers)
        rows = [
            f'<p style="margin:0 0 3px 0"><span style="color:{c}">■</span> {html.escape(t)}</p>'
            for c, t in zip(colors, lines, strict=True)
        ] + [f'<p style="margin:0 0 3px 0; color:{MUTED}">{html.escape(r)}</p>' for r in rules]
        self.label.setText("".join(rows))
