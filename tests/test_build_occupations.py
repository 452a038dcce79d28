"""``scripts/build_occupations.py`` against the real source files in ``shared/data`` beside the
repository (or ``$CAREERPATH_SHARED``): what it reads, how it joins, and that the pack
committed in the package is exactly what it builds."""

from __future__ import annotations

import importlib.util
import shutil
import sqlite3
import sys
import zlib
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

REPO = Path(__file__).resolve().parent.parent


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "build_occupations", REPO / "scripts" / "build_occupations.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


build = _script()


@pytest.fixture(scope="module")
def data() -> Path:
    try:
        return build.shared_data()
    except SystemExit:
        pytest.skip("the source data (shared/data beside the repository) is not here")


@pytest.fixture(scope="module")
def built(data: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, int]]:
    out = tmp_path_factory.mktemp("pack") / "pack.sqlite"
    return out, build.build(data, out)


def test_counts_and_join_coverage(built: tuple[Path, dict[str, int]]) -> None:
    _, counts = built
    assert counts["occupations"] == 1016
    assert (counts["full"], counts["titles_only"]) == (923, 93)
    assert counts["full_with_pay"] == 921  # all but Legislators and Fishing and Hunting Workers
    assert (counts["joined_by_code"], counts["joined_by_group"]) == (961, 34)
    assert counts["bytes"] < 8_000_000


def test_the_oews_rows_read_are_the_right_ones(data: Path) -> None:
    oews = build.read_oews(build.open_oews(data / build.OEWS))
    names = list(build.PAY_COLUMNS)
    everyone = dict(zip(names, oews["pay"][("000000", "00")], strict=False))
    assert everyone["annual_median"] == 50980
    assert everyone["hourly_median"] == 2451  # cents
    assert everyone["employment"] == 155_495_730
    scientists = dict(zip(names, oews["pay"][("152051", "00")], strict=False))
    assert scientists["annual_median"] == 120230
    assert len(oews["areas"]) == 54


def test_aggregates_are_found_from_the_oews_table(data: Path) -> None:
    onet = build.read_onet(data / build.ONET)
    oews = build.read_oews(build.open_oews(data / build.OEWS))
    joined = build.join(onet["titles"], oews)
    assert joined["21-1011.00"] == build.Join("21-1018", "group")
    assert joined["31-1122.00"] == build.Join("31-1120", "group")
    assert joined["15-2051.01"] == build.Join("15-2051", "parent")
    assert "11-1031.00" not in joined  # BLS publishes no pay for legislators


def test_a_changed_source_file_stops_the_build(data: Path, tmp_path: Path) -> None:
    copy = tmp_path / "data"
    shutil.copytree(data / build.ONET, copy / build.ONET)
    (copy / build.OEWS).symlink_to(data / build.OEWS)
    job_zones = copy / build.ONET / "Job Zones.txt"
    job_zones.chmod(0o644)
    job_zones.write_text(job_zones.read_text("utf-8") + "99-9999.00\t1\t01/2025\tAnalyst\r\n")
    with pytest.raises(SystemExit, match=r"Job Zones\.txt does not match its sha256"):
        build.build(copy, tmp_path / "pack.sqlite")
    assert not (tmp_path / "pack.sqlite").exists()


def _contents(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every table's rows in key order, compressed text unpacked."""
    db = sqlite3.connect(path)
    tables = [row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    found = {}
    for table in sorted(tables):
        rows = db.execute(f"SELECT * FROM {table} ORDER BY 1, 2").fetchall()
        found[table] = [
            tuple(zlib.decompress(v) if isinstance(v, bytes) else v for v in row) for row in rows
        ]
    db.close()
    return found


def test_the_committed_pack_is_what_the_script_builds(built: tuple[Path, dict[str, int]]) -> None:
    fresh, _ = built
    committed = build.PACK
    recorded = (
        sqlite3.connect(committed)
        .execute("SELECT value FROM meta WHERE name = 'sqlite_version'")
        .fetchone()[0]
    )
    if recorded == sqlite3.sqlite_version:
        assert fresh.read_bytes() == committed.read_bytes(), (
            "rebuild with scripts/build_occupations.py"
        )
    else:  # another SQLite lays the same rows out in other bytes
        assert _contents(fresh) == _contents(committed)


def test_a_second_build_gives_the_same_bytes(
    data: Path, built: tuple[Path, dict[str, int]], tmp_path: Path
) -> None:
    again = tmp_path / "again.sqlite"
    build.build(data, again)
    assert again.read_bytes() == built[0].read_bytes()
