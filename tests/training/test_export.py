"""The exported scripts reproduce nnsim's training: each is generated, run in a subprocess
from a temporary folder, and its ``weights_final.npz`` compared with the Trainer's final
weights (NumPy: ≤ 1e-12; PyTorch in float64: ≤ 1e-9, when torch is importable).

All the scripts of one kind run in one subprocess (``runpy``, each in its own folder), so
the whole matrix costs one interpreter start."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import numpy as np
import pytest

from nnsim.training.experiment import Experiment
from nnsim.training.export import ExportError, export_script, plan_export, script_text
from nnsim.training.trainer import Trainer
from nnsim.training.variations import with_settings

STEPS = 40
SMALL = {"data.samples": 120}


def opt(name, **kw):
    return {"training.optimizer": {"name": name, **kw}}


def sched(name, unit="step", **kw):
    return {"training.schedule": {"name": name, "unit": unit, **kw}}


ALL_ACTIVATIONS = [
    {"units": 4, "activation": a}
    for a in ("elu", "silu", "sine", "leaky_relu", "linear", "sigmoid", "relu", "gelu")
]

CASES = {
    "default": {},
    "sgd-momentum-decay": opt("sgd", lr=0.1, momentum=0.9, dampening=0.1, weight_decay=0.01),
    "sgd-nesterov": opt("sgd", lr=0.1, momentum=0.9, nesterov=True),
    "adagrad": opt(
        "adagrad", lr=0.1, lr_decay=0.01, weight_decay=0.001, initial_accumulator_value=0.1
    ),
    "rmsprop": opt("rmsprop", lr=0.01, weight_decay=0.01),
    "rmsprop-centered-momentum": opt("rmsprop", lr=0.01, momentum=0.5, centered=True),
    "adam-amsgrad-decay": opt("adam", lr=0.01, amsgrad=True, weight_decay=0.01),
    "adamw": opt("adamw", lr=0.01, betas=[0.8, 0.99]),
    "warmup-constant": sched("constant", warmup_steps=5),
    "inverse-time-staircase": sched("inverse_time", decay_rate=0.5, decay_steps=3, staircase=True),
    "step-per-epoch": {**sched("step", "epoch", step_size=2, gamma=0.5), "training.batch_size": 25},
    "exponential-warmup": sched("exponential", gamma=0.95, warmup_steps=10),
    "cosine-warmup": sched("cosine", T_max=20, eta_min=0.001, warmup_steps=4),
    "cosine-restarts": sched("cosine", T_max=None, T_0=5, restarts=True, T_mult=2),
    "one-cycle-sgd": {**sched("one_cycle", total_steps=30), **opt("sgd", lr=0.1)},
    "one-cycle-adam-3-phase": {
        **sched("one_cycle", total_steps=30, three_phase=True, anneal_strategy="linear"),
        **opt("adam", lr=0.01),
    },
    "one-cycle-adagrad": {**sched("one_cycle", "epoch", total_steps=5), **opt("adagrad", lr=0.1)},
    "plateau-per-epoch": {
        **sched("plateau", "epoch", patience=0, factor=0.5),
        "training.batch_size": 20,
    },
    "activations": {"network.hidden_layers": ALL_ACTIVATIONS},
    "batch-norm-dropout": {
        "network.batch_norm": True,
        "network.dropout": 0.2,
        "network.hidden_layers": [{"units": 5, "activation": "relu"}, {"units": 3}],
    },
    "multiclass-l1-clip-norm": {
        "data.dataset": "spiral3",
        "training.regularization": {"kind": "l1", "rate": 0.01},
        "training.grad_clip": {"mode": "norm", "max_norm": 0.1},
    },
    "regression-l2-clip-value-all": {
        "data.dataset": "plane",
        "training.regularization": {"kind": "l2", "rate": 0.01},
        "training.grad_clip": {"mode": "value", "clip_value": 0.01},
        "training.batch_size": "all",
    },
    "regression-tanh-output-features-odd-batch": {
        "data.dataset": "plane",
        "network.output_activation": "tanh",
        "data.features": ["x1", "x2", "sin_x1", "x1_x2", "x2_sq"],
        "training.batch_size": 59,  # 60 training points: a last batch of one joins the one before
    },
    "diverges": {"network.hidden_layers": [{"units": 8, "activation": "linear"}] * 3,
                 "data.dataset": "plane", **opt("sgd", lr=100.0)},  # the loss becomes nan at step 4
}  # fmt: skip

RUNNER = textwrap.dedent(
    """
    import os, runpy, sys, contextlib, io
    for folder in sys.argv[1:]:
        os.chdir(folder)
        with contextlib.redirect_stdout(io.StringIO()) as out:
            runpy.run_path(os.path.join(folder, "train.py"), run_name="__main__")
        print(os.path.basename(folder), out.getvalue().strip().splitlines()[-3])
    """
)


def experiment_for(settings):
    return with_settings(Experiment(), {**SMALL, **settings})


def nnsim_final(experiment, steps=STEPS):
    trainer = Trainer(experiment)
    trainer.run(steps)
    return trainer.network.state()


def run_scripts(tmp_path, to, cases, python=sys.executable):
    """Export every case, run all the scripts in one subprocess; their final weights."""
    folders = []
    for name, settings in cases.items():
        folder = tmp_path / to / name
        folder.mkdir(parents=True)
        export_script(experiment_for(settings), to, STEPS, folder / "train.py", name)
        folders.append(folder)
    proc = subprocess.run(
        [python, "-c", RUNNER, *map(str, folders)], capture_output=True, text=True, timeout=600
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    return {f.name: dict(np.load(f / "weights_final.npz")) for f in folders}, proc.stdout


def assert_same_weights(got, want, tol, name, relative=False):
    """Every array within ``tol`` (of 1, or of the weight's size where ``relative``: the
    weights of a run that blew up are ~1e24, and float64 holds them to 1e-16 of that)."""
    assert set(got) == set(want), f"{name}: {sorted(got)} != {sorted(want)}"
    for key in want:
        scale = np.maximum(1.0, np.abs(want[key])) if relative else 1.0
        diff = float(np.max(np.abs(got[key] - want[key]) / scale))
        assert diff <= tol, f"{name}: {key} differs by {diff:.3g}"


def test_numpy_scripts_reproduce_nnsim_weights(tmp_path):
    finals, out = run_scripts(tmp_path, "numpy", CASES)
    for name, settings in CASES.items():  # the run that blows up: to 1e-12 of its ~1e150
        want = nnsim_final(experiment_for(settings))  # (the script sums db row after row)
        assert_same_weights(finals[name], want, 1e-12, name, relative=name == "diverges")
    diverged = Trainer(experiment_for(CASES["diverges"])).run(STEPS).diverged
    assert diverged and diverged.startswith("loss became nan at step 4")
    assert "diverges step 4: the loss became nan; stopping, as nnsim does" in out


def test_pytorch_scripts_reproduce_nnsim_weights_in_float64(tmp_path):
    pytest.importorskip("torch")
    finals, out = run_scripts(tmp_path, "pytorch", CASES)
    for name, settings in CASES.items():
        want = nnsim_final(experiment_for(settings))
        assert_same_weights(finals[name], want, 1e-9, name, relative=name == "diverges")
    assert "diverges step 4: the loss became nan; stopping, as nnsim does" in out


def test_a_script_saves_what_nnsim_run_saves(tmp_path):
    """Same names, shapes and values as ``nnsim run``'s weights_final.npz (batch-norm
    buffers included), written into the folder it runs from, not the script's."""
    from nnsim.__main__ import main
    from nnsim.training.experiment import save_experiment

    experiment = experiment_for(CASES["batch-norm-dropout"])
    save_experiment(experiment, tmp_path / "bn.json")
    assert main(["run", str(tmp_path / "bn.json"), "--steps", "7", "--out", str(tmp_path)]) == 0
    export_script(experiment, "numpy", 7, tmp_path / "bn_numpy.py")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    proc = subprocess.run(
        [sys.executable, str(tmp_path / "bn_numpy.py")], cwd=elsewhere, capture_output=True
    )
    assert proc.returncode == 0, proc.stderr
    got, want = np.load(elsewhere / "weights_final.npz"), np.load(tmp_path / "weights_final.npz")
    assert "running_var1" in want.files
    assert_same_weights(dict(got), dict(want), 1e-12, "bn")


