"""Re-translating open windows in place when View ▸ Language changes.

Qt's own way is a ``retranslateUi()`` per widget that sets every text again; nnsim's widgets
are built in code, and writing each text twice (once to build, once to re-translate) is the
kind of duplicate that drifts. Instead every text property is converted where it stands:
a text that is a translated string of the old language becomes the same string in the new
one (:func:`nnsim.ui.i18n.retranslator`), any other text (numbers, a run's name, what the
user typed) is left alone and texts made from values are made again at their next update.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial

import pyqtgraph as pg
from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QGraphicsSimpleTextItem,
    QGraphicsTextItem,
    QGraphicsView,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QTableWidget,
    QTabWidget,
    QTreeWidget,
    QWidget,
)

Convert = Callable[[str], str]
TIP = Qt.ItemDataRole.ToolTipRole


def retranslate_widgets(convert: Convert) -> None:
    """Convert the texts of every top-level window, its children, actions and plots."""
    for window in QApplication.topLevelWidgets():
        for obj in _objects(window):
            _retranslate(obj, convert)


def _objects(window: QWidget) -> Iterator[QObject]:
    yield window
    yield from window.findChildren(QWidget)
    yield from window.findChildren(QAction)


def _retranslate(obj: QObject, convert: Convert) -> None:
    if isinstance(obj, QAction):
        _set(obj.text, obj.setText, convert)
        _set(obj.toolTip, obj.setToolTip, convert)
        _set(obj.statusTip, obj.setStatusTip, convert)
        _set(obj.iconText, obj.setIconText, convert)
        return
    assert isinstance(obj, QWidget)
    _set(obj.windowTitle, obj.setWindowTitle, convert)
    _set(obj.toolTip, obj.setToolTip, convert)
    _set(obj.statusTip, obj.setStatusTip, convert)
    _set(obj.accessibleName, obj.setAccessibleName, convert)
    _set(obj.whatsThis, obj.setWhatsThis, convert)
    if isinstance(obj, QLabel | QAbstractButton):
        _set(obj.text, obj.setText, convert)
    elif isinstance(obj, QLineEdit):
        _set(obj.placeholderText, obj.setPlaceholderText, convert)
    elif isinstance(obj, QGroupBox | QMenu):
        _set(obj.title, obj.setTitle, convert)
    elif isinstance(obj, QComboBox):  # the items' data, not their text, are the values
        combo = obj
        _each(combo.count(), combo.itemText, combo.setItemText, convert)
        _each(
            combo.count(),
            lambda i: str(combo.itemData(i, TIP) or ""),
            lambda i, t: combo.setItemData(i, t, TIP),
            convert,
        )
    elif isinstance(obj, QTabWidget):
        _each(obj.count(), obj.tabText, obj.setTabText, convert)
        _each(obj.count(), obj.tabToolTip, obj.setTabToolTip, convert)
    elif isinstance(obj, QTableWidget):
        for i in range(obj.columnCount()):
            item = obj.horizontalHeaderItem(i)
            if item is not None:
                _set(item.text, item.setText, convert)
                _set(item.toolTip, item.setToolTip, convert)
    elif isinstance(obj, QTreeWidget):
        header = obj.headerItem()
        _each(obj.columnCount(), header.text, header.setText, convert)
    if isinstance(obj, QGraphicsView) and obj.scene() is not None:
        _retranslate_scene(obj, convert)


def _retranslate_scene(view: QGraphicsView, convert: Convert) -> None:
    """Plot titles, axis labels, legends, the diagram's text items, and items' tooltips."""
    for item in view.scene().items():
        _set(item.toolTip, item.setToolTip, convert)
        if isinstance(item, pg.AxisItem):
            label = item.labelText
            if label and convert(label) != label:
                item.setLabel(text=convert(label), units=item.labelUnits or None)
        elif isinstance(item, pg.LabelItem):
            _set(partial(getattr, item, "text"), item.setText, convert)
        elif isinstance(item, pg.TextItem):
            text_item = item.textItem
            _set(text_item.toPlainText, item.setText, convert)
        elif isinstance(item, QGraphicsTextItem) and not isinstance(item.parentItem(), pg.TextItem):
            _set(item.toPlainText, item.setPlainText, convert)
        elif isinstance(item, QGraphicsSimpleTextItem):
            _set(item.text, item.setText, convert)


def _each(
    count: int,
    get: Callable[[int], str],
    put: Callable[[int, str], object],
    convert: Convert,
) -> None:
    for i in range(count):
        _set(partial(get, i), partial(put, i), convert)


def _set(get: Callable[[], str], put: Callable[[str], object], convert: Convert) -> None:
    text = get()
    if text:
        new = convert(text)
        if new != text:
            put(new)
