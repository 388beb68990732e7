"""Export an experiment as a readable, runnable Python script (NumPy only, or PyTorch) that
trains it for the same steps from the same initial weights and data as nnsim, and saves
``weights_final.npz`` as ``nnsim run`` does.

The script is written as ``FILE`` and its data beside it as ``FILE`` with ``.data.npz`` for
its suffix (``X_train, Y_train, X_test, Y_test`` and the initial ``W1, b1, …``): data sets of
up to 100 000 points and networks of millions of weights would make the script itself
megabytes of numbers nobody reads, while ``.npz`` keeps every float64 bit and the script
stays the code. The batch order is not stored: the script draws it from the experiment's
seed with the same NumPy calls as nnsim.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from nnsim.engine.atomic import write_text_atomic
from nnsim.training.export.numpy_script import numpy_script
from nnsim.training.export.plan import DEFAULT_STEPS, ExportPlan, plan_export, total_steps

if TYPE_CHECKING:
    from nnsim.training.experiment import Experiment

__all__ = [
    "DEFAULT_STEPS",
    "TARGETS",
    "ExportError",
    "ExportPlan",
    "data_file_for",
    "export_script",
    "plan_export",
    "script_text",
    "total_steps",
]

TARGETS = ("numpy", "pytorch")


class ExportError(ValueError):
    """An experiment the chosen script cannot reproduce exactly (the message names why)."""


def data_file_for(script: Path) -> Path:
    """The data file written next to ``script``: ``train.py`` → ``train.data.npz``."""
    return script.with_suffix(".data.npz")


def unsupported(plan: ExportPlan, to: str) -> list[str]:
    """Why ``to`` cannot reproduce ``plan`` exactly; empty if it can."""
    if to != "pytorch" or not plan.warmup_steps:
        return []
    if plan.schedule in ("plateau", "one_cycle"):
        torch_name = "ReduceLROnPlateau" if plan.schedule == "plateau" else "OneCycleLR"
        return [
            f"the PyTorch script cannot warm up a {plan.schedule} schedule "
            f"(training.schedule.warmup_steps = {plan.warmup_steps}): torch's SequentialLR "
            f"does not chain {torch_name}; export it --to numpy, or set warmup_steps to 0"
        ]
    return []


def script_text(plan: ExportPlan, to: str, script_file: str, data_file: str) -> str:
    """The script's source; :class:`ExportError` if ``to`` cannot reproduce the plan."""
    if to not in TARGETS:
        raise ExportError(f"unknown script kind {to!r}; allowed: {', '.join(TARGETS)}")
    problems = unsupported(plan, to)
    if problems:
        raise ExportError("; ".join(problems))
    if to == "numpy":
        return numpy_script(plan, script_file, data_file)
    from nnsim.training.export.pytorch_script import pytorch_script

    return pytorch_script(plan, script_file, data_file)


def export_script(
    experiment: Experiment, to: str, steps: int, script: Path, name: str = "experiment"
) -> tuple[Path, Path]:
    """Write the ``to`` script (``numpy`` or ``pytorch``) that trains ``experiment`` for
    ``steps`` steps as ``script``, and its data file beside it; returns both paths.
    :class:`ExportError` if the script cannot reproduce the experiment, ``OSError`` if a file
    cannot be written."""
    plan = plan_export(experiment, steps, name)
    data = data_file_for(script)
    text = script_text(plan, to, script.name, data.name)
    with open(data, "wb") as f:
        np.savez(f, allow_pickle=False, **plan.arrays)
    write_text_atomic(script, text)
    return script, data
