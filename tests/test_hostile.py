"""Hostile input, broken files and failing disks: nothing typed is lost, nothing is doubled,
nothing injected, never a traceback (issue 12)."""

from __future__ import annotations

import io
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console

from careerpath.core.errors import InvalidFiles
from careerpath.workbook import definition
from careerpath.workbook.home import Home
from careerpath.workbook.session import Session

from conftest import TODAY, ScriptedPrompter


@pytest.fixture
def home(home_dir: Path) -> Home:
    home = Home(home_dir)
    home.create(definition.resolve("default"), now=datetime(2026, 11, 1, 9))
    return home


class BreakingPrompter(ScriptedPrompter):
    """Breaks a file by hand (as another shell would) while the prompt for ``at`` is open."""

    def __init__(self, script: list[Any], at: str, file: Path, text: str) -> None:
        super().__init__(script)
        self.at, self.file, self.text = at, file, text

    def ask(self, question: Any, default: Any = None, draft: str | None = None) -> Any:
        if question.id == self.at:
            with self.file.open("a", encoding="utf-8") as stream:
                stream.write(self.text)
        return super().ask(question, default, draft)


def _sit(home: Home, prompter: ScriptedPrompter) -> None:
    out = io.StringIO()
    Session(home, home.load(), prompter, Console(file=out, width=80), TODAY).continue_current()


def test_an_answer_typed_while_the_stage_file_broke_is_kept_as_a_draft(home: Home) -> None:
    stage_file = home.stage_file("exploration")
    prompter = BreakingPrompter(
        ["Accountant.", "Teaching, maybe."], "where_to", stage_file, 'skills = ["HAND-EDIT"\n'
    )
    with pytest.raises(InvalidFiles) as raised:
        _sit(home, prompter)
    error = raised.value
    assert any(p.line is not None for p in error.problems), "the line of the break is named"
    assert error.hint and "workbook.toml" in error.hint and "draft" in error.hint
    assert "Teaching, maybe." in home.workbook_file.read_text(encoding="utf-8")
    # Fixed by hand, the next sitting offers what was typed.
    text = stage_file.read_text(encoding="utf-8").replace('skills = ["HAND-EDIT"\n', "")
    stage_file.write_text(text, encoding="utf-8")
    again = ScriptedPrompter(["Teaching, maybe.", 2])
    again.ask = _stop_after(again, "clarity")  # type: ignore[method-assign]
    with pytest.raises(_Enough):
        _sit(home, again)
    assert again.drafts["where_to"] == "Teaching, maybe."


def test_a_draft_goes_to_a_side_file_when_workbook_toml_is_broken_too(home: Home) -> None:
    stage_file = home.stage_file("exploration")
    prompter = BreakingPrompter(["Accountant.", "Teaching."], "where_to", stage_file, "x = [\n")
    original = prompter.ask

    def ask(question: Any, default: Any = None, draft: str | None = None) -> Any:
        if question.id == "where_to":
            with home.workbook_file.open("a", encoding="utf-8") as stream:
                stream.write("y = [\n")
        return original(question, default, draft)

    prompter.ask = ask  # type: ignore[method-assign]
    with pytest.raises(InvalidFiles) as raised:
        _sit(home, prompter)
    side = home.root / "drafts.txt"
    assert "Teaching." in side.read_text(encoding="utf-8")
    assert raised.value.hint and "drafts.txt" in raised.value.hint


class _Enough(Exception):
    pass


def _stop_after(prompter: ScriptedPrompter, question_id: str) -> Any:
    original = prompter.ask

    def ask(question: Any, default: Any = None, draft: str | None = None) -> Any:
        if question.id == question_id:
            raise _Enough
        return original(question, default, draft)

    return ask


# --- a disk that refuses a write, at every step ------------------------------------------------

WRITE_COMMANDS = [
    ("app", "add", "Acme", "Analyst", "--status", "applied"),
    ("contact", "add", "Ana Acme", "--how-known", "former colleague"),
    ("target", "add", "Acme analyst"),
    ("goal", "add", "Acme goal"),
    ("homework", "add", "Acme homework", "--due", "3d"),
]


