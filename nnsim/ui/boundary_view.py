"""The decision-boundary view: the network's output over [−6, 6]², with the data on top.

As in TensorFlow Playground, the background is the output of the network at every point
of the square (orange where it says class 0 / negative, blue where it says class 1 /
positive, white where it is undecided), and the train points (white edge) and, on demand,
the test points (black edge) are drawn on it. Hovering a neuron in the network diagram
shows that neuron's output here instead.

The view only *reports* clicks (:attr:`BoundaryView.pointAdded`,
:attr:`BoundaryView.pointRemoveRequested`) in data coordinates; the window owns the data.

The colours come from :mod:`nnsim.ui.colormap`, shared with the network diagram's
thumbnails, so a neuron looks the same in both places.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import QApplication, QCheckBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from nnsim.engine.features import FEATURE_LABELS
from nnsim.ui.colormap import display_values, label_colors, output_to_rgba, signed_to_rgba
from nnsim.ui.i18n import tr
from nnsim.ui.point_cloud import MANY_POINTS, PointCloud
from nnsim.ui.style import MUTED, TEXT

EXTENT = 6.0
"""The view shows the square [−EXTENT, EXTENT]², where every data set lives."""


# --- the widget ---------------------------------------------------------------------------------
class BoundaryView(QWidget):
    """Output heatmap over [−6, 6]² with the train (and test) points.

    Signals
    -------
    pointAdded(x1, x2, shift)
        Left click inside the square, in data coordinates; ``shift`` when Shift was held
        (the window adds a point of the chosen class, or of the other class with Shift).
    pointRemoveRequested(x1, x2)
        Right click inside the square (the window removes the nearest point).

    Notes
    -----
    ``show_snapshot`` draws the output; ``show_neuron(layer, unit)`` switches to one
    neuron's output (``snapshot.neurons[layer][unit]``, layer 0 = input features) until
    ``show_output()``. Both stay current as new snapshots arrive.
    """

    pointAdded = Signal(float, float, bool)
    pointRemoveRequested = Signal(float, float)

    POINT_SIZE = 7.0

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("boundaryView")
        self._snapshot = None
        self._neuron: tuple[int, int] | None = None
        self._kind = "binary"
        self._num_classes = 2
        self._font_scale = 1.0
        self._rgba: np.ndarray | None = None
        self._train: tuple[np.ndarray, np.ndarray] = (np.empty((0, 2)), np.empty(0))
        self._test: tuple[np.ndarray, np.ndarray] = (np.empty((0, 2)), np.empty(0))

        self.plot = pg.PlotWidget(background="w")
        self.plot.setObjectName("boundaryPlot")
        item = self.plot.getPlotItem()
        item.setMenuEnabled(False)
        item.hideButtons()
        self.view_box = item.getViewBox()
        self.view_box.setMouseEnabled(x=False, y=False)
        self.view_box.setRange(
            xRange=(-EXTENT, EXTENT), yRange=(-EXTENT, EXTENT), padding=0.0, disableAutoRange=True
        )
        self.view_box.setDefaultPadding(0.0)
        ticks = [[(float(v), f"{v:g}") for v in range(-6, 7, 2)]]
        for name in ("bottom", "left"):
            axis = item.getAxis(name)
            axis.setTicks(ticks)
            axis.setPen(pg.mkPen(MUTED))
            axis.setTextPen(pg.mkPen(TEXT))
        # The 100×100 grid is drawn smoothly scaled, not as visible blocks.
        self.plot.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
        self.plot.setCursor(Qt.CursorShape.CrossCursor)
        self.plot.setToolTip(
            tr(
                "Click: add a point of the chosen class · Shift+click: the other class · "
                "Right-click: remove the nearest point"
            )
        )

        self.image = pg.ImageItem(axisOrder="row-major")
        self.image.setZValue(-10)
        self.plot.addItem(self.image)
        self.train_scatter = pg.ScatterPlotItem(pxMode=True)
        self.train_scatter.setZValue(10)
        self.test_scatter = pg.ScatterPlotItem(pxMode=True)
        self.test_scatter.setZValue(11)
        self.plot.addItem(self.train_scatter)
        self.plot.addItem(self.test_scatter)
        # beyond MANY_POINTS a set is drawn as one picture instead (the scatter left empty)
        self.train_cloud = PointCloud(self.view_box, EXTENT)
        self.train_cloud.setZValue(10)
        self.test_cloud = PointCloud(self.view_box, EXTENT)
        self.test_cloud.setZValue(11)
        self.plot.addItem(self.train_cloud)
        self.plot.addItem(self.test_cloud)
        self.plot.scene().sigMouseClicked.connect(self._on_scene_clicked)

        self.show_test_toggle = QCheckBox(tr("Show test data"))
        self.show_test_toggle.setObjectName("showTestToggle")
        self.show_test_toggle.toggled.connect(self._on_show_test_toggled)
        self.discretize_toggle = QCheckBox(tr("Discretize output"))
        self.discretize_toggle.setObjectName("discretizeToggle")
        self.discretize_toggle.toggled.connect(self._redraw_image)
        self.caption = QLabel(tr("Output"))
        self.caption.setObjectName("boundaryCaption")
        self.caption.setStyleSheet(f"color: {MUTED};")

        controls = QHBoxLayout()
        controls.setContentsMargins(0, 0, 6, 0)  # the caption never touches the edge
        controls.addWidget(self.show_test_toggle)
        controls.addWidget(self.discretize_toggle)
        controls.addStretch(1)
        controls.addWidget(self.caption)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self._host = _SquareHost(self.plot)
        layout.addWidget(self._host, 1)
        layout.addLayout(controls)
        self.test_scatter.setVisible(False)
        self.test_cloud.setVisible(False)
        self.set_font_scale(1.0)

    # -- data ------------------------------------------------------------------------------------
    def set_data(
        self,
        train_x: np.ndarray,
        train_y: np.ndarray,
        test_x: np.ndarray | None = None,
        test_y: np.ndarray | None = None,
        kind: str = "binary",
        num_classes: int = 2,
    ) -> None:
        """Set the points to draw: raw (n, 2) coordinates and their labels (or values).
        The same points again change nothing (100 000 take a moment to draw)."""
        train, test = _points(train_x, train_y), _points(test_x, test_y)
        before = (*self._train, *self._test)
        if (kind, num_classes) == (self._kind, self._num_classes) and all(
            np.array_equal(a, b) for a, b in zip((*train, *test), before, strict=True)
        ):
            return
        self._kind = kind
        self._num_classes = num_classes
        self._train, self._test = train, test
        self._redraw_points()
        self._redraw_image()

    def show_data(self, data) -> None:
        """:meth:`set_data` with a :class:`~nnsim.training.data.TrainingData` (what the
        training process sends: the worker's ``dataReady``)."""
        self.set_data(
            data.train.x, data.train.y, data.test.x, data.test.y, data.kind, data.num_classes
        )

    def _redraw_points(self) -> None:
        size = self.POINT_SIZE * self._font_scale
        # Regression targets near 0 are nearly white: they need a grey edge, not a white one.
        train_edge = pg.mkPen(MUTED if self._kind == "regression" else "w", width=1.0)
        for scatter, cloud, (x, y), edge in (
            (self.train_scatter, self.train_cloud, self._train, train_edge),
            (self.test_scatter, self.test_cloud, self._test, pg.mkPen("k", width=1.2)),
        ):
            if len(x) > MANY_POINTS:
                scatter.clear()
                cloud.set_points(x, y, self._kind, size, edge)
                continue
            cloud.clear_points()
            brushes = _shared_brushes(label_colors(y, self._kind))
            scatter.setData(x=x[:, 0], y=x[:, 1], brush=brushes, pen=edge, size=size)

    def _on_show_test_toggled(self, checked: bool) -> None:
        self.test_scatter.setVisible(checked)
        self.test_cloud.setVisible(checked)

    # -- what the heatmap shows -----------------------------------------------------------------
    def show_snapshot(self, snapshot) -> None:
        """Draw a new snapshot (the output, or the hovered neuron's output)."""
        self._snapshot = snapshot
        self._redraw_image()

    def show_neuron(self, layer: int, unit: int) -> None:
        """Show one neuron's output over the square (layer 0 = the input features).

        ``layer < 0`` goes back to the output (the diagram's "hover left" signal).
        """
        if layer < 0 or unit < 0:
            self.show_output()
            return
        self._neuron = (layer, unit)
        self._redraw_image()

    def show_output(self) -> None:
        """Show the network's output again."""
        self._neuron = None
        self._redraw_image()

    @property
    def showing_neuron(self) -> tuple[int, int] | None:
        """(layer, unit) being shown, or None for the output."""
        return self._neuron

    def displayed_rgba(self) -> np.ndarray | None:
        """The heatmap's (res, res, 4) colours, row 0 at the top of the view."""
        return self._rgba

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._redraw_image()  # the caption names the neuron shown
        super().changeEvent(event)

    def _redraw_image(self) -> None:
        snap = self._snapshot
        if snap is None or snap.output is None:
            return
        discretize = self.discretize_toggle.isChecked()
        neuron = self._neuron_values(snap)
        if neuron is not None:
            values, caption = neuron
            if discretize:
                with np.errstate(invalid="ignore"):
                    values = np.where(np.isfinite(values), np.sign(values), np.nan)
            rgba = signed_to_rgba(values)
        else:
            rgba = output_to_rgba(
                snap.output,
                self._kind,
                self._num_classes,
                discretize=discretize,
                confidence=snap.confidence,
            )
            caption = tr("Output")
        self._rgba = rgba
        res = rgba.shape[0]
        half = EXTENT / (res - 1) / 2 if res > 1 else EXTENT
        # Pixel centres sit on the grid points, so the image reaches half a pixel past ±6.
        self.image.setImage(np.ascontiguousarray(rgba[::-1]), levels=(0, 255), autoLevels=False)
        self.image.setRect(
            QRectF(-EXTENT - half, -EXTENT - half, 2 * (EXTENT + half), 2 * (EXTENT + half))
        )
        self.caption.setText(caption)

    def _neuron_values(self, snap) -> tuple[np.ndarray, str] | None:
        if self._neuron is None or not snap.neurons:
            return None
        layer, unit = self._neuron
        if layer >= len(snap.neurons) or unit >= snap.neurons[layer].shape[0]:
            return None
        activation, caption = _describe_neuron(snap, layer, unit)
        return display_values(snap.neurons[layer][unit], activation), caption

    # -- mouse -----------------------------------------------------------------------------------
    def _on_scene_clicked(self, event) -> None:
        button = event.button()
        if button not in (Qt.MouseButton.LeftButton, Qt.MouseButton.RightButton):
            return
        if not self.view_box.sceneBoundingRect().contains(event.scenePos()):
            return
        point = self.view_box.mapSceneToView(event.scenePos())
        x1, x2 = float(point.x()), float(point.y())
        if abs(x1) > EXTENT or abs(x2) > EXTENT:
            return
        event.accept()
        if button == Qt.MouseButton.LeftButton:
            shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            self.pointAdded.emit(x1, x2, shift)
        else:
            self.pointRemoveRequested.emit(x1, x2)

    def data_to_widget(self, x1: float, x2: float):
        """The pixel of the plot widget's viewport where data point (x1, x2) is drawn."""
        scene = self.view_box.mapViewToScene(QPointF(x1, x2))
        return self.plot.mapFromScene(scene)

    # -- presentation ----------------------------------------------------------------------------
    def set_font_scale(self, scale: float) -> None:
        """Scale the axis, toggle and caption fonts (and the points) for a projector."""
        self._font_scale = float(scale)
        font = QFont(QApplication.font())
        base = font.pointSizeF() if font.pointSizeF() > 0 else 9.0
        font.setPointSizeF(base * self._font_scale)
        item = self.plot.getPlotItem()
        for name in ("bottom", "left"):
            item.getAxis(name).setStyle(tickFont=font, hideOverlappingLabels=False)
        metrics = QFontMetrics(font)
        axis_w, axis_h = metrics.horizontalAdvance("−6") + 12, metrics.height() + 10
        top, right = metrics.height() // 2 + 2, metrics.horizontalAdvance("6")
        item.getAxis("left").setWidth(axis_w)
        item.getAxis("bottom").setHeight(axis_h)
        item.layout.setContentsMargins(1, top, right, 1)
        self._host.set_overhead(axis_w + 1 + right, axis_h + top + 1)
        for widget in (self.show_test_toggle, self.discretize_toggle, self.caption):
            widget.setFont(font)
        self._redraw_points()


class _SquareHost(QWidget):
    """Keeps the plot's data area square (and [−6, 6]² exactly), centred in the space given."""

    def __init__(self, plot: pg.PlotWidget) -> None:
        super().__init__()
        self.plot = plot
        plot.setParent(self)
        self.setMinimumSize(120, 120)
        self._extra = (0, 0)

    def set_overhead(self, width: int, height: int) -> None:
        """Pixels the axes and margins take beside and below the data area."""
        self._extra = (width, height)
        self.update_geometry()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.update_geometry()

    def update_geometry(self) -> None:
        extra_w, extra_h = self._extra
        side = max(40, min(self.width() - extra_w, self.height() - extra_h))
        w, h = side + extra_w, side + extra_h
        self.plot.setGeometry((self.width() - w) // 2, (self.height() - h) // 2, w, h)


def _points(x, y) -> tuple[np.ndarray, np.ndarray]:
    if x is None or y is None:
        return np.empty((0, 2)), np.empty(0)
    x = np.asarray(x, dtype=np.float64).reshape(-1, 2)
    y = np.asarray(y).reshape(-1)
    if len(x) != len(y):
        raise ValueError(f"{len(x)} points but {len(y)} labels")
    return x, y


def _describe_neuron(snap, layer: int, unit: int) -> tuple[str | None, str]:
    """The activation of neuron (layer, unit) and its caption, read from the experiment."""
    experiment = getattr(snap, "experiment", None)
    depth = len(snap.neurons) - 1
    if layer == 0:
        name = None
        if experiment is not None:
            features: Sequence[str] = experiment.data.features
            name = features[unit] if unit < len(features) else None
        return None, tr("Input {feature}").format(
            feature=FEATURE_LABELS.get(name, name) if name else unit
        )
    activation = None
    if experiment is not None:
        try:
            if layer == depth:
                activation = experiment.resolved_output_activation()
            else:
                activation = experiment.network.hidden_layers[layer - 1].activation
        except (AttributeError, IndexError):
            activation = None
    where = tr("Output") if layer == depth else tr("Layer {k}").format(k=layer)
    suffix = f" ({activation})" if activation else ""
    return activation, tr("{where} · neuron {unit}").format(where=where, unit=unit) + suffix


def _shared_brushes(colors: Sequence) -> list:
    """One brush per distinct colour, shared by its points: pyqtgraph renders a symbol per
    brush object, so 100 000 points of two classes cost two renders, not 100 000 (issue 15)."""
    brushes: dict[int, object] = {}
    shared = []
    for color in colors:
        brush = brushes.get(color.rgba())
        if brush is None:
            brush = brushes[color.rgba()] = pg.mkBrush(color)
        shared.append(brush)
    return shared
