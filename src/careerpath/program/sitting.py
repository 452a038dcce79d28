"""Asking the program's questions: the intake, goals, suggested homework, check-ins, the end.

Like ``session`` for the stages (and built on the same ``Sitting``): questions come from the
workbook definition and are asked through a ``Prompter``; every answer is saved to
``program.toml`` the moment it is given; Ctrl-C keeps what was being typed as a draft and says
how many answers were saved. The answers-file variants (``--answers FILE``) check the whole
file before saving anything.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from datetime import date, datetime
from pathlib import Path
from typing import Any, TypeVar

from rich.console import Console
from rich.markup import escape
from rich.padding import Padding

from careerpath.core.errors import InvalidInput
from careerpath.core.values import format_day, plural
from careerpath.program import plan as programs
from careerpath.workbook import answers_file, engine, program_file
from careerpath.workbook.companion import Companion
from careerpath.workbook.definition import ProgramDefinition, Question, StageDefinition
from careerpath.workbook.home import Home
from careerpath.workbook.models import Workbook
from careerpath.workbook.program_file import GoalStatus, Program
from careerpath.workbook.prompts import Prompter
from careerpath.workbook.session import Session, Sitting

T = TypeVar("T")

ACCEPT, EDIT, SKIP = "Accept", "Edit it first", "Skip it"
MET, NOT_MET, STILL_OPEN = "Met", "Not met", "Still working on it"
OUTCOMES: dict[str, GoalStatus] = {MET: "met", NOT_MET: "not met", STILL_OPEN: "open"}
MONTHS_CHOICES = {f"{n} months" + (" (the usual)" if n == 3 else ""): n for n in range(2, 7)}
INTAKE_HINT = "`careerpath program questions intake --format toml` writes a file to fill in."
CHECKIN_HINT = "`careerpath program questions checkin --format toml` writes a file to fill in."

GOAL = Question(
    id="goal",
    kind="text",
    prompt="Your first goal for the program",
    help="Something you can tell you have reached, e.g. “Decide between UX research and data "
    "analysis” or “Have five conversations with people in the field”.",
)
MORE_GOAL = Question(
    id="goal",
    kind="text",
    prompt="Another goal",
    required=False,
    help="One to three goals work best. Enter on an empty line when that is all.",
)
HOMEWORK_TEXT = Question(id="homework", kind="text", prompt="The homework, in your words")


Exercises = Callable[[], Mapping[str, int]]
"""How much of each exercise outside the stages the person has done (``energy``: days logged,
``futures``: sketched), asked only when homework is suggested."""


def no_exercises() -> Mapping[str, int]:
    return {}


class ProgramSession(Sitting):
    """One sitting with the program's questions; ``exercises`` counts the exercises done
    outside the stages, so suggested homework skips them."""

    def __init__(
        self,
        home: Home,
        workbook: Workbook,
        prompter: Prompter,
        console: Console,
        today: date,
        exercises: Exercises = no_exercises,
    ) -> None:
        super().__init__(home, workbook, prompter, console, today)
        self.exercises = exercises

    @property
    def questions(self) -> ProgramDefinition:
        return program_file.questions_of(self.workbook.definition)

    @property
    def program(self) -> Program:
        assert self.workbook.program is not None
        return self.workbook.program

    def _change(self, change: Callable[[Program], T]) -> T:
        self.workbook.program, result = self.home.update_program(self.workbook.definition, change)
        return result

    # --- starting ---------------------------------------------------------------------------

    def offer(self) -> bool:
        """At ``careerpath start``: offer to run the stages as a program. True if begun."""
        self.console.print()
        self.console.print(
            Padding(
                "[bold]Would you like to run this as a program?[/bold] A set period (usually "
                "three months) with one to three goals, homework and a short weekly check-in. "
                "You can also start one later with `careerpath program start`.",
                (0, 0, 0, 2),
            )
        )
        if not self.prompter.confirm("Run it as a program?", default=False):
            return False
        self.begin(months=None, start=self.today)
        return True

    def begin(self, months: int | None, start: date, *, replace: bool = False) -> None:
        """Create the program (asking its length when not given), then the intake and goals;
        with a program whose intake is unfinished, continue the intake. ``replace`` starts a
        new program even so: the current one is moved to ``.backups`` once the new one's
        length is known, just before the new one is written."""
        with self._counting_interrupts("Run `careerpath program start` to finish the intake."):
            if self.workbook.program is None or replace:
                if months is None:
                    picked = self.prompter.select(
                        "How long should the program run?",
                        list(MONTHS_CHOICES),
                        default=next(k for k, v in MONTHS_CHOICES.items() if v == 3),
                    )
                    months = MONTHS_CHOICES[picked]
                fresh = programs.new(start, months)
                now = datetime.combine(self.today, datetime.now().time())
                moved = start_program(self.home, self.workbook, fresh, now)
                if moved is not None:
                    self.console.print(
                        f"Your previous program is kept in {moved}.", markup=False, soft_wrap=True
                    )
                plan = programs.plan_in_words(fresh.program)
                self.console.print(f"\n[bold]Your program: {plan}.[/bold]")
                self.console.print(Padding(escape(self.questions.intro.strip()), (1, 0, 1, 2)))
            else:
                self.console.print("\n[bold]Continuing your intake.[/bold]")
            self.console.rule("[bold]Intake: where you are starting from[/bold]")
            for question in engine.pending(self.questions.intake, self.program.intake):
                earlier = self._recalled(question)
                if earlier is None or self._changed(question, *earlier):
                    self._ask_answer("intake", question, earlier[2] if earlier else None)
            if not programs.open_goals(self.program):
                self._ask_goals()
            stage = engine.current_stage(self.workbook)
            if stage is not None and self.workbook.state.stage(stage.id).started:
                # The stage began before the program did: offer its homework now.
                self.offer_homework(stage)
        self._summary()

    def _ask_goals(self) -> None:
        self.console.print()
        self.console.rule("[bold]Goals[/bold]")
        self.console.print(
            Padding(
                "[dim]What do you want this program to get you? One to three goals; you can "
                "revise them as you learn (the old wording is kept).[/dim]",
                (0, 0, 0, 2),
            )
        )
        while len(programs.open_goals(self.program)) < programs.MAX_OPEN_GOALS:
            first = not programs.open_goals(self.program)
            question = GOAL if first else MORE_GOAL
            text = self._prompt("goals", question, None)
            if text is None:
                return
            self._change(functools.partial(programs.add_goal, text=text, today=self.today))
            self.saved += 1

    def _summary(self) -> None:
        goals = programs.open_goals(self.program)
        self.console.print("\n[green]✓[/green] Your program is set.")
        for goal in goals:
            self.console.print(f"  {goal.id}  {escape(goal.text)}", highlight=False)
        self.console.print(
            "Work through the stages with `careerpath next`, check in once a week with "
            "`careerpath checkin`, and see where you stand with `careerpath program status`.",
            highlight=False,
        )

    # --- suggested homework -----------------------------------------------------------------

    def offer_homework(self, stage: StageDefinition) -> None:
        """The stage's suggested homework, each accepted, edited first, or skipped; once per
        stage (see ``programs.homework_offered``), however the stage began."""
        program = self.program
        if not stage.homework or programs.is_over(program.program, self.today):
            return
        if programs.homework_offered(program, stage.id):
            return
        offered = programs.suggestions(self.workbook, stage, self.today, self.exercises())
        if not offered:
            return  # all of it done already: nothing to suggest, and nothing to decline
        self.console.print(
            f"\n[bold]Homework suggested for {escape(stage.title)}[/bold] "
            "[dim](for your program)[/dim]"
        )
        taken = 0
        for suggestion in offered:
            due = suggestion.due
            when = f" (due {format_day(due)})" if due else ""
            self.console.print(f"  • {escape(suggestion.text)}{when}", highlight=False)
            picked = self.prompter.select("Take this on?", [ACCEPT, EDIT, SKIP], default=ACCEPT)
            if picked == SKIP:
                continue
            text = suggestion.text
            if picked == EDIT:
                text = self._prompt("homework", HOMEWORK_TEXT, suggestion.text) or text
            item, _ = self._change(
                functools.partial(
                    programs.add_homework,
                    text=text,
                    today=self.today,
                    due=due,
                    stage=stage.id,
                    source="suggested",
                    due_before=suggestion.due_before,
                )
            )
            taken += 1
            self.saved += 1
            self.console.print(f"  [green]✓[/green] Added as {item.id}.")
        if not taken:
            self._change(lambda program: program.suggestions_declined.append(stage.id))

    # --- check-ins --------------------------------------------------------------------------

    def checkin(self) -> None:
        """A short check-in; run again the same day it edits that day's, earlier answers as
        defaults."""
        programs.require_open(self.program.program)
        earlier = programs.checkin_on(self.program, self.today)
        with self._counting_interrupts("Run `careerpath checkin` again to finish it."):
            self.console.rule(
                f"[bold]Check-in · {format_day(self.today)}[/bold]"
                + (" (editing today's)" if earlier else "")
            )
            last = programs.last_checkin(self.program, self.today)
            if last and last != self.today:
                days = plural((self.today - last).days, "day")
                self.console.print(
                    f"[dim]Your last check-in was on {format_day(last)} ({days} ago).[/dim]"
                )
            goals = "; ".join(g.text for g in programs.open_goals(self.program))
            if goals:
                self.console.print(f"[dim]Your goals: {escape(goals)}[/dim]")
            for question in self.questions.checkin:
                current = programs.checkin_on(self.program, self.today)
                before = current.answers.get(question.id) if current else None
                value = self._prompt("checkin", question, before)
                if value == before and current is not None:
                    continue
                self._change(
                    functools.partial(
                        programs.save_checkin_answer,
                        day=self.today,
                        question_id=question.id,
                        value=value,
                    )
                )
                self.saved += 1
        streak = programs.checkin_streak(
            self.program.program, [c.date for c in self.program.checkins], self.today
        )
        self.console.print(f"\n[green]✓[/green] Check-in saved. Streak: {plural(streak, 'week')}.")

    # --- the end ----------------------------------------------------------------------------

    def closing(self, reason: str) -> None:
        """The closing re-assessment: the intake again, then each open goal met or not."""
        programs.check_can_end(self.program.program, self.today)
        with self._counting_interrupts(
            "Run `careerpath program end` again to finish the re-assessment."
        ):
            self.console.rule("[bold]Closing re-assessment[/bold]")
            self.console.print(
                Padding(
                    "[dim]The questions from the start of your program, once more, so you can "
                    "see what changed.[/dim]",
                    (0, 0, 0, 2),
                )
            )
            for question in engine.pending(self.questions.intake, self.program.closing):
                before = self.program.intake.get(question.id)
                if question.is_answered(before):
                    self.console.print(
                        f"\n  [dim]At the start you said:[/dim] {escape(question.format(before))}",
                        highlight=False,
                    )
                self._ask_answer("closing", question)
            for goal in programs.open_goals(self.program):
                picked = self.prompter.select(
                    f"Goal {goal.id}: {goal.text}", [MET, NOT_MET, STILL_OPEN], default=MET
                )
                status: GoalStatus = OUTCOMES[picked]
                self._change(
                    functools.partial(
                        programs.close_goal, goal_id=goal.id, today=self.today, status=status
                    )
                )
                self.saved += 1
        finish(self.home, self.workbook, reason, self.today)

    # --- asking and saving ------------------------------------------------------------------

    def _recalled(self, question: Question) -> tuple[StageDefinition, Question, Any] | None:
        """The stage answer an intake question recalls (e.g. the support asked in
        exploration), when it was given: the stage, its question and the answer."""
        for ref in question.recall:
            stage, earlier = self.workbook.definition.recalled(ref)
            value = self.workbook.answers_for(stage).get(earlier.id)
            if earlier.is_answered(value):
                return stage, earlier, value
        return None

    def _changed(
        self, question: Question, stage: StageDefinition, earlier: Question, value: Any
    ) -> bool:
        """Show the earlier answer; unless it changed, keep it as this answer too. True when
        it changed (then the question is asked, starting from it)."""
        self.console.print(
            f"\n  [dim]In {escape(stage.title)} you said, for “{escape(earlier.title)}”:[/dim] "
            f"{escape(question.format(value))}",
            highlight=False,
        )
        if self.prompter.confirm("Has that changed?", default=False):
            return True
        self._change(lambda program: program.intake.update({question.id: value}))
        self.saved += 1
        return False

    def _ask_answer(self, part: str, question: Question, default: Any = None) -> None:
        """Ask an intake or closing question and save the answer straight away."""
        answers: dict[str, Any] = getattr(self.program, part)
        value = self._prompt(part, question, answers.get(question.id, default))

        def save(program: Program) -> None:
            target: dict[str, Any] = getattr(program, part)
            if value is None:
                target.pop(question.id, None)
            else:
                target[question.id] = value

        self._change(save)
        self.saved += 1

    def _prompt(self, part: str, question: Question, earlier: Any) -> Any:
        """Ask, with the question's help first; drafts are kept in program.toml."""
        self.console.print()
        if question.help.strip():
            self.console.print(Padding(f"[dim]{escape(question.help.strip())}[/dim]", (0, 0, 0, 2)))

        def change_drafts(change: Callable[[dict[str, str]], object]) -> None:
            self._change(lambda program: change(program.drafts))

        key = f"{part}.{question.id}"
        return self._ask_keeping_drafts(question, earlier, key, self.program.drafts, change_drafts)


