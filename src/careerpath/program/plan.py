"""The program: the stages run inside a set period, with an intake, goals, homework, check-ins.

A coach's "program" is a period of time rather than a number of sessions: two to six months,
usually three. It begins with a needs assessment (the intake) that sets one to three goals, and
ends by asking the intake again, to show the change. This module holds pure functions over
``program.toml`` (its shape is ``workbook.program_file``); ``today`` is always passed in, so the
timeline maths is tested at any week. The home reads and writes the file; ``sitting`` asks
questions.

One source of truth: the end date is derived from the start, the months and the recorded
changes (``extended`` / ``ended``), never stored; a goal's earlier wordings are kept in its
``history`` with the date and the reason for each change.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any, Literal

from careerpath.core.errors import InvalidInput, NotFound
from careerpath.core.ids import next_id
from careerpath.core.values import add_months, format_day, plural
from careerpath.workbook import definition as definitions
from careerpath.workbook.definition import (
    Question,
    StageDefinition,
    SuggestedHomework,
    WorkbookDefinition,
)
from careerpath.workbook.engine import count_records, missing_required
from careerpath.workbook.program_file import (
    DEFAULT_MONTHS,
    MAX_EXTENSION,
    MAX_MONTHS,
    MIN_MONTHS,
    Change,
    Checkin,
    Goal,
    GoalChange,
    GoalStatus,
    Homework,
    Plan,
    Program,
    questions_of,
)

if TYPE_CHECKING:
    from careerpath.workbook.agenda import DueItem
    from careerpath.workbook.engine import StageProgress
    from careerpath.workbook.home import Home
    from careerpath.workbook.models import Workbook

MAX_OPEN_GOALS = 3
ON_TRACK_WEEKS = 1.0
"""Within this many weeks of the schedule counts as on track."""

HomeworkState = Literal["done", "overdue", "open"]
Phase = Literal["not started", "running", "over", "ended early"]
Standing = Literal["not started", "on track", "behind", "ahead", "ended"]


# --- the plan --------------------------------------------------------------------------------


def check_months(months: int) -> None:
    if not MIN_MONTHS <= months <= MAX_MONTHS:
        raise InvalidInput(
            f"a program runs {MIN_MONTHS} to {MAX_MONTHS} months, not {months}",
            hint=f"{DEFAULT_MONTHS} months is usual; extend it later with "
            "`careerpath program extend --months N`.",
        )


def new(start: date, months: int) -> Program:
    check_months(months)
    return Program(program=Plan(start=start, months=months))


def total_months(plan: Plan) -> int:
    return plan.months + sum(c.months or 0 for c in plan.changes if c.kind == "extended")


def planned_end(plan: Plan) -> date:
    """The day the program is planned to end: start plus months plus every extension."""
    return add_months(plan.start, total_months(plan))


def ended(plan: Plan) -> Change | None:
    """The record of ending the program early, if it was."""
    return next((c for c in plan.changes if c.kind == "ended"), None)


def end_date(plan: Plan) -> date:
    stop = ended(plan)
    return stop.date if stop else planned_end(plan)


def is_over(plan: Plan, today: date) -> bool:
    return ended(plan) is not None or today >= planned_end(plan)


def plan_in_words(plan: Plan) -> str:
    """The plan as it stands, in words: "3 months, Wed 25 Nov 2026 to Thu 25 Feb 2027 (13
    weeks)"."""
    end = planned_end(plan)
    return (
        f"{plural(total_months(plan), 'month')}, {format_day(plan.start)} to {format_day(end)} "
        f"({plural(weeks_between(plan.start, end), 'week')})"
    )


def require_open(plan: Plan) -> None:
    """Refuse to change a program once its closing re-assessment is done: its end is final,
    and what it recorded (goals met, homework, check-ins) stays as it was then."""
    if plan.reassessed is not None:
        raise InvalidInput(
            f"your program ended with its re-assessment on {format_day(plan.reassessed)}, so "
            "it is kept as it was",
            hint="`careerpath program status` shows it; `careerpath program start --force` "
            "begins a new one (this one is kept in .backups).",
        )


