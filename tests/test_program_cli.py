"""The program commands and the coach's group view, as a person or a script runs them."""

from __future__ import annotations

import json
import re
import shutil
import tomllib
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from careerpath.cli import app

from conftest import TODAY, flat

INTAKE = """\
want_by_end = "A clear direction and two conversations with UX researchers."
in_the_way = "Time, and not knowing anyone in the field."
hours = 5
confidence = 2
goals = ["Decide between UX research and data analysis", "Talk to five people in the field"]
"""
CLOSING = """\
want_by_end = "An offer I can weigh."
in_the_way = "Nothing much now."
hours = 6
confidence = 4

[goals]
g1 = "met"
g2 = "not met"
"""
CHECKIN = 'did = "Messaged Sam."\nenergy = 3\nfocus = "Coffee with Sam"\n'


def run(runner: CliRunner, *args: str, code: int = 0, today: str | None = None) -> Any:
    env = {"CAREERPATH_TODAY": today} if today else None
    result = runner.invoke(app, list(args), env=env)
    assert result.exit_code == code, (result.exit_code, result.output, result.exception)
    assert "Traceback" not in result.output
    return result


def text_of(result: Any) -> str:
    """The output with rich's line wrapping undone."""
    return " ".join(str(result.output).split())


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    paths = {}
    for name, text in {"intake": INTAKE, "closing": CLOSING, "checkin": CHECKIN}.items():
        paths[name] = tmp_path / f"{name}.toml"
        paths[name].write_text(text)
    return paths


@pytest.fixture
def started(runner: CliRunner, home_dir: Path) -> Path:
    run(runner, "start")
    return home_dir


@pytest.fixture
def running(runner: CliRunner, started: Path, files: dict[str, Path]) -> Path:
    """A three-month program begun today (2026-11-25) from an intake file."""
    run(runner, "program", "start", "--answers", str(files["intake"]))
    return started


def program_file(home: Path) -> dict[str, Any]:
    return tomllib.loads((home / "program.toml").read_text())


@pytest.mark.parametrize(
    "command",
    [
        ["program", "start"],
        ["program", "status"],
        ["program", "extend"],
        ["program", "end"],
        ["program", "questions"],
        ["goal", "add"],
        ["goal", "revise"],
        ["goal", "done"],
        ["goal", "list"],
        ["homework", "add"],
        ["homework", "list"],
        ["homework", "done"],
        ["checkin"],
    ],
)
def test_every_program_command_explains_itself(runner: CliRunner, command: list[str]) -> None:
    output = run(runner, *command, "--help").output
    assert "Usage:" in output
    assert len(output.splitlines()) > 4


# --- program start ---------------------------------------------------------------------------


def test_program_start_from_an_intake_file(runner: CliRunner, running: Path) -> None:
    saved = program_file(running)
    assert saved["program"] == {"start": TODAY, "months": 3}
    assert saved["intake"]["confidence"] == 2
    assert [g["text"] for g in saved["goals"]] == [
        "Decide between UX research and data analysis",
        "Talk to five people in the field",
    ]
    assert [g["id"] for g in saved["goals"]] == ["g1", "g2"]


def test_program_start_says_what_it_set(
    runner: CliRunner, started: Path, files: dict[str, Path]
) -> None:
    output = text_of(
        run(
            runner,
            "program",
            "start",
            "--months",
            "4",
            "--start",
            "2026-12-01",
            "--answers",
            str(files["intake"]),
        )
    )
    assert "Program started: 4 months, Tue 1 Dec 2026 to Thu 1 Apr 2027 (17 weeks)." in output
    assert "Saved 4 intake answers." in output
    assert "g2 Talk to five people in the field" in output


@pytest.mark.parametrize("months", ["7", "1", "0"])
def test_months_outside_two_to_six(runner: CliRunner, started: Path, months: str) -> None:
    # The same path, exit code and message as `program extend --months 9`: exit 1, one line.
    result = run(runner, "program", "start", "--months", months, code=1)
    assert f"Error: a program runs 2 to 6 months, not {months}" in result.output
    assert "╭" not in result.output  # not typer's usage box
    assert not (started / "program.toml").exists()
    run(runner, "program", "start", "-m", "3", code=2)  # -m is contact log's --summary only


def test_program_start_without_a_terminal_names_the_answers_file(
    runner: CliRunner, started: Path
) -> None:
    result = run(runner, "program", "start", code=1)
    output = text_of(result)
    assert "needs a terminal" in output
    assert "careerpath program questions intake --format toml > intake.toml" in output
    assert not (started / "program.toml").exists()


