"""A sitting with the workbook, driven by a scripted prompter: saving, resuming, Ctrl-C, records."""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console

from careerpath.core.errors import Interrupted
from careerpath.tracking import scoring
from careerpath.tracking.sitting import TrackingCompanion
from careerpath.workbook import definition, engine
from careerpath.workbook.definition import Question
from careerpath.workbook.home import Home
from careerpath.workbook.models import Workbook
from careerpath.workbook.session import Session

from conftest import FULL_ANSWERS, INTERRUPT, TODAY, Interrupt, ScriptedPrompter

EXPLORATION = [
    "Accountant.",  # where_now
    "Not sure yet.",  # where_to
    2,  # clarity
    ["Autonomy", "Income"],  # values
    ["teaching"],  # energisers
    ["month-end"],  # drainers
    ["Excel"],  # skills
    {"amount": 42000.0, "currency": "EUR"},  # income_floor
    ["Hybrid"],  # work_modes
    None,  # hours: skipped
    "Within 6 months",  # timeline
    None,  # constraints: skipped
    ["Interview practice"],  # support
    None,  # unclear: skipped
]


@pytest.fixture
def home(home_dir: Path) -> Home:
    home = Home(home_dir)
    home.create(definition.resolve("default"), now=datetime(2026, 11, 1, 9))
    return home


def sit(home: Home, script: list[Any], stage: str | None = None) -> tuple[ScriptedPrompter, str]:
    """One sitting: ``careerpath next`` (or ``--stage``) answered by ``script``."""
    prompter = ScriptedPrompter(script)
    out = io.StringIO()
    session = Session(home, home.load(), prompter, Console(file=out, width=80), TODAY)
    if stage:
        session.revisit(home.load().definition.stage(stage))
    else:
        session.continue_current()
    assert prompter.finished, f"unused script: {prompter.script}"
    return prompter, out.getvalue()


def saved(home: Home) -> Workbook:
    return home.load()


def test_a_whole_stage_then_pause_at_the_next(home: Home) -> None:
    with pytest.raises(Interrupted):
        sit(home, [*EXPLORATION, True, INTERRUPT])  # one confirmation, then Ctrl-C
    workbook = saved(home)
    assert workbook.answers["exploration"]["values"] == ["Autonomy", "Income"]
    assert "hours" not in workbook.answers["exploration"]
    exploration = workbook.state.stages["exploration"]
    assert (exploration.started, exploration.completed) == (TODAY, TODAY)
    assert exploration.skipped == ["hours", "constraints", "unclear"]
    assert saved(home).state.stages["diving-deeper"].started == TODAY


def test_moving_straight_on_opens_the_next_stage(home: Home) -> None:
    # Title, then the other fields: the values ranked are rated on one screen.
    target = ["UX researcher", *[None] * 8]
    with pytest.raises(Interrupted):
        sit(home, [*EXPLORATION, True, *target, False, INTERRUPT])
    assert saved(home).answers["diving-deeper"] == {
        "targets": [{"id": "t1", "title": "UX researcher"}]
    }
    assert saved(home).state.stages["diving-deeper"].started == TODAY


def test_ctrl_c_mid_stage_keeps_every_answer_and_resumes_there(home: Home) -> None:
    with pytest.raises(Interrupted) as caught:
        sit(home, [*EXPLORATION[:5], INTERRUPT])
    assert caught.value.saved == 5
    assert caught.value.exit_code == 130
    assert "Saved 5 answers" in caught.value.message
    assert list(saved(home).answers["exploration"]) == [
        "where_now",
        "where_to",
        "clarity",
        "values",
        "energisers",
    ]
    prompter, out = sit(home, [*EXPLORATION[5:], False])
    assert prompter.asked[0] == "drainers"
    assert "Continuing: Exploration (stage 1 of 5)" in out
    assert "5 of 14 questions answered so far." in out


