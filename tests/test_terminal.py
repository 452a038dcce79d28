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
    child.expect("Take them now?")  # the interest inventory, offered to the unsure (issue 10)
    child.send("n")
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


# --- whole journeys on a screen emulator ---------------------------------------------------------
#
# pyte draws what a real terminal would show and answers cursor-position requests (ESC[6n) as real
# terminals do; a small driver reads the active prompt off the screen and answers it as a person
# would. While typing, the typed text must show on one screen line: a squeezed input fails.

FIXTURES = Path(__file__).parent / "fixtures"
TYPED = {  # what a person types at each typed question (by the start of its prompt)
    "Look it up in the occupation data": "data scientist",
    "By when?": "2026-12-09",
    "Next action due": "2026-12-02",
    "Start date": "2027-01-04",
    "Deadline to respond": "2026-12-04",
    "When shall we review": "2027-01-15",
    "When did you last talk": "2026-11-20",
    "What is the least you need to earn": "42000 EUR",
    "What is the least you could live on": "30000",
    "Base pay per year": "52000 EUR",
    "What is the usual pay range": "45000-60000 EUR per year",
    "What pay range would you hope for": "35k-45k",
    "How many hours a week do you want": "32",
    "How many hours a week can you give": "4",
    "Hours a week": "36",
    "How many people would you like": "2",
    "After how many days": "21",
    "How much does each thing count": "Pay=5, Time=3",
    "How well does it fit each of your top values": "4 3 - 5 2",  # all five on one screen
    "How well does the offer fit each of your top values": "5 4 3 - 4",
    "How well does each fit you": "4 2",
    "How many": "3",
}


class Screen:
    """A pseudo-terminal of ``columns`` by ``rows`` with a pyte screen behind it."""

    def __init__(self, child: pexpect.spawn, columns: int, rows: int) -> None:
        import pyte

        self.child = child
        self.screen = pyte.Screen(columns, rows)
        self.screen.write_process_input = child.send  # answers ESC[6n with ESC[row;colR
        self.stream = pyte.Stream(self.screen)
        self.transcript: list[str] = []
        self.ended = False

    def pump(self, quiet: float = 0.05, timeout: float = 20) -> bool:
        """Read until the program has been quiet for ``quiet`` seconds; whether it wrote."""
        import time

        wrote, deadline = False, time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                data = self.child.read_nonblocking(65536, timeout=quiet)
            except pexpect.TIMEOUT:
                return wrote
            except pexpect.EOF:
                self.ended = True
                return wrote
            self.stream.feed(data)
            self.transcript.append(data)
            wrote = True
        raise AssertionError("the program never went quiet:\n" + self.text())

    def lines(self) -> list[str]:
        return [line.rstrip() for line in self.screen.display]

    def text(self) -> str:
        return "\n".join(self.lines())

    def send(self, keys: str) -> None:
        self.child.send(keys)
        while not self.pump() and not self.ended:
            pass  # wait for the program to react at all, then for it to settle

    def type(self, words: str) -> None:
        """Type ``words`` (no Enter) and check they show on one line of the screen. A busy
        machine may draw them in pieces: wait a little for the screen to settle first."""
        import time

        self.send(words)
        deadline = time.monotonic() + 5
        while not any(words in line for line in self.lines()) and time.monotonic() < deadline:
            self.pump(quiet=0.2)
        assert any(words in line for line in self.lines()), (
            f"typed {words!r}, but the screen shows:\n{self.text()}"
        )

    def prompt(self) -> tuple[str, str]:
        """The active prompt: its kind (typed, multiline, pick, tick, confirm) and its
        question, read off the screen; ("", "") when none is waiting."""
        lines = self.lines()
        cursor = self.screen.cursor
        starts = [i for i, line in enumerate(lines[: cursor.y + 1]) if line.startswith("? ")]
        if not starts:
            return "", ""
        top = starts[-1]
        below = lines[top : cursor.y + 1]
        question = " ".join(line.strip() for line in below if not line.startswith("›"))
        body = "\n".join(lines[top:])
        if "(arrow keys to move" in body:
            return "pick", question
        if "(space to tick" in body:
            return "tick", question
        if not cursor.hidden and cursor.x >= 2 and any(line.startswith("›") for line in below):
            return ("multiline" if "Esc then Enter" in body else "typed"), question
        if not cursor.hidden and lines[cursor.y].rstrip().endswith(("(Y/n)", "(y/N)")):
            return "confirm", question
        return "", ""


