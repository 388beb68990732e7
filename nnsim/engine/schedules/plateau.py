r"""PyTorch ``ReduceLROnPlateau``: the one schedule that keeps state."""

from __future__ import annotations

import math
from typing import Any, ClassVar

import numpy as np

from nnsim.engine.hyperparameters import NON_NEGATIVE, HyperParameter, Interval
from nnsim.engine.schedules.base import LR0, FloatArray, IntArray, Schedule, at_most
from nnsim.engine.text import QT_TR_NOOP

__all__ = ["ReduceLROnPlateau"]

_COUNTER = HyperParameter("counter", 0, "int", "", NON_NEGATIVE)  # checks saved counters
_RATE = HyperParameter("current_lr", 0.0, "float", "", Interval(0.0, low_open=True))


class ReduceLROnPlateau(Schedule):
    r"""PyTorch ``ReduceLROnPlateau``: stateful, call :meth:`observe` after each epoch/eval.

    For each observed metric :math:`m` (shown for mode 'min', threshold_mode 'rel'; 'max'/'rel',
    'min'/'abs', 'max'/'abs' test :math:`m > best(1 + \theta)`, :math:`m < best - \theta`,
    :math:`m > best + \theta`):

    1. if :math:`m < best \cdot (1 - \theta)`: best ← m, bad ← 0; else bad ← bad + 1
       (best starts at +inf, or -inf in 'max' mode; NaN never improves);
    2. if cooldown_counter > 0: cooldown_counter ← cooldown_counter - 1, bad ← 0;
    3. if bad > patience: new = max(lr · factor, min_lr); lr ← new only if lr - new > eps;
       cooldown_counter ← cooldown, bad ← 0.

    :meth:`lr` ignores ``t`` (apart from warm-up) and returns the current rate. ``threshold``
    is below 1 in 'rel' mode.
    """

    name = "plateau"
    title = QT_TR_NOOP("on plateau")
    summary = QT_TR_NOOP(
        "η × factor when the test loss has not improved for 'patience' evaluations. The "
        "preview cannot know when that happens."
    )
    formula = QT_TR_NOOP("η ← max(η·factor, min_lr) after patience evaluations without improvement")
    torch_name = "ReduceLROnPlateau"
    HYPERPARAMETERS = (
        LR0,
        HyperParameter(
            "mode", "min", "choice", QT_TR_NOOP("Whether the watched loss should fall or rise."),
            choices=("min", "max"), advanced=True,
        ),
        HyperParameter(
            "factor", 0.1, "float", QT_TR_NOOP("η ← η·factor when the loss stalls."),
            Interval(0.0, 1.0, low_open=True, high_open=True), label=QT_TR_NOOP("factor"),
        ),
        HyperParameter(
            "patience", 10, "int", QT_TR_NOOP("Evaluations without improvement before η drops."),
            NON_NEGATIVE, label=QT_TR_NOOP("patience"),
        ),
        HyperParameter(
            "threshold", 1e-4, "float", QT_TR_NOOP("How much better counts as an improvement."),
            NON_NEGATIVE, advanced=True,
        ),
        HyperParameter(
            "threshold_mode", "rel", "choice",
                QT_TR_NOOP("Whether threshold is relative or absolute."),
            choices=("rel", "abs"), advanced=True,
        ),
        HyperParameter(
            "cooldown", 0, "int",
                QT_TR_NOOP("Evaluations to wait after a drop before counting again."),
            NON_NEGATIVE, advanced=True,
        ),
        HyperParameter("min_lr", 0.0, "float",
            QT_TR_NOOP("η never drops below this."), NON_NEGATIVE,
                       advanced=True),
        HyperParameter("eps", 1e-8, "float", QT_TR_NOOP("A drop smaller than eps is ignored."),
                       NON_NEGATIVE, advanced=True),
    )  # fmt: skip
    _STATE: ClassVar[tuple[str, ...]] = (
        "current_lr",
        "best",
        "num_bad_epochs",
        "cooldown_counter",
        "last_epoch",
    )
    lr0: float
    mode: str
    factor: float
    patience: int
    threshold: float
    threshold_mode: str
    cooldown: int
    min_lr: float
    eps: float

    def _validate(self) -> None:
        if self.threshold_mode == "rel":
            at_most("threshold", self.threshold, Interval(0.0, 1.0, high_open=True))
        self.current_lr = self.lr0
        self.best = math.inf if self.mode == "min" else -math.inf
        self.num_bad_epochs = self.cooldown_counter = self.last_epoch = 0

    def _is_better(self, a: float, best: float) -> bool:
        rel = self.threshold_mode == "rel"
        if self.mode == "min":
            return a < (best * (1.0 - self.threshold) if rel else best - self.threshold)
        return a > (best * (self.threshold + 1.0) if rel else best + self.threshold)

    def observe(self, metric: float) -> float:
        """Record one epoch's metric; return the (possibly reduced) learning rate."""
        current = float(metric)
        self.last_epoch += 1
        if self._is_better(current, self.best):
            self.best, self.num_bad_epochs = current, 0
        else:
            self.num_bad_epochs += 1
        if self.cooldown_counter > 0:
            self.cooldown_counter -= 1
            self.num_bad_epochs = 0  # bad epochs during cooldown are ignored
        if self.num_bad_epochs > self.patience:
            new_lr = max(self.current_lr * self.factor, self.min_lr)
            if self.current_lr - new_lr > self.eps:
                self.current_lr = new_lr
            self.cooldown_counter, self.num_bad_epochs = self.cooldown, 0
        return self.current_lr

    def _lr(self, t: IntArray) -> FloatArray:
        return np.full(t.shape, self.current_lr)

    def _get_state(self) -> dict[str, Any]:
        return {key: getattr(self, key) for key in self._STATE}

    def _set_state(self, state: dict[str, Any]) -> None:
        if set(state) != set(self._STATE):
            raise ValueError(f"plateau state needs keys {sorted(self._STATE)}, got {sorted(state)}")
        self.current_lr = _RATE.check(state["current_lr"])
        self.best = float(state["best"])
        for key in ("num_bad_epochs", "cooldown_counter", "last_epoch"):
            setattr(self, key, _COUNTER.check(state[key], key))
