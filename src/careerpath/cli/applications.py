"""``careerpath app``: applications through the pipeline, with the dated history of every
move, interviews, next actions and stale applications."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Annotated, Any

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
    record_json,
    today,
)
from careerpath.cli.groups import HELP
from careerpath.cli.recording import (
    Cell,
    add_record,
    changing,
    day_option,
    details,
    due_text,
    edit_record,
    extend,
    heading,
    moment_option,
    open_book,
    plain,
    put,
    relative,
    remove_record,
    required_text,
    resolve_ref,
    warn_if_past,
    with_options,
)
from careerpath.core.errors import InvalidInput, NotFound
from careerpath.core.values import format_when
from careerpath.views.tables import columns

if TYPE_CHECKING:
    from careerpath.tracking.records import Application
    from careerpath.tracking.tracker import Book

application_app = typer.Typer(
    name="app", help=HELP["app"], no_args_is_help=True, add_completion=False
)


@dataclass(frozen=True)
class AppOptions:
    """What `app add` and `app edit` both take."""

    target: Annotated[
        str | None,
        typer.Option(
            "--target",
            help="The target job it relates to (id or title).",
            autocompletion=completion.targets,
        ),
    ]
    source: Annotated[
        str | None,
        typer.Option("--source", help="Where you found it: a job board, a recruiter…"),
    ]
    contact: Annotated[
        str | None,
        typer.Option(
            "--contact",
            help="The contact who referred you (id or name).",
            autocompletion=completion.contacts,
        ),
    ]
    link: Annotated[str | None, typer.Option("--link", help="Link to the posting.")]
    document: Annotated[
        list[str] | None,
        typer.Option("--document", help="A resume or cover-letter file you sent (repeatable)."),
    ]
    next_step: Annotated[str | None, typer.Option("--next", help="Your next action on it.")]
    due: Annotated[
        str | None,
        typer.Option(
            "--due", metavar="DATE", help="When the next action is due: a date, or 3d, 2w, 1m."
        ),
    ]
    notes: Annotated[str | None, typer.Option("--notes", help="Notes (replaces any).")]
    old_next_step: Annotated[str | None, typer.Option("--next-action", hidden=True)]
    """The name --next had before; kept working, out of the help."""

    def apply(self, book: Book, record: dict[str, Any]) -> None:
        from careerpath.tracking import tracker

        when = day_option(self.due, "--due")
        warn_if_past(when, "the next action's due date")
        put(
            record,
            target=resolve_ref(book, "targets", self.target),
            source=self.source,
            contact=resolve_ref(book, "contacts", self.contact),
            link=self.link,
            notes=self.notes,
        )
        tracker.set_next_step("applications", record, self.next_step or self.old_next_step, when)
        extend(record, "documents", self.document)


@application_app.command("add")
@with_options(AppOptions)
def app_add(
    ctx: typer.Context,
    employer: Annotated[
        str | None,
        typer.Argument(help="The employer. Leave both out in a terminal to be asked."),
    ] = None,
    role: Annotated[str | None, typer.Argument(help="The role.")] = None,
    status: Annotated[
        str,
        typer.Option(
            "--status",
            help="Where it stands now (see `app move --help`).",
            autocompletion=completion.app_statuses,
        ),
    ] = "interested",
    date: Annotated[
        str | None,
        typer.Option("--date", metavar="DATE", help="When it got to that status. Default: today."),
    ] = None,
    *,
    options: AppOptions,
) -> None:
    """Add an application (or a job you are interested in applying for)."""
    from careerpath.tracking import records

    given = None
    if employer is not None:
        if role is None:
            raise InvalidInput("give the role too: `careerpath app add EMPLOYER ROLE [options]`")
        day = day_option(date, "--date") or today()
        if day > today():
            raise InvalidInput(f"--date {day} is in the future")
        given = {
            "employer": required_text(employer, "employer"),
            "role": required_text(role, "role"),
            "history": [{"date": day, "status": records.match_status(status)}],
        }
    with changing(ctx, "applications", "app add") as book:
        usage = "give the employer and role: `careerpath app add EMPLOYER ROLE`"
        record_id = add_record(book, options, given, usage)
    found = book.get(record_id)
    out_console().print(plain(f"Added {record_id}: {book.label(found)} ({found.status})."))


@application_app.command("list")
def app_list(
    ctx: typer.Context,
    status: Annotated[
        str | None,
        typer.Option(
            "--status",
            help="Only applications with this status.",
            autocompletion=completion.app_statuses,
        ),
    ] = None,
    show_all: Annotated[
        bool, typer.Option("--all", help="Include closed ones (accepted, rejected…).")
    ] = False,
    stale: Annotated[bool, typer.Option("--stale", help="Only stale ones.")] = False,
    format: FormatOption = ListFormat.text,
    limit: LimitOption = None,
) -> None:
    """Applications, furthest along first; stale ones flagged."""
    from careerpath.tracking.vocabulary import match_status

    choice = _Choice(match_status(status) if status else None, show_all, stale)
    most = list_limit(limit, format)
    now = today()
    if format is ListFormat.json:
        apps, _, _ = _chosen(ctx, choice, now)
        print_json([record_json(r) for r in apps[:most]])
        return
    # Kept in the home's cache while nothing it comes from changes (``Home.derived``): a
    # list of 10,000 applications shown again is not worked out again, nor with one added.
    listing = home_of(ctx).derived(
        "app-list",
        f"{now}|{choice.wanted}|{show_all}|{stale}|{most}",
        lambda: _app_rows(ctx, choice, now, most),
        more=lambda listing, *added: _app_rows_added(ctx, listing, choice, now, most, *added),
    )
    rows, total, shown = listing["rows"], listing["total"], listing["shown"]
    console = out_console()
    if not rows:
        console.print(
            "No applications yet. Add one: careerpath app add EMPLOYER ROLE"
            if total == 0
            else "No applications match."
        )
        if total and not show_all:
            console.print(plain(f"{total} in all: careerpath app list --all"), style="dim")
        return
    columns(
        console, rows, header=["id", "application", "status", "since", "", "next action"], wrap=True
    )
    left_out(console, shown - len(rows), "careerpath app list")
    if shown < total and not status and not stale:
        console.print(
            plain(f"{total - shown} closed not shown: careerpath app list --all"), style="dim"
        )


@dataclass(frozen=True)
class _Choice:
    """Which applications ``app list`` shows."""

    wanted: str | None
    """Only those of this status."""
    show_all: bool
    """Closed ones too."""
    stale: bool
    """Only the stale ones."""

    def of(
        self, apps: list[Application], after: int, now: dt.date
    ) -> tuple[list[Application], dict[str | None, dt.date | None]]:
        """Those of ``apps`` chosen, and when each went stale (``after`` days quiet)."""
        from careerpath.tracking import scoring

        if self.wanted:
            apps = [a for a in apps if a.status == self.wanted]
        elif not self.show_all:
            apps = [a for a in apps if not a.is_finished]
        flagged = {a.id: scoring.stale_since(a, now, after) for a in apps}
        if self.stale:
            apps = [a for a in apps if flagged[a.id]]
        return apps, flagged


def _chosen(
    ctx: typer.Context, choice: _Choice, now: dt.date
) -> tuple[list[Application], dict[str | None, dt.date | None], int]:
    """The applications ``app list`` shows, when each went stale, and how many there are
    in all."""
    from careerpath.tracking import scoring

    book = open_book(ctx, "applications", its_stage_only=True)
    apps: list[Application] = book.models()
    return *choice.of(apps, scoring.stale_after(book.workbook), now), len(apps)


def _app_rows(
    ctx: typer.Context, choice: _Choice, now: dt.date, most: int | None
) -> dict[str, Any]:
    """The rows of ``app list`` (the first ``most``), furthest along first, with where each
    stands in that order, how many there are in all and how many were chosen: plain data,
    to be kept."""
    from careerpath.tracking import records

    with records.reading_only():  # it only reads: the stored records, not models built again
        apps, flagged, total = _chosen(ctx, choice, now)
    places = sorted(((_place(app_), app_) for app_ in apps), key=lambda pair: pair[0])
    return {
        "rows": [_app_row(app_, flagged, now) for _, app_ in places[:most]],
        "places": [place for place, _ in places[:most]],
        "total": total,
        "shown": len(apps),
    }


def _app_rows_added(
    ctx: typer.Context,
    listing: dict[str, Any],
    choice: _Choice,
    now: dt.date,
    most: int | None,
    stage_id: str,
    question_id: str,
    added: list[dict[str, Any]],
) -> dict[str, Any]:
    """``listing`` (``_app_rows``) with the records ``added`` at the end of that question's,
    each in its place (after those of the same place, as a stable sort of them all puts it)."""
    import bisect

    from careerpath.tracking import records, scoring

    book = open_book(ctx, "applications", its_stage_only=True)
    found = records.locate(book.workbook.definition, "applications")
    if found is None or (found[0].id, found[1].id) != (stage_id, question_id):
        return listing  # records of another kind, in the same file
    with records.reading_only():
        apps, flagged = choice.of(
            records.models("applications", added), scoring.stale_after(book.workbook), now
        )
    rows, places = listing["rows"], listing["places"]
    for app_ in apps:
        place = _place(app_)
        at = bisect.bisect_right(places, place)
        if most is None or at < most:
            rows.insert(at, _app_row(app_, flagged, now))
            places.insert(at, place)
    if most is not None:  # as many as before
        del rows[most:], places[most:]
    listing["total"] += len(added)
    listing["shown"] += len(apps)
    return listing


def _place(app_: Application) -> tuple[bool, int, int]:
    """Where ``app list`` puts an application: open ones first, the furthest along first,
    then the latest to move."""
    from careerpath.tracking import records, scoring

    step = records.STATUSES.index(app_.status)
    return (
        app_.is_finished,
        -step if app_.status in records.PIPELINE else step,
        -(scoring.last_movement(app_) or dt.date.min).toordinal(),
    )


def _app_row(
    app_: Application, flagged: dict[str | None, dt.date | None], now: dt.date
) -> list[Cell]:
    """An application's row of ``app list``."""
    from careerpath.tracking import records, scoring

    moved = app_.history[-1].date if app_.history else None
    flag: Cell = ""
    if flagged[app_.id]:  # how long it has been quiet: worked out for the stale ones only
        flag = (f"stale {scoring.days_without_news(app_, now)}d", "yellow")
    action: Cell = app_.next_action or ""
    due = app_.next_action_on
    if due:
        action = (f"{app_.next_action or ''} ({due})".strip(), "red" if due < now else "")
    return [
        (app_.id or "", "cyan"),
        records.label("applications", app_),
        app_.status,
        str(moved) if moved else "",
        flag,
        action,
    ]


