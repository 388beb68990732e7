"""The files ``nnsim run`` writes for one training run, and the loop that trains and writes
them (``nnsim compare`` writes the same files for each of its runs)::

    experiment.json       the experiment as trained, every default filled in
    data.npz              x_train, features_train, y_train, x_test, features_test, y_test
    weights_initial.npz   W1, b1, … (and batch-norm parameters and buffers) before training
    metrics.csv           one row per step (see README, "Headless command line")
    weights_final.npz     the weights after the last step
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from nnsim.training.metrics_log import MetricsFile as MetricsFile
from nnsim.training.metrics_log import accuracy_text as accuracy_text
from nnsim.training.metrics_log import metrics_header as metrics_header

if TYPE_CHECKING:
    from nnsim.training.results import StepResult
    from nnsim.training.trainer import Trainer


def planned_steps(trainer: Trainer, steps: int | None, epochs: int | None) -> int:
    """Steps to train: ``steps``, or ``epochs`` passes over the training set, or 1000."""
    if steps:
        return steps
    return (epochs or 0) * trainer.steps_per_epoch or 1000


def write_setup(trainer: Trainer, out: Path) -> None:
    """``experiment.json``, ``data.npz`` and ``weights_initial.npz`` of an untrained run."""
    from nnsim.training.experiment import save_experiment

    save_experiment(trainer.experiment, out / "experiment.json")
    d = trainer.data
    np.savez(
        out / "data.npz",
        x_train=d.train.x,
        features_train=d.x_train,
        y_train=d.train.y,
        x_test=d.test.x,
        features_test=d.x_test,
        y_test=d.test.y,
    )
    np.savez(out / "weights_initial.npz", allow_pickle=False, **trainer.network.state())


def write_final(weights: dict[str, np.ndarray], out: Path) -> None:
    """``weights_final.npz``: the run's parameters (and buffers) after its last step."""
    np.savez(out / "weights_final.npz", allow_pickle=False, **weights)


def train_and_write(
    trainer: Trainer,
    total: int,
    out: Path,
    on_step: Callable[[StepResult], None] | None = None,
) -> StepResult | None:
    """Write the set-up files to ``out``, train up to ``total`` steps (stopping if training
    diverges) writing one ``metrics.csv`` row per step (in blocks), then ``weights_final.npz``.
    ``on_step`` sees every result (progress). Returns the last result."""
    write_setup(trainer, out)
    result = None
    metrics = MetricsFile(out, trainer.network.depth)
    try:
        with trainer.quiet_steps():
            for _ in range(total):
                result = trainer.step()
                metrics.write(result)
                if on_step is not None:
                    on_step(result)
                if result.diverged:
                    break
    finally:
        metrics.close()
    write_final(trainer.network.state(), out)
    return result
