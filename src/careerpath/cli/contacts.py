"""``careerpath contact``: people to talk to, each conversation with them, follow-ups, and
outreach message starters."""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass
from pathlib import Path
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
    need_terminal,
    open_book,
    plain,
    put,
    remove_record,
    required_text,
    resolve_ref,
    said_added,
    warn_if_past,
    with_options,
)
from careerpath.core.errors import InvalidInput
from careerpath.views.tables import columns

if TYPE_CHECKING:
    from careerpath.tracking.records import Contact
    from careerpath.tracking.tracker import Book

contact_app = typer.Typer(
    name="contact", help=HELP["contact"], no_args_is_help=True, add_completion=False
)

Next = Annotated[str | None, typer.Option("--next", help="Your next step with them.")]
Due = Annotated[
    str | None,
    typer.Option(
        "--due", metavar="DATE", help="When to take the next step: a date, or 3d, 2w, 1m."
    ),
]
# The names these options had before; kept working, out of the help.
OldNext = Annotated[str | None, typer.Option("--next-step", hidden=True)]
OldDue = Annotated[str | None, typer.Option("--follow-up", hidden=True)]


@dataclass(frozen=True)
class ContactOptions:
    """What `contact add` and `contact edit` both take."""

    organisation: Annotated[
        str | None, typer.Option("--org", "--organisation", help="Where they work.")
    ]
    role: Annotated[str | None, typer.Option("--role", help="Their role.")]
    warmth: Annotated[
        str | None, typer.Option("--warmth", help="How you know them: warm, introduced or cold.")
    ]
    how_known: Annotated[
        str | None, typer.Option("--how-known", help="How exactly, or who introduces you.")
    ]
    channel: Annotated[
        str | None, typer.Option("--channel", help="How to reach them: email, LinkedIn, phone…")
    ]
    target: Annotated[
        list[str] | None,
        typer.Option(
            "--target",
            help="A target job (id or title) they can tell you about (repeatable).",
            autocompletion=completion.targets,
        ),
    ]
    status: Annotated[
        str | None,
        typer.Option(
            "--status", help="to reach out, reached out, talked, keep in touch, or closed."
        ),
    ]
    next_step: Next
    due: Due
    message: Annotated[str | None, typer.Option("--message", help="Your outreach message.")]
    notes: Annotated[str | None, typer.Option("--notes", help="Notes (replaces any).")]
    old_next_step: OldNext
    old_due: OldDue

    def apply(self, book: Book, record: dict[str, Any]) -> None:
        from careerpath.tracking import records, tracker

        follow = day_option(self.due or self.old_due, "--due")
        warn_if_past(follow, "the next step's date")
        put(
            record,
            organisation=self.organisation,
            role=self.role,
            warmth=records.match_word(self.warmth, list(records.WARMTH), "way of knowing someone")
            if self.warmth
            else None,
            how_known=self.how_known,
            channel=self.channel,
            status=records.match_word(self.status, records.CONTACT_STATUSES, "contact status")
            if self.status
            else None,
            message=self.message,
            notes=self.notes,
        )
        tracker.set_next_step("contacts", record, self.next_step or self.old_next_step, follow)
        extend(record, "targets", [str(resolve_ref(book, "targets", t)) for t in self.target or []])


@contact_app.command("add")
@with_options(ContactOptions)
def contact_add(
    ctx: typer.Context,
    name: Annotated[
        str | None,
        typer.Argument(help="Their name. Leave it out in a terminal to be asked for each field."),
    ] = None,
    *,
    options: ContactOptions,
) -> None:
    """Add a person to talk to."""
    given = {"name": required_text(name, "name")} if name is not None else None
    with changing(ctx, "contacts", "contact add") as book:
        usage = "give their name: `careerpath contact add NAME [options]`"
        record_id = add_record(book, options, given, usage)
    said_added(book, record_id, book.find(record_id))
    if not book.find(record_id).get("message"):
        out_console().print(
            plain(f"Message starters to reach out: careerpath contact message {record_id}"),
            style="dim",
        )


