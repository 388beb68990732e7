"""Random action sequences: a hypothesis state machine drives one window as a restless learner
would (play, pause, step, reset, every combo, layers, good and bad learning rates, clicked
points, the lecture mode, bad files, closing mid-training). After every action: no exception
in a slot, no Qt warning, no unanswered dialog, the training process answers, and the
window's experiment is the one being trained. ``tests/benchmarks/bench_random_actions.py``
runs many more sequences of the same machine.
"""

from __future__ import annotations

import dataclasses
import gc
import json
import traceback
from collections.abc import Callable
from pathlib import Path

from hypothesis import HealthCheck, note, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)
from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QComboBox, QLabel, QLineEdit

from nnsim.testing import choose, training_processes, type_into, wait_for

ANSWER_SECONDS = 5.0  # the training process must answer any command within this
# Known bug, reported to the lead (tolerated until its fix is merged, then set to False):
# editing a control while playing can stop the training process (snapshot.running False)
# while the window still says it is playing (is_playing True, the button reads "Pause").
# Reproducer: Space (play), at once choose(initCombo, "zeros"): no snapshot ever comes.
TOLERATE_EDIT_STOPS_TRAINING = False
# CI samples 12 sequences of 20 actions (each action followed by the full invariant, about a
# fifteenth of a second, and a close builds a new window); the breadth is the benchmark's
# 300 sequences (tests/benchmarks/bench_random_actions.py).
SEQUENCES, ACTIONS = 12, 20
CI_SETTINGS = settings(
    max_examples=SEQUENCES,
    stateful_step_count=ACTIONS + 1,  # the first step of each is File ▸ New
    deadline=None,
    derandomize=True,  # the same sequences on every run: CI is reproducible
    database=None,
    suppress_health_check=list(HealthCheck),
)
GOOD_RATES = ["0.1", "0.003", "1", "3e-4", "0.05"]
BAD_RATES = ["abc", "-1", "0", "1e9", "nan", "inf", "", "1e-12"]
BAD_FILES = {
    "not-json.json": "{ this is not json",
    "unknown-dataset.json": '{"data": {"dataset": "nope"}}',
    "wrong-format.json": '{"format": "something.else", "version": 99}',
    "negative-lr.json": '{"training": {"optimizer": {"name": "sgd", "lr": -1}}}',
    "not-an-object.json": "[1, 2, 3]",
}


@dataclasses.dataclass
class Harness:
    """What the machine needs from its runner (pytest here, a plain script in the benchmark).

    ``window`` is the shared window; ``make_window()`` builds a replacement after a close;
    ``problems()`` returns the exceptions in slots, Qt warnings and unanswered dialogs seen
    since it was last called, one sentence each; ``folder`` holds the bad files."""

    window: object
    make_window: Callable[[], object]
    problems: Callable[[], list[str]]
    folder: Path
    sequences: int = 0
    actions: int = 0


