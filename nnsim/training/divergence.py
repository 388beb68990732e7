"""Why a run blew up: what became non-finite first, and which setting made it so.

The learning rate is the usual culprit, but not the only one: a loss that is already
infinite before any update comes from the starting weights; an update that overflows while
``η·∇J`` is small comes from an optimizer hyper-parameter (momentum 1e308); a gradient that
overflows is an exploding gradient; and a rate a schedule raised (one-cycle's ``max_lr``) is
lowered through that schedule. :func:`explain_divergence` tells these apart; it only reads
the trainer (a replay of the optimizer runs on copies).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

from nnsim.training.text import QT_TR_NOOP, Sentence, Text

if TYPE_CHECKING:
    from nnsim.training.trainer import Trainer

__all__ = ["DIVERGED", "divergence_message", "divergence_what", "explain_divergence"]

_REPLAY_STEPS = 5  # updates replayed on one gradient: momentum overflows within three

DIVERGED = QT_TR_NOOP(
    "{what} at step {step} — the learning rate {lr:g} is too high for this network; try ≤ {lower:g}"
)
"""The explanation that blames the learning rate (the trainer's and the coach's)."""


def divergence_what(bad: str, value: object) -> Text:
    """What became non-finite: ``loss became inf`` (``bad`` is ``"loss"``) or ``a weight
    became nan``."""
    if bad == "loss":
        return Text(QT_TR_NOOP("loss became {value}"), {"value": value})
    return Text(QT_TR_NOOP("a weight became {value}"), {"value": value})


def divergence_message(what: Text | str, step: int, lr: float) -> Sentence:
    """The explanation that blames the learning rate, e.g. ``loss became inf at step 212 —
    the learning rate 3 is too high for this network; try ≤ 0.3``."""
    return Sentence(DIVERGED, {"what": what, "step": step, "lr": lr, "lower": lr / 10})


def explain_divergence(trainer: Trainer, what: Text | str, step: int, lr: float) -> Sentence:
    """Why ``what`` (:func:`divergence_what`: ``loss became inf``, ``a weight became nan``)
    happened at ``step``: the starting weights, an exploding gradient, an optimizer
    hyper-parameter, the schedule's rate or the learning rate. ``trainer`` still has the
    weights before the failed update and that step's gradient."""
    net = trainer.network
    loss = str(what).startswith("loss")
    with np.errstate(all="ignore"):
        if loss and trainer.steps_done == 0:
            return Sentence(
                QT_TR_NOOP(
                    "{what} at step {step}, before any update — the starting weights already "
                    "make the network's output overflow, so it is not the learning rate; try "
                    "another initialiser, or fewer or narrower layers"
                ),
                {"what": what, "step": step},
            )
        grad = net.grad
        grad_finite = bool(np.isfinite(grad).all())
        if not loss and not grad_finite:
            return Sentence(
                QT_TR_NOOP(
                    "{what} at step {step} — the gradient overflowed (exploding gradients), "
                    "not only the learning rate; clip the gradient norm (at 1, say) or lower "
                    "the learning rate"
                ),
                {"what": what, "step": step},
            )
        culprit = _hyperparameter_at_fault(trainer, grad if grad_finite else None)
        if culprit is not None:
            title = type(trainer.optimizer).title or trainer.optimizer.name
            name, value, default = culprit
            return Sentence(
                QT_TR_NOOP(
                    "{what} at step {step} — {optimizer}'s {name} {value} makes its updates "
                    "overflow, not the learning rate {lr:g}; try {name} {default} (the default)"
                ),
                {
                    "what": what,
                    "step": step,
                    "optimizer": title,
                    "name": name,
                    "value": _show(value),
                    "lr": lr,
                    "default": _show(default),
                },
            )
    schedule = trainer.schedule
    if schedule.lr0_field != "lr0":  # one-cycle: the rate follows max_lr, not the optimizer's
        peak = float(getattr(schedule, schedule.lr0_field))
        return Sentence(
            QT_TR_NOOP(
                "{what} at step {step} — the learning rate {lr:g}, which the {schedule} "
                "schedule gives at this step ({field} {peak:g}), is too high for this "
                "network; try {field} ≤ {lower:g}"
            ),
            {
                "what": what,
                "step": step,
                "lr": lr,
                "schedule": Text(schedule.title),  # translated where the UI names it
                "field": schedule.lr0_field,
                "peak": peak,
                "lower": peak / 10,
            },
        )
    return divergence_message(what, step, lr)


def _show(value: Any) -> str:
    if isinstance(value, tuple | list):
        return "(" + ", ".join(_show(v) for v in value) + ")"
    return f"{value:g}" if isinstance(value, float) else str(value)


def _overflows(trainer: Trainer, hyperparameters: dict[str, Any], grad: np.ndarray) -> bool:
    """Whether a fresh optimizer with these hyper-parameters, stepping from the current
    weights along ``grad`` a few times, leaves the finite numbers."""
    theta = trainer.network.theta.copy()
    optimizer = type(trainer.optimizer)([theta], **hyperparameters)
    for _ in range(_REPLAY_STEPS):
        optimizer.step([grad])
        if not np.isfinite(theta).all():
            return True
    return False


def _hyperparameter_at_fault(
    trainer: Trainer, grad: np.ndarray | None
) -> tuple[str, Any, Any] | None:
    """(name, value, default) of the optimizer hyper-parameter (not the learning rate)
    without which the replayed updates stay finite, or None."""
    current = trainer.optimizer.hyperparameters
    defaults = type(trainer.optimizer).defaults()
    if grad is None:
        grad = np.ones_like(trainer.network.theta)
    if not _overflows(trainer, current, grad):
        return None
    for name, value in current.items():
        if name == "lr" or name not in defaults or value == defaults[name]:
            continue
        try:
            if not _overflows(trainer, {**current, name: defaults[name]}, grad):
                return name, value, defaults[name]
        except ValueError:  # a combination the engine refuses (nesterov without momentum)
            continue
    return None
