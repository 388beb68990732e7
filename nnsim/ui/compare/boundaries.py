"""Compare mode's small multiples: each run's decision boundary (its output over the view's
square, coloured as the main boundary view), side by side under its run's name."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from nnsim.engine.network import Network
from nnsim.training.grid import GridPredictor
from nnsim.training.run_group import RunResults
from nnsim.training.trainer import network_for
from nnsim.ui.colormap import output_to_rgba
from nnsim.ui.compare.loss_plot import run_color, run_glyph, run_symbol

__all__ = ["BOUNDARY_PIXELS", "BoundaryMultiples", "frame_style"]

BOUNDARY_PIXELS = 96  # each thumbnail's side on screen
_RESOLUTION = 40  # grid points per side: 8 runs' forward passes stay well under a millisecond
_COLUMNS = 8


def frame_style(i: int) -> str:
    """Thumbnail i's frame: its run's colour; dotted for a run whose curves carry symbols."""
    line = "solid" if run_symbol(i) is None else "dotted"
    return f"border: 2px {line} {run_color(i)};"


class BoundaryMultiples(QWidget):
    """One thumbnail per run (objectNames ``compareBoundaries``, ``compareBoundary_<i>``);
    :meth:`set_runs` then :meth:`show_results` after training."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("compareBoundaries")
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setColumnStretch(_COLUMNS, 1)  # few runs: the thumbnails stay together
        self.images: list[QLabel] = []
        self.rgba: list[np.ndarray | None] = []  # what each thumbnail shows (row 0 = top)
        self._cells: list[QWidget] = []
        self._networks: list[Network] = []
        self._predictor: GridPredictor | None = None

    def set_runs(self, labels: Sequence[str], results: Sequence[RunResults]) -> None:
        """New runs: a thumbnail and a caption in the run's colour each."""
        for cell in self._cells:
            self._grid.removeWidget(cell)
            cell.hide()  # gone now, not only when the event loop gets to the deletion
            cell.deleteLater()
        self._cells, self.images, self.rgba = [], [], []
        for i, label in enumerate(labels):
            cell = QWidget(self)
            box = QVBoxLayout(cell)
            box.setContentsMargins(2, 2, 2, 2)
            box.setSpacing(1)
            image = QLabel(cell)
            image.setObjectName(f"compareBoundary_{i}")
            image.setFixedSize(BOUNDARY_PIXELS, BOUNDARY_PIXELS)
            image.setStyleSheet(frame_style(i))
            caption = QLabel(f"{run_glyph(i)}{label}", cell)
            caption.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            caption.setStyleSheet(f"color: {run_color(i)};")
            box.addWidget(image, 0, Qt.AlignmentFlag.AlignHCenter)
            box.addWidget(caption)
            self._grid.addWidget(cell, i // _COLUMNS, i % _COLUMNS)
            self._cells.append(cell)
            self.images.append(image)
            self.rgba.append(None)
        self._networks = [
            network_for(r.trainer.experiment, len(r.trainer.data.features)) for r in results
        ]
        features = results[0].trainer.data.features if results else ()
        self._predictor = GridPredictor(features, _RESOLUTION)

    def show_results(self, results: Sequence[RunResults]) -> None:
        """Every run's current output over the square (a diverged run as it stopped)."""
        predictor = self._predictor
        if predictor is None:
            return
        for i, result in enumerate(results):
            network = self._networks[i]
            network.load_state(result.weights())
            data = result.trainer.data
            output = predictor.output(network)
            rgba = np.ascontiguousarray(output_to_rgba(output, data.kind, data.num_classes))
            self.rgba[i] = rgba
            h, w = rgba.shape[:2]
            image = QImage(rgba.data, w, h, 4 * w, QImage.Format.Format_RGBA8888).copy()
            pixmap = QPixmap.fromImage(image).scaled(
                BOUNDARY_PIXELS - 4,
                BOUNDARY_PIXELS - 4,
                Qt.AspectRatioMode.IgnoreAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
            self.images[i].setPixmap(pixmap)
