"""The rules over records: funnel and response rates, staleness, outreach, fit, offer scores."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from careerpath.core.money import Money
from careerpath.tracking import scoring
from careerpath.tracking.records import Application, Contact, Offer, Target
from careerpath.workbook.definition import StageDefinition, WorkbookDefinition

from conftest import TODAY

VALUES = ["Autonomy", "Helping others", "Learning and growth", "Income", "Variety"]


def day(offset: int) -> dt.date:
    return TODAY + dt.timedelta(days=offset)


def app(*moves: tuple[int, str], **extra: Any) -> Application:
    history = [{"date": day(offset), "status": status} for offset, status in moves]
    return Application.model_validate({"employer": "E", "role": "R", "history": history, **extra})


# --- funnel ----------------------------------------------------------------------------------


def test_the_funnel_counts_how_far_each_application_got() -> None:
    apps = [
        app((-30, "interested")),
        app((-30, "applied")),
        app((-30, "applied"), (-20, "rejected")),
        app((-30, "applied"), (-25, "screening"), (-20, "interviewing"), (-5, "offer")),
        app((-30, "applied"), (-10, "interviewing")),  # skipped screening: it passed it
        app((-30, "applied"), (-9, "no response")),
        app((-30, "interested"), (-29, "withdrawn")),
    ]
    funnel = scoring.funnel(apps)
    assert funnel.total == 7
    assert funnel.reached == {
        "interested": 7,
        "applied": 5,
        "screening": 2,
        "interviewing": 2,
        "offer": 1,
        "accepted": 0,
    }
    assert funnel.now["rejected"] == funnel.now["no response"] == funnel.now["withdrawn"] == 1
    assert funnel.now["applied"] == 1
    # Heard back: the rejection, and the two that got further than applied.
    assert (funnel.applied, funnel.responded, funnel.interviewed, funnel.offered) == (5, 3, 2, 1)
    assert funnel.rate(funnel.responded) == 60
    assert funnel.rate(funnel.offered) == 20


def test_rates_are_none_before_anything_was_sent() -> None:
    funnel = scoring.funnel([app((-1, "interested"))])
    assert funnel.applied == 0
    assert funnel.rate(funnel.responded) is None


# --- staleness -------------------------------------------------------------------------------


def test_an_application_waiting_too_long_is_stale_from_the_day_it_passed_the_limit() -> None:
    waiting = app((-20, "applied"))
    assert scoring.stale_since(waiting, TODAY, 14) == day(-6)
    assert scoring.stale_since(waiting, TODAY, 30) is None


def test_any_movement_resets_the_clock_and_a_booked_interview_counts() -> None:
    assert scoring.stale_since(app((-20, "applied"), (-3, "screening")), TODAY, 14) is None
    booked = app((-20, "applied"), (-20, "interviewing"), interviews=[{"at": day(5)}])
    assert scoring.stale_since(booked, TODAY, 14) is None
    assert scoring.last_movement(booked) == day(5)


def test_only_applications_waiting_on_the_employer_go_stale() -> None:
    for status in ("interested", "offer", "accepted", "rejected", "withdrawn", "no response"):
        assert scoring.stale_since(app((-90, status)), TODAY, 14) is None, status


def test_snoozing_a_stale_application_quiets_it_until_that_day() -> None:
    snoozed = app((-20, "applied"), snoozed_until=day(3))
    assert scoring.stale_since(snoozed, TODAY, 14) is None
    assert scoring.stale_since(snoozed, day(3), 14) == day(3)


def test_an_undated_status_from_a_hand_written_file_is_not_called_stale() -> None:
    undated = Application.model_validate({"status": "applied"})
    assert scoring.stale_since(undated, TODAY, 14) is None


# --- outreach --------------------------------------------------------------------------------


def test_outreach_counts_people_talked_to_this_week_against_the_goal() -> None:
    monday = scoring.week_start(TODAY)
    assert monday.weekday() == 0 and monday <= TODAY
    contacts = [
        Contact.model_validate(
            {
                "id": "c1",
                "conversations": [{"date": monday}, {"date": TODAY}],  # one person, twice
                "status": "talked",
            }
        ),
        Contact.model_validate({"id": "c2", "conversations": [{"date": monday}]}),
        Contact.model_validate({"id": "c3", "conversations": [{"date": monday - dt.timedelta(1)}]}),
        Contact.model_validate({"id": "c4"}),
    ]
    found = scoring.outreach(contacts, TODAY, goal=3)
    assert (found.goal, found.this_week, found.conversations, found.contacts) == (3, 2, 4, 4)
    assert [people for _, people in found.weeks] == [0, 0, 1, 2]
    assert found.by_status["talked"] == 1
    assert found.by_status["to reach out"] == 3


# --- fit -------------------------------------------------------------------------------------


def test_fit_weighs_each_rated_value_by_its_rank() -> None:
    target = Target.model_validate({"fit": {"Autonomy": 5, "Variety": 1}})
    fit = scoring.fit(target, VALUES)
    # Autonomy counts 5, Variety 1: (5*5 + 1*1) / 6.
    assert fit.score == round(26 / 6, 1) == 4.3
    assert (fit.rated, fit.of, fit.basis) == (2, 5, "values")
    assert fit.ratings[0] == ("Autonomy", 5, 5)
    assert fit.ratings[1] == ("Helping others", None, 4)


def test_fit_falls_back_to_the_overall_rating_and_ignores_values_no_longer_ranked() -> None:
    target = Target.model_validate({"fit": {"Leadership": 5}, "values_fit": 2})
    fit = scoring.fit(target, VALUES)
    assert (fit.score, fit.basis) == (2.0, "overall")
    assert scoring.fit(Target(), VALUES).score is None


# --- offers ----------------------------------------------------------------------------------


@pytest.fixture
def exploration(book: WorkbookDefinition) -> StageDefinition:
    return book.stage("exploration")


def recalled(stage: StageDefinition, **answers: Any) -> list[tuple[Any, Any]]:
    return [(stage.question(qid), value) for qid, value in answers.items()]


def test_criteria_come_from_the_persons_own_answers(exploration: StageDefinition) -> None:
    found = scoring.criteria(
        recalled(
            exploration,
            values=["Autonomy", "Income"],
            income_floor={"amount": 42000, "currency": "EUR"},
            work_modes=["Hybrid"],
            hours=32,
            constraints=None,  # not answered: not a criterion
        ),
        weights={"income_floor": 2, "autonomy": 4},
    )
    assert [(c.key, c.kind, c.weight) for c in found] == [
        ("Autonomy", "value", 4),  # the person's weight, matched in any case
        ("Income", "value", 1),
        ("income_floor", "pay", 2),
        ("work_modes", "work_mode", 3),
        ("hours", "hours", 3),
    ]
    assert "Open to relocating" in found[3].choices


def test_offers_are_scored_and_say_what_they_meet_and_miss(exploration: StageDefinition) -> None:
    found = scoring.criteria(
        recalled(
            exploration,
            values=["Autonomy", "Income"],
            income_floor={"amount": 40000, "currency": "EUR"},
            work_modes=["Hybrid", "Fully remote"],
            hours=32,
            constraints="School run on Tuesdays.",
        ),
        weights=None,
    )
    good = Offer.model_validate(
        {
            "employer": "Acme",
            "base_pay": {"amount": 50000, "currency": "EUR"},
            "work_mode": "hybrid",
            "hours": 32,
            "ratings": {"Autonomy": 5, "Income": 3},
            "needs": {"constraints": "met"},
        }
    )
    poor = Offer.model_validate(
        {
            "employer": "Beta",
            "base_pay": {"amount": 38000, "currency": "EUR"},
            "work_mode": "On-site near where I live",
            "hours": 40,
            "ratings": {"Autonomy": 2},
        }
    )
    best, worst = scoring.score_offer(good, found), scoring.score_offer(poor, found)
    assert best.named("met") == [
        "Autonomy",
        "Income floor (per year)",
        "Ways of working open to you",
        "Hours a week",
        "Other constraints",
    ]
    assert best.named("partly") == ["Income"]
    pay = next(c for c in best.checks if c.criterion.kind == "pay")
    assert pay.score == 5.0  # 25% above the floor or more
    assert "+25%" in pay.detail
    assert worst.named("missed") == [
        "Autonomy",
        "Income floor (per year)",
        "Ways of working open to you",
        "Hours a week",
    ]
    assert worst.named("unknown") == ["Income", "Other constraints"]
    # Weighted: values 2 and 1, pay 5, the rest 3 each.
    assert best.score == round((5 * 2 + 3 * 1 + 5 * 5 + 5 * 3 + 5 * 3 + 5 * 3) / 17, 1)
    assert best.score is not None and worst.score is not None and best.score > worst.score


def test_pay_in_another_currency_is_not_guessed(exploration: StageDefinition) -> None:
    found = scoring.criteria(
        recalled(exploration, income_floor={"amount": 40000, "currency": "EUR"}), None
    )
    offer = Offer.model_validate({"base_pay": {"amount": 90000, "currency": "USD"}})
    (check,) = scoring.score_offer(offer, found).checks
    assert check.verdict == "unknown"
    assert check.detail == "not compared"
    assert scoring.pay_against_floor(offer.base_pay, Money(amount=40000, currency="EUR")) == (
        "not compared"
    )


def test_a_weight_of_zero_leaves_a_criterion_out_of_the_score(
    exploration: StageDefinition,
) -> None:
    answers = recalled(exploration, values=["Autonomy", "Income"])
    offer = Offer.model_validate({"ratings": {"Autonomy": 5, "Income": 1}})
    assert scoring.score_offer(offer, scoring.criteria(answers, None)).score == round(11 / 3, 1)
    ignored = scoring.criteria(answers, {"Income": 0})
    assert scoring.score_offer(offer, ignored).score == 5.0
