"""The commands as a person or a script runs them (typer's CliRunner: no terminal)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from careerpath import __version__
from careerpath.cli import app

from conftest import CLOSING_DONE, FULL_ANSWERS, run

STAGES = ["exploration", "diving-deeper", "networking", "applying", "closing"]


@pytest.fixture
def finished(runner: CliRunner, started: Path, write_answers: Any) -> Path:
    for stage in STAGES:
        answers = CLOSING_DONE if stage == "closing" else None
        run(runner, "next", "--answers", str(write_answers(stage, answers)))
    return started


def test_version(runner: CliRunner) -> None:
    assert run(runner, "--version").output == f"careerpath {__version__}\n"


@pytest.mark.parametrize(
    "command", ["start", "next", "report", "questions", "stages", "edit", "doctor"]
)
def test_every_command_explains_itself(runner: CliRunner, command: str) -> None:
    output = run(runner, command, "--help").output
    assert "Usage:" in output
    assert len(output.splitlines()) > 5


def test_no_arguments_shows_help(runner: CliRunner) -> None:
    result = runner.invoke(app, [])
    assert "careerpath start" in result.output
    assert "Commands" in result.output


def test_start_without_a_terminal_creates_and_says_how_to_go_on(
    runner: CliRunner, home_dir: Path
) -> None:
    output = run(runner, "start").output
    assert "Welcome to Your career path." in output
    assert "five stages" in output
    assert "--answers" in output
    assert (home_dir / "workbook.toml").exists()


def test_start_twice_is_refused_with_a_pointer_to_next(runner: CliRunner, started: Path) -> None:
    result = run(runner, "start", code=1)
    assert f"a workbook already exists in {started}" in result.output.replace("\n", "")
    assert "careerpath next" in result.output


def test_start_force_keeps_the_old_workbook(
    runner: CliRunner, started: Path, write_answers: Any
) -> None:
    run(runner, "next", "--answers", str(write_answers("exploration")))
    output = run(runner, "start", "--force").output
    assert "Your previous workbook is kept in" in output
    (backup,) = (started / ".backups").glob("workbook-*")
    assert "Accountant" in (backup / "stages" / "exploration.toml").read_text()
    assert not (started / "stages" / "exploration.toml").exists()


def test_start_with_a_coachs_workbook_keeps_a_copy(
    runner: CliRunner, home_dir: Path, tmp_path: Path
) -> None:
    source = Path(__file__).parents[1] / "workbooks" / "default.toml"
    coach = tmp_path / "coach.toml"
    coach.write_text(source.read_text().replace('title = "Your career path"', 'title = "Mine"'))
    assert "Welcome to Mine." in run(runner, "start", "--workbook", str(coach)).output
    assert (home_dir / "definition.toml").read_text() == coach.read_text()
    coach.unlink()  # the home does not depend on the coach's file staying put
    assert "Mine" in run(runner, "report").output


def test_start_with_a_broken_workbook_reports_before_creating(
    runner: CliRunner, home_dir: Path, tmp_path: Path
) -> None:
    coach = tmp_path / "coach.toml"
    coach.write_text(
        'schema_version = 1\nid = "x"\nversion = "1"\ntitle = "T"\nintro = "I"\nstages = []\n'
    )
    result = run(runner, "start", "--workbook", str(coach), code=1)
    assert f"{coach}:6: stages: list should have at least 1 item" in result.output
    assert not home_dir.exists()


def test_start_with_an_unknown_workbook(runner: CliRunner) -> None:
    result = run(runner, "start", "--workbook", "fancy", code=1)
    assert "no built-in workbook called 'fancy'" in result.output


def test_commands_before_start_say_how_to_start(runner: CliRunner) -> None:
    for command in ("next", "report", "stages", "doctor"):
        result = run(runner, command, code=1)
        assert "there is no workbook in" in result.output
        assert "careerpath start" in result.output


def test_next_without_a_terminal_names_answers_file(runner: CliRunner, started: Path) -> None:
    result = run(runner, "next", code=1)
    assert "needs a terminal" in result.output
    assert "--answers" in result.output


def test_the_whole_journey_from_answer_files(runner: CliRunner, finished: Path) -> None:
    report = json.loads(run(runner, "report", "--format", "json").output)
    assert report["current_stage"] is None
    assert [s["status"] for s in report["stages"]] == ["complete"] * 5
    output = run(runner, "next").output
    assert "You have completed every stage" in output or "complete" in output


def test_answers_file_saves_and_completes_the_stage(
    runner: CliRunner, started: Path, write_answers: Any
) -> None:
    output = run(runner, "next", "--answers", str(write_answers("exploration"))).output
    assert "Saved 11 answers to Exploration" in output
    assert "✓ Exploration complete." in output
    assert "Next: Diving deeper (diving-deeper)." in output
    saved = tomllib.loads((started / "stages" / "exploration.toml").read_text())
    assert saved["values"] == FULL_ANSWERS["exploration"]["values"]


def test_a_partial_answers_file_says_what_is_left(
    runner: CliRunner, started: Path, write_answers: Any
) -> None:
    path = write_answers("exploration", {"where_now": "Here.", "clarity": 3})
    output = run(runner, "next", "--answers", str(path)).output
    assert "Saved 2 answers" in output
    assert "Still to answer in Exploration: where_to, values" in output


def test_a_bad_answers_file_names_line_and_field_and_saves_nothing(
    runner: CliRunner, started: Path, tmp_path: Path
) -> None:
    path = tmp_path / "bad.toml"
    path.write_text('where_now = "Here."\ntimeline = "Tomorrow"\nclarity = 7\nhobby = "chess"\n')
    result = run(runner, "next", "--answers", str(path), code=1)
    assert f"{path}:2: timeline: input should be 'As soon as possible'" in result.output
    assert f"{path}:3: clarity: input should be less than or equal to 5" in result.output
    assert f"{path}:4: hobby: unknown key" in result.output
    assert "careerpath questions exploration" in result.output
    assert not (started / "stages" / "exploration.toml").exists()


def test_a_wrong_date_in_an_answers_file(runner: CliRunner, started: Path, tmp_path: Path) -> None:
    path = tmp_path / "bad.toml"
    path.write_text('[[contacts]]\nname = "Sam"\nfollow_up = "2026-02-31"\n')
    result = run(runner, "next", "--stage", "networking", "--answers", str(path), code=1)
    assert f"{path}:3: contacts[1].follow_up: input should be a valid date" in result.output


def test_answers_for_another_stage_with_stage_option(
    runner: CliRunner, started: Path, write_answers: Any
) -> None:
    output = run(
        runner, "next", "--stage", "applying", "--answers", str(write_answers("applying"))
    ).output
    assert "✓ Applying complete." in output
    assert "Next: Exploration" in output  # the first stage still open


def test_unknown_stage_lists_the_stages(runner: CliRunner, started: Path) -> None:
    result = run(runner, "next", "--stage", "explore", "--answers", "x.toml", code=1)
    assert "there is no stage 'explore'" in result.output
    assert "exploration, diving-deeper, networking, applying, closing" in result.output


def test_missing_answers_file(runner: CliRunner, started: Path) -> None:
    result = run(runner, "next", "--answers", "nowhere.toml", code=1)
    assert "nowhere.toml" in result.output
    assert "cannot be read" in result.output


def test_report_text_shows_stages_next_step_and_key_answers(
    runner: CliRunner, started: Path, write_answers: Any
) -> None:
    run(runner, "next", "--answers", str(write_answers("exploration")))
    output = run(runner, "report").output
    assert "Exploration" in output and "✓ done 2026-11-25" in output
    assert "→ Diving deeper" in output
    assert "Now: Diving deeper (stage 2 of 5)" in output
    assert "Next: Begin Diving deeper: run `careerpath next`." in output
    assert "  Top values                   1. Autonomy  2. Helping others" in output
    assert "  Income floor (per year)      42,000 EUR" in output


def test_report_json_contract(runner: CliRunner, started: Path, write_answers: Any) -> None:
    run(runner, "next", "--answers", str(write_answers("exploration")))
    report = json.loads(run(runner, "report", "-f", "json").output)
    assert report["report_version"] == 1
    assert report["current_stage"] == "diving-deeper"
    first = report["stages"][0]
    assert {k: first[k] for k in ("id", "title", "status", "answered", "required", "percent")} == {
        "id": "exploration",
        "title": "Exploration",
        "status": "complete",
        "answered": 11,
        "required": 9,
        "percent": 100,
    }
    assert first["completed"] == "2026-11-25"
    values = next(a for a in report["key_answers"] if a["question"] == "values")
    assert values["value"][:2] == ["Autonomy", "Helping others"]


def test_report_markdown_to_a_file(runner: CliRunner, finished: Path, tmp_path: Path) -> None:
    out = tmp_path / "for-my-coach.md"
    run(runner, "report", "--format", "markdown", "--output", str(out))
    text = out.read_text()
    assert text.startswith("# Your career path: where I stand")
    assert "| 1 | Exploration | complete | 11/14 | 9/9 | – | 100% | done 2026-11-25 |" in text
    assert "- **Top values:**" in text
    assert oct(out.stat().st_mode & 0o777) == "0o600"


def test_report_text_to_a_file_has_no_colour_codes(
    runner: CliRunner, finished: Path, tmp_path: Path
) -> None:
    out = tmp_path / "report.txt"
    run(runner, "report", "--output", str(out))
    text = out.read_text()
    assert "Exploration" in text and "\x1b[" not in text


def test_user_text_is_never_read_as_markup(
    runner: CliRunner, started: Path, tmp_path: Path
) -> None:
    path = tmp_path / "a.toml"
    path.write_text('where_now = "[bold]Between jobs[/bold] [red]"\n')
    run(runner, "next", "--answers", str(path))
    assert "[bold]Between jobs[/bold] [red]" in run(runner, "report").output


def test_questions_text_json_and_toml(runner: CliRunner) -> None:
    text = run(runner, "questions", "exploration").output
    assert "where_now" in text and "ranking" in text
    data = json.loads(run(runner, "questions", "diving-deeper", "-f", "json").output)
    targets = next(q for q in data["questions"] if q["id"] == "targets")
    assert [f["id"] for f in targets["fields"]][:2] == ["title", "field"]
    toml_text = run(runner, "questions", "networking", "-f", "toml").output
    assert tomllib.loads(toml_text) == {}
    assert "# [[contacts]]" in toml_text


def test_questions_template_filled_in_is_accepted(
    runner: CliRunner, started: Path, tmp_path: Path
) -> None:
    template = run(runner, "questions", "-f", "toml").output
    filled = template.replace('# where_now = """\n# ...\n# """', 'where_now = """\nHere.\n"""')
    filled = filled.replace("# clarity = 3", "clarity = 2")
    path = tmp_path / "filled.toml"
    path.write_text(filled)
    assert "Saved 2 answers to Exploration" in run(runner, "next", "--answers", str(path)).output


