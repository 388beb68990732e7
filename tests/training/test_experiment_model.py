"""The evented experiment model: checked writes, one event per write naming its fields."""

from __future__ import annotations

import dataclasses

import pytest

from nnsim.training.experiment import Experiment, ExperimentError, LayerSpec
from nnsim.training.experiment_model import ExperimentModel, changed_fields


@pytest.fixture
def model() -> ExperimentModel:
    return ExperimentModel()


def recorded(model: ExperimentModel) -> list:
    events: list = []
    model.subscribe(events.append)
    return events


def test_an_edit_names_exactly_the_fields_it_changed(model):
    events = recorded(model)
    old = model.experiment
    change = model.update("data", noise=0.2, samples=300)
    assert events == [change]
    assert change.fields == {"data.noise", "data.samples"}
    assert change.old is old and change.new is model.experiment
    assert model.experiment.data.noise == 0.2 and model.experiment.data.samples == 300
    assert change.touches("data") and change.touches("data.noise")
    assert not change.touches("training") and not change.touches("data.noi")


def test_nested_sections_and_the_top_level(model):
    events = recorded(model)
    model.update("training.schedule", unit="epoch")
    model.update(seed=3)
    model.set_optimizer_param("momentum", 0.9)
    model.update("network", hidden_layers=(LayerSpec(3, "relu"),))
    assert [e.fields for e in events] == [
        {"training.schedule.unit"},
        {"seed"},
        {"training.optimizer.params.momentum"},
        {"network.hidden_layers"},
    ]


def test_a_whole_new_experiment_lists_every_difference(model):
    events = recorded(model)
    other = Experiment.from_dict(
        {"seed": 5, "loss": "mse", "training": {"optimizer": {"name": "adam", "lr": 0.01}}}
    )
    model.replace(other, origin="file")
    (event,) = events
    assert event.fields == {
        "seed", "loss", "training.optimizer.name", "training.optimizer.params.lr",
    }  # fmt: skip
    assert event.origin == "file" and model.experiment == other


def test_no_event_when_nothing_changed(model):
    events = recorded(model)
    assert model.replace(Experiment.default()) is None
    assert model.update("data", noise=model.experiment.data.noise) is None
    assert model.set_optimizer_param("lr", model.experiment.training.optimizer.lr) is None
    assert events == []


def blobs4(model: ExperimentModel):
    return dataclasses.replace(model.experiment.data, dataset="blobs4")


@pytest.mark.parametrize(
    "write, says",
    [
        (lambda m: m.update("data", noise=0.9), "data.noise"),
        (lambda m: m.update("data", features=()), "data.features"),
        (lambda m: m.update(loss="bce", data=blobs4(m)), "loss"),
        (lambda m: m.set_optimizer_param("lr", -1.0), "training.optimizer.lr"),
        (lambda m: m.set_optimizer_param("nesterov", True), "momentum"),
        (lambda m: m.update("data", colour="red"), "colour"),
        (lambda m: m.update("nowhere", x=1), "nowhere"),
    ],
)
def test_an_invalid_write_keeps_the_experiment_and_says_why(model, write, says):
    events = recorded(model)
    before = model.experiment
    with pytest.raises(ExperimentError) as caught:
        write(model)
    assert says in str(caught.value)
    assert model.experiment is before
    assert events == []


def test_a_learning_rate_the_schedule_cannot_start_from_is_refused():
    cosine = Experiment.from_dict(
        {"training": {"schedule": {"name": "cosine", "T_max": 100, "eta_min": 0.01}}}
    )
    model = ExperimentModel(cosine)
    with pytest.raises(ExperimentError, match=r"training\.schedule.*eta_min"):
        model.set_optimizer_param("lr", 0.003)
    assert model.experiment is cosine


def test_an_invalid_first_experiment_is_refused():
    with pytest.raises(ExperimentError):
        ExperimentModel(dataclasses.replace(Experiment.default(), seed=-1))


def test_a_valid_experiment_is_kept_as_given(model):
    experiment = Experiment.from_dict({"data": {"dataset": "xor"}})
    model.replace(experiment)
    assert model.experiment is experiment


def test_unsubscribe_stops_the_events_and_others_still_get_theirs(model):
    first, second = [], []
    stop = model.subscribe(first.append)
    model.subscribe(second.append)
    model.update(seed=1)
    stop()
    stop()  # twice is harmless
    model.update(seed=2)
    assert [e.new.seed for e in first] == [1]
    assert [e.new.seed for e in second] == [1, 2]


def test_a_subscriber_may_unsubscribe_while_it_is_called(model):
    calls = []
    stop = model.subscribe(lambda change: (calls.append("a"), stop()))
    model.subscribe(lambda change: calls.append("b"))
    model.update(seed=1)
    model.update(seed=2)
    assert calls == ["a", "b", "b"]


def test_optimizer_values_are_the_live_edits_only(model):
    events = recorded(model)
    model.set_optimizer_param("lr", 0.1)
    model.set_optimizer_param("momentum", 0.5)
    model.update("data", noise=0.3)
    model.replace(dataclasses.replace(model.experiment, seed=9).with_lr(0.2))
    assert [e.optimizer_values() for e in events] == [
        {"lr": 0.1},
        {"momentum": 0.5},
        None,
        None,  # the seed changed too
    ]


def test_changed_fields_of_mappings_and_values():
    assert changed_fields({"a": 1, "b": 2}, {"a": 1, "c": 2}, "p") == {"p.b", "p.c"}
    assert changed_fields((1, 2), (1, 3), "t") == {"t"}
    assert changed_fields(Experiment.default(), Experiment.default()) == frozenset()


@pytest.mark.parametrize(
    "spec",
    [
        {},
        {"data": {"dataset": "spiral3", "features": ["x1", "x2", "x1_sq"]}},
        {"network": {"hidden_layers": []}, "data": {"dataset": "plane"}},
        {"loss": "cross_entropy", "network": {"hidden_layers": [{"units": 7}]}},
    ],
)
def test_layer_sizes_are_read_off_the_spec_as_the_trainer_builds_them(spec):
    from nnsim.training.trainer import Trainer

    experiment = Experiment.from_dict(spec)
    network = Trainer(experiment).network
    assert experiment.layer_sizes() == tuple(network.sizes)
    hidden = [layer.activation for layer in experiment.network.hidden_layers]
    assert experiment.layer_activations() == (*hidden, experiment.resolved_output_activation())
