"""The report's sections on records: what is due, the application funnel and response rates,
outreach against the weekly goal, target jobs by fit, and offers.

``sections`` builds them (pure; the fields ``report_model.Report`` gains, where their shapes
are); ``markdown`` and ``render`` show them after the stage report. They appear in the JSON
report as the fields ``due``, ``pipeline``, ``outreach``, ``targets``, ``offers`` and
``leaving_well``.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from careerpath.views.report_model import (
        Checklist,
        DueLine,
        DueSummary,
        FunnelLine,
        OfferLine,
        Outreach,
        OutreachWeek,
        Pipeline,
        Report,
        TargetLine,
    )
    from careerpath.workbook.agenda import DueItem
    from careerpath.workbook.models import Workbook


DUE_AHEAD = 7
TARGETS_SHOWN = 10


def sections(workbook: Workbook, today: dt.date, items: list[DueItem]) -> dict[str, Any]:
    """The report's record sections for ``workbook``, with its due ``items`` (from
    ``due.collect``); a section the workbook has no place for is None (or empty)."""
    from careerpath.tracking import records

    def stored(name: str) -> list[Any]:
        return records.models(name, records.stored(workbook, name))

    def has(name: str) -> bool:
        return records.locate(workbook.definition, name) is not None

    return {
        "due": _due(items, today),
        "pipeline": _pipeline(workbook, stored("applications"), items)
        if has("applications")
        else None,
        "outreach": _outreach(workbook, stored("contacts"), today) if has("contacts") else None,
        "targets": _targets(workbook, stored("targets")),
        "offers": _offers(workbook, stored("offers")),
        "leaving_well": _leaving_well(workbook),
    }


def work_counts(workbook: Workbook) -> tuple[int, int]:
    """Conversations logged and applications sent: the records' part of the work a program
    counts (``program.plan.work_tally``)."""
    from careerpath.tracking import records, scoring

    contacts = records.models("contacts", records.stored(workbook, "contacts"))
    apps = records.models("applications", records.stored(workbook, "applications"))
    talks = sum(len(contact.conversations or []) for contact in contacts)
    return talks, scoring.funnel(apps).applied


def _due(items: list[DueItem], today: dt.date) -> DueSummary:
    horizon = today + dt.timedelta(days=DUE_AHEAD)
    overdue = [i for i in items if i.due < today]
    coming = [i for i in items if today <= i.due <= horizon]
    first: list[DueLine] = [
        {"id": i.id, "what": i.what, "title": i.title, "due": i.due} for i in (overdue + coming)[:5]
    ]
    return {"overdue": len(overdue), "coming": len(coming), "next": first}


def _pipeline(workbook: Workbook, apps: list[Any], items: list[DueItem]) -> Pipeline:
    from careerpath.tracking import records, scoring

    funnel = scoring.funnel(apps)
    after = scoring.stale_after(workbook)
    lines: list[FunnelLine] = [
        {"status": status, "reached": funnel.reached.get(status), "now": funnel.now[status]}
        for status in records.STATUSES
    ]
    return {
        "total": funnel.total,
        "active": sum(1 for a in apps if not a.is_finished),
        # Each stale application is a due item (``a3-stale``), so they are counted there.
        "stale": sum(1 for item in items if item.what == "stale"),
        "stale_after": after,
        "funnel": lines,
        "applied": funnel.applied,
        "responded": funnel.responded,
        "interviewed": funnel.interviewed,
        "offered": funnel.offered,
        "response_rate": funnel.rate(funnel.responded),
        "interview_rate": funnel.rate(funnel.interviewed),
        "offer_rate": funnel.rate(funnel.offered),
    }


def _outreach(workbook: Workbook, contacts: list[Any], today: dt.date) -> Outreach:
    from careerpath.tracking import records, scoring

    goal = None
    where = records.locate(workbook.definition, "contacts")
    if where is not None:
        value = workbook.answers_for(where[0]).get(records.WEEKLY_GOAL)
        goal = int(value) if isinstance(value, int | float) else None
    found = scoring.outreach(contacts, today, goal)
    weeks: list[OutreachWeek] = [
        {"week_start": start, "people": people} for start, people in found.weeks
    ]
    return {
        "goal": found.goal,
        "this_week": found.this_week,
        "week_start": found.week_start,
        "weeks": weeks,
        "contacts": found.contacts,
        "conversations": found.conversations,
        "by_status": found.by_status,
    }


def _targets(workbook: Workbook, targets: list[Any]) -> list[TargetLine]:
    from careerpath.tracking import scoring

    values = scoring.top_values(workbook)
    lines: list[TargetLine] = []
    for target in targets:
        fit = scoring.fit(target, values)
        low, high = target.salary.per_year() if target.salary else (None, None)
        lines.append(
            {
                "id": target.id,
                "title": target.title or "",
                "fit": fit.score,
                "values_rated": fit.rated,
                "values_total": fit.of,
                "pay_low_per_year": low,
                "pay_high_per_year": high,
                "currency": target.salary.currency if target.salary else None,
                "outlook": target.outlook,
            }
        )
    lines.sort(key=lambda line: (-(line["fit"] or 0), line["title"].casefold()))
    return lines


def _offers(workbook: Workbook, offers: list[Any]) -> list[OfferLine]:
    from careerpath.tracking import scoring

    criteria = scoring.offer_criteria(workbook)
    floor = scoring.income_floor(workbook)
    lines: list[OfferLine] = []
    for offer in offers:
        scored = scoring.score_offer(offer, criteria)
        lines.append(
            {
                "id": offer.id,
                "employer": offer.employer or "",
                "role": offer.role,
                "base_pay": offer.base_pay.amount if offer.base_pay else None,
                "currency": offer.base_pay.currency if offer.base_pay else None,
                "score": scored.score,
                "status": offer.current_status,
                "deadline": offer.deadline,
                "meets": scored.named("met"),
                "misses": scored.named("missed"),
                "floor": scoring.pay_against_floor(offer.base_pay, floor),
            }
        )
    return lines


def _leaving_well(workbook: Workbook) -> Checklist | None:
    from careerpath.tracking import records

    found = records.leaving_well(workbook.definition)
    if found is None:
        return None
    stage, question = found
    done = workbook.answers_for(stage).get(question.id) or []
    return {"done": len(done), "total": len(question.choices or [])}


# --- showing ---------------------------------------------------------------------------------


def _percent(rate: int | None, part: int, whole: int) -> str:
    return f"{part} of {whole} ({rate}%)" if rate is not None else "–"


def _pay(line: TargetLine) -> str:
    low, high = line["pay_low_per_year"], line["pay_high_per_year"]
    if low is None or high is None:
        return ""
    from careerpath.core.values import format_amount

    return f"{format_amount(round(low))}–{format_amount(round(high))} {line['currency']} a year"


def _lines(report: Report) -> list[tuple[str, list[str]]]:
    """Each section as a heading and plain lines, shared by the terminal and Markdown."""
    from careerpath.core.values import plural

    found: list[tuple[str, list[str]]] = []
    due = report.due
    if due is not None and (due["overdue"] or due["coming"]):
        rows = [f"{d['due']}  {d['title']}  ({d['id']})" for d in due["next"]]
        head = f"What is due: {due['overdue']} overdue, {due['coming']} in the next week"
        found.append((head, [*rows, "All of it: `careerpath due`"]))
    pipeline = report.pipeline
    if pipeline is not None and pipeline["total"]:
        reached = [
            f"{line['status']} {line['reached']}" for line in pipeline["funnel"] if line["reached"]
        ]
        ended = [
            f"{line['status']} {line['now']}"
            for line in pipeline["funnel"]
            if line["reached"] is None and line["now"]
        ]
        rows = ["Reached: " + " → ".join(reached)]
        if ended:
            rows.append("Ended: " + ", ".join(ended))
        applied = pipeline["applied"]
        rows.append(
            "Heard back: "
            + _percent(pipeline["response_rate"], pipeline["responded"], applied)
            + " · interviews: "
            + _percent(pipeline["interview_rate"], pipeline["interviewed"], applied)
            + " · offers: "
            + _percent(pipeline["offer_rate"], pipeline["offered"], applied)
        )
        if pipeline["stale"]:
            rows.append(
                f"{pipeline['stale']} stale (no news for {pipeline['stale_after']}+ days): "
                "careerpath app list --stale"
            )
        head = f"Applications: {pipeline['total']} ({pipeline['active']} active)"
        found.append((head, rows))
    outreach = report.outreach
    if outreach is not None and (outreach["contacts"] or outreach["goal"]):
        goal = outreach["goal"]
        aim = (
            f" of your goal of {goal}" if goal is not None else " (set a weekly goal in networking)"
        )
        weeks = ", ".join(str(week["people"]) for week in outreach["weeks"])
        statuses = ", ".join(f"{k} {v}" for k, v in outreach["by_status"].items() if v)
        found.append(
            (
                f"Outreach this week (Mon–Sun): {outreach['this_week']}{aim}",
                [
                    f"People you talked to, the last four weeks: {weeks}",
                    f"{plural(outreach['contacts'], 'contact')} ({statuses}), "
                    f"{plural(outreach['conversations'], 'conversation')} logged",
                ],
            )
        )
    if report.targets:
        rows = []
        for line in report.targets[:TARGETS_SHOWN]:
            fit = f"fit {line['fit']:.1f}" if line["fit"] is not None else "fit not rated"
            pay = _pay(line)
            rows.append(f"{line['id']} {line['title']}: {fit}" + (f", {pay}" if pay else ""))
        if len(report.targets) > TARGETS_SHOWN:
            rows.append(f"and {len(report.targets) - TARGETS_SHOWN} more: careerpath target list")
        found.append(("Target jobs by fit", rows))
    if report.offers:
        rows = []
        for offer in report.offers:
            score = offer["score"]
            shown = f"score {score:.1f}" if score is not None else "not scored"
            name = offer["employer"] + (f": {offer['role']}" if offer["role"] else "")
            row = f"{offer['id']} {name}: {shown}, {offer['status']}"
            if offer["floor"] == "below":
                row += "; pay below your floor"
            if offer["misses"]:
                row += "; misses " + ", ".join(offer["misses"])
            rows.append(row)
        checklist = report.leaving_well
        if checklist is not None and checklist["done"]:
            rows.append(f"Leaving well: {checklist['done']} of {checklist['total']} done")
        found.append(("Offers", rows))
    return found


def markdown(report: Report, escape: Any) -> list[str]:
    out: list[str] = []
    for heading, rows in _lines(report):
        out += [f"## {escape(heading)}", ""]
        out += [f"- {escape(row)}" for row in rows]
        out.append("")
    return out


def render(report: Report, console: Any) -> None:
    """Each section under its heading, a long line wrapped at words under its own indent
    (never back at the margin)."""
    import textwrap

    from rich.text import Text

    shown = Text()
    for heading, rows in _lines(report):
        shown.append("\n")
        shown.append(heading + "\n", style="bold")
        for row in rows:
            wrapped = textwrap.wrap(
                row,
                max(20, console.width),
                initial_indent="  ",
                subsequent_indent="    ",
                break_long_words=False,
                break_on_hyphens=False,
            )
            shown.append("\n".join(wrapped) + "\n")
    if shown:
        console.print(shown, end="")
