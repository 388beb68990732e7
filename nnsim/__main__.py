"""``python -m nnsim`` and the ``nnsim`` command."""

from __future__ import annotations

import sys


def main() -> int:
    from nnsim.cli import main as cli_main

    return cli_main()


if __name__ == "__main__":
    sys.exit(main())
