"""The program commands: ``program start|status|extend|end|questions``, ``goal``, ``homework``
and ``checkin``.

Each command is thin: parse options, hold the lock for a write, call a pure function in
``careerpath.program.plan`` or a sitting in ``careerpath.program.sitting``, print the outcome. Every
command works without a terminal, from options or an answers file.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import timedelta
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, TypeVar

import typer

from careerpath.cli import completion
from careerpath.cli.base import QuestionsFormat, home_of, now, out_console, today, warn
from careerpath.cli.groups import HELP

if TYPE_CHECKING:
    from rich.console import Console

    from careerpath.program.sitting import ProgramSession
    from careerpath.workbook.definition import ProgramDefinition
    from careerpath.workbook.home import Home
    from careerpath.workbook.models import Workbook
    from careerpath.workbook.program_file import Program

T = TypeVar("T")

program_app = typer.Typer(
    name="program", add_completion=False, help=HELP["program"], no_args_is_help=True
)
goal_app = typer.Typer(name="goal", add_completion=False, help=HELP["goal"], no_args_is_help=True)
homework_app = typer.Typer(
    name="homework", add_completion=False, help=HELP["homework"], no_args_is_help=True
)
checkin_app = typer.Typer(add_completion=False)


ANSWERS_HELP = "Answer from this TOML file instead of prompting (see `program questions`)."
EARLY_START_DAYS = 31
"""A start date further back than this is probably a slip, so it gets a word of warning."""


class Part(StrEnum):
    intake = "intake"
    checkin = "checkin"


# --- helpers ---------------------------------------------------------------------------------


def _with_program(home: Home) -> Workbook:
    """The workbook, which must have a program; else say how to start one."""
    from careerpath.core.errors import NoProgram

    workbook = home.load()
    if workbook.program is None:
        raise NoProgram(home.root)
    return workbook


def _change_program(
    ctx: typer.Context, command: str, change: Callable[[Program], T]
) -> tuple[Workbook, T]:
    """Apply ``change`` to the program under the home's lock: the file is read again, changed
    and written (see ``Home.update_program``). Returns the workbook with the changed program,
    and what ``change`` returned."""
    home = home_of(ctx)
    with home.lock(command):
        workbook = _with_program(home)
        workbook.program, result = home.update_program(workbook.definition, change)
    return workbook, result


def _sitting(home: Home, workbook: Workbook) -> ProgramSession:
    import functools

    from careerpath.instruments.store import exercise_counts
    from careerpath.program.sitting import ProgramSession
    from careerpath.workbook.prompts import TerminalPrompter

    day = today()
    exercises = functools.partial(exercise_counts, home)
    return ProgramSession(home, workbook, TerminalPrompter(day), out_console(), day, exercises)


def _need_terminal(what: str) -> None:
    from careerpath.workbook import prompts

    prompts.require_terminal(
        f"To answer from a file instead: `careerpath program questions {what} --format toml "
        f"> {what}.toml`, fill it in, then run this command again with `--answers {what}.toml`."
    )


def _done(console: Console, text: str) -> None:
    """A change made: a green tick, then ``text`` (never read as markup)."""
    from rich.text import Text

    line = Text("✓ ", style="green")
    line.append(text)
    console.print(line)


# --- program ---------------------------------------------------------------------------------


@program_app.command("start")
def program_start(
    ctx: typer.Context,
    months: Annotated[
        int | None,
        typer.Option(
            "--months",
            help="How long the program runs: 2 to 6 months. [default: 3, or asked]",
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

    Run again while the intake is unfinished, it continues the intake (from a terminal or
    from another answers file)."""
    from careerpath.cli.recording import day_option
    from careerpath.core.values import format_day
    from careerpath.program import plan as programs
    from careerpath.workbook import program_file

    if months is not None:
        programs.check_months(months)
    first_day = day_option(start, "--start") or today()
    home = home_of(ctx)
    console = out_console()
    with home.lock("program start"):
        workbook = home.load()
        if workbook.program is not None and not force:
            new_plan = months is not None or start is not None
            _continue_intake(home, workbook, answers, console, new_plan=new_plan)
            return
        if first_day < today() - timedelta(days=EARLY_START_DAYS):
            warn(f"the start date, {format_day(first_day)}, is more than a month ago.")
        if answers is None:
            _need_terminal("intake")
            _sitting(home, workbook).begin(months, first_day, replace=force)
            return
        from careerpath.program.sitting import program_from_file, start_program

        questions = program_file.questions_of(workbook.definition)
        fresh, saved = program_from_file(questions, answers, first_day, months, today())
        moved = start_program(home, workbook, fresh, now())  # last: everything is checked
    if moved is not None:
        console.print(f"Your previous program is kept in {moved}.", markup=False, soft_wrap=True)
    _done(console, f"Program started: {programs.plan_in_words(fresh.program)}.")
    _intake_saved(console, questions, fresh, saved)


