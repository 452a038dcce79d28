"""Scenarios with a fixed today (issue 11): what a person sees when the program counts the
work, offers meet the floor, links dangle, homework is suggested, and Next names real ids."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from conftest import TODAY, flat, run

INTAKE = """\
want_by_end = "A clear direction."
in_the_way = "Time."
hours = 5
confidence = 2
goals = ["Decide between UX research and data analysis"]
"""
CLOSING = """\
want_by_end = "An offer."
in_the_way = "Nothing."
hours = 5
confidence = 4

[goals]
g1 = "met"
"""


@pytest.fixture
def intake(tmp_path: Path) -> Path:
    path = tmp_path / "intake.toml"
    path.write_text(INTAKE)
    return path


@pytest.fixture
def program_home(runner: CliRunner, home_dir: Path, intake: Path) -> Path:
    """A three-month program begun on Wed 25 Nov 2026, exploration done the same day."""
    run(runner, "start")
    run(runner, "program", "start", "--answers", str(intake))
    return home_dir


def report_json(runner: CliRunner, *args: str, today: str | None = None) -> Any:
    return json.loads(run(runner, *args, "report", "--format", "json", today=today).output)


# --- 1. the on-track line counts the work ----------------------------------------------------


def test_contacts_without_a_conversation_are_no_progress_on_the_schedule(
    runner: CliRunner, program_home: Path, write_answers: Any
) -> None:
    run(runner, "next", "--answers", str(write_answers("exploration")))
    day = "2026-12-09"  # week 3
    before = report_json(runner, today=day)["program"]
    run(runner, "contact", "add", "Sam Lee", today=day)
    run(runner, "contact", "add", "Ana Ruiz", today=day)
    after = report_json(runner, today=day)["program"]
    # Two people named, nobody talked to: networking's work is still to do.
    assert after["stage_work"] == [100, 0, 0, 0, 0]
    assert (after["standing"], after["delta_weeks"]) == (before["standing"], before["delta_weeks"])
    assert after["work"]["conversations"] == 0
    run(runner, "contact", "log", "Sam Lee", "-m", "Coffee", "--next", "Send CV", "--due", "1w",
        today=day)  # fmt: skip
    logged = report_json(runner, today=day)["program"]
    assert logged["stage_work"] == [100, 0, 100, 0, 0]
    assert logged["delta_weeks"] > after["delta_weeks"]
    assert logged["work"]["conversations"] == 1
    status = flat(run(runner, "program", "status", today=day).output)
    assert (
        "Work done: homework 0 of 0 due done · 1 conversation · 0 applications sent · "
        "goals 0 of 1 met"
    ) in status


def test_answered_questions_alone_do_not_put_anyone_ahead(
    runner: CliRunner, program_home: Path, write_answers: Any
) -> None:
    """Networking's and applying's questions answered, without a conversation or an
    application sent: in week 1 the person is on track, not weeks ahead."""
    networking = {"outreach_styles": ["A short personal email"], "weekly_goal": 2}
    run(runner, "next", "--stage", "networking", "--answers", str(write_answers("n", networking)))
    section = report_json(runner)["program"]
    assert section["standing"] == "on track"
    assert section["stage_work"] == [0, 0, 0, 0, 0]
    text = flat(run(runner, "program", "status").output)
    assert "Program · week 1 of 13 · on track" in text and "ahead" not in text


def test_an_early_ended_program_reads_ended_in_the_group_view(
    runner: CliRunner, tmp_path: Path, intake: Path, write_answers: Any
) -> None:
    group = tmp_path / "clients"
    home = str(group / "gil")
    closing = tmp_path / "closing.toml"
    closing.write_text(CLOSING)
    run(runner, "--home", home, "start", today="2026-11-02")
    run(runner, "--home", home, "program", "start", "--answers", str(intake), today="2026-11-02")
    answers = str(write_answers("exploration"))
    run(runner, "--home", home, "next", "--answers", answers, today="2026-11-03")
    run(runner, "--home", home, "program", "end", "--answers", str(closing), "--reason",
        "Found a role", today="2026-11-10")  # fmt: skip
    day = "2026-11-25"
    text = run(runner, "report", "--group", str(group), today=day).output
    line = next(line for line in text.splitlines() if line.startswith("gil"))
    assert " ended " in line and "ahead" not in line and "behind" not in line
    (row,) = json.loads(
        run(runner, "report", "--group", str(group), "-f", "json", today=day).output
    )["clients"]
    assert (row["standing"], row["schedule"]) == ("ended", "ended on Tue 10 Nov 2026")
    markdown = run(runner, "report", "--group", str(group), "-f", "markdown", today=day).output
    assert "| ended |" in markdown and "ahead" not in markdown
    own = report_json(runner, "--home", home, today=day)["program"]
    assert (own["standing"], own["schedule"]) == ("ended", "ended on Tue 10 Nov 2026")
    status = flat(run(runner, "--home", home, "program", "status", today=day).output)
    assert "Program · ended early on Tue 10 Nov 2026 " in status  # said once
    assert status.count("ended on Tue 10 Nov 2026") == 0


# --- 2. the floor in `offer compare` ---------------------------------------------------------


def test_offer_compare_marks_pay_below_the_floor_and_other_currencies(
    runner: CliRunner, started: Path, write_answers: Any
) -> None:
    run(runner, "next", "--answers", str(write_answers("exploration")))  # floor 42,000 EUR
    run(runner, "offer", "add", "Acme", "--role", "UX researcher", "--base", "40000 EUR")
    run(runner, "offer", "add", "Globex", "--role", "Analyst", "--base", "60000 USD")
    run(runner, "offer", "add", "Initech", "--role", "Analyst", "--base", "50000 EUR")
    output = run(runner, "offer", "compare").output
    lines = output.splitlines()
    base = next(line for line in lines if line.lstrip().startswith("Base pay"))
    marks = lines[lines.index(base) + 1]
    # under each offer's pay: o1 below, o2 in dollars not compared, o3 meets the floor
    assert marks.split() == [
        "Against",
        "your",
        "floor",
        "▼",
        "below",
        "not",
        "compared",
        "✓",
        "meets",
    ]
    assert marks.index("▼") == base.index("40,000 EUR")
    assert marks.index("not compared") == base.index("60,000 USD")
    text = flat(output)
    floor_row = next(line for line in lines if line.lstrip().startswith("Income floor"))
    assert floor_row.split()[4:] == ["5", "✗", "1", "?", "not", "✓", "4.5"]
    assert (
        "Your income floor: 42,000 EUR a year · below it: o1 · not compared (another currency): o2."
    ) in text
    assert all(len(line) <= 80 for line in output.splitlines())
    offers = {o["id"]: o for o in report_json(runner)["offers"]}
    assert {key: o["floor"] for key, o in offers.items()} == {
        "o1": "below",
        "o2": "not compared",
        "o3": "meets",
    }
    report = flat(run(runner, "report").output)
    assert "o1 Acme: UX researcher: score 1.0, considering; pay below your floor" in report
    assert (
        "o3 Initech: Analyst: score" in report
        and "o3 Initech: Analyst: score 4.5, considering;" not in report
    )


def test_offer_compare_without_a_floor_marks_nothing(runner: CliRunner, started: Path) -> None:
    run(runner, "offer", "add", "Acme", "--role", "UX researcher", "--base", "40000 EUR")
    text = flat(run(runner, "offer", "compare").output)
    assert "▼" not in text and "Against your floor" not in text and "Your income floor" not in text


# --- 8. dangling links: doctor and show ------------------------------------------------------


def test_doctor_reports_dangling_links_and_show_says_missing(
    runner: CliRunner, started: Path
) -> None:
    run(runner, "target", "add", "UX researcher")
    run(runner, "contact", "add", "Sam Lee")
    run(runner, "app", "add", "Acme", "UX researcher", "--target", "t1", "--contact", "c1")
    run(runner, "offer", "add", "--from", "a1", "--base", "45000 EUR")
    assert "are fine" in run(runner, "doctor").output
    # Linked at the prompts and options: show lists each link with its label.
    app = flat(run(runner, "app", "show", "a1").output)
    assert "Target job t1 UX researcher" in app and "Referred by c1 Sam Lee" in app
    assert "Offers o1 Acme: UX researcher" in app
    assert "Applications a1 Acme: UX researcher" in flat(
        run(runner, "contact", "show", "c1").output
    )
    assert "Application a1 Acme: UX researcher" in flat(run(runner, "offer", "show", "o1").output)
    # Hand edits leave links naming records that are not there.
    networking = started / "stages" / "networking.toml"
    networking.write_text(
        networking.read_text().replace(
            'name = "Sam Lee"', 'name = "Sam Lee", targets = ["t1", "t9"]'
        )
    )
    closing = started / "stages" / "closing.toml"
    closing.write_text(closing.read_text().replace('application = "a1"', 'application = "a7"'))
    result = run(runner, "doctor", code=1)
    lines = [" ".join(line.split()) for line in result.output.splitlines()]
    assert "2 links between your records name a record that does not exist:" in lines[0]
    c1_line = next(
        n for n, text in enumerate(networking.read_text().splitlines(), 1) if "c1" in text
    )
    assert (
        f"{networking}:{c1_line}: c1.targets: names target job t9, which does not exist: "
        "remove it, or give an existing id"
    ) in flat(result.output)
    assert f"{closing}:" in result.output and "o1.application: names application a7" in flat(
        result.output
    )
    assert "Traceback" not in result.output and "unexpected" not in result.output
    # Everything else goes on working; show says which link is missing.
    assert "Target jobs • t1 UX researcher • t9 (missing)" in flat(
        run(runner, "contact", "show", "c1").output
    )
    assert "Application a7 (missing)" in flat(run(runner, "offer", "show", "o1").output)
    run(runner, "report")
    run(runner, "contact", "message", "c1")


# --- 5. suggested homework: skips what is done, due before the deadline it prepares for -------


def offer_homework(home_dir: Path, stage_id: str, script: list[Any]) -> tuple[list[str], str]:
    """A sitting in ``stage_id`` that answers the homework offers with ``script`` and stops at
    the stage's first question: what was asked, and what the person saw."""
    import io

    from rich.console import Console

    from careerpath.core.errors import Interrupted
    from careerpath.instruments.store import exercise_counts
    from careerpath.program.sitting import ProgramCompanion
    from careerpath.workbook.home import Home
    from careerpath.workbook.session import Session

    from conftest import INTERRUPT, ScriptedPrompter

    home = Home(home_dir)
    workbook = home.load()
    prompter = ScriptedPrompter([*script, INTERRUPT])
    out = io.StringIO()
    companion = ProgramCompanion(lambda: exercise_counts(home))
    session = Session(home, workbook, prompter, Console(file=out, width=100), TODAY, [companion])
    with pytest.raises(Interrupted):
        session.revisit(workbook.definition.stage(stage_id))
    return prompter.asked, " ".join(out.getvalue().split())


