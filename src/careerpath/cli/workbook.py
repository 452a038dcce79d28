"""The workbook commands: start, next, report, questions, stages, edit, doctor.

Each command parses its options, calls one thing and renders the result.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from careerpath.cli import completion
from careerpath.cli.base import (
    NO_TERMINAL_HINT,
    Format,
    QuestionsFormat,
    app,
    home_of,
    now,
    out_console,
    safe_console,
    stage_or_current,
    today,
    write_output,
)
from careerpath.core.errors import CareerpathError, DanglingLinks, InvalidFiles, Problem

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Sequence

    from rich.console import Console

    from careerpath.workbook.definition import Question
    from careerpath.workbook.home import Home
    from careerpath.workbook.models import Workbook
    from careerpath.workbook.session import Session


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
            autocompletion=completion.workbook_names,
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

    from careerpath.workbook import definition, prompts

    home = home_of(ctx)
    path = definition.resolve(workbook)
    definition.load(path)  # a broken definition is reported before anything is created
    console = out_console()
    with home.lock("start", create=True):
        moved = home.archive(now()) if force and home.exists() else None  # with its program
        book = home.create(path, now=now())
        if moved:
            console.print(
                f"Your previous workbook is kept in {moved}.", markup=False, soft_wrap=True
            )
        console.print(f"\n[bold]Welcome to {escape(book.definition.title)}.[/bold]")
        console.print(Padding(escape(book.definition.intro.strip()), (1, 0, 1, 2)))
        console.print(f"[dim]Your answers are saved as you go, in {escape(str(home.root))}.[/dim]")
        try:
            prompts.require_terminal(NO_TERMINAL_HINT)
        except CareerpathError as error:
            console.print(f"\nYour workbook is ready, but {escape(error.message)}")
            console.print(escape(error.hint or ""))
            console.print(
                "To run it as a program with goals and check-ins: `careerpath program start`."
            )
            return
        _offer_program(home, book)
        _session(home, book).continue_current()


def _offer_program(home: Home, workbook: Workbook) -> None:
    """Offer to run the stages as a program (see ``cli/program.py``)."""
    from careerpath.program.sitting import ProgramSession
    from careerpath.workbook.prompts import TerminalPrompter

    day = today()
    ProgramSession(home, workbook, TerminalPrompter(day), out_console(), day).offer()


def _session(home: Home, workbook: Workbook) -> Session:
    import functools

    from careerpath.instruments.sitting import best_fits, offer_in_exploration, values_start
    from careerpath.instruments.store import exercise_counts
    from careerpath.program.sitting import ProgramCompanion
    from careerpath.tracking.sitting import TrackingCompanion
    from careerpath.workbook.prompts import TerminalPrompter
    from careerpath.workbook.session import Session

    def suggest() -> list[tuple[str, str]]:
        return [(fit.code, fit.title) for fit in best_fits(home)]

    day = today()
    exercises = functools.partial(exercise_counts, home)
    companions = (ProgramCompanion(exercises), TrackingCompanion(suggest))
    return Session(
        home,
        workbook,
        TerminalPrompter(day),
        out_console(),
        day,
        companions,
        after_answer=offer_in_exploration,
        start_from=values_start,
    )


@app.command("next")
def next_(
    ctx: typer.Context,
    stage: Annotated[
        str | None,
        typer.Option(
            "--stage",
            "-s",
            help="Revisit this stage (its id), earlier answers offered as defaults.",
            autocompletion=completion.stage_ids,
        ),
    ] = None,
    question: Annotated[
        str | None,
        typer.Option(
            "--question",
            "-q",
            metavar="ID",
            help="Ask just this question (its id, see `careerpath questions STAGE`), then stop.",
            autocompletion=completion.question_ids,
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
    from careerpath.workbook import engine, prompts

    home = home_of(ctx)
    with home.lock("next"):
        workbook = home.load()
        if question is not None:
            _one_question(home, workbook, stage, question)
            return
        if answers is not None:
            from careerpath.tracking.sitting import decision_from_file
            from careerpath.workbook.answers_file import apply

            target = stage_or_current(workbook.definition, workbook, stage)
            console, day = out_console(), today()
            apply(
                home,
                workbook,
                target,
                answers,
                day,
                console,
                lambda given: decision_from_file(home, workbook, target, given, day, console),
            )
            return
        if stage or engine.current_stage(workbook) is not None or engine.arrived(workbook):
            prompts.require_terminal(NO_TERMINAL_HINT)
        from rich.text import Text

        from careerpath.cli.agenda import overdue_notice
        from careerpath.views.next_step import one_next

        console = out_console()
        console.print(Text(f"Next: {one_next(workbook, today())}", style="bold"))
        overdue_notice(workbook, console)
        session = _session(home, workbook)
        if stage:
            session.revisit(workbook.definition.stage(stage))
        else:
            session.continue_current()


def _one_question(home: Home, workbook: Workbook, stage_id: str | None, question_id: str) -> None:
    """``next --question``: ask one question (of ``--stage``, else of the one stage that has
    it), save it, and say what was saved and what comes next."""
    from rich.markup import escape

    from careerpath.core.errors import NotFound
    from careerpath.views.next_step import one_next
    from careerpath.workbook import prompts

    book = workbook.definition
    if stage_id:
        stage = book.stage(stage_id)
    else:
        having = [s for s in book.stages if question_id in {q.id for q in s.questions}]
        if len(having) != 1:
            where = " and ".join(s.id for s in having)
            raise NotFound(
                f"the question {question_id!r} is in {where}: say which with --stage"
                if having
                else f"no stage has a question {question_id!r}",
                hint="`careerpath questions STAGE` lists each stage's questions.",
            )
        stage = having[0]
    ids = [q.id for q in stage.questions]
    if question_id not in ids:
        import textwrap

        from careerpath.cli.base import err_console

        # Hints are not wrapped (a path in one stays whole); a list of ids is, between ids.
        listed = "Its questions are: " + ", ".join(ids) + "."
        width = err_console().width - 1
        raise NotFound(
            f"{stage.title} ({stage.id}) has no question {question_id!r}",
            hint="\n".join(textwrap.wrap(listed, width, break_on_hyphens=False)),
        )
    prompts.require_terminal(NO_TERMINAL_HINT)
    chosen = stage.question(question_id)
    session = _session(home, workbook)
    saved = session.ask_one(stage, chosen)
    what = f"“{chosen.title}” in {stage.title}"
    console = out_console()
    console.print(
        f"\n{'Saved' if saved else 'Nothing changed for'} {escape(what)}.", highlight=False
    )
    console.print(f"Next: {escape(one_next(session.workbook, today()))}", highlight=False)


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
    group: Annotated[
        Path | None,
        typer.Option(
            "--group",
            help="A coach's view: DIR holds one home folder per client; one row each, those "
            "needing attention first. Read-only.",
            file_okay=False,
            metavar="DIR",
        ),
    ] = None,
) -> None:
    """Where you stand: each stage's status and progress, what is next, your key answers."""
    from careerpath.views import report as reports

    if group is not None:
        from careerpath.views import group as groups

        clients = groups.build(group, today())
        _show(
            format,
            output,
            json=lambda: reports.to_json(clients),
            markdown=lambda: groups.to_markdown(clients),
            render=lambda console: groups.render(clients, console),
            file_width=140,
        )
        return
    home, day = home_of(ctx), today()
    _show(
        format,
        output,
        json=lambda: reports.json_of_home(home, day),  # with the answers in full
        markdown=lambda: reports.to_markdown(reports.of_home(home, day)),
        render=lambda console: reports.render(reports.of_home(home, day), console),
        file_width=100,
    )


