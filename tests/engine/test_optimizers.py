"""Tests for nnsim.engine.optimizers.

The optimizers are checked step by step against independent references written below in plain
per-element Python from the formulas published in the ``torch.optim`` documentation, on
trajectories whose gradients are evaluated at the current parameters (so errors feed back).
A few first steps are also hard-coded from hand computations, to catch a misunderstanding
shared by the implementation and the references.
"""

from __future__ import annotations

import copy
import math
from collections.abc import Callable

import numpy as np
import pytest

from nnsim.engine.optimizers import (
    OPTIMIZERS,
    SGD,
    Adagrad,
    Adam,
    AdamW,
    Optimizer,
    RMSprop,
    make_optimizer,
)

RTOL = 1e-12
STEPS = 100

# --- objective functions (pure Python, gradients evaluated at the current parameters) ------------

# f(θ) = ½ (θ − c)ᵀ A (θ − c) with A symmetric positive definite: ∇f(θ) = A (θ − c).
A = [
    [3.0, 0.5, 0.0, 0.2],
    [0.5, 2.0, 0.3, 0.0],
    [0.0, 0.3, 1.0, 0.1],
    [0.2, 0.0, 0.1, 0.5],
]
C = [1.5, -2.0, 0.75, 3.0]
QUAD_START = [4.0, -0.5, 2.5, 1.0]  # same signs as c: parameters stay away from 0


def quad_grad(theta: list[float]) -> list[float]:
    return [
        sum(a_ij * (t_j - c_j) for a_ij, t_j, c_j in zip(row, theta, C, strict=True)) for row in A
    ]


# Rosenbrock on pairs (x, y): f = Σ (1 − x)² + 10 (y − x²)².
ROSEN_START = [2.0, 2.5, 1.6, 3.0]


def rosen_grad(theta: list[float]) -> list[float]:
    grad = []
    for x, y in zip(theta[0::2], theta[1::2], strict=True):
        grad += [-2.0 * (1.0 - x) - 40.0 * x * (y - x * x), 20.0 * (y - x * x)]
    return grad


PROBLEMS = {"quadratic": (quad_grad, QUAD_START), "rosenbrock": (rosen_grad, ROSEN_START)}

# --- independent references, one scalar at a time, from the torch.optim docs ---------------------


class RefSGD:
    def __init__(self, lr=0.01, momentum=0.0, dampening=0.0, nesterov=False, weight_decay=0.0):
        self.hp = dict(
            lr=lr,
            momentum=momentum,
            dampening=dampening,
            nesterov=nesterov,
            weight_decay=weight_decay,
        )
        self.b: list[float] | None = None

    def step(self, theta: list[float], grad: list[float]) -> list[float]:
        h = self.hp
        mu, new_b, new_theta = h["momentum"], [], []
        for i, (th, g) in enumerate(zip(theta, grad, strict=True)):
            if h["weight_decay"] != 0:
                g = g + h["weight_decay"] * th
            if mu != 0:
                b = g if self.b is None else mu * self.b[i] + (1 - h["dampening"]) * g
                new_b.append(b)
                g = g + mu * b if h["nesterov"] else b
            new_theta.append(th - h["lr"] * g)
        if mu != 0:
            self.b = new_b
        return new_theta


class RefAdagrad:
    def __init__(
        self, lr=0.01, lr_decay=0.0, weight_decay=0.0, initial_accumulator_value=0.0, eps=1e-10
    ):
        self.hp = dict(lr=lr, lr_decay=lr_decay, weight_decay=weight_decay, eps=eps)
        self.init, self.sums, self.t = initial_accumulator_value, None, 0

    def step(self, theta: list[float], grad: list[float]) -> list[float]:
        h = self.hp
        self.t += 1
        if self.sums is None:
            self.sums = [self.init] * len(theta)
        lr_t = h["lr"] / (1 + (self.t - 1) * h["lr_decay"])
        out = []
        for i, (th, g) in enumerate(zip(theta, grad, strict=True)):
            g = g + h["weight_decay"] * th
            self.sums[i] = self.sums[i] + g**2
            out.append(th - lr_t * g / (math.sqrt(self.sums[i]) + h["eps"]))
        return out


