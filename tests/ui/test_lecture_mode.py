"""The lecture mode as a lecturer drives it: buttons, keys, numbers, fonts, the article lesson."""

from __future__ import annotations

import dataclasses

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtCore import QPoint, QRect, QRectF, Qt
from PySide6.QtGui import QAction, QFont, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QLabel,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from nnsim.training.experiment import (
    Experiment,
    LayerSpec,
    ViewSpec,
    load_experiment,
    save_experiment,
    with_optimizer_param,
)
from nnsim.training.lecture import (
    ARTICLE_LESSON,
    ARTICLE_NOTES,
    LectureSession,
    article_experiment,
    checkpoint,
    checkpoints_equal,
    numbers_in,
)
from nnsim.training.lecture.checkpoint import same
from nnsim.training.trainer import Trainer
from nnsim.ui.diagram_items import TextItem
from nnsim.ui.lecture import (
    HIGH_CONTRAST_STYLE,
    HideControlsDialog,
    LectureView,
    LessonError,
    apply_font_scale,
    apply_high_contrast,
    enable_style_sheet_font_propagation,
    hidden_controls,
    lecture_session,
    lesson_names,
    load_lesson,
    named_controls,
    phase_overlays,
    reset_zoom,
    set_controls_hidden,
    zoom_in,
)
from nnsim.ui.lecture.lecture_view import DIAGRAM_SCALE
from nnsim.ui.lecture.lessons import LESSONS_DIR
from nnsim.ui.lecture.phase_bar import PHASE_BUTTON_PADDING
from nnsim.ui.network_view import NetworkView
from nnsim.ui.plots import LossPanel


def rounded(x: float) -> float:
    """A value as the panel writes it: 4 significant digits."""
    return float(f"{float(x):.4g}")


def is_subsequence(needle: list[float], haystack: list[float]) -> bool:
    it = iter(haystack)
    return all(any(x == y for y in it) for x in needle)


def shown_entries(array: np.ndarray, limit: int = 8) -> list[float]:
    """The entries of a table showing ``array`` (1-D as a column; ⋮ / … dropped), rounded."""
    a = np.asarray(array, dtype=np.float64)
    a = a.reshape(1, 1) if a.ndim == 0 else a.reshape(-1, 1) if a.ndim == 1 else a

    def kept(n):
        return list(range(n)) if n <= limit else [*range(limit - 2), n - 1]

    return [rounded(a[r, c]) for r in kept(a.shape[0]) for c in kept(a.shape[1])]


def make_view(qtbot, session: LectureSession, **kwargs) -> LectureView:
    view = LectureView(session, **kwargs)
    qtbot.addWidget(view)
    view.resize(1400, 900)
    view.show()
    qtbot.waitExposed(view)
    return view


def click(qtbot, view: LectureView, name: str, times: int = 1) -> None:
    button = view.findChild(QAbstractButton, name)
    assert button is not None, name
    for _ in range(times):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def position(view: LectureView) -> int:
    return view.session.position


@pytest.fixture
def default_view(qtbot):
    return make_view(qtbot, LectureSession(Trainer(Experiment.default())))


# -- walking a step --------------------------------------------------------------------------
def test_walking_every_phase_with_the_next_button_equals_trainer_step(qtbot, default_view):
    view, reference = default_view, Trainer(Experiment.default())
    trainer, titles = view.session.trainer, view.session.titles
    label = view.findChild(QLabel, "phaseLabel")
    for step in (1, 2):
        click(qtbot, view, "nextPhaseButton", len(titles))
        reference.step()
        assert view.session.at_update
        assert label.text() == f"Step {step} · Update ({len(titles)} of {len(titles)})"
        assert np.max(np.abs(trainer.network.theta - reference.network.theta)) <= 1e-12
        for name, value in reference.network.state().items():  # the diagram shows them too
            assert np.array_equal(view.snapshot.weights[name], value)
    click(qtbot, view, "nextPhaseButton")
    assert label.text() == f"Step 3 · Forward L1 (1 of {len(titles)})"
    assert view.phase_bar.current == 0 and view.phase_bar.shown_texts()[0] == "Forward L1"


