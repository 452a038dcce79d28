"""Asking the program's questions: the intake, goals, suggested homework, check-ins, the end.

Like ``session`` for the stages: questions come from the workbook definition and are asked
through a ``Prompter``; every answer is saved to ``program.toml`` the moment it is given; Ctrl-C
keeps what was being typed as a draft and says how many answers were saved. The answers-file
variants (``--answers FILE``) check the whole file before saving anything.
"""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError, create_model
from rich.console import Console
from rich.markup import escape
from rich.padding import Padding

from careerpath import program as programs
from careerpath import tomlio
from careerpath.definition import ProgramDefinition, Question, StageDefinition
from careerpath.errors import Interrupted, InvalidFiles, InvalidInput
from careerpath.models import Workbook
from careerpath.program import Program
from careerpath.prompts import Prompter
from careerpath.store import Home

T = TypeVar("T")

ACCEPT, EDIT, SKIP = "Accept", "Edit it first", "Skip it"
MET, NOT_MET, STILL_OPEN = "Met", "Not met", "Still working on it"
OUTCOMES: dict[str, programs.GoalStatus] = {MET: "met", NOT_MET: "not met", STILL_OPEN: "open"}
MONTHS_CHOICES = {f"{n} months" + (" (the usual)" if n == 3 else ""): n for n in range(2, 7)}

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


class ProgramSession:
    """One sitting with the program's questions."""

    def __init__(
        self, home: Home, workbook: Workbook, prompter: Prompter, console: Console, today: date
    ) -> None:
        self.home = home
        self.workbook = workbook
        self.prompter = prompter
        self.console = console
        self.today = today
        self.saved = 0
        self.questions: ProgramDefinition = programs.questions_of(workbook.definition)

    @property
    def program(self) -> Program:
        assert self.workbook.program is not None
        return self.workbook.program

    def _change(self, change: Callable[[Program], T]) -> T:
        self.workbook.program, result = self.home.update_program(self.workbook.definition, change)
        return result

    @contextlib.contextmanager
    def _counting(self, resume: str) -> Iterator[None]:
        """Ctrl-C reports how many answers were saved and how to carry on."""
        try:
            yield
        except Interrupted as stop:
            error = Interrupted(self.saved, kept_draft=stop.kept_draft)
            error.hint = resume
            raise error from None

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

    def begin(self, months: int | None, start: date) -> None:
        """Create the program (asking its length when not given), then the intake and goals."""
        with self._counting("Run `careerpath program start` to finish the intake."):
            if self.workbook.program is None:
                if months is None:
                    picked = self.prompter.select(
                        "How long should the program run?",
                        list(MONTHS_CHOICES),
                        default=next(k for k, v in MONTHS_CHOICES.items() if v == 3),
                    )
                    months = MONTHS_CHOICES[picked]
                fresh = programs.new(start, months)
                self.home.write_program(self.workbook.definition, fresh)
                self.workbook.program = fresh
                end = programs.planned_end(fresh.program)
                self.console.print(
                    f"\n[bold]Your program: {months} months, {start:%d %b %Y} to "
                    f"{end:%d %b %Y}.[/bold]"
                )
                self.console.print(Padding(escape(self.questions.intro.strip()), (1, 0, 1, 2)))
            else:
                self.console.print("\n[bold]Continuing your intake.[/bold]")
            self.console.rule("[bold]Intake: where you are starting from[/bold]")
            for question in programs.pending(self.questions.intake, self.program.intake, []):
                self._ask_answer("intake", question)
            if not programs.open_goals(self.program):
                self._ask_goals()
            stage = _current_stage(self.workbook)
            begun = stage is not None and self.workbook.state.stages.get(stage.id)
            if stage is not None and begun and begun.started:
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
        """The stage's suggested homework, each accepted, edited first, or skipped."""
        if not stage.homework or programs.is_over(self.program.program, self.today):
            return
        if any(h.stage == stage.id and h.source == "suggested" for h in self.program.homework):
            return  # offered before
        self.console.print(
            f"\n[bold]Homework suggested for {escape(stage.title)}[/bold] "
            "[dim](for your program)[/dim]"
        )
        for suggestion in stage.homework:
            due = programs.suggested_homework_due(self.today, suggestion.due_in_days)
            when = f" (due {due:%a %d %b})" if due else ""
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
                )
            )
            self.saved += 1
            self.console.print(f"  [green]✓[/green] Added as {item.id}.")

    # --- check-ins --------------------------------------------------------------------------

    def checkin(self) -> None:
        """A short check-in; run again the same day it edits that day's, earlier answers as
        defaults."""
        earlier = programs.checkin_on(self.program, self.today)
        with self._counting("Run `careerpath checkin` again to finish it."):
            self.console.rule(
                f"[bold]Check-in · {self.today:%a %d %b %Y}[/bold]"
                + (" (editing today's)" if earlier else "")
            )
            last = programs.last_checkin(self.program, self.today)
            if last and last != self.today:
                self.console.print(
                    f"[dim]Your last check-in was {last:%a %d %b} "
                    f"({(self.today - last).days} days ago).[/dim]"
                )
            if self.program.goals:
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
        self.console.print(
            f"\n[green]✓[/green] Check-in saved. Streak: {streak} week{'s' if streak != 1 else ''}."
        )

    # --- the end ----------------------------------------------------------------------------

    def closing(self, reason: str) -> None:
        """The closing re-assessment: the intake again, then each open goal met or not."""
        with self._counting("Run `careerpath program end` again to finish the re-assessment."):
            self.console.rule("[bold]Closing re-assessment[/bold]")
            self.console.print(
                Padding(
                    "[dim]The questions from the start of your program, once more, so you can "
                    "see what changed.[/dim]",
                    (0, 0, 0, 2),
                )
            )
            for question in programs.pending(self.questions.intake, self.program.closing, []):
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
                status: programs.GoalStatus = OUTCOMES[picked]
                self._change(
                    functools.partial(
                        programs.close_goal, goal_id=goal.id, today=self.today, status=status
                    )
                )
                self.saved += 1
        finish(self.home, self.workbook, reason, self.today)

    # --- asking and saving ------------------------------------------------------------------

    def _ask_answer(self, part: str, question: Question) -> None:
        """Ask an intake or closing question and save the answer straight away."""
        answers: dict[str, Any] = getattr(self.program, part)
        value = self._prompt(part, question, answers.get(question.id))

        def save(program: Program) -> None:
            target: dict[str, Any] = getattr(program, part)
            if value is None:
                target.pop(question.id, None)
            else:
                target[question.id] = value

        self._change(save)
        self.saved += 1

    def _prompt(self, part: str, question: Question, earlier: Any) -> Any:
        """Ask, offering a draft kept from an earlier Ctrl-C; keep a new draft on Ctrl-C."""
        self.console.print()
        if question.help.strip():
            self.console.print(Padding(f"[dim]{escape(question.help.strip())}[/dim]", (0, 0, 0, 2)))
        key = f"{part}.{question.id}"
        drafts = self.program.drafts
        if key in drafts:
            self.console.print("  [dim]Picking up what you were typing last time.[/dim]")
        try:
            value = self.prompter.ask(question, earlier, drafts.get(key))
        except Interrupted as stop:
            typed = stop.draft
            if typed and typed.strip() and typed != question.as_text(earlier):
                self._change(lambda p: p.drafts.update({key: typed}))
                raise Interrupted(self.saved, kept_draft=True) from None
            raise
        if key in drafts:
            self._change(lambda p: p.drafts.pop(key, None))
        return value


