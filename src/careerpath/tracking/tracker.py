"""Changing typed records on disk, the rules of those changes, and the dated items records hold.

``Book`` is one type of record in one home. Every change goes through the home's
``update_answers``: the stage file is read again, the record found again by its id, changed,
validated and written atomically, so a hand edit made in the meantime is kept and a file that
became broken is reported, never overwritten. The caller holds the home's lock. A change is
work on its stage (a coach's "last activity"): it is noted in ``workbook.toml``, written once
when the lock is released.

The rules (which moves an application may make, what logging a conversation changes, ticking
a checklist) are pure functions over the stored records, below ``Book``.

The sources of dated items here (contact follow-ups; application next actions, interviews and
stale applications; offer deadlines) are listed by ``views.due.sources``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

from careerpath.core.errors import InvalidInput, NotFound
from careerpath.tracking import records, scoring
from careerpath.workbook import engine
from careerpath.workbook.agenda import DueItem

if TYPE_CHECKING:
    from careerpath.workbook.home import Home
    from careerpath.workbook.models import Answers, Workbook, WorkbookState

T = TypeVar("T")


class Book:
    """The records of one type (``applications``…) in one workbook."""

    def __init__(self, home: Home, workbook: Workbook, name: str) -> None:
        self.home = home
        self.workbook = workbook
        self.name = name
        self.kind = records.TYPES[name]
        self.stage, self.question = records.require(workbook.definition, name)

    def other(self, name: str) -> Book:
        """The records of another type in the same workbook (``--contact``, ``--from``)."""
        return Book(self.home, self.workbook, name)

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

    def index(self, record_id: str) -> int:
        """Where the record stands in the file (``next`` and its drafts count by position)."""
        return next(i for i, record in enumerate(self.raw) if record.get("id") == record_id)

    def label(self, record: dict[str, Any] | records.Record) -> str:
        return records.label(self.name, record)

    # --- changes -----------------------------------------------------------------------------

    def add(self, record: dict[str, Any], today: dt.date) -> str:
        """Store a new record with the next id; the stage counts as begun."""
        prefix = self.kind.prefix
        floor = self.workbook.state.id_floor(self.question.id)

        def new(items: list[dict[str, Any]]) -> dict[str, Any]:
            return {"id": f"{prefix}{records.next_number(items, prefix, floor)}", **record}

        self.begin(today)  # before the record: the record's write is the last one
        self._note_work(today)
        answers = self.home.add_record(self.stage, self.question.id, new)
        self.workbook.answers[self.stage.id] = answers
        record_id: str = answers[self.question.id][-1]["id"]
        return record_id

    def begin(self, today: dt.date) -> None:
        """A record was added: its stage counts as begun."""
        self._note_state(lambda state: engine.mark_started(state, self.stage.id, today))

    def update(
        self, record_id: str, change: Callable[[dict[str, Any]], T], today: dt.date | None
    ) -> T:
        """Change one record, found again by id in the file as it is now. ``today`` is the
        day of the change, noted as work on the stage; None for a change that is no work
        (a snooze only puts something off)."""

        def apply(answers: Answers) -> T:
            for item in answers.get(self.question.id, []):
                if item.get("id") == record_id:
                    return change(item)
            raise NotFound(
                f"{record_id} is no longer in {self.home.stage_file(self.stage.id)}",
                hint="It was removed or renumbered by hand meanwhile; see "
                f"`careerpath {self.kind.command} list`.",
            )

        return self._change(apply, today)

    def remove(self, record_id: str, today: dt.date) -> dict[str, Any]:
        """Remove one record for good; its id is not given out again."""

        def drop(answers: Answers) -> dict[str, Any]:
            items = answers.get(self.question.id, [])
            for index, item in enumerate(items):
                if item.get("id") == record_id:
                    return dict(items.pop(index))
            raise NotFound(f"there is no {self.kind.item} {record_id}")

        # The id is retired first: once the record is gone, nothing is left to write.
        self._note_state(lambda state: engine.retire_id(state, self.question, {"id": record_id}))
        return self._change(drop, today)

    def update_stage(self, change: Callable[[Answers], T], today: dt.date) -> T:
        """Change other answers of the stage these records are in (the weights for comparing
        offers, the leaving-well checklist)."""
        return self._change(change, today)

    def _change(self, change: Callable[[Answers], T], today: dt.date | None) -> T:
        """Change the stage's answers. What goes in ``workbook.toml`` is written first, so
        the change itself is the last write: when the disk refuses any write, the command
        saved nothing a retry would do twice."""
        self._note_work(today)
        answers, result = self.home.update_answers(self.stage, change)
        self.workbook.answers[self.stage.id] = answers
        return result

    def _note_work(self, today: dt.date | None) -> None:
        if today is not None:
            self._note_state(lambda state: engine.mark_worked(state, self.stage.id, today))

    def _note_state(self, change: Callable[[WorkbookState], bool]) -> None:
        """Change the state in memory and, when that changes something, in ``workbook.toml``
        (read again first, like every write)."""
        if change(self.workbook.state):
            self.home.update_state(change)


# --- rules: applications ---------------------------------------------------------------------


def status_of(application: dict[str, Any]) -> records.AppStatus:
    """A stored application's status: its last move, or "interested" before any."""
    history = application.get("history") or []
    return history[-1]["status"] if history else "interested"


