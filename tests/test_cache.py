"""The parse cache: what a person sees always comes from the TOML files as they are now."""

from __future__ import annotations

import os
import shutil
import stat
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from careerpath.core.errors import InvalidFiles
from careerpath.storage.cache import CACHE_DIR
from careerpath.workbook import definition
from careerpath.workbook.definition import WorkbookDefinition
from careerpath.workbook.home import Home

from conftest import run

NOW = datetime(2026, 11, 25, 9, 30)


@pytest.fixture
def home(home_dir: Path, book: WorkbookDefinition) -> Home:
    home = Home(home_dir)
    home.create(definition.resolve("default"), now=NOW)
    home.update_answers(book.stage("exploration"), lambda a: a.update(where_now="Accountant"))
    home.load()  # fills the cache
    return home


def where_now(home: Home, book: WorkbookDefinition) -> str:
    """What a fresh command (a new Home, as every process has) reads."""
    answer: str = Home(home.root).read_answers(book.stage("exploration"))["where_now"]
    return answer


def test_the_cache_is_private_and_hidden(home: Home) -> None:
    folder = home.root / CACHE_DIR
    entries = list(folder.iterdir())
    assert entries
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert all(stat.S_IMODE(entry.stat().st_mode) == 0o600 for entry in entries)


def test_a_hand_edit_is_read(home: Home, book: WorkbookDefinition) -> None:
    path = home.stage_file("exploration")
    path.write_text(path.read_text().replace("Accountant", "Teacher"))
    assert where_now(home, book) == "Teacher"


def test_a_restore_with_the_same_size_and_time_is_read(
    home: Home, book: WorkbookDefinition
) -> None:
    """As `git checkout` or a copy from .backups can do: other content, same size and mtime."""
    path = home.stage_file("exploration")
    before = path.stat()
    path.write_text(path.read_text().replace("Accountant", "Carpenter!"))  # same length
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert path.stat().st_size == before.st_size
    assert where_now(home, book) == "Carpenter!"


def test_a_file_copied_back_from_a_backup_is_read(home: Home, book: WorkbookDefinition) -> None:
    path = home.stage_file("exploration")
    saved = home.root / "saved.toml"
    shutil.copy2(path, saved)
    home.update_answers(book.stage("exploration"), lambda a: a.update(where_now="Nurse"))
    assert where_now(home, book) == "Nurse"
    shutil.copy2(saved, path)
    assert where_now(home, book) == "Accountant"


@pytest.mark.parametrize("junk", [b"", b"\x80\x04garbage", b"cos\nsystem\n(S'echo hi'\ntR."])
def test_a_corrupt_cache_is_rebuilt_silently(
    home: Home, book: WorkbookDefinition, junk: bytes
) -> None:
    for entry in (home.root / CACHE_DIR).iterdir():
        entry.write_bytes(junk)
    assert where_now(home, book) == "Accountant"
    assert Home(home.root).problems() == []
    assert where_now(home, book) == "Accountant"  # and rebuilt: read from the new cache


def test_a_deleted_cache_is_rebuilt(home: Home, book: WorkbookDefinition) -> None:
    shutil.rmtree(home.root / CACHE_DIR)
    assert where_now(home, book) == "Accountant"
    assert (home.root / CACHE_DIR).is_dir()


def test_a_broken_file_is_reported_even_when_it_was_cached(home: Home) -> None:
    path = home.stage_file("exploration")
    path.write_text(path.read_text() + "\nwhere_to = \n")
    with pytest.raises(InvalidFiles) as raised:
        Home(home.root).load()
    assert "is not valid TOML" in raised.value.problems[0].message


def test_doctor_does_not_count_the_cache(home: Home) -> None:
    assert Home(home.root).problems() == []


def test_answers_checked_by_changed_questions_are_checked_again(home_dir: Path) -> None:
    """Stage files are cached validated, so the cache must not outlive the questions: a coach
    who drops a choice from their own workbook sees the answer that used it reported."""
    own = home_dir.parent / "coach.toml"
    shutil.copy(definition.resolve("default"), own)
    home = Home(home_dir)
    home.create(own, now=NOW)
    stage = home.load().definition.stage("exploration")
    home.update_answers(stage, lambda a: a.update(work_modes=["Hybrid"]))
    assert Home(home.root).load().answers["exploration"]["work_modes"] == ["Hybrid"]  # cached
    copy = home.root / "definition.toml"
    copy.write_text(copy.read_text().replace('"Hybrid", ', ""))
    with pytest.raises(InvalidFiles) as raised:
        Home(home.root).load()
    assert raised.value.problems[0].field == "work_modes[1]"


