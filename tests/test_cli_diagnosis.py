"""``nnsim run`` writes ``DIR/diagnosis.json`` and prints the diagnoses with its summary;
the training host (what the window draws) finds the same ones at the same steps."""

from __future__ import annotations

import json

from nnsim.__main__ import main
from nnsim.training import protocol
from nnsim.training.experiment import Experiment, save_experiment
from nnsim.training.host import TrainingHost
from nnsim.training.variations import with_settings

DEAD_RELU = {
    "training.optimizer.lr": 10,
    "network.hidden_layers.0.activation": "relu",
    "network.hidden_layers.1.activation": "relu",
}


def run(tmp_path, settings, steps):
    path = tmp_path / "exp.json"
    save_experiment(with_settings(Experiment.default(), settings), path)
    out = tmp_path / "out"
    code = main(["run", str(path), "--steps", str(steps), "--out", str(out)])
    return code, json.loads((out / "diagnosis.json").read_text(encoding="utf-8"))


def test_dead_relus_are_written_to_diagnosis_json_and_printed(tmp_path, capsys):
    code, rows = run(tmp_path, DEAD_RELU, 300)
    assert code == 0
    assert len(rows) == 1
    row = rows[0]
    assert list(row) == ["code", "step", "layer", "message", "evidence"]
    assert (row["code"], row["step"], row["layer"]) == ("dead_relu", 100, 2)
    assert row["evidence"] == {"dead": 2, "units": 2, "fraction": 1.0}
    assert row["message"].startswith("2 of 2 units in layer 2 are dead")
    err = capsys.readouterr().err
    line = next(x for x in err.splitlines() if x.startswith("diagnosis: "))
    assert line.startswith("diagnosis: dead_relu at step 100, layer 2: 2 of 2 units in layer 2")
    assert line.endswith("[cure: leaky ReLU, η 10 → 0.1]")
    assert err.index("diagnosis: ") < err.index("done: ")  # with the summary


def test_a_healthy_run_writes_an_empty_list(tmp_path, capsys):
    code, rows = run(tmp_path, {}, 1500)
    assert (code, rows) == (0, [])
    assert "diagnosis:" not in capsys.readouterr().err


def test_a_diverged_run_still_writes_strict_json_and_exits_3(tmp_path, capsys):
    code, rows = run(tmp_path, {"data.dataset": "plane", "training.optimizer.lr": 1.0}, 1000)
    assert code == 3
    codes = [(r["code"], r["layer"]) for r in rows]
    assert ("exploding_gradients", None) in codes and codes[-1] == ("diverged", None)
    assert rows[-1]["step"] == 406
    assert rows[-1]["evidence"]["value"] == "inf"  # text: JSON has no Infinity
    assert "Infinity" not in (tmp_path / "out" / "diagnosis.json").read_text(encoding="utf-8")


def test_the_window_s_training_host_finds_what_nnsim_run_writes(tmp_path, capsys):
    _, rows = run(tmp_path, {"network.init": "zeros"}, 300)
    sent = []
    host = TrainingHost(with_settings(Experiment.default(), {"network.init": "zeros"}), sent.append)
    for _ in range(300):
        host.handle(protocol.Step())
    snapshot = [m.snapshot for m in sent if isinstance(m, protocol.SnapshotReady)][-1]
    assert [d.to_dict() for d in snapshot.diagnoses] == rows
    assert [(r["code"], r["step"], r["layer"]) for r in rows] == [
        ("symmetric_units", 100, 1),
        ("symmetric_units", 100, 2),
    ]
    host.handle(protocol.Reset())  # a new run: what was said about the old one goes
    assert [m.snapshot for m in sent if isinstance(m, protocol.SnapshotReady)][-1].diagnoses == ()
