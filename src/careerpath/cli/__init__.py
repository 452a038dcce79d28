"""The command line. ``base`` holds the Typer app and what every command shares; each other
module registers a group of commands on it when imported."""

from careerpath.cli import workbook as _workbook  # noqa: F401  (registers the commands)

# isort: split
from careerpath.cli import program as _program  # noqa: F401  (after the workbook commands)
from careerpath.cli.base import app

__all__ = ["app", "main"]


def main() -> None:
    """Entry point of the ``careerpath`` command."""
    app()
