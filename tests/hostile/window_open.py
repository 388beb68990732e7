"""File ▸ Open of a hostile file in the window, judged: refused with a message (the experiment
on screen kept), accepted and trained, or anything else (a failure). Shared by
``test_window_open_fuzz.py`` (a sample, in CI) and ``tests/benchmarks/bench_hostile_files.py``
(all of them)."""

from __future__ import annotations

import stat
from pathlib import Path
from typing import Any

REFUSED, TRAINED = "refused with a message", "accepted and trained"
OTHER = "anything else"


def open_through_the_menu(window: Any, dialogs: Any, path: Path) -> bool:
    """File ▸ Open, the dialog answered with ``path``. A special file (a pipe, a directory,
    a missing file) is handed to the slot the dialog calls, as Qt's own dialog would refuse
    to return it."""
    from PySide6.QtGui import QAction

    try:
        regular = stat.S_ISREG(path.stat().st_mode)
    except OSError:
        regular = False
    if not regular:
        return bool(window.open_file(str(path)))
    dialogs.answer("Open experiment", path)
    before = window.windowTitle()
    window.findChild(QAction, "openAction").trigger()
    return window.windowTitle() != before


def judge(window: Any, dialogs: Any, path: Path, wait_for: Any) -> tuple[str, str]:
    """Open ``path`` and say what happened: (REFUSED | TRAINED | OTHER, details)."""
    before = window.experiment()
    window.show_message("")
    try:
        opened = open_through_the_menu(window, dialogs, path)
    except Exception as exc:  # an exception from File ▸ Open is exactly what is hunted
        return OTHER, f"raised {type(exc).__name__}: {str(exc)[:200]}"
    message = window.status_text()
    if not opened:
        if window.experiment() != before:
            return OTHER, "refused, but the experiment on screen changed"
        if not message.strip():
            return OTHER, "refused without a message"
        return REFUSED, message.splitlines()[0][:200]
    experiment = window.experiment()
    window.step()
    try:
        wait_for(
            lambda: (
                window.last_snapshot is not None
                and window.last_snapshot.experiment == experiment
                and (window.last_snapshot.step >= 1 or window.last_snapshot.diverged)
            ),
            60.0,
            lambda: f"no step of the opened experiment: {window.status_text()}",
        )
    except Exception as exc:
        return OTHER, f"opened but did not train: {exc}"
    return TRAINED, f"step {window.last_snapshot.step}"
