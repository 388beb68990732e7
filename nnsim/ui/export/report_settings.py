"""What a report says about an experiment and its run: the settings as a table of readable
rows, and the final and best losses and accuracies (File ▸ Export ▸ Report…, see
:mod:`nnsim.ui.export.report`). Every label is in the UI's language; values (numbers,
optimizer and activation names) stay as they are."""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

import numpy as np

from nnsim.engine.datasets import DATASET_TITLES
from nnsim.training.data import steps_per_epoch
from nnsim.training.experiment import Experiment
from nnsim.training.lecture.context import LOSS_TITLES, OPTIMIZER_TITLES
from nnsim.training.snapshot import Snapshot
from nnsim.training.text import QT_TR_NOOP
from nnsim.ui.i18n import tr

TASKS = {
    "binary": QT_TR_NOOP("binary classification"),
    "multiclass": QT_TR_NOOP("classification into {classes} classes"),
    "regression": QT_TR_NOOP("regression"),
}
REGULARIZATIONS = {"l1": "L1", "l2": "L2"}


def number(value: Any) -> str:
    """A setting's value as a person writes it: 0.03, 1e-08, 0.9, True, (0.9, 0.999)."""
    if isinstance(value, bool) or not isinstance(value, int | float | tuple | list):
        return str(value)
    if isinstance(value, tuple | list):
        return "(" + ", ".join(number(v) for v in value) + ")"
    return f"{value:.4g}"


def _params(params: Mapping[str, Any]) -> str:
    return ", ".join(f"{key} = {number(value)}" for key, value in params.items())


def _layers(experiment: Experiment) -> str:
    sizes = experiment.layer_sizes()
    activations = experiment.layer_activations()
    parts = [tr("{units} inputs").format(units=sizes[0])]
    hidden = experiment.network.resolved_layers()
    for k, (units, activation) in enumerate(zip(sizes[1:], activations, strict=True)):
        extras = [activation]
        if k < len(hidden):
            if hidden[k].batch_norm:
                extras.append(tr("batch norm"))
            if hidden[k].dropout:
                extras.append(tr("dropout {p}").format(p=number(hidden[k].dropout)))
        parts.append(f"{units} ({', '.join(extras)})")
    return " → ".join(parts)


def _data(experiment: Experiment) -> str:
    data = experiment.data
    title = tr(DATASET_TITLES.get(data.dataset, "Custom (your points)"))
    task = tr(TASKS[experiment.task_kind]).format(classes=experiment.data.num_classes)
    text = tr("{title}: {task}; {samples} points, noise {noise}, {train:.0%} for training")
    return text.format(
        title=title, task=task, samples=data.samples, noise=number(data.noise),
        train=data.train_fraction,
    )  # fmt: skip


def settings_rows(experiment: Experiment, snapshot: Snapshot | None) -> list[tuple[str, str]]:
    """(label, value) of every setting that shapes the run, and how far it was trained."""
    training = experiment.training
    schedule = training.schedule
    schedule_text = schedule.name
    if schedule.name != "constant":
        unit = tr("per step") if schedule.unit == "step" else tr("per epoch")
        schedule_text = f"{schedule.name} ({unit}{', ' if schedule.params else ''}"
        schedule_text += f"{_params(schedule.params)})"
    regularization = training.regularization
    penalty = tr("none")
    if regularization.kind in REGULARIZATIONS:
        penalty = f"{REGULARIZATIONS[regularization.kind]}, {number(regularization.rate)}"
    clip = training.grad_clip
    clipping = tr("off")
    if clip is not None:
        mode = tr("by norm") if clip.mode == "norm" else tr("by value")
        clipping = f"{mode}, {number(clip.threshold)}"
    batch = training.batch_size
    batch_text = tr("all points (full batch)") if batch == "all" else str(batch)
    optimizer = training.optimizer
    rows = [
        (tr("Data"), _data(experiment)),
        (tr("Features"), ", ".join(experiment.data.features)),
        (tr("Layers"), _layers(experiment)),
        (tr("Initialisation"), experiment.network.init),
        (tr("Batch normalization"), tr("on") if experiment.network.batch_norm else tr("off")),
        (tr("Loss"), tr(LOSS_TITLES.get(experiment.resolved_loss(), experiment.resolved_loss()))),
        (tr("Optimizer"), f"{OPTIMIZER_TITLES.get(optimizer.name, optimizer.name)}: "
                          f"{_params(optimizer.params)}"),
        (tr("Learning-rate schedule"), tr("constant") if schedule.name == "constant"
                                       else schedule_text),
        (tr("Regularization"), penalty),
        (tr("Gradient clipping"), clipping),
        (tr("Batch size"), batch_text),
        (tr("Seed"), str(experiment.seed)),
        (tr("Trained"), _trained(experiment, snapshot)),
    ]  # fmt: skip
    return rows


def _trained(experiment: Experiment, snapshot: Snapshot | None) -> str:
    steps = 0 if snapshot is None else snapshot.step
    epochs = steps / max(1, steps_per_epoch(experiment))
    return tr("{steps} steps ({epochs:.3g} epochs)").format(steps=steps, epochs=epochs)


def _best(steps: np.ndarray, values: np.ndarray, low: bool) -> tuple[float, int] | None:
    finite = np.isfinite(values)
    if not finite.any():
        return None
    candidates = np.where(finite, values, np.inf if low else -np.inf)
    index = int(np.argmin(candidates) if low else np.argmax(candidates))
    return float(values[index]), int(steps[index])


def results_rows(snapshot: Snapshot | None) -> list[tuple[str, str, str]]:
    """(what, train, test) rows: the final and the best loss (with the step), and for a
    classifier the final and best accuracy. Empty before the first evaluation."""
    if snapshot is None or snapshot.evaluation is None:
        return []
    evaluation = snapshot.evaluation
    table = snapshot.evaluations
    steps = table.get("step", np.array([]))

    def final(value: float, percent: bool) -> str:
        if not math.isfinite(value):
            return str(value)
        return f"{value:.1%}" if percent else f"{value:.4g}"

    def best(column: str, low: bool, percent: bool) -> str:
        found = _best(steps, table[column], low) if column in table and len(steps) else None
        if found is None:
            return "–"
        value, step = found
        return tr("{value} (step {step})").format(value=final(value, percent), step=step)

    rows = [
        (tr("Final loss"), final(evaluation.train_loss, False), final(evaluation.test_loss, False)),
        (tr("Best loss"), best("train_loss", True, False), best("test_loss", True, False)),
    ]
    if math.isfinite(evaluation.train_accuracy) or math.isfinite(evaluation.test_accuracy):
        rows += [
            (tr("Final accuracy"), final(evaluation.train_accuracy, True),
             final(evaluation.test_accuracy, True)),
            (tr("Best accuracy"), best("train_accuracy", False, True),
             best("test_accuracy", False, True)),
        ]  # fmt: skip
    return rows
