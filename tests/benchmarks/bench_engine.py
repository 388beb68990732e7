"""Training speed: µs per step of nnsim's Trainer, next to a plain and a tuned NumPy loop.

nnsim's step is ``Trainer.step()``: the next mini-batch, forward, loss, backward, the
per-layer gradient norms, weight norms and update ratios, the SGD update and the history
row (the full-data evaluation is switched off: it is not part of a step). Two references
train the same net on same-sized batches, measured in the same run:

- *plain*: the shortest honest NumPy loop (separate W, b per layer, new arrays each step);
- *floor*: ``NumpyFloor`` of ``../shared/bench/peer_mlp.py`` (preallocated buffers, ``out=``
  everywhere, one flat parameter array), when that file is there (the column is skipped
  otherwise);
- *floor + measures*: the floor's step followed by the cheapest NumPy form of what nnsim's
  step also records (:class:`FloorMeasured`): θ kept before the update, the real gradient
  (the floor's is lr·dJ/dθ), ‖dW‖², ‖W‖², ‖ΔW‖² of every layer, their square roots, the
  ratios ‖ΔW‖/‖W‖, a finiteness check and the history row written into a preallocated
  table. It is timed in its two cheapest forms (one reduceat over all layers, one
  ``np.vecdot`` per layer) and the faster counts. No trainer that measures what nnsim
  measures can be faster than this column with NumPy calls: its ratio to the floor is the
  price of the measures alone, and ``×f+m`` is nnsim's distance from that lower bound.

All cells are timed round-robin, one short block each in turn, so that a burst of machine
noise hits every cell alike; the table gives the median over blocks. The clock is this
thread's CPU time (``time.thread_time``): on a machine shared with other busy processes,
wall-clock blocks measure mostly who else got the cores (``--wall`` times by the wall
clock instead). BLAS runs one thread
unless ``OPENBLAS_NUM_THREADS`` says otherwise (the nets are small, and on a shared 2-core
machine a second BLAS thread only adds noise). Run::

    uv run python tests/benchmarks/bench_engine.py [--quick]

Then ``nnsim run`` on 2-8-8-1 batch 10 (xor, SGD): its cost per step,
(wall(N + 1 steps) − wall(1 step)) / N, writing ``metrics.csv`` and the coach's checks
included, with the full evaluation off and at the default of every 10 steps.

Targets (issue 14): ≤ 1.5× the floor on 2-8-8-1 batch 10, ≤ 2× on every other net, and
``nnsim run`` ≤ 2× the floor per step.
"""

from __future__ import annotations

import contextlib
import importlib.util
import itertools
import math
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # before NumPy loads BLAS

import numpy as np

from nnsim.training.experiment import Experiment
from nnsim.training.trainer import Trainer

NETS = [
    ("2-8-8-1 tanh", [8, 8], "tanh"),
    ("2-16-16-16-1 tanh", [16, 16, 16], "tanh"),
    ("2-64-64-1 tanh", [64, 64], "tanh"),
    ("2-8x10-1 sigmoid", [8] * 10, "sigmoid"),
]
BATCHES = [10, 500]
LR = 0.03
SAMPLES = 1000  # half of them train: a batch of 500 is the whole training set


def load_peer() -> ModuleType | None:
    """``peer_mlp`` from ``../shared/bench/`` beside the repository, or None."""
    repo = Path(__file__).resolve().parents[2]
    for folder in (repo.parent / "shared" / "bench", Path("/work/shared/bench")):
        path = folder / "peer_mlp.py"
        if path.is_file():
            spec = importlib.util.spec_from_file_location("peer_mlp", path)
            assert spec is not None and spec.loader is not None
            module = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(module)
            return module
    return None


