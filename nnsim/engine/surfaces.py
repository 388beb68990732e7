"""Two-parameter test surfaces for watching optimizers: value, exact gradient and Hessian.

Each surface is a function f(x, y) of a point θ = (x, y) with its gradient and Hessian
written out by hand (checked against finite differences by the tests), the box a plot shows
it in, a start point, and its known critical points: the minima (global and local), and the
saddle of ``x² − y²``. The functions take NumPy arrays of any shape (a whole grid at once).

=============  ===========================================================================
``bowl``       ½·(λ₁u² + λ₂v²), λ₁ = 1, λ₂ = C (the condition number), (u, v) = θ rotated
               by −angle; minimum at 0
``rosenbrock`` (1 − x)² + 100(y − x²)²: a curved, narrow valley; minimum at (1, 1)
``beale``      (1.5 − x + xy)² + (2.25 − x + xy²)² + (2.625 − x + xy³)²; minimum (3, 0.5)
``himmelblau`` (x² + y − 11)² + (x + y² − 7)²: four minima, all at f = 0
``saddle``     x² − y²: a saddle at 0, no minimum (unbounded below)
``camel``      (4 − 2.1x² + x⁴/3)x² + xy + (−4 + 4y²)y²: six-hump camel, six minima
=============  ===========================================================================

Examples
--------
>>> s = make_surface("rosenbrock")
>>> float(s.value(1.0, 1.0)), s.gradient(np.array([1.0, 1.0])).tolist()
(0.0, [0.0, 0.0])
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, ClassVar

import numpy as np
from numpy.typing import ArrayLike, NDArray

from nnsim.engine.registry import look_up

__all__ = [
    "SURFACES",
    "Bowl",
    "CriticalPoint",
    "Surface",
    "make_surface",
    "surface_class",
]

Array = NDArray[np.float64]
MIN_CONDITION, MAX_CONDITION = 1.0, 100.0


@dataclass(frozen=True)
class CriticalPoint:
    """A point where the gradient is 0: ``kind`` is ``"global minimum"``, ``"local
    minimum"`` or ``"saddle"``; ``value`` is f there."""

    x: float
    y: float
    value: float
    kind: str


class Surface:
    """Base class: f, ∇f and the Hessian of one surface, vectorised over x and y.

    Subclasses give ``name``, ``title``, ``formula``, ``box`` (x₀, x₁, y₀, y₁: what a plot
    shows), ``start`` (a start point that tells the surface's story), ``_guesses`` (points
    near each known critical point, refined here by Newton's method to machine precision)
    and ``_f``, ``_grad``, ``_hess``.
    """

    name: ClassVar[str] = ""
    title: ClassVar[str] = ""
    formula: ClassVar[str] = ""
    box: ClassVar[tuple[float, float, float, float]] = (-2.0, 2.0, -2.0, 2.0)
    start: ClassVar[tuple[float, float]] = (0.0, 0.0)
    _guesses: ClassVar[tuple[tuple[float, float], ...]] = ()

    def __init__(self) -> None:
        self.critical_points = self._refined_critical_points()

    def __repr__(self) -> str:
        return f"{type(self).__name__}()"

    @property
    def key(self) -> tuple[object, ...]:
        """What the surface is: two surfaces with the same key are the same function."""
        return (self.name,)

    # -- the maths, vectorised --

    def value(self, x: ArrayLike, y: ArrayLike) -> Array:
        """f(x, y), element-wise."""
        return np.asarray(self._f(np.asarray(x, float), np.asarray(y, float)), float)

    def gradient(self, theta: ArrayLike) -> Array:
        """∇f at θ = (x, y) (or at each of an (…, 2) array of points): shape of θ."""
        t = np.asarray(theta, float)
        gx, gy = self._grad(t[..., 0], t[..., 1])
        if t.ndim == 1:  # one point, the optimizers' case: no broadcasting needed
            return np.array((gx, gy), dtype=float)
        return np.stack(np.broadcast_arrays(gx, gy), axis=-1)

    def hessian(self, theta: ArrayLike) -> Array:
        """The 2×2 Hessian ∇²f at θ = (x, y) (or (…, 2, 2) at each point)."""
        t = np.asarray(theta, float)
        hxx, hxy, hyy = np.broadcast_arrays(*self._hess(t[..., 0], t[..., 1]))
        return np.stack([np.stack([hxx, hxy], -1), np.stack([hxy, hyy], -1)], -2)

    def loss(self, theta: ArrayLike) -> float:
        """f at one point θ = (x, y), as a float."""
        t = np.asarray(theta, float)
        return float(self._f(t[0], t[1]))

    def _f(self, x: Array, y: Array) -> Any:
        raise NotImplementedError

    def _grad(self, x: Array, y: Array) -> tuple[Any, Any]:
        raise NotImplementedError

    def _hess(self, x: Array, y: Array) -> tuple[Any, Any, Any]:
        raise NotImplementedError

    # -- known points --

    @property
    def minima(self) -> tuple[CriticalPoint, ...]:
        """The known minima, global ones first."""
        return tuple(p for p in self.critical_points if p.kind.endswith("minimum"))

    def _refined_critical_points(self) -> tuple[CriticalPoint, ...]:
        points = []
        for guess in self._guesses:
            theta = np.array(guess, float)
            for _ in range(50):  # Newton's method: quadratic convergence from close guesses
                step = np.linalg.solve(self.hessian(theta), self.gradient(theta))
                theta = theta - step
                if np.max(np.abs(step)) < 1e-15:
                    break
            points.append((theta, self.loss(theta), np.linalg.eigvalsh(self.hessian(theta))))
        lowest = min((f for _, f, eig in points if eig.min() > 0), default=math.inf)
        found = []
        for theta, f, eig in points:
            if eig.min() < 0:
                kind = "saddle"
            else:
                kind = "global minimum" if f <= lowest + 1e-9 else "local minimum"
            found.append(CriticalPoint(float(theta[0]), float(theta[1]), f, kind))
        return tuple(sorted(found, key=lambda p: (p.kind != "global minimum", p.value)))


