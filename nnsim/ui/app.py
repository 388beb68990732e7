"""Starting the desktop application."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from nnsim.ui.main_window import MainWindow


def create_application(argv: list[str] | None = None):
    """The QApplication, configured once (organisation names for QSettings, plot defaults)."""
    import pyqtgraph as pg
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from nnsim.paths import resource
    from nnsim.ui.errors import install_exception_hook

    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    assert isinstance(app, QApplication)  # nnsim never makes a QCoreApplication
    # The snapshot reader thread needs the GIL for a moment per chunk of pipe data; with
    # the default 5 ms switch interval a busy paint makes it wait 5 ms for each chunk.
    sys.setswitchinterval(0.001)
    app.setOrganizationName("nnsim")
    app.setApplicationName("nnsim")
    app.setApplicationDisplayName("nnsim")
    icon = resource("icons", "nnsim.svg")
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))
    pg.setConfigOptions(antialias=False, background="w", foreground="#333333")
    install_exception_hook()  # an exception in a slot is shown in the status bar and logged
    return app


def open_window(path: str | None = None) -> MainWindow:
    """The shown main window with the default experiment, then ``path`` opened in it: the
    file joins Open Recent, or a bad file's problems show in the status bar."""
    from nnsim.ui.main_window import MainWindow

    window = MainWindow()
    window.show()
    if path:
        window.open_file(path)
    return window


def run_app(path: str | None = None) -> int:
    """Open the main window (with ``path`` or the default experiment) and run the event loop."""
    app = create_application()
    window = open_window(path)  # noqa: F841  (kept alive while the loop runs)
    return app.exec()
