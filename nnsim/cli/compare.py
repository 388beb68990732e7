"""``nnsim compare EXP.json --vary KEY=V1,V2,... [--vary KEY2=...] [--steps N | --epochs N]
[--out DIR]``: train the experiment once per value (a grid for several ``--vary``, at most
16 runs) and put the results side by side.

Writes ``DIR/summary.csv`` (row i is run i: one column per KEY with its value as typed, then
final and best train/test loss, test accuracy and the step at which the run diverged, empty
if it did not) and ``DIR/run-<i>/`` with what ``nnsim run`` writes for that run
(:mod:`nnsim.cli.run_files`). A run that diverges does not stop the others.
"""

from __future__ import annotations

import argparse
import csv
import math
import os
import sys
from collections.abc import Callable, Sequence
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from nnsim.cli.common import (
    EXIT_OK,
    UsageError,
    check_at_least_one,
    load_experiment_file,
    make_folder,
)
from nnsim.cli.run_files import (
    MetricsFile,
    accuracy_text,
    planned_steps,
    write_final,
    write_setup,
)

if TYPE_CHECKING:
    from nnsim.training.experiment import Experiment
    from nnsim.training.trainer import Trainer
    from nnsim.training.variations import VariedRun

SUMMARY_COLUMNS = [
    "final_train_loss",
    "best_train_loss",
    "final_test_loss",
    "best_test_loss",
    "test_accuracy",
    "diverged_at",
]


def make_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="nnsim compare",
        description="Train an experiment once per value of a setting (or per combination of "
        "two, at most 16 runs) and write the runs side by side.",
        epilog="example:\n  nnsim compare spiral.json --vary training.optimizer.lr=0.0001,0.01,0.1"
        "\n  nnsim compare exp.json --vary training.optimizer.name=sgd,adam "
        "--vary training.batch_size=10,all --epochs 20",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("experiment", help="the experiment file (.json)")
    p.add_argument(
        "--vary",
        action="append",
        required=True,
        metavar="KEY=V1,V2,...",
        help="a setting (a dotted path in the experiment file, e.g. training.optimizer.lr, "
        "training.optimizer.name, training.batch_size, network.init, seed) and its values",
    )
    length = p.add_mutually_exclusive_group()
    length.add_argument("--steps", type=int, help="mini-batch steps per run (default 1000)")
    length.add_argument("--epochs", type=int, help="passes over the training set per run")
    p.add_argument("--out", metavar="DIR", help="output folder (default: ./<experiment>-compare)")
    return p


@dataclass(frozen=True)
class RunOutcome:
    """How one run ended (losses NaN where not measured; accuracy NaN for regression)."""

    steps_done: int
    final_train_loss: float
    best_train_loss: float
    final_test_loss: float
    best_test_loss: float
    test_accuracy: float
    diverged_at: int | None
    diverged: str | None  # the learner's explanation


def train_runs(
    experiments: Sequence[Experiment],
    steps: int | None,
    epochs: int | None,
    folders: Sequence[Path],
    on_done: Callable[[int, RunOutcome], None] | None = None,
) -> list[RunOutcome]:
    """Train each experiment for ``steps`` steps or ``epochs`` epochs (default 1000 steps),
    writing ``nnsim run``'s files to its folder; ``on_done(i, outcome)`` as each ends (i
    from 0).

    The runs train together as one :class:`~nnsim.training.run_group.RunGroup` (stacked
    where they share an architecture and batch size), every run one step per group step,
    each ``metrics.csv`` row written as it is made. A run stops after its own number of
    steps or when it diverges; the others go on.
    """
    from nnsim.engine.atomic import write_text_atomic
    from nnsim.training.diagnosis import Diagnoser, diagnoses_json
    from nnsim.training.run_group import RunGroup

    group = RunGroup(experiments)
    runs = group.results
    totals = [planned_steps(r.trainer, steps, epochs) for r in runs]
    outcomes: dict[int, RunOutcome] = {}
    diagnosers = [Diagnoser() for _ in runs]  # as `nnsim run`'s: the same steps, the same file
    with ExitStack() as files:
        metrics = []
        for run, folder in zip(runs, folders, strict=True):
            write_setup(run.trainer, make_folder(folder))
            metrics.append(MetricsFile(folder, run.trainer.network.depth))
            files.callback(metrics[-1].close)
        live = list(range(len(runs)))
        while live:
            group.step(live)
            for i in list(live):
                result = runs[i].last
                assert result is not None, "a run of the group did not step"
                metrics[i].write(result)
                if result.diverged or result.step % diagnosers[i].every == 0:
                    diagnosers[i].update(runs[i].synced())  # a check is due: copy the run out
                if result.diverged or result.step >= totals[i]:
                    live.remove(i)
                    metrics[i].close()
                    trainer = runs[i].synced()
                    write_final(trainer.network.state(), folders[i])
                    diagnosis = diagnoses_json(diagnosers[i].diagnoses)
                    write_text_atomic(folders[i] / "diagnosis.json", diagnosis)
                    outcomes[i] = _outcome(trainer)
                    if on_done is not None:
                        on_done(i, outcomes[i])
    return [outcomes[i] for i in range(len(runs))]