def start_program(home: Home, workbook: Workbook, fresh: Program, now: datetime) -> Path | None:
    """Write a new program. A program already there is first moved to ``.backups`` (``program
    start --force``), never deleted; returns where it went. Callers check everything they can
    before this, so a mistake in what was typed never costs the old program its place."""
    moved = home.archive_program(now) if home.program_file.exists() else None
    home.write_program(workbook.definition, fresh)
    workbook.program = fresh
    return moved


def finish(home: Home, workbook: Workbook, reason: str, today: date) -> None:
    """Record the re-assessment's date, and the early end if the program's time is not up."""

    def record(program: Program) -> None:
        programs.end(program, reason, today)
        program.program.reassessed = today

    workbook.program, _ = home.update_program(workbook.definition, record)


class ProgramCompanion(Companion):
    """The program's part in a sitting with the stages (``Session(companions=...)``): the
    check-in reminder, and a stage's suggested homework the first time the stage is worked in,
    however it began (a record added, an answers file, ``next --stage``)."""

    def __init__(self, exercises: Exercises = no_exercises) -> None:
        self.exercises = exercises

    def sitting_started(self, sitting: Session) -> None:
        program = sitting.workbook.program
        if program is not None and programs.checkin_due(program, sitting.today):
            week = programs.week_index(program.program, sitting.today) + 1
            sitting.console.print(
                f"[dim]No check-in yet in week {week} of your program; "
                "`careerpath checkin` takes two minutes.[/dim]\n"
            )

    def stage_begun(self, sitting: Session, stage: StageDefinition) -> None:
        if sitting.workbook.program is None or not stage.homework:
            return
        program_sitting = ProgramSession(
            sitting.home,
            sitting.workbook,
            sitting.prompter,
            sitting.console,
            sitting.today,
            self.exercises,
        )
        try:
            program_sitting.offer_homework(stage)
        finally:
            sitting.saved += program_sitting.saved


