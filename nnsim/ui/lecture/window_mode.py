"""The lecture mode and the presentation view inside the main window.

:class:`LectureMode` adds to a :class:`~nnsim.ui.main_window.MainWindow`:

- View ▸ Lecture mode (F5, objectName ``lectureModeAction``): the central area switches
  between the normal layout and a :class:`LectureView`. Entering pauses training, asks the
  training process for its trainer's whole state (``window.worker.request_state``; the
  status line says so meanwhile) and, when it comes (``stateReady``), starts the lecture
  from it (:func:`lecture_session`): the same weights, optimizer moments, schedule, data
  order and step count, so a lecture step is the step the window would have trained. F5
  again while waiting cancels; no answer within :data:`STATE_WAIT_MS` is said, and nothing
  changes.
- View ▸ Presentation: Zoom in (Ctrl+=), Zoom out (Ctrl+−), Reset zoom (Ctrl+0), High
  contrast, Hide controls… (the choice is written to the experiment's
  ``view.hidden_controls`` through ``window.set_hidden_controls``).
- File ▸ Lessons: one entry per built-in lesson (``window.open_lesson(name)``).
- Leaving a lecture that walked training steps: the window goes on from the lecture's trainer
  (weights, optimizer state, data order: ``window.worker.load_state``) or the lecture's steps
  are discarded. :meth:`LectureMode.ask_on_leave` asks once (tests replace it) and the choice
  is kept in QSettings (``lecture/onLeave``); View ▸ When leaving the lecture changes it.
  Closing the window in lecture mode does the same first (an event filter on the window
  sees the close before ``MainWindow.closeEvent`` asks about unsaved changes), so a close
  that is then cancelled goes on from the lecture's steps too.

While the lecture is shown, the window's training keys (Space, →, S, R) and its Play, Step
and Reset buttons are off: →, Space and PageDown walk the phases instead.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSettings, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QDialog,
    QMessageBox,
    QScrollArea,
    QStackedWidget,
    QWidget,
)

from nnsim.training.lecture import LectureSession, TrainerCheckpoint, checkpoint, checkpoints_equal
from nnsim.training.lecture.start import lecture_session
from nnsim.training.text import QT_TR_NOOP
from nnsim.ui.i18n import tr
from nnsim.ui.lecture.hide_controls import HideControlsDialog
from nnsim.ui.lecture.leave_prompt import leave_prompt
from nnsim.ui.lecture.lecture_view import LectureView
from nnsim.ui.lecture.lessons import LESSONS, LessonSetup, LessonText
from nnsim.ui.lecture.presentation import (
    apply_high_contrast,
    effective_font_scale,
    is_high_contrast,
    reset_zoom,
    zoom_in,
    zoom_out,
)

if TYPE_CHECKING:  # types only (main_window imports this module: a cycle at run time)
    from nnsim.training.experiment import Experiment
    from nnsim.ui.main_window import MainWindow
    from nnsim.ui.worker import TrainingWorker

TRAINING_BUTTONS = ("playButton", "stepButton", "resetButton")
LEAVE_SETTING = "lecture/onLeave"  # "continue" or "discard"; absent: ask
LEAVE_CHOICES = (
    ("ask", QT_TR_NOOP("&Ask"), "leaveAskAction"),
    ("continue", QT_TR_NOOP("&Continue from the lecture's steps"), "leaveContinueAction"),
    ("discard", QT_TR_NOOP("&Discard the lecture's steps"), "leaveDiscardAction"),
)
STATE_WAIT_MS = 10_000  # for the training process's state (a slice or a step, then it answers)
WAITING_TEXT = QT_TR_NOOP("Lecture mode: fetching the trainer's state from the training process…")
LATE_TEXT = QT_TR_NOOP("The training process did not send its state in time: press F5 again.")
CONTROLS_WIDTH = 300  # the controls' column at normal size (the window's minimum)
SHORTCUTS = [
    ("F5", QT_TR_NOOP("Lecture mode: walk one training step phase by phase")),
    ("→, Space, PageDown / ←, PageUp", QT_TR_NOOP("Lecture mode: next / previous phase")),
    ("End", QT_TR_NOOP("Lecture mode: run to the end of the step")),
    ("Ctrl+= / Ctrl+− / Ctrl+0", QT_TR_NOOP("Larger / smaller / normal text")),
]
"""Keys to add to the window's Help ▸ Keyboard shortcuts (each shown with ``tr``)."""


