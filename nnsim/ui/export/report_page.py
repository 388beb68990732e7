"""The report's page made from its content (see :mod:`.report`): one
HTML text that both formats share (the subset ``QTextDocument`` draws), written as one
self-contained file with the images as base64 PNG, or laid out by ``QTextDocument`` and
painted on a ``QPdfWriter`` (A4, text stays text)."""

from __future__ import annotations

import base64
from collections.abc import Callable
from dataclasses import dataclass
from html import escape
from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QEventLoop,
    QIODevice,
    QMarginsF,
    QRectF,
    QSizeF,
    QUrl,
)
from PySide6.QtGui import (
    QImage,
    QImageWriter,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)

from nnsim import __version__
from nnsim.ui.i18n import tr

IMAGE_SCALE = 2  # pixels per screen pixel of the figures: sharp when printed
PAGE_WIDTH = 860  # the page's width in the document's pixels (HTML: its max-width)
PLOT_HEIGHT = 260  # the plots' height at most, in the document's pixels
BOUNDARY_SIZE = 300
ONE_PAGE_SHRINK = 0.8  # a PDF page is shrunk to at most this to keep the report on one page
CSS = """
body { font-family: FONTS; color: #222; font-size: 10pt; }
.page { max-width: 860px; margin: 0 auto; }
h1 { font-size: 17pt; margin: 0 0 2px 0; }
h2 { font-size: 12pt; margin: 10px 0 4px 0; color: #1f4e79; }
.meta { color: #666; margin: 0 0 6px 0; }
table.values { border-collapse: collapse; }
table.values td, table.values th { padding: 2px 6px; border-bottom: 1px solid #ddd;
  text-align: left; vertical-align: top; }
table.values th { background: #eef3f8; }
td.label { color: #555; white-space: nowrap; }
.code { color: #b36b00; font-weight: bold; }
.empty { color: #777; }
img { border: 1px solid #ccc; }
"""


class ReportError(Exception):
    """A report could not be made or written (the message says why, for the status bar)."""


@dataclass(frozen=True)
class ReportContent:
    """Everything on the page, read from the window on the GUI thread: texts already in the
    UI's language, images as drawn (their pixels, and the size they take on the page)."""

    title: str
    meta: str
    settings: list[tuple[str, str]]
    results: list[tuple[str, str, str]]
    diagnoses: list[tuple[str, str, str]]  # (step, code and layer, message)
    images: dict[str, QImage]  # objectName → the figure at IMAGE_SCALE
    captions: dict[str, str]