def test_cached_answers_are_the_answers_read_afresh(home: Home, book: WorkbookDefinition) -> None:
    stage = book.stage("exploration")
    cached = Home(home.root).read_answers(stage)
    shutil.rmtree(home.root / CACHE_DIR)
    assert Home(home.root, write_cache=False).read_answers(stage) == cached


def test_values_kept_once_read_back_as_written(tmp_path: Path) -> None:
    # The cache keeps each repeated text and date once; a date-time stays as written (the
    # same moment at another offset is equal, and would read back at the wrong offset).
    from careerpath.storage.cache import ParseCache
    from careerpath.storage.tomlio import parse

    text = "\n".join(
        [
            'a = ["applied", "applied", 2026-11-03, 2026-11-03]',
            "b = [2026-11-03T10:00:00+01:00, 2026-11-03T09:00:00Z, 2026-11-03T09:00:00]",
        ]
    )
    path = tmp_path / "answers.toml"
    path.write_text(text)
    first = ParseCache(tmp_path).parse(path, text, parse)
    again = ParseCache(tmp_path).parse(path, text, lambda *_: pytest.fail("parsed again"))
    for read in (first, again):
        assert read == parse(text, path)
        assert [str(moment) for moment in read["b"]] == [
            "2026-11-03 10:00:00+01:00",
            "2026-11-03 09:00:00+00:00",
            "2026-11-03 09:00:00",
        ]


# --- a record added at the end of the file -----------------------------------------------------


@pytest.fixture
def applying(runner: CliRunner, started: Path) -> Path:
    """A home with two applications, written by careerpath."""
    run(runner, "app", "add", "Acme", "Analyst")
    run(runner, "app", "add", "Globex", "Designer")
    return started / "stages" / "applying.toml"


def fresh(home: Path) -> dict[str, Any]:
    """The applying stage as a new command reads it with no cache at all."""
    shutil.rmtree(home / CACHE_DIR, ignore_errors=True)
    read: dict[str, Any] = Home(home, write_cache=False).load().answers["applying"]
    return read


def test_an_added_record_is_appended_and_cached_as_read(runner: CliRunner, applying: Path) -> None:
    applying.write_text(applying.read_text() + "\n\n")  # layout a fresh write would not keep
    before = applying.read_text()
    run(
        runner,
        "app",
        "add",
        "Initech",
        "Researcher",
        "--notes",
        "Line one\n[[applications]]\nid = 1",
    )
    after = applying.read_text()
    assert after.startswith(before)  # the file was added to, not written afresh
    cached = Home(applying.parent.parent).load().answers["applying"]
    assert cached == fresh(applying.parent.parent)
    assert [a["employer"] for a in cached["applications"]] == ["Acme", "Globex", "Initech"]
    assert cached["applications"][2]["notes"] == "Line one\n[[applications]]\nid = 1"
    applying.write_text(after + "\n\n")
    run(runner, "app", "add", "Hooli", "Lead")  # the header in the note is not counted
    assert applying.read_text().startswith(after + "\n\n")
    assert [a["id"] for a in fresh(applying.parent.parent)["applications"]][-1] == "a4"
    run(runner, "app", "add", "X", "Y")  # small enough to come out inline: written afresh
    cached = Home(applying.parent.parent).load().answers["applying"]
    assert cached == fresh(applying.parent.parent)
    assert [a["employer"] for a in cached["applications"]][-2:] == ["Hooli", "X"]


@pytest.mark.parametrize(
    ("edit", "why"),
    [
        (lambda text: text.replace('id = "a2"\n', ""), "a record without its id"),
        (
            lambda text: 'applications = [{ id = "a1", employer = "Acme", role = "Analyst" }]\n',
            "records written inline",
        ),
    ],
)
def test_a_file_that_cannot_take_one_more_is_written_afresh(
    runner: CliRunner, applying: Path, edit: Any, why: str
) -> None:
    applying.write_text(edit(applying.read_text()))
    run(runner, "app", "add", "Initech", "Researcher")
    cached = Home(applying.parent.parent).load().answers["applying"]["applications"]
    read = fresh(applying.parent.parent)["applications"]
    assert cached == read, why
    assert read[-1]["employer"] == "Initech", why
    assert len({a["id"] for a in read}) == len(read), why  # no id given twice


