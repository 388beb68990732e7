"""Custom points are read as one NumPy table when they are plain numbers (100,000 points a
click in the window), and row by row, naming each bad row, when they are not."""

from __future__ import annotations

import numpy as np
import pytest

from nnsim.training.experiment.parsing import _checked_table, _plain_table


def test_plain_rows_make_the_same_table_as_the_row_by_row_reading():
    rows = [[0.5, -1.25, 1], [2.0, 3, 0], [-6.0, 6.0, 2.0]]
    bad: list = []
    expected = _checked_table(rows, bad)
    assert not bad
    np.testing.assert_array_equal(_plain_table(rows), expected)


@pytest.mark.parametrize(
    "row",
    [[1.0, 2.0], [1.0, 2.0, 1, 4.0], (1.0, 2.0, 1), [1.0, True, 0], [1.0, "2", 0],
     [1.0, 2**53 + 1, 0], [1.0, 2**60, 0], [1.0, 10**400, 0], [1.0, None, 0]],
)  # fmt: skip
def test_anything_else_is_left_to_the_row_by_row_reading(row):
    rows = [[0.0, 0.0, 1], row]
    assert _plain_table(rows) is None
    bad: list = []
    _checked_table(rows, bad)
    assert [i for i, _ in bad] == [1]
