"""What each diagnosis says, built from its code and its numbers in one place (a later
translation replaces :data:`MESSAGES` and nothing else), in the article's words: the
learning rate η, steps jumping across the valley, dead ReLUs, vanishing gradients."""

from __future__ import annotations

import math
from collections.abc import Mapping

Evidence = Mapping[str, float | int | str]

MESSAGES: dict[str, str] = {
    "diverged": (
        "{what} at step {step} — the learning rate {lr:g} is too high for this network; "
        "try ≤ {lower:g}"
    ),
    "oscillating": (
        "the loss rises and falls around {mean:.3g} with no downward trend over {window} steps "
        "while each step changes the weights by {ratio:.2g} of their size: the learning rate "
        "η = {lr:g} is too high, steps jump across the valley; try η/3, a decaying schedule, "
        "or Adam"
    ),
    "too_slow": (
        "the learning rate is too low: each step moves the weights by only {ratio:.1e} of their "
        "size and the loss fell by {fall:.2%} over the last {window} steps; try η × 10"
    ),
    "plateau": (
        "the loss has stayed at {loss:.3g} for {window} steps although the gradients are not "
        "tiny (updates {ratio:.1e} of the weights): a plateau or saddle; momentum or Adam "
        "carries the weights across"
    ),
    "dead_relu": (
        "{dead} of {units} units in layer {layer} are dead: their ReLU outputs 0 for every "
        "training sample, so no gradient reaches them; a smaller η, leaky ReLU or He init"
    ),
    "saturated": (
        "{saturated} of {units} {activation} units in layer {layer} are saturated (|z| > {z:g} "
        "on most samples): their derivative is almost 0 and they hardly learn; smaller "
        "weights, inputs on a smaller scale, BatchNorm or ReLU"
    ),
    "vanishing_gradients": (
        "vanishing gradients: the first layer's gradient norm {first:.1e} is {ratio:.1e} × the "
        "last layer's {last:.1e}, so the first layers barely learn; ReLU, BatchNorm, Xavier/He "
        "init"
    ),
    "exploding_gradients": (
        "exploding gradients: {how}; gradient clipping, a smaller η, BatchNorm"
    ),
    "overfitting": (
        "over-fitting: the test loss rose from {test_from:.3g} to {test_to:.3g} over {window} "
        "steps while the training loss fell from {train_from:.3g} to {train_to:.3g}; more data, "
        "L2 regularisation, dropout or a smaller network"
    ),
    "symmetric_units": (
        "all {units} units of layer {layer} compute the same thing (they started equal, so "
        "they get equal gradients and stay equal): random initialisation breaks the symmetry"
    ),
}

GROWTH = "the gradient norm grew {growth:.1e}× within {window} steps, from {from:.2g} to {norm:.2g}"
FIRST_TO_LAST = "the first layer's gradient norm {first:.1e} is {ratio:.1e} × the last layer's"


def message(code: str, step: int, layer: int | None, evidence: Evidence) -> str:
    """The learner's sentence for a diagnosis (English; see :data:`MESSAGES`)."""
    values = {"step": step, "layer": layer, **evidence}
    if code == "diverged" and "explanation" in evidence:  # the trainer's, naming the cause
        return str(evidence["explanation"])
    if code == "diverged":
        if evidence["bad"] == "loss":
            values["what"] = f"loss became {evidence['value']}"
        else:
            values["what"] = f"a weight became {evidence['value']}"
        values["lower"] = float(evidence["lr"]) / 10
    elif code == "exploding_gradients":
        template = GROWTH if "growth" in evidence else FIRST_TO_LAST
        values["how"] = template.format(**values)
    return MESSAGES[code].format(**values)


def finite_or_text(value: float) -> float | str:
    """A number for JSON: finite values as they are, ``inf``/``-inf``/``nan`` as text."""
    value = float(value)
    return value if math.isfinite(value) else str(value)
