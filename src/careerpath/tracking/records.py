"""Typed records: target jobs, contacts, applications and offers.

A workbook question of kind ``records`` with ``record_type = "applications"`` (or targets,
contacts, offers) stores records of a fixed shape, defined here as pydantic models, instead
of the fields a workbook lists. The fixed shape is what lets careerpath give each record a
short id (``a3``), keep an application's dated history, log conversations and interviews,
and score targets and offers. The file stays plain TOML a person can edit::

    [[applications]]
    id = "a3"
    employer = "Acme"
    role = "UX researcher"
    history = [
        { date = 2026-11-03, status = "applied" },
        { date = 2026-11-12, status = "screening" },
    ]

An application's current status is the last entry of its history: one source of truth.

This module holds the models, ids, matching what a person types to a record, and what
``careerpath next`` asks about each type. Rules over records (funnel, staleness, fit, offer
scores) are in ``scoring``; changing records on disk is in ``tracker``.
"""

import contextlib
import datetime as dt
import functools
import re
from collections.abc import Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Annotated, Any, ClassVar, Literal, NamedTuple, TypeVar

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    field_validator,
    model_validator,
)

from careerpath.core.errors import InvalidInput, NotFound
from careerpath.core.money import Money, MoneyRange, format_money, parse_money
from careerpath.core.values import plural
from careerpath.tracking import vocabulary

# The statuses live in ``vocabulary`` (quick to import, for completion); they are this
# module's names too, as everything else about records is.
from careerpath.tracking.vocabulary import CLOSED as CLOSED
from careerpath.tracking.vocabulary import CONTACT_STATUSES as CONTACT_STATUSES
from careerpath.tracking.vocabulary import PIPELINE as PIPELINE
from careerpath.tracking.vocabulary import STATUSES as STATUSES
from careerpath.tracking.vocabulary import AppStatus as AppStatus
from careerpath.tracking.vocabulary import ContactStatus as ContactStatus
from careerpath.tracking.vocabulary import match_status as match_status
from careerpath.tracking.vocabulary import match_word as match_word
from careerpath.workbook import definition
from careerpath.workbook.definition import Question, StageDefinition, WorkbookDefinition

if TYPE_CHECKING:
    from careerpath.workbook.models import Workbook

# --- vocabularies ----------------------------------------------------------------------------

FINISHED: frozenset[str] = frozenset({"accepted", *CLOSED})

Warmth = Literal["warm", "introduced", "cold"]
WARMTH: dict[str, str] = {
    "warm": "warm: I know them",
    "introduced": "introduced: someone will introduce us",
    "cold": "cold: we have not met",
}
OfferStatus = Literal["considering", "negotiating", "accepted", "declined"]
OFFER_STATUSES: tuple[OfferStatus, ...] = ("considering", "negotiating", "accepted", "declined")
Outlook = Literal["Growing", "Stable", "Shrinking", "Not sure yet"]
OUTLOOKS: tuple[str, ...] = ("Growing", "Stable", "Shrinking", "Not sure yet")
Judgement = Literal["met", "partly", "missed"]

RecordTypeName = Literal["targets", "contacts", "applications", "offers"]

NEXT_STEP: dict[str, tuple[str, str]] = {
    "contacts": ("next_step", "follow_up"),
    "applications": ("next_action", "next_action_due"),
}
"""Where a record keeps its open next step and that step's date (which ``snoozed`` moves)."""

# Questions of the built-in workbook that the record commands read, named once.
WEEKLY_GOAL = "weekly_goal"
"""networking: people a week to reach out to (the report's outreach goal)."""
STALE_AFTER = "stale_after"
"""applying: days without news before an application counts as stale."""
LEAVING_WELL = "leaving_well"
"""closing: the leaving-well checklist (a multiple choice)."""
DECISION = "decision"
"""closing: where the person is with their decision, recorded on the offer it is about."""

Rating = Annotated[int, Field(ge=1, le=5)]
TargetRef = Annotated[str, StringConstraints(pattern=r"^t[1-9][0-9]*$")]
ContactRef = Annotated[str, StringConstraints(pattern=r"^c[1-9][0-9]*$")]
ApplicationRef = Annotated[str, StringConstraints(pattern=r"^a[1-9][0-9]*$")]


# --- models ----------------------------------------------------------------------------------


_STRICT = ConfigDict(extra="forbid")
"""Unknown keys are errors, so a typo in a hand-edited file does not go unnoticed. (Set on each
model rather than inherited from a common base: each model class costs start-up time.)"""


