"""Results worked out from a home's files (the report, what is due, an export) are kept in
its cache while those files are unchanged, and never shown stale: every file they are worked
out from, the settings and the day count."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import pickle
import shutil
import tomllib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import tomli_w
from typer.testing import CliRunner

from careerpath.storage.cache import CACHE_DIR, ParseCache
from careerpath.workbook.builtins import builtin_dir
from careerpath.workbook.home import Home

from conftest import flat, run


@pytest.fixture
def tracked(runner: CliRunner, started: Path) -> Path:
    run(runner, "app", "add", "Acme", "Analyst", "--status", "applied", "--date", "2026-10-01")
    run(runner, "contact", "add", "Sam Lee", "--next", "Ask about the team", "--due", "2026-11-20")
    return started


def report(runner: CliRunner, today: str | None = None) -> dict[str, Any]:
    found: dict[str, Any] = json.loads(run(runner, "report", "-f", "json", today=today).output)
    return found


def kept(home: Path) -> list[str]:
    return sorted(p.name for p in (home / CACHE_DIR).glob("derived@*"))


@pytest.fixture
def no_reading(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Reading the workbook fails from here on: only what was kept can be shown."""

    def refuse(self: Home, *args: Any, **kwargs: Any) -> Any:
        raise AssertionError("the workbook was read")

    with monkeypatch.context() as patched:
        patched.setattr(Home, "load", refuse)
        yield


@pytest.mark.parametrize(
    "command",
    [
        ("report",),
        ("report", "-f", "json"),
        ("report", "-f", "markdown"),
        ("due",),
        ("due", "--all", "-f", "json"),
        ("export", "-f", "json"),
        ("export", "-f", "markdown"),
        ("app", "list", "--all"),
        ("app", "list", "--status", "applied"),
        ("contact", "list"),
    ],
)
def test_an_unchanged_home_shows_what_was_worked_out_without_reading_it(
    runner: CliRunner, tracked: Path, command: tuple[str, ...], request: pytest.FixtureRequest
) -> None:
    first = run(runner, *command).output
    assert ("Sam Lee" if command[0] == "contact" else "Acme") in first
    request.getfixturevalue("no_reading")
    assert run(runner, *command).output == first


def test_every_file_it_is_worked_out_from_counts(runner: CliRunner, tracked: Path) -> None:
    from careerpath.instruments.work_values import VALUES

    applying = tracked / "stages" / "applying.toml"
    before = report(runner)
    assert before["pipeline"]["total"] == 1
    # A stage file edited by hand.
    applying.write_text(applying.read_text().replace('"Acme"', '"Acme Corp"'))
    assert any("Acme Corp" in a["text"] for a in report(runner)["key_answers"])
    # A stage file that was not there.
    (tracked / "stages" / "diving-deeper.toml").write_text('leading_option = "UX research."\n')
    assert any(a["text"] == "UX research." for a in report(runner)["key_answers"])
    # workbook.toml.
    state = tracked / "workbook.toml"
    data = tomllib.loads(state.read_text())
    data["stages"].setdefault("networking", {})["started"] = dt.date(2026, 11, 2)
    state.write_text(tomli_w.dumps(data))
    networking = next(s for s in report(runner)["stages"] if s["id"] == "networking")
    assert networking["started"] == "2026-11-02"
    # The exercises' file.
    order = ", ".join(f'"{name}"' for name in VALUES)
    (tracked / "instruments.toml").write_text(
        f"schema_version = 1\n[work_values]\nsorted = 2026-11-20\norder = [{order}]\n"
    )
    assert report(runner)["exercises"]["top_values"] == list(VALUES)[:3]
    # program.toml.
    intake = tracked.parent / "intake.toml"
    intake.write_text(
        'want_by_end = "A clear direction."\nin_the_way = "Time."\nhours = 5\n'
        'confidence = 2\ngoals = ["Talk to five people in the field"]\n'
    )
    run(runner, "program", "start", "--answers", str(intake))
    assert report(runner)["program"] is not None
    # A setting, in the config file and in the environment; and the day.
    assert report(runner)["pipeline"]["stale"] == 1
    run(runner, "config", "set", "stale-days", "90")
    assert report(runner)["pipeline"]["stale"] == 0
    os.environ["CAREERPATH_STALE_DAYS"] = "7"  # the autouse fixture clears it after
    assert report(runner)["pipeline"]["stale"] == 1
    assert report(runner, today="2026-12-24")["generated"] == "2026-12-24"