class Disk:
    """Makes the n-th write step (temp file, fsync, rename, backup copy) fail as a full or
    read-only disk does."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, errno_: int) -> None:
        import os
        import shutil
        import tempfile

        self.fail_at = 0
        self.steps = 0
        self.errno = errno_
        for owner, name in [
            (os, "replace"),
            (os, "fsync"),
            (os, "chmod"),
            (tempfile, "mkstemp"),
            (shutil, "copy2"),
        ]:
            monkeypatch.setattr(owner, name, self._failing(getattr(owner, name)))

    def _failing(self, real: Any) -> Any:
        def step(*args: Any, **kwargs: Any) -> Any:
            self.steps += 1
            if self.steps == self.fail_at:
                import os

                raise OSError(self.errno, os.strerror(self.errno))
            return real(*args, **kwargs)

        return step


@pytest.mark.parametrize("errno_name", ["ENOSPC", "EROFS"])
@pytest.mark.parametrize("command", WRITE_COMMANDS, ids=lambda c: " ".join(c[:2]))
def test_a_refused_write_at_any_step_saves_nothing_twice(
    runner: Any,
    started: Path,
    monkeypatch: pytest.MonkeyPatch,
    command: tuple[str, ...],
    errno_name: str,
) -> None:
    import errno
    import shutil

    from conftest import run

    if command[0] in {"goal", "homework"}:
        _program_home(runner, started)
    disk = Disk(monkeypatch, getattr(errno, errno_name))
    pristine = started.parent / "pristine"
    shutil.copytree(started, pristine)
    step = 0
    while True:
        step += 1
        shutil.rmtree(started)
        shutil.copytree(pristine, started)
        disk.steps, disk.fail_at = 0, step
        result = runner.invoke(_app(), list(command))
        if disk.steps < step:  # every step passed: all were tried
            assert result.exit_code == 0, result.output
            break
        disk.fail_at = 0
        if result.exit_code == 0:  # only the folder's fsync failed, after the rename
            assert command[1] == "add" and "Added" in result.output
        else:
            assert result.exit_code == 1, (step, result.output, result.exception)
            assert "unexpected problem" not in result.output
            assert "please report" not in result.output
            assert "this change was not saved" in " ".join(result.output.split())
            run(runner, "doctor")  # every file whole
            run(runner, *command)  # the retry
        listed = run(runner, command[0], "list").output
        assert listed.count("Acme") == 1, (step, listed)
    assert step > 3


def _app() -> Any:
    from careerpath.cli import app

    return app


# --- hostile text through every output -----------------------------------------------------------

HOSTILE = [
    "Acme\x1b[2J\x1b]0;owned\x07",  # clear the screen, set the window title
    "\x1b]8;;http://evil.example\x1b\\click\x1b]8;;\x1b\\",  # an OSC 8 link
    '=HYPERLINK("http://evil.example","x")',
    "+1 555",
    "@SUM(A1)",
    "-2+3",
    "Ana [draft] [bold red]x[/bold red]",
    "right\u202eto left\x00nul\x9b31m",
]
LONG = "A long answer.\n===\n- item\n---\n> quote\n1. one\n# heading"
CONTROL = ("\x1b", "\x07", "\x00", "\x9b", "\u202e")


def _hostile_home(runner: Any, home: Path) -> None:
    from conftest import run

    run(runner, "--home", str(home), "start")
    for text in HOSTILE:
        run(runner, "--home", str(home), "target", "add", "--", text)
        run(
            runner,
            "--home",
            str(home),
            "app",
            "add",
            f"--next={text}",
            "--due=1d",
            "--",
            text,
            text,
        )
        run(runner, "--home", str(home), "contact", "add", f"--org={text}", "--due=1d", "--", text)
    run(runner, "--home", str(home), "program", "start", "--answers", str(_intake(home)))
    run(runner, "--home", str(home), "goal", "add", HOSTILE[0])
    run(runner, "--home", str(home), "homework", "add", HOSTILE[1], "--due", "2d")
    exploration = home / "stages" / "exploration.toml"
    import json

    exploration.write_text(
        f"where_now = {json.dumps(LONG)}\nwhere_to = {json.dumps(HOSTILE[0])}\n",
        encoding="utf-8",
    )


def _intake(home: Path) -> Path:
    from test_program_cli import INTAKE

    path = home.parent / "intake.toml"
    path.write_text(INTAKE, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def _hostile_group(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Built once (two dozen commands); each test gets a copy. This runs before the
    per-test isolation, so the runner brings its own environment."""
    from typer.testing import CliRunner

    from conftest import TODAY

    base = tmp_path_factory.mktemp("hostile")
    env = {
        "CAREERPATH_TODAY": TODAY.isoformat(),
        "HOME": str(base / "user"),
        "XDG_DATA_HOME": str(base / "user" / "share"),
        "NO_COLOR": "1",
        "COLUMNS": "80",
    }
    _hostile_home(CliRunner(env=env), base / "group" / HOSTILE_FOLDER)
    return base / "group"