def experiment(
    hidden: list[int], activation: str, batch: int, eval_every: int = 10**9
) -> Experiment:
    d = Experiment.default().to_dict()
    d["data"].update(dataset="xor", samples=SAMPLES, train_fraction=0.5)
    d["network"]["hidden_layers"] = [{"units": u, "activation": activation} for u in hidden]
    d["training"].update(batch_size=batch, eval_every=eval_every)
    d["training"]["optimizer"] = {"name": "sgd", "lr": LR}
    return Experiment.from_dict(d)


def plain_step(sizes: list[int], activation: str) -> Callable[[np.ndarray, np.ndarray], float]:
    """The reference: a plain NumPy training step, as one would write it by hand."""
    rng = np.random.default_rng(0)
    Ws = [rng.normal(0, 0.5, (o, i)) for i, o in itertools.pairwise(sizes)]
    bs = [np.zeros(o) for o in sizes[1:]]
    act = np.tanh if activation == "tanh" else (lambda z: 1.0 / (1.0 + np.exp(-z)))
    L = len(Ws)

    def step(x: np.ndarray, y: np.ndarray) -> float:
        n = x.shape[0]
        y = y.reshape(-1, 1)
        As = [x]
        for k in range(L - 1):
            As.append(act(As[-1] @ Ws[k].T + bs[k]))
        out = 1.0 / (1.0 + np.exp(-(As[-1] @ Ws[-1].T + bs[-1])))
        loss = -np.mean(y * np.log(out) + (1 - y) * np.log(1 - out))
        dZ = (out - y) / n
        for k in range(L - 1, -1, -1):
            dW = dZ.T @ As[k]
            db = dZ.sum(axis=0)
            if k:
                dA = dZ @ Ws[k]
                a = As[k]
                dZ = dA * (1 - a * a) if activation == "tanh" else dA * a * (1 - a)
            Ws[k] -= LR * dW
            bs[k] -= LR * db
        return float(loss)

    return step


class FloorMeasured:
    """``NumpyFloor``'s step, then what nnsim's step records besides: a lower bound of a
    measured step. ``per_layer`` picks the norms' form: one ``np.vecdot`` per layer and row
    set, else squares and one ``np.add.reduceat`` over all layers (the floor's layout puts
    each layer's bias after its weights: every other segment is a weight block)."""

    def __init__(self, floor: Any, per_layer: bool, capacity: int = 8192) -> None:
        self.floor = floor
        self.theta, self.grad = floor.theta, floor.grad
        shapes = [p.shape for p in floor.P]
        L = self.L = len(shapes)
        offsets = np.cumsum([0] + [a * b for a, b in shapes])
        ends = [o + (a - 1) * b for o, (a, b) in zip(offsets, shapes, strict=False)]
        self.rows = np.zeros((3, self.theta.size))  # dJ/dθ, θ before, Δθ
        self.squares = np.zeros_like(self.rows)
        self.starts = np.array([i for pair in zip(offsets, ends, strict=False) for i in pair])
        self.sums = np.zeros((3, 2 * L))
        self.blocks = [self.rows[:, o:e] for o, e in zip(offsets, ends, strict=False)]
        self.per_layer = per_layer
        self.table = np.zeros((capacity, 5 + 3 * L))  # step, epoch, lr, loss, reg, norms
        self.n = 0

    def step(self, x: np.ndarray, y: np.ndarray) -> float:
        rows, L = self.rows, self.L
        rows[1][...] = self.theta  # keep θ
        loss: float = self.floor.step(x, y)
        np.multiply(self.grad, 1.0 / LR, out=rows[0])  # the floor's gradient is lr·dJ/dθ
        np.subtract(self.theta, rows[1], out=rows[2])
        row = self.table[self.n % len(self.table)]
        norms = row[5:].reshape(3, L)  # contiguous: ‖dW‖, ‖W‖, ‖ΔW‖/‖W‖ of every layer
        if self.per_layer:
            vecdot = np.vecdot
            for k, block in enumerate(self.blocks):
                vecdot(block, block, out=norms[:, k])
            update = [np.vecdot(rows[2], rows[2])]  # every Δθ, the biases' too
        else:
            np.multiply(rows, rows, out=self.squares)
            sums = np.add.reduceat(self.squares, self.starts, axis=1, out=self.sums)
            update = sums[2].tolist()
            np.copyto(norms, sums[:, ::2])
        if not (math.isfinite(loss) and math.isfinite(sum(update))):
            raise FloatingPointError("diverged")
        np.sqrt(norms, out=norms)
        np.divide(norms[2], norms[1], out=norms[2])
        self.n += 1
        row[0], row[1], row[2], row[3], row[4] = self.n, 1.0, LR, loss, 0.0
        return loss


