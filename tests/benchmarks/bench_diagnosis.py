"""What the coach costs the training loop: µs per step of a Trainer alone and with
``Diagnoser.update`` after every step (as ``nnsim run`` and the training host call it),
on 2-8-8-1 tanh, batch 10, the default data (250 training points), and the cost of one
check on its own. Measured in turns in this run, the best of 15 samples each. Run:

    uv run python tests/benchmarks/bench_diagnosis.py
"""

from __future__ import annotations

import time

from nnsim.training.diagnosis import Diagnoser
from nnsim.training.diagnosis.thresholds import CHECK_EVERY
from nnsim.training.experiment import Experiment
from nnsim.training.trainer import Trainer
from nnsim.training.variations import with_settings

STEPS = 2000  # per sample: 20 checks
SAMPLES = 15


def experiment() -> Experiment:
    layers = [{"units": 8, "activation": "tanh"}] * 2
    return with_settings(Experiment.default(), {"network.hidden_layers": layers})


def per_step(diagnose: bool) -> float:
    trainer, diagnoser = Trainer(experiment()), Diagnoser()
    trainer.run(3000)  # a history of some length, as in a run under way
    diagnoser.update(trainer)
    start = time.perf_counter()
    if diagnose:
        for _ in range(STEPS):
            trainer.step()
            diagnoser.update(trainer)
    else:
        for _ in range(STEPS):
            trainer.step()
    return (time.perf_counter() - start) / STEPS * 1e6


def per_check() -> float:
    trainer, diagnoser = Trainer(experiment()), Diagnoser()
    trainer.run(3000)
    start = time.perf_counter()
    for _ in range(200):
        diagnoser.check(trainer)  # the loss's trend is looked at in the first one only, as in
    return (time.perf_counter() - start) / 200 * 1e6  # a run: once every five checks


def main() -> None:
    alone, coached, check = [], [], []
    for _ in range(SAMPLES):
        alone.append(per_step(False))
        coached.append(per_step(True))
        check.append(per_check())
    a, c = min(alone), min(coached)
    print(f"2-8-8-1 tanh, batch 10: {a:.1f} µs/step alone, {c:.1f} µs/step with the diagnoser")
    print(f"overhead {c - a:.2f} µs/step ({(c - a) / a:.1%}); one check {min(check):.0f} µs")
    share = min(check) / (CHECK_EVERY * a)  # a shared machine blurs the A/B; this does not
    print(f"one check per {CHECK_EVERY} steps = {share:.1%} of the steps' time")


if __name__ == "__main__":
    main()
