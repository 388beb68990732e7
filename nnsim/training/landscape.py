"""The loss landscape: the training loss on a 2-D slice of weight space through the current
weights θ, ``J(θ + α·d₁ + β·d₂)``, as Li, Xu, Taylor, Studer and Goldstein draw it
("Visualizing the Loss Landscape of Neural Nets", NeurIPS 2018). Nothing here imports Qt.

Two choices of the directions d₁, d₂ (:class:`Directions`):

- **random, filter-normalised** (:func:`random_directions`): a Gaussian vector, each of whose
  filters is rescaled to the norm of the same filter of θ. For a dense layer a filter is one
  row of ``W``: the incoming weights of one unit (the paper: "the filter corresponds to the
  weights that generate one neuron"). Biases and batch-norm's γ, β get a zero direction,
  the paper's ``ignore='biasbn'`` setting its figures use: the slice moves weights only.
- **PCA of the trajectory** (:func:`pca_directions`): the two leading right singular vectors
  of ``M = [θ₀ − θₙ; …; θₙ₋₁ − θₙ]``, the weights recorded so far minus the current ones
  (the paper's matrix, centred on the final weights, not on the mean), over every parameter
  (biases included). They are orthonormal; ``explained`` is each one's share of ``‖M‖²``.

The grid (:class:`LandscapeGrid`) is K forward passes: a chunk of grid points is one
:class:`~nnsim.engine.stacked.StackedNetwork` of K runs (bounded memory), computed a chunk at
a time so that a window can spread it over timer ticks (:meth:`LandscapeGrid.run_for`). The
chunk is sized from its arithmetic (about 2 ms), then bounded by time: a chunk that took
more than :data:`CHUNK_SECONDS` of this thread's CPU halves the next ones (a slow machine;
CPU time, so that other programs taking the processor do not shrink it), one under a
quarter of that doubles them again up to the first size, and ``run_for`` starts no chunk
that would likely end past its deadline. The
loss is the data loss on the whole training set in evaluation mode, exactly the trainer's
``train_loss`` (no penalty). Networks with batch-norm or dropout cannot be stacked: their
points are evaluated one network at a time (running statistics kept, no dropout).
"""

from __future__ import annotations

import itertools
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from nnsim.engine.network import Network
from nnsim.engine.stacked import StackedNetwork, stackable
from nnsim.training.trajectory import TrajectoryRecorder, flatten_state

if TYPE_CHECKING:
    from nnsim.training.data import TrainingData
    from nnsim.training.experiment import Experiment

__all__ = [
    "CHUNK_SECONDS",
    "Directions",
    "LandscapeError",
    "LandscapeGrid",
    "TrajectoryRecorder",
    "fitted_range",
    "flatten_state",
    "network_at",
    "pca_directions",
    "plan_grid",
    "project",
    "random_directions",
]

MEMORY_BYTES = 2 * 2**20  # what one chunk's activations may take: they stay in the cache
FIT_MARGIN = 1.25  # a range fitted to the trajectory reaches this far beyond it
MAX_CHUNK = 64  # grid points per stacked pass
CHUNK_WORK = 2_000_000  # multiply-adds (an activation counts 10) per chunk: ~2 ms
CHUNK_SECONDS = 0.004  # a chunk that takes longer halves the chunk (the event loop waits)


class LandscapeError(ValueError):
    """The landscape cannot be drawn in this state; the message says why and what to do."""


@dataclass(frozen=True, eq=False)
class Directions:
    """Two directions laid out like ``Network.theta``; ``explained`` for PCA: the fraction of
    the trajectory's squared distance from the centre along each (None for random)."""

    kind: str  # "random" or "pca"
    d1: np.ndarray
    d2: np.ndarray
    explained: tuple[float, float] | None = None

    @property
    def matrix(self) -> np.ndarray:
        """(P, 2): d₁ and d₂ as columns."""
        return np.column_stack([self.d1, self.d2])


def filter_normalized(net: Network, theta: np.ndarray, d: np.ndarray) -> np.ndarray:
    """``d`` with each row of each ``W`` scaled to the norm of the same row of ``theta``'s
    ``W`` and the rest (biases, batch-norm) zeroed: Li et al.'s filter normalisation."""
    out = np.zeros_like(d)
    for layer, start in zip(net.layers, net.weight_starts, strict=True):
        shape = layer.W.shape
        end = int(start) + shape[0] * shape[1]
        rows = d[start:end].reshape(shape)
        target = np.linalg.norm(theta[start:end].reshape(shape), axis=1, keepdims=True)
        norms = np.linalg.norm(rows, axis=1, keepdims=True)
        scale = np.divide(target, norms, out=np.zeros_like(norms), where=norms > 0)
        out[start:end] = (rows * scale).ravel()
    return out


