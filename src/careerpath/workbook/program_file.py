"""The saved shape of ``program.toml``: the plan, goals, homework, check-ins and drafts.

It sits beside the workbook's own saved state (``models``) because the home reads and checks
every file together and a loaded ``Workbook`` carries its program; the rules over a program (the
timeline, goals, homework, check-ins) are in ``careerpath.program.plan``.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated, Any, Literal, Self

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
    create_model,
    model_validator,
)

from careerpath.core.errors import InvalidFiles, Problem
from careerpath.core.ids import unique_ids
from careerpath.storage import tomlio
from careerpath.workbook import definition as definitions
from careerpath.workbook.definition import ProgramDefinition, Slug, WorkbookDefinition

MIN_MONTHS, MAX_MONTHS, DEFAULT_MONTHS = 2, 6, 3
MAX_EXTENSION = 6
"""An extension adds 1 to 6 months at a time."""

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
GoalId = Annotated[str, StringConstraints(pattern=r"^g[1-9][0-9]*$")]
HomeworkId = Annotated[str, StringConstraints(pattern=r"^h[1-9][0-9]*$")]
GoalStatus = Literal["open", "met", "not met"]


class _Saved(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True)


class Change(_Saved):
    """A change to the plan, recorded rather than rewritten: extended by months, or ended."""

    kind: Literal["extended", "ended"]
    date: date
    months: int | None = Field(default=None, ge=1, le=MAX_EXTENSION)
    reason: str = ""

    @model_validator(mode="after")
    def _months_fit_the_kind(self) -> Self:
        if self.kind == "extended" and self.months is None:
            raise ValueError("an extension needs months (how many months it adds)")
        if self.kind == "ended" and self.months is not None:
            raise ValueError("months does not apply when the program ended")
        return self


class Plan(_Saved):
    start: date
    months: int = Field(ge=MIN_MONTHS, le=MAX_MONTHS)
    """The length first planned; extensions are in ``changes``."""
    changes: list[Change] = Field(default_factory=list)
    reassessed: date | None = None
    """When the closing re-assessment was done."""


class GoalChange(_Saved):
    """One revision of a goal: the wording it had before, when and why it changed."""

    date: date
    text: Text
    reason: Text


class Goal(_Saved):
    id: GoalId
    text: Text
    status: GoalStatus = "open"
    added: date
    closed: date | None = None
    """When it was met (or, at the end, recorded as not met)."""
    history: list[GoalChange] = Field(default_factory=list)


class Homework(_Saved):
    id: HomeworkId
    text: Text
    stage: Slug | None = None
    added: date
    due: date | None = None
    snoozed: date | None = None
    """Moved to this date (``careerpath snooze``); the original ``due`` is kept."""
    done: date | None = None
    source: Literal["own", "suggested"] = "own"
    due_before: str | None = None
    """``stage.question.field`` of a suggestion that prepares for a deadline (an offer's):
    it is due the day before the earliest one to come, even one added later."""


class Checkin(BaseModel):
    """One check-in: its date and the answers to the check-in questions, keyed by id."""

    model_config = ConfigDict(extra="allow")
    date: date

    @property
    def answers(self) -> dict[str, Any]:
        return dict(self.model_extra or {})


class _ProgramFile(_Saved):
    schema_version: Literal[1] = 1
    program: Plan
    goals: list[Goal] = Field(default_factory=list)
    homework: list[Homework] = Field(default_factory=list)
    suggestions_declined: list[Slug] = Field(default_factory=list)
    """Stages whose suggested homework was offered and all turned down: not offered again.
    (A stage with suggested homework taken on counts as offered already.)"""
    drafts: dict[str, str] = Field(default_factory=dict)
    """What was typed at a program prompt when Ctrl-C stopped it (``intake.hours``...)."""

    @model_validator(mode="after")
    def _ids_are_unique(self) -> Self:
        unique_ids(self.goals)
        unique_ids(self.homework)
        return self


class Program(_ProgramFile):
    """``program.toml`` as careerpath works with it (answers as plain dicts)."""

    intake: dict[str, Any] = Field(default_factory=dict)
    closing: dict[str, Any] = Field(default_factory=dict)
    checkins: list[Checkin] = Field(default_factory=list)


_CHECKERS: dict[int, tuple[ProgramDefinition, type[BaseModel]]] = {}


def checker(questions: ProgramDefinition) -> type[BaseModel]:
    """The model that checks a program file against these intake and check-in questions."""
    cached = _CHECKERS.get(id(questions))
    if cached is None or cached[0] is not questions:
        fields: dict[str, Any] = {
            "intake": (questions.intake_model | None, None),
            "closing": (questions.intake_model | None, None),
            "checkins": (list[questions.checkin_model], []),  # type: ignore[name-defined]
        }
        model = create_model("program", __base__=_ProgramFile, **fields)
        cached = _CHECKERS[id(questions)] = (questions, model)
    return cached[1]


def questions_of(book: WorkbookDefinition) -> ProgramDefinition:
    """The workbook's intake and check-in questions, or the built-in ones."""
    if book.program is not None:
        return book.program
    builtin = definitions.load_builtin().program
    assert builtin is not None, "the built-in workbook defines a program"
    return builtin


def validate(
    raw: dict[str, Any], text: str, path: Path, book: WorkbookDefinition, hint: str
) -> Program:
    """A program file checked in full against ``book``; problems name file, line and field."""
    try:
        checked = checker(questions_of(book)).model_validate(raw)
    except ValidationError as error:
        raise InvalidFiles(tomlio.problems_from(error, path, text, raw), hint=hint) from None
    program = Program.model_validate(checked.model_dump(exclude_none=True))
    unknown = f"(the stages are: {', '.join(book.stage_ids)})"
    problems = [
        Problem(
            path,
            f"unknown stage {item.stage!r} {unknown}",
            line=tomlio.line_of(text, ("homework", index, "stage")),
            field=f"homework.{item.id}.stage",
        )
        for index, item in enumerate(program.homework)
        if item.stage is not None and item.stage not in book.stage_ids
    ]
    problems += [
        Problem(
            path,
            f"unknown stage {stage!r} {unknown}",
            line=tomlio.line_of(text, ("suggestions_declined",)),
            field="suggestions_declined",
        )
        for stage in program.suggestions_declined
        if stage not in book.stage_ids
    ]
    if problems:
        raise InvalidFiles(problems, hint=hint)
    return program


def dump(program: Program, book: WorkbookDefinition) -> dict[str, Any]:
    """The file's content, in the order a person reads it; checked before it is written."""
    data: dict[str, Any] = {"schema_version": program.schema_version}
    plan = program.program.model_dump(exclude_none=True)
    plan["changes"] = [c.model_dump(exclude_none=True) for c in program.program.changes]
    data["program"] = {k: v for k, v in plan.items() if v != []}
    for name in ("intake", "closing"):
        if getattr(program, name):
            data[name] = getattr(program, name)
    for name in ("goals", "homework"):
        items = [
            _without_empty(item.model_dump(exclude_none=True)) for item in getattr(program, name)
        ]
        if items:
            data[name] = items
    if program.suggestions_declined:
        data["suggestions_declined"] = program.suggestions_declined
    if program.checkins:
        data["checkins"] = [{"date": c.date, **c.answers} for c in program.checkins]
    if program.drafts:
        data["drafts"] = program.drafts
    try:
        checker(questions_of(book)).model_validate(data)
    except ValidationError as error:  # a bug in careerpath, never the person's doing
        raise AssertionError(f"refusing to write an invalid program file: {error}") from None
    return data


def _without_empty(item: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in item.items() if value != []}


HEADER = """\
careerpath program: your plan, intake, goals, homework and check-ins. These are yours.
The end date is worked out from start, months and changes. `careerpath doctor` checks this file."""
