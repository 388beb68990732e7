"""Edits that carry a run on from its weights, and the ones that start it again."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from nnsim.engine.optimizers import make_optimizer
from nnsim.training.changes import describe_change, needs_new_network, resets_weights
from nnsim.training.data import build_data, steps_per_epoch, with_point_added
from nnsim.training.experiment import Experiment, LayerSpec
from nnsim.training.trainer import Trainer


def with_optimizer(exp: Experiment, name: str, **params) -> Experiment:
    opt = dataclasses.replace(exp.training.optimizer, name=name, params={"lr": 0.01, **params})
    return dataclasses.replace(exp, training=dataclasses.replace(exp.training, optimizer=opt))


def test_another_optimizer_goes_on_from_the_weights_with_a_fresh_state():
    exp = Experiment.default()
    trainer = Trainer(exp)
    trainer.run(30)
    theta = trainer.network.theta.copy()
    trainer.continue_with(with_optimizer(exp, "adam"))
    assert trainer.steps_done == 30 and trainer.optimizer.__class__.__name__ == "Adam"
    np.testing.assert_array_equal(trainer.network.theta, theta)
    x, y = trainer.next_batch()
    net = trainer.network
    net.forward(x, train=True)
    net.backward(y)
    gradient = net.grad.copy()
    reference = theta.copy()  # a brand-new Adam (torch's rule) on the same gradient
    make_optimizer("adam", [reference], lr=0.01).step([gradient])
    trainer.train_on(x, y)
    np.testing.assert_allclose(net.theta, reference, rtol=0, atol=1e-12)
    assert trainer.steps_done == 31


def test_edited_points_keep_weights_steps_and_history():
    exp = Experiment.default()
    trainer = Trainer(exp)
    trainer.run(25)
    theta = trainer.network.theta.copy()
    edited = with_point_added(exp, 1.0, 1.0, 1)
    assert needs_new_network(exp, edited) is None and resets_weights(exp, edited) is None
    trainer.continue_with(edited)
    np.testing.assert_array_equal(trainer.network.theta, theta)
    assert len(trainer.data.train) == len(build_data(exp).train) + 1
    trainer.run(5)
    assert trainer.steps_done == 30 and len(trainer.history.table()) == 30


def test_a_new_network_is_refused_and_nothing_changes():
    exp = Experiment.default()
    trainer = Trainer(exp)
    trainer.run(3)
    bigger = dataclasses.replace(
        exp, network=dataclasses.replace(exp.network, hidden_layers=(LayerSpec(5),))
    )
    assert needs_new_network(exp, bigger) == "the network changed"
    with pytest.raises(ValueError, match="the network changed"):
        trainer.continue_with(bigger)
    assert trainer.experiment is exp and trainer.steps_done == 3


def test_switching_to_another_data_set_resets_but_clicking_points_does_not():
    exp = Experiment.default()
    xor = dataclasses.replace(exp, data=dataclasses.replace(exp.data, dataset="xor"))
    assert resets_weights(exp, xor) == "the data set changed"
    assert resets_weights(exp, with_point_added(exp, 0.0, 0.0, 0)) is None


def test_changes_are_described_for_the_loss_plot():
    exp = Experiment.default()
    assert describe_change(exp, with_optimizer(exp, "adam")) == "optimizer sgd → adam"
    bigger_batch = dataclasses.replace(
        exp, training=dataclasses.replace(exp.training, batch_size=20)
    )
    assert describe_change(exp, bigger_batch) == "batch 10 → 20"


@pytest.mark.parametrize(
    ("samples", "batch", "expected"),
    [(42, 10, 2), (500, 10, 25), (41, 10, 2), (60, "all", 1), (22, 1, 10), (5, 10, 1)],
)
def test_steps_per_epoch_is_what_the_trainer_does(samples, batch, expected):
    """One function for the trainer, the CLI's --epochs and the schedule preview (the
    preview said 3 for 42 samples at batch 10: the trainer merges a last batch of one)."""
    exp = Experiment.default()
    exp = dataclasses.replace(
        exp,
        data=dataclasses.replace(exp.data, samples=samples),
        training=dataclasses.replace(exp.training, batch_size=batch),
    )
    trainer = Trainer(exp)
    assert steps_per_epoch(exp) == trainer.steps_per_epoch == expected
    trainer.run(expected)
    assert trainer.epochs_done == 0 and trainer.run(1).epoch == 2  # the next step: epoch 2


def test_steps_per_epoch_of_clicked_points_counts_the_training_set():
    exp = with_point_added(Experiment.default(), 1.0, 1.0, 1)  # 251 train, 250 test
    assert steps_per_epoch(exp) == Trainer(exp).steps_per_epoch == 25