# --- answers files ---------------------------------------------------------------------------


def _intake_from_file(questions: ProgramDefinition, path: Path) -> tuple[dict[str, Any], list[str]]:
    """Intake answers and goals (``goals = ["..."]``) from an answers file."""
    given = answers_file.read(
        path,
        questions.intake_model,
        questions.intake,
        INTAKE_HINT,
        extra={"goals": (list[str] | None, None)},
    )
    goals = [g.strip() for g in given.pop("goals", []) if g.strip()]
    return given, goals


def program_from_file(
    questions: ProgramDefinition, path: Path, start: date, months: int | None, today: date
) -> tuple[Program, int]:
    """A new program (not written yet) with the intake answers and goals of ``path``, and how
    many answers it holds. Everything is checked before the caller writes anything."""
    given, goals = _intake_from_file(questions, path)
    _check_goal_count(path, goals, open_now=0)
    fresh = programs.new(start, months or program_file.DEFAULT_MONTHS)
    fresh.intake.update(given)
    for goal in goals:
        programs.add_goal(fresh, goal, today)
    return fresh, len(given)


def finish_intake_from_file(home: Home, workbook: Workbook, path: Path, today: date) -> int:
    """Add the intake answers and goals of ``path`` to an unfinished intake (keys in the file
    replace those answers, as ``next --answers`` does for a stage); returns how many. A goal
    already there is not added twice, so giving the same file again does no harm."""
    questions = program_file.questions_of(workbook.definition)
    given, goals = _intake_from_file(questions, path)
    program = workbook.program
    assert program is not None
    known = {goal.text for goal in program.goals}
    goals = [goal for goal in goals if goal not in known]
    _check_goal_count(path, goals, open_now=len(programs.open_goals(program)))

    def merge(saved: Program) -> None:
        saved.intake.update(given)
        for key in given:
            saved.drafts.pop(f"intake.{key}", None)
        for goal in goals:
            programs.add_goal(saved, goal, today)

    workbook.program, _ = home.update_program(workbook.definition, merge)
    return len(given)


