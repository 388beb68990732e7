"""EpochBatches gives the batches of its first definition: each pass ``rng.permutation(n)``,
then the rows ``x_train[order][start:end]`` of ``batch_bounds``, whatever way it computes them;
and a state round trip goes on with exactly those batches."""

from __future__ import annotations

import numpy as np
import pytest

from nnsim.training.batches import EpochBatches
from nnsim.training.data import batch_bounds, build_data
from nnsim.training.experiment import Experiment


def data_for(dataset: str, samples: int):
    d = Experiment.default().to_dict()
    d["data"].update(dataset=dataset, samples=samples)
    return build_data(Experiment.from_dict(d))


def reference_batches(data, batch_size, seed: int, passes: int):
    """The batches as EpochBatches first took them: permutation, then fancy indexing."""
    rng = np.random.default_rng(seed)
    bounds = batch_bounds(len(data.train), batch_size)
    for _ in range(passes):
        order = rng.permutation(len(data.train))
        x, y = data.x_train[order], data.y_train[order]
        for start, end in bounds:
            yield x[start:end], y[start:end]


CASES = [  # binary (float 0/1), multiclass (int labels), regression ((n, 1) float targets)
    ("xor", 200, 10),
    ("xor", 200, "all"),
    ("xor", 42, 10),  # 21 training points: a last batch of one merges into the one before
    ("blobs4", 300, 32),
    ("plane", 200, 7),
]


@pytest.mark.parametrize(("dataset", "samples", "batch_size"), CASES)
def test_batches_are_the_permutation_gathered(dataset, samples, batch_size):
    data = data_for(dataset, samples)
    batches = EpochBatches(data, batch_size, np.random.default_rng(7))
    passes = 3
    for want_x, want_y in reference_batches(data, batch_size, 7, passes):
        x, y = batches.next()
        assert x.dtype == want_x.dtype and y.dtype == want_y.dtype
        assert np.array_equal(x, want_x) and np.array_equal(y, want_y)


@pytest.mark.parametrize(("dataset", "samples", "batch_size"), CASES)
def test_a_state_round_trip_goes_on_with_the_same_batches(dataset, samples, batch_size):
    data = data_for(dataset, samples)
    steps = len(batch_bounds(len(data.train), batch_size))
    for taken in (0, 1, steps - 1, steps, steps + 1):  # before, in and at the end of a pass
        first = EpochBatches(data, batch_size, np.random.default_rng(3))
        for _ in range(taken):
            first.next()
        resumed = EpochBatches(data, batch_size, np.random.default_rng(99))
        resumed.load_state_dict(first.state_dict())
        for _ in range(2 * steps + 1):
            (x1, y1), (x2, y2) = first.next(), resumed.next()
            assert np.array_equal(x1, x2) and np.array_equal(y1, y2)
        assert np.array_equal(first.order, resumed.order)


def test_a_batch_outlives_its_pass():
    data = data_for("xor", 40)
    batches = EpochBatches(data, "all", np.random.default_rng(0))
    x, _ = batches.next()
    kept = x.copy()
    batches.next()  # a new pass
    assert np.array_equal(x, kept)
