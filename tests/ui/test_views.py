"""The decision-boundary view and the network diagram, as a learner sees and uses them."""

from __future__ import annotations

import math
from dataclasses import replace
from itertools import pairwise

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QRectF, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QInputDialog

from nnsim.training.experiment import Experiment, LayerSpec
from nnsim.training.grid import GridPredictor
from nnsim.training.snapshot import take_snapshot
from nnsim.training.trainer import Trainer
from nnsim.ui.boundary_view import BoundaryView
from nnsim.ui.colormap import display_values
from nnsim.ui.diagram_items import EdgeItem, NodeItem
from nnsim.ui.network_view import NetworkView
from nnsim.ui.style import CLASS_COLORS, diverging_lut

LUT = diverging_lut()


def lut_color(values: np.ndarray) -> np.ndarray:
    """The colours a value in [−1, 1] must get: the nearest of the 256 LUT entries."""
    idx = np.clip(np.rint((np.asarray(values) + 1) / 2 * 255), 0, 255).astype(int)
    return LUT[idx]


def train(experiment: Experiment, steps: int):
    trainer = Trainer(experiment)
    trainer.run(steps)
    return trainer, take_snapshot(trainer, GridPredictor(trainer.data.features, 100))


def spiral_relu() -> Experiment:
    e = Experiment.default()
    return replace(
        e,
        data=replace(e.data, dataset="spiral"),
        network=replace(e.network, hidden_layers=(LayerSpec(8, "relu"), LayerSpec(8, "relu"))),
    )


@pytest.fixture
def boundary(qtbot, trained):
    trainer, snap = trained
    view = BoundaryView()
    qtbot.addWidget(view)
    d = trainer.data
    view.set_data(d.train.x, d.train.y, d.test.x, d.test.y, d.kind, d.num_classes)
    view.show_snapshot(snap)
    view.resize(420, 450)
    view.show()
    qtbot.waitExposed(view)
    return view


# --- decision boundary view ----------------------------------------------------------------------
def test_boundary_view_has_its_object_names(boundary):
    assert boundary.objectName() == "boundaryView"
    assert boundary.show_test_toggle.objectName() == "showTestToggle"
    assert boundary.discretize_toggle.objectName() == "discretizeToggle"


def test_heatmap_is_the_output_probability_through_the_diverging_colours(boundary, trained):
    _, snap = trained
    expected = lut_color(2 * snap.output - 1)
    np.testing.assert_array_equal(boundary.displayed_rgba(), expected)
    # The image is drawn with row 0 at the top (x2 = +6) and spans [−6, 6]² (to pixel centres).
    np.testing.assert_array_equal(boundary.image.image[::-1], expected)
    rect = boundary.image.mapRectToView(boundary.image.boundingRect())
    half = 6 / 99 / 2
    assert rect.left() == pytest.approx(-6 - half) and rect.right() == pytest.approx(6 + half)
    assert rect.top() == pytest.approx(-6 - half) and rect.bottom() == pytest.approx(6 + half)
    assert boundary.view_box.viewRange() == [[-6.0, 6.0], [-6.0, 6.0]]


def test_the_drawn_pixel_under_a_point_has_the_outputs_colour(boundary, trained):
    _, snap = trained
    boundary.train_scatter.setVisible(False)  # look at the background only
    image = boundary.plot.grab().toImage()
    for x1, x2 in [(-4.0, 4.5), (0.0, 0.0), (3.0, -2.0), (5.5, 5.5)]:
        # grid column j holds x1 = −6 + 12 j / 99, row i holds x2 = 6 − 12 i / 99
        i, j = round((6 - x2) / 12 * 99), round((x1 + 6) / 12 * 99)
        want = lut_color(2 * snap.output[i, j] - 1)[:3].astype(int)
        got = QColor(image.pixel(boundary.data_to_widget(x1, x2)))
        assert abs(got.red() - want[0]) <= 8, (x1, x2)
        assert abs(got.green() - want[1]) <= 8, (x1, x2)
        assert abs(got.blue() - want[2]) <= 8, (x1, x2)


def test_discretize_shows_only_the_two_class_colours_split_at_one_half(boundary, trained):
    _, snap = trained
    boundary.discretize_toggle.setChecked(True)
    expected = np.where((snap.output >= 0.5)[..., None], LUT[-1], LUT[0])
    np.testing.assert_array_equal(boundary.displayed_rgba(), expected)
    boundary.discretize_toggle.setChecked(False)
    np.testing.assert_array_equal(boundary.displayed_rgba(), lut_color(2 * snap.output - 1))


