"""The command line: each command parses its options, calls one thing, renders the result.

Errors are turned into a message on stderr and an exit code in one place (``_Commands.invoke``);
tracebacks appear only with ``--debug``. Modules beyond typer are imported inside the commands
so that ``--help`` and the reading commands start fast.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer.core import TyperGroup

from careerpath import __version__
from careerpath.errors import CareerpathError, Interrupted, InvalidFiles, InvalidInput

if TYPE_CHECKING:
    from rich.console import Console

    from careerpath.definition import StageDefinition, WorkbookDefinition
    from careerpath.models import Workbook
    from careerpath.session import Session
    from careerpath.store import Home

TODAY_ENV = "CAREERPATH_TODAY"
NO_TERMINAL_HINT = (
    "To answer from a file instead: `careerpath questions --format toml > answers.toml`, "
    "fill it in, then `careerpath next --answers answers.toml`."
)


class _Commands(TyperGroup):
    """Maps careerpath's errors to a clear message and exit code, for every command."""

    def invoke(self, ctx: Any) -> Any:  # click's Context; typer does not export its type
        try:
            return super().invoke(ctx)
        except CareerpathError as error:
            if _settings(ctx).debug:
                raise
            _print_error(error)
            raise typer.Exit(error.exit_code) from None
        except KeyboardInterrupt:
            if _settings(ctx).debug:
                raise
            _stderr().print("\nStopped.")
            raise typer.Exit(130) from None
        except (typer.Exit, typer.Abort, typer.TyperException):
            raise
        except Exception as error:
            if _settings(ctx).debug:
                raise
            _stderr().print(
                f"[red]careerpath hit an unexpected problem:[/red] {type(error).__name__}: "
                f"{error}\nWhat was saved before it stays saved. Run the same command with "
                "--debug for the details, and please report it.",
                markup=True,
                highlight=False,
            )
            raise typer.Exit(1) from None


