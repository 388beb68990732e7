"""Optimizers racing on a 2-D surface (:mod:`nnsim.engine.surfaces`), and why they behave so.

Each :class:`Racer` is the engine's own optimizer class (``nnsim.engine.optimizers``) on a
2-parameter vector θ = (x, y), its learning rate optionally driven by one of the engine's
schedules: there is no second implementation of any optimizer here. A :class:`Race` steps
several racers from the same start in lockstep and keeps each one's path and loss. A path
that overflows (or runs off beyond :data:`ESCAPE`) stops at its last finite point and says
so; nothing raises.

:mod:`nnsim.training.surface_regime` says why plain and momentum SGD behave as they do on
the quadratic bowl. :data:`PRESETS` are the stories of the article, each checked by the
tests to show what its name says.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from nnsim.engine.optimizers import Optimizer, make_optimizer
from nnsim.engine.schedules import SCHEDULES, Schedule, make_schedule
from nnsim.engine.surfaces import Bowl, Surface, make_surface
from nnsim.training.text import QT_TR_NOOP, Sentence, Text

__all__ = [
    "DECAYS",
    "ESCAPE",
    "MAX_STEPS",
    "PRESETS",
    "RACE_SCHEDULES",
    "Preset",
    "Race",
    "Racer",
    "RacerSpec",
    "bowl_curvatures",
    "preset",
]

ESCAPE = 1e8  # a path farther than this from the origin has left for good: it stops
MAX_STEPS = 20_000  # a race ends here (bounded memory)
_LR_BLOCK = 256
RACE_SCHEDULES = tuple(name for name in SCHEDULES if name != "plateau")
"""Schedules a racer may use (a plateau watches a test loss a surface does not have)."""
DECAYS = {
    "inverse_time": QT_TR_NOOP("inverse time decay"), "step": QT_TR_NOOP("step decay"),
    "exponential": QT_TR_NOOP("exponential decay"), "cosine": QT_TR_NOOP("cosine decay"),
    "one_cycle": QT_TR_NOOP("one-cycle decay"),
}  # fmt: skip
"""A racer's schedule in its label, ``"<title> decay"`` (one phrase each: the words go
together differently in Chinese)."""


@dataclass(frozen=True)
class RacerSpec:
    """One racer: the optimizer's registry name and keywords (PyTorch's, ``lr`` included),
    and a schedule (registry name and keywords, ``lr0`` being ``lr``)."""

    optimizer: str = "sgd"
    params: Mapping[str, Any] = field(default_factory=lambda: {"lr": 0.01})
    schedule: str = "constant"
    schedule_params: Mapping[str, Any] = field(default_factory=dict)

    @property
    def lr(self) -> float:
        return float(self.params.get("lr", 0.0))

    def label(self) -> Sentence:
        """``SGD η=0.1``, ``SGD+momentum 0.9 η=0.01``, ``Adam η=0.05, step decay`` (a
        :class:`~nnsim.training.text.Sentence`: the window shows its words translated)."""
        params = self.params
        title = {"sgd": "SGD", "adam": "Adam", "adamw": "AdamW", "rmsprop": "RMSprop",
                 "adagrad": "Adagrad"}.get(self.optimizer, self.optimizer)  # fmt: skip
        args: dict[str, object] = {"optimizer": title, "lr": self.lr}
        template = QT_TR_NOOP("{optimizer} η={lr:g}")
        if self.optimizer == "sgd" and params.get("momentum", 0):
            args["momentum"] = params["momentum"]
            template = (
                QT_TR_NOOP("{optimizer}+Nesterov {momentum:g} η={lr:g}")
                if params.get("nesterov")
                else QT_TR_NOOP("{optimizer}+momentum {momentum:g} η={lr:g}")
            )
        if self.schedule == "constant":
            return Sentence(template, args)
        title = SCHEDULES[self.schedule].title
        decay = DECAYS.get(self.schedule)
        schedule = (
            Text(decay)
            if decay is not None
            else Text(QT_TR_NOOP("{schedule} decay"), {"schedule": Text(title)})
        )
        return Sentence(QT_TR_NOOP("{racer}, {schedule}"), {"racer": Text(template, args),
                                                            "schedule": schedule})  # fmt: skip

    def build(self, theta: np.ndarray) -> tuple[Optimizer, Schedule]:
        """The engine's optimizer on ``[theta]`` and the schedule (``ValueError`` if bad)."""
        if self.schedule not in RACE_SCHEDULES:
            allowed = ", ".join(RACE_SCHEDULES)
            raise ValueError(f"schedule {self.schedule!r} cannot race; allowed: {allowed}")
        optimizer = make_optimizer(self.optimizer, [theta], **self.params)
        schedule = make_schedule(self.schedule, optimizer.lr, **self.schedule_params)
        return optimizer, schedule


