"""Many experiments trained together, one step each per call: stacked where they can be.

``RunGroup(experiments)`` builds a :class:`~nnsim.training.trainer.Trainer` for every
experiment (so data, initial weights, optimizer, schedule and shuffling are exactly the
Trainer's), then trains every set of runs that share an architecture, batch size and training
set size as one :class:`StackedRuns` (one batched computation, see
:mod:`nnsim.engine.stacked`); the others (batch-norm, dropout, a lone architecture, a momentum
that a schedule may cycle through 0) go on as their own Trainers. Each run of a stack equals
the same run trained alone by ``Trainer``, step by step.

>>> group = RunGroup(experiments)          # doctest: +SKIP
>>> group.step()                           # every live run one step
>>> group.results[2].last.loss             # run 2's StepResult of that step
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from nnsim.engine.schedules import Constant, ReduceLROnPlateau
from nnsim.engine.stacked import StackedNetwork, architecture, stackable
from nnsim.engine.stacked_optimizer import StackedOptimizer, branch_key
from nnsim.training.history import MetricHistory
from nnsim.training.results import Evaluation, StepResult
from nnsim.training.trainer import LR_BLOCK, DivergedError, Trainer, divergence_message

__all__ = ["RunGroup", "RunResults", "StackedRuns"]

_PER_RUN = ("lr", "batch_loss", "reg_loss")


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

    def weights(self) -> dict[str, np.ndarray]:
        """Copies of the run's current parameters by name (``W1``, ``b1``, …)."""
        if self._stack:
            self._stack.network.load_into(self._slot, self.trainer.network)
        return self.trainer.network.state()


