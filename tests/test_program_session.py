"""The program's questions asked through a Prompter: intake, goals, suggested homework when a
stage begins, check-ins, the closing re-assessment, Ctrl-C and drafts."""

from __future__ import annotations

import io
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console

from careerpath.core.errors import Interrupted
from careerpath.program import plan as programs
from careerpath.program.sitting import (
    ACCEPT,
    EDIT,
    MET,
    NOT_MET,
    SKIP,
    ProgramCompanion,
    ProgramSession,
)
from careerpath.tracking.tracker import Book
from careerpath.workbook import definition
from careerpath.workbook.answers_file import apply
from careerpath.workbook.home import Home
from careerpath.workbook.session import Session

from conftest import INTERRUPT, TODAY, Interrupt, ScriptedPrompter

INTAKE = [
    "A direction.",
    "No time.",
    5,
    2,
    None,
]  # want_by_end, in_the_way, hours, confidence, support


@pytest.fixture
def home(home_dir: Path) -> Home:
    home = Home(home_dir)
    home.create(definition.resolve("default"), now=datetime(2026, 11, 25, 9))
    return home


def sitting(
    home: Home, script: list[Any], today: Any = TODAY
) -> tuple[ProgramSession, io.StringIO]:
    out = io.StringIO()
    prompter = ScriptedPrompter(script)
    session = ProgramSession(home, home.load(), prompter, Console(file=out, width=100), today)
    session.prompter_script = prompter  # type: ignore[attr-defined]
    return session, out


def finished(session: ProgramSession) -> bool:
    return bool(session.prompter_script.finished)  # type: ignore[attr-defined]


def test_offer_declined_makes_no_program(home: Home) -> None:
    session, out = sitting(home, [False])
    assert session.offer() is False
    assert not home.program_file.exists()
    assert "careerpath program start" in " ".join(out.getvalue().split())


def test_offer_accepted_asks_length_intake_and_goals(home: Home) -> None:
    script = [True, "4 months", *INTAKE, "Decide between two paths", "Talk to five people", None]
    session, out = sitting(home, script)
    assert session.offer() is True
    assert finished(session)
    program = home.load().program
    assert program is not None
    assert (program.program.start, program.program.months) == (TODAY, 4)
    assert program.intake == {
        "want_by_end": "A direction.",
        "in_the_way": "No time.",
        "hours": 5,
        "confidence": 2,
    }
    assert [g.text for g in program.goals] == ["Decide between two paths", "Talk to five people"]
    text = out.getvalue()
    assert "Your program: 4 months, Wed 25 Nov 2026 to Thu 25 Mar 2027 (17 weeks)." in text
    assert "g2  Talk to five people" in text


def test_three_goals_is_the_most_asked(home: Home) -> None:
    session, _ = sitting(home, [*INTAKE, "a", "b", "c"])
    session.begin(months=3, start=TODAY)
    assert finished(session)
    assert [g.id for g in home.load().program.goals] == ["g1", "g2", "g3"]  # type: ignore[union-attr]


def test_ctrl_c_in_the_intake_keeps_the_draft_and_resumes(home: Home) -> None:
    session, _ = sitting(home, ["A direction.", Interrupt("Not enough ti")])
    with pytest.raises(Interrupted) as stop:
        session.begin(months=3, start=TODAY)
    assert "Saved 1 answer this time, and kept what you were typing" in stop.value.message
    assert stop.value.hint == "Run `careerpath program start` to finish the intake."
    program = home.load().program
    assert program is not None
    assert program.intake == {"want_by_end": "A direction."}
    assert program.drafts == {"intake.in_the_way": "Not enough ti"}

    session, out = sitting(home, ["Not enough time.", 5, 2, None, "Decide", None])
    session.begin(months=None, start=TODAY)
    assert finished(session)
    assert session.prompter_script.drafts["in_the_way"] == "Not enough ti"  # type: ignore[attr-defined]
    program = home.load().program
    assert program is not None and program.drafts == {}
    assert program.intake["in_the_way"] == "Not enough time."
    assert "Picking up what you were typing last time" in out.getvalue()


