"""Gradient-descent optimizers with the exact update rules of ``torch.optim``.

Every optimizer updates NumPy ``float64`` parameter arrays *in place*. The network hands over one
flat contiguous vector holding all of its parameters, so each update is a handful of vectorised
NumPy calls on the whole array, writing into preallocated scratch buffers.

Notation in the docstrings is PyTorch's: θ parameters, g gradient, γ learning rate (``lr``),
λ weight decay, μ momentum, t the step number (1 for the first step). Hyper-parameter names and
defaults are PyTorch's too (SGD additionally gets the default ``lr=0.01``).

Examples
--------
>>> theta = np.array([1.0, -2.0])
>>> opt = make_optimizer("adam", [theta], lr=0.1)
>>> opt.step([2.0 * theta])  # gradient of |θ|²; theta is updated in place
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Callable, Sequence
from typing import Any, ClassVar

import numpy as np

Array = np.ndarray
State = dict[str, Any]  # per-parameter state: "step" count and arrays

__all__ = [
    "OPTIMIZERS",
    "SGD",
    "Adagrad",
    "Adam",
    "AdamW",
    "Optimizer",
    "RMSprop",
    "make_optimizer",
]


# --- hyper-parameter validation ----------------------------------------------------------------


def _show(value: Any) -> str:
    return repr(value) if isinstance(value, str) else str(value)


def _real(name: str, value: Any) -> float:
    """Return ``value`` as a finite float, or raise ``ValueError`` naming ``name``."""
    if isinstance(value, bool | np.bool_) or not isinstance(value, numbers.Real):
        raise ValueError(f"{name} must be a number, got {_show(value)} ({type(value).__name__})")
    if not math.isfinite(value):
        raise ValueError(f"{name} must be a finite number, got {_show(value)}")
    return float(value)


def _non_negative(name: str, value: Any) -> float:
    if _real(name, value) < 0:
        raise ValueError(f"{name} must be >= 0, got {_show(value)}")
    return float(value)


def _unit_closed(name: str, value: Any) -> float:
    if not 0 <= _real(name, value) <= 1:
        raise ValueError(f"{name} must be in [0, 1], got {_show(value)}")
    return float(value)


def _unit_open(name: str, value: Any) -> float:
    if not 0 <= _real(name, value) < 1:
        raise ValueError(f"{name} must be in [0, 1), got {_show(value)}")
    return float(value)


def _flag(name: str, value: Any) -> bool:
    if not isinstance(value, bool | np.bool_):
        raise ValueError(f"{name} must be True or False, got {_show(value)}")
    return bool(value)


def _betas(name: str, value: Any) -> tuple[float, float]:
    if not isinstance(value, tuple | list) or len(value) != 2:
        raise ValueError(f"{name} must be a pair (beta1, beta2), got {_show(value)}")
    return _unit_open(f"{name}[0]", value[0]), _unit_open(f"{name}[1]", value[1])


def _plus_weight_decay(g: Array, theta: Array, weight_decay: float, out: Array) -> Array:
    """Return g + λθ computed into ``out`` (the caller's gradient is left untouched)."""
    np.multiply(theta, weight_decay, out=out)
    out += g
    return out


def _check_names(cls: type[Optimizer], names: Sequence[str]) -> None:
    unknown = [n for n in names if n not in cls._HYPERPARAMS]
    if unknown:
        raise ValueError(
            f"unknown hyper-parameter(s) for {cls.__name__}: {', '.join(map(repr, unknown))}; "
            f"allowed: {', '.join(cls._HYPERPARAMS)}"
        )


# --- base class ----------------------------------------------------------------------------------


class Optimizer:
    """Base class: parameter checks, validated hyper-parameters, lazy state, (de)serialisation.

    Subclasses define ``_HYPERPARAMS`` (name -> default and validator), ``_BUFFERS`` (names of
    the per-parameter state arrays) and ``_update``, the update rule for one parameter array.

    Parameters
    ----------
    params : sequence of numpy.ndarray
        Writable ``float64`` arrays, updated in place by :meth:`step`.
    **hyperparams
        Hyper-parameters, validated up front (a ``ValueError`` names the offending one);
        omitted ones take their default (PyTorch's, listed in each subclass).
    """

    name: ClassVar[str] = ""
    has_momentum: ClassVar[bool] = False  #: True if :meth:`set_momentum` has an effect.
    #: Hyper-parameter name -> (default value, validator).
    _HYPERPARAMS: ClassVar[dict[str, tuple[Any, Callable[[str, Any], Any]]]] = {}
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
        _check_names(type(self), list(hyperparams))
        self._hp = {
            k: rule(k, hyperparams.get(k, default))
            for k, (default, rule) in self._HYPERPARAMS.items()
        }
        self._check_combination(self._hp)
        self._state: list[dict[str, Any]] = [{} for _ in self._params]  # filled on first step
        self._scratch = [(np.empty_like(p), np.empty_like(p)) for p in self._params]

    def __repr__(self) -> str:
        return f"{type(self).__name__}({', '.join(f'{k}={v!r}' for k, v in self._hp.items())})"

    # -- hyper-parameters --

    def _check_combination(self, hp: dict[str, Any]) -> None:
        """Check constraints linking several hyper-parameters (none by default)."""

    @property
    def hyperparameters(self) -> dict[str, Any]:
        """A copy of the current hyper-parameter values."""
        return dict(self._hp)

    def set_hyperparameter(self, name: str, value: Any) -> None:
        """Change one hyper-parameter live; it takes effect at the next :meth:`step`."""
        self.set_hyperparameters(**{name: value})

    def set_hyperparameters(self, **values: Any) -> None:
        """Change several hyper-parameters at once, validated together (all or nothing)."""
        _check_names(type(self), list(values))
        candidate = {**self._hp}
        candidate.update({k: self._HYPERPARAMS[k][1](k, v) for k, v in values.items()})
        self._check_combination(candidate)
        self._hp = candidate

    @property
    def lr(self) -> float:
        """The learning rate γ (validated when set, e.g. by a LR scheduler)."""
        return self._hp["lr"]

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
        if len(grads) != len(self._params):
            raise ValueError(f"expected {len(self._params)} gradient arrays, got {len(grads)}")
        grads = [np.asarray(g) for g in grads]
        for i, (p, g) in enumerate(zip(self._params, grads, strict=True)):
            if g.shape != p.shape:
                raise ValueError(f"grads[{i}] has shape {g.shape}, params[{i}] has {p.shape}")
        for p, g, state, (tmp, tmp2) in zip(
            self._params, grads, self._state, self._scratch, strict=True
        ):
            if not state:  # lazy state creation
                state.update(step=0, **self._init_state(p))
            state["step"] += 1
            self._update(p, g, state, tmp, tmp2)

    def _init_state(self, theta: np.ndarray) -> dict[str, np.ndarray]:
        return {}

    def _update(self, theta: Array, g: Array, state: State, tmp: Array, tmp2: Array) -> None:
        """Update ``theta`` in place from ``g``; ``tmp``, ``tmp2`` are scratch arrays."""
        raise NotImplementedError

    @staticmethod
    def _buffer(state: dict[str, Any], key: str, like: np.ndarray) -> np.ndarray:
        """``state[key]``, created as zeros the first time it is needed."""
        if key not in state:
            state[key] = np.zeros_like(like)
        return state[key]

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

    def load_state_dict(self, state_dict: dict[str, Any]) -> None:
        """Restore :meth:`state_dict` output; the continued trajectory is bit-identical."""
        name, saved_hp, saved = (state_dict[k] for k in ("optimizer", "hyperparameters", "state"))
        if name != self.name:
            raise ValueError(f"state_dict is for {name!r}, not {self.name!r}")
        if set(saved_hp) != set(self._HYPERPARAMS) or len(saved) != len(self._params):
            raise ValueError(
                f"state_dict does not fit: expected the hyper-parameters "
                f"{', '.join(self._HYPERPARAMS)} and {len(self._params)} parameter state(s)"
            )
        hp = {k: rule(k, saved_hp[k]) for k, (_, rule) in self._HYPERPARAMS.items()}
        self._check_combination(hp)
        states = []
        for i, (p, entries) in enumerate(zip(self._params, saved, strict=True)):
            if not set(entries) <= {"step", *self._BUFFERS} or (entries and "step" not in entries):
                raise ValueError(f"state[{i}] must hold 'step' and arrays among {self._BUFFERS}")
            state = {k: np.array(v, dtype=np.float64) for k, v in entries.items() if k != "step"}
            if any(v.shape != p.shape for v in state.values()):
                raise ValueError(f"state[{i}] arrays must have the shape of params[{i}], {p.shape}")
            if entries:
                state["step"] = int(entries["step"])
            states.append(state)
        self._hp, self._state = hp, states


# --- the optimizers ------------------------------------------------------------------------------


class SGD(Optimizer):
    """Stochastic gradient descent with optional (Nesterov) momentum, as ``torch.optim.SGD``.

    One step, with γ = ``lr``, μ = ``momentum``, τ = ``dampening``, λ = ``weight_decay``::

        g ← ∇f(θ)
        if λ ≠ 0:  g ← g + λ θ
        if μ ≠ 0:
            b ← g                   on the first step with momentum
            b ← μ b + (1 − τ) g     on later steps
            g ← g + μ b  if nesterov,  else  g ← b
        θ ← θ − γ g

    Parameters
    ----------
    params : sequence of numpy.ndarray
        Writable float64 arrays, updated in place.
    lr : float, default 0.01
        Learning rate γ >= 0 (PyTorch has no default).
    momentum : float, default 0
        Momentum factor μ >= 0.
    dampening : float, default 0
        Dampening τ in [0, 1] of the gradient added to the momentum buffer.
    nesterov : bool, default False
        Nesterov momentum; requires ``momentum > 0`` and ``dampening == 0``.
    weight_decay : float, default 0
        L2 penalty λ >= 0, added to the gradient.
    """

    name = "sgd"
    has_momentum = True
    _HYPERPARAMS: ClassVar = {
        "lr": (0.01, _non_negative),
        "momentum": (0.0, _non_negative),
        "dampening": (0.0, _unit_closed),
        "nesterov": (False, _flag),
        "weight_decay": (0.0, _non_negative),
    }
    _BUFFERS = ("momentum_buffer",)

    def _check_combination(self, hp: dict[str, Any]) -> None:
        if hp["nesterov"] and (hp["momentum"] <= 0 or hp["dampening"] != 0):
            raise ValueError(
                "nesterov=True requires momentum > 0 and dampening == 0, "
                f"got momentum={hp['momentum']}, dampening={hp['dampening']}"
            )

    def _update(self, theta: Array, g: Array, state: State, tmp: Array, tmp2: Array) -> None:
        hp = self._hp
        lr, momentum, weight_decay = hp["lr"], hp["momentum"], hp["weight_decay"]
        if weight_decay != 0:
            g = _plus_weight_decay(g, theta, weight_decay, out=tmp)  # g ← g + λθ
        if momentum != 0:
            b = state.get("momentum_buffer")
            if b is None:
                b = state["momentum_buffer"] = g.copy()  # b ← g
            else:
                b *= momentum  # b ← μ b + (1 − τ) g
                b += np.multiply(g, 1 - hp["dampening"], out=tmp2)
            # g ← g + μ b  if nesterov,  else  g ← b
            g = np.add(g, np.multiply(b, momentum, out=tmp2), out=tmp2) if hp["nesterov"] else b
        theta -= np.multiply(g, lr, out=tmp2)  # θ ← θ − γ g


class Adagrad(Optimizer):
    """Adagrad, as ``torch.optim.Adagrad``.

    The sum s starts at ``initial_accumulator_value``. Step t = 1, 2, ..., with η = ``lr_decay``::

        g ← ∇f(θ)
        γ̃ ← γ / (1 + (t − 1) η)
        if λ ≠ 0:  g ← g + λ θ
        s ← s + g²
        θ ← θ − γ̃ g / (√s + ε)

    Parameters
    ----------
    params : sequence of numpy.ndarray
        Writable float64 arrays, updated in place.
    lr : float, default 0.01
        Learning rate γ >= 0.
    lr_decay : float, default 0
        Learning-rate decay η >= 0.
    weight_decay : float, default 0
        L2 penalty λ >= 0, added to the gradient.
    initial_accumulator_value : float, default 0
        Initial value >= 0 of s (read when the state is created, at the first step).
    eps : float, default 1e-10
        ε >= 0, added to the denominator after the square root.
    """

    name = "adagrad"
    _HYPERPARAMS: ClassVar = {
        "lr": (0.01, _non_negative),
        "lr_decay": (0.0, _non_negative),
        "weight_decay": (0.0, _non_negative),
        "initial_accumulator_value": (0.0, _non_negative),
        "eps": (1e-10, _non_negative),
    }
    _BUFFERS = ("sum",)

    def _init_state(self, theta: Array) -> State:
        return {"sum": np.full_like(theta, self._hp["initial_accumulator_value"])}

    def _update(self, theta: Array, g: Array, state: State, tmp: Array, tmp2: Array) -> None:
        hp = self._hp
        clr = hp["lr"] / (1 + (state["step"] - 1) * hp["lr_decay"])  # γ̃ ← γ / (1 + (t − 1) η)
        if hp["weight_decay"] != 0:
            g = _plus_weight_decay(g, theta, hp["weight_decay"], out=tmp)  # g ← g + λθ
        state["sum"] += np.multiply(g, g, out=tmp2)  # s ← s + g²
        denom = np.add(np.sqrt(state["sum"], out=tmp2), hp["eps"], out=tmp2)  # √s + ε
        theta -= np.multiply(np.divide(g, denom, out=tmp2), clr, out=tmp2)  # θ ← θ − γ̃ g/(√s+ε)


class RMSprop(Optimizer):
    """RMSprop, as ``torch.optim.RMSprop``.

    v, ḡ and b start at 0. One step, with α = ``alpha``, μ = ``momentum``::

        g ← ∇f(θ)
        if λ ≠ 0:  g ← g + λ θ
        v ← α v + (1 − α) g²
        ṽ ← v
        if centered:
            ḡ ← α ḡ + (1 − α) g
            ṽ ← ṽ − ḡ²
        if μ > 0:
            b ← μ b + g / (√ṽ + ε)
            θ ← θ − γ b
        else:
            θ ← θ − γ g / (√ṽ + ε)

    ε is added after the square root. Exactly, v − ḡ² >= 0; should rounding make it negative it
    is clipped to 0 before the square root (where torch would produce NaN).

    Parameters
    ----------
    params : sequence of numpy.ndarray
        Writable float64 arrays, updated in place.
    lr : float, default 0.01
        Learning rate γ >= 0.
    alpha : float, default 0.99
        Smoothing constant α in [0, 1].
    eps : float, default 1e-8
        ε >= 0, added to the denominator.
    weight_decay : float, default 0
        L2 penalty λ >= 0, added to the gradient.
    momentum : float, default 0
        Momentum factor μ >= 0.
    centered : bool, default False
        Divide by an estimate of the gradient's standard deviation instead of its RMS.
    """

    name = "rmsprop"
    has_momentum = True
    _HYPERPARAMS: ClassVar = {
        "lr": (0.01, _non_negative),
        "alpha": (0.99, _unit_closed),
        "eps": (1e-8, _non_negative),
        "weight_decay": (0.0, _non_negative),
        "momentum": (0.0, _non_negative),
        "centered": (False, _flag),
    }
    _BUFFERS = ("square_avg", "momentum_buffer", "grad_avg")

    def _init_state(self, theta: Array) -> State:
        return {"square_avg": np.zeros_like(theta)}

    def _update(self, theta: Array, g: Array, state: State, tmp: Array, tmp2: Array) -> None:
        hp = self._hp
        alpha, momentum = hp["alpha"], hp["momentum"]
        if hp["weight_decay"] != 0:
            g = _plus_weight_decay(g, theta, hp["weight_decay"], out=tmp)  # g ← g + λθ
        v = state["square_avg"]
        v *= alpha  # v ← α v + (1 − α) g²
        v += np.multiply(np.multiply(g, g, out=tmp2), 1 - alpha, out=tmp2)
        v_tilde = v  # ṽ ← v
        if hp["centered"]:
            g_avg = self._buffer(state, "grad_avg", theta)
            g_avg *= alpha  # ḡ ← α ḡ + (1 − α) g
            g_avg += np.multiply(g, 1 - alpha, out=tmp2)
            v_tilde = np.subtract(v, np.multiply(g_avg, g_avg, out=tmp2), out=tmp2)  # ṽ ← v − ḡ²
            np.maximum(v_tilde, 0.0, out=v_tilde)
        denom = np.add(np.sqrt(v_tilde, out=tmp2), hp["eps"], out=tmp2)  # √ṽ + ε
        step = np.divide(g, denom, out=tmp2)  # g / (√ṽ + ε)
        if momentum > 0:
            b = self._buffer(state, "momentum_buffer", theta)
            b *= momentum  # b ← μ b + g / (√ṽ + ε)
            b += step
            step = b
        theta -= np.multiply(step, hp["lr"], out=tmp2)  # θ ← θ − γ b  or  θ ← θ − γ g/(√ṽ + ε)


class Adam(Optimizer):
    """Adam, as ``torch.optim.Adam`` (weight decay as an L2 term added to the gradient).

    m, v and v_max start at 0. Step t = 1, 2, ..., with (β₁, β₂) = ``betas``::

        g ← ∇f(θ)
        if λ ≠ 0:  g ← g + λ θ              (AdamW instead: θ ← θ − γ λ θ)
        m ← β₁ m + (1 − β₁) g
        v ← β₂ v + (1 − β₂) g²
        m̂ ← m / (1 − β₁ᵗ)
        if amsgrad:
            v_max ← max(v_max, v)
            v̂ ← v_max / (1 − β₂ᵗ)
        else:
            v̂ ← v / (1 − β₂ᵗ)
        θ ← θ − γ m̂ / (√v̂ + ε)

    ε is added after the bias correction. Like torch, the last line is evaluated in the
    algebraically identical form θ ← θ − (γ / (1 − β₁ᵗ)) · m / (√v / √(1 − β₂ᵗ) + ε).

    Parameters
    ----------
    params : sequence of numpy.ndarray
        Writable float64 arrays, updated in place.
    lr : float, default 0.001
        Learning rate γ >= 0.
    betas : (float, float), default (0.9, 0.999)
        Decay rates (β₁, β₂), each in [0, 1), of the running averages of g and g².
    eps : float, default 1e-8
        ε >= 0, added to the denominator.
    weight_decay : float, default 0 (AdamW: 0.01)
        Weight decay λ >= 0.
    amsgrad : bool, default False
        Use the running maximum of v (the AMSGrad variant).
    """

    name = "adam"
    has_momentum = True
    _HYPERPARAMS: ClassVar = {
        "lr": (0.001, _non_negative),
        "betas": ((0.9, 0.999), _betas),
        "eps": (1e-8, _non_negative),
        "weight_decay": (0.0, _non_negative),
        "amsgrad": (False, _flag),
    }
    _BUFFERS = ("exp_avg", "exp_avg_sq", "max_exp_avg_sq")
    _decoupled_weight_decay: ClassVar[bool] = False

    def get_momentum(self) -> float:
        """β₁ (``betas[0]``), the momentum-like hyper-parameter cycled by one-cycle."""
        return self._hp["betas"][0]

    def set_momentum(self, value: float) -> None:
        """Set β₁ (``betas[0]``), keeping β₂."""
        self.set_hyperparameter("betas", (value, self._hp["betas"][1]))

    def _init_state(self, theta: Array) -> State:
        return {"exp_avg": np.zeros_like(theta), "exp_avg_sq": np.zeros_like(theta)}

    def _update(self, theta: Array, g: Array, state: State, tmp: Array, tmp2: Array) -> None:
        hp = self._hp
        lr, weight_decay, t = hp["lr"], hp["weight_decay"], state["step"]
        beta1, beta2 = hp["betas"]
        if weight_decay != 0 and self._decoupled_weight_decay:
            theta *= 1 - lr * weight_decay  # AdamW: θ ← θ − γλθ
        elif weight_decay != 0:
            g = _plus_weight_decay(g, theta, weight_decay, out=tmp)  # g ← g + λθ
        m, v = state["exp_avg"], state["exp_avg_sq"]
        m *= beta1  # m ← β₁ m + (1 − β₁) g
        m += np.multiply(g, 1 - beta1, out=tmp2)
        v *= beta2  # v ← β₂ v + (1 − β₂) g²
        v += np.multiply(np.multiply(g, g, out=tmp2), 1 - beta2, out=tmp2)
        if hp["amsgrad"]:
            v_max = self._buffer(state, "max_exp_avg_sq", theta)
            v = np.maximum(v_max, v, out=v_max)  # v_max ← max(v_max, v)
        bias_correction1 = 1 - beta1**t
        bias_correction2 = 1 - beta2**t
        denom = np.sqrt(v, out=tmp2)  # √v̂ + ε = √v / √(1 − β₂ᵗ) + ε
        denom /= math.sqrt(bias_correction2)
        denom += hp["eps"]
        step = np.divide(m, denom, out=tmp2)  # θ ← θ − γ m̂ / (√v̂ + ε)
        theta -= np.multiply(step, lr / bias_correction1, out=tmp2)


class AdamW(Adam):
    """AdamW, as ``torch.optim.AdamW``: Adam with decoupled weight decay.

    Identical to :class:`Adam` except that the weight decay is not added to the gradient: it
    shrinks the parameters before the Adam step::

        θ ← θ − γ λ θ        (computed as θ ← (1 − γλ) θ, like torch)
        then the Adam step, with g = ∇f(θ) unchanged

    Hyper-parameters as :class:`Adam`, but ``weight_decay`` defaults to 0.01 (PyTorch's).
    """

    name = "adamw"
    _HYPERPARAMS: ClassVar = {**Adam._HYPERPARAMS, "weight_decay": (0.01, _non_negative)}
    _decoupled_weight_decay = True


# --- registry ------------------------------------------------------------------------------------

OPTIMIZERS: dict[str, type[Optimizer]] = {
    "sgd": SGD,
    "adagrad": Adagrad,
    "rmsprop": RMSprop,
    "adam": Adam,
    "adamw": AdamW,
}


def make_optimizer(name: str, params: Sequence[np.ndarray], **hyperparams: Any) -> Optimizer:
    """Create the optimizer registered as ``name`` (see :data:`OPTIMIZERS`).

    Raises
    ------
    ValueError
        For an unknown optimizer name or hyper-parameter name (the allowed ones are listed), or
        an invalid hyper-parameter value.
    """
    cls = OPTIMIZERS.get(name.lower()) if isinstance(name, str) else None
    if cls is None:
        raise ValueError(f"unknown optimizer {name!r}; allowed: {', '.join(OPTIMIZERS)}")
    _check_names(cls, list(hyperparams))
    return cls(params, **hyperparams)
