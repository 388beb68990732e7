"""The hyper-parameter declarations: each is the one place its default, bounds and meaning
live, so the engine must enforce exactly what is declared, and the defaults must be
PyTorch's published ones."""

from __future__ import annotations

import math

import numpy as np
import pytest

from nnsim.engine.hyperparameters import REQUIRED, HyperParameter, Interval, check_values
from nnsim.engine.optimizers import OPTIMIZERS
from nnsim.engine.schedules import SCHEDULES, make_schedule

# torch.optim / torch.optim.lr_scheduler signatures (PyTorch 2.x documentation)
TORCH_DEFAULTS = {
    "sgd": {"momentum": 0.0, "dampening": 0.0, "nesterov": False, "weight_decay": 0.0},
    "adagrad": {"lr": 0.01, "lr_decay": 0.0, "weight_decay": 0.0,
                "initial_accumulator_value": 0.0, "eps": 1e-10},
    "rmsprop": {"lr": 0.01, "alpha": 0.99, "eps": 1e-8, "weight_decay": 0.0, "momentum": 0.0,
                "centered": False},
    "adam": {"lr": 0.001, "betas": (0.9, 0.999), "eps": 1e-8, "weight_decay": 0.0,
             "amsgrad": False},
    "adamw": {"lr": 0.001, "betas": (0.9, 0.999), "eps": 1e-8, "weight_decay": 0.01,
              "amsgrad": False},
    "step": {"gamma": 0.1},
    "cosine": {"eta_min": 0.0, "T_mult": 1},
    "one_cycle": {"pct_start": 0.3, "anneal_strategy": "cos", "div_factor": 25.0,
                  "final_div_factor": 1e4, "three_phase": False, "cycle_momentum": True,
                  "base_momentum": 0.85, "max_momentum": 0.95},
    "plateau": {"mode": "min", "factor": 0.1, "patience": 10, "threshold": 1e-4,
                "threshold_mode": "rel", "cooldown": 0, "min_lr": 0.0, "eps": 1e-8},
}  # fmt: skip


def declared(name: str) -> tuple[HyperParameter, ...]:
    cls = OPTIMIZERS.get(name) or SCHEDULES[name]
    return cls.hyperparameters() if name in SCHEDULES else cls.HYPERPARAMETERS


ALL = [(name, p) for name in [*OPTIMIZERS, *SCHEDULES] for p in declared(name)]


@pytest.mark.parametrize("name", TORCH_DEFAULTS)
def test_defaults_are_pytorchs(name: str) -> None:
    defaults = {p.name: p.default for p in declared(name)}
    assert {k: defaults[k] for k in TORCH_DEFAULTS[name]} == TORCH_DEFAULTS[name]


@pytest.mark.parametrize(("owner", "p"), ALL, ids=[f"{o}.{p.name}" for o, p in ALL])
def test_every_declaration_is_complete_and_its_default_passes_its_check(owner, p) -> None:
    assert p.help.endswith((".", ")")) and len(p.help) < 140  # one line
    assert p.kind != "choice" or p.choices
    assert p.kind != "pair" or len(p.parts) == 2
    if not p.required and p.default is not None:
        assert p.check(p.default) == p.default
    assert p.required is (p.default is REQUIRED)
    assert p.name in p.tooltip() or p.help in p.tooltip()


def _outside(interval: Interval) -> list[float]:
    """Values just outside each finite end (and the end itself when it is open)."""
    values = []
    for end, is_open, direction in ((interval.low, interval.low_open, -1),
                                    (interval.high, interval.high_open, 1)):  # fmt: skip
        if math.isfinite(end):
            values.append(end + direction * max(abs(end), 1.0) * 1e-9)
            if is_open:
                values.append(end)
    return values


NUMERIC = [(o, p) for o, p in ALL if p.kind in ("float", "int", "pair") and p.interval]


@pytest.mark.parametrize(("owner", "p"), NUMERIC, ids=[f"{o}.{p.name}" for o, p in NUMERIC])
def test_the_engine_enforces_the_declared_interval(owner, p) -> None:
    """Built through the real constructors, a value outside the declared interval is refused
    with a message naming the keyword; the closed ends are accepted."""
    cls = OPTIMIZERS.get(owner) or SCHEDULES[owner]
    base = {q.name: q.suggested for q in declared(owner) if q.suggested is not None}
    if owner == "one_cycle":
        base["max_lr"] = 0.1
    if owner == "cosine" and p.name in ("T_0", "T_mult"):
        base["restarts"] = True

    def build(value):
        kwargs = {**base, p.name: value}
        if owner in OPTIMIZERS:
            return cls([np.zeros(2)], **kwargs)
        lr0 = kwargs.pop("lr0", 0.1)
        return make_schedule(owner, lr0, **kwargs)

    for bad in _outside(p.interval):
        value = math.floor(bad) if p.kind == "int" else bad
        if p.kind == "int" and value in p.interval:
            continue
        value = (value, 0.5) if p.kind == "pair" else value
        with pytest.raises(ValueError, match=rf"^{p.name}(\[0\])? must be"):
            build(value)
    for end, is_open in ((p.interval.low, p.interval.low_open),
                         (p.interval.high, p.interval.high_open)):  # fmt: skip
        if math.isfinite(end) and not is_open and not (owner == "cosine" and p.name == "eta_min"):
            value = int(end) if p.kind == "int" else end
            build((value, 0.5) if p.kind == "pair" else value)


def test_check_values_names_unknown_and_missing_keywords() -> None:
    ps = (HyperParameter("a", REQUIRED, "int", "A."), HyperParameter("b", 1.0, "float", "B."))
    assert check_values("X", ps, {"a": 2}) == {"a": 2, "b": 1.0}
    with pytest.raises(ValueError, match=r"unknown hyper-parameter\(s\) for X: 'c'; allowed: a, b"):
        check_values("X", ps, {"a": 2, "c": 1})
    with pytest.raises(ValueError, match="X requires: a"):
        check_values("X", ps, {})


@pytest.mark.parametrize(
    ("interval", "text", "symbol"),
    [
        (Interval(0.0), ">= 0", "[0, ∞)"),
        (Interval(0.0, low_open=True), "> 0", "(0, ∞)"),
        (Interval(0.0, 1.0, high_open=True), "in [0, 1)", "[0, 1)"),
        (Interval(0.0, 1.0, low_open=True), "in (0, 1]", "(0, 1]"),
        (Interval(high=5.0), "<= 5", "(−∞, 5]"),
        (Interval(), "finite", "(−∞, ∞)"),
    ],
)
def test_intervals_read_as_people_write_them(interval, text, symbol) -> None:
    assert interval.text() == text and interval.symbol() == symbol
