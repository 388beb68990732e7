"""What training reports: one step's result and a full-data evaluation (small, immutable)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

import numpy as np


@dataclass(frozen=True, slots=True)
class Evaluation:
    """Full-data loss and accuracy after a step (accuracy is NaN for regression)."""

    step: int
    train_loss: float
    test_loss: float
    train_accuracy: float
    test_accuracy: float


class StepResult(NamedTuple):
    """What one training step did. Arrays are per layer k = 1..L and never reused.

    A NamedTuple rather than a frozen dataclass: one is made per step, and building a
    frozen dataclass costs more than a tenth of a small network's whole step.
    """

    step: int
    epoch: int
    lr: float
    loss: float
    reg_loss: float
    grad_norms: np.ndarray
    weight_norms: np.ndarray
    update_ratios: np.ndarray
    evaluation: Evaluation | None = None
    diverged: str | None = None
