"""Where a person stands: the report built from the workbook, then rendered.

The report's shape is ``report_model``, which the section modules (``tracking_report``,
``program_report``) also import; this module puts the sections together. ``build`` is pure.
``to_json`` is a stable, documented contract (README, "Report JSON"); ``to_markdown`` is for
sharing with a coach; ``render`` prints it in the terminal with rich. Fields are only ever
added to the JSON, never renamed or removed, within a report_version.
"""

from __future__ import annotations

import dataclasses
from datetime import date
from typing import TYPE_CHECKING, Any

from careerpath.core.safe_text import for_markdown, for_markdown_cell
from careerpath.core.values import format_day
from careerpath.views.report_model import (
    KeyAnswer,
    Report,
    StageLine,
    WorkLine,
)

if TYPE_CHECKING:
    from collections.abc import Iterator

    from careerpath.views.group import GroupReport
    from careerpath.workbook.agenda import DueItem
    from careerpath.workbook.home import Home
    from careerpath.workbook.models import Workbook


def of_home(home: Home, today: date) -> Report:
    """The report of the workbook in ``home`` as of ``today``, to show (as text or Markdown):
    kept in the home's cache while nothing it is worked out from changes (``Home.derived``),
    so that a report of 10,000 records does not read them again. Its key answers hold their
    text, not the answers themselves (``json_of_home`` has those)."""
    from careerpath.instruments import store

    def shown() -> Report:
        built = _of_workbook(home, today)
        answers = [dataclasses.replace(answer, value=None) for answer in built.key_answers]
        return dataclasses.replace(built, key_answers=answers)  # 8 MB less to keep at 10k

    return home.derived(
        "report",
        today.isoformat(),
        shown,
        also=[store.path(home)],
        modules=("careerpath.views.report_model", "careerpath.program.plan"),
    )


def json_of_home(home: Home, today: date) -> Iterator[bytes]:
    """``to_json`` of the report of ``home`` in UTF-8, kept in its cache as ``of_home`` keeps
    that."""
    from careerpath.instruments import store
    from careerpath.views import json_text

    def text() -> list[bytes]:
        import careerpath.tracking.records  # noqa: F401  (registers the record types)

        built, _ = of_workbook(home, home.load(), today)
        return [json_text.encode(plain(built))]

    return home.derived_text("report-json", today.isoformat(), text, also=[store.path(home)])


def of_workbook(home: Home, workbook: Workbook, today: date) -> tuple[Report, list[DueItem]]:
    """The report of ``workbook`` (read from ``home`` while a result is worked out) with
    the answers of its key answers, and the due items it was made from: those ``of_home``
    and ``due.of_home`` keep while the home's files are still as ``workbook`` was read from
    them (``Home.still_as_read``), else both worked out from ``workbook``, so that what is
    shown is never made of two states of the home."""
    from careerpath.views import due

    kept, items = of_home(home, today), due.of_home(home, today)
    if not home.still_as_read(workbook):  # changed meanwhile: all of it from one reading
        from careerpath.tracking.records import reading_only

        with reading_only():
            items = due.collect(workbook, today)
        return _of(home, workbook, today, items), items
    answers = [
        dataclasses.replace(answer, value=workbook.answers_for(answer.stage)[answer.question])
        for answer in kept.key_answers
    ]
    return dataclasses.replace(kept, key_answers=answers), items


def _of_workbook(home: Home, today: date) -> Report:
    """The report of the workbook in ``home``, read afresh, with the exercises' section."""
    import careerpath.tracking.records  # noqa: F401  (registers the record types)
    from careerpath.views import due

    workbook = home.load()
    return _of(home, workbook, today, due.of_workbook(home, workbook, today))


def _of(home: Home, workbook: Workbook, today: date, items: list[DueItem]) -> Report:
    """The report of ``workbook``, read from ``home``, with the exercises' section, from
    its due items."""
    from careerpath.tracking.records import reading_only  # registers the record types
    from careerpath.views.instruments import exercises_section

    with reading_only():  # it only reads: the stored records, not models built again
        built = build(workbook, today, items)
    exercises = exercises_section(home, workbook)
    return built if exercises is None else dataclasses.replace(built, exercises=exercises)


