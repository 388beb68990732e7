"""Weight initialisers: how W starts decides whether signals and gradients survive depth.

Each takes ``(fan_in, fan_out, rng)`` and returns ``W`` of shape
``(fan_out, fan_in)`` (the ``torch.nn.Linear`` convention). Biases start at 0.
Formulas follow ``torch.nn.init`` with its default gains.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np

from nnsim.engine.registry import look_up

Initializer = Callable[[int, int, np.random.Generator], np.ndarray]


def zeros(fan_in: int, fan_out: int, rng: np.random.Generator) -> np.ndarray:
    """W = 0. Every neuron of a layer then stays identical: the symmetry problem."""
    return np.zeros((fan_out, fan_in))


def article(fan_in: int, fan_out: int, rng: np.random.Generator) -> np.ndarray:
    """W = randn · 0.01, as in the article's ``initialize_parameters``."""
    return rng.standard_normal((fan_out, fan_in)) * 0.01


def uniform(fan_in: int, fan_out: int, rng: np.random.Generator) -> np.ndarray:
    """W ~ U(−0.5, 0.5), TensorFlow Playground's initialisation."""
    return rng.uniform(-0.5, 0.5, (fan_out, fan_in))


def xavier_normal(fan_in: int, fan_out: int, rng: np.random.Generator) -> np.ndarray:
    """Glorot: W ~ N(0, σ²), σ = √(2 / (fan_in + fan_out))."""
    return rng.standard_normal((fan_out, fan_in)) * math.sqrt(2.0 / (fan_in + fan_out))


def xavier_uniform(fan_in: int, fan_out: int, rng: np.random.Generator) -> np.ndarray:
    """Glorot: W ~ U(−a, a), a = √(6 / (fan_in + fan_out))."""
    bound = math.sqrt(6.0 / (fan_in + fan_out))
    return rng.uniform(-bound, bound, (fan_out, fan_in))


def he_normal(fan_in: int, fan_out: int, rng: np.random.Generator) -> np.ndarray:
    """He/Kaiming (ReLU gain √2, fan-in mode): W ~ N(0, σ²), σ = √(2 / fan_in)."""
    return rng.standard_normal((fan_out, fan_in)) * math.sqrt(2.0 / fan_in)


def he_uniform(fan_in: int, fan_out: int, rng: np.random.Generator) -> np.ndarray:
    """He/Kaiming (ReLU gain √2, fan-in mode): W ~ U(−a, a), a = √(6 / fan_in)."""
    bound = math.sqrt(6.0 / fan_in)
    return rng.uniform(-bound, bound, (fan_out, fan_in))


def lecun_normal(fan_in: int, fan_out: int, rng: np.random.Generator) -> np.ndarray:
    """LeCun: W ~ N(0, σ²), σ = √(1 / fan_in)."""
    return rng.standard_normal((fan_out, fan_in)) * math.sqrt(1.0 / fan_in)


INITIALIZERS: dict[str, Initializer] = {
    f.__name__: f
    for f in (
        zeros,
        article,
        uniform,
        xavier_normal,
        xavier_uniform,
        he_normal,
        he_uniform,
        lecun_normal,
    )
}


def get_initializer(name: str) -> Initializer:
    """The initialiser called ``name``; ``ValueError`` listing the allowed names otherwise."""
    return look_up(INITIALIZERS, "initializer", name)