class Bowl(Surface):
    """½·(λ₁u² + λ₂v²) with λ₁ = 1, λ₂ = ``condition`` (1–100) and (u, v) the point rotated
    by −``angle`` degrees: the Hessian is constant, with eigenvalues 1 and C."""

    name = "bowl"
    title = "Quadratic bowl"
    formula = "½·(λ₁u² + λ₂v²), λ₁ = 1, λ₂ = C, (u, v) = θ rotated by −angle"
    box = (-2.0, 2.0, -2.0, 2.0)
    start = (-1.6, 1.2)
    _guesses = ((0.0, 0.0),)

    def __init__(self, condition: float = 10.0, angle: float = 0.0) -> None:
        condition, angle = float(condition), float(angle)
        if not MIN_CONDITION <= condition <= MAX_CONDITION:
            raise ValueError(f"condition must be in [1, 100], got {condition:g}")
        if not math.isfinite(angle):
            raise ValueError(f"angle must be a finite number of degrees, got {angle}")
        self.condition, self.angle = condition, angle
        self.eigenvalues = (1.0, condition)
        c, s = math.cos(math.radians(angle)), math.sin(math.radians(angle))
        self.directions = np.array([[c, s], [-s, c]])  # rows: the (u, v) axes in (x, y)
        h = self.directions.T @ np.diag(self.eigenvalues) @ self.directions
        self._a, self._b, self._d = float(h[0, 0]), float(h[0, 1]), float(h[1, 1])
        super().__init__()

    def __repr__(self) -> str:
        return f"Bowl(condition={self.condition:g}, angle={self.angle:g})"

    @property
    def key(self) -> tuple[object, ...]:
        return (self.name, self.condition, self.angle)

    @property
    def lambda_max(self) -> float:
        """The largest eigenvalue of the Hessian (the steep direction's curvature)."""
        return max(self.eigenvalues)

    def _f(self, x: Array, y: Array) -> Any:
        a, b, d = self._a, self._b, self._d
        return 0.5 * (a * x * x + 2 * b * x * y + d * y * y)

    def _grad(self, x: Array, y: Array) -> tuple[Any, Any]:
        a, b, d = self._a, self._b, self._d
        return a * x + b * y, b * x + d * y

    def _hess(self, x: Array, y: Array) -> tuple[Any, Any, Any]:
        a, b, d = self._a, self._b, self._d
        one = np.ones_like(x)
        return a * one, b * one, d * one


class Rosenbrock(Surface):
    name = "rosenbrock"
    title = "Rosenbrock"
    formula = "(1 − x)² + 100(y − x²)²"
    box = (-2.0, 2.0, -1.0, 3.0)
    start = (-1.5, 2.0)
    _guesses = ((1.0, 1.0),)

    def _f(self, x: Array, y: Array) -> Any:
        return (1 - x) ** 2 + 100 * (y - x * x) ** 2

    def _grad(self, x: Array, y: Array) -> tuple[Any, Any]:
        r = y - x * x
        return -2 * (1 - x) - 400 * x * r, 200 * r

    def _hess(self, x: Array, y: Array) -> tuple[Any, Any, Any]:
        return 2 - 400 * y + 1200 * x * x, -400 * x, 200 + 0 * x


