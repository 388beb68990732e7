"""Live plots move their axes in coarse steps: a growing run changes the range rarely."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
import pytest

from nnsim.ui.plots.ranges import RangeAnchor, nice_ceil


@pytest.mark.parametrize(
    ("value", "expected"), [(1, 1), (1.2, 1.5), (7, 8), (9, 10), (12_645, 15_000), (0.031, 0.04)]
)
def test_nice_ceil(value, expected):
    assert nice_ceil(value) == pytest.approx(expected)


def test_anchor_changes_the_range_a_few_times_while_a_run_grows(qtbot):
    widget = pg.PlotWidget()
    qtbot.addWidget(widget)
    plot = widget.getPlotItem()
    anchor = RangeAnchor(plot)
    rng = np.random.default_rng(0)
    changes = 0
    loss = 0.7 * np.exp(-np.arange(1, 3001) / 800) + 0.05
    for step in range(10, 3001, 10):
        noisy = loss[:step] + rng.normal(0, 0.01, step)
        before = anchor._box
        anchor.follow(step, [noisy])
        changes += anchor._box != before
    # 300 frames of a growing, falling, noisy curve: the range (and the axes, which are
    # costly to redraw) changes on one frame in six or fewer instead of on every one
    assert changes <= 50
    x_max, lo, hi, _ = anchor._box
    assert x_max >= 3000 and lo <= loss.min() and hi >= loss.max()
    anchor.clear()
    assert anchor._box is None


def test_the_anchor_is_never_painted_yet_the_view_fits_its_box(qtbot):
    widget = pg.PlotWidget()
    qtbot.addWidget(widget)
    widget.resize(300, 200)
    widget.show()
    qtbot.waitExposed(widget)
    plot = widget.getPlotItem()
    anchor = RangeAnchor(plot)
    painted = []
    anchor.item.paint = lambda *args: painted.append(args)
    plot.plot([1.0, 2.0, 3.0], [0.2, 0.5, 0.3])
    anchor.follow(3, [np.array([0.2, 0.5, 0.3])])
    widget.grab()
    assert not painted
    assert anchor.item.flags() & anchor.item.GraphicsItemFlag.ItemHasNoContents
    (x0, x1), (y0, y1) = plot.vb.viewRange()
    _, lo, hi, _ = anchor._box
    assert x0 <= 0 and x1 >= 3 and y0 <= lo <= 0.2 and y1 >= hi >= 0.5  # the box is in view
