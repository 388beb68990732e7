"""K networks of one architecture as one stacked computation (many runs for the price of few).

Run k's parameters are row k of one ``(K, P)`` array laid out exactly as
:class:`~nnsim.engine.network.Network`'s ``theta`` (``W1 … WL, b1 … bL``); each layer holds
``(K, out, in)`` / ``(K, out)`` views into it. A batch is ``(K, B, in)``: every run has its own
mini-batch (data order differs by seed), and one batched ``matmul`` per layer serves all K::

    Z[k] = A[k−1] · W[k]ᵀ + b[k]        (for every run at once: (K, B, in) @ (K, in, out))
    A[k] = g_k(Z[k])

Activations are the engine's own (element-wise, so they take ``(K, B, units)`` as they are);
losses reduce per run (:mod:`nnsim.engine.stacked_losses`). Dropout draws run k's masks from
run k's own generator, layer by layer, as its Network would. Batch-norm is not stacked:
:func:`stackable` refuses it, and such runs train on their own.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from nnsim.engine.activations import Activation
from nnsim.engine.layer_norms import segment_squares
from nnsim.engine.network import Network
from nnsim.engine.row_sums import row_sums
from nnsim.engine.stacked_losses import StackedLoss, stacked_loss

__all__ = ["StackedLayer", "StackedNetwork", "architecture", "stackable"]


def architecture(net: Network) -> tuple:
    """What runs must share to be stacked: layer sizes, activations, dropout rates and loss."""
    return (
        tuple(net.sizes),
        tuple(layer.activation.name for layer in net.layers),
        tuple(layer.dropout for layer in net.layers),
        net.loss.name,
    )


def stackable(net: Network) -> str | None:
    """None if ``net`` can join a stack, else why not (batch-norm)."""
    if any(layer.bn is not None for layer in net.layers):
        return "batch-norm is not stacked (each run keeps its own running statistics)"
    return None


class StackedLayer:
    """Views into the stacked vectors for one layer of K runs: W (K, out, in), b (K, out)."""

    __slots__ = (
        "W", "WT", "activation", "b", "b_column", "b_row", "dropout", "grad_W", "grad_b", "index",
    )  # fmt: skip

    def __init__(
        self,
        index: int,
        activation: Activation,
        dropout: float,
        W: np.ndarray,
        b: np.ndarray,
        grad_W: np.ndarray,
        grad_b: np.ndarray,
    ) -> None:
        self.index = index  # 1-based, as Network's layers
        self.activation = activation
        self.dropout = dropout  # the rate p: a unit is kept with probability 1 − p
        self.W, self.b, self.grad_W, self.grad_b = W, b, grad_W, grad_b
        self.WT = W.transpose(0, 2, 1)
        self.b_row = b[:, None, :]  # (K, 1, out): broadcasts over the batch
        self.b_column = b[:, :, None]  # (K, out, 1): over the points of a unit-major batch


class StackedNetwork:
    """K dense networks with the same layer sizes, activations and loss, trained as one.

    Parameters
    ----------
    networks
        The runs, in order; each one's current ``theta`` becomes a row of :attr:`theta`.
        They are only read: the stack owns its copy of the parameters.

    Raises
    ------
    ValueError
        For no networks, different architectures (dropout rates included) or batch-norm.
    """

    def __init__(self, networks: Sequence[Network]) -> None:
        if not networks:
            raise ValueError("a stack needs at least one network")
        first = networks[0]
        for net in networks:
            why = stackable(net)
            if why:
                raise ValueError(why)
            if architecture(net) != architecture(first):
                raise ValueError(
                    f"cannot stack {architecture(net)} with {architecture(first)}: "
                    "runs of one stack share layer sizes, activations and loss"
                )
        self.runs = len(networks)
        self.sizes = list(first.sizes)
        self.loss: StackedLoss = stacked_loss(first.loss)
        self.n_weights = first.n_weights
        self._w_bounds = [*first.weight_starts.tolist(), self.n_weights]  # weight segments
        K, P = self.runs, first.theta.size
        self.theta = np.empty((K, P))
        for k, net in enumerate(networks):
            self.theta[k] = net.theta
        self.grad = np.zeros_like(self.theta)
        self.layers: list[StackedLayer] = []
        b0 = self.n_weights  # Network's layout: W1 … WL, then b1 … bL
        for src, i, o in zip(first.layers, self.sizes[:-1], self.sizes[1:], strict=True):
            w0 = int(first.weight_starts[src.index - 1])
            layer = StackedLayer(
                src.index,
                src.activation,
                src.dropout,
                self.theta[:, w0 : w0 + o * i].reshape(K, o, i),
                self.theta[:, b0 : b0 + o],
                self.grad[:, w0 : w0 + o * i].reshape(K, o, i),
                self.grad[:, b0 : b0 + o],
            )
            b0 += o
            self.layers.append(layer)
        # each run's dropout generator, going on from its network's (Network.random_state)
        self.dropout_rngs = [np.random.default_rng() for _ in networks]
        for rng, net in zip(self.dropout_rngs, networks, strict=True):
            rng.bit_generator.state = net.random_state()
        self._caches: list[tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray | None]] = []

    @property
    def depth(self) -> int:
        """Number of dense layers L."""
        return len(self.layers)

    @property
    def weights(self) -> np.ndarray:
        """(K, n_weights): every run's W1 … WL (a view of :attr:`theta`)."""
        return self.theta[:, : self.n_weights]

    @property
    def weight_grads(self) -> np.ndarray:
        """(K, n_weights): every run's dW1 … dWL (a view of :attr:`grad`)."""
        return self.grad[:, : self.n_weights]

    # -- forward and backward, side by side (Network.forward_layer / backward_layer) ----------
    def forward(self, x: np.ndarray) -> np.ndarray:
        """Run ``x`` (K, B, n_inputs), run k's batch in ``x[k]``; keep caches for backward."""
        a = x
        caches = self._caches = []
        for layer in self.layers:
            a_prev = a
            z = np.matmul(a_prev, layer.WT)
            z += layer.b_row
            a = g = layer.activation.forward(z)
            mask = None
            if layer.dropout > 0.0:  # inverted dropout, each run's mask from its own generator
                keep = 1.0 - layer.dropout
                mask = np.empty_like(g)
                for k, rng in enumerate(self.dropout_rngs):
                    mask[k] = (rng.random(g.shape[1:]) < keep) * (1.0 / keep)
                a = g * mask
            caches.append((a_prev, z, g, mask))
        return a

    def evaluate(self, x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(activation input, output) of the last layer for ``x``: (K, n, n_inputs), or
        (n, n_inputs) points shared by every run; caches
        untouched (``Network.evaluate``: without batch-norm and dropout, the forward pass).

        Computed unit-major, Z[k]ᵀ = W[k]·A[k−1]ᵀ + b[k] as (K, units, n) arrays: the matmul
        reads W as it is stored and the bias is added along the n points, twice as fast for
        many points as the batch-major form; the results are transposed views."""
        a = np.ascontiguousarray(x.T if x.ndim == 2 else x.transpose(0, 2, 1))
        *hidden, last = self.layers
        for layer in hidden:  # element-wise activations: any layout
            z = np.matmul(layer.W, a)
            z += layer.b_column
            a = layer.activation.forward(z)
        z = np.matmul(last.W, a)
        z += last.b_column
        z = z.transpose(0, 2, 1)  # softmax takes the units last
        return z, last.activation.forward(z)

    def backward(self, y: np.ndarray) -> None:
        """Fill :attr:`grad` with every run's dJ/dθ for the last forward pass.

        dW = dZᵀ·A[k−1];  db = Σ_rows dZ;  dA[k−1] = dZ·W;  dZ[k−1] = dA[k−1] ⊙ g'."""
        layers, caches = self.layers, self._caches
        _, z, a, _ = caches[-1]
        dz = self.loss.grad_z(z, a, y, layers[-1].activation)
        for i in range(len(layers) - 1, -1, -1):
            layer = layers[i]
            a_prev = caches[i][0]
            np.matmul(dz.transpose(0, 2, 1), a_prev, out=layer.grad_W)
            row_sums(dz, layer.grad_b)
            if i:
                grad_a = np.matmul(dz, layer.W)
                _, z, g, mask = caches[i - 1]
                if mask is not None:
                    grad_a = grad_a * mask
                dz = layers[i - 1].activation.backward(z, g, grad_a)

    def loss_values(self, y: np.ndarray) -> np.ndarray:
        """(K,): each run's data loss of the last forward pass against its targets ``y[k]``."""
        _, z, a, _ = self._caches[-1]
        return self.loss.value(z, a, y)

    # -- per-run, per-layer norms (the formula of Network.update_norms) -------------
    def weight_grad_norms(self) -> np.ndarray:
        """(K, L): ‖dW_k‖₂ of every run and layer."""
        return self.segment_norms(self.grad)

    def segment_norms(self, v: np.ndarray) -> np.ndarray:
        """(K, L): per-layer L2 norms of the weight part of a (K, P) array laid out as θ."""
        return np.sqrt(segment_squares(v, self._w_bounds))

    def segment_norms_pair(self, u: np.ndarray, v: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """:meth:`segment_norms` of two (K, P) arrays."""
        both = np.empty((2, self.runs, self.depth))
        segment_squares(u, self._w_bounds, both[0])
        segment_squares(v, self._w_bounds, both[1])
        norms = np.sqrt(both, out=both)
        return norms[0], norms[1]

    def load_into(self, k: int, net: Network) -> None:
        """Copy run ``k``'s parameters into ``net`` (a network of the same architecture)."""
        net.theta[...] = self.theta[k]
