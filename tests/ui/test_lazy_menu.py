"""LazyMenuViewBox: a plot's right-click menu made on first use, as pyqtgraph would make it."""

from __future__ import annotations

import pyqtgraph as pg

from nnsim.ui.plots.lazy_menu import LazyMenuViewBox


def test_the_menu_is_made_when_first_read_and_kept(qapp):
    view = LazyMenuViewBox()
    assert view._made_menu is None  # nothing made with the view
    menu = view.menu
    assert menu is not None and view.menu is menu
    eager = pg.ViewBox()
    texts = [a.text() for a in menu.actions()]
    assert texts == [a.text() for a in eager.menu.actions()]  # the same menu as pyqtgraph's
    assert view.getContextMenus(None) == menu.actions()


def test_naming_views_fills_a_made_menus_link_lists_and_makes_no_menu(qapp):
    first, second = LazyMenuViewBox(name="lazy-a"), LazyMenuViewBox(name="lazy-b")
    try:
        assert first._made_menu is None and second._made_menu is None
        combo = first.menu.ctrl[0].linkCombo
        assert "lazy-b" in [combo.itemText(i) for i in range(combo.count())]
        assert second._made_menu is None
    finally:
        first.unregister()
        second.unregister()


def test_a_disabled_menu_is_none_until_enabled(qapp):
    view = LazyMenuViewBox(enableMenu=False)
    assert view.menu is None and not view.menuEnabled()
    view.setMenuEnabled(True)
    assert view.menu is not None


def test_a_plot_panels_views_make_their_menus_late(qapp):
    from nnsim.ui.plots.lr import LrPanel

    panel = LrPanel()
    views = [p.getViewBox() for p in panel._plots]
    assert views and all(isinstance(v, LazyMenuViewBox) for v in views)
    assert all(v._made_menu is None for v in views)
