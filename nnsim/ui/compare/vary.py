"""The compare window's "Vary … and …" rows: the setting the runs differ in and its values,
and an optional second setting whose values make a grid of every combination.

objectNames: ``compareSettingCombo``, ``compareValuesEdit``, ``compareSecondSettingCombo``,
``compareSecondValuesEdit``.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QGridLayout, QLabel, QLineEdit, QWidget

from nnsim.training.text import QT_TR_NOOP
from nnsim.ui.compare.runs import MAX_GRID_RUNS, SETTINGS, CompareSetting
from nnsim.ui.i18n import tr

NOTHING = QT_TR_NOOP("(nothing)")  # the second setting's first entry: one setting varies


class VaryRows(QWidget):
    """Signals
    -------
    changed()
        A setting was chosen (its suggested values are filled in): the runs are due again.
    entered()
        Enter in a values field: build the runs from the values typed.
    """

    changed = Signal()
    entered = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setting_combo = QComboBox(self)
        self.setting_combo.setObjectName("compareSettingCombo")
        for setting in SETTINGS:
            self.setting_combo.addItem(tr(setting.title), setting.title)
        self.setting_combo.setToolTip(tr("The setting in which the runs differ."))
        self.values_edit = QLineEdit(", ".join(SETTINGS[0].defaults), self)
        self.values_edit.setObjectName("compareValuesEdit")
        self.second_combo = QComboBox(self)
        self.second_combo.setObjectName("compareSecondSettingCombo")
        self.second_combo.addItem(tr(NOTHING))
        for setting in SETTINGS:
            self.second_combo.addItem(tr(setting.title), setting.title)
        self.second_values_edit = QLineEdit("", self)
        self.second_values_edit.setObjectName("compareSecondValuesEdit")
        self.second_values_edit.setPlaceholderText(tr("choose a second setting to make a grid"))
        self.second_values_edit.setEnabled(False)
        self._own: str | None = None  # the column of runs not made from these rows

        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(QLabel(tr("Vary"), self), 0, 0)
        grid.addWidget(self.setting_combo, 0, 1)
        grid.addWidget(self.values_edit, 0, 2)
        grid.addWidget(QLabel(tr("and", "vary one setting and another"), self), 1, 0)
        grid.addWidget(self.second_combo, 1, 1)
        grid.addWidget(self.second_values_edit, 1, 2)
        grid.setColumnStretch(2, 1)
        self._set_values_tips()

        self.setting_combo.currentIndexChanged.connect(self._on_setting_chosen)
        self.second_combo.currentIndexChanged.connect(self._on_second_setting_chosen)
        self.values_edit.returnPressed.connect(self.entered)
        self.second_values_edit.returnPressed.connect(self.entered)

    @property
    def setting(self) -> CompareSetting:
        """The first setting chosen."""
        return SETTINGS[self.setting_combo.currentIndex()]

    @property
    def second_setting(self) -> CompareSetting | None:
        """The second setting chosen, or None for (nothing)."""
        index = self.second_combo.currentIndex()
        return SETTINGS[index - 1] if index > 0 else None

    def varied(self) -> list[tuple[CompareSetting, str]]:
        """Each setting chosen with the values typed for it (the second only if chosen)."""
        varied = [(self.setting, self.values_edit.text())]
        second = self.second_setting
        if second is not None:
            varied.append((second, self.second_values_edit.text()))
        return varied

    def show_own(self, title: str) -> None:
        """The runs on screen were not made from these rows (a lesson's, a cure's, in the
        column ``title``): the values field says so instead of showing values that did not
        make them; typing values (or choosing a setting) makes runs from the rows again."""
        self.values_edit.clear()
        self._own = title
        self._set_own_placeholder()

    def _set_own_placeholder(self) -> None:
        if self._own is None:
            self.values_edit.setPlaceholderText("")
            return
        self.values_edit.setPlaceholderText(
            tr("runs of “{title}”: type values of the {setting} and press Enter to vary it "
               "instead").format(title=tr(self._own), setting=tr(self.setting.name))
        )  # fmt: skip

    def retranslate(self) -> None:
        """The texts made from values, in the language now installed."""
        self._set_values_tips()
        self._set_own_placeholder()

    def _on_setting_chosen(self) -> None:
        self._own = None
        self._set_own_placeholder()
        self.values_edit.setText(", ".join(self.setting.defaults))
        self._set_values_tips()
        self.changed.emit()

    def _on_second_setting_chosen(self) -> None:
        second = self.second_setting
        self.second_values_edit.setEnabled(second is not None)
        self.second_values_edit.setText("" if second is None else ", ".join(second.second_defaults))
        self._set_values_tips()
        self.changed.emit()

    def _set_values_tips(self) -> None:
        self.second_combo.setToolTip(
            tr("A second setting that varies too: every combination of the two runs (a grid of "
               "at most {count} runs). {nothing}: only the first varies.").format(
                count=MAX_GRID_RUNS, nothing=tr(NOTHING))
        )  # fmt: skip
        for edit, setting in ((self.values_edit, self.setting),
                              (self.second_values_edit, self.second_setting)):  # fmt: skip
            if setting is None:
                edit.setToolTip("")
                continue
            edit.setToolTip(
                tr("2 to 8 values of the {setting}, separated by commas (e.g. {values}); Enter "
                   "builds the runs.").format(setting=tr(setting.name),
                                              values=", ".join(setting.defaults))
            )  # fmt: skip
