"""The record commands as a person or a script runs them (CliRunner: no terminal):
target, contact, app, offer, due, done, snooze, and the report's new sections."""

from __future__ import annotations

import datetime as dt
import json
import re
import tomllib
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from conftest import (
    CLOSING_DONE,
    FULL_ANSWERS,
    INTERRUPT,
    TODAY,
    Interrupt,
    ScriptedPrompter,
    flat,
    run,
    stage_file,
)


@pytest.fixture
def home(runner: CliRunner, home_dir: Path, write_answers: Any) -> Path:
    """A workbook with exploration answered: values, income floor, ways of working, hours."""
    run(runner, "start")
    answers = {**FULL_ANSWERS["exploration"], "constraints": "School run on Tuesdays."}
    run(runner, "next", "--answers", str(write_answers("exploration", answers)))
    return home_dir


# --- the command groups ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("command", "says"),
    [
        (["target"], "Target jobs you are researching"),
        (["contact"], "People to talk to"),
        (["app"], "Applications through the pipeline"),
        (["offer"], "Offers, negotiation"),
        (["due"], "What is due: overdue first"),
        (["done"], "Mark items from `careerpath due` as done"),
        (["snooze"], "Move an item from `careerpath due` to a later day"),
        (["export"], "Everything in your workbook"),
        (["app", "move"], "the move is added to its dated history"),
        (["contact", "log"], "Log a conversation"),
        (["offer", "compare"], "Offers side by side"),
    ],
)
def test_every_new_command_explains_itself(
    runner: CliRunner, command: list[str], says: str
) -> None:
    output = flat(run(runner, *command, "--help").output)
    assert "Usage:" in output
    assert says in output


def test_the_main_help_lists_the_new_commands(runner: CliRunner) -> None:
    output = run(runner, "--help").output
    for name in ("target", "contact", "app", "offer", "due", "done", "snooze", "export"):
        assert f"│ {name} " in output


# --- target ----------------------------------------------------------------------------------


def test_target_add_list_and_show(runner: CliRunner, home: Path) -> None:
    output = run(
        runner,
        "target",
        "add",
        "UX researcher",
        "--field",
        "Tech",
        "--salary",
        "50k-70k EUR",
        "--outlook",
        "grow",
        "--task",
        "interviews",
        "--fit",
        "autonomy=5",
        "--fit",
        "Helping=4",
    ).output
    assert "Added t1: UX researcher." in output
    # Autonomy weighs 5, helping others 4: (5*5 + 4*4) / 9
    assert "Fit with your values: 4.6 of 5 (2 of 5 values rated)." in output
    run(runner, "target", "add", "Data analyst", "--salary", "30-45 EUR/hour", "--overall", "3")
    saved = stage_file(home, "diving-deeper")["targets"]
    assert saved[0]["fit"] == {"Autonomy": 5, "Helping others": 4}
    assert saved[0]["outlook"] == "Growing"
    assert saved[1]["salary"] == {"low": 30, "high": 45, "currency": "EUR", "period": "hour"}
    lines = run(runner, "target", "list").output.splitlines()
    assert lines[0].split()[:3] == ["id", "target", "job"]
    assert lines[1].startswith("t1  UX researcher")
    assert "4.6 (2/5)" in lines[1] and "50k–70k EUR" in lines[1]
    # An hourly range is put on the yearly scale: 30-45 an hour is 62.4k-93.6k a year.
    assert "62.4k–93.6k EUR" in lines[2]
    assert "(30–45 per hour)" in lines[3]  # wrapped at a space, within 80 columns
    assert "3.0 (overall)" in lines[2]
    show = run(runner, "target", "show", "ux").output
    assert "Fit with your top values" in show
    assert "Learning and growth" in show and "not rated" in show


def test_target_edit_adds_and_remove_keeps_the_id_retired(runner: CliRunner, home: Path) -> None:
    run(runner, "target", "add", "UX researcher")
    run(runner, "target", "add", "Teacher")
    out = run(runner, "target", "edit", "t2", "--task", "marking", "--question", "Pay rise?")
    assert "Saved t2: Teacher." in out.output
    run(runner, "target", "edit", "teacher", "--task", "lessons", "--task", "marking")
    assert stage_file(home, "diving-deeper")["targets"][1]["tasks"] == ["marking", "lessons"]
    removed = run(runner, "target", "remove", "t2", "--yes").output
    assert "Removed t2: Teacher." in flat(removed)
    assert "t2" not in run(runner, "target", "list").output
    assert "Added t3: Nurse." in run(runner, "target", "add", "Nurse").output
    workbook = tomllib.loads((home / "workbook.toml").read_text())
    assert workbook["record_ids"] == {"targets": 2}


def test_target_input_mistakes_are_explained(runner: CliRunner, home: Path) -> None:
    result = run(runner, "target", "add", "X", "--salary", "-50k-70k EUR", code=1)
    assert "--salary: '-50k-70k EUR': an amount of money cannot be negative." in result.output
    result = run(runner, "target", "add", "X", "--fit", "Fame=4", code=1)
    assert "'Fame' is not one of your top values" in result.output
    assert "Your top values: Autonomy, Helping others" in flat(result.output)
    result = run(runner, "target", "add", "X", "--fit", "Autonomy=7", code=1)
    assert "fit ratings go from 1 to 5" in result.output
    result = run(runner, "target", "add", code=1)
    assert "needs a terminal" in result.output
    assert "careerpath target add TITLE" in flat(result.output)
    run(runner, "target", "add", "X")
    result = run(runner, "target", "edit", "x", code=1)
    assert "Nothing to change: give options" in result.output
    result = run(runner, "target", "remove", "x", code=1)
    assert "add --yes" in result.output
    assert not (home / "stages" / "diving-deeper.toml").read_text().count("t2")


# --- contact ---------------------------------------------------------------------------------


