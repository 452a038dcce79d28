"""Workbook definitions: the built-in one, a coach's own, and broken ones reported before asking."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from datetime import date
from pathlib import Path
from typing import Any, get_args

import pytest

from careerpath.core.errors import InvalidFiles, NotFound
from careerpath.workbook import definition
from careerpath.workbook.builtins import builtin_names
from careerpath.workbook.definition import Kind, Question, RecordTypeName, WorkbookDefinition

TODAY = date(2026, 11, 25)

SMALL = """\
schema_version = 1
id = "coach-mini"
version = "1"
title = "Mini"
intro = "Two stages, to try things out."

[[stages]]
id = "one"
title = "One"
intro = "The first stage."

[[stages.questions]]
id = "name"
kind = "text"
prompt = "Your name?"

[[stages.questions]]
id = "colour"
kind = "choice"
prompt = "Favourite colour?"
choices = ["red", "blue"]
required = false

[[stages]]
id = "two"
title = "Two"
intro = "The second stage."

[[stages.questions]]
id = "jobs"
kind = "records"
item = "job"
prompt = "Jobs?"

  [[stages.questions.fields]]
  id = "title"
  kind = "text"
  prompt = "Title"
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "coach.toml"
    path.write_text(text)
    return path


def problems(tmp_path: Path, text: str) -> list[str]:
    with pytest.raises(InvalidFiles) as caught:
        definition.load(write(tmp_path, text))
    return [str(problem) for problem in caught.value.problems]


def test_builtin_workbook_has_the_five_stages_in_order(book: WorkbookDefinition) -> None:
    assert book.stage_ids == ["exploration", "diving-deeper", "networking", "applying", "closing"]


def test_every_builtin_stage_says_what_it_is_for(book: WorkbookDefinition) -> None:
    for stage in book.stages:
        sentences = [s for s in stage.intro.replace("\n", " ").split(". ") if s.strip()]
        assert 2 <= len(sentences) <= 4, stage.id


def test_builtin_workbook_uses_every_question_kind(book: WorkbookDefinition) -> None:
    kinds = {q.kind for s in book.stages for q in s.questions}
    kinds |= {
        f.kind
        for s in book.stages
        for q in s.questions
        if q.kind == "records"
        for f in q.record_fields
    }
    assert kinds >= {
        "text",
        "long_text",
        "choice",
        "multi_choice",
        "ranking",
        "scale",
        "number",
        "money",
        "money_range",
        "date",
        "list",
        "records",
        "weights",
    }


def test_a_coachs_own_workbook_loads(tmp_path: Path) -> None:
    book = definition.load(write(tmp_path, SMALL))
    assert book.stage_ids == ["one", "two"]
    assert book.stage("two").question("jobs").kind == "records"


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            ('kind = "choice"', 'kind = "colour"'),
            ":19: stages.one.questions.colour.kind: input should be 'text', 'long_text',",
        ),
        (
            ('choices = ["red", "blue"]', 'choices = ["red", "blue"]\nmin = 3'),
            ":17: stages.one.questions.colour: min does not apply to a 'choice' question",
        ),
        (
            ('choices = ["red", "blue"]', ""),
            ":17: stages.one.questions.colour: a 'choice' question needs choices",
        ),
        (('item = "job"', ""), ":29: stages.two.questions.jobs: a 'records' question needs item"),
        (
            ('id = "colour"', 'id = "name"'),
            "stages.one.questions: Value error, 'name' is listed twice",
        ),
        (
            ('choices = ["red", "blue"]', "choices = []"),
            ":21: stages.one.questions.colour.choices: list should have at least 2 items",
        ),
        (
            ('prompt = "Title"', 'prompt = "Title"\n  colour = "red"'),
            ":39: stages.two.questions.jobs.fields.title.colour: unknown key",
        ),
        (('title = "Mini"', ""), "coach.toml: title: is missing"),
    ],
)
def test_broken_definitions_name_file_line_and_field(
    tmp_path: Path, change: tuple[str, str], expected: str
) -> None:
    found = problems(tmp_path, SMALL.replace(*change, 1))
    assert any(expected.replace("Value error, ", "") in p for p in found), found


def test_broken_toml_in_a_definition_names_the_line(tmp_path: Path) -> None:
    found = problems(tmp_path, SMALL.replace('title = "One"', 'title = "One'))
    assert found == [f"{tmp_path / 'coach.toml'}:9: is not valid TOML: Illegal character '\\n'"]


def test_recall_must_point_to_an_earlier_question(tmp_path: Path) -> None:
    text = SMALL.replace('prompt = "Your name?"', 'prompt = "Your name?"\nrecall = ["two.jobs"]')
    found = problems(tmp_path, text)
    assert any("recalls 'two.jobs'" in p for p in found), found


def test_unknown_builtin_and_missing_file_are_clear() -> None:
    with pytest.raises(NotFound, match="no built-in workbook called 'nope'"):
        definition.resolve("nope")
    with pytest.raises(NotFound, match="no workbook definition file"):
        definition.resolve("missing/coach.toml")


