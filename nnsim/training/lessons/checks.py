"""The answers a lesson's question gets from the run (no Qt): each check reads what the
learner was told to look at — the main window's snapshot, the compare runs, the surface
race or the lecture's step — and returns the choice the run shows, with the numbers.

A check is ``check(run, params, question) -> Observation``; :data:`CHECKS` names them for
the plan files. :func:`observe` is what the app's "Check my answer" and the tests call.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from nnsim.training.lessons.plan import LessonPlan, Question

if TYPE_CHECKING:
    from nnsim.training.lecture import LectureSession
    from nnsim.training.run_group import RunResults
    from nnsim.training.snapshot import Snapshot
    from nnsim.training.surface_race import Race

NONE = "none"
"""The answer when nothing in the run matches (no run got there, the coach said nothing)."""
NUMBER_TOLERANCE = 0.01  # a number shown with 3-4 significant digits matches within 1 %
GRADIENT_ROWS = 50  # the last steps whose median gradient norms a gradient check reads


@dataclass(frozen=True)
class LessonRun:
    """What a lesson's run has done: how many ``steps``, whether it ``stopped`` early (it
    diverged; every race path overflowed), and the one source its check reads."""

    steps: int
    stopped: bool = False
    snapshot: Snapshot | None = None
    runs: Sequence[tuple[str, RunResults]] = ()
    race: Race | None = None
    session: LectureSession | None = None

    def far_enough(self, plan: LessonPlan) -> bool:
        """Whether the run has gone as far as the lesson's observation needs."""
        return self.stopped or self.steps >= plan.steps


@dataclass(frozen=True)
class Observation:
    """The ``answer`` (a choice key, or :data:`NONE`) the run shows, and the numbers that
    show it, per language (``{"en": …, "zh": …}``)."""

    answer: str
    evidence: Mapping[str, str]

    def text(self, language: str = "en") -> str:
        return self.evidence.get(language) or self.evidence.get("en", "")


Check = Callable[[LessonRun, Mapping[str, Any], Question], Observation]


def _both(text: str, zh: str | None = None) -> dict[str, str]:
    return {"en": text, "zh": zh if zh is not None else text}


def _nearest(value: float, question: Question) -> str:
    """The numeric choice within :data:`NUMBER_TOLERANCE` of ``value``, else NONE."""
    best, gap = NONE, math.inf
    for choice in question.choices:
        try:
            number = float(choice.key)
        except ValueError:
            continue
        relative = abs(value - number) / max(abs(number), 1e-300)
        if relative <= NUMBER_TOLERANCE and relative < gap:
            best, gap = choice.key, relative
    return best


def _need(source: Any, what: str) -> Any:
    if source is None:
        raise ValueError(f"this check reads {what}, and the run has none")
    return source


# -- compare runs --------------------------------------------------------------------------------
def first_below(run: LessonRun, params: Mapping[str, Any], _q: Question) -> Observation:
    """The compare run whose test loss first fell below ``params["threshold"]``; with
    ``params["which"] == "last"`` the one that got there last (a run that never did is
    later than any that did)."""
    threshold = float(params["threshold"])
    last = params.get("which", "first") == "last"
    reached: list[tuple[float, str]] = []
    en, zh = [], []
    for label, results in _need(run.runs or None, "compare runs"):
        steps = results.evaluations.column("step")
        below = np.flatnonzero(results.evaluations.column("test_loss") < threshold)
        if len(below):
            step = int(steps[below[0]])
            reached.append((float(step), label))
            en.append(f"{label}: step {step}")
            zh.append(f"{label}：第 {step} 步")
        else:
            reached.append((math.inf, label))
            en.append(f"{label}: not yet")
            zh.append(f"{label}：尚未达到")
    ordered = sorted(reached, key=lambda r: r[0])  # stable: the first of equals wins
    if not ordered:
        answer = NONE
    elif last:
        answer = next(label for step, label in ordered if step == ordered[-1][0])
    else:
        answer = NONE if math.isinf(ordered[0][0]) else ordered[0][1]
    return Observation(
        answer,
        {
            "en": f"test loss below {threshold:g} first at — " + "; ".join(en),
            "zh": f"测试损失首次低于 {threshold:g}：" + "；".join(zh),
        },
    )


def weakest_first_layer(run: LessonRun, _params: Mapping[str, Any], _q: Question) -> Observation:
    """The compare run whose first layer's gradient is smallest next to its output layer's
    (medians over the last :data:`GRADIENT_ROWS` steps)."""
    ratios: list[tuple[float, str]] = []
    for label, results in _need(run.runs or None, "compare runs"):
        depth = results.trainer.network.depth
        first = results.column("grad_norm_1")[-GRADIENT_ROWS:]
        last = results.column(f"grad_norm_{depth}")[-GRADIENT_ROWS:]
        ratio = float(np.median(first) / max(float(np.median(last)), 1e-300))
        ratios.append((ratio if math.isfinite(ratio) else math.inf, label))
    answer = min(ratios)[1] if ratios else NONE
    listed = "; ".join(f"{label}: {ratio:.1e}" for ratio, label in ratios)
    return Observation(
        answer,
        _both(f"‖∇W¹‖ / ‖∇W_out‖ — {listed}", f"第 1 层与输出层的梯度范数之比：{listed}"),
    )


