"""A record's label, from its stored fields: apart from ``records`` (pydantic models, slow to
import) so that completing a record id at the shell's TAB can show it quickly."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


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