def _image_tag(
    content: ReportContent, name: str, width: int, src: Callable[[str], str], most_height: int
) -> str:
    """The figure ``name`` at ``width`` (narrower if it would be taller than ``most_height``)."""
    image = content.images[name]
    aspect = image.height() / max(1, image.width())
    width = min(width, image.width() // IMAGE_SCALE)  # never bigger than on screen
    width = min(width, round(most_height / aspect)) if aspect > 0 else width
    height = round(width * aspect)
    alt = escape(content.captions[name])
    return f'<img src="{src(name)}" width="{width}" height="{height}" alt="{alt}">'


def report_html(content: ReportContent, src: Callable[[str], str]) -> str:
    """The page as HTML (the subset ``QTextDocument`` draws, so one page serves both
    formats); ``src(objectName)`` says where each figure's image is."""
    e = escape
    settings = "".join(
        f'<tr><td class="label">{e(label)}</td><td>{e(value)}</td></tr>'
        for label, value in content.settings
    )
    table = '<table class="values" cellspacing="0" cellpadding="3">'
    if content.results:
        on_train, on_test = e(tr("Training data")), e(tr("Test data"))
        results = "".join(
            f'<tr><td class="label">{e(what)}</td><td>{e(train)}</td><td>{e(test)}</td></tr>'
            for what, train, test in content.results
        )
        results = f"{table}<tr><th></th><th>{on_train}</th><th>{on_test}</th></tr>{results}</table>"
    else:
        untrained = tr("Not trained yet: no losses to report.")
        results = f'<p class="empty">{e(untrained)}</p>'
    if content.diagnoses:
        when, problem, saw = e(tr("At step")), e(tr("Problem")), e(tr("What the coach saw"))
        diagnoses = "".join(
            f'<tr><td>{e(step)}</td><td class="code">{e(code)}</td><td>{e(message)}</td></tr>'
            for step, code, message in content.diagnoses
        )
        diagnoses = (
            f"{table}<tr><th>{when}</th><th>{problem}</th><th>{saw}</th></tr>{diagnoses}</table>"
        )
    else:
        nothing = tr("The coach saw nothing wrong.")
        diagnoses = f'<p class="empty">{e(nothing)}</p>'
    plots = "".join(
        f"<h2>{e(content.captions[name])}</h2>"
        f"<p>{_image_tag(content, name, PAGE_WIDTH - 4, src, PLOT_HEIGHT)}</p>"
        for name in ("lossPlot", "gradientPlot")
    )
    boundary = _image_tag(content, "boundaryView", BOUNDARY_SIZE, src, BOUNDARY_SIZE)
    language = e(tr("en", "the language code of the report's HTML"))
    # Chinese: a CJK font first, so that its Latin letters and digits share one baseline
    fonts = tr("sans-serif", "the report's CSS font-family")
    headings = {
        "settings": e(tr("Settings")),
        "results": e(tr("Results")),
        "diagnoses": e(tr("Coach’s diagnoses")),
        "boundary": e(content.captions["boundaryView"]),
    }
    return (
        f'<!DOCTYPE html>\n<html lang="{language}">'
        f'<head><meta charset="utf-8"><title>{e(content.title)}</title>'
        f'<style>{CSS.replace("FONTS", fonts)}</style></head><body><div class="page">'
        f'<h1>{e(content.title)}</h1><p class="meta">{e(content.meta)}</p>'
        '<table width="100%" cellspacing="0" cellpadding="0"><tr>'
        f'<td valign="top"><h2>{headings["settings"]}</h2>{table}{settings}</table>'
        f"<h2>{headings['results']}</h2>{results}</td>"
        f'<td valign="top" width="{BOUNDARY_SIZE + 16}" style="padding-left: 16px">'
        f"<h2>{headings['boundary']}</h2>{boundary}</td></tr></table>"
        f"{plots}<h2>{headings['diagnoses']}</h2>{diagnoses}"
        "</div></body></html>\n"
    )


def png_data(image: QImage) -> bytes:
    """``image`` encoded as PNG (safe off the GUI thread: it touches only the image)."""
    image = image.copy()
    image.setDevicePixelRatio(1)
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QImageWriter(buffer, QByteArray(b"png"))
    if not writer.write(image):
        raise ReportError(tr("Could not encode an image: {why}").format(why=writer.errorString()))
    return bytes(buffer.data().data())


def html_file(content: ReportContent) -> bytes:
    """The report as one self-contained HTML file (images inline as ``data:`` PNG)."""
    data = {
        name: "data:image/png;base64," + base64.b64encode(png_data(image)).decode("ascii")
        for name, image in content.images.items()
    }
    return report_html(content, data.__getitem__).encode("utf-8")


def write_pdf(content: ReportContent, path: Path) -> None:
    """The report as an A4 PDF at ``path``: on one page if shrinking it to
    :data:`ONE_PAGE_SHRINK` is enough, else over as many as it needs."""
    # QTextDocument lays a long page out in steps on timers: a thread without an event
    # dispatcher (a script's) gets one for good by making an event loop, which never runs
    # (the layout is finished at once when the document is asked for its size).
    QEventLoop()
    document = QTextDocument()
    document.setDocumentMargin(0)
    for name, image in content.images.items():
        document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(f"{name}.png"), image)
    document.setHtml(report_html(content, lambda name: f"{name}.png"))
    document.setTextWidth(PAGE_WIDTH)
    writer = QPdfWriter(str(path))
    writer.setTitle(content.title)
    writer.setCreator(f"nnsim {__version__}")
    writer.setResolution(300)
    margins = QMarginsF(12, 12, 12, 12)
    layout = QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait, margins
    )
    writer.setPageLayout(layout)
    page = writer.pageLayout().paintRectPixels(writer.resolution())
    fit_width = page.width() / PAGE_WIDTH
    height = document.size().height()
    painter = QPainter()
    if not painter.begin(writer):
        raise ReportError(tr("Could not write {path}").format(path=path))
    try:
        painter.setRenderHints(
            QPainter.RenderHint.Antialiasing | QPainter.RenderHint.SmoothPixmapTransform
        )
        if height * fit_width <= page.height() / ONE_PAGE_SHRINK:
            scale = min(fit_width, page.height() / height)
            painter.translate((page.width() - PAGE_WIDTH * scale) / 2, 0)
            painter.scale(scale, scale)
            document.drawContents(painter)
            return
        per_page = page.height() / fit_width  # the document's height on one page
        document.setPageSize(QSizeF(PAGE_WIDTH, per_page))  # breaks between lines and rows
        painter.scale(fit_width, fit_width)
        for index in range(document.pageCount()):
            if index:
                writer.newPage()
            painter.save()
            painter.translate(0, -index * per_page)
            document.drawContents(painter, QRectF(0, index * per_page, PAGE_WIDTH, per_page))
            painter.restore()
    finally:
        painter.end()