def random_directions(net: Network, seed: int) -> Directions:
    """Two filter-normalised Gaussian directions for ``net`` at its current ``theta`` (the
    same seed gives the same raw vectors, rescaled to whatever θ is now)."""
    theta = net.theta
    rng = np.random.default_rng(seed)
    d1, d2 = (filter_normalized(net, theta, rng.standard_normal(theta.size)) for _ in range(2))
    return Directions("random", d1, d2)


def pca_directions(trajectory: np.ndarray, centre: np.ndarray) -> Directions:
    """The first two principal directions of ``trajectory`` (m, P) about ``centre`` (P,),
    signed so that the trajectory's first point lies at negative coordinates."""
    if len(trajectory) < 3:
        raise LandscapeError(
            f"PCA directions need a trajectory: {len(trajectory)} weights recorded so far. "
            "Train for a few steps (or choose random directions)."
        )
    m = np.asarray(trajectory, dtype=np.float64) - centre
    if not np.isfinite(m).all():
        raise LandscapeError("the trajectory holds non-finite weights: reset and train again")
    _, s, vt = np.linalg.svd(m, full_matrices=False)
    total = float(np.sum(s * s))
    if len(s) < 2 or s[1] <= 1e-12 * max(s[0], 1e-300):
        raise LandscapeError(
            "the weights have moved along fewer than two directions so far: "
            "train for a few more steps (or choose random directions)"
        )
    first = m[0] @ vt[:2].T
    signs = np.where(first > 0, -1.0, 1.0)
    d1, d2 = vt[0] * signs[0], vt[1] * signs[1]
    explained = (float(s[0] ** 2 / total), float(s[1] ** 2 / total))
    return Directions("pca", d1, d2, explained)


def project(trajectory: np.ndarray, centre: np.ndarray, directions: Directions) -> np.ndarray:
    """(m, 2): the (α, β) of each point of ``trajectory`` − ``centre`` in the plane of the
    directions (least squares; for PCA's orthonormal directions, the dot products)."""
    if len(trajectory) == 0:
        return np.zeros((0, 2))
    m = np.asarray(trajectory, dtype=np.float64) - centre
    coords, *_ = np.linalg.lstsq(directions.matrix, m.T, rcond=None)
    return np.ascontiguousarray(coords.T)


def fitted_range(coords: np.ndarray, default: float) -> float:
    """The half-width of a square plane that holds the projected trajectory ``coords`` with
    a margin (``default`` without a trajectory to fit)."""
    if len(coords) < 2:
        return default
    return max(float(np.abs(coords).max()) * FIT_MARGIN, 1e-3)


def network_at(experiment: Experiment, weights: dict[str, np.ndarray], n_inputs: int) -> Network:
    """The experiment's network holding ``weights`` (a snapshot's; ValueError if they do not
    fit, e.g. the architecture changed since)."""
    from nnsim.training.trainer import network_for

    net = network_for(experiment, n_inputs)
    net.load_state(weights)
    return net


def _twin(net: Network) -> Network:
    """A network of its own with ``net``'s architecture and state (a deep copy would lose the
    layers' views into ``theta``)."""
    twin = Network(
        net.sizes[0],
        net.hidden,
        net.sizes[-1],
        net.layers[-1].activation.name,
        net.loss.name,
        net.init_name,
        net.seed,
    )
    twin.load_state(net.state())
    return twin


