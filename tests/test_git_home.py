"""A home kept in git: careerpath's own files (backups, the lock) stay out of it."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from conftest import flat, run

needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def git(home: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-C", str(home), *args], check=True, capture_output=True, text=True
    ).stdout


def test_start_writes_a_gitignore_for_backups_and_the_lock(
    runner: CliRunner, home_dir: Path
) -> None:
    run(runner, "start")
    ignored = (home_dir / ".gitignore").read_text().splitlines()
    assert {".backups/", ".lock"} <= set(ignored)


@needs_git
def test_a_home_in_git_stays_clean_after_commands(runner: CliRunner, home_dir: Path) -> None:
    run(runner, "start")
    git(home_dir, "init", "-q")
    run(runner, "app", "add", "Acme", "UX researcher")
    git(home_dir, "add", "-A")
    tracked = git(home_dir, "ls-files", "--cached").split()
    assert not [name for name in tracked if name.startswith(".backups") or name == ".lock"]
    git(home_dir, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "x")
    run(runner, "app", "list")
    run(runner, "app", "edit", "a1", "--notes", "x")
    assert git(home_dir, "status", "--porcelain").split() == ["M", "stages/applying.toml"]


def log(home: Path) -> list[str]:
    return git(home, "log", "--format=%s").splitlines()


@needs_git
def test_git_init_then_each_writing_command_is_one_commit(
    runner: CliRunner, home_dir: Path, write_answers: Any
) -> None:
    run(runner, "start")
    assert "is now a git repository" in flat(run(runner, "git", "init").output)
    assert log(home_dir) == ["careerpath git init"]
    assert run(runner, "config", "get", "git").output.strip() == "on"
    commands = [
        ("next", "--answers", str(write_answers("exploration"))),
        ("app", "add", "Acme", "UX researcher", "--next", "Send portfolio", "--due", "2d"),
        ("app", "move", "a1", "applied"),
        ("app", "edit", "a1", "--notes", "Recruiter: Kim"),
        ("contact", "add", "Sam Lee", "--next-step", "Coffee", "--follow-up", "1d"),
        ("contact", "log", "c1", "-m", "Coffee", "--date", "yesterday"),
        ("target", "add", "Data analyst"),
        ("done", "a1-next"),
        ("offer", "add", "--from", "a1", "--base", "50000 EUR"),
        ("app", "remove", "a1", "--yes"),
    ]
    for command in commands:
        run(runner, *command)
    run(runner, "app", "list")  # reading commits nothing
    subjects = log(home_dir)
    assert len(subjects) == 11
    oldest_first = subjects[::-1]
    assert oldest_first[1].startswith("careerpath next: --answers ")
    assert oldest_first[2].startswith("careerpath app add: Acme 'UX researcher' --next")
    assert oldest_first[3:] == [
        "careerpath app move: a1 applied",
        "careerpath app edit: a1 --notes 'Recruiter: Kim'",
        "careerpath contact add: 'Sam Lee' --next-step Coffee --follow-up 1d",
        "careerpath contact log: c1 -m Coffee --date yesterday",
        "careerpath target add: 'Data analyst'",
        "careerpath done: a1-next",
        "careerpath offer add: --from a1 --base '50000 EUR'",
        "careerpath app remove: a1 --yes",
    ]
    assert git(home_dir, "status", "--porcelain") == ""
    tracked = git(home_dir, "ls-files").split()
    assert ".lock" not in tracked
    assert not [name for name in tracked if name.startswith((".backups", ".cache"))]
    assert (home_dir / ".lock").read_bytes() == b""  # released: nothing in it changes at rest


@needs_git
def test_git_init_in_a_repository_made_by_hand_stops_tracking_careerpaths_own_files(
    runner: CliRunner, home_dir: Path
) -> None:
    run(runner, "start")
    (home_dir / ".gitignore").write_text("notes.txt\n")
    git(home_dir, "init", "-q")
    git(home_dir, "add", "-A")
    git(home_dir, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "mine")
    assert ".lock" in git(home_dir, "ls-files").split()
    assert "was a git repository already" in flat(run(runner, "git", "init").output)
    assert ".lock" not in git(home_dir, "ls-files").split()
    ignored = (home_dir / ".gitignore").read_text().splitlines()
    assert ignored[0] == "notes.txt" and {".lock", ".backups/", ".cache/"} <= set(ignored)
    run(runner, "app", "add", "Acme", "Analyst")
    assert git(home_dir, "status", "--porcelain") == ""


@needs_git
def test_a_failing_commit_keeps_the_change_and_says_so(runner: CliRunner, home_dir: Path) -> None:
    run(runner, "start")
    run(runner, "git", "init")
    hook = home_dir / ".git" / "index.lock"
    hook.write_text("")  # another git is busy: `git add` refuses
    result = run(runner, "app", "add", "Acme", "Analyst")
    assert "Added a1" in result.stdout
    assert "your change is saved, but git did not commit it" in flat(result.stderr)
    assert "Acme" in (home_dir / "stages" / "applying.toml").read_text()


def test_commands_work_without_git(
    runner: CliRunner, home_dir: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    run(runner, "start")
    run(runner, "config", "set", "git", "on")
    (home_dir / ".git").mkdir()  # a repository, but no git to commit with
    monkeypatch.setenv("PATH", str(tmp_path / "nothing-here"))
    first = run(runner, "app", "add", "Acme", "Analyst")
    assert "git is not installed" in flat(first.stderr)
    second = run(runner, "app", "add", "Beta", "Analyst")
    assert "git" not in second.stderr  # said once
    assert "Beta" in (home_dir / "stages" / "applying.toml").read_text()
    result = run(runner, "git", "init", code=1)
    assert "git is not installed" in flat(result.output)


def test_turning_git_on_in_a_home_outside_git_says_how(runner: CliRunner, started: Path) -> None:
    result = run(runner, "config", "set", "git", "on")
    assert "is not a git repository yet: `careerpath git init` makes it one" in flat(result.stderr)
    run(runner, "app", "add", "Acme", "Analyst")  # nothing to commit to, and nothing said
    assert not (started / ".git").exists()


def test_git_init_needs_a_workbook(runner: CliRunner, home_dir: Path) -> None:
    result = run(runner, "git", "init", code=1)
    assert "there is no workbook" in result.output
    assert not home_dir.exists()


def test_commit_messages_name_the_command() -> None:
    from careerpath.storage.git import SUBJECT_WIDTH, message

    assert message("app move", ["app", "move", "a1", "no response"]) == (
        "careerpath app move: a1 'no response'"
    )
    assert message("next", ["next"]) == "careerpath next"
    long = message("app edit", ["app", "edit", "a1", "--notes", "x" * 100])
    subject, _, body = long.partition("\n\n")
    assert len(subject) == SUBJECT_WIDTH and subject.endswith("…")
    assert body.strip().endswith("x" * 100)


@needs_git
def test_the_calendar_exports_record_is_committed_with_the_export(
    runner: CliRunner, home_dir: Path, tmp_path: Path
) -> None:
    run(runner, "start")
    run(runner, "git", "init")
    run(runner, "contact", "add", "Sam Lee", "--next-step", "Coffee", "--follow-up", "1d")
    run(runner, "export", "--format", "ics", "--output", str(tmp_path / "due.ics"))
    assert log(home_dir)[0].startswith("careerpath export: --format ics --output ")
    assert git(home_dir, "status", "--porcelain") == ""
