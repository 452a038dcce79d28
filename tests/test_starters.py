"""Every outreach starter, rendered for a table of contacts with and without each slot."""

from __future__ import annotations

import itertools
import re
from typing import Any

import pytest

from careerpath.tracking import starters
from careerpath.tracking.records import Contact

TARGETS = [{"id": "t1", "title": "Finance business partner"}]
TALK = [{"date": "2026-11-20", "summary": "Coffee", "learned": "how budgets are set."}]

CONTACTS = [
    Contact.model_validate(
        {
            "id": "c1",
            "name": name,
            **({"organisation": org} if org else {}),
            **({"how_known": known} if known else {}),
            **({"targets": ["t1"]} if target else {}),
            **({"conversations": TALK} if talked else {}),
            **({"warmth": warmth} if warmth else {}),
        }
    )
    for name, org, known, target, talked, warmth in itertools.product(
        ["Claire Martin", "Claire"],
        ["Acme", None],
        ["Former colleague from my first firm", "via Maria Lopez", None],
        [True, False],
        [True, False],
        ["warm", "introduced", "cold", None],
    )
]


@pytest.mark.parametrize("contact", CONTACTS, ids=lambda c: repr(c.model_dump(exclude_none=True)))
def test_every_starter_reads_as_sentences(contact: Contact) -> None:
    for title, text in starters.for_contact(contact, TARGETS):
        assert not re.search(r"[\[\]{}]", text), (title, text)
        doubled = re.search(r"\b(\w+) \1\b", text, re.IGNORECASE)
        assert doubled is None, (title, text)
        assert text.startswith("Hi Claire, ") and text.endswith((".", "?")), (title, text)
        assert "  " not in text and " ." not in text and ".." not in text
        # her note on how they know each other is never read as the name of an introducer
        assert "Former colleague" not in text


def test_a_starter_without_an_introducer_reads_as_a_sentence() -> None:
    contact = Contact(name="Claire Martin", warmth="introduced", how_known="Former colleague")
    (title, text), *_ = starters.for_contact(contact, [])
    assert title == "Through an introduction"
    assert text.startswith(
        "Hi Claire, I was given your name as someone worth asking. I am exploring a change of "
        "direction and would value your view of your work."
    )
    named = Contact(
        name="Claire Martin", warmth="introduced", how_known="via Maria", targets=["t1"]
    )
    assert starters.for_contact(named, TARGETS)[0][1].startswith(
        "Hi Claire, Maria suggested I get in touch. I am exploring Finance business partner work"
    )


def test_the_slots_of_a_contact(tmp_path: Any) -> None:
    contact = Contact.model_validate({"name": "Sam Lee", "conversations": TALK})
    assert starters.slots(contact, []) == {"first": "Sam", "learned": "how budgets are set"}
