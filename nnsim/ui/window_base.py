"""The base of MainWindow's mixins (``window_files``, ``window_data``, ``window_menus``):
``QMainWindow`` for the type checker, so a mixin may call the window's Qt methods, and
``object`` at run time (MainWindow itself derives from QMainWindow). What else a mixin uses
of the window it declares itself, as class annotations."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMainWindow as MainWindowParts
else:
    MainWindowParts = object

__all__ = ["MainWindowParts"]
