"""Per-layer sums of squares (both forms of SegmentSquares: the same sums to rounding) and
the bias gradients' row sums."""

from __future__ import annotations

import itertools
import math

import numpy as np
import pytest

from nnsim.engine import layer_norms
from nnsim.engine.layer_norms import SegmentSquares, segment_squares
from nnsim.engine.network import LayerConfig, Network
from nnsim.engine.row_sums import row_sums


def direct(rows: np.ndarray, bounds: list[int]) -> np.ndarray:
    return np.array([[float(r[s:e] @ r[s:e]) for s, e in itertools.pairwise(bounds)] for r in rows])


@pytest.mark.parametrize("per_segment_from", [0, np.inf])  # one np.vecdot a segment; reduceat
@pytest.mark.parametrize("bounds", [[0, 24, 88, 96], [3, 4, 300, 301, 1000], [0, 5000]])
def test_both_forms_are_the_sums_of_squares(monkeypatch, per_segment_from, bounds):
    monkeypatch.setattr(layer_norms, "PER_SEGMENT_FROM", per_segment_from)
    rng = np.random.default_rng(0)
    rows = rng.normal(size=(3, bounds[-1] + 7)) * rng.lognormal(0, 3, size=(3, 1))
    squares = SegmentSquares(rows, bounds)
    for _ in range(2):  # each call sums what the rows hold then, into the same array
        got = squares()
        assert got is squares.out
        assert got == pytest.approx(direct(rows, bounds), rel=1e-14, abs=0)
        rows *= 1.5
    out = np.empty((3, len(bounds) - 1))
    assert segment_squares(rows, bounds, out) is out
    assert out == pytest.approx(direct(rows, bounds), rel=1e-14, abs=0)


@pytest.mark.parametrize("hidden", [[8, 8], [64, 64]])  # reduceat; one np.vecdot a segment
def test_update_norms_of_a_small_and_a_wide_net(hidden):
    net = Network(2, [LayerConfig(u, "tanh") for u in hidden], 1, seed=1)
    per_segment = bool(net._row_squares._pairs)
    assert per_segment == (hidden[0] == 64)
    rng = np.random.default_rng(2)
    net.train_pass(rng.normal(size=(10, 2)), (rng.random(10) > 0.5).astype(np.float64))
    before = net.theta.copy()
    net.keep_theta()
    net.theta -= 0.5 * net.grad
    squares = net.update_norms()
    bounds = [*net.weight_starts.tolist(), net.n_weights, net.theta.size]
    expected = direct(np.stack([net.grad, before, net.theta - before]), bounds)
    assert squares == pytest.approx(expected, rel=1e-14, abs=0)
    assert net.weight_grad_norms() == pytest.approx(np.sqrt(expected[0, :-1]), rel=1e-14)
    assert net.weight_norms() == pytest.approx(np.sqrt(direct(net.theta[None], bounds[:-1])[0]))


@pytest.mark.parametrize(("n", "u"), [(1, 1), (7, 1), (10, 8), (500, 8), (500, 64), (33, 5)])
def test_row_sums_are_the_column_sums_and_a_blocks_bits_are_the_arrays(n, u):
    rng = np.random.default_rng(n * u)
    blocks = rng.normal(size=(3, n, u))
    together = row_sums(blocks)
    for k, block in enumerate(blocks):
        alone = row_sums(np.ascontiguousarray(block))
        assert np.array_equal(together[k], alone)  # the step sums all layers at once
        exact = [math.fsum(block[:, j]) for j in range(u)]
        assert alone == pytest.approx(exact, rel=1e-13, abs=1e-13)
    out = np.empty(u)
    assert row_sums(blocks[0], out) is out
