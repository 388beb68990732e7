"""pyqtgraph's own texts (a plot's right-click menus, its export dialog) in nnsim's language.

pyqtgraph writes them through ``QCoreApplication.translate`` in contexts of its own
("ViewBox", "PlotItem", "Form", "GraphicsScene", "Exporter") and ships no translations.
:class:`PyqtgraphTranslator` looks them up in nnsim's one catalogue instead (context ""),
where :data:`TEXTS` puts them (``QT_TR_NOOP``, so that lupdate finds them): a menu made in a
Chinese window is Chinese, and View ▸ Language converts the open menus in place as any
other text (``nnsim.ui.retranslate``; the menus are top-level widgets). The few texts it
writes without ``translate`` (the export dialog's item tree, the CSV exporter's choices)
are translated by :mod:`nnsim.ui.plots.export`.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, QTranslator

from nnsim.training.text import LANGUAGES, QT_TR_NOOP
from nnsim.ui.i18n import SOURCE_LANGUAGE, current_language, translation_file

CONTEXTS = frozenset({"ViewBox", "PlotItem", "Form", "GraphicsScene", "Exporter"})

TEXTS = (
    # the view's menu (ViewBoxMenu); "X axis" is how pyqtgraph puts "X" and "axis" together
    QT_TR_NOOP("ViewBox options"),
    QT_TR_NOOP("View All"),
    QT_TR_NOOP("axis"),
    QT_TR_NOOP("X axis"),
    QT_TR_NOOP("Y axis"),
    QT_TR_NOOP("Mouse Mode"),
    QT_TR_NOOP("3 button"),
    QT_TR_NOOP("1 button"),
    QT_TR_NOOP("Link Axis:"),
    QT_TR_NOOP(
        "<html><head/><body><p>Links this axis with another view. When linked, both views "
        "will display the same data range.</p></body></html>"
    ),
    QT_TR_NOOP(
        "<html><head/><body><p>Percent of data to be visible when auto-scaling. It may be "
        "useful to decrease this value for data with spiky noise.</p></body></html>"
    ),
    QT_TR_NOOP(
        "<html><head/><body><p>Automatically resize this axis whenever the displayed data is "
        "changed.</p></body></html>"
    ),
    QT_TR_NOOP("Auto"),
    QT_TR_NOOP(
        "<html><head/><body><p>Set the range for this axis manually. This disables automatic "
        "scaling. </p></body></html>"
    ),
    QT_TR_NOOP("Manual"),
    QT_TR_NOOP("<html><head/><body><p>Minimum value to display for this axis.</p></body></html>"),
    QT_TR_NOOP("<html><head/><body><p>Maximum value to display for this axis.</p></body></html>"),
    QT_TR_NOOP(
        "<html><head/><body><p>Inverts the display of this axis. (+y points downward instead "
        "of upward)</p></body></html>"
    ),
    QT_TR_NOOP("Invert Axis"),
    QT_TR_NOOP(
        "<html><head/><body><p>Enables mouse interaction (panning, scaling) for this "
        "axis.</p></body></html>"
    ),
    QT_TR_NOOP("Mouse Enabled"),
    QT_TR_NOOP(
        "<html><head/><body><p>When checked, the axis will only auto-scale to data that is "
        "visible along the orthogonal axis.</p></body></html>"
    ),
    QT_TR_NOOP("Visible Data Only"),
    QT_TR_NOOP(
        "<html><head/><body><p>When checked, the axis will automatically pan to center on the "
        "current data, but the scale along this axis will not change.</p></body></html>"
    ),
    QT_TR_NOOP("Auto Pan Only"),
    # the plot's menu (PlotItem: Plot Options)
    QT_TR_NOOP("Plot Options"),
    QT_TR_NOOP("Transforms"),
    QT_TR_NOOP("Downsample"),
    QT_TR_NOOP("Average"),
    QT_TR_NOOP("Alpha"),
    QT_TR_NOOP("Grid"),
    QT_TR_NOOP("Points"),
    QT_TR_NOOP(
        "Display averages of the curves displayed in this plot. The parameter list allows you "
        "to choose parameters to average over (if any are available)."
    ),
    QT_TR_NOOP(
        "Plot only the portion of each curve that is visible. This assumes X values are "
        "uniformly spaced."
    ),
    QT_TR_NOOP("Clip to View"),
    QT_TR_NOOP(
        "If multiple curves are displayed in this plot, check this box to limit the number of "
        "traces that are displayed."
    ),
    QT_TR_NOOP("Max Traces:"),
    QT_TR_NOOP(
        "Downsample by drawing a saw wave that follows the min and max of the original data. "
        "This method produces the best visual representation of the data but is slower."
    ),
    QT_TR_NOOP("Peak"),
    QT_TR_NOOP(
        'If multiple curves are displayed in this plot, check "Max Traces" and set this value '
        "to limit the number of traces that are displayed."
    ),
    QT_TR_NOOP(
        "If MaxTraces is checked, remove curves from memory after they are hidden (saves "
        "memory, but traces can not be un-hidden)."
    ),
    QT_TR_NOOP("Forget hidden traces"),
    QT_TR_NOOP("Downsample by taking the mean of N samples."),
    QT_TR_NOOP("Mean"),
    QT_TR_NOOP(
        "Downsample by taking the first of N samples. This method is fastest and least accurate."
    ),
    QT_TR_NOOP("Subsample"),
    QT_TR_NOOP(
        "Automatically downsample data based on the visible range. This assumes X values are "
        "uniformly spaced."
    ),
    QT_TR_NOOP("Downsample data before plotting. (plot every Nth sample)"),
    QT_TR_NOOP("Log X"),
    QT_TR_NOOP("Y vs. Y'"),
    QT_TR_NOOP("Power Spectrum (FFT)"),
    QT_TR_NOOP("Log Y"),
    QT_TR_NOOP("Subtract Mean"),
    QT_TR_NOOP("Show X Grid"),
    QT_TR_NOOP("Show Y Grid"),
    QT_TR_NOOP("Opacity"),
    # the scene's menu and the export dialog
    QT_TR_NOOP("Export..."),
    QT_TR_NOOP("Export"),
    QT_TR_NOOP("Item to export:"),
    QT_TR_NOOP("Export format"),
    QT_TR_NOOP("Close"),
    QT_TR_NOOP("Export options"),
    QT_TR_NOOP("Copy"),
    QT_TR_NOOP("Entire Scene"),
    QT_TR_NOOP("Plot"),
    QT_TR_NOOP("ViewBox"),
    # the exporters: their names and options
    QT_TR_NOOP("Image File (PNG, TIF, JPG, ...)"),
    QT_TR_NOOP("Scalable Vector Graphics (SVG)"),
    QT_TR_NOOP("CSV of original plot data"),
    QT_TR_NOOP("Matplotlib Window"),
    QT_TR_NOOP("HDF5 Export: plot (x,y)"),
    QT_TR_NOOP("background"),
    QT_TR_NOOP("width"),
    QT_TR_NOOP("height"),
    QT_TR_NOOP("antialias"),
    QT_TR_NOOP("invertValue"),
    QT_TR_NOOP("scaling stroke"),
    QT_TR_NOOP(
        "If False, strokes are non-scaling, which means that they appear the same width on "
        "screen regardless of how they are scaled or how the view is zoomed."
    ),
    QT_TR_NOOP("separator"),
    QT_TR_NOOP("precision"),
    QT_TR_NOOP("columnMode"),
    QT_TR_NOOP("comma"),
    QT_TR_NOOP("tab"),
    QT_TR_NOOP("(x,y) per plot"),
    QT_TR_NOOP("(x,y,y,y) for all plots"),
)
"""pyqtgraph's texts, exactly as it writes them (those a plot of nnsim can show)."""


