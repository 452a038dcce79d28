"""Shared fixtures. Every test runs with its own home folder and settings file, a fixed
"today", no colour and an 80-column terminal, and with HOME pointed at a temp folder so nothing
can reach the real user data or config folder."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from careerpath.core import config
from careerpath.core.errors import Interrupted
from careerpath.tracking import records  # noqa: F401  (registers record types, as the cli does)
from careerpath.workbook import definition
from careerpath.workbook.definition import Question, WorkbookDefinition

TODAY = date(2026, 11, 25)


@pytest.fixture(autouse=True)
def _isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CAREERPATH_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("CAREERPATH_TODAY", TODAY.isoformat())
    # Settings: never the person's own config file, nor their CAREERPATH_<KEY> variables.
    monkeypatch.setenv(config.CONFIG_ENV, str(tmp_path / "user" / "config.toml"))
    for setting in config.KEYS.values():
        monkeypatch.delenv(setting.env, raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "user"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "user" / ".local" / "share"))
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.delenv("EDITOR", raising=False)


@pytest.fixture
def home_dir(tmp_path: Path) -> Path:
    return tmp_path / "home"


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def run(runner: CliRunner, *args: str, code: int = 0, today: str | None = None) -> Any:
    """Run careerpath as a script would; the exit code must be ``code`` and no traceback
    may show. ``today`` pins another day than ``TODAY`` for this one run."""
    from careerpath.cli import app

    env = {"CAREERPATH_TODAY": today} if today else None
    result = runner.invoke(app, list(args), env=env)
    assert result.exit_code == code, (result.exit_code, result.output, result.exception)
    assert "Traceback" not in result.output
    return result


def flat(text: str) -> str:
    """Output with wrapped lines joined, for messages that may wrap at 80 columns."""
    return " ".join(text.split())


def stage_file(home: Path, stage_id: str) -> dict[str, Any]:
    """A stage file as saved, parsed."""
    import tomllib

    return tomllib.loads((home / "stages" / f"{stage_id}.toml").read_text())


@pytest.fixture
def started(runner: CliRunner, home_dir: Path) -> Path:
    """A home with the built-in workbook started and nothing answered."""
    run(runner, "start")
    return home_dir


@pytest.fixture
def book() -> WorkbookDefinition:
    return definition.load_builtin()


class ScriptedPrompter:
    """A Prompter that answers from a list, in order, and records what it was asked.

    Each script item answers one call: a value for ``ask``, a bool for ``confirm``, an
    option for ``select``. ``INTERRUPT`` (or ``Interrupt(draft)``) stands for Ctrl-C.
    """

    def __init__(self, script: Sequence[Any]) -> None:
        self.script = list(script)
        self.asked: list[str] = []
        self.defaults: dict[str, Any] = {}
        self.drafts: dict[str, str | None] = {}

    def _next(self, what: str) -> Any:
        self.asked.append(what)
        if not self.script:
            raise AssertionError(f"script ran out at {what!r}; asked so far: {self.asked}")
        item = self.script.pop(0)
        if isinstance(item, Interrupt):
            raise Interrupted(draft=item.draft)
        return item

    def ask(self, question: Question, default: Any = None, draft: str | None = None) -> Any:
        self.defaults[question.id] = default
        self.drafts[question.id] = draft
        return self._next(question.id)

    def confirm(self, message: str, default: bool = True) -> bool:
        return bool(self._next(message))

    def select(self, message: str, options: Sequence[str], default: str | None = None) -> str:
        answer = self._next(message)
        assert answer in options, f"{answer!r} not among {options}"
        return str(answer)

    @property
    def finished(self) -> bool:
        return not self.script


class Interrupt:
    def __init__(self, draft: str | None = None) -> None:
        self.draft = draft


INTERRUPT = Interrupt()


# Complete answers for every stage of the default workbook, as a stage file would hold them.
FULL_ANSWERS: dict[str, dict[str, Any]] = {
    "exploration": {
        "where_now": "Accountant for eight years; good at it, bored by it.",
        "where_to": "Not sure yet. Something with people and data.",
        "clarity": 2,
        "values": ["Autonomy", "Helping others", "Learning and growth", "Income", "Variety"],
        "energisers": ["teaching juniors", "untangling messy problems"],
        "drainers": ["month-end close"],
        "skills": ["Excel", "explaining things simply"],
        "income_floor": {"amount": 42000, "currency": "EUR"},
        "work_modes": ["Hybrid", "Fully remote"],
        "hours": 32,
        "timeline": "Within 6 months",
    },
    "diving-deeper": {
        "targets": [
            {
                "title": "UX researcher",
                "field": "Tech",
                "education": "A degree, or a bootcamp and a portfolio",
                "tasks": ["user interviews", "synthesis"],
                "salary": {"low": 50000, "high": 70000, "currency": "EUR", "period": "year"},
                "outlook": "Growing",
                "values_fit": 4,
            },
            {
                "title": "Data analyst",
                "salary": {"low": 30, "high": 45, "currency": "EUR", "period": "hour"},
            },
        ],
        "leading_option": "UX research: people and puzzles.",
    },
    "networking": {
        "outreach_styles": ["A short personal email"],
        "contacts": [
            {
                "name": "Sam Lee",
                "warmth": "warm: I know them",
                "next_step": "Coffee next week",
                "follow_up": date(2026, 12, 2),
                "conversations": [{"date": date(2026, 11, 20), "summary": "Coffee chat"}],
            }
        ],
        "weekly_goal": 2,
    },
    "applying": {
        "resume_ready": 4,
        "cover_letter_ready": 3,
        "applications": [{"employer": "Acme", "role": "UX researcher", "status": "applied"}],
    },
    "closing": {
        "offers": [
            {
                "employer": "Acme",
                "role": "UX researcher",
                "base_pay": {"amount": 58000, "currency": "EUR"},
            }
        ],
        "offer_fit": 4,
        "offer_check": "Meets my floor and remote days; misses the training budget.",
        "decision": "Negotiating first",
    },
}


LEAVING_WELL = [
    "Given notice in writing",
    "Agreed a last day",
    "Written handover notes",
    "Asked for references",
    "Checked pension and benefits to roll over",
    "Thanked colleagues and said a good goodbye",
]
CLOSING_DONE: dict[str, Any] = {
    **FULL_ANSWERS["closing"],
    "offers": [{**FULL_ANSWERS["closing"]["offers"][0], "status": "accepted"}],
    "decision": "Accepting",
    "leaving_well": LEAVING_WELL,
}
"""Closing with its work done (a decision on the offer, the checklist ticked), so an answers
file completes it."""


@pytest.fixture
def write_answers(tmp_path: Path) -> Iterator[Any]:
    """Write a stage's answers as a TOML file for ``--answers`` and return its path."""
    import tomli_w

    def write(stage_id: str, answers: dict[str, Any] | None = None) -> Path:
        path = tmp_path / f"{stage_id}-answers.toml"
        path.write_text(tomli_w.dumps(answers if answers is not None else FULL_ANSWERS[stage_id]))
        return path

    yield write