def test_homework_skips_reaching_out_when_three_people_were_reached(
    runner: CliRunner, program_home: Path
) -> None:
    from careerpath.program.sitting import ACCEPT

    for name in ("Sam Lee", "Ana Ruiz", "Bo Chen"):
        run(runner, "contact", "add", name, "--status", "reached out")
    asked, seen = offer_homework(program_home, "networking", [ACCEPT])
    assert "Reach out to two people" not in seen
    assert "• Have one conversation" in seen
    assert asked.count("Take this on?") == 1
    data = report_json(runner)["program"]
    assert [h["text"][:22] for h in data["homework"]] == ["Have one conversation,"]


def test_homework_is_due_before_the_offer_deadline_it_prepares_for(
    runner: CliRunner, program_home: Path
) -> None:
    from careerpath.program.sitting import ACCEPT

    deadline = TODAY + timedelta(days=3)  # sooner than the homework's five days
    run(runner, "offer", "add", "Acme", "--role", "UX lead", "--base", "50000 EUR",
        "--deadline", deadline.isoformat())  # fmt: skip
    _, seen = offer_homework(program_home, "closing", [ACCEPT, ACCEPT])
    assert (
        "List what you will negotiate for, and what you would accept. (due Fri 27 Nov 2026)" in seen
    )
    homework = {h["text"][:4]: h for h in report_json(runner)["program"]["homework"]}
    assert homework["List"]["due"] == "2026-11-27"  # the day before Sat 28 Nov, not 30 Nov
    assert homework["Than"]["due"] == "2026-12-09"  # it prepares for nothing: 14 days