CLOCK = time.perf_counter if "--wall" in sys.argv else time.thread_time


def block_timer(step: Callable[[], object], block_s: float) -> Callable[[], float]:
    """Warm ``step`` up, then return a function timing one block of ~``block_s`` (s/step)."""
    clock = CLOCK
    t0, n = clock(), 0
    while n < 20 or clock() - t0 < max(block_s, 0.05):
        step()
        n += 1
    k = max(1, round(n * block_s / (clock() - t0)))

    def block() -> float:
        t0 = clock()
        for _ in range(k):
            step()
        return (clock() - t0) / k

    return block


def cycling(
    fn: Callable[..., object], batches: list[tuple[np.ndarray, ...]]
) -> Callable[[], object]:
    nxt = itertools.cycle(batches).__next__
    return lambda: fn(*nxt())


def timers_for(
    peer: ModuleType | None,
    trainer: Trainer,
    hidden: list[int],
    act: str,
    batch: int,
    block_s: float,
) -> dict[str, Callable[[], float]]:
    d = trainer.data
    x, y = d.x_train, d.y_train.astype(np.float64)
    batches = [(x[i : i + batch], y[i : i + batch]) for i in range(0, len(x), batch)]
    sizes = [2, *hidden, 1]
    cells = {
        "nnsim": block_timer(trainer.step, block_s),  # main() runs it in quiet_steps()
        "plain": block_timer(cycling(plain_step(sizes, act), batches), block_s),
    }
    if peer is not None:
        rng = np.random.default_rng(1)
        Ws = [rng.normal(0, 1 / np.sqrt(a), (a, b)) for a, b in itertools.pairwise(sizes)]
        bs = [rng.normal(0, 0.1, b) for b in sizes[1:]]
        column = [(xb, yb.reshape(-1, 1)) for xb, yb in batches]
        floor = peer.NumpyFloor(Ws, bs, act, batch)
        cells["floor"] = block_timer(cycling(floor.step, column), block_s)
        for form in (False, True):
            measured = FloorMeasured(peer.NumpyFloor(Ws, bs, act, batch), per_layer=form)
            cells[f"floor+m{int(form)}"] = block_timer(cycling(measured.step, column), block_s)
    return cells


