"""Memory of training: the RSS over 10⁶ headless steps, and of the window and its training
process over 10 minutes of live training (``--window``); both should stay flat.

Trains the default experiment (circle, 4-2 tanh, batch 10) the way the window's training
process does, step after step: ``Trainer.step()`` (history included), the metrics log that
keeps every step for File ▸ Export ▸ Metrics CSV, and the coach's ``Diagnoser``. Prints the
resident set size (``VmRSS`` of ``/proc/self/status``) at checkpoints. Target (issue 14):
at most +50 MB above the first checkpoint at any later one.

``--window`` plays the default experiment in the real window (every panel live) for
``--seconds`` (600) and prints the RSS of the window's process and of its training process
at checkpoints. Run::

    uv run python tests/benchmarks/bench_memory.py [--steps N]
    QT_QPA_PLATFORM=offscreen uv run python tests/benchmarks/bench_memory.py --window
"""

from __future__ import annotations

import argparse
import sys
import time

from nnsim.training.diagnosis import Diagnoser
from nnsim.training.experiment import Experiment
from nnsim.training.metrics_log import MetricsLog
from nnsim.training.trainer import Trainer

LIMIT_MB = 50.0
CHECKPOINTS = 10


def rss_mb(pid: int | str = "self") -> float:
    """A process's resident set size in MB (Linux: VmRSS of /proc/PID/status)."""
    with open(f"/proc/{pid}/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024.0
    raise RuntimeError("no VmRSS in /proc/self/status (not Linux?)")


def window(seconds: float) -> int:
    """Play the default experiment in the window for ``seconds``; both processes' RSS."""
    import os

    from PySide6.QtCore import QEventLoop, QTimer

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from nnsim.ui.app import create_application
    from nnsim.ui.main_window import MainWindow

    app = create_application()  # kept: the window needs it alive
    w = MainWindow()
    w.resize(1500, 920)
    w.show()

    def wait(s: float) -> None:
        loop = QEventLoop()
        QTimer.singleShot(int(s * 1000), loop.quit)
        loop.exec()

    w.play()
    wait(10.0)  # warm-up: buffers, caches, the plots' first full histories
    child = w.worker.pid
    first = rss_mb(), rss_mb(child)
    print(f"{'seconds':>8} {'step':>10} {'window MB':>10} {'Δ':>7} {'training MB':>12} {'Δ':>7}")
    step = w.last_snapshot.step
    print(f"{0:>8} {step:>10} {first[0]:>10.1f} {0:>+7.1f} {first[1]:>12.1f} {0:>+7.1f}")
    t0 = time.perf_counter()
    growth = 0.0
    for _ in range(CHECKPOINTS):
        wait(seconds / CHECKPOINTS)
        now = rss_mb(), rss_mb(child)
        growth = max(growth, now[0] - first[0], now[1] - first[1])
        print(
            f"{time.perf_counter() - t0:>8.0f} {w.last_snapshot.step:>10} {now[0]:>10.1f}"
            f" {now[0] - first[0]:>+7.1f} {now[1]:>12.1f} {now[1] - first[1]:>+7.1f}"
        )
    ok = growth <= LIMIT_MB
    verdict = "ok" if ok else "MISSED"
    print(f"largest growth {growth:+.1f} MB over {seconds:.0f} s: {verdict} (≤ +{LIMIT_MB:.0f})")
    w.pause()
    del app
    os._exit(0 if ok else 1)  # the window's unsaved-changes prompt is not wanted here


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--steps", type=int, default=10**6)
    parser.add_argument("--window", action="store_true", help="the window, live")
    parser.add_argument("--seconds", type=float, default=600.0)
    args = parser.parse_args()
    if args.window:
        return window(args.seconds)
    steps = args.steps
    trainer, log, diagnoser = Trainer(Experiment.default()), MetricsLog(), Diagnoser()

    def train(n: int) -> None:
        with trainer.quiet_steps():
            for _ in range(n):
                log.record(trainer.step())
                diagnoser.update(trainer)

    train(1000)  # warm-up: buffers, caches and the first blocks exist
    first = rss_mb()
    print(f"{'step':>9} {'RSS MB':>8} {'Δ MB':>7} {'µs/step':>8}  history rows, stride")
    print(f"{trainer.steps_done:>9} {first:>8.1f} {0.0:>7.1f} {'':>8}")
    chunk = max(1, (steps - 1000) // CHECKPOINTS)
    growth = 0.0
    while trainer.steps_done < steps:
        n = min(chunk, steps - trainer.steps_done)
        t0 = time.perf_counter()
        train(n)
        us = (time.perf_counter() - t0) / n * 1e6
        rss = rss_mb()
        h, done = trainer.history, trainer.steps_done
        print(f"{done:>9} {rss:>8.1f} {rss - first:>7.1f} {us:>8.1f}  {len(h)}, {h.stride}")
        growth = max(growth, rss - first)
    ok = growth <= LIMIT_MB
    verdict = "ok" if ok else "MISSED"
    print(f"largest growth {growth:+.1f} MB over {steps:,} steps: {verdict} (≤ +{LIMIT_MB:.0f})")
    log.close()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
