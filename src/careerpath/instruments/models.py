"""What ``instruments.toml`` may hold: the inventory's answers, earlier results, the
work-values order, the preparation a person is open to, the energy log and the futures.

Strict: an unknown key or a wrong value is a problem that names the file, line and field
(``store`` reads and writes the file; these are only its shape, kept apart so that a command
that only reads an unchanged file starts without pydantic).
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from careerpath.instruments.interests import BY_ID
from careerpath.instruments.work_values import VALUES

SCHEMA_VERSION = 1
Answer = Literal["like", "unsure", "dislike"]
MAX_FUTURES = 3
MAX_TITLE_WORDS = 6


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class EarlierResult(_Strict):
    """A finished inventory kept when the person takes it again."""

    taken: date
    code: str
    scores: dict[str, int]


class Interests(_Strict):
    started: date
    finished: date | None = None
    answers: dict[str, Answer] = Field(default_factory=dict)
    earlier: list[EarlierResult] = Field(default_factory=list)

    @field_validator("answers")
    @classmethod
    def _known_items(cls, answers: dict[str, Answer]) -> dict[str, Answer]:
        unknown = sorted(set(answers) - set(BY_ID))
        if unknown:
            raise ValueError(f"not an item of the inventory: {', '.join(unknown)}")
        return answers


class WorkValues(_Strict):
    sorted: date
    order: list[str]

    @field_validator("order")
    @classmethod
    def _all_six(cls, order: list[str]) -> list[str]:
        if sorted(order) != sorted(VALUES):
            raise ValueError(f"must name each of {', '.join(VALUES)} once")
        return order


Rating = Annotated[int, Field(ge=1, le=5)]


class EnergyEntry(_Strict):
    """One line of the energy log: an activity, how engaged it kept you, what it did to
    your energy."""

    date: date
    activity: str = Field(min_length=1, max_length=200)
    engagement: Rating
    energy: int = Field(ge=-2, le=2)


class Future(_Strict):
    """One of up to three five-year sketches."""

    title: str = Field(min_length=1, max_length=80)
    story: str | None = None
    """What happens in these five years."""
    questions: list[str] = Field(default_factory=list)
    """What this future would test."""
    resources: Rating
    liking: Rating
    confidence: Rating
    coherence: Rating
    sketched: date

    @field_validator("title")
    @classmethod
    def _six_words(cls, title: str) -> str:
        if len(title.split()) > MAX_TITLE_WORDS:
            raise ValueError(f"a title of at most {MAX_TITLE_WORDS} words")
        return title


class Instruments(_Strict):
    schema_version: int = SCHEMA_VERSION
    interests: Interests | None = None
    work_values: WorkValues | None = None
    max_zone: int | None = Field(default=None, ge=1, le=5)
    """The most preparation (job zone 1–5) the person would take on."""
    offer_declined: date | None = None
    """When the person said no to taking the exercises during exploration (asked once)."""
    energy: list[EnergyEntry] = Field(default_factory=list)
    futures: list[Future] = Field(default_factory=list, max_length=MAX_FUTURES)
