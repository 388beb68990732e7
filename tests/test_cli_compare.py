"""``nnsim compare`` and ``nnsim lr-find``, end to end on temporary folders."""

from __future__ import annotations

import csv
import json
import subprocess
import sys

import numpy as np
import pytest

from nnsim.__main__ import main
from nnsim.cli import run_files
from nnsim.training.experiment import Experiment, save_experiment
from nnsim.training.lr_finder import lr_sequence
from nnsim.training.trainer import Trainer

RUN_FILES = {
    "diagnosis.json",
    "experiment.json",
    "metrics.csv",
    "data.npz",
    "weights_initial.npz",
    "weights_final.npz",
}
SUMMARY = ["final_train_loss", "best_train_loss", "final_test_loss", "best_test_loss",
           "test_accuracy", "diverged_at"]  # fmt: skip


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    return rows[0], [dict(zip(rows[0], r, strict=True)) for r in rows[1:]]


@pytest.fixture
def exp_file(tmp_path):
    path = tmp_path / "circle.json"
    save_experiment(Experiment.default(), path)
    return path


@pytest.fixture
def spiral_file(tmp_path):
    """Spiral with a 3×8 ReLU network fitted by MSE: SGD at 10 blows up within 20 steps."""
    d = {
        "data": {"dataset": "spiral"},
        "network": {"hidden_layers": [{"units": 8, "activation": "relu"}] * 3},
        "loss": "mse",
    }
    path = tmp_path / "spiral.json"
    path.write_text(json.dumps(d))
    return path


def test_three_rates_on_spiral_one_diverges_and_the_others_finish(spiral_file, tmp_path, capsys):
    out = tmp_path / "cmp"
    argv = ["compare", str(spiral_file), "--vary", "training.optimizer.lr=0.001,0.03,10"]
    assert main([*argv, "--steps", "200", "--out", str(out)]) == 0
    assert {p.name for p in out.iterdir()} == {"summary.csv", "run-1", "run-2", "run-3"}
    header, rows = read_csv(out / "summary.csv")
    assert header == ["training.optimizer.lr", *SUMMARY]
    assert [r["training.optimizer.lr"] for r in rows] == ["0.001", "0.03", "10"]
    assert [r["diverged_at"] for r in rows[:2]] == ["", ""]
    diverged_at = int(rows[2]["diverged_at"])
    assert 1 <= diverged_at < 200
    for i, lr in enumerate([0.001, 0.03, 10.0], start=1):
        run = out / f"run-{i}"
        assert {p.name for p in run.iterdir()} == RUN_FILES
        assert (
            json.loads((run / "experiment.json").read_text())["training"]["optimizer"]["lr"] == lr
        )
        metrics_header, metrics = read_csv(run / "metrics.csv")
        assert metrics_header == run_files.metrics_header(4)
        steps = 200 if i < 3 else diverged_at
        assert int(metrics[-1]["step"]) == steps
    # the slow rate crawls, the middle one learns: the rows say so
    assert float(rows[1]["final_train_loss"]) < float(rows[0]["final_train_loss"])
    for r in rows[:2]:
        assert float(r["best_train_loss"]) <= float(r["final_train_loss"])
        assert float(r["best_test_loss"]) <= float(r["final_test_loss"])
        assert 0 <= float(r["test_accuracy"]) <= 1 or r["test_accuracy"] == ""
    captured = capsys.readouterr()
    assert "run 3/3  training.optimizer.lr=10: diverged:" in captured.err
    assert "too high" in captured.err
    table = captured.out.splitlines()
    assert table[0].split()[0] == "training.optimizer.lr" and "diverged at" in table[0]
    assert table[3].split()[0] == "10" and table[3].split()[-1] == str(diverged_at)


