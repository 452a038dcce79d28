"""Borderless rich tables whose column widths are worked out here, from the text of the cells.

rich measures every cell of every column before it lays a table out, which is most of the
cost of printing one (a list of a thousand applications, or the report on every run).
Here each column is as wide as its widest cell, counted once with ``cell_len``, and handed to
rich as a fixed width, so rich only draws. The last column takes what is left of the
terminal: cut with an ellipsis, or wrapped under itself.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.console import Console, RenderableType

GAP = 2
LAST_AT_LEAST = 12


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
    """Print ``rows`` as aligned columns, ``GAP`` spaces apart. A cell is text, (text,
    style), a rich ``Text``, or any renderable in a column given a ``fixed`` width.

    ``right`` lists the columns aligned right; ``fixed`` gives the width of columns whose
    cells are not text (a progress bar). The last column is cut to the terminal's width, or
    with ``wrap`` continued on the next lines under itself. If the other columns leave it
    less than a dozen cells, the lines run past a narrow terminal rather than every column
    being squeezed into "…".
    """
    from rich.cells import cell_len
    from rich.table import Table
    from rich.text import Text

    def text(cell: Any) -> Any:
        if isinstance(cell, str):
            return Text(cell)
        if isinstance(cell, tuple):
            return Text(*cell)
        return cell

    cells = [[text(cell) for cell in row] for row in rows]
    count = max((len(row) for row in cells), default=len(header or ()))
    titles = [*(header or ()), *[""] * count]
    fixed = fixed or {}

    def widest(index: int) -> int:
        if index in fixed:
            return fixed[index]
        found = [cell_len(row[index].plain) for row in cells if index < len(row)]
        return max([cell_len(titles[index]) if header else 0, *found])

    widths = [widest(index) for index in range(count)]
    used = indent + sum(widths[:-1]) + GAP * (count - 1)
    width = max(console.width, used + LAST_AT_LEAST)
    table = Table(
        box=None,
        padding=(0, GAP, 0, 0),
        show_header=header is not None,
        header_style="bold",
        show_edge=False,
        pad_edge=False,
    )
    for index in range(count - 1):
        table.add_column(
            titles[index],
            width=widths[index],
            no_wrap=True,
            justify="right" if index in right else "left",
        )
    table.add_column(
        titles[count - 1],
        width=min(widths[-1], width - used),
        no_wrap=not wrap,
        overflow="fold" if wrap else "ellipsis",
        justify="right" if count - 1 in right else "left",
    )
    for row in cells:
        table.add_row(*row)
    shown: RenderableType = table
    if indent:
        from rich.padding import Padding

        shown = Padding(table, (0, 0, 0, indent))
    terminal_width = console.width
    console.width = width  # rich never prints wider than the console it is given
    try:
        console.print(shown)
    finally:
        console.width = terminal_width