class Record(BaseModel):
    """What every typed record has: a short id, given by careerpath."""

    model_config = _STRICT

    prefix: ClassVar[str] = ""
    id: str | None = None

    @field_validator("id")
    @classmethod
    def _id_shape(cls, value: str | None) -> str | None:
        if value is not None and not re.fullmatch(rf"{cls.prefix}[1-9][0-9]*", value):
            raise ValueError(
                f"an id here is {cls.prefix!r} and a number, like {cls.prefix}1 (found {value!r})"
            )
        return value

    @property
    def number(self) -> int:
        return int(self.id[len(self.prefix) :]) if self.id else 0


class Target(Record):
    """A job being considered, researched in diving deeper."""

    prefix = "t"
    title: str | None = None
    field: str | None = None
    education: str | None = None
    tasks: list[str] | None = None
    salary: MoneyRange | None = None
    outlook: Outlook | None = None
    fit: dict[str, Rating] | None = None
    """How well it fits each of the person's top values, 1–5, by value."""
    values_fit: Rating | None = None
    """One overall fit rating; used when no value is rated one by one."""
    sources: list[str] | None = None
    open_questions: list[str] | None = None
    notes: str | None = None
    occupation: str | None = Field(default=None, pattern=r"^\d\d-\d{4}\.\d\d$")
    """The O*NET-SOC code of the pack's occupation it was filled from (`target add --from`)."""


class Conversation(BaseModel):
    model_config = _STRICT
    date: dt.date
    channel: str | None = None
    summary: str | None = None
    learned: str | None = None
    next_step: str | None = None
    """The next step as planned in this conversation: history. The open one is the
    contact's own ``next_step``, which ``done`` and ``snooze`` change."""
    follow_up: dt.date | None = None
    """The follow-up date as planned then (see ``next_step``)."""


def due_now(due: dt.date | None, snoozed: dt.date | None) -> dt.date | None:
    """When a dated step is due now: the day it was snoozed to, else its own date."""
    return (snoozed or due) if due else None


def _snoozed_needs(field: str, due: dt.date | None, snoozed: dt.date | None) -> None:
    if snoozed is not None and due is None:
        raise ValueError(
            f"snoozed moves the {field.replace('_', ' ')}, and there is none; remove snoozed "
            f"or add {field}"
        )


def _short_warmth(value: Any) -> Any:
    """Files written before contacts had a fixed shape say "warm: I know them"."""
    if isinstance(value, str) and ":" in value:
        return value.split(":", 1)[0].strip()
    return value


class Contact(Record):
    """A person to talk to, and what was said."""

    prefix = "c"
    name: str | None = None
    organisation: str | None = None
    role: str | None = None
    warmth: Annotated[Warmth | None, BeforeValidator(_short_warmth)] = None
    how_known: str | None = None
    channel: str | None = None
    targets: list[TargetRef] | None = None
    status: ContactStatus | None = None
    next_step: str | None = None
    follow_up: dt.date | None = None
    snoozed: dt.date | None = None
    """The follow-up moved to this day (``careerpath snooze``); ``follow_up`` keeps the date
    first planned."""
    followed_up: dt.date | None = None
    """The day the last follow-up was done (``careerpath done``, or a conversation logged
    in its place): the networking work counts a follow-up done as well as one planned."""
    message: str | None = None
    """An outreach message, started from one of careerpath's starters and edited."""
    notes: str | None = None
    conversations: list[Conversation] | None = None

    @model_validator(mode="after")
    def _snoozed_follow_up(self) -> "Contact":
        _snoozed_needs("follow_up", self.follow_up, self.snoozed)
        return self

    @property
    def current_status(self) -> ContactStatus:
        return self.status or "to reach out"

    @property
    def follow_up_on(self) -> dt.date | None:
        return due_now(self.follow_up, self.snoozed)


class Move(BaseModel):
    """One step of an application through the pipeline."""

    model_config = _STRICT
    date: dt.date | None = None
    """None only for a status written by hand without a date."""
    status: AppStatus
    note: str | None = None


