"""Where a lecture starts: the state of the trainer the window trains, or step 0.

:func:`lecture_session` builds the :class:`~nnsim.training.lecture.LectureSession` the
lecture mode walks, on a trainer of its own (the window's trainer runs in another process,
which sends its state: ``protocol.RequestState`` / ``StateReady``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from nnsim.training.lecture.session import LectureSession
from nnsim.training.trainer import Trainer


def lecture_session(experiment, state: Mapping[str, Any] | None = None) -> LectureSession:
    """A session on a new trainer: at step 0 of ``experiment``, or, given ``state`` (a
    ``Trainer.state_dict(histories=False)`` of the training process), going on from it
    whole: weights, optimizer moments and buffers, schedule, step and epoch counts, data
    order. The trainer is then built for the state's experiment (what the process trains).

    The state's history is not sent: the lecture's ``history_origin`` is its step, so
    handing the lecture's state back keeps the process's rows before it.
    """
    if state is None:
        return LectureSession(Trainer(experiment))
    trainer = Trainer(state["experiment"])
    trainer.load_state_dict(state)
    trainer.history_origin = trainer.steps_done
    return LectureSession(trainer)
