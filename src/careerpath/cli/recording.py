"""What the record commands share: opening one type of record, reading options (dates,
money) with clear messages, asking field by field at a terminal, and printing aligned lists."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import typer

from careerpath.cli.base import err_console, home_of, out_console, today
from careerpath.errors import InvalidInput

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

    from careerpath.tracker import Book


def open_book(ctx: typer.Context, name: str) -> Book:
    from careerpath.tracker import Book

    home = home_of(ctx)
    return Book(home, home.load(), name)


def day_option(text: str | None, option: str) -> dt.date | None:
    """A date option (ISO, today, tomorrow, 3d, 2w, 1m); a clear message when it is not one."""
    if text is None:
        return None
    from careerpath.values import parse_date

    try:
        return parse_date(text, today())
    except ValueError as error:
        raise InvalidInput(f"{option}: {error}") from None


def moment_option(text: str | None, option: str) -> dt.date | dt.datetime | None:
    if text is None:
        return None
    from careerpath.records import parse_when

    try:
        return parse_when(text, today())
    except ValueError as error:
        raise InvalidInput(f"{option}: {error}") from None


def money_option(text: str | None, option: str) -> dict[str, Any] | None:
    if text is None:
        return None
    from careerpath.values import parse_money

    try:
        return parse_money(text).model_dump()
    except ValueError as error:
        raise InvalidInput(f"{option}: {error}") from None


def range_option(text: str | None, option: str) -> dict[str, Any] | None:
    if text is None:
        return None
    from careerpath.values import parse_money_range

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
    from careerpath import records
    from careerpath.tracker import Book as Books

    other = Books(book.home, book.workbook, name)
    return str(records.find(name, other.raw, query)["id"])


def confirm_removal(book: Book, record: dict[str, Any], yes: bool) -> None:
    if yes:
        return
    from careerpath import prompts

    prompts.require_terminal("To remove it without being asked, add --yes.")
    if not prompts.TerminalPrompter(today()).confirm(
        f"Remove {record['id']} {book.label(record)} for good?", default=False
    ):
        out_console().print("Kept it; nothing was removed.")
        raise typer.Exit(0)


def ask_record(book: Book, record: dict[str, Any]) -> dict[str, Any]:
    """Ask every field of one record at the terminal, earlier values as defaults."""
    from careerpath import records
    from careerpath.errors import Interrupted
    from careerpath.prompts import TerminalPrompter

    prompter = TerminalPrompter(today())
    question = book.question
    record = dict(record)
    try:
        for field in records.fields_for(question, records.recalled(book.workbook, question)):
            earlier_value = question.record_value(record, field.id)
            value = prompter.ask(field, earlier_value)
            if value != earlier_value:
                question.set_record_value(record, field.id, value, today())
    except Interrupted:
        stopped = Interrupted()
        stopped.message, stopped.hint = "Stopped; nothing was saved.", None
        raise stopped from None
    return record


Cell = str | tuple[str, str]
"""A table cell: text, or (text, style)."""


def details(console: Console, rows: Sequence[tuple[str, Any]]) -> None:
    """Label and value pairs, values that are empty left out, long values wrapped."""
    from rich.table import Table

    table = Table(show_header=False, box=None, padding=(0, 2, 0, 2))
    table.add_column(style="bold", no_wrap=True)
    table.add_column()
    for name, value in rows:
        if value is None or value == "" or value == []:
            continue
        shown = "; ".join(map(str, value)) if isinstance(value, list) else str(value)
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


def due_text(day: dt.date | None, now: dt.date) -> str:
    return f"{day} ({relative(day, now)})" if day else ""


def money_text(value: dict[str, Any] | None) -> str:
    if not value:
        return ""
    from careerpath.values import Money, format_money

    return format_money(Money.model_validate(value))


def need_terminal(alternative: str) -> None:
    from careerpath import prompts

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


def replace_record(stored: dict[str, Any], changed: dict[str, Any]) -> None:
    stored.clear()
    stored.update(changed)


def remove_record(ctx: typer.Context, name: str, command: str, query: str, yes: bool) -> None:
    home = home_of(ctx)
    with home.lock(f"{command} remove"):
        book = open_book(ctx, name)
        record = book.find(query)
        confirm_removal(book, record, yes)
        book.remove(record["id"])
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
    from careerpath import records, scoring

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
