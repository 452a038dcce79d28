"""What a workbook asks: stages and questions, loaded from TOML and validated before anything runs.

A workbook definition is data (``workbooks/default.toml``; a coach can write their own). A
question has a ``kind`` (text, choice, money, records, ...) and the settings that kind uses
(``choices``, ``min``, ``fields``...). Everything a kind needs lives in one small class below:
the type of its stored answer, turning typed text into a value and back, showing a value to a
person, an example for a fill-in file, what counts as answered, and how it is asked (a
description: the prompt adapter, the only importer of questionary, turns it into a terminal
prompt). Nothing here touches a terminal or any file but the definition being loaded.
Built-in record types (``record_type``) register here from ``careerpath.tracking.records``.

(One pydantic model with a ``kind`` field, rather than a model per kind in a tagged union,
keeps start-up fast: building a 13-way union's schema cost about 20 ms on every command.)
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, ClassVar, Literal, Protocol, Self, get_args

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
    ValidationInfo,
    create_model,
    model_validator,
)

from careerpath.core.errors import InvalidFiles, NotFound
from careerpath.core.ids import unique, unique_ids
from careerpath.core.money import (
    Money,
    MoneyRange,
    Period,
    format_money,
    format_money_range,
    parse_money,
    parse_money_range,
)
from careerpath.core.values import format_amount, parse_date, parse_number
from careerpath.storage import tomlio
from careerpath.workbook.builtins import BUILTIN, builtin_dir, builtin_names

if TYPE_CHECKING:
    from careerpath.storage.cache import ParseCache

SHIPPED = "shipped"
"""The validation context's flag for a definition that ships with careerpath."""

Slug = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_-]*$", max_length=40)]
CurrencyCode = Annotated[str, StringConstraints(pattern=r"^[A-Z]{3}$")]
Text = Annotated[str, StringConstraints(min_length=1)]
Kind = Literal[
    "text",
    "long_text",
    "choice",
    "multi_choice",
    "ranking",
    "scale",
    "yes_no",
    "number",
    "money",
    "money_range",
    "date",
    "list",
    "records",
    "weights",
    "ratings",
]
PromptStyle = Literal[
    "typed", "choice", "multi_choice", "ranking", "scale", "yes_no", "weights", "records"
]
"""How a kind is asked at a terminal: typed text, or one of the prompts of its own (the prompt
adapter, ``prompts``, has one asker for each)."""
RecordTypeName = Literal["targets", "contacts", "applications", "offers"]
"""Records with a shape built into careerpath (``careerpath.tracking.records``), named by
``record_type``."""


class RecordKind(Protocol):
    """What the definition and the sitting need of a built-in type of record.

    The types live above the workbook (``careerpath.tracking.records``) and register here when
    that module is imported; the command line imports it before it reads any workbook."""

    @property
    def item(self) -> str:
        """What one record is called, e.g. "application"."""
        ...

    def stored_type(self) -> Any:
        """The type of a stored list of these records."""
        ...

    def prompt_fields(self) -> list[Question]:
        """The fields asked for one record, in order."""
        ...

    def fields_for(
        self, question: Question, recalled: Mapping[str, tuple[Question, Any]]
    ) -> list[Question]:
        """The fields to ask for one record, given the earlier answers ``question`` recalls."""
        ...

    def get_field(self, record: dict[str, Any], field_id: str) -> Any:
        """One field of a stored record, as a prompt offers it."""
        ...

    def set_field(self, record: dict[str, Any], field_id: str, value: Any, today: date) -> None:
        """Save one answered field into a stored record; None removes it."""
        ...

    def new_record(self, records: Sequence[dict[str, Any]], floor: int) -> dict[str, Any]:
        """An empty record with its id, for the sitting to fill in field by field."""
        ...

    def is_complete(self, record: dict[str, Any]) -> bool: ...

    def statuses(self, record: dict[str, Any]) -> list[str]:
        """Every status a stored record has had, oldest first (the current one last)."""
        ...

    def fill_in_example(self, field: Question) -> str:
        """One field's example in a fill-in file, as the record is stored (which may differ
        from what its prompt offers)."""
        ...

    def label(self, record: dict[str, Any]) -> str:
        """A record's name in lists."""
        ...

    def summary(self, records: list[dict[str, Any]]) -> str:
        """A records answer in a line."""
        ...


_RECORD_KINDS: dict[str, RecordKind] = {}


def register_record_kind(name: RecordTypeName, kind: RecordKind) -> None:
    """Make a built-in type of record known to workbook definitions."""
    _RECORD_KINDS[name] = kind


def record_kind(name: str) -> RecordKind:
    """The registered type of record called ``name``."""
    try:
        return _RECORD_KINDS[name]
    except KeyError:
        raise LookupError(
            f"the record type {name!r} is not registered: import careerpath.tracking.records "
            "before reading a workbook"
        ) from None


