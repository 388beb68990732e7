"""``nnsim lr-find EXP.json [--start 1e-7] [--end 10] [--steps 100] [--out DIR]``: the
learning-rate range test (:mod:`nnsim.training.lr_finder`) without a window.

Writes ``DIR/lr_find.csv`` (``step,lr,loss,smoothed_loss``) and prints the suggestions."""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from nnsim.cli.common import EXIT_OK, UsageError, load_experiment_file, make_folder

if TYPE_CHECKING:
    from nnsim.training.lr_finder import RangePoint, RangeTestResult

HEADER = ["step", "lr", "loss", "smoothed_loss"]


def make_parser() -> argparse.ArgumentParser:
    from nnsim.training.lr_finder import END_LR, START_LR, STEPS

    p = argparse.ArgumentParser(
        prog="nnsim lr-find",
        description="The learning-rate range test (L. Smith 2015, as fastai's lr_find): train "
        "a copy of the network while the rate grows exponentially from --start to --end, "
        "stop when the loss blows up, and suggest a learning rate.",
    )
    p.add_argument("experiment", help="the experiment file (.json)")
    p.add_argument(
        "--start", type=float, default=START_LR, help=f"first rate (default {START_LR:g})"
    )
    p.add_argument("--end", type=float, default=END_LR, help=f"last rate (default {END_LR:g})")
    p.add_argument("--steps", type=int, default=STEPS, help=f"steps (default {STEPS})")
    p.add_argument("--out", metavar="DIR", help="output folder (default: ./<experiment>-lr-find)")
    return p


def lr_find_command(args: argparse.Namespace) -> int:
    from nnsim.training.lr_finder import LRFinder, range_problems

    problems = range_problems(args.start, args.end, args.steps)
    if problems:
        raise UsageError(*(f"--{name}: {message}" for name, message in problems))
    experiment = load_experiment_file(args.experiment)
    from nnsim.training.experiment.files import experiment_stem

    out = make_folder(Path(args.out or f"{experiment_stem(args.experiment)}-lr-find"))
    finder = LRFinder(experiment, start=args.start, end=args.end, steps=args.steps)
    tty = sys.stderr.isatty()

    def progress(point: RangePoint) -> None:
        if tty or point.step % 10 == 0 or point.step == args.steps:
            line = f"step {point.step}/{args.steps}  lr {point.lr:.3g}  loss {point.loss:.4f}"
            sys.stderr.write(f"\r{line}" if tty else f"{line}\n")

    result = finder.run(progress)
    if tty:
        sys.stderr.write("\n")
    with open(out / "lr_find.csv", "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(HEADER)
        writer.writerows(
            [step, repr(lr), repr(loss), repr(sm)] for step, lr, loss, sm in result.rows()
        )
    print(suggestions_text(result))
    sys.stderr.write(f"results in {out / 'lr_find.csv'}\n")
    return EXIT_OK


def suggestions_text(result: RangeTestResult) -> str:
    """The suggestions and what each means, for the terminal."""
    lines = [f"range test: {result.message}"]
    for s in result.suggestions:
        lines += [f"{s.title}: {s.lr:.3g}", f"  {s.explanation}"]
    if not result.suggestions:
        lines.append(
            "no suggestion: too few steps before the loss blew up; try a lower --start or "
            "more --steps"
        )
    return "\n".join(lines)
