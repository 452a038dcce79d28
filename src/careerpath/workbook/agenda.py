"""What is due: one agenda of every dated item, whichever part of the workbook it comes from.

Each feature that has dated items (contact follow-ups, application next actions, interviews,
offer deadlines, program homework) provides a ``Source``. The features sit above the workbook,
so they are gathered by ``careerpath.views.due``, which ``careerpath due``, ``done``,
``snooze``, the start of ``careerpath next`` and the iCalendar export all go through.
Item ids are short and stable because a person types them (``careerpath done c3-follow-up``).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol

if TYPE_CHECKING:
    from careerpath.workbook.home import Home
    from careerpath.workbook.models import Workbook


class DueItem(NamedTuple):
    """One dated thing to do. (A named tuple: a 10k home has 14,000 of them, made in a third
    of the time of a frozen dataclass, and kept in the cache as plain rows.)"""

    id: str
    """Short and stable: what a person types to mark it done or snooze it."""
    what: str
    """The sort of item, e.g. "follow-up", "next action", "interview", "homework"."""
    title: str
    due: date
    at: datetime | None = None
    """The time, when the item has one (an interview)."""
    stage: str | None = None
    movable: bool = True
    """Whether ``careerpath snooze`` may put it off; an interview's date or an offer's
    deadline is the employer's (its source says so, and what to do instead)."""


class Source(Protocol):
    """A part of the workbook that has dated items."""

    def items(self, workbook: Workbook, today: date) -> list[DueItem]:
        """Its open items (not done, snoozed ones with their new date)."""
        ...

    def items_added(
        self,
        workbook: Workbook,
        today: date,
        place: tuple[str, str],
        added: list[dict[str, Any]],
    ) -> list[DueItem] | None:
        """What ``items`` gives more, now that the records ``added`` were put at the end of
        those at ``place`` (a stage's id, a question's): ``items`` before and these are
        ``items`` now. None when its other items may have changed too. (``workbook``: its
        definition, program and that stage's answers read, the others maybe not.)"""
        ...

    def done(self, home: Home, workbook: Workbook, item_id: str, today: date) -> bool:
        """Mark ``item_id`` done; False when the id is not one of this source's."""
        ...

    def snooze(self, home: Home, workbook: Workbook, item_id: str, until: date) -> bool:
        """Move ``item_id`` to ``until``; False when the id is not one of this source's."""
        ...
