"""The live plots of the main window: loss, per-layer gradients, learning rate.

Each panel is a ``QWidget`` with ``show_snapshot(snapshot)`` (feeds curves made
once, with ``setData``), ``clear()`` and ``set_font_scale(scale)``:

- :class:`LossPanel` (objectName ``lossPlot``): batch / train / test loss, accuracy.
- :class:`GradientPanel` (``gradientPlot``): per-layer norms on a log axis and the
  current per-layer gradient distribution.
- :class:`LrPanel` (``lrPlot``): the learning rate used, and the planned schedule.

Every panel emits ``exportFailed(message)`` when Right-click ▸ Export… fails (see
:mod:`nnsim.ui.plots.export`), and starts its axes afresh when a new run begins (the
step goes back, :meth:`PlotPanel.reset_ranges`).
"""

from nnsim.ui.plots.base import PlotPanel
from nnsim.ui.plots.gradient import GradientPanel
from nnsim.ui.plots.loss import LossPanel
from nnsim.ui.plots.lr import LrPanel

__all__ = ["GradientPanel", "LossPanel", "LrPanel", "PlotPanel"]
