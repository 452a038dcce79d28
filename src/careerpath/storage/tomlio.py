"""Reading and writing TOML files safely, and saying where in a file a problem is.

``tomllib`` reports syntax errors with a line, but a value of the wrong type is only found
later by pydantic, which knows the key path (``targets[1].salary.low``) and not the line.
``line_of`` walks the text once to map key paths back to lines so every problem a person sees
names file, line and field.
"""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from careerpath.core.errors import CannotWrite, InvalidFiles, Problem

if TYPE_CHECKING:
    from types import ModuleType

    from pydantic import ValidationError

    from careerpath.storage.cache import ParseCache

Loc = tuple[str | int, ...]

FILE_MODE = 0o600
DIR_MODE = 0o700


MAX_DEPTH = 50
"""Arrays and inline tables nested deeper than this are refused before parsing: no real
file comes close, and the parser would run out of stack."""

MAX_LINE = 100_000
"""Characters on one line; a longer one is refused (an answer that long is a paste gone
wrong, and every view would choke on it)."""


def read(path: Path, cache: ParseCache | None = None) -> tuple[dict[str, Any], str]:
    """The parsed data and the raw text of a TOML file; syntax errors name the line.

    Read as bytes and decoded strictly, with no newline translation: a bare carriage return
    is the syntax error TOML says it is, not silently a new line. With a ``cache``, text
    parsed before is not parsed again (see ``storage.cache``)."""
    text = read_text(path)
    return (parse(text, path) if cache is None else cache.parse(path, text, parse)), text


