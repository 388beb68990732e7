"""What every control panel shares: a binding to the experiment model, checked edits, refusals
with a message."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, Signal, SignalInstance
from PySide6.QtWidgets import QWidget

from nnsim.training.experiment import Experiment
from nnsim.training.experiment_model import ExperimentChange, ExperimentModel
from nnsim.ui.controls.fields import MessageLabel
from nnsim.ui.i18n import shown, tr

__all__ = ["ExperimentPanel"]


class ExperimentPanel(QWidget):
    """Base of the control panels: a view of an :class:`ExperimentModel`, both ways.

    The panel shows the model's experiment and listens to it: a change of a field it shows
    (:attr:`SHOWS`) is written into its widgets, whoever made it. An edit in the panel is
    written to the model, which checks it: taken, the panel emits :attr:`experimentEdited`
    (or a live signal); refused, the widgets show the previous values again and the reason
    is shown in a red line and emitted as :attr:`messageRaised`. Any change of the model
    clears the panel's old refusal. Panels of one window share the window's model; a panel
    made without one has its own (``experiment`` is its first experiment).

    Binding, both ways: subclasses connect every control's *value* signal
    (``currentIndexChanged``, ``valueChanged``, ``toggled``, a :class:`NumberEdit`'s
    ``valueEdited``) through :meth:`_bind`, so a programmatic change (``setCurrentIndex``,
    ``setValue``, ``setChecked``, ``setText`` + ``editingFinished``) edits the experiment
    exactly as the learner's does. While the panel writes the experiment into its widgets
    (:meth:`_show`, the one place that calls :meth:`_show_experiment`) the bound slots are
    not called: the model's echo of an edit never comes back as another edit.

    Signals
    -------
    experimentEdited(object)
        This panel's edit was taken: the new :class:`Experiment`.
    messageRaised(str)
        Why an edit was refused, in words (also shown inside the panel).
    """

    experimentEdited = Signal(object)
    messageRaised = Signal(str)

    SHOWS: tuple[str, ...] = ("",)
    """Field paths (and what lies under them) the panel shows; ``""``: all of them."""

    def __init__(
        self,
        experiment: Experiment | None = None,
        parent: QWidget | None = None,
        *,
        model: ExperimentModel | None = None,
    ) -> None:
        super().__init__(parent)
        if model is not None and experiment is not None:
            raise ValueError("give a panel its model or its first experiment, not both")
        self.model = model if model is not None else ExperimentModel(experiment)
        self._message_labels: list[MessageLabel] = []
        self._showing = 0  # > 0 while the panel writes the experiment into its widgets
        self._unsubscribe = self.model.subscribe(self._on_experiment_changed)
        self.destroyed.connect(self._unsubscribe)
        self._built = False
        self._build()
        self._built = True

    def _build(self) -> None:
        """Make the panel's widgets (each panel's own; called once by ``__init__``)."""

    def _set_texts(self) -> None:
        """Set the texts made from values that are never set again (tooltips naming a layer,
        a preset's value): at build, and again after a language switch (each panel's own)."""

    def changeEvent(self, event: QEvent) -> None:
        """A language switch: texts made from values are made again in the new language
        (the fixed ones are converted in place, :mod:`nnsim.ui.retranslate`)."""
        if event.type() == QEvent.Type.LanguageChange and self._built:
            self._set_texts()
            self._show()
        super().changeEvent(event)

    # -- public API --

    def experiment(self) -> Experiment:
        """The experiment the panel shows (its model's)."""
        return self.model.experiment

    def set_experiment(self, experiment: Experiment) -> None:
        """Make ``experiment`` the model's (checked: ExperimentError if invalid) and show it;
        the panel emits nothing and its old messages go."""
        if self.model.replace(experiment) is None:
            self._clear_messages()
            self._show()

    def message(self) -> str:
        """The refusal message currently shown ('' if none)."""
        return next((label.text() for label in self._message_labels if label.text()), "")

    # -- model → widgets --

    def _on_experiment_changed(self, change: ExperimentChange) -> None:
        self._clear_messages()  # a refusal speaks of the state before this change
        if change.touches(*self.SHOWS):
            self._show()

    def _show_experiment(self) -> None:
        """Write the experiment into every widget (called by :meth:`_show` only)."""
        raise NotImplementedError

    def _show(self) -> None:
        """Show the experiment in the widgets; bound slots are not called meanwhile."""
        self._showing += 1
        try:
            self._show_experiment()
        finally:
            self._showing -= 1

    # -- widgets → model --

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

    def _write(
        self, edit: Callable[[], ExperimentChange | None], where: MessageLabel
    ) -> ExperimentChange | None:
        """Run ``edit``, a write to the model: its change, or None if nothing changed (the
        widgets show the experiment again) or it was refused (ValueError, said at ``where``)."""
        try:
            change = edit()
        except ValueError as err:
            self._refuse(shown(err), where)
            return None
        if change is None:
            self._show()
        return change

    def _edit(self, where: MessageLabel, section: str = "", **values: Any) -> None:
        """Set ``values`` in the experiment's ``section`` (see :meth:`ExperimentModel.update`)
        and emit :attr:`experimentEdited` if that changed it."""
        change = self._write(lambda: self.model.update(section, **values), where)
        if change is not None:
            self.experimentEdited.emit(change.new)

    def _refuse(self, message: str, where: MessageLabel) -> None:
        """Put the previous values back and tell why the edit was not applied."""
        self._show()
        template = (
            tr("Not applied: {message}") if "\n" not in message else tr("Not applied:\n{message}")
        )
        text = template.format(message=message)
        self._clear_messages()
        where.show_message(text)
        self.messageRaised.emit(text)