def _outcome(trainer: Trainer) -> RunOutcome:
    final = trainer.evaluate()

    def best(column: str) -> float:
        values = trainer.evaluations.column(column)
        values = values[~np.isnan(values)]
        return float(values.min()) if len(values) else math.nan

    last = trainer.last_result
    diverged_at = last.step if trainer.diverged and last is not None else None
    return RunOutcome(
        trainer.steps_done,
        final.train_loss,
        best("train_loss"),
        final.test_loss,
        best("test_loss"),
        final.test_accuracy,
        diverged_at,
        trainer.diverged,
    )


def compare_command(args: argparse.Namespace) -> int:
    from nnsim.training.variations import VariationError, parse_variation, variation_grid

    check_at_least_one({"steps": args.steps, "epochs": args.epochs})
    experiment = load_experiment_file(args.experiment)
    try:
        variations = [parse_variation(text) for text in args.vary]
        runs = variation_grid(experiment, variations)
    except VariationError as err:
        raise UsageError(*err.problems) from None
    from nnsim.training.experiment.memory import group_memory_problem

    too_big = group_memory_problem([r.experiment for r in runs])
    if too_big:  # said before any folder is made
        raise UsageError(too_big)
    from nnsim.training.experiment.files import experiment_stem

    out = make_folder(Path(args.out or f"{experiment_stem(args.experiment)}-compare"))
    keys = [v.key for v in variations]

    def report(i: int, outcome: RunOutcome) -> None:
        given = " ".join(f"{k}={t}" for k, t in runs[i].settings.items())
        if outcome.diverged:
            end = f"diverged: {outcome.diverged}"
        else:
            end = f"{outcome.steps_done} steps, train loss {outcome.final_train_loss:.4f}"
            end += f", test loss {outcome.final_test_loss:.4f}"
        sys.stderr.write(f"run {i + 1}/{len(runs)}  {given}: {end}\n")

    folders = [out / f"run-{i}" for i in range(1, len(runs) + 1)]
    outcomes = train_runs([r.experiment for r in runs], args.steps, args.epochs, folders, report)
    with open(out / "summary.csv", "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow([*keys, *SUMMARY_COLUMNS])
        for run, outcome in zip(runs, outcomes, strict=True):
            writer.writerow([*(run.settings[k] for k in keys), *summary_cells(outcome)])
    print(summary_table(keys, runs, outcomes))
    sys.stderr.write(f"results in {out}{os.sep} (summary.csv, run-1 … run-{len(runs)})\n")
    return EXIT_OK


def summary_table(
    keys: Sequence[str], runs: Sequence[VariedRun], outcomes: Sequence[RunOutcome]
) -> str:
    """The runs side by side, for the terminal."""
    head = [*keys, "final train", "best test", "test acc", "diverged at"]
    rows = [head]
    for run, o in zip(runs, outcomes, strict=True):
        accuracy = "" if math.isnan(o.test_accuracy) else f"{o.test_accuracy:.1%}"
        diverged = "" if o.diverged_at is None else str(o.diverged_at)
        losses = [f"{o.final_train_loss:.4f}", f"{o.best_test_loss:.4f}"]
        rows.append([*(run.settings[k] for k in keys), *losses, accuracy, diverged])
    widths = [max(len(r[c]) for r in rows) for c in range(len(head))]
    return "\n".join(
        "  ".join(cell.ljust(w) for cell, w in zip(r, widths, strict=True)).rstrip() for r in rows
    )


def summary_cells(outcome: RunOutcome) -> list[str]:
    """A run's cells of ``summary.csv`` after its settings (empty where not measured)."""
    losses = (
        outcome.final_train_loss,
        outcome.best_train_loss,
        outcome.final_test_loss,
        outcome.best_test_loss,
    )
    cells = ["" if math.isnan(x) else repr(x) for x in losses]
    diverged = "" if outcome.diverged_at is None else str(outcome.diverged_at)
    return [*cells, accuracy_text(outcome.test_accuracy), diverged]
