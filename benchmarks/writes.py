"""Whole-process cost of a write that keeps hand edits, at 1,000 and 10,000 applications.

For each size it builds a home with ``scale.py``'s workbook (applications scaled), then times
``careerpath app edit a1 --notes x`` (rewrites the applying file) as separate processes,
round-robin after a warm-up round, on two copies of the file: as careerpath wrote it (written
afresh with tomli-w) and with one hand comment added (merged with tomlkit so the comment
stays). Prints the median wall time of each and their ratio.

    python benchmarks/writes.py [--runs N] [--sizes 1000,10000]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import scale

from careerpath.workbook.home import Home


def timed(command: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, check=True, env=scale.ENV, stdout=subprocess.DEVNULL)
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--sizes", default="1000,10000")
    args = parser.parse_args()
    script = Path(sys.executable).parent / "careerpath"
    careerpath = [str(script)] if script.exists() else [sys.executable, "-m", "careerpath"]
    for size in [int(n) for n in args.sizes.split(",")]:
        scale.APPLICATIONS = size
        with tempfile.TemporaryDirectory(prefix="careerpath-writes-") as tmp:
            plain = Home(Path(tmp) / "plain")
            scale.build(plain)
            commented = Path(tmp) / "commented"
            shutil.copytree(plain.root, commented)
            applying = commented / "stages" / "applying.toml"
            text = applying.read_text(encoding="utf-8")
            applying.write_text(
                text.replace(
                    "[[applications]]", "# my note: recruiter is Kim\n[[applications]]", 1
                ),
                encoding="utf-8",
            )
            kb = len(text.encode()) // 1024
            times: dict[str, list[float]] = {"fresh": [], "keeping": []}
            for round_ in range(args.runs + 1):
                for name, root in (("fresh", plain.root), ("keeping", commented)):
                    took = timed(
                        [
                            *careerpath,
                            "--home",
                            str(root),
                            "app",
                            "edit",
                            "a1",
                            "--notes",
                            f"n{round_}",
                        ]
                    )
                    if round_:
                        times[name].append(took)
            assert "# my note: recruiter is Kim" in applying.read_text(encoding="utf-8")
            fresh, keeping = (statistics.median(times[k]) * 1000 for k in ("fresh", "keeping"))
            print(
                f"{size:>6} applications ({kb} KiB): fresh {fresh:.0f} ms, "
                f"keeping hand edits {keeping:.0f} ms, ratio {keeping / fresh:.2f}"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