def test_what_was_being_typed_at_ctrl_c_is_offered_next_time(home: Home) -> None:
    with pytest.raises(Interrupted) as caught:
        sit(home, ["Accountant.", Interrupt(draft="Somewhere with peo")])
    assert caught.value.kept_draft
    assert "kept what you were typing" in caught.value.message
    assert saved(home).state.stages["exploration"].drafts == {"where_to": "Somewhere with peo"}
    prompter, out = sit(home, ["Somewhere with people.", *EXPLORATION[2:], False])
    assert prompter.drafts["where_to"] == "Somewhere with peo"
    assert "Picking up what you were typing last time." in out
    workbook = saved(home)
    assert workbook.answers["exploration"]["where_to"] == "Somewhere with people."
    assert workbook.state.stages["exploration"].drafts == {}


def test_skipped_optional_questions_are_not_asked_again(home: Home) -> None:
    sit(home, [*EXPLORATION, False])  # answered all, declined to move on
    with pytest.raises(Interrupted):
        sit(home, [True, INTERRUPT])  # nothing left to ask: recap, move on, Ctrl-C
    assert saved(home).state.stages["exploration"].completed == TODAY


def test_declining_to_move_on_keeps_the_stage_open(home: Home) -> None:
    prompter, out = sit(home, [*EXPLORATION, False])
    assert "Staying with Exploration" in out
    assert "Recap: Exploration" in out and "(skipped)" in out
    assert prompter.asked[-1] == "Move on to Diving deeper?"
    workbook = saved(home)
    assert workbook.state.stages["exploration"].completed is None


def complete(home: Home, *stage_ids: str) -> None:
    for stage_id in stage_ids:
        home.update_state(lambda s, i=stage_id: s.stage(i).__setattr__("completed", TODAY))


def test_records_add_another_and_keep_a_half_typed_one(home: Home) -> None:
    complete(home, "exploration")
    first = ["UX researcher", "Tech", None, ["interviews"], None, "Growing", 4, None, None]
    with pytest.raises(Interrupted) as caught:
        sit(home, [*first, True, "Data analyst", "Finance", INTERRUPT])
    assert caught.value.saved == 5 + 2  # the answered fields of both targets
    targets = saved(home).answers["diving-deeper"]["targets"]
    assert targets[1] == {"id": "t2", "title": "Data analyst", "field": "Finance"}
    # Both targets have their required title, so the next sitting goes on with the stage.
    prompter, _ = sit(home, ["UX research.", None, False])
    assert prompter.asked[0] == "leading_option"


def test_a_record_missing_a_required_field_is_finished_first(home: Home) -> None:
    complete(home, "exploration")
    stage = home.load().definition.stage("diving-deeper")
    home.update_answers(stage, lambda a: a.update(targets=[{"field": "Tech"}]))
    prompter, out = sit(home, ["UX researcher", False, "Because.", None, False])
    assert prompter.asked[:2] == ["title", "Add another target job?"]
    assert "Let's finish t1 (untitled target job)." in out
    assert saved(home).answers["diving-deeper"]["targets"] == [
        {"id": "t1", "title": "UX researcher", "field": "Tech"}
    ]


def test_revisit_offers_earlier_answers_and_keeps_completion(home: Home) -> None:
    with pytest.raises(Interrupted):
        sit(home, [*EXPLORATION, True, INTERRUPT])
    changed = list(EXPLORATION)
    changed[2] = 4  # clarity went up
    changed[9] = 30  # hours answered this time
    prompter, out = sit(home, changed, stage="exploration")
    assert prompter.defaults["where_now"] == "Accountant."
    assert prompter.defaults["clarity"] == 2
    workbook = saved(home)
    assert workbook.answers["exploration"]["clarity"] == 4
    assert workbook.answers["exploration"]["hours"] == 30
    assert "hours" not in workbook.state.stages["exploration"].skipped
    assert workbook.state.stages["exploration"].completed == TODAY
    assert "Exploration stays complete." in out