@contact_app.command("list")
def contact_list(
    ctx: typer.Context,
    status: Annotated[
        str | None, typer.Option("--status", help="Only contacts with this status.")
    ] = None,
    format: FormatOption = ListFormat.text,
    limit: LimitOption = None,
) -> None:
    """Contacts: follow-ups due first, then by name."""
    from careerpath.tracking.vocabulary import CONTACT_STATUSES, match_word

    wanted = match_word(status, CONTACT_STATUSES, "contact status") if status else None
    most = list_limit(limit, format)
    now = today()
    if format is ListFormat.json:
        print_json([record_json(r) for r in _chosen(ctx, wanted)[:most]])
        return
    # Kept in the home's cache while nothing it comes from changes (``Home.derived``).
    listing = home_of(ctx).derived(
        "contact-list", f"{now}|{wanted}|{most}", lambda: _contact_rows(ctx, wanted, now, most)
    )
    rows, shown = listing["rows"], listing["shown"]
    console = out_console()
    if not rows:
        console.print(
            "No contacts"
            + (" with that status." if status else " yet. Add one: careerpath contact add NAME")
        )
        return
    columns(
        console,
        rows,
        header=["id", "name", "warmth", "status", "last talked", "next step due", "next step"],
        wrap=True,
    )
    left_out(console, shown - len(rows), "careerpath contact list")


def _chosen(ctx: typer.Context, wanted: str | None) -> list[Contact]:
    """The contacts ``contact list`` shows: those of ``wanted`` status, or all."""
    contacts: list[Contact] = open_book(ctx, "contacts", its_stage_only=True).models()
    return [c for c in contacts if c.current_status == wanted] if wanted else contacts


def _contact_rows(
    ctx: typer.Context, wanted: str | None, now: dt.date, most: int | None
) -> dict[str, Any]:
    """The rows of ``contact list`` (the first ``most``), follow-ups due first, and how many
    it chose: plain data, to be kept."""
    from careerpath.tracking import records

    with records.reading_only():  # it only reads: the stored records, not models built again
        contacts = _chosen(ctx, wanted)
    far = dt.date.max
    contacts.sort(key=lambda c: (c.follow_up_on or far, (c.name or "").casefold()))
    rows: list[list[Cell]] = []
    for contact in contacts[:most]:
        last = max((talk.date for talk in contact.conversations or []), default=None)
        follow: Cell = ""
        due = contact.follow_up_on
        if due:
            follow = (str(due), "red" if due < now else "")
        rows.append(
            [
                (contact.id or "", "cyan"),
                records.label("contacts", contact),
                contact.warmth or "",
                contact.current_status,
                str(last) if last else "",
                follow,
                contact.next_step or "",
            ]
        )
    return {"rows": rows, "shown": len(contacts)}


@contact_app.command("show")
def contact_show(
    ctx: typer.Context,
    contact: Annotated[str, typer.Argument(help="Id or name.", autocompletion=completion.contacts)],
    format: FormatOption = ListFormat.text,
) -> None:
    """Everything about one contact, with every conversation."""
    from careerpath.tracking import links, records

    book = open_book(ctx, "contacts")
    found: Contact = book.get(contact)
    if format is ListFormat.json:
        print_json(record_json(found))
        return
    console = out_console()
    now = today()
    heading(console, f"{found.id}  {records.label('contacts', found)}", found.current_status)
    workbook = book.workbook
    details(
        console,
        [
            ("Role", found.role),
            ("How you know them", found.warmth),
            ("How exactly", found.how_known),
            ("Channel", found.channel),
            ("Target jobs", [links.named(workbook, "targets", t) for t in found.targets or []]),
            (
                "Applications",
                links.linking_to(workbook, "applications", "contacts", found.id),
            ),
            ("Next step", found.next_step),
            ("Due", due_text(found.follow_up, now, found.snoozed)),
            ("Notes", found.notes),
        ],
    )
    if found.message:
        heading(console, "Your message")
        console.print(plain(found.message), style="italic")
    talks = found.conversations or []
    heading(console, f"Conversations ({len(talks)})")
    if not talks:
        console.print(plain(f"  None logged yet: careerpath contact log {found.id}"), style="dim")
    for talk in sorted(talks, key=lambda t: t.date):
        console.print(plain(f"  {talk.date}" + (f" · {talk.channel}" if talk.channel else "")))
        details(
            console,
            [
                ("  Summary", talk.summary),
                ("  Learned", talk.learned),
                ("  Planned then", _planned(talk.next_step, talk.follow_up)),
            ],
        )


