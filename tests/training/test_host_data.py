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


def custom(n: int, seed: int) -> Experiment:
    from nnsim.engine.datasets import make_dataset
    from nnsim.training.data import with_custom_points

    return with_custom_points(Experiment.default(), make_dataset("circle", n, 0.1, seed=seed))


def test_a_later_snapshot_carries_neither_the_experiment_nor_its_points_again():
    """100 000 points made every snapshot 3 MB (issue 15): the experiment goes when it
    changed, its points only when they changed, and the window's side puts them back."""
    import pickle

    from nnsim.training.snapshot import from_the_pipe

    sent: list = []
    experiment = custom(3000, seed=1)
    host = TrainingHost(experiment, sent.append)
    host.emit(force=True)
    host.handle(protocol.Step())
    host.handle(protocol.SetLearningRate(0.1))
    wire = [m.snapshot for m in sent if isinstance(m, protocol.SnapshotReady)]
    assert wire[0].experiment == experiment  # the first: whole
    assert wire[1].experiment is None  # the same experiment: not sent again
    assert wire[2].experiment.training.optimizer.lr == 0.1  # edited: sent, but not its points
    assert wire[2].experiment.data.points is None
    sizes = [len(pickle.dumps(s)) for s in wire]
    points = len(pickle.dumps(experiment.data.points))
    assert sizes[0] - max(sizes[1:]) > 0.9 * points  # what was saved: the points' bytes
    other = custom(3000, seed=2)
    host.handle(protocol.UpdateExperiment(other))
    wire = [m.snapshot for m in sent if isinstance(m, protocol.SnapshotReady)]
    assert wire[-1].experiment == other  # new points: sent whole
    received, last = [], None
    for snapshot in wire:
        last = from_the_pipe(snapshot, last).experiment
        received.append(last)
    lr_edited = host.trainer.experiment
    assert received[:2] == [experiment, experiment]
    assert received[2].data == experiment.data and received[2].training.optimizer.lr == 0.1
    assert received[-1] == lr_edited == other
