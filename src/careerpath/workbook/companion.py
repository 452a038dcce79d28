"""What takes part in a sitting with the stages from a layer above the workbook: the base of
the program's and the records' companions (``careerpath.program.sitting``,
``careerpath.tracking.sitting``). Apart from the session, so that a companion can be built on
it without the terminal the session talks to."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from careerpath.workbook.definition import Question, StageDefinition
    from careerpath.workbook.models import Workbook

Session = Any
"""The ``careerpath.workbook.session.Session`` a companion takes part in; not imported here,
so that a companion does not pull in the terminal the session talks to."""


class Companion:
    """Something above the workbook that takes part in a sitting with the stages: the program
    (``careerpath.program.sitting``) and the records (``careerpath.tracking.sitting``). They are
    handed in, since the workbook does not import what is built on it; each overrides the
    parts it takes, and the rest do nothing."""

    def sitting_started(self, sitting: Session) -> None:
        """A word as the sitting begins (a check-in that is due)."""

    def stage_begun(self, sitting: Session, stage: StageDefinition) -> None:
        """Its part when a sitting first works in a stage (the stage's suggested homework);
        what it saves is added to ``sitting.saved``."""

    def offered(self, workbook: Workbook, question: Question, earlier: Any) -> Any:
        """What ``question`` offers to start from: ``earlier`` (the saved answer, or None)
        unless this companion knows better."""
        return earlier

    def answered(
        self, sitting: Session, stage: StageDefinition, question: Question, value: Any
    ) -> None:
        """Its part once an answer is saved (a decision recorded on the offer it is about)."""

    def records_start(
        self, sitting: Session, stage: StageDefinition, question: Question
    ) -> list[dict[str, Any]]:
        """New records to ask before a records question asks for its own (the jobs picked
        from the occupations that fit the person's interests); each is asked as below."""
        return []

    def record_start(
        self, sitting: Session, stage: StageDefinition, question: Question
    ) -> dict[str, Any]:
        """What a new record starts from, asked before its fields: the records it links to
        (the target a contact is about) or a look-up in the occupation data. Values of the
        fields asked are offered as answers; the rest are saved with the record."""
        return {}