class RefRMSprop:
    def __init__(
        self, lr=0.01, alpha=0.99, eps=1e-8, weight_decay=0.0, momentum=0.0, centered=False
    ):
        self.hp = dict(
            lr=lr,
            alpha=alpha,
            eps=eps,
            weight_decay=weight_decay,
            momentum=momentum,
            centered=centered,
        )
        self.v: list[float] = []
        self.g_ave: list[float] = []
        self.b: list[float] = []

    def step(self, theta: list[float], grad: list[float]) -> list[float]:
        h = self.hp
        n = len(theta)
        self.v = self.v or [0.0] * n
        self.g_ave = self.g_ave or [0.0] * n
        self.b = self.b or [0.0] * n
        a = h["alpha"]
        out = []
        for i in range(n):
            g = grad[i] + h["weight_decay"] * theta[i]
            self.v[i] = a * self.v[i] + (1 - a) * g * g
            v_tilde = self.v[i]
            if h["centered"]:
                self.g_ave[i] = self.g_ave[i] * a + (1 - a) * g
                v_tilde = v_tilde - self.g_ave[i] ** 2
            if h["momentum"] > 0:
                self.b[i] = h["momentum"] * self.b[i] + g / (math.sqrt(v_tilde) + h["eps"])
                out.append(theta[i] - h["lr"] * self.b[i])
            else:
                out.append(theta[i] - h["lr"] * g / (math.sqrt(v_tilde) + h["eps"]))
        return out


class RefAdam:
    decoupled = False

    def __init__(self, lr=0.001, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0, amsgrad=False):
        self.hp = dict(lr=lr, betas=betas, eps=eps, weight_decay=weight_decay, amsgrad=amsgrad)
        self.m: list[float] = []
        self.v: list[float] = []
        self.v_max: list[float] = []
        self.t = 0

    def step(self, theta: list[float], grad: list[float]) -> list[float]:
        h = self.hp
        b1, b2 = h["betas"]
        lr, wd = h["lr"], h["weight_decay"]
        self.t += 1
        t, n = self.t, len(theta)
        self.m, self.v = self.m or [0.0] * n, self.v or [0.0] * n
        self.v_max = self.v_max or [0.0] * n
        out = []
        for i in range(n):
            th, g = theta[i], grad[i]
            if self.decoupled:
                th = th - lr * wd * th
            else:
                g = g + wd * th
            self.m[i] = b1 * self.m[i] + (1 - b1) * g
            self.v[i] = b2 * self.v[i] + (1 - b2) * g**2
            m_hat = self.m[i] / (1 - b1**t)
            if h["amsgrad"]:
                self.v_max[i] = max(self.v_max[i], self.v[i])
                v_hat = self.v_max[i] / (1 - b2**t)
            else:
                v_hat = self.v[i] / (1 - b2**t)
            out.append(th - lr * m_hat / (math.sqrt(v_hat) + h["eps"]))
        return out


class RefAdamW(RefAdam):
    decoupled = True

    def __init__(self, lr=0.001, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.01, amsgrad=False):
        super().__init__(lr, betas, eps, weight_decay, amsgrad)


REFERENCES = {
    "sgd": RefSGD,
    "adagrad": RefAdagrad,
    "rmsprop": RefRMSprop,
    "adam": RefAdam,
    "adamw": RefAdamW,
}

CASES = [
    ("sgd", dict(lr=0.05), "quadratic"),
    ("sgd", dict(lr=0.05, momentum=0.9), "quadratic"),
    ("sgd", dict(lr=0.05, momentum=0.8, dampening=0.3), "quadratic"),
    ("sgd", dict(lr=0.05, momentum=0.9, nesterov=True), "quadratic"),
    ("sgd", dict(lr=0.05, weight_decay=0.1), "quadratic"),
    ("sgd", dict(lr=0.05, momentum=0.5, dampening=0.1, weight_decay=0.2), "quadratic"),
    ("sgd", dict(lr=0.05, momentum=0.7, nesterov=True, weight_decay=0.2), "quadratic"),
    ("sgd", dict(lr=0.002, momentum=0.9), "rosenbrock"),
    ("adagrad", dict(lr=0.3), "quadratic"),
    ("adagrad", dict(lr=0.5, lr_decay=0.05, initial_accumulator_value=0.5), "quadratic"),
    ("adagrad", dict(lr=0.5, weight_decay=0.1, eps=1e-3), "quadratic"),
    ("adagrad", dict(lr=0.1, lr_decay=0.01, weight_decay=0.05), "rosenbrock"),
    ("rmsprop", dict(lr=0.01), "quadratic"),
    ("rmsprop", dict(lr=0.01, centered=True), "quadratic"),
    ("rmsprop", dict(lr=0.005, momentum=0.7), "quadratic"),
    ("rmsprop", dict(lr=0.01, weight_decay=0.1, alpha=0.9, eps=1e-3), "quadratic"),
    ("rmsprop", dict(lr=0.005, centered=True, momentum=0.5, weight_decay=0.05), "rosenbrock"),
    ("adam", dict(lr=0.05), "quadratic"),
    ("adam", dict(lr=0.05, amsgrad=True), "quadratic"),
    ("adam", dict(lr=0.05, weight_decay=0.1), "quadratic"),
    (
        "adam",
        dict(lr=0.05, betas=(0.8, 0.99), eps=0.1, weight_decay=0.1, amsgrad=True),
        "quadratic",
    ),
    ("adam", dict(lr=0.02), "rosenbrock"),
    ("adam", dict(lr=0.02, amsgrad=True), "rosenbrock"),
    ("adamw", dict(lr=0.05), "quadratic"),
    ("adamw", dict(lr=0.05, weight_decay=0.2, amsgrad=True), "quadratic"),
    ("adamw", dict(lr=0.01, betas=(0.5, 0.9), weight_decay=0.1), "rosenbrock"),
]


