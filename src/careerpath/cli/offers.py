"""``careerpath offer``: offers, the negotiation log, a side-by-side comparison against your
needs, and the leaving-well checklist."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Annotated, Any

import typer

from careerpath.cli import completion
from careerpath.cli.base import (
    FormatOption,
    ListFormat,
    home_of,
    out_console,
    print_json,
    record_json,
    today,
)
from careerpath.cli.groups import HELP
from careerpath.cli.recording import (
    Cell,
    ask_record,
    changing,
    day_option,
    details,
    due_text,
    extend,
    given,
    heading,
    money_option,
    money_text,
    need_terminal,
    nothing_to_change,
    open_book,
    plain,
    put,
    remove_record,
    required_text,
    value_ratings,
    with_options,
)
from careerpath.core.errors import InvalidInput, NotFound
from careerpath.views.tables import columns

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

    from careerpath.core.money import Money
    from careerpath.tracking.records import Offer
    from careerpath.tracking.tracker import Book

offer_app = typer.Typer(
    name="offer", help=HELP["offer"], no_args_is_help=True, add_completion=False
)


def _needs_keys(book: Book) -> dict[str, str]:
    """Criterion keys the person can judge (--meets etc.), by lower-case key → key."""
    from careerpath.tracking import scoring

    return {
        c.key.casefold(): c.key for c in scoring.offer_criteria(book.workbook) if c.kind != "value"
    }


@dataclass(frozen=True)
class OfferOptions:
    """What `offer add` and `offer edit` both take."""

    role: Annotated[str | None, typer.Option("--role", help="The role.")]
    base: Annotated[str | None, typer.Option("--base", help="Base pay per year, e.g. '58000 EUR'.")]
    bonus: Annotated[
        str | None,
        typer.Option("--bonus", help="Bonus: an amount ('5000 EUR') or words ('10% on target')."),
    ]
    equity: Annotated[str | None, typer.Option("--equity", help="Equity or shares.")]
    benefit: Annotated[list[str] | None, typer.Option("--benefit", help="A benefit (repeatable).")]
    start: Annotated[str | None, typer.Option("--start", metavar="DATE", help="Start date.")]
    deadline: Annotated[
        str | None, typer.Option("--deadline", metavar="DATE", help="Deadline to answer them.")
    ]
    work_mode: Annotated[
        str | None,
        typer.Option(
            "--work-mode",
            help="The way of working, as you named them in exploration (e.g. Hybrid).",
        ),
    ]
    hours: Annotated[float | None, typer.Option("--hours", help="Hours a week.")]
    rate: Annotated[
        list[str] | None,
        typer.Option(
            "--rate", help="How well it meets one of your top values: VALUE=1..5 (repeatable)."
        ),
    ]
    meets: Annotated[
        list[str] | None,
        typer.Option(
            "--meets",
            help="A need it meets, by id (income_floor, work_modes, hours, constraints…).",
        ),
    ]
    partly: Annotated[list[str] | None, typer.Option("--partly", help="A need it partly meets.")]
    misses: Annotated[list[str] | None, typer.Option("--misses", help="A need it misses.")]
    notes: Annotated[str | None, typer.Option("--notes", help="Notes (replaces any).")]

    def apply(self, book: Book, record: dict[str, Any]) -> None:
        from careerpath.tracking import records, scoring

        if self.hours is not None and not 0 <= self.hours <= 168:
            raise InvalidInput("--hours: give the hours a week, from 0 to 168")
        modes = next(
            (c.choices for c in scoring.offer_criteria(book.workbook) if c.kind == "work_mode"),
            None,
        )
        put(
            record,
            role=self.role,
            base_pay=money_option(self.base, "--base"),
            bonus=records.money_or_text(self.bonus) if self.bonus else None,
            equity=self.equity,
            start_date=day_option(self.start, "--start"),
            deadline=day_option(self.deadline, "--deadline"),
            work_mode=records.match_word(self.work_mode, list(modes), "way of working")
            if self.work_mode and modes
            else self.work_mode,
            hours=self.hours,
            notes=self.notes,
        )
        extend(record, "benefits", self.benefit)
        rated = value_ratings(book, self.rate)
        if rated:
            record["ratings"] = {**(record.get("ratings") or {}), **rated}
        judged = _judgements(book, self.meets, self.partly, self.misses)
        if judged:
            record["needs"] = {**(record.get("needs") or {}), **judged}


def _judgements(
    book: Book,
    meets: Sequence[str] | None,
    partly: Sequence[str] | None,
    misses: Sequence[str] | None,
) -> dict[str, str]:
    if not (meets or partly or misses):
        return {}
    keys = _needs_keys(book)
    judged: dict[str, str] = {}
    for verdict, names in (("met", meets), ("partly", partly), ("missed", misses)):
        for name in names or []:
            key = keys.get(name.strip().casefold())
            if key is None:
                raise InvalidInput(
                    f"{name!r} is not one of your needs",
                    hint="Needs you can judge: "
                    + (", ".join(keys.values()) or "none yet")
                    + ". (Rate top values with --rate VALUE=N.)",
                )
            judged[key] = verdict
    return judged


@offer_app.command("add")
@with_options(OfferOptions)
def offer_add(
    ctx: typer.Context,
    employer: Annotated[
        str | None,
        typer.Argument(help="The employer (or use --from). Leave out in a terminal to be asked."),
    ] = None,
    from_: Annotated[
        str | None,
        typer.Option(
            "--from",
            "--application",
            help="The application it comes from (id): fills employer and role.",
            autocompletion=completion.applications,
        ),
    ] = None,
    *,
    options: OfferOptions,
) -> None:
    """Add an offer. Employer, role and base pay are needed (asked in a terminal)."""
    from careerpath.tracking import tracker

    with changing(ctx, "offers", "offer add") as book:
        apps = book.other("applications")
        record: dict[str, Any] = {}
        application = apps.find(from_) if from_ is not None else None
        if application is not None:
            record.update(
                employer=application.get("employer"),
                role=application.get("role"),
                application=application["id"],
            )
        if employer is not None:
            record["employer"] = required_text(employer, "employer")
        options.apply(book, record)
        if not record.get("employer"):
            need_terminal(
                "give the employer: `careerpath offer add EMPLOYER --role ROLE --base PAY`"
            )
            record_id = ask_record(book, book.add(record, today()) if record else None)
        else:
            missing = [name for name in ("role", "base_pay") if not record.get(name)]
            if missing:
                from careerpath.workbook import prompts

                flags = " ".join(
                    "--base PAY" if m == "base_pay" else "--role ROLE" for m in missing
                )
                needed = " and ".join(m.replace("_", " ") for m in missing)
                if not prompts.has_terminal():
                    source = f" from {application['id']}" if application is not None else ""
                    again = f"--from {application['id']}" if application is not None else "EMPLOYER"
                    raise InvalidInput(
                        f"an offer{source} needs its {needed}",
                        hint=f"Add {flags}, e.g. `careerpath offer add {again} "
                        "--base '46000 EUR'`, or run it in a terminal to be asked.",
                    )
                # in a terminal: keep what is known, then ask for the rest
                record_id = ask_record(book, book.add(record, today()))
            else:
                record_id = book.add(record, today())
        moved = None
        if application is not None:
            moved = apps.update(
                application["id"], lambda app: tracker.follow(app, "offer", today()), today()
            )
    console = out_console()
    record = book.find(record_id)
    console.print(
        plain(f"Added {record_id}: {book.label(record)}, {money_text(record.get('base_pay'))}.")
    )
    if moved and application is not None:
        console.print(plain(f"Moved {application['id']}: {moved} → offer."))
    if record.get("deadline"):
        console.print(plain(f"Answer by {due_text(record['deadline'], today())}."))
    console.print(plain("See how it meets your needs: careerpath offer compare"), style="dim")


@offer_app.command("list")
def offer_list(
    ctx: typer.Context,
    format: FormatOption = ListFormat.text,
) -> None:
    """Offers, with score, pay and deadline."""
    from careerpath.tracking import records, scoring

    book = open_book(ctx, "offers")
    offers: list[Offer] = book.models()
    if format is ListFormat.json:
        print_json([record_json(r) for r in offers])
        return
    console = out_console()
    if not offers:
        console.print(
            "No offers yet. Add one: careerpath offer add EMPLOYER --role ROLE --base PAY"
        )
        return
    found = scoring.offer_criteria(book.workbook)
    now = today()
    rows: list[list[Cell]] = []
    for offer in offers:
        score = scoring.score_offer(offer, found).score
        deadline: Cell = ""
        if (
            offer.deadline
            and not offer.responded
            and offer.current_status not in ("accepted", "declined")
        ):
            deadline = (due_text(offer.deadline, now), "red" if offer.deadline < now else "")
        rows.append(
            [
                (offer.id or "", "cyan"),
                records.label("offers", offer),
                money_text(offer.base_pay.model_dump() if offer.base_pay else None),
                f"{score:.1f}" if score is not None else "–",
                offer.current_status,
                deadline,
            ]
        )
    columns(
        console,
        rows,
        header=["id", "offer", "base pay", "score", "status", "answer by"],
        wrap=True,
    )


@offer_app.command("show")
def offer_show(
    ctx: typer.Context,
    offer: Annotated[str, typer.Argument(help="Id or employer.", autocompletion=completion.offers)],
    format: FormatOption = ListFormat.text,
) -> None:
    """Everything about one offer, with its negotiation log and how it meets your needs."""
    from careerpath.tracking import links, records, scoring

    book = open_book(ctx, "offers")
    found: Offer = book.get(offer)
    if format is ListFormat.json:
        print_json(record_json(found))
        return
    console = out_console()
    now = today()
    heading(console, f"{found.id}  {records.label('offers', found)}", found.current_status)
    details(
        console,
        [
            (
                "Application",
                links.named(book.workbook, "applications", found.application)
                if found.application
                else None,
            ),
            ("Base pay", money_text(found.base_pay.model_dump() if found.base_pay else None)),
            ("Bonus", _bonus_text(found)),
            ("Equity", found.equity),
            ("Benefits", found.benefits),
            ("Start", str(found.start_date) if found.start_date else None),
            ("Answer by", due_text(found.deadline, now) if found.deadline else None),
            ("Answered", str(found.responded) if found.responded else None),
            ("Way of working", found.work_mode),
            ("Hours a week", f"{found.hours:g}" if found.hours is not None else None),
            ("Notes", found.notes),
        ],
    )
    scored = scoring.score_offer(found, scoring.offer_criteria(book.workbook))
    if scored.checks:
        heading(console, "Against your needs", f"score {_score(scored.score)}")
        columns(
            console,
            [
                [
                    "  " + _mark(c.verdict),
                    c.criterion.title,
                    f"weight {c.criterion.weight}",
                    c.detail,
                ]
                for c in scored.checks
            ],
            wrap=True,
        )
    if found.negotiation:
        heading(console, "Negotiation")
        for exchange in found.negotiation:
            when = f"{exchange.date}  " if exchange.date else ""
            console.print(plain(f"  {when}asked: {exchange.asked}"))
            console.print(plain(f"    answer: {exchange.answer or '(waiting)'}"))


def _score(score: float | None) -> str:
    return f"{score:.1f} of 5" if score is not None else "not scored yet"


def _mark(verdict: str) -> str:
    return {"met": "✓", "partly": "~", "missed": "✗", "unknown": "?"}[verdict]


@offer_app.command("edit")
@with_options(OfferOptions)
def offer_edit(
    ctx: typer.Context,
    offer: Annotated[str, typer.Argument(help="Id or employer.", autocompletion=completion.offers)],
    employer: Annotated[str | None, typer.Option("--employer", help="The employer.")] = None,
    status: Annotated[
        str | None,
        typer.Option(
            "--status",
            help="considering, negotiating, accepted or declined. Accepting or declining moves "
            "the application it came from to accepted or withdrawn.",
        ),
    ] = None,
    *,
    options: OfferOptions,
) -> None:
    """Change an offer: details, ratings against your values, your judgement of each need,
    its status. Without options, a terminal asks for every field."""
    from careerpath.tracking import records, tracker

    new_status = (
        records.match_word(status, records.OFFER_STATUSES, "offer status") if status else None
    )
    with changing(ctx, "offers", "offer edit") as book:
        record = book.find(offer)
        moved = None
        if employer is None and new_status is None and not given(options):
            need_terminal(nothing_to_change("offer", record["id"]))
            ask_record(book, record["id"])
        else:

            def change(stored: dict[str, Any]) -> None:
                put(
                    stored,
                    employer=required_text(employer, "employer") if employer is not None else None,
                    status=new_status,
                )
                options.apply(book, stored)
                if new_status in tracker.OFFER_ANSWERS:
                    stored.setdefault("responded", today())

            book.update(record["id"], change, today())
            moved = tracker.follow_offer(
                book, book.find(record["id"]).get("application"), new_status, today()
            )
    console = out_console()
    console.print(plain(f"Saved {record['id']}: {book.label(book.find(record['id']))}."))
    if moved:
        console.print(plain(moved))


@offer_app.command("remove")
def offer_remove(
    ctx: typer.Context,
    offer: Annotated[str, typer.Argument(help="Id or employer.", autocompletion=completion.offers)],
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask to confirm.")] = False,
) -> None:
    """Remove an offer for good (a copy stays in .backups). To keep it but say no,
    `offer edit ID --status declined`."""
    remove_record(ctx, "offers", "offer", offer, yes)


@offer_app.command("negotiate")
def offer_negotiate(
    ctx: typer.Context,
    offer: Annotated[str, typer.Argument(help="Id or employer.", autocompletion=completion.offers)],
    asked: Annotated[str | None, typer.Option("--asked", help="What you asked for.")] = None,
    answer: Annotated[
        str | None,
        typer.Option("--answer", help="What came back (alone: answers your last open ask)."),
    ] = None,
    date: Annotated[
        str | None, typer.Option("--date", metavar="DATE", help="When. Default: today.")
    ] = None,
) -> None:
    """Log a round of negotiation: what you asked for, and what came back."""
    if asked is None and answer is None:
        raise InvalidInput(
            "say what you asked for (--asked TEXT) or what came back (--answer TEXT)"
        )
    from careerpath.tracking import tracker

    day = day_option(date, "--date") or today()
    with changing(ctx, "offers", "offer negotiate") as book:
        record = book.find(offer)
        book.update(
            record["id"], lambda stored: tracker.negotiate(stored, day, asked, answer), today()
        )
    out_console().print(plain(f"Logged for {record['id']} {book.label(record)}."))


@offer_app.command("compare")
def offer_compare(
    ctx: typer.Context,
    offers: Annotated[
        list[str] | None,
        typer.Argument(
            help="Offers to compare (ids or employers). Default: all.",
            autocompletion=completion.offers,
        ),
    ] = None,
    weight: Annotated[
        list[str] | None,
        typer.Option(
            "--weight",
            help="Set how much a need counts, NAME=0..5 (repeatable); saved for next time.",
        ),
    ] = None,
) -> None:
    """Offers side by side, scored against your top values, income floor and other needs,
    with the weights you choose; shows what each meets and misses."""
    from careerpath.tracking import records, scoring

    book = open_book(ctx, "offers")
    chosen = [book.find(o) for o in offers] if offers else book.raw
    if weight:
        book = _save_weights(ctx, book, weight)
    if not chosen:
        out_console().print(
            "No offers yet. Add one: careerpath offer add EMPLOYER --role ROLE --base PAY"
        )
        return
    models = records.models("offers", chosen)
    found = scoring.offer_criteria(book.workbook)
    scores = [scoring.score_offer(offer, found) for offer in models]
    _print_comparison(out_console(), scores, found, scoring.income_floor(book.workbook))


def _save_weights(ctx: typer.Context, book: Book, typed: Sequence[str]) -> Book:
    """Check the weights, then save them in the offers' stage for next time; the offers
    as they are now saved."""
    from careerpath.tracking import records, scoring

    pairs = records.parse_pairs(typed, low=0, high=5, what="weights")
    weights = scoring.weights_for(pairs, scoring.offer_criteria(book.workbook))
    question = records.weights_question(book.stage)
    if question is None:
        raise InvalidInput("this workbook has no place to keep weights for offers")

    def save(answers: dict[str, Any]) -> None:
        answers[question.id] = {**(answers.get(question.id) or {}), **weights}

    with changing(ctx, "offers", "offer compare") as book:
        book.update_stage(save, today())
    out_console().print(
        plain("Saved weights: " + ", ".join(f"{k}={v}" for k, v in weights.items()))
    )
    return book


def _floor_cell(offer: Offer, floor: Money | None) -> Text:
    """Base pay against the income floor: "▼ below", "✓ meets", or "not compared" (another
    currency: there are no exchange rates to compare with)."""
    from rich.text import Text

    from careerpath.tracking import scoring

    mark = scoring.pay_against_floor(offer.base_pay, floor)
    if mark is None:
        return Text("")
    text, style = {
        "below": ("▼ below", "red"),
        "meets": ("✓ meets", "green"),
        "not compared": ("not compared", "dim"),
    }[mark]
    return Text(text, style=style)


def _floor_note(scores: list[Any], floor: Money | None) -> str | None:
    """Under the table: the floor, which offers are below it, which were not compared."""
    from careerpath.core.money import format_money
    from careerpath.tracking import scoring

    if floor is None:
        return None
    marks = {s.offer.id: scoring.pay_against_floor(s.offer.base_pay, floor) for s in scores}
    below = [key for key, mark in marks.items() if mark == "below"]
    other = [key for key, mark in marks.items() if mark == "not compared"]
    parts = [f"Your income floor: {format_money(floor)} a year"]
    if below:
        parts.append(f"below it: {', '.join(below)}")
    if other:
        parts.append(f"not compared (another currency): {', '.join(other)}")
    return " · ".join(parts) + "."


def _print_comparison(
    console: Console, scores: list[Any], found: list[Any], floor: Money | None
) -> None:
    from rich.table import Table
    from rich.text import Text

    from careerpath.tracking import records

    table = Table(box=None, header_style="bold", padding=(0, 1), show_edge=False)
    table.add_column("", no_wrap=True)
    table.add_column("weight", justify="right")
    for scored in scores:
        table.add_column(Text(f"{scored.offer.id} {records.label('offers', scored.offer)}"))
    table.add_row(
        "Base pay",
        "",
        *[money_text(s.offer.base_pay.model_dump() if s.offer.base_pay else None) for s in scores],
    )
    if floor is not None:
        table.add_row("Against your floor", "", *[_floor_cell(s.offer, floor) for s in scores])
    table.add_row("Bonus", "", *[_bonus_text(s.offer) for s in scores])
    table.add_row("Start", "", *[str(s.offer.start_date or "") for s in scores])
    table.add_row("Answer by", "", *[str(s.offer.deadline or "") for s in scores])
    table.add_row("", "", *["" for _ in scores])
    for index, criterion in enumerate(found):
        cells = []
        for scored in scores:
            item = scored.checks[index]
            text = (
                _mark(item.verdict)
                + " "
                + (f"{item.score:g}" if item.score is not None else item.detail)
            )
            style = {"met": "green", "partly": "yellow", "missed": "red"}.get(item.verdict, "dim")
            cells.append(Text(text, style=style))
        table.add_row(Text(criterion.title), str(criterion.weight), *cells)
    table.add_row("", "", *["" for _ in scores])
    table.add_row(
        Text("Score (1–5)", style="bold"),
        "",
        *[Text(_score(s.score), style="bold") for s in scores],
    )
    console.print(table)
    note = _floor_note(scores, floor)
    if note:
        console.print(plain(note))
    for scored in scores:
        label = f"{scored.offer.id} {records.label('offers', scored.offer)}"
        missed, unknown = scored.named("missed"), scored.named("unknown")
        line = Text(f"\n{label}", style="bold")
        console.print(line)
        console.print(plain("  meets: " + (", ".join(scored.named("met")) or "nothing yet")))
        if scored.named("partly"):
            console.print(plain("  partly: " + ", ".join(scored.named("partly"))))
        if missed:
            console.print(plain("  misses: " + ", ".join(missed)), style="red")
        if unknown:
            console.print(plain("  not judged yet: " + ", ".join(unknown)), style="dim")
    if not found:
        console.print(
            plain(
                "No needs to compare against yet: answer exploration first (values, income floor)."
            ),
            style="dim",
        )
    else:
        console.print(
            plain(
                "\nRate values: careerpath offer edit ID --rate VALUE=1..5 · judge needs: "
                "--meets/--partly/--misses NEED · weights: offer compare --weight NAME=0..5"
            ),
            style="dim",
        )


def _bonus_text(offer: Offer) -> str:
    bonus = offer.bonus
    if bonus is None:
        return ""
    if isinstance(bonus, str):
        return bonus
    return money_text(bonus.model_dump())


@offer_app.command("checklist")
def offer_checklist(
    ctx: typer.Context,
    tick: Annotated[
        list[str] | None, typer.Option("--tick", help="Tick an item off (a few words of it).")
    ] = None,
    untick: Annotated[list[str] | None, typer.Option("--untick", help="Untick an item.")] = None,
) -> None:
    """Leaving your current job well: notice, handover, references, benefits, a good
    goodbye. Tick items off as you do them."""
    from careerpath.tracking import records, tracker

    workbook = home_of(ctx).load()
    found = records.leaving_well(workbook.definition)
    if found is None:
        raise NotFound("this workbook has no leaving-well checklist")
    stage, question = found
    choices = list(question.choices or [])
    if tick or untick:
        on = [tracker.checklist_item(choices, text) for text in tick or []]
        off = [tracker.checklist_item(choices, text) for text in untick or []]

        def save(answers: dict[str, Any]) -> None:
            ticked = tracker.tick(choices, answers.get(question.id) or [], on, off)
            if ticked:
                answers[question.id] = ticked
            else:
                answers.pop(question.id, None)

        with changing(ctx, "offers", "offer checklist") as book:
            book.update_stage(save, today())
            workbook = book.workbook
    done = workbook.answers_for(stage).get(question.id) or []
    console = out_console()
    heading(console, "Leaving well", f"{len(done)} of {len(choices)} done")
    for choice in choices:
        mark = "[x]" if choice in done else "[ ]"
        console.print(plain(f"  {mark} {choice}"), style="green" if choice in done else "")
