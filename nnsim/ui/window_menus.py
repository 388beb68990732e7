"""The main window's menu bar (File, View, Help) and its Help dialogs."""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, SignalInstance
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMessageBox

from nnsim import __version__
from nnsim.training.experiment import Experiment
from nnsim.training.experiment_model import ExperimentModel
from nnsim.training.landscape import TrajectoryRecorder
from nnsim.training.protocol import MetricsExported
from nnsim.training.snapshot import Snapshot
from nnsim.training.text import QT_TR_NOOP
from nnsim.ui.i18n import LANGUAGES, current_language, switch_language, tr
from nnsim.ui.lecture.window_mode import SHORTCUTS as LECTURE_SHORTCUTS
from nnsim.ui.window_base import MainWindowParts
from nnsim.ui.window_files import csv_filter
from nnsim.ui.worker import TrainingWorker

if TYPE_CHECKING:  # the windows and dialogs the menus open are imported when first opened
    from nnsim.ui.compare import CompareWindow
    from nnsim.ui.export import ScriptChoice, ScriptExporter
    from nnsim.ui.export.figure import FigureChoice, FigureExporter
    from nnsim.ui.export.report import ReportChoice, ReportExporter
    from nnsim.ui.landscape import LandscapeWindow
    from nnsim.ui.lr_finder_dialog import LRFinderDialog
    from nnsim.ui.surfaces import SurfacesWindow

SHORTCUTS = [
    ("Space", QT_TR_NOOP("Play / pause training")),
    (QT_TR_NOOP("→ or S"), QT_TR_NOOP("Train one mini-batch")),
    ("R", QT_TR_NOOP("Reset to the initial weights")),
    ("Ctrl+[ / Ctrl+]", QT_TR_NOOP("Train slower / faster (the speed slider)")),
    ("Ctrl+N / Ctrl+O / Ctrl+S", QT_TR_NOOP("New, open, save an experiment")),
    ("Ctrl+L", QT_TR_NOOP("Find a learning rate (the range test)")),
    ("Ctrl+K", QT_TR_NOOP("Compare runs that differ in one setting")),
    ("Ctrl+Shift+L", QT_TR_NOOP("The loss landscape around the weights")),
    ("Ctrl+Shift+F", QT_TR_NOOP("Optimizer paths on 2-D surfaces")),
    ("F11", QT_TR_NOOP("Full screen")),
    *LECTURE_SHORTCUTS,
    ("Ctrl+Q", QT_TR_NOOP("Quit")),
]
"""Help ▸ Keyboard shortcuts: (keys, what they do), both shown through ``tr``."""


