"""Right-click ▸ Export… on the plots: every format offered writes a valid file; failures
are reported through ``exportFailed``."""

from __future__ import annotations

import csv
import xml.etree.ElementTree as ET

import pyqtgraph as pg
import pytest
from PySide6.QtGui import QImage

from nnsim.training.experiment import Experiment
from nnsim.training.grid import GridPredictor
from nnsim.training.snapshot import Snapshot, take_snapshot
from nnsim.training.trainer import Trainer
from nnsim.ui.plots import GradientPanel, LossPanel, LrPanel
from nnsim.ui.plots.export import PlotExportDialog, SvgExporter, close_subpaths

SVG = "Scalable Vector Graphics (SVG)"
IMAGE = "Image File (PNG, TIF, JPG, ...)"
PANELS = [LossPanel, GradientPanel, LrPanel]


@pytest.fixture(scope="module")
def snap() -> Snapshot:
    trainer = Trainer(Experiment.default())
    trainer.run(60)
    return take_snapshot(trainer, GridPredictor(trainer.data.features, 12))


def shown(qtbot, cls, snap):
    panel = cls()
    qtbot.addWidget(panel)
    panel.resize(520, 300)
    panel.show()
    qtbot.waitExposed(panel)
    panel.show_snapshot(snap)
    qtbot.wait(1)
    return panel


def first_curve(plot: pg.PlotItem) -> pg.PlotDataItem:
    return next(i for i in plot.listDataItems() if i.xData is not None and len(i.xData))


def open_dialog(panel, item) -> PlotExportDialog:
    """Right-click ▸ Export… on ``item`` (a plot, or None for the background)."""
    scene = panel.graphics.scene()
    scene.contextMenuItem = item
    scene.contextMenu[0].trigger()
    dialog = scene.exportDialog
    assert isinstance(dialog, PlotExportDialog)
    return dialog


def choose(dialog: PlotExportDialog, tree_text: str, format_name: str) -> None:
    tree = dialog.ui.itemTree
    items = tree.findItems(tree_text, pg.QtCore.Qt.MatchFlag.MatchRecursive)
    tree.setCurrentItem(items[0])
    formats = dialog.ui.formatList.findItems(format_name, pg.QtCore.Qt.MatchFlag.MatchExactly)
    dialog.ui.formatList.setCurrentItem(formats[0])
    assert dialog.currentExporter is not None


def assert_valid(path, kind: str, stroke: str | None) -> None:
    if kind == "png":
        image = QImage(str(path))
        assert not image.isNull() and image.width() > 100
    elif kind == "svg":
        root = ET.parse(path).getroot()  # well-formed XML
        paths = [p for p in root.iter("{http://www.w3.org/2000/svg}path")]
        strokes = {p.get("stroke") for p in paths} | {
            g.get("stroke") for g in root.iter("{http://www.w3.org/2000/svg}g")
        }
        if stroke is not None:
            assert stroke in strokes  # the first curve is drawn
            assert max(p.get("d", "").count("L") for p in paths) >= 10  # as a real polyline
    else:
        with open(path, newline="") as file:
            rows = list(csv.reader(file))
        assert len(rows) >= 3
        assert all(float(v) == float(v) for v in rows[1] if v.strip())  # numbers


@pytest.mark.parametrize("cls", PANELS)
def test_svg_export_writes_valid_xml_with_the_curves(qtbot, tmp_path, snap, cls):
    panel = shown(qtbot, cls, snap)
    plot = panel._plots[0]
    stroke = first_curve(plot).opts["pen"].color().name()
    for item, name in ((plot, "plot.svg"), (panel.graphics.scene(), "scene.svg")):
        SvgExporter(item).export(fileName=str(tmp_path / name))
        assert_valid(tmp_path / name, "svg", stroke)


@pytest.mark.parametrize("cls", PANELS)
def test_every_format_offered_writes_a_valid_file(qtbot, tmp_path, snap, cls):
    panel = shown(qtbot, cls, snap)
    plot = panel._plots[0]
    stroke = first_curve(plot).opts["pen"].color().name()
    dialog = open_dialog(panel, plot.vb)
    assert dialog.ui.itemTree.currentItem().gitem is plot  # the plot right-clicked
    kinds = {IMAGE: "png", SVG: "svg", "CSV of original plot data": "csv"}
    assert dialog.format_names() == list(kinds)  # no matplotlib: it is not installed
    for tree_text in ("Plot", "Entire Scene", "ViewBox"):
        dialog.ui.itemTree.setCurrentItem(
            dialog.ui.itemTree.findItems(tree_text, pg.QtCore.Qt.MatchFlag.MatchRecursive)[0]
        )
        names = dialog.format_names()
        if tree_text != "Plot":
            assert "CSV of original plot data" not in names  # CSV needs a plot
        for name in names:
            choose(dialog, tree_text, name)
            path = tmp_path / f"{tree_text}-{kinds[name]}.{kinds[name]}"
            with qtbot.assertNotEmitted(panel.exportFailed):
                dialog.currentExporter.export(fileName=str(path))
            assert_valid(path, kinds[name], stroke if tree_text != "ViewBox" else None)
    dialog.close()


@pytest.mark.parametrize("name", [IMAGE, SVG])
def test_a_failed_export_is_reported(qtbot, tmp_path, snap, name):
    panel = shown(qtbot, LossPanel, snap)
    dialog = open_dialog(panel, panel.plot)
    choose(dialog, "Plot", name)
    target = tmp_path / "no such folder" / "loss.png"
    with qtbot.waitSignal(panel.exportFailed) as blocker:
        dialog.currentExporter.export(fileName=str(target))
    assert blocker.args[0].startswith(f"Export as {name} failed")
    assert not target.exists()


def test_closed_paths_are_spelled_out_as_lines():
    assert close_subpaths("M0,0 L4,0 L4,3 Z M10,10 L12,10 Z") == (
        "M0,0 L4,0 L4,3 L0,0 M10,10 L12,10 L10,10"
    )
    assert close_subpaths("M1,2 L3,4") == "M1,2 L3,4"
