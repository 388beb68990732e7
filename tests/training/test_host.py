"""The training host: commands in, snapshots out, and the window's pace respected."""

from __future__ import annotations

import multiprocessing
import threading

import numpy as np

from nnsim.training import protocol
from nnsim.training.experiment import Experiment, with_optimizer_param
from nnsim.training.host import TrainingHost, serve


def make_host():
    sent = []
    host = TrainingHost(Experiment.default(), sent.append)
    return host, sent


def snapshots(sent):
    return [m.snapshot for m in sent if isinstance(m, protocol.SnapshotReady)]


def test_every_command_answers_with_a_snapshot():
    host, sent = make_host()
    host.handle(protocol.Step())
    host.handle(protocol.Step())
    assert [s.step for s in snapshots(sent)] == [1, 2]
    host.handle(protocol.Reset())
    assert snapshots(sent)[-1].step == 0
    assert np.array_equal(snapshots(sent)[-1].weights["W1"], host.trainer.initial_state["W1"])


class Clock:
    """A clock that moves 0.1 ms each time it is read, and jumps when told to."""

    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        self.now += 0.0001
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def test_play_trains_in_slices_until_paused():
    clock = Clock()
    sent = []
    host = TrainingHost(Experiment.default(), sent.append, clock=clock)
    host.handle(protocol.Play())
    assert host.playing and snapshots(sent)[-1].running
    host.handle(protocol.Taken())
    host.train_slice(0.02)  # the next snapshot is 33 ms away: the slice runs its 20 ms
    assert host.trainer.steps_done == 199  # one clock reading (0.1 ms) per step
    host.handle(protocol.Pause())
    assert not host.playing and not snapshots(sent)[-1].running


def test_at_most_two_snapshots_ahead_of_the_window():
    clock = Clock()
    sent = []
    host = TrainingHost(Experiment.default(), sent.append, clock=clock)
    host.handle(protocol.Play())  # one running snapshot on its way
    clock.advance(1.0)
    host.train_slice(0.01)  # a second may follow while the window draws the first
    count = len(snapshots(sent))
    assert count == 2  # play's snapshot and the timed one
    clock.advance(1.0)
    steps = host.trainer.steps_done
    host.train_slice(0.01)
    assert host.trainer.steps_done > steps and len(snapshots(sent)) == count  # none sent
    host.handle(protocol.Taken())
    clock.advance(1.0)
    host.train_slice(0.01)
    assert len(snapshots(sent)) == count + 1


def test_live_learning_rate_change_is_marked_and_bad_input_keeps_the_state():
    host, sent = make_host()
    host.handle(protocol.Step())
    host.handle(protocol.SetLearningRate(0.3))
    assert snapshots(sent)[-1].markers == ((1, "lr 0.03 → 0.3"),)
    assert snapshots(sent)[-1].step == 1  # no reset
    host.handle(protocol.SetLearningRate(-1.0))
    assert isinstance(sent[-2], protocol.Refused) and "lr" in sent[-2].text
    assert host.trainer.experiment.training.optimizer.params["lr"] == 0.3
    d = Experiment.default().to_dict()
    d["data"]["dataset"] = "xor"
    host.handle(protocol.SetExperiment(Experiment.from_dict(d)))
    assert snapshots(sent)[-1].step == 0 and snapshots(sent)[-1].markers == ()
    assert snapshots(sent)[-1].experiment.data.dataset == "xor"


def test_editing_a_weight_by_hand():
    host, sent = make_host()
    host.handle(protocol.SetWeight(1, 2, 1, 0.75))
    assert snapshots(sent)[-1].weights["W1"][2, 1] == 0.75


def test_serve_over_a_pipe_until_quit():
    ours, theirs = multiprocessing.Pipe()
    exp = with_optimizer_param(Experiment.default(), "lr", 0.1)
    thread = threading.Thread(target=serve, args=(theirs, exp))
    thread.start()
    assert isinstance(ours.recv(), protocol.DataReady)  # the points, before the first frame
    first = ours.recv()
    assert isinstance(first, protocol.SnapshotReady)
    assert first.snapshot.step == 0 and first.snapshot.lr == 0.1
    ours.send(protocol.Step())
    assert ours.recv().snapshot.step == 1
    ours.send(protocol.Quit())
    thread.join(5)
    assert not thread.is_alive()