def test_each_run_writes_exactly_what_nnsim_run_writes(exp_file, tmp_path):
    out, alone = tmp_path / "cmp", tmp_path / "alone"
    varied = exp_file.parent / "lr01.json"
    save_experiment(Experiment.default().with_lr(0.1), varied)
    assert main(["compare", str(exp_file), "--vary", "training.optimizer.lr=0.1", "--steps", "30",
                 "--out", str(out)]) == 0  # fmt: skip
    assert main(["run", str(varied), "--steps", "30", "--out", str(alone)]) == 0
    assert (out / "run-1" / "metrics.csv").read_text() == (alone / "metrics.csv").read_text()
    assert (out / "run-1" / "experiment.json").read_text() == (
        alone / "experiment.json"
    ).read_text()
    for name in ("weights_initial.npz", "weights_final.npz", "data.npz"):
        a, b = np.load(out / "run-1" / name), np.load(alone / name)
        assert a.files == b.files and all(np.array_equal(a[k], b[k]) for k in a.files)
    _, rows = read_csv(out / "summary.csv")
    trainer = Trainer(Experiment.default().with_lr(0.1))
    trainer.run(30)
    final = trainer.evaluate()
    assert float(rows[0]["final_train_loss"]) == final.train_loss
    assert float(rows[0]["test_accuracy"]) == final.test_accuracy
    best = min(trainer.evaluations.column("test_loss"))
    assert float(rows[0]["best_test_loss"]) == best


@pytest.fixture
def trainer_steps(monkeypatch):
    """How often ``Trainer.step`` ran: runs trained as one stack never call it."""
    calls = []
    step = Trainer.step

    def counted(self):
        calls.append(self)
        return step(self)

    monkeypatch.setattr(Trainer, "step", counted)
    return calls


def same_cells(got: str, want: str, rel: float = 1e-12) -> bool:
    """Two CSV cells: equal text, or numbers equal to ``rel`` relative."""
    if got == want:
        return True
    try:
        a, b = float(got), float(want)
    except ValueError:
        return False
    return abs(a - b) <= rel * abs(b)


def test_a_stacked_compare_writes_what_each_run_alone_writes(spiral_file, tmp_path, trainer_steps):
    rates = ["0.001", "0.01", "0.03", "10"]  # 10 diverges; the others go on
    out = tmp_path / "cmp"
    argv = ["compare", str(spiral_file), "--vary", f"training.optimizer.lr={','.join(rates)}"]
    assert main([*argv, "--steps", "60", "--out", str(out)]) == 0
    assert trainer_steps == []  # trained as one stack, not Trainer after Trainer
    for i, _ in enumerate(rates, start=1):
        run, alone = out / f"run-{i}", tmp_path / f"alone-{i}"
        code = main(["run", str(run / "experiment.json"), "--steps", "60", "--out", str(alone)])
        assert code == (3 if i == 4 else 0)
        assert {p.name for p in run.iterdir()} == RUN_FILES
        assert (run / "experiment.json").read_bytes() == (alone / "experiment.json").read_bytes()
        for name in ("data.npz", "weights_initial.npz", "weights_final.npz"):
            a, b = np.load(run / name), np.load(alone / name)
            assert a.files == b.files
            for key in a.files:
                if name == "weights_final.npz":
                    scale = np.max(np.abs(b[key]))
                    assert np.max(np.abs(a[key] - b[key])) <= 1e-12 * scale, (i, key)
                else:
                    assert np.array_equal(a[key], b[key]), (i, name, key)
        with open(run / "metrics.csv", encoding="utf-8") as f:
            got = list(csv.reader(f))
        with open(alone / "metrics.csv", encoding="utf-8") as f:
            want = list(csv.reader(f))
        assert got[0] == want[0] and len(got) == len(want) == (61 if i < 4 else len(want))
        for g, w in zip(got[1:], want[1:], strict=True):
            assert g[:2] == w[:2] and all(map(same_cells, g, w)), (i, g, w)
        got_d, want_d = (json.loads((d / "diagnosis.json").read_text()) for d in (run, alone))
        where = [(d["code"], d["step"], d["layer"]) for d in got_d]
        assert where == [(d["code"], d["step"], d["layer"]) for d in want_d], i
        assert (i == 4) == ("diverged" in {d["code"] for d in got_d})
    assert len(want) < 61  # the diverging run's rows end at its step


