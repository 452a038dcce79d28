"""Typed records: their stored shape, ids, older files still read, and finding a record by
what a person types."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pydantic
import pytest
from pydantic import ValidationError

from careerpath.core.errors import InvalidFiles, InvalidInput, NotFound
from careerpath.tracking import records
from careerpath.tracking.records import Application, Contact, Offer
from careerpath.workbook import definition
from careerpath.workbook.definition import WorkbookDefinition
from careerpath.workbook.home import Home

from conftest import TODAY

NOW = dt.datetime(2026, 11, 1, 9)


@pytest.fixture
def home(home_dir: Path) -> Home:
    home = Home(home_dir)
    home.create(definition.resolve("default"), now=NOW)
    return home


def test_the_default_workbook_uses_the_four_record_types(book: WorkbookDefinition) -> None:
    found = {q.record_type: (s.id, q.id) for s in book.stages for q in s.questions}
    assert found["targets"] == ("diving-deeper", "targets")
    assert found["contacts"] == ("networking", "contacts")
    assert found["applications"] == ("applying", "applications")
    assert found["offers"] == ("closing", "offers")


def test_a_status_key_from_an_older_file_becomes_the_history() -> None:
    app = Application.model_validate(
        {"employer": "Acme", "role": "UX", "status": "screening", "applied_on": TODAY}
    )
    assert [(m.date, m.status) for m in app.history or []] == [
        (TODAY, "applied"),
        (None, "screening"),
    ]
    assert app.status == "screening"
    assert "status" not in app.model_dump(exclude_none=True)


def test_the_status_is_the_last_move_and_interested_before_any() -> None:
    assert Application.model_validate({"employer": "Acme"}).status == "interested"
    app = Application.model_validate(
        {"history": [{"date": TODAY, "status": "applied"}, {"date": TODAY, "status": "rejected"}]}
    )
    assert app.status == "rejected"
    assert app.is_finished


def test_a_status_that_contradicts_the_history_is_an_error() -> None:
    with pytest.raises(ValidationError, match="the history decides"):
        Application.model_validate(
            {"status": "offer", "history": [{"date": TODAY, "status": "applied"}]}
        )
    with pytest.raises(ValidationError, match="'hired' is not in the pipeline"):
        Application.model_validate({"status": "hired"})


def test_warmth_written_the_long_way_is_read_the_short_way() -> None:
    assert Contact.model_validate({"warmth": "warm: I know them"}).warmth == "warm"
    assert Contact.model_validate({"warmth": "cold"}).warmth == "cold"
    with pytest.raises(ValidationError):
        Contact.model_validate({"warmth": "lukewarm"})


def test_an_id_must_have_the_right_prefix() -> None:
    with pytest.raises(ValidationError, match="an id here is 'c' and a number"):
        Contact.model_validate({"id": "a1", "name": "Sam"})


def test_records_without_ids_are_numbered_after_the_highest(home: Home) -> None:
    stage = home.load().definition.stage("networking")
    home.update_answers(
        stage, lambda a: a.update(contacts=[{"id": "c7", "name": "A"}, {"name": "B"}])
    )
    assert [c["id"] for c in home.read_answers(stage)["contacts"]] == ["c7", "c8"]


def test_the_same_id_twice_is_reported_with_file_and_line(home: Home) -> None:
    path = home.stage_file("networking")
    path.parent.mkdir(exist_ok=True)
    path.write_text('[[contacts]]\nid = "c1"\nname = "A"\n\n[[contacts]]\nid = "c1"\nname = "B"\n')
    with pytest.raises(InvalidFiles) as caught:
        home.load()
    (problem,) = caught.value.problems
    assert problem.field == "contacts"
    assert problem.line == 1
    assert "the id c1 is given to two records" in problem.message


def test_a_wrong_value_deep_in_a_record_names_the_record_by_id(home: Home) -> None:
    path = home.stage_file("applying")
    path.parent.mkdir(exist_ok=True)
    path.write_text(
        '[[applications]]\nid = "a3"\nemployer = "Acme"\n\n'
        '[[applications.history]]\ndate = 2026-11-01\nstatus = "hired"\n'
    )
    with pytest.raises(InvalidFiles) as caught:
        home.load()
    (problem,) = caught.value.problems
    assert problem.field == "applications.a3.history[1].status"
    assert problem.line == 7


def test_next_number_never_goes_below_the_highest_given() -> None:
    stored = [{"id": "a1"}, {"id": "a4"}]
    assert records.next_number(stored, "a") == 5
    assert records.next_number(stored, "a", floor=9) == 10
    assert records.next_number([], "a") == 1


CONTACTS = [
    {"id": "c1", "name": "Sam Lee", "organisation": "Acme"},
    {"id": "c3", "name": "Sam Lee", "organisation": "Beta"},
    {"id": "c4", "name": "Jo Park", "organisation": "Initech"},
    {"id": "c5", "name": "Samantha Ng"},
]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("c4", "c4"),
        ("C4", "c4"),
        ("jo park", "c4"),
        ("initech", "c4"),
        ("samantha", "c5"),
        ("sam lee (beta)", "c3"),
    ],
)
def test_a_record_is_found_by_id_or_name_in_any_case(query: str, expected: str) -> None:
    assert records.find("contacts", CONTACTS, query)["id"] == expected


def test_an_ambiguous_name_lists_the_candidates() -> None:
    with pytest.raises(InvalidInput) as caught:
        records.find("contacts", CONTACTS, "sam lee")
    assert caught.value.message == (
        "'sam lee' is ambiguous: it matches c1 Sam Lee (Acme), c3 Sam Lee (Beta)"
    )
    assert "careerpath contact show c1" in (caught.value.hint or "")


def test_an_unknown_id_or_name_says_where_to_look() -> None:
    with pytest.raises(NotFound, match="there is no contact c9"):
        records.find("contacts", CONTACTS, "c9")
    with pytest.raises(NotFound, match="no contact matches 'Zed'") as caught:
        records.find("contacts", CONTACTS, "Zed")
    assert caught.value.hint == "`careerpath contact list` shows them with their ids."


def test_statuses_are_matched_loosely_and_explained_when_wrong() -> None:
    assert records.match_status("No-Response") == "no response"
    with pytest.raises(InvalidInput, match="'hired' is not a status") as caught:
        records.match_status("hired")
    assert "interested → applied → screening" in (caught.value.hint or "")


def test_pairs_are_read_and_checked() -> None:
    assert records.parse_pairs(["Autonomy=4", "Income=2, Variety=5"], low=1, high=5, what="x") == {
        "Autonomy": 4,
        "Income": 2,
        "Variety": 5,
    }
    with pytest.raises(InvalidInput, match="go from 1 to 5"):
        records.parse_pairs(["Autonomy=9"], low=1, high=5, what="ratings")
    with pytest.raises(InvalidInput, match=r"write ratings as NAME=1\.\.5"):
        records.parse_pairs(["Autonomy"], low=1, high=5, what="ratings")


def test_next_saves_an_application_status_as_a_new_history_entry() -> None:
    record: dict[str, Any] = {"history": [{"date": dt.date(2026, 11, 1), "status": "applied"}]}
    records.set_field("applications", record, "status", "applied", TODAY)
    assert len(record["history"]) == 1  # unchanged: no move
    records.set_field("applications", record, "status", "screening", TODAY)
    assert record["history"][-1] == {"date": TODAY, "status": "screening"}
    assert records.get_field("applications", record, "status") == "screening"


def test_next_saves_ratings_by_value_and_a_bonus_as_money_when_it_is_one() -> None:
    target: dict[str, Any] = {}
    records.set_field("targets", target, "fit", {"Autonomy": 4}, TODAY)
    assert target == {"fit": {"Autonomy": 4}}
    assert records.get_field("targets", target, "fit") == {"Autonomy": 4}
    records.set_field("targets", target, "fit", None, TODAY)
    assert target == {}
    offer: dict[str, Any] = {}
    records.set_field("offers", offer, "bonus", "5000 EUR", TODAY)
    assert offer["bonus"] == {"amount": 5000.0, "currency": "EUR"}
    assert records.get_field("offers", offer, "bonus") == "5,000 EUR"
    records.set_field("offers", offer, "bonus", "10% on target", TODAY)
    assert offer["bonus"] == "10% on target"
    assert Offer.model_validate(offer).bonus == "10% on target"


def test_a_records_question_with_a_type_cannot_also_list_fields(tmp_path: Path) -> None:
    raw = {
        "id": "s",
        "title": "S",
        "intro": "I.",
        "questions": [
            {
                "id": "jobs",
                "kind": "records",
                "prompt": "?",
                "record_type": "targets",
                "fields": [{"id": "title", "kind": "text", "prompt": "T"}],
            }
        ],
    }
    with pytest.raises(ValidationError, match="has built-in fields"):
        definition.StageDefinition.model_validate(raw)
    raw["questions"][0].pop("fields")
    question = definition.StageDefinition.model_validate(raw).questions[0]
    assert question.item == "target job"
    assert question.record_fields[0].id == "title"


def test_a_new_date_for_the_next_step_typed_at_a_prompt_ends_its_snooze() -> None:
    contact = {"id": "c1", "follow_up": TODAY, "snoozed": dt.date(2026, 12, 5)}
    records.set_field("contacts", contact, "next_step", "Call", TODAY)
    assert "snoozed" in contact
    records.set_field("contacts", contact, "follow_up", None, TODAY)
    assert contact == {"id": "c1", "next_step": "Call"}
    Contact.model_validate(contact)


@pytest.mark.parametrize(
    ("name", "record", "shown"),
    [
        ("contacts", {"name": "Sam Lee", "organisation": "Acme"}, "Sam Lee (Acme)"),
        ("contacts", {"name": "Sam Lee"}, "Sam Lee"),
        ("applications", {"employer": "Acme", "role": "UX lead"}, "Acme: UX lead"),
        ("applications", {"employer": "Acme"}, "Acme"),
        ("targets", {"title": "Data scientist"}, "Data scientist"),
    ],
)
def test_a_label_reads_the_same_from_a_stored_record_and_its_model(
    name: str, record: dict[str, object], shown: str
) -> None:
    model = records.TYPES[name].model.model_validate(record)
    assert records.label(name, record) == shown
    assert records.label(name, model) == shown


def test_within_a_read_records_are_shared_views_never_served_stale() -> None:
    stored = [{"id": "a1", "employer": "Acme", "role": "UX lead"}]
    outside = records.models("applications", stored)
    assert isinstance(outside[0], records.Application)  # outside: models, built each call
    assert records.models("applications", stored)[0] is not outside[0]
    with records.reading_only():
        first = records.models("applications", stored)
        assert isinstance(first[0], records.Stored)
        assert records.models("applications", list(stored))[0] is first[0]  # a copy: same
        changed = [{**stored[0], "employer": "Initech"}]  # another record, same id and count
        assert records.models("applications", changed)[0].employer == "Initech"
        assert records.models("applications", stored)[0].employer == "Acme"
        assert records.models("applications", [*stored, {"id": "a2"}])[1].id == "a2"
        assert isinstance(records.models("targets", [{"id": "t1"}])[0], records.Target)
    with records.reading_only():  # a new read makes its own
        assert records.models("applications", stored)[0] is not first[0]


_AS_STORED = {
    "applications": [
        {"id": "a1", "employer": "Acme"},
        {
            "id": "a2",
            "employer": "Initech",
            "role": "UX lead",
            "contact": "c1",
            "next_action": "Send the portfolio",
            "next_action_due": dt.date(2026, 11, 20),
            "snoozed": dt.date(2026, 11, 28),
            "snoozed_until": dt.date(2026, 12, 1),
            "history": [
                {"date": dt.date(2026, 10, 1), "status": "applied"},
                {"date": None, "status": "screening", "note": "a call"},
            ],
            "interviews": [
                {"at": dt.datetime(2026, 11, 26, 10, 0), "round": "1"},
                {"at": dt.date(2026, 12, 3), "done": True},
                {"at": dt.date(2026, 12, 9), "reflection": "Went well."},
            ],
        },
        {"id": "a3", "history": [{"date": dt.date(2026, 9, 1), "status": "rejected"}]},
    ],
    "contacts": [
        {"id": "c1", "name": "Sam Lee"},
        {
            "id": "c2",
            "name": "Ana Ruiz",
            "organisation": "Acme",
            "warmth": "introduced",
            "status": "talked",
            "follow_up": dt.date(2026, 11, 30),
            "snoozed": dt.date(2026, 12, 2),
            "conversations": [
                {"date": dt.date(2026, 11, 2), "summary": "Coffee"},
                {"date": dt.date(2026, 11, 16), "next_step": "Intro", "follow_up": None},
            ],
        },
    ],
}


@pytest.mark.parametrize("name", sorted(_AS_STORED))
def test_a_stored_view_reads_exactly_as_its_model(name: str) -> None:
    """Every field and every property of a view, nested records too, is its model's: the
    report, what is due and the export read views, other commands models."""
    stored = [
        records.TYPES[name].model.model_validate(r).model_dump(exclude_none=True)
        for r in _AS_STORED[name]
    ]
    built = records.models(name, stored)
    with records.reading_only():
        views = records.models(name, stored)

    def same(view: object, model: pydantic.BaseModel) -> None:
        kind = type(model)
        for field in kind.model_fields:
            mine, theirs = getattr(view, field), getattr(model, field)
            if isinstance(theirs, list) and theirs and isinstance(theirs[0], pydantic.BaseModel):
                assert len(mine) == len(theirs)
                for inner_view, inner_model in zip(mine, theirs, strict=True):
                    same(inner_view, inner_model)
            else:
                assert mine == theirs, field
        properties = [n for c in kind.__mro__ if c.__module__ == records.__name__
                      for n, v in vars(c).items() if isinstance(v, property)]  # fmt: skip
        assert properties or kind is not records.Application
        for prop in properties:
            assert getattr(view, prop) == getattr(model, prop), prop

    for view, model in zip(views, built, strict=True):
        same(view, model)
        assert records.label(name, view) == records.label(name, model)
    with pytest.raises(AttributeError):
        _ = views[0].no_such_field
    with pytest.raises(AttributeError):
        views[0].employer = "Changed"
    # Reading it, nested records too, changed nothing of what is stored.
    assert stored == [
        records.TYPES[name].model.model_validate(r).model_dump(exclude_none=True)
        for r in _AS_STORED[name]
    ]