class WindowMenusMixin(MainWindowParts):
    """File / Training / View / Help for MainWindow (which provides the slots declared here);
    sets ``file_menu``, ``recent_menu``, ``training_menu``, ``view_menu``,
    ``fullscreen_action``."""

    new_experiment: Callable[[], None]
    open_dialog: Callable[[], None]
    save: Callable[[], bool]
    save_as: Callable[[], bool]
    import_csv: Callable[..., bool]
    experiment: Callable[[], Experiment]
    model: ExperimentModel
    set_experiment: Callable[..., None]
    worker: TrainingWorker
    lr_finder_dialog: LRFinderDialog | None = None
    compare_window: CompareWindow | None = None
    landscape_window: LandscapeWindow | None = None
    last_snapshot: Snapshot | None
    landscape_recorder: TrajectoryRecorder
    snapshotShown: SignalInstance
    surfaces_window: SurfacesWindow | None = None
    script_exporter: ScriptExporter | None = None
    figure_exporter: FigureExporter | None = None
    report_exporter: ReportExporter | None = None
    _metrics_connected = False  # worker.metricsExported → the status bar, once
    _path: Path | None
    show_message: Callable[..., None]

    def _build_menus(self) -> None:
        menu = self.menuBar()
        file_menu = self.file_menu = menu.addMenu(tr("&File"))

        def action(m, text, slot, shortcut=None, name=None) -> QAction:
            a = QAction(text, self)
            if shortcut is not None:
                a.setShortcut(QKeySequence(shortcut))
            if name:
                a.setObjectName(name)
            a.triggered.connect(slot)
            m.addAction(a)
            return a

        keys = QKeySequence.StandardKey
        action(file_menu, tr("&New"), self.new_experiment, keys.New, "newAction")
        action(file_menu, tr("&Open…"), self.open_dialog, keys.Open, "openAction")
        self.recent_menu = file_menu.addMenu(tr("Open &Recent"))
        file_menu.addSeparator()
        action(file_menu, tr("&Save"), self.save, keys.Save, "saveAction")
        save_as = QKeySequence("Ctrl+Shift+S")
        action(file_menu, tr("Save &As…"), self.save_as, save_as, "saveAsAction")
        file_menu.addSeparator()
        action(file_menu, tr("&Import CSV data…"), self.import_csv, None, "importCsvAction")
        export_menu = self.export_menu = file_menu.addMenu(tr("&Export"))
        action(export_menu, tr("&Python script…"), self.export_script, None, "exportScriptAction")
        action(
            export_menu, tr("&Figure…"), lambda: self.export_figure(), None, "exportFigureAction"
        )
        metrics = action(
            export_menu, tr("&Metrics CSV…"), self.export_metrics, None, "exportMetricsAction"
        )
        metrics.setToolTip(tr("Every step of the run so far, as the metrics.csv of nnsim run"))
        action(export_menu, tr("&Report…"), self.export_report, None, "exportReportAction")
        file_menu.addSeparator()
        action(file_menu, tr("&Quit"), self.close, keys.Quit, "quitAction")
        training_menu = self.training_menu = menu.addMenu(tr("&Training"))
        action(
            training_menu,
            tr("Find &learning rate…"),
            self.find_learning_rate,
            QKeySequence("Ctrl+L"),
            "lrFinderAction",
        )
        self.view_menu = menu.addMenu(tr("&View"))
        self.fullscreen_action = action(
            self.view_menu,
            tr("&Full screen"),
            self.toggle_fullscreen,
            QKeySequence("F11"),
            "fullScreenAction",
        )
        action(
            self.view_menu,
            tr("&Compare…"),
            self.open_compare,
            QKeySequence("Ctrl+K"),
            "compareAction",
        )
        action(
            self.view_menu,
            tr("Loss &landscape…"),
            self.open_landscape,
            QKeySequence("Ctrl+Shift+L"),
            "landscapeAction",
        )
        action(self.view_menu, tr("&Surfaces…"), self.open_surfaces,
               QKeySequence("Ctrl+Shift+F"), "surfacesAction")  # fmt: skip
        self._build_language_menu()
        help_menu = menu.addMenu(tr("&Help"))
        action(help_menu, tr("&Keyboard shortcuts"), self.show_shortcuts, QKeySequence("F1"))
        action(help_menu, tr("&About nnsim"), self.show_about)

    def _build_language_menu(self) -> None:
        """View ▸ Language (``languageMenu``): one checkable action per language, named
        ``language_<code>`` (``language_en``, ``language_zh_CN``), each in its own name."""
        menu = self.language_menu = self.view_menu.addMenu(tr("&Language"))
        menu.setObjectName("languageMenu")
        group = QActionGroup(menu)
        for code, name in LANGUAGES.items():
            a = menu.addAction(name)
            a.setObjectName(f"language_{code}")
            a.setCheckable(True)
            a.setChecked(code == current_language())
            a.triggered.connect(lambda _=False, code=code: self.set_language(code))
            group.addAction(a)
        self._tell_languages()

    def _tell_languages(self) -> None:
        """The languages' tooltips, in the UI's language (again after a switch)."""
        for a in self.language_menu.actions():
            name = LANGUAGES[a.objectName().removeprefix("language_")]
            a.setToolTip(tr("Show nnsim in {language}").format(language=name))

    def set_language(self, code: str) -> None:
        """Show every window in language ``code`` from now on (kept for the next start)."""
        switch_language(code)
        # Qt posts LanguageChange to each window: delivered now, the views that make their
        # text from values (the title, the counters) read in the new language on return
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange.value)
        for a in self.language_menu.actions():
            a.setChecked(a.objectName() == f"language_{code}")

    def find_learning_rate(self) -> LRFinderDialog:
        """Training ▸ Find learning rate…: the range test beside the window (not modal); a
        "Use" button sets the experiment's learning rate."""
        from nnsim.ui.lr_finder_dialog import LRFinderDialog

        if self.lr_finder_dialog is None:
            self.lr_finder_dialog = LRFinderDialog(
                self.experiment, lambda lr: self.model.set_optimizer_param("lr", lr), self
            )
        dialog = self.lr_finder_dialog
        dialog.show()
        dialog.raise_()
        if dialog.finder is None:
            dialog.start()
        return dialog

    def ask_export_script(self) -> ScriptChoice | None:
        """File ▸ Export ▸ Python script's two dialogs (library and steps, then where); None
        if cancelled. Tests replace this hook, as ``ask_unsaved_changes``."""
        from nnsim.ui.export import ask_script_choice

        return ask_script_choice(self, self.experiment(), self._path)

    def export_script(self) -> bool:
        """File ▸ Export ▸ Python script…: write the experiment as a NumPy or PyTorch script
        (off the GUI thread); the status bar says where, or why not. False if nothing
        started (cancelled, or an export still running)."""
        from nnsim.ui.export import ScriptExporter

        if self.script_exporter is None:
            self.script_exporter = ScriptExporter(self)
            self.script_exporter.finished.connect(self.show_message)
        if self.script_exporter.busy:
            self.show_message(tr("An export is still being written; try again in a moment"))
            return False
        choice = self.ask_export_script()
        if choice is None:
            return False
        name = self._path.stem if self._path else "experiment"
        return self.script_exporter.start(self.experiment(), choice, name)

    def ask_export_figure(self, figure: str = "lossPlot") -> FigureChoice | None:
        """File ▸ Export ▸ Figure's two dialogs (figure and format, then where); None if
        cancelled. Tests replace this hook, as ``ask_export_script``."""
        from nnsim.ui.export.figure_dialog import ask_figure_choice

        return ask_figure_choice(self, self._path, figure)

    def export_figure(self, figure: str = "lossPlot") -> bool:
        """File ▸ Export ▸ Figure…: write a plot, the boundary or the diagram as PNG (1×, 2×,
        4×) or SVG (``figure``, an objectName, is the one the dialog offers first); the status
        bar says where, or why not. False if cancelled or nothing started."""
        choice = self.ask_export_figure(figure)
        return choice is not None and self.export_figure_to(choice)

    def export_figure_to(self, choice: FigureChoice) -> bool:
        """Draw the figure ``choice`` says and write it off the GUI thread, without dialogs;
        the status bar says where, or why not. False if nothing started."""
        if self.figure_exporter is None:
            from nnsim.ui.export.figure import FigureExporter

            self.figure_exporter = FigureExporter(self)
            self.figure_exporter.finished.connect(self.show_message)
        if self.figure_exporter.busy:
            self.show_message(tr("A figure is still being written; try again in a moment"))
            return False
        return self.figure_exporter.start(self, choice)

    def ask_export_report(self) -> ReportChoice | None:
        """File ▸ Export ▸ Report's two dialogs (PDF or HTML, then where); None if cancelled.
        Tests replace this hook, as ``ask_export_figure``."""
        from nnsim.ui.export.report_dialog import ask_report_choice

        return ask_report_choice(self, self._path)

    def export_report(self) -> bool:
        """File ▸ Export ▸ Report…: settings, results, plots, boundary and diagnoses on one
        PDF or HTML page. False if cancelled or nothing started."""
        choice = self.ask_export_report()
        return choice is not None and self.export_report_to(choice)

    def export_report_to(self, choice: ReportChoice) -> bool:
        """Draw the report's figures and write it (see ReportExporter), without dialogs; the
        status bar says where, or why not. False if nothing started."""
        if self.report_exporter is None:
            from nnsim.ui.export.report import ReportExporter

            self.report_exporter = ReportExporter(self)
            self.report_exporter.finished.connect(self.show_message)
        if self.report_exporter.busy:
            self.show_message(tr("A report is still being written; try again in a moment"))
            return False
        from nnsim.ui.export.report import report_content

        return self.report_exporter.start(
            self,
            lambda images: report_content(
                self.experiment(), self.last_snapshot, self._path, images
            ),
            choice,
        )

    def ask_export_metrics(self) -> Path | None:
        """File ▸ Export ▸ Metrics CSV's save dialog (``<experiment>-metrics.csv`` beside the
        experiment); None if cancelled. Tests replace this hook, as ``ask_unsaved_changes``."""
        stem = self._path.stem if self._path else "experiment"
        folder = self._path.parent if self._path else Path.cwd()
        path, _ = QFileDialog.getSaveFileName(
            self,
            tr("Export the metrics"),
            str(folder / f"{stem}-metrics.csv"),
            csv_filter(),
        )
        if not path:
            return None
        csv = Path(path)
        return csv if csv.suffix.lower() == ".csv" else csv.with_name(csv.name + ".csv")

    def export_metrics(self) -> bool:
        """File ▸ Export ▸ Metrics CSV…: every step trained so far, each column ``nnsim run``
        writes, written by the training process (the window never waits); the status bar
        says where and how many rows, or why not. False if cancelled."""
        path = self.ask_export_metrics()
        if path is None:
            return False
        if not self._metrics_connected:
            self.worker.metricsExported.connect(self._on_metrics_exported)
            self._metrics_connected = True
        self.worker.export_metrics(str(path))
        return True

    def _on_metrics_exported(self, reply: MetricsExported) -> None:
        if reply.error:
            self.show_message(reply.error, error=True)
        else:
            text = (
                tr("Exported the metrics of 1 step to {path}")
                if reply.rows == 1
                else tr("Exported the metrics of {rows} steps to {path}")
            )
            self.show_message(text.format(rows=reply.rows, path=reply.path))

    def open_compare(self) -> CompareWindow:
        """View ▸ Compare: the experiment as runs that differ in one setting, beside the
        window (not modal; rebuilt if the experiment changed since); "Use this run" makes a
        run's experiment the main one."""
        if self.compare_window is None:
            from nnsim.ui.compare import CompareWindow

            self.compare_window = CompareWindow(self.experiment, self.use_compare_run, self)
        self.compare_window.show_beside()
        return self.compare_window

    def open_landscape(self) -> LandscapeWindow:
        """View ▸ Loss landscape: the training loss on a plane through the weights on screen,
        beside the window (not modal), following training while it runs."""
        if self.landscape_window is None:
            from nnsim.ui.landscape import LandscapeWindow

            window = LandscapeWindow(lambda: self.last_snapshot, self.landscape_recorder, self)
            self.snapshotShown.connect(window.on_snapshot)
            self.landscape_window = window
        self.landscape_window.show_beside()
        return self.landscape_window

    def use_compare_run(self, experiment: Experiment, state: dict[str, Any] | None) -> None:
        """Compare's "Use this run": the run's experiment becomes the main one (an
        ``ExperimentError`` and nothing changes if it cannot), paused, going on from the
        run's trained ``state`` (weights, optimizer, history) when it has one."""
        self.set_experiment(experiment)
        if state is not None:
            self.worker.load_state(state)

    def open_surfaces(self) -> SurfacesWindow:
        """View ▸ Surfaces: optimizers racing on 2-D surfaces, beside the window (not modal)."""
        if self.surfaces_window is None:
            from nnsim.ui.surfaces import SurfacesWindow

            self.surfaces_window = SurfacesWindow(self)
        self.surfaces_window.show()
        self.surfaces_window.raise_()
        return self.surfaces_window

    def toggle_fullscreen(self) -> None:
        self.showNormal() if self.isFullScreen() else self.showFullScreen()

    def show_shortcuts(self) -> None:
        """Help ▸ Keyboard shortcuts (modal: tests answer it through ``nnsim_dialogs``)."""
        rows = "".join(
            f"<tr><td><b>{_cell(keys)}</b></td><td>{_cell(does)}</td></tr>"
            for keys, does in SHORTCUTS
        )
        QMessageBox.information(self, tr("Keyboard shortcuts"), f"<table>{rows}</table>")

    def show_about(self) -> None:
        """Help ▸ About nnsim (modal: tests answer it through ``nnsim_dialogs``)."""
        QMessageBox.about(
            self,
            tr("About nnsim"),
            tr(
                "<h3>nnsim {version}</h3><p>Watch a neural network learn: backpropagation, "
                "gradient descent and the learning rate, live.</p>"
            ).format(version=__version__),
        )


def _cell(text: str) -> str:
    return escape(tr(text), quote=False)
