"""A fully connected network: forward with caches, backward with exact gradients.

Conventions (as the article and ``torch.nn.Linear``): samples are rows, a dense
layer k holds ``W`` of shape (units_out, units_in) and ``b`` of shape (units_out,)::

    Z[k] = A[k−1] · W[k]ᵀ + b[k]          (A[0] = X, one sample per row)
    A[k] = g_k(BN(Z[k]))                  (BN only where enabled; dropout after g_k)

All parameters live in one contiguous float64 vector ``theta`` (and the gradients
in ``grad``), laid out ``W1 … WL, b1 … bL, γ…, β…``; each layer holds views into
it. An optimizer update is therefore a handful of NumPy calls whatever the depth,
and weight-only operations (regularisation, per-layer norms) work on one slice.

``parameters()`` / ``gradients()`` / ``parameter_names()`` list the same views in
the documented order ``W1, b1, [γ1, β1], W2, b2, …, WL, bL``.

A training step (:meth:`Network.train_pass`) computes into arrays kept per batch size
(:class:`~nnsim.engine.train_pass.TrainPass`, the same arithmetic laid out once), so a small
net's step is a few dozen NumPy calls and no allocation; ``forward`` / ``backward`` and the
phase-by-phase steps allocate, so what they return stays.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

import numpy as np

from nnsim.engine import batchnorm
from nnsim.engine.activations import Activation, get_activation
from nnsim.engine.initializers import get_initializer
from nnsim.engine.layer_norms import LayerNorms, SegmentSquares
from nnsim.engine.losses import Loss, get_loss
from nnsim.engine.named_parameters import NamedParameters
from nnsim.engine.row_sums import row_sums
from nnsim.engine.train_pass import TrainPass, pass_for


@dataclass(frozen=True)
class LayerConfig:
    """One hidden layer: its width, activation, and optional batch-norm and dropout."""

    units: int
    activation: str = "tanh"
    batch_norm: bool = False
    dropout: float = 0.0


class LayerCache(NamedTuple):
    """One layer's last forward pass, kept for backward (a tuple: a step of a small net is a
    few dozen µs, and a class with six attributes per layer showed)."""

    a_prev: np.ndarray  # A[k−1], the layer's input
    z: np.ndarray  # Z[k] = A[k−1]·W[k]ᵀ + b[k]
    pre: np.ndarray  # the activation's input: Z[k], or BN(Z[k])
    g: np.ndarray  # g_k(pre), before dropout
    a: np.ndarray  # A[k]: g after dropout (g itself without)
    bn: tuple[np.ndarray, np.ndarray] | None  # batch-norm in training: (ẑ, 1/√(σ²+ε))
    mask: np.ndarray | None  # the dropout mask (already scaled by 1/keep)


# LayerCache(...) goes through a Python-level __new__ (~1 µs a layer, as much as the rest of
# the bookkeeping); tuple.__new__ builds the same named tuple directly.
_new_tuple = tuple.__new__


class DenseLayer:
    """Views into the network's vectors for one layer, plus what it needs to compute."""

    __slots__ = ("W", "WT", "activation", "b", "bn", "dropout", "grad_W", "grad_b", "index")

    # Set by Network._allocate: views into its ``theta`` and ``grad`` vectors.
    W: np.ndarray  # (units_out, units_in)
    WT: np.ndarray  # W.T, taken once: forward multiplies by it every step
    b: np.ndarray  # (units_out,)
    grad_W: np.ndarray  # dJ/dW, shaped like W
    grad_b: np.ndarray  # dJ/db, shaped like b

    def __init__(self, index: int, activation: Activation, dropout: float) -> None:
        self.index = index  # 1-based, as in the article's W1, W2, …
        self.activation = activation
        self.dropout = dropout
        self.bn: batchnorm.BatchNormState | None = None

    @property
    def units(self) -> int:
        return self.W.shape[0]


