"""``careerpath export``: the whole workbook as Markdown (for a coach), JSON (for tools),
CSV (one file per kind of record, for a spreadsheet) and iCalendar (every dated item, for a
calendar app).

The JSON shape is documented in the README ("Export JSON") and, like the report's, only ever
gains fields while ``export_version`` stays 1. Heavy modules (csv, icalendar) are imported
inside the function that needs them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict, Field

from careerpath.core.safe_text import for_csv, for_ics, for_json
from careerpath.core.safe_text import for_markdown as escape
from careerpath.core.values import format_when
from careerpath.tracking import records, scoring

if TYPE_CHECKING:
    from careerpath.views.report_model import Report
    from careerpath.workbook.agenda import DueItem
    from careerpath.workbook.definition import Question
    from careerpath.workbook.models import Workbook

EXPORT_VERSION = 1


# --- JSON ------------------------------------------------------------------------------------


def derived(workbook: Workbook, today: dt.date) -> dict[str, dict[str, dict[str, Any]]]:
    """What careerpath works out for each record, by record id."""
    after = scoring.stale_after(workbook)
    values = scoring.top_values(workbook)
    criteria = scoring.offer_criteria(workbook)
    apps = {}
    for app in records.models("applications", records.stored(workbook, "applications")):
        since = scoring.stale_since(app, today, after)
        apps[app.id] = {
            "status": app.status,
            "furthest": records.PIPELINE[scoring.furthest(app)],
            "last_movement": scoring.last_movement(app),
            "stale_since": since,
        }
    targets = {}
    for target in records.models("targets", records.stored(workbook, "targets")):
        fit = scoring.fit(target, values)
        low, high = target.salary.per_year() if target.salary else (None, None)
        targets[target.id] = {
            "fit": fit.score,
            "fit_basis": fit.basis,
            "values_rated": fit.rated,
            "pay_low_per_year": low,
            "pay_high_per_year": high,
        }
    contacts = {}
    for contact in records.models("contacts", records.stored(workbook, "contacts")):
        talks = [talk.date for talk in contact.conversations or []]
        contacts[contact.id] = {
            "status": contact.current_status,
            "conversations": len(talks),
            "last_conversation": max(talks, default=None),
        }
    offers = {}
    for offer in records.models("offers", records.stored(workbook, "offers")):
        scored = scoring.score_offer(offer, criteria)
        offers[offer.id] = {
            "status": offer.current_status,
            "score": scored.score,
            "meets": scored.named("met"),
            "partly": scored.named("partly"),
            "misses": scored.named("missed"),
            "not_judged": scored.named("unknown"),
        }
    return {"applications": apps, "targets": targets, "contacts": contacts, "offers": offers}


def json_pieces(
    workbook: Workbook, today: dt.date, items: list[DueItem], built: Report
) -> Iterator[bytes]:
    """Everything, for tools: the JSON export in UTF-8, a piece at a time (a big export is
    never whole in memory), from what is due (``due.collect``) and the report
    (``report.build``, with its exercises and the answers of its key answers)."""
    from careerpath.views import json_text, report

    # The stages' progress as the report worked it out (counting a 10k list's work once).
    stages = [
        {
            "id": line.id,
            "title": line.title,
            "status": line.status,
            "started": line.started,
            "completed": line.completed,
            "answers": workbook.answers_for(line.id),
        }
        for line in built.stages
    ]
    data = {
        "export_version": EXPORT_VERSION,
        "generated": today,
        "workbook": built.workbook,
        "stages": stages,
        "derived": derived(workbook, today),
        "program": _program(workbook),
        # Built as plain data once and encoded once (the due items hold only plain values,
        # so a shallow dict each is what asdict gives).
        "due": _due_items(items),
        "report": report.plain(built),
    }
    credits = _pack_credits(workbook, built.exercises)
    if credits:
        data["credits"] = credits
    return json_text.pieces(data)


def _due_items(items: list[DueItem]) -> list[dict[str, Any]]:
    """Each due item as a table of its fields, in their order."""
    return [item._asdict() for item in items]


def _program(workbook: Workbook) -> dict[str, Any] | None:
    """What ``program.toml`` holds (plan, intake, goals, homework, check-ins, closing), as
    in the file but for what was being typed at Ctrl-C; None without a program."""
    if workbook.program is None:
        return None
    from careerpath.workbook import program_file

    data = program_file.dump(workbook.program, workbook.definition)
    data.pop("drafts", None)
    return data


# --- Markdown --------------------------------------------------------------------------------


def to_markdown(workbook: Workbook, built: Report) -> str:
    """The report (``report.build``, with its exercises), then every answer of every stage,
    records in full: for a coach."""
    from careerpath.views import report

    out = [report.to_markdown(built).rstrip(), "", "# Everything I have written down", ""]
    for stage in workbook.definition.stages:
        out += [f"## {escape(stage.title)}", ""]
        out += [*_answers_markdown(stage.questions, workbook.answers_for(stage)), ""]
    if workbook.program is not None:
        out += _program_markdown(workbook)
    credits = _pack_credits(workbook, built.exercises)
    if credits:
        out += ["## Credits", "", *(f"{escape(line)}\n" for line in credits)]
    return "\n".join(out).rstrip() + "\n"


def _pack_credits(workbook: Workbook, exercises: dict[str, Any] | None = None) -> list[str]:
    """The O*NET® and BLS credit lines, when a target job was filled from the pack or the
    exercises' suggestions (pack occupations) are exported."""
    suggested = bool(exercises and exercises.get("suggestions"))
    if not suggested and not any(t.get("occupation") for t in records.stored(workbook, "targets")):
        return []
    from careerpath.occupations import BLS_CREDIT, ONET_CREDIT

    return [ONET_CREDIT, BLS_CREDIT]


