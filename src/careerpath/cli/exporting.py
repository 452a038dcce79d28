"""``careerpath export``: the workbook as Markdown, JSON, CSV or iCalendar (see ``exports``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from careerpath.cli.base import err_console, home_of, today, warn, write_output
from careerpath.core.errors import InvalidInput

if TYPE_CHECKING:
    from careerpath.workbook.home import Home
    from careerpath.workbook.models import Workbook

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
    remind: Annotated[
        bool,
        typer.Option(
            "--remind/--no-remind",
            help="ics: a reminder the day before each event (9:00 for an all-day one).",
        ),
    ] = True,
) -> None:
    """Everything in your workbook, for a coach (markdown), for tools (json), for a
    spreadsheet (csv, one file per kind of record) or for a calendar (ics, every dated item).

    An ics export keeps a record of its events in the home (.exports/calendar.toml), so the
    next one cancels what you have done since and updates what you snoozed."""
    home = home_of(ctx)
    now = today()
    if format in (ExportFormat.json, ExportFormat.markdown):
        write_output(output or Path("-"), _text(home, format, now))
        return
    if format is ExportFormat.csv and (output is None or str(output) == "-"):
        raise InvalidInput(
            "CSV makes one file per kind of record: give a folder with --output",
            hint="For example: careerpath export --format csv --output careerpath-csv",
        )
    from careerpath.views import exports  # and the record types a workbook holds

    workbook = home.load()
    if format is ExportFormat.csv:
        assert output is not None
        written = exports.write_csv(workbook, now, output)
        err_console().print(
            f"Written {len(written)} files to {output}: " + ", ".join(p.name for p in written),
            markup=False,
            soft_wrap=True,
        )
        return
    _export_ics(home, workbook, output or Path("-"), remind=remind)


def _text(home: Home, format: ExportFormat, now: dt.date) -> Iterator[bytes]:
    """The JSON or Markdown export, a piece at a time; kept in the home's cache as it is
    written, while nothing it is made from changes (``Home.derived_text``): a second export
    of an unchanged home of 10,000 records is a copy of the first."""
    from careerpath.instruments import store

    def pieces() -> Iterable[bytes]:
        from careerpath.tracking.records import reading_only  # registers the record types
        from careerpath.views import exports, report

        workbook = home.load()
        with reading_only():  # it only reads: the stored records, not models built again
            # The report and the due items as `report` and `due` keep them (and share).
            built, items = report.of_workbook(home, workbook, now)
            if format is ExportFormat.json:
                # Worked out here, then encoded a piece at a time as it is written.
                return exports.json_pieces(workbook, now, items, built)
            return [exports.to_markdown(workbook, built).encode("utf-8")]

    return home.derived_text(f"export-{format}", now.isoformat(), pieces, also=[store.path(home)])


def _export_ics(home: Home, workbook: Workbook, output: Path, *, remind: bool) -> None:
    """The calendar, numbered against the record of the last export, which is then kept. A
    home careerpath cannot write to still gets its calendar, without a record."""
    import contextlib

    from careerpath.core.errors import CannotWrite
    from careerpath.views import due, exports

    now = today()
    zone = exports.person_timezone()
    with contextlib.ExitStack() as held:
        try:
            held.enter_context(home.lock("export"))  # the record is read, then written
            keep = True
        except CannotWrite:
            keep = False
            warn(
                f"careerpath cannot write in {home.root}, so this calendar is exported without "
                "a record of it: the next export cannot cancel what you mark done before then."
            )
        before = exports.read_calendar_record(home.root)
        text, record = exports.to_ics(
            workbook, now, due.collect(workbook, now), before, zone=zone, remind=remind
        )
        write_output(output, text)
        if keep and record != before:
            exports.write_calendar_record(home.root, record)
