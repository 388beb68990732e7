"""The colour lookup every heatmap shares: fast, and the same colours as a row-by-row one."""

from __future__ import annotations

import numpy as np

from nnsim.ui.colormap import LUT, lut_indices, output_to_rgba, signed_to_rgba


def test_colours_gathered_by_word_equal_those_gathered_by_row():
    rng = np.random.default_rng(1)
    values = rng.normal(0, 1.5, (6, 7, 5))
    values.flat[[0, 5, 9]] = [np.nan, np.inf, -np.inf]
    by_row = LUT[::-1].copy()[::-1]  # the same table, not contiguous: gathered by rows
    assert not by_row.flags.c_contiguous
    np.testing.assert_array_equal(signed_to_rgba(values), signed_to_rgba(values, by_row))
    rgba = signed_to_rgba(values)
    assert rgba.shape == (6, 7, 5, 4) and rgba.flags.writeable
    assert (rgba.reshape(-1, 4)[[0, 5, 9]] == [0xE8, 0xEA, 0xEB, 255]).all()  # neutral grey
    assert lut_indices(np.array([np.nan, -np.inf, np.inf, 1e300, 0.0])).tolist() == [
        128,
        0,
        255,
        255,
        128,
    ]


def test_a_single_value_gets_its_colour_too():
    assert lut_indices(np.float64(0.3)).shape == ()
    np.testing.assert_array_equal(signed_to_rgba(0.3), LUT[lut_indices(0.3)])
    assert signed_to_rgba(float("nan")).tolist() == [0xE8, 0xEA, 0xEB, 255]
    image = output_to_rgba(np.array([[0.0, 1.0], [np.nan, 0.5]]), "binary")
    assert image.shape == (2, 2, 4)
    assert image[0, 1].tolist() == LUT[-1].tolist() and image[1, 0].tolist()[:3] == [
        0xE8,
        0xEA,
        0xEB,
    ]
