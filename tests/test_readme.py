"""The README's "From Python" and "Testing the window with pytest-qt" sections, run as tests,
so that what they show can never drift from what nnsim does."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

README = Path(__file__).resolve().parents[1] / "README.md"
pytest_plugins = ["pytester"]


def section(title: str) -> str:
    text = README.read_text(encoding="utf-8")
    start = text.index(f"## {title}\n")
    end = text.find("\n## ", start + 1)
    return text[start : end if end >= 0 else None]


def python_blocks(title: str) -> list[str]:
    blocks = re.findall(r"```python\n(.*?)```", section(title), flags=re.DOTALL)
    assert blocks, f"no python block in README section {title!r}"
    return blocks


TESTING = "Testing the window with pytest-qt"


def test_nnsim_ui_exports_the_documented_names():
    import nnsim.ui
    from nnsim.ui import MainWindow, TrainingWorker, create_application, run_app

    assert MainWindow.__name__ == "MainWindow" and callable(run_app)
    assert TrainingWorker.__module__ == "nnsim.ui.worker" and callable(create_application)
    assert set(nnsim.ui.__all__) <= set(dir(nnsim.ui))
    assert "MainWindow" in section(TESTING)


def test_the_testing_sections_example_tests_pass(pytester):
    code = "\n\n".join(python_blocks(TESTING))
    expected = len(re.findall(r"^def test_", code, flags=re.MULTILINE))
    assert expected >= 3
    pytester.makepyfile(test_readme_example=code)
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider", "-q")
    assert result.ret == 0, result.stdout.str()
    result.assert_outcomes(passed=expected)


def test_the_documented_object_names_exist_in_the_window(nnsim_window):
    from PySide6.QtCore import QObject

    sentence = re.search(r"Stable object names:(.*?)\.\n", section(TESTING), re.DOTALL)
    names = [n.replace("<k>", "1") for n in re.findall(r"`([A-Za-z_<>]+)`", sentence[1])]
    assert len(names) >= 15
    missing = [n for n in names if nnsim_window.findChild(QObject, n) is None]
    assert missing == []


def test_the_documented_window_methods_exist():
    from nnsim.ui import MainWindow

    for name in re.findall(r"`window\.(\w+)", section(TESTING)) + re.findall(
        r"`(\w+)\(\)`", section(TESTING)
    ):
        assert hasattr(MainWindow, name) or name == "last_snapshot", name


def test_the_testing_sections_fixtures_and_helpers_are_the_plugins(pytestconfig):
    import nnsim.testing

    text = section(TESTING)
    for fixture in re.findall(r"^\| `(nnsim_\w+)` \|", text, flags=re.MULTILINE):
        assert hasattr(nnsim.testing, fixture), fixture
    for helper in ("train_until", "choose", "type_into"):
        assert f"`{helper}(" in text and callable(getattr(nnsim.testing, helper))


@pytest.mark.parametrize("block", python_blocks("From Python"))
def test_the_from_python_example_runs(block, capsys):
    exec(compile(block, "README.md (From Python)", "exec"), {})
    assert "forward" in capsys.readouterr().out.lower()


def test_the_hyperparameter_tables_are_the_engines_declarations():
    from nnsim.engine.hyperparameter_table import BEGIN, END, markdown_table

    text = README.read_text(encoding="utf-8")
    shown = text[text.index(BEGIN) : text.index(END) + len(END)]
    assert shown == markdown_table(), (
        "README's hyper-parameter tables are out of date: paste the output of "
        "`uv run python -m nnsim.engine.hyperparameter_table` between the markers"
    )
