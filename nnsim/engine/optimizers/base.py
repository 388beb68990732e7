"""What every optimizer shares: parameter checks, declared hyper-parameters, lazy per-parameter
state and (de)serialisation. Each optimizer lives in its own module, as in ``torch/optim``."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any, ClassVar

import numpy as np

from nnsim.engine.hyperparameters import NON_NEGATIVE, HyperParameter, check_values
from nnsim.engine.text import QT_TR_NOOP

__all__ = ["WEIGHT_DECAY", "Optimizer", "eps", "is_on", "learning_rate", "square_root"]

Array = np.ndarray
State = dict[str, Any]  # per-parameter state: "step" count and arrays


def is_on(value: Any) -> bool:
    """``value != 0``; for the ``(K, 1)`` vector of K stacked runs, whether any run's is
    (:mod:`nnsim.engine.stacked_optimizer` groups runs so that they share every branch)."""
    if type(value) is float:  # the single-run path, first and cheap
        return value != 0
    return bool(value.any()) if isinstance(value, np.ndarray) else value != 0


def square_root(value: Any) -> Any:
    """``math.sqrt`` of a number (as fast as before), element-wise ``np.sqrt`` of a vector."""
    return math.sqrt(value) if type(value) is float else np.sqrt(value)


def learning_rate(default: float) -> HyperParameter:
    """The learning rate γ, every optimizer's first hyper-parameter."""
    return HyperParameter(
        "lr", default, "float", QT_TR_NOOP("How far each step goes along the update direction."),
        NON_NEGATIVE, symbol="η", label=QT_TR_NOOP("learning rate"),
    )  # fmt: skip


def eps(default: float) -> HyperParameter:
    """ε, added to a denominator so it is never 0."""
    return HyperParameter(
        "eps", default, "float",
            QT_TR_NOOP("Added to the denominator so it is never 0."), NON_NEGATIVE,
        symbol="ε",
    )  # fmt: skip


WEIGHT_DECAY = HyperParameter(
    "weight_decay", 0.0, "float",
        QT_TR_NOOP("Pulls every weight towards 0 by adding λ·θ to the gradient."),
    NON_NEGATIVE, symbol="λ", label=QT_TR_NOOP("weight_decay"),
)  # fmt: skip


