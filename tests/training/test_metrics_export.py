"""File ▸ Export ▸ Metrics CSV in the training process: every step recorded, written as
``nnsim run`` writes metrics.csv (issue 13, "Exports")."""

from __future__ import annotations

import csv
import os
import sys

import pytest

from nnsim.__main__ import main
from nnsim.training import protocol
from nnsim.training.experiment import Experiment, save_experiment
from nnsim.training.host import TrainingHost
from nnsim.training.metrics_log import BLOCK_ROWS, MetricsLog, metrics_header
from nnsim.training.trainer import Trainer


class Clock:
    """Moves 0.1 ms each time it is read, so a slice trains a known number of steps."""

    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        self.now += 0.0001
        return self.now


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.reader(f))


def replies(sent):
    return [m for m in sent if isinstance(m, protocol.MetricsExported)]


def play_until(host: TrainingHost, steps: int) -> None:
    host.handle(protocol.Play())
    while host.trainer.steps_done < steps:
        host.handle(protocol.Taken())
        host.train_slice(0.02)
    host.handle(protocol.Pause())


def test_every_step_is_exported_with_nnsim_runs_columns(tmp_path):
    sent = []
    host = TrainingHost(Experiment.default(), sent.append, clock=Clock())
    host.handle(protocol.Step())
    host.handle(protocol.Step())
    play_until(host, BLOCK_ROWS + 300)  # past a block written to disk
    host.handle(protocol.Step())
    total = host.trainer.steps_done
    path = tmp_path / "m.csv"
    host.handle(protocol.ExportMetrics(str(path)))
    assert replies(sent) == [protocol.MetricsExported(str(path), total, "")]
    header, *rows = read_csv(path)
    assert header == metrics_header(host.trainer.network.depth)
    assert [int(r[0]) for r in rows] == list(range(1, total + 1))
    every = host.trainer.experiment.training.eval_every
    evaluated = [int(r[0]) for r in rows if r[header.index("test_accuracy")]]
    assert evaluated == list(range(every, total + 1, every))  # accuracies included


def test_the_export_equals_nnsim_run_on_the_same_experiment(tmp_path):
    experiment = Experiment.default()
    sent = []
    host = TrainingHost(experiment, sent.append, clock=Clock())
    play_until(host, BLOCK_ROWS + 100)
    host.handle(protocol.Step())  # a single step continues the same run
    steps = host.trainer.steps_done
    host.handle(protocol.ExportMetrics(str(tmp_path / "window.csv")))
    save_experiment(experiment, tmp_path / "e.json")
    out = tmp_path / "run"
    assert main(["run", str(tmp_path / "e.json"), "--steps", str(steps), "--out", str(out)]) == 0
    assert read_csv(tmp_path / "window.csv") == read_csv(out / "metrics.csv")


def test_a_reset_or_a_new_experiment_starts_the_history_again(tmp_path):
    sent = []
    host = TrainingHost(Experiment.default(), sent.append)
    path = str(tmp_path / "m.csv")
    host.handle(protocol.ExportMetrics(path))
    assert replies(sent)[-1] == protocol.MetricsExported(
        path, 0, "Nothing to export yet: train a step first"
    )
    assert not os.path.exists(path)
    for _ in range(3):
        host.handle(protocol.Step())
    host.handle(protocol.Reset())
    host.handle(protocol.Step())
    host.handle(protocol.ExportMetrics(path))
    assert replies(sent)[-1].rows == 1 and len(read_csv(path)) == 2
    host.handle(protocol.SetExperiment(Experiment.default()))
    host.handle(protocol.ExportMetrics(path))
    assert replies(sent)[-1].rows == 0 and len(read_csv(path)) == 2  # the old file kept


def test_an_edit_that_keeps_the_weights_keeps_the_history(tmp_path):
    sent = []
    host = TrainingHost(Experiment.default(), sent.append)
    host.handle(protocol.Step())
    host.handle(protocol.SetLearningRate(0.05))
    host.handle(protocol.Step())
    host.handle(protocol.ExportMetrics(str(tmp_path / "m.csv")))
    rows = read_csv(tmp_path / "m.csv")[1:]
    assert [r[0] for r in rows] == ["1", "2"] and rows[1][2] == repr(0.05)


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="needs permissions")
def test_an_unwritable_folder_is_said_and_nothing_is_written(tmp_path):
    sent = []
    host = TrainingHost(Experiment.default(), sent.append)
    host.handle(protocol.Step())
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        host.handle(protocol.ExportMetrics(str(locked / "m.csv")))
        assert list(locked.iterdir()) == []
    finally:
        locked.chmod(0o700)
    reply = replies(sent)[-1]
    assert (
        reply.rows == 0 and reply.error == f"Could not write {locked / 'm.csv'}: Permission denied"
    )


def test_a_missing_folder_is_said(tmp_path):
    sent = []
    host = TrainingHost(Experiment.default(), sent.append)
    host.handle(protocol.Step())
    path = tmp_path / "no" / "m.csv"
    host.handle(protocol.ExportMetrics(str(path)))
    assert replies(sent)[-1].error == f"Could not write {path}: No such file or directory"


def test_the_log_keeps_at_most_a_block_in_memory():
    trainer = Trainer(Experiment.default())
    log = MetricsLog()
    for _ in range(3 * BLOCK_ROWS + 5):
        log.record(trainer.step())
    assert log.rows == 3 * BLOCK_ROWS + 5
    assert log.in_memory == 5  # the rest is on disk
    assert [r.step for r in log.results()] == list(range(1, 3 * BLOCK_ROWS + 6))
