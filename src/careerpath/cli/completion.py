"""Completion at the shell's TAB that knows the person's data: stage ids, record ids with
their labels, question ids, due items, statuses, workbook names, occupation codes.

Each completer reads as little as it can: ``workbook.toml`` and the workbook definition as
raw TOML (through the parse cache), then the one stage file that holds what it completes; no
models, no validation. A TAB must never print an error into the person's command line, so a
home that cannot be read completes nothing. Used as ``autocompletion=`` on the commands'
parameters; Typer calls them with the words typed so far in ``ctx``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import typer

Completions = list[tuple[str, str]]
"""(value, what it is): the shells that show a description (zsh, fish) show the second."""


def _quietly(completer: Callable[..., Completions]) -> Callable[..., Completions]:
    import functools

    @functools.wraps(completer)
    def complete(ctx: typer.Context, incomplete: str) -> Completions:
        try:
            return completer(ctx, incomplete)
        except Exception:  # a broken or missing home completes nothing, silently
            return []

    return complete


def _root(ctx: typer.Context) -> Path:
    from careerpath.storage.folder import resolve_home

    given = ctx.find_root().params.get("home")
    return resolve_home(Path(given) if given else None)


def _read(root: Path, path: Path) -> dict[str, Any]:
    from careerpath.storage import tomlio
    from careerpath.storage.cache import ParseCache

    return tomlio.read(path, ParseCache(root))[0]


def _stages(root: Path) -> list[dict[str, Any]]:
    """The stages of the home's workbook definition, as written in it."""
    from careerpath.workbook.builtins import builtin_dir

    source = str(_read(root, root / "workbook.toml")["definition"]["source"])
    if source.startswith("builtin:"):
        path = builtin_dir() / f"{source.removeprefix('builtin:')}.toml"
    else:
        path = root / source
    stages: list[dict[str, Any]] = _read(root, path)["stages"]
    return stages


def _labels(root: Path, record_type: str) -> list[tuple[str, str]]:
    """The ids and labels of the stored records of one type. Only the stage file holding them
    is read, and what a TAB shows of it is kept in the parse cache beside the file's own
    entry, under the same hash of its text: a thousand records are not unpickled at a TAB."""
    from careerpath.storage import tomlio
    from careerpath.storage.cache import ParseCache
    from careerpath.tracking.vocabulary import label

    held = [
        (stage["id"], question["id"])
        for stage in _stages(root)
        for question in stage.get("questions", [])
        if question.get("record_type") == record_type
    ]
    if not held:
        return []
    stage_id, question_id = held[0]
    path = root / "stages" / f"{stage_id}.toml"
    if not path.exists():
        return []

    def shown(text: str, _: Path) -> dict[str, Any]:
        records = tomlio.parse(text, path).get(question_id, [])
        return {"labels": [[str(r["id"]), label(record_type, r)] for r in records if r.get("id")]}

    text = path.read_bytes().decode("utf-8")
    kept = ParseCache(root).parse(path.with_name(f"{path.name}.{record_type}-labels"), text, shown)
    return [(id_, name) for id_, name in kept["labels"]]


@_quietly
def stage_ids(ctx: typer.Context, incomplete: str) -> Completions:
    """The ids of the workbook's stages, with their titles."""
    return [(stage["id"], stage.get("title", "")) for stage in _stages(_root(ctx))]


@_quietly
def question_ids(ctx: typer.Context, incomplete: str) -> Completions:
    """The ids of the questions of the stage given with ``--stage`` (else of every stage),
    with their labels."""
    chosen = ctx.params.get("stage")
    return [
        (question["id"], question.get("label") or question.get("prompt", ""))
        for stage in _stages(_root(ctx))
        if not chosen or stage["id"] == chosen
        for question in stage.get("questions", [])
    ]


def record_ids(record_type: str) -> Callable[..., Completions]:
    """A completer of the ids of one record type (targets, contacts, applications, offers),
    each with its label ("a3  Acme: UX researcher")."""

    @_quietly
    def complete(ctx: typer.Context, incomplete: str) -> Completions:
        return _labels(_root(ctx), record_type)

    return complete


def program_ids(part: str) -> Callable[..., Completions]:
    """A completer of the open goals or homework (``part``) of the program, with their text:
    only ``program.toml`` is read."""

    @_quietly
    def complete(ctx: typer.Context, incomplete: str) -> Completions:
        root = _root(ctx)
        path = root / "program.toml"
        if not path.exists():
            return []
        found = _read(root, path).get(part, [])
        # A goal is open by its status, homework until it has a done date.
        still_open = [i for i in found if i.get("status", "open") == "open" and not i.get("done")]
        return [(str(item["id"]), str(item.get("text", ""))) for item in still_open]

    return complete


@_quietly
def due_items(ctx: typer.Context, incomplete: str) -> Completions:
    """The ids of what is due (`careerpath due`), each with what it is: every source of dated
    items is needed: the whole workbook is read, unless `due` kept its list in the cache."""
    from careerpath.cli.base import today
    from careerpath.views import due  # (which registers the record types when it reads)
    from careerpath.workbook.home import Home

    items = due.of_home(Home(_root(ctx), write_cache=False), today())
    return [(item.id, f"{item.due:%a %d %b}: {item.title}") for item in items]


@_quietly
def app_statuses(ctx: typer.Context, incomplete: str) -> Completions:
    """The statuses of an application."""
    from careerpath.tracking.vocabulary import STATUSES

    return [(status, "") for status in STATUSES]


@_quietly
def workbook_names(ctx: typer.Context, incomplete: str) -> Completions:
    """The workbook definitions careerpath ships."""
    from careerpath.workbook.builtins import builtin_names

    return [(name, "built-in workbook") for name in builtin_names()]


@_quietly
def occupation_codes(ctx: typer.Context, incomplete: str) -> Completions:
    """O*NET-SOC codes beginning with what was typed, with their titles."""
    from careerpath import occupations

    return occupations.codes(incomplete)


targets = record_ids("targets")
contacts = record_ids("contacts")
applications = record_ids("applications")
offers = record_ids("offers")
goals = program_ids("goals")
homework = program_ids("homework")
