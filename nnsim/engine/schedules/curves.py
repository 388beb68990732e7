"""A schedule's learning rate (and momentum) at each of the next training steps."""

from __future__ import annotations

import numpy as np

from nnsim.engine.hyperparameters import NON_NEGATIVE, HyperParameter, Interval
from nnsim.engine.schedules.base import FloatArray, IntArray, Schedule

__all__ = ["lr_curve", "momentum_curve"]

_N_STEPS = HyperParameter("n_steps", 0, "int", "", NON_NEGATIVE)
_PER_EPOCH = HyperParameter("steps_per_epoch", 1, "int", "", Interval(1.0))
_UNIT = HyperParameter("unit", "step", "choice", "", choices=("step", "epoch"))


def _curve_steps(n_steps: int, steps_per_epoch: int, unit: str) -> IntArray:
    steps = np.arange(_N_STEPS.check(n_steps), dtype=np.int64)
    per_epoch = _PER_EPOCH.check(steps_per_epoch)
    return steps if _UNIT.check(unit) == "step" else steps // per_epoch


def lr_curve(
    schedule: Schedule, n_steps: int, steps_per_epoch: int = 1, unit: str = "step"
) -> FloatArray:
    """Learning rate used at each training step ``s = 0 .. n_steps - 1``.

    Step ``s`` uses ``t = s`` when ``unit == "step"`` and ``t = s // steps_per_epoch`` when
    ``unit == "epoch"``. A plateau schedule gives its warm-up, then is flat at its current rate
    (future metrics are unknown).
    """
    return schedule.lr_array(_curve_steps(n_steps, steps_per_epoch, unit))


def momentum_curve(
    schedule: Schedule, n_steps: int, steps_per_epoch: int = 1, unit: str = "step"
) -> FloatArray | None:
    """Momentum at each training step like :func:`lr_curve`; ``None`` if not driven."""
    return schedule.momentum_array(_curve_steps(n_steps, steps_per_epoch, unit))