def _continue_intake(
    home: Home, workbook: Workbook, answers: Path | None, console: Console, *, new_plan: bool
) -> None:
    """``program start`` with a program already there: finish its intake (from a terminal or
    a file, merged into what is saved, as ``next --answers`` does for a stage), or say it
    runs. ``new_plan``: --months or --start were given, which only a new program takes."""
    from careerpath.core.errors import InvalidInput
    from careerpath.program import plan as programs
    from careerpath.workbook import engine, program_file

    program = workbook.program
    assert program is not None
    plan = program.program
    programs.require_open(plan)
    questions = program_file.questions_of(workbook.definition)
    if not engine.missing_required(questions.intake, program.intake):
        section = programs.schedule(plan, today(), [])
        raise InvalidInput(
            f"a program is already running in {home.root} (week {section.week} of {section.weeks})",
            hint="See it with `careerpath program status`; `program extend` or "
            "`program end` change it; `program start --force` starts a new one.",
        )
    if new_plan:
        raise InvalidInput(
            f"--months and --start set up a new program; yours runs {programs.plan_in_words(plan)}",
            hint="Finish its intake with `careerpath program start` alone (or with --answers); "
            "lengthen it with `program extend --months N`; `program start --force` starts a "
            "new one.",
        )
    if answers is None:
        _need_terminal("intake")
        _sitting(home, workbook).begin(None, plan.start)
        return
    from careerpath.program.sitting import finish_intake_from_file

    saved = finish_intake_from_file(home, workbook, answers, today())
    assert workbook.program is not None
    _intake_saved(console, questions, workbook.program, saved)


def _intake_saved(
    console: Console, questions: ProgramDefinition, program: Program, saved: int
) -> None:
    """What an intake file saved, what is still to answer, and the goals."""
    from careerpath.core.values import plural
    from careerpath.workbook import engine

    console.print(f"Saved {plural(saved, 'intake answer')}.")
    missing = engine.missing_required(questions.intake, program.intake)
    if missing:
        names = ", ".join(q.id for q in missing)
        console.print(
            f"Still to answer in the intake: {names}. Run `careerpath program start` again "
            "(with `--answers FILE` for a file) to finish it.",
            markup=False,
        )
    else:
        console.print("The intake is complete.")
    for goal in program.goals:
        console.print(f"  {goal.id}  {goal.text}", markup=False)
    if not program.goals:
        console.print('No goals yet: add one to three with `careerpath goal add "..."`.')
    console.print("Check in weekly with `careerpath checkin`; see `careerpath program status`.")


@program_app.command("status")
def program_status(ctx: typer.Context) -> None:
    """Week N of M, the timeline, on track or behind, goals, homework and check-ins."""
    from careerpath.views import report as reports
    from careerpath.views.program_report import render_program

    workbook = _with_program(home_of(ctx))
    render_program(reports.build(workbook, today()), out_console(), next_line=True)


