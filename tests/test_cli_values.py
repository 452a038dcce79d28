"""Command-line values: converted without pydantic where they are plain, exactly as Typer
converts them, and with Typer's own message when they are wrong."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import typer
from typer import _click
from typer._coercion import build_runtime_param

from careerpath.cli import app
from careerpath.cli.coercion import _UNCONVERTED, _plain

from conftest import flat, run


def parameters() -> Iterator[tuple[str, Any, Any]]:
    """(command path, parameter, its context) for every parameter of every careerpath command."""
    root = typer.main.get_command(app)

    def walk(command: Any, path: str, parent: Any) -> Iterator[tuple[str, Any, Any]]:
        command = command.built() if hasattr(command, "built") else command  # a deferred one
        ctx = _click.Context(command, info_name=path, parent=parent)
        for param in command.params:
            if hasattr(param, "type_descriptor"):
                yield path, param, ctx
        if hasattr(command, "list_commands"):
            for name in command.list_commands(ctx):
                sub = command.get_command(ctx, name)
                if sub is not None and not getattr(sub, "hidden", False):
                    yield from walk(sub, f"{path} {name}", ctx)

    yield from walk(root, "careerpath", None)


SAMPLES = ["", "5", "-3", "07", "1.5", "abc", "text", "JSON", "json", "warm", "2026-12-01", "."]


def test_every_plain_value_is_converted_exactly_as_typer_converts_it() -> None:
    compared = 0
    for path, param, ctx in parameters():
        descriptor = param.type_descriptor
        typer_own = build_runtime_param(descriptor)
        for value in [*SAMPLES, param.default]:
            try:
                expected: Any = typer_own._coerce_value(value, param=param, ctx=ctx)
            except Exception as error:
                expected = type(error)
            try:
                found = _plain(value, descriptor, ctx, param)
            except Exception as error:
                found = type(error)
            if found is _UNCONVERTED:
                continue
            compared += 1
            assert found == expected, (path, param.name, value)
            assert type(found) is type(expected), (path, param.name, value)
    assert compared > 300  # the plain path is taken for most parameters


def test_a_search_and_a_show_without_a_workbook_never_import_pydantic(tmp_path: Path) -> None:
    base = [sys.executable, "-X", "importtime", "-m", "careerpath", "--home", str(tmp_path)]
    for command in (
        ["occupations", "search", "nurse", "--limit", "3"],
        ["occupations", "show", "15-2051.00"],
    ):
        done = subprocess.run(
            [*base, *command], capture_output=True, text=True, stdin=subprocess.DEVNULL
        )
        assert done.returncode == 0, done.stderr[-2000:]
        assert "careerpath.cli" in done.stderr  # importtime did report
        assert "pydantic" not in done.stderr, command


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--limit", "x"], "Invalid value for '--limit' / '-n': Input should be a valid integer"),
        (["--limit", "1.5"], "Invalid value for '--limit' / '-n': Input should be a valid integer"),
        (
            ["--format", "jsn"],
            "Invalid value for '--format' / '-f': Value error, 'jsn' is not one of",
        ),
    ],
)
def test_a_wrong_value_gets_typers_own_message(runner: Any, args: list[str], message: str) -> None:
    result = run(runner, "occupations", "search", "nurse", *args, code=2)
    assert message in flat(result.output)


def test_plain_values_reach_the_command(runner: Any) -> None:
    import json

    found = json.loads(
        run(runner, "occupations", "search", "nurse", "-n", "2", "-f", "json").output
    )
    assert len(found) == 2
