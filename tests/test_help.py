"""``careerpath help [COMMAND ...]`` prints what ``--help`` prints."""

from __future__ import annotations

from itertools import pairwise

import pytest
from typer.testing import CliRunner

from conftest import flat, run


@pytest.mark.parametrize(
    "words",
    [[], ["app"], ["app", "add"], ["next"], ["config", "set"], ["done"], ["help"]],
)
def test_help_is_the_same_as_dash_dash_help(runner: CliRunner, words: list[str]) -> None:
    asked = run(runner, "help", *words).output
    assert asked == run(runner, *words, "--help").output
    assert "Usage: careerpath" in asked


@pytest.mark.parametrize(
    ("words", "said"),
    [
        (["appp"], "`careerpath` has no command 'appp'. Did you mean 'app'?"),
        (["app", "ad"], "`careerpath app` has no command 'ad'. Did you mean 'add'?"),
        (["next", "foo"], "`careerpath next` has no commands of its own"),
    ],
)
def test_an_unknown_command_is_named(runner: CliRunner, words: list[str], said: str) -> None:
    assert said in flat(run(runner, "help", *words, code=1).output)


def _commands_panel(output: str) -> list[tuple[str, list[str]]]:
    """The (command, description lines) of a help's Commands panel."""
    lines = output.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("╭─ Commands"))
    rows: list[tuple[str, list[str]]] = []
    for line in lines[start + 1 :]:
        if line.startswith("╰"):
            break
        inner = line[1:-1].rstrip()  # between the two │
        name, text = inner[:12].strip(), inner[12:].strip()
        if name:
            rows.append((name, [text]))
        else:
            rows[-1][1].append(text)
    return rows


@pytest.mark.parametrize("words", [[], ["app"], ["contact"], ["offer"], ["target"], ["program"]])
def test_the_list_of_commands_wraps_at_the_width_not_at_the_docstrings_breaks(
    runner: CliRunner, words: list[str]
) -> None:
    """A command's line in the list fills the column before it wraps: Typer kept the line
    breaks of a wrapped docstring there ("…giving your" / "three-letter interest code…")."""
    output = run(runner, *words, "--help").output
    rows = _commands_panel(output)
    assert len(rows) >= 3
    width = max(len(line) for _, texts in rows for line in texts)
    for name, texts in rows:
        for line, after in pairwise(texts):
            assert len(line) + 1 + len(after.split()[0]) > width, (name, line, after)
