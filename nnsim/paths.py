"""Where nnsim's resources (lessons, icons) are: inside the installed package, or the
repository's ``resources/`` folder when running from a checkout."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def resources_dir() -> Path:
    """``nnsim/resources`` in a wheel (see pyproject), else ``<repository>/resources``."""
    installed = _PACKAGE / "resources"
    return installed if installed.is_dir() else _PACKAGE.parent / "resources"


def resource(*parts: str) -> Path:
    """The path of a resource file, e.g. ``resource("icons", "nnsim.svg")``."""
    return resources_dir().joinpath(*parts)