class Racer:
    """One optimizer's run on ``surface`` from ``start``: :attr:`path` (steps + 1 points),
    :attr:`losses`, and :attr:`stopped` (a sentence) once it overflowed."""

    def __init__(self, spec: RacerSpec, surface: Surface, start: Sequence[float]) -> None:
        self.spec, self.surface = spec, surface
        self.theta = np.array(start, dtype=np.float64)
        self.optimizer, self.schedule = spec.build(self.theta)
        self._cycles_momentum = (
            self.optimizer.get_momentum() is not None and self.schedule.momentum(0) is not None
        )
        self._path = np.empty((64, 2))
        self._losses = np.empty(64)
        self._path[0] = self.theta
        self._losses[0] = self._loss(self.theta)
        self.steps_done = 0
        self.stopped: Sentence | None = None
        self._lr_block_start, self._lr_block = 0, self.schedule.lr_array(np.arange(_LR_BLOCK))
        self.lr = self._lr_at(0)  # the rate of the last (or the first) step

    @property
    def path(self) -> np.ndarray:
        """The points visited, the start first: shape (steps + 1, 2)."""
        return self._path[: self.steps_done + 1]

    @property
    def losses(self) -> np.ndarray:
        """f at each point of :attr:`path`."""
        return self._losses[: self.steps_done + 1]

    def _loss(self, theta: np.ndarray) -> float:
        with np.errstate(all="ignore"):
            return self.surface.loss(theta)

    def step(self) -> None:
        """One update (nothing once stopped or at :data:`MAX_STEPS`)."""
        if self.stopped is not None or self.steps_done >= MAX_STEPS:
            return
        t = self.steps_done
        lr = self._lr_at(t)
        if lr != self.lr or t == 0:
            self.optimizer.lr = lr
        self.lr = lr
        if self._cycles_momentum:
            self.optimizer.set_momentum(self.schedule.momentum(t) or 0.0)
        with np.errstate(all="ignore"):
            grad = self.surface.gradient(self.theta)
            if not (math.isfinite(grad[0]) and math.isfinite(grad[1])):
                self._stop(t, Text(QT_TR_NOOP("the gradient overflowed")))
                return
            self.optimizer.step([grad])
            loss = self.surface.loss(self.theta)
        x, y = float(self.theta[0]), float(self.theta[1])
        if not (math.isfinite(x) and math.isfinite(y) and math.isfinite(loss)):
            self._stop(t + 1, Text(QT_TR_NOOP("the point overflowed")))
            return
        if max(abs(x), abs(y)) > ESCAPE:
            why = Text(QT_TR_NOOP("the path ran off beyond {escape:.0e}"), {"escape": ESCAPE})
            self._stop(t + 1, why)
            return
        self.steps_done = t + 1
        if self.steps_done >= len(self._losses):
            self._path = np.concatenate([self._path, np.empty_like(self._path)])
            self._losses = np.concatenate([self._losses, np.empty_like(self._losses)])
        self._path[self.steps_done] = self.theta
        self._losses[self.steps_done] = loss

    def _lr_at(self, t: int) -> float:
        """The schedule's rate for step t, computed in blocks as the ``Trainer`` does."""
        if not 0 <= t - self._lr_block_start < len(self._lr_block):
            self._lr_block_start = t
            self._lr_block = self.schedule.lr_array(np.arange(t, t + _LR_BLOCK))
        return float(self._lr_block[t - self._lr_block_start])

    def _stop(self, step: int, why: Text) -> None:
        self.theta[...] = self._path[self.steps_done]  # back to the last finite point
        self.stopped = Sentence(
            QT_TR_NOOP("diverged at step {step}: {why}"), {"step": step, "why": why}
        )


class Race:
    """Racers from ``specs`` on ``surface``, all from ``start``, stepped together."""

    def __init__(
        self, surface: Surface, start: Sequence[float], specs: Sequence[RacerSpec]
    ) -> None:
        self.surface = surface
        self.start = (float(start[0]), float(start[1]))
        self.specs = tuple(specs)
        self.racers = [Racer(spec, surface, self.start) for spec in self.specs]
        self.steps_done = 0

    @property
    def finished(self) -> bool:
        """Every racer stopped, or the race reached :data:`MAX_STEPS`."""
        return self.steps_done >= MAX_STEPS or all(r.stopped for r in self.racers)

    def step(self, n: int = 1) -> None:
        """``n`` steps of every racer that is still going."""
        for _ in range(n):
            if self.finished:
                return
            for racer in self.racers:
                racer.step()
            self.steps_done += 1


