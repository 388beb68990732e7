"""Many runs for the price of few: K stacked runs vs K Trainers one after another.

For K = 1, 4, 8, 16 runs (SGD, learning rates and seeds differing) of 2-8-8-1 tanh and of
2-8×6-1 tanh (six hidden layers of 8), batch 10, on the default data (250 training points):
µs per group step (every run one step) trained as one stack (``StackedRuns``) and as K
Trainers stepped one after another, and cost(K) / cost(1) where cost(1) is one Trainer's
step; all three measured in turns in this run, the best of 30 samples each. Target: K = 8
stacked ≤ 2.5 × one run, for training steps (the first table). The second table adds the
full evaluation every 10 steps: arithmetic on 500 points a run, which the stack does in one
pass but cannot make cheaper than K times one run's. Run:

    uv run python tests/benchmarks/bench_compare.py
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable

from nnsim.training.experiment import Experiment
from nnsim.training.stacked_trainer import StackedRuns
from nnsim.training.trainer import Trainer

NETS = [("2-8-8-1 tanh", [8, 8]), ("2-8x6-1 tanh", [8] * 6)]
RUNS = [1, 4, 8, 16]
TARGET = 2.5  # K = 8 stacked, in units of one run


def experiments(hidden: list[int], k: int, eval_every: int) -> list[Experiment]:
    d = Experiment.default().to_dict()
    d["network"]["hidden_layers"] = [{"units": u, "activation": "tanh"} for u in hidden]
    d["training"]["batch_size"] = 10
    d["training"]["eval_every"] = eval_every
    out = []
    for i in range(k):
        d["seed"] = i
        d["training"]["optimizer"] = {"name": "sgd", "lr": 0.01 * (1 + i)}
        out.append(Experiment.from_dict(d))
    return out


def best_us_per_step(*steps: tuple[Callable[[], object], int], repeats: int = 30) -> list[float]:
    """The best µs per call of each ``(function, calls per sample)``, sampled in turns so
    that all see the same load (the machine is shared: the minimum is the honest figure)."""
    for fn, n in steps:  # warm-up
        for _ in range(n):
            fn()
    best = [float("inf")] * len(steps)
    for _ in range(repeats):
        for i, (fn, n) in enumerate(steps):
            t0 = time.perf_counter()
            for _ in range(n):
                fn()
            best[i] = min(best[i], (time.perf_counter() - t0) / n)
    return [b * 1e6 for b in best]


def sequential(trainers: list[Trainer]) -> Callable[[], None]:
    def step() -> None:
        for t in trainers:
            t.step()

    return step


def table(eval_every: int) -> bool:
    """Print one table; True if K = 8 stacked meets the target."""
    print(
        f"{'net':<14}{'K':>4}{'stacked µs':>12}{'sequential µs':>15}"
        f"{'stacked/1 run':>15}{'sequential/1 run':>18}{'speed-up':>10}"
    )
    ok = True
    for label, hidden in NETS:
        one_run = sequential([Trainer(e) for e in experiments(hidden, 1, eval_every)])
        for k in RUNS:
            runs = experiments(hidden, k, eval_every)
            stack = StackedRuns([Trainer(e) for e in runs])
            one, stacked, seq = best_us_per_step(
                (one_run, 200),
                (stack.step, 200),
                (sequential([Trainer(e) for e in runs]), 200 // k),
            )
            flag = ""
            if k == 8:
                ok &= stacked / one <= TARGET
                flag = f"  ≤{TARGET} {'ok' if stacked / one <= TARGET else 'MISSED'}"
            print(
                f"{label:<14}{k:>4}{stacked:>12.1f}{seq:>15.1f}"
                f"{stacked / one:>15.2f}{seq / one:>18.2f}{seq / stacked:>10.2f}{flag}"
            )
    return ok


def main() -> int:
    print("Training steps (no evaluation: the per-call overhead the stack removes)")
    ok = table(eval_every=10**9)
    print("\nWith a full train/test evaluation every 10 steps (the default; 500 points a run)")
    table(eval_every=10)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
