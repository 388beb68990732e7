"""Tests for nnsim.engine.features."""

from __future__ import annotations

import math

import numpy as np
import pytest

from nnsim.engine.features import FEATURE_LABELS, FEATURES, feature_matrix, validate_features


def test_feature_names_and_labels() -> None:
    assert FEATURES == (
        "x1", "x2", "x1_sq", "x2_sq", "x1_x2", "sin_x1", "sin_x2", "cos_x1", "cos_x2",
    )  # fmt: skip
    assert tuple(FEATURE_LABELS) == FEATURES
    assert [FEATURE_LABELS[name] for name in FEATURES] == [
        "X₁", "X₂", "X₁²", "X₂²", "X₁X₂", "sin(X₁)", "sin(X₂)", "cos(X₁)", "cos(X₂)",
    ]  # fmt: skip


def test_exact_values() -> None:
    x = np.array([[0.0, 0.0], [1.5, -2.0], [-6.0, 6.0], [0.25, 3.0]])
    m = feature_matrix(x, FEATURES)
    assert m.shape == (4, 9)
    np.testing.assert_array_equal(m[0], [0, 0, 0, 0, 0, 0, 0, 1, 1])
    np.testing.assert_array_equal(m[1, :5], [1.5, -2.0, 2.25, 4.0, -3.0])
    np.testing.assert_array_equal(m[2, :5], [-6.0, 6.0, 36.0, 36.0, -36.0])
    np.testing.assert_array_equal(m[3, :5], [0.25, 3.0, 0.0625, 9.0, 0.75])
    for row, (a, b) in zip(m, x, strict=True):
        trig = [math.sin(a), math.sin(b), math.cos(a), math.cos(b)]
        assert row[5:] == pytest.approx(trig, rel=1e-15, abs=1e-15)


def test_column_order_follows_names() -> None:
    x = np.array([[2.0, 3.0], [-1.0, 0.5]])
    m = feature_matrix(x, ["x1_x2", "x2", "x1_sq"])
    np.testing.assert_array_equal(m, [[6.0, 3.0, 4.0], [-0.5, 0.5, 1.0]])
    full = feature_matrix(x, FEATURES)
    np.testing.assert_array_equal(feature_matrix(x, ("cos_x2", "x1")), full[:, [8, 0]])


def test_output_layout_and_input_untouched() -> None:
    rng = np.random.default_rng(0)
    x = rng.uniform(-6, 6, (1000, 2))
    before = x.copy()
    m = feature_matrix(x, FEATURES)
    assert m.dtype == np.float64
    assert m.flags.c_contiguous
    assert m.shape == (1000, 9)
    np.testing.assert_array_equal(x, before)
    assert not np.shares_memory(m, x)


def test_non_contiguous_and_integer_input() -> None:
    x = np.arange(12, dtype=np.int64).reshape(6, 2)
    wide = np.zeros((6, 4))
    wide[:, ::2] = x
    expected = feature_matrix(x.astype(np.float64), FEATURES)
    np.testing.assert_array_equal(feature_matrix(x, FEATURES), expected)
    np.testing.assert_array_equal(feature_matrix(wide[:, ::2], FEATURES), expected)
    np.testing.assert_array_equal(feature_matrix(x.tolist(), FEATURES), expected)


def test_empty_point_set() -> None:
    m = feature_matrix(np.empty((0, 2)), ["x1", "sin_x2"])
    assert m.shape == (0, 2)
    assert m.dtype == np.float64


def test_grid_matches_per_point_formula() -> None:
    g = np.linspace(-6, 6, 100)
    xx, yy = np.meshgrid(g, g)
    grid = np.column_stack([xx.ravel(), yy.ravel()])
    m = feature_matrix(grid, FEATURES)
    np.testing.assert_array_equal(m[:, 4], grid[:, 0] * grid[:, 1])
    np.testing.assert_array_equal(m[:, 8], np.cos(grid[:, 1]))


@pytest.mark.parametrize(
    ("names", "message"),
    [
        ([], "at least one"),
        ((), "at least one"),
        (["x1", "x3"], "unknown feature"),
        (["X1"], "unknown feature"),
        (["x1", "sin_x1", "x1"], "more than once"),
        ("x1", "not the string"),
    ],
)
def test_bad_names(names: object, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        feature_matrix(np.zeros((3, 2)), names)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match=message):
        validate_features(names)  # type: ignore[arg-type]


def test_unknown_name_lists_allowed() -> None:
    with pytest.raises(ValueError, match="x1, x2, x1_sq"):
        feature_matrix(np.zeros((3, 2)), ["bogus"])


@pytest.mark.parametrize("shape", [(3,), (3, 3), (3, 1), (2, 2, 2)])
def test_bad_shape(shape: tuple[int, ...]) -> None:
    with pytest.raises(ValueError, match="shape"):
        feature_matrix(np.zeros(shape), ["x1"])


def test_validate_features_returns_tuple() -> None:
    assert validate_features(["x2", "x1"]) == ("x2", "x1")
