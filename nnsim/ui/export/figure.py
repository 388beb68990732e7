"""File ▸ Export ▸ Figure: a plot, the boundary view or the diagram as PNG or SVG.

A figure is drawn again, not grabbed from the screen: :func:`render_png` paints the view
into an image ``scale`` times its size (device pixel ratio ``scale``, antialiased), so
curves and text are as sharp at 4× as at 1×; :func:`render_svg` paints it into a
``QSvgGenerator``, so curves are paths and labels ``<text>`` (the boundary's colour grid,
an image on screen, stays an image). pyqtgraph's own SVG exporter is not used here: it
rewrites Qt's SVG and breaks on the path data Qt 6.11 writes.

:data:`FIGURES` names the window's figures by the objectName of their widget; the drawing
of a widget is itself if it is a ``QGraphicsView``, else its first ``QGraphicsView`` child
(a plot panel's canvas without its check boxes, the boundary's square without its toggles).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from concurrent.futures import Future
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QIODevice,
    QObject,
    QPoint,
    QRect,
    QSize,
)
from PySide6.QtGui import QColor, QImage, QImageWriter, QPainter
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QGraphicsItem, QGraphicsView, QTabWidget, QWidget

from nnsim.training.text import QT_TR_NOOP
from nnsim.ui.export.background import BackgroundWriter
from nnsim.ui.export.svg_strokes import bake_stroke_transforms
from nnsim.ui.i18n import tr
from nnsim.ui.plots.step_line import StepLinePanel

# objectName of the widget → the figure's name: in file names as it is, translated in the
# dialog, the SVG's title and the messages.
FIGURES: dict[str, str] = {
    "lossPlot": QT_TR_NOOP("Loss"),
    "gradientPlot": QT_TR_NOOP("Gradient norms"),
    "lrPlot": QT_TR_NOOP("Learning rate"),
    "stepLinePlot": QT_TR_NOOP("Step along the gradient"),
    "boundaryView": QT_TR_NOOP("Decision boundary"),
    "networkView": QT_TR_NOOP("Network diagram"),
}
SCALES = (1, 2, 4)
FORMATS = ("png", "svg")
HINTS = (
    QPainter.RenderHint.Antialiasing
    | QPainter.RenderHint.TextAntialiasing
    | QPainter.RenderHint.SmoothPixmapTransform
)


@dataclass(frozen=True)
class FigureChoice:
    """What to export: the figure (a key of :data:`FIGURES`), ``png`` or ``svg``, the PNG's
    scale (1, 2 or 4; ignored for SVG), and where."""

    figure: str
    format: str
    scale: int
    path: Path


class FigureError(Exception):
    """A figure could not be written (the message says why, for the status bar)."""


def drawing_of(widget: QWidget) -> QWidget:
    """What a figure shows of ``widget``: itself if it is a graphics view, else its first
    graphics view (a panel's canvas); the widget itself if it has none."""
    if isinstance(widget, QGraphicsView):
        return widget
    view = widget.findChild(QGraphicsView)
    return view if view is not None else widget


def bring_forward(widget: QWidget) -> bool:
    """Make the tab holding ``widget`` current (the step plot sits behind the loss); True if
    it was hidden, so it is drawn for the first time only in a moment."""
    hidden = not widget.isVisible()
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QTabWidget):
            for index in range(parent.count()):
                page = parent.widget(index)
                if page is not None and (page is widget or page.isAncestorOf(widget)):
                    parent.setCurrentIndex(index)
        parent = parent.parentWidget()
    return hidden


@contextmanager
def _drawn_for_export(widget: QWidget) -> Iterator[None]:
    """While painting ``widget``'s scene for a file: no item draws from its cached pixels
    (text and axes stay vector, sharp at any scale), and pyqtgraph's items draw as for
    their own exporters (scatter symbols as paths, not copied from a pixmap atlas)."""
    scene = widget.scene() if isinstance(widget, QGraphicsView) else None
    items = scene.items() if scene is not None else []
    caches = [item.cacheMode() for item in items]
    options = {
        "antialias": True,
        "background": QColor("white"),
        "resolutionScale": 1.0,
    }  # the painter scales
    try:
        for item in items:
            item.setCacheMode(QGraphicsItem.CacheMode.NoCache)
            if hasattr(item, "setExportMode"):
                item.setExportMode(True, options)
        yield
    finally:
        for item, cache in zip(items, caches, strict=True):
            if hasattr(item, "setExportMode"):
                item.setExportMode(False)
            item.setCacheMode(cache)


def _paint(widget: QWidget, painter: QPainter, size: QSize) -> None:
    painter.setRenderHints(HINTS)
    painter.fillRect(QRect(0, 0, size.width(), size.height()), QColor("white"))
    if isinstance(widget, QGraphicsView):
        # The view's own render draws its background, the visible part of the scene and
        # its foreground, not the cached pixels of the screen.
        target = QRect(0, 0, size.width(), size.height())
        widget.render(painter, target, widget.viewport().rect())
    else:
        widget.render(painter, QPoint(0, 0))


def render_image(widget: QWidget, scale: int = 1) -> QImage:
    """``widget`` drawn into an image of its size × ``scale`` (device pixel ratio ``scale``)."""
    size = widget.size()
    image = QImage(size * scale, QImage.Format.Format_ARGB32_Premultiplied)
    image.setDevicePixelRatio(scale)
    image.fill(QColor("white"))
    painter = QPainter(image)
    try:
        with _drawn_for_export(widget):
            _paint(widget, painter, size)
    finally:
        painter.end()
    return image