def check_move(
    application: dict[str, Any], new: records.AppStatus, day: dt.date, force: bool, stage: str
) -> None:
    """Whether ``app move`` may move the application to ``new`` on ``day``; raises with the
    reason if not (``stage`` holds the applications, for the hint).

    Forward along the pipeline, or to an ending (rejected, withdrawn, no response), is fine.
    Back to an earlier step, or anywhere after accepting, needs ``force``. A move is never
    dated before the last one."""
    current = status_of(application)
    if new == current:
        raise InvalidInput(f"it is already {new}")
    history = application.get("history") or []
    last = max((move["date"] for move in history if move.get("date")), default=None)
    if last is not None and day < last:
        raise InvalidInput(
            f"the last move was on {last}; a new one cannot be dated before it",
            hint=f"To correct the history, edit the file: `careerpath edit {stage}`.",
        )
    if force:
        return
    if current == "accepted":
        raise InvalidInput(
            "it is accepted, so moving it on is unusual", hint="Add --force if you mean it."
        )
    if new in records.PIPELINE:
        reached = scoring.furthest(records.Application.model_validate({"history": history}))
        if records.PIPELINE.index(new) < reached:
            raise InvalidInput(
                f"that moves it backwards ({records.PIPELINE[reached]} → {new})",
                hint="Add --force to move it back all the same; the history keeps every move.",
            )


def move(
    application: dict[str, Any], new: records.AppStatus, day: dt.date, note: str | None = None
) -> records.AppStatus:
    """Add a move to the application's dated history; the status it had before."""
    before = status_of(application)
    application["history"] = [
        *(application.get("history") or []),
        {"date": day, "status": new, **({"note": note} if note else {})},
    ]
    return before


OFFER_ANSWERS: dict[str, records.AppStatus] = {"accepted": "accepted", "declined": "withdrawn"}
"""Where answering an offer takes the application it came from."""


def follow(
    application: dict[str, Any], to: records.AppStatus, day: dt.date
) -> records.AppStatus | None:
    """The one rule for moves that follow from something else: adding an interview moves the
    application to interviewing, adding an offer from it to offer, accepting that offer to
    accepted and declining it to withdrawn. Only forward, never back, and never once it has
    ended. Returns the status it moved from, or None when it stays."""
    current = status_of(application)
    if current in records.FINISHED or current == to:
        return None
    if to in records.PIPELINE and records.PIPELINE.index(to) < records.PIPELINE.index(current):
        return None
    return move(application, to, day)


