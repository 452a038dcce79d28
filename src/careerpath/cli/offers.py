"""``careerpath offer``: offers, the negotiation log, a side-by-side comparison against your
needs, and the leaving-well checklist."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Annotated, Any

import typer

from careerpath.cli.base import home_of, out_console, today
from careerpath.cli.groups import HELP
from careerpath.cli.recording import (
    Cell,
    ask_record,
    day_option,
    details,
    due_text,
    extend,
    heading,
    money_option,
    money_text,
    need_terminal,
    nothing_to_change,
    open_book,
    plain,
    put,
    remove_record,
    replace_record,
    required_text,
    value_ratings,
)
from careerpath.errors import InvalidInput, NotFound
from careerpath.tables import columns

if TYPE_CHECKING:
    from rich.console import Console

    from careerpath.records import Offer
    from careerpath.tracker import Book

offer_app = typer.Typer(
    name="offer", help=HELP["offer"], no_args_is_help=True, add_completion=False
)


def _needs_keys(book: Book) -> dict[str, str]:
    """Criterion keys the person can judge (--meets etc.), by lower-case key → key."""
    from careerpath import scoring

    return {
        c.key.casefold(): c.key for c in scoring.offer_criteria(book.workbook) if c.kind != "value"
    }


def _offer_changes(
    book: Book,
    record: dict[str, Any],
    *,
    role: str | None,
    base: str | None,
    bonus: str | None,
    equity: str | None,
    benefit: Sequence[str] | None,
    start: str | None,
    deadline: str | None,
    work_mode: str | None,
    hours: float | None,
    rate: Sequence[str] | None,
    meets: Sequence[str] | None,
    partly: Sequence[str] | None,
    misses: Sequence[str] | None,
    status: str | None,
    notes: str | None,
) -> None:
    from careerpath import records, scoring

    if hours is not None and not 0 <= hours <= 168:
        raise InvalidInput("--hours: give the hours a week, from 0 to 168")
    modes = next(
        (c.choices for c in scoring.offer_criteria(book.workbook) if c.kind == "work_mode"), None
    )
    put(
        record,
        role=role,
        base_pay=money_option(base, "--base"),
        bonus=records.money_or_text(bonus) if bonus else None,
        equity=equity,
        start_date=day_option(start, "--start"),
        deadline=day_option(deadline, "--deadline"),
        work_mode=records.match_word(work_mode, list(modes), "way of working")
        if work_mode and modes
        else work_mode,
        hours=hours,
        status=records.match_word(status, records.OFFER_STATUSES, "offer status")
        if status
        else None,
        notes=notes,
    )
    if status and record.get("status") in ("accepted", "declined"):
        record.setdefault("responded", today())
    extend(record, "benefits", benefit)
    rated = value_ratings(book, rate)
    if rated:
        record["ratings"] = {**(record.get("ratings") or {}), **rated}
    judged = _judgements(book, meets, partly, misses)
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


_OFFER_HELP = {
    "role": "The role.",
    "base": "Base pay per year, e.g. '58000 EUR'.",
    "bonus": "Bonus: an amount ('5000 EUR') or words ('10% on target').",
    "equity": "Equity or shares.",
    "benefit": "A benefit (repeatable).",
    "start": "Start date.",
    "deadline": "Deadline to answer them.",
    "work_mode": "The way of working, as you named them in exploration (e.g. Hybrid).",
    "hours": "Hours a week.",
    "rate": "How well it meets one of your top values: VALUE=1..5 (repeatable).",
    "meets": "A need it meets, by id (income_floor, work_modes, hours, constraints…).",
    "partly": "A need it partly meets.",
    "misses": "A need it misses.",
    "status": "considering, negotiating, accepted or declined.",
}


@offer_app.command("add")
def offer_add(
    ctx: typer.Context,
    employer: Annotated[
        str | None,
        typer.Argument(help="The employer (or use --from). Leave out in a terminal to be asked."),
    ] = None,
    from_: Annotated[
        str | None,
        typer.Option("--from", help="The application it comes from (id): fills employer and role."),
    ] = None,
    role: Annotated[str | None, typer.Option("--role", help=_OFFER_HELP["role"])] = None,
    base: Annotated[str | None, typer.Option("--base", help=_OFFER_HELP["base"])] = None,
    bonus: Annotated[str | None, typer.Option("--bonus", help=_OFFER_HELP["bonus"])] = None,
    equity: Annotated[str | None, typer.Option("--equity", help=_OFFER_HELP["equity"])] = None,
    benefit: Annotated[
        list[str] | None, typer.Option("--benefit", help=_OFFER_HELP["benefit"])
    ] = None,
    start: Annotated[str | None, typer.Option("--start", help=_OFFER_HELP["start"])] = None,
    deadline: Annotated[
        str | None, typer.Option("--deadline", help=_OFFER_HELP["deadline"])
    ] = None,
    work_mode: Annotated[
        str | None, typer.Option("--work-mode", help=_OFFER_HELP["work_mode"])
    ] = None,
    hours: Annotated[float | None, typer.Option("--hours", help=_OFFER_HELP["hours"])] = None,
    rate: Annotated[list[str] | None, typer.Option("--rate", help=_OFFER_HELP["rate"])] = None,
    meets: Annotated[list[str] | None, typer.Option("--meets", help=_OFFER_HELP["meets"])] = None,
    partly: Annotated[
        list[str] | None, typer.Option("--partly", help=_OFFER_HELP["partly"])
    ] = None,
    misses: Annotated[
        list[str] | None, typer.Option("--misses", help=_OFFER_HELP["misses"])
    ] = None,
    notes: Annotated[str | None, typer.Option("--notes", help="Anything else.")] = None,
) -> None:
    """Add an offer. Employer, role and base pay are needed (asked in a terminal)."""
    from careerpath import records

    home = home_of(ctx)
    with home.lock("offer add"):
        book = open_book(ctx, "offers")
        record: dict[str, Any] = {}
        application = None
        if from_ is not None:
            from careerpath.tracker import Book as Books

            apps = Books(home, book.workbook, "applications")
            application = apps.find(from_)
            record.update(
                employer=application.get("employer"),
                role=application.get("role"),
                application=application["id"],
            )
        if employer is not None:
            record["employer"] = required_text(employer, "employer")
        if not record.get("employer"):
            need_terminal(
                "give the employer: `careerpath offer add EMPLOYER --role ROLE --base PAY`"
            )
            record = ask_record(book, record)
        _offer_changes(
            book,
            record,
            role=role,
            base=base,
            bonus=bonus,
            equity=equity,
            benefit=benefit,
            start=start,
            deadline=deadline,
            work_mode=work_mode,
            hours=hours,
            rate=rate,
            meets=meets,
            partly=partly,
            misses=misses,
            status=None,
            notes=notes,
        )
        missing = [name for name in ("role", "base_pay") if not record.get(name)]
        if missing:
            options = " and ".join("--base" if m == "base_pay" else "--role" for m in missing)
            needed = " and ".join(m.replace("_", " ") for m in missing)
            raise InvalidInput(f"an offer needs its {needed}: add {options}")
        record_id = book.add(record, today())
        moved = None
        if application is not None:
            from careerpath.tracker import Book as Books

            apps = Books(home, book.workbook, "applications")
            found = records.Application.model_validate(apps.find(application["id"]))
            if found.status in ("interested", "applied", "screening", "interviewing"):
                apps.update(
                    application["id"],
                    lambda stored: stored.setdefault("history", []).append(
                        {"date": today(), "status": "offer"}
                    ),
                )
                moved = found.status
    console = out_console()
    console.print(
        plain(f"Added {record_id}: {book.label(record)}, {money_text(record.get('base_pay'))}.")
    )
    if moved and application is not None:
        console.print(plain(f"Moved {application['id']}: {moved} → offer."))
    if record.get("deadline"):
        console.print(plain(f"Answer by {due_text(record['deadline'], today())}."))
    console.print(plain("See how it meets your needs: careerpath offer compare"), style="dim")


@offer_app.command("list")
def offer_list(ctx: typer.Context) -> None:
    """Offers, with score, pay and deadline."""
    from careerpath import records, scoring

    book = open_book(ctx, "offers")
    offers: list[Offer] = book.models()
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
    columns(console, rows, header=["id", "offer", "base pay", "score", "status", "answer by"])


@offer_app.command("show")
def offer_show(
    ctx: typer.Context, offer: Annotated[str, typer.Argument(help="Id or employer.")]
) -> None:
    """Everything about one offer, with its negotiation log and how it meets your needs."""
    from careerpath import records, scoring

    book = open_book(ctx, "offers")
    found: Offer = book.get(offer)
    console = out_console()
    now = today()
    heading(console, f"{found.id}  {records.label('offers', found)}", found.current_status)
    details(
        console,
        [
            ("Application", found.application),
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
def offer_edit(
    ctx: typer.Context,
    offer: Annotated[str, typer.Argument(help="Id or employer.")],
    employer: Annotated[str | None, typer.Option("--employer", help="The employer.")] = None,
    role: Annotated[str | None, typer.Option("--role", help=_OFFER_HELP["role"])] = None,
    base: Annotated[str | None, typer.Option("--base", help=_OFFER_HELP["base"])] = None,
    bonus: Annotated[str | None, typer.Option("--bonus", help=_OFFER_HELP["bonus"])] = None,
    equity: Annotated[str | None, typer.Option("--equity", help=_OFFER_HELP["equity"])] = None,
    benefit: Annotated[
        list[str] | None, typer.Option("--benefit", help=_OFFER_HELP["benefit"])
    ] = None,
    start: Annotated[str | None, typer.Option("--start", help=_OFFER_HELP["start"])] = None,
    deadline: Annotated[
        str | None, typer.Option("--deadline", help=_OFFER_HELP["deadline"])
    ] = None,
    work_mode: Annotated[
        str | None, typer.Option("--work-mode", help=_OFFER_HELP["work_mode"])
    ] = None,
    hours: Annotated[float | None, typer.Option("--hours", help=_OFFER_HELP["hours"])] = None,
    rate: Annotated[list[str] | None, typer.Option("--rate", help=_OFFER_HELP["rate"])] = None,
    meets: Annotated[list[str] | None, typer.Option("--meets", help=_OFFER_HELP["meets"])] = None,
    partly: Annotated[
        list[str] | None, typer.Option("--partly", help=_OFFER_HELP["partly"])
    ] = None,
    misses: Annotated[
        list[str] | None, typer.Option("--misses", help=_OFFER_HELP["misses"])
    ] = None,
    status: Annotated[str | None, typer.Option("--status", help=_OFFER_HELP["status"])] = None,
    notes: Annotated[str | None, typer.Option("--notes", help="Replace the notes.")] = None,
) -> None:
    """Change an offer: details, ratings against your values, your judgement of each need,
    its status. Without options, a terminal asks for every field."""
    given = [employer, role, base, bonus, equity, benefit, start, deadline, work_mode, hours]
    given += [rate, meets, partly, misses, status, notes]
    home = home_of(ctx)
    with home.lock("offer edit"):
        book = open_book(ctx, "offers")
        record = book.find(offer)
        if all(option is None for option in given):
            need_terminal(nothing_to_change("offer", record["id"]))
            changed = ask_record(book, record)
            book.update(record["id"], lambda stored: replace_record(stored, changed))
        else:
            if employer is not None:
                required_text(employer, "employer")

            def change(stored: dict[str, Any]) -> None:
                put(stored, employer=employer.strip() if employer else None)
                _offer_changes(
                    book,
                    stored,
                    role=role,
                    base=base,
                    bonus=bonus,
                    equity=equity,
                    benefit=benefit,
                    start=start,
                    deadline=deadline,
                    work_mode=work_mode,
                    hours=hours,
                    rate=rate,
                    meets=meets,
                    partly=partly,
                    misses=misses,
                    status=status,
                    notes=notes,
                )

            book.update(record["id"], change)
    out_console().print(plain(f"Saved {record['id']}: {book.label(book.find(record['id']))}."))


@offer_app.command("remove")
def offer_remove(
    ctx: typer.Context,
    offer: Annotated[str, typer.Argument(help="Id or employer.")],
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask to confirm.")] = False,
) -> None:
    """Remove an offer for good (a copy stays in .backups). To keep it but say no,
    `offer edit ID --status declined`."""
    remove_record(ctx, "offers", "offer", offer, yes)


@offer_app.command("negotiate")
def offer_negotiate(
    ctx: typer.Context,
    offer: Annotated[str, typer.Argument(help="Id or employer.")],
    asked: Annotated[str | None, typer.Option("--asked", help="What you asked for.")] = None,
    answer: Annotated[
        str | None,
        typer.Option("--answer", help="What came back (alone: answers your last open ask)."),
    ] = None,
    date: Annotated[str | None, typer.Option("--date", help="When. Default: today.")] = None,
) -> None:
    """Log a round of negotiation: what you asked for, and what came back."""
    if asked is None and answer is None:
        raise InvalidInput(
            "say what you asked for (--asked TEXT) or what came back (--answer TEXT)"
        )
    day = day_option(date, "--date") or today()
    home = home_of(ctx)
    with home.lock("offer negotiate"):
        book = open_book(ctx, "offers")
        record = book.find(offer)

        def log(stored: dict[str, Any]) -> None:
            rounds = list(stored.get("negotiation") or [])
            if asked is None:
                waiting = [r for r in rounds if not r.get("answer")]
                if not waiting:
                    raise InvalidInput(
                        "there is no ask waiting for an answer",
                        hint="Log both at once: --asked TEXT --answer TEXT.",
                    )
                waiting[-1]["answer"] = answer
            else:
                rounds.append(
                    {"date": day, "asked": asked, **({"answer": answer} if answer else {})}
                )
            stored["negotiation"] = rounds
            if stored.get("status") in (None, "considering"):
                stored["status"] = "negotiating"

        book.update(record["id"], log)
    out_console().print(plain(f"Logged for {record['id']} {book.label(record)}."))


@offer_app.command("compare")
def offer_compare(
    ctx: typer.Context,
    offers: Annotated[
        list[str] | None, typer.Argument(help="Offers to compare (ids or employers). Default: all.")
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
    from careerpath import records, scoring

    book = open_book(ctx, "offers")
    if weight:
        _save_weights(book, weight)
    chosen = [book.find(o) for o in offers] if offers else book.raw
    if not chosen:
        out_console().print(
            "No offers yet. Add one: careerpath offer add EMPLOYER --role ROLE --base PAY"
        )
        return
    models = records.models("offers", chosen)
    found = scoring.offer_criteria(book.workbook)
    scores = [scoring.score_offer(offer, found) for offer in models]
    _print_comparison(out_console(), scores, found)


def _save_weights(book: Book, given: Sequence[str]) -> None:
    from careerpath import records, scoring

    pairs = records.parse_pairs(given, low=0, high=5, what="weights")
    known = {c.key.casefold(): c.key for c in scoring.offer_criteria(book.workbook)}
    weights: dict[str, int] = {}
    for name, value in pairs.items():
        key = known.get(name.casefold())
        if key is None:
            raise InvalidInput(
                f"{name!r} is not one of the needs offers are compared on",
                hint="They are: " + ", ".join(known.values()) + ".",
            )
        weights[key] = value
    question = next((q for q in book.stage.questions if q.kind == "weights"), None)
    if question is None:
        raise InvalidInput("this workbook has no place to keep weights for offers")
    with book.home.lock("offer compare"):
        book.home.update_answers(
            book.stage,
            lambda answers: answers.update(
                {question.id: {**(answers.get(question.id) or {}), **weights}}
            ),
        )
        book.workbook = book.home.load()
    out_console().print(
        plain("Saved weights: " + ", ".join(f"{k}={v}" for k, v in weights.items()))
    )


def _print_comparison(console: Console, scores: list[Any], found: list[Any]) -> None:
    from rich.table import Table
    from rich.text import Text

    from careerpath import records

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
    from careerpath import records

    home = home_of(ctx)
    workbook = home.load()
    found = records.locate(workbook.definition, "offers")
    question = None
    if found is not None:
        question = next(
            (q for q in found[0].questions if q.id == "leaving_well" and q.kind == "multi_choice"),
            None,
        )
    if found is None or question is None:
        raise NotFound("this workbook has no leaving-well checklist")
    stage = found[0]
    choices = list(question.choices or [])

    def pick(text: str) -> str:
        wanted = text.strip().casefold()
        hits = [c for c in choices if wanted in c.casefold()]
        if len(hits) != 1:
            raise InvalidInput(
                f"{text!r} {'matches several items' if hits else 'is not on the checklist'}",
                hint="The items: " + "; ".join(choices) + ".",
            )
        return hits[0]

    if tick or untick:
        on, off = [pick(t) for t in tick or []], [pick(t) for t in untick or []]
        with home.lock("offer checklist"):

            def change(answers: dict[str, Any]) -> None:
                ticked = [c for c in answers.get(question.id) or [] if c not in off]
                ticked += [c for c in on if c not in ticked]
                ordered = [c for c in choices if c in ticked]
                if ordered:
                    answers[question.id] = ordered
                else:
                    answers.pop(question.id, None)

            home.update_answers(stage, change)
        workbook = home.load()
    done = workbook.answers_for(stage).get(question.id) or []
    console = out_console()
    heading(console, "Leaving well", f"{len(done)} of {len(choices)} done")
    for choice in choices:
        mark = "[x]" if choice in done else "[ ]"
        console.print(plain(f"  {mark} {choice}"), style="green" if choice in done else "")
