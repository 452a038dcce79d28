"""Hand edits survive a careerpath write: comments, blank lines and key order a person put in a
file are kept byte for byte; only the lines of the values that changed differ."""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from conftest import FULL_ANSWERS, run, stage_file


@pytest.fixture
def home(runner: CliRunner, home_dir: Path, write_answers: Any) -> Path:
    run(runner, "start")
    run(runner, "next", "--answers", str(write_answers("exploration", FULL_ANSWERS["exploration"])))
    run(runner, "contact", "add", "Sam Lee", "--org", "Acme")
    run(runner, "app", "add", "Acme", "UX researcher", "--status", "applied", "--date", "-3d")
    run(runner, "app", "add", "Globex", "Data analyst")
    run(runner, "app", "add", "Initech", "Designer")
    return home_dir


def hand_edit(path: Path) -> str:
    """Add a comment above every table and key-value block, an inline comment on the first
    key, a blank line, and move ``id`` to the end of the first table: what a person might do."""
    lines = path.read_text().splitlines()
    edited: list[str] = []
    first_key = True
    for line in lines:
        if line.startswith("["):
            edited += ["", f"# my note about {line.strip('[]')}: recruiter is Kim"]
        if first_key and "=" in line and not line.startswith("#"):
            line += "  # set by hand"
            first_key = False
        edited.append(line)
    text = "\n".join(edited) + "\n"
    path.write_text(text)
    return text


def lost_lines(before: str, after: str) -> list[str]:
    """Lines of ``before`` that are not in ``after`` at their place."""
    matcher = difflib.SequenceMatcher(a=before.splitlines(), b=after.splitlines(), autojunk=False)
    lost = []
    for tag, a_start, a_end, _b_start, _b_end in matcher.get_opcodes():
        if tag in {"replace", "delete"}:
            lost += before.splitlines()[a_start:a_end]
    return lost


WRITES = [
    ("applying", ["app", "edit", "a2", "--link", "https://x.example"], []),
    ("applying", ["app", "add", "Hooli", "Designer"], []),
    ("applying", ["app", "move", "a1", "screening"], []),
    (
        "networking",
        ["contact", "log", "sam", "--summary", "Coffee", "--channel", "coffee"],
        ['    { id = "c1"'],  # the contact is one inline table: its line is its value
    ),
]


@pytest.mark.parametrize(
    ("stage", "command", "changed"), WRITES, ids=lambda v: " ".join(v) if isinstance(v, list) else v
)
def test_a_record_write_keeps_every_hand_edit(
    runner: CliRunner, home: Path, stage: str, command: list[str], changed: list[str]
) -> None:
    path = home / "stages" / f"{stage}.toml"
    before = hand_edit(path)
    run(runner, *command)
    after = path.read_text()
    assert [line for line in lost_lines(before, after) if not line.startswith(tuple(changed))] == []
    assert "# set by hand" in after


def test_an_edit_changes_only_the_line_of_its_value(runner: CliRunner, home: Path) -> None:
    path = home / "stages" / "applying.toml"
    before = hand_edit(path)
    run(runner, "app", "edit", "a1", "--notes", "x")
    assert [line.split(" = ")[0] for line in lost_lines(before, path.read_text())] == []
    assert stage_file(home, "applying")["applications"][0]["notes"] == "x"


def test_a_removed_record_takes_only_its_own_lines(runner: CliRunner, home: Path) -> None:
    path = home / "stages" / "applying.toml"
    before = hand_edit(path)
    run(runner, "app", "remove", "a2", "--yes")
    after = path.read_text()
    lost = lost_lines(before, after)
    assert lost and all(
        "a2" in line
        or "Globex" in line
        or "Data analyst" in line
        or line.startswith(("history", "date", "status", "# my note", "[", ""))
        for line in lost
    )
    assert "# my note about applications: recruiter is Kim" in after
    assert [a["id"] for a in stage_file(home, "applying")["applications"]] == ["a1", "a3"]


def test_answering_again_keeps_the_comments(
    runner: CliRunner, home: Path, write_answers: Any
) -> None:
    path = home / "stages" / "exploration.toml"
    before = path.read_text().replace("clarity =", "# why I said this\nclarity =")
    path.write_text(before)
    answers = {**FULL_ANSWERS["exploration"], "where_now": "Somewhere new"}
    run(
        runner,
        "next",
        "--stage",
        "exploration",
        "--answers",
        str(write_answers("exploration", answers)),
    )
    after = path.read_text()
    assert [line.split(" = ")[0] for line in lost_lines(before, after)] == ["where_now"]
    assert "# why I said this\nclarity =" in after


def test_a_file_without_hand_edits_is_written_as_before(runner: CliRunner, home: Path) -> None:
    path = home / "stages" / "applying.toml"
    run(runner, "app", "edit", "a1", "--notes", "x")
    assert "#" not in path.read_text().split("\n\n", 1)[1]
