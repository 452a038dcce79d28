"""The pure rules: progress, what to ask next, the current stage, the next step."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from careerpath.workbook import engine
from careerpath.workbook.definition import WorkbookDefinition
from careerpath.workbook.models import DefinitionRef, Workbook, WorkbookState

from conftest import FULL_ANSWERS

DAY = date(2026, 11, 20)


@pytest.fixture
def workbook(book: WorkbookDefinition) -> Workbook:
    state = WorkbookState(
        created=datetime(2026, 11, 1),
        definition=DefinitionRef(source="builtin:default", id=book.id, version=book.version),
    )
    return Workbook(definition=book, state=state)


def test_a_new_workbook_starts_at_exploration(workbook: Workbook) -> None:
    assert engine.current_stage(workbook).id == "exploration"
    assert [p.status for p in engine.all_progress(workbook)] == ["not started"] * 5
    assert engine.next_step(workbook) == "Begin Exploration: run `careerpath next`."


def test_pending_is_in_order_and_skips_answered_and_skipped(workbook: Workbook) -> None:
    stage = workbook.definition.stage("exploration")
    workbook.answers["exploration"] = {"where_now": "x", "clarity": 3}
    engine.set_skipped(workbook.state, "exploration", "where_to", True)
    ids = [
        q.id
        for q in engine.pending(
            stage.questions, workbook.answers_for(stage), workbook.state.stage(stage.id).skipped
        )
    ]
    assert ids[:3] == ["values", "energisers", "drainers"]
    assert "where_now" not in ids and "where_to" not in ids and "clarity" not in ids


def test_empty_values_do_not_count_as_answers(workbook: Workbook) -> None:
    stage = workbook.definition.stage("exploration")
    workbook.answers["exploration"] = {"where_now": "", "skills": [], "energisers": ["  "]}
    assert engine.progress(workbook, stage).answered == 0


def test_progress_counts_and_percent(workbook: Workbook) -> None:
    stage = workbook.definition.stage("exploration")
    workbook.answers["exploration"] = dict(FULL_ANSWERS["exploration"])
    engine.set_skipped(workbook.state, "exploration", "support", True)
    engine.mark_started(workbook.state, "exploration", DAY)
    progress = engine.progress(workbook, stage)
    assert (progress.answered, progress.skipped, progress.total) == (11, 1, 14)
    assert (progress.required_answered, progress.required) == (9, 9)
    assert progress.status == "in progress"
    assert progress.percent == round(100 * 12 / 14)
    assert engine.missing_required(stage.questions, workbook.answers_for(stage)) == []
    assert engine.next_step(workbook) == (
        "Answer “Other constraints” in Exploration: run `careerpath next`."
    )


def test_completing_moves_the_current_stage_on(workbook: Workbook) -> None:
    engine.mark_complete(workbook.state, "exploration", DAY)
    progress = engine.progress(workbook, workbook.definition.stage("exploration"))
    assert (progress.status, progress.percent, progress.started, progress.completed) == (
        "complete",
        100,
        DAY,
        DAY,
    )
    assert engine.current_stage(workbook).id == "diving-deeper"


def test_a_record_missing_a_required_field_is_not_an_answer(workbook: Workbook) -> None:
    stage = workbook.definition.stage("diving-deeper")
    workbook.answers["diving-deeper"] = {"targets": [{"field": "Tech"}], "leading_option": "x"}
    missing = engine.missing_required(stage.questions, workbook.answers_for(stage))
    assert [q.id for q in missing] == ["targets"]
    workbook.answers["diving-deeper"]["targets"][0]["title"] = "UX researcher"
    assert engine.missing_required(stage.questions, workbook.answers_for(stage)) == []


def test_when_everything_is_complete(workbook: Workbook) -> None:
    for stage_id in workbook.definition.stage_ids:
        engine.mark_complete(workbook.state, stage_id, DAY)
    assert engine.current_stage(workbook) is None
    assert engine.next_step(workbook).startswith("All stages are complete")


def test_next_open_stage_skips_ones_done_out_of_order(workbook: Workbook) -> None:
    engine.mark_complete(workbook.state, "diving-deeper", DAY)
    exploration = workbook.definition.stage("exploration")
    assert engine.next_open_stage(workbook, after=exploration).id == "networking"


def test_skipping_and_unskipping(workbook: Workbook) -> None:
    engine.set_skipped(workbook.state, "exploration", "hours", True)
    engine.set_skipped(workbook.state, "exploration", "hours", True)
    assert workbook.state.stage("exploration").skipped == ["hours"]
    engine.set_skipped(workbook.state, "exploration", "hours", False)
    assert workbook.state.stage("exploration").skipped == []