def test_editing_a_bias_by_hand():
    host, sent = make_host()
    host.handle(protocol.SetBias(2, 1, -0.5))
    assert snapshots(sent)[-1].weights["b2"][1] == -0.5


def test_an_unexpected_error_ends_serve_with_its_traceback():
    import multiprocessing
    import threading

    from nnsim.training.host import serve

    ours, theirs = multiprocessing.Pipe()
    thread = threading.Thread(target=serve, args=(theirs, Experiment.default()))
    thread.start()
    ours.send(("no_such_command",))
    received = []
    while True:
        try:
            received.append(ours.recv())
        except EOFError:
            break
    thread.join(5)
    crash = received[-1]
    assert isinstance(crash, protocol.Crashed)
    assert "TypeError: not a training command" in crash.traceback.splitlines()[-1]


def test_request_state_answers_with_the_whole_trainer_state_of_its_generation():
    host, sent = make_host()
    for _ in range(3):
        host.handle(protocol.Step())
    host.handle(protocol.RequestState())
    replies = [m for m in sent if isinstance(m, protocol.StateReady)]
    assert len(replies) == 1 and replies[0].generation == 0
    state = replies[0].state
    assert "history" not in state  # the window has the rows already
    assert state["steps_done"] == 3 and state["optimizer"] == host.trainer.optimizer.state_dict()
    assert np.array_equal(state["network"]["W1"], host.trainer.network.state()["W1"])
    host.handle(protocol.Reset())
    host.handle(protocol.RequestState())
    last = [m for m in sent if isinstance(m, protocol.StateReady)][-1]
    assert last.generation == 1 and last.state["steps_done"] == 0


def test_another_runs_state_or_a_reset_starts_the_coach_afresh():
    """A compare run's state ("Use this run") or a reset: the coach's findings and the change
    markers were the old run's, so the next snapshot carries none of them."""
    from nnsim.training.trainer import Trainer
    from nnsim.training.variations import with_settings

    dead = with_settings(
        Experiment.default(),
        {
            "training.optimizer.lr": 10,
            "network.hidden_layers.0.activation": "relu",
            "network.hidden_layers.1.activation": "relu",
        },
    )
    healthy = Trainer(with_optimizer_param(dead, "lr", 0.01))  # the same network, healthy
    for _ in range(300):
        healthy.step()
    for command in (protocol.LoadState(healthy.state_dict()), protocol.Reset()):
        host = TrainingHost(dead, (sent := []).append)
        host.handle(protocol.SetLearningRate(5.0))  # a change marker
        for _ in range(150):
            host.handle(protocol.Step())
        assert [d.code for d in snapshots(sent)[-1].diagnoses] == ["dead_relu"]
        host.handle(command)
        last = snapshots(sent)[-1]
        assert last.diagnoses == () and last.markers == (), command


def test_playing_flat_out_the_evaluations_are_the_trainers_own():
    """Snapshots while playing take the evaluation of every eval_every steps, as headless:
    no rows at the moments the window drew; a pause evaluates the step it stopped at."""
    clock = Clock()
    sent = []
    host = TrainingHost(Experiment.default(), sent.append, clock=clock)
    host.handle(protocol.Play())  # the first snapshot evaluates step 0: there is none yet
    for _ in range(20):
        host.handle(protocol.Taken())
        clock.advance(0.05)  # a snapshot falls due in every slice
        host.train_slice(0.003)
    running = [s for s in snapshots(sent) if s.running and s.step > 0]
    assert len(running) >= 10
    every = host.trainer.experiment.training.eval_every
    for snapshot in running:
        assert snapshot.evaluation.step == snapshot.step - snapshot.step % every
    assert set(host.trainer.evaluations.column("step") % every) == {0}
    host.handle(protocol.Pause())
    paused = snapshots(sent)[-1]
    assert paused.evaluation.step == paused.step == host.trainer.steps_done


def test_shown_step_by_step_each_snapshot_evaluates_its_step():
    clock = Clock()
    sent = []
    host = TrainingHost(Experiment.default(), sent.append, clock=clock)
    host.handle(protocol.SetSpeed(5.0))
    host.handle(protocol.Play())
    for _ in range(12):
        host.handle(protocol.Taken())
        clock.advance(0.2)
        host.train_slice()
    shown = [s for s in snapshots(sent) if s.running and s.step > 0]
    assert len(shown) >= 10
    assert all(s.evaluation.step == s.step for s in shown)  # the readout follows each step