@program_app.command("extend")
def program_extend(
    ctx: typer.Context,
    months: Annotated[int, typer.Option("--months", help="How many months to add (1 to 6).")],
    reason: Annotated[str, typer.Option("--reason", help="Why, for the record.")] = "",
) -> None:
    """Add months to the program; recorded with its date and reason."""
    from careerpath.core.values import plural
    from careerpath.program import plan as programs

    workbook, _ = _change_program(
        ctx, "program extend", lambda p: programs.extend(p, months, reason, today())
    )
    assert workbook.program is not None
    plan = programs.plan_in_words(workbook.program.program)
    _done(out_console(), f"Extended by {plural(months, 'month')}: the program now runs {plan}.")


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
    from careerpath.core.values import format_day
    from careerpath.program import plan as programs
    from careerpath.views import report as reports
    from careerpath.views.program_report import comparison_lines
    from careerpath.workbook import program_file

    home = home_of(ctx)
    console = out_console()
    with home.lock("program end"):
        workbook = _with_program(home)
        assert workbook.program is not None
        programs.check_can_end(workbook.program.program, today())
        if answers is not None:
            from careerpath.program.sitting import closing_from_file, finish

            questions = program_file.questions_of(workbook.definition)
            given, outcomes = closing_from_file(questions, workbook.program, answers)

            def record(program: Program) -> None:
                program.closing.update(given)
                for goal_id, status in outcomes.items():
                    programs.close_goal(program, goal_id, today(), status)

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
        console.print(f"Ended early on {format_day(built.program.end)}; recorded in program.toml.")
    console.print("The whole story is in `careerpath report`.")


@program_app.command("questions")
def program_questions(
    ctx: typer.Context,
    part: Annotated[Part, typer.Argument(help="intake (also asked at the end) or checkin.")],
    format: Annotated[
        QuestionsFormat,
        typer.Option(
            "--format", "-f", help="text to read, json for tools, toml for a fill-in answers file."
        ),
    ] = QuestionsFormat.text,
) -> None:
    """What the intake or the check-in asks; `--format toml` writes a file to fill in."""
    from careerpath.cli.workbook import print_questions
    from careerpath.program import plan as programs
    from careerpath.workbook import definition, program_file

    home = home_of(ctx)
    book = home.load().definition if home.exists() else definition.load_builtin()
    questions = program_file.questions_of(book)
    chosen = questions.intake if part is Part.intake else questions.checkin
    if format is QuestionsFormat.toml:
        sys.stdout.write(programs.fill_in(part.value, chosen))
    elif format is QuestionsFormat.json:
        import json

        data = {"part": part.value, "questions": [q.model_dump(mode="json") for q in chosen]}
        sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
    else:
        title = "Intake (asked again at the end)" if part is Part.intake else "Check-in"
        print_questions(title, chosen)


# --- goals -----------------------------------------------------------------------------------


@goal_app.command("list")
def goal_list(ctx: typer.Context) -> None:
    """Your goals, with their status and how each changed."""
    from careerpath.program import plan as programs
    from careerpath.views import report as reports
    from careerpath.views.program_report import render_goals

    section = reports.build(_with_program(home_of(ctx)), today()).program
    assert section is not None
    console = out_console()
    render_goals(section, console)
    if section.goals:
        open_count = sum(goal.status == "open" for goal in section.goals)
        console.print(f"[dim]{open_count} open of at most {programs.MAX_OPEN_GOALS}.[/dim]")


@goal_app.command("add")
def goal_add(
    ctx: typer.Context,
    text: Annotated[str, typer.Argument(help="The goal, in your words.", show_default=False)],
) -> None:
    """Add a goal (at most three open at a time)."""
    from careerpath.program import plan as programs

    _, goal = _change_program(ctx, "goal add", lambda p: programs.add_goal(p, text, today()))
    _done(out_console(), f"Added {goal.id}: {goal.text}")


@goal_app.command("revise")
def goal_revise(
    ctx: typer.Context,
    goal_id: Annotated[
        str,
        typer.Argument(metavar="ID", help="The goal's id (g1).", autocompletion=completion.goals),
    ],
    text: Annotated[str, typer.Argument(help="The new wording.", show_default=False)],
    reason: Annotated[
        str, typer.Option("--reason", "-r", help="Why it changes (kept in the goal's history).")
    ],
) -> None:
    """Change a goal's wording; the old wording, the date and the reason are kept. Its status
    stays as it is (a goal met stays met)."""
    from careerpath.program import plan as programs

    _, goal = _change_program(
        ctx, "goal revise", lambda p: programs.revise_goal(p, goal_id, text, reason, today())
    )
    old = goal.history[-1]
    console = out_console()
    _done(console, f"{goal.id} now reads: {goal.text}")
    console.print(f"  was “{old.text}”; reason kept: {old.reason}", style="dim", markup=False)


