"""A coach's view of a group: ``careerpath report --group DIR``, one row per client folder.

Read-only: each client's home is loaded exactly as ``careerpath report`` would load it, with no
lock and no write, so it is safe while clients work. A folder that is broken or half-written
(a file mid-copy, a hand edit gone wrong, no workbook yet) becomes a row with its error and
never stops the others.

Who needs attention first: a broken folder, then clients by how many of these hold, then by how
far behind they are, their overdue homework and how long they have been quiet:

* **behind**: two weeks or more behind their program's schedule;
* **overdue**: anything in their ``careerpath due`` past its date: follow-ups, next actions,
  interviews to reflect on, offer deadlines, stale applications, homework;
* **quiet**: no recorded activity for 14 days or more;
* **time up**: the program's time is over and the closing re-assessment has not been done.

"Last activity" comes only from dates saved in the files (stage begun, last worked on and
completed; conversations logged, application moves and interviews, negotiation rounds; program
start and changes; goals, homework and check-ins), never from file times, which a copy, a sync
or a git checkout resets.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from careerpath.core.errors import CareerpathError, InvalidFiles, NotFound, NoWorkbook
from careerpath.core.values import format_day, plural
from careerpath.views import due
from careerpath.views.next_step import one_next
from careerpath.workbook import engine
from careerpath.workbook.home import Home
from careerpath.workbook.models import Workbook

BEHIND_WEEKS = 2
QUIET_DAYS = 14


@dataclass(frozen=True)
class ClientRow:
    client: str
    """The client's folder name."""
    error: str | None = None
    """Why the folder could not be read; the other fields are then empty."""
    stage: str | None = None
    stage_title: str | None = None
    percent: int | None = None
    program_week: int | None = None
    program_weeks: int | None = None
    standing: str | None = None
    """on track / behind / ahead / not started; None without a program."""
    schedule: str | None = None
    delta_weeks: float | None = None
    overdue: int = 0
    last_activity: date | None = None
    days_inactive: int | None = None
    attention: list[str] = field(default_factory=list)
    """Why this client needs attention, most important first; empty when all is well."""
    next_step: str | None = None
    """The client's one next step, as their own report says it."""
    interest_code: str | None = None
    """The three-letter code of a finished interest inventory (``careerpath interests``)."""


@dataclass(frozen=True)
class GroupReport:
    generated: date
    folder: str
    clients: list[ClientRow]
    report_version: int = 1


def last_activity(workbook: Workbook, today: date) -> date | None:
    """The latest date, up to today, that the saved files record as something the person did."""
    found = [workbook.state.created.date()]
    for saved in workbook.state.stages.values():
        found += [d for d in (saved.started, saved.worked, saved.completed) if d]
    found += record_dates(workbook)
    if workbook.program is not None:
        from careerpath.program.plan import activity_dates

        found += activity_dates(workbook.program)
    past = [day for day in found if day <= today]
    return max(past, default=None)


def record_dates(workbook: Workbook) -> list[date]:
    """Dates in the records that say the person did something: conversations logged,
    application moves and interviews, negotiation rounds and offers answered. (Dates still
    to come, such as follow-ups, are what is due, not activity.)"""
    from careerpath.tracking import records

    found: list[date] = []
    for name in ("contacts", "applications", "offers"):
        where = records.locate(workbook.definition, name)
        if where is None:
            continue
        for record in records.models(name, workbook.answers_for(where[0]).get(where[1].id)):
            if name == "contacts":
                found += [talk.date for talk in record.conversations or []]
            elif name == "applications":
                found += [move.date for move in record.history or [] if move.date]
                found += [interview.day for interview in record.interviews or []]
            else:
                found += [exchange.date for exchange in record.negotiation or [] if exchange.date]
                found += [record.responded] if record.responded else []
    return found


def client_row(name: str, workbook: Workbook, today: date) -> ClientRow:
    progress = engine.all_progress(workbook)
    percents = [p.percent for p in progress]
    current = engine.current_stage(workbook)
    last = last_activity(workbook, today)
    quiet = (today - last).days if last else None
    week = weeks = standing = schedule = delta = None
    overdue = sum(item.due < today for item in due.collect(workbook, today))
    behind, time_up = 0, False
    if workbook.program is not None:
        from careerpath.program import plan as programs

        plan = workbook.program.program
        timing = programs.schedule(plan, today, programs.work_percents(progress))
        week, weeks, standing = timing.week, timing.weeks, timing.standing
        schedule, delta = timing.describe(), round(timing.delta_weeks, 1)
        behind = round(-timing.delta_weeks) if timing.standing == "behind" else 0
        time_up = programs.is_over(plan, today) and plan.reassessed is None
    attention: list[str] = []
    if behind >= BEHIND_WEEKS:
        attention.append(f"behind {behind} weeks")
    if overdue:
        attention.append(f"{overdue} overdue")
    if time_up:
        attention.append("time up, no closing re-assessment")
    if quiet is not None and quiet >= QUIET_DAYS:
        attention.append(f"quiet {quiet} days")
    return ClientRow(
        client=name,
        stage=current.id if current else None,
        stage_title=current.title if current else "all complete",
        percent=round(sum(percents) / len(percents)) if percents else 0,
        program_week=week,
        program_weeks=weeks,
        standing=standing,
        schedule=schedule,
        delta_weeks=delta,
        overdue=overdue,
        last_activity=last,
        days_inactive=quiet,
        attention=attention,
        next_step=one_next(workbook, today),
    )


def interest_code(home: Home) -> str | None:
    """The client's interest code, when they finished the inventory."""
    from careerpath.instruments import interests, store

    if not store.path(home).exists():
        return None
    found = store.read(home).interests
    if found is None or found.finished is None:
        return None
    return interests.score(found.answers).code


