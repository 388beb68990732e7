"""The training step's pass (preallocated arrays) is the same arithmetic as forward/backward."""

from __future__ import annotations

import numpy as np
import pytest

from nnsim.engine.network import LayerConfig, Network

CONFIGS = {
    "tanh bce": ([LayerConfig(8, "tanh"), LayerConfig(8, "tanh")], 1, "sigmoid", "bce"),
    "sigmoid deep": ([LayerConfig(5, "sigmoid")] * 4, 1, "sigmoid", "bce"),
    "one-unit layers": ([LayerConfig(1, "tanh")] * 3, 1, "sigmoid", "bce"),
    "relu softmax": (
        [LayerConfig(6, "relu"), LayerConfig(4, "elu")],
        3,
        "softmax",
        "cross_entropy",
    ),
    "gelu mse": ([LayerConfig(4, "gelu"), LayerConfig(3, "linear")], 2, "linear", "mse"),
    "batch norm, dropout": (
        [LayerConfig(6, "tanh", batch_norm=True), LayerConfig(5, "leaky_relu", dropout=0.3)],
        1,
        "sigmoid",
        "bce",
    ),
}


def targets(rng: np.random.Generator, n: int, n_out: int, loss: str) -> np.ndarray:
    if loss == "cross_entropy":
        return rng.integers(0, n_out, size=n)
    if loss == "mse":
        return rng.normal(size=(n, n_out))
    return (rng.random(n) > 0.5).astype(np.float64)


def allocating_pass(net: Network, x: np.ndarray, y: np.ndarray) -> float:
    net.forward(x, train=True)
    loss = net.loss_value(y)
    net.backward(y)
    return loss


@pytest.mark.parametrize("name", sorted(CONFIGS))
def test_train_pass_is_bit_identical_to_forward_loss_backward(name):
    hidden, n_out, out_act, loss = CONFIGS[name]
    a = Network(2, hidden, n_out, out_act, loss, seed=3)
    b = Network(2, hidden, n_out, out_act, loss, seed=3)
    rng = np.random.default_rng(0)
    for n in (10, 7, 10, 12, 7, 300):  # batch sizes alternate: one set of arrays per size
        x, y = rng.normal(size=(n, 2)), targets(rng, n, n_out, loss)
        assert a.train_pass(x, y) == allocating_pass(b, x, y)
        assert np.array_equal(a.grad, b.grad)
        for k in range(1, a.depth + 1):
            for key, value in a.cached(k).items():
                assert np.array_equal(value, b.cached(k)[key]), (k, key)
        a.theta -= 0.1 * a.grad  # move on, identically
        b.theta -= 0.1 * b.grad


def test_train_pass_reuses_its_arrays_and_leaves_other_results_alone():
    net = Network(2, [LayerConfig(8, "tanh"), LayerConfig(8, "tanh")], 1, "sigmoid", "bce")
    rng = np.random.default_rng(1)
    x, y = rng.normal(size=(10, 2)), (rng.random(10) > 0.5).astype(np.float64)
    output = net.forward(x).copy()
    kept = net.forward(x)  # an allocating forward's result is the caller's to keep
    net.train_pass(x, y)
    first = [net.cached(k)["Z"] for k in (1, 2, 3)]
    net.train_pass(rng.normal(size=(10, 2)), y)
    assert all(net.cached(k)["Z"] is z for k, z in zip((1, 2, 3), first, strict=True))
    assert np.array_equal(kept, output)


