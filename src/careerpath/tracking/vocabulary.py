"""What a person reads and types about records without their models: a record's label, from
its stored fields, and the statuses of an application (and matching one typed). Apart from
``records`` (pydantic models, slow to import) so that completing at the shell's TAB and a list
kept in the home's cache stay quick; ``records`` uses them from here."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any, Literal

from careerpath.core.errors import InvalidInput

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


ContactStatus = Literal["to reach out", "reached out", "talked", "keep in touch", "closed"]
CONTACT_STATUSES: tuple[ContactStatus, ...] = (
    "to reach out",
    "reached out",
    "talked",
    "keep in touch",
    "closed",
)


def match_word(text: str, options: Sequence[str], what: str) -> str:
    """One of ``options`` from what a person typed: whole, or the start of one."""
    wanted = text.strip().casefold()
    exact = [o for o in options if o.casefold() == wanted]
    starts = exact or [o for o in options if o.casefold().startswith(wanted)] if wanted else []
    if len(starts) == 1:
        return starts[0]
    raise InvalidInput(f"{text.strip()!r} is not a {what}: use one of {', '.join(options)}")


def match_status(text: str) -> AppStatus:
    """An application status from what a person typed ("No Response", "no-response")."""
    wanted = re.sub(r"[\s_-]+", " ", text.strip().casefold())
    for status in STATUSES:
        if status == wanted:
            return status
    raise InvalidInput(
        f"{text.strip()!r} is not a status in the pipeline",
        hint="The pipeline: " + " → ".join(PIPELINE) + "; or it ends: " + ", ".join(CLOSED) + ".",
    )


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