class Interview(BaseModel):
    model_config = _STRICT
    at: dt.datetime | dt.date
    """A date, or a date and time (TOML: 2026-12-01T10:00:00)."""
    round: str | None = None
    format: str | None = None
    interviewers: str | None = None
    prep: str | None = None
    questions: list[str] | None = None
    reflection: str | None = None
    done: bool | None = None

    @property
    def day(self) -> dt.date:
        return self.at.date() if isinstance(self.at, dt.datetime) else self.at

    @property
    def is_open(self) -> bool:
        """Still to happen, or happened and not yet reflected on or marked done."""
        return not self.done and not self.reflection


class Application(Record):
    """A job applied for (or about to be), and its way through the pipeline."""

    prefix = "a"
    employer: str | None = None
    role: str | None = None
    target: TargetRef | None = None
    source: str | None = None
    contact: ContactRef | None = None
    """The contact who referred you, if any."""
    link: str | None = None
    documents: list[str] | None = None
    """Paths of the resume and cover-letter versions sent."""
    next_action: str | None = None
    next_action_due: dt.date | None = None
    snoozed: dt.date | None = None
    """The next action moved to this day (``careerpath snooze``); ``next_action_due`` keeps
    the date first planned."""
    snoozed_until: dt.date | None = None
    """Not flagged as stale before this date. (The stale flag's own date is worked out from
    the last movement, so this is the only date it stores.)"""
    notes: str | None = None
    history: list[Move] | None = None
    interviews: list[Interview] | None = None

    @model_validator(mode="before")
    @classmethod
    def _status_shorthand(cls, data: Any) -> Any:
        """``status = "applied"`` (and ``applied_on``), as files written before applications
        had a history say, become the first entries of the history."""
        if not isinstance(data, dict) or not ({"status", "applied_on"} & data.keys()):
            return data
        data = dict(data)
        status, applied_on = data.pop("status", None), data.pop("applied_on", None)
        if status is not None and status not in STATUSES:
            raise ValueError(f"status {status!r} is not in the pipeline ({', '.join(STATUSES)})")
        history = data.get("history")
        if history:
            last = history[-1].get("status") if isinstance(history[-1], dict) else None
            if status is not None and status != last:
                raise ValueError(
                    f"status says {status!r} but the history ends with {last!r}; the history "
                    "decides, so remove the status key (add a history entry to move it)"
                )
            return data
        moves: list[dict[str, Any]] = []
        if applied_on is not None:
            moves.append({"date": applied_on, "status": "applied"})
        if status is not None and not (moves and status == "applied"):
            moves.append({"date": None, "status": status})
        data["history"] = moves
        return data

    @model_validator(mode="after")
    def _snoozed_next_action(self) -> "Application":
        _snoozed_needs("next_action_due", self.next_action_due, self.snoozed)
        return self

    @property
    def status(self) -> AppStatus:
        """The current status: the last move, or "interested" before any."""
        history = self.history
        return history[-1].status if history else "interested"

    @property
    def next_action_on(self) -> dt.date | None:
        return due_now(self.next_action_due, self.snoozed)

    @property
    def is_finished(self) -> bool:
        return self.status in FINISHED


class Exchange(BaseModel):
    """One round of negotiation: what was asked, and what came back."""

    model_config = _STRICT
    date: dt.date | None = None
    asked: str
    answer: str | None = None


class Offer(Record):
    prefix = "o"
    employer: str | None = None
    role: str | None = None
    application: ApplicationRef | None = None
    base_pay: Money | None = None
    """Per year."""
    bonus: Money | str | None = None
    equity: str | None = None
    benefits: list[str] | None = None
    start_date: dt.date | None = None
    deadline: dt.date | None = None
    work_mode: str | None = None
    hours: Annotated[float, Field(ge=0, le=168)] | None = None
    status: OfferStatus | None = None
    responded: dt.date | None = None
    """The day you gave them your answer; the deadline is then no longer due."""
    ratings: dict[str, Rating] | None = None
    """How well it meets each of the person's top values, 1–5, by value."""
    needs: dict[str, Judgement] | None = None
    """Your judgement of other needs (by question id): met, partly or missed."""
    notes: str | None = None
    negotiation: list[Exchange] | None = None

    @property
    def current_status(self) -> OfferStatus:
        return self.status or "considering"


# --- record types ----------------------------------------------------------------------------

R = TypeVar("R", bound=Record)


