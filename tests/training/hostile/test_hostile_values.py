"""Issue 15: what validates, runs; memory is bounded; saving is safe; a blown-up run says
what went non-finite first (the hostile files themselves are in ``tests/hostile``)."""

from __future__ import annotations

import os
import tempfile
import time

import numpy as np
import pytest

from nnsim.__main__ import main
from nnsim.training.experiment import Experiment, ExperimentError, load_experiment, save_experiment
from nnsim.training.experiment import memory as memory_module
from nnsim.training.trainer import Trainer

RELU = {"hidden_layers": [{"units": 8, "activation": "relu"}] * 2, "init": "he_normal"}


def refusal(d: dict) -> list[str]:
    with pytest.raises(ExperimentError) as info:
        Experiment.from_dict(d)
    return info.value.problems


# -- what validates, runs -----------------------------------------------------------------------


@pytest.mark.parametrize("t_mult", [2, 2**40, 2**53])
def test_cosine_with_restarts_and_any_t_mult_validates_and_trains(t_mult):
    """T_mult is fine only beside restarts; a long last cycle overflowed int64 (TypeError)."""
    schedule = {"name": "cosine", "T_max": 10, "restarts": True, "T_mult": t_mult}
    trainer = Trainer(Experiment.from_dict({"training": {"schedule": schedule}}))
    assert trainer.run(3).step == 3


def test_an_experiment_needing_more_memory_than_allowed_is_refused_with_the_estimate():
    maxima = {
        "data": {"samples": 100_000},
        "network": {"hidden_layers": [{"units": 256, "activation": "relu"}] * 32},
        "training": {"batch_size": "all"},
    }
    (problem,) = refusal(maxima)
    assert problem.startswith("top level: training needs about 14.8 GB of memory (50000 training")
    assert "nnsim allows 4.0 GB" in problem and "use a smaller batch" in problem
    small_batch = maxima | {"training": {"batch_size": 100}}
    Experiment.from_dict(small_batch)  # the same network on small batches fits


def test_the_memory_limit_is_half_of_a_small_machine(monkeypatch):
    monkeypatch.setattr(memory_module, "machine_memory", lambda: 10**9)
    wide = {"data": {"samples": 20_000}, "network": {"hidden_layers": [{"units": 256}] * 8},
            "training": {"batch_size": "all"}}  # fmt: skip
    (problem,) = refusal(wide)
    assert "nnsim allows 0.5 GB (half this machine's 1.0 GB, at most 4.0 GB)" in problem
    Experiment.from_dict(wide | {"training": {"batch_size": 10}, "network": {}})


def test_runs_trained_together_are_refused_by_their_summed_estimate(monkeypatch, tmp_path, capsys):
    from nnsim.training.run_group import RunGroup

    monkeypatch.setattr(memory_module, "machine_memory", lambda: 10**9)  # 0.5 GB allowed
    d = {"data": {"samples": 20_000}, "network": {"hidden_layers": [{"units": 128}] * 3},
         "training": {"batch_size": "all"}}  # fmt: skip
    one = Experiment.from_dict(d)  # about 0.14 GB: three fit, four do not
    assert memory_module.group_memory_problem([one] * 3) is None
    with pytest.raises(ExperimentError) as info:
        RunGroup([one] * 4)  # Compare's runs: refused before any trainer is built
    (problem,) = info.value.problems
    assert problem.startswith("the 4 runs together need about 0.6 GB of memory (the largest 0.1")
    assert "nnsim allows 0.5 GB (half this machine's 1.0 GB" in problem
    path, out = tmp_path / "wide.json", tmp_path / "out"
    save_experiment(one, path)
    argv = ["compare", str(path), "--vary", "seed=1,2,3,4", "--steps", "1", "--out", str(out)]
    assert main(argv) == 2 and not out.exists()
    assert f"nnsim: {problem}" in capsys.readouterr().err


def test_two_hundred_thousand_hidden_controls_are_checked_in_linear_time():
    names = [f"c{i}" for i in range(200_000)]
    problems = refusal({"view": {"hidden_controls": names}})
    assert problems == ["view.hidden_controls: must be a list of 0..200 control names, got "
                        "200000 names"]  # fmt: skip
    # (a quadratic duplicate check took 513 s; the list is refused by its length first)


# -- saving ----------------------------------------------------------------------------------


def test_saving_through_a_symlink_writes_its_target_and_keeps_the_link(tmp_path):
    target = tmp_path / "real.json"
    save_experiment(Experiment.default(), target)
    link = tmp_path / "link.json"
    link.symlink_to("real.json")
    save_experiment(Experiment(seed=5), link)
    assert link.is_symlink() and load_experiment(target).seed == 5


def test_a_read_only_file_is_refused_and_kept(tmp_path):
    path = tmp_path / "exp.json"
    save_experiment(Experiment.default(), path)
    path.chmod(0o444)
    before = path.read_bytes()
    with pytest.raises(PermissionError, match="the file is read-only"):
        save_experiment(Experiment(seed=7), path)
    assert path.read_bytes() == before and os.listdir(tmp_path) == ["exp.json"]


