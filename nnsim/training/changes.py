"""What an edit of the experiment does to a run: carry on from the weights, or start again.

A learner who adds a point, switches the optimizer or changes the batch size while
training wants the run to go on from where it is (the change is marked on the loss
plot); a change of the network itself needs new weights. These functions say which,
and in words the window and the plots can show.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from nnsim.training.data import build_data
from nnsim.training.text import QT_TR_NOOP, Sentence, Text

if TYPE_CHECKING:
    from nnsim.training.experiment import Experiment
    from nnsim.training.trainer import Trainer

CLIPPING = {
    "off": QT_TR_NOOP("clipping off"),
    "norm": QT_TR_NOOP("clipping norm"),
    "value": QT_TR_NOOP("clipping value"),
}


def needs_new_network(old: Experiment, new: Experiment) -> str | None:
    """Why ``new`` cannot go on from ``old``'s weights (a
    :class:`~nnsim.training.text.Sentence`), or None if it can.

    The weights carry over when the network is built the same way: same layers,
    initialiser and seed, same input features, same outputs and loss.
    """
    if old.seed != new.seed:
        return Sentence(QT_TR_NOOP("the seed changed"))
    if old.network != new.network:
        return Sentence(QT_TR_NOOP("the network changed"))
    if old.data.features != new.data.features:
        return Sentence(QT_TR_NOOP("the input features changed"))
    if (old.num_outputs, old.resolved_loss(), old.resolved_output_activation()) != (
        new.num_outputs,
        new.resolved_loss(),
        new.resolved_output_activation(),
    ):
        return Sentence(QT_TR_NOOP("the task changed"))
    return None


def resets_weights(old: Experiment, new: Experiment) -> str | None:
    """Why the window starts ``new`` from fresh weights, or None if training goes on.

    Besides :func:`needs_new_network`, switching to another built-in data set starts
    again: a new problem deserves a new run. Editing the points of the current one (a
    click turns them into ``custom`` points; noise, size) goes on from the weights.
    """
    reason = needs_new_network(old, new)
    if reason is None and new.data.dataset not in (old.data.dataset, "custom"):
        reason = Sentence(QT_TR_NOOP("the data set changed"))
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


def describe_reset(old: Experiment, new: Experiment, reason: str) -> str:
    """What a change that restarts training changed, for a ghost run's label (a
    :class:`~nnsim.training.text.Sentence`): ``seed 0 → 1``, ``hidden layers 4-2 → 8-8``,
    ``relu`` …, else ``reason`` (``the network changed``)."""
    parts: list[Text] = []
    if old.seed != new.seed:
        parts.append(_change(QT_TR_NOOP("seed {old} → {new}"), old.seed, new.seed))
    if old.data.dataset != new.data.dataset:
        parts.append(_change(QT_TR_NOOP("data {old} → {new}"), old.data.dataset, new.data.dataset))
    if old.data.features != new.data.features:
        features = [", ".join(e.data.features) for e in (old, new)]
        parts.append(_change(QT_TR_NOOP("features {old} → {new}"), *features))
    units = ["-".join(str(layer.units) for layer in e.network.hidden_layers) or "none"
             for e in (old, new)]  # fmt: skip
    if units[0] != units[1]:
        parts.append(_change(QT_TR_NOOP("hidden layers {old} → {new}"), *units))
    acts = [sorted({layer.activation for layer in e.network.hidden_layers}) for e in (old, new)]
    if units[0] == units[1] and acts[0] != acts[1]:
        names = ["/".join(a) for a in acts]
        parts.append(_change(QT_TR_NOOP("activation {old} → {new}"), *names))
    if old.network.init != new.network.init:
        parts.append(_change(QT_TR_NOOP("init {old} → {new}"), old.network.init, new.network.init))
    return _sentence(parts, QT_TR_NOOP("{first}, {then}")) or reason


def describe_change(old: Experiment, new: Experiment) -> str:
    """A short label for the loss plot's marker (a :class:`~nnsim.training.text.Sentence`):
    ``optimizer sgd → adam``, ``batch 10 → 20``."""
    parts: list[Text] = []
    o, n = old.training, new.training
    if o.optimizer.name != n.optimizer.name:
        template = QT_TR_NOOP("optimizer {old} → {new}")
        parts.append(_change(template, o.optimizer.name, n.optimizer.name))
    else:
        params = n.optimizer.params
        parts += [
            Text("{name} → {value}", {"name": k, "value": _value(v)})  # lr → 0.1: no words
            for k, v in params.items()
            if o.optimizer.params.get(k) != v
        ]
    if o.schedule != n.schedule:
        names = o.schedule.name, n.schedule.name
        parts.append(_change(QT_TR_NOOP("schedule {old} → {new}"), *names))
    if o.batch_size != n.batch_size:
        parts.append(_change(QT_TR_NOOP("batch {old} → {new}"), o.batch_size, n.batch_size))
    if o.regularization != n.regularization:
        kind, rate = n.regularization.kind, n.regularization.rate
        parts.append(Text(QT_TR_NOOP("penalty {kind} {rate:g}"), {"kind": kind, "rate": rate}))
    if o.grad_clip != n.grad_clip:
        mode = "off" if n.grad_clip is None else n.grad_clip.mode
        parts.append(Text(CLIPPING.get(mode, "clipping " + mode)))
    if o.eval_every != n.eval_every:
        parts.append(Text(QT_TR_NOOP("evaluate every {steps}"), {"steps": n.eval_every}))
    if old.data != new.data:
        parts.append(Text(QT_TR_NOOP("data edited")))
    return _sentence(parts, QT_TR_NOOP("{first}; {then}")) or Sentence(
        QT_TR_NOOP("settings changed")
    )


def _change(template: str, old: object, new: object) -> Text:
    return Text(template, {"old": old, "new": new})


def _sentence(parts: list[Text], joint: str) -> Sentence | None:
    """``parts`` joined by ``joint`` (``{first}, {then}``, translated with them), or None."""
    if not parts:
        return None
    text = parts[-1]
    for part in reversed(parts[:-1]):
        text = Text(joint, {"first": part, "then": text})
    return Sentence(text.template, text.args)


def _value(v: object) -> str:
    return f"{v:g}" if isinstance(v, float) else str(v)
