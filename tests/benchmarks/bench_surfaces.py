"""View ▸ Surfaces while it races: how late the event loop runs, and where the time goes.

The real SurfacesWindow (1280 × 760) applies each preset (as the preset combo does), waits
for its contours, then plays it for PLAY seconds at the preset's own speed and FAST seconds
at 1000 steps/s (the longest paths). Measured: a 5 ms timer's lateness (p50 / p99 / max,
and this thread's CPU between two firings), against a reference measured in the same run
(the idle event loop, the window hidden); and per part (wall and this thread's CPU, ms):
applying a preset (the surface, the racer sections, the restart), each contour slot, the
racers' steps, the paths, the loss plot, the regime view, and the paint of each plot.
Target: never more than 30 ms late. Offscreen by default (``QT_QPA_PLATFORM`` as set, e.g.
under ``xvfb-run`` for X11). Run:

    QT_QPA_PLATFORM=offscreen uv run python tests/benchmarks/bench_surfaces.py
"""

from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, os.path.dirname(__file__))

from eventloop_probe import (
    HEADER,
    Lateness,
    Parts,
    lateness_rows,
    load_line,
    part_rows,
    row,
    stats,
    wait,
)

PLAY = 4.0
FAST = 3.0
IDLE = 2.0


def instrument(window, parts: Parts) -> None:
    import nnsim.ui.surfaces.surface_plot as surface_plot
    from nnsim.training.surface_race import Race

    for name, part in (
        ("apply_preset", "apply a preset (all of it)"),
        ("_set_surface", "  the surface"),
        ("_set_specs", "  the racer sections"),
        ("restart", "  restart"),
        ("_show", "draw (all of it)"),
    ):
        parts.wrap(window, name, part)
    for obj, name, part in (
        (window.plot, "set_surface", "surface: grid, image, levels"),
        (window.plot, "show_racers", "racer paths"),
        (window.loss_plot, "set_racers", "loss plot: new racers"),
        (window.loss_plot, "show_racers", "loss plot"),
        (window.regime_plot, "show_regimes", "regime view"),
    ):
        parts.wrap(obj, name, part)
    if hasattr(surface_plot, "contour_segments"):
        parts.wrap(surface_plot, "contour_segments", "contour_segments() a level")
    Race.step = parts.timed("racers' steps (a call)", Race.step)
    slots = [(window._timer, window._tick, "tick slot (all of it)")]
    for owner, timer_name, slot_name in (
        (window.plot, "_contour_timer", "_draw_some_levels"),  # (before: the plot's own timer)
        (window, "_view_timer", "_draw_a_piece"),  # (a step before: the window's)
        (getattr(window, "drawer", None), "timer", "_draw_a_piece"),
    ):
        if hasattr(owner, timer_name):
            timer, slot = getattr(owner, timer_name), getattr(owner, slot_name)
            slots.append((timer, slot, "drawing slot: a piece (all of it)"))
    if hasattr(window.plot, "work"):
        parts.wrap(window.plot, "work", "surface plot: shade, levels or lines")
    for timer, slot, part in slots:
        timer.timeout.disconnect()
        timer.timeout.connect(parts.timed(part, slot))
    parts.wrap_paints([window.plot, window.loss_plot, window.regime_plot])


def main() -> int:
    from nnsim.training.surface_race import PRESETS
    from nnsim.ui.app import create_application
    from nnsim.ui.surfaces import SurfacesWindow
    from nnsim.ui.surfaces.window import SPEEDS

    app = create_application()  # noqa: F841 (kept alive)
    parts, probe = Parts(), Lateness()  # (before the window: see Parts)
    print(load_line(), "·", os.environ["QT_QPA_PLATFORM"])
    probe.start()
    wait(IDLE)
    probe.stop()
    reference = lateness_rows("reference: idle event loop", probe)
    window = SurfacesWindow()
    window.show()
    wait(5, lambda: window.plot.contours_ready)
    instrument(window, parts)
    apply_parts, play_parts = Parts(paints=False), Parts(paints=False)
    summary = []
    busy_apply: list[float] = []
    busy_play: list[float] = []
    for preset in PRESETS:
        parts.clear()
        probe.start()
        window.apply_preset(preset)
        wait(5, lambda: window.plot.contours_ready)
        wait(0.2)
        probe.stop()
        applied = list(probe.late)
        busy_apply += probe.busy
        _merge(apply_parts, parts)
        parts.clear()
        probe.start()
        window.play()
        wait(PLAY)
        window.speed_combo.setCurrentIndex(SPEEDS.index(1000))
        if not window.running:
            window.play()
        wait(FAST)
        window.pause()
        probe.stop()
        _merge(play_parts, parts)
        busy_play += probe.busy
        summary.append((preset.title, applied, list(probe.late), window.race.steps_done))
    window.close()
    parts.restore()

    print(f"\n{'preset':<36}{'apply: late max':>16}{'play: late p50':>15}{'p99':>7}"
          f"{'max':>7}{'steps':>7}")  # fmt: skip
    for title, applied, played, steps in summary:
        p50, p99, top = stats(played)
        print(f"{title:<36}{max(applied):>16.1f}{p50:>15.1f}{p99:>7.1f}{top:>7.1f}{steps:>7}")
    print("\n" + HEADER)
    print("\n".join(reference))
    late_apply = [v for _, a, _, _ in summary for v in a]
    late_play = [v for _, _, p, _ in summary for v in p]
    print(row("applying the 7 presets: timer late", late_apply, busy_apply))
    print("\n".join(part_rows(apply_parts)))
    print(row("playing them: 5 ms timer late", late_play, busy_play))
    print("\n".join(part_rows(play_parts)))
    ok = max(late_apply + late_play) <= 30.0
    print("target: never more than 30 ms late:", "ok" if ok else "MISSED")
    return 0


def _merge(into: Parts, parts: Parts) -> None:
    for name, calls in parts.calls.items():
        into.calls.setdefault(name, []).extend(calls)


if __name__ == "__main__":
    sys.exit(main())