def test_contact_add_list_show_edit(runner: CliRunner, home: Path) -> None:
    run(runner, "target", "add", "UX researcher")
    output = run(
        runner,
        "contact",
        "add",
        "Sam Lee",
        "--org",
        "Acme",
        "--warmth",
        "warm",
        "--target",
        "ux",
        "--next-step",
        "Ask for coffee",
        "--follow-up",
        "3d",
    ).output
    assert "Added c1: Sam Lee (Acme)." in output
    assert "careerpath contact message c1" in output
    run(runner, "contact", "add", "Jo Park", "--warmth", "introduced", "--how-known", "via Maria")
    saved = stage_file(home, "networking")["contacts"]
    assert saved[0] == {
        "id": "c1",
        "name": "Sam Lee",
        "organisation": "Acme",
        "warmth": "warm",
        "targets": ["t1"],
        "next_step": "Ask for coffee",
        "follow_up": dt.date(2026, 11, 28),
    }
    lines = run(runner, "contact", "list").output.splitlines()
    rows = [line for line in lines if line[:2] in ("c1", "c2")]
    assert rows[0].startswith("c1  Sam Lee")  # follow-up due first
    assert "to reach out" in rows[0] and "2026-11-28" in rows[0]
    run(runner, "contact", "edit", "jo", "--status", "keep in touch", "--role", "Designer")
    assert "c2" in run(runner, "contact", "list", "--status", "keep").output
    assert "Sam" not in run(runner, "contact", "list", "--status", "keep").output
    show = run(runner, "contact", "show", "sam").output
    assert "Target jobs" in show and "t1 UX researcher" in show
    assert "None logged yet" in show


def test_contact_and_offer_remove(runner: CliRunner, home: Path) -> None:
    run(runner, "contact", "add", "Sam Lee")
    run(runner, "contact", "add", "Jo Park")
    assert "Removed c2: Jo Park." in flat(run(runner, "contact", "remove", "jo", "-y").output)
    assert [c["id"] for c in stage_file(home, "networking")["contacts"]] == ["c1"]
    run(runner, "offer", "add", "Acme", "--role", "UX", "--base", "50000 EUR")
    assert "Removed o1: Acme: UX." in flat(run(runner, "offer", "remove", "o1", "--yes").output)
    assert "No offers yet" in run(runner, "offer", "list").output
    assert (
        "Added o2" in run(runner, "offer", "add", "Beta", "--role", "X", "--base", "1 EUR").output
    )


def test_contact_log_records_the_conversation_and_the_next_step(
    runner: CliRunner, home: Path
) -> None:
    run(runner, "contact", "add", "Sam Lee", "--next-step", "Ask for coffee", "--follow-up", "1d")
    output = run(
        runner,
        "contact",
        "log",
        "sam",
        "--summary",
        "Coffee about research roles",
        "--learned",
        "They hire in spring",
        "--next-step",
        "Send portfolio",
        "--follow-up",
        "1w",
        "--channel",
        "coffee",
    ).output
    assert "Logged a conversation with Sam Lee on 2026-11-25; status: talked." in output
    assert "The earlier next step “Ask for coffee” (due 2026-11-26) counts as done." in flat(output)
    assert "Next step, due 2026-12-02 (in 7 days): Send portfolio." in output
    (contact,) = stage_file(home, "networking")["contacts"]
    assert contact["status"] == "talked"
    assert contact["next_step"] == "Send portfolio"
    assert contact["conversations"] == [
        {
            "date": dt.date(2026, 11, 25),
            "channel": "coffee",
            "summary": "Coffee about research roles",
            "learned": "They hire in spring",
            "next_step": "Send portfolio",
            "follow_up": dt.date(2026, 12, 2),
        }
    ]
    show = run(runner, "contact", "show", "c1").output
    assert "Conversations (1)" in show and "They hire in spring" in show


def test_contact_mistakes_are_explained(runner: CliRunner, home: Path) -> None:
    run(runner, "contact", "add", "Sam Lee", "--org", "Acme")
    run(runner, "contact", "add", "Sam Lee", "--org", "Beta")
    result = run(runner, "contact", "show", "sam lee", code=1)
    assert (
        "'sam lee' is ambiguous: it matches c1 Sam Lee (Acme), c2 Sam Lee (Beta)" in result.output
    )
    assert "no contact matches 'Zed'" in run(runner, "contact", "show", "Zed", code=1).output
    assert "there is no contact c9" in run(runner, "contact", "log", "c9", "-m", "x", code=1).output
    result = run(runner, "contact", "add", "Kim", "--warmth", "hot", code=1)
    assert "'hot' is not a way of knowing someone" in result.output
    result = run(runner, "contact", "add", "Kim", "--due", "soon", code=1)
    assert "--due: 'soon' is not a date" in result.output
    result = run(runner, "contact", "add", "Kim", "--due", "2026-02-31", code=1)
    assert "is not a real date" in result.output
    result = run(runner, "contact", "log", "c1", code=1)
    assert "needs a terminal" in result.output and "--summary TEXT" in flat(result.output)
    result = run(runner, "contact", "log", "c1", "-m", "x", "--date", "2w", code=1)
    assert "is in the future" in result.output
    assert "Kim" not in (home / "stages" / "networking.toml").read_text()


def test_a_follow_up_in_the_past_is_kept_with_a_warning(runner: CliRunner, home: Path) -> None:
    result = run(runner, "contact", "add", "Kim", "--due", "2026-11-20")
    assert "Note: the next step's date 2026-11-20 is in the past" in flat(result.output)
    assert "c1-follow-up" in run(runner, "due").output