def test_revisit_records_menu_edits_adds_and_removes(home: Home) -> None:
    stage = home.load().definition.stage("diving-deeper")
    home.update_answers(stage, lambda a: a.update(FULL_ANSWERS["diving-deeper"]))
    complete(home, "diving-deeper")
    script = [
        "Edit t1 UX researcher",
        "UX research lead",
        "Tech",
        None,
        ["interviews"],
        None,
        "Growing",
        5,
        None,
        None,
        "Remove a target job",
        "t2 Data analyst",
        True,
        "Done",
        "UX research: people and puzzles.",  # leading_option unchanged
        None,  # gaps
    ]
    sit(home, script, stage="diving-deeper")
    targets = saved(home).answers["diving-deeper"]["targets"]
    assert [t["title"] for t in targets] == ["UX research lead"]
    assert targets[0]["values_fit"] == 5
    assert "salary" not in targets[0]  # left blank this time, so removed


def test_after_the_last_stage_it_points_at_the_report(home: Home) -> None:
    complete(home, *home.load().definition.stage_ids)
    prompter, out = sit(home, [])
    assert prompter.asked == []
    assert "You have completed every stage of Your career path." in out
    assert "careerpath report" in out


def test_recalled_answers_are_shown_before_the_question(home: Home) -> None:
    stage = home.load().definition.stage("exploration")
    home.update_answers(stage, lambda a: a.update(FULL_ANSWERS["exploration"]))
    complete(home, "exploration")
    # Five fields, the five top values rated on one screen, two more fields.
    _, out = sit(home, ["UX", *[None] * 8, False, "Because.", None, False])
    assert "Earlier you said:" in out
    assert "Top values: 1. Autonomy  2. Helping others" in out


# --- records with a built-in shape ----------------------------------------------------------


def test_next_rates_a_target_against_each_top_value(home: Home) -> None:
    stage = home.load().definition.stage("exploration")
    home.update_answers(stage, lambda a: a.update(FULL_ANSWERS["exploration"]))
    complete(home, "exploration")
    # title, field, education, tasks, salary, outlook; the five values rated on one screen;
    # sources, open questions; then no more targets, and the stage's other questions.
    ratings = {"Autonomy": 5, "Learning and growth": 4, "Variety": 2}
    script = ["UX researcher", None, None, None, None, "Growing", ratings, None, None, False]
    prompter, _ = sit(home, [*script, "Because.", None, False])
    assert prompter.asked.count("fit") == 1 and not any(":" in a for a in prompter.asked)
    (target,) = saved(home).answers["diving-deeper"]["targets"]
    assert target == {
        "id": "t1",
        "title": "UX researcher",
        "outlook": "Growing",
        "fit": {"Autonomy": 5, "Learning and growth": 4, "Variety": 2},
    }


def test_next_records_an_application_status_as_a_dated_move(home: Home) -> None:
    complete(home, "exploration", "diving-deeper", "networking")
    stage = home.load().definition.stage("applying")
    home.update_answers(
        stage,
        lambda a: a.update(
            applications=[
                {
                    "id": "a4",
                    "employer": "Acme",
                    "role": "UX",
                    "history": [{"date": datetime(2026, 11, 1).date(), "status": "applied"}],
                }
            ]
        ),
    )
    complete(home, "applying")
    edit = ["Edit a4 Acme: UX", "Acme", "UX", "screening", None, None, None, None, None]
    # The interview reflection waits: no application has reached an interview.
    _, out = sit(home, [4, 3, None, *edit, "Done", None, None, None], stage="applying")
    assert "“Interview reflection” waits until you have had an interview." in out
    (application,) = saved(home).answers["applying"]["applications"]
    assert [(m["date"], m["status"]) for m in application["history"]] == [
        (datetime(2026, 11, 1).date(), "applied"),
        (TODAY, "screening"),
    ]


def test_an_id_removed_in_next_is_not_given_again(home: Home) -> None:
    stage = home.load().definition.stage("networking")
    contacts = [{"id": "c1", "name": "Sam"}, {"id": "c2", "name": "Jo"}]
    home.update_answers(stage, lambda a: a.update(contacts=contacts, weekly_goal=2))
    complete(home, "networking")
    new = ["Kim", *[None] * 5, "to reach out", None, None]
    script = [
        ["A short personal email"],  # outreach styles
        "Remove a contact",
        "c2 Jo",
        True,
        "Add a contact",
        *new,
        "Done",
        None,  # wish list
        2,  # weekly goal
        None,  # what helps
    ]
    sit(home, script, stage="networking")
    workbook = saved(home)
    assert [c["id"] for c in workbook.answers["networking"]["contacts"]] == ["c1", "c3"]
    assert workbook.state.record_ids == {"contacts": 2}


