"""Hostile input, broken files and failing disks: nothing typed is lost, nothing is doubled,
nothing injected, never a traceback (issue 12)."""

from __future__ import annotations

import io
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console

from careerpath.core.errors import InvalidFiles
from careerpath.workbook import definition
from careerpath.workbook.home import Home
from careerpath.workbook.session import Session

from conftest import TODAY, ScriptedPrompter


@pytest.fixture
def home(home_dir: Path) -> Home:
    home = Home(home_dir)
    home.create(definition.resolve("default"), now=datetime(2026, 11, 1, 9))
    return home


class BreakingPrompter(ScriptedPrompter):
    """Breaks a file by hand (as another shell would) while the prompt for ``at`` is open."""

    def __init__(self, script: list[Any], at: str, file: Path, text: str) -> None:
        super().__init__(script)
        self.at, self.file, self.text = at, file, text

    def ask(self, question: Any, default: Any = None, draft: str | None = None) -> Any:
        if question.id == self.at:
            with self.file.open("a", encoding="utf-8") as stream:
                stream.write(self.text)
        return super().ask(question, default, draft)


def _sit(home: Home, prompter: ScriptedPrompter) -> None:
    out = io.StringIO()
    Session(home, home.load(), prompter, Console(file=out, width=80), TODAY).continue_current()


def test_an_answer_typed_while_the_stage_file_broke_is_kept_as_a_draft(home: Home) -> None:
    stage_file = home.stage_file("exploration")
    prompter = BreakingPrompter(
        ["Accountant.", "Teaching, maybe."], "where_to", stage_file, 'skills = ["HAND-EDIT"\n'
    )
    with pytest.raises(InvalidFiles) as raised:
        _sit(home, prompter)
    error = raised.value
    assert any(p.line is not None for p in error.problems), "the line of the break is named"
    assert error.hint and "workbook.toml" in error.hint and "draft" in error.hint
    assert "Teaching, maybe." in home.workbook_file.read_text(encoding="utf-8")
    # Fixed by hand, the next sitting offers what was typed.
    text = stage_file.read_text(encoding="utf-8").replace('skills = ["HAND-EDIT"\n', "")
    stage_file.write_text(text, encoding="utf-8")
    again = ScriptedPrompter(["Teaching, maybe.", 2])
    again.ask = _stop_after(again, "clarity")  # type: ignore[method-assign]
    with pytest.raises(_Enough):
        _sit(home, again)
    assert again.drafts["where_to"] == "Teaching, maybe."


def test_a_draft_goes_to_a_side_file_when_workbook_toml_is_broken_too(home: Home) -> None:
    stage_file = home.stage_file("exploration")
    prompter = BreakingPrompter(["Accountant.", "Teaching."], "where_to", stage_file, "x = [\n")
    original = prompter.ask

    def ask(question: Any, default: Any = None, draft: str | None = None) -> Any:
        if question.id == "where_to":
            with home.workbook_file.open("a", encoding="utf-8") as stream:
                stream.write("y = [\n")
        return original(question, default, draft)

    prompter.ask = ask  # type: ignore[method-assign]
    with pytest.raises(InvalidFiles) as raised:
        _sit(home, prompter)
    side = home.root / "drafts.txt"
    assert "Teaching." in side.read_text(encoding="utf-8")
    assert raised.value.hint and "drafts.txt" in raised.value.hint


class _Enough(Exception):
    pass


def _stop_after(prompter: ScriptedPrompter, question_id: str) -> Any:
    original = prompter.ask

    def ask(question: Any, default: Any = None, draft: str | None = None) -> Any:
        if question.id == question_id:
            raise _Enough
        return original(question, default, draft)

    return ask


# --- a disk that refuses a write, at every step ------------------------------------------------

WRITE_COMMANDS = [
    ("app", "add", "Acme", "Analyst", "--status", "applied"),
    ("contact", "add", "Ana Acme", "--how-known", "former colleague"),
    ("target", "add", "Acme analyst"),
]


class Disk:
    """Makes the n-th write step (temp file, fsync, rename, backup copy) fail as a full or
    read-only disk does."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, errno_: int) -> None:
        import os
        import shutil
        import tempfile

        self.fail_at = 0
        self.steps = 0
        self.errno = errno_
        for owner, name in [
            (os, "replace"),
            (os, "fsync"),
            (os, "chmod"),
            (tempfile, "mkstemp"),
            (shutil, "copy2"),
        ]:
            monkeypatch.setattr(owner, name, self._failing(getattr(owner, name)))

    def _failing(self, real: Any) -> Any:
        def step(*args: Any, **kwargs: Any) -> Any:
            self.steps += 1
            if self.steps == self.fail_at:
                import os

                raise OSError(self.errno, os.strerror(self.errno))
            return real(*args, **kwargs)

        return step


@pytest.mark.parametrize("errno_name", ["ENOSPC", "EROFS"])
@pytest.mark.parametrize("command", WRITE_COMMANDS, ids=lambda c: " ".join(c[:2]))
def test_a_refused_write_at_any_step_saves_nothing_twice(
    runner: Any,
    started: Path,
    monkeypatch: pytest.MonkeyPatch,
    command: tuple[str, ...],
    errno_name: str,
) -> None:
    import errno
    import shutil

    from conftest import run

    disk = Disk(monkeypatch, getattr(errno, errno_name))
    pristine = started.parent / "pristine"
    shutil.copytree(started, pristine)
    step = 0
    while True:
        step += 1
        shutil.rmtree(started)
        shutil.copytree(pristine, started)
        disk.steps, disk.fail_at = 0, step
        result = runner.invoke(_app(), list(command))
        if disk.steps < step:  # every step passed: all were tried
            assert result.exit_code == 0, result.output
            break
        disk.fail_at = 0
        if result.exit_code == 0:  # only the folder's fsync failed, after the rename
            assert command[1] == "add" and "Added" in result.output
        else:
            assert result.exit_code == 1, (step, result.output, result.exception)
            assert "unexpected problem" not in result.output
            assert "please report" not in result.output
            assert "this change was not saved" in " ".join(result.output.split())
            run(runner, "doctor")  # every file whole
            run(runner, *command)  # the retry
        listed = run(runner, command[0], "list").output
        assert listed.count("Acme") == 1, (step, listed)
    assert step > 3


def _app() -> Any:
    from careerpath.cli import app

    return app
