"""What a step measures (norms, update ratios, the history row), measured independently,
and the metrics.csv text written in blocks."""

from __future__ import annotations

import csv
import io
import itertools
import warnings

import numpy as np
import pytest

from nnsim.training.experiment import Experiment
from nnsim.training.metrics_log import BLOCK_ROWS, MetricsFile, metrics_header, metrics_lines
from nnsim.training.results import Evaluation, StepResult
from nnsim.training.trainer import Trainer
from nnsim.training.variations import with_settings

CLIPPED = {
    "training.grad_clip": {"mode": "norm", "max_norm": 0.01},
    "training.optimizer": {"name": "sgd", "lr": 0.3, "momentum": 0.9},
    "training.regularization": {"kind": "l2", "rate": 0.01},
}


def layer_norms(trainer: Trainer, v: np.ndarray) -> np.ndarray:
    starts = [*trainer.network.weight_starts, trainer.network.n_weights]
    return np.array([np.linalg.norm(v[a:b]) for a, b in itertools.pairwise(starts)])


@pytest.mark.parametrize("settings", [{}, CLIPPED], ids=["sgd", "momentum-l2-clipped"])
def test_a_steps_norms_and_ratios_are_those_of_its_gradient_and_update(settings):
    trainer = Trainer(with_settings(Experiment.default(), settings))
    trainer.run(5)
    net = trainer.network
    x, y = trainer.next_batch()
    net.forward(x)
    net.backward(y)
    reg = trainer.experiment.training.regularization.rate
    grad = net.grad.copy()
    grad[: net.n_weights] += reg * net.theta[: net.n_weights]  # L2 (0 without)
    before = net.theta.copy()
    result = trainer.train_on(x, y)
    step = net.theta - before
    assert result.grad_norms == pytest.approx(layer_norms(trainer, grad), rel=1e-13)  # unclipped
    assert result.weight_norms == pytest.approx(layer_norms(trainer, before), rel=1e-13)
    ratios = layer_norms(trainer, step) / layer_norms(trainer, before)
    assert result.update_ratios == pytest.approx(ratios, rel=1e-13)
    row = trainer.history.last()
    assert row is not None and row["step"] == result.step == 6 and row["lr"] == result.lr
    assert [row[f"grad_norm_{k}"] for k in (1, 2, 3)] == result.grad_norms.tolist()
    assert [row[f"update_ratio_{k}"] for k in (1, 2, 3)] == result.update_ratios.tolist()


def test_results_arrays_are_never_reused():
    trainer = Trainer(Experiment.default())
    first = trainer.step()
    kept = [a.copy() for a in (first.grad_norms, first.weight_norms, first.update_ratios)]
    trainer.run(20)
    for a, b in zip(kept, (first.grad_norms, first.weight_norms, first.update_ratios), strict=True):
        assert np.array_equal(a, b)


def test_a_diverging_run_warns_about_nothing_inside_or_outside_quiet_steps():
    exp = with_settings(
        Experiment.default(),
        {
            "data.dataset": "plane",
            "network.hidden_layers": [{"units": 8, "activation": "relu"}] * 3,
            "training.optimizer": {"name": "sgd", "lr": 50.0},
        },
    )
    for quiet in (False, True):
        trainer = Trainer(exp)
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            if quiet:
                with trainer.quiet_steps(), trainer.quiet_steps():  # nested: still quiet
                    results = [trainer.step() for _ in range(500) if trainer.diverged is None]
            else:
                results = [trainer.step() for _ in range(500) if trainer.diverged is None]
        assert results[-1].diverged
        assert np.all(np.isfinite(trainer.network.theta))
    with pytest.warns(RuntimeWarning):  # and the quiet ends with the block
        np.array([1e308]) * 10.0


def csv_rows(results: list[StepResult]) -> str:
    """metrics.csv rows as csv.writer writes them from repr'd cells."""
    out = io.StringIO(newline="")
    writer = csv.writer(out)
    for r in results:
        row = [r.step, r.epoch, repr(r.lr), repr(r.loss), *map(repr, r.grad_norms.tolist())]
        ev = r.evaluation
        if ev is None:
            row += ["", "", "", ""]
        else:
            accuracies = [
                "" if np.isnan(a) else repr(a) for a in (ev.train_accuracy, ev.test_accuracy)
            ]
            row += [repr(ev.train_loss), repr(ev.test_loss), *accuracies]
        writer.writerow(row)
    return out.getvalue()


def test_metrics_lines_are_the_csv_rows_of_the_results():
    grads = np.array([0.1, 1e-300, np.inf])
    results = [
        StepResult(1, 1, 0.03, 0.6931471805599453, 0.0, grads, grads, grads),
        StepResult(2, 1, 0.03, 1 / 3, 0.0, grads, grads, grads, Evaluation(2, 0.5, 0.25, 0.9, 1.0)),
        StepResult(
            3, 2, 1e-05, np.nan, 0.0, grads, grads, grads, Evaluation(3, 0.5, 2.0, np.nan, np.nan)
        ),
    ]
    assert metrics_lines(results) == csv_rows(results)


def test_metrics_file_writes_every_row_in_blocks(tmp_path):
    trainer = Trainer(Experiment.default())
    metrics = MetricsFile(tmp_path, trainer.network.depth)
    results = [trainer.step() for _ in range(BLOCK_ROWS + 7)]
    for result in results:
        metrics.write(result)
    metrics.close()
    metrics.close()  # twice is harmless
    text = (tmp_path / "metrics.csv").read_bytes().decode("utf-8")
    header = ",".join(metrics_header(trainer.network.depth)) + "\r\n"
    assert text == header + csv_rows(results)