def test_update_norms_are_the_per_layer_norms_of_gradient_weights_and_update():
    net = Network(2, [LayerConfig(8, "tanh"), LayerConfig(4, "tanh", batch_norm=True)], 1)
    rng = np.random.default_rng(2)
    x, y = rng.normal(size=(10, 2)), (rng.random(10) > 0.5).astype(np.float64)
    net.train_pass(x, y)
    before = [layer.W.copy() for layer in net.layers]
    grads = [layer.grad_W.copy() for layer in net.layers]
    theta = net.theta.copy()
    net.keep_theta()
    net.theta -= 0.5 * net.grad
    squares = net.update_norms()
    assert squares.shape == (3, net.depth + 1)
    for k, layer in enumerate(net.layers):
        expected = (grads[k], before[k], layer.W - before[k])
        for row, m in enumerate(expected):
            assert np.sqrt(squares[row, k]) == pytest.approx(np.linalg.norm(m), rel=1e-14)
    others = (net.theta - theta)[net.n_weights :]  # biases, γ and β
    assert squares[2, -1] == pytest.approx(float(others @ others), rel=1e-14)
    net.restore_theta()
    assert all(np.array_equal(layer.W, w) for layer, w in zip(net.layers, before, strict=True))


@pytest.mark.parametrize("name", list(CONFIGS))
def test_the_views_evaluation_forward_equals_the_layer_by_layer_one(name):
    """``activations`` (unit-major, batch-norm folded into the weights) gives every layer's
    evaluation-mode output of ``forward_layer(train=False)`` to rounding, softmax included."""
    hidden, n_out, out, loss = CONFIGS[name]
    net = Network(3, hidden, n_out, out, loss, seed=5)
    rng = np.random.default_rng(1)
    for _ in range(3):  # running batch-norm statistics away from their start
        x = rng.normal(size=(16, 3))
        net.forward(x, train=True)
        net.backward(targets(rng, 16, n_out, loss))
        net.theta -= 0.1 * net.grad
    x = rng.normal(size=(500, 3))
    a, expected = np.ascontiguousarray(x), []
    for layer in net.layers:
        a = net.forward_layer(layer, a, train=False).a
        expected.append(a)
    got = net.activations(x)
    assert [g.shape for g in got] == [e.shape for e in expected]
    for g, e in zip(got, expected, strict=True):
        np.testing.assert_allclose(g, e, rtol=1e-12, atol=1e-14)
    np.testing.assert_array_equal(net.predict(x), got[-1])


@pytest.mark.parametrize("activation", ["tanh", "sigmoid", "linear", "leaky_relu"])
@pytest.mark.parametrize("n", [1, 33, 500])
def test_one_sum_for_the_hidden_biases_has_each_layers_bits(activation, n):
    """Equally wide hidden layers sum their δ into db in one reduction (train_pass): the
    same bits as a sum per layer, for big batches too, and for activations whose backward
    does not write into the buffer it is given (linear, leaky ReLU)."""
    hidden = [LayerConfig(16, activation)] * 3
    a, b = (Network(2, hidden, 1, "sigmoid", "bce", seed=5) for _ in range(2))
    rng = np.random.default_rng(n)
    for _ in range(3):
        x, y = rng.normal(size=(n, 2)), targets(rng, n, 1, "bce")
        assert a.train_pass(x, y) == allocating_pass(b, x, y)
        assert np.array_equal(a.grad, b.grad)
        a.theta -= 0.1 * a.grad
        b.theta -= 0.1 * b.grad


@pytest.mark.parametrize("activation", ["sigmoid", "tanh"])
def test_float32_activations_stay_float32(activation):
    """The training step's constants are float64 0-d arrays, which are no weak scalars: the
    views' float32 grids must not turn float64 (each activation takes the Python float)."""
    from nnsim.engine.activations import ACTIVATIONS

    act = ACTIVATIONS[activation]
    z = np.linspace(-5, 5, 12, dtype=np.float32).reshape(3, 4)
    a = act.forward(z)
    assert a.dtype == np.float32
    assert act.backward(z, a, np.ones_like(z)).dtype == np.float32
    net = Network(2, [LayerConfig(4, activation)], 1)
    grid = np.random.default_rng(0).normal(size=(9, 2))
    assert all(a.dtype == np.float32 for a in net.activations(grid, dtype=np.float32))
