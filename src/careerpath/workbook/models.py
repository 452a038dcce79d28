"""The saved state of a person's workbook: ``workbook.toml`` and the answers of each stage.

Only facts a person created live here (dates a stage began and was completed, questions they
chose to skip, their answers). Everything derived (status, counts, percentages, the current
stage) is computed by the engine, so there is one source of truth.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, Final, Literal

from pydantic import BaseModel, ConfigDict, Field

from careerpath.workbook.definition import Slug, StageDefinition, WorkbookDefinition

if TYPE_CHECKING:
    from careerpath.workbook.program_file import Program

SCHEMA_VERSION: Final = 1


class _State(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True)


class StageState(_State):
    started: date | None = None
    completed: date | None = None
    skipped: list[Slug] = Field(default_factory=list)
    """Optional questions the person chose to leave blank, so they are not asked again."""
    drafts: dict[str, str] = Field(default_factory=dict)
    """What was typed at a prompt when Ctrl-C stopped it, offered again next time."""
    worked: date | None = None
    """The last day answers were saved in this stage (a coach's "last activity")."""


class DefinitionRef(_State):
    source: str
    """``builtin:NAME`` for a shipped workbook, or a file name inside the home."""
    id: str
    version: str


class WorkbookState(_State):
    schema_version: Literal[1] = SCHEMA_VERSION
    created: datetime
    definition: DefinitionRef
    stages: dict[Slug, StageState] = Field(default_factory=dict)
    record_ids: dict[Slug, int] | None = None
    """The highest id number given so far to each list of records (``applications = 12``),
    so the id of a removed record is never given to another one."""

    def id_floor(self, question_id: str) -> int:
        return (self.record_ids or {}).get(question_id, 0)

    def stage(self, stage_id: str) -> StageState:
        """The saved state of a stage, created empty on first use."""
        if stage_id not in self.stages:
            self.stages[stage_id] = StageState()
        return self.stages[stage_id]


Answers = dict[str, Any]
"""One stage's answers: question id → value (str, list, dict for money, date, list of records)."""


@dataclass
class Workbook:
    """Everything about one person's workbook, loaded and validated."""

    definition: WorkbookDefinition
    state: WorkbookState
    answers: dict[str, Answers] = field(default_factory=dict)
    program: Program | None = None
    """The program (``program.toml``), when one was started."""

    def answers_for(self, stage: StageDefinition | str) -> Answers:
        stage_id = stage if isinstance(stage, str) else stage.id
        return self.answers.setdefault(stage_id, {})
