"""RunGroup: every run of a stack equals the same run trained alone by Trainer, step by step."""

from __future__ import annotations

import math

import numpy as np
import pytest

from nnsim.training.experiment import Experiment
from nnsim.training.run_group import RunGroup
from nnsim.training.trainer import DivergedError, Trainer
from nnsim.training.variations import with_settings

STEPS = 50
TOL = 1e-12


def experiment(**changes) -> Experiment:
    """The default experiment with dotted-path changes, e.g. ``training__batch_size=5``."""
    dotted = {key.replace("__", "."): value for key, value in changes.items()}
    return with_settings(Experiment.default(), dotted)


def relative_error(a: np.ndarray, b: np.ndarray) -> float:
    """max |a − b| / max |b|: relative to the vector's scale, so that one entry crossing 0
    (a bias of 1e-7 differing in its last bits) does not count as a large error. Entries
    that are not finite (an update ratio of inf) must be the same in both."""
    finite = np.isfinite(b)
    same = np.array_equal(a[~finite], b[~finite], equal_nan=True)
    if not same or not np.isfinite(a[finite]).all():
        return math.inf
    a, b = a[finite], b[finite]
    scale = float(np.max(np.abs(b), initial=0.0)) or 1.0
    return float(np.max(np.abs(a - b), initial=0.0)) / scale


def assert_equal_to_alone(experiments, steps: int = STEPS, stacked: bool = True) -> RunGroup:
    """Train ``experiments`` as a group and each alone; compare every step."""
    group = RunGroup(experiments)
    assert all(r.stacked for r in group.results) == stacked
    alone = [Trainer(e) for e in experiments]
    for s in range(steps):
        group.step()
        for run, trainer in zip(group.results, alone, strict=True):
            if trainer.diverged:
                assert run.diverged == trainer.diverged
                continue
            expected = trainer.step()
            got = run.last
            assert got.step == expected.step == s + 1
            assert got.epoch == expected.epoch
            assert got.lr == pytest.approx(expected.lr, rel=TOL, abs=0)
            assert got.loss == pytest.approx(expected.loss, rel=TOL, abs=0, nan_ok=True)
            assert got.reg_loss == pytest.approx(expected.reg_loss, rel=TOL, abs=1e-300)
            assert got.diverged == expected.diverged
            if expected.diverged:
                continue
            assert relative_error(got.grad_norms, expected.grad_norms) <= TOL
            assert relative_error(got.weight_norms, expected.weight_norms) <= TOL
            assert relative_error(got.update_ratios, expected.update_ratios) <= TOL
            got_w, want_w = run.weights(), trainer.network.state()
            names = trainer.network.parameter_names()
            assert (
                relative_error(
                    np.concatenate([got_w[n].ravel() for n in names]),
                    np.concatenate([want_w[n].ravel() for n in names]),
                )
                <= TOL
            ), s
            assert (got.evaluation is None) == (expected.evaluation is None)
            if expected.evaluation is not None:
                for field in ("train_loss", "test_loss", "train_accuracy", "test_accuracy"):
                    e, g = getattr(expected.evaluation, field), getattr(got.evaluation, field)
                    assert g == pytest.approx(e, rel=TOL, abs=0, nan_ok=True)
    return group


OPTIMIZERS = {
    "sgd": [{"lr": 0.1}, {"lr": 0.03, "weight_decay": 0.01}, {"lr": 0.3}],
    "sgd-momentum": [
        {"lr": 0.05, "momentum": 0.9},
        {"lr": 0.01, "momentum": 0.5, "dampening": 0.3},
    ],
    "sgd-nesterov": [
        {"lr": 0.05, "momentum": 0.9, "nesterov": True},
        {"lr": 0.02, "momentum": 0.8, "nesterov": True, "weight_decay": 0.001},
    ],
    "adagrad": [
        {"lr": 0.1},
        {"lr": 0.05, "lr_decay": 0.01, "initial_accumulator_value": 0.1, "weight_decay": 0.001},
    ],
    "rmsprop": [{"lr": 0.01}, {"lr": 0.005, "alpha": 0.9, "eps": 1e-6}],
    "rmsprop-centered-momentum": [
        {"lr": 0.003, "centered": True, "momentum": 0.9},
        {"lr": 0.001, "centered": True, "momentum": 0.5, "weight_decay": 0.01},
    ],
    "adam": [{"lr": 0.01}, {"lr": 0.03, "betas": [0.8, 0.99], "weight_decay": 0.001}],
    "adam-amsgrad": [{"lr": 0.01, "amsgrad": True}, {"lr": 0.02, "amsgrad": True, "eps": 1e-6}],
    "adamw": [{"lr": 0.01}, {"lr": 0.02, "weight_decay": 0.1, "betas": [0.85, 0.995]}],
}


