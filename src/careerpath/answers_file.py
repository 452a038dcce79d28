"""``careerpath next --answers FILE``: answers from a TOML file instead of prompts.

The file has the shape of a stage file (``careerpath questions --format toml`` writes a
fill-in one). It is validated whole before anything is saved, so a typo never half-applies.
Keys in the file replace the saved answers for those questions; other answers stay as they are.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from pydantic import ValidationError
from rich.console import Console
from rich.markup import escape

from careerpath import engine, tomlio
from careerpath.definition import StageDefinition
from careerpath.errors import InvalidFiles
from careerpath.models import Answers, Workbook, WorkbookState
from careerpath.store import Home


def read(path: Path, stage: StageDefinition) -> Answers:
    """The answers in ``path`` for ``stage``, validated; empty values count as not given."""
    raw, text = tomlio.read(path)
    try:
        model = stage.answers_model.model_validate(raw)
    except ValidationError as error:
        raise InvalidFiles(
            tomlio.problems_from(error, path, text, raw),
            hint=f"`careerpath questions {stage.id}` lists what this stage asks; "
            f"`--format toml` writes a file to fill in.",
        ) from None
    given = model.model_dump(exclude_none=True)
    return {key: value for key, value in given.items() if stage.question(key).is_answered(value)}


def apply(
    home: Home,
    workbook: Workbook,
    stage: StageDefinition,
    path: Path,
    today: date,
    console: Console,
) -> None:
    """Save the answers in ``path`` to ``stage``; complete the stage once nothing required is
    missing, as answering the last question at a prompt and saying "move on" would."""
    given = read(path, stage)
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
    noun = "answer" if len(given) == 1 else "answers"
    console.print(f"Saved {len(given)} {noun} to {escape(stage.title)} from {escape(str(path))}.")
    if engine.progress(workbook, stage).status == "complete":
        return
    missing = engine.missing_required(stage, workbook.answers_for(stage))
    if missing:
        names = ", ".join(q.id for q in missing)
        console.print(f"Still to answer in {escape(stage.title)}: {names}.")
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
