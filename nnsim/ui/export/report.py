"""File ▸ Export ▸ Report…: the experiment on one page a learner can hand in, as PDF or HTML.

The page holds a title (the experiment's name, the date, nnsim's version), the settings
as a table, the final and best losses and accuracies, the loss and gradient-norm plots,
the decision boundary, and the coach's diagnoses with their steps, every label in the UI's
language. :func:`collect_report` reads the window and draws the three figures again (as
File ▸ Export ▸ Figure does, at 2× for print) on the GUI thread; :func:`write_report` makes
the page from that and writes it, off the GUI thread: HTML as one self-contained file (the
images embedded as base64 PNG), PDF through ``QTextDocument`` painted on a ``QPdfWriter``
(A4, text stays text), shrunk onto one page when it nearly fits, else over several.
"""

from __future__ import annotations

import base64
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass
from datetime import datetime
from html import escape
from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QEventLoop,
    QIODevice,
    QMarginsF,
    QObject,
    QRectF,
    QSizeF,
    QTimer,
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
from PySide6.QtWidgets import QWidget

from nnsim import __version__
from nnsim.training.diagnosis import Diagnosis
from nnsim.training.experiment import Experiment
from nnsim.training.snapshot import Snapshot
from nnsim.training.text import QT_TR_NOOP
from nnsim.ui.export.background import BackgroundWriter
from nnsim.ui.export.figure import bring_forward, drawing_of, render_image
from nnsim.ui.export.report_settings import results_rows, settings_rows
from nnsim.ui.i18n import shown, tr

FORMATS = ("pdf", "html")
# The report's figures: objectName → their caption (the names File ▸ Export ▸ Figure uses).
REPORT_FIGURES = {
    "boundaryView": QT_TR_NOOP("Decision boundary"),
    "lossPlot": QT_TR_NOOP("Loss"),
    "gradientPlot": QT_TR_NOOP("Gradient norms"),
}
IMAGE_SCALE = 2  # pixels per screen pixel: sharp when printed
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


@dataclass(frozen=True)
class ReportChoice:
    """What to export: ``pdf`` or ``html``, and where."""

    format: str
    path: Path


class ReportError(Exception):
    """A report could not be made or written (the message says why, for the status bar)."""


class FiguresHiddenError(ReportError):
    """A figure was behind a tab (now brought forward): it can be drawn in a moment."""


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


def _diagnosis_rows(diagnoses: tuple[Diagnosis, ...]) -> list[tuple[str, str, str]]:
    rows = []
    for diagnosis in sorted(diagnoses, key=lambda d: d.step):
        code = diagnosis.code
        if diagnosis.layer is not None:
            code = tr("{code} (layer {layer})").format(code=code, layer=diagnosis.layer)
        rows.append((str(diagnosis.step), code, shown(diagnosis.message)))
    return rows


def report_title(experiment: Experiment, path: Path | None) -> str:
    """The experiment's name, else its file's name, else "Untitled experiment"."""
    name = experiment.name or (path.stem if path is not None else "")
    return name or tr("Untitled experiment")