def test_stepping_back_with_the_previous_button_restores_every_array(qtbot, default_view):
    view = default_view
    session, trainer = view.session, view.session.trainer
    states = [(checkpoint(trainer), trainer.network.state())]
    for _ in range(2 * len(session.titles)):
        click(qtbot, view, "nextPhaseButton")
        states.append((checkpoint(trainer), trainer.network.state()))
    previous = view.findChild(QAbstractButton, "previousPhaseButton")
    for expected, weights in reversed(states[:-1]):
        assert previous.isEnabled()
        click(qtbot, view, "previousPhaseButton")
        assert checkpoints_equal(checkpoint(trainer), expected)
        for name, value in weights.items():  # and the diagram shows the restored weights
            assert np.array_equal(view.snapshot.weights[name], value)
    assert position(view) == -1 and not previous.isEnabled()
    assert view.findChild(QLabel, "phaseLabel").text().startswith("Step 1 · ready")


def test_run_to_end_and_the_phase_bar_move_through_the_step(qtbot, default_view):
    view = default_view
    click(qtbot, view, "runToEndButton")
    assert view.session.at_update and view.session.step_index == 1
    qtbot.mouseClick(view.phase_bar.buttons[2], Qt.MouseButton.LeftButton)  # Forward L3
    assert position(view) == 2 and view.session.trainer.steps_done == 0  # update undone


def test_keyboard_shortcuts_move_the_phase(qtbot, default_view):
    view = default_view
    view.activateWindow()
    view.setFocus()
    for key, expected in [
        (Qt.Key.Key_Right, 0),
        (Qt.Key.Key_Space, 1),
        (Qt.Key.Key_PageDown, 2),
        (Qt.Key.Key_Left, 1),
        (Qt.Key.Key_PageUp, 0),
        (Qt.Key.Key_End, len(view.session.titles) - 1),
    ]:
        qtbot.keyClick(view, key)
        assert position(view) == expected, key
    qtbot.keyClick(view.numbers, Qt.Key.Key_PageUp)  # from a child too (clickers)
    assert position(view) == len(view.session.titles) - 2


def test_a_diverged_step_is_reported_and_stepping_back_recovers(qtbot):
    experiment = Experiment.from_dict(
        {
            "data": {"dataset": "plane"},
            "network": {"hidden_layers": [{"units": 3, "activation": "linear"}]},
            "training": {"optimizer": {"name": "sgd", "lr": 100}},
        }
    )
    view = make_view(qtbot, LectureSession(Trainer(experiment)))
    message = view.findChild(QLabel, "lectureMessage")
    for _ in range(10):
        click(qtbot, view, "runToEndButton")
        if view.session.trainer.diverged:
            break
    assert "diverged" in view.numbers.formula_text()
    click(qtbot, view, "nextPhaseButton")  # no next step after a divergence
    assert message.isVisible() and "diverged" in message.text()
    assert view.session.at_update
    click(qtbot, view, "previousPhaseButton")
    assert view.session.trainer.diverged is None and not message.isVisible()


# -- the numbers -----------------------------------------------------------------------------
def test_numbers_panel_shows_the_values_of_the_engines_phase(qtbot, default_view):
    view = default_view
    panel = view.findChild(QWidget, "numbersPanel")
    assert panel is view.numbers
    for _ in view.session.titles:
        click(qtbot, view, "nextPhaseButton")
        phase = view.session.current
        shown = numbers_in(panel.tables_text())
        expected = [v for value in phase.arrays.values() for v in shown_entries(value)]
        assert is_subsequence(expected, shown), phase.title
        formula = numbers_in(panel.formula_text())
        written = [n for line in view.session.explain() for n in numbers_in(line)]
        assert formula == written, phase.title
    view.go_to(0)  # Forward L1: the formula of neuron 2 has its Z and A
    panel.neuron_spin.setValue(2)
    Z, A = view.session.current.arrays["Z"], view.session.current.arrays["A"]
    assert "Z¹₂ = W¹₂₀·X₀" in panel.formula_text()
    assert is_subsequence([rounded(Z[0, 2]), rounded(Z[0, 2]), rounded(A[0, 2])],
                          numbers_in(panel.formula_text()))  # fmt: skip


