"""A network's training pass at one batch size, laid out once: forward, loss and backward.

:meth:`~nnsim.engine.network.Network.train_pass` runs a :class:`TrainPass` kept per batch
size. It is the arithmetic of ``Network.forward_layer``, ``loss_value``, ``output_delta``,
``activation_backward`` and ``backward_layer`` (the phase-by-phase view's and the tests'
reference; ``tests/engine/test_train_pass.py`` holds the two to the bit), written into arrays
allocated here and walked as tuples taken once. A small net's step is a few dozen NumPy
calls, and Python's share shows: at batch 10 on 2-8-8-1 the pass through those methods took
217k instructions (callgrind), this loop 194k, the tuned floor's whole step 136k.

When the hidden layers are all as wide and without batch norm, their δ are the blocks of one
(L − 1, n, u) array, in the order of the biases in ``grad``: their bias gradients, Σ_rows δ,
are then one product (:func:`~nnsim.engine.row_sums.row_sums`), with the bits of one per
layer. Each δ stays a contiguous (n, u) array: BLAS's products of strided views give other
bits. The output layer (another width, often one unit) sums its own.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from nnsim.engine import batchnorm
from nnsim.engine.activations import F64
from nnsim.engine.row_sums import row_sums

if TYPE_CHECKING:
    from nnsim.engine.network import LayerCache, Network

MAX_BATCH_SIZES = 4  # sizes kept at once (a pass's last batch may be bigger than the others)
_new_tuple = tuple.__new__  # LayerCache(...) runs a Python-level __new__ (~1 µs a layer)


class TrainPass:
    """Forward (training mode), loss and backward of ``net`` on batches of ``n`` rows.

    Calling it with a batch ``(x, y)`` fills ``net.grad`` and returns the data loss and the
    layers' caches (views of the arrays kept here, which the next call overwrites); dropout
    masks come from ``dropout_rng``, the network's generator."""

    def __init__(self, net: Network, n: int, dropout_rng: np.random.Generator) -> None:
        from nnsim.engine.network import LayerCache

        self._cache_type = LayerCache
        self._dropout_rng = dropout_rng
        layers = net.layers
        hidden, last = layers[:-1], layers[-1]
        widths = set(net.sizes[1:-1])
        shared = len(widths) == 1 and all(layer.bn is None for layer in hidden)
        z = [np.empty((n, layer.units)) for layer in layers]
        a = [np.empty((n, layer.units)) for layer in layers]
        grad_a = [np.empty((n, n_in)) if k else None for k, n_in in enumerate(net.sizes[:-1])]
        self._deltas = self._bias_grads = None
        if shared:
            shape = (len(hidden), min(widths))
            self._deltas = np.empty((shape[0], n, shape[1]))
            bias_grads = net.grad[net.n_weights : net.n_weights + shape[0] * shape[1]]
            self._bias_grads = bias_grads.reshape(shape)
            deltas = [*self._deltas, np.empty((n, last.units))]
        else:
            deltas = [np.empty((n, layer.units)) for layer in layers]
        self._ones = np.ones(n)
        self._ones.flags.writeable = False
        self._loss_scratch = np.empty((n, last.units))
        self._last = (last.activation, net.loss.value, net.loss.grad_z, deltas[-1])
        # layer by layer, first to last: what its forward reads and writes
        self._forward = [
            (layer.WT, layer.b, z[k], a[k], layer.activation.forward, layer.bn, layer.dropout)
            for k, layer in enumerate(layers)
        ]
        # last to first: the layer's δ, then its gradients and dJ/dA[k−1]
        self._backward = [
            (
                k,
                deltas[k],
                layer.activation.backward if layer is not last else None,
                layer.bn,
                layer.grad_W,
                None if shared and layer is not last else layer.grad_b,
                layer.W,
                grad_a[k],  # dJ/dA[k−1]: None for the first layer
            )
            for k, layer in reversed(list(enumerate(layers)))
        ]

    def __call__(self, x: np.ndarray, y: np.ndarray) -> tuple[float, list[LayerCache]]:
        # Outputs are positional (a keyword costs ~0.3 µs a call) and the caches are read by
        # index: a (a_prev, z, pre, g, a, bn, mask) tuple's named fields are descriptors.
        dot, add, new, cache_type = np.dot, np.add, _new_tuple, self._cache_type
        a = x if x.dtype is F64 else x.astype(np.float64)  # np.dot takes any strides
        caches: list[LayerCache] = []
        append = caches.append
        for WT, b, z, h, forward, bn, dropout in self._forward:
            dot(a, WT, z)
            add(z, b, z)
            pre = z
            if bn is None:
                g = out = forward(z, h)
                if dropout == 0.0:
                    append(new(cache_type, (a, z, z, g, g, None, None)))
                    a = g
                    continue
                bn_cache = None
            else:
                pre, z_hat, inv_std = batchnorm.forward_train(bn, z)
                bn_cache = (z_hat, inv_std)
                g = out = forward(pre, h)
            mask = None
            if dropout > 0.0:  # inverted dropout: E[a] unchanged, nothing to rescale at test time
                keep = 1.0 - dropout
                mask = (self._dropout_rng.random(g.shape) < keep) * (1.0 / keep)
                out = g * mask
            append(new(cache_type, (a, z, pre, g, out, bn_cache, mask)))
            a = out
        activation, value, grad_z, delta_out = self._last
        _, _, pre, _, out, _, _ = caches[-1]
        loss = value(pre, out, y, self._loss_scratch)
        delta = grad_z(pre, out, y, activation, delta_out)
        ones, grad_a = self._ones, delta
        for k, buffer, backward, bn, grad_W, grad_b, W, grad_a_prev in self._backward:
            a_prev, _, pre, g, _, bn_cache, mask = caches[k]
            if backward is not None:  # a hidden layer: δ = dJ/dA[k] through dropout and g_k'
                if mask is not None:
                    grad_a = grad_a * mask
                delta = backward(pre, g, grad_a, buffer)
                if delta is not buffer and grad_b is None:  # its block of the shared deltas
                    np.copyto(buffer, delta)
            dz = delta
            if bn is not None:
                assert bn_cache is not None  # a training-mode pass keeps the batch statistics
                dz = batchnorm.backward(bn, delta, *bn_cache)
            dot(dz.T, a_prev, grad_W)
            if grad_b is not None:  # Σ_rows dZ, row_sums' product (np.dot: the same bits)
                dot(ones, dz, grad_b)
            if grad_a_prev is not None:
                grad_a = dot(dz, W, grad_a_prev)
        if self._deltas is not None:  # db1 … db(L−1): Σ_rows δ of every block at once
            row_sums(self._deltas, self._bias_grads)
        return loss, caches


def pass_for(
    net: Network, kept: dict[int, TrainPass], n: int, dropout_rng: np.random.Generator
) -> TrainPass:
    """``net``'s :class:`TrainPass` for batches of ``n`` rows, made and stored in ``kept`` on
    first use (at most ``MAX_BATCH_SIZES`` sizes: the oldest go)."""
    step = kept.get(n)
    if step is None:
        if len(kept) >= MAX_BATCH_SIZES:
            kept.clear()
        step = kept[n] = TrainPass(net, n, dropout_rng)
    return step
