"""The program in a real pseudo-terminal: `careerpath start`, yes to a program, the intake,
a goal, suggested homework, then Ctrl-C at the first stage question; then a check-in."""

from __future__ import annotations

import tomllib
from datetime import timedelta
from pathlib import Path

import pexpect

from test_terminal import DOWN, FINISH, finish, spawn  # noqa: F401  (spawn is a fixture)

from conftest import TODAY


def test_start_a_program_in_a_real_terminal(spawn, home_dir: Path) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    child = spawn("start")
    child.expect("Run it as a program?")
    child.send("y")
    child.expect("How long should the program run?")
    child.send("\r")  # 3 months, the usual, is the default
    child.expect("By the end of the program, what do you want to have?")
    child.send("A clear direction." + FINISH)
    child.expect("What is in the way right now?")
    child.send("Time." + FINISH)
    child.expect("How many hours a week")
    child.send("99\r")
    child.expect("The largest answer here is 60")
    child.sendcontrol("u")
    child.send("5\r")
    child.expect("How confident are you")
    child.send(DOWN + "\r")
    child.expect("What support do you want")
    child.send("\r")
    child.expect("Your first goal for the program")
    child.send("Decide between two paths\r")
    child.expect("Another goal")
    child.send("\r")
    child.expect("Your program is set.")
    child.expect("Homework suggested for Exploration")
    child.expect("Take this on?")
    child.send("\r")  # accept
    child.expect("Added as h1")
    child.expect("Take this on?")
    child.send(DOWN + DOWN + "\r")  # skip
    # clarity is not said yet, so the two exercises for an unclear direction come too
    child.expect("Log your energy for two weeks")
    child.expect("Take this on?")
    child.send(DOWN + DOWN + "\r")  # skip
    child.expect("Sketch three possible futures")
    child.expect("Take this on?")
    child.send(DOWN + DOWN + "\r")  # skip
    child.expect("Where are you now in your work life?")
    child.sendcontrol("c")
    output = finish(child)
    assert child.exitstatus == 130
    assert "Traceback" not in output
    saved = tomllib.loads((home_dir / "program.toml").read_text())
    assert saved["program"] == {"start": TODAY, "months": 3}
    assert saved["intake"] == {
        "want_by_end": "A clear direction.",
        "in_the_way": "Time.",
        "hours": 5,
        "confidence": 2,
    }
    assert [g["text"] for g in saved["goals"]] == ["Decide between two paths"]
    (homework,) = saved["homework"]
    assert homework["due"] == TODAY + timedelta(days=7)


def test_a_checkin_in_a_real_terminal(spawn, home_dir: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    child = spawn("start")
    child.expect("Run it as a program?")
    child.send("n")
    child.expect("Where are you now")
    child.sendcontrol("c")
    finish(child)
    intake = tmp_path / "intake.toml"
    intake.write_text('want_by_end = "x"\nin_the_way = "y"\nhours = 3\nconfidence = 3\n')
    child = spawn("program", "start", "--answers", str(intake))
    assert "Program started" in finish(child)
    child = spawn("checkin")
    child.expect("What did you do since your last check-in?")
    child.send("Read two ads." + FINISH)
    child.expect("What got in the way?")
    child.send(FINISH)
    child.expect("How is your energy")
    child.send(DOWN + DOWN + DOWN + "\r")
    child.expect("What is your focus for the next week?")
    child.send("Call Sam\r")
    child.expect("Check-in saved. Streak: 1 week.")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    (checkin,) = tomllib.loads((home_dir / "program.toml").read_text())["checkins"]
    assert checkin == {"date": TODAY, "did": "Read two ads.", "energy": 4, "focus": "Call Sam"}
