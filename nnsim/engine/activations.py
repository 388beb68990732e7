"""Activation functions, each with its derivative right next to it.

Every activation has ``forward(z) -> a`` and ``backward(z, a, grad_a) -> grad_z``:
the chain rule ``dJ/dz = dJ/da · a'(z)`` applied where the derivative is known. Both take
an optional ``out``, an array of the result's shape that it may be written into (the
training step passes preallocated ones); the result is what they *return*, in ``out`` or
not, and ``out`` never aliases an input.
Derivatives are written in terms of the output ``a`` when that is cheaper (tanh,
sigmoid), otherwise in terms of ``z``. All of them are numerically stable for
``|z|`` up to 1e4 and beyond: no overflow warnings, no NaN.
"""

from __future__ import annotations

import math

import numpy as np

from nnsim.engine.registry import look_up

_SQRT_HALF = math.sqrt(0.5)
_INV_SQRT_2PI = 1.0 / math.sqrt(2.0 * math.pi)
_erf = np.frompyfunc(math.erf, 1, 1)


def _constant(value: float) -> np.ndarray:
    c = np.array(value)
    c.flags.writeable = False
    return c


# The constants of the training step's ufunc calls, as float64 0-d arrays: NumPy converts a
# Python float anew at every call (~1,400 instructions, as much as the call itself on a small
# array). Same value, same loop, same bits. A 0-d array is no weak scalar, though: with a
# float32 array (the views' grids) it would make the result float64, so each use takes the
# Python float unless the array's dtype is F64.
F64 = np.dtype(np.float64)
ONE, ZERO = _constant(1.0), _constant(0.0)

Array = np.ndarray
Out = np.ndarray | None  # where a result may be written (see the module's docstring)


EXP_CAP_64 = 708.0  # σ = 1/(1 + e^708) = 3.3e-308 is still a normal float64 ...
EXP_CAP = _constant(EXP_CAP_64)
EXP_CAP_32 = 87.0  # ... and 1/(1 + e^87) = 1.6e-38 a normal float32: never a denormal


def sigmoid(z: np.ndarray, out: np.ndarray | None = None) -> np.ndarray:
    """σ(z) = 1 / (1 + e^{−z}), as PyTorch computes it, with e^{−z} capped before it would
    overflow or σ become denormal (z < −708: σ = 3.3e−308 for 0, and no warning; denormals
    slow every product that reads them). Four passes of the half-tanh form ½·(1 + tanh(z/2))
    cost twice these five here (NumPy 2.4 on an AMD EPYC: its float64 tanh 13-19 ns an
    element, exp 5-9), and it lost the left tail to cancellation. Integers are taken as
    float64; float32 stays float32."""
    dtype = z.dtype
    cap: np.ndarray | float
    one: np.ndarray | float
    if dtype is F64:  # the training step's arrays: the 0-d constants, converted once
        cap, one = EXP_CAP, ONE
    else:
        if dtype.kind != "f":
            z = z.astype(np.float64)
        cap, one = (EXP_CAP_32, 1.0) if z.dtype.itemsize < 8 else (EXP_CAP_64, 1.0)
    a = np.negative(z, out)  # out positional: a keyword costs ~0.3 µs a call
    np.minimum(a, cap, out=a)  # (a positional out is deprecated)
    np.exp(a, a)
    np.add(a, one, a)
    return np.reciprocal(a, a)


def erf(x: np.ndarray) -> np.ndarray:
    """The error function, element-wise, exact to double precision (``math.erf``)."""
    return np.asarray(_erf(x), dtype=np.float64)


class Activation:
    """Base class: a named element-wise function and its derivative."""

    name: str = ""
    formula: str = ""

    def forward(self, z: np.ndarray, out: Out = None) -> np.ndarray:
        raise NotImplementedError

    def backward(self, z: np.ndarray, a: np.ndarray, grad_a: np.ndarray, out: Out = None) -> Array:
        raise NotImplementedError

    def __repr__(self) -> str:
        return f"{type(self).__name__}()"


class Linear(Activation):
    name, formula = "linear", "a = z"

    def forward(self, z: np.ndarray, out: Out = None) -> np.ndarray:
        return z

    def backward(self, z: np.ndarray, a: np.ndarray, grad_a: np.ndarray, out: Out = None) -> Array:
        return grad_a  # da/dz = 1


class Sigmoid(Activation):
    name, formula = "sigmoid", "a = 1 / (1 + e^(−z))"

    def forward(self, z: np.ndarray, out: Out = None) -> np.ndarray:
        return sigmoid(z, out)

    def backward(self, z: np.ndarray, a: np.ndarray, grad_a: np.ndarray, out: Out = None) -> Array:
        d = np.subtract(ONE if a.dtype is F64 else 1.0, a, out)
        d *= a  # σ' = σ(1 − σ)
        d *= grad_a
        return d