def read_text(path: Path) -> str:
    """The text of a file, read as bytes and decoded strictly (as ``read`` does)."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise InvalidFiles([Problem(path, f"cannot be read ({error.strerror})")]) from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        message = f"is not UTF-8 text (byte {data[error.start]:#04x})"
        raise InvalidFiles([Problem(path, message, line=line)]) from None
    return text


def _parser() -> ModuleType:
    """The compiled drop-in for tomllib, about three times faster; imported when a file is
    read, not at start-up."""
    try:
        import tomli
    except ImportError:  # pragma: no cover - tomli is a dependency; tomllib reads the same
        import tomllib

        return tomllib
    return tomli


def parse(text: str, path: Path) -> dict[str, Any]:
    """Parse TOML text, turning a syntax error into a ``Problem`` with its line."""
    _check_shape(text, path)
    toml_parser = _parser()
    try:
        data: dict[str, Any] = toml_parser.loads(text)
        return data
    except RecursionError:  # deeper than the check counts (it skips what looks like strings)
        raise InvalidFiles([Problem(path, f"is nested more than {MAX_DEPTH} deep")]) from None
    except toml_parser.TOMLDecodeError as error:
        message = str(error)
        match = re.search(r"\(at line (\d+), column \d+\)", message)
        line = int(match.group(1)) if match else None
        if line is None and "end of document" in message:
            line = max(1, len(text.splitlines()))  # unclosed at the end: name the last line
        message = re.sub(r"\s*\(at (line \d+, column \d+|end of document)\)", "", message)
        raise InvalidFiles([Problem(path, f"is not valid TOML: {message}", line=line)]) from None


_TOKEN = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'.*?\'\'\'|"(?:[^"\\\n]|\\.)*"|\'[^\'\n]*\''
    r"|#[^\n]*|[\[\]{}]|\n",
    re.DOTALL,
)


def _check_shape(text: str, path: Path) -> None:
    """Refuse, with the line, what no real file has: a line too long, or nesting deeper
    than ``MAX_DEPTH`` (checked before the parser recurses into it)."""
    if len(text) > MAX_LINE:
        for number, content in enumerate(text.split("\n"), start=1):
            if len(content) > MAX_LINE:
                message = f"has a line longer than {MAX_LINE:,} characters ({len(content):,})"
                raise InvalidFiles([Problem(path, message, line=number)])
    if text.count("[") + text.count("{") <= MAX_DEPTH:
        return
    depth, line = 0, 1
    for token in _TOKEN.finditer(text):
        found = token.group()
        if found == "\n":
            line += 1
        elif found in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                message = f"is nested more than {MAX_DEPTH} deep"
                raise InvalidFiles([Problem(path, message, line=line)])
        elif found in "]}":
            depth = max(0, depth - 1)
        else:
            line += found.count("\n")  # a multi-line string


def dumps(data: Mapping[str, Any], header: str = "") -> str:
    """TOML text for ``data``, with an optional comment ``header`` a person will read first."""
    import tomli_w  # only commands that write need it

    body = tomli_w.dumps(_drop_none(data), multiline_strings=True)
    if header:
        comment = "".join(f"# {line}".rstrip() + "\n" for line in header.splitlines())
        return comment + "\n" + body
    return body


def dumps_keeping(old_text: str, data: Mapping[str, Any], header: str = "") -> str:
    """TOML text for ``data`` that keeps ``old_text``'s comments, blank lines and key order
    everywhere outside the values that changed.

    Only a file a person has laid out by hand (see ``hand_laid_out``) needs this: tomlkit is
    several times slower than tomli-w, so files careerpath wrote itself are written afresh.
    Should the merge ever not read back as ``data``, the fresh text is used: a lost comment is
    better than a lost answer.
    """
    import tomlkit  # only writes over a hand-edited file need it

    plain = _drop_none(data)
    try:
        document = tomlkit.parse(old_text)
        _merge_table(document, plain)
        text = document.as_string()
        if _parser().loads(text) == plain:
            return text
    except Exception:  # any surprise in the merge falls back to a fresh write
        pass
    return dumps(data, header)


def hand_laid_out(text: str, header: str) -> bool:
    """Whether ``text`` has anything a fresh write would lose: a comment other than
    careerpath's own ``header``. (A ``#`` inside a string also counts: merging costs time,
    never data.)"""
    own = "".join(f"# {line}".rstrip() + "\n" for line in header.splitlines())
    body = text[len(own) :] if own and text.startswith(own) else text
    return "#" in body


def _merge_table(table: Any, new: Mapping[str, Any]) -> None:
    """Make tomlkit ``table`` hold ``new``, touching only keys whose value changed."""
    from tomlkit.items import AoT, InlineTable

    inline = isinstance(table, InlineTable)
    for key in [key for key in table if key not in new]:
        del table[key]
    for key, value in new.items():
        if key not in table:
            table[key] = _fresh(value, inline)
            continue
        old = table[key]
        if isinstance(value, Mapping) and isinstance(old, Mapping):
            _merge_table(old, value)
        elif _is_records(value) and _is_records(old):
            _merge_records(old, value)
        elif not _same(old, value):
            table[key] = _fresh(value, inline or not isinstance(old, Mapping | AoT))


def _merge_records(old: Any, new: list[Mapping[str, Any]]) -> None:
    """An array of tables: items are matched by ``id`` (by position when they have none), so
    each keeps its comments; removed ones go, added ones are appended."""

    from tomlkit.items import AoT

    def identity(item: Mapping[str, Any], position: int) -> Any:
        return item.get("id", position)

    old_keys = [identity(item, n) for n, item in enumerate(old)]
    new_keys = [identity(item, n) for n, item in enumerate(new)]
    kept = [key for key in old_keys if key in set(new_keys)]
    if kept != [key for key in new_keys if key in set(old_keys)]:
        raise ValueError("records were reordered")  # rebuilt afresh by the caller
    for position in reversed(range(len(old_keys))):
        if old_keys[position] not in set(new_keys):
            del old[position]
    by_key = dict(zip(kept, old, strict=True))
    for key, item in zip(new_keys, new, strict=True):
        if key in by_key:
            _merge_table(by_key[key], item)
        else:
            old.append(_fresh(item, inline=not isinstance(old, AoT)))


def _is_records(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(v, Mapping) for v in value)


def _same(old: Any, new: Any) -> bool:
    unwrapped = old.unwrap() if hasattr(old, "unwrap") else old
    return type(unwrapped) is type(new) and bool(unwrapped == new)


def _fresh(value: Any, inline: bool = False) -> Any:
    """A tomlkit item for a new value; text with line breaks as a multi-line string, as the
    fresh writer does. ``inline``: a table inside an inline array (``history = [{...}]``)."""
    import tomlkit

    if isinstance(value, str) and "\n" in value:
        return tomlkit.string(value, multiline=True)
    if isinstance(value, Mapping):
        table = tomlkit.inline_table() if inline else tomlkit.table()
        for key, item in value.items():
            table[key] = _fresh(item, inline)
        return table
    if _is_records(value):
        records = tomlkit.array() if inline else tomlkit.aot()
        for item in value:
            records.append(_fresh(item, inline))
        return records
    return tomlkit.item(value)


def _drop_none(value: Any) -> Any:
    """TOML has no null: an absent value is an absent key."""
    if isinstance(value, Mapping):
        return {key: _drop_none(item) for key, item in value.items() if item is not None}
    if isinstance(value, list):
        return [_drop_none(item) for item in value]
    return value


_STRINGS_AND_COMMENTS = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'.*?\'\'\'|"(?:[^"\\\n]|\\.)*"|\'[^\'\n]*\'|#[^\n]*',
    re.DOTALL,
)


def takes_one_more(text: str, key: str, count: int, ids: int) -> bool:
    """Whether a ``[[key]]`` table added at the end of ``text`` (valid TOML, read as holding
    ``count`` records under ``key`` and ``ids`` records with an id in all) becomes its record
    ``count + 1`` and leaves every other value as it was read.

    So it is when ``key`` is written as exactly ``count`` ``[[key]]`` tables (not inline, and
    not none: an empty ``key = []`` cannot take one), and every record's id is written in the
    file (one without is numbered when read, after the highest id, so the new one would renumber
    it). Strings and comments are set aside before counting, so text in a note that looks
    like a header or an id is not counted."""
    if count < 1:
        return False
    # Only a multi-line string can hold a line that looks like a header or an id (a comment,
    # or a one-line string, starts after a line's start): without one, nothing is set aside
    # (a pass over 5 MB less for a record added to 10,000).
    bare = _STRINGS_AND_COMMENTS.sub('""', text) if '"""' in text or "'''" in text else text
    header = rf"^[ \t]*\[\[[ \t]*{re.escape(key)}[ \t]*\]\][ \t]*$"
    written_ids = re.findall(r"^[ \t]*id[ \t]*=", bare, re.MULTILINE)
    return len(re.findall(header, bare, re.MULTILINE)) == count and len(written_ids) == ids


