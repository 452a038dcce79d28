"""The program commands: ``program start|status|extend|end|questions``, ``goal``, ``homework``
and ``checkin``.

Each command is thin: parse options, hold the lock for a write, call a pure function in
``careerpath.program`` or a sitting in ``careerpath.program_session``, print the outcome. Every
command works without a terminal, from options or an answers file.
"""

from __future__ import annotations

import sys
from datetime import date, timedelta
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from careerpath.cli.base import home_of, now, out_console, today
from careerpath.cli.groups import HELP

if TYPE_CHECKING:
    from rich.console import Console

    from careerpath.models import Workbook
    from careerpath.program import Program
    from careerpath.program_session import ProgramSession
    from careerpath.store import Home

program_app = typer.Typer(
    name="program", add_completion=False, help=HELP["program"], no_args_is_help=True
)
goal_app = typer.Typer(name="goal", add_completion=False, help=HELP["goal"], no_args_is_help=True)
homework_app = typer.Typer(
    name="homework", add_completion=False, help=HELP["homework"], no_args_is_help=True
)
checkin_app = typer.Typer(add_completion=False)


ANSWERS_HELP = "Answer from this TOML file instead of prompting (see `program questions`)."


class Part(StrEnum):
    intake = "intake"
    checkin = "checkin"


class QuestionsFormat(StrEnum):
    text = "text"
    toml = "toml"


# --- helpers ---------------------------------------------------------------------------------


def _months(value: int | None) -> int | None:
    from careerpath import program

    if value is not None and not program.MIN_MONTHS <= value <= program.MAX_MONTHS:
        raise typer.BadParameter(
            f"a program runs {program.MIN_MONTHS} to {program.MAX_MONTHS} months "
            f"({program.DEFAULT_MONTHS} is usual), not {value}."
        )
    return value


def _date(text: str | None) -> date | None:
    from careerpath.errors import InvalidInput
    from careerpath.values import parse_date

    if text is None:
        return None
    try:
        return parse_date(text, today())
    except ValueError as error:
        raise InvalidInput(str(error)) from None


def _with_program(home: Home) -> Workbook:
    """The workbook, which must have a program; else say how to start one."""
    from careerpath.errors import NoProgram

    workbook = home.load()
    if workbook.program is None:
        raise NoProgram(home.root)
    return workbook


def _sitting(home: Home, workbook: Workbook) -> ProgramSession:
    from careerpath.program_session import ProgramSession
    from careerpath.prompts import TerminalPrompter

    day = today()
    return ProgramSession(home, workbook, TerminalPrompter(day), out_console(), day)


def _need_terminal(what: str) -> None:
    from careerpath import prompts

    prompts.require_terminal(
        f"To answer from a file instead: `careerpath program questions {what} --format toml "
        f"> {what}.toml`, fill it in, then run this command again with `--answers {what}.toml`."
    )


def _warn(console: Console, text: str) -> None:
    from rich.markup import escape

    console.print(f"[yellow]Note:[/yellow] {escape(text)}", highlight=False, soft_wrap=True)


# --- program ---------------------------------------------------------------------------------


@program_app.command("start")
def program_start(
    ctx: typer.Context,
    months: Annotated[
        int | None,
        typer.Option(
            "--months",
            "-m",
            help="How long the program runs: 2 to 6 months. [default: 3, or asked]",
            callback=_months,
            show_default=False,
        ),
    ] = None,
    start: Annotated[
        str | None,
        typer.Option(
            "--start",
            help="The first day (YYYY-MM-DD, today, 1w...). [default: today]",
            show_default=False,
        ),
    ] = None,
    answers: Annotated[
        Path | None,
        typer.Option(
            "--answers",
            help="Intake answers and `goals = [...]` from this TOML file instead of prompting.",
            dir_okay=False,
        ),
    ] = None,
    force: Annotated[
        bool,
        typer.Option("--force", help="Start a new program: move the current one to a backup."),
    ] = False,
) -> None:
    """Begin a program: its length, the intake needs assessment and one to three goals.

    Run again while the intake is unfinished, it continues the intake."""
    from rich.markup import escape

    from careerpath import program as programs
    from careerpath.errors import InvalidInput

    home = home_of(ctx)
    console = out_console()
    first_day = _date(start) or today()
    with home.lock("program start"):
        workbook = home.load()
        questions = programs.questions_of(workbook.definition)
        if workbook.program is not None and force:
            moved = home.archive_program(now())
            workbook.program = None
            console.print(f"Your previous program is kept in {escape(str(moved))}.")
        if workbook.program is not None:
            unfinished = programs.missing(questions.intake, workbook.program.intake)
            if not unfinished or answers is not None:
                section = programs.schedule(workbook.program.program, today(), [])
                raise InvalidInput(
                    f"a program is already running in {home.root} "
                    f"(week {section.week} of {section.weeks})",
                    hint="See it with `careerpath program status`; `program extend` or "
                    "`program end` change it; `program start --force` starts a new one.",
                )
        if first_day < today() - timedelta(days=31):
            _warn(console, f"the start date {first_day} is more than a month ago.")
        if answers is not None:
            hint = "`careerpath program questions intake --format toml` writes a file to fill in."
            from careerpath.program_session import intake_from_file

            given, goals = intake_from_file(questions, answers, hint)
            if len(goals) > programs.MAX_OPEN_GOALS:
                raise InvalidInput(
                    f"{answers} sets {len(goals)} goals; a program has one to "
                    f"{programs.MAX_OPEN_GOALS}"
                )
            fresh = programs.new(first_day, months or programs.DEFAULT_MONTHS)
            fresh.intake.update(given)
            for goal in goals:
                programs.add_goal(fresh, goal, today())
            home.write_program(workbook.definition, fresh)
            workbook.program = fresh
            _started_message(console, workbook, given)
            return
        _need_terminal("intake")
        _sitting(home, workbook).begin(months, first_day)