def case_id(case: tuple) -> str:
    name, hp, problem = case
    return f"{name}-{problem}-" + ",".join(f"{k}={v}" for k, v in hp.items())


def readonly(values: list[float]) -> np.ndarray:
    """A gradient array the optimizer cannot write into (it must not modify the caller's grads)."""
    g = np.array(values)
    g.flags.writeable = False
    return g


def run(opt: Optimizer, theta: np.ndarray, grad_fn: Callable, steps: int) -> list[np.ndarray]:
    trajectory = []
    for _ in range(steps):
        opt.step([readonly(grad_fn(theta.tolist()))])
        trajectory.append(theta.copy())
    return trajectory


# --- exactness against the references -----------------------------------------------------------


@pytest.mark.parametrize("case", CASES, ids=[case_id(c) for c in CASES])
def test_matches_reference_trajectory(case: tuple) -> None:
    name, hp, problem = case
    grad_fn, start = PROBLEMS[problem]
    theta = np.array(start)
    opt = make_optimizer(name, [theta], **hp)
    ref, ref_theta = REFERENCES[name](**hp), list(start)
    for t in range(1, STEPS + 1):
        opt.step([readonly(grad_fn(theta.tolist()))])
        ref_theta = ref.step(ref_theta, grad_fn(ref_theta))
        np.testing.assert_allclose(theta, ref_theta, rtol=RTOL, atol=0, err_msg=f"step {t}")
    assert np.all(np.isfinite(theta))
    assert not np.allclose(theta, start)  # it did move


@pytest.mark.parametrize(
    ("name", "changes"),
    [
        ("sgd", {"lr": 0.02, "momentum": 0.5}),
        ("sgd", {"nesterov": True, "dampening": 0.0}),
        ("adagrad", {"lr": 0.05, "lr_decay": 0.1, "weight_decay": 0.3}),
        ("rmsprop", {"lr": 0.002, "centered": True, "momentum": 0.3}),
        ("adam", {"lr": 0.01, "betas": (0.5, 0.9), "amsgrad": True}),
        ("adamw", {"lr": 0.2, "weight_decay": 0.5}),
    ],
)
def test_hyperparameter_change_takes_effect_on_next_step(name: str, changes: dict) -> None:
    start_hp = dict(lr=0.05, momentum=0.9, dampening=0.2) if name == "sgd" else dict(lr=0.01)
    theta = np.array(QUAD_START)
    opt = make_optimizer(name, [theta], **start_hp)
    ref, ref_theta = REFERENCES[name](**start_hp), list(QUAD_START)
    for t in range(1, 61):
        if t == 31:
            before = theta.copy()
            if len(changes) == 1 or name == "sgd":
                opt.set_hyperparameters(**changes)  # validated together
            else:
                for key, value in changes.items():
                    opt.set_hyperparameter(key, value)
            ref.hp.update(changes)
            assert np.array_equal(theta, before)  # nothing happens until the next step
            assert opt.hyperparameters == {**opt.hyperparameters, **changes}
        opt.step([readonly(quad_grad(theta.tolist()))])
        ref_theta = ref.step(ref_theta, quad_grad(ref_theta))
        np.testing.assert_allclose(theta, ref_theta, rtol=RTOL, atol=0, err_msg=f"step {t}")


