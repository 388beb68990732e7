"""100 000 imported points (issue 15 item 5): what each snapshot costs to send, and how long
the window's event loop stalls while it draws them. Run (offscreen or under Xvfb):

    QT_QPA_PLATFORM=offscreen uv run python tests/benchmarks/bench_many_points.py

Prints the pickled size of the first and of a later snapshot message, the time to pickle and
unpickle one, the boundary view's first and later ``show_data``/paint times, and the 5 ms
timer's lateness while the window plays. Targets: a later snapshot ≪ 1 MB; no slot > 30 ms
after the first draw of the points.
"""

from __future__ import annotations

import os
import pickle
import sys
import time
from pathlib import Path

import numpy as np

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).parent))

from eventloop_probe import Lateness, Parts, stats, wait

from nnsim.engine.datasets import make_dataset
from nnsim.training import protocol
from nnsim.training.data import with_custom_points
from nnsim.training.experiment import Experiment
from nnsim.training.host import TrainingHost

POINTS = 100_000


def many_points() -> Experiment:
    return with_custom_points(Experiment.default(), make_dataset("circle", POINTS, 0.1, seed=1))


def measure_messages(experiment: Experiment) -> None:
    sent: list = []
    host = TrainingHost(experiment, sent.append)
    host.emit(force=True)
    host.handle(protocol.Step())
    snapshots = [m for m in sent if isinstance(m, protocol.SnapshotReady)]
    data = [m for m in sent if isinstance(m, protocol.DataReady)]
    for label, message in (
        ("points (DataReady, once)", data[0]),
        ("first snapshot", snapshots[0]),
        ("later snapshot", snapshots[-1]),
    ):
        start = time.perf_counter()
        blob = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
        pickle.loads(blob)
        ms = (time.perf_counter() - start) * 1000
        print(f"{label:28s} {len(blob) / 1e6:8.3f} MB  pickle+unpickle {ms:7.1f} ms")


def measure_window(experiment: Experiment) -> None:
    from nnsim.ui.app import create_application

    app = create_application()
    parts = Parts()
    from nnsim.ui.main_window import MainWindow

    window = MainWindow(experiment)
    view = window.boundary_view
    parts.wrap_paints([view.plot])
    parts.wrap(view, "show_data", "boundary show_data")
    window.worker.dataReady.disconnect()
    window.worker.dataReady.connect(view.show_data)
    parts.wrap(view, "show_snapshot", "boundary show_snapshot")
    window.resize(1200, 800)
    window.show()
    wait(30.0, lambda: bool(parts.calls["boundary show_data"]) and window.last_snapshot is not None)
    wait(1.0)
    first = dict((k, list(v)) for k, v in parts.calls.items())
    parts.clear()
    lateness = Lateness()
    lateness.start()
    window.play()
    wait(4.0)
    window.pause()
    wait(0.5)
    lateness.stop()
    print(f"first draw: show_data {first['boundary show_data']} ms (wall, cpu)")
    print(f"first paints of the boundary plot: {first['paint boundaryPlot'][:3]} (wall, cpu) ms")
    print(f"while playing (last snapshot step {window.last_snapshot.step}):")
    for part, calls in parts.calls.items():
        p50, p99, top = stats([wall for wall, _ in calls])
        cpu = stats([c for _, c in calls])[2]
        print(
            f"  {part:26s} n={len(calls):4d} p50 {p50:6.1f} p99 {p99:6.1f} max {top:6.1f} ms"
            f" (max CPU {cpu:6.1f} ms)"
        )
    p50, p99, top = stats(lateness.late)
    busy = stats(lateness.busy)
    print(f"  5 ms timer lateness        p50 {p50:6.1f} p99 {p99:6.1f} max {top:6.1f} ms")
    print(
        f"  GUI-thread CPU per firing  p50 {busy[0]:6.1f} p99 {busy[1]:6.1f} max {busy[2]:6.1f} ms"
    )
    from PySide6.QtWidgets import QMessageBox

    window.ask_unsaved_changes = lambda: QMessageBox.StandardButton.Discard  # type: ignore[method-assign]
    window.close()
    parts.restore()
    app.processEvents()


def main() -> None:
    experiment = many_points()
    print(f"{POINTS} custom points; {os.getloadavg()[0]:.2f} load on {os.cpu_count()} cores")
    measure_messages(experiment)
    measure_window(experiment)
    np.seterr(all="ignore")


if __name__ == "__main__":
    main()
