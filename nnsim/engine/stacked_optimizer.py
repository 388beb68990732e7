"""One optimizer update for K stacked runs: hyper-parameters as ``(K, 1)`` vectors.

Each run's hyper-parameters are checked by its optimizer class as usual; then runs that share
the optimizer *and* every data-dependent branch of its update (``weight_decay ≠ 0``,
``momentum ≠ 0``, ``nesterov``, ``amsgrad``, ``centered``) form one group, updated by one call
of the optimizer's own ``_update`` on the group's ``(n, P)`` rows with ``(n, 1)`` vectors in
place of the numbers. The update is therefore the optimizer's code itself, operation for
operation, and run k's row ends exactly where the run trained alone would.

A group must be a contiguous block of rows (so its rows are a view): order the runs by
:func:`branch_key` first.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from nnsim.engine.optimizers import Adam, Optimizer, optimizer_class
from nnsim.engine.optimizers.base import is_on

__all__ = ["StackedOptimizer", "branch_key"]

_BRANCHING_NUMBERS = ("weight_decay", "momentum")  # updates test these against 0


def branch_key(name: str, hyperparameters: Mapping[str, Any]) -> tuple:
    """What runs must share to be updated by one call: the optimizer and every branch."""
    cls = optimizer_class(name)
    hp = cls.checked(**hyperparameters)
    flags = [(p.name, hp[p.name]) for p in cls.HYPERPARAMETERS if p.kind in ("bool", "choice")]
    flags += [(n, is_on(hp[n])) for n in _BRANCHING_NUMBERS if n in hp]
    return (cls.name, *flags)


class StackedOptimizer:
    """The optimizers of K stacked runs, one update call per optimizer kind and branch.

    Parameters
    ----------
    theta
        The ``(K, P)`` parameters, updated in place by :meth:`step`.
    optimizers
        Per run (row), ``(name, hyper-parameters)``; runs with equal :func:`branch_key`
        must be adjacent rows.
    """

    def __init__(self, theta: np.ndarray, optimizers: Sequence[tuple[str, Mapping[str, Any]]]):
        if len(optimizers) != theta.shape[0]:
            raise ValueError(f"{theta.shape[0]} runs but {len(optimizers)} optimizers")
        keys = [branch_key(name, hp) for name, hp in optimizers]
        self.groups: list[tuple[int, int, Optimizer]] = []
        start = 0
        for k in range(1, len(keys) + 1):
            if k < len(keys) and keys[k] == keys[start]:
                continue
            if keys[start] in keys[:start]:
                raise ValueError("runs with the same optimizer branches must be adjacent rows")
            name = optimizers[start][0]
            checked = [optimizer_class(name).checked(**hp) for _, hp in optimizers[start:k]]
            opt = optimizer_class(name)([theta[start:k]], **checked[0])
            opt.use_run_vectors(_as_vectors(checked))
            self.groups.append((start, k, opt))
            start = k

    def set_values(self, name: str, values: np.ndarray) -> None:
        """Set hyper-parameter ``name`` (``lr``, or ``momentum`` meaning SGD/RMSprop's μ and
        Adam's β₁, as :meth:`Optimizer.set_momentum`) of every run from ``values`` (K,)."""
        for start, end, opt in self.groups:
            hp = opt.hyperparameters  # a shallow copy: the (n, 1) arrays are the optimizer's
            if name == "momentum" and isinstance(opt, Adam):
                hp["betas"][0][:, 0] = values[start:end]
            elif name in hp:
                hp[name][:, 0] = values[start:end]

    def step(self, grad: np.ndarray) -> None:
        """One update of every run from ``grad`` (K, P), which is only read."""
        for start, end, opt in self.groups:
            opt.step([grad[start:end]])

    def run_state(self, k: int) -> dict[str, Any]:
        """Run ``k``'s optimizer as ``Optimizer.state_dict()`` of the run trained alone gives
        it: its hyper-parameters as numbers, its row of every buffer, the step count."""
        start, _, opt = next(g for g in self.groups if g[0] <= k < g[1])
        row = k - start
        full = opt.state_dict()
        return {
            "optimizer": full["optimizer"],
            "hyperparameters": {
                name: _value_of_run(value, row) for name, value in full["hyperparameters"].items()
            },
            "state": [
                {key: v[row].copy() if isinstance(v, np.ndarray) else v for key, v in s.items()}
                for s in full["state"]
            ],
        }


def _value_of_run(value: Any, row: int) -> Any:
    """One run's hyper-parameter from :func:`_as_vectors`' form."""
    if isinstance(value, np.ndarray):
        return float(value[row, 0])
    if isinstance(value, tuple):
        return tuple(float(v[row, 0]) for v in value)
    return value


def _as_vectors(checked: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """Per-run checked hyper-parameters → one dict: numbers as (n, 1) columns, pairs as two
    columns, flags (equal across the group) as they are."""
    out: dict[str, Any] = {}
    for name, value in checked[0].items():
        if isinstance(value, bool | str):
            out[name] = value
        elif isinstance(value, tuple):
            out[name] = tuple(
                np.array([[hp[name][i]] for hp in checked], dtype=np.float64)
                for i in range(len(value))
            )
        else:
            out[name] = np.array([[hp[name]] for hp in checked], dtype=np.float64)
    return out
