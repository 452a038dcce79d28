"""The command line. ``base`` holds the Typer app and what every command shares; the
workbook commands register directly, the other groups (``groups``) only when they are used."""

from careerpath.cli import instruments as _instruments  # noqa: F401  (registers the commands)
from careerpath.cli import workbook as _workbook  # noqa: F401  (registers the commands)
from careerpath.cli.base import app, defer
from careerpath.cli.groups import GROUPS

__all__ = ["app", "main"]

for _name, (_target, _help) in GROUPS.items():
    defer(_name, f"careerpath.cli.{_target}", _help)
defer(
    "help",
    "careerpath.cli.helping:help_app",
    "Show the help of a command: `careerpath help app add`.",
)


def main() -> None:
    """Entry point of the ``careerpath`` command."""
    import gc

    # A command builds hundreds of thousands of dicts, strings and models at N=10k and makes
    # no reference cycles worth collecting; the collector's default passes over all of them
    # were a quarter of the CPU time of `report` and `due` there (what a home read is frozen
    # out of its way, see ``Home.load``). Collect rarely rather than never: an interactive
    # session may still make cycles.
    gc.set_threshold(500_000)
    try:
        app()
    except SystemExit as leaving:
        code = leaving.code
    else:
        code = 0
    _leave(code)


def _leave(code: object) -> None:
    """End the process once the command is done, without freeing what it built one object
    at a time (a tenth of a second at 10,000 records): the system takes the memory back
    whole. Every file careerpath writes is closed by then; what is left is the output."""
    import contextlib
    import os
    import sys

    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):  # a closed pipe: nowhere to go
            stream.flush()
    if code is None:
        code = 0
    elif not isinstance(code, int):
        print(code, file=sys.stderr)  # as SystemExit prints a message it is given
        code = 1
    os._exit(code)
