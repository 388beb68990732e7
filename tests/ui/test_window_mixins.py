"""Each part of the main window declares what it uses of the window: a mixin reads only
attributes it defines, sets, annotates, or gets from Qt's QMainWindow."""

from __future__ import annotations

import ast
import inspect

import pytest
from PySide6.QtWidgets import QMainWindow

from nnsim.ui import window_data, window_files, window_menus

MIXINS = [
    window_data.UserDataMixin,
    window_files.ExperimentFilesMixin,
    window_menus.WindowMenusMixin,
]


def undeclared(cls: type) -> set[str]:
    """Names ``cls`` reads as ``self.<name>`` without declaring them."""
    tree = ast.parse(inspect.getsource(cls))
    declared = set(getattr(cls, "__annotations__", {})) | set(vars(cls))
    read = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
            if node.value.id != "self":
                continue
            if isinstance(node.ctx, ast.Store):
                declared.add(node.attr)
            else:
                read.add(node.attr)
    return {name for name in read - declared if not hasattr(QMainWindow, name)}


@pytest.mark.parametrize("mixin", MIXINS, ids=lambda cls: cls.__name__)
def test_a_window_mixin_declares_what_it_uses(mixin):
    assert undeclared(mixin) == set()


def test_the_window_has_what_each_mixin_declares(qtbot, window):
    for mixin in MIXINS:  # one window for all: reading its attributes changes nothing
        assert isinstance(window, mixin)
        assert [name for name in mixin.__annotations__ if not hasattr(window, name)] == []
