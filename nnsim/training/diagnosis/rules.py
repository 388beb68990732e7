"""The rules: each looks at one check's :class:`~.readings.Readings` and returns what it
finds (code, layer, evidence; the step it was first visible if earlier than the check).

Thresholds are in :mod:`.thresholds`, with why; the sentences in :mod:`.messages`.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import NamedTuple

import numpy as np

from nnsim.training.diagnosis import thresholds as limits
from nnsim.training.diagnosis.messages import Evidence
from nnsim.training.diagnosis.readings import Readings, column_medians


class Finding(NamedTuple):
    code: str
    layer: int | None
    evidence: Evidence
    step: int | None = None  # None: the check's step


def _median(values: np.ndarray) -> float:
    """The median of the finite values (NaN if none): one batch's number is noisy."""
    if not np.isfinite(values).all():
        values = values[np.isfinite(values)]
    return float(column_medians(values)) if values.size else math.nan


def _block_means(values: np.ndarray, blocks: int) -> np.ndarray:
    starts = np.linspace(0, len(values), blocks + 1).astype(np.intp)
    return np.add.reduceat(values, starts[:-1]) / np.diff(starts)


def _covers(steps: np.ndarray, since: int, window: int) -> bool:
    """Whether ``steps`` reach back over (nearly) the whole window (its first tenth)."""
    return bool(len(steps) >= 5 and steps[0] <= since + window // 10)


def oscillating(r: Readings) -> list[Finding]:
    since = r.step - limits.OSCILLATION_WINDOW
    steps, loss = r.evaluation("train_loss", since)
    if since < 0 or not _covers(steps, since, limits.OSCILLATION_WINDOW) or len(loss) < 10:
        return []
    ratio = _median(np.max(r.per_layer("update_ratio", since), axis=1))
    mean = float(np.mean(loss))
    if not (ratio > limits.OSCILLATION_RATIO and mean > 0):
        return []
    slope = float(np.polyfit(steps, loss, 1)[0])
    trend = slope * (steps[-1] - steps[0]) / mean  # relative change along the fitted line
    spread = float(loss.max() - loss.min()) / mean
    turns = int(np.sum(np.diff(np.sign(np.diff(loss))) != 0))
    if (
        trend > -limits.NO_TREND
        and spread >= limits.OSCILLATION_SPREAD
        and turns >= limits.OSCILLATION_TURNS
    ):
        evidence = {"ratio": ratio, "mean": mean, "spread": spread, "trend": trend}
        return [
            Finding(
                "oscillating",
                None,
                {**evidence, "turns": turns, "window": limits.OSCILLATION_WINDOW, "lr": r.lr},
            )
        ]
    return []  # fmt: skip


def _fall(r: Readings, window: int) -> tuple[float, float] | None:
    """(loss at the window's end, its relative fall over the window), from the evaluations'
    training loss (first and last tenth averaged), or None if the run is shorter."""
    since = r.step - window
    steps, loss = r.evaluation("train_loss", since)
    if since < 0 or not _covers(steps, since, window) or not np.isfinite(loss).all():
        return None
    tenth = max(1, len(loss) // 10)
    start, end = float(np.mean(loss[:tenth])), float(np.mean(loss[-tenth:]))
    return end, (start - end) / start if start > 0 else 0.0


def too_slow(r: Readings) -> list[Finding]:
    fall = _fall(r, limits.SLOW_WINDOW)
    if fall is None:
        return []
    ratio = _median(np.max(r.per_layer("update_ratio", r.step - limits.SLOW_WINDOW), axis=1))
    if ratio < limits.SLOW_RATIO and fall[1] < limits.SLOW_FALL:
        evidence = {"ratio": ratio, "fall": fall[1], "loss": fall[0], "window": limits.SLOW_WINDOW}
        return [Finding("too_slow", None, {**evidence, "lr": r.lr})]
    return []


def plateau(r: Readings) -> list[Finding]:
    fall = _fall(r, limits.PLATEAU_WINDOW)
    if fall is None:
        return []
    first = r.first_loss
    ratio = _median(np.max(r.per_layer("update_ratio", r.step - limits.PLATEAU_WINDOW), axis=1))
    stuck = fall[0] > limits.PLATEAU_UNFINISHED * first
    if abs(fall[1]) < limits.PLATEAU_FALL and ratio >= limits.SLOW_RATIO and stuck:
        evidence = {"loss": fall[0], "fall": fall[1], "ratio": ratio, "first_loss": first}
        return [Finding("plateau", None, {**evidence, "window": limits.PLATEAU_WINDOW})]
    return []


def dead_relu(r: Readings) -> list[Finding]:
    found = []
    for h in r.hidden:
        if h.activation != "relu":
            continue
        dead = int(np.sum(np.all(h.a <= 0.0, axis=0)))
        units = h.a.shape[1]
        if dead and dead / units >= limits.DEAD_FRACTION:
            evidence = {"dead": dead, "units": units, "fraction": dead / units}
            found.append(Finding("dead_relu", h.index, evidence))
    return found


def saturated(r: Readings) -> list[Finding]:
    found = []
    for h in r.hidden:
        if h.activation not in ("sigmoid", "tanh"):
            continue
        share = np.mean(np.abs(h.pre) > limits.SATURATION_Z, axis=0)  # per unit: share of samples
        count = int(np.sum(share >= limits.SATURATED_SAMPLES))
        units = h.pre.shape[1]
        if count and count / units >= limits.SATURATED_FRACTION:
            evidence = {"saturated": count, "units": units, "fraction": count / units}
            evidence_all = {**evidence, "activation": h.activation, "z": limits.SATURATION_Z}
            found.append(Finding("saturated", h.index, evidence_all))
    return found


def symmetric_units(r: Readings) -> list[Finding]:
    """Units with the same weights and bias get the same gradient and stay the same (dead
    ReLUs output the same 0 but have different weights: theirs is another rule)."""
    found = []
    for h in r.hidden:
        units = h.weights.shape[0]
        if units < 2 or not np.isfinite(h.weights).all():
            continue
        spread = float(np.max(np.abs(h.weights - h.weights[:1])))
        scale = float(np.max(np.abs(h.weights))) + 1.0
        if spread <= limits.SYMMETRY_TOLERANCE * scale:
            found.append(Finding("symmetric_units", h.index, {"units": units, "spread": spread}))
    return found


def vanishing_gradients(r: Readings) -> list[Finding]:
    if r.depth < 2 or not len(r.steps(r.step - limits.GRADIENT_WINDOW)):
        return []
    norms = r.gradient_medians
    first, last = norms["grad_norm_1"], norms[f"grad_norm_{r.depth}"]
    # exactly 0 is not a product of small derivatives but dead or identical units (their rules)
    if first > 0 and last > 0 and first < limits.VANISHING_RATIO * last:
        evidence = {"first": first, "last": last, "ratio": first / last, **norms}
        return [Finding("vanishing_gradients", 1, evidence)]
    return []


def exploding_gradients(r: Readings) -> list[Finding]:
    since = r.step - limits.EXPLODING_WINDOW
    per_layer = r.per_layer("grad_norm", since)
    steps = r.steps(since)
    if len(steps) > limits.EXPLODING_BASELINE:
        total = np.sqrt(np.sum(per_layer**2, axis=1))
        base = _median(total[: limits.EXPLODING_BASELINE])
        limit = limits.EXPLODING_GROWTH * base if base > 0 else math.inf  # NaN: never
        above = np.flatnonzero(total > limit)
        if len(above):
            peak = float(np.nanmax(np.where(np.isfinite(total), total, np.nan)))
            evidence = {"growth": peak / base, "from": base, "norm": peak}
            evidence["window"] = limits.EXPLODING_WINDOW
            return [Finding("exploding_gradients", None, evidence, int(steps[above[0]]))]
    if r.depth >= 2 and len(r.steps(r.step - limits.GRADIENT_WINDOW)):
        norms = r.gradient_medians
        first, last = norms["grad_norm_1"], norms[f"grad_norm_{r.depth}"]
        if last > 0 and first > limits.EXPLODING_RATIO * last:
            evidence = {"first": first, "last": last, "ratio": first / last, **norms}
            return [Finding("exploding_gradients", 1, evidence)]
    return []


def overfitting(r: Readings) -> list[Finding]:
    since = r.step - limits.OVERFIT_WINDOW
    steps, test = r.evaluation("test_loss", since)
    _, train = r.evaluation("train_loss", since)
    if (
        since < 0
        or not _covers(steps, since, limits.OVERFIT_WINDOW)
        or len(steps) < 2 * limits.OVERFIT_BLOCKS
    ):
        return []
    if not (np.isfinite(test).all() and np.isfinite(train).all()):
        return []
    test_blocks = _block_means(test, limits.OVERFIT_BLOCKS)
    train_blocks = _block_means(train, limits.OVERFIT_BLOCKS)
    rising = bool(np.all(np.diff(test_blocks) > 0))
    rise = test_blocks[-1] / test_blocks[0] - 1 if test_blocks[0] > 0 else 0.0
    if rising and rise >= limits.OVERFIT_RISE and train_blocks[-1] < train_blocks[0]:
        evidence = {"test_from": test_blocks[0], "test_to": test_blocks[-1], "rise": rise}
        evidence |= {"train_from": train_blocks[0], "train_to": train_blocks[-1]}
        return [Finding("overfitting", None, {**evidence, "window": limits.OVERFIT_WINDOW})]
    return []


CAUSES: tuple[Callable[[Readings], list[Finding]], ...] = (
    dead_relu,
    saturated,
    symmetric_units,
    vanishing_gradients,
    exploding_gradients,
    overfitting,
)
"""Rules that name a cause."""

SYMPTOMS: tuple[Callable[[Readings], list[Finding]], ...] = (oscillating, too_slow, plateau)
"""Rules that describe the loss; not raised when a cause below already explains a stuck run."""

EXPLAINS_A_STUCK_RUN = ("dead_relu", "symmetric_units", "vanishing_gradients", "saturated")
