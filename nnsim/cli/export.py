"""``nnsim export EXP.json --to numpy|pytorch [--steps N | --epochs N] [-o FILE]``: a readable,
runnable Python script that trains the experiment as nnsim does (see
:mod:`nnsim.training.export`), and its data file beside it."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from nnsim.cli.common import EXIT_OK, UsageError, check_at_least_one, load_experiment_file


def make_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="nnsim export",
        description="Write a Python script (NumPy only, or PyTorch) that trains the experiment "
        "for the same steps from the same initial weights and data as nnsim, and saves "
        "weights_final.npz as 'nnsim run' does. Its data go beside it, in FILE.data.npz.",
    )
    p.add_argument("experiment", help="the experiment file (.json)")
    p.add_argument("--to", required=True, choices=("numpy", "pytorch"), help="the script's library")
    length = p.add_mutually_exclusive_group()
    length.add_argument("--steps", type=int, help="mini-batch steps to train (default 1000)")
    length.add_argument("--epochs", type=int, help="passes over the training set to train")
    p.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="the script to write (default: ./<experiment>_<numpy|pytorch>.py)",
    )
    return p


def default_script_name(experiment: str, to: str) -> str:
    """``spiral.json`` → ``spiral_numpy.py`` (a name Python can also import)."""
    stem = Path(experiment).stem.replace("-", "_").replace(" ", "_") or "experiment"
    return f"{stem}_{to}.py"


def export_command(args: argparse.Namespace) -> int:
    from nnsim.training.export import ExportError, data_file_for, export_script, total_steps

    experiment = load_experiment_file(args.experiment)
    check_at_least_one({"steps": args.steps, "epochs": args.epochs})
    script = Path(args.output or default_script_name(args.experiment, args.to))
    if script.suffix != ".py":
        raise UsageError(f"-o {script}: the script's name must end in .py")
    if script.is_dir():
        raise UsageError(f"-o {script}: is a folder; give the script's file name")
    steps = total_steps(experiment, args.steps, args.epochs)
    try:
        script, data = export_script(experiment, args.to, steps, script, Path(args.experiment).stem)
    except ExportError as err:
        raise UsageError(f"{args.experiment}: {err}") from None
    except OSError as err:
        target = data_file_for(script)
        problem = f"-o {script}: cannot write it or {target.name}: {err.strerror or err}"
        raise UsageError(problem) from None
    sys.stderr.write(
        f"wrote {script} and {data.name} ({steps} steps); run it with: python {script}\n"
    )
    return EXIT_OK