def test_set_hyperparameters_is_all_or_nothing() -> None:
    opt = SGD([np.zeros(2)], lr=0.1, momentum=0.9, dampening=0.2)
    with pytest.raises(ValueError, match=r"nesterov=True requires .* got momentum=0.9, damp"):
        opt.set_hyperparameter("nesterov", True)  # dampening is still 0.2
    with pytest.raises(ValueError, match=r"^lr must be >= 0"):
        opt.set_hyperparameters(momentum=0.5, lr=-1.0)
    assert opt.hyperparameters == dict(
        lr=0.1, momentum=0.9, dampening=0.2, nesterov=False, weight_decay=0.0
    )
    opt.set_hyperparameters(nesterov=True, dampening=0)
    assert opt.hyperparameters["nesterov"] is True and opt.hyperparameters["dampening"] == 0.0


def test_lr_attribute_is_used_by_the_next_step() -> None:
    theta = np.array([1.0, -1.0])
    opt = SGD([theta], lr=0.1)
    opt.step([np.array([1.0, 1.0])])
    np.testing.assert_array_equal(theta, [0.9, -1.1])
    opt.lr = 0.5
    assert opt.lr == 0.5 and opt.hyperparameters["lr"] == 0.5
    opt.step([np.array([1.0, 1.0])])
    np.testing.assert_array_equal(theta, [0.4, -1.6])
    opt.lr = 0  # lr = 0 is allowed, as in torch: the parameters stay put
    opt.step([np.array([1.0, 1.0])])
    np.testing.assert_array_equal(theta, [0.4, -1.6])


# --- hard-coded first steps, computed by hand --------------------------------------------------
# Objective f(θ) = θ²/2, so g = θ at the current θ; θ₀ = 1.


def scalar_run(opt_cls: type[Optimizer], steps: int, **hp) -> list[float]:
    theta = np.array([1.0])
    opt = opt_cls([theta], **hp)
    out = []
    for _ in range(steps):
        opt.step([theta.copy()])
        out.append(float(theta[0]))
    return out


def test_sgd_nesterov_first_steps_by_hand() -> None:
    # γ = 0.1, μ = 0.9, nesterov; the buffer starts as the first gradient (b₁ = g₁).
    # t=1: g=1,      b = 1,                      g+μb = 1.9,                θ = 1 − 0.19 = 0.81
    # t=2: g=0.81,   b = 0.9·1 + 0.81 = 1.71,    g+μb = 0.81 + 1.539 = 2.349,  θ = 0.5751
    # t=3: g=0.5751, b = 1.539 + 0.5751 = 2.1141, g+μb = 0.5751 + 1.90269 = 2.47779,
    #      θ = 0.5751 − 0.247779 = 0.327321
    got = scalar_run(SGD, 3, lr=0.1, momentum=0.9, nesterov=True)
    np.testing.assert_allclose(got, [0.81, 0.5751, 0.327321], rtol=1e-14)


def test_sgd_dampened_momentum_first_steps_by_hand() -> None:
    # γ = 0.1, μ = 0.9, τ = 0.5. torch: b₁ = g₁ (not (1 − τ) g₁).
    # t=1: g=1,     b = 1,                           θ = 1 − 0.1 = 0.9
    # t=2: g=0.9,   b = 0.9·1 + 0.5·0.9 = 1.35,       θ = 0.9 − 0.135 = 0.765
    # t=3: g=0.765, b = 0.9·1.35 + 0.5·0.765 = 1.5975, θ = 0.765 − 0.15975 = 0.60525
    got = scalar_run(SGD, 3, lr=0.1, momentum=0.9, dampening=0.5)
    np.testing.assert_allclose(got, [0.9, 0.765, 0.60525], rtol=1e-14)


def test_adam_first_steps_by_hand() -> None:
    # γ = 0.1, β = (0.5, 0.75), ε = 0.1 (large on purpose: where ε goes matters).
    # t=1: g=1, m = 0.5, v = 0.25, m̂ = 0.5/0.5 = 1, v̂ = 0.25/0.25 = 1,
    #      θ = 1 − 0.1·1/(1 + 0.1) = 10/11 = 0.909090909090...
    # t=2: g=10/11, m = 0.25 + 5/11 = 31/44, v = 0.1875 + 0.25·100/121 = 47.6875/121,
    #      m̂ = (31/44)/0.75 = 31/33, v̂ = (47.6875/121)/0.4375 = 109/121, √v̂ = √109/11,
    #      θ = 10/11 − 0.1·(31/33)/(√109/11 + 0.1) = 10/11 − (31/30)/(√109 + 1.1)
    #        = 0.909090909091 − 0.089541238141 = 0.819549670950
    # t=3: g=0.819549670950, m = 0.5·31/44 + 0.5·g = 0.762047562748,
    #      v = 0.75·0.394111570248 + 0.25·g² = 0.463499093475,
    #      m̂ = m/0.875 = 0.870911500283, v̂ = v/0.578125 = 0.801728161686, √v̂ = 0.895392742,
    #      θ = g − 0.1·0.870911500283/(0.895392742 + 0.1) = 0.732055412262
    got = scalar_run(Adam, 3, lr=0.1, betas=(0.5, 0.75), eps=0.1)
    np.testing.assert_allclose(got, [10 / 11, 0.8195496709500095, 0.7320554122622183], rtol=1e-13)
    # With the defaults the first step is γ·g/(|g| + ε) ≈ γ: 1 − 0.001·1/(1 + 1e-8).
    assert scalar_run(Adam, 1) == [1 - 0.001 / (1 + 1e-8)]


