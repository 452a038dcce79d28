"""Records that know each other, at the prompts: a contact's target jobs, an application's target
and referring contact, an offer's application, each picked from a short list; the closing
decision recorded on its offer and moving its application; a target job looked up in the
occupation data, or picked from the occupations that fit the person's interests."""

from __future__ import annotations

import io
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from careerpath.core.errors import Interrupted
from careerpath.tracking.sitting import KEEP_USD, NONE, OWN_PAY
from careerpath.workbook.definition import Question

from conftest import INTERRUPT, TODAY, ScriptedPrompter, flat, run, stage_file


@pytest.fixture
def home(runner: CliRunner, home_dir: Path, write_answers: Any) -> Path:
    run(runner, "start")
    run(runner, "next", "--answers", str(write_answers("exploration")))
    return home_dir


ENTER = object()
"""What a ``Person`` answers to keep what is offered."""


class Person(ScriptedPrompter):
    """Answers by question (its id, or the message of a pick or a confirmation), an iterator
    for one asked more than once; anything else is answered with Enter: what is offered is
    kept, a pick takes its default."""

    def __init__(self, answers: dict[str, Any]) -> None:
        super().__init__([])
        self.answers = answers
        self.options: dict[str, list[str]] = {}

    def _next(self, what: str) -> Any:
        self.asked.append(what)
        answer = self.answers.get(what, ENTER)
        if isinstance(answer, Iterator):  # asked more than once: the next answer each time
            answer = next(answer)
        if answer is INTERRUPT:
            raise Interrupted()
        return answer

    def ask(self, question: Question, default: Any = None, draft: str | None = None) -> Any:
        answer = super().ask(question, default, draft)
        return default if answer is ENTER else answer

    def confirm(self, message: str, default: bool = True) -> bool:
        answer = self._next(message)
        return default if answer is ENTER else bool(answer)

    def select(self, message: str, options: Sequence[str], default: str | None = None) -> str:
        answer = self._next(message)
        answer = (default or options[0]) if answer is ENTER else answer
        assert answer in options, f"{answer!r} not among {options}"
        self.options[message] = list(options)
        return str(answer)


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch) -> Any:
    """Commands run as at a terminal, their questions answered by a ``Person``."""
    from careerpath.workbook import prompts

    monkeypatch.setattr(prompts, "require_terminal", lambda alternative: None)
    monkeypatch.setattr(prompts, "has_terminal", lambda: True)

    def answering(**answers: Any) -> Person:
        prompter = Person(answers)
        monkeypatch.setattr(prompts, "TerminalPrompter", lambda today: prompter)
        return prompter

    return answering


def test_a_contact_added_at_the_prompt_names_its_targets_from_a_checkbox(
    runner: CliRunner, home: Path, terminal: Any
) -> None:
    run(runner, "target", "add", "UX researcher")
    run(runner, "target", "add", "Data analyst")
    prompter = terminal(ticked=["t2 Data analyst"], name="Sam Lee")
    run(runner, "contact", "add")
    assert prompter.asked[0] == "ticked"
    (contact,) = stage_file(home, "networking")["contacts"]
    assert (contact["name"], contact["targets"]) == ("Sam Lee", ["t2"])
    assert "t2 Data analyst" in flat(run(runner, "contact", "show", "c1").output)


def test_without_targets_a_contact_is_not_asked_about_them(
    runner: CliRunner, home: Path, terminal: Any
) -> None:
    prompter = terminal(name="Sam Lee")
    run(runner, "contact", "add")
    assert "ticked" not in prompter.asked
    assert "targets" not in stage_file(home, "networking")["contacts"][0]


def test_with_one_target_a_contact_picks_it_or_none(
    runner: CliRunner, home: Path, terminal: Any
) -> None:
    run(runner, "target", "add", "UX researcher")
    about = "Which target jobs is this contact about?"
    prompter = terminal(**{about: "t1 UX researcher"}, name="Sam Lee")
    run(runner, "contact", "add")
    assert prompter.options[about] == ["t1 UX researcher", NONE]
    assert stage_file(home, "networking")["contacts"][0]["targets"] == ["t1"]