app = typer.Typer(
    cls=_Commands,
    name="careerpath",
    help=(
        "A career-exploration workbook: five stages from 'I'm lost' to a negotiated offer "
        "(exploration, diving deeper, networking, applying, closing). Begin with "
        "`careerpath start`, come back with `careerpath next`, see where you stand with "
        "`careerpath report`. Your answers are plain TOML files that stay yours."
    ),
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


@dataclass
class Settings:
    home: Path
    debug: bool


def _settings(ctx: typer.Context) -> Settings:
    root = ctx.find_root()
    if isinstance(root.obj, Settings):
        return root.obj
    return Settings(home=Path("."), debug=False)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"careerpath {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    ctx: typer.Context,
    home: Annotated[
        Path | None,
        typer.Option(
            "--home",
            envvar="CAREERPATH_HOME",
            help="Folder holding your workbook. Default: your platform's user data folder.",
            show_default=False,
            file_okay=False,
        ),
    ] = None,
    debug: Annotated[
        bool, typer.Option("--debug", help="Show full tracebacks (for reporting a bug).")
    ] = False,
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    from careerpath.store import resolve_home

    ctx.obj = Settings(home=resolve_home(home), debug=debug)


# --- helpers ---------------------------------------------------------------------------------


def _stdout() -> Console:
    from rich.console import Console

    return Console(highlight=False)


def _stderr() -> Console:
    from rich.console import Console

    return Console(stderr=True, highlight=False)


def _print_error(error: CareerpathError) -> None:
    """The message, each problem on its own line, and the hint. Soft-wrapped, so a path is
    never broken in two when it is copied from the terminal."""
    from rich.markup import escape

    console = _stderr()
    if isinstance(error, Interrupted):
        console.print(f"\n{escape(error.message)}", soft_wrap=True)
    else:
        console.print(f"[red]Error:[/red] {escape(error.message)}", soft_wrap=True)
    if isinstance(error, InvalidFiles):
        for problem in error.problems:
            console.print(f"  {escape(str(problem))}", soft_wrap=True)
    if error.hint:
        console.print(escape(error.hint), soft_wrap=True)


def _home(ctx: typer.Context) -> Home:
    from careerpath.store import Home

    return Home(_settings(ctx).home)


def today() -> date:
    """The person's local date; ``$CAREERPATH_TODAY`` (YYYY-MM-DD) pins it for tests and demos."""
    pinned = os.environ.get(TODAY_ENV)
    if pinned:
        try:
            return date.fromisoformat(pinned)
        except ValueError:
            raise InvalidInput(
                f"${TODAY_ENV} is {pinned!r}, which is not a YYYY-MM-DD date"
            ) from None
    return date.today()


def _now() -> datetime:
    return datetime.combine(today(), datetime.now().time())


def _stage_or_current(
    book: WorkbookDefinition, workbook: Workbook | None, stage: str | None
) -> StageDefinition:
    from careerpath import engine

    if stage:
        return book.stage(stage)
    current = engine.current_stage(workbook) if workbook else None
    return current or book.stages[0]


class Format(StrEnum):
    text = "text"
    markdown = "markdown"
    json = "json"


class QuestionsFormat(StrEnum):
    text = "text"
    json = "json"
    toml = "toml"


def _write_output(path: Path, text: str) -> None:
    from careerpath import tomlio

    try:
        tomlio.write_atomic(path, text)
    except OSError as error:
        raise InvalidInput(f"cannot write {path}: {error.strerror}") from None
    _stderr().print(f"Written to {path}")


# --- commands --------------------------------------------------------------------------------


@app.command()
def start(
    ctx: typer.Context,
    workbook: Annotated[
        str,
        typer.Option(
            "--workbook",
            "-w",
            help="A built-in workbook name, or the path to a workbook definition (.toml).",
        ),
    ] = "default",
    force: Annotated[
        bool,
        typer.Option("--force", help="Start over: move an existing workbook to a backup first."),
    ] = False,
) -> None:
    """Create your workbook and begin the first stage."""
    from rich.markup import escape
    from rich.padding import Padding

    from careerpath import definition, prompts

    home = _home(ctx)
    path = definition.resolve(workbook)
    definition.load(path)  # a broken definition is reported before anything is created
    console = _stdout()
    with home.lock("start"):
        moved = home.archive(_now()) if force and home.exists() else None
        book = home.create(path, now=_now())
        if moved:
            console.print(f"Your previous workbook is kept in {escape(str(moved))}.")
        console.print(f"\n[bold]Welcome to {escape(book.definition.title)}.[/bold]")
        console.print(Padding(escape(book.definition.intro.strip()), (1, 0, 1, 2)))
        console.print(f"[dim]Your answers are saved as you go, in {escape(str(home.root))}.[/dim]")
        try:
            prompts.require_terminal(NO_TERMINAL_HINT)
        except CareerpathError as error:
            console.print(f"\nYour workbook is ready, but {escape(error.message)}")
            console.print(escape(error.hint or ""))
            return
        _session(home, book).continue_current()


def _session(home: Home, workbook: Workbook) -> Session:
    from careerpath.prompts import TerminalPrompter
    from careerpath.session import Session

    day = today()
    return Session(home, workbook, TerminalPrompter(day), _stdout(), day)


@app.command("next")
def next_(
    ctx: typer.Context,
    stage: Annotated[
        str | None,
        typer.Option(
            "--stage",
            "-s",
            help="Revisit this stage (its id), earlier answers offered as defaults.",
        ),
    ] = None,
    answers: Annotated[
        Path | None,
        typer.Option(
            "--answers",
            help="Answer from this TOML file instead of prompting (see `questions --format toml`).",
            dir_okay=False,
        ),
    ] = None,
) -> None:
    """Continue where you left off: the current stage, from its first open question."""
    from careerpath import engine, prompts

    home = _home(ctx)
    with home.lock("next"):
        workbook = home.load()
        if answers is not None:
            from careerpath.answers_file import apply

            target = _stage_or_current(workbook.definition, workbook, stage)
            apply(home, workbook, target, answers, today(), _stdout())
            return
        if stage or engine.current_stage(workbook) is not None:
            prompts.require_terminal(NO_TERMINAL_HINT)
        session = _session(home, workbook)
        if stage:
            session.revisit(workbook.definition.stage(stage))
        else:
            session.continue_current()


@app.command()
def report(
    ctx: typer.Context,
    format: Annotated[Format, typer.Option("--format", "-f", help="How to show it.")] = Format.text,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", help="Write to this file instead of the screen.", dir_okay=False
        ),
    ] = None,
) -> None:
    """Where you stand: each stage's status and progress, what is next, your key answers."""
    from careerpath import report as reports

    workbook = _home(ctx).load()
    built = reports.build(workbook, today())
    if format is Format.json:
        text = reports.to_json(built)
    elif format is Format.markdown:
        text = reports.to_markdown(built)
    elif output is None:
        reports.render(built, _stdout())
        return
    else:
        from rich.console import Console

        capture = Console(width=100, no_color=True, highlight=False)
        with capture.capture() as captured:
            reports.render(built, capture)
        text = captured.get()
    if output is None:
        sys.stdout.write(text)
    else:
        _write_output(output, text)