def test_adamw_first_steps_by_hand() -> None:
    # γ = 0.1, λ = 0.5, β = (0.5, 0.75), ε = 0.1; g is computed before the decay.
    # t=1: g=1, θ ← 1·(1 − 0.05) = 0.95, then the Adam step of −1/11: θ = 0.859090909091
    # t=2: g=0.859090909091, θ ← 0.95·g = 0.816136363636; m = 0.25 + 0.5·g = 0.679545454545,
    #      v = 0.1875 + 0.25·g² = 0.1875 + 0.25·0.738037190083 = 0.372009297521,
    #      m̂ = m/0.75 = 0.906060606061, v̂ = v/0.4375 = 0.850306965762, √v̂ = 0.922120906,
    #      θ = 0.816136363636 − 0.1·0.906060606061/1.022120906 = 0.727491214074
    got = scalar_run(AdamW, 2, lr=0.1, weight_decay=0.5, betas=(0.5, 0.75), eps=0.1)
    np.testing.assert_allclose(got, [0.8590909090909091, 0.7274912140741601], rtol=1e-13)


def test_amsgrad_keeps_the_max_of_the_raw_second_moment() -> None:
    # torch (implementation and current docs): v_max = max(v_max, v), v̂ = v_max/(1 − β₂ᵗ).
    # γ = 1, β = (0.5, 0.5), ε = 0, fixed gradients 1 then 0.1.
    # t=1: m = 0.5, v = 0.5, v_max = 0.5, m̂ = 1, v̂ = 1, step 1 → θ = 0
    # t=2: m = 0.25 + 0.05 = 0.3, v = 0.25 + 0.005 = 0.255, v_max = 0.5,
    #      m̂ = 0.3/0.75 = 0.4, v̂ = 0.5/0.75 = 2/3, step 0.4/√(2/3) = 0.489897948557
    #      (a max over bias-corrected v̂ would give max(1, 0.34) = 1 and a step of 0.4)
    theta = np.array([1.0])
    opt = Adam([theta], lr=1.0, betas=(0.5, 0.5), eps=0.0, amsgrad=True)
    opt.step([np.array([1.0])])
    assert theta[0] == 0.0
    opt.step([np.array([0.1])])
    np.testing.assert_allclose(theta, [-0.4 / math.sqrt(2 / 3)], rtol=1e-14)


def test_centered_rmsprop_survives_rounding_below_zero() -> None:
    # With an almost constant gradient v − ḡ² is below the rounding error of g², so it often
    # comes out slightly negative; torch would take its square root and return NaN. nnsim clips
    # it to 0, so the denominator is ε there.
    rng = np.random.default_rng(1)
    theta = np.zeros(1000)
    opt = RMSprop([theta], lr=0.01, alpha=0.9, centered=True)
    for _ in range(500):
        opt.step([1 + 1e-10 * rng.standard_normal(1000)])
    assert np.all(np.isfinite(theta))


# --- API: in place, lazy state, several arrays, momentum, registry -----------------------------


@pytest.mark.parametrize("name", list(OPTIMIZERS))
def test_updates_in_place_and_creates_state_lazily(name: str) -> None:
    theta = np.array(QUAD_START)
    grad = np.array(quad_grad(QUAD_START))
    grad_before = grad.copy()
    opt = make_optimizer(name, [theta], weight_decay=0.1)
    assert opt.state_dict()["state"] == [{}]
    opt.step([grad])
    assert opt.state_dict()["state"][0]["step"] == 1
    assert not np.array_equal(theta, QUAD_START)
    np.testing.assert_array_equal(grad, grad_before)


