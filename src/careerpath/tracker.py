"""Changing typed records on disk, and the dated items they hold.

``Book`` is one type of record in one home. Every change goes through the store's
``update_answers``: the stage file is read again, the record found again by its id, changed,
validated and written atomically, so a hand edit made in the meantime is kept and a file that
became broken is reported, never overwritten. The caller holds the home's lock.

The three sources of dated items (contact follow-ups; application next actions, interviews
and stale applications; offer deadlines) are listed by ``agenda.sources``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from careerpath import engine, records, scoring
from careerpath.agenda import DueItem
from careerpath.errors import InvalidInput, NotFound

if TYPE_CHECKING:
    from careerpath.definition import Question
    from careerpath.models import Answers, Workbook, WorkbookState
    from careerpath.store import Home

T = TypeVar("T")


class Book:
    """The records of one type (``applications``…) in one workbook."""

    def __init__(self, home: Home, workbook: Workbook, name: str) -> None:
        self.home = home
        self.workbook = workbook
        self.name = name
        self.kind = records.TYPES[name]
        self.stage, self.question = records.require(workbook.definition, name)

    @property
    def raw(self) -> list[dict[str, Any]]:
        """The stored records, as plain data."""
        return list(self.workbook.answers_for(self.stage).get(self.question.id, []))

    def models(self) -> list[Any]:
        return records.models(self.name, self.raw)

    def find(self, query: str) -> dict[str, Any]:
        return records.find(self.name, self.raw, query)

    def get(self, query: str) -> Any:
        return self.kind.model.model_validate(self.find(query))

    def label(self, record: dict[str, Any] | records.Record) -> str:
        return records.label(self.name, record)

    # --- changes -----------------------------------------------------------------------------

    def add(self, record: dict[str, Any], today: dt.date) -> str:
        """Store a new record with the next id; the stage counts as begun."""
        prefix = self.kind.prefix
        floor = self.workbook.state.id_floor(self.question.id)

        def append(answers: Answers) -> str:
            items = answers.setdefault(self.question.id, [])
            record_id = f"{prefix}{records.next_number(items, prefix, floor)}"
            items.append({"id": record_id, **record})
            return record_id

        record_id = self._change(append)
        self._update_state(lambda state: engine.mark_started(state, self.stage.id, today))
        return record_id

    def update(self, record_id: str, change: Callable[[dict[str, Any]], T]) -> T:
        """Change one record, found again by id in the file as it is now."""

        def apply(answers: Answers) -> T:
            for item in answers.get(self.question.id, []):
                if item.get("id") == record_id:
                    return change(item)
            raise NotFound(
                f"{record_id} is no longer in {self.home.stage_file(self.stage.id)}",
                hint="It was removed or renumbered by hand meanwhile; see "
                f"`careerpath {self.kind.command} list`.",
            )

        return self._change(apply)

    def remove(self, record_id: str) -> dict[str, Any]:
        """Remove one record for good; its id is not given out again."""

        def drop(answers: Answers) -> dict[str, Any]:
            items = answers.get(self.question.id, [])
            for index, item in enumerate(items):
                if item.get("id") == record_id:
                    return dict(items.pop(index))
            raise NotFound(f"there is no {self.kind.item} {record_id}")

        removed = self._change(drop)
        self._update_state(lambda state: retire_id(state, self.question, removed))
        return removed

    def _change(self, change: Callable[[Answers], T]) -> T:
        answers, result = self.home.update_answers(self.stage, change)
        self.workbook.answers[self.stage.id] = answers
        return result

    def _update_state(self, change: Callable[[WorkbookState], object]) -> None:
        self.workbook.state, _ = self.home.update_state(change)


def retire_id(state: WorkbookState, question: Question, removed: dict[str, Any]) -> None:
    """Remember the number of a removed record's id, so it is never given again."""
    found = re.fullmatch(r"[a-z]+([0-9]+)", str(removed.get("id", "")))
    if found:
        number = int(found.group(1))
        if number > state.id_floor(question.id):
            state.record_ids = {**(state.record_ids or {}), question.id: number}


