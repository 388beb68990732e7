"""Every hostile file (``tests/hostile/generate_corpus.py``: the refused corpus and the
extreme valid files) through ``nnsim validate`` + ``nnsim run --steps 5``, ``load_experiment``
and the window's File ▸ Open. Run (offscreen or under Xvfb):

    QT_QPA_PLATFORM=offscreen uv run python tests/benchmarks/bench_hostile_files.py

Prints, per channel and in all: files tried / refused with a message / accepted and trained /
anything else (a traceback, a silent refusal, a changed experiment on refusal, an
exception in a slot, a Qt warning, an unanswered dialog). Target: anything else = 0.
RuntimeWarnings are errors here, as in the tests.
"""

from __future__ import annotations

import contextlib
import importlib.util
import io
import os
import sys
import tempfile
import time
import traceback
import warnings
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
HOSTILE = Path(__file__).resolve().parents[1] / "hostile"
IGNORED_QT = ("This plugin does not support propagateSizeHints()",)


def _helper(name: str):
    spec = importlib.util.spec_from_file_location(name, HOSTILE / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def cli_verdict(path: Path, out: Path) -> tuple[str, str]:
    """``nnsim validate`` and, if it passes, ``nnsim run --steps 5``, in this process."""
    from nnsim.__main__ import main

    err = io.StringIO()
    try:
        with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
            code = main(["validate", str(path)])
            if code == 0:
                code = main(["run", str(path), "--steps", "5", "--out", str(out)])
    except BaseException as exc:  # a traceback is what is hunted
        return "anything else", f"raised {type(exc).__name__}: {str(exc)[:150]}"
    lines = err.getvalue().splitlines()
    if code == 2 and lines and all(line.startswith("nnsim: ") and line.isprintable()
                                   for line in lines):  # fmt: skip
        return "refused with a message", lines[0][:150]
    if code in (0, 3):  # trained, or stopped with the divergence explained
        return "accepted and trained", f"exit {code}"
    return "anything else", f"exit {code}: {err.getvalue()[-150:]!r}"


def load_verdict(path: Path, folder: Path) -> tuple[str, str]:
    """``load_experiment``: ExperimentError, or saves, loads back equal and trains 3 steps."""
    from nnsim.training.experiment import ExperimentError, load_experiment, save_experiment
    from nnsim.training.trainer import Trainer

    try:
        experiment = load_experiment(path)
    except ExperimentError as err:
        ok = err.problems and all(p.isprintable() for p in err.problems)
        return ("refused with a message" if ok else "anything else"), err.problems[0][:150]
    except BaseException as exc:
        return "anything else", f"raised {type(exc).__name__}: {str(exc)[:150]}"
    try:
        again = folder / "again.json"
        save_experiment(experiment, again)
        if load_experiment(again) != experiment:
            return "anything else", "saved and loaded back different"
        Trainer(experiment).run(3)
    except BaseException as exc:
        return "anything else", f"accepted, then {type(exc).__name__}: {str(exc)[:150]}"
    return "accepted and trained", ""


def main() -> int:
    warnings.simplefilter("error", RuntimeWarning)
    corpus_module = _helper("generate_corpus")
    window_open = _helper("window_open")
    folder = Path(tempfile.mkdtemp(prefix="nnsim-hostile-"))
    files = [f.path for f in corpus_module.generate(folder / "refused")]
    files += corpus_module.generate_accepted(folder / "accepted")

    from PySide6.QtCore import QtMsgType, qInstallMessageHandler
    from PySide6.QtWidgets import QApplication, QMessageBox

    from nnsim.testing import UNSAVED_CHANGES, ModalDialogs, answer_prompts, wait_for
    from nnsim.ui import MainWindow

    app = QApplication.instance() or QApplication([])
    dialogs = ModalDialogs()
    dialogs.install(app)
    dialogs.default(UNSAVED_CHANGES, QMessageBox.StandardButton.Discard)
    exceptions: list[str] = []
    messages: list[str] = []
    sys.excepthook = lambda *e: exceptions.append("".join(traceback.format_exception(*e)))
    levels = {QtMsgType.QtWarningMsg, QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg}

    def on_message(kind, context, text) -> None:
        if kind in levels and text not in IGNORED_QT:
            messages.append(f"Qt {kind.name}: {text}")

    qInstallMessageHandler(on_message)
    window = MainWindow()
    answer_prompts(window, dialogs)
    window.show()
    wait_for(lambda: window.last_snapshot is not None, 30, lambda: "no first snapshot")

    kinds = ("refused with a message", "accepted and trained", "anything else")
    counts = {channel: dict.fromkeys(kinds, 0) for channel in ("cli", "load", "window")}
    start = time.perf_counter()
    for i, path in enumerate(files):
        seen = len(exceptions), len(messages), len(dialogs.unexpected)
        verdicts = {
            "cli": cli_verdict(path, folder / "runs" / str(i)),
            "load": load_verdict(path, folder),
            "window": window_open.judge(window, dialogs, path, wait_for),
        }
        found = exceptions[seen[0] :] + messages[seen[1] :]
        found += [f"dialog {d.title!r}: {d.text}" for d in dialogs.unexpected[seen[2] :]]
        if found:
            verdicts["window"] = ("anything else", " | ".join(found)[:300])
        for channel, (verdict, details) in verdicts.items():
            counts[channel][verdict] += 1
            if verdict == "anything else":
                print(f"{channel:>6} {path.name}: {details}")
    seconds = time.perf_counter() - start
    window.close()

    print()
    print(f"{'channel':>8} {'tried':>6} {'refused with a message':>23} "
          f"{'accepted and trained':>21} {'anything else':>14}")  # fmt: skip
    for channel, c in counts.items():
        print(f"{channel:>8} {sum(c.values()):>6} {c[kinds[0]]:>23} {c[kinds[1]]:>21} "
              f"{c[kinds[2]]:>14}")  # fmt: skip
    total = {k: sum(c[k] for c in counts.values()) for k in kinds}
    print(f"{'all':>8} {sum(total.values()):>6} {total[kinds[0]]:>23} {total[kinds[1]]:>21} "
          f"{total[kinds[2]]:>14}")  # fmt: skip
    print(f"({len(files)} files, {seconds:.0f} s)")
    return 1 if total["anything else"] else 0


if __name__ == "__main__":
    sys.exit(main())
