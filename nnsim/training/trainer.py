"""The Trainer: one experiment, trained step by step, measured at every step.

``Trainer(experiment)`` builds the data, the network, the optimizer and the
learning-rate schedule. ``step()`` trains on one mini-batch and says what
happened; ``phases()`` does the same step as a sequence of phases for the
lecture mode (see :mod:`nnsim.training.phases`); ``reset()`` goes back to the
initial weights. Nothing here imports Qt.

Counting: step s (from 1) trains on one batch; its metrics (loss, gradients) are
those computed *before* update s, and it uses the learning rate for t = s − 1
completed steps (unit "step") or t = completed epochs (unit "epoch").
"""

from __future__ import annotations

import contextlib
import math
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

import numpy as np

from nnsim.engine import clipping, regularization
from nnsim.engine.optimizers import make_optimizer
from nnsim.engine.schedules import ReduceLROnPlateau, Schedule, make_schedule
from nnsim.training.batches import EpochBatches
from nnsim.training.data import TrainingData, build_data
from nnsim.training.divergence import Divergence, divergence_what, find_divergence
from nnsim.training.history import MetricHistory
from nnsim.training.network_for import network_for
from nnsim.training.results import Evaluation, StepResult
from nnsim.training.text import Text
from nnsim.training.trainer_evaluation import loss_and_accuracy
from nnsim.training.trainer_state import load_trainer_state, trainer_state

if TYPE_CHECKING:
    from nnsim.training.experiment import Experiment
    from nnsim.training.phases import Phase

LR_BLOCK = 1024  # learning rates are computed ahead in blocks: the schedule is a pure function
_new_tuple = tuple.__new__  # StepResult(...) runs a Python-level __new__; this builds it directly
_TINY = np.array(1e-300)  # the least ‖W‖ an update ratio divides by (0-d: see activations.ONE)


class DivergedError(RuntimeError):
    """Raised by ``step()`` once training has stopped on a non-finite loss or weight."""


