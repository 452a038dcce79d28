"""Answers from a TOML file instead of prompts: ``careerpath next --answers FILE`` (and the
program's intake, check-in and closing files, read by ``read``).

A stage's file has the shape of a stage file (``careerpath questions --format toml`` writes a
fill-in one). It is validated whole before anything is saved, so a typo never half-applies.
Keys in the file replace the saved answers for those questions; other answers stay as they are.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError, create_model
from rich.console import Console
from rich.markup import escape

from careerpath.core.errors import InvalidFiles
from careerpath.core.values import plural
from careerpath.storage import tomlio
from careerpath.workbook import engine
from careerpath.workbook.definition import Question, StageDefinition
from careerpath.workbook.home import Home
from careerpath.workbook.models import Workbook, WorkbookState

STDIN = Path("-")  # ``--answers -``: the answers come on standard input


def read(
    path: Path,
    model: type[BaseModel],
    questions: Sequence[Question],
    hint: str,
    extra: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """The answers in ``path``, checked in full by ``model`` (plus ``extra`` top-level keys
    such as a program's ``goals``) before anything is used; problems name file, line and
    field. Empty values count as not given. Used for stages, the intake and check-ins."""
    if path == STDIN:
        import sys

        path = Path("<stdin>")
        text = sys.stdin.read()
        raw = tomlio.parse(text, path)
    else:
        raw, text = tomlio.read(path)
    if extra:
        model = create_model(f"{model.__name__} file", __base__=model, **extra)
    try:
        checked = model.model_validate(raw)
    except ValidationError as error:
        raise InvalidFiles(tomlio.problems_from(error, path, text, raw), hint=hint) from None
    given = checked.model_dump(exclude_none=True)
    asked = {question.id: question for question in questions}
    return {
        key: value
        for key, value in given.items()
        if key not in asked or asked[key].is_answered(value)
    }


def apply(
    home: Home,
    workbook: Workbook,
    stage: StageDefinition,
    path: Path,
    today: date,
    console: Console,
    after_save: Callable[[dict[str, Any]], None] | None = None,
) -> None:
    """Save the answers in ``path`` to ``stage``; complete the stage once nothing required is
    missing and its work (``done`` rules) is done, as answering the last question at a prompt
    and saying "move on" would. With work open it stays in progress and says what is missing.
    ``after_save`` gets the answers given, once saved, before the stage's work is counted."""
    hint = (
        f"`careerpath questions {stage.id}` lists what this stage asks; "
        "`--format toml` writes a file to fill in."
    )
    given = read(path, stage.answers_model, stage.questions, hint)
    workbook.answers[stage.id], _ = home.update_answers(
        stage, lambda answers: answers.update(given)
    )

    def record(state: WorkbookState) -> None:
        engine.mark_started(state, stage.id, today)
        if given:
            engine.mark_worked(state, stage.id, today)
        for question_id in given:
            engine.set_skipped(state, stage.id, question_id, False)
            state.stage(stage.id).drafts.pop(question_id, None)

    workbook.state, _ = home.update_state(record)
    saved = plural(len(given), "answer")
    source = "standard input" if path == STDIN else str(path)
    console.print(f"Saved {saved} to {escape(stage.title)} from {escape(source)}.")
    if after_save is not None:  # a layer above takes its part (a decision on its offer)
        after_save(given)
    if engine.progress(workbook, stage).status == "complete":
        return
    missing = engine.missing_required(engine.askable(workbook, stage), workbook.answers_for(stage))
    if missing:
        names = ", ".join(q.id for q in missing)
        console.print(f"Still to answer in {escape(stage.title)}: {names}.")
        return
    open_work = engine.progress(workbook, stage).work_open
    if open_work:  # as at a prompt, where moving on with open work is asked for, not assumed
        todo = engine.open_work_sentence(stage, workbook.answers_for(stage), open_work)
        console.print(
            f"{escape(stage.title)} stays in progress: {escape(todo)}. Once that is done, "
            "`careerpath next` completes it.",
            highlight=False,
        )
        return
    workbook.state, _ = home.update_state(
        lambda state: engine.mark_complete(state, stage.id, today)
    )
    console.print(f"[green]✓[/green] {escape(stage.title)} complete.")
    following = engine.current_stage(workbook)
    if following:
        console.print(f"Next: {escape(following.title)} ({following.id}).")
    else:
        console.print("Every stage is complete: see `careerpath report`.")
