"""How big a layer's gradients are, entry by entry: a few percentiles and the share of zeros.

A gradient norm is one number per layer; it cannot tell one huge entry from a whole layer of
small ones. :func:`magnitude_summary` describes all the entries of one array (a layer's
∂J/∂W, or its weights) by the percentiles of their magnitudes, which is what the gradient
panel draws as one box per layer on a log axis, and by the share of entries that are exactly
zero (dead ReLUs give whole rows of them).
"""

from __future__ import annotations

import math
from typing import NamedTuple

import numpy as np

MAX_SAMPLES = 4096
"""At most this many non-zero entries are sorted for the percentiles (big layers are strided)."""

QUANTILES = (0.05, 0.25, 0.5, 0.75, 0.95, 1.0)
"""The quantiles summarised: the 5th, 25th, 50th, 75th and 95th percentiles, and the largest."""

_RANKS = np.array(QUANTILES[:-1])


class MagnitudeSummary(NamedTuple):
    """The magnitudes |v| of one array's entries, summarised.

    Attributes
    ----------
    magnitudes
        |v| at each of :data:`QUANTILES` among the finite, non-zero entries (rising; the
        last one is the largest), or None when there is no such entry.
    zero_share
        The share of the finite entries that are exactly 0 (0.0 when none is finite).
    """

    magnitudes: np.ndarray | None
    zero_share: float


def magnitude_summary(values: np.ndarray) -> MagnitudeSummary:
    """Summarise |values|: nearest-rank percentiles of the non-zero entries, share of zeros.

    NaN and ±inf entries are left out as if absent (a diverging run has them). Percentiles
    are nearest-rank, ``sorted[rint(q · (n − 1))]``: every value is one of the entries, which
    is plenty for a picture and fast. A layer with more than :data:`MAX_SAMPLES` non-zero
    entries is sampled every ``ceil(n / MAX_SAMPLES)``-th entry (in memory order) for the
    percentiles; the largest is always taken over all the entries.
    """
    magnitudes = np.abs(np.asarray(values, dtype=np.float64).ravel())
    magnitudes = magnitudes[np.isfinite(magnitudes)]
    nonzero = magnitudes[magnitudes > 0]
    zero_share = 1.0 - nonzero.size / magnitudes.size if magnitudes.size else 0.0
    if not nonzero.size:
        return MagnitudeSummary(None, zero_share)
    largest = nonzero.max()
    if nonzero.size > MAX_SAMPLES:
        nonzero = nonzero[:: math.ceil(nonzero.size / MAX_SAMPLES)]
    ordered = np.sort(nonzero)
    summary = np.empty(len(QUANTILES))
    summary[:-1] = ordered[np.rint(_RANKS * (ordered.size - 1)).astype(np.intp)]
    summary[-1] = largest
    return MagnitudeSummary(summary, zero_share)
