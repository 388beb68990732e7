"""The layers and the direction of their imports (docs/architecture.md, "Layers").

``nnsim.engine`` (NumPy only) ← ``nnsim.training`` (no Qt) ← ``nnsim.ui`` and ``nnsim.cli``;
the window and the command line never import each other (``nnsim/__main__.py`` picks one),
and nothing imports the pytest plugin ``nnsim.testing``.
Every import counts: absolute and relative ones, at the top and inside functions.
"""

from __future__ import annotations

import ast
import pathlib
import subprocess
import sys

import pytest

import nnsim

PACKAGE = pathlib.Path(nnsim.__file__).parent
ROOT = PACKAGE.parent
FORBIDDEN = ("PySide6", "pyqtgraph", "shiboken6")
THIRD_PARTY_BELOW_UI = ("numpy",)  # what engine and training may import besides the stdlib


def module_name(path: pathlib.Path) -> str:
    """``…/nnsim/training/data.py`` → ``nnsim.training.data``; a package is its ``__init__``."""
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _is_module(name: str) -> bool:
    path = ROOT.joinpath(*name.split("."))
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


def imports_in_source(source: str, module: str, is_package: bool = False) -> set[str]:
    """The absolute names of the modules ``module``'s source imports; ``from a import b`` is
    ``a.b`` when ``b`` is an nnsim submodule, else ``a``."""
    package = module if is_package else module.rpartition(".")[0]
    names = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # from .x import y, from .. import z
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base]) if base else ".".join(anchor)
            for alias in node.names:
                full = f"{base}.{alias.name}"
                names.add(full if base.startswith("nnsim") and _is_module(full) else base)
    return names


def imported_modules(path: pathlib.Path) -> set[str]:
    source = path.read_text(encoding="utf-8")
    return imports_in_source(source, module_name(path), path.name == "__init__.py")


def _within(name: str, prefixes: tuple[str, ...]) -> bool:
    return any(name == p or name.startswith(f"{p}.") for p in prefixes)


def sources(layer: str) -> list[pathlib.Path]:
    single = PACKAGE / f"{layer}.py"
    return [single] if single.is_file() else sorted((PACKAGE / layer).rglob("*.py"))


def breaks_rule(name: str, allowed: tuple[str, ...] | None = None, forbidden=()) -> bool:
    """Whether importing ``name`` leaves the layer's ``allowed`` modules or enters a
    ``forbidden`` one (the bare package ``nnsim``, which holds only ``__version__``, is fine)."""
    if not _within(name, ("nnsim",)) or name == "nnsim":
        return False
    return (allowed is not None and not _within(name, allowed)) or _within(name, forbidden)


RULES = {
    "engine": {"allowed": ("nnsim.engine",)},
    "training": {"allowed": ("nnsim.engine", "nnsim.training")},
    "ui": {"forbidden": ("nnsim.cli", "nnsim.__main__", "nnsim.testing")},
    "cli": {"forbidden": ("nnsim.ui", "nnsim.__main__", "nnsim.testing")},
}


@pytest.mark.parametrize("layer", sorted(RULES))
def test_each_layer_imports_only_in_its_direction(layer):
    assert sources(layer), f"no sources for nnsim.{layer}"
    found = [
        f"{path.relative_to(ROOT)} imports {name}"
        for path in sources(layer)
        for name in sorted(imported_modules(path))
        if breaks_rule(name, **RULES[layer])
    ]
    assert found == []


PLANTED = {  # one upward import per layer, each of another kind
    "engine": ("nnsim.engine.planted", "def f():\n    from nnsim.training import data\n"),
    "training": ("nnsim.training.lecture.planted", "from ...ui import errors\n"),
    "ui": ("nnsim.ui.plots.planted", "import nnsim.cli\n"),
    "cli": ("nnsim.cli", "def f():\n    from nnsim.ui.app import run_app\n"),
}


@pytest.mark.parametrize("layer", sorted(PLANTED))
def test_a_planted_upward_import_breaks_the_rule(layer):
    module, source = PLANTED[layer]
    names = imports_in_source(source, module)
    assert [n for n in names if breaks_rule(n, **RULES[layer])], names


def test_relative_imports_resolve_to_absolute_names():
    assert imports_in_source("from . import data", "nnsim.training.trainer") == {
        "nnsim.training.data"
    }
    assert imports_in_source("from ..engine import network", "nnsim.training.trainer") == {
        "nnsim.engine.network"
    }
    assert imports_in_source("from .x import y", "nnsim.ui", is_package=True) == {"nnsim.ui.x"}
    assert imports_in_source("from nnsim import __version__", "nnsim.cli") == {"nnsim"}


def test_engine_and_training_import_only_the_stdlib_numpy_and_themselves():
    found = []
    for layer in ("engine", "training"):
        for path in sources(layer):
            for name in imported_modules(path):
                top = name.split(".")[0]
                if top not in sys.stdlib_module_names and top not in (
                    "nnsim",
                    *THIRD_PARTY_BELOW_UI,
                ):
                    found.append(f"{path.relative_to(ROOT)} imports {name}")
    assert found == []


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
