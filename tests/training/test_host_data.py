"""The training process sends the window its points: once, before the first frame, and
again only when they change, so the window never generates a data set itself."""

from __future__ import annotations

import dataclasses

import numpy as np

from nnsim.training import protocol
from nnsim.training.data import build_data
from nnsim.training.experiment import Experiment
from nnsim.training.host import TrainingHost


def data_sent(sent: list) -> list:
    return [m for m in sent if isinstance(m, protocol.DataReady)]


def assert_same_points(got, expected) -> None:
    for part in ("train", "test"):
        a, b = getattr(got, part), getattr(expected, part)
        np.testing.assert_array_equal(a.x, b.x)
        np.testing.assert_array_equal(a.y, b.y)
    assert (got.kind, got.num_classes, got.features) == (
        expected.kind, expected.num_classes, expected.features,
    )  # fmt: skip


def test_the_points_go_before_the_first_snapshot_and_only_when_they_change():
    sent: list = []
    experiment = Experiment.default()
    host = TrainingHost(experiment, sent.append)
    host.emit(force=True)
    assert isinstance(sent[0], protocol.DataReady) and isinstance(sent[1], protocol.SnapshotReady)
    assert_same_points(sent[0].data, build_data(experiment))
    for command in (protocol.Step(), protocol.SetLearningRate(0.1), protocol.Reset()):
        host.handle(command)
    batch = dataclasses.replace(experiment.training, batch_size=20)
    host.handle(protocol.UpdateExperiment(dataclasses.replace(experiment, training=batch)))
    assert len(data_sent(sent)) == 1  # the same points: not sent again
    noisy = dataclasses.replace(experiment, data=dataclasses.replace(experiment.data, noise=0.3))
    host.handle(protocol.UpdateExperiment(noisy))
    assert len(data_sent(sent)) == 2
    assert isinstance(sent[-2], protocol.DataReady) and sent[-2].generation == host.generation
    assert_same_points(sent[-2].data, build_data(noisy))


def test_only_the_raw_points_are_sent_not_the_feature_matrices():
    sent: list = []
    host = TrainingHost(Experiment.default(), sent.append)
    host.trainer.step()  # the trainer's own data now hold its feature matrices
    host.emit(force=True)
    (message,) = data_sent(sent)
    assert message.data is not host.trainer.data
    assert "x_train" not in vars(message.data)