def test_an_offer_added_to_others_pulls_in_the_homework_due_before_its_deadline(
    runner: CliRunner, program_home: Path
) -> None:
    """What is due was kept, and an offer added since: the homework is due before it."""
    from careerpath.program.sitting import ACCEPT

    notes = "Hybrid, three days in the office; the team lead is the person I met in March."
    run(runner, "offer", "add", "Acme", "--role", "UX lead", "--base", "50000 EUR",
        "--deadline", "2026-12-20", "--notes", notes)  # fmt: skip
    offer_homework(program_home, "closing", [ACCEPT, ACCEPT])
    negotiate = "List what you will negotiate for, and what you would accept."
    assert negotiate in flat(run(runner, "due", "--within", "5d").output)  # by 30 Nov
    run(runner, "offer", "add", "Globex", "--role", "UX lead", "--base", "52000 EUR",
        "--deadline", "2026-11-27", "--notes", notes)  # fmt: skip
    assert (program_home / ".cache" / "appended@stages__closing.toml.pickle").exists()
    due = flat(run(runner, "due", "--within", "1d").output)  # by 26 Nov
    assert f"2026-11-26 tomorrow {negotiate}" in due


def test_once_an_offer_is_decided_negotiation_homework_is_not_suggested(
    runner: CliRunner, program_home: Path
) -> None:
    from careerpath.program.sitting import ACCEPT

    run(runner, "offer", "add", "Acme", "--role", "UX lead", "--base", "50000 EUR")
    run(runner, "offer", "edit", "o1", "--status", "accepted")
    asked, seen = offer_homework(program_home, "closing", [ACCEPT])
    assert "List what you will negotiate for" not in seen
    assert "Thank everyone who helped you along the way." in seen
    assert asked.count("Take this on?") == 1


