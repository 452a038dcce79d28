"""The records' part in a sitting with the stages (``Session(companions=...)``), at the prompt:

- a new contact, application or offer is linked to the records it is about, picked from short
  lists (never typed ids): a contact's target jobs, an application's target and referring
  contact, an offer's application (which also fills its employer and role);
- a new target job can be looked up in the occupation data and starts from what the pack
  says, each answer offered for the person to keep or change;
- the jobs picked from the occupations that fit the person's interests become target jobs
  the same way;
- the closing stage's decision is recorded on the offer it is about, and moves the
  application that offer came from;
- a weights question starts from every need offers are compared on, weighted as now.

The sitting is taken as ``Any``-typed duck (``workbook.session.Session``): this layer does not
import the sitting, which talks to a terminal.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from careerpath.tracking import records
from careerpath.workbook.companion import Companion

if TYPE_CHECKING:
    from careerpath.occupations import Profile
    from careerpath.workbook.definition import Question, StageDefinition
    from careerpath.workbook.models import Workbook

NONE = "none of these"
SUGGESTED = (
    "These occupations fit your interests best. Tick any you are considering; you can add "
    "your own after them."
)
LOOK_UP = "Look it up in the occupation data? (type a few words, or Enter to skip)"
KEEP_USD = "Keep the U.S. range (USD)"
OWN_PAY = "Enter my own"
DECISION_STATUS: dict[str, records.OfferStatus] = {
    "accept": "accepted",
    "declin": "declined",
    "negotiat": "negotiating",
}
"""A decision answer, by how it begins ("Accepting", "Declining", "Negotiating first"), and the
offer status it records. "Still deciding" records nothing."""

Suggest = Callable[[], Sequence[tuple[str, str]]]
"""The occupations that fit the person, best first, as (code, title): none when they have no
interest results (handed in by the command line, which may ask the exercises)."""


class TrackingCompanion(Companion):
    """Links, look-ups and decisions at the prompt; see the module's docstring."""

    def __init__(self, suggest: Suggest | None = None) -> None:
        self.suggest = suggest

    def offered(self, workbook: Workbook, question: Question, earlier: Any) -> Any:
        from careerpath.tracking import scoring

        if question.id == scoring.FAVOURED_FIT and question.kind == "scale" and earlier is None:
            return scoring.favoured_fit(workbook)  # offer compare's score, not a second rating
        if question.kind != "weights":
            return earlier
        return scoring.offer_weights(workbook) or earlier

    # --- new records -------------------------------------------------------------------------

    def record_start(
        self, sitting: Any, stage: StageDefinition, question: Question
    ) -> dict[str, Any]:
        name = question.record_type
        workbook: Workbook = sitting.workbook
        if name == "contacts":
            targets = records.stored(workbook, "targets")
            if not targets:
                return {}
            picked = _pick_many(
                sitting,
                "Which target jobs is this contact about?",
                targets,
                "targets",
            )
            return {"targets": picked} if picked else {}
        if name == "applications":
            start: dict[str, Any] = {}
            target = _pick_one(sitting, "Which target job is it for?", workbook, "targets")
            if target is not None:
                start["target"] = target["id"]
                start["role"] = target.get("title")
            contact = _pick_one(sitting, "Who referred you, if anyone?", workbook, "contacts")
            if contact is not None:
                start["contact"] = contact["id"]
            return {key: value for key, value in start.items() if value is not None}
        if name == "offers":
            app = _pick_one(
                sitting, "Which application did it come from?", workbook, "applications"
            )
            if app is None:
                return {}
            from careerpath.tracking import tracker

            moved = tracker.Book(sitting.home, workbook, "applications").update(
                app["id"],
                lambda stored: tracker.follow(stored, "offer", sitting.today),
                sitting.today,
            )
            if moved:
                sitting.console.print(
                    f"  Moved {app['id']}: {moved} → offer.", markup=False, highlight=False
                )
            return {
                key: value
                for key, value in (
                    ("application", app["id"]),
                    ("employer", app.get("employer")),
                    ("role", app.get("role")),
                )
                if value is not None
            }
        if name == "targets":
            return look_up(sitting)
        return {}

    def records_start(
        self, sitting: Any, stage: StageDefinition, question: Question
    ) -> list[dict[str, Any]]:
        """The jobs picked from the occupations that fit the person's interests."""
        if question.record_type != "targets" or self.suggest is None:
            return []
        from careerpath.tracking.prefill import targets_by_occupation

        have = targets_by_occupation(sitting.workbook)
        found = [(code, title) for code, title in self.suggest() if code not in have][:5]
        if not found:
            return []

        shown = {f"{title} ({code})": code for code, title in found}
        picked = tick(sitting, SUGGESTED, list(shown))
        from careerpath import occupations

        return from_pack(sitting, [occupations.get(shown[label]) for label in picked])

    # --- answers -----------------------------------------------------------------------------

    def answered(
        self, sitting: Any, stage: StageDefinition, question: Question, value: Any
    ) -> None:
        """A decision answered in the offers' stage is recorded on the offer it is about."""
        found = records.locate(sitting.workbook.definition, "offers")
        if question.id != records.DECISION or found is None or found[0].id != stage.id:
            return
        status = next(
            (s for start, s in DECISION_STATUS.items() if str(value).casefold().startswith(start)),
            None,
        )
        if status is not None:
            record_decision(sitting, status)


