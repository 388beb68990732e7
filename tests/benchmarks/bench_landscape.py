"""The loss landscape's cost: one 41×41 grid, how late the event loop runs with the window
live, where that time goes, and the training speed with the view open against closed.

1. For 2-8-8-1 tanh and 2-8×6-1 tanh on the spiral (250 training points), after 300 steps:
   seconds per 41×41 grid (random directions), the best of 5, and the longest single chunk.
2. In a MainWindow training the 2-8-8-1 spiral, alternating rounds of ROUND seconds with the
   landscape window closed (the reference, measured in the same run) and open, following
   training: a 5 ms timer's lateness (p50 / p99 / max), and per part of the window's work
   (wall and this thread's CPU, ms): the timer slot, each grid chunk, the heatmap, the
   contours, the trajectory, the 1-D slice and the paints of both plots; the training
   process's steps/s, closed against open (medians). Target: open ≥ 60 % of closed, the
   timer never more than 30 ms late.
3. Paused, Compute at the 41 and the 151 grid (the largest) REPEAT times each: the same.

Offscreen by default (``QT_QPA_PLATFORM`` as set, e.g. under ``xvfb-run`` for X11). Run:

    QT_QPA_PLATFORM=offscreen uv run python tests/benchmarks/bench_landscape.py
"""

from __future__ import annotations

import os
import statistics
import sys
import time

import numpy as np

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, os.path.dirname(__file__))

from eventloop_probe import (
    HEADER,
    Lateness,
    Parts,
    lateness_rows,
    load_line,
    part_rows,
    wait,
)

from nnsim.training.experiment import Experiment
from nnsim.training.landscape import LandscapeGrid, random_directions
from nnsim.training.trainer import Trainer

NETS = [("2-8-8-1 tanh", [8, 8]), ("2-8x6-1 tanh", [8] * 6)]
ROUND = 6.0  # seconds of training per round
ROUNDS = 3
REPEAT = 4


def spiral(hidden: list[int]) -> Experiment:
    d = Experiment.default().to_dict()
    d["data"]["dataset"] = "spiral"
    d["network"]["hidden_layers"] = [{"units": u, "activation": "tanh"} for u in hidden]
    return Experiment.from_dict(d)


def grid_costs() -> None:
    axis = np.linspace(-1, 1, 41)
    for name, hidden in NETS:
        trainer = Trainer(spiral(hidden))
        trainer.run(300)
        directions = random_directions(trainer.network, 0)
        best, longest = float("inf"), 0.0
        for _ in range(5):
            grid = LandscapeGrid(trainer.network, trainer.data, directions, axis, axis)
            start = time.perf_counter()
            while not grid.done:
                t = time.perf_counter()
                grid.compute_chunk()
                longest = max(longest, time.perf_counter() - t)
            best = min(best, time.perf_counter() - start)
        points = len(trainer.data.x_train)
        print(f"{name}, {points} points: 41×41 grid {best * 1000:.0f} ms "
              f"(chunks of {grid.chunk}, longest chunk {longest * 1000:.1f} ms)")  # fmt: skip


# the view's parts, by attribute: whichever of them this version of the window has
_VIEW_PARTS = [
    ("show_grid", "show grid (all of it)"),
    ("show_heatmap", "heatmap"),
    ("show_contours", "contours"),
    ("show_trajectory", "trajectory"),
    ("show_slice", "1-D slice"),
]
_ITEM_PARTS = [
    ("image", "setImage", "heatmap: setImage"),
    ("contours", "setData", "contours: setData"),
    ("path", "setData", "trajectory: setData"),
    ("slice_curve", "setData", "1-D slice: setData"),
]