def test_program_start_needs_a_workbook(runner: CliRunner) -> None:
    result = run(runner, "program", "start", "--answers", "x.toml", code=1)
    assert "there is no workbook" in result.output and "careerpath start" in result.output


def test_a_second_program_start_is_refused_then_forced(
    runner: CliRunner, running: Path, files: dict[str, Path]
) -> None:
    result = run(runner, "program", "start", "--answers", str(files["intake"]), code=1)
    output = text_of(result)
    assert "a program is already running" in output and "(week 1 of 13)" in output
    assert "--force" in output
    output = text_of(
        run(
            runner,
            "program",
            "start",
            "--force",
            "--months",
            "2",
            "--answers",
            str(files["intake"]),
        )
    )
    assert "Your previous program is kept in" in output
    assert program_file(running)["program"]["months"] == 2
    assert len(list((running / ".backups").glob("program-*.toml"))) == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--answers", "BAD"], "hours: input should be a valid integer"),
        ([], "needs a terminal"),  # no --answers, and no terminal to ask in
        (["--months", "9"], "a program runs 2 to 6 months, not 9"),
        (["--start", "someday", "--answers", "GOOD"], "--start: 'someday' is not a date"),
        (["--answers", "GOALS"], "sets 4 goals"),
    ],
)
def test_a_forced_start_that_fails_keeps_the_running_program(
    runner: CliRunner,
    running: Path,
    files: dict[str, Path],
    tmp_path: Path,
    args: list[str],
    message: str,
) -> None:
    bad, goals = tmp_path / "bad.toml", tmp_path / "goals.toml"
    bad.write_text('hours = "lots"\n')
    goals.write_text('goals = ["a", "b", "c", "d"]\n')
    paths = {"BAD": str(bad), "GOOD": str(files["intake"]), "GOALS": str(goals)}
    before = (running / "program.toml").read_text()
    result = run(runner, "program", "start", "--force", *[paths.get(a, a) for a in args], code=1)
    assert message in text_of(result)
    assert (running / "program.toml").read_text() == before
    assert not list((running / ".backups").glob("program-*"))


def test_two_forced_starts_on_one_day_keep_both_backups(
    runner: CliRunner, running: Path, files: dict[str, Path], tmp_path: Path
) -> None:
    first = (running / "program.toml").read_text()
    run(runner, "program", "start", "--force", "--months", "4", "--answers", str(files["intake"]))
    second = (running / "program.toml").read_text()
    run(runner, "program", "start", "--force", "--months", "5", "--answers", str(files["intake"]))
    backups = sorted((running / ".backups").glob("program-*.toml"))
    assert sorted(path.read_text() for path in backups) == sorted([first, second])
    for path in backups:  # program-YYYYMMDD-HHMMSS.toml, -2 added when the second is taken
        assert re.fullmatch(r"program-\d{8}-\d{6}(-\d+)?\.toml", path.name), path.name
    assert program_file(running)["program"]["months"] == 5


def test_start_force_moves_the_program_aside_with_the_workbook(
    runner: CliRunner, running: Path
) -> None:
    run(runner, "start", "--force")
    assert not (running / "program.toml").exists()
    (backup,) = (running / ".backups").glob("workbook-*")
    assert (backup / "program.toml").exists() and (backup / "workbook.toml").exists()
    output = text_of(run(runner, "program", "status", code=1))
    assert "there is no program" in output  # the new workbook starts without the old program


def test_an_intake_begun_from_one_file_is_finished_from_another(
    runner: CliRunner, started: Path, tmp_path: Path, files: dict[str, Path]
) -> None:
    first, rest = tmp_path / "first.toml", tmp_path / "rest.toml"
    first.write_text('want_by_end = "A clear direction."\ngoals = ["Decide"]\n')
    rest.write_text('in_the_way = "Time."\nhours = 4\nconfidence = 2\ngoals = ["Decide", "Talk"]\n')
    output = text_of(run(runner, "program", "start", "--answers", str(first)))
    assert "Still to answer in the intake: in_the_way, hours, confidence" in output
    refused = text_of(
        run(runner, "program", "start", "--months", "4", "--answers", str(rest), code=1)
    )
    assert "--months and --start set up a new program" in refused
    output = text_of(run(runner, "program", "start", "--answers", str(rest)))
    assert "Saved 3 intake answers. The intake is complete." in output
    saved = program_file(started)
    assert saved["intake"] == {
        "want_by_end": "A clear direction.",
        "in_the_way": "Time.",
        "hours": 4,
        "confidence": 2,
    }
    assert [g["text"] for g in saved["goals"]] == ["Decide", "Talk"]  # "Decide" once
    assert saved["program"] == {"start": TODAY, "months": 3}  # the plan is kept
    again = text_of(run(runner, "program", "start", "--answers", str(files["intake"]), code=1))
    assert "a program is already running" in again


