"""The 2-D test surfaces: exact gradients and Hessians, the formulas of the issue, the minima."""

from __future__ import annotations

import math

import numpy as np
import pytest

from nnsim.engine.surfaces import SURFACES, Bowl, make_surface

ALL = [
    make_surface("bowl", condition=1),
    make_surface("bowl", condition=37.5, angle=30),
    make_surface("bowl", condition=100, angle=-120),
    *(make_surface(name) for name in SURFACES if name != "bowl"),
]


def _points(surface, n=25):
    x0, x1, y0, y1 = surface.box
    rng = np.random.default_rng(0)
    return np.column_stack([rng.uniform(x0, x1, n), rng.uniform(y0, y1, n)])


@pytest.mark.parametrize("surface", ALL, ids=repr)
def test_the_gradient_equals_central_finite_differences(surface):
    h = 1e-6
    for theta in _points(surface):
        numeric = [
            (surface.loss(theta + h * e) - surface.loss(theta - h * e)) / (2 * h) for e in np.eye(2)
        ]
        exact = surface.gradient(theta)
        scale = 1 + np.abs(exact).max()
        np.testing.assert_allclose(exact, numeric, atol=1e-5 * scale, rtol=1e-6)


@pytest.mark.parametrize("surface", ALL, ids=repr)
def test_the_hessian_equals_finite_differences_of_the_gradient(surface):
    h = 1e-6
    for theta in _points(surface):
        numeric = np.column_stack(
            [
                (surface.gradient(theta + h * e) - surface.gradient(theta - h * e)) / (2 * h)
                for e in np.eye(2)
            ]
        )
        exact = surface.hessian(theta)
        np.testing.assert_allclose(exact, exact.T)
        np.testing.assert_allclose(exact, numeric, atol=1e-4 * (1 + np.abs(exact).max()))


@pytest.mark.parametrize("surface", ALL, ids=repr)
def test_values_gradients_and_hessians_are_vectorised_over_a_grid(surface):
    points = _points(surface, 12).reshape(3, 4, 2)
    values = surface.value(points[..., 0], points[..., 1])
    assert values.shape == (3, 4)
    assert surface.gradient(points).shape == (3, 4, 2)
    assert surface.hessian(points).shape == (3, 4, 2, 2)
    for i, j in np.ndindex(3, 4):
        assert values[i, j] == pytest.approx(surface.loss(points[i, j]))
        np.testing.assert_allclose(surface.gradient(points)[i, j], surface.gradient(points[i, j]))


def test_the_formulas_are_the_issues_definitions():
    x, y = 0.7, -1.3
    expected = {
        "rosenbrock": (1 - x) ** 2 + 100 * (y - x**2) ** 2,
        "beale": (1.5 - x + x * y) ** 2 + (2.25 - x + x * y**2) ** 2
        + (2.625 - x + x * y**3) ** 2,
        "himmelblau": (x**2 + y - 11) ** 2 + (x + y**2 - 7) ** 2,
        "saddle": x**2 - y**2,
        "camel": (4 - 2.1 * x**2 + x**4 / 3) * x**2 + x * y + (-4 + 4 * y**2) * y**2,
    }  # fmt: skip
    for name, value in expected.items():
        assert make_surface(name).loss([x, y]) == pytest.approx(value, rel=1e-12)
    # bowl: ½(λ₁u² + λ₂v²), λ₁ = 1, λ₂ = C, (u, v) the point rotated by −angle
    c, a = 25.0, math.radians(40)
    u = math.cos(-a) * x - math.sin(-a) * y
    v = math.sin(-a) * x + math.cos(-a) * y
    bowl = make_surface("bowl", condition=c, angle=40)
    assert bowl.loss([x, y]) == pytest.approx(0.5 * (u * u + c * v * v), rel=1e-12)


def test_the_bowls_hessian_has_eigenvalues_1_and_c_along_the_rotated_axes():
    bowl = Bowl(condition=50, angle=30)
    hessian = bowl.hessian([0.3, 0.4])
    np.testing.assert_allclose(np.linalg.eigvalsh(hessian), [1.0, 50.0])
    steep = np.array([-math.sin(math.radians(30)), math.cos(math.radians(30))])
    np.testing.assert_allclose(hessian @ steep, 50 * steep, atol=1e-12)
    assert bowl.lambda_max == 50


@pytest.mark.parametrize("bad", [0.5, 100.5, math.nan])
def test_a_condition_number_outside_1_to_100_is_refused(bad):
    with pytest.raises(ValueError, match="condition"):
        Bowl(condition=bad)


def test_a_surface_is_looked_up_by_name_and_takes_only_its_own_parameters():
    with pytest.raises(ValueError, match="unknown surface 'nope'"):
        make_surface("nope")
    with pytest.raises(ValueError, match="takes no parameters"):
        make_surface("beale", condition=3)


def test_the_known_minima():
    def minima(name):
        return [(p.x, p.y, p.value, p.kind) for p in make_surface(name).minima]

    assert minima("rosenbrock") == [(1.0, 1.0, 0.0, "global minimum")]
    assert minima("beale") == [(3.0, 0.5, 0.0, "global minimum")]
    assert minima("bowl") == [(0.0, 0.0, 0.0, "global minimum")]
    himmelblau = make_surface("himmelblau").minima
    assert len(himmelblau) == 4 and all(p.kind == "global minimum" for p in himmelblau)
    assert all(abs(p.value) < 1e-20 for p in himmelblau)
    camel = make_surface("camel").minima
    assert len(camel) == 6
    assert [p.kind for p in camel].count("global minimum") == 2
    assert camel[0].value == pytest.approx(-1.031628453, abs=1e-9)
    saddle = make_surface("saddle")
    assert saddle.minima == ()
    assert [(p.x, p.y, p.kind) for p in saddle.critical_points] == [(0.0, 0.0, "saddle")]


@pytest.mark.parametrize("name", list(SURFACES))
def test_every_minimum_inside_the_box_is_known(name):
    """Newton's method from a grid of starts finds no minimum the surface does not list."""
    surface = make_surface(name)
    x0, x1, y0, y1 = surface.box
    known = np.array([[p.x, p.y] for p in surface.minima]).reshape(-1, 2)
    grid = np.meshgrid(np.linspace(x0, x1, 21), np.linspace(y0, y1, 21))
    theta = np.stack(grid, -1).reshape(-1, 2)
    with np.errstate(all="ignore"):
        for _ in range(60):  # Newton's method from every start at once
            hessian = surface.hessian(theta)
            singular = np.abs(np.linalg.det(hessian)) < 1e-12
            hessian[singular] = np.eye(2)
            step = np.linalg.solve(hessian, surface.gradient(theta)[..., None])[..., 0]
            step[singular] = 0
            theta = np.where(np.abs(theta) < 1e3, theta - step, np.nan)
        converged = np.all(np.isfinite(theta), axis=1)
        theta = theta[converged]
        xs, ys = theta[:, 0], theta[:, 1]
        inside = (x0 <= xs) & (xs <= x1) & (y0 <= ys) & (ys <= y1)
        stationary = np.abs(surface.gradient(theta)).max(axis=1) < 1e-9
        convex = np.linalg.eigvalsh(surface.hessian(theta)).min(axis=1) > 0
    found = theta[inside & stationary & convex]
    for point in found:
        assert np.min(np.abs(known - point).max(axis=1)) < 1e-7, (name, point)
    assert len(found) > 0 or name == "saddle"
    for p in surface.critical_points:
        assert np.abs(surface.gradient([p.x, p.y])).max() < 1e-12
