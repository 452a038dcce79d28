"""The occupation pack: O*NET® 30.1 occupations with BLS OEWS May 2025 pay, read-only, offline.

``search`` finds occupations by title, alternate titles and description; ``get`` gives one
occupation's profile; ``state_pay`` its pay in one U.S. state; ``about`` where the data comes
from. The pack is one SQLite file beside this module, written by
``scripts/build_occupations.py``; it is opened on first use, and only the commands that use
it import this module.
"""

from __future__ import annotations

import json
import sqlite3
import zlib
from functools import cache
from pathlib import Path
from typing import Any, NamedTuple

from careerpath.core.errors import InvalidInput, NotFound
from careerpath.occupations.words import key_hash, words

PACK = Path(__file__).with_name("pack.sqlite")

INTERESTS = {
    "R": "Realistic",
    "I": "Investigative",
    "A": "Artistic",
    "S": "Social",
    "E": "Enterprising",
    "C": "Conventional",
}
WORK_VALUES = (
    "Achievement",
    "Working Conditions",
    "Recognition",
    "Relationships",
    "Support",
    "Independence",
)
SCORE_RANGE = (1.0, 7.0)  # O*NET's scale for interests (OI) and work values (EX)

ONET_CREDIT = (
    "This product includes information from the O*NET 30.1 Database by the U.S. Department "
    "of Labor, Employment and Training Administration (USDOL/ETA). Used under the CC BY 4.0 "
    "license. O*NET® is a trademark of USDOL/ETA. careerpath has modified all or some of this "
    "information. USDOL/ETA has not approved, endorsed, or tested these modifications."
)
BLS_CREDIT = (
    "Source: U.S. Bureau of Labor Statistics, Occupational Employment and Wage Statistics "
    "(OEWS), May 2025. BLS cannot vouch for the data or analyses derived from these data "
    "after they have been retrieved from BLS."
)
SHORT_CREDIT = (
    "O*NET® 30.1 data (USDOL/ETA, CC BY 4.0), modified; pay: BLS OEWS May 2025. "
    "See `careerpath occupations about`."
)
US_NOTE = (
    "These are U.S. figures in U.S. dollars. For a person elsewhere, the tasks, education and "
    "interests still describe the occupation; pay is a relative guide only, not local pay."
)

# Search: candidates taken from the word weights, then re-ranked with these bonuses.
_CANDIDATES = 80
_SAME_AS_TITLE = 40.0
_SAME_AS_ALTERNATE = 20.0
# A match counts more the more people work in the occupation, ×(1 + _COMMON) per tenfold:
# "nurse" → Registered Nurses first, "teacher" → Elementary School Teachers before the
# smaller special-education ones. A multiplier, so that a common occupation that only
# mentions the word in its description ("data": Office Clerks) does not climb the list.
_COMMON = 0.5
_BEGUN_WORD = 0.5  # a word matched only as the start of longer ones ("develop")
_CATCH_ALL = ", All Other"
_NO_DETAILS = 3.0  # "Cooks, All Other" after the cooks the pack can tell about


class Match(NamedTuple):
    """One search result."""

    code: str
    title: str
    job_zone: int | None
    median_pay: int | None
    """National annual median in USD; ``None`` when BLS publishes none for it."""
    has_details: bool


class Percentiles(NamedTuple):
    """Wages at the 10th, 25th, 50th, 75th and 90th percentile (``None``: not published)."""

    p10: float | None
    p25: float | None
    median: float | None
    p75: float | None
    p90: float | None

    def complete(self) -> bool:
        return None not in (self.p10, self.p25, self.median, self.p75, self.p90)


class Pay(NamedTuple):
    """BLS OEWS pay for the occupation (or the OEWS occupation that holds it) in one area."""

    area: str
    """"US" for the nation, else the state's USPS abbreviation."""
    area_name: str
    employment: int | None
    annual: Percentiles
    """USD per year."""
    hourly: Percentiles
    """USD per hour."""
    top_coded: tuple[str, ...]
    """Figures that mean "this much or more" (BLS caps published wages)."""


class PaySource(NamedTuple):
    """Which OEWS occupation the pay is for, and what the reader must know about that."""

    soc: str
    title: str
    basis: str
    """"same" occupation, its "parent" SOC occupation, or a "group" BLS publishes together."""
    note: str | None


class EducationLevel(NamedTuple):
    level: int
    name: str
    share: float
    """Per cent of workers who say the job needs this level."""