class StackedRuns:
    """Runs of one architecture, batch size and training-set size, trained as one stack.

    Parameters
    ----------
    trainers
        Fresh Trainers (step 0) of the runs, in the row order wanted; they provide the data,
        initial weights, optimizer settings, schedules and shuffle generators.
    """

    def __init__(self, trainers: Sequence[Trainer]) -> None:
        self.trainers = list(trainers)
        first = self.trainers[0]
        self._bounds = first._bounds
        self.network = StackedNetwork([t.network for t in self.trainers])
        self.optimizer = StackedOptimizer(
            self.network.theta, [_optimizer_setting(t) for t in self.trainers]
        )
        K, L = len(self.trainers), self.network.depth
        self.schedules = [t.schedule for t in self.trainers]
        self._by_step = np.array([t.experiment.training.schedule.unit == "step" for t in trainers])
        self._plateau = [
            k for k, s in enumerate(self.schedules) if isinstance(s, ReduceLROnPlateau)
        ]
        self._cycling = [k for k, t in enumerate(trainers) if _cycles_momentum(t)]
        self._momentum = np.array([t.optimizer.get_momentum() or 0.0 for t in trainers])
        self._t = np.zeros(K, dtype=np.int64)
        self._lr_base = np.full(K, -LR_BLOCK)
        self._lr_table = np.empty((K, LR_BLOCK))
        self._rows = np.arange(K)
        regs = [t.experiment.training.regularization for t in trainers]
        self._l2 = np.array([[r.rate if r.kind == "l2" else 0.0] for r in regs])
        self._l1 = np.array([[r.rate if r.kind == "l1" else 0.0] for r in regs])
        clips = [t.experiment.training.grad_clip for t in trainers]
        self._max_norm = np.array(
            [c.threshold if c and c.mode == "norm" else np.inf for c in clips]
        )
        self._clip_value = np.array(
            [[c.threshold if c and c.mode == "value" else np.inf] for c in clips]
        )
        self._eval_every = np.array([t.experiment.training.eval_every for t in trainers])
        self._eval_gcd = int(np.gcd.reduce(self._eval_every))
        self._has_l2, self._has_l1 = bool(self._l2.any()), bool(self._l1.any())
        self._clips_norm = bool(np.isfinite(self._max_norm).any())
        self._clips_value = bool(np.isfinite(self._clip_value).any())
        self._zeros = np.zeros(K)
        self._stopped = np.zeros(K, dtype=bool)  # diverged runs: ~alive
        self._fixed_lr: np.ndarray | None = None
        if all(isinstance(s, Constant) and s.warmup_steps == 0 for s in self.schedules):
            self._fixed_lr = np.array([s.lr0 for s in self.schedules])  # type: ignore[attr-defined]
            self.optimizer.set_values("lr", self._fixed_lr)
        self._kind = first.data.kind
        self._n_eval_train = len(first.data.train)  # train and test in one evaluation pass
        self._eval_x = np.stack([np.concatenate((t.data.x_train, t.data.x_test)) for t in trainers])
        self._eval_y = np.stack([np.concatenate((t.data.y_train, t.data.y_test)) for t in trainers])
        self.steps_done = self.epochs_done = 0
        self._batch_index = len(self._bounds)
        n, xs, ys = len(first.data.train), first.data.x_train, first.data.y_train
        self._epoch_x = np.empty((K, n, xs.shape[1]))
        self._epoch_y = np.empty((K, *ys.shape), dtype=ys.dtype)
        self._epoch_losses: list[np.ndarray] = []
        self.diverged: list[str | None] = [None] * K
        self._final: list[StepResult | None] = [None] * K
        self._last: tuple | None = None
        metrics = [*_PER_RUN, *(f"{m}_{k}" for m in ("grad_norm", "weight_norm", "update_ratio")
                                for k in range(1, L + 1))]  # fmt: skip
        self._metrics = {m: i for i, m in enumerate(metrics)}
        self._row_size = 2 + K * len(metrics)
        self.history = MetricHistory(
            ["step", "epoch", *(f"{m}@{k}" for k in range(K) for m in metrics)]
        )
        self.evaluations = [
            MetricHistory(t.evaluations.columns, capacity=t.evaluations.capacity) for t in trainers
        ]
        self.last_evaluations: list[Evaluation | None] = [None] * K

    # -- per-run settings of this step ---------------------------------------------------------
    def _positions(self) -> np.ndarray:
        """Each run's schedule position t: completed steps or epochs, by its unit."""
        t = self._t
        t[self._by_step] = self.steps_done
        t[~self._by_step] = self.epochs_done
        return t

    def _learning_rates(self, t: np.ndarray) -> np.ndarray:
        """Each run's learning rate at its position ``t``, as ``Trainer.current_lr``."""
        offset = t - self._lr_base
        if offset.max() >= LR_BLOCK or offset.min() < 0:
            for k, s in enumerate(self.schedules):
                if not isinstance(s, ReduceLROnPlateau):
                    self._lr_table[k] = s.lr_array(np.arange(t[k], t[k] + LR_BLOCK))
            self._lr_base = t.copy()
            offset = t - self._lr_base
        lrs = self._lr_table[self._rows, offset]
        for k in self._plateau:
            lrs[k] = self.schedules[k].lr(int(t[k]))
        return lrs

    def _next_batch(self) -> tuple[np.ndarray, np.ndarray]:
        if self._batch_index >= len(self._bounds):
            if self._batch_index and self.steps_done:
                self._end_epoch()
            for k, t in enumerate(self.trainers):
                order = t._shuffle_rng.permutation(len(t.data.train))  # the Trainer's own order
                self._epoch_x[k] = t.data.x_train[order]
                self._epoch_y[k] = t.data.y_train[order]
            self._batch_index = 0
        start, end = self._bounds[self._batch_index]
        self._batch_index += 1
        return self._epoch_x[:, start:end], self._epoch_y[:, start:end]

    def _end_epoch(self) -> None:
        self.epochs_done += 1
        if self._plateau and self._epoch_losses:
            means = np.mean(self._epoch_losses, axis=0)
            for k in self._plateau:
                schedule = self.schedules[k]
                if self.alive[k] and isinstance(schedule, ReduceLROnPlateau):
                    schedule.observe(float(means[k]))
        self._epoch_losses = []

    # -- one step ------------------------------------------------------------------------------
    def step(self) -> None:
        """Train every live run on its next mini-batch; ``DivergedError`` if none is left."""
        if not self.alive.any():
            raise DivergedError("every run of the stack has diverged")
        with np.errstate(all="ignore"):
            self._step()

    def _step(self) -> None:
        x, y = self._next_batch()  # first: it may end an epoch, which the rates depend on
        t = self._positions()
        if self._fixed_lr is None:
            lrs = self._learning_rates(t)
            self.optimizer.set_values("lr", lrs)
        else:
            lrs = self._fixed_lr  # constant schedules: the optimizers keep their rates
        if self._cycling:
            for k in self._cycling:
                self._momentum[k] = self.schedules[k].momentum(int(t[k]))
            self.optimizer.set_values("momentum", self._momentum)
        net = self.network
        net.forward(x)
        losses = net.loss_values(y)
        net.backward(y)
        w, gw = net.weights, net.weight_grads
        reg_loss = self._zeros
        if self._has_l2:
            reg_loss = reg_loss + 0.5 * self._l2[:, 0] * np.einsum("kp,kp->k", w, w)
            gw += self._l2 * w
        if self._has_l1:
            reg_loss = reg_loss + self._l1[:, 0] * np.abs(w).sum(axis=1)
            gw += self._l1 * np.sign(w)
        grad_norms = net.weight_grad_norms()
        grad = net.grad
        if self._clips_norm:  # clip_grad_norm, per run
            coef = self._max_norm / (np.sqrt(np.einsum("kp,kp->k", grad, grad)) + 1e-6)
            if (coef < 1.0).any():
                grad *= np.where(coef < 1.0, coef, 1.0)[:, None]
        if self._clips_value:  # clip_grad_value, per run
            np.clip(grad, -self._clip_value, self._clip_value, out=grad)
        before = net.theta.copy()
        self.optimizer.step(grad)
        delta = net.theta - before
        total = losses + reg_loss
        squares = np.einsum("kp,kp->k", delta, delta)
        bad = None
        if self._stopped.any() or not np.isfinite(total + squares).all():
            bad_loss, bad_weight = ~np.isfinite(total), ~np.isfinite(squares)
            nan_weight = np.asarray(np.isnan(net.theta).any(axis=1))
            bad = self.alive & (bad_loss | bad_weight)
            self._stopped |= bad
            stopped = self._stopped
            net.theta[stopped] = before[stopped]  # a stopped run keeps its last finite weights
            delta[stopped] = 0.0
        weight_norms, step_norms = net.segment_norms_pair(before, delta)
        ratios = step_norms / np.maximum(weight_norms, 1e-300)
        self.steps_done += 1
        step, epoch = self.steps_done, self.epochs_done + 1
        if bad is not None:
            for run in np.flatnonzero(bad):
                what = f"loss became {total[run]}" if bad_loss[run] else (
                    f"a weight became {'nan' if nan_weight[run] else 'inf'}"
                )  # fmt: skip
                self._stop(int(run), step, epoch, what, lrs, losses, reg_loss, grad_norms)
        self._epoch_losses.append(losses)
        row = np.empty(self._row_size)
        row[:2] = step, epoch
        block = row[2:].reshape(len(lrs), -1)
        block[:, 0], block[:, 1], block[:, 2] = lrs, losses, reg_loss
        L = net.depth
        block[:, 3 : 3 + L], block[:, 3 + L : 3 + 2 * L], block[:, 3 + 2 * L :] = (
            grad_norms, weight_norms, ratios,
        )  # fmt: skip
        if bad is not None:
            block[self._stopped] = np.nan
        self.history.append(row)
        self._last = (step, epoch, lrs, losses, reg_loss, grad_norms, weight_norms, ratios)
        if not step % self._eval_gcd:
            evaluate = self.alive & (step % self._eval_every == 0)
            if evaluate.any():
                self._evaluate(np.flatnonzero(evaluate), step)

    @property
    def alive(self) -> np.ndarray:
        """(K,) bool: which runs still train."""
        return ~self._stopped

    def _stop(
        self,
        k: int,
        step: int,
        epoch: int,
        what: str,
        lrs: np.ndarray,
        losses: np.ndarray,
        reg_loss: np.ndarray,
        grad_norms: np.ndarray,
    ) -> None:
        """Run k diverged at ``step``: the message and result its Trainer would give."""
        self.diverged[k] = divergence_message(what, step, float(lrs[k]))
        nan = np.full(self.network.depth, np.nan)
        self._final[k] = StepResult(
            step, epoch, float(lrs[k]), float(losses[k]), float(reg_loss[k]),
            grad_norms[k].copy(), nan, nan, None, self.diverged[k],
        )  # fmt: skip

    def _evaluate(self, runs: np.ndarray, step: int) -> None:
        """Full train and test loss and accuracy of ``runs``, as ``Trainer.evaluate``, for
        the whole stack in one evaluation pass per set."""
        losses, accuracies = [], []
        n, y_all = self._n_eval_train, self._eval_y
        with np.errstate(all="ignore"):
            z_all, a_all = self.network.evaluate(self._eval_x)
            for part in (slice(None, n), slice(n, None)):  # train, then test
                z, a, y = z_all[:, part], a_all[:, part], y_all[:, part]
                losses.append(self.network.loss.value(z, a, y))
                accuracies.append(_accuracy(self._kind, a, y))
        for k in runs:
            values = [float(m[k]) for m in (*losses, *accuracies)]
            self.evaluations[k].append([step, *values])
            self.last_evaluations[k] = Evaluation(step, *values)

    # -- per-run views -------------------------------------------------------------------------
    def result(self, k: int) -> StepResult | None:
        """Run k's StepResult of the last step (its diverging one once it stopped)."""
        if not self.alive[k]:
            return self._final[k]
        if self._last is None:
            return None
        step, epoch, lrs, losses, reg, gn, wn, ratios = self._last
        evaluation = self.last_evaluations[k]
        if evaluation is not None and evaluation.step != step:
            evaluation = None
        return StepResult(
            step, epoch, float(lrs[k]), float(losses[k]), float(reg[k]),
            gn[k].copy(), wn[k].copy(), ratios[k].copy(), evaluation,
        )  # fmt: skip

    def column(self, k: int, name: str) -> np.ndarray:
        """Run k's history column ``name`` (``step``, ``epoch``, ``batch_loss``, …)."""
        if name in ("step", "epoch"):
            return self.history.column(name)
        if name not in self._metrics:
            raise KeyError(f"no column {name!r}; allowed: step, epoch, {', '.join(self._metrics)}")
        return self.history.column(f"{name}@{k}")


