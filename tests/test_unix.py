"""Unix conventions: ``-`` for stdout and stdin, and JSON from every list, show and due."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from conftest import run, stage_file


@pytest.fixture
def home(runner: CliRunner, home_dir: Path) -> Path:
    run(runner, "start")
    run(runner, "target", "add", "UX researcher")
    run(runner, "contact", "add", "Sam Lee", "--next-step", "Coffee", "--follow-up", "1d")
    run(runner, "app", "add", "Acme", "UX researcher", "--status", "applied", "--date", "-3d")
    run(runner, "offer", "add", "Acme", "--role", "UX", "--base", "50000 EUR")
    return home_dir


def test_output_dash_writes_to_stdout_and_no_file(runner: CliRunner, home: Path) -> None:
    result = run(runner, "export", "--format", "json", "--output", "-")
    assert json.loads(result.stdout)["export_version"] == 1
    assert "Your career path" in run(runner, "report", "-o", "-").stdout
    assert not Path("-").exists()


def test_answers_dash_reads_stdin(runner: CliRunner, home: Path) -> None:
    from careerpath.cli import app

    result = runner.invoke(
        app, ["next", "--stage", "exploration", "--answers", "-"], input='where_now = "piped"\n'
    )
    assert result.exit_code == 0, result.output
    assert "from standard input" in result.output
    assert stage_file(home, "exploration")["where_now"] == "piped"
    bad = runner.invoke(app, ["next", "--answers", "-"], input="where_now = \n")
    assert bad.exit_code == 1 and "<stdin>" in bad.output and "Traceback" not in bad.output


@pytest.mark.parametrize(
    ("kind", "stage", "group"),
    [
        ("targets", "diving-deeper", "target"),
        ("contacts", "networking", "contact"),
        ("applications", "applying", "app"),
        ("offers", "closing", "offer"),
    ],
)
def test_list_and_show_json_use_the_export_field_names(
    runner: CliRunner, home: Path, kind: str, stage: str, group: str
) -> None:
    exported = json.loads(run(runner, "export", "--format", "json").stdout)
    (in_export,) = [s for s in exported["stages"] if s["id"] == stage]
    records: list[dict[str, Any]] = in_export["answers"][kind]
    listed = json.loads(run(runner, group, "list", "--format", "json").stdout)
    assert [r["id"] for r in listed] == [r["id"] for r in records]
    shown = json.loads(run(runner, group, "show", records[0]["id"], "-f", "json").stdout)
    assert set(records[0]) <= set(shown)
    assert {key: shown[key] for key in records[0]} == records[0]


def test_due_json_is_the_exports_due(runner: CliRunner, home: Path) -> None:
    exported = json.loads(run(runner, "export", "--format", "json").stdout)
    due = json.loads(run(runner, "due", "--all", "--format", "json").stdout)
    assert due and due == exported["due"]
