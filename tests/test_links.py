"""Records that know each other, at the prompts: a contact's target jobs, an application's target
and referring contact, an offer's application, each picked from a short list; the closing
decision recorded on its offer and moving its application; a target job looked up in the
occupation data, or picked from the occupations that fit the person's interests."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from careerpath.core.errors import Interrupted
from careerpath.tracking.sitting import NONE
from careerpath.workbook.definition import Question

from conftest import INTERRUPT, ScriptedPrompter, flat, run, stage_file


@pytest.fixture
def home(runner: CliRunner, home_dir: Path, write_answers: Any) -> Path:
    run(runner, "start")
    run(runner, "next", "--answers", str(write_answers("exploration")))
    return home_dir


class Person(ScriptedPrompter):
    """Answers by question (its id, or the message of a pick or a confirmation); anything
    else is answered with Enter: what is offered is kept, a pick takes its default."""

    def __init__(self, answers: dict[str, Any]) -> None:
        super().__init__([])
        self.answers = answers
        self.options: dict[str, list[str]] = {}

    def _next(self, what: str) -> Any:
        self.asked.append(what)
        answer = self.answers.get(what, self)
        if answer is INTERRUPT:
            raise Interrupted()
        return answer

    def ask(self, question: Question, default: Any = None, draft: str | None = None) -> Any:
        answer = super().ask(question, default, draft)
        return default if answer is self else answer

    def confirm(self, message: str, default: bool = True) -> bool:
        answer = self._next(message)
        return default if answer is self else bool(answer)

    def select(self, message: str, options: Sequence[str], default: str | None = None) -> str:
        answer = self._next(message)
        answer = (default or options[0]) if answer is self else answer
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
    prompter = terminal(targets=["t2 Data analyst"], name="Sam Lee")
    run(runner, "contact", "add")
    assert prompter.asked[0] == "targets"
    (contact,) = stage_file(home, "networking")["contacts"]
    assert (contact["name"], contact["targets"]) == ("Sam Lee", ["t2"])
    assert "t2 Data analyst" in flat(run(runner, "contact", "show", "c1").output)


def test_without_targets_a_contact_is_not_asked_about_them(
    runner: CliRunner, home: Path, terminal: Any
) -> None:
    prompter = terminal(name="Sam Lee")
    run(runner, "contact", "add")
    assert "targets" not in prompter.asked
    assert "targets" not in stage_file(home, "networking")["contacts"][0]


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
    came_from = "Which application did it come from?"
    prompter = terminal(
        **{came_from: "a1 Acme: UX researcher"}, base_pay={"amount": 46000, "currency": "EUR"}
    )
    result = run(runner, "offer", "add")
    assert prompter.defaults["employer"] == "Acme"
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
