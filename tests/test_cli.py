"""The headless command line, end to end on temporary folders."""

from __future__ import annotations

import csv
import json
import subprocess
import sys

import numpy as np
import pytest

from nnsim import __version__
from nnsim.__main__ import main
from nnsim.training.experiment import Experiment, save_experiment
from nnsim.training.trainer import Trainer


@pytest.fixture
def exp_file(tmp_path):
    path = tmp_path / "circle.json"
    save_experiment(Experiment.default(), path)
    return path


def read_metrics(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def test_run_writes_every_output(exp_file, tmp_path, capsys):
    out = tmp_path / "out"
    code = main(["run", str(exp_file), "--steps", "30", "--eval-every", "10", "--out", str(out)])
    assert code == 0
    assert {p.name for p in out.iterdir()} == {
        "experiment.json",
        "metrics.csv",
        "data.npz",
        "weights_initial.npz",
        "weights_final.npz",
        "diagnosis.json",
    }
    rows = read_metrics(out / "metrics.csv")
    assert list(rows[0]) == [
        "step", "epoch", "lr", "batch_loss", "grad_norm_1", "grad_norm_2", "grad_norm_3",
        "train_loss", "test_loss", "train_accuracy", "test_accuracy",
    ]  # fmt: skip
    assert [int(r["step"]) for r in rows] == list(range(1, 31))
    assert [r["step"] for r in rows if r["test_loss"]] == ["10", "20", "30"]
    # row s holds the loss computed before update s: the same as a Trainer's step s
    trainer = Trainer(Experiment.default())
    assert float(rows[0]["batch_loss"]) == trainer.step().loss
    assert float(rows[1]["grad_norm_2"]) == trainer.step().grad_norms[1]
    resolved = json.loads((out / "experiment.json").read_text())
    assert resolved["training"]["eval_every"] == 10
    data = np.load(out / "data.npz")
    assert set(data.files) == {"x_train", "features_train", "y_train", "x_test",
                               "features_test", "y_test"}  # fmt: skip
    initial, final = np.load(out / "weights_initial.npz"), np.load(out / "weights_final.npz")
    assert set(initial.files) == {"W1", "b1", "W2", "b2", "W3", "b3"}
    assert initial["W1"].shape == (4, 2)
    assert not np.array_equal(initial["W1"], final["W1"])
    err = capsys.readouterr().err
    assert "step 30/30" in err and "done: 30 steps" in err


def test_run_by_epochs(exp_file, tmp_path):
    out = tmp_path / "o"
    assert main(["run", str(exp_file), "--epochs", "2", "--out", str(out)]) == 0
    assert len(read_metrics(out / "metrics.csv")) == 50  # 250 training points, batch 10


def test_validate_ok_and_problems(exp_file, tmp_path, capsys):
    assert main(["validate", str(exp_file)]) == 0
    assert capsys.readouterr().out.strip() == "ok"
    bad = tmp_path / "bad.json"
    d = Experiment.default().to_dict()
    d["training"]["optimizer"]["lr"] = -1
    d["data"]["dataset"] = "cirle"
    bad.write_text(json.dumps(d))
    assert main(["validate", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "training.optimizer.lr" in err and "data.dataset" in err
    assert len(err.strip().splitlines()) == 2


@pytest.mark.parametrize(
    ("content", "expected"),
    [("{not json", "line 1"), ("[1, 2]", "object"), ('{"loss": "hinge"}', "loss")],
)
def test_bad_files_exit_2_without_traceback(tmp_path, content, expected):
    path = tmp_path / "bad.json"
    path.write_text(content)
    proc = subprocess.run(
        [sys.executable, "-m", "nnsim", "run", str(path), "--out", str(tmp_path / "o")],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert expected in proc.stderr


def test_missing_file_and_bad_arguments(tmp_path, capsys, exp_file):
    assert main(["run", str(tmp_path / "nope.json")]) == 2
    assert "no such file" in capsys.readouterr().err
    assert main(["run", str(exp_file), "--steps", "0"]) == 2
    with pytest.raises(SystemExit) as exc:
        main(["run", str(exp_file), "--steps", "3", "--epochs", "2"])
    assert exc.value.code == 2


def test_diverging_run_exits_3_with_the_learners_message(tmp_path):
    d = Experiment.default().to_dict()
    d["data"]["dataset"] = "plane"
    d["network"]["hidden_layers"] = [{"units": 8, "activation": "relu"}] * 3
    d["training"]["optimizer"]["lr"] = 50.0
    path = tmp_path / "boom.json"
    path.write_text(json.dumps(d))
    proc = subprocess.run(
        [sys.executable, "-m", "nnsim", "run", str(path), "--steps", "500", "--out",
         str(tmp_path / "o")],
        capture_output=True,
        text=True,
    )  # fmt: skip
    assert proc.returncode == 3
    assert "learning rate 50 is too high" in proc.stderr
    final = np.load(tmp_path / "o" / "weights_final.npz")
    assert all(np.all(np.isfinite(final[k])) for k in final.files)


def test_version_and_help(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["--version"])
    assert exc.value.code == 0
    assert __version__ in capsys.readouterr().out
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert "examples:" in out and "nnsim run exp.json" in out


@pytest.mark.parametrize(
    "training",
    [
        {"schedule": {"name": "step", "step_size": 2**53}},
        {"schedule": {"name": "one_cycle", "total_steps": 2**53}},
        {"schedule": {"name": "cosine", "T_max": 2**53, "warmup_steps": 2**53}},
        {"schedule": {"name": "exponential", "gamma": 5e-324}},
        {"eval_every": 2**53, "optimizer": {"name": "adam", "lr": 100, "eps": 5e-324}},
    ],
)
def test_what_validates_runs(tmp_path, capsys, training):
    """Values at the limits (issue 15): a file that validates trains, or stops as diverged."""
    path = tmp_path / "edge.json"
    path.write_text(json.dumps({"seed": 2**32 - 1, "training": training}))
    assert main(["validate", str(path)]) == 0
    assert main(["run", str(path), "--steps", "3", "--out", str(tmp_path / "o")]) in (0, 3)
    assert "Traceback" not in capsys.readouterr().err
