"""What every control panel shares: an experiment copy, checked edits, refusals with a message."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal, SignalInstance
from PySide6.QtWidgets import QWidget

from nnsim.training.experiment import Experiment
from nnsim.ui.controls.fields import MessageLabel

__all__ = ["ExperimentPanel", "checked_experiment"]


def checked_experiment(experiment: Experiment) -> Experiment:
    """``experiment`` validated and normalised, or :class:`ExperimentError` listing problems."""
    return Experiment.from_dict(experiment.to_dict())


class ExperimentPanel(QWidget):
    """Base of the control panels: a view of an :class:`Experiment` that edits copies of it.

    The panel keeps its own experiment (:meth:`experiment`). :meth:`set_experiment` shows
    one without emitting anything. An edit builds a new experiment, validates it and either
    keeps it and emits :attr:`experimentEdited`, or refuses it: the widgets show the previous
    values again and the reason is shown in a red line and emitted as :attr:`messageRaised`.

    Binding, both ways: subclasses connect every control's *value* signal
    (``currentIndexChanged``, ``valueChanged``, ``toggled``, a :class:`NumberEdit`'s
    ``valueEdited``) through :meth:`_bind`, so a programmatic change (``setCurrentIndex``,
    ``setValue``, ``setChecked``, ``setText`` + ``editingFinished``) edits the experiment
    exactly as the learner's does. While the panel writes the experiment into its widgets
    (:meth:`_show`, the one place that calls :meth:`_show_experiment`) the bound slots are
    not called: showing an experiment never echoes back as an edit.

    Signals
    -------
    experimentEdited(object)
        A new, valid :class:`Experiment` the network must be rebuilt from.
    messageRaised(str)
        Why an edit was refused, in words (also shown inside the panel).
    """

    experimentEdited = Signal(object)
    messageRaised = Signal(str)

    def __init__(self, experiment: Experiment | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self._experiment = experiment if experiment is not None else Experiment.default()
        self._message_labels: list[MessageLabel] = []
        self._showing = 0  # > 0 while the panel writes the experiment into its widgets

    # -- public API --

    def experiment(self) -> Experiment:
        """The experiment as this panel last showed or edited it."""
        return self._experiment

    def set_experiment(self, experiment: Experiment) -> None:
        """Show ``experiment`` in the widgets; emits nothing and clears old messages."""
        self._experiment = experiment
        self._clear_messages()
        self._show()

    def message(self) -> str:
        """The refusal message currently shown ('' if none)."""
        return next((label.text() for label in self._message_labels if label.text()), "")

    # -- for subclasses --

    def _show_experiment(self) -> None:
        """Write ``self._experiment`` into every widget (called by :meth:`_show` only)."""
        raise NotImplementedError

    def _show(self) -> None:
        """Show ``self._experiment`` in the widgets; bound slots are not called meanwhile."""
        self._showing += 1
        try:
            self._show_experiment()
        finally:
            self._showing -= 1

    def _guarded(self, slot: Callable[..., Any]) -> Callable[..., None]:
        """``slot``, except while the panel shows its experiment (no echo)."""

        def call(*args: Any) -> None:
            if not self._showing:
                slot(*args)

        return call

    def _bind(self, signal: SignalInstance, slot: Callable[..., Any]) -> None:
        """Connect a control's value signal to ``slot``, which edits the experiment."""
        signal.connect(self._guarded(slot))

    def _message_label(self, object_name: str) -> MessageLabel:
        label = MessageLabel(object_name, self)
        self._message_labels.append(label)
        return label

    def _clear_messages(self) -> None:
        for label in self._message_labels:
            label.clear_message()

    def _try(self, candidate: Experiment, where: MessageLabel) -> Experiment | None:
        """Validate ``candidate``: the checked experiment, or None after refusing it."""
        try:
            return checked_experiment(candidate)
        except ValueError as err:
            self._refuse(str(err), where)
            return None

    def _accept(self, experiment: Experiment) -> None:
        """Keep ``experiment`` as the panel's own and show it (messages cleared)."""
        self._experiment = experiment
        self._clear_messages()
        self._show()

    def _commit(self, candidate: Experiment, where: MessageLabel) -> bool:
        """Validate, keep and emit ``candidate`` as a rebuild; False if it was refused."""
        checked = self._try(candidate, where)
        if checked is None:
            return False
        if checked == self._experiment:
            self._show()
            return True
        self._accept(checked)
        self.experimentEdited.emit(checked)
        return True

    def _refuse(self, message: str, where: MessageLabel) -> None:
        """Put the previous values back and tell why the edit was not applied."""
        self._show()
        text = f"Not applied: {message}" if "\n" not in message else f"Not applied:\n{message}"
        self._clear_messages()
        where.show_message(text)
        self.messageRaised.emit(text)