def _current_stage(workbook: Workbook) -> StageDefinition | None:
    from careerpath import engine

    return engine.current_stage(workbook)


def finish(home: Home, workbook: Workbook, reason: str, today: date) -> None:
    """Record the re-assessment's date, and the early end if the program's time is not up."""

    def record(program: Program) -> None:
        programs.end(program, reason, today)
        program.program.reassessed = today

    workbook.program, _ = home.update_program(workbook.definition, record)


# --- answers files ---------------------------------------------------------------------------


def read_answers_file(
    path: Path, model: type[BaseModel], hint: str, extra: dict[str, Any] | None = None
) -> dict[str, Any]:
    """An answers file checked in full by ``model`` (plus ``extra`` fields); problems name
    file, line and field."""
    raw, text = tomlio.read(path)
    if extra:
        model = create_model(f"{model.__name__} file", __base__=model, **extra)
    try:
        checked = model.model_validate(raw)
    except ValidationError as error:
        raise InvalidFiles(tomlio.problems_from(error, path, text, raw), hint=hint) from None
    return checked.model_dump(exclude_none=True)


def intake_from_file(
    questions: ProgramDefinition, path: Path, hint: str
) -> tuple[dict[str, Any], list[str]]:
    """Intake answers and goals (``goals = ["..."]``) from an answers file."""
    given = read_answers_file(
        path, questions.intake_model, hint, extra={"goals": (list[str] | None, None)}
    )
    goals = [g.strip() for g in given.pop("goals", []) if g.strip()]
    answers = {k: v for k, v in given.items() if questions.intake_question(k).is_answered(v)}
    return answers, goals


def closing_from_file(
    questions: ProgramDefinition, program: Program, path: Path, hint: str
) -> tuple[dict[str, Any], dict[str, str]]:
    """Closing answers and goal outcomes (``[goals] g1 = "met"``) from an answers file."""
    given = read_answers_file(
        path,
        questions.intake_model,
        hint,
        extra={"goals": (dict[str, programs.GoalStatus] | None, None)},
    )
    goals: dict[str, str] = given.pop("goals", {})
    for goal_id in goals:
        programs.find_goal(program, goal_id)
    answers = {k: v for k, v in given.items() if questions.intake_question(k).is_answered(v)}
    missing = programs.missing(questions.intake, answers)
    if missing:
        raise InvalidInput(
            f"{path} does not answer: {', '.join(q.id for q in missing)}",
            hint="`careerpath program questions intake --format toml` writes a file to fill in.",
        )
    return answers, goals
