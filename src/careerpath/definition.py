"""What a workbook asks: stages and questions, loaded from TOML and validated before anything runs.

A workbook definition is data (``workbooks/default.toml``; a coach can write their own). Every
question kind knows the type of its stored answer, whether a value counts as answered, how to
show a value to a person and how to write an example of it in a fill-in file. The prompt
adapter turns a question into a terminal prompt; nothing here touches a terminal or a file
other than the definition being loaded.
"""

from __future__ import annotations

import functools
from datetime import date
from pathlib import Path
from typing import Annotated, Any, Literal, Self

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
    create_model,
    model_validator,
)

from careerpath import tomlio
from careerpath.errors import InvalidFiles, NotFound, Problem
from careerpath.values import (
    Money,
    MoneyRange,
    Period,
    format_amount,
    format_money,
    format_money_range,
    parse_date,
    parse_money,
    parse_money_range,
    parse_number,
)

Slug = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_-]*$", max_length=40)]
CurrencyCode = Annotated[str, StringConstraints(pattern=r"^[A-Z]{3}$")]
Text = Annotated[str, StringConstraints(min_length=1)]


class _Definition(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _unique(items: list[str]) -> list[str]:
    seen: set[str] = set()
    for item in items:
        if item in seen:
            raise ValueError(f"{item!r} is listed twice")
        seen.add(item)
    return items


Choices = Annotated[list[Text], Field(min_length=2), AfterValidator(_unique)]


class _Question(_Definition):
    id: Slug
    prompt: Text
    label: str | None = None
    """A short name for recaps, the report and fill-in files; the prompt when absent."""
    help: str = ""
    required: bool = True
    summary: bool = False
    """Shown among the key answers in the report."""
    recall: list[str] = Field(default_factory=list)
    """Earlier answers (``stage.question``) shown before asking, e.g. values before an offer."""

    @property
    def title(self) -> str:
        return self.label or self.prompt

    def value_type(self) -> Any:
        """The type a stored answer must have (checked by pydantic when files are read)."""
        raise NotImplementedError

    def is_answered(self, value: Any) -> bool:
        """Whether ``value`` counts as an answer; empty text or an empty list does not."""
        return value is not None and value != "" and value != []

    def format(self, value: Any) -> str:
        """The value as a person reads it in a recap or report."""
        return str(value)

    def describe(self) -> str:
        """What kind of answer this takes, in a few words."""
        raise NotImplementedError

    def parse(self, text: str, today: date) -> Any:
        """The answer typed as ``text``; None for a blank. Raises ValueError with a message
        for the person. Every field kind can be typed, so prompts and command-line options
        share one conversion."""
        text = text.strip()
        return text or None

    def as_text(self, value: Any) -> str:
        """A saved answer as text that ``parse`` reads back (the default in an edit prompt)."""
        return "" if value is None else self.format(value)

    def example(self) -> str:
        """An example value in TOML, for fill-in answer files."""
        raise NotImplementedError


class TextQuestion(_Question):
    kind: Literal["text"]

    def value_type(self) -> Any:
        return str

    def describe(self) -> str:
        return "short text"

    def example(self) -> str:
        return '"..."'


class LongTextQuestion(_Question):
    kind: Literal["long_text"]

    def value_type(self) -> Any:
        return str

    def describe(self) -> str:
        return "long text (several lines)"

    def example(self) -> str:
        return '"""\n...\n"""'


class ChoiceQuestion(_Question):
    kind: Literal["choice"]
    choices: Choices

    def value_type(self) -> Any:
        return Literal[tuple(self.choices)]

    def parse(self, text: str, today: date) -> Any:
        return _match_choice(text, self.choices) if text.strip() else None

    def describe(self) -> str:
        return "one of: " + ", ".join(self.choices)

    def example(self) -> str:
        return _toml_string(self.choices[0])


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


def _no_repeats(items: list[Any]) -> list[Any]:
    if len(set(items)) != len(items):
        raise ValueError("lists the same item twice")
    return items


class MultiChoiceQuestion(_Question):
    kind: Literal["multi_choice"]
    choices: Choices

    def value_type(self) -> Any:
        return Annotated[list[Literal[tuple(self.choices)]], AfterValidator(_no_repeats)]

    def parse(self, text: str, today: date) -> Any:
        return _match_choices(text, self.choices) or None

    def format(self, value: Any) -> str:
        return ", ".join(value)

    def describe(self) -> str:
        return "any of: " + ", ".join(self.choices)

    def example(self) -> str:
        return "[" + ", ".join(_toml_string(c) for c in self.choices[:2]) + "]"


class RankingQuestion(_Question):
    kind: Literal["ranking"]
    choices: Choices
    top: int | None = Field(default=None, ge=1)
    """How many to rank (the person's top N); all of them when absent."""

    @model_validator(mode="after")
    def _top_fits(self) -> Self:
        if self.top is not None and self.top > len(self.choices):
            raise ValueError(f"top is {self.top} but there are only {len(self.choices)} choices")
        return self

    @property
    def count(self) -> int:
        return self.top or len(self.choices)

    def value_type(self) -> Any:
        return Annotated[
            list[Literal[tuple(self.choices)]],
            Field(max_length=self.count),
            AfterValidator(_no_repeats),
        ]

    def parse(self, text: str, today: date) -> Any:
        picked = _match_choices(text, self.choices)
        if len(picked) > self.count:
            raise ValueError(f"Rank at most {self.count}.")
        return picked or None

    def format(self, value: Any) -> str:
        return "  ".join(f"{rank}. {item}" for rank, item in enumerate(value, start=1))

    def as_text(self, value: Any) -> str:
        return ", ".join(value or [])

    def describe(self) -> str:
        what = f"your top {self.top}" if self.top else "all"
        return f"ranking ({what}, most important first) of: " + ", ".join(self.choices)

    def example(self) -> str:
        return "[" + ", ".join(_toml_string(c) for c in self.choices[: min(3, self.count)]) + "]"


class ScaleQuestion(_Question):
    kind: Literal["scale"]
    low_label: str = "low"
    high_label: str = "high"

    def value_type(self) -> Any:
        return Annotated[int, Field(ge=1, le=5)]

    def parse(self, text: str, today: date) -> Any:
        if not text.strip():
            return None
        if text.strip() not in {"1", "2", "3", "4", "5"}:
            raise ValueError(f"{text.strip()!r} is not on the scale; give a number from 1 to 5.")
        return int(text)

    def format(self, value: Any) -> str:
        return f"{value} of 5"

    def as_text(self, value: Any) -> str:
        return "" if value is None else str(value)

    def describe(self) -> str:
        return f"scale 1 ({self.low_label}) to 5 ({self.high_label})"

    def example(self) -> str:
        return "3"


class YesNoQuestion(_Question):
    kind: Literal["yes_no"]

    def value_type(self) -> Any:
        return bool

    def parse(self, text: str, today: date) -> Any:
        word = text.strip().lower()
        if not word:
            return None
        if word in {"y", "yes", "true"}:
            return True
        if word in {"n", "no", "false"}:
            return False
        raise ValueError(f"{text.strip()!r}: answer yes or no.")

    def format(self, value: Any) -> str:
        return "yes" if value else "no"

    def describe(self) -> str:
        return "yes or no (true / false)"

    def example(self) -> str:
        return "true"


class NumberQuestion(_Question):
    kind: Literal["number"]
    min: float | None = None
    max: float | None = None
    integer: bool = False
    unit: str = ""

    @model_validator(mode="after")
    def _bounds_in_order(self) -> Self:
        if self.min is not None and self.max is not None and self.min > self.max:
            raise ValueError("min is above max")
        return self

    def value_type(self) -> Any:
        base = int if self.integer else float
        return Annotated[base, Field(ge=self.min, le=self.max)]

    def parse(self, text: str, today: date) -> Any:
        if not text.strip():
            return None
        number = parse_number(text, integer=self.integer)
        if self.min is not None and number < self.min:
            raise ValueError(f"The smallest answer here is {format_amount(self.min)}.")
        if self.max is not None and number > self.max:
            raise ValueError(f"The largest answer here is {format_amount(self.max)}.")
        return int(number) if self.integer else number

    def format(self, value: Any) -> str:
        return f"{format_amount(value)} {self.unit}".strip()

    def as_text(self, value: Any) -> str:
        return "" if value is None else format_amount(value)

    def describe(self) -> str:
        what = "whole number" if self.integer else "number"
        if self.min is not None and self.max is not None:
            what += f" from {format_amount(self.min)} to {format_amount(self.max)}"
        elif self.min is not None:
            what += f" of at least {format_amount(self.min)}"
        elif self.max is not None:
            what += f" of at most {format_amount(self.max)}"
        return f"{what} {self.unit}".strip()

    def example(self) -> str:
        return str(int(self.min or 0) + 1)


class MoneyQuestion(_Question):
    kind: Literal["money"]
    currency: CurrencyCode | None = None
    """The currency assumed when a person types just a number."""

    def value_type(self) -> Any:
        return Money

    def parse(self, text: str, today: date) -> Any:
        if not text.strip():
            return None
        return parse_money(text, self.currency).model_dump()

    def format(self, value: Any) -> str:
        return format_money(Money.model_validate(value))

    def describe(self) -> str:
        return "money: amount and currency"

    def example(self) -> str:
        return f'{{ amount = 40000, currency = "{self.currency or "EUR"}" }}'


class MoneyRangeQuestion(_Question):
    kind: Literal["money_range"]
    currency: CurrencyCode | None = None
    period: Period = "year"

    def value_type(self) -> Any:
        return MoneyRange

    def parse(self, text: str, today: date) -> Any:
        if not text.strip():
            return None
        return parse_money_range(text, self.currency, self.period).model_dump()

    def format(self, value: Any) -> str:
        return format_money_range(MoneyRange.model_validate(value))

    def describe(self) -> str:
        return "pay range: low, high, currency, per year/month/week/day/hour"

    def example(self) -> str:
        currency = self.currency or "EUR"
        return f'{{ low = 40000, high = 55000, currency = "{currency}", period = "{self.period}" }}'


class DateQuestion(_Question):
    kind: Literal["date"]

    def value_type(self) -> Any:
        return date

    def parse(self, text: str, today: date) -> Any:
        return parse_date(text, today) if text.strip() else None

    def describe(self) -> str:
        return "date (YYYY-MM-DD)"

    def example(self) -> str:
        return "2026-12-01"


class ListQuestion(_Question):
    kind: Literal["list"]
    item_label: str = "item"

    def value_type(self) -> Any:
        return list[str]

    def is_answered(self, value: Any) -> bool:
        return bool(value) and any(item.strip() for item in value)

    def parse(self, text: str, today: date) -> Any:
        items = [line.strip() for line in text.splitlines() if line.strip()]
        return items or None

    def format(self, value: Any) -> str:
        return "; ".join(value)

    def as_text(self, value: Any) -> str:
        return "\n".join(value or [])

    def describe(self) -> str:
        return f"list of {self.item_label}s"

    def example(self) -> str:
        return '["...", "..."]'


FieldQuestion = Annotated[
    TextQuestion
    | LongTextQuestion
    | ChoiceQuestion
    | MultiChoiceQuestion
    | RankingQuestion
    | ScaleQuestion
    | YesNoQuestion
    | NumberQuestion
    | MoneyQuestion
    | MoneyRangeQuestion
    | DateQuestion
    | ListQuestion,
    Field(discriminator="kind"),
]


def _unique_ids(items: list[Any]) -> list[Any]:
    _unique([item.id for item in items])
    return items


class RecordsQuestion(_Question):
    """A group of fields asked once per item, with "add another?": jobs, people, offers."""

    kind: Literal["records"]
    item: Text
    """What one record is called, e.g. "target job"."""
    fields: Annotated[list[FieldQuestion], Field(min_length=1), AfterValidator(_unique_ids)]

    @functools.cached_property
    def record_model(self) -> type[BaseModel]:
        """A model for one stored record. Fields are optional in the file; required-ness is
        checked when counting progress, so a record typed half-way is saved, not lost."""
        return _answers_model(f"{self.id} record", self.fields)

    def value_type(self) -> Any:
        return list[self.record_model]  # type: ignore[name-defined]

    def is_answered(self, value: Any) -> bool:
        return bool(value) and all(self.record_is_complete(record) for record in value)

    def record_is_complete(self, record: dict[str, Any]) -> bool:
        return all(f.is_answered(record.get(f.id)) for f in self.fields if f.required)

    def record_label(self, record: dict[str, Any]) -> str:
        """A record's name in lists: its first answered short field."""
        for field in self.fields:
            value = record.get(field.id)
            if field.is_answered(value) and not isinstance(value, (list, dict)):
                return field.format(value)
        return f"(unnamed {self.item})"

    def format(self, value: Any) -> str:
        return "; ".join(self.record_label(record) for record in value)

    def describe(self) -> str:
        names = ", ".join(f.id for f in self.fields)
        return f"one or more {self.item}s, each with: {names}"

    def example(self) -> str:
        return ""  # written as an array of tables; see ``fill_in``


Question = Annotated[FieldQuestion | RecordsQuestion, Field(discriminator="kind")]
AnyQuestion = (
    TextQuestion
    | LongTextQuestion
    | ChoiceQuestion
    | MultiChoiceQuestion
    | RankingQuestion
    | ScaleQuestion
    | YesNoQuestion
    | NumberQuestion
    | MoneyQuestion
    | MoneyRangeQuestion
    | DateQuestion
    | ListQuestion
    | RecordsQuestion
)


def _answers_model(name: str, questions: list[Any]) -> type[BaseModel]:
    fields: dict[str, Any] = {q.id: (q.value_type() | None, None) for q in questions}
    return create_model(name, __config__=ConfigDict(extra="forbid"), **fields)


class StageDefinition(_Definition):
    id: Slug
    title: Text
    intro: Text
    """Two or three sentences: what the stage is for and why it comes where it does."""
    questions: Annotated[list[Question], Field(min_length=1), AfterValidator(_unique_ids)]

    def question(self, question_id: str) -> AnyQuestion:
        for question in self.questions:
            if question.id == question_id:
                return question
        raise NotFound(f"stage {self.id!r} has no question {question_id!r}")

    @functools.cached_property
    def answers_model(self) -> type[BaseModel]:
        """The shape of this stage's answers file: one optional key per question."""
        return _answers_model(f"{self.id} answers", self.questions)


class WorkbookDefinition(_Definition):
    schema_version: Literal[1] = 1
    id: Slug
    version: Text
    title: Text
    intro: Text
    """Shown by ``careerpath start``: how the process works, warmly, in a few sentences."""
    outro: str = ""
    """Shown when the last stage is complete."""
    stages: Annotated[list[StageDefinition], Field(min_length=1), AfterValidator(_unique_ids)]

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

    def recalled(self, ref: str) -> tuple[StageDefinition, AnyQuestion]:
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

BUILTIN = "default"


def builtin_dir() -> Path:
    """Where the shipped workbook definitions are.

    In an installed wheel they sit inside the package (``careerpath/workbooks``, see
    pyproject's force-include); in a source checkout or editable install, at the repo root.
    """
    packaged = Path(__file__).parent / "workbooks"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "workbooks"


def builtin_names() -> list[str]:
    return sorted(path.stem for path in builtin_dir().glob("*.toml"))


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


def load(path: Path) -> WorkbookDefinition:
    """Read and fully validate a workbook definition; problems name file, line and field."""
    raw, text = tomlio.read(path)
    return parse(raw, text, path)


def parse(raw: dict[str, Any], text: str, path: Path) -> WorkbookDefinition:
    try:
        return WorkbookDefinition.model_validate(raw)
    except ValidationError as error:
        raise InvalidFiles(
            tomlio.problems_from(error, path, text, raw),
            hint="This is a workbook definition; fix it and run the command again.",
        ) from None


@functools.cache
def load_builtin(name: str = BUILTIN) -> WorkbookDefinition:
    return load(resolve(name))


# --- fill-in answers files -------------------------------------------------------------------


def _toml_string(text: str) -> str:
    """``text`` as a TOML string literal, quoted and escaped."""
    return tomlio.dumps({"x": text}).split("=", 1)[1].strip()


def fill_in(stage: StageDefinition) -> str:
    """A TOML answers file for ``stage`` with every question as a comment, ready to fill in.

    Every answer line starts commented out, so the untouched file is valid and answers nothing;
    a person removes the ``# `` in front of what they answer.
    """
    lines = [
        f"# Answers for the stage {stage.id!r} ({stage.title}).",
        "# Remove the '# ' in front of each answer you give and replace the example value.",
        f"# Then run: careerpath next --stage {stage.id} --answers THIS_FILE",
        "",
    ]
    records: list[RecordsQuestion] = []
    for question in stage.questions:
        if isinstance(question, RecordsQuestion):
            records.append(question)
            continue
        lines += _question_comment(question)
        first, *rest = question.example().splitlines()
        lines += [f"# {question.id} = {first}", *(f"# {line}" for line in rest)]
        lines.append("")
    for question in records:
        lines += _question_comment(question)
        lines.append(f"# One [[{question.id}]] block per {question.item}; copy it for more.")
        lines.append(f"# [[{question.id}]]")
        for field in question.fields:
            need = "required" if field.required else "optional"
            example = field.example() if "\n" not in field.example() else '"..."'
            lines.append(f"# {field.id} = {example}    # {field.title} ({need})")
        lines.append("")
    return "\n".join(lines)


def _question_comment(question: AnyQuestion) -> list[str]:
    need = "required" if question.required else "optional"
    lines = [f"# {question.prompt}", f"# {question.describe()}; {need}."]
    lines += [f"# {line}".rstrip() for line in question.help.splitlines()]
    return lines


def problems_of(definition_path: Path) -> list[Problem]:
    """The problems in a definition file, for ``doctor`` (empty when it is fine)."""
    try:
        load(definition_path)
    except InvalidFiles as error:
        return error.problems
    return []
