"""The command line. ``base`` holds the Typer app and what every command shares; each other
module registers a group of commands on it when imported."""

from careerpath.cli import workbook as _workbook  # noqa: F401  (registers the commands)

# isort: split
# Listed after the workbook commands in --help.
from careerpath.cli import tracking as _tracking  # noqa: F401  (targets, contacts, apps, offers, due)
from careerpath.cli.base import app

__all__ = ["app", "main"]


def main() -> None:
    """Entry point of the ``careerpath`` command."""
    app()