def test_the_numpy_script_is_the_articles_code_with_only_what_it_needs():
    plain = script_text(plan_export(Experiment(), 10), "numpy", "t.py", "t.data.npz")
    for name in ("forward_propagation", "compute_loss", "backward_propagation", "A3"):
        assert name in plain
    for unused in ("batch_norm", "dropout", "relu", "Adam", "clip_gradients", "penalty(params)"):
        assert unused not in plain, unused
    compile(plain, "t.py", "exec")
    adam = experiment_for({**opt("adam", lr=0.01), **CASES["batch-norm-dropout"]})
    text = script_text(plan_export(adam, 10), "numpy", "t.py", "t.data.npz")
    assert "torch.optim.Adam" in text and "batch_norm_forward" in text and "dropout_rng" in text


def test_the_pytorch_script_uses_torchs_classes():
    experiment = experiment_for({**CASES["batch-norm-dropout"], **CASES["cosine-warmup"]})
    text = script_text(plan_export(experiment, 10), "pytorch", "t.py", "t.data.npz")
    for name in (
        "torch.nn.Sequential(",
        "torch.nn.BatchNorm1d(",
        "torch.optim.SGD(",
        "lr_scheduler.CosineAnnealingLR(",
        "lr_scheduler.SequentialLR(",
        "LinearLR(",
    ):
        assert name in text, name  # fmt: skip
    compile(text, "t.py", "exec")


@pytest.mark.parametrize("schedule", ["plateau", "one_cycle"])
def test_pytorch_refuses_a_warmed_up_schedule_it_cannot_chain(schedule):
    extra = {"total_steps": 50} if schedule == "one_cycle" else {}
    experiment = experiment_for(sched(schedule, warmup_steps=3, **extra))
    with pytest.raises(ExportError, match=f"cannot warm up a {schedule} schedule"):
        script_text(plan_export(experiment, 10), "pytorch", "t.py", "t.data.npz")
    script_text(plan_export(experiment, 10), "numpy", "t.py", "t.data.npz")  # NumPy can


def test_the_data_file_holds_the_start(tmp_path):
    experiment = experiment_for(CASES["multiclass-l1-clip-norm"])
    script, data = export_script(experiment, "numpy", 5, tmp_path / "s.py")
    assert data.name == "s.data.npz" and json.dumps(str(data.name)) in script.read_text()
    arrays = np.load(data)
    trainer = Trainer(experiment)
    assert np.array_equal(arrays["X_train"], trainer.data.x_train)
    assert np.array_equal(arrays["Y_train"], trainer.data.y_train)  # class labels
    assert np.array_equal(arrays["W1"], trainer.initial_state["W1"])