# --- dated items -----------------------------------------------------------------------------

_ITEM = re.compile(r"(?P<record>[a-z]+[0-9]+)-(?P<part>[a-z0-9-]+)")


def split_item(item_id: str) -> tuple[str, str] | None:
    """``a3-i2`` → (``a3``, ``i2``)."""
    found = _ITEM.fullmatch(item_id.strip().lower())
    return (found.group("record"), found.group("part")) if found else None


class _RecordSource:
    """Dated items of one type of record."""

    name: str = ""

    def _target(self, workbook: Workbook, item_id: str) -> tuple[str, str] | None:
        """(record id, part) when ``item_id`` belongs to a record of this type that exists."""
        parts = split_item(item_id)
        kind = records.TYPES[self.name]
        if parts is None or not re.fullmatch(rf"{kind.prefix}[0-9]+", parts[0]):
            return None
        found = records.locate(workbook.definition, self.name)
        if found is None:
            return None
        stored = workbook.answers_for(found[0]).get(found[1].id, [])
        if not any(record.get("id") == parts[0] for record in stored):
            return None
        return parts

    def _stage_id(self, workbook: Workbook) -> str | None:
        found = records.locate(workbook.definition, self.name)
        return found[0].id if found else None

    def _stored(self, workbook: Workbook) -> list[dict[str, Any]]:
        found = records.locate(workbook.definition, self.name)
        if found is None:
            return []
        return list(workbook.answers_for(found[0]).get(found[1].id, []))


class ContactSource(_RecordSource):
    """Follow-ups with contacts: ``c3-follow-up``."""

    name = "contacts"

    def items(self, workbook: Workbook, today: dt.date) -> list[DueItem]:
        stage = self._stage_id(workbook)
        found = []
        for record in self._stored(workbook):
            follow_up = record.get("follow_up")
            if follow_up is None or record.get("status") == "closed":
                continue
            step = record.get("next_step") or "follow up"
            found.append(
                DueItem(
                    id=f"{record['id']}-follow-up",
                    what="follow-up",
                    title=f"{records.label('contacts', record)}: {step}",
                    due=follow_up,
                    stage=stage,
                )
            )
        return found

    def done(self, home: Home, workbook: Workbook, item_id: str, today: dt.date) -> bool:
        parts = self._target(workbook, item_id)
        if parts is None or parts[1] != "follow-up":
            return False

        def clear(record: dict[str, Any]) -> None:
            record.pop("follow_up", None)
            record.pop("next_step", None)

        Book(home, workbook, self.name).update(parts[0], clear)
        return True

    def snooze(self, home: Home, workbook: Workbook, item_id: str, until: dt.date) -> bool:
        parts = self._target(workbook, item_id)
        if parts is None or parts[1] != "follow-up":
            return False
        Book(home, workbook, self.name).update(parts[0], lambda r: r.update(follow_up=until))
        return True


