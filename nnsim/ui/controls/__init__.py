"""The control panels of the main window: Data, Architecture, Learning rate & optimizer.

Each panel is a ``QWidget`` bound to an :class:`~nnsim.training.experiment.Experiment`:

- ``panel.set_experiment(exp)`` shows ``exp`` and emits nothing (no echo);
- ``panel.experiment()`` is the experiment as the panel last showed or edited it;
- a change of any control, by the learner or by code (``setCurrentIndex``, ``setValue``,
  ``setChecked``, ``setText`` + ``editingFinished``), is an edit: it builds a new
  experiment with :func:`dataclasses.replace`, validates it, and either emits it or
  refuses it (the widgets show the previous value again, the reason is shown in a red
  line in the panel and emitted as ``messageRaised(str)``).

Signals: every panel has ``experimentEdited(object)`` (a new experiment: rebuild the
network, same seed unless the seed changed) and ``messageRaised(str)``.
:class:`DataPanel` adds ``importCsvRequested()``; :class:`OptimizerPanel` adds the live
``learningRateChanged(float)`` and ``hyperparameterChanged(str, object)`` (PyTorch names,
``betas`` as a tuple), which change a running training without a reset — after them the
panel's ``experiment()`` already holds the new value.

The owner (the main window) keeps the one experiment: on any panel signal it takes the new
experiment (``experimentEdited``'s argument, or ``panel.experiment()`` after a live signal)
and passes it to every panel's ``set_experiment``, so no panel edits a stale copy.

Panels never talk to the trainer or the worker.
"""

from nnsim.ui.controls.architecture_panel import ArchitecturePanel
from nnsim.ui.controls.base import ExperimentPanel
from nnsim.ui.controls.data_panel import DataPanel
from nnsim.ui.controls.fields import MessageLabel, NumberEdit, Section
from nnsim.ui.controls.optimizer_panel import OptimizerPanel

__all__ = [
    "ArchitecturePanel",
    "DataPanel",
    "ExperimentPanel",
    "MessageLabel",
    "NumberEdit",
    "OptimizerPanel",
    "Section",
]