def check_can_end(plan: Plan, today: date) -> None:
    """Refuse the closing re-assessment when it was done already, or before the program
    has begun (there is nothing to re-assess, and the end would lie in the future)."""
    require_open(plan)
    if today < plan.start:
        raise InvalidInput(
            f"your program begins on {format_day(plan.start)}, so it cannot end yet",
            hint="To begin it on another day: `careerpath program start --force --start DATE` "
            "(this one is kept in .backups).",
        )


def extend(program: Program, months: int, reason: str, today: date) -> Change:
    if not 1 <= months <= MAX_EXTENSION:
        raise InvalidInput(f"extend by 1 to {MAX_EXTENSION} months at a time, not {months}")
    require_open(program.program)
    if ended(program.program):
        raise InvalidInput(
            "this program has ended, so it cannot be extended",
            hint="Start a new one with `careerpath program start --force`.",
        )
    change = Change(kind="extended", date=today, months=months, reason=reason)
    program.program.changes.append(change)
    return change


def end(program: Program, reason: str, today: date) -> Change | None:
    """Record ending the program early; nothing is recorded once its planned end has passed."""
    plan = program.program
    check_can_end(plan, today)
    if ended(plan):
        return None
    if today >= planned_end(plan):
        return None
    change = Change(kind="ended", date=today, reason=reason)
    plan.changes.append(change)
    return change


# --- the schedule: time elapsed against progress through the stages --------------------------


@dataclass(frozen=True)
class Schedule:
    """Where a person is in time and in the stages, as of one day."""

    start: date
    end: date
    """The program's end: the planned one, or the day it was ended early."""
    planned_end: date
    phase: Phase
    week: int
    """This week of the program, from 1; 0 before it starts."""
    weeks: int
    elapsed: float
    """Share of the planned time gone, 0 to 1."""
    expected_stages: float
    """How many stages' worth of work the plan expects by now (stages are spread evenly)."""
    actual_stages: float
    """Stages' worth of work done: each stage its share of the real work it asks for (one
    without work rules counts once complete; ``work_percents``); answered questions alone
    count nothing."""
    stage_count: int
    delta_weeks: float
    """Ahead (positive) or behind (negative) the plan, in weeks."""
    standing: Standing

    @property
    def delta_stages(self) -> float:
        return self.actual_stages - self.expected_stages

    @property
    def expected_stage(self) -> int:
        """The index of the stage the plan expects a person to be in by now."""
        return min(int(self.expected_stages), self.stage_count - 1)

    def describe(self) -> str:
        """On track / behind / ahead, and by how much, in words."""
        if self.standing == "not started":
            return f"starts on {format_day(self.start)}"
        if self.standing == "on track":
            return "on track"
        if self.standing == "ended":
            return f"ended on {format_day(self.end)}"
        return f"{self.standing} by about {plural(round(abs(self.delta_weeks)), 'week')}"


def weeks_between(start: date, end: date) -> int:
    """Whole weeks from start to end, to the nearest (3 months is 13 weeks, not 14)."""
    return max(1, round((end - start).days / 7))


def work_percents(progress: list[StageProgress]) -> list[int]:
    """Each stage's work done, 0–100, for the schedule: the share of the real work its
    ``done`` rules ask for (conversations logged, applications sent...), whether or not the
    stage was marked complete; a stage without rules counts 100 once complete. Questions
    answered count nothing here: the program measures the work, not the forms."""
    found = []
    for stage in progress:
        if stage.work:
            share = sum(min(1.0, piece.have / piece.need) for piece in stage.work)
            found.append(round(100 * share / len(stage.work)))
        else:
            found.append(100 if stage.status == "complete" else 0)
    return found


