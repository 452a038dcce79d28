"""Short ids a person types (``g3``, ``h12``, ``a7``): the next number to give, and no id twice.

Shared by the program's goals and homework and by typed records, so every kind of id follows
the same rules: a prefix and a number from 1, never given twice, never reused.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Protocol, TypeVar


class _WithId(Protocol):
    @property
    def id(self) -> str: ...


Item = TypeVar("Item", bound=_WithId)


def next_number(prefix: str, ids: Iterable[str], floor: int = 0) -> int:
    """The number of the next id: above every id given (``h7`` → 8) and above ``floor``, the
    highest number ever given where that is kept, so the id of a removed item is not reused.
    Text that is not an id of this prefix is ignored."""
    pattern = re.compile(rf"{re.escape(prefix)}([1-9][0-9]*)")
    numbers = [floor]
    for text in ids:
        found = pattern.fullmatch(text)
        if found:
            numbers.append(int(found.group(1)))
    return max(numbers) + 1


def next_id(prefix: str, ids: Iterable[str], floor: int = 0) -> str:
    """The next id itself: ``next_id("g", ["g1", "g3"])`` is ``g4``."""
    return f"{prefix}{next_number(prefix, ids, floor)}"


def unique(values: list[str]) -> list[str]:
    """A pydantic validator: no value is listed twice (ids, choices)."""
    seen: set[str] = set()
    for value in values:
        if value in seen:
            raise ValueError(f"{value!r} is listed twice")
        seen.add(value)
    return values


def unique_ids(items: list[Item]) -> list[Item]:
    """A pydantic validator: no two of ``items`` have the same ``id``."""
    unique([item.id for item in items])
    return items