def _answers_markdown(questions: Sequence[Question], answers: dict[str, Any]) -> list[str]:
    """Every answered question, records in full; "Nothing yet." when none is."""
    answered = [q for q in questions if q.is_answered(answers.get(q.id))]
    if not answered:
        return ["*Nothing yet.*"]
    out: list[str] = []
    for question in answered:
        value = answers[question.id]
        if question.kind == "records":
            out += [f"### {escape(question.title)}", ""]
            for record in value:
                out += _record_markdown(question, record)
        elif "\n" in question.format(value):
            paragraph = escape(question.format(value), own_line=True)
            out += [f"**{escape(question.title)}**", "", paragraph, ""]
        else:
            out += [f"- **{escape(question.title)}:** {escape(question.format(value))}"]
    return out


def _program_markdown(workbook: Workbook) -> list[str]:
    """The program in full: plan, intake, goals with their history, homework, every
    check-in and the closing re-assessment."""
    from careerpath.workbook import program_file

    found = workbook.program
    assert found is not None
    asked = program_file.questions_of(workbook.definition)
    plan = found.program
    out = ["## Program", "", f"- **Start:** {plan.start}", f"- **Months planned:** {plan.months}"]
    for change in plan.changes:
        more = f", {change.months} months" if change.months else ""
        why = f": {escape(change.reason)}" if change.reason else ""
        out.append(f"- **{change.kind.capitalize()}** {change.date}{more}{why}")
    if plan.reassessed:
        out.append(f"- **Re-assessed:** {plan.reassessed}")
    out += ["", "### Intake", "", *_answers_markdown(asked.intake, found.intake), ""]
    out += ["### Goals", ""]
    for goal in found.goals:
        closed = f", {goal.closed}" if goal.closed else ""
        out.append(f"- {goal.id} {escape(goal.text)}: {goal.status}{closed} (added {goal.added})")
        out += [
            f"  - was “{escape(change.text)}” until {change.date}: {escape(change.reason)}"
            for change in goal.history
        ]
    out += [*([] if found.goals else ["*None yet.*"]), "", "### Homework", ""]
    for item in found.homework:
        dates = [
            f"due {item.due}" if item.due else "",
            f"snoozed to {item.snoozed}" if item.snoozed else "",
            f"done {item.done}" if item.done else "",
        ]
        shown = ", ".join(d for d in dates if d)
        out.append(f"- {item.id} {escape(item.text)}" + (f": {shown}" if shown else ""))
    out += [*([] if found.homework else ["*None yet.*"]), ""]
    for checkin in found.checkins:
        out += [
            f"### Check-in {checkin.date}",
            "",
            *_answers_markdown(asked.checkin, checkin.answers),
            "",
        ]
    if found.closing:
        out += [
            "### Closing re-assessment",
            "",
            *_answers_markdown(asked.intake, found.closing),
            "",
        ]
    return out


