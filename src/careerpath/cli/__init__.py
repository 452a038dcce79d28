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
    app()
