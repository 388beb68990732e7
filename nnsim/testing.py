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

and use :func:`train_until`, :func:`choose` and :func:`type_into`. Qt is imported only when
a fixture or helper runs; ``QT_QPA_PLATFORM`` defaults to ``offscreen`` (no display needed).
"""

from __future__ import annotations

import html
import multiprocessing
import os
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from PySide6.QtWidgets import QComboBox, QDialog, QWidget

    from nnsim.training.snapshot import Snapshot
    from nnsim.ui import MainWindow

__all__ = ["DialogSeen", "ModalDialogs", "choose", "train_until", "training_processes", "type_into"]

TRAINING_PROCESS_NAME = "nnsim-training"  # the name TrainingWorker gives its child process
STARTUP_SECONDS = 10.0  # a new window's first snapshot (process start + first frame)
UNSAVED_CHANGES = "Unsaved changes"  # the title of the window's save / discard / cancel prompt
WATCH_MS = 10  # how often nnsim_dialogs looks for a modal dialog


def pytest_configure(config: pytest.Config) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before any QApplication exists


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item):
    """A dialog nobody answered fails the test itself (not only its teardown)."""
    result = yield
    dialogs = getattr(item, "funcargs", {}).get("nnsim_dialogs")
    if dialogs is not None and dialogs.unexpected:
        dialogs.reported = len(dialogs.unexpected)
        pytest.fail(dialogs.describe_unexpected(), pytrace=False)
    return result


# -- waiting -----------------------------------------------------------------------------------
def wait_for(condition: Callable[[], bool], timeout: float, explain: Callable[[], str]) -> None:
    """Process Qt events until ``condition()`` holds; after ``timeout`` seconds fail with
    ``explain()`` (what ``qtbot.waitUntil`` does, with a message that says what went wrong)."""
    from PySide6.QtTest import QTest

    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(explain())
        QTest.qWait(5)


def training_processes() -> list[multiprocessing.Process]:
    """The training processes of this test process that are still alive."""
    return [p for p in multiprocessing.active_children() if p.name == TRAINING_PROCESS_NAME]


# -- helpers -----------------------------------------------------------------------------------
def train_until(window: MainWindow, step: int, timeout: float = 10.0) -> Snapshot:
    """Play until ``window.last_snapshot.step >= step``, then pause; returns the snapshot that
    says training has stopped. Fails with the step reached if it takes over ``timeout`` s, or
    at once with the explanation if the run diverges first."""

    def reached() -> bool:
        snapshot = window.last_snapshot
        if snapshot.diverged and snapshot.step < step:
            raise AssertionError(
                f"training diverged at step {snapshot.step}, before step {step}: "
                f"{snapshot.diverged}"
            )
        return snapshot.step >= step

    def late() -> str:
        snapshot = window.last_snapshot
        status = window.findChild(_qt().QLabel, "statusMessage")
        said = (
            f"; the window says {status.text()!r}" if status is not None and status.text() else ""
        )
        return (
            f"training did not reach step {step} within {timeout:g} s: it is at step "
            f"{snapshot.step} (playing: {window.is_playing}){said}"
        )

    window.play()
    wait_for(reached, timeout, late)
    window.pause()
    wait_for(
        lambda: not window.last_snapshot.running,
        timeout,
        lambda: f"training did not stop within {timeout:g} s of pause()",
    )
    return window.last_snapshot


def choose(combo: QComboBox, value: Any) -> int:
    """Pick the entry of ``combo`` whose text or data is ``value``, as a user picks it from the
    list: the index changes and ``activated`` / ``textActivated`` are emitted (also when it was
    already current). Text matches exactly, then ignoring case, then as the one entry that
    contains it. Fails if the combo is hidden or disabled, or has no such (enabled) entry."""
    _check_usable(combo, "pick from")
    texts = [combo.itemText(i) for i in range(combo.count())]
    datas = [combo.itemData(i) for i in range(combo.count())]
    folded = str(value).casefold()
    candidates = (
        [i for i, t in enumerate(texts) if t == value],
        [i for i, d in enumerate(datas) if d is not None and _same(d, value)],
        [i for i, t in enumerate(texts) if t.casefold() == folded],
        [i for i, t in enumerate(texts) if folded in t.casefold()],
    )
    index = next((found[0] for found in candidates if len(found) == 1), None)
    if index is None:
        index = next((found[0] for found in candidates[:3] if found), None)
    if index is None:
        raise AssertionError(
            f"{_name(combo)} has no single entry {value!r}; it offers {texts} (data {datas})"
        )
    model = combo.model()
    flags = model.flags(model.index(index, combo.modelColumn()))
    if not flags & _qt().Qt.ItemFlag.ItemIsEnabled:
        raise AssertionError(f"{_name(combo)}: entry {texts[index]!r} is disabled")
    combo.setCurrentIndex(index)
    combo.activated.emit(index)
    combo.textActivated.emit(texts[index])
    return index


def type_into(field: QWidget, text: str) -> None:
    """Replace the text of a line edit or spin box by typing ``text``, then press Enter
    (which sends ``editingFinished``), as a user does. Fails if the field is hidden or
    disabled."""
    qt = _qt()
    from PySide6.QtTest import QTest

    if not isinstance(field, qt.QLineEdit | qt.QAbstractSpinBox):
        raise TypeError(f"type_into needs a QLineEdit or a spin box, not {type(field).__name__}")
    _check_usable(field, "type into")
    field.setFocus(qt.Qt.FocusReason.OtherFocusReason)
    field.selectAll()
    QTest.keyClick(field, qt.Qt.Key.Key_Backspace)
    if text:
        QTest.keyClicks(field, text)
    QTest.keyClick(field, qt.Qt.Key.Key_Return)


def _same(a: Any, b: Any) -> bool:
    try:
        return bool(a == b)
    except (TypeError, ValueError):
        return False


def _name(widget: QWidget) -> str:
    return f"{type(widget).__name__} {widget.objectName()!r}"


def _check_usable(widget: QWidget, verb: str) -> None:
    if not widget.isVisible():
        raise AssertionError(f"{_name(widget)} is not shown: a user cannot {verb} it")
    if not widget.isEnabled():
        raise AssertionError(f"{_name(widget)} is disabled: a user cannot {verb} it")


def _qt():
    """The Qt names the helpers use, imported on first use (not when pytest loads us)."""
    from PySide6 import QtCore, QtWidgets

    class Names:
        Qt = QtCore.Qt
        QLabel = QtWidgets.QLabel
        QLineEdit = QtWidgets.QLineEdit
        QAbstractSpinBox = QtWidgets.QAbstractSpinBox

    return Names


# -- modal dialogs -----------------------------------------------------------------------------
@dataclass(frozen=True)
class DialogSeen:
    """A modal dialog shown during a test: its title, its text, and whether it was answered."""

    title: str
    text: str
    answered: bool


Reply = Any  # a StandardButton, a DialogCode, a file name / number / text, None, or a callable


class ModalDialogs:
    """Answers the modal dialogs shown during a test (the ``nnsim_dialogs`` fixture).

    Each dialog is matched, when it is shown, against the answers given with :meth:`answer`
    (the latest first) by a piece of its title or text. An unmatched dialog is closed at
    once (rejected), recorded in :attr:`unexpected`, and fails the test.
    """

    def __init__(self) -> None:
        self._answers: list[tuple[str, Reply]] = []
        self._defaults: list[tuple[str, Reply]] = []
        self.seen: list[DialogSeen] = []
        self.reported = 0
        self._timer = None
        self._app = None

    def answer(self, match: str, reply: Reply) -> None:
        """Answer every later dialog whose title or text contains ``match`` with ``reply``:

        - a ``QMessageBox.StandardButton``: that button is clicked;
        - a ``QDialog.DialogCode``: the dialog is accepted or rejected;
        - for a ``QFileDialog``, a path: it is chosen (as if typed, then *Open* / *Save*);
        - for a ``QInputDialog``, a number or text: it is entered, then *OK*;
        - ``None``: the dialog is cancelled;
        - a callable: called with the dialog, which it must close.
        """
        self._answers.insert(0, (match, reply))

    def default(self, match: str, reply: Reply) -> None:
        """Like :meth:`answer`, but any answer the test gives takes precedence."""
        self._defaults.insert(0, (match, reply))

    @property
    def unexpected(self) -> list[DialogSeen]:
        return [seen for seen in self.seen if not seen.answered]

    def describe_unexpected(self) -> str:
        return "\n".join(
            f"a modal dialog nobody answered appeared (answer it with "
            f"nnsim_dialogs.answer(...)): {seen.title!r}: {seen.text}"
            for seen in self.unexpected
        )

    # -- watching --
    def install(self, app) -> None:
        """Watch ``app`` for modal dialogs (and make every dialog a Qt one, never native)."""
        from PySide6.QtCore import Qt, QTimer

        app.setAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs, True)
        self._app = app
        # A dialog's exec() runs its own event loop, in which this timer keeps firing; a
        # look every few milliseconds costs nothing, unlike filtering every event in Python.
        self._timer = QTimer()
        self._timer.setInterval(WATCH_MS)
        self._timer.timeout.connect(self._look)
        self._timer.start()

    def uninstall(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None

    def _look(self) -> None:
        from PySide6.QtWidgets import QDialog

        dialog = self._app.activeModalWidget()
        if isinstance(dialog, QDialog) and dialog.isVisible():
            self._handle(dialog)

    def _handle(self, dialog: QDialog) -> None:
        title, text = dialog.windowTitle(), _dialog_text(dialog)
        reply = self._reply_for(title, text)
        self.seen.append(DialogSeen(title, text, reply is not _NO_ANSWER))
        if reply is _NO_ANSWER:
            dialog.reject()
            return
        _apply(dialog, reply)
        if dialog.isVisible():  # an answer that left it open would block the test
            left_open = f"{text} (the answer {reply!r} left it open)"
            self.seen.append(DialogSeen(title, left_open, False))
            dialog.reject()

    def ask(self, title: str, text: str, cancel: Any) -> Any:
        """Answer a prompt a window asks through a hook instead of a dialog (the window's
        ``ask_unsaved_changes``) as if the dialog ``title`` / ``text`` had been shown;
        unanswered, it is recorded as unexpected and ``cancel`` is returned."""
        reply = self._reply_for(title, text)
        self.seen.append(DialogSeen(title, text, reply is not _NO_ANSWER))
        if reply is _NO_ANSWER or reply is None:
            return cancel
        return reply

    def _reply_for(self, title: str, text: str) -> Reply:
        for match, reply in (*self._answers, *self._defaults):
            if match in title or match in text:
                return reply
        return _NO_ANSWER


_NO_ANSWER = object()


def _dialog_text(dialog: QDialog) -> str:
    from PySide6.QtWidgets import QFileDialog, QInputDialog, QLabel, QMessageBox

    if isinstance(dialog, QMessageBox):
        parts = [dialog.text(), dialog.informativeText()]
    elif isinstance(dialog, QInputDialog):
        parts = [dialog.labelText()]
    elif isinstance(dialog, QFileDialog):
        parts = [f"in {dialog.directory().path()}", ", ".join(dialog.nameFilters())]
    else:
        parts = [label.text() for label in dialog.findChildren(QLabel)]
    plain = html.unescape(re.sub(r"<[^>]+>", " ", " ".join(p for p in parts if p)))
    return " ".join(plain.split())


def _apply(dialog: QDialog, reply: Reply) -> None:
    from PySide6.QtWidgets import QDialog, QFileDialog, QInputDialog, QLineEdit, QMessageBox

    if reply is None:
        dialog.reject()
    elif callable(reply) and not isinstance(reply, QMessageBox.StandardButton | QDialog.DialogCode):
        reply(dialog)
    elif isinstance(reply, QMessageBox.StandardButton):
        button = dialog.button(reply) if isinstance(dialog, QMessageBox) else None
        if button is None:
            raise AssertionError(f"dialog {dialog.windowTitle()!r} has no {reply.name} button")
        button.click()
    elif isinstance(reply, QDialog.DialogCode):
        dialog.done(reply.value)
    elif isinstance(dialog, QFileDialog):
        dialog.setOption(QFileDialog.Option.DontConfirmOverwrite, True)
        typed = dialog.findChild(QLineEdit, "fileNameEdit")  # selectFile() is asynchronous
        if typed is not None:
            typed.setText(os.path.abspath(os.fspath(reply)))
        else:
            dialog.selectFile(os.fspath(reply))
        dialog.accept()
    elif isinstance(dialog, QInputDialog):
        mode = dialog.inputMode()
        if mode == QInputDialog.InputMode.DoubleInput:
            dialog.setDoubleValue(float(reply))
        elif mode == QInputDialog.InputMode.IntInput:
            dialog.setIntValue(int(reply))
        else:
            dialog.setTextValue(str(reply))
        dialog.accept()
    else:
        raise AssertionError(f"cannot answer dialog {dialog.windowTitle()!r} with {reply!r}")


# -- fixtures ----------------------------------------------------------------------------------
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
def nnsim_dialogs(qapp):
    """The :class:`ModalDialogs` of this test: answer the dialogs you expect; any other fails."""
    dialogs = ModalDialogs()
    dialogs.install(qapp)
    yield dialogs
    dialogs.uninstall()
    late = dialogs.unexpected[dialogs.reported :]
    if late:
        pytest.fail(dialogs.describe_unexpected(), pytrace=False)


@pytest.fixture
def nnsim_make_window(qtbot, nnsim_settings, nnsim_dialogs):
    """``make(experiment=None, path=None)``: a shown MainWindow that has drawn its first
    snapshot. After the test each is closed (unsaved changes discarded) and its training
    process must have exited."""
    from PySide6.QtWidgets import QMessageBox

    from nnsim.ui import MainWindow

    discard, cancel = QMessageBox.StandardButton.Discard, QMessageBox.StandardButton.Cancel
    nnsim_dialogs.default(UNSAVED_CHANGES, discard)
    made: list[tuple[MainWindow, list[multiprocessing.Process]]] = []

    def make(experiment=None, path: str | None = None) -> MainWindow:
        before = set(training_processes())
        window = MainWindow(experiment, path)
        # The save / discard / cancel prompt goes through the window's hook (no QMessageBox
        # and its nested event loop at every close); nnsim_dialogs answers it as the dialog.
        window.ask_unsaved_changes = lambda: nnsim_dialogs.ask(
            UNSAVED_CHANGES, "This experiment has unsaved changes.", cancel
        )
        qtbot.addWidget(window)
        window.show()
        made.append((window, [p for p in training_processes() if p not in before]))
        wait_for(
            lambda: window.last_snapshot is not None,
            STARTUP_SECONDS,
            lambda: f"the new window drew no snapshot within {STARTUP_SECONDS:g} s",
        )
        return window

    yield make
    nnsim_dialogs.answer(UNSAVED_CHANGES, discard)  # the test may have said Cancel
    for window, processes in made:
        if window.isVisible():
            window.close()
        assert not window.isVisible(), "the window refused to close"
        assert not window.worker.is_running(), "the window's snapshot thread is still running"
        alive = [p.pid for p in processes if p.is_alive()]
        assert not alive, f"training process {alive} still alive after the window closed"


@pytest.fixture
def nnsim_window(nnsim_make_window) -> MainWindow:
    """A shown MainWindow on the default experiment (see ``nnsim_make_window``)."""
    return nnsim_make_window()