class RecordType(NamedTuple):
    """What careerpath knows about one type of record."""

    name: RecordTypeName
    model: type[Record]
    item: str
    """What one record is called, e.g. "application"."""
    command: str
    """The command group that handles them, e.g. "app"."""
    required: tuple[str, ...]
    """Fields a record needs to count as complete (and a stage as answered)."""

    @property
    def prefix(self) -> str:
        return self.model.prefix

    # What the workbook definition and the sitting ask of a record type (``RecordKind``).

    def stored_type(self) -> Any:
        return list_type(self.name)

    def prompt_fields(self) -> list["Question"]:
        return prompt_fields(self.name)

    def fields_for(
        self, question: "Question", recalled: Mapping[str, tuple["Question", Any]]
    ) -> list["Question"]:
        return fields_for(question, recalled)

    def get_field(self, record: dict[str, Any], field_id: str) -> Any:
        return get_field(self.name, record, field_id)

    def set_field(self, record: dict[str, Any], field_id: str, value: Any, today: dt.date) -> None:
        set_field(self.name, record, field_id, value, today)

    def new_record(self, records: Sequence[dict[str, Any]], floor: int) -> dict[str, Any]:
        return new_record(self.name, records, floor)

    def is_complete(self, record: dict[str, Any]) -> bool:
        return is_complete(self.name, record)

    def statuses(self, record: dict[str, Any]) -> list[str]:
        if self.name == "applications":
            return [str(move.get("status")) for move in record.get("history") or ()]
        status = record.get("status")
        return [str(status)] if status is not None else []

    def fill_in_example(self, field: "Question") -> str:
        if self.name == "contacts" and field.id == "warmth":
            return '"warm"'  # stored short; the prompt offers the labels (WARMTH)
        return field.example()

    def label(self, record: dict[str, Any]) -> str:
        return label(self.name, record)

    def summary(self, records: list[dict[str, Any]]) -> str:
        return summary(self.name, records)


TYPES: dict[str, RecordType] = {
    "targets": RecordType("targets", Target, "target job", "target", ("title",)),
    "contacts": RecordType("contacts", Contact, "contact", "contact", ("name",)),
    "applications": RecordType(
        "applications", Application, "application", "app", ("employer", "role")
    ),
    "offers": RecordType("offers", Offer, "offer", "offer", ("employer", "role", "base_pay")),
}


def _number_records(prefix: str, items: list[R]) -> list[R]:
    """Ids are unique; a record written without one (by hand, or new) gets the next number."""
    seen: dict[str, int] = {}
    for number, item in enumerate(items, start=1):
        if item.id is not None:
            if item.id in seen:
                raise ValueError(
                    f"the id {item.id} is given to two records (number {seen[item.id]} and "
                    f"{number}); ids must be unique"
                )
            seen[item.id] = number
    highest = max((item.number for item in items), default=0)
    for item in items:
        if item.id is None:
            highest += 1
            item.id = f"{prefix}{highest}"
    return items


def list_type(name: str) -> Any:
    """The stored type of a typed records question: a list of records with unique ids."""
    kind = TYPES[name]
    return Annotated[
        list[kind.model],  # type: ignore[name-defined]
        AfterValidator(functools.partial(_number_records, kind.prefix)),
    ]


def next_number(records: Sequence[dict[str, Any]], prefix: str, floor: int = 0) -> int:
    """The number of the next id: above every id in the file and above ``floor``, the
    highest ever given (kept in workbook.toml), so a removed record's id is not reused."""
    numbers = [floor]
    for record in records:
        found = re.fullmatch(rf"{prefix}([1-9][0-9]*)", str(record.get("id", "")))
        if found:
            numbers.append(int(found.group(1)))
    return max(numbers) + 1


def is_complete(name: str, record: dict[str, Any]) -> bool:
    """Whether a record has every field its type requires (a records question is answered
    when each of its records is: checked for every record of a 10k list)."""
    for field in TYPES[name].required:
        value = record.get(field)
        if value is None or value == "" or value == [] or value == {}:
            return False
    return True


def label(name: str, record: "dict[str, Any] | Record | Stored") -> str:
    """A record's name as a person reads it in lists: "Sam Lee (Acme)", "Acme: UX lead"."""
    # A model's own fields (its ``__dict__``), not ``model_dump()``: a label reads a name or
    # two, and dumping every record of a long list was most of the time of `contact list`.
    if isinstance(record, Stored):
        return vocabulary.label(name, record.as_stored())
    return vocabulary.label(name, vars(record) if isinstance(record, Record) else record)


def summary(name: str, records: list[dict[str, Any]]) -> str:
    """A records answer in a line: how many, and the first few by name."""
    kind = TYPES[name]
    names = [label(name, record) for record in records[:3]]
    more = f" and {len(records) - 3:,} more" if len(records) > 3 else ""
    return f"{plural(len(records), kind.item)}: " + ", ".join(names) + more