@pytest.mark.parametrize("kind", list(OPTIMIZERS))
def test_every_optimizer_run_equals_the_run_alone(kind):
    name = kind.split("-")[0]
    runs = [
        experiment(seed=seed, training__optimizer={"name": name, **params})
        for seed, params in zip((0, 7, 11), OPTIMIZERS[kind], strict=False)
    ]
    runs.append(experiment(seed=3, training__optimizer={"name": name, **OPTIMIZERS[kind][0]}))
    assert_equal_to_alone(runs)


def test_mixed_optimizers_and_branches_share_one_stack():
    runs = [
        experiment(seed=s, training__optimizer={"name": name, **params})
        for s, (name, params) in enumerate(
            [
                ("sgd", {"lr": 0.1}),
                ("adam", {"lr": 0.01}),
                ("sgd", {"lr": 0.05, "momentum": 0.9}),
                ("rmsprop", {"lr": 0.01, "centered": True}),
                ("adam", {"lr": 0.01, "amsgrad": True}),
                ("sgd", {"lr": 0.2}),
            ]
        )
    ]
    group = assert_equal_to_alone(runs)
    assert len(group.stacks) == 1
    assert len(group.stacks[0].optimizer.groups) == 5  # one update call per kind and branch


SCHEDULES = {
    "constant": {"name": "constant"},
    "inverse_time": {"name": "inverse_time", "decay_rate": 0.05},
    "step": {"name": "step", "step_size": 7, "gamma": 0.5},
    "step-by-epoch": {"name": "step", "unit": "epoch", "step_size": 2, "gamma": 0.5},
    "exponential": {"name": "exponential", "gamma": 0.97, "warmup_steps": 5},
    "cosine": {"name": "cosine", "T_max": 30},
    "one_cycle": {"name": "one_cycle", "total_steps": 40},
    # mode "max" on a falling loss: no epoch improves, so the rate halves again and again
    "plateau": {"name": "plateau", "unit": "epoch", "patience": 1, "factor": 0.5, "mode": "max"},
}


@pytest.mark.parametrize("optimizer", ["sgd", "adam"])
@pytest.mark.parametrize("kind", list(SCHEDULES))
def test_every_schedule_run_equals_the_run_alone(kind, optimizer):
    momentum = {"momentum": 0.9} if optimizer == "sgd" else {}
    runs = [
        experiment(
            seed=seed,
            data__samples=60,  # 30 training points: 3 steps per epoch, epochs end often
            training__optimizer={"name": optimizer, "lr": lr, **momentum},
            training__schedule=SCHEDULES[kind],
        )
        for seed, lr in ((0, 0.1), (4, 0.03), (9, 0.3))
    ]
    assert_equal_to_alone(runs)


def test_runs_with_different_schedules_share_a_stack():
    runs = [
        experiment(seed=k, data__samples=60, training__schedule=spec)
        for k, spec in enumerate(SCHEDULES.values())
    ]
    assert_equal_to_alone(runs)


def test_regularisation_and_clipping_per_run():
    runs = [
        experiment(training__regularization={"kind": "l2", "rate": 0.01}),
        experiment(seed=1, training__regularization={"kind": "l1", "rate": 0.003}),
        experiment(seed=2, training__grad_clip={"mode": "norm", "max_norm": 0.05}),
        experiment(seed=3, training__grad_clip={"mode": "value", "clip_value": 0.01}),
        experiment(seed=4, training__optimizer={"name": "sgd", "lr": 1.0}),
    ]
    assert_equal_to_alone(runs)


