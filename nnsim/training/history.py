"""A bounded, self-downsampling table of metrics: a million steps in a few megabytes.

Rows are appended one per recorded step. When the table is full, every second
row is dropped and from then on only every second row is kept (the stride
doubles), so the table always spans the whole run with at most ``capacity``
rows, evenly spaced in time, and the newest row is always kept.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np


@dataclass(frozen=True, eq=False)
class HistoryMark:
    """Where a :class:`MetricHistory` stood (see :meth:`MetricHistory.mark`)."""

    size: int
    stride: int
    count: int
    pending: np.ndarray | None
    table: np.ndarray | None  # a copy of a full table (the next row makes it downsample)


class MetricHistory:
    """Named float columns with bounded memory.

    Parameters
    ----------
    columns
        Column names; ``append`` takes values in this order.
    capacity
        Maximum rows kept (even). Memory is ``capacity · len(columns) · 8`` bytes.
    """

    def __init__(self, columns: Sequence[str], capacity: int = 8192) -> None:
        if capacity < 2 or capacity % 2:
            raise ValueError(f"capacity must be an even number >= 2, got {capacity}")
        self.columns = tuple(columns)
        self.index = {name: i for i, name in enumerate(self.columns)}
        self.capacity = capacity
        self._data = np.full((capacity, len(self.columns)), np.nan)
        self._size = 0
        self._stride = 1
        self._count = 0  # rows offered; row n is kept when n % stride == 0
        self._pending: np.ndarray | None = None  # newest row not on the stride grid

    def __len__(self) -> int:
        return self._size + (self._pending is not None)

    @property
    def stride(self) -> int:
        """How many appended rows each kept row stands for."""
        return self._stride

    @property
    def nbytes(self) -> int:
        return self._data.nbytes

    def append(self, row: Sequence[float] | np.ndarray) -> None:
        """Add one row (a value per column)."""
        self._count += 1
        if not self._count % self._stride and self._size == self.capacity:
            half = self.capacity // 2  # kept rows are n = s, 2s, …; keep n = 2s, 4s, …
            self._data[:half] = self._data[1 : self.capacity : 2]
            self._data[half:] = np.nan
            self._size = half
            self._stride *= 2
        if self._count % self._stride:
            self._pending = np.array(row, dtype=np.float64)
            return
        self._pending = None
        self._data[self._size] = row
        self._size += 1

    def column(self, name: str) -> np.ndarray:
        """A copy of one column over the kept rows (plus the newest row)."""
        j = self.index[name]
        values = self._data[: self._size, j]
        if self._pending is not None:
            values = np.append(values, self._pending[j])
        return values.copy()

    def table(self, since: float | None = None) -> np.ndarray:
        """A copy of every kept row, (rows, columns); with ``since``, only those whose first
        column (the step, in nnsim's tables) is greater. Copying only those matters to the
        coach's checks: a full table is a megabyte, the last 2,000 steps a fraction of it."""
        rows = self._data[: self._size]
        if since is not None:
            rows = rows[np.searchsorted(rows[:, 0], since, side="right") :]
        if self._pending is not None and (since is None or self._pending[0] > since):
            return np.vstack([rows, self._pending])
        return rows.copy()

    def first(self) -> np.ndarray | None:
        """A copy of the oldest kept row, or None when empty."""
        if self._size:
            return self._data[0].copy()
        return None if self._pending is None else self._pending.copy()

    def last(self) -> dict[str, float] | None:
        """The newest row as a dict, or None when empty."""
        if self._pending is not None:
            row = self._pending
        elif self._size:
            row = self._data[self._size - 1]
        else:
            return None
        return {name: float(row[i]) for i, name in enumerate(self.columns)}

    def clear(self) -> None:
        self._data[:] = np.nan
        self._size, self._stride, self._count, self._pending = 0, 1, 0, None

    # -- saving and restoring ------------------------------------------------------------------
    def state_dict(self) -> dict[str, Any]:
        """Everything about the table as plain, picklable values (arrays copied)."""
        return {
            "columns": list(self.columns),
            "capacity": self.capacity,
            "rows": self._data[: self._size].copy(),
            "stride": self._stride,
            "count": self._count,
            "pending": None if self._pending is None else self._pending.copy(),
        }

    def load_state_dict(self, state: Mapping[str, Any]) -> None:
        """Become the table :meth:`state_dict` described (same columns and capacity)."""
        self._check(state)
        rows = np.asarray(state["rows"], dtype=np.float64).reshape(-1, len(self.columns))
        stride, count = int(state["stride"]), int(state["count"])
        if len(rows) > self.capacity or stride < 1 or count < 0:
            raise ValueError("a metric history state with impossible counts")
        pending = state["pending"]
        self._data[:] = np.nan
        self._data[: len(rows)] = rows
        self._size, self._stride, self._count = len(rows), stride, count
        self._pending = None if pending is None else np.array(pending, dtype=np.float64)

    def extend(self, state: Mapping[str, Any]) -> None:
        """Append the rows (kept and newest) of another table's :meth:`state_dict`."""
        self._check(state)
        for row in np.asarray(state["rows"], dtype=np.float64).reshape(-1, len(self.columns)):
            self.append(row)
        if state["pending"] is not None:
            self.append(state["pending"])

    def truncate(self, column: str, last: float) -> int:
        """Drop the rows whose ``column`` is above ``last`` (rows ascend in it, as "step"
        does); returns how many rows are left. Rows appended next continue the stride."""
        j = self.index[column]
        if self._pending is not None and self._pending[j] <= last:
            return len(self)
        keep = int(np.count_nonzero(self._data[: self._size, j] <= last))
        self._data[keep:] = np.nan
        self._size, self._count, self._pending = keep, keep * self._stride, None
        return keep

    def mark(self) -> HistoryMark:
        """Where the table stands now, for :meth:`rewind` (cheap unless the table is full)."""
        pending = self._pending
        return HistoryMark(
            self._size,
            self._stride,
            self._count,
            None if pending is None else pending.copy(),
            self._data.copy() if self._size == self.capacity else None,
        )

    def rewind(self, mark: HistoryMark) -> None:
        """Go back to ``mark``, dropping the rows appended since. Works back over at most one
        downsampling (the one a full table's next row makes) and no :meth:`clear`."""
        if mark.table is not None:
            self._data[...] = mark.table
        elif self._stride != mark.stride or self._count < mark.count:
            raise ValueError(
                "cannot rewind the metric history over a downsampling or a clear(); "
                "restore checkpoints one step back at a time"
            )
        else:
            self._data[mark.size :] = np.nan
        self._size, self._stride, self._count = mark.size, mark.stride, mark.count
        self._pending = None if mark.pending is None else mark.pending.copy()

    def _check(self, state: Mapping[str, Any]) -> None:
        if tuple(state["columns"]) != self.columns or int(state["capacity"]) != self.capacity:
            raise ValueError(
                f"a metric history state with other columns or capacity: {state['columns']}"
            )
