"""Where a lecture starts: the network on the window's screen, or the state it was handed.

:func:`lecture_session` builds the :class:`~nnsim.training.lecture.LectureSession` the
lecture mode walks, on a trainer of its own (the window's trainer runs in another process).
"""

from __future__ import annotations

import numpy as np

from nnsim.training.lecture.session import LectureSession
from nnsim.training.snapshot import Snapshot
from nnsim.training.trainer import Trainer


def lecture_session(
    experiment, snapshot: Snapshot | None = None, state: dict | None = None
) -> LectureSession:
    """A session on a new trainer for ``experiment``, continuing from ``snapshot``'s weights
    and step count when the snapshot is of this network and data (else from the initial
    weights: e.g. the window's training has not caught up with an edit yet).

    ``state``: a ``Trainer.state_dict()`` handed to the window before (a lecture's); if the
    snapshot shows exactly it and the experiment is unchanged (the window has not trained or
    been edited since), the lecture goes on from it whole, optimizer state and data order
    included.
    """
    trainer = Trainer(experiment)
    shown = getattr(snapshot, "experiment", None)
    same = shown is None or all(
        getattr(shown, key) == getattr(experiment, key) for key in ("seed", "data", "network")
    )
    if snapshot is None or not snapshot.weights or not same:
        return LectureSession(trainer)
    if state is not None and state["experiment"] == experiment and _shows(snapshot, state):
        try:
            trainer.load_state_dict(state)
        except ValueError:
            pass
        else:
            return LectureSession(trainer)
    try:
        trainer.network.load_state(snapshot.weights)
    except ValueError:
        trainer.network.load_state(trainer.initial_state)
    else:  # weights and counters only: the optimizer state and data order start afresh
        trainer.steps_done, trainer.epochs_done = snapshot.step, snapshot.epoch
        trainer.history_origin = snapshot.step  # the window keeps the rows before
    return LectureSession(trainer)


def _shows(snapshot: Snapshot, state: dict) -> bool:
    """Is ``snapshot`` of the trainer state ``state`` (same step, same weights)?"""
    weights = state["network"]
    return snapshot.step == state["steps_done"] and all(
        name in snapshot.weights and np.array_equal(snapshot.weights[name], value)
        for name, value in weights.items()
    )