def test_stages_one_line_each(runner: CliRunner, started: Path, write_answers: Any) -> None:
    run(runner, "next", "--answers", str(write_answers("exploration")))
    lines = run(runner, "stages").output.splitlines()
    assert len(lines) == 5
    assert lines[0].split() == [
        "1.",
        "exploration",
        "Exploration",
        "complete",
        "100%",
        "done",
        "2026-11-25",
    ]
    assert lines[1].split()[:3] == ["→", "2.", "diving-deeper"]


def test_doctor_is_happy_with_good_files(runner: CliRunner, finished: Path) -> None:
    assert "All 6 files" in run(runner, "doctor").output


def test_doctor_and_report_name_file_line_and_field_of_a_hand_broken_file(
    runner: CliRunner, finished: Path
) -> None:
    path = finished / "stages" / "closing.toml"
    text = path.read_text().replace('decision = "Accepting"', 'decision = "Run"')
    path.write_text(text)
    line = text.splitlines().index('decision = "Run"') + 1
    for command in ("doctor", "report", "stages"):
        result = run(runner, command, code=1)
        assert f"{path}:{line}: decision: input should be" in result.output
    assert path.read_text() == text  # nothing was written over it


def test_a_mangled_toml_file_is_reported_not_a_traceback(runner: CliRunner, finished: Path) -> None:
    path = finished / "workbook.toml"
    path.write_text(path.read_text() + "\n[[[oops\n")
    result = run(runner, "report", code=1)
    assert f"{path}:" in result.output
    assert "is not valid TOML" in result.output