def test_clicking_an_edge_writes_out_its_weight(qtbot):
    view = make_view(qtbot, LectureSession(Trainer(Experiment.default())))
    view.go_to(len(view.session.titles) - 1)  # the update
    view.network_view.edit_weight(2, 1, 3)  # what clicking edge W²[1, 3] does
    assert view.numbers.weight() == (1, 3) and view.numbers.neuron() == 1
    assert "W²₁₃ ← W²₁₃ − η·dW²₁₃" in view.numbers.formula_text()


def test_the_diagram_shows_activations_deltas_and_steps(qtbot, default_view):
    view = default_view
    session, nv = view.session, view.network_view
    view.go_to(1)  # Forward L2
    A1 = session.phases[0].arrays["A"][0]
    assert nv.highlight_layer == 2
    assert nv.node_value_texts(1) == [f"{v:.4g}" for v in A1]
    assert nv.node_value_texts(3) == []
    view.go_to(5)  # Backward L2: δ of layers 3 and 2, the edges by dW2
    phase = session.current
    overlays = phase_overlays(phase, session.phases, 3)
    assert nv.highlight_layer == 2 and set(overlays.nodes) == {2, 3}
    assert nv.node_value_texts(2) == [f"{v:.4g}" for v in phase.arrays["dZ"][0]]
    assert np.array_equal(overlays.edges[2], phase.arrays["dW"])
    view.go_to(7)  # Update: every edge by its step −η·dW
    overlays = phase_overlays(session.current, session.phases, 3)
    assert nv.highlight_layer is None and set(overlays.edges) == {1, 2, 3}
    assert np.array_equal(overlays.edges[1], session.current.arrays["W1_step"])


# -- what flows through ----------------------------------------------------------------------
def test_choosing_a_sample_restarts_the_step_with_it(qtbot, default_view):
    view = default_view
    data = view.session.trainer.data
    view.go_to(3)  # the loss of the first mini-batch
    view.choose_sample(7)
    assert position(view) == 0 and view.session.trainer.steps_done == 0
    x, y = view.session.batch
    assert np.array_equal(x, data.x_train[7:8]) and np.array_equal(y, data.y_train[7:8])
    assert np.array_equal(view.data_column.marked_points(), data.train.x[7:8])
    point = data.train.x[12]
    view.boundary_view.pointAdded.emit(float(point[0]) + 0.01, float(point[1]), False)  # a click
    assert np.array_equal(view.session.batch[0], data.x_train[12:13])
    combo = view.findChild(QComboBox, "sourceCombo")
    assert combo.currentData() == "sample" and view.sources.index_spin.value() == 12


def test_a_sample_typed_in_flows_through(qtbot, default_view):
    view = default_view
    view.run_to_end_of_step()  # after an update: the sample flows from the next step
    view.choose_custom(1.5, -2.0, 1.0)
    assert view.session.at_update
    view.next_phase()
    assert view.session.batch[0].tolist() == [[1.5, -2.0]]
    assert view.session.step_source.y.tolist() == [1.0]
    view.choose_custom(1.5, -2.0, 0.0)
    assert view.session.step_source.y.tolist() == [0.0] and position(view) == 0


# -- presentation ----------------------------------------------------------------------------
def fonts_of(view: NetworkView) -> list[float]:
    return [item.font.pointSizeF() for item in view.scene().items() if hasattr(item, "font")
            and isinstance(item.font, QFont)]  # fmt: skip


