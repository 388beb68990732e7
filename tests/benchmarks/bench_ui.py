"""The window under load: training speed with every panel live, event-loop lateness,
panel refresh rate, and start-up time. Run (offscreen or under Xvfb):

    QT_QPA_PLATFORM=offscreen uv run python tests/benchmarks/bench_ui.py [--startup]

References measured in the same run: the headless Trainer's steps/s on the same experiment;
for start-up, an empty window with NumPy, Qt and pyqtgraph imported (``--startup``: only
those rows).
Targets: ≥ 0.6× headless, lateness p99 ≤ 30 ms, ≥ 25 refreshes/s, start-up ≤ 1.5 s.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SECONDS = 4.0
CASES = [
    ("circle, 4-2 tanh, batch 10", {}),
    ("spiral, 6×8 tanh, batch 10", {"dataset": "spiral", "layers": [8] * 6}),
]

# The child prints three times from launch: the first frame of the window painted (what the
# user sees: "window on screen"), its plots painted (made just after), its first snapshot.
STARTUP_CHILD = """
import time, sys
t0 = float(sys.argv[1])
from nnsim.ui.app import create_application, open_window
app = create_application()
from PySide6.QtCore import QEvent, QObject, QTimer
from nnsim.ui.plots.base import PlotPanel
w = open_window()  # as `nnsim` launches: the plots are made just after the first frame
times = {}
def note(what):
    times.setdefault(what, time.time() - t0)
    if len(times) == 3:
        print(times["frame"], times["plots"], times["snapshot"], flush=True)
        w.close()
        app.quit()
class Paints(QObject):  # the top level paints first in the pass that paints them all
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            obj.removeEventFilter(self)
            what = "frame" if obj is w else "plots"
            QTimer.singleShot(0, lambda: note(what))  # after the whole pass
        return False
paints = Paints()
w.installEventFilter(paints)
def plots_made():
    if len(w.findChildren(PlotPanel)) < 4:
        return QTimer.singleShot(1, plots_made)
    w.lr_panel.installEventFilter(paints)  # the last one laid out; painted with the others
    w.lr_panel.update()
plots_made()
w.snapshotShown.connect(lambda s: note("snapshot"))
app.exec()
"""

# The floor on this machine: the interpreter, NumPy, Qt and pyqtgraph imported and an empty
# window painted, nothing of nnsim's.
FLOOR_CHILD = """
import time, sys
t0 = float(sys.argv[1])
import numpy, pyqtgraph
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
w = QMainWindow()
w.resize(1100, 700)
def done():
    print(time.time() - t0, time.time() - t0, time.time() - t0, flush=True)
    app.quit()
class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            w.removeEventFilter(self)
            QTimer.singleShot(0, done)
        return False
first_paint = FirstPaint()
w.installEventFilter(first_paint)
w.show()
app.exec()
"""


def compile_bytecode() -> None:
    """Start-up is measured with bytecode compiled (``uv sync`` does not compile it)."""
    import compileall
    import sysconfig

    for folder in (sysconfig.get_paths()["purelib"], str(Path(__file__).parents[2] / "nnsim")):
        compileall.compile_dir(folder, quiet=2, workers=2)


def experiment_for(changes):
    from nnsim.training.experiment import Experiment

    d = Experiment.default().to_dict()
    if "dataset" in changes:
        d["data"]["dataset"] = changes["dataset"]
    if "layers" in changes:
        d["network"]["hidden_layers"] = [
            {"units": u, "activation": "tanh"} for u in changes["layers"]
        ]
    return Experiment.from_dict(d)


def headless_rate(experiment) -> float:
    from nnsim.training.trainer import Trainer

    trainer = Trainer(experiment)
    trainer.run(200)
    t0, n = time.perf_counter(), 0
    while time.perf_counter() - t0 < SECONDS / 2:
        trainer.run(100)
        n += 100
    return n / (time.perf_counter() - t0)


def wait(app, seconds: float) -> None:
    """Run the real event loop (not a busy processEvents loop) for ``seconds``."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    loop.exec()


