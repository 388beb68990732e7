"""Reading the ``training`` section: batch size, optimizer, schedule, regularization and
gradient clipping.

An optimizer's or schedule's keywords are the ones the engine declares
(:mod:`nnsim.engine.hyperparameters`); their values are judged by the engine's checks.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np

from nnsim.engine.datasets import MAX_SAMPLES
from nnsim.engine.optimizers import OPTIMIZERS, Optimizer
from nnsim.engine.schedules import SCHEDULES, Schedule, make_schedule
from nnsim.training.experiment.hyperparameters import (
    check_hyperparameters,
    read_hyperparameter_value,
)
from nnsim.training.experiment.schema import (
    CLIP_KEYS,
    CLIP_MODES,
    DEFAULT_LR,
    MAX_LR,
    MAX_REGULARIZATION_RATE,
    REGULARIZATIONS,
    SCHEDULE_UNITS,
)
from nnsim.training.experiment.specs import (
    GradClipSpec,
    OptimizerSpec,
    RegularizationSpec,
    ScheduleSpec,
    TrainingSpec,
)
from nnsim.training.text import QT_TR_NOOP, Sentence
from nnsim.training.validation import (
    INVALID,
    Problems,
    child,
    describe,
    read_choice,
    read_int,
    read_number,
    read_object,
)

__all__ = ["parse_optimizer", "parse_training"]

_TRAINING_KEYS = (
    "batch_size", "optimizer", "schedule", "regularization", "grad_clip", "eval_every",
)  # fmt: skip
_REGULARIZATION_KEYS = ("kind", "rate")


def parse_training(problems: Problems, value: Any, path: str) -> Any:
    """The ``training`` object at ``path`` as a :class:`TrainingSpec`, or ``INVALID``."""
    d = read_object(problems, value, path, _TRAINING_KEYS)
    if d is None:
        return INVALID
    before = len(problems)
    batch_size = d.get("batch_size", 10)
    if batch_size != "all" and (type(batch_size) is not int or not 1 <= batch_size <= MAX_SAMPLES):
        got = describe(batch_size, with_type=True)
        template = QT_TR_NOOP("must be an integer in 1..{most} or 'all', got {got}")
        problems.add(
            child(path, "batch_size"), Sentence(template, {"most": MAX_SAMPLES, "got": got})
        )
    optimizer = parse_optimizer(problems, d.get("optimizer", {}), child(path, "optimizer"))
    lr = optimizer.lr if optimizer is not INVALID else DEFAULT_LR
    schedule = _parse_schedule(problems, d.get("schedule", {}), child(path, "schedule"), lr)
    regularization = _parse_regularization(
        problems, d.get("regularization", {}), child(path, "regularization")
    )
    grad_clip = _parse_grad_clip(problems, d.get("grad_clip"), child(path, "grad_clip"))
    eval_every = read_int(problems, d, "eval_every", path, 10, 1)
    if len(problems) > before:
        return INVALID
    return TrainingSpec(batch_size, optimizer, schedule, regularization, grad_clip, eval_every)


def _read_lr(problems: Problems, d: Mapping[str, Any], path: str) -> Any:
    return read_number(
        problems, d, "lr", path, DEFAULT_LR, low=0.0, high=MAX_LR, low_inclusive=False
    )


def _keywords(owner: type[Optimizer] | type[Schedule], own: str) -> tuple[str, ...]:
    """The declared hyper-parameter names of an optimizer or schedule besides ``own``, the
    one the file gives another way (the optimizer's ``lr``; a schedule's ``lr0``)."""
    declared = owner.hyperparameters() if issubclass(owner, Schedule) else owner.HYPERPARAMETERS
    return tuple(p.name for p in declared if p.name != own)


def _read_hyperparameters(
    problems: Problems,
    d: Mapping[str, Any],
    path: str,
    own_keys: tuple[str, ...],
    engine_keys: tuple[str, ...],
) -> dict[str, Any]:
    """The engine keywords of an optimizer or schedule object (its keys not in ``own_keys``).

    Unknown keys and values of a wrong type are recorded (such a value is ``INVALID``;
    the engine then judges nothing, as its complaints would follow from them).
    """
    allowed = (*own_keys, *engine_keys)
    read_object(problems, d, path, allowed)  # unknown and repeated keys
    return {
        key: read_hyperparameter_value(problems, value, child(path, key))
        for key, value in d.items()
        if key in engine_keys
    }


def parse_optimizer(problems: Problems, value: Any, path: str) -> Any:
    """The optimizer object at ``path`` as an :class:`OptimizerSpec`, or ``INVALID``."""
    if not isinstance(value, Mapping):
        read_object(problems, value, path, ())
        return INVALID
    before = len(problems)
    name = read_choice(problems, value, "name", path, "sgd", OPTIMIZERS)
    lr = _read_lr(problems, value, path)
    if name is INVALID:
        return INVALID
    optimizer = OPTIMIZERS[name]
    engine_keys = _keywords(optimizer, "lr")
    params = _read_hyperparameters(problems, value, path, ("name", "lr"), engine_keys)
    usable_lr = DEFAULT_LR if lr is INVALID else lr

    def build(**kwargs: Any) -> object:
        return optimizer.checked(lr=usable_lr, **kwargs)

    if INVALID not in params.values():
        check_hyperparameters(problems, path, build, params, engine_keys)
    if len(problems) > before:
        return INVALID
    return OptimizerSpec(name, {"lr": lr, **params})


def _parse_schedule(problems: Problems, value: Any, path: str, lr: float) -> Any:
    if not isinstance(value, Mapping):
        read_object(problems, value, path, ())
        return INVALID
    before = len(problems)
    name = read_choice(problems, value, "name", path, "constant", SCHEDULES)
    unit = read_choice(problems, value, "unit", path, "step", SCHEDULE_UNITS)
    if name is INVALID:
        return INVALID
    engine_keys = _keywords(SCHEDULES[name], "lr0")
    params = _read_hyperparameters(problems, value, path, ("name", "unit"), engine_keys)

    def build(**kwargs: Any) -> object:
        return make_schedule(name, lr, **kwargs)

    if INVALID not in params.values():
        check_hyperparameters(problems, path, build, params, engine_keys)
    if len(problems) > before:
        return INVALID
    bad_lr = _lr_curve_problem(make_schedule(name, lr, **params))
    if bad_lr:
        problems.add(path, bad_lr)
        return INVALID
    return ScheduleSpec(name, unit, params)


# Every step to 10⁴, then 199 more to 2⁵³ (geomspace's first is 10⁴ again, and np.unique
# would import numpy.ma at start-up: 20 ms).
_CURVE_STEPS = np.concatenate([np.arange(10_001), np.geomspace(1e4, 2**53, 200)[1:]])


def _lr_curve_problem(schedule: Schedule) -> str | None:
    """What is wrong with the learning rates ``schedule`` gives (from step 0 to 2⁵³), if
    anything: each must be finite and in [0, MAX_LR], the first > 0."""
    steps = _CURVE_STEPS.astype(np.int64)
    try:
        with np.errstate(all="ignore"):
            lr = schedule.lr_array(steps)
    except (ArithmeticError, TypeError, ValueError) as exc:  # what validates must run
        return f"with these values the learning rate cannot be computed ({type(exc).__name__})"
    bad = ~np.isfinite(lr) | (lr < 0) | (lr > MAX_LR)
    bad[0] |= not lr[0] > 0
    if not bad.any():
        return None
    i = int(np.flatnonzero(bad)[0])
    return (
        f"with these values the learning rate is {float(lr[i])!r} at step {steps[i]}; it must stay "
        f"finite, between 0 and {MAX_LR:g} (and start above 0)"
    )


def _parse_regularization(problems: Problems, value: Any, path: str) -> Any:
    d = read_object(problems, value, path, _REGULARIZATION_KEYS)
    if d is None:
        return INVALID
    kind = read_choice(problems, d, "kind", path, "none", REGULARIZATIONS)
    rate = read_number(problems, d, "rate", path, 0.0, low=0.0, high=MAX_REGULARIZATION_RATE)
    if INVALID in (kind, rate):
        return INVALID
    return RegularizationSpec(kind, rate)


def _parse_grad_clip(problems: Problems, value: Any, path: str) -> Any:
    if value is None:
        return None
    mode = value.get("mode", "norm") if isinstance(value, Mapping) else None
    threshold_key = CLIP_KEYS.get(mode) if isinstance(mode, str) else None
    keys = ("mode", threshold_key) if threshold_key else ("mode", *CLIP_KEYS.values())
    d = read_object(problems, value, path, keys)
    if d is None:
        return INVALID
    before = len(problems)
    mode = read_choice(problems, d, "mode", path, "norm", CLIP_MODES)
    threshold = 1.0
    if threshold_key:
        threshold = read_number(problems, d, threshold_key, path, 1.0, low=0.0,
                                low_inclusive=False)  # fmt: skip
    if len(problems) > before:
        return INVALID
    return GradClipSpec(mode, threshold)
