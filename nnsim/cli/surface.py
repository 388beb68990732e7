"""``nnsim surface NAME --optimizer OPT --lr LR [--param KEY=VALUE ...] --start X,Y
--steps N --out path.csv``: one optimizer's path on a 2-D test surface, without a window.

The path is the window's (View ▸ Surfaces): the engine's own optimizer on the vector (x, y)
(:class:`~nnsim.training.surface_race.Racer`). Writes ``step,x,y,loss`` (row 0 = the start);
a path that overflows stops there, its rows kept, with exit code 3 (as ``nnsim run``'s
divergence)."""

from __future__ import annotations

import argparse
import csv
import math
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from nnsim.cli.common import EXIT_OK, UsageError

EXIT_STOPPED = 3
HEADER = ["step", "x", "y", "loss"]


class _Parser(argparse.ArgumentParser):
    """Reads ``--start -1.5,2`` as the value it is: argparse would take ``-1.5,2`` for an
    option (it knows plain negative numbers only), so the pair becomes ``--start=-1.5,2``."""

    def parse_known_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> tuple[argparse.Namespace, list[str]]:
        given = list(sys.argv[1:] if args is None else args)
        joined: list[str] = []
        while given:
            arg = given.pop(0)
            joined.append(f"--start={given.pop(0)}" if arg == "--start" and given else arg)
        return super().parse_known_args(joined, namespace)


def make_parser() -> argparse.ArgumentParser:
    from nnsim.engine.surfaces import SURFACES
    from nnsim.training.surface_race import MAX_STEPS

    p = _Parser(
        prog="nnsim surface",
        description="Run one optimizer on a 2-D test surface and write its path "
        "(step,x,y,loss; row 0 is the start).",
        epilog="example:\n  nnsim surface rosenbrock --optimizer adam --lr 0.05 --start -1.5,2 "
        "--steps 2000 --out adam.csv\n  nnsim surface bowl --condition 20 --angle 30 "
        "--optimizer sgd --lr 0.09 --param momentum=0.5 --start -1.6,1.2 --steps 100 --out b.csv",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("surface", metavar="NAME", help=f"one of {', '.join(SURFACES)}")
    p.add_argument("--optimizer", required=True, metavar="OPT",
                   help="sgd, adagrad, rmsprop, adam or adamw")  # fmt: skip
    p.add_argument("--lr", required=True, type=float, help="the learning rate η")
    p.add_argument(
        "--param",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="an optimizer keyword as PyTorch names it (momentum=0.9, nesterov=true, "
        "betas=[0.9,0.99], …); repeat for more",
    )
    p.add_argument("--start", required=True, metavar="X,Y", help="the start point")
    p.add_argument("--steps", required=True, type=int, help=f"1 to {MAX_STEPS:,} steps")
    p.add_argument("--out", required=True, metavar="path.csv", help="the CSV file to write")
    p.add_argument("--condition", type=float, help="bowl only: condition number C (1–100)")
    p.add_argument("--angle", type=float, help="bowl only: rotation in degrees")
    return p


def _start(text: str) -> tuple[float, float]:
    parts = text.split(",")
    try:
        x, y = (float(p) for p in parts)
    except ValueError:
        raise UsageError(f"--start: give two numbers X,Y (e.g. -1.5,2), got {text!r}") from None
    if not (math.isfinite(x) and math.isfinite(y)):
        raise UsageError(f"--start: the point must be finite, got {text!r}")
    return x, y


def _params(texts: list[str]) -> dict[str, Any]:
    import json

    from nnsim.training.variations import parse_value

    params: dict[str, Any] = {}
    for text in texts:
        key, sep, value = text.partition("=")
        key = key.strip()
        if not sep or not key or not value.strip():
            raise UsageError(f"--param: give KEY=VALUE (e.g. momentum=0.9), got {text!r}")
        if key == "lr":
            raise UsageError("--param: the learning rate is --lr, not --param lr=…")
        if key in params:
            raise UsageError(f"--param: {key} is given twice")
        value = value.strip()
        if value.startswith("["):  # betas=[0.9,0.999]
            try:
                params[key] = tuple(json.loads(value))
            except (ValueError, TypeError):
                raise UsageError(f"--param {key}: {value!r} is not a list of numbers") from None
        else:
            params[key] = parse_value(value)
    return params


def surface_command(args: argparse.Namespace) -> int:
    from nnsim.engine.surfaces import make_surface
    from nnsim.training.surface_race import MAX_STEPS, Racer, RacerSpec

    if not 1 <= args.steps <= MAX_STEPS:
        raise UsageError(f"--steps: give 1 to {MAX_STEPS:,}, got {args.steps}")
    if not math.isfinite(args.lr):
        raise UsageError(f"--lr: must be a finite number, got {args.lr}")
    start = _start(args.start)
    shape = {k: v for k, v in (("condition", args.condition), ("angle", args.angle))
             if v is not None}  # fmt: skip
    try:
        surface = make_surface(args.surface, **shape)
    except ValueError as err:
        raise UsageError(str(err)) from None
    spec = RacerSpec(args.optimizer, {"lr": args.lr, **_params(args.param)})
    try:
        racer = Racer(spec, surface, start)
    except (ValueError, TypeError) as err:
        raise UsageError(f"--optimizer {args.optimizer}: {err}") from None
    for _ in range(args.steps):
        racer.step()
        if racer.stopped is not None:
            break
    out = Path(args.out)
    if out.parent != Path(""):
        out.parent.mkdir(parents=True, exist_ok=True)
    with open(out, "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(HEADER)
        for step, ((x, y), loss) in enumerate(zip(racer.path, racer.losses, strict=True)):
            writer.writerow([step, repr(float(x)), repr(float(y)), repr(float(loss))])
    (x, y), loss = racer.path[-1], racer.losses[-1]
    end = f"{spec.label()} on {surface.title}: {racer.steps_done} steps, at ({x:.6g}, {y:.6g})"
    print(f"{end}, loss {loss:.6g}")
    sys.stderr.write(f"path in {out}\n")
    if racer.stopped is not None:
        sys.stderr.write(f"nnsim: the path stopped: {racer.stopped}\n")
        return EXIT_STOPPED
    return EXIT_OK