def test_contact_message_starters_are_filled_in_and_one_can_be_kept(
    runner: CliRunner, home: Path
) -> None:
    run(runner, "target", "add", "UX researcher")
    run(
        runner,
        "contact",
        "add",
        "Jo Park",
        "--org",
        "Initech",
        "--warmth",
        "cold",
        "--target",
        "t1",
    )
    output = flat(run(runner, "contact", "message", "jo").output)
    assert "1. Someone you have not met" in output  # cold contacts get the cold starter first
    assert (
        "Hi Jo, I came across your work at Initech while looking into UX researcher work." in output
    )
    assert "--pick N --edit" in output
    kept = run(runner, "contact", "message", "jo", "--pick", "1").output
    assert "Saved your message to Jo Park (Initech)" in kept
    saved = stage_file(home, "networking")["contacts"][0]["message"]
    assert saved.startswith("Hi Jo, I came across your work at Initech") and "[" not in saved
    assert "Your message" in run(runner, "contact", "message", "c1").output
    result = run(runner, "contact", "message", "jo", "--pick", "9", code=1)
    assert "choose a starter from 1 to 5" in result.output


# --- app -------------------------------------------------------------------------------------


@pytest.fixture
def apps(runner: CliRunner, home: Path) -> Path:
    run(runner, "target", "add", "UX researcher")
    run(runner, "contact", "add", "Sam Lee")
    run(
        runner,
        *("app", "add", "Acme", "UX researcher", "--status", "applied", "--date", "2026-11-01"),
        *("--target", "t1", "--contact", "sam", "--document", "cv/acme.pdf"),
    )
    run(runner, "app", "add", "Globex", "Data analyst", "--status", "applied", "--date", "-20d")
    run(runner, "app", "add", "Initech", "UX researcher")
    return home


def test_app_add_keeps_a_dated_history(runner: CliRunner, apps: Path) -> None:
    saved = stage_file(apps, "applying")["applications"]
    assert saved[0]["history"] == [{"date": dt.date(2026, 11, 1), "status": "applied"}]
    assert (saved[0]["target"], saved[0]["contact"]) == ("t1", "c1")
    assert saved[2]["history"][0]["status"] == "interested"
    result = run(runner, "app", "add", "X", "Y", "--date", "3d", code=1)
    assert "--date 2026-11-28 is in the future" in result.output
    result = run(runner, "app", "add", "X", code=1)
    assert "give the role too" in result.output


def test_app_move_forward_backward_and_the_history(runner: CliRunner, apps: Path) -> None:
    output = run(runner, "app", "move", "acme", "screening", "--date", "2026-11-10").output
    assert "a1 Acme: UX researcher: applied → screening (2026-11-10)." in output
    result = run(runner, "app", "move", "a1", "applied", code=1)
    assert "that moves it backwards (screening → applied)" in result.output
    assert "--force" in result.output
    run(runner, "app", "move", "a1", "applied", "--force", "--note", "recruiter mix-up")
    result = run(runner, "app", "move", "a1", "hired", code=1)
    assert "'hired' is not a status in the pipeline" in result.output
    assert "it is already applied" in run(runner, "app", "move", "a1", "applied", code=1).output
    result = run(runner, "app", "move", "a1", "screening", "--date", "2026-11-05", code=1)
    assert "the last move was on 2026-11-25" in result.output
    assert "there is no application a9" in run(runner, "app", "move", "a9", "offer", code=1).output
    run(runner, "app", "move", "a1", "No Response")
    statuses = [m["status"] for m in stage_file(apps, "applying")["applications"][0]["history"]]
    assert statuses == ["applied", "screening", "applied", "no response"]
    shown = run(runner, "app", "show", "a1").output
    history = shown[shown.index("History") :]
    assert "2026-11-25  applied      recruiter mix-up" in history
    assert history.index("screening") < history.index("no response")


def test_app_move_needs_force_after_accepting(runner: CliRunner, apps: Path) -> None:
    run(runner, "app", "move", "a1", "offer")
    run(runner, "app", "move", "a1", "accepted")
    result = run(runner, "app", "move", "a1", "withdrawn", code=1)
    assert "it is accepted" in result.output
    run(runner, "app", "move", "a1", "withdrawn", "--force")


def test_app_list_shows_active_first_and_flags_stale_ones(runner: CliRunner, apps: Path) -> None:
    run(runner, "app", "move", "a3", "withdrawn")
    lines = run(runner, "app", "list").output.splitlines()
    # Same status: the one that moved last comes first.
    assert [line.split()[0] for line in lines[1:3]] == ["a2", "a1"]
    assert "stale 20d" in lines[1]
    assert "stale 24d" in lines[2]  # applied 2026-11-01, 24 days without news
    assert "1 closed not shown: careerpath app list --all" in lines[-1]
    assert "a3" in run(runner, "app", "list", "--all").output
    assert "a3" in run(runner, "app", "list", "--status", "withdrawn").output
    run(runner, "app", "move", "a2", "screening")
    stale = run(runner, "app", "list", "--stale").output
    assert "a1" in stale and "a2" not in stale


def test_the_stale_threshold_is_the_persons_own_answer(
    runner: CliRunner, apps: Path, write_answers: Any
) -> None:
    path = write_answers("applying", {"stale_after": 30})
    run(runner, "next", "--stage", "applying", "--answers", str(path))
    assert "stale" not in run(runner, "app", "list").output


def test_app_edit_and_remove(runner: CliRunner, apps: Path) -> None:
    run(runner, "app", "edit", "a2", "--next-action", "Chase", "--due", "tomorrow", "--link", "x")
    saved = stage_file(apps, "applying")["applications"][1]
    assert (saved["next_action"], saved["link"]) == ("Chase", "x")
    result = run(runner, "app", "edit", "a2", "--target", "t7", code=1)
    assert "there is no target job t7" in result.output
    run(runner, "app", "remove", "a3", "--yes")
    assert [a["id"] for a in stage_file(apps, "applying")["applications"]] == ["a1", "a2"]
    assert "Added a4" in run(runner, "app", "add", "Hooli", "Designer").output


