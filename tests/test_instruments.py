"""The interest inventory, the work-values sort and `careerpath explore`: scoring on simulated
respondents, matching quality against the pack, storage, and the commands at 80 columns."""

from __future__ import annotations

import io
import json
import random
import tomllib
from collections import Counter
from collections.abc import Iterator
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest
from prompt_toolkit.application import create_app_session
from prompt_toolkit.input import PipeInput, create_pipe_input
from prompt_toolkit.output import DummyOutput
from typer.testing import CliRunner

from careerpath import occupations
from careerpath.core.errors import Interrupted
from careerpath.instruments import interests, matching, sitting, store
from careerpath.instruments.interests import ITEMS, TYPES
from careerpath.workbook.home import Home
from careerpath.workbook.prompts import TerminalPrompter
from careerpath.workbook.session import Session

from conftest import TODAY, flat, run


def answers_liking(*liked: str) -> dict[str, str]:
    return {item.id: "like" if item.type in liked else "dislike" for item in ITEMS}


def write_answers(path: Path, answers: dict[str, str]) -> Path:
    path.write_text("[answers]\n" + "".join(f'{k} = "{v}"\n' for k, v in answers.items()))
    return path


# --- the items -------------------------------------------------------------------------------


def test_nine_items_per_type_never_two_of_a_type_in_a_row() -> None:
    assert Counter(item.type for item in ITEMS) == dict.fromkeys(TYPES, 9)
    assert len({item.id for item in ITEMS}) == len({item.text for item in ITEMS}) == 54
    assert all(a.type != b.type for a, b in pairwise(ITEMS))


# --- scoring on simulated respondents --------------------------------------------------------


@pytest.mark.parametrize("letter", list(TYPES))
def test_liking_one_type_puts_it_first(letter: str) -> None:
    result = interests.score(answers_liking(letter))
    assert result.code[0] == letter
    assert interests.first_types(result) == (letter,)
    assert result.scores[letter] == 100


def test_random_respondents_are_not_biased_towards_a_type() -> None:
    firsts: Counter[str] = Counter()
    seeds = 3000
    for seed in range(seeds):
        rng = random.Random(seed)
        result = interests.score(
            {item.id: rng.choice(["like", "unsure", "dislike"]) for item in ITEMS}
        )
        tied = interests.first_types(result)
        for letter in tied:  # a tie for first shares the credit
            firsts[letter] += 1 / len(tied)
    shares = {letter: firsts[letter] / seeds for letter in TYPES}
    assert all(0.14 < share < 0.20 for share in shares.values()), shares


def test_ties_are_named() -> None:
    answers = answers_liking("S", "E")
    result = interests.score(answers)
    assert result.code[:2] == "SE"
    assert result.ties[0] == "S and E tie for first"
    # R, I, A and C all score 0: the third letter is one of four.
    assert result.ties[1] == "R, I, A and C tie for third"


# --- matching against the pack ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("scores", "wanted"),
    [
        ({"R": 30, "I": 100, "A": 40, "S": 30, "E": 15, "C": 35}, {"I"}),
        ({"R": 10, "I": 25, "A": 30, "S": 100, "E": 90, "C": 35}, {"S", "E"}),
    ],
)
def test_top_ten_share_the_strong_interests(scores: dict[str, int], wanted: set[str]) -> None:
    top = matching.suggest(occupations.fits(), scores)[:10]
    assert len(top) == 10
    assert all(wanted & set(s.interest_code[:2]) for s in top), [
        (s.title, s.interest_code) for s in top
    ]


