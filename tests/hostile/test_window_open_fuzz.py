"""File ▸ Open fuzzed with a sample of the hostile corpus (every family, and extreme files
that are valid): each is refused with a message and the experiment on screen kept, or
opened and trained; never an exception, a silent refusal or a half-updated window (issue 15).
``tests/benchmarks/bench_hostile_files.py`` opens all of them."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from nnsim.testing import wait_for


def _helper(name: str):
    """``tests/hostile/<name>.py``, loaded once (the folder is not a package)."""
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, Path(__file__).with_name(f"{name}.py"))
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module  # dataclasses look their module up
        spec.loader.exec_module(module)
    return sys.modules[name]


window_open = _helper("window_open")
ACCEPTED = ("accepted_t_mult_2p40.json", "accepted_momentum_1e308.json", "accepted_odd_name.json")


def sample(files: list, per_family: int = 2) -> list[Path]:
    """Up to ``per_family`` files under 1 MB of each family, spread over its names
    (deterministic; the benchmark opens the big ones too)."""
    by_family: dict[str, list[Path]] = {}
    for f in files:
        small = not f.path.is_file() or f.path.stat().st_size < 2**20
        if small or f.family == "memory":
            by_family.setdefault(f.family, []).append(f.path)
    chosen = []
    for paths in by_family.values():
        paths = sorted(paths, key=lambda p: p.name)
        step = max(1, len(paths) // per_family)
        chosen += paths[::step][:per_family]
    return chosen


def test_file_open_refuses_or_trains_every_sampled_hostile_file(
    nnsim_window, nnsim_dialogs, corpus, accepted_corpus
):
    window = nnsim_window
    accepted = [p for p in accepted_corpus if p.name in ACCEPTED]
    counts: dict[str, int] = {}
    failures = []
    for path in [*sample(corpus), *accepted]:
        verdict, details = window_open.judge(window, nnsim_dialogs, path, wait_for)
        counts[verdict] = counts.get(verdict, 0) + 1
        expected = window_open.TRAINED if path in accepted else window_open.REFUSED
        if verdict != expected:
            failures.append(f"{path.name}: {verdict}: {details}")
    assert failures == []
    assert counts[window_open.REFUSED] >= 25 and counts[window_open.TRAINED] == len(ACCEPTED)
