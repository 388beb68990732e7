"""Engine speed: µs per training step, next to a minimal hand-written NumPy loop.

One step = forward, loss, backward, per-layer weight-gradient norms, SGD update.
The reference is the shortest honest NumPy loop for the same net (separate W, b
arrays per layer, no norms), measured in the same run. Run:

    uv run python tests/benchmarks/bench_engine.py
"""

from __future__ import annotations

import functools
import itertools
import sys
import time

import numpy as np

from nnsim.engine.network import LayerConfig, Network
from nnsim.engine.optimizers import make_optimizer

NETS = [
    ("2-8-8-1 tanh", [8, 8], "tanh"),
    ("2-16-16-16-1 tanh", [16, 16, 16], "tanh"),
    ("2-64-64-1 tanh", [64, 64], "tanh"),
    ("2-8x10-1 sigmoid", [8] * 10, "sigmoid"),
]
BATCHES = [10, 500]
LR = 0.03


def minimal_loop(sizes, activation, x, y, steps):
    """The reference: a plain NumPy training loop, as one would write it by hand."""
    rng = np.random.default_rng(0)
    Ws = [rng.normal(0, 0.5, (o, i)) for i, o in itertools.pairwise(sizes)]
    bs = [np.zeros(o) for o in sizes[1:]]
    act = np.tanh if activation == "tanh" else (lambda z: 1.0 / (1.0 + np.exp(-z)))
    n, L = x.shape[0], len(Ws)
    y = y.reshape(-1, 1)
    for _ in range(steps):
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
    return loss


def engine_loop(net, opt, x, y, steps):
    for _ in range(steps):
        net.forward(x)
        loss = net.loss_value(y)
        net.backward(y)
        net.weight_grad_norms()
        opt.step([net.grad])
    return loss


def best_us_per_step(fn, steps, repeats=7):
    fn(max(steps // 10, 5))  # warm-up
    best = float("inf")
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn(steps)
        best = min(best, (time.perf_counter() - t0) / steps)
    return best * 1e6


def main() -> int:
    rng = np.random.default_rng(1)
    print(f"{'net':<20}{'batch':>6}{'nnsim µs':>11}{'minimal µs':>12}{'ratio':>8}  target")
    worst = {}
    for label, hidden, act in NETS:
        sizes = [2, *hidden, 1]
        for batch in BATCHES:
            x = rng.normal(size=(batch, 2)) * 3
            y = (x[:, 0] * x[:, 1] > 0).astype(np.float64)
            net = Network(
                2,
                [LayerConfig(u, act) for u in hidden],
                1,
                "sigmoid",
                "bce",
                init="xavier_uniform",
                seed=0,
            )
            opt = make_optimizer("sgd", [net.theta], lr=LR)
            steps = 3000 if batch == 10 else 400
            ours = best_us_per_step(functools.partial(engine_loop, net, opt, x, y), steps)
            ref = best_us_per_step(functools.partial(minimal_loop, sizes, act, x, y), steps)
            target = 1.5 if (label.startswith("2-8-8-1") and batch == 10) else 2.0
            ratio = ours / ref
            worst[(label, batch)] = ratio <= target
            flag = "ok" if ratio <= target else "MISSED"
            print(f"{label:<20}{batch:>6}{ours:>11.1f}{ref:>12.1f}{ratio:>8.2f}  ≤{target} {flag}")
    return 0 if all(worst.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
