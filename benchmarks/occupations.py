"""Whole-process CPU time of ``careerpath occupations search``, ``show`` and ``explore`` against
``careerpath --help``, in the same run; and ``target add --from``, which fills a target job
from the pack.

Each command runs as its own process (interpreter start, imports, opening the pack, work,
exit); CPU time is the child's user + system time. ``show`` is measured twice: "first run" with
the operating system's file cache for the pack dropped where possible (``posix_fadvise``
DONTNEED; otherwise it is a warm run too) and warm. Commands run round-robin so machine noise
hits all alike; the first rounds are warm-up and discarded. Target: each ratio <= 1.3x
(`explore`, which ranks every occupation for one person, and `target add --from`: <= 1.5x).

    python benchmarks/occupations.py [--runs N] [--check]

``--check`` exits 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from startup import ENV, PYTHON, WARMUP, run

from careerpath.occupations import PACK

TARGET = 1.3
TARGETS = {
    "explore (whole pack)": 1.5,  # issue 10: ranking every occupation for one person
    "target add --from 15-2051.00": 1.5,  # issue 9: a target job filled from the pack
}


def drop_from_cache(path: Path) -> None:
    """Ask the kernel to forget the file's cached pages, so the next open reads the disk."""
    if hasattr(os, "posix_fadvise"):
        with path.open("rb") as f:
            os.posix_fadvise(f.fileno(), 0, 0, os.POSIX_FADV_DONTNEED)


def cpu_ms(command: list[str], cold: bool = False) -> float:
    """CPU time in ms (user + system) of ``command`` as a child process."""
    if cold:
        drop_from_cache(PACK)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run(
        command,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=ENV,
    )
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        run(command)  # runs it again to show stderr, then stops
    used = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return used * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=15, help="timed runs per command")
    parser.add_argument("--check", action="store_true", help="exit 1 when a target is missed")
    args = parser.parse_args()

    script = Path(PYTHON).parent / "careerpath"
    careerpath = [str(script)] if script.exists() else [PYTHON, "-m", "careerpath"]
    with tempfile.TemporaryDirectory(prefix="careerpath-bench-") as tmp:
        home = ["--home", str(Path(tmp) / "home")]
        run([*careerpath, *home, "start"])
        # Someone with results: Investigative-Artistic, values sorted, open to a degree.
        from careerpath.instruments.interests import ITEMS

        answers = Path(tmp) / "answers.toml"
        liked = {"I": "like", "A": "like", "R": "unsure"}
        answers.write_text(
            "".join(f'{item.id} = "{liked.get(item.type, "dislike")}"\n' for item in ITEMS)
        )
        run([*careerpath, *home, "interests", "--answers", str(answers)])
        run([*careerpath, *home, "work-values", "--order", "ach,ind,work,sup,rel,rec"])
        run([*careerpath, *home, "explore", "--prepare", "4"])
        return measure(careerpath, home, args.runs, args.check)


def measure(careerpath: list[str], home: list[str], runs: int, check: bool) -> int:
    """Time the commands round-robin and print the medians and ratios."""
    commands: dict[str, tuple[list[str], bool]] = {
        "careerpath --help": ([*careerpath, "--help"], False),
        # Any command (not --help) also runs the app's callback, which finds the home: for
        # comparison, a command that reads a small workbook.
        "careerpath report (new workbook)": ([*careerpath, *home, "report"], False),
        "occupations search 'data scientist'": (
            [*careerpath, "occupations", "search", "data scientist"],
            False,
        ),
        "occupations show 15-2051.00 (first run)": (
            [*careerpath, "occupations", "show", "15-2051.00"],
            True,
        ),
        "occupations show 15-2051.00 (warm)": (
            [*careerpath, "occupations", "show", "15-2051.00"],
            False,
        ),
        "occupations show nurse --area CA": (
            [*careerpath, "occupations", "show", "registered nurses", "--area", "CA"],
            False,
        ),
        "explore (whole pack)": ([*careerpath, *home, "explore"], False),
        # Adds a target on every run (--again: the same occupation): the home grows by one
        # small record each time.
        "target add --from 15-2051.00": (
            [*careerpath, *home, "target", "add", "--from", "15-2051.00", "--again"],
            False,
        ),
    }
    times: dict[str, list[float]] = {name: [] for name in commands}
    for round_no in range(WARMUP + runs):
        for name, (command, cold) in commands.items():
            used = cpu_ms(command, cold)
            if round_no >= WARMUP:
                times[name].append(used)

    print(f"python {sys.version.split()[0]}; {runs} runs each after {WARMUP} warm-up; CPU time")
    print(f"{'command':<42}{'median ms':>10}{'min ms':>9}{'ratio':>8}{'/report':>8}  target")
    base = statistics.median(times["careerpath --help"])
    report = statistics.median(times["careerpath report (new workbook)"])
    missed = []
    for name, found in times.items():
        median = statistics.median(found)
        ratio = target = ""
        if name.startswith("careerpath report"):
            ratio, target = f"{median / base:.2f}x", "(info)"
        elif name != "careerpath --help":
            value = median / base
            limit = TARGETS.get(name, TARGET)
            ok = value <= limit
            ratio, target = f"{value:.2f}x", f"<= {limit}x --help: {'ok' if ok else 'MISSED'}"
            if not ok:
                missed.append(name)
        versus = (
            f"{median / report:.2f}x"
            if name.startswith(("occupations", "explore", "target"))
            else ""
        )
        print(f"{name:<42}{median:>10.1f}{min(found):>9.1f}{ratio:>8}{versus:>8}  {target}")
    print(f"\npack: {PACK.name}, {PACK.stat().st_size / 1e6:.1f} MB")
    if missed:
        print("targets missed: " + "; ".join(missed))
    return 1 if check and missed else 0


if __name__ == "__main__":
    sys.exit(main())
