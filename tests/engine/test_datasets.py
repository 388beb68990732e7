"""Tests for nnsim.engine.datasets."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from nnsim.engine.datasets import (
    DATASET_KINDS,
    DATASET_TITLES,
    DATASETS,
    MAX_SAMPLES,
    Dataset,
    add_point,
    make_dataset,
    remove_nearest,
    split,
    with_points,
)

CLASSIFICATION = [name for name in DATASETS if DATASET_KINDS[name] != "regression"]
BINARY = [name for name in DATASETS if DATASET_KINDS[name] == "binary"]


# ---------------------------------------------------------------------------- constants


def test_constants() -> None:
    assert DATASETS == (
        "circle", "xor", "gauss", "spiral", "moons", "checkerboard",
        "spiral3", "blobs4", "plane", "gaussians",
    )  # fmt: skip
    assert set(DATASET_KINDS) == set(DATASETS) == set(DATASET_TITLES)
    assert [DATASET_KINDS[n] for n in DATASETS] == ["binary"] * 6 + ["multiclass"] * 2 + [
        "regression"
    ] * 2
    assert DATASET_TITLES["xor"] == "Exclusive or"
    assert DATASET_TITLES["gaussians"] == "Gaussians (regression)"
    with pytest.raises(TypeError):
        DATASET_KINDS["circle"] = "regression"  # type: ignore[index]


# ---------------------------------------------------------------------------- generation


@pytest.mark.parametrize("name", DATASETS)
def test_deterministic(name: str) -> None:
    a, b = make_dataset(name, 300, 0.2, 7), make_dataset(name, 300, 0.2, 7)
    np.testing.assert_array_equal(a.x, b.x)
    np.testing.assert_array_equal(a.y, b.y)
    c = make_dataset(name, 300, 0.2, 8)
    assert not np.array_equal(a.x, c.x)


def test_checksum_circle_seed0() -> None:
    """Guards against cross-version drift of the generator (sin/cos: ulp tolerance)."""
    d = make_dataset("circle", 500, 0.0, 0)
    expected = [
        [-4.3722752454760805, -1.233544723111627],
        [1.1435085344237599, 0.3741138081844051],
        [0.6357964336673091, -2.4046603097699966],
        [-3.2202141650297924, -1.8783751258186],
    ]
    assert d.x[:4].ravel().tolist() == pytest.approx(np.ravel(expected), rel=1e-12)
    assert d.y[:4].tolist() == [0, 1, 1, 0]
    noisy = make_dataset("circle", 500, 0.25, 0)
    assert noisy.y[:8].tolist() == [0, 1, 1, 0, 1, 0, 0, 1]
    assert float(noisy.x.sum()) == pytest.approx(-120.50259640938141, rel=1e-9)


def test_checksum_spiral_seed0() -> None:
    d = make_dataset("spiral", 500, 0.0, 0)
    expected = [
        [0.7718693725100677, -0.11232841039075674],
        [4.231405668169134, 2.223422153210253],
        [-0.23008552462220566, 2.810597917055964],
        [0.8079531018895334, -2.5972315617108697],
    ]
    assert d.x[:4].ravel().tolist() == pytest.approx(np.ravel(expected), rel=1e-12)
    assert d.y[:4].tolist() == [1, 0, 1, 0]
    noisy = make_dataset("spiral", 500, 0.25, 0)
    assert noisy.x[0].tolist() == pytest.approx([0.7148018431404277, -0.05674118417366962])
    assert float(noisy.x.sum()) == pytest.approx(8.453169133626826, rel=1e-9)


@pytest.mark.parametrize("noise", [0.0, 0.5])
@pytest.mark.parametrize("name", DATASETS)
def test_range_types_and_labels(name: str, noise: float) -> None:
    d = make_dataset(name, 1001, noise, 3)
    assert d.name == name and d.kind == DATASET_KINDS[name] and len(d) == 1001
    assert d.x.shape == (1001, 2) and d.x.dtype == np.float64
    assert np.all(np.abs(d.x) <= 6.0)
    if d.kind == "regression":
        assert d.num_classes == 1 and d.y.dtype == np.float64
        assert np.all(np.abs(d.y) <= 1.0) and np.unique(d.y).size > 100
    else:
        assert d.y.dtype == np.int64
        assert d.num_classes == {"spiral3": 3, "blobs4": 4}.get(name, 2)
        assert set(d.y.tolist()) == set(range(d.num_classes))


@pytest.mark.parametrize("name", BINARY)
def test_binary_class_balance(name: str) -> None:
    for noise in (0.0, 0.2):
        share = make_dataset(name, 2000, noise, 1).y.mean()
        assert 0.4 <= share <= 0.6, (name, noise, share)


@pytest.mark.parametrize("name", ["gauss", "spiral", "moons", "spiral3", "blobs4"])
def test_balanced_by_construction(name: str) -> None:
    counts = np.bincount(make_dataset(name, 1001, 0.5, 2).y)
    assert counts.max() - counts.min() <= 1 and counts.sum() == 1001


def test_circle_noise0_separable_by_radius() -> None:
    d = make_dataset("circle", 2000, 0.0, 5)
    r = np.hypot(d.x[:, 0], d.x[:, 1])
    assert r[d.y == 1].max() < 2.5 and r[d.y == 0].min() >= 3.5 and r.max() <= 5.0


def test_circle_noise_flips_labels_not_points() -> None:
    """TFP: the point stays where drawn; its label is taken at a displaced position."""
    a, b = make_dataset("circle", 1000, 0.0, 4), make_dataset("circle", 1000, 0.5, 4)
    np.testing.assert_array_equal(a.x, b.x)
    assert 0 < np.count_nonzero(a.y != b.y) < 500


def test_xor_geometry() -> None:
    d = make_dataset("xor", 1000, 0.0, 0)
    np.testing.assert_array_equal(d.y, (d.x[:, 0] * d.x[:, 1] >= 0).astype(int))
    assert np.all(np.abs(d.x) >= 0.3) and np.all(np.abs(d.x) <= 5.3)


def test_gauss_and_blobs_centres() -> None:
    d = make_dataset("gauss", 4000, 0.0, 0)
    assert d.x[d.y == 1].mean(axis=0) == pytest.approx([2, 2], abs=0.1)
    assert d.x[d.y == 0].mean(axis=0) == pytest.approx([-2, -2], abs=0.1)
    assert d.x[d.y == 1].std(axis=0) == pytest.approx([0.5**0.5] * 2, rel=0.1)
    b = make_dataset("blobs4", 4000, 0.0, 0)
    centres = [[3, 3], [-3, 3], [-3, -3], [3, -3]]
    for label, centre in enumerate(centres):
        assert b.x[b.y == label].mean(axis=0) == pytest.approx(centre, abs=0.1)


@pytest.mark.parametrize("name", ["spiral", "spiral3"])
def test_spiral_noise_displaces_points_slightly(name: str) -> None:
    a, b = make_dataset(name, 600, 0.0, 1), make_dataset(name, 600, 0.3, 1)
    assert np.all(np.hypot(*a.x.T) <= 5.0)
    np.testing.assert_array_equal(a.y, b.y)
    assert 0 < np.abs(a.x - b.x).max() <= 0.3


def test_checkerboard_and_plane_noise0_formulas() -> None:
    c = make_dataset("checkerboard", 1000, 0.0, 0)
    cells = np.floor((c.x + 6) / 3).astype(int)
    np.testing.assert_array_equal(c.y, cells.sum(axis=1) % 2)
    p = make_dataset("plane", 1000, 0.0, 0)
    np.testing.assert_allclose(p.y, np.clip((p.x[:, 0] + p.x[:, 1]) / 10, -1, 1))


def test_gaussians_bumps() -> None:
    d = make_dataset("gaussians", 5000, 0.0, 0)
    near = np.hypot(d.x[:, 0] - 4, d.x[:, 1] + 2.5) < 0.5  # a negative bump
    assert near.any() and np.all(d.y[near] < -0.7)
    far = np.hypot(d.x[:, 0] - 2, d.x[:, 1]) < 0.3  # between the bumps
    assert far.any() and np.all(d.y[far] == 0)


def test_moons_shape() -> None:
    d = make_dataset("moons", 1000, 0.0, 0)
    assert np.all(np.abs(d.x[:, 1]) <= 3.0)
    assert d.x[d.y == 0, 1].mean() > d.x[d.y == 1, 1].mean()


def test_small_sample_counts() -> None:
    assert len(make_dataset("circle", 1)) == 1
    assert len(make_dataset("spiral3", 2)) == 2
    assert len(make_dataset("plane", MAX_SAMPLES)) == MAX_SAMPLES


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"name": "circles"}, "circle, xor, gauss, spiral, moons, checkerboard"),
        ({"name": None}, "unknown data set None"),
        ({"samples": 0}, "samples"),
        ({"samples": MAX_SAMPLES + 1}, "samples"),
        ({"samples": 10.0}, "samples"),
        ({"samples": True}, "samples"),
        ({"noise": -0.01}, "noise"),
        ({"noise": 0.51}, "noise"),
        ({"noise": float("nan")}, "noise"),
        ({"noise": "0.1"}, "noise"),
        ({"seed": -1}, "seed"),
        ({"seed": 1.5}, "seed"),
    ],
)
def test_make_dataset_bad_arguments(kwargs: dict[str, object], message: str) -> None:
    args: dict[str, object] = {"name": "circle"} | kwargs
    with pytest.raises(ValueError, match=message):
        make_dataset(**args)  # type: ignore[arg-type]


def test_dataset_is_immutable_and_validated() -> None:
    d = make_dataset("xor", 50)
    with pytest.raises(dataclasses.FrozenInstanceError):
        d.name = "other"  # type: ignore[misc]
    with pytest.raises(ValueError, match="read-only"):
        d.x[0, 0] = 1.0
    x = np.zeros((2, 2))
    with pytest.raises(ValueError, match="within"):
        Dataset(np.array([[7.0, 0.0]]), np.array([0]), "binary", 2, "bad")
    with pytest.raises(ValueError, match="labels"):
        Dataset(x, np.array([0, 2]), "binary", 2, "bad")
    with pytest.raises(ValueError, match="integers"):
        Dataset(x, np.array([0.0, 1.0]), "binary", 2, "bad")
    with pytest.raises(ValueError, match="num_classes"):
        Dataset(x, np.array([0, 1]), "multiclass", 2, "bad")
    with pytest.raises(ValueError, match="regression targets"):
        Dataset(x, np.array([0.5, 1.5]), "regression", 1, "bad")
    with pytest.raises(ValueError, match="shape"):
        Dataset(np.zeros((0, 2)), np.zeros(0, dtype=int), "binary", 2, "empty")
    assert "n=50" in repr(d)


# ---------------------------------------------------------------------------- split


def test_split_sizes_and_determinism() -> None:
    d = make_dataset("spiral", 500, 0.1, 0)
    train, test = split(d, 0.8, seed=3)
    assert (len(train), len(test)) == (400, 100)
    assert train.kind == test.kind == d.kind and train.name == d.name
    again = split(d, 0.8, seed=3)
    np.testing.assert_array_equal(train.x, again[0].x)
    np.testing.assert_array_equal(test.y, again[1].y)
    assert not np.array_equal(train.x, split(d, 0.8, seed=4)[0].x)
    both = np.concatenate([train.x, test.x])
    assert sorted(map(tuple, both.tolist())) == sorted(map(tuple, d.x.tolist()))


def test_split_edges() -> None:
    d = make_dataset("circle", 3)
    assert [len(part) for part in split(d, 0.1, 0)] == [1, 2]
    assert [len(part) for part in split(d, 0.9, 0)] == [2, 1]
    assert [len(part) for part in split(make_dataset("xor", 10), 0.5, 0)] == [5, 5]
    for bad in (0.05, 0.95, float("nan")):
        with pytest.raises(ValueError, match="train_fraction"):
            split(d, bad, 0)
    with pytest.raises(ValueError, match="at least 2"):
        split(make_dataset("circle", 1), 0.5, 0)


# ---------------------------------------------------------------------------- point editing


def test_add_point() -> None:
    d = make_dataset("spiral3", 30)
    e = add_point(d, 1.5, -6.0, 2)
    assert len(e) == 31 and len(d) == 30
    assert e.x[-1].tolist() == [1.5, -6.0] and e.y[-1] == 2 and e.num_classes == 3
    r = add_point(make_dataset("plane", 5), 0.0, 0.0, -0.25)
    assert r.y[-1] == -0.25 and r.y.dtype == np.float64
    for args in [(6.5, 0.0, 1), (0.0, float("nan"), 1), (0.0, 0.0, 3), (0.0, 0.0, 1.0)]:
        with pytest.raises(ValueError):
            add_point(d, *args)
    with pytest.raises(ValueError, match="regression target"):
        add_point(r, 0.0, 0.0, 1.5)


def test_remove_nearest() -> None:
    d = with_points(make_dataset("xor", 3), np.array([[0, 0], [1, 1], [5, 5.0]]), [0, 1, 0])
    e = remove_nearest(d, 0.9, 1.2)
    assert e.x.tolist() == [[0, 0], [5, 5]] and e.y.tolist() == [0, 0]
    assert len(d) == 3
    assert remove_nearest(d, -4, -4, max_distance=1.0) is d
    assert len(remove_nearest(d, 4, 4, max_distance=2.0)) == 2
    with pytest.raises(ValueError, match="finite"):
        remove_nearest(d, float("nan"), 0.0)
    with pytest.raises(ValueError, match="last point"):
        remove_nearest(with_points(d, [[1.0, 1.0]], [1]), 0, 0)
