"""``careerpath contact``: people to talk to, each conversation with them, follow-ups, and
outreach message starters."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
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
    need_terminal,
    nothing_to_change,
    open_book,
    plain,
    put,
    remove_record,
    replace_record,
    required_text,
    resolve_ref,
    said_added,
    warn_if_past,
)
from careerpath.errors import InvalidInput
from careerpath.tables import columns

if TYPE_CHECKING:
    from careerpath.records import Contact
    from careerpath.tracker import Book

contact_app = typer.Typer(
    name="contact", help=HELP["contact"], no_args_is_help=True, add_completion=False
)


def _contact_changes(
    book: Book,
    record: dict[str, Any],
    *,
    organisation: str | None,
    role: str | None,
    warmth: str | None,
    how_known: str | None,
    channel: str | None,
    target: Sequence[str] | None,
    status: str | None,
    next_step: str | None,
    follow_up: str | None,
    message: str | None,
    notes: str | None,
) -> None:
    from careerpath import records

    follow = day_option(follow_up, "--follow-up")
    warn_if_past(follow, "the follow-up")
    put(
        record,
        organisation=organisation,
        role=role,
        warmth=records.match_word(warmth, list(records.WARMTH), "way of knowing someone")
        if warmth
        else None,
        how_known=how_known,
        channel=channel,
        status=records.match_word(status, records.CONTACT_STATUSES, "contact status")
        if status
        else None,
        next_step=next_step,
        follow_up=follow,
        message=message,
        notes=notes,
    )
    extend(record, "targets", [str(resolve_ref(book, "targets", t)) for t in target or []])


_CONTACT_HELP = {
    "organisation": "Where they work.",
    "role": "Their role.",
    "warmth": "How you know them: warm, introduced or cold.",
    "how_known": "How exactly, or who introduces you.",
    "channel": "How to reach them: email, LinkedIn, phone…",
    "target": "A target job (id or title) they can tell you about (repeatable).",
    "status": "to reach out, reached out, talked, keep in touch, or closed.",
    "next_step": "Your next step with them.",
    "follow_up": "When to follow up: a date, or 3d, 2w, 1m.",
    "message": "Your outreach message to them.",
}


@contact_app.command("add")
def contact_add(
    ctx: typer.Context,
    name: Annotated[
        str | None,
        typer.Argument(help="Their name. Leave it out in a terminal to be asked for each field."),
    ] = None,
    organisation: Annotated[
        str | None, typer.Option("--org", "--organisation", help=_CONTACT_HELP["organisation"])
    ] = None,
    role: Annotated[str | None, typer.Option("--role", help=_CONTACT_HELP["role"])] = None,
    warmth: Annotated[str | None, typer.Option("--warmth", help=_CONTACT_HELP["warmth"])] = None,
    how_known: Annotated[
        str | None, typer.Option("--how-known", help=_CONTACT_HELP["how_known"])
    ] = None,
    channel: Annotated[str | None, typer.Option("--channel", help=_CONTACT_HELP["channel"])] = None,
    target: Annotated[
        list[str] | None, typer.Option("--target", help=_CONTACT_HELP["target"])
    ] = None,
    status: Annotated[str | None, typer.Option("--status", help=_CONTACT_HELP["status"])] = None,
    next_step: Annotated[
        str | None, typer.Option("--next-step", help=_CONTACT_HELP["next_step"])
    ] = None,
    follow_up: Annotated[
        str | None, typer.Option("--follow-up", help=_CONTACT_HELP["follow_up"])
    ] = None,
    message: Annotated[str | None, typer.Option("--message", help=_CONTACT_HELP["message"])] = None,
    notes: Annotated[str | None, typer.Option("--notes", help="Anything else.")] = None,
) -> None:
    """Add a person to talk to."""
    home = home_of(ctx)
    with home.lock("contact add"):
        book = open_book(ctx, "contacts")
        record: dict[str, Any] = {}
        if name is None:
            need_terminal("give their name: `careerpath contact add NAME [options]`")
            record = ask_record(book, record)
        else:
            record["name"] = required_text(name, "name")
        _contact_changes(
            book,
            record,
            organisation=organisation,
            role=role,
            warmth=warmth,
            how_known=how_known,
            channel=channel,
            target=target,
            status=status,
            next_step=next_step,
            follow_up=follow_up,
            message=message,
            notes=notes,
        )
        record_id = book.add(record, today())
    said_added(book, record_id, record)
    if not record.get("message"):
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
) -> None:
    """Contacts: follow-ups due first, then by name."""
    from careerpath import records

    book = open_book(ctx, "contacts")
    contacts: list[Contact] = book.models()
    if status:
        wanted = records.match_word(status, records.CONTACT_STATUSES, "contact status")
        contacts = [c for c in contacts if c.current_status == wanted]
    console = out_console()
    if not contacts:
        console.print(
            "No contacts"
            + (" with that status." if status else " yet. Add one: careerpath contact add NAME")
        )
        return
    now = today()
    far = dt.date.max
    contacts.sort(key=lambda c: (c.follow_up or far, (c.name or "").casefold()))
    rows: list[list[Cell]] = []
    for contact in contacts:
        last = max((talk.date for talk in contact.conversations or []), default=None)
        follow: Cell = ""
        if contact.follow_up:
            follow = (str(contact.follow_up), "red" if contact.follow_up < now else "")
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
    columns(
        console,
        rows,
        header=["id", "name", "warmth", "status", "last talked", "follow up", "next step"],
    )


@contact_app.command("show")
def contact_show(
    ctx: typer.Context, contact: Annotated[str, typer.Argument(help="Id or name.")]
) -> None:
    """Everything about one contact, with every conversation."""
    from careerpath import records

    book = open_book(ctx, "contacts")
    found: Contact = book.get(contact)
    console = out_console()
    now = today()
    heading(console, f"{found.id}  {records.label('contacts', found)}", found.current_status)
    targets = {t["id"]: t for t in records.stored(book.workbook, "targets")}
    details(
        console,
        [
            ("Role", found.role),
            ("How you know them", found.warmth),
            ("How exactly", found.how_known),
            ("Channel", found.channel),
            (
                "Target jobs",
                [
                    f"{t} {records.label('targets', targets[t]) if t in targets else '(removed)'}"
                    for t in found.targets or []
                ],
            ),
            ("Next step", found.next_step),
            ("Follow up", due_text(found.follow_up, now)),
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
                ("  Next step", talk.next_step),
                ("  Follow up", str(talk.follow_up) if talk.follow_up else None),
            ],
        )


@contact_app.command("edit")
def contact_edit(
    ctx: typer.Context,
    contact: Annotated[str, typer.Argument(help="Id or name.")],
    name: Annotated[str | None, typer.Option("--name", help="Their name.")] = None,
    organisation: Annotated[
        str | None, typer.Option("--org", "--organisation", help=_CONTACT_HELP["organisation"])
    ] = None,
    role: Annotated[str | None, typer.Option("--role", help=_CONTACT_HELP["role"])] = None,
    warmth: Annotated[str | None, typer.Option("--warmth", help=_CONTACT_HELP["warmth"])] = None,
    how_known: Annotated[
        str | None, typer.Option("--how-known", help=_CONTACT_HELP["how_known"])
    ] = None,
    channel: Annotated[str | None, typer.Option("--channel", help=_CONTACT_HELP["channel"])] = None,
    target: Annotated[
        list[str] | None, typer.Option("--target", help=_CONTACT_HELP["target"])
    ] = None,
    status: Annotated[str | None, typer.Option("--status", help=_CONTACT_HELP["status"])] = None,
    next_step: Annotated[
        str | None, typer.Option("--next-step", help=_CONTACT_HELP["next_step"])
    ] = None,
    follow_up: Annotated[
        str | None, typer.Option("--follow-up", help=_CONTACT_HELP["follow_up"])
    ] = None,
    message: Annotated[str | None, typer.Option("--message", help=_CONTACT_HELP["message"])] = None,
    notes: Annotated[str | None, typer.Option("--notes", help="Replace the notes.")] = None,
) -> None:
    """Change a contact. Without options, a terminal asks for every field."""
    given = [name, organisation, role, warmth, how_known, channel, target, status]
    given += [next_step, follow_up, message, notes]
    home = home_of(ctx)
    with home.lock("contact edit"):
        book = open_book(ctx, "contacts")
        record = book.find(contact)
        if all(option is None for option in given):
            need_terminal(nothing_to_change("contact", record["id"]))
            changed = ask_record(book, record)
            book.update(record["id"], lambda stored: replace_record(stored, changed))
        else:
            if name is not None:
                required_text(name, "name")

            def change(stored: dict[str, Any]) -> None:
                put(stored, name=name.strip() if name else None)
                _contact_changes(
                    book,
                    stored,
                    organisation=organisation,
                    role=role,
                    warmth=warmth,
                    how_known=how_known,
                    channel=channel,
                    target=target,
                    status=status,
                    next_step=next_step,
                    follow_up=follow_up,
                    message=message,
                    notes=notes,
                )

            book.update(record["id"], change)
    out_console().print(plain(f"Saved {record['id']}: {book.label(book.find(record['id']))}."))


@contact_app.command("remove")
def contact_remove(
    ctx: typer.Context,
    contact: Annotated[str, typer.Argument(help="Id or name.")],
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask to confirm.")] = False,
) -> None:
    """Remove a contact for good, with their conversations (a copy stays in .backups)."""
    remove_record(ctx, "contacts", "contact", contact, yes)


@contact_app.command("log")
def contact_log(
    ctx: typer.Context,
    contact: Annotated[str, typer.Argument(help="Id or name.", metavar="NAME_OR_ID")],
    summary: Annotated[
        str | None,
        typer.Option("--summary", "-m", help="What you talked about (asked for in a terminal)."),
    ] = None,
    date: Annotated[
        str | None, typer.Option("--date", help="When: a date, today, yesterday… Default: today.")
    ] = None,
    channel: Annotated[
        str | None, typer.Option("--channel", help="Coffee, call, video, email, LinkedIn…")
    ] = None,
    learned: Annotated[str | None, typer.Option("--learned", help="What you learned.")] = None,
    next_step: Annotated[
        str | None, typer.Option("--next-step", help="The next step you agreed on.")
    ] = None,
    follow_up: Annotated[
        str | None, typer.Option("--follow-up", help="When to follow up: a date, 3d, 2w, 1m.")
    ] = None,
    status: Annotated[
        str | None,
        typer.Option("--status", help="Their status now. Default: talked (unless further on)."),
    ] = None,
) -> None:
    """Log a conversation (or any contact) with someone: what was said, what you learned,
    and the next step. It replaces their open follow-up, and counts towards this week's
    outreach."""
    from careerpath import records

    home = home_of(ctx)
    with home.lock("contact log"):
        book = open_book(ctx, "contacts")
        record = book.find(contact)
        if summary is None:
            need_terminal(
                f"say what you talked about: `careerpath contact log {record['id']} "
                "--summary TEXT [options]`"
            )
            summary, learned, next_step, follow_up = _ask_conversation(
                learned, next_step, follow_up
            )
        day = day_option(date, "--date") or today()
        if day > today():
            raise InvalidInput(
                f"--date {day} is in the future; log a conversation once it happened"
            )
        follow = day_option(follow_up, "--follow-up")
        warn_if_past(follow, "the follow-up")
        new_status = (
            records.match_word(status, records.CONTACT_STATUSES, "contact status")
            if status
            else None
        )
        talk = {
            "date": day,
            "channel": channel,
            "summary": summary.strip() or None,
            "learned": learned,
            "next_step": next_step,
            "follow_up": follow,
        }

        def log(stored: dict[str, Any]) -> tuple[str | None, Any]:
            earlier = (stored.get("next_step"), stored.get("follow_up"))
            conversations = list(stored.get("conversations") or [])
            conversations.append({k: v for k, v in talk.items() if v is not None})
            stored["conversations"] = conversations
            if new_status:
                stored["status"] = new_status
            elif stored.get("status") in (None, "to reach out", "reached out"):
                stored["status"] = "talked"
            for key in ("next_step", "follow_up"):
                stored.pop(key, None)
            if next_step or follow:
                put(stored, next_step=next_step or "follow up", follow_up=follow)
            return earlier

        earlier_step, earlier_follow = book.update(record["id"], log)
    console = out_console()
    stored = book.find(record["id"])
    console.print(
        plain(
            f"Logged a conversation with {book.label(stored)} on {day}; "
            f"status: {stored.get('status')}."
        )
    )
    if earlier_follow and earlier_follow != follow:
        step = f" “{earlier_step}”" if earlier_step and earlier_step != "follow up" else ""
        console.print(
            plain(f"The earlier follow-up{step} (due {earlier_follow}) counts as done."),
            style="dim",
        )
    if follow:
        console.print(plain(f"Follow up {due_text(follow, today())}: {next_step or 'follow up'}."))


def _ask_conversation(
    learned: str | None, next_step: str | None, follow_up: str | None
) -> tuple[str, str | None, str | None, str | None]:
    from careerpath.definition import Question
    from careerpath.prompts import TerminalPrompter

    prompter = TerminalPrompter(today())

    def ask(id_: str, kind: str, prompt: str, required: bool = False) -> Any:
        field = Question.model_validate(
            {"id": id_, "kind": kind, "prompt": prompt, "required": required}
        )
        return prompter.ask(field)

    summary = ask("summary", "long_text", "What did you talk about?", required=True)
    if learned is None:
        learned = ask("learned", "long_text", "What did you learn?")
    if next_step is None:
        next_step = ask("next_step", "text", "What is the next step?")
    if follow_up is None:
        day = ask("follow_up", "date", "When will you follow up?")
        follow_up = day.isoformat() if day else None
    return summary, learned, next_step, follow_up


@contact_app.command("message")
def contact_message(
    ctx: typer.Context,
    contact: Annotated[str, typer.Argument(help="Id or name.")],
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
    from careerpath import records, starters

    home = home_of(ctx)
    book = open_book(ctx, "contacts")
    record = book.find(contact)
    found: Contact = book.get(record["id"])
    console = out_console()
    options = starters.for_contact(found, records.stored(book.workbook, "targets"))
    if pick is not None or edit:
        with home.lock("contact message"):
            if pick is not None and not 1 <= pick <= len(options):
                raise InvalidInput(f"--pick: choose a starter from 1 to {len(options)}")
            text = options[pick - 1][1] if pick is not None else found.message or options[0][1]
            if edit:
                text = _edit_text(text)
            book.update(record["id"], lambda stored: stored.update(message=text))
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
    import subprocess
    import tempfile

    from careerpath import prompts
    from careerpath.editing import find_editor

    prompts.require_terminal("Use --message TEXT with `careerpath contact edit` instead.")
    editor = find_editor()
    handle, name = tempfile.mkstemp(prefix="careerpath-message-", suffix=".txt")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
        subprocess.run([*editor, name], check=False)
        edited = Path(name).read_text(encoding="utf-8").strip()
    finally:
        Path(name).unlink(missing_ok=True)
    if not edited:
        raise InvalidInput("the message came back empty; nothing was saved")
    return edited