@contact_app.command("edit")
@with_options(ContactOptions)
def contact_edit(
    ctx: typer.Context,
    contact: Annotated[str, typer.Argument(help="Id or name.", autocompletion=completion.contacts)],
    name: Annotated[str | None, typer.Option("--name", help="Their name.")] = None,
    *,
    options: ContactOptions,
) -> None:
    """Change a contact. Without options, a terminal asks for every field."""
    own = {"name": required_text(name, "name") if name is not None else None}
    edit_record(ctx, "contacts", contact, options, own)


@contact_app.command("remove")
def contact_remove(
    ctx: typer.Context,
    contact: Annotated[str, typer.Argument(help="Id or name.", autocompletion=completion.contacts)],
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask to confirm.")] = False,
) -> None:
    """Remove a contact for good, with their conversations (a copy stays in .backups)."""
    remove_record(ctx, "contacts", "contact", contact, yes)


@contact_app.command("log")
def contact_log(
    ctx: typer.Context,
    contact: Annotated[
        str,
        typer.Argument(
            help="Id or name.", metavar="NAME_OR_ID", autocompletion=completion.contacts
        ),
    ],
    summary: Annotated[
        str | None,
        typer.Option("--summary", "-m", help="What you talked about (asked for in a terminal)."),
    ] = None,
    date: Annotated[
        str | None,
        typer.Option(
            "--date", metavar="DATE", help="When: a date, today, yesterday… Default: today."
        ),
    ] = None,
    channel: Annotated[
        str | None, typer.Option("--channel", help="Coffee, call, video, email, LinkedIn…")
    ] = None,
    learned: Annotated[str | None, typer.Option("--learned", help="What you learned.")] = None,
    next_step: Annotated[
        str | None, typer.Option("--next", help="The next step you agreed on.")
    ] = None,
    due: Due = None,
    status: Annotated[
        str | None,
        typer.Option("--status", help="Their status now. Default: talked (unless further on)."),
    ] = None,
    old_next_step: OldNext = None,
    old_due: OldDue = None,
) -> None:
    """Log a conversation (or any contact) with someone: what was said, what you learned,
    and the next step. It replaces their open next step, and counts towards this week's
    outreach."""
    from careerpath.tracking import records, tracker

    day = day_option(date, "--date") or today()
    if day > today():
        raise InvalidInput(f"--date {day} is in the future; log a conversation once it happened")
    follow = day_option(due or old_due, "--due")
    warn_if_past(follow, "the next step's date")
    new_status = (
        records.match_word(status, records.CONTACT_STATUSES, "contact status") if status else None
    )
    talk = {
        "date": day,
        "channel": channel,
        "summary": (summary or "").strip() or None,
        "learned": learned,
        "next_step": next_step or old_next_step,
        "follow_up": follow,
    }
    with changing(ctx, "contacts", "contact log") as book:
        record_id = book.find(contact)["id"]
        asking = summary is None
        if asking:
            need_terminal(
                f"say what you talked about: `careerpath contact log {record_id} "
                "--summary TEXT [options]`"
            )
            talk["summary"] = _ask_about(book, record_id, "summary")
        earlier_step, earlier_due = book.update(
            record_id, lambda stored: tracker.log_conversation(stored, talk, new_status), today()
        )
        for key in ("learned", "next_step", "follow_up") if asking else ():
            if talk[key] is None:
                answer = _ask_about(book, record_id, key, logged=True)
                add = functools.partial(tracker.add_to_conversation, key=key, value=answer)
                book.update(record_id, add, today())
                talk[key] = answer
    console = out_console()
    stored = book.find(record_id)
    console.print(
        plain(
            f"Logged a conversation with {book.label(stored)} on {day}; "
            f"status: {stored.get('status')}."
        )
    )
    if earlier_due and earlier_due != talk["follow_up"]:
        step = f" “{earlier_step}”" if earlier_step and earlier_step != "follow up" else ""
        console.print(
            plain(f"The earlier next step{step} (due {earlier_due}) counts as done."), style="dim"
        )
    if stored.get("follow_up"):
        console.print(
            plain(
                f"Next step, due {due_text(stored['follow_up'], today())}: {stored['next_step']}."
            )
        )