def journey(screen: Screen) -> list[str]:
    """Answer every prompt until the program ends; the questions asked, in order."""
    import time

    asked: list[str] = []
    rated_one_by_one = False
    waiting_since = time.monotonic()
    while not screen.ended:
        kind, question = screen.prompt()
        if not kind:  # still drawing (a slow machine), or stuck: wait, but not for ever
            screen.pump(quiet=0.2)
            assert time.monotonic() - waiting_since < 30, (
                "no prompt after:\n" + "\n".join(asked[-3:]) + "\n" + screen.text()
            )
            continue
        waiting_since = time.monotonic()
        asked.append(question)
        assert len(asked) < 400, "the journey does not end"
        if kind == "confirm":
            # no program, one record of each kind, and the exercises left for their own test
            no = any(w in question for w in ("Add another", "as a program", "Take them now?"))
            if "Keep these?" in question and not rated_one_by_one:
                no = rated_one_by_one = True  # rate the weights need by need, once
            screen.send("n" if no else "y")
        elif kind == "pick":
            if "“Autonomy” count?" in question:
                screen.send("\x1b[A\r")
            elif "enter your own?" in question:  # the pack's U.S. pay, or your own: your own
                screen.send("\x1b[B\r")
            else:
                screen.send("\r")
        elif kind == "tick":
            screen.send(" \r")
        elif screen.lines()[screen.screen.cursor.y].strip() != "›":
            # an answer is offered in the box (filled in from the occupation data): keep it
            screen.send("\x1b\r" if kind == "multiline" else "\r")
        else:
            said = question.removeprefix("? ")
            words = next((v for k, v in TYPED.items() if said.startswith(k)), None)
            words = words or f"answer {len(asked)}"
            screen.type(words)
            screen.send("\x1b\r" if kind == "multiline" else "\r")
        waiting_since = time.monotonic()
    return asked


def run_journey(
    spawn_screen, home_dir: Path, columns: int, *args: str, cpr: bool = True
) -> list[str]:  # type: ignore[no-untyped-def]
    screen = spawn_screen(columns, "start", *args, cpr=cpr)
    asked = journey(screen)
    screen.child.close()
    whole = "".join(screen.transcript)
    assert screen.child.exitstatus == 0, whole[-3000:]
    assert "Traceback" not in whole and "unexpected problem" not in whole
    return asked


@pytest.fixture
def spawn_screen(home_dir: Path, tmp_path: Path):  # type: ignore[no-untyped-def]
    children: list[pexpect.spawn] = []

    def start(columns: int, *args: str, cpr: bool = True) -> Screen:
        program, prefix = command()
        env = {
            "PATH": os.environ.get("PATH", ""),
            "HOME": str(tmp_path / "user"),
            "CAREERPATH_HOME": str(home_dir),
            "CAREERPATH_TODAY": TODAY.isoformat(),
            "TERM": "xterm-256color",
            "LANG": "C.UTF-8",
            "PROMPT_TOOLKIT_NO_CPR": "0" if cpr else "1",
        }
        child = pexpect.spawn(
            program, [*prefix, *args], env=env, encoding="utf-8", dimensions=(30, columns)
        )
        children.append(child)
        return Screen(child, columns, 30)

    yield start
    for child in children:
        child.close(force=True)


