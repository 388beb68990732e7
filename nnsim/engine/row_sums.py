"""Σ over the rows (the samples) of a batch: a layer's bias gradient, db = Σ_rows δ.

Computed as the product ``ones(n) · δ``, one BLAS call (``np.matmul``) for an (n, u) array or
for every (n, u) block of a (…, n, u) one. NumPy's own ``add.reduce(δ, axis=0)`` adds row
after row, one call of its inner loop per row: at batch 500 it cost 20 µs for two layers of
8 units and 107 µs for ten (the product: 2.3 and 9.7 µs), more than the layers' products.
A block's sums have the same bits as the same (n, u) array's alone (the training step sums
all hidden layers at once, the phase-by-phase view one layer at a time); their order is
BLAS's, not row after row.
"""

from __future__ import annotations

import numpy as np

_MAX_KEPT = 8  # ones vectors kept, by length (a handful of batch sizes)
_ones: dict[int, np.ndarray] = {}


def row_sums(values: np.ndarray, out: np.ndarray | None = None) -> np.ndarray:
    """Σ over the rows of ``values`` (n, u), or of each (n, u) block of (…, n, u): shape (u,)
    or (…, u), written into ``out`` if given."""
    n = values.shape[-2]
    ones = _ones.get(n)
    if ones is None:
        if len(_ones) >= _MAX_KEPT:
            _ones.clear()
        ones = _ones[n] = np.ones(n)
        ones.flags.writeable = False
    return np.matmul(ones, values, out=out)