@pytest.mark.parametrize("x1, x2", [(0.0, 0.0), (-4.5, 3.25), (5.0, -5.5)])
def test_left_click_reports_the_data_point_under_the_pointer(qtbot, boundary, x1, x2):
    with qtbot.waitSignal(boundary.pointAdded, timeout=2000) as signal:
        qtbot.mouseClick(
            boundary.plot.viewport(), Qt.MouseButton.LeftButton, pos=boundary.data_to_widget(x1, x2)
        )
    got_x1, got_x2, shift = signal.args
    assert got_x1 == pytest.approx(x1, abs=0.2)
    assert got_x2 == pytest.approx(x2, abs=0.2)
    assert shift is False


def test_shift_click_asks_for_the_other_class(qtbot, boundary):
    with qtbot.waitSignal(boundary.pointAdded, timeout=2000) as signal:
        qtbot.mouseClick(
            boundary.plot.viewport(),
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.ShiftModifier,
            boundary.data_to_widget(2.0, 1.0),
        )
    assert signal.args[2] is True
    assert signal.args[0] == pytest.approx(2.0, abs=0.2)


def test_right_click_asks_to_remove_the_nearest_point(qtbot, boundary):
    added = []
    boundary.pointAdded.connect(lambda *a: added.append(a))
    with qtbot.waitSignal(boundary.pointRemoveRequested, timeout=2000) as signal:
        qtbot.mouseClick(
            boundary.plot.viewport(),
            Qt.MouseButton.RightButton,
            pos=boundary.data_to_widget(-1.0, -3.0),
        )
    assert signal.args[0] == pytest.approx(-1.0, abs=0.2)
    assert signal.args[1] == pytest.approx(-3.0, abs=0.2)
    assert added == []


def test_clicks_outside_the_square_add_nothing(qtbot, boundary):
    added = []
    boundary.pointAdded.connect(lambda *a: added.append(a))
    corner = boundary.data_to_widget(-6.0, -6.0)
    qtbot.mouseClick(
        boundary.plot.viewport(), Qt.MouseButton.LeftButton, pos=corner + QPoint(-15, 15)
    )
    qtbot.wait(50)
    assert added == []


def test_train_points_are_drawn_and_test_points_only_on_request(boundary, trained):
    trainer, _ = trained
    train_set = trainer.data.train
    assert len(boundary.train_scatter.data) == len(train_set)
    colors = {QColor(CLASS_COLORS[int(y)]).rgb() for y in train_set.y}
    drawn = {p.brush().color().rgb() for p in boundary.train_scatter.points()}
    assert drawn == colors
    assert not boundary.test_scatter.isVisible()
    boundary.show_test_toggle.setChecked(True)
    assert boundary.test_scatter.isVisible()
    assert len(boundary.test_scatter.data) == len(trainer.data.test)
    # Train points have a white edge, test points a black one.
    assert boundary.train_scatter.points()[0].pen().color() == QColor("white")
    assert boundary.test_scatter.points()[0].pen().color() == QColor("black")


def test_showing_a_neuron_draws_its_output_and_the_output_comes_back(boundary, trained):
    _, snap = trained
    boundary.show_neuron(1, 2)
    tanh_values = snap.neurons[1][2]
    np.testing.assert_array_equal(boundary.displayed_rgba(), lut_color(tanh_values))
    assert "neuron 2" in boundary.caption.text()
    boundary.show_neuron(-1, -1)
    np.testing.assert_array_equal(boundary.displayed_rgba(), lut_color(2 * snap.output - 1))
    assert boundary.caption.text() == "Output"


def test_inputs_and_unbounded_neurons_are_scaled_to_fit_the_colours(boundary):
    boundary.show_neuron(0, 0)  # x1 ∈ [−6, 6]
    shown = boundary.displayed_rgba()
    assert (shown[:, 0] == LUT[0]).all() and (shown[:, -1] == LUT[-1]).all()
    assert "X₁" in boundary.caption.text()
    values = np.array([[0.0, 4.0, 16.0]])  # a ReLU's outputs: off stays white, top is blue
    np.testing.assert_allclose(display_values(values, "relu"), [[0.0, 0.5, 1.0]])