class Optimizer:
    """Base class: parameter checks, validated hyper-parameters, lazy state, (de)serialisation.

    Subclasses declare ``HYPERPARAMETERS`` (PyTorch's names and defaults), ``title``,
    ``summary`` and ``formula`` (what the window and the README say), ``_BUFFERS`` (names of
    the per-parameter state arrays) and ``_update``, the update rule for one parameter array.

    Parameters
    ----------
    params : sequence of numpy.ndarray
        Writable ``float64`` arrays, updated in place by :meth:`step`.
    **hyperparams
        Hyper-parameters, validated up front (a ``ValueError`` names the offending one);
        omitted ones take their declared default.
    """

    name: ClassVar[str] = ""
    title: ClassVar[str] = ""  #: The name as people write it ("RMSprop").
    summary: ClassVar[str] = ""  #: What it does, in a sentence.
    formula: ClassVar[str] = ""  #: The update in one line.
    has_momentum: ClassVar[bool] = False  #: True if :meth:`set_momentum` has an effect.
    HYPERPARAMETERS: ClassVar[tuple[HyperParameter, ...]] = ()
    #: Names of the per-parameter state arrays (for load_state_dict).
    _BUFFERS: ClassVar[tuple[str, ...]] = ()

    def __init__(self, params: Sequence[np.ndarray], **hyperparams: Any) -> None:
        if isinstance(params, np.ndarray):
            raise TypeError("params must be a sequence of arrays, e.g. [theta], not a bare array")
        self._params = list(params)
        if not self._params:
            raise ValueError("optimizer got an empty parameter list")
        for i, p in enumerate(self._params):
            if not isinstance(p, np.ndarray) or p.dtype != np.float64:
                raise TypeError(
                    f"params[{i}] must be a float64 NumPy array, got {type(p).__name__}"
                )
            if not p.flags.writeable:
                raise ValueError(f"params[{i}] is read-only but is updated in place")
        if len({id(p) for p in self._params}) != len(self._params):
            raise ValueError("params contains the same array more than once")
        self._hp = self.checked(**hyperparams)
        self._state: list[dict[str, Any]] = [{} for _ in self._params]  # filled on first step
        self._scratch = [(np.empty_like(p), np.empty_like(p)) for p in self._params]

    def __repr__(self) -> str:
        return f"{type(self).__name__}({', '.join(f'{k}={v!r}' for k, v in self._hp.items())})"

    # -- hyper-parameters --

    @classmethod
    def defaults(cls) -> dict[str, Any]:
        """The declared default of every hyper-parameter."""
        return {p.name: p.default for p in cls.HYPERPARAMETERS}

    @classmethod
    def checked(cls, **hyperparams: Any) -> dict[str, Any]:
        """All hyper-parameters, with ``hyperparams`` validated (no parameters needed), or a
        ``ValueError`` naming the first bad one."""
        hp = check_values(cls.__name__, cls.HYPERPARAMETERS, hyperparams)
        cls._check_combination(hp)
        return hp

    @classmethod
    def _check_combination(cls, hp: Mapping[str, Any]) -> None:
        """Check constraints linking several hyper-parameters (none by default)."""

    @property
    def hyperparameters(self) -> dict[str, Any]:
        """A copy of the current hyper-parameter values."""
        return dict(self._hp)

    def use_run_vectors(self, values: dict[str, Any]) -> None:
        """Update many runs' rows at once (:mod:`nnsim.engine.stacked_optimizer`): each
        number of ``values`` an ``(n, 1)`` array, one row per run, each run's values already
        :meth:`checked`. The update rules read them as numbers (NumPy broadcasts them)."""
        self._hp = values

    def set_hyperparameter(self, name: str, value: Any) -> None:
        """Change one hyper-parameter live; it takes effect at the next :meth:`step`."""
        self.set_hyperparameters(**{name: value})

    def set_hyperparameters(self, **values: Any) -> None:
        """Change several hyper-parameters at once, validated together (all or nothing)."""
        declared = {p.name: p for p in self.HYPERPARAMETERS}
        if not values.keys() <= declared.keys():
            self.checked(**values)  # raises, naming the unknown ones
        candidate = {**self._hp, **{k: declared[k].check(v) for k, v in values.items()}}
        self._check_combination(candidate)
        self._hp = candidate

    @property
    def lr(self) -> float:
        """The learning rate γ (validated when set, e.g. by a LR scheduler)."""
        return float(self._hp["lr"])

    @lr.setter
    def lr(self, value: float) -> None:
        self.set_hyperparameter("lr", value)

    def get_momentum(self) -> float | None:
        """The momentum-like hyper-parameter cycled by one-cycle (None if there is none)."""
        return self._hp["momentum"] if self.has_momentum else None

    def set_momentum(self, value: float) -> None:
        """Set the momentum-like hyper-parameter (no-op for optimizers without one)."""
        if self.has_momentum:
            self.set_hyperparameter("momentum", value)

    # -- update --

    def step(self, grads: Sequence[np.ndarray]) -> None:
        """Apply one update to every parameter; ``grads[i]`` is the gradient of ``params[i]``.

        The gradient arrays are only read, never modified.
        """
        params = self._params
        if len(grads) != len(params):
            raise ValueError(f"expected {len(params)} gradient arrays, got {len(grads)}")
        if len(params) == 1:  # one array (a network's θ): its check and update, unrolled
            g, p, state = grads[0], params[0], self._state[0]
            if type(g) is not np.ndarray or g.shape != p.shape:
                g = self._as_gradients(grads)[0]
            if not state:  # lazy state creation
                state.update(step=0, **self._init_state(p))
            state["step"] += 1
            self._update(p, g, state, *self._scratch[0])
            return
        for g, p in zip(grads, params, strict=True):  # a loop: all(generator) cost ~1 µs
            if type(g) is not np.ndarray or g.shape != p.shape:
                grads = self._as_gradients(grads)
                break
        for p, g, state, (tmp, tmp2) in zip(params, grads, self._state, self._scratch, strict=True):
            if not state:  # lazy state creation
                state.update(step=0, **self._init_state(p))
            state["step"] += 1
            self._update(p, g, state, tmp, tmp2)

    def _as_gradients(self, grads: Sequence[np.ndarray]) -> list[np.ndarray]:
        """``grads`` as arrays, or a ``ValueError`` naming one not shaped as its parameter."""
        arrays = [np.asarray(g) for g in grads]
        for i, (p, g) in enumerate(zip(self._params, arrays, strict=True)):
            if g.shape != p.shape:
                raise ValueError(f"grads[{i}] has shape {g.shape}, params[{i}] has {p.shape}")
        return arrays

    def _init_state(self, theta: np.ndarray) -> dict[str, np.ndarray]:
        return {}

    def _update(self, theta: Array, g: Array, state: State, tmp: Array, tmp2: Array) -> None:
        """Update ``theta`` in place from ``g``; ``tmp``, ``tmp2`` are scratch arrays."""
        raise NotImplementedError

    _is_on = staticmethod(is_on)
    _square_root = staticmethod(square_root)

    @staticmethod
    def _plus_weight_decay(g: Array, theta: Array, weight_decay: float, out: Array) -> Array:
        """Return g + λθ computed into ``out`` (the caller's gradient is left untouched)."""
        np.multiply(theta, weight_decay, out=out)
        out += g
        return out

    @staticmethod
    def _buffer(state: dict[str, Any], key: str, like: np.ndarray) -> np.ndarray:
        """``state[key]``, created as zeros the first time it is needed."""
        if key not in state:
            state[key] = np.zeros_like(like)
        buffer: np.ndarray = state[key]
        return buffer

    # -- (de)serialisation --

    def state_dict(self) -> dict[str, Any]:
        """Hyper-parameters and per-parameter state (arrays copied, step counts) as a plain dict."""
        return {
            "optimizer": self.name,
            "hyperparameters": self.hyperparameters,
            "state": [
                {k: v.copy() if isinstance(v, np.ndarray) else v for k, v in s.items()}
                for s in self._state
            ],
        }

    def load_state_dict(self, state_dict: Mapping[str, Any]) -> None:
        """Restore :meth:`state_dict` output; the continued trajectory is bit-identical."""
        name, saved_hp, saved = (state_dict[k] for k in ("optimizer", "hyperparameters", "state"))
        if name != self.name:
            raise ValueError(f"state_dict is for {name!r}, not {self.name!r}")
        if set(saved_hp) != set(self.defaults()) or len(saved) != len(self._params):
            raise ValueError(
                f"state_dict does not fit: expected the hyper-parameters "
                f"{', '.join(self.defaults())} and {len(self._params)} parameter state(s)"
            )
        hp = self.checked(**saved_hp)
        states = []
        for i, (p, entries) in enumerate(zip(self._params, saved, strict=True)):
            if not set(entries) <= {"step", *self._BUFFERS} or (entries and "step" not in entries):
                raise ValueError(f"state[{i}] must hold 'step' and arrays among {self._BUFFERS}")
            state: dict[str, Any] = {
                k: np.array(v, dtype=np.float64) for k, v in entries.items() if k != "step"
            }
            if any(v.shape != p.shape for v in state.values()):
                raise ValueError(f"state[{i}] arrays must have the shape of params[{i}], {p.shape}")
            if entries:
                state["step"] = int(entries["step"])
            states.append(state)
        self._hp, self._state = hp, states
