"""Diagnoses: what training is doing, said in the learner's words (no Qt).

A :class:`Diagnoser` checks a :class:`~nnsim.training.trainer.Trainer` every
:data:`~.thresholds.CHECK_EVERY` steps from the metrics it already keeps (the batch loss,
per-layer gradient norms and update-to-weight ratios, the evaluations) and the hidden
layers' activations on the training set, and keeps each :class:`Diagnosis` found: a code of
:data:`CODES`, the step it was first seen, the layer, the evidence in numbers, a message
(:mod:`.messages`, one table) and a :class:`Cure`. Thresholds: :mod:`.thresholds`; rules:
:mod:`.rules`.
"""

from nnsim.training.diagnosis.cures import Cure, cure_for, divergence_cure
from nnsim.training.diagnosis.diagnoser import (
    CODES,
    Diagnoser,
    Diagnosis,
    diagnose,
    diagnoses_json,
    summary_line,
)

__all__ = ["CODES", "Cure", "Diagnoser", "Diagnosis", "cure_for", "diagnose", "diagnoses_json"]
__all__ += ["divergence_cure", "summary_line"]
