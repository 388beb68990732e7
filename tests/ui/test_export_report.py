"""File ▸ Export ▸ Report…: settings, results, plots, boundary and diagnoses on one PDF or
HTML page (issue 13)."""

from __future__ import annotations

import base64
import dataclasses
import re
import shutil
import subprocess

import numpy as np
import pytest
from PySide6.QtGui import QAction, QImage
from PySide6.QtWidgets import QDialog, QWidget

from nnsim.testing.untranslated import english_texts
from nnsim.training.diagnosis import Diagnosis
from nnsim.training.experiment import Experiment
from nnsim.training.experiment.specs import OptimizerSpec
from nnsim.ui.export.figure import drawing_of
from nnsim.ui.export.report import ReportChoice
from nnsim.ui.export.report_dialog import ExportReportDialog, default_report_path

IMAGE = re.compile(r'<img src="data:image/png;base64,([A-Za-z0-9+/=]+)"[^>]*alt="([^"]*)"')


def experiment() -> Experiment:
    base = Experiment.default()
    training = dataclasses.replace(
        base.training,
        optimizer=OptimizerSpec("adam", {"lr": 0.0123, "betas": (0.85, 0.995)}),
        batch_size=17,
    )
    return dataclasses.replace(base, name="Moons for homework", seed=4242, training=training)


@pytest.fixture
def trained(qtbot, make_window):
    window = make_window(experiment())
    window.play()
    qtbot.waitUntil(lambda: window.last_snapshot.step >= 300, timeout=20000)
    window.pause()
    qtbot.waitUntil(lambda: not window.last_snapshot.running, timeout=20000)
    return window


def with_diagnosis(window) -> Diagnosis:
    """The window's newest snapshot as if the coach had found vanishing gradients."""
    snapshot = window.last_snapshot
    diagnosis = Diagnosis(
        "vanishing_gradients", 120, None, {"first": 1e-6, "ratio": 1e-4, "last": 1e-2}
    )
    window.last_snapshot = dataclasses.replace(snapshot, diagnoses=(diagnosis,))
    return diagnosis


def done_text(path) -> str:
    return f"Exported the report to {path}"


def test_the_action_writes_an_html_page_with_settings_diagnoses_and_images(
    qtbot, trained, tmp_path
):
    window = trained
    diagnosis = with_diagnosis(window)
    path = tmp_path / "report.html"
    window.ask_export_report = lambda: ReportChoice("html", path)
    action = window.findChild(QAction, "exportReportAction")
    assert action is not None and action in window.export_menu.actions()
    action.trigger()
    qtbot.waitUntil(lambda: not window.report_exporter.busy, timeout=30000)
    assert window.status_text() == done_text(path)
    html = path.read_text("utf-8")
    assert "<title>nnsim report: Moons for homework</title>" in html
    for value in ("Adam", "lr = 0.0123", "betas = (0.85, 0.995)", "17", "4242",
                  "2 inputs → 4 (tanh) → 2 (tanh) → 1 (sigmoid)", "xavier_uniform",
                  "binary cross-entropy", "Circle"):  # fmt: skip
        assert value in html, value
    step = window.last_snapshot.step
    assert f"{step} steps" in html
    evaluation = window.last_snapshot.evaluation
    assert f"{evaluation.test_loss:.4g}" in html and f"{evaluation.test_accuracy:.1%}" in html
    assert "vanishing_gradients" in html and f"<td>{diagnosis.step}</td>" in html
    assert diagnosis.message.split(" ")[0] in html
    images = {alt: base64.b64decode(data) for data, alt in IMAGE.findall(html)}
    assert set(images) == {"Loss", "Gradient norms", "Decision boundary"}
    assert 'src="http' not in html and "file:" not in html  # self-contained
    for alt, data in images.items():
        image = QImage.fromData(data).convertToFormat(QImage.Format.Format_RGB32)
        assert image.width() >= 200 and image.height() >= 100, alt
        rows = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), -1).copy()
        assert rows.std() > 10, f"{alt} is blank"
    boundary = QImage.fromData(images["Decision boundary"])
    drawn = drawing_of(window.findChild(QWidget, "boundaryView")).size()
    assert (boundary.width(), boundary.height()) == (2 * drawn.width(), 2 * drawn.height())


