"""Values to colours: the orange → white → blue mapping every heatmap in the window shares.

Plain NumPy over one lookup table, so a neuron looks the same in the decision-boundary
view and in the network diagram's thumbnails, and a data point's fill matches the
background it sits on.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtGui import QColor

from nnsim.ui.style import CLASS_COLORS, NEUTRAL, diverging_lut

LUT = diverging_lut(256)
"""The orange → white → blue table every heatmap in the window uses."""

PROBABILITY_ACTIVATIONS = frozenset({"sigmoid", "softmax"})
"""Activations whose outputs are probabilities in [0, 1]: shown as 2·a − 1, so 0.5 is white."""


def to_rgb(color: str) -> np.ndarray:
    """A colour name or ``#rrggbb`` as a float array [r, g, b] in 0..255."""
    c = QColor(color)
    return np.array([c.red(), c.green(), c.blue()], dtype=np.float64)


_NEUTRAL_RGBA = np.array([*to_rgb(NEUTRAL), 255], dtype=np.uint8)
_CLASS_RGB = np.array([to_rgb(c) for c in CLASS_COLORS])
_WHITE = np.array([255.0, 255.0, 255.0])


def lut_indices(values: np.ndarray, n: int = len(LUT)) -> np.ndarray:
    """Indices into an n-entry LUT of values in [−1, 1] (clipped; NaN goes to the middle)."""
    v = np.asarray(values, dtype=np.float64)
    with np.errstate(over="ignore", invalid="ignore"):  # ±inf and huge values: clipped
        scaled = np.atleast_1d((v + 1.0) * 0.5 * (n - 1))  # a new array, rounded in place
    nan = np.isnan(scaled)
    if nan.any():  # as for 0.0
        scaled[nan] = (0.0 + 1.0) * 0.5 * (n - 1)
    np.rint(scaled, out=scaled)
    np.clip(scaled, 0, n - 1, out=scaled)
    return scaled.astype(np.intp).reshape(v.shape)


def signed_to_rgba(values: np.ndarray, lut: np.ndarray = LUT) -> np.ndarray:
    """(…, 4) uint8 colours of values in [−1, 1]; non-finite values are neutral grey."""
    values = np.asarray(values, dtype=np.float64)
    indices = lut_indices(values, len(lut))
    if lut.dtype == np.uint8 and lut.shape[1:] == (4,) and lut.flags.c_contiguous:
        # a colour is 4 bytes: gather them as one uint32 each (4× faster than by rows)
        words = lut.view(np.uint32).reshape(-1).take(indices.reshape(-1))
        rgba = words.view(np.uint8).reshape(*indices.shape, 4)
    else:
        rgba = lut[indices]
    bad = ~np.isfinite(values)
    if bad.any():
        rgba[bad] = _NEUTRAL_RGBA
    return rgba


def display_values(values: np.ndarray, activation: str | None = None) -> np.ndarray:
    """A neuron's outputs brought to [−1, 1] for display.

    Probabilities (sigmoid, softmax) become 2·a − 1, so 0.5 is white. Anything else is
    shown as it is when it already fits in [−1, 1] (tanh, sin, cos…), and otherwise
    divided by its largest magnitude (ReLU, raw inputs such as x1 ∈ [−6, 6]) and
    square-root compressed, sign kept: one far corner must not wash the rest out to
    white, while zero (a ReLU that is off) stays white.
    """
    v = np.asarray(values, dtype=np.float64)
    if activation in PROBABILITY_ACTIVATIONS:
        return 2.0 * v - 1.0
    with np.errstate(all="ignore"):
        finite = np.abs(v[np.isfinite(v)])
    peak = float(finite.max()) if finite.size else 0.0
    if peak <= 1.0:
        return v
    return np.sign(v) * np.sqrt(np.abs(v) / peak)


def output_to_rgba(
    output: np.ndarray,
    kind: str,
    num_classes: int = 2,
    *,
    discretize: bool = False,
    confidence: np.ndarray | None = None,
) -> np.ndarray:
    """(res, res, 4) uint8 image of a snapshot's output (row 0 = top of the view).

    binary
        ``output`` is P(class 1): 2·P − 1 through the diverging LUT (threshold 0.5 when
        ``discretize``).
    regression
        ``output`` is the value, clipped to [−1, 1] (threshold 0 when ``discretize``).
    multiclass
        ``output`` is the predicted class; its colour is blended with white by
        ``confidence``, the predicted class's probability on the same grid — full colour
        when ``discretize`` or when the confidence is unknown.
    """
    output = np.asarray(output, dtype=np.float64)
    if kind == "multiclass":
        return _classes_to_rgba(output, num_classes, discretize, confidence)
    with np.errstate(invalid="ignore"):
        if kind == "binary":
            values = np.where(output >= 0.5, 1.0, -1.0) if discretize else 2.0 * output - 1.0
        else:
            values = np.where(output >= 0.0, 1.0, -1.0) if discretize else output
    values[~np.isfinite(output)] = np.nan
    return signed_to_rgba(values)


def _classes_to_rgba(
    output: np.ndarray, k: int, discretize: bool, confidence: np.ndarray | None
) -> np.ndarray:
    bad = ~np.isfinite(output)
    cls = np.clip(np.rint(np.nan_to_num(output)), 0, max(k, 1) - 1).astype(np.intp)
    strength = np.ones(output.shape)
    if not discretize and confidence is not None and k > 1:
        if confidence.shape != output.shape:
            raise ValueError(f"confidence {confidence.shape} is not on the grid {output.shape}")
        top = np.nan_to_num(np.asarray(confidence, dtype=np.float64), nan=1.0)
        strength = 0.2 + 0.8 * np.clip((top - 1.0 / k) / (1.0 - 1.0 / k), 0.0, 1.0)
    rgb = _WHITE + (_CLASS_RGB[cls % len(_CLASS_RGB)] - _WHITE) * strength[..., None]
    rgba = np.empty((*output.shape, 4), np.uint8)
    rgba[..., :3] = np.round(rgb)
    rgba[..., 3] = 255
    rgba[bad] = _NEUTRAL_RGBA
    return rgba


def label_colors(labels: np.ndarray, kind: str) -> list[QColor]:
    """The fill colour of each data point: its class colour, or its value through the LUT."""
    labels = np.asarray(labels)
    if kind == "regression":
        return [QColor(*(int(c) for c in rgba)) for rgba in signed_to_rgba(labels)]
    palette = [QColor(c) for c in CLASS_COLORS]
    return [palette[int(y) % len(palette)] for y in labels]
