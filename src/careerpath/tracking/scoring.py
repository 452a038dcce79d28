"""Rules over records: the application funnel and response rates, stale applications, outreach
against the weekly goal, how well a target job fits, and how offers score against the needs a
person named in exploration. Pure functions over the record models; nothing here reads files.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

from careerpath.core.money import Money, MoneyRange, format_money
from careerpath.core.values import format_amount
from careerpath.tracking.records import (
    PIPELINE,
    STALE_AFTER,
    STATUSES,
    Application,
    Contact,
    Offer,
    Target,
)

if TYPE_CHECKING:
    from careerpath.workbook.definition import NamedWeights, Question
    from careerpath.workbook.models import Workbook

WAITING = frozenset({"applied", "screening", "interviewing"})
"""Statuses in which the next move is the employer's, so silence means something."""


# --- the application funnel ------------------------------------------------------------------


def furthest(app: Application) -> int:
    """How far along the pipeline an application got (0 interested … 5 accepted).

    Skipped steps count as passed (applied straight to interviewing reached screening too),
    and a rejection or no response means it was at least applied for."""
    reached = 0
    for move in app.history or []:
        if move.status in PIPELINE:
            reached = max(reached, PIPELINE.index(move.status))
        elif move.status in ("rejected", "no response"):
            reached = max(reached, 1)
    return reached


class Funnel(NamedTuple):
    total: int
    reached: dict[str, int]
    """How many applications reached each pipeline status (or went beyond it)."""
    now: dict[str, int]
    """How many are in each status now (every status, closed ones too)."""
    applied: int
    responded: int
    """Applied and heard back: screening or further, or a rejection."""
    interviewed: int
    offered: int

    def rate(self, part: int) -> int | None:
        """``part`` as a whole percentage of the applications sent; None when none were."""
        return round(100 * part / self.applied) if self.applied else None


def funnel(apps: list[Application]) -> Funnel:
    reached = Counter[str]()
    now = Counter[str]()
    responded = 0
    screening = PIPELINE.index("screening")
    for app in apps:
        far = furthest(app)
        for status in PIPELINE[: far + 1]:
            reached[status] += 1
        now[app.status] += 1
        if far >= screening or any(move.status == "rejected" for move in app.history or []):
            responded += 1
    return Funnel(
        total=len(apps),
        reached={status: reached[status] for status in PIPELINE},
        now={status: now[status] for status in STATUSES},
        applied=reached["applied"],
        responded=responded,
        interviewed=reached["interviewing"],
        offered=reached["offer"],
    )


# --- staleness -------------------------------------------------------------------------------


def stale_after(workbook: Workbook) -> int:
    """The person's own threshold (the applying stage's ``stale_after``), else the
    ``stale_days`` setting (``careerpath config``; 14 days unless set)."""
    from careerpath.tracking.records import locate

    found = locate(workbook.definition, "applications")
    if found is not None:
        value = workbook.answers_for(found[0]).get(STALE_AFTER)
        if isinstance(value, int | float) and value >= 1:
            return int(value)
    from careerpath.core import config

    days: int = config.value("stale_days")
    return days


def last_movement(app: Application) -> dt.date | None:
    """The latest dated thing that happened or is booked: a move or an interview."""
    dates = [move.date for move in app.history or [] if move.date is not None]
    dates += [interview.day for interview in app.interviews or []]
    return max(dates, default=None)


def days_without_news(app: Application, today: dt.date) -> int | None:
    """Days since the last movement (a snooze does not count as news)."""
    last = last_movement(app)
    return (today - last).days if last is not None else None


def stale_since(app: Application, today: dt.date, after_days: int) -> dt.date | None:
    """The day the application became stale, if it is stale today; else None.

    Only applications waiting on the employer (applied, screening, interviewing) go stale,
    ``after_days`` after the last movement, or not before the day it was snoozed until."""
    if app.status not in WAITING:
        return None
    last = last_movement(app)
    if last is None:
        return None
    since = last + dt.timedelta(days=after_days)
    if app.snoozed_until is not None and app.snoozed_until > since:
        since = app.snoozed_until
    return since if since <= today else None


# --- outreach --------------------------------------------------------------------------------


def first_weekday() -> int:
    """The day weeks start on (0 is Monday), from the ``week_start`` setting."""
    from careerpath.core import config

    return config.WEEKDAYS.index(config.value("week_start"))


