"""careerpath against two peers, side by side in one run: jobhound (``jh``, one TOML file per
opportunity) and applyr (SQLite).

For each size N it builds, in a temporary folder, a store of the same shape for each tool —
N applications and N contacts (with 2N conversations, 20 targets and 5 offers for
careerpath, the shape ``benchmarks/scale.py`` builds; one contact per opportunity for
jobhound; N offers for applyr) — each in one process through the tool's own code, then
times every command as a separate process, round-robin after one discarded warm-up round:

* careerpath ``app list``, ``contact list``, ``due``, ``report``, ``export --format json``
  on an unchanged home (what they work out is kept in the home's cache after the warm-up);
* ``app add`` on a copy of that home, each followed there by every one of those reads
  again ("after app add": the first run after a change, which works
  out afresh what the cache kept);
* ``jh list --all`` and ``applyr list --all``

It measures the CPU time of the child (user + sys, from ``os.wait4``), wall time and peak
memory (max RSS), takes medians, and prints the ratios careerpath ÷ peer with PASS/MISS for
each target of issue 13.

The peers are installed from the package registry into a benchmark-only virtual environment
(``benchmarks/.peers-venv``, ignored by git), never into the project's dependencies. Run it
from the repository with the project's virtualenv active:

    python benchmarks/peers.py [--sizes 100,1000,10000] [--runs 3] [--quick]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))


HERE = Path(__file__).resolve().parent
PEERS_VENV = HERE / ".peers-venv"
PEERS = ("jobhound==0.18.9", "applyr==1.20.0")
WARMUP = 1

READS = ("app list", "contact list", "due", "report", "export --format json")
AFTER_A_CHANGE = READS
"""Run again right after each ``app add``, on the home it changed."""
AFTER = ", after app add"
COMMANDS: dict[str, list[str]] = {
    # --all: the peers list closed applications too, so careerpath must as well
    "app list": ["app", "list", "--all"],
    "contact list": ["contact", "list"],
    "due": ["due"],
    "report": ["report"],
    "export --format json": ["export", "--format", "json"],
    "app add": ["app", "add", "Benchmark Ltd", "Analyst"],
}

TODAY = "2026-11-25"  # scale.TODAY

CAREERPATH_BUILD = f"""
import sys
from pathlib import Path
sys.path.insert(0, {str(Path(__file__).resolve().parent)!r})
import scale
from careerpath.workbook.home import Home
scale.build(Home(Path(sys.argv[2]) / "careerpath"), int(sys.argv[1]))
"""

# Built by the peers' own code, run with the peers' interpreter: argv is N and the folder.
JOBHOUND_BUILD = """
import sys, random
from datetime import datetime, timedelta, timezone
from pathlib import Path
from jobhound.domain.contact import Contact
from jobhound.domain.opportunities import Opportunity
from jobhound.domain.status import Status
from jobhound.infrastructure.config import load_config
from jobhound.infrastructure.meta_io import write_meta
from jobhound.infrastructure.paths import Paths, paths_from_config
from jobhound.infrastructure.repository import OpportunityRepository
from dataclasses import replace

size = int(sys.argv[1])
rng = random.Random(2026)
cfg = load_config()
paths = paths_from_config(cfg)
Paths.ensure(paths)
OpportunityRepository(paths, cfg)  # the git repository it expects
now = datetime(2026, 11, 25, 9, tzinfo=timezone.utc)
statuses = list(Status)
for n in range(1, size + 1):
    when = now - timedelta(days=rng.randint(5, 180))
    opp = Opportunity.new_prospect(
        when, f"Employer {n}", "Data analyst", source="job board",
        links={"posting": f"https://jobs.example.org/{n}"},
        next_action="Chase the recruiter",
        next_action_due=now + timedelta(days=rng.randint(-20, 20)),
    )
    opp = replace(
        opp, status=rng.choice(statuses), applied_on=when,
        contacts=(Contact(name=f"Contact {n}", role="Recruiter", channel="email"),),
    )
    folder = paths.opportunities_dir / opp.slug
    (folder / "notes").mkdir(parents=True)
    write_meta(opp, folder / "meta.toml")
"""

APPLYR_BUILD = """
import sys, random
from datetime import date, timedelta
from applyr import db

