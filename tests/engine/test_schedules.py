"""Tests for nnsim.engine.schedules against independent references (no PyTorch needed).

The torch references below are ports of the per-step ("chainable") code paths of
``torch.optim.lr_scheduler`` -- StepLR/ExponentialLR/CosineAnnealingLR ``get_lr()``,
CosineAnnealingWarmRestarts ``step()``, OneCycleLR ``get_lr()`` and ReduceLROnPlateau ``step()`` --
driven the way torch drives them: the constructor's initial step sets ``last_epoch = 0`` and
each later ``scheduler.step()`` increments it, so the k-th value is the rate for ``t = k``.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from nnsim.engine.schedules import (
    SCHEDULES,
    Constant,
    CosineAnnealingLR,
    OneCycleLR,
    ReduceLROnPlateau,
    Schedule,
    StepLR,
    lr_curve,
    make_schedule,
    momentum_curve,
)

TOL = 1e-12


# ------------------------------------------------------------------------- torch-style references
def torch_step_lr(lr0: float, step_size: int, gamma: float, n: int) -> list[float]:
    lr, out = lr0, [lr0]  # initial step: lr unchanged
    for epoch in range(1, n):
        if epoch % step_size == 0:
            lr = lr * gamma
        out.append(lr)
    return out


def torch_exponential_lr(lr0: float, gamma: float, n: int) -> list[float]:
    lr, out = lr0, [lr0]
    for _ in range(1, n):
        lr = lr * gamma
        out.append(lr)
    return out


def torch_cosine_recursive(lr0: float, T_max: int, eta_min: float, n: int) -> list[float]:
    lr, out = lr0, [lr0]
    for e in range(1, n):
        if (e - 1 - T_max) % (2 * T_max) == 0:
            lr = lr + (lr0 - eta_min) * (1 - math.cos(math.pi / T_max)) / 2
        else:
            ratio = (1 + math.cos(math.pi * e / T_max)) / (1 + math.cos(math.pi * (e - 1) / T_max))
            lr = ratio * (lr - eta_min) + eta_min
        out.append(lr)
    return out


def torch_warm_restarts(lr0: float, T_0: int, T_mult: int, eta_min: float, n: int) -> list[float]:
    def value(t_cur: float, t_i: float) -> float:
        return eta_min + (lr0 - eta_min) * (1 + math.cos(math.pi * t_cur / t_i)) / 2

    t_cur, t_i = 0, T_0  # initial step(): epoch = 0 -> T_i = T_0, T_cur = 0
    out = [value(t_cur, t_i)]
    for _ in range(1, n):
        t_cur += 1
        if t_cur >= t_i:
            t_cur = t_cur % t_i
            t_i = t_i * T_mult
        out.append(value(t_cur, t_i))
    return out


def torch_one_cycle(
    max_lr: float,
    total_steps: int,
    pct_start: float = 0.3,
    anneal_strategy: str = "cos",
    div_factor: float = 25.0,
    final_div_factor: float = 1e4,
    three_phase: bool = False,
    base_momentum: float = 0.85,
    max_momentum: float = 0.95,
) -> tuple[list[float], list[float]]:
    group = {
        "initial_lr": max_lr / div_factor,
        "max_lr": max_lr,
        "max_momentum": max_momentum,
        "base_momentum": base_momentum,
    }
    group["min_lr"] = group["initial_lr"] / final_div_factor
    first = {
        "end_step": float(pct_start * total_steps) - 1,
        "start_lr": "initial_lr",
        "end_lr": "max_lr",
        "start_momentum": "max_momentum",
        "end_momentum": "base_momentum",
    }
    if three_phase:
        phases = [
            first,
            {
                "end_step": float(2 * pct_start * total_steps) - 2,
                "start_lr": "max_lr",
                "end_lr": "initial_lr",
                "start_momentum": "base_momentum",
                "end_momentum": "max_momentum",
            },
            {
                "end_step": total_steps - 1,
                "start_lr": "initial_lr",
                "end_lr": "min_lr",
                "start_momentum": "max_momentum",
                "end_momentum": "max_momentum",
            },
        ]
    else:
        phases = [
            first,
            {
                "end_step": total_steps - 1,
                "start_lr": "max_lr",
                "end_lr": "min_lr",
                "start_momentum": "base_momentum",
                "end_momentum": "max_momentum",
            },
        ]

    def anneal(start: float, end: float, pct: float) -> float:
        if anneal_strategy == "cos":
            return end + (start - end) / 2.0 * (math.cos(math.pi * pct) + 1)
        return (end - start) * pct + start

    lrs, moms = [], []
    for step_num in range(total_steps):  # torch's get_lr() with last_epoch = step_num
        start_step = 0.0
        for i, phase in enumerate(phases):
            end_step = phase["end_step"]
            if step_num <= end_step or i == len(phases) - 1:
                pct = (step_num - start_step) / (end_step - start_step)
                lrs.append(anneal(group[phase["start_lr"]], group[phase["end_lr"]], pct))
                moms.append(
                    anneal(group[phase["start_momentum"]], group[phase["end_momentum"]], pct)
                )
                break
            start_step = phase["end_step"]
    return lrs, moms


class TorchPlateau:
    """ReduceLROnPlateau as documented by torch (single param group)."""

    def __init__(
        self,
        lr,
        mode="min",
        factor=0.1,
        patience=10,
        threshold=1e-4,
        threshold_mode="rel",
        cooldown=0,
        min_lr=0.0,
        eps=1e-8,
    ):
        self.lr, self.mode, self.factor, self.patience = lr, mode, factor, patience
        self.threshold, self.threshold_mode = threshold, threshold_mode
        self.cooldown, self.min_lr, self.eps = cooldown, min_lr, eps
        self.best = math.inf if mode == "min" else -math.inf
        self.num_bad_epochs = 0
        self.cooldown_counter = 0

    def is_better(self, a: float) -> bool:
        if self.mode == "min" and self.threshold_mode == "rel":
            return a < self.best * (1.0 - self.threshold)
        if self.mode == "min":
            return a < self.best - self.threshold
        if self.threshold_mode == "rel":
            return a > self.best * (self.threshold + 1.0)
        return a > self.best + self.threshold

    def step(self, metric: float) -> float:
        current = float(metric)
        if self.is_better(current):
            self.best = current
            self.num_bad_epochs = 0
        else:
            self.num_bad_epochs += 1
        if self.cooldown_counter > 0:
            self.cooldown_counter -= 1
            self.num_bad_epochs = 0
        if self.num_bad_epochs > self.patience:
            old_lr = self.lr
            new_lr = max(old_lr * self.factor, self.min_lr)
            if old_lr - new_lr > self.eps:
                self.lr = new_lr
            self.cooldown_counter = self.cooldown
            self.num_bad_epochs = 0
        return self.lr


def curve_of(schedule: Schedule, n: int) -> np.ndarray:
    return np.array([schedule.lr(t) for t in range(n)])


# ------------------------------------------------------------------------------------- registry
def test_registry_has_the_seven_names() -> None:
    assert list(SCHEDULES) == [
        "constant",
        "inverse_time",
        "step",
        "exponential",
        "cosine",
        "one_cycle",
        "plateau",
    ]


# --------------------------------------------------------------------------- pure-function ones
def test_constant() -> None:
    s = make_schedule("constant", 0.05)
    assert isinstance(s, Constant)
    np.testing.assert_array_equal(curve_of(s, 60), np.full(60, 0.05))
    assert s.momentum(3) is None


def test_inverse_time_article_example() -> None:
    s = make_schedule("inverse_time", 0.1, decay_rate=0.01)
    assert s.lr(10) == pytest.approx(0.1 / 1.1, abs=1e-15)
    assert s.lr(10) == pytest.approx(0.0909, abs=1e-4)
    assert s.lr(0) == 0.1


@pytest.mark.parametrize(
    ("decay_rate", "decay_steps", "staircase"),
    [(0.01, 1, False), (0.5, 4, False), (0.5, 4, True), (2.0, 2.5, True), (0.0, 3, False)],
)
def test_inverse_time_matches_keras_formula(decay_rate, decay_steps, staircase) -> None:
    s = make_schedule(
        "inverse_time", 0.2, decay_rate=decay_rate, decay_steps=decay_steps, staircase=staircase
    )
    for t in range(80):
        p = math.floor(t / decay_steps) if staircase else t / decay_steps
        assert s.lr(t) == pytest.approx(0.2 / (1 + decay_rate * p), abs=TOL)


def test_inverse_time_staircase_hand_values() -> None:
    s = make_schedule("inverse_time", 1.0, decay_rate=1.0, decay_steps=4, staircase=True)
    assert [s.lr(t) for t in (0, 3, 4, 7, 8)] == [1.0, 1.0, 0.5, 0.5, 1 / 3]


@pytest.mark.parametrize(("step_size", "gamma"), [(1, 0.9), (7, 0.1), (10, 0.5), (3, 1.0)])
def test_step_matches_torch_recursive(step_size, gamma) -> None:
    s = make_schedule("step", 0.1, step_size=step_size, gamma=gamma)
    np.testing.assert_allclose(
        curve_of(s, 120), torch_step_lr(0.1, step_size, gamma, 120), rtol=0, atol=TOL
    )


def test_step_default_gamma_hand_values() -> None:
    s = make_schedule("step", 0.05, step_size=30)
    assert s.gamma == 0.1
    assert s.lr(29) == 0.05
    assert s.lr(30) == pytest.approx(0.005, abs=1e-15)
    assert s.lr(60) == pytest.approx(0.0005, abs=1e-15)


@pytest.mark.parametrize("gamma", [0.95, 0.5, 1.0])
def test_exponential_matches_torch_recursive(gamma) -> None:
    s = make_schedule("exponential", 0.1, gamma=gamma)
    np.testing.assert_allclose(
        curve_of(s, 200), torch_exponential_lr(0.1, gamma, 200), rtol=0, atol=TOL
    )


@pytest.mark.parametrize(("T_max", "eta_min"), [(17, 0.0), (50, 0.001), (10, 0.02), (1, 0.01)])
def test_cosine_matches_torch_recursive(T_max, eta_min) -> None:
    # several periods, so the rise after T_max and torch's special trough branch are covered
    s = make_schedule("cosine", 0.1, T_max=T_max, eta_min=eta_min)
    n = max(60, 5 * T_max)
    ref = torch_cosine_recursive(0.1, T_max, eta_min, n)
    np.testing.assert_allclose(curve_of(s, n), ref, rtol=0, atol=TOL)
    assert s.lr(T_max) == pytest.approx(eta_min, abs=TOL)
    assert s.lr(2 * T_max) == pytest.approx(0.1, abs=TOL)


@pytest.mark.parametrize(
    ("params", "T_0"),
    [
        ({"T_max": 10}, 10),
        ({"T_max": 10, "T_0": 7, "eta_min": 0.005}, 7),
        ({"T_0": 5, "T_mult": 2}, 5),
        ({"T_max": 3, "T_mult": 3, "eta_min": 0.01}, 3),
    ],
)
def test_cosine_warm_restarts_matches_torch(params, T_0) -> None:
    s = make_schedule("cosine", 0.1, restarts=True, **params)
    assert s.T_0 == T_0
    ref = torch_warm_restarts(0.1, T_0, params.get("T_mult", 1), params.get("eta_min", 0.0), 300)
    np.testing.assert_allclose(curve_of(s, 300), ref, rtol=0, atol=TOL)
    np.testing.assert_allclose(lr_curve(s, 300), ref, rtol=0, atol=TOL)


def test_cosine_warm_restarts_hand_values() -> None:
    s = make_schedule("cosine", 1.0, restarts=True, T_0=2, T_mult=2)  # cycles [0,2) [2,6) [6,14)
    assert s.lr(0) == s.lr(2) == s.lr(6) == s.lr(14) == 1.0
    assert s.lr(1) == pytest.approx(0.5, abs=TOL)
    assert s.lr(4) == pytest.approx(0.5, abs=TOL)
    assert s.lr(10) == pytest.approx(0.5, abs=TOL)


# ---------------------------------------------------------------------------------- one-cycle
ONE_CYCLE_CASES = [
    {"total_steps": 100},
    {"total_steps": 57, "anneal_strategy": "linear"},
    {"total_steps": 1000, "three_phase": True},
    {"total_steps": 93, "three_phase": True, "anneal_strategy": "linear", "pct_start": 0.45},
    {"total_steps": 50, "pct_start": 0.01},  # pct_start * total_steps < 1
    {"total_steps": 60, "pct_start": 0.0},
    {"total_steps": 60, "pct_start": 1.0},
    {"total_steps": 77, "div_factor": 10.0, "final_div_factor": 100.0, "pct_start": 0.25},
    {"total_steps": 64, "base_momentum": 0.8, "max_momentum": 0.99},
]


@pytest.mark.parametrize("params", ONE_CYCLE_CASES)
def test_one_cycle_matches_torch(params) -> None:
    s = make_schedule("one_cycle", 0.4, **params)
    ref_lr, ref_mom = torch_one_cycle(0.4, **params)
    n = params["total_steps"]
    np.testing.assert_allclose(curve_of(s, n), ref_lr, rtol=0, atol=TOL)
    np.testing.assert_allclose(lr_curve(s, n), ref_lr, rtol=0, atol=TOL)
    np.testing.assert_allclose([s.momentum(t) for t in range(n)], ref_mom, rtol=0, atol=TOL)
    np.testing.assert_allclose(momentum_curve(s, n), ref_mom, rtol=0, atol=TOL)


def test_one_cycle_endpoints_and_shape() -> None:
    s = make_schedule("one_cycle", 0.1, total_steps=100)
    assert isinstance(s, OneCycleLR)
    assert s.max_lr == 0.1
    assert s.lr(0) == pytest.approx(0.1 / 25, abs=1e-15)
    assert s.lr(99) == pytest.approx(0.1 / 25 / 1e4, abs=1e-15)
    assert s.momentum(0) == pytest.approx(0.95, abs=1e-15)
    assert s.momentum(99) == pytest.approx(0.95, abs=1e-15)
    lr, mom = lr_curve(s, 100), momentum_curve(s, 100)
    assert mom is not None
    # float(0.3 * 100) - 1 = 29.000000000000004: step 29 is the last of the rising phase
    assert np.argmax(lr) == 29 == np.argmin(mom)
    assert lr.max() == pytest.approx(0.1, abs=1e-12)
    assert mom.min() == pytest.approx(0.85, abs=1e-12)
    # beyond total_steps the final values are held
    assert s.lr(100) == s.lr(5000) == s.lr(99)
    assert s.momentum(250) == s.momentum(99)


def test_one_cycle_hand_values_cos() -> None:
    # T=20, pct_start=0.25: phase 1 ends at float(5.0) - 1 = 4; initial = 1/4 = 0.25
    s = make_schedule("one_cycle", 1.0, total_steps=20, pct_start=0.25, div_factor=4.0)
    assert s.lr(0) == 0.25
    assert s.lr(2) == pytest.approx(0.625, abs=1e-15)  # halfway: (0.25 + 1) / 2
    assert s.momentum(2) == pytest.approx(0.9, abs=1e-15)  # (0.95 + 0.85) / 2
    assert s.lr(4) == 1.0
    assert s.momentum(4) == pytest.approx(0.85, abs=1e-15)
    assert s.lr(19) == pytest.approx(0.25 / 1e4, abs=1e-15)


def test_one_cycle_hand_values_linear() -> None:
    # T=11, pct_start=0.5: phase ends 4.5 and 10; lr 0.1 -> 1 -> 0.01; momentum 0.95 -> 0.5 -> 0.95
    s = make_schedule(
        "one_cycle",
        1.0,
        total_steps=11,
        pct_start=0.5,
        anneal_strategy="linear",
        div_factor=10.0,
        final_div_factor=10.0,
        base_momentum=0.5,
    )
    expected_lr = [0.1, 0.3, 0.5, 0.7, 0.9, 1 - 0.99 / 11, 1 - 0.99 * 3 / 11]
    np.testing.assert_allclose(lr_curve(s, 7), expected_lr, rtol=0, atol=1e-14)
    expected_mom = [0.95, 0.85, 0.75, 0.65, 0.55, 0.5 + 0.45 / 11]
    np.testing.assert_allclose(momentum_curve(s, 6), expected_mom, rtol=0, atol=1e-14)
    assert s.lr(10) == pytest.approx(0.01, abs=1e-15)


def test_one_cycle_explicit_max_lr_and_no_momentum() -> None:
    s = make_schedule("one_cycle", 0.1, max_lr=0.5, total_steps=50, cycle_momentum=False)
    assert s.max_lr == 0.5
    assert s.lr(0) == pytest.approx(0.02, abs=1e-15)
    assert s.momentum(10) is None
    assert momentum_curve(s, 50) is None


# ---------------------------------------------------------------------------------- plateau
def run_plateau(params: dict, metrics: list[float]) -> tuple[list[float], list[float]]:
    ours = make_schedule("plateau", 0.1, **params)
    ref = TorchPlateau(0.1, **params)
    got = [ours.observe(m) for m in metrics]
    assert ours.lr(1000) == got[-1]
    return got, [ref.step(m) for m in metrics]


STALL = [10, 9, 8, 8, 8, 8, 8, 7, 7.5, 7.2, 7.1, 7.0, 6.0, 6.0, 6.0, 6.0, 6.0, 6.0, 6.0, 6.0]
PLATEAU_CASES = [
    ({"patience": 2, "factor": 0.5}, STALL * 3),
    ({"patience": 2, "factor": 0.5, "cooldown": 3}, STALL * 3),
    ({"patience": 0, "factor": 0.5, "min_lr": 0.02}, [5.0] * 60),
    ({"patience": 1, "factor": 0.95, "eps": 0.01}, [5.0] * 60),  # eps rule: 0.005 < eps
    ({"patience": 1, "factor": 0.5, "min_lr": 0.099999995}, [5.0] * 60),  # 5e-9 < eps
    ({"mode": "max", "patience": 2, "factor": 0.5}, [0.5, 0.6, 0.6, 0.6, 0.6, 0.7] * 10),
    (
        {"mode": "max", "threshold": 0.1, "threshold_mode": "abs", "patience": 1},
        [0.5, 0.55, 0.58, 0.7, 0.75, 0.79, 0.9] * 8,
    ),
    (
        {"threshold": 0.5, "threshold_mode": "abs", "patience": 2, "factor": 0.5},
        [10, 9.8, 9.6, 9.4, 9.2, 8.0, 7.9, 7.8, 7.7] * 6,
    ),
    ({"threshold": 0.05, "patience": 1, "factor": 0.5}, [10, 9.6, 9.2, 8.0, 7.9] * 12),
    ({"patience": 1, "factor": 0.5}, [1.0, math.nan, math.nan, 0.5, math.nan] * 12),
]


@pytest.mark.parametrize(("params", "metrics"), PLATEAU_CASES)
def test_plateau_matches_torch_algorithm(params, metrics) -> None:
    got, ref = run_plateau(params, metrics)
    assert len(got) >= 50
    assert got == ref


@pytest.mark.parametrize("seed", [0, 1, 2])
@pytest.mark.parametrize(
    "params",
    [
        {"patience": 3, "cooldown": 2, "factor": 0.5, "min_lr": 1e-3},
        {"mode": "max", "patience": 2, "threshold": 0.01},
        {"mode": "max", "threshold_mode": "abs", "threshold": 0.02, "cooldown": 1},
        {"patience": 0, "threshold_mode": "abs", "threshold": 0.05, "factor": 0.7},
    ],
)
def test_plateau_random_walk_matches_torch_algorithm(params, seed) -> None:
    rng = np.random.default_rng(seed)
    metrics = list(1.0 + np.cumsum(rng.normal(0.0, 0.05, 300)))
    got, ref = run_plateau(params, metrics)
    assert got == ref


def test_plateau_hand_sequence() -> None:
    s = make_schedule("plateau", 1.0, patience=2, factor=0.5, cooldown=1)
    lrs = [s.observe(m) for m in [3.0, 3.0, 3.0, 3.0, 3.0, 3.0, 3.0, 2.0]]
    # epoch 1 sets best; bad = 1, 2, 3 at epochs 2-4 -> reduce at epoch 4 (cooldown_counter = 1);
    # epoch 5's bad epoch is eaten by the cooldown; bad = 1, 2 at epochs 6-7; epoch 8 improves
    assert lrs == [1.0, 1.0, 1.0, 0.5, 0.5, 0.5, 0.5, 0.5]
    assert (s.num_bad_epochs, s.cooldown_counter, s.last_epoch) == (0, 0, 8)
    assert s.observe(2.0) == 0.5
    assert s.observe(2.0) == 0.5
    assert s.observe(2.0) == 0.25


def test_plateau_curve_is_flat_at_current_lr_and_warms_up() -> None:
    s = make_schedule("plateau", 0.1, patience=0, factor=0.5, warmup_steps=3)
    s.observe(1.0)
    s.observe(2.0)
    assert s.lr(0) == pytest.approx(0.05 / 4, abs=1e-15)
    np.testing.assert_allclose(lr_curve(s, 10)[3:], 0.05, rtol=0, atol=0)
    np.testing.assert_allclose(lr_curve(s, 3), [0.05 / 4, 0.05 / 2, 0.05 * 3 / 4], atol=1e-15)


def test_plateau_state_dict_round_trip() -> None:
    params = {"patience": 2, "factor": 0.5, "cooldown": 2, "min_lr": 1e-3}
    a = make_schedule("plateau", 0.1, **params)
    rng = np.random.default_rng(5)
    metrics = list(1.0 + np.cumsum(rng.normal(0.0, 0.05, 80)))
    for m in metrics[:40]:
        a.observe(m)
    b = make_schedule("plateau", 0.3)
    b.load_state_dict(a.state_dict())
    assert b.state_dict() == a.state_dict()
    assert b.params() == a.params()
    assert [a.observe(m) for m in metrics[40:]] == [b.observe(m) for m in metrics[40:]]
    assert isinstance(b, ReduceLROnPlateau)


def test_stateless_state_dict_round_trip_and_errors() -> None:
    a = make_schedule("cosine", 0.1, T_max=20, warmup_steps=3)
    b = make_schedule("cosine", 0.5, T_max=7)
    b.load_state_dict(a.state_dict())
    assert b == a
    np.testing.assert_array_equal(lr_curve(a, 50), lr_curve(b, 50))
    with pytest.raises(ValueError, match="state_dict is for 'cosine', not 'step'"):
        make_schedule("step", 0.1, step_size=2).load_state_dict(a.state_dict())
    c = make_schedule("plateau", 0.1)
    bad = c.state_dict()
    del bad["state"]["best"]
    with pytest.raises(ValueError, match="plateau state needs keys"):
        c.load_state_dict(bad)


# ---------------------------------------------------------------------------------- warm-up
WARMUP_CASES = [
    ("constant", {}),
    ("inverse_time", {"decay_rate": 0.1}),
    ("step", {"step_size": 4, "gamma": 0.5}),
    ("exponential", {"gamma": 0.9}),
    ("cosine", {"T_max": 12, "eta_min": 0.01}),
    ("cosine", {"T_max": 4, "restarts": True, "T_mult": 2}),
    ("one_cycle", {"total_steps": 40}),
    ("plateau", {}),
]


@pytest.mark.parametrize(("name", "params"), WARMUP_CASES)
@pytest.mark.parametrize("W", [1, 5, 13])
def test_warmup_composition(name, params, W) -> None:
    base = make_schedule(name, 0.1, **params)
    warm = make_schedule(name, 0.1, warmup_steps=W, **params)
    n = 70
    expected = [base.lr(0) * (t + 1) / (W + 1) if t < W else base.lr(t - W) for t in range(n)]
    np.testing.assert_allclose(lr_curve(warm, n), expected, rtol=0, atol=TOL)
    np.testing.assert_allclose(curve_of(warm, n), expected, rtol=0, atol=TOL)
    base_mom = momentum_curve(base, n)
    warm_mom = momentum_curve(warm, n)
    if base_mom is None:
        assert warm_mom is None
    else:
        expected_mom = [base.momentum(max(t - W, 0)) for t in range(n)]
        np.testing.assert_allclose(warm_mom, expected_mom, rtol=0, atol=TOL)


def test_warmup_hand_values() -> None:
    s = make_schedule("constant", 0.1, warmup_steps=4)
    np.testing.assert_allclose(lr_curve(s, 6), [0.02, 0.04, 0.06, 0.08, 0.1, 0.1], atol=1e-15)
    e = make_schedule("exponential", 1.0, gamma=0.5, warmup_steps=1)
    assert [e.lr(t) for t in range(4)] == [0.5, 1.0, 0.5, 0.25]


# ---------------------------------------------------------------------------------- curves
def test_lr_curve_per_epoch_unit() -> None:
    s = make_schedule("step", 1.0, step_size=2, gamma=0.5)
    curve = lr_curve(s, 14, steps_per_epoch=3, unit="epoch")
    np.testing.assert_array_equal(curve, [1.0] * 6 + [0.5] * 6 + [0.25] * 2)
    np.testing.assert_array_equal(curve, [s.lr(step // 3) for step in range(14)])
    np.testing.assert_array_equal(lr_curve(s, 14, steps_per_epoch=3), curve_of(s, 14))
    assert lr_curve(s, 0).shape == (0,)


def test_momentum_curve_per_epoch_unit() -> None:
    s = make_schedule("one_cycle", 0.1, total_steps=20)
    mom = momentum_curve(s, 60, steps_per_epoch=3, unit="epoch")
    assert mom is not None
    np.testing.assert_array_equal(mom, [s.momentum(step // 3) for step in range(60)])
    assert momentum_curve(make_schedule("constant", 0.1), 10, unit="epoch") is None


@pytest.mark.parametrize(("name", "params"), WARMUP_CASES)
def test_lr_curve_is_one_vectorised_evaluation(name, params, monkeypatch) -> None:
    """100 000 steps of a curve are one array evaluation of the closed form, never a Python
    loop over steps (its speed is measured by tests/benchmarks, not asserted here)."""
    s = make_schedule(name, 0.1, warmup_steps=100, **params)
    expected = [s.lr(t) for t in range(0, 100_000, 997)]
    shapes = []
    closed_form = type(s)._lr

    def counted(self, t):
        shapes.append(np.shape(t))
        return closed_form(self, t)

    monkeypatch.setattr(type(s), "_lr", counted)
    curve = lr_curve(s, 100_000)
    assert shapes == [(100_000,)]
    np.testing.assert_allclose(curve[::997], expected, rtol=1e-15)


def test_lr_array_accepts_arrays() -> None:
    s = make_schedule("step", 0.1, step_size=2)
    t = np.array([[0, 1], [2, 5]])
    assert s.lr_array(t).shape == (2, 2)
    assert isinstance(s.lr(np.int64(3)), float)
    assert isinstance(StepLR(lr0=0.1, step_size=1), Schedule)
    assert isinstance(CosineAnnealingLR(lr0=0.1, T_max=3).lr(2), float)


# ---------------------------------------------------------------------------------- errors
BAD = [
    ("step", 0.1, {"step_size": 10, "gamma": 1.5}, r"gamma must be in \(0, 1\], got 1\.5"),
    ("step", 0.1, {"step_size": 2.5}, r"step_size must be a positive integer, got 2\.5"),
    ("step", 0.1, {"step_size": True}, "step_size must be a positive integer, got True"),
    ("cosine", 0.1, {"T_max": 0}, "T_max must be a positive integer, got 0"),
    ("cosine", 0.1, {}, "T_max must be a positive integer, got None"),
    ("cosine", 0.1, {"T_max": 5, "eta_min": 0.5}, r"eta_min must be in \[0, 0\.1\], got 0\.5"),
    ("cosine", 0.1, {"T_max": 5, "T_mult": 2}, "T_0 and T_mult require restarts=True"),
    ("cosine", 0.1, {"restarts": True, "T_0": -1}, "T_0 must be a positive integer, got -1"),
    ("cosine", 0.1, {"T_max": 5, "restarts": True, "T_mult": 0}, "T_mult must be a positive"),
    ("cosine", 0.1, {"T_max": 5, "restarts": 1}, "restarts must be True or False, got 1"),
    ("constant", math.inf, {}, "lr0 must be a finite number, got inf"),
    ("constant", -1.0, {}, r"lr0 must be > 0, got -1\.0"),
    ("constant", "0.1", {}, r"lr0 must be a number, got '0.1' \(str\)"),
    ("exponential", 0.1, {"gamma": math.nan}, "gamma must be a finite number, got nan"),
    ("exponential", 0.1, {"gamma": 0.0}, r"gamma must be in \(0, 1\], got 0\.0"),
    ("inverse_time", 0.1, {"decay_rate": -0.1}, r"decay_rate must be >= 0, got -0\.1"),
    ("inverse_time", 0.1, {"decay_rate": 0.1, "decay_steps": 0}, "decay_steps must be > 0, got 0"),
    ("one_cycle", 0.1, {"total_steps": 0}, "total_steps must be a positive integer, got 0"),
    ("one_cycle", 0.1, {"total_steps": 9, "pct_start": 1.5}, r"pct_start must be in \[0, 1\]"),
    ("one_cycle", 0.1, {"total_steps": 10, "pct_start": 0.1}, "pct_start . total_steps must not"),
    ("one_cycle", 0.1, {"total_steps": 9, "anneal_strategy": "exp"}, "anneal_strategy must be"),
    ("one_cycle", 0.1, {"total_steps": 9, "div_factor": 0}, "div_factor must be > 0, got 0"),
    ("one_cycle", 0.1, {"total_steps": 9, "base_momentum": 1.0}, r"base_momentum must be in \[0"),
    ("one_cycle", 0.1, {"total_steps": 9, "three_phase": "yes"}, "three_phase must be True or"),
    ("one_cycle", 0.1, {"max_lr": -2.0, "total_steps": 9}, r"max_lr must be > 0, got -2\.0"),
    ("plateau", 0.1, {"mode": "avg"}, "mode must be one of 'min', 'max', got 'avg'"),
    ("plateau", 0.1, {"factor": 1.0}, r"factor must be in \(0, 1\), got 1\.0"),
    ("plateau", 0.1, {"patience": -1}, "patience must be a non-negative integer, got -1"),
    ("plateau", 0.1, {"threshold_mode": "pct"}, "threshold_mode must be one of 'rel', 'abs'"),
    ("plateau", 0.1, {"threshold": 1.0}, r"threshold must be in \[0, 1\), got 1\.0"),
    ("plateau", 0.1, {"cooldown": 1.5}, "cooldown must be a non-negative integer"),
    ("plateau", 0.1, {"min_lr": -1e-3}, "min_lr must be >= 0"),
    ("plateau", 0.1, {"eps": math.inf}, "eps must be a finite number"),
    ("constant", 0.1, {"warmup_steps": -1}, "warmup_steps must be a non-negative integer, got -1"),
    ("constant", 0.1, {"warmup_steps": 2.0}, "warmup_steps must be a non-negative integer"),
    ("nope", 0.1, {}, "unknown schedule 'nope'; allowed: constant, inverse_time"),
    ("step", 0.1, {"step_size": 2, "gama": 0.5}, r"for schedule .step.: .gama.; allowed: "),
    ("step", 0.1, {"lr": 0.5}, r"unknown hyper-parameter\(s\) for schedule 'step': 'lr'"),
    ("step", 0.1, {}, "schedule 'step' requires: step_size"),
    ("one_cycle", 0.1, {}, "schedule 'one_cycle' requires: total_steps"),
    ("exponential", 0.1, {}, "requires: gamma"),
]


@pytest.mark.parametrize(("name", "lr0", "params", "match"), BAD)
def test_bad_parameters_raise(name, lr0, params, match) -> None:
    with pytest.raises(ValueError, match=match):
        make_schedule(name, lr0, **params)


def test_bad_t_and_curve_arguments_raise() -> None:
    s = make_schedule("constant", 0.1)
    for t in (-1, 1.5, True, [1, 2]):
        with pytest.raises(ValueError, match="t must be a non-negative integer"):
            s.lr(t)
    with pytest.raises(ValueError, match="t must be a non-negative integer"):
        s.lr_array(np.array([0, -3]))
    with pytest.raises(ValueError, match="unit must be one of 'step', 'epoch', got 'batch'"):
        lr_curve(s, 10, unit="batch")
    with pytest.raises(ValueError, match="steps_per_epoch must be a positive integer, got 0"):
        lr_curve(s, 10, steps_per_epoch=0, unit="epoch")
    with pytest.raises(ValueError, match="n_steps must be a non-negative integer, got -1"):
        momentum_curve(s, -1)
