"""Helpers for driving nnsim's window in a test: waiting, training, picking and typing."""

from __future__ import annotations

import multiprocessing
import time
from collections.abc import Callable
from multiprocessing.process import BaseProcess
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from PySide6.QtWidgets import QComboBox, QWidget

    from nnsim.training.snapshot import Snapshot
    from nnsim.ui import MainWindow

TRAINING_PROCESS_NAME = "nnsim-training"  # the name TrainingWorker gives its child process


def wait_for(condition: Callable[[], bool], timeout: float, explain: Callable[[], str]) -> None:
    """Process Qt events until ``condition()`` holds; after ``timeout`` seconds fail with
    ``explain()`` (what ``qtbot.waitUntil`` does, with a message that says what went wrong)."""
    from PySide6.QtTest import QTest

    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(explain())
        QTest.qWait(5)


def training_processes() -> list[BaseProcess]:
    """The training processes of this test process that are still alive."""
    return [p for p in multiprocessing.active_children() if p.name == TRAINING_PROCESS_NAME]


# -- helpers -----------------------------------------------------------------------------------
def train_until(window: MainWindow, step: int, timeout: float = 10.0) -> Snapshot:
    """Play until ``window.last_snapshot.step >= step``, then pause; returns the snapshot that
    says training has stopped. Fails with the step reached if it takes over ``timeout`` s, or
    at once with the explanation if the run diverges first."""

    def reached() -> bool:
        snapshot = window.last_snapshot
        if snapshot is None:
            return False
        if snapshot.diverged and snapshot.step < step:
            raise AssertionError(
                f"training diverged at step {snapshot.step}, before step {step}: "
                f"{snapshot.diverged}"
            )
        return snapshot.step >= step

    def late() -> str:
        snapshot = window.last_snapshot
        at = "no snapshot yet" if snapshot is None else f"it is at step {snapshot.step}"
        status = window.findChild(_qt().QLabel, "statusMessage")
        said = (
            f"; the window says {status.text()!r}" if status is not None and status.text() else ""
        )
        return (
            f"training did not reach step {step} within {timeout:g} s: {at} "
            f"(playing: {window.is_playing}){said}"
        )

    window.play()
    wait_for(reached, timeout, late)
    window.pause()
    wait_for(
        lambda: window.last_snapshot is not None and not window.last_snapshot.running,
        timeout,
        lambda: f"training did not stop within {timeout:g} s of pause()",
    )
    snapshot = window.last_snapshot
    assert snapshot is not None  # wait_for(reached) saw one
    return snapshot


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
