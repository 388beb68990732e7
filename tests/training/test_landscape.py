"""The loss landscape (nnsim.training.landscape): directions, the grid, the trajectory."""

from __future__ import annotations

import math

import numpy as np
import pytest

from nnsim.engine.network import Network
from nnsim.training.experiment import Experiment
from nnsim.training.landscape import (
    MAX_CHUNK,
    LandscapeError,
    LandscapeGrid,
    TrajectoryRecorder,
    flatten_state,
    network_at,
    pca_directions,
    project,
    random_directions,
)
from nnsim.training.trainer import Trainer


def experiment(
    layers=(8, 8), dataset="spiral", batch_norm=False, dropout=0.0, **training
) -> Experiment:
    d = Experiment.default().to_dict()
    d["data"]["dataset"] = dataset
    d["network"]["hidden_layers"] = [{"units": u, "activation": "tanh"} for u in layers]
    d["network"]["batch_norm"] = batch_norm
    d["network"]["dropout"] = dropout
    d["training"].update(training)
    return Experiment.from_dict(d)


def trained(steps=60, **kw) -> tuple[Trainer, TrajectoryRecorder]:
    trainer = Trainer(experiment(**kw))
    recorder = TrajectoryRecorder()
    recorder.record(0, trainer.network.theta)
    for _ in range(steps):
        trainer.step()
        recorder.record(trainer.steps_done, trainer.network.theta)
    return trainer, recorder


AXIS = np.linspace(-1.0, 1.0, 41)


@pytest.mark.parametrize(
    "kw",
    [
        {},  # 2-8-8-1 tanh, bce: the acceptance network
        {"dataset": "spiral3"},  # softmax, cross-entropy
        {"dataset": "plane"},  # regression, mse
        {"batch_norm": True},  # not stackable: point by point
        {"dropout": 0.2},
    ],
)
@pytest.mark.parametrize("kind", ["random", "pca"])
def test_the_grid_centre_is_the_trainers_training_loss_and_each_point_a_network_alone(kw, kind):
    trainer, recorder = trained(**kw)
    net = trainer.network
    if kind == "random":
        directions = random_directions(net, seed=3)
    else:
        directions = pca_directions(recorder.thetas(), net.theta)
    grid = LandscapeGrid(net, trainer.data, directions, AXIS, AXIS)
    loss = grid.run()
    assert loss.shape == (41, 41) and np.isfinite(loss).all()
    train_loss = trainer.evaluate().train_loss
    assert abs(loss[20, 20] - train_loss) <= 1e-12
    assert grid.centre_loss == pytest.approx(train_loss, abs=1e-12)
    alone = Network(  # a network of its own, loaded with θ + α·d₁ + β·d₂
        net.sizes[0], net.hidden, net.sizes[-1], net.layers[-1].activation.name, net.loss.name
    )
    alone.load_state(net.state())  # batch-norm's running statistics too
    rng = np.random.default_rng(0)
    for i, j in [(0, 0), (40, 40), (7, 33), *rng.integers(0, 41, (5, 2))]:
        alpha, beta = AXIS[j], AXIS[i]
        alone.theta[...] = net.theta + alpha * directions.d1 + beta * directions.d2
        pre, a = alone.evaluate(trainer.data.x_train)
        assert abs(loss[i, j] - alone.loss.value(pre, a, trainer.data.y_train)) <= 1e-12


def test_the_grid_is_computed_in_bounded_chunks_and_in_time_slices():
    trainer, _ = trained(steps=5)
    grid = LandscapeGrid(
        trainer.network,
        trainer.data,
        random_directions(trainer.network, 0),
        AXIS,
        AXIS,
        chunk_seconds=math.inf,  # (the chunk kept whatever this machine's speed)
    )
    assert 1 <= grid.chunk <= MAX_CHUNK and grid.chunk < grid.total
    assert np.isnan(grid.loss).all()
    grid.compute_chunk()
    assert grid.done_points == grid.chunk and not grid.done
    assert np.isfinite(grid.loss.reshape(-1)[: grid.chunk]).all()
    assert np.isnan(grid.loss.reshape(-1)[grid.chunk :]).all()
    assert not grid.run_for(0.0)  # one chunk, then the time is up
    assert grid.done_points == 2 * grid.chunk
    grid.run()
    assert grid.done and np.isfinite(grid.loss).all() and grid.seconds > 0


def test_a_chunk_that_takes_too_long_halves_the_next_ones_and_the_grid_is_the_same():
    """The chunk is bounded by time, not only by its arithmetic: on a machine too slow for
    the estimate, each chunk over chunk_seconds (CPU) halves the next, down to one point;
    quick ones double it again, up to the first size."""
    trainer, _ = trained(steps=5)
    directions = random_directions(trainer.network, 0)
    reference = LandscapeGrid(
        trainer.network, trainer.data, directions, AXIS, AXIS, chunk_seconds=math.inf
    )
    slow = LandscapeGrid(
        trainer.network, trainer.data, directions, AXIS, AXIS, chunk=16, chunk_seconds=0.0
    )  # fmt: skip  (every chunk "too long")
    sizes = []
    while not slow.done:
        sizes.append(slow.chunk)
        slow.compute_chunk()
        if len(sizes) == 6:  # ... and a machine fast again: back up to the first size
            slow.chunk_seconds = math.inf
    assert sizes[:12] == [16, 8, 4, 2, 1, 1, 1, 2, 4, 8, 16, 16] and slow.last_chunk_seconds > 0
    np.testing.assert_allclose(slow.loss, reference.run(), rtol=1e-12)