def _record_markdown(question: Question, record: dict[str, Any]) -> list[str]:
    out = [f"#### {escape(question.record_label(record))}", ""]
    nested = {"history", "conversations", "interviews", "negotiation"}
    for key, value in record.items():
        if key in nested or key == "id":
            continue
        if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
            # One item a line: an item holding "; " or "," stays one item.
            out.append(f"- **{escape(_title(key))}:**")
            out += [f"  - {escape(_text(item), own_line=True)}" for item in value]
            continue
        out.append(f"- **{escape(_title(key))}:** {escape(_text(value))}")
    for key in ("history", "interviews", "conversations", "negotiation"):
        items = record.get(key)
        if not items:
            continue
        out += ["", f"*{_title(key)}:*", ""]
        titles = _PLANNED_THEN if key == "conversations" else {}
        for item in items:
            out.append(
                "- "
                + "; ".join(
                    f"{titles.get(k) or _title(k)}: {escape(_text(v))}" for k, v in item.items()
                )
            )
    out.append("")
    return out


_TITLES = {
    "values_fit": "Overall fit",
    "fit": "Fit by value",
    "ratings": "Ratings by value",
    "needs": "Needs judged",
    "follow_up": "Follow up",
    "next_action_due": "Next action due",
    "base_pay": "Base pay",
    "start_date": "Start date",
    "open_questions": "Open questions",
    "snoozed": "Snoozed to",
    "snoozed_until": "Not stale before",
    "how_known": "How known",
    "work_mode": "Way of working",
}


_PLANNED_THEN = {"next_step": "Next step planned then", "follow_up": "By"}
"""A conversation's next step is history; the contact's own is the open one."""


def _title(key: str) -> str:
    return _TITLES.get(key, key.replace("_", " ").capitalize())


def _text(value: Any) -> str:
    """A stored value as one line of text."""
    if isinstance(value, dict):
        if {"amount", "currency"} <= value.keys():
            from careerpath.core.money import Money, format_money

            return format_money(Money.model_validate(value))
        if {"low", "high", "currency"} <= value.keys():
            from careerpath.core.money import MoneyRange, format_money_range

            return format_money_range(MoneyRange.model_validate(value))
        return ", ".join(f"{k} {_text(v)}" for k, v in value.items())
    if isinstance(value, list):
        return "; ".join(_text(item) for item in value)
    if isinstance(value, dt.datetime):
        return format_when(value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).replace("\n", " ")


# --- CSV -------------------------------------------------------------------------------------

_COLUMNS: dict[str, list[str]] = {
    "targets": [
        "id", "title", "field", "education", "tasks", "salary_low", "salary_high",
        "salary_currency", "salary_period", "pay_low_per_year", "pay_high_per_year", "outlook",
        "fit", "values_rated", "values_fit", "sources", "open_questions", "notes",
        "occupation",
    ],
    "contacts": [
        "id", "name", "organisation", "role", "warmth", "how_known", "channel", "targets",
        "status", "next_step", "follow_up", "snoozed", "conversations", "last_conversation",
        "notes",
    ],
    "conversations": [
        "contact_id", "contact", "date", "channel", "summary", "learned", "next_step",
        "follow_up",
    ],
    "applications": [
        "id", "employer", "role", "status", "since", "target", "source", "contact", "link",
        "documents", "next_action", "next_action_due", "snoozed", "stale_since", "notes",
    ],
    "application_history": ["application_id", "employer", "role", "date", "status", "note"],
    "interviews": [
        "application_id", "employer", "number", "at", "round", "format", "interviewers", "prep",
        "questions", "reflection", "done",
    ],
    "offers": [
        "id", "employer", "role", "application", "base_pay", "currency", "bonus", "equity",
        "benefits", "start_date", "deadline", "work_mode", "hours", "status", "responded",
        "score", "notes",
    ],
    "negotiation": ["offer_id", "employer", "date", "asked", "answer"],
    "homework": ["id", "text", "stage", "added", "due", "snoozed", "done", "source"],
    "answers": ["stage", "question", "label", "answer", "json"],
}  # fmt: skip


