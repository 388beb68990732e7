"""The order a Trainer takes its training data in: a fresh shuffle every pass, then the
mini-batches of :func:`~nnsim.training.data.batch_bounds` one after the other.

:class:`EpochBatches` holds the pass's permutation, the next batch's index and the shuffling
generator, and saves and restores them (``state_dict`` / ``load_state_dict``), so that a
trainer restored from a state takes exactly the batches it would have taken.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np

from nnsim.training.data import TrainingData, batch_bounds


class EpochBatches:
    """Mini-batches of ``data``'s training set, shuffled anew by ``rng`` at every pass.

    The first :meth:`next` starts a pass; so does the one after :meth:`start_new_pass`.
    """

    def __init__(self, data: TrainingData, batch_size: int | str, rng: np.random.Generator):
        self.data = data
        self.rng = rng
        self.bounds = batch_bounds(len(data.train), batch_size)
        self.index = len(self.bounds)  # of the next batch in the pass; at the end: a new pass
        self.order: np.ndarray | None = None  # this pass's permutation of the training points
        self._x = self._y = np.empty(0)
        self._identity = np.arange(len(data.train))  # what each pass's shuffle starts from

    @property
    def batch_size(self) -> int:
        """Points in a full batch (the last one of a pass may hold more: see ``batch_bounds``)."""
        start, end = self.bounds[0]
        return end - start

    @property
    def steps_per_epoch(self) -> int:
        return len(self.bounds)

    @property
    def at_end_of_pass(self) -> bool:
        """Will the next batch start a new pass?"""
        return self.index >= len(self.bounds)

    def start_new_pass(self) -> None:
        """The next batch starts a new pass (a fresh shuffle)."""
        self.index = len(self.bounds)

    def next(self) -> tuple[np.ndarray, np.ndarray]:
        """The next mini-batch (features, targets); views, valid until the pass ends."""
        if self.at_end_of_pass:  # rng.permutation(n) is arange(n) shuffled: the same draws
            order = self._identity.copy()
            self.rng.shuffle(order)
            self._set_order(order)
            self.index = 0
        start, end = self.bounds[self.index]
        self.index += 1
        return self._x[start:end], self._y[start:end]

    def _set_order(self, order: np.ndarray) -> None:
        """This pass's data, gathered in ``order`` (``take``: for a 2-D array it is several
        times faster than ``x[order]``, which goes through NumPy's general fancy indexing;
        the same values). New arrays each pass: a batch outlives its pass."""
        self.order = order
        self._x = self.data.x_train.take(order, 0)
        self._y = self.data.y_train.take(order, 0)

    def state_dict(self) -> dict[str, Any]:
        """Where the order stands, as plain values (the arrays copied)."""
        return {
            "batch_index": self.index,
            "epoch_order": None if self.order is None else self.order.copy(),
            "shuffle_rng": self.rng.bit_generator.state,
        }

    def load_state_dict(self, state: Mapping[str, Any]) -> None:
        """Go on from :meth:`state_dict`; ``ValueError`` (nothing changed) if it does not fit
        these data and batches."""
        index, order, n = int(state["batch_index"]), state["epoch_order"], len(self.data.train)
        if order is not None:
            order = np.array(order, dtype=np.intp)
            if not np.array_equal(np.sort(order), np.arange(n)):
                raise ValueError(f"the state's data order is not a permutation of {n} samples")
        if not 0 <= index <= len(self.bounds) or (order is None and index < len(self.bounds)):
            raise ValueError("the state's batch index does not fit the data")
        self.rng.bit_generator.state = state["shuffle_rng"]  # first: it may raise
        self.index = index
        if order is None:
            self.order, self._x, self._y = None, np.empty(0), np.empty(0)
        else:
            self._set_order(order)
