"""Taking the exercises at a prompt: one inventory item a screen, each answer saved as soon as
it is given (Ctrl-C keeps them all; the next run carries on), then the result stored."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, Any, Protocol, cast

from careerpath.core.errors import Interrupted
from careerpath.instruments import interests, models, store
from careerpath.instruments.work_values import VALUES
from careerpath.workbook.home import Home

if TYPE_CHECKING:
    from careerpath.instruments.matching import Suggestion
    from careerpath.workbook.definition import Question, StageDefinition
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


_ANSWER_OF: dict[str, models.Answer] = {"Like": "like", "Not sure": "unsure", "Dislike": "dislike"}


class Asker(Protocol):
    """What the sitting needs from the prompt adapter (``workbook.prompts``)."""

    def pick_numbered(
        self, message: str, options: Sequence[str], default: str | None = None
    ) -> str: ...

    def select(self, message: str, options: Sequence[str], default: str | None = None) -> str: ...


def begin(home: Home, today: date, again: bool = False) -> models.Instruments:
    """Make sure an inventory is under way; ``again`` keeps a finished one as an earlier
    result (with its date) and starts afresh."""

    def change(found: models.Instruments) -> models.Instruments:
        current = found.interests
        if current is None:
            found.interests = models.Interests(started=today)
        elif again and current.finished is not None:
            result = interests.score(current.answers)
            kept = models.EarlierResult(
                taken=current.finished, code=result.code, scores=result.scores
            )
            found.interests = models.Interests(started=today, earlier=[*current.earlier, kept])
        return found

    return store.update(home, change)


def take_inventory(home: Home, asker: Asker, today: date) -> interests.Result:
    """Ask every item not answered yet, saving each answer; then store the finish date.

    Raises:
        Interrupted: Ctrl-C; every answer given is already saved.
    """
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
            raise Interrupted(
                also=(f"{len(answers)} of {total} inventory answers",),
                hint=f"Run `careerpath interests` to carry on with the inventory: "
                f"{_left(total - len(answers))}.",
            ) from None
        answer: models.Answer = _ANSWER_OF[picked]
        answers[item.id] = answer
        _save_answer(home, item.id, answer)
    return finish(home, today)


def _left(count: int) -> str:
    return f"{count} {'item' if count == 1 else 'items'} left"


def _save_answer(home: Home, item_id: str, answer: models.Answer) -> None:
    def change(found: models.Instruments) -> None:
        assert found.interests is not None
        found.interests.answers[item_id] = answer

    store.update(home, change)


def record_answers(home: Home, given: dict[str, models.Answer], today: date) -> interests.Result:
    """Answers from a file, all at once (each checked by the store's model)."""

    def change(found: models.Instruments) -> None:
        assert found.interests is not None
        merged = {**found.interests.answers, **given}
        found.interests = models.Interests.model_validate(
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
            f"{len(missing)} of {len(interests.ITEMS)} items "
            f"{'is' if len(missing) == 1 else 'are'} not answered yet "
            f"({', '.join(missing[:5])}{'…' if len(missing) > 5 else ''})",
            hint=RESUME_HINT,
        )
    if found.interests.finished is None:

        def change(stored: models.Instruments) -> None:
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
    def change(found: models.Instruments) -> None:
        found.work_values = models.WorkValues(sorted=today, order=order)

    store.update(home, change)


def ask_preparation(home: Home, asker: Asker) -> int:
    """Ask once how much more education or training the person would take on."""
    picked = asker.select(
        "How much more education or training would you take on?", list(PREPARATION)
    )
    zone = PREPARATION[picked]

    def change(found: models.Instruments) -> None:
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
    (skippable; the inventory resumes where it stopped, offered again after the next
    answer), then show the code and top fits."""
    if stage.id != "exploration":
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
    # Stopped part way, the inventory is offered again after the next answer, not only
    # after another "not sure".
    if not unsure(question_id, value) and not (found.interests and found.interests.answers):
        return
    session.console.print()
    total = len(interests.ITEMS)
    answered = len(found.interests.answers) if found.interests else 0
    question = (
        f"Carry on with the interest inventory? {total - answered} of {total} items left."
        if answered
        else (
            f"Not sure where to go yet? That is expected. A short interest inventory ({total} "
            "quick Like / Not sure / Dislike questions) and a sort of six work values can point "
            "to occupations that fit. Take them now?"
        )
    )
    if not asker.confirm(question, default=True):

        def declined(stored: models.Instruments) -> None:
            stored.offer_declined = today

        store.update(home, declined)
        session.console.print("Fine: `careerpath interests` takes it any time.", markup=False)
        return
    begin(home, today)
    result = take_inventory(home, cast("Asker", asker), today)
    sorted_before = store.read(home).work_values
    order = sorted_before.order if sorted_before else sort_values(home, cast("Asker", asker), today)
    fits = _show_fits(session, result, order)
    # "Where would you like to go?" answered "not sure" is asked again with the fits on the
    # screen: the point of taking the exercises there.
    where_to = next((q for q in stage.questions if q.id == "where_to"), None)
    if (
        fits
        and where_to is not None
        and unsure("where_to", session.workbook.answers_for(stage).get("where_to"))
    ):
        session.console.print(
            "\nWith these in mind, once more: name one or two that draw you, or keep your "
            "answer as it is.",
            markup=False,
            highlight=False,
        )
        session.ask_again(stage, where_to)
    else:
        session.console.print("Now back to where you were.", markup=False, highlight=False)


IN_WORKBOOK_WORDS: dict[str, tuple[str, ...]] = {
    "Achievement": ("Challenge",),
    "Independence": ("Autonomy",),
    "Recognition": ("Recognition",),
    "Relationships": ("Teamwork and belonging", "Helping others"),
    "Support": (),  # a manager who backs you: none of the workbook's values says it
    "Working Conditions": ("Security and stability", "Income"),
}
"""The six work values of the sort in the words of exploration's values question."""


def values_start(session: Session, stage: StageDefinition, question: Question) -> Any:
    """Exploration's top values, started from the work-values sort when there is one, so
    the person is not asked twice: their sort's order in the question's words, kept with
    Enter. None for any other question, or without a sort."""
    if stage.id != "exploration" or question.id != "values" or question.kind != "ranking":
        return None
    found = store.read(session.home).work_values
    if found is None:
        return None
    choices = question.choices or []
    start: list[str] = []
    for name in found.order:
        start += [w for w in IN_WORKBOOK_WORDS.get(name, ()) if w in choices and w not in start]
    if not start:
        return None
    start = start[: question.count]
    from rich.padding import Padding
    from rich.text import Text

    session.console.print(Text(question.prompt, style="bold"))
    said = (
        "Your sort of the six work values gives a start: those match occupations, these are "
        f"what offers are checked against. Say no to pick from all {len(choices)}."
    )
    session.console.print(Padding(Text(said, style="dim"), (0, 0, 0, 2)))
    return start


def _show_fits(session: Session, result: interests.Result, order: list[str]) -> bool:
    """The code and the five best fits, before the stage goes on; False when there are no
    fits to show (six equal scores point nowhere)."""
    from careerpath import occupations
    from careerpath.core.errors import InvalidInput
    from careerpath.instruments import matching
    from careerpath.instruments.work_values import scores

    names = "-".join(interests.TYPES[letter] for letter in result.code)
    lines = [f"\nYour interest code: {result.code} ({names}).", *result.ties]
    try:
        ranked = matching.suggest(
            occupations.fits(), result.scores, scores(order), store.read(session.home).max_zone
        )
    except InvalidInput as flat:  # all six scores the same: said, and the stage goes on
        lines += [f"{flat.message[0].upper()}{flat.message[1:]}.", flat.hint or ""]
        ranked = []
    else:
        lines.append("Occupations that fit it best:")
        lines += [f"  {n}. {s.title} ({s.code})" for n, s in enumerate(ranked[:5], start=1)]
        lines.append("More: `careerpath explore`.")
    for line in lines:
        session.console.print(line, markup=False, highlight=False)
    return bool(ranked)


def best_fits(home: Home) -> list[Suggestion]:
    """The occupations that fit the person, best first, as `careerpath explore` ranks them
    (no filters); none, and the pack not opened, without finished interest results (none,
    too, when the six scores are all the same)."""
    found = store.read(home)
    if found.interests is None or found.interests.finished is None:
        return []
    from careerpath import occupations
    from careerpath.core.errors import InvalidInput
    from careerpath.instruments import matching
    from careerpath.instruments.floor import usd_floor
    from careerpath.instruments.work_values import scores

    values = scores(found.work_values.order) if found.work_values else None
    result = interests.score(found.interests.answers)
    floor, _ = usd_floor(home)
    try:
        return matching.suggest(occupations.fits(), result.scores, values, found.max_zone, floor)
    except InvalidInput:  # six equal scores point nowhere: nothing to suggest
        return []


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
