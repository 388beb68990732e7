"""What :class:`~nnsim.training.step_line.StepLineProbe` measures along the gradient line of
one step (:class:`StepLine`), and where the chosen learning rate lands, in the learner's
words (:meth:`StepLine.verdict`)."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

PAST, SHORT = 1.25, 0.8  # chosen η / best η beyond which the step overshoots / falls short


def _g(value: float) -> str:
    return f"{value:.3g}"


@dataclass(frozen=True, eq=False)
class StepLine:
    """The loss along the gradient line of one step (see the module docstring).

    Attributes
    ----------
    step
        The step this line is of (as ``StepResult.step``: 1 for the first).
    lr
        The learning rate η₀ the step uses.
    etas
        (K,) increasing step sizes, ``etas[0] == 0``; η₀ is one of them.
    batch_loss, train_loss
        (K,) J_batch and J_train (penalty included) at θ − η·g.
    slope, curvature
        ∇J_batch·g and gᵀHg: the quadratic model's coefficients.
    grad_norm
        ‖g‖.
    optimizer
        The optimizer's name as people write it ("SGD", "Adam" …).
    update_batch_loss, update_train_loss
        (K,) losses at θ + Δθ(η), the optimizer's actual update; None when that is −η·g.
    update_cosine
        cos of the angle between the actual update and −g (None with the above).
    train_points
        How many training points ``train_loss`` is measured on.
    """

    step: int
    lr: float
    etas: np.ndarray
    batch_loss: np.ndarray
    train_loss: np.ndarray
    slope: float
    curvature: float
    grad_norm: float
    optimizer: str = "SGD"
    update_batch_loss: np.ndarray | None = None
    update_train_loss: np.ndarray | None = None
    update_cosine: float | None = None
    train_points: int = 0

    @property
    def chosen_index(self) -> int:
        return int(np.searchsorted(self.etas, self.lr))

    @property
    def quadratic(self) -> np.ndarray:
        """(K,) the quadratic model J_batch(θ) − η·slope + ½η²·curvature."""
        e = self.etas
        with np.errstate(all="ignore"):  # a blown-up step has inf or NaN coefficients
            return self.batch_loss[0] - e * self.slope + 0.5 * e * e * self.curvature

    @property
    def quadratic_minimum(self) -> float | None:
        """η at the model's minimum, slope / curvature (None if it curves down)."""
        if not (self.curvature > 0 and math.isfinite(self.slope / self.curvature)):
            return None
        return self.slope / self.curvature

    def best(self, losses: np.ndarray | None = None) -> tuple[int, float] | None:
        """(index, η) of the lowest finite loss along the line (``train_loss`` by default)."""
        losses = self.train_loss if losses is None else losses
        finite = np.where(np.isfinite(losses), losses, np.inf)
        if not np.isfinite(finite).any():
            return None
        i = int(np.argmin(finite))
        return i, float(self.etas[i])

    def verdict(self) -> str:
        """Where η₀ lands along the line on the training set's loss (the loss the step is
        meant to lower), in the learner's words: "η = 3 lands past the minimum along the
        gradient (best η ≈ 0.8): the step skips over it." Then, if it lands elsewhere on the
        step's own mini-batch (whose gradient the line follows), where."""
        if not self.grad_norm > 0:
            return "The gradient is zero here: no step size moves the weights."
        if not (math.isfinite(self.batch_loss[0]) and math.isfinite(self.train_loss[0])):
            return "The loss along the gradient is not finite: the weights have blown up."
        kind, eta = self._landing(self.train_loss)
        lr, top = _g(self.lr), _g(self.etas[-1])
        head, where = f"η = {lr} lands", f"the minimum along the gradient (best η ≈ {_g(eta)})"
        text = {
            "none": "No step along this batch's gradient lowers the training loss.",
            "end": f"η = {lr} stops short of the minimum along the gradient: the loss still "
            f"falls at η = {top}, so a larger step would go further.",
            "past": f"{head} past {where}: the step skips over it.",
            "up": f"{head} past {where}: the step skips over it and the loss goes up.",
            "short": f"{head} short of {where}: a longer step would go further.",
            "near": f"{head} near {where}.",
        }[kind]
        batch_kind, batch_eta = self._landing(self.batch_loss)
        if batch_kind == kind:
            return text
        best = f"(best η ≈ {_g(batch_eta)})"
        on_batch = {
            "none": "no step lowers its loss.",
            "end": f"its loss still falls at η = {top}.",
            "past": f"it lands past the minimum {best}.",
            "up": f"it lands past the minimum and its loss goes up {best}.",
            "short": f"it falls short of the minimum {best}.",
            "near": f"it lands near the minimum {best}.",
        }[batch_kind]
        return f"{text} On the mini-batch itself {on_batch}"

    def _landing(self, losses: np.ndarray) -> tuple[str, float]:
        """Where η₀ lands on ``losses``: none (no step helps), end (the minimum is beyond the
        line), past, up (past, and higher than the start), short or near; and the best η."""
        best = self.best(losses)
        if best is None or best[0] == 0:
            return "none", 0.0
        i, eta = best
        if i == len(self.etas) - 1:
            return "end", eta
        if self.lr / eta > PAST:
            return ("past" if losses[self.chosen_index] <= losses[0] else "up"), eta
        return ("short" if self.lr / eta < SHORT else "near"), eta

    def details(self) -> str:
        """The numbers behind :meth:`verdict`: both curves from η = 0 to η₀, the quadratic
        model's minimum."""
        chosen = self.chosen_index
        parts = []
        for losses, what in ((self.batch_loss, "batch"), (self.train_loss, "training set")):
            best = self.best(losses)
            text = f"{what} {_g(losses[0])} → {_g(losses[chosen])}"
            if best is not None and best[0] == 0:
                text += " (no step along this gradient lowers it)"
            elif best is not None:
                text += f" (best {_g(losses[best[0]])} at η ≈ {_g(best[1])})"
            parts.append(text)
        q = self.quadratic_minimum
        parts.append(
            "quadratic model: no minimum (gᵀHg ≤ 0)" if q is None
            else f"quadratic model: minimum at η ≈ {_g(q)}, above the start past η ≈ {_g(2 * q)}"
        )  # fmt: skip
        return " · ".join(parts)

    def update_text(self) -> str:
        """What the line is when the optimizer does not step along −g ("" when it does)."""
        if self.update_train_loss is None or self.update_cosine is None:
            return ""
        angle = math.degrees(math.acos(max(-1.0, min(1.0, self.update_cosine))))
        landed = _g(self.update_train_loss[self.chosen_index])
        return (
            f"{self.optimizer} steps {angle:.0f}° away from −g: along its actual update "
            f"(dotted) the training-set loss lands at {landed}."
        )