def week_start(day: dt.date, first: int | None = None) -> dt.date:
    """The first day of ``day``'s week: weeks start on ``first`` (0 is Monday), by default
    the ``week_start`` setting's day."""
    first = first_weekday() if first is None else first
    return day - dt.timedelta(days=(day.weekday() - first) % 7)


class Outreach(NamedTuple):
    goal: int | None
    """People a week, the person's own goal; None when not set."""
    week_start: dt.date
    this_week: int
    """People with a conversation logged this week (from its first day, see ``week_start``)."""
    weeks: list[tuple[dt.date, int]]
    """The last four weeks, oldest first: (first day, people)."""
    contacts: int
    conversations: int
    by_status: dict[str, int]


def outreach(contacts: list[Contact], today: dt.date, goal: int | None) -> Outreach:
    from careerpath.tracking.records import CONTACT_STATUSES

    first = first_weekday()
    monday = week_start(today, first)
    mondays = [monday - dt.timedelta(weeks=back) for back in range(3, -1, -1)]
    people: dict[dt.date, set[str]] = {start: set() for start in mondays}
    conversations = 0
    earliest = mondays[0]
    for contact in contacts:
        talks = contact.conversations or []
        conversations += len(talks)
        for talk in talks:
            if earliest <= talk.date <= today:  # within the four weeks shown
                people[week_start(talk.date, first)].add(contact.id or contact.name or "")
    statuses = Counter(contact.current_status for contact in contacts)
    return Outreach(
        goal=goal,
        week_start=monday,
        this_week=len(people[monday]),
        weeks=[(start, len(people[start])) for start in mondays],
        contacts=len(contacts),
        conversations=conversations,
        by_status={status: statuses[status] for status in CONTACT_STATUSES},
    )


# --- fit of a target job ---------------------------------------------------------------------


def rank_weights(values: list[str]) -> dict[str, int]:
    """Weights by rank: the top value of five counts 5, the fifth 1."""
    return {value: max(1, len(values) - index) for index, value in enumerate(values)}


class Fit(NamedTuple):
    score: float | None
    """Weighted mean of the ratings, 1–5; None when nothing is rated."""
    rated: int
    of: int
    basis: Literal["values", "overall", "none"]
    ratings: list[tuple[str, int | None, int]]
    """(value, rating or None, weight) for each top value, in rank order."""


def fit(target: Target, values: list[str]) -> Fit:
    """How well ``target`` fits the person's ranked top ``values``.

    Each value rated 1–5 counts by its rank (see ``rank_weights``); values not rated yet are
    left out, and said so. Without any per-value rating, the one overall rating is used."""
    weights = rank_weights(values)
    given = target.fit or {}
    rows = [(value, given.get(value), weights[value]) for value in values]
    rated = [(rating, weight) for _, rating, weight in rows if rating is not None]
    if rated:
        total = sum(weight for _, weight in rated)
        score = sum(rating * weight for rating, weight in rated) / total
        return Fit(round(score, 1), len(rated), len(values), "values", rows)
    if target.values_fit is not None:
        return Fit(float(target.values_fit), 0, len(values), "overall", rows)
    return Fit(None, 0, len(values), "none", rows)


# --- offers against needs --------------------------------------------------------------------

CriterionKind = Literal["value", "pay", "work_mode", "hours", "judged"]
Verdict = Literal["met", "partly", "missed", "unknown"]
_JUDGED: dict[str, tuple[Verdict, float]] = {
    "met": ("met", 5.0),
    "partly": ("partly", 3.0),
    "missed": ("missed", 1.0),
}


class Criterion(NamedTuple):
    key: str
    """A value's name, or the id of the question that named the need (income_floor)."""
    title: str
    kind: CriterionKind
    weight: int
    wanted: Any
    """What the person said: the floor, the ways of working, the hours, the constraint."""
    wanted_text: str
    choices: tuple[str, ...] = ()
    """For a way-of-working need: every option there was to choose from."""


