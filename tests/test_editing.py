"""``careerpath edit``: the file is checked when the editor closes; it is never left broken."""

from __future__ import annotations

import io
import sys
import textwrap
from datetime import datetime
from pathlib import Path

import pytest
from rich.console import Console

from careerpath.core.errors import Interrupted, NotFound
from careerpath.workbook import definition
from careerpath.workbook.editing import REOPEN, RESTORE, edit_stage
from careerpath.workbook.home import Home

from conftest import INTERRUPT, ScriptedPrompter


@pytest.fixture
def home(home_dir: Path) -> Home:
    home = Home(home_dir)
    home.create(definition.resolve("default"), now=datetime(2026, 11, 1))
    stage = home.load().definition.stage("exploration")
    home.update_answers(stage, lambda a: a.update(where_now="Before."))
    return home


@pytest.fixture
def editor(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """An "editor" that writes the next of the given texts into the file it is given."""

    def use(*texts: str) -> None:
        queue = tmp_path / "edits"
        queue.mkdir(exist_ok=True)
        for n, text in enumerate(texts):
            (queue / f"{n:02}").write_text(text)
        script = tmp_path / "fake_editor.py"
        script.write_text(
            textwrap.dedent(f"""
            import sys
            from pathlib import Path
            pending = sorted(Path({str(queue)!r}).iterdir())
            if pending:
                Path(sys.argv[1]).write_text(pending[0].read_text())
                pending[0].unlink()
            """)
        )
        monkeypatch.setenv("EDITOR", f"{sys.executable} {script}")

    return use


def edit(home: Home, script: list[object]) -> str:
    out = io.StringIO()
    stage = home.load().definition.stage("exploration")
    edit_stage(home, stage, ScriptedPrompter(script), Console(file=out, width=100))
    return out.getvalue()


def stage_text(home: Home) -> str:
    return home.stage_file("exploration").read_text()


def test_a_good_edit_is_kept(home: Home, editor) -> None:  # type: ignore[no-untyped-def]
    editor('where_now = "After."\nclarity = 4\n')
    assert "the file is fine (2 questions answered)" in edit(home, [])
    assert home.load().answers["exploration"] == {"where_now": "After.", "clarity": 4}


def test_a_broken_edit_can_be_reopened_and_fixed(home: Home, editor) -> None:  # type: ignore[no-untyped-def]
    editor('where_now = "After.\n', 'where_now = "After."\n')
    out = edit(home, [REOPEN])
    assert "is not valid TOML" in out
    assert home.load().answers["exploration"] == {"where_now": "After."}


def test_a_broken_edit_can_be_undone_and_is_kept_aside(home: Home, editor) -> None:  # type: ignore[no-untyped-def]
    before = stage_text(home)
    editor("clarity = 11\n")
    out = edit(home, [RESTORE])
    assert "clarity: input should be less than or equal to 5" in out
    assert "Put back the version from before" in out
    assert stage_text(home) == before
    (kept,) = home.backups_dir.glob("exploration.toml.edited-*")
    assert kept.read_text() == "clarity = 11\n"


def test_ctrl_c_after_a_broken_edit_never_leaves_it_behind(home: Home, editor) -> None:  # type: ignore[no-untyped-def]
    before = stage_text(home)
    editor("clarity = 11\n")
    with pytest.raises(Interrupted):
        edit(home, [INTERRUPT])
    assert stage_text(home) == before


def test_a_stage_without_a_file_starts_from_the_fill_in_template(home: Home, editor) -> None:  # type: ignore[no-untyped-def]
    editor()  # the person closes the editor without changing anything
    stage = home.load().definition.stage("networking")
    out = io.StringIO()
    edit_stage(home, stage, ScriptedPrompter([]), Console(file=out))
    assert "the file is fine (0 questions answered)" in out.getvalue()
    assert "# [[contacts]]" in home.stage_file("networking").read_text()


def test_an_editor_that_does_not_exist(home: Home, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EDITOR", "no-such-editor-here")
    with pytest.raises(NotFound, match="cannot start the editor 'no-such-editor-here'"):
        edit(home, [])
    assert "Before." in stage_text(home)
