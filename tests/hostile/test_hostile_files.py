"""Every file of the generated hostile corpus is refused: one line per problem, exit code 2,
no traceback, no hang and no memory blow-up (``generate_corpus.py`` describes the files)."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
import tracemalloc
from pathlib import Path

import pytest

from nnsim.__main__ import main
from nnsim.training.experiment import Experiment


def _helper(name: str):
    """``tests/hostile/<name>.py``, loaded once (the folder is not a package)."""
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, Path(__file__).with_name(f"{name}.py"))
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module  # dataclasses look their module up
        spec.loader.exec_module(module)
    return sys.modules[name]


corpus_module = _helper("generate_corpus")

MAX_LINES = 60  # a capped list of problems, not one per bad byte
MAX_LINE_LENGTH = 300


def _validate(path: Path, capsys) -> list[str]:
    """What is wrong with ``nnsim validate path``'s behaviour (empty if it refused it well)."""
    try:
        code = main(["validate", str(path)])
    except BaseException as exc:  # anything escaping main would be a traceback
        capsys.readouterr()
        return [f"{path.name}: raised {type(exc).__name__}: {str(exc)[:200]}"]
    out, err = capsys.readouterr()
    lines = err.splitlines()
    wrong = []
    if code != 2:
        wrong.append(f"exit code {code}")
    if out:
        wrong.append(f"printed {out[:80]!r} on stdout")
    if not 1 <= len(lines) <= MAX_LINES:
        wrong.append(f"{len(lines)} lines on stderr")
    for line in lines:
        if not line.startswith("nnsim: ") or len(line) > MAX_LINE_LENGTH or not line.isprintable():
            wrong.append(f"bad line {line[:120]!r}")
            break
    return [f"{path.name}: {', '.join(wrong)}"] if wrong else []


def test_the_corpus_is_large_and_built_on_a_valid_experiment(corpus):
    assert len(corpus) >= 300
    assert len({f.family for f in corpus}) >= 10
    Experiment.from_dict(corpus_module.DEFAULT)  # each hostile file breaks a valid one


def test_every_hostile_file_is_refused_with_one_line_per_problem(corpus, capsys):
    failures = [problem for f in corpus for problem in _validate(f.path, capsys)]
    assert failures == []


def test_reading_a_hostile_file_takes_memory_in_proportion_to_the_limits(corpus, capsys):
    big = [
        f for f in corpus if f.family in ("sizes", "nesting") and f.path.stat().st_size > 4 * 2**20
    ]
    assert len(big) >= 6
    peaks = {}
    for f in big:
        tracemalloc.start()
        try:
            main(["validate", str(f.path)])
            peaks[f.path.name] = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
        capsys.readouterr()
    # a 6 MB file of "{}," once took gigabytes; the file itself is at most 16 MB
    too_much = {name: peak // 2**20 for name, peak in peaks.items() if peak > 80 * 2**20}
    assert too_much == {}


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("number_seed_int4301.json", "seed: must be an integer in 0..4294967295, got a 4301-digit"),
        ("dev_zero.json", "not a regular file"),
        ("a_pipe.json", "not a regular file"),
        ("deep_list_1000.json", "nested 1000 levels deep"),
        ("size_empty_objects.json", "objects"),
        ("encoding_latin1.json", "not UTF-8"),
    ],
)
def test_real_runs_print_one_message_and_exit_2(corpus, tmp_path, name, expected):
    path = next((f.path for f in corpus if f.path.name == name), None)
    if path is None:
        pytest.skip(f"{name} cannot be made on this system")
    proc = subprocess.run(
        [sys.executable, "-m", "nnsim", "run", str(path), "--out", str(tmp_path / "out")],
        capture_output=True,
        text=True,
        timeout=120,  # a hang fails the test instead of blocking CI
    )
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert expected in proc.stderr
    assert all(line.startswith("nnsim: ") for line in proc.stderr.splitlines())
    assert not (tmp_path / "out").exists()


def test_extreme_files_that_validate_also_run(accepted_corpus, tmp_path, capsys):
    """What validates, runs: each accepted extreme file trains 5 steps (or stops with its
    divergence explained, exit 3), never a traceback (issue 15)."""
    wrong = []
    for path in accepted_corpus:
        validated = main(["validate", str(path)])
        ran = main(["run", str(path), "--steps", "5", "--out", str(tmp_path / path.stem)])
        err = capsys.readouterr().err
        if validated != 0 or ran not in (0, 3) or "Traceback" in err:
            wrong.append(f"{path.name}: validate {validated}, run {ran}: {err[-200:]!r}")
        if ran == 3 and "momentum 1e+308 makes its updates overflow" not in err:
            wrong.append(f"{path.name}: divergence not explained by what caused it: {err!r}")
    assert wrong == []