class Network(LayerNorms, NamedParameters):
    """A dense network with its parameters, caches and gradients.

    Parameters
    ----------
    n_inputs, n_outputs
        Sizes of the input and output layers.
    hidden
        The hidden layers, first to last.
    output_activation
        ``sigmoid`` (with ``bce``), ``softmax`` (with ``cross_entropy``) or any activation.
    loss
        ``bce``, ``cross_entropy`` or ``mse``.
    init
        Initialiser name (see :mod:`nnsim.engine.initializers`).
    seed
        Seeds the initial weights and the dropout masks.
    """

    def __init__(
        self,
        n_inputs: int,
        hidden: Sequence[LayerConfig],
        n_outputs: int,
        output_activation: str = "sigmoid",
        loss: str = "bce",
        init: str = "xavier_uniform",
        seed: int = 0,
    ) -> None:
        self.loss: Loss = get_loss(loss)
        fused = self.loss.output_activation
        if fused is not None and output_activation != fused:
            raise ValueError(f"loss {loss!r} needs output_activation {fused!r}")
        for cfg in hidden:
            if not 0.0 <= cfg.dropout < 1.0:
                raise ValueError(f"dropout must be in [0, 1), got {cfg.dropout}")
        self.sizes = [n_inputs, *(c.units for c in hidden), n_outputs]
        self.hidden = tuple(hidden)
        self.init_name = init
        self.seed = seed
        configs = [*hidden, LayerConfig(n_outputs, output_activation)]
        self.layers = [
            DenseLayer(k + 1, get_activation(c.activation), c.dropout)
            for k, c in enumerate(configs)
        ]
        self._allocate([c.batch_norm for c in configs])
        init_rng, self._dropout_rng = (
            np.random.default_rng(s) for s in np.random.SeedSequence(seed).spawn(2)
        )
        initializer = get_initializer(init)
        for layer, n_in in zip(self.layers, self.sizes, strict=False):
            layer.W[...] = initializer(n_in, layer.units, init_rng)
        self._caches: list[LayerCache] = []  # layer k at k − 1: the last forward pass
        self._passes: dict[int, TrainPass] = {}  # by batch size: see train_pass

    # -- layout --------------------------------------------------------------------------------
    def _allocate(self, batch_norm: Sequence[bool]) -> None:
        shapes_w = [(o, i) for i, o in zip(self.sizes[:-1], self.sizes[1:], strict=True)]
        n_w = sum(o * i for o, i in shapes_w)
        n_b = sum(self.sizes[1:])
        n_bn = sum(units for units, on in zip(self.sizes[1:], batch_norm, strict=True) if on)
        self.theta = np.zeros(n_w + n_b + 2 * n_bn)
        # The gradient, θ before an update and the update Δθ, as rows of one array: the
        # norms of all three, for every layer, are one computation (see update_norms).
        self._rows = np.zeros((3, self.theta.size))
        self.grad, self._before, self._update = self._rows  # views, taken once
        self.n_weights = n_w
        self._w_starts = np.zeros(len(self.layers), dtype=np.intp)
        w_off, b_off = 0, n_w
        g_off, be_off = n_w + n_b, n_w + n_b + n_bn
        for k, (layer, (o, i)) in enumerate(zip(self.layers, shapes_w, strict=True)):
            self._w_starts[k] = w_off
            layer.W = self.theta[w_off : w_off + o * i].reshape(o, i)
            layer.grad_W = self.grad[w_off : w_off + o * i].reshape(o, i)
            layer.WT = layer.W.T
            layer.b = self.theta[b_off : b_off + o]
            layer.grad_b = self.grad[b_off : b_off + o]
            w_off += o * i
            b_off += o
            if batch_norm[k]:
                layer.bn = batchnorm.BatchNormState(
                    self.theta[g_off : g_off + o],
                    self.theta[be_off : be_off + o],
                    self.grad[g_off : g_off + o],
                    self.grad[be_off : be_off + o],
                    o,
                )
                layer.bn.gamma[...] = 1.0
                g_off += o
                be_off += o
        self._w_bounds = [*self._w_starts.tolist(), n_w]
        self._row_squares = SegmentSquares(self._rows, [*self._w_bounds, self.theta.size])

    @property
    def weight_starts(self) -> np.ndarray:
        """Where each layer's weights start in :attr:`theta` (the biases follow all weights)."""
        return self._w_starts

    @property
    def depth(self) -> int:
        """Number of dense layers L (hidden layers + the output layer)."""
        return len(self.layers)

    @property
    def weights(self) -> np.ndarray:
        """All weights W1 … WL as one vector (a view of ``theta``)."""
        return self.theta[: self.n_weights]

    @property
    def weight_grads(self) -> np.ndarray:
        """All weight gradients dW1 … dWL as one vector (a view of ``grad``)."""
        return self.grad[: self.n_weights]

    def random_state(self) -> Mapping[str, Any]:
        """The dropout masks' generator state (plain, picklable), for :meth:`set_random_state`."""
        return self._dropout_rng.bit_generator.state

    def set_random_state(self, state: Mapping[str, Any]) -> None:
        """Continue the dropout masks from :meth:`random_state`."""
        self._dropout_rng.bit_generator.state = state

    # -- forward -------------------------------------------------------------------------------
    def forward_layer(
        self,
        layer: DenseLayer,
        a_prev: np.ndarray,
        train: bool = True,
    ) -> LayerCache:
        """One layer forward from its input ``a_prev``: every intermediate array, named."""
        z = np.dot(a_prev, layer.WT)
        z += layer.b
        pre, bn_cache, mask = z, None, None
        if layer.bn is not None:
            if train:
                pre, z_hat, inv_std = batchnorm.forward_train(layer.bn, z)
                bn_cache = (z_hat, inv_std)
            else:
                pre = batchnorm.forward_eval(layer.bn, z)
        g = layer.activation.forward(pre)
        a = g
        if train and layer.dropout > 0.0:
            keep = 1.0 - layer.dropout
            mask = (self._dropout_rng.random(g.shape) < keep) * (1.0 / keep)
            a = g * mask  # inverted dropout: E[a] unchanged, nothing to rescale at test time
        return _new_tuple(LayerCache, (a_prev, z, pre, g, a, bn_cache, mask))

    def forward_steps(self, x: np.ndarray, train: bool = True) -> Iterator[DenseLayer]:
        """Run the batch ``x`` (n, n_inputs) layer by layer, yielding each layer once its
        caches (``cached(k)``) are filled. :meth:`forward` is this, run to the end."""
        a = np.ascontiguousarray(x, dtype=np.float64)
        caches = self._caches = []
        for layer in self.layers:
            cache = self.forward_layer(layer, a, train)
            caches.append(cache)
            a = cache.a
            yield layer

    def forward(self, x: np.ndarray, train: bool = True) -> np.ndarray:
        """Run the batch ``x`` (n, n_inputs) through every layer, keeping caches for backward."""
        for _ in self.forward_steps(x, train):
            pass
        return self._caches[-1].a

    def activations(self, x: np.ndarray, dtype: type = np.float64) -> list[np.ndarray]:
        """Evaluation-mode outputs of every layer [A1, …, AL] for ``x`` (n, n_inputs), as
        (n, units) arrays of ``dtype`` (the views draw float32: its tanh is five times
        faster); caches untouched.

        For the views' grids (10,000 points): computed unit-major, A[k]ᵀ = g(W′·A[k−1]ᵀ + b′)
        with batch-norm's running statistics folded into W′ and b′ (``batchnorm.folded``):
        the matmul reads W as stored and one pass does the layer's affine part, 1.8× (tanh)
        to 3.6× (sigmoid with batch-norm) faster than the training layout. The results are
        views of the unit-major arrays and equal the training layout's to rounding."""
        a: np.ndarray = np.ascontiguousarray(x.T, dtype=dtype)
        last = self.layers[-1]
        out = []
        for layer in self.layers:
            W, b = layer.W, layer.b
            if layer.bn is not None:
                W, b = batchnorm.folded(layer.bn, W, b)
            z = np.matmul(W.astype(dtype, copy=False), a)
            z += b.astype(dtype, copy=False)[:, None]
            if layer is last:  # softmax takes the units last
                out.append(layer.activation.forward(z.T))
            else:  # hidden activations are element-wise: any layout
                a = layer.activation.forward(z)
                out.append(a.T)
        return out

    def evaluate(self, x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Evaluation-mode (activation input, output) of the last layer, for losses."""
        a = np.ascontiguousarray(x, dtype=np.float64)
        for layer in self.layers:
            cache = self.forward_layer(layer, a, train=False)
            a = cache.a
        return cache.pre, a

    def predict(self, x: np.ndarray) -> np.ndarray:
        """Evaluation-mode output (running BN statistics, no dropout)."""
        return self.activations(x)[-1]

    # -- loss and backward ---------------------------------------------------------------------
    def loss_value(self, y: np.ndarray) -> float:
        """The data loss of the last forward pass against targets ``y``."""
        c = self._caches[-1]
        return self.loss.value(c.pre, c.a, y)

    def output_delta(self, y: np.ndarray) -> np.ndarray:
        """dJ/d(activation input) of the output layer: where backpropagation starts."""
        out = self.layers[-1]
        c = self._caches[-1]
        return self.loss.grad_z(c.pre, c.a, y, out.activation)

    def activation_backward(self, layer: DenseLayer, grad_a: np.ndarray) -> np.ndarray:
        """dJ/dA[k] → dJ/d(activation input of k): through dropout, then g_k'."""
        c = self._caches[layer.index - 1]
        if c.mask is not None:
            grad_a = grad_a * c.mask
        return layer.activation.backward(c.pre, c.g, grad_a)

    def backward_layer(self, layer: DenseLayer, delta: np.ndarray) -> np.ndarray | None:
        """Write dW[k], db[k] (and dγ, dβ) from δ = dJ/d(activation input); return dJ/dA[k−1].

        dZ = δ (or BN's backward of it);  dW = dZᵀ·A[k−1];  db = Σ_rows dZ (``row_sums``);
        dA[k−1] = dZ·W.
        """
        k = layer.index
        c = self._caches[k - 1]
        dz = delta
        if layer.bn is not None:
            if c.bn is None:  # the forward pass ran in evaluation mode: no batch statistics
                raise RuntimeError("backward needs a training-mode forward pass (batch norm)")
            z_hat, inv_std = c.bn
            dz = batchnorm.backward(layer.bn, delta, z_hat, inv_std)
        np.dot(dz.T, c.a_prev, out=layer.grad_W)
        row_sums(dz, layer.grad_b)
        return np.dot(dz, layer.W) if k > 1 else None

    def backward_steps(
        self, y: np.ndarray
    ) -> Iterator[tuple[DenseLayer, np.ndarray, np.ndarray | None]]:
        """Backpropagate from the output layer to the first, yielding ``(layer, δ, dA_prev)``
        once the layer's gradients are written: δ = dJ/d(its activation input) and
        dA_prev = dJ/dA[k−1] (None for the first layer). Fills ``grad``."""
        layers = self.layers
        delta = self.output_delta(y)
        for i in range(len(layers) - 1, -1, -1):
            grad_a = self.backward_layer(layers[i], delta)
            yield layers[i], delta, grad_a
            if grad_a is not None:  # None only after the first layer (i == 0)
                delta = self.activation_backward(layers[i - 1], grad_a)

    def backward(self, y: np.ndarray) -> None:
        """Fill ``grad`` with dJ/dθ for the last forward pass (data loss only)."""
        for _ in self.backward_steps(y):
            pass

    # -- the training step ---------------------------------------------------------------------
    def train_pass(self, x: np.ndarray, y: np.ndarray) -> float:
        """Forward (training mode), loss and backward on the batch ``(x, y)``: fills ``grad``
        and returns the data loss. The same arithmetic as ``forward``, ``loss_value`` and
        ``backward``, written into arrays kept for this batch size, which the next pass
        overwrites (``cached`` then shows them): the trainer's step, with no allocation."""
        n = x.shape[0]
        step = self._passes.get(n) or pass_for(self, self._passes, n, self._dropout_rng)
        loss, self._caches = step(x, y)
        return loss

    # -- cache access, for the phase-by-phase view ---------------------------------------------
    def cached(self, k: int) -> dict[str, np.ndarray]:
        """The last forward pass's arrays for layer k (1-based): A_prev, Z, (Z_bn,) A."""
        c = self._caches[k - 1]
        out = {"A_prev": c.a_prev, "Z": c.z}
        if self.layers[k - 1].bn is not None:
            out["Z_bn"] = c.pre
        out["A"] = c.a
        return out