HOSTILE_FOLDER = "x\x1b[2J\nnew line [b]"


@pytest.fixture
def hostile(_hostile_group: Path, tmp_path: Path) -> Path:
    import shutil

    group = shutil.copytree(_hostile_group, tmp_path / "group")
    return group / HOSTILE_FOLDER


def _no_control(text: str, where: str) -> None:
    for char in CONTROL:
        assert char not in text, (where, repr(char), text[:2000])


@pytest.mark.parametrize(
    "command",
    [
        ["report"],
        ["report", "-f", "markdown"],
        ["due", "--all"],
        ["app", "list"],
        ["contact", "list"],
        ["target", "list"],
        ["goal", "list"],
        ["homework", "list"],
        ["program", "status"],
        ["app", "show", "a1"],
        ["export", "-f", "markdown"],
        ["export", "-f", "ics"],
        ["export", "-f", "json"],
        ["app", "list", "-f", "json"],
        ["contact", "list", "-f", "json"],
        ["app", "show", "a8", "-f", "json"],  # the one with C1 and bidi controls
        ["due", "--all", "-f", "json"],
        ["app", "add", HOSTILE[0], HOSTILE[0]],
        ["contact", "add", HOSTILE[0]],
        ["doctor"],
    ],
    ids=lambda c: " ".join(c[:2]),
)
def test_hostile_text_never_reaches_an_output_raw(
    runner: Any, hostile: Path, command: list[str]
) -> None:
    from conftest import run

    result = run(runner, "--home", str(hostile), *command)
    _no_control(result.output, " ".join(command))
    terminal_list = command[-1] == "list" and command[0] in {"app", "contact", "target"}
    if command in (["report"], ["due", "--all"]) or terminal_list:
        # markup shown, not read (lists wrap long cells at words, so read them as one line)
        assert "Ana [draft] [bold red]x[/bold red]" in " ".join(result.output.split())


def test_hostile_text_keeps_the_markdown_export_s_structure(runner: Any, hostile: Path) -> None:
    from conftest import run

    markdown = run(runner, "--home", str(hostile), "export", "-f", "markdown").output
    lines = markdown.splitlines()
    for injected in ("===", "- item", "---", "> quote", "1. one", "# heading"):
        assert injected not in lines, injected
    assert "A long answer." in markdown


def test_hostile_text_in_the_group_view(runner: Any, hostile: Path) -> None:
    from conftest import run

    group = hostile.parent
    for format in ("text", "markdown", "json"):
        output = run(runner, "report", "--group", str(group), "-f", format).output
        _no_control(output, format)
    markdown = run(runner, "report", "--group", str(group), "-f", "markdown").output
    table = [line for line in markdown.splitlines() if line.startswith("|")]
    assert len(table) == 3, table  # header, rule, one client: the newline did not split it
    import re

    assert len({len(re.findall(r"(?<!\\)\|", line)) for line in table}) == 1


def test_no_csv_cell_starts_a_formula(runner: Any, hostile: Path, tmp_path: Path) -> None:
    import csv

    from conftest import run

    out = tmp_path / "csv"
    run(runner, "--home", str(hostile), "export", "-f", "csv", "--output", str(out))
    rows = 0
    for path in out.glob("*.csv"):
        text = path.read_text(encoding="utf-8-sig")
        _no_control(text, path.name)
        for row in csv.reader(text.splitlines(keepends=True)):
            for cell in row:
                assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), (path.name, cell)
            rows += 1
    applications_text = (out / "applications.csv").read_text(encoding="utf-8-sig")
    applications = list(csv.DictReader(applications_text.splitlines(keepends=True)))
    assert len(applications) == len(HOSTILE)
    assert applications[2]["employer"] == "'" + HOSTILE[2]
    assert rows > len(HOSTILE)