def build(workbook: Workbook, today: date, items: list[DueItem] | None = None) -> Report:
    """The report for ``workbook`` as of ``today``; no I/O. ``items``: what
    ``due.collect`` gives, when the caller has it already."""
    from careerpath.views import due
    from careerpath.views.next_step import one_next
    from careerpath.workbook import engine

    if items is None:  # once: the next step and the due section share it
        items = due.collect(workbook, today)
    progress = engine.all_progress(workbook)
    lines = [
        StageLine(
            id=p.stage.id,
            number=p.number,
            title=p.stage.title,
            status=p.status,
            answered=p.answered,
            required=p.required,
            required_answered=p.required_answered,
            skipped=p.skipped,
            total=p.total,
            percent=p.percent,
            started=p.started,
            completed=p.completed,
            questions_percent=p.questions_percent,
            work=[
                WorkLine(
                    label=piece.rule.label,
                    have=piece.have,
                    need=piece.need,
                    done=piece.done,
                    command=piece.rule.command,
                )
                for piece in p.work
            ],
            ready=p.status != "complete" and p.ready,
        )
        for p in progress
    ]
    current = engine.current_stage(workbook)
    program = None
    if workbook.program is not None:
        from careerpath.program import plan as programs
        from careerpath.views.tracking_report import work_counts

        talks, sent = work_counts(workbook)
        program = programs.section(
            workbook,
            today,
            programs.work_percents(progress),
            conversations=talks,
            applications=sent,
        )
    # Answered as progress found (a list of 10,000 records is checked once, there).
    answered = {p.stage.id: p.answered_ids for p in progress}
    key_answers = [
        KeyAnswer(
            stage=stage.id,
            question=question.id,
            label=question.title,
            text=question.format(value),
            value=value,
        )
        for stage in workbook.definition.stages
        for question in stage.questions
        if question.summary and question.id in answered[stage.id]
        for value in [workbook.answers_for(stage)[question.id]]
    ]
    return Report(
        generated=today,
        workbook={
            "id": workbook.definition.id,
            "version": workbook.definition.version,
            "title": workbook.definition.title,
        },
        current_stage=current.id if current else None,
        current_stage_title=current.title if current else None,
        next_step=one_next(workbook, today, items),
        percent=round(sum(line.percent for line in lines) / len(lines)),
        stages=lines,
        key_answers=key_answers,
        program=program,
        **_tracking_sections(workbook, today, items),
    )


def _tracking_sections(workbook: Workbook, today: date, items: list[DueItem]) -> dict[str, Any]:
    from careerpath.views import tracking_report

    return tracking_report.sections(workbook, today, items)


# --- renderers -------------------------------------------------------------------------------


def to_json(report: Report | GroupReport) -> str:
    """A report (a person's, or a coach's group view) as JSON, ``report_version`` first."""
    from careerpath.views import json_text

    return json_text.dumps(plain(report))


def plain(report: Report | GroupReport) -> dict[str, Any]:
    """The report as the plain data ``to_json`` writes, ``report_version`` first.

    As ``dataclasses.asdict``, but the answers a key answer holds (plain data already, and
    the biggest part of a big workbook's report) are shared, not copied."""
    data: dict[str, Any] = _plain(report)
    return {"report_version": data.pop("report_version"), **data}


def _plain(value: Any) -> Any:
    if isinstance(value, KeyAnswer):
        return {
            field.name: value.value if field.name == "value" else _plain(getattr(value, field.name))
            for field in dataclasses.fields(value)
        }
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {
            field.name: _plain(getattr(value, field.name)) for field in dataclasses.fields(value)
        }
    if isinstance(value, list | tuple):
        return type(value)(_plain(item) for item in value)
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    return value


def _dates(line: StageLine) -> str:
    if line.completed:
        return f"done {line.completed}"
    if line.started:
        return f"since {line.started}"
    return ""


