"""A target job filled from the occupation pack (`target add --from`): what the pack says,
with its source, as a record the person then reviews and edits like any other."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from careerpath.occupations import Profile
    from careerpath.workbook.models import Workbook

MAIN_TASKS = 6


def target_from(profile: Profile) -> dict[str, Any]:
    """The target record's fields from ``profile``: title, typical education, main tasks,
    pay (p25–p75 per year, USD, national), its source and the occupation code."""

    record: dict[str, Any] = {"title": profile.title, "occupation": profile.code}
    levels = profile.typical_education(2)
    if levels:
        record["education"] = ", ".join(f"{e.name} ({e.share:.0f}%)" for e in levels)
    elif profile.job_zone:  # O*NET® has no survey of education for it: the zone's words
        record["education"] = profile.job_zone.education
    if profile.tasks:
        record["tasks"] = [task.text for task in profile.tasks[:MAIN_TASKS]]
    source = f"O*NET® 30.1, {profile.code} {profile.title} (careerpath occupations show)"
    sources = [source]
    annual = profile.pay.annual if profile.pay else None
    if annual and annual.p25 is not None and annual.p75 is not None:
        record["salary"] = {
            "low": annual.p25,
            "high": annual.p75,
            "currency": "USD",
            "period": "year",
        }
        sources.append(
            "Pay: BLS OEWS May 2025, U.S. national 25th–75th percentile, in USD (U.S. pay)."
        )
    record["sources"] = sources
    return record


VALUE_NEEDS: dict[str, str] = {
    "Autonomy": "Independence",
    "Creativity": "Independence",
    "Security and stability": "Working Conditions",
    "Income": "Working Conditions",
    "Variety": "Working Conditions",
    "Helping others": "Relationships",
    "Teamwork and belonging": "Relationships",
    "Recognition": "Recognition",
    "Leadership": "Recognition",
    "Challenge": "Achievement",
}
"""The built-in workbook's values and the O*NET® work value whose needs include them (its
Work Importance Profiler groups autonomy and creativity under Independence; security, pay
and variety under Working Conditions; social service and co-workers under Relationships;
recognition and authority under Recognition; ability utilization under Achievement). The
others (learning, balance, meaning, flexibility) have no fair match and start unrated."""


def fit_from(profile: Profile, values: Sequence[str]) -> dict[str, int]:
    """A starting fit, 1–5, for each of the person's ``values`` that matches one of the
    occupation's work values (O*NET® rates their extent 1–7); the person adjusts it."""
    from careerpath.occupations import SCORE_RANGE

    low, high = SCORE_RANGE
    fit = {}
    for value in values:
        need = VALUE_NEEDS.get(value)
        extent = profile.work_values.get(need) if need else None
        if extent is not None:
            fit[value] = max(1, min(5, round(1 + 4 * (extent - low) / (high - low))))
    return fit


def targets_by_occupation(workbook: Workbook) -> dict[str, dict[str, Any]]:
    """The target jobs filled from the occupation pack, by occupation code (the first, when
    one was added twice): the one check `target add --from`, the look-up at the prompt and
    the picks from the occupations that fit make before adding an occupation again."""
    from careerpath.tracking import records

    found: dict[str, dict[str, Any]] = {}
    for target in records.stored(workbook, "targets"):
        if target.get("occupation"):
            found.setdefault(str(target["occupation"]), target)
    return found


def already_a_target(target: dict[str, Any]) -> str:
    """What is said of an occupation that is a target job already: "t1 is already Data
    Scientists, from the occupation data"."""
    name = target.get("id", "a target")
    return f"{name} is already {target.get('title')}, from the occupation data"