def tables(workbook: Workbook, today: dt.date) -> dict[str, list[dict[str, Any]]]:
    """Rows for each CSV file, by file name (without .csv)."""
    info = derived(workbook, today)
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in _COLUMNS}
    for target in records.models("targets", records.stored(workbook, "targets")):
        pay = target.salary
        extra = info["targets"][target.id]
        rows["targets"].append(
            {
                **_plain_fields(target, ("salary", "fit")),
                "salary_low": pay.low if pay else None,
                "salary_high": pay.high if pay else None,
                "salary_currency": pay.currency if pay else None,
                "salary_period": pay.period if pay else None,
                "pay_low_per_year": extra["pay_low_per_year"],
                "pay_high_per_year": extra["pay_high_per_year"],
                "fit": extra["fit"],
                "values_rated": extra["values_rated"],
            }
        )
    for contact in records.models("contacts", records.stored(workbook, "contacts")):
        extra = info["contacts"][contact.id]
        rows["contacts"].append(
            {
                **_plain_fields(contact, ("conversations", "message")),
                "status": contact.current_status,
                "conversations": extra["conversations"],
                "last_conversation": extra["last_conversation"],
            }
        )
        for talk in contact.conversations or []:
            rows["conversations"].append(
                {"contact_id": contact.id, "contact": contact.name, **talk.model_dump()}
            )
    for app in records.models("applications", records.stored(workbook, "applications")):
        extra = info["applications"][app.id]
        moved = app.history[-1].date if app.history else None
        rows["applications"].append(
            {
                **_plain_fields(app, ("history", "interviews")),
                "status": app.status,
                "since": moved,
                "stale_since": extra["stale_since"],
            }
        )
        for move in app.history or []:
            rows["application_history"].append(
                {"application_id": app.id, "employer": app.employer, "role": app.role}
                | move.model_dump()
            )
        for number, interview in enumerate(app.interviews or [], start=1):
            rows["interviews"].append(
                {"application_id": app.id, "employer": app.employer, "number": number}
                | interview.model_dump()
            )
    for offer in records.models("offers", records.stored(workbook, "offers")):
        bonus = offer.bonus
        rows["offers"].append(
            {
                **_plain_fields(offer, ("negotiation", "ratings", "needs", "base_pay", "bonus")),
                "base_pay": offer.base_pay.amount if offer.base_pay else None,
                "currency": offer.base_pay.currency if offer.base_pay else None,
                "bonus": _text(bonus.model_dump()) if hasattr(bonus, "model_dump") else bonus,
                "status": offer.current_status,
                "score": info["offers"][offer.id]["score"],
            }
        )
        for exchange in offer.negotiation or []:
            rows["negotiation"].append(
                {"offer_id": offer.id, "employer": offer.employer} | exchange.model_dump()
            )
    if workbook.program is not None:
        rows["homework"] = [item.model_dump() for item in workbook.program.homework]
    for stage in workbook.definition.stages:
        answers = workbook.answers_for(stage)
        for question in stage.questions:
            value = answers.get(question.id)
            if question.record_type or not question.is_answered(value):
                continue
            if question.kind == "records":  # a coach's own records: their fields as columns
                name = question.id if question.id not in _COLUMNS else f"{stage.id}-{question.id}"
                rows.setdefault(name, []).extend(value or [])
                continue
            rows["answers"].append(
                {
                    "stage": stage.id,
                    "question": question.id,
                    "label": question.title,
                    "answer": question.format(value),
                    "json": _json_cell(value),
                }
            )
    return rows