class JobZone(NamedTuple):
    zone: int
    name: str
    experience: str
    education: str
    training: str
    examples: str


class Related(NamedTuple):
    code: str
    title: str


class Task(NamedTuple):
    text: str
    kind: str
    """"core", "supplemental" or "other" (not rated)."""


class Profile(NamedTuple):
    """All the pack knows about one occupation. Titles-only occupations (military, "All
    Other") have a description but no details: ``has_details`` is false and the rest empty."""

    code: str
    title: str
    description: str
    has_details: bool
    alternate_titles: tuple[str, ...]
    tasks: tuple[Task, ...]
    """Core tasks first, then supplemental, then those not rated."""
    education: tuple[EducationLevel, ...]
    """By level, lowest first."""
    job_zone: JobZone | None
    interests: dict[str, float]
    """R, I, A, S, E, C → 1–7."""
    interest_code: str
    """The high-point code, strongest first, e.g. "IRC"."""
    work_values: dict[str, float]
    """``WORK_VALUES`` → 1–7."""
    related: tuple[Related, ...]
    pay: Pay | None
    """National pay; ``None`` when BLS publishes none for the occupation."""
    pay_source: PaySource | None

    def typical_education(self, count: int = 3) -> tuple[EducationLevel, ...]:
        """The ``count`` levels most often named, most common first."""
        return tuple(sorted(self.education, key=lambda e: (-e.share, e.level))[:count])

    def top_interests(self) -> tuple[str, ...]:
        """The interest names of the high-point code, strongest first."""
        return tuple(INTERESTS[letter] for letter in self.interest_code)


class Fit(NamedTuple):
    """What matching a person against an occupation needs (``fits``)."""

    code: str
    title: str
    job_zone: int | None
    median_pay: int | None
    """National annual median in USD; ``None`` when BLS publishes none for it."""
    interests: dict[str, float]
    """R, I, A, S, E, C → 1–7."""
    interest_code: str
    work_values: dict[str, float]
    """``WORK_VALUES`` → 1–7 (a value O*NET® does not rate is left out)."""


def fits() -> list[Fit]:
    """Every occupation with an interest profile, with its work values, zone and median
    pay, from one small table (fast enough to rank the whole pack for one person)."""
    columns = ", ".join(name.lower().replace(" ", "_") for name in WORK_VALUES)
    rows = _db().execute(
        "SELECT o.code, o.title, o.zone, o.median, f.r, f.i, f.a, f.s, f.e, f.c, f.high, "
        f"{columns} FROM fit f JOIN occupation o ON o.id = f.id ORDER BY o.code"
    )
    return [
        Fit(
            code,
            title,
            zone,
            median,
            dict(zip(INTERESTS, row[:6], strict=True)),
            row[6],
            {n: v for n, v in zip(WORK_VALUES, row[7:], strict=True) if v is not None},
        )
        for code, title, zone, median, *row in rows
    ]


def as_data(value: Any) -> Any:
    """``value`` with every record in it turned into a dict, for JSON."""
    if isinstance(value, tuple) and hasattr(value, "_asdict"):
        return {name: as_data(item) for name, item in value._asdict().items()}
    if isinstance(value, list | tuple):
        return [as_data(item) for item in value]
    if isinstance(value, dict):
        return {name: as_data(item) for name, item in value.items()}
    return value


@cache
def _db() -> sqlite3.Connection:
    if not PACK.is_file():
        raise NotFound(
            f"the occupation pack is missing ({PACK.name})",
            hint="Reinstall careerpath, or build it with `python scripts/build_occupations.py`.",
        )
    # immutable: no locks and no journal to look for; the file never changes once installed.
    return sqlite3.connect(f"{PACK.as_uri()}?mode=ro&immutable=1", uri=True)


def _text(blob: bytes) -> str:
    return zlib.decompress(blob).decode("utf-8")