def test_an_intake_file_with_mistakes_names_line_and_field(
    runner: CliRunner, started: Path, tmp_path: Path
) -> None:
    path = tmp_path / "bad.toml"
    path.write_text('want_by_end = "x"\nconfidence = 8\nmood = "fine"\n')
    output = text_of(run(runner, "program", "start", "--answers", str(path), code=1))
    assert f"{path}:2: confidence: input should be less than or equal to 5" in output
    assert f"{path}:3: mood: unknown key" in output
    assert not (started / "program.toml").exists()


def test_four_goals_are_refused(runner: CliRunner, started: Path, tmp_path: Path) -> None:
    path = tmp_path / "goals.toml"
    path.write_text('goals = ["a", "b", "c", "d"]\n')
    output = text_of(run(runner, "program", "start", "--answers", str(path), code=1))
    assert "sets 4 goals; a program has one to 3" in output


def test_program_questions_as_text_json_and_a_fill_in_file(runner: CliRunner) -> None:
    assert "confidence" in run(runner, "program", "questions", "intake").output
    template = run(runner, "program", "questions", "checkin", "--format", "toml").output
    assert tomllib.loads(template) == {}
    assert "# energy = 3" in template
    assert "careerpath checkin --answers THIS_FILE" in template
    intake = run(runner, "program", "questions", "intake", "--format", "toml").output
    assert tomllib.loads(intake) == {}
    assert "# goals = [" in intake and "# [goals]" in intake
    assert "# Be realistic: two steady hours beat ten planned ones." in intake  # the help
    assert all(len(line) <= 98 for line in intake.splitlines())  # wrapped, as a stage's file
    data = json.loads(run(runner, "program", "questions", "intake", "-f", "json").output)
    assert data["part"] == "intake"
    assert "confidence" in [question["id"] for question in data["questions"]]


# --- no program yet --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "command",
    [
        ["program", "status"],
        ["program", "extend", "--months", "1"],
        ["program", "end"],
        ["goal", "list"],
        ["goal", "add", "x"],
        ["goal", "revise", "g1", "x", "--reason", "y"],
        ["goal", "done", "g1"],
        ["homework", "add", "x"],
        ["homework", "list"],
        ["homework", "done", "h1"],
        ["checkin"],
    ],
)
def test_program_commands_without_a_program_say_how_to_start_one(
    runner: CliRunner, started: Path, command: list[str]
) -> None:
    output = text_of(run(runner, *command, code=1))
    assert f"there is no program in {started} yet" in output
    assert "Start one with `careerpath program start`" in output


# --- status and report -----------------------------------------------------------------------


def test_status_week_timeline_schedule_goals_homework_checkins(
    runner: CliRunner, running: Path, write_answers: Any, files: dict[str, Path]
) -> None:
    run(runner, "next", "--answers", str(write_answers("exploration")))
    run(runner, "homework", "add", "Read five job ads", "--due", "2026-12-01")
    run(runner, "checkin", "--answers", str(files["checkin"]), today="2026-12-02")
    output = run(runner, "program", "status", today="2026-12-30").output
    assert " ".join(output.split()).startswith(
        "Program · week 6 of 13 · behind by about 2 weeks Wed 25 Nov 2026 Thu 25 Feb 2027"
    )
    assert "|Exploration|" in output
    assert "▲ today, week 6 of 13" in output
    assert "━━━━━━━━━━━━  " in output and "20% of the work" in output  # rich's progress bar
    flat = text_of(run(runner, "program", "status", today="2026-12-30"))
    assert (
        "Behind by about 2 weeks: by now the plan has you 90% through Diving deeper; its work "
        "is still to do (20% of the stages' work done, 38% of the time gone)."
    ) in flat
    # the schedule counts the work: the overdue homework is not done, nothing else yet
    assert (
        "Work done: homework 0 of 1 due done · 0 conversations · 0 applications sent · "
        "goals 0 of 2 met"
    ) in flat
    assert "g1 open Decide between UX research and data analysis" in flat
    assert "Homework 0 done · 1 open · 1 overdue" in flat
    assert "h1 ! Read five job ads (overdue by 29 days, due 2026-12-01) [diving-deeper]" in flat
    assert "Check-ins 1 so far · last on Wed 2 Dec 2026 (28 days ago) · streak 0 weeks" in flat
    assert "a check-in is due this program week" in flat


