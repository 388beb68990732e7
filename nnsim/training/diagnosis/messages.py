"""What each diagnosis says, built from its code and its numbers in one place, in the
article's words: the learning rate η, steps jumping across the valley, dead ReLUs, vanishing
gradients. Each message is a :class:`~nnsim.training.text.Text`: its English is what
``diagnosis.json`` and the command line write, the window shows its translation (the
templates are marked for the catalogue with ``QT_TR_NOOP``)."""

from __future__ import annotations

import math
from collections.abc import Mapping

from nnsim.training.divergence import DIVERGED, divergence_what
from nnsim.training.text import QT_TR_NOOP, Sentence, Text

Evidence = Mapping[str, float | int | str]

MESSAGES: dict[str, str] = {
    "diverged": DIVERGED,
    "oscillating": QT_TR_NOOP(
        "the loss rises and falls around {mean:.3g} with no downward trend over {window} steps "
        "while each step changes the weights by {ratio:.2g} of their size: the learning rate "
        "η = {lr:g} is too high, steps jump across the valley; try η/3, a decaying schedule, "
        "or Adam"
    ),
    "too_slow": QT_TR_NOOP(
        "the learning rate is too low: each step moves the weights by only {ratio:.1e} of their "
        "size and the loss fell by {fall:.2%} over the last {window} steps; try η × 10"
    ),
    "plateau": QT_TR_NOOP(
        "the loss has stayed at {loss:.3g} for {window} steps although the gradients are not "
        "tiny (updates {ratio:.1e} of the weights): a plateau or saddle; momentum or Adam "
        "carries the weights across"
    ),
    "dead_relu": QT_TR_NOOP(
        "{dead} of {units} units in layer {layer} are dead: their ReLU outputs 0 for every "
        "training sample, so no gradient reaches them; a smaller η, leaky ReLU or He init"
    ),
    "saturated": QT_TR_NOOP(
        "{saturated} of {units} {activation} units in layer {layer} are saturated (|z| > {z:g} "
        "on most samples): their derivative is almost 0 and they hardly learn; smaller "
        "weights, inputs on a smaller scale, BatchNorm or ReLU"
    ),
    "vanishing_gradients": QT_TR_NOOP(
        "vanishing gradients: the first layer's gradient norm {first:.1e} is {ratio:.1e} × the "
        "last layer's {last:.1e}, so the first layers barely learn; ReLU, BatchNorm, Xavier/He "
        "init"
    ),
    "exploding_gradients": QT_TR_NOOP(
        "exploding gradients: {how}; gradient clipping, a smaller η, BatchNorm"
    ),
    "overfitting": QT_TR_NOOP(
        "over-fitting: the test loss rose from {test_from:.3g} to {test_to:.3g} over {window} "
        "steps while the training loss fell from {train_from:.3g} to {train_to:.3g}; more data, "
        "L2 regularisation, dropout or a smaller network"
    ),
    "symmetric_units": QT_TR_NOOP(
        "all {units} units of layer {layer} compute the same thing (they started equal, so "
        "they get equal gradients and stay equal): random initialisation breaks the symmetry"
    ),
}

GROWTH = QT_TR_NOOP(
    "the gradient norm grew {growth:.1e}× within {window} steps, from {from:.2g} to {norm:.2g}"
)
FIRST_TO_LAST = QT_TR_NOOP(
    "the first layer's gradient norm {first:.1e} is {ratio:.1e} × the last layer's"
)

TITLES: dict[str, str] = {
    "diverged": QT_TR_NOOP("diverged"),
    "oscillating": QT_TR_NOOP("oscillating"),
    "too_slow": QT_TR_NOOP("too_slow"),
    "plateau": QT_TR_NOOP("plateau"),
    "dead_relu": QT_TR_NOOP("dead_relu"),
    "saturated": QT_TR_NOOP("saturated"),
    "vanishing_gradients": QT_TR_NOOP("vanishing_gradients"),
    "exploding_gradients": QT_TR_NOOP("exploding_gradients"),
    "overfitting": QT_TR_NOOP("overfitting"),
    "symmetric_units": QT_TR_NOOP("symmetric_units"),
}
"""Each code as the coach's panel names it: the code itself in English (scripts know it),
a name in the learner's words in a translation."""


def message_text(code: str, step: int, layer: int | None, evidence: Evidence) -> Text:
    """The learner's sentence for a diagnosis (see :data:`MESSAGES`)."""
    values: dict[str, object] = {"step": step, "layer": layer, **evidence}
    if code == "diverged" and "explanation" in evidence:  # the trainer's, naming the cause
        explanation = evidence["explanation"]
        if isinstance(explanation, Sentence):
            return explanation.text
        return Text("{explanation}", {"explanation": explanation})  # an old state's English
    if code == "diverged":
        values["what"] = divergence_what(str(evidence["bad"]), evidence["value"])
        values["lower"] = float(evidence["lr"]) / 10
    elif code == "exploding_gradients":
        template = GROWTH if "growth" in evidence else FIRST_TO_LAST
        values["how"] = Text(template, dict(values))
    return Text(MESSAGES[code], values)


def message(code: str, step: int, layer: int | None, evidence: Evidence) -> str:
    """:func:`message_text` in English (``diagnosis.json``, the command line)."""
    return str(message_text(code, step, layer, evidence))


def finite_or_text(value: float) -> float | str:
    """A number for JSON: finite values as they are, ``inf``/``-inf``/``nan`` as text."""
    value = float(value)
    return value if math.isfinite(value) else str(value)