def test_an_application_picks_its_target_and_referring_contact(
    runner: CliRunner, home: Path, terminal: Any
) -> None:
    run(runner, "target", "add", "UX researcher")
    run(runner, "contact", "add", "Sam Lee")
    run(runner, "contact", "add", "Jo Park")
    target, referred = "Which target job is it for?", "Who referred you, if anyone?"
    prompter = terminal(**{target: "t1 UX researcher", referred: "c2 Jo Park"}, employer="Acme")
    run(runner, "app", "add")
    assert prompter.asked[:2] == [target, referred]
    assert prompter.options[referred] == ["c1 Sam Lee", "c2 Jo Park", NONE]
    assert prompter.defaults["role"] == "UX researcher"  # offered from the target picked
    (app_,) = stage_file(home, "applying")["applications"]
    assert (app_["role"], app_["target"], app_["contact"]) == ("UX researcher", "t1", "c2")
    # "none of these" (the default) leaves the links out
    terminal(employer="Globex", role="Analyst")
    run(runner, "app", "add")
    second = stage_file(home, "applying")["applications"][1]
    assert "target" not in second and "contact" not in second


def test_an_offer_picks_its_application_which_fills_it_and_moves_on(
    runner: CliRunner, home: Path, terminal: Any
) -> None:
    run(runner, "app", "add", "Acme", "UX researcher", "--status", "interviewing")
    run(runner, "app", "add", "Globex", "Analyst", "--status", "rejected")
    came_from = "Which application did it come from?"
    prompter = terminal(
        **{came_from: "a1 Acme: UX researcher"}, base_pay={"amount": 46000, "currency": "EUR"}
    )
    result = run(runner, "offer", "add")
    assert prompter.defaults["employer"] == "Acme"
    assert prompter.options[came_from] == ["a1 Acme: UX researcher", NONE]  # not the rejected
    assert "Moved a1: interviewing → offer." in result.output
    (offer,) = stage_file(home, "closing")["offers"]
    assert offer["application"] == "a1"
    assert stage_file(home, "applying")["applications"][0]["history"][-1]["status"] == "offer"


def test_offer_add_from_an_application_asks_for_the_base_at_a_terminal(
    runner: CliRunner, home: Path, terminal: Any
) -> None:
    run(runner, "app", "add", "Acme", "UX researcher", "--status", "applied")
    prompter = terminal(base_pay={"amount": 46000, "currency": "EUR"}, hours=INTERRUPT)
    run(runner, "offer", "add", "--from", "a1", code=130)
    assert prompter.asked[:3] == ["employer", "role", "base_pay"]
    (offer,) = stage_file(home, "closing")["offers"]
    assert offer["base_pay"] == {"amount": 46000, "currency": "EUR"}
    assert offer["application"] == "a1"


def test_links_given_as_options_are_checked_and_name_the_ids_there_are(
    runner: CliRunner, home: Path
) -> None:
    run(runner, "target", "add", "UX researcher")
    run(runner, "contact", "add", "Sam Lee")
    result = run(runner, "contact", "add", "Jo", "--target", "t7", code=1)
    assert "there is no target job t7" in result.output
    assert "There is t1 UX researcher." in flat(result.output)
    result = run(runner, "app", "add", "Acme", "UX", "--contact", "c4", code=1)
    assert "There is c1 Sam Lee." in flat(result.output)
    run(runner, "app", "add", "Acme", "UX", "--target", "t1", "--contact", "c1")
    result = run(runner, "offer", "add", "--application", "a3", "--base", "1 EUR", code=1)
    assert "there is no application a3" in result.output and "There is a1" in flat(result.output)
    run(runner, "offer", "add", "--application", "a1", "--base", "46000 EUR")
    assert stage_file(home, "closing")["offers"][0]["application"] == "a1"


# --- the closing decision -------------------------------------------------------------------


@pytest.fixture
def closing(runner: CliRunner, home: Path, write_answers: Any) -> Path:
    """Every stage before closing answered; two applications, an offer from the first."""
    for stage in ("diving-deeper", "networking", "applying"):
        run(runner, "next", "--answers", str(write_answers(stage)))
    run(runner, "app", "add", "Globex", "Analyst", "--status", "interviewing")
    run(runner, "offer", "add", "--from", "a2", "--base", "46000 EUR")
    answers = {"offer_fit": 4, "offer_check": "Meets my floor."}
    run(runner, "next", "--answers", str(write_answers("closing", answers)))
    return home


def app_status(home: Path, number: int) -> str:
    status: str = stage_file(home, "applying")["applications"][number - 1]["history"][-1]["status"]
    return status