class _Definition(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Moment(_Definition):
    """When a question's moment comes: once a records question (``stage.question``, or the id
    of one in the same stage) holds ``at_least`` records that have every field in ``having``
    answered and, with ``status``, have at some point had one of those statuses (an
    application that reached "interviewing" and was then rejected still counts). Until then
    the question is not asked and does not keep its stage from being complete."""

    question: Text
    having: list[Slug] = Field(default_factory=list)
    status: list[Text] = Field(default_factory=list)
    at_least: int = Field(default=1, ge=1)
    until: Text
    """What is waited for, to follow "waits until": "you have had an interview"."""


class Question(_Definition):
    """One question of a stage, or one field of a records question."""

    id: Slug
    kind: Kind
    prompt: Text
    label: str | None = None
    """A short name for recaps, the report and fill-in files; the prompt when absent."""
    help: str = ""
    required: bool = True
    summary: bool = False
    """Shown among the key answers in the report."""
    recall: list[str] = Field(default_factory=list)
    """Earlier answers (``stage.question``) shown before asking, e.g. values before an offer."""
    sample: str | None = None
    """An example answer as TOML for fill-in files (``32`` for hours a week); the kind's own
    example when absent. Checked against the question when the definition is loaded."""
    after: Moment | None = None
    """A question that only makes sense later (after an interview, once there is an offer)
    waits for its moment; see ``Moment``."""
    needed_until: Moment | None = None
    """A question that only serves until a moment (comparing offers, until one is decided):
    once that moment has come, it is not asked and not needed for its stage, unless answered."""

    # Settings; which kinds use which is in each kind's ``settings`` below.
    choices: Annotated[list[Text], Field(min_length=2), AfterValidator(unique)] | None = None
    top: int | None = Field(default=None, ge=1)
    """ranking: how many to rank (the person's top N); all of them when absent."""
    low_label: str = "low"
    high_label: str = "high"
    min: float | None = None
    max: float | None = None
    integer: bool = False
    unit: str = ""
    currency: CurrencyCode | None = None
    """money: the currency assumed when a person types just a number."""
    period: Period = "year"
    item_label: str = "item"
    """list: what one item is called."""
    item: str | None = None
    """records: what one record is called, e.g. "target job"."""
    fields: Annotated[list[Question], Field(min_length=1), AfterValidator(unique_ids)] | None = None
    """records: the questions asked once per record."""
    record_type: RecordTypeName | None = None
    """records: a type of record built into careerpath (ids, history, scores) instead of
    ``fields``: targets, contacts, applications or offers."""

    @model_validator(mode="before")
    @classmethod
    def _item_of_a_record_type(cls, data: Any) -> Any:
        """A built-in record type knows what one record is called."""
        if isinstance(data, dict) and data.get("record_type") and "item" not in data:
            name = str(data["record_type"])
            if name in get_args(RecordTypeName):  # else the type is refused with the choices
                data = {**data, "item": record_kind(name).item}
        return data

    @model_validator(mode="after")
    def _settings_fit_the_kind(self, info: ValidationInfo) -> Self:
        rules = self.rules
        unused = (self.model_fields_set & _SETTINGS) - rules.settings
        if unused:
            names = ", ".join(sorted(unused))
            raise ValueError(f"{names} does not apply to a {self.kind!r} question")
        missing = [name for name in rules.needs if getattr(self, name) is None]
        if missing:
            raise ValueError(f"a {self.kind!r} question needs {', '.join(missing)}")
        rules.check(self)
        # A definition shipped with careerpath has its samples checked by the test suite, not
        # on every run (a type adapter each).
        if self.sample is not None and not (info.context or {}).get(SHIPPED):
            self._check_sample(self.sample)
        return self

    def _check_sample(self, sample: str) -> None:
        import tomllib

        from pydantic import TypeAdapter

        try:
            TypeAdapter(self.value_type()).validate_python(tomllib.loads(f"x = {sample}")["x"])
        except (tomllib.TOMLDecodeError, ValidationError) as error:
            raise ValueError(f"sample {sample!r} is not an answer to this question") from error

    @property
    def rules(self) -> _Rules:
        return _RULES[self.kind]

    @property
    def title(self) -> str:
        return self.label or self.prompt

    def value_type(self) -> Any:
        """The type a stored answer must have (checked by pydantic when files are read)."""
        return self.rules.value_type(self)

    def is_answered(self, value: Any) -> bool:
        """Whether ``value`` counts as an answer; empty text or an empty list does not."""
        return self.rules.is_answered(self, value)

    def parse(self, text: str, today: date) -> Any:
        """The answer typed as ``text``; None for a blank. Raises ValueError with a message
        for the person. Every field kind can be typed, so prompts and command-line options
        share one conversion."""
        return self.rules.parse(self, text, today)

    def format(self, value: Any) -> str:
        """The value as a person reads it in a recap or report."""
        return self.rules.format(self, value)

    def as_text(self, value: Any) -> str:
        """A saved answer as text that ``parse`` reads back (the default in an edit prompt)."""
        return "" if value is None else self.rules.as_text(self, value)

    def describe(self) -> str:
        """What kind of answer this takes, in a few words."""
        return self.rules.describe(self)

    def example(self) -> str:
        """An example value in TOML, for fill-in answer files."""
        return self.sample or self.rules.example(self)

    # --- ranking and records ---------------------------------------------------------------

    @property
    def count(self) -> int:
        """ranking: how many places there are to fill."""
        return self.top or len(self.choices or ())

    @functools.cached_property
    def record_model(self) -> type[BaseModel]:
        """records of a workbook's own ``fields``: a model for one stored record. Fields are
        optional in the file; required-ness counts for progress, so a record typed half-way is
        saved, not lost."""
        return _answers_model(f"{self.id} record", self.fields or [])

    @property
    def record_fields(self) -> list[Question]:
        """records: the fields asked once per record: the workbook's own ``fields``, or
        the built-in ones of a ``record_type``."""
        if self.record_type:
            return record_kind(self.record_type).prompt_fields()
        return self.fields or []

    def record_value(self, record: dict[str, Any], field_id: str) -> Any:
        """records: one field of a stored record, as a prompt offers it."""
        if self.record_type:
            return record_kind(self.record_type).get_field(record, field_id)
        return record.get(field_id)

    def set_record_value(
        self, record: dict[str, Any], field_id: str, value: Any, today: date
    ) -> None:
        """records: save one answered field into a stored record; None removes it. A built-in
        type may do more (a new application status is added to its history)."""
        if self.record_type:
            record_kind(self.record_type).set_field(record, field_id, value, today)
        elif value is None:
            record.pop(field_id, None)
        else:
            record[field_id] = value

    def record_statuses(self, record: dict[str, Any]) -> list[str]:
        """records: every status a stored record has had (a moment counts any of them)."""
        if self.record_type:
            return record_kind(self.record_type).statuses(record)
        status = record.get("status")
        return [str(status)] if status is not None else []

    def record_example(self, field: Question) -> str:
        """records: one field's example in a fill-in file."""
        if self.record_type:
            return record_kind(self.record_type).fill_in_example(field)
        return field.example()

    def record_is_complete(self, record: dict[str, Any]) -> bool:
        if self.record_type:
            return record_kind(self.record_type).is_complete(record)
        return all(f.is_answered(record.get(f.id)) for f in self.fields or [] if f.required)

    def record_label(self, record: dict[str, Any]) -> str:
        """A record's name in lists: for built-in records their id and name ("a3 Acme, UX
        researcher"); otherwise the first two answered one-line text fields."""
        if self.record_type:
            name = record_kind(self.record_type).label(record)
            return f"{record['id']} {name}" if record.get("id") else name
        texts = [
            str(record[f.id])
            for f in self.fields or []
            if f.kind == "text" and f.is_answered(record.get(f.id))
        ]
        return ", ".join(texts[:2]) or f"(unnamed {self.item})"


def _answers_model(name: str, questions: list[Question]) -> type[BaseModel]:
    fields: dict[str, Any] = {q.id: (q.value_type() | None, None) for q in questions}
    return create_model(name, __config__=ConfigDict(extra="forbid"), **fields)


def _match_choice(text: str, choices: list[str]) -> str:
    """The choice ``text`` names, matched without regard to case."""
    wanted = text.strip().casefold()
    for choice in choices:
        if choice.casefold() == wanted:
            return choice
    raise ValueError(f"{text.strip()!r} is not one of: {', '.join(choices)}.")


def _match_choices(text: str, choices: list[str]) -> list[str]:
    """Comma-separated choices, in the order given, each at most once."""
    picked: list[str] = []
    for part in text.split(","):
        if part.strip():
            choice = _match_choice(part, choices)
            if choice in picked:
                raise ValueError(f"{choice!r} is given twice.")
            picked.append(choice)
    return picked


def _one_of(choices: list[str] | None) -> Any:
    """The type "one of these strings", built at run time from a workbook's choices."""
    return Literal.__getitem__(tuple(choices or ()))


def _no_repeats(items: list[Any]) -> list[Any]:
    if len(set(items)) != len(items):
        raise ValueError("lists the same item twice")
    return items


# --- the rules of each kind ------------------------------------------------------------------


class _Rules:
    """Everything one kind of question needs, in one place: its settings, stored type, parsing
    typed text, showing a value, its fill-in example, how it counts towards progress
    (``is_answered``) and how it is asked. The defaults suit free text."""

    settings: ClassVar[frozenset[str]] = frozenset()
    """The settings (``choices``, ``min``...) this kind uses; others are an error."""
    needs: ClassVar[tuple[str, ...]] = ()
    """Settings this kind cannot do without."""
    description: ClassVar[str] = "short text"
    prompt: ClassVar[PromptStyle] = "typed"
    """How it is asked at a terminal."""
    hint: ClassVar[str] = ""
    """How to type an answer, shown under a typed question; its description when empty."""
    multiline: ClassVar[bool] = False
    """Typed over several lines (Esc then Enter finishes)."""

    def check(self, q: Question) -> None:
        """Further checks of the settings; raise ValueError."""

    def value_type(self, q: Question) -> Any:
        return str

    def is_answered(self, q: Question, value: Any) -> bool:
        return value is not None and value != "" and value != []

    def parse(self, q: Question, text: str, today: date) -> Any:
        return text.strip() or None

    def format(self, q: Question, value: Any) -> str:
        return str(value)

    def as_text(self, q: Question, value: Any) -> str:
        return self.format(q, value)

    def describe(self, q: Question) -> str:
        return self.description

    def example(self, q: Question) -> str:
        return '"..."'


class _LongText(_Rules):
    description = "long text (several lines)"
    hint = "Esc then Enter to finish"
    multiline = True

    def example(self, q: Question) -> str:
        return '"""\n...\n"""'


class _Choice(_Rules):
    settings = frozenset({"choices"})
    needs = ("choices",)
    prompt: ClassVar[PromptStyle] = "choice"

    def value_type(self, q: Question) -> Any:
        return _one_of(q.choices)

    def parse(self, q: Question, text: str, today: date) -> Any:
        return _match_choice(text, q.choices or []) if text.strip() else None

    def describe(self, q: Question) -> str:
        return "one of: " + ", ".join(q.choices or ())

    def example(self, q: Question) -> str:
        return _toml_string((q.choices or [""])[0])


class _MultiChoice(_Choice):
    prompt = "multi_choice"

    def value_type(self, q: Question) -> Any:
        choice = _one_of(q.choices)
        return Annotated[list[choice], AfterValidator(_no_repeats)]  # type: ignore[valid-type]

    def parse(self, q: Question, text: str, today: date) -> Any:
        return _match_choices(text, q.choices or []) or None

    def format(self, q: Question, value: Any) -> str:
        return ", ".join(value)

    def describe(self, q: Question) -> str:
        return "any of: " + ", ".join(q.choices or ())

    def example(self, q: Question) -> str:
        return "[" + ", ".join(_toml_string(c) for c in (q.choices or [])[:2]) + "]"


class _Ranking(_Choice):
    settings = frozenset({"choices", "top"})
    prompt = "ranking"

    def check(self, q: Question) -> None:
        if q.top is not None and q.choices and q.top > len(q.choices):
            raise ValueError(f"top is {q.top} but there are only {len(q.choices)} choices")

    def value_type(self, q: Question) -> Any:
        choice = _one_of(q.choices)
        return Annotated[
            list[choice],  # type: ignore[valid-type]
            Field(max_length=q.count),
            AfterValidator(_no_repeats),
        ]

    def parse(self, q: Question, text: str, today: date) -> Any:
        picked = _match_choices(text, q.choices or [])
        if len(picked) > q.count:
            raise ValueError(f"Rank at most {q.count}.")
        return picked or None

    def format(self, q: Question, value: Any) -> str:
        return "  ".join(f"{rank}. {item}" for rank, item in enumerate(value, start=1))

    def as_text(self, q: Question, value: Any) -> str:
        return ", ".join(value)

    def describe(self, q: Question) -> str:
        what = f"your top {q.top}" if q.top else "all"
        return f"ranking ({what}, most important first) of: " + ", ".join(q.choices or ())

    def example(self, q: Question) -> str:
        first = (q.choices or [])[: min(3, q.count)]
        return "[" + ", ".join(_toml_string(c) for c in first) + "]"


class _Scale(_Rules):
    settings = frozenset({"low_label", "high_label"})
    prompt = "scale"

    def value_type(self, q: Question) -> Any:
        return Annotated[int, Field(ge=1, le=5)]

    def parse(self, q: Question, text: str, today: date) -> Any:
        if not text.strip():
            return None
        if text.strip() not in {"1", "2", "3", "4", "5"}:
            raise ValueError(f"{text.strip()!r} is not on the scale; give a number from 1 to 5.")
        return int(text)

    def format(self, q: Question, value: Any) -> str:
        return f"{value} of 5"

    def as_text(self, q: Question, value: Any) -> str:
        return str(value)

    def describe(self, q: Question) -> str:
        return f"scale 1 ({q.low_label}) to 5 ({q.high_label})"

    def example(self, q: Question) -> str:
        return "3"


class _YesNo(_Rules):
    description = "yes or no (true / false)"
    prompt = "yes_no"

    def value_type(self, q: Question) -> Any:
        return bool

    def parse(self, q: Question, text: str, today: date) -> Any:
        word = text.strip().lower()
        if not word:
            return None
        if word in {"y", "yes", "true"}:
            return True
        if word in {"n", "no", "false"}:
            return False
        raise ValueError(f"{text.strip()!r}: answer yes or no.")

    def format(self, q: Question, value: Any) -> str:
        return "yes" if value else "no"

    def example(self, q: Question) -> str:
        return "true"


class _Number(_Rules):
    settings = frozenset({"min", "max", "integer", "unit"})

    def check(self, q: Question) -> None:
        if q.min is not None and q.max is not None and q.min > q.max:
            raise ValueError("min is above max")

    def value_type(self, q: Question) -> Any:
        return Annotated[int if q.integer else float, Field(ge=q.min, le=q.max)]

    def parse(self, q: Question, text: str, today: date) -> Any:
        if not text.strip():
            return None
        number = parse_number(text, integer=q.integer)
        if q.min is not None and number < q.min:
            raise ValueError(f"The smallest answer here is {format_amount(q.min)}.")
        if q.max is not None and number > q.max:
            raise ValueError(f"The largest answer here is {format_amount(q.max)}.")
        return int(number) if q.integer else number

    def format(self, q: Question, value: Any) -> str:
        return f"{format_amount(value)} {q.unit}".strip()

    def as_text(self, q: Question, value: Any) -> str:
        return format_amount(value)

    def describe(self, q: Question) -> str:
        what = "whole number" if q.integer else "number"
        if q.min is not None and q.max is not None:
            what += f" from {format_amount(q.min)} to {format_amount(q.max)}"
        elif q.min is not None:
            what += f" of at least {format_amount(q.min)}"
        elif q.max is not None:
            what += f" of at most {format_amount(q.max)}"
        return f"{what} {q.unit}".strip()

    def example(self, q: Question) -> str:
        return str(int(q.min or 0) + 1)


class _Money(_Rules):
    settings = frozenset({"currency"})
    description = "money: amount and currency"
    hint = "e.g. 45000 EUR"

    def value_type(self, q: Question) -> Any:
        return Money

    def parse(self, q: Question, text: str, today: date) -> Any:
        return parse_money(text, q.currency).model_dump() if text.strip() else None

    def format(self, q: Question, value: Any) -> str:
        return format_money(Money.model_validate(value))

    def example(self, q: Question) -> str:
        return f'{{ amount = 40000, currency = "{q.currency or "EUR"}" }}'


class _MoneyRange(_Rules):
    settings = frozenset({"currency", "period"})
    description = "pay range: low, high, currency, per year/month/week/day/hour"
    hint = "e.g. 45000-60000 EUR per year"

    def value_type(self, q: Question) -> Any:
        return MoneyRange

    def parse(self, q: Question, text: str, today: date) -> Any:
        if not text.strip():
            return None
        return parse_money_range(text, q.currency, q.period).model_dump()

    def format(self, q: Question, value: Any) -> str:
        return format_money_range(MoneyRange.model_validate(value))

    def example(self, q: Question) -> str:
        currency = q.currency or "EUR"
        return f'{{ low = 40000, high = 55000, currency = "{currency}", period = "{q.period}" }}'


class _Date(_Rules):
    description = "date (YYYY-MM-DD)"
    hint = "e.g. 2026-12-08, 8 Dec, friday, 3d"

    def value_type(self, q: Question) -> Any:
        return date

    def parse(self, q: Question, text: str, today: date) -> Any:
        return parse_date(text, today) if text.strip() else None

    def example(self, q: Question) -> str:
        return "2026-12-01"


class _List(_Rules):
    settings = frozenset({"item_label"})
    hint = "one per line; Esc then Enter to finish"
    multiline = True

    def value_type(self, q: Question) -> Any:
        return list[str]

    def is_answered(self, q: Question, value: Any) -> bool:
        return bool(value) and any(item.strip() for item in value)

    def parse(self, q: Question, text: str, today: date) -> Any:
        return [line.strip() for line in text.splitlines() if line.strip()] or None

    def format(self, q: Question, value: Any) -> str:
        return "; ".join(value)

    def as_text(self, q: Question, value: Any) -> str:
        return "\n".join(value)

    def describe(self, q: Question) -> str:
        return f"list of {q.item_label}s"

    def example(self, q: Question) -> str:
        return '["...", "..."]'


class _Records(_Rules):
    """A group of fields asked once per item, with "add another?": jobs, people, offers."""

    settings = frozenset({"item", "fields", "record_type"})
    needs = ("item",)
    prompt = "records"  # asked field by field by the sitting

    def check(self, q: Question) -> None:
        if q.record_type and q.fields:
            raise ValueError(
                f"a {q.record_type!r} record has built-in fields; remove fields (or record_type)"
            )
        if not q.record_type and not q.fields:
            raise ValueError("a 'records' question needs fields (or a record_type)")
        for field in q.fields or []:
            if field.kind in ("records", "weights"):
                raise ValueError(f"field {field.id!r}: records cannot hold {field.kind}")
            if field.after is not None or field.needed_until is not None:
                raise ValueError(
                    f"field {field.id!r}: a record's field cannot wait (after, needed_until)"
                )

    def value_type(self, q: Question) -> Any:
        if q.record_type:
            return record_kind(q.record_type).stored_type()
        return list[q.record_model]  # type: ignore[name-defined]

    def is_answered(self, q: Question, value: Any) -> bool:
        return bool(value) and all(q.record_is_complete(record) for record in value)

    def parse(self, q: Question, text: str, today: date) -> Any:
        raise ValueError("records are added one field at a time, not typed in one line")

    def format(self, q: Question, value: Any) -> str:
        if q.record_type:
            return record_kind(q.record_type).summary(value)
        return "; ".join(q.record_label(record) for record in value)

    def describe(self, q: Question) -> str:
        names = ", ".join(f.id for f in q.record_fields)
        return f"one or more {q.item}s, each with: {names}"

    def example(self, q: Question) -> str:
        return ""  # written as an array of tables; see ``fill_in``


class NamedWeights(dict[str, int]):
    """Weights offered at a weights prompt, with what each key stands for, so the person reads
    "Income floor (per year)" where the file says ``income_floor``."""

    def __init__(self, weights: Mapping[str, int], titles: Mapping[str, str]) -> None:
        super().__init__(weights)
        self.titles = dict(titles)


class _Weights(_Rules):
    """How much each of several named things counts, 0 (not at all) to 5 (essential)."""

    description = "weights: NAME=0..5, separated by commas"
    prompt = "weights"
    hint = "NAME=N, N from 0 (ignore) to 5 (essential), separated by commas"

    def value_type(self, q: Question) -> Any:
        return dict[str, Annotated[int, Field(ge=0, le=5)]]

    def is_answered(self, q: Question, value: Any) -> bool:
        return bool(value)

    def parse(self, q: Question, text: str, today: date) -> Any:
        weights: dict[str, int] = {}
        for part in text.split(","):
            if not part.strip():
                continue
            name, sep, number = part.rpartition("=")
            if not sep or not name.strip() or number.strip() not in {"0", "1", "2", "3", "4", "5"}:
                raise ValueError(f"{part.strip()!r}: write each as NAME=N, N from 0 to 5.")
            weights[name.strip()] = int(number)
        return weights or None

    def format(self, q: Question, value: Any) -> str:
        return ", ".join(f"{name}={weight}" for name, weight in value.items())

    def example(self, q: Question) -> str:
        return "{ Autonomy = 5, income_floor = 4 }"


class _Ratings(_Choice):
    """How well something fits each of several named things (``choices``), 1 to 5, typed
    on one line in their order ("4 3 5 - 2"): one screen for all of them, not one each."""

    description = "ratings: a number 1 to 5 for each, in order"
    prompt: ClassVar[PromptStyle] = "typed"
    hint = "1 (poorly) to 5 (very well) for each, in order, with spaces; - if you cannot say"

    def value_type(self, q: Question) -> Any:
        return dict[str, Annotated[int, Field(ge=1, le=5)]]

    def is_answered(self, q: Question, value: Any) -> bool:
        return bool(value)

    def parse(self, q: Question, text: str, today: date) -> Any:
        choices = q.choices or []
        if "=" in text:  # NAME=N, as a fill-in file or an option writes them
            ratings: dict[str, int] = {}
            for part in text.split(","):
                if not part.strip():
                    continue
                name, _, number = part.rpartition("=")
                if number.strip() not in {"1", "2", "3", "4", "5"}:
                    raise ValueError(f"{part.strip()!r}: rate each from 1 to 5, as NAME=N.")
                ratings[_match_choice(name, choices)] = int(number)
            return ratings or None
        marks = text.replace(",", " ").split()
        if not marks:
            return None
        if len(marks) != len(choices):
            raise ValueError(
                f"{len(marks)} given for {len(choices)}: one for each of "
                + ", ".join(choices)
                + " (- for one you cannot say)."
            )
        if any(mark not in {"1", "2", "3", "4", "5", "-", "0"} for mark in marks):
            raise ValueError("Rate each from 1 to 5, or - if you cannot say.")
        found = {
            name: int(mark) for name, mark in zip(choices, marks, strict=True) if mark not in "-0"
        }
        return found or None

    def format(self, q: Question, value: Any) -> str:
        return ", ".join(f"{name} {rating}" for name, rating in value.items())

    def as_text(self, q: Question, value: Any) -> str:
        if not value:
            return ""
        return " ".join(str(value.get(name, "-")) for name in q.choices or [])

    def describe(self, q: Question) -> str:
        return "a rating 1 to 5 for each of: " + ", ".join(q.choices or ())

    def example(self, q: Question) -> str:
        return "{ " + ", ".join(f"{_toml_string(c)} = 4" for c in (q.choices or [])[:2]) + " }"


_RULES: dict[str, _Rules] = {
    "text": _Rules(),
    "long_text": _LongText(),
    "choice": _Choice(),
    "multi_choice": _MultiChoice(),
    "ranking": _Ranking(),
    "scale": _Scale(),
    "yes_no": _YesNo(),
    "number": _Number(),
    "money": _Money(),
    "money_range": _MoneyRange(),
    "date": _Date(),
    "list": _List(),
    "records": _Records(),
    "weights": _Weights(),
    "ratings": _Ratings(),
}
_SETTINGS = frozenset().union(*(rules.settings for rules in _RULES.values()))


Exercise = Literal["energy", "futures"]
"""Exercises outside the stages: the energy log (days logged) and the futures (sketched)."""


class DoneAlready(_Definition):
    """When a suggested homework is done already, so it is not suggested: at least
    ``at_least`` records of a records question (``question``, as ``stage.question``) with
    every field in ``having`` filled and a status among ``status``; or an ``exercise`` done
    that many times (days of the energy log, futures sketched)."""

    question: str | None = None
    having: list[Slug] = Field(default_factory=list)
    status: list[Text] = Field(default_factory=list)
    at_least: int = Field(default=1, ge=1)
    exercise: Exercise | None = None

    @model_validator(mode="after")
    def _one_source(self) -> Self:
        if (self.question is None) == (self.exercise is None):
            raise ValueError("done_already: give either a records question or an exercise")
        if self.exercise and (self.having or self.status):
            raise ValueError("done_already: having and status are for a records question")
        return self


class AnswerAtMost(_Definition):
    """An earlier answer (``stage.question``, a scale or number) at most ``at_most``; a
    question not answered yet counts too (nothing says otherwise)."""

    question: str
    at_most: float


class SuggestedHomework(_Definition):
    """Homework a stage suggests when it begins, during a program; the person accepts, edits
    or skips it. It is not suggested when it is done already (``done_already``) or when an
    answer says it is not needed (``only_if``)."""

    text: Text
    due_in_days: int | None = Field(default=7, ge=0, le=180)
    """Days from the day it is accepted to its due date; no due date when absent."""
    done_already: DoneAlready | None = None
    only_if: AnswerAtMost | None = None
    due_before: str | None = None
    """``stage.question.field``: a date field of records (an offer's ``deadline``); the
    homework prepares for it, so it falls due the day before the earliest one to come."""


class WorkRule(_Definition):
    """One piece of real work a stage needs before it is done, e.g. "a conversation logged".

    It counts the records of a ``records`` question that have every field in ``having``
    answered, at least one of ``having_any`` (a follow-up planned, or one done) and, with
    ``status``, a status among those; or, for a ``multi_choice`` question with
    ``all_choices``, whether every choice is picked (a checklist done)."""

    label: Text
    """What the work is, as the report lists it: "a conversation logged"."""
    question: Slug
    having: list[Slug] = Field(default_factory=list)
    having_any: list[Slug] = Field(default_factory=list)
    status: list[Text] = Field(default_factory=list)
    at_least: int = Field(default=1, ge=1)
    all_choices: bool = False
    command: str = "careerpath next"
    """The command that does this work, for the report's Next line."""


class StageDefinition(_Definition):
    id: Slug
    title: Text
    intro: Text
    """Two or three sentences: what the stage is for and why it comes where it does."""
    questions: Annotated[list[Question], Field(min_length=1), AfterValidator(unique_ids)]
    homework: list[SuggestedHomework] = Field(default_factory=list)
    """Suggested homework, offered when the stage begins during a program (optional)."""
    done: list[WorkRule] = Field(default_factory=list)
    """What "done" means in real work; without it, a stage is done when its required
    questions are answered."""

    @model_validator(mode="after")
    def _work_names_questions(self) -> Self:
        kinds = {q.id: q.kind for q in self.questions}
        for rule in self.done:
            kind = kinds.get(rule.question)
            if kind is None:
                raise ValueError(f"done: {rule.question!r} is not a question of this stage")
            if rule.all_choices != (kind == "multi_choice"):
                raise ValueError(
                    f"done: {rule.question!r} is a {kind!r} question; all_choices is for "
                    "a multi_choice checklist, having/having_any/status for records"
                )
            if kind != "records" and (rule.having or rule.having_any or rule.status):
                raise ValueError("done: having, having_any and status need a records question")
        return self

    def question(self, question_id: str) -> Question:
        for question in self.questions:
            if question.id == question_id:
                return question
        raise NotFound(f"stage {self.id!r} has no question {question_id!r}")

    @functools.cached_property
    def answers_model(self) -> type[BaseModel]:
        """The shape of this stage's answers file: one optional key per question."""
        return _answers_model(f"{self.id} answers", self.questions)


def _program_questions(questions: list[Question]) -> list[Question]:
    """Intake and check-in questions: unique ids, no records, and not the reserved ``date``."""
    unique_ids(questions)
    for question in questions:
        if question.kind == "records":
            raise ValueError(f"{question.id!r}: a program cannot ask a records question")
        if question.id == "date":
            raise ValueError("'date' is kept for the date itself; give the question another id")
        if question.after is not None or question.needed_until is not None:
            raise ValueError(
                f"{question.id!r}: a program question cannot wait (after, needed_until)"
            )
    return questions


ProgramQuestions = Annotated[
    list[Question], Field(min_length=1), AfterValidator(_program_questions)
]


class ProgramDefinition(_Definition):
    """What a program asks: the intake needs assessment (asked again at the end) and the
    regular check-in. A workbook without a ``[program]`` table uses the built-in one's."""

    intro: Text
    """Shown by ``careerpath program start``: what a program is and how it runs."""
    intake: ProgramQuestions
    checkin: ProgramQuestions

    def intake_question(self, question_id: str) -> Question:
        for question in self.intake:
            if question.id == question_id:
                return question
        raise NotFound(f"the intake has no question {question_id!r}")

    @functools.cached_property
    def intake_model(self) -> type[BaseModel]:
        return _answers_model("intake answers", self.intake)

    @functools.cached_property
    def checkin_answers_model(self) -> type[BaseModel]:
        """A check-in's answers without its date (an answers file for ``checkin --answers``)."""
        return _answers_model("check-in answers", self.checkin)

    @functools.cached_property
    def checkin_model(self) -> type[BaseModel]:
        fields: dict[str, Any] = {q.id: (q.value_type() | None, None) for q in self.checkin}
        return create_model(
            "check-in", __config__=ConfigDict(extra="forbid"), date=(date, ...), **fields
        )


class WorkbookDefinition(_Definition):
    schema_version: Literal[1] = 1
    id: Slug
    version: Text
    title: Text
    intro: Text
    """Shown by ``careerpath start``: how the process works, warmly, in a few sentences."""
    outro: str = ""
    """Shown when the last stage is complete."""
    stages: Annotated[list[StageDefinition], Field(min_length=1), AfterValidator(unique_ids)]
    program: ProgramDefinition | None = None
    """Intake and check-in questions for a program (optional; the built-in ones otherwise)."""

    @model_validator(mode="after")
    def _recalls_point_back(self) -> Self:
        """A recalled answer must come from this stage or an earlier one."""
        for index, stage in enumerate(self.stages):
            known = {f"{s.id}.{q.id}" for s in self.stages[: index + 1] for q in s.questions}
            for question in stage.questions:
                for ref in question.recall:
                    if ref not in known:
                        raise ValueError(
                            f"{stage.id}.{question.id} recalls {ref!r}, which is not a question "
                            "of this stage or an earlier one"
                        )
        return self

    @model_validator(mode="after")
    def _program_recalls_stages(self) -> Self:
        """A program question recalls a stage question of the same kind (its answer, once
        given, is shown and kept unless it changed)."""
        known = {f"{s.id}.{q.id}": q for s in self.stages for q in s.questions}
        for question in [*self.program.intake, *self.program.checkin] if self.program else []:
            for ref in question.recall:
                earlier = known.get(ref)
                if earlier is None or earlier.kind != question.kind:
                    raise ValueError(
                        f"program question {question.id!r} recalls {ref!r}, which is not a "
                        f"{question.kind} question of a stage"
                    )
        return self

    @model_validator(mode="after")
    def _homework_names_questions(self) -> Self:
        """Suggested homework's ``done_already``, ``only_if`` and ``due_before`` name
        questions that exist, of the kind they need."""
        known = {f"{s.id}.{q.id}": q for s in self.stages for q in s.questions}
        for stage in self.stages:
            for item in stage.homework:
                refs = [
                    (item.done_already.question if item.done_already else None, {"records"}),
                    (item.only_if.question if item.only_if else None, {"scale", "number"}),
                    (item.due_before.rsplit(".", 1)[0] if item.due_before else None, {"records"}),
                ]
                for ref, kinds in refs:
                    if ref is None:
                        continue
                    question = known.get(ref)
                    if question is None or question.kind not in kinds:
                        raise ValueError(
                            f"{stage.id} homework {item.text[:30]!r}: {ref!r} is not a "
                            f"{' or '.join(sorted(kinds))} question of this workbook"
                        )
        return self

    @model_validator(mode="after")
    def _moments_name_records(self) -> Self:
        """A question's moment counts the records of a records question of this workbook,
        by fields and statuses those records have."""
        for stage in self.stages:
            for question in stage.questions:
                if question.after is not None:
                    self._check_moment(stage, question, question.after, "after")
                if question.needed_until is not None:
                    self._check_moment(stage, question, question.needed_until, "needed_until")
        return self

    def _check_moment(
        self, stage: StageDefinition, question: Question, moment: Moment, key: str
    ) -> None:
        where = f"{stage.id}.{question.id}: {key}"
        try:
            _, counted = self.moment_records(stage, moment)
        except (NotFound, ValueError):
            raise ValueError(
                f"{where}: {moment.question!r} is not a question of this workbook "
                "(write STAGE.QUESTION, or the id of a question in this stage)"
            ) from None
        if counted.kind != "records":
            raise ValueError(f"{where}: {moment.question!r} is a {counted.kind!r} question")
        if counted.record_type and counted.record_type not in _RECORD_KINDS:
            return  # its fields are checked once the record types are registered, when used
        fields = {f.id: f for f in counted.record_fields}
        unknown = [name for name in moment.having if name not in fields]
        if unknown:
            raise ValueError(f"{where}: {counted.item}s have no field {', '.join(unknown)}")
        if moment.status and counted.record_type and "status" not in fields:
            return  # set by commands, not asked (an offer's decision): its file checks it
        if moment.status:
            choices = (fields["status"].choices or []) if "status" in fields else []
            wrong = [name for name in moment.status if name not in choices]
            if wrong:
                known = ", ".join(choices) or "none: they have no status"
                raise ValueError(
                    f"{where}: {', '.join(map(repr, wrong))} is not a status of "
                    f"{counted.item}s ({known})"
                )

    def moment_records(
        self, stage: StageDefinition, moment: Moment
    ) -> tuple[StageDefinition, Question]:
        """The stage and records question a moment counts: ``stage.question``, or a question
        of ``stage`` itself."""
        if "." in moment.question:
            return self.recalled(moment.question)
        return stage, stage.question(moment.question)

    def recalled(self, ref: str) -> tuple[StageDefinition, Question]:
        """The stage and question a ``stage.question`` reference names."""
        stage_id, question_id = ref.split(".", 1)
        stage = self.stage(stage_id)
        return stage, stage.question(question_id)

    @property
    def stage_ids(self) -> list[str]:
        return [stage.id for stage in self.stages]

    def stage(self, stage_id: str) -> StageDefinition:
        for stage in self.stages:
            if stage.id == stage_id:
                return stage
        raise NotFound(
            f"there is no stage {stage_id!r} in this workbook",
            hint="The stages are: " + ", ".join(self.stage_ids) + ".",
        )


# --- loading ---------------------------------------------------------------------------------


def resolve(name_or_path: str) -> Path:
    """A definition file from a built-in name (``default``) or a path to a TOML file."""
    candidate = Path(name_or_path).expanduser()
    if candidate.suffix == ".toml" or candidate.exists() or "/" in name_or_path:
        if not candidate.is_file():
            raise NotFound(f"no workbook definition file at {candidate}")
        return candidate
    path = builtin_dir() / f"{name_or_path}.toml"
    if not path.is_file():
        raise NotFound(
            f"there is no built-in workbook called {name_or_path!r}",
            hint="Built-in: " + ", ".join(builtin_names()) + "; or give a path to a .toml file.",
        )
    return path


def load(
    path: Path, cache: ParseCache | None = None, *, shipped: bool = False
) -> WorkbookDefinition:
    """Read and fully validate a workbook definition; problems name file, line and field.
    ``cache``: a home's parse cache, so its TOML is parsed once, not on every run;
    ``shipped``: one of careerpath's own, whose samples the test suite checks."""
    raw, text = tomlio.read(path, cache)
    return parse(raw, text, path, shipped=shipped)


def parse(
    raw: dict[str, Any], text: str, path: Path, *, shipped: bool = False
) -> WorkbookDefinition:
    try:
        return WorkbookDefinition.model_validate(raw, context={SHIPPED: shipped})
    except ValidationError as error:
        raise InvalidFiles(
            tomlio.problems_from(error, path, text, raw),
            hint="This is a workbook definition; fix it and run the command again.",
        ) from None


_BUILTINS: dict[str, WorkbookDefinition] = {}


def load_builtin(name: str = BUILTIN, cache: ParseCache | None = None) -> WorkbookDefinition:
    """A definition shipped with careerpath, validated once a run (``cache`` as for ``load``)."""
    found = _BUILTINS.get(name)
    if found is None:
        shipped = builtin_dir() / f"{name}.toml"
        # Only where careerpath keeps them: a folder called "default" where the command runs
        # is not the built-in workbook.
        path = shipped if shipped.is_file() else resolve(name)
        found = _BUILTINS[name] = load(path, cache, shipped=True)
    return found


# --- fill-in answers files -------------------------------------------------------------------


def _toml_string(text: str) -> str:
    """``text`` as a TOML string literal, quoted and escaped."""
    return tomlio.dumps({"x": text}).split("=", 1)[1].strip()


def fill_in(
    questions: Sequence[Question], header: Sequence[str], footer: Sequence[str] = ()
) -> str:
    """A TOML answers file with every question as a comment, ready to fill in: ``header``
    (what the file is for and how to use it) first, ``footer`` (more commented-out keys) last.

    Every answer line starts commented out, so the untouched file is valid and answers nothing;
    a person removes the ``# `` in front of what they answer. Each question shows its prompt,
    what it takes and its help, wrapped.
    """
    lines = [*_comment(header), ""]
    records: list[Question] = []
    for question in questions:
        if question.kind == "records":
            records.append(question)
            continue
        lines += _question_comment(question)
        first, *rest = question.example().splitlines()
        lines += [f"# {question.id} = {first}", *(f"# {line}" for line in rest)]
        lines.append("")
    for question in records:  # arrays of tables go last, after every plain key
        lines += _question_comment(question)
        lines.append(f"# One [[{question.id}]] block per {question.item}; copy it for more.")
        lines.append(f"# [[{question.id}]]")
        for field in question.record_fields:
            need = "required" if field.required else "optional"
            example = question.record_example(field)
            example = example if "\n" not in example else '"..."'
            # A choice's choices are named, so a short stored value reads with its meaning.
            choices = f"; {field.describe()}" if field.kind == "choice" else ""
            lines.append(f"# {field.id} = {example}    # {field.title} ({need}{choices})")
        lines.append("")
    if footer:
        lines += [*_comment(footer), ""]
    return "\n".join(lines)


def stage_fill_in(stage: StageDefinition) -> str:
    """The fill-in answers file of one stage, for ``careerpath next --answers``."""
    header = [
        f"Answers for the stage {stage.id!r} ({stage.title}).",
        "Remove the '# ' in front of each answer you give and replace the example value.",
        f"Then run: careerpath next --stage {stage.id} --answers THIS_FILE",
    ]
    return fill_in(stage.questions, header)


def _question_comment(question: Question) -> list[str]:
    need = "required" if question.required else "optional"
    waits = [f"It waits until {question.after.until}."] if question.after else []
    if question.needed_until:
        waits.append(f"It is needed until {question.needed_until.until}.")
    return _comment(
        [question.prompt, f"{question.describe()}; {need}.", *waits, *question.help.splitlines()]
    )


def _comment(text: Sequence[str]) -> list[str]:
    """Lines as TOML comments, wrapped; an empty line stays an empty comment line."""
    import textwrap

    return [f"# {line}".rstrip() for part in text for line in textwrap.wrap(part, 96) or [""]]
