"""UI tests use the nnsim pytest plugin (``nnsim.testing``): these are its fixtures under the
names the tests use, and every UI test runs with isolated settings and watched dialogs."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def isolated_settings(nnsim_settings, nnsim_dialogs):
    """QSettings in a temporary folder; a modal dialog nobody answers fails the test."""
    return nnsim_settings


@pytest.fixture
def make_window(nnsim_make_window):
    return nnsim_make_window


@pytest.fixture
def window(nnsim_window):
    return nnsim_window