def _plain_fields(model: Any, leave_out: Iterable[str]) -> dict[str, Any]:
    data: dict[str, Any] = model.model_dump()
    for key in leave_out:
        data.pop(key, None)
    return data


def _cell(value: Any) -> str:
    """A CSV cell; text a person wrote never starts a formula (see ``for_csv``). A list (or
    a table other than an amount of money) is JSON, so an item holding ``;`` or ``,`` stays
    one item: ``["Writing; editing", "Teaching"]``."""
    if value is None:
        return ""
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else f"{value:.2f}"
    if isinstance(value, (int, bool)):
        return _text(value)
    if isinstance(value, list) or (isinstance(value, dict) and not _is_money(value)):
        return _json_cell(value)
    return for_csv(value if isinstance(value, str) else _text(value))


def _json_cell(value: Any) -> str:
    """``value`` as one line of JSON; it starts with ``[``, ``{`` or ``"``, never a formula."""
    import json

    from careerpath.views.report_model import json_value

    return for_json(json.dumps(value, ensure_ascii=False, default=json_value))


def _is_money(value: dict[str, Any]) -> bool:
    return {"amount", "currency"} <= value.keys() or {"low", "high", "currency"} <= value.keys()


def write_csv(workbook: Workbook, today: dt.date, folder: Path) -> list[Path]:
    """One CSV file per kind of record (and one for the other answers) in ``folder``.

    UTF-8 with a byte-order mark, so spreadsheet programs read accents right; every file is
    written even when empty, so a spreadsheet linked to them keeps working. With a target
    filled from the occupation pack, ``credits.txt`` carries the O*NET® and BLS credit."""
    import csv
    import io

    from careerpath.core.errors import InvalidInput
    from careerpath.storage import tomlio

    if folder.exists() and not folder.is_dir():
        raise InvalidInput(f"{folder} is a file; CSV export needs a folder to write into")
    written = []
    for name, rows in tables(workbook, today).items():
        columns = _COLUMNS.get(name) or list(dict.fromkeys(k for row in rows for k in row))
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, columns, extrasaction="ignore", lineterminator="\r\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({column: _cell(row.get(column)) for column in columns})
        path = folder / f"{name}.csv"
        try:
            tomlio.write_atomic(path, "\ufeff" + buffer.getvalue())
        except OSError as error:
            raise InvalidInput(f"cannot write {path}: {error.strerror}") from None
        written.append(path)
    credits = _pack_credits(workbook)
    if credits:  # the pack's data is in targets.csv: its licence asks for the credit with it
        path = folder / "credits.txt"
        try:
            tomlio.write_atomic(path, "\n\n".join(credits) + "\n")
        except OSError as error:
            raise InvalidInput(f"cannot write {path}: {error.strerror}") from None
        written.append(path)
    return written


# --- iCalendar -------------------------------------------------------------------------------

CALENDAR_RECORD = Path(".exports") / "calendar.toml"
"""Under the home: what the last iCalendar export put in a calendar (see ``CalendarRecord``)."""

CANCELLED_KEPT = dt.timedelta(days=90)
"""How long a cancelled event is still written out, for a calendar that missed an export."""

_RECORD_HEADER = """\
careerpath calendar record: each event the iCalendar export has written, so that the next
export can cancel what was done or removed since, and number each change (SEQUENCE).
Written by `careerpath export --format ics`; deleting it only means done items are no longer
cancelled in a calendar that imported them."""


class ExportedEvent(BaseModel):
    """One event as the last export wrote it."""

    model_config = ConfigDict(extra="forbid")

    sequence: int = Field(0, ge=0)
    start: dt.datetime | dt.date
    summary: str
    cancelled: dt.date | None = None
    """The day an export first wrote it as cancelled (done or removed in careerpath)."""