def test_font_scaling_changes_labels_and_plot_axes(qtbot):
    enable_style_sheet_font_propagation()
    window = QWidget()
    qtbot.addWidget(window)
    label, styled = QLabel("Step 3"), QLabel("grey")
    styled.setStyleSheet("color: grey;")
    loss, network = LossPanel(), NetworkView()
    network.set_structure(["x1", "x2"], [3, 1], ["tanh", "sigmoid"])
    layout = QVBoxLayout(window)
    for widget in (label, styled, loss, network):
        layout.addWidget(widget)
    window.show()
    base = label.font().pointSizeF()
    axis = next(i for i in loss.graphics.scene().items() if isinstance(i, pg.AxisItem))
    tick, diagram = axis.style["tickFont"].pointSizeF(), fonts_of(network)

    apply_font_scale(window, 1.5)
    assert label.font().pointSizeF() == pytest.approx(1.5 * base)
    assert styled.font().pointSizeF() == pytest.approx(1.5 * base)
    assert axis.style["tickFont"].pointSizeF() == pytest.approx(1.5 * tick)
    assert fonts_of(network) == pytest.approx([1.5 * f for f in diagram])
    assert zoom_in(window) == 1.75 and loss.font_scale() == 1.75

    apply_high_contrast(window, True)  # black axes, and a little larger still
    boost = HIGH_CONTRAST_STYLE.font_boost
    assert label.font().pointSizeF() == pytest.approx(1.75 * boost * base)
    assert axis.pen().color().name() == "#000000" and axis.pen().widthF() == 2.0
    assert all(c.opts["pen"].widthF() >= 3 for c in loss.plot.listDataItems())
    apply_high_contrast(window, False)
    assert axis.pen().color().name() != "#000000"
    assert reset_zoom(window) == 1.0
    assert styled.font().pointSizeF() == pytest.approx(base)
    assert axis.style["tickFont"].pointSizeF() == pytest.approx(tick)


def test_font_scale_and_high_contrast_reach_the_lecture_view(qtbot, default_view, tmp_path):
    view = default_view
    view.resize(1600, 1000)
    title = view.phase_label.font().pointSizeF()
    formula = view.numbers.formula.font().pointSizeF()
    apply_font_scale(view, 1.6)
    apply_high_contrast(view, True)
    scale = 1.6 * HIGH_CONTRAST_STYLE.font_boost
    assert view.phase_label.font().pointSizeF() == pytest.approx(scale * title)
    assert view.numbers.formula.font().pointSizeF() == pytest.approx(scale * formula)
    assert view.network_view._font_scale == pytest.approx(scale * DIAGRAM_SCALE)
    image = view.grab()
    assert (image.width(), image.height()) == (1600, 1000)
    assert image.save(str(tmp_path / "lecture.png"))


def test_hide_controls_hides_the_named_widgets_and_is_saved(qtbot, window, tmp_path):
    names = [name for name, _ in named_controls(window)]
    assert {"optimizerCombo", "noiseSlider", "playButton"} <= set(names)
    assert all(name.isidentifier() for name in names)  # what view.hidden_controls accepts
    dialog = HideControlsDialog(window, hidden=["noiseSlider"])
    qtbot.addWidget(dialog)
    dialog.set_hidden("optimizerCombo")
    assert dialog.hidden_controls() == tuple(
        n for n in names if n in {"noiseSlider", "optimizerCombo"}
    )
    hidden = set_controls_hidden(window, dialog.hidden_controls())
    combo, slider = (
        window.findChild(QComboBox, "optimizerCombo"),
        window.findChild(QSlider, "noiseSlider"),
    )
    assert set(hidden) == {"optimizerCombo", "noiseSlider"}
    assert combo.isHidden() and slider.isHidden()
    assert not window.findChild(QAbstractButton, "playButton").isHidden()
    labels = [w.text() for w in window.findChildren(QLabel) if not w.isVisibleTo(window)]
    assert {"Optimizer", "Noise", "10%"} <= set(labels)  # the rows go, not just the fields
    assert hidden_controls(window) == list(dialog.hidden_controls())
    experiment = dataclasses.replace(
        window.experiment(), view=ViewSpec(hidden_controls=dialog.hidden_controls())
    )
    save_experiment(experiment, tmp_path / "class.json")
    saved = load_experiment(tmp_path / "class.json").view.hidden_controls
    assert set(saved) == {"optimizerCombo", "noiseSlider"}
    set_controls_hidden(window, [])
    assert not combo.isHidden() and not slider.isHidden()
    noise = [w for w in window.findChildren(QLabel) if w.text() in ("Noise", "10%")]
    assert len(noise) == 2 and all(w.isVisibleTo(window) for w in noise)