def windowed(app, experiment) -> dict[str, float]:
    from PySide6.QtCore import QTimer

    from nnsim.ui.main_window import MainWindow

    window = MainWindow(experiment)
    window.resize(1600, 1000)
    window.show()
    wait(app, 1.0)
    lateness: list[float] = []
    refreshes = [0]
    last = [time.perf_counter()]

    def tick():
        now = time.perf_counter()
        lateness.append(max(0.0, (now - last[0]) * 1000 - 10))
        last[0] = now

    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(tick)
    window.snapshotShown.connect(lambda s: refreshes.__setitem__(0, refreshes[0] + 1))
    window.play()
    wait(app, 0.5)
    start_step, t0 = window.last_snapshot.step, time.perf_counter()
    refreshes[0] = 0
    last[0] = time.perf_counter()
    timer.start()
    wait(app, SECONDS)
    elapsed = time.perf_counter() - t0
    steps = window.last_snapshot.step - start_step
    timer.stop()
    window.pause()
    window.ask_unsaved_changes = lambda: None
    window._dirty = False
    window.close()
    lat = np.array(lateness)
    return {
        "steps_per_s": steps / elapsed,
        "p50": float(np.percentile(lat, 50)),
        "p99": float(np.percentile(lat, 99)),
        "refresh": refreshes[0] / elapsed,
    }


def startup_seconds(child: str = STARTUP_CHILD) -> tuple[float, float, float]:
    """Seconds from launch to the window's first frame, to its plots painted, and to its
    first snapshot drawn."""
    t0 = time.time()
    out = subprocess.run(
        [sys.executable, "-c", child, repr(t0)], capture_output=True, text=True, check=True
    )
    frame, plots, snapshot = out.stdout.strip().splitlines()[-1].split()
    return float(frame), float(plots), float(snapshot)


def startup_table(runs: int = 5) -> bool:
    """The start-up rows (the best of ``runs`` launches each); whether the target is met."""
    compile_bytecode()
    nnsim = min(startup_seconds() for _ in range(runs))
    floor = min(startup_seconds(FLOOR_CHILD) for _ in range(runs))
    print(f"{'start-up, best of ' + str(runs):<30}{'frame s':>10}{'plots s':>10}{'snapshot s':>12}")
    print(f"{'nnsim window':<30}{nnsim[0]:>10.2f}{nnsim[1]:>10.2f}{nnsim[2]:>12.2f}")
    print(f"{'floor: Qt + pyqtgraph, empty':<30}{floor[0]:>10.2f}")
    above = nnsim[0] - floor[0]
    print(f"window on screen: {nnsim[0]:.2f} s (target ≤ 1.5 s), {above:.2f} s above the floor")
    return nnsim[0] <= 1.5


def main() -> int:
    if "--startup" in sys.argv:  # only the start-up rows
        return 0 if startup_table() else 1
    from nnsim.ui.app import create_application

    app = create_application()
    print(
        f"{'experiment':<30}{'window st/s':>12}{'headless':>10}{'ratio':>7}"
        f"{'late p50':>9}{'p99 ms':>8}{'refresh/s':>10}"
    )
    ok = True
    for label, changes in CASES:
        exp = experiment_for(changes)
        ref = headless_rate(exp)
        r = windowed(app, exp)
        ratio = r["steps_per_s"] / ref
        ok &= ratio >= 0.6 and r["p99"] <= 30 and r["refresh"] >= 25
        print(
            f"{label:<30}{r['steps_per_s']:>12,.0f}{ref:>10,.0f}{ratio:>7.2f}"
            f"{r['p50']:>9.1f}{r['p99']:>8.1f}{r['refresh']:>10.1f}"
        )
    ok &= startup_table()
    print("targets: ratio ≥ 0.6, p99 ≤ 30 ms, refresh ≥ 25/s:", "ok" if ok else "MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
