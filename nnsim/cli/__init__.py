"""The headless command line: ``nnsim run``, ``nnsim validate``, ``nnsim lr-find``
(:mod:`.lr_find`), ``nnsim compare`` (:mod:`.compare`), ``nnsim export`` (:mod:`.export`), …;
``nnsim`` alone opens the window (``nnsim/__main__.py`` chooses; this package never imports
``nnsim.ui``).

Exit codes: 0 ok, 2 bad input (one clear message per problem on stderr), 3 training diverged.
"""

from __future__ import annotations

import argparse
import math
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from nnsim.cli import compare, export, landscape, lr_find, surface
from nnsim.cli.common import (
    EXIT_BAD_INPUT,
    EXIT_DIVERGED,
    EXIT_OK,
    UsageError,
    check_at_least_one,
    load_experiment_file,
    make_folder,
    printable,
)
from nnsim.cli.run_files import planned_steps, train_and_write

if TYPE_CHECKING:
    from nnsim.training.results import StepResult

__all__ = ["COMMANDS", "EXAMPLES", "EXIT_BAD_INPUT", "EXIT_DIVERGED", "EXIT_OK", "UsageError"]
__all__ += ["main", "run_command_line"]

Command = Callable[[argparse.Namespace], int]

EXAMPLES = """\
examples:
  nnsim                                  open the window with the default experiment
  nnsim my-experiment.json               open an experiment in the window
  nnsim --lesson article-backprop        the article's worked example, in lecture mode
  nnsim run exp.json --steps 2000        train headless, results in ./exp-run/
  nnsim run exp.json --epochs 50 --eval-every 25 --out results/
  nnsim validate exp.json                print every problem of a file, or "ok"
  nnsim lr-find exp.json                 the learning-rate range test: suggests a rate
  nnsim compare exp.json --vary training.optimizer.lr=0.0001,0.01,0.1
                                         one run per value, side by side in ./exp-compare/
  nnsim landscape exp.json --directions pca
                                         the loss around the trained weights, ./exp-landscape/
  nnsim surface rosenbrock --optimizer adam --lr 0.05 --start -1.5,2 --steps 2000 --out a.csv
                                         an optimizer's path on a 2-D surface
  nnsim export exp.json --to numpy       a NumPy script that trains it: ./exp_numpy.py
"""


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


def validate_command(args: argparse.Namespace) -> int:
    load_experiment_file(args.experiment)
    print("ok")
    return EXIT_OK


def _progress(step: int, total: int, result: StepResult, stream: TextIO) -> None:
    line = f"step {step}/{total}  epoch {result.epoch}  loss {result.loss:.4f}  lr {result.lr:.3g}"
    # one line rewritten in place on a terminal; separate lines in a log file
    stream.write(f"\r{line}" if stream.isatty() else f"{line}\n")
    stream.flush()


def run_command(args: argparse.Namespace) -> int:
    from dataclasses import replace

    from nnsim.engine.atomic import write_text_atomic
    from nnsim.training.diagnosis import Diagnoser, diagnoses_json, summary_line
    from nnsim.training.trainer import Trainer

    experiment = load_experiment_file(args.experiment)
    check_at_least_one({"steps": args.steps, "epochs": args.epochs, "eval_every": args.eval_every})
    if args.eval_every is not None:
        training = replace(experiment.training, eval_every=args.eval_every)
        experiment = replace(experiment, training=training)
    from nnsim.training.experiment.files import experiment_stem

    out = make_folder(Path(args.out or f"{experiment_stem(args.experiment)}-run"))

    trainer = Trainer(experiment)
    total = planned_steps(trainer, args.steps, args.epochs)
    last_print = 0.0
    diagnoser = Diagnoser()  # checks every CHECK_EVERY steps, as the window's training does

    interval = 0.1 if sys.stderr.isatty() else 1.0  # asked once: it is a system call

    def progress(result: StepResult) -> None:
        nonlocal last_print
        diagnoser.update(trainer)
        now = time.monotonic()
        if not result.diverged and (now - last_print > interval or result.step == total):
            _progress(result.step, total, result, sys.stderr)
            last_print = now

    train_and_write(trainer, total, out, progress)
    if sys.stderr.isatty():
        sys.stderr.write("\n")
    write_text_atomic(out / "diagnosis.json", diagnoses_json(diagnoser.diagnoses))
    for diagnosis in diagnoser.diagnoses:
        sys.stderr.write(f"diagnosis: {summary_line(diagnosis)}\n")
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


COMMANDS: dict[str, tuple[Callable[[], argparse.ArgumentParser], Command]] = {
    "run": (_run_parser, run_command),
    "validate": (_validate_parser, validate_command),
    "lr-find": (lr_find.make_parser, lr_find.lr_find_command),
    "compare": (compare.make_parser, compare.compare_command),
    "landscape": (landscape.make_parser, landscape.landscape_command),
    "surface": (surface.make_parser, surface.surface_command),
    "export": (export.make_parser, export.export_command),
}


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
        for problem in err.args:  # each line harmless: no forged lines, no escape codes
            sys.stderr.write(f"nnsim: {printable(str(problem))}\n")
        return EXIT_BAD_INPUT
    except OSError as err:  # the disk failed midway (full, gone): a message, not a traceback
        where = f"{err.filename}: " if err.filename else ""
        sys.stderr.write(f"nnsim: {printable(where)}{err.strerror or err}\n")
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        sys.stderr.write("\nnnsim: interrupted\n")
        return 130


def main(argv: list[str]) -> int:
    """``nnsim run …``, ``nnsim compare …``, … (``argv[0]`` is one of :data:`COMMANDS`)."""
    make_parser, command = COMMANDS[argv[0]]
    return run_command_line(make_parser(), command, argv[1:])