def search(text: str, limit: int = 10) -> list[Match]:
    """Occupations matching ``text``, best first, at most ``limit``.

    Every word counts, in any order, singular or plural, in any case; a word found in the
    title counts most, then in alternate titles, then in the description, and rare words
    more than common ones. A title or alternate title equal to the query comes first.

    Raises:
        InvalidInput: ``text`` has no words to search for, or ``limit`` is below 1.
    """
    query = list(dict.fromkeys(words(text)))
    if not query:
        raise InvalidInput(
            f"{text.strip()!r} has no words to search for"
            if text.strip()
            else "nothing to search for",
            hint="Give a job title or a few words, e.g. "
            '`careerpath occupations search "data scientist"`.',
        )
    if limit < 1:
        raise InvalidInput(f"--limit must be 1 or more, not {limit}")
    db = _db()
    found: dict[int, list[float]] = {}  # id → [words matched, weight]
    for word in query:
        rows = db.execute("SELECT id, weight FROM term WHERE word = ?", (word,)).fetchall()
        factor = 1.0
        if not rows and len(word) >= 3:
            rows = db.execute(
                "SELECT id, max(weight) FROM term WHERE word > ? AND word < ? GROUP BY id",
                (word, word + "\uffff"),
            ).fetchall()
            factor = _BEGUN_WORD
        for id_, weight in rows:
            hit = found.setdefault(id_, [0.0, 0.0])
            hit[0] += 1
            hit[1] += weight * factor
    same = dict(
        db.execute("SELECT id, max(title) FROM name WHERE hash = ? GROUP BY id", (key_hash(text),))
    )
    for id_ in same:
        found.setdefault(id_, [float(len(query)), 0.0])

    def relevance(id_: int) -> float:
        matched, weight = found[id_]
        return weight * (matched / len(query)) ** 2

    candidates = sorted(found, key=lambda id_: (-relevance(id_), id_))[:_CANDIDATES]
    candidates += [id_ for id_ in same if id_ not in candidates]
    marks = ", ".join("?" * len(candidates))
    rows = db.execute(
        f"SELECT id, code, title, zone, median, prior, full FROM occupation WHERE id IN ({marks})",
        candidates,
    ).fetchall()
    scored = []
    for id_, code, title, zone, median, prior, full in rows:
        score = relevance(id_) * (1 + _COMMON * prior) - (0 if full else _NO_DETAILS)
        # "Engineers, All Other" has the words of "engineer" ("all", "other" are small words)
        # but is a catch-all, not the occupation a person typing "engineer" means.
        catch_all = title.endswith(_CATCH_ALL) and "other" not in text.lower()
        if id_ in same and not catch_all:
            score += _SAME_AS_TITLE if same[id_] else _SAME_AS_ALTERNATE
        scored.append((-score, code, Match(code, title, zone, median, bool(full))))
    scored.sort(key=lambda row: (row[0], row[1]))
    return [match for _, _, match in scored[:limit]]


def codes(prefix: str, limit: int = 100) -> list[tuple[str, str]]:
    """Occupations whose O*NET-SOC code begins with ``prefix``: (code, title), by code."""
    rows = _db().execute(
        "SELECT code, title FROM occupation WHERE code >= ? AND code < ? ORDER BY code LIMIT ?",
        (prefix, prefix + "\uffff", limit),
    )
    return [(str(code), str(title)) for code, title in rows]


def get(code_or_title: str) -> Profile:
    """The profile of one occupation, by O*NET-SOC code ("15-2051.00", or "15-2051" for its
    main occupation) or by its title or one of its alternate titles.

    Raises:
        NotFound: no occupation has that code or title; the hint names close matches.
    """
    wanted = code_or_title.strip()
    db = _db()
    code = wanted if _looks_like_code(wanted) else None
    if code and len(code) == 7:
        code += ".00"
    row = None
    if code:
        row = db.execute(_PROFILE + " WHERE code = ?", (code,)).fetchone()
    elif wanted:
        same = db.execute(
            "SELECT id FROM name WHERE hash = ? ORDER BY title DESC, id", (key_hash(wanted),)
        ).fetchall()
        if same:
            row = db.execute(_PROFILE + " WHERE id = ?", (same[0][0],)).fetchone()
    if row is None:
        raise NotFound(
            f"no occupation {'has the code' if code else 'is called'} {wanted!r}",
            hint=_closest(None if code else wanted),
        )
    return _profile(db, row)


def state_pay(profile: Profile, area: str) -> Pay | None:
    """The occupation's pay in one U.S. state, by USPS abbreviation ("CA") or name;
    ``None`` when BLS publishes no figures for it there.

    Raises:
        NotFound: ``area`` is not a U.S. state or territory OEWS covers.
    """
    db = _db()
    found = db.execute(
        "SELECT code, abbreviation, name FROM area WHERE abbreviation = upper(?) "
        "OR lower(name) = lower(?)",
        (area.strip(), area.strip()),
    ).fetchone()
    if found is None:
        known = ", ".join(row[0] for row in db.execute("SELECT abbreviation FROM area ORDER BY 1"))
        raise NotFound(
            f"{area!r} is not a U.S. state in the pay data", hint=f"Use one of: {known}."
        )
    if profile.pay_source is None:
        return None
    return _pay(db, profile.pay_source.soc, found[0], found[1], found[2])