def test_app_interview_adds_moves_and_closes_with_a_reflection(
    runner: CliRunner, apps: Path
) -> None:
    output = run(
        runner,
        *("app", "interview", "a1", "--at", "2026-11-27 10:00", "--round", "1"),
        *("--format", "video", "--with", "Jo Park", "--prep", "Three stories"),
    ).output
    assert "Added interview 1 for a1 Acme: UX researcher: 2026-11-27 10:00." in output
    assert "Moved a1: applied → interviewing." in output
    assert "a1-i1" in run(runner, "due").output
    run(runner, "app", "interview", "a1", "-n", "1", "--question", "Why research?")
    run(runner, "app", "interview", "a1", "-n", "1", "--reflection", "Went well; slow start.")
    (interview,) = stage_file(apps, "applying")["applications"][0]["interviews"]
    assert interview["questions"] == ["Why research?"]
    assert interview["reflection"] == "Went well; slow start."
    assert "a1-i1" not in run(runner, "due", "--all").output
    result = run(runner, "app", "interview", "a1", "-n", "4", "--done", code=1)
    assert "a1 has 1 interview(s), so no number 4" in result.output
    result = run(runner, "app", "interview", "a1", "--at", "25:00", code=1)
    assert "--at:" in result.output
    assert "say when: --at DATE" in run(runner, "app", "interview", "a1", code=1).output


# --- offer -----------------------------------------------------------------------------------


@pytest.fixture
def offers(runner: CliRunner, apps: Path) -> Path:
    run(
        runner,
        *("offer", "add", "--from", "a1", "--base", "58000 EUR", "--bonus", "10% on target"),
        *("--deadline", "2026-12-05", "--work-mode", "hybrid", "--hours", "32"),
        *("--rate", "autonomy=4", "--meets", "constraints"),
    )
    run(
        runner,
        *("offer", "add", "Beta", "--role", "Researcher", "--base", "40000 EUR"),
        *("--bonus", "4000 EUR", "--work-mode", "on-site", "--hours", "40"),
        *("--rate", "autonomy=2", "--deadline", "2026-12-01"),
    )
    return apps


def test_offer_add_from_an_application(runner: CliRunner, offers: Path) -> None:
    saved = stage_file(offers, "closing")["offers"]
    assert saved[0]["employer"] == "Acme" and saved[0]["application"] == "a1"
    assert saved[0]["bonus"] == "10% on target"
    assert saved[1]["bonus"] == {"amount": 4000, "currency": "EUR"}
    assert saved[1]["work_mode"] == "On-site near where I live"
    app_status = stage_file(offers, "applying")["applications"][0]["history"][-1]["status"]
    assert app_status == "offer"
    lines = run(runner, "offer", "list").output.splitlines()
    assert lines[1].split()[:2] == ["o1", "Acme:"]
    assert "58,000 EUR" in lines[1] and "2026-12-05 (in 10 days)" in lines[1]


def test_an_offer_from_an_application_without_its_pay_says_how_to_give_it(
    runner: CliRunner, offers: Path
) -> None:
    """Without a terminal to ask in, the message names the application and the option."""
    result = run(runner, "offer", "add", "--from", "a1", code=1)
    assert "an offer from a1 needs its base pay" in result.output
    assert "`careerpath offer add --from a1 --base '46000 EUR'`" in flat(result.output)
    assert "run it in a terminal to be asked" in flat(result.output)


def test_offer_mistakes_are_explained(runner: CliRunner, offers: Path) -> None:
    result = run(runner, "offer", "add", "Hooli", "--role", "X", "--base", "-5 EUR", code=1)
    assert "an amount of money cannot be negative" in result.output
    result = run(runner, "offer", "add", "Hooli", "--role", "X", code=1)
    assert "an offer needs its base pay" in result.output
    assert "Add --base PAY, e.g. `careerpath offer add EMPLOYER --base" in flat(result.output)
    result = run(runner, "offer", "edit", "o1", "--meets", "fame", code=1)
    assert "'fame' is not one of your needs" in result.output
    assert "income_floor, work_modes, hours, constraints" in flat(result.output)
    result = run(runner, "offer", "edit", "o1", "--work-mode", "moon", code=1)
    assert "'moon' is not a way of working" in result.output


def test_offer_compare_scores_against_the_persons_needs(runner: CliRunner, offers: Path) -> None:
    output = run(runner, "offer", "compare").output
    assert "o1 Acme: UX researcher" in output and "o2 Beta: Researcher" in output
    assert "misses: Autonomy, Income floor (per year), Ways of working open to you" in flat(output)
    score_line = next(line for line in output.splitlines() if "Score (1–5)" in line)
    first, second = (float(x) for x in re.findall(r"(\d\.\d) of 5", score_line))
    assert first > second
    saved = run(runner, "offer", "compare", "o1", "--weight", "income_floor=1").output
    assert "Saved weights: income_floor=1" in saved
    assert stage_file(offers, "closing")["weights"] == {"income_floor": 1}
    result = run(runner, "offer", "compare", "--weight", "Fame=3", code=1)
    assert "'Fame' is not one of the needs offers are compared on" in result.output


def test_offer_show_edit_and_negotiate(runner: CliRunner, offers: Path) -> None:
    run(runner, "offer", "negotiate", "acme", "--asked", "62k and a training budget")
    run(runner, "offer", "negotiate", "o1", "--answer", "60k, training budget yes")
    show = run(runner, "offer", "show", "o1").output
    assert "asked: 62k and a training budget" in show
    assert "answer: 60k, training budget yes" in show
    assert "Against your needs" in show
    assert "against your floor of 42,000 EUR" in flat(show)
    assert "negotiating" in show
    result = run(runner, "offer", "negotiate", "o1", "--answer", "again", code=1)
    assert "there is no ask waiting for an answer" in result.output
    run(runner, "offer", "edit", "o1", "--status", "accepted", "--benefit", "Pension 6%")
    saved = stage_file(offers, "closing")["offers"][0]
    assert (saved["status"], saved["responded"].isoformat()) == ("accepted", "2026-11-25")
    assert "o1-deadline" not in run(runner, "due", "--all").output


