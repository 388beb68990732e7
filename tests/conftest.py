"""Shared test set-up: Qt must run headless before any QApplication exists."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def pytest_sessionfinish(session, exitstatus):
    """Delete every window and graphics scene left at the end while Python is whole.

    Otherwise PySide deletes them in its own exit handler, after Python has started to shut
    down, and a QGraphicsWidget whose destructor calls a Python override (boundingRect) then
    crashes the interpreter (SIGSEGV in ``PepException_GetArgs``): every test passes and the
    run still exits 139. Seen after the plot-export tests (pyqtgraph's export dialog)."""
    import gc
    import sys

    if "PySide6.QtWidgets" not in sys.modules:
        return  # no Qt in this run
    import shiboken6
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QApplication, QGraphicsItem, QGraphicsScene

    app = QApplication.instance()
    if app is None:
        return
    for widget in QApplication.topLevelWidgets():
        widget.close()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()
    scenes = [o for o in gc.get_objects() if isinstance(o, QGraphicsScene)]
    for scene in scenes:
        if shiboken6.isValid(scene):
            scene.clear()  # its items go while their Python overrides can still answer
    items = [o for o in gc.get_objects() if isinstance(o, QGraphicsItem)]
    for item in items:  # those in no scene (a plot item the export dialog took out, …)
        if shiboken6.isValid(item) and item.parentItem() is None:
            shiboken6.delete(item)  # its children with it
    for widget in QApplication.topLevelWidgets():
        if shiboken6.isValid(widget):
            shiboken6.delete(widget)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()
