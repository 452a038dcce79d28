"""Pure rules of the workbook: what to ask next, how far along a stage is, moving on.

No files, no terminal: functions over the loaded models, so they are quick to test. State
changes (a stage started, completed, a question skipped) are small functions that change the
``WorkbookState`` they are given; the home decides when to write it.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

from careerpath.workbook.definition import Moment, Question, StageDefinition, WorkRule
from careerpath.workbook.models import Answers, StageState, Workbook, WorkbookState

Status = Literal["not started", "in progress", "complete"]


@dataclass(frozen=True)
class WorkDone:
    """How far one piece of a stage's real work is: ``have`` of the ``need`` it asks for."""

    rule: WorkRule
    have: int
    need: int

    @property
    def done(self) -> bool:
        return self.have >= self.need


def work_done(stage: StageDefinition, answers: Answers) -> list[WorkDone]:
    """Each piece of the work ``stage`` says makes it done, counted from its answers."""
    found = []
    for rule in stage.done:
        question = stage.question(rule.question)
        value = answers.get(question.id)
        if rule.all_choices:
            picked = len(set(value or ()) & set(question.choices or ()))
            found.append(WorkDone(rule, picked, len(question.choices or ())))
            continue
        have = count_records(question, value, rule.having, rule.status, rule.having_any)
        found.append(WorkDone(rule, have, rule.at_least))
    return found


def count_records(
    question: Question,
    records: Any,
    having: Sequence[str],
    status: Sequence[str],
    having_any: Sequence[str] = (),
) -> int:
    """How many of a records question's ``records`` have every field in ``having`` filled,
    at least one of ``having_any`` (when given) and, when ``status`` is given, a status
    among it."""
    return sum(
        1 for record in records or () if _counts(question, record, having, status, having_any)
    )


def _counts(
    question: Question,
    record: dict[str, Any],
    having: Sequence[str],
    status: Sequence[str],
    having_any: Sequence[str] = (),
) -> bool:
    return (
        all(_filled(question.record_value(record, f)) for f in having)
        and (not having_any or any(_filled(question.record_value(record, f)) for f in having_any))
        and (not status or question.record_value(record, "status") in status)
    )


PLACEHOLDERS = frozenset({"ID", "NAME"})
"""Words in a work rule's command that stand for a record (``careerpath contact log NAME``)."""


def work_command(stage: StageDefinition, answers: Answers, piece: WorkDone) -> str:
    """The command that does a piece of work, ready to copy and run: its placeholder (``ID``,
    ``NAME``) becomes the id of the oldest record that does not count yet (else the oldest
    record). Without a record to name, the command as the workbook gives it."""
    rule = piece.rule
    words = rule.command.split(" ")
    if rule.all_choices or not PLACEHOLDERS & set(words):
        return rule.command
    question = stage.question(rule.question)
    found = [record for record in answers.get(question.id) or () if record.get("id")]
    waiting = [
        r for r in found if not _counts(question, r, rule.having, rule.status, rule.having_any)
    ]
    chosen = (waiting or found)[:1]
    if not chosen:
        return rule.command
    return " ".join(str(chosen[0]["id"]) if word in PLACEHOLDERS else word for word in words)


def open_work_sentence(
    stage: StageDefinition, answers: Answers, open_work: Sequence[WorkDone]
) -> str:
    """What a stage's open work is, each piece with its command: "it still needs a target
    researched, with its pay and education (`careerpath target edit t1`)"."""
    pieces = [f"{p.rule.label} (`{work_command(stage, answers, p)}`)" for p in open_work]
    return f"it still needs {'; '.join(pieces)}"


# --- questions that wait for their moment ----------------------------------------------------


def moment_has_come(workbook: Workbook, stage: StageDefinition, question: Question) -> bool:
    """Whether ``question`` may be asked now: always, unless it waits (``after``) for records
    that are not there yet."""
    moment = question.after
    if moment is None:
        return True
    return _moment_count(workbook, stage, moment) >= moment.at_least


def _moment_count(workbook: Workbook, stage: StageDefinition, moment: Moment) -> int:
    source, counted = workbook.definition.moment_records(stage, moment)
    wanted = set(moment.status)
    return sum(
        1
        for record in workbook.answers_for(source).get(counted.id) or ()
        if all(_filled(counted.record_value(record, f)) for f in moment.having)
        and (not wanted or wanted & set(counted.record_statuses(record)))
    )


