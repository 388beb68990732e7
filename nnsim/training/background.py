"""The window's training process: :func:`nnsim.training.host.serve`, below the window's priority.

The child runs only this module and what it imports (NumPy and the training code, which the
fork server has already imported): a target in :mod:`nnsim.ui` would make every child import
the ``nnsim.ui`` package and PySide6 first, 70 ms before its first snapshot (measured on 2
cores; a test suite opens hundreds of windows).
"""

from __future__ import annotations

import os
from multiprocessing.connection import Connection

from nnsim.training.experiment import Experiment
from nnsim.training.host import serve

NICENESS = 5  # the training process's priority below the window's


def serve_below_the_window(conn: Connection, experiment: Experiment, max_fps: float) -> None:
    """The training process: :func:`nnsim.training.host.serve` at a lower priority, so that
    when the cores are all busy (two: training and the window) the window's drawing goes
    first. Measured on 2 cores (bench_ui, quiet machine): the deep nets' refresh 24-27 a
    second at nice 0, 28-30 at nice 5, training as fast. Where the machine is busy with
    other programs, training yields to them too.
    """
    if hasattr(os, "nice"):  # POSIX
        os.nice(NICENESS)
    serve(conn, experiment, max_fps)
