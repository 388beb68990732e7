"""The window's one :class:`~nnsim.training.experiment.Experiment`, evented. No Qt.

:class:`ExperimentModel` holds the current experiment. Every write goes through it and is
checked on the way in (:meth:`~ExperimentModel.replace`, :meth:`~ExperimentModel.update`,
:meth:`~ExperimentModel.set_optimizer_param`): a bad value raises
:class:`~nnsim.training.experiment.ExperimentError` saying why, and the previous experiment
stays. A write that changes something calls every subscriber with an
:class:`ExperimentChange` naming the fields that changed (``"data.noise"``,
``"training.optimizer.params.lr"``, ``"network.hidden_layers"``), the old and the new
experiment; a write that changes nothing calls nobody. Panels subscribe to show what they
hold and write their edits back; the window subscribes to tell the training process::

    model = ExperimentModel()
    unsubscribe = model.subscribe(lambda change: print(sorted(change.fields)))
    model.update("data", noise=0.2)          # prints ['data.noise']
    model.set_optimizer_param("lr", 0.1)     # prints ['training.optimizer.params.lr']
    unsubscribe()
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from nnsim.engine.schedules import make_schedule
from nnsim.training.experiment import Experiment, ExperimentError, with_optimizer_param

__all__ = ["ExperimentChange", "ExperimentModel", "changed_fields"]

_OPTIMIZER_PARAMS = "training.optimizer.params."


@dataclass(frozen=True)
class ExperimentChange:
    """What one write to an :class:`ExperimentModel` changed.

    Attributes
    ----------
    old, new : Experiment
        The experiment before and after.
    fields : frozenset of str
        Dotted paths of the leaf values that differ (see :func:`changed_fields`).
    origin : object
        Whatever the writer passed as ``origin`` (None by default), so a listener can tell
        e.g. a whole new experiment from an edit.
    """

    old: Experiment
    new: Experiment
    fields: frozenset[str]
    origin: object = None

    def touches(self, *prefixes: str) -> bool:
        """Whether a changed field is one of ``prefixes`` or lies under one (``"data"``
        covers ``"data.noise"``; ``""`` covers everything)."""
        return any(
            not prefix or field == prefix or field.startswith(prefix + ".")
            for field in self.fields
            for prefix in prefixes
        )

    def optimizer_values(self) -> dict[str, Any] | None:
        """The optimizer's hyper-parameters this change set, by PyTorch name, if it changed
        nothing else (the same optimizer goes on live); None otherwise."""
        if not self.fields or not all(f.startswith(_OPTIMIZER_PARAMS) for f in self.fields):
            return None
        params = self.new.training.optimizer.params
        names = sorted(f.removeprefix(_OPTIMIZER_PARAMS) for f in self.fields)
        if any(name not in params for name in names):
            return None  # a hyper-parameter went back to its default: not a live value
        return {name: params[name] for name in names}


def changed_fields(old: Any, new: Any, path: str = "") -> frozenset[str]:
    """Dotted paths of the values that differ between two experiments (or sections).

    Dataclasses and mappings are compared member by member; anything else (numbers,
    names, tuples such as ``hidden_layers`` or ``points``) is one value. A key present on
    one side only counts as changed.
    """
    if old is new:
        return frozenset()
    if dataclasses.is_dataclass(old) and type(old) is type(new) and not isinstance(old, type):
        names = [f.name for f in dataclasses.fields(old)]
        pairs = [(name, getattr(old, name), getattr(new, name)) for name in names]
    elif isinstance(old, Mapping) and isinstance(new, Mapping):
        keys = sorted({*old, *new}, key=str)
        missing = object()
        pairs = [(str(k), old.get(k, missing), new.get(k, missing)) for k in keys]
    else:
        return frozenset() if old == new else frozenset([path])
    found: set[str] = set()
    for name, a, b in pairs:
        found |= changed_fields(a, b, f"{path}.{name}" if path else name)
    return frozenset(found)


Subscriber = Callable[[ExperimentChange], None]


class ExperimentModel:
    """The current experiment, checked on the way in, with a change event per write.

    Parameters
    ----------
    experiment : Experiment, optional
        The first experiment (default: :meth:`Experiment.default`), checked.
    """

    def __init__(self, experiment: Experiment | None = None) -> None:
        self._experiment = _checked(experiment if experiment is not None else Experiment())
        self._subscribers: list[Subscriber] = []

    @property
    def experiment(self) -> Experiment:
        """The current experiment (immutable: change it through the model)."""
        return self._experiment

    def subscribe(self, callback: Subscriber) -> Callable[[], None]:
        """Call ``callback(change)`` after every write that changes something, in the order
        of subscription. Returns the function that ends the subscription."""
        self._subscribers.append(callback)

        def unsubscribe() -> None:
            if callback in self._subscribers:
                self._subscribers.remove(callback)

        return unsubscribe

    def replace(self, experiment: Experiment, *, origin: object = None) -> ExperimentChange | None:
        """Make ``experiment`` (checked as a file would be) the current one.

        Returns the change announced to the subscribers, or None if nothing changed.

        Raises
        ------
        ExperimentError
            Every problem of ``experiment``; the current experiment is kept.
        """
        if experiment == self._experiment:
            return None
        return self._take(_checked(experiment), origin)

    def update(
        self, section: str = "", /, *, origin: object = None, **values: Any
    ) -> ExperimentChange | None:
        """:meth:`replace` with the fields ``values`` of one section set, the section named
        by its path: ``update("data", noise=0.2)``, ``update("training", batch_size=20)``,
        ``update("training.schedule", unit="epoch")``, ``update(seed=3)``."""
        return self.replace(_replaced(self._experiment, section, values), origin=origin)

    def set_optimizer_param(
        self, name: str, value: Any, *, origin: object = None
    ) -> ExperimentChange | None:
        """Set one optimizer hyper-parameter (``"lr"``, ``"momentum"``, ``"betas"`` …) under
        its PyTorch name, checked with the optimizer's others (and, for ``lr``, with the
        schedule that starts from it): a value a running optimizer can take as it runs.

        Raises
        ------
        ExperimentError
            If the value does not fit; the current experiment is kept.
        """
        new = with_optimizer_param(self._experiment, name, value)
        if name == "lr":
            schedule = new.training.schedule
            try:
                make_schedule(schedule.name, value, **schedule.params)
            except ValueError as err:
                raise ExperimentError([f"training.schedule: {err}"]) from None
        if new == self._experiment:
            return None
        return self._take(new, origin)

    def _take(self, experiment: Experiment, origin: object) -> ExperimentChange | None:
        old = self._experiment
        fields = changed_fields(old, experiment)
        if not fields:
            return None
        self._experiment = experiment
        change = ExperimentChange(old, experiment, fields, origin)
        for callback in list(self._subscribers):  # one may unsubscribe while called
            callback(change)
        return change


def _checked(experiment: Experiment) -> Experiment:
    """``experiment`` if it is valid and already normal, its normal form if valid."""
    checked = Experiment.from_dict(experiment.to_dict())
    return experiment if checked == experiment else checked


def _replaced(experiment: Experiment, section: str, values: Mapping[str, Any]) -> Experiment:
    """A copy of ``experiment`` with ``values`` set in the section at path ``section``."""
    try:
        return _replaced_in(experiment, section, values)
    except (AttributeError, TypeError) as err:  # no such section or field
        raise ExperimentError([f"{section or 'experiment'}: {err}"]) from None


def _replaced_in(part: Any, section: str, values: Mapping[str, Any]) -> Any:
    if not section:
        return dataclasses.replace(part, **values)
    head, _, rest = section.partition(".")
    return dataclasses.replace(part, **{head: _replaced_in(getattr(part, head), rest, values)})
