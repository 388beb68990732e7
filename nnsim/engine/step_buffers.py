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


NO_BUFFERS = LayerBuffers(None, None, None, None, None)


def new_buffers(kept: dict[int, list[LayerBuffers]], net: Network, n: int) -> list[LayerBuffers]:
    """Every layer's buffers for batches of ``n`` rows, stored in ``kept`` (at most
    ``MAX_BATCH_SIZES`` sizes: the oldest go)."""
    if len(kept) >= MAX_BATCH_SIZES:
        kept.clear()
    last = net.layers[-1]
    kept[n] = [
        LayerBuffers(
            np.empty((n, layer.units)),
            np.empty((n, layer.units)),
            np.empty((n, layer.units)),
            np.empty((n, n_in)) if layer.index > 1 else None,
            np.empty((n, layer.units)) if layer is last else None,
        )
        for layer, n_in in zip(net.layers, net.sizes, strict=False)
    ]
    return kept[n]
