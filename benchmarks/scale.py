"""Whole-process time of careerpath on a big workbook: 1,000 contacts with 2,000 conversations,
1,000 applications (with their histories, interviews and next actions), 20 target jobs and 5
offers, every other stage answered.

It times ``careerpath report``, ``careerpath due`` and ``careerpath app list`` (and, for
information, ``report --format json`` and ``contact log``, which rewrites the 1,000-contact file)
as separate processes, round-robin so machine noise hits all alike, after two discarded
warm-up rounds, and prints the median and min wall time of each against the target (under
1 s for the first three).

The workbook is built through the store (``Home.write_answers`` validates every record), with
a fixed random seed, in a temporary folder. Run it from the repository with the project's
virtualenv active:

    python benchmarks/scale.py [--runs N] [--check]

``--check`` exits 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from careerpath.tracking import records
from careerpath.workbook import definition
from careerpath.workbook.home import Home

PYTHON = sys.executable
WARMUP = 2
TARGET_MS = 1000.0
TODAY = dt.date(2026, 11, 25)
ENV = {**os.environ, "COLUMNS": "120", "NO_COLOR": "1", "CAREERPATH_TODAY": TODAY.isoformat()}
ENV.pop("CAREERPATH_HOME", None)
ENV.pop("PYTHONDONTWRITEBYTECODE", None)  # as installed: bytecode compiled once, then reused

CONTACTS, CONVERSATIONS, APPLICATIONS, TARGETS, OFFERS = 1000, 2000, 1000, 20, 5

FIRST = ["Sam", "Jo", "Alex", "Maria", "Chen", "Priya", "Tom", "Ana", "Lee", "Noor", "Kim", "Ola"]
LAST = ["Lee", "Park", "García", "Müller", "Okafor", "Nguyen", "Rossi", "Smith", "Kowalski"]
EMPLOYERS = ["Acme", "Globex", "Initech", "Umbrella", "Hooli", "Stark", "Wayne", "Tyrell"]
ROLES = ["UX researcher", "Data analyst", "Product designer", "Research ops", "Service designer"]


def day(offset: int) -> dt.date:
    return TODAY + dt.timedelta(days=offset)


def answers(rng: random.Random, size: int = CONTACTS) -> dict[str, dict[str, Any]]:
    """Every stage answered, with the records at scale: ``size`` contacts and applications,
    twice as many conversations."""
    values = ["Autonomy", "Helping others", "Learning and growth", "Income", "Variety"]
    targets = [
        {
            "id": f"t{n}",
            "title": f"{rng.choice(ROLES)} {n}",
            "field": "Tech",
            "tasks": ["interviews", "synthesis"],
            "salary": {
                "low": 40000 + 1000 * n,
                "high": 60000 + 1500 * n,
                "currency": "EUR",
                "period": "year",
            },
            "outlook": rng.choice(records.OUTLOOKS),
            "fit": {value: rng.randint(1, 5) for value in values},
        }
        for n in range(1, TARGETS + 1)
    ]
    contacts = []
    for n in range(1, size + 1):
        contact: dict[str, Any] = {
            "id": f"c{n}",
            "name": f"{rng.choice(FIRST)} {rng.choice(LAST)}",
            "organisation": rng.choice(EMPLOYERS),
            "role": rng.choice(ROLES),
            "warmth": rng.choice(list(records.WARMTH)),
            "channel": rng.choice(["email", "LinkedIn", "phone"]),
            "targets": [f"t{rng.randint(1, TARGETS)}"],
            "status": rng.choice(records.CONTACT_STATUSES),
            "conversations": [],
        }
        if rng.random() < 0.3:
            contact["next_step"] = "Send a thank-you note"
            contact["follow_up"] = day(rng.randint(-30, 30))
        contacts.append(contact)
    for _ in range(2 * size):
        talk = {
            "date": day(-rng.randint(0, 120)),
            "channel": "coffee",
            "summary": "Talked about how their team works and what they look for.",
            "learned": "They hire in spring; a portfolio matters more than a title.",
        }
        rng.choice(contacts)["conversations"].append(talk)
    for contact in contacts:
        contact["conversations"].sort(key=lambda talk: talk["date"])
        if not contact["conversations"]:
            del contact["conversations"]
    applications = []
    for n in range(1, size + 1):
        start = -rng.randint(5, 180)
        steps = rng.randint(1, 4)
        path = list(records.PIPELINE[1 : 1 + steps])
        if rng.random() < 0.4:
            path.append(rng.choice(records.CLOSED))
        history = [
            {"date": day(min(0, start + 7 * i)), "status": status} for i, status in enumerate(path)
        ]
        app: dict[str, Any] = {
            "id": f"a{n}",
            "employer": f"{rng.choice(EMPLOYERS)} {n}",
            "role": rng.choice(ROLES),
            "target": f"t{rng.randint(1, TARGETS)}",
            "source": "job board",
            "link": f"https://jobs.example.org/{n}",
            "documents": ["cv/2026-11.pdf", f"letters/{n}.md"],
            "history": history,
        }
        if rng.random() < 0.4:
            app["next_action"] = "Chase the recruiter"
            app["next_action_due"] = day(rng.randint(-20, 20))
        if "interviewing" in path:
            app["interviews"] = [
                {
                    "at": dt.datetime.combine(day(rng.randint(-10, 10)), dt.time(10)),
                    "round": "1",
                    "format": "video",
                    "interviewers": "the hiring manager",
                    "prep": "Three stories that show my strengths.",
                }
            ]
        applications.append(app)
    offers = [
        {
            "id": f"o{n}",
            "employer": EMPLOYERS[n],
            "role": ROLES[n % len(ROLES)],
            "base_pay": {"amount": 50000 + 2000 * n, "currency": "EUR"},
            "deadline": day(3 * n),
            "ratings": {value: rng.randint(1, 5) for value in values},
        }
        for n in range(1, OFFERS + 1)
    ]
    return {
        "exploration": {
            "where_now": "Accountant for eight years.",
            "where_to": "Something with people and data.",
            "clarity": 3,
            "values": values,
            "skills": ["Excel"],
            "income_floor": {"amount": 42000, "currency": "EUR"},
            "work_modes": ["Hybrid", "Fully remote"],
            "hours": 36,
            "timeline": "Within 6 months",
        },
        "diving-deeper": {"targets": targets, "leading_option": "UX research."},
        "networking": {
            "outreach_styles": ["A short personal email"],
            "contacts": contacts,
            "weekly_goal": 3,
        },
        "applying": {
            "resume_ready": 4,
            "cover_letter_ready": 4,
            "applications": applications,
        },
        "closing": {"offers": offers, "decision": "Still deciding"},
    }


def build(home: Home, size: int = CONTACTS) -> None:
    home.create(definition.resolve("default"), now=dt.datetime.combine(day(-200), dt.time(9)))
    book = definition.load_builtin()
    for stage_id, stage_answers in answers(random.Random(2026), size).items():
        home.write_answers(book.stage(stage_id), stage_answers)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7, help="timed runs per command")
    parser.add_argument("--check", action="store_true", help="exit 1 when a target is missed")
    args = parser.parse_args()
    script = Path(PYTHON).parent / "careerpath"
    careerpath = [str(script)] if script.exists() else [PYTHON, "-m", "careerpath"]

    with tempfile.TemporaryDirectory(prefix="careerpath-scale-") as tmp:
        home = Home(Path(tmp) / "home")
        started = time.perf_counter()
        build(home)
        built = time.perf_counter() - started
        sizes = {p.name: p.stat().st_size for p in home.stages_dir.glob("*.toml")}
        at = [*careerpath, "--home", str(home.root)]
        commands = {
            "careerpath report": [*at, "report"],
            "careerpath due": [*at, "due"],
            "careerpath app list": [*at, "app", "list"],
            "careerpath report --format json": [*at, "report", "--format", "json"],
            "careerpath contact log": [*at, "contact", "log", "c1", "--summary", "Quick call."],
        }
        targets = {"careerpath report", "careerpath due", "careerpath app list"}
        times: dict[str, list[float]] = {name: [] for name in commands}
        for round_no in range(WARMUP + args.runs):
            for name, command in commands.items():
                start = time.perf_counter()
                done = subprocess.run(
                    command, stdin=subprocess.DEVNULL, capture_output=True, text=True, env=ENV
                )
                elapsed = (time.perf_counter() - start) * 1000
                if done.returncode != 0:
                    print(f"FAILED: {' '.join(command)}\n{done.stderr}", file=sys.stderr)
                    return 2
                if round_no >= WARMUP:
                    times[name].append(elapsed)

    print(
        f"python {sys.version.split()[0]}; {CONTACTS} contacts, {CONVERSATIONS} conversations, "
        f"{APPLICATIONS} applications, {TARGETS} targets, {OFFERS} offers "
        f"(built in {built:.1f} s); {args.runs} runs each after {WARMUP} warm-up"
    )
    print("stage files: " + ", ".join(f"{n} {s / 1024:.0f} KiB" for n, s in sorted(sizes.items())))
    print(f"{'command':<34}{'median ms':>10}{'min ms':>9}  target")
    missed = []
    for name, measured in times.items():
        median = statistics.median(measured)
        target = ""
        if name in targets:
            ok = median < TARGET_MS
            target = f"< {TARGET_MS:.0f} ms: {'ok' if ok else 'MISSED'}"
            if not ok:
                missed.append(name)
        else:
            target = "(info)"
        print(f"{name:<34}{median:>10.1f}{min(measured):>9.1f}  {target}")
    if missed:
        print("\ntargets missed: " + "; ".join(missed))
    return 1 if args.check and missed else 0


if __name__ == "__main__":
    sys.exit(main())
