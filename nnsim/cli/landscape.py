"""``nnsim landscape EXP.json [--steps N] [--directions random|pca] [--grid 41] [--out DIR]``:
train N steps, then write the loss landscape around the final weights
(:mod:`nnsim.training.landscape`) as ``DIR/landscape.npz`` and ``DIR/landscape.png``.

``landscape.npz`` holds ``alpha`` (grid,), ``beta`` (grid,), ``loss`` (grid, grid; row i is
β = ``beta[i]``, column j is α = ``alpha[j]``), ``trajectory`` (m, 2: the (α, β) of the
recorded weights, oldest first, the final weights last at (0, 0)), ``steps`` (m,) and
``explained`` (PCA: each direction's share of the trajectory; NaN for random). Random
directions use the experiment's seed and α, β ∈ [−1, 1]; PCA's range is fitted to the path.
"""

from __future__ import annotations

import argparse
import itertools
import struct
import sys
import zlib
from pathlib import Path

import numpy as np

from nnsim.cli.common import EXIT_DIVERGED, EXIT_OK, UsageError, load_experiment_file, make_folder

DEFAULT_STEPS = 1000
DEFAULT_GRID = 41
PIXELS = 8  # PNG pixels per grid step
# viridis at eleven evenly spaced points (its published table), for the PNG's colours
_VIRIDIS = np.array(
    [
        (68, 1, 84), (72, 36, 117), (65, 68, 135), (53, 95, 141), (42, 120, 142),
        (33, 145, 140), (34, 168, 132), (68, 191, 112), (122, 209, 81), (189, 223, 38),
        (253, 231, 37),
    ],
    dtype=np.float64,
)  # fmt: skip


def make_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="nnsim landscape",
        description="Train an experiment, then write the training loss on a plane through "
        "the final weights (Li et al., 2018: filter-normalised random directions, or the "
        "first two principal components of the weights' trajectory) as landscape.npz and "
        "landscape.png.",
    )
    p.add_argument("experiment", help="the experiment file (.json)")
    p.add_argument("--steps", type=int, default=DEFAULT_STEPS, help="steps to train first")
    p.add_argument("--directions", choices=("random", "pca"), default="random")
    p.add_argument("--grid", type=int, default=DEFAULT_GRID, help="points along each axis (odd)")
    p.add_argument("--out", metavar="DIR", help="output folder (default: ./<experiment>-landscape)")
    return p


def landscape_command(args: argparse.Namespace) -> int:
    from nnsim.training.landscape import LandscapeError, TrajectoryRecorder, plan_grid
    from nnsim.training.trainer import Trainer

    problems = []
    if args.steps < 0:
        problems.append(f"--steps: must be >= 0, got {args.steps}")
    if args.grid < 3 or args.grid % 2 == 0 or args.grid > 401:
        problems.append(
            f"--grid: must be odd, 3 to 401 (the final weights are the centre point), "
            f"got {args.grid}"
        )
    if problems:
        raise UsageError(*problems)
    experiment = load_experiment_file(args.experiment)
    from nnsim.training.experiment.files import experiment_stem

    out = make_folder(Path(args.out or f"{experiment_stem(args.experiment)}-landscape"))
    trainer = Trainer(experiment)
    recorder = TrajectoryRecorder()
    recorder.record(0, trainer.network.theta)
    for _ in range(args.steps):
        result = trainer.step()
        if result.diverged:
            sys.stderr.write(f"nnsim: {result.diverged}\n")
            return EXIT_DIVERGED
        recorder.record(trainer.steps_done, trainer.network.theta)
    pca = args.directions == "pca"
    try:
        grid, coords = plan_grid(
            trainer.network,
            trainer.data,
            recorder.thetas(),
            args.directions,
            seed=experiment.seed,
            fit=pca,
            resolution=args.grid,
        )
    except LandscapeError as err:
        raise UsageError(f"--directions {args.directions}: {err}") from None
    loss = grid.run()
    explained = grid.directions.explained or (np.nan, np.nan)
    np.savez(
        out / "landscape.npz",
        alpha=grid.alphas,
        beta=grid.betas,
        loss=loss,
        trajectory=coords,
        steps=recorder.steps(),
        explained=np.array(explained),
    )
    write_png(out / "landscape.png", grid.alphas, grid.betas, loss, coords)
    sys.stderr.write(
        f"{args.grid}×{args.grid} losses in {grid.seconds:.2f} s after {trainer.steps_done} "
        f"steps; training loss {grid.centre_loss:.4f} at the centre\nresults in {out}\n"
    )
    return EXIT_OK


def colours(values: np.ndarray) -> np.ndarray:
    """(…, 3) uint8 viridis colours of ``values`` in [0, 1]."""
    x = np.clip(values, 0.0, 1.0) * (len(_VIRIDIS) - 1)
    lo = np.minimum(x.astype(np.intp), len(_VIRIDIS) - 2)
    t = (x - lo)[..., None]
    return (_VIRIDIS[lo] * (1 - t) + _VIRIDIS[lo + 1] * t).round().astype(np.uint8)


def write_png(
    path: Path, alphas: np.ndarray, betas: np.ndarray, loss: np.ndarray, coords: np.ndarray
) -> None:
    """The grid as a heatmap of log₁₀ loss (β up), the trajectory in white, the final
    weights as a red cross."""
    with np.errstate(all="ignore"):
        shown = np.log10(np.maximum(loss, 1e-12))
    finite = np.isfinite(shown)
    lo, hi = (float(shown[finite].min()), float(shown[finite].max())) if finite.any() else (0, 1)
    shown = np.where(finite, shown, hi)
    scaled = (shown - lo) / max(hi - lo, 1e-12)
    image = colours(np.repeat(np.repeat(scaled[::-1], PIXELS, 0), PIXELS, 1))
    h, w = image.shape[:2]

    def pixel(a: float, b: float) -> tuple[int, int]:
        col = (a - alphas[0]) / (alphas[-1] - alphas[0]) * (w - 1)
        row = (betas[-1] - b) / (betas[-1] - betas[0]) * (h - 1)
        return int(np.rint(row)), int(np.rint(col))

    for (a0, b0), (a1, b1) in itertools.pairwise(coords):
        for t in np.linspace(0.0, 1.0, 16):
            r, c = pixel(a0 + (a1 - a0) * t, b0 + (b1 - b0) * t)
            if 0 <= r < h and 0 <= c < w:
                image[r, c] = 255
    r, c = pixel(0.0, 0.0)
    image[max(r - 4, 0) : r + 5, c] = image[r, max(c - 4, 0) : c + 5] = (214, 39, 40)
    raw = b"".join(b"\x00" + image[i].tobytes() for i in range(h))

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)
    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9))
    path.write_bytes(png + chunk(b"IEND", b""))
