"""A target job filled from the occupation pack (`target add --from`): what the pack says,
with its source, as a record the person then reviews and edits like any other."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from careerpath.occupations import Profile

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
