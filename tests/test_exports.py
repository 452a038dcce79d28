"""`careerpath export`: every format parsed back with the library a person's tools would use."""

from __future__ import annotations

import csv
import datetime as dt
import json
import shutil
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import icalendar
import pytest
from typer.testing import CliRunner

from conftest import FULL_ANSWERS, flat, run


@pytest.fixture
def workbook(runner: CliRunner, home_dir: Path, write_answers: Any) -> Path:
    """A workbook with records of every kind, and an item of every dated kind."""
    run(runner, "start")
    run(runner, "next", "--answers", str(write_answers("exploration")))
    run(runner, "target", "add", "UX researcher", "--salary", "50k-70k EUR", "--fit", "Autonomy=5")
    run(runner, "contact", "add", "Zoë Brontë", "--org", "Acme, Inc.", "--follow-up", "2026-12-02")
    run(runner, "contact", "log", "c1", "-m", 'Talked; she said "apply"', "--follow-up", "3d")
    run(runner, "app", "add", "Acme", "UX researcher", "--status", "applied", "--date", "-20d")
    run(runner, "app", "move", "a1", "screening", "--date", "-5d")
    run(runner, "app", "edit", "a1", "--next-action", "Send samples", "--due", "2026-11-27")
    run(runner, "app", "interview", "a1", "--at", "2026-11-30 14:30", "--round", "2")
    run(runner, "offer", "add", "Beta", "--role", "Lead", "--base", "60000 EUR", "--deadline", "1w")
    run(runner, "offer", "negotiate", "o1", "--asked", "65k", "--answer", "62k")
    return home_dir


ZONE = ZoneInfo("America/New_York")


@pytest.fixture
def zone(monkeypatch: pytest.MonkeyPatch) -> None:
    """The person lives in New York, whatever zone the machine running the tests is in."""
    monkeypatch.setenv("CAREERPATH_TIMEZONE", "America/New_York")


def events_of(text: str) -> dict[str, Any]:
    """The events of an ICS export by item id (the UID before its first dot)."""
    calendar = icalendar.Calendar.from_ical(text)
    return {str(event["uid"]).split(".")[0]: event for event in calendar.walk("VEVENT")}


def test_ics_parses_back_with_every_dated_item(
    runner: CliRunner, workbook: Path, zone: None
) -> None:
    text = run(runner, "export", "--format", "ics").output
    events = events_of(text)
    assert set(events) == {"c1-follow-up", "a1-next", "a1-i1", "o1-deadline"}
    follow_up = events["c1-follow-up"]
    assert follow_up.decoded("dtstart") == dt.date(2026, 11, 28)
    assert follow_up.decoded("dtend") == dt.date(2026, 11, 29)  # all day
    assert str(follow_up["summary"]) == "Zoë Brontë (Acme, Inc.): follow up"
    interview = events["a1-i1"]
    assert interview.decoded("dtstart") == dt.datetime(2026, 11, 30, 14, 30, tzinfo=ZONE)
    assert interview["dtstart"].params["TZID"] == "America/New_York"
    assert interview.decoded("duration") == dt.timedelta(hours=1)
    (timezone,) = icalendar.Calendar.from_ical(text).walk("VTIMEZONE")
    assert str(timezone["tzid"]) == "America/New_York"
    assert text.index("BEGIN:VTIMEZONE") < text.index("BEGIN:VEVENT")
    assert events["o1-deadline"].decoded("dtstart") == dt.date(2026, 12, 2)
    assert "careerpath done a1-next" in str(events["a1-next"]["description"])
    for event in events.values():
        assert event.decoded("dtstamp").tzinfo is not None
        assert event.decoded("sequence") == 0
        assert "status" not in event
    (alarm,) = interview.walk("VALARM")
    assert alarm.decoded("trigger") == -dt.timedelta(days=1)  # the same time the day before
    (alarm,) = follow_up.walk("VALARM")
    assert alarm.decoded("trigger") == -dt.timedelta(hours=15)  # 9:00 the day before


def test_ics_without_reminders(runner: CliRunner, workbook: Path) -> None:
    assert "BEGIN:VALARM" not in run(runner, "export", "-f", "ics", "--no-remind").output


