"""Long lists: ``--limit N`` shows the first N and says how many it left out; without it a
terminal gets the first ``TERMINAL_LIMIT``, a file or a program everything."""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace

import pytest
from typer.testing import CliRunner

from careerpath.cli import base
from careerpath.cli.base import TERMINAL_LIMIT, ListFormat, list_limit

from conftest import flat, run


@pytest.fixture
def three(runner: CliRunner, started: Path) -> Path:
    for number in (1, 2, 3):
        run(runner, "app", "add", f"Acme {number}", "Analyst", "--next", "Call", "--due", "-1d")
        run(runner, "contact", "add", f"Sam {number}", "--next", "Write", "--due", "-1d")
    return started


@pytest.mark.parametrize(
    ("command", "row", "more"),
    [
        (["app", "list"], "Acme", "… 1 more: careerpath app list --limit 0 shows all"),
        (["contact", "list"], "Sam", "… 1 more: careerpath contact list --limit 0 shows all"),
        (["due"], "Call", "… 4 more: careerpath due --limit 0 shows all"),
    ],
)
def test_limit_shows_the_first_rows_and_counts_the_rest(
    runner: CliRunner, three: Path, command: list[str], row: str, more: str
) -> None:
    shown = run(runner, *command, "--limit", "2").output
    assert len([line for line in shown.splitlines() if row in line]) == 2
    assert more in flat(shown)
    everything = run(runner, *command).output  # not a terminal: all of it
    assert "more:" not in everything and "--limit" not in everything
    assert run(runner, *command, "--limit", "0").output == everything


@pytest.mark.parametrize("command", [["app", "list"], ["contact", "list"], ["due"]])
def test_json_is_whole_unless_a_limit_is_given(
    runner: CliRunner, three: Path, command: list[str]
) -> None:
    assert len(json.loads(run(runner, *command, "-f", "json").output)) >= 3
    assert len(json.loads(run(runner, *command, "-f", "json", "--limit", "1").output)) == 1


def test_a_negative_limit_is_refused(runner: CliRunner, three: Path) -> None:
    result = run(runner, "app", "list", "--limit", "-1", code=2)
    assert "Invalid value for '--limit'" in result.output


@pytest.mark.parametrize(
    ("limit", "format", "terminal", "expected"),
    [
        (None, ListFormat.text, True, TERMINAL_LIMIT),
        (None, ListFormat.text, False, None),
        (None, ListFormat.json, True, None),
        (0, ListFormat.text, True, None),
        (7, ListFormat.json, False, 7),
    ],
)
def test_the_default_limit_is_for_terminals_only(
    monkeypatch: pytest.MonkeyPatch,
    limit: int | None,
    format: ListFormat,
    terminal: bool,
    expected: int | None,
) -> None:
    monkeypatch.setattr(base, "out_console", lambda: SimpleNamespace(is_terminal=terminal))
    assert list_limit(limit, format) == expected