class Stored:
    """A stored record read by attribute as its model is, without validating it again.

    What a home's files hold was validated when read (the parse cache keeps it so), so code
    that only reads a long list (a report, what is due, an export) reads the stored dicts
    through these instead of building 10,000 models: a model costs ~18 µs, a view well under
    one. A view's attributes are the stored dict itself (a field left out is None, as a
    model's default), and it has every property its model defines here, the very same
    property objects, so each rule stays in one place. Nested records (an application's
    history) are views too, made when first read. Nothing can be changed through a view."""

    __slots__ = ("__dict__",)
    model: ClassVar[type[BaseModel]]
    nested: ClassVar[dict[str, type["Stored"]]] = {}
    """Nested records read as views too; each also names a slot of its class (a slot, not
    a property, so a long list's history is read at the speed of an attribute)."""
    _fields: ClassVar[frozenset[str]] = frozenset()

    def __init__(self, data: dict[str, Any]) -> None:
        object.__setattr__(self, "__dict__", data)  # read, never written

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls._fields = frozenset(cls.model.model_fields)
        for klass in reversed(cls.model.__mro__):
            if klass.__module__ != __name__:
                continue  # pydantic's own properties are not a record's
            for name, value in vars(klass).items():
                if isinstance(value, property):
                    setattr(cls, name, value)
        cls.prefix = getattr(cls.model, "prefix", "")  # type: ignore[attr-defined]
        if not set(cls.nested) <= set(vars(cls).get("__slots__", ())):
            # without its slot, the views would be written into the stored dict itself
            raise TypeError(f"{cls.__name__}: each nested list needs a slot of that name")
        for name in cls._fields - set(cls.nested):
            # A field the record leaves out reads as None (a model's default) from the
            # class; one it has is found first in the stored dict, the view's own.
            if hasattr(cls, name):
                raise TypeError(f"{cls.__name__}: the field {name!r} is a name of the view's")
            setattr(cls, name, None)

    def __getattr__(self, name: str) -> Any:
        # A nested list's slot the first time it is read: its views are made then, and
        # kept in it.
        kind = self.nested.get(name)
        if kind is None:
            raise AttributeError(f"{self.model.__name__} has no field {name!r}")
        stored = self.__dict__.get(name)
        views = None if stored is None else [kind(item) for item in stored]
        object.__setattr__(self, name, views)
        return views

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError("a stored record is only read here")

    def as_stored(self) -> dict[str, Any]:
        """The record as stored (for a label, which reads a name or two)."""
        return self.__dict__


class _StoredMove(Stored):
    model = Move


class _StoredInterview(Stored):
    model = Interview


class _StoredConversation(Stored):
    model = Conversation


class _StoredApplication(Stored):
    __slots__ = ("history", "interviews")
    model = Application
    nested: ClassVar[dict[str, type[Stored]]] = {
        "history": _StoredMove,
        "interviews": _StoredInterview,
    }


class _StoredContact(Stored):
    __slots__ = ("conversations",)
    model = Contact
    nested: ClassVar[dict[str, type[Stored]]] = {"conversations": _StoredConversation}


_VIEWS: dict[str, type[Stored]] = {
    "applications": _StoredApplication,
    "contacts": _StoredContact,
}
"""The types whose lists grow long; a few targets and offers are simply validated."""

_READING: dict[tuple[str, int], tuple[list[dict[str, Any]], list[Stored]]] | None = None
"""Inside ``reading_only``: the views of each long list met, by its first record."""


@contextlib.contextmanager
def reading_only() -> Iterator[None]:
    """Within it, ``models`` gives the long lists (applications, contacts) as ``Stored``
    views of the validated records instead of models built again, the same views to each
    reader of the same records (a report's due items and its pipeline). Only for code that
    reads a home's records as loaded: nothing may change a record meanwhile."""
    global _READING
    outer = _READING
    _READING = {} if outer is None else outer
    try:
        yield
    finally:
        _READING = outer


