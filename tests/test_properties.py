"""Property tests: any valid answers survive a write and a read; no file content, however
hostile, gets anything but a clear problem report."""

from __future__ import annotations

import string
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from careerpath.core.errors import InvalidFiles
from careerpath.storage import tomlio
from careerpath.tracking import records
from careerpath.workbook import definition
from careerpath.workbook.definition import Question, StageDefinition
from careerpath.workbook.home import Home

BOOK = definition.load_builtin()
SETTINGS = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)

# Any text a person could type, including quotes, backslashes, newlines and emoji. Not lone
# surrogates (they cannot be written as UTF-8 at all) and not carriage returns: prompts never
# produce them, and TOML readers turn a CR LF inside a multi-line string into LF.
TEXT = st.text(
    st.characters(exclude_categories=("Cs",), exclude_characters="\r"), min_size=1, max_size=60
)
AMOUNT = st.floats(min_value=0, max_value=1e9, allow_nan=False, allow_infinity=False)
CURRENCY = st.sampled_from(["EUR", "USD", "GBP", "JPY"])


def value_for(question: Question) -> st.SearchStrategy[Any]:
    choices = question.choices or []
    match question.kind:
        case "text" | "long_text":
            return TEXT
        case "choice":
            return st.sampled_from(choices)
        case "multi_choice":
            return st.lists(st.sampled_from(choices), min_size=1, unique=True)
        case "ranking":
            return st.lists(
                st.sampled_from(choices), min_size=1, max_size=question.count, unique=True
            )
        case "scale":
            return st.integers(1, 5)
        case "yes_no":
            return st.booleans()
        case "number":
            low = int(question.min) if question.min is not None else -1000
            high = int(question.max) if question.max is not None else 1000
            if question.integer:
                return st.integers(low, high)
            return st.floats(low, high, allow_nan=False)
        case "money":
            return st.builds(lambda a, c: {"amount": a, "currency": c}, AMOUNT, CURRENCY)
        case "money_range":
            return st.builds(
                lambda a, b, c, p: {
                    "low": min(a, b),
                    "high": max(a, b),
                    "currency": c,
                    "period": p,
                },
                AMOUNT,
                AMOUNT,
                CURRENCY,
                st.sampled_from(["year", "month", "hour"]),
            )
        case "date":
            return st.dates()
        case "list":
            return st.lists(TEXT, min_size=1, max_size=4)
        case "records" if question.record_type:
            return typed_records(question)
        case "records":
            fields = question.fields or []
            record = st.fixed_dictionaries({}, optional={f.id: value_for(f) for f in fields})
            return st.lists(record, min_size=1, max_size=3)
        case "weights":
            return st.dictionaries(TEXT, st.integers(0, 5), min_size=1, max_size=4)
    raise AssertionError(question.kind)


# Typed records, drawn in the shape they are stored in (ids, histories, nested tables).
DATETIME = st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2100, 1, 1)).map(
    lambda moment: moment.replace(microsecond=0)
)
NESTED: dict[str, dict[str, st.SearchStrategy[Any]]] = {
    "targets": {"fit": st.dictionaries(TEXT, st.integers(1, 5), min_size=1, max_size=3)},
    "contacts": {
        "warmth": st.sampled_from(["warm", "introduced", "cold"]),
        "targets": st.lists(st.integers(1, 99).map(lambda n: f"t{n}"), min_size=1, max_size=2),
        "conversations": st.lists(
            st.fixed_dictionaries(
                {"date": st.dates()},
                optional={"summary": TEXT, "learned": TEXT, "follow_up": st.dates()},
            ),
            min_size=1,
            max_size=3,
        ),
    },
    "applications": {
        "status": st.nothing(),  # stored as the history, below
        "history": st.lists(
            st.fixed_dictionaries(
                {"date": st.dates(), "status": st.sampled_from(list(records.STATUSES))},
                optional={"note": TEXT},
            ),
            min_size=1,
            max_size=4,
        ),
        "interviews": st.lists(
            st.fixed_dictionaries(
                {"at": st.dates() | DATETIME},
                optional={"round": TEXT, "questions": st.lists(TEXT, min_size=1, max_size=2)},
            ),
            min_size=1,
            max_size=2,
        ),
    },
    "offers": {
        "bonus": TEXT | st.builds(lambda a, c: {"amount": a, "currency": c}, AMOUNT, CURRENCY),
        "ratings": st.dictionaries(TEXT, st.integers(1, 5), min_size=1, max_size=3),
        "needs": st.dictionaries(
            TEXT, st.sampled_from(["met", "partly", "missed"]), min_size=1, max_size=2
        ),
        "negotiation": st.lists(
            st.fixed_dictionaries({"asked": TEXT}, optional={"date": st.dates(), "answer": TEXT}),
            min_size=1,
            max_size=2,
        ),
    },
}


