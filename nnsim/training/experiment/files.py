"""Experiment files: :func:`load_experiment` and :func:`save_experiment` (atomic)."""

from __future__ import annotations

import os
from typing import Final

from nnsim.engine.atomic import write_text_atomic
from nnsim.training.experiment.experiment import Experiment
from nnsim.training.experiment.specs import ExperimentError

__all__ = ["MAX_FILE_BYTES", "load_experiment", "save_experiment"]

MAX_FILE_BYTES: Final = 64 * 2**20


def load_experiment(path: str | os.PathLike[str]) -> Experiment:
    """Read and check an experiment file.

    Raises
    ------
    ExperimentError
        If the file cannot be read, is not UTF-8 JSON holding an object, or any
        value is invalid (every problem is listed; ``error.source`` is the path).
    """
    source = os.fspath(path)
    try:
        with open(source, "rb") as f:
            size = os.fstat(f.fileno()).st_size
            if size > MAX_FILE_BYTES:
                limit = MAX_FILE_BYTES // 2**20
                message = (
                    f"{source} is too large for an experiment file ({size} bytes, max {limit} MB)"
                )
                raise ExperimentError([message], source)
            raw = f.read()
    except FileNotFoundError:
        raise ExperimentError([f"no such file: {source}"], source) from None
    except IsADirectoryError:
        raise ExperimentError(
            [f"{source} is a directory, not an experiment file"], source
        ) from None
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
