"""Where the window's training processes come from: a fork server, started first thing.

Kept apart from :mod:`nnsim.ui.worker` (which imports the training code) so that launching
can start the fork server before importing anything heavy: the server's own import of NumPy
and the training code (~0.5 s) then runs on the other core while the window's imports run.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import multiprocessing.forkserver
import os
import sys
from collections.abc import Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from multiprocessing.context import ForkServerContext, SpawnContext


def training_context() -> ForkServerContext | SpawnContext:
    """forkserver where there is one (fast, and safe with Qt: it never forks this process)."""
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(["nnsim.training.background"])  # see that module
    return ctx


def prepare_training_processes() -> None:
    """Start the fork server now (it imports NumPy and the training code, ~0.5 s): called
    first thing at launch, that import runs while the window's own imports do, and the
    window's first training process starts without waiting for it."""
    if "forkserver" in multiprocessing.get_all_start_methods():
        training_context()
        with starting_a_training_process():
            multiprocessing.forkserver.ensure_running()


BLAS_THREADS = {"OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}
"""The training process's BLAS runs on one thread. Its products are small (a batch, the
100 x 100 boundary grid), and on two cores the other one draws the window: a second BLAS
thread there waits for the window's turn at every product. Measured with bench_ui on an
AMD EPYC, 2 cores, 10x8 sigmoid BN: 83-207 steps/s with OpenBLAS's default two threads,
640-810 with one (headless: 1,188). A user's own setting (these, or OMP_NUM_THREADS) wins."""


@contextlib.contextmanager
def starting_a_training_process() -> Iterator[None]:
    """Around starting a training process or the fork server: the child gets
    :data:`BLAS_THREADS` in its environment, and does not re-run the main script (see
    :func:`main_script_not_rerun`). This process's own environment is left as it was."""
    chosen = any(name in os.environ for name in (*BLAS_THREADS, "OMP_NUM_THREADS"))
    added = {} if chosen else BLAS_THREADS
    os.environ.update(added)
    try:
        with main_script_not_rerun():
            yield
    finally:
        for name in added:
            os.environ.pop(name, None)


@contextlib.contextmanager
def main_script_not_rerun() -> Iterator[None]:
    """Start a child without re-running the ``__main__`` script (as multiprocessing does).

    The child needs only :mod:`nnsim.training.host`; re-running a script that builds a
    window (a user's, a benchmark's) would start a second window in the child.
    """
    main = sys.modules.get("__main__")
    path = getattr(main, "__file__", None)
    if main is None or path is None or getattr(main, "__spec__", None) is not None:
        yield
        return
    del main.__file__
    try:
        yield
    finally:
        main.__file__ = path
