"""Whole-process start-up time of careerpath, against a bare Typer "framework floor".

What it measures, each as a separate process (interpreter start, imports, work, exit):

* floor:        ``python floor.py`` -- a one-command Typer app that prints a line
* floor --help: ``python floor.py --help``
* floor + a model + rich: the floor after building one pydantic model and a rich console, for
  information: what every command that reads a workbook pays before its own work
* ``careerpath report``, ``careerpath report --format json`` and ``careerpath --help``,
  through the installed console script (``python -m careerpath`` when there is none), plus
  ``python -m careerpath report`` for comparison with the floor, which is run the same way.
* a TAB in a home with 1,000 applications and 1,000 contacts (``benchmarks/scale.py`` builds
  it), as bash asks for it (``_CAREERPATH_COMPLETE=complete_bash COMP_WORDS="careerpath app
  move " COMP_CWORD=3``): record ids, stage ids and statuses against ``careerpath --help``
  (target <= 1.2x), and due-item ids, which read the whole workbook, for information.

The reports run on a fully answered default workbook in a temporary home folder, built
without prompting (``start``, then ``next --answers FILE`` for every stage). Commands run
round-robin so machine noise hits all alike; the first two rounds are warm-up and discarded.
It prints median and min wall time, the ratio to the floor, the targets (report <= 1.3x
floor, --help <= 1.1x floor --help), whether ``report`` imports questionary or
prompt_toolkit, and the slowest imports of ``report`` (from ``python -X importtime``).

Run it from the repository with the project's virtualenv active:

    python benchmarks/startup.py [--runs N] [--check]

``--check`` exits 1 when a target is missed; otherwise the exit status is 0.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any

import scale  # benchmarks/scale.py: the 1,000-record home
import tomli_w

from careerpath.tracking import records  # noqa: F401  (registers the record types)
from careerpath.workbook.definition import Question, load_builtin
from careerpath.workbook.home import Home

PYTHON = sys.executable
WARMUP = 2
REPORT_TARGET = 1.3  # issue 13
HELP_TARGET = 1.1  # issue 13
TAB_TARGET = 1.2
PROMPT_LIBRARIES = ("questionary", "prompt_toolkit")
ENV = {**os.environ, "COLUMNS": "100", "NO_COLOR": "1"}
ENV.pop("CAREERPATH_HOME", None)
# An installed package has its bytecode compiled (pip does it at install time); let the warm-up
# runs write it here too, or every run would compile careerpath from source.
ENV.pop("PYTHONDONTWRITEBYTECODE", None)

FLOOR_APP = '''\
import typer

app = typer.Typer()


@app.command()
def hello() -> None:
    """Say hello."""
    print("hello")


if __name__ == "__main__":
    app()
'''

FLOOR_WITH_MODELS = FLOOR_APP.replace(
    "@app.command()",
    """from pydantic import BaseModel


class Probe(BaseModel):
    a: int


Probe(a=1)
from rich.console import Console

Console()


