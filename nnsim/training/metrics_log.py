"""The ``metrics.csv`` columns (one place: ``nnsim run`` and the window's export share them)
and :class:`MetricsLog`, which keeps every step of the window's run on disk for
File ▸ Export ▸ Metrics CSV (the snapshots' history is bounded and thinned)."""

from __future__ import annotations

import contextlib
import csv
import itertools
import math
import os
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from nnsim.training.protocol import MetricsExported
from nnsim.training.results import Evaluation, StepResult

if TYPE_CHECKING:
    from typing import TextIO

BLOCK_ROWS = 1024  # results kept in memory before they go to disk as one block
_FIXED = 5  # step, epoch, lr, batch_loss, has_evaluation; then the grad norms and 4 more


def metrics_header(depth: int) -> list[str]:
    """The columns of ``metrics.csv`` for a network of ``depth`` weight layers."""
    header = ["step", "epoch", "lr", "batch_loss", *(f"grad_norm_{k}" for k in range(1, depth + 1))]
    return [*header, "train_loss", "test_loss", "train_accuracy", "test_accuracy"]


def metrics_lines(results: Iterable[StepResult]) -> str:
    """The rows of ``metrics.csv`` for ``results``, as text (CSV's ``\\r\\n`` line ends):
    every float as ``repr`` writes it, the evaluation columns empty between evaluations.
    One string for a whole block: formatting rows one by one through ``csv.writer`` cost
    a tenth of a small network's step (no cell needs quoting: numbers and empty ones)."""
    lines = []
    for r in results:
        ev = r.evaluation
        grads = ",".join(map(repr, r.grad_norms.tolist()))  # floats, as repr(float(g))
        if ev is None:
            lines.append(f"{r.step},{r.epoch},{r.lr!r},{r.loss!r},{grads},,,,\r\n")
        else:
            tail = f"{ev.train_loss!r},{ev.test_loss!r},{accuracy_text(ev.train_accuracy)}"
            tail += f",{accuracy_text(ev.test_accuracy)}"
            lines.append(f"{r.step},{r.epoch},{r.lr!r},{r.loss!r},{grads},{tail}\r\n")
    return "".join(lines)


def accuracy_text(value: float) -> str:
    """An accuracy for a CSV cell: empty when there is none (regression: NaN)."""
    return "" if math.isnan(value) else repr(value)


class MetricsFile:
    """``metrics.csv`` in the folder ``out``, written in blocks of ``BLOCK_ROWS`` rows (and
    the rest on :meth:`close`)."""

    def __init__(self, out: Path, depth: int) -> None:
        self._file = open(out / "metrics.csv", "w", newline="", encoding="utf-8")  # noqa: SIM115
        csv.writer(self._file).writerow(metrics_header(depth))
        self._block: list[StepResult] = []

    def write(self, result: StepResult) -> None:
        """One step's row."""
        self._block.append(result)
        if len(self._block) >= BLOCK_ROWS:
            self._flush()

    def _flush(self) -> None:
        self._file.write(metrics_lines(self._block))
        self._block = []

    def close(self) -> None:
        if not self._file.closed:
            try:
                self._flush()
            finally:
                self._file.close()