def test_a_forced_start_at_the_prompts_moves_the_old_program_only_when_replaced(
    home: Home,
) -> None:
    session, _ = sitting(home, [*INTAKE, "Decide", None])
    session.begin(months=3, start=TODAY)
    before = home.program_file.read_text()
    # Ctrl-C at the first question of the new program: the running one stays where it is.
    session, _ = sitting(home, [INTERRUPT])
    with pytest.raises(Interrupted):
        session.begin(months=None, start=TODAY, replace=True)
    assert home.program_file.read_text() == before
    assert not list(home.backups_dir.glob("program-*"))
    session, out = sitting(home, ["4 months", *INTAKE, "Talk to people", None])
    session.begin(months=None, start=TODAY, replace=True)
    assert finished(session)
    (kept,) = home.backups_dir.glob("program-*.toml")
    assert kept.read_text() == before
    program = home.load().program
    assert program is not None and program.program.months == 4
    assert [g.text for g in program.goals] == ["Talk to people"]
    assert "Your previous program is kept in" in " ".join(out.getvalue().split())


def test_suggested_homework_is_offered_when_a_stage_begins(home: Home) -> None:
    session, _ = sitting(home, [*INTAKE, "Decide", None])
    session.begin(months=3, start=TODAY)
    # `careerpath next`: exploration begins; accept the first, edit the second, skip the two
    # exercises offered while clarity is not said yet (energy log, futures), then Ctrl-C.
    script = [ACCEPT, EDIT, "Ask my sister and two friends", SKIP, SKIP, INTERRUPT]
    prompter = ScriptedPrompter(script)
    out = io.StringIO()
    stage_session = Session(
        home, home.load(), prompter, Console(file=out, width=100), TODAY, [ProgramCompanion()]
    )
    with pytest.raises(Interrupted):
        stage_session.continue_current()
    assert prompter.asked[:3] == ["Take this on?", "Take this on?", "homework"]
    assert prompter.asked[3:5] == ["Take this on?", "Take this on?"]
    assert prompter.asked[5] == "where_now"  # then the stage's questions
    shown = " ".join(out.getvalue().split())
    assert "Log your energy for two weeks" in shown and "`careerpath energy log`" in shown
    assert "Sketch three possible futures" in shown and "`careerpath futures`" in shown
    homework = home.load().program.homework  # type: ignore[union-attr]
    assert [(h.id, h.source, h.stage) for h in homework] == [
        ("h1", "suggested", "exploration"),
        ("h2", "suggested", "exploration"),
    ]
    assert homework[0].text.startswith("Write down three moments")
    assert homework[0].due == TODAY + timedelta(days=7)
    assert (homework[1].text, homework[1].due) == (
        "Ask my sister and two friends",
        TODAY + timedelta(days=10),
    )
    assert "Homework suggested for Exploration" in out.getvalue()

    # Resuming the stage does not offer them again.
    prompter = ScriptedPrompter([INTERRUPT])
    with pytest.raises(Interrupted):
        Session(
            home, home.load(), prompter, Console(file=io.StringIO()), TODAY, [ProgramCompanion()]
        ).continue_current()
    assert prompter.asked == ["where_now"]


def test_skipping_suggested_homework_and_no_program_no_offer(home: Home) -> None:
    prompter = ScriptedPrompter([INTERRUPT])
    with pytest.raises(Interrupted):
        Session(
            home, home.load(), prompter, Console(file=io.StringIO()), TODAY, [ProgramCompanion()]
        ).continue_current()
    assert prompter.asked == ["where_now"]  # no program: nothing offered

    other = Home(home.root.parent / "other")
    other.create(definition.resolve("default"), now=datetime(2026, 11, 25, 9))
    session, _ = sitting(other, [*INTAKE, "Decide", None])
    session.begin(months=3, start=TODAY)
    prompter = ScriptedPrompter([SKIP, SKIP, SKIP, SKIP, INTERRUPT])
    with pytest.raises(Interrupted):
        Session(
            other, other.load(), prompter, Console(file=io.StringIO()), TODAY, [ProgramCompanion()]
        ).continue_current()
    assert prompter.asked == ["Take this on?"] * 4 + ["where_now"]
    assert other.load().program.homework == []  # type: ignore[union-attr]
    # Turned down once is enough: the next sitting goes straight to the questions.
    prompter = ScriptedPrompter([INTERRUPT])
    with pytest.raises(Interrupted):
        Session(
            other, other.load(), prompter, Console(file=io.StringIO()), TODAY, [ProgramCompanion()]
        ).continue_current()
    assert prompter.asked == ["where_now"]
    assert other.load().program.suggestions_declined == ["exploration"]  # type: ignore[union-attr]


