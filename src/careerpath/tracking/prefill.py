"""A target job filled from the occupation pack (`target add --from`): what the pack says,
with its source, as a record the person then reviews and edits like any other."""

from __future__ import annotations

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
