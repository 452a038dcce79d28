"""Lists at 80 columns with long names: no line past the width, no word split across lines;
and piped output that is neither hard-wrapped nor padded with trailing spaces."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.cells import cell_len
from typer.testing import CliRunner

from conftest import run

EMPLOYER = "International Federation of Red Cross and Red Crescent Societies"
TITLE = "Senior Environmental Sustainability Programme Coordinator"
PERSON = "Maximiliana Oppenheimer-Castellanos"
NEXT_STEP = "Ask about the volunteer coordinator opening and the hiring timeline"
OFFERER = "Municipality of Amsterdam Department of Sustainable Development"
PAY = "90,000–130,000 USD per year"

# What each list shows of the long values, every word of which must stay whole.
SHOWN = {
    ("target", "list"): [TITLE, "90k–130k USD", "Growing", "Not sure yet"],
    ("contact", "list"): [PERSON, EMPLOYER, NEXT_STEP, "to reach out", "2026-12-01"],
    ("app", "list"): [EMPLOYER, TITLE, "2026-11-25"],
    ("offer", "list"): [OFFERER, TITLE, "95,000 EUR", "2026-12-10"],
    ("due",): [PERSON, EMPLOYER, NEXT_STEP, "2026-12-01"],
    ("stages",): ["diving-deeper", "Diving deeper", "in progress", "since 2026-11-25"],
    ("report",): [TITLE, EMPLOYER, PERSON, OFFERER],
}


@pytest.fixture
def crowded(runner: CliRunner, home_dir: Path) -> Path:
    """A home whose records have the long names and pay ranges people really have."""
    run(runner, "start")
    run(
        runner,
        "target",
        "add",
        TITLE,
        "--salary",
        "90000-130000 USD per year",
        "--outlook",
        "Growing",
    )
    run(
        runner,
        "target",
        "add",
        "Data analyst",
        "--salary",
        "25-35 USD/hour",
        "--outlook",
        "Not sure yet",
    )
    run(
        runner,
        "contact",
        "add",
        PERSON,
        "--org",
        EMPLOYER,
        "--next",
        NEXT_STEP,
        "--due",
        "2026-12-01",
    )
    run(runner, "contact", "add", "Jo Li", "--org", "Acme", "--next", "coffee", "--due", "3d")
    run(runner, "app", "add", EMPLOYER, TITLE, "--next", NEXT_STEP, "--due", "2026-12-03")
    run(
        runner,
        "offer",
        "add",
        OFFERER,
        "--role",
        TITLE,
        "--base",
        "95000 EUR",
        "--deadline",
        "2026-12-10",
    )
    return home_dir


def words_whole(value: str, lines: list[str]) -> list[str]:
    """The words of ``value`` that show on no line in one piece (nor cut with "…")."""
    cut = [token[:-1] for line in lines for token in line.split() if token.endswith("…")]
    return [
        word
        for word in value.split()
        if not any(word in line for line in lines)
        and not any(part and word.startswith(part) for part in cut)
    ]


@pytest.mark.parametrize("command", list(SHOWN), ids=" ".join)
def test_every_list_fits_80_columns_without_splitting_a_word(
    runner: CliRunner, crowded: Path, command: tuple[str, ...]
) -> None:
    lines = run(runner, *command).output.splitlines()
    too_long = [line for line in lines if cell_len(line) > 80]
    assert not too_long, too_long
    for value in SHOWN[command]:
        assert not words_whole(value, lines), (value, "\n".join(lines))


def test_a_pay_range_in_full_keeps_its_figures_together(runner: CliRunner, crowded: Path) -> None:
    lines = run(runner, "target", "show", "t1").output.splitlines()
    assert any(PAY in line for line in lines)
    assert all(cell_len(line) <= 80 for line in lines)


def test_a_cell_is_cut_with_an_ellipsis_rather_than_split(
    runner: CliRunner, home_dir: Path
) -> None:
    run(runner, "start")
    word = "Donaudampfschifffahrtsgesellschaftskapitänsmützenmacherin"
    run(runner, "contact", "add", f"Sam {word}", "--next", NEXT_STEP, "--due", "3d")
    lines = run(runner, "contact", "list").output.splitlines()
    assert all(cell_len(line) <= 80 for line in lines)
    assert not any(word in line for line in lines)
    assert any(
        token.endswith("…") and word.startswith(token[:-1]) for token in " ".join(lines).split()
    )


def test_piped_output_is_not_wrapped_nor_padded(
    runner: CliRunner, crowded: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("COLUMNS")
    for command in SHOWN:
        output = run(runner, *command).stdout
        padded = [line for line in output.splitlines() if line != line.rstrip()]
        assert not padded, (command, padded)
    # a list is one line per record, however long
    lines = run(runner, "contact", "list").stdout.splitlines()
    assert any(PERSON in line and EMPLOYER in line and NEXT_STEP in line for line in lines)
    # indented prose is not padded either, and a command in a hint stays on one line
    started = run(runner, "start", "--force").stdout
    assert [line for line in started.splitlines() if line != line.rstrip()] == []
    assert "careerpath questions --format toml > answers.toml" in started


def test_a_list_in_a_record_shows_one_item_a_line(runner: CliRunner, home_dir: Path) -> None:
    """Tasks are sentences: each gets its own bullet, wrapped under its own text, and a
    source that holds "; " stays one item."""
    run(runner, "start")
    first = "Analyse large sets of data with statistical software and explain what they show."
    second = "Present findings to people who decide."
    run(runner, "target", "add", "Analyst", "--task", first, "--task", second, "--source", "A; B")
    lines = run(runner, "target", "show", "t1").output.splitlines()
    bulleted = [i for i, line in enumerate(lines) if "•" in line]
    assert [lines[i].split("•", 1)[1].split()[0] for i in bulleted] == ["Analyse", "Present"]
    assert lines[bulleted[1]].endswith("• " + second)
    text_starts = lines[bulleted[0]].index("•") + 2
    wrapped = lines[bulleted[0] + 1]  # the rest of the first task, under its text
    assert wrapped[:text_starts].strip() == "" and wrapped[text_starts] != " "
    assert "explain what they show." in wrapped
    assert any(line.split() == ["Sources", "A;", "B"] for line in lines)