def criteria(
    recalled: list[tuple[Question, Any]], weights: dict[str, int] | None
) -> list[Criterion]:
    """What offers are judged on, from the answers the offers question recalls: each top
    value (weighted by rank), the income floor (weight 5: it is a floor), and every other need
    (weight 3). ``weights`` (the person's own, by key, any case) override these."""
    chosen = {key.casefold(): weight for key, weight in (weights or {}).items()}
    found: list[Criterion] = []

    def add(
        key: str,
        title: str,
        kind: CriterionKind,
        default: int,
        wanted: Any,
        text: str,
        choices: tuple[str, ...] = (),
    ) -> None:
        weight = chosen.get(key.casefold(), default)
        found.append(Criterion(key, title, kind, weight, wanted, text, choices))

    for question, value in recalled:
        if not question.is_answered(value):
            continue
        if question.kind == "ranking":
            for value_name, weight in rank_weights(list(value)).items():
                add(value_name, value_name, "value", weight, value_name, "one of your top values")
        elif question.kind == "money":
            add(question.id, question.title, "pay", 5, value, question.format(value))
        elif question.kind == "multi_choice":
            options = tuple(question.choices or ())
            add(question.id, question.title, "work_mode", 3, value, question.format(value), options)
        elif question.kind == "number":
            add(question.id, question.title, "hours", 3, value, question.format(value))
        else:
            add(question.id, question.title, "judged", 3, value, question.format(value))
    return found


class Check(NamedTuple):
    criterion: Criterion
    verdict: Verdict
    score: float | None
    detail: str


class OfferScore(NamedTuple):
    offer: Offer
    checks: list[Check]
    score: float | None
    """Weighted mean of the checks that have a score, 1–5; None when none has."""

    def named(self, verdict: Verdict) -> list[str]:
        return [c.criterion.title for c in self.checks if c.verdict == verdict]


def check(offer: Offer, criterion: Criterion) -> Check:
    """How ``offer`` does on one criterion; the person's own judgement (``needs``) wins."""
    judged = (offer.needs or {}).get(criterion.key)
    if judged is not None and criterion.kind != "value":
        said, score = _JUDGED[judged]
        return Check(criterion, said, score, f"your judgement: {judged}")
    if criterion.kind == "value":
        rating = (offer.ratings or {}).get(criterion.key)
        if rating is None:
            return Check(criterion, "unknown", None, "not rated yet")
        verdict: Verdict = "met" if rating >= 4 else ("partly" if rating == 3 else "missed")
        return Check(criterion, verdict, float(rating), f"rated {rating} of 5")
    if criterion.kind == "pay":
        return _check_pay(offer, criterion)
    if criterion.kind == "work_mode" and offer.work_mode:
        picked = [str(option).casefold() for option in criterion.wanted]
        if offer.work_mode.casefold() in picked:
            return Check(criterion, "met", 5.0, offer.work_mode)
        return Check(
            criterion, "missed", 1.0, f"{offer.work_mode}; you said {criterion.wanted_text}"
        )
    if criterion.kind == "hours" and offer.hours is not None:
        wanted = float(criterion.wanted)
        shown = f"{format_amount(offer.hours)} hours; you want {format_amount(wanted)}"
        if offer.hours <= wanted:
            return Check(criterion, "met", 5.0, shown)
        if offer.hours <= wanted * 1.1:
            return Check(criterion, "partly", 3.0, shown)
        return Check(criterion, "missed", 1.0, shown)
    return Check(criterion, "unknown", None, "not judged yet")


def _check_pay(offer: Offer, criterion: Criterion) -> Check:
    floor = Money.model_validate(criterion.wanted)
    pay = offer.base_pay
    if pay is None:
        return Check(criterion, "unknown", None, "no base pay recorded")
    if pay.currency != floor.currency:
        return Check(criterion, "unknown", None, "not compared")
    if floor.amount <= 0:
        return Check(criterion, "met", 5.0, format_money(pay))
    above = pay.amount / floor.amount - 1
    detail = f"{format_money(pay)} against your floor of {format_money(floor)} ({above:+.0%})"
    if above < 0:
        return Check(criterion, "missed", 1.0, detail)
    # At the floor is a 3; a quarter or more above it, a 5.
    return Check(criterion, "met", round(3 + 2 * min(1.0, above / 0.25), 1), detail)


