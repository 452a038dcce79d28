"""How records name each other, and which of those names point nowhere.

A contact names the target jobs it is about (``targets``), an application its target job
(``target``) and the contact who referred it (``contact``), an offer the application it came
from (``application``). Links are ids in the TOML files, so a record removed, or an id typed
by hand, can leave a link dangling: ``doctor`` reports it as a problem (file and record
named) and ``show`` says "missing" where the label would be. Pure functions over a loaded
workbook.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from careerpath.tracking import records

if TYPE_CHECKING:
    from careerpath.workbook.models import Workbook

LINKS: dict[str, tuple[tuple[str, str], ...]] = {
    "contacts": (("targets", "targets"),),
    "applications": (("target", "targets"), ("contact", "contacts")),
    "offers": (("application", "applications"),),
}
"""For each record type: (field, the record type its ids name)."""

MISSING = "(missing)"


@dataclass(frozen=True)
class Dangling:
    """One link to a record that does not exist."""

    stage: str
    """The stage whose file holds the record."""
    kind: str
    """The record's type: contacts, applications, offers."""
    record: str
    field: str
    ref: str
    """The id it names."""
    names: str
    """The type the id should name: targets, contacts, applications."""

    @property
    def message(self) -> str:
        item = records.TYPES[self.names].item
        return f"names {item} {self.ref}, which does not exist: remove it, or give an existing id"


def refs(record: dict[str, Any], field: str) -> list[str]:
    """The ids one link field names, as a list (a contact may name several targets)."""
    value = record.get(field)
    if value is None:
        return []
    return [str(v) for v in value] if isinstance(value, list) else [str(value)]


def dangling(workbook: Workbook) -> list[Dangling]:
    """Every link in the workbook's records that names a record not there, in file order."""
    known = {name: {r.get("id") for r in records.stored(workbook, name)} for name in records.TYPES}
    found = []
    for kind, fields in LINKS.items():
        where = records.locate(workbook.definition, kind)
        if where is None:
            continue
        for record in records.stored(workbook, kind):
            for field, names in fields:
                for ref in refs(record, field):
                    if ref not in known[names]:
                        found.append(
                            Dangling(where[0].id, kind, str(record.get("id")), field, ref, names)
                        )
    return found


def named(workbook: Workbook, names: str, ref: str) -> str:
    """A linked record as ``show`` lists it: "t1 UX researcher", or "t9 (missing)"."""
    for record in records.stored(workbook, names):
        if record.get("id") == ref:
            return f"{ref} {records.label(names, record)}"
    return f"{ref} {MISSING}"


def linking_to(workbook: Workbook, kind: str, names: str, ref: str | None) -> list[str]:
    """The records of type ``kind`` that name ``ref`` (a record of type ``names``), as
    "c1 Sam Lee": for ``show`` of the record linked to."""
    fields = [field for field, of in LINKS.get(kind, ()) if of == names]
    return [
        f"{record.get('id')} {records.label(kind, record)}"
        for record in records.stored(workbook, kind)
        if ref is not None and any(ref in refs(record, field) for field in fields)
    ]