def test_homework_is_offered_when_a_stage_began_without_a_sitting(
    home: Home, tmp_path: Path
) -> None:
    """A stage begun by an answers file (`next --answers`) or by adding a record (`contact
    add`) gets its suggested homework at the next sitting in it."""
    session, _ = sitting(home, [*INTAKE, "Decide", None])
    session.begin(months=3, start=TODAY)
    answers = tmp_path / "exploration.toml"
    answers.write_text('where_now = "Accountant."\n')
    workbook = home.load()
    apply(home, workbook, workbook.definition.stage("exploration"), answers, TODAY, Console())
    Book(home, home.load(), "contacts").add({"name": "Sam Lee"}, TODAY)
    assert home.load().state.stage("networking").started == TODAY

    prompter = ScriptedPrompter([ACCEPT, SKIP, SKIP, SKIP, INTERRUPT])
    with pytest.raises(Interrupted):
        Session(
            home, home.load(), prompter, Console(file=io.StringIO()), TODAY, [ProgramCompanion()]
        ).continue_current()
    # clarity is not said yet: the energy log and the futures are offered too
    assert prompter.asked == ["Take this on?"] * 4 + ["where_to"]

    prompter = ScriptedPrompter([ACCEPT, ACCEPT, INTERRUPT])
    networking = home.load().definition.stage("networking")
    with pytest.raises(Interrupted):
        Session(
            home, home.load(), prompter, Console(file=io.StringIO()), TODAY, [ProgramCompanion()]
        ).revisit(networking)
    assert prompter.asked[:2] == ["Take this on?", "Take this on?"]
    homework = home.load().program.homework  # type: ignore[union-attr]
    assert [(h.id, h.stage) for h in homework] == [
        ("h1", "exploration"),
        ("h2", "networking"),
        ("h3", "networking"),
    ]


def test_program_started_mid_stage_offers_that_stages_homework(home: Home) -> None:
    prompter = ScriptedPrompter(["Accountant.", INTERRUPT])
    with pytest.raises(Interrupted):
        Session(
            home, home.load(), prompter, Console(file=io.StringIO()), TODAY, [ProgramCompanion()]
        ).continue_current()
    session, _ = sitting(home, [*INTAKE, "Decide", None, SKIP, ACCEPT, SKIP, SKIP])
    session.begin(months=3, start=TODAY)
    assert finished(session)
    assert [h.stage for h in home.load().program.homework] == ["exploration"]  # type: ignore[union-attr]


def test_checkin_then_edit_the_same_day(home: Home) -> None:
    session, _ = sitting(home, [*INTAKE, "Decide", None])
    session.begin(months=3, start=TODAY)
    day = TODAY + timedelta(days=7)
    session, out = sitting(home, ["Two calls.", None, 4, "Apply to Acme"], today=day)
    session.checkin()
    assert "Check-in saved. Streak: 1 week." in out.getvalue()
    (checkin,) = home.load().program.checkins  # type: ignore[union-attr]
    assert checkin.date == day
    assert checkin.answers == {"did": "Two calls.", "energy": 4, "focus": "Apply to Acme"}
    session, out = sitting(home, ["Two calls.", "A cold", 3, "Apply to Acme"], today=day)
    session.checkin()
    assert "editing today's" in out.getvalue()
    assert session.prompter_script.defaults["energy"] == 4  # type: ignore[attr-defined]
    (checkin,) = home.load().program.checkins  # type: ignore[union-attr]
    assert checkin.answers == {
        "did": "Two calls.",
        "blocked": "A cold",
        "energy": 3,
        "focus": "Apply to Acme",
    }


def test_closing_reassessment_asks_the_intake_again_and_each_goal(home: Home) -> None:
    session, _ = sitting(home, [*INTAKE, "Decide", "Talk to five people", None])
    session.begin(months=3, start=TODAY)
    day = TODAY + timedelta(weeks=10)
    script = ["An offer.", "Nothing.", 6, 4, ["Interview practice"], MET, NOT_MET]
    session, out = sitting(home, script, today=day)
    session.closing("found a job")
    assert finished(session)
    program = home.load().program
    assert program is not None
    assert program.closing["confidence"] == 4
    assert [(g.status, g.closed) for g in program.goals] == [("met", day), ("not met", day)]
    assert program.program.reassessed == day
    assert programs.ended(program.program) is not None
    assert "At the start you said: 2 of 5" in out.getvalue()
