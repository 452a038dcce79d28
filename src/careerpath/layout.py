"""Aligned columns and progress bars as plain ``rich.text.Text``.

rich's ``Table`` and ``ProgressBar`` look the same but cost about 12 ms to import and lay out
on every ``careerpath report``, more than everything the report computes, and they slow down a
list of a thousand applications further. Columns here are measured once, cut to the terminal's
width in the last column, and printed in one go.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.cells import cell_len, set_cell_size
from rich.text import Text

if TYPE_CHECKING:
    from rich.console import Console

Cell = str | tuple[str, str] | Text
"""Text, (text, style), or a ready ``Text``."""


def _text(cell: Cell) -> Text:
    if isinstance(cell, Text):
        return cell
    if isinstance(cell, tuple):
        return Text(cell[0], style=cell[1])
    return Text(cell)


def columns(
    rows: Sequence[Sequence[Cell]],
    width: int,
    header: Sequence[str] | None = None,
    right: Sequence[int] = (),
    gap: int = 2,
    wrap: bool = False,
) -> Text:
    """``rows`` as aligned columns, ``gap`` spaces apart. Columns whose index is in ``right``
    are right-aligned; the last column is cut to fit in ``width``, or with ``wrap`` continued
    on the next lines under itself."""
    lines = [[Text(h, style="bold") for h in header]] if header else []
    lines += [[_text(cell) for cell in row] for row in rows]
    out = Text()
    if not lines:
        return out
    count = max(len(line) for line in lines)
    widths = [
        max((cell_len(line[i].plain) for line in lines if i < len(line) - 1), default=0)
        for i in range(count)
    ]
    for line in lines:
        used = 0
        for index, cell in enumerate(line):
            if index == len(line) - 1:
                room = max(12, width - used)
                if cell_len(cell.plain) > room and wrap:
                    cell = _wrapped(cell, room, used)
                elif cell_len(cell.plain) > room:
                    cell = cell.copy()
                    cell.truncate(room - 1)
                    cell.append("…")
                if index in right:
                    out.append(" " * max(0, widths[index] - cell_len(cell.plain)))
                out.append_text(cell)
            else:
                pad = " " * (widths[index] - cell_len(cell.plain))
                if index in right:
                    out.append(pad)
                    out.append_text(cell)
                else:
                    out.append_text(cell)
                    out.append(pad)
                out.append(" " * gap)
                used += widths[index] + gap
        out.append("\n")
    return out


def _wrapped(cell: Text, room: int, indent: int) -> Text:
    """``cell`` broken at spaces into lines of ``room`` cells, indented to its column."""
    import textwrap

    lines = textwrap.wrap(cell.plain, room, break_on_hyphens=False) or [""]
    return Text(("\n" + " " * indent).join(lines), style=cell.style)


def bar(percent: int, width: int, colour: bool) -> Text:
    """A progress bar like rich's: the done part in the theme's bar colours; without colour,
    the part still to do is blank."""
    done = round(width * max(0, min(100, percent)) / 100)
    shown = Text("━" * done, style="bar.finished" if percent >= 100 else "bar.complete")
    shown.append("━" * (width - done) if colour else " " * (width - done), style="bar.back")
    return shown


def cut(text: str, width: int) -> str:
    """``text`` cut to ``width`` terminal cells, with an ellipsis when it was longer."""
    if cell_len(text) <= width:
        return text
    return set_cell_size(text, max(1, width - 1)) + "…"


def show(console: Console, text: Text) -> None:
    """Print lines made here as they are: no wrapping, no highlighting."""
    console.print(text, end="", soft_wrap=True, highlight=False)
