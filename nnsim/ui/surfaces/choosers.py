"""The surfaces window's choosers of what races: the preset, the surface, and the bowl's
condition number and angle (objectNames ``surfacesPresetCombo``, ``surfaceCombo``,
``surfaceConditionEdit``, ``surfaceAngleEdit``)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QWidget

from nnsim.engine.hyperparameters import Interval
from nnsim.engine.surfaces import MAX_CONDITION, MIN_CONDITION, SURFACES
from nnsim.training.surface_race import PRESETS
from nnsim.training.text import QT_TR_NOOP
from nnsim.ui.controls.fields import NumberEdit
from nnsim.ui.i18n import shown, tr

__all__ = ["SURFACE_TEXTS", "bowl_edits", "preset_combo", "surface_combo"]

SURFACE_TEXTS = (
    QT_TR_NOOP("Quadratic bowl"), QT_TR_NOOP("Saddle"), QT_TR_NOOP("Six-hump camel"),
    QT_TR_NOOP("½·(λ₁u² + λ₂v²), λ₁ = 1, λ₂ = C, (u, v) = θ rotated by −angle"),
)  # fmt: skip
"""The engine's surface titles and formulas that hold words (the engine is NumPy only, so
they are marked for translation here; the combo shows every title and formula through
``tr``, and a test checks that each one with a word is here)."""


def preset_combo(parent: QWidget) -> QComboBox:
    """The presets by title (their English title the data), each story its item's
    tooltip; first, none. (Both are fixed strings: a language switch converts them.)"""
    combo = QComboBox(parent)
    combo.setObjectName("surfacesPresetCombo")
    combo.addItem(tr("— a preset —"), None)
    for p in PRESETS:
        combo.addItem(shown(p.title), str(p.title))
        combo.setItemData(combo.count() - 1, shown(p.story), Qt.ItemDataRole.ToolTipRole)
    combo.setToolTip(tr("A story from the article: surface, start and optimizers."))
    return combo


def surface_combo(parent: QWidget) -> QComboBox:
    """The engine's surfaces by name (their data), each formula its item's tooltip."""
    combo = QComboBox(parent)
    combo.setObjectName("surfaceCombo")
    for name, cls in SURFACES.items():
        combo.addItem(tr(cls.title), name)
        combo.setItemData(combo.count() - 1, tr(cls.formula), Qt.ItemDataRole.ToolTipRole)
    combo.setToolTip(tr("The surface the optimizers race on."))
    return combo


def bowl_edits(parent: QWidget) -> tuple[NumberEdit, NumberEdit]:
    """The bowl's condition number and angle entries (shown only for the bowl)."""
    condition = NumberEdit(
        tr("condition number"), Interval(MIN_CONDITION, MAX_CONDITION), parent=parent
    )
    condition.setObjectName("surfaceConditionEdit")
    condition.setToolTip(
        tr("The bowl's condition number C = λ_max/λ_min (1–100): how much steeper across the "
           "valley than along it.")
    )  # fmt: skip
    angle = NumberEdit(tr("angle"), Interval(-360.0, 360.0), parent=parent)
    angle.setObjectName("surfaceAngleEdit")
    angle.setToolTip(tr("The bowl's rotation, in degrees (−360 to 360)."))
    for edit in (condition, angle):
        edit.setMaximumWidth(70)
    return condition, angle