def test_an_offer_added_later_pulls_the_negotiation_homework_in_before_its_deadline(
    runner: CliRunner, program_home: Path
) -> None:
    from careerpath.program.sitting import ACCEPT

    _, seen = offer_homework(program_home, "closing", [ACCEPT, ACCEPT])  # no offer yet
    assert "List what you will negotiate for, and what you would accept. (due Mon 30 Nov" in seen
    run(runner, "offer", "add", "Acme", "--role", "UX lead", "--base", "50000 EUR",
        "--deadline", (TODAY + timedelta(days=2)).isoformat())  # fmt: skip
    homework = {h["text"][:4]: h for h in report_json(runner)["program"]["homework"]}
    assert homework["List"]["due"] == "2026-11-26"  # the day before Fri 27 Nov, not 30 Nov
    assert homework["Than"]["due"] == "2026-12-09"  # prepares for no deadline: as taken on
    due = flat(run(runner, "due", today="2026-11-26").output)
    assert "List what you will negotiate for" in due
    # the employer gives more time: the homework follows, never past its own five days
    run(runner, "offer", "edit", "o1", "--deadline", "2026-11-29")
    homework = {h["text"][:4]: h for h in report_json(runner)["program"]["homework"]}
    assert homework["List"]["due"] == "2026-11-28"
    run(runner, "offer", "edit", "o1", "--deadline", "2026-12-20")
    homework = {h["text"][:4]: h for h in report_json(runner)["program"]["homework"]}
    assert homework["List"]["due"] == "2026-11-30"
    # overdue by the deadline, it is the Next
    report = report_json(runner, today="2026-12-01")
    assert report["next_step"].startswith("Homework “List what you will negotiate for")


