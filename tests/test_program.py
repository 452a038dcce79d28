"""The program's pure rules: the timeline maths at different weeks, goals and their history,
homework states, check-in streaks, the re-assessment comparison, the file and the agenda."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from careerpath.core.errors import InvalidFiles, InvalidInput, NoProgram, NotFound
from careerpath.program import plan as programs
from careerpath.views import due
from careerpath.workbook import definition, program_file
from careerpath.workbook.definition import WorkbookDefinition
from careerpath.workbook.home import Home
from careerpath.workbook.program_file import Plan

START = date(2026, 9, 7)  # a Monday; three months run to 2026-12-07, 91 days, 13 weeks


def plan(months: int = 3) -> Plan:
    return Plan(start=START, months=months)


def at_week(week: int, day: int = 0) -> date:
    """The first day of program week ``week`` (1-based), plus ``day`` days."""
    return START + timedelta(weeks=week - 1, days=day)


# --- the schedule ----------------------------------------------------------------------------


def test_three_months_is_thirteen_weeks() -> None:
    timing = programs.schedule(plan(), START, [0] * 5)
    assert (timing.planned_end, timing.weeks, timing.week) == (date(2026, 12, 7), 13, 1)
    assert timing.phase == "running"
    assert timing.standing == "on track"


@pytest.mark.parametrize(
    ("week", "percents", "standing", "weeks_off"),
    [
        # Week 1, nothing done yet: the plan expects almost nothing either.
        (1, [0, 0, 0, 0, 0], "on track", 0),
        # Week 4 (3 weeks = 21 of 91 days gone, 1.15 stages expected), one stage done.
        (4, [100, 0, 0, 0, 0], "on track", 0),
        # Week 7 (42 days, 2.3 stages expected), still in the first stage: 1.5 stages short,
        # which over 13 weeks for 5 stages is about 4 weeks.
        (7, [60, 0, 0, 0, 0], "behind", -4),
        # Week 7 with three stages done: ahead by about 2 weeks.
        (7, [100, 100, 100, 0, 0], "ahead", 2),
        # Week 10 (63 days, 3.46 stages expected) with three and a half: on track.
        (10, [100, 100, 100, 50, 0], "on track", 0),
        # Week 13 (84 days, 4.6 stages expected) with 2.2 done: about 6 weeks behind.
        (13, [100, 100, 20, 0, 0], "behind", -6),
    ],
)
def test_on_track_or_behind_at_different_weeks(
    week: int, percents: list[int], standing: str, weeks_off: int
) -> None:
    timing = programs.schedule(plan(), at_week(week), percents)
    assert timing.week == week
    assert timing.standing == standing
    assert round(timing.delta_weeks) == weeks_off
    if standing != "on track":
        assert timing.describe() == f"{standing} by about {abs(weeks_off)} weeks"


def test_the_expected_stage_follows_the_time() -> None:
    assert programs.schedule(plan(), at_week(2), [0] * 5).expected_stage == 0
    assert programs.schedule(plan(), at_week(7), [0] * 5).expected_stage == 2
    assert programs.schedule(plan(), at_week(13, 6), [0] * 5).expected_stage == 4


def test_before_the_start_and_after_the_end() -> None:
    before = programs.schedule(plan(), START - timedelta(days=3), [0] * 5)
    assert (before.phase, before.week, before.standing) == ("not started", 0, "not started")
    assert before.describe() == "starts on Mon 7 Sep 2026"
    after = programs.schedule(plan(), date(2027, 1, 15), [100, 100, 100, 100, 100])
    assert (after.phase, after.week, after.elapsed) == ("over", 13, 1.0)
    assert (after.standing, after.describe()) == ("ended", "ended on Mon 7 Dec 2026")


def test_an_extension_moves_the_end_and_the_expectation() -> None:
    program = programs.new(START, 3)
    day = at_week(7)
    behind = programs.schedule(program.program, day, [100, 20, 0, 0, 0])
    programs.extend(program, 2, "a family matter took three weeks", day)
    extended = programs.schedule(program.program, day, [100, 20, 0, 0, 0])
    assert programs.planned_end(program.program) == date(2027, 2, 7)
    assert programs.total_months(program.program) == 5
    assert extended.weeks == 22
    assert extended.delta_weeks > behind.delta_weeks
    assert program.program.changes[0].reason == "a family matter took three weeks"
    assert program.program.months == 3  # the plan as first made is kept


def test_ending_early_is_recorded_not_rewritten() -> None:
    program = programs.new(START, 3)
    change = programs.end(program, "found a job", at_week(9))
    assert change is not None and change.kind == "ended"
    timing = programs.schedule(program.program, at_week(12), [100] * 5)
    assert (timing.phase, timing.end, timing.planned_end) == (
        "ended early",
        at_week(9),
        date(2026, 12, 7),
    )
    assert timing.week == 9
    with pytest.raises(InvalidInput, match="has ended, so it cannot be extended"):
        programs.extend(program, 1, "", at_week(12))
    # At or after the planned end, ending is not "early" and records nothing.
    late = programs.new(START, 3)
    assert programs.end(late, "", date(2026, 12, 8)) is None
    assert late.program.changes == []


def test_months_outside_two_to_six_are_refused() -> None:
    for months in (1, 7):
        with pytest.raises(InvalidInput, match=f"2 to 6 months, not {months}"):
            programs.new(START, months)
    with pytest.raises(InvalidInput, match="1 to 6 months at a time"):
        programs.extend(programs.new(START, 3), 7, "", START)


# --- goals -----------------------------------------------------------------------------------


def test_goal_history_keeps_every_wording_with_date_and_reason() -> None:
    program = programs.new(START, 3)
    goal = programs.add_goal(program, "Find any research job", START)
    programs.revise_goal(
        program, "g1", "Find a UX research job", "research is too broad", at_week(3)
    )
    programs.revise_goal(
        program, "G1", "Find a UX research job in health", "what I care about", at_week(6)
    )
    assert goal.text == "Find a UX research job in health"
    assert [(h.date, h.text, h.reason) for h in goal.history] == [
        (at_week(3), "Find any research job", "research is too broad"),
        (at_week(6), "Find a UX research job", "what I care about"),
    ]


def test_a_revision_needs_a_reason_and_a_change() -> None:
    program = programs.new(START, 3)
    programs.add_goal(program, "Decide", START)
    with pytest.raises(InvalidInput, match="say why"):
        programs.revise_goal(program, "g1", "Decide soon", " ", START)
    with pytest.raises(InvalidInput, match="already reads"):
        programs.revise_goal(program, "g1", "Decide", "same", START)


def test_goals_ids_states_and_the_limit_of_three() -> None:
    program = programs.new(START, 3)
    for text in ("one", "two", "three"):
        programs.add_goal(program, text, START)
    with pytest.raises(InvalidInput, match="3 open goals already"):
        programs.add_goal(program, "four", START)
    met = programs.close_goal(program, "g2", at_week(4))
    assert (met.status, met.closed) == ("met", at_week(4))
    assert programs.add_goal(program, "four", at_week(4)).id == "g4"
    with pytest.raises(NotFound, match="there is no goal 'g9'") as found:
        programs.find_goal(program, "g9")
    assert "g1 (one)" in (found.value.hint or "")
    # Revising a met goal changes its wording only: it stays met, with the day it was met,
    # so the three open goals stay three.
    programs.revise_goal(program, "g2", "two, properly", "clearer words", at_week(5))
    revised = programs.find_goal(program, "g2")
    assert (revised.status, revised.closed, revised.text) == ("met", at_week(4), "two, properly")
    assert len(programs.open_goals(program)) == 3


# --- homework --------------------------------------------------------------------------------


def test_homework_states_done_open_overdue_and_snoozed() -> None:
    program = programs.new(START, 3)
    today = at_week(3)
    late, _ = programs.add_homework(program, "late", START, due=at_week(2))
    soon, _ = programs.add_homework(program, "soon", START, due=at_week(4))
    undated, _ = programs.add_homework(program, "whenever", START)
    done, _ = programs.add_homework(program, "done", START, due=at_week(2))
    programs.finish_homework(program, done.id, at_week(2, 3))
    assert [programs.homework_state(h, today) for h in program.homework] == [
        "overdue",
        "open",
        "open",
        "done",
    ]
    assert programs.homework_counts(program, today) == programs.HomeworkCounts(
        done=1, open=3, overdue=1
    )
    programs.snooze_homework(program, late.id, at_week(3, 2))
    assert programs.homework_state(late, today) == "open"
    assert programs.due_on(late) == at_week(3, 2)
    assert late.due == at_week(2)  # the original date is kept
    assert programs.homework_state(late, at_week(4)) == "overdue"
    assert soon.stage is None and undated.due is None


def test_homework_due_dates_that_look_wrong_are_warned_about_not_refused() -> None:
    program = programs.new(START, 3)
    item, warning = programs.add_homework(program, "x", START, due=START - timedelta(days=2))
    assert warning == "its due date, Sat 5 Sep 2026, is before the program begins (Mon 7 Sep 2026)"
    assert item.due == START - timedelta(days=2)
    _, warning = programs.add_homework(program, "y", START, due=date(2027, 3, 1))
    assert warning is not None and "after the program ends (Mon 7 Dec 2026)" in warning
    _, warning = programs.add_homework(program, "z", at_week(3), due=at_week(2))
    assert warning is not None and "has already passed" in warning
    _, warning = programs.add_homework(program, "fine", START, due=at_week(2))
    assert warning is None


def test_unknown_homework_names_the_open_ones() -> None:
    program = programs.new(START, 3)
    programs.add_homework(program, "x", START)
    with pytest.raises(NotFound, match="there is no homework 'h5'") as found:
        programs.finish_homework(program, "h5", START)
    assert found.value.hint and "Open homework: h1" in found.value.hint


# --- check-ins -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("checkin_weeks", "today_week", "streak"),
    [
        ([], 3, 0),
        ([1, 2, 3], 3, 3),
        ([1, 2], 3, 2),  # this week has none yet: the streak is not broken until it ends
        ([1, 3], 3, 1),
        ([1, 2, 4], 6, 0),  # weeks 5 and 6 missed
        ([2, 3, 4, 5], 5, 4),
    ],
)
def test_checkin_streak_counts_consecutive_weeks(
    checkin_weeks: list[int], today_week: int, streak: int
) -> None:
    days = [at_week(week, 2) for week in checkin_weeks]
    assert programs.checkin_streak(plan(), days, at_week(today_week, 3)) == streak


def test_two_checkins_in_one_week_count_once() -> None:
    days = [at_week(1, 1), at_week(1, 5), at_week(2, 0)]
    assert programs.checkin_streak(plan(), days, at_week(2, 1)) == 2


def test_a_checkin_is_due_in_each_program_week_without_one() -> None:
    program = programs.new(START, 3)
    assert not programs.checkin_due(program, at_week(1, 6))  # the intake is week 1's
    assert programs.checkin_due(program, at_week(2))
    programs.save_checkin_answer(program, at_week(2, 5), "energy", 3)
    assert not programs.checkin_due(program, at_week(2, 6))
    # A new program week wants its own check-in, though the last was two days ago: the same
    # weeks as the streak counts, not seven days since the last one.
    assert programs.checkin_due(program, at_week(3))
    assert programs.checkin_streak(program.program, [at_week(2, 5)], at_week(3)) == 1
    assert not programs.checkin_due(program, date(2027, 1, 1))  # over: no more check-ins


def test_checkin_answers_build_one_record_per_day() -> None:
    program = programs.new(START, 3)
    programs.save_checkin_answer(program, at_week(2), "did", "two calls")
    programs.save_checkin_answer(program, at_week(2), "energy", 4)
    programs.save_checkin_answer(program, at_week(1), "energy", 2)
    assert [c.date for c in program.checkins] == [at_week(1), at_week(2)]
    assert program.checkins[1].answers == {"did": "two calls", "energy": 4}


# --- re-assessment ---------------------------------------------------------------------------


def test_the_reassessment_shows_the_change(book: WorkbookDefinition) -> None:
    questions = program_file.questions_of(book).intake
    intake = {"want_by_end": "A direction.", "confidence": 2, "hours": 5}
    closing = {
        "want_by_end": "An offer.",
        "confidence": 4,
        "hours": 3,
        "support": ["Interview practice"],
    }
    lines = {line.question: line for line in programs.compare(questions, intake, closing)}
    assert (lines["confidence"].before, lines["confidence"].after) == ("2 of 5", "4 of 5")
    assert lines["confidence"].change == 2
    assert lines["hours"].change == -2
    assert lines["want_by_end"].change is None
    assert (lines["support"].before, lines["support"].after) == (None, "Interview practice")
    assert "in_the_way" not in lines  # answered neither time


# --- the file --------------------------------------------------------------------------------


@pytest.fixture
def home(home_dir: Path) -> Home:
    home = Home(home_dir)
    home.create(definition.resolve("default"), now=datetime(2026, 9, 7, 9))
    return home


def test_the_file_round_trips_and_reads_well(home: Home, book: WorkbookDefinition) -> None:
    program = programs.new(START, 3)
    program.intake.update(want_by_end="A direction.", confidence=2, hours=5)
    programs.add_goal(program, "Decide", START)
    programs.revise_goal(program, "g1", "Decide by December", "a date helps", at_week(2))
    programs.add_homework(program, "Reach out", START, due=at_week(2), stage="networking")
    programs.save_checkin_answer(program, at_week(2), "energy", 3)
    programs.extend(program, 1, "holidays", at_week(5))
    home.write_program(book, program)
    text = home.program_file.read_text()
    assert "start = 2026-09-07\nmonths = 3\n" in text
    assert "[[goals]]" in text and "[[homework]]" in text
    plan_table = text.split("[program]")[1].split("[intake]")[0]
    assert "end =" not in plan_table  # the end date is derived, never stored
    loaded = home.load().program
    assert loaded == program
    assert oct(home.program_file.stat().st_mode & 0o777) == "0o600"


def test_a_broken_program_file_names_line_and_field_and_is_not_overwritten(
    home: Home, book: WorkbookDefinition
) -> None:
    home.write_program(book, programs.new(START, 3))
    text = home.program_file.read_text()
    text += (
        "\n[[checkins]]\ndate = 2026-09-14\nenergy = 9\n\n"
        '[[homework]]\nid = "h1"\ntext = "x"\nadded = 2026-09-07\nstage = "nowhere"\n'
    )
    home.program_file.write_text(text)
    lines = text.splitlines()
    with pytest.raises(InvalidFiles) as broken:
        home.load()
    problem = str(broken.value.problems[0])
    assert f"program.toml:{lines.index('energy = 9') + 1}: checkins[1].energy:" in problem
    assert "less than or equal to 5" in problem
    with pytest.raises(InvalidFiles):
        home.update_program(book, lambda p: programs.add_goal(p, "x", START))
    assert home.program_file.read_text() == text
    # With the check-in fixed, the unknown stage is named.
    home.program_file.write_text(text.replace("energy = 9", "energy = 4"))
    with pytest.raises(InvalidFiles) as broken:
        home.load()
    assert "homework.h1.stage: unknown stage 'nowhere'" in str(broken.value.problems[0])


def test_no_program_says_how_to_start_one(home: Home, book: WorkbookDefinition) -> None:
    assert home.load().program is None
    with pytest.raises(NoProgram) as missing:
        home.update_program(book, lambda p: None)
    assert "careerpath program start" in (missing.value.hint or "")


def coach_workbook(tmp_path: Path) -> Path:
    """The default workbook as a coach might have written it: no program, no homework."""
    import tomllib

    import tomli_w

    raw = tomllib.loads((Path(__file__).parents[1] / "workbooks" / "default.toml").read_text())
    del raw["program"]
    for stage in raw["stages"]:
        del stage["homework"]
    path = tmp_path / "coach.toml"
    path.write_text(tomli_w.dumps(raw))
    return path


def test_a_coachs_workbook_without_a_program_table_uses_the_built_in_questions(
    tmp_path: Path, book: WorkbookDefinition
) -> None:
    coach = definition.load(coach_workbook(tmp_path))
    assert coach.program is None
    assert all(stage.homework == [] for stage in coach.stages)
    assert program_file.questions_of(coach) is book.program


def test_program_questions_are_checked_in_the_definition() -> None:
    raw = definition.load_builtin().model_dump(mode="python", exclude_defaults=True)
    raw["program"]["checkin"][0]["id"] = "date"
    with pytest.raises(Exception, match="'date' is kept for the date itself"):
        WorkbookDefinition.model_validate(raw)


# --- the agenda ------------------------------------------------------------------------------


def test_dated_homework_is_an_agenda_source(home: Home, book: WorkbookDefinition) -> None:
    program = programs.new(START, 3)
    programs.add_homework(
        program, "Reach out to two people", START, due=at_week(2), stage="networking"
    )
    programs.add_homework(program, "No date", START)
    programs.add_homework(program, "Done already", START, due=at_week(1))
    programs.finish_homework(program, "h3", START)
    home.write_program(book, program)
    workbook = home.load()
    source = programs.HomeworkSource()
    (item,) = source.items(workbook, at_week(3))
    assert (item.id, item.what, item.title, item.due, item.stage) == (
        "h1",
        "homework",
        "Reach out to two people",
        at_week(2),
        "networking",
    )
    assert [i.id for i in due.collect(workbook, at_week(3)) if i.what == "homework"] == ["h1"]

    assert source.snooze(home, workbook, "h1", at_week(4))
    assert source.items(home.load(), at_week(3))[0].due == at_week(4)
    assert not source.snooze(home, workbook, "c1", at_week(4))  # not homework: another source's
    assert source.done(home, workbook, "h1", at_week(3))
    assert source.items(home.load(), at_week(3)) == []
    assert home.load().program.homework[0].done == at_week(3)  # type: ignore[union-attr]
    assert not source.done(home, workbook, "h9", at_week(3))


def test_no_program_no_agenda_items(home: Home) -> None:
    workbook = home.load()
    source = programs.HomeworkSource()
    assert source.items(workbook, START) == []
    assert not source.done(home, workbook, "h1", START)