@pytest.mark.parametrize(
    "dataset, loss", [("spiral3", "auto"), ("plane", "auto"), ("circle", "mse")]
)
def test_multiclass_and_regression_runs(dataset, loss):
    runs = [
        experiment(seed=s, data__dataset=dataset, loss=loss, training__eval_every=7)
        for s in range(3)
    ]
    assert_equal_to_alone(runs, steps=30)


@pytest.mark.parametrize("optimizer", ["sgd-momentum", "adam", "rmsprop"])
def test_dropout_runs_are_stacked_and_equal_the_runs_alone(optimizer):
    name = optimizer.split("-")[0]
    runs = [
        experiment(seed=s, network__dropout=0.3, training__optimizer={"name": name, **params},
                   training__schedule={"name": "cosine", "T_max": 40})
        for s, params in zip((0, 5, 9), OPTIMIZERS[optimizer] * 2, strict=False)
    ]  # fmt: skip
    runs.append(experiment(seed=2, network__dropout=0.3))
    group = assert_equal_to_alone(runs)
    assert len(group.stacks) == 1


def test_different_architectures_fall_back_to_trainers():
    layers = [{"units": 5, "activation": "relu"}]
    runs = [
        experiment(),
        experiment(seed=1),
        experiment(network__hidden_layers=layers),  # alone: no other run has this shape
        experiment(network__batch_norm=True),  # batch-norm is not stacked
        experiment(seed=2, network__dropout=0.2),  # nor dropout
        experiment(seed=3, training__batch_size=5),  # another batch size
    ]
    group = RunGroup(runs)
    assert [r.stacked for r in group.results] == [True, True, False, False, False, False]
    alone = [Trainer(e) for e in runs]
    for _ in range(20):
        group.step()
        for run, trainer in zip(group.results, alone, strict=True):
            trainer.step()
            assert run.last.loss == pytest.approx(trainer.last_result.loss, rel=TOL)
            assert relative_error(run.weights()["W1"], trainer.network.state()["W1"]) <= TOL


def test_a_momentum_that_one_cycle_takes_through_zero_trains_alone():
    cycle = {"name": "one_cycle", "total_steps": 40, "base_momentum": 0.0}
    runs = [
        experiment(training__optimizer={"name": "sgd", "lr": 0.1, "momentum": 0.9}),
        experiment(seed=1, training__optimizer={"name": "sgd", "lr": 0.1, "momentum": 0.9}),
        experiment(seed=2, training__schedule=cycle),  # μ = 0 at the peak: its branch changes
        experiment(seed=3, training__schedule=cycle),
    ]
    group = RunGroup(runs)
    assert [r.stacked for r in group.results] == [True, True, False, False]
    alone = Trainer(runs[2])
    for _ in range(30):
        group.step()
        assert group.results[2].last.loss == alone.step().loss


def test_a_diverging_run_stops_alone():
    runs = [
        experiment(data__dataset="plane", training__optimizer={"name": "sgd", "lr": lr})
        for lr in (0.1, 100.0, 0.03)  # 100 makes a weight inf at step 62
    ]
    group = assert_equal_to_alone(runs, steps=80)
    diverged = [r.diverged for r in group.results]
    assert diverged[0] is None and diverged[2] is None
    assert "too high" in diverged[1]
    stopped_at = group.results[1].last.step
    assert stopped_at < 80 and group.results[0].last.step == 80
    assert np.isnan(group.results[1].column("batch_loss")[stopped_at:]).all()
    frozen = group.results[1].weights()
    group.step()
    assert all(np.array_equal(v, group.results[1].weights()[k]) for k, v in frozen.items())