def test_exploration_offers_the_exercises_only_while_unclear_and_not_done(
    runner: CliRunner, program_home: Path, tmp_path: Path
) -> None:
    from careerpath.program.sitting import SKIP

    # Clarity 2 and ten days of the energy log already: the futures are suggested, the log not.
    for day in range(10):
        when = (TODAY - timedelta(days=10 - day)).isoformat()
        run(runner, "energy", "log", "Month-end close", "--engagement", "2", "--energy", "-1",
            "--date", when)  # fmt: skip
    answers = tmp_path / "clarity.toml"
    answers.write_text('where_now = "Accountant."\nclarity = 2\n')
    run(runner, "next", "--answers", str(answers))
    asked, seen = offer_homework(program_home, "exploration", [SKIP, SKIP, SKIP])
    assert "Sketch three possible futures" in seen and "Log your energy" not in seen
    assert asked.count("Take this on?") == 3
    # Clear about the direction (clarity 4): neither exercise is suggested.
    other = tmp_path / "clear"
    run(runner, "--home", str(other), "start")
    intake = tmp_path / "intake.toml"
    run(runner, "--home", str(other), "program", "start", "--answers", str(intake))
    answers.write_text('where_now = "Accountant."\nclarity = 4\n')
    run(runner, "--home", str(other), "next", "--answers", str(answers))
    asked, seen = offer_homework(other, "exploration", [SKIP, SKIP])
    assert "Sketch three" not in seen and "Log your energy" not in seen
    assert asked.count("Take this on?") == 2


# --- 4. support asked once -------------------------------------------------------------------


@pytest.mark.parametrize("changed", [False, True])
def test_the_intake_shows_the_support_from_exploration_and_asks_only_if_it_changed(
    runner: CliRunner, started: Path, tmp_path: Path, changed: bool
) -> None:
    import io

    from rich.console import Console

    from careerpath.program.sitting import SKIP, ProgramSession
    from careerpath.workbook.home import Home

    from conftest import ScriptedPrompter

    answers = tmp_path / "support.toml"
    answers.write_text('support = ["Interview practice", "Introductions to people"]\n')
    run(runner, "next", "--answers", str(answers))
    home = Home(started)
    support = ["Interview practice"] if changed else None
    script = [
        "A direction.",
        "Time.",
        5,
        2,
        changed,
        *([support] if changed else []),
        "Decide",
        None,
        # then exploration's suggested homework (it began before the program): all skipped
        *[SKIP] * 4,
    ]
    prompter = ScriptedPrompter(script)
    out = io.StringIO()
    ProgramSession(home, home.load(), prompter, Console(file=out, width=100), TODAY).begin(
        months=3, start=TODAY
    )
    assert prompter.finished
    seen = " ".join(out.getvalue().split())
    assert (
        "In Exploration you said, for “Support you want”: Interview practice, Introductions to "
        "people"
    ) in seen
    intake = home.load().program.intake  # type: ignore[union-attr]
    if changed:
        assert prompter.asked[4:6] == ["Has that changed?", "support"]
        # asked again, starting from the exploration answer
        assert prompter.defaults["support"] == ["Interview practice", "Introductions to people"]
        assert intake["support"] == ["Interview practice"]
    else:
        assert prompter.asked[4] == "Has that changed?" and "support" not in prompter.asked
        assert intake["support"] == ["Interview practice", "Introductions to people"]


# --- 6. Next names a real record; 7. "Now" and its work fit 80 columns ----------------------


def test_next_names_the_oldest_record_still_waiting_for_the_work(
    runner: CliRunner, started: Path, write_answers: Any
) -> None:
    run(runner, "next", "--answers", str(write_answers("exploration")))
    run(runner, "target", "add", "UX researcher", "--salary", "50000-60000 EUR")
    run(runner, "target", "add", "Data analyst")
    # Every question answered by hand, the stage not completed: its work is what is left.
    path = started / "stages" / "diving-deeper.toml"
    path.write_text('leading_option = "UX"\ngaps = "A portfolio"\n' + path.read_text())
    data = report_json(runner)
    assert data["next_step"] == (
        "Diving deeper still needs a target researched, with its pay and education: run "
        "`careerpath target edit t1`."
    )
    assert "Next: Diving deeper still needs a target researched" in flat(
        run(runner, "report").output
    )
    run(runner, "target", "edit", "t1", "--education", "A degree, or a portfolio")
    assert "t1" not in report_json(runner)["next_step"]