def window_actions(harness: Harness) -> type[RuleBasedStateMachine]:
    """The state machine class, bound to ``harness``."""

    class WindowActions(RuleBasedStateMachine):
        def __init__(self) -> None:
            super().__init__()
            self.closed_once = False

        @property
        def window(self):
            return harness.window

        def act(self, text: str) -> None:
            harness.actions += 1
            note(text)

        # -- set-up: every sequence starts from File ▸ New on the shared window --
        @initialize()
        def new_experiment(self) -> None:
            harness.sequences += 1
            gc.collect()  # a safe point: see test_random_action_sequences
            window = self.window
            window.lecture_mode.set_active(False)
            window.pause()
            window.new_experiment()  # unsaved changes: the plugin answers Discard
            wait_for(
                lambda: self.snapshot().step == 0 and not self.snapshot().running,
                ANSWER_SECONDS,
                lambda: f"New did not give a fresh run: {self.snapshot().step=}",
            )
            self.check_problems()

        # -- helpers --
        def snapshot(self):
            return self.window.last_snapshot

        def widget(self, cls, name: str):
            found = self.window.findChild(cls, name)
            assert found is not None, f"no {cls.__name__} named {name!r}"
            return found

        def usable(self, widget) -> bool:
            return widget.isVisible() and widget.isEnabled()

        def in_lecture(self) -> bool:
            return self.window.lecture_mode.active

        def click(self, name: str) -> bool:
            button = self.widget(QAbstractButton, name)
            if not self.usable(button):
                return False
            QTest.mouseClick(button, Qt.MouseButton.LeftButton)
            return True

        def lr(self) -> float:
            return self.window.experiment().training.optimizer.params["lr"]

        # -- training --
        @rule()
        def play_or_pause(self) -> None:
            was_playing = self.window.is_playing
            self.act("click playButton")
            if self.click("playButton"):
                diverged = bool(self.snapshot().diverged)
                assert self.window.is_playing == (not was_playing and not diverged)

        @rule()
        def press_space(self) -> None:
            self.act("key Space")
            QTest.keyClick(self.window, Qt.Key.Key_Space)

        @rule()
        def step(self) -> None:
            self.act("click stepButton")
            before = self.snapshot().step
            if self.click("stepButton"):
                assert not self.window.is_playing
                wait_for(
                    lambda: (
                        self.snapshot().step > before
                        or (self.snapshot().diverged and not self.snapshot().running)
                    ),
                    ANSWER_SECONDS,
                    lambda: f"step did not train a batch: still at step {self.snapshot().step}",
                )

        @rule()
        def reset(self) -> None:
            self.act("click resetButton")
            if self.click("resetButton"):
                assert not self.window.is_playing
                wait_for(  # snapshots sent before the reset may still be on their way
                    lambda: self.snapshot().step == 0 and not self.snapshot().running,
                    ANSWER_SECONDS,
                    lambda: f"reset did not go back to step 0: at {self.snapshot().step}",
                )

        # -- controls --
        @rule(which=st.integers(0, 10**6), item=st.integers(0, 10**6))
        def choose_a_combo_entry(self, which: int, item: int) -> None:
            combos = sorted(
                (c for c in self.window.findChildren(QComboBox) if c.objectName()),
                key=QObject.objectName,
            )
            combos = [c for c in combos if self.usable(c) and c.count()]
            if not combos:
                self.act("choose: no combo shown")
                return
            combo = combos[which % len(combos)]
            model = combo.model()
            enabled = [
                i
                for i in range(combo.count())
                if model.flags(model.index(i, combo.modelColumn())) & Qt.ItemFlag.ItemIsEnabled
            ]
            text = combo.itemText(enabled[item % len(enabled)])
            self.act(f"choose({combo.objectName()}, {text!r})")
            choose(combo, text)

        @rule(add=st.booleans())
        def add_or_remove_a_layer(self, add: bool) -> None:
            name = "addLayerButton" if add else "removeLayerButton"
            self.act(f"click {name}")
            self.click(name)

        @rule(text=st.sampled_from(GOOD_RATES + BAD_RATES))
        def type_a_learning_rate(self, text: str) -> None:
            edit = self.widget(QLineEdit, "learningRateEdit")
            self.act(f"type_into(learningRateEdit, {text!r})")
            if not self.usable(edit):
                return
            before = self.lr()
            type_into(edit, text)
            after = self.lr()
            if text in BAD_RATES:
                assert after == before, f"bad learning rate {text!r} was taken: {after}"
            else:
                assert after in (before, float(text))
            assert float(edit.text()) == after, "the entry does not show the learning rate"

        @rule(
            x1=st.floats(-5.5, 5.5),
            x2=st.floats(-5.5, 5.5),
            how=st.sampled_from(["left", "shift", "right"]),
        )
        def click_a_point(self, x1: float, x2: float, how: str) -> None:
            view = self.window.boundary_view
            self.act(f"{how}-click boundaryView at ({x1:.2f}, {x2:.2f})")
            if not view.isVisible():
                return
            button = Qt.MouseButton.RightButton if how == "right" else Qt.MouseButton.LeftButton
            modifier = (
                Qt.KeyboardModifier.ShiftModifier
                if how == "shift"
                else Qt.KeyboardModifier.NoModifier
            )
            QTest.mouseClick(view.plot.viewport(), button, modifier, view.data_to_widget(x1, x2))

        # -- lecture mode --
        @rule()
        def toggle_lecture_mode(self) -> None:
            action = self.window.findChild(QAction, "lectureModeAction")
            self.act("trigger lectureModeAction (F5)")
            was = self.in_lecture()
            action.trigger()  # entering waits for the training process's state
            wait_for(lambda: self.in_lecture() != was, ANSWER_SECONDS, lambda: "F5 did nothing")
            assert not self.window.is_playing or not self.in_lecture()

        @rule(key=st.sampled_from(["Right", "Left", "PageDown", "PageUp", "Space", "End"]))
        def walk_the_lecture(self, key: str) -> None:
            self.act(f"key {key} (lecture)")
            if not self.in_lecture():
                return
            QTest.keyClick(self.window, getattr(Qt.Key, f"Key_{key}"))
            assert not self.window.is_playing

        # -- files --
        @rule(name=st.sampled_from([*BAD_FILES, "missing.json", "a-folder"]))
        def open_a_bad_file(self, name: str) -> None:
            self.act(f"open_file({name})")
            path = harness.folder / name
            if name in BAD_FILES:
                path.write_text(BAD_FILES[name], encoding="utf-8")
            elif name == "a-folder":
                path.mkdir(exist_ok=True)
            before = self.window.experiment()
            assert not self.window.open_file(str(path))
            assert self.window.experiment() == before
            assert str(path) in self.window.status_text()  # the file is named, as an error
            assert "b00020" in self.widget(QLabel, "statusMessage").styleSheet()

        # -- closing --
        @precondition(lambda self: not self.closed_once)
        @rule()
        def close_mid_training(self) -> None:
            self.act("close the window while it trains")
            self.closed_once = True
            window = self.window
            window.lecture_mode.set_active(False)
            window.play()
            start = self.snapshot().step
            if not self.snapshot().diverged:
                wait_for(
                    lambda: self.snapshot().step > start or self.snapshot().diverged,
                    ANSWER_SECONDS,
                    lambda: f"training did not start (at step {self.snapshot().step})",
                )
            mine = {p.pid for p in training_processes()}
            assert window.close(), "the window refused to close"
            assert not window.worker.is_running()
            harness.window = harness.make_window()
            left = {p.pid for p in training_processes()} & mine
            assert not left, f"training processes {left} outlived their window"

        # -- after every action --
        def trains_what_it_shows(self) -> bool:
            trained = self.snapshot().experiment
            shown = self.window.experiment()
            return dataclasses.replace(trained, view=shown.view) == shown

        def sync(self) -> None:
            """Wait for the training process to catch up: a snapshot sent after now arrives
            (it is alive; a pause when paused changes nothing) and it trains the experiment
            the window shows."""
            arrived = []
            worker = self.window.worker
            worker.snapshotReady.connect(arrived.append)
            try:
                snapshot = self.snapshot()
                stopped = not snapshot.running and not snapshot.diverged
                if self.window.is_playing and stopped and TOLERATE_EDIT_STOPS_TRAINING:
                    self.window.pause()  # the known bug above: make the window agree
                if not self.window.is_playing:
                    self.window.pause()
                wait_for(
                    lambda: arrived and self.trains_what_it_shows(),
                    ANSWER_SECONDS,
                    lambda: (
                        f"the training process sent nothing for {ANSWER_SECONDS:g} s"
                        if not arrived
                        else "the window shows one experiment and trains another: "
                        + experiment_difference(self.window.experiment(), self.snapshot())
                    ),
                )
            finally:
                worker.snapshotReady.disconnect(arrived.append)

        def check_problems(self) -> None:
            problems = harness.problems()
            assert not problems, "\n".join(problems)

        @invariant()
        def nothing_went_wrong(self) -> None:
            self.check_problems()
            self.sync()
            self.check_problems()

    return WindowActions