def test_report_has_a_program_section_in_text_markdown_and_json(
    runner: CliRunner, running: Path
) -> None:
    run(runner, "goal", "revise", "g2", "Talk to six people", "--reason", "Sam offers two intros")
    text = text_of(run(runner, "report"))
    assert text.startswith("Your career path · Wed 25 Nov 2026 · 0% overall")
    assert "Program · week 1 of 13" in text
    assert "was “Talk to five people in the field” until 2026-11-25: Sam offers two intros" in text
    markdown = run(runner, "report", "--format", "markdown").output
    assert "## Program" in markdown and "```text" in markdown and "### Goals" in markdown
    assert "*Wed 25 Nov 2026 · 0% of the way through the stages*" in markdown
    data = json.loads(run(runner, "report", "--format", "json").output)
    program = data["program"]
    assert program["week"] == 1 and program["weeks"] == 13
    assert program["standing"] == "on track"
    assert program["end"] == "2027-02-25"
    assert program["goals"][1]["history"] == [
        {
            "date": "2026-11-25",
            "text": "Talk to five people in the field",
            "reason": "Sam offers two intros",
        }
    ]
    assert data["report_version"] == 1 and "stages" in data  # the earlier contract stands


def test_report_json_without_a_program_has_program_null(runner: CliRunner, started: Path) -> None:
    assert json.loads(run(runner, "report", "-f", "json").output)["program"] is None


# --- extend and end --------------------------------------------------------------------------


def test_extend_is_recorded(runner: CliRunner, running: Path) -> None:
    output = text_of(
        run(
            runner,
            "program",
            "extend",
            "--months",
            "2",
            "--reason",
            "a new baby",
            today="2027-01-10",
        )
    )
    assert (
        "Extended by 2 months: the program now runs 5 months, Wed 25 Nov 2026 to Sun 25 Apr 2027 "
        "(22 weeks)." in output
    )
    saved = program_file(running)["program"]
    assert saved["months"] == 3
    assert saved["changes"] == [
        {
            "kind": "extended",
            "date": tomllib.loads("d = 2027-01-10")["d"],
            "months": 2,
            "reason": "a new baby",
        }
    ]
    assert (
        "Extended by 2 months on Sun 10 Jan 2027: a new baby"
        in run(runner, "program", "status").output
    )


def test_ending_early_with_a_reassessment_file_shows_the_change(
    runner: CliRunner, running: Path, files: dict[str, Path]
) -> None:
    output = text_of(
        run(
            runner,
            "program",
            "end",
            "--reason",
            "found a job",
            "--answers",
            str(files["closing"]),
            today="2027-01-20",
        )
    )
    assert "Confidence: 2 of 5 → 4 of 5 (+2)" in output
    assert "Hours a week: 5 hours a week → 6 hours a week (+1)" in output
    assert "Goals: 1 of 2 met, 0 revised along the way." in output
    assert "Ended early on Wed 20 Jan 2027" in output
    saved = program_file(running)
    assert saved["program"]["changes"][0]["kind"] == "ended"
    assert saved["program"]["reassessed"].isoformat() == "2027-01-20"
    assert [g["status"] for g in saved["goals"]] == ["met", "not met"]
    report = text_of(run(runner, "report", today="2027-01-25"))
    assert "Start → end (re-assessed on Wed 20 Jan 2027)" in report
    again = text_of(run(runner, "program", "end", "--answers", str(files["closing"]), code=1))
    assert "your program ended with its re-assessment on Wed 20 Jan 2027" in again


def test_ending_after_the_planned_end_records_no_early_end(
    runner: CliRunner, running: Path, files: dict[str, Path]
) -> None:
    status = text_of(run(runner, "program", "status", today="2027-03-01"))
    assert "Program · ended on Thu 25 Feb 2027" in status
    assert status.count("ended on Thu 25 Feb 2027") == 1  # said once, not twice
    assert "Your program's time is up: run `careerpath program end`" in status
    run(runner, "program", "end", "--answers", str(files["closing"]), today="2027-03-01")
    assert "changes" not in program_file(running)["program"]


def test_extend_after_the_closing_reassessment_is_refused(
    runner: CliRunner, running: Path, files: dict[str, Path]
) -> None:
    run(runner, "program", "end", "--answers", str(files["closing"]), today="2027-03-01")
    before = (running / "program.toml").read_text()
    output = text_of(run(runner, "program", "extend", "--months", "1", code=1, today="2027-03-02"))
    assert "your program ended with its re-assessment on Mon 1 Mar 2027" in output
    assert "`careerpath program start --force` begins a new one" in output
    assert (running / "program.toml").read_text() == before