@application_app.command("show")
def app_show(
    ctx: typer.Context,
    application: Annotated[
        str, typer.Argument(help="Id, employer or role.", autocompletion=completion.applications)
    ],
    format: FormatOption = ListFormat.text,
) -> None:
    """Everything about one application: its full history and interviews."""
    from careerpath.tracking import links, records, scoring

    book = open_book(ctx, "applications")
    found: Application = book.get(application)
    if format is ListFormat.json:
        print_json(record_json(found))
        return
    console = out_console()
    now = today()
    since = scoring.stale_since(found, now, scoring.stale_after(book.workbook))
    extra = found.status + (f" · stale since {since}" if since else "")
    heading(console, f"{found.id}  {records.label('applications', found)}", extra)

    def named(name: str, ref: str | None) -> str | None:
        return None if ref is None else links.named(book.workbook, name, ref)

    action = found.next_action
    if found.next_action_due:
        due = due_text(found.next_action_due, now, found.snoozed)
        action = f"{action or 'next action'}, due {due}"
    details(
        console,
        [
            ("Target job", named("targets", found.target)),
            ("Source", found.source),
            ("Referred by", named("contacts", found.contact)),
            (
                "Offers",
                links.linking_to(book.workbook, "offers", "applications", found.id),
            ),
            ("Link", found.link),
            ("Documents", found.documents),
            ("Next action", action),
            ("Not stale before", str(found.snoozed_until) if found.snoozed_until else None),
            ("Notes", found.notes),
        ],
    )
    heading(console, "History")
    columns(
        console,
        [
            ["  " + (str(m.date) if m.date else "(no date)"), m.status, m.note or ""]
            for m in found.history or []
        ]
        or [["  (none yet)"]],
        wrap=True,
    )
    if found.interviews:
        heading(console, "Interviews")
        for number, interview in enumerate(found.interviews, start=1):
            when = format_when(interview.at)
            state = "done" if not interview.is_open else relative(interview.day, now)
            about = " · ".join(
                p for p in (interview.round, interview.format, interview.interviewers) if p
            )
            console.print(plain(f"  {number}. {when}  {about}  ({state})"))
            details(
                console,
                [
                    ("    Preparation", interview.prep),
                    ("    Questions asked", interview.questions),
                    ("    Reflection", interview.reflection),
                ],
            )


