"""The headless command line: ``nnsim run`` and ``nnsim validate`` (``nnsim`` alone opens the
window: ``nnsim/__main__.py`` chooses; this module never imports ``nnsim.ui``).

Exit codes: 0 ok, 2 bad input (one clear message per problem on stderr), 3 training diverged.
"""

from __future__ import annotations

import argparse
import csv
import math
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

import numpy as np

if TYPE_CHECKING:
    from nnsim.training.experiment import Experiment
    from nnsim.training.results import StepResult

EXIT_OK, EXIT_BAD_INPUT, EXIT_DIVERGED = 0, 2, 3

EXAMPLES = """\
examples:
  nnsim                                  open the window with the default experiment
  nnsim my-experiment.json               open an experiment in the window
  nnsim --lesson article-backprop        the article's worked example, in lecture mode
  nnsim run exp.json --steps 2000        train headless, results in ./exp-run/
  nnsim run exp.json --epochs 50 --eval-every 25 --out results/
  nnsim validate exp.json                print every problem of a file, or "ok"
"""


class UsageError(Exception):
    """A problem with the command line or its input files (exit code 2)."""


def _run_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="nnsim run",
        description="Train an experiment headless and write its results to a folder.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("experiment", help="the experiment file (.json)")
    length = p.add_mutually_exclusive_group()
    length.add_argument("--steps", type=int, help="mini-batch steps to train (default 1000)")
    length.add_argument("--epochs", type=int, help="passes over the training set to train")
    p.add_argument(
        "--eval-every",
        type=int,
        metavar="K",
        help="full train/test evaluation every K steps (default: the experiment's)",
    )
    p.add_argument("--out", metavar="DIR", help="output folder (default: ./<experiment>-run)")
    return p


def _validate_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="nnsim validate", description="Check an experiment file; print its problems or 'ok'."
    )
    p.add_argument("experiment", help="the experiment file (.json)")
    return p


def _load(path: str) -> Experiment:
    from nnsim.training.experiment import ExperimentError, load_experiment

    try:
        return load_experiment(path)
    except ExperimentError as err:
        raise UsageError(*err.problems) from None
    except OSError as err:
        raise UsageError(f"{path}: cannot read: {err.strerror or err}") from None


def validate_command(args: argparse.Namespace) -> int:
    _load(args.experiment)
    print("ok")
    return EXIT_OK


def _progress(step: int, total: int, result: StepResult, stream: TextIO) -> None:
    line = f"step {step}/{total}  epoch {result.epoch}  loss {result.loss:.4f}  lr {result.lr:.3g}"
    # one line rewritten in place on a terminal; separate lines in a log file
    stream.write(f"\r{line}" if stream.isatty() else f"{line}\n")
    stream.flush()


def run_command(args: argparse.Namespace) -> int:
    from dataclasses import replace

    from nnsim.training.experiment import save_experiment
    from nnsim.training.trainer import Trainer

    experiment = _load(args.experiment)
    for name in ("steps", "epochs", "eval_every"):
        value = getattr(args, name)
        if value is not None and value < 1:
            raise UsageError(f"--{name.replace('_', '-')}: must be >= 1, got {value}")
    if args.eval_every is not None:
        training = replace(experiment.training, eval_every=args.eval_every)
        experiment = replace(experiment, training=training)
    out = Path(args.out or f"{Path(args.experiment).stem}-run")
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise UsageError(f"--out {out}: cannot create the folder: {err.strerror or err}") from None

    trainer = Trainer(experiment)
    total = args.steps if args.steps else (args.epochs or 0) * trainer.steps_per_epoch or 1000
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

    L = trainer.network.depth
    header = ["step", "epoch", "lr", "batch_loss", *(f"grad_norm_{k}" for k in range(1, L + 1))]
    header += ["train_loss", "test_loss", "train_accuracy", "test_accuracy"]
    last_print, result = 0.0, None
    with open(out / "metrics.csv", "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(header)
        for _ in range(total):
            result = trainer.step()
            ev = result.evaluation
            row = [result.step, result.epoch, repr(result.lr), repr(result.loss)]
            row += [repr(float(g)) for g in result.grad_norms]
            if ev is not None:
                row += [repr(ev.train_loss), repr(ev.test_loss)]
                row += [_accuracy(ev.train_accuracy), _accuracy(ev.test_accuracy)]
            else:
                row += ["", "", "", ""]
            writer.writerow(row)
            if result.diverged:
                break
            now = time.monotonic()
            interval = 0.1 if sys.stderr.isatty() else 1.0
            if now - last_print > interval or result.step == total:
                _progress(result.step, total, result, sys.stderr)
                last_print = now
    if sys.stderr.isatty():
        sys.stderr.write("\n")
    np.savez(out / "weights_final.npz", allow_pickle=False, **trainer.network.state())
    if trainer.diverged:
        sys.stderr.write(f"nnsim: training diverged: {trainer.diverged}\n")
        return EXIT_DIVERGED
    ev = trainer.evaluate()
    summary = f"done: {trainer.steps_done} steps, train loss {ev.train_loss:.4f}, test loss "
    summary += f"{ev.test_loss:.4f}"
    if not math.isnan(ev.test_accuracy):
        summary += f", test accuracy {ev.test_accuracy:.1%}"
    sys.stderr.write(f"{summary}\nresults in {out}{os.sep}\n")
    return EXIT_OK


def _accuracy(value: float) -> str:
    return "" if math.isnan(value) else repr(value)


COMMANDS = {"run": (_run_parser, run_command), "validate": (_validate_parser, validate_command)}


def run_command_line(
    parser: argparse.ArgumentParser,
    command: Callable[[argparse.Namespace], int],
    argv: list[str],
) -> int:
    """Parse ``argv`` and run ``command``; a :class:`UsageError` is printed, one line per
    problem, and exits 2 (as argparse does on a bad command line)."""
    args = parser.parse_args(argv)
    try:
        return command(args)
    except UsageError as err:
        for problem in err.args:
            sys.stderr.write(f"nnsim: {problem}\n")
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        sys.stderr.write("\nnnsim: interrupted\n")
        return 130


def main(argv: list[str]) -> int:
    """``nnsim run …`` or ``nnsim validate …`` (``argv[0]`` is one of :data:`COMMANDS`)."""
    make_parser, command = COMMANDS[argv[0]]
    return run_command_line(make_parser(), command, argv[1:])