def _check_goal_count(path: Path, goals: list[str], *, open_now: int) -> None:
    if len(goals) + open_now > programs.MAX_OPEN_GOALS:
        already = f" besides the {open_now} open already" if open_now else ""
        raise InvalidInput(
            f"{path} sets {len(goals)} goals{already}; a program has one to "
            f"{programs.MAX_OPEN_GOALS}"
        )


def closing_from_file(
    questions: ProgramDefinition, program: Program, path: Path
) -> tuple[dict[str, Any], dict[str, GoalStatus]]:
    """Closing answers and goal outcomes (``[goals] g1 = "met"``) from an answers file."""
    given = answers_file.read(
        path,
        questions.intake_model,
        questions.intake,
        INTAKE_HINT,
        extra={"goals": (dict[str, GoalStatus] | None, None)},
    )
    goals: dict[str, GoalStatus] = given.pop("goals", {})
    for goal_id in goals:
        programs.find_goal(program, goal_id)
    _require_answered(path, questions.intake, given, INTAKE_HINT)
    return given, goals


def checkin_from_file(questions: ProgramDefinition, path: Path) -> dict[str, Any]:
    """A check-in's answers from an answers file; every required one must be there."""
    given = answers_file.read(
        path, questions.checkin_answers_model, questions.checkin, CHECKIN_HINT
    )
    _require_answered(path, questions.checkin, given, CHECKIN_HINT)
    return given


def _require_answered(
    path: Path, questions: list[Question], given: dict[str, Any], hint: str
) -> None:
    missing = engine.missing_required(questions, given)
    if missing:
        raise InvalidInput(f"{path} does not answer: {', '.join(q.id for q in missing)}", hint=hint)
