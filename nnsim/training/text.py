"""Marking the text that the Qt-free training layer makes for people to read.

``QT_TR_NOOP("Loss falls {rate} per step")`` returns its argument unchanged; its only job
is its name, which ``pyside6-lupdate`` finds, so that the English template lands in nnsim's
translation catalogue (``resources/translations/*.ts``). The UI shows such text through
:func:`nnsim.ui.i18n.tr` and fills in the values afterwards (``tr(template).format(**args)``):
the training layer keeps giving codes, templates and arguments, never Qt, and the command
line prints the English template filled in. (gettext would give this layer a second
catalogue format beside Qt Linguist's for the same words.)
"""

from __future__ import annotations

from nnsim.engine.text import QT_TR_NOOP, Sentence, Text

__all__ = ["LANGUAGES", "QT_TR_NOOP", "Sentence", "Text"]

LANGUAGES = {"en": "English", "zh_CN": "简体中文"}
"""The languages of nnsim's window: code → its own name (never translated: a reader must
find theirs). English is the source language of every text."""
