"""The network diagram drawn by column: one item draws a column's thumbnails, a cached one
its borders and biases; only the edges and biases whose style changed are restyled."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QGraphicsItem

from nnsim.training.experiment import Experiment, LayerSpec
from nnsim.training.snapshot import take_snapshot
from nnsim.training.trainer import Trainer
from nnsim.ui.colormap import LUT, lut_indices
from nnsim.ui.diagram_columns import NodeColumn
from nnsim.ui.diagram_items import BiasItem, EdgeItem
from nnsim.ui.diagram_style import bias_colors, thumbnails
from nnsim.ui.network_view import NetworkView

NO_CONTENTS = QGraphicsItem.GraphicsItemFlag.ItemHasNoContents


def drawn(view: NetworkView) -> QImage:
    """The diagram as the screen shows it."""
    return view.viewport().grab().toImage().convertToFormat(QImage.Format.Format_RGB32)


def pixel(image: QImage, view: NetworkView, scene_point) -> tuple[int, int, int]:
    c = QColor(image.pixel(view.mapFromScene(scene_point)))
    return c.red(), c.green(), c.blue()


def darkest_on_border(image: QImage, view: NetworkView, node) -> int:
    """The lowest lightness on the node's border (±2 px around its square)."""
    rect = view.mapFromScene(node.rect).boundingRect()
    values = []
    for x in range(rect.left() - 2, rect.right() + 3):
        for y in (
            *range(rect.top() - 2, rect.top() + 3),
            *range(rect.bottom() - 2, rect.bottom() + 3),
        ):
            values.append(QColor(image.pixel(x, y)).lightness())
    return min(values)


def test_each_column_is_drawn_by_one_item_the_nodes_and_biases_only_interact(diagram):
    columns = [item for item in diagram.scene().items() if isinstance(item, NodeColumn)]
    assert len(columns) == len(diagram.nodes) == 4
    for layer, column in enumerate(diagram._columns):
        assert column.nodes is diagram.nodes[layer]
        assert all(node.column is column for node in column.nodes)
        assert all(node.flags() & NO_CONTENTS for node in column.nodes)
        assert column.frames.parentItem() is column
        assert column.frames.cacheMode() == QGraphicsItem.CacheMode.DeviceCoordinateCache
    assert all(bias.flags() & NO_CONTENTS for biases in diagram.biases for bias in biases)
    assert diagram._columns[2].biases is diagram.biases[2]
    assert diagram._columns[0].biases == []  # the inputs have none


def test_each_node_shows_its_own_thumbnail(qtbot, diagram, trained):
    _, snap = trained
    neurons = list(snap.neurons)
    values = np.array([-0.9, -0.3, 0.4, 0.95])  # tanh: drawn as they are
    neurons[1] = np.broadcast_to(values[:, None, None], neurons[1].shape).copy()
    diagram.show_snapshot(replace(snap, neurons=neurons))
    diagram.flush()
    qtbot.wait(10)
    image = drawn(diagram)
    for node, value in zip(diagram.nodes[1], values, strict=True):
        expected = LUT[lut_indices(value)][:3]
        got = np.array(pixel(image, diagram, node.rect.center()))
        assert np.abs(got - expected).max() <= 1, (node.unit, got, expected)
        assert (node.pixels()[..., :3] == expected).all()


def test_hovering_a_node_draws_its_border_thick_and_dark_then_as_it_was(qtbot, diagram):
    node, other = diagram.nodes[1][1], diagram.nodes[2][0]
    before = drawn(diagram)
    node.hoverEnterEvent(None)
    qtbot.waitUntil(lambda: darkest_on_border(drawn(diagram), diagram, node) < 80)
    hovered = drawn(diagram)
    assert darkest_on_border(before, diagram, node) > darkest_on_border(hovered, diagram, node)
    assert darkest_on_border(hovered, diagram, other) == darkest_on_border(before, diagram, other)
    node.hoverLeaveEvent(None)
    qtbot.waitUntil(lambda: drawn(diagram) == before)


