"""``python -m nnsim`` and the ``nnsim`` command: ``nnsim run`` / ``validate`` / ``lr-find`` /
``compare`` / ``landscape`` / ``surface`` / ``export`` go to the headless command line
(``nnsim.cli``), anything else opens the window (``nnsim.ui``). The one module that knows both;
the two never import each other."""

from __future__ import annotations

import argparse
import sys

from nnsim import __version__


def _window_parser() -> argparse.ArgumentParser:
    from nnsim.cli import EXAMPLES

    p = argparse.ArgumentParser(
        prog="nnsim",
        description="nnsim: watch a neural network learn — backpropagation, gradient descent "
        "and the learning rate, live. Subcommands 'run', 'validate', 'lr-find', 'compare', "
        "'landscape', 'surface' and 'export' work without a window.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("experiment", nargs="?", help="an experiment file (.json) to open")
    from nnsim.training.lessons import lesson_names
    from nnsim.training.text import LANGUAGES

    lessons = ", ".join(lesson_names())
    p.add_argument("--lesson", metavar="NAME", help=f"open a built-in lesson: {lessons}")
    p.add_argument(
        "--language",
        choices=tuple(LANGUAGES),
        help="the window's language for this session (default: View ▸ Language's choice, "
        "else the system's)",
    )
    p.add_argument("--version", action="version", version=f"nnsim {__version__}")
    return p


def window_command(args: argparse.Namespace) -> int:
    """Open the window on ``args.experiment`` (a bad file opens it too, with its problems
    shown) or on the lesson ``args.lesson``."""
    from nnsim.cli import UsageError

    if args.lesson is not None:
        from nnsim.training.lessons import lesson_names

        if args.experiment is not None:
            raise UsageError("give an experiment file or --lesson NAME, not both")
        if args.lesson not in lesson_names():
            known = ", ".join(lesson_names())
            raise UsageError(f"--lesson {args.lesson}: no such lesson; the lessons are: {known}")
        from nnsim.ui.lecture import run_lesson

        return run_lesson(args.lesson, args.language)
    from nnsim.ui.app import run_app

    return run_app(args.experiment, args.language)


def main(argv: list[str] | None = None) -> int:
    import multiprocessing

    multiprocessing.freeze_support()  # a frozen (PyInstaller) build starting the training process
    from nnsim import cli

    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] in cli.COMMANDS:
        return cli.main(argv)
    return cli.run_command_line(_window_parser(), window_command, argv)


if __name__ == "__main__":
    sys.exit(main())
