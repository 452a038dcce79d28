"""Borderless rich tables whose column widths are worked out here, from the text of the cells.

rich measures every cell of every column before it lays a table out, which is most of the
cost of printing one (a list of a thousand applications, or the report on every run).
Here each column is as wide as its widest cell, counted once with ``cell_len``, and handed to
rich as a fixed width, so rich only draws. When the columns do not fit the terminal, the
widest give way first, down to their longest word (a word is never split across lines);
only when even that does not fit is a word cut, and then with "…".
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping, Sequence
from itertools import pairwise
from operator import gt, le
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.console import Console, RenderableType

GAP = 2
# A column is never squeezed below this (or its own width, when narrower): four cells
# still show a word's start and its "…".
NARROWEST = 4
# A long word (a link, a path) may keep its column this wide at most before it is cut.
LONGEST_WORD_KEPT = 20
# Columns this narrow (a status, a date, a short header) give way only after the long ones.
SHORT = 14


def columns(
    console: Console,
    rows: Sequence[Sequence[Any]],
    header: Sequence[str] | None = None,
    *,
    wrap: bool = False,
    right: Collection[int] = (),
    fixed: Mapping[int, int] | None = None,
    indent: int = 0,
) -> None:
    """Print ``rows`` as aligned columns, ``GAP`` spaces apart, within the console's width.

    A cell is text, (text, style), a rich ``Text``, or any renderable in a column given a
    ``fixed`` width (a progress bar). ``right`` lists the columns aligned right. A column that
    has to give way wraps its cells at word boundaries with ``wrap``; without it, each cell
    stays on one line and is cut with "…".
    """
    from rich.cells import cell_len
    from rich.control import strip_control_codes
    from rich.table import Table
    from rich.text import Text

    def text(cell: Any) -> Any:
        if isinstance(cell, str):
            return Text(cell)
        if isinstance(cell, tuple):
            return Text(*cell)
        return cell

    # Plain text and a style per cell, without a rich Text each: a long list has tens of
    # thousands of cells, most of them drawn as they are (see ``_segments``).
    simple = [[_simple(cell, strip_control_codes) for cell in row] for row in rows]
    # The text of each cell (of a rich Text too; none of another renderable), and the cells
    # it takes, measured once for the widths and again for drawing it: a row at a time when
    # it is all printable ASCII (one cell a character, no tab or line break), most rows.
    plains = [
        [
            cell[0] if cell is not None else raw_cell.plain if isinstance(raw_cell, Text) else ""
            for raw_cell, cell in zip(raw, row, strict=True)
        ]
        for raw, row in zip(rows, simple, strict=True)
    ]
    ascii_rows: list[bool] = []
    sizes: list[list[int]] = []
    for row_plains in plains:
        ascii_rows.append(_printable_ascii(row_plains))
        sizes.append(
            list(map(len, row_plains)) if ascii_rows[-1] else [_cells(p) for p in row_plains]
        )
    count = max((len(row) for row in rows), default=len(header or ()))
    titles = [*(header or ()), *[""] * count][:count]
    fixed = fixed or {}

    def texts(index: int) -> list[str]:
        found = [row[index] for row in plains if index < len(row)]
        return [titles[index], *found] if header else found

    def measured(index: int) -> list[int]:
        found = [row[index] for row in sizes if index < len(row)]
        return [cell_len(titles[index]), *found] if header else found

    def longest_word(strings: list[str]) -> int:
        words = " ".join(strings).split()  # the column's words, each split once
        if _printable_ascii(words):
            return max(map(len, words), default=0)
        return max(map(_cells, set(words)), default=0)  # each word measured once

    natural, body, words = [], [], []
    for index in range(count):
        if index in fixed:
            natural.append(fixed[index])
            body.append(fixed[index])
            words.append(fixed[index])
            continue
        strings = texts(index)
        lengths = measured(index)
        widest = max(lengths, default=0)
        natural.append(widest)
        body.append(max(lengths[1 if header else 0 :], default=0))
        words.append(min(widest, max(NARROWEST, min(longest_word(strings), LONGEST_WORD_KEPT))))
    room = console.width - indent - GAP * (count - 1)
    # Long columns wrap first, short ones (a status, a date) kept whole; then headers wrap;
    # then short cells; only then are words cut, with "…".
    whole_short = [w if w <= SHORT else floor for w, floor in zip(natural, words, strict=True)]
    short_cells = [
        f if w > SHORT else max(b, f) for w, b, f in zip(natural, body, words, strict=True)
    ]
    hard = [w if i in fixed else min(w, NARROWEST) for i, w in enumerate(natural)]
    widths = natural
    for floors in (whole_short, short_cells, words, hard):
        widths = give_way(widths, floors, room)
        if sum(widths) <= room:
            break

    def table_of(rows: Sequence[Sequence[Any]], with_header: bool) -> RenderableType:
        table = Table(
            box=None,
            padding=(0, GAP, 0, 0),
            show_header=with_header,
            header_style="bold",
            show_edge=False,
            pad_edge=False,
        )
        for index in range(count):
            table.add_column(
                titles[index],
                width=widths[index],
                no_wrap=not wrap and index not in fixed,
                overflow="ellipsis",
                justify="right" if index in right else "left",
            )
        for row in rows:
            table.add_row(*row)
        if indent:
            from rich.padding import Padding

            return Padding(table, (0, 0, 0, indent), expand=False)
        return table

    if fixed:
        console.print(table_of([[text(cell) for cell in row] for row in rows], header is not None))
        return
    # A row whose cells each stay on one line is drawn here, as rich would draw it, without
    # rich measuring every cell again (most of the time of a long list); only rows that
    # wrap go through a table of their own, with the same widths.
    parts: list[RenderableType] = []
    lines: list[Text] = []
    coloured = console.color_system is not None
    # Rows drawn already: as segments in colour, else as text (styles are not written).
    ready: list[Any] = []
    styles: dict[Any, Any] = {}
    known_lines: dict[tuple[str, int, bool], tuple[list[str], list[int]]] = {}

    def drawn(
        cells: Sequence[tuple[str, Any] | None],
        sizes: Sequence[int],
        plains: Sequence[str] | None = None,
    ) -> Any:
        """A row of plain cells, drawn (``plains``: their texts, when known already)."""
        if coloured:
            return _segments(console, cells, widths, right, indent, styles, sizes)
        if plains is None:
            plains = [cell[0] if cell else "" for cell in cells]
        return _plain_row(plains, sizes, widths, right, indent)

    def flush_ready() -> None:
        if ready:
            from rich.segment import Segment, Segments

            if coloured:
                parts.append(Segments([segment for line in ready for segment in line]))
            else:  # unstyled text: the rows go out as one piece
                parts.append(Segments([Segment("".join([line + "\n" for line in ready]))]))
            ready.clear()

    def flush() -> None:
        if lines:
            # As segments: the lines are laid out already, so rich need not wrap them again.
            from rich.segment import Segment, Segments

            newline = Segment.line()
            parts.append(
                Segments(segment for line in lines for segment in (*line.render(console), newline))
            )
            lines.clear()

    if header is not None:
        if _one_line(titles, widths, wrap):
            lines.append(_line([Text(t) for t in titles], widths, right, indent))
            lines[-1].stylize("bold", indent)
        else:
            parts.append(table_of([], True))
    for raw, row_cells, row_plains, row_sizes, row_ascii in zip(
        rows, simple, plains, sizes, ascii_rows, strict=True
    ):
        if None not in row_cells:  # each cell plain text
            if _fits(row_plains, row_ascii, row_sizes, widths, wrap):
                flush()
                ready.append(drawn(row_cells, row_sizes, row_plains))
                continue
            over = [i for i, (s, w) in enumerate(zip(row_sizes, widths, strict=False)) if s > w]
            if not coloured and row_ascii and len(over) == 1:  # most rows that wrap
                flush()
                ready += _wrapped_in_one_column(
                    console, row_plains, row_sizes, widths, right, indent, over[0], known_lines
                )
                continue
            if row_ascii or not any("\n" in plain or "\t" in plain for plain in row_plains):
                # Wrapped at words by rich, each line then drawn as a row of plain cells.
                flush()
                ready += [
                    drawn(line, line_sizes)
                    for line, line_sizes in _wrapped_plain(
                        console, row_cells, row_sizes, widths, right, known_lines
                    )
                ]
                continue
        row = [text(cell) for cell in raw]
        if _one_line([cell.plain for cell in row], widths, wrap):
            flush_ready()
            lines.append(_line(row, widths, right, indent))
        else:
            flush_ready()
            lines += _wrapped(console, row, widths, right, indent)
    flush()
    flush_ready()
    from rich.console import Group

    console.print(Group(*parts), crop=False)


def _simple(cell: Any, strip: Callable[[str], str]) -> tuple[str, Any] | None:
    """A cell's text and style when it is plain text (or text and a style), control codes
    taken out (``strip``) as a rich ``Text`` does; None for a ``Text`` or any other
    renderable."""
    if isinstance(cell, str):
        return (cell if cell.isprintable() else strip(cell)), ""
    if isinstance(cell, tuple) and len(cell) == 2 and isinstance(cell[0], str):
        return (cell[0] if cell[0].isprintable() else strip(cell[0])), cell[1]
    return None


def _cells(plain: str) -> int:
    """The cells ``plain`` takes on a terminal: rich's ``cell_len``, counted at once for
    printable ASCII (one cell a character), most of what a list holds."""
    if plain.isascii() and plain.isprintable():
        return len(plain)
    from rich.cells import cell_len

    return cell_len(plain)


def _printable_ascii(texts: list[str]) -> bool:
    """Whether every one of ``texts`` is printable ASCII (one cell a character, no tab or
    line break), checked in one pass."""
    together = "".join(texts)
    return together.isascii() and together.isprintable()


def _segments(
    console: Console,
    row: Sequence[tuple[str, Any] | None],
    widths: Sequence[int],
    right: Collection[int],
    indent: int,
    styles: dict[Any, Any],
    sizes: Sequence[int],
) -> list[Any]:
    """One row of plain cells drawn as ``_line`` draws it, straight to segments, its line
    end too: the same text in the same styles, without building a rich ``Text`` for each
    cell and the line. ``sizes``: the cells each one takes. For a console in colour
    (``_plain_row`` draws a row without)."""
    from rich.segment import Segment
    from rich.style import Style

    def style_of(name: Any) -> Any:
        found = styles.get(name)
        if found is None:
            found = styles[name] = (
                name if isinstance(name, Style) else console.get_style(name, default=Style.null())
            )
        return found

    # One segment for neighbours in one style, as rich's Text: the text not yet a segment,
    # and its style (None: unstyled, as the gaps between cells and the line's end).
    segments: list[Any] = []
    text, style = " " * indent, None
    gap = " " * GAP
    for index, width in enumerate(widths):
        cell = row[index] if index < len(row) else None
        plain, name = cell if cell is not None else ("", "")
        length = sizes[index] if index < len(sizes) else 0
        if length > width:
            plain, length = _cut(plain, width)
        padding = " " * (width - length)  # in the cell's style, as rich pads it
        piece = padding + plain if index in right else plain + padding
        if index:
            if style is None:
                text += gap
            else:
                segments.append(Segment(text, style))
                text, style = gap, None
        if not piece:
            continue
        cell_style = style_of(name) if name else None
        if cell_style == style:
            text += piece
        else:
            if text:
                segments.append(Segment(text, style))
            text, style = piece, cell_style
    if style is None:
        segments.append(Segment(text + "\n"))
    else:
        segments += (Segment(text, style), Segment.line())
    return segments


def _plain_row(
    plains: Sequence[str],
    sizes: Sequence[int],
    widths: Sequence[int],
    right: Collection[int],
    indent: int,
) -> str:
    """``_segments`` without colour: the row's text (``plains``, taking ``sizes`` cells),
    its styles left out (they are not written), built as one string."""
    if len(plains) < len(widths):  # the missing cells are empty
        plains = [*plains, *[""] * (len(widths) - len(plains))]
        sizes = [*sizes, *[0] * (len(widths) - len(sizes))]
    if any(map(gt, sizes, widths)):
        cut = [
            _cut(p, w) if s > w else (p, s) for p, s, w in zip(plains, sizes, widths, strict=True)
        ]
        plains, sizes = [p for p, _ in cut], [s for _, s in cut]
    if right:
        texts = [
            " " * (w - s) + p if i in right else p + " " * (w - s)
            for i, (p, s, w) in enumerate(zip(plains, sizes, widths, strict=True))
        ]
    else:
        texts = [p + " " * (w - s) for p, s, w in zip(plains, sizes, widths, strict=True)]
    return " " * indent + (" " * GAP).join(texts)


def _cut(plain: str, width: int) -> tuple[str, int]:
    """``plain`` cut to ``width`` cells, ending in "…", as rich's ``Text.truncate`` cuts it,
    and the cells it then takes."""
    from rich.cells import cell_len, set_cell_size

    cut = set_cell_size(plain, width - 1) + "…"
    return cut, cell_len(cut)


def _fits(
    plains: Sequence[str], ascii: bool, sizes: Sequence[int], widths: Sequence[int], wrap: bool
) -> bool:
    """``_one_line`` for cells measured already (``sizes``); ``ascii``: they are all
    printable ASCII (no line breaks)."""
    if not ascii and any("\n" in plain for plain in plains):
        return False
    return not wrap or all(map(le, sizes, widths))


def _one_line(plains: Sequence[str], widths: Sequence[int], wrap: bool) -> bool:
    """Whether each cell of a row stays on one line: no line breaks, and each fits its
    column (or, without ``wrap``, is cut with "…" to fit)."""
    from rich.cells import cell_len

    return not any(
        "\n" in plain or (wrap and cell_len(plain) > widths[index])
        for index, plain in enumerate(plains)
    )


def _line(row: Sequence[Any], widths: Sequence[int], right: Collection[int], indent: int) -> Any:
    """One row of cells, each padded to its column's width in its own style, ``GAP`` apart."""
    from rich.cells import cell_len
    from rich.text import Text

    line = Text(" " * indent)
    for index, width in enumerate(widths):
        cell = row[index] if index < len(row) else Text()
        if cell_len(cell.plain) > width:
            cell = cell.copy()
            cell.truncate(width, overflow="ellipsis")
        padding = " " * (width - cell_len(cell.plain))
        if index:
            line.append(" " * GAP)
        if index in right:
            line.append(padding, style=cell.style)
            line.append_text(cell)
        else:
            line.append_text(cell)
            line.append(padding, style=cell.style)
    return line