def test_the_pdf_is_one_a4_page_holding_the_report_text(qtbot, trained, tmp_path):
    window = trained
    with_diagnosis(window)
    path = tmp_path / "report.pdf"
    window.export_report_to(ReportChoice("pdf", path))
    qtbot.waitUntil(lambda: not window.report_exporter.busy, timeout=30000)
    assert window.status_text() == done_text(path)
    data = path.read_bytes()
    assert data.startswith(b"%PDF")
    assert len(re.findall(rb"/Type\s*/Page\b", data)) == 1
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext is not installed")
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    for words in ("nnsim report: Moons for homework", "Settings", "Adam", "4242",
                  "Results", "Final loss", "vanishing_gradients", "Coach"):  # fmt: skip
        assert words in text, words
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout
    assert re.search(r"Pages:\s+1\n", info) and "(A4)" in info
    assert len(re.findall(rb"/Subtype\s*/Image", data)) >= 3


def test_a_chinese_window_gives_a_chinese_report(qtbot, nnsim_language, make_window, tmp_path):
    nnsim_language("zh_CN")
    window = make_window(experiment())
    window.play()
    qtbot.waitUntil(lambda: window.last_snapshot.step >= 50, timeout=20000)
    window.pause()
    path = tmp_path / "报告.html"
    window.export_report_to(ReportChoice("html", path))
    qtbot.waitUntil(lambda: not window.report_exporter.busy, timeout=30000)
    html = path.read_text("utf-8")
    for heading in ("设置", "结果", "损失", "梯度范数", "决策边界", "教练的诊断"):
        assert heading in html, heading
    assert "Settings" not in html and "Results" not in html
    assert "教练没有发现问题。" in html and "nothing wrong" not in html
    assert '<html lang="zh-CN">' in html
    assert window.status_text() == f"已将报告导出到 {path}"
    pdf = tmp_path / "报告.pdf"
    window.export_report_to(ReportChoice("pdf", pdf))
    qtbot.waitUntil(lambda: not window.report_exporter.busy, timeout=30000)
    assert window.status_text() == f"已将报告导出到 {pdf}"
    if shutil.which("pdftotext") is not None:
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
        assert "nnsim 报告：Moons for homework" in text and "教练的诊断" in text, text


def test_the_dialog_reads_in_chinese(qtbot, nnsim_language):
    nnsim_language("zh_CN")
    dialog = ExportReportDialog()
    qtbot.addWidget(dialog)
    assert english_texts(dialog) == []


def test_unwritable_places_say_why_and_nothing_crashes(qtbot, trained, tmp_path):
    window = trained
    taken = tmp_path / "a folder.pdf"  # a name a file cannot have, even for root
    taken.mkdir()
    for fmt in ("pdf", "html"):
        assert window.export_report_to(ReportChoice(fmt, taken))
        qtbot.waitUntil(lambda: not window.report_exporter.busy, timeout=30000)
        assert window.status_text().startswith(f"Could not write {taken}: "), fmt
        assert taken.is_dir() and list(taken.iterdir()) == []
    missing = tmp_path / "gone" / "report.html"
    window.export_report_to(ReportChoice("html", missing))
    qtbot.waitUntil(lambda: not window.report_exporter.busy, timeout=30000)
    assert "does not exist" in window.status_text()
    assert not missing.parent.exists()
    good = tmp_path / "after.html"  # the exporter still works afterwards
    window.export_report_to(ReportChoice("html", good))
    qtbot.waitUntil(lambda: not window.report_exporter.busy, timeout=30000)
    assert window.status_text() == done_text(good)


def test_a_figure_behind_a_tab_is_brought_forward_and_the_report_follows(qtbot, trained, tmp_path):
    window = trained
    window.loss_tabs.setCurrentWidget(window.step_line_panel)
    path = tmp_path / "r.html"
    assert window.export_report_to(ReportChoice("html", path))
    qtbot.waitUntil(lambda: not window.report_exporter.busy, timeout=30000)
    assert window.status_text() == done_text(path)
    assert window.loss_tabs.currentWidget() is window.loss_panel
    assert len(IMAGE.findall(path.read_text("utf-8"))) == 3


def test_before_training_the_report_says_so(qtbot, window, tmp_path):
    path = tmp_path / "fresh.html"
    window.export_report_to(ReportChoice("html", path))
    qtbot.waitUntil(lambda: not window.report_exporter.busy, timeout=30000)
    html = path.read_text("utf-8")
    assert "0 steps" in html and "The coach saw nothing wrong." in html


def test_the_real_dialogs_choose_format_and_file(qtbot, window, tmp_path, nnsim_dialogs):
    def choose(dialog):
        assert isinstance(dialog, ExportReportDialog)
        dialog.set_format("html")
        dialog.accept()

    nnsim_dialogs.answer("Export report", choose)
    nnsim_dialogs.answer("Save the report", str(tmp_path / "mine"))
    window.findChild(QAction, "exportReportAction").trigger()
    qtbot.waitUntil(lambda: window.report_exporter is not None, timeout=5000)
    qtbot.waitUntil(lambda: not window.report_exporter.busy, timeout=30000)
    assert window.status_text() == done_text(tmp_path / "mine.html")
    nnsim_dialogs.answer("Export report", QDialog.DialogCode.Rejected)
    assert window.export_report() is False


