"""No module of the engine, the training layer or the lecture mode reaches into another
object's private attributes (``obj._name`` where ``obj`` is not ``self`` or ``cls``): each
class's state is read and written through its public methods (``Trainer.state_dict()``,
``Trainer.begin_step()``, ``Network.set_random_state()`` …)."""

from __future__ import annotations

import ast
from pathlib import Path

import nnsim

ROOT = Path(nnsim.__file__).parent
CHECKED = [ROOT]


def private_accesses(path: Path) -> list[str]:
    """``file:line obj._name`` for each access to a private attribute of anything but the
    module's own ``self`` / ``cls`` (``self.network._rng`` counts: it is the network's)."""
    found = []
    tree = ast.parse(path.read_text(encoding="utf-8"))
    classes = {node.name for node in ast.walk(tree) if isinstance(node, ast.ClassDef)}
    for node in ast.walk(tree):
        if not isinstance(node, ast.Attribute):
            continue
        name = node.attr
        if not name.startswith("_") or (name.startswith("__") and name.endswith("__")):
            continue
        owner = node.value
        if isinstance(owner, ast.Name) and owner.id in ("self", "cls", *classes):
            continue  # its own, or a class of the module (a subclass reading its base's)
        if isinstance(owner, ast.Call) and getattr(owner.func, "id", "") == "super":
            continue
        found.append(f"{path.relative_to(ROOT.parent)}:{node.lineno} {ast.unparse(node)}")
    return found


def test_no_module_reads_another_objects_private_attributes():
    files = [p for c in CHECKED for p in ([c] if c.is_file() else sorted(c.rglob("*.py")))]
    assert len(files) > 20
    found = [hit for path in files for hit in private_accesses(path)]
    assert found == []
