"""Experiment files: :func:`load_experiment` and :func:`save_experiment` (atomic)."""

from __future__ import annotations

import os
from typing import Final

from nnsim.engine.atomic import write_text_atomic
from nnsim.engine.bounded_read import FileRefusedError, read_regular_file
from nnsim.training.experiment.experiment import Experiment
from nnsim.training.experiment.specs import ExperimentError
from nnsim.training.validation import printable

__all__ = [
    "EXPERIMENT_SUFFIX",
    "MAX_FILE_BYTES",
    "experiment_stem",
    "load_experiment",
    "save_experiment",
]

MAX_FILE_BYTES: Final = 16 * 2**20
"""Larger than any experiment (100 000 points take about 5 MB), small enough to read safely."""

EXPERIMENT_SUFFIX: Final = ".nnsim.json"
"""The extension experiments are saved with (their MIME type, application/x-nnsim-experiment,
is packaging/nnsim-experiment.xml); any other name loads as well."""


def experiment_stem(path: str | os.PathLike[str]) -> str:
    """The file's name without :data:`EXPERIMENT_SUFFIX` or its last suffix: ``spiral`` for
    both ``spiral.nnsim.json`` and ``spiral.json`` (what the command line names its folders)."""
    name = os.path.basename(os.fspath(path))
    if name.endswith(EXPERIMENT_SUFFIX) and len(name) > len(EXPERIMENT_SUFFIX):
        return name[: -len(EXPERIMENT_SUFFIX)]
    stem, dot, _ = name.rpartition(".")
    return stem if dot and stem else name


def load_experiment(path: str | os.PathLike[str]) -> Experiment:
    """Read and check an experiment file.

    Raises
    ------
    ExperimentError
        If the file cannot be read, is not a regular file (a pipe, a device), is over
        :data:`MAX_FILE_BYTES`, is not UTF-8 JSON holding an object within the limits of
        :func:`~nnsim.training.experiment.json_text.parse_json`, or any value is invalid
        (every problem is listed; ``error.source`` is the path).
    """
    source = printable(os.fspath(path))  # a file name may hold a line break: one line each
    try:
        raw = read_regular_file(path, MAX_FILE_BYTES)
    except FileRefusedError as exc:
        raise ExperimentError([f"{source} {exc}"], source) from None
    except FileNotFoundError:
        raise ExperimentError([f"no such file: {source}"], source) from None
    except OSError as exc:
        raise ExperimentError([f"cannot read {source}: {exc.strerror or exc}"], source) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        message = f"{source} is not UTF-8 text (byte {exc.start} cannot be decoded)"
        raise ExperimentError([message], source) from None
    return Experiment.from_json(text, source)


def save_experiment(experiment: Experiment, path: str | os.PathLike[str]) -> None:
    """Check ``experiment`` and write it to ``path`` atomically.

    The JSON is written to a temporary file in the same directory, flushed to
    disk, then renamed over ``path``: a crash or error never leaves a half-written
    file, and an existing file keeps its permissions.

    Raises
    ------
    ExperimentError
        If the experiment is invalid (nothing is written).
    OSError
        If the file cannot be written (an existing file is left untouched).
    """
    experiment.validate()
    text = experiment.to_json()
    write_text_atomic(path, text)