def test_a_list_of_one_kind_reads_only_its_own_stage(runner: CliRunner, applying: Path) -> None:
    """`app list` does not read the contacts' file: a broken one does not stop it (and
    a command that reads every stage still reports it)."""
    networking = applying.parent / "networking.toml"
    networking.write_text("contacts = [\n")
    assert "Acme: Analyst" in run(runner, "app", "list").output
    assert "networking.toml" in run(runner, "report", code=1).output


@pytest.mark.parametrize(
    ("text", "count", "ids", "takes"),
    [
        ('[[applications]]\nid = "a1"\n\n[[applications]]\nid = "a2"\n', 2, 2, True),
        ('[[applications]]\nid = "a1"\n', 2, 2, False),
        ('[[applications]]\nid = "a1"\nnotes = "[[applications]]"\n# id = 3\n', 1, 1, True),
        ('[[applications]]\nid = "a1"\nnotes = """\n[[applications]]\nid = 1\n"""\n', 1, 1, True),
        ("[[applications]]\nid = 'a1'\nnotes = '''\n[[applications]]\n'''\n", 1, 1, True),
        ('[[applications]]\nnotes = """\nid = 1\n"""\n', 1, 0, True),
        ('applications = [{ id = "a1" }, { id = "a2" }]\n', 2, 2, False),
    ],
)
def test_a_file_takes_one_more_record_when_its_tables_and_ids_are_all_counted(
    text: str, count: int, ids: int, takes: bool
) -> None:
    """A header or an id in a string or a comment is not one of the file's (in a multi-line
    string it starts a line, yet is not counted either)."""
    from careerpath.storage.tomlio import takes_one_more

    assert takes_one_more(text, "applications", count, ids) is takes


def test_files_are_of_one_state_while_every_look_at_them_since_found_it(
    tmp_path: Path,
) -> None:
    """What a result worked out or kept meanwhile was keyed on is what the looks since saw;
    a file nobody looked at since is looked at now."""
    from careerpath.storage import cache

    one, two = tmp_path / "one.toml", tmp_path / "two.toml"
    one.write_text("a = 1\n")
    two.write_text("b = 2\n")
    with cache.watching():
        before = cache.file_states([one, two])
        since = cache.looks_taken()
        assert cache.states_seen([one, two]) == before  # as last looked at: not read again
        two.write_text("b = 3\n")
        assert not cache.still_the_same([one, two], before, since)  # not looked at: now
    with cache.watching():
        before = cache.file_states([one, two])
        since = cache.looks_taken()
        one.write_text("a = 2\n")
        cache.file_states([one])  # a look since (a result keyed on it) found it changed
        assert not cache.still_the_same([one, two], before, since)
    with cache.watching():
        before = cache.file_states([one, two])
        since = cache.looks_taken()
        cache.file_states([one, two])  # the looks since found both as they were
        assert cache.still_the_same([one, two], before, since)
    assert cache.looks_taken() == 0  # noted only while watching


def test_a_kept_result_is_brought_up_to_date_only_by_appends_noted_and_nothing_else(
    tmp_path: Path,
) -> None:
    from careerpath.storage.cache import ParseCache

    source, other = tmp_path / "a.toml", tmp_path / "b.toml"
    source.write_text("one\n")
    other.write_text("x")
    cache = ParseCache(tmp_path)

    def lines() -> list[str]:
        return source.read_text().splitlines()

    def extend(value: list[str], path: Path, question: str, records: list[Any]) -> list[str]:
        assert (path, question) == (source, "q")
        return [*value, *records]

    def derived(compute: Any = lines, more: Any = extend) -> list[str]:
        found: list[str] = cache.derived("t", [source, other], "", compute, extend=more)
        return found

    def append(line: str) -> None:
        before = source.read_text()
        source.write_text(before + line + "\n")
        cache.appended(source, before, before + line + "\n", "q", [line])

    def never() -> list[str]:
        raise AssertionError("worked out again")

    assert derived() == ["one"]
    append("two")
    append("three")
    assert derived(never) == ["one", "two", "three"]
    source.write_text(source.read_text() + "four\n")  # by hand: nobody vouched for it
    assert derived() == ["one", "two", "three", "four"]
    append("five")
    other.write_text("y")  # another file, changed otherwise
    assert derived() == lines()
    append("six")
    (tmp_path / CACHE_DIR / "appended@a.toml.pickle").write_bytes(b"\x80\x04junk")
    assert derived() == lines()  # a note that cannot be read
    append("seven")
    assert derived(more=lambda *_: None) == lines()  # brought up to date it cannot be
    append("eight")
    assert derived(never) == lines()