def test_accepting_at_the_decision_question_accepts_the_offer_and_its_application(
    runner: CliRunner, closing: Path, terminal: Any
) -> None:
    assert app_status(closing, 2) == "offer"
    terminal(decision="Accepting")
    result = run(runner, "next")
    said = flat(result.output)
    assert (
        "Offers: 1 offer: Globex: Analyst Accepting, negotiating or declining is recorded" in said
    )
    assert "Recorded on o1 Globex: Analyst: accepted." in result.output
    assert "Moved a2: offer → accepted." in result.output
    (offer,) = stage_file(closing, "closing")["offers"]
    assert (offer["status"], offer["responded"]) == ("accepted", TODAY)
    assert app_status(closing, 2) == "accepted"
    assert "accepted" in run(runner, "app", "show", "a2").output
    listed = run(runner, "app", "list", "--all").output
    assert any(line.startswith("a2") and "accepted" in line for line in listed.splitlines())


def test_with_several_offers_the_decision_asks_which_and_declining_withdraws(
    runner: CliRunner, closing: Path, terminal: Any
) -> None:
    run(runner, "offer", "add", "--from", "a1", "--base", "50000 EUR")
    which = "Which offer are you declining?"
    prompter = terminal(decision="Declining", **{which: "o1 Globex: Analyst"})
    result = run(runner, "next")
    assert prompter.options[which] == ["o1 Globex: Analyst", "o2 Acme: UX researcher"]
    assert "Moved a2: offer → withdrawn." in result.output
    offers = stage_file(closing, "closing")["offers"]
    assert [o.get("status") for o in offers] == ["declined", None]
    assert (app_status(closing, 2), app_status(closing, 1)) == ("withdrawn", "offer")


def test_still_deciding_changes_no_offer(runner: CliRunner, closing: Path, terminal: Any) -> None:
    terminal(decision="Still deciding")
    result = run(runner, "next")
    assert "Recorded on" not in result.output
    assert "status" not in stage_file(closing, "closing")["offers"][0]


# --- diving deeper: the occupation data at the prompt ----------------------------------------

DATA_SCIENTISTS = "Data Scientists (15-2051.00)"
WHICH = "Which of these is it?"
IN_EUR = (
    "Your income floor is in EUR; the occupation data has U.S. pay in USD. Keep the U.S. "
    "range (USD) or enter your own?"
)


def test_a_target_looked_up_at_the_prompt_is_offered_field_by_field_and_keeps_its_code(
    runner: CliRunner, home: Path, terminal: Any
) -> None:
    prompter = terminal(
        look_up="data scientist",
        **{WHICH: DATA_SCIENTISTS, IN_EUR: KEEP_USD},
        outlook="Growing",
        leading_option=INTERRUPT,
    )
    result = run(runner, "next", code=130)
    assert prompter.asked.index("look_up") < prompter.asked.index("title")
    assert DATA_SCIENTISTS in prompter.options[WHICH]
    assert prompter.options[WHICH][-1] == NONE
    assert "From the occupation data: Data Scientists (15-2051.00)." in flat(result.output)
    assert "O*NET® 30.1 data" in result.output
    (target,) = stage_file(home, "diving-deeper")["targets"]
    assert prompter.defaults["title"] == target["title"] == "Data Scientists"
    assert prompter.defaults["salary"] == target["salary"]
    assert (target["occupation"], target["salary"]["currency"]) == ("15-2051.00", "USD")
    assert target["outlook"] == "Growing" and len(target["tasks"]) >= 3
    assert any(source.startswith("Pay: BLS OEWS May 2025") for source in target["sources"])
    assert "15-2051.00" in run(runner, "target", "show", "t1").output


def test_the_fit_with_the_top_values_starts_from_the_occupations_work_values(
    runner: CliRunner, home: Path, terminal: Any
) -> None:
    from careerpath import occupations
    from careerpath.tracking.prefill import fit_from

    code = "25-2021.00"
    teachers = f"Elementary School Teachers, Except Special Education ({code})"
    prompter = terminal(
        look_up="elementary school teacher",
        **{WHICH: teachers, IN_EUR: KEEP_USD},
        leading_option=INTERRUPT,
    )
    result = run(runner, "next", code=130)
    assert "Fit with your values starts from the occupation's work values" in flat(result.output)
    values = stage_file(home, "exploration")["values"]
    work_values = occupations.get(code).work_values
    offered = prompter.defaults["fit"]
    # each value that matches one of O*NET's six, scaled from 1–7 to 1–5; the rest unrated
    assert set(offered) == {v for v in values if v != "Learning and growth"}
    assert offered["Autonomy"] == round(1 + 4 * (work_values["Independence"] - 1) / 6)
    assert offered["Helping others"] == round(1 + 4 * (work_values["Relationships"] - 1) / 6)
    assert offered["Income"] == offered["Variety"]  # both Working Conditions
    assert offered == fit_from(occupations.get(code), values)
    (target,) = stage_file(home, "diving-deeper")["targets"]
    assert target["fit"] == offered  # kept with Enter