def test_preparation_and_floor_decide_between_near_equals() -> None:
    scores = {"R": 30, "I": 100, "A": 40, "S": 30, "E": 15, "C": 35}
    ranked = matching.suggest(occupations.fits(), scores, max_zone=3, floor_usd=60000)
    best = ranked[0].interest_fit // matching.STEP
    band = [s for s in ranked if s.interest_fit // matching.STEP == best]
    reach = [s.within_reach for s in band]
    assert reach == sorted(reach, key=lambda r: r is False) or len(set(reach)) == 1


def test_equal_scores_cannot_be_matched() -> None:
    from careerpath.core.errors import InvalidInput

    with pytest.raises(InvalidInput, match="all the same"):
        matching.suggest(occupations.fits(), dict.fromkeys(TYPES, 50))


# --- the commands ----------------------------------------------------------------------------


def test_inventory_from_a_file_then_explore(
    runner: CliRunner, started: Path, tmp_path: Path
) -> None:
    file = write_answers(tmp_path / "a.toml", answers_liking("I", "A"))
    shown = run(runner, "interests", "--answers", str(file)).output
    assert "Your interest code: IAR" in shown
    assert "I and A tie for first" in flat(shown)
    assert "Investigative" in shown and "━" in shown
    stored = tomllib.loads((started / "instruments.toml").read_text())
    assert stored["interests"]["finished"] == TODAY
    assert len(stored["interests"]["answers"]) == 54

    assert "Next: `careerpath work-values`, then `careerpath explore`." in shown
    run(runner, "work-values", "--order", "ach, ind, work, sup, rel, rec")
    assert "Next: `careerpath explore`." in run(runner, "interests").output
    text = run(runner, "explore", "--prepare", "4").output
    assert all(len(line) <= 80 for line in text.splitlines())
    assert " 1. " in text and "interests 0." in text and "zone " in text
    assert "Pay was not used: no income floor yet" in text

    data = json.loads(run(runner, "explore", "--format", "json", "--type", "A", "-n", "5").output)
    assert data["code"] == "IAR"
    assert len(data["suggestions"]) == 5
    assert all("A" in s["interest_code"][:2] for s in data["suggestions"])
    zone3 = json.loads(run(runner, "explore", "-f", "json", "--zone", "3").output)
    assert {s["job_zone"] for s in zone3["suggestions"]} == {3}


def test_a_floor_in_another_currency_is_not_used_for_pay(
    runner: CliRunner, started: Path, tmp_path: Path
) -> None:
    (started / "stages").mkdir(exist_ok=True)
    (started / "stages" / "exploration.toml").write_text(
        'income_floor = { amount = 40000, currency = "EUR" }\n'
    )
    run(
        runner,
        "interests",
        "--answers",
        str(write_answers(tmp_path / "a.toml", answers_liking("S"))),
    )
    data = json.loads(run(runner, "explore", "-f", "json", "--prepare", "3").output)
    assert data["floor_usd"] is None
    assert any("your floor is in EUR" in note for note in data["notes"])
    assert all(s["above_floor"] is None for s in data["suggestions"])


def test_explore_before_the_inventory_says_what_to_do(runner: CliRunner, started: Path) -> None:
    result = run(runner, "explore", code=1)
    assert "careerpath interests" in result.output


def test_a_hand_edit_with_an_unknown_key_is_named(runner: CliRunner, started: Path) -> None:
    (started / "instruments.toml").write_text("schema_version = 1\nfavourite = 3\n")
    result = run(runner, "explore", code=1)
    assert "instruments.toml" in flat(result.output) and "favourite" in result.output


@pytest.mark.parametrize("command", [("explore",), ("report",)])
def test_a_hand_edit_that_breaks_the_toml_says_how_to_mend_it(
    runner: CliRunner, started: Path, command: tuple[str, ...]
) -> None:
    (started / "instruments.toml").write_text("schema_version = 1\n[work_values\n")
    result = flat(run(runner, *command, code=1).output)
    assert "instruments.toml:2: is not valid TOML" in result
    assert "Fix it by hand, or copy a version back from the .backups folder." in result


def test_explore_follows_a_hand_edit_after_a_cached_read(
    runner: CliRunner, started: Path, tmp_path: Path
) -> None:
    """explore keeps the validated results in the parse cache; an edit is seen at once, and a
    broken edit is named as strictly as on a first read."""
    run(
        runner,
        "interests",
        "--answers",
        str(write_answers(tmp_path / "a.toml", answers_liking("S"))),
    )
    assert json.loads(run(runner, "explore", "-f", "json").output)["code"].startswith("S")
    file = started / "instruments.toml"
    text = file.read_text()
    file.write_text(
        text.replace('"like"', '"LIKE"')
        .replace('"dislike"', '"like"')
        .replace('"LIKE"', '"dislike"')
    )
    assert not json.loads(run(runner, "explore", "-f", "json").output)["code"].startswith("S")
    file.write_text(text + "max_zone = 9\n")
    result = run(runner, "explore", code=1)
    assert "instruments.toml" in flat(result.output) and "max_zone" in result.output


def test_explore_on_unchanged_results_starts_without_pydantic(
    started: Path, tmp_path: Path
) -> None:
    import subprocess
    import sys

    base = [sys.executable, "-X", "importtime", "-m", "careerpath", "--home", str(started)]
    answers = write_answers(tmp_path / "a.toml", answers_liking("I"))
    for command in (["interests", "--answers", str(answers)], ["explore"]):  # the cache kept
        subprocess.run([*base, *command], capture_output=True, stdin=subprocess.DEVNULL, check=True)
    done = subprocess.run(
        [*base, "explore"], capture_output=True, text=True, stdin=subprocess.DEVNULL
    )
    assert done.returncode == 0 and "Occupations that fit I" in done.stdout
    assert "careerpath.cli" in done.stderr  # importtime did report
    assert "pydantic" not in done.stderr


def test_bad_answers_file_is_a_clear_error(
    runner: CliRunner, started: Path, tmp_path: Path
) -> None:
    file = tmp_path / "a.toml"
    file.write_text('[answers]\nI1 = "maybe"\n')
    assert "answer like, not sure or dislike" in flat(
        run(runner, "interests", "--answers", str(file), code=1).output
    )
    file.write_text('[answers]\nZ9 = "like"\n')
    assert "not an item" in run(runner, "interests", "--answers", str(file), code=1).output


def test_retaking_keeps_the_earlier_result(
    runner: CliRunner, started: Path, tmp_path: Path
) -> None:
    run(
        runner,
        "interests",
        "--answers",
        str(write_answers(tmp_path / "a.toml", answers_liking("C"))),
    )
    again = write_answers(tmp_path / "b.toml", answers_liking("R"))
    run(runner, "interests", "--again", "--answers", str(again), today="2026-12-20")
    data = json.loads(run(runner, "interests", "-f", "json").output)
    assert data["code"][0] == "R"
    assert data["earlier"][0]["code"][0] == "C"
    assert data["earlier"][0]["taken"] == TODAY.isoformat()


def test_work_values_order_is_checked(runner: CliRunner, started: Path) -> None:
    assert "leaves out" in flat(run(runner, "work-values", "--order", "ach, ind", code=1).output)
    data = json.loads(
        run(runner, "work-values", "--order", "sup,rel,rec,ach,ind,work", "-f", "json").output
    )
    assert data["order"][0] == "Support" and data["scores"]["Support"] == 6


# --- the real prompt -------------------------------------------------------------------------


@pytest.fixture
def keys() -> Iterator[PipeInput]:
    with create_pipe_input() as pipe, create_app_session(input=pipe, output=DummyOutput()):
        yield pipe


def test_inventory_at_the_prompt_survives_ctrl_c(keys: PipeInput, started: Path) -> None:
    home = Home(started)
    prompter = TerminalPrompter(TODAY)
    sitting.begin(home, TODAY)
    keys.send_text("1\r3\r2\r\x03")
    with pytest.raises(Interrupted) as stopped:
        sitting.take_inventory(home, prompter, TODAY)
    assert stopped.value.message == "Stopped. Kept 3 of 54 inventory answers."
    assert stopped.value.hint == (
        "Run `careerpath interests` to carry on with the inventory: 51 items left."
    )
    kept = store.read(home).interests
    assert kept is not None
    assert kept.answers == {ITEMS[0].id: "like", ITEMS[1].id: "dislike", ITEMS[2].id: "unsure"}

    # Resumed: the 51 items left, liking the Investigative ones.
    for item in ITEMS[3:]:
        keys.send_text("1\r" if item.type == "I" else "3\r")
    result = sitting.take_inventory(home, prompter, TODAY)
    assert result.code[0] == "I"
    stored = store.read(home).interests
    assert stored is not None and stored.finished == TODAY and len(stored.answers) == 54


# --- a target from the pack (issue 9, "into the workbook") -----------------------------------


def test_target_from_the_pack(runner: CliRunner, started: Path, tmp_path: Path) -> None:
    added = run(runner, "target", "add", "--from", "15-2051.00").output
    assert "Added t1: Data Scientists." in added and "O*NET® 30.1" in added
    stored = tomllib.loads((started / "stages" / "diving-deeper.toml").read_text())
    target = stored["targets"][0]
    assert target["occupation"] == "15-2051.00"
    assert target["salary"]["currency"] == "USD" and target["salary"]["period"] == "year"
    assert target["salary"]["low"] < 120230 < target["salary"]["high"]
    assert target["tasks"] and target["education"]
    assert any("BLS OEWS May 2025" in source for source in target["sources"])

    shown = run(runner, "target", "show", "t1").output
    assert all(len(line) <= 80 for line in shown.splitlines())
    assert "median 120,230" in flat(shown)
    assert "Data Scientists" in run(runner, "target", "list").output

    exported = json.loads(run(runner, "export", "--format", "json").output)
    assert any("O*NET 30.1 Database" in line for line in exported["credits"])
    markdown = run(runner, "export", "--format", "markdown").output
    assert "## Credits" in markdown and "15-2051.00" in markdown
    run(runner, "export", "--format", "csv", "--output", str(tmp_path / "csv"))
    assert "15-2051.00" in (tmp_path / "csv" / "targets.csv").read_text(encoding="utf-8-sig")


def test_a_target_from_the_pack_with_a_floor_in_euros_says_so(
    runner: CliRunner, started: Path
) -> None:
    (started / "stages").mkdir(exist_ok=True)
    (started / "stages" / "exploration.toml").write_text(
        'income_floor = { amount = 40000, currency = "EUR" }\n'
    )
    result = run(runner, "target", "add", "--from", "registered nurses", "--field", "Health")
    assert "never on one scale" in flat(result.output)
    assert "Registered Nurses" in result.output


def test_target_from_an_unknown_code_is_a_clear_error(runner: CliRunner, started: Path) -> None:
    assert "no occupation" in run(runner, "target", "add", "--from", "99-9999.99", code=1).output


# --- energy log and futures ------------------------------------------------------------------


def test_energy_log_groups_what_lifts_and_drains(runner: CliRunner, started: Path) -> None:
    for day in ("2026-11-20", "2026-11-21", "2026-11-24"):
        run(runner, "energy", "log", "Teaching a workshop", "--engagement", "5", "--energy", "2",
            today=day)  # fmt: skip
        run(runner, "energy", "log", "expense  reports", "--engagement", "2", "--energy", "-2",
            today=day)  # fmt: skip
    run(runner, "energy", "log", "Expense reports", "--engagement", "1", "--energy", "-1",
        "--date", "2026-11-22")  # fmt: skip
    text = run(runner, "energy").output
    assert all(len(line) <= 80 for line in text.splitlines())
    assert "7 entries over 4 days" in text
    lines = text.splitlines()
    top = next(i for i, line in enumerate(lines) if "Teaching a workshop" in line)
    bottom = next(i for i, line in enumerate(lines) if "expense" in line.lower() and "×" in line)
    assert top < bottom and "×4" in lines[bottom] and "×3" in lines[top]
    assert "Drains you most: expense reports" in text

    data = json.loads(run(runner, "energy", "--format", "json").output)
    assert data["days"] == 4 and len(data["entries"]) == 7
    assert data["activities"][0] == {
        "activity": "Teaching a workshop", "times": 3, "energy": 2.0, "engagement": 5.0
    }  # fmt: skip


def test_one_entry_is_counted_as_one(runner: CliRunner, started: Path) -> None:
    logged = run(runner, "energy", "log", "Teaching", "--engagement", "4", "--energy", "1")
    assert f"Logged 'Teaching' on {TODAY.isoformat()} (1 entry so far)." in logged.output
    assert "Your energy, 1 entry over 1 day" in run(runner, "energy").output
    logged = run(runner, "energy", "log", "Filing", "--engagement", "2", "--energy", "-1")
    assert "(2 entries so far)" in logged.output


def test_energy_log_checks_its_input(runner: CliRunner, started: Path) -> None:
    run(runner, "energy", "log", "x", "--engagement", "6", "--energy", "0", code=2)
    run(runner, "energy", "log", "x", "--engagement", "3", "--energy", "3", code=2)
    assert "YYYY-MM-DD" in run(runner, "energy", "log", "x", "--engagement", "3", "--energy", "0",
                               "--date", "soon", code=1).output  # fmt: skip
    assert not (started / "instruments.toml").exists()


def test_three_futures_side_by_side(runner: CliRunner, started: Path) -> None:
    gauges = ["--resources", "3", "--liking", "4", "--confidence", "2", "--coherence", "5"]
    run(runner, "futures", "add", "Data scientist in public health", "--story",
        "A master's, then a city health team.", "--question", "Do I enjoy statistics daily?",
        *gauges)  # fmt: skip
    run(runner, "futures", "add", "Open a small bike workshop", *gauges)
    run(runner, "futures", "add", "Teach science", *gauges)
    assert "3 futures already" in run(runner, "futures", "add", "A fourth", *gauges, code=1).output
    too_long = run(runner, "futures", "add", "one two three four five six seven", *gauges, code=1)
    assert "at most 6 words" in too_long.output
    text = run(runner, "futures").output
    assert all(len(line) <= 80 for line in text.splitlines())
    assert "1. Data scientist in" in text and "3. Teach science" in text
    assert "●●●○○" in text and "●●●●●" in text
    data = json.loads(run(runner, "futures", "-f", "json").output)
    assert [f["title"] for f in data["futures"]][1] == "Open a small bike workshop"
    assert data["futures"][0]["questions"] == ["Do I enjoy statistics daily?"]


# --- woven in: the report and the coach's group view -----------------------------------------


def test_report_shows_the_code_values_and_best_fits_only_with_results(
    runner: CliRunner, started: Path, tmp_path: Path
) -> None:
    assert "exercises" not in json.loads(run(runner, "report", "-f", "json").output) or (
        json.loads(run(runner, "report", "-f", "json").output)["exercises"] is None
    )
    assert "Interests and work values" not in run(runner, "report").output
    file = write_answers(tmp_path / "a.toml", answers_liking("S", "E"))
    run(runner, "interests", "--answers", str(file))
    run(runner, "work-values", "--order", "rel,sup,ach,ind,rec,work")
    text = run(runner, "report").output
    assert all(len(line) <= 80 for line in text.splitlines())
    assert "Interest code" in text and "SER" in text
    assert "Relationships, Support, Achievement" in flat(text)
    data = json.loads(run(runner, "report", "-f", "json").output)["exercises"]
    assert data["interest_code"] == "SER"
    assert len(data["suggestions"]) == 3
    assert all(set("SE") & set(s["why"].split(" · ")[1][:1]) for s in data["suggestions"])
    assert "## Interests and work values" in run(runner, "report", "-f", "markdown").output


def test_group_view_shows_each_clients_code(runner: CliRunner, tmp_path: Path) -> None:
    group = tmp_path / "clients"
    for name in ("ana", "ben"):
        run(runner, "--home", str(group / name), "start")
    file = write_answers(tmp_path / "a.toml", answers_liking("A"))
    run(runner, "--home", str(group / "ana"), "interests", "--answers", str(file))
    data = json.loads(run(runner, "report", "--group", str(group), "-f", "json").output)
    codes = {row["client"]: row["interest_code"] for row in data["clients"]}
    assert codes["ana"][0] == "A" and codes["ben"] is None
    assert "| ana | ARI |" in run(runner, "report", "--group", str(group), "-f", "markdown").output


def test_exploration_offers_the_exercises_once_when_unsure(keys: PipeInput, started: Path) -> None:
    stage, session, console = exploration_stand_in(started)
    sitting.offer_in_exploration(session, stage, "clarity", 4)  # type: ignore[arg-type]
    assert not (started / "instruments.toml").exists()  # clear enough: nothing offered

    keys.send_text("\r")  # yes, take them now
    for item in ITEMS:
        keys.send_text("1\r" if item.type == "S" else "3\r")
    keys.send_text("\r" * 5)  # the work values in the order shown
    sitting.offer_in_exploration(session, stage, "clarity", 2)  # type: ignore[arg-type]
    shown = console.export_text()
    assert "Your interest code: S" in shown
    assert "Occupations that fit it best:" in shown and "  5. " in shown
    found = store.read(Home(started))
    assert found.interests is not None and found.interests.finished == TODAY
    assert found.work_values is not None and found.work_values.order[0] == "Achievement"

    # Finished: not offered again.
    sitting.offer_in_exploration(session, stage, "where_to", "not sure yet")  # type: ignore[arg-type]


def test_declining_the_offer_is_remembered(keys: PipeInput, started: Path) -> None:
    from types import SimpleNamespace

    from rich.console import Console

    from careerpath.workbook import definition

    stage = definition.load_builtin().stage("exploration")
    session = SimpleNamespace(
        home=Home(started), today=TODAY, prompter=TerminalPrompter(TODAY),
        console=Console(record=True, width=80),
    )  # fmt: skip
    keys.send_text("n")
    sitting.offer_in_exploration(session, stage, "where_to", "No idea")  # type: ignore[arg-type]
    assert store.read(Home(started)).offer_declined == TODAY
    sitting.offer_in_exploration(session, stage, "clarity", 1)  # type: ignore[arg-type]
    assert "careerpath interests" in session.console.export_text()


def test_energy_log_asks_what_it_was_not_given(keys: PipeInput) -> None:
    """`careerpath energy log` alone: the activity typed, engagement and energy picked."""
    keys.send_text("Mentoring a junior\r" + "\x1b[B" * 3 + "\r" + "\r")
    asked = sitting.ask_energy_entry(TerminalPrompter(TODAY), None, None, None)
    assert asked == ("Mentoring a junior", 4, 2)
    keys.send_text("\x1b[B" * 4 + "\r")  # only the energy is missing: drained
    assert sitting.ask_energy_entry(TerminalPrompter(TODAY), "Expenses", 2, None) == (
        "Expenses",
        2,
        -2,
    )


def test_energy_log_without_a_terminal_says_to_give_all_three(
    runner: CliRunner, started: Path
) -> None:
    output = flat(run(runner, "energy", "log", "Teaching", "--engagement", "4", code=1).output)
    assert "careerpath needs a terminal to ask questions" in output
    assert (
        'give all three: `careerpath energy log "ACTIVITY" --engagement 1..5 --energy -2..2`'
        in output
    )
    assert store.read(Home(started)).energy == []


def test_ctrl_c_at_the_energy_prompt_logs_nothing(keys: PipeInput) -> None:
    keys.send_text("Mentoring\r\x03")
    with pytest.raises(Interrupted):
        sitting.ask_energy_entry(TerminalPrompter(TODAY), None, None, None)


# --- found walking through as a new user -----------------------------------------------------


def test_each_work_value_fits_one_line_of_the_picker() -> None:
    from careerpath.instruments.work_values import VALUES

    # The sort offers "Name: meaning" after a 3-column pointer, at 80 columns.
    assert all(len(f"{name}: {meaning}") <= 76 for name, meaning in VALUES.items())


def test_within_reach_comes_before_more_preparation_among_near_equals() -> None:
    scores = {"R": 0, "I": 50, "A": 0, "S": 100, "E": 50, "C": 100}
    values = {"Relationships": 6, "Support": 5, "Recognition": 4, "Achievement": 3,
              "Independence": 2, "Working Conditions": 1}  # fmt: skip
    ranked = matching.suggest(occupations.fits(), scores, values, max_zone=3)
    band = [s for s in ranked if s.interest_fit // matching.STEP == 9]
    assert any(s.within_reach is False for s in band) and any(s.within_reach for s in band)
    for agreement in (2, 1, 0):
        same = [s for s in band if len(set("SC") & set(s.interest_code[:2])) == agreement]
        reach = [s.within_reach for s in same]
        assert reach == sorted(reach, reverse=True), [(s.title, s.job_zone) for s in same]


def test_explore_filters_by_pay_and_names_every_title_whole(
    runner: CliRunner, started: Path, tmp_path: Path
) -> None:
    run(runner, "interests", "--answers", str(write_answers(tmp_path / "a.toml",
        answers_liking("S", "C"))))  # fmt: skip
    data = json.loads(run(runner, "explore", "-f", "json", "--prepare", "3",
                          "--min-pay", "60000").output)  # fmt: skip
    assert data["suggestions"] and all(s["median_pay"] >= 60000 for s in data["suggestions"])
    text = run(runner, "explore", "--min-pay", "60000").output
    assert all(len(line) <= 80 for line in text.splitlines())
    assert all(f"{s['title']} {s['code']}" in flat(text) for s in data["suggestions"])
    assert "from -1 (opposite) to 1 (the same shape)" in flat(text)
    assert "no occupation passes" in run(runner, "explore", "--min-pay", "9000000", code=1).output


def test_explore_at_a_terminal_reads_one_and_adds_it_as_a_target(
    runner: CliRunner, started: Path, tmp_path: Path, keys: PipeInput,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    from careerpath.workbook import prompts

    run(runner, "interests", "--answers", str(write_answers(tmp_path / "a.toml",
        answers_liking("I"))))  # fmt: skip
    best = json.loads(run(runner, "explore", "-f", "json", "--prepare", "4", "-n", "3").output)
    first = best["suggestions"][0]
    monkeypatch.setattr(prompts, "has_terminal", lambda: True)
    keys.send_text("\r")  # the first suggestion
    keys.send_text("\r")  # add it as a target
    keys.send_text("\r")  # the first again: now a target
    keys.send_text("\x1b[B\r")  # done (no add offered a second time)
    shown = run(runner, "explore", "-n", "3").output
    assert "Main tasks" in shown and f"{first['title']}  ({first['code']})" in shown
    assert f"Added t1: {first['title']}." in flat(shown)
    stored = tomllib.loads((started / "stages" / "diving-deeper.toml").read_text())
    assert [t["occupation"] for t in stored["targets"]] == [first["code"]]

    # Another day: the target is known, so picking it offers only Back and Done.
    keys.send_text("\r")  # the first suggestion, a target already
    keys.send_text("\r")  # back to the list (the first option now)
    keys.send_text("\x1b[B" * 3 + "\r")  # done
    again = run(runner, "explore", "-n", "3").output
    assert "Added" not in again and "Main tasks" in again
    stored = tomllib.loads((started / "stages" / "diving-deeper.toml").read_text())
    assert len(stored["targets"]) == 1


def test_explore_pick_ends_quietly_on_ctrl_c(keys: PipeInput) -> None:
    from rich.console import Console

    from careerpath.cli.instruments import pick_from

    top = matching.suggest(occupations.fits(), {"R": 0, "I": 100, "A": 0, "S": 0, "E": 0,
                                                "C": 0})[:3]  # fmt: skip
    keys.send_text("\x03")
    added: list[str] = []
    assert pick_from(TerminalPrompter(TODAY), Console(), top, None, added.append) == []


def test_futures_say_what_each_gauge_asks(runner: CliRunner, started: Path) -> None:
    run(runner, "futures", "add", "Caseworker helping families get benefits", "--story",
        "A one-year certificate, then an eligibility job at the county.", "--resources", "3",
        "--liking", "4", "--confidence", "3", "--coherence", "4")  # fmt: skip
    text = run(runner, "futures").output
    assert all(len(line) <= 80 for line in text.splitlines())
    words = set(flat(text).split())
    assert {"Caseworker", "eligibility", "certificate,", "county."} <= words  # none cut
    assert "coherence: how well it fits who you are" in text


def test_an_activity_that_neither_lifts_nor_drains_shows_zero(
    runner: CliRunner, started: Path
) -> None:
    run(runner, "energy", "log", "Weekly team meeting", "--engagement", "3", "--energy", "0")
    line = next(li for li in run(runner, "energy").output.splitlines() if "meeting" in li)
    assert " 0.0 " in line and "+0.0" not in line


def test_exports_carry_the_code_values_and_suggestions(
    runner: CliRunner, started: Path, tmp_path: Path
) -> None:
    run(runner, "interests", "--answers", str(write_answers(tmp_path / "a.toml",
        answers_liking("S", "E"))))  # fmt: skip
    run(runner, "work-values", "--order", "rel,sup,ach,ind,rec,work")
    data = json.loads(run(runner, "export", "--format", "json").output)
    section = data["report"]["exercises"]
    assert section["interest_code"] == "SER" and section["top_values"][0] == "Relationships"
    assert len(section["suggestions"]) == 3
    assert any("O*NET 30.1 Database" in line for line in data["credits"])
    markdown = run(runner, "export", "--format", "markdown").output
    assert "## Interests and work values" in markdown and "SER" in markdown
    assert section["suggestions"][0]["code"] in markdown and "## Credits" in markdown


def test_a_long_title_in_the_explore_picker_is_cut_at_a_word() -> None:
    from careerpath.cli.instruments import PICK_ASK, PICK_WIDTH, _one_line

    title = "10. First-Line Supervisors of Landscaping, Lawn Service, and Groundskeeping Workers"
    cut = _one_line(title)
    assert cut.endswith("…") and len(cut) <= PICK_WIDTH
    assert title.startswith(cut[:-1]) and title[len(cut) - 1] in " ,"
    assert len(f"? {PICK_ASK} {cut}") <= 80  # the answer echoed after the question


def test_ctrl_c_in_the_inventory_during_next_counts_what_was_kept(
    keys: PipeInput, started: Path
) -> None:
    """Offered in exploration: two workbook answers, ten inventory items, Ctrl-C. The stop
    counts both and says how to carry on; the next offer is to carry on, not to start."""
    home = Home(started)
    session, _ = exploring(home)
    finish = "\x1b\r"  # a long text ends with Esc, Enter
    # where_now, where_to "No idea", yes to the offer, ten items, Ctrl-C
    keys.send_text("Accountant" + finish + "No idea" + finish + "\r" + "1\r" * 10 + "\x03")
    with pytest.raises(Interrupted) as stopped:
        session.continue_current()
    assert stopped.value.message == (
        "Stopped. Kept 10 of 54 inventory answers and the 2 workbook answers given this time."
    )
    assert stopped.value.hint == (
        "Run `careerpath interests` to carry on with the inventory: 44 items left.\n"
        "Run `careerpath next` to continue where you left off."
    )
    kept = store.read(home).interests
    assert kept is not None and len(kept.answers) == 10

    # The next answer, whatever it is, brings the offer back: to carry on.
    from types import SimpleNamespace

    from rich.console import Console

    console = Console(record=True, width=80)

    again = SimpleNamespace(home=home, today=TODAY, prompter=_Recorder(), console=console)
    stage = home.load().definition.stage("exploration")
    sitting.offer_in_exploration(again, stage, "skills", ["Excel"])  # type: ignore[arg-type]
    assert again.prompter.asked == ["Carry on with the interest inventory? 44 of 54 items left."]


def exploration_stand_in(started: Path) -> tuple[Any, Any, Any]:
    """Exploration, and a stand-in for the sitting that offers the exercises after one of
    its answers (real prompts, a recording console)."""
    from types import SimpleNamespace

    from rich.console import Console

    from careerpath.workbook import definition

    console = Console(record=True, width=80)
    session = SimpleNamespace(
        home=Home(started),
        workbook=Home(started).load(),
        today=TODAY,
        prompter=TerminalPrompter(TODAY),
        console=console,
    )
    return definition.load_builtin().stage("exploration"), session, console


def exploring(home: Home, **settings: Any) -> tuple[Session, io.StringIO]:
    """A sitting at the real prompts (pipe input) that offers the exercises in exploration,
    and what it prints."""
    from rich.console import Console

    out = io.StringIO()
    console = Console(file=out, width=80)
    session = Session(
        home, home.load(), TerminalPrompter(TODAY), console, TODAY,
        after_answer=sitting.offer_in_exploration, **settings,
    )  # fmt: skip
    return session, out


class _Recorder:
    """A prompter that says no, remembering what it was asked."""

    def __init__(self) -> None:
        self.asked: list[str] = []

    def pick_numbered(self, message: str, options: list[str], default: str | None = None) -> str:
        raise AssertionError("not asked")

    def confirm(self, message: str, default: bool = True) -> bool:
        self.asked.append(message)
        return False


def test_the_values_question_starts_from_the_sort(keys: PipeInput, started: Path) -> None:
    """Right after the sort, exploration's ranking of values is not asked from nothing: the
    sort's order in the question's words, kept with Enter."""
    home = Home(started)
    session, out = exploring(home, start_from=sitting.values_start)
    finish = "\x1b\r"
    keys.send_text("Accountant" + finish + "No idea" + finish + "\r")  # yes to the offer
    keys.send_text("".join("1\r" if item.type == "S" else "3\r" for item in ITEMS))
    keys.send_text("\x1b[B" * 3 + "\r" + "\r" * 4)  # Relationships first, then as listed
    keys.send_text(finish)  # "where would you like to go?" again: kept as it was
    keys.send_text("\r")  # clarity
    keys.send_text("\r")  # keep the values started from the sort
    keys.send_text("\x03")  # at the energisers
    with pytest.raises(Interrupted):
        session.continue_current()
    said = " ".join(out.getvalue().split())
    assert "Your sort of the six work values gives a start" in said
    assert home.load().answers["exploration"]["values"] == [
        "Teamwork and belonging", "Helping others", "Challenge", "Autonomy", "Recognition"
    ]  # fmt: skip


def test_not_sure_where_to_go_is_asked_again_with_the_fits_on_screen(
    keys: PipeInput, started: Path
) -> None:
    """The exercises taken at "where would you like to go?" end with that question again,
    the code and the best fits above it, so the person can name a direction."""
    home = Home(started)
    session, out = exploring(home)
    finish = "\x1b\r"
    keys.send_text("Accountant" + finish + "not sure yet" + finish + "\r")  # yes to the offer
    keys.send_text("".join("1\r" if item.type == "I" else "3\r" for item in ITEMS))
    keys.send_text("\r" * 5)  # the work values as listed
    keys.send_text("\x7f" * len("not sure yet") + "Data or lab research" + finish)
    keys.send_text("\x03")  # at clarity
    with pytest.raises(Interrupted):
        session.continue_current()
    said = " ".join(out.getvalue().split())
    fits = said.index("Occupations that fit it best:")
    again = said.index("With these in mind, once more")
    assert fits < again < said.rindex("It is fine not to know yet")  # its help, asked again
    assert home.load().answers["exploration"]["where_to"] == "Data or lab research"


def test_six_equal_scores_in_exploration_are_said_and_the_stage_goes_on(
    keys: PipeInput, started: Path
) -> None:
    """Disliking every item used to end `careerpath next` with an error in the middle of
    exploration; now it is said, and nothing is suggested at the jobs question."""
    stage, session, console = exploration_stand_in(started)
    keys.send_text("\r" + "3\r" * len(ITEMS) + "\r" * 5)
    sitting.offer_in_exploration(session, stage, "clarity", 1)  # type: ignore[arg-type]
    shown = " ".join(console.export_text().split())
    assert "Your six interest scores are all the same" in shown
    assert shown.endswith("Now back to where you were.")
    assert sitting.best_fits(Home(started)) == []