class CalendarRecord(BaseModel):
    """Every event written by earlier exports, by UID."""

    model_config = ConfigDict(extra="forbid")

    events: dict[str, ExportedEvent] = {}


def person_timezone() -> str | None:
    """The person's time zone as a zoneinfo key (``Europe/Berlin``): ``CAREERPATH_TIMEZONE``,
    else the ``timezone`` setting (``careerpath config``), else ``TZ``, else the zone
    ``/etc/localtime`` links to; None when none is known (times
    are then written as floating local times).

    Raises:
        InvalidInput: ``CAREERPATH_TIMEZONE`` names no time zone.
    """
    import os

    from careerpath.core.errors import InvalidInput

    chosen = os.environ.get("CAREERPATH_TIMEZONE", "").strip()
    if chosen:
        if not _known_zone(chosen):
            raise InvalidInput(
                f"CAREERPATH_TIMEZONE={chosen!r} is not a time zone",
                hint="Use a name like Europe/Berlin or America/New_York.",
            )
        return chosen
    from careerpath.core import config

    setting = config.value("timezone")
    if setting:
        return str(setting)
    candidates = [os.environ.get("TZ", "").strip().removeprefix(":")]
    try:
        link = os.readlink("/etc/localtime")
    except OSError:
        link = ""
    if "zoneinfo/" in link:
        candidates.append(link.rsplit("zoneinfo/", 1)[1])
    return next((key for key in candidates if key and _known_zone(key)), None)


def _known_zone(key: str) -> bool:
    import zoneinfo

    try:
        zoneinfo.ZoneInfo(key)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return False
    return True


def read_calendar_record(root: Path) -> CalendarRecord:
    """The record under the home ``root``; empty when there is none yet."""
    from careerpath.storage import tomlio
    from careerpath.storage.folder import validate

    path = root / CALENDAR_RECORD
    if not path.exists():
        return CalendarRecord()
    raw, text = tomlio.read(path)
    hint = "Fix it by hand, or delete it: the next export then starts a new record."
    return validate(CalendarRecord, raw, text, path, hint)


def write_calendar_record(root: Path, record: CalendarRecord) -> None:
    """Keep ``record`` under the home ``root`` (atomically, private like every file there)."""
    from careerpath.storage import tomlio

    path = root / CALENDAR_RECORD
    tomlio.ensure_dir(path.parent)
    tomlio.write_atomic(path, tomlio.dumps(record.model_dump(exclude_none=True), _RECORD_HEADER))


