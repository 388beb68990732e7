"""``python -m nnsim`` and the ``nnsim`` command."""

from __future__ import annotations

import sys


def main() -> int:
    import multiprocessing

    multiprocessing.freeze_support()  # a frozen (PyInstaller) build starting the training process
    from nnsim.cli import main as cli_main

    return cli_main()


if __name__ == "__main__":
    sys.exit(main())
