"""What :class:`~nnsim.training.step_line.StepLineProbe` measures along the gradient line of
one step (:class:`StepLine`), and where the chosen learning rate lands, in the learner's
words (:meth:`StepLine.verdict`)."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from nnsim.training.text import QT_TR_NOOP, Sentence, Text

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

    def verdict(self) -> Sentence:
        """Where η₀ lands along the line on the training set's loss (the loss the step is
        meant to lower), in the learner's words: "η = 3 lands past the minimum along the
        gradient (best η ≈ 0.8): the step skips over it." Then, if it lands elsewhere on the
        step's own mini-batch (whose gradient the line follows), where. A
        :class:`~nnsim.training.text.Sentence`: its ``str`` is the English."""
        if not self.grad_norm > 0:
            return Sentence(
                QT_TR_NOOP("The gradient is zero here: no step size moves the weights.")
            )
        if not (math.isfinite(self.batch_loss[0]) and math.isfinite(self.train_loss[0])):
            return Sentence(
                QT_TR_NOOP("The loss along the gradient is not finite: the weights have blown up.")
            )
        kind, eta = self._landing(self.train_loss)
        values = {"lr": _g(self.lr), "top": _g(self.etas[-1]), "best": _g(eta)}
        text = Sentence(_VERDICTS[kind], values)
        batch_kind, batch_eta = self._landing(self.batch_loss)
        if batch_kind == kind:
            return text
        on_batch = Text(_ON_BATCH[batch_kind], {**values, "best": _g(batch_eta)})
        return Sentence(QT_TR_NOOP("{verdict} {on_batch}"), {"verdict": text, "on_batch": on_batch})

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

    def details(self) -> Sentence:
        """The numbers behind :meth:`verdict`: both curves from η = 0 to η₀, the quadratic
        model's minimum (a :class:`~nnsim.training.text.Sentence`)."""
        chosen = self.chosen_index
        parts: dict[str, object] = {}
        for losses, what in ((self.batch_loss, "batch"), (self.train_loss, "train")):
            best = self.best(losses)
            values = {"start": _g(losses[0]), "end": _g(losses[chosen])}
            if best is not None and best[0] == 0:
                template = _DETAILS[what, "none"]
            elif best is not None:
                template = _DETAILS[what, "best"]
                values |= {"loss": _g(losses[best[0]]), "eta": _g(best[1])}
            else:
                template = _DETAILS[what, ""]
            parts[what] = Text(template, values)
        q = self.quadratic_minimum
        parts["model"] = (
            Text(QT_TR_NOOP("quadratic model: no minimum (gᵀHg ≤ 0)")) if q is None
            else Text(QT_TR_NOOP("quadratic model: minimum at η ≈ {q}, above the start past "
                                 "η ≈ {q2}"), {"q": _g(q), "q2": _g(2 * q)})
        )  # fmt: skip
        return Sentence("{batch} · {train} · {model}", parts)

    def update_text(self) -> str:
        """What the line is when the optimizer does not step along −g ("" when it does;
        else a :class:`~nnsim.training.text.Sentence`)."""
        if self.update_train_loss is None or self.update_cosine is None:
            return ""
        angle = math.degrees(math.acos(max(-1.0, min(1.0, self.update_cosine))))
        landed = _g(self.update_train_loss[self.chosen_index])
        return Sentence(
            QT_TR_NOOP(
                "{optimizer} steps {angle:.0f}° away from −g: along its actual update "
                "(dotted) the training-set loss lands at {landed}."
            ),
            {"optimizer": self.optimizer, "angle": angle, "landed": landed},
        )


_VERDICTS = {  # where η₀ lands on the training set's loss (StepLine._landing's kinds)
    "none": QT_TR_NOOP("No step along this batch's gradient lowers the training loss."),
    "end": QT_TR_NOOP(
        "η = {lr} stops short of the minimum along the gradient: the loss still falls at "
        "η = {top}, so a larger step would go further."
    ),
    "past": QT_TR_NOOP(
        "η = {lr} lands past the minimum along the gradient (best η ≈ {best}): the step "
        "skips over it."
    ),
    "up": QT_TR_NOOP(
        "η = {lr} lands past the minimum along the gradient (best η ≈ {best}): the step "
        "skips over it and the loss goes up."
    ),
    "short": QT_TR_NOOP(
        "η = {lr} lands short of the minimum along the gradient (best η ≈ {best}): a longer "
        "step would go further."
    ),
    "near": QT_TR_NOOP("η = {lr} lands near the minimum along the gradient (best η ≈ {best})."),
}
_ON_BATCH = {  # where it lands on the step's own mini-batch, when that differs
    "none": QT_TR_NOOP("On the mini-batch itself no step lowers its loss."),
    "end": QT_TR_NOOP("On the mini-batch itself its loss still falls at η = {top}."),
    "past": QT_TR_NOOP("On the mini-batch itself it lands past the minimum (best η ≈ {best})."),
    "up": QT_TR_NOOP(
        "On the mini-batch itself it lands past the minimum and its loss goes up (best η ≈ {best})."
    ),
    "short": QT_TR_NOOP(
        "On the mini-batch itself it falls short of the minimum (best η ≈ {best})."
    ),
    "near": QT_TR_NOOP("On the mini-batch itself it lands near the minimum (best η ≈ {best})."),
}
_DETAILS = {  # one curve from η = 0 to η₀, and its best point
    ("batch", ""): QT_TR_NOOP("batch {start} → {end}"),
    ("batch", "none"): QT_TR_NOOP("batch {start} → {end} (no step along this gradient lowers it)"),
    ("batch", "best"): QT_TR_NOOP("batch {start} → {end} (best {loss} at η ≈ {eta})"),
    ("train", ""): QT_TR_NOOP("training set {start} → {end}"),
    ("train", "none"): QT_TR_NOOP(
        "training set {start} → {end} (no step along this gradient lowers it)"
    ),
    ("train", "best"): QT_TR_NOOP("training set {start} → {end} (best {loss} at η ≈ {eta})"),
}
