"""File ▸ Export ▸ Figure…: every figure as PNG at 1×, 2×, 4× and as SVG (issue 13)."""

from __future__ import annotations

import itertools
import os
import shutil
import subprocess
import xml.etree.ElementTree as ET

import numpy as np
import pytest
from PySide6.QtGui import QAction, QColor, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QDialog, QWidget

from nnsim.ui.export.figure import FIGURES, FigureChoice, drawing_of
from nnsim.ui.export.figure_dialog import ExportFigureDialog, default_figure_path
from nnsim.ui.export.svg_strokes import bake_stroke_transforms

SVG = "{http://www.w3.org/2000/svg}"
# A word of each figure's axis labels or captions that must be SVG text, not pixels.
LABELS = {
    "lossPlot": "step",
    "gradientPlot": "layer",
    "lrPlot": "learning rate",
    "stepLinePlot": "step size",
    "boundaryView": "4",
    "networkView": "Layer 1",
}


@pytest.fixture
def shown(qtbot, window):
    """The window after some training, with the step plot's tab drawn once."""
    window.play()
    qtbot.waitUntil(lambda: window.last_snapshot.step >= 200, timeout=20000)
    window.pause()
    window.loss_tabs.setCurrentWidget(window.step_line_panel)
    qtbot.waitUntil(lambda: window.step_line_panel.line is not None, timeout=20000)
    window.loss_tabs.setCurrentWidget(window.loss_panel)
    return window


def export(qtbot, window, choice: FigureChoice) -> bool:
    """``window.export_figure_to(choice)`` and wait for the file: True if it was written."""
    if window.export_figure_to(choice):
        qtbot.waitUntil(lambda: not window.figure_exporter.busy, timeout=20000)
    return window.status_text() == f"Exported the figure to {choice.path}"


def trigger(window) -> None:
    action = window.findChild(QAction, "exportFigureAction")
    assert action is not None and action.text() == "&Figure…"
    assert action in window.export_menu.actions()
    action.trigger()


def pixels(path) -> np.ndarray:
    image = QImage(str(path)).convertToFormat(QImage.Format.Format_RGB32)
    return rgb_of(image)


def rgb_of(image: QImage) -> np.ndarray:
    """The image's pixels as (height, width, 3), copied while the image lives."""
    rows = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), -1)
    return rows[:, : image.width() * 4].reshape(image.height(), image.width(), 4)[..., :3].copy()


def drawing(window, name: str) -> QWidget:
    widget = window.findChild(QWidget, name)
    assert widget is not None
    return drawing_of(widget)


def test_every_figure_as_png_at_each_scale(qtbot, shown, tmp_path):
    window = shown
    for name, scale in itertools.product(FIGURES, (1, 2, 4)):
        if name == "stepLinePlot":
            window.loss_tabs.setCurrentWidget(window.step_line_panel)
        path = tmp_path / f"{name}@{scale}x.png"
        choice = FigureChoice(name, "png", scale, path)
        window.ask_export_figure = lambda figure="lossPlot", c=choice: c
        trigger(window)
        qtbot.waitUntil(lambda: not window.figure_exporter.busy, timeout=20000)
        assert window.status_text() == f"Exported the figure to {path}", name
        image = QImage(str(path))
        size = drawing(window, name).size()
        assert abs(image.width() - size.width() * scale) <= 1, name
        assert abs(image.height() - size.height() * scale) <= 1, name
        assert pixels(path).std() > 0, f"{name} is blank"
        if name == "stepLinePlot":
            window.loss_tabs.setCurrentWidget(window.loss_panel)