def test_an_occupation_without_work_values_offers_no_fit() -> None:
    from careerpath import occupations
    from careerpath.tracking.prefill import fit_from

    assert fit_from(occupations.get("15-2051.00"), ["Autonomy", "Income"]) == {}


def test_with_a_floor_in_euros_the_person_may_enter_their_own_pay_instead(
    runner: CliRunner, home: Path, terminal: Any
) -> None:
    own = {"low": 52000, "high": 68000, "currency": "EUR", "period": "year"}
    prompter = terminal(
        look_up="data scientist",
        **{WHICH: DATA_SCIENTISTS, IN_EUR: OWN_PAY},
        title="Data scientist (Lyon)",
        salary=own,
        leading_option=INTERRUPT,
    )
    run(runner, "next", code=130)
    assert prompter.defaults["salary"] is None  # no U.S. range offered beside a floor in EUR
    (target,) = stage_file(home, "diving-deeper")["targets"]
    assert (target["title"], target["salary"]) == ("Data scientist (Lyon)", own)
    assert target["occupation"] == "15-2051.00"
    assert not any(source.startswith("Pay:") for source in target["sources"])


AGAIN = "t1 is already Data Scientists, from the occupation data: add another anyway?"


def test_the_same_occupation_twice_is_refused_without_a_terminal_unless_again(
    runner: CliRunner, home: Path
) -> None:
    run(runner, "target", "add", "--from", "15-2051.00")
    said = flat(run(runner, "target", "add", "--from", "data scientists", code=1).output)
    assert "Error: t1 is already Data Scientists, from the occupation data" in said
    assert "See it with `careerpath target show t1`. To add another anyway: `--again`." in said
    assert len(stage_file(home, "diving-deeper")["targets"]) == 1
    assert (
        "Added t2: Data Scientists."
        in run(runner, "target", "add", "--from", "15-2051.00", "--again").output
    )


@pytest.mark.parametrize("anyway", [False, True])
def test_the_same_occupation_twice_at_a_terminal_asks(
    runner: CliRunner, home: Path, terminal: Any, anyway: bool
) -> None:
    run(runner, "target", "add", "--from", "15-2051.00")
    prompter = terminal(**{AGAIN: anyway})
    said = flat(run(runner, "target", "add", "--from", "15-2051.00").output)
    assert prompter.asked == [AGAIN]
    count = len(stage_file(home, "diving-deeper")["targets"])
    if anyway:
        assert "Added t2: Data Scientists." in said and count == 2
    else:
        assert "Nothing added. See it with `careerpath target show t1`." in said and count == 1


def test_looking_up_an_occupation_already_a_target_asks_first(
    runner: CliRunner, home: Path, terminal: Any
) -> None:
    run(runner, "target", "add", "--from", "15-2051.00")
    prompter = terminal(
        look_up=iter(["data scientist", ""]),
        **{WHICH: DATA_SCIENTISTS, AGAIN: False},
        **{"Your target jobs:": iter(["Add a target job", "Done"])},
        title="Gardener",
    )
    run(runner, "next", "--stage", "diving-deeper", "--question", "targets")
    assert prompter.asked[prompter.asked.index(AGAIN) + 1] == "look_up"  # other words
    targets = stage_file(home, "diving-deeper")["targets"]
    assert [t.get("occupation") for t in targets] == ["15-2051.00", None]


def test_no_look_up_or_none_of_these_starts_empty(
    runner: CliRunner, home: Path, terminal: Any
) -> None:
    prompter = terminal(
        look_up=iter(["zzxxq", "garden"]),
        **{WHICH: NONE},
        title="Gardener",
        leading_option=INTERRUPT,
    )
    result = run(runner, "next", code=130)
    assert "Nothing in the occupation data matches 'zzxxq'; try other words." in flat(result.output)
    assert prompter.defaults["title"] is None
    assert stage_file(home, "diving-deeper")["targets"] == [{"id": "t1", "title": "Gardener"}]


def liking(tmp_path: Path, *letters: str) -> Path:
    """An answers file for the interest inventory: every item of ``letters`` liked."""
    from careerpath.instruments.interests import ITEMS

    path = tmp_path / "inventory.toml"
    lines = [f'{i.id} = "{"like" if i.type in letters else "dislike"}"\n' for i in ITEMS]
    path.write_text("[answers]\n" + "".join(lines))
    return path


