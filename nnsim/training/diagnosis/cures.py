"""The cure each diagnosis offers: settings that, applied to the experiment as a new run,
address the cause (the window keeps the old run's curve as a ghost to compare with); and
the cure for what made a run diverge (:func:`divergence_cure`, the banner's button)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from nnsim.training.divergence import CLIP_AT_1, Cause, Divergence, show_value
from nnsim.training.experiment import ExperimentError, GradClipSpec
from nnsim.training.text import QT_TR_NOOP, Sentence
from nnsim.training.variations import with_settings

if TYPE_CHECKING:
    from nnsim.training.experiment import Experiment

SATURATING = ("sigmoid", "tanh")
INIT_LABELS = {
    "he_normal": QT_TR_NOOP("he_normal init"),
    "xavier_uniform": QT_TR_NOOP("xavier_uniform init"),
    "article": QT_TR_NOOP("article init"),
}
_CLIPPED_AT_1 = GradClipSpec("norm", CLIP_AT_1["max_norm"])
DEAD_RELU_LR = 0.1
"""The article's rate: large steps are what push ReLUs below 0 for every sample, and the
leaky ReLU at η = 1 still jumps across the valley on the circle."""


@dataclass(frozen=True)
class Cure:
    """A change to the experiment: ``settings`` (dotted path → value) and a short ``label``
    for its button (``η 10 → 1``; a :class:`~nnsim.training.text.Sentence` where it has
    words, which the window shows translated)."""

    label: str
    settings: tuple[tuple[str, Any], ...]

    def apply(self, experiment: Experiment) -> Experiment:
        """The experiment with the cure's settings (``ExperimentError`` if one no longer fits)."""
        return with_settings(experiment, dict(self.settings))


def cure_for(code: str, layer: int | None, experiment: Experiment) -> Cure | None:
    """The cure for ``code`` in ``experiment``, or None if none fits (η at its limit)."""
    lr = float(experiment.training.optimizer.params["lr"])
    hidden = experiment.network.hidden_layers
    settings: dict[str, Any]
    if code in ("diverged", "oscillating", "too_slow"):
        factor = {"diverged": 0.1, "oscillating": 1 / 3, "too_slow": 10.0}[code]
        new = float(f"{lr * factor:.3g}")
        label, settings = f"η {lr:g} → {new:g}", {"training.optimizer.lr": new}
    elif code == "plateau":
        if experiment.training.optimizer.name == "adam":
            return cure_for("too_slow", layer, experiment)
        label, settings = "Adam", {"training.optimizer.name": "adam"}
    elif code == "dead_relu":
        settings = {
            f"network.hidden_layers.{i}.activation": "leaky_relu"
            for i, spec in enumerate(hidden)
            if spec.activation == "relu"
        }
        label = Sentence(QT_TR_NOOP("leaky ReLU"))
        if lr > DEAD_RELU_LR:
            settings["training.optimizer.lr"] = DEAD_RELU_LR
            label = Sentence(
                QT_TR_NOOP("leaky ReLU, η {old:g} → {new:g}"), {"old": lr, "new": DEAD_RELU_LR}
            )
    elif code == "saturated":
        label, settings = "BatchNorm", {"network.batch_norm": True}
    elif code == "vanishing_gradients":
        settings = {
            f"network.hidden_layers.{i}.activation": "relu"
            for i, spec in enumerate(hidden)
            if spec.activation in SATURATING
        }
        settings["network.init"] = "he_normal"
        label = Sentence(QT_TR_NOOP("ReLU and He init"))
    elif code == "exploding_gradients":
        label = Sentence(QT_TR_NOOP("clip the gradient norm at 1"))
        settings = {"training.grad_clip": dict(CLIP_AT_1)}
    elif code == "overfitting":
        label = Sentence(QT_TR_NOOP("L2 regularisation {rate:g}"), {"rate": 0.01})
        settings = {"training.regularization": {"kind": "l2", "rate": 0.01}}
    elif code == "symmetric_units":
        relu = any(spec.activation == "relu" for spec in hidden)
        init = "he_normal" if relu else "xavier_uniform"
        label = Sentence(INIT_LABELS[init])
        settings = {"network.init": init}
    else:
        raise ValueError(f"no such diagnosis: {code!r}")
    return _checked(label, settings, experiment)


def divergence_cure(divergence: Divergence, experiment: Experiment) -> Cure | None:
    """The cure for what made a run diverge (``divergence``) in ``experiment``, or None if
    none fits: the learning rate lowered (the coach's cure for ``diverged``), the schedule's
    peak rate lowered, the hyper-parameter at fault back to its default, the initialiser's
    weights drawn again or a smaller initialiser, or the gradient clipped."""
    cause, setting, value, safe = (
        divergence.cause, divergence.setting, divergence.value, divergence.safe,
    )  # fmt: skip
    if cause is Cause.LEARNING_RATE:
        return cure_for("diverged", None, experiment)
    if cause is Cause.GRADIENT:
        if experiment.training.grad_clip == _CLIPPED_AT_1:
            return None  # already clipped: nothing more to offer here
        return cure_for("exploding_gradients", None, experiment)
    if safe is None:
        return None
    label: str
    if cause is Cause.INITIAL_WEIGHTS:
        label = Sentence(QT_TR_NOOP("new initial weights") if safe == value else INIT_LABELS[safe])
    else:  # a hyper-parameter, or the schedule's peak rate
        label = f"{divergence.name} {show_value(value)} → {show_value(safe)}"
    return _checked(label, {setting: list(safe) if isinstance(safe, tuple) else safe}, experiment)


def _checked(label: str, settings: Mapping[str, Any], experiment: Experiment) -> Cure | None:
    try:
        with_settings(experiment, dict(settings))
    except (ExperimentError, KeyError):
        return None  # e.g. η × 10 beyond the file's limit of 100: nothing to offer
    return Cure(label, tuple(settings.items()))
