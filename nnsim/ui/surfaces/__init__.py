"""View ▸ Surfaces: optimizers racing on 2-D test surfaces (:mod:`.window`)."""

from nnsim.ui.surfaces.window import SurfacesWindow

__all__ = ["SurfacesWindow"]
