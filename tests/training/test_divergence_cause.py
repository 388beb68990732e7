"""Why a run diverged, as data (nnsim.training.divergence.Divergence), and its cure: what
the window's banner and the coach offer (issue 15 item 8)."""

from __future__ import annotations

import math
import pickle

import numpy as np

from nnsim.engine import initializers
from nnsim.training.diagnosis import diagnose, divergence_cure
from nnsim.training.divergence import Cause
from nnsim.training.experiment import Experiment
from nnsim.training.run_group import RunGroup
from nnsim.training.snapshot import take_snapshot
from nnsim.training.stacked_trainer import StackedRuns
from nnsim.training.trainer import Trainer

RELU = {"hidden_layers": [{"units": 8, "activation": "relu"}] * 2, "init": "he_normal"}


def diverged(d: dict, steps: int, poke=None) -> Trainer:
    trainer = Trainer(Experiment.from_dict(d))
    if poke is not None:
        poke(trainer)
    trainer.run(steps)
    assert trainer.divergence is not None, "the run was meant to blow up"
    assert trainer.divergence.explanation == trainer.diverged
    return trainer


def coach_cure(trainer: Trainer):
    (found,) = [d for d in diagnose(trainer) if d.code == "diverged"]
    return found.cure


def test_the_learning_rate_is_lowered_as_before():
    trainer = diverged({"network": RELU, "loss": "mse", "training": {"optimizer": {"lr": 50}}}, 500)
    d = trainer.divergence
    assert (d.cause, d.setting, d.value, d.safe) == (
        Cause.LEARNING_RATE, "training.optimizer.lr", 50.0, 5.0,
    )  # fmt: skip
    cure = divergence_cure(d, trainer.experiment)
    assert cure.settings == (("training.optimizer.lr", 5.0),) and cure == coach_cure(trainer)


def test_a_huge_momentum_is_set_back_to_its_default():
    trainer = diverged({"training": {"optimizer": {"name": "sgd", "momentum": 1e308}}}, 20)
    d = trainer.divergence
    assert (d.what, d.cause, d.setting, d.name) == (
        "weight", Cause.HYPERPARAMETER, "training.optimizer.momentum", "momentum",
    )  # fmt: skip
    assert (d.value, d.safe) == (1e308, 0.0)
    cure = divergence_cure(d, trainer.experiment)
    assert cure.settings == (("training.optimizer.momentum", 0.0),)
    assert str(cure.label) == "momentum 1e+308 → 0"
    assert coach_cure(trainer) == cure  # the coach's cure is the banner's, not η ÷ 10
    Trainer(cure.apply(trainer.experiment)).run(20)  # and it trains


def test_one_cycle_is_cured_through_max_lr():
    schedule = {"name": "one_cycle", "total_steps": 1000, "max_lr": 100, "pct_start": 0.1}
    trainer = diverged({"network": RELU, "loss": "mse", "training": {"schedule": schedule}}, 300)
    d = trainer.divergence
    assert (d.cause, d.setting, d.value, d.safe) == (
        Cause.SCHEDULE, "training.schedule.max_lr", 100.0, 10.0,
    )  # fmt: skip
    cured = divergence_cure(d, trainer.experiment).apply(trainer.experiment)
    assert cured.training.schedule.params["max_lr"] == 10.0


def test_edited_starting_weights_are_drawn_again_and_the_coach_offers_nothing():
    def huge(trainer):
        trainer.network.theta[...] = 1e300

    trainer = diverged({"network": RELU, "loss": "mse"}, 3, huge)
    d = trainer.divergence
    assert (d.what, d.step, d.cause, d.setting) == (
        "loss",
        1,
        Cause.INITIAL_WEIGHTS,
        "network.init",
    )
    assert d.value == d.safe == "he_normal"  # the initialiser is fine: its weights again
    cure = divergence_cure(d, trainer.experiment)
    assert cure.apply(trainer.experiment) == trainer.experiment
    assert coach_cure(trainer) is None  # beside the run as it is, it would be the same run


