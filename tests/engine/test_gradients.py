"""Backpropagation is exact: every gradient agrees with central finite differences."""

from __future__ import annotations

import math
import pickle

import numpy as np
import pytest

from nnsim.engine import regularization
from nnsim.engine.activations import ACTIVATIONS, OUTPUT_ACTIVATIONS, sigmoid
from nnsim.engine.losses import LOSSES
from nnsim.engine.network import LayerConfig, Network

H = 1e-6
TOL = 1e-6


def rel_error(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.linalg.norm(a - b) / max(np.linalg.norm(a) + np.linalg.norm(b), 1e-300))


def central_difference(f, x: np.ndarray) -> np.ndarray:
    """∂f/∂x by (f(x+h) − f(x−h)) / 2h, one coordinate at a time (x is modified in place)."""
    g = np.zeros_like(x)
    flat, gflat = x.reshape(-1), g.reshape(-1)
    for i in range(flat.size):
        old = flat[i]
        flat[i] = old + H
        up = f()
        flat[i] = old - H
        down = f()
        flat[i] = old
        gflat[i] = (up - down) / (2 * H)
    return g


@pytest.mark.parametrize("name", sorted(ACTIVATIONS))
def test_activation_derivative(name):
    act = ACTIVATIONS[name]
    rng = np.random.default_rng(1)
    z = rng.normal(scale=2.0, size=(7, 5))
    z[np.abs(z) < 1e-3] += 0.01  # keep away from relu's kink
    w = rng.normal(size=z.shape)  # J = Σ w·a, so dJ/da = w
    a = act.forward(z)
    analytic = act.backward(z, a, w)
    numeric = central_difference(lambda: float(np.sum(w * act.forward(z))), z)
    assert rel_error(analytic, numeric) <= TOL


@pytest.mark.parametrize("name", sorted(ACTIVATIONS))
def test_activation_stable_for_huge_inputs(name):
    act = ACTIVATIONS[name]
    z = np.array([-1e4, -800.0, -50.0, 0.0, 50.0, 800.0, 1e4])
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        a = act.forward(z)
        g = act.backward(z, a, np.ones_like(z))
    assert np.all(np.isfinite(a)) and np.all(np.isfinite(g))


def test_sigmoid_is_pytorchs_formula_and_keeps_its_left_tail():
    """σ(z) = 1 / (1 + e^(−z)), as torch.sigmoid, to an ulp or two: the tail far left keeps
    its digits (the half-tanh form cancelled there), and no overflow where e^(−z) has none."""
    z = np.concatenate([np.linspace(-700, 40, 2001), [-708.5, -709.5, -720.0, -1e4]])
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        a = sigmoid(z)
        a32 = sigmoid(z.astype(np.float32))
    exact = np.array([1 / (1 + math.exp(-v)) if v > -708 else 0.0 for v in z])
    tail = z > -708  # beyond, e^(−z) is capped: σ is 3.3e-308, for 0
    np.testing.assert_array_max_ulp(a[tail], exact[tail], maxulp=2)
    assert np.all(a[~tail] <= 1e-307)
    assert a32.dtype == np.float32 and np.all(np.isfinite(a32))
    # never a denormal, which would slow every product reading it
    assert a.min() >= np.finfo(np.float64).tiny and a32.min() >= np.finfo(np.float32).tiny
    z32 = z.astype(np.float32).astype(np.float64)  # the float32 inputs, exactly
    near = z > -80
    exact32 = [1 / (1 + math.exp(-v)) for v in z32[near]]
    np.testing.assert_allclose(a32[near], exact32, rtol=1e-6, atol=0)


