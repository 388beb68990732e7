"""Saving and restoring a :class:`~nnsim.training.trainer.Trainer`'s whole state.

:func:`trainer_state` is ``Trainer.state_dict()``; :func:`load_trainer_state` the heart of
``Trainer.load_state_dict()``. A state holds the experiment; the network's parameters,
batch-norm running statistics, gradient and dropout generator; the optimizer's and the
schedule's ``state_dict()``; the step and epoch counters; where the data order stands (the
epoch's permutation, the batch within it, the shuffling generator, the epoch's losses);
divergence, the last result and evaluation; and, unless left out, the metric history and
the evaluations (``MetricHistory.state_dict()``). Training on from a loaded state is
bit-identical to never having stopped.

A state whose history begins after step o > 0 (``Trainer.history_origin``: a lecture started
from the training process's state, sent without its rows) keeps the loading trainer's rows
up to step o in front.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from nnsim.engine.optimizers import make_optimizer
from nnsim.engine.schedules import SCHEDULES

if TYPE_CHECKING:
    from nnsim.training.trainer import Trainer


def trainer_state(trainer: Trainer, histories: bool = True) -> dict[str, Any]:
    """``trainer.state_dict(histories=histories)``."""
    net = trainer.network
    state = {
        "experiment": trainer.experiment,
        "network": net.state(),
        "grad": net.grad.copy(),
        "dropout_rng": net.random_state(),
        "optimizer": trainer.optimizer.state_dict(),
        "schedule": trainer.schedule.state_dict(),
        "steps_done": trainer.steps_done,
        "epochs_done": trainer.epochs_done,
        **trainer.batches.state_dict(),  # batch_index, epoch_order, shuffle_rng
        "epoch_losses": list(trainer.epoch_losses),
        "diverged": trainer.diverged,
        "divergence": trainer.divergence,
        "last_result": trainer.last_result,
        "last_evaluation": trainer.last_evaluation,
        "history_origin": trainer.history_origin,
    }
    if histories:
        state["history"] = trainer.history.state_dict()
        state["evaluations"] = trainer.evaluations.state_dict()
    return state


def load_trainer_state(trainer: Trainer, state: Mapping[str, Any]) -> None:
    """Put ``state`` into ``trainer`` (may leave it half-loaded on an error: the caller
    restores a backup)."""
    experiment, mine = state["experiment"], trainer.experiment
    layout = ("seed", "data", "network")
    if any(getattr(experiment, k) != getattr(mine, k) for k in layout) or (
        experiment.training.batch_size != mine.training.batch_size
    ):
        raise ValueError("the state is of another network, data set or batch size")
    net = trainer.network
    net.load_state(state["network"])
    net.grad[...] = state["grad"]
    net.set_random_state(state["dropout_rng"])
    trainer.experiment = experiment
    optimizer = state["optimizer"]
    if optimizer["optimizer"] != trainer.optimizer.name:
        trainer.optimizer = make_optimizer(
            optimizer["optimizer"], [net.theta], **optimizer["hyperparameters"]
        )
    trainer.optimizer.load_state_dict(optimizer)
    schedule_state = state["schedule"]
    schedule = trainer.schedule
    if schedule_state["name"] != schedule.name:
        schedule = SCHEDULES[schedule_state["name"]](**schedule_state["params"])
    schedule.load_state_dict(schedule_state)
    trainer.use_schedule(schedule)
    trainer.steps_done, trainer.epochs_done = int(state["steps_done"]), int(state["epochs_done"])
    trainer.batches.load_state_dict(state)
    trainer.epoch_losses = [float(x) for x in state["epoch_losses"]]
    trainer.diverged = state["diverged"]
    trainer.divergence = state.get("divergence")
    trainer.last_result = state["last_result"]
    trainer.last_evaluation = state["last_evaluation"]
    if "history" in state:
        origin = int(state["history_origin"])
        kept = bool(origin) and trainer.history.truncate("step", origin) > 0
        for mine_, theirs in ((trainer.history, "history"), (trainer.evaluations, "evaluations")):
            if kept:
                mine_.truncate("step", origin)
                mine_.extend(state[theirs])
            else:
                mine_.load_state_dict(state[theirs])
        trainer.history_origin = trainer.history_origin if kept else origin
