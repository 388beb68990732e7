"""The host's speed control: one step at a time on a steady beat, every step shown."""

from __future__ import annotations

import numpy as np
import pytest

from nnsim.training import protocol
from nnsim.training.experiment import Experiment
from nnsim.training.experiment.schema import SPEEDS
from nnsim.training.host import TAKEN_WAIT, TrainingHost


class FakeClock:
    """Stands still until the test moves it."""

    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


class TickingClock(FakeClock):
    """Moves 0.1 ms each time it is read (so a flat-out slice ends)."""

    def __call__(self) -> float:
        self.now += 0.0001
        return self.now


def make_host(clock):
    sent: list = []
    host = TrainingHost(Experiment.default(), sent.append, clock=clock)
    return host, sent


def snapshots(sent):
    return [m.snapshot for m in sent if isinstance(m, protocol.SnapshotReady)]


def take_all(host, sent, taken: list) -> None:
    """Acknowledge every running snapshot not yet acknowledged, as the window does."""
    for snapshot in snapshots(sent)[len(taken) :]:
        taken.append(snapshot)
        if snapshot.running:
            host.handle(protocol.Taken())


def test_at_10_steps_per_second_exactly_one_step_per_tenth_of_a_second():
    clock = FakeClock()
    host, sent = make_host(clock)
    taken: list = []
    host.handle(protocol.SetSpeed(10.0))
    host.handle(protocol.Play())
    steps = []
    for _ in range(30):
        take_all(host, sent, taken)
        for _ in range(5):  # however often the loop looks, nothing before the beat
            host.train_slice()
            take_all(host, sent, taken)
        steps.append(host.trainer.steps_done)
        clock.now += 0.1
    assert steps == list(range(1, 31))
    trained = [s.step for s in snapshots(sent) if s.step > 0]
    assert trained == list(range(1, 31))  # a snapshot of every step, each once
    assert host.steps_per_second == pytest.approx(10.0)


@pytest.mark.parametrize("speed", [s for s in SPEEDS if s != "max"])
def test_each_speed_keeps_its_beat_over_a_fake_second(speed):
    clock = FakeClock()
    host, sent = make_host(clock)
    taken: list = []
    host.handle(protocol.SetSpeed(float(speed)))
    host.handle(protocol.Play())
    tick = min(0.1, 1.0 / speed)  # how often the serve loop would look
    for _ in range(round(1.0 / tick)):
        take_all(host, sent, taken)
        host.train_slice()
        clock.now += tick
    assert host.trainer.steps_done == max(1, speed)  # 1 step/s: the one at Play, then 1 s
    if speed <= 30:  # no faster than the snapshots: every step sent
        assert [s.step for s in snapshots(sent) if s.step > 0] == list(range(1, speed + 1))
    else:
        assert len(snapshots(sent)) <= 32  # the usual ~30 a second


def test_a_fast_speed_keeps_its_rate_when_the_loop_looks_rarely():
    clock = FakeClock()
    host, sent = make_host(clock)
    taken: list = []
    host.handle(protocol.SetSpeed(1000.0))
    host.handle(protocol.Play())
    for _ in range(100):  # woken every 10 ms (a busy machine): the 10 steps due each time
        take_all(host, sent, taken)
        host.train_slice()
        clock.now += 0.01
    assert host.trainer.steps_done == 991  # the beats in [0, 0.99 s]: 1 + 99 looks × 10
    assert host.steps_per_second == pytest.approx(1000.0, rel=0.5)  # batches of 10


def test_a_step_a_little_late_keeps_the_beat():
    clock = FakeClock()
    host, sent = make_host(clock)
    taken: list = []
    host.handle(protocol.SetSpeed(10.0))
    host.handle(protocol.Play())
    take_all(host, sent, taken)
    host.train_slice()  # at t = 0, next due at 0.1
    clock.now += 0.13  # 30 ms late (within CATCH_UP_SECONDS)
    take_all(host, sent, taken)
    host.train_slice()
    assert host.trainer.steps_done == 2
    assert host.seconds_to_wait() is not None
    take_all(host, sent, taken)
    assert host.seconds_to_wait() == pytest.approx(0.07)  # due at 0.2: on the beat


def test_a_step_waits_until_the_window_has_taken_the_last_one():
    clock = FakeClock()
    host, _sent = make_host(clock)
    host.handle(protocol.SetSpeed(5.0))
    host.handle(protocol.Play())  # its snapshot is on its way, not yet taken
    host.train_slice()
    assert host.trainer.steps_done == 0
    assert host.seconds_to_wait() == TAKEN_WAIT
    host.handle(protocol.Taken())
    assert host.seconds_to_wait() == 0.0
    host.train_slice()
    assert host.trainer.steps_done == 1
    assert host.seconds_to_wait() is not None