def _wrapped(
    console: Console, row: Sequence[Any], widths: Sequence[int], right: Collection[int], indent: int
) -> list[Any]:
    """A row whose cells wrap at word boundaries, as lines; cells top-aligned."""
    from rich.cells import cell_len
    from rich.text import Text

    def lines_of(cell: Text, index: int, width: int) -> list[Text]:
        if "\n" not in cell.plain and cell_len(cell.plain) <= width:
            return [cell]  # it fits: one line, padded by ``_line`` as it pads every cell
        return list(
            cell.wrap(
                console, width, justify="right" if index in right else "left", overflow="ellipsis"
            )
        )

    wrapped = [
        lines_of(row[index] if index < len(row) else Text(), index, width)
        for index, width in enumerate(widths)
    ]
    height = max(len(cell_lines) for cell_lines in wrapped)
    return [
        _line(
            [cell[number] if number < len(cell) else Text() for cell in wrapped],
            widths,
            right,
            indent,
        )
        for number in range(height)
    ]


def _wrapped_plain(
    console: Console,
    row: Sequence[tuple[str, Any] | None],
    sizes: Sequence[int],
    widths: Sequence[int],
    right: Collection[int],
    known: dict[tuple[str, int, bool], tuple[list[str], list[int]]],
) -> list[tuple[Sequence[tuple[str, Any] | None], Sequence[int]]]:
    """A row of plain one-line cells that wrap, as ``_wrapped`` wraps them (rich's own
    ``Text.wrap``), one row of plain cells a line with the cells each takes (``sizes``: of
    the row's), for ``_segments`` or ``_plain_row`` to draw. ``known``: the lines of each
    text wrapped already, by text, width and alignment (a long list repeats names, steps)."""
    from itertools import zip_longest

    cells: list[list[tuple[str, Any]]] = []  # each column's lines
    taken: list[list[int]] = []  # and the cells each takes
    for index, width in enumerate(widths):
        cell = row[index] if index < len(row) else None
        if cell is None:
            cells.append([])
            taken.append([])
        elif sizes[index] <= width:
            cells.append([cell])
            taken.append([sizes[index]])
        else:
            plain, style = cell
            key = (plain, width, index in right)
            found = known.get(key)
            if found is None:
                found = known[key] = _lines_of(console, *key)
            cells.append([(line, style) for line in found[0]])
            taken.append(found[1])
    # Line by line, nothing below a cell's last line.
    return list(zip(zip_longest(*cells), zip_longest(*taken, fillvalue=0), strict=True))