# --- paths that look like markup ---------------------------------------------------------------


def test_paths_with_markup_are_printed_as_they_are(runner: Any, tmp_path: Path) -> None:
    from conftest import run

    home = tmp_path / "old[/2024]" / "Ana [draft]"
    run(runner, "--home", str(home), "start")
    doctor = run(runner, "--home", str(home), "doctor").output
    assert "old[/2024]/Ana [draft] are fine" in doctor
    out = tmp_path / "out[/]r.txt"
    written = run(runner, "--home", str(home), "report", "--output", str(out))
    assert out.exists() and "out[/]r.txt" in written.output.replace("\n", "")
    folder = tmp_path / "exp[/b]csv"
    exported = run(runner, "--home", str(home), "export", "-f", "csv", "--output", str(folder))
    assert "exp[/b]csv" in exported.output.replace("\n", "")
    missing = run(runner, "--home", str(tmp_path / "none [/x]"), "report", code=1).output
    assert "none [/x]" in missing and "unexpected" not in missing


def test_an_unexpected_error_with_markup_in_it_is_reported_once(
    runner: Any, started: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from careerpath.workbook.home import Home

    def broken(self: Home) -> None:
        raise RuntimeError("bad [/] thing [bold]x")

    monkeypatch.setattr(Home, "load", broken)
    result = runner.invoke(_app(), ["report"])
    assert result.exit_code == 1
    assert "bad [/] thing [bold]x" in result.output and "Traceback" not in result.output


# --- strict parsing ------------------------------------------------------------------------------

BREAKAGES = {
    "bare CR": b"bad = 1\rother = 2\n",
    "deep nesting": b"bad = " + b"[" * 3000 + b"]" * 3000 + b"\n",
    "overlong line": b'bad = "' + b"x" * 200_000 + b'"\n',
    "invalid UTF-8": b'bad = "\xff\xfe"\n',
}
SAID = {
    "bare CR": "is not valid TOML",
    "deep nesting": "is nested more than 50 deep",
    "overlong line": "has a line longer than",
    "invalid UTF-8": "is not UTF-8 text",
}


def _break(path: Path, breakage: bytes) -> int:
    """Append ``breakage`` on a line of its own; the number of that line."""
    data = path.read_bytes()
    if not data.endswith(b"\n"):
        data += b"\n"
    path.write_bytes(data + breakage)
    return data.count(b"\n") + 1


def _program_home(runner: Any, started: Path) -> None:
    from conftest import run

    run(runner, "program", "start", "--answers", str(_intake(started)))


@pytest.mark.parametrize("breakage", list(BREAKAGES), ids=str)
@pytest.mark.parametrize("file", ["stage file", "workbook.toml", "program.toml"])
def test_home_files_are_parsed_strictly(
    runner: Any, started: Path, file: str, breakage: str
) -> None:
    from conftest import run

    _program_home(runner, started)
    path = {
        "stage file": started / "stages" / "exploration.toml",
        "workbook.toml": started / "workbook.toml",
        "program.toml": started / "program.toml",
    }[file]
    if not path.exists():
        path.parent.mkdir(exist_ok=True)
        path.write_text('where_now = "Here."\n', encoding="utf-8")
    before = path.read_bytes()
    line = _break(path, BREAKAGES[breakage])
    output = " ".join(run(runner, "doctor", code=1).output.split())
    assert f"{path.name}:{line}: {SAID[breakage]}" in output, output[:500]
    assert "unexpected" not in output
    run(runner, "report", code=1)
    assert path.read_bytes() == before + BREAKAGES[breakage], "never rewritten"


@pytest.mark.parametrize("breakage", list(BREAKAGES), ids=str)
def test_answers_files_and_definitions_are_parsed_strictly(
    runner: Any, started: Path, tmp_path: Path, breakage: str
) -> None:
    from conftest import run

    answers = tmp_path / "answers.toml"
    answers.write_text('where_now = "Here."\n', encoding="utf-8")
    line = _break(answers, BREAKAGES[breakage])
    output = " ".join(run(runner, "next", "--answers", str(answers), code=1).output.split())
    assert f"answers.toml:{line}: {SAID[breakage]}" in output, output[:500]

    book = tmp_path / "mine.toml"
    book.write_bytes(definition.resolve("default").read_bytes())
    line = _break(book, BREAKAGES[breakage])
    fresh = tmp_path / "fresh"
    output = " ".join(
        run(runner, "--home", str(fresh), "start", "--workbook", str(book), code=1).output.split()
    )
    assert f"mine.toml:{line}: {SAID[breakage]}" in output, output[:500]


# --- numbers mean what was typed ------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "low", "high"),
    [
        ("50,000-70,000 EUR", 50_000, 70_000),
        ("50 000-70 000 EUR", 50_000, 70_000),
        ("50'000-70'000 CHF", 50_000, 70_000),
        ("50.000,50-70.000,00 EUR", 50_000.5, 70_000),
        ("50,000.50-70,000 USD", 50_000.5, 70_000),
        ("12.5-20.25 EUR per hour", 12.5, 20.25),
        ("₹1200000-1800000", 1_200_000, 1_800_000),
    ],
)
def test_amounts_are_read_as_typed(typed: str, low: float, high: float) -> None:
    from careerpath.core.money import parse_money_range

    pay = parse_money_range(typed)
    assert (pay.low, pay.high) == (low, high)


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("50.000-70.000 EUR", ["50,000", "50.0"]),  # both readings named
        ("50,5 EUR", ["50.5"]),
        ("45000 XYZ", ["XYZ", "ISO 4217"]),
        ("₹12L-18L", ["lakh", "1200000"]),
        ("12 lakh INR", ["lakh", "1200000"]),
    ],
)
def test_ambiguous_amounts_and_unknown_currencies_are_refused_with_why(
    typed: str, said: list[str]
) -> None:
    from careerpath.core.money import parse_money, parse_money_range

    parse = parse_money_range if "-" in typed else parse_money
    with pytest.raises(ValueError) as refused:
        parse(typed)
    for words in said:
        assert words in str(refused.value), (typed, str(refused.value))