def test_a_stack_whose_runs_all_diverged_refuses_to_step():
    runs = [
        experiment(seed=s, data__dataset="plane", training__optimizer={"name": "sgd", "lr": 100.0})
        for s in range(2)
    ]
    group = RunGroup(runs)
    group.run(100)
    assert not group.any_alive
    with pytest.raises(DivergedError):
        group.stacks[0].step()


def test_history_columns_and_evaluations_match_the_trainer():
    runs = [experiment(seed=s, training__eval_every=5) for s in range(3)]
    group = RunGroup(runs)
    group.run(25)
    for run, e in zip(group.results, runs, strict=True):
        trainer = Trainer(e)
        trainer.run(25)
        for name in ("step", "epoch", "lr", "batch_loss", "grad_norm_1", "update_ratio_2"):
            assert np.allclose(run.column(name), trainer.history.column(name), rtol=TOL, atol=0)
        evaluations = run.evaluations.table(), trainer.evaluations.table()
        assert np.allclose(*evaluations, rtol=TOL, atol=0, equal_nan=True)
        assert run.last_evaluation.step == 25
    with pytest.raises(KeyError, match="allowed"):
        group.results[0].column("nonsense")


# -- a run's state, taken out of the group --------------------------------------------------

CONTINUED = {
    "sgd-momentum": {"training__optimizer": {"name": "sgd", "lr": 0.05, "momentum": 0.9}},
    "adam": {"training__optimizer": {"name": "adam", "lr": 0.01}},
    "step-schedule": {
        "training__optimizer": {"name": "sgd", "lr": 0.1, "momentum": 0.5},
        "training__schedule": {"name": "step", "unit": "epoch", "step_size": 2, "gamma": 0.5},
    },
    "one-cycle": {
        "training__optimizer": {"name": "adam", "lr": 0.01},
        "training__schedule": {"name": "one_cycle", "total_steps": 60},
    },
    "dropout": {"network__dropout": 0.25, "training__optimizer": {"name": "adam", "lr": 0.01}},
    "plateau": {
        "training__schedule": {"name": "plateau", "unit": "epoch", "patience": 1,
                               "factor": 0.5, "mode": "max"},
    },
}  # fmt: skip


def flat(weights: dict[str, np.ndarray], names: list[str]) -> np.ndarray:
    return np.concatenate([weights[n].ravel() for n in names])


@pytest.mark.parametrize("kind", list(CONTINUED))
def test_a_runs_state_continues_in_a_trainer_as_in_the_group(kind):
    """17 steps cross epochs (3 steps each) and evaluations (every 5): the state taken then
    holds the optimizer's buffers, the schedule, the data order and the histories."""
    runs = [
        experiment(seed=s, data__samples=60, training__eval_every=5, **CONTINUED[kind])
        for s in range(3)
    ]
    group = RunGroup(runs)
    assert all(r.stacked for r in group.results)
    group.run(17)
    alone = Trainer(runs[1])
    alone.run(17)
    state = group.results[1].state_dict()
    want = alone.state_dict()
    assert state.keys() == want.keys()
    for key in ("steps_done", "epochs_done", "batch_index", "shuffle_rng", "diverged"):
        assert state[key] == want[key], key
    assert np.array_equal(state["epoch_order"], want["epoch_order"])
    schedule, expected = (
        {**d, "state": {k: v for k, v in d["state"].items() if k != "best"}}
        for d in (state["schedule"], want["schedule"])
    )
    assert schedule == expected
    best = state["schedule"]["state"].get("best"), want["schedule"]["state"].get("best")
    if best[1] is not None:  # plateau's best loss: a mean of the run's losses, as close as they
        assert best[0] == pytest.approx(best[1], rel=TOL, abs=0)
    assert np.allclose(state["epoch_losses"], want["epoch_losses"], rtol=TOL, atol=0)
    assert state["optimizer"]["hyperparameters"] == want["optimizer"]["hyperparameters"]
    for got, expected in zip(state["optimizer"]["state"], want["optimizer"]["state"], strict=True):
        assert got.keys() == expected.keys() and got["step"] == expected["step"] == 17
        for name in set(got) - {"step"}:
            assert relative_error(got[name], expected[name]) <= TOL, name
    for name in ("history", "evaluations"):
        got_rows, want_rows = state[name]["rows"], want[name]["rows"]
        assert got_rows.shape == want_rows.shape and len(got_rows) == {"history": 17}.get(name, 3)
        assert np.allclose(got_rows, want_rows, rtol=1e-12, atol=1e-15, equal_nan=True), name
    assert state["last_result"].step == 17 and state["last_evaluation"].step == 15

    restored = Trainer(runs[1])
    restored.load_state_dict(state)
    names = restored.network.parameter_names()
    for _ in range(20):
        group.step()
        expected = restored.step()
        got = group.results[1].last
        assert (got.step, got.epoch) == (expected.step, expected.epoch)
        assert got.lr == pytest.approx(expected.lr, rel=TOL, abs=0)
        assert got.loss == pytest.approx(expected.loss, rel=TOL, abs=0)
        want_w = flat(restored.network.state(), names)
        assert relative_error(flat(group.results[1].weights(), names), want_w) <= TOL
    assert restored.history.column("step").tolist() == list(range(1, 38))
    assert group.results[1].state_dict()["steps_done"] == 37  # the group went on regardless


