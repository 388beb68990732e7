"""Testing nnsim's window with pytest-qt: a pytest plugin (entry point ``pytest11``) and helpers.

Installing nnsim registers this module with pytest, so any test may ask for

- ``nnsim_window``: a shown :class:`~nnsim.ui.MainWindow` on the default experiment that has
  drawn its first snapshot; after the test it is closed (unsaved changes discarded) and its
  training process must have exited. ``nnsim_make_window(experiment=None, path=None)``
  builds more, each cleaned up the same way.
- ``nnsim_dialogs``: every modal dialog shown during the test goes through it. Answer the
  ones a test expects with :meth:`ModalDialogs.answer`; any other is closed at once and
  fails the test with its title and text, so a test never blocks on a prompt.
- ``nnsim_settings``: ``QSettings`` (geometry, recent files) in a temporary folder.
- ``nnsim_language``: ``use("zh_CN")`` shows the windows made after it in Chinese (tests
  run in English otherwise); ``nnsim.testing.untranslated.english_texts(window)`` lists
  the English still visible.

and use :func:`train_until`, :func:`choose` and :func:`type_into`. Qt is imported only when
a fixture or helper runs; ``QT_QPA_PLATFORM`` defaults to ``offscreen`` (no display needed).
"""

from __future__ import annotations

import os
from multiprocessing.process import BaseProcess
from typing import TYPE_CHECKING

import pytest

from nnsim.testing.dialogs import DialogSeen, ModalDialogs
from nnsim.testing.helpers import (
    choose,
    train_until,
    training_processes,
    type_into,
    wait_for,
)

if TYPE_CHECKING:
    from nnsim.ui import MainWindow

__all__ = [
    "LEAVING_LECTURE",
    "UNSAVED_CHANGES",
    "DialogSeen",
    "ModalDialogs",
    "answer_prompts",
    "choose",
    "train_until",
    "training_processes",
    "type_into",
    "wait_for",
]

STARTUP_SECONDS = 10.0  # a new window's first snapshot (process start + first frame)
UNSAVED_CHANGES = "Unsaved changes"  # the title of the window's save / discard / cancel prompt
LEAVING_LECTURE = "Leaving the lecture"  # continue from the lecture's steps, or discard them


def pytest_configure(config: pytest.Config) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before any QApplication exists


def pytest_sessionfinish(session: pytest.Session) -> None:
    """Delete the widgets still waiting for it while Python is whole. pytest-qt closes a
    test's widgets with ``deleteLater``, which only a later event loop carries out: after the
    suite's last Qt test, PySide deleted them at exit instead, and a plot's pyqtgraph items
    (Python overrides of C++ virtuals) could be called during finalisation: a segfault
    after every test had passed."""
    import sys

    if "PySide6.QtCore" not in sys.modules:  # no Qt test ran: nothing to delete
        return
    from PySide6.QtCore import QCoreApplication, QEvent

    if QCoreApplication.instance() is not None:
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item):
    """A dialog nobody answered fails the test itself (not only its teardown)."""
    result = yield
    dialogs = getattr(item, "funcargs", {}).get("nnsim_dialogs")
    if dialogs is not None and dialogs.unexpected:
        dialogs.reported = len(dialogs.unexpected)
        pytest.fail(dialogs.describe_unexpected(), pytrace=False)
    return result


@pytest.fixture
def nnsim_settings(qapp, tmp_path_factory):
    """``QSettings`` go to a fresh temporary folder (yielded), never the user's."""
    from PySide6.QtCore import QSettings

    folder = tmp_path_factory.mktemp("nnsim-settings")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    names = qapp.organizationName(), qapp.applicationName()
    qapp.setOrganizationName("nnsim-tests")
    qapp.setApplicationName("nnsim-tests")
    yield folder
    qapp.setOrganizationName(names[0])
    qapp.setApplicationName(names[1])


@pytest.fixture
def nnsim_language(qapp):
    """``use(code)``: show nnsim in language ``code`` ("zh_CN") for this test (windows made
    afterwards are in it; see ``nnsim.testing.untranslated`` to find English left).
    Without it tests run in English, whatever the machine's locale."""
    from nnsim.ui.i18n import SOURCE_LANGUAGE, install_language

    yield install_language
    install_language(SOURCE_LANGUAGE)


@pytest.fixture
def nnsim_dialogs(qapp):
    """The :class:`ModalDialogs` of this test: answer the dialogs you expect; any other fails."""
    dialogs = ModalDialogs()
    dialogs.install(qapp)
    yield dialogs
    dialogs.uninstall()
    late = dialogs.unexpected[dialogs.reported :]
    if late:
        pytest.fail(dialogs.describe_unexpected(), pytrace=False)


def answer_prompts(window, dialogs) -> None:
    """Send ``window``'s own prompts (save / discard / cancel; leaving the lecture) to
    ``dialogs`` through the window's hooks, as if their dialogs had been shown; a hook
    avoids a QMessageBox and its nested event loop at every close."""
    from PySide6.QtWidgets import QMessageBox

    cancel = QMessageBox.StandardButton.Cancel
    window.ask_unsaved_changes = lambda: dialogs.ask(
        UNSAVED_CHANGES, "This experiment has unsaved changes.", cancel
    )
    window.lecture_mode.ask_on_leave = lambda lecture_steps, window_steps: (
        dialogs.ask(
            LEAVING_LECTURE,
            f"The lecture trained the network to step {lecture_steps}; the window is at "
            f"step {window_steps}.",
            "continue",
        ),
        False,  # never remembered: each test starts from the same settings
    )


@pytest.fixture
def nnsim_make_window(qtbot, nnsim_settings, nnsim_dialogs):
    """``make(experiment=None, path=None)``: a shown MainWindow, made as ``nnsim`` makes it
    (its plots just after the first frame), that has its plots and has drawn its first
    snapshot. After the test each is closed (unsaved changes discarded) and its training
    process must have exited."""
    from PySide6.QtWidgets import QMessageBox

    from nnsim.ui import MainWindow
    from nnsim.ui.garbage import GuiThreadCollector

    collector = GuiThreadCollector()  # as the app does: never a collection inside a paint
    collector.start()
    discard = QMessageBox.StandardButton.Discard
    nnsim_dialogs.default(UNSAVED_CHANGES, discard)
    nnsim_dialogs.default(LEAVING_LECTURE, "continue")
    made: list[tuple[MainWindow, list[BaseProcess]]] = []

    def make(experiment=None, path: str | None = None) -> MainWindow:
        before = set(training_processes())
        window = MainWindow(experiment, path, plots_after_first_frame=True)  # as launched
        answer_prompts(window, nnsim_dialogs)
        qtbot.addWidget(window)
        window.show()
        made.append((window, [p for p in training_processes() if p not in before]))
        wait_for(
            lambda: window.last_snapshot is not None and window.plots_ready,
            STARTUP_SECONDS,
            lambda: f"the new window drew no snapshot within {STARTUP_SECONDS:g} s",
        )
        return window

    try:
        yield make
        nnsim_dialogs.answer(UNSAVED_CHANGES, discard)  # the test may have said Cancel
        for window, processes in made:
            if window.isVisible():
                window.close()
            assert not window.isVisible(), "the window refused to close"
            assert not window.worker.is_running(), "the window's snapshot thread is still running"
            alive = [p.pid for p in processes if p.is_alive()]
            assert not alive, f"training process {alive} still alive after the window closed"
    finally:
        collector.stop()


@pytest.fixture
def nnsim_window(nnsim_make_window) -> MainWindow:
    """A shown MainWindow on the default experiment (see ``nnsim_make_window``)."""
    return nnsim_make_window()