def test_done_and_snoozed_items_update_a_calendar_that_imported_an_earlier_export(
    runner: CliRunner, workbook: Path, zone: None, tmp_path: Path
) -> None:
    first = events_of(run(runner, "export", "-f", "ics").output)
    run(runner, "done", "a1-next")
    run(runner, "snooze", "c1-follow-up", "2026-12-05")
    shutil.rmtree(workbook / ".cache", ignore_errors=True)  # the record is no cache
    run(runner, "export", "-f", "ics", "-o", str(tmp_path / "careerpath.ics"))
    raw = (tmp_path / "careerpath.ics").read_bytes()
    assert raw.startswith(b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")  # lines end as RFC 5545 says
    second = events_of(raw.decode())
    assert set(second) == set(first)  # same UIDs: the calendar updates, never doubles
    done = second["a1-next"]
    assert done["status"] == "CANCELLED"
    assert done.decoded("sequence") > first["a1-next"].decoded("sequence")
    assert done.decoded("dtstart") == first["a1-next"].decoded("dtstart")
    snoozed = second["c1-follow-up"]
    assert snoozed.decoded("dtstart") == dt.date(2026, 12, 5)
    assert snoozed.decoded("sequence") > first["c1-follow-up"].decoded("sequence")
    assert "status" not in snoozed
    assert second["o1-deadline"].decoded("sequence") == 0  # unchanged, so not renumbered
    record = (workbook / ".exports" / "calendar.toml").read_bytes()
    third = events_of(run(runner, "export", "-f", "ics").output)
    assert {key: event.decoded("sequence") for key, event in third.items()} == {
        key: event.decoded("sequence") for key, event in second.items()
    }
    assert third["a1-next"]["status"] == "CANCELLED"  # for a calendar that missed one
    assert (workbook / ".exports" / "calendar.toml").read_bytes() == record  # nothing changed


def test_a_removed_record_cancels_its_events(runner: CliRunner, workbook: Path) -> None:
    run(runner, "export", "-f", "ics")
    run(runner, "app", "remove", "a1", "--yes")
    events = events_of(run(runner, "export", "-f", "ics").output)
    assert events["a1-i1"]["status"] == "CANCELLED" and events["a1-next"]["status"] == "CANCELLED"
    assert events["a1-i1"].decoded("sequence") == 1
    assert "status" not in events["c1-follow-up"]


def test_cancelled_events_are_dropped_after_a_while(runner: CliRunner, workbook: Path) -> None:
    run(runner, "export", "-f", "ics")
    run(runner, "done", "a1-next")
    run(runner, "export", "-f", "ics")
    later = run(runner, "export", "-f", "ics", today="2027-02-20").output  # 87 days on
    assert "a1-next" in events_of(later)
    much_later = run(runner, "export", "-f", "ics", today="2027-02-24").output  # 91
    assert "a1-next" not in events_of(much_later)


def test_a_broken_calendar_record_is_named_and_kept(runner: CliRunner, workbook: Path) -> None:
    record = workbook / ".exports" / "calendar.toml"
    record.parent.mkdir()
    record.write_text("[events.x]\nsequence = -1\n")
    result = run(runner, "export", "-f", "ics", code=1)
    assert "calendar.toml" in result.output and "sequence" in result.output
    assert record.read_text() == "[events.x]\nsequence = -1\n"


def test_the_time_zone_comes_from_careerpath_then_the_system(
    runner: CliRunner, workbook: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from careerpath.views.exports import person_timezone

    monkeypatch.delenv("CAREERPATH_TIMEZONE", raising=False)
    monkeypatch.setenv("TZ", "Asia/Tokyo")
    assert person_timezone() == "Asia/Tokyo"
    interview = events_of(run(runner, "export", "-f", "ics").output)["a1-i1"]
    assert interview["dtstart"].params["TZID"] == "Asia/Tokyo"
    run(runner, "config", "set", "timezone", "America/Chicago")  # the setting beats the system
    assert person_timezone() == "America/Chicago"
    monkeypatch.setenv("CAREERPATH_TIMEZONE", "Europe/Lisbon")
    assert person_timezone() == "Europe/Lisbon"
    monkeypatch.setenv("CAREERPATH_TIMEZONE", "Mars/Olympus")
    result = run(runner, "export", "-f", "ics", code=1)
    assert "CAREERPATH_TIMEZONE='Mars/Olympus' is not a time zone" in result.output


def test_json_has_everything_with_what_careerpath_works_out(
    runner: CliRunner, workbook: Path
) -> None:
    data = json.loads(run(runner, "export", "--format", "json").output)
    assert data["export_version"] == 1
    assert data["generated"] == "2026-11-25"
    stages = {stage["id"]: stage for stage in data["stages"]}
    assert stages["exploration"]["status"] == "complete"
    assert stages["exploration"]["answers"]["values"] == FULL_ANSWERS["exploration"]["values"]
    (application,) = stages["applying"]["answers"]["applications"]
    # Adding the interview moved it on from screening.
    assert [m["status"] for m in application["history"]] == ["applied", "screening", "interviewing"]
    assert application["interviews"][0]["at"] == "2026-11-30T14:30:00"
    derived = data["derived"]
    assert derived["applications"]["a1"]["status"] == "interviewing"
    assert derived["applications"]["a1"]["last_movement"] == "2026-11-30"
    assert derived["targets"]["t1"]["fit"] == 5.0
    assert derived["targets"]["t1"]["pay_low_per_year"] == 50000
    assert derived["contacts"]["c1"]["conversations"] == 1
    assert derived["offers"]["o1"]["score"] is not None
    assert [item["id"] for item in data["due"]] == [
        "a1-next",
        "c1-follow-up",
        "a1-i1",
        "o1-deadline",
    ]
    assert data["report"]["pipeline"]["total"] == 1


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as stream:
        return list(csv.DictReader(stream))


def test_csv_writes_one_file_per_kind_of_record(
    runner: CliRunner, workbook: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "export"
    result = run(runner, "export", "--format", "csv", "--output", str(folder))
    assert "Written 10 files to" in result.output
    assert (folder / "contacts.csv").read_bytes().startswith(b"\xef\xbb\xbf")  # for Excel
    (contact,) = read_csv(folder / "contacts.csv")
    assert contact["name"] == "Zoë Brontë" and contact["organisation"] == "Acme, Inc."
    assert contact["status"] == "talked" and contact["conversations"] == "1"
    (talk,) = read_csv(folder / "conversations.csv")
    assert talk["contact_id"] == "c1" and talk["summary"] == 'Talked; she said "apply"'
    (application,) = read_csv(folder / "applications.csv")
    assert (application["id"], application["status"], application["since"]) == (
        "a1",
        "interviewing",
        "2026-11-25",
    )
    history = read_csv(folder / "application_history.csv")
    assert [(row["date"], row["status"]) for row in history] == [
        ("2026-11-05", "applied"),
        ("2026-11-20", "screening"),
        ("2026-11-25", "interviewing"),
    ]
    (interview,) = read_csv(folder / "interviews.csv")
    assert interview["at"] == "2026-11-30 14:30" and interview["round"] == "2"
    (target,) = read_csv(folder / "targets.csv")
    assert (target["salary_low"], target["pay_high_per_year"], target["fit"]) == (
        "50000",
        "70000",
        "5",
    )
    (offer,) = read_csv(folder / "offers.csv")
    assert (offer["base_pay"], offer["currency"], offer["deadline"]) == (
        "60000",
        "EUR",
        "2026-12-02",
    )
    (exchange,) = read_csv(folder / "negotiation.csv")
    assert (exchange["asked"], exchange["answer"]) == ("65k", "62k")
    answers = read_csv(folder / "answers.csv")
    assert {"stage": "exploration", "question": "clarity"}.items() <= answers[2].items()
    assert read_csv(folder / "answers.csv")[2]["answer"] == "2 of 5"
    assert oct((folder / "offers.csv").stat().st_mode & 0o777) == "0o600"


TRICKY = ["Writing; editing", 'Said "yes", then no', "two\nlines", "=SUM(A1)", "Zoë, \\ ü"]
"""List items a '; '-joined cell could not give back."""


def test_csv_lists_read_back_as_the_lists_that_were_typed(
    runner: CliRunner, started: Path, write_answers: Any, tmp_path: Path
) -> None:
    answers = FULL_ANSWERS["exploration"] | {"energisers": TRICKY, "skills": TRICKY[::-1]}
    run(runner, "next", "--answers", str(write_answers("exploration", answers)))
    tasks = [arg for task in TRICKY for arg in ("--task", task)]
    run(runner, "target", "add", "Writer", *tasks, "--source", "O*NET; BLS")
    folder = tmp_path / "csv"
    run(runner, "export", "-f", "csv", "-o", str(folder))
    rows = {row["question"]: row for row in read_csv(folder / "answers.csv")}
    assert json.loads(rows["energisers"]["json"]) == TRICKY
    assert json.loads(rows["skills"]["json"]) == TRICKY[::-1]
    for question, value in answers.items():  # every answer, exactly as given
        assert json.loads(rows[question]["json"]) == value, question
    (target,) = read_csv(folder / "targets.csv")
    assert json.loads(target["tasks"]) == TRICKY
    assert json.loads(target["sources"]) == ["O*NET; BLS"]
    assert target["open_questions"] == ""  # none: an empty cell, not "[]" or "null"
    for path in folder.glob("*.csv"):  # any list, in any file, is one JSON cell
        assert path.read_bytes().startswith(b"\xef\xbb\xbf")
        for row in read_csv(path):
            for cell in row.values():
                if cell.startswith("["):
                    assert isinstance(json.loads(cell), list)


def test_csv_needs_a_folder(runner: CliRunner, workbook: Path, tmp_path: Path) -> None:
    result = run(runner, "export", "--format", "csv", code=1)
    assert "give a folder with --output" in result.output
    file = tmp_path / "a-file"
    file.write_text("x")
    result = run(runner, "export", "-f", "csv", "-o", str(file), code=1)
    assert "is a file; CSV export needs a folder" in result.output


def test_markdown_is_the_report_then_every_answer(runner: CliRunner, workbook: Path) -> None:
    text = run(runner, "export", "--format", "markdown").output
    assert text.startswith("# Your career path: where I stand")
    assert "# Everything I have written down" in text
    assert "## Exploration" in text and "- **Top values:** 1. Autonomy" in text
    assert "#### a1 Acme: UX researcher" in text
    assert "- Date: 2026-11-20; Status: screening" in text
    assert "#### c1 Zoë Brontë (Acme, Inc.)" in text
    assert 'Summary: Talked; she said "apply"' in text
    assert "## Closing" in text and "- **Base pay:** 60,000 EUR" in text


def test_every_format_works_on_a_new_workbook(
    runner: CliRunner, home_dir: Path, tmp_path: Path
) -> None:
    run(runner, "start")
    assert "BEGIN:VEVENT" not in run(runner, "export", "-f", "ics").output
    assert json.loads(run(runner, "export", "-f", "json").output)["due"] == []
    assert "*Nothing yet.*" in run(runner, "export", "-f", "markdown").output
    run(runner, "export", "-f", "csv", "-o", str(tmp_path / "csv"))
    assert read_csv(tmp_path / "csv" / "applications.csv") == []


def test_the_program_is_exported_too(runner: CliRunner, workbook: Path, tmp_path: Path) -> None:
    intake = tmp_path / "intake.toml"
    intake.write_text(
        'want_by_end = "A clear direction."\nin_the_way = "Time."\nhours = 5\n'
        'confidence = 2\ngoals = ["Talk to five people in the field"]\n'
    )
    checkin = tmp_path / "checkin.toml"
    checkin.write_text('did = "Messaged Sam."\nenergy = 3\nfocus = "Coffee with Sam"\n')
    run(runner, "program", "start", "--answers", str(intake))
    run(runner, "homework", "add", "Reach out to two people", "--due", "2026-12-01")
    run(runner, "snooze", "h1", "2026-12-04")
    run(runner, "checkin", "--answers", str(checkin))
    data = json.loads(run(runner, "export", "--format", "json").output)
    program = data["program"]
    assert program["intake"]["want_by_end"] == "A clear direction."
    assert program["goals"][0]["text"] == "Talk to five people in the field"
    assert (
        program["homework"][0] | {"due": "2026-12-01", "snoozed": "2026-12-04"}
        == program["homework"][0]
    )
    assert program["checkins"][0]["did"] == "Messaged Sam."
    text = run(runner, "export", "--format", "markdown").output
    everything = text[text.index("# Everything I have written down") :]
    assert "## Program" in everything and "### Intake" in everything
    assert "A clear direction." in everything
    assert "- h1 Reach out to two people: due 2026-12-01, snoozed to 2026-12-04" in everything
    assert "### Check-in 2026-11-25" in everything and "Messaged Sam." in everything
    run(runner, "export", "--format", "csv", "--output", str(tmp_path / "csv"))
    (homework,) = read_csv(tmp_path / "csv" / "homework.csv")
    assert (homework["id"], homework["due"], homework["snoozed"]) == (
        "h1",
        "2026-12-01",
        "2026-12-04",
    )


def test_without_a_program_the_export_says_so(runner: CliRunner, workbook: Path) -> None:
    assert json.loads(run(runner, "export", "--format", "json").output)["program"] is None
    assert "## Program" not in run(runner, "export", "--format", "markdown").output


HOSTILE_LINE = "Ann *bold* _it_ `code` <b>x</b> &copy; [l](http://x) | a\\b # ~~s~~ 2 * 3"
HOSTILE_TEXT = (
    "1. first\n# heading\n- item\n> quote\n***\n    indented\n\n    code after a blank\n"
    "Setext?\n===\n+ plus\n<div>html</div>\n&amp; entity\n`tick` and ``double``\n~~~\n```\n"
    "ends with a backslash\\"
)


def rendered_text(markdown: str) -> str:
    """What a CommonMark reader shows: the text of every block, a line per block. No HTML,
    indented code or link comes from what was typed."""
    from markdown_it import MarkdownIt

    pieces: list[str] = []
    for token in MarkdownIt("commonmark").enable("table").parse(markdown):
        assert token.type not in {"html_block", "code_block"}, token
        if token.type == "inline":
            for child in token.children or []:
                assert child.type not in {"html_inline", "link_open", "image"}, child
                if child.type in {"text", "code_inline"}:
                    pieces.append(child.content)
                elif child.type in {"softbreak", "hardbreak"}:
                    pieces.append("\n")
        elif token.type.endswith("_close"):
            pieces.append("\n")
    return "".join(pieces)


def spaced(text: str) -> str:
    return " ".join(text.split())


def test_markdown_renders_what_was_typed_and_commands_as_code(
    runner: CliRunner, started: Path, write_answers: Any, tmp_path: Path
) -> None:
    answers = FULL_ANSWERS["exploration"] | {
        "where_now": HOSTILE_TEXT,
        "where_to": "1. " + HOSTILE_LINE,
        "energisers": [HOSTILE_LINE, "- not a list"],
    }
    run(runner, "next", "--answers", str(write_answers("exploration", answers)))
    run(
        runner,
        *("target", "add", HOSTILE_LINE, "--notes", HOSTILE_TEXT),
        *("--task", "# not a heading", "--task", "Writing; editing", "--task", "1. first"),
    )
    run(runner, "contact", "add", "Zoë <Kim>", "--org", "AT&T_", "--follow-up", "2026-12-02")
    run(runner, "app", "add", "*Acme*", "`rm -rf`", "--notes", HOSTILE_LINE)
    intake = tmp_path / "intake.toml"
    intake.write_text(
        'want_by_end = "A *clear* direction."\nin_the_way = "Time."\nhours = 5\n'
        'confidence = 2\ngoals = ["Talk to _five_ people <soon>"]\n'
    )
    run(runner, "program", "start", "--answers", str(intake))
    run(runner, "homework", "add", "Read [this](x) & `that`", "--due", "2026-12-01")
    markdown = run(runner, "export", "--format", "markdown").output
    shown = rendered_text(markdown)
    typed = [
        HOSTILE_LINE,
        *HOSTILE_TEXT.split("\n"),
        "1. " + HOSTILE_LINE,
        "- not a list",
        "# not a heading",
        "Zoë <Kim>",
        "AT&T_",
        "*Acme*: `rm -rf`",
        "`rm -rf`",
        "*Acme*",
        "A *clear* direction.",
        "Talk to _five_ people <soon>",
        "Read [this](x) & `that`",
    ]
    for text in typed:
        assert spaced(text) in spaced(shown), text
    left = spaced(shown)
    for text in sorted(typed, key=len, reverse=True):
        left = left.replace(spaced(text), "")
    lines = [line for line in shown.splitlines() if line]
    at = lines.index("Tasks:")  # then one item a line, each as typed
    assert lines[at + 1 : at + 4] == ["# not a heading", "Writing; editing", "1. first"]
    assert "\\" not in left  # no escape shows that a person did not type
    assert "`" not in left  # commands are code spans, not quoted with backticks
    assert "`careerpath due`" in markdown  # a code span, rendered as code
    assert "\\`careerpath" not in markdown and "`careerpath " in markdown


def test_pack_data_travels_with_its_code_and_credit_in_every_format(
    runner: CliRunner, started: Path, tmp_path: Path
) -> None:
    from careerpath.occupations import BLS_CREDIT, ONET_CREDIT

    run(runner, "target", "add", "--from", "15-2051.00")
    data = json.loads(run(runner, "export", "-f", "json").output)
    assert data["credits"] == [ONET_CREDIT, BLS_CREDIT]
    (target,) = data["stages"][1]["answers"]["targets"]
    assert target["occupation"] == "15-2051.00"
    shown = rendered_text(run(runner, "export", "-f", "markdown").output)
    assert "Occupation: 15-2051.00" in shown
    assert ONET_CREDIT in shown and BLS_CREDIT in shown  # O*NET® shows as written
    folder = tmp_path / "csv"
    result = run(runner, "export", "-f", "csv", "-o", str(folder))
    assert "credits.txt" in result.output
    assert read_csv(folder / "targets.csv")[0]["occupation"] == "15-2051.00"
    assert (folder / "credits.txt").read_text(encoding="utf-8").split("\n\n") == [
        ONET_CREDIT,
        BLS_CREDIT + "\n",
    ]


def test_without_pack_data_there_is_no_credit(
    runner: CliRunner, workbook: Path, tmp_path: Path
) -> None:
    assert "credits" not in json.loads(run(runner, "export", "-f", "json").output)
    assert "## Credits" not in run(runner, "export", "-f", "markdown").output
    run(runner, "export", "-f", "csv", "-o", str(tmp_path / "csv"))
    assert not (tmp_path / "csv" / "credits.txt").exists()


def test_a_home_careerpath_cannot_write_still_gets_its_calendar(
    runner: CliRunner, workbook: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno

    from careerpath.core.errors import CannotWrite
    from careerpath.workbook.home import Home

    def read_only(self: Home, command: str) -> Any:
        raise CannotWrite(self.lock_file, OSError(errno.EROFS, "Read-only file system"))

    monkeypatch.setattr(Home, "lock", read_only)
    result = run(runner, "export", "-f", "ics")
    assert (
        f"careerpath cannot write in {workbook}, so this calendar is exported without a record"
        in flat(result.output)
    )
    assert set(events_of(result.stdout)) == {"c1-follow-up", "a1-next", "a1-i1", "o1-deadline"}
    assert not (workbook / ".exports").exists()


def test_an_export_written_to_a_file_keeps_a_character_split_between_pieces(
    tmp_path: Path,
) -> None:
    # A kept export is read back a slice at a time; a slice can end inside a character.
    from careerpath.cli.base import write_output

    out = tmp_path / "export.json"
    write_output(out, [b'{"name": "Caf', b"\xc3", b"\xa9 \xe2\x80", b'\x94 ok"}\n'])
    assert out.read_text(encoding="utf-8") == '{"name": "Café — ok"}\n'