class ApplicationSource(_RecordSource):
    """Next actions (``a3-next``), interviews (``a3-i1``) and stale applications
    (``a3-stale``)."""

    name = "applications"

    def items(self, workbook: Workbook, today: dt.date) -> list[DueItem]:
        stage = self._stage_id(workbook)
        after = scoring.stale_after(workbook)
        found = []
        for record in self._stored(workbook):
            app = records.Application.model_validate(record)
            name = records.label("applications", record)
            if app.next_action_due is not None:
                found.append(
                    DueItem(
                        id=f"{app.id}-next",
                        what="next action",
                        title=f"{name}: {app.next_action or 'next action'}",
                        due=app.next_action_due,
                        stage=stage,
                    )
                )
            for number, interview in enumerate(app.interviews or [], start=1):
                if interview.is_open:
                    found.append(
                        DueItem(
                            id=f"{app.id}-i{number}",
                            what="interview",
                            title=interview_title(name, interview, today),
                            due=interview.day,
                            at=interview.at if isinstance(interview.at, dt.datetime) else None,
                            stage=stage,
                        )
                    )
            since = scoring.stale_since(app, today, after)
            if since is not None:
                last = scoring.last_movement(app)
                found.append(
                    DueItem(
                        id=f"{app.id}-stale",
                        what="stale",
                        title=f"{name}: {app.status}, no news since {last}",
                        due=since,
                        stage=stage,
                    )
                )
        return found

    def done(self, home: Home, workbook: Workbook, item_id: str, today: dt.date) -> bool:
        parts = self._target(workbook, item_id)
        if parts is None:
            return False
        record_id, part = parts
        book = Book(home, workbook, self.name)
        if part == "next":
            book.update(record_id, _clear_next_action)
        elif part == "stale":
            until = today + dt.timedelta(days=scoring.stale_after(workbook))
            book.update(record_id, lambda r: r.update(snoozed_until=until))
        elif re.fullmatch(r"i[0-9]+", part):
            index = int(part[1:]) - 1
            book.update(record_id, lambda r: _interview(r, index, part).update(done=True))
        else:
            return False
        return True

    def snooze(self, home: Home, workbook: Workbook, item_id: str, until: dt.date) -> bool:
        parts = self._target(workbook, item_id)
        if parts is None:
            return False
        record_id, part = parts
        book = Book(home, workbook, self.name)
        if part == "next":
            book.update(record_id, lambda r: r.update(next_action_due=until))
        elif part == "stale":
            book.update(record_id, lambda r: r.update(snoozed_until=until))
        elif re.fullmatch(r"i[0-9]+", part):
            raise InvalidInput(
                "an interview's date is agreed with the employer, so it cannot be snoozed",
                hint=f"If it moved: `careerpath app interview {record_id} --number {part[1:]} "
                f"--at DATE`. Once it is behind you: `careerpath done {item_id}`.",
            )
        else:
            return False
        return True


def _clear_next_action(record: dict[str, Any]) -> None:
    record.pop("next_action", None)
    record.pop("next_action_due", None)


def _interview(record: dict[str, Any], index: int, part: str) -> dict[str, Any]:
    interviews = record.get("interviews") or []
    if not 0 <= index < len(interviews):
        raise NotFound(f"{record['id']} has no interview {part}")
    found: dict[str, Any] = interviews[index]
    return found


def interview_title(name: str, interview: records.Interview, today: dt.date) -> str:
    details = ", ".join(
        part
        for part in (
            f"round {interview.round}"
            if interview.round and interview.round.isdigit()
            else interview.round,
            interview.format,
            f"with {interview.interviewers}" if interview.interviewers else None,
        )
        if part
    )
    shown = f" ({details})" if details else ""
    if interview.day < today:
        return f"Reflect on your interview, {name}{shown}: what went well, what would you change?"
    return f"Interview, {name}{shown}"


class OfferSource(_RecordSource):
    """Deadlines to answer an offer: ``o1-deadline``."""

    name = "offers"

    def items(self, workbook: Workbook, today: dt.date) -> list[DueItem]:
        stage = self._stage_id(workbook)
        found = []
        for record in self._stored(workbook):
            deadline = record.get("deadline")
            if deadline is None or record.get("responded"):
                continue
            if record.get("status") in ("accepted", "declined"):
                continue
            found.append(
                DueItem(
                    id=f"{record['id']}-deadline",
                    what="offer deadline",
                    title=f"Answer the offer, {records.label('offers', record)}",
                    due=deadline,
                    stage=stage,
                )
            )
        return found

    def done(self, home: Home, workbook: Workbook, item_id: str, today: dt.date) -> bool:
        parts = self._target(workbook, item_id)
        if parts is None or parts[1] != "deadline":
            return False
        Book(home, workbook, self.name).update(parts[0], lambda r: r.update(responded=today))
        return True

    def snooze(self, home: Home, workbook: Workbook, item_id: str, until: dt.date) -> bool:
        parts = self._target(workbook, item_id)
        if parts is None or parts[1] != "deadline":
            return False
        raise InvalidInput(
            "an offer's deadline is the employer's, so it cannot be snoozed",
            hint=f"If they gave you more time: `careerpath offer edit {parts[0]} --deadline DATE`. "
            f"Once you have answered: `careerpath done {item_id}`.",
        )
