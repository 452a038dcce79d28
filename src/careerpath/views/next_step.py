"""The one next step: the most urgent thing across the stages, the records and the program.

The report, the opening line of ``careerpath next`` and the coach's group view all say the
same "Next:". Its sources sit in different layers (the stages in ``workbook``, dated records
and homework behind ``views.due``, goals in ``program``), so they are put together here.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from careerpath.core.values import format_day
from careerpath.views import due
from careerpath.workbook import engine

if TYPE_CHECKING:
    from careerpath.workbook.agenda import DueItem
    from careerpath.workbook.models import Workbook


def _item(item: DueItem, when: str) -> str:
    what = f"{item.what.capitalize()} “{item.title}” {when}"
    return f"{what}: run `careerpath done {item.id}` once it is done."


def one_next(workbook: Workbook, today: date, items: list[DueItem] | None = None) -> str:
    """The single next step, in one line with the command that does it: overdue items first
    (oldest first), then today's, then the current stage's next piece of work, then the
    program's. When every stage is complete, what is still open comes before saying so.
    ``items``: what ``due.collect`` gives, when the caller has it already."""
    items = due.collect(workbook, today) if items is None else items
    overdue = [item for item in items if item.due < today]
    if overdue:
        first = overdue[0]
        return _item(first, f"was due {format_day(first.due)}")
    today_items = [item for item in items if item.due == today]
    if today_items:
        return _item(today_items[0], "is due today")
    program = workbook.program
    if program is not None:
        from careerpath.program import plan

        if plan.is_over(program.program, today) and program.program.reassessed is None:
            # the program's time is up: its closing re-assessment comes before more stage work
            return plan.next_step(program, workbook.definition, today) or ""
    if engine.current_stage(workbook) is not None:
        return engine.next_step(workbook)
    for progress in engine.all_progress(workbook):
        if progress.work_open:
            piece = progress.work_open[0]
            answers = workbook.answers_for(progress.stage)
            command = engine.work_command(progress.stage, answers, piece)
            return f"{progress.stage.title} still needs {piece.rule.label}: run `{command}`."
    if program is not None:
        from careerpath.program import plan

        open_homework = [
            item for item in program.homework if plan.homework_state(item, today) != "done"
        ]
        if open_homework:
            work = min(open_homework, key=lambda h: (plan.due_on(h) or date.max, h.id))
            return (
                f"Homework {work.id} is still open: “{work.text}” "
                f"(`careerpath homework done {work.id}` once it is done)."
            )
        goals = plan.open_goals(program)
        if goals:
            return (
                f"Goal {goals[0].id} is still open: “{goals[0].text}” "
                f"(`careerpath goal done {goals[0].id}` once it is met)."
            )
        if program.program.reassessed is None:
            # the journey's work is done: what is left is the program's closing look back
            return (
                "Every stage is complete and your goals are met: run `careerpath program end` "
                "for the closing re-assessment."
            )
    return engine.next_step(workbook)
