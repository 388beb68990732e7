"""The per-layer summary of gradient magnitudes the gradient panel draws as one box a layer."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from nnsim.training.gradient_summary import MAX_SAMPLES, QUANTILES, magnitude_summary


def test_quantiles_are_the_nearest_rank_percentiles_of_the_magnitudes_then_the_largest():
    values = -np.arange(1.0, 102.0).reshape(1, 101)  # |values| = 1 … 101, signs do not matter
    summary = magnitude_summary(values)
    assert QUANTILES == (0.05, 0.25, 0.5, 0.75, 0.95, 1.0)
    np.testing.assert_array_equal(summary.magnitudes, [6, 26, 51, 76, 96, 101])
    assert summary.zero_share == 0.0


def test_zeros_are_counted_apart_and_left_out_of_the_percentiles():
    values = np.array([[0.0, 0.0, 0.0, 2.0], [0.0, -4.0, 0.0, 0.0]])
    summary = magnitude_summary(values)
    assert summary.zero_share == pytest.approx(0.75)
    np.testing.assert_array_equal(summary.magnitudes, [2, 2, 2, 4, 4, 4])


def test_a_layer_of_zeros_has_no_magnitudes_and_a_zero_share_of_one():
    summary = magnitude_summary(np.zeros((3, 5)))
    assert summary.magnitudes is None
    assert summary.zero_share == 1.0


def test_non_finite_entries_are_ignored_as_if_absent():
    values = np.array([np.nan, np.inf, -np.inf, 0.0, 3.0, -1.0, np.nan, 0.0])
    summary = magnitude_summary(values)
    assert summary.zero_share == pytest.approx(0.5)  # 2 zeros among the 4 finite entries
    np.testing.assert_array_equal(summary.magnitudes, [1, 1, 1, 3, 3, 3])
    nothing = magnitude_summary(np.array([np.nan, np.inf]))
    assert nothing.magnitudes is None and nothing.zero_share == 0.0
    empty = magnitude_summary(np.zeros((0, 4)))
    assert empty.magnitudes is None and empty.zero_share == 0.0


def test_a_big_layer_is_sampled_every_kth_entry_but_its_largest_is_exact():
    n = 3 * MAX_SAMPLES  # every 3rd non-zero entry is used for the percentiles
    values = np.full(n, 2.0)
    values[::3] = 1.0  # the sampled entries
    values[1] = 50.0  # not sampled, yet the largest
    summary = magnitude_summary(values)
    np.testing.assert_array_equal(summary.magnitudes, [1, 1, 1, 1, 1, 50])
    # just at the limit every entry counts
    small = np.full(MAX_SAMPLES, 2.0)
    small[::3] = 1.0
    assert magnitude_summary(small).magnitudes[2] == 2.0


def test_sampled_percentiles_of_a_big_layer_stay_close_to_the_exact_ones():
    rng = np.random.default_rng(7)
    values = rng.lognormal(mean=-6, sigma=2, size=(300, 400))  # 120 000 entries over decades
    summary = magnitude_summary(values)
    exact = np.quantile(values, QUANTILES[:-1])
    # drawn on a log axis: within a fifth of a decade (about two standard errors at p5)
    np.testing.assert_allclose(np.log10(summary.magnitudes[:-1]), np.log10(exact), atol=0.2)
    assert summary.magnitudes[-1] == values.max()


@given(arrays(np.float64, st.integers(1, 300), elements=st.floats(allow_nan=True, width=64)))
def test_magnitudes_rise_and_lie_among_the_non_zero_finite_magnitudes(values):
    summary = magnitude_summary(values)
    finite = np.abs(values[np.isfinite(values)])
    nonzero = finite[finite > 0]
    assert 0.0 <= summary.zero_share <= 1.0
    if not nonzero.size:
        assert summary.magnitudes is None
        return
    m = summary.magnitudes
    assert m.shape == (len(QUANTILES),)
    assert np.all(np.diff(m) >= 0)
    assert m[0] >= nonzero.min() and m[-1] == nonzero.max()
    assert np.isin(m, nonzero).all()  # nearest rank: every value is one of the entries
