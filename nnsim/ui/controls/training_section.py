"""What the optimizer panel's Optimizer, Schedule and Regularisation sections are made of.

A :class:`TrainingSection` shows part of the experiment's training settings in a compact
form and reports each edit as the fields of the training spec it changes; the panel
validates and keeps them. The Optimizer and Schedule sections list their parameters as
:class:`Param` rows (:class:`ParamRows`), built once, of which only the current
optimizer's (schedule's) are shown.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QLayout, QWidget

from nnsim.ui.controls.fields import MessageLabel, NumberEdit, Section

__all__ = ["Param", "ParamRows", "TrainingSection", "choice_combo"]


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
            combo.setItemData(combo.count() - 1, tips[name], Qt.ToolTipRole)
    return combo


@dataclass(frozen=True)
class Param:
    """A hyper-parameter widget: its key, label, kind and bounds, and what it means."""

    key: str
    label: str
    kind: str  # "float", "int" or "bool"
    tip: str
    low: float | None = None
    high: float | None = None
    low_open: bool = False
    high_open: bool = False
    optional: bool = False


class ParamRows:
    """One row of ``section``'s form per parameter, objectName ``<prefix>_<key>``.

    A committed value calls ``edited(key, value)``; a refused entry emits the section's
    :attr:`~TrainingSection.refused`.
    """

    def __init__(
        self,
        section: TrainingSection,
        params: Iterable[Param],
        prefix: str,
        edited: Callable[[str, Any], None],
    ) -> None:
        self.form = section.form
        self.widgets: dict[str, QWidget] = {}
        for param in params:
            widget = _param_widget(param, prefix, section.body)
            section.add_row(param.label, widget, param.tip)
            self.widgets[param.key] = widget
            if isinstance(widget, QCheckBox):
                widget.toggled.connect(lambda on, key=param.key: edited(key, on))
            else:
                widget.valueEdited.connect(lambda v, key=param.key: edited(key, v))
                widget.refused.connect(section.refused)

    def show(self, values: Mapping[str, Any], keys: Collection[str]) -> None:
        """Show the rows of ``keys`` with their ``values`` and hide the others (only
        from the panel's ``_show``)."""
        for key, widget in self.widgets.items():
            self.form.setRowVisible(widget, key in keys)
            if key in keys:
                _write(widget, values.get(key))


def _param_widget(param: Param, prefix: str, parent: QWidget) -> QWidget:
    if param.kind == "bool":
        widget: QWidget = QCheckBox(parent)
    else:
        widget = NumberEdit(
            param.key, low=param.low, high=param.high, low_open=param.low_open,
            high_open=param.high_open, integer=param.kind == "int",
            optional=param.optional, parent=parent,
        )  # fmt: skip
        if param.optional:
            widget.setPlaceholderText("= learning rate")
    widget.setObjectName(f"{prefix}_{param.key}")
    widget.setToolTip(param.tip)
    return widget


def _write(widget: QWidget, value: Any) -> None:
    if isinstance(widget, QCheckBox):
        widget.setChecked(bool(value))
    else:
        widget.set_value(value)