class Trainer:
    """Trains one :class:`~nnsim.training.experiment.Experiment`.

    Attributes
    ----------
    network, optimizer, schedule, data
        The engine objects, built from the experiment.
    history, evaluations
        Bounded per-step metrics and the full-data evaluations (see :meth:`columns`).
    batches
        The data order (:class:`~nnsim.training.batches.EpochBatches`): this pass's shuffle
        and the next batch in it.
    steps_done, epochs_done
        Completed steps and completed passes over the training set.
    epoch_losses
        The batch losses of the pass under way (a plateau schedule sees their mean).
    diverged, divergence
        ``None``, or why training stopped: the sentence, and the same as data (a
        :class:`~nnsim.training.divergence.Divergence`: the cause, the setting at fault).
    history_origin
        Steps completed before ``history`` began (0 unless it went on from another trainer's
        state without its rows: a lecture's trainer starts at the window's step).
    """

    batches: EpochBatches  # first set by reset()

    def __init__(self, experiment: Experiment, data: TrainingData | None = None) -> None:
        self.experiment = experiment
        self.data = data if data is not None else build_data(experiment)
        self.network = network_for(experiment, len(self.data.features))
        self._initial_state = self.network.state()
        L = self.network.depth
        per_layer = [
            f"{m}_{k}"
            for m in ("grad_norm", "weight_norm", "update_ratio")
            for k in range(1, L + 1)
        ]
        self.history = MetricHistory(["step", "epoch", "lr", "batch_loss", "reg_loss", *per_layer])
        self._row = np.zeros(len(self.history.columns))  # the next history row, built in place
        self._row_norms = self._row[5:].reshape(3, L)
        self._ratio_terms = (self._row_norms[1], self._row_norms[2], np.empty(L))  # ‖W‖, ‖ΔW‖
        self._result_slices = (slice(5, 5 + L), slice(5 + L, 5 + 2 * L), slice(5 + 2 * L, None))
        self._squares = self._weight_squares = np.empty(0)  # update_norms' array, its W columns
        self._grads = [self.network.grad]  # what the optimizer's step takes, every step
        self._quiet = False  # inside quiet_steps()
        self.evaluations = MetricHistory(
            ["step", "train_loss", "test_loss", "train_accuracy", "test_accuracy"], capacity=2048
        )
        self.reset()

    # -- set-up --------------------------------------------------------------------------------
    @property
    def batch_size(self) -> int:
        return self.batches.batch_size

    @property
    def steps_per_epoch(self) -> int:
        """Optimizer steps in one pass over the training set."""
        return self.batches.steps_per_epoch

    def new_batches(self) -> None:
        """Take batches of the current data and batch size; the next step starts a new pass
        (the shuffling generator goes on)."""
        self.batches = EpochBatches(
            self.data, self.experiment.training.batch_size, self.batches.rng
        )

    def new_optimizer(self) -> None:
        """A fresh optimizer and schedule, as the experiment says (moments and counters gone)."""
        opt = self.experiment.training.optimizer
        self.optimizer = make_optimizer(opt.name, [self.network.theta], **opt.params)
        self.new_schedule()

    def new_schedule(self) -> None:
        """A fresh schedule from the experiment's (base learning rate, schedule) for the
        optimizer as it is; the next step takes its learning rate from it."""
        sched = self.experiment.training.schedule
        lr0 = float(self.experiment.training.optimizer.params["lr"])
        self.use_schedule(make_schedule(sched.name, lr0, **sched.params))

    def use_schedule(self, schedule: Schedule) -> None:
        """Take learning rates (and, with one-cycle, the momentum) from ``schedule`` now."""
        self.schedule = schedule
        self._cycles_momentum = (
            self.optimizer.get_momentum() is not None and schedule.momentum(0) is not None
        )
        self._lr_cache_start = -1
        self._lr_cache: list[float] = []

    def reset(self) -> None:
        """Back to the initial weights, step 0, fresh optimizer state and shuffling."""
        self.network.load_state(self._initial_state)
        self.network.grad[...] = 0.0
        self.new_optimizer()
        seeds = np.random.SeedSequence(self.experiment.seed).spawn(3)
        batch_size = self.experiment.training.batch_size
        self.batches = EpochBatches(self.data, batch_size, np.random.default_rng(seeds[2]))
        self.network.set_random_state(np.random.default_rng(seeds[1]).bit_generator.state)
        self.steps_done = 0
        self.epochs_done = 0
        self.epoch_losses: list[float] = []  # this pass's batch losses (a plateau watches them)
        self.history_origin = 0
        self.diverged: str | None = None
        self.divergence: Divergence | None = None
        self.last_result: StepResult | None = None
        self.last_evaluation: Evaluation | None = None
        self.history.clear()
        self.evaluations.clear()

    @property
    def initial_state(self) -> dict[str, np.ndarray]:
        """Copies of the weights the network started from."""
        return {k: v.copy() for k, v in self._initial_state.items()}

    # -- learning rate -------------------------------------------------------------------------
    @property
    def schedule_position(self) -> int:
        """t for the next step: completed steps or completed epochs, by the schedule's unit."""
        unit = self.experiment.training.schedule.unit
        return self.steps_done if unit == "step" else self.epochs_done

    def current_lr(self) -> float:
        """The learning rate the next step will use."""
        t = self.schedule_position
        if isinstance(self.schedule, ReduceLROnPlateau):
            return self.schedule.lr(t)
        i = t - self._lr_cache_start
        if not 0 <= i < len(self._lr_cache):
            self._lr_cache_start, i = t, 0
            self._lr_cache = self.schedule.lr_array(np.arange(t, t + LR_BLOCK)).tolist()
        return self._lr_cache[i]  # a list of floats: no NumPy scalar to convert each step

    def set_learning_rate(self, lr: float) -> None:
        """Change the base learning rate mid-run, keeping weights and optimizer state.

        The schedule is rebuilt from the new base rate (a plateau schedule keeps its
        counters and continues from the new rate).
        """
        from nnsim.training.experiment import with_optimizer_param

        experiment = with_optimizer_param(self.experiment, "lr", lr)  # validates
        old = self.schedule
        self.experiment = experiment
        self.new_schedule()
        if isinstance(old, ReduceLROnPlateau):
            state = old.state_dict()
            state["params"] = self.schedule.params()
            state["state"] = {**state["state"], "current_lr": float(lr)}
            self.schedule.load_state_dict(state)
        self.optimizer.lr = self.current_lr()

    def set_optimizer_hyperparameter(self, name: str, value: Any) -> None:
        """Change one optimizer hyper-parameter mid-run, keeping its state (moments, buffers)."""
        from nnsim.training.experiment import with_optimizer_param

        if name == "lr":
            self.set_learning_rate(value)
            return
        self.optimizer.set_hyperparameter(name, value)
        self.experiment = with_optimizer_param(self.experiment, name, value)

    def continue_with(self, experiment: Experiment) -> None:
        """Go on training under an edited ``experiment`` from the current weights, steps
        and history (see :func:`nnsim.training.changes.continue_training`); ValueError,
        and nothing changed, if the network must be built anew."""
        from nnsim.training.changes import continue_training

        continue_training(self, experiment)

    # -- batches -------------------------------------------------------------------------------
    def next_batch(self) -> tuple[np.ndarray, np.ndarray]:
        """The next mini-batch (features, targets), as ``step()`` takes it; a batch that
        starts a pass ends the one before (a plateau schedule then sees its mean loss)."""
        if self.batches.at_end_of_pass and self.steps_done:
            self.epochs_done += 1
            if isinstance(self.schedule, ReduceLROnPlateau) and self.epoch_losses:
                self.schedule.observe(float(np.mean(self.epoch_losses)))
            self.epoch_losses = []
        return self.batches.next()

    # -- one step ------------------------------------------------------------------------------
    def step(self) -> StepResult:
        """Train on the next mini-batch."""
        x, y = self.next_batch()
        return self.train_on(x, y)

    def run(self, steps: int) -> StepResult | None:
        """Up to ``steps`` steps; stops early if training diverges. Returns the last result."""
        result = None
        with self.quiet_steps():
            for _ in range(steps):
                result = self.step()
                if result.diverged:
                    break
        return result

    @contextlib.contextmanager
    def quiet_steps(self) -> Iterator[None]:
        """One ``np.errstate`` for all the steps inside (a diverging run is reported, not
        warned about; ``step()`` outside enters one per step, a tenth of a small step)."""
        with np.errstate(all="ignore"):
            quiet, self._quiet = self._quiet, True
            try:
                yield
            finally:
                self._quiet = quiet

    def train_on(self, x: np.ndarray, y: np.ndarray) -> StepResult:
        """One step on the given batch (features, loss targets)."""
        if not self._quiet:
            with self.quiet_steps():
                return self.train_on(x, y)
        self.begin_step()
        loss = self.network.train_pass(x, y)
        return self.finish_step(loss)

    def begin_step(self) -> float:
        """Before a step's forward pass: set the optimizer's learning rate (and cycled
        momentum) for it and return the rate; ``DivergedError`` once training has diverged.
        ``train_on`` and the phases of :meth:`phases` begin each step with it."""
        if self.diverged:
            raise DivergedError(self.diverged)
        lr = self.current_lr()
        if lr != self.optimizer.lr:
            self.optimizer.lr = lr
        if self._cycles_momentum:  # one-cycle also cycles momentum / β1
            momentum = self.schedule.momentum(self.schedule_position)
            assert momentum is not None, "a schedule that cycles momentum gives it at every t"
            self.optimizer.set_momentum(momentum)
        return lr

    def finish_step(self, loss: float) -> StepResult:
        """Everything after backward: regularise, clip, update, measure (the norms of every
        layer in one call, ``Network.update_norms``), record (the row built in place)."""
        net, training = self.network, self.experiment.training
        reg = training.regularization
        reg_loss = 0.0
        if reg.kind != "none" and reg.rate != 0.0:
            reg_loss = regularization.penalty(net.weights, reg.kind, reg.rate)
            regularization.add_gradient(net.weight_grads, net.weights, reg.kind, reg.rate)
        clip, clipped_norms = training.grad_clip, None
        if clip is not None:  # the gradient norms reported are those before clipping
            clipped_norms = net.weight_grad_norms()
            clipping.clip_grad(net.grad, clip.mode, clip.threshold)
        step = self.steps_done + 1
        lr = self.optimizer.lr
        if not math.isfinite(loss + reg_loss):
            norms = net.weight_grad_norms() if clipped_norms is None else clipped_norms
            what = divergence_what("loss", loss + reg_loss)  # 'inf' or 'nan'
            return self._diverge(step, what, lr, loss, reg_loss, norms)
        net.keep_theta()
        self.optimizer.step(self._grads)
        squares = net.update_norms()  # rows ‖dW‖², ‖W‖², ‖ΔW‖²; a last column for the rest
        if squares is not self._squares:  # the network's kept array: its view is taken once
            self._squares, self._weight_squares = squares, squares[:, :-1]
        # inf/nan in θ (a huge but finite update only overflows its square: training goes on)
        if not math.isfinite(sum(squares[2].tolist())) and not np.isfinite(net.theta).all():
            bad = "nan" if np.isnan(net.theta).any() else "inf"
            net.restore_theta()  # keep the last finite state inspectable
            norms = np.sqrt(squares[0, :-1]) if clipped_norms is None else clipped_norms
            return self._diverge(step, divergence_what("weight", bad), lr, loss, reg_loss, norms)
        epoch = self.epochs_done + 1
        row = self._row
        row[0], row[1], row[2], row[3], row[4] = step, epoch, lr, loss, reg_loss
        norms = self._row_norms  # (3, L) view of row: gradient, weight, update norms
        np.sqrt(self._weight_squares, norms)  # outputs positional: a keyword costs ~0.3 µs
        if clipped_norms is not None:
            norms[0] = clipped_norms
        weight, update, scratch = self._ratio_terms  # ‖ΔW‖ / ‖W‖ replaces the update norm
        np.divide(update, np.maximum(weight, _TINY, out=scratch), update)
        self.steps_done = step
        self.epoch_losses.append(loss)
        self.history.append(row)
        evaluation = None
        if step % training.eval_every == 0:
            evaluation = self.evaluate()
        kept = row.copy()  # the result's arrays are never reused
        grads, weights, ratios = self._result_slices
        result = _new_tuple(
            StepResult,
            (step, epoch, lr, loss, reg_loss, kept[grads], kept[weights], kept[ratios],
             evaluation, None),
        )  # fmt: skip
        self.last_result = result
        return result

    def _diverge(
        self, step: int, what: Text, lr: float, loss: float, reg_loss: float, grad_norms: np.ndarray
    ) -> StepResult:
        self.divergence = find_divergence(self, what, step, lr)
        self.diverged = self.divergence.explanation
        nan = np.full(self.network.depth, np.nan)
        self.last_result = StepResult(
            step, self.epochs_done + 1, lr, loss, reg_loss, grad_norms, nan, nan, None,
            self.diverged,
        )  # fmt: skip
        return self.last_result

    def phases(self, batch: tuple[np.ndarray, np.ndarray] | None = None) -> Iterator[Phase]:
        """The next step (or one on ``batch``) as phases; see :mod:`nnsim.training.phases`."""
        from nnsim.training.phases import step_phases

        return step_phases(self, *(self.next_batch() if batch is None else batch))

    # -- measuring -----------------------------------------------------------------------------
    def loss_and_accuracy(self, x: np.ndarray, y: np.ndarray) -> tuple[float, float]:
        """Evaluation-mode data loss and accuracy on features ``x``, targets ``y``."""
        return loss_and_accuracy(self.network, self.data.kind, x, y)

    def evaluate(self) -> Evaluation:
        """Full train and test loss and accuracy now; recorded in ``evaluations``."""
        d = self.data
        train_loss, train_acc = self.loss_and_accuracy(d.x_train, d.y_train)
        test_loss, test_acc = self.loss_and_accuracy(d.x_test, d.y_test)
        ev = Evaluation(self.steps_done, train_loss, test_loss, train_acc, test_acc)
        self.evaluations.append([ev.step, train_loss, test_loss, train_acc, test_acc])
        self.last_evaluation = ev
        return ev

    # -- saving and restoring ------------------------------------------------------------------
    def state_dict(self, *, histories: bool = True) -> dict[str, Any]:
        """All that training changes, as picklable values: :mod:`nnsim.training.trainer_state`."""
        return trainer_state(self, histories)

    def load_state_dict(self, state: Mapping[str, Any]) -> None:
        """Continue bit-identically from a :meth:`state_dict` of a trainer on the same network,
        data and batch size; ``ValueError`` (nothing changed) if it does not fit."""
        backup = self.state_dict(histories="history" in state)
        try:
            load_trainer_state(self, state)
        except (KeyError, TypeError, ValueError, IndexError, AttributeError) as err:
            load_trainer_state(self, backup)
            if isinstance(err, ValueError):
                raise
            raise ValueError(f"not a trainer state ({type(err).__name__}: {err})") from None
