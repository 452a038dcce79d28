"""The real questionary prompts, driven through prompt_toolkit's pipe input.

Keys: Enter "\\r", down "\\x1b[B", space " ", Esc-Enter "\\x1b\\r" (finishes multi-line
input), Ctrl-U "\\x15" (clear the line), Ctrl-C "\\x03", Ctrl-D "\\x04".
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from prompt_toolkit.application import create_app_session
from prompt_toolkit.input import PipeInput, create_pipe_input
from prompt_toolkit.output import DummyOutput
from rich.console import Console

from careerpath.core.errors import Interrupted
from careerpath.workbook import definition
from careerpath.workbook.definition import StageDefinition
from careerpath.workbook.home import Home
from careerpath.workbook.prompts import TerminalPrompter
from careerpath.workbook.session import Session

from conftest import TODAY

DOWN, ENTER, FINISH, CLEAR, CTRL_C, CTRL_D = "\x1b[B", "\r", "\x1b\r", "\x15", "\x03", "\x04"


@pytest.fixture
def keys() -> Iterator[PipeInput]:
    with create_pipe_input() as pipe, create_app_session(input=pipe, output=DummyOutput()):
        yield pipe


@pytest.fixture
def prompter() -> TerminalPrompter:
    return TerminalPrompter(TODAY)


def q(kind: str, required: bool = True, **extra: Any) -> Any:
    raw = {"id": "q", "prompt": "?", "kind": kind, "required": required, **extra}
    stage = StageDefinition.model_validate(
        {"id": "s", "title": "S", "intro": "I.", "questions": [raw]}
    )
    return stage.questions[0]


def answer(
    keys: PipeInput, prompter: TerminalPrompter, typed: str, question: Any, **kw: Any
) -> Any:
    keys.send_text(typed)
    return prompter.ask(question, **kw)


def test_text(keys: PipeInput, prompter: TerminalPrompter) -> None:
    assert answer(keys, prompter, "  a teacher \r", q("text")) == "a teacher"


def test_an_empty_required_answer_is_asked_again(
    keys: PipeInput, prompter: TerminalPrompter
) -> None:
    assert answer(keys, prompter, "\r\r" + "finally\r", q("text")) == "finally"


def test_an_optional_blank_is_a_skip(keys: PipeInput, prompter: TerminalPrompter) -> None:
    assert answer(keys, prompter, "\r", q("text", required=False)) is None


def test_a_wrong_date_is_asked_again(keys: PipeInput, prompter: TerminalPrompter) -> None:
    typed = "2026-02-31\r" + CLEAR + "31-02\r" + CLEAR + "2026-03-01\r"
    assert answer(keys, prompter, typed, q("date")) == date(2026, 3, 1)


def test_a_short_date_says_which_day_it_became(
    keys: PipeInput, prompter: TerminalPrompter, capsys: pytest.CaptureFixture[str]
) -> None:
    from careerpath.core.values import format_day

    day = answer(keys, prompter, "3d\r", q("date"))
    assert f"→ {format_day(day)}" in capsys.readouterr().out
    assert answer(keys, prompter, "2026-03-01\r", q("date")) == date(2026, 3, 1)
    assert "→" not in capsys.readouterr().out  # a full ISO date needs no echo


def test_a_salary_range_low_above_high_is_asked_again(
    keys: PipeInput, prompter: TerminalPrompter
) -> None:
    typed = "70k-50k EUR\r" + CLEAR + "50k-70k EUR per year\r"
    value = answer(keys, prompter, typed, q("money_range"))
    assert value == {"low": 50000.0, "high": 70000.0, "currency": "EUR", "period": "year"}


def test_number_out_of_range_is_asked_again(keys: PipeInput, prompter: TerminalPrompter) -> None:
    typed = "200\r" + CLEAR + "many\r" + CLEAR + "32\r"
    assert answer(keys, prompter, typed, q("number", integer=True, min=1, max=80)) == 32


def test_long_text_and_list_take_several_lines(keys: PipeInput, prompter: TerminalPrompter) -> None:
    assert answer(keys, prompter, "line one\rline two" + FINISH, q("long_text")) == (
        "line one\nline two"
    )
    assert answer(keys, prompter, "Excel\r\rexplaining" + FINISH, q("list")) == [
        "Excel",
        "explaining",
    ]


def test_choice_with_arrow_keys(keys: PipeInput, prompter: TerminalPrompter) -> None:
    assert answer(keys, prompter, DOWN + ENTER, q("choice", choices=["a", "b", "c"])) == "b"


def test_optional_choice_can_be_skipped(keys: PipeInput, prompter: TerminalPrompter) -> None:
    question = q("choice", required=False, choices=["a", "b"])
    assert answer(keys, prompter, DOWN + DOWN + ENTER, question) is None


def test_multi_choice_needs_one_when_required(keys: PipeInput, prompter: TerminalPrompter) -> None:
    question = q("multi_choice", choices=["a", "b", "c"])
    assert answer(keys, prompter, ENTER + " " + DOWN + DOWN + " " + ENTER, question) == ["a", "c"]


def test_ranking_picks_one_at_a_time(keys: PipeInput, prompter: TerminalPrompter) -> None:
    question = q("ranking", choices=["a", "b", "c", "d"], top=3)
    assert answer(keys, prompter, DOWN + ENTER + DOWN + ENTER + ENTER, question) == ["b", "c", "a"]


def test_ranking_can_stop_early(keys: PipeInput, prompter: TerminalPrompter) -> None:
    question = q("ranking", choices=["a", "b", "c"], top=3)
    # After one pick, the last option is "(that's enough)".
    assert answer(keys, prompter, ENTER + DOWN + DOWN + ENTER, question) == ["a"]


def test_scale_and_yes_no(keys: PipeInput, prompter: TerminalPrompter) -> None:
    assert answer(keys, prompter, DOWN + DOWN + ENTER, q("scale")) == 3
    assert answer(keys, prompter, "n", q("yes_no")) is False


def test_an_earlier_answer_is_the_default(keys: PipeInput, prompter: TerminalPrompter) -> None:
    assert answer(keys, prompter, ENTER, q("text"), default="kept") == "kept"
    assert answer(keys, prompter, ENTER, q("choice", choices=["a", "b"]), default="b") == "b"
    assert answer(keys, prompter, ENTER, q("scale"), default=4) == 4
    money = {"amount": 42000.0, "currency": "EUR"}
    assert answer(keys, prompter, ENTER, q("money"), default=money) == money


def test_ctrl_c_keeps_what_was_typed(keys: PipeInput, prompter: TerminalPrompter) -> None:
    with pytest.raises(Interrupted) as caught:
        answer(keys, prompter, "half a thou" + CTRL_C, q("long_text"))
    assert caught.value.draft == "half a thou"


def test_ctrl_d_stops_too(keys: PipeInput, prompter: TerminalPrompter) -> None:
    with pytest.raises(Interrupted):
        answer(keys, prompter, CTRL_D, q("text"))


def test_ctrl_c_mid_ranking_keeps_the_picks(keys: PipeInput, prompter: TerminalPrompter) -> None:
    question = q("ranking", choices=["a", "b", "c", "d"], top=3)
    with pytest.raises(Interrupted) as caught:
        answer(keys, prompter, DOWN + ENTER + CTRL_C, question)
    assert caught.value.draft == "b"
    # The draft is continued, not started over.
    assert answer(keys, prompter, ENTER + ENTER, question, draft="b") == ["b", "a", "c"]


# --- a whole sitting through the real prompts --------------------------------------------------


def test_a_sitting_through_the_real_prompts_and_ctrl_c(keys: PipeInput, home_dir: Path) -> None:
    home = Home(home_dir)
    home.create(definition.resolve("default"), now=datetime(2026, 11, 1))
    out = io.StringIO()
    session = Session(home, home.load(), TerminalPrompter(TODAY), Console(file=out), TODAY)
    keys.send_text(
        "Accountant, eight years."
        + FINISH  # where_now
        + "Not sure yet"
        + FINISH  # where_to
        + DOWN
        + ENTER  # clarity 2
        + ENTER
        + ENTER
        + ENTER
        + ENTER
        + ENTER  # five values, in the listed order
        + "teaching"
        + FINISH  # energisers
        + "month-end"
        + FINISH  # drainers
        + "Excel\rexplaining"
        + FINISH  # skills
        + "42k eur\r"  # income floor
        + DOWN
        + " "
        + ENTER  # work modes: hybrid
        + "Just a few"
        + CTRL_C  # hours: Ctrl-C while typing
    )
    with pytest.raises(Interrupted) as caught:
        session.continue_current()
    assert caught.value.saved == 9
    assert caught.value.kept_draft
    workbook = home.load()
    answers = workbook.answers["exploration"]
    assert answers["values"] == [
        "Autonomy",
        "Security and stability",
        "Income",
        "Creativity",
        "Helping others",
    ]
    assert answers["income_floor"] == {"amount": 42000, "currency": "EUR"}
    assert answers["work_modes"] == ["Hybrid"]
    assert workbook.state.stages["exploration"].drafts == {"hours": "Just a few"}


def test_an_optional_scale_can_be_skipped(keys: PipeInput, prompter: TerminalPrompter) -> None:
    question = q("scale", required=False)
    assert answer(keys, prompter, DOWN * 5 + ENTER, question) is None
    assert answer(keys, prompter, DOWN * 4 + ENTER, question) == 5


# --- every kind through every path ---------------------------------------------------------------

SAMPLES: dict[str, tuple[dict[str, Any], str]] = {  # settings, and the keys that answer it
    "text": ({}, "a teacher\r"),
    "long_text": ({}, "two\rlines" + FINISH),
    "choice": ({"choices": ["a", "b"]}, DOWN + ENTER),
    "multi_choice": ({"choices": ["a", "b"]}, " " + ENTER),
    "ranking": ({"choices": ["a", "b", "c"], "top": 2}, ENTER + ENTER),
    "scale": ({}, DOWN + ENTER),
    "yes_no": ({}, "y"),
    "number": ({"min": 1, "max": 9, "integer": True}, "4\r"),
    "money": ({}, "45000 EUR\r"),
    "money_range": ({}, "40k-50k EUR\r"),
    "date": ({}, "2026-12-01\r"),
    "list": ({"item_label": "skill"}, "Excel\rtalking" + FINISH),
    "weights": ({}, "Autonomy=5, hours=2\r"),
    "ratings": ({"choices": ["Autonomy", "Income", "Variety"]}, "4 - 2\r"),
}


def test_every_kind_has_a_sample_here() -> None:
    from typing import get_args

    from careerpath.workbook.definition import Kind

    # records are asked field by field (their fields are the kinds above)
    assert set(SAMPLES) | {"records"} == set(get_args(Kind))


@pytest.mark.parametrize("kind", sorted(SAMPLES))
def test_every_kind_prompts_parses_renders_and_fills_in(
    kind: str, keys: PipeInput, prompter: TerminalPrompter
) -> None:
    import tomllib

    from careerpath.workbook.prompts import unusable

    settings, typed = SAMPLES[kind]
    question = q(kind, **settings)
    value = answer(keys, prompter, typed, question)
    assert value is not None and unusable(question, value) is None
    assert question.format(value).strip()
    assert question.parse(question.as_text(value), TODAY) == value
    example = tomllib.loads(f"x = {question.example()}")["x"]
    assert unusable(question, example) is None


def test_an_unusable_value_from_a_prompt_is_asked_again(
    keys: PipeInput, prompter: TerminalPrompter, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A terminal that garbles a pick (as one without cursor-position reports did) gets the
    question again, and after two such picks the answer is typed instead."""
    from careerpath.workbook import prompts

    monkeypatch.setitem(prompts._ASKERS, "scale", lambda self, question, default, draft: "")
    keys.send_text("4\r")
    assert prompter.ask(q("scale")) == 4


