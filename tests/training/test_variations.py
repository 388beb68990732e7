"""Settings varied by dotted path (nnsim.training.variations)."""

from __future__ import annotations

import pytest

from nnsim.training.experiment import Experiment, ExperimentError
from nnsim.training.variations import (
    VariationError,
    parse_value,
    parse_variation,
    variation_grid,
    with_setting,
)


@pytest.mark.parametrize(
    ("text", "value"),
    [("0.1", 0.1), ("3", 3), ("1e-3", 1e-3), ("true", True), ("false", False), ("null", None),
     ("adam", "adam"), ('"all"', "all"), ("all", "all"), ("NaN", "NaN"), ("Infinity", "Infinity"),
     ("[1, 2]", "[1, 2]")],
)  # fmt: skip
def test_values_are_json_scalars_where_they_parse_else_text(text, value):
    parsed = parse_value(text)
    assert parsed == value and type(parsed) is type(value)


def test_a_setting_by_path_including_a_layer_index():
    e = with_setting(Experiment.default(), "network.hidden_layers.1.activation", "relu")
    assert [layer.activation for layer in e.network.hidden_layers] == ["tanh", "relu"]
    assert with_setting(Experiment.default(), "seed", 7).seed == 7
    with pytest.raises(KeyError, match=r"not an index 0\.\.1"):
        with_setting(Experiment.default(), "network.hidden_layers.2", {})
    with pytest.raises(ExperimentError, match="unknown key"):
        with_setting(Experiment.default(), "training.optimizer.betas", [0.9, 0.99])


def test_another_optimizer_keeps_only_the_learning_rate_and_the_grid_order():
    base = Experiment.from_dict({"training": {"optimizer": {"name": "sgd", "lr": 0.2,
                                                            "momentum": 0.9}}})  # fmt: skip
    runs = variation_grid(
        base,
        [parse_variation("training.optimizer.name=rmsprop,sgd"), parse_variation("seed=1,2")],
    )
    assert [r.settings for r in runs] == [
        {"training.optimizer.name": n, "seed": s} for n in ("rmsprop", "sgd") for s in ("1", "2")
    ]
    assert runs[0].experiment.training.optimizer.params == {"lr": 0.2}
    assert runs[2].experiment.training.optimizer.params == {"lr": 0.2, "momentum": 0.9}
    assert [r.experiment.seed for r in runs] == [1, 2, 1, 2]


def test_a_keyword_varied_with_the_optimizer_applies_to_the_new_one():
    runs = variation_grid(
        Experiment.default(),
        [parse_variation("training.optimizer.momentum=0.5"),
         parse_variation("training.optimizer.name=rmsprop")],
    )  # fmt: skip
    assert runs[0].experiment.training.optimizer.params == {"lr": 0.03, "momentum": 0.5}
    assert runs[0].experiment.training.optimizer.name == "rmsprop"


def test_sixteen_runs_are_fine_seventeen_are_not():
    sixteen = [parse_variation("seed=" + ",".join(map(str, range(16))))]
    assert len(variation_grid(Experiment.default(), sixteen)) == 16
    with pytest.raises(VariationError, match="--vary: 17 runs; at most 16"):
        variation_grid(
            Experiment.default(), [parse_variation("seed=" + ",".join(map(str, range(17))))]
        )