class MetricsLog:
    """Every step of one run, as ``metrics.csv`` has it, kept in a temporary file.

    :meth:`record` only keeps the result; every ``BLOCK_ROWS`` results go to disk as one
    block of float64 numbers (cheap: formatting a CSV row costs more than a tenth of a small
    network's step), so memory stays bounded however long the run. :meth:`export` writes the
    CSV, each block through :func:`metrics_lines`, exactly as ``nnsim run`` does.
    """

    def __init__(self) -> None:
        self._file = tempfile.TemporaryFile(prefix="nnsim-metrics-")  # noqa: SIM115
        self._block: list[StepResult] = []
        self._on_disk = 0
        self.depth = 0  # the first result sets it

    @property
    def rows(self) -> int:
        """Steps recorded since the run began (or the last :meth:`clear`)."""
        return self._on_disk + len(self._block)

    @property
    def in_memory(self) -> int:
        """Steps kept in memory, not yet on disk (fewer than ``BLOCK_ROWS``)."""
        return len(self._block)

    def clear(self) -> None:
        """A new run: nothing recorded (the file is kept, emptied)."""
        self._block = []
        self._on_disk = 0
        self._file.seek(0)
        self._file.truncate()

    def record(self, result: StepResult) -> None:
        """One step's result (a diverged one too: ``nnsim run`` writes it). A result of
        another depth than those before starts again (its columns differ)."""
        if len(result.grad_norms) != self.depth:
            self.clear()
            self.depth = len(result.grad_norms)
        self._block.append(result)
        if len(self._block) >= BLOCK_ROWS:
            self._flush()

    def _flush(self) -> None:
        block, depth = self._block, self.depth
        if not block:
            return
        fields = list(zip(*block, strict=False))  # StepResult's fields, as columns
        table = np.full((len(block), _FIXED + depth + 4), np.nan)
        for column in range(4):  # step, epoch, lr, loss
            table[:, column] = fields[column]
        table[:, _FIXED : _FIXED + depth] = np.concatenate(fields[5]).reshape(-1, depth)
        table[:, 4] = [ev is not None for ev in fields[8]]
        for i, ev in enumerate(fields[8]):
            if ev is not None:
                table[i, _FIXED + depth :] = (
                    ev.train_loss, ev.test_loss, ev.train_accuracy, ev.test_accuracy
                )  # fmt: skip
        self._file.seek(0, os.SEEK_END)
        self._file.write(table.tobytes())
        self._on_disk += len(block)
        self._block = []

    def results(self) -> Iterator[StepResult]:
        """The recorded steps, oldest first, rebuilt from the file (read in blocks)."""
        self._flush()
        depth, width = self.depth, _FIXED + self.depth + 4
        self._file.seek(0)
        nan = np.full(depth, np.nan)
        while data := self._file.read(BLOCK_ROWS * width * 8):
            for row in np.frombuffer(data).reshape(-1, width):
                step, epoch, lr, loss, has_eval = row[:_FIXED].tolist()
                ev = None
                if has_eval:
                    ev = Evaluation(int(step), *row[_FIXED + depth :].tolist())
                grads = row[_FIXED : _FIXED + depth].copy()
                yield StepResult(int(step), int(epoch), lr, loss, 0.0, grads, nan, nan, ev)
        self._file.seek(0, os.SEEK_END)

    def export(self, path: str | os.PathLike[str]) -> int:
        """Write the recorded steps to ``path`` as ``metrics.csv``; the number of rows.
        Written beside ``path`` and renamed over it: an error leaves no half file (and an
        existing one untouched). ``OSError`` if it cannot be written."""
        target = Path(path)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
        try:
            with os.fdopen(fd, "w", newline="", encoding="utf-8") as f:
                rows = self._write_csv(f)
            os.chmod(tmp, 0o644)
            os.replace(tmp, target)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
        return rows

    def _write_csv(self, f: TextIO) -> int:
        csv.writer(f).writerow(metrics_header(self.depth))
        rows = 0
        results = self.results()
        while block := list(itertools.islice(results, BLOCK_ROWS)):
            f.write(metrics_lines(block))
            rows += len(block)
        return rows

    def close(self) -> None:
        self._file.close()


def export_metrics(log: MetricsLog, path: str) -> MetricsExported:
    """Write ``log`` to ``path``; the reply that says how many rows, or why none."""
    if not log.rows:
        return MetricsExported(path, 0, "Nothing to export yet: train a step first")
    try:
        rows = log.export(path)
    except OSError as err:
        return MetricsExported(path, 0, f"Could not write {path}: {err.strerror or err}")
    return MetricsExported(path, rows, "")
