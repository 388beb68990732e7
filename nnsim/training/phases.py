"""One training step as a sequence of phases, for the lecture mode.

``step_phases(trainer, x, y)`` yields, in order::

    forward L1 … forward L   (A_prev, W, b, Z, [Z_bn], A)
    loss                     (A, Y, loss)
    backward L … backward L1 (dA, dZ, dW, db)
    update                   (per layer: W_old, W_step, W_new and the same for b)

Each phase carries copies of its arrays. The phases run exactly the operations
of ``Trainer.step()`` in the same order (they drive the same generators of the
network), so running them all leaves bit-identical weights.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

import numpy as np


@dataclass(frozen=True)
class Phase:
    """One phase of a step: what kind, which layer (1-based; None for loss/update), its arrays."""

    kind: str
    layer: int | None
    arrays: dict[str, np.ndarray] = field(repr=False)
    lr: float = 0.0
    loss: float | None = None
    result: object = None  # the StepResult, on the update phase

    @property
    def title(self) -> str:
        if self.layer is None:
            return self.kind.capitalize()
        return f"{self.kind.capitalize()} L{self.layer}"


def phase_titles(depth: int) -> list[str]:
    """The titles of a step's phases for a network with ``depth`` dense layers."""
    forward = [f"Forward L{k}" for k in range(1, depth + 1)]
    backward = [f"Backward L{k}" for k in range(depth, 0, -1)]
    return [*forward, "Loss", *backward, "Update"]


def step_phases(trainer, x: np.ndarray, y: np.ndarray) -> Iterator[Phase]:
    """Yield the phases of one training step of ``trainer`` on features ``x``, targets ``y``."""
    net = trainer.network
    lr = trainer.begin_step()
    with np.errstate(all="ignore"):
        forward = net.forward_steps(x, train=True)
    while True:
        with np.errstate(all="ignore"):
            layer = next(forward, None)
        if layer is None:
            break
        cached = net.cached(layer.index)
        arrays = {"A_prev": cached.pop("A_prev").copy(), "W": layer.W.copy(), "b": layer.b.copy()}
        arrays.update({k: v.copy() for k, v in cached.items()})
        yield Phase("forward", layer.index, arrays, lr)

    with np.errstate(all="ignore"):
        loss = net.loss_value(y)
        a = net.cached(net.depth)["A"]
        grad_a = net.loss.grad_a(a, y)
    yield Phase("loss", None, {"A": a.copy(), "Y": np.array(y, copy=True)}, lr, loss)

    backward = net.backward_steps(y)
    while True:
        with np.errstate(all="ignore"):
            item = next(backward, None)
        if item is None:
            break
        layer, delta, next_grad_a = item
        arrays = {"dZ": delta.copy(), "dW": layer.grad_W.copy(), "db": layer.grad_b.copy()}
        if grad_a is not None:
            arrays = {"dA": grad_a.copy(), **arrays}
        yield Phase("backward", layer.index, arrays, lr, loss)
        grad_a = next_grad_a

    before = net.state()
    with np.errstate(all="ignore"):
        result = trainer.finish_step(loss)
    after = net.state()
    arrays = {}
    for name in net.parameter_names():
        arrays[f"{name}_old"] = before[name]
        arrays[f"{name}_step"] = after[name] - before[name]
        arrays[f"{name}_new"] = after[name]
    yield Phase("update", None, arrays, lr, loss, result)
