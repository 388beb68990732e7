"""``view.speed`` in the experiment file: the window's pace, saved with the view settings."""

from __future__ import annotations

import json

import pytest

from nnsim.__main__ import main
from nnsim.training.changes import resets_weights
from nnsim.training.experiment import Experiment, ExperimentError, save_experiment
from nnsim.training.experiment.schema import SPEEDS
from nnsim.training.experiment_model import ExperimentModel


def test_the_default_is_max_written_out():
    experiment = Experiment.default()
    assert experiment.view.speed == "max" and experiment.view.steps_per_second is None
    assert experiment.to_dict()["view"]["speed"] == "max"


@pytest.mark.parametrize("speed", SPEEDS)
def test_every_speed_survives_a_round_trip(speed):
    experiment = Experiment.from_dict({"view": {"speed": speed}})
    text = experiment.to_json()
    assert json.loads(text)["view"]["speed"] == speed
    assert Experiment.from_json(text) == experiment
    expected = None if speed == "max" else float(speed)
    assert experiment.view.steps_per_second == expected


def test_an_integral_float_is_read_as_its_integer():
    assert Experiment.from_dict({"view": {"speed": 10.0}}).view.speed == 10


@pytest.mark.parametrize(
    ("value", "got"),
    [
        (3, "got 3"),
        (0, "got 0"),
        (-10, "got -10"),
        (10.5, "got 10.5"),
        (True, "got true (a boolean)"),
        (None, "got null"),
        ("fast", "got 'fast' (a string)"),
        ("MAX", "got 'MAX' (a string)"),
        ("10", "got '10' (a string)"),
        ([10], "got a list"),
    ],
)
def test_a_bad_speed_is_refused_saying_what_is_allowed(value, got):
    with pytest.raises(ExperimentError) as info:
        Experiment.from_dict({"view": {"speed": value}})
    assert info.value.problems == [
        f"view.speed: must be one of 1, 2, 5, 10, 30, 100, 1000 (steps per second) or 'max', {got}"
    ]


def test_a_bad_speed_and_bad_hidden_controls_are_both_reported():
    with pytest.raises(ExperimentError) as info:
        Experiment.from_dict({"view": {"speed": 7, "hidden_controls": ["a", "a"]}})
    assert [p.split(":")[0] for p in info.value.problems] == [
        "view.hidden_controls[1]",
        "view.speed",
    ]


def test_the_model_refuses_a_bad_speed_and_keeps_the_experiment():
    model = ExperimentModel()
    changes = []
    model.subscribe(changes.append)
    model.update("view", speed=30)
    assert changes[-1].fields == frozenset({"view.speed"})
    with pytest.raises(ExperimentError, match=r"view\.speed"):
        model.update("view", speed=31)
    assert model.experiment.view.speed == 30 and len(changes) == 1


def test_a_speed_change_does_not_need_new_weights():
    old = Experiment.default()
    new = Experiment.from_dict({"view": {"speed": 1}})
    assert resets_weights(old, new) is None


def test_nnsim_run_ignores_the_speed(tmp_path):
    path = tmp_path / "slow.json"
    save_experiment(Experiment.from_dict({"view": {"speed": 1}}), path)
    out = tmp_path / "out"
    assert main(["run", str(path), "--steps", "200", "--out", str(out)]) == 0  # not 200 s
    lines = (out / "metrics.csv").read_text().splitlines()
    assert len(lines) == 201
    assert json.loads((out / "experiment.json").read_text())["view"]["speed"] == 1
