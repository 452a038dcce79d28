"""The rules of record changes, as pure functions over stored records: application moves,
logging a conversation, negotiating, the leaving-well checklist, and offer weights."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from careerpath.core.errors import InvalidInput
from careerpath.tracking import scoring, tracker

from conftest import TODAY

EARLIER = dt.date(2026, 11, 10)


def application(*statuses: str) -> dict[str, Any]:
    return {"id": "a1", "history": [{"date": EARLIER, "status": s} for s in statuses]}


# --- moves that follow from something else ---------------------------------------------------


@pytest.mark.parametrize(
    ("statuses", "to", "moved_from"),
    [
        ((), "interviewing", "interested"),  # an interview: applied, whatever the file says
        (("applied",), "interviewing", "applied"),
        (("applied", "screening"), "interviewing", "screening"),
        (("applied", "interviewing"), "interviewing", None),  # already there
        (("applied", "offer"), "interviewing", None),  # never back
        (("applied", "interviewing"), "offer", "interviewing"),
        (("applied", "offer"), "accepted", "offer"),
        (("applied", "offer"), "withdrawn", "offer"),  # an offer declined
        (("applied", "rejected"), "interviewing", None),  # never once it ended
        (("applied", "offer", "accepted"), "withdrawn", None),
    ],
)
def test_a_move_that_follows_from_something_else_only_goes_forward(
    statuses: tuple[str, ...], to: Any, moved_from: str | None
) -> None:
    app = application(*statuses)
    assert tracker.follow(app, to, TODAY) == moved_from
    if moved_from is None:
        assert len(app["history"]) == len(statuses)
    else:
        assert app["history"][-1] == {"date": TODAY, "status": to}


def test_answering_an_offer_takes_its_application_to_accepted_or_withdrawn() -> None:
    assert tracker.OFFER_ANSWERS == {"accepted": "accepted", "declined": "withdrawn"}


# --- moves a person makes --------------------------------------------------------------------


def test_a_move_forward_or_to_an_ending_is_allowed() -> None:
    tracker.check_move(application("applied"), "interviewing", TODAY, False, "applying")
    tracker.check_move(application("applied", "screening"), "rejected", TODAY, False, "applying")


@pytest.mark.parametrize(
    ("statuses", "new", "day", "says"),
    [
        (("applied",), "applied", TODAY, "it is already applied"),
        (("applied", "screening"), "applied", TODAY, "that moves it backwards"),
        (("applied", "accepted"), "withdrawn", TODAY, "it is accepted"),
        (("applied",), "screening", dt.date(2026, 11, 1), "the last move was on 2026-11-10"),
    ],
)
def test_a_move_back_after_accepting_or_dated_too_early_is_refused(
    statuses: tuple[str, ...], new: Any, day: dt.date, says: str
) -> None:
    with pytest.raises(InvalidInput, match=says):
        tracker.check_move(application(*statuses), new, day, False, "applying")


def test_force_allows_a_move_back_but_not_one_dated_before_the_last() -> None:
    tracker.check_move(application("applied", "screening"), "applied", TODAY, True, "applying")
    with pytest.raises(InvalidInput, match="the last move was on") as refused:
        tracker.check_move(
            application("applied"), "screening", dt.date(2026, 1, 1), True, "applying"
        )
    assert "`careerpath edit applying`" in str(refused.value.hint)


def test_a_move_is_added_to_the_history_with_its_note() -> None:
    app = application("applied")
    assert tracker.move(app, "screening", TODAY, "phone call") == "applied"
    assert app["history"][-1] == {"date": TODAY, "status": "screening", "note": "phone call"}


# --- contacts --------------------------------------------------------------------------------


def test_a_conversation_replaces_the_open_next_step_and_moves_the_contact_on() -> None:
    contact = {"id": "c1", "next_step": "Ask", "follow_up": EARLIER, "snoozed": TODAY}
    talk = {"date": TODAY, "summary": "Coffee", "next_step": "Send CV", "follow_up": None}
    assert tracker.log_conversation(contact, talk, None) == ("Ask", TODAY)
    assert contact["status"] == "talked"
    assert (contact["next_step"], "follow_up" in contact, "snoozed" in contact) == (
        "Send CV",
        False,
        False,
    )
    assert contact["conversations"] == [
        {"date": TODAY, "summary": "Coffee", "next_step": "Send CV"}
    ]


@pytest.mark.parametrize(
    ("before", "given", "after"),
    [
        (None, None, "talked"),
        ("reached out", None, "talked"),
        ("keep in touch", None, "keep in touch"),  # further on stays
        ("talked", "closed", "closed"),
    ],
)
def test_a_conversation_moves_a_contact_to_talked_unless_further_on(
    before: str | None, given: str | None, after: str
) -> None:
    contact = {"id": "c1", **({"status": before} if before else {})}
    tracker.log_conversation(contact, {"date": TODAY}, given)
    assert contact["status"] == after


def test_a_follow_up_answered_after_logging_becomes_the_open_one() -> None:
    contact: dict[str, Any] = {"id": "c1"}
    tracker.log_conversation(contact, {"date": TODAY, "summary": "Call"}, None)
    tracker.add_to_conversation(contact, "follow_up", EARLIER)
    assert (contact["next_step"], contact["follow_up"]) == ("follow up", EARLIER)
    assert contact["conversations"][-1]["follow_up"] == EARLIER
    tracker.add_to_conversation(contact, "next_step", None)  # skipped: nothing changes
    assert contact["next_step"] == "follow up"


def test_a_new_date_for_a_next_step_ends_its_snooze() -> None:
    app = {"next_action": "Chase", "next_action_due": EARLIER, "snoozed": TODAY}
    tracker.set_next_step("applications", app, None, None)
    assert app["snoozed"] == TODAY
    tracker.set_next_step("applications", app, None, TODAY)
    assert app == {"next_action": "Chase", "next_action_due": TODAY}
    tracker.clear_next_step("applications", app)
    assert app == {}


# --- offers ----------------------------------------------------------------------------------


def test_negotiating_logs_asks_and_answers_and_marks_the_offer() -> None:
    offer: dict[str, Any] = {"id": "o1"}
    tracker.negotiate(offer, TODAY, "62k", None)
    tracker.negotiate(offer, TODAY, None, "60k")
    assert offer["negotiation"] == [{"date": TODAY, "asked": "62k", "answer": "60k"}]
    assert offer["status"] == "negotiating"
    with pytest.raises(InvalidInput, match="no ask waiting"):
        tracker.negotiate(offer, TODAY, None, "again")
    offer["status"] = "accepted"
    tracker.negotiate(offer, TODAY, "a later ask", None)
    assert offer["status"] == "accepted"


def test_weights_are_matched_to_the_needs_in_any_case() -> None:
    found = [scoring.Criterion("income_floor", "Income floor", "pay", 5, {}, "")]
    assert scoring.weights_for({"Income_Floor": 2}, found) == {"income_floor": 2}
    with pytest.raises(InvalidInput, match="'fame' is not one of the needs"):
        scoring.weights_for({"fame": 2}, found)


# --- the leaving-well checklist --------------------------------------------------------------

CHECKLIST = ["Given notice in writing", "Written handover notes", "Asked for references"]


def test_a_checklist_item_is_named_by_a_few_of_its_words() -> None:
    assert tracker.checklist_item(CHECKLIST, "NOTICE") == "Given notice in writing"
    with pytest.raises(InvalidInput, match="matches several items"):
        tracker.checklist_item(CHECKLIST, "writ")
    with pytest.raises(InvalidInput, match="is not on the checklist"):
        tracker.checklist_item(CHECKLIST, "pension")


def test_ticking_keeps_the_checklist_order() -> None:
    ticked = tracker.tick(CHECKLIST, ["Asked for references"], [CHECKLIST[0]], [])
    assert ticked == ["Given notice in writing", "Asked for references"]
    assert tracker.tick(CHECKLIST, ticked, [], ["Asked for references"]) == [CHECKLIST[0]]