class PyqtgraphTranslator(QTranslator):
    """Answers pyqtgraph's contexts from nnsim's catalogue of the language installed now;
    any other context is left to the other translators.

    It holds its own copy of each language's ``.qm``, loaded once: calling
    ``QCoreApplication.translate`` from here would take Qt's translator lock a second time
    (a deadlock once a language switch waits for it), and so would deleting a translator
    here (its destructor removes it from the application under that lock)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._catalogues: dict[str, QTranslator] = {}
        for language in LANGUAGES:
            catalogue = QTranslator(self)
            if language != SOURCE_LANGUAGE and catalogue.load(translation_file(language)):
                self._catalogues[language] = catalogue

    def translate(self, context, source_text, disambiguation=None, n=-1):  # Qt's signature
        catalogue = self._catalogues.get(current_language())
        if catalogue is None or context not in CONTEXTS or not source_text:
            return None  # a null string, "not found here": Qt asks the next translator
        return catalogue.translate("", source_text, disambiguation, n) or None

    def isEmpty(self) -> bool:  # Qt's name
        return False


_bridge: list[PyqtgraphTranslator] = []


def install_pyqtgraph_translator() -> None:
    """Install :class:`PyqtgraphTranslator` once (before the first plot is made)."""
    app = QCoreApplication.instance()
    if _bridge or app is None:
        return
    translator = PyqtgraphTranslator(app)
    QCoreApplication.installTranslator(translator)
    _bridge.append(translator)
