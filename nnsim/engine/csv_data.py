"""The user's own 2-D data as CSV: ``x1,x2,label`` with a header row.

A file that cannot be loaded raises one :class:`DataError` naming the file once and
listing every bad line (the first ten, then a count): a wrong column count, a
non-number, NaN/inf, a point outside [−6, 6]², an empty file, more than 100 000 rows,
or labels that are neither classes 0..K−1 nor regression targets.
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
from nnsim.engine.bounded_read import FileRefusedError, read_regular_file
from nnsim.engine.datasets import BOUND, MAX_CLASSES, MAX_SAMPLES, Dataset
from nnsim.engine.text import QT_TR_NOOP, Sentence

COLUMNS = ("x1", "x2", "label")


MAX_CSV_BYTES = 16 * 2**20  # 100 000 rows written by save_csv take about 4 MB
MAX_REPORTED = 10  # bad lines listed one by one, then counted


class DataError(ValueError):
    """A CSV file that cannot be loaded, with every problem found (up to a point).

    Attributes
    ----------
    path : str
        The file.
    problems : list of (line or None, message)
        Each problem with its line number where it has one.
    line : int or None
        The line of the first problem.

    ``str(err)`` names the file once, then :meth:`lines` (the first :data:`MAX_REPORTED`
    problems as ``"line 7: label must be a finite number, got 'x'"``, then ``"… and N more"``).
    """

    def __init__(
        self,
        message: str | list[tuple[int | None, str]],
        *,
        path: str | os.PathLike[str],
        line: int | None = None,
    ) -> None:
        self.path = os.fspath(path)
        self.problems = [(line, message)] if isinstance(message, str) else list(message)
        self.line = self.problems[0][0]
        lines = self.lines()
        text = lines[0] if len(lines) == 1 else "\n" + "\n".join(lines)
        super().__init__(f"{self.path}: {text}")

    def lines(self) -> list[str]:
        """The problems, one line each (at most :data:`MAX_REPORTED`, then a count)."""
        shown = [
            message if line is None else _at_line(line, message)
            for line, message in self.problems[:MAX_REPORTED]
        ]
        more = len(self.problems) - MAX_REPORTED
        rest = Sentence(QT_TR_NOOP("… and {count} more"), {"count": more})
        return shown + ([rest] if more > 0 else [])


def _at_line(line: int, message: str) -> str:
    return Sentence(QT_TR_NOOP("line {line}: {message}"), {"line": line, "message": message})


def _rows(path: Path, problems: list[tuple[int | None, str]]) -> Iterator[tuple[int, list[str]]]:
    """Yield ``(line number, stripped cells)`` of the non-blank rows of a CSV file (a
    malformed row ends the reading with a problem)."""
    try:
        text = read_regular_file(path, MAX_CSV_BYTES).decode("utf-8-sig")
    except FileRefusedError as err:
        raise DataError(str(err), path=path) from None
    except UnicodeDecodeError as err:
        raise DataError(Sentence(QT_TR_NOOP("not a UTF-8 text file")), path=path) from err
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        for row in reader:
            if row and (len(row) > 1 or row[0].strip()):
                yield reader.line_num, [cell.strip() for cell in row]
    except csv.Error as err:
        problems.append(
            (reader.line_num, Sentence(QT_TR_NOOP("malformed CSV: {error}"), {"error": str(err)}))
        )


def _number(cell: str) -> float | None:
    try:
        return float(cell)
    except ValueError:
        return None


def _columns(found: int) -> str:
    template = QT_TR_NOOP("expected 3 columns (x1,x2,label), found {count}")
    return Sentence(template, {"count": found})


def _row_problem(row: list[str]) -> tuple[str | None, tuple[float, float, float]]:
    """What is wrong with a data row, if anything, and its numbers."""
    if len(row) != 3:
        return _columns(len(row)), (0.0, 0.0, 0.0)
    numbers: list[float] = []
    for cell, column in zip(row, COLUMNS, strict=True):
        number = _number(cell)
        if number is None or not math.isfinite(number):
            template = QT_TR_NOOP("{column} must be a finite number, got {cell!r}")
            return Sentence(template, {"column": column, "cell": cell[:40]}), (0.0, 0.0, 0.0)
        numbers.append(number)
    a, b, c = numbers
    if not (abs(a) <= BOUND and abs(b) <= BOUND):
        template = QT_TR_NOOP("point ({a:g}, {b:g}) is outside the area [-{bound:g}, {bound:g}]²")
        return Sentence(template, {"a": a, "b": b, "bound": BOUND}), (a, b, c)
    return None, (a, b, c)


def load_csv(path: str | os.PathLike[str]) -> Dataset:
    """Load a user data set from a UTF-8 CSV file ``x1,x2,label`` with a header row.

    Rules: the first non-blank line is the header (any three names, but not three numbers);
    blank lines are skipped; 1..100 000 data rows; every value a finite number; points must be
    within [-6, 6]² (the area the views show), others are rejected. If any label is not an
    integer value, the file is a regression set and every target must be within [-1, 1].
    Otherwise labels are classes and must be 0..K-1 with every class present and
    2 <= K <= 10: K = 2 gives a binary set, K >= 3 a multiclass one. (So a regression file
    whose targets are all integers, e.g. only -1, 0 and 1, cannot be loaded.) The data set is
    named after the file stem. The file must be a regular file of at most 16 MB.

    Raises
    ------
    DataError
        A ValueError listing every bad line (``err.problems``), the file named once.
    OSError
        If the file cannot be read.
    """
    path = Path(path)
    problems: list[tuple[int | None, str]] = []
    values: list[tuple[float, float, float]] = []
    lines: list[int] = []
    header_line = None
    data_rows = 0
    for line, row in _rows(path, problems):
        if header_line is None:
            header_line = line
            if len(row) != 3:
                problems.append((line, _columns(len(row))))
            elif None not in map(_number, row):
                problems.append(
                    (
                        line,
                        Sentence(
                            QT_TR_NOOP("expected a header row such as 'x1,x2,label', found numbers")
                        ),
                    )
                )
            continue
        data_rows += 1
        if data_rows > MAX_SAMPLES:
            more = QT_TR_NOOP("more than {count} data rows")
            problems.append((line, Sentence(more, {"count": MAX_SAMPLES})))
            break
        problem, numbers = _row_problem(row)
        if problem is not None:
            problems.append((line, problem))
        else:
            values.append(numbers)
            lines.append(line)
    if header_line is None:
        empty = QT_TR_NOOP("file is empty; expected a header row 'x1,x2,label' and data")
        problems.append((None, Sentence(empty)))
    elif not values and not problems:
        problems.append((header_line, Sentence(QT_TR_NOOP("no data rows after the header"))))
    if values:
        table = np.array(values)
        problems += _label_problems(table[:, 2], lines, complete=not problems)
    if problems:
        problems.sort(key=lambda p: -1 if p[0] is None else p[0])
        raise DataError(problems, path=path)
    return _dataset(path, table[:, :2], table[:, 2])


def _is_regression(labels: np.ndarray) -> bool:
    return bool(np.any(labels != np.floor(labels)))


def _label_problems(
    labels: np.ndarray, lines: list[int], complete: bool
) -> list[tuple[int | None, str]]:
    """Bad labels, with their lines; ``complete``: every row is here, so missing classes and a
    single class are problems too."""
    if _is_regression(labels):
        outside = QT_TR_NOOP(
            "regression target {target:g} is outside [-1, 1] (the labels are regression "
            "targets because some are not integers)"
        )
        return [
            (lines[i], Sentence(outside, {"target": float(labels[i])}))
            for i in np.flatnonzero(np.abs(labels) > 1.0)
        ]
    rule = Sentence(
        QT_TR_NOOP("class labels must be integers 0..K-1, every class present, 2 <= K <= {k}"),
        {"k": MAX_CLASSES},
    )
    bad = np.flatnonzero((labels < 0) | (labels >= MAX_CLASSES))
    invalid = QT_TR_NOOP("invalid class label {label:g}: {rule}")
    if bad.size:
        return [(lines[i], Sentence(invalid, {"label": float(labels[i]), "rule": rule}))
                for i in bad]  # fmt: skip
    if not complete:
        return []
    y = labels.astype(np.int64)
    missing = np.flatnonzero(np.bincount(y) == 0)
    if missing.size:
        i = np.flatnonzero(y > missing[0])[0]
        gap = QT_TR_NOOP("class label {label} but no row has label {missing}: {rule}")
        values = {"label": int(y[i]), "missing": int(missing[0]), "rule": rule}
        return [(lines[i], Sentence(gap, values))]
    if y.max() < 1:
        return [(None, Sentence(QT_TR_NOOP("every row has label 0: {rule}"), {"rule": rule}))]
    return []


def _dataset(path: Path, x: np.ndarray, labels: np.ndarray) -> Dataset:
    if _is_regression(labels):
        return Dataset(x, labels, "regression", 1, path.stem)
    y = labels.astype(np.int64)
    k = int(y.max()) + 1
    return Dataset(x, y, "binary" if k == 2 else "multiclass", k, path.stem)


def describe_dataset(dataset: Dataset) -> str:
    """``"240 points (2 classes)"`` or ``"50 points (regression)"``."""
    kind = "regression" if dataset.kind == "regression" else f"{dataset.num_classes} classes"
    return f"{len(dataset)} points ({kind})"


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
