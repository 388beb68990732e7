"""Marking the engine's text for people (titles, summaries, hyper-parameters' meanings).

``QT_TR_NOOP("…")`` returns its argument; ``pyside6-lupdate`` finds the name, so that the
English lands in nnsim's translation catalogue and the window shows it translated
(``nnsim.ui.i18n.tr``). The engine imports NumPy only, hence this twin of
:func:`nnsim.training.text.QT_TR_NOOP`.
"""

from __future__ import annotations


def QT_TR_NOOP(text: str) -> str:  # the name pyside6-lupdate looks for
    """``text``, marked for translation."""
    return text
