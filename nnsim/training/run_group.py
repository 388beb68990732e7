"""Many experiments trained together, one step each per call: stacked where they can be.

``RunGroup(experiments)`` builds a :class:`~nnsim.training.trainer.Trainer` for every
experiment, then trains every set of two or more runs that share an architecture (dropout
rates included), batch size, data kind and set sizes as one
:class:`~nnsim.training.stacked_trainer.StackedRuns` (one batched computation); the others
(batch-norm, a lone architecture, a momentum
that a schedule takes through 0) go on as their own Trainers in this process. Each run of a
stack equals the same run trained alone by ``Trainer``, step by step.

>>> group = RunGroup(experiments)          # doctest: +SKIP
>>> group.step()                           # every live run one step
>>> group.results[2].last.loss             # run 2's StepResult of that step
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import Any

import numpy as np

from nnsim.engine.stacked_optimizer import branch_key
from nnsim.training.experiment import ExperimentError
from nnsim.training.experiment.memory import group_memory_problem
from nnsim.training.history import MetricHistory
from nnsim.training.results import Evaluation, StepResult
from nnsim.training.stacked_trainer import StackedRuns, optimizer_setting, stack_key
from nnsim.training.trainer import Trainer

__all__ = ["RunGroup", "RunResults"]


class RunResults:
    """What one run of a :class:`RunGroup` has done, whether it trains stacked or alone."""

    def __init__(self, trainer: Trainer, stack: StackedRuns | None = None, slot: int = 0):
        self.trainer = trainer  #: Its own Trainer: experiment, data, network (synced on demand).
        self._stack, self._slot = stack, slot

    @property
    def stacked(self) -> bool:
        """Whether the run trains as part of a stack."""
        return self._stack is not None

    @property
    def diverged(self) -> str | None:
        """None, or why the run stopped (the Trainer's message)."""
        return self._stack.diverged[self._slot] if self._stack else self.trainer.diverged

    @property
    def last(self) -> StepResult | None:
        """The result of the run's last step (its diverging step if it stopped)."""
        return self._stack.result(self._slot) if self._stack else self.trainer.last_result

    @property
    def last_evaluation(self) -> Evaluation | None:
        """The run's latest full train/test evaluation."""
        if self._stack:
            return self._stack.last_evaluations[self._slot]
        return self.trainer.last_evaluation

    @property
    def evaluations(self) -> MetricHistory:
        """step, train_loss, test_loss, train_accuracy, test_accuracy, as the Trainer's."""
        return self._stack.evaluations[self._slot] if self._stack else self.trainer.evaluations

    def column(self, name: str) -> np.ndarray:
        """A column of the run's step history (names as ``Trainer.history``)."""
        if self._stack:
            return self._stack.column(self._slot, name)
        return self.trainer.history.column(name)

    def synced(self, histories: bool = True) -> Trainer:
        """Its :attr:`trainer`, holding the run's whole present state (a stacked run's is
        copied from the stack: :meth:`StackedRuns.sync`). Read it; do not step it while the
        group trains."""
        if self._stack:
            return self._stack.sync(self._slot, histories)
        return self.trainer

    def state_dict(self, *, histories: bool = True) -> dict[str, Any]:
        """The run's state as ``Trainer.state_dict()`` gives it: ``Trainer(experiment)
        .load_state_dict(state)`` then goes on exactly as the run would in the group."""
        return self.synced(histories).state_dict(histories=histories)

    def weights(self) -> dict[str, np.ndarray]:
        """Copies of the run's current parameters by name (``W1``, ``b1``, …)."""
        if self._stack:
            self._stack.network.load_into(self._slot, self.trainer.network)
        return self.trainer.network.state()


class RunGroup:
    """Trains a list of experiments together, every live run one step per :meth:`step`.

    Parameters
    ----------
    experiments
        The runs. Those sharing an architecture (layer sizes, activations, dropout rates,
        loss), batch size and training-set size, without batch-norm, are stacked; the rest
        train as separate Trainers in this process. ``ExperimentError`` (the estimate and
        the limit) if together they need more memory than a run may
        (:func:`~nnsim.training.experiment.memory.group_memory_problem`).

    Attributes
    ----------
    results
        One :class:`RunResults` per experiment, in the order given.
    stacks
        The :class:`StackedRuns` (two or more runs each).
    """

    def __init__(self, experiments: Sequence[Any]) -> None:
        if not experiments:
            raise ValueError("a run group needs at least one experiment")
        too_big = group_memory_problem(experiments)  # before any trainer takes its memory
        if too_big:
            raise ExperimentError([too_big])
        trainers = [Trainer(e) for e in experiments]
        by_key: dict[tuple, list[int]] = {}
        for i, t in enumerate(trainers):
            key = stack_key(t)
            if key is not None:
                by_key.setdefault(key, []).append(i)
        self.stacks: list[StackedRuns] = []
        self._members: list[list[int]] = []  # of each stack, in its row order
        self._alone: list[tuple[int, Trainer]] = []
        results: dict[int, RunResults] = {}
        for members in by_key.values():
            if len(members) < 2:
                continue
            members.sort(key=lambda i: repr(branch_key(*optimizer_setting(trainers[i]))))
            stack = StackedRuns([trainers[i] for i in members])
            self.stacks.append(stack)
            self._members.append(members)
            for slot, i in enumerate(members):
                results[i] = RunResults(trainers[i], stack, slot)
        for i, t in enumerate(trainers):
            if i not in results:
                self._alone.append((i, t))
                results[i] = RunResults(t)
        self.results = [results[i] for i in range(len(trainers))]
        self._steps = 0

    @property
    def steps_done(self) -> int:
        """Steps of the group so far (a run that diverged stopped earlier)."""
        return self._steps

    def step(self, runs: Collection[int] | None = None) -> None:
        """One step of every run that has not diverged (a diverging run stops alone), or only
        of those in ``runs`` (indices into :attr:`results`). The live runs of a stack step
        together: ``ValueError`` if ``runs`` holds some of them but not all."""
        for stack, members in zip(self.stacks, self._members, strict=True):
            alive = stack.alive
            if runs is not None:
                asked = [i in runs for i in members]
                if not any(asked):
                    continue
                if not all(a for a, live in zip(asked, alive, strict=True) if live):
                    raise ValueError(f"runs {members} train as one stack: step all or none")
            if alive.any():
                stack.step()
        for i, trainer in self._alone:
            if not trainer.diverged and (runs is None or i in runs):
                trainer.step()
        self._steps += 1

    def run(self, steps: int) -> None:
        """``steps`` steps, or fewer if every run diverges."""
        for _ in range(steps):
            if not self.any_alive:
                break
            self.step()

    @property
    def any_alive(self) -> bool:
        """Whether some run still trains."""
        stacked = any(s.alive.any() for s in self.stacks)
        return stacked or any(not t.diverged for _, t in self._alone)
