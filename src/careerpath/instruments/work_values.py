"""The work-importance sort: the six work values of O*NET®'s profiles (so they can be matched),
each explained in careerpath's words. The person puts them in order, most important first."""

from __future__ import annotations

from careerpath.core.errors import InvalidInput

VALUES = {
    "Achievement": "Using what you are good at, and seeing what you got done.",
    "Independence": "Deciding for yourself how and when you do the work.",
    "Recognition": "Being noticed for good work, with a chance to move up.",
    "Relationships": "Friendly colleagues, helping others, a clear conscience.",
    "Support": "A manager and an employer who back you and treat you fairly.",
    "Working Conditions": "Good pay, a steady job, a pleasant and safe workplace.",
}
"""Each value in one line; with its name (``Name: line``) it fits an 80-column picker."""


def scores(order: list[str]) -> dict[str, int]:
    """Each value's score from its place: 6 for the most important, down to 1."""
    return {name: len(order) - place for place, name in enumerate(order)}


def parse_order(text: str) -> list[str]:
    """The six values from text naming them in order, by name or by a clear start of it
    ("ach, ind, rec, rel, sup, work").

    Raises:
        InvalidInput: a name is unknown, repeated, or some are missing.
    """
    order: list[str] = []
    for part in (p.strip() for p in text.split(",")):
        found = [name for name in VALUES if name.lower().startswith(part.lower())] if part else []
        if len(found) != 1:
            raise InvalidInput(
                f"{part!r} is not one of the six work values"
                if not found
                else f"{part!r} could be {' or '.join(found)}",
                hint="Name all six, most important first: " + ", ".join(VALUES) + ".",
            )
        if found[0] in order:
            raise InvalidInput(f"{found[0]} is named twice")
        order.append(found[0])
    missing = [name for name in VALUES if name not in order]
    if missing:
        raise InvalidInput(
            "the order leaves out " + ", ".join(missing),
            hint="Name all six, most important first.",
        )
    return order