def _show(
    format: Format,
    output: Path | None,
    *,
    json: Callable[[], str | Iterable[bytes]],
    markdown: Callable[[], str],
    render: Callable[[Console], None],
    file_width: int,
) -> None:
    """A report in ``format`` on the screen, or written to ``output``. The terminal view
    (``render``) goes to a file without colour, ``file_width`` wide."""
    text: str | Iterable[bytes]
    if format is Format.json:
        text = json()
    elif format is Format.markdown:
        text = markdown()
    elif output is None:
        render(out_console())
        return
    else:
        capture = safe_console(width=file_width, no_color=True)
        with capture.capture() as captured:
            render(capture)
        text = captured.get()
    write_output(output or Path("-"), text)


@app.command()
def questions(
    ctx: typer.Context,
    stage: Annotated[
        str | None,
        typer.Argument(
            help="Stage id; default: your current stage.",
            show_default=False,
            autocompletion=completion.stage_ids,
        ),
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
            autocompletion=completion.workbook_names,
        ),
    ] = None,
) -> None:
    """What a stage asks: ids, kinds, required or optional, choices."""
    import json

    from careerpath.workbook import definition

    home = home_of(ctx)
    mine = None
    if workbook:
        book = definition.load(definition.resolve(workbook))
    elif home.exists():
        mine = home.load()
        book = mine.definition
    else:
        book = definition.load_builtin()
    chosen = stage_or_current(book, mine, stage)
    if format is QuestionsFormat.toml:
        sys.stdout.write(definition.stage_fill_in(chosen))
    elif format is QuestionsFormat.json:
        data = chosen.model_dump(mode="json", exclude_defaults=False)
        for question, dumped in zip(chosen.questions, data["questions"], strict=True):
            if question.record_type:  # built-in fields, listed for tools all the same
                dumped["fields"] = [f.model_dump(mode="json") for f in question.record_fields]
        sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
    else:
        print_questions(f"{chosen.title} ({chosen.id})", chosen.questions)


