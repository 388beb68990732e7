"""Per-layer norms of a network's flat vectors, each a single reduceat over one layout.

:class:`~nnsim.engine.network.Network` lays out ``theta`` and ``grad`` as ``W1 … WL`` then
every other parameter; a layer's weights are one segment, so the norms of all layers are
one call whatever the depth. The trainer measures an update by three rows at once: the
gradient, θ before the update and the update Δθ (:meth:`LayerNorms.update_norms`).
"""

from __future__ import annotations

import numpy as np


class LayerNorms:
    """Norms over the weight segments; the network sets the attributes below."""

    theta: np.ndarray
    grad: np.ndarray  # row 0 of _rows
    n_weights: int
    _w_starts: np.ndarray  # where each layer's weights start
    _segments: np.ndarray  # _w_starts, then n_weights (all other parameters as one segment)
    _rows: np.ndarray  # (3, len(theta)): the gradient, θ before an update, the update Δθ
    _before: np.ndarray  # row 1 of _rows
    _update: np.ndarray  # row 2 of _rows
    _squares: np.ndarray  # scratch shaped like _rows

    def weight_grad_norms(self) -> np.ndarray:
        """‖dW_k‖₂ for every layer k, in one vectorised pass."""
        g = self.grad[: self.n_weights]
        return np.sqrt(np.add.reduceat(g * g, self._w_starts))

    def weight_norms(self) -> np.ndarray:
        """‖W_k‖₂ for every layer k."""
        w = self.theta[: self.n_weights]
        return np.sqrt(np.add.reduceat(w * w, self._w_starts))

    def keep_theta(self) -> None:
        """Remember θ before an update, for :meth:`update_norms` and :meth:`restore_theta`."""
        self._before[...] = self.theta  # item assignment: np.copyto's dispatch costs as much

    def restore_theta(self) -> None:
        """Go back to the θ of the last :meth:`keep_theta` (a diverged update)."""
        self.theta[...] = self._before

    def update_norms(self) -> np.ndarray:
        """Squared norms around the update since :meth:`keep_theta`, in one reduceat: rows
        ‖dW_k‖², ‖W_k‖² (before) and ‖ΔW_k‖² for k = 1 … L, then a column for all other
        parameters together (biases, γ, β); shape (3, L + 1). Every Δθ is finite iff the
        last row's sum is."""
        rows, squares = self._rows, self._squares
        np.subtract(self.theta, self._before, out=self._update)
        np.multiply(rows, rows, out=squares)
        return np.add.reduceat(squares, self._segments, axis=1)
