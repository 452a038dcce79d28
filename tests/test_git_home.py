"""A home kept in git: careerpath's own files (backups, the lock) stay out of it."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import run

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
