"""Taking the exercises at a prompt: one inventory item a screen, each answer saved as soon as
it is given (Ctrl-C keeps them all; the next run carries on), then the result stored."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, Any, Protocol, cast

from careerpath.core.errors import Interrupted
from careerpath.instruments import interests, store
from careerpath.instruments.work_values import VALUES
from careerpath.workbook.home import Home

if TYPE_CHECKING:
    from careerpath.instruments.matching import Suggestion
    from careerpath.workbook.definition import StageDefinition
    from careerpath.workbook.prompts import Prompter
    from careerpath.workbook.session import Session

RESUME_HINT = "Run `careerpath interests` to carry on where you left off."

PREPARATION = {
    "Little or none: I want to start soon": 2,
    "A course or a certificate (months, up to two years)": 3,
    "A degree (about four years)": 4,
    "A graduate degree or long training": 5,
}
"""How much more education or training a person would take on → the highest job zone."""


_ANSWER_OF: dict[str, store.Answer] = {"Like": "like", "Not sure": "unsure", "Dislike": "dislike"}


class Asker(Protocol):
    """What the sitting needs from the prompt adapter (``workbook.prompts``)."""

    def pick_numbered(
        self, message: str, options: Sequence[str], default: str | None = None
    ) -> str: ...

    def select(self, message: str, options: Sequence[str], default: str | None = None) -> str: ...


def begin(home: Home, today: date, again: bool = False) -> store.Instruments:
    """Make sure an inventory is under way; ``again`` keeps a finished one as an earlier
    result (with its date) and starts afresh."""

    def change(found: store.Instruments) -> store.Instruments:
        current = found.interests
        if current is None:
            found.interests = store.Interests(started=today)
        elif again and current.finished is not None:
            result = interests.score(current.answers)
            kept = store.EarlierResult(
                taken=current.finished, code=result.code, scores=result.scores
            )
            found.interests = store.Interests(started=today, earlier=[*current.earlier, kept])
        return found

    return store.update(home, change)


def take_inventory(home: Home, asker: Asker, today: date) -> interests.Result:
    """Ask every item not answered yet, saving each answer; then store the finish date.

    Raises:
        Interrupted: Ctrl-C; every answer given is already saved.
    """
    saved = 0
    found = store.read(home)
    assert found.interests is not None  # begin() came first
    answers = dict(found.interests.answers)
    total = len(interests.ITEMS)
    for number, item in enumerate(interests.ITEMS, start=1):
        if item.id in answers:
            continue
        try:
            picked = asker.pick_numbered(
                f"{number} of {total}  ·  {item.text}", list(interests.ANSWERS.values())
            )
        except Interrupted:
            error = Interrupted(saved=saved)
            error.hint = RESUME_HINT
            raise error from None
        answer: store.Answer = _ANSWER_OF[picked]
        answers[item.id] = answer
        _save_answer(home, item.id, answer)
        saved += 1
    return finish(home, today)


def _save_answer(home: Home, item_id: str, answer: store.Answer) -> None:
    def change(found: store.Instruments) -> None:
        assert found.interests is not None
        found.interests.answers[item_id] = answer

    store.update(home, change)


def record_answers(home: Home, given: dict[str, store.Answer], today: date) -> interests.Result:
    """Answers from a file, all at once (each checked by the store's model)."""

    def change(found: store.Instruments) -> None:
        assert found.interests is not None
        merged = {**found.interests.answers, **given}
        found.interests = store.Interests.model_validate(
            {**found.interests.model_dump(), "answers": merged}
        )

    store.update(home, change)
    return finish(home, today)


def finish(home: Home, today: date) -> interests.Result:
    """The result when every item is answered (storing the day it was finished)."""
    found = store.read(home)
    assert found.interests is not None
    missing = [item.id for item in interests.ITEMS if item.id not in found.interests.answers]
    if missing:
        from careerpath.core.errors import InvalidInput

        raise InvalidInput(
            f"{len(missing)} of {len(interests.ITEMS)} items are not answered yet "
            f"({', '.join(missing[:5])}{'…' if len(missing) > 5 else ''})",
            hint=RESUME_HINT,
        )
    if found.interests.finished is None:

        def change(stored: store.Instruments) -> None:
            assert stored.interests is not None
            stored.interests.finished = today

        store.update(home, change)
    return interests.score(found.interests.answers)


def sort_values(home: Home, asker: Asker, today: date) -> list[str]:
    """The six work values, most important first: "which matters most of these?" five times."""
    left = list(VALUES)
    order: list[str] = []
    while len(left) > 1:
        labels = [f"{name}: {VALUES[name]}" for name in left]
        picked = asker.select(
            f"Of these, which matters most to you in work? ({len(order) + 1} of 5)", labels
        )
        name = left[labels.index(picked)]
        order.append(name)
        left.remove(name)
    order += left
    save_values(home, order, today)
    return order


def save_values(home: Home, order: list[str], today: date) -> None:
    def change(found: store.Instruments) -> None:
        found.work_values = store.WorkValues(sorted=today, order=order)

    store.update(home, change)


def ask_preparation(home: Home, asker: Asker) -> int:
    """Ask once how much more education or training the person would take on."""
    picked = asker.select(
        "How much more education or training would you take on?", list(PREPARATION)
    )
    zone = PREPARATION[picked]

    def change(found: store.Instruments) -> None:
        found.max_zone = zone

    store.update(home, change)
    return zone


# --- offered in exploration ------------------------------------------------------------------

LOW_CLARITY = 2


def unsure(question_id: str, value: Any) -> bool:
    """Whether an exploration answer says the person does not know where to go yet."""
    if question_id == "clarity":
        return isinstance(value, int) and value <= LOW_CLARITY
    if question_id == "where_to" and isinstance(value, str):
        text = value.casefold()
        return any(words in text for words in ("not sure", "no idea", "don't know", "unsure"))
    return False


def offer_in_exploration(
    session: Session, stage: StageDefinition, question_id: str, value: Any
) -> None:
    """After a "not sure" in exploration, offer the inventory and the sort right there, once
    (skippable; the inventory resumes where it stopped), then show the code and top fits."""
    if stage.id != "exploration" or not unsure(question_id, value):
        return
    asker = session.prompter
    if not hasattr(asker, "pick_numbered"):  # answering from a file: nothing to offer
        return
    home, today = session.home, session.today
    found = store.read(home)
    if found.offer_declined is not None or (
        found.interests is not None and found.interests.finished is not None
    ):
        return
    session.console.print()
    if not asker.confirm(
        "Not sure where to go yet? That is expected. A short interest inventory (54 quick "
        "Like / Not sure / Dislike questions) and a sort of six work values can point to "
        "occupations that fit. Take them now?",
        default=True,
    ):

        def declined(stored: store.Instruments) -> None:
            stored.offer_declined = today

        store.update(home, declined)
        session.console.print("Fine: `careerpath interests` takes it any time.", markup=False)
        return
    begin(home, today)
    result = take_inventory(home, cast("Asker", asker), today)
    order = sort_values(home, cast("Asker", asker), today)
    _show_fits(session, result, order)


def _show_fits(session: Session, result: interests.Result, order: list[str]) -> None:
    """The code and the five best fits, before the stage goes on."""
    from careerpath import occupations
    from careerpath.instruments import matching
    from careerpath.instruments.work_values import scores

    ranked = matching.suggest(
        occupations.fits(), result.scores, scores(order), store.read(session.home).max_zone
    )
    names = "-".join(interests.TYPES[letter] for letter in result.code)
    lines = [f"\nYour interest code: {result.code} ({names}).", *result.ties]
    lines.append("Occupations that fit it best:")
    lines += [f"  {n}. {s.title} ({s.code})" for n, s in enumerate(ranked[:5], start=1)]
    lines.append("More: `careerpath explore`. Now back to where you were.")
    for line in lines:
        session.console.print(line, markup=False, highlight=False)


def income_floor_answer(home: Home) -> dict[str, Any] | None:
    """The person's income floor as answered in exploration (amount, currency, period), or
    ``None`` when there is none yet (or no workbook)."""
    if not home.exists():
        return None
    book = home.read_definition(home.read_state())
    stage = next((s for s in book.stages if s.id == "exploration"), None)
    answer = home.read_answers(stage).get("income_floor") if stage else None
    return answer if isinstance(answer, dict) else None


def usd_floor(home: Home) -> tuple[float | None, list[str]]:
    """The income floor in USD, or ``None`` with a note saying why pay was not used."""
    answer = income_floor_answer(home)
    if answer is None:
        return None, ["Pay was not used: no income floor yet (exploration)."]
    if answer.get("currency") != "USD":
        return None, [
            f"Pay was not used: your floor is in {answer.get('currency')}, the pack's pay is "
            "U.S. pay in USD."
        ]
    return float(answer["amount"]), []


def best_fits(home: Home) -> list[Suggestion]:
    """The occupations that fit the person, best first, as `careerpath explore` ranks them
    (no filters); none, and the pack not opened, without finished interest results."""
    found = store.read(home)
    if found.interests is None or found.interests.finished is None:
        return []
    from careerpath import occupations
    from careerpath.instruments import matching
    from careerpath.instruments.work_values import scores

    values = scores(found.work_values.order) if found.work_values else None
    result = interests.score(found.interests.answers)
    floor, _ = usd_floor(home)
    return matching.suggest(occupations.fits(), result.scores, values, found.max_zone, floor)


# --- the energy log at a prompt --------------------------------------------------------------

ENERGY_EFFECT = {
    "+2  it gave me a lot of energy": 2,
    "+1  it gave me some energy": 1,
    " 0  neither": 0,
    "-1  it took some energy": -1,
    "-2  it drained me": -2,
}
"""The energy log's −2..+2, as a person picks it."""


def ask_energy_entry(
    prompter: Prompter, activity: str | None, engagement: int | None, energy: int | None
) -> tuple[str, int, int]:
    """What ``energy log`` was not given, asked at the prompt: the activity, how engaged it
    kept the person (1–5) and what it did to their energy (−2..+2)."""
    from careerpath.workbook.definition import Question

    if activity is None:
        asked = Question.model_validate(
            {"id": "activity", "kind": "text", "prompt": "What did you do, in a few words?"}
        )
        activity = str(prompter.ask(asked))
    if engagement is None:
        scale = Question.model_validate(
            {
                "id": "engagement",
                "kind": "scale",
                "prompt": f"How engaged did “{activity}” keep you?",
                "low_label": "not at all",
                "high_label": "completely absorbed",
            }
        )
        engagement = int(prompter.ask(scale))
    if energy is None:
        picked = prompter.select("What did it do to your energy?", list(ENERGY_EFFECT))
        energy = ENERGY_EFFECT[picked]
    return activity, engagement, energy