def experiment_difference(shown, snapshot) -> str:
    """The settings in which the window's experiment and the trained one differ, briefly."""

    def flat(d: dict, prefix: str = "") -> dict:
        out = {}
        for key, value in d.items():
            if isinstance(value, dict):
                out.update(flat(value, f"{prefix}{key}."))
            else:
                out[prefix + key] = json.dumps(value)[:60]
        return out

    a, b = flat(shown.to_dict()), flat(snapshot.experiment.to_dict())
    keys = [k for k in sorted(a.keys() | b.keys()) if a.get(k) != b.get(k) and k != "view"]
    return "; ".join(f"{k}: shown {a.get(k)}, trained {b.get(k)}" for k in keys)


def pytest_harness(window, make_window, exceptions, qtlog, dialogs, folder) -> Harness:
    """A :class:`Harness` whose problems are pytest-qt's captured exceptions and Qt log."""
    seen = {"exceptions": 0, "log": 0, "dialogs": 0}

    def problems() -> list[str]:
        found = [
            "exception in a slot:\n" + "".join(traceback.format_exception(*e))
            for e in exceptions[seen["exceptions"] :]
        ]
        found += [
            f"Qt {r.type_name}: {r.message}"
            for r in qtlog.records[seen["log"] :]
            if r.type_name in ("QtWarningMsg", "QtCriticalMsg", "QtFatalMsg") and not r.ignored
        ]
        found += [f"unanswered dialog {d.title!r}: {d.text}" for d in dialogs.unexpected]
        seen.update(exceptions=len(exceptions), log=len(qtlog.records))
        return found

    return Harness(window, make_window, problems, folder)


def test_random_action_sequences(
    qtbot, qtlog, nnsim_window, nnsim_make_window, nnsim_dialogs, tmp_path
):
    # Python's cyclic GC runs only from a GUI-thread timer while windows are made by the
    # fixture (nnsim.ui.garbage, as in the app): it once ran inside a paint (pyqtgraph's
    # prepareForPaint) and freed a closed window's graphics items there (SIGSEGV, CI).
    assert not gc.isenabled()
    with qtbot.captureExceptions() as exceptions:
        harness = pytest_harness(
            nnsim_window, nnsim_make_window, exceptions, qtlog, nnsim_dialogs, tmp_path
        )
        run_state_machine_as_test(
            window_actions(harness), settings=CI_SETTINGS, _min_steps=ACTIONS + 1
        )
    assert harness.sequences >= SEQUENCES and harness.actions >= SEQUENCES * ACTIONS
    assert not exceptions
