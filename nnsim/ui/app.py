"""Starting the desktop application."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox

    from nnsim.ui.main_window import MainWindow


def create_application(argv: list[str] | None = None, language: str | None = None):
    """The QApplication, configured once (organisation names for QSettings, plot defaults,
    the UI's language: ``language``, else the one chosen or the system's)."""
    from nnsim.ui.training_process import prepare_training_processes

    prepare_training_processes()  # its imports run while ours do
    import pyqtgraph as pg
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from nnsim.paths import resource
    from nnsim.ui.errors import install_exception_hook
    from nnsim.ui.i18n import chosen_language, install_language

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
    install_language(language or chosen_language())  # View ▸ Language, else the system's
    install_exception_hook()  # an exception in a slot is shown in the status bar and logged
    collect_garbage_in_gui_thread(app)
    return app


_collectors: list = []


def collect_garbage_in_gui_thread(app) -> None:
    """Python's cyclic collector runs between the GUI thread's events only (see
    :mod:`nnsim.ui.garbage`: freeing Qt items inside a paint or another thread crashes)."""
    from nnsim.ui.garbage import GuiThreadCollector

    if not _collectors:
        _collectors.append(GuiThreadCollector(app))
        _collectors[0].start()


def open_window(path: str | None = None) -> MainWindow:
    """The shown main window with the default experiment, then ``path`` opened in it: the
    file joins Open Recent, or a bad file's problems show in a message box over the window
    (:func:`explain_open_failure`) and in the status bar. Its plots are made just after its
    first frame (:mod:`nnsim.ui.deferred_plots`)."""
    from nnsim.ui.main_window import MainWindow

    window = MainWindow(plots_after_first_frame=True)
    window.show()
    warn_without_chinese_font(window)
    if path and not window.open_file(path):
        explain_open_failure(window, path)
    return window


FONT_WARNED = "fontWarned"  # QSettings: an English window has said it once


def warn_without_chinese_font(window: MainWindow) -> bool:
    """Say in the status bar that no installed font covers Chinese (its text would show as
    boxes): at each start in Chinese, once ever in English (the lessons' Chinese text)."""
    from PySide6.QtCore import QSettings

    from nnsim.ui.i18n import current_language, has_chinese_font, tr

    settings = QSettings()
    if has_chinese_font() or (current_language() == "en" and settings.value(FONT_WARNED)):
        return False
    settings.setValue(FONT_WARNED, True)
    window.show_error(
        tr(
            "No installed font covers Chinese, so Chinese text shows as boxes: install one "
            "(Debian/Ubuntu: sudo apt-get install fonts-noto-cjk) and start nnsim again."
        )
    )
    return True


SHOWN_PROBLEMS = 8  # lines of problems in the message box's text; all under Show Details


def explain_open_failure(window: MainWindow, path: str) -> QMessageBox:
    """Say in a window-modal message box (``openFailedMessage``, title *Could not open
    experiment*) why the file given at start-up did not open: launched from a file manager,
    nobody reads stderr and a status line is easily missed. The box is opened, not run: the
    window works on behind it; the status bar keeps the same lines."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMessageBox

    from nnsim.ui.i18n import tr
    from nnsim.ui.window_files import could_not_open

    problems = window.status_text().splitlines()
    if problems and problems[0] == could_not_open(path):
        problems = problems[1:]
    shown = [f"• {problem}" for problem in problems[:SHOWN_PROBLEMS]]
    if len(problems) > SHOWN_PROBLEMS:
        more = tr("… and {count} more (Show Details…)")
        shown.append(more.format(count=len(problems) - SHOWN_PROBLEMS))
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        tr("Could not open experiment"),
        tr(
            "nnsim could not open {file}: it is not an nnsim experiment, or one with "
            "errors. The window shows the default experiment instead."
        ).format(file=Path(path).name),
        QMessageBox.StandardButton.Ok,
        window,
    )
    box.setObjectName("openFailedMessage")
    box.setInformativeText("\n".join(shown))
    if len(problems) > SHOWN_PROBLEMS:
        box.setDetailedText("\n".join([path, *problems]))
    box.setWindowModality(Qt.WindowModality.WindowModal)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


def run_app(path: str | None = None, language: str | None = None) -> int:
    """Open the main window (with ``path`` or the default experiment) and run the event loop;
    ``language`` (``nnsim --language zh_CN``) for this session only, else the chosen one."""
    app = create_application(language=language)
    window = open_window(path)  # noqa: F841  (kept alive while the loop runs)
    return app.exec()
