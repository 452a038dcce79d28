"""The interest inventory: 54 short activity statements written for careerpath, nine for each
of Holland's six types, answered Like / Not sure / Dislike, and the scoring.

The statements are careerpath's own (not from any published inventory); the six types are
Holland's RIASEC theory. A type's score is the share of the most it could get, 0–100: Like
counts 2, Not sure 1, Dislike 0.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import NamedTuple

TYPES = {
    "R": "Realistic",
    "I": "Investigative",
    "A": "Artistic",
    "S": "Social",
    "E": "Enterprising",
    "C": "Conventional",
}

ANSWERS = {"like": "Like", "unsure": "Not sure", "dislike": "Dislike"}
"""Stored answer → what the person sees (and picks with 1, 2, 3)."""
_POINTS = {"like": 2, "unsure": 1, "dislike": 0}

_STATEMENTS = {
    "R": (
        "Repair a bicycle or a household appliance",
        "Build furniture from wood or flat-pack parts",
        "Look after plants, crops or animals",
        "Operate a machine such as a forklift or a 3D printer",
        "Install wiring, pipes or network cables",
        "Work outdoors on a building site",
        "Drive a truck, a bus or a boat",
        "Assemble or fix electronic equipment",
        "Cook meals in a busy kitchen",
    ),
    "I": (
        "Find out why a machine or a program keeps failing",
        "Run experiments and record what happens",
        "Study how the human body fights illness",
        "Analyse data to test an idea",
        "Read about new discoveries in science",
        "Work out a hard maths or logic puzzle",
        "Investigate what is polluting a river",
        "Write code that models how something works",
        "Examine samples under a microscope",
    ),
    "A": (
        "Draw, paint or make illustrations",
        "Write stories, poems or scripts",
        "Play music or sing in front of others",
        "Design how a website or an app looks",
        "Take and edit photos or videos",
        "Act in a play or a film",
        "Design clothes, jewellery or rooms",
        "Come up with ideas for an advertising campaign",
        "Compose music or make sounds for games",
    ),
    "S": (
        "Teach someone a new skill",
        "Help people through a hard time in their life",
        "Care for people who are ill or elderly",
        "Coach a sports team or lead an exercise class",
        "Listen to someone's problem and help them find a way forward",
        "Welcome newcomers and show them around",
        "Help children learn to read",
        "Organise volunteers for a neighbourhood project",
        "Explain a health or safety topic to a group",
    ),
    "E": (
        "Start and run your own business",
        "Persuade people to buy a product or a service",
        "Lead a team towards a goal",
        "Negotiate a deal or a contract",
        "Speak up for a cause and win others over",
        "Manage a shop, a café or a restaurant",
        "Pitch an idea to people who could fund it",
        "Make decisions that affect a whole organisation",
        "Run a campaign to win a vote",
    ),
    "C": (
        "Keep exact records of money coming in and going out",
        "Check documents for mistakes",
        "Organise files, data or stock so things are easy to find",
        "Fill in forms and follow set procedures",
        "Enter data into a spreadsheet or a database",
        "Prepare a budget or a payroll",
        "Keep a busy calendar of appointments in order",
        "Check that a process follows the rules",
        "Keep track of stock in a warehouse",
    ),
}

DESCRIPTIONS = {
    "R": "Hands-on work with tools, machines, materials, plants or animals. Results you can "
    "see and touch; often outdoors or in a workshop.",
    "I": "Working out how things are and why: observing, analysing, testing ideas. Work in "
    "science, health, data and technology often rewards this.",
    "A": "Making things that did not exist: images, words, music, designs. Work with room for "
    "your own ideas and style, and fewer set routines.",
    "S": "Helping, teaching, caring for and advising people. Work in education, health, "
    "community services and support, where people are the point.",
    "E": "Leading, persuading and deciding: starting things, selling, managing, negotiating. "
    "Work where you take risks and move others towards a goal.",
    "C": "Order and accuracy: records, numbers, procedures, systems. Work in offices, "
    "finance and logistics, where clear rules and detail matter.",
}


class Item(NamedTuple):
    id: str
    """The type's letter and number, e.g. "I4"."""
    type: str
    text: str


def _mixed() -> tuple[Item, ...]:
    """All items in the order they are asked: one of each type per round, the types in a
    different order each round, so no two neighbours are of the same type."""
    rounds = ("RIASEC", "ECSRAI", "SARCIE", "IECASR", "CRISEA", "EASICR", "SCRIAE", "RSIECA",
              "IACRSE")  # fmt: skip
    return tuple(
        Item(f"{letter}{number + 1}", letter, _STATEMENTS[letter][number])
        for number, order in enumerate(rounds)
        for letter in order
    )


ITEMS = _mixed()
BY_ID = {item.id: item for item in ITEMS}


class Result(NamedTuple):
    scores: dict[str, int]
    """R, I, A, S, E, C → 0–100."""
    code: str
    """Three letters, strongest first; equal scores keep the RIASEC order (see ``ties``)."""
    ties: tuple[str, ...]
    """Plain sentences naming every tie the code hides, e.g. "S and E tie for second"."""


_PLACES = ("first", "second", "third", "fourth", "fifth", "sixth")


def score(answers: Mapping[str, str]) -> Result:
    """Scores, code and ties from a complete set of answers (item id → "like", "unsure" or
    "dislike")."""
    most = {letter: 2 * len(_STATEMENTS[letter]) for letter in TYPES}
    points = dict.fromkeys(TYPES, 0)
    for item_id, answer in answers.items():
        points[BY_ID[item_id].type] += _POINTS[answer]
    scores = {letter: round(100 * points[letter] / most[letter]) for letter in TYPES}
    ranked = sorted(TYPES, key=lambda letter: -points[letter])  # stable: RIASEC order
    ties: list[str] = []
    place = 0
    while place < 3:
        tied = [letter for letter in ranked if points[letter] == points[ranked[place]]]
        if len(tied) > 1:
            names = ", ".join(tied[:-1]) + f" and {tied[-1]}"
            ties.append(f"{names} tie for {_PLACES[place]}")
        place += len(tied)
    return Result(scores, "".join(ranked[:3]), tuple(ties))


def first_types(result: Result) -> tuple[str, ...]:
    """The type or types with the highest score (more than one when they tie)."""
    best = max(result.scores.values())
    return tuple(letter for letter in TYPES if result.scores[letter] == best)
