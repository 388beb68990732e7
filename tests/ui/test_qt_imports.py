"""nnsim.ui.qt_imports: pyqtgraph imported with lazy mirrors, PySide6's source check by bytes.

Each check runs in a fresh interpreter: in the test process pyqtgraph is long imported.
"""

from __future__ import annotations

import json
import subprocess
import sys

MIRRORS = """
import json, sys
import nnsim.ui  # installs the workarounds
from PySide6 import QtCore, QtGui, QtWidgets
made_before = set(vars(QtWidgets))
import pyqtgraph
import pyqtgraph.Qt as pq
fresh = [n for n in ("QUndoView", "QLCDNumber", "QCalendarWidget") if n not in made_before]
print(json.dumps({
    "mirror_is_ours": pq.QtCore is sys.modules["pyqtgraph.Qt.QtCore"],
    "same_class": pq.QtCore.QRectF is QtCore.QRectF and pq.QtGui.QPen is QtGui.QPen,
    "unmade_not_copied": [n for n in fresh if n in vars(pq.QtWidgets)],
    "unmade_found": [getattr(pq.QtWidgets, n) is getattr(QtWidgets, n) for n in fresh],
    "missing_raises": not hasattr(pq.QtCore, "NoSuchQtClass"),
    "pyqtgraph_patch_kept": pq.QtGui.QFileSystemModel is QtWidgets.QFileSystemModel,
    "dir_restored": "QCalendarWidget" in dir(QtWidgets),
    "fresh": fresh,
}))
"""

SOURCE_CHECK = """
import json, sys, types
import nnsim.ui
feature = sys.modules["shibokensupport.feature"]
check = feature._mod_uses_pyside
import nnsim.ui.errors, json.decoder
print(json.dumps({
    "reads_bytes": getattr(check, "reads_bytes", False),
    "uses": check(sys.modules["nnsim.ui.errors"]),  # imports PySide6
    "does_not": check(sys.modules["json.decoder"]),
    "builtin": check(sys),
    "no_file": check(types.ModuleType("made_here")),
}))
"""


def _run(code: str) -> dict:
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_pyqtgraph_mirrors_forward_to_pyside6_and_copy_nothing_unmade():
    r = _run(MIRRORS)
    assert r["fresh"], "the test needs Qt classes nothing made at import"
    assert r["mirror_is_ours"] and r["same_class"]
    assert r["unmade_not_copied"] == []  # copying made none of them…
    assert r["unmade_found"] == [True] * len(r["fresh"])  # …and each is found when asked
    assert r["missing_raises"] and r["pyqtgraph_patch_kept"] and r["dir_restored"]


def test_pyside6_source_check_gives_its_answer_from_the_file():
    r = _run(SOURCE_CHECK)
    assert r == {
        "reads_bytes": True,
        "uses": True,
        "does_not": False,
        "builtin": False,
        "no_file": False,
    }