def test_the_leaving_well_checklist(runner: CliRunner, offers: Path) -> None:
    output = run(runner, "offer", "checklist", "--tick", "notice", "--tick", "references").output
    assert "Leaving well  2 of 6 done" in output
    assert "[x] Given notice in writing" in output
    assert "[ ] Written handover notes" in output
    run(runner, "offer", "checklist", "--untick", "notice")
    assert stage_file(offers, "closing")["leaving_well"] == ["Asked for references"]
    result = run(runner, "offer", "checklist", "--tick", "a", code=1)
    assert "'a' matches several items" in result.output


# --- due, done, snooze -----------------------------------------------------------------------


@pytest.fixture
def agenda(runner: CliRunner, offers: Path) -> Path:
    run(runner, "contact", "edit", "c1", "--next-step", "Coffee", "--follow-up", "2026-11-20")
    run(runner, "app", "edit", "a3", "--next-action", "Apply", "--due", "2026-11-27")
    run(runner, "app", "interview", "a2", "--at", "2026-11-30 14:00")
    return offers


def test_due_lists_overdue_first_then_the_coming_week(runner: CliRunner, agenda: Path) -> None:
    output = run(runner, "due").output
    lines = [line.rstrip() for line in output.splitlines()]
    assert lines[0] == "Overdue"
    overdue = lines[1 : lines.index("Until 2026-12-02")]
    assert [line.split()[0] for line in overdue] == ["c1-follow-up"]
    ahead = [line.split()[0] for line in lines[lines.index("Until 2026-12-02") + 1 :] if line]
    assert ahead[:3] == ["a3-next", "a2-i1", "o2-deadline"]
    assert "1 more later: careerpath due --all" in output  # o1, due 2026-12-05
    assert "o1-deadline" in run(runner, "due", "--within", "2w").output
    assert "o1-deadline" in run(runner, "due", "--all").output
    assert "a1-stale" not in output  # a1 moved to offer: nothing to wait for


def test_done_and_snooze(runner: CliRunner, agenda: Path) -> None:
    output = run(runner, "done", "c1-follow-up", "a3").output  # a record id with one item
    assert "Done: c1-follow-up Sam Lee: Coffee" in output
    assert "Done: a3-next Initech: UX researcher: Apply" in output
    contact = stage_file(agenda, "networking")["contacts"][0]
    assert "follow_up" not in contact and "next_step" not in contact
    assert "Snoozed o2-deadline" not in run(runner, "snooze", "o2-deadline", "3d", code=1).output
    result = run(runner, "snooze", "a2-i1", "3d", code=1)
    assert "an interview's date is agreed with the employer" in result.output
    run(runner, "app", "edit", "a2", "--next-action", "Send samples", "--due", "today")
    output = run(runner, "snooze", "a2-next", "1w").output
    assert "Snoozed a2-next until 2026-12-02 (in 7 days)" in output
    saved = stage_file(agenda, "applying")["applications"][1]
    assert (saved["next_action_due"], saved["snoozed"]) == (TODAY, dt.date(2026, 12, 2))
    result = run(runner, "done", "a2", code=1)
    assert "'a2' has 2 open items: a2-i1, a2-next" in result.output
    result = run(runner, "done", "c7-follow-up", code=1)
    assert "nothing open is called 'c7-follow-up'" in result.output
    result = run(runner, "snooze", "a2-next", "2026-11-01", code=1)
    assert "snooze it to a day after today" in result.output
    result = run(runner, "snooze", "a2-next", "soon", code=1)
    assert "WHEN: 'soon' is not a date" in result.output


def test_a_stale_application_can_be_snoozed_or_marked_done(runner: CliRunner, apps: Path) -> None:
    assert "a1-stale" in run(runner, "due").output
    run(runner, "snooze", "a1-stale", "1w")
    assert "a1-stale" not in run(runner, "due").output
    assert stage_file(apps, "applying")["applications"][0]["snoozed_until"].isoformat() == (
        "2026-12-02"
    )
    output = run(runner, "done", "a2-stale").output
    assert "It is flagged again if nothing moves" in flat(output)
    assert "a2-stale" not in run(runner, "due").output


def test_next_starts_with_what_is_overdue(
    runner: CliRunner, home: Path, write_answers: Any
) -> None:
    for stage_id in ("diving-deeper", "networking", "applying", "closing"):
        answers = CLOSING_DONE if stage_id == "closing" else None
        run(runner, "next", "--stage", stage_id, "--answers", str(write_answers(stage_id, answers)))
    run(runner, "contact", "add", "Kim", "--next-step", "Say thanks", "--follow-up", "-3d")
    output = run(runner, "next").output
    # the one Next first, the same as the report's; then the overdue list
    first, _, rest = flat(output).partition(" 1 item is overdue")
    assert first == (
        "Next: Follow-up “Kim: Say thanks” was due Sun 22 Nov 2026: "
        "run `careerpath done c2-follow-up` once it is done."
    )
    assert "c2-follow-up" in rest and "3 days ago" in rest
    report = json.loads(run(runner, "report", "-f", "json").output)
    assert f"Next: {report['next_step']}" == first
    assert first in flat(run(runner, "report").output)
    assert "You have completed every stage" in output


# --- report ----------------------------------------------------------------------------------


def test_the_report_shows_due_funnel_outreach_targets_and_offers(
    runner: CliRunner, agenda: Path
) -> None:
    run(runner, "contact", "log", "c1", "-m", "Coffee", "--date", "yesterday")  # done, too
    output = flat(run(runner, "report").output)
    assert "What is due: 0 overdue, 3 in the next week" in output
    assert "Applications: 3 (3 active)" in output
    assert "Reached: interested 3 → applied 2 → screening 2 → interviewing 2 → offer 1" in output
    assert "Heard back: 2 of 2 (100%)" in output
    assert "Outreach this week (Mon–Sun): 1 (set a weekly goal in networking)" in output
    assert "t1 UX researcher: fit not rated" in output
    assert "o1 Acme: UX researcher: score" in output
    assert "misses Autonomy, Income floor (per year)" in output


