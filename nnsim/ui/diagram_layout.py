"""Where the network diagram's items sit for one architecture, and what its columns are called.

Scene units: column k (0 = the inputs) stands at x = k · COLUMN_PITCH, its nodes centred
on y = 0 and ROW_PITCH apart; an edge runs from a node's right side to a node's left side
in the next column; a bias sits on its node's lower-left corner. The view scales the whole
scene to its size.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from itertools import pairwise
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtWidgets import QGraphicsScene

from nnsim.ui.diagram_columns import NodeColumn
from nnsim.ui.diagram_items import BiasItem, EdgeItem, EdgeLayer, NodeItem
from nnsim.ui.i18n import tr

if TYPE_CHECKING:
    from nnsim.ui.network_view import NetworkView

NODE = 40.0
ROW_PITCH = 54.0
COLUMN_PITCH = 150.0
BIAS = 9.0
BAND = 10.0  # the highlight band's margin around its column
CURVE_LIMIT = 600  # up to this many edges they are curves; beyond, straight lines (4× cheaper)
CAPTION_GAP = 6.0  # px between two column captions

ACTIVATION_SYMBOLS = {
    "linear": "lin",
    "sigmoid": "σ",
    "tanh": "tanh",
    "relu": "ReLU",
    "leaky_relu": "lReLU",
    "elu": "ELU",
    "gelu": "GELU",
    "silu": "SiLU",
    "sine": "sin",
    "softmax": "smax",
}
"""The shortest name of each activation, for captions of narrow columns."""


class DiagramItems(NamedTuple):
    """The items of one architecture, indexed by layer (layer 0 = inputs, which have no edges)."""

    nodes: list[list[NodeItem]]  # [layer][unit]
    edges: list[list[list[EdgeItem]]]  # [layer][row][col], layer ≥ 1
    flat_edges: list[list[EdgeItem]]  # [layer], row after row
    biases: list[list[BiasItem]]  # [layer][unit], layer ≥ 1
    columns: list[NodeColumn]  # [layer]: draws the layer's nodes and biases


def build_items(view: NetworkView, scene: QGraphicsScene, sizes: Sequence[int]) -> DiagramItems:
    """Add a node per unit of every column of ``sizes`` (inputs first), an edge per weight and
    a bias per unit of layers 1.. to ``scene``; each edge layer is drawn by one
    :class:`EdgeLayer`, each column's nodes and biases by one :class:`NodeColumn`."""
    nodes = []
    for layer, n in enumerate(sizes):
        x = layer * COLUMN_PITCH
        column = []
        for unit in range(n):
            y = (unit - (n - 1) / 2) * ROW_PITCH - NODE / 2
            node = NodeItem(view, layer, unit, QRectF(x, y, NODE, NODE))
            scene.addItem(node)
            column.append(node)
        nodes.append(column)
    edges: list[list[list[EdgeItem]]] = [[]]
    flat_edges: list[list[EdgeItem]] = [[]]
    biases: list[list[BiasItem]] = [[]]
    curved = sum(a * b for a, b in pairwise(sizes)) <= CURVE_LIMIT
    for layer in range(1, len(sizes)):
        rows = []
        for row, target in enumerate(nodes[layer]):
            end = QPointF(target.rect.left(), target.rect.center().y())
            items = []
            for col, source in enumerate(nodes[layer - 1]):
                start = QPointF(source.rect.right(), source.rect.center().y())
                edge = EdgeItem(view, layer, row, col, start, end, curved)
                scene.addItem(edge)
                items.append(edge)
            rows.append(items)
        edges.append(rows)
        flat_edges.append([edge for items in rows for edge in items])
        scene.addItem(EdgeLayer(flat_edges[-1]))
        bias_column = []
        for unit, node in enumerate(nodes[layer]):
            r = node.rect
            rect = QRectF(r.left() - BIAS / 2, r.bottom() - BIAS / 2, BIAS, BIAS)
            bias = BiasItem(view, layer, unit, rect)
            scene.addItem(bias)
            bias_column.append(bias)
        biases.append(bias_column)
    columns = [
        NodeColumn(units, units_biases) for units, units_biases in zip(nodes, biases, strict=True)
    ]
    for node_column in columns:
        scene.addItem(node_column)
    return DiagramItems(nodes, edges, flat_edges, biases, columns)


def content_rect(sizes: Sequence[int]) -> QRectF:
    """The nodes' bounding box, with room for the highlight band."""
    half = ((max(sizes) - 1) * ROW_PITCH + NODE) / 2
    return QRectF(
        -BAND, -half - BAND, (len(sizes) - 1) * COLUMN_PITCH + NODE + 2 * BAND, 2 * (half + BAND)
    )


def band_rect(column: Sequence[NodeItem]) -> QRectF:
    """The highlight band around a column of nodes."""
    top, bottom = column[0].rect, column[-1].rect
    return QRectF(
        top.left() - BAND,
        top.top() - BAND,
        NODE + 2 * BAND,
        bottom.bottom() - top.top() + 2 * BAND,
    )


def column_texts(
    k: int, features: int, sizes: Sequence[int], activations: Sequence[str]
) -> tuple[str, ...]:
    """The label of column k, from one line to a compact three-line form (then with σ…).

    ``features`` is the number of inputs; ``sizes`` and ``activations`` are those of layers
    1..L (the hidden layers, then the output).
    """
    if k == 0:
        n = features
        count = (tr("{n} feature") if n == 1 else tr("{n} features")).format(n=n)
        return (
            tr("Input · {count}").format(count=count),
            tr("Input\n{count}").format(count=count),
            tr("In\n{n}").format(n=n),
        )
    units, activation = sizes[k - 1], activations[k - 1]
    if k == len(sizes):
        where, short = tr("Output"), tr("Out")
    else:
        where, short = tr("Layer {k}").format(k=k), tr("L{k}").format(k=k)
    count = (tr("{n} unit") if units == 1 else tr("{n} units")).format(n=units)
    return (
        f"{where} · {activation} · {count}",
        f"{where}\n{activation}\n{count}",
        f"{short}\n{activation}\n{units}",
        f"{short}\n{ACTIVATION_SYMBOLS.get(activation, activation[:4])}\n{units}",
    )


def shown_captions(centers: Sequence[float], widths: Sequence[float], gap: float) -> list[bool]:
    """Which column captions to show so that none touches another (``gap`` px between).

    ``centers`` (increasing) and ``widths`` in pixels. From the left, a caption is shown
    when it clears the last one shown; the last caption (the output) always is, and the
    one before it gives way if they would touch.
    """
    shown = [False] * len(centers)
    right = -math.inf
    for i, (center, width) in enumerate(zip(centers, widths, strict=True)):
        if center - width / 2 >= right + gap:
            shown[i] = True
            right = center + width / 2
    if centers:
        last = len(centers) - 1
        left = centers[last] - widths[last] / 2
        shown[last] = True
        for i in range(last - 1, -1, -1):
            if shown[i] and centers[i] + widths[i] / 2 + gap > left:
                shown[i] = False
            elif shown[i]:
                break
    return shown