def _wrapped_in_one_column(
    console: Console,
    plains: Sequence[str],
    sizes: Sequence[int],
    widths: Sequence[int],
    right: Collection[int],
    indent: int,
    index: int,
    known: dict[tuple[str, int, bool], tuple[list[str], list[int]]],
) -> list[str]:
    """A row of printable ASCII cells of which only the one at ``index`` wraps, drawn
    without colour as ``_wrapped_plain`` and ``_plain_row`` draw it: the first line with the
    other cells, the rest under it with nothing beside them (each line padded to its width,
    as every cell is). ``known``: as for ``_wrapped_plain``."""
    key = (plains[index], widths[index], index in right)
    found = known.get(key)
    if found is None:
        found = known[key] = _lines_of(console, *key)
    lines = found[0]  # printable ASCII: each line as wide as the column
    first = [*plains[:index], lines[0], *plains[index + 1 :]]
    taken = [*sizes[:index], widths[index], *sizes[index + 1 :]]
    before = " " * (indent + sum(widths[:index]) + GAP * index)
    after = "".join(" " * (GAP + width) for width in widths[index + 1 :])
    return [
        _plain_row(first, taken, widths, right, indent),
        *[before + line + after for line in lines[1:]],
    ]


def _lines_of(console: Console, plain: str, width: int, right: bool) -> tuple[list[str], list[int]]:
    """One line of text wrapped at words to ``width`` as rich's ``Text.wrap`` wraps it, and
    the cells each line takes."""
    if plain.isascii() and plain.isprintable():  # one cell a character, each line full
        lines = _wrapped_ascii(plain, width, right)
        return lines, [width] * len(lines)
    from rich.text import Text

    drawn = Text(plain).wrap(
        console, width, justify="right" if right else "left", overflow="ellipsis"
    )
    return [line.plain for line in drawn], [_cells(line.plain) for line in drawn]