# -- presets ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Preset:
    """A story: the surface (and the bowl's parameters), the start, the racers, how many
    steps tell it (:attr:`steps`), and what to look for (:attr:`story`)."""

    title: str
    surface: str
    start: tuple[float, float]
    racers: tuple[RacerSpec, ...]
    steps: int
    story: str
    surface_params: Mapping[str, float] = field(default_factory=dict)

    def make_surface(self) -> Surface:
        return make_surface(self.surface, **self.surface_params)

    def race(self) -> Race:
        return Race(self.make_surface(), self.start, self.racers)


def _sgd(lr: float, **params: Any) -> RacerSpec:
    return RacerSpec("sgd", {"lr": lr, **params})


_BOWL = {"condition": 20.0, "angle": 30.0}  # λ_max = 20: 1/λ_max = 0.05, 2/λ_max = 0.1
PRESETS: tuple[Preset, ...] = (
    Preset(
        Sentence(QT_TR_NOOP("too high: oscillates")),
        "bowl", (-1.6, 1.2), (_sgd(0.09), _sgd(0.04)), 60,
        Sentence(QT_TR_NOOP(
            "η = 0.09 is between 1/λ_max and 2/λ_max: every step jumps across the valley and back, "
            "a zig-zag that still shrinks. η = 0.04 < 1/λ_max walks down without crossing."
        )),
        _BOWL,
    ),
    Preset(
        Sentence(QT_TR_NOOP("too high: diverges")),
        "bowl", (-1.6, 1.2), (_sgd(0.11), _sgd(0.09)), 60,
        Sentence(QT_TR_NOOP(
            "η = 0.11 is past 2/λ_max = 0.1: each jump lands higher than it started and the loss "
            "grows without end; η = 0.09, just inside, still converges."
        )),
        _BOWL,
    ),
    Preset(
        Sentence(QT_TR_NOOP("too low: crawls")),
        "bowl", (-1.6, 1.2), (_sgd(0.002), _sgd(0.045)), 200,
        Sentence(QT_TR_NOOP(
            "η = 0.002 is safe but tiny: after hundreds of steps it has barely moved, while "
            "η = 0.045 is at the minimum."
        )),
        _BOWL,
    ),
    Preset(
        Sentence(QT_TR_NOOP("decay: fast then fine")),
        "bowl", (1.41, 1.16),
        (
            _sgd(0.0995),
            _sgd(0.01),
            RacerSpec("sgd", {"lr": 0.0995}, "exponential", {"gamma": 0.98}),
        ),
        120,
        Sentence(QT_TR_NOOP(
            "η = 0.0995, just inside 2/λ_max, races down the shallow direction but keeps bouncing "
            "across the steep one; η = 0.01 is smooth but slow. Starting at 0.0995 and shrinking "
            "η by 2 % a step is fast at first and then settles: the lowest loss of the three."
        )),
        _BOWL,
    ),
    Preset(
        Sentence(QT_TR_NOOP("momentum through a ravine")),
        "bowl", (-1.75, -1.35),
        (_sgd(0.019), _sgd(0.025, momentum=0.8)),
        150,
        Sentence(QT_TR_NOOP(
            "A ravine: curvature 100 across, 1 along, starting far down its floor. Plain gradient "
            "descent must keep η below 2/100 and then crawls along the floor; momentum (μ = 0.8) "
            "may take η up to 2(1 + μ)/100 and builds up speed along it, in ripples."
        )),
        {"condition": 100.0, "angle": 45.0},
    ),
    Preset(
        Sentence(QT_TR_NOOP("Adam on Rosenbrock")),
        "rosenbrock", (-1.5, 2.0),
        (RacerSpec("adam", {"lr": 0.05}), _sgd(0.001), _sgd(0.0002, momentum=0.9)),
        2000,
        Sentence(QT_TR_NOOP(
            "Rosenbrock's curved valley: SGD has to keep η small for the steep walls and creeps "
            "along the floor; Adam scales each coordinate's step and reaches (1, 1)."
        )),
    ),
    Preset(
        Sentence(QT_TR_NOOP("SGD stuck at a saddle vs momentum")),
        "saddle", (1.5, 1e-3),
        (_sgd(0.01), _sgd(0.01, momentum=0.9)),
        150,
        Sentence(QT_TR_NOOP(
            "From almost on the ridge, the gradient points at the saddle: SGD slides to it and "
            "lingers, its escape along y growing only 1.02× a step; momentum escapes fast."
        )),
    ),
)  # fmt: skip


def preset(title: str) -> Preset:
    """The preset called ``title`` (``ValueError`` listing the titles otherwise)."""
    for p in PRESETS:
        if p.title == title:
            return p
    titles = ", ".join(p.title for p in PRESETS)
    raise ValueError(f"unknown preset {title!r}; choose one of {titles}")


def bowl_curvatures(surface: Surface) -> tuple[float, ...] | None:
    """The Hessian's eigenvalues if ``surface`` is the bowl (where the regime is exact)."""
    return tuple(surface.eigenvalues) if isinstance(surface, Bowl) else None
