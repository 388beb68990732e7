"""The arrays a training step writes into, kept per batch size: no allocation per step.

:meth:`~nnsim.engine.network.Network.train_pass` passes each layer its
:class:`LayerBuffers`; the layer's forward and backward (``Network.forward_layer`` /
``backward_layer``) compute into them through ``out=``. ``NO_BUFFERS`` (every field None)
makes the same code allocate, as the phase-by-phase view and evaluation need.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

import numpy as np

if TYPE_CHECKING:
    from nnsim.engine.network import Network

MAX_BATCH_SIZES = 4  # sizes kept at once (a pass's last batch may be bigger than the others)


class LayerBuffers(NamedTuple):
    """Where one layer's training step writes at one batch size (each None: allocate)."""

    z: np.ndarray | None  # Z[k]
    a: np.ndarray | None  # g_k(pre)
    delta: np.ndarray | None  # dJ/d(activation input)
    grad_a_prev: np.ndarray | None  # dJ/dA[k−1] (None for the first layer)
    loss: np.ndarray | None  # scratch for the loss's value (the output layer's only)
    # The output layer's only, or None (see new_buffers): the hidden layers' δ as the blocks
    # of one (L − 1, n, u) array, and their bias gradients db1 … db(L−1) as a view of ``grad``
    # shaped (L − 1, u), where one reduction sums them all.
    deltas: np.ndarray | None
    bias_grads: np.ndarray | None


NO_BUFFERS = LayerBuffers(None, None, None, None, None, None, None)


def new_buffers(kept: dict[int, list[LayerBuffers]], net: Network, n: int) -> list[LayerBuffers]:
    """Every layer's buffers for batches of ``n`` rows, stored in ``kept`` (at most
    ``MAX_BATCH_SIZES`` sizes: the oldest go).

    When the hidden layers are all as wide and without batch norm, their δ are the blocks of
    one (L − 1, n, u) array, in the order of the biases in ``grad``: their bias gradients,
    Σ_rows δ, are then one product (:func:`~nnsim.engine.row_sums.row_sums`), with the bits
    of one per layer. Each δ stays a contiguous (n, u) array: BLAS's products of strided
    views give other bits. The output layer (another width, often one unit) sums its own."""
    if len(kept) >= MAX_BATCH_SIZES:
        kept.clear()
    layers, widths = net.layers, set(net.sizes[1:-1])
    shared = len(widths) == 1 and all(x.bn is None for x in layers[:-1])
    deltas = bias_grads = None
    if shared:
        shape = (len(layers) - 1, min(widths))
        deltas = np.empty((shape[0], n, shape[1]))
        bias_grads = net.grad[net.n_weights : net.n_weights + shape[0] * shape[1]].reshape(shape)
    kept[n] = [
        LayerBuffers(
            np.empty((n, layer.units)),
            np.empty((n, layer.units)),
            np.empty((n, layer.units)) if deltas is None or layer is layers[-1] else deltas[k],
            np.empty((n, n_in)) if layer.index > 1 else None,
            np.empty((n, layer.units)) if layer is layers[-1] else None,
            deltas if layer is layers[-1] else None,
            bias_grads if layer is layers[-1] else None,
        )
        for k, (layer, n_in) in enumerate(zip(layers, net.sizes, strict=False))
    ]
    return kept[n]
