"""View ▸ Loss landscape: the loss on a plane through the current weights, beside the window."""

from nnsim.ui.landscape.window import LandscapeWindow

__all__ = ["LandscapeWindow"]