class KeepsWhatIsOffered(ScriptedPrompter):
    """Answers every question with what it offers, picks "Done", declines every confirm."""

    def ask(self, question: Question, default: Any = None, draft: str | None = None) -> Any:
        self.defaults[question.id] = default
        return default

    def confirm(self, message: str, default: bool = True) -> bool:
        return False

    def select(self, message: str, options: Sequence[str], default: str | None = None) -> str:
        return "Done"


def test_the_offers_companion_offers_every_need_weighted_and_keeping_them_saves_nothing(
    home: Home,
) -> None:
    book = home.load().definition
    for stage in book.stages:
        answers = {k: v for k, v in FULL_ANSWERS[stage.id].items() if k != "weights"}
        home.write_answers(stage, answers)
    workbook = home.load()
    prompter = KeepsWhatIsOffered([])
    session = Session(home, workbook, prompter, Console(file=io.StringIO()), TODAY)
    with_offers = Session(
        home, workbook, prompter, Console(file=io.StringIO()), TODAY, [TrackingCompanion()]
    )
    session.revisit(book.stage("closing"))
    assert prompter.defaults["weights"] is None
    with_offers.revisit(book.stage("closing"))
    offered = prompter.defaults["weights"]
    assert offered == scoring.offer_weights(workbook)
    assert {"Autonomy", "income_floor"} <= set(offered)
    assert "weights" not in home.load().answers["closing"]


def test_weights_kept_as_offered_read_in_the_recap_as_worked_out_not_skipped(home: Home) -> None:
    book = home.load().definition
    for stage in book.stages:
        answers = {k: v for k, v in FULL_ANSWERS[stage.id].items() if k != "weights"}
        home.write_answers(stage, answers)
    shown = io.StringIO()
    with_offers = Session(
        home,
        home.load(),
        KeepsWhatIsOffered([]),
        Console(file=shown, width=200),
        TODAY,
        [TrackingCompanion()],
    )
    with_offers.revisit(book.stage("closing"))
    with_offers._recap(book.stage("closing"))
    line = next(x for x in shown.getvalue().splitlines() if "What counts most" in x)
    assert "(skipped)" not in line
    assert "Autonomy" in line and "(from your answers)" in line


# --- questions that wait for their moment ----------------------------------------------------

APPLIED = ["Acme", "UX researcher", "applied", *[None] * 5]  # the fields of one application


def test_the_interview_reflection_waits_for_an_interview_then_is_offered_once(
    home: Home,
) -> None:
    complete(home, "exploration", "diving-deeper", "networking")
    # resume, cover letter, documents, one application, no more, stale after, preparation,
    # energy: no reflection, since no application has reached an interview.
    script = [4, 3, None, *APPLIED, False, None, None, None, True, INTERRUPT]
    with pytest.raises(Interrupted):
        sit(home, script)
    workbook = saved(home)
    assert workbook.state.stages["applying"].completed == TODAY
    assert "interview_reflection" not in workbook.state.stages["applying"].skipped
    assert engine.next_step(workbook).startswith("Answer “Offers” in Closing")

    # An interview, logged by `app move a1 interviewing`.
    stage = workbook.definition.stage("applying")

    def interview(answers: dict[str, Any]) -> None:
        answers["applications"][0]["history"].append({"date": TODAY, "status": "interviewing"})

    home.update_answers(stage, interview)
    # optional, it comes after the current stage's questions in the Next line; `next` asks it
    assert engine.next_step(saved(home)).startswith("Answer “Offers” in Closing")
    assert [q.id for _, q in engine.arrived(saved(home))] == ["interview_reflection"]
    with pytest.raises(Interrupted):
        sit(home, ["Good stories; ask about the team next time.", INTERRUPT])
    reflection = saved(home).answers["applying"]["interview_reflection"]
    assert reflection == "Good stories; ask about the team next time."
    # Answered once: the next sitting goes straight on with closing.
    prompter = ScriptedPrompter([INTERRUPT])
    out = io.StringIO()
    session = Session(home, home.load(), prompter, Console(file=out, width=80), TODAY)
    with pytest.raises(Interrupted):
        session.continue_current()
    assert prompter.asked == ["employer"]
    assert "Now that" not in out.getvalue()