def waiting(workbook: Workbook, stage: StageDefinition) -> list[Question]:
    """The questions of ``stage`` still waiting for their moment (an answered one never
    waits): not asked, and not needed for the stage to be complete."""
    answers = workbook.answers_for(stage)
    return [
        q
        for q in stage.questions
        # Only a question with a moment can wait: the others are not checked for an answer
        # (for a list of 10,000 records, that is a check of every record).
        if q.after is not None
        and not is_answered(q, answers)
        and not moment_has_come(workbook, stage, q)
    ]


def no_longer_needed(workbook: Workbook, stage: StageDefinition) -> list[Question]:
    """The questions of ``stage`` whose use has passed (``needed_until``: the weights for
    comparing offers, once an offer is decided), not answered: not asked, not needed."""
    answers = workbook.answers_for(stage)
    return [
        q
        for q in stage.questions
        if q.needed_until is not None
        and not is_answered(q, answers)
        and _moment_count(workbook, stage, q.needed_until) >= q.needed_until.at_least
    ]


def askable(workbook: Workbook, stage: StageDefinition) -> list[Question]:
    """The questions of ``stage`` that can be asked now: those not waiting for a moment and
    still needed."""
    held = {q.id for q in [*waiting(workbook, stage), *no_longer_needed(workbook, stage)]}
    return [q for q in stage.questions if q.id not in held]


def arrived(workbook: Workbook) -> list[tuple[StageDefinition, Question]]:
    """Questions of completed stages whose moment has come since, not answered or skipped:
    ``careerpath next`` asks them before going on."""
    found = []
    for stage in workbook.definition.stages:
        saved = workbook.state.stages.get(stage.id, StageState())
        if not saved.completed:
            continue
        answers = workbook.answers_for(stage)
        found += [
            (stage, q)
            for q in stage.questions
            if q.after is not None
            and q.id not in saved.skipped
            and not is_answered(q, answers)
            and moment_has_come(workbook, stage, q)
        ]
    return found


def _filled(value: Any) -> bool:
    return value is not None and value != "" and value != [] and value != {}


@dataclass(frozen=True)
class StageProgress:
    """How far along one stage is, derived from its answers and dates."""

    stage: StageDefinition
    number: int
    status: Status
    answered: int
    skipped: int
    total: int
    required: int
    required_answered: int
    started: date | None
    completed: date | None
    work: tuple[WorkDone, ...] = ()
    """The stage's real work (its ``done`` rules), each counted."""
    answered_ids: frozenset[str] = frozenset()
    """The questions answered (an answered question never waits, so these are all of them)."""

    @property
    def work_open(self) -> list[WorkDone]:
        return [piece for piece in self.work if not piece.done]

    @property
    def questions_percent(self) -> int:
        """Share of questions dealt with (answered or deliberately skipped)."""
        if self.total == 0:
            return 0
        return round(100 * (self.answered + self.skipped) / self.total)

    @property
    def ready(self) -> bool:
        """Every required question answered and every piece of the work done."""
        return self.required_answered == self.required and not self.work_open

    @property
    def percent(self) -> int:
        """How far along the stage is; 100 once complete. With ``done`` rules, the work counts
        for half (forms filled in are not the work), each piece by how much of it is done."""
        if self.status == "complete":
            return 100
        if not self.work:
            return self.questions_percent
        work = sum(min(1.0, piece.have / piece.need) for piece in self.work) / len(self.work)
        return round(self.questions_percent / 2 + 50 * work)


def is_answered(question: Question, answers: Answers) -> bool:
    return question.is_answered(answers.get(question.id))


def pending(
    questions: Sequence[Question], answers: Answers, skipped: Collection[str] = ()
) -> list[Question]:
    """Questions not answered yet and not skipped, in the order they are asked (a stage's,
    or the program's intake)."""
    return [q for q in questions if not is_answered(q, answers) and q.id not in skipped]


def missing_required(questions: Sequence[Question], answers: Answers) -> list[Question]:
    """Required questions without an answer: a stage, an intake or a check-in is done when
    there are none."""
    return [q for q in questions if q.required and not is_answered(q, answers)]


def progress(workbook: Workbook, stage: StageDefinition) -> StageProgress:
    answers = workbook.answers_for(stage)
    saved = workbook.state.stages.get(stage.id, StageState())
    questions = askable(workbook, stage)  # one waiting for its moment is not counted yet
    # Once each: a records question is answered when every record is complete (10k of them).
    done = {q.id for q in questions if is_answered(q, answers)}
    answered = len(done)
    skipped = sum(1 for q in questions if q.id in saved.skipped and q.id not in done)
    required = [q for q in questions if q.required]
    status: Status
    if saved.completed:
        status = "complete"
    elif saved.started or answered:
        status = "in progress"
    else:
        status = "not started"
    return StageProgress(
        stage=stage,
        number=workbook.definition.stages.index(stage) + 1,
        status=status,
        answered=answered,
        skipped=skipped,
        total=len(questions),
        required=len(required),
        required_answered=sum(1 for q in required if q.id in done),
        started=saved.started,
        completed=saved.completed,
        work=tuple(work_done(stage, answers)),
        answered_ids=frozenset(done),
    )


