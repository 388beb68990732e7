"""What an edit of the experiment does to a run: carry on from the weights, or start again.

A learner who adds a point, switches the optimizer or changes the batch size while
training wants the run to go on from where it is (the change is marked on the loss
plot); a change of the network itself needs new weights. These functions say which,
and in words the window and the plots can show.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from nnsim.training.data import build_data

if TYPE_CHECKING:
    from nnsim.training.experiment import Experiment
    from nnsim.training.trainer import Trainer


def needs_new_network(old: Experiment, new: Experiment) -> str | None:
    """Why ``new`` cannot go on from ``old``'s weights, or None if it can.

    The weights carry over when the network is built the same way: same layers,
    initialiser and seed, same input features, same outputs and loss.
    """
    if old.seed != new.seed:
        return "the seed changed"
    if old.network != new.network:
        return "the network changed"
    if old.data.features != new.data.features:
        return "the input features changed"
    if (old.num_outputs, old.resolved_loss(), old.resolved_output_activation()) != (
        new.num_outputs,
        new.resolved_loss(),
        new.resolved_output_activation(),
    ):
        return "the task changed"
    return None


def resets_weights(old: Experiment, new: Experiment) -> str | None:
    """Why the window starts ``new`` from fresh weights, or None if training goes on.

    Besides :func:`needs_new_network`, switching to another built-in data set starts
    again: a new problem deserves a new run. Editing the points of the current one (a
    click turns them into ``custom`` points; noise, size) goes on from the weights.
    """
    reason = needs_new_network(old, new)
    if reason is None and new.data.dataset not in (old.data.dataset, "custom"):
        reason = "the data set changed"
    return reason


def continue_training(trainer: Trainer, experiment: Experiment) -> None:
    """Go on training under an edited ``experiment`` from the current weights.

    Steps, epochs and the history carry on. New data (points added, noise, size)
    or a new batch size start a fresh pass over the training set; another optimizer
    starts with a fresh state (its moments belong to the old rule); changed
    hyper-parameters of the same optimizer keep its state, as ``Trainer.set_learning_rate``
    does. ValueError if the network must be built anew (:func:`needs_new_network`);
    nothing changes then.
    """
    old = trainer.experiment
    reason = needs_new_network(old, experiment)
    if reason is not None:
        raise ValueError(f"cannot keep the weights: {reason}")
    data_changed = experiment.data != old.data
    if data_changed:
        trainer.data = build_data(experiment)  # may raise: nothing has changed yet
    trainer.experiment = experiment
    if data_changed or experiment.training.batch_size != old.training.batch_size:
        trainer.new_batches()  # the next step starts a new pass
    new_opt, old_opt = experiment.training.optimizer, old.training.optimizer
    if new_opt.name != old_opt.name:
        trainer.new_optimizer()
    elif new_opt.params != old_opt.params or experiment.training.schedule != (
        old.training.schedule
    ):
        trainer.optimizer.set_hyperparameters(
            **{k: v for k, v in new_opt.params.items() if k != "lr"}
        )
        trainer.new_schedule()
        trainer.optimizer.lr = trainer.current_lr()


def describe_change(old: Experiment, new: Experiment) -> str:
    """A short label for the loss plot's marker: ``optimizer sgd → adam``, ``batch 10 → 20``."""
    parts = []
    o, n = old.training, new.training
    if o.optimizer.name != n.optimizer.name:
        parts.append(f"optimizer {o.optimizer.name} → {n.optimizer.name}")
    else:
        params = n.optimizer.params
        parts += [f"{k} → {_value(v)}" for k, v in params.items() if o.optimizer.params.get(k) != v]
    if o.schedule != n.schedule:
        parts.append(f"schedule {o.schedule.name} → {n.schedule.name}")
    if o.batch_size != n.batch_size:
        parts.append(f"batch {o.batch_size} → {n.batch_size}")
    if o.regularization != n.regularization:
        parts.append(f"penalty {n.regularization.kind} {n.regularization.rate:g}")
    if o.grad_clip != n.grad_clip:
        parts.append("clipping " + ("off" if n.grad_clip is None else n.grad_clip.mode))
    if o.eval_every != n.eval_every:
        parts.append(f"evaluate every {n.eval_every}")
    if old.data != new.data:
        parts.append("data edited")
    return "; ".join(p for p in parts if p) or "settings changed"


def _value(v: object) -> str:
    return f"{v:g}" if isinstance(v, float) else str(v)