def test_multiclass_output_uses_the_class_colours(qtbot):
    e = Experiment.default()
    trainer, snap = train(replace(e, data=replace(e.data, dataset="blobs4")), 100)
    assert trainer.data.kind == "multiclass" and trainer.data.num_classes == 4
    view = BoundaryView()
    qtbot.addWidget(view)
    d = trainer.data
    view.set_data(d.train.x, d.train.y, d.test.x, d.test.y, d.kind, d.num_classes)
    view.show_snapshot(snap)
    view.discretize_toggle.setChecked(True)
    shown = view.displayed_rgba()
    predicted = np.unique(snap.output).astype(int)
    assert len(predicted) >= 2
    for cls in predicted:
        c = QColor(CLASS_COLORS[cls])
        region = shown[snap.output == cls]
        assert len(region) > 0
        assert (region[:, :3] == [c.red(), c.green(), c.blue()]).all()
    view.discretize_toggle.setChecked(False)  # paler where the network is unsure
    soft = view.displayed_rgba()[..., :3].astype(int).sum(-1)
    assert (soft >= shown[..., :3].astype(int).sum(-1)).all()
    assert (soft > shown[..., :3].astype(int).sum(-1)).any()
    drawn = {p.brush().color().rgb() for p in view.train_scatter.points()}
    assert drawn == {QColor(CLASS_COLORS[k]).rgb() for k in range(4)}


def test_regression_output_and_points_are_drawn_by_value(qtbot):
    e = Experiment.default()
    trainer, snap = train(replace(e, data=replace(e.data, dataset="plane")), 50)
    assert trainer.data.kind == "regression"
    view = BoundaryView()
    qtbot.addWidget(view)
    d = trainer.data
    view.set_data(d.train.x, d.train.y, None, None, d.kind, d.num_classes)
    view.show_snapshot(snap)
    np.testing.assert_array_equal(view.displayed_rgba(), lut_color(np.clip(snap.output, -1, 1)))
    fills = np.array([p.brush().color().getRgb()[:3] for p in view.train_scatter.points()])
    np.testing.assert_array_equal(fills, lut_color(np.clip(d.train.y, -1, 1))[:, :3])
    # Near-zero targets are almost white: their edge must not be white too.
    assert view.train_scatter.points()[0].pen().color() != QColor("white")


def test_a_diverged_output_is_grey_not_a_crash(qtbot, boundary, trained):
    _, snap = trained
    boundary.show_snapshot(replace(snap, output=np.full_like(snap.output, np.nan)))
    assert (boundary.displayed_rgba()[..., :3] == [0xE8, 0xEA, 0xEB]).all()


def test_font_scale_enlarges_the_axis_numbers(boundary):
    axis = boundary.plot.getPlotItem().getAxis("bottom")
    before = axis.style["tickFont"].pointSizeF()
    boundary.set_font_scale(2.0)
    assert axis.style["tickFont"].pointSizeF() == pytest.approx(2 * before)
    assert boundary.discretize_toggle.font().pointSizeF() == pytest.approx(2 * before)


# --- network diagram -----------------------------------------------------------------------------
def edge_center(view: NetworkView, edge: EdgeItem) -> QPoint:
    return view.mapFromScene(edge.mapToScene(edge.path.pointAtPercent(0.5)))


def node_center(view: NetworkView, node: NodeItem) -> QPoint:
    return view.mapFromScene(node.mapToScene(node.rect.center()))


def test_diagram_has_a_node_per_unit_and_an_edge_per_weight(diagram):
    assert diagram.objectName() == "networkView"
    assert [len(column) for column in diagram.nodes] == [2, 4, 2, 1]
    assert diagram.node_count() == 9
    assert diagram.edge_count() == 2 * 4 + 4 * 2 + 2 * 1
    labels = [item.full_text for item in diagram._column_labels]
    assert labels == [
        "Input · 2 features",
        "Layer 1 · tanh · 4 units",
        "Layer 2 · tanh · 2 units",
        "Output · sigmoid · 1 unit",
    ]
    assert [item.text for item in diagram._input_labels] == ["X₁", "X₂"]


