"""Showing a program: the timeline, schedule, goals with their history, homework, check-ins.

Used by ``careerpath report`` (text and Markdown), ``careerpath program status`` and the goal
and homework lists. In Markdown the timeline is plain text in a code block::

    Mon 2 Nov 2026                                        Tue 2 Feb 2027
    |Exploration |Diving deeper|Networking  |Applying    |Closing     |
    ██████████████████▌·············································  31% of stages
    ─────────────────────▲ today, week 5 of 13

In the terminal the progress line is a rich progress bar, as in the table of stages.
Dates follow ``values.format_day``: "Mon 2 Nov 2026" in sentences and headings, ISO in the
lists of goals and homework, where a date may be typed back into a command.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from careerpath.core.safe_text import for_markdown
from careerpath.core.values import format_day, plural
from careerpath.views.report_model import Report, StageLine

if TYPE_CHECKING:
    from careerpath.program.plan import GoalLine, HomeworkLine, ProgramSection

WIDTH = 60
STATE_MARK = {"overdue": "!", "open": "·", "done": "✓"}


def _length(start: date, end: date) -> str:
    """How long the program ran: days under two weeks, else weeks."""
    days = (end - start).days
    return plural(days, "day") if days < 14 else plural(round(days / 7), "week")


# --- the timeline ----------------------------------------------------------------------------


def stages_done(section: ProgramSection) -> float:
    """The share of the stages' work done, 0 to 1: what the schedule counts."""
    return sum(section.stage_work) / 100 / max(1, len(section.stage_work))


def timeline_dates(section: ProgramSection, width: int = WIDTH) -> str:
    """The first and the planned last day, over the stages they span."""
    start, end = format_day(section.start), format_day(section.planned_end)
    return start + end.rjust(width + 1 - len(start))


def timeline_stages(stages: list[StageLine], width: int = WIDTH) -> str:
    """The stages spread evenly over the program's time, as the plan expects them."""
    count = max(1, len(stages))
    edges = [round(i * width / count) for i in range(count + 1)]
    names = ""
    for index, stage in enumerate(stages):
        cells = edges[index + 1] - edges[index] - 1
        names += "|" + stage.title[:cells].ljust(cells)
    return names + "|"


def timeline_marker(section: ProgramSection, width: int = WIDTH) -> str:
    """Where today (or the end) falls on the timeline."""
    if section.phase == "not started":
        return f"▲ today; the program begins on {format_day(section.start)}"
    if section.phase == "running":
        label = f"today, week {section.week} of {section.weeks}"
    elif section.phase == "ended early":
        label = f"ended early, after {_length(section.start, section.end)}"
    else:
        label = f"the end, after {_length(section.start, section.end)}"
    at = min(width, max(0, round(section.elapsed_percent / 100 * width)))
    if at + len(label) + 2 <= width + 1:
        return "─" * at + "▲ " + label
    return "─" * max(0, at - len(label) - 1) + label + " ▲"


def progress_label(section: ProgramSection) -> str:
    return f"{round(100 * stages_done(section))}% of the work"


def timeline(section: ProgramSection, stages: list[StageLine], width: int = WIDTH) -> list[str]:
    """The program as four lines of plain text: dates, the stages spread over the time,
    progress through the stages, and today."""
    filled = min(width, max(0, round(stages_done(section) * (width + 1))))
    bar = "█" * filled + "·" * (width + 1 - filled) + "  " + progress_label(section)
    return [
        timeline_dates(section, width),
        timeline_stages(stages, width),
        bar,
        timeline_marker(section, width),
    ]


# --- sentences and lines ---------------------------------------------------------------------


def schedule_sentence(section: ProgramSection, stages: list[StageLine]) -> str:
    """Time gone against progress, in one sentence."""
    if section.phase == "not started":
        return f"The program begins on {format_day(section.start)}."
    count = max(1, len(stages))
    done = round(100 * stages_done(section))
    current = next((s for s in stages if s.status != "complete"), None)
    where = f"you are in {current.title}" if current else "you have completed every stage"
    progress = f"{done}% of the stages' work done, {section.elapsed_percent}% of the time gone"
    if section.phase != "running":
        return f"At the end, {where} ({progress})."
    expected = next((s for s in stages if s.id == section.expected_stage), None)
    if expected is None:
        plan = ""
    elif current is not None and expected.id == current.id:
        through = section.elapsed_percent / 100 * count - (expected.number - 1)
        plan = f"by now the plan has you {round(100 * min(1.0, through))}% through {current.title}"
        work = section.stage_work[current.number - 1]
        where = f"you have done {work}% of its work" if work else "its work is still to do"
    else:
        plan = f"by now the plan has you in {expected.title}"
    return f"{section.schedule.capitalize()}: {plan}; {where} ({progress})."


