"""While training runs, a snapshot is drawn view by view over event-loop turns, each view's
paint held back while it is updated (nnsim.ui.frame_stages); otherwise drawn at once."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QWidget

from nnsim.testing import train_until
from nnsim.ui.frame_stages import FrameStages


class View(QWidget):
    def __init__(self, name: str, log: list) -> None:
        super().__init__()
        self.name, self.log = name, log

    def show_snapshot(self, snapshot) -> None:
        self.log.append((self.name, snapshot, self.updatesEnabled()))


def stages(qtbot):
    log: list = []
    views = [View(name, log) for name in "abc"]
    for view in views:
        qtbot.addWidget(view)
    shown: list = []
    return FrameStages(views[0], lambda: views, shown.append), views, log, shown


def test_a_staged_frame_draws_one_view_a_turn_with_its_paint_held(qtbot):
    frames, views, log, shown = stages(qtbot)
    frames.draw("s1", staged=True)
    assert log == [("a", "s1", False)] and frames.drawing and not shown
    QApplication.processEvents()  # one turn: a may paint, b is drawn
    assert log[-1] == ("b", "s1", False) and views[0].updatesEnabled()
    qtbot.waitUntil(lambda: shown == ["s1"])
    assert [name for name, *_ in log] == ["a", "b", "c"]
    assert all(v.updatesEnabled() for v in views) and not frames.drawing


def test_an_unstaged_draw_ends_the_frame_in_progress_first_then_draws_at_once(qtbot):
    frames, views, log, shown = stages(qtbot)
    frames.draw("s1", staged=True)
    frames.draw("s2", staged=False)  # paused: the last snapshot, whole, now
    assert [(n, s) for n, s, _ in log] == [("a", "s1"), ("b", "s1"), ("c", "s1"),
                                           ("a", "s2"), ("b", "s2"), ("c", "s2")]  # fmt: skip
    assert shown == ["s1", "s2"] and all(v.updatesEnabled() for v in views)


def test_when_a_frame_is_shown_the_views_show_its_step(qtbot, window):
    seen: list = []

    def on_shown(snapshot) -> None:  # the plots' readouts and the bar name the frame's step
        seen.append((snapshot.running, snapshot.step, window.loss_panel.readout.text(),
                     window.training_bar.step_label.text()))  # fmt: skip

    window.snapshotShown.connect(on_shown)
    train_until(window, 300)
    running = [s for s in seen if s[0]]
    assert running, "no frame was drawn while training ran"
    for _, step, readout, bar in running:
        assert readout.startswith(f"step {step} ") and f"{step:,}" in bar