@app.command()
def questions(
    ctx: typer.Context,
    stage: Annotated[
        str | None,
        typer.Argument(help="Stage id; default: your current stage.", show_default=False),
    ] = None,
    format: Annotated[
        QuestionsFormat,
        typer.Option(
            "--format", "-f", help="text to read, json for tools, toml for a fill-in answers file."
        ),
    ] = QuestionsFormat.text,
    workbook: Annotated[
        str | None,
        typer.Option(
            "--workbook",
            "-w",
            help="Show a workbook definition other than your own (name or path).",
        ),
    ] = None,
) -> None:
    """What a stage asks: ids, kinds, required or optional, choices."""
    import json

    from careerpath import definition

    home = _home(ctx)
    mine = None
    if workbook:
        book = definition.load(definition.resolve(workbook))
    elif home.exists():
        mine = home.load()
        book = mine.definition
    else:
        book = definition.load_builtin()
    chosen = _stage_or_current(book, mine, stage)
    if format is QuestionsFormat.toml:
        sys.stdout.write(definition.fill_in(chosen))
    elif format is QuestionsFormat.json:
        data = chosen.model_dump(mode="json", exclude_defaults=False)
        sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
    else:
        _print_questions(chosen)


def _print_questions(stage: StageDefinition) -> None:
    from rich.markup import escape
    from rich.table import Table

    console = _stdout()
    console.print(f"[bold]{escape(stage.title)}[/bold] ({stage.id})")
    table = Table(box=None, header_style="bold", padding=(0, 1))
    table.add_column("id", style="cyan", no_wrap=True)
    table.add_column("asks")
    table.add_column("kind")
    table.add_column("required")
    for question in stage.questions:
        table.add_row(
            question.id,
            escape(question.prompt),
            escape(question.describe()),
            "yes" if question.required else "no",
        )
        if question.kind == "records":
            for field in question.fields or []:
                table.add_row(
                    f"  .{field.id}",
                    escape(field.prompt),
                    escape(field.describe()),
                    "yes" if field.required else "no",
                )
    console.print(table)


@app.command()
def stages(ctx: typer.Context) -> None:
    """The stages, one line each, with their status."""
    from rich.markup import escape

    from careerpath import engine

    workbook = _home(ctx).load()
    current = engine.current_stage(workbook)
    console = _stdout()
    for progress in engine.all_progress(workbook):
        marker = "→" if current is progress.stage else " "
        when = ""
        if progress.completed:
            when = f"  done {progress.completed}"
        elif progress.started:
            when = f"  since {progress.started}"
        console.print(
            f"{marker} {progress.number}. {progress.stage.id:<14} "
            f"{escape(progress.stage.title):<16} {progress.status:<12} "
            f"{progress.percent:>3}%{when}"
        )


@app.command()
def edit(
    ctx: typer.Context,
    stage: Annotated[
        str | None,
        typer.Argument(help="Stage id; default: your current stage.", show_default=False),
    ] = None,
) -> None:
    """Open a stage's answers in your editor ($VISUAL or $EDITOR); checked when you close it."""
    from careerpath import prompts
    from careerpath.editing import edit_stage

    home = _home(ctx)
    prompts.require_terminal("Edit the file directly instead, then run `careerpath doctor`.")
    with home.lock("edit"):
        state = home.read_state()
        book = home.read_definition(state)
        if stage:
            chosen = book.stage(stage)
        else:
            try:
                chosen = _stage_or_current(book, home.load(), None)
            except InvalidFiles:
                chosen = book.stages[0]
        edit_stage(home, chosen, prompts.TerminalPrompter(today()), _stdout())


@app.command()
def doctor(ctx: typer.Context) -> None:
    """Check every file of your workbook; name file, line and field of each problem."""
    home = _home(ctx)
    problems = home.problems()
    if problems:
        raise InvalidFiles(problems, hint="Fix these by hand or with `careerpath edit STAGE`.")
    files = 1 + sum(1 for _ in home.stages_dir.glob("*.toml"))
    _stdout().print(f"[green]✓[/green] All {files} files in {home.root} are fine.")


def main() -> None:
    """Entry point of the ``careerpath`` command."""
    app()