def test_edges_are_blue_for_positive_orange_for_negative_and_thicker_when_larger(diagram, trained):
    _, snap = trained
    for layer in (1, 2, 3):
        w = snap.weights[f"W{layer}"]
        for row, items in enumerate(diagram.edges[layer]):
            for col, edge in enumerate(items):
                c = edge.color
                if w[row, col] > 0:
                    assert c.blue() > c.red()
                else:
                    assert c.red() > c.blue()
        order = np.argsort(np.abs(w).ravel())
        flat = [edge for items in diagram.edges[layer] for edge in items]
        widths = [flat[i].width for i in order]
        assert widths == sorted(widths)
        small, large = flat[order[0]], flat[order[-1]]
        assert large.width > small.width
        # …and more opaque: a stronger colour, further from white.
        assert large.color.lightness() <= small.color.lightness()


def test_edge_widths_stay_between_half_a_pixel_and_six(diagram, trained):
    _, snap = trained
    w = snap.weights["W1"].copy()
    w[0, 0], w[1, 0] = 50.0, 0.0
    diagram.show_snapshot(replace(snap, weights={**snap.weights, "W1": w}))
    diagram.flush()
    assert diagram.edges[1][0][0].width == 6.0
    assert diagram.edges[1][1][0].width == 0.5


def test_hovering_an_edge_shows_its_weight_and_gradient(qtbot, diagram, trained):
    _, snap = trained
    edge = diagram.edges[2][1][3]
    pos = edge_center(diagram, edge)
    qtbot.mouseMove(diagram.viewport(), pos)
    qtbot.waitUntil(
        lambda: isinstance(diagram.itemAt(pos), EdgeItem) and diagram.itemAt(pos).hovered
    )
    hovered = diagram.itemAt(pos)
    name = f"W{hovered.layer}"
    w = snap.weights[name][hovered.row, hovered.col]
    g = snap.gradients[name][hovered.row, hovered.col]
    tip = hovered.toolTip()
    assert tip.startswith(f"{name}[{hovered.row},{hovered.col}] = {w:.4g}")
    assert f"∂J/∂W = {g:.4g}" in tip
    assert diagram.edge_tooltip(2, 1, 3).startswith(f"W2[1,3] = {snap.weights['W2'][1, 3]:.4g}")


def test_a_hovered_edges_tooltip_follows_new_weights_until_the_pointer_leaves(
    qtbot, diagram, trained
):
    _, snap = trained
    edge = diagram.edges[2][1][3]
    far = diagram.mapFromScene(diagram.sceneRect().topLeft()) + QPoint(2, 2)
    qtbot.mouseMove(diagram.viewport(), far)  # the pointer may still be where a test left it
    qtbot.mouseMove(diagram.viewport(), edge_center(diagram, edge))
    qtbot.waitUntil(lambda: edge.hovered)
    w2 = snap.weights["W2"].copy()
    w2[1, 3] = 1.25
    diagram.show_snapshot(replace(snap, weights={**snap.weights, "W2": w2}))
    diagram.flush()
    assert edge.toolTip().startswith("W2[1,3] = 1.25 · ∂J/∂W")
    qtbot.mouseMove(diagram.viewport(), far)
    qtbot.waitUntil(lambda: not edge.hovered)
    diagram.show_snapshot(snap)
    diagram.flush()
    assert edge.toolTip().startswith("W2[1,3] = 1.25")  # no longer under the pointer: kept
    assert diagram.edge_tooltip(2, 1, 3).startswith(f"W2[1,3] = {snap.weights['W2'][1, 3]:.4g}")


def test_a_rebuild_under_the_pointer_reports_the_neuron_left(qtbot, diagram):
    qtbot.mouseMove(diagram.viewport(), diagram.mapFromScene(diagram.sceneRect().topLeft()))
    with qtbot.waitSignal(diagram.neuronHovered, timeout=2000) as entered:
        qtbot.mouseMove(diagram.viewport(), node_center(diagram, diagram.nodes[1][0]))
    assert entered.args == [1, 0]
    with qtbot.waitSignal(diagram.neuronHovered, timeout=2000) as left:
        diagram.set_structure(["x1", "x2"], [3, 1], ["relu", "sigmoid"])
    assert left.args == [-1, -1]


