"""The regime of torch's SGD on the quadratic bowl: monotone, oscillating, ripples, divergent.

`sgd_regime` says, for SGD (with or without momentum) on the quadratic bowl, which
regime a learning rate is in. Along an eigenvector of the Hessian with curvature λ the
update is linear in (b, w) (momentum buffer, displacement): ``(b, w) ← R·(b, w)``. Without
momentum R's eigenvalue is 1 − ηλ, so gradient descent converges iff 0 < η < 2/λ_max: it is
*monotone* for η ≤ 1/λ_max and *oscillating* (each step overshoots) above. With momentum μ
(Goh, "Why Momentum Really Works", Distill 2017: β = μ, α = η) R's eigenvalues solve
σ² − (1 + μ − ηλ)σ + μ = 0; it converges iff 0 ≤ μ < 1 and 0 < ηλ < 2(1 + μ), in *ripples*
when the eigenvalues are complex ((1 + μ − ηλ)² < 4μ, |σ| = √μ), oscillating when the larger
is negative, monotone when positive. Dampening τ scales λ by (1 − τ); Nesterov's update has
the limit ηλ < 2(1 + μ)/(1 + 2μ); weight decay adds to every λ.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from nnsim.training.text import QT_TR_NOOP, Sentence, Text

__all__ = ["KINDS", "Regime", "iteration_matrix", "regime_map", "sgd_regime", "stability_limit"]

KINDS = ("monotone", "oscillating", "ripples", "divergent")
"""The regimes :func:`regime_map` tells apart, by their index."""


def iteration_matrix(
    lr: float, curvature: float, momentum: float = 0.0, dampening: float = 0.0,
    nesterov: bool = False,
) -> np.ndarray:  # fmt: skip
    """R with (b, w) ← R·(b, w) for torch's SGD along a direction of curvature λ (after
    its first step): b the momentum buffer, w the displacement from the minimum."""
    if momentum == 0:  # the engine then ignores dampening: w ← (1 − ηλ)w
        return np.array([[0.0, curvature], [0.0, 1 - lr * curvature]])
    if nesterov:  # b ← μb + λw;  w ← w − η(λw + μb)
        return np.array(
            [[momentum, curvature], [-lr * momentum**2, 1 - lr * (1 + momentum) * curvature]]
        )
    c = (1 - dampening) * curvature  # b ← μb + (1 − τ)λw;  w ← w − ηb
    return np.array([[momentum, c], [-lr * momentum, 1 - lr * c]])


def stability_limit(
    curvature: float, momentum: float = 0.0, dampening: float = 0.0, nesterov: bool = False
) -> float:
    """The largest η for which SGD converges along curvature λ > 0 (exclusive): 2/λ without
    momentum, 2(1 + μ)/λ with it (Distill), 2(1 + μ)/((1 + 2μ)λ) for Nesterov, λ scaled
    by (1 − τ) with dampening; 0 if μ ≥ 1 (no rate converges)."""
    if momentum == 0:
        return 2 / curvature
    if momentum >= 1 or dampening >= 1:
        return 0.0
    if nesterov:
        return 2 * (1 + momentum) / ((1 + 2 * momentum) * curvature)
    return 2 * (1 + momentum) / ((1 - dampening) * curvature)


@dataclass(frozen=True)
class Regime:
    """SGD's regime on a bowl: ``kind`` one of ``monotone``, ``oscillating``, ``ripples``,
    ``divergent``, ``stalled``; ``kinds`` and ``rates`` (|σ|, the factor by which the
    distance shrinks per step) per eigen-direction, steepest first; ``limit`` the largest
    stable η; ``text`` the regime in a sentence and ``rule`` the condition it comes from,
    with the numbers (what the window says)."""

    kind: str
    kinds: tuple[str, ...]
    rates: tuple[float, ...]
    limit: float
    text: Sentence
    rule: Sentence


def _direction_kind(matrix: np.ndarray, lr: float) -> tuple[str, float]:
    sigma = np.linalg.eigvals(matrix)
    dominant = sigma[np.argmax(np.abs(sigma))]
    rate = float(np.abs(dominant))
    if lr * abs(matrix[0, 1]) == 0:
        return "stalled", rate
    if rate >= 1 - 1e-12:
        return "divergent", rate
    if abs(dominant.imag) > 1e-12:
        return "ripples", rate
    return ("oscillating" if dominant.real < 0 else "monotone"), rate


_PRECEDENCE = ("divergent", "oscillating", "ripples", "monotone", "stalled")


def sgd_regime(hyperparameters: Mapping[str, Any], curvatures: Sequence[float]) -> Regime:
    """The regime of torch's SGD with ``hyperparameters`` (``lr``, ``momentum``,
    ``dampening``, ``nesterov``, ``weight_decay``) on a quadratic with Hessian eigenvalues
    ``curvatures`` (see the module docstring)."""
    hp = {"momentum": 0.0, "dampening": 0.0, "nesterov": False, "weight_decay": 0.0,
          **hyperparameters}  # fmt: skip
    lr, mu, tau, nesterov = hp["lr"], hp["momentum"], hp["dampening"], hp["nesterov"]
    lambdas = sorted((float(c) + hp["weight_decay"] for c in curvatures), reverse=True)
    found = [_direction_kind(iteration_matrix(lr, c, mu, tau, nesterov), lr) for c in lambdas]
    kinds, rates = tuple(k for k, _ in found), tuple(r for _, r in found)
    kind = next(k for k in _PRECEDENCE if k in kinds)
    if kind == "stalled" and "monotone" in kinds:
        kind = "monotone"
    limit = stability_limit(lambdas[0], mu, tau, nesterov)
    text, rule = _regime_text(hp, lambdas, kinds, rates, limit)
    return Regime(kind, kinds, rates, limit, text, rule)


def _steps_to_a_tenth(rate: float) -> Text:
    if rate <= 0:
        return Text(QT_TR_NOOP("at once"))
    if rate >= 1:
        return Text(QT_TR_NOOP("never"))
    steps = math.ceil(math.log(0.1) / math.log(rate))
    return Text(QT_TR_NOOP("≈ {steps} steps"), {"steps": steps})


def _regime_text(
    hp: Mapping[str, Any], lambdas: Sequence[float], kinds: Sequence[str],
    rates: Sequence[float], limit: float,
) -> tuple[Sentence, Sentence]:  # fmt: skip
    lr, mu, lam = hp["lr"], hp["momentum"], lambdas[0]
    if mu == 0:
        rule = Sentence(
            QT_TR_NOOP("Gradient descent converges iff 0 < η < 2/λ_max = 2/{curvature:g} = "
                       "{limit:.4g}; below 1/λ_max = {half:.4g} every step stays short of the "
                       "valley floor."),
            {"curvature": lam, "limit": limit, "half": 1 / lam},
        )  # fmt: skip
    else:
        rule = Sentence(
            QT_TR_NOOP("With momentum μ = {momentum:g} (Distill's β) it converges iff 0 < ηλ < "
                       "{bound} for every curvature λ: η < {limit:.4g} here, against 2/λ_max = "
                       "{plain:.4g} without momentum."),
            {"momentum": mu, "bound": "2(1 + μ)/(1 + 2μ)" if hp["nesterov"] else "2(1 + μ)",
             "limit": limit, "plain": 2 / lam},
        )  # fmt: skip
    kind = next(k for k in _PRECEDENCE if k in kinds)
    slowest = max(rates)
    root = math.sqrt(max(mu, 0.0))
    args = {"rate": rates[0], "limit": limit, "factor": 1 - lr * lam, "root": root}
    said = Text({
        "monotone": QT_TR_NOOP("monotone: every step lands short of the minimum, never "
                               "across it"),
        "oscillating": QT_TR_NOOP("oscillating: in the steep direction each step jumps across "
                                  "the valley (1 − ηλ_max = {factor:.3g}), shrinking "
                                  "×{rate:.3g} a step")
        if mu == 0 else QT_TR_NOOP("oscillating: in the steep direction each step jumps "
                                   "across the valley, shrinking ×{rate:.3g} a step"),
        "ripples": QT_TR_NOOP("ripples: the path spirals in, shrinking {rate:.3g}× a step "
                              "(√μ = {root:.3g}) in the steep direction"),
        "divergent": QT_TR_NOOP("divergent: η ≥ {limit:.4g}, each step ends farther away than "
                                "it started (×{rate:.3g} a step)"),
        "stalled": QT_TR_NOOP("stalled: η = 0 never moves"),
    }[kind], args)  # fmt: skip
    if kind not in ("divergent", "stalled"):
        said = Text(
            QT_TR_NOOP("{regime}; the slowest direction shrinks ×{slowest:.4g} a step "
                       "({steps} to a tenth)"),
            {"regime": said, "slowest": slowest, "steps": _steps_to_a_tenth(slowest)},
        )  # fmt: skip
    return Sentence(QT_TR_NOOP("η = {lr:g}: {regime}."), {"lr": lr, "regime": said}), rule


def regime_map(lrs: np.ndarray, momenta: np.ndarray, curvature: float) -> np.ndarray:
    """Distill's picture: the regime (an index into :data:`KINDS`) of heavy-ball momentum
    (no dampening, no Nesterov) along one curvature λ, for every pair of ``lrs`` (columns)
    and ``momenta`` (rows); the same answer as :func:`sgd_regime` at each point."""
    lr, mu = np.meshgrid(np.asarray(lrs, float), np.asarray(momenta, float))
    trace = 1 + mu - lr * curvature  # σ² − (1 + μ − ηλ)σ + μ = 0
    disc = trace * trace - 4 * mu
    root = np.sqrt(np.abs(disc))
    dominant = np.where(trace >= 0, (trace + root) / 2, (trace - root) / 2)
    rate = np.where(disc < 0, np.sqrt(mu), np.abs(dominant))
    kind = np.where(disc < 0, 2, np.where(dominant < 0, 1, 0))
    return np.where(rate >= 1 - 1e-12, 3, kind)