# -- the main window's run -----------------------------------------------------------------------
def coach_first(run: LessonRun, _params: Mapping[str, Any], _q: Question) -> Observation:
    """The code the coach (``diagnosisPanel``) raised first, or NONE."""
    diagnoses = sorted(_need(run.snapshot, "a snapshot").diagnoses, key=lambda d: d.step)
    if not diagnoses:
        return Observation(NONE, _both("the coach has said nothing", "教练没有报告任何问题"))
    listed = ", ".join(f"{d.code} (step {d.step})" for d in diagnoses)
    listed_zh = "，".join(f"{d.code}（第 {d.step} 步）" for d in diagnoses)
    return Observation(
        diagnoses[0].code, _both(f"the coach said: {listed}", f"教练报告：{listed_zh}")
    )


def lr_in_epoch(run: LessonRun, params: Mapping[str, Any], question: Question) -> Observation:
    """The learning rate the steps of epoch ``params["epoch"]`` used (the LR plot)."""
    epoch = int(params["epoch"])
    history = _need(run.snapshot, "a snapshot").history
    rows = np.flatnonzero(history["epoch"] == epoch)
    if not len(rows):
        not_yet = f"the run has not reached epoch {epoch}"
        return Observation(NONE, _both(not_yet, f"训练尚未到达第 {epoch} 个 epoch"))
    lr = float(history["lr"][rows[0]])
    return Observation(
        _nearest(lr, question),
        _both(f"η in epoch {epoch} = {lr:.4g}", f"第 {epoch} 个 epoch 的学习率 η = {lr:.4g}"),
    )


def smallest_gradient_layer(
    run: LessonRun, _params: Mapping[str, Any], _q: Question
) -> Observation:
    """``layer k``: the layer with the smallest gradient norm (the gradient panel), medians
    over the last :data:`GRADIENT_ROWS` steps."""
    history = _need(run.snapshot, "a snapshot").history
    depth = sum(1 for name in history if name.startswith("grad_norm_"))
    columns = [history[f"grad_norm_{k}"][-GRADIENT_ROWS:] for k in range(1, depth + 1)]
    norms = [float(np.median(column)) for column in columns]
    k = int(np.argmin(norms)) + 1
    listed = ", ".join(f"{n:.1e}" for n in norms)
    en = f"gradient norms, layer 1 to {depth}: {listed}"
    return Observation(f"layer {k}", _both(en, f"第 1 到第 {depth} 层的梯度范数：{listed}"))


def units_identical(run: LessonRun, params: Mapping[str, Any], _q: Question) -> Observation:
    """``yes`` if every unit of layer ``params["layer"]`` still has the same incoming
    weights and bias (the network diagram), else ``no``."""
    layer = int(params.get("layer", 1))
    weights = _need(run.snapshot, "a snapshot").weights
    W, b = weights[f"W{layer}"], weights[f"b{layer}"]
    spread = float(max(np.ptp(W, axis=0).max(), np.ptp(b)))
    answer = "yes" if spread == 0.0 else "no"
    return Observation(
        answer,
        _both(
            f"the largest difference between two units of layer {layer}: {spread:.3g}",
            f"第 {layer} 层任意两个单元之间的最大差异：{spread:.3g}",
        ),
    )


# -- the surfaces race ---------------------------------------------------------------------------
def diverging_racer(run: LessonRun, _params: Mapping[str, Any], _q: Question) -> Observation:
    """The racer whose loss ended above where it started (or whose path overflowed)."""
    race = _need(run.race, "a surface race")
    answer = NONE
    en, zh = [], []
    for racer in race.racers:
        label = racer.spec.label()
        losses = racer.losses
        grew = racer.stopped is not None or losses[-1] > losses[0]
        if grew and answer == NONE:
            answer = label
        en.append(f"{label}: f {losses[0]:.3g} → {losses[-1]:.3g}")
        zh.append(f"{label}：f 从 {losses[0]:.3g} 到 {losses[-1]:.3g}")
    return Observation(answer, {"en": "; ".join(en), "zh": "；".join(zh)})


# -- the lecture ---------------------------------------------------------------------------------
def lecture_value(run: LessonRun, params: Mapping[str, Any], question: Question) -> Observation:
    """The first entry of array ``params["array"]`` in phase ``params["phase"]`` (e.g.
    ``Forward L2``, ``A``) of the lecture's first step (the numbers panel)."""
    session = _need(run.session, "a lecture session")
    phase_title, name = str(params["phase"]), str(params["array"])
    phase = session.current
    for _ in range(len(session.titles) + 1):
        if phase is not None and phase.title == phase_title:
            break
        phase = session.next_phase()
    else:
        raise ValueError(f"the lecture's step has no phase {phase_title!r}")
    assert phase is not None
    value = float(np.asarray(phase.arrays[name]).flat[0])
    return Observation(
        _nearest(value, question),
        _both(f"{phase_title}: {name} = {value:.4g}", f"{phase_title}：{name} = {value:.4g}"),
    )


CHECKS: dict[str, Check] = {
    "first_below": first_below,
    "weakest_first_layer": weakest_first_layer,
    "coach_first": coach_first,
    "lr_in_epoch": lr_in_epoch,
    "smallest_gradient_layer": smallest_gradient_layer,
    "units_identical": units_identical,
    "diverging_racer": diverging_racer,
    "lecture_value": lecture_value,
}
"""Every check a plan's ``question.check`` may name."""


def observe(plan: LessonPlan, run: LessonRun) -> Observation:
    """What ``run`` answers to ``plan``'s question (``ValueError`` if the run lacks the
    source the check reads)."""
    question = plan.question
    return CHECKS[question.check](run, question.params, question)