size = int(sys.argv[1])
rng = random.Random(2026)
db.init_db()
conn = db.get_conn()
today = date(2026, 11, 25)
statuses = ["pending", "applied", "waiting", "interview", "rejected", "offer"]
rows = []
for n in range(1, size + 1):
    got = today - timedelta(days=rng.randint(5, 180))
    rows.append((
        "Data analyst", f"Employer {n}", "A role with people and data.", got.isoformat(),
        got.isoformat(), rng.choice(statuses), "job board",
        (today + timedelta(days=rng.randint(-20, 20))).isoformat(), "hybrid", "Berlin",
        40000 + n, 60000 + n, f"Contact {n}", "Recruiter", f"https://jobs.example.org/{n}",
    ))
conn.executemany(
    "INSERT INTO offers (title, company, summary, date_received, date_applied, status, canal,"
    " follow_up_date, work_mode, location, salary_min, salary_max, contact_name,"
    " contact_role, job_url) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    rows,
)
conn.commit()
"""


@dataclass
class Sample:
    cpu: list[float] = field(default_factory=list)  # seconds, user + sys of the child
    wall: list[float] = field(default_factory=list)
    rss: list[float] = field(default_factory=list)  # MB

    def median(self, what: str) -> float:
        return statistics.median(getattr(self, what))


def peers_python() -> Path:
    """The benchmark-only interpreter with both peers, made on first use."""
    python = PEERS_VENV / "bin" / "python"
    if not (PEERS_VENV / "bin" / "jh").exists() or not (PEERS_VENV / "bin" / "applyr").exists():
        subprocess.run([sys.executable, "-m", "venv", str(PEERS_VENV)], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "-q", *PEERS], check=True)
    return python


def measure(command: list[str], env: dict[str, str]) -> tuple[float, float, float]:
    """CPU seconds (user + sys), wall seconds and peak RSS in MB of one process."""
    start = time.perf_counter()
    process = subprocess.Popen(
        command,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=env,
    )
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    error = process.stderr.read() if process.stderr else b""
    if process.returncode != 0:
        raise SystemExit(f"FAILED ({process.returncode}): {' '.join(command)}\n{error.decode()}")
    return usage.ru_utime + usage.ru_stime, wall, usage.ru_maxrss / 1024


def run_size(size: int, runs: int, python: Path) -> dict[str, Sample]:
    """Build the three stores at ``size`` and time every command on them."""
    bin_dir = Path(sys.executable).parent
    script = bin_dir / "careerpath"
    careerpath = [str(script)] if script.exists() else [sys.executable, "-m", "careerpath"]
    with tempfile.TemporaryDirectory(prefix=f"careerpath-peers-{size}-") as tmp:
        root = Path(tmp)
        base = {**os.environ, "COLUMNS": "120", "NO_COLOR": "1", "HOME": str(root)}
        base.pop("PYTHONDONTWRITEBYTECODE", None)
        base.pop("CAREERPATH_HOME", None)
        cp_env = {**base, "CAREERPATH_TODAY": TODAY}
        jh_env = {
            **base,
            **{
                f"XDG_{kind}_HOME": str(root / "jh" / kind.lower())
                for kind in ("DATA", "CONFIG", "CACHE", "STATE")
            },
        }
        ap_env = {**base, "APPLYR_HOME": str(root / "applyr"), "APPLYR_CV_HOME": str(root / "cv")}

        started = time.perf_counter()
        # In a child process: a child forked from a big parent would report the parent's
        # peak memory as its own (Linux keeps the high-water mark across exec).
        subprocess.run([sys.executable, "-c", CAREERPATH_BUILD, str(size), str(root)], check=True)
        subprocess.run([str(python), "-c", JOBHOUND_BUILD, str(size)], env=jh_env, check=True)
        subprocess.run([str(python), "-c", APPLYR_BUILD, str(size)], env=ap_env, check=True)
        print(f"N={size}: stores built in {time.perf_counter() - started:.1f} s", flush=True)

        import shutil

        unchanged = [*careerpath, "--home", str(root / "careerpath")]
        changed = [*careerpath, "--home", str(root / "careerpath-changed")]
        shutil.copytree(root / "careerpath", root / "careerpath-changed")
        plan: dict[str, tuple[list[str], dict[str, str]]] = {
            name: ([*unchanged, *COMMANDS[name]], cp_env) for name in READS
        }
        plan["app add"] = ([*changed, *COMMANDS["app add"]], cp_env)
        for name in AFTER_A_CHANGE:
            plan[name + AFTER] = ([*changed, *COMMANDS[name]], cp_env)
        plan["jh list --all"] = ([str(PEERS_VENV / "bin" / "jh"), "list", "--all"], jh_env)
        plan["applyr list --all"] = (
            [str(PEERS_VENV / "bin" / "applyr"), "list", "--all"],
            ap_env,
        )
        samples = {name: Sample() for name in plan}
        for round_no in range(WARMUP + runs):
            for name, (command, env) in plan.items():
                cpu, wall, rss = measure(command, env)
                if round_no >= WARMUP:
                    samples[name].cpu.append(cpu)
                    samples[name].wall.append(wall)
                    samples[name].rss.append(rss)
    return samples


def report(results: dict[int, dict[str, Sample]], runs: int) -> int:
    """Print the tables and the targets; the number of targets missed."""
    sizes = sorted(results)
    print(f"\npython {sys.version.split()[0]}; medians of {runs} runs after {WARMUP} warm-up")
    print("\nCPU s / wall s / peak MB (medians)")
    print(f"{'command':<40}" + "".join(f"{'N=' + str(n):>24}" for n in sizes))
    for name in results[sizes[0]]:
        cells = [
            f"{s.median('cpu'):.2f} / {s.median('wall'):.2f} / {s.median('rss'):.0f}"
            for s in (results[n][name] for n in sizes)
        ]
        print(f"{name:<40}" + "".join(f"{cell:>24}" for cell in cells))

    print("\nCPU-time ratios careerpath ÷ peer (medians)")
    print(f"{'':<46}" + "".join(f"{'N=' + str(n):>9}" for n in sizes) + "  target")
    missed = 0

    def ratio_row(name: str, peer: str, limit: float) -> None:
        nonlocal missed
        ratios = [results[n][name].median("cpu") / results[n][peer].median("cpu") for n in sizes]
        ok = all(r <= limit for r in ratios)
        missed += not ok
        peer_name = peer.split(" ")[0]
        label = f"{name} ÷ {peer_name}"
        print(
            f"{label:<46}"
            + "".join(f"{r:>9.2f}" for r in ratios)
            + f"  ≤ {limit:g}: {'PASS' if ok else 'MISS'}"
        )

    careerpath = [name for name in results[sizes[0]] if not name.endswith(" --all")]
    for name in careerpath:
        ratio_row(name, "jh list --all", 1.0)
    top = sizes[-1]
    if top >= 10_000:
        print(f"\nAt N={top}:")
        for name in [name for name in careerpath if name != "app add"]:
            ratio = results[top][name].median("cpu") / results[top]["applyr list --all"].median(
                "cpu"
            )
            ok = ratio <= 3.0
            missed += not ok
            print(f"  {name} ÷ applyr list --all = {ratio:.2f}  ≤ 3: {'PASS' if ok else 'MISS'}")
        for name in careerpath:
            cpu = results[top][name].median("cpu")
            rss = results[top][name].median("rss")
            ok_cpu, ok_rss = cpu <= 1.0, rss <= 150
            missed += (not ok_cpu) + (not ok_rss)
            print(
                f"  {name}: {cpu:.2f} s CPU ≤ 1 s: {'PASS' if ok_cpu else 'MISS'}; "
                f"{rss:.0f} MB ≤ 150 MB: {'PASS' if ok_rss else 'MISS'}"
            )
    print(f"\n{missed} target(s) missed")
    return missed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="100,1000,10000", help="comma-separated N")
    parser.add_argument("--runs", type=int, default=5, help="timed runs per command")
    parser.add_argument("--quick", action="store_true", help="N=100,1000 with 2 runs")
    parser.add_argument("--check", action="store_true", help="exit 1 when a target is missed")
    args = parser.parse_args()
    sizes = [100, 1000] if args.quick else [int(n) for n in args.sizes.split(",")]
    runs = 2 if args.quick else args.runs
    python = peers_python()
    results = {size: run_size(size, runs, python) for size in sizes}
    missed = report(results, runs)
    return 1 if args.check and missed else 0


if __name__ == "__main__":
    sys.exit(main())