def run_per_step_us(eval_every: int, steps: int, repeats: int) -> tuple[float, float]:
    """``nnsim run``'s per-step cost on 2-8-8-1 batch 10 in µs, (cost(steps + 1) −
    cost(1)) / steps, by the wall clock and by the child's CPU time; medians."""
    from nnsim.training.experiment import save_experiment

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "exp.json"
        save_experiment(experiment([8, 8], "tanh", 10, eval_every), path)

        def cost(n: int) -> tuple[float, float]:
            out = str(Path(tmp) / "out")
            command = [sys.executable, "-m", "nnsim", "run", str(path), "--steps", str(n)]
            cpu0, t0 = children_cpu(), time.perf_counter()
            subprocess.run([*command, "--out", out], check=True, capture_output=True)
            return time.perf_counter() - t0, children_cpu() - cpu0

        walls, cpus = [], []
        for _ in range(repeats):
            (w1, c1), (wn, cn) = cost(1), cost(steps + 1)
            walls.append((wn - w1) / steps * 1e6)
            cpus.append((cn - c1) / steps * 1e6)
    return statistics.median(walls), statistics.median(cpus)


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def main() -> int:
    quick = "--quick" in sys.argv
    reps, block_s = (7, 0.01) if quick else (21, 0.03)
    peer = load_peer()
    if peer is None:
        print("peer_mlp.py not found beside the repository: the floor column is skipped")
    timers, trainers = {}, []
    for label, hidden, act in NETS:
        for batch in BATCHES:
            trainer = Trainer(experiment(hidden, act, batch))
            trainers.append(trainer)
            for impl, timer in timers_for(peer, trainer, hidden, act, batch, block_s).items():
                timers[label, batch, impl] = timer
    samples: dict[tuple[str, int, str], list[float]] = {key: [] for key in timers}
    with contextlib.ExitStack() as quiet:  # as nnsim run and the window's process train
        for trainer in trainers:
            quiet.enter_context(getattr(trainer, "quiet_steps", contextlib.nullcontext)())
        for _ in range(reps):  # round-robin: noise hits every cell alike
            for key, timer in timers.items():
                samples[key].append(timer())
    med = {key: statistics.median(v) * 1e6 for key, v in samples.items()}
    threads = os.environ["OPENBLAS_NUM_THREADS"]
    clock = "wall clock" if CLOCK is time.perf_counter else "thread CPU time"
    print(
        f"median of {reps} blocks of ~{block_s * 1e3:.0f} ms ({clock}) per cell, round-robin; ",
        end="",
    )
    print(f"numpy {np.__version__}, OPENBLAS_NUM_THREADS={threads}\n")
    head = f"{'net':<20}{'batch':>6}{'nnsim µs':>10}{'plain µs':>10}{'×plain':>8}"
    if peer is not None:
        head += f"{'floor µs':>10}{'×floor':>8}{'f+m µs':>8}{'f+m×fl':>8}{'×f+m':>6}  target"
    print(head)
    met = True
    for label, _, _ in NETS:
        for batch in BATCHES:
            ours, plain = med[label, batch, "nnsim"], med[label, batch, "plain"]
            line = f"{label:<20}{batch:>6}{ours:>10.1f}{plain:>10.1f}{ours / plain:>8.2f}"
            if peer is not None:
                floor = med[label, batch, "floor"]
                measured = min(med[label, batch, f"floor+m{form}"] for form in (0, 1))
                target = 1.5 if (label.startswith("2-8-8-1") and batch == 10) else 2.0
                ok = ours / floor <= target
                met &= ok
                flag = "ok" if ok else "MISSED"
                line += f"{floor:>10.1f}{ours / floor:>8.2f}{measured:>8.1f}"
                line += f"{measured / floor:>8.2f}{ours / measured:>6.2f}  ≤{target} {flag}"
            print(line)
    steps, repeats = (5000, 3) if quick else (20000, 5)
    floor = med["2-8-8-1 tanh", 10, "floor"] if peer is not None else None
    print(
        f"\nnnsim run, 2-8-8-1 batch 10: (cost({steps} + 1) − cost(1)) / {steps}, median of ",
        end="",
    )
    print(f"{repeats}; metrics.csv and the coach's checks included")
    print(f"{'':<30}{'wall µs':>9}{'CPU µs':>9}{'CPU ×floor':>12}  target")
    for label, every in (("no evaluation", 10**9), ("evaluation every 10 steps", 10)):
        wall, cpu = run_per_step_us(every, steps, repeats)
        line = f"  {label:<28}{wall:>9.1f}{cpu:>9.1f}"
        if floor is not None:
            line += f"{cpu / floor:>12.2f}"
            if every != 10:  # the target is the step and its row; evaluations come on top
                ok = cpu / floor <= 2.0
                met &= ok
                line += f"  ≤2.0 {'ok' if ok else 'MISSED'}"
        print(line)
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
