"""The stacked network, losses and optimizer: each run equals the same run on its own."""

from __future__ import annotations

import numpy as np
import pytest

from nnsim.engine.losses import LOSSES
from nnsim.engine.network import LayerConfig, Network
from nnsim.engine.optimizers import make_optimizer
from nnsim.engine.stacked import StackedNetwork
from nnsim.engine.stacked_losses import stacked_loss
from nnsim.engine.stacked_optimizer import StackedOptimizer, branch_key

K, B = 3, 7
OUTPUTS = {"bce": ("sigmoid", 1), "cross_entropy": ("softmax", 3), "mse": ("linear", 2)}


def networks(loss: str = "bce", activation: str = "tanh", k: int = K) -> list[Network]:
    output, n_out = OUTPUTS[loss]
    hidden = [LayerConfig(5, activation), LayerConfig(4, activation)]
    return [Network(3, hidden, n_out, output, loss, seed=s) for s in range(k)]


def targets(loss: str, rng: np.random.Generator, shape: tuple[int, ...]) -> np.ndarray:
    if loss == "bce":
        return (rng.random(shape) > 0.5).astype(np.float64)
    if loss == "cross_entropy":
        return rng.integers(0, 3, shape)
    return rng.normal(size=(*shape, 2))


@pytest.mark.parametrize("loss", list(LOSSES))
def test_stacked_losses_equal_the_originals_run_by_run(loss):
    rng = np.random.default_rng(0)
    original, stacked = LOSSES[loss], stacked_loss(LOSSES[loss])
    n_out = OUTPUTS[loss][1]
    net = networks(loss)[0]
    z = rng.normal(size=(K, B, n_out)) * 3
    a = net.layers[-1].activation.forward(z)
    y = targets(loss, rng, (K, B))
    values = stacked.value(z, a, y)
    grads = stacked.grad_z(z, a, y, net.layers[-1].activation)
    train, test = stacked.values(z, a, y, 3)  # the means over points [:3] and [3:]
    for k in range(K):
        assert values[k] == pytest.approx(original.value(z[k], a[k], y[k]), rel=1e-15)
        assert train[k] == pytest.approx(original.value(z[k, :3], a[k, :3], y[k, :3]), rel=1e-15)
        assert test[k] == pytest.approx(original.value(z[k, 3:], a[k, 3:], y[k, 3:]), rel=1e-15)
        want = original.grad_z(z[k], a[k], y[k], net.layers[-1].activation)
        assert np.allclose(grads[k], want, rtol=1e-15, atol=0)


@pytest.mark.parametrize("loss", list(LOSSES))
@pytest.mark.parametrize("activation", ["tanh", "relu", "sigmoid", "gelu"])
def test_forward_and_backward_equal_each_network(loss, activation):
    nets = networks(loss, activation)
    stack = StackedNetwork(nets)
    rng = np.random.default_rng(1)
    x = rng.normal(size=(K, B, 3))
    y = targets(loss, rng, (K, B))
    out = stack.forward(x)
    losses = stack.loss_values(y)
    stack.backward(y)
    for k, net in enumerate(nets):
        assert np.allclose(out[k], net.forward(x[k]), rtol=1e-14, atol=1e-300)
        assert losses[k] == pytest.approx(net.loss_value(y[k]), rel=1e-14)
        net.backward(y[k])
        assert np.allclose(stack.grad[k], net.grad, rtol=1e-13, atol=1e-17)
        assert np.allclose(stack.weight_grad_norms()[k], net.weight_grad_norms(), rtol=1e-14)
        a = stack.evaluate(x)[1]
        assert np.allclose(a[k], net.evaluate(x[k])[1], rtol=1e-14, atol=1e-300)
        shared = stack.evaluate(x[0])[1]  # (n, inputs): the same points for every run
        assert np.allclose(shared[k], net.evaluate(x[0])[1], rtol=1e-14, atol=1e-300)


@pytest.mark.parametrize("loss", list(LOSSES))
def test_gradients_match_finite_differences(loss):
    stack = StackedNetwork(networks(loss, "tanh"))
    rng = np.random.default_rng(2)
    x = rng.normal(size=(K, B, 3))
    y = targets(loss, rng, (K, B))
    stack.forward(x)
    stack.backward(y)
    analytic = stack.grad.copy()
    h = 1e-6
    for k in range(K):
        for p in rng.choice(stack.theta.shape[1], 12, replace=False):
            old = stack.theta[k, p]
            stack.theta[k, p] = old + h
            stack.forward(x)
            up = stack.loss_values(y)
            stack.theta[k, p] = old - h
            stack.forward(x)
            down = stack.loss_values(y)
            stack.theta[k, p] = old
            others = np.arange(K) != k
            assert np.array_equal(up[others], down[others])  # runs do not touch each other
            numeric = (up[k] - down[k]) / (2 * h)
            assert numeric == pytest.approx(analytic[k, p], rel=1e-5, abs=1e-8)


def test_parameters_are_views_laid_out_as_network_theta():
    nets = networks()
    stack = StackedNetwork(nets)
    for k, net in enumerate(nets):
        assert np.array_equal(stack.theta[k], net.theta)
        for layer, own in zip(stack.layers, net.layers, strict=True):
            assert np.array_equal(layer.W[k], own.W) and np.array_equal(layer.b[k], own.b)
    stack.layers[0].W[1, 0, 0] = 42.0
    assert stack.theta[1, 0] == 42.0 and nets[1].theta[0] != 42.0  # the stack owns its copy
    target = networks(k=1)[0]
    stack.load_into(1, target)
    assert target.state()["W1"][0, 0] == 42.0