def decision_from_file(
    home: Any,
    workbook: Any,
    stage: StageDefinition,
    given: dict[str, Any],
    today: Any,
    console: Any,
) -> None:
    """A decision given in an answers file (``next --answers``) is recorded on the offer it is
    about, as at a prompt: on the one open offer; with several, it says how to pick one."""
    from types import SimpleNamespace

    from careerpath.tracking import tracker

    found = records.locate(workbook.definition, "offers")
    if records.DECISION not in given or found is None or found[0].id != stage.id:
        return
    value = str(given[records.DECISION]).casefold()
    status = next((s for start, s in DECISION_STATUS.items() if value.startswith(start)), None)
    if status is None:
        return
    book = tracker.Book(home, workbook, "offers")
    offers = [o for o in book.raw if o.get("status") not in tracker.OFFER_ANSWERS]
    if len(offers) > 1:
        console.print(
            f"Several offers are open: record the decision on one with `careerpath offer edit "
            f"ID --status {status}` ({', '.join(o['id'] for o in offers)}).",
            markup=False,
            highlight=False,
        )
        return
    sitting = SimpleNamespace(
        home=home, workbook=workbook, console=console, today=today, saved=0, prompter=None
    )
    record_decision(sitting, status)


def record_decision(sitting: Any, status: records.OfferStatus) -> None:
    """Record ``status`` on the offer the decision is about (asked when there are several
    open), and move the application it came from; say what changed."""
    from careerpath.tracking import tracker

    book = tracker.Book(sitting.home, sitting.workbook, "offers")
    offers = [o for o in book.raw if o.get("status") not in tracker.OFFER_ANSWERS]
    say = sitting.console.print
    if not offers:
        decided = ", ".join(f"{o['id']} is {o['status']}" for o in book.raw)
        say(
            f"  No open offer to record it on ({decided}): change one with `careerpath offer "
            "edit ID --status STATUS`."
            if decided
            else "  No offer to record it on yet: add it with `careerpath offer add`.",
            markup=False,
            highlight=False,
        )
        return
    verb = {"accepted": "accepting", "declined": "declining", "negotiating": "negotiating"}
    if len(offers) == 1:
        offer = offers[0]
    else:
        labels = {f"{o['id']} {book.label(o)}": o for o in offers}
        offer = labels[
            sitting.prompter.select(
                f"Which offer are you {verb.get(status, status)}?", list(labels)
            )
        ]

    def change(stored: dict[str, Any]) -> None:
        stored["status"] = status
        if status in tracker.OFFER_ANSWERS:
            stored.setdefault("responded", sitting.today)

    book.update(offer["id"], change, sitting.today)
    sitting.saved += 1
    say(
        f"  Recorded on {offer['id']} {book.label(offer)}: {status}.", markup=False, highlight=False
    )
    moved = tracker.follow_offer(book, offer.get("application"), status, sitting.today)
    if moved:
        say(f"  {moved}", markup=False, highlight=False)


# --- picking from short lists ----------------------------------------------------------------


def _label(name: str, record: dict[str, Any]) -> str:
    return f"{record['id']} {records.label(name, record)}"


def _pick_one(sitting: Any, message: str, workbook: Workbook, name: str) -> dict[str, Any] | None:
    """One record of type ``name`` picked from a list (or none); not asked when there are
    none to pick from. An offer comes from an application still under way, so ended ones
    (rejected, withdrawn, no response, accepted) are left out of that list."""
    stored = records.stored(workbook, name)
    if name == "applications":
        from careerpath.tracking.tracker import status_of

        stored = [app for app in stored if status_of(app) not in records.FINISHED]
    if not stored:
        return None
    labels = {_label(name, record): record for record in stored}
    picked = sitting.prompter.select(message, [*labels, NONE], default=NONE)
    return labels.get(picked)