@pytest.mark.parametrize("case", CASES, ids=[case_id(c) for c in CASES])
def test_several_arrays_give_the_same_result_as_one_flat_vector(case: tuple) -> None:
    name, hp, problem = case
    grad_fn, start = PROBLEMS[problem]
    flat = np.array(start)
    a, b = np.array(start[:1]), np.array(start[1:]).reshape(1, 3)
    opt_flat = make_optimizer(name, [flat], **hp)
    opt_split = make_optimizer(name, [a, b], **hp)
    for _ in range(20):
        opt_flat.step([np.array(grad_fn(flat.tolist()))])
        g = np.array(grad_fn([*a.tolist(), *b.ravel().tolist()]))
        opt_split.step([g[:1], g[1:].reshape(1, 3)])
    assert np.concatenate([a, b.ravel()]).tobytes() == flat.tobytes()


def test_defaults_are_pytorchs() -> None:
    theta = np.zeros(3)
    assert SGD([theta]).hyperparameters == dict(
        lr=0.01, momentum=0.0, dampening=0.0, nesterov=False, weight_decay=0.0
    )
    assert Adagrad([theta]).hyperparameters == dict(
        lr=0.01, lr_decay=0.0, weight_decay=0.0, initial_accumulator_value=0.0, eps=1e-10
    )
    assert RMSprop([theta]).hyperparameters == dict(
        lr=0.01, alpha=0.99, eps=1e-8, weight_decay=0.0, momentum=0.0, centered=False
    )
    adam = dict(lr=0.001, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0, amsgrad=False)
    assert Adam([theta]).hyperparameters == adam
    assert AdamW([theta]).hyperparameters == {**adam, "weight_decay": 0.01}


def test_hyperparameters_returns_a_copy() -> None:
    opt = SGD([np.zeros(2)], lr=0.1)
    opt.hyperparameters["lr"] = 5.0
    assert opt.lr == 0.1


@pytest.mark.parametrize(
    ("name", "key", "has_momentum"),
    [
        ("sgd", "momentum", True),
        ("rmsprop", "momentum", True),
        ("adam", "betas", True),
        ("adamw", "betas", True),
        ("adagrad", None, False),
    ],
)
def test_set_momentum(name: str, key: str | None, has_momentum: bool) -> None:
    opt = make_optimizer(name, [np.zeros(2)])
    assert opt.has_momentum is has_momentum
    before = opt.hyperparameters
    opt.set_momentum(0.85)
    if key is None:
        assert opt.hyperparameters == before
        assert opt.get_momentum() is None
    else:
        expected = (0.85, before["betas"][1]) if key == "betas" else 0.85
        assert opt.hyperparameters == {**before, key: expected}
        assert opt.get_momentum() == 0.85
        with pytest.raises(ValueError, match=r"must be (>= 0|in \[0, 1\))"):
            opt.set_momentum(-0.1 if key == "momentum" else 1.0)


def test_set_momentum_respects_nesterov_constraint() -> None:
    opt = SGD([np.zeros(2)], momentum=0.9, nesterov=True)
    opt.set_momentum(0.85)
    with pytest.raises(ValueError, match="nesterov=True requires momentum > 0"):
        opt.set_momentum(0.0)
    assert opt.get_momentum() == 0.85


def test_registry() -> None:
    expected = {"sgd": SGD, "adagrad": Adagrad, "rmsprop": RMSprop, "adam": Adam, "adamw": AdamW}
    assert expected == OPTIMIZERS
    theta = np.zeros(2)
    assert type(make_optimizer("adamw", [theta], lr=0.1)) is AdamW
    with pytest.raises(
        ValueError,
        match=r"unknown optimizer 'adamax'; allowed: sgd, adagrad, "
        r"rmsprop, adam, adamw",
    ):
        make_optimizer("adamax", [theta])


# --- state_dict / load_state_dict ---------------------------------------------------------------


@pytest.mark.parametrize("case", CASES, ids=[case_id(c) for c in CASES])
def test_state_dict_round_trip_is_bit_identical(case: tuple) -> None:
    name, hp, problem = case
    grad_fn, start = PROBLEMS[problem]
    theta = np.array(start)
    opt = make_optimizer(name, [theta], **hp)
    run(opt, theta, grad_fn, 20)
    saved, saved_theta = opt.state_dict(), theta.copy()
    snapshot = copy.deepcopy(saved)
    continued = run(opt, theta, grad_fn, 30)

    theta2 = saved_theta.copy()
    opt2 = make_optimizer(name, [theta2])  # default hyper-parameters, replaced by the load
    opt2.load_state_dict(saved)
    assert opt2.hyperparameters == opt.hyperparameters
    reloaded = run(opt2, theta2, grad_fn, 30)
    assert [x.tobytes() for x in reloaded] == [x.tobytes() for x in continued]

    # The saved dict holds copies: continuing either optimizer did not change it.
    for s, s0 in zip(saved["state"], snapshot["state"], strict=True):
        assert s.keys() == s0.keys()
        assert all(np.array_equal(s[k], s0[k]) for k in s)


