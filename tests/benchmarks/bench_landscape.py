"""The loss landscape's cost: one 41×41 grid, the longest stretch it keeps the event loop,
and the training speed with the view open (following training) against closed.

1. For 2-8-8-1 tanh and 2-8×6-1 tanh on the spiral (250 training points), after 300 steps:
   seconds per 41×41 grid (random directions), the best of 5, and the longest single chunk.
2. In a MainWindow training the 2-8-8-1 spiral: the longest timer slice of the landscape
   window while it follows training (wall clock and this thread's CPU time), and the training
   process's steps/s with the view closed and open, in alternating rounds of ROUND seconds
   (medians). Target: open ≥ 60 % of closed; no slice over 30 ms. Run:

    QT_QPA_PLATFORM=offscreen uv run python tests/benchmarks/bench_landscape.py
"""

from __future__ import annotations

import statistics
import sys
import time

import numpy as np

from nnsim.training.experiment import Experiment
from nnsim.training.landscape import LandscapeGrid, random_directions
from nnsim.training.trainer import Trainer

NETS = [("2-8-8-1 tanh", [8, 8]), ("2-8x6-1 tanh", [8] * 6)]
ROUND = 6.0  # seconds of training per round
ROUNDS = 3


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


def window_costs() -> None:
    from PySide6.QtWidgets import QApplication

    from nnsim.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv)
    window = MainWindow(spiral([8, 8]))
    window.show()

    def spin(seconds: float, until=lambda: False) -> None:
        end = time.perf_counter() + seconds
        while time.perf_counter() < end and not until():
            app.processEvents()
            time.sleep(0.0005)

    spin(30, lambda: window.last_snapshot is not None)
    dialog = window.open_landscape()
    dialog.close()
    walls: list[float] = []
    cpus: list[float] = []
    grids: list[int] = []
    run_slice = dialog._run_slice

    def timed() -> None:
        w, c = time.perf_counter(), time.thread_time()
        shown = dialog.shown
        run_slice()
        walls.append(time.perf_counter() - w)
        cpus.append(time.thread_time() - c)
        if dialog.shown is not shown:
            grids.append(1)

    dialog._timer.timeout.disconnect()
    dialog._timer.timeout.connect(timed)
    speeds: dict[str, list[float]] = {"closed": [], "open": []}
    window.play()
    spin(2.0)
    for _ in range(ROUNDS):
        for state in ("closed", "open"):
            dialog.show_beside() if state == "open" else dialog.close()
            before = len(grids)
            start_step, start = window.last_snapshot.step, time.perf_counter()
            spin(ROUND)
            rate = (window.last_snapshot.step - start_step) / (time.perf_counter() - start)
            speeds[state].append(rate)
            if state == "open":
                print(f"  open round: {len(grids) - before} grids in {ROUND:g} s")
    window.pause()
    closed, opened = (statistics.median(speeds[s]) for s in ("closed", "open"))
    print(f"training: {closed:,.0f} steps/s closed, {opened:,.0f} open "
          f"({opened / closed:.0%}; rounds {speeds})")  # fmt: skip
    print(f"slices: {len(walls)}, longest {max(walls) * 1000:.1f} ms wall, "
          f"{max(cpus) * 1000:.1f} ms CPU; 99th percentile {np.percentile(walls, 99) * 1000:.1f}"
          " ms wall")  # fmt: skip
    window.worker.shutdown()
    window.close()


if __name__ == "__main__":
    grid_costs()
    window_costs()