@application_app.command("edit")
@with_options(AppOptions)
def app_edit(
    ctx: typer.Context,
    application: Annotated[
        str, typer.Argument(help="Id, employer or role.", autocompletion=completion.applications)
    ],
    employer: Annotated[str | None, typer.Option("--employer", help="The employer.")] = None,
    role: Annotated[str | None, typer.Option("--role", help="The role.")] = None,
    *,
    options: AppOptions,
) -> None:
    """Change an application's details (its status changes with `app move`). Without
    options, a terminal asks for every field."""
    own = {
        "employer": required_text(employer, "employer") if employer is not None else None,
        "role": required_text(role, "role") if role is not None else None,
    }
    edit_record(ctx, "applications", application, options, own)


@application_app.command("remove")
def app_remove(
    ctx: typer.Context,
    application: Annotated[
        str, typer.Argument(help="Id, employer or role.", autocompletion=completion.applications)
    ],
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask to confirm.")] = False,
) -> None:
    """Remove an application for good (a copy stays in .backups). To close one instead,
    `app move ID withdrawn` or `"no response"` keeps it in your funnel."""
    remove_record(ctx, "applications", "app", application, yes)


@application_app.command("move")
def app_move(
    ctx: typer.Context,
    application: Annotated[
        str,
        typer.Argument(
            help="Id, employer or role.", metavar="ID", autocompletion=completion.applications
        ),
    ],
    status: Annotated[
        str,
        typer.Argument(
            help="interested, applied, screening, interviewing, offer, accepted, rejected, "
            "withdrawn or 'no response'.",
            autocompletion=completion.app_statuses,
        ),
    ],
    date: Annotated[
        str | None, typer.Option("--date", metavar="DATE", help="When it happened. Default: today.")
    ] = None,
    note: Annotated[str | None, typer.Option("--note", help="A word about the move.")] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Allow moving back to an earlier status.")
    ] = False,
) -> None:
    """Move an application to a new status; the move is added to its dated history."""
    from careerpath.tracking import records, tracker

    new = records.match_status(status)
    day = day_option(date, "--date") or today()
    if day > today():
        raise InvalidInput(f"--date {day} is in the future; move it once it happened")
    with changing(ctx, "applications", "app move") as book:
        record = book.find(application)

        def move(stored: dict[str, Any]) -> str:
            tracker.check_move(stored, new, day, force, book.stage.id)
            return tracker.move(stored, new, day, note)

        before = book.update(record["id"], move, today())
    console = out_console()
    console.print(plain(f"{record['id']} {book.label(record)}: {before} → {new} ({day})."))
    if new == "offer":
        console.print(
            plain(
                f"Record the offer: `careerpath offer add --from {record['id']}` asks for its "
                f"pay at a terminal, or give it: `careerpath offer add --from {record['id']} "
                "--base '52000 EUR'` (its amount and currency)."
            ),
            style="dim",
        )


