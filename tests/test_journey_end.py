"""Scenarios with a fixed today: a stage answered from a file waits for its work, a follow-up
done still counts, and at the end of the journey Next is about what is still open, not about
comparing offers already decided."""

from __future__ import annotations

import json
import shlex
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from conftest import FULL_ANSWERS, LEAVING_WELL, flat, run


def report_json(runner: CliRunner) -> Any:
    return json.loads(run(runner, "report", "--format", "json").output)


def stage(report: dict[str, Any], stage_id: str) -> dict[str, Any]:
    return next(s for s in report["stages"] if s["id"] == stage_id)


# --- a stage from an answers file is not complete without its work ---------------------------


def test_diving_deeper_from_a_file_without_the_research_stays_in_progress(
    runner: CliRunner, home_dir: Path, write_answers: Any
) -> None:
    run(runner, "start")
    run(runner, "next", "--answers", str(write_answers("exploration")))
    answers = dict(FULL_ANSWERS["diving-deeper"])
    answers["targets"] = [
        {k: v for k, v in t.items() if k != "education"} for t in answers["targets"]
    ]
    output = flat(
        run(runner, "next", "--answers", str(write_answers("diving-deeper", answers))).output
    )
    assert "Saved 2 answers to Diving deeper" in output
    assert "Diving deeper complete" not in output and "Next: Networking" not in output
    assert (
        "Diving deeper stays in progress: it still needs a target researched, with its pay and "
        "education (`careerpath target edit t1`). Once that is done, `careerpath next` "
        "completes it." in output
    )
    report = report_json(runner)
    assert report["current_stage"] == "diving-deeper"
    assert stage(report, "diving-deeper")["status"] == "in progress"
    assert report["next_step"] == (
        "Diving deeper still needs a target researched, with its pay and education: "
        "run `careerpath target edit t1`."
    )
    assert len(report_json(runner)["stages"][1]["work"]) == 1  # the answers were all kept
    assert [t["title"] for t in json.loads(run(runner, "target", "list", "-f", "json").output)] == [
        "UX researcher",
        "Data analyst",
    ]

    run(runner, "target", "edit", "t1", "--education", "A degree or a bootcamp")
    report = report_json(runner)
    assert stage(report, "diving-deeper")["ready"] is True
    # the work done, what is left is the optional question the file left out
    assert report["next_step"] == "Answer “Gaps to close” in Diving deeper: run `careerpath next`."


def test_a_file_with_the_work_done_completes_the_stage(
    runner: CliRunner, home_dir: Path, write_answers: Any
) -> None:
    run(runner, "start")
    run(runner, "next", "--answers", str(write_answers("exploration")))
    output = flat(run(runner, "next", "--answers", str(write_answers("diving-deeper"))).output)
    assert "✓ Diving deeper complete. Next: Networking (networking)." in output


# --- a follow-up done is the networking work, not its undoing --------------------------------


def test_a_follow_up_done_keeps_the_networking_work_done(
    runner: CliRunner, home_dir: Path, write_answers: Any
) -> None:
    run(runner, "start")
    for stage_id in ("exploration", "diving-deeper"):
        run(runner, "next", "--stage", stage_id, "--answers", str(write_answers(stage_id)))
    answers = {**FULL_ANSWERS["networking"], "contacts": []}
    run(runner, "next", "--stage", "networking", "--answers", str(write_answers("net", answers)))
    run(runner, "contact", "add", "Claire Martin")
    run(runner, "contact", "log", "c1", "-m", "Coffee", "--next", "Send CV", "--due", "1w")
    assert stage(report_json(runner), "networking")["ready"] is True

    run(runner, "done", "c1-follow-up")
    networking = stage(report_json(runner), "networking")
    assert [(w["label"], w["done"]) for w in networking["work"]] == [
        ("a conversation logged", True),
        ("a follow-up planned or done", True),
    ]
    assert networking["ready"] is True
    assert "Networking still needs" not in flat(run(runner, "report").output)


def test_a_follow_up_planned_without_a_conversation_counts_once_done(
    runner: CliRunner, home_dir: Path
) -> None:
    run(runner, "start")
    run(
        runner,
        "contact",
        "add",
        "Sam Lee",
        "--next-step",
        "Ask about the team",
        "--follow-up",
        "2d",
    )
    run(runner, "done", "c1-follow-up")
    work = stage(report_json(runner), "networking")["work"]
    assert [(w["label"], w["have"]) for w in work] == [
        ("a conversation logged", 0),
        ("a follow-up planned or done", 1),
    ]


# --- the end of the journey ------------------------------------------------------------------


def _to_closing(runner: CliRunner, write_answers: Any) -> None:
    run(runner, "start")
    for stage_id in ("exploration", "diving-deeper", "networking", "applying"):
        run(runner, "next", "--stage", stage_id, "--answers", str(write_answers(stage_id)))