# -- the article's lesson --------------------------------------------------------------------
def test_the_article_lessons_first_forward_phase_shows_the_documented_weights(qtbot):
    experiment, text, setup = load_lesson("article-backprop")
    view = make_view(qtbot, setup.session(experiment), lesson=text)
    assert view.session.source.kind == "custom" and view.session.source.point == (1.0, 2.0)
    click(qtbot, view, "nextPhaseButton")
    W1 = np.array(ARTICLE_LESSON.initial_weights["W1"])
    b1 = ARTICLE_LESSON.initial_weights["b1"]
    shown = numbers_in(view.numbers.tables_text())
    assert is_subsequence([1.0, 2.0, *W1.ravel().tolist(), *b1], shown)
    formula = view.numbers.formula_text()
    Z = view.session.current.arrays["Z"][0, 0]
    assert is_subsequence([W1[0, 0], 1, W1[0, 1], 2, 0, rounded(Z)], numbers_in(formula))
    assert view.findChild(QLabel, "phaseLabel").text() == "Step 1 · Forward L1 (1 of 6)"


def test_the_article_lesson_text_in_english_and_chinese(qtbot):
    experiment, text, setup = load_lesson("article-backprop")
    assert experiment == article_experiment()  # the resource file is the article's example
    assert setup.x == (1.0, 2.0) and setup.y == 0.6
    markdown = (LESSONS_DIR / "article-backprop.md").read_text(encoding="utf-8")
    for language in ("en", "zh"):
        for note in ARTICLE_NOTES[language]:
            assert note in markdown
    view = make_view(qtbot, setup.session(experiment), lesson=text)
    lesson = view.lesson_panel
    assert view.findChild(QWidget, "lessonText") is lesson.browser
    english = lesson.text()
    assert "0.1/(1 + 0.01·10)" in english and "0.0909" in english and "2×1" in english
    assert "A3" in english and "grads[key]" in english and "mean squared error" in english
    qtbot.mouseClick(lesson.buttons["zh"], Qt.MouseButton.LeftButton)
    assert lesson.language() == "zh" and "交叉熵" in lesson.text() and "0.0909" in lesson.text()
    assert "文章" in lesson.title.text()


def test_unknown_lessons_are_refused_with_the_known_names():
    assert lesson_names()[0] == "article-backprop" and len(lesson_names()) == 10
    with pytest.raises(LessonError, match="article-backprop"):
        load_lesson("nope")


ADAM = {"training": {"optimizer": {"name": "adam", "lr": 0.01}, "batch_size": 7}}


def without_origin(trainer: Trainer) -> dict:
    state = trainer.state_dict(histories=False)
    del state["history_origin"]
    return state


