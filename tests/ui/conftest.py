"""UI tests use the nnsim pytest plugin (``nnsim.testing``): these are its fixtures under the
names the tests use, and every UI test runs with isolated settings and watched dialogs."""

from __future__ import annotations

import pytest

from nnsim.training.experiment import Experiment
from nnsim.training.grid import GridPredictor
from nnsim.training.snapshot import take_snapshot
from nnsim.training.trainer import Trainer
from nnsim.ui.network_view import NetworkView


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


@pytest.fixture(scope="module")
def trained():
    """The default experiment (circle, 2-4-2-1 tanh) after 50 steps, and its snapshot with
    the 100 × 100 boundary grid (once a module: the views' tests only read it)."""
    trainer = Trainer(Experiment.default())
    trainer.run(50)
    return trainer, take_snapshot(trainer, GridPredictor(trainer.data.features, 100))


@pytest.fixture
def diagram(qtbot, trained):
    """A network diagram of ``trained``, 760 × 480 on screen, showing its snapshot."""
    trainer, snap = trained
    view = NetworkView()
    qtbot.addWidget(view)
    view.set_structure_from_experiment(trainer.experiment)
    view.resize(760, 480)
    view.show()
    qtbot.waitExposed(view)
    view.show_snapshot(snap)
    view.flush()
    return view
