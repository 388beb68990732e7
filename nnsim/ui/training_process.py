"""Where the window's training processes come from: a fork server, started first thing.

Kept apart from :mod:`nnsim.ui.worker` (which imports the training code) so that launching
can start the fork server before importing anything heavy: the server's own import of NumPy
and the training code (~0.5 s) then runs on the other core while the window's imports run.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import multiprocessing.forkserver
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
        with main_script_not_rerun():
            multiprocessing.forkserver.ensure_running()


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