def follow_offer(book: Book, linked: str | None, status: str | None, day: dt.date) -> str | None:
    """Accepting or declining an offer moves the application it came from (``linked``) to
    accepted or withdrawn (``OFFER_ANSWERS``, by ``follow``); what moved, in words."""
    apps = book.other("applications")
    if status not in OFFER_ANSWERS or not any(a["id"] == linked for a in apps.raw):
        return None
    to = OFFER_ANSWERS[str(status)]
    before = apps.update(str(linked), lambda app: follow(app, to, day), day)
    return f"Moved {linked}: {before} → {to}." if before else None


# --- rules: offers --------------------------------------------------------------------------


def negotiate(offer: dict[str, Any], day: dt.date, asked: str | None, answer: str | None) -> None:
    """Log a round of negotiation: an ask (with its answer, if it came at once), or the answer
    to the last ask still waiting. An offer being considered is now being negotiated."""
    rounds = list(offer.get("negotiation") or [])
    if asked is None:
        waiting = [exchange for exchange in rounds if not exchange.get("answer")]
        if not waiting:
            raise InvalidInput(
                "there is no ask waiting for an answer",
                hint="Log both at once: --asked TEXT --answer TEXT.",
            )
        waiting[-1]["answer"] = answer
    else:
        rounds.append({"date": day, "asked": asked, **({"answer": answer} if answer else {})})
    offer["negotiation"] = rounds
    if offer.get("status", "considering") == "considering":
        offer["status"] = "negotiating"


# --- rules: contacts -------------------------------------------------------------------------

TALKED_FROM: tuple[records.ContactStatus, ...] = ("to reach out", "reached out")
"""Statuses a conversation moves on to "talked"; those further on stay."""


def set_next_step(name: str, record: dict[str, Any], step: str | None, day: dt.date | None) -> None:
    """Replace the open next step, or its date, or both (None leaves that part as it is); a
    new date ends any snooze."""
    step_key, day_key = records.NEXT_STEP[name]
    if step is not None:
        record[step_key] = step
    if day is not None:
        record[day_key] = day
        record.pop("snoozed", None)


def clear_next_step(name: str, record: dict[str, Any]) -> None:
    """The open next step is done: remove it, its date and any snooze."""
    for key in (*records.NEXT_STEP[name], "snoozed"):
        record.pop(key, None)


def log_conversation(
    contact: dict[str, Any], talk: dict[str, Any], status: str | None
) -> tuple[str | None, dt.date | None]:
    """Add a conversation to a contact. It replaces the contact's open next step with the one
    planned in it (none if none was), and moves the contact to ``status``, or to "talked" if
    it was not that far yet. Returns the open next step and date it replaced."""
    earlier = (
        contact.get("next_step"),
        records.due_now(contact.get("follow_up"), contact.get("snoozed")),
    )
    contact["conversations"] = [
        *(contact.get("conversations") or []),
        {key: value for key, value in talk.items() if value is not None},
    ]
    if status is not None:
        contact["status"] = status
    elif contact.get("status", "to reach out") in TALKED_FROM:
        contact["status"] = "talked"
    if contact.get("follow_up") and talk.get("date"):
        contact["followed_up"] = talk["date"]  # this conversation is the follow-up planned
    clear_next_step("contacts", contact)
    step, follow_up = talk.get("next_step"), talk.get("follow_up")
    if step or follow_up:
        set_next_step("contacts", contact, step or "follow up", follow_up)
    return earlier


def add_to_conversation(contact: dict[str, Any], key: str, value: Any) -> None:
    """Add what was asked after the conversation was logged to the latest one; a next step
    or its date planned in it becomes the contact's open one."""
    if value is None:
        return
    contact["conversations"][-1][key] = value
    if key == "next_step":
        set_next_step("contacts", contact, value, None)
    elif key == "follow_up":
        set_next_step("contacts", contact, contact.get("next_step") or "follow up", value)


# --- rules: the leaving-well checklist -------------------------------------------------------