def models(name: str, records: list[dict[str, Any]] | None) -> list[Any]:
    """Stored records as their models (they were validated when read); inside
    ``reading_only``, as views that read like them (``Stored``)."""
    view = _VIEWS.get(name)
    memo = _READING
    if memo is None or view is None:
        model = TYPES[name].model
        return [model.model_validate(record) for record in records or []]
    if not records:
        return []
    key = (name, id(records[0]))
    found = memo.get(key)
    # The same records, not merely the same first one: each the very dict seen before (the
    # memo keeps them, so no id is reused while it lives).
    same = found is not None and len(found[0]) == len(records)
    if found is None or not (same and all(a is b for a, b in zip(found[0], records, strict=True))):
        found = memo[key] = (list(records), [view(record) for record in records])
    return list(found[1])


# --- where a workbook keeps each type --------------------------------------------------------


def locate(book: "WorkbookDefinition", name: str) -> tuple["StageDefinition", "Question"] | None:
    """The stage and question holding records of type ``name``; None if the workbook has none."""
    for stage in book.stages:
        for question in stage.questions:
            if question.record_type == name:
                return stage, question
    return None


def stored(workbook: "Workbook", name: str) -> list[dict[str, Any]]:
    """The records of type ``name`` in this workbook, as stored; none when it has no place
    for them."""
    found = locate(workbook.definition, name)
    if found is None:
        return []
    return list(workbook.answers_for(found[0]).get(found[1].id, []))


def leaving_well(book: "WorkbookDefinition") -> tuple["StageDefinition", "Question"] | None:
    """The leaving-well checklist: a multiple-choice question beside the offers."""
    found = locate(book, "offers")
    if found is None:
        return None
    for question in found[0].questions:
        if question.id == LEAVING_WELL and question.kind == "multi_choice":
            return found[0], question
    return None


def weights_question(stage: "StageDefinition") -> "Question | None":
    """The question of the offers' stage that keeps the person's weights for comparing them."""
    return next((q for q in stage.questions if q.kind == "weights"), None)


def require(book: "WorkbookDefinition", name: str) -> tuple["StageDefinition", "Question"]:
    found = locate(book, name)
    if found is None:
        raise NotFound(
            f"this workbook has no place for {TYPES[name].item}s",
            hint="The built-in workbook has one; a coach's workbook needs a records question "
            f'with record_type = "{name}".',
        )
    return found


# --- finding a record by what a person types -------------------------------------------------


def find(name: str, records: list[dict[str, Any]], query: str) -> dict[str, Any]:
    """The record ``query`` names: its id (a3), or its name, title or employer, matched
    without regard to case; a clear message when nothing or more than one matches."""
    kind = TYPES[name]
    wanted = query.strip().casefold()
    if re.fullmatch(rf"{kind.prefix}[0-9]+", wanted):
        for record in records:
            if str(record.get("id", "")).casefold() == wanted:
                return record
        raise NotFound(f"there is no {kind.item} {wanted}", hint=_there_are(name, records))
    if not wanted:
        raise InvalidInput(f"say which {kind.item}: its id or name")

    def names(record: dict[str, Any]) -> list[str]:
        main = [record.get(key) for key in ("title", "name", "employer")]
        return [str(n).casefold() for n in [*main, label(name, record)] if n]

    exact = [r for r in records if wanted in names(r)]
    if len(exact) == 1:
        return exact[0]
    partial = exact or [r for r in records if any(wanted in n for n in names(r))]
    if len(partial) == 1:
        return partial[0]
    if not partial:
        raise NotFound(
            f"no {kind.item} matches {query.strip()!r}",
            hint=f"`careerpath {kind.command} list` shows them with their ids.",
        )
    listed = ", ".join(f"{r.get('id')} {label(name, r)}" for r in partial[:8])
    more = f" and {len(partial) - 8} more" if len(partial) > 8 else ""
    raise InvalidInput(
        f"{query.strip()!r} is ambiguous: it matches {listed}{more}",
        hint=f"Use the id, e.g. `careerpath {kind.command} show {partial[0].get('id')}`.",
    )


def _there_are(name: str, records: list[dict[str, Any]]) -> str:
    """The records there are, by id and name (the first eight), for a message about an id
    that is not among them."""
    kind = TYPES[name]
    if not records:
        return f"There are no {kind.item}s yet: `careerpath {kind.command} add` adds one."
    listed = ", ".join(f"{r.get('id')} {label(name, r)}" for r in records[:8])
    more = (
        f" and {len(records) - 8} more (`careerpath {kind.command} list`)"
        if len(records) > 8
        else ""
    )
    return f"There {'is' if len(records) == 1 else 'are'} {listed}{more}."


# --- what `careerpath next` asks about each type ---------------------------------------------