def test_sigmoid_of_any_float64_and_of_integers_is_float64():
    """Not only NumPy's own float64 dtype object: a big-endian or unpickled array gets the
    float64 cap too, and integers are taken as float64 (as tanh takes them)."""
    z = np.array([-720.0, -3.0, 0.0, 5.0])
    expected = sigmoid(z)
    np.testing.assert_array_equal(sigmoid(pickle.loads(pickle.dumps(z))), expected)
    np.testing.assert_array_equal(sigmoid(z.astype(">f8")), expected)
    ints = sigmoid(np.array([-3, 0, 5]))
    assert ints.dtype == np.float64
    np.testing.assert_array_equal(ints, expected[1:])


@pytest.mark.parametrize(
    ("loss_name", "out_act", "k"),
    [
        ("bce", "sigmoid", 1),
        ("cross_entropy", "softmax", 4),
        ("mse", "linear", 1),
        ("mse", "tanh", 3),
        ("mse", "sigmoid", 2),
    ],
)
def test_loss_gradient_wrt_output_preactivation(loss_name, out_act, k):
    loss, act = LOSSES[loss_name], OUTPUT_ACTIVATIONS[out_act]
    rng = np.random.default_rng(2)
    z = rng.normal(scale=1.5, size=(9, k))
    if loss_name == "cross_entropy":
        y = rng.integers(0, k, size=9)
    elif loss_name == "bce":
        y = rng.integers(0, 2, size=9).astype(float)
    else:
        y = rng.uniform(-1, 1, size=(9, k))
    analytic = loss.grad_z(z, act.forward(z), y, act)
    numeric = central_difference(lambda: loss.value(z, act.forward(z), y), z)
    assert rel_error(analytic, numeric) <= TOL


@pytest.mark.parametrize(("loss_name", "k"), [("bce", 1), ("mse", 3)])
def test_loss_gradient_wrt_output_activation(loss_name, k):
    """dJ/dA, which the lecture shows, is the derivative of J written in terms of A."""
    loss = LOSSES[loss_name]
    rng = np.random.default_rng(3)
    a = rng.uniform(0.05, 0.95, size=(7, k))
    y = rng.integers(0, 2, size=7).astype(float) if loss_name == "bce" else rng.normal(size=(7, k))

    def j_of_a() -> float:
        if loss_name == "bce":
            t = y.reshape(a.shape)
            return float(-np.mean(t * np.log(a) + (1 - t) * np.log(1 - a)))
        return float(np.mean((a - y) ** 2))

    assert rel_error(loss.grad_a(a, y), central_difference(j_of_a, a)) <= TOL
    assert LOSSES["cross_entropy"].grad_a(a, y) is None  # only defined through z


def test_bce_is_stable_for_saturated_logits():
    loss = LOSSES["bce"]
    z = np.array([[800.0], [-800.0]])
    y = np.array([0.0, 1.0])
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        value = loss.value(z, OUTPUT_ACTIVATIONS["sigmoid"].forward(z), y)
    assert value == pytest.approx(800.0)


def network_gradient_check(net: Network, x, y, reg_kind="none", reg_rate=0.0) -> float:
    masks = np.random.default_rng(123).bit_generator.state

    def total_loss() -> float:
        net.set_random_state(masks)  # the same dropout mask every pass
        net.forward(x, train=True)
        return net.loss_value(y) + regularization.penalty(net.weights, reg_kind, reg_rate)

    total_loss()
    net.backward(y)
    regularization.add_gradient(net.weight_grads, net.weights, reg_kind, reg_rate)
    analytic = net.grad.copy()
    numeric = central_difference(total_loss, net.theta)
    return rel_error(analytic, numeric)


def make_data(n, n_in, kind, k=1, seed=0):
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(n, n_in))
    if kind == "bce":
        y = rng.integers(0, 2, size=n).astype(float)
    elif kind == "cross_entropy":
        y = rng.integers(0, k, size=n)
    else:
        y = rng.uniform(-1, 1, size=(n, k))
    return x, y