def typed_records(question: Question) -> st.SearchStrategy[list[dict[str, Any]]]:
    name = question.record_type or ""
    special = NESTED[name]
    optional = {f.id: value_for(f) for f in question.record_fields if f.id not in special}
    optional |= {key: strategy for key, strategy in special.items() if key != "status"}
    record = st.fixed_dictionaries({}, optional=optional)
    prefix = records.TYPES[name].prefix

    def numbered(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
        return [{"id": f"{prefix}{n}", **item} for n, item in enumerate(items, start=1)]

    return st.lists(record, min_size=1, max_size=3).map(numbered)


def answers_for(stage: StageDefinition) -> st.SearchStrategy[dict[str, Any]]:
    return st.fixed_dictionaries({}, optional={q.id: value_for(q) for q in stage.questions})


@pytest.fixture
def home(tmp_path: Path) -> Home:
    home = Home(tmp_path / "property-home")
    if not home.exists():
        home.create(definition.resolve("default"), now=datetime(2026, 11, 1))
    return home


@pytest.mark.parametrize("stage_id", BOOK.stage_ids)
@SETTINGS
@given(data=st.data())
def test_answers_round_trip_through_toml(home: Home, stage_id: str, data: st.DataObject) -> None:
    stage = BOOK.stage(stage_id)
    answers = data.draw(answers_for(stage))
    home.write_answers(stage, answers)
    assert home.read_answers(stage) == answers


@SETTINGS
@given(text=st.text(max_size=300))
def test_any_text_in_a_stage_file_is_read_or_reported(home: Home, text: str) -> None:
    path = home.stage_file("exploration")
    tomlio.ensure_dir(path.parent)
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    try:
        home.load()
    except InvalidFiles as error:
        assert error.problems
        assert all(problem.file == path for problem in error.problems)


TOML_VALUE = st.recursive(
    st.booleans()
    | st.integers(-(2**63), 2**63 - 1)
    | st.floats(allow_nan=False)
    | TEXT
    | st.dates(),
    lambda children: (
        st.lists(children, max_size=3)
        | st.dictionaries(
            st.text(string.ascii_lowercase + "_", min_size=1, max_size=8), children, max_size=3
        )
    ),
    max_leaves=8,
)
KEYS = st.sampled_from([q.id for q in BOOK.stage("diving-deeper").questions] + ["other"])


@SETTINGS
@given(data=st.dictionaries(KEYS, TOML_VALUE, max_size=4))
def test_any_well_formed_but_wrong_data_is_reported_with_its_field(
    home: Home, data: dict[str, Any]
) -> None:
    path = home.stage_file("diving-deeper")
    path.parent.mkdir(exist_ok=True)
    path.write_text(tomlio.dumps(data))
    try:
        home.load()
    except InvalidFiles as error:
        for problem in error.problems:
            assert problem.file == path
            assert problem.field is None or problem.field.split(".")[0].split("[")[0] in data


@SETTINGS
@given(
    text=st.text(max_size=200), loc=st.lists(st.text(max_size=5) | st.integers(0, 3), max_size=4)
)
def test_finding_a_line_never_fails(text: str, loc: list[str | int]) -> None:
    line = tomlio.line_of(text, tuple(loc))
    assert line is None or 1 <= line <= max(1, len(text.splitlines()))
