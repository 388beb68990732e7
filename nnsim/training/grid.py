"""The network's output over the view's square, for the decision-boundary and neuron views."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from nnsim.engine.features import feature_matrix
from nnsim.engine.network import Network
from nnsim.training.data import GRID_EXTENT, grid_points


class GridPredictor:
    """Evaluates a network on a fixed resolution × resolution grid over [−6, 6]².

    The feature matrix of the grid is computed once; each call is then one
    evaluation-mode forward pass. Row 0 of every image is the top of the view (x2 = +6).
    """

    def __init__(
        self, features: Sequence[str], resolution: int = 100, extent: float = GRID_EXTENT
    ) -> None:
        self.resolution = resolution
        self.extent = extent
        self.features = tuple(features)
        self.points = grid_points(resolution, extent)
        self.inputs = feature_matrix(self.points, self.features)

    def output(self, network: Network) -> np.ndarray:
        """(res, res) image: P(class 1) for binary, the value for regression, the predicted
        class for multi-class."""
        return self.output_and_confidence(network)[0]

    def output_and_confidence(self, network: Network) -> tuple[np.ndarray, np.ndarray | None]:
        """:meth:`output`, and for multi-class the (res, res) probability of the predicted
        class (how sure the network is), on the same grid; None for one output."""
        return self._images(_display_activations(network, self.inputs)[-1])

    def output_from_last(self, stack: np.ndarray) -> tuple[np.ndarray, np.ndarray | None]:
        """:meth:`output_and_confidence` from the last layer's stack as :meth:`neurons`
        returns it."""
        return self._images(stack.reshape(stack.shape[0], -1).T)

    def _images(self, a: np.ndarray) -> tuple[np.ndarray, np.ndarray | None]:
        a = a.astype(np.float64)  # the views take a float64 output (and colour it so)
        shape = (self.resolution, self.resolution)
        if a.shape[1] == 1:
            return a[:, 0].reshape(shape), None
        image = np.argmax(a, axis=1).astype(np.float64).reshape(shape)
        with np.errstate(invalid="ignore"):
            top = np.max(a, axis=1).reshape(shape)
        return image, top

    def neurons(self, network: Network) -> list[np.ndarray]:
        """Per layer k, a (units, res, res) stack: every neuron's output over the grid.

        Index 0 holds the input features themselves, so the diagram can draw them too.
        """
        r = self.resolution
        layers = [self.inputs, *_display_activations(network, self.inputs)]
        return [a.T.reshape(a.shape[1], r, r) for a in layers]


def _display_activations(network: Network, inputs: np.ndarray) -> list[np.ndarray]:
    """Every layer's output over the grid in float32, the views' precision (1e-7 off,
    five times faster than float64); in float64 where float32 overflows."""
    with np.errstate(all="ignore"):
        layers = network.activations(inputs, np.float32)
        if not all(np.isfinite(a).all() for a in layers):  # beyond float32's range (or nan)
            layers = network.activations(inputs)
    return layers