def schedule(plan: Plan, today: date, percents: list[int]) -> Schedule:
    """The schedule as of ``today`` for stages ``percents`` done (0–100 each; from
    ``work_percents``).

    The plan spreads the stages evenly over the program's time: after a third of the time a
    person "should" be a third of the way through the stages. The gap between the two is given
    in weeks, because a program is lived in weeks (and stages differ in size); within
    ``ON_TRACK_WEEKS`` of the plan counts as on track.
    """
    planned = planned_end(plan)
    stop = end_date(plan)
    total_days = max(1, (planned - plan.start).days)
    weeks = weeks_between(plan.start, planned)
    count = max(1, len(percents))
    actual = sum(percents) / 100
    phase: Phase
    if today < plan.start:
        phase = "not started"
    elif ended(plan):
        phase = "ended early"
    elif today >= planned:
        phase = "over"
    else:
        phase = "running"
    until = min(today, stop)
    elapsed = min(1.0, max(0.0, (until - plan.start).days / total_days))
    expected = elapsed * count
    delta_weeks = (actual - expected) / count * total_days / 7
    standing: Standing
    if phase == "not started":
        standing, week = "not started", 0
    else:
        week = min(weeks, (until - plan.start).days // 7 + 1)
        if phase != "running":  # over: no longer ahead or behind of anything
            standing = "ended"
        elif abs(delta_weeks) < ON_TRACK_WEEKS:
            standing = "on track"
        else:
            standing = "ahead" if delta_weeks > 0 else "behind"
    return Schedule(
        start=plan.start,
        end=stop,
        planned_end=planned,
        phase=phase,
        week=week,
        weeks=weeks,
        elapsed=elapsed,
        expected_stages=expected,
        actual_stages=actual,
        stage_count=count,
        delta_weeks=delta_weeks,
        standing=standing,
    )


# --- goals -----------------------------------------------------------------------------------


def open_goals(program: Program) -> list[Goal]:
    return [goal for goal in program.goals if goal.status == "open"]


def add_goal(program: Program, text: str, today: date) -> Goal:
    require_open(program.program)
    text = text.strip()
    if not text:
        raise InvalidInput("a goal needs some words")
    goals = open_goals(program)
    if len(goals) >= MAX_OPEN_GOALS:
        first = goals[0].id  # the oldest: a real id to copy
        raise InvalidInput(
            f"you have {MAX_OPEN_GOALS} open goals already; a program works best with one to "
            f"{MAX_OPEN_GOALS}",
            hint=f"Mark one met with `careerpath goal done {first}`, or change one with "
            f'`careerpath goal revise {first} "new wording" --reason "why"`.',
        )
    goal = Goal(id=next_id("g", (g.id for g in program.goals)), text=text, added=today)
    program.goals.append(goal)
    return goal


def find_goal(program: Program, goal_id: str) -> Goal:
    for goal in program.goals:
        if goal.id == goal_id.strip().lower():
            return goal
    known = ", ".join(f"{g.id} ({g.text})" for g in program.goals) or "none yet"
    raise NotFound(
        f"there is no goal {goal_id!r}",
        hint=f"Your goals: {known}. `careerpath goal list` shows them.",
    )


def revise_goal(program: Program, goal_id: str, text: str, reason: str, today: date) -> Goal:
    """Change a goal's wording; the old wording stays in its history with the date and reason.

    Only the wording changes: a goal met stays met, with the day it was met. (Reopening it
    would drop that day, and could make more open goals than a program holds.)"""
    require_open(program.program)
    goal = find_goal(program, goal_id)
    text, reason = text.strip(), reason.strip()
    if not text:
        raise InvalidInput("the new wording of the goal is empty")
    if not reason:
        raise InvalidInput("say why the goal changes (--reason): the history is part of your story")
    if text == goal.text:
        raise InvalidInput(f"{goal.id} already reads {text!r}")
    goal.history.append(GoalChange(date=today, text=goal.text, reason=reason))
    goal.text = text
    return goal


def close_goal(program: Program, goal_id: str, today: date, status: GoalStatus = "met") -> Goal:
    require_open(program.program)
    goal = find_goal(program, goal_id)
    if status == "open":
        goal.status, goal.closed = "open", None
    elif goal.status != status:
        goal.status, goal.closed = status, today
    return goal


# --- homework --------------------------------------------------------------------------------


def due_on(item: Homework) -> date | None:
    """When it is due now: the snoozed-to date if it was moved, else its due date."""
    return item.snoozed or item.due


def homework_state(
    item: Homework, today: date, *, closed: bool = False, due: date | None = None
) -> HomeworkState:
    """Done, overdue or open. Once the program is ``closed`` (re-assessed) nothing is overdue
    any more: the program no longer asks for it. ``due``: when it is due, if the caller
    worked it out with its deadline (``homework_due``)."""
    if item.done:
        return "done"
    due = due or due_on(item)
    return "overdue" if due is not None and due < today and not closed else "open"


@dataclass(frozen=True)
class HomeworkCounts:
    done: int
    open: int
    """Not done yet, overdue ones included."""
    overdue: int


def homework_counts(program: Program, today: date) -> HomeworkCounts:
    closed = program.program.reassessed is not None
    states = [homework_state(item, today, closed=closed) for item in program.homework]
    return HomeworkCounts(
        done=states.count("done"),
        open=len(states) - states.count("done"),
        overdue=states.count("overdue"),
    )


def add_homework(
    program: Program,
    text: str,
    today: date,
    *,
    due: date | None = None,
    stage: str | None = None,
    source: Literal["own", "suggested"] = "own",
    due_before: str | None = None,
) -> tuple[Homework, str | None]:
    """Add homework; returns it and a warning for a due date that looks wrong.
    ``due_before``: the deadline it prepares for (see ``Homework``)."""
    require_open(program.program)
    text = text.strip()
    if not text:
        raise InvalidInput("homework needs some words saying what to do")
    item = Homework(
        id=next_id("h", (h.id for h in program.homework)),
        text=text,
        stage=stage,
        added=today,
        due=due,
        source=source,
        due_before=due_before,
    )
    program.homework.append(item)
    warning = None
    start = program.program.start
    if due is not None and due < start:
        warning = (
            f"its due date, {format_day(due)}, is before the program begins ({format_day(start)})"
        )
    elif due is not None and due > end_date(program.program):
        end = format_day(end_date(program.program))
        warning = f"its due date, {format_day(due)}, is after the program ends ({end})"
    elif due is not None and due < today:
        warning = f"its due date, {format_day(due)}, has already passed"
    return item, warning


def find_homework(program: Program, item_id: str) -> Homework:
    for item in program.homework:
        if item.id == item_id.strip().lower():
            return item
    open_ids = [h.id for h in program.homework if not h.done]
    known = ", ".join(open_ids) if open_ids else "none open"
    raise NotFound(
        f"there is no homework {item_id!r}",
        hint=f"Open homework: {known}. `careerpath homework list` shows it all.",
    )


def finish_homework(program: Program, item_id: str, today: date) -> Homework:
    require_open(program.program)
    item = find_homework(program, item_id)
    item.done = item.done or today
    return item


def snooze_homework(program: Program, item_id: str, until: date) -> Homework:
    require_open(program.program)
    item = find_homework(program, item_id)
    item.snoozed = until
    return item


# --- check-ins -------------------------------------------------------------------------------


def checkin_on(program: Program, day: date) -> Checkin | None:
    return next((c for c in program.checkins if c.date == day), None)


def save_checkin_answer(program: Program, day: date, question_id: str, value: Any) -> None:
    """Save one answer to the check-in of ``day``, creating it on its first answer."""
    require_open(program.program)
    checkin = checkin_on(program, day)
    if checkin is None:
        checkin = Checkin(date=day)
        program.checkins.append(checkin)
        program.checkins.sort(key=lambda c: c.date)
    if value is None:
        (checkin.model_extra or {}).pop(question_id, None)
    else:
        setattr(checkin, question_id, value)


def last_checkin(program: Program, today: date) -> date | None:
    return max((c.date for c in program.checkins if c.date <= today), default=None)


def week_index(plan: Plan, day: date) -> int:
    """The program week ``day`` falls in, from 0: a program's weeks run from its first day,
    whatever the weekday. Check-ins, their streak and "a check-in is due" all count these."""
    return (day - plan.start).days // 7


def checkin_streak(plan: Plan, checkins: list[date], today: date) -> int:
    """Consecutive program weeks, up to this one, each with at least one check-in.

    This week counts once it has a check-in; until then the streak runs to last week, so it is
    not broken before the week is over."""
    if today < plan.start:
        return 0
    until = min(today, end_date(plan))
    weeks = {week_index(plan, day) for day in checkins if plan.start <= day <= until}
    week = week_index(plan, until)
    if week not in weeks:
        week -= 1
    streak = 0
    while week in weeks:
        streak += 1
        week -= 1
    return streak


def days_since_checkin(program: Program, today: date) -> int:
    """Days since the last check-in, or since the program began when there is none yet."""
    since = last_checkin(program, today) or program.program.start
    return max(0, (today - since).days)


def checkin_due(program: Program, today: date) -> bool:
    """A check-in is due when this program week has none yet, from the second week on (the
    intake is the first week's reflection), while the program runs."""
    plan = program.program
    if today < plan.start or is_over(plan, today):
        return False
    week = week_index(plan, today)
    return week > 0 and all(week_index(plan, c.date) != week for c in program.checkins)


# --- the intake and the closing re-assessment ------------------------------------------------


@dataclass(frozen=True)
class Comparison:
    """One intake question, answered at the start and again at the end."""

    question: str
    label: str
    before: str | None
    after: str | None
    change: float | None
    """For numbers and scales: after minus before."""


def compare(
    questions: list[Question], intake: dict[str, Any], closing: dict[str, Any]
) -> list[Comparison]:
    lines = []
    for question in questions:
        before, after = intake.get(question.id), closing.get(question.id)
        if before is None and after is None:
            continue
        change = None
        if question.kind in {"scale", "number"} and before is not None and after is not None:
            change = float(after) - float(before)
        lines.append(
            Comparison(
                question=question.id,
                label=question.title,
                before=None if before is None else question.format(before),
                after=None if after is None else question.format(after),
                change=change,
            )
        )
    return lines


def fill_in(part: Literal["intake", "checkin"], questions: list[Question]) -> str:
    """A TOML answers file for the intake (also the closing re-assessment) or the check-in,
    every answer commented out."""
    run = {
        "intake": [
            "Then run: careerpath program start --answers THIS_FILE",
            "(At the end, the same questions: careerpath program end --answers THIS_FILE)",
        ],
        "checkin": ["Then run: careerpath checkin --answers THIS_FILE"],
    }[part]
    header = [
        f"Answers for the program's {part}.",
        "Remove the '# ' in front of each answer you give and replace the example value.",
        *run,
    ]
    footer = [
        "One to three goals for the program (program start only).",
        'goals = ["...", "..."]',
        "",
        "At the end only: what became of each goal (met, not met or open).",
        "[goals]",
        'g1 = "met"',
    ]
    return definitions.fill_in(questions, header, footer if part == "intake" else ())


# --- the program section of a report ---------------------------------------------------------


@dataclass(frozen=True)
class GoalLine:
    id: str
    text: str
    status: GoalStatus
    added: date
    closed: date | None
    history: list[dict[str, Any]]
    """Earlier wordings, oldest first: ``{date, text, reason}``."""


@dataclass(frozen=True)
class HomeworkLine:
    id: str
    text: str
    stage: str | None
    state: HomeworkState
    due: date | None
    """When it is due now (the snoozed-to date if it was moved)."""
    done: date | None
    source: str


@dataclass(frozen=True)
class CheckinSummary:
    count: int
    last: date | None
    days_since: int
    streak: int
    """Consecutive weeks with a check-in."""
    due: bool
    energy: list[int]
    """Energy at each check-in, oldest first (when the check-in asks it)."""


@dataclass(frozen=True)
class WorkTally:
    """The work a program counts against its timeline, as of one day."""

    homework_done: int
    homework_due: int
    """Homework due by today, done or not, and homework done early."""
    conversations: int
    applications: int
    """Applications sent (applied or further)."""
    goals_met: int
    goals: int

    def describe(self) -> str:
        """ "homework 1 of 2 due done · 2 conversations · 1 application sent · goals 0 of 2
        met"."""
        return (
            f"homework {self.homework_done} of {self.homework_due} due done · "
            f"{plural(self.conversations, 'conversation')} · "
            f"{plural(self.applications, 'application')} sent · "
            f"goals {self.goals_met} of {self.goals} met"
        )


def work_tally(program: Program, today: date, conversations: int, applications: int) -> WorkTally:
    """The program's own work (homework, goals) with the records' (``conversations`` logged
    and ``applications`` sent, counted by the caller from the records)."""
    due = [h for h in program.homework if h.done or (due_on(h) or date.max) <= today]
    return WorkTally(
        homework_done=sum(1 for h in due if h.done),
        homework_due=len(due),
        conversations=conversations,
        applications=applications,
        goals_met=sum(goal.status == "met" for goal in program.goals),
        goals=len(program.goals),
    )


@dataclass(frozen=True)
class ProgramSection:
    start: date
    end: date
    planned_end: date
    months: int
    phase: Phase
    week: int
    weeks: int
    standing: Standing
    schedule: str
    """The standing in words: "behind by about 2 weeks"."""
    delta_weeks: float
    delta_stages: float
    elapsed_percent: int
    expected_stage: str
    changes: list[dict[str, Any]]
    goals: list[GoalLine]
    homework_done: int
    homework_open: int
    homework_overdue: int
    homework: list[HomeworkLine]
    checkins: CheckinSummary
    intake_complete: bool
    reassessed: date | None
    reassessment: list[Comparison]
    next_step: str | None
    stage_work: list[int]
    """Each stage's work done, 0–100 (``work_percents``): what the schedule counts."""
    work: WorkTally


def section(
    workbook: Workbook,
    today: date,
    percents: list[int],
    *,
    conversations: int = 0,
    applications: int = 0,
) -> ProgramSection:
    """The program part of the report; ``percents`` are the stages' work done, in order
    (``work_percents``), ``conversations`` and ``applications`` the records' counts."""
    program = workbook.program
    assert program is not None
    plan = program.program
    book = workbook.definition
    timing = schedule(plan, today, percents)
    questions = questions_of(book)
    counts = homework_counts(program, today)
    energy = [
        c.answers["energy"] for c in program.checkins if isinstance(c.answers.get("energy"), int)
    ]
    return ProgramSection(
        start=plan.start,
        end=timing.end,
        planned_end=timing.planned_end,
        months=total_months(plan),
        phase=timing.phase,
        week=timing.week,
        weeks=timing.weeks,
        standing=timing.standing,
        schedule=timing.describe(),
        delta_weeks=round(timing.delta_weeks, 1),
        delta_stages=round(timing.delta_stages, 2),
        elapsed_percent=round(100 * timing.elapsed),
        expected_stage=book.stages[min(timing.expected_stage, len(book.stages) - 1)].id,
        changes=[c.model_dump() for c in plan.changes],
        goals=[
            GoalLine(
                id=g.id,
                text=g.text,
                status=g.status,
                added=g.added,
                closed=g.closed,
                history=[h.model_dump() for h in g.history],
            )
            for g in program.goals
        ],
        homework_done=counts.done,
        homework_open=counts.open,
        homework_overdue=counts.overdue,
        homework=[
            HomeworkLine(
                id=h.id,
                text=h.text,
                stage=h.stage,
                state=homework_state(
                    h, today, closed=plan.reassessed is not None, due=homework_due(workbook, h)
                ),
                due=homework_due(workbook, h),
                done=h.done,
                source=h.source,
            )
            for h in sorted(
                program.homework,
                key=lambda h: _homework_order(h, today, closed=plan.reassessed is not None),
            )
        ],
        checkins=CheckinSummary(
            count=len(program.checkins),
            last=last_checkin(program, today),
            days_since=days_since_checkin(program, today),
            streak=checkin_streak(plan, [c.date for c in program.checkins], today),
            due=checkin_due(program, today),
            energy=energy,
        ),
        intake_complete=not missing_required(questions.intake, program.intake),
        reassessed=plan.reassessed,
        reassessment=compare(questions.intake, program.intake, program.closing)
        if plan.reassessed
        else [],
        next_step=next_step(program, book, today),
        stage_work=list(percents),
        work=work_tally(program, today, conversations, applications),
    )


def _homework_order(item: Homework, today: date, *, closed: bool) -> tuple[int, date, int]:
    """Overdue first, then open by due date (undated last), then done."""
    state = homework_state(item, today, closed=closed)
    rank = {"overdue": 0, "open": 1, "done": 2}[state]
    return rank, due_on(item) or date.max, int(item.id[1:])


def next_step(program: Program, book: WorkbookDefinition, today: date) -> str | None:
    """The one program thing to do next, if any; nothing once the program is closed."""
    plan = program.program
    if plan.reassessed is not None:
        return None
    questions = questions_of(book)
    if missing_required(questions.intake, program.intake):
        return "Finish the intake: run `careerpath program start`."
    if is_over(plan, today):
        return (
            "Your program's time is up: run `careerpath program end` for the closing "
            "re-assessment, or `careerpath program extend --months N`."
        )
    if not open_goals(program):
        return 'Set a goal: `careerpath goal add "..."`.'
    overdue = [h for h in program.homework if homework_state(h, today) == "overdue"]
    if overdue:
        first = min(overdue, key=lambda h: (due_on(h) or date.max, h.id))
        return (
            f"Homework {first.id} is overdue: “{first.text}” "
            f"(`careerpath homework done {first.id}` once it is done)."
        )
    if checkin_due(program, today):
        week = week_index(plan, today) + 1
        return f"No check-in yet in week {week} of your program: run `careerpath checkin`."
    return None


# --- last activity, for a coach --------------------------------------------------------------


def activity_dates(program: Program) -> list[date]:
    """Every date in the program file that records something the person did."""
    plan = program.program
    found = [plan.start, *(c.date for c in plan.changes)]
    if plan.reassessed:
        found.append(plan.reassessed)
    for goal in program.goals:
        found += [goal.added, *(h.date for h in goal.history)]
        if goal.closed:
            found.append(goal.closed)
    for item in program.homework:
        found.append(item.added)
        if item.done:
            found.append(item.done)
    found += [c.date for c in program.checkins]
    return found


# --- the agenda: dated homework in `careerpath due` and the calendar export -----------------


class HomeworkSource:
    """Open homework with a due date, as agenda items with ids like ``h3``."""

    def items(self, workbook: Workbook, today: date) -> list[DueItem]:
        from careerpath.workbook.agenda import DueItem

        program = workbook.program
        if program is None or program.program.reassessed is not None:
            return []  # once the program is closed, its homework is no longer asked for
        found = []
        for item in program.homework:
            due = homework_due(workbook, item)
            if item.done or due is None:
                continue
            found.append(
                DueItem(id=item.id, what="homework", title=item.text, due=due, stage=item.stage)
            )
        return found

    def items_added(
        self,
        workbook: Workbook,
        today: date,
        place: tuple[str, str],
        added: list[dict[str, Any]],
    ) -> list[DueItem] | None:
        """None when homework is due before a date of the records at ``place`` (an offer's
        deadline): an added one may bring it forward. Else none: homework is no record."""
        program = workbook.program
        for item in program.homework if program is not None else ():
            if item.due_before is None:
                continue
            try:
                stage, question = workbook.definition.recalled(item.due_before.rsplit(".", 1)[0])
            except NotFound:
                continue
            if (stage.id, question.id) == place:
                return None
        return []

    def _owns(self, workbook: Workbook, item_id: str) -> bool:
        program = workbook.program
        return program is not None and any(h.id == item_id for h in program.homework)

    def done(self, home: Home, workbook: Workbook, item_id: str, today: date) -> bool:
        if not self._owns(workbook, item_id):
            return False
        workbook.program, _ = home.update_program(
            workbook.definition, lambda program: finish_homework(program, item_id, today)
        )
        return True

    def snooze(self, home: Home, workbook: Workbook, item_id: str, until: date) -> bool:
        if not self._owns(workbook, item_id):
            return False
        workbook.program, _ = home.update_program(
            workbook.definition, lambda program: snooze_homework(program, item_id, until)
        )
        return True


def homework_offered(program: Program, stage_id: str) -> bool:
    """Whether the stage's suggested homework was offered already: some of it taken on, or
    all of it turned down."""
    return stage_id in program.suggestions_declined or any(
        item.stage == stage_id and item.source == "suggested" for item in program.homework
    )


@dataclass(frozen=True)
class Suggestion:
    """A stage's suggested homework as it is offered today, with its due date."""

    text: str
    due: date | None
    due_before: str | None = None
    """The deadline it prepares for (``stage.question.field``), kept with it once taken on."""


def suggestions(
    workbook: Workbook, stage: StageDefinition, today: date, exercises: Mapping[str, int]
) -> list[Suggestion]:
    """The stage's suggested homework worth offering today: none the person has done already
    (its ``done_already``, counted from the records or ``exercises``: days of the energy log,
    futures sketched) or that an answer makes unneeded (``only_if``), each due ``due_in_days``
    from today but never after the deadline it prepares for (``due_before``)."""
    found = []
    for item in stage.homework:
        if _done_already(workbook, item, exercises) or not _needed(workbook, item):
            continue
        found.append(Suggestion(item.text, _suggested_due(workbook, item, today), item.due_before))
    return found


def _done_already(
    workbook: Workbook, item: SuggestedHomework, exercises: Mapping[str, int]
) -> bool:
    rule = item.done_already
    if rule is None:
        return False
    if rule.exercise is not None:
        return exercises.get(rule.exercise, 0) >= rule.at_least
    assert rule.question is not None
    stage, question = workbook.definition.recalled(rule.question)
    value = workbook.answers_for(stage).get(question.id)
    return count_records(question, value, rule.having, rule.status) >= rule.at_least


def _needed(workbook: Workbook, item: SuggestedHomework) -> bool:
    rule = item.only_if
    if rule is None:
        return True
    stage, question = workbook.definition.recalled(rule.question)
    value = workbook.answers_for(stage).get(question.id)
    return not isinstance(value, int | float) or value <= rule.at_most


def _suggested_due(workbook: Workbook, item: SuggestedHomework, today: date) -> date | None:
    due = None if item.due_in_days is None else today + timedelta(days=item.due_in_days)
    return _before_deadline(workbook, item.due_before, due, today)


def _before_deadline(
    workbook: Workbook, due_before: str | None, due: date | None, since: date
) -> date | None:
    """``due``, pulled in to the day before the earliest deadline on or after ``since`` that
    ``due_before`` (``stage.question.field``) names, if that is sooner."""
    if due_before is None:
        return due
    ref, field = due_before.rsplit(".", 1)
    try:
        stage, question = workbook.definition.recalled(ref)
    except NotFound:
        return due  # a workbook without that question: nothing to prepare for
    dates = [
        day
        for record in workbook.answers_for(stage).get(question.id) or ()
        if isinstance(day := question.record_value(record, field), date) and day >= since
    ]
    if not dates:
        return due
    before = max(since, min(dates) - timedelta(days=1))
    return before if due is None else min(due, before)


def homework_due(workbook: Workbook, item: Homework) -> date | None:
    """When homework is due now: ``due_on``, and never after the deadline it prepares for,
    even one added or moved since it was taken on (an offer's deadline). A snooze is the
    person's own choice and stays."""
    if item.snoozed is not None:
        return item.snoozed
    return _before_deadline(workbook, item.due_before, item.due, item.added)
