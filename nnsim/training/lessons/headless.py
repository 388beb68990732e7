"""A lesson's experiment trained without a window, as far as its observation needs: the
tests' (and a script's) way to see that what a lesson says holds (no Qt)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from nnsim.training.diagnosis import Diagnoser
from nnsim.training.experiment import Experiment
from nnsim.training.lessons.checks import LessonRun
from nnsim.training.lessons.plan import LessonPlan
from nnsim.training.run_group import RunGroup
from nnsim.training.snapshot import take_snapshot
from nnsim.training.surface_race import preset
from nnsim.training.trainer import Trainer

if TYPE_CHECKING:
    from nnsim.training.lessons.catalog import LessonSetup


def run_headless(
    plan: LessonPlan, experiment: Experiment, setup: LessonSetup | None = None
) -> LessonRun:
    """Train ``plan``'s set-up on ``experiment`` for ``plan.steps`` steps, as the window
    would: one :class:`Trainer` watched by a :class:`Diagnoser` (the main window), a
    :class:`RunGroup` of the compare runs, the surface preset's :class:`Race`, or a fresh
    lecture session (``setup``: the lesson's :class:`LessonSetup`)."""
    if plan.window == "compare":
        runs = plan.compare_experiments(experiment)
        group = RunGroup([e for _, e in runs])
        group.run(plan.steps)
        pairs = [(label, r) for (label, _), r in zip(runs, group.results, strict=True)]
        return LessonRun(group.steps_done, not group.any_alive, runs=pairs)
    if plan.window == "surfaces":
        assert plan.surface_preset is not None, "a surfaces plan names its preset"
        race = preset(plan.surface_preset).race()
        race.step(plan.steps)
        return LessonRun(race.steps_done, race.finished, race=race)
    if plan.window == "lecture":
        from nnsim.training.lessons.catalog import LessonSetup

        session = (setup or LessonSetup()).session(experiment)
        return LessonRun(0, False, session=session)
    trainer = Trainer(experiment)
    diagnoser = Diagnoser()
    for _ in range(plan.steps):
        result = trainer.step()
        diagnoser.update(trainer)
        if result.diverged:
            break
    snapshot = take_snapshot(trainer, diagnoses=diagnoser.diagnoses)
    return LessonRun(snapshot.step, trainer.diverged is not None, snapshot=snapshot)