def test_hovering_a_node_reports_the_neuron_and_leaving_reports_none(qtbot, diagram):
    node = diagram.nodes[1][2]
    with qtbot.waitSignal(diagram.neuronHovered, timeout=2000) as entered:
        qtbot.mouseMove(diagram.viewport(), node_center(diagram, node))
    assert entered.args == [1, 2]
    far = diagram.mapFromScene(diagram.sceneRect().topLeft()) + QPoint(2, 2)
    with qtbot.waitSignal(diagram.neuronHovered, timeout=2000) as left:
        qtbot.mouseMove(diagram.viewport(), far)
    assert left.args == [-1, -1]


def test_hovering_a_node_shows_that_neuron_in_the_boundary_view(qtbot, diagram, boundary):
    diagram.neuronHovered.connect(boundary.show_neuron)
    qtbot.mouseMove(diagram.viewport(), node_center(diagram, diagram.nodes[2][0]))
    qtbot.waitUntil(lambda: boundary.showing_neuron == (2, 0))
    assert boundary.caption.text().startswith("Layer 2 · neuron 0")


def test_node_thumbnails_show_each_neurons_output(diagram, trained):
    _, snap = trained
    for layer, unit in [(1, 0), (2, 1), (3, 0)]:
        small = snap.neurons[layer][unit][::4, ::4]
        activation = "sigmoid" if layer == 3 else "tanh"
        expected = lut_color(display_values(small, activation))
        np.testing.assert_array_equal(diagram.nodes[layer][unit].pixels(), expected)
    assert diagram.nodes[0][0].pixels().shape == (25, 25, 4)