def test_a_bias_restyled_is_drawn_in_its_new_colour(qtbot, diagram):
    bias = diagram.biases[1][2]
    assert diagram.edit_bias(1, 2, 5.0)
    expected = bias_colors(np.array([5.0]))[0][:3]
    assert bias.brush().color().getRgb()[:3] == tuple(expected)
    center = bias.rect().center()
    qtbot.waitUntil(
        lambda: np.abs(np.array(pixel(drawn(diagram), diagram, center)) - expected).max() <= 2
    )


def test_a_column_refuses_thumbnails_for_another_number_of_nodes(diagram):
    column = diagram._columns[1]
    with pytest.raises(ValueError, match="4 nodes"):
        column.set_pixels(np.zeros((3, 5, 5, 4), np.uint8))


def test_a_fresh_diagram_has_no_thumbnails_yet(qtbot):
    view = NetworkView()
    qtbot.addWidget(view)
    view.set_structure(["x1", "x2"], [3, 1], ["tanh", "sigmoid"])
    assert view.nodes[1][0].pixels() is None
    view.resize(300, 200)
    view.show()
    qtbot.waitExposed(view)
    view.grab()  # draws the neutral squares without errors


def test_only_the_edges_and_biases_whose_style_changed_are_restyled(diagram, trained, monkeypatch):
    _, snap = trained
    styled, brushed = [], []
    set_style, set_brush = EdgeItem.set_style, BiasItem.setBrush
    monkeypatch.setattr(EdgeItem, "set_style", lambda e, *a: styled.append(e) or set_style(e, *a))
    monkeypatch.setattr(BiasItem, "setBrush", lambda b, c: brushed.append(b) or set_brush(b, c))
    diagram.show_snapshot(snap)
    diagram.flush()
    assert styled == [] and brushed == []  # nothing changed
    w2, b1 = snap.weights["W2"].copy(), snap.weights["b1"].copy()
    w2[1, 3], b1[0] = 1.9, -4.0
    diagram.show_snapshot(replace(snap, weights={**snap.weights, "W2": w2, "b1": b1}))
    diagram.flush()
    assert styled == [diagram.edges[2][1][3]]
    assert diagram.edges[2][1][3].width > 5  # and drawn as the new weight
    assert brushed == [diagram.biases[1][0]]
    styled.clear()
    diagram.set_structure(["x1", "x2"], [4, 3, 1], ["tanh", "tanh", "sigmoid"])
    diagram.show_snapshot(take_snapshot(Trainer(diagram_experiment())))
    diagram.flush()
    assert len(styled) == diagram.edge_count()  # new edges: all styled


def diagram_experiment() -> Experiment:
    e = Experiment.default()
    layers = (LayerSpec(4, "tanh"), LayerSpec(3, "tanh"))
    return replace(e, network=replace(e.network, hidden_layers=layers))


def test_thumbnails_of_several_columns_are_coloured_as_each_alone():
    rng = np.random.default_rng(0)
    stacks = [rng.normal(0, 3, (2, 40, 40)), rng.random((8, 40, 40)), rng.normal(0, 1, (1, 40, 40))]
    stacks[1][0, 0, 0] = np.nan
    activations = [None, "sigmoid", "relu"]
    together = thumbnails(stacks, activations)
    for stack, activation, images in zip(stacks, activations, together, strict=True):
        (alone,) = thumbnails([stack], [activation])
        np.testing.assert_array_equal(images, alone)
        assert images.shape == (len(stack), 20, 20, 4) and images.dtype == np.uint8
    odd = thumbnails([stacks[0], rng.random((3, 10, 10))], [None, "tanh"])  # other sizes
    assert [image.shape[1:3] for image in odd] == [(20, 20), (10, 10)]
    assert thumbnails([], []) == []
