"""File ▸ Export ▸ Python script…: a dialog choosing NumPy or PyTorch and the steps, then
a save dialog; the script (and its data beside it) is written off the GUI thread.

:func:`ask_script_choice` shows both dialogs; ``MainWindow.ask_export_script`` calls it and
tests replace that hook (as ``ask_unsaved_changes``), so no test blocks on a modal dialog.
"""

from __future__ import annotations

from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QSpinBox,
    QWidget,
)

from nnsim.training.data import steps_per_epoch
from nnsim.training.experiment import Experiment
from nnsim.training.export import DEFAULT_STEPS, export_script
from nnsim.ui.export.background import BackgroundWriter
from nnsim.ui.export.dialog_layout import lay_out_export_dialog
from nnsim.ui.i18n import tr

MAX_STEPS = 10_000_000


@dataclass(frozen=True)
class ScriptChoice:
    """What to export: ``numpy`` or ``pytorch``, how many steps, and where."""

    to: str
    steps: int
    path: Path


class ExportScriptDialog(QDialog):
    """NumPy or PyTorch, and the steps the script trains (default: ``nnsim run``'s 1000)."""

    def __init__(self, experiment: Experiment, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exportScriptDialog")
        self.setWindowTitle(tr("Export Python script"))
        self._per_epoch = max(1, steps_per_epoch(experiment))
        self.numpy_radio = QRadioButton(tr("&NumPy only — the article's code, corrected"))
        self.numpy_radio.setObjectName("exportNumpyRadio")
        self.numpy_radio.setToolTip(
            tr(
                "forward_propagation, compute_loss, backward_propagation and the optimizer's "
                "update written out; reproduces nnsim's weights to 1e-12"
            )
        )
        self.pytorch_radio = QRadioButton(tr("&PyTorch — torch.nn.Sequential, torch.optim"))
        self.pytorch_radio.setObjectName("exportPytorchRadio")
        self.pytorch_radio.setToolTip(
            tr(
                "torch.optim and the lr_scheduler classes in float64; reproduces nnsim's "
                "weights to 1e-9"
            )
        )
        self.numpy_radio.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.numpy_radio)
        group.addButton(self.pytorch_radio)
        self.steps_spin = QSpinBox()
        self.steps_spin.setObjectName("exportStepsSpin")
        self.steps_spin.setRange(1, MAX_STEPS)
        self.steps_spin.setValue(DEFAULT_STEPS)
        self.steps_spin.setToolTip(
            tr("Mini-batch steps the script trains (nnsim run's default: {steps})").format(
                steps=DEFAULT_STEPS
            )
        )
        self.epochs_label = QLabel()
        self.steps_spin.valueChanged.connect(self._on_steps_changed)
        self._on_steps_changed(self.steps_spin.value())
        steps_row = QHBoxLayout()
        steps_row.addWidget(self.steps_spin)
        steps_row.addWidget(self.epochs_label, 1)
        form = QFormLayout()
        form.addRow(tr("Library:"), self.numpy_radio)
        form.addRow("", self.pytorch_radio)
        steps_label = QLabel(tr("&Steps:"))
        steps_label.setBuddy(self.steps_spin)
        form.addRow(steps_label, steps_row)
        intro = tr(
            "A readable script that trains this experiment as nnsim does: the same initial "
            "weights, data and batch order. It saves weights_final.npz (as nnsim run does) "
            "in the folder it is run from; its data are written beside it (.data.npz)."
        )
        lay_out_export_dialog(self, intro, [form], 460)

    def _on_steps_changed(self, steps: int) -> None:
        epochs = steps / self._per_epoch
        self.epochs_label.setText(
            tr("= {epochs:.3g} passes over the training set").format(epochs=epochs)
        )

    @property
    def target(self) -> str:
        return "pytorch" if self.pytorch_radio.isChecked() else "numpy"

    def set_choice(self, to: str, steps: int) -> None:
        """Set the library (``numpy`` / ``pytorch``) and the steps, as a user would."""
        (self.pytorch_radio if to == "pytorch" else self.numpy_radio).setChecked(True)
        self.steps_spin.setValue(steps)


def default_script_path(experiment_path: Path | None, to: str) -> Path:
    """``spiral.json`` → ``spiral_numpy.py`` beside it (``experiment_numpy.py`` unsaved)."""
    stem = experiment_path.stem if experiment_path else "experiment"
    stem = stem.replace("-", "_").replace(" ", "_")
    folder = experiment_path.parent if experiment_path else Path.cwd()
    return folder / f"{stem}_{to}.py"


def ask_script_choice(
    parent: QWidget, experiment: Experiment, experiment_path: Path | None
) -> ScriptChoice | None:
    """The options dialog, then the save dialog; None if either is cancelled."""
    dialog = ExportScriptDialog(experiment, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    to, steps = dialog.target, dialog.steps_spin.value()
    path, _ = QFileDialog.getSaveFileName(
        parent,
        tr("Save the Python script"),
        str(default_script_path(experiment_path, to)),
        tr("Python script (*.py)"),
    )
    if not path:
        return None
    script = Path(path)
    if script.suffix != ".py":
        script = script.with_name(script.name + ".py")
    return ScriptChoice(to, steps, script)


class ScriptExporter(BackgroundWriter):
    """Writes one script at a time in a worker thread (building the data and the network
    can take longer than a frame) and says when it is done."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__("nnsim-export", parent)
        self._choice: ScriptChoice | None = None

    def start(self, experiment: Experiment, choice: ScriptChoice, name: str) -> bool:
        """Begin writing ``choice``; False (nothing started) while another export runs."""
        if self.busy:
            return False
        self._choice = choice
        return self.submit(export_script, experiment, choice.to, choice.steps, choice.path, name)

    def report(self, future: Future[tuple[Path, Path]]) -> None:
        choice = self._choice
        assert choice is not None, "a script's write starts with its choice"
        error = future.exception()
        if error is None:
            script, data = future.result()
            self.finished.emit(
                tr(
                    "Exported {script} and {data} ({steps} steps) to {folder}; "
                    "run it with: python {script}"
                ).format(
                    script=script.name, data=data.name, steps=choice.steps, folder=script.parent
                ),
                False,
            )
        elif isinstance(error, OSError):
            self.finished.emit(
                tr("Could not export {path}: {error}").format(
                    path=choice.path, error=error.strerror or error
                ),
                True,
            )
        else:  # ExportError: what the script cannot reproduce (its text: the training layer's)
            self.finished.emit(tr("Could not export a script: {error}").format(error=error), True)
