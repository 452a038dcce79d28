"""Showing a program: the timeline, schedule, goals with their history, homework, check-ins.

Used by ``careerpath report`` (text and Markdown), ``careerpath program status`` and the goal
and homework lists. The timeline is plain text so it reads the same in a terminal, a Markdown
code block and a file::

    2 Nov 2026                                               2 Feb 2027
    |Exploration |Diving deeper|Networking  |Applying    |Closing     |
    ██████████████████▌·············································  31% of the stages
    ─────────────────────▲ today, week 5 of 13
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from careerpath.report import Report, StageLine
from careerpath.report import markdown_escape as _md

if TYPE_CHECKING:
    from careerpath.program import GoalLine, HomeworkLine, ProgramSection

WIDTH = 60
STATE_MARK = {"overdue": "!", "open": "·", "done": "✓"}


def _day(day: date) -> str:
    return f"{day.day} {day:%b %Y}"


def _short(day: date) -> str:
    return f"{day:%a} {day.day} {day:%b}"


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def timeline(section: ProgramSection, stages: list[StageLine], width: int = WIDTH) -> list[str]:
    """The program as four lines of text: dates, the stages spread over the time, progress
    through the stages, and today."""
    count = max(1, len(stages))
    edges = [round(i * width / count) for i in range(count + 1)]
    names = ""
    for index, stage in enumerate(stages):
        cells = edges[index + 1] - edges[index] - 1
        names += "|" + stage.title[:cells].ljust(cells)
    names += "|"
    start, end = _day(section.start), _day(section.end)
    dates = start + end.rjust(width + 1 - len(start))
    done = sum(stage.percent for stage in stages) / 100 / count
    filled = min(width, max(0, round(done * (width + 1))))
    bar = "█" * filled + "·" * (width + 1 - filled) + f"  {round(100 * done)}% of the stages"
    at = min(width, max(0, round(section.elapsed_percent / 100 * width)))
    if section.phase == "not started":
        marker = f"▲ today; the program starts on {_day(section.start)}"
        today = marker
    else:
        label = (
            f"today, week {section.week} of {section.weeks}"
            if section.phase == "running"
            else f"the end, after {_plural(section.weeks, 'week')}"
        )
        if at + len(label) + 2 <= width + 1:
            today = "─" * at + "▲ " + label
        else:
            today = "─" * max(0, at - len(label) - 1) + label + " ▲"
    return [dates, names, bar, today]


def schedule_sentence(section: ProgramSection, stages: list[StageLine]) -> str:
    """Time gone against progress, in one sentence."""
    if section.phase == "not started":
        return f"The program starts on {_day(section.start)}."
    count = max(1, len(stages))
    done = round(100 * sum(s.percent for s in stages) / 100 / count)
    current = next((s for s in stages if s.status != "complete"), None)
    where = f"you are in {current.title}" if current else "you have completed every stage"
    progress = f"{done}% of the stages done, {section.elapsed_percent}% of the time gone"
    if section.phase != "running":
        return f"{section.schedule.capitalize()} at the end: {where} ({progress})."
    expected = next((s for s in stages if s.id == section.expected_stage), None)
    if expected is None:
        plan = ""
    elif current is not None and expected.id == current.id:
        through = section.elapsed_percent / 100 * count - (expected.number - 1)
        plan = f"by now the plan has you {round(100 * min(1.0, through))}% through {current.title}"
        where = (
            f"you are {current.percent}% through it" if current.percent else "you are beginning it"
        )
    else:
        plan = f"by now the plan has you in {expected.title}"
    return f"{section.schedule.capitalize()}: {plan}; {where} ({progress})."


def heading(section: ProgramSection) -> str:
    if section.phase == "not started":
        when = f"starts {_day(section.start)}"
    elif section.phase == "running":
        when = f"week {section.week} of {section.weeks}"
    elif section.phase == "ended early":
        when = f"ended early on {_day(section.end)}"
    else:
        when = f"finished on {_day(section.end)}"
    return f"Program · {when} · {_day(section.start)} → {_day(section.end)} · {section.schedule}"


def change_lines(section: ProgramSection) -> list[str]:
    lines = []
    for change in section.changes:
        reason = f": {change['reason']}" if change.get("reason") else ""
        if change["kind"] == "extended":
            months = _plural(change["months"], "month")
            lines.append(f"Extended by {months} on {_day(change['date'])}{reason}")
        else:
            lines.append(f"Ended early on {_day(change['date'])}{reason}")
    return lines


def goal_lines(goal: GoalLine) -> list[str]:
    """A goal and, under it, each earlier wording with when and why it changed."""
    status = {"open": "open", "met": "met ✓", "not met": "not met"}[goal.status]
    when = f" ({_day(goal.closed)})" if goal.closed else ""
    lines = [f"{goal.id}  {status}{when}  {goal.text}"]
    for old in reversed(goal.history):
        lines.append(f"      was “{old['text']}” until {_day(old['date'])}: {old['reason']}")
    return lines


def homework_line(item: HomeworkLine, today: date) -> str:
    if item.state == "done" and item.done:
        when = f"done {_short(item.done)}"
    elif item.due is None:
        when = "no due date"
    elif item.state == "overdue":
        days = (today - item.due).days
        when = f"overdue by {_plural(days, 'day')}, due {_short(item.due)}"
    else:
        when = f"due {_short(item.due)}"
    stage = f"  [{item.stage}]" if item.stage else ""
    return f"{item.id:<4} {STATE_MARK[item.state]} {item.text}  ({when}){stage}"


def checkin_line(section: ProgramSection, today: date) -> str:
    summary = section.checkins
    if not summary.count:
        text = "none yet"
    else:
        assert summary.last is not None
        ago = "today" if summary.days_since == 0 else f"{_plural(summary.days_since, 'day')} ago"
        text = (
            f"{summary.count} so far · last {_short(summary.last)} ({ago}) · "
            f"streak {_plural(summary.streak, 'week')}"
        )
        if summary.energy:
            text += " · energy " + " → ".join(str(e) for e in summary.energy[-6:])
    if summary.due:
        text += " · a check-in is due: `careerpath checkin`"
    return text


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


def render_program(report: Report, console: Any, *, all_homework: bool = False) -> None:
    """The program section in the terminal. User text is never read as markup."""
    from rich.text import Text

    section = report.program
    assert section is not None
    colours = {"behind": "yellow", "ahead": "green", "on track": "green", "not started": "dim"}
    head = Text(heading(section).rsplit(" · ", 1)[0], style="bold")
    head.append(" · ")
    head.append(section.schedule, style=colours[section.standing])
    console.print(head)
    for line in timeline(section, report.stages):
        console.print(_indent(line), no_wrap=True, overflow="ignore", crop=False)
    console.print(_indent(schedule_sentence(section, report.stages)))
    for line in change_lines(section):
        console.print(_indent(line, "dim"))
    console.print()
    console.print(Text("Goals", style="bold"))
    if not section.goals:
        console.print(_indent('none yet: `careerpath goal add "..."`'))
    for goal in section.goals:
        first, *history = goal_lines(goal)
        console.print(_indent(first))
        for line in history:
            console.print(_indent(line, "dim"))
    title = Text("Homework  ", style="bold")
    title.append(
        f"{section.homework_done} done · {section.homework_open} open · "
        f"{section.homework_overdue} overdue"
    )
    console.print(title)
    for item in section.homework:
        if item.state == "done" and not all_homework:
            continue
        style = "red" if item.state == "overdue" else ("dim" if item.state == "done" else "")
        console.print(_indent(homework_line(item, report.generated), style))
    checkins = Text("Check-ins  ", style="bold")
    checkins.append(checkin_line(section, report.generated))
    console.print(checkins)
    if section.reassessed:
        console.print()
        console.print(Text(f"Start → end (re-assessed {_day(section.reassessed)})", style="bold"))
        for line in comparison_lines(section):
            console.print(_indent(line))
    if section.next_step:
        step = Text("Program next: ", style="bold")
        step.append(section.next_step)
        console.print(step)


# --- Markdown --------------------------------------------------------------------------------


def program_markdown(report: Report) -> list[str]:
    section = report.program
    assert section is not None
    out = ["## Program", "", f"**{_md(heading(section))}**", "", "```text"]
    out += timeline(section, report.stages)
    out += ["```", "", _md(schedule_sentence(section, report.stages)), ""]
    for line in change_lines(section):
        out.append(f"- {_md(line)}")
    if section.changes:
        out.append("")
    out += ["### Goals", ""]
    for goal in section.goals:
        first, *history = goal_lines(goal)
        out.append(f"- {_md(first)}")
        out += [f"  - *{_md(line.strip())}*" for line in history]
    if not section.goals:
        out.append("- none yet")
    out += [
        "",
        f"### Homework: {section.homework_done} done, {section.homework_open} open, "
        f"{section.homework_overdue} overdue",
        "",
    ]
    out += [f"- {_md(homework_line(item, report.generated))}" for item in section.homework]
    out += ["", f"**Check-ins:** {_md(checkin_line(section, report.generated))}", ""]
    if section.reassessed:
        out += [f"### Start → end (re-assessed {_day(section.reassessed)})", ""]
        out += [f"- {_md(line.strip())}" for line in comparison_lines(section)]
        out.append("")
    if section.next_step:
        out += [f"**Program next:** {_md(section.next_step)}", ""]
    return out
