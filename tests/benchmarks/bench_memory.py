"""Memory of headless training: the process's RSS over 10⁶ steps, which should stay flat.

Trains the default experiment (circle, 4-2 tanh, batch 10) the way the window's training
process does, step after step: ``Trainer.step()`` (history included), the metrics log that
keeps every step for File ▸ Export ▸ Metrics CSV, and the coach's ``Diagnoser``. Prints the
resident set size (``VmRSS`` of ``/proc/self/status``) at checkpoints. Target (issue 14):
at most +50 MB between the first checkpoint and the last. Run::

    uv run python tests/benchmarks/bench_memory.py [--steps N]
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


def rss_mb() -> float:
    """This process's resident set size in MB (Linux: VmRSS of /proc/self/status)."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024.0
    raise RuntimeError("no VmRSS in /proc/self/status (not Linux?)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--steps", type=int, default=10**6)
    steps = parser.parse_args().steps
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
    while trainer.steps_done < steps:
        n = min(chunk, steps - trainer.steps_done)
        t0 = time.perf_counter()
        train(n)
        us = (time.perf_counter() - t0) / n * 1e6
        rss = rss_mb()
        h, done = trainer.history, trainer.steps_done
        print(f"{done:>9} {rss:>8.1f} {rss - first:>7.1f} {us:>8.1f}  {len(h)}, {h.stride}")
    growth = rss_mb() - first
    ok = growth <= LIMIT_MB
    verdict = "ok" if ok else "MISSED"
    print(f"growth {growth:+.1f} MB over {steps:,} steps: {verdict} (≤ +{LIMIT_MB:.0f})")
    log.close()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