def _field(**raw: Any) -> "Question":
    return Question.model_validate(raw)


@functools.cache
def prompt_fields(name: str) -> list["Question"]:
    """The fields ``next`` asks for one record, in order (ratings are added per person)."""
    fields: dict[str, list[dict[str, Any]]] = {
        "targets": [
            {"id": "title", "kind": "text", "prompt": "Job title"},
            {"id": "field", "kind": "text", "prompt": "Field or industry"},
            {"id": "education", "kind": "text", "prompt": "What education does it require?"},
            {
                "id": "tasks",
                "kind": "list",
                "item_label": "task",
                "prompt": "What are the typical work tasks? (one per line)",
            },
            {"id": "salary", "kind": "money_range", "prompt": "What is the usual pay range?"},
            {
                "id": "outlook",
                "kind": "choice",
                "prompt": "What is the outlook for this job?",
                "choices": list(OUTLOOKS),
            },
            {
                "id": "values_fit",
                "kind": "scale",
                "prompt": "How well does it fit your top values?",
                "low_label": "poorly",
                "high_label": "very well",
            },
            {
                "id": "sources",
                "kind": "list",
                "item_label": "source",
                "prompt": "Where did you find this out? (one per line)",
            },
            {
                "id": "open_questions",
                "kind": "list",
                "item_label": "question",
                "prompt": "What do you still need to find out? (one per line)",
            },
        ],
        "contacts": [
            {"id": "name", "kind": "text", "prompt": "Name"},
            {"id": "organisation", "kind": "text", "prompt": "Organisation"},
            {"id": "role", "kind": "text", "prompt": "Their role"},
            {
                "id": "warmth",
                "kind": "choice",
                "prompt": "How do you know them?",
                "choices": list(WARMTH.values()),
            },
            {
                "id": "how_known",
                "kind": "text",
                "prompt": "How exactly (or who could introduce you)?",
            },
            {
                "id": "channel",
                "kind": "text",
                "prompt": "How will you reach them (email, LinkedIn, phone, in person)?",
            },
            {
                "id": "status",
                "kind": "choice",
                "prompt": "Where are you with them?",
                "choices": list(CONTACT_STATUSES),
            },
            {"id": "next_step", "kind": "text", "prompt": "What is your next step with them?"},
            {"id": "follow_up", "kind": "date", "prompt": "By when?"},
        ],
        "applications": [
            {"id": "employer", "kind": "text", "prompt": "Employer"},
            {"id": "role", "kind": "text", "prompt": "Role"},
            {
                "id": "status",
                "kind": "choice",
                "prompt": "Where does it stand?",
                "choices": list(STATUSES),
            },
            {"id": "link", "kind": "text", "prompt": "Link to the posting"},
            {"id": "source", "kind": "text", "prompt": "Where did you find it?"},
            {
                "id": "documents",
                "kind": "list",
                "item_label": "file",
                "prompt": "Which resume and cover-letter files did you send? (one per line)",
            },
            {"id": "next_action", "kind": "text", "prompt": "Next action"},
            {"id": "next_action_due", "kind": "date", "prompt": "Next action due"},
        ],
        "offers": [
            {"id": "employer", "kind": "text", "prompt": "Employer"},
            {"id": "role", "kind": "text", "prompt": "Role"},
            {"id": "base_pay", "kind": "money", "prompt": "Base pay per year"},
            {"id": "bonus", "kind": "text", "prompt": "Bonus, if any (an amount, or words)"},
            {"id": "equity", "kind": "text", "prompt": "Equity or shares, if any"},
            {
                "id": "benefits",
                "kind": "list",
                "item_label": "benefit",
                "prompt": "Benefits (one per line)",
            },
            {"id": "start_date", "kind": "date", "prompt": "Start date"},
            {"id": "deadline", "kind": "date", "prompt": "Deadline to respond"},
            {
                "id": "hours",
                "kind": "number",
                "prompt": "Hours a week",
                "min": 0,
                "max": 168,
                "unit": "hours a week",
            },
        ],
    }
    required = TYPES[name].required
    return [
        _field(**raw, required=raw["id"] in required or raw["id"] == "status")
        for raw in fields[name]
    ]


RATINGS = {"targets": "fit", "offers": "ratings"}
"""The field a record keeps its ratings against the person's top values in, by value."""