@app.command()""",
)
"""The floor with what any workbook command pays before its own work: pydantic's first model
built (Typer imports pydantic but builds none for a command without parameters) and a rich
console (the floor prints with ``print``)."""


def run(command: list[str]) -> subprocess.CompletedProcess[str]:
    """Run ``command`` (stdin from /dev/null); print its stderr and stop if it fails."""
    done = subprocess.run(
        command, stdin=subprocess.DEVNULL, capture_output=True, text=True, env=ENV
    )
    if done.returncode != 0:
        print(f"FAILED (exit {done.returncode}): {' '.join(command)}", file=sys.stderr)
        print(done.stderr or done.stdout, file=sys.stderr)
        sys.exit(2)
    return done


# --- a fully answered workbook ---------------------------------------------------------------


def answer(question: Question) -> Any:
    """A valid answer for ``question``, by kind (records: three records, every field answered)."""
    choices = question.choices or []
    match question.kind:
        case "text" | "long_text":
            return f"An answer to {question.id}."
        case "choice":
            return choices[0]
        case "multi_choice":
            return choices  # every choice: a checklist such as leaving well is then done
        case "ranking":
            return choices[: question.count]
        case "scale":
            return 3
        case "yes_no":
            return True
        case "number":
            low, high = question.min, question.max
            value = low if low is not None else (high if high is not None and high < 1 else 1)
            if question.integer:
                return math.ceil(value) if low is not None else math.floor(value)
            return value
        case "money":
            return {"amount": 50000, "currency": "EUR"}
        case "money_range":
            return {"low": 45000, "high": 60000, "currency": "EUR", "period": "year"}
        case "date":
            return date(2026, 12, 1)
        case "list":
            return ["a", "b"]
        case "records":
            return [record(question) for _ in range(3)]
        case "weights":
            return {"Autonomy": 5, "income_floor": 4}
    raise SystemExit(f"benchmark does not know how to answer a {question.kind!r} question")


def record(question: Question) -> dict[str, Any]:
    """One record with every field answered, and the work each stage counts as done: a
    conversation logged, an application past "applied", a decision on an offer."""
    fields = {field.id: answer(field) for field in question.record_fields}
    if question.id == "contacts":
        fields["conversations"] = [{"date": date(2026, 11, 20), "summary": "A first talk."}]
    elif question.id == "applications":
        fields["status"] = "interviewing"
    elif question.id == "offers":
        fields["status"] = "accepted"
    return fields


def build_workbook(careerpath: list[str], home: Path) -> None:
    """Create a workbook in ``home`` and answer every question of every stage."""
    run([*careerpath, "--home", str(home), "start"])
    for stage in load_builtin().stages:
        path = home.parent / f"answers-{stage.id}.toml"
        path.write_text(tomli_w.dumps({q.id: answer(q) for q in stage.questions}), "utf-8")
        run([*careerpath, "--home", str(home), "next", "--stage", stage.id, "--answers", str(path)])
    report = json.loads(run([*careerpath, "--home", str(home), "report", "-f", "json"]).stdout)
    open_stages = [s["id"] for s in report["stages"] if s["status"] != "complete"]
    if open_stages:
        sys.exit(f"workbook not fully answered; stages not complete: {', '.join(open_stages)}")


# --- timing ----------------------------------------------------------------------------------


def time_round_robin(
    commands: dict[str, list[str]], runs: int, envs: dict[str, dict[str, str]] | None = None
) -> dict[str, list[float]]:
    """Wall times in ms of each command, ``runs`` times, after ``WARMUP`` discarded rounds;
    ``envs`` adds environment variables to some of them (by name)."""
    times: dict[str, list[float]] = {name: [] for name in commands}
    for round_no in range(WARMUP + runs):
        for name, command in commands.items():
            start = time.perf_counter()
            done = subprocess.run(
                command,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                env={**ENV, **(envs or {}).get(name, {})},
            )
            elapsed = (time.perf_counter() - start) * 1000
            if done.returncode != 0:
                run(command)  # runs it again to show stderr, then stops
            if round_no >= WARMUP:
                times[name].append(elapsed)
    return times


def tab(home: Path, line: str) -> dict[str, str]:
    """The environment bash's completion script sets for a TAB at the end of ``line``."""
    return {
        "CAREERPATH_HOME": str(home),
        "_CAREERPATH_COMPLETE": "complete_bash",
        "COMP_WORDS": line,
        "COMP_CWORD": str(len(line.split())),
    }


def import_times(command: list[str]) -> list[tuple[int, str]]:
    """(cumulative microseconds, module) for every import ``command`` makes."""
    stderr = run([PYTHON, "-X", "importtime", *command]).stderr
    found: list[tuple[int, str]] = []
    for line in stderr.splitlines():
        if not line.startswith("import time:") or "imported package" in line:
            continue
        _self_us, cumulative, module = line.removeprefix("import time:").split("|", 2)
        found.append((int(cumulative), module.strip()))
    return found


