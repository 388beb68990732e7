"""The network view's mixins use only what they declare (or what every QGraphicsView has)."""

from __future__ import annotations

import ast
import inspect

import pytest
from PySide6.QtWidgets import QGraphicsView

from nnsim.ui.diagram_editing import DiagramEditing
from nnsim.ui.diagram_overlays import DiagramOverlays
from nnsim.ui.network_view import NetworkView


def declared_and_used(cls: type) -> tuple[set[str], set[str]]:
    """Names the class body declares (annotations, methods, also under TYPE_CHECKING) and the
    ``self.<name>`` attributes its methods read or write."""
    tree = ast.parse(inspect.getsource(inspect.getmodule(cls)))
    body = next(n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == cls.__name__)
    declared: set[str] = set()
    statements = list(body.body)
    while statements:
        node = statements.pop()
        if isinstance(node, ast.If):  # if TYPE_CHECKING: stubs of what the view provides
            statements.extend(node.body)
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            declared.add(node.target.id)
        elif isinstance(node, ast.FunctionDef):
            declared.add(node.name)
    used = {
        node.attr
        for node in ast.walk(body)
        if isinstance(node, ast.Attribute)
        and isinstance(node.value, ast.Name)
        and node.value.id == "self"
    }
    return declared, used


@pytest.mark.parametrize("mixin", [DiagramEditing, DiagramOverlays])
def test_a_mixin_uses_only_what_it_declares(mixin):
    declared, used = declared_and_used(mixin)
    undeclared = used - declared - set(dir(QGraphicsView))
    assert not undeclared, f"{mixin.__name__} uses undeclared {sorted(undeclared)}"


@pytest.mark.parametrize("mixin", [DiagramEditing, DiagramOverlays])
def test_the_view_provides_all_a_mixin_declares(qtbot, mixin):
    view = NetworkView()
    qtbot.addWidget(view)
    declared, _ = declared_and_used(mixin)
    missing = {name for name in declared if not hasattr(view, name)}
    assert not missing, f"NetworkView lacks {sorted(missing)} that {mixin.__name__} declares"
