"""Everything that is due, gathered from each part of the workbook that has dated items.

The sources live in the layers that own them (records in ``tracking``, homework in ``program``),
so they are put together here, above both.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from careerpath.workbook.agenda import DueItem, Source
    from careerpath.workbook.home import Home
    from careerpath.workbook.models import Workbook


def sources(workbook: Workbook) -> list[Source]:
    """The sources of dated items for this workbook. Program homework is only looked at (and
    its module only imported) when there is a program, so a plain report stays quick."""
    from careerpath.tracking.tracker import ApplicationSource, ContactSource, OfferSource

    found: list[Source] = [ContactSource(), ApplicationSource(), OfferSource()]
    if workbook.program is not None:
        from careerpath.program.plan import HomeworkSource

        found.append(HomeworkSource())
    return found


def collect(workbook: Workbook, today: date) -> list[DueItem]:
    """Every open item, overdue first, then by date."""
    found = [item for source in sources(workbook) for item in source.items(workbook, today)]
    return _in_order(found)


def _in_order(items: list[DueItem]) -> list[DueItem]:
    return sorted(items, key=lambda item: (item.due, item.at or datetime.min, item.id))


def of_home(home: Home, today: date) -> list[DueItem]:
    """``collect`` for the workbook in ``home``, kept in the home's cache while nothing it is
    worked out from changes (``Home.derived``), and brought up to date when records were
    only added."""
    from careerpath.workbook.agenda import DueItem

    def worked_out() -> list[tuple[Any, ...]]:
        from careerpath.tracking.records import reading_only  # registers the record types

        workbook = home.load()
        with reading_only():  # it only reads: the stored records, not models built again
            # Kept as plain rows: the cache reads back no type of careerpath's.
            return [tuple(item) for item in collect(workbook, today)]

    def more(
        rows: list[tuple[Any, ...]], stage_id: str, question_id: str, added: list[Any]
    ) -> list[tuple[Any, ...]] | None:
        from careerpath.tracking.records import reading_only

        workbook = home.load(lambda book: {stage_id})
        found = [DueItem._make(row) for row in rows]
        with reading_only():
            for source in sources(workbook):
                new = source.items_added(workbook, today, (stage_id, question_id), added)
                if new is None:
                    return None
                found += new
        return [tuple(item) for item in _in_order(found)]

    kept = home.derived("due", today.isoformat(), worked_out, more=more)
    return [DueItem._make(row) for row in kept]


def of_workbook(home: Home, workbook: Workbook, today: date) -> list[DueItem]:
    """``collect`` for ``workbook``, read from ``home`` while a result is worked out: what
    ``of_home`` keeps while the home's files are still as ``workbook`` was read from them
    (``Home.still_as_read``), else worked out from ``workbook`` itself, so that a result is
    never made of two states of the home."""
    items = of_home(home, today)
    if home.still_as_read(workbook):
        return items
    from careerpath.tracking.records import reading_only

    with reading_only():
        return collect(workbook, today)
