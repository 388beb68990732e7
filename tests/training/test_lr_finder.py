"""The learning-rate range test (nnsim.training.lr_finder)."""

from __future__ import annotations

import math

import numpy as np
import pytest

from nnsim.training.experiment import Experiment, OptimizerSpec, ScheduleSpec, TrainingSpec
from nnsim.training.lr_finder import (
    BETA,
    LRFinder,
    lr_sequence,
    range_problems,
    smooth,
    suggest,
)
from nnsim.training.trainer import Trainer


def test_the_rates_grow_geometrically_from_start_to_end():
    finder = LRFinder(Experiment.default(), start=1e-5, end=1.0, steps=20)
    result = finder.run()
    lrs = result.lrs
    assert lrs[0] == 1e-5 and lrs[-1] == 1.0
    np.testing.assert_allclose(lrs[1:] / lrs[:-1], (1.0 / 1e-5) ** (1 / 19), rtol=1e-12)
    assert len(lrs) == len(result.losses) == len(result.smoothed) == 20
    np.testing.assert_array_equal(lrs, lr_sequence(1e-5, 1.0, 20))


def test_each_step_trains_one_mini_batch_at_its_rate_as_a_trainer_would():
    experiment = Experiment.default()
    finder = LRFinder(experiment, start=1e-4, end=1e-2, steps=5)
    points = list(finder)
    twin = Trainer(experiment)
    d = twin.data
    for point in points:
        twin.set_learning_rate(point.lr)
        assert twin.step().lr == point.lr
        # the loss recorded: the whole training set's, with the weights after the step
        assert point.loss == twin.loss_and_accuracy(d.x_train, d.y_train)[0]


def test_the_smoothed_loss_is_the_bias_corrected_moving_average():
    losses = np.array([1.0, 0.5, 2.0, 0.25, 0.75])
    avg, expected = 0.0, []
    for i, loss in enumerate(losses, start=1):
        avg = BETA * avg + (1 - BETA) * loss
        expected.append(avg / (1 - BETA**i))
    np.testing.assert_allclose(smooth(losses), expected, rtol=1e-14)
    assert smooth(losses)[0] == 1.0  # bias correction: the first value is the loss itself
    result = LRFinder(Experiment.default(), steps=30).run()
    np.testing.assert_allclose(result.smoothed, smooth(result.losses), rtol=1e-14)


def test_the_test_stops_once_the_smoothed_loss_exceeds_four_times_its_minimum():
    result = LRFinder(Experiment.default(), start=1e-3, end=100.0, steps=200).run()
    assert len(result.lrs) < 200 and result.stopped_early
    last, before = result.smoothed[-1], result.smoothed[:-1]
    assert not math.isfinite(last) or last > 4 * np.min(before)
    assert np.all(before <= 4 * np.minimum.accumulate(before))  # never crossed earlier
    assert "4×" in result.message or "non-finite" in result.message or "became" in result.message


def test_a_loss_that_becomes_infinite_stops_the_test_at_that_step():
    deep_linear = Experiment.from_dict(
        {
            "data": {"dataset": "plane"},
            "network": {"hidden_layers": [{"units": 64, "activation": "linear"}] * 6},
        }
    )
    result = LRFinder(deep_linear, start=90.0, end=100.0, steps=5).run()
    assert result.stopped_early and len(result.lrs) == 2
    assert math.isfinite(result.losses[0]) and not math.isfinite(result.smoothed[-1])
    assert "the loss became inf at step 2" in result.message


def test_the_callers_trainer_and_experiment_are_untouched():
    experiment = Experiment.default()
    trainer, twin = Trainer(experiment), Trainer(experiment)
    trainer.run(25)
    twin.run(25)
    finder = LRFinder.from_trainer(trainer, steps=40)
    result = finder.run()
    assert len(result.lrs) > 5
    assert trainer.experiment == experiment == Experiment.default()
    for name, value in trainer.network.state().items():
        np.testing.assert_array_equal(value, twin.network.state()[name])
    assert trainer.steps_done == 25 and trainer.optimizer.lr == 0.03
    for _ in range(5):  # same optimizer state, same data order: the same next steps
        assert trainer.step().loss == twin.step().loss
    # it started from the trainer's weights after 25 steps, not from the initial ones
    assert result.losses[0] != LRFinder(experiment, steps=2).run().losses[0]


def test_the_schedule_of_the_experiment_does_not_bend_the_rates():
    schedule = ScheduleSpec("step", "step", {"step_size": 3, "gamma": 0.1, "warmup_steps": 2})
    optimizer = OptimizerSpec("sgd", {"lr": 0.5, "momentum": 0.9})
    scheduled = Experiment(training=TrainingSpec(optimizer=optimizer, schedule=schedule))
    scheduled.validate()
    result = LRFinder(scheduled, start=1e-4, end=1e-1, steps=12).run()
    np.testing.assert_array_equal(result.lrs, lr_sequence(1e-4, 1e-1, 12))