def test_clicking_an_edge_opens_an_editor_and_reports_the_new_weight(
    qtbot, diagram, trained, monkeypatch
):
    _, snap = trained
    asked = []

    def fake_get_double(parent, title, label, value, *args):
        asked.append((label, value))
        return 0.75, True

    monkeypatch.setattr(QInputDialog, "getDouble", staticmethod(fake_get_double))
    edge = diagram.edges[1][3][1]
    pos = edge_center(diagram, edge)
    target = diagram.itemAt(pos)
    assert isinstance(target, EdgeItem)
    with qtbot.waitSignal(diagram.weightEdited, timeout=2000) as signal:
        qtbot.mouseClick(diagram.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert signal.args == [target.layer, target.row, target.col, 0.75]
    label, old = asked[0]
    assert label.startswith(f"W{target.layer}[{target.row},{target.col}]")
    assert old == pytest.approx(snap.weights[f"W{target.layer}"][target.row, target.col])
    # The edge shows the new value at once.
    assert "= 0.75" in diagram.edge_tooltip(target.layer, target.row, target.col)


def test_weight_editor_refuses_non_finite_values_and_cancel(qtbot, diagram, monkeypatch):
    edited = []
    diagram.weightEdited.connect(lambda *a: edited.append(a))
    assert diagram.edit_weight(1, 0, 0, math.nan) is False
    assert diagram.edit_weight(1, 0, 0, math.inf) is False
    monkeypatch.setattr(QInputDialog, "getDouble", staticmethod(lambda *a: (1.0, False)))
    assert diagram.edit_weight(1, 0, 0) is False
    assert edited == []
    assert diagram.edit_weight(2, 1, 3, -0.5) is True
    assert edited == [(2, 1, 3, -0.5)]


def test_bias_can_be_read_and_edited(qtbot, diagram, trained):
    _, snap = trained
    assert diagram.bias_tooltip(1, 2).startswith(f"b1[2] = {snap.weights['b1'][2]:.4g}")
    with qtbot.waitSignal(diagram.biasEdited) as signal:
        assert diagram.edit_bias(1, 2, 0.25)
    assert signal.args == [1, 2, 0.25]


def test_set_structure_rebuilds_only_when_the_architecture_changes(diagram):
    first_edge = diagram.edges[1][0][0]
    assert diagram.set_structure(["x1", "x2"], [4, 2, 1], ["tanh", "tanh", "sigmoid"]) is False
    assert diagram.edges[1][0][0] is first_edge
    assert diagram.set_structure(["x1", "x2", "x1_sq"], [6, 3, 5, 1], ["relu"] * 3 + ["sigmoid"])
    assert [len(c) for c in diagram.nodes] == [3, 6, 3, 5, 1]
    assert diagram.edge_count() == 3 * 6 + 6 * 3 + 3 * 5 + 5
    assert diagram._column_labels[2].full_text == "Layer 2 · relu · 3 units"
    with pytest.raises(ValueError):
        diagram.set_structure(["x1"], [2, 1], ["tanh"])


def test_show_snapshot_updates_items_without_rebuilding(diagram, trained):
    _, snap = trained
    items = list(diagram.scene().items())
    w = -snap.weights["W1"]
    diagram.show_snapshot(replace(snap, weights={**snap.weights, "W1": w}))
    diagram.flush()
    assert list(diagram.scene().items()) == items
    edge = diagram.edges[1][0][0]
    assert (edge.color.blue() > edge.color.red()) == (w[0, 0] > 0)


def test_a_snapshot_of_another_architecture_rebuilds_the_diagram(diagram):
    _, snap = train(spiral_relu(), 5)
    diagram.show_snapshot(snap)
    diagram.flush()
    assert [len(c) for c in diagram.nodes] == [2, 8, 8, 1]
    assert diagram._column_labels[1].full_text == "Layer 1 · relu · 8 units"


def test_highlighting_a_layer_marks_it_and_dims_the_other_edges(diagram):
    before = {k: diagram.edges[k][0][0].color.lightness() for k in (1, 2, 3)}
    diagram.set_highlight_layer(2)
    assert diagram.highlight_layer == 2
    assert diagram._highlight_band is not None
    band = diagram._highlight_band.rect()
    assert all(band.contains(node.rect) for node in diagram.nodes[2])
    assert diagram.edges[2][0][0].color.lightness() == before[2]
    assert diagram.edges[1][0][0].color.lightness() > before[1]
    assert diagram.edges[3][0][0].color.lightness() > before[3]
    diagram.set_highlight_layer(None)
    assert diagram._highlight_band is None
    assert {k: diagram.edges[k][0][0].color.lightness() for k in (1, 2, 3)} == before
    with pytest.raises(ValueError):
        diagram.set_highlight_layer(9)


def test_node_values_are_written_beside_the_nodes(diagram):
    diagram.set_node_values(1, [0.73105858, -0.5, 0.0, 12.5])
    assert diagram.node_value_texts(1) == ["0.7311", "-0.5", "0", "12.5"]
    labels = diagram._value_labels[1]
    for label, node in zip(labels, diagram.nodes[1], strict=True):
        assert label.isVisible()
        assert label.pos().x() >= node.rect.right()
        assert label.pos().y() == pytest.approx(node.rect.center().y())
    diagram.set_node_values(1, None)
    assert diagram.node_value_texts(1) == []
    with pytest.raises(ValueError):
        diagram.set_node_values(1, [1.0, 2.0])


def test_edge_values_replace_the_weights_in_the_drawing(diagram, trained):
    _, snap = trained
    grads = np.array([[1e-3, -2e-3, 0.0, 4e-3], [-4e-3, 1e-4, 2e-3, -1e-3]])
    diagram.set_edge_values(2, grads)
    edges = diagram.edges[2]
    assert edges[0][3].width == 6.0 and edges[1][0].width == 6.0  # the largest |value|
    assert edges[0][3].color.blue() > edges[0][3].color.red()
    assert edges[1][0].color.red() > edges[1][0].color.blue()
    assert edges[0][2].width == 0.5  # zero
    # Later snapshots keep showing these values until they are cleared.
    diagram.show_snapshot(snap)
    diagram.flush()
    assert edges[0][3].width == 6.0
    assert "shown: 0.004" in diagram.edge_tooltip(2, 0, 3)
    diagram.set_edge_values(2, None)
    w = snap.weights["W2"][0, 3]
    assert (edges[0][3].color.blue() > edges[0][3].color.red()) == (w > 0)


def test_font_scale_enlarges_the_diagram_labels(diagram):
    label = diagram._column_labels[1]
    before = label.font.pointSizeF()
    height = label.boundingRect().height()
    diagram.set_font_scale(1.5)
    assert label.font.pointSizeF() == pytest.approx(1.5 * before)
    assert label.boundingRect().height() > height


@pytest.mark.parametrize("size", [(900, 620), (520, 380)])
def test_the_largest_network_fits_the_view_with_readable_labels(qtbot, size):
    from nnsim.engine.features import FEATURES

    view = NetworkView()
    qtbot.addWidget(view)
    view.resize(*size)
    view.show()
    qtbot.waitExposed(view)
    view.set_structure(FEATURES, [16] * 8 + [1], ["tanh"] * 8 + ["sigmoid"])
    visible = view.viewport().rect()
    for column in view.nodes:
        for node in column:
            rect = view.mapFromScene(node.mapRectToScene(node.rect)).boundingRect()
            assert visible.contains(rect)
            assert rect.width() >= 10  # thumbnails stay visible
    for label in (*view._column_labels, *view._input_labels):
        rect = view.mapFromScene(label.mapRectToScene(label.boundingRect())).boundingRect()
        assert visible.contains(rect), label.text
    # Column labels never overlap their neighbours.
    rects = [
        view.mapFromScene(item.mapRectToScene(item.boundingRect())).boundingRect()
        for item in view._column_labels
    ]
    for a, b in pairwise(rects):
        assert a.right() < b.left()


def test_a_diverged_snapshot_draws_grey_without_errors(diagram, trained):
    _, snap = trained
    nan_weights = {name: np.full_like(w, np.nan) for name, w in snap.weights.items()}
    nan_neurons = [np.full_like(n, np.nan) for n in snap.neurons]
    diagram.show_snapshot(replace(snap, weights=nan_weights, neurons=nan_neurons))
    diagram.flush()
    edge = diagram.edges[1][0][0]
    assert edge.width == 0.5
    assert edge.color.red() == edge.color.green() or edge.color.saturation() < 40
    assert (diagram.nodes[1][0].pixels()[..., :3] == [0xE8, 0xEA, 0xEB]).all()
    assert "nan" in diagram.edge_tooltip(1, 0, 0)


def caption_rects(view: NetworkView) -> list[tuple[str, QRectF]]:
    """(text, rect in viewport pixels) of the column captions shown."""
    return [
        (item.text, item.deviceTransform(view.viewportTransform()).mapRect(item.boundingRect()))
        for item in view._column_labels
        if item.isVisible()
    ]


def shown_network_view(qtbot, size: tuple[int, int], scale: float) -> NetworkView:
    """A diagram shown at ``size`` (pixels) with its fonts scaled by ``scale``."""
    view = NetworkView()
    qtbot.addWidget(view)
    view.resize(*size)
    view.show()
    qtbot.waitExposed(view)
    view.set_font_scale(scale)
    return view


@pytest.mark.parametrize("scale", [1.0, 1.5])
@pytest.mark.parametrize("size", [(646, 288), (560, 250), (400, 300), (900, 200)])
@pytest.mark.parametrize("layers", [10, 12, 16])
def test_deep_nets_captions_stay_apart_and_inside(qtbot, layers, size, scale):
    view = shown_network_view(qtbot, size, scale)
    view.set_structure(["x1", "x2"], [4] * layers + [1], ["sigmoid"] * (layers + 1))
    shown = caption_rects(view)
    visible = QRectF(view.viewport().rect())
    for (ta, a), (tb, b) in pairwise(shown):
        assert a.right() + 4 <= b.left(), f"{ta!r} runs into {tb!r}"
    for text, rect in shown:
        assert visible.contains(rect), text
    assert shown[0][0].startswith("In") and shown[-1][0].startswith("Out")  # ends always named
    if layers <= 12 and size[0] >= 560 and scale == 1.0:
        assert len(shown) == layers + 2  # room for every caption


@pytest.mark.parametrize("scale", [1.0, 2.0])
@pytest.mark.parametrize("size", [(760, 480), (646, 288), (400, 300), (1400, 300), (300, 600)])
@pytest.mark.parametrize(("layers", "output"), [(0, "sigmoid"), (1, "softmax"), (3, "linear")])
def test_the_output_caption_is_inside_the_view(qtbot, layers, output, size, scale):
    view = shown_network_view(qtbot, size, scale)
    units = 3 if output == "softmax" else 1
    view.set_structure(["x1", "x2"], [8] * layers + [units], ["leaky_relu"] * layers + [output])
    text, rect = caption_rects(view)[-1]
    assert text.startswith("Out")
    assert QRectF(view.viewport().rect()).contains(rect)


def test_the_boundary_caption_keeps_clear_of_the_right_edge(boundary):
    # At the window's right edge, a caption flush with the view's edge looks cut off.
    caption = boundary.caption
    right = caption.mapTo(boundary, caption.rect().topRight()).x()
    text_width = caption.fontMetrics().horizontalAdvance(caption.text())
    assert caption.width() >= text_width
    assert right <= boundary.width() - 4