class Tanh(Activation):
    name, formula = "tanh", "a = tanh(z)"

    def forward(self, z: np.ndarray, out: Out = None) -> np.ndarray:
        return np.tanh(z, out)

    def backward(self, z: np.ndarray, a: np.ndarray, grad_a: np.ndarray, out: Out = None) -> Array:
        d = np.multiply(a, a, out)
        np.subtract(ONE if d.dtype is F64 else 1.0, d, d)  # tanh' = 1 − tanh²
        d *= grad_a
        return d


class ReLU(Activation):
    name, formula = "relu", "a = max(0, z)"

    def forward(self, z: np.ndarray, out: Out = None) -> np.ndarray:
        return np.maximum(z, 0.0, out=out)  # (np.maximum deprecates a positional out)

    def backward(self, z: np.ndarray, a: np.ndarray, grad_a: np.ndarray, out: Out = None) -> Array:
        return np.multiply(grad_a, z > 0.0, out)  # 1 where z > 0, else 0 (as PyTorch at 0)


class LeakyReLU(Activation):
    name, formula = "leaky_relu", "a = z if z > 0 else 0.01·z"
    slope = 0.01

    def forward(self, z: np.ndarray, out: Out = None) -> np.ndarray:
        return np.where(z > 0.0, z, self.slope * z)

    def backward(self, z: np.ndarray, a: np.ndarray, grad_a: np.ndarray, out: Out = None) -> Array:
        return np.where(z > 0.0, grad_a, self.slope * grad_a)


class ELU(Activation):
    name, formula = "elu", "a = z if z > 0 else e^z − 1"

    def forward(self, z: np.ndarray, out: Out = None) -> np.ndarray:
        return np.where(z > 0.0, z, np.expm1(np.minimum(z, 0.0)))  # min() keeps exp finite

    def backward(self, z: np.ndarray, a: np.ndarray, grad_a: np.ndarray, out: Out = None) -> Array:
        return np.where(z > 0.0, grad_a, grad_a * (a + 1.0))  # (e^z − 1)' = e^z = a + 1


class GELU(Activation):
    name, formula = "gelu", "a = z·Φ(z) = ½·z·(1 + erf(z/√2))"

    def forward(self, z: np.ndarray, out: Out = None) -> np.ndarray:
        return 0.5 * z * (1.0 + erf(z * _SQRT_HALF))

    def backward(self, z: np.ndarray, a: np.ndarray, grad_a: np.ndarray, out: Out = None) -> Array:
        cdf = 0.5 * (1.0 + erf(z * _SQRT_HALF))
        pdf = _INV_SQRT_2PI * np.exp(-0.5 * z * z)
        return grad_a * (cdf + z * pdf)  # (zΦ)' = Φ + z·φ


class SiLU(Activation):
    name, formula = "silu", "a = z·σ(z)"

    def forward(self, z: np.ndarray, out: Out = None) -> np.ndarray:
        return z * sigmoid(z)

    def backward(self, z: np.ndarray, a: np.ndarray, grad_a: np.ndarray, out: Out = None) -> Array:
        s = sigmoid(z)
        return grad_a * (s * (1.0 + z * (1.0 - s)))  # (zσ)' = σ + zσ(1 − σ)


class Sine(Activation):
    name, formula = "sine", "a = sin(z)"

    def forward(self, z: np.ndarray, out: Out = None) -> np.ndarray:
        return np.sin(z)

    def backward(self, z: np.ndarray, a: np.ndarray, grad_a: np.ndarray, out: Out = None) -> Array:
        return grad_a * np.cos(z)


class Softmax(Activation):
    """Softmax over the units of a sample; only used as an output paired with cross-entropy.

    Its backward is fused into the loss (``softmax − one_hot``), so it has no
    element-wise derivative here.
    """

    name, formula = "softmax", "a_i = e^(z_i) / Σ_j e^(z_j)"

    def forward(self, z: np.ndarray, out: Out = None) -> np.ndarray:
        e = np.exp(z - z.max(axis=-1, keepdims=True))
        e /= e.sum(axis=-1, keepdims=True)
        return e

    def backward(self, z: np.ndarray, a: np.ndarray, grad_a: np.ndarray, out: Out = None) -> Array:
        # Full Jacobian-vector product: a ⊙ (g − Σ a·g).
        return a * (grad_a - np.sum(a * grad_a, axis=-1, keepdims=True))


ACTIVATIONS: dict[str, Activation] = {
    act.name: act
    for act in (Linear(), Sigmoid(), Tanh(), ReLU(), LeakyReLU(), ELU(), GELU(), SiLU(), Sine())
}
"""The hidden-layer activations by name (softmax is an output-only activation)."""

OUTPUT_ACTIVATIONS: dict[str, Activation] = {**ACTIVATIONS, "softmax": Softmax()}


def get_activation(name: str) -> Activation:
    """The activation called ``name``; ``ValueError`` listing the allowed names otherwise."""
    return look_up(OUTPUT_ACTIVATIONS, "activation", name)
