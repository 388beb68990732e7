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

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QGraphicsItem, QGraphicsView, QTabWidget, QWidget

from nnsim.ui.export.svg_strokes import bake_stroke_transforms
from nnsim.ui.plots.step_line import StepLinePanel

# objectName of the widget → the figure's name in the dialog and in file names.
FIGURES: dict[str, str] = {
    "lossPlot": "Loss",
    "gradientPlot": "Gradient norms",
    "lrPlot": "Learning rate",
    "stepLinePlot": "Step along the gradient",
    "boundaryView": "Decision boundary",
    "networkView": "Network diagram",
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


def render_png(widget: QWidget, path: Path, scale: int = 1) -> None:
    """Write ``widget`` as a PNG of its size × ``scale``; :class:`FigureError` if it cannot."""
    if scale not in SCALES:
        raise FigureError(f"PNG scale must be one of {', '.join(map(str, SCALES))}, not {scale}")
    _check_folder(path)
    image = render_image(widget, scale)
    image.setDevicePixelRatio(1)  # the file's pixels, not logical ones
    dots_per_metre = round(96 * scale / 0.0254)  # 96 dpi × scale: prints at the screen size
    image.setDotsPerMeterX(dots_per_metre)
    image.setDotsPerMeterY(dots_per_metre)
    if not image.save(str(path), b"PNG"):
        raise FigureError(f"Could not write {path}")


def render_svg(widget: QWidget, path: Path, title: str) -> None:
    """Write ``widget`` as an SVG (size and viewBox in its pixels, ``title`` as its title);
    :class:`FigureError` if it cannot."""
    _check_folder(path)
    size = widget.size()
    generator = QSvgGenerator()
    generator.setFileName(str(path))
    generator.setSize(size)
    generator.setViewBox(QRect(0, 0, size.width(), size.height()))
    generator.setResolution(96)
    generator.setTitle(title)
    generator.setDescription(f"{title}, exported from nnsim")
    painter = QPainter()
    if not painter.begin(generator):
        raise FigureError(f"Could not write {path}")
    try:
        with _drawn_for_export(widget):
            _paint(widget, painter, size)
    finally:
        painter.end()
    try:
        path.write_text(bake_stroke_transforms(path.read_text(encoding="utf-8")), "utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise FigureError(f"Could not write {path}: {err}") from err


def _check_folder(path: Path) -> None:
    folder = path.parent
    if not folder.is_dir():
        raise FigureError(f"Could not write {path}: the folder {folder} does not exist")
    try:  # QImage.save and QSvgGenerator say nothing about why; find out first
        with open(path, "ab"):
            pass
    except OSError as err:
        raise FigureError(f"Could not write {path}: {err.strerror or err}") from err


def export_figure(root: QWidget, choice: FigureChoice) -> Path:
    """Write the figure ``choice`` names, found under ``root`` by objectName; returns the
    path, or raises :class:`FigureError` saying why not."""
    if choice.figure not in FIGURES:
        raise FigureError(f"No figure called {choice.figure!r}")
    widget = root.findChild(QWidget, choice.figure)
    if widget is None:
        raise FigureError(f"The {FIGURES[choice.figure].lower()} is not in this window")
    title = FIGURES[choice.figure]
    if bring_forward(widget):
        raise FigureError(f"Showing the {title.lower()}: export it again once it is drawn")
    panel = widget if isinstance(widget, StepLinePanel) else widget.parentWidget()
    if isinstance(panel, StepLinePanel) and panel.line is None:
        raise FigureError(f"The {title.lower()} has nothing drawn yet: try again in a moment")
    drawing = drawing_of(widget)
    if drawing.width() < 1 or drawing.height() < 1:
        raise FigureError(f"The {title.lower()} has no room on screen to draw")
    if choice.format == "svg":
        render_svg(drawing, choice.path, f"nnsim: {title}")
    elif choice.format == "png":
        render_png(drawing, choice.path, choice.scale)
    else:
        raise FigureError(f"Unknown figure format {choice.format!r} (png or svg)")
    return choice.path