def test_state_dict_contents() -> None:
    theta = np.array([1.0, 2.0])
    opt = Adam([theta], lr=0.1, amsgrad=True)
    opt.step([np.array([0.5, -0.5])])
    opt.step([np.array([0.5, -0.5])])
    d = opt.state_dict()
    assert d["optimizer"] == "adam"
    assert d["hyperparameters"] == opt.hyperparameters
    assert d["state"][0]["step"] == 2
    assert set(d["state"][0]) == {"step", "exp_avg", "exp_avg_sq", "max_exp_avg_sq"}
    d["state"][0]["exp_avg"][:] = 99.0  # mutating the dict does not touch the optimizer
    assert opt.state_dict()["state"][0]["exp_avg"][0] != 99.0


def test_load_state_dict_copies_the_arrays() -> None:
    theta = np.array([1.0])
    opt = SGD([theta], momentum=0.9)
    opt.step([np.array([1.0])])
    d = opt.state_dict()
    opt2 = SGD([np.array([1.0])])
    opt2.load_state_dict(d)
    d["state"][0]["momentum_buffer"][:] = 42.0
    assert opt2.state_dict()["state"][0]["momentum_buffer"][0] == 1.0


def test_load_state_dict_rejects_mismatches() -> None:
    theta = np.array([1.0, 2.0])
    adam = Adam([theta])
    adam.step([np.ones(2)])
    d = adam.state_dict()
    with pytest.raises(ValueError, match="state_dict is for 'adam', not 'sgd'"):
        SGD([np.zeros(2)]).load_state_dict(d)
    with pytest.raises(
        ValueError,
        match=r"does not fit: expected the hyper-parameters lr, betas.* and 1 parameter state",
    ):
        Adam([np.zeros(2)]).load_state_dict({**d, "state": d["state"] * 2})
    with pytest.raises(
        ValueError, match=r"state\[0\] arrays must have the shape of params\[0\], \(3,\)"
    ):
        Adam([np.zeros(3)]).load_state_dict(d)
    bad = {**d, "hyperparameters": {**d["hyperparameters"], "lr": -1.0}}
    with pytest.raises(ValueError, match=r"lr must be >= 0, got -1\.0"):
        Adam([np.zeros(2)]).load_state_dict(bad)


# --- validation ---------------------------------------------------------------------------------

nan, inf = float("nan"), float("inf")

BAD_HYPERPARAMETERS = [
    ("sgd", {"lr": -1}, r"^lr must be >= 0, got -1$"),
    ("adam", {"lr": -0.001}, r"^lr must be >= 0, got -0.001$"),
    ("sgd", {"momentum": -0.5}, r"^momentum must be >= 0, got -0.5$"),
    ("sgd", {"dampening": 1.5}, r"^dampening must be in \[0, 1\], got 1.5$"),
    ("sgd", {"weight_decay": -1e-4}, r"^weight_decay must be >= 0"),
    ("sgd", {"nesterov": True}, r"^nesterov=True requires momentum > 0 and dampening == 0"),
    ("sgd", {"nesterov": True, "momentum": 0.9, "dampening": 0.1}, r"dampening=0.1$"),
    ("sgd", {"nesterov": 1, "momentum": 0.9}, r"^nesterov must be True or False, got 1$"),
    ("sgd", {"lr": nan}, r"^lr must be a finite number, got nan$"),
    ("sgd", {"lr": inf}, r"^lr must be a finite number, got inf$"),
    ("sgd", {"momentum": -inf}, r"^momentum must be a finite number, got -inf$"),
    ("sgd", {"lr": "0.1"}, r"^lr must be a number, got '0.1' \(str\)$"),
    ("sgd", {"lr": True}, r"^lr must be a number, got True \(bool\)$"),
    ("sgd", {"lr": None}, r"^lr must be a number"),
    ("adagrad", {"lr_decay": -0.1}, r"^lr_decay must be >= 0"),
    ("adagrad", {"initial_accumulator_value": -1}, r"^initial_accumulator_value must be >= 0"),
    ("adagrad", {"eps": nan}, r"^eps must be a finite number"),
    ("rmsprop", {"alpha": 1.01}, r"^alpha must be in \[0, 1\], got 1.01$"),
    ("rmsprop", {"alpha": -0.1}, r"^alpha must be in \[0, 1\]"),
    ("rmsprop", {"eps": -1e-8}, r"^eps must be >= 0"),
    ("rmsprop", {"eps": inf}, r"^eps must be a finite number"),
    ("rmsprop", {"centered": "yes"}, r"^centered must be True or False, got 'yes'$"),
    ("rmsprop", {"momentum": nan}, r"^momentum must be a finite number"),
    ("adam", {"betas": (1.0, 0.999)}, r"^betas\[0\] must be in \[0, 1\), got 1.0$"),
    ("adam", {"betas": (-0.1, 0.999)}, r"^betas\[0\] must be in \[0, 1\)"),
    ("adam", {"betas": (0.9, 1)}, r"^betas\[1\] must be in \[0, 1\), got 1$"),
    ("adam", {"betas": (0.9, nan)}, r"^betas\[1\] must be a finite number"),
    ("adam", {"betas": 0.9}, r"^betas must be a pair \(beta1, beta2\), got 0.9$"),
    ("adam", {"betas": (0.9, 0.99, 0.999)}, r"^betas must be a pair"),
    ("adam", {"amsgrad": None}, r"^amsgrad must be True or False, got None$"),
    ("adamw", {"weight_decay": -0.01}, r"^weight_decay must be >= 0"),
    ("adamw", {"eps": -inf}, r"^eps must be a finite number"),
    (
        "adam",
        {"momentum": 0.9},
        r"unknown hyper-parameter\(s\) for Adam: 'momentum'; "
        r"allowed: lr, betas, eps, weight_decay, amsgrad",
    ),
    ("sgd", {"learning_rate": 0.1}, r"'learning_rate'; allowed: lr, momentum, dampening"),
]