def test_a_program_that_has_not_begun_cannot_end(
    runner: CliRunner, started: Path, files: dict[str, Path]
) -> None:
    run(runner, "program", "start", "--start", "2026-12-10", "--answers", str(files["intake"]))
    for args in (["--answers", str(files["closing"])], []):  # from a file, or at a prompt
        output = text_of(run(runner, "program", "end", *args, code=1))
        assert "your program begins on Thu 10 Dec 2026, so it cannot end yet" in output
        assert "program start --force --start DATE" in output
    saved = program_file(started)["program"]
    assert "changes" not in saved and "reassessed" not in saved and "closing" not in saved


def test_an_early_end_shows_how_long_the_program_ran(
    runner: CliRunner, running: Path, files: dict[str, Path]
) -> None:
    run(runner, "program", "end", "--answers", str(files["closing"]), today="2026-12-10")
    output = run(runner, "program", "status", today="2026-12-20").output
    assert "▲ ended early, after 2 weeks" in output
    assert "13 weeks" not in output  # the planned length is not how long it ran


def test_after_the_closing_reassessment_the_program_is_kept_as_it_was(
    runner: CliRunner, running: Path, files: dict[str, Path]
) -> None:
    run(runner, "homework", "add", "Read five ads", "--due", "2026-12-01")
    run(runner, "program", "end", "--answers", str(files["closing"]), today="2026-12-10")
    before = (running / "program.toml").read_text()
    day = "2026-12-20"
    for command in (
        ["checkin", "--answers", str(files["checkin"])],
        ["goal", "add", "Another"],
        ["goal", "revise", "g2", "Talk to six", "--reason", "why not"],
        ["goal", "done", "g2"],
        ["homework", "add", "More"],
        ["homework", "done", "h1"],
    ):
        output = text_of(run(runner, *command, code=1, today=day))
        assert "your program ended with its re-assessment on Thu 10 Dec 2026" in output, command
        assert "`careerpath program start --force` begins a new one" in output
    assert (running / "program.toml").read_text() == before
    # Its homework no longer nags: not overdue, not due, not the next step.
    assert "h1" not in run(runner, "due", "--all", today=day).output
    status = text_of(run(runner, "program", "status", today=day))
    assert "0 done · 1 open · 0 overdue" in status and "Program next" not in status
    data = json.loads(run(runner, "report", "-f", "json", today=day).output)["program"]
    assert (data["homework_overdue"], data["homework"][0]["state"], data["next_step"]) == (
        0,
        "open",
        None,
    )


def test_a_reassessment_file_must_answer_the_intake_and_name_real_goals(
    runner: CliRunner, running: Path, tmp_path: Path
) -> None:
    path = tmp_path / "closing.toml"
    path.write_text('confidence = 4\n[goals]\ng7 = "met"\n')
    output = text_of(run(runner, "program", "end", "--answers", str(path), code=1))
    assert "there is no goal 'g7'" in output
    path.write_text("confidence = 4\n")
    output = text_of(run(runner, "program", "end", "--answers", str(path), code=1))
    assert "does not answer: want_by_end, in_the_way, hours" in output
    assert "reassessed" not in program_file(running)["program"]


# --- goals -----------------------------------------------------------------------------------


def test_goal_add_revise_done_and_list(runner: CliRunner, running: Path) -> None:
    assert "Added g3: Update my CV" in run(runner, "goal", "add", "Update my CV").output
    output = text_of(run(runner, "goal", "add", "A fourth", code=1))
    assert "you have 3 open goals already" in output
    output = text_of(
        run(
            runner,
            "goal",
            "revise",
            "g3",
            "Rewrite my CV for UX roles",
            "--reason",
            "a CV for every job is too much",
            today="2026-12-03",
        )
    )
    assert "g3 now reads: Rewrite my CV for UX roles" in output
    assert "was “Update my CV”; reason kept: a CV for every job is too much" in output
    assert "g1 met: Decide" in text_of(run(runner, "goal", "done", "g1"))
    listed = run(runner, "goal", "list").output
    assert "g1  met ✓ (2026-11-25)  Decide between UX research and data analysis" in listed
    assert "was “Update my CV” until 2026-12-03: a CV for every job is too much" in listed
    assert "2 open of at most 3." in listed