def collect_report(
    root: QWidget, experiment: Experiment, snapshot: Snapshot | None, path: Path | None
) -> ReportContent:
    """Read the report's texts and draw its figures (found under ``root`` by objectName)
    now, on the GUI thread. Raises :class:`ReportError` if a figure cannot be drawn now
    (one that was behind a tab is brought forward: try again once it is drawn)."""
    images: dict[str, QImage] = {}
    hidden = []
    for name, caption in REPORT_FIGURES.items():
        widget = root.findChild(QWidget, name)
        if widget is None:
            raise ReportError(tr("The window has no {figure}").format(figure=tr(caption)))
        if bring_forward(widget):
            hidden.append(name)
            continue
        drawing = drawing_of(widget)
        if drawing.width() < 1 or drawing.height() < 1:
            hidden.append(name)
            continue
        images[name] = render_image(drawing, IMAGE_SCALE)
    if hidden:
        raise FiguresHiddenError(tr("The figures are being shown: export the report again"))
    stamp = datetime.now().strftime("%Y-%m-%d %H:%M")
    meta = tr("Exported {date} from nnsim {version}").format(date=stamp, version=__version__)
    if path is not None:
        meta += " · " + str(path)
    if experiment.description:
        meta += " — " + experiment.description
    diagnoses = () if snapshot is None else snapshot.diagnoses
    return ReportContent(
        title=tr("nnsim report: {name}").format(name=report_title(experiment, path)),
        meta=meta,
        settings=settings_rows(experiment, snapshot),
        results=results_rows(snapshot),
        diagnoses=_diagnosis_rows(diagnoses),
        images=images,
        captions={name: tr(caption) for name, caption in REPORT_FIGURES.items()},
    )


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
    # QTextDocument lays a long page out in steps on timers: this worker thread needs an
    # event dispatcher to start them, which making an event loop gives it for good (the loop
    # never runs: the layout is finished at once when the document is asked for its size).
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


def write_report(content: ReportContent, choice: ReportChoice) -> Path:
    """Make the page and write it where ``choice`` says (off the GUI thread if you like);
    returns the path. Raises :class:`ReportError` saying why not."""
    path = choice.path
    if choice.format not in FORMATS:
        raise ReportError(tr("Unknown report format {format} (pdf or html)").format(
            format=choice.format))  # fmt: skip
    if not path.parent.is_dir():
        raise ReportError(
            tr("Could not write {path}: the folder {folder} does not exist").format(
                path=path, folder=path.parent
            )
        )
    try:
        if choice.format == "html":
            path.write_bytes(html_file(content))
        else:
            with open(path, "ab"):  # QPdfWriter says nothing when it cannot write
                pass
            write_pdf(content, path)
    except OSError as err:
        raise ReportError(
            tr("Could not write {path}: {why}").format(path=path, why=err.strerror or err)
        ) from err
    return path


class ReportExporter(BackgroundWriter):
    """Reads the window and draws the figures on the GUI thread, writes the report in a
    worker thread, one at a time, and says when it is done. A figure behind a tab is
    brought forward and the report made once it has been drawn (a few frames later)."""

    RETRIES = 10  # frames to wait for figures brought forward
    RETRY_MS = 50

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__("nnsim-report", parent)
        self._choice: ReportChoice | None = None
        self.waiting = False  # figures were brought forward; the report follows

    @property
    def busy(self) -> bool:
        return self.waiting or super().busy

    def start(self, collect: Callable[[], ReportContent], choice: ReportChoice) -> bool:
        """Collect the report (``collect`` is :func:`collect_report` on the window) and begin
        writing it; False if another report is under way. Failures come as ``finished``."""
        if self.busy:
            return False
        self._choice = choice
        self._attempt(collect, self.RETRIES)
        return True

    def _attempt(self, collect: Callable[[], ReportContent], retries: int) -> None:
        self.waiting = False
        try:
            content = collect()
        except ReportError as err:
            if isinstance(err, FiguresHiddenError) and retries > 0:
                self.waiting = True
                QTimer.singleShot(self.RETRY_MS, self, lambda: self._attempt(collect, retries - 1))
            else:
                self.finished.emit(str(err), True)
            return
        except Exception as err:  # a slot: said in the status bar, never raised
            self.finished.emit(tr("Could not export the report: {why}").format(why=err), True)
            return
        assert self._choice is not None
        self.submit(write_report, content, self._choice)

    def report(self, future: Future[Path]) -> None:
        error = future.exception()
        if error is None:
            self.finished.emit(
                tr("Exported the report to {path}").format(path=future.result()), False
            )
        elif isinstance(error, ReportError):
            self.finished.emit(str(error), True)
        else:  # what Qt or the encoder raised: said, not lost
            self.finished.emit(tr("Could not export the report: {why}").format(why=error), True)
