"""What the record commands share: opening one type of record (to read, or to change under
the home's lock), the options add and edit share, reading options (dates, money) with clear
messages, asking field by field at a terminal, and printing details."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

import typer

from careerpath.cli.base import err_console, home_of, out_console, today
from careerpath.core.errors import InvalidInput

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

    from careerpath.tracking.tracker import Book

F = TypeVar("F", bound=Callable[..., Any])


def open_book(ctx: typer.Context, name: str, *, its_stage_only: bool = False) -> Book:
    """The records of type ``name``, to read. ``its_stage_only``: read no other stage's
    answers (for a command that shows only these records)."""
    from careerpath.tracking import records
    from careerpath.tracking.tracker import Book

    home = home_of(ctx)
    if its_stage_only:
        return Book(home, home.load(lambda book: {records.require(book, name)[0].id}), name)
    return Book(home, home.load(), name)


@contextlib.contextmanager
def changing(ctx: typer.Context, name: str, command: str) -> Iterator[Book]:
    """The records of type ``name``, read and changed under the home's lock, which
    ``command`` holds (it names the holder to a second careerpath)."""
    from careerpath.tracking.tracker import Book  # and the record types it registers

    home = home_of(ctx)
    with home.lock(command):
        yield Book(home, home.load(), name)


def with_options(options: type[Any]) -> Callable[[F], F]:
    """Give a command the options its record type's add and edit share, declared once: the
    fields of ``options``, a dataclass whose fields are typer options (``Annotated``). The
    command receives them together as its ``options`` argument."""
    import dataclasses
    import functools
    import inspect
    import typing

    hints = typing.get_type_hints(options, include_extras=True)
    shared = [
        inspect.Parameter(
            field.name, inspect.Parameter.KEYWORD_ONLY, annotation=hints[field.name], default=None
        )
        for field in dataclasses.fields(options)
    ]

    def decorate(command: F) -> F:
        own = inspect.signature(command, eval_str=True).parameters.values()
        params = [p for p in own if p.name != "options"] + shared

        @functools.wraps(command)
        def run(**given: Any) -> Any:
            chosen = {p.name: given.pop(p.name) for p in shared}
            return command(**given, options=options(**chosen))

        run.__signature__ = inspect.Signature(params)  # type: ignore[attr-defined]
        run.__annotations__ = {p.name: p.annotation for p in params}
        return typing.cast(F, run)

    return decorate


def given(options: Any) -> bool:
    """Whether any of the shared ``options`` was given on the command line."""
    import dataclasses

    return any(value is not None for value in dataclasses.asdict(options).values())


def day_option(text: str | None, option: str, *, echo: bool = True) -> dt.date | None:
    """A date option in any form ``parse_date`` reads, shown back when it was not typed in
    full ("3d → Sat 28 Nov 2026") unless ``echo`` is off (a filter such as ``--within``);
    a clear message when it is not a date."""
    if text is None:
        return None
    from careerpath.core.values import parse_date

    try:
        day = parse_date(text, today())
    except ValueError as error:
        raise InvalidInput(f"{option}: {error}") from None
    if echo:
        _echo(text, day)
    return day


def moment_option(text: str | None, option: str) -> dt.date | dt.datetime | None:
    """A date with an optional time ("18/12/2026 14h", "friday 2pm"), shown back like a date."""
    if text is None:
        return None
    from careerpath.core.values import parse_when

    try:
        moment = parse_when(text, today())
    except ValueError as error:
        raise InvalidInput(f"{option}: {error}") from None
    _echo(text, moment)
    return moment


def _echo(text: str, value: dt.date) -> None:
    from careerpath.core.values import date_echo

    shown = date_echo(text, value)
    if shown:
        out_console().print(plain(f"{text.strip()} {shown}"), style="dim")


def money_option(text: str | None, option: str) -> dict[str, Any] | None:
    if text is None:
        return None
    from careerpath.core.money import parse_money

    try:
        return parse_money(text).model_dump()
    except ValueError as error:
        raise InvalidInput(f"{option}: {error}") from None


def range_option(text: str | None, option: str) -> dict[str, Any] | None:
    if text is None:
        return None
    from careerpath.core.money import parse_money_range

    try:
        return parse_money_range(text).model_dump()
    except ValueError as error:
        raise InvalidInput(f"{option}: {error}") from None


def warn_if_past(day: dt.date | None, what: str) -> None:
    """A follow-up in the past is allowed (it shows as overdue) but worth a word."""
    if day is not None and day < today():
        err_console().print(
            f"Note: {what} {day} is in the past, so it shows as overdue in `careerpath due`.",
            highlight=False,
        )


def put(record: dict[str, Any], **values: Any) -> None:
    """Set the values given (None means: not given, leave as it is)."""
    for key, value in values.items():
        if value is not None:
            record[key] = value


def extend(record: dict[str, Any], key: str, items: Sequence[str] | None) -> None:
    """Add items to a list field, each once."""
    if items:
        current = list(record.get(key) or [])
        record[key] = current + [item for item in items if item not in current]


def resolve_ref(book: Book, name: str, query: str | None) -> str | None:
    """The id of a record of another type (``--target``, ``--contact``), named by id or name."""
    if query is None:
        return None
    return str(book.other(name).find(query)["id"])


def confirm_removal(book: Book, record: dict[str, Any], yes: bool) -> None:
    if yes:
        return
    from careerpath.workbook import prompts

    prompts.require_terminal("To remove it without being asked, add --yes.")
    if not prompts.TerminalPrompter(today()).confirm(
        f"Remove {record['id']} {book.label(record)} for good?", default=False
    ):
        out_console().print("Kept it; nothing was removed.")
        raise typer.Exit(0)


def add_record(book: Book, options: Any, given: dict[str, Any] | None, usage: str) -> str:
    """Add a record from what the command line ``given`` (its name, title…) and the shared
    ``options``; its id. Without ``given``, at a terminal, ask field by field, the options
    saved first so they are offered as answers; elsewhere say how (``usage``)."""
    record: dict[str, Any] = {}
    options.apply(book, record)
    if given is None:
        need_terminal(usage)
        return ask_record(book, book.add(record, today()) if record else None)
    return book.add({**given, **record}, today())


def edit_record(
    ctx: typer.Context, name: str, query: str, options: Any, own: dict[str, Any]
) -> tuple[Book, str]:
    """Change the record ``query`` names: the shared ``options`` given and the command's
    ``own`` (``--name``…; None is not given). Given none, at a terminal, ask every field.
    The records and the id of the one changed."""
    from careerpath.tracking import records

    with changing(ctx, name, f"{records.TYPES[name].command} edit") as book:
        record_id = book.find(query)["id"]
        if not given(options) and all(value is None for value in own.values()):
            need_terminal(nothing_to_change(book.kind.command, record_id))
            ask_record(book, record_id)
        else:

            def change(stored: dict[str, Any]) -> None:
                put(stored, **own)
                options.apply(book, stored)

            book.update(record_id, change, today())
    out_console().print(plain(f"Saved {record_id}: {book.label(book.find(record_id))}."))
    return book, record_id


def ask_record(book: Book, record_id: str | None) -> str:
    """Ask every field of one record at the terminal (a new one when ``record_id`` is None),
    current values as defaults; its id. Each answer is saved the moment it is given, as
    `careerpath next` saves them: Ctrl-C keeps every answer, and what was being typed is
    offered again the next time that field is asked."""
    from careerpath.core.errors import Interrupted
    from careerpath.tracking.sitting import TrackingCompanion
    from careerpath.workbook.prompts import TerminalPrompter
    from careerpath.workbook.session import Session

    index = len(book.raw) if record_id is None else book.index(record_id)
    sitting = Session(
        book.home,
        book.workbook,
        TerminalPrompter(today()),
        out_console(),
        today(),
        [TrackingCompanion()],
    )
    try:
        sitting.ask_record(book.stage, book.question, index)
    except Interrupted as stop:
        if index < len(book.raw):
            book.begin(today())
            asked = book.raw[index]["id"]
            stop.hint = f"`careerpath {book.kind.command} edit {asked}` asks the rest."
        else:
            stop.hint = f"`careerpath {book.kind.command} add` asks again."
        raise
    book.begin(today())
    return str(book.raw[index]["id"])


Cell = str | tuple[str, str]
"""A table cell: text, or (text, style)."""


def details(console: Console, rows: Sequence[tuple[str, Any]]) -> None:
    """Label and value pairs, values that are empty left out, long values wrapped, a list's
    items one a line (a task is a sentence; a source may hold "; " itself)."""
    from rich.table import Table

    table = Table(show_header=False, box=None, padding=(0, 2, 0, 2))
    table.add_column(style="bold", no_wrap=True)
    table.add_column()
    for name, value in rows:
        if value is None or value == "" or value == []:
            continue
        if isinstance(value, list) and len(value) > 1:
            items = Table.grid(padding=(0, 1, 0, 0))  # a bullet, and each line under the text
            items.add_column(no_wrap=True)
            items.add_column()
            for item in value:
                items.add_row("•", plain(str(item)))
            table.add_row(name, items)
            continue
        shown = str(value[0]) if isinstance(value, list) else str(value)
        table.add_row(name, plain(shown))
    console.print(table)


def plain(text: str) -> Text:
    from rich.text import Text

    return Text(text)


def heading(console: Console, text: str, extra: str = "") -> None:
    from rich.text import Text

    line = Text(text, style="bold")
    if extra:
        line.append("  " + extra, style="dim")
    console.print(line)


def relative(day: dt.date, now: dt.date) -> str:
    days = (day - now).days
    if days == 0:
        return "today"
    if days == 1:
        return "tomorrow"
    if days == -1:
        return "yesterday"
    return f"in {days} days" if days > 0 else f"{-days} days ago"


def due_text(day: dt.date | None, now: dt.date, snoozed: dt.date | None = None) -> str:
    """A date and how far off, "2026-12-02 (in 7 days)"; when it was snoozed,
    "2026-12-02, snoozed to 2026-12-05 (in 10 days)"."""
    if not day:
        return ""
    if snoozed:
        return f"{day}, snoozed to {due_text(snoozed, now)}"
    return f"{day} ({relative(day, now)})"


def money_text(value: dict[str, Any] | None) -> str:
    if not value:
        return ""
    from careerpath.core.money import Money, format_money

    return format_money(Money.model_validate(value))


def need_terminal(alternative: str) -> None:
    from careerpath.workbook import prompts

    prompts.require_terminal(alternative[0].upper() + alternative[1:] + ".")


def required_text(text: str, what: str) -> str:
    if not text.strip():
        raise InvalidInput(f"the {what} cannot be empty")
    return text.strip()


def said_added(book: Book, record_id: str, record: dict[str, Any]) -> None:
    out_console().print(
        plain(f"Added {record_id}: {book.label(record)}."),
    )


def nothing_to_change(command: str, record_id: str) -> str:
    return (
        f"nothing to change: give options (`careerpath {command} edit {record_id} --help`), "
        "or run it in a terminal to be asked field by field"
    )


def remove_record(ctx: typer.Context, name: str, command: str, query: str, yes: bool) -> None:
    with changing(ctx, name, f"{command} remove") as book:
        record = book.find(query)
        confirm_removal(book, record, yes)
        book.remove(record["id"], today())
    out_console().print(
        plain(
            f"Removed {record['id']}: {book.label(record)}. Its id will not be used again; "
            "the file as it was is in .backups."
        )
    )


def value_ratings(book: Book, given: Sequence[str] | None) -> dict[str, int]:
    """``--fit VALUE=N`` items, each value one of the person's top values (any case)."""
    if not given:
        return {}
    from careerpath.tracking import records, scoring

    pairs = records.parse_pairs(given, low=1, high=5, what="fit ratings")
    values = scoring.top_values(book.workbook)
    if not values:
        raise InvalidInput(
            "there are no ranked top values to rate against yet",
            hint="Rank them in exploration (`careerpath next --stage exploration`), or give "
            "one overall rating with --overall N.",
        )
    rated: dict[str, int] = {}
    for name, rating in pairs.items():
        matches = [v for v in values if v.casefold() == name.casefold()] or [
            v for v in values if v.casefold().startswith(name.casefold())
        ]
        if len(matches) != 1:
            raise InvalidInput(
                f"{name!r} is not one of your top values",
                hint="Your top values: " + ", ".join(values) + ".",
            )
        rated[matches[0]] = rating
    return rated
