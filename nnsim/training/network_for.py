"""The network an experiment describes, untrained (the Trainer's, and any view's that
rebuilds one of the same shape)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from nnsim.engine.network import LayerConfig, Network

if TYPE_CHECKING:
    from nnsim.training.experiment import Experiment

__all__ = ["network_for"]


def network_for(experiment: Experiment, n_inputs: int) -> Network:
    """The untrained network an experiment describes."""
    spec = experiment.network
    hidden = [
        LayerConfig(
            layer.units,
            layer.activation,
            spec.batch_norm if layer.batch_norm is None else layer.batch_norm,
            spec.dropout if layer.dropout is None else layer.dropout,
        )
        for layer in spec.hidden_layers
    ]
    return Network(
        n_inputs,
        hidden,
        experiment.num_outputs,
        experiment.resolved_output_activation(),
        experiment.resolved_loss(),
        spec.init,
        experiment.seed,
    )
