"""``careerpath help [COMMAND ...]`` prints what ``--help`` prints."""

from __future__ import annotations

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
