"""The plots and the export dialogs in Simplified Chinese (issue 13): no English left in any
state a learner sees, the live switch reaches the pyqtgraph texts, and an exported figure
of a Chinese window carries its Chinese labels."""

from __future__ import annotations

import dataclasses
import xml.etree.ElementTree as ET

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QMenu, QTreeWidget, QWidget

from nnsim.testing import train_until
from nnsim.testing.untranslated import english_texts, english_words
from nnsim.training.data import steps_per_epoch
from nnsim.training.diagnosis.diagnoser import Diagnosis
from nnsim.training.experiment import Experiment
from nnsim.ui.export.figure import FIGURES, FigureChoice, FigureExporter, export_figure
from nnsim.ui.export.figure_dialog import ExportFigureDialog
from nnsim.ui.export.script_dialog import ExportScriptDialog, ScriptChoice, ScriptExporter
from nnsim.ui.i18n import tr
from nnsim.ui.plots.export import PlotExportDialog

PLOTS = ("lossPlot", "gradientPlot", "lrPlot", "stepLinePlot")
SVG = "{http://www.w3.org/2000/svg}"


def menu_texts(menu: QMenu) -> list[str]:
    """Every text of a menu, its actions, their widgets (pyqtgraph's forms) and submenus."""
    texts = [menu.title()]
    for action in menu.actions():
        texts += [action.text(), action.toolTip() if action.toolTip() != action.text() else ""]
        if action.menu() is not None:
            texts += menu_texts(action.menu())
        widget = getattr(action, "defaultWidget", lambda: None)()
        if widget is not None:
            texts += [text for _, text in english_texts(widget)]
    return texts


def plot_menus(window) -> list[QMenu]:
    """The right-click menus of every plot: the view's, its Plot Options, the scene's."""
    menus = []
    for name in PLOTS:
        graphics = window.findChild(QWidget, name)
        view = graphics if isinstance(graphics, pg.GraphicsView) else graphics.graphics
        for item in view.scene().items():
            if isinstance(item, pg.PlotItem):
                menus += [item.vb.menu, item.ctrlMenu]
    return menus


def english_in_menus(window) -> list[str]:
    texts = [t for menu in plot_menus(window) for t in menu_texts(menu)]
    panel = window.loss_panel
    texts += [a.text() for a in panel.graphics.scene().contextMenu]
    return [t for t in texts if t and english_words(t)]


def english_on_plots(window) -> list[tuple[str, str]]:
    found = []
    for name in PLOTS:
        widget = window.findChild(QWidget, name)
        assert widget is not None, name
        found += english_texts(widget)
    for panel in (window.loss_panel, window.gradient_panel, window.lr_panel):
        found += english_texts(panel)  # the headers: read-outs, toggles, buttons
    found += english_texts(window.step_line_panel)  # the verdict and its details too
    return found