@pytest.mark.parametrize(("name", "hp", "match"), BAD_HYPERPARAMETERS)
def test_bad_hyperparameters_are_rejected_at_construction(name: str, hp: dict, match: str) -> None:
    with pytest.raises(ValueError, match=match):
        make_optimizer(name, [np.zeros(2)], **hp)
    with pytest.raises(ValueError, match=match):  # same checks on direct construction
        OPTIMIZERS[name]([np.zeros(2)], **hp)


@pytest.mark.parametrize(
    ("name", "hp", "match"), [case for case in BAD_HYPERPARAMETERS if len(case[1]) == 1]
)
def test_bad_hyperparameters_are_rejected_live(name: str, hp: dict, match: str) -> None:
    opt = make_optimizer(name, [np.zeros(2)])
    before = opt.hyperparameters
    [(key, value)] = hp.items()
    with pytest.raises(ValueError, match=match):
        opt.set_hyperparameter(key, value)
    assert opt.hyperparameters == before  # a rejected value leaves the optimizer unchanged


def test_lr_setter_validates() -> None:
    opt = Adam([np.zeros(2)], lr=0.01)
    for bad, match in [(-1, "lr must be >= 0, got -1"), (nan, "lr must be a finite number")]:
        with pytest.raises(ValueError, match=match):
            opt.lr = bad
    assert opt.lr == 0.01


def test_accepted_edge_values() -> None:
    theta = np.zeros(2)
    assert SGD([theta], lr=0).lr == 0.0  # lr = 0 is allowed, as in torch
    assert Adam([theta], betas=[0, 0], eps=0).hyperparameters["betas"] == (0.0, 0.0)
    assert RMSprop([theta], alpha=1, momentum=np.float64(0.9)).hyperparameters["momentum"] == 0.9
    assert SGD([theta], momentum=0.9, nesterov=np.True_).hyperparameters["nesterov"] is True


def test_bad_params_and_grads() -> None:
    with pytest.raises(TypeError, match="sequence of arrays"):
        SGD(np.zeros(3))
    with pytest.raises(TypeError, match=r"params\[0\] must be a float64 NumPy array"):
        SGD([np.zeros(3, dtype=np.float32)])
    with pytest.raises(ValueError, match="empty parameter list"):
        SGD([])
    theta = np.zeros(3)
    with pytest.raises(ValueError, match="same array more than once"):
        SGD([theta, theta])
    opt = SGD([theta])
    with pytest.raises(ValueError, match="expected 1 gradient arrays, got 2"):
        opt.step([np.zeros(3), np.zeros(3)])
    with pytest.raises(ValueError, match=r"grads\[0\] has shape \(2,\), params\[0\] has \(3,\)"):
        opt.step([np.zeros(2)])