def checklist_item(choices: Sequence[str], text: str) -> str:
    """The one item of a checklist that a few typed words name."""
    wanted = text.strip().casefold()
    hits = [choice for choice in choices if wanted in choice.casefold()]
    if len(hits) != 1:
        raise InvalidInput(
            f"{text!r} {'matches several items' if hits else 'is not on the checklist'}",
            hint="The items: " + "; ".join(choices) + ".",
        )
    return hits[0]


def tick(
    choices: Sequence[str], ticked: Sequence[str], on: Sequence[str], off: Sequence[str]
) -> list[str]:
    """The items ticked after ticking ``on`` and unticking ``off``, in checklist order."""
    kept = {item for item in ticked if item not in off} | set(on)
    return [choice for choice in choices if choice in kept]


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
        prefix = records.TYPES[self.name].prefix
        if parts is None or not re.fullmatch(rf"{prefix}[0-9]+", parts[0]):
            return None
        if not any(r.get("id") == parts[0] for r in records.stored(workbook, self.name)):
            return None
        return parts

    def _stage_id(self, workbook: Workbook) -> str | None:
        found = records.locate(workbook.definition, self.name)
        return found[0].id if found else None

    def _book(self, home: Home, workbook: Workbook) -> Book:
        return Book(home, workbook, self.name)

    def items(self, workbook: Workbook, today: dt.date) -> list[DueItem]:
        return self._items_of(workbook, today, records.stored(workbook, self.name))

    def items_added(
        self,
        workbook: Workbook,
        today: dt.date,
        place: tuple[str, str],
        added: list[dict[str, Any]],
    ) -> list[DueItem] | None:
        # A record's items are its own (and of the settings): added ones change no other's.
        found = records.locate(workbook.definition, self.name)
        if found is None or (found[0].id, found[1].id) != place:
            return []
        return self._items_of(workbook, today, added)

    def _items_of(
        self, workbook: Workbook, today: dt.date, stored: list[dict[str, Any]]
    ) -> list[DueItem]:
        """The open items of the records ``stored``, of this type in ``workbook``."""
        raise NotImplementedError


class _OneItemSource(_RecordSource):
    """Records with at most one dated item each, named ``<id>-<part>`` (``c3-follow-up``)."""

    part: str = ""
    what: str = ""
    movable: bool = True

    def _due(self, record: dict[str, Any]) -> dt.date | None:
        raise NotImplementedError

    def _title(self, record: dict[str, Any]) -> str:
        raise NotImplementedError

    def _items_of(
        self, workbook: Workbook, today: dt.date, stored: list[dict[str, Any]]
    ) -> list[DueItem]:
        stage = self._stage_id(workbook)
        found = []
        for record in stored:
            due = self._due(record)
            if due is not None:
                item_id = f"{record['id']}-{self.part}"
                title = self._title(record)
                found.append(
                    DueItem(item_id, self.what, title, due, stage=stage, movable=self.movable)
                )
        return found

    def _record_of(self, workbook: Workbook, item_id: str) -> str | None:
        parts = self._target(workbook, item_id)
        return parts[0] if parts is not None and parts[1] == self.part else None


class ContactSource(_OneItemSource):
    """Follow-ups with contacts: ``c3-follow-up``."""

    name = "contacts"
    part = "follow-up"
    what = "follow-up"

    def _due(self, record: dict[str, Any]) -> dt.date | None:
        if record.get("status") == "closed":
            return None
        return records.due_now(record.get("follow_up"), record.get("snoozed"))

    def _title(self, record: dict[str, Any]) -> str:
        step = record.get("next_step") or "follow up"
        return f"{records.label('contacts', record)}: {step}"

    def done(self, home: Home, workbook: Workbook, item_id: str, today: dt.date) -> bool:
        record_id = self._record_of(workbook, item_id)
        if record_id is None:
            return False

        def follow_up_done(record: dict[str, Any]) -> None:
            clear_next_step(self.name, record)
            record["followed_up"] = today  # kept: a follow-up done is the networking work

        self._book(home, workbook).update(record_id, follow_up_done, today)
        return True

    def snooze(self, home: Home, workbook: Workbook, item_id: str, until: dt.date) -> bool:
        record_id = self._record_of(workbook, item_id)
        if record_id is None:
            return False
        self._book(home, workbook).update(record_id, lambda r: r.update(snoozed=until), None)
        return True


