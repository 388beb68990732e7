"""File ▸ Export ▸ Report…: the experiment on one page a learner can hand in, as PDF or HTML.

The page holds a title (the experiment's name, the date, nnsim's version), the settings
as a table, the final and best losses and accuracies, the loss and gradient-norm plots,
the decision boundary, and the coach's diagnoses with their steps, every label in the UI's
language. A :class:`ReportExporter` draws the three figures again (:func:`draw_figure`,
as File ▸ Export ▸ Figure does, at 2× for print) on the GUI thread, one per turn of the
event loop, reads the texts (:func:`report_content`), and :func:`write_report` makes the
page (:mod:`.report_page`): HTML as one self-contained file, written in a worker thread;
PDF through ``QTextDocument`` on a ``QPdfWriter`` (A4), shrunk onto one page when it nearly
fits, else over several, written on the GUI thread in a turn of its own (50-95 ms here):
``QTextDocument`` connects signals, which a worker thread cannot do safely under PySide
(see :mod:`.background`).
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QWidget

from nnsim import __version__
from nnsim.training.diagnosis import Diagnosis
from nnsim.training.experiment import Experiment
from nnsim.training.snapshot import Snapshot
from nnsim.training.text import QT_TR_NOOP
from nnsim.ui.export.background import BackgroundWriter
from nnsim.ui.export.figure import bring_forward, drawing_of, render_image
from nnsim.ui.export.report_page import (
    IMAGE_SCALE,
    ReportContent,
    ReportError,
    html_file,
    write_pdf,
)
from nnsim.ui.export.report_settings import results_rows, settings_rows
from nnsim.ui.i18n import shown, tr

__all__ = ["FORMATS", "REPORT_FIGURES", "ReportChoice", "ReportContent", "ReportError",
           "ReportExporter", "draw_figure", "report_content", "write_report"]  # fmt: skip

FORMATS = ("pdf", "html")
# The report's figures: objectName → their caption (the names File ▸ Export ▸ Figure uses).
REPORT_FIGURES = {
    "boundaryView": QT_TR_NOOP("Decision boundary"),
    "lossPlot": QT_TR_NOOP("Loss"),
    "gradientPlot": QT_TR_NOOP("Gradient norms"),
}


@dataclass(frozen=True)
class ReportChoice:
    """What to export: ``pdf`` or ``html``, and where."""

    format: str
    path: Path


class FiguresHiddenError(ReportError):
    """A figure was behind a tab (now brought forward): it can be drawn in a moment."""


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


def draw_figure(root: QWidget, name: str) -> QImage:
    """The figure ``name`` (an objectName under ``root``) drawn again at :data:`IMAGE_SCALE`,
    on the GUI thread. Raises :class:`FiguresHiddenError` if it is behind a tab (it is
    brought forward: draw it again in a moment), :class:`ReportError` if it is missing."""
    widget = root.findChild(QWidget, name)
    if widget is None:
        raise ReportError(tr("The window has no {figure}").format(figure=tr(REPORT_FIGURES[name])))
    drawing = drawing_of(widget)
    if bring_forward(widget) or drawing.width() < 1 or drawing.height() < 1:
        raise FiguresHiddenError(tr("The figures are being shown: export the report again"))
    return render_image(drawing, IMAGE_SCALE)


def report_content(
    experiment: Experiment,
    snapshot: Snapshot | None,
    path: Path | None,
    images: dict[str, QImage],
) -> ReportContent:
    """The report's texts read now (in the UI's language), with the figures ``images``
    (objectName → :func:`draw_figure`'s image, one for each of :data:`REPORT_FIGURES`)."""
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
        images=dict(images),
        captions={name: tr(caption) for name, caption in REPORT_FIGURES.items()},
    )


def write_report(content: ReportContent, choice: ReportChoice) -> Path:
    """Make the page and write it where ``choice`` says (HTML off the GUI thread if you
    like, PDF on it); returns the path. Raises :class:`ReportError` saying why not."""
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
    existed = path.exists()
    try:
        if choice.format == "html":
            path.write_bytes(html_file(content))
        else:
            with open(path, "ab"):  # QPdfWriter says nothing when it cannot write
                pass
            write_pdf(content, path)
    except OSError as err:
        _remove_new(path, existed)
        raise ReportError(
            tr("Could not write {path}: {why}").format(path=path, why=err.strerror or err)
        ) from err
    except BaseException:
        _remove_new(path, existed)
        raise
    return path


def _remove_new(path: Path, existed: bool) -> None:
    """Remove what a failed write left at ``path``, unless a file was there before."""
    if not existed and path.is_file():
        path.unlink(missing_ok=True)


class ReportExporter(BackgroundWriter):
    """Draws the figures on the GUI thread, one per turn of the event loop (each takes a
    frame or two), then reads the texts and writes the report (HTML in a worker thread, PDF
    at the next turn on the GUI thread), one report at a time, and says when it is done. A
    figure behind a tab is brought forward and drawn once it has been shown (a few frames
    later)."""

    RETRIES = 10  # times to look again for a figure brought forward
    RETRY_MS = 50

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__("nnsim-report", parent)
        self._job: _Job | None = None  # figures still to draw

    @property
    def busy(self) -> bool:
        """Whether a report is being drawn or written (another is refused until it ends)."""
        return self._job is not None or super().busy

    def start(self, root: QWidget, texts: Callable[[dict[str, QImage]], ReportContent],
              choice: ReportChoice) -> bool:  # fmt: skip
        """Draw the figures under ``root``, then make the report with ``texts(images)`` (see
        :func:`report_content`) and write it where ``choice`` says; False if another report
        is under way. How it went comes as ``finished``."""
        if self.busy:
            return False
        self._job = _Job(root, texts, choice)
        self._draw_next()
        return True

    def _draw_next(self) -> None:
        job = self._job
        if job is None:
            return
        try:
            missing = [name for name in REPORT_FIGURES if name not in job.images]
            if missing:
                job.images[missing[0]] = draw_figure(job.root, missing[0])
                job.retries = self.RETRIES
                QTimer.singleShot(0, self, self._draw_next)  # the next one at the next turn
                return
            content = job.texts(job.images)
        except FiguresHiddenError as err:
            if job.retries > 0:
                job.retries -= 1
                QTimer.singleShot(self.RETRY_MS, self, self._draw_next)
            else:
                self._fail(str(err))
            return
        except ReportError as err:
            self._fail(str(err))
            return
        except Exception as err:  # a slot: said in the status bar, never raised
            self._fail(tr("Could not export the report: {why}").format(why=err))
            return
        if job.choice.format == "pdf":  # a turn of its own, after the last figure's
            job.content = content
            QTimer.singleShot(0, self, self._write_pdf)
            return
        self._job = None
        self.submit(write_report, content, job.choice)

    def _write_pdf(self) -> None:
        job, self._job = self._job, None
        if job is not None and job.content is not None:
            self.run_here(write_report, job.content, job.choice)

    def _fail(self, message: str) -> None:
        self._job = None
        self.finished.emit(message, True)

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


@dataclass
class _Job:
    """A report being drawn: where its figures are, what makes its texts, where it goes."""

    root: QWidget
    texts: Callable[[dict[str, QImage]], ReportContent]
    choice: ReportChoice
    images: dict[str, QImage] = field(default_factory=dict)
    content: ReportContent | None = None  # once the texts are read (a PDF waits a turn)
    retries: int = ReportExporter.RETRIES
