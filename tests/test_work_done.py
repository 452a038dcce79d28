"""Scenarios: a stage's progress counts the work done, not the forms filled in (issue 11)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from conftest import FULL_ANSWERS, flat, run


def _at_networking(runner: CliRunner, home: Path, write_answers: Any) -> None:
    """Exploration and diving deeper complete; every networking question answered."""
    run(runner, "start")
    with (home / "workbook.toml").open("a") as stream:
        for stage_id in ("exploration", "diving-deeper"):
            stream.write(f"\n[stages.{stage_id}]\nstarted = 2026-11-01\ncompleted = 2026-11-10\n")
    answers = dict(FULL_ANSWERS["networking"])
    answers.pop("contacts", None)
    answers |= {"wish_list": ["a data team lead"], "what_helps": "A script for the first line."}
    run(runner, "next", "--stage", "networking", "--answers", str(write_answers("net", answers)))


def _networking(report: dict[str, Any]) -> dict[str, Any]:
    return next(stage for stage in report["stages"] if stage["id"] == "networking")


def test_contacts_without_a_conversation_are_not_the_work(
    runner: CliRunner, home_dir: Path, write_answers: Any
) -> None:
    _at_networking(runner, home_dir, write_answers)
    run(runner, "contact", "add", "Claire Martin", "--how-known", "former colleague")

    text = flat(run(runner, "report").output)
    assert "ready to complete" not in text
    assert (
        "Next: Networking still needs a conversation logged: run `careerpath contact log c1`."
        in text
    )
    assert "Work: · a conversation logged; · a follow-up planned or done" in text
    networking = _networking(json.loads(run(runner, "report", "-f", "json").output))
    assert networking["status"] == "in progress" and networking["ready"] is False
    assert networking["questions_percent"] == 100
    assert networking["percent"] == 50  # the questions are half; none of the work is done
    assert [(w["label"], w["have"], w["done"]) for w in networking["work"]] == [
        ("a conversation logged", 0, False),
        ("a follow-up planned or done", 0, False),
    ]

    run(runner, "contact", "log", "claire", "-m", "Coffee", "--next", "Send CV", "--due", "1w")
    report = json.loads(run(runner, "report", "-f", "json").output)
    assert _networking(report)["ready"] is True and _networking(report)["percent"] == 100
    assert report["next_step"].startswith("Networking is ready to complete")


def test_a_workbook_definition_says_what_done_means(tmp_path: Path) -> None:
    from careerpath.core.errors import InvalidFiles
    from careerpath.workbook import builtins, definition

    builtin = definition.load_builtin()
    assert [rule.label for rule in builtin.stage("closing").done] == [
        "a decision recorded on an offer",
        "the leaving-well checklist done",
    ]
    text = (builtins.builtin_dir() / "default.toml").read_text()
    broken = tmp_path / "broken.toml"
    broken.write_text(
        text.replace(
            'question = "contacts"\nhaving_any = ["follow_up"',
            'question = "nope"\nhaving_any = ["x"',
        )
    )
    try:
        definition.load(broken)
    except InvalidFiles as error:
        assert "'nope' is not a question of this stage" in str(error.problems)
    else:
        raise AssertionError("a rule naming no question was accepted")


def test_at_the_end_what_is_still_open_comes_before_all_complete(
    runner: CliRunner, home_dir: Path, write_answers: Any
) -> None:
    run(runner, "start")
    for stage_id in ("exploration", "diving-deeper", "networking", "applying", "closing"):
        answers = dict(FULL_ANSWERS[stage_id])
        if stage_id == "diving-deeper":
            answers["targets"] = [{**t, "education": "A degree"} for t in answers["targets"]]
        if stage_id == "networking":
            talk = [{"date": date(2026, 11, 20), "summary": "Coffee"}]
            answers["contacts"] = [{**c, "conversations": talk} for c in answers["contacts"]]
        if stage_id == "closing":
            answers["offers"] = [{**o, "status": "accepted"} for o in answers["offers"]]
            answers["leaving_well"] = ["Given notice in writing", "Agreed a last day"]
        run(runner, "next", "--stage", stage_id, "--answers", str(write_answers(stage_id, answers)))
    report = json.loads(run(runner, "report", "-f", "json").output)
    # An answers file does not complete a stage whose work is open: closing stays in progress.
    assert report["current_stage"] == "closing"
    assert report["next_step"] == (
        "Closing still needs the leaving-well checklist done: "
        "run `careerpath next --stage closing`."
    )
    assert f"Next: {report['next_step']}" in flat(run(runner, "report").output)


def test_pay_below_the_income_floor_is_marked(
    runner: CliRunner, home_dir: Path, write_answers: Any
) -> None:
    run(runner, "start")
    run(runner, "next", "--stage", "exploration", "--answers", str(write_answers("exploration")))
    run(runner, "target", "add", "Finance business partner", "--salary", "36000-48000 EUR")
    run(runner, "target", "add", "Controller", "--salary", "50000-60000 EUR")
    run(runner, "target", "add", "Analyst", "--salary", "30000-40000 GBP")
    shown = flat(run(runner, "target", "show", "t1").output)
    assert "▼ the low end below your floor of 42,000 EUR" in shown
    assert "below your floor" not in flat(run(runner, "target", "show", "t2").output)
    assert "below your floor" not in flat(run(runner, "target", "show", "t3").output)
    rows = {line.split()[0]: line for line in run(runner, "target", "list").output.splitlines()}
    assert "│" in rows["t1"] and "36k–48k EUR ▼" in rows["t1"]
    assert "│" in rows["t2"] and "▼" not in rows["t2"]
    assert "│" not in rows["t3"] and "▼" not in rows["t3"]  # another currency: no comparison