def test_suggestions_on_a_synthetic_curve_are_where_expected():
    lrs = lr_sequence(1e-7, 10.0, 100)
    loss = 1.0 - 0.5 * np.tanh((np.log10(lrs) + 2.0) / 0.6)
    loss = loss + np.where(np.log10(lrs) > -0.5, (np.log10(lrs) + 0.5) ** 2, 0.0)
    steepest, minimum = suggest(lrs, loss, planned_steps=100)
    step = 8 / 99  # decades between neighbouring rates
    assert steepest.name == "steepest"
    assert abs(math.log10(steepest.lr) - (-2.0)) <= step
    i_min = int(np.argmin(loss))
    assert minimum.name == "minimum"
    assert minimum.at_lr == lrs[i_min]
    assert minimum.lr == pytest.approx(lrs[i_min] / 10)
    assert steepest.loss == pytest.approx(loss[np.argmin(np.abs(lrs - steepest.lr))])
    for s in (steepest, minimum):
        assert s.explanation.endswith(".") and s.explanation.count(". ") == 0
        assert f"{s.lr:.3g}" in s.explanation


def test_suggestions_ignore_the_very_start_and_the_last_points():
    lrs = lr_sequence(1e-7, 10.0, 100)
    x = np.log10(lrs)
    loss = 1.0 - 0.5 * np.tanh((x + 2.0) / 0.6)
    loss[:5] = np.linspace(3.0, 1.6, 5)  # a steep fall in the first tenth: ignored
    loss[-5:] = [0.5, 0.2, 0.1, 0.05, 0.01]  # the last five points: ignored
    steepest, minimum = suggest(lrs, loss, planned_steps=100)
    assert abs(math.log10(steepest.lr) + 2.0) <= 8 / 99
    assert minimum.at_lr == lrs[-6]


def test_no_steepest_suggestion_when_the_loss_never_falls_and_none_from_too_few_points():
    lrs = lr_sequence(1e-3, 1.0, 30)
    names = [s.name for s in suggest(lrs, np.linspace(1.0, 2.0, 30), planned_steps=30)]
    assert names == ["minimum"]
    assert suggest(lrs[:1], np.array([1.0]), planned_steps=30) == ()
    with_nan = np.linspace(2.0, 1.0, 30)
    with_nan[20:] = np.nan  # points from the first non-finite one on are never used
    _, minimum = suggest(lrs, with_nan, planned_steps=30)
    assert minimum.at_lr == lrs[19]


def test_the_suggested_rate_trains_the_default_experiment():
    experiment = Experiment.default()
    result = LRFinder(experiment).run()
    assert {s.name for s in result.suggestions} == {"steepest", "minimum"}

    def loss_after(lr: float) -> float:
        trainer = Trainer(experiment.with_lr(lr))
        trainer.run(300)
        return trainer.evaluate().train_loss

    tiny = loss_after(1e-6)
    for suggestion in result.suggestions:
        assert 0.03 <= suggestion.lr <= 3, suggestion  # not a rate picked out of batch noise
        assert loss_after(suggestion.lr) < 0.9 * tiny, suggestion


def test_cancel_after_k_steps_leaves_a_consistent_partial_result():
    finder = LRFinder(Experiment.default(), steps=100)
    for k, point in enumerate(finder, start=1):
        assert point.step == k
        if k == 37:
            finder.cancel()
    assert finder.done
    assert finder.step() is None
    partial = finder.result()
    assert len(partial.lrs) == len(partial.losses) == len(partial.smoothed) == 37
    np.testing.assert_array_equal(partial.lrs, lr_sequence(1e-7, 10.0, 100)[:37])
    np.testing.assert_allclose(partial.smoothed, smooth(partial.losses), rtol=1e-14)
    assert partial.cancelled and not partial.stopped_early and not partial.complete
    assert [r[0] for r in partial.rows()] == list(range(1, 38))
    assert all(s.at_lr <= partial.lrs[-1] for s in partial.suggestions)


def test_a_complete_result_says_so():
    result = LRFinder(Experiment.default(), start=1e-6, end=1e-4, steps=10).run()
    assert result.complete and not result.cancelled and not result.stopped_early


@pytest.mark.parametrize(
    ("start", "end", "steps", "fragment"),
    [
        (0.0, 10.0, 100, "start"),
        (-1.0, 10.0, 100, "start"),
        (1.0, 1.0, 100, "end"),
        (1.0, 0.1, 100, "end"),
        (1e-7, 1000.0, 100, "end"),
        (1e-7, 10.0, 1, "steps"),
        (math.nan, 10.0, 100, "start"),
        (1e-7, math.inf, 100, "end"),
    ],
)
def test_bad_ranges_are_refused_with_a_message(start, end, steps, fragment):
    problems = range_problems(start, end, steps)
    assert problems and problems[0][0] == fragment
    with pytest.raises(ValueError, match=fragment):
        LRFinder(Experiment.default(), start=start, end=end, steps=steps)
