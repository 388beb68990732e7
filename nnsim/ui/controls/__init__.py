"""The control panels of the main window: Data, Architecture, Learning rate & optimizer.

Each panel is a ``QWidget`` bound both ways to an
:class:`~nnsim.training.experiment_model.ExperimentModel` (the window's, ``Panel(model=m)``,
or one of its own, ``Panel(experiment)``):

- a change of the model, whoever made it, is shown in the panel (the fields it shows, see
  ``SHOWS``) and emits nothing: the echo of an edit never comes back as another edit;
- ``panel.experiment()`` is the model's experiment; ``panel.set_experiment(exp)`` writes it;
- a change of any control, by the learner or by code (``setCurrentIndex``, ``setValue``,
  ``setChecked``, ``setText`` + ``editingFinished``), is an edit written to the model, which
  checks it: taken, or refused (the widgets show the previous value again, the reason is
  shown in a red line in the panel and emitted as ``messageRaised(str)``).

Signals say what this panel's edit was: every panel has ``experimentEdited(object)`` and
``messageRaised(str)``; :class:`DataPanel` adds ``importCsvRequested()``;
:class:`OptimizerPanel` emits the live ``learningRateChanged(float)`` and
``hyperparameterChanged(str, object)`` (PyTorch names, ``betas`` as a tuple) instead of
``experimentEdited`` for a rate or a hyper-parameter. The window does not relay them: it
listens to the model.

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
