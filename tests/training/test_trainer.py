"""The Trainer: steps, phases, metrics, divergence, reset and grid predictions."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from nnsim.training.data import grid_points
from nnsim.training.experiment import Experiment, LayerSpec
from nnsim.training.grid import GridPredictor
from nnsim.training.history import MetricHistory
from nnsim.training.phases import phase_titles
from nnsim.training.trainer import DivergedError, Trainer
from nnsim.training.variations import with_settings


def experiment(**changes) -> Experiment:
    """The default experiment with dotted-path changes, e.g. ``training__batch_size=5``."""
    dotted = {key.replace("__", "."): value for key, value in changes.items()}
    return with_settings(Experiment.default(), dotted)


RICH = dict(
    network__hidden_layers=[
        {"units": 5, "activation": "relu", "batch_norm": True, "dropout": 0.2},
        {"units": 3, "activation": "tanh"},
    ],
    training__optimizer={"name": "adam", "lr": 0.01},
    training__regularization={"kind": "l2", "rate": 0.001},
    training__grad_clip={"mode": "norm", "max_norm": 1.0},
)


@pytest.mark.parametrize("changes", [{}, RICH], ids=["default", "bn-dropout-adam-l2-clip"])
def test_phases_give_bit_identical_weights_to_step(changes):
    by_step, by_phase = Trainer(experiment(**changes)), Trainer(experiment(**changes))
    for _ in range(30):
        result = by_step.step()
        phases = list(by_phase.phases())
        assert np.array_equal(by_step.network.theta, by_phase.network.theta)
        assert phases[-1].result.loss == result.loss
    assert by_step.steps_done == by_phase.steps_done == 30


def test_phase_sequence_and_contents():
    trainer = Trainer(experiment())
    phases = list(trainer.phases())
    L = trainer.network.depth
    assert [p.title for p in phases] == phase_titles(L)
    first = phases[0]
    assert first.arrays["W"].shape == (4, 2)
    z = first.arrays["A_prev"] @ first.arrays["W"].T + first.arrays["b"]
    assert np.allclose(first.arrays["Z"], z)
    assert np.allclose(first.arrays["A"], np.tanh(z))
    backward_out = phases[L + 1]
    assert backward_out.title == f"Backward L{L}"
    # dZ of a sigmoid + cross-entropy output is (A − Y) / n
    loss_phase = phases[L]
    a, y = loss_phase.arrays["A"], loss_phase.arrays["Y"]
    assert np.allclose(backward_out.arrays["dZ"], (a - y.reshape(a.shape)) / len(y))
    update = phases[-1]
    lr = update.lr
    assert np.allclose(update.arrays["W1_step"], -lr * phases[-2].arrays["dW"])  # plain SGD
    assert np.array_equal(update.arrays["W1_new"], trainer.network.layers[0].W)


def test_phases_on_a_chosen_sample():
    trainer = Trainer(experiment())
    x = np.array([[1.0, 2.0]])
    y = np.array([1.0])
    phases = list(trainer.phases((x, y)))
    assert np.array_equal(phases[0].arrays["A_prev"], x)
    assert phases[-1].result.step == 1


def test_reset_restores_initial_weights_and_replays_identically():
    trainer = Trainer(experiment())
    initial = trainer.network.theta.copy()
    first = [trainer.step().loss for _ in range(40)]
    assert not np.array_equal(trainer.network.theta, initial)
    trainer.reset()
    assert trainer.steps_done == 0 and trainer.epochs_done == 0
    assert np.array_equal(trainer.network.theta, initial)
    assert [trainer.step().loss for _ in range(40)] == first


def test_same_seed_same_run_different_seed_different_run():
    a, b, c = Trainer(experiment()), Trainer(experiment()), Trainer(experiment(seed=1))
    a.run(20)
    b.run(20)
    c.run(20)
    assert np.array_equal(a.network.theta, b.network.theta)
    assert not np.array_equal(a.network.theta, c.network.theta)


def test_epochs_and_reshuffling():
    trainer = Trainer(experiment())  # 250 training points, batch 10: 25 steps an epoch
    seen = []
    for _ in range(25):
        x, _ = trainer.next_batch()
        seen.append(x)
    epoch1 = np.concatenate(seen)
    assert len(epoch1) == 250
    assert len(np.unique(epoch1, axis=0)) == len(np.unique(trainer.data.x_train, axis=0))
    x_next, _ = trainer.next_batch()
    assert not np.array_equal(x_next, seen[0])  # a new order for the new epoch
    trainer.reset()
    result = trainer.run(26)
    assert result.epoch == 2 and trainer.epochs_done == 1


def test_full_batch():
    trainer = Trainer(experiment(training__batch_size="all"))
    assert trainer.batch_size == len(trainer.data.train)
    assert trainer.step().epoch == 1
    assert trainer.step().epoch == 2


def test_metrics_every_step_and_evaluation_every_n():
    trainer = Trainer(experiment(training__eval_every=5))
    results = [trainer.step() for _ in range(12)]
    assert [r.step for r in results] == list(range(1, 13))
    assert [r.step for r in results if r.evaluation] == [5, 10]
    r = results[-1]
    assert r.grad_norms.shape == r.weight_norms.shape == r.update_ratios.shape == (3,)
    assert np.all(r.update_ratios > 0)
    assert np.array_equal(trainer.history.column("step"), np.arange(1, 13))
    assert trainer.history.column("grad_norm_2")[-1] == r.grad_norms[1]
    ev = trainer.evaluations.last()
    assert ev["step"] == 10 and 0.0 <= ev["test_accuracy"] <= 1.0


def test_loss_reported_before_the_update():
    trainer = Trainer(experiment())
    x, y = trainer.next_batch()
    trainer.reset()
    net = trainer.network
    net.forward(x)
    expected = net.loss_value(y)
    assert trainer.step().loss == expected


def test_training_learns_the_circle():
    trainer = Trainer(experiment(training__optimizer={"name": "adam", "lr": 0.03}))
    trainer.run(1500)
    assert trainer.evaluate().test_accuracy > 0.9


def test_learning_rate_change_takes_effect_on_the_next_step():
    trainer = Trainer(experiment())
    trainer.run(5)
    trainer.set_learning_rate(0.3)
    assert trainer.experiment.training.optimizer.params["lr"] == 0.3
    before = trainer.network.theta.copy()
    result = trainer.step()
    assert result.lr == 0.3
    assert np.allclose(trainer.network.theta - before, -0.3 * trainer.network.grad)


def test_step_schedule_by_epoch():
    trainer = Trainer(
        experiment(
            training__optimizer={"name": "sgd", "lr": 0.1},
            training__schedule={"name": "step", "unit": "epoch", "step_size": 1, "gamma": 0.5},
        )
    )
    lrs = [trainer.step().lr for _ in range(51)]
    assert lrs[0] == lrs[24] == 0.1
    assert lrs[25] == lrs[49] == 0.05
    assert lrs[50] == 0.025


def test_divergence_stops_with_a_learners_message_and_finite_state():
    exp = experiment(
        data__dataset="plane",
        network__hidden_layers=[{"units": 8, "activation": "relu"}] * 3,
        training__optimizer={"name": "sgd", "lr": 50.0},
    )
    trainer = Trainer(exp)
    result = trainer.run(500)
    assert result.diverged is not None
    assert trainer.diverged == result.diverged
    assert f"at step {result.step}" in result.diverged
    assert "learning rate 50 is too high" in result.diverged
    assert "try ≤ 5" in result.diverged
    assert np.all(np.isfinite(trainer.network.theta))
    with pytest.raises(DivergedError):
        trainer.step()
    trainer.reset()
    assert trainer.diverged is None


def test_metric_history_stays_bounded_over_a_million_steps():
    history = MetricHistory([f"c{i}" for i in range(40)], capacity=8192)
    row = np.zeros(40)
    for step in range(1, 1_000_001):
        row[0] = step
        history.append(row)
    assert history.nbytes <= 3 * 1024 * 1024
    steps = history.column("c0")
    assert len(steps) <= 8193
    assert steps[0] <= 256 and steps[-1] == 1_000_000
    assert np.all(np.diff(steps) > 0)


@pytest.mark.parametrize("steps", [0, 1, 7, 100, 1001])
def test_a_tables_rows_since_a_step_are_the_full_tables_rows_after_it(steps):
    history = MetricHistory(["step", "value"], capacity=64)  # downsampled past 64 rows
    for step in range(1, steps + 1):
        history.append([step, step * 0.5])
    full = history.table()
    first = history.first()
    assert (first is None) == (steps == 0)
    if first is not None:
        assert first.tolist() == full[0].tolist()
    for since in (-1, 0, 1, steps // 2, steps - 1, steps, steps + 5):
        rows = history.table(since=since)
        np.testing.assert_array_equal(rows, full[full[:, 0] > since])
        rows[:] = -1  # a copy: the history is not changed through it
    np.testing.assert_array_equal(history.table(), full)


def test_grid_predictions_match_the_network():
    trainer = Trainer(experiment(data__features=["x1", "x2", "x1_sq"]))
    trainer.run(10)
    grid = GridPredictor(trainer.data.features, 30)
    image = grid.output(trainer.network)
    assert image.shape == (30, 30)
    from nnsim.engine.features import feature_matrix

    expected = trainer.network.predict(feature_matrix(grid_points(30), ["x1", "x2", "x1_sq"]))
    assert np.allclose(image.ravel(), expected[:, 0])
    # row 0 is the top of the view (x2 = +6), column 0 the left (x1 = −6)
    assert np.allclose(grid.points[0], [-6.0, 6.0])
    neurons = grid.neurons(trainer.network)
    assert [n.shape[0] for n in neurons] == [3, 4, 2, 1]
    assert np.allclose(neurons[-1][0], image)


def test_multiclass_and_regression_train():
    multi = Trainer(experiment(data__dataset="blobs4"))
    assert multi.network.sizes[-1] == 4
    assert multi.run(50).loss > 0
    reg = Trainer(experiment(data__dataset="gaussians"))
    result = reg.run(50)
    assert np.isnan(reg.evaluate().test_accuracy) and result.loss > 0


def test_deep_sigmoid_net_shows_vanishing_gradients():
    layers = [dataclasses.asdict(LayerSpec(8, "sigmoid")) for _ in range(10)]
    trainer = Trainer(experiment(network__hidden_layers=layers))
    norms = trainer.step().grad_norms
    assert norms[0] < norms[-1] / 1000  # the first layer learns orders of magnitude slower


def test_binary_data_with_explicit_cross_entropy_trains():
    trainer = Trainer(experiment(loss="cross_entropy"))
    assert trainer.network.sizes[-1] == 2
    assert np.isfinite(trainer.run(30).loss)


# -- state_dict / load_state_dict ---------------------------------------------------------------
def same_run(a: Trainer, b: Trainer) -> None:
    """Two trainers in the same state, bit for bit, as far as anyone can see."""
    assert (a.steps_done, a.epochs_done, a.diverged) == (b.steps_done, b.epochs_done, b.diverged)
    for name, value in a.network.state().items():
        assert np.array_equal(value, b.network.state()[name]), name
    assert np.array_equal(a.history.table(), b.history.table(), equal_nan=True)
    assert np.array_equal(a.evaluations.table(), b.evaluations.table(), equal_nan=True)
    assert a.current_lr() == b.current_lr()
    assert a.last_evaluation == b.last_evaluation


STATEFUL = [
    {},  # SGD, constant rate
    RICH,  # Adam, batch-norm running statistics, dropout masks, L2, clipping
    dict(  # momentum, one-cycle cycling it by epoch, an odd batch size (epochs mid-run)
        training__optimizer={"name": "sgd", "lr": 0.05, "momentum": 0.9},
        training__schedule={"name": "one_cycle", "unit": "epoch", "total_steps": 30},
        training__batch_size=7,
    ),
    dict(  # a plateau schedule: its counters change every epoch
        training__optimizer={"name": "rmsprop", "lr": 0.01},
        training__schedule={"name": "plateau", "unit": "epoch", "patience": 0, "factor": 0.5},
        training__batch_size=3,
        training__eval_every=7,
    ),
]


@pytest.mark.parametrize("changes", STATEFUL)
def test_train_50_save_train_50_more_equals_train_100(changes):
    import pickle

    exp = experiment(**changes)
    straight = Trainer(exp)
    straight.run(100)
    first = Trainer(exp)
    first.run(50)
    state = pickle.loads(pickle.dumps(first.state_dict()))  # it crosses a process pipe
    first.run(7)  # the state is a copy: training on does not change it
    resumed = Trainer(exp)
    resumed.run(3)  # whatever it was doing is replaced
    resumed.load_state_dict(state)
    assert resumed.steps_done == 50
    resumed.run(50)
    same_run(resumed, straight)
    assert resumed.last_result.loss == straight.last_result.loss


def test_a_state_round_trip_keeps_a_diverged_run_diverged():
    exp = experiment(training__optimizer={"name": "sgd", "lr": 50.0},
                     network__hidden_layers=[{"units": 8, "activation": "relu"}] * 3,
                     data__dataset="plane")  # fmt: skip
    trainer = Trainer(exp)
    trainer.run(500)
    other = Trainer(exp)
    other.load_state_dict(trainer.state_dict())
    assert other.diverged == trainer.diverged is not None
    with pytest.raises(DivergedError):
        other.step()


def test_a_state_that_does_not_fit_is_refused_and_nothing_changes():
    trainer = Trainer(experiment())
    trainer.run(20)
    before = trainer.state_dict()
    wider = Trainer(experiment(network__hidden_layers=[{"units": 7, "activation": "tanh"}]))
    with pytest.raises(ValueError, match="state"):
        trainer.load_state_dict(wider.state_dict())
    broken = {**before, "optimizer": {"optimizer": "sgd"}}
    with pytest.raises(ValueError):
        trainer.load_state_dict(broken)
    with pytest.raises(ValueError):
        trainer.load_state_dict({"steps_done": 3})
    reference = Trainer(experiment())
    reference.run(20)
    same_run(trainer, reference)
    trainer.run(5)
    reference.run(5)
    same_run(trainer, reference)


def test_a_state_from_a_changed_optimizer_brings_its_optimizer():
    adam = experiment(training__optimizer={"name": "adam", "lr": 0.01})
    trainer = Trainer(adam)
    trainer.run(10)
    sgd = Trainer(experiment())  # same network and data, another optimizer
    sgd.load_state_dict(trainer.state_dict())
    assert sgd.optimizer.name == "adam" and sgd.experiment == trainer.experiment
    sgd.run(10)
    trainer.run(10)
    same_run(sgd, trainer)


def test_a_state_resumed_from_bare_weights_keeps_the_loaders_earlier_history():
    exp = experiment()
    window = Trainer(exp)
    window.run(30)
    lecture = Trainer(exp)  # as the lecture starts from a snapshot: weights and counters only
    lecture.network.load_state(window.network.state())
    lecture.steps_done, lecture.epochs_done = window.steps_done, window.epochs_done
    lecture.history_origin = 30
    window.run(3)  # the window ran on a little before it paused
    lecture.run(2)
    window.load_state_dict(lecture.state_dict())
    steps = window.history.column("step")
    assert steps.tolist() == list(range(1, 33)) and window.history_origin == 0
    assert (
        window.history.column("batch_loss")[30:].tolist()
        == lecture.history.column("batch_loss").tolist()
    )
    assert window.steps_done == 32 and np.array_equal(window.network.theta, lecture.network.theta)
