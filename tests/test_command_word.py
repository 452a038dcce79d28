"""Hints name the command that works here: `careerpath` on PATH, else the program's path."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from rich.padding import Padding

from careerpath.cli import base


@pytest.fixture
def program(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A `careerpath` script in ./.venv/bin, run by that path, from tmp_path."""
    script = tmp_path / ".venv" / "bin" / "careerpath"
    script.parent.mkdir(parents=True)
    script.write_text("#!/bin/sh\n")
    script.chmod(0o755)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(sys, "argv", [".venv/bin/careerpath", "next"])
    monkeypatch.setenv("PATH", str(tmp_path / "elsewhere"))
    base.command_word.cache_clear()
    yield script
    base.command_word.cache_clear()


def test_off_path_the_hint_shows_the_path_from_here(program: Path) -> None:
    assert base.command_word() == ".venv/bin/careerpath"


def test_on_path_the_hint_stays_the_plain_word(
    program: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(program.parent))
    assert base.command_word() == "careerpath"


def test_another_careerpath_on_path_is_not_taken_for_this_one(
    program: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    other = tmp_path / "elsewhere" / "careerpath"
    other.parent.mkdir()
    other.write_text("#!/bin/sh\n")
    other.chmod(0o755)
    assert base.command_word() == ".venv/bin/careerpath"


def test_a_program_outside_the_current_folder_is_named_in_full(
    program: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path / ".venv")
    monkeypatch.setattr(sys, "argv", [str(program), "next"])
    assert base.command_word() == "bin/careerpath"
    (tmp_path / "elsewhere").mkdir()
    monkeypatch.chdir(tmp_path / "elsewhere")
    base.command_word.cache_clear()  # worked out once per run; this test moves about
    assert base.command_word() == str(program)


def test_the_console_writes_the_command_that_works_in_every_hint(program: Path) -> None:
    console = base.safe_console(width=60, force_terminal=False)
    with console.capture() as captured:
        console.print("Begin Exploration: run `careerpath next`. Or `careerpath report`.")
        console.print("careerpath hit a snag")  # prose, not a command: left alone
        console.print(Padding("Come back with `careerpath next`.", (0, 0, 0, 2)))
    assert [line.rstrip() for line in captured.get().splitlines()] == [
        "Begin Exploration: run `.venv/bin/careerpath next`. Or",
        "`.venv/bin/careerpath report`.",
        "careerpath hit a snag",
        "  Come back with `.venv/bin/careerpath next`.",
    ]


def test_the_installed_command_off_path_names_itself(tmp_path: Path) -> None:
    script = Path(sys.executable).parent / "careerpath"
    if not script.exists():
        pytest.skip("careerpath is not installed as a script here")
    env = {
        "PATH": os.defpath,
        "HOME": str(tmp_path),
        "CAREERPATH_HOME": str(tmp_path / "nothing"),
        "LANG": "C.UTF-8",
    }
    run = subprocess.run(
        [str(script), "report"], cwd=tmp_path, env=env, capture_output=True, text=True
    )
    assert run.returncode == 1
    assert f"Start one with `{script} start`" in " ".join(run.stderr.split())


@pytest.mark.parametrize("width", [56, 60, 80])
def test_a_command_in_backticks_never_breaks_at_a_space_inside_it(
    program: Path, width: int
) -> None:
    console = base.safe_console(width=width, force_terminal=False)
    with console.capture() as captured:
        console.print(
            "Go with your gut; you can revisit this later with "
            "`careerpath next --stage exploration` or `careerpath report`."
        )
        console.print(Padding("Quicker: `careerpath occupations search WORDS` finds jobs.", 2))
    lines = [line.rstrip() for line in captured.get().splitlines()]
    assert all(len(line) <= width for line in lines)
    assert all(line.count("`") % 2 == 0 for line in lines), lines
    text = " ".join(" ".join(lines).split())
    assert "`.venv/bin/careerpath next --stage exploration`" in text
    assert "`.venv/bin/careerpath occupations search WORDS`" in text
    assert "\ue000" not in captured.get()
