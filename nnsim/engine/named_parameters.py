"""A network's parameters by name, in the documented order ``W1, b1, [γ1, β1], W2, …``:
the views, their gradients, and copies of them all (with batch-norm buffers) to save and
restore (:class:`~nnsim.engine.network.Network` inherits them)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from nnsim.engine.network import DenseLayer


class NamedParameters:
    """Parameter views and state by name; the network sets ``layers``."""

    layers: Sequence[DenseLayer]

    def parameters(self) -> list[np.ndarray]:
        """Views W1, b1, [γ1, β1], W2, b2, …, in the order of :meth:`parameter_names`."""
        out = []
        for layer in self.layers:
            out += [layer.W, layer.b]
            if layer.bn is not None:
                out += [layer.bn.gamma, layer.bn.beta]
        return out

    def gradients(self) -> list[np.ndarray]:
        """Views dW1, db1, [dγ1, dβ1], …, aligned with :meth:`parameters`."""
        out = []
        for layer in self.layers:
            out += [layer.grad_W, layer.grad_b]
            if layer.bn is not None:
                out += [layer.bn.grad_gamma, layer.bn.grad_beta]
        return out

    def parameter_names(self) -> list[str]:
        names = []
        for layer in self.layers:
            k = layer.index
            names += [f"W{k}", f"b{k}"]
            if layer.bn is not None:
                names += [f"gamma{k}", f"beta{k}"]
        return names

    def state(self) -> dict[str, np.ndarray]:
        """Copies of every parameter and batch-norm buffer, by name (``W1``, ``running_mean1``…)."""
        state = {
            n: p.copy() for n, p in zip(self.parameter_names(), self.parameters(), strict=True)
        }
        for layer in self.layers:
            if layer.bn is not None:
                state[f"running_mean{layer.index}"] = layer.bn.running_mean.copy()
                state[f"running_var{layer.index}"] = layer.bn.running_var.copy()
        return state

    def load_state(self, state: dict[str, np.ndarray]) -> None:
        """Restore what :meth:`state` returned (values are copied in place)."""
        targets = dict(zip(self.parameter_names(), self.parameters(), strict=True))
        for layer in self.layers:
            if layer.bn is not None:
                targets[f"running_mean{layer.index}"] = layer.bn.running_mean
                targets[f"running_var{layer.index}"] = layer.bn.running_var
        missing = targets.keys() - state.keys()
        if missing:
            raise ValueError(f"state lacks {', '.join(sorted(missing))}")
        for name, target in targets.items():
            value = np.asarray(state[name], dtype=np.float64)
            if value.shape != target.shape:
                raise ValueError(f"{name}: shape {value.shape}, expected {target.shape}")
            target[...] = value