def test_a_long_target_line_wraps_under_its_indent_at_80_columns(
    runner: CliRunner, home_dir: Path
) -> None:
    run(runner, "start")
    run(runner, "target", "add", "--from", "11-9041.00")  # Architectural and Engineering Managers
    lines = run(runner, "report").output.splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("  t1 Architectural"))
    assert lines[at].endswith("USD") and lines[at + 1] == "    a year", lines[at : at + 2]
    assert all(len(line) <= 80 for line in lines)


def test_the_report_json_gains_documented_fields(runner: CliRunner, agenda: Path) -> None:
    report = json.loads(run(runner, "report", "--format", "json").output)
    assert report["report_version"] == 1
    assert report["due"]["overdue"] == 1
    assert report["due"]["next"][0] == {
        "id": "c1-follow-up",
        "what": "follow-up",
        "title": "Sam Lee: Coffee",
        "due": "2026-11-20",
    }
    pipeline = report["pipeline"]
    assert (pipeline["total"], pipeline["applied"], pipeline["response_rate"]) == (3, 2, 100)
    assert pipeline["funnel"][0] == {"status": "interested", "reached": 3, "now": 1}
    assert pipeline["funnel"][-1] == {"status": "no response", "reached": None, "now": 0}
    assert report["outreach"]["goal"] is None
    assert report["targets"][0]["id"] == "t1"
    assert [o["id"] for o in report["offers"]] == ["o1", "o2"]
    assert report["offers"][1]["misses"][0] == "Autonomy"
    assert report["leaving_well"] == {"done": 0, "total": 6}


def test_the_markdown_report_has_the_sections(runner: CliRunner, agenda: Path) -> None:
    text = run(runner, "report", "--format", "markdown").output
    assert "## What is due: 1 overdue, 3 in the next week" in text
    assert "## Applications: 3 (3 active)" in text
    assert "- o1 Acme: UX researcher: score" in text


def test_a_coachs_workbook_without_these_records(runner: CliRunner, tmp_path: Path) -> None:
    from test_definition import SMALL

    coach = tmp_path / "coach.toml"
    coach.write_text(SMALL)
    run(runner, "start", "--workbook", str(coach))
    result = run(runner, "app", "list", code=1)
    assert "this workbook has no place for applications" in result.output
    assert "Nothing due until 2026-12-02." in run(runner, "due").output
    report = json.loads(run(runner, "report", "-f", "json").output)
    assert (report["pipeline"], report["outreach"], report["targets"]) == (None, None, [])
    assert "What is due" not in run(runner, "report").output
    run(runner, "export", "-f", "csv", "-o", str(tmp_path / "csv"))
    assert (tmp_path / "csv" / "answers.csv").exists()


# --- snoozing, and what a snooze keeps -------------------------------------------------------


def test_snooze_only_puts_an_item_off_and_keeps_its_first_date(
    runner: CliRunner, home: Path
) -> None:
    run(runner, "contact", "add", "Sam Lee", "--next", "Send portfolio", "--due", "2026-12-02")
    before = (home / "stages" / "networking.toml").read_text()
    result = run(runner, "snooze", "c1", "3d", code=1)  # 2026-11-28: earlier than it was due
    assert "c1-follow-up is due 2026-12-02; snoozing puts it off" in flat(result.output)
    assert (home / "stages" / "networking.toml").read_text() == before
    assert "until 2026-12-05" in run(runner, "snooze", "c1", "2026-12-05").output
    (contact,) = stage_file(home, "networking")["contacts"]
    assert (contact["follow_up"], contact["snoozed"]) == (
        dt.date(2026, 12, 2),
        dt.date(2026, 12, 5),
    )
    assert "Due 2026-12-02, snoozed to 2026-12-05 (in 10 days)" in flat(
        run(runner, "contact", "show", "c1").output
    )
    assert "c1-follow-up  2026-12-05" in run(runner, "due", "--all").output
    run(runner, "contact", "edit", "c1", "--due", "2026-12-09")  # a new date ends the snooze
    (contact,) = stage_file(home, "networking")["contacts"]
    assert "snoozed" not in contact and contact["follow_up"] == dt.date(2026, 12, 9)


def test_a_snoozed_next_action_keeps_its_due_date(runner: CliRunner, home: Path) -> None:
    run(runner, "app", "add", "Acme", "UX", "--next", "Send samples", "--due", "2026-11-27")
    run(runner, "snooze", "a1-next", "2026-12-01")
    (app_,) = stage_file(home, "applying")["applications"]
    assert (app_["next_action_due"], app_["snoozed"]) == (
        dt.date(2026, 11, 27),
        dt.date(2026, 12, 1),
    )
    assert "due 2026-11-27, snoozed to 2026-12-01" in flat(run(runner, "app", "show", "a1").output)
    run(runner, "done", "a1-next")
    (app_,) = stage_file(home, "applying")["applications"]
    assert not {"next_action", "next_action_due", "snoozed"} & app_.keys()


def test_files_from_before_snoozes_were_kept_apart_still_load(
    runner: CliRunner, home: Path
) -> None:
    run(runner, "contact", "add", "Sam Lee", "--due", "2026-12-02")
    path = home / "stages" / "networking.toml"
    assert "snoozed" not in path.read_text()  # the older shape: just the date
    assert "c1-follow-up" in run(runner, "due").output
    path.write_text(path.read_text().replace("follow_up = 2026-12-02", "snoozed = 2026-12-05"))
    result = run(runner, "doctor", code=1)
    assert "snoozed moves the follow up, and there is none" in flat(result.output)


def test_stale_days_count_from_the_last_news_not_the_snooze(runner: CliRunner, home: Path) -> None:
    run(
        runner,
        "app",
        "add",
        "Globex",
        "Data analyst",
        "--status",
        "applied",
        "--date",
        "2026-11-03",
    )
    run(runner, "snooze", "a1-stale", "2026-11-30")
    assert "stale" not in run(runner, "app", "list", today="2026-11-29").output
    listed = run(runner, "app", "list", today="2026-12-05").output
    assert "stale 32d" in listed  # 3 Nov to 5 Dec, however long it was snoozed


