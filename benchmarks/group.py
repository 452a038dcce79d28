"""Whole-process time of a coach's group view: ``careerpath report --group DIR`` over 200 clients.

It builds 200 client homes in a temporary folder, realistic rather than empty: every client has
some stages complete and the current one partly answered; most run a program (two to six
months, begun up to five months ago) with an intake, one to three goals (some revised), five to
fifteen pieces of homework (some done, some overdue) and weekly check-ins with gaps; one in ten
started from a coach's own workbook (a ``definition.toml`` copy in the home, read per client).
A few folders are broken as real ones are: a half-written ``workbook.toml``, a hand-edited
answer that does not fit, a program file that does not parse, an empty folder.

Then it runs ``careerpath report --group DIR`` (text and ``--format json``) as separate processes,
round-robin, after warm-up rounds, and prints the median and min wall time against the target
(median under 2 s).

    python benchmarks/group.py [--clients N] [--runs N] [--check]
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

from startup import ENV, PYTHON, answer  # the same answers by kind, environment and Python

from careerpath.program import plan as programs
from careerpath.tracking import records  # noqa: F401  (registers the record types)
from careerpath.workbook import definition, program_file
from careerpath.workbook.engine import mark_complete, mark_started, mark_worked
from careerpath.workbook.home import Home

TARGET_S = 2.0
WARMUP = 2
TODAY = date(2026, 11, 25)
BROKEN = ("half-written workbook.toml", "answer that does not fit", "program.toml", "empty")


def build_client(root: Path, index: int, rng: random.Random, coach_definition: Path) -> None:
    home = Home(root / f"client-{index:03d}")
    coach = index % 10 == 3
    source = coach_definition if coach else definition.resolve("default")
    created = datetime.combine(TODAY - timedelta(days=rng.randint(20, 160)), datetime.min.time())
    workbook = home.create(source, now=created)
    book = workbook.definition
    complete = rng.randint(0, len(book.stages) - 1)
    day = created.date()
    for number, stage in enumerate(book.stages):
        if number > complete:
            break
        questions = stage.questions if number < complete else stage.questions[: rng.randint(1, 4)]
        answers = {q.id: answer(q) for q in questions}
        home.update_answers(stage, lambda saved, answers=answers: saved.update(answers))
        day = min(TODAY, day + timedelta(days=rng.randint(3, 20)))

        def record(state, stage_id=stage.id, last=number == complete, day=day):  # type: ignore[no-untyped-def]
            mark_started(state, stage_id, day)
            mark_worked(state, stage_id, day)
            if not last:
                mark_complete(state, stage_id, day)

        home.update_state(record)
    if index % 5 == 4:
        return  # a client working without a program
    start = TODAY - timedelta(days=rng.randint(0, 150))
    program = programs.new(start, rng.randint(2, 6))
    questions = program_file.questions_of(book)
    program.intake.update({q.id: answer(q) for q in questions.intake})
    for goal_number in range(rng.randint(1, 3)):
        programs.add_goal(program, f"Goal {goal_number + 1} of client {index}", start)
        if rng.random() < 0.4:
            programs.revise_goal(
                program, f"g{goal_number + 1}", f"Goal {goal_number + 1}, sharper", "learned", start
            )
    for item in range(rng.randint(5, 15)):
        due = start + timedelta(days=rng.randint(3, 120))
        programs.add_homework(program, f"Homework {item}", start, due=due, stage="networking")
        if due < TODAY and rng.random() < 0.7:
            programs.finish_homework(program, f"h{item + 1}", due)
    checkin = start + timedelta(days=7)
    while checkin <= TODAY:
        if rng.random() < 0.8:
            for question in questions.checkin:
                programs.save_checkin_answer(program, checkin, question.id, answer(question))
        checkin += timedelta(days=7)
    home.write_program(book, program)


def break_client(home: Path, how: str) -> None:
    if how == "half-written workbook.toml":
        text = (home / "workbook.toml").read_text()
        (home / "workbook.toml").write_text(text[: len(text) // 2])
    elif how == "answer that does not fit":
        (home / "stages" / "exploration.toml").write_text('clarity = "very"\n')
    elif how == "program.toml":
        (home / "program.toml").write_text("[program\nstart = 2026-01-01\n")
    else:
        shutil.rmtree(home)
        home.mkdir()


def build_group(root: Path, clients: int) -> None:
    rng = random.Random(4)
    coach = root.parent / "coach.toml"
    coach.write_text(definition.resolve("default").read_text().replace("Your career path", "Ours"))
    for index in range(clients):
        build_client(root, index, rng, coach)
    for index, how in zip(range(7, clients, clients // len(BROKEN)), BROKEN, strict=False):
        break_client(root / f"client-{index:03d}", how)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=200)
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--check", action="store_true", help="exit 1 when the target is missed")
    args = parser.parse_args()
    script = Path(PYTHON).parent / "careerpath"
    careerpath = [str(script)] if script.exists() else [PYTHON, "-m", "careerpath"]
    env = {**ENV, "CAREERPATH_TODAY": TODAY.isoformat(), "COLUMNS": "140"}
    with tempfile.TemporaryDirectory(prefix="careerpath-group-") as tmp:
        root = Path(tmp) / "clients"
        started = time.perf_counter()
        build_group(root, args.clients)
        built = time.perf_counter() - started
        commands = {
            "report --group DIR": [*careerpath, "report", "--group", str(root)],
            "report --group DIR -f json": [
                *careerpath,
                "report",
                "--group",
                str(root),
                "-f",
                "json",
            ],
        }
        check = subprocess.run(
            commands["report --group DIR -f json"], capture_output=True, text=True, env=env
        )
        if check.returncode != 0:
            print(check.stderr, file=sys.stderr)
            return 2
        import json

        rows = json.loads(check.stdout)["clients"]
        broken = sum(row["error"] is not None for row in rows)
        attention = sum(bool(row["attention"]) for row in rows)
        times: dict[str, list[float]] = {name: [] for name in commands}
        for round_no in range(WARMUP + args.runs):
            for name, command in commands.items():
                start = time.perf_counter()
                subprocess.run(
                    command,
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                    env=env,
                    check=True,
                )
                if round_no >= WARMUP:
                    times[name].append(time.perf_counter() - start)
    print(
        f"python {sys.version.split()[0]}; {len(rows)} client folders ({broken} broken, "
        f"{attention} needing attention), built in {built:.1f} s; {args.runs} runs each after "
        f"{WARMUP} warm-up"
    )
    print(f"{'command':<30}{'median s':>10}{'min s':>8}  target")
    missed = []
    for name, ts in times.items():
        median = statistics.median(ts)
        ok = median < TARGET_S
        if not ok:
            missed.append(name)
        print(
            f"{name:<30}{median:>10.2f}{min(ts):>8.2f}  < {TARGET_S} s: {'ok' if ok else 'MISSED'}"
        )
    return 1 if args.check and missed else 0


if __name__ == "__main__":
    sys.exit(main())
