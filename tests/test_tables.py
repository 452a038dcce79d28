"""Lists drawn by ``views.tables.columns``: rows of plain text are drawn without a rich ``Text``
per cell, and must come out exactly as the same rows given as rich ``Text`` cells, which rich
lays out itself (wrapped at words, cut with "…", padded, in colour or not)."""

from __future__ import annotations

import io
import random
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rich.console import Console
from rich.text import Text

from careerpath.views import tables

WORDS = [
    "Acme",
    "UX",
    "researcher",
    "International",
    "Federation",
    "of",
    "Red",
    "Cross",
    "Send",
    "a",
    "thank-you",
    "note",
    "2026-11-25",
    "https://jobs.example.org/a/very/long/link/to/a/posting",
    "Oppenheimer-Castellanos",
    "café",
    "日本語の仕事",
    "bell\x07rung",  # a control code rich takes out
    "zero\u200bwidth",
    "tab\there",
    "two\nlines",
]
STYLES = ["", "bold", "red", "dim italic", "green"]


def _rows(seed: int, count: int) -> list[list[tuple[str, str]]]:
    chance = random.Random(seed)

    def cell(most: int) -> str:
        return " ".join(chance.choice(WORDS) for _ in range(chance.randint(0, most)))

    return [
        [
            (f"a{number}", ""),
            (cell(8), chance.choice(STYLES)),
            (chance.choice(["offer", "applied", "no response"]), chance.choice(STYLES)),
            (cell(3), ""),
            (cell(12), chance.choice(STYLES)),
        ]
        for number in range(count)
    ]


def _seen(drawn: str) -> list[tuple[str, str]]:
    """What a person sees of terminal output: each character with the style it is shown in
    (a style ended and at once begun again is one run of that style)."""
    seen: list[tuple[str, str]] = []
    style = ""
    for code, text in re.findall(r"\x1b\[([0-9;]*)m|([^\x1b]+)", drawn):
        if text:
            seen += [(char, style) for char in text]
        else:
            style = "" if code in ("", "0") else code
    return seen


def _drawn(rows: list[list[object]], width: int, colour: bool, **options: object) -> str:
    out = io.StringIO()
    console = Console(
        file=out,
        width=width,
        force_terminal=colour,
        color_system="truecolor" if colour else None,
        no_color=not colour,
    )
    tables.columns(console, rows, ["id", "name", "status", "since", "next"], **options)  # type: ignore[arg-type]
    return out.getvalue()


def test_what_is_seen_keeps_each_characters_style() -> None:
    assert _seen("a\x1b[31mb\x1b[0m\x1b[31mc\x1b[0md") == [
        ("a", ""),
        ("b", "31"),
        ("c", "31"),
        ("d", ""),
    ]


@pytest.mark.parametrize("width", [40, 80, 120])
@pytest.mark.parametrize("colour", [False, True])
@pytest.mark.parametrize("wrap", [False, True])
def test_plain_rows_are_drawn_as_rich_draws_the_same_rows(
    width: int, colour: bool, wrap: bool
) -> None:
    rows = _rows(seed=width, count=300)
    as_text: list[list[object]] = [
        [Text(plain, style=style) for plain, style in row] for row in rows
    ]
    for options in ({}, {"right": {2}, "indent": 2}):
        fast = _drawn(rows, width, colour, wrap=wrap, **options)  # type: ignore[arg-type]
        assert _seen(fast) == _seen(_drawn(as_text, width, colour, wrap=wrap, **options))
        if wrap and width <= 80:
            assert len(fast.splitlines()) > len(rows) + 1  # some rows did wrap


@pytest.mark.parametrize("wrapping", [1, 3, 4])
@pytest.mark.parametrize("options", [{}, {"right": {3}, "indent": 2}, {"right": {1, 4}}])
def test_a_row_with_one_long_cell_wraps_in_that_column_alone(
    wrapping: int, options: dict[str, object]
) -> None:
    # The rows of a long agenda: printable ASCII, one long cell (a title) that wraps.
    chance = random.Random(wrapping)
    long = [w for w in WORDS if w.isascii() and w.isprintable()]
    rows: list[list[object]] = []
    for number in range(60):
        row: list[object] = [(f"a{number}", "cyan"), ("Acme", ""), ("applied", ""), ("", ""), "x"]
        row[wrapping] = (" ".join(chance.choice(long) for _ in range(chance.randint(6, 14))), "")
        rows.append(row[: 4 if number % 7 == 0 and wrapping < 4 else 5])  # some rows short
    as_text: list[list[object]] = [
        [Text(cell[0], style=cell[1]) if isinstance(cell, tuple) else Text(cell) for cell in row]
        for row in rows
    ]
    for width in (50, 70):
        fast = _drawn(rows, width, False, wrap=True, **options)  # type: ignore[arg-type]
        assert fast == _drawn(as_text, width, False, wrap=True, **options)  # type: ignore[arg-type]
        assert len(fast.splitlines()) > len(rows) + 20  # most rows did wrap


@pytest.mark.parametrize("colour", [False, True])
def test_a_text_met_again_in_another_column_is_wrapped_to_that_column(colour: bool) -> None:
    # A long list repeats texts (a name, a next step): each is wrapped once per column
    # width and alignment, never drawn with the lines it got in another column.
    text = "Send a thank-you note to the whole panel"
    rows: list[list[tuple[str, str]]] = [
        [(f"a{n}", ""), (text, "bold"), ("offer", ""), (text, ""), (text, "red")] for n in range(3)
    ]
    rows.append([("a9", ""), (text + " and the recruiter who set it up", ""), ("", ""), ("", "")])
    as_text: list[list[object]] = [[Text(p, style=s) for p, s in row] for row in rows]
    for width in (50, 70, 90):
        fast = _drawn(rows, width, colour, wrap=True, right={4})  # type: ignore[arg-type]
        assert _seen(fast) == _seen(_drawn(as_text, width, colour, wrap=True, right={4}))


@pytest.mark.parametrize("width", [30, 45, 60])
def test_spaces_and_long_words_wrap_as_rich_wraps_them(width: int) -> None:
    chance = random.Random(width)
    pieces = ["a", "bb", "word", " ", "  ", "   ", "Supercalifragilistic", "x" * 31, "-"]

    def cell() -> str:
        return "".join(chance.choice(pieces) for _ in range(chance.randint(0, 14)))

    rows = [
        [(f"a{n}", ""), (cell(), ""), (cell(), "red"), (cell(), ""), (cell(), "")]
        for n in range(200)
    ]
    as_text: list[list[object]] = [[Text(p, style=s) for p, s in row] for row in rows]
    for options in ({}, {"right": {2, 3}}):
        fast = _drawn(rows, width, False, wrap=True, **options)  # type: ignore[arg-type]
        assert _seen(fast) == _seen(_drawn(as_text, width, False, wrap=True, **options))
        assert len(fast.splitlines()) > len(rows) + 1  # some rows did wrap


@given(
    st.lists(st.sampled_from(["a", "bb", "word", " ", "  ", "-", "x" * 25]), max_size=16).map(
        "".join
    ),
    st.integers(min_value=1, max_value=30),
)
def test_printable_ascii_breaks_where_rich_breaks_it(text: str, width: int) -> None:
    from rich._wrap import divide_line

    assert tables._ascii_breaks(text, width) == divide_line(text, width, fold=False)
