"""A trainer's full-data measurement: the loss and accuracy of the network as it stands."""

from __future__ import annotations

import math

import numpy as np

from nnsim.engine.network import Network


def loss_and_accuracy(
    network: Network, kind: str, x: np.ndarray, y: np.ndarray
) -> tuple[float, float]:
    """Evaluation-mode data loss and accuracy of ``network`` on features ``x``, targets ``y``
    (accuracy NaN for regression; ``kind`` is the data's: binary, multiclass, regression)."""
    with np.errstate(all="ignore"):
        pre, a = network.evaluate(x)
        loss = network.loss.value(pre, a, y)
    if kind == "binary":
        accuracy = float(np.mean((a[:, 0] > 0.5) == (y > 0.5)))
    elif kind == "multiclass":
        accuracy = float(np.mean(np.argmax(a, axis=1) == y))
    else:
        accuracy = math.nan
    return loss, accuracy
