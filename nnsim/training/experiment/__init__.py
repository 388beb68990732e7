"""The experiment: the one source of truth of a training run's configuration.

An :class:`Experiment` is a tree of frozen dataclasses (data, network, loss,
training, view) that the window, the CLI, the lessons and the save file are all
views of. On disk it is a versioned, human-readable JSON file::

    {
      "format": "nnsim.experiment",
      "version": 1,
      "name": "",
      "description": "",
      "seed": 0,
      "data": {"dataset": "circle", "samples": 500, "noise": 0.1, "train_fraction": 0.5,
               "features": ["x1", "x2"]},
      "network": {"hidden_layers": [{"units": 4, "activation": "tanh"},
                                    {"units": 2, "activation": "tanh"}],
                  "output_activation": "auto", "init": "xavier_uniform",
                  "batch_norm": false, "dropout": 0.0},
      "loss": "auto",
      "training": {"batch_size": 10, "optimizer": {"name": "sgd", "lr": 0.03},
                   "schedule": {"name": "constant", "unit": "step"},
                   "regularization": {"kind": "none", "rate": 0.0},
                   "grad_clip": null, "eval_every": 10},
      "view": {"hidden_controls": [], "speed": "max"}
    }

Every key may be left out and then takes the value shown above (so ``{}`` is the
default experiment, :meth:`Experiment.default`). Besides the keys fixed by the
file format, nnsim adds ``name`` and ``description`` (free text), ``data.points``
(the user's own data, for ``"dataset": "custom"``), per-layer ``batch_norm`` and
``dropout`` overrides, ``training.eval_every`` (full train/test evaluation every
N steps), ``view.hidden_controls`` (controls a classroom hides) and ``view.speed`` (the
window's training pace).

Loading (:meth:`Experiment.from_dict`, :func:`load_experiment`) checks every
value and raises one :class:`ExperimentError` listing every problem with its
JSON path and what is allowed::

    training.optimizer.lr: must be > 0, got -1
    data.dataset: must be one of circle, xor, ..., custom, got 'cirle' (did you mean 'circle'?)

Values
------
- ``seed``: integer 0..2³²−1.
- ``data.dataset``: a built-in data set (:data:`nnsim.engine.datasets.DATASETS`) or
  ``"custom"``, which needs ``data.points``, a list of ``[x1, x2, label]`` rows
  (2..100 000, points in [−6, 6]²). Labels follow the CSV import's rule: if any
  label is not an integer they are regression targets in [−1, 1]; otherwise they
  are classes 0..K−1, every class present, 2 ≤ K ≤ 10 (K = 2 is binary).
  ``samples`` and ``noise`` do not apply to custom data.
- ``data.samples`` 2..100 000; ``data.noise`` 0..0.5; ``data.train_fraction``
  0.1..0.9; ``data.features`` a list of 1..9 distinct names from
  :data:`nnsim.engine.features.FEATURES`.
- ``network.hidden_layers``: 0..32 layers of 1..256 units, each with an activation
  from :data:`nnsim.engine.activations.ACTIVATIONS` and optional ``batch_norm``
  (true/false) and ``dropout`` (0 ≤ p < 1) overriding the network's. ``init``
  from :data:`nnsim.engine.initializers.INITIALIZERS`.
- ``loss``: ``auto`` (sigmoid + ``bce`` for binary data, softmax + ``cross_entropy``
  for multi-class, linear + ``mse`` for regression), ``bce`` (binary data only,
  sigmoid output), ``cross_entropy`` (class data, softmax output, one output per
  class), ``mse`` (any data: one output fitted to the label value).
- ``network.output_activation``: ``auto`` (the loss's natural one, above),
  ``softmax`` (cross-entropy only) or any activation (``mse`` only; ``bce`` and
  ``cross_entropy`` accept only their own).
- ``training.batch_size``: integer 1..100 000 or ``"all"`` (full batch).
- ``training.optimizer``: ``name`` from :data:`nnsim.engine.optimizers.OPTIMIZERS`,
  ``lr`` in (0, 100], and any other keyword of that optimizer under PyTorch's
  name (``momentum``, ``betas``, ...), checked by the engine itself.
- ``training.schedule``: ``name`` from :data:`nnsim.engine.schedules.SCHEDULES`,
  ``unit`` ``"step"`` or ``"epoch"``, and that schedule's keywords (``step_size``,
  ``gamma``, ``T_max``, ``warmup_steps``, ...). Its initial rate is the
  optimizer's ``lr``.
- ``training.regularization``: ``kind`` none/l1/l2, ``rate`` 0..10 (ignored for none).
- ``training.grad_clip``: ``null``, ``{"mode": "norm", "max_norm": x}`` or
  ``{"mode": "value", "clip_value": x}`` with x > 0.
- ``training.eval_every``: integer >= 1.
- ``view.hidden_controls``: up to 200 identifiers (``[A-Za-z_][A-Za-z0-9_]*``), no repeats.
- ``view.speed``: how fast the window's Play trains, one of
  :data:`~nnsim.training.experiment.schema.SPEEDS`: ``1, 2, 5, 10, 30, 100, 1000`` steps
  per second or ``"max"`` (the default, flat out). ``nnsim run`` ignores it.

Files: a regular file of at most 16 MB, UTF-8, checked before parsing for nesting and
size (:mod:`.json_text`); integers beyond ±2⁵³ and ``NaN``/``Infinity`` are refused
everywhere; a schedule's learning rate must stay finite, in [0, 100], and start above 0; and
training must fit in the memory nnsim allows (:mod:`.memory`: half the machine's, at most
4 GB).

The dataclasses are immutable: change one with :func:`dataclasses.replace`
(``replace(exp, seed=3)``, ``replace(exp, data=replace(exp.data, noise=0.2))``)
and check the result with :meth:`Experiment.validate`; :meth:`Experiment.with_lr`
is the shortcut for the most-used knob. Files are never unpickled or evaluated.

Modules
-------
- :mod:`.specs`: the section dataclasses and :class:`ExperimentError`;
  :mod:`.experiment`: :class:`Experiment` and :func:`with_optimizer_param`.
- :mod:`.parsing`, :mod:`.training_parsing`: reading parsed JSON into specs, every
  problem reported with its path (using :mod:`nnsim.training.validation`);
  :mod:`.hyperparameters`: optimizer and schedule keywords, judged by the engine.
- :mod:`.tasks`: the task kind of the data and the loss / output activation that fit it.
- :mod:`.schema`: the format's names, choices and bounds; :mod:`.json_text`: JSON
  reading and layout; :mod:`.files`: :func:`load_experiment`, :func:`save_experiment`.
"""

from nnsim.training.experiment.experiment import Experiment, with_optimizer_param
from nnsim.training.experiment.files import load_experiment, save_experiment
from nnsim.training.experiment.schema import FORMAT, LOSSES, VERSION
from nnsim.training.experiment.specs import (
    DataSpec,
    ExperimentError,
    GradClipSpec,
    LayerSpec,
    NetworkSpec,
    OptimizerSpec,
    RegularizationSpec,
    ScheduleSpec,
    TrainingSpec,
    ViewSpec,
)

__all__ = [
    "FORMAT",
    "LOSSES",
    "VERSION",
    "DataSpec",
    "Experiment",
    "ExperimentError",
    "GradClipSpec",
    "LayerSpec",
    "NetworkSpec",
    "OptimizerSpec",
    "RegularizationSpec",
    "ScheduleSpec",
    "TrainingSpec",
    "ViewSpec",
    "load_experiment",
    "save_experiment",
    "with_optimizer_param",
]
