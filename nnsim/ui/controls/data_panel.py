"""The Data panel: which points, how noisy, how they are split and batched, which input features."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSlider,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from nnsim.engine.datasets import DATASET_TITLES, DATASETS, MAX_SAMPLES
from nnsim.engine.features import FEATURE_LABELS, FEATURE_TIPS, FEATURES
from nnsim.training.text import QT_TR_NOOP
from nnsim.ui.controls.base import ExperimentPanel
from nnsim.ui.controls.fields import TOGGLE_STYLE
from nnsim.ui.i18n import tr
from nnsim.ui.style import CLASS_COLORS, swatch, target_color

__all__ = ["ALL_BATCH", "CUSTOM", "REGRESSION_TARGETS", "DataPanel"]

CUSTOM = "custom"
ALL_BATCH = 0
"""``batchSizeSpin``'s value meaning ``"all"`` (full batch); the spin shows it as the text "all"."""
MIN_SAMPLES = 2  # the train/test split needs a point on each side
MAX_SEED = 2**32 - 1
REGRESSION_TARGETS = (-1.0, -0.5, 0.0, 0.5, 1.0)
"""Target values offered for click-to-add points on regression data."""

_CUSTOM_TITLE = QT_TR_NOOP("Custom (your points)")


class DataPanel(ExperimentPanel):
    """Data set, noise, train/test split, batch size, input features, seed and own points.

    Widgets (objectName): ``datasetCombo``, ``noiseSlider`` (0–50 %), ``noiseValue``,
    ``trainFractionSlider`` (10–90 %), ``trainFractionValue``, ``samplesSpin``,
    ``batchSizeSpin`` (0 shown as "all" = full batch, see :data:`ALL_BATCH`),
    ``feature_<name>`` (checkable buttons, e.g. ``feature_x1_sq``), ``regenerateButton``,
    ``importCsvButton``, ``pointClassCombo``, and the red ``dataMessage`` line.

    Sliders emit when released (or on each keyboard / wheel step), never while dragged;
    spin boxes when Enter is pressed, focus leaves or an arrow is clicked.

    Signals
    -------
    experimentEdited(object)
        Any data change (a rebuild: new points, new network).
    messageRaised(str)
        A refused edit, e.g. switching off the last input feature.
    importCsvRequested()
        The learner clicked "Import CSV…"; the window asks for a file.
    """

    importCsvRequested = Signal()

    SHOWS = ("seed", "data", "training.batch_size")

    def _build(self) -> None:
        self._custom_points = self.experiment().data.points
        self._point_labels_for: tuple[str, int] | None = None

        self.dataset_combo = QComboBox(self)
        self.dataset_combo.setObjectName("datasetCombo")
        self.dataset_combo.setToolTip(
            tr(
                "The points to learn. Orange and blue are the two classes (more colours: more "
                "classes); the regression sets ask for a number at every point instead.\n"
                "Click on the output view to add your own points: the data set becomes 'Custom'."
            )
        )
        self.noise_slider, self.noise_value = self._slider("noise", 0, 50, 5)
        self.noise_slider.setToolTip(
            tr(
                "How much random jitter is added to the points. Noisy data cannot be fitted "
                "exactly: a network that tries anyway is overfitting."
            )
        )
        self.train_fraction_slider, self.train_fraction_value = self._slider(
            "trainFraction", 10, 90, 10
        )
        self.train_fraction_slider.setToolTip(
            tr(
                "Share of the points used for training; the rest is the test set, never trained "
                "on, that shows how well the network generalises."
            )
        )
        self.samples_spin = QSpinBox(self)
        self.samples_spin.setObjectName("samplesSpin")
        self.samples_spin.setRange(MIN_SAMPLES, MAX_SAMPLES)
        self.samples_spin.setSingleStep(50)
        self.samples_spin.setKeyboardTracking(False)
        self.samples_spin.setAccelerated(True)
        self.samples_spin.setToolTip(
            tr(
                "Number of points generated (train + test). More points: a smoother picture of "
                "the pattern and slower epochs."
            )
        )
        self.batch_size_spin = QSpinBox(self)
        self.batch_size_spin.setObjectName("batchSizeSpin")
        self.batch_size_spin.setRange(ALL_BATCH, MAX_SAMPLES)
        self.batch_size_spin.setKeyboardTracking(False)
        self.batch_size_spin.setAccelerated(True)
        self.batch_size_spin.setCorrectionMode(
            QAbstractSpinBox.CorrectionMode.CorrectToNearestValue
        )
        self.batch_size_spin.setToolTip(
            tr(
                "Points per gradient step (mini-batch). Small batches: noisy but cheap steps; "
                "'all' (below 1, or type 'all'): full-batch gradient descent, the exact gradient "
                "of the training loss at every step."
            )
        )

        features = QWidget(self)
        features.setStyleSheet(TOGGLE_STYLE)
        grid = QGridLayout(features)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(3)
        self.feature_buttons: dict[str, QToolButton] = {}
        for i, name in enumerate(FEATURES):
            button = QToolButton(features)
            button.setObjectName(f"feature_{name}")
            button.setText(FEATURE_LABELS[name])
            button.setCheckable(True)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            self._bind(
                button.toggled, lambda checked, name=name: self._on_feature_toggled(name, checked)
            )
            grid.addWidget(button, i // 3, i % 3)
            self.feature_buttons[name] = button
        self.features_message = self._message_label("featuresMessage")

        self.regenerate_button = QPushButton(tr("Regenerate"), self)
        self.regenerate_button.setObjectName("regenerateButton")
        self.regenerate_button.setToolTip(
            tr(
                "Use a new random seed (seed + 1): new points, a new train/test split and new "
                "initial weights. The same seed always gives the same run."
            )
        )
        self.import_button = QPushButton(tr("Import CSV…"), self)
        self.import_button.setObjectName("importCsvButton")
        self.import_button.setToolTip(
            tr(
                "Load your own points from a CSV file with columns x1, x2, label (points in "
                "[−6, 6]²; integer labels are classes, other numbers regression targets)."
            )
        )
        self.point_class_combo = QComboBox(self)
        self.point_class_combo.setObjectName("pointClassCombo")
        self.point_class_combo.setToolTip(
            tr(
                "The class (or target value) of the points you add by clicking on the output "
                "view. Shift-click adds the next class; right-click removes the nearest point."
            )
        )
        self.seed_label = QLabel(self)
        self.seed_label.setObjectName("seedLabel")
        self.seed_label.setToolTip(
            tr("The random seed: it fixes the points, the split and the initial weights.")
        )
        self.message_label = self._message_label("dataMessage")

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setContentsMargins(0, 0, 0, 0)
        form.setVerticalSpacing(4)
        form.addRow(tr("Data set"), self.dataset_combo)
        form.addRow(tr("Noise"), self._beside(self.noise_slider, self.noise_value))
        form.addRow(
            tr("Train"), self._beside(self.train_fraction_slider, self.train_fraction_value)
        )
        form.addRow(tr("Samples"), self.samples_spin)
        form.addRow(tr("Batch size"), self.batch_size_spin)
        form.addRow(tr("Features"), features)
        form.addRow(self.features_message)
        form.addRow(tr("Click adds"), self.point_class_combo)
        features.setToolTip(
            tr(
                "Input features: what the network is given about each point. Besides the "
                "coordinates X₁, X₂ you may hand it squares, products or waves of them."
            )
        )
        for field in (
            self.dataset_combo, self.noise_slider.parentWidget(),
            self.train_fraction_slider.parentWidget(), self.samples_spin,
            self.batch_size_spin, features, self.point_class_combo,
        ):  # fmt: skip
            assert field is not None  # the sliders sit in a row widget
            label = form.labelForField(field)
            slider = field.findChild(QSlider)
            tip = field.toolTip() or (slider.toolTip() if slider is not None else "")
            if label is not None:
                label.setToolTip(tip)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.regenerate_button)
        buttons.addWidget(self.import_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.seed_label)
        layout.addWidget(self.message_label)
        layout.addStretch(1)

        self._bind(self.dataset_combo.currentIndexChanged, self._on_dataset_chosen)
        self._bind(self.samples_spin.valueChanged, self._on_samples_changed)
        self._bind(self.batch_size_spin.valueChanged, self._on_batch_size_changed)
        self.regenerate_button.clicked.connect(self._on_regenerate_clicked)
        self.import_button.clicked.connect(self.importCsvRequested)
        self._set_texts()
        self._show()

    # -- public API --

    def current_point_label(self) -> float:
        """The label of a point added by a click: a class number, or a regression target."""
        return float(self.point_class_combo.currentData())

    def alternate_point_label(self) -> float:
        """The label for a Shift-click: the next entry of the class chooser (cyclically)."""
        n = self.point_class_combo.count()
        return float(
            self.point_class_combo.itemData((self.point_class_combo.currentIndex() + 1) % n)
        )

    # -- building blocks --

    def _set_texts(self) -> None:
        self.batch_size_spin.setSpecialValueText(tr("all", "batch size: full batch"))
        for name, button in self.feature_buttons.items():
            button.setToolTip(
                tr(FEATURE_TIPS[name])
                + "\n"
                + tr(
                    "Click to feed it to the network (or to stop). At least one feature must "
                    "stay on."
                )
            )
        self._point_labels_for = None  # "class 0" … made again in the new language

    def _slider(self, name: str, low: int, high: int, page: int) -> tuple[QSlider, QLabel]:
        slider = QSlider(Qt.Orientation.Horizontal, self)
        slider.setObjectName(f"{name}Slider")
        slider.setRange(low, high)
        slider.setSingleStep(1)
        slider.setPageStep(page)
        value = QLabel(self)
        value.setObjectName(f"{name}Value")
        value.setMinimumWidth(value.fontMetrics().horizontalAdvance("100%") + 2)
        value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self._bind(slider.valueChanged, lambda v, s=slider: self._on_slider_moved(s, v))
        slider.sliderReleased.connect(lambda s=slider: self._on_slider_released(s))
        return slider, value

    def _beside(self, slider: QSlider, value: QLabel) -> QWidget:
        box = QWidget(self)
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(slider, 1)
        row.addWidget(value)
        return box

    # -- experiment → widgets --

    def _show_experiment(self) -> None:
        data = self.experiment().data
        custom = data.dataset == CUSTOM
        if custom:
            self._custom_points = data.points
        self._fill_dataset_combo(data.dataset)
        self.noise_slider.setValue(round(data.noise * 100))
        self.train_fraction_slider.setValue(round(data.train_fraction * 100))
        self.samples_spin.setValue(data.samples)
        batch = self.experiment().training.batch_size
        self.batch_size_spin.setValue(ALL_BATCH if batch == "all" else int(batch))
        for name, button in self.feature_buttons.items():
            button.setChecked(name in data.features)
        self.noise_value.setText(f"{self.noise_slider.value()}%")
        self.train_fraction_value.setText(f"{self.train_fraction_slider.value()}%")
        not_for_custom = tr("Does not apply to your own points (the 'Custom' data set).")
        for widget in (self.noise_slider, self.samples_spin):
            widget.setEnabled(not custom)
        self.noise_value.setEnabled(not custom)
        self.noise_slider.setStatusTip(not_for_custom if custom else "")
        self.seed_label.setText(tr("Seed {seed}").format(seed=self.experiment().seed))
        self._fill_point_classes()

    def _fill_dataset_combo(self, current: str) -> None:
        combo = self.dataset_combo
        names = [*DATASETS, *([CUSTOM] if self._custom_points else [])]
        if [combo.itemData(i) for i in range(combo.count())] != names:
            combo.clear()
            for name in names:
                combo.addItem("", name)
        for i, name in enumerate(names):
            combo.setItemText(i, tr(DATASET_TITLES.get(name, _CUSTOM_TITLE)))
        combo.setCurrentIndex(combo.findData(current))

    def _fill_point_classes(self) -> None:
        try:
            task = (self.experiment().task_kind, self.experiment().data.num_classes)
        except ValueError:
            return
        if task == self._point_labels_for:
            return
        self._point_labels_for = task
        combo = self.point_class_combo
        previous = combo.currentData()
        combo.clear()
        if task[0] == "regression":
            for value in REGRESSION_TARGETS:
                text = tr("target {value:+g}").format(value=value)
                combo.addItem(swatch(target_color(value)), text, value)
        else:
            for k in range(task[1]):
                color = CLASS_COLORS[k % len(CLASS_COLORS)]
                combo.addItem(swatch(color), tr("class {k}").format(k=k), float(k))
        combo.setCurrentIndex(max(combo.findData(previous), 0))

    # -- widgets → experiment (handlers named for what changed) --

    def _edit_data(self, **changes: object) -> None:
        self._edit(self.message_label, "data", **changes)

    def _on_dataset_chosen(self, index: int) -> None:
        name = self.dataset_combo.itemData(index)
        if name == self.experiment().data.dataset:
            return
        points = self._custom_points if name == CUSTOM else None
        self._edit_data(dataset=name, points=points)

    def _on_slider_moved(self, slider: QSlider, value: int) -> None:
        label = self.noise_value if slider is self.noise_slider else self.train_fraction_value
        label.setText(f"{value}%")
        if not slider.isSliderDown():  # keyboard, wheel, a click on the groove: commit now
            self._on_slider_released(slider)

    def _on_slider_released(self, slider: QSlider) -> None:
        if slider is self.noise_slider:
            self._on_noise_changed(slider.value())
        else:
            self._on_train_fraction_changed(slider.value())

    def _on_noise_changed(self, percent: int) -> None:
        if round(self.experiment().data.noise * 100) != percent:
            self._edit_data(noise=percent / 100)

    def _on_train_fraction_changed(self, percent: int) -> None:
        if round(self.experiment().data.train_fraction * 100) != percent:
            self._edit_data(train_fraction=percent / 100)

    def _on_samples_changed(self, samples: int) -> None:
        if samples != self.experiment().data.samples:
            self._edit_data(samples=samples)

    def _on_batch_size_changed(self, value: int) -> None:
        batch_size = "all" if value == ALL_BATCH else value
        if batch_size == self.experiment().training.batch_size:
            return
        self._edit(self.message_label, "training", batch_size=batch_size)

    def _on_feature_toggled(self, name: str, checked: bool) -> None:
        features = self.experiment().data.features
        if checked:
            new = (*features, name) if name not in features else features
        else:
            new = tuple(f for f in features if f != name)
            if not new:
                message = tr(
                    "{feature} is the last input feature: at least one must stay on, or the "
                    "network has nothing to look at."
                )
                self._refuse(message.format(feature=FEATURE_LABELS[name]), self.features_message)
                return
        if new != features:
            self._edit_data(features=new)

    def _on_regenerate_clicked(self) -> None:
        seed = (self.experiment().seed + 1) % (MAX_SEED + 1)
        self._edit(self.message_label, seed=seed)
