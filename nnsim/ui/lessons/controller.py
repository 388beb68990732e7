"""Guided lessons in the main window (File ▸ Lessons, ``nnsim --lesson NAME``).

:class:`LessonController` opens a lesson: the lesson's experiment becomes the window's, the
window it uses is opened and set up — the main window, View ▸ Compare with the lesson's
runs, View ▸ Surfaces on its preset, or the lecture mode — and the :class:`LessonDock`
shows the text and the question. "Check my answer" compares the learner's choice with
the answer the run on screen gives (:func:`nnsim.training.lessons.observe`), never with
an answer key: if the run has not gone far enough, or is no longer the lesson's, it says so.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QWidget

from nnsim.training.experiment import Experiment
from nnsim.training.lessons import (
    NONE,
    LessonError,
    LessonPlan,
    LessonRun,
    LessonSetup,
    LessonText,
    lesson_plan,
    load_lesson,
    observe,
)
from nnsim.training.surface_race import preset
from nnsim.training.text import QT_TR_NOOP
from nnsim.ui.compare.runs import CompareRun, own_setting
from nnsim.ui.i18n import tr
from nnsim.ui.lessons.dock import DOCK_WIDTH, LessonDock
from nnsim.ui.lessons.highlight import flash

if TYPE_CHECKING:
    from nnsim.ui.main_window import MainWindow

LESSON_RUNS = own_setting(QT_TR_NOOP("The lesson's change"))
"""The setting a lesson's compare runs differ in: each run is its own set of settings (its
title marked for translation: the Compare window shows setting titles with ``tr``)."""

# The feedback is in the lesson's language (the dock's toggle), as the run's evidence is.
FEEDBACK = {
    "pick": ("Pick an answer first.", "请先选择一个答案。"),
    "not_far": (
        "Not yet: the observation needs {need} steps and the run is at step {at}. Press Play.",
        "还不行：需要训练 {need} 步，当前在第 {at} 步。请按“播放”。",
    ),
    "not_lesson": (
        "The {where} no longer shows the lesson's run: press Set up to start it again.",
        "{where}显示的已不是本课的运行：请按“设置实验”重新开始。",
    ),
    "right": ("Right. The run: {evidence}.", "正确。运行结果：{evidence}。"),
    "wrong": (
        "Not quite: look again. The run: {evidence}.",
        "不对，请再看看。运行结果：{evidence}。",
    ),
}
WHERE = {
    "main": ("main window", "主窗口"),
    "compare": ("Compare window", "对比窗口"),
    "surfaces": ("Surfaces window", "曲面窗口"),
    "lecture": ("lecture", "讲课模式"),
}


@dataclass(frozen=True)
class OpenLesson:
    """The lesson on screen: its name, experiment, text, lecture set-up and plan."""

    name: str
    experiment: Experiment
    text: LessonText
    setup: LessonSetup
    plan: LessonPlan


class LessonController(QObject):
    """The lessons of ``window`` (see the module docstring).

    Signals
    -------
    checked(right)
        An answer was checked against a run that had gone far enough.
    """

    checked = Signal(bool)

    def __init__(self, window: MainWindow, confirm_discard: Callable[[], bool]) -> None:
        super().__init__(window)
        self.window = window
        self._confirm_discard = confirm_discard  # the window's unsaved-changes question
        self.lesson: OpenLesson | None = None
        self.dock = LessonDock(window)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        self.dock.hide()
        self.dock.question.setUpRequested.connect(self.set_up)
        self.dock.question.showRequested.connect(self.show_where)
        self.dock.question.checkRequested.connect(self.check)

    def open(self, name: str) -> bool:
        """Open lesson ``name`` and set it up; False (said in the status bar) if it is
        unknown or unreadable, or the user keeps unsaved changes."""
        try:
            experiment, text, setup = load_lesson(name)
            plan = lesson_plan(name)
        except LessonError as err:
            self.window.show_message(str(err), error=True)
            return False
        if not self._confirm_discard():
            return False
        self.lesson = OpenLesson(name, experiment, text, setup, plan)
        if self.dock.isHidden():
            self._make_room()
        self.dock.show_lesson(text, plan.question, text_shown=plan.window != "lecture")
        self._set_up()
        return True

    def set_up(self) -> bool:
        """ "Set up": the lesson's experiment again, from step 0, in the window the lesson
        uses (after asking about unsaved changes); False if there is no lesson or the user
        keeps the changes."""
        if self.lesson is None or not self._confirm_discard():
            return False
        self._set_up()
        return True

    def _set_up(self) -> None:
        lesson = self.lesson
        assert lesson is not None, "set up only with a lesson open"
        window, plan = self.window, lesson.plan
        if plan.window != "lecture" and window.lecture_mode.active:
            window.lecture_mode.set_active(False)
        window.start_untitled(lesson.experiment)
        if plan.window == "lecture":
            window.lecture_mode.start_lesson(lesson.experiment, lesson.text, lesson.setup)
        elif plan.window == "compare":
            compare = window.open_compare()
            runs = [
                CompareRun((label,), label, experiment)
                for label, experiment in plan.compare_experiments(lesson.experiment)
            ]
            compare.show_runs(runs, [LESSON_RUNS], lesson.experiment)
        elif plan.window == "surfaces":
            assert plan.surface_preset is not None, "a surfaces plan names its preset"
            window.open_surfaces().apply_preset(preset(plan.surface_preset))
        self.dock.question.say("")
        self.show_where()
        title = lesson.text.title(self.dock.language())
        if plan.window == "lecture":
            message = tr(
                "Lesson: {title}. The question is in the Lesson panel. → / Space / PageDown "
                "walk the phases."
            )
        else:
            message = tr("Lesson: {title}. The question is in the Lesson panel.")
        window.show_message(message.format(title=title))

    def _make_room(self) -> None:
        """Widen the window by the dock (within the screen), so that its panels keep theirs."""
        window = self.window
        if window.isMaximized() or window.isFullScreen():
            return
        screen = window.screen()
        width = window.width() + DOCK_WIDTH
        if screen is not None:
            width = min(width, screen.availableGeometry().width())
        window.resize(max(width, window.width()), window.height())

    def where(self) -> QWidget | None:
        """The panel the lesson says to watch (its plan's ``look_at``), if it is there."""
        lesson = self.lesson
        if lesson is None:
            return None
        host = {"compare": self.window.compare_window, "surfaces": self.window.surfaces_window}
        parent = host.get(lesson.plan.window, self.window)
        return None if parent is None else parent.findChild(QWidget, lesson.plan.look_at)

    def show_where(self) -> None:
        """ "Show me": frame the panel to watch for a moment (its window raised)."""
        widget = self.where()
        if widget is not None and widget.isVisible():
            widget.window().raise_()
            flash(widget)

    # -- checking ----------------------------------------------------------------------------
    def current_run(self) -> LessonRun | None:
        """What the lesson's window shows now, or None if it is not the lesson's run."""
        lesson = self.lesson
        if lesson is None:
            return None
        plan, window = lesson.plan, self.window
        if plan.window == "lecture":
            return LessonRun(0, session=lesson.setup.session(lesson.experiment))
        if plan.window == "compare":
            compare = window.compare_window
            labels = [run.label for run in plan.compare]
            if compare is None or compare.group is None:
                return None
            if [r.label for r in compare.runs] != labels:
                return None
            pairs = list(zip(labels, compare.group.results, strict=True))
            return LessonRun(compare.steps_done, not compare.group.any_alive, runs=pairs)
        if plan.window == "surfaces":
            surfaces = window.surfaces_window
            if surfaces is None or surfaces.preset_combo.currentData() != plan.surface_preset:
                return None
            race = surfaces.race
            return LessonRun(race.steps_done, race.finished, race=race)
        if window.experiment() != lesson.experiment:
            return None  # edited since: another run
        snapshot = window.last_snapshot
        if snapshot is None or snapshot.experiment != lesson.experiment:
            return LessonRun(0)  # set up: the new run's first snapshot is on its way
        return LessonRun(snapshot.step, snapshot.diverged is not None, snapshot=snapshot)

    def check(self, key: str) -> bool | None:
        """Check the answer ``key`` against the run: True right, False wrong, None when it
        cannot be said yet (no answer, not far enough, not the lesson's run). The feedback
        line says which, with the run's numbers."""
        lesson = self.lesson
        if lesson is None:
            return None
        language = self.dock.language()
        zh = language == "zh"
        box = self.dock.question
        if not key:
            box.say(FEEDBACK["pick"][zh])
            return None
        run = self.current_run()
        if run is None:
            box.say(FEEDBACK["not_lesson"][zh].format(where=WHERE[lesson.plan.window][zh]))
            return None
        if not run.far_enough(lesson.plan):
            box.say(FEEDBACK["not_far"][zh].format(need=lesson.plan.steps, at=run.steps))
            return None
        observation = observe(lesson.plan, run)
        right = observation.answer != NONE and key == observation.answer
        evidence = observation.text(language)
        box.say(FEEDBACK["right" if right else "wrong"][zh].format(evidence=evidence), right)
        self.checked.emit(right)
        return right
