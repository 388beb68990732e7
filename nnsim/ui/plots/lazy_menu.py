"""A ViewBox whose right-click menu is made the first time it is wanted.

pyqtgraph makes every ViewBox's menu (``ViewBoxMenu``: two axis forms of a dozen widgets
each) when the ViewBox is made. Measured offscreen, a window's eight plot views spent 51 ms
of its 240 ms of plots on menus that most windows never open (a test suite opens hundreds
of windows). :class:`LazyMenuViewBox` makes it on first use, from the view's state then, as
pyqtgraph's own ``setMenuEnabled`` does; ``menu`` reads as it always did.
"""

from __future__ import annotations

import pyqtgraph as pg
from pyqtgraph.graphicsItems.ViewBox.ViewBoxMenu import ViewBoxMenu


class LazyMenuViewBox(pg.ViewBox):
    """``pg.ViewBox`` with its menu (``menu``) made on first access."""

    def __init__(self, *args, **kwargs) -> None:
        self._made_menu: ViewBoxMenu | None = None
        self._listing_views = False  # in updateViewLists, which only refreshes a made menu
        enabled = kwargs.pop("enableMenu", True)
        super().__init__(*args, enableMenu=False, **kwargs)
        self.state["enableMenu"] = enabled  # as setMenuEnabled, without making the menu

    @property
    def menu(self) -> ViewBoxMenu | None:
        if self._made_menu is None and self.menuEnabled() and not self._listing_views:
            self._made_menu = ViewBoxMenu(self)
            self.updateViewLists()  # the link combos' views, as setMenuEnabled does
        return self._made_menu

    @menu.setter
    def menu(self, value: ViewBoxMenu | None) -> None:
        self._made_menu = value

    def updateViewLists(self) -> None:
        self._listing_views = True  # reading ``menu`` in there must not make one
        try:
            super().updateViewLists()
        finally:
            self._listing_views = False
