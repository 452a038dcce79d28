"""End to end: the installed ``careerpath`` command in a real pseudo-terminal (pexpect)."""

from __future__ import annotations

import os
import sys
import tomllib
from pathlib import Path

import pexpect
import pytest

from conftest import TODAY

DOWN, FINISH = "\x1b[B", "\x1b\r"


def command() -> tuple[str, list[str]]:
    script = Path(sys.executable).parent / "careerpath"
    if script.exists():
        return str(script), []
    return sys.executable, ["-m", "careerpath"]


@pytest.fixture
def spawn(home_dir: Path, tmp_path: Path):  # type: ignore[no-untyped-def]
    children: list[pexpect.spawn] = []

    def start(*args: str) -> pexpect.spawn:
        program, prefix = command()
        env = {
            "PATH": os.environ.get("PATH", ""),
            "HOME": str(tmp_path / "user"),
            "CAREERPATH_HOME": str(home_dir),
            "CAREERPATH_TODAY": TODAY.isoformat(),
            "TERM": "xterm-256color",
            "LANG": "C.UTF-8",
            # pexpect is not a terminal emulator: it never answers prompt_toolkit's cursor
            # position request, which would otherwise stall every prompt until it times out.
            "PROMPT_TOOLKIT_NO_CPR": "1",
        }
        child = pexpect.spawn(
            program, [*prefix, *args], env=env, encoding="utf-8", timeout=30, dimensions=(50, 120)
        )
        children.append(child)
        return child

    yield start
    for child in children:
        child.close(force=True)


def finish(child: pexpect.spawn) -> str:
    child.expect(pexpect.EOF)
    child.close()
    return str(child.before)


def answers(home_dir: Path) -> dict[str, object]:
    return tomllib.loads((home_dir / "stages" / "exploration.toml").read_text())


def test_start_ctrl_c_and_resume_in_a_real_terminal(spawn, home_dir: Path) -> None:  # type: ignore[no-untyped-def]
    child = spawn("start")
    child.expect("Welcome to Your career path")
    child.expect("Run it as a program?")
    child.send("\r")  # no, not now (the default)
    child.expect("Where are you now in your work life?")
    child.send("Accountant for eight years." + FINISH)
    child.expect("Where would you like to go?")
    child.send("Not sure yet." + FINISH)
    child.expect("How clear are you")
    child.send(DOWN + "\r")
    child.expect("Which of these matter most")
    child.send("\r")  # Autonomy first
    child.expect("Number 2")
    child.sendcontrol("c")
    output = finish(child)
    assert child.exitstatus == 130
    assert "Saved 3 answers this time, and kept what you were typing" in output
    assert "Traceback" not in output
    saved = answers(home_dir)
    assert saved == {
        "where_now": "Accountant for eight years.",
        "where_to": "Not sure yet.",
        "clarity": 2,
    }
    workbook = tomllib.loads((home_dir / "workbook.toml").read_text())
    assert workbook["stages"]["exploration"]["drafts"] == {"values": "Autonomy"}
    assert oct((home_dir / "stages" / "exploration.toml").stat().st_mode & 0o777) == "0o600"

    # Days later: the ranking continues where it stopped.
    child = spawn("next")
    child.expect("Continuing: Exploration")
    child.expect("Picking up what you were typing last time")
    child.expect("Number 2")
    for _ in range(4):
        child.send("\r")
    child.expect("What gives you energy at work?")
    child.send("teaching" + FINISH)
    child.expect("What drains you?")
    child.sendcontrol("c")
    output = finish(child)
    assert child.exitstatus == 130
    assert "Saved 2 answers this time" in output
    saved = answers(home_dir)
    assert saved["values"] == [
        "Autonomy",
        "Security and stability",
        "Income",
        "Creativity",
        "Helping others",
    ]
    assert saved["energisers"] == ["teaching"]


def test_a_wrong_date_is_explained_at_the_prompt(spawn, home_dir: Path) -> None:  # type: ignore[no-untyped-def]
    child = spawn("start")
    child.expect("Run it as a program?")
    child.send("n")
    child.expect("Where are you now")
    child.sendcontrol("c")
    finish(child)
    # Jump to networking, where contacts have a follow-up date.
    child = spawn("next", "--stage", "networking")
    child.expect("Which ways of reaching out")
    child.send(" \r")
    child.expect("Name")
    child.send("Sam Lee\r")
    child.expect("Organisation")
    child.send("\r")
    child.expect("Their role")
    child.send("\r")
    child.expect("How do you know them")
    child.send("\r")
    child.expect("How exactly")
    child.send("\r")
    child.expect("How will you reach them")
    child.send("email\r")
    child.expect("Where are you with them")
    child.send("\r")  # to reach out
    child.expect("What is your next step")
    child.send("Coffee\r")
    child.expect("By when")
    child.send("soon\r")
    child.expect("is not a date")
    child.sendcontrol("u")
    child.send("2w\r")
    child.expect("Add another contact")
    child.sendcontrol("c")
    finish(child)
    assert child.exitstatus == 130
    saved = tomllib.loads((home_dir / "stages" / "networking.toml").read_text())
    contact = saved["contacts"][0]
    assert contact["follow_up"].isoformat() == "2026-12-09"
    assert (contact["id"], contact["warmth"], contact["status"]) == ("c1", "warm", "to reach out")


def test_a_guided_contact_and_the_overdue_notice_in_a_real_terminal(spawn, home_dir: Path) -> None:  # type: ignore[no-untyped-def]
    child = spawn("start")
    child.expect("Run it as a program?")
    child.send("n")
    child.expect("Where are you now")
    child.sendcontrol("c")
    finish(child)
    # No name given, and a terminal: asked field by field.
    child = spawn("contact", "add")
    child.expect("Name")
    child.send("Sam Lee\r")
    child.expect("Organisation")
    child.send("Acme\r")
    child.expect("Their role")
    child.send("\r")
    child.expect("How do you know them")
    child.send(DOWN + "\r")  # introduced
    child.expect("How exactly")
    child.send("via Maria\r")
    child.expect("How will you reach them")
    child.send("\r")
    child.expect("Where are you with them")
    child.send("\r")
    child.expect("What is your next step")
    child.send("Ask for coffee\r")
    child.expect("By when")
    child.send("soon\r")
    child.expect("is not a date")
    child.sendcontrol("u")
    child.send("2026-11-20\r")
    output = finish(child)
    assert child.exitstatus == 0, output
    assert "Added c1: Sam Lee (Acme)." in output
    contact = tomllib.loads((home_dir / "stages" / "networking.toml").read_text())["contacts"][0]
    assert (contact["warmth"], contact["how_known"]) == ("introduced", "via Maria")
    # The next sitting starts with what is overdue.
    child = spawn("next")
    child.expect("1 item is overdue")
    child.expect("c1-follow-up")
    child.expect("Sam Lee \\(Acme\\): Ask for coffee")
    child.expect("Where are you now")
    child.sendcontrol("c")
    finish(child)
    assert child.exitstatus == 130