def _status(line: StageLine) -> str:
    """Status with its date: "✓ done 2026-11-20", "… since 2026-11-21", "· not started"."""
    if line.status == "complete":
        return f"✓ {_dates(line)}"
    if line.status == "in progress":
        return f"… {_dates(line) or 'in progress'}"
    return "· not started"


def to_markdown(report: Report) -> str:
    """The report as Markdown, to paste into an email or a shared document."""
    out = [
        f"# {report.workbook['title']}: where I stand",
        "",
        f"*{format_day(report.generated)} · {report.percent}% of the way through the stages*",
        "",
        "| # | Stage | Status | Questions answered | Required | Work done | Progress | Dates |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for line in report.stages:
        title = for_markdown_cell(line.title)
        out.append(
            f"| {line.number} | {title} | {line.status} | {line.answered}/{line.total} "
            f"| {line.required_answered}/{line.required} | {line.work_text} | {line.percent}% "
            f"| {_dates(line)} |"
        )
    out += [
        "",
        f"**Now:** {for_markdown(report.current_stage_title or 'all stages complete')}  ",
    ]
    out += [f"**Next step:** {for_markdown(report.next_step)}", ""]
    if report.key_answers:
        out += ["## Key answers", ""]
        for answer in report.key_answers:
            text = answer.text.replace("\n", " ")
            out.append(f"- **{for_markdown(answer.label)}:** {for_markdown(text)}")
        out.append("")
    from careerpath.views import tracking_report

    out += tracking_report.markdown(report, for_markdown)
    if report.program is not None:
        from careerpath.views.program_report import program_markdown

        out += program_markdown(report)
    if report.exercises is not None:
        from careerpath.views.instruments import exercises_markdown

        out += exercises_markdown(report.exercises, for_markdown)
    return "\n".join(out)


def render(report: Report, console: Any) -> None:
    """Print the report in the terminal: a table of stages with progress bars, then the
    current stage, the next step and the key answers. User text is never read as markup."""
    from rich.progress_bar import ProgressBar
    from rich.text import Text

    from careerpath.views import tables

    title = Text(f"{report.workbook['title']}", style="bold")
    title.append(f"  ·  {format_day(report.generated)}  ·  {report.percent}% overall", style="dim")
    console.print(title)
    colours = {"complete": "green", "in progress": "yellow", "not started": "dim"}
    rows = [
        [
            (str(line.number), "dim"),
            (
                ("→ " if line.id == report.current_stage else "  ") + line.title,
                "bold" if line.id == report.current_stage else "",
            ),
            (_status(line), colours[line.status]),
            f"{line.answered}/{line.total}",
            f"{line.required_answered}/{line.required}",
            line.work_text,
            ProgressBar(total=100, completed=line.percent, width=8),
            f"{line.percent}%",
        ]
        for line in report.stages
    ]
    header = ["#", "Stage", "Status", "Answered", "Required", "Work", "Progress", ""]
    tables.columns(console, rows, header, right=(0, 3, 4, 5, 7), fixed={6: 8})
    console.print()
    current = next((line for line in report.stages if line.id == report.current_stage), None)
    now = Text("Now: ", style="bold")
    if current:
        now.append(f"{current.title} (stage {current.number} of {len(report.stages)})")
    else:
        now.append("every stage is complete")
    console.print(now)
    if current and current.work:  # a line of its own: with two pieces it would not fit beside
        work = Text("Work: ", style="bold")
        work.append("; ".join(f"{'✓' if p.done else '·'} {p.label}" for p in current.work))
        console.print(work)
    step = Text("Next: ", style="bold")
    step.append(report.next_step)
    console.print(step)
    if report.key_answers:
        console.print()
        console.print(Text("Key answers", style="bold"))
        answers = [[(answer.label, "cyan"), answer.text] for answer in report.key_answers]
        tables.columns(console, answers, wrap=True, indent=2)
    from careerpath.views import tracking_report

    tracking_report.render(report, console)
    if report.program is not None:
        from careerpath.views.program_report import render_program

        console.print()
        render_program(report, console)
    if report.exercises is not None:
        from careerpath.views.instruments import render_exercises

        render_exercises(report.exercises, console)
