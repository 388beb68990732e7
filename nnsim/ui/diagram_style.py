"""How the network diagram draws values: edge widths, opacities and colours, node thumbnails.

Plain NumPy, like :mod:`nnsim.ui.colormap`, whose orange → white → blue table the
thumbnails and the bias squares share with the decision-boundary view.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

from nnsim.ui.colormap import LUT, display_values, lut_indices, signed_to_rgba, to_rgb
from nnsim.ui.style import NEGATIVE, NEUTRAL, POSITIVE

THUMBNAIL_MAX = 32  # thumbnails are the grid downsampled to at most this many pixels a side

# Edges: width in device pixels and opacity grow with the magnitude of the value drawn.
MIN_WIDTH = 0.5
MAX_WIDTH = 6.0
MIN_ALPHA = 0.2
WEIGHT_FULL_SCALE = 2.0  # |w| at which an edge is drawn at full width and opacity
EDGE_LEVELS = 16

_POSITIVE_RGB, _NEGATIVE_RGB, _NEUTRAL_RGB = to_rgb(POSITIVE), to_rgb(NEGATIVE), to_rgb(NEUTRAL)


def edge_style(values: np.ndarray, full_scale: float) -> tuple[np.ndarray, np.ndarray]:
    """(widths in px, opacities in [0, 1]) of edges drawing ``values`` (|v| ≥ full_scale: max)."""
    with np.errstate(invalid="ignore"):
        m = np.clip(np.nan_to_num(np.abs(values) / full_scale, nan=0.0), 0.0, 1.0)
    # 16 visible steps: an edge is restyled (and the cached layer redrawn) only when its
    # weight crosses one, not on every small update.
    m = np.rint(m * EDGE_LEVELS) / EDGE_LEVELS
    return MIN_WIDTH + (MAX_WIDTH - MIN_WIDTH) * m, MIN_ALPHA + (1.0 - MIN_ALPHA) * m


def edge_colors(values: np.ndarray, alphas: np.ndarray) -> np.ndarray:
    """Packed 0xRRGGBB colours: blue (+), orange (−), grey (0) at opacity ``alphas`` over white.

    Opaque strokes draw 3× faster than translucent ones, and on the white diagram they
    look the same (only where edges cross does the upper one win instead of mixing).
    """
    base = np.where(
        (values > 0)[..., None],
        _POSITIVE_RGB,
        np.where((values < 0)[..., None], _NEGATIVE_RGB, _NEUTRAL_RGB),
    )
    a = np.clip(alphas, 0.0, 1.0)[..., None]
    rgb = np.rint(255.0 + (base - 255.0) * a).astype(np.int64)
    return (rgb[..., 0] << 16) | (rgb[..., 1] << 8) | rgb[..., 2]


def thumbnails(stacks: Sequence[np.ndarray], activations: Sequence[str | None]) -> list[np.ndarray]:
    """(units, h, w, 4) uint8 images of columns' (units, res, res) outputs over the grid.

    Downsampled to at most :data:`THUMBNAIL_MAX` pixels a side. ``activations[i]`` is
    that of column i, read as in :func:`~nnsim.ui.colormap.display_values`; None means
    the input features, each scaled on its own (x1 ∈ [−6, 6], x1² ∈ [0, 36]…). The
    columns are coloured in one lookup: a frame of a deep network has a dozen small
    stacks, and one lookup for all of them costs a fraction of one per column.
    """
    values = [_thumbnail_values(s, a) for s, a in zip(stacks, activations, strict=True)]
    if len({v.shape[1:] for v in values}) > 1:
        return [signed_to_rgba(v) for v in values]
    if not values:
        return []
    rgba = signed_to_rgba(np.concatenate(values))
    return np.split(rgba, np.cumsum([len(v) for v in values])[:-1])


def _thumbnail_values(stack: np.ndarray, activation: str | None) -> np.ndarray:
    step = max(1, math.ceil(stack.shape[1] / THUMBNAIL_MAX))
    small = stack[:, ::step, ::step]
    if activation is None:
        return np.stack([display_values(s) for s in small])
    return display_values(small, activation)


def bias_colors(b: np.ndarray) -> np.ndarray:
    """(units, 4) uint8 colours of a layer's biases, squashed into [−1, 1] by tanh."""
    return LUT[lut_indices(np.tanh(np.asarray(b, dtype=np.float64)))]