class LectureMode(QObject):
    """The lecture mode of ``window`` (see the module docstring).

    Signals
    -------
    toggled(on)
        The window entered (True) or left (False) the lecture mode.
    """

    toggled = Signal(bool)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.view: LectureView | None = None  # made on first use
        self._entry: TrainerCheckpoint | None = None  # the lecture's trainer as it began
        self._state_source: TrainingWorker | None = None  # whose stateReady is connected
        self._state_wait = QTimer(self)  # running while a state is asked for
        self._state_wait.setSingleShot(True)
        self._state_wait.setInterval(STATE_WAIT_MS)
        self._state_wait.timeout.connect(lambda: self._stop_waiting(tr(LATE_TEXT)))
        window.installEventFilter(self)  # the close, before the window's own closeEvent
        self.stack = QStackedWidget(window)
        self.stack.setObjectName("centralStack")
        normal = window.takeCentralWidget()
        assert normal is not None, "the window lays itself out before making its lecture mode"
        self.stack.addWidget(normal)
        window.setCentralWidget(self.stack)
        self._build_actions()

    # -- menus ---------------------------------------------------------------------------------
    def _action(self, text: str, slot, shortcut=None, name: str = "", checkable=False) -> QAction:
        action = QAction(text, self.window)
        if shortcut is not None:
            keys = shortcut if isinstance(shortcut, list) else [shortcut]
            action.setShortcuts([QKeySequence(k) for k in keys])
        action.setObjectName(name)
        action.setCheckable(checkable)
        (action.toggled if checkable else action.triggered).connect(slot)
        return action

    def _build_actions(self) -> None:
        window = self.window
        view_menu = window.view_menu
        view_menu.addSeparator()
        self.lecture_action = self._action(
            tr("&Lecture mode"), self.set_active, "F5", "lectureModeAction", checkable=True
        )
        self.lecture_action.setToolTip(
            tr("Walk one training step phase by phase, with its numbers")
        )
        view_menu.addAction(self.lecture_action)
        leaving = view_menu.addMenu(tr("When &leaving the lecture"))
        leaving.setObjectName("leaveLectureMenu")
        group = QActionGroup(self)
        self.leave_actions: dict[str, QAction] = {}
        for choice, text, name in LEAVE_CHOICES:
            item = self._action(tr(text), lambda _=False, c=choice: self.set_leave_choice(c))
            item.setObjectName(name)
            item.setCheckable(True)
            group.addAction(item)
            leaving.addAction(item)
            self.leave_actions[choice] = item
        self._sync_leave_actions()
        presentation = view_menu.addMenu(tr("&Presentation"))
        presentation.setObjectName("presentationMenu")
        self.zoom_in_action = self._action(
            tr("Zoom &in"), lambda: self.zoom(zoom_in), ["Ctrl+=", "Ctrl++"], "zoomInAction"
        )
        self.zoom_out_action = self._action(
            tr("Zoom &out"), lambda: self.zoom(zoom_out), "Ctrl+-", "zoomOutAction"
        )
        self.reset_zoom_action = self._action(
            tr("&Reset zoom"), lambda: self.zoom(reset_zoom), "Ctrl+0", "resetZoomAction"
        )
        self.high_contrast_action = self._action(
            tr("&High contrast"), self.set_high_contrast, None, "highContrastAction",
            checkable=True,
        )  # fmt: skip
        self.hide_controls_action = self._action(
            tr("Hide &controls…"), self.choose_hidden_controls, None, "hideControlsAction"
        )
        for action in (self.zoom_in_action, self.zoom_out_action, self.reset_zoom_action):
            presentation.addAction(action)
        presentation.addSeparator()
        presentation.addAction(self.high_contrast_action)
        presentation.addAction(self.hide_controls_action)

        file_menu = window.file_menu
        lessons = file_menu.addMenu(tr("&Lessons"))
        lessons.setObjectName("lessonsMenu")
        quit_action = window.findChild(QAction, "quitAction")
        if quit_action is not None:  # above Quit, not below it
            file_menu.removeAction(lessons.menuAction())
            file_menu.insertMenu(quit_action, lessons)
            file_menu.insertSeparator(quit_action)
        for name, lesson in LESSONS.items():
            action = self._action(tr(lesson.title), lambda _=False, n=name: window.open_lesson(n))
            action.setObjectName(f"lessonAction_{name.replace('-', '_')}")
            lessons.addAction(action)

    # -- switching -----------------------------------------------------------------------------
    @property
    def active(self) -> bool:
        return self.view is not None and self.stack.currentWidget() is self.view

    @property
    def waiting(self) -> bool:
        """Is the lecture mode waiting for the training process's state, to enter?"""
        return self._state_wait.isActive()

    def set_active(self, on: bool) -> None:
        """Enter (when the training process has sent its state) or leave the lecture mode."""
        if not on and self.waiting:
            return self._stop_waiting("")
        if on == self.active or (on and self.waiting):
            self._sync_action()
            return
        if on:
            self._ask_for_state()
        else:
            self._hand_back()
            self.stack.setCurrentIndex(0)
            self._set_training_keys(True)
            self._sync_action()
            self.toggled.emit(False)

    def start_lesson(self, experiment: Experiment, text: LessonText, setup: LessonSetup) -> None:
        """Show a lesson in the lecture mode: a fresh session on ``experiment``, its text."""
        self._show(setup.session(experiment), text)

    def on_experiment_replaced(self, experiment: Experiment) -> None:
        """The window's experiment was replaced (opened, new): lecture on it from the start."""
        if self.view is not None and self.active:  # active: the view is there, and shown
            session = lecture_session(experiment)
            self.view.set_session(session, None)
            self._entry = checkpoint(session.trainer)

    # -- entering: the training process's state -----------------------------------------------
    def _ask_for_state(self) -> None:
        window = self.window
        window.pause()
        worker = window.worker
        if self._state_source is not worker:
            worker.stateReady.connect(self._on_state_ready)
            worker.died.connect(lambda _reason: self._stop_waiting(None))  # the window says
            self._state_source = worker
        self._set_training_keys(False)  # the state asked for stays the process's meanwhile
        self._state_wait.start()
        self._sync_action()
        window.show_message(tr(WAITING_TEXT))
        worker.request_state()

    def _stop_waiting(self, text: str | None) -> None:
        """No longer wait for a state; say ``text`` in the status line (None: leave it)."""
        if not self.waiting:
            return
        self._state_wait.stop()
        if not self.active:
            self._set_training_keys(True)
        self._sync_action()
        if text is not None:
            self.window.show_message(text, error=bool(text))

    @Slot(object)
    def _on_state_ready(self, state: dict) -> None:
        if not self.waiting:
            return  # cancelled, or asked for by someone else
        try:
            session = lecture_session(self.window.experiment(), state)
        except ValueError as err:  # not from the process's own state; said if it were
            self._stop_waiting(
                tr("The lecture could not start from the training state: {error}").format(error=err)
            )
            return
        self.window.show_message("")
        self._show(session, None)

    def _show(self, session: LectureSession, text: LessonText | None) -> None:
        self._state_wait.stop()  # a lesson, or the state: nothing else to wait for
        self.window.pause()
        if self.view is None:
            self.view = LectureView(parent=self.stack)
            self.view.set_font_scale(effective_font_scale(self.window))
            self.stack.addWidget(self.view)
            if is_high_contrast(self.window):  # style the new view's plots too
                apply_high_contrast(self.window, True)
        self.view.set_session(session, text)
        self._entry = checkpoint(session.trainer)
        self.stack.setCurrentWidget(self.view)
        self._set_training_keys(False)
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)
        self._sync_action()
        self.toggled.emit(True)

    # -- leaving: the lecture's steps ------------------------------------------------------------
    def leave_choice(self) -> str | None:
        """What leaving a lecture that walked steps does: "continue", "discard", None: ask."""
        choice = QSettings().value(LEAVE_SETTING)
        return choice if choice in ("continue", "discard") else None

    def set_leave_choice(self, choice: str | None) -> None:
        """Remember ``choice`` ("continue", "discard"; "ask" or None: ask next time)."""
        if choice in ("continue", "discard"):
            QSettings().setValue(LEAVE_SETTING, choice)
        else:
            QSettings().remove(LEAVE_SETTING)
        self._sync_leave_actions()

    def ask_on_leave(self, lecture_steps: int, window_steps: int) -> tuple[str, bool]:
        """Ask whether the window goes on from the lecture's step ``lecture_steps`` or stays
        at its own ``window_steps``: ("continue" or "discard", remember). A test hook."""
        box = self.leave_prompt(lecture_steps, window_steps)
        box.exec()
        clicked = box.clickedButton()
        remember = box.checkBox()
        if clicked is None:  # closed without a choice: keep the lecture's steps, ask again
            return "continue", False
        go_on = clicked is box.defaultButton()
        return ("continue" if go_on else "discard"), remember.isChecked()

    def leave_prompt(self, lecture_steps: int, window_steps: int) -> QMessageBox:
        """The question :meth:`ask_on_leave` asks, not shown yet (:func:`leave_prompt`)."""
        return leave_prompt(self.window, lecture_steps, window_steps)

    def _hand_back(self) -> None:
        """The lecture is left: if it walked steps, the window goes on from them (or not)."""
        session = None if self.view is None else self.view.session
        if session is None or self._entry is None:
            return
        trainer = session.trainer
        if checkpoints_equal(checkpoint(trainer), self._entry):
            return  # nothing walked, or walked back to the start
        choice = self.leave_choice()
        if choice is None:
            choice, remember = self.ask_on_leave(trainer.steps_done, self._entry.steps_done)
            if remember:
                self.set_leave_choice(choice)
        if choice == "continue":
            self.window.worker.load_state(trainer.state_dict())
            self._entry = checkpoint(trainer)  # the window is there now

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Closing the window in lecture mode first hands the lecture's steps back (or not,
        as leaving does); the window's ``closeEvent`` then asks about unsaved changes."""
        if watched is self.window and event.type() == QEvent.Type.Close:
            self._stop_waiting("")
            if self.active:
                self._hand_back()
        return False

    def _sync_leave_actions(self) -> None:
        self.leave_actions[self.leave_choice() or "ask"].setChecked(True)

    def _sync_action(self) -> None:
        blocked = self.lecture_action.blockSignals(True)
        self.lecture_action.setChecked(self.active or self.waiting)
        self.lecture_action.blockSignals(blocked)

    def _set_training_keys(self, enabled: bool) -> None:
        """The window's own Space / → / S / R and its training buttons (they would clash)."""
        for shortcut in self.window.findChildren(QShortcut):
            if shortcut.parent() is self.window:
                shortcut.setEnabled(enabled)
        for name in TRAINING_BUTTONS:
            button = self.window.findChild(QAbstractButton, name)
            if button is not None:
                button.setEnabled(enabled)

    # -- presentation --------------------------------------------------------------------------
    def zoom(self, step: Callable[[QWidget], float]) -> float:
        """Apply ``zoom_in``, ``zoom_out`` or ``reset_zoom`` to the window; returns the scale."""
        scale = step(self.window)
        self._fit_controls()
        return scale

    def _fit_controls(self) -> None:
        """Widen the controls' column so that larger text is not cut off (a third at most)."""
        scroll = self.window.findChild(QScrollArea, "controlsScroll")
        if scroll is None or (inner := scroll.widget()) is None:
            return
        needed = inner.minimumSizeHint().width() + scroll.verticalScrollBar().width()
        scroll.setMinimumWidth(min(max(needed + 4, CONTROLS_WIDTH), self.window.width() // 3))

    def set_high_contrast(self, on: bool) -> None:
        apply_high_contrast(self.window, on)
        self._fit_controls()
        blocked = self.high_contrast_action.blockSignals(True)
        self.high_contrast_action.setChecked(on)
        self.high_contrast_action.blockSignals(blocked)

    def hide_controls_dialog(self) -> HideControlsDialog:
        """The dialog for the window's controls, checked as the experiment hides them."""
        return HideControlsDialog(self.window, self.window.experiment().view.hidden_controls)

    def choose_hidden_controls(self) -> None:
        dialog = self.hide_controls_dialog()
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.window.set_hidden_controls(dialog.hidden_controls())


def run_lesson(name: str, language: str | None = None) -> int:
    """Open the window with lesson ``name`` in lecture mode and run the event loop
    (``nnsim --lesson NAME [--language CODE]``)."""
    from nnsim.ui.app import create_application
    from nnsim.ui.main_window import MainWindow

    app = create_application(language=language)
    window = MainWindow()
    window.show()
    if not window.open_lesson(name):
        window.close()
        return 2
    return app.exec()