class Beale(Surface):
    name = "beale"
    title = "Beale"
    formula = "(1.5 − x + xy)² + (2.25 − x + xy²)² + (2.625 − x + xy³)²"
    box = (-4.5, 4.5, -4.5, 4.5)
    start = (1.0, 1.5)
    _guesses = ((3.0, 0.5),)
    _C = (1.5, 2.25, 2.625)

    def _f(self, x: Array, y: Array) -> Any:
        return sum((c - x + x * y**i) ** 2 for i, c in enumerate(self._C, 1))

    def _grad(self, x: Array, y: Array) -> tuple[Any, Any]:
        gx, gy = 0 * x, 0 * y
        for i, c in enumerate(self._C, 1):
            a = c - x + x * y**i  # f = Σ aᵢ², ∂aᵢ/∂x = yⁱ − 1, ∂aᵢ/∂y = i·x·yⁱ⁻¹
            gx = gx + 2 * a * (y**i - 1)
            gy = gy + 2 * a * i * x * y ** (i - 1)
        return gx, gy

    def _hess(self, x: Array, y: Array) -> tuple[Any, Any, Any]:
        hxx, hxy, hyy = 0 * x, 0 * x, 0 * x
        for i, c in enumerate(self._C, 1):
            a, ax, ay = c - x + x * y**i, y**i - 1, i * x * y ** (i - 1)
            axy = i * y ** (i - 1)
            ayy = i * (i - 1) * x * y ** (i - 2) if i >= 2 else 0 * x
            hxx = hxx + 2 * ax * ax  # ∂²aᵢ/∂x² = 0
            hxy = hxy + 2 * (ax * ay + a * axy)
            hyy = hyy + 2 * (ay * ay + a * ayy)
        return hxx, hxy, hyy


class Himmelblau(Surface):
    name = "himmelblau"
    title = "Himmelblau"
    formula = "(x² + y − 11)² + (x + y² − 7)²"
    box = (-5.0, 5.0, -5.0, 5.0)
    start = (-0.3, -0.9)
    _guesses = ((3.0, 2.0), (-2.805, 3.131), (-3.779, -3.283), (3.584, -1.848))

    def _f(self, x: Array, y: Array) -> Any:
        return (x * x + y - 11) ** 2 + (x + y * y - 7) ** 2

    def _grad(self, x: Array, y: Array) -> tuple[Any, Any]:
        a, b = x * x + y - 11, x + y * y - 7
        return 4 * x * a + 2 * b, 2 * a + 4 * y * b

    def _hess(self, x: Array, y: Array) -> tuple[Any, Any, Any]:
        a, b = x * x + y - 11, x + y * y - 7
        return 4 * a + 8 * x * x + 2, 4 * x + 4 * y, 2 + 4 * b + 8 * y * y


class Saddle(Surface):
    name = "saddle"
    title = "Saddle"
    formula = "x² − y²"
    box = (-2.0, 2.0, -2.0, 2.0)
    start = (1.5, 1e-3)
    _guesses = ((0.0, 0.0),)

    def _f(self, x: Array, y: Array) -> Any:
        return x * x - y * y

    def _grad(self, x: Array, y: Array) -> tuple[Any, Any]:
        return 2 * x, -2 * y

    def _hess(self, x: Array, y: Array) -> tuple[Any, Any, Any]:
        one = np.ones_like(x)
        return 2 * one, 0 * one, -2 * one


class Camel(Surface):
    name = "camel"
    title = "Six-hump camel"
    formula = "(4 − 2.1x² + x⁴/3)x² + xy + (−4 + 4y²)y²"
    box = (-2.2, 2.2, -1.3, 1.3)
    start = (-1.9, 1.1)
    _guesses = (
        (0.0898, -0.7126), (-0.0898, 0.7126), (1.7036, -0.7961), (-1.7036, 0.7961),
        (1.6071, 0.5687), (-1.6071, -0.5687),
    )  # fmt: skip

    def _f(self, x: Array, y: Array) -> Any:
        x2, y2 = x * x, y * y
        return (4 - 2.1 * x2 + x2 * x2 / 3) * x2 + x * y + (-4 + 4 * y2) * y2

    def _grad(self, x: Array, y: Array) -> tuple[Any, Any]:
        return 8 * x - 8.4 * x**3 + 2 * x**5 + y, x - 8 * y + 16 * y**3

    def _hess(self, x: Array, y: Array) -> tuple[Any, Any, Any]:
        return 8 - 25.2 * x * x + 10 * x**4, 1 + 0 * x, -8 + 48 * y * y


SURFACES: dict[str, type[Surface]] = {
    cls.name: cls for cls in (Bowl, Rosenbrock, Beale, Himmelblau, Saddle, Camel)
}


def surface_class(name: str) -> type[Surface]:
    """The surface registered as ``name``, or a ``ValueError`` listing the names."""
    return look_up(SURFACES, "surface", name)


def make_surface(name: str, **params: Any) -> Surface:
    """The surface ``name``; only ``bowl`` takes parameters (``condition``, ``angle``)."""
    cls = surface_class(name)
    if params and cls is not Bowl:
        raise ValueError(f"surface {name!r} takes no parameters, got {', '.join(params)}")
    return cls(**params)