@application_app.command("interview")
def app_interview(
    ctx: typer.Context,
    application: Annotated[
        str,
        typer.Argument(
            help="Id, employer or role.", metavar="ID", autocompletion=completion.applications
        ),
    ],
    at: Annotated[
        str | None,
        typer.Option(
            "--at", metavar="DATE", help="When: '2026-12-01 10:00', 'tomorrow 14:30', or a date."
        ),
    ] = None,
    round_: Annotated[
        str | None, typer.Option("--round", help="Which round: 1, 2, final, phone screen…")
    ] = None,
    format_: Annotated[
        str | None, typer.Option("--format", help="Phone, video, on-site, take-home…")
    ] = None,
    with_: Annotated[str | None, typer.Option("--with", help="Who interviews you.")] = None,
    prep: Annotated[str | None, typer.Option("--prep", help="Your preparation notes.")] = None,
    question: Annotated[
        list[str] | None, typer.Option("--question", help="A question they asked (repeatable).")
    ] = None,
    reflection: Annotated[
        str | None,
        typer.Option("--reflection", help="Afterwards: what went well, what you would change."),
    ] = None,
    done: Annotated[bool, typer.Option("--done", help="Mark it as behind you.")] = False,
    number: Annotated[
        int | None, typer.Option("--number", "-n", help="Change interview N instead of adding.")
    ] = None,
) -> None:
    """Add an interview to an application, or change one (--number N): time, round,
    format, with whom, preparation, questions asked, and your reflection afterwards."""
    from careerpath.tracking import tracker

    when = moment_option(at, "--at")
    with changing(ctx, "applications", "app interview") as book:
        record = book.find(application)
        if number is None and when is None:
            raise InvalidInput(
                "say when: --at DATE [TIME]",
                hint=f"To change an interview instead: careerpath app interview {record['id']} "
                "--number N [options]",
            )
        changes = {
            "at": when,
            "round": round_,
            "format": format_,
            "interviewers": with_,
            "prep": prep,
            "reflection": reflection,
            "done": True if done else None,
        }

        def save(stored: dict[str, Any]) -> tuple[int, str | None]:
            interviews = list(stored.get("interviews") or [])
            if number is None:
                interviews.append({})
                index = len(interviews) - 1
            elif not 1 <= number <= len(interviews):
                raise NotFound(
                    f"{stored['id']} has {len(interviews)} interview(s), so no number {number}"
                )
            else:
                index = number - 1
            interview = dict(interviews[index])
            put(interview, **changes)
            extend(interview, "questions", question)
            interviews[index] = interview
            stored["interviews"] = interviews
            moved = tracker.follow(stored, "interviewing", today()) if number is None else None
            return index + 1, moved

        shown_number, moved_from = book.update(record["id"], save, today())
    console = out_console()
    found = book.get(record["id"])
    interview = (found.interviews or [])[shown_number - 1]
    verb = "Added" if number is None else "Saved"
    console.print(
        plain(
            f"{verb} interview {shown_number} for {record['id']} {book.label(record)}: "
            f"{format_when(interview.at)}."
        )
    )
    if moved_from:
        console.print(plain(f"Moved {record['id']}: {moved_from} → interviewing."))
    if interview.is_open:
        console.print(
            plain(f"It is in `careerpath due` as {record['id']}-i{shown_number}."), style="dim"
        )