def test_revising_a_met_goal_keeps_it_met(runner: CliRunner, running: Path) -> None:
    run(runner, "goal", "add", "Update my CV")
    run(runner, "goal", "done", "g1", today="2026-12-01")
    run(runner, "goal", "add", "A third open one")
    run(runner, "goal", "revise", "g1", "Decide on UX research", "--reason", "clearer")
    goal = program_file(running)["goals"][0]
    assert (goal["status"], goal["closed"].isoformat()) == ("met", "2026-12-01")
    assert "3 open of at most 3." in run(runner, "goal", "list").output


def test_goal_revise_needs_a_reason(runner: CliRunner, running: Path) -> None:
    result = run(runner, "goal", "revise", "g1", "New words", code=2)
    assert "--reason" in result.output


def test_unknown_goal_ids(runner: CliRunner, running: Path) -> None:
    for command in (["goal", "done", "g9"], ["goal", "revise", "g9", "x", "--reason", "y"]):
        output = text_of(run(runner, *command, code=1))
        assert "there is no goal 'g9'" in output
        assert "Your goals: g1 (Decide between UX research and data analysis)" in output


# --- homework --------------------------------------------------------------------------------


def test_homework_add_list_done(runner: CliRunner, running: Path) -> None:
    output = text_of(
        run(runner, "homework", "add", "Reach out to Sam", "--due", "1w", "--stage", "networking")
    )
    assert "Added h1, due Wed 2 Dec 2026: Reach out to Sam" in output
    run(runner, "homework", "add", "Read about UX research")
    listed = text_of(run(runner, "homework", "list", today="2026-12-05"))
    assert "0 done · 2 open · 1 overdue" in listed
    assert listed.index("h1 !") < listed.index("h2 ·")  # overdue first
    assert "h2 · Read about UX research (no due date) [exploration]" in listed
    assert "h1 done: Reach out to Sam" in text_of(run(runner, "homework", "done", "h1"))
    listed = text_of(run(runner, "homework", "list"))
    assert "h1" not in listed.split("overdue", 1)[1]
    assert "h1 ✓ Reach out to Sam (done 2026-11-25)" in text_of(
        run(runner, "homework", "list", "--all")
    )
    saved = program_file(running)["homework"][0]
    assert saved["stage"] == "networking" and saved["source"] == "own"


def test_a_due_date_before_the_program_starts_is_a_warning(
    runner: CliRunner, started: Path, files: dict[str, Path]
) -> None:
    run(runner, "program", "start", "--start", "2026-12-01", "--answers", str(files["intake"]))
    result = run(runner, "homework", "add", "Early", "--due", "2026-11-28")
    assert "Note" not in result.stdout  # a warning goes to stderr, as the record commands' do
    assert result.stderr.startswith("Note: its due date")
    output = text_of(result)
    assert "Added h1" in output
    assert (
        "Note: its due date, Sat 28 Nov 2026, is before the program begins (Tue 1 Dec 2026)"
        in output
    )


def test_homework_bad_input(runner: CliRunner, running: Path) -> None:
    output = text_of(run(runner, "homework", "add", "x", "--due", "whenever", code=1))
    assert "'whenever' is not a date" in output
    output = text_of(run(runner, "homework", "add", "x", "--stage", "networkin", code=1))
    assert "there is no stage 'networkin'" in output
    output = text_of(run(runner, "homework", "done", "h4", code=1))
    assert "there is no homework 'h4'" in output
    assert "homework" not in program_file(running)


def test_homework_due_in_words_is_shown_back(runner: CliRunner, running: Path) -> None:
    output = text_of(run(runner, "homework", "add", "Call Sam", "--due", "next tuesday"))
    assert "next tuesday → Tue 1 Dec 2026" in output
    assert "due Tue 1 Dec 2026: Call Sam" in output


# --- check-ins -------------------------------------------------------------------------------


def test_checkin_from_a_file_and_the_streak(
    runner: CliRunner, running: Path, files: dict[str, Path]
) -> None:
    for day, streak in (
        ("2026-11-30", "1 week."),
        ("2026-12-08", "2 weeks."),
        ("2026-12-14", "3 weeks."),
    ):
        assert (
            f"Streak: {streak}"
            in run(runner, "checkin", "--answers", str(files["checkin"]), today=day).output
        )
    saved = program_file(running)["checkins"]
    assert [c["date"].isoformat() for c in saved] == ["2026-11-30", "2026-12-08", "2026-12-14"]
    assert saved[0]["energy"] == 3


def test_a_checkin_file_must_answer_what_is_required(
    runner: CliRunner, running: Path, tmp_path: Path
) -> None:
    path = tmp_path / "c.toml"
    path.write_text("energy = 2\n")
    output = text_of(run(runner, "checkin", "--answers", str(path), code=1))
    assert "does not answer: did, focus" in output
    assert "checkins" not in program_file(running)


