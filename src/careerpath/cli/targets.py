"""``careerpath target``: target jobs, their pay on one yearly scale, and their fit with your
ranked values."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Annotated, Any

import typer

from careerpath.cli import completion
from careerpath.cli.base import FormatOption, ListFormat, out_console, print_json, record_json
from careerpath.cli.groups import HELP
from careerpath.cli.recording import (
    Cell,
    add_record,
    changing,
    details,
    edit_record,
    extend,
    heading,
    open_book,
    plain,
    put,
    range_option,
    remove_record,
    required_text,
    said_added,
    value_ratings,
    with_options,
)
from careerpath.core.errors import InvalidInput
from careerpath.views.tables import columns

if TYPE_CHECKING:
    from careerpath.core.money import Money
    from careerpath.tracking.records import Target
    from careerpath.tracking.scoring import Fit
    from careerpath.tracking.tracker import Book

target_app = typer.Typer(
    name="target", help=HELP["target"], no_args_is_help=True, add_completion=False
)


@dataclass(frozen=True)
class TargetOptions:
    """What `target add` and `target edit` both take. The list options add items."""

    field: Annotated[str | None, typer.Option("--field", help="Field or industry.")]
    education: Annotated[
        str | None, typer.Option("--education", help="Education or training it requires.")
    ]
    task: Annotated[
        list[str] | None, typer.Option("--task", help="A typical work task (repeatable).")
    ]
    salary: Annotated[
        str | None,
        typer.Option("--salary", help="Usual pay range, e.g. '45k-60k EUR' or '25-35 USD/hour'."),
    ]
    outlook: Annotated[
        str | None, typer.Option("--outlook", help="Growing, Stable, Shrinking or Not sure yet.")
    ]
    source: Annotated[
        list[str] | None, typer.Option("--source", help="Where you found this out (repeatable).")
    ]
    question: Annotated[
        list[str] | None,
        typer.Option("--question", help="Something you still need to find out (repeatable)."),
    ]
    fit: Annotated[
        list[str] | None,
        typer.Option("--fit", help="How well it fits one of your top values: VALUE=1..5."),
    ]
    overall: Annotated[
        int | None, typer.Option("--overall", help="One overall fit rating, 1 to 5.")
    ]
    notes: Annotated[str | None, typer.Option("--notes", help="Notes (replaces any).")]

    def apply(self, book: Book, record: dict[str, Any]) -> None:
        from careerpath.tracking import records

        if self.overall is not None and not 1 <= self.overall <= 5:
            raise InvalidInput("--overall: give a rating from 1 to 5")
        put(
            record,
            field=self.field,
            education=self.education,
            salary=range_option(self.salary, "--salary"),
            outlook=records.match_word(self.outlook, records.OUTLOOKS, "outlook")
            if self.outlook
            else None,
            values_fit=self.overall,
            notes=self.notes,
        )
        extend(record, "tasks", self.task)
        extend(record, "sources", self.source)
        extend(record, "open_questions", self.question)
        rated = value_ratings(book, self.fit)
        if rated:
            record["fit"] = {**(record.get("fit") or {}), **rated}


@target_app.command("add")
@with_options(TargetOptions)
def target_add(
    ctx: typer.Context,
    title: Annotated[
        str | None,
        typer.Argument(
            help="The job title. Leave it out in a terminal to be asked for each field."
        ),
    ] = None,
    *,
    from_pack: Annotated[
        str | None,
        typer.Option(
            "--from",
            help="Fill it from the built-in occupations: an O*NET-SOC code or a title "
            "(title, education, main tasks, U.S. pay p25–p75, and the code).",
            autocompletion=completion.occupation_codes,
        ),
    ] = None,
    again: Annotated[
        bool,
        typer.Option(
            "--again", help="With --from: add it even when a target job has that code already."
        ),
    ] = False,
    options: TargetOptions,
) -> None:
    """Add a target job."""
    given = {"title": required_text(title, "title")} if title is not None else None
    if from_pack is not None:
        from careerpath import occupations
        from careerpath.tracking.prefill import target_from

        given = {**target_from(occupations.get(from_pack)), **(given or {})}
    with changing(ctx, "targets", "target add") as book:
        code = given.get("occupation") if given is not None else None
        if code and not again and not _adding_again(book, str(code)):
            return
        usage = "give the job title: `careerpath target add TITLE [options]`"
        record_id = add_record(book, options, given, usage)
    said_added(book, record_id, book.find(record_id))
    if from_pack is not None:
        _note_currency(book, book.get(record_id))
    _print_fit(book, record_id)


def _adding_again(book: Book, code: str) -> bool:
    """Whether to go on when a target job from the same occupation exists: not without a
    terminal (an error naming it; `--again` adds anyway), else as the person answers."""
    from careerpath.tracking.prefill import already_a_target, targets_by_occupation

    existing = targets_by_occupation(book.workbook).get(code)
    if existing is None:
        return True
    from careerpath.cli.base import today
    from careerpath.workbook import prompts

    said = already_a_target(existing)
    see = f"See it with `careerpath target show {existing.get('id')}`."
    if not prompts.has_terminal():
        raise InvalidInput(said, hint=f"{see} To add another anyway: `--again`.")
    if prompts.TerminalPrompter(today()).confirm(f"{said}: add another anyway?", False):
        return True
    out_console().print(plain(f"Nothing added. {see}"))
    return False


def _note_currency(book: Book, target: Target) -> None:
    """Say so when the pack's U.S. pay and the person's income floor are in two currencies:
    they are never drawn on one scale."""
    from careerpath.cli.base import warn
    from careerpath.occupations import SHORT_CREDIT

    out_console().print(plain(SHORT_CREDIT))
    floor = book.workbook.answers_for("exploration").get("income_floor")
    currency = floor.get("currency") if isinstance(floor, dict) else None
    if target.salary and currency and currency != target.salary.currency:
        warn(
            f"the pay filled in is U.S. pay in USD and your income floor is in {currency}; "
            "they are kept apart, never on one scale. To use your own figures: "
            f"`careerpath target edit {target.id} --salary '… {currency}'`."
        )


def _pack_figures(code: str) -> str:
    """The pack's figures for the occupation a target was filled from, to read beside the
    person's own (opens the pack only for a target that has a code)."""
    from careerpath import occupations
    from careerpath.core.errors import NotFound

    try:
        profile = occupations.get(code)
    except NotFound:
        return f"{code} (not in this careerpath's occupations)"
    annual = profile.pay.annual if profile.pay else None
    text = f"{code} {profile.title}"
    if annual and annual.p25 is not None and annual.p75 is not None:
        median = f", median {annual.median:,.0f}" if annual.median is not None else ""
        text += (
            f"; U.S. pay {annual.p25:,.0f}–{annual.p75:,.0f} USD per year (p25–p75{median}; "
            "BLS OEWS May 2025)"
        )
    return text + ". " + occupations.SHORT_CREDIT