def test_a_temporary_file_left_by_a_killed_save_is_removed_by_the_next(tmp_path):
    path = tmp_path / "exp.json"
    names = (".exp.json.ab12cd34.tmp", ".exp.json.zz99yy88.tmp", ".x.json.ab12cd34.tmp")
    stale, fresh, other = (tmp_path / name for name in names)
    for leftover in (stale, fresh, other):
        leftover.write_text("{")
    old = time.time() - 3600
    os.utime(stale, (old, old))
    os.utime(other, (old, old))
    save_experiment(Experiment.default(), path)
    assert not stale.exists()
    assert fresh.exists() and other.exists()  # another save may be writing it; not this file's


def test_nnsim_run_into_a_folder_it_cannot_write_says_so(monkeypatch, tmp_path, capsys):
    experiment = tmp_path / "exp.json"
    save_experiment(Experiment.default(), experiment)
    out = tmp_path / "out"
    out.mkdir()

    def refuse(*args, dir=None, **kwargs):  # a read-only folder (root would still write)
        raise PermissionError(13, "Permission denied", str(dir))

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    monkeypatch.setattr(tempfile, "TemporaryFile", refuse)
    assert main(["run", str(experiment), "--steps", "5", "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert err == f"nnsim: --out {out}: cannot write in the folder: Permission denied\n"


def test_a_disk_failing_midway_through_nnsim_run_gives_one_line(monkeypatch, tmp_path, capsys):
    from nnsim.cli import run_files

    experiment = tmp_path / "exp.json"
    save_experiment(Experiment.default(), experiment)

    def full(*args, **kwargs):
        raise OSError(28, "No space left on device", "weights_final.npz")

    monkeypatch.setattr(run_files, "write_final", full)
    code = main(["run", str(experiment), "--steps", "2", "--out", str(tmp_path / "out")])
    assert code == 2
    assert capsys.readouterr().err.endswith("nnsim: weights_final.npz: No space left on device\n")


# -- what went non-finite first ------------------------------------------------------------------


def diverged(d: dict, steps: int, poke=None) -> str:
    trainer = Trainer(Experiment.from_dict(d))
    if poke is not None:
        poke(trainer)
    trainer.run(steps)
    assert trainer.diverged, "the run was meant to blow up"
    return trainer.diverged


def test_a_huge_momentum_is_blamed_not_the_learning_rate():
    text = diverged({"training": {"optimizer": {"name": "sgd", "lr": 0.01, "momentum": 1e308}}}, 20)
    assert "SGD's momentum 1e+308 makes its updates overflow, not the learning rate 0.01" in text
    assert "try momentum 0 (the default)" in text and "try ≤" not in text


def test_a_loss_that_overflows_before_any_update_blames_the_weights():
    def huge(trainer):
        trainer.network.theta[...] = 1e300

    text = diverged({"network": RELU, "loss": "mse"}, 3, huge)
    assert text.startswith("loss became inf at step 1, before any update — the starting weights")
    assert "not the learning rate" in text


def test_a_one_cycle_rate_is_lowered_through_max_lr():
    schedule = {"name": "one_cycle", "total_steps": 1000, "max_lr": 100, "pct_start": 0.1}
    text = diverged({"network": RELU, "loss": "mse", "training": {"schedule": schedule}}, 300)
    assert "which the one-cycle schedule gives at this step (max_lr 100)" in text
    assert text.endswith("try max_lr ≤ 10")


def test_a_plain_learning_rate_is_still_blamed_for_what_it_does():
    text = diverged({"network": RELU, "loss": "mse", "training": {"optimizer": {"lr": 50}}}, 500)
    assert "the learning rate 50 is too high for this network; try ≤ 5" in text


def test_an_overflowing_gradient_is_called_exploding():
    from nnsim.training.divergence import explain_divergence

    trainer = Trainer(Experiment.default())
    trainer.run(3)
    trainer.network.grad[0] = np.inf
    text = explain_divergence(trainer, "a weight became inf", 4, 0.03)
    assert text.startswith("a weight became inf at step 4 — the gradient overflowed (exploding")


def test_the_coach_says_what_the_trainer_found():
    from nnsim.training.diagnosis import diagnose

    trainer = Trainer(
        Experiment.from_dict({"training": {"optimizer": {"name": "sgd", "momentum": 1e308}}})
    )
    trainer.run(20)
    (diverged,) = [d for d in diagnose(trainer) if d.code == "diverged"]
    assert diverged.message == trainer.diverged and "momentum 1e+308" in diverged.message


def test_a_schedule_that_overflows_on_its_way_to_zero_warns_nothing():
    """Run under pytest's error::RuntimeWarning: inverse-time decay's decay_rate·t reaches inf
    (η → 0) in the window's preview and at late steps (issue 15 item 10)."""
    from nnsim.engine.schedules import lr_curve, make_schedule

    schedule = make_schedule("inverse_time", 0.03, decay_rate=1e300)
    Experiment.from_dict({"training": {"schedule": {"name": "inverse_time", "decay_rate": 1e300}}})
    curve = lr_curve(schedule, 10_000)
    assert curve[0] == 0.03 and np.isfinite(curve).all()
    assert schedule.lr(2**53) == 0.0


def test_a_file_name_with_a_line_break_prints_as_one_line(tmp_path, capsys):
    path = tmp_path / "bad\nnnsim: forged\x1b[31m.json"
    path.write_text('{"seed": -1, "name": 1}')
    assert main(["validate", str(path)]) == 2
    assert main(["validate", str(tmp_path / "gone\n.json")]) == 2
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 3 and all(line.isprintable() for line in lines)
    assert lines[-1] == f"nnsim: no such file: {tmp_path}/gone\\n.json"