def print_questions(title: str, questions: Sequence[Question]) -> None:
    """What is asked, as a table: id, prompt, kind and whether it is required (records with
    their fields under them). Also ``program questions``."""
    from rich.markup import escape
    from rich.table import Table

    console = out_console()
    console.print(f"[bold]{escape(title)}[/bold]")
    table = Table(box=None, header_style="bold", padding=(0, 1))
    table.add_column("id", style="cyan", no_wrap=True)
    table.add_column("asks")
    table.add_column("kind")
    table.add_column("required")
    for question in questions:
        waits = f" (waits until {question.after.until})" if question.after else ""
        table.add_row(
            question.id,
            escape(question.prompt + waits),
            escape(question.describe()),
            "yes" if question.required else "no",
        )
        if question.kind == "records":
            for field in question.record_fields:
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
    from careerpath.views import tables
    from careerpath.workbook import engine

    workbook = home_of(ctx).load()
    current = engine.current_stage(workbook)
    rows = []
    for progress in engine.all_progress(workbook):
        when = ""
        if progress.completed:
            when = f"done {progress.completed}"
        elif progress.started:
            when = f"since {progress.started}"
        rows.append(
            [
                "→" if current is progress.stage else "",
                f"{progress.number}.",
                (progress.stage.id, "cyan"),
                progress.stage.title,
                progress.status,
                f"{progress.percent}%",
                when,
            ]
        )
    tables.columns(out_console(), rows, right=(5,))


@app.command()
def edit(
    ctx: typer.Context,
    stage: Annotated[
        str | None,
        typer.Argument(
            help="Stage id; default: your current stage.",
            show_default=False,
            autocompletion=completion.stage_ids,
        ),
    ] = None,
) -> None:
    """Open a stage's answers in your editor ($VISUAL or $EDITOR); checked when you close it."""
    from careerpath.workbook import prompts
    from careerpath.workbook.editing import edit_stage

    home = home_of(ctx)
    prompts.require_terminal("Edit the file directly instead, then run `careerpath doctor`.")
    with home.lock("edit"):
        state = home.read_state()
        book = home.read_definition(state)
        if stage:
            chosen = book.stage(stage)
        else:
            try:
                chosen = stage_or_current(book, home.load(), None)
            except InvalidFiles as error:  # open the first stage file that has a problem
                broken = {problem.file for problem in error.problems}
                chosen = next(
                    (s for s in book.stages if home.stage_file(s.id) in broken), book.stages[0]
                )
        edit_stage(home, chosen, prompts.TerminalPrompter(today()), out_console())


@app.command()
def doctor(ctx: typer.Context) -> None:
    """Check every file of your workbook; name file, line and field of each problem."""
    home = home_of(ctx)
    hint = "Fix these by hand or with `careerpath edit STAGE`."
    problems = home.problems()
    if problems:
        raise InvalidFiles(problems, hint=hint)
    dangling = _dangling_links(home)
    if dangling:
        raise DanglingLinks(dangling, hint=hint)
    files = 1 + sum(1 for _ in home.stages_dir.glob("*.toml")) + home.program_file.exists()
    from rich.markup import escape

    out_console().print(
        f"[green]✓[/green] All {files} files in {escape(str(home.root))} are fine.", soft_wrap=True
    )


def _dangling_links(home: Home) -> list[Problem]:
    """Links between records (a contact's target jobs, an application's target and contact,
    an offer's application) that name a record not there, each at its record's line."""
    import re

    from careerpath.tracking import links

    found = []
    for link in links.dangling(home.load()):
        path = home.stage_file(link.stage)
        # the record's own id, as a table (`id = "c1"`) or an inline table (`{ id = "c1", ...`)
        pattern = re.compile(rf"""(^\s*|[{{,]\s*)id\s*=\s*["']{re.escape(link.record)}["']""")
        lines = path.read_text(encoding="utf-8").splitlines()
        line = next((n for n, text in enumerate(lines, start=1) if pattern.search(text)), None)
        found.append(Problem(path, link.message, line, f"{link.record}.{link.field}"))
    return found
