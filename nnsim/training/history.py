"""A bounded, self-downsampling table of metrics: a million steps in a few megabytes.

Rows are appended one per recorded step. When the table is full, every second
row is dropped and from then on only every second row is kept (the stride
doubles), so the table always spans the whole run with at most ``capacity``
rows, evenly spaced in time, and the newest row is always kept.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np


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

    def table(self) -> np.ndarray:
        """A copy of every kept row, (rows, columns)."""
        rows = self._data[: self._size]
        if self._pending is not None:
            rows = np.vstack([rows, self._pending])
        return rows.copy()

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