def test_refuses_what_it_cannot_stack():
    with pytest.raises(ValueError, match="at least one"):
        StackedNetwork([])
    with pytest.raises(ValueError, match="share layer sizes"):
        StackedNetwork([networks()[0], networks("mse")[0]])
    bn = Network(3, [LayerConfig(4, "tanh", batch_norm=True)], 1)
    with pytest.raises(ValueError, match="batch-norm"):
        StackedNetwork([bn, bn])
    drop = Network(3, [LayerConfig(4, "tanh", dropout=0.5)], 1)
    with pytest.raises(ValueError, match="share layer sizes"):  # another dropout rate
        StackedNetwork([drop, Network(3, [LayerConfig(4, "tanh", dropout=0.2)], 1)])


@pytest.mark.parametrize("loss", list(LOSSES))
def test_dropout_masks_come_from_each_runs_own_generator(loss):
    output, n_out = OUTPUTS[loss]
    hidden = [LayerConfig(5, "relu", dropout=0.5), LayerConfig(4, "tanh", dropout=0.2)]
    nets = [Network(3, hidden, n_out, output, loss, seed=s) for s in range(K)]
    stack = StackedNetwork(nets)
    rng = np.random.default_rng(4)
    for _ in range(3):  # the generators go on from step to step
        x = rng.normal(size=(K, B, 3))
        y = targets(loss, rng, (K, B))
        out = stack.forward(x)
        stack.backward(y)
        for k, net in enumerate(nets):
            assert np.allclose(out[k], net.forward(x[k], train=True), rtol=1e-14, atol=1e-300)
            net.backward(y[k])
            assert np.allclose(stack.grad[k], net.grad, rtol=1e-13, atol=1e-17)
            assert stack.dropout_rngs[k].bit_generator.state == net.random_state()


SETTINGS = {
    "sgd": [{"lr": 0.1}, {"lr": 0.01}, {"lr": 0.3, "dampening": 0.5}],
    "sgd-momentum": [{"lr": 0.1, "momentum": 0.9}, {"lr": 0.01, "momentum": 0.5, "dampening": 0.2}],
    "sgd-nesterov": [{"lr": 0.1, "momentum": 0.9, "nesterov": True, "weight_decay": 0.1},
                     {"lr": 0.01, "momentum": 0.3, "nesterov": True, "weight_decay": 0.01}],
    "adagrad": [{"lr": 0.1}, {"lr": 0.05, "lr_decay": 0.1, "initial_accumulator_value": 0.5}],
    "rmsprop": [{"lr": 0.01, "centered": True, "momentum": 0.9, "weight_decay": 0.1},
                {"lr": 0.02, "centered": True, "momentum": 0.2, "alpha": 0.5, "weight_decay": 1.0}],
    "adam": [{"lr": 0.01, "amsgrad": True}, {"lr": 0.1, "betas": (0.5, 0.9), "amsgrad": True}],
    "adamw": [{"lr": 0.01}, {"lr": 0.1, "betas": (0.5, 0.9), "weight_decay": 0.5, "eps": 1e-3}],
}  # fmt: skip


@pytest.mark.parametrize("kind", list(SETTINGS))
def test_one_update_call_equals_each_optimizer(kind):
    name = kind.split("-")[0]
    settings = [(name, hp) for hp in SETTINGS[kind]]
    rng = np.random.default_rng(3)
    theta = rng.normal(size=(len(settings), 20))
    alone = [theta[k].copy() for k in range(len(settings))]
    optimizers = [make_optimizer(n, [p], **hp) for p, (n, hp) in zip(alone, settings, strict=True)]
    stacked = StackedOptimizer(theta, settings)
    assert len(stacked.groups) == 1  # one update call for the whole kind
    for step in range(50):
        grad = rng.normal(size=theta.shape)
        lrs = np.array([hp["lr"] for _, hp in settings]) * (1 + 0.01 * step)
        stacked.set_values("lr", lrs)
        stacked.step(grad)
        for k, (opt, p) in enumerate(zip(optimizers, alone, strict=True)):
            opt.lr = float(lrs[k])
            opt.step([grad[k]])
            assert np.max(np.abs(theta[k] - p)) <= 1e-12 * np.max(np.abs(p)), (step, k)


def test_runs_differing_in_a_branch_are_updated_by_separate_calls():
    settings = [("sgd", {"lr": 0.1}), ("sgd", {"lr": 0.1, "momentum": 0.9}), ("adam", {})]
    theta = np.ones((3, 4))
    stacked = StackedOptimizer(theta, settings)
    assert [(a, b) for a, b, _ in stacked.groups] == [(0, 1), (1, 2), (2, 3)]
    assert branch_key("sgd", {"lr": 0.1}) != branch_key("sgd", {"momentum": 0.9})
    assert branch_key("sgd", {"lr": 0.1}) == branch_key("sgd", {"lr": 0.5})
    with pytest.raises(ValueError, match="adjacent"):
        StackedOptimizer(np.ones((3, 4)), [settings[0], settings[2], settings[0]])
    with pytest.raises(ValueError, match="momentum must be"):
        StackedOptimizer(np.ones((1, 4)), [("sgd", {"momentum": -1.0})])


def test_one_cycle_momentum_per_run():
    settings = [("sgd", {"lr": 0.1, "momentum": 0.9}), ("adam", {"lr": 0.01})]
    theta = np.ones((2, 3))
    stacked = StackedOptimizer(theta, settings)
    stacked.set_values("momentum", np.array([0.8, 0.7]))
    assert stacked.groups[0][2]._hp["momentum"][0, 0] == 0.8
    assert stacked.groups[1][2]._hp["betas"][0][0, 0] == 0.7