def test_checkin_without_a_terminal_names_the_answers_file(
    runner: CliRunner, running: Path
) -> None:
    output = text_of(run(runner, "checkin", code=1))
    assert "needs a terminal" in output and "--answers checkin.toml" in output


def test_doctor_checks_the_program_file(runner: CliRunner, running: Path) -> None:
    assert "All 2 files" in run(runner, "doctor").output
    path = running / "program.toml"
    path.write_text(path.read_text().replace("confidence = 2", "confidence = 12"))
    output = text_of(run(runner, "doctor", code=1))
    assert f"{path}:" in output and "intake.confidence" in output


# --- the group view --------------------------------------------------------------------------


def make_group(runner: CliRunner, root: Path, files: dict[str, Path], write_answers: Any) -> Path:
    """Four clients: on track, behind with overdue homework, no program, and broken."""
    group = root / "clients"

    def at(name: str, *args: str, today: str = "2026-10-01") -> None:
        run(runner, "--home", str(group / name), *args, today=today)

    at("ana", "start")
    at("ana", "program", "start", "--answers", str(files["intake"]))
    at("ana", "next", "--answers", str(write_answers("exploration")), today="2026-10-20")
    at("ana", "next", "--answers", str(write_answers("diving-deeper")), today="2026-11-10")
    at("ana", "next", "--answers", str(write_answers("networking")), today="2026-11-18")
    # the work, not only the forms: a target researched, a conversation and its follow-up
    at("ana", "target", "edit", "t1", "--education", "A degree", today="2026-11-10")
    log = ["-m", "Coffee", "--next", "Send portfolio", "--due", "2026-12-02"]
    at("ana", "contact", "log", "c1", *log, today="2026-11-18")
    at("ana", "checkin", "--answers", str(files["checkin"]), today="2026-11-20")
    at("ben", "start")
    at("ben", "program", "start", "--answers", str(files["intake"]))
    at("ben", "homework", "add", "Read ads", "--due", "2026-10-10")
    at("cleo", "start", today="2026-11-20")
    at("dev", "start")
    at("dev", "program", "start", "--answers", str(files["intake"]))
    (group / "dev" / "program.toml").write_text('[program]\nstart = 2026-10-01\nmonths = "three"\n')
    (group / "eve").mkdir()  # a folder with nothing in it yet
    (group / ".trash").mkdir()  # hidden folders are not clients
    return group


def test_group_view_attention_first_and_broken_folders_as_rows(
    runner: CliRunner, tmp_path: Path, files: dict[str, Path], write_answers: Any
) -> None:
    group = make_group(runner, tmp_path, files, write_answers)
    before = {p: p.stat().st_mtime_ns for p in group.rglob("*")}
    data = json.loads(run(runner, "report", "--group", str(group), "-f", "json").output)
    rows = {row["client"]: row for row in data["clients"]}
    assert [row["client"] for row in data["clients"]][:2] == ["dev", "eve"]  # broken first
    assert "program.toml:3: program.months: input should be a valid integer" in rows["dev"]["error"]
    assert rows["eve"]["error"] == "no workbook.toml: not started yet, or not fully copied"
    assert [row["client"] for row in data["clients"]][2:] == ["ben", "ana", "cleo"]
    ben, ana, cleo = rows["ben"], rows["ana"], rows["cleo"]
    assert (ben["program_week"], ben["program_weeks"], ben["overdue"]) == (8, 13, 1)
    assert ben["attention"] == ["behind 8 weeks", "1 overdue", "quiet 55 days"]
    assert ben["last_activity"] == "2026-10-01" and ben["days_inactive"] == 55
    assert (ana["stage"], ana["percent"], ana["standing"]) == ("applying", 60, "on track")
    assert ana["attention"] == [] and ana["days_inactive"] == 5
    assert (cleo["program_week"], cleo["schedule"], cleo["attention"]) == (None, None, [])
    # Read-only: no file was written, created (not even a lock) or removed.
    assert {p: p.stat().st_mtime_ns for p in group.rglob("*")} == before


def test_group_view_as_text_and_markdown(
    runner: CliRunner, tmp_path: Path, files: dict[str, Path], write_answers: Any
) -> None:
    group = make_group(runner, tmp_path, files, write_answers)
    text = text_of(run(runner, "report", "--group", str(group)))
    assert "5 clients · 3 need attention · 2 cannot be read" in text
    assert text.index("dev") < text.index("ben") < text.index("ana")
    markdown = run(runner, "report", "--group", str(group), "-f", "markdown").output
    assert (
        "| Client | Code | Stage | Done | Week | Schedule | Overdue | Quiet | Needs attention |"
        in markdown
    )
    ben = "| ben | — | Exploration | 0% | 8/13 | behind 8w | 1 | 55d | behind 8 weeks, 1 overdue"
    assert ben + ", quiet 55 days |" in markdown


