"""Importing Qt and pyqtgraph without two costs that do not serve nnsim: ~0.35 s of start-up.

1. **PySide6 reads the source of every module imported after it.** Its ``__feature__``
   support asks, for each module, whether the source mentions "PySide6", through
   ``inspect.getsource`` (tokenising, line cache): ~140 ms for the ~570 modules of the window
   on a 2-core machine. :func:`install` gives it the same answer from the file's bytes.
2. **pyqtgraph makes every Qt class.** PySide6 (6.8 and later) makes the Python type of a
   Qt class the first time the class is used; pyqtgraph 0.14 copies every name of QtCore,
   QtGui and QtWidgets into mirror modules of its own (``pyqtgraph.Qt.QtCore`` …, its
   ``_copy_attrs``), which makes all ~700 types while it is imported (0.2–0.25 s), though
   the window uses about a hundred. After :func:`install`, the first import of pyqtgraph
   runs with mirrors that look a name up in PySide6 when it is first asked for, and keep
   it; while pyqtgraph copies, the PySide6 modules list only the names already made.
   pyqtgraph's own changes to its mirrors (``QtGui.QFileSystemModel`` …) land in them as
   before. When pyqtgraph would not use PySide6, or is already imported, its import is the
   plain one.

``nnsim.ui`` calls :func:`install`; ``tests/ui/test_qt_imports.py`` checks both answers.
"""

from __future__ import annotations

import contextlib
import importlib.abc
import importlib.machinery
import os
import sys
import types
from collections.abc import Callable, Iterator, Sequence

QT_MODULES = ("QtCore", "QtGui", "QtWidgets")
SOURCE_CHECK = "_mod_uses_pyside"  # PySide6's (private) check, in shibokensupport.feature


def install() -> None:
    """Both workarounds: PySide6's source check by bytes, pyqtgraph's first import lazy."""
    import PySide6  # noqa: F401  (loads shibokensupport, whose check runs from here on)

    feature = sys.modules.get("shibokensupport.feature")
    check = getattr(feature, SOURCE_CHECK, None)
    if check is not None and not getattr(check, "reads_bytes", False):
        setattr(feature, SOURCE_CHECK, _uses_pyside_by_bytes(check))
    if "pyqtgraph" in sys.modules or any(isinstance(f, _FirstImport) for f in sys.meta_path):
        return
    sys.meta_path.insert(0, _FirstImport())


def _uses_pyside_by_bytes(check: Callable[[types.ModuleType], bool]):
    """PySide6's question ("does the source mention PySide6?") answered from the file."""

    def uses_pyside(module: types.ModuleType) -> bool:
        path = getattr(module, "__file__", None)
        if not isinstance(path, str) or not path.endswith(".py"):
            return check(module)  # built-in, extension or source-less: PySide6's own answer
        try:
            with open(path, "rb") as source:
                return b"PySide6" in source.read()
        except OSError:
            return check(module)

    uses_pyside.reads_bytes = True  # type: ignore[attr-defined]
    return uses_pyside


def _pyqtgraph_would_use_pyside6() -> bool:
    chosen = os.environ.get("PYQTGRAPH_QT_LIB")
    other_binding = any(name in sys.modules for name in ("PyQt5", "PyQt6", "PySide2"))
    return chosen in (None, "PySide6") and not other_binding


class _FirstImport(importlib.abc.MetaPathFinder):
    """Finds ``pyqtgraph`` once, as the other finders would, and wraps its loader."""

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: types.ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        if fullname != "pyqtgraph":
            return None
        sys.meta_path.remove(self)
        spec = importlib.machinery.PathFinder.find_spec(fullname, path)
        if spec is not None and spec.loader is not None and _pyqtgraph_would_use_pyside6():
            spec.loader = _MirroringLoader(spec.loader)
        return spec


class _MirroringLoader(importlib.abc.Loader):
    def __init__(self, loader: importlib.abc.Loader) -> None:
        self._loader = loader

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> types.ModuleType | None:
        return self._loader.create_module(spec)

    def exec_module(self, module: types.ModuleType) -> None:
        # From here on the module is pyqtgraph's own (importlib.resources asks its loader).
        module.__loader__ = self._loader
        if module.__spec__ is not None:
            module.__spec__.loader = self._loader
        with lazy_mirrors():
            self._loader.exec_module(module)


@contextlib.contextmanager
def lazy_mirrors() -> Iterator[None]:
    """While pyqtgraph is imported: its mirrors forward to PySide6, and PySide6's modules
    list only the types already made (so copying them makes none)."""
    import importlib

    sources = [importlib.import_module(f"PySide6.{name}") for name in QT_MODULES]
    for name, source in zip(QT_MODULES, sources, strict=True):
        sys.modules.setdefault(f"pyqtgraph.Qt.{name}", _mirror(name, source))
    listings = {}
    for source in sources:
        if "__dir__" in vars(source):  # PySide6's lazy listing of all its names
            listings[source] = vars(source)["__dir__"]
            source.__dir__ = _made_so_far(source)  # type: ignore[method-assign]
    try:
        yield
    finally:
        for source, listing in listings.items():
            source.__dir__ = listing  # type: ignore[method-assign]


def _mirror(name: str, source: types.ModuleType) -> types.ModuleType:
    mirror = types.ModuleType(f"pyqtgraph.Qt.{name}", f"pyqtgraph's copy of {source.__name__}")

    def forward(attribute: str) -> object:  # PEP 562: only for names the mirror lacks
        value = getattr(source, attribute)  # AttributeError for a name PySide6 lacks
        setattr(mirror, attribute, value)
        return value

    mirror.__getattr__ = forward  # type: ignore[method-assign]
    return mirror


def _made_so_far(source: types.ModuleType):
    def listing() -> list[str]:
        return [key for key in list(vars(source)) if key != "__dir__"]

    return listing