def instrument(dialog, parts: Parts) -> None:
    import nnsim.ui.landscape.plot as plot_module

    view = dialog.view
    for name, part in _VIEW_PARTS:
        if hasattr(view, name):
            parts.wrap(view, name, part)
    if hasattr(view, "draw_steps"):  # the drawing in pieces, one per turn: each timed
        steps = view.draw_steps

        def timed_steps(*args):
            return [parts.timed(f"piece: {f.__name__}", f) for f in steps(*args)]

        view.draw_steps = timed_steps
    for item, name, part in _ITEM_PARTS:
        parts.wrap(getattr(view, item), name, part)
    parts.wrap(dialog, "compute", "start a grid")
    for name in ("contour_segments", "upsample"):
        if hasattr(plot_module, name):
            parts.wrap(plot_module, name, f"{name}()")
    original = LandscapeGrid.compute_chunk
    LandscapeGrid.compute_chunk = parts.timed("grid chunk", original)
    for timer, slot, part in _timers(dialog):
        timer.timeout.disconnect()
        timer.timeout.connect(parts.timed(part, slot))
    parts.wrap_paints([view.plot, view.slice_plot])


def _timers(dialog):
    """The window's zero-delay timers and their slots (as this version names them)."""
    out = [(dialog._timer, dialog._run_slice, "timer slot (all of it)")]
    if hasattr(dialog, "_draw_timer"):
        out.append((dialog._draw_timer, dialog._draw_next, "drawing slot (all of it)"))
    return out


def window_costs() -> None:
    from nnsim.ui.app import create_application
    from nnsim.ui.main_window import MainWindow

    app = create_application()  # noqa: F841 (kept alive)
    parts, probe = Parts(), Lateness()  # (before the windows: see Parts)
    window = MainWindow(spiral([8, 8]))
    window.show()
    wait(30, lambda: window.last_snapshot is not None)
    dialog = window.open_landscape()
    wait(10, lambda: dialog.shown is not None)
    dialog.close()
    instrument(dialog, parts)
    speeds: dict[str, list[float]] = {"closed": [], "open": []}
    late: dict[str, list[float]] = {"closed": [], "open": []}
    busy: dict[str, list[float]] = {"closed": [], "open": []}
    grids = 0
    window.play()
    wait(2.0)
    for _ in range(ROUNDS):
        for state in ("closed", "open"):
            dialog.show_beside() if state == "open" else dialog.close()
            shown = dialog.shown
            start_step, start = window.last_snapshot.step, time.perf_counter()
            probe.start()
            end = start + ROUND
            while time.perf_counter() < end:
                wait(end - time.perf_counter(), lambda s=shown: dialog.shown is not s)
                if dialog.shown is not shown:
                    shown, grids = dialog.shown, grids + (state == "open")
            probe.stop()
            late[state] += probe.late
            busy[state] += probe.busy
            speeds[state].append(
                (window.last_snapshot.step - start_step) / (time.perf_counter() - start)
            )
    window.pause()
    dialog.close()
    closed, opened = (statistics.median(speeds[s]) for s in ("closed", "open"))
    print(f"\ntraining the 2-8-8-1 spiral, {ROUNDS} rounds of {ROUND:g} s each state")
    print(HEADER)
    probe.late, probe.busy = late["closed"], busy["closed"]
    print("\n".join(lateness_rows("reference, landscape closed", probe)))
    probe.late, probe.busy = late["open"], busy["open"]
    print("\n".join(lateness_rows(f"landscape following ({grids} grids)", probe)))
    print("\n".join(part_rows(parts)))
    print(f"training: {closed:,.0f} steps/s closed, {opened:,.0f} open ({opened / closed:.0%})")

    for resolution in (41, 151):
        dialog.follow.setChecked(False)
        dialog.resolution.setValue(resolution)
        dialog.show_beside()
        wait(30, lambda: not dialog.running and dialog.shown is not None)
        parts.clear()
        probe.start()
        for _ in range(REPEAT):
            shown = dialog.shown
            dialog.compute()
            wait(60, lambda s=shown: dialog.shown is not s and _idle(dialog))
            wait(0.1)
        probe.stop()
        print(f"\npaused, Compute ×{REPEAT} at {resolution}×{resolution}")
        print(HEADER)
        print("\n".join(lateness_rows("landscape computing", probe)))
        print("\n".join(part_rows(parts)))
    parts.restore()
    window.worker.shutdown()
    window.close()


def _idle(dialog) -> bool:
    return not dialog.running and not getattr(dialog.view, "drawing", False)


if __name__ == "__main__":
    print(load_line())
    grid_costs()
    window_costs()