def test_a_waiting_question_shows_in_the_recap_and_does_not_hold_up_the_stage(
    home: Home,
) -> None:
    complete(home, "exploration", "diving-deeper", "networking")
    _, out = sit(home, [4, 3, None, *APPLIED, False, None, None, None, False])
    assert "(waits until you have had an interview)" in " ".join(out.split())
    progress = engine.progress(saved(home), saved(home).definition.stage("applying"))
    assert progress.total == 7 and progress.ready  # eight questions, one of them waiting


def test_a_moment_that_came_and_went_still_counts(home: Home) -> None:
    """An application rejected after its interview: the reflection is still worth asking."""
    complete(home, "exploration", "diving-deeper", "networking", "applying")
    stage = home.load().definition.stage("applying")
    history = [{"date": TODAY, "status": s} for s in ("applied", "interviewing", "rejected")]
    home.update_answers(
        stage,
        lambda a: a.update(applications=[{"employer": "Acme", "role": "UX", "history": history}]),
    )
    with pytest.raises(Interrupted):
        sit(home, [None, INTERRUPT])  # skipped at its moment, then Ctrl-C in closing
    assert "interview_reflection" in saved(home).state.stages["applying"].skipped
    assert engine.arrived(saved(home)) == []


def test_one_question_straight_away(home: Home) -> None:
    workbook = home.load()
    stage = workbook.definition.stage("exploration")
    prompter = ScriptedPrompter([35])
    session = Session(home, workbook, prompter, Console(file=io.StringIO()), TODAY)
    assert session.ask_one(stage, stage.question("hours"))
    assert prompter.asked == ["hours"]
    assert saved(home).answers["exploration"] == {"hours": 35}
    prompter = ScriptedPrompter([35])  # the same again: nothing to save
    session = Session(home, home.load(), prompter, Console(file=io.StringIO()), TODAY)
    assert not session.ask_one(stage, stage.question("hours"))


def test_a_field_typed_at_ctrl_c_in_a_complete_record_is_offered_next_time(home: Home) -> None:
    """The target has its title, so targets counts as answered; the half-typed source must
    still come back, not stay in workbook.toml for ever."""
    complete(home, "exploration")
    fields = ["Data analyst", "Finance", None, ["dashboards"], None, "Growing", 4]
    with pytest.raises(Interrupted):
        sit(home, [*fields, Interrupt(draft="a friend at")])
    assert saved(home).state.stages["diving-deeper"].drafts == {"targets.1.sources": "a friend at"}
    prompter, out = sit(home, [["a friend at the bank"], False, "Because.", None, False])
    assert prompter.asked[:2] == ["sources", "Add another target job?"]
    assert prompter.drafts["sources"] == "a friend at"
    assert "Let's finish t1 Data analyst." in out
    workbook = saved(home)
    assert workbook.answers["diving-deeper"]["targets"][0]["sources"] == ["a friend at the bank"]
    assert workbook.state.stages["diving-deeper"].drafts == {}


def test_moving_on_with_the_work_open_is_asked_and_staying_is_the_default(home: Home) -> None:
    complete(home, "exploration")
    target = ["UX researcher", "Tech", None, ["interviews"], None, "Growing", 4, None, None]
    prompter, out = sit(home, [*target, False, "UX research.", None, False])
    assert prompter.asked[-1] == "Move on to Networking with this work still open?"
    assert (
        "Diving deeper is not done yet: it still needs a target researched, with its pay and "
        "education (`careerpath target edit t1`)." in " ".join(out.split())
    )
    assert saved(home).state.stages["diving-deeper"].completed is None
    assert engine.next_step(saved(home)) == (
        "Diving deeper still needs a target researched, with its pay and education: "
        "run `careerpath target edit t1`."
    )