def work_line(section: ProgramSection) -> str:
    """The work the schedule is measured by, counted: "Work done: homework 1 of 2 due done ·
    2 conversations · 0 applications sent · goals 0 of 2 met"."""
    return f"Work done: {section.work.describe()}"


def heading(section: ProgramSection) -> str:
    """Where the program is, in one line (its dates are on the timeline under it)."""
    if section.phase == "not started":
        when = f"begins on {format_day(section.start)}"
    elif section.phase == "running":
        when = f"week {section.week} of {section.weeks}"
    elif section.phase == "ended early":
        when = f"ended early on {format_day(section.end)}"
    else:
        when = f"ended on {format_day(section.end)}"
    if section.standing == "ended":  # the schedule would only say "ended on" again
        return f"Program · {when}"
    return f"Program · {when} · {section.schedule}"


def change_lines(section: ProgramSection) -> list[str]:
    lines = []
    for change in section.changes:
        reason = f": {change['reason']}" if change.get("reason") else ""
        day = format_day(change["date"])
        if change["kind"] == "extended":
            lines.append(f"Extended by {plural(change['months'], 'month')} on {day}{reason}")
        else:
            lines.append(f"Ended early on {day}{reason}")
    return lines


def goal_lines(goal: GoalLine) -> list[str]:
    """A goal and, under it, each earlier wording with when and why it changed."""
    status = {"open": "open", "met": "met ✓", "not met": "not met"}[goal.status]
    when = f" ({goal.closed})" if goal.closed else ""
    lines = [f"{goal.id}  {status}{when}  {goal.text}"]
    for old in reversed(goal.history):
        lines.append(f"      was “{old['text']}” until {old['date']}: {old['reason']}")
    return lines


def homework_line(item: HomeworkLine, today: date) -> str:
    if item.state == "done" and item.done:
        when = f"done {item.done}"
    elif item.due is None:
        when = "no due date"
    elif item.state == "overdue":
        when = f"overdue by {plural((today - item.due).days, 'day')}, due {item.due}"
    else:
        when = f"due {item.due}"
    stage = f"  [{item.stage}]" if item.stage else ""
    return f"{item.id:<4} {STATE_MARK[item.state]} {item.text}  ({when}){stage}"


def homework_counts(section: ProgramSection) -> str:
    return (
        f"{section.homework_done} done · {section.homework_open} open · "
        f"{section.homework_overdue} overdue"
    )


def checkin_line(section: ProgramSection) -> str:
    summary = section.checkins
    if not summary.count:
        text = "none yet"
    else:
        assert summary.last is not None
        ago = "today" if summary.days_since == 0 else f"{plural(summary.days_since, 'day')} ago"
        text = (
            f"{summary.count} so far · last on {format_day(summary.last)} ({ago}) · "
            f"streak {plural(summary.streak, 'week')}"
        )
        if summary.energy:
            text += " · energy " + " → ".join(str(e) for e in summary.energy[-6:])
    if summary.due:
        text += " · a check-in is due this program week: `careerpath checkin`"
    return text


def reassessed_heading(section: ProgramSection) -> str:
    assert section.reassessed is not None
    return f"Start → end (re-assessed on {format_day(section.reassessed)})"


def comparison_lines(section: ProgramSection) -> list[str]:
    lines = []
    for line in section.reassessment:
        before = line.before if line.before is not None else "(not answered)"
        after = line.after if line.after is not None else "(not answered)"
        change = ""
        if line.change is not None and line.change != 0:
            change = f" ({line.change:+g})"
        if "\n" in before or "\n" in after or len(before) + len(after) > 70:
            lines += [f"{line.label}:", f"    at the start: {before}", f"    at the end:   {after}"]
        else:
            lines.append(f"{line.label}: {before} → {after}{change}")
    met = sum(goal.status == "met" for goal in section.goals)
    revised = sum(bool(goal.history) for goal in section.goals)
    lines.append(f"Goals: {met} of {len(section.goals)} met, {revised} revised along the way.")
    return lines


# --- rich (terminal) -------------------------------------------------------------------------


def _indent(line: str, style: str = "") -> Any:
    """A line of plain text (never markup) indented by two spaces."""
    from rich.text import Text

    return Text("  " + line, style=style)