def to_ics(
    workbook: Workbook,
    today: dt.date,
    items: Sequence[DueItem],
    record: CalendarRecord | None = None,
    *,
    zone: str | None = None,
    remind: bool = True,
) -> tuple[str, CalendarRecord]:
    """Every open dated item as a calendar event, and the record for the next export.

    Each event's UID is stable, so importing a newer export updates the events instead of
    doubling them. An event whose date or title changed since ``record`` gets a higher
    SEQUENCE; one in ``record`` that is no longer open (done, or its record removed) is
    written again as cancelled, with a higher SEQUENCE, for ``CANCELLED_KEPT``. Interviews
    last an hour from their time, in ``zone`` (a TZID with its VTIMEZONE) or floating when
    None; other items are all-day. ``remind`` adds an alarm the day before (at 9:00 for an
    all-day item)."""
    import icalendar

    from careerpath import __version__

    record = record or CalendarRecord()
    tz = None
    if zone is not None:
        import zoneinfo

        tz = zoneinfo.ZoneInfo(zone)
    calendar = icalendar.Calendar()
    calendar.add("prodid", f"-//careerpath//careerpath {__version__}//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", for_ics(workbook.definition.title))
    stamp = dt.datetime.now(dt.UTC).replace(microsecond=0)
    created = workbook.state.created.strftime("%Y%m%dT%H%M%S")
    kept: dict[str, ExportedEvent] = {}
    timed: list[dt.datetime] = []
    for item in items:
        if item.what == "stale":
            continue  # a flag for the agenda, not something to put in a calendar
        uid = f"{item.id}.{created}@careerpath"
        start: dt.date | dt.datetime = item.due if item.at is None else _local(item.at, tz)
        title = for_ics(item.title)
        kept[uid] = _next_version(record.events.get(uid), start, title)
        event = _event(uid, stamp, kept[uid], tz)
        event.add("categories", [item.what])
        event.add(
            "description",
            for_ics(f"{item.what} ({item.id}) from careerpath. Done: careerpath done {item.id}"),
        )
        if isinstance(start, dt.datetime):
            event.add("duration", dt.timedelta(hours=1))
            timed.append(start)
        else:
            event.add("dtend", start + dt.timedelta(days=1))
        if remind:
            event.add_component(_alarm(title, timed=isinstance(start, dt.datetime)))
        calendar.add_component(event)
    for uid, was in record.events.items():
        if uid in kept or (was.cancelled and today - was.cancelled > CANCELLED_KEPT):
            continue
        if was.cancelled is None:
            was = was.model_copy(update={"sequence": was.sequence + 1, "cancelled": today})
        kept[uid] = was
        event = _event(uid, stamp, was, tz)
        event.add("status", "CANCELLED")
        event.add("description", "Done or removed in careerpath.")
        if isinstance(was.start, dt.datetime):
            event.add("duration", dt.timedelta(hours=1))
            timed.append(event.decoded("dtstart"))
        else:
            event.add("dtend", was.start + dt.timedelta(days=1))
        calendar.add_component(event)
    if tz is not None and any(start.tzinfo is not None for start in timed):
        first, last = min(timed).date(), max(timed).date()
        definition = icalendar.Timezone.from_tzinfo(
            tz,
            tzid=zone,
            first_date=first.replace(year=first.year - 1, day=1),
            last_date=last.replace(year=last.year + 1, day=1),
        )
        calendar.subcomponents.insert(0, definition)  # before the events that use it
    text: str = calendar.to_ical().decode("utf-8")
    return text, CalendarRecord(events=kept)


def _local(at: dt.datetime, tz: dt.tzinfo | None) -> dt.datetime:
    """An interview's time in the person's zone: a time typed without a zone is theirs."""
    if tz is None:
        return at.replace(tzinfo=None) if at.tzinfo is None else at.astimezone(dt.UTC)
    return at.replace(tzinfo=tz) if at.tzinfo is None else at.astimezone(tz)


def _next_version(
    was: ExportedEvent | None, start: dt.date | dt.datetime, title: str
) -> ExportedEvent:
    """The event as written now: its SEQUENCE goes up when it moved, was renamed or comes
    back after being cancelled, so a calendar takes the change."""
    now = ExportedEvent(start=start, summary=title)
    if was is None:
        return now
    same = was.cancelled is None and (was.start, was.summary) == (start, title)
    return now.model_copy(update={"sequence": was.sequence + (0 if same else 1)})


def _event(uid: str, stamp: dt.datetime, version: ExportedEvent, tz: dt.tzinfo | None) -> Any:
    """An event's common lines; a time kept with its offset is shown in the zone ``tz``."""
    import icalendar

    start = version.start
    if isinstance(start, dt.datetime) and start.tzinfo is not None and tz is not None:
        start = start.astimezone(tz)

    event = icalendar.Event()
    event.add("uid", uid)
    event.add("dtstamp", stamp)
    event.add("sequence", version.sequence)
    event.add("summary", version.summary)
    event.add("dtstart", start)
    return event


def _alarm(title: str, *, timed: bool) -> Any:
    """A reminder the day before: at the same time for an interview, at 9:00 for an all-day
    item (its start is midnight)."""
    import icalendar

    alarm = icalendar.Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", f"Tomorrow: {title}")
    alarm.add("trigger", -dt.timedelta(days=1) if timed else -dt.timedelta(hours=15))
    return alarm