def _accuracy(kind: str, a: np.ndarray, y: np.ndarray) -> np.ndarray:
    """(K,) accuracies of outputs ``a`` (K, n, outputs), as ``Trainer.loss_and_accuracy``."""
    if kind == "binary":
        return np.mean((a[:, :, 0] > 0.5) == (y > 0.5), axis=1)
    if kind == "multiclass":
        return np.mean(np.argmax(a, axis=2) == y, axis=1)
    return np.full(a.shape[0], np.nan)


def _optimizer_setting(trainer: Trainer) -> tuple[str, dict[str, Any]]:
    """The optimizer name and the hyper-parameters it has at step 1 (one-cycle's momentum)."""
    opt = trainer.optimizer
    hp = opt.hyperparameters
    if _cycles_momentum(trainer):
        m = trainer.schedule.momentum(0)
        if "betas" in hp:
            hp["betas"] = (m, hp["betas"][1])
        else:
            hp["momentum"] = m
    return opt.name, hp


def _cycles_momentum(trainer: Trainer) -> bool:
    return trainer.optimizer.get_momentum() is not None and trainer.schedule.momentum(0) is not None


def _stack_key(trainer: Trainer) -> tuple | None:
    """What a run must share with others to be stacked with them; None if it cannot be."""
    if stackable(trainer.network) is not None:
        return None
    if _cycles_momentum(trainer) and trainer.optimizer.name in ("sgd", "rmsprop"):
        s = trainer.schedule
        if min(s.base_momentum, s.max_momentum) == 0:  # type: ignore[attr-defined]
            return None  # μ would switch its branch mid-run
    data = trainer.data
    return (architecture(trainer.network), tuple(trainer._bounds), data.kind, len(data.test))