def test_the_salary_option_refuses_the_ambiguous_form(runner: Any, started: Path) -> None:
    from conftest import run

    output = run(runner, "target", "add", "Analyst", "--salary", "50.000-70.000 EUR", code=1).output
    assert "50,000" in output and "unexpected" not in output
    assert not (started / "stages" / "diving-deeper.toml").exists()


# --- umask, the lock's holder, archives, odd terminals -----------------------------------------


def test_folders_careerpath_creates_are_private_whatever_the_umask(
    runner: Any, tmp_path: Path
) -> None:
    import os
    import stat

    from conftest import run

    old = os.umask(0)
    try:
        home = tmp_path / "x" / "a" / "b" / "home"
        run(runner, "--home", str(home), "start")
        run(runner, "--home", str(home), "target", "add", "Analyst")
        run(
            runner,
            "--home",
            str(home),
            "export",
            "-f",
            "csv",
            "--output",
            str(tmp_path / "exp" / "csv"),
        )
    finally:
        os.umask(old)
    made = [tmp_path / "x", tmp_path / "x" / "a", home, home / "stages", tmp_path / "exp"]
    made += [tmp_path / "exp" / "csv", home / ".backups"]
    for folder in made:
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder
    for file in [*home.rglob("*.toml"), *(tmp_path / "exp").rglob("*.csv")]:
        assert stat.S_IMODE(file.stat().st_mode) == 0o600, file


def held_without_details(home: Any) -> int:
    """The home's lock taken here, by another descriptor, its details not written (as a
    holder has them just after taking it, or just before letting go); closing it lets go."""
    import fcntl
    import os

    descriptor = os.open(home.lock_file, os.O_RDWR | os.O_CREAT, 0o600)
    fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    os.ftruncate(descriptor, 0)
    return descriptor


