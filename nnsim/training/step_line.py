"""The step along the gradient: the training loss on the line θ − η·g, for a range of η.

For the weights θ of a step and the mini-batch gradient g that step uses (the gradient of the
batch loss *plus the weight penalty*, clipped as the trainer clips it: exactly what the
optimizer receives), :class:`StepLineProbe` measures::

    J_batch(θ − η·g)   on the step's own mini-batch (training mode, as the step computes it:
                       batch-norm on batch statistics, the step's own dropout masks)
    J_train(θ − η·g)   on the training set (evaluation mode, as ``Trainer.evaluate`` after
                       the step: batch-norm's running statistics as the step updates them; at
                       most :data:`EVAL_POINTS` of its points, always the same ones)

both with the penalty R(θ) added, for 0 ≤ η ≤ ``span``·η₀ (η₀ the learning rate the step
uses): 33 evenly spaced points and 16 log-spaced ones from 10⁻³·η₀ (for a minimum far
below η₀), and η₀ itself: about 50 points. The
losses come from the engine's own network and loss on a scratch copy of the network (for
K points, one :class:`~nnsim.engine.stacked.StackedNetwork` pass of K weight vectors when
the network has no batch-norm or dropout, else one pass per point): nothing is
re-implemented, and the trainer is not touched.

The quadratic model is the second-order Taylor expansion along the line,
``J(θ) − η·(∇J·g) + ½η²·gᵀHg`` (``∇J·g = ‖g‖²`` without clipping), on the batch. Its
curvature gᵀHg is a **central finite difference of the directional derivative**:
``(∇J(θ + h·g)·g − ∇J(θ − h·g)·g) / 2h`` from two more backward passes, with
h·‖g‖ = 10⁻⁵·max(1, ‖θ‖) (not a fit to the curve, so it describes the start of the line).

Other optimizers. The line is always the *gradient* direction −g. An optimizer other than
plain SGD (momentum, Adam, weight decay …) steps elsewhere; its update is linear in the
learning rate for a given state (every optimizer here multiplies its step by γ), so one step
of a copy gives Δθ(η) = η·u, and the loss along the actual update θ + η·u is measured too
(``update_train_loss``, ``update_batch_loss``; None when it is the gradient line itself).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import numpy as np

from nnsim.engine import clipping, regularization
from nnsim.engine.network import Network
from nnsim.engine.optimizers import make_optimizer
from nnsim.engine.stacked import StackedNetwork, stackable
from nnsim.training.step_line_result import StepLine
from nnsim.training.trainer import network_for

__all__ = ["StepLine", "StepLineProbe", "line_etas"]

if TYPE_CHECKING:
    from nnsim.training.experiment import Experiment
    from nnsim.training.lecture import LectureSession
    from nnsim.training.trainer import Trainer

DEFAULT_SPAN = 4.0  # the line reaches this many times the chosen learning rate
LINEAR_POINTS = 33  # η₀ and 2η₀ fall on this grid (span 4: steps of η₀/8)
LOG_POINTS = 16
LOG_DECADES = 3.0  # the log-spaced points start at 10⁻³ of the chosen learning rate
EVAL_POINTS = 2000  # the training-set curve uses at most this many points (as the LR finder)


def line_etas(lr: float, span: float = DEFAULT_SPAN) -> np.ndarray:
    """The step sizes of the line: 0, η₀ itself, evenly spaced and log-spaced up to span·η₀."""
    top = span * lr
    linear = np.linspace(0.0, top, LINEAR_POINTS)
    logs = np.geomspace(lr * 10.0**-LOG_DECADES, top, LOG_POINTS)
    return np.unique(np.concatenate([linear, logs, [lr]]))


class StepLineProbe:
    """Computes :class:`StepLine` for a trainer on scratch copies (the trainer is untouched).

    Keep one per window or training process: the scratch network is made once per network.
    """

    def __init__(self, span: float = DEFAULT_SPAN) -> None:
        if not (math.isfinite(span) and span > 1.0):
            raise ValueError(f"span must be > 1, got {span}")
        self.span = span
        self._net: Network | None = None
        self._source: Network | None = None
        self._eval: tuple[Any, np.ndarray, np.ndarray] | None = None
        self._stack: StackedNetwork | None = None
        self._stacked: Network | None = None  # the network the stack was made for

    def next_step(self, trainer: Trainer) -> StepLine:
        """The line of the step ``trainer`` takes next: its weights, its next mini-batch
        (looked at, not taken), its learning rate (``current_lr()``)."""
        batches = trainer.batches
        saved = batches.state_dict()
        try:
            x, y = batches.next()
            x, y = x.copy(), y.copy()
        finally:
            batches.load_state_dict(saved)
        net = trainer.network
        optimizer = _copy_optimizer(trainer.optimizer.state_dict(), net.theta.copy())
        if optimizer.get_momentum() is not None:  # one-cycle sets it at the start of a step
            momentum = trainer.schedule.momentum(trainer.schedule_position)
            if momentum is not None:
                optimizer.set_momentum(momentum)
        state = {"network": net.state(), "dropout_rng": net.random_state()}
        return self._line(trainer, state, trainer.experiment, trainer.current_lr(), x, y,
                          trainer.steps_done + 1, optimizer=optimizer)  # fmt: skip

    def at_state(
        self,
        trainer: Trainer,
        state: Mapping[str, Any],
        batch: tuple[np.ndarray, np.ndarray],
        lr: float,
        update: Mapping[str, np.ndarray] | None = None,
    ) -> StepLine:
        """The line of a step from a ``Trainer.state_dict()`` taken before it (a lecture's
        checkpoint) on ``batch`` at ``lr``; ``update`` gives the step's actual Δθ by parameter
        name (the Update phase's ``W1_step``… as ``W1``…), else the state's optimizer is used."""
        optimizer = None
        if update is None:
            optimizer = _copy_optimizer(state["optimizer"], trainer.network.theta.copy())
        step = int(state["steps_done"]) + 1
        x, y = batch
        return self._line(trainer, state, state["experiment"], lr, x, y, step,
                          optimizer=optimizer, update=update)  # fmt: skip

    def for_lecture(self, session: LectureSession) -> StepLine | None:
        """The line of a lecture's step at its Update phase (None at any other phase): the
        weights, batch, learning rate and actual update of the step the lecture applied."""
        phase, start, batch = session.current, session.step_start, session.batch
        if not session.at_update or phase is None or start is None or batch is None:
            return None
        names = session.trainer.network.parameter_names()
        update = {name: phase.arrays[f"{name}_step"] for name in names}
        return self.at_state(session.trainer, start.state, batch, phase.lr, update)

    # -- the computation -----------------------------------------------------------------------
    def _scratch(self, trainer: Trainer) -> Network:
        if self._net is None or self._source is not trainer.network:
            # a network of its own (a deep copy would cut the layers' views into theta)
            self._net = network_for(trainer.experiment, len(trainer.data.features))
            self._source = trainer.network
            data = trainer.data
            n = len(data.train)
            keep = np.arange(n)
            if n > EVAL_POINTS:  # the same points every time, spread over the training set
                keep = np.sort(np.random.default_rng(0).choice(n, EVAL_POINTS, replace=False))
            self._eval = (data, data.x_train[keep], data.y_train[keep])
        assert self._eval is not None
        if self._eval[0] is not trainer.data:  # the points changed, the network did not
            self._source = None
            return self._scratch(trainer)
        return self._net

    def _line(
        self,
        trainer: Trainer,
        state: Mapping[str, Any],
        experiment: Experiment,
        lr: float,
        x: np.ndarray,
        y: np.ndarray,
        step: int,
        *,
        optimizer: Any = None,
        update: Mapping[str, np.ndarray] | None = None,
    ) -> StepLine:
        net = self._scratch(trainer)
        assert self._eval is not None
        _, x_train, y_train = self._eval
        training = experiment.training
        reg, clip = training.regularization, training.grad_clip
        net.load_state(state["network"])
        theta = net.theta.copy()
        rng = state["dropout_rng"]

        def gradient(at: np.ndarray) -> tuple[float, np.ndarray]:
            """(J_batch, ∇J_batch) at ``at``, penalty included, as ``Trainer.train_on``."""
            net.theta[...] = at
            net.set_random_state(rng)  # the step's own dropout masks, at every point
            net.forward(x, train=True)
            loss = net.loss_value(y) + regularization.penalty(net.weights, reg.kind, reg.rate)
            net.backward(y)
            regularization.add_gradient(net.weight_grads, net.weights, reg.kind, reg.rate)
            return loss, net.grad.copy()

        with np.errstate(all="ignore"):
            _, full = gradient(theta)
            after_step = net.state()  # batch-norm's running statistics as the step leaves them
            g = full.copy()
            if clip is not None and clip.mode == "norm":
                clipping.clip_grad_norm(g, clip.threshold)
            elif clip is not None:
                clipping.clip_grad_value(g, clip.threshold)
            norm = float(np.linalg.norm(g))
            slope = float(np.dot(full, g))
            curvature = 0.0
            if norm > 0 and math.isfinite(norm):
                h = 1e-5 * max(1.0, float(np.linalg.norm(theta))) / norm
                ahead = float(np.dot(gradient(theta + h * g)[1], g))
                behind = float(np.dot(gradient(theta - h * g)[1], g))
                curvature = (ahead - behind) / (2.0 * h)

            lr = float(lr) if lr > 0 else float(training.optimizer.params["lr"])
            etas = line_etas(lr, self.span)
            direction = self._update_direction(net, theta, g, lr, optimizer, update)
            rows = theta[None, :] - etas[:, None] * g[None, :]
            if direction is not None:
                rows = np.concatenate([rows, theta[None, :] + etas[:, None] * direction])
            net.load_state(after_step)  # evaluation mode uses the step's running statistics
            batch_loss, train_loss = self._losses(net, rows, x, y, x_train, y_train, rng, reg)
            net.theta[...] = theta
        K = len(etas)
        cosine = None
        if direction is not None:
            with np.errstate(all="ignore"):  # a diverging step's vectors overflow their products
                d_norm = float(np.linalg.norm(direction))
                cosine = float(-np.dot(direction, g) / (d_norm * norm)) if d_norm * norm else 1.0
            if not math.isfinite(cosine):  # no angle between vectors that are not finite
                cosine = None
        return StepLine(
            step, lr, etas, batch_loss[:K], train_loss[:K], slope, curvature, norm,
            optimizer=_title(optimizer, training.optimizer.name),
            update_batch_loss=batch_loss[K:] if direction is not None else None,
            update_train_loss=train_loss[K:] if direction is not None else None,
            update_cosine=cosine, train_points=len(x_train),
        )  # fmt: skip

    @staticmethod
    def _update_direction(
        net: Network,
        theta: np.ndarray,
        g: np.ndarray,
        lr: float,
        optimizer: Any,
        update: Mapping[str, np.ndarray] | None,
    ) -> np.ndarray | None:
        """u with Δθ(η) = η·u for the optimizer's actual step; None if u = −g."""
        if update is not None:
            delta = np.zeros_like(theta)
            net.theta[...] = 0.0
            for name, view in zip(net.parameter_names(), net.parameters(), strict=True):
                view[...] = update[name]
            delta[...] = net.theta
            net.theta[...] = theta
        elif optimizer is not None:
            moved = theta.copy()  # the copy steps a vector of its own
            stepper = _copy_optimizer(optimizer.state_dict(), moved)
            stepper.lr = lr
            stepper.step([g])
            delta = moved - theta
        else:
            return None
        u = delta / lr
        scale = max(float(np.linalg.norm(g)), 1e-300)
        if float(np.linalg.norm(u + g)) <= 1e-9 * scale:
            return None  # plain SGD: the actual step is the gradient line
        return u

    def _losses(
        self,
        net: Network,
        rows: np.ndarray,
        x: np.ndarray,
        y: np.ndarray,
        x_train: np.ndarray,
        y_train: np.ndarray,
        rng: Mapping[str, Any],
        reg: Any,
    ) -> tuple[np.ndarray, np.ndarray]:
        """(J_batch, J_train) for every row of weights, penalty included."""
        K = len(rows)
        n_w = net.n_weights
        penalties = np.array([regularization.penalty(r[:n_w], reg.kind, reg.rate) for r in rows])
        if stackable(net) is None:  # one batched pass for all K points
            stack = self._stack
            if stack is None or stack.runs != K or self._stacked is not net:
                stack = self._stack = StackedNetwork([net] * K)  # made once: K rows of net
                self._stacked = net
            stack.theta[...] = rows
            batch = stack.loss.value(*stack.evaluate(x), np.broadcast_to(y, (K, *y.shape)))
            train = stack.loss.value(
                *stack.evaluate(x_train), np.broadcast_to(y_train, (K, *y_train.shape))
            )
            return batch + penalties, train + penalties
        batch, train = np.empty(K), np.empty(K)
        for k, row in enumerate(rows):  # batch-norm or dropout: one network pass per point
            net.theta[...] = row
            pre, a = net.evaluate(x_train)
            train[k] = net.loss.value(pre, a, y_train)
        running = net.state()  # training-mode passes move the running statistics: put back
        for k, row in enumerate(rows):
            net.theta[...] = row
            net.set_random_state(rng)
            net.forward(x, train=True)
            batch[k] = net.loss_value(y)
        net.load_state(running)
        return batch + penalties, train + penalties


def _copy_optimizer(saved: Mapping[str, Any], theta: np.ndarray) -> Any:
    """An optimizer as ``saved`` (a ``state_dict()``) updating ``theta``."""
    optimizer = make_optimizer(saved["optimizer"], [theta], **saved["hyperparameters"])
    optimizer.load_state_dict(saved)
    return optimizer


def _title(optimizer: Any, name: str) -> str:
    title = getattr(optimizer, "title", "") if optimizer is not None else ""
    return title or name