def error_row(root: Path, error: Exception) -> ClientRow:
    """A client whose folder cannot be read: the first problem, its file named inside the
    client's folder."""
    if isinstance(error, InvalidFiles):
        first = error.problems[0]
        try:
            where = str(first.file.relative_to(root))
        except ValueError:
            where = str(first.file)
        if first.line is not None:
            where += f":{first.line}"
        field_ = f" {first.field}:" if first.field else ""
        more = f" (and {len(error.problems) - 1} more)" if len(error.problems) > 1 else ""
        message = f"{where}:{field_} {first.message}{more}"
    elif isinstance(error, NoWorkbook):
        message = "no workbook.toml: not started yet, or not fully copied"
    elif isinstance(error, CareerpathError):
        message = error.message
    else:
        message = f"{type(error).__name__}: {error}"
    return ClientRow(client=root.name, error=message, attention=["cannot be read"])


def _order(row: ClientRow) -> tuple[Any, ...]:
    behind = -(row.delta_weeks or 0) if row.standing == "behind" else 0
    return (
        row.error is None,
        -len(row.attention),
        -behind,
        -row.overdue,
        -(row.days_inactive or 0),
        row.client.casefold(),
    )


def build(folder: Path, today: date) -> GroupReport:
    """One row per client folder in ``folder``, those needing attention first."""
    if not folder.is_dir():
        raise NotFound(
            f"there is no folder {folder}",
            hint="Give the folder that holds one home folder per client.",
        )
    rows = []
    for path in sorted(p for p in folder.iterdir() if p.is_dir() and not p.name.startswith(".")):
        try:
            home = Home(path, write_cache=False)
            row = client_row(path.name, home.load(), today)
            rows.append(dataclasses.replace(row, interest_code=interest_code(home)))
        except Exception as error:  # one client's folder never stops the others
            rows.append(error_row(path, error))
    return GroupReport(generated=today, folder=str(folder), clients=sorted(rows, key=_order))


# --- renderers -------------------------------------------------------------------------------


def _week(row: ClientRow) -> str:
    if row.program_weeks is None:
        return "—"
    return f"{row.program_week}/{row.program_weeks}"


def _quiet(row: ClientRow) -> str:
    return "—" if row.days_inactive is None else f"{row.days_inactive}d"


def _schedule(row: ClientRow) -> str:
    if row.schedule is None:
        return "no program"
    if row.standing == "ended":
        return "ended"
    return row.schedule.replace("by about ", "").replace(" weeks", "w").replace(" week", "w")


def _cells(row: ClientRow) -> list[str]:
    if row.error is not None:
        return [row.client, "—", "—", "—", "—", "—", "—", "—", f"cannot be read: {row.error}"]
    return [
        row.client,
        row.interest_code or "—",
        row.stage_title or "",
        f"{row.percent}%",
        _week(row),
        _schedule(row),
        str(row.overdue),
        _quiet(row),
        ", ".join(row.attention) or "—",
    ]


HEADERS = [
    "Client",
    "Code",
    "Stage",
    "Done",
    "Week",
    "Schedule",
    "Overdue",
    "Quiet",
    "Needs attention",
]


def summary(report: GroupReport) -> str:
    broken = sum(row.error is not None for row in report.clients)
    attention = sum(bool(row.attention) for row in report.clients)
    need = "needs" if attention == 1 else "need"
    text = f"{plural(len(report.clients), 'client')} · {attention} {need} attention"
    if broken:
        text += f" · {broken} cannot be read"
    return text


def to_markdown(report: GroupReport) -> str:
    from careerpath.core.safe_text import for_markdown_cell

    out = [
        f"# Clients in {for_markdown_cell(Path(report.folder).name)}",
        "",
        f"*{format_day(report.generated)} · {summary(report)}*",
        "",
        "| " + " | ".join(HEADERS) + " |",
        "|" + "---|" * len(HEADERS),
    ]
    for row in report.clients:
        out.append("| " + " | ".join(for_markdown_cell(cell) for cell in _cells(row)) + " |")
    nexts = [row for row in report.clients if row.next_step]
    if nexts:
        out += ["", "## Next for each client", ""]
        out += [
            f"- **{for_markdown_cell(r.client)}:** {for_markdown_cell(r.next_step or '')}"
            for r in nexts
        ]
    out += ["", _LEGEND, ""]
    return "\n".join(out)


_LEGEND = (
    "Code: interest code (`careerpath interests`). "
    "Done: share of the stages' questions dealt with. Week: program week of all weeks. "
    "Overdue: items of `careerpath due` past their date (follow-ups, next actions, offer "
    "deadlines, stale applications, homework...). Quiet: days since the last recorded activity "
    "(answers, conversations, application moves, check-ins...). Needs attention: "
    f"{BEHIND_WEEKS}+ weeks behind schedule, anything overdue, {QUIET_DAYS}+ days quiet, or a "
    "program whose time is up without its closing re-assessment."
)


def render(report: GroupReport, console: Any) -> None:
    from rich.text import Text

    from careerpath.views import tables

    title = Text(f"Clients in {report.folder}", style="bold")
    title.append(f"  ·  {format_day(report.generated)}  ·  {summary(report)}", style="dim")
    console.print(title)
    rows = []
    for row in report.clients:
        style = "red" if row.error else ("yellow" if row.attention else "")
        rows.append([(cell, style) for cell in _cells(row)])
    right = [HEADERS.index(name) for name in ("Done", "Week", "Overdue", "Quiet")]
    tables.columns(console, rows, HEADERS, wrap=True, right=right)
    for row in report.clients:
        if row.next_step:
            line = Text(f"{row.client}: ", style="bold")
            line.append(f"Next: {row.next_step}")
            console.print(line)
    console.print(Text(_LEGEND, style="dim"))