def _started_message(console: Console, workbook: Workbook, given: dict[str, object]) -> None:
    from rich.markup import escape

    from careerpath import program as programs

    program = workbook.program
    assert program is not None
    plan = program.program
    end = programs.planned_end(plan)
    console.print(
        f"[green]✓[/green] Program started: {plan.months} months, {plan.start} to {end} "
        f"({programs.weeks_between(plan.start, end)} weeks)."
    )
    noun = "answer" if len(given) == 1 else "answers"
    console.print(f"Saved {len(given)} intake {noun}.")
    missing = programs.missing(programs.questions_of(workbook.definition).intake, program.intake)
    if missing:
        names = ", ".join(q.id for q in missing)
        console.print(f"Still to answer in the intake: {names}.")
    for goal in program.goals:
        console.print(f"  {goal.id}  {escape(goal.text)}", highlight=False)
    if not program.goals:
        console.print('No goals yet: add one to three with `careerpath goal add "..."`.')
    console.print("Check in weekly with `careerpath checkin`; see `careerpath program status`.")


@program_app.command("status")
def program_status(ctx: typer.Context) -> None:
    """Week N of M, the timeline, on track or behind, goals, homework and check-ins."""
    from careerpath import report as reports
    from careerpath.program_report import render_program

    workbook = _with_program(home_of(ctx))
    render_program(reports.build(workbook, today()), out_console())


@program_app.command("extend")
def program_extend(
    ctx: typer.Context,
    months: Annotated[int, typer.Option("--months", "-m", help="How many months to add (1 to 6).")],
    reason: Annotated[str, typer.Option("--reason", help="Why, for the record.")] = "",
) -> None:
    """Add months to the program; recorded with its date and reason."""
    from careerpath import program as programs

    home = home_of(ctx)
    with home.lock("program extend"):
        workbook = _with_program(home)
        program, _ = home.update_program(
            workbook.definition, lambda p: programs.extend(p, months, reason, today())
        )
    plan = program.program
    out_console().print(
        f"[green]✓[/green] Extended by {months} month{'s' if months != 1 else ''}: the program "
        f"now runs {programs.total_months(plan)} months, to {programs.planned_end(plan)}."
    )


@program_app.command("end")
def program_end(
    ctx: typer.Context,
    reason: Annotated[
        str, typer.Option("--reason", help="Why it ends, when it ends early (for the record).")
    ] = "",
    answers: Annotated[
        Path | None,
        typer.Option(
            "--answers",
            help='Closing answers (the intake questions) and `[goals] g1 = "met"` from this '
            "TOML file.",
            dir_okay=False,
        ),
    ] = None,
) -> None:
    """The closing re-assessment: the intake questions again, each goal met or not, and the
    change since the start. Before the planned end, the early end is recorded."""
    from careerpath import program as programs
    from careerpath import report as reports
    from careerpath.errors import InvalidInput
    from careerpath.program_report import comparison_lines

    home = home_of(ctx)
    console = out_console()
    with home.lock("program end"):
        workbook = _with_program(home)
        assert workbook.program is not None
        if workbook.program.program.reassessed is not None:
            raise InvalidInput(
                f"this program already ended with its re-assessment on "
                f"{workbook.program.program.reassessed}",
                hint="See it with `careerpath program status`; `program start --force` begins "
                "a new one.",
            )
        if answers is not None:
            from careerpath.program_session import closing_from_file, finish

            hint = "`careerpath program questions intake --format toml` writes a file to fill in."
            questions = programs.questions_of(workbook.definition)
            given, outcomes = closing_from_file(questions, workbook.program, answers, hint)

            def record(program: Program) -> None:
                program.closing.update(given)
                for goal_id, status in outcomes.items():
                    programs.close_goal(program, goal_id, today(), status)  # type: ignore[arg-type]

            workbook.program, _ = home.update_program(workbook.definition, record)
            finish(home, workbook, reason, today())
        else:
            _need_terminal("intake")
            _sitting(home, workbook).closing(reason)
    built = reports.build(workbook, today())
    assert built.program is not None
    console.print("\n[bold]Your program, start → end[/bold]")
    for line in comparison_lines(built.program):
        console.print(f"  {line}", highlight=False, markup=False)
    if built.program.phase == "ended early":
        console.print(f"Ended early on {built.program.end}; recorded in program.toml.")
    console.print("The whole story is in `careerpath report`.")