def weights_for(given: dict[str, int], found: list[Criterion]) -> dict[str, int]:
    """The weights a person typed (``income_floor=4``, ``security=5``), by each criterion's own
    key. A name matches as ``--fit`` matches a value: whole in any case (spaces, ``_`` and
    ``-`` alike), or the start of exactly one need; anything else is refused with the names
    it can be."""
    from careerpath.core.errors import InvalidInput

    def plain(name: str) -> str:
        return re.sub(r"[\s_-]+", " ", name.strip().casefold())

    keys = [criterion.key for criterion in found]
    weights: dict[str, int] = {}
    for name, weight in given.items():
        wanted = plain(name)
        matches = [key for key in keys if plain(key) == wanted] or [
            key for key in keys if plain(key).startswith(wanted)
        ]
        if len(matches) != 1:
            raise InvalidInput(
                f"{name!r} is not one of the needs offers are compared on",
                hint="They are: " + (", ".join(keys) or "none yet") + ".",
            )
        weights[matches[0]] = weight
    return weights


def offer_weights(workbook: Workbook) -> NamedWeights:
    """Every need offers are compared on, with the weight it has now (the person's own, else
    the one from their ranking) and its title: what the weights prompt starts from."""
    from careerpath.workbook.definition import NamedWeights

    found = offer_criteria(workbook)
    return NamedWeights({c.key: c.weight for c in found}, {c.key: c.title for c in found})


FAVOURED_FIT = "offer_fit"
"""The closing question on how well the favoured offer fits: it starts from the score."""


def favoured_fit(workbook: Workbook) -> int | None:
    """The best score ``offer compare`` gives an offer still open or accepted, rounded to
    the 1–5 scale; None when no offer has a score."""
    from careerpath.tracking.records import models, stored

    found = offer_criteria(workbook)
    scores = [
        scored.score
        for offer in models("offers", stored(workbook, "offers"))
        if offer.current_status != "declined"
        and (scored := score_offer(offer, found)).score is not None
    ]
    return min(5, max(1, round(max(scores)))) if scores else None


def score_offer(offer: Offer, found: list[Criterion]) -> OfferScore:
    checks = [check(offer, criterion) for criterion in found]
    counted = [(c.score, c.criterion.weight) for c in checks if c.score is not None]
    total = sum(weight for _, weight in counted if weight > 0)
    score = round(sum(s * w for s, w in counted if w > 0) / total, 1) if total else None
    return OfferScore(offer, checks, score)


def offer_criteria(workbook: Workbook) -> list[Criterion]:
    """The criteria for this person's offers: from what the offers question recalls, weighed
    as the person set in the closing stage (a ``weights`` question), if they did."""
    from careerpath.tracking.records import locate, weights_question
    from careerpath.workbook.engine import recalled

    found = locate(workbook.definition, "offers")
    if found is None:
        return []
    stage, question = found
    kept = weights_question(stage)
    weights = workbook.answers_for(stage).get(kept.id) if kept is not None else None
    return criteria(list(recalled(workbook, question).values()), weights)


def top_values(workbook: Workbook) -> list[str]:
    """The person's ranked top values: the ranking the targets question recalls."""
    from careerpath.tracking.records import locate
    from careerpath.workbook.engine import recalled

    for name in ("targets", "offers"):
        found = locate(workbook.definition, name)
        if found is None:
            continue
        for earlier, value in recalled(workbook, found[1]).values():
            if earlier.kind == "ranking" and value:
                return list(value)
    return []


def income_floor(workbook: Workbook) -> Money | None:
    """The person's income floor per year: the money answer the offers question recalls."""
    from careerpath.tracking.records import locate
    from careerpath.workbook.engine import recalled

    found = locate(workbook.definition, "offers")
    if found is None:
        return None
    for earlier, value in recalled(workbook, found[1]).values():
        if earlier.kind == "money" and value:
            return Money.model_validate(value)
    return None


FloorMark = Literal["below", "meets", "not compared"]


def pay_against_floor(pay: Money | None, floor: Money | None) -> FloorMark | None:
    """Where an offer's yearly base pay sits against the floor: below it, meeting it, or not
    compared (another currency: no exchange rates, a comparison would be a guess); None
    without a floor or a pay."""
    if pay is None or floor is None:
        return None
    if pay.currency != floor.currency:
        return "not compared"
    return "below" if pay.amount < floor.amount else "meets"


def below_floor(salary: MoneyRange, floor: Money | None) -> str | None:
    """How a yearly pay range sits below the floor, in words; None when it does not, or when
    the currencies differ (no exchange rates: a comparison would be a guess)."""
    if floor is None or salary.currency != floor.currency:
        return None
    low, high = salary.per_year()
    if high < floor.amount:
        return f"all of it below your floor of {format_money(floor)}"
    if low < floor.amount:
        return f"the low end below your floor of {format_money(floor)}"
    return None
