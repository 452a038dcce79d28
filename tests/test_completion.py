"""Completion at TAB, through the protocol the shells' scripts use (Typer's, over click's):
``_CAREERPATH_COMPLETE=complete_bash`` with ``COMP_WORDS`` and ``COMP_CWORD``, or
``complete_zsh`` with ``_TYPER_COMPLETE_ARGS`` (which shows each value's description)."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import run


def bash(runner: CliRunner, line: str) -> list[str]:
    """What bash offers at the end of ``line`` (a trailing space: a new word)."""
    from careerpath.cli import app

    words = line.split()
    cword = len(words) if line.endswith(" ") else len(words) - 1
    env = {"_CAREERPATH_COMPLETE": "complete_bash", "COMP_WORDS": line, "COMP_CWORD": str(cword)}
    result = runner.invoke(app, [], env=env, prog_name="careerpath")
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output and "Error" not in result.output
    return [offered for offered in result.output.splitlines() if offered]


def zsh(runner: CliRunner, line: str) -> str:
    from careerpath.cli import app

    env = {"_CAREERPATH_COMPLETE": "complete_zsh", "_TYPER_COMPLETE_ARGS": line}
    result = runner.invoke(app, [], env=env, prog_name="careerpath")
    assert result.exit_code == 0, result.output
    return result.output


@pytest.fixture
def filled(runner: CliRunner, started: Path) -> Path:
    run(runner, "app", "add", "Acme", "UX researcher")
    run(runner, "app", "add", "Beta", "Analyst", "--next", "Send portfolio", "--due", "2d")
    run(
        runner, "contact", "add", "Sam Lee", "--org", "Acme", "--next-step", "Coffee", "--due", "1d"
    )
    run(runner, "target", "add", "Data analyst")
    run(runner, "offer", "add", "Acme", "--role", "UX", "--base", "50000 EUR")
    return started


@pytest.mark.parametrize(
    ("line", "offered"),
    [
        ("careerpath app move ", ["a1", "a2"]),
        ("careerpath app show a", ["a1", "a2"]),
        ("careerpath app edit a2", ["a2"]),
        ("careerpath app add X Y --target ", ["t1"]),
        ("careerpath app add X Y --contact ", ["c1"]),
        ("careerpath contact edit ", ["c1"]),
        ("careerpath contact log ", ["c1"]),
        ("careerpath target show ", ["t1"]),
        ("careerpath offer show ", ["o1"]),
        ("careerpath offer add --from ", ["a1", "a2"]),
        ("careerpath done ", ["c1-follow-up", "a2-next"]),
        ("careerpath snooze ", ["c1-follow-up", "a2-next"]),
        (
            "careerpath next --stage ",
            ["exploration", "diving-deeper", "networking", "applying", "closing"],
        ),
        ("careerpath next --stage net", ["networking"]),
        ("careerpath next --stage closing --question offer_c", ["offer_check"]),
        ("careerpath next --question interview_r", ["interview_reflection"]),
        ("careerpath edit ", ["exploration", "diving-deeper", "networking", "applying", "closing"]),
    ],
)
def test_ids_from_the_data(runner: CliRunner, filled: Path, line: str, offered: list[str]) -> None:
    assert bash(runner, line) == offered


def test_record_ids_come_with_their_labels(runner: CliRunner, filled: Path) -> None:
    offered = zsh(runner, "careerpath app move ")
    assert '"a1":"Acme\\\\: UX researcher"' in offered
    assert '"a2":"Beta\\\\: Analyst"' in offered
    assert '"c1":"Sam Lee (Acme)"' in zsh(runner, "careerpath contact show ")
    assert "Coffee" in zsh(runner, "careerpath done ")


def test_statuses(runner: CliRunner, filled: Path) -> None:
    offered = bash(runner, "careerpath app move a1 ")
    assert offered[:2] == ["interested", "applied"] and "no response" in offered
    assert bash(runner, "careerpath app list --status int") == ["interested", "interviewing"]


def test_names_that_need_no_home(runner: CliRunner) -> None:
    assert bash(runner, "careerpath start --workbook ") == ["default"]
    assert "15-2051.00" in bash(runner, "careerpath occupations show 15-205")
    assert bash(runner, "careerpath config set stale") == ["stale_days"]
    assert bash(runner, "careerpath help app mo") == ["move"]
    assert bash(runner, "careerpath help nope ") == []


def test_a_home_that_cannot_be_read_completes_nothing(runner: CliRunner, home_dir: Path) -> None:
    assert bash(runner, "careerpath app move ") == []
    run(runner, "start")
    run(runner, "app", "add", "Acme", "Analyst")
    assert bash(runner, "careerpath app move ") == ["a1"]
    (home_dir / "stages" / "applying.toml").write_text("applications = [")
    assert bash(runner, "careerpath app move ") == []
    assert bash(runner, "careerpath done ") == []


def test_another_home_given_on_the_line(
    runner: CliRunner, filled: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CAREERPATH_HOME", str(tmp_path / "elsewhere"))
    assert bash(runner, "careerpath app move ") == []
    assert bash(runner, f"careerpath --home {filled} app move ") == ["a1", "a2"]


@pytest.mark.parametrize(
    ("shell", "first_line"),
    [
        ("bash", "_careerpath_completion() {"),
        ("zsh", "#compdef careerpath"),
        ("fish", "complete --command careerpath"),
        ("powershell", "Import-Module PSReadLine"),
    ],
)
def test_show_completion_honours_the_shell(runner: CliRunner, shell: str, first_line: str) -> None:
    output = run(runner, "--show-completion", shell).output
    assert output.lstrip().startswith(first_line)


def test_show_completion_names_the_shells_it_knows(runner: CliRunner) -> None:
    result = run(runner, "--show-completion", "tcsh", code=2)
    assert "bash, zsh, fish, powershell" in result.output


def test_open_goals_and_homework_of_the_program(
    runner: CliRunner, started: Path, tmp_path: Path
) -> None:
    intake = tmp_path / "intake.toml"
    intake.write_text(
        'want_by_end = "A clear direction."\nin_the_way = "Time."\nhours = 5\n'
        'confidence = 2\ngoals = ["Talk to five people", "Pick a field"]\n'
    )
    run(runner, "program", "start", "--answers", str(intake))
    run(runner, "homework", "add", "Reach out to two people")
    run(runner, "homework", "add", "Read about UX research")
    run(runner, "homework", "done", "h1")
    run(runner, "goal", "done", "g2")
    assert bash(runner, "careerpath goal revise ") == ["g1"]
    assert bash(runner, "careerpath homework done ") == ["h2"]
    assert '"h2":"Read about UX research"' in zsh(runner, "careerpath homework done ")


def test_labels_kept_for_a_tab_follow_every_change(runner: CliRunner, filled: Path) -> None:
    assert '"a1":"Acme\\\\: UX researcher"' in zsh(runner, "careerpath app move ")
    path = filled / "stages" / "applying.toml"
    path.write_text(path.read_text().replace('employer = "Acme"', 'employer = "Initech"'))
    assert '"a1":"Initech\\\\: UX researcher"' in zsh(runner, "careerpath app move ")
    run(runner, "app", "remove", "a1", "--yes")
    assert bash(runner, "careerpath app move ") == ["a2"]
