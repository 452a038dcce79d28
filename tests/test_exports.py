"""`careerpath export`: every format parsed back with the library a person's tools would use."""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path
from typing import Any

import icalendar
import pytest
from typer.testing import CliRunner

from conftest import FULL_ANSWERS, run


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


def test_ics_parses_back_with_every_dated_item(runner: CliRunner, workbook: Path) -> None:
    text = run(runner, "export", "--format", "ics").output
    calendar = icalendar.Calendar.from_ical(text)
    events = {str(event["uid"]).split(".")[0]: event for event in calendar.walk("VEVENT")}
    assert set(events) == {"c1-follow-up", "a1-next", "a1-i1", "o1-deadline"}
    follow_up = events["c1-follow-up"]
    assert follow_up.decoded("dtstart") == dt.date(2026, 11, 28)
    assert follow_up.decoded("dtend") == dt.date(2026, 11, 29)  # all day
    assert str(follow_up["summary"]) == "Zoë Brontë (Acme, Inc.): follow up"
    interview = events["a1-i1"]
    assert interview.decoded("dtstart") == dt.datetime(2026, 11, 30, 14, 30)  # local time
    assert interview.decoded("duration") == dt.timedelta(hours=1)
    assert events["o1-deadline"].decoded("dtstart") == dt.date(2026, 12, 2)
    assert "careerpath done a1-next" in str(events["a1-next"]["description"])


def test_ics_uids_are_stable_so_a_new_export_updates_the_calendar(
    runner: CliRunner, workbook: Path, tmp_path: Path
) -> None:
    first = run(runner, "export", "-f", "ics").output
    run(runner, "done", "a1-next")
    second = run(runner, "export", "-f", "ics", "-o", str(tmp_path / "careerpath.ics")).output
    assert "Written to" in second
    before = {str(e["uid"]) for e in icalendar.Calendar.from_ical(first).walk("VEVENT")}
    raw = (tmp_path / "careerpath.ics").read_bytes()
    assert raw.startswith(b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")  # lines end as RFC 5545 says
    after_text = raw.decode()
    after = {str(e["uid"]) for e in icalendar.Calendar.from_ical(after_text).walk("VEVENT")}
    assert after == {uid for uid in before if not uid.startswith("a1-next.")}


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