class OfferSource(_OneItemSource):
    """Deadlines to answer an offer: ``o1-deadline``."""

    name = "offers"
    part = "deadline"
    what = "offer deadline"
    movable = False

    def _due(self, record: dict[str, Any]) -> dt.date | None:
        if record.get("responded") or record.get("status") in OFFER_ANSWERS:
            return None
        deadline: dt.date | None = record.get("deadline")
        return deadline

    def _title(self, record: dict[str, Any]) -> str:
        return f"Answer the offer, {records.label('offers', record)}"

    def done(self, home: Home, workbook: Workbook, item_id: str, today: dt.date) -> bool:
        record_id = self._record_of(workbook, item_id)
        if record_id is None:
            return False
        self._book(home, workbook).update(record_id, lambda r: r.update(responded=today), today)
        return True

    def snooze(self, home: Home, workbook: Workbook, item_id: str, until: dt.date) -> bool:
        record_id = self._record_of(workbook, item_id)
        if record_id is None:
            return False
        raise InvalidInput(
            "an offer's deadline is the employer's, so it cannot be snoozed",
            hint=f"If they gave you more time: `careerpath offer edit {record_id} --deadline "
            f"DATE`. Once you have answered: `careerpath done {item_id}`.",
        )


class ApplicationSource(_RecordSource):
    """Next actions (``a3-next``), interviews (``a3-i1``) and stale applications
    (``a3-stale``)."""

    name = "applications"

    def _items_of(
        self, workbook: Workbook, today: dt.date, stored: list[dict[str, Any]]
    ) -> list[DueItem]:
        stage = self._stage_id(workbook)
        after = scoring.stale_after(workbook)
        found = []
        for record, app in zip(stored, records.models(self.name, stored), strict=True):
            name = records.label("applications", record)
            due = app.next_action_on
            if due is not None:
                title = f"{name}: {app.next_action or 'next action'}"
                found.append(DueItem(f"{app.id}-next", "next action", title, due, stage=stage))
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
                            movable=False,
                        )
                    )
            since = scoring.stale_since(app, today, after)
            if since is not None:
                last = scoring.last_movement(app)
                title = f"{name}: {app.status}, no news since {last}"
                found.append(DueItem(f"{app.id}-stale", "stale", title, since, stage=stage))
        return found

    def done(self, home: Home, workbook: Workbook, item_id: str, today: dt.date) -> bool:
        parts = self._target(workbook, item_id)
        if parts is None:
            return False
        record_id, part = parts
        book = self._book(home, workbook)
        if part == "next":
            book.update(record_id, lambda r: clear_next_step(self.name, r), today)
        elif part == "stale":
            until = today + dt.timedelta(days=scoring.stale_after(workbook))
            book.update(record_id, lambda r: r.update(snoozed_until=until), today)
        elif re.fullmatch(r"i[0-9]+", part):
            index = int(part[1:]) - 1
            book.update(record_id, lambda r: _interview(r, index, part).update(done=True), today)
        else:
            return False
        return True

    def snooze(self, home: Home, workbook: Workbook, item_id: str, until: dt.date) -> bool:
        parts = self._target(workbook, item_id)
        if parts is None:
            return False
        record_id, part = parts
        book = self._book(home, workbook)
        if part == "next":
            book.update(record_id, lambda r: r.update(snoozed=until), None)
        elif part == "stale":
            book.update(record_id, lambda r: r.update(snoozed_until=until), None)
        elif re.fullmatch(r"i[0-9]+", part):
            raise InvalidInput(
                "an interview's date is agreed with the employer, so it cannot be snoozed",
                hint=f"If it moved: `careerpath app interview {record_id} --number {part[1:]} "
                f"--at DATE`. Once it is behind you: `careerpath done {item_id}`.",
            )
        else:
            return False
        return True


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
