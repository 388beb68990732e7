"""What every headless command shares: exit codes, :class:`UsageError`, reading the
experiment file and making the output folder."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from nnsim.training.validation import printable

__all__ = ["EXIT_BAD_INPUT", "EXIT_DIVERGED", "EXIT_OK", "UsageError", "check_at_least_one",
           "load_experiment_file", "make_folder", "printable"]  # fmt: skip

if TYPE_CHECKING:
    from nnsim.training.experiment import Experiment

EXIT_OK, EXIT_BAD_INPUT, EXIT_DIVERGED = 0, 2, 3


class UsageError(Exception):
    """A problem with the command line or its input files (exit code 2)."""


def load_experiment_file(path: str) -> Experiment:
    """The experiment in ``path``; :class:`UsageError` with every problem if it is bad."""
    from nnsim.training.experiment import ExperimentError, load_experiment

    try:
        return load_experiment(path)
    except ExperimentError as err:
        raise UsageError(*err.problems) from None
    except OSError as err:
        raise UsageError(f"{printable(path)}: cannot read: {err.strerror or err}") from None


def check_at_least_one(options: dict[str, int | None]) -> None:
    """:class:`UsageError` naming each ``--option`` given a value < 1."""
    bad = [
        f"--{name.replace('_', '-')}: must be >= 1, got {value}"
        for name, value in options.items()
        if value is not None and value < 1
    ]
    if bad:
        raise UsageError(*bad)


def make_folder(out: Path) -> Path:
    """Create ``out`` (and its parents) and check that files can be written in it;
    :class:`UsageError` if that is impossible (a read-only folder, a file of that name)."""
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise UsageError(f"--out {out}: cannot create the folder: {err.strerror or err}") from None
    try:
        with tempfile.TemporaryFile(dir=out, prefix=".nnsim-probe-"):
            pass
    except OSError as err:
        why = err.strerror or err
        raise UsageError(f"--out {out}: cannot write in the folder: {why}") from None
    return out
