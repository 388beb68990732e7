"""nnsim: a desktop neural-network training simulator."""

__version__ = "0.1.0"