def test_debug_shows_the_traceback(runner: CliRunner) -> None:
    result = runner.invoke(app, ["--debug", "report"])
    assert result.exit_code == 1
    assert type(result.exception).__name__ == "NoWorkbook"


def test_home_option_beats_the_environment(runner: CliRunner, tmp_path: Path) -> None:
    other = tmp_path / "elsewhere"
    run(runner, "--home", str(other), "start")
    assert (other / "workbook.toml").exists()


def test_an_unexpected_error_is_a_message_not_a_traceback(
    runner: CliRunner, started: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from careerpath.views import report

    def broken(*args: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(report, "build", broken)
    result = run(runner, "report", code=1)
    assert "unexpected problem: RuntimeError: boom" in result.output
    assert "--debug" in result.output


@pytest.mark.parametrize(
    "args", [["report"], ["report", "--format", "json"], ["--help"], ["stages"], ["due"]]
)
def test_a_command_loads_only_what_it_uses(finished: Path, args: list[str]) -> None:
    """Reading commands and --help import neither the prompt libraries nor the record
    commands nor the export libraries: every command is built only when it is used. (The csv
    module is not checked: pydantic loads it, through importlib.metadata.)"""
    heavy = (
        "questionary",
        "prompt_toolkit",
        "icalendar",
        "careerpath.views.exports",
        "careerpath.cli.targets",
        "careerpath.cli.contacts",
        "careerpath.cli.applications",
        "careerpath.cli.offers",
    )
    code = (
        "import sys\n"
        "from careerpath.cli import app\n"
        f"try:\n    app({args!r})\nexcept SystemExit:\n    pass\n"
        f"print('LOADED', [m for m in sys.modules if m.startswith({heavy!r})])\n"
    )
    env = {**os.environ, "CAREERPATH_HOME": str(finished)}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert "LOADED []" in out.stdout, out.stdout + out.stderr


def test_a_mistyped_home_is_not_created(runner: CliRunner, tmp_path: Path) -> None:
    typo = tmp_path / "hmoe"
    result = run(runner, "--home", str(typo), "contact", "add", "Bob", code=1)
    assert "there is no workbook in" in result.output
    assert not typo.exists()


@pytest.mark.parametrize("command", [["app", "add"], ["report"], ["contact", "log"], ["snooze"]])
def test_help_names_values_in_words_not_python_types(runner: CliRunner, command: list[str]) -> None:
    output = run(runner, *command, "--help").output
    assert "<str>" not in output and "<bool>" not in output and "list[" not in output
    assert "TEXT" in output or "DATE" in output or "FILE" in output


def test_questions_says_which_one_waits_for_its_moment(runner: CliRunner, started: Path) -> None:
    output = " ".join(run(runner, "questions", "applying").output.split())
    assert "(waits until you have had an interview)" in output
    fill_in = run(runner, "questions", "applying", "--format", "toml").output
    assert "# It waits until you have had an interview." in fill_in


def test_next_question_names_the_valid_ids_of_an_unknown_one(
    runner: CliRunner, started: Path
) -> None:
    result = run(runner, "next", "--stage", "exploration", "--question", "hourz", code=1)
    output = " ".join(result.output.split())
    assert "Exploration (exploration) has no question 'hourz'" in output
    assert "Its questions are: where_now, where_to, clarity," in output


def test_next_question_finds_its_stage_and_needs_a_terminal(
    runner: CliRunner, started: Path
) -> None:
    result = run(runner, "next", "--question", "nope", code=1)
    assert "no stage has a question 'nope'" in result.output
    result = run(runner, "next", "--question", "interview_reflection", code=1)
    assert "needs a terminal" in result.output


def filled_in(fill_in: str) -> str:
    """A fill-in file with every example answer taken as it is: each ``# key = …`` line (and
    the rest of a multi-line string) uncommented, the explanations left as comments."""
    import re

    lines, inside = [], False
    for line in fill_in.splitlines():
        body = line[2:] if line.startswith("# ") else None
        if inside and body is not None:
            lines.append(body)
            inside = body != '"""'
        elif body is not None and re.match(r"^([a-z_]+ = |\[\[)", body):
            lines.append(body)
            inside = body.endswith('= """')
        else:
            lines.append(line)
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("stage", STAGES)
def test_every_fill_in_example_is_an_answer_the_stage_takes(
    runner: CliRunner, started: Path, tmp_path: Path, stage: str
) -> None:
    fill_in = run(runner, "questions", stage, "--format", "toml").output
    path = tmp_path / f"{stage}.toml"
    path.write_text(filled_in(fill_in))
    asked = len(tomllib.loads(path.read_text()))
    assert asked >= 3  # the examples were uncommented, not skipped
    output = run(runner, "next", "--stage", stage, "--answers", str(path)).output
    assert f"Saved {asked} answers" in output


def test_the_contacts_fill_in_suggests_a_short_warmth_with_its_labels(
    runner: CliRunner, started: Path
) -> None:
    fill_in = run(runner, "questions", "networking", "--format", "toml").output
    (line,) = [line for line in fill_in.splitlines() if line.startswith("# warmth = ")]
    assert line.startswith('# warmth = "warm"    # How do you know them?')
    assert "warm: I know them, introduced: someone will introduce us" in line