def show_everything(qtbot, window) -> None:
    """Trained, a ghost run kept, the step line drawn, the planned schedule shown."""
    train_until(window, 30)
    window.model.update(seed=7)  # new weights: the old run stays as a ghost
    qtbot.waitUntil(lambda: window.loss_panel.ghosts.labels() != [])
    train_until(window, 20)
    window.lr_panel.set_preview(np.arange(1, 201), 0.03 * 0.5 ** (np.arange(200) // 50))
    window.loss_tabs.setCurrentWidget(window.step_line_panel)
    qtbot.waitUntil(lambda: window.step_line_panel.line is not None, timeout=20000)
    assert len(window.lr_panel.planned_curve.getData()[0]) == 200


def test_the_plots_read_in_chinese_in_every_state(qtbot, make_window, nnsim_language):
    nnsim_language("zh_CN")
    window = make_window()
    assert english_on_plots(window) == []  # before the first step
    show_everything(qtbot, window)
    assert english_on_plots(window) == []
    assert window.loss_panel.readout.text()
    window.loss_panel.show_readout_at(3)  # hovering
    step = window.step_line_panel
    step.readout.setText(step.readout_text(float(step.line.etas[4])))
    step.log_toggle.setChecked(True)
    combo = window.gradient_panel.metric_combo
    for index in range(combo.count()):
        combo.setCurrentIndex(index)
        assert english_on_plots(window) == [], combo.currentData()
    window.loss_tabs.setCurrentWidget(window.loss_panel)
    assert english_on_plots(window) == []
    assert english_in_menus(window) == []


def test_the_diagnosis_markers_read_in_chinese(qtbot, make_window, nnsim_language):
    nnsim_language("zh_CN")
    window = make_window()
    train_until(window, 20)
    diagnoses = (
        Diagnosis("dead_relu", 10, 1, {}),
        Diagnosis("dead_relu", 10, 2, {}),
        Diagnosis("exploding_gradients", 15, None, {}),
    )
    snapshot = dataclasses.replace(window.last_snapshot, diagnoses=diagnoses)
    for panel in (window.loss_panel, window.gradient_panel):
        panel.show_snapshot(snapshot)
        labels = panel.diagnosis_markers.texts()
        assert labels == [f"{tr('dead_relu')} L1 L2", tr("exploding_gradients")]
        assert tr("dead_relu") != "dead_relu"
    assert english_on_plots(window) == []


def test_a_live_hyperparameter_change_is_marked_in_chinese(qtbot, make_window, nnsim_language):
    nnsim_language("zh_CN")
    window = make_window()
    train_until(window, 5)
    window.worker.set_hyperparameter("momentum", 0.5)  # as the optimizer's field does live
    window.worker.set_lr(0.01)
    train_until(window, 10)
    markers = window.loss_panel.markers
    qtbot.waitUntil(lambda: len(markers.texts()) == 2)
    assert markers.texts() == [f"{tr('momentum')} → 0.5", "lr 0.03 → 0.01"]
    assert english_on_plots(window) == []


def test_the_right_click_export_dialog_reads_in_chinese(qtbot, make_window, nnsim_language):
    nnsim_language("zh_CN")
    window = make_window()
    panel = window.loss_panel
    dialog = PlotExportDialog(panel.graphics.scene(), lambda message: None, panel)
    qtbot.addWidget(dialog)
    dialog.show(panel.plot)
    tree: QTreeWidget = dialog.ui.itemTree
    items = [tree.topLevelItem(0)]
    while items:  # every item offered for export, and every format for each
        item = items.pop()
        items += [item.child(i) for i in range(item.childCount())]
        assert english_words(item.text(0)) == [], item.text(0)
        tree.setCurrentItem(item)
        for row in range(dialog.ui.formatList.count()):
            dialog.ui.formatList.setCurrentRow(row)
            assert english_texts(dialog) == [], dialog.ui.formatList.item(row).text()
            rows = [dialog.ui.paramTree.invisibleRootItem()]
            names = []
            while rows:  # the options' names, however deep
                row = rows.pop()
                children = [row.child(i) for i in range(row.childCount())]
                names += [child.text(0) for child in children]
                rows += children
            assert names and [n for n in names if english_words(n)] == []


def test_the_script_dialog_reads_in_chinese(qtbot, nnsim_language):
    nnsim_language("zh_CN")
    dialog = ExportScriptDialog(Experiment())
    qtbot.addWidget(dialog)
    dialog.show()
    assert english_texts(dialog) == []
    dialog.set_choice("pytorch", 12345)
    assert english_texts(dialog) == []
    epochs = 12345 / steps_per_epoch(Experiment())
    assert dialog.epochs_label.text() == f"= 遍历训练集 {epochs:.3g} 次"


def test_the_figure_dialog_reads_in_chinese(qtbot, nnsim_language):
    nnsim_language("zh_CN")
    dialog = ExportFigureDialog(None, "gradientPlot")
    qtbot.addWidget(dialog)
    dialog.show()
    for figure in FIGURES:
        for fmt, scale in (("png", 1), ("png", 2), ("png", 4), ("svg", 1)):
            dialog.set_choice(figure, fmt, scale)
            assert english_texts(dialog) == [], (figure, fmt, scale)


def test_the_export_messages_read_in_chinese(qtbot, make_window, nnsim_language, tmp_path):
    nnsim_language("zh_CN")
    window = make_window()
    messages: list[tuple[str, bool]] = []
    figures = FigureExporter(window)
    figures.finished.connect(lambda text, error: messages.append((text, error)))
    assert figures.start(window, FigureChoice("lossPlot", "png", 1, tmp_path / "loss.png"))
    qtbot.waitUntil(lambda: len(messages) == 1)
    missing = tmp_path / "no such folder" / "loss.svg"
    assert figures.start(window, FigureChoice("lossPlot", "svg", 1, missing))
    qtbot.waitUntil(lambda: len(messages) == 2)
    assert not figures.start(window, FigureChoice("stepLinePlot", "svg", 1, tmp_path / "s.svg"))
    scripts = ScriptExporter(window)
    scripts.finished.connect(lambda text, error: messages.append((text, error)))
    assert scripts.start(window.experiment(), ScriptChoice("numpy", 5, tmp_path / "s.py"), "e")
    qtbot.waitUntil(lambda: len(messages) == 4, timeout=20000)
    assert [error for _, error in messages] == [False, True, True, False]
    for text, _ in messages:
        ignore = [str(missing.parent), str(tmp_path), "python"]
        assert english_words(text, ignore) == [], text
    figures.shutdown()
    scripts.shutdown()


def test_switching_the_language_live_reaches_every_plot_text(qtbot, window):
    show_everything(qtbot, window)
    window.gradient_panel.metric_combo.setCurrentIndex(2)  # the rule-of-thumb line shown
    assert english_on_plots(window) != []
    window.set_language("zh_CN")
    qtbot.waitUntil(lambda: english_on_plots(window) == [] and english_in_menus(window) == [])
    loss_axis = window.loss_panel.plot.getAxis("left")
    assert loss_axis.labelText == tr("loss") != "loss"
    window.loss_panel.set_font_scale(1.5)  # redrawn labels stay Chinese
    assert loss_axis.labelText == tr("loss")
    combo = window.gradient_panel.metric_combo
    combo.setCurrentIndex(0)  # the metric follows the item, not its (now Chinese) text
    assert window.gradient_panel.metric_name() == "gradient norm"
    assert english_on_plots(window) == []
    window.set_language("en")

    def legend() -> list[str]:
        return [label.text for _, label in window.loss_panel.legend.items]

    qtbot.waitUntil(lambda: any(n.startswith("earlier: ") for n in legend()))
    assert loss_axis.labelText == "loss" and "test loss" in legend()
    assert window.lr_panel.readout.text().startswith("η = ")


def test_a_figure_of_a_chinese_window_has_its_chinese_labels_as_svg_text(
    make_window, nnsim_language, tmp_path
):
    nnsim_language("zh_CN")
    window = make_window()
    train_until(window, 20)
    path = export_figure(window, FigureChoice("lossPlot", "svg", 1, tmp_path / "loss.svg"))
    root = ET.parse(path).getroot()
    texts = "".join("".join(t.itertext()) for t in root.iter(f"{SVG}text"))
    for label in ("step", "loss", "accuracy", "test loss"):
        assert tr(label) != label and tr(label) in texts, label
    assert root.find(f"{SVG}title").text == f"nnsim: {tr('Loss')}"


def test_the_checker_takes_names_from_code_for_code_and_still_finds_english():
    assert english_words("写出 forward_propagation、torch.nn.Sequential、lr_scheduler") == []
    assert english_words("以 float64 计算") == []
    assert english_words("可用浏览器或 Inkscape 打开") == []
    assert english_words("e.g. dead units") == ["dead", "units"]
