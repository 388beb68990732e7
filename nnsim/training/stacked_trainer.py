"""Runs of one architecture trained as one stack, each equal to the same run trained alone.

:class:`StackedRuns` takes fresh :class:`~nnsim.training.trainer.Trainer` objects (so the
data, initial weights, optimizer, schedule and shuffling are exactly the Trainer's) and
trains them as one batched computation (:mod:`nnsim.engine.stacked`): per step, each run's
own mini-batch and learning rate, one forward/backward for all, per-run regularisation,
gradient clipping and divergence, one optimizer call per kind and branch
(:mod:`nnsim.engine.stacked_optimizer`), and every ``eval_every`` steps a full evaluation.
:class:`~nnsim.training.run_group.RunGroup` decides which runs are stacked.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from nnsim.engine.schedules import Constant, ReduceLROnPlateau
from nnsim.engine.stacked import StackedNetwork, architecture, stackable
from nnsim.engine.stacked_optimizer import StackedOptimizer
from nnsim.training.data import batch_bounds
from nnsim.training.divergence import Divergence, divergence_what, find_divergence
from nnsim.training.history import MetricHistory
from nnsim.training.results import Evaluation, StepResult
from nnsim.training.text import Text
from nnsim.training.trainer import LR_BLOCK, DivergedError, Trainer

__all__ = ["StackedRuns", "optimizer_setting", "stack_key"]

_PER_RUN = ("lr", "batch_loss", "reg_loss")


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
        self._bounds = _bounds(first)
        self.network = StackedNetwork([t.network for t in self.trainers])
        self.optimizer = StackedOptimizer(
            self.network.theta, [optimizer_setting(t) for t in self.trainers]
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
        self._orders: list[np.ndarray | None] = [None] * K  # each run's order of this pass
        self.diverged: list[str | None] = [None] * K
        self.divergences: list[Divergence | None] = [None] * K  # the same, as data
        self._final: list[StepResult | None] = [None] * K
        self._last: tuple | None = None
        metrics = [*_PER_RUN, *(f"{m}_{k}" for m in ("grad_norm", "weight_norm", "update_ratio")
                                for k in range(1, L + 1))]  # fmt: skip
        self._metrics = {m: i for i, m in enumerate(metrics)}
        self._row_size = 2 + K * len(metrics)
        self.history = MetricHistory(
            ["step", "epoch", *(f"{m}@{k}" for k in range(K) for m in metrics)],
            capacity=first.history.capacity,
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
            for k in np.flatnonzero(self.alive):  # a stopped run's generator stays put
                t = self.trainers[k]
                order = t.batches.rng.permutation(len(t.data.train))  # the Trainer's own order
                self._orders[k] = order
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
        total = losses + reg_loss
        # a run whose loss is not finite stops before its update, as its Trainer does
        unstepped = {} if np.isfinite(total).all() else {
            int(k): self.optimizer.run_state(int(k))
            for k in np.flatnonzero(self.alive & ~np.isfinite(total))
        }  # fmt: skip
        before = net.theta.copy()
        self.optimizer.step(grad)
        delta = net.theta - before
        squares = np.einsum("kp,kp->k", delta, delta)
        bad = None
        if self._stopped.any() or not np.isfinite(total + squares).all():
            bad_loss = ~np.isfinite(total)  # θ itself: a huge finite step overflows its square
            bad_weight = ~np.isfinite(squares) & ~np.isfinite(net.theta).all(axis=1)
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
                what = divergence_what("loss", total[run]) if bad_loss[run] else (
                    divergence_what("weight", "nan" if nan_weight[run] else "inf")
                )  # fmt: skip
                self._stop(int(run), step, epoch, what, lrs, losses, reg_loss, grad_norms)
                self._sync(int(run), step - 1, unstepped.get(int(run)))  # its state at the stop
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
        what: Text,
        lrs: np.ndarray,
        losses: np.ndarray,
        reg_loss: np.ndarray,
        grad_norms: np.ndarray,
    ) -> None:
        """Run k diverged at ``step``: the message and result its Trainer would give (its
        explanation from the Trainer given the weights before the failed update and that
        step's gradient, as a Trainer alone has them)."""
        t = self.trainers[k]
        t.network.theta[...], t.network.grad[...] = self.network.theta[k], self.network.grad[k]
        t.steps_done = step - 1
        divergence = find_divergence(t, what, step, float(lrs[k]))
        self.divergences[k], self.diverged[k] = divergence, divergence.explanation
        nan = np.full(self.network.depth, np.nan)
        self._final[k] = StepResult(
            step, epoch, float(lrs[k]), float(losses[k]), float(reg_loss[k]),
            grad_norms[k].copy(), nan, nan, None, self.diverged[k],
        )  # fmt: skip

    def _evaluate(self, runs: np.ndarray, step: int) -> None:
        """Full train and test loss and accuracy of ``runs``, as ``Trainer.evaluate``: one
        forward pass of the whole stack over train and test points together."""
        n = self._n_eval_train
        with np.errstate(all="ignore"):
            z, a = self.network.evaluate(self._eval_x)
            losses = self.network.loss.values(z, a, self._eval_y, n)  # train, test
            accuracies = _accuracies(self._kind, a, self._eval_y, n)
        table = np.stack([*losses, *accuracies], axis=1)[runs].tolist()
        for k, values in zip(runs.tolist(), table, strict=True):
            self.evaluations[k].append([step, *values])
            self.last_evaluations[k] = Evaluation(step, *values)

    # -- each run's own Trainer -----------------------------------------------------------------
    def sync(self, k: int, histories: bool = True) -> Trainer:
        """Run k's Trainer, brought to the run's state in the stack (weights, gradient,
        optimizer, data order, counters, results and, unless ``histories`` is False, the
        metric histories): its ``state_dict()`` is then the run's. A run that diverged was
        synced when it stopped. The stack goes on regardless: do not step the Trainer while
        the stack trains (they share the schedule and the shuffling generator)."""
        if self.alive[k]:
            self._sync(k, self.steps_done, None, histories)
        return self.trainers[k]

    def _sync(
        self, k: int, steps: int, optimizer: dict[str, Any] | None, histories: bool = True
    ) -> None:
        t = self.trainers[k]
        t.network.theta[...] = self.network.theta[k]
        t.network.grad[...] = self.network.grad[k]
        t.network.set_random_state(self.network.dropout_rngs[k].bit_generator.state)
        t.optimizer.load_state_dict(optimizer or self.optimizer.run_state(k))
        t.steps_done, t.epochs_done = steps, self.epochs_done
        order = {"batch_index": self._batch_index, "epoch_order": self._orders[k]}
        t.batches.load_state_dict({**order, "shuffle_rng": t.batches.rng.bit_generator.state})
        t.epoch_losses = [float(losses[k]) for losses in self._epoch_losses]
        t.diverged, t.last_result = self.diverged[k], self.result(k)
        t.divergence = self.divergences[k]
        t.last_evaluation = self.last_evaluations[k]
        if histories:
            rows = self.history.state_dict()
            mine = [0, 1, *range(2 + k * len(self._metrics), 2 + (k + 1) * len(self._metrics))]
            pending = rows["pending"]
            t.history.load_state_dict({
                **rows, "columns": t.history.columns, "rows": rows["rows"][:, mine],
                "pending": None if pending is None else pending[mine],
            })  # fmt: skip
            t.evaluations.load_state_dict(self.evaluations[k].state_dict())

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


def _accuracies(kind: str, a: np.ndarray, y: np.ndarray, split: int) -> list[np.ndarray]:
    """(K,) accuracies of outputs ``a`` (K, n, outputs) on points ``[:split]`` and
    ``[split:]``, as ``Trainer.loss_and_accuracy``."""
    if kind == "binary":
        right = (a[:, :, 0] > 0.5) == (y > 0.5)
    elif kind == "multiclass":
        right = np.argmax(a, axis=2) == y
    else:
        return [np.full(a.shape[0], np.nan)] * 2
    return [np.mean(right[:, :split], axis=1), np.mean(right[:, split:], axis=1)]


def optimizer_setting(trainer: Trainer) -> tuple[str, dict[str, Any]]:
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


def _bounds(trainer: Trainer) -> list[tuple[int, int]]:
    """The mini-batches of an epoch, as the trainer cuts them."""
    return batch_bounds(len(trainer.data.train), trainer.experiment.training.batch_size)


def stack_key(trainer: Trainer) -> tuple | None:
    """What a run must share with others to be stacked with them; None if it cannot be."""
    if stackable(trainer.network) is not None:
        return None
    if _cycles_momentum(trainer) and trainer.optimizer.name in ("sgd", "rmsprop"):
        s = trainer.schedule
        if min(s.base_momentum, s.max_momentum) == 0:  # type: ignore[attr-defined]
            return None  # μ would switch its branch mid-run
    data = trainer.data
    return (architecture(trainer.network), tuple(_bounds(trainer)), data.kind, len(data.test))