# --- nothing is written when a command cannot do all it was asked ----------------------------


def test_done_checks_every_item_before_marking_any(runner: CliRunner, agenda: Path) -> None:
    result = run(runner, "done", "c1-follow-up", "zzz", code=1)
    assert "nothing open is called 'zzz'" in result.output
    assert stage_file(agenda, "networking")["contacts"][0]["follow_up"] == dt.date(2026, 11, 20)


def test_offer_compare_saves_no_weights_when_an_offer_is_not_found(
    runner: CliRunner, offers: Path
) -> None:
    result = run(runner, "offer", "compare", "NOSUCH", "--weight", "income_floor=2", code=1)
    assert "no offer matches 'NOSUCH'" in result.output
    assert "weights" not in stage_file(offers, "closing")


# --- one fact, one place ---------------------------------------------------------------------


def test_answering_an_offer_moves_the_application_it_came_from(
    runner: CliRunner, offers: Path
) -> None:
    output = run(runner, "offer", "edit", "o1", "--status", "accepted").output
    assert "Moved a1: offer → accepted." in output
    history = stage_file(offers, "applying")["applications"][0]["history"]
    assert history[-1] == {"date": TODAY, "status": "accepted"}
    report = json.loads(run(runner, "report", "--format", "json").output)
    assert report["pipeline"]["funnel"][5] == {"status": "accepted", "reached": 1, "now": 1}
    run(runner, "app", "add", "Hooli", "Designer", "--status", "interviewing")
    run(runner, "offer", "add", "--from", "a4", "--base", "45000 EUR")
    assert (
        "Moved a4: offer → withdrawn."
        in run(runner, "offer", "edit", "o3", "--status", "dec").output
    )
    # An offer not linked to an application moves nothing.
    assert "Moved" not in run(runner, "offer", "edit", "o2", "--status", "declined").output


def test_the_open_next_step_is_the_contacts_and_a_conversation_keeps_what_was_planned(
    runner: CliRunner, home: Path
) -> None:
    run(runner, "contact", "add", "Sam Lee")
    run(runner, "contact", "log", "c1", "-m", "Coffee", "--next", "Send portfolio", "--due", "1w")
    run(runner, "snooze", "c1", "2026-12-05")
    show = flat(run(runner, "contact", "show", "c1").output)
    assert "Due 2026-12-02, snoozed to 2026-12-05" in show
    assert "Planned then Send portfolio, by 2026-12-02" in show
    run(runner, "done", "c1")
    show = flat(run(runner, "contact", "show", "c1").output)
    assert "Next step" not in show and "Planned then Send portfolio" in show


# --- option names ----------------------------------------------------------------------------


def test_the_next_step_options_are_next_and_due_and_the_old_names_still_work(
    runner: CliRunner, home: Path
) -> None:
    for group in ("contact", "app"):
        shown = run(runner, group, "add", "--help").output
        assert "--next" in shown and "--due" in shown
        assert "--next-step" not in shown and "--follow-up" not in shown
        assert "--next-action" not in shown
    run(runner, "contact", "add", "Sam", "--next-step", "Coffee", "--follow-up", "3d")
    run(runner, "contact", "log", "sam", "-m", "Hi", "--next-step", "Call", "--follow-up", "1w")
    run(runner, "app", "add", "Acme", "UX", "--next-action", "Apply", "--due", "2d")
    (contact,) = stage_file(home, "networking")["contacts"]
    assert (contact["next_step"], contact["follow_up"]) == ("Call", dt.date(2026, 12, 2))
    (app_,) = stage_file(home, "applying")["applications"]
    assert (app_["next_action"], app_["next_action_due"]) == ("Apply", dt.date(2026, 11, 27))


# --- the coach's view of activity -------------------------------------------------------------


def test_record_changes_are_work_on_their_stage(runner: CliRunner, apps: Path) -> None:
    run(runner, "app", "move", "a1", "screening", today="2026-11-27")
    state = tomllib.loads((apps / "workbook.toml").read_text())
    assert state["stages"]["applying"]["worked"] == dt.date(2026, 11, 27)
    run(runner, "offer", "add", "--from", "a1", "--base", "50000 EUR", today="2026-11-28")
    state = tomllib.loads((apps / "workbook.toml").read_text())
    assert state["stages"]["applying"]["worked"] == dt.date(2026, 11, 28)
    assert state["stages"]["closing"] == {
        "started": dt.date(2026, 11, 28),
        "worked": dt.date(2026, 11, 28),
    }
    run(runner, "done", "a2-stale", today="2026-11-29")
    state = tomllib.loads((apps / "workbook.toml").read_text())
    assert state["stages"]["applying"]["worked"] == dt.date(2026, 11, 29)
    run(runner, "app", "edit", "a3", "--next", "Apply", "--due", "2026-12-01", today="2026-11-30")
    run(runner, "snooze", "a3-next", "2026-12-05", today="2026-12-01")  # putting off is no work
    state = tomllib.loads((apps / "workbook.toml").read_text())
    assert state["stages"]["applying"]["worked"] == dt.date(2026, 11, 30)


# --- at a terminal: field by field, and Ctrl-C ----------------------------------------------


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch) -> Any:
    """Commands run as at a terminal, their questions answered from a script; call it with
    the script."""
    from careerpath.workbook import prompts

    monkeypatch.setattr(prompts, "require_terminal", lambda alternative: None)

    def answering(*script: Any) -> ScriptedPrompter:
        prompter = ScriptedPrompter(script)
        monkeypatch.setattr(prompts, "TerminalPrompter", lambda today: prompter)
        return prompter

    return answering