def _paragraph(line: str) -> Any:
    """A sentence of plain text indented by two spaces, wrapped under itself."""
    from rich.padding import Padding
    from rich.text import Text

    return Padding(Text(line), (0, 0, 0, 2))


def render_goals(section: ProgramSection, console: Any) -> None:
    """Each goal, with its earlier wordings under it (also ``careerpath goal list``)."""
    from rich.text import Text

    console.print(Text("Goals", style="bold"))
    if not section.goals:
        console.print(_indent('none yet: `careerpath goal add "..."`'))
    for goal in section.goals:
        first, *history = goal_lines(goal)
        console.print(_indent(first))
        for line in history:
            console.print(_indent(line, "dim"))


def render_homework(
    section: ProgramSection, console: Any, today: date, *, all_homework: bool = False
) -> None:
    """Homework not done yet, overdue first (everything with ``all_homework``); also
    ``careerpath homework list``."""
    from rich.text import Text

    title = Text("Homework  ", style="bold")
    title.append(homework_counts(section))
    console.print(title)
    for item in section.homework:
        if item.state == "done" and not all_homework:
            continue
        style = {"overdue": "red", "done": "dim", "open": ""}[item.state]
        console.print(_indent(homework_line(item, today), style))


def render_timeline(section: ProgramSection, stages: list[StageLine], console: Any) -> None:
    from rich.progress_bar import ProgressBar

    from careerpath.views import tables

    for line in (timeline_dates(section), timeline_stages(stages)):
        console.print(_indent(line), no_wrap=True, overflow="ignore", crop=False)
    bar = ProgressBar(total=100, completed=100 * stages_done(section), width=WIDTH + 1)
    tables.columns(console, [[bar, progress_label(section)]], fixed={0: WIDTH + 1}, indent=2)
    console.print(_indent(timeline_marker(section)), no_wrap=True, overflow="ignore", crop=False)


def render_program(report: Report, console: Any, *, next_line: bool = False) -> None:
    """The program section in the terminal, with the report's Next line when ``next_line``
    (``program status``; the report prints its own). User text is never read as markup."""
    from rich.text import Text

    section = report.program
    assert section is not None
    colours = {
        "behind": "yellow",
        "ahead": "green",
        "on track": "green",
        "not started": "dim",
        "ended": "dim",
    }
    text = heading(section)
    if section.standing == "ended":
        head = Text(text, style="bold")
    else:
        head = Text(text.rsplit(" · ", 1)[0], style="bold")
        head.append(" · ")
        head.append(section.schedule, style=colours[section.standing])
    console.print(head)
    render_timeline(section, report.stages, console)
    console.print(_paragraph(schedule_sentence(section, report.stages)))
    console.print(_paragraph(work_line(section)))
    for line in change_lines(section):
        console.print(_indent(line, "dim"))
    console.print()
    render_goals(section, console)
    render_homework(section, console, report.generated)
    checkins = Text("Check-ins  ", style="bold")
    checkins.append(checkin_line(section))
    console.print(checkins)
    if section.reassessed:
        console.print()
        console.print(Text(reassessed_heading(section), style="bold"))
        for line in comparison_lines(section):
            console.print(_indent(line))
    if next_line:  # the one Next of the whole workbook, not a program-only one
        step = Text("Next: ", style="bold")
        step.append(report.next_step)
        console.print()
        console.print(step)


# --- Markdown --------------------------------------------------------------------------------


def program_markdown(report: Report) -> list[str]:
    section = report.program
    assert section is not None
    escape = for_markdown
    out = ["## Program", "", f"**{escape(heading(section))}**", "", "```text"]
    out += timeline(section, report.stages)
    out += ["```", "", escape(schedule_sentence(section, report.stages)), ""]
    out += [escape(work_line(section)), ""]
    for line in change_lines(section):
        out.append(f"- {escape(line)}")
    if section.changes:
        out.append("")
    out += ["### Goals", ""]
    for goal in section.goals:
        first, *history = goal_lines(goal)
        out.append(f"- {escape(first)}")
        out += [f"  - *{escape(line.strip())}*" for line in history]
    if not section.goals:
        out.append("- none yet")
    out += ["", f"### Homework: {escape(homework_counts(section))}", ""]
    out += [f"- {escape(homework_line(item, report.generated))}" for item in section.homework]
    out += ["", f"**Check-ins:** {escape(checkin_line(section))}", ""]
    if section.reassessed:
        out += [f"### {escape(reassessed_heading(section))}", ""]
        out += [f"- {escape(line.strip())}" for line in comparison_lines(section)]
        out.append("")
    return out