@pytest.mark.parametrize("activation", sorted(ACTIVATIONS))
def test_network_gradient_every_hidden_activation(activation):
    hidden = [LayerConfig(5, activation), LayerConfig(3, activation)]
    net = Network(3, hidden, 1, "sigmoid", "bce", init="xavier_normal", seed=4)
    x, y = make_data(6, 3, "bce")
    assert network_gradient_check(net, x, y) <= TOL


@pytest.mark.parametrize("seed", range(6))
def test_network_gradient_random_shapes(seed):
    rng = np.random.default_rng(seed)
    depth = int(rng.integers(1, 5))
    acts = list(ACTIVATIONS)
    hidden = [
        LayerConfig(int(rng.integers(2, 7)), acts[int(rng.integers(len(acts)))])
        for _ in range(depth)
    ]
    loss, out, k = [("bce", "sigmoid", 1), ("cross_entropy", "softmax", 3), ("mse", "linear", 2)][
        seed % 3
    ]
    n_in, n = int(rng.integers(1, 6)), int(rng.integers(2, 9))
    net = Network(n_in, hidden, k, out, loss, init="he_normal", seed=seed)
    x, y = make_data(n, n_in, loss, k, seed)
    assert network_gradient_check(net, x, y) <= TOL


def test_network_gradient_ten_layer_sigmoid():
    hidden = [LayerConfig(8, "sigmoid") for _ in range(10)]
    net = Network(2, hidden, 1, "sigmoid", "bce", init="xavier_uniform", seed=0)
    x, y = make_data(10, 2, "bce")
    assert network_gradient_check(net, x, y) <= TOL


@pytest.mark.parametrize("activation", ["tanh", "relu"])
def test_network_gradient_batch_norm(activation):
    hidden = [LayerConfig(4, activation, batch_norm=True), LayerConfig(3, activation, True)]
    net = Network(2, hidden, 1, "sigmoid", "bce", seed=1)
    net.layers[0].bn.gamma[...] = [0.5, 1.5, -1.0, 2.0]
    net.layers[1].bn.beta[...] = [0.1, -0.2, 0.3]
    x, y = make_data(8, 2, "bce", seed=3)
    assert network_gradient_check(net, x, y) <= TOL


def test_batch_norm_backward_after_an_evaluation_forward_says_why():
    """An evaluation-mode forward keeps no batch statistics: backward names the cause."""
    net = Network(2, [LayerConfig(3, "tanh", batch_norm=True)], 1, "sigmoid", "bce", seed=1)
    x, y = make_data(8, 2, "bce", seed=3)
    net.forward(x, train=False)
    with pytest.raises(RuntimeError, match="training-mode forward"):
        net.backward(y)


def test_network_gradient_dropout():
    hidden = [LayerConfig(6, "tanh", dropout=0.3), LayerConfig(4, "relu", dropout=0.5)]
    net = Network(2, hidden, 1, "sigmoid", "bce", seed=2)
    x, y = make_data(8, 2, "bce", seed=5)
    assert network_gradient_check(net, x, y) <= TOL


@pytest.mark.parametrize("kind", ["l1", "l2"])
def test_network_gradient_regularization(kind):
    hidden = [LayerConfig(4, "tanh"), LayerConfig(3, "tanh")]
    net = Network(2, hidden, 1, "sigmoid", "bce", seed=7)
    x, y = make_data(7, 2, "bce", seed=6)
    assert network_gradient_check(net, x, y, kind, 0.05) <= TOL


def test_regularization_values_and_biases_untouched():
    net = Network(2, [LayerConfig(3, "tanh")], 1, seed=0)
    net.layers[0].b[...] = 100.0  # a huge bias must not be penalised
    w = net.weights
    assert regularization.penalty(w, "l2", 0.1) == pytest.approx(0.05 * np.sum(w**2))
    assert regularization.penalty(w, "l1", 0.1) == pytest.approx(0.1 * np.sum(np.abs(w)))
    assert regularization.penalty(w, "none", 0.1) == 0.0
