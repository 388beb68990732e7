"""The diagnoser: checks a trainer every :data:`~.thresholds.CHECK_EVERY` steps and keeps
what it found, each problem once, with the step it was first seen."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np

from nnsim.training.diagnosis import rules
from nnsim.training.diagnosis.cures import Cure, cure_for, divergence_cure
from nnsim.training.diagnosis.messages import Evidence, finite_or_text, message_text
from nnsim.training.diagnosis.readings import read
from nnsim.training.diagnosis.thresholds import CHECK_EVERY, SYMPTOMS_EVERY
from nnsim.training.text import Text

if TYPE_CHECKING:
    from nnsim.training.trainer import Trainer

CODES = (
    "diverged",
    "oscillating",
    "too_slow",
    "plateau",
    "dead_relu",
    "saturated",
    "vanishing_gradients",
    "exploding_gradients",
    "overfitting",
    "symmetric_units",
)
"""The fixed vocabulary (scripts rely on it)."""


@dataclass(frozen=True, eq=False)
class Diagnosis:
    """One problem: ``code`` (one of :data:`CODES`), the ``step`` it was first seen, the
    ``layer`` it is in (1-based, or None for the whole network), the ``evidence`` in numbers,
    and a ``cure`` that one click applies (None when none fits)."""

    code: str
    step: int
    layer: int | None
    evidence: Evidence
    cure: Cure | None = field(default=None)

    @property
    def text(self) -> Text:
        """The learner's sentence (the window shows it translated)."""
        return message_text(self.code, self.step, self.layer, self.evidence)

    @property
    def message(self) -> str:
        """The sentence in English (``diagnosis.json``, the command line)."""
        return str(self.text)

    def to_dict(self) -> dict[str, Any]:
        """``{"code", "step", "layer", "message", "evidence"}``, as ``diagnosis.json`` holds
        it (non-finite numbers as the text ``inf``/``nan``)."""
        evidence = {
            k: finite_or_text(v) if isinstance(v, float) else v for k, v in self.evidence.items()
        }
        return {
            "code": self.code,
            "step": self.step,
            "layer": self.layer,
            "message": self.message,
            "evidence": evidence,
        }


class Diagnoser:
    """Watches one trainer. :meth:`update` after steps (cheap unless a check is due);
    :attr:`diagnoses` in the order first seen. A trainer that went back (reset, another
    state) starts the list afresh."""

    def __init__(self, every: int = CHECK_EVERY) -> None:
        self.every = every
        self.clear()

    def clear(self) -> None:
        self._found: dict[tuple[str, int | None], Diagnosis] = {}
        self._checked_at = 0
        self._symptoms_at = 0
        self._saw_divergence = False
        self.diagnoses: tuple[Diagnosis, ...] = ()

    def update(self, trainer: Trainer) -> bool:
        """Check ``trainer`` if a check is due (or it has just diverged); True if the list
        of diagnoses changed. Called after every step: all but one call in
        :data:`~.thresholds.CHECK_EVERY` cost a subtraction and two comparisons."""
        since = trainer.steps_done - self._checked_at
        if 0 <= since < self.every and (trainer.diverged is None or self._saw_divergence):
            return False
        if since < 0:
            self.clear()
        return self.check(trainer)

    def check(self, trainer: Trainer) -> bool:
        """Check ``trainer`` now; True if the list of diagnoses changed."""
        self._checked_at = trainer.steps_done
        self._saw_divergence = trainer.diverged is not None
        before = len(self._found)
        if trainer.steps_done == 0 and trainer.diverged is None:
            return False
        readings = read(trainer)
        findings = [f for rule in rules.CAUSES for f in rule(readings)]
        if trainer.diverged is not None:
            findings.append(_divergence(trainer))
        stuck = any(f.code in rules.EXPLAINS_A_STUCK_RUN for f in findings) or any(
            code in rules.EXPLAINS_A_STUCK_RUN for code, _ in self._found
        )
        if readings.step - self._symptoms_at >= SYMPTOMS_EVERY:
            self._symptoms_at = readings.step
            if not stuck and trainer.diverged is None:
                findings += [f for rule in rules.SYMPTOMS for f in rule(readings)]
        for f in findings:
            key = (f.code, f.layer)
            if key not in self._found:
                step = readings.step if f.step is None else f.step
                cure = _cure(f.code, f.layer, trainer)
                self._found[key] = Diagnosis(f.code, step, f.layer, f.evidence, cure)
        if len(self._found) == before:
            return False
        self.diagnoses = tuple(sorted(self._found.values(), key=lambda d: d.step))
        return True


def _cure(code: str, layer: int | None, trainer: Trainer) -> Cure | None:
    """The cure for ``code``; a run that diverged is cured of what made it diverge
    (:mod:`nnsim.training.divergence`), unless that cure leaves the experiment as it is
    (weights edited into overflowing: tried beside the run as it is, it is the same run)."""
    experiment, divergence = trainer.experiment, trainer.divergence
    if code != "diverged" or divergence is None:
        return cure_for(code, layer, experiment)
    cure = divergence_cure(divergence, experiment)
    return None if cure is None or cure.apply(experiment) == experiment else cure


def _divergence(trainer: Trainer) -> rules.Finding:
    result = trainer.last_result
    assert result is not None, "a trainer diverges in a step"
    bad = "loss" if not math.isfinite(result.loss + result.reg_loss) else "weight"
    if bad == "loss":
        value = str(result.loss + result.reg_loss)
    else:
        value = "nan" if np.isnan(trainer.network.theta).any() else "inf"
    evidence: dict[str, float | int | str] = {"lr": float(result.lr), "bad": bad, "value": value}
    if trainer.diverged:  # what went non-finite first, and why (nnsim.training.divergence)
        evidence["explanation"] = trainer.diverged
    return rules.Finding("diverged", None, evidence, result.step)


def diagnose(trainer: Trainer) -> tuple[Diagnosis, ...]:
    """One check of ``trainer`` as it is now (a script's one-off)."""
    diagnoser = Diagnoser()
    diagnoser.check(trainer)
    return diagnoser.diagnoses


def diagnoses_json(diagnoses: tuple[Diagnosis, ...]) -> str:
    """``diagnosis.json``: the list of :meth:`Diagnosis.to_dict`, strict JSON (no NaN)."""
    rows = [d.to_dict() for d in diagnoses]
    return json.dumps(rows, indent=2, ensure_ascii=False, allow_nan=False) + "\n"


def summary_line(d: Diagnosis) -> str:
    """One line for a terminal: ``dead_relu at step 100, layer 2: 2 of 2 units …``."""
    where = f"step {d.step}" + ("" if d.layer is None else f", layer {d.layer}")
    cure = "" if d.cure is None else f" [cure: {d.cure.label}]"
    return f"{d.code} at {where}: {d.message}{cure}"