def write_atomic(path: Path, text: str | Iterable[str]) -> None:
    """Replace ``path`` with ``text`` (or its pieces, in order) so that a crash leaves either
    the old or the new file whole.

    Written to a temporary file in the same folder, flushed and fsynced, then renamed over the
    old one; the folder is fsynced too so the rename itself survives a power cut.
    """
    import tempfile

    with refusals(path):
        ensure_dir(path.parent)
        handle, temporary = tempfile.mkstemp(
            dir=path.parent, prefix=f".{path.name}.", suffix=".tmp"
        )
        try:
            with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
                stream.writelines([text] if isinstance(text, str) else text)
                stream.flush()
                os.fsync(stream.fileno())
            os.chmod(temporary, FILE_MODE)
            os.replace(temporary, path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
            raise
    # Renamed: the new file is there. A failing folder fsync cannot undo that, so it is
    # not reported as "not saved" (a retry would do the change twice).
    with contextlib.suppress(OSError):
        _fsync_dir(path.parent)


@contextlib.contextmanager
def refusals(path: Path) -> Iterator[None]:
    """The disk refusing a write to ``path`` (full, read-only…) as a plain ``CannotWrite``."""
    try:
        yield
    except OSError as error:
        if CannotWrite.refused(error):
            raise CannotWrite(path, error) from None
        raise


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return  # Windows cannot open a folder for fsync; NTFS journals the rename itself
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def ensure_dir(folder: Path) -> None:
    """Create ``folder`` (and parents) private to the person: 0700 whatever the umask (a
    folder that was there already keeps its mode)."""
    missing = []
    for ancestor in [folder, *folder.parents]:
        if ancestor.exists():
            break
        missing.append(ancestor)
    for created in reversed(missing):
        with contextlib.suppress(FileExistsError):
            created.mkdir(mode=DIR_MODE)
            os.chmod(created, DIR_MODE)  # mkdir's mode is cut by the umask, chmod's is not


# --- problems from validation ----------------------------------------------------------------


def problems_from(error: ValidationError, path: Path, text: str, raw: Any) -> list[Problem]:
    """Turn pydantic's errors into problems that name file, line and field."""
    problems = []
    for item in error.errors():
        loc: Loc = tuple(item["loc"])
        problems.append(
            Problem(
                path,
                _message(item),
                line=line_of(text, loc),
                field=field_name(loc, raw),
            )
        )
    return problems


def _child(node: Any, part: str | int) -> Any:
    if isinstance(node, Mapping) and isinstance(part, str):
        return node.get(part)
    if isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
        return node[part]
    return None


def field_name(loc: Loc, raw: Any) -> str:
    """A readable key path: list items that have an ``id`` are named by it.

    ``("stages", 0, "questions", 3, "choices")`` → ``stages.exploration.questions.values.choices``;
    other list items by position from 1: ``targets[2].salary``.
    """
    text = ""
    node = raw
    for part in loc:
        if isinstance(part, int):
            item = _child(node, part)
            if isinstance(item, Mapping) and isinstance(item.get("id"), str):
                text += f".{item['id']}"
            else:
                text += f"[{part + 1}]"
        else:
            text += f".{part}" if text else part
        node = _child(node, part)
    return text


def _message(item: Any) -> str:
    kind, message = item["type"], item["msg"]
    if kind == "extra_forbidden":
        return "unknown key: careerpath does not know it (check the spelling, or remove it)"
    if kind == "missing":
        return "is missing"
    if kind in {"value_error", "assertion_error"}:
        return re.sub(r"^(Value|Assertion) error, ", "", message)
    got = item.get("input")
    if isinstance(got, (str, int, float, bool)) and not isinstance(got, Mapping):
        shown = repr(got) if len(repr(got)) <= 40 else repr(got)[:37] + "..."
        return f"{message[0].lower()}{message[1:]} (found {shown})"
    return f"{message[0].lower()}{message[1:]}"


# --- where in the text a key path is ---------------------------------------------------------

_HEADER = re.compile(r"^\s*(\[\[?)\s*([^\]]+?)\s*\]\]?\s*(#.*)?$")
_SIMPLE_KEY = r"""(?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*')"""
_KEY = re.compile(rf"^\s*({_SIMPLE_KEY}(?:\s*\.\s*{_SIMPLE_KEY})*)\s*=")


def _split_key(dotted: str) -> list[str]:
    parts = re.findall(r"""[A-Za-z0-9_-]+|"[^"]*"|'[^']*'""", dotted)
    return [part.strip("\"'") for part in parts]


def _key_lines(text: str) -> Iterator[tuple[Loc, int]]:
    """Each key or table header in ``text`` with its full key path and 1-based line number."""
    context: Loc = ()
    array_counts: dict[tuple[str, ...], int] = {}
    in_multiline: str | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        if in_multiline:
            if line.count(in_multiline) % 2 == 1:
                in_multiline = None
            continue
        header = _HEADER.match(line)
        if header:
            names = _split_key(header.group(2))
            if header.group(1) == "[[":
                key = tuple(names)
                array_counts[key] = array_counts.get(key, -1) + 1
                # A new item of an array resets the counts of arrays nested inside it.
                for nested in [k for k in array_counts if k[: len(key)] == key and k != key]:
                    del array_counts[nested]
            context = _with_indices(names, array_counts)
            yield context, number
            continue
        key_match = _KEY.match(line)
        if key_match:
            yield context + tuple(_split_key(key_match.group(1))), number
            rest = line[key_match.end() :]
            for quote in ('"""', "'''"):
                if rest.count(quote) % 2 == 1:
                    in_multiline = quote


def _with_indices(names: list[str], array_counts: dict[tuple[str, ...], int]) -> Loc:
    """``[[a.b]]`` names → a path with the current item index after every array of tables."""
    path: list[str | int] = []
    for depth in range(1, len(names) + 1):
        path.append(names[depth - 1])
        count = array_counts.get(tuple(names[:depth]))
        if count is not None:
            path.append(count)
    return tuple(path)


def line_of(text: str, loc: Loc) -> int | None:
    """The line where the deepest known part of ``loc`` is written, or None if not found.

    A whole array of tables (``[[contacts]]``, written once per item) is found at its first
    item."""
    best_line, best_depth = None, 0
    first_inside = None
    for path, number in _key_lines(text):
        depth = _common_prefix(path, loc)
        if depth == len(path) and depth > best_depth:
            best_line, best_depth = number, depth
        elif loc and depth == len(loc) < len(path) and first_inside is None:
            first_inside = number
    if best_depth < len(loc) and first_inside is not None:
        return first_inside
    return best_line


def _common_prefix(a: Loc, b: Loc) -> int:
    depth = 0
    for left, right in zip(a, b, strict=False):
        if left != right:
            break
        depth += 1
    return depth
