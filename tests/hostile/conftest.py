"""The hostile corpus, generated once per test session (it takes seconds) for the files of
``tests/hostile``."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).parent


def load_helper(name: str):
    """A module of this folder by name (``generate_corpus``, ``window_open``), loaded once."""
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, HERE / f"{name}.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module  # dataclasses look their module up
        spec.loader.exec_module(module)
    return sys.modules[name]


@pytest.fixture(scope="session")
def corpus(tmp_path_factory):
    """Every file of ``generate_corpus.generate`` (each must be refused)."""
    return load_helper("generate_corpus").generate(tmp_path_factory.mktemp("hostile"))


@pytest.fixture(scope="session")
def accepted_corpus(tmp_path_factory):
    """The extreme but valid files of ``generate_corpus.generate_accepted``."""
    return load_helper("generate_corpus").generate_accepted(tmp_path_factory.mktemp("accepted"))