def report(home_dir: Path) -> dict[str, object]:
    import json
    import subprocess

    program, prefix = command()
    env = {**os.environ, "CAREERPATH_HOME": str(home_dir), "CAREERPATH_TODAY": TODAY.isoformat()}
    done = subprocess.run(
        [program, *prefix, "report", "--format", "json"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout)  # type: ignore[no-any-return]


@pytest.mark.parametrize("columns", [80, 120])
def test_the_built_in_journey_at_the_real_prompts(
    spawn_screen, home_dir: Path, columns: int
) -> None:  # type: ignore[no-untyped-def]
    asked = run_journey(spawn_screen, home_dir, columns, cpr=columns == 80)
    summary = report(home_dir)
    assert summary["percent"] == 100
    assert [stage["status"] for stage in summary["stages"]] == ["complete"] * 5  # type: ignore[attr-defined]
    # One confirmation per stage change, and the weights rated need by need.
    assert sum("Move on to" in q or "Mark this stage complete" in q for q in asked) == 5
    assert not any(q.startswith("? Begin ") for q in asked)
    assert any("How much should “Autonomy” count?" in q for q in asked)
    # Needs read by their titles, not the file's ids.
    assert any("How much should “Income floor (per year)” count?" in q for q in asked)
    assert not any("“income_floor”" in q for q in asked)
    closing = tomllib.loads((home_dir / "stages" / "closing.toml").read_text())
    assert closing["weights"]["Autonomy"] == 4
    assert closing["weights"]["income_floor"] == 5
    exploration = answers(home_dir)
    assert exploration["income_floor"] == {"amount": 42000, "currency": "EUR"}
    assert exploration["hours"] == 32
    # Every top value rated on one screen per record, never one prompt per value.
    assert not any("How well does it fit “" in q for q in asked)
    top = exploration["values"]
    deeper = tomllib.loads((home_dir / "stages" / "diving-deeper.toml").read_text())
    assert deeper["targets"][0]["fit"] == {top[0]: 4, top[1]: 3, top[3]: 5, top[4]: 2}
    assert closing["offers"][0]["ratings"] == {top[0]: 5, top[1]: 4, top[2]: 3, top[4]: 4}
    # The target job was looked up in the occupation data, with the person's own pay.
    (target,) = tomllib.loads((home_dir / "stages" / "diving-deeper.toml").read_text())["targets"]
    assert target["occupation"] == "15-2051.00"
    assert target["salary"]["currency"] == "EUR"


@pytest.mark.parametrize("columns", [80, 120])
def test_a_coachs_workbook_of_every_kind_at_the_real_prompts(
    spawn_screen, home_dir: Path, columns: int
) -> None:  # type: ignore[no-untyped-def]
    from typing import get_args

    from careerpath.workbook.definition import Kind, load

    coach = FIXTURES / "coach.toml"
    kinds = {q.kind for stage in load(coach).stages for q in stage.questions}
    assert kinds == set(get_args(Kind))  # the fixture keeps up with the kinds there are
    run_journey(spawn_screen, home_dir, columns, "--workbook", str(coach))
    summary = report(home_dir)
    assert [stage["status"] for stage in summary["stages"]] == ["complete", "complete"]  # type: ignore[attr-defined]
    second = tomllib.loads((home_dir / "stages" / "second.toml").read_text())
    assert second["weights"] == {"Pay": 5, "Time": 3}
    assert second["fits"] == {"Pay": 4, "Time": 2}
    assert second["floor"] == {"amount": 30000, "currency": "GBP"}
    assert second["review"].isoformat() == "2027-01-15"
    assert [person["met"].isoformat() for person in second["people"]] == ["2026-11-20"]


def one_question(spawn_screen, columns: int, stage: str, question: str, kind: str) -> Screen:  # type: ignore[no-untyped-def]
    """A new workbook (started, then stopped at the program question), and
    `next --stage STAGE --question QUESTION` waiting at its ``kind`` of prompt."""
    screen = spawn_screen(columns, "start")
    while "Run it as a program?" not in screen.text():
        screen.pump(quiet=0.2)
    screen.send("\x03")
    screen.child.close()
    screen = spawn_screen(columns, "next", "--stage", stage, "--question", question)
    while screen.prompt()[0] != kind:
        assert not screen.ended, screen.text()
        screen.pump(quiet=0.2)
    return screen


def test_one_long_question_at_100_columns_keeps_the_typed_text_readable(
    spawn_screen, home_dir: Path
) -> None:  # type: ignore[no-untyped-def]
    """`next --stage closing --question offer_check` in a 100-column terminal: the question,
    its hint and the input each on their own lines; a long answer wraps and stays whole."""
    screen = one_question(spawn_screen, 100, "closing", "offer_check", "multiline")
    lines = screen.lines()
    ask = next(i for i, line in enumerate(lines) if line.startswith("? Check the offer"))
    assert lines[ask].endswith("what does it meet, and what does it miss?")
    assert lines[ask + 1].strip() == "(Esc then Enter to finish)"
    assert lines[ask + 2].startswith("›")
    long = (
        "It meets my income floor and the two remote days I asked for, but it misses the "
        "training budget and the four-day week I hoped to negotiate before I sign anything."
    )
    screen.send(long)
    # prompt_toolkit wraps by character, each wrapped line indented under the input: joined
    # without that indent, the answer reads whole.
    shown = [line[2:] for line in screen.lines()[ask + 2 :] if line.strip()]
    assert len(shown) == 2 and long == "".join(shown), screen.text()
    assert all(len(line) <= 100 for line in screen.lines())
    screen.send("\x1b\r")
    while not screen.ended:
        screen.pump(quiet=0.2)
    whole = " ".join(screen.text().split())
    assert "Saved “Offer against your needs” in Closing." in whole
    assert "Next:" in whole
    closing = tomllib.loads((home_dir / "stages" / "closing.toml").read_text())
    assert closing["offer_check"] == long


def test_a_long_picked_answer_is_echoed_at_words_at_80_columns(
    spawn_screen, home_dir: Path
) -> None:  # type: ignore[no-untyped-def]
    """questionary echoes "? question  answer" on one line, which an 80-column terminal cut
    mid-word ("Recognition: Being notic|ed"); the answer now goes whole on its own line."""
    from datetime import datetime

    from careerpath.workbook import definition
    from careerpath.workbook.home import Home

    Home(home_dir).create(definition.resolve("default"), now=datetime(2026, 11, 1))
    screen = spawn_screen(80, "work-values")
    while screen.prompt()[0] != "pick":
        assert not screen.ended, screen.text()
        screen.pump(quiet=0.2)
    screen.send(DOWN + DOWN + "\r")  # the third: Recognition
    while "(2 of 5)" not in screen.text():
        screen.pump(quiet=0.2)
    lines = screen.lines()
    asked = lines.index("? Of these, which matters most to you in work? (1 of 5)")
    picked = "  Recognition: Being noticed for good work, with a chance to move up."
    assert lines[asked + 1] == picked
    screen.send("\x03")
    while not screen.ended:
        screen.pump(quiet=0.2)
    assert "? Of these, which matters most to you in work? (2 of 5)" in screen.lines()


def test_a_half_typed_answer_is_not_called_wrong_until_it_is_given(
    spawn_screen, home_dir: Path
) -> None:  # type: ignore[no-untyped-def]
    """At 80 columns: while "42000 E" is being typed towards "42000 EUR", no error shows;
    given as it is, the problem is said; typed whole, it is saved."""
    screen = one_question(spawn_screen, 80, "exploration", "income_floor", "typed")
    problem = "Add a currency code"
    screen.type("42000 E")
    assert problem not in screen.text()
    screen.send("\r")  # given half typed
    assert problem in " ".join(screen.text().split())
    screen.type("UR")
    screen.send("\r")
    while not screen.ended:
        screen.pump(quiet=0.2)
    saved = tomllib.loads((home_dir / "stages" / "exploration.toml").read_text())
    assert saved["income_floor"] == {"amount": 42000, "currency": "EUR"}


def test_a_colour_code_typed_into_an_answer_is_dropped_not_a_traceback(
    spawn_screen, home_dir: Path
) -> None:  # type: ignore[no-untyped-def]
    """ESC [31m reads to prompt_toolkit as a mouse report; its handler used to fail on it
    with "Exception not enough values to unpack" and "Press ENTER to continue..."."""
    screen = one_question(spawn_screen, 80, "exploration", "where_now", "multiline")
    screen.send("Teacher \x1b[31mred\x1b[0m of ten years")
    screen.pump(quiet=0.5)
    assert "Exception" not in screen.text() and "Press ENTER" not in screen.text()
    screen.send("\x1b\r")
    while not screen.ended:
        screen.pump(quiet=0.2)
    assert "Saved" in screen.text(), screen.text()
    import tomllib

    saved = tomllib.loads((home_dir / "stages" / "exploration.toml").read_text())
    assert saved["where_now"] == "Teacher red of ten years"
