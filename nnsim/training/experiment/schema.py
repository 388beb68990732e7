"""The experiment file's fixed names and bounds: its format and version, the allowed
choices and the limits of the values (described in :mod:`nnsim.training.experiment`)."""

from __future__ import annotations

from typing import Final

from nnsim.engine.activations import ACTIVATIONS

__all__ = [
    "CLIP_KEYS",
    "CLIP_MODES",
    "CUSTOM",
    "DEFAULT_LR",
    "FORMAT",
    "LOSSES",
    "MAX_HIDDEN_LAYERS",
    "MAX_LR",
    "MAX_REGULARIZATION_RATE",
    "MAX_SEED",
    "MAX_UNITS",
    "MIN_SAMPLES",
    "OUTPUT_ACTIVATION_CHOICES",
    "REGULARIZATIONS",
    "SCHEDULE_UNITS",
    "SPEEDS",
    "SPEED_MAX",
    "VERSION",
]

FORMAT: Final = "nnsim.experiment"
VERSION: Final = 1
CUSTOM: Final = "custom"
"""The ``data.dataset`` value for the user's own points (``data.points``)."""
LOSSES: Final = ("auto", "bce", "cross_entropy", "mse")
REGULARIZATIONS: Final = ("none", "l1", "l2")
SCHEDULE_UNITS: Final = ("step", "epoch")
CLIP_MODES: Final = ("norm", "value")
CLIP_KEYS: Final = {"norm": "max_norm", "value": "clip_value"}
"""The JSON key of each clip mode's threshold (PyTorch's keyword name)."""
OUTPUT_ACTIVATION_CHOICES: Final = ("auto", "softmax", *ACTIVATIONS)
SPEED_MAX: Final = "max"
"""``view.speed`` for training flat out (the window's default; ``nnsim run`` always does)."""
SPEEDS: Final[tuple[int | str, ...]] = (1, 2, 5, 10, 30, 100, 1000, SPEED_MAX)
"""The allowed ``view.speed`` values, slowest first: steps per second, or ``"max"``."""

MIN_SAMPLES: Final = 2  # the train/test split needs a point on each side
MAX_HIDDEN_LAYERS: Final = 32
MAX_UNITS: Final = 256
MAX_LR: Final = 100.0
MAX_REGULARIZATION_RATE: Final = 10.0
MAX_SEED: Final = 2**32 - 1
DEFAULT_LR: Final = 0.03