def test_ctrl_c_while_adding_keeps_every_answer_given(
    runner: CliRunner, home: Path, terminal: Any
) -> None:
    terminal("Sam Lee", "Acme", Interrupt("Design lea"))
    result = run(runner, "contact", "add", code=130)
    assert "Stopped. Saved 2 answers this time, and kept what you were typing" in flat(
        result.output
    )
    assert "`careerpath contact edit c1` asks the rest." in result.output
    (contact,) = stage_file(home, "networking")["contacts"]
    assert contact == {"id": "c1", "name": "Sam Lee", "organisation": "Acme"}
    # Editing it asks every field again, offering what was being typed.
    prompter = terminal("Sam Lee", "Acme", "Design lead", INTERRUPT)
    run(runner, "contact", "edit", "c1", code=130)
    assert prompter.drafts["role"] == "Design lea"
    assert stage_file(home, "networking")["contacts"][0]["role"] == "Design lead"


def test_ctrl_c_at_the_first_field_of_a_new_record_saves_nothing_and_keeps_the_draft(
    runner: CliRunner, home: Path, terminal: Any
) -> None:
    terminal(None, Interrupt("UX res"))  # no look-up in the occupation data, then the title
    result = run(runner, "target", "add", code=130)
    assert "`careerpath target add` asks again." in result.output
    assert not (home / "stages" / "diving-deeper.toml").exists()
    prompter = terminal(None, "UX researcher", INTERRUPT)
    run(runner, "target", "add", code=130)
    assert prompter.drafts["title"] == "UX res"
    assert stage_file(home, "diving-deeper")["targets"] == [{"id": "t1", "title": "UX researcher"}]


def test_options_given_with_add_at_a_terminal_are_saved_first(
    runner: CliRunner, home: Path, terminal: Any
) -> None:
    prompter = terminal("Acme", INTERRUPT)
    run(runner, "app", "add", "--next", "Apply", "--due", "3d", code=130)
    assert prompter.defaults["employer"] is None
    (app_,) = stage_file(home, "applying")["applications"]
    assert (app_["employer"], app_["next_action"]) == ("Acme", "Apply")


def test_ctrl_c_in_contact_log_keeps_the_conversation_so_far(
    runner: CliRunner, home: Path, terminal: Any
) -> None:
    run(runner, "contact", "add", "Sam Lee", "--next", "Ask for coffee", "--due", "1d")
    terminal(Interrupt("Coffee ab"))
    result = run(runner, "contact", "log", "c1", code=130)
    assert "Stopped. Nothing is logged yet, and kept what you were typing" in flat(result.output)
    assert "conversations" not in stage_file(home, "networking")["contacts"][0]
    prompter = terminal("Coffee about research", "They hire in spring", Interrupt("Send"))
    result = run(runner, "contact", "log", "c1", code=130)
    assert prompter.drafts["summary"] == "Coffee ab"
    assert "The conversation is logged with what you answered" in flat(result.output)
    (contact,) = stage_file(home, "networking")["contacts"]
    assert contact["conversations"] == [
        {"date": TODAY, "summary": "Coffee about research", "learned": "They hire in spring"}
    ]
    assert contact["status"] == "talked" and "next_step" not in contact


def test_contact_log_at_a_terminal_asks_what_options_left_out(
    runner: CliRunner, home: Path, terminal: Any
) -> None:
    run(runner, "contact", "add", "Sam Lee")
    terminal("Coffee", "Send portfolio", dt.date(2026, 12, 2))
    output = run(runner, "contact", "log", "c1", "--learned", "They hire in spring").output
    assert "Next step, due 2026-12-02 (in 7 days): Send portfolio." in output
    (contact,) = stage_file(home, "networking")["contacts"]
    assert (contact["next_step"], contact["follow_up"]) == ("Send portfolio", dt.date(2026, 12, 2))
    assert contact["conversations"][0]["follow_up"] == dt.date(2026, 12, 2)


def test_contact_message_edit_without_an_editor_is_explained(
    runner: CliRunner, home: Path, terminal: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    run(runner, "contact", "add", "Sam Lee")
    monkeypatch.setenv("EDITOR", "no-such-editor-here")
    result = run(runner, "contact", "message", "c1", "--edit", code=1)
    assert "cannot start the editor 'no-such-editor-here'" in flat(result.output)
    assert "unexpected" not in result.output
    assert "message" not in stage_file(home, "networking")["contacts"][0]


def test_dates_typed_as_people_write_them_are_shown_back(runner: CliRunner, apps: Path) -> None:
    output = run(runner, "app", "interview", "a1", "--at", "18/12/2026 14h").output
    assert "18/12/2026 14h → Fri 18 Dec 2026 14:00" in output
    (interview,) = stage_file(apps, "applying")["applications"][0]["interviews"]
    assert interview["at"] == dt.datetime(2026, 12, 18, 14, 0)
    output = run(runner, "app", "edit", "a1", "--next-action", "Prepare", "--due", "friday").output
    assert "friday → Fri 27 Nov 2026" in output
    output = run(runner, "snooze", "a1-next", "8 Dec").output
    assert "8 Dec → Tue 8 Dec 2026" in output
    assert stage_file(apps, "applying")["applications"][0]["snoozed"] == dt.date(2026, 12, 8)
    # a full ISO date needs no echo
    output = run(runner, "app", "edit", "a1", "--due", "2026-11-30").output
    assert "→" not in output
    result = run(runner, "app", "interview", "a1", "--at", "friday 25h", code=1)
    assert "'25h' is not a time of day (14:00, 2pm or 14h)" in result.output


def test_an_accepted_offer_moves_its_application_and_counts_as_the_decision(
    runner: CliRunner, offers: Path
) -> None:
    output = flat(run(runner, "offer", "edit", "o1", "--status", "accepted").output)
    assert "Moved a1: offer → accepted." in output
    assert "accepted" in flat(run(runner, "app", "show", "a1").output)
    report = json.loads(run(runner, "report", "-f", "json").output)
    closing = next(stage for stage in report["stages"] if stage["id"] == "closing")
    decision = closing["work"][0]
    assert (decision["label"], decision["done"]) == ("a decision recorded on an offer", True)