def test_unknown_stage_lists_the_real_ones(book: WorkbookDefinition) -> None:
    with pytest.raises(NotFound) as caught:
        book.stage("explore")
    assert caught.value.hint == (
        "The stages are: exploration, diving-deeper, networking, applying, closing."
    )


# --- every question kind: typed text in, value out, and back ---------------------------------


def question(kind: str, **extra: Any) -> Any:
    raw = {"id": "q", "prompt": "?", "kind": kind, **extra}
    stage = definition.StageDefinition.model_validate(
        {"id": "s", "title": "S", "intro": "I.", "questions": [raw]}
    )
    return stage.questions[0]


KINDS = [
    ("text", {}, "  hello  ", "hello"),
    ("long_text", {}, "line one\nline two", "line one\nline two"),
    ("choice", {"choices": ["Red", "Blue"]}, "blue", "Blue"),
    ("multi_choice", {"choices": ["Red", "Blue", "Green"]}, "green, red", ["Green", "Red"]),
    ("ranking", {"choices": ["A", "B", "C"], "top": 2}, "c, a", ["C", "A"]),
    ("scale", {}, "4", 4),
    ("yes_no", {}, "Yes", True),
    ("number", {"integer": True, "min": 0, "max": 10}, "7", 7),
    ("money", {"currency": "EUR"}, "45k", {"amount": 45000.0, "currency": "EUR"}),
    (
        "money_range",
        {},
        "50k-60k GBP per month",
        {"low": 50000.0, "high": 60000.0, "currency": "GBP", "period": "month"},
    ),
    ("date", {}, "2w", date(2026, 12, 9)),
    ("list", {}, "one\n\n two \n", ["one", "two"]),
]


@pytest.mark.parametrize(("kind", "extra", "typed", "value"), KINDS)
def test_each_kind_parses_what_is_typed(kind: str, extra: Any, typed: str, value: Any) -> None:
    q = question(kind, **extra)
    assert q.parse(typed, TODAY) == value
    assert q.is_answered(value)
    # What an edit prompt shows reads back as the same value.
    assert q.parse(q.as_text(value), TODAY) == value


@pytest.mark.parametrize(("kind", "extra", "typed", "value"), KINDS)
def test_blank_is_no_answer(kind: str, extra: Any, typed: str, value: Any) -> None:
    assert question(kind, **extra).parse("   ", TODAY) is None


@pytest.mark.parametrize(
    ("kind", "extra", "typed", "says"),
    [
        ("choice", {"choices": ["Red", "Blue"]}, "purple", "not one of: Red, Blue"),
        ("multi_choice", {"choices": ["Red", "Blue"]}, "red, red", "given twice"),
        ("ranking", {"choices": ["A", "B", "C"], "top": 1}, "a, b", "at most 1"),
        ("scale", {}, "6", "from 1 to 5"),
        ("yes_no", {}, "maybe", "yes or no"),
        ("number", {"min": 1, "max": 80}, "81", "largest answer here is 80"),
        ("number", {"min": 1}, "0", "smallest answer here is 1"),
        ("money_range", {"currency": "EUR"}, "9-1", "above the high end"),
        ("date", {}, "2026-02-30", "not a real date"),
    ],
)
def test_each_kind_explains_bad_input(kind: str, extra: Any, typed: str, says: str) -> None:
    with pytest.raises(ValueError, match=says):
        question(kind, **extra).parse(typed, TODAY)


def test_fill_in_file_is_valid_and_answers_nothing_until_filled(book: WorkbookDefinition) -> None:
    for stage in book.stages:
        text = definition.stage_fill_in(stage)
        assert tomllib.loads(text) == {}
        assert f"careerpath next --stage {stage.id} --answers" in text
        for q in stage.questions:
            assert q.prompt in text


def test_fill_in_file_uncommented_is_a_valid_answers_file(book: WorkbookDefinition) -> None:
    stage = book.stage("exploration")
    lines = definition.stage_fill_in(stage).splitlines()
    first_key = next(i for i, line in enumerate(lines) if line.startswith("# where_now = "))
    uncommented = [
        line[2:] if first_key <= i <= first_key + 2 else line for i, line in enumerate(lines)
    ]
    answers = tomllib.loads("\n".join(uncommented))
    assert answers == {"where_now": "...\n"}
    stage.answers_model.model_validate(answers)


# --- built-in record types register from the tracking layer -------------------------------------


def test_every_built_in_record_type_is_registered_once_tracking_is_imported() -> None:
    items = {name: definition.record_kind(name).item for name in get_args(RecordTypeName)}
    assert items == {
        "targets": "target job",
        "contacts": "contact",
        "applications": "application",
        "offers": "offer",
    }