def test_the_lecture_goes_on_from_the_training_state_whole():
    experiment = Experiment.from_dict(ADAM)
    trained = Trainer(experiment)  # as in the training process
    trained.run(25)  # mid-pass: 25 steps of 6 batches
    session = lecture_session(experiment, trained.state_dict(histories=False))
    lecture = session.trainer
    assert same(without_origin(lecture), without_origin(trained))  # moments, order, counters
    assert lecture.optimizer.state_dict()["state"][0]["step"] == 25
    assert lecture.history_origin == 25 and session.step_index == 25  # the process keeps 1…25
    session.run_to_end_of_step()
    trained.step()
    assert same(without_origin(lecture), without_origin(trained))  # a lecture step ≡ step()
    assert lecture_session(experiment).trainer.steps_done == 0  # no state: step 0


def test_the_lecture_trains_what_the_process_trains():
    experiment = Experiment.from_dict(ADAM)
    process = Trainer(with_optimizer_param(experiment, "lr", 0.3))  # the window's edit to 0.3
    process.run(3)  # ... was taken by the process; the lecture is of the process's state
    lecture = lecture_session(experiment, process.state_dict(histories=False)).trainer
    assert lecture.current_lr() == 0.3 and lecture.experiment == process.experiment


# -- zoom: nothing overlaps, nothing is cut ----------------------------------------------------
ZOOMS = (0.75, 0.8, 0.9, 1.0, 1.15, 1.3, 1.5, 1.6, 1.75, 2.0, 2.5)


def settle() -> None:
    """Let the layouts follow a resize or a font change (as the event loop would)."""
    for _ in range(3):
        QApplication.processEvents()


def text_rects(view: NetworkView) -> list[tuple[str, QRectF]]:
    """Every visible label of the diagram with its rectangle in viewport pixels (the labels
    keep their screen size: only their device transform says where they are)."""
    transform = view.viewportTransform()
    return [
        (item.text, item.deviceTransform(transform).mapRect(item.boundingRect()))
        for item in view.scene().items()
        if isinstance(item, TextItem) and item.isVisible() and item.text
    ]


def overlaps_and_cuts(view: NetworkView) -> list[str]:
    """What overlaps in the diagram: two labels, a label and a neuron, a label and the edge."""
    texts = text_rects(view)
    transform = view.viewportTransform()
    nodes = [transform.mapRect(node.rect) for column in view.nodes for node in column]
    inside = QRectF(view.viewport().rect())
    problems = []
    for i, (a, ra) in enumerate(texts):
        if not inside.contains(ra):
            problems.append(f"{a!r} is cut: {ra} not in {inside}")
        problems += [f"{a!r} overlaps {b!r}" for b, rb in texts[i + 1 :] if ra.intersects(rb)]
        problems += [f"{a!r} covers a neuron" for rn in nodes if ra.intersects(rn)]
    return problems


def elided_phase_buttons(bar) -> list[str]:
    """Phase buttons whose text is wider than the room inside their padding and border (the
    current one is bold)."""
    cut = []
    for position, button in enumerate(bar.buttons):
        font = QFont(button.font())
        font.setBold(position == bar.current)
        needed = QFontMetrics(font).horizontalAdvance(button.text())
        if needed > button.width() - PHASE_BUTTON_PADDING:
            cut.append(f"{button.text()!r}: {needed} px in {button.width()} px")
        if not QRect(QPoint(0, 0), bar.size()).contains(button.geometry()):
            cut.append(f"{button.text()!r} is outside the bar")
    return cut


def cut_navigation(view: LectureView) -> list[str]:
    """The phase label (it may wrap) and the navigation buttons, if cut."""
    label, cut = view.phase_label, []
    if not label.wordWrap() and QFontMetrics(label.font()).horizontalAdvance(label.text()) > (
        label.contentsRect().width()
    ):
        cut.append(f"{label.text()!r} is cut")
    if label.wordWrap() and label.height() < label.heightForWidth(label.width()):
        cut.append(f"{label.text()!r} needs {label.heightForWidth(label.width())} px")
    for button in (view.previous_button, view.next_button, view.run_button):
        if button.width() < button.sizeHint().width():
            cut.append(f"{button.text()!r} is narrower than its text")
    return cut