def all_progress(workbook: Workbook) -> list[StageProgress]:
    return [progress(workbook, stage) for stage in workbook.definition.stages]


def current_stage(workbook: Workbook) -> StageDefinition | None:
    """The first stage not yet complete; None when every stage is."""
    for stage in workbook.definition.stages:
        saved = workbook.state.stages.get(stage.id)
        if not (saved and saved.completed):
            return stage
    return None


def next_open_stage(workbook: Workbook, after: StageDefinition) -> StageDefinition | None:
    """The stage to go on with once ``after`` is complete: the first other one still open."""
    for stage in workbook.definition.stages:
        saved = workbook.state.stages.get(stage.id)
        if stage is not after and not (saved and saved.completed):
            return stage
    return None


def next_step(workbook: Workbook) -> str:
    """The very next thing to do, in one sentence."""
    late = arrived(workbook)
    # A question whose moment came in a stage done earlier: first when it is required; an
    # optional one (a reflection) waits behind the current stage's questions and work.
    late.sort(key=lambda found: not found[1].required)
    late_step = None
    if late:
        earlier, question = late[0]
        late_step = (
            f"Answer “{question.title}” in {earlier.title}, now that its moment has come: "
            "run `careerpath next`."
        )
        if question.required:
            return late_step
    stage = current_stage(workbook)
    if stage is None:
        return late_step or (
            "All stages are complete. Look back over this report, and share it with your coach."
        )
    answers = workbook.answers_for(stage)
    saved = workbook.state.stages.get(stage.id, StageState())
    todo = pending(askable(workbook, stage), answers, saved.skipped)
    if not saved.started and not any(is_answered(q, answers) for q in stage.questions):
        return f"Begin {stage.title}: run `careerpath next`."
    # Required questions, then the work, then what is optional: the work matters more.
    required = [q for q in todo if q.required]
    if required:
        return f"Answer “{required[0].title}” in {stage.title}: run `careerpath next`."
    open_work = progress(workbook, stage).work_open
    if open_work:
        command = work_command(stage, answers, open_work[0])
        return f"{stage.title} still needs {open_work[0].rule.label}: run `{command}`."
    if late_step:
        return late_step
    if todo:
        return f"Answer “{todo[0].title}” in {stage.title}: run `careerpath next`."
    return f"{stage.title} is ready to complete: run `careerpath next` to review it and move on."


# --- state changes ---------------------------------------------------------------------------


def mark_started(state: WorkbookState, stage_id: str, today: date) -> bool:
    """Record the day a stage was begun; False if it already was."""
    saved = state.stage(stage_id)
    if saved.started:
        return False
    saved.started = today
    return True


def mark_complete(state: WorkbookState, stage_id: str, today: date) -> None:
    saved = state.stage(stage_id)
    saved.started = saved.started or today
    saved.completed = today


def set_skipped(state: WorkbookState, stage_id: str, question_id: str, skipped: bool) -> None:
    saved = state.stage(stage_id)
    if skipped and question_id not in saved.skipped:
        saved.skipped.append(question_id)
    elif not skipped and question_id in saved.skipped:
        saved.skipped.remove(question_id)


def mark_worked(state: WorkbookState, stage_id: str, today: date) -> bool:
    """Record the last day answers were saved in a stage; False if already today."""
    saved = state.stage(stage_id)
    if saved.worked == today:
        return False
    saved.worked = today
    return True


def retire_id(state: WorkbookState, question: Question, removed: dict[str, Any]) -> bool:
    """Remember the number of a removed record's id, so it is never given again; False when
    a higher one is remembered already."""
    found = re.fullmatch(r"[a-z]+([0-9]+)", str(removed.get("id", "")))
    if found:
        number = int(found.group(1))
        if number > state.id_floor(question.id):
            state.record_ids = {**(state.record_ids or {}), question.id: number}
            return True
    return False


def recalled(workbook: Workbook, question: Question) -> dict[str, tuple[Question, Any]]:
    """The earlier answers ``question`` recalls: ``stage.question`` → (question, answer)."""
    found = {}
    for ref in question.recall:
        stage, earlier = workbook.definition.recalled(ref)
        found[ref] = (earlier, workbook.answers_for(stage).get(earlier.id))
    return found