@program_app.command("questions")
def program_questions(
    ctx: typer.Context,
    part: Annotated[Part, typer.Argument(help="intake (also asked at the end) or checkin.")],
    format: Annotated[
        QuestionsFormat,
        typer.Option("--format", "-f", help="text to read, toml for a fill-in answers file."),
    ] = QuestionsFormat.text,
) -> None:
    """What the intake or the check-in asks; `--format toml` writes a file to fill in."""
    from rich.markup import escape

    from careerpath import definition
    from careerpath import program as programs

    home = home_of(ctx)
    book = home.load().definition if home.exists() else definition.load_builtin()
    questions = programs.questions_of(book)
    chosen = questions.intake if part is Part.intake else questions.checkin
    if format is QuestionsFormat.toml:
        sys.stdout.write(programs.fill_in(part.value, chosen))
        return
    console = out_console()
    for question in chosen:
        need = "required" if question.required else "optional"
        console.print(
            f"[cyan]{question.id}[/cyan]  {escape(question.prompt)}  "
            f"[dim]{escape(question.describe())}; {need}[/dim]"
        )


# --- goals -----------------------------------------------------------------------------------


@goal_app.command("list")
def goal_list(ctx: typer.Context) -> None:
    """Your goals, with their status and how each changed."""
    from careerpath import program as programs
    from careerpath import report as reports
    from careerpath.program_report import goal_lines

    workbook = _with_program(home_of(ctx))
    section = reports.build(workbook, today()).program
    assert section is not None
    console = out_console()
    if not section.goals:
        console.print('No goals yet: `careerpath goal add "..."`.')
    for goal in section.goals:
        first, *history = goal_lines(goal)
        console.print(first, markup=False, highlight=False)
        for line in history:
            console.print(f"[dim]{_escaped(line)}[/dim]", highlight=False)
    open_count = sum(goal.status == "open" for goal in section.goals)
    if section.goals:
        console.print(
            f"[dim]{open_count} open of at most {programs.MAX_OPEN_GOALS}.[/dim]", highlight=False
        )


def _escaped(text: str) -> str:
    from rich.markup import escape

    return escape(text)


@goal_app.command("add")
def goal_add(
    ctx: typer.Context,
    text: Annotated[str, typer.Argument(help="The goal, in your words.", show_default=False)],
) -> None:
    """Add a goal (at most three open at a time)."""
    from careerpath import program as programs

    home = home_of(ctx)
    with home.lock("goal add"):
        workbook = _with_program(home)
        _, goal = home.update_program(
            workbook.definition, lambda p: programs.add_goal(p, text, today())
        )
    out_console().print(f"[green]✓[/green] Added {goal.id}: {_escaped(goal.text)}", highlight=False)


@goal_app.command("revise")
def goal_revise(
    ctx: typer.Context,
    goal_id: Annotated[str, typer.Argument(metavar="ID", help="The goal's id, e.g. g1.")],
    text: Annotated[str, typer.Argument(help="The new wording.", show_default=False)],
    reason: Annotated[
        str, typer.Option("--reason", "-r", help="Why it changes (kept in the goal's history).")
    ],
) -> None:
    """Change a goal's wording; the old wording, the date and the reason are kept."""
    from careerpath import program as programs

    home = home_of(ctx)
    with home.lock("goal revise"):
        workbook = _with_program(home)
        _, goal = home.update_program(
            workbook.definition,
            lambda p: programs.revise_goal(p, goal_id, text, reason, today()),
        )
    old = goal.history[-1]
    out_console().print(
        f"[green]✓[/green] {goal.id} now reads: {_escaped(goal.text)}\n"
        f"  [dim]was “{_escaped(old.text)}”; reason kept: {_escaped(old.reason)}[/dim]",
        highlight=False,
    )


@goal_app.command("done")
def goal_done(
    ctx: typer.Context,
    goal_id: Annotated[str, typer.Argument(metavar="ID", help="The goal's id, e.g. g1.")],
) -> None:
    """Mark a goal met."""
    from careerpath import program as programs

    home = home_of(ctx)
    with home.lock("goal done"):
        workbook = _with_program(home)
        _, goal = home.update_program(
            workbook.definition, lambda p: programs.close_goal(p, goal_id, today())
        )
    out_console().print(f"[green]✓[/green] {goal.id} met: {_escaped(goal.text)}", highlight=False)


