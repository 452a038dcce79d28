"""The energy log (the Good Time Journal idea): what lifts and what drains, by activity."""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from careerpath.instruments.models import EnergyEntry


class Activity(NamedTuple):
    activity: str
    times: int
    energy: float
    """Mean energy, −2 (drains) to +2 (lifts)."""
    engagement: float
    """Mean engagement, 1–5."""


def by_activity(entries: Sequence[EnergyEntry]) -> list[Activity]:
    """Entries grouped by activity (case and spaces ignored; the first spelling kept), the
    most lifting first, then the most engaging, then the most often logged."""
    groups: dict[str, list[EnergyEntry]] = {}
    for entry in entries:
        groups.setdefault(" ".join(entry.activity.casefold().split()), []).append(entry)
    found = [
        Activity(
            group[0].activity,
            len(group),
            sum(e.energy for e in group) / len(group),
            sum(e.engagement for e in group) / len(group),
        )
        for group in groups.values()
    ]
    return sorted(found, key=lambda a: (-a.energy, -a.engagement, -a.times, a.activity))