def test_an_initialiser_that_overflows_gives_way_to_a_smaller_one(monkeypatch):
    monkeypatch.setitem(
        initializers.INITIALIZERS,
        "he_normal",
        lambda fan_in, fan_out, rng: np.full((fan_out, fan_in), 1e300),
    )
    trainer = diverged({"network": RELU, "loss": "mse"}, 3)
    assert (trainer.divergence.value, trainer.divergence.safe) == ("he_normal", "article")
    cure = divergence_cure(trainer.divergence, trainer.experiment)
    assert cure.settings == (("network.init", "article"),) and str(cure.label) == "article init"


def test_an_exploding_gradient_is_clipped_unless_it_already_is():
    def explode(trainer):
        net = trainer.network
        net.layers[0].W[...], net.layers[1].W[...], net.layers[2].W[...] = 1e-150, 1e250, 1.0

    one_unit = {"hidden_layers": [{"units": 1, "activation": "relu"}] * 2}
    d = {"network": one_unit, "loss": "mse", "data": {"dataset": "plane"}}
    trainer = diverged(d, 3, explode)
    div = trainer.divergence
    assert (div.cause, div.setting, div.value) == (Cause.GRADIENT, "training.grad_clip", None)
    cure = divergence_cure(div, trainer.experiment)
    assert cure.settings == (("training.grad_clip", {"mode": "norm", "max_norm": 1.0}),)
    clipped = cure.apply(trainer.experiment)
    assert divergence_cure(div, clipped) is None  # nothing more to offer: the rate, then


def test_the_cause_travels_with_the_state_the_snapshot_and_the_pipe():
    trainer = diverged({"training": {"optimizer": {"name": "sgd", "momentum": 1e308}}}, 20)
    snapshot = pickle.loads(pickle.dumps(take_snapshot(trainer)))
    assert snapshot.divergence == trainer.divergence
    other = Trainer(trainer.experiment)
    other.load_state_dict(trainer.state_dict())
    assert other.divergence == trainer.divergence
    other.reset()
    assert other.divergence is None and other.diverged is None


def test_a_stacked_run_that_diverges_blames_its_learning_rate_as_data_too():
    runs = [
        Experiment.from_dict(
            {"network": RELU, "loss": "mse", "training": {"optimizer": {"lr": lr}}}
        )
        for lr in (0.03, 100.0)
    ]
    group = RunGroup(runs)
    group.run(100)
    calm, wild = group.results
    assert calm.diverged is None and wild.stacked and wild.diverged
    d = wild.state_dict()["divergence"]
    assert (d.cause, d.value, d.safe) == (Cause.LEARNING_RATE, 100.0, 10.0)
    assert d.explanation == wild.diverged


def test_a_huge_but_finite_update_is_not_called_a_weight_gone_inf():
    """‖ΔW‖² overflows long before ΔW does: the run ends only when θ itself is not finite
    (the trainer said "a weight became inf" of weights that were all finite)."""
    d = {"network": {"hidden_layers": [{"units": 4, "activation": "relu"}]}}
    trainer = Trainer(Experiment.from_dict(d))
    first, output = trainer.network.layers
    first.W[...] = np.abs(first.W) * 1e160  # hidden outputs ~1e160, finite
    output.W[...] = -np.abs(output.W)  # every point called class 0: gradients ~1e160
    result = trainer.step()
    assert result.diverged is None and trainer.diverged is None
    assert np.isfinite(trainer.network.theta).all() and math.isfinite(result.loss)


def test_stacked_the_huge_finite_update_goes_on_as_alone():
    d = {"network": {"hidden_layers": [{"units": 4, "activation": "relu"}]}}

    def poked() -> Trainer:
        trainer = Trainer(Experiment.from_dict(d))
        first, output = trainer.network.layers
        first.W[...] = np.abs(first.W) * 1e160
        output.W[...] = -np.abs(output.W)
        return trainer

    alone = poked()
    alone.step()
    stack = StackedRuns([poked(), Trainer(Experiment.from_dict(d))])
    stack.step()
    assert alone.diverged is None and stack.alive.all()
    assert np.array_equal(stack.network.theta[0], alone.network.theta)