# --- homework --------------------------------------------------------------------------------


@homework_app.command("add")
def homework_add(
    ctx: typer.Context,
    text: Annotated[str, typer.Argument(help="What to do.", show_default=False)],
    due: Annotated[
        str | None,
        typer.Option("--due", help="Due date: YYYY-MM-DD, today, tomorrow, 3d, 2w, 1m."),
    ] = None,
    stage: Annotated[
        str | None,
        typer.Option("--stage", "-s", help="The stage it belongs to. [default: your current one]"),
    ] = None,
) -> None:
    """Add homework, with a due date if it has one."""
    from careerpath import engine
    from careerpath import program as programs

    home = home_of(ctx)
    console = out_console()
    due_date = _date(due)
    with home.lock("homework add"):
        workbook = _with_program(home)
        if stage is not None:
            stage_id: str | None = workbook.definition.stage(stage).id
        else:
            current = engine.current_stage(workbook)
            stage_id = current.id if current else None
        _, (item, warning) = home.update_program(
            workbook.definition,
            lambda p: programs.add_homework(p, text, today(), due=due_date, stage=stage_id),
        )
    when = f", due {item.due:%a %d %b %Y}" if item.due else ""
    console.print(f"[green]✓[/green] Added {item.id}{when}: {_escaped(item.text)}", highlight=False)
    if warning:
        _warn(console, f"{warning}. Saved as given; change it in program.toml if it is a slip.")


@homework_app.command("list")
def homework_list(
    ctx: typer.Context,
    all_: Annotated[
        bool, typer.Option("--all", "-a", help="Include homework already done.")
    ] = False,
) -> None:
    """Your homework: overdue first, then by due date."""
    from careerpath import report as reports
    from careerpath.program_report import homework_line

    workbook = _with_program(home_of(ctx))
    built = reports.build(workbook, today())
    section = built.program
    assert section is not None
    console = out_console()
    console.print(
        f"[bold]Homework[/bold]  {section.homework_done} done · {section.homework_open} open · "
        f"{section.homework_overdue} overdue"
    )
    shown = [item for item in section.homework if all_ or item.state != "done"]
    for item in shown:
        style = {"overdue": "red", "done": "dim", "open": ""}[item.state]
        line = _escaped(homework_line(item, built.generated))
        console.print(f"  [{style}]{line}[/{style}]" if style else f"  {line}", highlight=False)
    if not section.homework:
        console.print('  none yet: `careerpath homework add "..." --due 1w`')
    elif not shown:
        console.print("  all done. `--all` lists it.")


@homework_app.command("done")
def homework_done(
    ctx: typer.Context,
    item_id: Annotated[str, typer.Argument(metavar="ID", help="The homework's id, e.g. h3.")],
) -> None:
    """Mark homework done."""
    from careerpath import program as programs

    home = home_of(ctx)
    with home.lock("homework done"):
        workbook = _with_program(home)
        _, item = home.update_program(
            workbook.definition, lambda p: programs.finish_homework(p, item_id, today())
        )
    out_console().print(f"[green]✓[/green] {item.id} done: {_escaped(item.text)}", highlight=False)


# --- check-in --------------------------------------------------------------------------------


@checkin_app.command()
def checkin(
    ctx: typer.Context,
    answers: Annotated[
        Path | None, typer.Option("--answers", help=ANSWERS_HELP, dir_okay=False)
    ] = None,
) -> None:
    """A short weekly check-in: what you did, what got in the way, your energy, next focus."""
    from careerpath import program as programs

    home = home_of(ctx)
    console = out_console()
    with home.lock("checkin"):
        workbook = _with_program(home)
        if answers is None:
            _need_terminal("checkin")
            _sitting(home, workbook).checkin()
            return
        from careerpath.program_session import read_answers_file

        questions = programs.questions_of(workbook.definition)
        hint = "`careerpath program questions checkin --format toml` writes a file to fill in."
        given = read_answers_file(answers, questions.checkin_answers_model, hint)
        missing = programs.missing(questions.checkin, given)
        if missing:
            from careerpath.errors import InvalidInput

            raise InvalidInput(
                f"{answers} does not answer: {', '.join(q.id for q in missing)}", hint=hint
            )
        day = today()

        def record(program: Program) -> int:
            for key, value in given.items():
                programs.save_checkin_answer(program, day, key, value)
            return programs.checkin_streak(program.program, [c.date for c in program.checkins], day)

        workbook.program, streak = home.update_program(workbook.definition, record)
    console.print(
        f"[green]✓[/green] Check-in saved for {day}. Streak: {streak} "
        f"week{'s' if streak != 1 else ''}."
    )
