"""The loss landscape window's texts made from a grid: its axes' labels and the sentence that
says what a finished grid shows (in the language installed when they are made)."""

from __future__ import annotations

import numpy as np

from nnsim.training.landscape import Directions, LandscapeGrid
from nnsim.ui.i18n import tr

__all__ = ["axis_labels", "summary"]


def axis_labels(directions: Directions, seed: int) -> tuple[str, str]:
    """The plane's axes: α's and β's directions (the random ones' seed, the share of the
    trajectory's spread a principal component holds)."""
    if directions.explained is None:
        return (
            tr("α · d₁ (random, seed {seed})").format(seed=seed),
            tr("β · d₂ (random, seed {seed})").format(seed=seed),
        )
    e1, e2 = directions.explained
    return (
        tr("α · PC 1 ({share:.0%} of the trajectory)").format(share=e1),
        tr("β · PC 2 ({share:.0%})").format(share=e2),
    )


def summary(grid: LandscapeGrid, coords: np.ndarray, step: int) -> str:
    """What a finished ``grid`` of the weights at ``step`` shows, with the trajectory's
    ``coords`` on it, in a sentence or two."""
    n = len(grid.alphas)
    text = tr(
        "Step {step}: {n}×{n} losses in {seconds:.2f} s. Loss at the current weights (★, the "
        "training loss): {centre:.4g}; from {low:.4g} to {high:.4g} on the plane."
    ).format(
        step=step, n=n, seconds=grid.seconds, centre=grid.centre_loss,
        low=np.nanmin(grid.loss), high=np.nanmax(grid.loss),
    )  # fmt: skip
    explained = grid.directions.explained
    if explained is not None:
        text += tr(
            " PC 1 and PC 2 hold {first:.0%} and {second:.0%} of the trajectory's {points} "
            "points' spread."
        ).format(first=explained[0], second=explained[1], points=len(coords))
    elif len(coords) > 1:
        text += tr(
            " The trajectory is its least-squares projection onto the plane: random "
            "directions are nearly orthogonal to it, PCA directions show it whole."
        )
    return text