def test_a_list_of_one_kind_is_worked_out_from_its_own_stage_file_only(
    runner: CliRunner, tracked: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A new application does not make the list of contacts be worked out again; anything
    that list is read from still does: its stage file, workbook.toml, the settings."""
    first = run(runner, "contact", "list").output
    run(runner, "app", "add", "Globex", "Designer")  # another stage's file
    with monkeypatch.context() as patched:
        patched.setattr(Home, "load", lambda *_, **__: pytest.fail("the workbook was read"))
        assert run(runner, "contact", "list").output == first
    networking = tracked / "stages" / "networking.toml"
    networking.write_text(networking.read_text().replace('"Sam Lee"', '"Sam Leigh"'))
    assert "Sam Leigh" in run(runner, "contact", "list").output
    state = tracked / "workbook.toml"
    state.write_text(state.read_text().replace('source = "builtin:default"', 'source = "nowhere"'))
    assert run(runner, "contact", "list", code=1).output  # it is read again, and refused
    state.write_text(state.read_text().replace('source = "nowhere"', 'source = "builtin:default"'))
    assert "Globex" in run(runner, "app", "list").output  # and the other way round
    run(runner, "contact", "add", "Ana Diaz")
    assert "Globex" in run(runner, "app", "list").output
    assert "Ana Diaz" in run(runner, "contact", "list").output


def test_a_file_put_back_with_the_same_size_and_time_counts(
    runner: CliRunner, tracked: Path
) -> None:
    """As `git checkout` or a copy from .backups can do: other bytes, same size and mtime."""
    applying = tracked / "stages" / "applying.toml"
    report(runner)
    before = applying.stat()
    applying.write_text(applying.read_text().replace('"Acme"', '"Emca"'))
    os.utime(applying, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert any("Emca" in a["text"] for a in report(runner)["key_answers"])


def test_a_custom_definition_counts(runner: CliRunner, home_dir: Path, tmp_path: Path) -> None:
    mine = tmp_path / "mine.toml"
    shutil.copy(builtin_dir() / "default.toml", mine)
    run(runner, "start", "--workbook", str(mine))
    assert report(runner)["workbook"]["title"] == "Your career path"
    copy = home_dir / "definition.toml"
    copy.write_text(copy.read_text().replace('"Your career path"', '"My own path"', 1))
    assert report(runner)["workbook"]["title"] == "My own path"


@pytest.mark.parametrize("junk", [b"", b"\x80\x04garbage", b"cos\nsystem\n(S'echo hi'\ntR."])
def test_a_corrupt_entry_is_worked_out_again(
    runner: CliRunner, tracked: Path, junk: bytes, capfd: pytest.CaptureFixture[str]
) -> None:
    first = run(runner, "report").output
    run(runner, "export", "-f", "json")
    for entry in (tracked / CACHE_DIR).glob("derived@*"):
        entry.write_bytes(junk)
    assert run(runner, "report").output == first
    assert json.loads(run(runner, "export", "-f", "json").output)["derived"]
    assert "hi" not in capfd.readouterr().out  # the pickle's command was never run


def test_a_broken_file_is_reported_though_a_result_was_kept(
    runner: CliRunner, tracked: Path
) -> None:
    run(runner, "report")
    applying = tracked / "stages" / "applying.toml"
    applying.write_text(applying.read_text() + "\n[[applications]\nbroken")
    result = run(runner, "report", code=1)
    assert "applying.toml" in result.output


def test_a_file_changed_while_it_is_worked_out_is_not_kept(tmp_path: Path) -> None:
    source = tmp_path / "a.toml"
    source.write_text("one")
    cache = ParseCache(tmp_path)
    calls: list[str] = []

    def changing() -> str:
        calls.append(source.read_text())
        source.write_text("two")  # another command writes meanwhile
        return calls[-1]

    assert cache.derived("x", [source], "", changing) == "one"
    assert cache.derived("x", [source], "", lambda: source.read_text()) == "two"
    assert cache.derived("x", [source], "", lambda: "never") == "two"  # kept once unchanged


def test_a_text_stopped_part_way_is_not_kept(tmp_path: Path) -> None:
    source = tmp_path / "a.toml"
    source.write_text("one")
    cache = ParseCache(tmp_path)

    def pieces() -> Callable[[], Iterator[bytes]]:
        return lambda: iter([b"a", b"b", b"c"])

    partial = cache.derived_text("t", [source], "", pieces())
    assert next(partial) == b"a"
    partial.close()  # the reader went away (a closed pipe)
    assert list((tmp_path / CACHE_DIR).iterdir()) == []
    assert b"".join(cache.derived_text("t", [source], "", pieces())) == b"abc"
    assert b"".join(cache.derived_text("t", [source], "", lambda: iter([b"x"]))) == b"abc"
    looking = ParseCache(tmp_path, write=False)  # a folder looked at: uses, never adds
    source.write_text("two")
    assert b"".join(looking.derived_text("t", [source], "", lambda: iter([b"y"]))) == b"y"
    assert b"".join(cache.derived_text("t", [source], "", lambda: iter([b"z"]))) == b"z"


def test_results_are_kept_only_in_the_cache(runner: CliRunner, tracked: Path) -> None:
    """Nothing is added where a person keeps their files, and doctor counts no problem."""
    before = sorted(p.name for p in tracked.iterdir())
    run(runner, "report")
    run(runner, "due")
    run(runner, "export", "-f", "json")
    assert sorted(p.name for p in tracked.iterdir()) == before
    assert kept(tracked) == [
        "derived@due.pickle",
        "derived@export-json.txt",
        "derived@report.pickle",
    ]
    run(runner, "doctor")


def test_what_a_killed_command_left_half_written_is_cleared(tmp_path: Path) -> None:
    """kill -9 in the middle of an export leaves its cache file half written, aside: the
    next one to write the same entry clears it, once it is clearly nobody's."""
    source = tmp_path / "a.toml"
    source.write_text("one")
    cache = ParseCache(tmp_path)
    folder = tmp_path / CACHE_DIR
    folder.mkdir()
    left = folder / ".derived@t.txt.abc123"
    left.write_text("half")
    recent = folder / ".derived@t.txt.def456"  # another command, writing now
    recent.write_text("half")
    os.utime(left, (1, 1))
    assert b"".join(cache.derived_text("t", [source], "", lambda: iter([b"x"]))) == b"x"
    assert sorted(p.name for p in folder.iterdir()) == [".derived@t.txt.def456", "derived@t.txt"]


def test_a_program_s_report_is_kept_too(
    runner: CliRunner, tracked: Path, request: pytest.FixtureRequest
) -> None:
    intake = tracked.parent / "intake.toml"
    intake.write_text(
        'want_by_end = "A clear direction."\nin_the_way = "Time."\nhours = 5\n'
        'confidence = 2\ngoals = ["Talk to five people in the field"]\n'
    )
    run(runner, "program", "start", "--answers", str(intake))
    first = run(runner, "report").output
    assert "Talk to five people in the field" in first
    request.getfixturevalue("no_reading")
    assert run(runner, "report").output == first


@pytest.mark.parametrize("module", ["careerpath.__main__", "careerpath.views.report_model"])
def test_a_class_of_a_module_not_named_is_not_read_back(tmp_path: Path, module: str) -> None:
    """A cache entry naming a careerpath module its reader did not name is not read
    (importing some would run a command): the result is worked out again."""
    source = tmp_path / "a.toml"
    source.write_text("one")
    cache = ParseCache(tmp_path)
    assert cache.derived("x", [source], "", lambda: "fresh") == "fresh"
    entry = tmp_path / CACHE_DIR / "derived@x.pickle"
    format_, digest, _, read, states = pickle.loads(entry.read_bytes())
    assert read == []  # it read nothing but the files named
    # (format, digest, <module>.Report(), [], states) as a pickle would hold a dataclass.
    crafted = (
        b"\x80\x04("
        + pickle.dumps(format_, protocol=4)[2:-1]
        + pickle.dumps(digest, protocol=4)[2:-1]
        + b"c"
        + module.encode()
        + b"\nReport\n)\x81]"
        + pickle.dumps(states, protocol=4)[2:-1]
        + b"t."
    )
    entry.write_bytes(crafted)
    assert cache.derived("x", [source], "", lambda: "again") == "again"


def test_a_list_follows_a_hand_edit_and_its_options(runner: CliRunner, tracked: Path) -> None:
    assert "Acme" in run(runner, "app", "list").output
    assert "No applications match." in run(runner, "app", "list", "--status", "screening").output
    applying = tracked / "stages" / "applying.toml"
    applying.write_text(applying.read_text().replace('"Acme"', '"Initech"'))
    assert "Initech" in run(runner, "app", "list").output
    assert "Sam Lee" in run(runner, "contact", "list").output
    assert (
        "No contacts with that status."
        in run(runner, "contact", "list", "--status", "closed").output
    )
    networking = tracked / "stages" / "networking.toml"
    networking.write_text(networking.read_text().replace('"Sam Lee"', '"Ana Ruiz"'))
    assert "Ana Ruiz" in run(runner, "contact", "list").output


def test_a_home_that_cannot_be_read_says_why(
    runner: CliRunner, tracked: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A settings file that is a folder is named as the problem (exit 1), before and after a
    result was kept; a folder with no workbook gets no cache folder from an export."""
    run(runner, "due")
    folder = tmp_path / "settings-folder"
    folder.mkdir()
    monkeypatch.setenv("CAREERPATH_CONFIG", str(folder))
    for command in (("due",), ("app", "list"), ("report",), ("export", "-f", "json")):
        result = run(runner, *command, code=1)
        assert "cannot read the settings" in result.output, command
        assert "unexpected problem" not in result.output, command
    empty = tmp_path / "empty"
    empty.mkdir()
    run(runner, "--home", str(empty), "export", "-f", "json", code=1)
    assert list(empty.iterdir()) == []


def test_a_kept_text_cut_short_is_not_used(tmp_path: Path) -> None:
    source = tmp_path / "a.toml"
    source.write_text("one")
    cache = ParseCache(tmp_path)
    assert (
        b"".join(cache.derived_text("t", [source], "", lambda: iter([b"abc", b"def"]))) == b"abcdef"
    )
    entry = tmp_path / CACHE_DIR / "derived@t.txt"
    entry.write_bytes(entry.read_bytes()[:-2])  # a power cut after the rename
    assert b"".join(cache.derived_text("t", [source], "", lambda: iter([b"again"]))) == b"again"


def test_a_built_in_workbook_is_never_a_folder_where_the_command_runs(
    runner: CliRunner, tracked: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from careerpath.workbook import definition

    (tmp_path / "here" / "default").mkdir(parents=True)
    monkeypatch.chdir(tmp_path / "here")
    monkeypatch.setattr(definition, "_BUILTINS", {})  # as a new process starts
    assert "Acme" in run(runner, "app", "list").output
    assert "Acme" in run(runner, "report").output


def test_a_file_saved_over_and_back_while_it_is_worked_out_is_not_kept(tmp_path: Path) -> None:
    """As an editor saving in place does: the same bytes at the end, written meanwhile (the
    result may have read them half-written)."""
    source = tmp_path / "a.toml"
    source.write_text("one")

    def saved_in_place() -> str:
        source.write_text("")  # what a reader may have met
        source.write_text("one")
        stat = source.stat()
        os.utime(source, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
        return "half"

    cache = ParseCache(tmp_path)
    assert cache.derived("x", [source], "", saved_in_place) == "half"
    assert cache.derived("x", [source], "", lambda: "whole") == "whole"


def test_a_result_worked_out_inside_another_counts_the_files_it_read(tracked: Path) -> None:
    """The outer result depends on the stage file the inner one read, even when the inner
    one was kept already."""
    home = Home(tracked)

    def contacts() -> str:
        return str(home.load(stages=lambda book: {"networking"}).answers["networking"])

    def outer() -> str:
        return home.derived("inner", "", contacts)

    home.derived("inner", "", contacts)  # kept first, on its own
    first = home.derived("outer", "", outer)
    assert "Sam Lee" in first
    networking = tracked / "stages" / "networking.toml"
    networking.write_text(networking.read_text().replace('"Sam Lee"', '"Sam Leigh"'))
    assert "Sam Leigh" in home.derived("outer", "", outer)


def test_a_result_worked_out_inside_another_reads_the_workbook_once_and_counts_its_files(
    tracked: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The report and the due items it counts read the workbook once between them; the
    inner result still depends on the stage files that one read."""
    home = Home(tracked)
    reads: list[str] = []
    read_state = Home.read_state

    def counted(self: Home) -> Any:
        reads.append("read")
        return read_state(self)

    monkeypatch.setattr(Home, "read_state", counted)

    def names() -> str:
        return str(home.load().answers["networking"])

    def outer() -> tuple[int, str]:
        workbook = home.load()
        return len(workbook.answers["networking"]), home.derived("inner", "", names)

    assert "Sam Lee" in home.derived("outer", "", outer)[1]
    assert reads == ["read"]
    networking = tracked / "stages" / "networking.toml"
    networking.write_text(networking.read_text().replace('"Sam Lee"', '"Sam Leigh"'))
    assert "Sam Leigh" in home.derived("inner", "", names)
    assert home.load() is not home.load()  # read afresh outside a result being worked out


def test_due_is_shown_from_what_the_report_worked_out_and_never_stale(
    runner: CliRunner, tracked: Path
) -> None:
    run(runner, "report")
    with pytest.MonkeyPatch.context() as patched:
        patched.setattr(Home, "load", lambda *args, **kwargs: pytest.fail("read again"))
        assert "Sam Lee: Ask about the team" in run(runner, "due").output
    networking = tracked / "stages" / "networking.toml"
    networking.write_text(networking.read_text().replace('"Sam Lee"', '"Sam Leigh"'))
    run(runner, "report")
    assert "Sam Leigh: Ask about the team" in run(runner, "due").output


@contextlib.contextmanager
def _after_the_first_load(meanwhile: Callable[[], object]) -> Iterator[None]:
    """``meanwhile()`` once, right after a command first reads the workbook: a person saving
    a file while the command works."""
    load = Home.load
    done: list[bool] = []

    def loaded(self: Home, *args: Any, **kwargs: Any) -> Any:
        workbook = load(self, *args, **kwargs)
        if not done:
            done.append(True)
            meanwhile()
        return workbook

    with pytest.MonkeyPatch.context() as patched:
        patched.setattr(Home, "load", loaded)
        yield


@pytest.mark.parametrize(
    ("first", "then"),
    [
        (("report",), ("due",)),
        (("report", "-f", "json"), ("due",)),
        (("export", "-f", "json"), ("report",)),
        (("export", "-f", "json"), ("due",)),
        (("export", "-f", "markdown"), ("due",)),
    ],
)
def test_a_file_saved_while_a_result_is_worked_out_leaves_nothing_stale_inside_it(
    runner: CliRunner,
    tracked: Path,
    monkeypatch: pytest.MonkeyPatch,
    first: tuple[str, ...],
    then: tuple[str, ...],
) -> None:
    """A person saves the networking file just after a command first read the workbook: a
    result worked out inside that command (the due items inside the report) is not kept as
    if made from the file as saved."""
    networking = tracked / "stages" / "networking.toml"
    with _after_the_first_load(
        lambda: networking.write_text(networking.read_text().replace('"Sam Lee"', '"Sam Leigh"'))
    ):
        run(runner, *first)
    assert "Sam Leigh" in run(runner, *then).output


def _saved_in_the_same_tick(path: Path, text: str) -> None:
    """``text`` saved over ``path`` in place, the same size, within the same tick of the
    clock: the same inode, size and time."""
    before = path.stat()
    assert len(text.encode()) == before.st_size
    with path.open("r+", encoding="utf-8") as stream:
        stream.write(text)
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    after = path.stat()
    assert (after.st_ino, after.st_size, after.st_mtime_ns) == (
        before.st_ino,
        before.st_size,
        before.st_mtime_ns,
    )


@pytest.mark.parametrize("first", [("report",), ("export", "-f", "json")])
def test_a_file_saved_in_the_same_tick_while_a_result_is_worked_out_leaves_nothing_stale(
    runner: CliRunner, tracked: Path, monkeypatch: pytest.MonkeyPatch, first: tuple[str, ...]
) -> None:
    networking = tracked / "stages" / "networking.toml"

    def meanwhile() -> None:
        text = networking.read_text()
        _saved_in_the_same_tick(networking, text.replace('"Sam Lee"', '"Sam Lea"'))

    with _after_the_first_load(meanwhile):
        run(runner, *first)
    assert "Sam Lea:" in run(runner, "due").output


def test_an_export_joins_no_kept_report_to_a_workbook_of_other_bytes_of_the_same_file(
    runner: CliRunner, started: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    run(runner, "contact", "add", "Sam Lee", "--next", "Ask about the team", "--due", "2026-11-20")
    networking = started / "stages" / "networking.toml"
    with_contact = networking.read_text()
    run(runner, "report")  # kept for the file with the contact
    _saved_in_the_same_tick(networking, "#" * (len(with_contact) - 1) + "\n")  # none
    with _after_the_first_load(lambda: _saved_in_the_same_tick(networking, with_contact)):
        exported = json.loads(run(runner, "export", "-f", "json").output)
    assert exported["stages"][2]["answers"] == {}  # all of it from the file it read
    assert all(answer["stage"] != "networking" for answer in exported["report"]["key_answers"])
    shown = json.loads(run(runner, "report", "-f", "json").output)
    assert any(answer["stage"] == "networking" for answer in shown["key_answers"])


def test_a_setting_changed_while_an_export_is_made_leaves_it_of_one_state(
    runner: CliRunner, tracked: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from careerpath.views import report as reports

    kept = reports.of_home

    def then_set(*args: Any, **kwargs: Any) -> Any:
        found = kept(*args, **kwargs)
        settings = tmp_path / "user" / "config.toml"
        settings.parent.mkdir(parents=True, exist_ok=True)
        settings.write_text("stale_days = 200\n")  # a1 is no longer stale
        return found

    with monkeypatch.context() as patched:
        patched.setattr(reports, "of_home", then_set)
        exported = json.loads(run(runner, "export", "-f", "json").output)
    listed = [item["id"] for item in exported["due"]]
    assert [item["id"] for item in exported["report"]["due"]["next"]] == listed


def test_a_coachs_definition_of_any_name_counts_for_a_result_worked_out_inside_another(
    runner: CliRunner, tmp_path: Path
) -> None:
    mine = tmp_path / "mine.toml"
    shutil.copy(builtin_dir() / "default.toml", mine)
    run(runner, "start", "--workbook", str(mine))
    home_dir = Path(os.environ["CAREERPATH_HOME"])
    os.replace(home_dir / "definition.toml", home_dir / "coach.toml")
    state = home_dir / "workbook.toml"
    state.write_text(state.read_text().replace('"definition.toml"', '"coach.toml"'))
    coach = home_dir / "coach.toml"
    home = Home(home_dir)
    title = home.load().definition.stages[0].title

    def inner() -> str:
        return home.load().definition.stages[0].title

    def outer() -> str:
        home.load()
        coach.write_text(coach.read_text().replace(f'title = "{title}"', 'title = "Renamed"', 1))
        return home.derived("inner", "", inner)

    home.derived("outer", "", outer)
    assert Home(home_dir).derived("inner", "", inner) == "Renamed"


def test_an_export_is_made_of_one_state_of_the_home_when_a_file_is_put_back_meanwhile(
    runner: CliRunner, started: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The report kept for the file as it was is not joined to the workbook read from
    another version of it (put back with its old inode and time while the export works)."""
    run(runner, "contact", "add", "Sam Lee", "--next", "Ask about the team", "--due", "2026-11-20")
    networking = started / "stages" / "networking.toml"
    aside = started / "networking.aside"
    run(runner, "report")  # kept for the file with the contact
    os.replace(networking, aside)
    networking.write_text("")  # no contacts
    with _after_the_first_load(lambda: os.replace(aside, networking)):
        exported = json.loads(run(runner, "export", "-f", "json").output)
    assert exported["stages"][2]["answers"] == {}
    assert all(answer["stage"] != "networking" for answer in exported["report"]["key_answers"])


@pytest.mark.parametrize(
    "command", [("export", "-f", "json"), ("export", "-f", "markdown"), ("report", "-f", "json")]
)
def test_a_text_read_from_a_stage_file_that_appeared_meanwhile_is_not_kept(
    runner: CliRunner, tracked: Path, monkeypatch: pytest.MonkeyPatch, command: tuple[str, ...]
) -> None:
    networking = tracked / "stages" / "networking.toml"
    aside = tracked / "networking.aside"
    os.replace(networking, aside)  # not there when the command starts
    read_state = Home.read_state
    appeared: list[bool] = []

    def then_appears(self: Home) -> Any:
        if not appeared:
            os.replace(aside, networking)  # saved just as the command reads the workbook
            appeared.append(True)
        return read_state(self)

    with monkeypatch.context() as patched:
        patched.setattr(Home, "read_state", then_appears)
        assert "Sam Lee" in run(runner, *command).output
    networking.unlink()  # gone again: the home holds no contact
    assert "Sam Lee" not in run(runner, *command).output


# --- a result brought up to date when records were only added --------------------------------

ADDED_TO_KEPT = [
    ("due",),
    ("due", "--all", "-f", "json"),
    ("app", "list", "--all"),
    ("app", "list"),
    ("app", "list", "--stale"),
    ("app", "list", "--status", "interested"),
    ("app", "list", "--limit", "1"),
    ("app", "list", "--all", "--limit", "2"),
]


@contextlib.contextmanager
def _never_worked_out() -> Iterator[None]:
    """What is due and the list of applications can no longer be worked out whole: only
    brought up to date from what was kept."""
    from careerpath.cli import applications
    from careerpath.views import due

    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("worked out again")

    with pytest.MonkeyPatch.context() as patched:
        patched.setattr(due, "collect", refuse)
        patched.setattr(applications, "_app_rows", refuse)
        yield


@pytest.mark.parametrize("command", ADDED_TO_KEPT)
def test_records_added_after_a_result_was_kept_show_as_if_it_were_worked_out_again(
    runner: CliRunner, tracked: Path, command: tuple[str, ...]
) -> None:
    """What was kept, with the records `app add` and `contact add` added since, each in its
    place, and not worked out again: the same as worked out afresh, for every option."""
    # as tables, as a long list is written: a contact added is appended
    (tracked / "stages" / "networking.toml").write_text(
        '[[contacts]]\nid = "c1"\nname = "Sam Lee"\nnext_step = "Ask about the team"\n'
        "follow_up = 2026-11-20\n"
    )
    run(runner, *command)
    run(runner, "app", "add", "Globex", "Designer", "--status", "interviewing",
        "--date", "2026-09-01")  # fmt: skip
    run(runner, "app", "add", "Initech", "Tester", "--next", "Send the portfolio",
        "--due", "2026-11-20")  # fmt: skip
    thanks = "Say thanks for the talk on the team's roadmap, and ask who else to meet next month"
    run(runner, "contact", "add", "Ana Diaz", "--next", thanks, "--due", "2026-11-26")
    run(runner, "app", "add", "Hooli", "Analyst", "--status", "rejected", "--date", "2026-11-02")
    # as far along and as quiet as Acme: after it, as it was added after it
    run(runner, "app", "add", "Acme", "Tester", "--status", "applied", "--date", "2026-10-01")
    with _never_worked_out():
        brought = run(runner, *command).output
    for entry in (tracked / CACHE_DIR).glob("derived@*"):
        entry.unlink()
    assert brought == run(runner, *command).output
    if command[:2] == ("app", "list") and len(command) <= 3:  # every open one, or all
        assert "Globex" in brought and ("Hooli" in brought) == ("--all" in command)
    if command[0] == "due":
        assert "Ana Diaz: Say thanks" in brought and "Send the portfolio" in brought


def _renamed(applying: Path) -> str:
    """Another change to the file `app add` appended to, by hand."""
    applying.write_text(applying.read_text().replace('"Globex"', '"Globex Corp"'))
    return "Globex Corp: Designer: Call Kim"


def _appended_by_hand(applying: Path) -> str:
    """A record added by hand: it reads as one `app add` could add, but nobody vouched."""
    with applying.open("a") as stream:
        stream.write(
            '\n[[applications]]\nid = "a9"\nemployer = "Umbrella"\nrole = "Chemist"\n'
            'next_action = "Call Kim"\nnext_action_due = 2026-11-24\n'
        )
    return "Umbrella: Chemist: Call Kim"


@pytest.mark.parametrize("meanwhile", [_renamed, _appended_by_hand])
def test_a_result_is_worked_out_again_when_more_than_records_were_added(
    runner: CliRunner, tracked: Path, meanwhile: Callable[[Path], str]
) -> None:
    run(runner, "due")
    run(runner, "app", "list", "--all")
    run(runner, "app", "add", "Globex", "Designer", "--next", "Call Kim", "--due", "2026-11-24")
    expected = meanwhile(tracked / "stages" / "applying.toml")
    assert expected in run(runner, "due").output
    assert expected.split(":")[0] in run(runner, "app", "list", "--all").output


def test_a_result_kept_for_another_day_is_worked_out_again(
    runner: CliRunner, tracked: Path
) -> None:
    run(runner, "app", "add", "Beta", "Writer", "--status", "applied", "--date", "2026-11-08")
    stale = "Beta: Writer: applied, no news since 2026-11-08"  # from 14 days on: 22 Nov
    assert stale not in flat(run(runner, "due", "--all", today="2026-11-20").output)
    run(runner, "app", "add", "Globex", "Designer")
    assert stale in flat(run(runner, "due").output)  # on 25 Nov