def _pick_many(sitting: Any, message: str, stored: list[dict[str, Any]], name: str) -> list[str]:
    """The ids of the records of type ``name`` ticked in a checkbox."""
    labels = {_label(name, record): str(record["id"]) for record in stored}
    return [labels[label] for label in tick(sitting, message, list(labels))]


def tick(sitting: Any, message: str, options: list[str]) -> list[str]:
    """The ``options`` ticked in a checkbox; with one option, picked or "none of these"."""
    if len(options) == 1:
        picked = sitting.prompter.select(message, [*options, NONE], default=NONE)
        return [] if picked == NONE else [picked]
    from careerpath.workbook.definition import Question

    pick = Question.model_validate(
        {"id": "ticked", "kind": "multi_choice", "prompt": message, "choices": options}
        | {"required": False}
    )
    return list(sitting.prompter.ask(pick) or [])


# --- the occupation data ---------------------------------------------------------------------


def look_up(sitting: Any) -> dict[str, Any]:
    """Offer to look a new target job up in the occupation pack (opened only when the person
    types words): the target's fields from the occupation picked, or nothing."""
    from careerpath.workbook.definition import Question

    words = Question.model_validate(
        {"id": "look_up", "kind": "text", "prompt": LOOK_UP, "required": False}
    )
    say = sitting.console.print
    while True:
        typed = sitting.prompter.ask(words)
        if not typed:
            return {}
        from careerpath import occupations
        from careerpath.core.errors import InvalidInput
        from careerpath.tracking.prefill import already_a_target, targets_by_occupation

        try:
            matches = occupations.search(typed, limit=8)
        except InvalidInput as problem:
            matches, why = [], problem.message
        else:
            why = f"nothing in the occupation data matches {typed!r}"
        if not matches:
            say(f"  {why[0].upper()}{why[1:]}; try other words.", markup=False, highlight=False)
            continue
        shown = {f"{m.title} ({m.code})": m.code for m in matches}
        picked = sitting.prompter.select("Which of these is it?", [*shown, NONE])
        if picked == NONE:
            return {}
        existing = targets_by_occupation(sitting.workbook).get(shown[picked])
        if existing is not None and not sitting.prompter.confirm(
            f"{already_a_target(existing)}: add another anyway?", default=False
        ):
            continue  # other words, or Enter to go on without the occupation data
        return from_pack(sitting, [occupations.get(shown[picked])])[0]


def _top_values(workbook: Any) -> list[str]:
    """The top values the targets' fit is rated against (the ranking they recall), if any."""
    found = records.locate(workbook.definition, "targets")
    if found is None:
        return []
    for ref in found[1].recall:
        stage, question = workbook.definition.recalled(ref)
        value = workbook.answers_for(stage).get(question.id)
        if question.kind == "ranking" and value:
            return [str(v) for v in value]
    return []


def from_pack(sitting: Any, profiles: Sequence[Profile]) -> list[dict[str, Any]]:
    """Target jobs' starts from occupations' profiles (the same fields as `target add
    --from`), said once with the credit. Currencies are kept apart: with an income floor in
    another currency the person chooses, once, the U.S. range or their own figures."""
    from careerpath import occupations
    from careerpath.tracking.prefill import fit_from, target_from
    from careerpath.tracking.scoring import income_floor

    starts = [target_from(profile) for profile in profiles]
    values = _top_values(sitting.workbook)
    for start, profile in zip(starts, profiles, strict=True):
        fit = fit_from(profile, values)
        if fit:  # a starting point from the occupation's work values; Enter keeps it
            start["fit"] = fit
    say = sitting.console.print
    names = "; ".join(f"{p.title} ({p.code})" for p in profiles)
    for line in (
        f"  From the occupation data: {names}.",
        "  Each answer is offered below: Enter keeps it, or change it.",
        *(
            ["  Fit with your values starts from the occupation's work values, where one matches."]
            if any("fit" in start for start in starts)
            else []
        ),
    ):
        say(line, markup=False, highlight=False)
    say(occupations.SHORT_CREDIT, markup=False, highlight=False, style="dim")
    floor = income_floor(sitting.workbook)
    if any("salary" in s for s in starts) and floor is not None and floor.currency != "USD":
        keep = sitting.prompter.select(
            f"Your income floor is in {floor.currency}; the occupation data has U.S. pay in "
            "USD. Keep the U.S. range (USD) or enter your own?",
            [KEEP_USD, OWN_PAY],
        )
        if keep == OWN_PAY:
            for start in starts:
                start.pop("salary", None)
                start["sources"] = [s for s in start["sources"] if not s.startswith("Pay:")]
    return starts
