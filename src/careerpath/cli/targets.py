"""``careerpath target``: target jobs, their pay on one yearly scale, and their fit with your
ranked values."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Annotated, Any

import typer

from careerpath.cli.base import home_of, out_console, today
from careerpath.cli.groups import HELP
from careerpath.cli.recording import (
    Cell,
    ask_record,
    details,
    extend,
    heading,
    need_terminal,
    nothing_to_change,
    open_book,
    plain,
    put,
    range_option,
    remove_record,
    replace_record,
    required_text,
    said_added,
    value_ratings,
)
from careerpath.errors import InvalidInput
from careerpath.tables import columns

if TYPE_CHECKING:
    from careerpath.records import Target
    from careerpath.scoring import Fit
    from careerpath.tracker import Book

target_app = typer.Typer(
    name="target", help=HELP["target"], no_args_is_help=True, add_completion=False
)


def _target_changes(
    book: Book,
    record: dict[str, Any],
    *,
    field: str | None,
    education: str | None,
    task: Sequence[str] | None,
    salary: str | None,
    outlook: str | None,
    source: Sequence[str] | None,
    question: Sequence[str] | None,
    fit: Sequence[str] | None,
    overall: int | None,
    notes: str | None,
) -> None:
    from careerpath import records

    if overall is not None and not 1 <= overall <= 5:
        raise InvalidInput("--overall: give a rating from 1 to 5")
    put(
        record,
        field=field,
        education=education,
        salary=range_option(salary, "--salary"),
        outlook=records.match_word(outlook, records.OUTLOOKS, "outlook") if outlook else None,
        values_fit=overall,
        notes=notes,
    )
    extend(record, "tasks", task)
    extend(record, "sources", source)
    extend(record, "open_questions", question)
    rated = value_ratings(book, fit)
    if rated:
        record["fit"] = {**(record.get("fit") or {}), **rated}


@target_app.command("add")
def target_add(
    ctx: typer.Context,
    title: Annotated[
        str | None,
        typer.Argument(
            help="The job title. Leave it out in a terminal to be asked for each field."
        ),
    ] = None,
    field: Annotated[str | None, typer.Option("--field", help="Field or industry.")] = None,
    education: Annotated[
        str | None, typer.Option("--education", help="Education or training it requires.")
    ] = None,
    task: Annotated[
        list[str] | None, typer.Option("--task", help="A typical work task (repeat for more).")
    ] = None,
    salary: Annotated[
        str | None,
        typer.Option("--salary", help="Usual pay range, e.g. '45k-60k EUR' or '25-35 USD/hour'."),
    ] = None,
    outlook: Annotated[
        str | None, typer.Option("--outlook", help="Growing, Stable, Shrinking or Not sure yet.")
    ] = None,
    source: Annotated[
        list[str] | None, typer.Option("--source", help="Where you found this out (repeatable).")
    ] = None,
    question: Annotated[
        list[str] | None,
        typer.Option("--question", help="Something you still need to find out (repeatable)."),
    ] = None,
    fit: Annotated[
        list[str] | None,
        typer.Option("--fit", help="How well it fits one of your top values: VALUE=1..5."),
    ] = None,
    overall: Annotated[
        int | None, typer.Option("--overall", help="One overall fit rating, 1 to 5.")
    ] = None,
    notes: Annotated[str | None, typer.Option("--notes", help="Anything else.")] = None,
) -> None:
    """Add a target job."""
    home = home_of(ctx)
    with home.lock("target add"):
        book = open_book(ctx, "targets")
        record: dict[str, Any] = {}
        if title is None:
            need_terminal("give the job title: `careerpath target add TITLE [options]`")
            record = ask_record(book, record)
        else:
            record["title"] = required_text(title, "title")
        _target_changes(
            book,
            record,
            field=field,
            education=education,
            task=task,
            salary=salary,
            outlook=outlook,
            source=source,
            question=question,
            fit=fit,
            overall=overall,
            notes=notes,
        )
        record_id = book.add(record, today())
    said_added(book, record_id, record)
    _print_fit(book, record_id)


def _print_fit(book: Book, record_id: str) -> None:
    from careerpath import scoring

    target = book.get(record_id)
    fit = scoring.fit(target, scoring.top_values(book.workbook))
    if fit.score is not None:
        out_console().print(plain(f"Fit with your values: {_fit_text(fit)}."))


def _fit_text(fit: Fit, compact: bool = False) -> str:
    """A fit score in words, "4.6 of 5 (2 of 5 values rated)"; ``compact`` for a list,
    "4.6 (2/5)"."""
    if fit.score is None:
        return "–" if compact else "not rated"
    if fit.basis == "overall":
        basis = "overall" if compact else "overall rating"
    else:
        basis = f"{fit.rated}/{fit.of}" if compact else f"{fit.rated} of {fit.of} values rated"
    return f"{fit.score:.1f} ({basis})" if compact else f"{fit.score:.1f} of 5 ({basis})"


@target_app.command("list")
def target_list(ctx: typer.Context) -> None:
    """Target jobs, best fit first, with pay ranges on one yearly scale."""
    from careerpath import scoring

    book = open_book(ctx, "targets")
    targets: list[Target] = book.models()
    console = out_console()
    if not targets:
        console.print("No target jobs yet. Add one: careerpath target add TITLE")
        return
    values = scoring.top_values(book.workbook)
    ranked = sorted(
        ((scoring.fit(t, values), t) for t in targets),
        key=lambda pair: (-(pair[0].score or 0), (pair[1].title or "").casefold()),
    )
    bars = salary_bars([t for _, t in ranked], width=20)
    rows: list[list[Cell]] = []
    for (fit, target), bar in zip(ranked, bars, strict=True):
        rows.append(
            [
                (target.id or "", "cyan"),
                target.title or "",
                _fit_text(fit, compact=True),
                bar,
                target.outlook or "",
            ]
        )
    columns(console, rows, header=["id", "target job", "fit", "pay per year", "outlook"])
    if values:
        console.print(
            plain(
                f"Fit: 1–5 (values rated), weighed by your ranking: {', '.join(values)}. "
                "Rate: careerpath target edit ID --fit VALUE=N"
            ),
            style="dim",
        )


def salary_bars(targets: Sequence[Target], width: int) -> list[str]:
    """Each target's pay range as a bar on one yearly scale per currency, with its figures;
    ranges quoted per hour or per month are converted (2,080 hours, 12 months a year)."""
    spans: dict[str, tuple[float, float]] = {}
    for target in targets:
        if target.salary is not None:
            low, high = target.salary.per_year()
            lo, hi = spans.get(target.salary.currency, (low, high))
            spans[target.salary.currency] = (min(lo, low), max(hi, high))
    bars = []
    for target in targets:
        if target.salary is None:
            bars.append("")
            continue
        low, high = target.salary.per_year()
        start, end = spans[target.salary.currency]
        scale = (end - start) or 1.0
        first = round((low - start) / scale * (width - 1))
        last = max(first, round((high - start) / scale * (width - 1)))
        bar = "·" * first + "━" * (last - first + 1) + "·" * (width - 1 - last)
        figures = f"{_compact(low)}–{_compact(high)} {target.salary.currency}"
        if target.salary.period != "year":
            quoted = f"{_compact(target.salary.low)}–{_compact(target.salary.high)}"
            figures += f" ({quoted} per {target.salary.period})"
        bars.append(f"{bar} {figures}")
    return bars


def _compact(amount: float) -> str:
    """45000 → 45k, 1250000 → 1.25M, 950 → 950."""
    if amount >= 1_000_000:
        return f"{amount / 1_000_000:.3g}M"
    if amount >= 1000:
        return f"{amount / 1000:.3g}k"
    return f"{amount:.0f}"


@target_app.command("show")
def target_show(
    ctx: typer.Context, target: Annotated[str, typer.Argument(help="Id or title.")]
) -> None:
    """Everything about one target job, with its fit value by value."""
    from careerpath import records, scoring
    from careerpath.values import format_money_range

    book = open_book(ctx, "targets")
    found: Target = book.get(target)
    console = out_console()
    heading(console, f"{found.id}  {found.title}")
    fit = scoring.fit(found, scoring.top_values(book.workbook))
    details(
        console,
        [
            ("Field", found.field),
            ("Education", found.education),
            ("Tasks", found.tasks),
            ("Pay", format_money_range(found.salary) if found.salary else None),
            ("Outlook", found.outlook),
            ("Fit", _fit_text(fit)),
            ("Sources", found.sources),
            ("Open questions", found.open_questions),
            ("Notes", found.notes),
        ],
    )
    if fit.ratings:
        heading(console, "Fit with your top values")
        columns(
            console,
            [
                ["  " + value, str(rating) if rating else "not rated", f"weight {weight}"]
                for value, rating, weight in fit.ratings
            ],
            wrap=True,
        )
    people = [
        c
        for c in records.models("contacts", records.stored(book.workbook, "contacts"))
        if found.id in (c.targets or [])
    ]
    apps = [
        a for a in records.models("applications", records.stored(book.workbook, "applications"))
    ]
    apps = [a for a in apps if a.target == found.id]
    if people:
        heading(console, "People who know about it")
        rows = [["  " + (c.id or ""), records.label("contacts", c)] for c in people]
        columns(console, rows, wrap=True)
    if apps:
        heading(console, "Applications")
        columns(
            console,
            [["  " + (a.id or ""), records.label("applications", a), a.status] for a in apps],
            wrap=True,
        )


@target_app.command("edit")
def target_edit(
    ctx: typer.Context,
    target: Annotated[str, typer.Argument(help="Id or title.")],
    title: Annotated[str | None, typer.Option("--title", help="A new title.")] = None,
    field: Annotated[str | None, typer.Option("--field", help="Field or industry.")] = None,
    education: Annotated[str | None, typer.Option("--education", help="Education needed.")] = None,
    task: Annotated[list[str] | None, typer.Option("--task", help="Add a work task.")] = None,
    salary: Annotated[str | None, typer.Option("--salary", help="Pay range.")] = None,
    outlook: Annotated[str | None, typer.Option("--outlook", help="The outlook.")] = None,
    source: Annotated[list[str] | None, typer.Option("--source", help="Add a source.")] = None,
    question: Annotated[
        list[str] | None, typer.Option("--question", help="Add an open question.")
    ] = None,
    fit: Annotated[
        list[str] | None, typer.Option("--fit", help="Rate fit with a top value: VALUE=1..5.")
    ] = None,
    overall: Annotated[int | None, typer.Option("--overall", help="Overall fit, 1–5.")] = None,
    notes: Annotated[str | None, typer.Option("--notes", help="Replace the notes.")] = None,
) -> None:
    """Change a target job. List options add items; without options, a terminal asks for
    every field with the current values to edit."""
    given = [title, field, education, task, salary, outlook, source, question, fit, overall, notes]
    home = home_of(ctx)
    with home.lock("target edit"):
        book = open_book(ctx, "targets")
        record = book.find(target)
        if all(option is None for option in given):
            need_terminal(nothing_to_change("target", record["id"]))
            changed = ask_record(book, record)
            book.update(record["id"], lambda stored: replace_record(stored, changed))
        else:
            if title is not None:
                required_text(title, "title")

            def change(stored: dict[str, Any]) -> None:
                put(stored, title=title.strip() if title else None)
                _target_changes(
                    book,
                    stored,
                    field=field,
                    education=education,
                    task=task,
                    salary=salary,
                    outlook=outlook,
                    source=source,
                    question=question,
                    fit=fit,
                    overall=overall,
                    notes=notes,
                )

            book.update(record["id"], change)
    out_console().print(plain(f"Saved {record['id']}: {book.label(book.find(record['id']))}."))
    _print_fit(book, record["id"])


@target_app.command("remove")
def target_remove(
    ctx: typer.Context,
    target: Annotated[str, typer.Argument(help="Id or title.")],
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask to confirm.")] = False,
) -> None:
    """Remove a target job for good (a copy stays in .backups)."""
    remove_record(ctx, "targets", "target", target, yes)