def test_every_figure_as_svg_with_text_not_a_picture(qtbot, shown, tmp_path):
    for name in FIGURES:
        if name == "stepLinePlot":
            shown.loss_tabs.setCurrentWidget(shown.step_line_panel)
        path = tmp_path / f"{name}.svg"
        assert export(qtbot, shown, FigureChoice(name, "svg", 1, path)), shown.status_text()
        root = ET.parse(path).getroot()
        assert root.tag == f"{SVG}svg", name
        size = drawing(shown, name).size()
        assert root.get("viewBox") == f"0 0 {size.width()} {size.height()}", name
        assert root.get("width") and root.get("height"), name
        assert root.find(f"{SVG}title").text == f"nnsim: {FIGURES[name]}"
        texts = " ".join("".join(t.itertext()) for t in root.iter(f"{SVG}text"))
        assert LABELS[name] in texts, f"{name}: {texts!r}"
        shapes = [e for e in root.iter() if e.tag in (f"{SVG}path", f"{SVG}polyline")]
        assert len(shapes) >= 3, f"{name} has no vector shapes"
        if name.endswith("Plot"):  # only the boundary's grid and the diagram's units are images
            assert not list(root.iter(f"{SVG}image")), f"{name} holds a bitmap"
        rendered = render_svg_back(path)
        assert rendered.std() > 0, f"{name} renders blank"
        if name == "stepLinePlot":
            shown.loss_tabs.setCurrentWidget(shown.loss_panel)


def render_svg_back(path) -> np.ndarray:
    renderer = QSvgRenderer(str(path))
    assert renderer.isValid()
    image = QImage(renderer.defaultSize(), QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    return rgb_of(image)


def test_svg_curves_keep_a_one_pixel_pen_in_viewers_without_vector_effect(qtbot, shown, tmp_path):
    """Curves come in device pixels: a group of non-scaling strokes has no transform left,
    so librsvg and Inkscape draw the loss curve as a line, not as a band."""
    path = tmp_path / "loss.svg"
    assert export(qtbot, shown, FigureChoice("lossPlot", "svg", 1, path))
    root = ET.parse(path).getroot()
    for group in root.iter(f"{SVG}g"):
        shapes = [c for c in group if c.get("vector-effect") == "non-scaling-stroke"]
        if shapes and len(shapes) == len(group):
            assert "transform" not in group.attrib


def test_bake_moves_the_transform_into_the_path():
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg"><g transform="matrix(2,0,0,-10,5,100)">'
        '<path vector-effect="non-scaling-stroke" d="M0,0 L1,1 L2,0.5 Z"/></g>'
        '<g transform="matrix(1,0,0,1,3,4)"><text>step</text></g></svg>'
    )
    root = ET.fromstring(bake_stroke_transforms(svg))
    groups = list(root.iter(f"{SVG}g"))
    assert "transform" not in groups[0].attrib
    assert groups[0][0].get("d") == "M5,100 L7,90 L9,95 Z"
    assert groups[1].get("transform") == "matrix(1,0,0,1,3,4)"  # text keeps its own
    rect = (
        '<svg xmlns="http://www.w3.org/2000/svg"><g transform="matrix(2,0,0,-1,1,10)">'
        '<rect vector-effect="non-scaling-stroke" x="1" y="2" width="3" height="4"/></g></svg>'
    )
    baked = ET.fromstring(bake_stroke_transforms(rect)).find(f"{SVG}g/{SVG}rect")
    assert [baked.get(k) for k in ("x", "y", "width", "height")] == ["3", "4", "6", "4"]
    assert bake_stroke_transforms("not svg") == "not svg"


def test_unwritable_folder_says_why_and_writes_nothing(qtbot, shown, tmp_path):
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        for fmt in ("png", "svg") if not os.access(folder, os.W_OK) else ():  # not as root
            choice = FigureChoice("lossPlot", fmt, 2, folder / f"loss.{fmt}")
            assert export(qtbot, shown, choice) is False
            assert shown.status_text().startswith(f"Could not write {folder / 'loss'}")
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o700)
    taken = tmp_path / "a folder.png"  # a name a file cannot have, even for root
    taken.mkdir()
    assert export(qtbot, shown, FigureChoice("lossPlot", "png", 4, taken)) is False
    assert shown.status_text().startswith(f"Could not write {taken}: ")
    assert taken.is_dir() and list(taken.iterdir()) == []
    missing = tmp_path / "gone" / "loss.png"
    assert export(qtbot, shown, FigureChoice("lossPlot", "png", 1, missing)) is False
    assert "does not exist" in shown.status_text()
    assert shown.experiment() is not None  # nothing else changed


