"""Short outreach message starters, filled in for one contact.

They are starting points, not scripts: a person picks one, keeps it as their message to that
contact (``contact message ID --pick N``) and makes it sound like themselves. Each starter is
a template with named slots (``{first}``, ``{job}``, ``{where}``, ``{introducer}``,
``{learned}``); a sentence comes in versions, and the first whose slots all have a value is
used, so a missing slot changes the sentence instead of leaving a bracket to fill in.
"""

from __future__ import annotations

import re
from typing import Any

from careerpath.tracking.records import Contact

Sentence = tuple[str, ...]
"""Versions of one sentence, the fullest first; the last needs no slot but ``first``."""

_INTRODUCED_BY = re.compile(r"^(?:via|through|introduced by|thanks to)\s+(.+)$", re.IGNORECASE)

STARTERS: dict[str, tuple[str, list[Sentence]]] = {
    "warm": (
        "Someone you know",
        [
            (
                "Hi {first}, I hope you are well. I am exploring a move into {job} work, and "
                "you were one of the first people I thought of.",
                "Hi {first}, I hope you are well. I am exploring a change of direction, and you "
                "were one of the first people I thought of.",
            ),
            (
                "Could I take twenty minutes of your time in the next couple of weeks to hear "
                "how you see it? A call or a coffee, whatever suits you.",
            ),
        ],
    ),
    "introduced": (
        "Through an introduction",
        [
            (
                "Hi {first}, {introducer} suggested I get in touch.",
                "Hi {first}, I was given your name as someone worth asking.",
            ),
            (
                "I am exploring {job} work and would value your view of what it is really like "
                "at {where}.",
                "I am exploring {job} work and would value your view of what it is really like.",
                "I am exploring a change of direction and would value your view of what the "
                "work at {where} is really like.",
                "I am exploring a change of direction and would value your view of your work.",
            ),
            (
                "Would you have twenty minutes for a short call in the next few weeks? I will keep "
                "it brief.",
            ),
        ],
    ),
    "cold": (
        "Someone you have not met",
        [
            (
                "Hi {first}, I came across your work at {where} while looking into {job} work.",
                "Hi {first}, I came across your work while looking into {job} work.",
                "Hi {first}, I came across your work at {where} while thinking about my next step.",
                "Hi {first}, I came across your work while thinking about my next step.",
            ),
            (
                "I am not asking for a job, only for your perspective: would you be open to a "
                "fifteen-minute call? Even a couple of pointers by message would help me a lot.",
            ),
        ],
    ),
    "thanks": (
        "Thank you, after you talked",
        [
            ("Hi {first}, thank you again for your time.",),
            (
                "What you said about {learned} really helped.",
                "Our conversation really helped.",
            ),
            ("I will let you know how it goes.",),
        ],
    ),
    "update": (
        "Back in touch after a while",
        [
            ("Hi {first}, a quick update since we last spoke.",),
            (
                "Your advice about {learned} made a difference.",
                "Your advice made a difference.",
            ),
            (
                "If you hear of anything in {job} work, I would be glad to know, and if I can "
                "help you with anything, just ask.",
                "If I can help you with anything in return, just ask.",
            ),
        ],
    ),
}


def slots(contact: Contact, targets: list[dict[str, Any]]) -> dict[str, str]:
    """The values this contact gives the templates' slots; a slot without one is left out."""
    titles = {t.get("id"): t.get("title") for t in targets}
    job = next((titles[ref] for ref in contact.targets or [] if titles.get(ref)), None)
    found: dict[str, str | None] = {
        "first": (contact.name or "").split()[0] if (contact.name or "").strip() else "there",
        "job": job,
        "where": contact.organisation,
    }
    # "how you know them" is a note, not a name: only "via Maria" names an introducer
    introduced = _INTRODUCED_BY.match((contact.how_known or "").strip())
    found["introducer"] = introduced.group(1).strip().rstrip(".") if introduced else None
    if contact.conversations:
        last = contact.conversations[-1]
        found["learned"] = (last.learned or "").strip().rstrip(".") or None
    return {name: value.strip() for name, value in found.items() if value and value.strip()}


def fill(sentences: list[Sentence], values: dict[str, str]) -> str:
    """The text of a template: for each sentence, its first version whose slots all have a
    value."""
    chosen = []
    for versions in sentences:
        for version in versions:
            needed = re.findall(r"{(\w+)}", version)
            if all(name in values for name in needed):
                chosen.append(version.format(**values))
                break
    return " ".join(chosen)


def for_contact(contact: Contact, targets: list[dict[str, Any]]) -> list[tuple[str, str]]:
    """(title, text) of each starter, the one that suits how you know them first."""
    values = slots(contact, targets)
    order = [contact.warmth or "warm", "warm", "introduced", "cold", "thanks", "update"]
    return [(STARTERS[name][0], fill(STARTERS[name][1], values)) for name in dict.fromkeys(order)]
