"""The engine and the training layer never import Qt: they must run headless and in the CLI."""

from __future__ import annotations

import ast
import pathlib
import subprocess
import sys

import nnsim

PACKAGE = pathlib.Path(nnsim.__file__).parent
FORBIDDEN = ("PySide6", "pyqtgraph", "shiboken6")


def imported_modules(path: pathlib.Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_engine_and_training_sources_never_import_qt():
    offenders = []
    for sub in ("engine", "training"):
        for path in (PACKAGE / sub).rglob("*.py"):
            for name in imported_modules(path):
                if name.split(".")[0] in FORBIDDEN:
                    offenders.append(f"{path.relative_to(PACKAGE)} imports {name}")
    assert offenders == []


def test_importing_training_loads_no_qt_module():
    code = (
        "import sys, nnsim.engine, nnsim.training, pkgutil, importlib\n"
        "for sub in ('nnsim.engine', 'nnsim.training'):\n"
        "    pkg = importlib.import_module(sub)\n"
        "    for m in pkgutil.iter_modules(pkg.__path__):\n"
        "        importlib.import_module(f'{sub}.{m.name}')\n"
        f"print(sorted(m for m in sys.modules if m.split('.')[0] in {FORBIDDEN!r}))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