def test_no_burst_after_a_slow_moment():
    clock = FakeClock()
    host, sent = make_host(clock)
    taken: list = []
    host.handle(protocol.SetSpeed(10.0))
    host.handle(protocol.Play())
    take_all(host, sent, taken)
    host.train_slice()
    assert host.trainer.steps_done == 1
    clock.now += 5.0  # 50 beats missed (the window was busy, the machine asleep …)
    for _ in range(10):
        take_all(host, sent, taken)
        host.train_slice()
    assert host.trainer.steps_done == 2  # one step, not 50
    assert host.seconds_to_wait() == pytest.approx(0.1)  # the beat starts again from here


def test_seconds_to_wait_paused_flat_out_and_paced():
    clock = FakeClock()
    host, _sent = make_host(clock)
    assert host.seconds_to_wait() is None  # paused: until a command comes
    host.handle(protocol.Play())
    assert host.seconds_to_wait() == 0.0  # flat out
    host.handle(protocol.Taken())
    host.handle(protocol.Taken())
    host.handle(protocol.SetSpeed(2.0))
    host.handle(protocol.Taken())
    host.train_slice()
    assert host.trainer.steps_done == 1
    host.handle(protocol.Taken())
    clock.now += 0.2
    assert host.seconds_to_wait() == pytest.approx(0.3)


def test_a_new_speed_while_playing_takes_effect_at_once_and_keeps_the_run():
    clock = FakeClock()
    host, sent = make_host(clock)
    taken: list = []
    host.handle(protocol.SetSpeed(1.0))
    host.handle(protocol.Play())
    take_all(host, sent, taken)
    host.train_slice()
    assert host.trainer.steps_done == 1
    weights = host.trainer.network.layers[0].W.copy()
    generation = host.generation
    clock.now += 0.3
    host.handle(protocol.SetSpeed(10.0))  # the next step is due at once, not in 0.7 s
    take_all(host, sent, taken)
    host.train_slice()
    assert host.trainer.steps_done == 2 and host.playing
    assert host.generation == generation  # not a new state: the window keeps its snapshots
    assert not np.array_equal(host.trainer.network.layers[0].W, weights)  # trained on


def test_a_slower_speed_waits_a_whole_new_beat():
    clock = FakeClock()
    host, sent = make_host(clock)
    taken: list = []
    host.handle(protocol.SetSpeed(10.0))
    host.handle(protocol.Play())
    take_all(host, sent, taken)
    host.train_slice()
    clock.now += 0.05
    host.handle(protocol.SetSpeed(1.0))
    take_all(host, sent, taken)
    assert host.seconds_to_wait() == pytest.approx(0.95)


def test_flat_out_is_unchanged_after_a_speed_was_set():
    clock = TickingClock()
    host, _sent = make_host(clock)
    host.handle(protocol.SetSpeed(10.0))
    host.handle(protocol.SetSpeed(None))
    host.handle(protocol.Play())
    host.handle(protocol.Taken())
    host.handle(protocol.Taken())
    host.handle(protocol.Taken())
    host.train_slice(0.02)  # as in test_host: one clock reading (0.1 ms) per step
    assert host.trainer.steps_done == 199


def test_step_trains_one_step_at_any_speed():
    clock = FakeClock()
    host, sent = make_host(clock)
    host.handle(protocol.SetSpeed(1.0))
    host.handle(protocol.Step())
    host.handle(protocol.Step())
    assert host.trainer.steps_done == 2 and not host.playing
    assert [s.step for s in snapshots(sent)] == [0, 1, 2]  # SetSpeed answers too


def test_the_speed_outlives_a_reset_and_a_new_experiment():
    clock = FakeClock()
    host, _sent = make_host(clock)
    host.handle(protocol.SetSpeed(30.0))
    host.handle(protocol.Reset())
    host.handle(protocol.SetExperiment(Experiment.default()))
    assert host.speed == 30.0


@pytest.mark.parametrize("bad", [0.0, -1.0, float("inf"), float("nan")])
def test_a_bad_speed_is_refused_and_the_old_one_kept(bad):
    host, sent = make_host(FakeClock())
    host.handle(protocol.SetSpeed(5.0))
    host.handle(protocol.SetSpeed(bad))
    assert host.speed == 5.0
    refusals = [m.text for m in sent if isinstance(m, protocol.Refused)]
    assert refusals and "steps per second" in refusals[-1]
