"""File ▸ Export ▸ Figure…: a dialog choosing the figure and the format, then a save dialog.

:func:`ask_figure_choice` shows both; ``MainWindow.ask_export_figure`` calls it and tests
replace that hook (as ``ask_export_script``), so no test blocks on a modal dialog.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QWidget,
)

from nnsim.training.text import QT_TR_NOOP
from nnsim.ui.export.dialog_layout import lay_out_export_dialog
from nnsim.ui.export.figure import FIGURES, SCALES, FigureChoice
from nnsim.ui.i18n import tr

# (label template, format, scale) as the combo lists them; SVG's scale is unused.
FORMAT_CHOICES: list[tuple[str, str, int]] = [
    *((QT_TR_NOOP("PNG image at {scale}× (screen size)") if s == 1
       else QT_TR_NOOP("PNG image at {scale}× (sharper, bigger)"), "png", s) for s in SCALES),
    (QT_TR_NOOP("SVG drawing (scales without blurring; opens in a browser, Inkscape)"), "svg", 1),
]  # fmt: skip


class ExportFigureDialog(QDialog):
    """Which figure, and PNG at 1×, 2×, 4× or SVG."""

    def __init__(self, parent: QWidget | None = None, figure: str = "lossPlot") -> None:
        super().__init__(parent)
        self.setObjectName("exportFigureDialog")
        self.setWindowTitle(tr("Export figure"))
        self.figure_combo = QComboBox()
        self.figure_combo.setObjectName("exportFigureCombo")
        self.figure_combo.setToolTip(tr("The figure to export, as it is on screen now"))
        for name, title in FIGURES.items():
            self.figure_combo.addItem(tr(title), name)
        self.format_combo = QComboBox()
        self.format_combo.setObjectName("exportFigureFormatCombo")
        self.format_combo.setToolTip(
            tr("PNG: pixels, for slides and documents · SVG: curves and text stay vector")
        )
        for label, fmt, scale in FORMAT_CHOICES:
            self.format_combo.addItem(tr(label).format(scale=scale), (fmt, scale))
        self.format_combo.setCurrentIndex(1)  # PNG 2×: sharp on most screens and in print
        self.set_choice(figure, "png", 2)
        form = QFormLayout()
        form.addRow(tr("&Figure:"), self.figure_combo)
        form.addRow(tr("F&ormat:"), self.format_combo)
        intro = tr(
            "A plot, the decision boundary or the network diagram as it is on screen, "
            "drawn again for the file: PNG at 2× or 4× has 2 or 4 times the pixels each "
            "way, sharp on slides and in print; SVG stays sharp at any size."
        )
        lay_out_export_dialog(self, intro, [form], 440)

    @property
    def figure(self) -> str:
        return str(self.figure_combo.currentData())

    @property
    def format(self) -> tuple[str, int]:
        fmt, scale = self.format_combo.currentData()
        return str(fmt), int(scale)

    def set_choice(self, figure: str, fmt: str, scale: int = 1) -> None:
        """Choose the figure (objectName) and the format, as a user would."""
        index = self.figure_combo.findData(figure)
        if index >= 0:
            self.figure_combo.setCurrentIndex(index)
        for i in range(self.format_combo.count()):
            f, s = self.format_combo.itemData(i)
            if f == fmt and (fmt == "svg" or s == scale):
                self.format_combo.setCurrentIndex(i)


def default_figure_path(experiment_path: Path | None, figure: str, fmt: str, scale: int) -> Path:
    """``spiral.json``, the loss at 2× → ``spiral_loss@2x.png`` beside it."""
    stem = experiment_path.stem if experiment_path else "experiment"
    folder = experiment_path.parent if experiment_path else Path.cwd()
    name = FIGURES.get(figure, figure).lower().replace(" ", "_")
    suffix = f"@{scale}x" if fmt == "png" and scale != 1 else ""
    return folder / f"{stem}_{name}{suffix}.{fmt}"


def ask_figure_choice(
    parent: QWidget, experiment_path: Path | None, figure: str = "lossPlot"
) -> FigureChoice | None:
    """The figure-and-format dialog, then the save dialog; None if either is cancelled."""
    dialog = ExportFigureDialog(parent, figure)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    figure = dialog.figure
    fmt, scale = dialog.format
    kind = tr("SVG drawing (*.svg)") if fmt == "svg" else tr("PNG image (*.png)")
    path, _ = QFileDialog.getSaveFileName(
        parent,
        tr("Save the figure"),
        str(default_figure_path(experiment_path, figure, fmt, scale)),
        kind,
    )
    if not path:
        return None
    chosen = Path(path)
    if chosen.suffix.lower() != f".{fmt}":
        chosen = chosen.with_name(f"{chosen.name}.{fmt}")
    return FigureChoice(figure, fmt, scale, chosen)
