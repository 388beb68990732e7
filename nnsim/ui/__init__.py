"""nnsim's window (PySide6 + pyqtgraph): ``from nnsim.ui import MainWindow``.

The names below are imported on first use (PEP 562): importing one module of the package
(``nnsim.ui.worker``, ``nnsim.ui.lecture.lessons``) does not import the whole window.
pyqtgraph, once imported, makes only the Qt classes it uses, and PySide6's import hook reads
no module's source (:mod:`nnsim.ui.qt_imports`).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from nnsim.ui import qt_imports

qt_imports.install()

if TYPE_CHECKING:
    from nnsim.ui.app import create_application, run_app
    from nnsim.ui.main_window import MainWindow
    from nnsim.ui.worker import TrainingWorker

_HOMES = {
    "MainWindow": "nnsim.ui.main_window",
    "TrainingWorker": "nnsim.ui.worker",
    "create_application": "nnsim.ui.app",
    "run_app": "nnsim.ui.app",
}

__all__ = ["MainWindow", "TrainingWorker", "create_application", "run_app"]


def __getattr__(name: str):
    if name not in _HOMES:
        raise AttributeError(f"module 'nnsim.ui' has no attribute {name!r}")
    value = getattr(importlib.import_module(_HOMES[name]), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])