def _print_fit(book: Book, record_id: str) -> None:
    from careerpath.tracking import scoring

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
def target_list(
    ctx: typer.Context,
    format: FormatOption = ListFormat.text,
) -> None:
    """Target jobs, best fit first, with pay ranges on one yearly scale."""
    from careerpath.tracking import scoring

    book = open_book(ctx, "targets")
    targets: list[Target] = book.models()
    if format is ListFormat.json:
        print_json([record_json(r) for r in targets])
        return
    console = out_console()
    if not targets:
        console.print("No target jobs yet. Add one: careerpath target add TITLE")
        return
    values = scoring.top_values(book.workbook)
    ranked = sorted(
        ((scoring.fit(t, values), t) for t in targets),
        key=lambda pair: (-(pair[0].score or 0), (pair[1].title or "").casefold()),
    )
    floor = scoring.income_floor(book.workbook)
    bars = salary_bars([t for _, t in ranked], width=20, floor=floor)
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
    columns(console, rows, header=["id", "target job", "fit", "pay per year", "outlook"], wrap=True)
    if values:
        console.print(
            plain(
                f"Fit: 1–5 (values rated), weighed by your ranking: {', '.join(values)}. "
                "Rate: careerpath target edit ID --fit VALUE=N"
            ),
            style="dim",
        )


def salary_bars(targets: Sequence[Target], width: int, floor: Money | None = None) -> list[str]:
    """Each target's pay range as a bar on one yearly scale per currency, with its figures;
    ranges quoted per hour or per month are converted (2,080 hours, 12 months a year). The
    income ``floor`` is a ``│`` across the bars of its own currency, and a range below it is
    marked ``▼``."""
    spans: dict[str, tuple[float, float]] = {}
    if floor is not None:
        spans[floor.currency] = (floor.amount, floor.amount)
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
        cells = list("·" * first + "━" * (last - first + 1) + "·" * (width - 1 - last))
        if floor is not None and floor.currency == target.salary.currency:
            cells[round((floor.amount - start) / scale * (width - 1))] = "│"
        bar = "".join(cells)
        figures = f"{_compact(low)}–{_compact(high)} {target.salary.currency}"
        if floor is not None and low < floor.amount and floor.currency == target.salary.currency:
            figures += " ▼"
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


def _pay_text(target: Target, floor: Money | None) -> str | None:
    """The pay range, marked when it is below the income floor (same currency only)."""
    from careerpath.core.money import format_money_range
    from careerpath.tracking import scoring

    if target.salary is None:
        return None
    below = scoring.below_floor(target.salary, floor)
    text = format_money_range(target.salary)
    return f"{text}  ▼ {below}" if below else text


@target_app.command("show")
def target_show(
    ctx: typer.Context,
    target: Annotated[str, typer.Argument(help="Id or title.", autocompletion=completion.targets)],
    format: FormatOption = ListFormat.text,
) -> None:
    """Everything about one target job, with its fit value by value."""
    from careerpath.tracking import records, scoring

    book = open_book(ctx, "targets")
    found: Target = book.get(target)
    if format is ListFormat.json:
        print_json(record_json(found))
        return
    console = out_console()
    heading(console, f"{found.id}  {found.title}")
    fit = scoring.fit(found, scoring.top_values(book.workbook))
    details(
        console,
        [
            ("Field", found.field),
            ("Education", found.education),
            ("Tasks", found.tasks),
            ("Pay", _pay_text(found, scoring.income_floor(book.workbook))),
            ("Occupation", _pack_figures(found.occupation) if found.occupation else None),
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
@with_options(TargetOptions)
def target_edit(
    ctx: typer.Context,
    target: Annotated[str, typer.Argument(help="Id or title.", autocompletion=completion.targets)],
    title: Annotated[str | None, typer.Option("--title", help="A new title.")] = None,
    *,
    options: TargetOptions,
) -> None:
    """Change a target job. List options add items; without options, a terminal asks for
    every field with the current values to edit."""
    own = {"title": required_text(title, "title") if title is not None else None}
    book, record_id = edit_record(ctx, "targets", target, options, own)
    _print_fit(book, record_id)


@target_app.command("remove")
def target_remove(
    ctx: typer.Context,
    target: Annotated[str, typer.Argument(help="Id or title.", autocompletion=completion.targets)],
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask to confirm.")] = False,
) -> None:
    """Remove a target job for good (a copy stays in .backups)."""
    remove_record(ctx, "targets", "target", target, yes)
