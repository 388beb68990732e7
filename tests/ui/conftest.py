"""UI test fixtures: isolated settings and a main window that cleans up after itself."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path_factory, qapp):
    """QSettings (geometry, recent files) go to a temporary folder, never the user's."""
    folder = tmp_path_factory.mktemp("settings")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    qapp.setOrganizationName("nnsim-tests")
    qapp.setApplicationName("nnsim-tests")
    yield


@pytest.fixture
def make_window(qtbot):
    """Build main windows; each is shown, waits for its first snapshot, and is closed after."""
    from nnsim.ui.main_window import MainWindow

    windows = []

    def make(experiment=None):
        w = MainWindow(experiment)
        w.ask_unsaved_changes = lambda: QMessageBox.StandardButton.Discard
        qtbot.addWidget(w)
        w.show()
        qtbot.waitUntil(lambda: w.last_snapshot is not None, timeout=10000)
        windows.append(w)
        return w

    yield make
    for w in windows:
        w.close()
        assert not w.worker.is_running()


@pytest.fixture
def window(make_window):
    return make_window()