def test_a_hidden_tab_is_shown_and_exported_next_time(qtbot, shown, tmp_path):
    shown.loss_tabs.setCurrentWidget(shown.loss_panel)
    path = tmp_path / "step.png"
    assert export(qtbot, shown, FigureChoice("stepLinePlot", "png", 1, path)) is False
    assert "export it again once it is drawn" in shown.status_text()
    assert shown.loss_tabs.currentWidget() is shown.step_line_panel
    assert not path.exists()
    qtbot.waitUntil(lambda: shown.step_line_panel.line is not None, timeout=20000)
    assert export(qtbot, shown, FigureChoice("stepLinePlot", "png", 1, path))


def test_the_real_dialogs_choose_figure_format_and_file(qtbot, window, tmp_path, nnsim_dialogs):
    def choose(dialog):
        assert isinstance(dialog, ExportFigureDialog)
        dialog.set_choice("networkView", "svg")
        dialog.accept()

    nnsim_dialogs.answer("Export figure", choose)
    nnsim_dialogs.answer("Save the figure", str(tmp_path / "diagram"))
    trigger(window)
    qtbot.waitUntil(lambda: (tmp_path / "diagram.svg").is_file(), timeout=20000)  # .svg added
    qtbot.waitUntil(lambda: not window.figure_exporter.busy, timeout=20000)
    assert window.status_text() == f"Exported the figure to {tmp_path / 'diagram.svg'}"


def test_cancel_writes_nothing(qtbot, window, tmp_path, nnsim_dialogs):
    nnsim_dialogs.answer("Export figure", QDialog.DialogCode.Rejected)
    assert window.export_figure() is False
    window.ask_export_figure = lambda figure="lossPlot": None
    assert window.export_figure() is False
    assert list(tmp_path.iterdir()) == []


def test_default_file_names():
    from pathlib import Path

    assert default_figure_path(Path("/x/spiral.json"), "lossPlot", "png", 2) == Path(
        "/x/spiral_loss@2x.png"
    )
    assert default_figure_path(None, "networkView", "svg", 4).name == (
        "experiment_network_diagram.svg"
    )


def test_one_figure_at_a_time_the_second_is_refused_not_lost(qtbot, shown, tmp_path):
    first = FigureChoice("boundaryView", "png", 4, tmp_path / "a.png")
    assert shown.export_figure_to(first)
    assert not shown.export_figure_to(FigureChoice("lossPlot", "png", 1, tmp_path / "b.png"))
    assert shown.status_text() == "A figure is still being written; try again in a moment"
    qtbot.waitUntil(lambda: not shown.figure_exporter.busy, timeout=20000)
    assert shown.status_text() == f"Exported the figure to {first.path}"
    assert (tmp_path / "a.png").is_file() and not (tmp_path / "b.png").exists()


CHROMIUM = next(
    (b for b in ("chromium", "chromium-browser", "google-chrome") if shutil.which(b)), None
)


@pytest.mark.skipif(CHROMIUM is None, reason="no Chromium to open the SVG in")
def test_the_svg_opens_in_chromium_with_its_coloured_curves(qtbot, shown, tmp_path):
    path = tmp_path / "loss.svg"
    assert export(qtbot, shown, FigureChoice("lossPlot", "svg", 1, path))
    shot = tmp_path / "shot.png"
    run = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
         "--window-size=800,600", f"--screenshot={shot}", path.as_uri()],
        capture_output=True, timeout=120, cwd=tmp_path,
    )  # fmt: skip
    assert shot.is_file(), run.stderr
    rgb = pixels(shot).astype(int)
    coloured = (rgb.max(axis=2) - rgb.min(axis=2)) > 60  # the curves, not grey text or grid
    assert coloured.sum() > 200