def test_a_refusal_names_the_holder_even_while_it_is_writing_its_details(
    started: Path,
) -> None:
    """The race: the second process looks while the holder has the lock but has not yet
    written who it is. It must wait a moment for the details, not call it anonymous."""
    import json
    import os
    import threading
    import time

    from careerpath.core.errors import Busy
    from careerpath.workbook.home import Home

    home = Home(started)
    descriptor = held_without_details(home)

    def write_details() -> None:
        time.sleep(0.2)
        details = {
            "command": "next",
            "pid": 4242,
            "host": "h",
            "user": "u",
            "since": "2026-11-25T09:00:00",
        }
        os.pwrite(descriptor, json.dumps(details).encode(), 0)

    writer = threading.Thread(target=write_details)
    writer.start()
    try:
        with pytest.raises(Busy) as refused, home.lock("report"):
            pass
    finally:
        writer.join()
        os.close(descriptor)
    assert "process 4242" in refused.value.message


def test_a_holder_letting_go_while_another_looks_lets_that_one_in(started: Path) -> None:
    """The lock is held with its details cleared (as a holder leaves them while letting go),
    then let go: a second command takes it rather than stop at "a process that did not say
    who it is"."""
    import os
    import threading
    import time

    from careerpath.workbook.home import Home

    home = Home(started)
    descriptor = held_without_details(home)

    def let_go() -> None:
        time.sleep(0.2)
        os.close(descriptor)

    leaving = threading.Thread(target=let_go)
    leaving.start()
    try:
        with home.lock("report"):
            held = home.lock_file.read_text(encoding="utf-8")
    finally:
        leaving.join()
    assert '"command": "report"' in held


def test_many_parallel_writers_every_refusal_names_its_holder(started: Path) -> None:
    import os
    import subprocess
    import sys

    env = {**os.environ, "CAREERPATH_HOME": str(started)}
    command = [sys.executable, "-m", "careerpath", "target", "add", "Analyst"]
    processes = [
        subprocess.Popen(
            command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        for _ in range(8)
    ]
    results = []
    for process in processes:
        _, error = process.communicate(timeout=60)
        results.append((process.returncode, error))
    for code, error in results:
        if code != 0:
            assert "another careerpath is using" in error, error
            assert "(process " in " ".join(error.split()), error
    added = sum(code == 0 for code, _ in results)
    listed = subprocess.run(
        [sys.executable, "-m", "careerpath", "target", "list"],
        env=env,
        capture_output=True,
        text=True,
    ).stdout
    assert listed.count("Analyst") == added >= 1


def test_archives_from_force_are_bounded(runner: Any, started: Path) -> None:
    from careerpath.storage.folder import BACKUPS_KEPT

    from conftest import run

    for _ in range(BACKUPS_KEPT + 3):
        run(runner, "start", "--force")
    assert len(list((started / ".backups").glob("workbook-[0-9]*"))) == BACKUPS_KEPT
    for _ in range(BACKUPS_KEPT + 2):
        run(runner, "program", "start", "--force", "--answers", str(_intake(started)))
    assert len(list((started / ".backups").glob("program-[0-9]*.toml"))) == BACKUPS_KEPT


def test_a_stdout_that_cannot_take_unicode_gets_replacements(hostile: Path) -> None:
    import os
    import subprocess
    import sys

    from conftest import TODAY

    env = {
        **os.environ,
        "CAREERPATH_HOME": str(hostile),
        "CAREERPATH_TODAY": TODAY.isoformat(),
        "PYTHONIOENCODING": "cp1252",
    }
    for command in (
        ["report"],
        ["export", "-f", "markdown"],
        ["export", "-f", "json"],
        ["due", "--all"],
    ):
        done = subprocess.run(
            [sys.executable, "-m", "careerpath", *command], env=env, capture_output=True
        )
        assert done.returncode == 0, (command, done.stderr.decode("cp1252", "replace"))
        assert b"Traceback" not in done.stderr
        done.stdout.decode("cp1252")  # it is cp1252 text


def test_a_delete_character_is_escaped_in_the_json_export(runner: Any) -> None:
    """DEL is ASCII, yet a terminal acts on it: the JSON export writes it as an escape,
    however little else of the export needs one."""
    import json

    from conftest import run

    run(runner, "start")
    run(runner, "target", "add", "--", "Data\x7f analyst")
    output = run(runner, "export", "-f", "json").output
    assert "\x7f" not in output
    assert "Data\\u007f analyst" in output
    targets = json.loads(output)["stages"][1]["answers"]["targets"]
    assert targets[0]["title"] == "Data\x7f analyst"