def about() -> dict[str, str]:
    """Where the pack's data comes from: releases, licences, credit text, and the note that
    pay is for the United States."""
    meta = dict(_db().execute("SELECT name, value FROM meta").fetchall())
    return {
        "onet_release": meta["onet_release"],
        "onet_licence": "CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/)",
        "onet_credit": ONET_CREDIT,
        "oews_release": meta["oews_release"],
        "oews_licence": "Public domain (U.S. federal government work)",
        "oews_credit": BLS_CREDIT,
        "us_note": US_NOTE,
        "pack": PACK.name,
    }


# --- reading the pack ------------------------------------------------------------------------

_PROFILE = (
    "SELECT o.code, o.title, o.full, o.alternates, o.profile, z.zone, z.name, z.experience, "
    "z.education, z.training, z.examples FROM occupation o LEFT JOIN zone z ON z.zone = o.zone"
)
_PAY_FIGURES = (
    "employment, annual_p10, annual_p25, annual_median, annual_p75, annual_p90, "
    "hourly_p10, hourly_p25, hourly_median, hourly_p75, hourly_p90, top_coded"
)
_PAY_NAMES = _PAY_FIGURES.split(", ")[:-1]


def _looks_like_code(text: str) -> bool:
    """ "15-2051" or "15-2051.01"."""
    digits = text.replace("-", "", 1).replace(".", "", 1)
    return digits.isdigit() and len(text) in (7, 10) and text[2] == "-"


def _closest(wanted: str | None) -> str:
    """Close matches to a title; for a code (whose digits mean nothing to search), a pointer."""
    try:
        matches = search(wanted, limit=3) if wanted else []
    except InvalidInput:
        matches = []
    if not matches:
        return "Find it with `careerpath occupations search WORDS`."
    named = "; ".join(f"{m.code} {m.title}" for m in matches)
    return f"Closest: {named}."


def _pay(db: sqlite3.Connection, soc: str, area: str, abbreviation: str, name: str) -> Pay | None:
    row = db.execute(
        f"SELECT {_PAY_FIGURES} FROM pay WHERE soc = ? AND area = ?", (soc, area)
    ).fetchone()
    if row is None:
        return None
    employment, *figures, top = row
    annual = Percentiles(*(float(f) if f is not None else None for f in figures[:5]))
    hourly = Percentiles(*(f / 100 if f is not None else None for f in figures[5:]))
    capped = tuple(name for index, name in enumerate(_PAY_NAMES) if top >> index & 1)
    return Pay(abbreviation, name, employment, annual, hourly, capped)


def _profile(db: sqlite3.Connection, row: tuple[Any, ...]) -> Profile:
    code, title, full, alternates, packed, *zone = row
    data = json.loads(_text(packed))
    levels = dict(db.execute("SELECT level, name FROM education").fetchall())
    related_codes = data.get("related", [])
    marks = ", ".join("?" * len(related_codes))
    titles = dict(
        db.execute(
            f"SELECT code, title FROM occupation WHERE code IN ({marks})", related_codes
        ).fetchall()
    )
    tasks = data.get("tasks", {})
    source = data.get("pay_source")
    pay_source = PaySource(**source) if source else None
    return Profile(
        code=code,
        title=title,
        description=data["description"],
        has_details=bool(full),
        alternate_titles=tuple(_text(alternates).splitlines()),
        tasks=tuple(
            Task(text, kind)
            for kind in ("core", "supplemental", "other")
            for text in tasks.get(kind, [])
        ),
        education=tuple(
            EducationLevel(int(level), levels[int(level)], share)
            for level, share in data.get("education", [])
        ),
        job_zone=JobZone(*zone) if zone[0] is not None else None,
        interests={
            letter: data["interests"][letter]
            for letter in INTERESTS
            if letter in data.get("interests", {})
        },
        interest_code=data.get("interest_code", ""),
        work_values={v: data["values"][v] for v in WORK_VALUES if v in data.get("values", {})},
        related=tuple(Related(c, titles[c]) for c in related_codes if c in titles),
        pay=_pay(db, pay_source.soc, "00", "US", "United States") if pay_source else None,
        pay_source=pay_source,
    )