def _planned(step: str | None, day: dt.date | None) -> str | None:
    """A conversation's next step as it was planned then (the open one is the contact's)."""
    if not (step or day):
        return None
    return (step or "follow up") + (f", by {day}" if day else "")


_CONVERSATION = {
    "summary": ("long_text", "What did you talk about?"),
    "learned": ("long_text", "What did you learn?"),
    "next_step": ("text", "What is the next step?"),
    "follow_up": ("date", "By when?"),
}


def _ask_about(book: Book, record_id: str, key: str, logged: bool = False) -> Any:
    """One question about a conversation, at the terminal. What was being typed at Ctrl-C is
    kept and offered at the next `contact log` for this person."""
    from careerpath.core.errors import Interrupted
    from careerpath.workbook.definition import Question
    from careerpath.workbook.prompts import TerminalPrompter
    from careerpath.workbook.session import Session

    kind, prompt = _CONVERSATION[key]
    field = Question.model_validate(
        {"id": key, "kind": kind, "prompt": prompt, "required": key == "summary"}
    )
    sitting = Session(book.home, book.workbook, TerminalPrompter(today()), out_console(), today())
    draft = f"{book.question.id}.log.{record_id}.{key}"
    try:
        return sitting.ask_field(book.stage, field, draft)
    except Interrupted as stop:
        kept = ", and kept what you were typing for next time" if stop.kept_draft else ""
        if logged:
            stop.message = f"Stopped. The conversation is logged with what you answered{kept}."
            stop.hint = None
        else:
            stop.message = f"Stopped. Nothing is logged yet{kept}."
            stop.hint = f"`careerpath contact log {record_id}` asks again."
        raise


@contact_app.command("message")
def contact_message(
    ctx: typer.Context,
    contact: Annotated[str, typer.Argument(help="Id or name.", autocompletion=completion.contacts)],
    pick: Annotated[
        int | None,
        typer.Option("--pick", help="Save starter N as your message to them, to edit."),
    ] = None,
    edit: Annotated[
        bool, typer.Option("--edit", help="Edit your message to them in $EDITOR.")
    ] = False,
) -> None:
    """Short outreach message starters, filled in for this person; keep one as your own
    message to them and edit it."""
    from careerpath.tracking import records, starters

    book = open_book(ctx, "contacts")
    record = book.find(contact)
    found: Contact = book.get(record["id"])
    console = out_console()
    options = starters.for_contact(found, records.stored(book.workbook, "targets"))
    if pick is not None or edit:
        if pick is not None and not 1 <= pick <= len(options):
            raise InvalidInput(f"--pick: choose a starter from 1 to {len(options)}")
        with changing(ctx, "contacts", "contact message") as book:
            text = options[pick - 1][1] if pick is not None else found.message or options[0][1]
            if edit:
                text = _edit_text(text)
            book.update(record["id"], lambda stored: stored.update(message=text), today())
        console.print(plain(f"Saved your message to {book.label(record)}:"))
        console.print(plain(text), style="italic")
        return
    if found.message:
        heading(console, "Your message")
        console.print(plain(found.message), style="italic")
        console.print()
    heading(console, f"Starters for {book.label(record)}")
    for number, (title, text) in enumerate(options, start=1):
        console.print(plain(f"\n{number}. {title}"), style="cyan")
        console.print(plain(text))
    console.print(
        plain(
            f"\nKeep one as your message and make it yours: careerpath contact message "
            f"{record['id']} --pick N --edit"
        ),
        style="dim",
    )


def _edit_text(text: str) -> str:
    """``text`` opened in the person's editor; what they saved."""
    import os
    import tempfile

    from careerpath.workbook import prompts
    from careerpath.workbook.editing import find_editor, run_editor

    prompts.require_terminal("Use --message TEXT with `careerpath contact edit` instead.")
    editor = find_editor()
    handle, name = tempfile.mkstemp(prefix="careerpath-message-", suffix=".txt")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
        run_editor(editor, name)
        edited = Path(name).read_text(encoding="utf-8").strip()
    finally:
        Path(name).unlink(missing_ok=True)
    if not edited:
        raise InvalidInput("the message came back empty; nothing was saved")
    return edited
