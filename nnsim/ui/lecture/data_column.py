"""The lecture's data column: the training points over the network's output (click one to
send it through), the points of the current step ringed, and the source chooser below."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QVBoxLayout, QWidget

from nnsim.ui.boundary_view import BoundaryView
from nnsim.ui.i18n import tr
from nnsim.ui.lecture.source_chooser import SourceChooser
from nnsim.ui.style import HIGHLIGHT

PICK_DISTANCE = 1.0  # a click picks the nearest training sample within this distance


def prefix_names(widget: QWidget, prefix: str) -> None:
    """Rename ``widget`` and its named children ``prefix + Name``, so that the window's own
    views keep their objectNames to themselves."""
    for w in (widget, *widget.findChildren(QWidget)):
        name = w.objectName()
        if name and not name.startswith("qt_"):
            w.setObjectName(prefix + name[0].upper() + name[1:])


class DataColumn(QWidget):
    """A :class:`BoundaryView` (objectName ``lectureBoundaryView``) above a
    :class:`SourceChooser`; :meth:`set_data` binds it to a trainer's data."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lectureDataColumn")
        self.boundary_view = BoundaryView(self)
        prefix_names(self.boundary_view, "lecture")
        self.boundary_view.show_test_toggle.hide()
        self.boundary_view.discretize_toggle.hide()
        self.boundary_view.plot.setToolTip(
            tr("Click a point: send that sample through the network")
        )
        self.marks = pg.ScatterPlotItem(
            pxMode=True, size=18, symbol="o", brush=None, pen=pg.mkPen(HIGHLIGHT, width=3)
        )
        self.marks.setZValue(20)
        self.boundary_view.plot.addItem(self.marks)
        self.sources = SourceChooser(self)
        self._points = np.empty((0, 2))
        self._rows: dict[bytes, int] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.boundary_view, 1)
        layout.addWidget(self.sources)
        layout.addStretch(0)

    def set_data(self, data, loss: str) -> None:
        """Show a :class:`~nnsim.training.data.TrainingData` (points, ranges of the chooser)."""
        self.boundary_view.set_data(
            data.train.x, data.train.y, data.test.x, data.test.y, data.kind, data.num_classes
        )
        self._points = data.train.x
        self._rows = {row.tobytes(): i for i, row in enumerate(data.x_train)}
        self.sources.configure(len(data.train), loss, data.num_classes)

    def nearest_sample(self, x1: float, x2: float) -> int | None:
        """The training sample nearest to (x1, x2), if one is within :data:`PICK_DISTANCE`."""
        if not len(self._points):
            return None
        distances = np.hypot(self._points[:, 0] - x1, self._points[:, 1] - x2)
        nearest = int(np.argmin(distances))
        return nearest if distances[nearest] <= PICK_DISTANCE else None

    def mark(self, source, batch: tuple[np.ndarray, np.ndarray] | None) -> None:
        """Ring the sample of ``source`` (one sample or typed in), else the training points
        whose features are the rows of ``batch``."""
        if source.kind != "batch" and source.point is not None:
            points = np.array([source.point])
        elif batch is not None:
            rows = [self._rows.get(row.tobytes()) for row in batch[0]]
            points = self._points[[i for i in rows if i is not None]]
        else:
            points = np.empty((0, 2))
        self.marks.setData(x=points[:, 0], y=points[:, 1])

    def marked_points(self) -> np.ndarray:
        """The (n, 2) points ringed now."""
        x, y = self.marks.getData()
        return np.column_stack([x, y]) if x is not None else np.empty((0, 2))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        caption = self.boundary_view.caption.sizeHint().height()
        self.boundary_view.setMaximumHeight(self.width() + caption + 8)  # no empty bands
