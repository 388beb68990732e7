"""Per-layer norms of a network's flat vectors: sums of squares over fixed segments.

:class:`~nnsim.engine.network.Network` lays out ``theta`` and ``grad`` as ``W1 … WL`` then
every other parameter; a layer's weights are one segment. The trainer measures an update by
three rows at once: the gradient, θ before the update and the update Δθ
(:meth:`LayerNorms.update_norms`); the stacked engine (:mod:`nnsim.engine.stacked`) sums the
same segments of K runs' rows. Both go through :class:`SegmentSquares`, one formula in one of
two forms, whichever is faster for the layout (the sums differ by rounding only):

- squares, then one ``np.add.reduceat`` over all segments: two calls whatever the depth,
  but they write and read every square;
- one ``np.vecdot`` per segment (BLAS's dot on each row of it): it reads each element
  once, at a call per segment.

The second is chosen when a call sums at least ``PER_SEGMENT_FROM`` elements on average
(rows × elements / segments). Measured on one core, the 3 rows of an update, vecdot against
reduceat: 2-64-64-1 (3312 elements a call) 8.5 µs against 11.6 (14.6 with the reduceat's
own allocation, as before), 2-48-48-1 (1908) 6.6 against 10.6; 2-32-32-1 (888) and six
layers of 24 (1161) the same either way; 2-8x10-1 (170) 18.8 against 4.7.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

import numpy as np

PER_SEGMENT_FROM = 1024  # elements summed per call from which one np.vecdot a segment wins


class SegmentSquares:
    """Σ x² over the segments ``[bounds[k], bounds[k + 1])`` of every row of ``rows`` (R, n):
    calling it returns the (R, len(bounds) − 1) sums for what ``rows`` holds then, in ``out``
    (kept, or given), which the next call overwrites. The views and scratch are taken once:
    built for an array a network keeps, a call is only the sums."""

    def __init__(
        self, rows: np.ndarray, bounds: Sequence[int], out: np.ndarray | None = None
    ) -> None:
        n_rows, n_segments = rows.shape[0], len(bounds) - 1
        self.out = np.empty((n_rows, n_segments)) if out is None else out
        per_call = n_rows * (bounds[-1] - bounds[0]) / max(n_segments, 1)
        self._pairs: list[tuple[np.ndarray, np.ndarray]] = []
        if per_call >= PER_SEGMENT_FROM:  # one np.vecdot a segment, into its column of out
            self._pairs = [
                (rows[:, start:end], self.out[:, k])
                for k, (start, end) in enumerate(itertools.pairwise(bounds))
            ]
        else:  # squares, then one reduceat
            self._values = rows[:, bounds[0] : bounds[-1]]
            self._squares = np.empty_like(self._values)
            self._starts = np.asarray(bounds[:-1], dtype=np.intp) - bounds[0]

    def __call__(self) -> np.ndarray:
        if self._pairs:
            vecdot = np.vecdot
            for block, column in self._pairs:
                vecdot(block, block, out=column)
        else:
            squares = np.multiply(self._values, self._values, self._squares)
            np.add.reduceat(squares, self._starts, 1, None, self.out)
        return self.out


def segment_squares(
    rows: np.ndarray, bounds: Sequence[int], out: np.ndarray | None = None
) -> np.ndarray:
    """:class:`SegmentSquares` of ``rows`` once: a new (R, len(bounds) − 1) array (or ``out``)."""
    return SegmentSquares(rows, bounds, out)()


class LayerNorms:
    """Norms over the weight segments; the network sets the attributes below."""

    theta: np.ndarray
    grad: np.ndarray  # row 0 of _rows
    n_weights: int
    _w_starts: np.ndarray  # where each layer's weights start
    _w_bounds: list[int]  # _w_starts, then n_weights
    _rows: np.ndarray  # (3, len(theta)): the gradient, θ before an update, the update Δθ
    _before: np.ndarray  # row 1 of _rows
    _update: np.ndarray  # row 2 of _rows
    _row_squares: SegmentSquares  # of _rows: W1 … WL, then every other parameter together

    def weight_grad_norms(self) -> np.ndarray:
        """‖dW_k‖₂ for every layer k."""
        return np.sqrt(segment_squares(self.grad[None], self._w_bounds)[0])

    def weight_norms(self) -> np.ndarray:
        """‖W_k‖₂ for every layer k."""
        return np.sqrt(segment_squares(self.theta[None], self._w_bounds)[0])

    def keep_theta(self) -> None:
        """Remember θ before an update, for :meth:`update_norms` and :meth:`restore_theta`."""
        self._before[...] = self.theta  # item assignment: np.copyto's dispatch costs as much

    def restore_theta(self) -> None:
        """Go back to the θ of the last :meth:`keep_theta` (a diverged update)."""
        self.theta[...] = self._before

    def update_norms(self) -> np.ndarray:
        """Squared norms around the update since :meth:`keep_theta`: rows ‖dW_k‖², ‖W_k‖²
        (before) and ‖ΔW_k‖² for k = 1 … L, then a column for all other parameters together
        (biases, γ, β); shape (3, L + 1), an array the next call overwrites. Every Δθ is
        finite iff the last row's sum is."""
        np.subtract(self.theta, self._before, self._update)  # out positional: ~0.3 µs less
        return self._row_squares()