def test_group_view_counts_overdue_items_and_activity_in_records(
    runner: CliRunner, tmp_path: Path, files: dict[str, Path]
) -> None:
    """Record activity written straight into stage files (as a client's own edits or the
    record commands leave it): a follow-up overdue, a conversation and an application move
    more recent than anything else in the workbook."""
    group = tmp_path / "clients"
    home = group / "fay"
    run(runner, "--home", str(home), "start", today="2026-10-01")
    intake = str(files["intake"])
    run(runner, "--home", str(home), "program", "start", "--answers", intake, today="2026-10-01")
    (home / "stages").mkdir()
    (home / "stages" / "networking.toml").write_text(
        "[[contacts]]\n"
        'id = "c1"\nname = "Sam Lee"\nfollow_up = 2026-11-20\nnext_step = "Send portfolio"\n'
        'conversations = [{ date = 2026-11-12, summary = "Coffee" }]\n'
    )
    (home / "stages" / "applying.toml").write_text(
        "[[applications]]\n"
        'id = "a1"\nemployer = "Acme"\nrole = "UX researcher"\n'
        'history = [{ date = 2026-11-01, status = "applied" },'
        ' { date = 2026-11-18, status = "screening" }]\n'
    )
    data = json.loads(run(runner, "report", "--group", str(group), "-f", "json").output)
    (row,) = data["clients"]
    assert row["overdue"] == 1  # the follow-up, not homework: there is none
    assert (row["last_activity"], row["days_inactive"]) == ("2026-11-18", 7)
    # not quiet; the conversation, its follow-up and the application sent are the work of
    # two stages (exploration is not done): 2 of the 3 stages the plan expects by week 8
    assert row["attention"] == ["behind 3 weeks", "1 overdue"]
    markdown = run(runner, "report", "--group", str(group), "-f", "markdown").output
    assert "*Wed 25 Nov 2026 · 1 client · 1 needs attention*" in markdown


def test_group_view_of_a_missing_folder(runner: CliRunner, tmp_path: Path) -> None:
    output = text_of(run(runner, "report", "--group", str(tmp_path / "nowhere"), code=1))
    assert "there is no folder" in output


def test_group_view_survives_a_half_written_client(
    runner: CliRunner, tmp_path: Path, started: Path
) -> None:
    group = tmp_path / "clients"
    group.mkdir()
    shutil.copytree(started, group / "ok")
    shutil.copytree(started, group / "half")
    state = group / "half" / "workbook.toml"
    state.write_text(state.read_text()[:60])  # cut off mid-write
    data = json.loads(run(runner, "report", "--group", str(group), "-f", "json").output)
    assert [row["client"] for row in data["clients"]] == ["half", "ok"]
    assert data["clients"][0]["error"].startswith("workbook.toml")
    assert data["clients"][1]["error"] is None


def test_help_lists_the_program_commands(runner: CliRunner) -> None:
    output = run(runner, "--help").output
    for command in ("program", "goal", "homework", "checkin"):
        assert f"│ {command} " in output
    assert "Did you mean" not in output


def test_a_mistyped_program_command_is_suggested(runner: CliRunner) -> None:
    result = run(runner, "progam", code=2)
    assert "Did you mean 'program'?" in result.output


def test_an_ended_program_reads_ended_in_the_group_view(
    runner: CliRunner, tmp_path: Path, files: dict[str, Path]
) -> None:
    """Over, a program is neither ahead nor behind of anything (issue 11)."""
    group = tmp_path / "clients"
    home = group / "fay"
    run(runner, "--home", str(home), "start", today="2026-08-01")
    intake = str(files["intake"])
    run(runner, "--home", str(home), "program", "start", "--answers", intake, today="2026-08-01")
    text = run(runner, "report", "--group", str(group)).output
    line = next(line for line in text.splitlines() if line.startswith("fay"))
    assert " ended " in line and "ahead" not in line and "behind" not in line
    (row,) = json.loads(run(runner, "report", "--group", str(group), "-f", "json").output)[
        "clients"
    ]
    assert (row["standing"], row["schedule"]) == ("ended", "ended on Sun 1 Nov 2026")
    status = flat(run(runner, "--home", str(home), "program", "status").output)
    assert "ended on Sun 1 Nov 2026" in status and "ahead" not in status