def test_networking_next_logs_with_the_first_contact_not_yet_talked_to(
    runner: CliRunner, started: Path, write_answers: Any
) -> None:
    for stage in ("exploration", "diving-deeper"):
        run(runner, "next", "--answers", str(write_answers(stage)))
    networking = {
        "outreach_styles": ["A short personal email"],
        "weekly_goal": 2,
        "wish_list": ["A UX lead"],
        "what_helps": "A script to start from.",
    }
    run(runner, "next", "--answers", str(write_answers("networking-part", networking)))
    run(runner, "contact", "add", "Sam Lee")
    run(runner, "contact", "add", "Ana Ruiz")
    text = flat(run(runner, "report").output)
    assert "run `careerpath contact log c1`." in text and "NAME" not in text
    lines = run(runner, "report").output.splitlines()
    now = next(n for n, line in enumerate(lines) if line.startswith("Now: "))
    assert lines[now] == "Now: Networking (stage 3 of 5)"
    assert lines[now + 1] == "Work: · a conversation logged; · a follow-up planned or done"
    assert lines[now + 2].startswith("Next: ")
    assert all(len(line) <= 80 for line in lines)


def test_closing_now_and_its_two_pieces_of_work_fit_80_columns(
    runner: CliRunner, started: Path, write_answers: Any
) -> None:
    for stage in ("exploration", "diving-deeper", "networking", "applying"):
        run(runner, "next", "--answers", str(write_answers(stage)))
    run(runner, "offer", "add", "Acme", "--role", "UX researcher", "--base", "58000 EUR")
    lines = run(runner, "report").output.splitlines()
    now = next(n for n, line in enumerate(lines) if line.startswith("Now: "))
    assert lines[now] == "Now: Closing (stage 5 of 5)"
    assert lines[now + 1] == (
        "Work: · a decision recorded on an offer; · the leaving-well checklist done"
    )
    assert all(len(line) <= 80 for line in lines)


# --- 3. closing reuses offer compare's score -------------------------------------------------


def test_closing_asks_the_favoured_offers_fit_from_its_compare_score(
    runner: CliRunner, started: Path, write_answers: Any
) -> None:
    import io

    from rich.console import Console

    from careerpath.core.errors import Interrupted
    from careerpath.tracking.sitting import TrackingCompanion
    from careerpath.workbook.home import Home
    from careerpath.workbook.session import Session

    from conftest import INTERRUPT, ScriptedPrompter

    for stage in ("exploration", "diving-deeper", "networking", "applying"):
        run(runner, "next", "--answers", str(write_answers(stage)))
    rates = ["--rate", "Autonomy=5", "--rate", "Helping others=4", "--rate", "Income=4"]
    run(runner, "offer", "add", "Acme", "--role", "UX", "--base", "52000 EUR", *rates)
    run(runner, "offer", "add", "Globex", "--role", "UX", "--base", "40000 EUR")
    compare = flat(run(runner, "offer", "compare").output)
    assert "Score (1–5) 4.6 of 5 1.0 of 5" in compare  # Acme; Globex is below the floor
    run(runner, "next", "--answers", str(write_answers("weights", {"weights": {"Autonomy": 5}})))
    home = Home(started)
    prompter = ScriptedPrompter([5, INTERRUPT])  # Enter: the score as offered
    session = Session(
        home, home.load(), prompter, Console(file=io.StringIO()), TODAY, [TrackingCompanion()]
    )
    with pytest.raises(Interrupted):
        session.continue_current()
    assert prompter.asked[0] == "offer_fit"
    assert prompter.defaults["offer_fit"] == 5  # Acme's 4.6 in compare, not a second rating
    closing = home.load().answers["closing"]
    assert "offer_fit" not in closing  # kept as worked out from the offers