class LandscapeGrid:
    """The loss ``J(θ + α·d₁ + β·d₂)`` on the grid ``alphas`` × ``betas`` through ``net``'s θ,
    computed a chunk of points at a time.

    ``loss[i, j]`` is at (α = ``alphas[j]``, β = ``betas[i]``), NaN until computed. Raises
    :class:`LandscapeError` if θ or the loss at θ is not finite (a diverged run).
    """

    def __init__(
        self,
        net: Network,
        data: TrainingData,
        directions: Directions,
        alphas: np.ndarray,
        betas: np.ndarray,
        chunk: int | None = None,
        chunk_seconds: float = CHUNK_SECONDS,
    ) -> None:
        self.theta = net.theta.copy()
        if not np.isfinite(self.theta).all():
            raise LandscapeError(
                "the weights are not finite (training diverged): reset and train again"
            )
        self._net = _twin(net)  # evaluated alone: the centre, and unstackable networks
        self.x = np.ascontiguousarray(data.x_train, dtype=np.float64)
        self.y = data.y_train
        self.directions = directions
        self.alphas = np.asarray(alphas, dtype=np.float64)
        self.betas = np.asarray(betas, dtype=np.float64)
        self.centre_loss = self._loss_alone(self.theta)
        if not np.isfinite(self.centre_loss):
            raise LandscapeError(
                f"the training loss at the current weights is {self.centre_loss} "
                "(training diverged): reset and train again"
            )
        a, b = np.meshgrid(self.alphas, self.betas)
        self._a, self._b = a.ravel(), b.ravel()
        self.loss = np.full(a.shape, np.nan)
        self.done_points = 0
        self.seconds = 0.0  # compute time spent so far
        self.chunk_seconds = chunk_seconds
        self.last_chunk_seconds = 0.0  # how long the latest chunk took (wall clock)
        self._largest = 1  # the chunk its arithmetic allows
        self._stack: StackedNetwork | None = None
        self._y_stack = np.empty(0)
        if stackable(net) is None:
            n, sizes = max(len(self.x), 1), net.sizes
            memory = 4 * 8 * n * max(sizes)  # bytes of activations a point
            work = n * sum(i * o + 10 * o for i, o in itertools.pairwise(sizes))
            k = min(MAX_CHUNK, MEMORY_BYTES // memory, CHUNK_WORK // work)
            self._largest = min(int(chunk or max(1, k)), self.total)
            self._resize(self._largest)
        else:
            self.chunk = 1

    def _resize(self, chunk: int) -> None:
        """Stacks of ``chunk`` networks from now on."""
        self.chunk = chunk
        self._stack = StackedNetwork([self._net] * chunk)
        self._y_stack = np.ascontiguousarray(np.broadcast_to(self.y, (chunk, *self.y.shape)))

    @property
    def total(self) -> int:
        return int(self.loss.size)

    @property
    def done(self) -> bool:
        return self.done_points >= self.total

    def point(self, alpha: float, beta: float) -> np.ndarray:
        """θ + α·d₁ + β·d₂."""
        return self.theta + alpha * self.directions.d1 + beta * self.directions.d2

    def _loss_alone(self, theta: np.ndarray) -> float:
        net = self._net
        net.theta[...] = theta
        with np.errstate(all="ignore"):
            pre, a = net.evaluate(self.x)
            return float(net.loss.value(pre, a, self.y))

    def compute_chunk(self) -> None:
        """Compute the next chunk of points (row-major: β slowest)."""
        if self.done:
            return
        started, cpu = time.perf_counter(), time.thread_time()
        lo = self.done_points
        hi = min(lo + self.chunk, self.total)
        a, b = self._a[lo:hi], self._b[lo:hi]
        d1, d2 = self.directions.d1, self.directions.d2
        flat = self.loss.reshape(-1)
        if self._stack is None:
            for i in range(hi - lo):
                flat[lo + i] = self._loss_alone(self.point(a[i], b[i]))
        else:
            stack, n = self._stack, hi - lo
            with np.errstate(all="ignore"):
                stack.theta[:n] = self.theta + a[:, None] * d1 + b[:, None] * d2
                stack.theta[n:] = self.theta
                z, out = stack.evaluate(self.x[None])
                flat[lo:hi] = stack.loss.value(z, out, self._y_stack)[:n]
        self.done_points = hi
        took = time.perf_counter() - started
        self.seconds += took
        self.last_chunk_seconds = took
        work = time.thread_time() - cpu
        if self.done or self._stack is None:
            return
        if work > self.chunk_seconds and self.chunk > 1:
            self._resize(self.chunk // 2)
        elif work < self.chunk_seconds / 4 and self.chunk < self._largest:
            self._resize(min(2 * self.chunk, self._largest))

    def run_for(self, seconds: float) -> bool:
        """Compute chunks for ``seconds`` at most (at least one chunk: no chunk is started
        that would likely end later); True once the grid is done."""
        end = time.perf_counter() + seconds
        while not self.done:
            self.compute_chunk()
            if time.perf_counter() + self.last_chunk_seconds > end:
                break
        return self.done

    def run(self) -> np.ndarray:
        """Compute every remaining point; the loss grid."""
        while not self.done:
            self.compute_chunk()
        return self.loss


def plan_grid(
    net: Network,
    data: TrainingData,
    path: np.ndarray,
    kind: str,
    *,
    seed: int = 0,
    half: float = 1.0,
    fit: bool = False,
    resolution: int = 41,
) -> tuple[LandscapeGrid, np.ndarray]:
    """The grid (to compute) on the plane of ``kind`` ("random" with ``seed``, or "pca" of
    ``path``) through ``net``'s weights, α and β in [−half, half] (fitted to the trajectory
    with ``fit``), and the (α, β) of ``path`` (m, P: the recorded weights, oldest first)."""
    if path.ndim != 2 or path.shape[1] != net.theta.size:  # none yet, or another network's
        path = np.zeros((0, net.theta.size))
    pca = kind == "pca"
    directions = pca_directions(path, net.theta) if pca else random_directions(net, seed)
    coords = project(path, net.theta, directions)
    if fit:
        half = fitted_range(coords, half)
    axis = np.linspace(-half, half, resolution)
    return LandscapeGrid(net, data, directions, axis, axis), coords