def png_bytes(widget: QWidget, scale: int = 1) -> Callable[[], bytes]:
    """Draw ``widget`` at ``scale`` now; the returned function encodes the PNG (slow at 4×,
    and safe to run off the GUI thread: it only touches the image)."""
    if scale not in SCALES:
        raise FigureError(
            tr("PNG scale must be one of {scales}, not {scale}").format(
                scales=", ".join(map(str, SCALES)), scale=scale
            )
        )
    image = render_image(widget, scale)
    image.setDevicePixelRatio(1)  # the file's pixels, not logical ones
    dots_per_metre = round(96 * scale / 0.0254)  # 96 dpi × scale: prints at the screen size
    image.setDotsPerMeterX(dots_per_metre)
    image.setDotsPerMeterY(dots_per_metre)

    def encode() -> bytes:
        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        writer = QImageWriter(buffer, QByteArray(b"png"))
        if not writer.write(image):
            raise FigureError(
                tr("Could not encode the PNG: {error}").format(error=writer.errorString())
            )
        return bytes(buffer.data().data())

    return encode


def svg_text(widget: QWidget, title: str) -> str:
    """``widget`` as an SVG (size and viewBox in its pixels, ``title`` as its title), as
    ``QSvgGenerator`` writes it (see :func:`bake_stroke_transforms`)."""
    size = widget.size()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    generator.setSize(size)
    generator.setViewBox(QRect(0, 0, size.width(), size.height()))
    generator.setResolution(96)
    generator.setTitle(title)
    generator.setDescription(tr("{figure}, exported from nnsim").format(figure=title))
    painter = QPainter()
    if not painter.begin(generator):
        raise FigureError(tr("Could not draw the SVG"))
    try:
        with _drawn_for_export(widget):
            _paint(widget, painter, size)
    finally:
        painter.end()
    return bytes(buffer.data().data()).decode("utf-8")


def prepare_figure(root: QWidget, choice: FigureChoice) -> Callable[[], Path]:
    """Draw the figure ``choice`` names (found under ``root`` by objectName) now, on the GUI
    thread; the returned function encodes and writes the file (off the GUI thread if you
    like) and returns its path. Either raises :class:`FigureError` saying why not."""
    if choice.figure not in FIGURES:
        raise FigureError(tr("No figure called {figure!r}").format(figure=choice.figure))
    widget = root.findChild(QWidget, choice.figure)
    title = tr(FIGURES[choice.figure])
    name = title.lower()  # in a sentence (no change in Chinese)
    if widget is None:
        raise FigureError(tr("The {figure} is not in this window").format(figure=name))
    if bring_forward(widget):
        raise FigureError(
            tr("Showing the {figure}: export it again once it is drawn").format(figure=name)
        )
    panel = widget if isinstance(widget, StepLinePanel) else widget.parentWidget()
    if isinstance(panel, StepLinePanel) and panel.line is None:
        raise FigureError(
            tr("The {figure} has nothing drawn yet: try again in a moment").format(figure=name)
        )
    drawing = drawing_of(widget)
    if drawing.width() < 1 or drawing.height() < 1:
        raise FigureError(tr("The {figure} has no room on screen to draw").format(figure=name))
    if choice.format == "svg":
        text = svg_text(drawing, f"nnsim: {title}")

        def encode() -> bytes:
            return bake_stroke_transforms(text).encode("utf-8")

    elif choice.format == "png":
        encode = png_bytes(drawing, choice.scale)
    else:
        raise FigureError(
            tr("Unknown figure format {format!r} (png or svg)").format(format=choice.format)
        )
    path = choice.path

    def write() -> Path:
        data = encode()
        if not path.parent.is_dir():
            raise FigureError(
                tr("Could not write {path}: the folder {folder} does not exist").format(
                    path=path, folder=path.parent
                )
            )
        try:
            path.write_bytes(data)
        except OSError as err:
            raise FigureError(
                tr("Could not write {path}: {error}").format(path=path, error=err.strerror or err)
            ) from err
        return path

    return write


def export_figure(root: QWidget, choice: FigureChoice) -> Path:
    """Write the figure ``choice`` names now (see :func:`prepare_figure`); returns the path."""
    return prepare_figure(root, choice)()


class FigureExporter(BackgroundWriter):
    """Draws a figure on the GUI thread and writes it in a worker thread (a 4× PNG takes
    half a second to encode), one at a time, and says when it is done."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__("nnsim-figure", parent)

    def start(self, root: QWidget, choice: FigureChoice) -> bool:
        """Draw ``choice`` and begin writing it; False (and ``finished`` with the reason if
        it could not be drawn) if nothing started."""
        if self.busy:
            return False
        try:
            write = prepare_figure(root, choice)
        except FigureError as err:
            self.finished.emit(str(err), True)
            return False
        return self.submit(write)

    def report(self, future: Future[Path]) -> None:
        error = future.exception()
        if error is None:
            self.finished.emit(
                tr("Exported the figure to {path}").format(path=future.result()), False
            )
        else:  # FigureError, or what encoding raised: said, not lost
            self.finished.emit(str(error), True)