@goal_app.command("done")
def goal_done(
    ctx: typer.Context,
    goal_id: Annotated[
        str,
        typer.Argument(metavar="ID", help="The goal's id (g1).", autocompletion=completion.goals),
    ],
) -> None:
    """Mark a goal met."""
    from careerpath.program import plan as programs

    _, goal = _change_program(ctx, "goal done", lambda p: programs.close_goal(p, goal_id, today()))
    _done(out_console(), f"{goal.id} met: {goal.text}")


# --- homework --------------------------------------------------------------------------------


@homework_app.command("add")
def homework_add(
    ctx: typer.Context,
    text: Annotated[str, typer.Argument(help="What to do.", show_default=False)],
    due: Annotated[
        str | None,
        typer.Option("--due", metavar="DATE", help="Due date, e.g. 2026-12-08, 8 Dec, friday, 3d."),
    ] = None,
    stage: Annotated[
        str | None,
        typer.Option(
            "--stage",
            "-s",
            help="The stage it belongs to. [default: your current one]",
            autocompletion=completion.stage_ids,
        ),
    ] = None,
) -> None:
    """Add homework, with a due date if it has one."""
    from careerpath.cli.recording import day_option
    from careerpath.core.values import format_day
    from careerpath.program import plan as programs
    from careerpath.workbook import engine

    due_date = day_option(due, "--due")
    home = home_of(ctx)
    with home.lock("homework add"):
        workbook = _with_program(home)
        chosen = workbook.definition.stage(stage) if stage else engine.current_stage(workbook)
        stage_id = chosen.id if chosen else None
        _, (item, warning) = home.update_program(
            workbook.definition,
            lambda p: programs.add_homework(p, text, today(), due=due_date, stage=stage_id),
        )
    when = f", due {format_day(item.due)}" if item.due else ""
    _done(out_console(), f"Added {item.id}{when}: {item.text}")
    if warning:
        warn(f"{warning}. Saved as given; change it in program.toml if it is a slip.")


@homework_app.command("list")
def homework_list(
    ctx: typer.Context,
    all_: Annotated[
        bool, typer.Option("--all", "-a", help="Include homework already done.")
    ] = False,
) -> None:
    """Your homework: overdue first, then by due date."""
    from careerpath.views import report as reports
    from careerpath.views.program_report import render_homework

    built = reports.build(_with_program(home_of(ctx)), today())
    section = built.program
    assert section is not None
    console = out_console()
    render_homework(section, console, built.generated, all_homework=all_)
    if not section.homework:
        console.print('  none yet: `careerpath homework add "..." --due 1w`')
    elif not all_ and not section.homework_open:
        console.print("  all done. `--all` lists it.")


@homework_app.command("done")
def homework_done(
    ctx: typer.Context,
    item_id: Annotated[
        str,
        typer.Argument(
            metavar="ID", help="The homework's id, e.g. h3.", autocompletion=completion.homework
        ),
    ],
) -> None:
    """Mark homework done."""
    from careerpath.program import plan as programs

    _, item = _change_program(
        ctx, "homework done", lambda p: programs.finish_homework(p, item_id, today())
    )
    _done(out_console(), f"{item.id} done: {item.text}")


# --- check-in --------------------------------------------------------------------------------


@checkin_app.command()
def checkin(
    ctx: typer.Context,
    answers: Annotated[
        Path | None, typer.Option("--answers", help=ANSWERS_HELP, dir_okay=False)
    ] = None,
) -> None:
    """A short weekly check-in: what you did, what got in the way, your energy, next focus."""
    from careerpath.core.values import format_day, plural
    from careerpath.program import plan as programs
    from careerpath.workbook import program_file

    home = home_of(ctx)
    day = today()
    with home.lock("checkin"):
        workbook = _with_program(home)
        assert workbook.program is not None
        programs.require_open(workbook.program.program)
        if answers is None:
            _need_terminal("checkin")
            _sitting(home, workbook).checkin()
            return
        from careerpath.program.sitting import checkin_from_file

        given = checkin_from_file(program_file.questions_of(workbook.definition), answers)

        def record(program: Program) -> int:
            for key, value in given.items():
                programs.save_checkin_answer(program, day, key, value)
            return programs.checkin_streak(program.program, [c.date for c in program.checkins], day)

        workbook.program, streak = home.update_program(workbook.definition, record)
    _done(out_console(), f"Check-in saved for {format_day(day)}. Streak: {plural(streak, 'week')}.")
