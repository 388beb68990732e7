"""Contour lines of a surface on a grid, at log-spaced levels, as line segments for pyqtgraph.

:func:`contour_segments` is marching squares, vectorised over every cell of the grid at
once (pyqtgraph's own ``isocurve`` walks the cells in Python: far too slow for a dozen
levels within a frame). Each crossed cell gives one segment (two at a saddle cell), as a
pair of points; a ``PlotCurveItem(connect="pairs")`` draws them all in one call.
"""

from __future__ import annotations

import numpy as np

from nnsim.engine.surfaces import Surface

__all__ = ["GRID", "contour_segments", "log_levels", "surface_grid"]

GRID = 161  # points along each side of the plotted box


def surface_grid(surface: Surface, n: int = GRID) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``xs`` (n), ``ys`` (n) and ``f`` (n × n, rows along y) over the surface's box."""
    x0, x1, y0, y1 = surface.box
    xs, ys = np.linspace(x0, x1, n), np.linspace(y0, y1, n)
    with np.errstate(all="ignore"):
        values = surface.value(xs[None, :], ys[:, None])
    return xs, ys, values


def log_levels(values: np.ndarray, floor: float, count: int = 18) -> np.ndarray:
    """``count`` levels above ``floor`` (f's lowest value), log-spaced in f − floor from
    the grid's low end to its top: dense near the minima, sparse on the walls."""
    finite = values[np.isfinite(values)]
    span = float(finite.max() - floor) if finite.size else 1.0
    if not span > 0:
        return np.array([floor + 1.0])
    low = max(float(np.percentile(finite - floor, 0.5)), span * 1e-6)
    return floor + np.geomspace(low, span * 0.98, count)


# corner bits: 00 = (x_i, y_j) 1, 10 = (x_i+1, y_j) 2, 11 = (x_i+1, y_j+1) 4, 01 = (x_i, y_j+1) 8
# edges: 0 bottom (00–10), 1 right (10–11), 2 top (01–11), 3 left (00–01)
_CUT_OFF = {1: (0, 3), 2: (0, 1), 4: (1, 2), 8: (3, 2)}  # the edges around each corner


def contour_segments(
    xs: np.ndarray, ys: np.ndarray, values: np.ndarray, level: float
) -> np.ndarray:
    """The contour ``f = level`` as segment end points, shape (2·segments, 2)."""
    z = np.where(np.isfinite(values), values, np.inf)
    z00, z10, z11, z01 = z[:-1, :-1], z[:-1, 1:], z[1:, 1:], z[1:, :-1]
    above = [z00 > level, z10 > level, z11 > level, z01 > level]
    case = above[0] * 1 + above[1] * 2 + above[2] * 4 + above[3] * 8
    crossed = (case != 0) & (case != 15)
    j, i = np.nonzero(crossed)
    if not len(j):
        return np.empty((0, 2))
    case = case[j, i]
    x0, x1, y0, y1 = xs[i], xs[i + 1], ys[j], ys[j + 1]
    corner = [z00[j, i], z10[j, i], z11[j, i], z01[j, i]]

    def t(a: np.ndarray, b: np.ndarray) -> np.ndarray:
        with np.errstate(all="ignore"):
            frac = (level - a) / (b - a)
        return np.clip(np.nan_to_num(frac, nan=0.5, posinf=0.5, neginf=0.5), 0.0, 1.0)

    edges = np.stack(
        [
            np.column_stack([x0 + t(corner[0], corner[1]) * (x1 - x0), y0]),  # bottom
            np.column_stack([x1, y0 + t(corner[1], corner[2]) * (y1 - y0)]),  # right
            np.column_stack([x0 + t(corner[3], corner[2]) * (x1 - x0), y1]),  # top
            np.column_stack([x0, y0 + t(corner[0], corner[3]) * (y1 - y0)]),  # left
        ],
        axis=1,
    )  # (cells, 4 edges, 2)
    bits = [(case & b) != 0 for b in (1, 2, 4, 8)]
    cuts = np.stack([bits[0] != bits[1], bits[1] != bits[2], bits[3] != bits[2],
                     bits[0] != bits[3]], axis=1)  # fmt: skip
    pieces = []
    two = cuts.sum(axis=1) == 2
    if two.any():
        order = np.argsort(~cuts[two], axis=1, kind="stable")[:, :2]
        rows = np.nonzero(two)[0]
        pieces.append(edges[rows[:, None], order].reshape(-1, 2))
    four = np.nonzero(cuts.sum(axis=1) == 4)[0]
    if len(four):  # a saddle cell: the centre decides which corners are cut off
        centre_above = np.asarray((corner[0] + corner[1] + corner[2] + corner[3])[four] / 4 > level)
        for k, centre in zip(four, centre_above, strict=True):
            for bit, (a, b) in _CUT_OFF.items():
                if bool(case[k] & bit) != bool(centre):
                    pieces.append(edges[k, [a, b]])
    return np.concatenate(pieces) if pieces else np.empty((0, 2))
