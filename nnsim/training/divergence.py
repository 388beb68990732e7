"""Why a run blew up: what became non-finite first, and which setting made it so.

The learning rate is the usual culprit, but not the only one: a loss that is already
infinite before any update comes from the starting weights; an update that overflows while
``η·∇J`` is small comes from an optimizer hyper-parameter (momentum 1e308); a gradient that
overflows is an exploding gradient; and a rate a schedule raised (one-cycle's ``max_lr``) is
lowered through that schedule. :func:`find_divergence` tells these apart, as data (a
:class:`Divergence`: what went non-finite, the :class:`Cause`, the setting at fault by its
dotted experiment path and a safe value to try) with the sentence that says it; it only
reads the trainer (a replay of the optimizer runs on copies). The window's banner offers the
cure for that cause (:func:`nnsim.training.diagnosis.cures.divergence_cure`).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from nnsim.training.text import QT_TR_NOOP, Sentence, Text

if TYPE_CHECKING:
    from nnsim.training.trainer import Trainer

__all__ = ["CLIP_AT_1", "DIVERGED", "Cause", "Divergence", "divergence_message"]
__all__ += ["divergence_what", "explain_divergence", "find_divergence", "learning_rate_divergence"]
__all__ += ["show_value"]

_REPLAY_STEPS = 5  # updates replayed on one gradient: momentum overflows within three

DIVERGED = QT_TR_NOOP(
    "{what} at step {step} — the learning rate {lr:g} is too high for this network; try ≤ {lower:g}"
)
"""The explanation that blames the learning rate (the trainer's and the coach's)."""

CLIP_AT_1: dict[str, Any] = {"mode": "norm", "max_norm": 1.0}
"""``training.grad_clip`` that tames an exploding gradient (the explanation's "at 1, say";
the coach's cure for exploding gradients)."""

LR, INIT, GRAD_CLIP = "training.optimizer.lr", "network.init", "training.grad_clip"
SMALL_INIT = "article"
"""The smallest initialiser that is not all zeros (randn · 0.01): for starting weights that
the initialiser itself made overflow."""


class Cause(enum.Enum):
    """Which setting a divergence is blamed on."""

    LEARNING_RATE = "learning_rate"  #: the optimizer's ``lr``
    SCHEDULE = "schedule"  #: the rate a schedule gives (one-cycle's ``max_lr``)
    HYPERPARAMETER = "hyperparameter"  #: another optimizer hyper-parameter (momentum 1e308)
    INITIAL_WEIGHTS = "initial_weights"  #: the loss overflowed before any update
    GRADIENT = "gradient"  #: the gradient itself overflowed (exploding gradients)


@dataclass(frozen=True)
class Divergence:
    """Why a run blew up, as data, and the sentence that says it.

    Attributes
    ----------
    what
        What became non-finite first: ``"loss"`` or ``"weight"``.
    step
        The step that diverged (1-based).
    cause
        The :class:`Cause`.
    setting
        The dotted experiment path of the setting at fault (``training.optimizer.momentum``,
        ``training.schedule.max_lr``, ``network.init``, ``training.grad_clip``…).
    value
        That setting's value in the run (``None`` for ``training.grad_clip`` off).
    safe
        A value of ``setting`` to try instead (the explanation's suggestion), or None where
        none is known. For :attr:`Cause.INITIAL_WEIGHTS` it equals ``value`` when the
        initialiser is not to blame (weights edited by hand): its weights drawn again.
    explanation
        The trainer's sentence (``Trainer.diverged``).
    """

    what: str
    step: int
    cause: Cause
    setting: str
    value: Any
    safe: Any
    explanation: Sentence

    @property
    def name(self) -> str:
        """The setting's own name, the last part of :attr:`setting` (``momentum``)."""
        return self.setting.rpartition(".")[2]


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


def learning_rate_divergence(what: Text | str, step: int, lr: float) -> Divergence:
    """The divergence blamed on the learning rate (:func:`divergence_message`): what
    :func:`find_divergence` says when nothing else is at fault."""
    kind = "loss" if str(what).startswith("loss") else "weight"
    return Divergence(
        kind, step, Cause.LEARNING_RATE, LR, lr, lr / 10, divergence_message(what, step, lr)
    )


def explain_divergence(trainer: Trainer, what: Text | str, step: int, lr: float) -> Sentence:
    """The sentence of :func:`find_divergence`."""
    return find_divergence(trainer, what, step, lr).explanation


def find_divergence(trainer: Trainer, what: Text | str, step: int, lr: float) -> Divergence:
    """Why ``what`` (:func:`divergence_what`: ``loss became inf``, ``a weight became nan``)
    happened at ``step``: the starting weights, an exploding gradient, an optimizer
    hyper-parameter, the schedule's rate or the learning rate. ``trainer`` still has the
    weights before the failed update and that step's gradient."""
    net = trainer.network
    loss = str(what).startswith("loss")
    kind = "loss" if loss else "weight"
    with np.errstate(all="ignore"):
        if loss and trainer.steps_done == 0:
            init = trainer.experiment.network.init
            return Divergence(
                kind, step, Cause.INITIAL_WEIGHTS, INIT, init, _safe_init(trainer),
                Sentence(
                    QT_TR_NOOP(
                        "{what} at step {step}, before any update — the starting weights "
                        "already make the network's output overflow, so it is not the "
                        "learning rate; try another initialiser, or fewer or narrower layers"
                    ),
                    {"what": what, "step": step},
                ),
            )  # fmt: skip
        grad = net.grad
        grad_finite = bool(np.isfinite(grad).all())
        if not loss and not grad_finite:
            clip = trainer.experiment.training.grad_clip  # a GradClipSpec, or None
            return Divergence(
                kind, step, Cause.GRADIENT, GRAD_CLIP, clip, dict(CLIP_AT_1),
                Sentence(
                    QT_TR_NOOP(
                        "{what} at step {step} — the gradient overflowed (exploding "
                        "gradients), not only the learning rate; clip the gradient norm (at "
                        "1, say) or lower the learning rate"
                    ),
                    {"what": what, "step": step},
                ),
            )  # fmt: skip
        culprit = _hyperparameter_at_fault(trainer, grad if grad_finite else None)
        if culprit is not None:
            title = type(trainer.optimizer).title or trainer.optimizer.name
            name, value, default = culprit
            setting = f"training.optimizer.{name}"
            sentence = Sentence(
                QT_TR_NOOP(
                    "{what} at step {step} — {optimizer}'s {name} {value} makes its updates "
                    "overflow, not the learning rate {lr:g}; try {name} {default} (the default)"
                ),
                {
                    "what": what,
                    "step": step,
                    "optimizer": title,
                    "name": name,
                    "value": show_value(value),
                    "lr": lr,
                    "default": show_value(default),
                },
            )
            return Divergence(kind, step, Cause.HYPERPARAMETER, setting, value, default, sentence)
    schedule = trainer.schedule
    if schedule.lr0_field != "lr0":  # one-cycle: the rate follows max_lr, not the optimizer's
        field = schedule.lr0_field
        peak = float(getattr(schedule, field))
        sentence = Sentence(
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
                "field": field,
                "peak": peak,
                "lower": peak / 10,
            },
        )
        setting = f"training.schedule.{field}"
        return Divergence(kind, step, Cause.SCHEDULE, setting, peak, peak / 10, sentence)
    return learning_rate_divergence(what, step, lr)


def _safe_init(trainer: Trainer) -> str | None:
    """The initialiser to start again with: the run's own when the weights it drew were
    edited since (they are then drawn again), else a smaller one (None if it is already
    the smallest)."""
    init = trainer.experiment.network.init
    start, now = trainer.initial_state, trainer.network.state()
    names = trainer.network.parameter_names()  # not batch norm's running statistics
    if any(not np.array_equal(start[n], now[n]) for n in names):
        return init
    return None if init in (SMALL_INIT, "zeros") else SMALL_INIT


def show_value(value: Any) -> str:
    if isinstance(value, tuple | list):
        return "(" + ", ".join(show_value(v) for v in value) + ")"
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
    if grad is None or not grad.any():  # nothing to step along (clipped to 0 by an inf norm)
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