def test_with_interest_results_the_jobs_question_offers_the_best_fits_to_tick(
    runner: CliRunner, home: Path, terminal: Any, tmp_path: Path
) -> None:
    from careerpath.instruments.sitting import best_fits
    from careerpath.workbook.home import Home

    run(runner, "interests", "--answers", str(liking(tmp_path, "I")))
    first, second, *_ = best_fits(Home(home))
    picks = [f"{first.title} ({first.code})", f"{second.title} ({second.code})"]
    prompter = terminal(
        ticked=picks,
        **{IN_EUR: KEEP_USD, "Add another target job?": iter([True, False])},
        look_up=None,
        title=iter([ENTER, ENTER, "Lab technician"]),  # the two picked keep their titles
        leading_option=INTERRUPT,
    )
    result = run(runner, "next", code=130)
    assert prompter.asked[:2] == ["ticked", IN_EUR]  # the currency asked once for both
    said = flat(result.output)
    assert f"From the occupation data: {picks[0]}; {picks[1]}." in said
    targets = stage_file(home, "diving-deeper")["targets"]
    assert [t.get("occupation") for t in targets] == [first.code, second.code, None]
    assert [t["title"] for t in targets] == [first.title, second.title, "Lab technician"]
    # the look-up is offered for the one typed, not for the ones picked
    assert prompter.asked.count("look_up") == 1


def test_without_interest_results_the_pack_is_not_opened(
    runner: CliRunner, home: Path, terminal: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from careerpath import occupations

    def never() -> None:
        raise AssertionError("the occupation pack was opened")

    monkeypatch.setattr(occupations, "_db", never)
    prompter = terminal(title="Gardener", leading_option=INTERRUPT)
    run(runner, "next", code=130)
    assert "ticked" not in prompter.asked and "look_up" in prompter.asked


# --- at the real prompt ----------------------------------------------------------------------


def test_the_links_at_the_real_prompt_tick_and_pick(runner: CliRunner, home: Path) -> None:
    """questionary itself, fed keys through a pipe: a checkbox for the contact's targets, a
    list to pick the application's referring contact from."""
    from prompt_toolkit.application import create_app_session
    from prompt_toolkit.input import create_pipe_input
    from prompt_toolkit.output import DummyOutput
    from rich.console import Console

    from careerpath.tracking.sitting import TrackingCompanion
    from careerpath.workbook.home import Home
    from careerpath.workbook.prompts import TerminalPrompter
    from careerpath.workbook.session import Session

    run(runner, "target", "add", "UX researcher")
    run(runner, "target", "add", "Data analyst")
    down, enter = "\x1b[B", "\r"
    with create_pipe_input() as keys, create_app_session(input=keys, output=DummyOutput()):
        workbook = Home(home).load()
        sitting = Session(
            Home(home),
            workbook,
            TerminalPrompter(TODAY),
            Console(file=io.StringIO()),
            TODAY,
            [TrackingCompanion()],
        )
        # tick the second target; then name, and Enter through the other fields
        keys.send_text(down + " " + enter + "Sam Lee" + enter + enter * 8)
        networking = workbook.definition.stage("networking")
        sitting.ask_record(networking, networking.question("contacts"), 0)
        applying = workbook.definition.stage("applying")
        # target: none of these (where the pointer starts); referred by: Sam Lee (down from
        # "none" comes round to the top); employer, role; Enter through the rest (the list
        # of documents is finished with Esc Enter)
        keys.send_text(enter + down + enter + "Acme" + enter + "Analyst" + enter)
        keys.send_text(enter * 3 + "\x1b\r" + enter * 2)
        sitting.ask_record(applying, applying.question("applications"), 0)
    (contact,) = stage_file(home, "networking")["contacts"]
    assert (contact["name"], contact["targets"]) == ("Sam Lee", ["t2"])
    (app_,) = stage_file(home, "applying")["applications"]
    assert (app_["employer"], app_["contact"]) == ("Acme", "c1") and "target" not in app_


def test_a_changed_decision_on_a_revisit_says_which_offers_are_decided(
    runner: CliRunner, closing: Path, terminal: Any
) -> None:
    terminal(decision="Accepting")
    run(runner, "next")
    terminal(decision="Declining")
    result = run(runner, "next", "--stage", "closing")
    assert "No open offer to record it on (o1 is accepted)" in flat(result.output)
    assert "`careerpath offer edit ID --status STATUS`" in flat(result.output)
    assert stage_file(closing, "closing")["offers"][0]["status"] == "accepted"
