"""Grid predictions for the decision-boundary view: ms per 100×100 evaluation (target: 30 Hz).

Output only, and every neuron's output (for the diagram's thumbnails), next to the
33 ms frame budget. Run:  uv run python tests/benchmarks/bench_grid.py
"""

from __future__ import annotations

import sys
import time

from nnsim.training.experiment import Experiment
from nnsim.training.grid import GridPredictor
from nnsim.training.trainer import Trainer

CASES = [
    ("default 2-4-2-1 tanh", {}),
    ("6 layers of 8 tanh, 9 features", {"layers": [8] * 6, "features": "all"}),
    ("8 layers of 16 relu, 9 features", {"layers": [16] * 8, "features": "all", "act": "relu"}),
]


def build(changes) -> Trainer:
    d = Experiment.default().to_dict()
    if "layers" in changes:
        act = changes.get("act", "tanh")
        d["network"]["hidden_layers"] = [{"units": u, "activation": act} for u in changes["layers"]]
    if changes.get("features") == "all":
        d["data"]["features"] = [
            "x1",
            "x2",
            "x1_sq",
            "x2_sq",
            "x1_x2",
            "sin_x1",
            "sin_x2",
            "cos_x1",
            "cos_x2",
        ]
    return Trainer(Experiment.from_dict(d))


def best_ms(fn, repeats=30) -> float:
    fn()
    best = float("inf")
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best * 1e3


def main() -> int:
    print(f"{'network':<34}{'output ms':>10}{'all neurons ms':>16}{'max Hz':>8}  target 30 Hz")
    ok = True
    for label, changes in CASES:
        trainer = build(changes)
        grid = GridPredictor(trainer.data.features, 100)
        out = best_ms(lambda g=grid, t=trainer: g.output(t.network))
        neurons = best_ms(lambda g=grid, t=trainer: g.neurons(t.network))
        hz = 1000.0 / neurons
        ok &= hz >= 30
        print(
            f"{label:<34}{out:>10.2f}{neurons:>16.2f}{hz:>8.0f}  {'ok' if hz >= 30 else 'MISSED'}"
        )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