def test_weights_are_rated_need_by_need_from_the_usual_ones(
    keys: PipeInput, prompter: TerminalPrompter
) -> None:
    usual = {"Autonomy": 5, "income_floor": 5, "hours": 3}
    assert answer(keys, prompter, ENTER, q("weights"), default=usual) == usual  # keep them
    typed = "n" + "\x1b[A" + ENTER + ENTER + DOWN + ENTER  # 4, 5 as it was, 3 → 4
    assert answer(keys, prompter, typed, q("weights"), default=usual) == {
        "Autonomy": 4,
        "income_floor": 5,
        "hours": 4,
    }


def test_a_long_pick_is_cut_at_a_word_and_its_answer_never_split_inside_one(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import pyte
    from prompt_toolkit.data_structures import Size
    from prompt_toolkit.output.vt100 import Vt100_Output

    monkeypatch.setenv("COLUMNS", "80")
    long = [
        "Recognition: Being noticed for good work, with a chance to move up and to lead.",
        "Relationships: Friendly colleagues, helping others, and never having to act "
        "against your conscience.",
    ]
    message = "Of these, which matters most to you in work? (1 of 5)"
    written = io.StringIO()
    output = Vt100_Output(written, lambda: Size(rows=24, columns=80), term="xterm")
    with create_pipe_input() as pipe, create_app_session(input=pipe, output=output):
        pipe.send_text(ENTER)
        picked = TerminalPrompter(TODAY).select(message, long)
    assert picked == long[0]  # the whole option, though it was shown cut
    screen = pyte.Screen(80, 24)
    pyte.Stream(screen).feed(written.getvalue())
    lines = [line.rstrip() for line in screen.display if line.strip()]
    words = set(" ".join([*long, message]).split())
    for line in lines:
        for word in line.split():  # every word on screen is whole, or cut with "…"
            assert word.strip("?»") == "" or word in words or word.endswith("…"), (word, lines)
