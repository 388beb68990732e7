"""``nnsim surface``: an optimizer's path on a 2-D surface written as step,x,y,loss."""

from __future__ import annotations

import csv

import numpy as np
import pytest

from nnsim.__main__ import main
from nnsim.engine.surfaces import make_surface


def rows(path):
    with open(path, encoding="utf-8") as f:
        reader = csv.reader(f)
        header = next(reader)
        return header, np.array([[float(c) for c in r] for r in reader])


def test_the_path_is_written_from_the_start_and_equals_pytorchs_adam(tmp_path, capsys):
    out = tmp_path / "adam.csv"
    argv = ["surface", "rosenbrock", "--optimizer", "adam", "--lr", "0.05",
            "--param", "betas=[0.9,0.99]", "--start", "-1.5,2", "--steps", "300",
            "--out", str(out)]  # fmt: skip
    assert main(argv) == 0
    header, table = rows(out)
    assert header == ["step", "x", "y", "loss"]
    assert table.shape == (301, 4) and list(table[:, 0]) == list(range(301))
    surface = make_surface("rosenbrock")
    # Adam as PyTorch publishes it (torch.optim.Adam, no weight decay, amsgrad off)
    theta, m, v = np.array([-1.5, 2.0]), np.zeros(2), np.zeros(2)
    lr, b1, b2, eps = 0.05, 0.9, 0.99, 1e-8
    expected = [theta.copy()]
    for t in range(1, 301):
        g = surface.gradient(theta)
        m = b1 * m + (1 - b1) * g
        v = b2 * v + (1 - b2) * g * g
        theta = theta - lr * (m / (1 - b1**t)) / (np.sqrt(v / (1 - b2**t)) + eps)
        expected.append(theta.copy())
    np.testing.assert_allclose(table[:, 1:3], np.array(expected), rtol=1e-10, atol=1e-12)
    losses = [surface.loss(p) for p in table[:, 1:3]]
    np.testing.assert_allclose(table[:, 3], losses, rtol=1e-12)
    assert "Adam η=0.05 on Rosenbrock: 300 steps" in capsys.readouterr().out


def test_the_bowl_takes_its_condition_and_angle_and_a_diverging_path_exits_3(tmp_path):
    out = tmp_path / "sub" / "bowl.csv"
    argv = ["surface", "bowl", "--condition", "20", "--angle", "30", "--optimizer", "sgd",
            "--lr", "0.2", "--start", "-1.6,1.2", "--steps", "500", "--out", str(out)]  # fmt: skip
    assert main(argv) == 3  # 0.2 > 2/λ_max = 0.1: it diverges, and stops
    _, table = rows(out)
    bowl = make_surface("bowl", condition=20, angle=30)
    assert table[0, 3] == pytest.approx(bowl.loss(np.array([-1.6, 1.2])), rel=1e-15)
    assert 1 < len(table) < 501 and np.all(np.isfinite(table))
    assert np.all(np.diff(table[:, 3]) > 0)  # past 2/λ_max every step climbs


def test_momentum_is_a_param_and_a_stable_rate_converges(tmp_path):
    out = tmp_path / "m.csv"
    argv = ["surface", "bowl", "--condition", "20", "--optimizer", "sgd", "--lr", "0.09",
            "--param", "momentum=0.5", "--start", "-1.6,1.2", "--steps", "400",
            "--out", str(out)]  # fmt: skip
    assert main(argv) == 0
    _, table = rows(out)
    assert table[-1, 3] < 1e-12 * table[0, 3]


@pytest.mark.parametrize(
    "change, says",
    [
        ({1: "saddl"}, "unknown surface 'saddl'"),
        ({"--start": "1"}, "--start: give two numbers"),
        ({"--steps": "0"}, "--steps: give 1 to"),
        ({"--param": "momentum=x"}, "momentum must be a number"),
        ({"--param": "lr=3"}, "the learning rate is --lr"),
        ({"--lr": "-1"}, "lr"),
        ({"--optimizer": "lbfgs"}, "lbfgs"),
        ({"--condition": "3"}, "takes no parameters"),
    ],
)
def test_bad_input_exits_2_with_one_line_saying_why(tmp_path, capsys, change, says):
    args = {1: "beale", "--optimizer": "sgd", "--lr": "0.01", "--start": "1,1",
            "--steps": "5", "--out": str(tmp_path / "x.csv")}  # fmt: skip
    args.update(change)
    argv = ["surface", args.pop(1)] + [str(a) for kv in args.items() for a in kv]
    assert main(argv) == 2
    assert says in capsys.readouterr().err
    assert not (tmp_path / "x.csv").exists()
