"""What the optimizer panel's Optimizer, Schedule and Regularisation sections are made of.

A :class:`TrainingSection` shows part of the experiment's training settings in a compact
form and reports each edit as the fields of the training spec it changes; the panel
validates and keeps them. The Optimizer and Schedule sections show the hyper-parameters
the engine declares as :class:`ParamRows`, built once, of which only the current
optimizer's (schedule's) are shown.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping
from typing import Any, cast

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QLayout, QWidget

from nnsim.engine.hyperparameters import HyperParameter, Interval
from nnsim.ui.controls.fields import MessageLabel, NumberEdit, Section

__all__ = ["ParamRows", "TrainingSection", "choice_combo"]


class TrainingSection(Section):
    """A folding section around a form, with ``message`` (its red line) somewhere in it.

    Signals
    -------
    edited(dict)
        The training spec's fields to replace, e.g. ``{"schedule": ScheduleSpec(...)}``
        (a rebuild).
    refused(str)
        An entry refused what was typed (it shows its previous value again).
    """

    edited = Signal(object)
    refused = Signal(str)

    def __init__(self, title: str, object_name: str, message: MessageLabel) -> None:
        super().__init__(title, object_name)
        self.message = message
        self.form = QFormLayout(self.body)
        self.form.setContentsMargins(2, 2, 2, 2)
        self.form.setVerticalSpacing(3)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)

    def add_row(self, label: str, field: QWidget | QLayout, tip: str) -> None:
        """A form row whose label has the tooltip ``tip``."""
        self.form.addRow(label, field)
        self.form.labelForField(field).setToolTip(tip)


def choice_combo(
    parent: QWidget,
    object_name: str,
    titles: Mapping[Any, str],
    tips: Mapping[Any, str] | None = None,
    names: Iterable[Any] | None = None,
) -> QComboBox:
    """A combo box of ``names`` (the items' data; default: the keys of ``titles``), each
    shown as its title (or itself) with its tip, if any, as the item's tooltip."""
    combo = QComboBox(parent)
    combo.setObjectName(object_name)
    for name in titles if names is None else names:
        combo.addItem(titles.get(name, name), name)
        if tips and tips.get(name):
            combo.setItemData(combo.count() - 1, tips[name], Qt.ItemDataRole.ToolTipRole)
    return combo


class ParamRows:
    """One row of ``section``'s form per hyper-parameter, objectName ``<prefix>_<name>``
    (a pair, Adam's ``betas``, is two rows named after its parts: ``hp_beta1``, ``hp_beta2``).

    The rows come from the engine's declarations (:mod:`nnsim.engine.hyperparameters`):
    label, kind, bounds and tooltip. They are built once for every hyper-parameter any
    optimizer (schedule) declares; :meth:`show` shows the current one's, in its order and
    with its tooltips. A committed value calls ``edited(name, value)``; a refused entry
    emits the section's :attr:`~TrainingSection.refused`.
    """

    def __init__(
        self,
        section: TrainingSection,
        declared: Iterable[HyperParameter],
        prefix: str,
        edited: Callable[[str, Any], None],
        optional: Collection[str] = (),
    ) -> None:
        self.form = section.form
        self.widgets: dict[str, QCheckBox | NumberEdit] = {}
        self._first_row = self.form.rowCount()
        for param in declared:
            for key, label, tip in _rows_of(param):
                if key in self.widgets:
                    continue
                widget = _param_widget(param, key, prefix, key in optional, section.body)
                section.add_row(label, widget, tip)
                self.widgets[key] = widget
                if isinstance(widget, QCheckBox):
                    widget.toggled.connect(lambda on, key=key: edited(key, on))
                else:
                    widget.valueEdited.connect(lambda v, key=key: edited(key, v))
                    widget.refused.connect(section.refused)

    def show(self, values: Mapping[str, Any], declared: Iterable[HyperParameter]) -> None:
        """Show the rows of the ``declared`` hyper-parameters, in that order and with their
        tooltips and ``values``, and hide the others (only from the panel's ``_show``)."""
        shown = [row for param in declared for row in _rows_of(param) if row[0] in self.widgets]
        for position, (key, _, tip) in enumerate(shown):
            widget = self.widgets[key]
            label = self.form.labelForField(widget)
            row, _ = cast(tuple[int, object], self.form.getWidgetPosition(widget))  # stub: object
            if row != self._first_row + position:
                self.form.takeRow(widget)
                self.form.insertRow(self._first_row + position, label, widget)
            widget.setToolTip(tip)
            label.setToolTip(tip)
            _write(widget, values.get(key))
        keys = {key for key, _, _ in shown}
        for key, widget in self.widgets.items():
            self.form.setRowVisible(widget, key in keys)


def _rows_of(param: HyperParameter) -> list[tuple[str, str, str]]:
    """(key, label, tooltip) of each row ``param`` takes: one, or one per part of a pair."""
    if param.kind == "pair":
        allowed = param.allowed().removeprefix("pair in ")
        return [
            (key, label, f"{label}: {tip} Allowed: {allowed}.") for key, label, tip in param.parts
        ]
    return [(param.name, param.shown_label, param.tooltip())]


def _param_widget(
    param: HyperParameter, key: str, prefix: str, optional: bool, parent: QWidget
) -> QCheckBox | NumberEdit:
    widget: QCheckBox | NumberEdit
    if param.kind == "bool":
        widget = QCheckBox(parent)
    else:
        widget = NumberEdit(
            key,
            param.interval or Interval(),
            integer=param.kind == "int",
            optional=optional,
            parent=parent,
        )
        if optional:
            widget.setPlaceholderText("= learning rate")
    widget.setObjectName(f"{prefix}_{key}")
    return widget


def _write(widget: QCheckBox | NumberEdit, value: Any) -> None:
    if isinstance(widget, QCheckBox):
        widget.setChecked(bool(value))
    else:
        widget.set_value(value)
