"""Every threshold of the diagnoses, named, with why it has the value it has.

The rules in :mod:`.rules` read these and nothing else; a healthy default run (circle,
4-2 tanh, SGD 0.03, batch 10) stays clear of every one of them with room to spare (its
largest update-to-weight ratio is about 1e-2, its first-to-last gradient ratio about 10).
"""

from __future__ import annotations

CHECK_EVERY = 100
"""Steps between two checks: a problem is named within a fraction of a second of Play at
thousands of steps per second. A check (a few reads of the history and one forward pass of
at most :data:`ACTIVATION_SAMPLES` points) cost ~0.55 ms on 2-8-8-1 (AMD EPYC, 2026-12),
a tenth of the 100 steps between; the forward's tanh is most of it."""

SYMPTOMS_EVERY = 500
"""Steps between two looks at the loss's trend (oscillating, too slow, plateau): their
windows are 500 to 2000 steps long, so looking more often would only say the same later
(and cost a check twice as much)."""

ACTIVATION_SAMPLES = 512
"""Training points (evenly strided) whose hidden activations are looked at: enough to see a
unit that is off for *every* sample, cheap enough to do at every check."""

# -- oscillating -------------------------------------------------------------------------------
OSCILLATION_WINDOW = 500
"""Steps of training loss looked at: 50 evaluations at the default eval_every = 10."""
OSCILLATION_RATIO = 3e-2
"""Update-to-weight ratio (largest layer, median over the window) above which steps are
"large": 30× the 1e-3 rule of thumb; the healthy default peaks near 1e-2."""
OSCILLATION_SPREAD = 0.2
"""The loss swings by at least this share of its mean over the window (max − min)."""
OSCILLATION_TURNS = 6
"""At least this many changes of direction of the loss in the window: up and down, not a bump."""
NO_TREND = 0.05
"""No downward trend: the fitted line falls by less than 5 % of the mean over the window."""

# -- too slow and plateau ----------------------------------------------------------------------
SLOW_RATIO = 1e-5
"""Every layer's update-to-weight ratio below this: each step moves the weights by less than
1/100 000 of their size, 100× under the 1e-3 rule of thumb (the issue's ~1e-5)."""
SLOW_WINDOW = 1000
"""The loss is compared over this many steps ("per 1,000 steps")."""
SLOW_FALL = 0.01
"""Falling by less than 1 % of itself per :data:`SLOW_WINDOW` steps is not learning."""
PLATEAU_WINDOW = 2000
"""A plateau is flat for long: twice the too-slow window."""
PLATEAU_FALL = 0.01
"""Flat: the loss changes by less than 1 % of itself over the window."""
PLATEAU_UNFINISHED = 0.2
"""Only a loss still above 20 % of the first evaluated one is stuck: a run that has fallen
by 5× and then levels off has converged, which is no plateau."""

# -- activations -------------------------------------------------------------------------------
DEAD_FRACTION = 0.5
"""A ReLU layer is reported when at least half its units are dead (one dead unit of eight
happens in healthy He-initialised nets; half the layer is a loss of capacity one sees)."""
SATURATION_Z = 4.0
"""|z| > 4: tanh′ = 1 − tanh²(4) ≈ 0.0013 and σ′(4) ≈ 0.018, the gradient through it is gone."""
SATURATED_SAMPLES = 0.9
"""A unit is saturated when it is beyond :data:`SATURATION_Z` on at least 90 % of the samples."""
SATURATED_FRACTION = 0.5
"""A layer is reported when at least half its sigmoid/tanh units are saturated."""
SYMMETRY_TOLERANCE = 1e-9
"""Units are identical when their weights and biases differ by at most this (relative to
their size): exact copies (zeros init) differ by 0; random ones by far more."""

# -- gradients ---------------------------------------------------------------------------------
GRADIENT_WINDOW = 200
"""Steps whose per-layer gradient norms are taken (median): one batch's norm is noisy."""
VANISHING_RATIO = 1e-3
"""The first layer's gradient norm below 1e-3 × the last's: it learns 1000× slower."""
EXPLODING_RATIO = 1e3
"""The first layer's gradient norm above 1e3 × the last's."""
EXPLODING_GROWTH = 1e3
"""The total gradient norm grows by three orders of magnitude within :data:`EXPLODING_WINDOW`."""
EXPLODING_WINDOW = 500
"""Steps over which that growth is looked for."""
EXPLODING_BASELINE = 20
"""Rows at the start of the window whose median is the norm the growth is measured from."""

# -- overfitting -------------------------------------------------------------------------------
OVERFIT_WINDOW = 1000
"""Steps of evaluations looked at: a sustained rise, not one noisy evaluation."""
OVERFIT_BLOCKS = 4
"""The window is cut in 4 blocks; the test loss's block means must rise block after block."""
OVERFIT_RISE = 0.1
"""… by at least 10 % in all (the healthy default's test loss wobbles by about 5 %)."""
