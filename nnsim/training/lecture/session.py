"""Walking training one phase at a time, forward and back, for the lecture mode.

A :class:`LectureSession` drives a :class:`~nnsim.training.trainer.Trainer` through the
phases of :func:`nnsim.training.phases.step_phases`::

    Forward L1 … Forward L → Loss → Backward L … Backward L1 → Update

How it stays exact. Entering a step, the session takes a full :func:`checkpoint` of the
trainer, takes the step's batch, computes all of the step's phases with
``trainer.phases(batch)`` and restores the checkpoint: the phases are cached, and while
the position is before the Update the trainer is exactly as it was before the step (its
weights are the ones the diagram shows). Arriving at the Update runs the step for real
from that state (taking the same batch again), so the weights are bit-identical to
``Trainer.step()``. Going back from the Update restores the checkpoint (weights, batch-norm
statistics, optimizer and schedule state, counters, shuffling and dropout generators,
divergence, last result, metric histories). Moving within a step only moves the position.

Going back over several steps keeps the later steps; walking forward again reuses them as
long as the trainer is where they started (otherwise, e.g. after a learning-rate change,
they are computed afresh). A change of the learning rate made while before an Update takes
effect at that Update. ``set_source`` applies from the next step and drops later steps.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from nnsim.training.lecture.checkpoint import (
    TrainerCheckpoint,
    checkpoint,
    checkpoints_equal,
    restore,
    same,
)
from nnsim.training.lecture.context import StepContext
from nnsim.training.lecture.explain import explain
from nnsim.training.lecture.formatting import Table, Translate
from nnsim.training.lecture.sources import Source, make_source
from nnsim.training.lecture.tables import phase_tables
from nnsim.training.phases import Phase, phase_titles
from nnsim.training.trainer import DivergedError, Trainer


@dataclass(eq=False)
class _Step:
    number: int  # as StepResult.step: 1 for the first step of the trainer
    before: TrainerCheckpoint
    source: Source
    batch: tuple[np.ndarray, np.ndarray]
    phases: list[Phase]
    context: StepContext


class LectureSession:
    """Steps through training phase by phase; see the module docstring.

    Parameters
    ----------
    trainer
        The trainer to drive. Train it only through the session while the session is in
        use (or call :meth:`reset` / :meth:`forget_steps` afterwards).
    max_steps
        How many steps are kept for going back (older ones are forgotten).
    """

    def __init__(self, trainer: Trainer, *, max_steps: int = 200) -> None:
        if max_steps < 1:
            raise ValueError(f"max_steps must be >= 1, got {max_steps}")
        self.trainer = trainer
        self.max_steps = max_steps
        self._source = Source()
        self._steps: list[_Step] = []
        self._index = -1  # the step of the current phase
        self._position = -1  # the phase within it; −1: before the first phase

    # -- where we are ---------------------------------------------------------------------------
    @property
    def current(self) -> Phase | None:
        """The phase shown, or ``None`` before the first one."""
        if self._position < 0:
            return None
        return self._steps[self._index].phases[self._position]

    @property
    def position(self) -> int:
        """Index of the current phase within its step (into :attr:`titles`); −1 before any."""
        return self._position

    @property
    def titles(self) -> list[str]:
        """The phase titles of a step, ``["Forward L1", …, "Loss", …, "Update"]``."""
        return phase_titles(self.trainer.network.depth)

    @property
    def phases(self) -> tuple[Phase, ...]:
        """Every phase of the current step (cached), empty before the first."""
        step = self._step
        return () if step is None else tuple(step.phases)

    @property
    def step_index(self) -> int:
        """The number of the step the current phase belongs to (1 for the trainer's first
        step, as ``StepResult.step``); before the first phase, the steps completed so far."""
        if self._position < 0:
            return self._steps[0].number - 1 if self._steps else self.trainer.steps_done
        return self._steps[self._index].number

    @property
    def at_update(self) -> bool:
        """Is the current phase the Update (the step is applied to the trainer)?"""
        step = self._step
        return step is not None and self._position == len(step.phases) - 1

    @property
    def can_go_back(self) -> bool:
        return self._position >= 0

    @property
    def batch(self) -> tuple[np.ndarray, np.ndarray] | None:
        """The features and targets of the current step (copies)."""
        step = self._step
        return None if step is None else (step.batch[0].copy(), step.batch[1].copy())

    @property
    def step_start(self) -> TrainerCheckpoint | None:
        """The trainer's state before the current step (None before the first phase)."""
        step = self._step
        return None if step is None else step.before

    @property
    def step_source(self) -> Source | None:
        """Where the current step's batch came from."""
        step = self._step
        return None if step is None else step.source

    @property
    def source(self) -> Source:
        """The source of the next new step (see :meth:`set_source`)."""
        return self._source

    @property
    def context(self) -> StepContext | None:
        """The current step's context for :func:`explain`."""
        step = self._step
        return None if step is None else step.context

    @property
    def _step(self) -> _Step | None:
        return self._steps[self._index] if self._position >= 0 else None

    def _landed(self) -> Phase:
        """The current phase after moving forward or to a position: such a move always lands
        on a phase (only going back can leave the session before the first one)."""
        phase = self.current
        assert phase is not None, "a move forward always lands on a phase"
        return phase

    # -- moving -----------------------------------------------------------------------------------
    def next_phase(self) -> Phase:
        """Advance one phase and return it. Past an Update, the next step begins (its phases
        computed now, or reused if already walked).

        Raises
        ------
        DivergedError
            If a new step is needed but training has diverged (go back, or :meth:`reset`).
        """
        if self._position < 0:
            self._enter(0)
        elif self.at_update:
            self._enter(self._index + 1)
        elif self._position + 2 == len(self._steps[self._index].phases):
            self._apply()
        else:
            self._position += 1
        return self._landed()

    def previous_phase(self) -> Phase | None:
        """Go back one phase and return it (``None`` when back before the first phase).
        Going back from an Update restores the trainer to before that step."""
        if self._position < 0:
            return None
        if self.at_update:
            restore(self.trainer, self._steps[self._index].before)
            self._position -= 1
        elif self._position > 0:
            self._position -= 1
        elif self._index > 0:
            self._index -= 1
            self._position = len(self._steps[self._index].phases) - 1
        else:
            self._position = -1
        return self.current

    def run_to_end_of_step(self) -> Phase:
        """Go to the Update of the current step (of the next one if at an Update or before the
        first phase), applying the step; returns the Update phase."""
        if self._position < 0 or self.at_update:
            self.next_phase()
        if not self.at_update:
            self._apply()
        return self._landed()

    def go_to(self, position: int) -> Phase:
        """Move phase by phase to ``position`` (0 … last) within the current step (the first
        step if none yet), applying or undoing its Update on the way."""
        last = len(self.titles) - 1
        if not 0 <= position <= last:
            raise ValueError(f"position must be in 0..{last}, got {position}")
        if self._position < 0:
            self.next_phase()
        while self._position < position:
            self.next_phase()
        while self._position > position:
            self.previous_phase()
        return self._landed()

    def reset(self) -> None:
        """Reset the trainer to its initial weights and forget every step."""
        self.trainer.reset()
        self.forget_steps()

    def forget_steps(self) -> None:
        """Forget the walked steps (e.g. after the trainer was trained outside the session)."""
        self._steps.clear()
        self._index, self._position = -1, -1

    # -- the source ----------------------------------------------------------------------------
    def set_source(
        self,
        kind: str,
        *,
        index: int | None = None,
        x: tuple[float, float] | None = None,
        y: float | None = None,
    ) -> Source:
        """Choose what flows through the network from the next step on.

        ``set_source("batch")``: the trainer's next mini-batch. ``set_source("sample",
        index=i)``: training sample i (a row of ``trainer.data.x_train``) with its target.
        ``set_source("custom", x=(x1, x2), y=label)``: a point typed in; its features are
        computed with the experiment's features and the target put in the loss's shape
        (:func:`~nnsim.training.lecture.sources.custom_target`). Steps walked after the
        current one are dropped.
        """
        source = make_source(self.trainer, kind, index=index, x=x, y=y)
        self._source = source
        keep = self._index + 1 if self._position >= 0 else 0
        del self._steps[keep:]
        return source

    # -- explaining ----------------------------------------------------------------------------
    def explain(
        self,
        neuron: int = 0,
        weight: tuple[int, int] = (0, 0),
        digits: int = 4,
        *,
        phase: Phase | None = None,
        layer: int | None = None,
        sample: int = 0,
        translate: Translate = str,
    ) -> list[str]:
        """:func:`~nnsim.training.lecture.explain.explain` of the current phase (or of
        ``phase``, a phase of a kept step) with its step's context; ``[]`` before any."""
        phase = self.current if phase is None else phase
        if phase is None:
            return []
        return explain(
            phase, neuron, weight, digits, layer=layer, sample=sample,
            context=self._context_of(phase), translate=translate,
        )  # fmt: skip

    def tables(
        self,
        digits: int = 4,
        max_rows: int = 8,
        max_cols: int = 8,
        *,
        phase: Phase | None = None,
        translate: Translate = str,
    ) -> list[Table]:
        """The labelled matrices of the current phase (or ``phase``) for the numbers panel."""
        phase = self.current if phase is None else phase
        if phase is None:
            return []
        context = self._context_of(phase)
        return phase_tables(phase, context, digits, max_rows, max_cols, translate)

    def _context_of(self, phase: Phase) -> StepContext | None:
        for step in reversed(self._steps):
            if any(p is phase for p in step.phases):
                return step.context
        return None

    # -- the machinery --------------------------------------------------------------------------
    def _enter(self, i: int) -> None:
        """Go to the first phase of step i: reuse it if the trainer is where it started."""
        if i < len(self._steps):
            if checkpoints_equal(checkpoint(self.trainer), self._steps[i].before):
                self._index, self._position = i, 0
                return
            del self._steps[i:]
        self._push(self._source)
        self._position = 0

    def _push(self, source: Source) -> None:
        """Compute a new step from the trainer's state and make it the current one."""
        step = self._compute(source)
        if self._steps and not _continues(self._steps[-1], self.trainer):
            self._steps.clear()  # trained or reset outside the session: no way back
        self._steps.append(step)
        if len(self._steps) > self.max_steps:
            del self._steps[: len(self._steps) - self.max_steps]
        self._index = len(self._steps) - 1

    def _compute(self, source: Source) -> _Step:
        """A new step from the trainer's state: its phases, computed then undone."""
        trainer = self.trainer
        if trainer.diverged:
            raise DivergedError(trainer.diverged)
        before = checkpoint(trainer)
        try:
            batch = self._take_batch(source)
            phases = list(trainer.phases(batch))
            context = StepContext.from_trainer(trainer, phases)
        finally:
            restore(trainer, before)
        return _Step(before.steps_done + 1, before, source, batch, phases, context)

    def _take_batch(self, source: Source) -> tuple[np.ndarray, np.ndarray]:
        if source.kind == "batch":
            x, y = self.trainer.next_batch()
            return x.copy(), y.copy()
        # make_source gives every sample and custom source its features and target
        assert source.x is not None and source.y is not None, f"a {source.kind} source needs x, y"
        return source.x, source.y

    def _apply(self) -> None:
        """Run the current step for real and move to its Update (the trainer is then after
        the step). On an error the position and the trainer stay before the Update."""
        trainer, step = self.trainer, self._steps[self._index]
        if not _unchanged(trainer, step.before):  # trained or reset outside the session
            del self._steps[self._index :]
            self._push(step.source)
            step = self._steps[self._index]
        if trainer.diverged:
            raise DivergedError(trainer.diverged)
        x, y = step.batch
        try:
            if step.source.kind == "batch":
                x2, y2 = trainer.next_batch()
                if not (np.array_equal(x, x2) and np.array_equal(y, y2)):
                    raise RuntimeError("the trainer gave another batch than when the step began")
            fresh = list(trainer.phases((x, y)))
        except BaseException:
            restore(trainer, step.before)
            raise
        # keep the cached phase objects the run reproduced bit for bit (it does, unless e.g.
        # the learning rate was changed): a view may hold them
        step.phases = [
            old if _same_phase(old, new) else new
            for old, new in zip(step.phases, fresh, strict=True)
        ]
        step.context = StepContext.from_trainer(trainer, step.phases)
        self._position = len(step.phases) - 1


def _continues(step: _Step, trainer: Trainer) -> bool:
    """Is the trainer right after ``step`` (so that going back to it is exact)?"""
    update = step.phases[-1]
    state = trainer.network.state()
    return (
        step.number == trainer.steps_done
        and trainer.diverged is None
        and all(np.array_equal(state[name], update.arrays[f"{name}_new"]) for name in
                trainer.network.parameter_names())
    )  # fmt: skip


def _same_phase(a: Phase, b: Phase) -> bool:
    """Bit-identical phases."""
    return (
        (a.kind, a.layer) == (b.kind, b.layer)
        and same(a.lr, b.lr)
        and same(a.loss, b.loss)
        and same(a.arrays, b.arrays)
        and same(a.result, b.result)
    )


def _unchanged(trainer: Trainer, before: TrainerCheckpoint) -> bool:
    """Is the trainer still at ``before`` (learning-rate changes aside)?"""
    now, then = trainer.state_dict(histories=False), before.state
    return all(now[k] == then[k] for k in ("steps_done", "epochs_done", "batch_index")) and all(
        np.array_equal(value, then["network"][name]) for name, value in now["network"].items()
    )
