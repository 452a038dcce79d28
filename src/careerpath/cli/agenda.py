"""``careerpath due``, ``done`` and ``snooze``: one agenda of every dated item, from every
source listed by ``views.due.sources``; and the overdue notice at the start of ``next``."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Annotated

import typer

from careerpath.cli import completion
from careerpath.cli.base import (
    FormatOption,
    LimitOption,
    ListFormat,
    home_of,
    left_out,
    list_limit,
    out_console,
    print_json,
    today,
)
from careerpath.cli.recording import (
    Cell,
    day_option,
    heading,
    plain,
    relative,
)
from careerpath.core.errors import InvalidInput, NotFound
from careerpath.core.values import format_when
from careerpath.views.tables import columns

if TYPE_CHECKING:
    from rich.console import Console

    from careerpath.workbook.agenda import DueItem
    from careerpath.workbook.models import Workbook

due_app = typer.Typer(add_completion=False)
done_app = typer.Typer(add_completion=False)
snooze_app = typer.Typer(add_completion=False)


@due_app.command()
def due(
    ctx: typer.Context,
    within: Annotated[
        str, typer.Option("--within", help="How far ahead to look: 7d, 2w, 1m or a date.")
    ] = "7d",
    show_all: Annotated[bool, typer.Option("--all", help="Everything open, however far.")] = False,
    format: FormatOption = ListFormat.text,
    limit: LimitOption = None,
) -> None:
    """What is due: overdue first, then the coming days. Follow-ups, next actions,
    interviews, offer deadlines, stale applications, and anything else dated."""
    from careerpath.views import due

    now = today()
    horizon = dt.date.max if show_all else day_option(within, "--within", echo=False)
    assert horizon is not None
    items = due.of_home(home_of(ctx), now)
    overdue = [i for i in items if i.due < now]
    coming = [i for i in items if now <= i.due <= horizon]
    later = len(items) - len(overdue) - len(coming)
    most = list_limit(limit, format)
    if format is ListFormat.json:
        print_json([item._asdict() for item in [*overdue, *coming][:most]])
        return
    console = out_console()
    room = len(overdue) + len(coming) if most is None else most
    sections = {
        "Overdue": overdue[:room],
        "Ahead" if show_all else f"Until {horizon}": coming[: max(0, room - len(overdue))],
    }
    _agenda_rows(console, now, sections)
    left_out(console, len(overdue) + len(coming) - room, "careerpath due")
    if not overdue and not coming:
        console.print(plain("Nothing is due." if show_all else f"Nothing due until {horizon}."))
    if later:
        console.print(plain(f"\n{later} more later: careerpath due --all"), style="dim")
    if any(item.what == "stale" for item in overdue):
        console.print(
            plain(
                "\nStale: no news for a while. Chase it, snooze it (careerpath snooze ID 1w), or "
                'close it (careerpath app move ID "no response").'
            ),
            style="dim",
        )
    if overdue or coming:
        console.print(
            plain("\nDone: careerpath done ID · later: careerpath snooze ID 3d"), style="dim"
        )


def _agenda_rows(console: Console, now: dt.date, sections: Mapping[str, Sequence[DueItem]]) -> None:
    """Items as one table (id, date and time, how far off, what), under a heading row for
    each titled section that has any, so the sections line up as one list."""
    rows: list[list[Cell]] = []
    for title, items in sections.items():
        if items and title:
            rows.append([(title, "bold")])
        rows += [
            [
                ("  " + item.id, "cyan"),
                format_when(item.at or item.due),
                (relative(item.due, now), "red" if item.due < now else ""),
                item.title,
            ]
            for item in items
        ]
    if rows:
        columns(console, rows, wrap=True)


def resolve_item(items: Sequence[DueItem], wanted: str) -> DueItem:
    """The open item ``wanted`` names: its id, or a record id with just one open item."""
    key = wanted.strip().lower()
    for item in items:
        if item.id == key:
            return item
    matches = [item for item in items if item.id.startswith(key + "-")]
    if len(matches) == 1:
        return matches[0]
    if matches:
        raise InvalidInput(
            f"{wanted!r} has {len(matches)} open items: " + ", ".join(i.id for i in matches),
            hint="Name one of them.",
        )
    raise NotFound(
        f"nothing open is called {wanted!r}",
        hint="`careerpath due --all` lists every open item with its id.",
    )


@done_app.command()
def done(
    ctx: typer.Context,
    items: Annotated[
        list[str],
        typer.Argument(
            help="Item ids from `careerpath due`.",
            metavar="ITEM",
            autocompletion=completion.due_items,
        ),
    ],
) -> None:
    """Mark items from `careerpath due` as done."""
    from careerpath.views import due

    home = home_of(ctx)
    now = today()
    console = out_console()
    with home.lock("done"):
        workbook = home.load()
        open_items = due.collect(workbook, now)
        # Every item is found before any is marked, so a typo marks nothing.
        chosen = list(
            {item.id: item for item in (resolve_item(open_items, w) for w in items)}.values()
        )
        for item in chosen:
            if not any(s.done(home, workbook, item.id, now) for s in due.sources(workbook)):
                raise NotFound(f"no part of the workbook knows the item {item.id}")
    for item in chosen:
        console.print(plain(f"Done: {item.id} {item.title}"))
        if item.what == "stale":
            console.print(
                plain(
                    "It is flagged again if nothing moves; if they never answer, close it "
                    "as no response."
                ),
                style="dim",
            )
        elif item.what == "follow-up":
            record = item.id.rsplit("-follow-up", 1)[0]
            console.print(
                plain(f"Log what came of it: careerpath contact log {record}"), style="dim"
            )


@snooze_app.command()
def snooze(
    ctx: typer.Context,
    item: Annotated[
        str,
        typer.Argument(help="Item id from `careerpath due`.", autocompletion=completion.due_items),
    ],
    until: Annotated[
        str, typer.Argument(help="A distance (3d, 2w, 1m) or a date.", metavar="WHEN")
    ],
) -> None:
    """Move an item from `careerpath due` to a later day."""
    from careerpath.views import due

    day = day_option(until, "WHEN")
    assert day is not None
    now = today()
    if day <= now:
        raise InvalidInput(f"snooze it to a day after today ({day} is not)")
    home = home_of(ctx)
    with home.lock("snooze"):
        workbook = home.load()
        found = resolve_item(due.collect(workbook, now), item)
        if found.movable and day <= found.due:
            raise InvalidInput(
                f"{found.id} is due {found.due}; snoozing puts it off, to a day after that "
                f"({day} is not)",
                hint=f"To bring it forward, change the date itself: {_set_earlier(found)}.",
            )
        if not any(s.snooze(home, workbook, found.id, day) for s in due.sources(workbook)):
            raise NotFound(f"no part of the workbook knows the item {found.id}")
    out_console().print(
        plain(f"Snoozed {found.id} until {day} ({relative(day, now)}): {found.title}")
    )


def _set_earlier(item: DueItem) -> str:
    record = item.id.split("-", 1)[0]
    commands = {"follow-up": "contact", "next action": "app"}
    if item.what in commands:
        return f"`careerpath {commands[item.what]} edit {record} --due DATE`"
    return "edit it in its file (`careerpath doctor` checks it after)"


def overdue_notice(workbook: Workbook, console: Console) -> None:
    """At the start of `careerpath next`: what is overdue, in a few lines."""
    from careerpath.views import due

    now = today()
    overdue = [item for item in due.collect(workbook, now) if item.due < now]
    if not overdue:
        return
    noun = "item is" if len(overdue) == 1 else "items are"
    heading(console, f"{len(overdue)} {noun} overdue")
    _agenda_rows(console, now, {"": overdue[:5]})
    more = f"And {len(overdue) - 5} more. " if len(overdue) > 5 else ""
    console.print(
        plain(f"{more}Everything due: careerpath due · done: careerpath done ID"), style="dim"
    )
    console.print()