def test_random_directions_are_filter_normalised_with_biases_and_batch_norm_zeroed():
    trainer, _ = trained(steps=10, batch_norm=True)
    net = trainer.network
    directions = random_directions(net, seed=7)
    for d in (directions.d1, directions.d2):
        assert d.shape == net.theta.shape
        probe = Network(
            net.sizes[0], net.hidden, net.sizes[-1], net.layers[-1].activation.name, net.loss.name
        )
        probe.theta[...] = d
        for layer, direction in zip(net.layers, probe.layers, strict=True):
            np.testing.assert_allclose(
                np.linalg.norm(direction.W, axis=1), np.linalg.norm(layer.W, axis=1), rtol=1e-12
            )
            assert not direction.b.any()
            if layer.bn is not None:  # the hidden layers
                assert direction.bn is not None
                assert not direction.bn.gamma.any() and not direction.bn.beta.any()
        assert sum(layer.bn is not None for layer in net.layers) == 2
        assert not np.allclose(d[: net.n_weights], net.weights)  # a direction, not θ itself
    again = random_directions(net, seed=7)
    assert np.array_equal(again.d1, directions.d1)
    assert not np.array_equal(random_directions(net, seed=8).d1, directions.d1)


def test_pca_directions_are_orthonormal_and_explain_the_reported_variance():
    trainer, recorder = trained(steps=120)
    centre, path = trainer.network.theta, recorder.thetas()
    directions = pca_directions(path, centre)
    basis = directions.matrix
    np.testing.assert_allclose(basis.T @ basis, np.eye(2), atol=1e-12)
    coords = project(path, centre, directions)
    total = np.sum((path - centre) ** 2)
    explained = np.sum(coords**2, axis=0) / total
    np.testing.assert_allclose(explained, directions.explained, rtol=1e-9)
    assert directions.explained[0] >= directions.explained[1] > 0
    assert sum(directions.explained) <= 1 + 1e-12
    assert (coords[0] <= 0).all()  # the start lies at negative coordinates
    np.testing.assert_allclose(coords[-1], 0.0, atol=1e-12)  # the newest is the centre
    np.testing.assert_allclose(coords, (path - centre) @ basis, atol=1e-10)


def test_the_projection_onto_random_directions_recovers_points_in_their_plane():
    trainer, _ = trained(steps=5)
    net = trainer.network
    directions = random_directions(net, 1)
    points = np.array([net.theta + a * directions.d1 + b * directions.d2 for a, b in
                       [(0.3, -0.2), (-1.0, 0.5), (0.0, 0.0)]])  # fmt: skip
    coords = project(points, net.theta, directions)
    np.testing.assert_allclose(coords, [[0.3, -0.2], [-1.0, 0.5], [0.0, 0.0]], atol=1e-10)


def test_bad_states_say_why():
    trainer, recorder = trained(steps=1)
    with pytest.raises(LandscapeError, match="PCA directions need a trajectory"):
        pca_directions(recorder.thetas(), trainer.network.theta)  # two points only
    line = np.array([trainer.network.theta * s for s in (1.0, 2.0, 3.0)])
    with pytest.raises(LandscapeError, match="fewer than two directions"):
        pca_directions(line, trainer.network.theta)
    directions = random_directions(trainer.network, 0)
    net = trainer.network
    net.theta[0] = np.inf
    with pytest.raises(LandscapeError, match="not finite"):
        LandscapeGrid(net, trainer.data, directions, AXIS, AXIS)
    net.theta[...] = 1e308  # finite weights, an infinite loss: a run that blew up
    with pytest.raises(LandscapeError, match="diverged"):
        LandscapeGrid(net, trainer.data, directions, AXIS, AXIS)


def test_flatten_state_is_the_networks_theta_layout():
    for kw in ({}, {"batch_norm": True}):
        trainer, _ = trained(steps=3, **kw)
        net = trainer.network
        np.testing.assert_array_equal(flatten_state(net.state()), net.theta)
        again = network_at(trainer.experiment, net.state(), net.sizes[0])
        np.testing.assert_array_equal(again.theta, net.theta)


def test_the_recorder_is_bounded_evenly_thinned_and_keeps_the_newest():
    recorder = TrajectoryRecorder(capacity=16)
    for step in range(0, 1001):
        recorder.record(step, np.array([float(step), 1.0]))
    steps = recorder.steps()
    assert len(steps) <= 17 and steps[0] == 0 and steps[-1] == 1000
    gaps = np.diff(steps[:-1])
    assert (gaps == recorder.stride).all()  # evenly spaced, the newest besides
    np.testing.assert_array_equal(recorder.thetas()[:, 0], steps)


def test_the_recorder_starts_again_on_a_reset_or_another_network_and_skips_divergence():
    recorder = TrajectoryRecorder()
    for step in range(5):
        recorder.record(step, np.full(3, float(step)))
    recorder.record(4, np.full(3, 40.0))  # an edited weight at the same step
    assert recorder.thetas()[-1][0] == 40.0 and len(recorder) == 5
    recorder.record(5, np.array([np.nan, 0.0, 0.0]))
    assert len(recorder) == 5
    recorder.record(2, np.zeros(3))  # back to an earlier step: another run
    assert list(recorder.steps()) == [2]
    recorder.record(3, np.zeros(5))  # another architecture
    assert list(recorder.steps()) == [3] and recorder.thetas().shape == (1, 5)
    recorder.record(0, np.zeros(5))  # step 0: new weights
    assert list(recorder.steps()) == [0]
