"""Right-click ▸ Export… on a plot: only exports that work, and failures said out loud.

pyqtgraph's export dialog offers every registered exporter for every item: its SVG
exporter breaks on the path data Qt 6.11 writes (``correctCoordinates`` expects
``x,y`` pairs), CSV fails for the whole scene, and the matplotlib exporter is listed
without matplotlib. Errors only reach the console. Here:

- :class:`SvgExporter` is pyqtgraph's, fed path data it can read (:func:`close_subpaths`);
- :class:`PlotExportDialog` offers, for the item chosen, only what can export it
  (:func:`offered_exporters`), and passes any failure to a callback instead of
  printing it. A file that could not be written counts as a failure.
"""

from __future__ import annotations

import contextlib
import importlib
import importlib.util
import re
from collections.abc import Callable
from typing import Any

import pyqtgraph as pg
from pyqtgraph.exporters import CSVExporter, Exporter, ImageExporter, SVGExporter
from pyqtgraph.GraphicsScene.exportDialog import ExportDialog, FormatExportListWidgetItem
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QWidget

from nnsim.ui.i18n import tr

_svg_module: Any = importlib.import_module("pyqtgraph.exporters.SVGExporter")
_PAIR = re.compile(r"^([A-Za-z]?)([-+0-9.eE]+),([-+0-9.eE]+)$")


def close_subpaths(d: str) -> str:
    """Path data with each ``Z`` replaced by a line back to its subpath's start.

    Qt 6.11 ends closed paths (rectangles: the view's frame, bars) with ``Z``, a token
    pyqtgraph's ``correctCoordinates`` cannot split into ``x,y``; the line draws the
    same. Other tokens are left as they are.
    """
    out, start = [], None
    for token in d.split():
        if token in ("Z", "z"):
            if start is not None:
                out.append(f"L{start}")
            continue
        match = _PAIR.match(token)
        if match and match.group(1) in ("M", "m"):
            start = f"{match.group(2)},{match.group(3)}"
        out.append(token)
    return " ".join(out)


@contextlib.contextmanager
def _closed_paths_spelled_out():
    """While exporting: pyqtgraph's coordinate correction gets paths it can read."""
    original = _svg_module.correctCoordinates

    def correct(node, defs, item, options):
        for path in node.getElementsByTagName("path"):
            d = path.getAttribute("d")
            if "Z" in d or "z" in d:
                path.setAttribute("d", close_subpaths(d))
        return original(node, defs, item, options)

    _svg_module.correctCoordinates = correct
    try:
        yield
    finally:
        _svg_module.correctCoordinates = original


class SvgExporter(SVGExporter):
    """pyqtgraph's SVG exporter (curves clipped to their plot, strokes in world units),
    made to read the closed paths Qt 6.11 writes."""

    def export(self, fileName=None, toBytes=False, copy=False):  # pyqtgraph's signature
        if fileName is None and not toBytes and not copy:
            return super().export()  # the file dialog, which calls export(fileName) again
        with _closed_paths_spelled_out():
            return super().export(fileName=fileName, toBytes=toBytes, copy=copy)


def _installed(module: str) -> bool:
    return importlib.util.find_spec(module) is not None


def offered_exporters(item) -> list[type[Exporter]]:
    """The exporters that work for ``item`` (a PlotItem, a ViewBox or the scene).

    Images and SVG work for anything drawn; CSV needs a plot's curves; matplotlib and
    HDF5 only if their package is installed (and for a plot).
    """
    offered: list[type[Exporter]] = [ImageExporter, SvgExporter]
    if isinstance(item, pg.PlotItem):
        offered.append(CSVExporter)
        optional = {"MatplotlibExporter": "matplotlib", "HDF5Exporter": "h5py"}
        for exporter in Exporter.Exporters:
            module = optional.get(exporter.__name__)
            if module is not None and _installed(module):
                offered.append(exporter)
    return offered


