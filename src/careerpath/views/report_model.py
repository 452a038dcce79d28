"""The report's model: the plain dataclasses a report is made of, the shapes of its record
sections, and the escaping every renderer shares.

The report (``report``) and its sections (``tracking_report``, ``program_report``) import this;
it imports none of them, so the sections can be assembled above them without a circle.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from typing import TypedDict

    from careerpath.program.plan import ProgramSection

    # The shapes of the sections, for the type checker; at run time they are plain dicts.

    class DueLine(TypedDict):
        id: str
        what: str
        title: str
        due: dt.date

    class DueSummary(TypedDict):
        overdue: int
        coming: int
        """Due today or in the next seven days."""
        next: list[DueLine]
        """The first few: overdue first, then by date."""

    class FunnelLine(TypedDict):
        status: str
        reached: int | None
        """How many got this far or further (pipeline statuses; None for endings)."""
        now: int
        """How many are in this status now."""

    class Pipeline(TypedDict):
        total: int
        active: int
        stale: int
        stale_after: int
        funnel: list[FunnelLine]
        applied: int
        responded: int
        interviewed: int
        offered: int
        response_rate: int | None
        """Percent of applications sent that heard back (screening or further, or a rejection)."""
        interview_rate: int | None
        offer_rate: int | None

    class OutreachWeek(TypedDict):
        week_start: dt.date
        people: int

    class Outreach(TypedDict):
        goal: int | None
        this_week: int
        week_start: dt.date
        weeks: list[OutreachWeek]
        contacts: int
        conversations: int
        by_status: dict[str, int]

    class TargetLine(TypedDict):
        id: str
        title: str
        fit: float | None
        values_rated: int
        values_total: int
        pay_low_per_year: float | None
        pay_high_per_year: float | None
        currency: str | None
        outlook: str | None

    class OfferLine(TypedDict):
        id: str
        employer: str
        role: str | None
        base_pay: float | None
        currency: str | None
        score: float | None
        status: str
        deadline: dt.date | None
        meets: list[str]
        misses: list[str]
        floor: Literal["below", "meets", "not compared"] | None
        """Base pay against the income floor (same currency only)."""

    class Checklist(TypedDict):
        done: int
        total: int


REPORT_VERSION = 1


@dataclass(frozen=True)
class WorkLine:
    """One piece of a stage's real work (its ``done`` rules): ``have`` of ``need``."""

    label: str
    have: int
    need: int
    done: bool
    command: str


@dataclass(frozen=True)
class StageLine:
    id: str
    number: int
    title: str
    status: Literal["not started", "in progress", "complete"]
    answered: int
    required: int
    required_answered: int
    skipped: int
    total: int
    percent: int
    started: date | None
    completed: date | None
    questions_percent: int = 0
    """Share of questions answered or skipped (``percent`` also counts the work)."""
    work: list[WorkLine] = dataclasses.field(default_factory=list)
    ready: bool = False
    """Every required question answered and all of the work done: ready to complete."""

    @property
    def work_text(self) -> str:
        """Work done as "1/2" (pieces done of pieces); "–" for a stage without work rules."""
        if not self.work:
            return "–"
        return f"{sum(piece.done for piece in self.work)}/{len(self.work)}"


@dataclass(frozen=True)
class KeyAnswer:
    stage: str
    question: str
    label: str
    text: str
    value: Any


@dataclass(frozen=True)
class Report:
    generated: date
    workbook: dict[str, str]
    current_stage: str | None
    current_stage_title: str | None
    next_step: str
    percent: int
    stages: list[StageLine]
    key_answers: list[KeyAnswer]
    report_version: int = REPORT_VERSION
    program: ProgramSection | None = None
    """The program's timeline, goals, homework and check-ins, when one was started."""
    # Records (see tracking_report): what is due, the application funnel, outreach, targets
    # by fit, offers and the leaving-well checklist.
    due: DueSummary | None = None
    pipeline: Pipeline | None = None
    outreach: Outreach | None = None
    targets: list[TargetLine] = dataclasses.field(default_factory=list)
    offers: list[OfferLine] = dataclasses.field(default_factory=list)
    leaving_well: Checklist | None = None
    exercises: dict[str, Any] | None = None
    """The interest code, top work values and best-fitting occupations, once the person has
    results (``views.instruments.exercises_section``)."""


def json_value(value: Any) -> str:
    """Dates (in answers, stage dates, records) as ISO text, for ``json.dumps(default=...)``."""
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"cannot write {type(value).__name__} as JSON")
