"""What a person reads and types about records without their models: a record's label, from
its stored fields, and the statuses of an application. Apart from ``records`` (pydantic
models, slow to import) so that completing at the shell's TAB stays quick; ``records`` uses
them from here."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal

AppStatus = Literal[
    "interested",
    "applied",
    "screening",
    "interviewing",
    "offer",
    "accepted",
    "rejected",
    "withdrawn",
    "no response",
]
PIPELINE: tuple[AppStatus, ...] = (
    "interested",
    "applied",
    "screening",
    "interviewing",
    "offer",
    "accepted",
)
"""The way forward, in order. Moving to an earlier one needs --force."""
CLOSED: tuple[AppStatus, ...] = ("rejected", "withdrawn", "no response")
"""Ways an application ends other than accepting, reachable from any point."""
STATUSES: tuple[AppStatus, ...] = PIPELINE + CLOSED


def label(name: str, data: Mapping[str, Any]) -> str:
    """A record's name as a person reads it in lists: "Sam Lee (Acme)", "Acme: UX lead"."""
    if name == "targets":
        return str(data.get("title") or "(untitled target job)")
    if name == "contacts":
        organisation = data.get("organisation")
        who = str(data.get("name") or "(unnamed contact)")
        return f"{who} ({organisation})" if organisation else who
    employer = data.get("employer") or "(no employer)"
    role = data.get("role")
    return f"{employer}: {role}" if role else str(employer)