def fields_for(
    question: "Question", recalled: Mapping[str, tuple["Question", Any]]
) -> list["Question"]:
    """The fields to ask for one record of ``question``, given the earlier answers it recalls
    (``stage.question`` → (question, answer)): a rating per top value, and for offers the way
    of working, offered as the same choices the person picked from in exploration."""
    name = question.record_type
    if name is None:
        return question.fields or []
    fields = list(prompt_fields(name))
    ranked = _recalled_of_kind(recalled, "ranking")
    if name in RATINGS and ranked:
        # One screen for every top value, not a prompt each (for a target, in place of the
        # one overall rating).
        what = "it" if name == "targets" else "the offer"
        ratings = _field(
            id=RATINGS[name],
            kind="ratings",
            prompt=f"How well does {what} fit each of your top values? In order: "
            + ", ".join(ranked),
            label="Fit with your top values",
            required=False,
            choices=list(ranked),
        )
        at = next((i for i, f in enumerate(fields) if f.id == "values_fit"), len(fields))
        fields[at : at + (1 if name == "targets" else 0)] = [ratings]
    modes = next((q for q, v in recalled.values() if q.kind == "multi_choice" and v), None)
    if name == "offers" and modes is not None:
        at = next(i for i, f in enumerate(fields) if f.id == "hours")
        fields.insert(
            at,
            _field(
                id="work_mode",
                kind="choice",
                prompt="Which way of working is it?",
                choices=modes.choices,
                required=False,
            ),
        )
    return fields


def _recalled_of_kind(recalled: Mapping[str, tuple["Question", Any]], kind: str) -> list[str]:
    for question, value in recalled.values():
        if question.kind == kind and value:
            return list(value)
    return []


def get_field(name: str, record: dict[str, Any], field_id: str) -> Any:
    """The value ``next`` offers as the earlier answer for one field of a stored record."""
    if name == "contacts" and field_id == "warmth":
        return WARMTH.get(record.get("warmth") or "")
    if name == "applications" and field_id == "status":
        history = record.get("history") or []
        return history[-1]["status"] if history else None
    if name == "offers" and field_id == "bonus" and isinstance(record.get("bonus"), dict):
        return format_money(Money.model_validate(record["bonus"]))
    return record.get(field_id)


def set_field(name: str, record: dict[str, Any], field_id: str, value: Any, today: dt.date) -> None:
    """Save one answered field into a stored record (None removes it)."""
    if name == "contacts" and field_id == "warmth" and value is not None:
        value = _short_warmth(value)
    if name == "applications" and field_id == "status":
        if value is not None and value != get_field(name, record, "status"):
            history = list(record.get("history") or [])
            history.append({"date": today, "status": value})
            record["history"] = history
        return
    if name == "offers" and field_id == "bonus" and isinstance(value, str):
        value = money_or_text(value)
    if name in NEXT_STEP and field_id == NEXT_STEP[name][1]:
        record.pop("snoozed", None)  # a new date for the next step ends its snooze
    _put(record, field_id, value)


def money_or_text(text: str) -> Any:
    """A bonus typed as an amount ("5000 EUR") is kept as money, anything else as words."""
    try:
        return parse_money(text).model_dump()
    except ValueError:
        return text


def _put(target: dict[str, Any], key: str, value: Any) -> None:
    if value is None:
        target.pop(key, None)
    else:
        target[key] = value


def new_record(name: str, records: Sequence[dict[str, Any]], floor: int) -> dict[str, Any]:
    """An empty record with the next id, for ``next`` to fill in field by field."""
    prefix = TYPES[name].prefix
    return {"id": f"{prefix}{next_number(records, prefix, floor)}"}


# --- small helpers used by several commands --------------------------------------------------


def parse_pairs(items: Sequence[str], *, low: int, high: int, what: str) -> dict[str, int]:
    """``NAME=N`` items (or one "A=1, B=2" item) as a dict, each N from low to high."""
    pairs: dict[str, int] = {}
    for item in items:
        for part in item.split(","):
            if not part.strip():
                continue
            key, sep, number = part.rpartition("=")
            if not sep or not key.strip() or not number.strip().isdigit():
                raise InvalidInput(f"{part.strip()!r}: write {what} as NAME={low}..{high}")
            value = int(number)
            if not low <= value <= high:
                raise InvalidInput(f"{part.strip()!r}: {what} go from {low} to {high}")
            pairs[key.strip()] = value
    return pairs


for _kind in TYPES.values():
    definition.register_record_kind(_kind.name, _kind)
