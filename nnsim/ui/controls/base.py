"""What every control panel shares: an experiment copy, checked edits, refusals with a message."""

from __future__ import annotations

from PySide6.QtCore import Signal
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

    # -- public API --

    def experiment(self) -> Experiment:
        """The experiment as this panel last showed or edited it."""
        return self._experiment

    def set_experiment(self, experiment: Experiment) -> None:
        """Show ``experiment`` in the widgets; emits nothing and clears old messages."""
        self._experiment = experiment
        self._clear_messages()
        self._show_experiment()

    def message(self) -> str:
        """The refusal message currently shown ('' if none)."""
        return next((label.text() for label in self._message_labels if label.text()), "")

    # -- for subclasses --

    def _show_experiment(self) -> None:
        """Write ``self._experiment`` into every widget, signals blocked."""
        raise NotImplementedError

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
        self._show_experiment()

    def _commit(self, candidate: Experiment, where: MessageLabel) -> bool:
        """Validate, keep and emit ``candidate`` as a rebuild; False if it was refused."""
        checked = self._try(candidate, where)
        if checked is None:
            return False
        if checked == self._experiment:
            self._show_experiment()
            return True
        self._accept(checked)
        self.experimentEdited.emit(checked)
        return True

    def _refuse(self, message: str, where: MessageLabel) -> None:
        """Put the previous values back and tell why the edit was not applied."""
        self._show_experiment()
        text = f"Not applied: {message}" if "\n" not in message else f"Not applied:\n{message}"
        self._clear_messages()
        where.show_message(text)
        self.messageRaised.emit(text)
