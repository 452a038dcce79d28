"""The occupation pack and ``careerpath occupations``: what a person searching, reading and
comparing occupations sees, at 80 columns."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from careerpath import occupations
from careerpath.core.errors import InvalidInput, NotFound

from conftest import flat, run

# (query, an occupation that must be among the first three)
EVERYDAY = [
    ("data scientist", "15-2051.00"),
    ("scientist data", "15-2051.00"),
    ("Data Scientists", "15-2051.00"),
    ("nurse", "29-1141.00"),
    ("registered nurses", "29-1141.00"),
    ("UX", "15-1255.00"),
    ("accountant", "13-2011.00"),
    ("software developer", "15-1252.00"),
    ("plumber", "47-2152.00"),
    ("truck driver", "53-3032.00"),
    ("electrician", "47-2111.00"),
    ("lawyer", "23-1011.00"),
    ("chef", "35-1011.00"),
    ("cashier", "41-2011.00"),
    ("waiter", "35-3031.00"),
    ("dentist", "29-1021.00"),
    ("pharmacist", "29-1051.00"),
    ("police officer", "33-3051.00"),
    ("firefighter", "33-2011.00"),
    ("graphic designer", "27-1024.00"),
    ("web developer", "15-1254.00"),
    ("carpenter", "47-2031.00"),
    ("welder", "51-4121.00"),
    ("barista", "35-3023.01"),
    ("hairdresser", "39-5012.00"),
    ("librarian", "25-4022.00"),
    ("airline pilot", "53-2011.00"),
    ("civil engineer", "17-2051.00"),
    ("physical therapist", "29-1123.00"),
    ("janitor", "37-2011.00"),
    ("receptionist", "43-4171.00"),
    ("marketing manager", "11-2021.00"),
    ("financial analyst", "13-2051.00"),
    ("real estate agent", "41-9022.00"),
    ("photographer", "27-4021.00"),
    ("veterinarian", "29-1131.00"),
    ("programmer", "15-1251.00"),
    ("CEO", "11-1011.00"),
    ("social worker", "21-1022.00"),
    ("elementary school teacher", "25-2021.00"),
    ("teacher", "25-2021.00"),
    ("developer", "15-1254.00"),
    ("engineer", "17-2051.00"),
    ("counselor", "21-1012.00"),
    ("therapist", "29-1123.00"),
    ("designer", "27-1024.00"),
    ("cook", "35-2014.00"),
    ("HR", "13-1071.00"),
    ("IT support", "15-1232.00"),
    ("security guard", "33-9032.00"),
    ("bookkeeper", "43-3031.00"),
    ("customer service", "43-4051.00"),
]


@pytest.mark.parametrize(("query", "expected"), EVERYDAY)
def test_everyday_searches_find_the_occupation_in_the_top_three(query: str, expected: str) -> None:
    found = [match.code for match in occupations.search(query, limit=3)]
    assert expected in found, (query, found)


def test_case_plural_and_word_order_do_not_change_the_best_match() -> None:
    best = {occupations.search(q, 1)[0].code for q in ["data scientist", "SCIENTISTS DATA"]}
    assert best == {"15-2051.00"}


@pytest.mark.parametrize("query", ["engineer", "managers", "Counselor", "cooks", "designer"])
def test_a_catch_all_is_not_the_best_match_for_a_bare_job_word(query: str) -> None:
    found = occupations.search(query, 3)
    assert not any(m.title.endswith(", All Other") for m in found), [m.title for m in found]


def test_a_big_occupation_that_only_mentions_the_word_does_not_crowd_the_list() -> None:
    found = [m.code for m in occupations.search("data", 10)]
    assert "15-1243.00" in found  # Database Architects
    assert "43-9061.00" not in found  # Office Clerks, General: "data" in its description


def test_a_catch_all_is_found_when_asked_for() -> None:
    assert occupations.search("Engineers, All Other", 1)[0].code == "17-2199.00"


def test_a_word_only_begun_still_finds_occupations() -> None:
    assert "15-1252.00" in [m.code for m in occupations.search("develop", 3)]


@pytest.mark.parametrize("text", ["", "   ", "the and of"])
def test_a_search_without_words_is_refused(text: str) -> None:
    with pytest.raises(InvalidInput):
        occupations.search(text)


def test_get_by_code_short_code_and_title() -> None:
    assert occupations.get("15-2051").code == "15-2051.00"
    assert occupations.get("data scientists").code == "15-2051.00"
    assert occupations.get("UX Designer").code in {"15-1253.00", "15-1255.00"}
    with pytest.raises(NotFound, match=r"99-9999\.00"):
        occupations.get("99-9999.00")


def test_a_profile_holds_what_a_person_needs_to_decide() -> None:
    assert occupations.get("15-1252.00").tasks[0].kind == "core"
    profile = occupations.get("15-2051.00")  # new in O*NET: its tasks are not rated yet
    assert profile.has_details and profile.tasks[0].kind == "other"
    assert [t.kind for t in profile.tasks] == sorted(
        (t.kind for t in profile.tasks), key=["core", "supplemental", "other"].index
    )
    assert list(profile.interests) == list("RIASEC") and profile.interest_code == "IC"
    assert profile.job_zone is not None and profile.job_zone.zone == 4
    assert profile.pay is not None and profile.pay.annual.median == 120230
    assert profile.pay.hourly.median == 57.80 and profile.pay_source is not None
    assert profile.pay_source.note is None
    assert profile.related and profile.alternate_titles


def test_a_specialty_and_a_grouped_occupation_say_whose_pay_it_is() -> None:
    specialty = occupations.get("15-2051.01")  # Business Intelligence Analysts
    assert specialty.pay_source is not None and specialty.pay_source.basis == "parent"
    assert "Data Scientists (15-2051)" in (specialty.pay_source.note or "")
    grouped = occupations.get("21-1014.00")  # Mental Health Counselors
    assert grouped.pay_source is not None and grouped.pay_source.soc == "21-1018"
    assert "together with related occupations" in (grouped.pay_source.note or "")


def test_titles_only_occupations_are_found_and_have_no_details() -> None:
    match = occupations.search("infantry", 3)
    assert "55-3016.00" in [m.code for m in match]
    profile = occupations.get("55-3016.00")
    assert not profile.has_details and not profile.tasks and profile.pay is None


def test_state_pay_by_abbreviation_or_name() -> None:
    profile = occupations.get("15-2051.00")
    by_code, by_name = (
        occupations.state_pay(profile, "ca"),
        occupations.state_pay(profile, "California"),
    )
    assert by_code == by_name and by_code is not None and by_code.area == "CA"
    with pytest.raises(NotFound, match=r"not a U\.S\. state"):
        occupations.state_pay(profile, "Bavaria")


# --- the commands ----------------------------------------------------------------------------


def _lines(text: str) -> list[str]:
    return text.rstrip("\n").split("\n")


def _assert_fits_without_cut_words(output: str, *sources: str) -> None:
    """No line past 80 columns, and every word shown is a whole word of what was printed
    (a word split across two lines would show as two pieces that are not words)."""
    assert all(len(line) <= 80 for line in _lines(output)), max(_lines(output), key=len)
    vocabulary = set(re.findall(r"[A-Za-z]+", " ".join(sources)))
    shown = set(re.findall(r"[A-Za-z]+", output))
    assert shown <= vocabulary, sorted(shown - vocabulary)


def _labels() -> str:
    from careerpath.cli import occupations as cli

    return Path(cli.__file__).read_text("utf-8") + Path(occupations.__file__).read_text("utf-8")


def test_show_at_80_columns(runner: CliRunner) -> None:
    output = run(runner, "occupations", "show", "15-2051.00").output
    profile = occupations.get("15-2051.00")
    source = json.dumps(
        json.loads(run(runner, "occupations", "show", "15-2051", "-f", "json").output)
    )
    _assert_fits_without_cut_words(output, source, _labels())
    text = flat(output)
    assert "Data Scientists (15-2051.00)" in text
    assert profile.tasks[0].text in text
    assert "job zone 4 of 5" in text and "code IC" in text
    assert "━" in output and "├" in output and "┤" in output and "┃" in output
    assert "$67,240" in text and "$199,130" in text and "median $120,230" in text
    assert "O*NET® 30.1 data" in text


def test_show_with_education_bars_and_a_borrowed_wage(runner: CliRunner) -> None:
    output = run(runner, "occupations", "show", "business intelligence analysts").output
    text = flat(output)
    assert "Bachelor's Degree" in text and "%" in text
    assert "these figures are for Data Scientists (15-2051)" in text


def test_show_json_parses_back(runner: CliRunner) -> None:
    data = json.loads(
        run(runner, "occupations", "show", "15-2051.00", "--area", "TX", "-f", "json").output
    )
    assert data["code"] == "15-2051.00" and data["pay"]["annual"]["median"] == 120230
    assert data["area_pay"]["area"] == "TX" and data["area_pay"]["annual"]["median"] > 0


def test_show_in_a_state(runner: CliRunner) -> None:
    text = flat(run(runner, "occupations", "show", "15-2051.00", "--area", "California").output)
    assert "California, USD per year" in text and "median $141,590" in text


def test_an_hourly_only_occupation_shows_an_hourly_range(runner: CliRunner) -> None:
    text = flat(run(runner, "occupations", "show", "27-2011.00").output)
    assert "USD per hour" in text and "median $29.05" in text


def test_an_unknown_occupation_is_a_clear_error(runner: CliRunner) -> None:
    result = run(runner, "occupations", "show", "99-9999.00", code=1)
    assert "no occupation has the code '99-9999.00'" in flat(result.output)
    assert "Find it with `careerpath occupations search WORDS`" in flat(result.output)
    result = run(runner, "occupations", "show", "data scientist person", code=1)
    assert "Closest: 15-2051.00 Data Scientists" in flat(result.output)


def test_search_command_and_its_errors(runner: CliRunner) -> None:
    output = run(runner, "occupations", "search", "data", "--limit", "5").output
    assert all(len(line) <= 80 for line in _lines(output))
    assert "15-2051.00" in output and "$120,230" in output
    data = json.loads(run(runner, "occupations", "search", "nurse", "-f", "json").output)
    assert data[0]["code"] == "29-1141.00" and data[0]["median_pay"] > 0
    assert "nothing to search for" in run(runner, "occupations", "search", " ", code=1).output
    assert "no occupation matches" in run(runner, "occupations", "search", "zzxqv", code=1).output


def test_compare_at_80_columns(runner: CliRunner) -> None:
    codes = ["15-2051.00", "15-1252.00", "27-2011.00", "55-3016.00"]
    output = run(runner, "occupations", "compare", *codes).output
    source = run(runner, "occupations", "compare", *codes, "-f", "json").output
    _assert_fits_without_cut_words(output, source, _labels())
    bars = [line for line in _lines(output) if line[:2].isdigit() and "├" in line]
    assert len(bars) == 2  # actors are paid by the hour; infantry has no pay
    # One scale: the 90th percentile furthest right is Software Developers'.
    assert bars[1].index("┤") > bars[0].index("┤")
    assert "per hour only" in output and "no BLS pay figures" in output
    assert len(json.loads(source)) == 4


def test_compare_needs_two(runner: CliRunner) -> None:
    assert "two or more" in run(runner, "occupations", "compare", "15-2051.00", code=1).output


def test_about_gives_the_full_credit(runner: CliRunner) -> None:
    text = flat(run(runner, "occupations", "about").output)
    assert flat(occupations.ONET_CREDIT) in text
    assert "Occupational Employment and Wage Statistics (OEWS), May 2025" in text
    assert "U.S. figures in U.S. dollars" in text
    assert json.loads(run(runner, "occupations", "about", "-f", "json").output)["oews_licence"]


def test_the_income_floor_is_marked_on_the_pay_range() -> None:
    from rich.console import Console

    from careerpath.cli.occupations import render_profile

    console = Console(width=80, record=True, no_color=True)
    render_profile(console, occupations.get("15-2051.00"), floor_usd=50000)
    text = console.export_text()
    assert "▼" in text and "your floor: $50,000" in text
    assert "$50,000  ▼" in text  # the floor below p10 widens the scale to it


@pytest.mark.parametrize("command", [["report"], ["next"], ["--help"]])
def test_commands_that_do_not_use_the_pack_never_import_it(
    command: list[str], tmp_path: Path
) -> None:
    home = tmp_path / "home"
    base = [sys.executable, "-X", "importtime", "-m", "careerpath", "--home", str(home)]
    subprocess.run([*base, "start"], capture_output=True, stdin=subprocess.DEVNULL, check=True)
    done = subprocess.run(
        [*base, *command], capture_output=True, text=True, stdin=subprocess.DEVNULL
    )
    assert "careerpath.cli" in done.stderr  # importtime did report
    assert "careerpath.occupations" not in done.stderr
    assert "sqlite3" not in done.stderr


def test_show_does_not_read_the_workbook_definition_for_the_floor(
    runner: CliRunner, started: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Only the answers file is read to mark the floor (show starts fast); a floor of
    another shape, typed by hand, is simply not marked."""
    from careerpath.workbook.home import Home

    def never(*args: object) -> None:
        raise AssertionError("the workbook definition was read")

    monkeypatch.setattr(Home, "read_definition", never)
    (started / "stages").mkdir(exist_ok=True)
    floor = started / "stages" / "exploration.toml"
    floor.write_text('income_floor = { amount = 90000, currency = "USD" }\n')
    assert "▼ your floor: $90,000." in flat(run(runner, "occupations", "show", "15-2051.00").output)
    floor.write_text('income_floor = { amount = "lots", currency = "USD" }\n')
    assert "▼" not in run(runner, "occupations", "show", "15-2051.00").output


@pytest.mark.parametrize(
    ("floor", "shown"),
    [
        ('{ amount = 90000, currency = "USD" }', "▼ your floor: $90,000."),
        ('{ amount = 40000, currency = "EUR" }', "Your income floor is in EUR, so it is not"),
    ],
)
def test_show_marks_the_persons_own_floor_only_in_usd(
    runner: CliRunner, started: Path, floor: str, shown: str
) -> None:
    (started / "stages").mkdir(exist_ok=True)
    (started / "stages" / "exploration.toml").write_text(f"income_floor = {floor}\n")
    output = run(runner, "occupations", "show", "15-2051.00").output
    assert shown in flat(output)
    assert ("▼" in output) == ("USD" in floor)
    assert all(len(line) <= 80 for line in _lines(output))