# --- main ------------------------------------------------------------------------------------


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=15, help="timed runs per command")
    parser.add_argument("--check", action="store_true", help="exit 1 when a target is missed")
    args = parser.parse_args()

    script = Path(PYTHON).parent / "careerpath"
    careerpath = [str(script)] if script.exists() else [PYTHON, "-m", "careerpath"]
    via = "console script" if script.exists() else "python -m careerpath"

    with tempfile.TemporaryDirectory(prefix="careerpath-bench-") as tmp:
        floor, home = Path(tmp) / "floor.py", Path(tmp) / "home"
        floor.write_text(FLOOR_APP, "utf-8")
        floor_with_models = Path(tmp) / "floor_with_models.py"
        floor_with_models.write_text(FLOOR_WITH_MODELS, "utf-8")
        build_workbook([PYTHON, "-m", "careerpath"], home)
        big = Path(tmp) / "big"
        scale.build(Home(big))
        at_home = ["--home", str(home)]
        commands = {
            "floor": [PYTHON, str(floor)],
            "floor --help": [PYTHON, str(floor), "--help"],
            "floor + a model + rich": [PYTHON, str(floor_with_models)],
            "careerpath report": [*careerpath, *at_home, "report"],
            "careerpath report --format json": [*careerpath, *at_home, "report", "-f", "json"],
            "careerpath --help": [*careerpath, "--help"],
            "python -m careerpath report": [PYTHON, "-m", "careerpath", *at_home, "report"],
            "TAB app move (1k home)": careerpath,
            "TAB next --stage (1k home)": careerpath,
            "TAB app move ID (statuses)": careerpath,
            "TAB done (1k home)": careerpath,
        }
        envs = {
            "TAB app move (1k home)": tab(big, "careerpath app move "),
            "TAB next --stage (1k home)": tab(big, "careerpath next --stage "),
            "TAB app move ID (statuses)": tab(big, "careerpath app move a1 "),
            "TAB done (1k home)": tab(big, "careerpath done "),
        }
        # (floor it is compared with, target; None: shown for information only)
        compare: dict[str, tuple[str, float | None]] = {
            "floor + a model + rich": ("floor", None),
            "careerpath report": ("floor", REPORT_TARGET),
            "careerpath report --format json": ("floor", REPORT_TARGET),
            "careerpath --help": ("floor --help", HELP_TARGET),
            "python -m careerpath report": ("floor", None),
            "TAB app move (1k home)": ("careerpath --help", TAB_TARGET),
            "TAB next --stage (1k home)": ("careerpath --help", TAB_TARGET),
            "TAB app move ID (statuses)": ("careerpath --help", TAB_TARGET),
            "TAB done (1k home)": ("careerpath --help", None),
        }
        times = time_round_robin(commands, args.runs, envs)
        imports = import_times(["-m", "careerpath", *at_home, "report"])

    print(
        f"python {sys.version.split()[0]}; {args.runs} runs each after {WARMUP} warm-up; "
        f"careerpath via {via}"
    )
    print(f"{'command':<34}{'median ms':>10}{'min ms':>9}{'ratio':>8}  target")
    medians = {name: statistics.median(ts) for name, ts in times.items()}
    missed: list[str] = []
    for name, ts in times.items():
        ratio = target = ""
        if name in compare:
            base, limit = compare[name]
            value = medians[name] / medians[base]
            ratio = f"{value:.2f}x"
            if limit is None:
                target = f"(info, vs {base})"
            else:
                ok = value <= limit
                target = f"<= {limit}x {base}: {'ok' if ok else 'MISSED'}"
                if not ok:
                    missed.append(name)
        print(f"{name:<34}{medians[name]:>10.1f}{min(ts):>9.1f}{ratio:>8}  {target}")

    prompting = sorted({m for _, m in imports if m.split(".")[0] in PROMPT_LIBRARIES})
    print(f"\nreport imports questionary/prompt_toolkit: {'yes' if prompting else 'no'}")
    if prompting:
        missed.append("report imports " + ", ".join(prompting[:5]))
    print("\nslowest imports of `careerpath report` (cumulative, python -X importtime):")
    for cumulative, module in sorted(imports, reverse=True)[:10]:
        print(f"{cumulative / 1000:>8.1f} ms  {module}")

    if missed:
        print("\ntargets missed: " + "; ".join(missed))
    return 1 if args.check and missed else 0


if __name__ == "__main__":
    sys.exit(main())
