"""The weights training went through, for the loss landscape's trajectory and PCA directions
(:mod:`nnsim.training.landscape`, which re-exports both names): :class:`TrajectoryRecorder`,
bounded and evenly thinned, and :func:`flatten_state`, a snapshot's weights in
``Network.theta``'s layout. Nothing here imports Qt."""

from __future__ import annotations

import re
from typing import Protocol

import numpy as np

__all__ = ["TrajectoryRecorder", "flatten_state"]

_NAME = re.compile(r"^(W|b|gamma|beta)(\d+)$")
_ORDER = {"W": 0, "b": 1, "gamma": 2, "beta": 3}


def flatten_state(weights: dict[str, np.ndarray]) -> np.ndarray:
    """A parameter dict (``Network.state()``, a snapshot's ``weights``) as one vector in
    ``Network.theta``'s layout: W1 … WL, b1 … bL, γ…, β… (running statistics left out)."""
    keys = []
    for name in weights:
        match = _NAME.match(name)
        if match:
            keys.append((_ORDER[match.group(1)], int(match.group(2)), name))
    return np.concatenate([np.ravel(weights[name]) for *_, name in sorted(keys)])


class _WeightsSnapshot(Protocol):
    @property
    def step(self) -> int: ...
    @property
    def weights(self) -> dict[str, np.ndarray]: ...
    @property
    def diverged(self) -> str | None: ...


class TrajectoryRecorder:
    """The weights training went through, evenly thinned to at most ``capacity`` points.

    A point is kept when it is at least ``stride`` steps after the last kept one; when the
    kept points fill the capacity every other one goes and the stride doubles. The newest
    weights are always there too (the last row of :meth:`thetas`). An earlier step, step 0
    or weights of another size start a new trajectory (a reset, another run).
    """

    def __init__(self, capacity: int = 256) -> None:
        if capacity < 4:
            raise ValueError("a trajectory keeps at least 4 points")
        self.capacity = capacity
        self.clear()

    def clear(self) -> None:
        self.stride = 1
        self._steps: list[int] = []
        self._thetas: list[np.ndarray] = []
        self._tail: tuple[int, np.ndarray] | None = None

    def __len__(self) -> int:
        return len(self.steps())

    def record(self, step: int, theta: np.ndarray) -> None:
        """The weights after ``step`` completed steps (copied; non-finite ones are skipped)."""
        theta = np.array(theta, dtype=np.float64)
        if not np.isfinite(theta).all():
            return
        last = self._tail[0] if self._tail is not None else None
        size = self._thetas[0].size if self._thetas else None
        if step == 0 or (last is not None and step < last) or (size not in (None, theta.size)):
            self.clear()
        self._tail = (step, theta)
        if self._steps and step - self._steps[-1] < self.stride:
            return
        self._steps.append(step)
        self._thetas.append(theta)
        if len(self._steps) >= self.capacity:
            self._steps, self._thetas = self._steps[::2], self._thetas[::2]
            self.stride *= 2

    def record_snapshot(self, snapshot: _WeightsSnapshot) -> None:
        """Record a snapshot's weights (a diverged one is skipped)."""
        if snapshot.diverged is None:
            self.record(snapshot.step, flatten_state(snapshot.weights))

    def steps(self) -> np.ndarray:
        steps = list(self._steps)
        if self._tail is not None and (not steps or self._tail[0] > steps[-1]):
            steps.append(self._tail[0])
        return np.array(steps, dtype=np.int64)

    def thetas(self) -> np.ndarray:
        """(m, P): the kept weights, oldest first, the newest last."""
        rows = list(self._thetas)
        if self._tail is not None:
            if self._steps and self._tail[0] == self._steps[-1]:
                rows[-1] = self._tail[1]
            elif not self._steps or self._tail[0] > self._steps[-1]:
                rows.append(self._tail[1])
        return np.array(rows) if rows else np.zeros((0, 0))
