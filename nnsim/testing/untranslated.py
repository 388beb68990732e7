"""Finding English left in a translated window: every text a user can see or hover.

``english_texts(widget)`` lists ``(where, text)`` for each visible text of ``widget`` and
its children that still holds an English word: labels, buttons, group titles, tabs, combo
items, table headers, placeholders, tooltips, window titles, the menu bar's menus and
actions (open or not), plot titles, axis labels, legends and the diagram's text items.
Allowed: names that stay English in a Chinese text book (optimizers, activations, file
formats, :data:`ALLOWED`), symbols and formulas (one-letter names, ``W1``, ``dJ/dW``),
numbers, and text the user or a file gave (pass ``ignore``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

ALLOWED = frozenset(
    """
    SGD Adam AdamW RMSprop Adagrad Nesterov ReLU LeakyReLU Leaky tanh sigmoid softmax linear
    relu elu ELU GELU BatchNorm BN MSE BCE CE Xavier Glorot He Kaiming LeCun PCA LR
    CSV PNG SVG PDF HTML JSON npz NumPy numpy PyTorch torch Python nnsim Qt PySide6 pyqtgraph
    Ctrl Shift Alt Esc Space Enter Tab PgUp PgDn Home End Del F1 F5 F11
    lr exp log ln max min sqrt sin cos mean std var norm argmin argmax grad
    English epoch
    inf nan Dropout
    Keras keras
    silu SiLU gelu sine leaky swish Transformer TensorFlow Playground randn
    label
    xor XOR Rosenbrock Beale Himmelblau Rastrigin MNIST Inkscape
    Smith
    eps epsilon beta beta1 beta2 gamma lambda alpha rho mu sigma eta theta
    dJ dW db dz dA ij
    """.split()  # noqa: SIM905  (a word list, read as one)
)
"""Words that may stay English in the Chinese UI (case-sensitive, as written)."""

WORD = re.compile(r"[A-Za-z][A-Za-z']+")
FORMULA = re.compile(r"\b[A-Za-z]{1,2}\d*(?:_\w+)?\b")  # W1, A3, x, dW2, b_l
TAG = re.compile(r"<[^>]*>|&[a-z]+;|&#\d+;")
COMMAND = re.compile(r"\bnnsim (?:run|validate|lr-find|compare|landscape|surface|export)\b")
"""nnsim's command-line commands, typed as they are whatever the language."""
CODE = re.compile(r"\b[A-Za-z]\w*(?:_\w+|\.[A-Za-z_]\w*)+|\b[a-z]+\d+\b")
"""Names from code: ``compute_loss``, ``np.dot``, ``torch.nn.Sequential``, ``float64``."""
CODE_NAME = re.compile(r"\b\w+_\w+\b|\b[A-Za-z]*[a-z][A-Z]\w*|\b[A-Z]{2,}[a-z]\w*")
"""PyTorch's keywords and class names (``weight_decay``, ``T_max``, ``StepLR``, ``AMSGrad``)."""


def english_words(text: str, ignore: Iterable[str] = ()) -> list[str]:
    """The words of ``text`` (HTML tags and entities removed) that are English and not
    allowed; a mnemonic ``&`` is not a letter."""
    for given in ignore:
        if given:
            text = text.replace(given, " ")
    text = CODE_NAME.sub(" ", TAG.sub(" ", text).replace("&", ""))
    text = COMMAND.sub(" ", text)
    text = re.sub(r"https?://\S+|\S+\.(?:json|csv|png|svg|py|npz|md)\b", " ", text)
    text = CODE.sub(" ", text)
    words = []
    for word in WORD.findall(text):
        if word in ALLOWED or word.rstrip("'s") in ALLOWED or FORMULA.fullmatch(word):
            continue
        words.append(word)
    return words


def english_texts(root, ignore: Iterable[str] = ()) -> list[tuple[str, str]]:
    """``(where, text)`` of every text under ``root`` (a widget) still in English."""
    ignore = tuple(ignore)
    return [(where, text) for where, text in visible_texts(root) if english_words(text, ignore)]


def visible_texts(root) -> Iterator[tuple[str, str]]:
    """Every text a user of ``root``'s window can see or hover, with where it is."""
    from PySide6.QtWidgets import QMainWindow, QMenu, QWidget

    widgets = [root, *root.findChildren(QWidget)]
    for w in widgets:
        if not _shown(w, root) and not isinstance(w, QMenu):
            continue
        yield from _widget_texts(w)
    if isinstance(root, QMainWindow):
        for action in root.menuBar().actions():
            yield from _menu_texts(action, _name(root))


def _shown(widget, root) -> bool:
    return widget is root or (widget.isVisibleTo(root) and widget.isVisible())


def _name(obj) -> str:
    return obj.objectName() or type(obj).__name__


def _widget_texts(w) -> Iterator[tuple[str, str]]:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import (
        QAbstractButton,
        QComboBox,
        QGraphicsView,
        QGroupBox,
        QLabel,
        QLineEdit,
        QTableWidget,
        QTabWidget,
        QTextEdit,
    )

    where = _name(w)
    if w.isWindow():
        yield f"{where} title", w.windowTitle()
    yield f"{where} tooltip", w.toolTip()
    if isinstance(w, QLabel | QAbstractButton):
        yield where, w.text()
    elif isinstance(w, QLineEdit):
        yield f"{where} placeholder", w.placeholderText()
    elif isinstance(w, QGroupBox):
        yield where, w.title()
    elif isinstance(w, QComboBox):
        for i in range(w.count()):
            yield f"{where} item {i}", w.itemText(i)
            yield f"{where} item {i} tooltip", str(w.itemData(i, Qt.ItemDataRole.ToolTipRole) or "")
    elif isinstance(w, QTabWidget):
        for i in range(w.count()):
            yield f"{where} tab {i}", w.tabText(i)
            yield f"{where} tab {i} tooltip", w.tabToolTip(i)
    elif isinstance(w, QTableWidget):
        for i in range(w.columnCount()):
            item = w.horizontalHeaderItem(i)
            if item is not None:
                yield f"{where} header {i}", item.text()
                yield f"{where} header {i} tooltip", item.toolTip()
    elif isinstance(w, QTextEdit):
        yield where, w.toPlainText()
    if isinstance(w, QGraphicsView) and w.scene() is not None:
        yield from _scene_texts(w)


def _scene_texts(view) -> Iterator[tuple[str, str]]:
    import pyqtgraph as pg
    from PySide6.QtWidgets import QGraphicsSimpleTextItem, QGraphicsTextItem

    where = _name(view)
    for item in view.scene().items():
        if not item.isVisible():
            continue
        if isinstance(item, pg.AxisItem):
            if item.label.isVisible():
                yield f"{where} axis", item.labelText
        elif isinstance(item, pg.LabelItem):
            yield f"{where} label", item.text
        elif isinstance(item, QGraphicsTextItem):
            yield f"{where} text", item.toPlainText()
        elif isinstance(item, QGraphicsSimpleTextItem):
            yield f"{where} text", item.text()
        elif isinstance(getattr(item, "text", None), str):  # nnsim's own text items
            yield f"{where} text", item.text
        yield f"{where} item tooltip", item.toolTip()


def _menu_texts(action, where: str) -> Iterator[tuple[str, str]]:
    here = f"{where} ▸ {action.text()}"
    yield here, action.text()
    yield (
        f"{here} tooltip",
        action.toolTip() if action.toolTip() != action.text().replace("&", "") else "",
    )
    menu = action.menu()
    if menu is not None:
        for child in menu.actions():
            if not child.isSeparator():
                yield from _menu_texts(child, here)
