"""``nnsim landscape``: train, then write the loss around the final weights (npz and PNG)."""

from __future__ import annotations

import numpy as np
import pytest

from nnsim.__main__ import main
from nnsim.training.experiment import Experiment, save_experiment
from nnsim.training.trainer import Trainer


def spiral(lr=0.03) -> Experiment:
    d = Experiment.default().to_dict()
    d["data"]["dataset"] = "spiral"
    d["network"]["hidden_layers"] = [{"units": 8, "activation": "tanh"}] * 2
    d["training"]["optimizer"]["lr"] = lr
    return Experiment.from_dict(d)


@pytest.fixture
def exp_file(tmp_path):
    path = tmp_path / "spiral.json"
    save_experiment(spiral(), path)
    return path


@pytest.mark.parametrize("directions", ["random", "pca"])
def test_landscape_writes_the_grid_the_trajectory_and_a_png(exp_file, tmp_path, directions):
    out = tmp_path / "out"
    code = main(["landscape", str(exp_file), "--steps", "80", "--directions", directions,
                 "--grid", "41", "--out", str(out)])  # fmt: skip
    assert code == 0
    saved = np.load(out / "landscape.npz")
    alpha, beta, loss, trajectory = (saved[k] for k in ("alpha", "beta", "loss", "trajectory"))
    assert alpha.shape == beta.shape == (41,) and loss.shape == (41, 41)
    assert np.isfinite(loss).all() and alpha[20] == beta[20] == 0.0
    trainer = Trainer(spiral())
    trainer.run(80)
    assert abs(loss[20, 20] - trainer.evaluate().train_loss) <= 1e-12
    assert trajectory.shape == (len(saved["steps"]), 2) and saved["steps"][-1] == 80
    np.testing.assert_allclose(trajectory[-1], 0.0, atol=1e-12)
    if directions == "pca":  # fitted: the whole path is on the plane
        assert np.abs(trajectory).max() < alpha[-1] and saved["explained"][0] > 0
    else:
        assert alpha[-1] == 1.0 and np.isnan(saved["explained"]).all()
    png = (out / "landscape.png").read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and int.from_bytes(png[16:20], "big") == 41 * 8


def test_bad_arguments_and_states_exit_with_a_message(exp_file, tmp_path, capsys):
    assert main(["landscape", str(exp_file), "--grid", "40", "--out", str(tmp_path)]) == 2
    assert "--grid: must be odd" in capsys.readouterr().err
    args = ["landscape", str(exp_file), "--steps", "1", "--directions", "pca"]
    assert main([*args, "--out", str(tmp_path)]) == 2
    assert "PCA directions need a trajectory" in capsys.readouterr().err
    d = Experiment.default().to_dict()  # a run that blows up
    d["data"]["dataset"] = "plane"
    d["network"]["hidden_layers"] = [{"units": 8, "activation": "relu"}] * 3
    d["training"]["optimizer"]["lr"] = 50.0
    save_experiment(Experiment.from_dict(d), tmp_path / "hot.json")
    assert main(["landscape", str(tmp_path / "hot.json"), "--steps", "500",
                 "--out", str(tmp_path)]) == 3  # fmt: skip
    assert "too high" in capsys.readouterr().err
