"""User text made safe for where it goes: one function per destination.

Anything read from a person's files (answers, names, folder names, paths) is data, never
control. A terminal must not receive escape sequences; Markdown must not gain headings, lists
or rules a person did not write as such; a spreadsheet must not run a cell as a formula; a
calendar line must not carry control characters. The views and the commands call these; no
other code escapes text of its own.
"""

from __future__ import annotations

import re

_INVISIBLE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f"  # C0 but tab and newline, DEL, C1 (CSI, OSC…)
    "\u200e\u200f\u202a-\u202e\u2066-\u2069]"  # direction marks and overrides
)


def _shown(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str, keep: str = "\t\n") -> str:
    """``text`` with control characters written out as ``\\x1b``-style text (``keep`` are
    left as they are), so an escape sequence shows instead of acting."""
    return _INVISIBLE.sub(lambda m: m.group() if m.group() in keep else _shown(m), text)


def for_terminal(text: str) -> str:
    """Text for a terminal: no escape sequence, bell, carriage return or direction override
    acts; each shows as ``\\x1b``-style text. Rich markup is not this function's business:
    print the result as ``Text`` or with markup off. A space ``code_kept_whole`` held back
    is a space again."""
    return visible(text).replace(_CODE_SPACE, " ")


_CODE_SPACE = "\ue000"
"""Stands in for a space inside a code span while lines are laid out: not whitespace to
rich's wrapping, one cell wide, and turned back into a space by ``for_terminal``."""
_CODE_SPAN = re.compile(r"`[^`\n]+`")


def code_kept_whole(text: str) -> str:
    """``text`` with the spaces inside each code span (`` `careerpath next --stage ID` ``)
    held back, so wrapping to the width breaks before or after a command, never inside it.
    For prose about to be laid out for a terminal; ``for_terminal`` puts the spaces back."""
    return _CODE_SPAN.sub(lambda m: m.group().replace(" ", _CODE_SPACE), text)


_INLINE = "\\`*_[]|<>#~&"
_BLOCK_START = re.compile(r"^(\s*)([-+=]|\d+[.)])", re.MULTILINE)
"""What starts a list, rule or heading underline; the other marks are escaped everywhere."""
_COMMAND = re.compile(r"`(careerpath(?: [^`\n]*)?)`")
"""A command careerpath names in its own sentences: a code span in Markdown."""


def for_markdown(text: str, *, own_line: bool = False) -> str:
    """Text for Markdown: inline formatting characters (and ``&``, which would start an
    entity) escaped, and whatever would start a heading, list item, rule, quote or code block
    at the start of a line (``===``, ``- ``, ``---``, ``> ``, ``1.``, an indent) escaped or
    dropped too, so an answer stays the paragraph it was. A command in backticks
    (`` `careerpath next` ``) stays a code span.

    The first line is escaped so only when ``own_line`` (the text starts a line of the
    document); after ``- **Values:** `` a leading ``1.`` is no list."""
    text = visible(text)
    parts = _COMMAND.split(text)  # text, command, text, command... text
    for at in range(0, len(parts), 2):
        parts[at] = _escaped(parts[at])
    for at in range(1, len(parts), 2):
        parts[at] = f"`{parts[at]}`"
    text = "".join(parts)
    # Leading blanks would make an indented code block; a paragraph drops them anyway.
    first, newline, rest = text.partition("\n")
    rest = re.sub(r"^[ \t]+", "", rest, flags=re.MULTILINE)
    if own_line:
        first = _BLOCK_START.sub(_escape_block_start, first.lstrip(" \t"))
    return first + newline + _BLOCK_START.sub(_escape_block_start, rest)


def _escaped(text: str) -> str:
    # A backslash before `#`, `*`, `` ` ``, `~`, `>` and the rest; `-`, `+`, `=` and `1.` are
    # only structure at a line start (``_BLOCK_START``).
    for char in _INLINE:
        text = text.replace(char, "\\" + char)
    return text


def _escape_block_start(match: re.Match[str]) -> str:
    indent, mark = match.group(1), match.group(2)
    if mark[0].isdigit():
        return f"{indent}{mark[:-1]}\\{mark[-1]}"
    return f"{indent}\\{mark}"


def for_markdown_cell(text: str) -> str:
    """Text for one cell of a Markdown table: as ``for_markdown``, on one line."""
    return for_markdown(" ".join(text.splitlines()))


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def for_csv(text: str) -> str:
    """A CSV cell a spreadsheet shows and never runs: a cell starting with ``= + - @``, a tab
    or a carriage return gets a ``'`` in front (OWASP's advice); control characters other
    than tab and line breaks show as ``\\x1b``-style text."""
    text = visible(text, keep="\t\n\r")
    return "'" + text if text.startswith(_FORMULA_START) else text


_JSON_UNSAFE = re.compile("[\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def for_json(text: str) -> str:
    """JSON text (from ``json.dumps``, which already escapes C0 controls) with C1 controls
    and direction overrides escaped as ``\\u009b`` too, so the JSON shown on a terminal
    cannot act on it; it parses to the same values."""
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def for_ics(text: str) -> str:
    """Text for an iCalendar property: no control characters but line breaks (which the
    calendar library writes as ``\\n``)."""
    return visible(text, keep="\n")