def test_default_report_names(tmp_path):
    assert default_report_path(tmp_path / "spiral.json", "pdf") == tmp_path / "spiral_report.pdf"
    assert default_report_path(None, "html").name == "experiment_report.html"


def test_a_long_list_of_diagnoses_goes_on_over_more_pages(qtbot, trained, tmp_path):
    window = trained
    evidence = {"first": 1e-6, "ratio": 1e-4, "last": 1e-2}
    many = tuple(Diagnosis("vanishing_gradients", 100 * k, None, evidence) for k in range(1, 61))
    window.last_snapshot = dataclasses.replace(window.last_snapshot, diagnoses=many)
    path = tmp_path / "long.pdf"
    window.export_report_to(ReportChoice("pdf", path))
    qtbot.waitUntil(lambda: not window.report_exporter.busy, timeout=30000)
    assert window.status_text() == done_text(path)
    pages = len(re.findall(rb"/Type\s*/Page\b", path.read_bytes()))
    assert pages >= 2
    if shutil.which("pdftotext") is not None:
        last = subprocess.run(
            ["pdftotext", "-f", str(pages), "-l", str(pages), str(path), "-"],
            capture_output=True, text=True, check=True,
        ).stdout  # fmt: skip
        assert "6000" in last  # the last diagnosis, whole, on the last page


@pytest.mark.parametrize(("fmt", "off_the_gui_thread"), [("html", True), ("pdf", False)])
def test_html_is_written_off_the_gui_thread_and_pdf_on_it(
    qtbot, trained, tmp_path, monkeypatch, fmt, off_the_gui_thread
):
    """HTML is encoded in the worker thread; a PDF's QTextDocument connects signals, which a
    Python worker thread cannot do while the GUI thread disconnects (a deadlock under PySide,
    see nnsim.ui.export.background), so it is written on the GUI thread in a turn of its own."""
    import threading

    from nnsim.ui.export import report

    threads = []
    write = report.write_report

    def watched(content, choice):
        threads.append(threading.current_thread())
        return write(content, choice)

    monkeypatch.setattr(report, "write_report", watched)
    path = tmp_path / f"r.{fmt}"
    assert trained.export_report_to(ReportChoice(fmt, path))
    assert not threads  # nothing written in the call itself: the figures come first
    qtbot.waitUntil(lambda: not trained.report_exporter.busy, timeout=30000)
    assert trained.status_text() == done_text(path)
    assert len(threads) == 1
    assert (threads[0] is not threading.main_thread()) == off_the_gui_thread


def test_the_figures_are_drawn_one_per_turn_of_the_event_loop(
    qtbot, trained, tmp_path, monkeypatch
):
    """The window stays responsive: each figure is drawn in its own turn, not all at once."""
    from nnsim.ui.export import report

    drawn = []
    draw = report.draw_figure

    def watched(root, name):
        drawn.append(name)
        return draw(root, name)

    monkeypatch.setattr(report, "draw_figure", watched)
    assert trained.export_report_to(ReportChoice("html", tmp_path / "r.html"))
    assert drawn == ["boundaryView"]  # the rest at the next turns
    qtbot.waitUntil(lambda: not trained.report_exporter.busy, timeout=30000)
    assert drawn == ["boundaryView", "lossPlot", "gradientPlot"]
    assert trained.export_report_to(ReportChoice("html", tmp_path / "s.html"))
    assert trained.export_report_to(ReportChoice("html", tmp_path / "t.html")) is False
    assert trained.status_text() == "A report is still being written; try again in a moment"
    qtbot.waitUntil(lambda: not trained.report_exporter.busy, timeout=30000)
    assert (tmp_path / "s.html").is_file() and not (tmp_path / "t.html").exists()


def test_a_write_that_fails_half_way_leaves_no_file(qtbot, trained, tmp_path, monkeypatch):
    from nnsim.ui.export import report

    def broken(content, path):
        path.write_bytes(b"%PDF-1.4 half")
        raise report.ReportError("Could not write the page")

    monkeypatch.setattr(report, "write_pdf", broken)
    path = tmp_path / "half.pdf"
    assert trained.export_report_to(ReportChoice("pdf", path))
    qtbot.waitUntil(lambda: not trained.report_exporter.busy, timeout=30000)
    assert trained.status_text() == "Could not write the page"
    assert not path.exists()