def test_once_an_offer_is_accepted_the_comparing_questions_are_not_the_next(
    runner: CliRunner, home_dir: Path, write_answers: Any
) -> None:
    _to_closing(runner, write_answers)
    closing = {
        "offers": [{**FULL_ANSWERS["closing"]["offers"][0], "status": "accepted"}],
        "offer_check": "Meets my floor.",
        "decision": "Accepting",
        "leaving_well": LEAVING_WELL,
    }
    output = flat(run(runner, "next", "--answers", str(write_answers("closing", closing))).output)
    # weights, fit and what to negotiate served the comparing: the decision is made
    assert "✓ Closing complete." in output
    report = report_json(runner)
    assert report["current_stage"] is None
    assert "What counts most in an offer" not in report["next_step"]
    assert "weights" in run(runner, "questions", "closing").output  # still there to revisit


def test_with_a_decision_but_the_checklist_open_next_is_the_checklist(
    runner: CliRunner, home_dir: Path, write_answers: Any
) -> None:
    _to_closing(runner, write_answers)
    closing = {
        "offers": [{**FULL_ANSWERS["closing"]["offers"][0], "status": "accepted"}],
        "offer_check": "Meets my floor.",
        "decision": "Accepting",
        "leaving_well": LEAVING_WELL[:2],
    }
    run(runner, "next", "--answers", str(write_answers("closing", closing)))
    report = report_json(runner)
    assert report["next_step"] == (
        "Closing still needs the leaving-well checklist done: "
        "run `careerpath next --stage closing`."
    )
    assert stage(report, "closing")["status"] == "in progress"
    # Before a decision, the weights are a fair next question.
    undecided = {
        **closing,
        "offers": FULL_ANSWERS["closing"]["offers"],
        "decision": "Still deciding",
    }
    run(runner, "next", "--answers", str(write_answers("closing", undecided)))
    assert report_json(runner)["next_step"] == (
        "Closing still needs a decision recorded on an offer: run `careerpath offer edit o1`."
    )


# --- small ones --------------------------------------------------------------------------------


def test_an_offer_from_an_application_is_recorded_as_the_hint_says_and_declining_moves_it(
    runner: CliRunner, home_dir: Path
) -> None:
    run(runner, "start")
    run(runner, "app", "add", "Acme", "UX researcher", "--status", "interviewing")
    hint = flat(run(runner, "app", "move", "a1", "offer").output)
    assert "--base AMOUNT" not in hint
    command = "careerpath offer add --from a1 --base '52000 EUR'"
    assert f"`{command}`" in hint
    run(runner, *shlex.split(command)[1:])
    declined = run(runner, "offer", "edit", "o1", "--status", "declined").output
    assert "Moved a1: offer → withdrawn." in declined
    assert "withdrawn" in run(runner, "app", "show", "a1").output


INTAKE = """\
want_by_end = "An offer I want."
in_the_way = "Time."
hours = 5
confidence = 3
goals = ["Accept an offer that meets my floor"]
"""


def test_at_the_end_open_homework_then_goals_come_before_all_complete(
    runner: CliRunner, home_dir: Path, write_answers: Any, tmp_path: Path
) -> None:
    from conftest import CLOSING_DONE

    intake = tmp_path / "intake.toml"
    intake.write_text(INTAKE)
    run(runner, "start")
    run(runner, "program", "start", "--answers", str(intake))
    run(runner, "homework", "add", "Thank Sam for the introduction", "--due", "2026-12-20")
    for stage_id in ("exploration", "diving-deeper", "networking", "applying"):
        run(runner, "next", "--stage", stage_id, "--answers", str(write_answers(stage_id)))
    run(runner, "next", "--stage", "closing", "--answers", str(write_answers("c", CLOSING_DONE)))
    report = report_json(runner)
    assert report["current_stage"] is None
    assert report["next_step"] == (
        "Homework h1 is still open: “Thank Sam for the introduction” "
        "(`careerpath homework done h1` once it is done)."
    )
    run(runner, "homework", "done", "h1")
    assert report_json(runner)["next_step"] == (
        "Goal g1 is still open: “Accept an offer that meets my floor” "
        "(`careerpath goal done g1` once it is met)."
    )
    run(runner, "goal", "done", "g1")
    final = report_json(runner)["next_step"]
    assert final == (
        "Every stage is complete and your goals are met: run `careerpath program end` "
        "for the closing re-assessment."
    )
    assert f"Next: {final}" in flat(run(runner, "report").output)
    closing = tmp_path / "closing.toml"
    closing.write_text(INTAKE.split("goals")[0] + '\n[goals]\ng1 = "met"\n')
    run(runner, "program", "end", "--answers", str(closing))
    assert report_json(runner)["next_step"].startswith("All stages are complete")


def test_a_decision_in_an_answers_file_is_recorded_on_the_offer_as_at_a_prompt(
    runner: CliRunner, home_dir: Path, write_answers: Any
) -> None:
    _to_closing(runner, write_answers)
    run(runner, "offer", "add", "--from", "a1", "--base", "52000 EUR", "--deadline", "2026-12-01")
    closing = {
        "offer_check": "Meets my floor.",
        "decision": "Accepting",
        "leaving_well": LEAVING_WELL,
    }
    output = flat(run(runner, "next", "--answers", str(write_answers("closing", closing))).output)
    assert "Recorded on o1 Acme: UX researcher: accepted." in output
    assert "Moved a1: offer → accepted." in output  # `offer add --from` moved it to offer
    assert "✓ Closing complete." in output
    report = report_json(runner)
    assert report["current_stage"] is None
    assert "o1-deadline" not in report["next_step"]  # answered: no longer due
