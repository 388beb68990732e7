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

from nnsim.engine.hyperparameters import REQUIRED, HyperParameter, Interval
from nnsim.ui.controls.fields import MessageLabel, NumberEdit, Section
from nnsim.ui.i18n import tr

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
        """``title``: English, marked with ``QT_TR_NOOP`` (see :class:`Section`)."""
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

    def set_texts(self) -> None:
        """Make the texts built from values again, in the window's language (a section's
        own; called at build and after a language switch)."""


def choice_combo(
    parent: QWidget,
    object_name: str,
    titles: Mapping[Any, str],
    tips: Mapping[Any, str] | None = None,
    names: Iterable[Any] | None = None,
) -> QComboBox:
    """A combo box of ``names`` (the items' data; default: the keys of ``titles``), each
    shown as its title (or itself) translated, with its tip, if any, as the item's tooltip."""
    combo = QComboBox(parent)
    combo.setObjectName(object_name)
    for name in titles if names is None else names:
        combo.addItem("", name)
    set_choice_texts(combo, titles, tips)
    return combo


def set_choice_texts(
    combo: QComboBox, titles: Mapping[Any, str], tips: Mapping[Any, str] | None = None
) -> None:
    """Write the items' titles and tips (English, marked) in the window's language."""
    for i in range(combo.count()):
        name = combo.itemData(i)
        combo.setItemText(i, tr(titles.get(name, name)))
        if tips and tips.get(name):
            combo.setItemData(i, tips[name], Qt.ItemDataRole.ToolTipRole)


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
                section.add_row(tr(label), widget, tip)
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
    """(key, label, tooltip) of each row ``param`` takes: one, or one per part of a pair.
    The label is English (shown translated); the tooltip is in the window's language."""
    if param.kind == "pair":
        allowed = (param.interval or Interval()).symbol()
        return [
            (key, label, _tooltip(label, tr(tip), allowed, None)) for key, label, tip in param.parts
        ]
    return [
        (param.name, param.shown_label, _tooltip(param.symbol, tr(param.help), *_allowed(param)))
    ]


def _allowed(param: HyperParameter) -> tuple[str, str | None]:
    """What ``param`` may be and its default (None: none shown), in the window's language
    (the engine's :meth:`HyperParameter.tooltip`, translated)."""
    if param.kind == "bool":
        allowed = tr("True or False")  # a check box: ticked or not
    elif param.kind == "choice":
        allowed = tr(" or ").join(map(repr, param.choices))
    else:
        span = (param.interval or Interval()).symbol()
        allowed = tr("integer in {interval}").format(interval=span) if param.kind == "int" else span
    if param.default is REQUIRED or param.default is None:
        return allowed, None
    if isinstance(param.default, bool):
        return allowed, tr("True") if param.default else tr("False")
    return allowed, repr(param.default) if isinstance(param.default, str) else str(param.default)


def _tooltip(symbol: str, meaning: str, allowed: str, default: str | None) -> str:
    head = tr("{symbol}: {meaning}").format(symbol=symbol, meaning=meaning) if symbol else meaning
    tail = (
        tr("Allowed: {allowed}.").format(allowed=allowed)
        if default is None
        else tr("Allowed: {allowed}; default {default}.").format(allowed=allowed, default=default)
    )
    return tr("{meaning} {allowed}", "a tooltip's two sentences").format(meaning=head, allowed=tail)


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
            widget.setPlaceholderText(tr("= learning rate"))
    widget.setObjectName(f"{prefix}_{key}")
    return widget


def _write(widget: QCheckBox | NumberEdit, value: Any) -> None:
    if isinstance(widget, QCheckBox):
        widget.setChecked(bool(value))
    else:
        widget.set_value(value)
