"""Where the main window's parts go, and its one-line status message."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QScrollArea, QSplitter, QTabWidget, QVBoxLayout, QWidget

from nnsim.ui.i18n import tr

ERROR_STYLE = "color: #b00020;"


def central_widget(window, banner: QWidget) -> tuple[QWidget, QSplitter]:
    """Data and optimizer controls on the left (scrolling), the network in the middle,
        output and plots on the right; ``banner`` above them all (each plot, or the place it
    will go: ``window.place_of``). Returns the central widget
        and the horizontal splitter (objectName ``mainSplitter``)."""
    left = QWidget(window)
    left_layout = QVBoxLayout(left)
    left_layout.setContentsMargins(4, 4, 4, 4)
    left_layout.addWidget(window.data_panel)
    left_layout.addWidget(window.optimizer_panel)
    left_layout.addStretch(1)
    scroll = QScrollArea(window)
    scroll.setObjectName("controlsScroll")
    scroll.setWidget(left)
    scroll.setWidgetResizable(True)
    scroll.setMinimumWidth(300)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    middle = QSplitter(Qt.Orientation.Vertical, window)
    gradients = window.place_of("gradient_panel")
    for widget in (window.architecture_panel, window.network_view, gradients):
        middle.addWidget(widget)
    middle.setStretchFactor(1, 3)
    middle.setStretchFactor(2, 2)

    right = QSplitter(Qt.Orientation.Vertical, window)
    for widget in (
        window.boundary_view,
        loss_tabs(window),
        window.diagnosis_panel,
        window.place_of("lr_panel"),
    ):
        right.addWidget(widget)
    for index, stretch in enumerate((3, 3, 1, 1)):
        right.setStretchFactor(index, stretch)
    right.setSizes([440, 360, 110, 160])  # the decision boundary gets the most room

    splitter = QSplitter(Qt.Orientation.Horizontal, window)
    splitter.setObjectName("mainSplitter")
    for widget in (scroll, middle, right):
        splitter.addWidget(widget)
    splitter.setStretchFactor(1, 3)
    splitter.setStretchFactor(2, 3)

    central = QWidget(window)
    layout = QVBoxLayout(central)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(banner)
    layout.addWidget(splitter, 1)
    return central, splitter


def loss_tabs(window) -> QTabWidget:
    """The loss plot (the default tab) and, beside it, the step along the gradient
    (objectName ``lossTabs``, kept as ``window.loss_tabs``)."""
    tabs = window.loss_tabs = QTabWidget(window)
    tabs.setObjectName("lossTabs")
    tabs.setDocumentMode(True)
    tabs.addTab(window.place_of("loss_panel"), tr("Loss"))
    tabs.addTab(window.place_of("step_line_panel"), tr("Step along the gradient"))
    tabs.setTabToolTip(0, tr("Batch, training and test loss vs step."))
    tabs.setTabToolTip(
        1, tr("The loss along the next step's gradient: where the learning rate lands.")
    )
    return tabs


class StatusLine(QLabel):
    """The status bar's message (objectName ``statusMessage``): one line, red for errors.

    A longer message shows its first line and how many follow; the whole of it is in the
    tooltip and in :meth:`full_text`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("", parent)
        self.setObjectName("statusMessage")
        self._full = ""

    def say(self, text: str, error: bool = False) -> None:
        self._full = text
        lines = text.splitlines()
        shown = lines[0] if lines else ""
        if len(lines) > 1:
            more = tr("(+{count} more lines: hover to read them)").format(count=len(lines) - 1)
            shown += f"  {more}"
        self.setText(shown)
        self.setToolTip(text if len(lines) > 1 else "")
        self.setStyleSheet(ERROR_STYLE if error else "")

    def full_text(self) -> str:
        return self._full