def test_a_diverged_runs_state_is_its_trainers_at_the_stop():
    relu = [{"units": 8, "activation": "relu"}] * 3
    runs = [
        experiment(data__dataset="plane", network__hidden_layers=relu,
                   training__optimizer={"name": "sgd", "lr": lr})
        for lr in (0.01, 100.0, 30.0)  # 100: a weight becomes inf; 30: the loss (step 47)
    ]  # fmt: skip
    group = RunGroup(runs)
    group.run(80)
    for k in (1, 2):
        alone = Trainer(runs[k])
        alone.run(80)
        assert alone.diverged and group.results[k].diverged == alone.diverged
        assert ("loss became" in alone.diverged) == (k == 2)
        state, want = group.results[k].state_dict(), alone.state_dict()
        for key in ("steps_done", "epochs_done", "batch_index", "shuffle_rng", "diverged"):
            assert state[key] == want[key], (k, key)
        assert state["last_result"].step == want["last_result"].step
        assert np.array_equal(state["epoch_order"], want["epoch_order"])
        got_opt, want_opt = state["optimizer"]["state"], want["optimizer"]["state"]
        assert [s.get("step") for s in got_opt] == [s.get("step") for s in want_opt]
        names = alone.network.parameter_names()
        assert relative_error(flat(state["network"], names), flat(want["network"], names)) <= TOL
        assert len(state["history"]["rows"]) == len(want["history"]["rows"])
    assert group.results[0].state_dict()["steps_done"] == 80


def test_a_state_without_histories_and_of_a_run_alone():
    runs = [experiment(seed=s) for s in range(2)] + [experiment(network__batch_norm=True)]
    group = RunGroup(runs)
    group.run(7)
    light = group.results[0].state_dict(histories=False)
    assert "history" not in light and light["steps_done"] == 7
    assert group.results[2].state_dict()["steps_done"] == 7  # its own Trainer's state
    assert group.results[2].synced() is group.results[2].trainer


def test_only_some_runs_step_and_a_stack_steps_whole():
    runs = [experiment(seed=0), experiment(seed=1), experiment(seed=2, training__batch_size=5)]
    group = RunGroup(runs)
    group.step([2])
    assert group.results[0].last is None and group.results[2].last.step == 1
    group.step([0, 1])
    assert [r.last.step for r in group.results] == [1, 1, 1]
    with pytest.raises(ValueError, match="one stack"):
        group.step([0])


def test_wide_runs_whose_norms_take_one_dot_a_layer_equal_the_runs_alone():
    wide = [{"units": 64, "activation": "tanh"}] * 2  # norms: one np.vecdot per layer
    runs = [experiment(seed=s, network__hidden_layers=wide) for s in (0, 4, 8)]
    assert len(assert_equal_to_alone(runs, steps=15).stacks) == 1
