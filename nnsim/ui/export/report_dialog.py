"""File ▸ Export ▸ Report…: a dialog choosing PDF or HTML, then a save dialog.

:func:`ask_report_choice` shows both; ``MainWindow.ask_export_report`` calls it and tests
replace that hook (as ``ask_export_figure``), so no test blocks on a modal dialog.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QFileDialog,
    QRadioButton,
    QWidget,
)

from nnsim.ui.export.dialog_layout import lay_out_export_dialog
from nnsim.ui.export.report import ReportChoice
from nnsim.ui.i18n import tr


class ExportReportDialog(QDialog):
    """PDF (to print or hand in) or HTML (one file that opens in any browser)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exportReportDialog")
        self.setWindowTitle(tr("Export report"))
        self.pdf_radio = QRadioButton(tr("&PDF document (A4, to print or hand in)"))
        self.pdf_radio.setObjectName("exportReportPdfRadio")
        self.pdf_radio.setToolTip(
            tr("Text stays text; the figures are drawn at twice the screen's pixels")
        )
        self.html_radio = QRadioButton(tr("&HTML page (one file, opens in any browser)"))
        self.html_radio.setObjectName("exportReportHtmlRadio")
        self.html_radio.setToolTip(tr("The figures are inside the file: send it as it is"))
        self.pdf_radio.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.pdf_radio)
        group.addButton(self.html_radio)
        intro = tr(
            "One page to hand in: the experiment's settings, the final and best losses "
            "and accuracies, the loss and gradient-norm plots, the decision boundary and "
            "the coach's diagnoses, as they are now."
        )
        lay_out_export_dialog(self, intro, [self.pdf_radio, self.html_radio], 440)

    @property
    def format(self) -> str:
        return "html" if self.html_radio.isChecked() else "pdf"

    def set_format(self, fmt: str) -> None:
        """Choose ``pdf`` or ``html``, as a user would."""
        (self.html_radio if fmt == "html" else self.pdf_radio).setChecked(True)


def default_report_path(experiment_path: Path | None, fmt: str) -> Path:
    """``spiral.json`` → ``spiral_report.pdf`` beside it (``experiment_report.pdf`` unsaved)."""
    stem = experiment_path.stem if experiment_path else "experiment"
    folder = experiment_path.parent if experiment_path else Path.cwd()
    return folder / f"{stem}_report.{fmt}"


def ask_report_choice(parent: QWidget, experiment_path: Path | None) -> ReportChoice | None:
    """The format dialog, then the save dialog; None if either is cancelled."""
    dialog = ExportReportDialog(parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    fmt = dialog.format
    kind = tr("PDF document (*.pdf)") if fmt == "pdf" else tr("HTML page (*.html)")
    path, _ = QFileDialog.getSaveFileName(
        parent, tr("Save the report"), str(default_report_path(experiment_path, fmt)), kind
    )
    if not path:
        return None
    chosen = Path(path)
    if chosen.suffix.lower() not in (f".{fmt}", ".htm" if fmt == "html" else f".{fmt}"):
        chosen = chosen.with_name(f"{chosen.name}.{fmt}")
    return ReportChoice(fmt, chosen)
