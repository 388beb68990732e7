"""``nnsim export``: options, default names, errors and exit codes (the scripts' numbers
are checked in tests/training/test_export.py)."""

from __future__ import annotations

import json
import subprocess
import sys

import numpy as np
import pytest

from nnsim.__main__ import main
from nnsim.training.experiment import Experiment, save_experiment
from nnsim.training.variations import with_settings


@pytest.fixture
def exp_file(tmp_path):
    path = tmp_path / "circle.json"
    save_experiment(with_settings(Experiment(), {"data.samples": 100}), path)
    return path


def steps_in(script):
    line = next(x for x in script.read_text().splitlines() if x.startswith("STEPS = "))
    return int(line.split()[2])


def test_default_name_beside_cwd_runs_and_matches_nnsim_run(exp_file, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(["export", str(exp_file), "--to", "numpy", "--steps", "6"]) == 0
    script, data = tmp_path / "circle_numpy.py", tmp_path / "circle_numpy.data.npz"
    assert script.is_file() and data.is_file()
    assert main(["run", str(exp_file), "--steps", "6", "--out", str(tmp_path / "run")]) == 0
    subprocess.run([sys.executable, str(script)], cwd=tmp_path, check=True, capture_output=True)
    got, want = np.load(tmp_path / "weights_final.npz"), np.load(tmp_path / "run/weights_final.npz")
    assert sorted(got.files) == sorted(want.files)
    assert all(np.max(np.abs(got[k] - want[k])) <= 1e-12 for k in want.files)


def test_steps_epochs_and_the_default_of_nnsim_run(exp_file, tmp_path, capsys):
    out = tmp_path / "a.py"
    assert main(["export", str(exp_file), "--to", "pytorch", "-o", str(out)]) == 0
    assert steps_in(out) == 1000 and "import torch" in out.read_text()
    assert (tmp_path / "a.data.npz").is_file()
    assert "wrote" in capsys.readouterr().err
    assert main(["export", str(exp_file), "--to", "numpy", "--epochs", "2", "-o", str(out)]) == 0
    assert steps_in(out) == 2 * 5  # 50 training points in batches of 10
    assert (
        main(["export", str(exp_file), "--to", "numpy", "--output", str(out), "--steps", "7"]) == 0
    )
    assert steps_in(out) == 7


@pytest.mark.parametrize(
    "args",
    [
        ["--to", "numpy", "--steps", "3", "--epochs", "2"],  # mutually exclusive
        ["--steps", "3"],  # --to is required
        ["--to", "tensorflow"],
    ],
)
def test_usage_errors_exit_2(exp_file, args):
    with pytest.raises(SystemExit) as exc:
        main(["export", str(exp_file), *args])
    assert exc.value.code == 2


def test_bad_input_is_one_clear_line_and_exit_2(exp_file, tmp_path, capsys):
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"training": {"optimizer": {"name": "sgd", "lr": -1}}}))
    assert main(["export", str(bad), "--to", "numpy"]) == 2
    assert "training.optimizer.lr" in capsys.readouterr().err
    assert main(["export", str(tmp_path / "nope.json"), "--to", "numpy"]) == 2
    assert "no such file" in capsys.readouterr().err
    assert main(["export", str(exp_file), "--to", "numpy", "--steps", "0"]) == 2
    assert "--steps: must be >= 1" in capsys.readouterr().err
    assert main(["export", str(exp_file), "--to", "numpy", "-o", str(tmp_path / "x.txt")]) == 2
    assert "must end in .py" in capsys.readouterr().err
    missing = tmp_path / "no" / "such" / "dir" / "x.py"
    assert main(["export", str(exp_file), "--to", "numpy", "-o", str(missing)]) == 2
    assert "cannot write" in capsys.readouterr().err


def test_an_experiment_the_script_cannot_reproduce_is_refused(tmp_path, capsys):
    experiment = with_settings(
        Experiment(), {"training.schedule": {"name": "plateau", "unit": "epoch", "warmup_steps": 2}}
    )
    path = tmp_path / "warm.json"
    save_experiment(experiment, path)
    assert main(["export", str(path), "--to", "pytorch", "-o", str(tmp_path / "w.py")]) == 2
    err = capsys.readouterr().err
    assert "cannot warm up a plateau schedule" in err and "Traceback" not in err
    assert not (tmp_path / "w.py").exists()
    assert main(["export", str(path), "--to", "numpy", "-o", str(tmp_path / "w.py")]) == 0