# Two cases, not the four of sizes × networks: each reaches every fitting path of the diagram
# and the phase bar between them (labels at the zoom's size, kept on a new phase, bisected
# smaller, the marked layer's numbers only; full, short and shortest phase titles). The
# crowded one (small window, deep network) is the only one whose labels must fall back to the
# marked layer's; the roomy one is where the labels must grow with the zoom.
@pytest.mark.parametrize(
    ("size", "hidden"),
    [((1100, 700), [{"units": 6, "activation": "relu"}] * 3),
     ((1400, 900), [{"units": 4, "activation": "tanh"}, {"units": 2, "activation": "tanh"}])],
    ids=["crowded", "roomy"],
)  # fmt: skip
def test_at_every_zoom_no_label_overlaps_and_no_phase_is_cut(qtbot, size, hidden):
    experiment = Experiment.from_dict({"network": {"hidden_layers": hidden}})
    view = make_view(qtbot, LectureSession(Trainer(experiment)))
    view.resize(*size)
    steps, label_scales = len(view.session.titles), []
    for zoom in ZOOMS:
        apply_font_scale(view, zoom)
        settle()
        for position_ in range(steps):
            view.go_to(position_)
            settle()
            problems = overlaps_and_cuts(view.network_view) + elided_phase_buttons(view.phase_bar)
            problems += cut_navigation(view)
            assert not problems, (zoom, view.session.titles[position_], problems)
        label_scales.append(view.network_view.label_font_scale())
        assert label_scales[-1] <= zoom * DIAGRAM_SCALE + 1e-9
    if size == (1400, 900) and len(hidden) == 2:  # with room, the numbers grow with the zoom
        assert label_scales[-1] > 1.3 * label_scales[ZOOMS.index(1.0)]


def test_ctrl_equals_four_times_in_the_lecture_overlaps_and_cuts_nothing(qtbot, window):
    window.findChild(QAction, "lectureModeAction").trigger()
    qtbot.waitUntil(lambda: window.lecture_mode.active)
    view = window.lecture_mode.view
    for presses in range(5):
        settle()
        for position in range(len(view.session.titles)):
            view.go_to(position)
            settle()
            problems = overlaps_and_cuts(view.network_view) + elided_phase_buttons(view.phase_bar)
            assert not problems + cut_navigation(view), (presses, position, problems)
        qtbot.keyClick(window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert window.lecture_mode.view.font_scale() == pytest.approx(2.0)  # 1 → 1.15 … 1.75 → 2


def test_a_deep_network_does_not_make_the_lecture_wider_than_the_screen(qtbot):
    hidden = [{"units": 3, "activation": "tanh"}] * 14
    view = make_view(qtbot, LectureSession(Trainer(Experiment.from_dict({"network": {
        "hidden_layers": hidden}}))))  # fmt: skip
    apply_font_scale(view, 2.0)
    screen = view.screen().availableGeometry()
    assert view.network_view.minimumWidth() <= 0.5 * screen.width()
    view.go_to(3)
    settle()
    assert not overlaps_and_cuts(view.network_view)


def test_new_while_lecturing_a_deeper_network_drops_its_highlight(qtbot, make_window):
    """Found by the random action sequences: the highlight of layer 4 outlived the network."""
    e = Experiment.default()
    deep = dataclasses.replace(
        e, network=dataclasses.replace(e.network, hidden_layers=(LayerSpec(3),) * 3)
    )
    window = make_window(deep)
    window.lecture_mode.set_active(True)
    qtbot.waitUntil(lambda: window.lecture_mode.active)
    for _ in range(4):  # Forward L4: the output column of the deeper network
        window.lecture_mode.view.next_phase()
    window.new_experiment()  # two hidden layers: columns 0..3
    assert len(window.lecture_mode.view.network_view.nodes) == 4
    window.lecture_mode.set_active(False)
