"""Compare mode (View ▸ Compare): runs that differ in one setting, trained side by side.

``CompareWindow`` is imported on first use (PEP 562): the main window imports
:mod:`nnsim.ui.compare.runs` at start-up, the window itself only when it opens.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from nnsim.ui.compare.window import CompareWindow

__all__ = ["CompareWindow"]


def __getattr__(name: str):
    if name != "CompareWindow":
        raise AttributeError(f"module 'nnsim.ui.compare' has no attribute {name!r}")
    from nnsim.ui.compare.window import CompareWindow

    return CompareWindow
