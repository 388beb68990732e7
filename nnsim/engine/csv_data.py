"""The user's own 2-D data as CSV: ``x1,x2,label`` with a header row.

Every problem is a :class:`DataError` naming the file and the line: a wrong column
count, a non-number, NaN/inf, a point outside [−6, 6]², an empty file, more than
100 000 rows, or labels that are neither classes 0..K−1 nor regression targets.
"""

from __future__ import annotations

import csv
import io
import math
import os
from collections.abc import Iterator
from pathlib import Path

import numpy as np

from nnsim.engine.atomic import write_text_atomic
from nnsim.engine.datasets import BOUND, MAX_CLASSES, MAX_SAMPLES, Dataset

COLUMNS = ("x1", "x2", "label")


class DataError(ValueError):
    """A CSV file that cannot be loaded; ``str(err)`` names the file and, if known, the line."""

    def __init__(self, message: str, *, path: str | os.PathLike[str], line: int | None = None):
        self.path, self.line = os.fspath(path), line
        super().__init__(f"{self.path}{'' if line is None else f', line {line}'}: {message}")


def _rows(path: Path) -> Iterator[tuple[int, list[str]]]:
    """Yield ``(line number, stripped cells)`` of the non-blank rows of a CSV file."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as f:
            reader = csv.reader(f, strict=True)
            try:
                for row in reader:
                    if row and (len(row) > 1 or row[0].strip()):
                        yield reader.line_num, [cell.strip() for cell in row]
            except csv.Error as err:
                raise DataError(f"malformed CSV: {err}", path=path, line=reader.line_num) from err
    except UnicodeDecodeError as err:
        raise DataError("not a UTF-8 text file", path=path) from err


def _number(cell: str) -> float | None:
    try:
        return float(cell)
    except ValueError:
        return None


def load_csv(path: str | os.PathLike[str]) -> Dataset:
    """Load a user data set from a UTF-8 CSV file ``x1,x2,label`` with a header row.

    Rules: the first non-blank line is the header (any three names, but not three numbers);
    blank lines are skipped; 1..100 000 data rows; every value a finite number; points must be
    within [-6, 6]² (the area the views show), others are rejected. If any label is not an
    integer value, the file is a regression set and every target must be within [-1, 1].
    Otherwise labels are classes and must be 0..K-1 with every class present and
    2 <= K <= 10: K = 2 gives a binary set, K >= 3 a multiclass one. (So a regression file
    whose targets are all integers, e.g. only -1, 0 and 1, cannot be loaded.) The data set is
    named after the file stem.

    Raises
    ------
    DataError
        A ValueError whose message names the file and, where it applies, the line.
    OSError
        If the file cannot be read.
    """
    path = Path(path)
    values: list[tuple[float, float, float]] = []
    lines: list[int] = []
    header_line = None
    for line, row in _rows(path):
        if len(row) != 3:
            msg = f"expected 3 columns (x1,x2,label), found {len(row)}"
            raise DataError(msg, path=path, line=line)
        numbers = [_number(cell) for cell in row]
        if header_line is None:
            if None not in numbers:
                msg = "expected a header row such as 'x1,x2,label', found numbers"
                raise DataError(msg, path=path, line=line)
            header_line = line
            continue
        if len(values) == MAX_SAMPLES:
            raise DataError(f"more than {MAX_SAMPLES} data rows", path=path, line=line)
        for cell, number, column in zip(row, numbers, COLUMNS, strict=True):
            if number is None or not math.isfinite(number):
                msg = f"{column} must be a finite number, got {cell!r}"
                raise DataError(msg, path=path, line=line)
        a, b, c = numbers
        if not (abs(a) <= BOUND and abs(b) <= BOUND):
            msg = f"point ({a:g}, {b:g}) is outside the area [-{BOUND:g}, {BOUND:g}]²"
            raise DataError(msg, path=path, line=line)
        values.append((a, b, c))
        lines.append(line)
    if header_line is None:
        raise DataError("file is empty; expected a header row 'x1,x2,label' and data", path=path)
    if not values:
        raise DataError("no data rows after the header", path=path, line=header_line)
    table = np.array(values)
    return _dataset_from_table(path, table[:, :2], table[:, 2], lines)


def _dataset_from_table(path: Path, x: np.ndarray, labels: np.ndarray, lines: list[int]) -> Dataset:
    if np.any(labels != np.floor(labels)):
        bad = np.flatnonzero(np.abs(labels) > 1.0)
        if bad.size:
            msg = f"regression target {labels[bad[0]]:g} is outside [-1, 1] (the labels are "
            msg += "regression targets because some are not integers)"
            raise DataError(msg, path=path, line=lines[bad[0]])
        return Dataset(x, labels, "regression", 1, path.stem)
    rule = f"class labels must be integers 0..K-1, every class present, 2 <= K <= {MAX_CLASSES}"
    bad = np.flatnonzero((labels < 0) | (labels >= MAX_CLASSES))
    if bad.size:
        msg = f"invalid class label {labels[bad[0]]:g}: {rule}"
        raise DataError(msg, path=path, line=lines[bad[0]])
    y = labels.astype(np.int64)
    missing = np.flatnonzero(np.bincount(y) == 0)
    if missing.size:
        i = np.flatnonzero(y > missing[0])[0]
        msg = f"class label {y[i]} but no row has label {missing[0]}: {rule}"
        raise DataError(msg, path=path, line=lines[i])
    k = int(y.max()) + 1
    if k < 2:
        raise DataError(f"every row has label 0: {rule}", path=path)
    return Dataset(x, y, "binary" if k == 2 else "multiclass", k, path.stem)


def save_csv(path: str | os.PathLike[str], dataset: Dataset) -> None:
    """Write ``dataset`` as ``x1,x2,label`` CSV that :func:`load_csv` reads back exactly.

    The write is atomic: a temporary file in the same directory is then ``os.replace``-d into
    place, so a crash never leaves a half-written file; an existing file's permissions are
    kept. Caveat: regression targets that are all integers (e.g. only -1, 0, 1) read back as
    classes, or are rejected.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    # Python floats are written with repr(), which reads back bit-exactly.
    writer.writerows(zip(*dataset.x.T.tolist(), dataset.y.tolist(), strict=True))
    write_text_atomic(path, buffer.getvalue())