def _wrapped_ascii(plain: str, width: int, right: bool) -> list[str]:
    """Printable ASCII wrapped at words as rich's ``Text.wrap`` wraps it (its own line
    breaking, then each line's end trimmed, cut with "…" and padded as it does), without a
    rich ``Text`` a line."""
    bounds = [0, *_ascii_breaks(plain, width), len(plain)]
    lines = []
    for start, end in pairwise(bounds):
        line = plain[start:end]
        if len(line) > width:  # Text.rstrip_end: spaces past the width go
            line = line[: len(line) - min(len(line) - len(line.rstrip()), len(line) - width)]
        if right:  # Lines.justify "right": stripped, cut, padded on the left
            line = line.rstrip()
            line = line[: width - 1] + "…" if len(line) > width else line
            lines.append(" " * (width - len(line)) + line)
        else:  # "left": cut, or padded on the right
            lines.append(line[: width - 1] + "…" if len(line) > width else line.ljust(width))
    return lines


_WORD_START = re.compile(r"[^ ]")


def _ascii_breaks(plain: str, width: int) -> list[int]:
    """Where rich's ``divide_line(plain, width, fold=False)`` breaks printable ASCII (where a
    space is the only white space), counted in characters (one cell each).

    Rich takes a word at a time, with its trailing spaces (the first word with the text's
    leading spaces too), and starts a new line at a word that does not fit, without its
    trailing spaces, in what is left of the line (a word longer than the line stands on a
    line of its own). So a line from ``start`` ends before the first word reaching past
    ``start + width``: found here by looking at that column, not at every word."""
    breaks: list[int] = []
    lead = len(plain) - len(plain.lstrip(" "))
    start, size = 0, len(plain)
    while start + width < size:
        limit = start + width
        floor = max(start, lead)  # spaces before it belong to the line's first word
        if limit < floor:  # leading spaces wider than the line: the first word stands alone
            space = plain.find(" ", floor)
        elif plain[limit] == " ":  # the words before the column fit: the next one breaks
            space = limit
        else:
            word = plain.rfind(" ", floor, limit) + 1  # where the word at the column starts
            if word > floor:
                breaks.append(word)
                start = word
                continue
            space = plain.find(" ", limit)  # the line's first word is longer than the line
        found = None if space < 0 else _WORD_START.search(plain, space)
        if found is None:  # nothing but spaces left
            break
        start = found.start()
        breaks.append(start)
    return breaks


def give_way(widths: Sequence[int], floors: Sequence[int], room: int) -> list[int]:
    """``widths`` narrowed until they add up to ``room``: always the widest column that is
    still above its floor gives up a cell, so short columns (ids, dates) keep their width."""
    narrowed = list(widths)
    excess = sum(narrowed) - room
    while excess > 0:
        candidates = [i for i, w in enumerate(narrowed) if w > floors[i]]
        if not candidates:
            break
        widest = max(candidates, key=lambda i: narrowed[i])
        others = [narrowed[i] for i in candidates if i != widest]
        # down to the next widest in one step (or as far as needed), not cell by cell
        step = max(1, min(narrowed[widest] - max([floors[widest], *others]), excess))
        narrowed[widest] -= step
        excess -= step
    return narrowed
