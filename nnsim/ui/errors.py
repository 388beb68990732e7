"""Unexpected exceptions: never a silent line on stderr.

An exception raised inside a Qt slot, a paint event or a timer does not stop the
event loop: PySide6 hands it to :data:`sys.excepthook` and carries on. nnsim's
hook logs it with its traceback (stderr and ``nnsim.log`` in the user's data
folder) and tells every window through :attr:`ErrorReporter.errorRaised`, so the
learner sees it in the status bar. The hook then calls the one it replaced (which
prints the traceback), so a test runner's own hook (pytest-qt fails the test)
still sees the exception.
"""

from __future__ import annotations

import logging
import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QObject, QStandardPaths, Signal

from nnsim.training.text import QT_TR_NOOP
from nnsim.ui.i18n import tr

log = logging.getLogger("nnsim")

OS_REASONS = (
    QT_TR_NOOP("No such file or directory"),
    QT_TR_NOOP("Permission denied"),
    QT_TR_NOOP("Is a directory"),
    QT_TR_NOOP("Not a directory"),
    QT_TR_NOOP("File exists"),
    QT_TR_NOOP("No space left on device"),
    QT_TR_NOOP("Read-only file system"),
    QT_TR_NOOP("File name too long"),
    QT_TR_NOOP("Disk quota exceeded"),
)
"""The operating system's commonest reasons a file cannot be read or written, as its C
library says them in English (``strerror``): in the catalogue, so that :func:`os_reason`
shows them in the UI's language."""


def os_reason(err: OSError) -> str:
    """Why a file could not be opened or written: the system's reason (``strerror``) in the
    UI's language where it is one of :data:`OS_REASONS`, else as the system said it."""
    return tr(err.strerror) if err.strerror else str(err)


class ErrorReporter(QObject):
    """Where unexpected exceptions are announced (one per application)."""

    errorRaised = Signal(str)  # a one-line summary for the status bar


_reporter: ErrorReporter | None = None


def reporter() -> ErrorReporter:
    """The application's :class:`ErrorReporter` (created on first use, in the GUI thread)."""
    global _reporter
    if _reporter is None:
        _reporter = ErrorReporter()
    return _reporter


def summary(exc_type: type[BaseException], exc: BaseException) -> str:
    """``ValueError: operands could not be broadcast …`` on one bounded line."""
    text = " ".join(str(exc).split())
    if len(text) > 200:
        text = text[:199] + "…"
    return f"{exc_type.__name__}: {text}" if text else exc_type.__name__


def log_file() -> Path:
    """``nnsim.log`` in the user's data folder (where the hook writes tracebacks)."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppLocalDataLocation)
    return Path(folder or ".") / "nnsim.log"


def _add_file_log() -> None:
    try:
        path = log_file()
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.FileHandler(path, encoding="utf-8", delay=True)
    except OSError:  # no writable data folder: stderr only
        return
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
    log.addHandler(handler)


def install_exception_hook(*, log_to_file: bool = True) -> None:
    """Make :data:`sys.excepthook` log and announce every unexpected exception."""
    previous = sys.excepthook
    if getattr(previous, "nnsim_hook", False):
        return
    if log_to_file:
        _add_file_log()
    announce = reporter().errorRaised

    def hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            previous(exc_type, exc, tb)
            return
        try:
            text = "".join(traceback.format_exception(exc_type, exc, tb))
            log.error("unexpected error\n%s", text)
            announce.emit(summary(exc_type, exc))
        finally:
            previous(exc_type, exc, tb)

    hook.nnsim_hook = True  # type: ignore[attr-defined]
    sys.excepthook = hook
