"""``careerpath export``: the workbook as Markdown, JSON, CSV or iCalendar (see ``exports``)."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from careerpath.cli.base import err_console, home_of, today, write_output
from careerpath.core.errors import InvalidInput

export_app = typer.Typer(add_completion=False)


class ExportFormat(StrEnum):
    markdown = "markdown"
    json = "json"
    csv = "csv"
    ics = "ics"


@export_app.command()
def export(
    ctx: typer.Context,
    format: Annotated[
        ExportFormat, typer.Option("--format", "-f", help="markdown, json, csv or ics.")
    ],
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="File to write (a folder for csv). Default: the screen (csv needs a folder).",
        ),
    ] = None,
) -> None:
    """Everything in your workbook, for a coach (markdown), for tools (json), for a
    spreadsheet (csv, one file per kind of record) or for a calendar (ics, every dated item)."""
    from careerpath.views import due, exports

    workbook = home_of(ctx).load()
    now = today()
    if format is ExportFormat.csv:
        if output is None or str(output) == "-":
            raise InvalidInput(
                "CSV makes one file per kind of record: give a folder with --output",
                hint="For example: careerpath export --format csv --output careerpath-csv",
            )
        written = exports.write_csv(workbook, now, output)
        err_console().print(
            f"Written {len(written)} files to {output}: " + ", ".join(p.name for p in written),
            markup=False,
            soft_wrap=True,
        )
        return
    if format is ExportFormat.markdown:
        text = exports.to_markdown(workbook, now)
    elif format is ExportFormat.json:
        text = exports.to_json(workbook, now)
    else:
        text = exports.to_ics(workbook, now, due.collect(workbook, now))
    write_output(output or Path("-"), text)