def test_reading_a_workbook_without_its_record_types_says_what_to_import() -> None:
    """A fresh interpreter that never imported careerpath.tracking cannot check answers of the
    built-in workbook; it says why instead of failing somewhere deep inside."""
    script = (
        "from careerpath.workbook import definition; "
        "definition.load_builtin().stage('diving-deeper').answers_model"
    )
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert run.returncode == 1
    assert "the record type 'targets' is not registered" in run.stderr
    assert "import careerpath.tracking.records" in run.stderr


def test_the_command_line_registers_the_record_types_before_it_reads_a_workbook() -> None:
    """In its own process (the tests' conftest imports tracking for everything else)."""
    run = subprocess.run(
        [sys.executable, "-m", "careerpath", "questions", "networking", "--format", "json"],
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, run.stderr
    assert "contact" in run.stdout


# --- every kind, through every path ----------------------------------------------------------

KIND_SETTINGS: dict[str, dict[str, Any]] = {
    "choice": {"choices": ["Office", "Remote"]},
    "multi_choice": {"choices": ["Office", "Remote"]},
    "ranking": {"choices": ["Autonomy", "Income", "Security"]},
    "ratings": {"choices": ["Autonomy", "Income", "Security"]},
    "records": {"item": "thing", "fields": [{"id": "name", "kind": "text", "prompt": "Name"}]},
}


def test_every_way_of_asking_has_an_asker_at_the_prompts() -> None:
    from careerpath.workbook import prompts
    from careerpath.workbook.definition import PromptStyle

    assert set(prompts._ASKERS) == set(get_args(PromptStyle))


@pytest.mark.parametrize("kind", get_args(Kind))
def test_every_kind_has_its_stored_type_example_parser_rendering_and_prompt(kind: str) -> None:
    from pydantic import TypeAdapter

    from careerpath.workbook import prompts

    question = Question.model_validate(
        {"id": "q", "kind": kind, "prompt": "Q?", **KIND_SETTINGS.get(kind, {})}
    )
    assert question.rules.prompt in prompts._ASKERS
    assert question.describe()
    if kind == "records":
        return  # typed field by field; its fill-in example is an array of tables
    value = tomllib.loads(f"x = {question.example()}")["x"]
    stored = TypeAdapter(question.value_type()).validate_python(value)
    assert question.is_answered(stored)
    shown = question.format(stored)
    assert shown
    again = question.parse(question.as_text(stored), TODAY)
    assert question.format(again).strip() == shown.strip()  # typed text is stripped


# --- questions that wait for their moment ----------------------------------------------------

WAITS = SMALL.replace(
    'choices = ["red", "blue"]\nrequired = false\n',
    'choices = ["red", "blue"]\nrequired = false\n'
    'after = { question = "two.jobs", having = ["title"], until = "you have a job" }\n',
)


def test_a_question_may_wait_for_records_of_a_later_stage(tmp_path: Path) -> None:
    book = definition.load(write(tmp_path, WAITS))
    moment = book.stage("one").question("colour").after
    assert moment is not None and moment.until == "you have a job"


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (("two.jobs", "two.nope"), "'two.nope' is not a question of this workbook"),
        (("two.jobs", "name"), "'name' is a 'text' question"),
        (('["title"]', '["salary"]'), "jobs have no field salary"),
        (
            ('having = ["title"]', 'status = ["hired"]'),
            "'hired' is not a status of jobs (none: they have no status)",
        ),
    ],
)
def test_a_moment_that_cannot_come_is_refused_at_load(
    tmp_path: Path, change: tuple[str, str], expected: str
) -> None:
    found = problems(tmp_path, WAITS.replace(*change))
    assert any(expected in problem for problem in found), found


def test_a_builtin_moment_names_statuses_of_applications(tmp_path: Path) -> None:
    text = (definition.builtin_dir() / "default.toml").read_text()
    broken = text.replace('"interviewing", "offer", "accepted"]', '"interview"]')
    found = problems(tmp_path, broken)
    assert any("'interview' is not a status of applications (interested" in p for p in found)


@pytest.mark.parametrize("name", builtin_names())
def test_the_shipped_workbooks_samples_are_answers_to_their_questions(name: str) -> None:
    """Checked here, not on every run (``load_builtin`` skips it for careerpath's own)."""
    from careerpath.workbook.definition import load, resolve

    book = load(resolve(name))  # fully: every sample through its question's type
    assert any(q.sample for stage in book.stages for q in stage.questions)


def test_a_sample_that_is_no_answer_is_refused_in_a_coachs_workbook(tmp_path: Path) -> None:
    from careerpath.core.errors import InvalidFiles
    from careerpath.workbook.definition import load, resolve

    text = resolve("default").read_text(encoding="utf-8")
    assert "sample = " in text
    broken = tmp_path / "coach.toml"
    first = text.index("sample = ")
    end = text.index("\n", first)
    broken.write_text(text[:first] + 'sample = "not a date or number" ' + text[end:])
    with pytest.raises(InvalidFiles):
        load(broken)