class RunGroup:
    """Trains a list of experiments together, every live run one step per :meth:`step`.

    Parameters
    ----------
    experiments
        The runs. Those sharing an architecture (layer sizes, activations, loss), batch size
        and training-set size, without batch-norm or dropout, are stacked; the rest train as
        separate Trainers in this process.

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
        trainers = [Trainer(e) for e in experiments]
        by_key: dict[tuple, list[int]] = {}
        for i, t in enumerate(trainers):
            key = _stack_key(t)
            if key is not None:
                by_key.setdefault(key, []).append(i)
        self.stacks: list[StackedRuns] = []
        self._alone: list[Trainer] = []
        results: dict[int, RunResults] = {}
        for members in by_key.values():
            if len(members) < 2:
                continue
            members.sort(key=lambda i: repr(branch_key(*_optimizer_setting(trainers[i]))))
            stack = StackedRuns([trainers[i] for i in members])
            self.stacks.append(stack)
            for slot, i in enumerate(members):
                results[i] = RunResults(trainers[i], stack, slot)
        for i, t in enumerate(trainers):
            if i not in results:
                self._alone.append(t)
                results[i] = RunResults(t)
        self.results = [results[i] for i in range(len(trainers))]
        self._steps = 0

    @property
    def steps_done(self) -> int:
        """Steps of the group so far (a run that diverged stopped earlier)."""
        return self._steps

    def step(self) -> None:
        """One step of every run that has not diverged (a diverging run stops alone)."""
        for stack in self.stacks:
            if stack.alive.any():
                stack.step()
        for trainer in self._alone:
            if not trainer.diverged:
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
        return any(s.alive.any() for s in self.stacks) or any(not t.diverged for t in self._alone)
