"""Compare mode (View ▸ Compare): runs that differ in one setting, trained side by side."""

from nnsim.ui.compare.window import CompareWindow

__all__ = ["CompareWindow"]