def test_epochs_per_run_in_stacks_of_different_batch_sizes(exp_file, tmp_path, trainer_steps):
    out = tmp_path / "e"
    argv = ["compare", str(exp_file), "--vary", "training.optimizer.lr=0.1,0.3",
            "--vary", "training.batch_size=10,25", "--epochs", "2", "--out", str(out)]  # fmt: skip
    assert main(argv) == 0
    assert trainer_steps == []  # two stacks of two
    steps = [int(read_csv(out / f"run-{i}" / "metrics.csv")[1][-1]["step"]) for i in range(1, 5)]
    assert steps == [50, 20, 50, 20]  # 250 training points
    _, rows = read_csv(out / "summary.csv")
    assert all(r["diverged_at"] == "" for r in rows)


def test_a_grid_of_two_by_two_and_optimizer_defaults(tmp_path):
    d = Experiment.default().to_dict()
    d["training"]["optimizer"] = {"name": "sgd", "lr": 0.05, "momentum": 0.9}
    path = tmp_path / "momentum.json"
    path.write_text(json.dumps(d))
    out = tmp_path / "grid"
    argv = ["compare", str(path), "--vary", "training.optimizer.name=sgd,adam",
            "--vary", "training.batch_size=10,all", "--steps", "20", "--out", str(out)]  # fmt: skip
    assert main(argv) == 0
    header, rows = read_csv(out / "summary.csv")
    assert header == ["training.optimizer.name", "training.batch_size", *SUMMARY]
    assert [(r["training.optimizer.name"], r["training.batch_size"]) for r in rows] == [
        ("sgd", "10"), ("sgd", "all"), ("adam", "10"), ("adam", "all"),
    ]  # fmt: skip
    optimizers = [
        json.loads((out / f"run-{i}" / "experiment.json").read_text())["training"]
        for i in range(1, 5)
    ]
    # the file's SGD keeps its momentum; Adam starts from its own defaults, keeping lr
    assert optimizers[0]["optimizer"] == {"name": "sgd", "lr": 0.05, "momentum": 0.9}
    assert optimizers[2]["optimizer"] == {"name": "adam", "lr": 0.05}
    assert [t["batch_size"] for t in optimizers] == [10, "all", 10, "all"]
    full_batch = read_csv(out / "run-2" / "metrics.csv")[1]
    assert {r["epoch"] for r in full_batch} == {str(s) for s in range(1, 21)}


def test_another_schedule_starts_from_its_suggested_values(exp_file, tmp_path):
    out = tmp_path / "s"
    argv = ["compare", str(exp_file), "--vary", "training.schedule.name=constant,step,cosine"]
    assert main([*argv, "--steps", "5", "--out", str(out)]) == 0
    schedules = [
        json.loads((out / f"run-{i}" / "experiment.json").read_text())["training"]["schedule"]
        for i in (1, 2, 3)
    ]
    assert schedules[1] == {"name": "step", "unit": "step", "step_size": 500}
    assert schedules[2]["name"] == "cosine" and schedules[2]["T_max"] > 0


def test_epochs_count_per_run(exp_file, tmp_path):
    out = tmp_path / "e"
    argv = ["compare", str(exp_file), "--vary", "training.batch_size=10,25", "--epochs", "2"]
    assert main([*argv, "--out", str(out)]) == 0
    steps = [int(read_csv(out / f"run-{i}" / "metrics.csv")[1][-1]["step"]) for i in (1, 2)]
    assert steps == [2 * 25, 2 * 10]  # 250 training points


@pytest.mark.parametrize(
    ("vary", "message"),
    [
        (["foo.bar=1,2"], "--vary foo.bar: no such setting"),
        (["training.optimizr.lr=0.1"], "no such setting (training.optimizr"),
        (["training.optimizer.lr=0.1,-1"], "--vary training.optimizer.lr=-1: must be > 0, got -1"),
        (["network.init=he_normal,hee"], "--vary network.init=hee: must be one of"),
        (["training.batch_size=0"], "--vary training.batch_size=0: must be an integer"),
        (["training.optimizer.name=adam,nope"], "training.optimizer.name=nope: must be one of"),
        (["training.optimizer.lr=NaN"], "training.optimizer.lr=NaN"),
        (["training.optimizer.momentum=0.5", "training.optimizer.name=sgd,adam"],
         "training.optimizer.name=adam: training.optimizer.momentum: unknown key"),
        (["seed=1,2,3,4,5", "training.optimizer.lr=0.1,0.2,0.3,0.4"],
         "5 × 4 = 20 runs; at most 16"),
        (["seed=1,2", "seed=3"], "--vary seed: given more than once"),
        (["seed"], "expected KEY=V1,V2"),
        (["seed=1,,2"], "a value is empty"),
    ],
)  # fmt: skip
def test_bad_variations_exit_2_with_the_message(exp_file, tmp_path, capsys, vary, message):
    argv = ["compare", str(exp_file), "--steps", "5", "--out", str(tmp_path / "o")]
    for v in vary:
        argv += ["--vary", v]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err
    assert not (tmp_path / "o").exists()  # nothing trained, nothing written


