"""Random action sequences at scale: the state machine of ``tests/ui/test_random_actions.py``
on one window for many more sequences than CI runs. Run (offscreen or under Xvfb):

    QT_QPA_PLATFORM=offscreen uv run --group test \
        python tests/benchmarks/bench_random_actions.py [N] [--seed S]

Prints sequences, actions, failures and seconds; a failure prints its shrunk action sequence.
Target: 300 sequences of 20 actions, zero failures (no exception in a slot, no Qt warning, no
unanswered dialog, no training process left behind).
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import sys
import tempfile
import time
import traceback
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "ui"))

IGNORED_QT = ("This plugin does not support propagateSizeHints()",)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("sequences", nargs="?", type=int, default=300)
    parser.add_argument("--actions", type=int, default=20)
    parser.add_argument("--seed", type=int, default=None, help="reproduce a run")
    args = parser.parse_args()

    from hypothesis import HealthCheck, seed, settings
    from hypothesis.stateful import run_state_machine_as_test
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler
    from PySide6.QtWidgets import QApplication, QMessageBox
    from test_random_actions import Harness, window_actions

    from nnsim.testing import (
        LEAVING_LECTURE,
        UNSAVED_CHANGES,
        ModalDialogs,
        answer_prompts,
        training_processes,
        wait_for,
    )
    from nnsim.ui import MainWindow
    from nnsim.ui.app import collect_garbage_in_gui_thread

    app = QApplication.instance() or QApplication([])
    collect_garbage_in_gui_thread(app)  # as the app does (nnsim.ui.garbage)
    dialogs = ModalDialogs()
    dialogs.install(app)
    dialogs.default(UNSAVED_CHANGES, QMessageBox.StandardButton.Discard)
    dialogs.default(LEAVING_LECTURE, "continue")
    exceptions: list[str] = []
    messages: list[str] = []
    sys.excepthook = lambda *e: exceptions.append("".join(traceback.format_exception(*e)))
    levels = {QtMsgType.QtWarningMsg, QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg}

    def on_message(kind, context, text) -> None:
        if kind in levels and text not in IGNORED_QT:
            messages.append(f"Qt {kind.name}: {text}")

    qInstallMessageHandler(on_message)
    windows: list = []

    def make_window():
        window = MainWindow()
        answer_prompts(window, dialogs)
        window.show()
        wait_for(lambda: window.last_snapshot is not None, 10, lambda: "no first snapshot")
        windows.append(window)
        return window

    seen = {"exceptions": 0, "messages": 0, "dialogs": 0}

    def problems() -> list[str]:
        found = [f"exception in a slot:\n{e}" for e in exceptions[seen["exceptions"] :]]
        found += messages[seen["messages"] :]
        unanswered = dialogs.unexpected
        found += [f"unanswered dialog {d.title!r}: {d.text}" for d in unanswered[seen["dialogs"] :]]
        seen.update(exceptions=len(exceptions), messages=len(messages), dialogs=len(unanswered))
        return found

    folder = Path(tempfile.mkdtemp(prefix="nnsim-bench-"))
    harness = Harness(make_window(), make_window, problems, folder)
    machine = window_actions(harness)
    test_case = machine.TestCase
    if args.seed is not None:
        seed(args.seed)(test_case)
    failures = 0
    start = time.perf_counter()
    while harness.sequences < args.sequences:  # after a failure, go on with new sequences
        try:
            run_state_machine_as_test(
                machine,
                settings=settings(
                    max_examples=args.sequences - harness.sequences,
                    stateful_step_count=args.actions + 1,
                    deadline=None,
                    database=None,
                    derandomize=False,  # new sequences each run (--seed repeats one)
                    suppress_health_check=list(HealthCheck),
                    print_blob=True,
                ),
                _min_steps=args.actions + 1,
            )
        except Exception as err:  # a failing sequence, shrunk: print it
            failures += len(getattr(err, "exceptions", [err]))
            traceback.print_exception(err)
            harness.window.lecture_mode.set_active(False)
    seconds = time.perf_counter() - start
    for window in windows:
        window.close()
    left = [p.pid for p in training_processes() if p.is_alive()]
    multiprocessing.active_children()
    if left:
        failures += 1
        print(f"training processes left behind: {left}")
    print()
    print(f"{'sequences':>10} {'actions':>8} {'failures':>9} {'seconds':>8}")
    print(f"{harness.sequences:>10} {harness.actions:>8} {failures:>9} {seconds:>8.1f}")
    if failures:
        print("(sequences and actions include the replays hypothesis ran to shrink a failure)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