class PlotExportDialog(ExportDialog):
    """pyqtgraph's export dialog offering :func:`offered_exporters` only.

    ``report(message)`` is called, instead of a traceback on the console, when an
    export fails: an exception, or a file that could not be written.
    """

    def __init__(self, scene, report: Callable[[str], None], parent: QWidget | None = None):
        super().__init__(scene)
        self._report = report
        if parent is not None:  # closed and deleted with its panel
            self.setParent(parent, Qt.WindowType.Window)

    def updateItemList(self, select=None) -> None:  # pyqtgraph hook
        super().updateItemList(select)
        items = [
            self.ui.itemTree.topLevelItem(i) for i in range(self.ui.itemTree.topLevelItemCount())
        ]
        while items:  # "Entire Scene", "Plot", "ViewBox": written without translate()
            item = items.pop()
            item.setText(0, tr(item.text(0)))
            items += [item.child(i) for i in range(item.childCount())]

    def updateFormatList(self) -> None:  # pyqtgraph hook
        current = self.ui.formatList.currentItem()
        wanted = current.expClass.Name if current is not None else None
        tree_item = self.ui.itemTree.currentItem()
        item = tree_item.gitem if tree_item is not None else self.scene
        self.ui.formatList.clear()
        for exporter in offered_exporters(item):
            entry = FormatExportListWidgetItem(exporter, exporter_name(exporter))
            self.ui.formatList.addItem(entry)
            if exporter.Name == wanted:
                self.ui.formatList.setCurrentItem(entry)
        if self.ui.formatList.currentItem() is None:
            self.ui.formatList.setCurrentRow(0)

    def format_names(self) -> list[str]:
        """The formats offered for the item now chosen, as listed."""
        return [self.ui.formatList.item(i).text() for i in range(self.ui.formatList.count())]

    def exportFormatChanged(self, item, prev) -> None:  # pyqtgraph slot
        try:
            super().exportFormatChanged(item, prev)
        except Exception as err:  # any exporter error becomes a message
            self.currentExporter = None
            self.ui.exportBtn.setEnabled(False)
            self._fail(item.text() if item is not None else "export", err)
            return
        self.ui.exportBtn.setEnabled(self.currentExporter is not None)
        if self.currentExporter is not None:
            self._guard(self.currentExporter)
            params = self.currentExporter.parameters()
            if params is not None:  # the options, without their group's name ("params")
                _translate_choices(params)
                self.ui.paramTree.setParameters(params, showTop=False)

    def _guard(self, exporter: Exporter) -> None:
        """Route the exporter's failures, also those after its file dialog, to ``report``."""
        export = exporter.export

        def guarded(fileName=None, **options):  # exporters differ in their other options
            try:
                result = export(fileName=fileName, **options)
            except Exception as err:  # shown to the user, not lost
                self._fail(exporter_name(exporter), err)
                return None
            if fileName is not None and result is False:  # QImage.save could not write it
                self._fail(
                    exporter_name(exporter),
                    OSError(tr("could not write {path}").format(path=fileName)),
                )
            return result

        exporter.export = guarded

    def exportClicked(self) -> None:  # pyqtgraph slot
        if self.currentExporter is not None:
            super().exportClicked()

    def copyClicked(self) -> None:  # pyqtgraph slot
        if self.currentExporter is not None:
            super().copyClicked()

    def _fail(self, what: str, err: Exception) -> None:
        self._report(tr("Export as {format} failed: {error}").format(format=what, error=err))


def exporter_name(exporter: Exporter | type[Exporter]) -> str:
    """An exporter's name as the dialog lists it (in the UI's language)."""
    return QCoreApplication.translate("Exporter", exporter.Name)


def _translate_choices(params) -> None:
    """The choices of an exporter's list options (CSV's "comma", "tab"…) and the options'
    tooltips shown translated (pyqtgraph writes them without translate()); the values stay
    what the exporter reads."""
    for param in params.children():
        if param.opts.get("tip"):
            param.setOpts(tip=tr(param.opts["tip"]))
        limits = param.opts.get("limits")
        if param.type() == "list" and isinstance(limits, list | tuple):
            value = param.value()
            param.setLimits({tr(str(choice)): choice for choice in limits})
            param.setValue(value)


def install_export_dialog(
    scene, report: Callable[[str], None], parent: QWidget | None = None
) -> None:
    """Make the scene's "Export…" menu entry open a :class:`PlotExportDialog` (made lazily)."""
    action = scene.contextMenu[0]
    action.triggered.disconnect()

    def show() -> None:
        if not isinstance(scene.exportDialog, PlotExportDialog):
            scene.exportDialog = PlotExportDialog(scene, report, parent)
        scene.exportDialog.show(getattr(scene, "contextMenuItem", None))

    action.triggered.connect(show)