def test_bad_input_to_compare_exits_2(tmp_path, exp_file, capsys):
    assert main(["compare", str(tmp_path / "nope.json"), "--vary", "seed=1"]) == 2
    assert "no such file" in capsys.readouterr().err
    assert main(["compare", str(exp_file), "--vary", "seed=1", "--steps", "0"]) == 2
    assert "--steps: must be >= 1" in capsys.readouterr().err
    for argv in (["compare", str(exp_file)], ["compare", str(exp_file), "--vary", "seed=1",
                                              "--steps", "3", "--epochs", "1"]):  # fmt: skip
        with pytest.raises(SystemExit) as exc:
            main(argv)
        assert exc.value.code == 2


def test_compare_as_a_subprocess(exp_file, tmp_path):
    proc = subprocess.run(
        [sys.executable, "-m", "nnsim", "compare", str(exp_file), "--vary", "seed=1,2",
         "--steps", "10", "--out", str(tmp_path / "p")],
        capture_output=True, text=True,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines()[0].split()[0] == "seed"
    assert read_csv(tmp_path / "p" / "summary.csv")[0][0] == "seed"


# -- lr-find ---------------------------------------------------------------------------------


def test_lr_find_writes_the_curve_and_prints_the_suggestions(exp_file, tmp_path, capsys):
    out = tmp_path / "lr"
    assert main(["lr-find", str(exp_file), "--out", str(out)]) == 0
    header, rows = read_csv(out / "lr_find.csv")
    assert header == ["step", "lr", "loss", "smoothed_loss"]
    assert [int(r["step"]) for r in rows] == list(range(1, len(rows) + 1))
    lrs = np.array([float(r["lr"]) for r in rows])
    np.testing.assert_array_equal(lrs, lr_sequence(1e-7, 10.0, 100)[: len(rows)])
    printed = capsys.readouterr().out
    assert "Steepest descent:" in printed and "Minimum ÷ 10:" in printed
    assert "the loss fell fastest" in printed


def test_lr_find_with_its_options(exp_file, tmp_path, capsys):
    out = tmp_path / "lr"
    argv = ["lr-find", str(exp_file), "--start", "1e-4", "--end", "1", "--steps", "12"]
    assert main([*argv, "--out", str(out)]) == 0
    _, rows = read_csv(out / "lr_find.csv")
    assert float(rows[0]["lr"]) == 1e-4 and float(rows[-1]["lr"]) == 1.0 and len(rows) == 12


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--start", "1", "--end", "0.1"], "--end: must be greater than start"),
        (["--start", "1", "--end", "1"], "--end: must be greater than start"),
        (["--start", "0"], "--start: must be a number > 0"),
        (["--start=-1e-3"], "--start: must be a number > 0"),
        (["--end", "1000"], "--end: must be a number in (0, 100]"),
        (["--end", "nan"], "--end: must be a number"),
        (["--steps", "1"], "--steps: must be an integer >= 2"),
        (["--steps", "0"], "--steps: must be an integer >= 2"),
    ],
)
def test_lr_find_bad_ranges_exit_2(exp_file, tmp_path, capsys, args, message):
    assert main(["lr-find", str(exp_file), *args, "--out", str(tmp_path / "o")]) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err
    assert not (tmp_path / "o").exists()


def test_lr_find_bad_file_exits_2(tmp_path, capsys):
    bad = tmp_path / "bad.json"
    bad.write_text('{"data": {"dataset": "nope"}}')
    assert main(["lr-find", str(bad)]) == 2
    assert "data.dataset" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exc:
        main(["lr-find", str(bad), "--steps", "many"])
    assert exc.value.code == 2
