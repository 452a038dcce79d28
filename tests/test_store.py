"""The store: where files live, how they are written; broken files are never overwritten."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import textwrap
from datetime import date, datetime
from pathlib import Path

import pytest

from careerpath.core.errors import Busy, InvalidFiles, NoWorkbook, WorkbookExists
from careerpath.storage import tomlio
from careerpath.storage.folder import BACKUPS_KEPT, resolve_home
from careerpath.workbook import definition
from careerpath.workbook.definition import WorkbookDefinition
from careerpath.workbook.home import Home

NOW = datetime(2026, 11, 25, 9, 30)


@pytest.fixture
def home(home_dir: Path) -> Home:
    home = Home(home_dir)
    home.create(definition.resolve("default"), now=NOW)
    return home


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_new_workbook_is_private(home: Home, book: WorkbookDefinition) -> None:
    home.update_answers(book.stage("exploration"), lambda a: a.update(where_now="here"))
    assert mode(home.root) == 0o700
    assert mode(home.stages_dir) == 0o700
    assert mode(home.workbook_file) == 0o600
    assert mode(home.stage_file("exploration")) == 0o600


def test_workbook_file_records_schema_and_definition(home: Home) -> None:
    text = home.workbook_file.read_text()
    assert "schema_version = 1" in text
    assert 'source = "builtin:default"' in text
    assert "created = 2026-11-25 09:30:00" in text


def test_a_second_start_is_refused(home: Home) -> None:
    with pytest.raises(WorkbookExists, match=r"a workbook already exists in .*`careerpath next`"):
        home.create(definition.resolve("default"), now=NOW)


def test_archive_moves_everything_aside(home: Home, book: WorkbookDefinition) -> None:
    from careerpath.program import plan as programs

    home.update_answers(book.stage("exploration"), lambda a: a.update(where_now="here"))
    home.write_program(book, programs.new(NOW.date(), 3))
    moved = home.archive(NOW)
    assert not home.exists() and not home.program_file.exists()
    assert (moved / "workbook.toml").exists()
    assert (moved / "program.toml").exists()
    assert "where_now" in (moved / "stages" / "exploration.toml").read_text()


def test_backups_in_the_same_second_never_overwrite_each_other(
    home: Home, book: WorkbookDefinition
) -> None:
    from careerpath.program import plan as programs

    kept = []
    for months in (2, 3):
        home.write_program(book, programs.new(NOW.date(), months))
        kept.append(home.archive_program(NOW))
    assert [path.name for path in kept] == [
        "program-20261125-093000.toml",
        "program-20261125-093000-2.toml",
    ]
    assert ["months = 2" in kept[0].read_text(), "months = 3" in kept[1].read_text()] == [
        True,
        True,
    ]
    first = home.archive(NOW)
    home.create(definition.resolve("default"), now=NOW)
    second = home.archive(NOW)
    assert (first.name, second.name) == ("workbook-20261125-093000", "workbook-20261125-093000-2")
    assert (first / "workbook.toml").exists() and (second / "workbook.toml").exists()


def test_no_workbook_says_how_to_start(home_dir: Path) -> None:
    with pytest.raises(NoWorkbook) as caught:
        Home(home_dir).load()
    assert "careerpath start" in (caught.value.hint or "")


def test_answers_round_trip_as_plain_toml(home: Home, book: WorkbookDefinition) -> None:
    stage = book.stage("diving-deeper")
    target = {
        "title": "UX researcher",
        "salary": {"low": 50000.0, "high": 70000.0, "currency": "EUR", "period": "year"},
    }
    home.update_answers(stage, lambda a: a.update(targets=[target]))
    text = home.stage_file("diving-deeper").read_text()
    assert "low = 50000\n" in text  # a person reads 50000, not 50000.0
    assert "[[targets]]" in text
    assert home.read_answers(stage) == {"targets": [{"id": "t1", **target}]}


def test_a_hand_edit_made_meanwhile_is_kept(home: Home, book: WorkbookDefinition) -> None:
    stage = book.stage("exploration")
    home.update_answers(stage, lambda a: a.update(where_now="first"))
    path = home.stage_file("exploration")
    path.write_text(path.read_text() + 'where_to = "added by hand"\n')
    answers, _ = home.update_answers(stage, lambda a: a.update(clarity=3))
    assert answers == {"where_now": "first", "where_to": "added by hand", "clarity": 3}


def test_a_broken_file_is_reported_and_never_overwritten(
    home: Home, book: WorkbookDefinition
) -> None:
    stage = book.stage("exploration")
    path = home.stage_file("exploration")
    tomlio.ensure_dir(path.parent)
    broken = 'where_now = "fine"\nclarity = "very"\nwhere_to = "ok"\n'
    path.write_text(broken)
    with pytest.raises(InvalidFiles) as caught:
        home.update_answers(stage, lambda a: a.update(skills=["x"]))
    assert [str(p) for p in caught.value.problems] == [
        f"{path}:2: clarity: input should be a valid integer, unable to parse string as an "
        "integer (found 'very')"
    ]
    assert path.read_text() == broken


def test_unknown_keys_are_errors_not_silently_dropped(home: Home, book: WorkbookDefinition) -> None:
    path = home.stage_file("exploration")
    tomlio.ensure_dir(path.parent)
    path.write_text(
        'where_now = "x"\n\n[income_floor]\namount = 1\ncurrency = "EUR"\nnote = "hi"\n'
    )
    with pytest.raises(InvalidFiles) as caught:
        home.load()
    (problem,) = caught.value.problems
    assert (problem.line, problem.field) == (6, "income_floor.note")
    assert "unknown key" in problem.message


def test_records_problems_name_the_item(home: Home, book: WorkbookDefinition) -> None:
    path = home.stage_file("diving-deeper")
    tomlio.ensure_dir(path.parent)
    path.write_text(
        textwrap.dedent("""\
        [[targets]]
        title = "A"

        [[targets]]
        title = "B"
        salary = { low = 9, high = 1, currency = "EUR", period = "year" }
        """)
    )
    with pytest.raises(InvalidFiles) as caught:
        home.load()
    (problem,) = caught.value.problems
    assert problem.line == 6
    assert problem.field == "targets[2].salary"
    assert "low end (9) is above the high end (1)" in problem.message


def test_broken_toml_syntax_names_the_line(home: Home) -> None:
    path = home.stage_file("exploration")
    tomlio.ensure_dir(path.parent)
    path.write_text('where_now = "fine"\nwhere_to = "unterminated\n')
    with pytest.raises(InvalidFiles) as caught:
        home.load()
    assert str(caught.value.problems[0]).startswith(f"{path}:2: is not valid TOML")


def test_every_broken_file_is_reported_at_once(home: Home) -> None:
    tomlio.ensure_dir(home.stages_dir)
    home.stage_file("exploration").write_text("clarity = 9\n")
    home.stage_file("closing").write_text("decision = 'Run away'\n")
    with pytest.raises(InvalidFiles) as caught:
        home.load()
    assert {p.file.name for p in caught.value.problems} == {"exploration.toml", "closing.toml"}


def test_unknown_stage_in_workbook_file(home: Home) -> None:
    with home.workbook_file.open("a") as stream:
        stream.write("\n[stages.explore]\nstarted = 2026-11-01\n")
    with pytest.raises(InvalidFiles) as caught:
        home.load()
    (problem,) = caught.value.problems
    assert problem.field == "stages.explore"
    assert "unknown stage" in problem.message


def test_newer_schema_asks_for_an_upgrade(home: Home) -> None:
    text = home.workbook_file.read_text().replace("schema_version = 1", "schema_version = 7")
    home.workbook_file.write_text(text)
    with pytest.raises(InvalidFiles, match="cannot be used") as caught:
        home.load()
    assert "newer careerpath (schema 7" in caught.value.problems[0].message


def test_backups_keep_what_each_command_found_and_are_bounded(
    home_dir: Path, book: WorkbookDefinition
) -> None:
    Home(home_dir).create(definition.resolve("default"), now=NOW)
    stage = book.stage("exploration")
    for n in range(BACKUPS_KEPT + 5):
        home = Home(home_dir)  # each command has its own Home: one backup per file per command
        home.update_answers(stage, lambda a, n=n: a.update(where_now=f"version {n}"))
        home.update_answers(stage, lambda a, n=n: a.update(where_to=f"again {n}"))
    kept = sorted(home_dir.joinpath(".backups").glob("stages__exploration.*.toml"))
    assert len(kept) == BACKUPS_KEPT
    assert 'where_now = "version 23"' in kept[-1].read_text()
    assert all(mode(path) == 0o600 for path in kept)


def test_write_is_atomic_and_leaves_no_temporary_files(tmp_path: Path) -> None:
    path = tmp_path / "file.toml"
    tomlio.write_atomic(path, "a = 1\n")
    tomlio.write_atomic(path, "a = 2\n")
    assert path.read_text() == "a = 2\n"
    assert [p.name for p in tmp_path.iterdir()] == ["file.toml"]


def test_a_failed_write_keeps_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "file.toml"
    tomlio.write_atomic(path, "a = 1\n")

    def crash(*args: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(OSError, match="disk full"):
        tomlio.write_atomic(path, "a = 2\n")
    assert path.read_text() == "a = 1\n"
    assert [p.name for p in tmp_path.iterdir()] == ["file.toml"]


def test_lock_stops_a_second_writer_and_says_who(home: Home) -> None:
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(f"""
            import sys, time
            from pathlib import Path
            from careerpath.workbook.home import Home
            with Home(Path({str(home.root)!r})).lock("next"):
                print("locked", flush=True)
                sys.stdin.readline()
            """),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "locked\n"
        with pytest.raises(Busy) as caught, home.lock("report"):
            pass
        assert f"`careerpath next` (process {holder.pid}" in caught.value.message
    finally:
        holder.communicate("\n", timeout=10)
    with home.lock("next"):  # released when the holder ended
        pass


def test_home_defaults_to_the_platform_data_folder(tmp_path: Path) -> None:
    assert resolve_home(tmp_path / "x") == tmp_path / "x"
    assert resolve_home(None) == tmp_path / "user" / ".local" / "share" / "careerpath"


def test_state_dates_are_toml_dates(home: Home) -> None:
    home.update_state(lambda s: s.stage("exploration").__setattr__("started", date(2026, 11, 1)))
    assert "[stages.exploration]\nstarted = 2026-11-01\n" in home.workbook_file.read_text()
