"""The main window's cures: a diagnosis's cure tried beside the run as it is (the Coach
panel's button), and the divergence banner's cure for what made the run diverge (*lower the
learning rate and reset*, or the cure for another cause: :mod:`nnsim.training.divergence`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Slot

from nnsim.training.diagnosis import Cure, Diagnosis, divergence_cure
from nnsim.training.experiment import Experiment, ExperimentError, with_optimizer_param
from nnsim.training.snapshot import Snapshot
from nnsim.training.text import QT_TR_NOOP
from nnsim.ui.compare.runs import CompareRun, own_setting
from nnsim.ui.diagnosis_panel import diagnosis_title
from nnsim.ui.i18n import shown, tr
from nnsim.ui.window_base import MainWindowParts

if TYPE_CHECKING:
    from nnsim.ui.compare import CompareWindow
    from nnsim.ui.divergence_banner import DivergenceBanner
    from nnsim.ui.plots import LossPanel

AS_IT_IS = QT_TR_NOOP(
    "as it is"
)  # a cure's comparison: the run without the cure (the Compare legend)


class CureMixin(MainWindowParts):
    """Applying cures (for MainWindow, which provides what is declared here)."""

    experiment: Callable[[], Experiment]
    set_experiment: Callable[..., None]
    pause: Callable[[], None]
    open_compare: Callable[[], CompareWindow]
    show_message: Callable[..., None]
    show_error: Callable[[str], None]
    last_snapshot: Snapshot | None
    banner: DivergenceBanner

    if TYPE_CHECKING:

        @property
        def loss_panel(self) -> LossPanel: ...

    def divergence_cure(self, snapshot: Snapshot) -> Cure | None:
        """The cure the banner offers for ``snapshot``'s divergence in the experiment (None:
        lower the learning rate)."""
        divergence = snapshot.divergence
        return None if divergence is None else divergence_cure(divergence, self.experiment())

    @Slot()
    def cure_divergence(self) -> None:
        """The divergence banner's button: its cure applied as a new run from new weights
        (the learning rate ÷ 10 unless something else is to blame). A cure that no longer
        fits is refused with a message, and nothing changes."""
        cure = self.banner.cure
        if cure is None:
            self.lower_learning_rate_and_reset()
            return
        try:
            experiment = cure.apply(self.experiment())
        except (ExperimentError, KeyError) as err:
            self.show_error(
                tr("Cannot apply “{cure}” to this experiment: {problem}").format(
                    cure=shown(cure.label), problem=shown(err)
                )
            )
            return
        self.set_experiment(experiment)
        self.show_message(tr("Applied “{cure}”; weights reset.").format(cure=shown(cure.label)))

    def lower_learning_rate_and_reset(self) -> None:
        """The divergence banner's button: η ÷ 10, as a new run from new weights."""
        lr = self.experiment().training.optimizer.params["lr"] / 10.0
        try:
            experiment = with_optimizer_param(self.experiment(), "lr", lr)
        except ExperimentError as err:
            self.show_error(shown(err))
            return
        self.set_experiment(experiment)
        self.show_message(tr("Learning rate lowered to {lr:g}; weights reset.").format(lr=lr))

    @Slot(object)
    def apply_cure(self, diagnosis: Diagnosis) -> None:
        """Try ``diagnosis``'s cure beside the run as it is: Compare opens with the two runs,
        both from step 0 on the same data and (where the network's shape is the same) the
        same initial weights, and plays them; *Use this run* makes the cured one the main
        experiment. The main window's run is paused and kept. Where the two cannot train
        together, the cure becomes the main experiment as a new run, the old run's test loss
        kept as a faded ghost. A cure that no longer fits is refused with a message."""
        cure = diagnosis.cure
        if cure is None:
            return
        experiment = self.experiment()
        try:
            cured = cure.apply(experiment)
        except (ExperimentError, KeyError) as err:
            self.show_error(
                tr("Cannot apply “{cure}” to this experiment: {problem}").format(
                    cure=shown(cure.label), problem=shown(err)
                )
            )
            return
        self.pause()
        label, as_it_is = shown(cure.label), tr(AS_IT_IS)
        runs = [
            CompareRun((as_it_is,), as_it_is, experiment),
            CompareRun((label,), label, cured),
        ]
        compare = self.open_compare()
        code = diagnosis_title(diagnosis.code)  # the coach's name for it, translated
        column = tr("cure for {code}").format(code=code)
        try:
            compare.show_runs(runs, [own_setting(column)], experiment)
        except ValueError:
            ghost = tr("{code}, before {cure}").format(code=code, cure=label)
            self.loss_panel.keep_as_ghost(self.last_snapshot, ghost)
            self.set_experiment(cured)
            self.show_message(
                tr(
                    "New run with {cure} (for {code}); the old run's test loss stays on the "
                    "loss plot, faded. Press Play to compare."
                ).format(cure=label, code=code)
            )
            return
        compare.play()
        self.show_message(
            tr(
                "Compare: {cure} (for {code}) beside the run as it is, both from step 0. "
                "“Use this run” makes it the main experiment."
            ).format(cure=label, code=code)
        )
